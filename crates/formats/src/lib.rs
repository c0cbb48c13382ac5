//! Bilingual file writers for bianyi bitexts: beads, TSV, JSON Lines,
//! Markdown, TMX 1.4b, XLIFF 2.0, and a self-contained HTML report.
//!
//! Every writer is a pure function from a [`Bitext`] (and options) to a
//! `String`. XML and HTML writers escape every piece of input text; the
//! characters XML 1.0 forbids (C0 controls other than tab, line feed and
//! carriage return; U+FFFE, U+FFFF) are written as U+FFFD, so the output is
//! well-formed for any input.
//!
//! ```
//! use bianyi_align::{Bead, Bitext, Segment};
//!
//! let seg = |t: &str| Segment { text: t.into(), paragraph: 0, start: 0 };
//! let b = Bitext {
//!     source_lang: "zh-Hant".into(),
//!     target_lang: "en".into(),
//!     source: vec![seg("顏樂存說。")],
//!     target: vec![seg("LeCun said.")],
//!     beads: vec![Bead { source: vec![0], target: vec![0], score: 1.0 }],
//! };
//! assert_eq!(bianyi_formats::beads(&b), "[0]:[0]\n");
//! assert_eq!(bianyi_formats::tsv(&b), "顏樂存說。\tLeCun said.\n");
//! ```

mod escape;
mod report;

use std::fmt::Write as _;

use bianyi_align::{Bead, Bitext};

pub use escape::{html_escape, xml_escape};
pub use report::{Labels, Report, Side, TermSpan, html, markdown_report};

/// One line per bead, `[0,1]:[2]` (0-based, vecalign's convention; an
/// empty side is `[]`).
pub fn beads(b: &Bitext) -> String {
    let ids = |v: &[usize]| {
        let inner: Vec<String> = v.iter().map(usize::to_string).collect();
        format!("[{}]", inner.join(","))
    };
    let mut out = String::new();
    for bead in &b.beads {
        let _ = writeln!(out, "{}:{}", ids(&bead.source), ids(&bead.target));
    }
    out
}

/// A field on one line: tabs and line breaks become spaces.
fn one_line(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// Source and target of each bead, tab-separated, one bead per line (the
/// segments of a side joined with a space; an empty side is an empty field).
pub fn tsv(b: &Bitext) -> String {
    let mut out = String::new();
    for bead in &b.beads {
        let _ = writeln!(
            out,
            "{}\t{}",
            one_line(&b.source_text(bead, " ")),
            one_line(&b.target_text(bead, " "))
        );
    }
    out
}

/// One JSON object per bead: `source` and `target` (arrays of segment
/// texts), `source_ids`, `target_ids`, `type` (`"1-2"`), `score`.
pub fn jsonl(b: &Bitext) -> String {
    let mut out = String::new();
    for bead in &b.beads {
        let texts = |segs: &[bianyi_align::Segment], ids: &[usize]| -> Vec<String> {
            ids.iter()
                .filter_map(|&i| segs.get(i).map(|s| s.text.clone()))
                .collect()
        };
        let value = serde_json::json!({
            "source": texts(&b.source, &bead.source),
            "target": texts(&b.target, &bead.target),
            "source_ids": bead.source,
            "target_ids": bead.target,
            "type": bead.shape(),
            "score": (bead.score * 1e4).round() / 1e4,
        });
        out.push_str(&value.to_string());
        out.push('\n');
    }
    out
}

/// Markdown text in a table cell: `|`, `\` and characters that start
/// Markdown syntax escaped; line breaks as `<br>`.
pub(crate) fn md_cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '|' | '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("<br>"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A two-column Markdown table: one row per bead, the languages as
/// headers.
pub fn markdown(b: &Bitext) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "| # | {} | {} |",
        md_cell(&b.source_lang),
        md_cell(&b.target_lang)
    );
    out.push_str("|---:|---|---|\n");
    for (k, bead) in b.beads.iter().enumerate() {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            k + 1,
            md_cell(&b.source_text(bead, " ")),
            md_cell(&b.target_text(bead, " "))
        );
    }
    out
}

/// TMX 1.4b (valid against tmx14.dtd): one `<tu>` per bead with both sides
/// non-empty (1-0 and 0-1 beads have no translation and are left out),
/// segments of a side joined with a space.
pub fn tmx(b: &Bitext, tool_version: &str) -> String {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n");
    out.push_str("<tmx version=\"1.4\">\n");
    let _ = writeln!(
        out,
        "  <header creationtool=\"bianyi\" creationtoolversion=\"{}\" segtype=\"sentence\" o-tmf=\"bianyi\" adminlang=\"en\" srclang=\"{}\" datatype=\"plaintext\"/>",
        xml_escape(tool_version),
        xml_escape(&b.source_lang)
    );
    out.push_str("  <body>\n");
    for (k, bead) in b.beads.iter().enumerate() {
        if bead.source.is_empty() || bead.target.is_empty() {
            continue;
        }
        let _ = writeln!(out, "    <tu tuid=\"{}\">", k + 1);
        let _ = writeln!(out, "      <prop type=\"x-bead\">{}</prop>", bead.shape());
        for (lang, text) in [
            (&b.source_lang, b.source_text(bead, " ")),
            (&b.target_lang, b.target_text(bead, " ")),
        ] {
            let _ = writeln!(
                out,
                "      <tuv xml:lang=\"{}\"><seg>{}</seg></tuv>",
                xml_escape(lang),
                xml_escape(&text)
            );
        }
        out.push_str("    </tu>\n");
    }
    out.push_str("  </body>\n</tmx>\n");
    out
}

/// XLIFF 2.0: one `<file>`, one `<unit id="uN">` per bead (N = bead number
/// from 1) with a `<segment>` holding `<source>` and `<target>`; a 1-0 bead
/// has an empty target, a 0-1 bead an empty source.
pub fn xliff(b: &Bitext) -> String {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"{}\" trgLang=\"{}\">",
        xml_escape(&b.source_lang),
        xml_escape(&b.target_lang)
    );
    out.push_str("  <file id=\"f1\">\n");
    for (k, bead) in b.beads.iter().enumerate() {
        let _ = writeln!(out, "    <unit id=\"u{}\">", k + 1);
        out.push_str("      <segment>\n");
        let _ = writeln!(
            out,
            "        <source>{}</source>",
            xml_escape(&b.source_text(bead, " "))
        );
        let _ = writeln!(
            out,
            "        <target>{}</target>",
            xml_escape(&b.target_text(bead, " "))
        );
        out.push_str("      </segment>\n    </unit>\n");
    }
    out.push_str("  </file>\n</xliff>\n");
    out
}

/// Beads whose score is below `threshold`.
pub fn low_confidence(b: &Bitext, threshold: f64) -> Vec<&Bead> {
    b.beads.iter().filter(|x| x.score < threshold).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use bianyi_align::Segment;

    pub(crate) fn sample() -> Bitext {
        let seg = |t: &str| Segment {
            text: t.into(),
            paragraph: 0,
            start: 0,
        };
        Bitext {
            source_lang: "zh-Hant".into(),
            target_lang: "en".into(),
            source: vec![
                seg("顏樂存說：<script>alert(1)</script>"),
                seg("第二句。"),
                seg("第三句\u{1}。"),
                seg("多餘的句子。"),
            ],
            target: vec![
                seg("LeCun said \"a & b\" | c."),
                seg("Second and third\tsentences."),
            ],
            beads: vec![
                Bead {
                    source: vec![0],
                    target: vec![0],
                    score: 0.9,
                },
                Bead {
                    source: vec![1, 2],
                    target: vec![1],
                    score: 0.4,
                },
                Bead {
                    source: vec![3],
                    target: vec![],
                    score: 0.5,
                },
            ],
        }
    }

    #[test]
    fn plain_formats() {
        let b = sample();
        assert_eq!(beads(&b), "[0]:[0]\n[1,2]:[1]\n[3]:[]\n");
        assert_eq!(
            tsv(&b),
            "顏樂存說：<script>alert(1)</script>\tLeCun said \"a & b\" | c.\n第二句。 第三句\u{1}。\tSecond and third sentences.\n多餘的句子。\t\n"
        );
        let j = jsonl(&b);
        let first = j.lines().next().unwrap_or_default();
        assert_eq!(
            first,
            r#"{"score":0.9,"source":["顏樂存說：<script>alert(1)</script>"],"source_ids":[0],"target":["LeCun said \"a & b\" | c."],"target_ids":[0],"type":"1-1"}"#
        );
        assert!(markdown(&b).contains(
            "| 1 | 顏樂存說：\\<script\\>alert(1)\\</script\\> | LeCun said \"a & b\" \\| c. |"
        ));
    }

    #[test]
    fn xml_formats_escape_and_skip_empty_sides() {
        let b = sample();
        let t = tmx(&b, "0.1.0");
        assert!(
            t.contains("<seg>顏樂存說：&lt;script&gt;alert(1)&lt;/script&gt;</seg>"),
            "{t}"
        );
        assert!(t.contains("<seg>第二句。 第三句\u{FFFD}。</seg>"), "{t}");
        assert_eq!(t.matches("<tu ").count(), 2, "the 1-0 bead has no tu");
        let x = xliff(&b);
        assert_eq!(x.matches("<unit ").count(), 3);
        assert!(
            x.contains("<target>LeCun said &quot;a &amp; b&quot; | c.</target>"),
            "{x}"
        );
        assert!(x.contains("<unit id=\"u3\">\n      <segment>\n        <source>多餘的句子。</source>\n        <target></target>"), "{x}");
    }
}
