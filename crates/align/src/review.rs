//! Reviewed alignments: beads a reviewer fixed, identified by the text of
//! their sentences (not their positions), applied to a fresh alignment so
//! that edits elsewhere in either text keep them valid.

use std::ops::Range;

use crate::bitext::{Bead, Bitext, Segment};

/// The key of a sentence: FNV-1a (64 bits) of its text with runs of white
/// space made one space and the ends trimmed, in hexadecimal. Stable across
/// versions and platforms (it is written into project files).
pub fn sentence_key(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    };
    for (k, word) in text.split_whitespace().enumerate() {
        if k > 0 {
            eat(b' ');
        }
        word.bytes().for_each(&mut eat);
    }
    format!("{h:016x}")
}

/// A bead as a reviewer left it: the keys ([`sentence_key`]) of its source
/// and target sentences, in order (either side may be empty).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct FixedBead {
    /// Keys of the source sentences.
    pub source: Vec<String>,
    /// Keys of the target sentences.
    pub target: Vec<String>,
}

impl FixedBead {
    /// A fixed bead from its keys.
    pub fn new(source: Vec<String>, target: Vec<String>) -> FixedBead {
        FixedBead { source, target }
    }

    /// The fixed bead of `bead` in `bitext`.
    pub fn of(bitext: &Bitext, bead: &Bead) -> FixedBead {
        FixedBead {
            source: bead
                .source
                .iter()
                .map(|&i| sentence_key(&bitext.source[i].text))
                .collect(),
            target: bead
                .target
                .iter()
                .map(|&j| sentence_key(&bitext.target[j].text))
                .collect(),
        }
    }
}

/// The first place at or after `from` where `keys` are consecutive
/// sentences of `side` (an empty `keys`: at `from`).
fn find(keys: &[String], side: &[String], from: usize) -> Option<Range<usize>> {
    if keys.is_empty() {
        return Some(from..from);
    }
    (from..=side.len().saturating_sub(keys.len()))
        .find(|&at| side.get(at..at + keys.len()) == Some(keys))
        .map(|at| at..at + keys.len())
}

/// Where each fixed bead is in the two sides (`None`: stale, its sentences
/// are no longer there, or no longer in order). A bead is looked for after
/// the previous one found.
pub fn locate(
    fixed: &[FixedBead],
    source: &[Segment],
    target: &[Segment],
) -> Vec<Option<(Range<usize>, Range<usize>)>> {
    let skeys: Vec<String> = source.iter().map(|s| sentence_key(&s.text)).collect();
    let tkeys: Vec<String> = target.iter().map(|s| sentence_key(&s.text)).collect();
    let (mut s, mut t) = (0, 0);
    fixed
        .iter()
        .map(|f| {
            if f.source.is_empty() && f.target.is_empty() {
                return None;
            }
            let rs = find(&f.source, &skeys, s)?;
            let rt = find(&f.target, &tkeys, t)?;
            s = rs.end;
            t = rt.end;
            Some((rs, rt))
        })
        .collect()
}

/// Aligns a gap again: its source and target segments in, beads (indices
/// relative to the gap) out.
pub type Realign<'a> = dyn FnMut(&[Segment], &[Segment]) -> Vec<Bead> + 'a;

/// `fresh` (the aligner's beads over the current texts) with the fixed
/// beads that can still be found put in place. Between two fixed beads the
/// aligner's beads are kept when they fit the gap exactly; otherwise the
/// gap is aligned again by `realign` (the gap's source and target
/// segments; indices in the beads it returns are relative to the gap).
///
/// A fixed bead keeps the aligner's score when the aligner found the same
/// bead; otherwise, or when `reviewed` (a reviewer accepted the whole
/// alignment), its score is 1. Returns the indices of the fixed beads not
/// found (stale).
pub fn apply(
    fresh: &mut Bitext,
    fixed: &[FixedBead],
    reviewed: bool,
    realign: &mut Realign<'_>,
) -> Vec<usize> {
    let places = locate(fixed, &fresh.source, &fresh.target);
    let stale = places
        .iter()
        .enumerate()
        .filter(|(_, p)| p.is_none())
        .map(|(k, _)| k)
        .collect();
    let anchors: Vec<(Range<usize>, Range<usize>)> = places.into_iter().flatten().collect();
    if anchors.is_empty() {
        return stale;
    }
    let old = std::mem::take(&mut fresh.beads);
    let mut beads = Vec::with_capacity(old.len());
    let (mut s, mut t) = (0, 0);
    let ends = (fresh.source.len(), fresh.target.len());
    let mut fill = |beads: &mut Vec<Bead>, s: Range<usize>, t: Range<usize>| {
        if s.is_empty() && t.is_empty() {
            return;
        }
        // The aligner's beads inside the gap, if they tile it.
        let inside: Vec<&Bead> = old
            .iter()
            .filter(|b| {
                b.source.iter().all(|i| s.contains(i)) && b.target.iter().all(|j| t.contains(j))
            })
            .filter(|b| {
                b.source.first().is_some_and(|i| s.contains(i))
                    || b.target.first().is_some_and(|j| t.contains(j))
            })
            .collect();
        let covered_s: usize = inside.iter().map(|b| b.source.len()).sum();
        let covered_t: usize = inside.iter().map(|b| b.target.len()).sum();
        if covered_s == s.len() && covered_t == t.len() {
            beads.extend(inside.into_iter().cloned());
            return;
        }
        if s.is_empty() || t.is_empty() {
            beads.extend(s.clone().map(|i| Bead::new(vec![i], vec![], 0.0)));
            beads.extend(t.clone().map(|j| Bead::new(vec![], vec![j], 0.0)));
            return;
        }
        for b in realign(&fresh.source[s.clone()], &fresh.target[t.clone()]) {
            beads.push(Bead::new(
                b.source.iter().map(|i| i + s.start).collect(),
                b.target.iter().map(|j| j + t.start).collect(),
                b.score,
            ));
        }
    };
    for (rs, rt) in anchors {
        fill(&mut beads, s..rs.start, t..rt.start);
        let (source, target): (Vec<usize>, Vec<usize>) =
            (rs.clone().collect(), rt.clone().collect());
        let score = old
            .iter()
            .find(|b| !reviewed && b.source == source && b.target == target)
            .map_or(1.0, |b| b.score);
        beads.push(Bead::new(source, target, score));
        s = rs.end;
        t = rt.end;
    }
    fill(&mut beads, s..ends.0, t..ends.1);
    fresh.beads = beads;
    stale
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side(texts: &[&str]) -> Vec<Segment> {
        texts
            .iter()
            .enumerate()
            .map(|(k, t)| Segment::new(*t, 0, k * 100))
            .collect()
    }

    fn keys(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|t| sentence_key(t)).collect()
    }

    fn bitext(beads: Vec<Bead>) -> Bitext {
        Bitext::new(
            "zh-Hant",
            "en",
            side(&["甲。", "乙。", "丙。", "丁。"]),
            side(&["A.", "B.", "C.", "D."]),
            beads,
        )
    }

    fn diagonal() -> Vec<Bead> {
        (0..4).map(|k| Bead::new(vec![k], vec![k], 0.5)).collect()
    }

    #[test]
    fn keys_ignore_spacing_only() {
        assert_eq!(sentence_key("a  b\n"), sentence_key(" a b"));
        assert_ne!(sentence_key("a b"), sentence_key("ab"));
        assert_eq!(sentence_key(""), "cbf29ce484222325");
    }

    #[test]
    fn a_merge_is_applied_and_the_rest_kept() {
        let mut b = bitext(diagonal());
        let fixed = vec![FixedBead::new(keys(&["乙。", "丙。"]), keys(&["B.", "C."]))];
        let stale = apply(&mut b, &fixed, false, &mut |_, _| panic!("no realign"));
        assert!(stale.is_empty());
        assert_eq!(b.check(), Ok(()));
        let shapes: Vec<String> = b.beads.iter().map(Bead::shape).collect();
        assert_eq!(shapes, ["1-1", "2-2", "1-1"]);
        assert_eq!(b.beads[1].score, 1.0);
        assert_eq!(b.beads[0].score, 0.5);
    }

    #[test]
    fn a_bead_whose_sentence_changed_is_stale_and_the_gap_realigned() {
        let mut b = bitext(diagonal());
        let fixed = vec![
            FixedBead::new(keys(&["甲。"]), keys(&["A."])),
            FixedBead::new(keys(&["乙。 changed"]), keys(&["B."])),
            FixedBead::new(keys(&["丁。"]), keys(&["C.", "D."])),
        ];
        let mut calls = 0;
        let stale = apply(&mut b, &fixed, true, &mut |s, t| {
            calls += 1;
            assert_eq!((s.len(), t.len()), (2, 1));
            vec![Bead::new(vec![0, 1], vec![0], 0.3)]
        });
        assert_eq!(stale, [1]);
        assert_eq!(calls, 1);
        assert_eq!(b.check(), Ok(()));
        let shapes: Vec<String> = b.beads.iter().map(Bead::shape).collect();
        assert_eq!(shapes, ["1-1", "2-1", "1-2"]);
        assert_eq!(b.beads[0].score, 1.0, "reviewed");
        assert_eq!(b.beads[1].score, 0.3);
    }

    #[test]
    fn unpaired_beads_are_placed() {
        let mut b = bitext(diagonal());
        let fixed = vec![
            FixedBead::new(keys(&["甲。"]), vec![]),
            FixedBead::new(keys(&["乙。"]), keys(&["A.", "B."])),
        ];
        let stale = apply(&mut b, &fixed, false, &mut |_, _| panic!("no realign"));
        assert!(stale.is_empty());
        assert_eq!(b.check(), Ok(()));
        let shapes: Vec<String> = b.beads.iter().map(Bead::shape).collect();
        assert_eq!(shapes, ["1-0", "1-2", "1-1", "1-1"]);
    }

    #[test]
    fn out_of_order_is_stale() {
        let b = bitext(diagonal());
        let fixed = vec![
            FixedBead::new(keys(&["丙。"]), keys(&["C."])),
            FixedBead::new(keys(&["甲。"]), keys(&["A."])),
        ];
        let places = locate(&fixed, &b.source, &b.target);
        assert!(places[0].is_some());
        assert!(places[1].is_none());
    }
}
