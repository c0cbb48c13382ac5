//! The layouts of the compiled tables: where each array of a trie, a
//! double array, a character table… starts in the blob, and the plan of
//! each config. build.rs writes them as Rust statics for the built-in
//! configs; a config loaded at run time (src/custom.rs) keeps them in
//! memory. Shared by both, so the two cannot disagree.

/// `(byte offset, element count)` of an array in the blob.
pub(crate) type Range = (usize, usize);

#[derive(Clone, Copy, Debug)]
pub(crate) struct TrieLayout {
    /// Which OpenCC files the trie was flattened from (for debugging).
    #[allow(dead_code, reason = "read in the generated code and in debugging")]
    pub(crate) name: &'static str,
    #[allow(dead_code, reason = "read in the generated code and in debugging")]
    pub(crate) keys: usize,
    pub(crate) max_key_chars: usize,
    pub(crate) lead_bytes: [u32; 8],
    pub(crate) first_child: Range,
    pub(crate) node_char: Range,
    pub(crate) node_key: Range,
    pub(crate) bigrams: Range,
    /// The bigram filter has `2^(32 - bigram_shift)` bits.
    pub(crate) bigram_shift: u32,
    pub(crate) pairs: Range,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct ValuesLayout {
    /// The root slots (in `TABLES64`).
    pub(crate) roots: usize,
    pub(crate) vals: Range,
}

/// A table from characters to u32 slots (in `TABLES32`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct CharMapLayout {
    pub(crate) table: usize,
}

/// A double-array dictionary for the single-pass engine (see `FastDict`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct FastDictLayout {
    /// The root slots (in `TABLES64`).
    pub(crate) roots: usize,
    /// The cells' checks, values, and (base, filter) pairs.
    pub(crate) checks: Range,
    pub(crate) values: Range,
    pub(crate) links: Range,
    pub(crate) lead_bytes: [u32; 8],
    /// The flat copy of the root slots (in `FLATS`), for the double arrays
    /// of single-stage configs.
    pub(crate) flat: Option<usize>,
}

/// A table of u64 slots (see `SlotMap`), in `TABLES64`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct SlotsLayout {
    pub(crate) table: usize,
}

/// A run map (see `RunMap`): its slots, in `FLATS`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct RunMapLayout {
    pub(crate) flat: usize,
}

/// A table of u64 slots (in `TABLES64`) with a flat copy of its Basic
/// Multilingual Plane (see `FlatPages`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct FlatLayout {
    pub(crate) table: usize,
    pub(crate) bmp: Range,
}

/// A character table (see `CharTable`): the block numbers of the Basic
/// Multilingual Plane, and the row numbers of the pages above it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct CharTableLayout {
    pub(crate) bmp: Range,
    pub(crate) sup: Range,
}

/// What the tables share: the blocks and rows of the character tables of
/// u64 and of u32 slots, and the output strings.
#[derive(Clone, Copy, Debug)]
pub(crate) struct SharedLayout {
    pub(crate) blocks64: Range,
    pub(crate) rows64: Range,
    pub(crate) blocks32: Range,
    pub(crate) rows32: Range,
    pub(crate) strs: Range,
    pub(crate) pool: Range,
}

/// A dictionary: keys and their outputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct DictRef {
    pub(crate) trie: usize,
    pub(crate) values: usize,
}

/// How the single-pass engine runs a config (see src/engine.rs).
#[derive(Clone, Copy, Debug)]
pub(crate) enum FastPlan {
    /// One stage, no segmentation: greedy matching over the whole text
    /// with the double array `fast` of the stage.
    Single { fast: usize },
    /// Segmentation whose matches map straight to the chain's output, a
    /// character map for the text between matches, the trigger window, and
    /// the first stage (checked where `RUN_T1START` says).
    Segmented(SegmentedPlan),
    /// No fast plan: run OpenCC's pipeline stage by stage. (No shipped
    /// config needs it; build.rs picks it for data the fast path cannot do.)
    General,
}

/// The tables of [`FastPlan::Segmented`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct SegmentedPlan {
    /// The double array of the segmentation, valued with the chain's
    /// output.
    pub(crate) seg: usize,
    pub(crate) run: usize,
    pub(crate) window: usize,
    pub(crate) first: DictRef,
    /// The root slots of `first` (in `TABLES64`).
    pub(crate) first_flat: usize,
    pub(crate) second: DictRef,
    pub(crate) image1: usize,
    /// The double array of stage 2.
    pub(crate) second_fast: usize,
    /// The double array of stage 1 (for stretches).
    pub(crate) first_fast: usize,
    /// Per character, the low half of stage 2's root slot of its
    /// stage-1 image (`DA_SPECIAL`: the image is not one character).
    pub(crate) image2: usize,
    /// The filter of stage-2 pairs (`T2_PAIRS` u64s; empty when no
    /// character has `RUN_T2START`).
    pub(crate) t2_pairs: Range,
    /// Whether any character has `RUN_T1START` or `RUN_TRIGGER`.
    pub(crate) any_t1: bool,
    /// Whether any character has `RUN_T2START`.
    pub(crate) any_t2: bool,
    /// Whether more than 100 characters have `RUN_T2START`.
    pub(crate) many_t2: bool,
    /// The filter of the pairs of characters that begin a key of stage 1
    /// of two or more characters whose first has `RUN_T1START`
    /// (`T2_PAIRS` u64s; empty unless `many_t1`).
    pub(crate) t1_pairs: Range,
    /// Whether more than 100 characters have `RUN_T1START`.
    pub(crate) many_t1: bool,
}

#[allow(dead_code, reason = "used by the library only, not build.rs")]
impl SegmentedPlan {
    /// The table numbers, in the order of [`SegmentedPlan::from_parts`].
    pub(crate) fn numbers(&self) -> [usize; 12] {
        [
            self.seg,
            self.run,
            self.window,
            self.first.trie,
            self.first.values,
            self.first_flat,
            self.second.trie,
            self.second.values,
            self.image1,
            self.second_fast,
            self.first_fast,
            self.image2,
        ]
    }

    /// The flags, in the order of [`SegmentedPlan::from_parts`].
    pub(crate) fn flags(&self) -> [bool; 4] {
        [self.any_t1, self.any_t2, self.many_t2, self.many_t1]
    }

    /// The plan of [`SegmentedPlan::numbers`], the two pair filters and
    /// [`SegmentedPlan::flags`].
    pub(crate) fn from_parts(n: [usize; 12], pairs: [Range; 2], b: [bool; 4]) -> SegmentedPlan {
        SegmentedPlan {
            seg: n[0],
            run: n[1],
            window: n[2],
            first: DictRef {
                trie: n[3],
                values: n[4],
            },
            first_flat: n[5],
            second: DictRef {
                trie: n[6],
                values: n[7],
            },
            image1: n[8],
            second_fast: n[9],
            first_fast: n[10],
            image2: n[11],
            t2_pairs: pairs[0],
            t1_pairs: pairs[1],
            any_t1: b[0],
            any_t2: b[1],
            many_t2: b[2],
            many_t1: b[3],
        }
    }
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct ConfigLayout {
    pub(crate) name: &'static str,
    pub(crate) title: &'static str,
    pub(crate) normalization: &'static [DictRef],
    pub(crate) segmentation: Option<DictRef>,
    pub(crate) stages: &'static [DictRef],
    pub(crate) stages_tofu: &'static [DictRef],
    pub(crate) fast: FastPlan,
    pub(crate) fast_tofu: FastPlan,
    /// Per stage: its keys with several candidates, valued with all of them
    /// joined by tabs.
    pub(crate) alternatives: &'static [DictRef],
    pub(crate) alternatives_tofu: &'static [DictRef],
}

/// The Rust expression of a config's layout (for build.rs; `Debug` would
/// write its slices without `&`).
#[allow(dead_code, reason = "used by build.rs only")]
pub(crate) fn config_rust(c: &ConfigLayout) -> String {
    let refs = |r: &[DictRef]| format!("&{r:?}");
    format!(
        "ConfigLayout {{ name: {:?}, title: {:?}, normalization: {}, \
         segmentation: {:?}, stages: {}, stages_tofu: {}, fast: FastPlan::{:?}, fast_tofu: FastPlan::{:?}, \
         alternatives: {}, alternatives_tofu: {} }}",
        c.name,
        c.title,
        refs(c.normalization),
        c.segmentation,
        refs(c.stages),
        refs(c.stages_tofu),
        c.fast,
        c.fast_tofu,
        refs(c.alternatives),
        refs(c.alternatives_tofu),
    )
}
