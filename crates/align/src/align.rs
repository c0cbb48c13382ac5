//! Cross-language sentence alignment: dynamic programming over beads with a
//! length model (Gale–Church, fitted for Chinese–English) and lexical
//! anchors, in a band around the diagonal so memory grows linearly.

use std::collections::BTreeSet;

use crate::bitext::{Bead, Bitext, Segment};
use crate::lexicon::Lexicon;

/// One bead shape the aligner may use: source and target counts and the
/// prior probability of the shape.
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct Shape {
    /// Source segments in the bead.
    pub source: usize,
    /// Target segments in the bead.
    pub target: usize,
    /// Prior probability.
    pub prior: f64,
}

/// Parameters of the aligner: start from [`Options::for_languages`] (or
/// [`Options::zh_en`], …) and change the fields you need.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Options {
    /// Target length units per source length unit (for Chinese → English:
    /// about 4.1 English characters, spaces included, per Chinese character).
    pub ratio: f64,
    /// Variance of the target length per source length unit. The variance
    /// of correct beads is about 22–42 per Chinese character, but lengths
    /// have heavy tails: 90 (chosen on the Bible dev set, see
    /// docs/alignment.md) lets the priors and anchors decide more often.
    pub variance: f64,
    /// The bead shapes with their priors.
    pub shapes: Vec<Shape>,
    /// Weight of one shared anchor (number, Latin token, glossary pair), in
    /// units of negative log probability.
    pub anchor_weight: f64,
    /// Half-width of the band around the diagonal, in segments (grown
    /// automatically when the best path touches it).
    pub band: usize,
    /// Pairs of terms (source side, target side) that count as anchors when
    /// both occur in a bead: glossary pairs, dictionary entries
    /// ([`crate::read_cedict`]). Target terms are matched in lower case as
    /// whole words.
    pub lexicon: Vec<(String, String)>,
}

impl Shape {
    /// `source` segments against `target` segments, with the prior
    /// probability of the shape.
    pub fn new(source: usize, target: usize, prior: f64) -> Shape {
        Shape {
            source,
            target,
            prior,
        }
    }
}

impl Options {
    /// Defaults for Chinese → English: length ratio 4.1, variance 90, and
    /// the shape priors of zh–en literary text (ANCHORS.md, oriented with
    /// Chinese as the source: 2-1 is two Chinese sentences for one English).
    pub fn zh_en() -> Options {
        let s = |source, target, prior| Shape {
            source,
            target,
            prior,
        };
        // Chinese literary text splits sentences more finely than English
        // (two or three Chinese sentences per English one is common).
        Options {
            ratio: 4.1,
            variance: 90.0,
            shapes: vec![
                s(1, 1, 0.62),
                s(2, 1, 0.21),
                s(3, 1, 0.07),
                s(1, 2, 0.04),
                s(2, 2, 0.02),
                s(1, 3, 0.005),
                s(3, 2, 0.01),
                s(2, 3, 0.005),
                s(1, 0, 0.01),
                s(0, 1, 0.01),
            ],
            anchor_weight: 2.0,
            band: 100,
            lexicon: Vec::new(),
        }
    }

    /// Two texts in the same language or script pair (Traditional and
    /// Simplified Chinese, or any two languages of similar length): equal
    /// lengths, small variance, mostly 1-1 beads.
    pub fn same_length() -> Options {
        let s = |source, target, prior| Shape {
            source,
            target,
            prior,
        };
        Options {
            ratio: 1.0,
            variance: 6.8,
            shapes: vec![
                s(1, 1, 0.89),
                s(1, 2, 0.04),
                s(2, 1, 0.04),
                s(2, 2, 0.011),
                s(1, 0, 0.0099),
                s(0, 1, 0.0099),
            ],
            anchor_weight: 2.0,
            band: 100,
            lexicon: Vec::new(),
        }
    }

    /// Options for a language pair: [`Options::zh_en`], [`Options::en_zh`],
    /// else [`Options::same_length`].
    pub fn for_languages(source: &str, target: &str) -> Options {
        let zh = |l: &str| l.starts_with("zh") || l.starts_with("cmn") || l.starts_with("yue");
        let en = |l: &str| l == "en" || l.starts_with("en-");
        match (zh(source), zh(target)) {
            (true, false) if en(target) => Options::zh_en(),
            (false, true) if en(source) => Options::en_zh(),
            _ => Options::same_length(),
        }
    }

    /// English → Chinese: the same model seen from the other side.
    pub fn en_zh() -> Options {
        let mut o = Options::zh_en();
        o.ratio = 1.0 / 4.1;
        o.variance = 42.0 / (4.1 * 4.1 * 4.1);
        for sh in &mut o.shapes {
            std::mem::swap(&mut sh.source, &mut sh.target);
        }
        o
    }
}

/// The widest band the aligner grows to, in segments each side of the
/// diagonal: 50,000 source segments then take at most 50,000 × 8,193 bytes
/// of back pointers (about 410 MB) and the costs of four rows.
const MAX_BAND: usize = 4096;

/// Length unit of a segment: characters, not counting spaces for Chinese.
fn length(text: &str) -> f64 {
    text.chars().count() as f64
}

/// Standard normal upper-tail probability times two: P(|Z| > |z|).
fn two_tailed(z: f64) -> f64 {
    // Abramowitz–Stegun 7.1.26 approximation of erfc.
    let x = z.abs() / std::f64::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.327_591_1 * x);
    let poly = t
        * (0.254_829_592
            + t * (-0.284_496_736
                + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))));
    (poly * (-x * x).exp()).clamp(1e-300, 1.0)
}

/// Tokens that anchor an alignment: numbers and Latin words of 2+ letters,
/// lower-cased.
fn anchors(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut token = String::new();
    let mut flush = |t: &mut String| {
        let keep = t.chars().all(|c| c.is_ascii_digit())
            || t.chars().filter(char::is_ascii_alphabetic).count() >= 2;
        if !t.is_empty() && keep {
            out.insert(std::mem::take(t));
        } else {
            t.clear();
        }
    };
    for c in text.chars() {
        let c = match c {
            // Full-width letters and digits.
            '\u{FF10}'..='\u{FF5A}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            token.push(c.to_ascii_lowercase());
        } else {
            flush(&mut token);
        }
    }
    flush(&mut token);
    out
}

struct Side {
    len: Vec<f64>,
    /// Prefix sums of lengths.
    sum: Vec<f64>,
    /// Sorted anchor keys of each segment: numbers and Latin words
    /// (interned), and lexicon target ids (expected on the source side,
    /// found on the target side).
    keys: Vec<Vec<u32>>,
}

impl Side {
    fn new(
        segments: &[Segment],
        lexical: impl Fn(&str) -> BTreeSet<u32>,
        interner: &mut std::collections::HashMap<String, u32>,
    ) -> Side {
        let len: Vec<f64> = segments.iter().map(|s| length(&s.text)).collect();
        let mut sum = vec![0.0];
        for l in &len {
            sum.push(sum.last().copied().unwrap_or(0.0) + l);
        }
        let keys = segments
            .iter()
            .map(|s| {
                let mut k: Vec<u32> = lexical(&s.text).into_iter().collect();
                for a in anchors(&s.text) {
                    let next = u32::MAX - u32::try_from(interner.len()).unwrap_or(0);
                    k.push(*interner.entry(a).or_insert(next));
                }
                k.sort_unstable();
                k.dedup();
                k
            })
            .collect();
        Side { len, sum, keys }
    }

    fn span_len(&self, from: usize, n: usize) -> f64 {
        self.sum[from + n] - self.sum[from]
    }
}

/// Shared anchor keys of source segment k and target segment l, computed
/// once per pair and kept for the rows the DP still reads.
struct Shared {
    /// Per source segment: first target index cached and the counts.
    rows: Vec<(usize, Vec<u16>)>,
}

impl Shared {
    fn count(&mut self, s: &Side, t: &Side, k: usize, l: usize) -> u16 {
        let Some((first, row)) = self.rows.get_mut(k) else {
            return 0;
        };
        if l < *first || l >= *first + row.len() {
            return intersect(&s.keys[k], &t.keys[l]);
        }
        let slot = &mut row[l - *first];
        if *slot == u16::MAX {
            *slot = intersect(&s.keys[k], &t.keys[l]);
        }
        *slot
    }
}

fn intersect(a: &[u32], b: &[u32]) -> u16 {
    let (mut i, mut j, mut n) = (0, 0, 0u16);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n = n.saturating_add(1);
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Aligns two sides segmented already. The beads cover both sides exactly
/// once, in order.
pub fn align(
    source_lang: &str,
    target_lang: &str,
    source: Vec<Segment>,
    target: Vec<Segment>,
    options: &Options,
) -> Bitext {
    let beads = {
        let lexicon = (!options.lexicon.is_empty()).then(|| Lexicon::new(&options.lexicon));
        let mut interner = std::collections::HashMap::new();
        let s = Side::new(
            &source,
            |text| {
                lexicon
                    .as_ref()
                    .map(|l| l.expected(text))
                    .unwrap_or_default()
            },
            &mut interner,
        );
        let t = Side::new(
            &target,
            |text| lexicon.as_ref().map(|l| l.found(text)).unwrap_or_default(),
            &mut interner,
        );
        let mut band = options.band.max(8);
        loop {
            let (beads, touched) = dp(&s, &t, options, band);
            let n = s.len.len().max(t.len.len());
            // The band grows while the best path touches it, up to 4,096
            // segments each side (memory: one byte per cell of the band).
            if !touched || band >= n || band >= MAX_BAND {
                break beads;
            }
            band = (band * 2).min(MAX_BAND);
        }
    };
    Bitext {
        source_lang: source_lang.to_string(),
        target_lang: target_lang.to_string(),
        source,
        target,
        beads,
    }
}

/// The band of target positions for source position `i`.
fn band_of(i: usize, n: usize, m: usize, w: usize) -> (usize, usize) {
    let centre = i
        .saturating_mul(m)
        .saturating_add(n / 2)
        .checked_div(n)
        .unwrap_or(0);
    (centre.saturating_sub(w), (centre + w).min(m))
}

/// The cost of one bead and its length-match probability.
fn bead_cost(
    s: &Side,
    t: &Side,
    cache: &mut Shared,
    i: usize,
    j: usize,
    shape: &Shape,
    o: &Options,
) -> (f64, f64) {
    let ls = s.span_len(i, shape.source);
    let lt = t.span_len(j, shape.target);
    let p = if shape.source == 0 || shape.target == 0 {
        // Nothing to compare lengths with: the prior decides.
        0.5
    } else {
        let mean = (ls + lt / o.ratio) / 2.0;
        let z = (lt - ls * o.ratio) / (mean.max(1.0) * o.variance).sqrt();
        two_tailed(z)
    };
    let mut cost = -shape.prior.ln() - p.ln();
    if shape.source > 0 && shape.target > 0 {
        let mut shared = 0usize;
        for k in i..i + shape.source {
            for l in j..j + shape.target {
                shared += usize::from(cache.count(s, t, k, l));
            }
        }
        cost -= o.anchor_weight * (shared.min(4) as f64);
    }
    (cost, p)
}

/// Banded DP. Returns the beads and whether the best path touched the edge
/// of the band (then a wider band may find a better one).
fn dp(s: &Side, t: &Side, o: &Options, w: usize) -> (Vec<Bead>, bool) {
    let n = s.len.len();
    let m = t.len.len();
    let bands: Vec<(usize, usize)> = (0..=n).map(|i| band_of(i, n, m, w)).collect();
    // Pair counts for each source segment over its band, a few cells wider
    // for the longest beads.
    let pad = o
        .shapes
        .iter()
        .map(|sh| sh.source.max(sh.target))
        .max()
        .unwrap_or(1)
        + 1;
    let mut cache = Shared {
        rows: (0..n)
            .map(|k| {
                let (lo, hi) = bands[k];
                let first = lo.saturating_sub(pad);
                (first, vec![u16::MAX; (hi + pad).min(m) - first + 1])
            })
            .collect(),
    };
    // cost[i] holds the row for source position i over its band;
    // back[i][j - lo] the shape index taken to reach (i, j).
    let mut cost: Vec<Vec<f64>> = Vec::with_capacity(n + 1);
    let mut back: Vec<Vec<u8>> = Vec::with_capacity(n + 1);
    let max_source = o.shapes.iter().map(|sh| sh.source).max().unwrap_or(1);
    for i in 0..=n {
        let (lo, hi) = bands[i];
        let mut row = vec![f64::INFINITY; hi - lo + 1];
        let mut brow = vec![u8::MAX; hi - lo + 1];
        for j in lo..=hi {
            if i == 0 && j == 0 {
                row[0] = 0.0;
                continue;
            }
            for (k, sh) in o.shapes.iter().enumerate() {
                if sh.source > i || sh.target > j {
                    continue;
                }
                let (pi, pj) = (i - sh.source, j - sh.target);
                let prev = if pi == i {
                    // Same row (0-1 beads): already computed left of j.
                    if pj < lo {
                        continue;
                    }
                    row[pj - lo]
                } else {
                    let (plo, phi) = bands[pi];
                    if pj < plo || pj > phi {
                        continue;
                    }
                    cost[pi][pj - plo]
                };
                if !prev.is_finite() {
                    continue;
                }
                let (c, _) = bead_cost(s, t, &mut cache, pi, pj, sh, o);
                let total = prev + c;
                if total < row[j - lo] {
                    row[j - lo] = total;
                    brow[j - lo] = u8::try_from(k).unwrap_or(u8::MAX);
                }
            }
        }
        cost.push(row);
        back.push(brow);
        // Rows older than the longest bead are no longer needed for costs.
        if i > max_source {
            cost[i - max_source - 1] = Vec::new();
            if let Some(row) = cache.rows.get_mut(i - max_source - 1) {
                row.1 = Vec::new();
            }
        }
    }
    // Trace back from (n, m).
    let mut beads = Vec::new();
    let mut touched = false;
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let (lo, hi) = bands[i];
        if (j == lo && lo > 0) || (j == hi && hi < m) {
            touched = true;
        }
        let Some(&k) = back[i].get(j.wrapping_sub(lo)) else {
            touched = true;
            break;
        };
        let Some(sh) = o.shapes.get(usize::from(k)) else {
            // Unreachable cell: the band was too narrow.
            touched = true;
            break;
        };
        let (pi, pj) = (i - sh.source, j - sh.target);
        let (_, p) = bead_cost(s, t, &mut cache, pi, pj, sh, o);
        beads.push(Bead {
            source: (pi..i).collect(),
            target: (pj..j).collect(),
            score: p,
        });
        i = pi;
        j = pj;
    }
    if i > 0 || j > 0 {
        // The band missed the end: fall back to one bead per remaining
        // segment so the result still covers both sides.
        beads.extend((0..i).rev().map(|k| Bead {
            source: vec![k],
            target: vec![],
            score: 0.0,
        }));
        beads.extend((0..j).rev().map(|k| Bead {
            source: vec![],
            target: vec![k],
            score: 0.0,
        }));
    }
    beads.reverse();
    // Keep 1-0 / 0-1 fallbacks in order: sources before targets is fine for
    // coverage, which check() verifies per side.
    (beads, touched)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::{Segmentation, segment};

    fn ids(b: &Bitext) -> Vec<String> {
        b.beads
            .iter()
            .map(|b| format!("{:?}:{:?}", b.source, b.target))
            .collect()
    }

    #[test]
    fn aligns_a_small_pair() {
        let zh = "起初神创造天地。\n地是空虚混沌。\n渊面黑暗。\n神的灵运行在水面上。\n神说：“要有光”，就有了光。\n";
        let en = "In the beginning God created the heaven and the earth.\nAnd the earth was without form, and void; and darkness was upon the face of the deep.\nAnd the Spirit of God moved upon the face of the waters.\nAnd God said, Let there be light: and there was light.\n";
        let b = align(
            "zh",
            "en",
            segment(zh, "zh", Segmentation::Lines),
            segment(en, "en", Segmentation::Lines),
            &Options::zh_en(),
        );
        b.check().expect("covers both sides");
        assert_eq!(ids(&b), ["[0]:[0]", "[1, 2]:[1]", "[3]:[2]", "[4]:[3]"]);
    }

    #[test]
    fn numbers_anchor_and_empty_sides_work() {
        let o = Options::zh_en();
        let b = align(
            "zh",
            "en",
            Vec::new(),
            segment("One.\n", "en", Segmentation::Lines),
            &o,
        );
        b.check().expect("covers");
        assert_eq!(ids(&b), ["[]:[0]"]);
        let b = align("zh", "en", Vec::new(), Vec::new(), &o);
        assert!(b.beads.is_empty());
    }

    #[test]
    fn narrow_bands_grow() {
        // 40 short source lines against 5 long target lines: far from the
        // diagonal of a 2-wide band.
        let zh: String = (0..40).map(|k| format!("第{k}句。\n")).collect();
        let en: String = (0..5)
            .map(|k| format!("Sentence {k} {}\n", "word ".repeat(30)))
            .collect();
        let mut o = Options::zh_en();
        o.band = 2;
        let b = align(
            "zh",
            "en",
            segment(&zh, "zh", Segmentation::Lines),
            segment(&en, "en", Segmentation::Lines),
            &o,
        );
        b.check().expect("covers both sides");
    }
}
