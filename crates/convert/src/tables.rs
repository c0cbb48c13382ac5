//! The dictionaries compiled by build.rs, and longest-prefix lookup over them.
//!
//! Layout of one dictionary (all arrays in the embedded blob, native endian):
//!
//! * `page_index[c >> 8]` is 0 when no key starts in that 256-character page,
//!   else `p + 1` where page `p` is `root_slots[p * 256 .. p * 256 + 256]`;
//! * `root_slots[..]` is 0 or `node + 1` for the node of a key's first character;
//! * nodes are numbered breadth first (root excluded), so the children of
//!   node `n` are the nodes `first_child[n] .. first_child[n + 1]`, whose
//!   characters `node_char[..]` are sorted;
//! * `node_value[n]` is `u32::MAX` or the index of the key's value; value `v`
//!   has candidates `value_cands[v] .. value_cands[v + 1]`, and candidate `j`
//!   is the text `pool[cand_offsets[j] .. cand_offsets[j + 1]]` (the first
//!   candidate is the conversion OpenCC outputs).

use std::sync::OnceLock;

/// Gives the embedded bytes the alignment of `u32`.
#[repr(C)]
pub(crate) struct Aligned<B: ?Sized> {
    pub(crate) _align: [u32; 0],
    pub(crate) bytes: B,
}

/// Where one compiled dictionary lives in the blob: `(byte offset, element count)`.
/// `name` says which OpenCC files it was flattened from (kept for debugging).
pub(crate) struct DictLayout {
    #[allow(dead_code)]
    pub(crate) name: &'static str,
    pub(crate) max_key_chars: u32,
    pub(crate) lead_bytes: [u32; 8],
    pub(crate) page_index: (usize, usize),
    pub(crate) root_slots: (usize, usize),
    pub(crate) first_child: (usize, usize),
    pub(crate) node_char: (usize, usize),
    pub(crate) node_value: (usize, usize),
    pub(crate) value_cands: (usize, usize),
    pub(crate) cand_offsets: (usize, usize),
    pub(crate) pool: (usize, usize),
}

/// One OpenCC config: indexes into [`DICTS`].
pub(crate) struct ConfigLayout {
    pub(crate) name: &'static str,
    pub(crate) title: &'static str,
    pub(crate) normalization: &'static [usize],
    pub(crate) segmentation: Option<usize>,
    pub(crate) stages: &'static [usize],
    pub(crate) stages_tofu: &'static [usize],
}

include!(concat!(env!("OUT_DIR"), "/tables.rs"));

/// A compiled dictionary, borrowed from the embedded blob.
#[derive(Debug)]
pub(crate) struct Dict {
    pub(crate) max_key_chars: usize,
    lead_bytes: [u32; 8],
    page_index: &'static [u16],
    root_slots: &'static [u32],
    first_child: &'static [u32],
    node_char: &'static [u32],
    node_value: &'static [u32],
    value_cands: &'static [u32],
    cand_offsets: &'static [u32],
    pool: &'static str,
}

/// A dictionary hit: the key's length in bytes and the index of its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Hit {
    pub(crate) len: usize,
    pub(crate) value: u32,
}

fn u32s(range: (usize, usize)) -> &'static [u32] {
    bytemuck::cast_slice(&BLOB.bytes[range.0..range.0 + range.1 * 4])
}

fn u16s(range: (usize, usize)) -> &'static [u16] {
    bytemuck::cast_slice(&BLOB.bytes[range.0..range.0 + range.1 * 2])
}

impl Dict {
    fn load(layout: &'static DictLayout) -> Dict {
        let pool = &BLOB.bytes[layout.pool.0..layout.pool.0 + layout.pool.1];
        Dict {
            max_key_chars: layout.max_key_chars as usize,
            lead_bytes: layout.lead_bytes,
            page_index: u16s(layout.page_index),
            root_slots: u32s(layout.root_slots),
            first_child: u32s(layout.first_child),
            node_char: u32s(layout.node_char),
            node_value: u32s(layout.node_value),
            value_cands: u32s(layout.value_cands),
            cand_offsets: u32s(layout.cand_offsets),
            // build.rs wrote the pool from Rust strings; a failure here means
            // the blob is corrupt, which no user input can cause.
            pool: std::str::from_utf8(pool).expect("embedded dictionary pool is UTF-8"),
        }
    }

    /// The dictionary with index `i` in [`DICTS`], loaded once per process.
    pub(crate) fn get(i: usize) -> &'static Dict {
        static LOADED: [OnceLock<Dict>; DICTS.len()] = [const { OnceLock::new() }; DICTS.len()];
        LOADED[i].get_or_init(|| Dict::load(&DICTS[i]))
    }

    /// False when no key's UTF-8 encoding starts with byte `b`: a cheap
    /// filter before the real lookup.
    #[inline]
    pub(crate) fn lead_may_start(&self, b: u8) -> bool {
        self.lead_bytes[b as usize >> 5] & (1 << (b & 31)) != 0
    }

    /// The node of a key's first character `c`, if any key starts with it.
    #[inline]
    fn root(&self, c: char) -> Option<usize> {
        let c = c as usize;
        let page = *self.page_index.get(c >> 8)? as usize;
        if page == 0 {
            return None;
        }
        let slot = self.root_slots[(page - 1) * 256 + (c & 0xff)] as usize;
        slot.checked_sub(1)
    }

    #[inline]
    fn child(&self, node: usize, c: char) -> Option<usize> {
        let start = self.first_child[node] as usize;
        let end = self.first_child[node + 1] as usize;
        let kids = &self.node_char[start..end];
        kids.binary_search(&(c as u32)).ok().map(|k| start + k)
    }

    /// True when some key starts with `c`.
    #[inline]
    pub(crate) fn may_start(&self, c: char) -> bool {
        self.root(c).is_some()
    }

    /// The longest key that is a prefix of `text`.
    #[inline]
    pub(crate) fn longest(&self, text: &str) -> Option<Hit> {
        let mut chars = text.char_indices();
        let (_, first) = chars.next()?;
        let mut node = self.root(first)?;
        let mut best = None;
        let mut end = first.len_utf8();
        loop {
            let value = self.node_value[node];
            if value != u32::MAX {
                best = Some(Hit { len: end, value });
            }
            if self.first_child[node] == self.first_child[node + 1] {
                return best;
            }
            let Some((i, c)) = chars.next() else {
                return best;
            };
            match self.child(node, c) {
                Some(next) => {
                    node = next;
                    end = i + c.len_utf8();
                }
                None => return best,
            }
        }
    }

    /// The default conversion of a value.
    #[inline]
    pub(crate) fn default_of(&self, value: u32) -> &'static str {
        let j = self.value_cands[value as usize] as usize;
        &self.pool[self.cand_offsets[j] as usize..self.cand_offsets[j + 1] as usize]
    }
}

/// True when `c` occurs in no key of any dictionary: no match can span it.
pub(crate) fn in_no_key(c: char) -> bool {
    KEY_CHARS.binary_search(&(c as u32)).is_err()
}
