//! The tables compiled by build.rs, and lookups over them.
//!
//! A *trie* holds the keys of one dictionary; key `i` (in sorted order) has
//! id `i`. A *values* table gives each key id its output, so one trie can
//! serve several outputs (the segmentation keys of s2tw and s2hk, say); a
//! key valued 0 is not a key of that dictionary (dictionaries of numbers
//! share the trie of all their keys).
//!
//! * A character table maps characters to slots (0: nothing stored). Its
//!   blocks of 16 characters are stored once for all tables of a slot
//!   width (`SHARED`; block 0 is all zeros): in the Basic Multilingual
//!   Plane the slot of `c` is `blocks[bmp[c >> 4] * 16 + c % 16]`; above
//!   it a page of 256 characters has a row of 16 block numbers, also
//!   stored once (row 0: all zero blocks).
//! * A dictionary's root slot for character `c` (u64) is 0 when no key
//!   starts with `c`; its high half is the value of the key `c` (0 if none),
//!   its low half a 32-bit filter of the second characters of longer keys
//!   (0 when no longer key starts with `c`).
//! * The nodes of second and later characters are numbered breadth first
//!   (first characters have root slots instead), so the children of node
//!   `n` are `first_child[n] .. first_child[n + 1]`, with sorted characters
//!   in `node_char`; `node_key[n]` is 0 or the node's key id + 1.
//! * A bigram filter (one bit per hash of a key's first two characters) lets
//!   most positions skip the search among children.
//! * A value is `VALUE_CHAR | w` for a one-character output of up to three
//!   UTF-8 bytes `w` (first byte lowest), or
//!   `VALUE_POOL | i` for the string `pool[strs[2i] .. strs[2i + 1]]`; in a
//!   double array's cells, a string shorter than 32 bytes is
//!   `VALUE_SPAN | start << 5 | len` instead (one dependent load fewer).
//!   All tables share one pool of strings.
//! * A character map has one slot per character: a value (no value bits:
//!   unchanged) plus flags; a run map's slot is 0 exactly for characters in
//!   no key of any stage.

use std::sync::{LazyLock, OnceLock};

use crate::engine::char_len;
use crate::layout::{
    BLOCK_BITS, BMP_BLOCKS, ROW, SPAN_LEN_BITS, T2_PAIR_BITS, VALUE_SPAN, bigram_hash,
    hashed_pair_index, pair_hash, second_bit, t2_pair_index,
};
pub(crate) use crate::layout::{
    DA_CODE_BITS, DA_SPECIAL, RUN_KEY, RUN_SKEY1, RUN_SSTART, RUN_T1START, RUN_T2START,
    RUN_TRIGGER, VALUE_CHAR, VALUE_POOL, is_compat,
};
use crate::out::Sink;

/// Gives the embedded bytes the alignment of `u64`.
#[repr(C)]
pub(crate) struct Aligned<B: ?Sized> {
    pub(crate) _align: [u64; 0],
    pub(crate) bytes: B,
}

pub(crate) use crate::compile::layouts::*;

/// Tables for script detection (src/detect.rs).
pub(crate) struct DetectLayout {
    /// Per character, its `CLASS_*` flags (src/layout.rs).
    pub(crate) classes: usize,
    /// Regional words, valued with `VOCAB_*` flags + 1.
    pub(crate) vocabulary: DictRef,
    /// The filter of risks' first two characters (src/layout.rs).
    pub(crate) risk_pairs: Range,
}

include!(concat!(env!("OUT_DIR"), "/tables.rs"));

/// The filter of risks' first two characters (src/layout.rs
/// `risk_pair_index`).
pub(crate) fn risk_pairs() -> &'static [u64] {
    BUILTIN.u64s(DETECT.risk_pairs)
}

/// The high and low halves of a root slot.
#[inline(always)]
#[allow(
    clippy::cast_possible_truncation,
    reason = "splitting a u64 into its halves"
)]
pub(crate) fn halves(slot: u64) -> (u32, u32) {
    ((slot >> 32) as u32, slot as u32)
}

/// A root slot with its one-character value (`VALUE_CHAR`, the UTF-8 of
/// one character of 1 to 3 bytes in the low bytes, first byte lowest) as
/// `VALUE_CHAR` and the character's code point; other slots as they are
/// (see [`FastDict::code_roots`]).
fn code_form(slot: u64) -> u64 {
    let (own, low) = halves(slot);
    if slot == DA_SPECIAL || own & VALUE_POOL != 0 || own & VALUE_CHAR == 0 {
        return slot;
    }
    let w = own & 0xFF_FFFF;
    let n = (32 - w.leading_zeros() as usize).div_ceil(8).max(1);
    let code = crate::out::word_code(w, n);
    (u64::from(VALUE_CHAR | code) << 32) | u64::from(low)
}

/// The words of a segmented plan's filter of stage-2 pairs.
pub(crate) const T2_PAIRS: usize = 1 << (T2_PAIR_BITS - 6);

/// A segmented plan's filter of the pairs of characters where the first
/// has `RUN_T2START` and the stage-1 images may begin a key of stage 2
/// (build.rs): no false negatives.
#[derive(Clone, Copy, Debug)]
pub(crate) struct PairFilter {
    words: &'static [u64; T2_PAIRS],
    /// A second filter of the same pairs, indexed by a hash (empty: none).
    hashed: &'static [u64],
}

impl PairFilter {
    /// The filter at `range` (all zeros when empty), followed by a second
    /// one of the same size indexed by a hash when the range holds two.
    pub(crate) fn get(t: &Tables, range: Range) -> PairFilter {
        static NONE: [u64; T2_PAIRS] = [0; T2_PAIRS];
        let all = t.u64s(range);
        let (first, hashed) = all.split_at(all.len().min(T2_PAIRS));
        PairFilter {
            words: first.try_into().unwrap_or(&NONE),
            hashed,
        }
    }

    /// Whether the second, hashed filter lets `(a, b)` through (true
    /// without one). Asked where the first one let a pair through, before
    /// the exact check's lookups, which mostly miss the cache: the two
    /// filters' mistakes are independent, so this rules out most of the
    /// first one's.
    #[inline(always)]
    pub(crate) fn hashed_may(&self, a: u32, b: u32) -> bool {
        let h = hashed_pair_index(a, b);
        self.hashed
            .get(h >> 6)
            .is_none_or(|w| (w >> (h & 63)) & 1 != 0)
    }

    /// 1 when the stage-2 check for `a` followed by `b` may find something
    /// (0: it would find nothing). The filter of stage-2 pairs is indexed
    /// without a hash, by the low 10 bits of `a` (the word) and the low 6 of
    /// `b` (the bit in it): s2twp asks it at most steps of its clean loop,
    /// where a hash's multiplications cost 2–5 % and the low bytes of both
    /// (a word and a shift more) 2–5 % more than this (2026-12-02). Its
    /// mistakes go to the second, hashed filter ([`PairFilter::hashed_may`]).
    #[inline(always)]
    #[allow(clippy::cast_possible_truncation, reason = "one bit of a u64")]
    pub(crate) fn bit(&self, a: u32, b: u32) -> u32 {
        let h = t2_pair_index(a, b);
        (self.words[h >> 6] >> (h & 63)) as u32 & 1
    }

    /// [`PairFilter::bit`] for the filter of stage-1 pairs, which is indexed
    /// by a hash: by the low bytes it let through more pairs in tw2s and
    /// tw2sp (3 % slower).
    #[inline(always)]
    #[allow(clippy::cast_possible_truncation, reason = "one bit of a u64")]
    pub(crate) fn hashed_bit(&self, a: u32, b: u32) -> u32 {
        let h = hashed_pair_index(a, b);
        (self.words[h >> 6] >> (h & 63)) as u32 & 1
    }
}

/// A set of compiled tables: the built-in ones (build.rs) or those of a
/// config loaded at run time (src/custom.rs), and the structures read from
/// them, each made on first use.
pub(crate) struct Tables {
    blob: &'static [u8],
    text: &'static str,
    tries: &'static [TrieLayout],
    values: &'static [ValuesLayout],
    charmaps: &'static [CharMapLayout],
    runmaps: &'static [RunMapLayout],
    tables64: &'static [CharTableLayout],
    tables32: &'static [CharTableLayout],
    fast_dicts: &'static [FastDictLayout],
    flats: &'static [FlatLayout],
    slots: &'static [SlotsLayout],
    shared: SharedLayout,
    /// Every character in a key (sorted): text cut after any other
    /// character cannot split a dictionary match.
    key_chars: &'static [u32],
    made_tries: Box<[OnceLock<Trie>]>,
    made_values: Box<[OnceLock<Values>]>,
    made_fast: Box<[OnceLock<FastDict>]>,
    made_flat_roots: Box<[OnceLock<FlatRoots>]>,
    made_slots: Box<[OnceLock<SlotMap>]>,
    made_charmaps: Box<[OnceLock<CharMap>]>,
    made_runmaps: Box<[OnceLock<RunMap>]>,
}

/// The parts of a set of tables (see [`Tables`]).
pub(crate) struct TableParts {
    pub(crate) blob: &'static [u8],
    pub(crate) text: &'static str,
    pub(crate) tries: &'static [TrieLayout],
    pub(crate) values: &'static [ValuesLayout],
    pub(crate) charmaps: &'static [CharMapLayout],
    pub(crate) runmaps: &'static [RunMapLayout],
    pub(crate) tables64: &'static [CharTableLayout],
    pub(crate) tables32: &'static [CharTableLayout],
    pub(crate) fast_dicts: &'static [FastDictLayout],
    pub(crate) flats: &'static [FlatLayout],
    pub(crate) slots: &'static [SlotsLayout],
    pub(crate) shared: SharedLayout,
    pub(crate) key_chars: &'static [u32],
}

fn cells<T>(n: usize) -> Box<[OnceLock<T>]> {
    (0..n).map(|_| OnceLock::new()).collect()
}

impl std::fmt::Debug for Tables {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tables")
            .field("blob", &self.blob.len())
            .finish_non_exhaustive()
    }
}

/// The tables build.rs compiled into the library.
static BUILTIN: LazyLock<Tables> = LazyLock::new(|| {
    Tables::new(TableParts {
        blob: &BLOB.bytes,
        text: TEXT,
        tries: &TRIES,
        values: &VALUES,
        charmaps: &CHARMAPS,
        runmaps: &RUNMAPS,
        tables64: &TABLES64,
        tables32: &TABLES32,
        fast_dicts: &FAST_DICTS,
        flats: &FLATS,
        slots: &SLOTS,
        shared: SHARED,
        key_chars: &KEY_CHARS,
    })
});

/// The built-in tables.
pub(crate) fn builtin() -> &'static Tables {
    &BUILTIN
}

impl Tables {
    pub(crate) fn new(p: TableParts) -> Tables {
        Tables {
            made_tries: cells(p.tries.len()),
            made_values: cells(p.values.len()),
            made_fast: cells(p.fast_dicts.len()),
            made_flat_roots: cells(p.tables64.len()),
            made_slots: cells(p.slots.len()),
            made_charmaps: cells(p.charmaps.len()),
            made_runmaps: cells(p.runmaps.len()),
            blob: p.blob,
            text: p.text,
            tries: p.tries,
            values: p.values,
            charmaps: p.charmaps,
            runmaps: p.runmaps,
            tables64: p.tables64,
            tables32: p.tables32,
            fast_dicts: p.fast_dicts,
            flats: p.flats,
            slots: p.slots,
            shared: p.shared,
            key_chars: p.key_chars,
        }
    }

    /// The parts the tables were made from.
    pub(crate) fn parts(&self) -> TableParts {
        TableParts {
            blob: self.blob,
            text: self.text,
            tries: self.tries,
            values: self.values,
            charmaps: self.charmaps,
            runmaps: self.runmaps,
            tables64: self.tables64,
            tables32: self.tables32,
            fast_dicts: self.fast_dicts,
            flats: self.flats,
            slots: self.slots,
            shared: self.shared,
            key_chars: self.key_chars,
        }
    }

    fn u64s(&self, range: Range) -> &'static [u64] {
        bytemuck::cast_slice(&self.blob[range.0..range.0 + range.1 * 8])
    }

    fn u32s(&self, range: Range) -> &'static [u32] {
        bytemuck::cast_slice(&self.blob[range.0..range.0 + range.1 * 4])
    }

    fn u16s(&self, range: Range) -> &'static [u16] {
        bytemuck::cast_slice(&self.blob[range.0..range.0 + range.1 * 2])
    }

    /// A string pool of the blob (embedded as UTF-8 text by build.rs, so no
    /// check runs here).
    fn text(&self, range: Range) -> &'static str {
        // The compiler cut the text at the pools' boundaries; an empty pool
        // would only come from a corrupt build, which no user input can cause.
        self.text
            .get(range.0..range.0 + range.1)
            .unwrap_or_default()
    }

    /// A table of u64 slots.
    fn table64(&self, i: usize) -> CharTable<u64> {
        CharTable::load(
            self,
            self.tables64,
            i,
            self.u64s(self.shared.blocks64),
            self.shared.rows64,
        )
    }

    /// A table of u32 slots.
    fn table32(&self, i: usize) -> CharTable<u32> {
        CharTable::load(
            self,
            self.tables32,
            i,
            self.u32s(self.shared.blocks32),
            self.shared.rows32,
        )
    }

    fn values_of(&'static self, i: usize) -> &'static Values {
        self.made_values[i].get_or_init(|| Values::load(self, &self.values[i]))
    }

    pub(crate) fn dict(&'static self, r: DictRef) -> Dict {
        Dict {
            trie: self.made_tries[r.trie].get_or_init(|| Trie::load(self, &self.tries[r.trie])),
            values: self.values_of(r.values),
        }
    }

    /// True when `c` occurs in no key of any dictionary: no match can span it.
    pub(crate) fn in_no_key(&self, c: char) -> bool {
        self.key_chars.binary_search(&(c as u32)).is_err()
    }
}

/// A table from characters to slots (see the module's documentation).
///
/// In the Basic Multilingual Plane a lookup is two loads, the first from
/// an index of 8 KiB (of which Chinese text reads under 3), and only the
/// blocks of the characters a text contains are ever read from the
/// executable (nothing is copied at start-up).
#[derive(Debug, Clone, Copy)]
struct CharTable<T: 'static> {
    bmp: &'static [u16; BMP_BLOCKS],
    sup: &'static [u16],
    blocks: &'static [T],
    rows: &'static [u16],
}

impl<T: Copy + Default> CharTable<T> {
    fn load(
        t: &Tables,
        layouts: &[CharTableLayout],
        i: usize,
        blocks: &'static [T],
        rows: Range,
    ) -> CharTable<T> {
        // build.rs numbers the tables it writes and gives each a full BMP
        // index; anything else would be a corrupt build, and reads as empty.
        static NONE: [u16; BMP_BLOCKS] = [0; BMP_BLOCKS];
        let (bmp, sup) = layouts.get(i).map_or(((0, 0), (0, 0)), |l| (l.bmp, l.sup));
        CharTable {
            bmp: t.u16s(bmp).try_into().unwrap_or(&NONE),
            sup: t.u16s(sup),
            blocks,
            rows: t.u16s(rows),
        }
    }

    #[inline(always)]
    fn get(&self, c: u32) -> T {
        if c < 0x1_0000 {
            let block = self.bmp[(c >> BLOCK_BITS) as usize] as usize;
            self.slot(block, c)
        } else {
            self.above_bmp(c)
        }
    }

    /// Slot `c % 16` of block `block`.
    #[inline(always)]
    fn slot(&self, block: usize, c: u32) -> T {
        self.blocks
            .get(block << BLOCK_BITS | (c as usize & ((1 << BLOCK_BITS) - 1)))
            .copied()
            .unwrap_or_default()
    }

    /// [`CharTable::get`] above the BMP (rare in text).
    #[inline(never)]
    fn above_bmp(&self, c: u32) -> T {
        let page = (c >> 8) as usize - 0x100;
        let row = self.sup.get(page).map_or(0, |&r| r as usize);
        let block = self
            .rows
            .get(row * ROW + (c >> BLOCK_BITS) as usize % ROW)
            .map_or(0, |&b| b as usize);
        self.slot(block, c)
    }
}

/// A table of u64 slots, with a flat copy of its Basic Multilingual Plane
/// (64 Ki slots, 512 KiB) for the tables looked up at nearly every
/// character: one load per lookup there. Only the pages of the characters
/// a text contains are ever read from the executable.
#[derive(Debug, Clone, Copy)]
struct FlatPages {
    bmp: Option<&'static [u64; 0x1_0000]>,
    table: CharTable<u64>,
}

impl FlatPages {
    /// Table `table`, with flat copy `flat` (in `FLATS`) if any.
    fn of(t: &Tables, table: usize, flat: Option<usize>) -> FlatPages {
        FlatPages {
            bmp: flat
                .and_then(|f| t.flats.get(f))
                .and_then(|l| t.u64s(l.bmp).try_into().ok()),
            table: t.table64(table),
        }
    }

    /// Flat copy `flat` (in `FLATS`) and its table.
    fn flat(t: &Tables, flat: usize) -> FlatPages {
        FlatPages::of(
            t,
            t.flats.get(flat).map_or(usize::MAX, |l| l.table),
            Some(flat),
        )
    }

    #[inline(always)]
    fn get(&self, c: u32) -> u64 {
        match self.bmp {
            Some(bmp) if c < 0x1_0000 => bmp[c as usize],
            _ => self.table.get(c),
        }
    }
}

/// The output strings of all tables.
#[derive(Debug, Clone, Copy)]
struct Strings {
    strs: &'static [u32],
    pool: &'static str,
}

impl Strings {
    fn shared(t: &Tables) -> Strings {
        Strings {
            strs: t.u32s(t.shared.strs),
            pool: t.text(t.shared.pool),
        }
    }

    /// Appends value `v` (with `VALUE_POOL` or `VALUE_CHAR` set) to `out`.
    #[inline(always)]
    fn emit(&self, v: u32, out: &mut String) {
        if v & VALUE_POOL != 0 {
            let i = (v & 0x00FF_FFFF) as usize * 2;
            out.push_str(&self.pool[self.strs[i] as usize..self.strs[i + 1] as usize]);
        } else {
            // build.rs stored a char; the fallback is unreachable.
            out.push(char::from_u32(value_char(v)).unwrap_or(char::REPLACEMENT_CHARACTER));
        }
    }

    /// Writes the output of the character at byte `i` of `b` (`len` bytes
    /// long) whose value is `r` (flags above the value bits are ignored):
    /// its value, or the character itself when it has none. Where the
    /// output is one character as long as the input's (nearly everywhere)
    /// that is one select and one store, without a branch on whether the
    /// character changes (which would be mispredicted often).
    #[inline(always)]
    pub(crate) fn put_char<S: Sink>(&self, r: u32, b: &[u8], i: usize, len: usize, out: &mut S) {
        if let Some(&w) = b.get(i..).and_then(<[u8]>::first_chunk::<4>) {
            let own = u32::from_le_bytes(w);
            let w = std::hint::select_unpredictable(r & VALUE_CHAR != 0, r & 0xFF_FFFF, own);
            // The output's lead byte has the same high four bits as the
            // input's exactly when both are as long (always when the
            // character has no value).
            if (r & VALUE_POOL) | ((w ^ own) & 0xF0) == 0 {
                out.word(w, len);
                return;
            }
        }
        if r & (VALUE_POOL | VALUE_CHAR) != 0 {
            self.put(r, out);
        } else {
            out.bytes(&b[i..i + len]);
        }
    }

    /// [`Strings::put_char`] for a character whose first four bytes (as
    /// from [`decode_word`]) are `own`: no second load of the text and no
    /// bounds check.
    #[inline(always)]
    pub(crate) fn put_word<S: Sink>(
        &self,
        r: u32,
        own: u32,
        b: &[u8],
        i: usize,
        len: usize,
        out: &mut S,
    ) {
        let w = std::hint::select_unpredictable(r & VALUE_CHAR != 0, r & 0xFF_FFFF, own);
        if (r & VALUE_POOL) | ((w ^ own) & 0xF0) == 0 {
            out.word(w, len);
        } else {
            self.put_other(r, b, i, len, out);
        }
    }

    /// The rest of [`Strings::put_word`]: a value that is not one
    /// character as long as the input's. Inlined: a call that takes the
    /// writer would keep a staged writer's position out of registers.
    #[inline(always)]
    fn put_other<S: Sink>(&self, r: u32, b: &[u8], i: usize, len: usize, out: &mut S) {
        if r & (VALUE_POOL | VALUE_CHAR) != 0 {
            self.put(r, out);
        } else {
            out.bytes(&b[i..i + len]);
        }
    }

    /// Writes value `v` (with `VALUE_POOL` or `VALUE_CHAR` set) to `out`.
    #[inline(always)]
    fn put<S: Sink>(&self, v: u32, out: &mut S) {
        if v & VALUE_POOL != 0 {
            let i = (v & 0x00FF_FFFF) as usize * 2;
            out.bytes(&self.pool.as_bytes()[self.strs[i] as usize..self.strs[i + 1] as usize]);
        } else {
            // The bytes of one character: its last byte is its highest
            // non-zero one (a NUL character is one byte).
            let w = v & 0xFF_FFFF;
            let n = (32 - w.leading_zeros() as usize).div_ceil(8).max(1);
            out.word(w, n);
        }
    }
}

/// The keys of one dictionary.
#[derive(Debug)]
pub(crate) struct Trie {
    pub(crate) max_key_chars: usize,
    lead_bytes: [u32; 8],
    first_child: &'static [u32],
    node_char: &'static [u32],
    node_key: &'static [u32],
    bigrams: &'static [u64],
    bigram_shift: u32,
    /// (first, second character) -> node of the second, open addressing.
    pairs: &'static [u64],
}

/// The code point of a `VALUE_CHAR` value.
#[inline(always)]
pub(crate) fn value_char(v: u32) -> u32 {
    let w = v & 0xFF_FFFF;
    let x = w & 0xFF;
    if x < 0x80 {
        x
    } else if x < 0xE0 {
        ((w & 0x1F) << 6) | ((w >> 8) & 0x3F)
    } else {
        ((w & 0x0F) << 12) | ((w >> 2) & 0xFC0) | ((w >> 16) & 0x3F)
    }
}

/// Decodes the character at `i` of valid UTF-8: (code point, byte length).
#[inline(always)]
pub(crate) fn decode(b: &[u8], i: usize) -> (u32, usize) {
    // One 4-byte load where the text allows it.
    if let Some(&w) = b.get(i..).and_then(<[u8]>::first_chunk::<4>) {
        let w = u32::from_le_bytes(w);
        let x = w & 0xFF;
        // Three bytes first: all of CJK.
        return if x.wrapping_sub(0xE0) < 0x10 {
            (
                ((w & 0x0F) << 12) | ((w >> 2) & 0xFC0) | ((w >> 16) & 0x3F),
                3,
            )
        } else if x < 0x80 {
            (x, 1)
        } else if x < 0xE0 {
            (((w & 0x1F) << 6) | ((w >> 8) & 0x3F), 2)
        } else {
            (
                ((w & 0x07) << 18)
                    | ((w << 4) & 0x3_F000)
                    | ((w >> 10) & 0xFC0)
                    | ((w >> 24) & 0x3F),
                4,
            )
        };
    }
    decode_tail(b, i)
}

/// Text the lookups read character by character: UTF-8 (`&[u8]`, valid
/// and starting at a character) or characters (`&[char]`). Positions and
/// lengths count its units (bytes, or characters).
pub(crate) trait Units: Copy {
    /// The number of units.
    fn units(self) -> usize;
    /// The character at unit `i` (a character's start, before the end):
    /// its code point and its length in units.
    fn decode(self, i: usize) -> (u32, usize);
}

impl Units for &[u8] {
    #[inline(always)]
    fn units(self) -> usize {
        self.len()
    }

    #[inline(always)]
    fn decode(self, i: usize) -> (u32, usize) {
        decode(self, i)
    }
}

impl Units for &[char] {
    #[inline(always)]
    fn units(self) -> usize {
        self.len()
    }

    #[inline(always)]
    fn decode(self, i: usize) -> (u32, usize) {
        (self.get(i).map_or(0, |&c| u32::from(c)), 1)
    }
}

/// [`decode`], with the four bytes from `i` as a little-endian word (past
/// the end of the text, zeros): what [`FastDict::put_word`] writes when the
/// character is unchanged.
#[inline(always)]
pub(crate) fn decode_word(b: &[u8], i: usize) -> (u32, usize, u32) {
    if let Some(&w) = b.get(i..).and_then(<[u8]>::first_chunk::<4>) {
        let w = u32::from_le_bytes(w);
        let (c, len) = decode(&w.to_le_bytes(), 0);
        return (c, len, w);
    }
    decode_word_tail(b, i)
}

/// [`decode_word`] near the end of the text.
#[inline(never)]
fn decode_word_tail(b: &[u8], i: usize) -> (u32, usize, u32) {
    let mut w = [0; 4];
    let rest = b.get(i..).unwrap_or_default();
    let n = rest.len().min(4);
    w[..n].copy_from_slice(&rest[..n]);
    let (c, len) = decode_tail(b, i);
    (c, len, u32::from_le_bytes(w))
}

/// [`decode`] near the end of the text.
#[inline(never)]
fn decode_tail(b: &[u8], i: usize) -> (u32, usize) {
    let x = b[i] as u32;
    if x < 0x80 {
        (x, 1)
    } else if x < 0xE0 {
        (((x & 0x1F) << 6) | (b[i + 1] as u32 & 0x3F), 2)
    } else if x < 0xF0 {
        (
            ((x & 0x0F) << 12) | ((b[i + 1] as u32 & 0x3F) << 6) | (b[i + 2] as u32 & 0x3F),
            3,
        )
    } else {
        (
            ((x & 0x07) << 18)
                | ((b[i + 1] as u32 & 0x3F) << 12)
                | ((b[i + 2] as u32 & 0x3F) << 6)
                | (b[i + 3] as u32 & 0x3F),
            4,
        )
    }
}

/// What a lookup saw beyond the key it found.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Walk {
    /// The character that ended the walk (0 when the walk ended for want of
    /// text or keys): a compatibility ideograph there means normalisation
    /// might have continued the key.
    pub(crate) stop: u32,
    /// The character right after the first one, and its length (0 when not
    /// decoded), for the caller's next step.
    pub(crate) ahead: (u32, usize),
}

/// A key found in the text: its end (byte offset) and its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    pub(crate) end: usize,
    pub(crate) value: u32,
}

impl Trie {
    fn load(t: &Tables, l: &TrieLayout) -> Trie {
        Trie {
            max_key_chars: l.max_key_chars,
            lead_bytes: l.lead_bytes,
            first_child: t.u32s(l.first_child),
            node_char: t.u32s(l.node_char),
            node_key: t.u32s(l.node_key),
            bigrams: t.u64s(l.bigrams),
            bigram_shift: l.bigram_shift,
            pairs: t.u64s(l.pairs),
        }
    }

    /// The node below the root for the characters `a`, `b`.
    #[inline(always)]
    fn pair(&self, a: u32, b: u32) -> Option<usize> {
        let mask = self.pairs.len().wrapping_sub(1);
        let want = (u64::from(a) << 21) | u64::from(b);
        let mut h = pair_hash(a, b) & mask;
        loop {
            let e = *self.pairs.get(h)?;
            if e == 0 {
                return None;
            }
            if e >> 22 == want {
                return Some((e & 0x3F_FFFF) as usize);
            }
            h = (h + 1) & mask;
        }
    }

    /// False when no key's UTF-8 encoding starts with byte `b`.
    #[inline(always)]
    pub(crate) fn lead_may_start(&self, b: u8) -> bool {
        self.lead_bytes[b as usize >> 5] & (1 << (b & 31)) != 0
    }
}

/// The outputs of a trie's keys, and the root slots carrying the outputs
/// of its one-character keys.
#[derive(Debug)]
pub(crate) struct Values {
    roots: CharTable<u64>,
    vals: &'static [u32],
    strings: Strings,
}

impl Values {
    fn load(t: &Tables, l: &ValuesLayout) -> Values {
        Values {
            roots: t.table64(l.roots),
            vals: t.u32s(l.vals),
            strings: Strings::shared(t),
        }
    }

    /// Appends value `value` (from a [`Found`]) to `out`.
    #[inline(always)]
    pub(crate) fn emit(&self, value: u32, out: &mut String) {
        self.strings.emit(value, out);
    }
}

/// A dictionary ready for lookups.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Dict {
    pub(crate) trie: &'static Trie,
    pub(crate) values: &'static Values,
}

impl Dict {
    /// A dictionary of the built-in tables.
    pub(crate) fn get(r: DictRef) -> Dict {
        BUILTIN.dict(r)
    }
}

impl Dict {
    /// The value of the key that ends at `node`: 0 when no key ends there,
    /// or when the key is another dictionary's of a trie shared by
    /// several (build.rs `Compiler::numbers`).
    #[inline(always)]
    fn value_at(&self, node: usize) -> u32 {
        match self.trie.node_key[node] {
            0 => 0,
            key => self.values.vals[key as usize - 1],
        }
    }

    /// False when no key's UTF-8 encoding starts with byte `b`.
    #[inline(always)]
    pub(crate) fn lead_may_start(&self, b: u8) -> bool {
        self.trie.lead_may_start(b)
    }

    /// The root slot of character `c`: 0 when no key starts with it, else
    /// the value of the key `c` (0 if none) in the high half and
    /// a filter of second characters in the low half (0 when no longer key
    /// starts with `c`).
    #[inline(always)]
    pub(crate) fn root(&self, c: u32) -> u64 {
        self.values.roots.get(c)
    }

    /// The longest key at byte `i` of `b` (valid UTF-8, `i` at a character
    /// start), given the root slot `slot != 0` of the character `c` there,
    /// `len` bytes long, recording in `walk` what it saw past the key.
    #[inline(always)]
    pub(crate) fn longest_from(
        &self,
        b: &[u8],
        i: usize,
        c: u32,
        len: usize,
        slot: u64,
        walk: &mut Walk,
    ) -> Option<Found> {
        let (own, low) = halves(slot);
        let mut pos = i + len;
        let mut best = (own != 0).then_some(Found {
            end: pos,
            value: own,
        });
        if low == 0 || pos >= b.len() {
            return best;
        }
        let trie = self.trie;
        let (c2, l2) = decode(b, pos);
        walk.ahead = (c2, l2);
        if low & (1 << second_bit(c2)) == 0 {
            walk.stop = c2;
            return best;
        }
        let h = bigram_hash(c, c2, trie.bigram_shift);
        if trie.bigrams[h / 64] & (1 << (h % 64)) == 0 {
            walk.stop = c2;
            return best;
        }
        // The first step below the root goes through the pair table, the
        // rest through binary search among a node's sorted children.
        let mut node = match trie.pair(c, c2) {
            Some(n) => n,
            None => {
                walk.stop = c2;
                return best;
            }
        };
        pos += l2;
        loop {
            let value = self.value_at(node);
            if value != 0 {
                best = Some(Found { end: pos, value });
            }
            let start = trie.first_child[node] as usize;
            let end = trie.first_child[node + 1] as usize;
            if pos >= b.len() || start == end {
                return best;
            }
            let (next, next_len) = decode(b, pos);
            match trie.node_char[start..end].binary_search(&next) {
                Ok(k) => node = start + k,
                Err(_) => {
                    walk.stop = next;
                    return best;
                }
            }
            pos += next_len;
        }
    }

    /// The node below the root for the key prefix `c`, `c2`, when a key
    /// longer than one character starts with it (`low` is the filter half of
    /// `c`'s root slot, not 0).
    #[inline(always)]
    pub(crate) fn second(&self, low: u32, c: u32, c2: u32) -> Option<usize> {
        if low & (1 << second_bit(c2)) == 0 {
            return None;
        }
        let h = bigram_hash(c, c2, self.trie.bigram_shift);
        if self.trie.bigrams[h / 64] & (1 << (h % 64)) == 0 {
            return None;
        }
        self.trie.pair(c, c2)
    }

    /// The longest key of at least two characters through `node` (from
    /// [`Dict::second`]), whose text continues at byte `pos` of `b`:
    /// `(end, value)`, `end` 0 when none; and the character that ended the
    /// walk (0 when the walk ended for want of text or keys).
    #[inline(always)]
    pub(crate) fn walk(&self, b: &[u8], mut node: usize, mut pos: usize) -> (usize, u32, u32) {
        let trie = self.trie;
        let mut best = (0, 0);
        loop {
            let value = self.value_at(node);
            if value != 0 {
                best = (pos, value);
            }
            let start = trie.first_child[node] as usize;
            let end = trie.first_child[node + 1] as usize;
            if pos >= b.len() || start == end {
                return (best.0, best.1, 0);
            }
            let (next, next_len) = decode(b, pos);
            match trie.node_char[start..end].binary_search(&next) {
                Ok(k) => node = start + k,
                Err(_) => return (best.0, best.1, next),
            }
            pos += next_len;
        }
    }

    /// The number of characters of the longest key that `first` followed by
    /// the characters `next` yields begins with (0 when none).
    pub(crate) fn longest_chars(&self, first: u32, mut next: impl FnMut() -> Option<u32>) -> usize {
        let slot = self.root(first);
        let mut best = usize::from(slot >> 32 != 0);
        if halves(slot).1 == 0 {
            return best;
        }
        let trie = self.trie;
        let Some(second) = next() else { return best };
        if halves(slot).1 & (1 << second_bit(second)) == 0 {
            return best;
        }
        let h = bigram_hash(first, second, trie.bigram_shift);
        if trie.bigrams[h / 64] & (1 << (h % 64)) == 0 {
            return best;
        }
        let Some(mut node) = trie.pair(first, second) else {
            return best;
        };
        let mut count = 2;
        loop {
            if self.value_at(node) != 0 {
                best = count;
            }
            let start = trie.first_child[node] as usize;
            let end = trie.first_child[node + 1] as usize;
            if start == end {
                return best;
            }
            let Some(c) = next() else { return best };
            match trie.node_char[start..end].binary_search(&c) {
                Ok(k) => node = start + k,
                Err(_) => return best,
            }
            count += 1;
        }
    }

    /// Every key at byte `i` of `text`, shortest first.
    /// Calls `f(end, value)` for every key that starts at byte `i` of
    /// `text`, shortest first (as [`Dict::matches_at`], without a vector).
    #[inline]
    pub(crate) fn for_each_match(&self, text: &str, i: usize, mut f: impl FnMut(usize, u32)) {
        let b = text.as_bytes();
        if !self.lead_may_start(b[i]) {
            return;
        }
        let (c, len) = decode(b, i);
        let slot = self.root(c);
        let (own, low) = halves(slot);
        if own != 0 {
            f(i + len, own);
        }
        if low == 0 || i + len >= b.len() {
            return;
        }
        let trie = self.trie;
        let (c2, l2) = decode(b, i + len);
        let Some(mut node) = trie.pair(c, c2) else {
            return;
        };
        let mut pos = i + len + l2;
        loop {
            let value = self.value_at(node);
            if value != 0 {
                f(pos, value);
            }
            let start = trie.first_child[node] as usize;
            let end = trie.first_child[node + 1] as usize;
            if pos >= b.len() || start == end {
                return;
            }
            let (next, next_len) = decode(b, pos);
            match trie.node_char[start..end].binary_search(&next) {
                Ok(k) => node = start + k,
                Err(_) => return,
            }
            pos += next_len;
        }
    }

    pub(crate) fn matches_at(&self, text: &str, i: usize) -> Vec<Found> {
        let b = text.as_bytes();
        let mut out = Vec::new();
        let (c, len) = decode(b, i);
        let slot = self.root(c);
        let (own, low) = halves(slot);
        if own != 0 {
            out.push(Found {
                end: i + len,
                value: own,
            });
        }
        if low == 0 || i + len >= b.len() {
            return out;
        }
        let trie = self.trie;
        let (c2, l2) = decode(b, i + len);
        let Some(mut node) = trie.pair(c, c2) else {
            return out;
        };
        let mut pos = i + len + l2;
        loop {
            let value = self.value_at(node);
            if value != 0 {
                out.push(Found { end: pos, value });
            }
            let start = trie.first_child[node] as usize;
            let end = trie.first_child[node + 1] as usize;
            if pos >= b.len() || start == end {
                return out;
            }
            let (next, next_len) = decode(b, pos);
            match trie.node_char[start..end].binary_search(&next) {
                Ok(k) => node = start + k,
                Err(_) => return out,
            }
            pos += next_len;
        }
    }

    /// The value of key `text` itself, if it is a key.
    pub(crate) fn value_of(&self, text: &str) -> Option<u32> {
        if text.is_empty() {
            return None;
        }
        self.matches_at(text, 0)
            .into_iter()
            .find(|f| f.end == text.len())
            .map(|f| f.value)
    }

    /// The text of value `value` (from a [`Found`]).
    pub(crate) fn value_text(&self, value: u32) -> String {
        let mut s = String::new();
        self.values.emit(value, &mut s);
        s
    }

    /// The longest key at byte `i` of `text`.
    #[inline]
    pub(crate) fn longest(&self, text: &str, i: usize) -> Option<Found> {
        let b = text.as_bytes();
        if !self.lead_may_start(b[i]) {
            return None;
        }
        let (c, len) = decode(b, i);
        match self.root(c) {
            0 => None,
            slot => self.longest_from(b, i, c, len, slot, &mut Walk::default()),
        }
    }

    /// Appends value `value` (from a [`Found`]) to `out`.
    #[inline(always)]
    pub(crate) fn emit(&self, value: u32, out: &mut String) {
        self.values.emit(value, out);
    }
}

/// A dictionary as a double-array trie, for the single-pass engine.
///
/// A root slot (page table, u64) is `own value << 32 | node << 14 | code`
/// (or `DA_SPECIAL`):
/// the value of the one-character key (0: none), the cell of the
/// one-character prefix when longer keys start with the character (0:
/// none), and the character's code when it occurs after the first
/// character of some key (0: never). Cells are `[check, value, base,
/// filter]`: the child of cell `p` for code `k` is cell `base(p) + k` if its
/// check is `p`, and bit `k % 32` of the filter is set for every child's
/// code `k` (a filter of 0: no children). See `double_array` in build.rs.
/// The cells are kept as three arrays (checks, values, and base and filter
/// pairs): most child lookups fail, and one that fails reads only a pair and
/// a check (2026-12-02, A/B against whole 16-byte cells: s2t, s2tw, s2twp,
/// t2s, tw2s, tw2sp −2 to +9 % by corpus, most 1–5 % faster).
#[derive(Debug)]
pub(crate) struct FastDict {
    roots: FlatPages,
    /// The flat copy of the Basic Multilingual Plane's root slots with
    /// each one-character value as its code point (see
    /// [`FastDict::code_roots`]), made at the first pass over characters.
    code_roots: OnceLock<Option<Box<[u64; 0x1_0000]>>>,
    /// Per cell: its check, its value, and its base and filter.
    checks: &'static [u32],
    values: &'static [u32],
    links: &'static [[u32; 2]],
    lead_bytes: [u32; 8],
    strings: Strings,
}

impl FastDict {
    pub(crate) fn get(t: &'static Tables, i: usize) -> &'static FastDict {
        t.made_fast[i].get_or_init(|| {
            let l = &t.fast_dicts[i];
            FastDict {
                roots: FlatPages::of(t, l.roots, l.flat),
                code_roots: OnceLock::new(),
                checks: t.u32s(l.checks),
                values: t.u32s(l.values),
                links: bytemuck::cast_slice(t.u32s(l.links)),
                lead_bytes: l.lead_bytes,
                strings: Strings::shared(t),
            }
        })
    }

    /// The root slot of `c` (0: in no key).
    #[inline(always)]
    pub(crate) fn root(&self, c: u32) -> u64 {
        self.roots.get(c)
    }

    /// The flat copy of the root slots of the Basic Multilingual Plane, if
    /// the dictionary has one: a loop that asks once and then indexes it
    /// directly spares every lookup a test of the `Option`.
    #[inline(always)]
    pub(crate) fn flat_roots(&self) -> Option<&'static [u64; 0x1_0000]> {
        self.roots.bmp
    }

    /// [`FastDict::flat_roots`] for the pass over characters: the same
    /// slots, but a one-character value (`VALUE_CHAR`, its UTF-8 in the low
    /// bytes) holds the character's code point instead, so that the pass
    /// writes it without decoding it ([`FastDict::put_code`]). Made once per
    /// dictionary (512 KiB) at its first pass over characters.
    pub(crate) fn code_roots(&self) -> Option<&[u64; 0x1_0000]> {
        self.code_roots
            .get_or_init(|| {
                let flat = self.flat_roots()?;
                let mut roots: Box<[u64; 0x1_0000]> =
                    vec![0; 0x1_0000].into_boxed_slice().try_into().ok()?;
                for (to, &from) in roots.iter_mut().zip(flat.iter()) {
                    *to = code_form(from);
                }
                Some(roots)
            })
            .as_deref()
    }

    /// [`FastDict::root`] in the form of [`FastDict::code_roots`].
    #[inline(always)]
    pub(crate) fn code_root(&self, c: u32) -> u64 {
        code_form(self.root(c))
    }

    /// False when no key's UTF-8 encoding starts with byte `b`.
    #[inline(always)]
    pub(crate) fn lead_may_start(&self, b: u8) -> bool {
        self.lead_bytes[b as usize >> 5] & (1 << (b & 31)) != 0
    }

    /// The cell below cell `node` for the character whose root slot is
    /// `slot`, if a key continues that way.
    #[inline(always)]
    pub(crate) fn child(&self, node: u32, slot: u64) -> Option<u32> {
        let code = halves(slot).1 & ((1 << DA_CODE_BITS) - 1);
        let parent = self.links.get(node as usize)?;
        // The filter of the children's codes (bit `code % 32`; 0 without
        // children) sends the lookups it rules out to cell 0 (never used,
        // its check `u32::MAX` is no cell's index and it stays in cache)
        // without a branch, which would be mispredicted often. `node` 0
        // (no node) finds nothing the same way.
        let keep = 0u32.wrapping_sub(parent[1].wrapping_shr(code) & 1);
        let at = parent[0].wrapping_add(code) & keep;
        let check = *self.checks.get(at as usize)?;
        (check == node).then_some(at)
    }

    /// The longest key of at least two characters through cell `node` (the
    /// second character's), whose text continues at byte `pos` of `b`:
    /// `(end, value)`, `end` 0 when none; and the character that ended the
    /// walk (0 when the walk ended for want of text or keys). `slot` gives
    /// the root slot of a character (the dictionary's or a map carrying it).
    /// `b` is UTF-8 (`&[u8]`) or characters (`&[char]`); `pos` and `end`
    /// count its units.
    #[inline(always)]
    pub(crate) fn walk<U: Units>(
        &self,
        b: U,
        mut node: u32,
        mut pos: usize,
        slot: impl Fn(u32) -> u64,
    ) -> (usize, u32, u32) {
        let mut best = (0, 0);
        loop {
            let value = self.values.get(node as usize).copied().unwrap_or_default();
            if value != 0 {
                best = (pos, value);
            }
            let base = self.links.get(node as usize).map_or(0, |l| l[0]);
            if base == 0 || pos >= b.units() {
                return (best.0, best.1, 0);
            }
            let (next, len) = b.decode(pos);
            match self.child(node, slot(next)) {
                Some(n) => node = n,
                None => return (best.0, best.1, next),
            }
            pos += len;
        }
    }

    /// Writes value `value` (from [`FastDict::walk`]) to `out`: most are
    /// `VALUE_SPAN`s, written from their place in the pool.
    #[inline(always)]
    pub(crate) fn put<S: Sink>(&self, value: u32, out: &mut S) {
        if value & VALUE_SPAN != 0 {
            let start = ((value & !VALUE_SPAN) >> SPAN_LEN_BITS) as usize;
            let len = (value & ((1 << SPAN_LEN_BITS) - 1)) as usize;
            out.text(self.strings.pool.as_bytes(), start, start + len);
        } else {
            self.strings.put(value, out);
        }
    }

    /// Writes the output of the character `c` whose root value, in the
    /// form of [`FastDict::code_roots`], is `own`: the code point of a
    /// one-character value, or `c` (no value), chosen without a branch on
    /// whether `c` changes; a pool string otherwise.
    #[inline(always)]
    pub(crate) fn put_code<S: Sink>(&self, own: u32, c: u32, out: &mut S) {
        if own & VALUE_POOL == 0 {
            let changes = own & VALUE_CHAR != 0;
            out.code(std::hint::select_unpredictable(changes, own & 0x1F_FFFF, c));
        } else {
            self.strings.put(own, out);
        }
    }

    /// [`FastDict::put_char`] for a character whose first four bytes are
    /// `word` (see [`Strings::put_word`]).
    #[inline(always)]
    pub(crate) fn put_word<S: Sink>(
        &self,
        own: u32,
        word: u32,
        b: &[u8],
        i: usize,
        len: usize,
        out: &mut S,
    ) {
        self.strings.put_word(own, word, b, i, len, out);
    }
}

/// The root slots of a dictionary (see [`Dict::root`]) with the Basic
/// Multilingual Plane in a flat array, for lookups at most characters.
#[derive(Debug)]
pub(crate) struct FlatRoots {
    pages: CharTable<u64>,
}

impl FlatRoots {
    /// The root slots of a dictionary, from its table `table` (a plan's
    /// `first_flat`).
    pub(crate) fn of(t: &'static Tables, table: usize) -> &'static FlatRoots {
        t.made_flat_roots[table].get_or_init(|| FlatRoots {
            pages: t.table64(table),
        })
    }

    /// The same as [`Dict::root`] for the dictionary.
    #[inline(always)]
    pub(crate) fn root(&self, c: u32) -> u64 {
        self.pages.get(c)
    }
}

/// A table from characters to u64 slots (0 for characters not stored).
#[derive(Debug)]
pub(crate) struct SlotMap {
    pages: CharTable<u64>,
}

impl SlotMap {
    pub(crate) fn get(t: &'static Tables, i: usize) -> &'static SlotMap {
        t.made_slots[i].get_or_init(|| SlotMap {
            pages: t.table64(t.slots[i].table),
        })
    }

    /// The slot of `c`.
    #[inline(always)]
    pub(crate) fn slot(&self, c: u32) -> u64 {
        self.pages.get(c)
    }
}

/// A table from characters to values (0 = unchanged).
#[derive(Debug)]
pub(crate) struct CharMap {
    pages: CharTable<u32>,
}

impl CharMap {
    /// A character map of the built-in tables.
    pub(crate) fn get(i: usize) -> &'static CharMap {
        CharMap::of(&BUILTIN, i)
    }

    pub(crate) fn of(t: &'static Tables, i: usize) -> &'static CharMap {
        t.made_charmaps[i].get_or_init(|| CharMap {
            pages: t.table32(t.charmaps[i].table),
        })
    }

    /// The slot of `c`: a value (or none) plus flags.
    #[inline(always)]
    pub(crate) fn slot(&self, c: u32) -> u32 {
        self.pages.get(c)
    }
}

/// The character map of a segmented plan's runs, with the segmentation's
/// filters of second characters: a slot's high half is a value (or none)
/// plus `RUN_*` flags, its low half a filter of the second characters of
/// the segmentation keys longer than one character that start with the
/// character and, for `RUN_T1START` characters, of stage 1's keys (0 when
/// there are none). A slot is 0 exactly for characters in no key of any
/// stage and of the segmentation.
#[derive(Debug)]
pub(crate) struct RunMap {
    pages: FlatPages,
    strings: Strings,
}

impl RunMap {
    pub(crate) fn get(t: &'static Tables, i: usize) -> &'static RunMap {
        t.made_runmaps[i].get_or_init(|| RunMap {
            pages: FlatPages::flat(t, t.runmaps[i].flat),
            strings: Strings::shared(t),
        })
    }

    /// The slot of `c`.
    #[inline(always)]
    pub(crate) fn slot(&self, c: u32) -> u64 {
        self.pages.get(c)
    }

    /// The length in bytes of the output of a character `len` bytes long
    /// whose slot has the high half `r`.
    #[inline(always)]
    pub(crate) fn out_len(&self, r: u32, len: usize) -> usize {
        if r & VALUE_POOL != 0 {
            let i = (r & 0x00FF_FFFF) as usize * 2;
            (self.strings.strs[i + 1] - self.strings.strs[i]) as usize
        } else if r & VALUE_CHAR != 0 {
            char_len(r.to_le_bytes()[0])
        } else {
            len
        }
    }

    /// Writes the value in the high half `r` of a slot (which has one) to
    /// `out`.
    #[inline(always)]
    pub(crate) fn put<S: Sink>(&self, r: u32, out: &mut S) {
        self.strings.put(r, out);
    }

    /// Writes the output of the character at byte `i` of `b` (`len` bytes
    /// long) whose slot has the high half `r` (see [`Strings::put_char`]).
    #[inline(always)]
    pub(crate) fn put_char<S: Sink>(&self, r: u32, b: &[u8], i: usize, len: usize, out: &mut S) {
        self.strings.put_char(r, b, i, len, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_form_of_values_of_each_length() {
        // A one-character value holds its UTF-8 in the low bytes, first byte
        // lowest; the code form holds the code point, the low half kept.
        for ch in [
            '\0', 'a', '\u{7F}', '\u{80}', 'é', '\u{7FF}', '\u{800}', '发', '\u{FFFF}',
        ] {
            let mut utf8 = [0; 4];
            let bytes = ch.encode_utf8(&mut utf8).as_bytes();
            let w = bytes
                .iter()
                .rev()
                .fold(0u32, |w, &b| (w << 8) | u32::from(b));
            let slot = (u64::from(VALUE_CHAR | w) << 32) | 0x1234_5678;
            let want = (u64::from(VALUE_CHAR | u32::from(ch)) << 32) | 0x1234_5678;
            assert_eq!(code_form(slot), want, "{ch:?}");
        }
        // Pool strings, no value, and the special slot stay as they are.
        for slot in [
            u64::from(VALUE_POOL | 7) << 32 | 3,
            0x0000_0000_0000_0042,
            DA_SPECIAL,
        ] {
            assert_eq!(code_form(slot), slot);
        }
    }

    #[test]
    fn code_roots_hold_the_code_points_of_the_flat_roots() {
        // Every dictionary's code roots, at every character of the Basic
        // Multilingual Plane, against its flat roots: the same slot, but a
        // one-character value as the code point whose UTF-8 it held.
        let t = builtin();
        let mut checked = 0;
        for i in 0..t.fast_dicts.len() {
            let dict = FastDict::get(t, i);
            let (Some(flat), Some(code)) = (dict.flat_roots(), dict.code_roots()) else {
                continue;
            };
            for c in 0..0x1_0000u32 {
                let (from, to) = (flat[c as usize], code[c as usize]);
                assert_eq!(to, dict.code_root(c), "dictionary {i}, U+{c:04X}");
                let (own, low) = halves(from);
                if from == DA_SPECIAL || own & VALUE_POOL != 0 || own & VALUE_CHAR == 0 {
                    assert_eq!(to, from, "dictionary {i}, U+{c:04X}");
                    continue;
                }
                let (code_own, code_low) = halves(to);
                assert_eq!(code_low, low);
                assert_eq!(code_own & !0x1F_FFFF, VALUE_CHAR);
                let ch = char::from_u32(code_own & 0x1F_FFFF).expect("a character");
                let mut utf8 = [0; 4];
                let w = ch
                    .encode_utf8(&mut utf8)
                    .bytes()
                    .rev()
                    .fold(0u32, |w, b| (w << 8) | u32::from(b));
                assert_eq!(w, own & 0xFF_FFFF, "dictionary {i}, U+{c:04X}");
                checked += 1;
            }
        }
        assert!(checked > 1000, "{checked} one-character values");
    }

    #[test]
    fn decode_matches_std() {
        let text = "a\u{7F}\u{80}ß\u{7FF}\u{800}漢\u{FFFF}\u{10000}𪠵\u{10FFFF}z";
        let b = text.as_bytes();
        // Every position, with the text cut at every length after it, so
        // both the 4-byte-load path and the tail path are taken.
        for (i, ch) in text.char_indices() {
            for end in i + ch.len_utf8()..=b.len() {
                assert_eq!(
                    decode(&b[..end], i),
                    (ch as u32, ch.len_utf8()),
                    "{ch:?} at {i}, text cut at {end}"
                );
            }
        }
    }
}
