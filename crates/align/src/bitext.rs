//! The aligned pair of texts every output format renders.

/// The default threshold under which a bead's score is low confidence: on
/// the held-out Bible book, beads scoring under 0.7 are right about two
/// times in three (half the time when the book is perturbed), those above
/// it more than eight times in ten (docs/alignment.md).
pub const LOW_CONFIDENCE: f64 = 0.7;

/// One segment (a sentence, or a line of pre-segmented input) of one side.
///
/// With the `serde` feature it serializes as an object with the fields'
/// names.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Segment {
    /// The text, without its line break.
    pub text: String,
    /// 0-based paragraph the segment belongs to.
    pub paragraph: usize,
    /// Byte offset of the segment in its document.
    pub start: usize,
}

/// A group of consecutive source segments aligned with a group of
/// consecutive target segments (either may be empty: 1-0 and 0-1 beads).
///
/// With the `serde` feature it serializes as `{"source", "target",
/// "score"}` (`source` and `target` the arrays of indices; a score that is
/// not finite is `null` in JSON).
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Bead {
    /// Indices into [`Bitext::source`], consecutive and increasing.
    pub source: Vec<usize>,
    /// Indices into [`Bitext::target`], consecutive and increasing.
    pub target: Vec<usize>,
    /// The probability that the bead is right, in [0, 1]: 1 for alignments
    /// exact by construction (a text and its conversion); for
    /// cross-language beads the aligner's posterior probability of the
    /// bead, calibrated against gold alignments (docs/alignment.md).
    pub score: f64,
}

impl Segment {
    /// A segment of `paragraph` (0-based) starting at byte `start` of its
    /// document.
    pub fn new(text: impl Into<String>, paragraph: usize, start: usize) -> Segment {
        Segment {
            text: text.into(),
            paragraph,
            start,
        }
    }
}

impl Bead {
    /// A bead pairing the source segments `source` with the target
    /// segments `target` (indices), with its confidence.
    pub fn new(source: Vec<usize>, target: Vec<usize>, score: f64) -> Bead {
        Bead {
            source,
            target,
            score,
        }
    }

    /// The bead's shape, e.g. `"1-2"`.
    pub fn shape(&self) -> String {
        format!("{}-{}", self.source.len(), self.target.len())
    }

    /// Whether one side is empty (a 1-0 or 0-1 bead: a sentence left
    /// untranslated, or added by the translation).
    pub fn is_unpaired(&self) -> bool {
        self.source.is_empty() || self.target.is_empty()
    }

    /// Whether the score is under `threshold` (or not a number).
    pub fn is_low_confidence(&self, threshold: f64) -> bool {
        self.score.is_nan() || self.score < threshold
    }

    /// The flags of the bead, in this order: `"low-confidence"` when its
    /// score is under `threshold`, `"unpaired"` when a side is empty.
    pub fn flags(&self, threshold: f64) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.is_low_confidence(threshold) {
            out.push("low-confidence");
        }
        if self.is_unpaired() {
            out.push("unpaired");
        }
        out
    }
}

/// Two texts split into segments and aligned.
///
/// With the `serde` feature it serializes as an object with the fields'
/// names (segments and beads as their own `Serialize` says).
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Bitext {
    /// BCP 47 tag of the source side (e.g. `zh-Hant`).
    pub source_lang: String,
    /// BCP 47 tag of the target side (e.g. `en`, `zh-Hans`).
    pub target_lang: String,
    /// Source segments, in order.
    pub source: Vec<Segment>,
    /// Target segments, in order.
    pub target: Vec<Segment>,
    /// The beads, in order; together they cover each side exactly once.
    pub beads: Vec<Bead>,
    /// Beads scoring under this are flagged low confidence by the writers
    /// ([`Bead::flags`]); [`LOW_CONFIDENCE`] unless changed.
    pub low_confidence: f64,
}

impl Bitext {
    /// A bitext from its parts; [`Bitext::check`] says whether the beads
    /// cover both sides.
    pub fn new(
        source_lang: impl Into<String>,
        target_lang: impl Into<String>,
        source: Vec<Segment>,
        target: Vec<Segment>,
        beads: Vec<Bead>,
    ) -> Bitext {
        Bitext {
            source_lang: source_lang.into(),
            target_lang: target_lang.into(),
            source,
            target,
            beads,
            low_confidence: LOW_CONFIDENCE,
        }
    }

    /// The flags of a bead under this bitext's threshold ([`Bead::flags`]).
    pub fn flags(&self, bead: &Bead) -> Vec<&'static str> {
        bead.flags(self.low_confidence)
    }

    /// The source segments of a bead, joined with `sep`.
    pub fn source_text(&self, bead: &Bead, sep: &str) -> String {
        join(&self.source, &bead.source, sep)
    }

    /// The target segments of a bead, joined with `sep`.
    pub fn target_text(&self, bead: &Bead, sep: &str) -> String {
        join(&self.target, &bead.target, sep)
    }

    /// Checks the invariant: beads cover each side's segments exactly once,
    /// in order. Returns the first violation.
    pub fn check(&self) -> Result<(), String> {
        let (mut s, mut t) = (0, 0);
        for (k, b) in self.beads.iter().enumerate() {
            for &i in &b.source {
                if i != s {
                    return Err(format!("bead {k}: source {i}, expected {s}"));
                }
                s += 1;
            }
            for &j in &b.target {
                if j != t {
                    return Err(format!("bead {k}: target {j}, expected {t}"));
                }
                t += 1;
            }
            if b.source.is_empty() && b.target.is_empty() {
                return Err(format!("bead {k} is empty"));
            }
        }
        if s != self.source.len() || t != self.target.len() {
            return Err(format!(
                "beads cover {s} of {} source and {t} of {} target segments",
                self.source.len(),
                self.target.len()
            ));
        }
        Ok(())
    }
}

fn join(segments: &[Segment], ids: &[usize], sep: &str) -> String {
    ids.iter()
        .filter_map(|&i| segments.get(i).map(|s| s.text.as_str()))
        .collect::<Vec<_>>()
        .join(sep)
}
