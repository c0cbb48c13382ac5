//! Segmentation and alignment of bitexts: a source text and its conversion
//! or translation, split into paragraphs and sentences and paired into
//! beads.
//!
//! The result of every aligner is a [`Bitext`]: the segments of both sides
//! and the beads that pair them, in order, covering each side exactly once.
//!
//! ```
//! use bianyi_align::{Options, Segmentation, align, segment};
//!
//! let zh = segment("起初神创造天地。地是空虚混沌。渊面黑暗。", "zh", Segmentation::Sentences);
//! let en = segment(
//!     "In the beginning God created the heaven and the earth. \
//!      And the earth was without form, and void; and darkness was upon the face of the deep.",
//!     "en",
//!     Segmentation::Sentences,
//! );
//! let bitext = align("zh", "en", zh, en, &Options::zh_en());
//! assert_eq!(bitext.beads.len(), 2);
//! assert_eq!(bitext.beads[1].source, [1, 2]);
//! ```
//!
//! Cross-language alignment ([`align`], [`align_with_progress`]) scores
//! beads by sentence vectors built through a bilingual lexicon (English
//! glosses of Chinese characters from Unicode's Unihan database are
//! embedded; [`Options::lexicon`] adds glossary pairs; a word lexicon
//! compiled from CC-CEDICT, [`WordLexicon`], is used when the user has
//! installed one with `bianyi dict fetch` ([`installed_lexicon`],
//! [`Options::installed_lexicon`]) or when given as [`Options::word_lexicon`]),
//! lengths and shape priors, coarse to fine, and learns translations from
//! the pair itself ([`Method::Lexical`]); [`Method::Length`] is Gale and
//! Church's length-only method. Each [`Bead::score`] is the probability
//! that the bead is right; [`Bitext::flags`] marks beads under
//! [`Bitext::low_confidence`] ([`LOW_CONFIDENCE`] by default) and beads
//! with an empty side.
//!
//! # Features
//!
//! - `serde` (off by default): `serde::Serialize` for [`Bitext`], [`Bead`]
//!   and [`Segment`] (objects with the fields' names). The bilingual
//!   writers of `bianyi-formats` (JSON Lines among them) do not need it.

mod align;
mod bitext;
mod convert_pair;
mod lexicon;
mod model;
mod review;
mod segment;

pub use align::{Method, Options, Shape, align, align_with_progress};
pub use bitext::{Bead, Bitext, LOW_CONFIDENCE, Segment};
pub use convert_pair::align_conversion;
pub use lexicon::{
    CEDICT_LICENSE, COMPILED_MAGIC, Compiled, LEXICON_FILE, LexiconError, LexiconInfo, NOTICE_FILE,
    Problem, WordLexicon, compile_cedict, data_dir, installed_lexicon, lexicon_info, lexicon_paths,
    read_cedict,
};
pub use review::{FixedBead, Realign, apply as apply_review, locate, sentence_key};
pub use segment::{Segmentation, segment, sentences_en, sentences_zh};
