//! Generated bitexts with known beads: 1-1 pairs, sentences split (1-2) and
//! merged (2-1) by the translation, sentences left untranslated (1-0) and
//! added (0-1). The aligner must recover every bead exactly, with the
//! bundled lexicon alone, and flag what it is unsure of.

use bianyi_align::{Bitext, LOW_CONFIDENCE, Method, Options, Segment, align};

/// Characters and the English word the bundled lexicon (Unihan) glosses
/// them with.
const WORDS: &[(&str, &str)] = &[
    ("山", "mountain"),
    ("水", "water"),
    ("火", "fire"),
    ("木", "tree"),
    ("金", "gold"),
    ("月", "moon"),
    ("马", "horse"),
    ("羊", "sheep"),
    ("鱼", "fish"),
    ("鸟", "bird"),
    ("花", "flower"),
    ("草", "grass"),
    ("石", "stone"),
    ("雨", "rain"),
    ("田", "field"),
    ("门", "gate"),
    ("船", "boat"),
    ("刀", "knife"),
    ("书", "book"),
    ("茶", "tea"),
    ("酒", "wine"),
    ("城", "city"),
    ("河", "river"),
    ("海", "sea"),
    ("林", "forest"),
    ("狗", "dog"),
    ("猫", "cat"),
    ("兵", "soldier"),
    ("王", "king"),
    ("桥", "bridge"),
];

/// The source and target ids of a bead.
type Ids = (Vec<usize>, Vec<usize>);

/// A deterministic pseudo-random sequence (a linear congruential
/// generator), so that each run tests the same bitext.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n
    }
}

/// Words of the sentences that are translated; the others are for
/// sentences that are not (an untranslated paragraph speaks of something
/// else; with 30 words in all, random sentences would share words by
/// chance).
const PAIRED: usize = 22;

/// A sentence of `n` random words of the translated vocabulary: the
/// Chinese characters and the English words, in the same order.
fn sentence(rng: &mut Rng, n: usize) -> (String, String) {
    sentence_of(rng, n, &WORDS[..PAIRED])
}

/// A sentence of `n` random words that no translated sentence uses.
fn other_sentence(rng: &mut Rng, n: usize) -> (String, String) {
    sentence_of(rng, n, &WORDS[PAIRED..])
}

fn sentence_of(rng: &mut Rng, n: usize, words: &[(&str, &str)]) -> (String, String) {
    let mut zh = String::new();
    let mut en = Vec::new();
    for _ in 0..n {
        let (c, w) = words[rng.below(words.len())];
        zh.push_str(c);
        en.push(w);
    }
    zh.push('。');
    let mut en = en.join(" ");
    en[..1].make_ascii_uppercase();
    en.push('.');
    (zh, en)
}

/// What the translation did to a sentence.
#[derive(Clone, Copy, Debug)]
enum Op {
    Same,
    Split,
    Merge,
    Delete,
    Insert,
}

/// A bitext made of `ops` in order, with its gold beads (source ids,
/// target ids).
fn generate(ops: &[Op], seed: u64) -> (Vec<Segment>, Vec<Segment>, Vec<Ids>) {
    let mut rng = Rng(seed);
    let (mut zh, mut en, mut gold) = (Vec::new(), Vec::new(), Vec::new());
    for &op in ops {
        let (z0, e0) = (zh.len(), en.len());
        match op {
            Op::Same => {
                let n = 4 + rng.below(6);
                let (z, e) = sentence(&mut rng, n);
                zh.push(z);
                en.push(e);
            }
            Op::Split => {
                let na = 4 + rng.below(4);
                let (za, ea) = sentence(&mut rng, na);
                let nb = 4 + rng.below(4);
                let (zb, eb) = sentence(&mut rng, nb);
                zh.push(format!("{}，{}", za.trim_end_matches('。'), zb));
                en.push(ea);
                en.push(eb);
            }
            Op::Merge => {
                let na = 4 + rng.below(4);
                let (za, ea) = sentence(&mut rng, na);
                let nb = 4 + rng.below(4);
                let (zb, eb) = sentence(&mut rng, nb);
                zh.push(za);
                zh.push(zb);
                en.push(format!(
                    "{}, and {}",
                    ea.trim_end_matches('.'),
                    eb.to_lowercase()
                ));
            }
            Op::Delete => {
                let n = 5 + rng.below(5);
                zh.push(other_sentence(&mut rng, n).0);
            }
            Op::Insert => {
                let n = 5 + rng.below(5);
                en.push(other_sentence(&mut rng, n).1);
            }
        }
        gold.push(((z0..zh.len()).collect(), (e0..en.len()).collect()));
    }
    let segs = |v: Vec<String>| -> Vec<Segment> {
        v.into_iter()
            .enumerate()
            .map(|(k, t)| Segment::new(t, k, 0))
            .collect()
    };
    (segs(zh), segs(en), gold)
}

fn beads(b: &Bitext) -> Vec<Ids> {
    b.beads
        .iter()
        .map(|x| (x.source.clone(), x.target.clone()))
        .collect()
}

/// 300 beads: mostly 1-1, with every other kind scattered through.
fn mixed_ops() -> Vec<Op> {
    (0..300)
        .map(|k| match k % 23 {
            3 | 14 => Op::Split,
            7 | 19 => Op::Merge,
            11 => Op::Delete,
            17 => Op::Insert,
            _ => Op::Same,
        })
        .collect()
}

#[test]
fn splits_merges_deletions_and_insertions_are_recovered_exactly() {
    let (zh, en, gold) = generate(&mixed_ops(), 7);
    let b = align("zh-Hans", "en", zh, en, &Options::zh_en());
    b.check().expect("covers both sides");
    let got = beads(&b);
    let wrong: Vec<_> = got
        .iter()
        .zip(&gold)
        .filter(|(a, b)| a != b)
        .take(5)
        .collect();
    assert_eq!(got.len(), gold.len(), "first differences: {wrong:?}");
    assert!(wrong.is_empty(), "first differences: {wrong:?}");
    // Unpaired beads carry their flag.
    for bead in &b.beads {
        assert_eq!(
            b.flags(bead).contains(&"unpaired"),
            bead.source.is_empty() || bead.target.is_empty()
        );
    }
}

#[test]
fn the_same_from_the_english_side() {
    let (zh, en, gold) = generate(&mixed_ops(), 11);
    let b = align("en", "zh-Hans", en, zh, &Options::en_zh());
    b.check().expect("covers both sides");
    let swapped: Vec<_> = gold.into_iter().map(|(z, e)| (e, z)).collect();
    assert_eq!(beads(&b), swapped);
}

#[test]
fn results_do_not_depend_on_threads() {
    let (zh, en, _) = generate(&mixed_ops(), 3);
    let mut o = Options::zh_en();
    let one = align("zh-Hans", "en", zh.clone(), en.clone(), &o);
    o.threads = 3;
    let three = align("zh-Hans", "en", zh, en, &o);
    assert_eq!(one, three);
}

#[test]
fn unrelated_pairs_are_low_confidence() {
    // Good 1-1 pairs around a stretch where each English sentence
    // translates nothing on the Chinese side (other words, other
    // lengths): those beads are flagged, whatever their shape.
    let (zh, mut en, _) = generate(&[Op::Same; 60], 5);
    let mut rng = Rng(99);
    for (k, segment) in en.iter_mut().enumerate().take(30).skip(25) {
        let n = 2 + rng.below(12);
        *segment = Segment::new(other_sentence(&mut rng, n).1, k, 0);
    }
    let b = align("zh-Hans", "en", zh, en, &Options::zh_en());
    b.check().expect("covers both sides");
    let score = |k: usize| {
        b.beads
            .iter()
            .find(|x| x.source.contains(&k))
            .map_or(f64::NAN, |x| x.score)
    };
    for k in 25..30 {
        assert!(
            b.beads
                .iter()
                .find(|x| x.source.contains(&k))
                .is_some_and(|x| !b.flags(x).is_empty()),
            "sentence {k}: score {} not flagged",
            score(k)
        );
    }
    let good = (0..20).filter(|&k| score(k) >= LOW_CONFIDENCE).count();
    assert!(
        good >= 18,
        "only {good} of 20 good pairs above the threshold"
    );
}

#[test]
fn length_only_mode_aligns_the_one_to_one_pairs() {
    let (zh, en, gold) = generate(&[Op::Same; 40], 13);
    let mut o = Options::zh_en();
    o.method = Method::Length;
    let b = align("zh-Hans", "en", zh, en, &o);
    b.check().expect("covers both sides");
    assert_eq!(beads(&b), gold);
}
