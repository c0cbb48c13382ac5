//! Bilingual reports: a self-contained HTML page and a Markdown variant.

use std::fmt::Write as _;

use bianyi_align::{Bead, Bitext, Segment};
use similar::{ChangeTag, TextDiff};

use crate::escape::{html_escape, md_text};
use crate::{pick, separator};

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
///
/// Ranges that are empty, reversed, past the end of the text or not on
/// character boundaries are ignored.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
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
/// its message files): start from the English [`Labels::default`].
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Labels {
    /// Header of the source column.
    pub source: String,
    /// Header of the target column.
    pub target: String,
    /// Heading of the summary.
    pub summary: String,
    /// Heading of the findings list.
    pub findings: String,
    /// Marker of a low-confidence bead (the row's tooltip).
    pub low_confidence: String,
    /// Header of the original-text column (see [`Report::originals`]).
    pub original: String,
    /// Heading of the legend.
    pub legend: String,
    /// Legend: what a source character marked as changed is.
    pub legend_removed: String,
    /// Legend: what a target character marked as changed is.
    pub legend_added: String,
    /// Legend: what a marked glossary term is.
    pub legend_term: String,
    /// Legend: what a low-confidence row is.
    pub legend_low: String,
}

impl TermSpan {
    /// The term at bytes `start..end` of segment `segment` of `side`, with
    /// its note.
    pub fn new(
        side: Side,
        segment: usize,
        start: usize,
        end: usize,
        note: impl Into<String>,
    ) -> TermSpan {
        TermSpan {
            side,
            segment,
            start,
            end,
            note: note.into(),
        }
    }
}

impl Default for Labels {
    fn default() -> Labels {
        Labels {
            source: "Source".into(),
            target: "Target".into(),
            summary: "Summary".into(),
            findings: "Findings".into(),
            low_confidence: "low confidence".into(),
            original: "Original".into(),
            legend: "Legend".into(),
            legend_removed: "characters the conversion changed, as they were".into(),
            legend_added: "characters the conversion wrote".into(),
            legend_term: "a glossary term (hover over it for its entry)".into(),
            legend_low: "a pair aligned with low confidence: check it".into(),
        }
    }
}

/// Labels of the counts the report computes itself (see [`Counts`]):
/// start from the English [`CountLabels::default`].
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct CountLabels {
    /// Number of source segments.
    pub source_segments: String,
    /// Number of target segments.
    pub target_segments: String,
    /// Number of beads.
    pub beads: String,
    /// Number of beads scoring below the threshold (the value is followed
    /// by `(< threshold)`).
    pub low_confidence: String,
}

impl Default for CountLabels {
    fn default() -> CountLabels {
        CountLabels {
            source_segments: "Source segments".into(),
            target_segments: "Target segments".into(),
            beads: "Beads".into(),
            low_confidence: "Low-confidence beads".into(),
        }
    }
}

/// Figures of a bitext shown at the top of a report's summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Counts {
    /// Segments of the source side.
    pub source_segments: usize,
    /// Segments of the target side.
    pub target_segments: usize,
    /// Beads.
    pub beads: usize,
    /// Beads with an empty side (1-0, 0-1).
    pub one_sided: usize,
    /// Beads scoring below the threshold.
    pub low_confidence: usize,
}

impl Counts {
    /// The figures of `b`, with beads scoring below `threshold` counted as
    /// low confidence.
    pub fn new(b: &Bitext, threshold: f64) -> Counts {
        Counts {
            source_segments: b.source.len(),
            target_segments: b.target.len(),
            beads: b.beads.len(),
            one_sided: b
                .beads
                .iter()
                .filter(|x| x.source.is_empty() || x.target.is_empty())
                .count(),
            low_confidence: b
                .beads
                .iter()
                .filter(|x| is_low(x.score, threshold))
                .count(),
        }
    }
}

/// Whether a bead scoring `score` is low confidence: below the threshold,
/// or not a number (an aligner that could not score it).
fn is_low(score: f64, threshold: f64) -> bool {
    score.is_nan() || score < threshold
}

/// What a report shows: the options of [`html`] and [`markdown_report`].
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Report<'a> {
    /// The aligned texts (their language tags label the columns' `lang`).
    pub bitext: &'a Bitext,
    /// The page title.
    pub title: String,
    /// What the report is about, shown under the title: label and value
    /// (the file, the conversion, the glossaries).
    pub header: Vec<(String, String)>,
    /// The original text of each bead, for a report of a converted text
    /// and its translation: shown as a first column (labelled
    /// [`Labels::original`]) when not empty, one entry per bead.
    pub originals: Vec<String>,
    /// Language tag of [`Report::originals`].
    pub original_lang: String,
    /// Show the [`Counts`] first in the summary, with these labels
    /// (`None`: only the caller's [`Report::summary`] lines).
    pub counts: Option<CountLabels>,
    /// Extra summary lines after the counts: label and value.
    pub summary: Vec<(String, String)>,
    /// Highlight the characters that differ between source and target (for
    /// a text and its conversion), by a character diff of each bead with
    /// both sides non-empty.
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
    /// A report with the counts (English labels), no extra summary lines,
    /// terms, findings or diff, and the bitext's low-confidence threshold
    /// ([`Bitext::low_confidence`]).
    pub fn new(bitext: &'a Bitext, title: impl Into<String>) -> Report<'a> {
        Report {
            bitext,
            title: title.into(),
            header: Vec::new(),
            originals: Vec::new(),
            original_lang: String::new(),
            counts: Some(CountLabels::default()),
            summary: Vec::new(),
            diff: false,
            terms: Vec::new(),
            findings: Vec::new(),
            threshold: bitext.low_confidence,
            labels: Labels::default(),
        }
    }

    /// The summary lines: the counts (if on), then the caller's lines.
    fn summary_lines(&self) -> Vec<(String, String)> {
        let mut lines = Vec::new();
        if let Some(l) = &self.counts {
            let c = Counts::new(self.bitext, self.threshold);
            lines.push((l.source_segments.clone(), c.source_segments.to_string()));
            lines.push((l.target_segments.clone(), c.target_segments.to_string()));
            lines.push((l.beads.clone(), c.beads.to_string()));
            lines.push((
                l.low_confidence.clone(),
                format!("{} (< {})", c.low_confidence, self.threshold),
            ));
        }
        lines.extend(self.summary.iter().cloned());
        lines
    }
}

// No scripts, no external assets; the CSP forbids both even if escaping
// ever failed. Print: no margins wasted, header repeated on every page,
// rows not split, highlight colours kept.
const HEAD: &str = "<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
<meta name=\"generator\" content=\"bianyi\">\n";

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Noto Sans CJK SC','Noto Sans CJK TC',sans-serif;margin:2em;line-height:1.6;color:#222}\
h1{font-size:1.4em;margin-bottom:.3em}h2{font-size:1.1em}table.bitext{border-collapse:collapse;width:100%;table-layout:fixed}\
table.bitext th,table.bitext td{border:1px solid #ccc;padding:.4em .6em;vertical-align:top;text-align:left;overflow-wrap:anywhere;white-space:pre-wrap}\
table.bitext th{background:#f6f6f6}table.bitext th.n,table.bitext td.n{width:3em;color:#888;text-align:right}\
tr.low td{background:#fff8ec}tr.low td.n{box-shadow:inset 3px 0 #e69500}td.empty{background:#f4f4f4}\
.del{background:#fbe3b8;border-radius:2px}.ins{background:#d4efd4;border-radius:2px}\
.term{border-bottom:2px dotted #36c;cursor:help}dl.summary,dl.header{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}\
dl.summary dt,dl.header dt{font-weight:600}dl.summary dd,dl.header dd{margin:0}dl.header{color:#444;margin-top:0}\
.legend{display:flex;flex-wrap:wrap;gap:.3em 1.5em;padding:.5em .8em;border:1px solid #ddd;border-radius:4px;font-size:.95em}\
.legend h2{font-size:1em;margin:0;flex-basis:100%}.legend span.key{display:inline-block;min-width:1.2em;text-align:center;margin-right:.4em}\
.legend span.low{background:#fff8ec;box-shadow:inset 3px 0 #e69500;padding:0 .4em}\
@media print{@page{margin:1.5cm}body{margin:0;font-size:10pt;color:#000}thead{display:table-header-group}tr{break-inside:avoid;page-break-inside:avoid}\
h1,h2{break-after:avoid}.term{cursor:auto}\
tr.low td,td.empty,.del,.ins,.legend span.low,table.bitext th{-webkit-print-color-adjust:exact;print-color-adjust:exact}}";

/// The texts of `ids` joined with nothing, and where each one starts.
fn concat(segs: &[Segment], ids: &[usize]) -> (String, Vec<usize>) {
    let mut text = String::new();
    let mut starts = Vec::new();
    for s in pick(segs, ids) {
        starts.push(text.len());
        text.push_str(&s.text);
    }
    (text, starts)
}

/// Adds `[at, at + len)` to `spans`, merging with the last one if adjacent.
fn push_span(spans: &mut Vec<(usize, usize)>, at: usize, len: usize) {
    match spans.last_mut() {
        Some((_, e)) if *e == at => *e = at + len,
        _ => spans.push((at, at + len)),
    }
}

/// Byte ranges of `text` (segments starting at `starts`) cut into ranges of
/// each segment, relative to the segment.
fn per_segment(
    spans: &[(usize, usize)],
    starts: &[usize],
    total: usize,
) -> Vec<Vec<(usize, usize)>> {
    let ends = starts.iter().skip(1).copied().chain([total]);
    starts
        .iter()
        .zip(ends)
        .map(|(&s, e)| {
            spans
                .iter()
                .filter_map(|&(a, b)| {
                    let (a, b) = (a.max(s), b.min(e));
                    (a < b).then(|| (a - s, b - s))
                })
                .collect()
        })
        .collect()
}

/// The largest product of the sides' lengths in characters for which a
/// bead gets a character diff. The diff takes time up to the square of the
/// length for unrelated texts (8,000 characters: 10 s unoptimised); above
/// this the sides are shown as wholly changed. A work cap rather than
/// similar's wall-clock deadline, so that the report is the same on every
/// machine. Sentence beads are far below it.
const DIFF_MAX_WORK: usize = 1_000_000;

/// Changed characters of a bead, per segment of each side: a character
/// diff of the sides' texts (each side's segments joined with nothing).
/// Beads with an empty side have no diff: everything would be "changed".
/// Beads too long to diff (see [`DIFF_MAX_WORK`]) are wholly changed.
fn bead_changes(b: &Bitext, bead: &Bead) -> [Vec<Vec<(usize, usize)>>; 2] {
    if bead.source.is_empty() || bead.target.is_empty() {
        return [Vec::new(), Vec::new()];
    }
    let (old, old_starts) = concat(&b.source, &bead.source);
    let (new, new_starts) = concat(&b.target, &bead.target);
    let work = old.chars().count().saturating_mul(new.chars().count());
    if work > DIFF_MAX_WORK {
        return [
            per_segment(&[(0, old.len())], &old_starts, old.len()),
            per_segment(&[(0, new.len())], &new_starts, new.len()),
        ];
    }
    let diff = TextDiff::from_chars(&old, &new);
    let (mut del, mut ins) = (Vec::new(), Vec::new());
    let (mut i, mut j) = (0, 0);
    for change in diff.iter_all_changes() {
        let len = change.value().len();
        match change.tag() {
            ChangeTag::Equal => {
                i += len;
                j += len;
            }
            ChangeTag::Delete => {
                push_span(&mut del, i, len);
                i += len;
            }
            ChangeTag::Insert => {
                push_span(&mut ins, j, len);
                j += len;
            }
        }
    }
    [
        per_segment(&del, &old_starts, old.len()),
        per_segment(&ins, &new_starts, new.len()),
    ]
}

/// One segment's text as HTML: escaped, with changed characters (`class`)
/// and terms marked. Markup never crosses another's boundary: the text is
/// cut at every boundary and each piece wrapped on its own.
fn segment_html(
    text: &str,
    changes: &[(usize, usize)],
    terms: &[&TermSpan],
    class: &str,
) -> String {
    let terms: Vec<&TermSpan> = terms
        .iter()
        .copied()
        .filter(|t| t.start < t.end && text.get(t.start..t.end).is_some())
        .collect();
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for &(s, e) in changes {
        cuts.extend([s, e]);
    }
    for t in &terms {
        cuts.extend([t.start, t.end]);
    }
    cuts.retain(|&c| c <= text.len() && text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = String::new();
    for w in cuts.windows(2) {
        let (s, e) = (w[0], w[1]);
        let Some(piece) = text.get(s..e) else {
            continue;
        };
        let mut piece = html_escape(piece);
        if changes.iter().any(|&(a, b)| a <= s && e <= b) {
            piece = format!("<span class=\"{class}\">{piece}</span>");
        }
        if let Some(t) = terms.iter().find(|t| t.start <= s && e <= t.end) {
            piece = format!(
                "<span class=\"term\" title=\"{}\">{piece}</span>",
                html_escape(&t.note)
            );
        }
        out.push_str(&piece);
    }
    out
}

/// One side of a bead as a table cell.
fn cell(r: &Report<'_>, side: Side, ids: &[usize], changes: &[Vec<(usize, usize)>]) -> String {
    let (segs, lang, class) = match side {
        Side::Source => (&r.bitext.source, &r.bitext.source_lang, "del"),
        Side::Target => (&r.bitext.target, &r.bitext.target_lang, "ins"),
    };
    let mut parts = Vec::new();
    for (k, &i) in ids.iter().enumerate() {
        let Some(seg) = segs.get(i) else { continue };
        let terms: Vec<&TermSpan> = r
            .terms
            .iter()
            .filter(|t| t.side == side && t.segment == i)
            .collect();
        let ch = changes.get(k).map_or(&[][..], Vec::as_slice);
        parts.push(format!(
            "<span class=\"seg\" data-seg=\"{i}\">{}</span>",
            segment_html(&seg.text, ch, &terms, class)
        ));
    }
    let empty = if parts.is_empty() {
        " class=\"empty\""
    } else {
        ""
    };
    format!(
        "<td{empty} lang=\"{}\">{}</td>",
        html_escape(lang),
        parts.join(separator(lang))
    )
}

/// The report as a self-contained HTML5 page: inline CSS (with print
/// rules), no scripts, no external assets (a Content-Security-Policy says
/// so to the browser too); the title, the [`Report::header`] lines (what
/// was reported on, with which settings), the summary (the counts, then
/// the caller's lines), a legend of the marks used (`<div
/// class="legend">`), a table with one row per bead (with a first column
/// `<td class="original">` when [`Report::originals`] is set), and the
/// findings. Print rules keep the colours, repeat the table header on
/// every page and do not split a row.
///
/// A row is `<tr class="bead" id="bead-N" data-bead="N" data-shape="1-2"
/// data-score="0.850">` (N from 1; `class="bead low"` and a tooltip below
/// the threshold or when the score is not a number, then `data-score=""`),
/// then the bead number and one cell per side; each
/// segment is a `<span class="seg" data-seg="I">` (I = the 0-based segment
/// index), changed characters are `<span class="del">` (source) and
/// `<span class="ins">` (target), terms `<span class="term" title="note">`.
/// An empty side is an empty `<td class="empty">`.
///
/// Every piece of input (texts, language tags, title, labels, notes,
/// summary lines, findings) is escaped with [`html_escape`](crate::html_escape).
pub fn html(r: &Report<'_>) -> String {
    let b = r.bitext;
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n{HEAD}<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        html_escape(&b.source_lang),
        html_escape(&r.title),
        html_escape(&r.title)
    );
    if !r.header.is_empty() {
        out.push_str("<dl class=\"header\">\n");
        for (k, v) in &r.header {
            let _ = writeln!(
                out,
                "<dt>{}</dt><dd>{}</dd>",
                html_escape(k),
                html_escape(v)
            );
        }
        out.push_str("</dl>\n");
    }
    let summary = r.summary_lines();
    if !summary.is_empty() {
        let _ = writeln!(
            out,
            "<h2>{}</h2>\n<dl class=\"summary\">",
            html_escape(&r.labels.summary)
        );
        for (k, v) in &summary {
            let _ = writeln!(
                out,
                "<dt>{}</dt><dd>{}</dd>",
                html_escape(k),
                html_escape(v)
            );
        }
        out.push_str("</dl>\n");
    }
    out.push_str(&legend(r));
    let original_th = if r.originals.is_empty() {
        String::new()
    } else {
        format!(
            "<th class=\"original\" lang=\"{}\">{}</th>",
            html_escape(&r.original_lang),
            html_escape(&r.labels.original)
        )
    };
    let _ = writeln!(
        out,
        "<table class=\"bitext\">\n<thead><tr><th class=\"n\">#</th>{original_th}<th lang=\"{}\">{}</th><th lang=\"{}\">{}</th></tr></thead>\n<tbody>",
        html_escape(&b.source_lang),
        html_escape(&r.labels.source),
        html_escape(&b.target_lang),
        html_escape(&r.labels.target)
    );
    for (k, bead) in b.beads.iter().enumerate() {
        let n = k + 1;
        // One side empty: a row to check too.
        let low = is_low(bead.score, r.threshold) || bead.is_unpaired();
        let flags = bead.flags(r.threshold).join(" ");
        let [del, ins] = if r.diff {
            bead_changes(b, bead)
        } else {
            [Vec::new(), Vec::new()]
        };
        let (class, title) = if low {
            (
                " low",
                format!(" title=\"{}\"", html_escape(&r.labels.low_confidence)),
            )
        } else {
            ("", String::new())
        };
        let original = if r.originals.is_empty() {
            String::new()
        } else {
            let text = r.originals.get(k).map_or("", String::as_str);
            format!(
                "<td class=\"original{}\" lang=\"{}\">{}</td>",
                if text.is_empty() { " empty" } else { "" },
                html_escape(&r.original_lang),
                html_escape(text)
            )
        };
        let _ = writeln!(
            out,
            "<tr class=\"bead{class}\" id=\"bead-{n}\" data-bead=\"{n}\" data-shape=\"{}\" data-score=\"{}\" data-flags=\"{flags}\"{title}><td class=\"n\">{n}</td>{original}{}{}</tr>",
            bead.shape(),
            score_attr(bead.score),
            cell(r, Side::Source, &bead.source, &del),
            cell(r, Side::Target, &bead.target, &ins),
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

/// The legend of the marks the page uses (`<div class="legend">`):
/// changed characters of each side when the diff is on (a soft
/// background, no strike-through: the text stays easy to read), glossary terms
/// when some are marked, low-confidence rows when a bead is below the
/// threshold; nothing when the page has no marks.
fn legend(r: &Report<'_>) -> String {
    let l = &r.labels;
    let mut items = Vec::new();
    if r.diff {
        items.push(format!(
            "<span class=\"item\"><span class=\"key del\">字</span>{}</span>",
            html_escape(&l.legend_removed)
        ));
        items.push(format!(
            "<span class=\"item\"><span class=\"key ins\">字</span>{}</span>",
            html_escape(&l.legend_added)
        ));
    }
    if !r.terms.is_empty() {
        items.push(format!(
            "<span class=\"item\"><span class=\"key term\">字</span>{}</span>",
            html_escape(&l.legend_term)
        ));
    }
    if r.bitext
        .beads
        .iter()
        .any(|x| is_low(x.score, r.threshold) || x.is_unpaired())
    {
        items.push(format!(
            "<span class=\"item\"><span class=\"key low\">#</span>{}</span>",
            html_escape(&l.legend_low)
        ));
    }
    if items.is_empty() {
        return String::new();
    }
    format!(
        "<div class=\"legend\">\n<h2>{}</h2>\n{}\n</div>\n",
        html_escape(&l.legend),
        items.join("\n")
    )
}

/// A score for `data-score`: three decimals, empty when it is not a finite
/// number (as the JSON Lines writer writes `null`).
fn score_attr(score: f64) -> String {
    if score.is_finite() {
        format!("{score:.3}")
    } else {
        String::new()
    }
}

/// The report in Markdown: the title as a heading, the summary (counts,
/// then the caller's lines) as a list, the beads as a table like
/// [`markdown`](crate::markdown)'s (the bead number followed by ` ⚠` when
/// below the threshold), the findings as a list. Changed characters and
/// terms are not marked: Markdown has no portable way to, and the text
/// must stay text. Everything is escaped as in [`markdown`](crate::markdown).
pub fn markdown_report(r: &Report<'_>) -> String {
    let b = r.bitext;
    let mut out = format!("# {}\n\n", md_text(&r.title));
    for (k, v) in &r.header {
        let _ = writeln!(out, "- {}: {}", md_text(k), md_text(v));
    }
    if !r.header.is_empty() {
        out.push('\n');
    }
    let summary = r.summary_lines();
    if !summary.is_empty() {
        let _ = writeln!(out, "## {}\n", md_text(&r.labels.summary));
        for (k, v) in &summary {
            let _ = writeln!(out, "- {}: {}", md_text(k), md_text(v));
        }
        out.push('\n');
    }
    let with_original = !r.originals.is_empty();
    let original_th = if with_original {
        format!(" {} |", md_text(&r.labels.original))
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "| # |{original_th} {} | {} |",
        md_text(&r.labels.source),
        md_text(&r.labels.target)
    );
    out.push_str(if with_original {
        "|---:|---|---|---|\n"
    } else {
        "|---:|---|---|\n"
    });
    for (k, bead) in b.beads.iter().enumerate() {
        let mark = if is_low(bead.score, r.threshold) || bead.is_unpaired() {
            " ⚠"
        } else {
            ""
        };
        let original = if with_original {
            format!(
                " {} |",
                md_text(r.originals.get(k).map_or("", String::as_str))
            )
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "| {}{mark} |{original} {} | {} |",
            k + 1,
            md_text(&b.source_text(bead, separator(&b.source_lang))),
            md_text(&b.target_text(bead, separator(&b.target_lang)))
        );
    }
    if !r.findings.is_empty() {
        let _ = writeln!(out, "\n## {}\n", md_text(&r.labels.findings));
        for f in &r.findings {
            let _ = writeln!(out, "- {}", md_text(f));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::sample;

    fn seg(t: &str) -> Segment {
        Segment::new(t, 0, 0)
    }

    /// One Traditional sentence and its Simplified conversion, as one bead.
    fn hair() -> Bitext {
        Bitext::new(
            "zh-Hant",
            "zh-Hans",
            vec![seg("頭髮很長")],
            vec![seg("头发很长")],
            vec![Bead::new(vec![0], vec![0], 1.0)],
        )
    }

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
        assert!(
            h.contains("<tr class=\"bead low\" id=\"bead-2\" data-bead=\"2\""),
            "{h}"
        );
        assert!(
            h.contains("<dt>Low-confidence beads</dt><dd>1 (&lt; 0.45)</dd>"),
            "{h}"
        );
    }

    /// Issue 21 (item 14): a legend of the marks the page uses, changed
    /// characters on a soft background (no strike-through), the header
    /// lines and a column of originals.
    #[test]
    fn legend_header_and_originals() {
        let b = hair();
        let mut r = Report::new(&b, "t");
        let h = html(&r);
        assert!(!h.contains("class=\"legend\""), "no marks, no legend: {h}");
        r.diff = true;
        r.terms.push(TermSpan::new(Side::Source, 0, 0, 6, "hair"));
        r.header.push(("File".into(), "a.txt".into()));
        r.originals = vec!["頭髮很長。".into()];
        r.original_lang = "zh-Hant".into();
        let h = html(&r);
        assert!(!h.contains("line-through"), "{h}");
        let legend = &h[h.find("<div class=\"legend\">").expect("legend")..];
        for key in ["key del", "key ins", "key term"] {
            assert!(legend.contains(key), "{key}: {h}");
        }
        assert!(!legend.contains("key low"), "{h}");
        assert!(
            h.contains("<dl class=\"header\">\n<dt>File</dt><dd>a.txt</dd>"),
            "{h}"
        );
        assert!(
            h.contains("<th class=\"original\" lang=\"zh-Hant\">Original</th>"),
            "{h}"
        );
        assert!(
            h.contains("<td class=\"original\" lang=\"zh-Hant\">頭髮很長。</td>"),
            "{h}"
        );
        assert!(h.contains("@media print"), "{h}");
        let m = markdown_report(&r);
        assert!(m.contains("- File: a.txt"), "{m}");
        assert!(
            m.contains("| 1 | 頭髮很長。 | 頭髮很長 | 头发很长 |"),
            "{m}"
        );
    }

    #[test]
    fn diff_marks_changed_characters() {
        let b = hair();
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

    #[test]
    fn diff_across_segments_of_a_bead() {
        let b = Bitext::new(
            "zh-Hant",
            "zh-Hans",
            vec![seg("頭髮。"), seg("很長。")],
            vec![seg("头发。很长。")],
            vec![Bead::new(vec![0, 1], vec![0], 1.0)],
        );
        let mut r = Report::new(&b, "t");
        r.diff = true;
        let h = html(&r);
        assert!(
            h.contains("<span class=\"seg\" data-seg=\"0\"><span class=\"del\">頭髮</span>。</span><span class=\"seg\" data-seg=\"1\">很<span class=\"del\">長</span>。</span>"),
            "{h}"
        );
        assert!(
            h.contains("<span class=\"ins\">头发</span>。很<span class=\"ins\">长</span>。"),
            "{h}"
        );
    }

    #[test]
    fn terms_overlapping_changes_and_bad_ranges() {
        let b = hair();
        let mut r = Report::new(&b, "t");
        r.diff = true;
        let term = |start, end| TermSpan {
            side: Side::Source,
            segment: 0,
            start,
            end,
            note: "n".into(),
        };
        // 髮很 straddles a change boundary; the others are out of range,
        // reversed or inside a character.
        r.terms = vec![term(3, 9), term(9, 100), term(6, 3), term(1, 2)];
        let h = html(&r);
        assert!(
            h.contains("<span class=\"del\">頭</span><span class=\"term\" title=\"n\"><span class=\"del\">髮</span></span><span class=\"term\" title=\"n\">很</span><span class=\"del\">長</span>"),
            "{h}"
        );
    }

    #[test]
    fn counts_can_be_turned_off() {
        let b = sample();
        let mut r = Report::new(&b, "t");
        assert_eq!(
            Counts::new(&b, 0.5),
            Counts {
                source_segments: 4,
                target_segments: 2,
                beads: 3,
                one_sided: 1,
                low_confidence: 1
            }
        );
        r.counts = None;
        let h = html(&r);
        assert!(!h.contains("<dl class=\"summary\">"), "{h}");
        assert!(!markdown_report(&r).contains("## Summary"));
    }

    // Regression: the character diff had no bound (8,000 characters of
    // unrelated text took 10 s); long beads are now shown wholly changed.
    #[test]
    fn long_beads_are_wholly_changed_without_a_diff() {
        let long = |c: char, n: usize| std::iter::repeat_n(c, n).collect::<String>();
        // Source and target lengths, and whether the diff marks only the
        // changed characters.
        let cases: &[(usize, usize, bool)] = &[(999, 1_000, true), (1_001, 1_000, false)];
        for &(n, m, diffed) in cases {
            let b = Bitext::new(
                "zh-Hant",
                "en",
                vec![seg(&format!("甲{}", long('乙', n - 1))), seg("丙")],
                vec![seg(&format!("甲{}", long('x', m - 1)))],
                vec![Bead::new(vec![0, 1], vec![0], 1.0)],
            );
            let mut r = Report::new(&b, "t");
            r.diff = true;
            let h = html(&r);
            let whole = format!("<span class=\"del\">甲{}</span>", long('乙', n - 1));
            assert_eq!(h.contains(&whole), !diffed, "{n}×{m}");
            assert!(h.contains("<span class=\"del\">丙</span>"), "{n}×{m}");
            assert_eq!(h.contains("<span class=\"ins\">甲"), !diffed, "{n}×{m}");
        }
    }

    // Regression: a NaN score was never low confidence and was written as
    // data-score="NaN".
    #[test]
    fn scores_that_are_not_numbers_are_low_confidence() {
        let mut b = hair();
        // score, class, data-score, Markdown mark.
        let cases: &[(f64, &str, &str, bool)] = &[
            (1.0, "bead", "1.000", false),
            (0.05, "bead low", "0.050", true),
            (f64::NAN, "bead low", "", true),
            (f64::INFINITY, "bead", "", false),
            (f64::NEG_INFINITY, "bead low", "", true),
        ];
        for &(score, class, attr, mark) in cases {
            b.beads[0].score = score;
            let r = Report::new(&b, "t");
            let h = html(&r);
            let row = format!(
                "<tr class=\"{class}\" id=\"bead-1\" data-bead=\"1\" data-shape=\"1-1\" data-score=\"{attr}\""
            );
            assert!(h.contains(&row), "{score}: {h}");
            assert_eq!(markdown_report(&r).contains("| 1 ⚠ |"), mark, "{score}");
            assert_eq!(
                Counts::new(&b, 0.1).low_confidence,
                usize::from(mark),
                "{score}"
            );
        }
    }
}
