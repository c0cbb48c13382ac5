//! Bilingual file writers for bianyi bitexts: beads, TSV, JSON Lines,
//! Markdown, TMX 1.4b, XLIFF 2.0, and a self-contained HTML report.
//!
//! Every writer is a pure function from a [`Bitext`] (and options) to a
//! `String`; nothing here prints or touches files. The report writers take
//! a [`Report`], which holds the page's options (title, threshold, diff,
//! [`TermSpan`]s, summary lines, [`Labels`]).
//!
//! XML and HTML writers escape every piece of input text, attributes
//! included; characters XML 1.0 forbids (C0 controls other than tab, line
//! feed and carriage return; U+FFFE, U+FFFF) are written as U+FFFD, so the
//! output is well-formed for any input. The HTML report also replaces every
//! other control character with U+FFFD and carries no script at all.
//!
//! ```
//! use bianyi_align::{Bead, Bitext, Segment};
//!
//! let seg = |t: &str| Segment::new(t, 0, 0);
//! let b = Bitext::new(
//!     "zh-Hant",
//!     "en",
//!     vec![seg("顏樂存說。")],
//!     vec![seg("LeCun said.")],
//!     vec![Bead::new(vec![0], vec![0], 1.0)],
//! );
//! assert_eq!(bianyi_formats::beads(&b), "[0]:[0]\n");
//! // Source, target, score and flags (none: a sure 1-1 bead).
//! assert_eq!(bianyi_formats::tsv(&b), "顏樂存說。\tLeCun said.\t1.0000\t\n");
//! let page = bianyi_formats::html(&bianyi_formats::Report::new(&b, "LeCun"));
//! assert!(page.contains("<td lang=\"en\"><span class=\"seg\" data-seg=\"0\">LeCun said.</span></td>"));
//! Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Beads with an empty side (1-0, 0-1) are kept by every writer except
//! [`tmx`], which has no way to say "untranslated" and leaves them out.
//!
//! Converting documents and localization files in place (Markdown, HTML,
//! subtitles, JSON, Fluent, PO) is the job of `bianyi-rewrite`.

mod escape;
mod plain;
mod report;
mod xml;

use bianyi_align::{Bead, Bitext, Segment};

pub use escape::{html_escape, xml_escape};
pub use plain::{Formulas, beads, jsonl, markdown, tsv, tsv_with, tsv_with_header};
pub use report::{CountLabels, Counts, Labels, Report, Side, TermSpan, html, markdown_report};
pub use xml::{tmx, xliff};

/// Beads whose score is below `threshold`.
pub fn low_confidence(b: &Bitext, threshold: f64) -> Vec<&Bead> {
    b.beads.iter().filter(|x| x.score < threshold).collect()
}

/// What goes between two segments of one side of a bead when they are
/// written as one piece of text: nothing for Chinese and Japanese (which
/// put no space between sentences), a space for every other language.
pub fn separator(lang: &str) -> &'static str {
    let primary = lang.split(['-', '_']).next().unwrap_or_default();
    const NO_SPACE: &[&str] = &[
        "zh", "ja", "yue", "cmn", "lzh", "wuu", "hak", "nan", "gan", "hsn", "cjy",
    ];
    if NO_SPACE.iter().any(|p| p.eq_ignore_ascii_case(primary)) {
        ""
    } else {
        " "
    }
}

/// The segments `ids` of `segs` (ids out of range are skipped).
pub(crate) fn pick<'a>(segs: &'a [Segment], ids: &'a [usize]) -> impl Iterator<Item = &'a Segment> {
    ids.iter().filter_map(|&i| segs.get(i))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Hostile text, a 2-1 and a 1-0 bead.
    pub(crate) fn sample() -> Bitext {
        let seg = |t: &str| Segment::new(t, 0, 0);
        Bitext::new(
            "zh-Hant",
            "en",
            vec![
                seg("顏樂存說：<script>alert(1)</script>"),
                seg("第二句。"),
                seg("第三句\u{1}。"),
                seg("多餘的句子。"),
            ],
            vec![
                seg("LeCun said \"a & b\" | c."),
                seg("Second and third\tsentences."),
            ],
            vec![
                Bead::new(vec![0], vec![0], 0.9),
                Bead::new(vec![1, 2], vec![1], 0.4),
                Bead::new(vec![3], vec![], 0.5),
            ],
        )
    }

    #[test]
    fn separators() {
        for (lang, sep) in [
            ("zh", ""),
            ("zh-Hant", ""),
            ("zh_TW", ""),
            ("ZH-hans", ""),
            ("ja", ""),
            ("yue-HK", ""),
            ("en", " "),
            ("ko", " "),
            ("", " "),
            ("<zh>", " "),
        ] {
            assert_eq!(separator(lang), sep, "{lang}");
        }
    }

    #[test]
    fn low_confidence_is_strictly_below() {
        let b = sample();
        assert_eq!(low_confidence(&b, 0.5).len(), 1);
        assert_eq!(low_confidence(&b, 0.0).len(), 0);
    }

    #[test]
    fn core_types_are_send_and_sync() {
        fn ok<T: Send + Sync>() {}
        ok::<Report<'_>>();
        ok::<TermSpan>();
        ok::<Labels>();
        ok::<CountLabels>();
        ok::<Counts>();
    }
}
