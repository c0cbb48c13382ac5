//! Reviewers' decisions: what the conversion must write for a word in the
//! whole project, or at one spot of one file. Kept in a plain TOML file
//! (`overrides.toml`), sorted, one table per decision, so that a review
//! shows as a readable diff.
//!
//! ```toml
//! [[word]]
//! source = "皇后"
//! output = "皇后"
//! targets = ["zh-Hans"]
//!
//! [[spot]]
//! file = "articles/weather.txt"
//! context = "衣服晾干了"
//! source = "干"
//! output = "乾"
//! ```
//!
//! A spot is found by its `context` (the text around it, as in the
//! source), not by line and column, so that it survives edits elsewhere in
//! the file; `source` is its first occurrence in the context. Every
//! occurrence of the context in the file gets the decision.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind, Location};

/// The decisions of a project.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Overrides {
    /// Words decided for the whole project.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub word: Vec<WordOverride>,
    /// Spots decided in one file.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub spot: Vec<SpotOverride>,
}

/// A word written as decided wherever it occurs.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct WordOverride {
    /// The word as in the sources.
    pub source: String,
    /// What to write.
    pub output: String,
    /// Targets it applies to (empty: all).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<String>,
}

/// One spot of one file written as decided.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SpotOverride {
    /// The file, relative to the project.
    pub file: String,
    /// The text around the spot, as in the source.
    pub context: String,
    /// The text of the spot (its first occurrence in `context`).
    pub source: String,
    /// What to write.
    pub output: String,
    /// Targets it applies to (empty: all).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<String>,
}

/// Characters of context taken on each side of a new spot.
const CONTEXT: usize = 6;

impl Overrides {
    /// Reads an overrides file (its text `text`).
    pub fn parse(file: &Path, text: &str) -> Result<Overrides, Error> {
        let o: Overrides =
            toml::from_str(text).map_err(|e| crate::config::toml_error(file, text, &e))?;
        for s in &o.spot {
            if s.source.is_empty() || !s.context.contains(&s.source) {
                let at = text.find(&s.context).unwrap_or(0);
                return Err(Error::at(
                    ErrorKind::OverrideSpot {
                        source: s.source.clone(),
                        context: s.context.clone(),
                    },
                    Location::in_text(file, text, at),
                ));
            }
        }
        Ok(o)
    }

    /// The file's text: sorted, one table per decision.
    pub fn render(&self) -> String {
        let mut sorted = self.clone();
        sorted.word.sort();
        sorted.word.dedup();
        sorted.spot.sort();
        sorted.spot.dedup();
        let mut out = String::from(
            "# Reviewers' decisions, applied by every `bianyi build` (docs/workspace.md).\n\n",
        );
        out.push_str(&toml::to_string(&sorted).unwrap_or_default());
        out
    }

    /// Adds a word decision (replacing one for the same word and targets).
    pub fn add_word(&mut self, word: WordOverride) {
        self.word
            .retain(|w| !(w.source == word.source && w.targets == word.targets));
        self.word.push(word);
    }

    /// Adds a spot decision (replacing one at the same place).
    pub fn add_spot(&mut self, spot: SpotOverride) {
        self.spot.retain(|s| {
            !(s.file == spot.file
                && s.context == spot.context
                && s.source == spot.source
                && s.targets == spot.targets)
        });
        self.spot.push(spot);
    }

    /// The decisions for `file` converted to `target`, ready to apply:
    /// spots first, then words.
    pub(crate) fn for_file(&self, file: &str, target: &str) -> Vec<Decision> {
        let applies =
            |targets: &[String]| targets.is_empty() || targets.iter().any(|t| t == target);
        let mut found: Vec<Decision> = self
            .spot
            .iter()
            .filter(|s| s.file == file && applies(&s.targets) && !s.source.is_empty())
            .filter_map(|s| {
                Some(Decision {
                    offset: s.context.find(&s.source)?,
                    pattern: s.context.clone(),
                    len: s.source.len(),
                    output: s.output.clone(),
                })
            })
            .collect();
        let mut words: Vec<Decision> = self
            .word
            .iter()
            .filter(|w| !w.source.is_empty() && applies(&w.targets))
            .map(|w| Decision {
                pattern: w.source.clone(),
                offset: 0,
                len: w.source.len(),
                output: w.output.clone(),
            })
            .collect();
        // Longer words first: 皇后区 before 皇后.
        words.sort_by(|a, b| b.len.cmp(&a.len).then_with(|| a.pattern.cmp(&b.pattern)));
        found.extend(words);
        found
    }
}

/// One decision ready to apply: where `pattern` occurs, the `len` bytes
/// at `offset` in it are written as `output`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Decision {
    pub(crate) pattern: String,
    pub(crate) offset: usize,
    pub(crate) len: usize,
    pub(crate) output: String,
}

impl SpotOverride {
    /// The decision `output` for the text `source` at 1-based `line` and
    /// `column` (in characters) of `text`, the contents of `file`; its
    /// context is taken from the line.
    pub fn at(
        file: &str,
        text: &str,
        line: usize,
        column: usize,
        source: &str,
        output: &str,
    ) -> Result<SpotOverride, Error> {
        let missing = || {
            Error::new(ErrorKind::NoSuchSpot {
                file: file.to_string(),
                source: source.to_string(),
            })
        };
        let the_line = text
            .split('\n')
            .nth(line.checked_sub(1).ok_or_else(missing)?);
        let chars: Vec<char> = the_line.ok_or_else(missing)?.chars().collect();
        let start = column.checked_sub(1).ok_or_else(missing)?;
        let len = source.chars().count();
        if source.is_empty()
            || start + len > chars.len()
            || chars[start..start + len].iter().collect::<String>() != source
        {
            return Err(missing());
        }
        // The context starts after any earlier occurrence of the source,
        // so that the spot is the first one in it.
        let mut from = start.saturating_sub(CONTEXT);
        let before: String = chars[from..start].iter().collect();
        if let Some(k) = before.rfind(source) {
            from += before[..k + source.len()].chars().count();
        }
        let to = (start + len + CONTEXT).min(chars.len());
        let context: String = chars[from..to].iter().collect::<String>();
        let context = context.trim_end_matches('\r').to_string();
        Ok(SpotOverride {
            file: file.to_string(),
            context,
            source: source.to_string(),
            output: output.to_string(),
            targets: Vec::new(),
        })
    }
}

/// Where decisions apply in `text`: byte ranges and what to write there,
/// in order and without overlaps (an earlier decision wins).
pub(crate) fn places<'a>(text: &str, decisions: &'a [Decision]) -> Vec<(usize, usize, &'a str)> {
    let mut taken: Vec<(usize, usize, &str)> = Vec::new();
    for d in decisions {
        for (k, _) in text.match_indices(d.pattern.as_str()) {
            let (start, end) = (k + d.offset, k + d.offset + d.len);
            if taken.iter().all(|&(s, e, _)| end <= s || start >= e) {
                taken.push((start, end, d.output.as_str()));
            }
        }
    }
    taken.sort_unstable();
    taken
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spots_take_their_context_and_apply_once_per_occurrence() {
        let text = "衣服晾干了。干杯！\n他把衣服晾干了。";
        let spot = SpotOverride::at("a.txt", text, 1, 4, "干", "乾").unwrap();
        assert_eq!(spot.context, "衣服晾干了。干杯！");
        let mut o = Overrides::default();
        o.add_spot(spot);
        o.add_word(WordOverride {
            source: "干杯".into(),
            output: "乾杯".into(),
            targets: vec![],
        });
        let d = o.for_file("a.txt", "zh-TW");
        let p = places(text, &d);
        let shown: Vec<&str> = p.iter().map(|&(s, e, _)| &text[s..e]).collect();
        assert_eq!(shown, ["干", "干杯"]);
        assert!(o.for_file("b.txt", "zh-TW").len() == 1);
        let back = Overrides::parse(Path::new("o.toml"), &o.render()).unwrap();
        assert_eq!(back.spot, o.spot);
        assert!(SpotOverride::at("a.txt", text, 1, 3, "干", "乾").is_err());
    }
}
