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
    /// A converted text and its translation (the columns are the
    /// converted text and the translation).
    translation: bool,
    /// The file reported on, as shown in the title and header.
    pub(crate) file: Option<String>,
    /// The conversion (`--to zh-TW`, `-c t2s`) and the glossaries, for
    /// the header.
    pub(crate) settings: Vec<(String, String)>,
    /// The original text of each bead of a translation report, and its
    /// language tag.
    pub(crate) originals: Option<(String, Vec<String>)>,
}

impl<'a> Report<'a> {
    pub(crate) fn plain(bitext: &'a Bitext) -> Report<'a> {
        Report {
            bitext,
            conversion: false,
            terms: Vec::new(),
            entries: 0,
            findings: Vec::new(),
            translation: false,
            file: None,
            settings: Vec::new(),
            originals: None,
        }
    }

    pub(crate) fn conversion(bitext: &'a Bitext) -> Report<'a> {
        Report {
            conversion: true,
            ..Report::plain(bitext)
        }
    }

    pub(crate) fn translation(bitext: &'a Bitext) -> Report<'a> {
        Report {
            translation: true,
            ..Report::plain(bitext)
        }
    }

    /// The original text of each bead of `self` (a converted text and
    /// its translation), from `conversion` (the original and the
    /// converted text, segment by segment): the original segments whose
    /// conversion overlaps the bead's converted segments, by their byte
    /// offsets in the converted document. Nothing when every original
    /// reads as its conversion (nothing was converted).
    pub(crate) fn set_originals(&mut self, conversion: &Bitext) {
        let converted = &conversion.target;
        if conversion
            .source
            .iter()
            .zip(converted)
            .all(|(a, b)| a.text == b.text)
        {
            return;
        }
        let sep = bianyi_formats::separator(&conversion.source_lang);
        let originals = self
            .bitext
            .beads
            .iter()
            .map(|bead| {
                let segs: Vec<_> = bead
                    .source
                    .iter()
                    .filter_map(|&i| self.bitext.source.get(i))
                    .collect();
                let (Some(first), Some(last)) = (segs.first(), segs.last()) else {
                    return String::new();
                };
                let (from, to) = (first.start, last.start + last.text.len());
                conversion
                    .source
                    .iter()
                    .zip(converted)
                    .filter(|(_, c)| c.start < to && from < c.start + c.text.len())
                    .map(|(o, _)| o.text.as_str())
                    .collect::<Vec<_>>()
                    .join(sep)
            })
            .collect();
        self.originals = Some((conversion.source_lang.clone(), originals));
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
    let (from, to) = match &r.originals {
        Some((lang, _)) => (lang.clone(), b.target_lang.clone()),
        None => (b.source_lang.clone(), b.target_lang.clone()),
    };
    let langs = [
        ("source", FluentValue::from(from)),
        ("target", FluentValue::from(to)),
    ];
    let title = match &r.file {
        Some(file) => {
            let mut args = langs.to_vec();
            args.push(("file", FluentValue::from(file.clone())));
            l.msg("report-title-file", &args)
        }
        None => l.msg("report-title", &langs),
    };
    let mut page = bianyi_formats::Report::new(b, title);
    page.labels = labels(l);
    // A conversion: the text and its conversion; a translation: the
    // converted text and the translation, after the original.
    if r.conversion {
        page.labels.source = l.msg("report-original", &[]);
        page.labels.target = l.msg("report-converted", &[]);
    } else if r.translation {
        page.labels.source = l.msg("report-converted", &[]);
        page.labels.target = l.msg("report-translation", &[]);
    }
    page.labels.original = l.msg("report-original", &[]);
    page.labels.legend = l.msg("report-legend", &[]);
    page.labels.legend_removed = l.msg("report-legend-removed", &[]);
    page.labels.legend_added = l.msg("report-legend-added", &[]);
    page.labels.legend_term = l.msg("report-legend-term", &[]);
    page.labels.legend_low = l.msg("report-legend-low", &[]);
    if let Some(file) = &r.file {
        page.header.push((l.msg("report-file", &[]), file.clone()));
    }
    page.header.extend(r.settings.iter().cloned());
    if let Some((lang, originals)) = &r.originals {
        page.original_lang = lang.clone();
        page.originals = originals.clone();
    }
    page.diff = r.conversion;
    page.terms = r.terms.clone();
    page.findings = r.findings.clone();
    // Segment, bead and low-confidence counts come first, from the writer.
    let mut counts = bianyi_formats::CountLabels::default();
    counts.source_segments = l.msg("report-source-segments", &[]);
    counts.target_segments = l.msg("report-target-segments", &[]);
    if r.conversion {
        counts.target_segments = l.msg("report-converted-segments", &[]);
    } else if r.translation {
        counts.source_segments = l.msg("report-converted-segments", &[]);
    }
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
