//! The blob the library embeds: arrays in the target's byte order, the
//! string pool, and the character tables shared in blocks.

use std::collections::BTreeMap;

use crate::compile::layouts::{CharTableLayout, Range};
use crate::layout::{
    BLOCK, BLOCK_BITS, POOL_INDEX_LIMIT, ROW, SPAN_LEN_BITS, VALUE_CHAR, VALUE_POOL, VALUE_SPAN,
};

/// Appends arrays to the blob, keeping every array 8-byte aligned. An array
/// equal byte for byte to one written before is not written again: its
/// range is the earlier one's (the configs share many tables and parts of
/// tables, the structure of a double array among them).
pub(crate) struct Blob {
    pub(crate) bytes: Vec<u8>,
    pub(crate) big_endian: bool,
    /// The string pool, embedded apart as one `&str` (`include_str!`) so
    /// that no UTF-8 check runs when a table is first used.
    pub(crate) text: String,
    /// Where each array written so far starts (lookups only, so the
    /// order of the map never reaches the output).
    pub(crate) written: std::collections::HashMap<Vec<u8>, usize>,
    /// Set when something did not fit its encoding (see
    /// `Compiler::too_large`): the tables are then unusable.
    pub(crate) too_large: bool,
}

impl Blob {
    pub(crate) fn align(&mut self) {
        while !self.bytes.len().is_multiple_of(8) {
            self.bytes.push(0);
        }
    }
    /// Appends `values` in the target's byte order.
    pub(crate) fn array<T: Copy, const N: usize>(
        &mut self,
        values: &[T],
        le: fn(T) -> [u8; N],
        be: fn(T) -> [u8; N],
    ) -> (usize, usize) {
        let encode = if self.big_endian { be } else { le };
        let bytes: Vec<u8> = values.iter().flat_map(|&v| encode(v)).collect();
        if let Some(&start) = self.written.get(&bytes) {
            return (start, values.len());
        }
        self.align();
        let start = self.bytes.len();
        self.bytes.extend_from_slice(&bytes);
        self.written.insert(bytes, start);
        (start, values.len())
    }
    pub(crate) fn u64s(&mut self, values: &[u64]) -> (usize, usize) {
        self.array(values, u64::to_le_bytes, u64::to_be_bytes)
    }
    pub(crate) fn u32s(&mut self, values: &[u32]) -> (usize, usize) {
        self.array(values, u32::to_le_bytes, u32::to_be_bytes)
    }
    pub(crate) fn u16s(&mut self, values: &[u16]) -> (usize, usize) {
        self.array(values, u16::to_le_bytes, u16::to_be_bytes)
    }
    /// Appends a string pool to the text; its range in the text.
    pub(crate) fn text(&mut self, pool: &[u8]) -> (usize, usize) {
        let start = self.text.len();
        self.text
            .push_str(std::str::from_utf8(pool).expect("pools are built from strings"));
        (start, pool.len())
    }
}

/// The output strings of values, each stored once.
#[derive(Default)]
pub(crate) struct Pool {
    pub(crate) strs: Vec<u32>,
    pub(crate) bytes: Vec<u8>,
    pub(crate) index: BTreeMap<String, u32>,
    /// Set when there were more strings than values can number.
    pub(crate) too_large: bool,
}

impl Pool {
    /// The value encoding of `v`: inline when it is one character of at
    /// most 3 UTF-8 bytes (its bytes, first byte lowest).
    pub(crate) fn encode(&mut self, v: &str) -> u32 {
        let mut chars = v.chars();
        if let (Some(c), None) = (chars.next(), chars.next())
            && c.len_utf8() <= 3
        {
            let mut word = [0u8; 4];
            c.encode_utf8(&mut word);
            return VALUE_CHAR | u32::from_le_bytes(word);
        }
        if let Some(&i) = self.index.get(v) {
            return VALUE_POOL | i;
        }
        let i = u32::try_from(self.strs.len() / 2).unwrap_or(u32::MAX);
        if i >= POOL_INDEX_LIMIT {
            self.too_large = true;
            return VALUE_POOL;
        }
        let start = u32::try_from(self.bytes.len()).expect("pool fits u32");
        self.bytes.extend_from_slice(v.as_bytes());
        let end = u32::try_from(self.bytes.len()).expect("pool fits u32");
        self.strs.extend([start, end]);
        self.index.insert(v.to_string(), i);
        VALUE_POOL | i
    }

    /// The `VALUE_SPAN` form of value `v` where it has one, else `v`.
    pub(crate) fn span(&self, v: u32) -> u32 {
        if v & VALUE_POOL == 0 {
            return v;
        }
        let i = (v & !VALUE_POOL) as usize * 2;
        let (start, len) = (self.strs[i], self.strs[i + 1] - self.strs[i]);
        if len < 1 << SPAN_LEN_BITS && start < 1 << (31 - SPAN_LEN_BITS) {
            VALUE_SPAN | start << SPAN_LEN_BITS | len
        } else {
            v
        }
    }

    /// Writes the pool: the ranges of its offsets and of its text.
    pub(crate) fn emit(&self, blob: &mut Blob) -> (Range, Range) {
        let strs = blob.u32s(&self.strs);
        let pool = blob.text(&self.bytes);
        (strs, pool)
    }
}

/// The character tables (characters to slots, 0 for characters not
/// stored) of one slot width, for src/tables.rs `CharTable`.
///
/// Every table is cut into blocks of `BLOCK` characters, and a block is
/// stored once however many tables hold it (block 0 is all zeros: the
/// blocks with nothing stored). A table is the block number of each block
/// of the Basic Multilingual Plane (two loads per lookup, the first from an
/// index small enough to stay in cache) and, above the BMP, a row per page
/// of 256 characters: the page's block numbers, rows also stored once (row
/// 0: no blocks). The per-config tables are mostly zeros and mostly alike;
/// as flat arrays (one 512 KiB copy of the BMP per table) they made up
/// half of the executable (docs/benchmarks.md, "Binary size").
pub(crate) struct CharTables<T> {
    pub(crate) blocks: Vec<T>,
    pub(crate) block_ids: BTreeMap<Vec<T>, u16>,
    pub(crate) rows: Vec<u16>,
    pub(crate) row_ids: BTreeMap<Vec<u16>, u16>,
    /// Tables by content (their non-zero slots), and the content of each.
    pub(crate) tables: BTreeMap<Vec<(char, T)>, usize>,
    pub(crate) contents: Vec<Vec<(char, T)>>,
    pub(crate) layouts: Vec<CharTableLayout>,
    /// Set when there were more distinct blocks or rows than u16 numbers.
    pub(crate) too_large: bool,
}

impl<T: Copy + Default + Ord> CharTables<T> {
    pub(crate) fn new() -> CharTables<T> {
        CharTables {
            blocks: vec![T::default(); BLOCK],
            block_ids: BTreeMap::from([(vec![T::default(); BLOCK], 0)]),
            rows: vec![0; ROW],
            row_ids: BTreeMap::from([(vec![0; ROW], 0)]),
            tables: BTreeMap::new(),
            contents: Vec::new(),
            layouts: Vec::new(),
            too_large: false,
        }
    }

    pub(crate) fn block(&mut self, block: Vec<T>) -> u16 {
        if let Some(&id) = self.block_ids.get(&block) {
            return id;
        }
        let Ok(id) = u16::try_from(self.blocks.len() / BLOCK) else {
            // More than 65536 distinct blocks of slots.
            self.too_large = true;
            return 0;
        };
        self.blocks.extend_from_slice(&block);
        self.block_ids.insert(block, id);
        id
    }

    pub(crate) fn row(&mut self, row: Vec<u16>) -> u16 {
        if let Some(&id) = self.row_ids.get(&row) {
            return id;
        }
        let Ok(id) = u16::try_from(self.rows.len() / ROW) else {
            self.too_large = true;
            return 0;
        };
        self.rows.extend_from_slice(&row);
        self.row_ids.insert(row, id);
        id
    }

    /// The table of `map` (index into `TABLES64` or `TABLES32`).
    pub(crate) fn table(&mut self, map: &BTreeMap<char, T>, blob: &mut Blob) -> usize {
        let content: Vec<(char, T)> = map
            .iter()
            .filter(|&(_, &v)| v != T::default())
            .map(|(&c, &v)| (c, v))
            .collect();
        if let Some(&i) = self.tables.get(&content) {
            return i;
        }
        let mut blocks: BTreeMap<u32, Vec<T>> = BTreeMap::new();
        for &(c, v) in &content {
            let c = c as u32;
            blocks
                .entry(c >> BLOCK_BITS)
                .or_insert_with(|| vec![T::default(); BLOCK])[c as usize % BLOCK] = v;
        }
        let mut bmp = vec![0u16; 0x1_0000 / BLOCK];
        let mut pages: BTreeMap<u32, Vec<u16>> = BTreeMap::new();
        for (b, block) in blocks {
            let id = self.block(block);
            if (b as usize) < bmp.len() {
                bmp[b as usize] = id;
            } else {
                pages
                    .entry(b >> (8 - BLOCK_BITS))
                    .or_insert_with(|| vec![0; ROW])[b as usize % ROW] = id;
            }
        }
        // Row numbers of the pages from U+10000 up to the last one stored.
        let mut sup: Vec<u16> = Vec::new();
        for (page, row) in pages {
            let at = page as usize - 0x100;
            sup.resize(sup.len().max(at + 1), 0);
            sup[at] = self.row(row);
        }
        let bmp = blob.u16s(&bmp);
        let sup = blob.u16s(&sup);
        self.layouts.push(CharTableLayout { bmp, sup });
        self.contents.push(content.clone());
        self.tables.insert(content, self.layouts.len() - 1);
        self.layouts.len() - 1
    }
}
