//! Bilingual reports: a self-contained HTML page and a Markdown variant.

use std::fmt::Write as _;

use bianyi_align::{Bead, Bitext};
use similar::{ChangeTag, TextDiff};

use crate::escape::html_escape;
use crate::md_cell;

/// Which side of a bitext.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The source text.
    Source,
    /// The target text.
    Target,
}

/// A glossary term found in a segment: its byte range in the segment's
/// text and a note shown on hover (e.g. `yann-lecun: Yann LeCun / 杨立昆`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TermSpan {
    /// The side.
    pub side: Side,
    /// Index of the segment on that side.
    pub segment: usize,
    /// Byte offset of the term in the segment's text.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
    /// The note.
    pub note: String,
}

/// Words of the report, in the reader's language (the CLI fills them from
/// its message files).
#[derive(Clone, Debug)]
pub struct Labels {
    /// Header of the source column.
    pub source: String,
    /// Header of the target column.
    pub target: String,
    /// Heading of the summary.
    pub summary: String,
    /// Heading of the findings list.
    pub findings: String,
    /// Marker of a low-confidence bead.
    pub low_confidence: String,
}

impl Default for Labels {
    fn default() -> Labels {
        Labels {
            source: "Source".into(),
            target: "Target".into(),
            summary: "Summary".into(),
            findings: "Findings".into(),
            low_confidence: "low confidence".into(),
        }
    }
}

/// What a report shows.
#[derive(Clone, Debug)]
pub struct Report<'a> {
    /// The aligned texts.
    pub bitext: &'a Bitext,
    /// The page title.
    pub title: String,
    /// Summary lines: label and value.
    pub summary: Vec<(String, String)>,
    /// Highlight the characters that differ between source and target (for
    /// a text and its conversion).
    pub diff: bool,
    /// Glossary terms to mark.
    pub terms: Vec<TermSpan>,
    /// Findings (e.g. terminology QA), one line each.
    pub findings: Vec<String>,
    /// Beads scoring below this are marked as low confidence.
    pub threshold: f64,
    /// Words of the page.
    pub labels: Labels,
}

impl<'a> Report<'a> {
    /// A report with no summary, terms or findings.
    pub fn new(bitext: &'a Bitext, title: impl Into<String>) -> Report<'a> {
        Report {
            bitext,
            title: title.into(),
            summary: Vec::new(),
            diff: false,
            terms: Vec::new(),
            findings: Vec::new(),
            threshold: 0.1,
            labels: Labels::default(),
        }
    }
}

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Noto Sans CJK SC','Noto Sans CJK TC',sans-serif;margin:2em;line-height:1.6;color:#222}\
h1{font-size:1.4em}table.bitext{border-collapse:collapse;width:100%;table-layout:fixed}\
table.bitext th,table.bitext td{border:1px solid #ccc;padding:.4em .6em;vertical-align:top;text-align:left;word-wrap:break-word}\
table.bitext th.n,table.bitext td.n{width:3em;color:#888;text-align:right}\
tr.low td{background:#fff4e5}.del{background:#fdd;text-decoration:line-through}.ins{background:#dfd}\
.term{border-bottom:2px dotted #36c;cursor:help}dl.summary{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}\
dl.summary dt{font-weight:600}@media print{body{margin:0}tr{page-break-inside:avoid}.del,.ins{-webkit-print-color-adjust:exact;print-color-adjust:exact}}";

/// Byte ranges of `text` to mark as changed relative to `other`, by a
/// character diff.
fn changed(text: &str, other: &str, side: Side) -> Vec<(usize, usize)> {
    let (old, new) = match side {
        Side::Source => (text, other),
        Side::Target => (other, text),
    };
    let diff = TextDiff::from_chars(old, new);
    let mut spans = Vec::new();
    let mut at = 0;
    for change in diff.iter_all_changes() {
        let len = change.value().len();
        let mine = match (change.tag(), side) {
            (ChangeTag::Equal, _) => Some(false),
            (ChangeTag::Delete, Side::Source) | (ChangeTag::Insert, Side::Target) => Some(true),
            _ => None,
        };
        match mine {
            Some(true) => {
                match spans.last_mut() {
                    Some((_, e)) if *e == at => *e = at + len,
                    _ => spans.push((at, at + len)),
                }
                at += len;
            }
            Some(false) => at += len,
            None => {}
        }
    }
    spans
}

/// One segment's text as HTML: escaped, with changed characters and terms
/// marked.
fn segment_html(
    text: &str,
    changes: &[(usize, usize)],
    terms: &[&TermSpan],
    class: &str,
) -> String {
    // Boundaries where markup opens or closes.
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for &(s, e) in changes {
        cuts.extend([s, e]);
    }
    for t in terms {
        cuts.extend([t.start, t.end]);
    }
    cuts.retain(|&c| c <= text.len() && text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = String::new();
    for w in cuts.windows(2) {
        let (s, e) = (w[0], w[1]);
        let piece = html_escape(&text[s..e]);
        let is_changed = changes.iter().any(|&(a, b)| a <= s && e <= b);
        let term = terms.iter().find(|t| t.start <= s && e <= t.end);
        let mut piece = if is_changed {
            format!("<span class=\"{class}\">{piece}</span>")
        } else {
            piece
        };
        if let Some(t) = term {
            piece = format!(
                "<span class=\"term\" title=\"{}\">{piece}</span>",
                html_escape(&t.note)
            );
        }
        out.push_str(&piece);
    }
    out
}

fn side_html(r: &Report<'_>, bead: &Bead, side: Side) -> String {
    let (segs, ids, other_ids, other_segs) = match side {
        Side::Source => (
            &r.bitext.source,
            &bead.source,
            &bead.target,
            &r.bitext.target,
        ),
        Side::Target => (
            &r.bitext.target,
            &bead.target,
            &bead.source,
            &r.bitext.source,
        ),
    };
    let other: String = other_ids
        .iter()
        .filter_map(|&i| other_segs.get(i).map(|s| s.text.as_str()))
        .collect::<Vec<_>>()
        .join("");
    let mut parts = Vec::new();
    for &i in ids {
        let Some(seg) = segs.get(i) else { continue };
        let changes = if r.diff && ids.len() == 1 && other_ids.len() == 1 {
            changed(&seg.text, &other, side)
        } else {
            Vec::new()
        };
        let terms: Vec<&TermSpan> = r
            .terms
            .iter()
            .filter(|t| t.side == side && t.segment == i)
            .collect();
        let class = if side == Side::Source { "del" } else { "ins" };
        parts.push(segment_html(&seg.text, &changes, &terms, class));
    }
    parts.join(" ")
}

/// The report as a self-contained HTML5 page: inline CSS, no scripts, no
/// external assets; a summary, then a table with one row per bead
/// (`data-bead`, `data-score`), low-confidence rows marked, and the
/// findings. Every piece of input is escaped.
pub fn html(r: &Report<'_>) -> String {
    let b = r.bitext;
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"");
    out.push_str(&html_escape(&b.source_lang));
    out.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    out.push_str(&html_escape(&r.title));
    let _ = write!(
        out,
        "</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>"
    );
    out.push_str(&html_escape(&r.title));
    out.push_str("</h1>\n");
    if !r.summary.is_empty() {
        let _ = writeln!(
            out,
            "<h2>{}</h2>\n<dl class=\"summary\">",
            html_escape(&r.labels.summary)
        );
        for (k, v) in &r.summary {
            let _ = writeln!(
                out,
                "<dt>{}</dt><dd>{}</dd>",
                html_escape(k),
                html_escape(v)
            );
        }
        out.push_str("</dl>\n");
    }
    let _ = writeln!(
        out,
        "<table class=\"bitext\">\n<thead><tr><th class=\"n\">#</th><th lang=\"{}\">{}</th><th lang=\"{}\">{}</th></tr></thead>\n<tbody>",
        html_escape(&b.source_lang),
        html_escape(&r.labels.source),
        html_escape(&b.target_lang),
        html_escape(&r.labels.target)
    );
    for (k, bead) in b.beads.iter().enumerate() {
        let low = bead.score < r.threshold;
        let _ = writeln!(
            out,
            "<tr class=\"bead{}\" data-bead=\"{}\" data-score=\"{:.3}\"{}><td class=\"n\">{}</td><td lang=\"{}\">{}</td><td lang=\"{}\">{}</td></tr>",
            if low { " low" } else { "" },
            k + 1,
            bead.score,
            if low {
                format!(" title=\"{}\"", html_escape(&r.labels.low_confidence))
            } else {
                String::new()
            },
            k + 1,
            html_escape(&b.source_lang),
            side_html(r, bead, Side::Source),
            html_escape(&b.target_lang),
            side_html(r, bead, Side::Target)
        );
    }
    out.push_str("</tbody>\n</table>\n");
    if !r.findings.is_empty() {
        let _ = writeln!(
            out,
            "<h2>{}</h2>\n<ul class=\"findings\">",
            html_escape(&r.labels.findings)
        );
        for f in &r.findings {
            let _ = writeln!(out, "<li>{}</li>", html_escape(f));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// The report in Markdown: the summary as a list, the beads as a table,
/// the findings as a list.
pub fn markdown_report(r: &Report<'_>) -> String {
    let b = r.bitext;
    let mut out = format!("# {}\n\n", md_cell(&r.title));
    if !r.summary.is_empty() {
        let _ = writeln!(out, "## {}\n", md_cell(&r.labels.summary));
        for (k, v) in &r.summary {
            let _ = writeln!(out, "- {}: {}", md_cell(k), md_cell(v));
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "| # | {} | {} |",
        md_cell(&r.labels.source),
        md_cell(&r.labels.target)
    );
    out.push_str("|---:|---|---|\n");
    for (k, bead) in b.beads.iter().enumerate() {
        let mark = if bead.score < r.threshold { " ⚠" } else { "" };
        let _ = writeln!(
            out,
            "| {}{mark} | {} | {} |",
            k + 1,
            md_cell(&b.source_text(bead, " ")),
            md_cell(&b.target_text(bead, " "))
        );
    }
    if !r.findings.is_empty() {
        let _ = writeln!(out, "\n## {}\n", md_cell(&r.labels.findings));
        for f in &r.findings {
            let _ = writeln!(out, "- {}", md_cell(f));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::sample;

    #[test]
    fn hostile_text_stays_text() {
        let b = sample();
        let mut r = Report::new(&b, "<script>x</script>\" onload=\"y");
        r.threshold = 0.45;
        r.summary.push(("<b>".into(), "\u{7}".into()));
        r.findings.push("<img src=x onerror=alert(1)>".into());
        r.terms.push(TermSpan {
            side: Side::Source,
            segment: 0,
            start: 0,
            end: 9,
            note: "\" onmouseover=\"alert(1)".into(),
        });
        let h = html(&r);
        assert!(!h.contains("<script"), "{h}");
        assert!(!h.contains("<img"), "{h}");
        assert!(!h.contains("\" onload=\""), "{h}");
        assert!(!h.contains("\" onmouseover=\""), "{h}");
        assert!(!h.contains('\u{7}') && !h.contains('\u{1}'));
        assert!(h.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(
            h.contains(
                "<span class=\"term\" title=\"&quot; onmouseover=&quot;alert(1)\">顏樂存</span>"
            ),
            "{h}"
        );
        assert_eq!(h.matches("<tr class=\"bead").count(), 3);
        assert!(h.contains("<tr class=\"bead low\" data-bead=\"2\""), "{h}");
    }

    #[test]
    fn diff_marks_changed_characters() {
        let seg = |t: &str| bianyi_align::Segment {
            text: t.into(),
            paragraph: 0,
            start: 0,
        };
        let b = Bitext {
            source_lang: "zh-Hant".into(),
            target_lang: "zh-Hans".into(),
            source: vec![seg("頭髮很長")],
            target: vec![seg("头发很长")],
            beads: vec![Bead {
                source: vec![0],
                target: vec![0],
                score: 1.0,
            }],
        };
        let mut r = Report::new(&b, "t");
        r.diff = true;
        let h = html(&r);
        assert!(
            h.contains("<span class=\"del\">頭髮</span>很<span class=\"del\">長</span>"),
            "{h}"
        );
        assert!(
            h.contains("<span class=\"ins\">头发</span>很<span class=\"ins\">长</span>"),
            "{h}"
        );
        let m = markdown_report(&r);
        assert!(m.contains("| 1 | 頭髮很長 | 头发很长 |"), "{m}");
    }
}
