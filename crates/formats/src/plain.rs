//! Line-oriented formats: beads, TSV, JSON Lines, Markdown.

use std::fmt::Write as _;

use bianyi_align::{Bitext, Segment};
use serde::Serialize;

use crate::escape::md_text;
use crate::{pick, separator};

/// One line per bead, `[0,1]:[2]`: the 0-based segment indices of each
/// side (vecalign's convention; an empty side is `[]`).
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

/// What [`tsv_with`] does with a field that a spreadsheet would run as a
/// formula: one that begins with `=`, `+`, `-`, `@`, a tab or a carriage
/// return, after any number of `'` (the same rule as bianyi-glossary's
/// TSV and CSV writers).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Formulas {
    /// Written after a `'` (OWASP's advice against CSV injection): a
    /// spreadsheet shows the text, not a formula's result.
    #[default]
    Neutralise,
    /// Written as they are, for tools that are not spreadsheets.
    Keep,
}

/// A field on one line: tabs, line breaks and every other control
/// character (ESC, BEL, NUL…) become spaces, as in [`markdown`]; a `'`
/// before it when `formulas` says so.
fn one_line(s: &str, formulas: Formulas) -> String {
    let s: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let formula = s
        .trim_start_matches('\'')
        .starts_with(['=', '+', '-', '@', '\t', '\r']);
    if formulas == Formulas::Neutralise && formula {
        format!("'{s}")
    } else {
        s
    }
}

/// Source and target of each bead, then its score (4 decimals) and its
/// flags (`low-confidence`, `unpaired`, comma-separated; empty when none:
/// [`Bitext::flags`]), tab-separated, one bead per line: the segments of a
/// side joined with a space (hunalign's and vecalign's convention, whatever
/// the language), tabs, line breaks and other control characters in the
/// text replaced by spaces, an empty side an empty field. A field a spreadsheet would run as a formula (it begins with
/// `=`, `+`, `-` or `@`) gets a `'` before it ([`Formulas::Neutralise`];
/// [`tsv_with`] can keep it).
pub fn tsv(b: &Bitext) -> String {
    tsv_with(b, Formulas::Neutralise)
}

/// [`tsv`], with fields that look like formulas written as `formulas`
/// says.
pub fn tsv_with(b: &Bitext, formulas: Formulas) -> String {
    let mut out = String::new();
    for bead in &b.beads {
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}",
            one_line(&b.source_text(bead, " "), formulas),
            one_line(&b.target_text(bead, " "), formulas),
            score_text(bead.score),
            b.flags(bead).join(",")
        );
    }
    out
}

/// A score with 4 decimals, empty when it is not a number.
fn score_text(score: f64) -> String {
    if score.is_finite() {
        format!("{:.4}", (score * 1e4).round() / 1e4)
    } else {
        String::new()
    }
}

/// [`tsv`] after a header line naming the columns, the text columns by
/// language tag, e.g. `zh-Hant<TAB>en<TAB>score<TAB>flags`.
pub fn tsv_with_header(b: &Bitext) -> String {
    format!(
        "{}\t{}\tscore\tflags\n{}",
        one_line(&b.source_lang, Formulas::Neutralise),
        one_line(&b.target_lang, Formulas::Neutralise),
        tsv(b)
    )
}

/// One JSON Lines record. The field order is the output's key order; it is
/// alphabetical, and fixed here rather than left to `serde_json::Value`
/// (whose order depends on a cargo feature another crate could turn on).
#[derive(Serialize)]
struct Record<'a> {
    flags: Vec<&'static str>,
    score: Option<f64>,
    source: Vec<&'a str>,
    source_ids: &'a [usize],
    target: Vec<&'a str>,
    target_ids: &'a [usize],
    #[serde(rename = "type")]
    shape: String,
}

/// One JSON object per bead, on one line, keys in this order: `flags`
/// (an array of `"low-confidence"` and `"unpaired"`, [`Bitext::flags`]), `score`
/// (rounded to 4 decimals; `null` if not finite), `source` and `target`
/// (arrays of segment texts), `source_ids` and `target_ids` (0-based
/// indices), `type` (the bead shape, e.g. `"1-2"`; an empty side is an
/// empty array and a `0` in the shape).
pub fn jsonl(b: &Bitext) -> String {
    let texts = |segs: &'_ [Segment], ids: &[usize]| -> Vec<String> {
        pick(segs, ids).map(|s| s.text.clone()).collect()
    };
    let mut out = String::new();
    for bead in &b.beads {
        let (source, target) = (
            texts(&b.source, &bead.source),
            texts(&b.target, &bead.target),
        );
        let record = Record {
            flags: b.flags(bead),
            score: bead
                .score
                .is_finite()
                .then(|| (bead.score * 1e4).round() / 1e4),
            source: source.iter().map(String::as_str).collect(),
            source_ids: &bead.source,
            target: target.iter().map(String::as_str).collect(),
            target_ids: &bead.target,
            shape: bead.shape(),
        };
        // Serialising plain strings, numbers and arrays cannot fail.
        if let Ok(line) = serde_json::to_string(&record) {
            out.push_str(&line);
        }
        out.push('\n');
    }
    out
}

/// A Markdown (GitHub-flavoured) table with one row per bead: the bead
/// number (from 1), then the source and target text, the languages as
/// column headers. A table rather than alternating blocks so that rows line
/// up and the file stays greppable; long segments simply wrap in the cell.
/// The segments of a side are joined as [`separator`] says; text is
/// escaped so that nothing in it becomes Markdown or HTML (`|`, `\`,
/// `*`, `_`, `` ` ``, `[`, `]`, `<`, `>`, `#`, `~`, `&`, leading list
/// markers), line breaks become `<br>`. An empty side is an empty cell. A
/// bead with flags ([`Bitext::flags`]: low confidence, one side empty) has
/// ` ⚠` after its number, as in the Markdown report.
pub fn markdown(b: &Bitext) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "| # | {} | {} |",
        md_text(&b.source_lang),
        md_text(&b.target_lang)
    );
    out.push_str("|---:|---|---|\n");
    for (k, bead) in b.beads.iter().enumerate() {
        let mark = if b.flags(bead).is_empty() { "" } else { " ⚠" };
        let _ = writeln!(
            out,
            "| {}{mark} | {} | {} |",
            k + 1,
            md_text(&b.source_text(bead, separator(&b.source_lang))),
            md_text(&b.target_text(bead, separator(&b.target_lang)))
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::sample;

    #[test]
    fn plain_formats() {
        let b = sample();
        assert_eq!(beads(&b), "[0]:[0]\n[1,2]:[1]\n[3]:[]\n");
        assert_eq!(
            tsv(&b),
            "顏樂存說：<script>alert(1)</script>\tLeCun said \"a & b\" | c.\t0.9000\t\n第二句。 第三句 。\tSecond and third sentences.\t0.4000\tlow-confidence\n多餘的句子。\t\t0.5000\tlow-confidence,unpaired\n"
        );
        assert!(tsv_with_header(&b).starts_with("zh-Hant\ten\tscore\tflags\n顏樂存說"));
        let j = jsonl(&b);
        let lines: Vec<&str> = j.lines().collect();
        assert_eq!(
            lines,
            [
                r#"{"flags":[],"score":0.9,"source":["顏樂存說：<script>alert(1)</script>"],"source_ids":[0],"target":["LeCun said \"a & b\" | c."],"target_ids":[0],"type":"1-1"}"#,
                r#"{"flags":["low-confidence"],"score":0.4,"source":["第二句。","第三句\u0001。"],"source_ids":[1,2],"target":["Second and third\tsentences."],"target_ids":[1],"type":"2-1"}"#,
                r#"{"flags":["low-confidence","unpaired"],"score":0.5,"source":["多餘的句子。"],"source_ids":[3],"target":[],"target_ids":[],"type":"1-0"}"#,
            ]
        );
        let m = markdown(&b);
        assert!(
            m.contains("| 1 | 顏樂存說：\\<script\\>alert(1)\\</script\\> | LeCun said \"a \\& b\" \\| c. |"),
            "{m}"
        );
        assert!(m.contains("| 2 ⚠ | 第二句。第三句 。 |"), "{m}");
        assert!(m.ends_with("| 3 ⚠ | 多餘的句子。 |  |\n"), "{m}");
    }

    #[test]
    fn jsonl_score_not_finite_is_null() {
        let mut b = sample();
        b.beads[0].score = f64::NAN;
        assert!(jsonl(&b).starts_with("{\"flags\":[\"low-confidence\"],\"score\":null,"));
        assert!(
            tsv(&b)
                .lines()
                .next()
                .is_some_and(|l| l.ends_with("\t\tlow-confidence"))
        );
    }
}
