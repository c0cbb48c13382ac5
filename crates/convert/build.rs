//! Compiles the vendored OpenCC 1.4.2 dictionaries and configs into tables
//! that the library embeds, so the binary needs no data files at run time and
//! does no dictionary parsing at start-up.
//!
//! What is computed here (see docs/engine.md for the reasoning):
//!
//! * Each dictionary *group* of a config is flattened into one dictionary with
//!   plain longest-prefix semantics. For `union` groups the earliest dictionary
//!   wins a duplicated key (OpenCC keeps the first entry it sees). For
//!   `short_circuit` groups a key of a later dictionary is kept only when no
//!   prefix of it (itself included) is a key of an earlier one: whenever such
//!   a prefix exists, the earlier dictionary matches at that position and the
//!   later one is never consulted, so dropping the key changes nothing, and
//!   with it dropped a longest-prefix lookup gives exactly the group's answer.
//! * Dictionaries marked `may_output_tofu` are left out of the default variant
//!   of each config and kept in the `tofu` variant.
//! * Every flattened dictionary becomes a character trie in breadth-first
//!   layout: a two-level page table for the first character, then sorted
//!   child runs searched by binary search.
//!
//! The blob is written in the target's byte order and embedded with
//! `include_bytes!`; `tables.rs` describes where each array starts.

#![expect(
    clippy::expect_used,
    reason = "build-time data shipped with the crate: a failure is a build error with its message"
)]

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

#[path = "build/derive.rs"]
mod derive;
#[path = "src/layout.rs"]
#[allow(
    dead_code,
    reason = "the library reads some of these bits, build.rs others"
)]
mod layout;

const DATA_DIR: &str = "data/opencc";
/// bianyi's own configs (the pipelines of `--to`) and dictionaries.
const BIANYI_DIR: &str = "data/bianyi";

/// log2 of the bits of the filter of risks' first two characters.
const RISK_PAIR_BITS: u32 = layout::RISK_PAIR_BITS;

/// Ideographic description operators (U+2FF0..U+2FFF); see src/ids.rs.
fn is_ids_operator(c: char) -> bool {
    ('\u{2FF0}'..='\u{2FFF}').contains(&c)
}

#[derive(Clone, Debug)]
enum DictSpec {
    Leaf {
        file: String,
        tofu: bool,
    },
    Group {
        union: bool,
        children: Vec<DictSpec>,
    },
}

impl DictSpec {
    /// Drops tofu-risk leaves when `tofu` is false; `None` when nothing is left.
    fn resolve(&self, tofu: bool) -> Option<DictSpec> {
        match self {
            DictSpec::Leaf { tofu: true, .. } if !tofu => None,
            DictSpec::Leaf { .. } => Some(self.clone()),
            DictSpec::Group { union, children } => {
                let children: Vec<_> = children.iter().filter_map(|c| c.resolve(tofu)).collect();
                match children.len() {
                    0 => None,
                    1 => children.into_iter().next(),
                    _ => Some(DictSpec::Group {
                        union: *union,
                        children,
                    }),
                }
            }
        }
    }

    /// A canonical name, used to share identical flattened dictionaries.
    fn describe(&self) -> String {
        match self {
            DictSpec::Leaf { file, .. } => file.trim_end_matches(".txt").to_string(),
            DictSpec::Group { union, children } => {
                let inner: Vec<_> = children.iter().map(DictSpec::describe).collect();
                let policy = if *union { "union" } else { "short_circuit" };
                format!("{policy}[{}]", inner.join(", "))
            }
        }
    }

    fn files(&self, out: &mut BTreeSet<String>) {
        match self {
            DictSpec::Leaf { file, .. } => {
                out.insert(file.clone());
            }
            DictSpec::Group { children, .. } => children.iter().for_each(|c| c.files(out)),
        }
    }
}

/// A dictionary as OpenCC loads it: key -> candidate values (first = default).
type Entries = BTreeMap<String, Vec<String>>;

fn parse_dict_file(path: &Path) -> Entries {
    let text = fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read dictionary {}: {e}", path.display()));
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut entries = Entries::new();
    for (index, line) in text.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let where_ = format!("{}:{}", path.display(), index + 1);
        let (key, values) = line
            .split_once('\t')
            .unwrap_or_else(|| panic!("{where_}: no tab between key and values"));
        assert!(!key.is_empty(), "{where_}: empty key");
        // The engine copies an ideographic description sequence whole where
        // no key matches, and treats its operator as a boundary.
        assert!(
            !key.chars().any(is_ids_operator),
            "{where_}: key contains an IDS operator"
        );
        let values: Vec<String> = values.split(' ').map(str::to_string).collect();
        assert!(
            values.iter().all(|v| !v.is_empty()),
            "{where_}: empty value (OpenCC would output nothing for {key:?})"
        );
        for v in &values {
            // Stream cutting relies on IDS operators only ever coming from the input.
            assert!(
                !v.chars().any(is_ids_operator),
                "{where_}: value contains an IDS operator"
            );
        }
        let previous = entries.insert(key.to_string(), values);
        assert!(previous.is_none(), "{where_}: duplicated key {key:?}");
    }
    entries
}

fn flatten(spec: &DictSpec, files: &BTreeMap<String, Entries>) -> Entries {
    match spec {
        DictSpec::Leaf { file, .. } => files[file].clone(),
        DictSpec::Group {
            union: true,
            children,
        } => {
            let mut merged = Entries::new();
            for child in children {
                for (k, v) in flatten(child, files) {
                    merged.entry(k).or_insert(v);
                }
            }
            merged
        }
        DictSpec::Group {
            union: false,
            children,
        } => {
            let mut merged = Entries::new();
            let mut keys: HashSet<String> = HashSet::new();
            for child in children {
                let child_entries = flatten(child, files);
                let mut kept = Vec::new();
                for (k, v) in child_entries {
                    let shadowed = k
                        .char_indices()
                        .map(|(i, c)| &k[..i + c.len_utf8()])
                        .any(|prefix| keys.contains(prefix));
                    if !shadowed {
                        kept.push((k, v));
                    }
                }
                // Keys of one child never shadow each other: insert after the scan.
                for (k, v) in kept {
                    keys.insert(k.clone());
                    merged.insert(k, v);
                }
            }
            merged
        }
    }
}

fn parse_dict_spec(v: &Value, where_: &str) -> DictSpec {
    let ty = v["type"]
        .as_str()
        .unwrap_or_else(|| panic!("{where_}: dict without type"));
    match ty {
        "group" => {
            let union = match v.get("match_policy").and_then(Value::as_str) {
                None | Some("short_circuit") => false,
                Some("union") => true,
                Some(other) => panic!("{where_}: unknown match_policy {other}"),
            };
            let children = v["dicts"]
                .as_array()
                .unwrap_or_else(|| panic!("{where_}: group without dicts"))
                .iter()
                .map(|c| parse_dict_spec(c, where_))
                .collect();
            DictSpec::Group { union, children }
        }
        "text" | "ocd2" | "ocd" => {
            let file = v["file"]
                .as_str()
                .unwrap_or_else(|| panic!("{where_}: dict without file"));
            // Configs may name the binary .ocd2 form; the text form is what we vendor.
            let file = file.trim_end_matches(".ocd2").trim_end_matches(".ocd");
            let file = if file.ends_with(".txt") {
                file.to_string()
            } else {
                format!("{file}.txt")
            };
            let tofu = v
                .get("may_output_tofu")
                .and_then(Value::as_bool)
                .unwrap_or(false);
            DictSpec::Leaf { file, tofu }
        }
        other => panic!("{where_}: unsupported dictionary type {other}"),
    }
}

struct ConfigSpec {
    name: String,
    title: String,
    normalization: Vec<DictSpec>,
    segmentation: Option<DictSpec>,
    chain: Vec<DictSpec>,
}

fn parse_config(path: &Path) -> ConfigSpec {
    let where_ = path.display().to_string();
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{where_}: {e}"));
    let v: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{where_}: {e}"));
    let name = path
        .file_stem()
        .and_then(|s| s.to_str())
        .expect("config file name")
        .to_string();
    let chain_of = |key: &str| -> Vec<DictSpec> {
        v.get(key)
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .map(|s| parse_dict_spec(&s["dict"], &where_))
                    .collect()
            })
            .unwrap_or_default()
    };
    let segmentation = v.get("segmentation").map(|s| {
        assert_eq!(
            s["type"].as_str(),
            Some("mmseg"),
            "{where_}: only mmseg segmentation is supported"
        );
        parse_dict_spec(&s["dict"], &where_)
    });
    ConfigSpec {
        title: v["name"].as_str().unwrap_or(&name).to_string(),
        normalization: chain_of("normalization"),
        segmentation,
        chain: chain_of("conversion_chain"),
        name,
    }
}

/// Appends arrays to the blob, keeping every array 8-byte aligned. An array
/// equal byte for byte to one written before is not written again: its
/// range is the earlier one's (the configs share many tables and parts of
/// tables, the structure of a double array among them).
struct Blob {
    bytes: Vec<u8>,
    big_endian: bool,
    /// The string pool, embedded apart as one `&str` (`include_str!`) so
    /// that no UTF-8 check runs when a table is first used.
    text: String,
    /// Where each array written so far starts (lookups only, so the
    /// order of the map never reaches the output).
    written: std::collections::HashMap<Vec<u8>, usize>,
}

impl Blob {
    fn align(&mut self) {
        while !self.bytes.len().is_multiple_of(8) {
            self.bytes.push(0);
        }
    }
    /// Appends `values` in the target's byte order.
    fn array<T: Copy, const N: usize>(
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
    fn u64s(&mut self, values: &[u64]) -> (usize, usize) {
        self.array(values, u64::to_le_bytes, u64::to_be_bytes)
    }
    fn u32s(&mut self, values: &[u32]) -> (usize, usize) {
        self.array(values, u32::to_le_bytes, u32::to_be_bytes)
    }
    fn u16s(&mut self, values: &[u16]) -> (usize, usize) {
        self.array(values, u16::to_le_bytes, u16::to_be_bytes)
    }
    /// Appends a string pool to the text; its range in the text.
    fn text(&mut self, pool: &[u8]) -> (usize, usize) {
        let start = self.text.len();
        self.text
            .push_str(std::str::from_utf8(pool).expect("pools are built from strings"));
        (start, pool.len())
    }
}

// Encodings shared with src/tables.rs.
/// Value: a string in the pool; low bits index `strs`.
const VALUE_POOL: u32 = 1 << 30;
/// Value: one character of 1 to 3 UTF-8 bytes, in the low 24 bits (first
/// byte lowest; the marker keeps it non-zero).
const VALUE_CHAR: u32 = 1 << 29;
/// Value in a double array's cells only: a pool string by its place,
/// `VALUE_SPAN | start << SPAN_LEN_BITS | len`, so that writing it needs no
/// lookup in `strs` (strings shorter than 32 bytes starting in the first
/// 64 MiB of the pool).
const VALUE_SPAN: u32 = 1 << 31;
const SPAN_LEN_BITS: u32 = 5;
/// Run map: the character needs the full conversion chain, and so may its
/// neighbours within the plan's window (see src/engine.rs).
const RUN_TRIGGER: u32 = 1 << 31;
/// Run map: the character occurs in some key of some stage.
const RUN_KEY: u32 = 1 << 28;
/// Run map: the character begins a multi-character key of the first stage
/// that is not a segmentation key; check for a match where it occurs.
const RUN_T1START: u32 = 1 << 27;
/// Run map: a segmentation key starts with the character.
const RUN_SSTART: u32 = 1 << 26;
/// Run map: the character's stage-1 image begins a multi-character key of
/// stage 2 that is not a segmentation key; check for a match there.
const RUN_T2START: u32 = 1 << 25;
/// Run map: the character alone is a segmentation key (its segment's
/// output is the character's value in the map).
const RUN_SKEY1: u32 = 1 << 24;
/// Run map: a compatibility ideograph or an ideographic description
/// operator (in no key). `RUN_TRIGGER` without `RUN_KEY`, which no other
/// character has (triggers and phrase starts occur in keys).
const RUN_SPECIAL: u32 = RUN_TRIGGER;
/// Pool indexes stay below the flag bits.
const POOL_INDEX_LIMIT: u32 = 1 << 24;
/// log2 of the most bits in a trie's bigram filter.
const BIGRAM_BITS: u32 = 19;
/// log2 of the bits a trie's bigram filter has per distinct bigram (up to
/// `BIGRAM_BITS`): 64 bits each let through 1.5 % of the pairs that begin
/// no key, so small tries need not carry a 64 KiB filter.
const BIGRAM_BITS_PER_PAIR: u32 = 6;

/// Slot of the pair (a, b) in a trie's pair table (before masking).
fn pair_hash(a: u32, b: u32) -> usize {
    let h = (u64::from(a) << 21 | u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> 32) as usize
}

/// log2 of the bits in a segmented plan's filter of stage-2 pairs.
const T2_PAIR_BITS: u32 = 16;

/// The bit of a pair in the filter of stage-2 pairs: the low 10 bits of the
/// first character and the low 6 of the second (src/tables.rs,
/// `pair_index`).
fn t2_pair_index(a: u32, b: u32) -> usize {
    ((a & 0x3FF) << 6 | (b & 0x3F)) as usize
}

/// The bit of a pair in a hashed filter of pairs: stage-1 pairs, and the
/// second filter of stage-2 pairs (src/tables.rs, `hashed_index`).
fn hashed_pair_index(a: u32, b: u32) -> usize {
    let h = a.wrapping_mul(0x9E37_79B1) ^ b.wrapping_mul(0x85EB_CA77);
    (h.wrapping_mul(0xC2B2_AE35) >> (32 - T2_PAIR_BITS)) as usize
}

/// The bit of a pair in a bigram filter of `2^(32 - shift)` bits.
fn bigram_hash(a: u32, b: u32, shift: u32) -> usize {
    let h = a.wrapping_mul(0x9E37_79B1) ^ b.wrapping_mul(0x85EB_CA77);
    (h.rotate_left(13).wrapping_mul(0xC2B2_AE35) >> shift) as usize
}

/// The output strings of values, each stored once.
#[derive(Default)]
struct Pool {
    strs: Vec<u32>,
    bytes: Vec<u8>,
    index: BTreeMap<String, u32>,
}

impl Pool {
    /// The value encoding of `v`: inline when it is one character of at
    /// most 3 UTF-8 bytes (its bytes, first byte lowest).
    fn encode(&mut self, v: &str) -> u32 {
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
        let i = u32::try_from(self.strs.len() / 2).expect("pool fits u32");
        assert!(i < POOL_INDEX_LIMIT, "too many pool strings");
        let start = u32::try_from(self.bytes.len()).expect("pool fits u32");
        self.bytes.extend_from_slice(v.as_bytes());
        let end = u32::try_from(self.bytes.len()).expect("pool fits u32");
        self.strs.extend([start, end]);
        self.index.insert(v.to_string(), i);
        VALUE_POOL | i
    }

    /// The `VALUE_SPAN` form of value `v` where it has one, else `v`.
    fn span(&self, v: u32) -> u32 {
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

    fn emit(&self, blob: &mut Blob) -> String {
        let strs = blob.u32s(&self.strs);
        let pool = blob.text(&self.bytes);
        format!("strs: {strs:?}, pool: {pool:?}")
    }
}

/// log2 of the characters of a block of a character table.
const BLOCK_BITS: u32 = 4;
/// Characters per block.
const BLOCK: usize = 1 << BLOCK_BITS;
/// Blocks per page of 256 characters (the pages above the BMP).
const ROW: usize = 256 / BLOCK;

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
struct CharTables<T> {
    blocks: Vec<T>,
    block_ids: BTreeMap<Vec<T>, u16>,
    rows: Vec<u16>,
    row_ids: BTreeMap<Vec<u16>, u16>,
    /// Tables by content (their non-zero slots), and the content of each.
    tables: BTreeMap<Vec<(char, T)>, usize>,
    contents: Vec<Vec<(char, T)>>,
    layouts: Vec<String>,
}

impl<T: Copy + Default + Ord> CharTables<T> {
    fn new() -> CharTables<T> {
        CharTables {
            blocks: vec![T::default(); BLOCK],
            block_ids: BTreeMap::from([(vec![T::default(); BLOCK], 0)]),
            rows: vec![0; ROW],
            row_ids: BTreeMap::from([(vec![0; ROW], 0)]),
            tables: BTreeMap::new(),
            contents: Vec::new(),
            layouts: Vec::new(),
        }
    }

    fn block(&mut self, block: Vec<T>) -> u16 {
        if let Some(&id) = self.block_ids.get(&block) {
            return id;
        }
        let id = u16::try_from(self.blocks.len() / BLOCK)
            .expect("more than 65536 distinct blocks of slots: widen the block numbers");
        self.blocks.extend_from_slice(&block);
        self.block_ids.insert(block, id);
        id
    }

    fn row(&mut self, row: Vec<u16>) -> u16 {
        if let Some(&id) = self.row_ids.get(&row) {
            return id;
        }
        let id = u16::try_from(self.rows.len() / ROW).expect("row count fits u16");
        self.rows.extend_from_slice(&row);
        self.row_ids.insert(row, id);
        id
    }

    /// The table of `map` (index into `TABLES64` or `TABLES32`).
    fn table(&mut self, map: &BTreeMap<char, T>, blob: &mut Blob) -> usize {
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
        self.layouts
            .push(format!("CharTableLayout {{ bmp: {bmp:?}, sup: {sup:?} }}"));
        self.contents.push(content.clone());
        self.tables.insert(content, self.layouts.len() - 1);
        self.layouts.len() - 1
    }
}

#[derive(Default)]
struct TrieNode {
    key: Option<u32>,
    children: BTreeMap<char, usize>,
}

/// The characters keys start with: the key id (when it is a key itself),
/// and the second characters of the longer keys.
type Roots = Vec<(char, Option<u32>, Vec<char>)>;

/// Bit of a root slot's filter of second characters (0..31).
fn second_bit(c: u32) -> u32 {
    c.wrapping_mul(0x9E37_79B1) >> 27
}

/// Compiles the structure of a trie over `keys` (sorted); key `i` has id `i`.
/// Returns the Rust expression of its layout and its roots.
fn compile_trie(name: &str, keys: &[&str], blob: &mut Blob) -> (String, Roots) {
    let mut nodes: Vec<TrieNode> = vec![TrieNode::default()];
    let mut max_key_chars = 0;
    let mut lead_bytes = [0u32; 8];
    let pairs_of_keys: BTreeSet<(char, char)> = keys
        .iter()
        .filter_map(|k| {
            let mut chars = k.chars();
            Some((chars.next()?, chars.next()?))
        })
        .collect();
    let bigram_bits = (pairs_of_keys.len().max(1).next_power_of_two().ilog2()
        + BIGRAM_BITS_PER_PAIR)
        .min(BIGRAM_BITS);
    let bigram_shift = 32 - bigram_bits;
    let mut bigrams = vec![0u64; 1 << (bigram_bits - 6)];
    let mut has_bigrams = false;
    for (id, key) in keys.iter().enumerate() {
        let mut n = 0;
        for c in key.chars() {
            n = match nodes[n].children.get(&c) {
                Some(&child) => child,
                None => {
                    nodes.push(TrieNode::default());
                    let child = nodes.len() - 1;
                    nodes[n].children.insert(c, child);
                    child
                }
            };
        }
        max_key_chars = max_key_chars.max(key.chars().count());
        let lead = key.as_bytes()[0];
        lead_bytes[lead as usize / 32] |= 1 << (lead % 32);
        let mut chars = key.chars();
        if let (Some(a), Some(b)) = (chars.next(), chars.next()) {
            let h = bigram_hash(a as u32, b as u32, bigram_shift);
            bigrams[h / 64] |= 1 << (h % 64);
            has_bigrams = true;
        }
        nodes[n].key = Some(u32::try_from(id).expect("key id fits u32"));
    }

    // Breadth-first numbering of the nodes of second characters and all
    // deeper ones; every node's children are contiguous. The nodes of
    // first characters are not stored: lookups start from the root slots
    // and the pair table. So tries that differ only in one-character keys
    // (TSPhrases with and without TSCharacters) have the same arrays but
    // for `node_key`, and the blob stores them once.
    let mut order: Vec<usize> = Vec::new();
    let mut id_of = vec![u32::MAX; nodes.len()];
    let mut queue: std::collections::VecDeque<usize> = nodes[0]
        .children
        .values()
        .flat_map(|&n| nodes[n].children.values().copied())
        .collect();
    let seconds = queue.len();
    while let Some(n) = queue.pop_front() {
        id_of[n] = u32::try_from(order.len()).expect("node count fits u32");
        order.push(n);
        queue.extend(nodes[n].children.values().copied());
    }
    let count = |n: usize| u32::try_from(nodes[n].children.len()).expect("child count fits u32");
    let mut first_child = Vec::with_capacity(order.len() + 1);
    let mut node_char = vec![0u32; order.len()];
    let mut node_key = Vec::with_capacity(order.len());
    let mut next_child = u32::try_from(seconds).expect("node count fits u32");
    for &n in &order {
        first_child.push(next_child);
        next_child += count(n);
        node_key.push(nodes[n].key.map_or(0, |k| k + 1));
        for (&c, &child) in &nodes[n].children {
            node_char[id_of[child] as usize] = c as u32;
        }
    }
    first_child.push(next_child);
    for (i, &n) in order.iter().enumerate() {
        let kids: Vec<u32> = nodes[n].children.values().map(|&k| id_of[k]).collect();
        let expect: Vec<u32> = (first_child[i]..first_child[i + 1]).collect();
        assert_eq!(kids, expect, "{name}: breadth-first layout broken");
    }

    let roots: Roots = nodes[0]
        .children
        .iter()
        .map(|(&c, &child)| {
            let seconds = nodes[child].children.keys().copied().collect();
            (c, nodes[child].key, seconds)
        })
        .collect();
    // The pair table: (first char, second char) -> node of the second
    // char, for the first step below the root (open addressing; 0 = empty).
    let pair_count: usize = nodes[0]
        .children
        .values()
        .map(|&n| nodes[n].children.len())
        .sum();
    let size = (pair_count * 2).next_power_of_two().max(1);
    let mut pairs = vec![0u64; if pair_count == 0 { 0 } else { size }];
    for (&a, &n) in &nodes[0].children {
        for (&b, &child) in &nodes[n].children {
            assert!(
                a as u32 != 0 && id_of[child] < (1 << 22),
                "{name}: pair table encoding"
            );
            let entry =
                (u64::from(a as u32) << 43) | (u64::from(b as u32) << 22) | u64::from(id_of[child]);
            let mut h = pair_hash(a as u32, b as u32) & (size - 1);
            while pairs[h] != 0 {
                h = (h + 1) & (size - 1);
            }
            pairs[h] = entry;
        }
    }
    let pairs = blob.u64s(&pairs);
    let first_child = blob.u32s(&first_child);
    let node_char = blob.u32s(&node_char);
    let node_key = blob.u32s(&node_key);
    let bigrams = if has_bigrams {
        blob.u64s(&bigrams)
    } else {
        (0, 0)
    };
    let layout = format!(
        "TrieLayout {{ name: {name:?}, keys: {}, max_key_chars: {max_key_chars}, lead_bytes: {lead_bytes:?}, \
         first_child: {first_child:?}, node_char: {node_char:?}, node_key: {node_key:?}, \
         bigrams: {bigrams:?}, bigram_shift: {bigram_shift}, pairs: {pairs:?} }}",
        keys.len()
    );
    (layout, roots)
}

/// Greedy longest-prefix conversion with `entries`, as one OpenCC stage does
/// on a text without ideographic description sequences.
fn greedy(entries: &Entries, max_chars: usize, text: &str) -> String {
    let bounds: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let mut out = String::new();
    let mut p = 0;
    while p + 1 < bounds.len() {
        let longest = (1..=max_chars.min(bounds.len() - 1 - p))
            .rev()
            .find_map(|n| entries.get(&text[bounds[p]..bounds[p + n]]).map(|v| (n, v)));
        match longest {
            Some((n, values)) => {
                out.push_str(&values[0]);
                p += n;
            }
            None => {
                out.push_str(&text[bounds[p]..bounds[p + 1]]);
                p += 1;
            }
        }
    }
    out
}

fn max_chars(entries: &Entries) -> usize {
    entries.keys().map(|k| k.chars().count()).max().unwrap_or(1)
}

/// Bits of a double-array root slot's low half that hold the character's
/// code; the rest hold its node (src/tables.rs `FastDict`).
const DA_CODE_BITS: u32 = 14;
/// Double-array root slot of compatibility ideographs and IDS operators.
const DA_SPECIAL: u64 = 1 << 63;

/// The smallest free cell at or after `i` (`next[i] == i` when cell `i` is
/// free; cells past the end are free).
fn da_find(next: &mut Vec<usize>, mut i: usize) -> usize {
    loop {
        if i >= next.len() {
            next.extend(next.len()..=i);
            return i;
        }
        if next[i] == i {
            return i;
        }
        let up = next[i];
        if up < next.len() {
            next[i] = next[up];
        }
        i = up;
    }
}

fn da_take(next: &mut Vec<usize>, i: usize) {
    if next.len() <= i + 1 {
        next.extend(next.len()..=i + 1);
    }
    next[i] = i + 1;
}

/// A double-array trie over `keys` (sorted) with the encoded `values`.
///
/// Cells are `[check, value, base, filter]` (the filter: bit `code % 32` for
/// every child's code). A key's first character is found
/// through the root slots (a page table): `own value << 32 | node << 14 |
/// code`, where `node` is the cell of the one-character prefix when longer
/// keys start with it (0 otherwise) and `code` (0: none) is the character's
/// code when it occurs after the first character of some key. The child of
/// cell `p` for a character of code `k` is cell `base(p) + k` when that
/// cell's check is `p`. A cell with base 0 has no children. Cells of
/// one-character prefixes have check 0, which no transition accepts.
fn double_array(keys: &[String], values: &[u32]) -> (Vec<[u32; 4]>, BTreeMap<char, u64>) {
    struct Node {
        value: u32,
        children: BTreeMap<char, usize>,
    }
    let mut nodes = vec![Node {
        value: 0,
        children: BTreeMap::new(),
    }];
    for (key, &value) in keys.iter().zip(values) {
        let mut n = 0;
        for c in key.chars() {
            n = match nodes[n].children.get(&c) {
                Some(&x) => x,
                None => {
                    nodes.push(Node {
                        value: 0,
                        children: BTreeMap::new(),
                    });
                    let x = nodes.len() - 1;
                    nodes[n].children.insert(c, x);
                    x
                }
            };
        }
        nodes[n].value = value;
    }
    // Codes for the characters after the first, most frequent first.
    let mut freq: BTreeMap<char, usize> = BTreeMap::new();
    for n in &nodes[1..] {
        for &c in n.children.keys() {
            *freq.entry(c).or_default() += 1;
        }
    }
    let mut by_freq: Vec<(usize, char)> = freq.into_iter().map(|(c, k)| (k, c)).collect();
    by_freq.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    // Codes that are multiples of 32 are not given out: the children
    // filter (bit `code % 32`) then never has bit 0 set, so a character
    // that continues no key (code 0: punctuation, most ASCII) is always
    // ruled out by the filter instead of loading a cell (measured: a third
    // of the lookups that passed the filter and found nothing on a
    // Wikipedia-style text, data54k).
    let code: BTreeMap<char, usize> = by_freq
        .iter()
        .enumerate()
        .map(|(i, &(_, c))| (c, i + 1 + i / 31))
        .collect();
    assert!(
        code.values().all(|&k| k < 1 << DA_CODE_BITS && k % 32 != 0),
        "double array: too many codes"
    );

    // Cell 0 is never a node's child: its check is no cell's index (not
    // even 0, so that a lookup below "node 0", no node, finds nothing) and
    // its filter 0.
    let mut cells: Vec<[u32; 4]> = vec![[u32::MAX, 0, 0, 0]];
    let mut next: Vec<usize> = Vec::new();
    da_take(&mut next, 0);
    let cell = |cells: &mut Vec<[u32; 4]>, i: usize| {
        if cells.len() <= i {
            cells.resize(i + 1, [0; 4]);
        }
    };
    let index = |i: usize| u32::try_from(i).expect("double array index fits u32");
    let mut queue = std::collections::VecDeque::new();
    let mut roots: BTreeMap<char, u64> = BTreeMap::new();
    // The cells of the first characters come first, those that start the
    // most keys (a proxy for frequent characters) at the front, so that
    // the cells looked up at most characters of a text share few cache
    // lines; their children are placed in the same order.
    let mut under = vec![0usize; nodes.len()];
    for n in (0..nodes.len()).rev() {
        under[n] += usize::from(nodes[n].value != 0);
        for &x in nodes[n].children.values() {
            under[n] += under[x];
        }
    }
    let mut firsts: Vec<(char, usize)> = nodes[0].children.iter().map(|(&c, &x)| (c, x)).collect();
    firsts.sort_by(|a, b| under[b.1].cmp(&under[a.1]).then(a.0.cmp(&b.0)));
    for &(c, child) in &firsts {
        let mut at = 0;
        if !nodes[child].children.is_empty() {
            at = da_find(&mut next, 1);
            da_take(&mut next, at);
            cell(&mut cells, at);
            queue.push_back((child, at));
        }
        roots.insert(
            c,
            u64::from(nodes[child].value) << 32 | (at as u64) << DA_CODE_BITS,
        );
    }
    for (&c, &k) in &code {
        *roots.entry(c).or_default() |= k as u64;
    }
    while let Some((n, at)) = queue.pop_front() {
        let kids: Vec<(usize, usize)> = nodes[n]
            .children
            .iter()
            .map(|(c, &x)| (code[c], x))
            .collect();
        let first = kids
            .iter()
            .map(|&(k, _)| k)
            .min()
            .expect("a parent has children");
        // base = f - first >= 1, with every child's cell free.
        let mut f = da_find(&mut next, first + 1);
        loop {
            let base = f - first;
            if kids
                .iter()
                .all(|&(k, _)| base + k >= next.len() || next[base + k] == base + k)
            {
                break;
            }
            f = da_find(&mut next, f + 1);
        }
        let base = f - first;
        cells[at][2] = index(base);
        // A filter of the children's codes (bit `code % 32`), so that most
        // failing child lookups need not load the child's cell.
        cells[at][3] = kids.iter().fold(0, |m, &(k, _)| m | 1 << (k % 32));
        for &(k, x) in &kids {
            let i = base + k;
            da_take(&mut next, i);
            cell(&mut cells, i);
            cells[i] = [index(at), nodes[x].value, 0, 0];
            if !nodes[x].children.is_empty() {
                queue.push_back((x, i));
            }
        }
    }
    assert!(
        cells.len() < 1 << (32 - DA_CODE_BITS),
        "double array: too many cells"
    );
    (cells, roots)
}

/// The root slots of a trie's keys: for each first character the value
/// of the one-character key in the high half (0: none) and a 32-bit filter
/// of the second characters of longer keys (never 0 when there are any) in
/// the low half. `value` gives the value of key id `k`.
fn root_slots(roots: &Roots, value: impl Fn(u32) -> u32) -> BTreeMap<char, u64> {
    roots
        .iter()
        .map(|(c, key, seconds)| {
            let value = key.map_or(0, |k| u64::from(value(k)));
            // 0 exactly when no longer key starts with `c`.
            let filter = seconds
                .iter()
                .fold(0u32, |f, &s| f | 1 << second_bit(s as u32));
            (*c, value << 32 | u64::from(filter))
        })
        .collect()
}

/// The root slots (see [`root_slots`]) of the keys `keys` with their codes.
fn key_root_slots<'k>(keys: impl Iterator<Item = (&'k str, u32)>) -> BTreeMap<char, u64> {
    let mut slots: BTreeMap<char, u64> = BTreeMap::new();
    for (key, code) in keys {
        let mut chars = key.chars();
        let Some(first) = chars.next() else { continue };
        let slot = slots.entry(first).or_default();
        match chars.next() {
            None => *slot |= u64::from(code) << 32,
            Some(second) => *slot |= 1 << second_bit(second as u32),
        }
    }
    slots
}

/// Interns compiled tries and value tables so that identical ones are stored once.
struct Compiler<'a> {
    blob: Blob,
    files: &'a BTreeMap<String, Entries>,
    /// The output strings of every values table and run map, each once.
    pool: Pool,
    tables64: CharTables<u64>,
    tables32: CharTables<u32>,
    tries: BTreeMap<Vec<String>, usize>,
    trie_layouts: Vec<String>,
    trie_roots: Vec<Roots>,
    values: BTreeMap<(usize, Vec<String>), usize>,
    value_layouts: Vec<String>,
    charmaps: BTreeMap<Vec<(char, String, u32)>, usize>,
    charmap_layouts: Vec<String>,
    runmaps: BTreeMap<Vec<(char, String, u32, u32)>, usize>,
    runmap_layouts: Vec<String>,
    /// The keys of each trie, and the encoded values of each values table.
    trie_keys: Vec<Vec<String>>,
    value_codes: Vec<Vec<u32>>,
    /// Double arrays by (trie, values): index and root slots.
    fast_dicts: BTreeMap<(usize, usize), (usize, BTreeMap<char, u64>)>,
    fast_layouts: Vec<String>,
    slot_layouts: Vec<String>,
    /// The table of the root slots of each values table (`TABLES64`).
    value_roots: Vec<usize>,
    /// Flat copies of the BMP of some tables (see [`Compiler::flat`]), by
    /// table, and their layouts.
    flats: BTreeMap<usize, usize>,
    flat_layouts: Vec<String>,
    /// Per double array: its table of root slots, and its flat copy if any.
    fast_roots: Vec<(usize, Option<usize>)>,
}

impl Compiler<'_> {
    fn trie(&mut self, name: &str, keys: Vec<String>) -> usize {
        if let Some(&i) = self.tries.get(&keys) {
            return i;
        }
        let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
        let (layout, roots) = compile_trie(name, &refs, &mut self.blob);
        self.trie_layouts.push(layout);
        self.trie_roots.push(roots);
        self.trie_keys.push(keys.clone());
        self.tries.insert(keys, self.trie_layouts.len() - 1);
        self.trie_layouts.len() - 1
    }

    /// Values for the keys of a trie, with the trie's root slots (which
    /// carry the values of one-character keys).
    fn values(&mut self, trie: usize, values: Vec<String>) -> usize {
        let key = (trie, values);
        if let Some(&i) = self.values.get(&key) {
            return i;
        }
        let encoded: Vec<u32> = key.1.iter().map(|v| self.pool.encode(v)).collect();
        let slots = root_slots(&self.trie_roots[trie], |k| encoded[k as usize]);
        self.push_values(&slots, encoded);
        self.values.insert(key, self.value_layouts.len() - 1);
        self.value_layouts.len() - 1
    }

    fn push_values(&mut self, slots: &BTreeMap<char, u64>, encoded: Vec<u32>) {
        let roots = self.tables64.table(slots, &mut self.blob);
        let vals = self.blob.u32s(&encoded);
        self.value_layouts
            .push(format!("ValuesLayout {{ roots: {roots}, vals: {vals:?} }}"));
        self.value_codes.push(encoded);
        self.value_roots.push(roots);
    }

    /// A dictionary: its trie and the given value of each key (sorted order).
    fn dict(
        &mut self,
        name: &str,
        entries: &Entries,
        value_of: impl Fn(&str, &[String]) -> String,
    ) -> String {
        let (trie, values) = self.dict_ids(name, entries, value_of);
        format!("DictRef {{ trie: {trie}, values: {values} }}")
    }

    /// [`Compiler::dict`], as indexes (trie, values).
    fn dict_ids(
        &mut self,
        name: &str,
        entries: &Entries,
        value_of: impl Fn(&str, &[String]) -> String,
    ) -> (usize, usize) {
        let keys: Vec<String> = entries.keys().cloned().collect();
        let values: Vec<String> = entries.iter().map(|(k, v)| value_of(k, v)).collect();
        let trie = self.trie(name, keys);
        let values = self.values(trie, values);
        (trie, values)
    }

    /// Dictionaries whose values are numbers (word frequencies, flags),
    /// stored as `n + 1`, over one trie of all their keys: in each, the
    /// keys of the others have the value 0, which src/tables.rs reads as
    /// no key. Their keys overlap (jieba's words are splitters; the risks
    /// of the configs are mostly the same), so one trie is most of the
    /// size of the several. The root slots are each dictionary's own.
    fn numbers(&mut self, name: &str, dicts: &[&BTreeMap<String, u32>]) -> Vec<String> {
        let keys: BTreeSet<&String> = dicts.iter().flat_map(|d| d.keys()).collect();
        let keys: Vec<String> = keys.into_iter().cloned().collect();
        let trie = self.trie(name, keys);
        let mut refs = Vec::new();
        for dict in dicts {
            let encoded: Vec<u32> = self.trie_keys[trie]
                .iter()
                .map(|k| dict.get(k).map_or(0, |n| n + 1))
                .collect();
            let slots = key_root_slots(dict.iter().map(|(k, n)| (k.as_str(), n + 1)));
            // Not interned with `values`: the codes of numbers are not strings.
            self.push_values(&slots, encoded);
            refs.push(format!(
                "DictRef {{ trie: {trie}, values: {} }}",
                self.value_layouts.len() - 1
            ));
        }
        refs
    }

    /// A table of u64 slots (for src/tables.rs `SlotMap`).
    fn slots(&mut self, map: &BTreeMap<char, u64>) -> usize {
        let table = self.tables64.table(map, &mut self.blob);
        self.slot_layouts
            .push(format!("SlotsLayout {{ table: {table} }}"));
        self.slot_layouts.len() - 1
    }

    /// A flat copy of the Basic Multilingual Plane of table `table` (of
    /// u64 slots), for the tables looked up at nearly every character of a
    /// text: the run maps of segmented configs and the double arrays of
    /// single-stage ones. One load per lookup instead of the two of a
    /// character table: the engine was 5-15 % slower on the bench corpora
    /// without them (docs/benchmarks.md, "Build profiles and binary size").
    /// 512 KiB each, 36 of them, 18 MB of the executable.
    fn flat(&mut self, table: usize) -> usize {
        if let Some(&i) = self.flats.get(&table) {
            return i;
        }
        let mut bmp = vec![0u64; 0x1_0000];
        for &(c, v) in self.tables64.contents[table]
            .iter()
            .take_while(|(c, _)| (*c as u32) < 0x1_0000)
        {
            bmp[c as usize] = v;
        }
        let bmp = self.blob.u64s(&bmp);
        self.flat_layouts
            .push(format!("FlatLayout {{ table: {table}, bmp: {bmp:?} }}"));
        self.flats.insert(table, self.flat_layouts.len() - 1);
        self.flat_layouts.len() - 1
    }

    /// Gives double array `fast` a flat copy of its root slots.
    fn fast_flat(&mut self, fast: usize) {
        let table = self.fast_roots[fast].0;
        self.fast_roots[fast].1 = Some(self.flat(table));
    }

    /// The table of the root slots of values table `values`.
    fn values_roots(&self, values: usize) -> usize {
        self.value_roots[values]
    }

    /// The double array of a dictionary (see [`double_array`]): its index
    /// and its root slots.
    fn fast_dict(&mut self, trie: usize, values: usize) -> (usize, BTreeMap<char, u64>) {
        if let Some(found) = self.fast_dicts.get(&(trie, values)) {
            return found.clone();
        }
        let keys = &self.trie_keys[trie];
        let (mut cells, roots) = double_array(keys, &self.value_codes[values]);
        // Values in cells (keys of two or more characters) are written from
        // their place in the pool; the root slots keep the usual codes.
        for cell in &mut cells {
            cell[1] = self.pool.span(cell[1]);
        }
        let mut lead_bytes = [0u32; 8];
        for key in keys {
            let lead = key.as_bytes()[0];
            lead_bytes[lead as usize / 32] |= 1 << (lead % 32);
        }
        // Compatibility ideographs and IDS operators (in no key) are marked,
        // so that other characters in no key need no check.
        let mut slots = roots.clone();
        let special = ('\u{F900}'..='\u{FAFF}')
            .chain('\u{2F800}'..='\u{2FA1F}')
            .chain('\u{2FF0}'..='\u{2FFF}');
        for c in special {
            let slot = slots.entry(c).or_default();
            assert_eq!(*slot, 0, "{c:?} is in a key");
            *slot = DA_SPECIAL;
        }
        let table = self.tables64.table(&slots, &mut self.blob);
        // Stored as three arrays: the checks, the values, and (base,
        // filter) pairs. A failing child lookup, the most common, reads a
        // pair and a check, from arrays a half and a quarter the size of
        // whole cells. The checks and pairs depend on the keys only, so
        // the double arrays of one trie with other values share them.
        let checks: Vec<u32> = cells.iter().map(|c| c[0]).collect();
        let cell_values: Vec<u32> = cells.iter().map(|c| c[1]).collect();
        let links: Vec<u32> = cells.iter().flat_map(|c| [c[2], c[3]]).collect();
        let checks = self.blob.u32s(&checks);
        let cell_values = self.blob.u32s(&cell_values);
        let links = self.blob.u32s(&links);
        // `flat: …` is added at the end (see `Compiler::fast_flat`).
        self.fast_layouts.push(format!(
            "FastDictLayout {{ roots: {table}, checks: {checks:?}, values: {cell_values:?}, links: {links:?}, lead_bytes: {lead_bytes:?}"
        ));
        self.fast_roots.push((table, None));
        let found = (self.fast_layouts.len() - 1, roots);
        self.fast_dicts.insert((trie, values), found.clone());
        found
    }

    /// A stage dictionary with OpenCC's values (the first candidate).
    fn stage(&mut self, spec: &DictSpec) -> String {
        let entries = flatten(spec, self.files);
        self.dict(&spec.describe(), &entries, |_, v| v[0].clone())
    }

    /// The keys of a stage with more than one candidate, each mapped to all
    /// its candidates joined by tabs (for ambiguity reports).
    fn alternatives(&mut self, spec: &DictSpec) -> String {
        let entries: Entries = flatten(spec, self.files)
            .into_iter()
            .filter(|(_, v)| v.len() > 1)
            .collect();
        self.dict(
            &format!("{} (alternatives)", spec.describe()),
            &entries,
            |_, v| v.join("\t"),
        )
    }

    /// A character map: for each character its output (unchanged when it
    /// is the character itself) and flags.
    fn charmap(&mut self, map: Vec<(char, String, u32)>) -> usize {
        if let Some(&i) = self.charmaps.get(&map) {
            return i;
        }
        let mut pool = Pool::default();
        let slots: BTreeMap<char, u32> = map
            .iter()
            .map(|(c, v, flags)| {
                let value = if v.chars().eq([*c]) {
                    0
                } else {
                    pool.encode(v)
                };
                (*c, value | flags)
            })
            .collect();
        // Only the flags of pool values are read (src/fast.rs): the
        // strings themselves are not stored.
        let table = self.tables32.table(&slots, &mut self.blob);
        let layout = format!("CharMapLayout {{ table: {table} }}");
        self.charmap_layouts.push(layout);
        self.charmaps.insert(map, self.charmap_layouts.len() - 1);
        self.charmap_layouts.len() - 1
    }

    /// A run map: a character map whose u64 slots carry, besides the value
    /// and flags (high half), the low half of the character's root slot in
    /// the double array of the segmentation (see [`double_array`]).
    fn runmap(&mut self, map: Vec<(char, String, u32, u32)>) -> usize {
        if let Some(&i) = self.runmaps.get(&map) {
            return i;
        }
        let slots: BTreeMap<char, u64> = map
            .iter()
            .map(|(c, v, flags, filter)| {
                let value = if v.chars().eq([*c]) {
                    0
                } else {
                    self.pool.encode(v)
                };
                (*c, u64::from(value | flags) << 32 | u64::from(*filter))
            })
            .collect();
        let table = self.tables64.table(&slots, &mut self.blob);
        let flat = self.flat(table);
        let layout = format!("RunMapLayout {{ flat: {flat} }}");
        self.runmap_layouts.push(layout);
        self.runmaps.insert(map, self.runmap_layouts.len() - 1);
        self.runmap_layouts.len() - 1
    }
}

/// The single-pass plan of a config variant (see src/engine.rs).
fn fast_plan(
    compiler: &mut Compiler<'_>,
    segmentation: Option<&DictSpec>,
    stages: &[DictSpec],
) -> String {
    let entries: Vec<Entries> = stages.iter().map(|s| flatten(s, compiler.files)).collect();
    let maxes: Vec<usize> = entries.iter().map(max_chars).collect();
    let chain = |text: &str| -> String {
        let mut t = text.to_string();
        for (e, &m) in entries.iter().zip(&maxes) {
            t = greedy(e, m, &t);
        }
        t
    };
    let Some(seg) = segmentation else {
        return match stages {
            [only] => {
                let entries = flatten(only, compiler.files);
                let (trie, values) =
                    compiler.dict_ids(&only.describe(), &entries, |_, v| v[0].clone());
                let (fast, _) = compiler.fast_dict(trie, values);
                compiler.fast_flat(fast);
                format!("FastPlan::Single {{ fast: {fast} }}")
            }
            _ => "FastPlan::General".to_string(),
        };
    };
    let seg_entries = flatten(seg, compiler.files);
    // Matched segments: the chain's output for each segmentation key.
    let (seg_trie, seg_values) = compiler.dict_ids(
        &format!("{} (chained)", seg.describe()),
        &seg_entries,
        |k, _| chain(k),
    );
    let (seg_fast, seg_roots) = compiler.fast_dict(seg_trie, seg_values);

    // Unmatched runs: per character, the chain's output for it alone and
    // flags saying where that is not the whole story (src/engine.rs).
    //
    // A multi-character key of stage 1 that is a segmentation key cannot
    // match inside a run (the segmenter would have matched it); the others
    // are checked where their first character occurs. At later stages, a
    // key that is also a segmentation key can only match across a character
    // some earlier stage changed (on unchanged text the segmenter would have
    // matched it): such changed characters are triggers, and their
    // neighbours within `window` characters go through the chain with them.
    // Characters whose image can be part of any other multi-character key
    // of a later stage are triggers too.
    let mut same_as_seg: Vec<BTreeSet<char>> = Vec::new();
    let mut other: Vec<BTreeSet<char>> = Vec::new();
    let mut window = 0;
    for e in &entries {
        let mut s = BTreeSet::new();
        let mut o = BTreeSet::new();
        for key in e.keys() {
            if key.chars().nth(1).is_some() {
                if seg_entries.contains_key(key) {
                    s.extend(key.chars());
                } else {
                    o.extend(key.chars());
                }
            }
        }
        same_as_seg.push(s);
        other.push(o);
    }
    for (k, e) in entries.iter().enumerate().skip(1) {
        if !same_as_seg[k].is_empty() {
            window = window.max(max_chars(e) - 1);
        }
    }
    let starts_of = |e: &Entries| -> BTreeSet<char> {
        e.keys()
            .filter(|k| k.chars().nth(1).is_some() && !seg_entries.contains_key(*k))
            .filter_map(|k| k.chars().next())
            .collect()
    };
    let t1_starts = starts_of(&entries[0]);
    // Stage 2's other multi-character keys are also checked where they can
    // start (on the stage-1 image); later stages' are flagged statically.
    let t2_starts = entries.get(1).map(starts_of).unwrap_or_default();
    let mut domain: BTreeSet<char> = BTreeSet::new();
    for e in &entries {
        for key in e.keys() {
            domain.extend(key.chars());
        }
    }
    let key_chars = domain.clone();
    let seg_starts: BTreeSet<char> = seg_entries
        .keys()
        .filter_map(|k| k.chars().next())
        .collect();
    domain.extend(&seg_starts);
    // Every character of a segmentation key has the segmentation's root
    // slot (node and code in its double array) in the low half.
    for key in seg_entries.keys() {
        domain.extend(key.chars());
    }
    let mut map = Vec::new();
    let mut image1_map = Vec::new();
    for c in domain {
        let mut image = c.to_string();
        let mut flags = if key_chars.contains(&c) { RUN_KEY } else { 0 };
        if seg_starts.contains(&c) {
            flags |= RUN_SSTART;
        }
        if t1_starts.contains(&c) {
            flags |= RUN_T1START;
        }
        for (k, (e, &m)) in entries.iter().zip(&maxes).enumerate() {
            if k > 0 {
                let changed = !image.chars().eq([c]);
                if changed && image.chars().any(|x| same_as_seg[k].contains(&x)) {
                    flags |= RUN_TRIGGER;
                }
                let single = image.chars().count() == 1;
                if k == 1 && single {
                    if image.chars().next().is_some_and(|x| t2_starts.contains(&x)) {
                        flags |= RUN_T2START;
                    }
                } else if image.chars().any(|x| other[k].contains(&x)) {
                    flags |= RUN_TRIGGER;
                }
            }
            image = greedy(e, m, &image);
            if k == 0 && !image.chars().eq([c]) {
                image1_map.push((c, image.clone(), 0));
            }
        }
        if seg_entries.contains_key(c.to_string().as_str()) {
            // Its segment's output is the chain's output for it alone.
            assert_eq!(chain(&c.to_string()), image);
            flags |= RUN_SKEY1;
        }
        let seg_root = seg_roots.get(&c).map_or(0, |&r| {
            u32::try_from(r & 0xFFFF_FFFF).expect("low half of a root slot")
        });
        map.push((c, image, flags, seg_root));
    }
    // Compatibility ideographs and IDS operators are marked, so that other
    // characters in no key need no check.
    for c in ('\u{F900}'..='\u{FAFF}')
        .chain('\u{2F800}'..='\u{2FA1F}')
        .chain('\u{2FF0}'..='\u{2FFF}')
    {
        assert!(!map.iter().any(|(k, ..)| *k == c), "{c:?} is in a key");
        map.push((c, c.to_string(), RUN_SPECIAL, 0));
    }
    map.sort_by_key(|(c, ..)| *c);
    assert!(map.iter().all(
        |(_, _, f, _)| f & (RUN_TRIGGER | RUN_T1START | RUN_T2START) == 0
            || f & RUN_KEY != 0
            || *f == RUN_SPECIAL
    ));
    let any_t1 = map
        .iter()
        .any(|(_, _, f, _)| f & RUN_KEY != 0 && f & (RUN_T1START | RUN_TRIGGER) != 0);
    let any_t2 = map.iter().any(|(_, _, flags, _)| flags & RUN_T2START != 0);
    // The window is only needed around triggers and stage-1 phrase starts.
    // Without them (s2tw, s2twp, s2hk, s2hkp), every stretch starts at a
    // character where the stage-2 check found a key: stage 2's greedy
    // matching over the run starts a match there, since no match can span
    // it (every earlier character of the run was checked and starts no key
    // that reaches it, or ended an earlier stretch). A stretch ends at the
    // first character past every key found in it that starts no key itself,
    // so no match spans its end either: no neighbours are needed
    // (docs/engine.md).
    if !any_t1 {
        window = 0;
    }
    // Many characters with `RUN_T2START` (s2twp: TWPhrases) make a branch
    // on the flag hard to predict; with few (s2tw) it is the cheaper test.
    let many_t2 = map
        .iter()
        .filter(|(_, _, flags, _)| flags & RUN_T2START != 0)
        .count()
        > 100;
    // A filter of the pairs (a, b) of characters where a has RUN_T2START
    // and the stage-1 images of a and b begin a key of stage 2 (or b's
    // image is not one character, which the exact check treats as a
    // possible match): where a pair is not in it, the exact check would
    // find nothing. Characters outside the map are their own images and
    // in no key.
    // Two filters of the same pairs: by the low bits (asked in the loop),
    // then by a hash (asked before the exact check).
    let words = 1 << (T2_PAIR_BITS - 6);
    let mut t2_pairs = vec![0u64; 2 * words];
    if let (true, Some(e2)) = (any_t2, entries.get(1)) {
        let starts: BTreeSet<char> = map
            .iter()
            .filter(|(_, _, f, _)| f & RUN_T2START != 0)
            .map(|(c, ..)| *c)
            .collect();
        let mut pre: BTreeMap<char, Vec<char>> = BTreeMap::new();
        let mut multi = Vec::new();
        for (c, ..) in &map {
            let image = greedy(&entries[0], maxes[0], &c.to_string());
            let mut chars = image.chars();
            match (chars.next(), chars.next()) {
                (Some(x), None) => pre.entry(x).or_default().push(*c),
                _ => multi.push(*c),
            }
        }
        let mut set = |a: char, b: char| {
            let h = t2_pair_index(a as u32, b as u32);
            t2_pairs[h / 64] |= 1 << (h % 64);
            let h = words * 64 + hashed_pair_index(a as u32, b as u32);
            t2_pairs[h / 64] |= 1 << (h % 64);
        };
        for key in e2.keys() {
            let mut chars = key.chars();
            let (Some(x), Some(y)) = (chars.next(), chars.next()) else {
                continue;
            };
            for &a in pre.get(&x).into_iter().flatten() {
                if starts.contains(&a) {
                    for &b in pre.get(&y).into_iter().flatten() {
                        set(a, b);
                    }
                }
            }
        }
        for &a in &starts {
            for &b in &multi {
                set(a, b);
            }
        }
    }
    let t2_pairs = if any_t2 {
        compiler.blob.u64s(&t2_pairs)
    } else {
        (0, 0)
    };
    // Likewise for stage 1 where many characters have RUN_T1START: the
    // pairs (a, b) that begin a key of stage 1 of two or more characters
    // whose first, a, has RUN_T1START (a superset of what the stage-1
    // check finds at a, so no false negatives).
    let many_t1 = t1_starts.len() > 100;
    let t1_pairs = if many_t1 {
        let mut words = vec![0u64; 1 << (T2_PAIR_BITS - 6)];
        for key in entries[0].keys() {
            let mut chars = key.chars();
            if let (Some(a), Some(b)) = (chars.next(), chars.next())
                && t1_starts.contains(&a)
            {
                let h = hashed_pair_index(a as u32, b as u32);
                words[h / 64] |= 1 << (h % 64);
            }
        }
        compiler.blob.u64s(&words)
    } else {
        (0, 0)
    };
    let run = compiler.runmap(map);
    // The double array of stage 2, for the checks where RUN_T2START says;
    // and per character, stage 2's root slot (low half) of its stage-1
    // image (DA_SPECIAL when that is not one character).
    let mut stage_fast = |k: usize| {
        let (trie, values) =
            compiler.dict_ids(&stages[k].describe(), &entries[k], |_, v| v[0].clone());
        compiler.fast_dict(trie, values)
    };
    let (second_fast, roots2) = stage_fast(if stages.len() > 1 { 1 } else { 0 });
    // Stage 1 on a double array too, for stretches (shared with the
    // single-stage configs that convert with the same dictionary).
    let (first_fast, _) = stage_fast(0);
    let low = |slot: u64| slot & 0xFFFF_FFFF;
    let mut image2: BTreeMap<char, u64> = roots2.iter().map(|(&c, &s)| (c, low(s))).collect();
    for (c, image, _) in &image1_map {
        let mut chars = image.chars();
        let slot = match (chars.next(), chars.next()) {
            (Some(x), None) => roots2.get(&x).map_or(0, |&s| low(s)),
            _ => DA_SPECIAL,
        };
        image2.insert(*c, slot);
    }
    image2.retain(|_, s| *s != 0);
    let image2 = compiler.slots(&image2);
    let image1 = compiler.charmap(image1_map);
    let t1 = compiler.stage(&stages[0]);
    let (_, t1_values) = compiler.dict_ids(&stages[0].describe(), &entries[0], |_, v| v[0].clone());
    let first_flat = compiler.values_roots(t1_values);
    let t2 = stages
        .get(1)
        .map_or_else(|| t1.clone(), |s| compiler.stage(s));
    format!(
        "FastPlan::Segmented {{ seg: {seg_fast}, run: {run}, window: {window}, first: {t1}, first_flat: {first_flat}, second: {t2}, image1: {image1}, \
         second_fast: {second_fast}, first_fast: {first_fast}, image2: {image2}, t2_pairs: {t2_pairs:?}, any_t1: {any_t1}, any_t2: {any_t2}, many_t2: {many_t2}, \
         t1_pairs: {t1_pairs:?}, many_t1: {many_t1} }}"
    )
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let data = manifest.join(DATA_DIR);
    println!("cargo::rerun-if-changed={DATA_DIR}/config");
    println!("cargo::rerun-if-changed={DATA_DIR}/dictionary");
    println!("cargo::rerun-if-changed=data/jieba");
    println!("cargo::rerun-if-changed=build.rs");

    println!("cargo::rerun-if-changed={BIANYI_DIR}");
    let bianyi = manifest.join(BIANYI_DIR);
    let config_paths = |dir: &Path| -> Vec<PathBuf> {
        let mut paths: Vec<PathBuf> = fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.expect("dir entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        paths.sort();
        paths
    };
    // OpenCC's configs, then bianyi's (src/target.rs finds those by name).
    let configs: Vec<ConfigSpec> = config_paths(&data.join("config"))
        .iter()
        .chain(&config_paths(&bianyi.join("config")))
        .map(|p| parse_config(p))
        .collect();

    // jieba's word frequencies (src/words.rs, and derivations).
    let jieba: BTreeMap<String, u32> = {
        let path = data.join("../jieba/dict.txt");
        println!("cargo::rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut words = BTreeMap::new();
        for (n, line) in text.lines().enumerate() {
            let (word, freq) = line.split_once(' ').unwrap_or_else(|| {
                panic!("{}:{}: expected `word frequency`", path.display(), n + 1)
            });
            let freq: u32 = freq
                .parse()
                .unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), n + 1));
            words.insert(word.to_string(), freq);
        }
        words
    };

    // Parse every dictionary file the configs name, once: OpenCC's by
    // name, bianyi's as `bianyi/NAME`, and the `generated/` ones derived
    // from them (build/derive.rs).
    let mut needed = BTreeSet::new();
    for c in &configs {
        for spec in c
            .normalization
            .iter()
            .chain(&c.chain)
            .chain(c.segmentation.as_ref())
        {
            spec.files(&mut needed);
        }
    }
    let mut files: BTreeMap<String, Entries> = needed
        .iter()
        .filter(|f| !f.starts_with("generated/"))
        .map(|f| {
            let path = match f.strip_prefix("bianyi/") {
                Some(name) => bianyi.join("dictionary").join(name),
                None => data.join("dictionary").join(f),
            };
            println!("cargo::rerun-if-changed={}", path.display());
            (f.clone(), parse_dict_file(&path))
        })
        .collect();
    // Derivations read every OpenCC dictionary, named by a config or not.
    for entry in fs::read_dir(data.join("dictionary")).expect("data/opencc/dictionary") {
        let path = entry.expect("dir entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .expect("file name")
            .to_string();
        if name.ends_with(".txt") && !files.contains_key(&name) {
            files.insert(name, parse_dict_file(&path));
        }
    }
    let generated = derive::generated(&files, &jieba);
    for name in needed.iter().filter(|f| f.starts_with("generated/")) {
        assert!(generated.contains_key(name), "no derivation makes {name}");
    }
    files.extend(generated);
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    // For inspection: what the derivations made.
    let dump = out_dir.join("generated");
    fs::create_dir_all(&dump).expect("create OUT_DIR/generated");
    for (name, entries) in files.iter().filter(|(n, _)| n.starts_with("generated/")) {
        let mut text = String::new();
        for (k, v) in entries {
            writeln!(text, "{k}\t{}", v.join(" ")).ok();
        }
        fs::write(out_dir.join(name), text).expect("write a generated dictionary");
    }

    // The fast path treats compatibility ideographs as never part of a key
    // outside the normalisation tables (normalisation removes them first).
    let norm_files: BTreeSet<String> = configs
        .iter()
        .flat_map(|c| c.normalization.iter())
        .flat_map(|s| {
            let mut f = BTreeSet::new();
            s.files(&mut f);
            f
        })
        .collect();
    for (file, entries) in &files {
        if !norm_files.contains(file) {
            for key in entries.keys() {
                assert!(
                    !key.chars().any(is_compat),
                    "{file}: key {key:?} contains a compatibility ideograph"
                );
            }
        }
    }

    // Every character that occurs anywhere in any key: text cut after a
    // character outside this set cannot split a dictionary match.
    let mut key_chars: BTreeSet<u32> = BTreeSet::new();
    for entries in files.values() {
        for key in entries.keys() {
            key_chars.extend(key.chars().map(|c| c as u32));
        }
    }

    let mut compiler = Compiler {
        blob: Blob {
            bytes: Vec::new(),
            big_endian: std::env::var("CARGO_CFG_TARGET_ENDIAN").as_deref() == Ok("big"),
            text: String::new(),
            written: std::collections::HashMap::new(),
        },
        files: &files,
        pool: Pool::default(),
        tables64: CharTables::new(),
        tables32: CharTables::new(),
        tries: BTreeMap::new(),
        trie_layouts: Vec::new(),
        trie_roots: Vec::new(),
        values: BTreeMap::new(),
        value_layouts: Vec::new(),
        charmaps: BTreeMap::new(),
        charmap_layouts: Vec::new(),
        runmaps: BTreeMap::new(),
        runmap_layouts: Vec::new(),
        trie_keys: Vec::new(),
        value_codes: Vec::new(),
        fast_dicts: BTreeMap::new(),
        fast_layouts: Vec::new(),
        slot_layouts: Vec::new(),
        value_roots: Vec::new(),
        flats: BTreeMap::new(),
        flat_layouts: Vec::new(),
        fast_roots: Vec::new(),
    };

    let mut config_layouts = Vec::new();
    for c in &configs {
        let normalization: Vec<DictSpec> = c
            .normalization
            .iter()
            .filter_map(|s| s.resolve(false))
            .collect();
        // The fast path checks for compatibility ideographs as it reads and
        // normalises first when it meets one; that is exact when the
        // normalisation is one table from those characters to single ones.
        let fast_normalization_ok = match normalization.as_slice() {
            [] => true,
            [only] => flatten(only, &files).iter().all(|(k, v)| {
                let k: Vec<char> = k.chars().collect();
                k.len() == 1 && is_compat(k[0]) && v[0].chars().count() == 1
            }),
            _ => false,
        };
        let normalization_refs: Vec<String> =
            normalization.iter().map(|s| compiler.stage(s)).collect();
        let segmentation = c.segmentation.as_ref().and_then(|s| s.resolve(true));
        let seg_ref = segmentation.as_ref().map(|s| compiler.stage(s));
        let mut variant = |tofu: bool| -> (String, String, String) {
            let stages: Vec<DictSpec> = c.chain.iter().filter_map(|s| s.resolve(tofu)).collect();
            let refs: Vec<String> = stages.iter().map(|s| compiler.stage(s)).collect();
            let alts: Vec<String> = stages.iter().map(|s| compiler.alternatives(s)).collect();
            let plan = if fast_normalization_ok {
                fast_plan(&mut compiler, segmentation.as_ref(), &stages)
            } else {
                "FastPlan::General".to_string()
            };
            (
                format!("&[{}]", refs.join(", ")),
                plan,
                format!("&[{}]", alts.join(", ")),
            )
        };
        let (stages, fast, alternatives) = variant(false);
        let (stages_tofu, fast_tofu, alternatives_tofu) = variant(true);
        if std::env::var_os("BIANYI_BUILD_SIZES").is_some() {
            println!(
                "cargo::warning={} blob {}",
                c.name,
                compiler.blob.bytes.len()
            );
        }
        config_layouts.push(format!(
            "ConfigLayout {{ name: {:?}, title: {:?}, normalization: &[{}], \
             segmentation: {}, stages: {stages}, stages_tofu: {stages_tofu}, fast: {fast}, fast_tofu: {fast_tofu}, \
             alternatives: {alternatives}, alternatives_tofu: {alternatives_tofu} }}",
            c.name,
            c.title,
            normalization_refs.join(", "),
            seg_ref.map_or_else(|| "None".to_string(), |r| format!("Some({r})")),
        ));
    }

    // Script and standard detection (src/detect.rs): the class of each
    // character and the regional vocabulary (build/derive.rs).
    let risks = derive::risks(&files);
    let detect_layout = {
        let mut classes = derive::classes(&files);
        // Where the fast path of conversion from Simplified may have to
        // look (src/context.rs): the first characters of risks (with a
        // filter of their first two), and the characters with rules.
        let mut risk_pairs = vec![0u64; 1 << (RISK_PAIR_BITS - 6)];
        for (_, risk) in &risks {
            for k in risk.keys() {
                let mut chars = k.chars();
                if let (Some(a), Some(b)) = (chars.next(), chars.next()) {
                    *classes.entry(a).or_default() |= layout::CLASS_RISK_FIRST;
                    let h = layout::risk_pair_index(a as u32, b as u32);
                    risk_pairs[h / 64] |= 1 << (h % 64);
                }
            }
        }
        for c in layout::RULE_CHARS.chars() {
            *classes.entry(c).or_default() |= layout::CLASS_RULE;
        }
        let risk_pairs = compiler.blob.u64s(&risk_pairs);
        let classes = compiler.charmap(
            classes
                .into_iter()
                .map(|(c, f)| (c, c.to_string(), f))
                .collect(),
        );
        let vocabulary = compiler
            .numbers("regional vocabulary", &[&derive::vocabulary(&files)])
            .remove(0);
        format!(
            "DetectLayout {{ classes: {classes}, vocabulary: {vocabulary}, risk_pairs: {risk_pairs:?} }}"
        )
    };

    // Word frequencies for word boundaries in target-based conversion
    // (src/words.rs), from jieba's dictionary.
    // What the fast path of conversion from Simplified watches for, and
    // the words that decide where it may cut: every key that the word split
    // can see (jieba's words, the first stage's phrases, every risk), and
    // per character the length of the longest of them it starts.
    let mut splitters: BTreeMap<String, u32> = jieba.keys().map(|w| (w.clone(), 0)).collect();
    for (k, _) in files["STPhrases.txt"]
        .iter()
        .chain(&files["STPhrases_GeneratedFromRegionalPhrases.txt"])
    {
        splitters.insert(k.clone(), 0);
    }
    for (_, risk) in &risks {
        for k in risk.keys() {
            splitters.insert(k.clone(), 0);
        }
    }
    let mut longest: BTreeMap<char, u32> = BTreeMap::new();
    for k in splitters.keys() {
        if let Some(c) = k.chars().next() {
            let n = u32::try_from(k.chars().count())
                .expect("short keys")
                .min(0xFF);
            let e = longest.entry(c).or_default();
            *e = (*e).max(n);
        }
    }
    let [splitters_layout, words_layout]: [String; 2] = compiler
        .numbers("splitters and jieba words", &[&splitters, &jieba])
        .try_into()
        .expect("two dictionaries");
    let longest_layout = compiler.charmap(
        longest
            .into_iter()
            .map(|(c, n)| (c, c.to_string(), n))
            .collect(),
    );
    let extra_layouts: Vec<String> = derive::extra_phrases(&files)
        .into_iter()
        .map(|(config, entries)| {
            let dict = compiler.dict(&format!("{config} extra phrases"), &entries, |_, v| {
                v[0].clone()
            });
            format!("({config:?}, {dict})")
        })
        .collect();
    let risk_dicts: Vec<&BTreeMap<String, u32>> = risks.iter().map(|(_, risk)| risk).collect();
    let risk_layouts: Vec<String> = risks
        .iter()
        .zip(compiler.numbers("risks", &risk_dicts))
        .map(|((config, _), dict)| format!("({config:?}, {dict})"))
        .collect();

    // The shared parts, complete now: the blocks and rows of the
    // character tables, and the string pool.
    let blocks64 = compiler.blob.u64s(&compiler.tables64.blocks);
    let rows64 = compiler.blob.u16s(&compiler.tables64.rows);
    let blocks32 = compiler.blob.u32s(&compiler.tables32.blocks);
    let rows32 = compiler.blob.u16s(&compiler.tables32.rows);
    let strings = compiler.pool.emit(&mut compiler.blob);
    let shared = format!(
        "SharedLayout {{ blocks64: {blocks64:?}, rows64: {rows64:?}, blocks32: {blocks32:?}, rows32: {rows32:?}, {strings} }}"
    );
    if std::env::var_os("BIANYI_BUILD_SIZES").is_some() {
        println!(
            "cargo::warning=blob {} bytes, text {} bytes; {} + {} character tables, {} + {} blocks",
            compiler.blob.bytes.len(),
            compiler.blob.text.len(),
            compiler.tables64.layouts.len(),
            compiler.tables32.layouts.len(),
            compiler.tables64.blocks.len() / BLOCK,
            compiler.tables32.blocks.len() / BLOCK,
        );
    }

    let out = out_dir;

    fs::write(out.join("tables.bin"), &compiler.blob.bytes).expect("write tables.bin");
    fs::write(out.join("tables.txt"), &compiler.blob.text).expect("write tables.txt");
    let mut rs = String::new();
    writeln!(rs, "// Generated by build.rs from {DATA_DIR}; do not edit.").ok();
    writeln!(rs, "pub(crate) static BLOB: &Aligned<[u8]> = &Aligned {{ _align: [], bytes: *include_bytes!(concat!(env!(\"OUT_DIR\"), \"/tables.bin\")) }};").ok();
    writeln!(
        rs,
        "pub(crate) static TEXT: &str = include_str!(concat!(env!(\"OUT_DIR\"), \"/tables.txt\"));"
    )
    .ok();
    let mut list = |name: &str, ty: &str, items: &[String]| {
        writeln!(rs, "pub(crate) static {name}: [{ty}; {}] = [", items.len()).ok();
        for item in items {
            writeln!(rs, "    {item},").ok();
        }
        writeln!(rs, "];").ok();
    };
    list("TRIES", "TrieLayout", &compiler.trie_layouts);
    list("VALUES", "ValuesLayout", &compiler.value_layouts);
    list("CHARMAPS", "CharMapLayout", &compiler.charmap_layouts);
    list("RUNMAPS", "RunMapLayout", &compiler.runmap_layouts);
    list("TABLES64", "CharTableLayout", &compiler.tables64.layouts);
    list("TABLES32", "CharTableLayout", &compiler.tables32.layouts);
    let fast_layouts: Vec<String> = compiler
        .fast_layouts
        .iter()
        .zip(&compiler.fast_roots)
        .map(|(layout, (_, flat))| format!("{layout}, flat: {flat:?} }}"))
        .collect();
    list("FAST_DICTS", "FastDictLayout", &fast_layouts);
    list("FLATS", "FlatLayout", &compiler.flat_layouts);
    list("SLOTS", "SlotsLayout", &compiler.slot_layouts);
    list("CONFIGS", "ConfigLayout", &config_layouts);
    list("RISKS", "(&str, DictRef)", &risk_layouts);
    list("EXTRA_PHRASES", "(&str, DictRef)", &extra_layouts);
    writeln!(rs, "pub(crate) static SHARED: SharedLayout = {shared};").ok();
    writeln!(
        rs,
        "pub(crate) static DETECT: DetectLayout = {detect_layout};"
    )
    .ok();
    writeln!(rs, "pub(crate) static WORDS: DictRef = {words_layout};").ok();
    writeln!(
        rs,
        "pub(crate) static SPLITTERS: DictRef = {splitters_layout};"
    )
    .ok();
    writeln!(
        rs,
        "pub(crate) static SPLITTER_LONGEST: usize = {longest_layout};"
    )
    .ok();
    let key_chars: Vec<u32> = key_chars.into_iter().collect();
    writeln!(
        rs,
        "pub(crate) static KEY_CHARS: [u32; {}] = {key_chars:?};",
        key_chars.len()
    )
    .ok();
    fs::write(out.join("tables.rs"), rs).expect("write tables.rs");
}

/// The blocks of CJK compatibility ideographs, which normalisation maps to
/// unified ideographs; src/engine.rs checks for them with the same ranges.
fn is_compat(c: char) -> bool {
    ('\u{F900}'..='\u{FAFF}').contains(&c) || ('\u{2F800}'..='\u{2FA1F}').contains(&c)
}
