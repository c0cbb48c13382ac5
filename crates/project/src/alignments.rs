//! Reviewed alignments of a source with its translation: one TOML file
//! per source under `alignments/` (the source's path + `.toml`), written
//! by `bianyi serve`'s alignment review, used by every report built.
//!
//! ```toml
//! source = "articles/a.zh-Hant.txt"
//! translation = "articles/a.en.txt"
//! reviewed = true
//!
//! [[bead]]
//! # 今天天氣很好。 | The weather is fine today.
//! source = ["5d1c0b6f2f6d9a1e"]
//! target = ["c1f3b7e2a8d0446b"]
//! ```
//!
//! Each bead names its sentences by [`bianyi_align::sentence_key`] (a
//! hash of the sentence's text), not by position: an edit elsewhere in
//! either text leaves the other beads valid; a bead whose sentences are
//! gone is stale ([`crate::Finding::Alignment`]) and its place is aligned
//! again.

use std::path::Path;

use bianyi_align::{Bitext, FixedBead, Options, Segmentation, align, apply_review, segment};
use serde::{Deserialize, Serialize};

use crate::config::Project;
use crate::error::Error;
use crate::plan::InputKind;

/// The folder of the reviewed alignments, relative to the project.
pub const ALIGNMENTS: &str = "alignments";

/// A reviewed alignment file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Alignment {
    /// The source, relative to the project.
    pub source: String,
    /// Its translation, relative to the project.
    pub translation: String,
    /// Whether a reviewer accepted the whole alignment.
    #[serde(default)]
    pub reviewed: bool,
    /// The beads, in order.
    #[serde(default, rename = "bead")]
    pub beads: Vec<SavedBead>,
}

/// One bead of an [`Alignment`]: the keys of its sentences.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SavedBead {
    /// Keys of the source sentences.
    #[serde(default)]
    pub source: Vec<String>,
    /// Keys of the translation's sentences.
    #[serde(default)]
    pub target: Vec<String>,
}

/// The alignment file of `input` (relative to the project).
pub fn alignment_file(input: &str) -> String {
    format!("{ALIGNMENTS}/{input}.toml")
}

/// The translation of the source `input` (relative path and language
/// tag), if its source set declares one.
pub fn translation_of(project: &Project, input: &str) -> Option<(String, String)> {
    let Some(InputKind::Document(k)) = project.input_kind(input) else {
        return None;
    };
    let set = project.sources.get(k)?;
    let rel = set.translation.as_ref()?.render(input, "")?;
    Some((rel, set.translation_lang.as_str().to_string()))
}

/// Text as a one-line TOML comment.
fn comment(text: &str, max: usize) -> String {
    let clean: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let mut out: String = clean.chars().take(max).collect();
    if clean.chars().count() > max {
        out.push('…');
    }
    out
}

impl Alignment {
    /// The alignment `bitext` of `source` with `translation`, every bead
    /// saved.
    pub fn of(source: &str, translation: &str, bitext: &Bitext, reviewed: bool) -> Alignment {
        Alignment {
            source: source.to_string(),
            translation: translation.to_string(),
            reviewed,
            beads: bitext
                .beads
                .iter()
                .map(|b| {
                    let f = FixedBead::of(bitext, b);
                    SavedBead {
                        source: f.source,
                        target: f.target,
                    }
                })
                .collect(),
        }
    }

    /// Reads an alignment file (its text `text`).
    pub fn parse(file: &Path, text: &str) -> Result<Alignment, Error> {
        toml::from_str(text).map_err(|e| crate::config::toml_error(file, text, &e))
    }

    /// The file's text; with `bitext` (the one saved), each bead's
    /// sentences as a comment, so that a diff reads.
    pub fn render(&self, bitext: Option<&Bitext>) -> String {
        let quote = |s: &str| toml::Value::String(s.to_string()).to_string();
        let list = |keys: &[String]| keys.iter().map(|k| quote(k)).collect::<Vec<_>>().join(", ");
        let mut out = String::from(
            "# A reviewed alignment (bianyi serve), used by every `bianyi build` \
             (docs/serve.md).\n",
        );
        out.push_str(&format!(
            "source = {}\ntranslation = {}\nreviewed = {}\n",
            quote(&self.source),
            quote(&self.translation),
            self.reviewed
        ));
        for (k, b) in self.beads.iter().enumerate() {
            out.push_str("\n[[bead]]\n");
            if let Some(bead) = bitext.and_then(|t| t.beads.get(k)) {
                let t = bitext.unwrap_or_else(|| unreachable!());
                out.push_str(&format!(
                    "# {} | {}\n",
                    comment(&t.source_text(bead, " "), 40),
                    comment(&t.target_text(bead, " "), 60)
                ));
            }
            out.push_str(&format!(
                "source = [{}]\ntarget = [{}]\n",
                list(&b.source),
                list(&b.target)
            ));
        }
        out
    }

    /// The beads as [`FixedBead`]s.
    pub fn fixed(&self) -> Vec<FixedBead> {
        self.beads
            .iter()
            .map(|b| FixedBead::new(b.source.clone(), b.target.clone()))
            .collect()
    }
}

/// Reads the alignment file of `input` (none: no review yet), and its
/// bytes.
pub fn load_alignment(
    project: &Project,
    input: &str,
) -> Result<Option<(Alignment, Vec<u8>)>, Error> {
    let path = project.path(&alignment_file(input));
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::read(&path, e)),
    };
    let a = Alignment::parse(&path, &text)?;
    Ok(Some((a, text.into_bytes())))
}

/// The sentences of a source (`zh`) and of its translation (`lang`).
pub fn sentences(
    source: &str,
    translation: &str,
    lang: &str,
) -> (Vec<bianyi_align::Segment>, Vec<bianyi_align::Segment>) {
    (
        segment(source, "zh", Segmentation::Sentences),
        segment(translation, lang, Segmentation::Sentences),
    )
}

/// `source` (a Chinese text) aligned with `translation` (in `lang`),
/// with the reviewed beads of `saved` in place: the bitext and the
/// indices of the saved beads that are stale.
pub fn aligned(
    source: &str,
    translation: &str,
    lang: &str,
    saved: Option<&Alignment>,
) -> (Bitext, Vec<usize>) {
    let options = Options::for_languages("zh", lang);
    let (s, t) = sentences(source, translation, lang);
    let mut bitext = align("zh", lang, s, t, &options);
    let stale = match saved {
        Some(a) => apply_review(&mut bitext, &a.fixed(), a.reviewed, &mut |s, t| {
            align("zh", lang, s.to_vec(), t.to_vec(), &options).beads
        }),
        None => Vec::new(),
    };
    (bitext, stale)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn render_parses_back_and_comments_are_one_line() {
        let (mut b, _) = aligned("甲。乙\r\n。", "A. B.", "en", None);
        b.source[0].text = "甲\u{7}。".into();
        let a = Alignment::of("a.txt", "a.en.txt", &b, true);
        let text = a.render(Some(&b));
        assert_eq!(Alignment::parse(Path::new("x.toml"), &text).unwrap(), a);
        assert!(text.lines().all(|l| !l.contains('\u{7}')));
        assert!(text.contains("reviewed = true"));
    }

    #[test]
    fn unknown_keys_are_refused_with_their_place() {
        let e = Alignment::parse(
            Path::new("x.toml"),
            "source = \"a\"\ntranslation = \"b\"\nbeads = []\n",
        )
        .unwrap_err();
        assert!(e.to_string().contains("x.toml:3"), "{e}");
    }
}
