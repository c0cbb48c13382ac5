//! Reports and bilingual files through bianyi-formats, with the words of
//! the page in the user's language.

use bianyi_align::Bitext;
use bianyi_formats::{Labels, Side, TermSpan};
use bianyi_glossary::{Glossary, Matcher};
use fluent_bundle::FluentValue;

use crate::i18n::Localizer;

pub(crate) use bianyi_formats::{beads, jsonl, markdown, tsv_with as tsv, xliff};

/// TMX with this build's version.
pub(crate) fn tmx(b: &Bitext) -> String {
    bianyi_formats::tmx(b, env!("CARGO_PKG_VERSION"))
}

/// What a report shows besides the bitext.
pub(crate) struct Report<'a> {
    bitext: &'a Bitext,
    /// A text and its conversion: highlight changed characters.
    conversion: bool,
    terms: Vec<TermSpan>,
    /// Distinct glossary entries found.
    entries: usize,
    pub(crate) findings: Vec<String>,
}

impl<'a> Report<'a> {
    pub(crate) fn plain(bitext: &'a Bitext) -> Report<'a> {
        Report {
            bitext,
            conversion: false,
            terms: Vec::new(),
            entries: 0,
            findings: Vec::new(),
        }
    }

    pub(crate) fn conversion(bitext: &'a Bitext) -> Report<'a> {
        Report {
            conversion: true,
            ..Report::plain(bitext)
        }
    }

    pub(crate) fn translation(bitext: &'a Bitext) -> Report<'a> {
        Report::plain(bitext)
    }

    /// Marks the glossary terms found in every segment of both sides.
    pub(crate) fn mark_terms(&mut self, g: &Glossary, m: &Matcher) {
        let mut used = std::collections::BTreeSet::new();
        for (side, segs) in [
            (Side::Source, &self.bitext.source),
            (Side::Target, &self.bitext.target),
        ] {
            for (k, seg) in segs.iter().enumerate() {
                for hit in m.find(&seg.text) {
                    let Some(e) = g.entries.get(hit.entry) else {
                        continue;
                    };
                    used.insert(hit.entry);
                    let terms: Vec<String> = e
                        .terms
                        .iter()
                        .filter(|t| t.status != bianyi_glossary::Status::Forbidden)
                        .map(|t| format!("{} {}", t.lang, t.text))
                        .collect();
                    self.terms.push(TermSpan::new(
                        side,
                        k,
                        hit.start,
                        hit.end,
                        format!("{}: {}", e.id, terms.join(" · ")),
                    ));
                }
            }
        }
        self.entries = used.len();
    }
}

fn labels(l: &Localizer) -> Labels {
    let mut labels = Labels::default();
    labels.source = l.msg("report-source", &[]);
    labels.target = l.msg("report-target", &[]);
    labels.summary = l.msg("report-summary", &[]);
    labels.findings = l.msg("report-findings", &[]);
    labels.low_confidence = l.msg("report-low-confidence", &[]);
    labels
}

/// Characters that differ between the sides of 1-1 beads.
fn changed_chars(b: &Bitext) -> usize {
    b.beads
        .iter()
        .filter(|x| x.source.len() == 1 && x.target.len() == 1)
        .map(|x| {
            let (s, t) = (b.source_text(x, ""), b.target_text(x, ""));
            similar::TextDiff::from_chars(&s, &t)
                .iter_all_changes()
                .filter(|c| c.tag() == similar::ChangeTag::Insert)
                .count()
        })
        .sum()
}

fn build<'a>(r: &'a Report<'a>, l: &Localizer) -> bianyi_formats::Report<'a> {
    let b = r.bitext;
    let mut page = bianyi_formats::Report::new(
        b,
        l.msg(
            "report-title",
            &[
                ("source", FluentValue::from(b.source_lang.clone())),
                ("target", FluentValue::from(b.target_lang.clone())),
            ],
        ),
    );
    page.labels = labels(l);
    page.diff = r.conversion;
    page.terms = r.terms.clone();
    page.findings = r.findings.clone();
    // Segment, bead and low-confidence counts come first, from the writer.
    let mut counts = bianyi_formats::CountLabels::default();
    counts.source_segments = l.msg("report-source-segments", &[]);
    counts.target_segments = l.msg("report-target-segments", &[]);
    counts.beads = l.msg("report-beads", &[]);
    counts.low_confidence = l.msg("report-low-confidence-count", &[]);
    page.counts = Some(counts);
    let mut summary = Vec::new();
    if r.conversion {
        summary.push((l.msg("report-changed", &[]), changed_chars(b).to_string()));
    }
    summary.push((l.msg("report-terms", &[]), r.entries.to_string()));
    summary.push((l.msg("report-findings", &[]), r.findings.len().to_string()));
    page.summary = summary;
    page
}

pub(crate) fn html(r: &Report<'_>, l: &Localizer) -> String {
    bianyi_formats::html(&build(r, l))
}

pub(crate) fn markdown_report(r: &Report<'_>, l: &Localizer) -> String {
    bianyi_formats::markdown_report(&build(r, l))
}
