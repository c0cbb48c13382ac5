//! The model every format shares. A format finds the *runs* of a source:
//! the byte ranges of text written for people, already cut around what a
//! converter must not see (markup, placeholders), each with the way its
//! bytes spell its text. It may also find *language slots*: ranges outside
//! the text that hold the language of the file (an HTML `lang` value, a PO
//! header's `Language:`), which a rewrite sets to the target's tag.
//!
//! A rewrite replaces each run by a function of its text and copies every
//! other byte. The *skeleton*, the bytes outside runs and slots, is what
//! the checks compare between a source and its rewrite: when they are
//! equal, only text changed.

use std::borrow::Cow;
use std::ops::Range;

use crate::json;

/// How a run's bytes spell its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Encoding {
    /// The bytes are the text.
    Raw,
    /// The inside of a JSON string: backslash escapes.
    Json,
}

/// One run: a byte range of the source and how it spells its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Run {
    pub(crate) range: Range<usize>,
    pub(crate) encoding: Encoding,
}

impl Run {
    /// Its bytes in `source`.
    fn raw<'s>(&self, source: &'s str) -> &'s str {
        source.get(self.range.clone()).unwrap_or_default()
    }

    /// Its text (JSON escapes resolved).
    pub(crate) fn text<'s>(&self, source: &'s str) -> Cow<'s, str> {
        let raw = self.raw(source);
        match self.encoding {
            Encoding::Raw => Cow::Borrowed(raw),
            Encoding::Json => Cow::Owned(json::decode(raw)),
        }
    }

    /// Its new bytes: `convert` of its text, spelled as the run spells
    /// its text (JSON escapes kept as written, see
    /// [`json::convert_escaped`]).
    fn replace(&self, source: &str, convert: &mut dyn FnMut(&str) -> String) -> String {
        let raw = self.raw(source);
        match self.encoding {
            Encoding::Raw => convert(raw),
            Encoding::Json => json::convert_escaped(raw, convert),
        }
    }
}

/// The runs and language slots of a source.
#[derive(Clone, Debug, Default)]
pub(crate) struct Runs {
    runs: Vec<Run>,
    languages: Vec<Range<usize>>,
}

impl Runs {
    /// Adds a run (an empty one is dropped).
    pub(crate) fn push(&mut self, range: Range<usize>, encoding: Encoding) {
        if !range.is_empty() {
            self.runs.push(Run { range, encoding });
        }
    }

    /// Adds the runs of `range` around the spans a format keeps out of
    /// them (markup, placeholders): `kept(i)` is the length of the span
    /// that starts at byte `i`, 0 when none does.
    pub(crate) fn push_around(
        &mut self,
        range: Range<usize>,
        encoding: Encoding,
        mut kept: impl FnMut(usize) -> usize,
    ) {
        let mut start = range.start;
        let mut i = range.start;
        while i < range.end {
            match kept(i) {
                0 => i += 1,
                len => {
                    self.push(start..i, encoding);
                    i += len;
                    start = i;
                }
            }
        }
        self.push(start..range.end, encoding);
    }

    /// Adds a language slot.
    pub(crate) fn language(&mut self, range: Range<usize>) {
        self.languages.push(range);
    }

    /// How many runs there are.
    pub(crate) fn len(&self) -> usize {
        self.runs.len()
    }

    /// The runs, in the order they were added.
    pub(crate) fn all(&self) -> &[Run] {
        &self.runs
    }

    /// The runs numbered `range`.
    pub(crate) fn get(&self, range: Range<usize>) -> &[Run] {
        self.runs.get(range).unwrap_or_default()
    }

    /// Adds everything of `other`.
    pub(crate) fn extend(&mut self, other: Runs) {
        self.runs.extend(other.runs);
        self.languages.extend(other.languages);
    }

    /// Moves every range `by` bytes on (the runs of a part of a source
    /// that starts there).
    pub(crate) fn shift(&mut self, by: usize) {
        for r in self
            .runs
            .iter_mut()
            .map(|r| &mut r.range)
            .chain(&mut self.languages)
        {
            *r = r.start + by..r.end + by;
        }
    }

    /// Takes `spans` (sorted, not overlapping) out of every run: a run
    /// that holds one is split around it.
    pub(crate) fn cut(&mut self, spans: &[Range<usize>]) {
        if spans.is_empty() {
            return;
        }
        let mut runs = Vec::with_capacity(self.runs.len());
        for Run { range: r, encoding } in self.runs.drain(..) {
            let mut start = r.start;
            let first = spans.partition_point(|s| s.end <= r.start);
            for s in spans.get(first..).unwrap_or_default() {
                if s.start >= r.end {
                    break;
                }
                if s.start > start {
                    runs.push(Run {
                        range: start..s.start,
                        encoding,
                    });
                }
                start = start.max(s.end);
            }
            if start < r.end {
                runs.push(Run {
                    range: start..r.end,
                    encoding,
                });
            }
        }
        self.runs = runs;
    }

    /// Puts the runs in source order and keeps only those a converter
    /// should see: a run that overlaps an earlier one, that does not fall
    /// on character boundaries or whose text is only white space is
    /// dropped.
    pub(crate) fn settle(&mut self, source: &str) {
        self.runs.sort_by_key(|r| (r.range.start, r.range.end));
        let mut end = 0;
        self.runs.retain(|r| {
            let keep = r.range.start >= end
                && source.get(r.range.clone()).is_some()
                && !r.text(source).trim().is_empty();
            if keep {
                end = r.range.end;
            }
            keep
        });
    }

    /// The changed runs: `convert(i, text)` of run `i`, spelled as the run
    /// spells its text, where it differs from the run's bytes; in the
    /// order of the runs.
    pub(crate) fn edits(
        &self,
        source: &str,
        convert: &mut dyn FnMut(usize, &str) -> String,
    ) -> Vec<(Range<usize>, String)> {
        let mut edits = Vec::new();
        for (i, run) in self.runs.iter().enumerate() {
            let new = run.replace(source, &mut |text| convert(i, text));
            if new != run.raw(source) {
                edits.push((run.range.clone(), new));
            }
        }
        edits
    }

    /// `source` with every run replaced (see [`Runs::edits`]) and, when
    /// `language` is given, every language slot set to it.
    pub(crate) fn rewrite(
        &self,
        source: &str,
        convert: &mut dyn FnMut(usize, &str) -> String,
        language: Option<&str>,
    ) -> String {
        let mut edits = self.edits(source, convert);
        if let Some(tag) = language {
            edits.extend(self.languages.iter().map(|r| (r.clone(), tag.to_string())));
        }
        splice(source, edits)
    }

    /// The bytes outside every run and slot, one gap between each two.
    pub(crate) fn skeleton<'s>(&self, source: &'s str) -> Vec<Gap<'s>> {
        let mut cuts: Vec<(Range<usize>, Option<usize>)> = self
            .runs
            .iter()
            .enumerate()
            .map(|(i, r)| (r.range.clone(), Some(i)))
            .chain(self.languages.iter().map(|r| (r.clone(), None)))
            .collect();
        cuts.sort_by_key(|(r, _)| (r.start, r.end));
        let mut gaps = Vec::with_capacity(cuts.len() + 1);
        let (mut at, mut after) = (0, None);
        for (r, run) in cuts {
            if r.start < at {
                continue;
            }
            gaps.push(Gap {
                offset: at,
                text: source.get(at..r.start).unwrap_or_default(),
                after,
            });
            at = r.end;
            after = run;
        }
        gaps.push(Gap {
            offset: at,
            text: source.get(at..).unwrap_or_default(),
            after,
        });
        gaps
    }
}

/// A piece of a skeleton.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Gap<'s> {
    /// Where it starts in its source.
    pub(crate) offset: usize,
    /// Its bytes.
    pub(crate) text: &'s str,
    /// The number of the run just before it (`None` at the start and after
    /// a language slot).
    pub(crate) after: Option<usize>,
}

/// The index in `a` of the first gap that differs from `b`'s; when one
/// skeleton is a shorter copy of the other, of the first gap the shorter
/// one lacks (or the last of `a`).
pub(crate) fn first_difference(a: &[Gap<'_>], b: &[Gap<'_>]) -> Option<usize> {
    if let Some(i) = a.iter().zip(b).position(|(x, y)| x.text != y.text) {
        return Some(i);
    }
    (a.len() != b.len()).then(|| b.len().min(a.len().saturating_sub(1)))
}

/// `source` with `edits` applied, in order of their ranges; an edit that
/// overlaps an earlier one, or does not start on a character boundary, is
/// dropped.
pub(crate) fn splice(source: &str, mut edits: Vec<(Range<usize>, String)>) -> String {
    edits.sort_by_key(|(r, _)| (r.start, r.end));
    let mut out = String::with_capacity(source.len() + source.len() / 8);
    let mut at = 0;
    for (range, new) in edits {
        let Some(kept) = source.get(at..range.start) else {
            continue;
        };
        out.push_str(kept);
        out.push_str(&new);
        at = range.end;
    }
    out.push_str(source.get(at..).unwrap_or_default());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Raw runs over `(start, end)` ranges.
    fn raw(ranges: &[(usize, usize)]) -> Runs {
        let mut runs = Runs::default();
        for &(start, end) in ranges {
            runs.push(start..end, Encoding::Raw);
        }
        runs
    }

    fn ranges(runs: &Runs) -> Vec<(usize, usize)> {
        runs.all()
            .iter()
            .map(|r| (r.range.start, r.range.end))
            .collect()
    }

    #[test]
    fn cut_splits_runs_around_spans() {
        // Runs, spans, runs after: (start, end) pairs.
        type Pairs = &'static [(usize, usize)];
        type Case = (Pairs, Pairs, Pairs);
        let cases: &[Case] = &[
            (&[(0, 10)], &[], &[(0, 10)]),
            (&[(0, 10)], &[(2, 4)], &[(0, 2), (4, 10)]),
            (&[(0, 10)], &[(0, 10)], &[]),
            (&[(0, 10)], &[(0, 2), (8, 12)], &[(2, 8)]),
            (&[(0, 4), (6, 10)], &[(3, 7)], &[(0, 3), (7, 10)]),
            (&[(0, 4)], &[(5, 6)], &[(0, 4)]),
        ];
        for (runs, spans, want) in cases {
            let mut r = raw(runs);
            let spans: Vec<Range<usize>> = spans.iter().map(|&(a, b)| a..b).collect();
            r.cut(&spans);
            assert_eq!(ranges(&r), *want, "{runs:?} cut by {spans:?}");
        }
    }

    #[test]
    fn settle_keeps_the_runs_a_converter_should_see() {
        let source = "ab  cd中";
        // Out of order, overlapping, blank, empty, off a character boundary.
        let mut r = raw(&[(4, 6), (0, 2), (1, 3), (2, 4), (3, 3), (6, 8)]);
        r.settle(source);
        assert_eq!(ranges(&r), [(0, 2), (4, 6)]);
    }

    #[test]
    fn rewrite_replaces_runs_and_language_slots() {
        let source = "<p lang=zh>ab <b>cd</b></p>";
        let mut r = raw(&[(11, 14), (17, 19)]);
        r.language(8..10);
        let upper = &mut |_: usize, s: &str| s.to_uppercase();
        assert_eq!(
            r.rewrite(source, upper, Some("zh-TW")),
            "<p lang=zh-TW>AB <b>CD</b></p>"
        );
        assert_eq!(
            r.rewrite(source, upper, None),
            "<p lang=zh>AB <b>CD</b></p>"
        );
        // Each run is handed over with its number, in order.
        let mut seen = Vec::new();
        r.rewrite(
            source,
            &mut |i, s| {
                seen.push((i, s.to_string()));
                s.to_string()
            },
            None,
        );
        assert_eq!(seen, [(0, "ab ".to_string()), (1, "cd".to_string())]);
    }

    #[test]
    fn json_runs_keep_their_escapes() {
        let source = r#"{"a": "\u7b80\n体"}"#;
        let mut r = Runs::default();
        r.push(7..source.len() - 2, Encoding::Json);
        assert_eq!(
            r.all().first().map(|x| x.text(source)).as_deref(),
            Some("简\n体")
        );
        let out = r.rewrite(
            source,
            &mut |_, s| s.replace('简', "簡").replace('体', "體"),
            None,
        );
        assert_eq!(out, r#"{"a": "\u7c21\n體"}"#);
    }

    #[test]
    fn skeletons_and_their_first_difference() {
        let source = "<p lang=zh>ab <b>cd</b></p>";
        let mut r = raw(&[(11, 14), (17, 19)]);
        r.language(8..10);
        let gaps = r.skeleton(source);
        let texts: Vec<&str> = gaps.iter().map(|g| g.text).collect();
        assert_eq!(texts, ["<p lang=", ">", "<b>", "</b></p>"]);
        let after: Vec<Option<usize>> = gaps.iter().map(|g| g.after).collect();
        assert_eq!(after, [None, None, Some(0), Some(1)]);
        assert_eq!(gaps.get(2).map(|g| g.offset), Some(14));

        let gap = |text| Gap {
            offset: 0,
            text,
            after: None,
        };
        let (a, b, c) = (gap("a"), gap("b"), gap("c"));
        type Case<'s> = (&'s [Gap<'s>], &'s [Gap<'s>], Option<usize>);
        let cases: &[Case<'_>] = &[
            (&[a, b], &[a, b], None),
            (&[a, b], &[a, c], Some(1)),
            (&[a, b, c], &[a, b], Some(2)),
            (&[a, b], &[a, b, c], Some(1)),
            (&[a], &[], Some(0)),
        ];
        for (x, y, want) in cases {
            assert_eq!(first_difference(x, y), *want, "{x:?} {y:?}");
        }
    }

    #[test]
    fn splice_applies_edits_in_order_and_drops_overlaps() {
        let edits = vec![
            (4..6, "EF".to_string()),
            (0..2, "AB".to_string()),
            (1..3, "x".to_string()),
        ];
        assert_eq!(splice("abcdef", edits), "ABcdEF");
        // Not on a character boundary: dropped.
        assert_eq!(splice("中文", vec![(1..3, "x".to_string())]), "中文");
    }
}
