//! Ambiguity reports: where a conversion chose among several candidates.

use crate::context::Unit;
use crate::engine::{Converter, segment, unmatched_len};
use crate::tables::Dict;
use crate::target::{Document, Route, TargetConverter, config_converter};

/// One place where the source had more than one candidate conversion.
///
/// With the `serde` feature it serializes as an object with the fields'
/// names (`rule` a string).
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Ambiguity {
    /// Byte offset of the source text in the input.
    pub byte: usize,
    /// Character offset of the source text in the input.
    pub char: usize,
    /// 1-based line of the source text.
    pub line: usize,
    /// 1-based column (in characters) of the source text.
    pub column: usize,
    /// The source character or phrase, as the deciding stage saw it.
    pub source: String,
    /// What was chosen.
    pub output: String,
    /// Every candidate, the chosen one included, in dictionary order.
    pub alternatives: Vec<String>,
    /// What decided: `default` (the dictionary's first candidate for a
    /// character), `phrase` (a phrase of the dictionary), `word boundaries`
    /// (a phrase allowed by the word split), `著 rule`, `著 word`.
    pub rule: &'static str,
}

/// A finding before positions are resolved: byte offset in the input.
type Raw = (usize, String, String, Vec<String>, &'static str);

/// Text with, per character, the byte offset in the original input it
/// comes from.
struct Traced {
    text: String,
    origin: Vec<usize>,
}

impl Traced {
    fn new(text: &str, base: usize) -> Traced {
        Traced {
            text: text.to_string(),
            origin: text.char_indices().map(|(i, _)| base + i).collect(),
        }
    }
}

/// The candidates of `source` in an alternatives table, if it has several.
fn candidates(alts: Option<Dict>, source: &str) -> Option<Vec<String>> {
    let alts = alts?;
    let v = alts.value_of(source)?;
    Some(alts.value_text(v).split('\t').map(str::to_string).collect())
}

/// Records what a unit decided: the unit itself if it has several
/// candidates; and for a phrase, each of its characters that has several
/// candidates on its own (the phrase chose among them: 头发 picks 髮 of
/// 發/髮). `origins` gives the input offset of each character of `source`.
fn unit_findings(
    alts: Option<Dict>,
    source: &str,
    output: &str,
    origins: &[usize],
    phrase_rule: &'static str,
    found: &mut Vec<Raw>,
) {
    let origin = origins.first().copied().unwrap_or(0);
    let phrase = source.chars().nth(1).is_some();
    if let Some(list) = candidates(alts, source) {
        found.push((
            origin,
            source.to_string(),
            output.to_string(),
            list,
            if phrase { phrase_rule } else { "default" },
        ));
    }
    if phrase && source.chars().count() == output.chars().count() {
        for ((k, (i, c)), o) in source.char_indices().enumerate().zip(output.chars()) {
            if let Some(list) = candidates(alts, &source[i..i + c.len_utf8()]) {
                let at = origins.get(k).copied().unwrap_or(origin);
                found.push((at, c.to_string(), o.to_string(), list, phrase_rule));
            }
        }
    }
}

/// Applies one stage to `input` like the engine's general path, recording
/// the units that had alternatives.
fn stage(dict: Dict, alts: Option<Dict>, input: &Traced, found: &mut Vec<Raw>) -> Traced {
    let mut out = Traced {
        text: String::with_capacity(input.text.len()),
        origin: Vec::with_capacity(input.origin.len()),
    };
    let text = input.text.as_str();
    let mut i = 0;
    let mut ci = 0;
    while i < text.len() {
        let origin = input.origin.get(ci).copied().unwrap_or(0);
        let (end, piece) = match dict.longest(text, i) {
            Some(f) => {
                let value = dict.value_text(f.value);
                let source = &text[i..f.end];
                let origins = &input.origin[ci.min(input.origin.len())..];
                unit_findings(alts, source, &value, origins, "phrase", found);
                (f.end, value)
            }
            None => {
                let n = unmatched_len(text, i);
                (i + n, text[i..i + n].to_string())
            }
        };
        let unit_chars = text[i..end].chars().count();
        let same = piece.chars().count() == unit_chars;
        for k in 0..piece.chars().count() {
            let from = if same { ci + k } else { ci };
            out.origin
                .push(input.origin.get(from).copied().unwrap_or(origin));
        }
        out.text.push_str(&piece);
        ci += unit_chars;
        i = end;
    }
    out
}

impl Converter {
    /// The places in `text` where this conversion chose among several
    /// candidates, in input order. The output is what
    /// [`Converter::convert`] gives; this runs OpenCC's pipeline stage by
    /// stage to see each choice, so it is slower.
    ///
    /// ```
    /// use bianyi_convert::{Config, Converter};
    ///
    /// let found = Converter::new(Config::S2t).ambiguities("头发很长，后来剪了。");
    /// // 发 could be 發 or 髮: the phrase 头发 chose 髮.
    /// assert_eq!((found[0].source.as_str(), found[0].output.as_str(), found[0].rule), ("发", "髮", "phrase"));
    /// assert_eq!(found[0].alternatives, ["發", "髮"]);
    /// ```
    pub fn ambiguities(&self, text: &str) -> Vec<Ambiguity> {
        let mut raw = Vec::new();
        self.collect(text, 0, &mut raw);
        resolve(text, raw)
    }

    /// Collects findings for `text`, which starts at byte `base` of the input.
    pub(crate) fn collect(&self, text: &str, base: usize, raw: &mut Vec<Raw>) {
        let normalized;
        let text = if self.normalizes(text) {
            normalized = self.normalize(text);
            normalized.as_str()
        } else {
            text
        };
        let alts = self.alternative_dicts();
        let mut run = |seg: &str, seg_base: usize| {
            let mut current = Traced::new(seg, seg_base);
            for (k, dict) in self.stage_dicts().iter().enumerate() {
                current = stage(*dict, alts.get(k).copied(), &current, raw);
            }
        };
        match self.segmentation_dict() {
            None => run(text, base),
            Some(seg) => {
                let mut at = 0;
                segment(seg, text, |s| {
                    run(s, base + at);
                    at += s.len();
                });
            }
        }
    }
}

impl Document {
    /// The places in `text` where converting to the target chose among
    /// several candidates or applied a context rule, in input order.
    /// Positions refer to the input; `rule` is `default`, `phrase` (a word
    /// or phrase of the tables chose), or the name of the context rule.
    pub fn ambiguities(&self, text: &str) -> Vec<Ambiguity> {
        let mut raw: Vec<Raw> = Vec::new();
        let mut base = 0;
        for paragraph in text.split_inclusive('\n') {
            for (piece, route) in self.pieces(paragraph) {
                self.piece_findings(piece, route, base, &mut raw);
                base += piece.len();
            }
        }
        resolve(text, raw)
    }

    fn piece_findings(&self, piece: &str, route: Route, base: usize, raw: &mut Vec<Raw>) {
        let tofu = self.converter().tofu_risk_enabled();
        match route {
            Route::Keep => {}
            Route::Traditional { repair, steps } => {
                // Each step's choices, at the input characters they come
                // from (while the steps keep the number of characters).
                let convs: Vec<&Converter> = repair
                    .and_then(|c| config_converter(c, tofu))
                    .into_iter()
                    .chain(steps.converters(tofu))
                    .collect();
                let origin: Vec<usize> = piece.char_indices().map(|(i, _)| base + i).collect();
                let mut current = piece.to_string();
                for conv in convs {
                    let mut found = Vec::new();
                    conv.collect(&current, 0, &mut found);
                    let starts: Vec<usize> = current.char_indices().map(|(i, _)| i).collect();
                    if starts.len() == origin.len() {
                        for (b, source, output, alts, rule) in found {
                            // Only where the step sees the input's own text
                            // (a choice about what an earlier step wrote is
                            // not the input's).
                            if let Ok(k) = starts.binary_search(&b)
                                && piece[origin[k] - base..].starts_with(&source)
                            {
                                raw.push((origin[k], source, output, alts, rule));
                            }
                        }
                    }
                    current = conv.convert(&current);
                }
            }
            Route::FromSimplified(config) => {
                let Some(conv) = config_converter(config, tofu) else {
                    return;
                };
                let alts = conv.alternative_dicts().first().copied();
                let mut out = String::new();
                crate::target::convert_with(
                    route,
                    self.converter(),
                    piece,
                    &mut out,
                    Some(&mut |u: Unit<'_>| {
                        let same = u.source.chars().count() == u.output.chars().count();
                        for (k, ((i, c), o)) in
                            u.source.char_indices().zip(u.output.chars()).enumerate()
                        {
                            if !same {
                                break;
                            }
                            let by_rule = u.rule.filter(|&(at, _)| at == k).map(|(_, name)| name);
                            let list = candidates(alts, &u.source[i..i + c.len_utf8()]);
                            if by_rule.is_none() && list.is_none() {
                                continue;
                            }
                            let rule = by_rule.unwrap_or(if u.source.chars().nth(1).is_some() {
                                "phrase"
                            } else {
                                "default"
                            });
                            raw.push((
                                base + u.start + i,
                                c.to_string(),
                                o.to_string(),
                                list.unwrap_or_else(|| vec![o.to_string()]),
                                rule,
                            ));
                        }
                    }),
                    None,
                );
            }
        }
    }
}

impl TargetConverter {
    /// [`Document::ambiguities`] for `text` judged as a whole.
    pub fn ambiguities(&self, text: &str) -> Vec<Ambiguity> {
        self.document(text).ambiguities(text)
    }
}

/// Sorts findings by position, drops duplicates (the same source and
/// output at the same place), and fills in line and column.
fn resolve(text: &str, mut raw: Vec<Raw>) -> Vec<Ambiguity> {
    raw.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| b.1.len().cmp(&a.1.len())));
    raw.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
    let mut out = Vec::with_capacity(raw.len());
    let (mut byte, mut ch, mut line, mut column) = (0usize, 0usize, 1usize, 1usize);
    let mut chars = text.char_indices().peekable();
    for (at, source, output, alternatives, rule) in raw {
        while let Some(&(b, c)) = chars.peek() {
            if b >= at {
                break;
            }
            chars.next();
            ch += 1;
            if c == '\n' {
                line += 1;
                column = 1;
            } else {
                column += 1;
            }
            byte = b + c.len_utf8();
        }
        let _ = byte;
        out.push(Ambiguity {
            byte: at,
            char: ch,
            line,
            column,
            source,
            output,
            alternatives,
            rule,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, Target};

    #[test]
    fn positions_and_rules() {
        let found = Converter::new(Config::S2t).ambiguities("第一行\n头发很长");
        let fa = found
            .iter()
            .find(|a| a.source == "发")
            .expect("发 reported");
        assert_eq!((fa.line, fa.column, fa.char, fa.byte), (2, 2, 5, 13));
        assert_eq!((fa.output.as_str(), fa.rule), ("髮", "phrase"));
        assert_eq!(fa.alternatives, vec!["發", "髮"]);

        let to_hans = TargetConverter::new(Target::Hans);
        let found = to_hans.ambiguities("他領導著團隊，成就卓著。");
        let zhu: Vec<(usize, &str, &str)> = found
            .iter()
            .filter(|a| a.source.contains('著'))
            .map(|a| (a.char, a.source.as_str(), a.output.as_str()))
            .collect();
        // 他領導著團隊，成就卓著。: the particle (4th character) becomes 着,
        // 卓著 keeps 著 (11th).
        assert_eq!(zhu, vec![(3, "著", "着"), (10, "著", "著")]);
    }
}
