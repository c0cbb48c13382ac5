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

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

const DATA_DIR: &str = "data/opencc";

/// Unicode scalar values are below 0x110000: 0x1100 pages of 256.
const PAGES: usize = 0x1100;

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

/// Appends little arrays to the blob, keeping every array 4-byte aligned.
struct Blob {
    bytes: Vec<u8>,
    big_endian: bool,
}

impl Blob {
    fn align(&mut self) {
        while !self.bytes.len().is_multiple_of(4) {
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
        self.align();
        let start = self.bytes.len();
        let encode = if self.big_endian { be } else { le };
        for &v in values {
            self.bytes.extend_from_slice(&encode(v));
        }
        (start, values.len())
    }
    fn u32s(&mut self, values: &[u32]) -> (usize, usize) {
        self.array(values, u32::to_le_bytes, u32::to_be_bytes)
    }
    fn u16s(&mut self, values: &[u16]) -> (usize, usize) {
        self.array(values, u16::to_le_bytes, u16::to_be_bytes)
    }
    fn raw(&mut self, values: &[u8]) -> (usize, usize) {
        self.align();
        let start = self.bytes.len();
        self.bytes.extend_from_slice(values);
        (start, values.len())
    }
}

#[derive(Default)]
struct TrieNode {
    value: Option<usize>,
    children: BTreeMap<char, usize>,
}

/// Compiles one flattened dictionary; returns the Rust expression of its layout.
fn compile_dict(name: &str, entries: &Entries, blob: &mut Blob) -> String {
    // 1. Build a pointer trie (index 0 is the root).
    let mut nodes: Vec<TrieNode> = vec![TrieNode::default()];
    let mut values: Vec<&Vec<String>> = Vec::new();
    let mut max_key_chars = 0u32;
    let mut lead_bytes = [0u32; 8];
    for (key, vals) in entries {
        let mut n = 0;
        let mut len = 0u32;
        for c in key.chars() {
            len += 1;
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
        max_key_chars = max_key_chars.max(len);
        let lead = key.as_bytes()[0];
        lead_bytes[lead as usize / 32] |= 1 << (lead as u32 % 32);
        nodes[n].value = Some(values.len());
        values.push(vals);
    }

    // 2. Breadth-first numbering, root excluded: depth-1 nodes get ids
    //    0..n1 in character order, and every node's children are contiguous.
    let mut order: Vec<usize> = Vec::new();
    let mut id_of = vec![u32::MAX; nodes.len()];
    let mut queue: std::collections::VecDeque<usize> =
        nodes[0].children.values().copied().collect();
    while let Some(n) = queue.pop_front() {
        id_of[n] = u32::try_from(order.len()).expect("node count fits u32");
        order.push(n);
        queue.extend(nodes[n].children.values().copied());
    }
    let mut first_child = Vec::with_capacity(order.len() + 1);
    let mut node_char = vec![0u32; order.len()];
    let mut node_value = Vec::with_capacity(order.len());
    // Children of node i start right after all children of nodes < i.
    let count = |n: usize| u32::try_from(nodes[n].children.len()).expect("child count fits u32");
    let mut next_child = count(0);
    for &n in &order {
        first_child.push(next_child);
        next_child += count(n);
        node_value.push(nodes[n].value.map_or(u32::MAX, |v| {
            u32::try_from(v).expect("value count fits u32")
        }));
        for (&c, &child) in &nodes[n].children {
            node_char[id_of[child] as usize] = c as u32;
        }
    }
    first_child.push(next_child);
    for (&c, &child) in &nodes[0].children {
        node_char[id_of[child] as usize] = c as u32;
    }
    // Sanity: the numbering really is contiguous per parent.
    for (i, &n) in order.iter().enumerate() {
        let kids: Vec<u32> = nodes[n].children.values().map(|&k| id_of[k]).collect();
        let expect: Vec<u32> = (first_child[i]..first_child[i + 1]).collect();
        assert_eq!(kids, expect, "{name}: breadth-first layout broken");
    }

    // 3. First-character page table.
    let mut page_index = vec![0u16; PAGES];
    let mut root_slots: Vec<u32> = Vec::new();
    for (&c, &child) in &nodes[0].children {
        let page = c as usize >> 8;
        if page_index[page] == 0 {
            root_slots.extend(std::iter::repeat_n(0, 256));
            page_index[page] = u16::try_from(root_slots.len() / 256).expect("page count fits u16");
        }
        let slot = (page_index[page] as usize - 1) * 256 + (c as usize & 0xff);
        root_slots[slot] = id_of[child] + 1;
    }

    // 4. Values: value i has candidates value_cands[i]..value_cands[i+1];
    //    candidate j is pool[cand_offsets[j]..cand_offsets[j+1]].
    let mut value_cands = vec![0u32];
    let mut cand_offsets = vec![0u32];
    let mut pool: Vec<u8> = Vec::new();
    for vals in &values {
        for v in vals.iter() {
            pool.extend_from_slice(v.as_bytes());
            cand_offsets.push(u32::try_from(pool.len()).expect("pool fits u32"));
        }
        value_cands.push(u32::try_from(cand_offsets.len() - 1).expect("fits u32"));
    }

    let page_index = blob.u16s(&page_index);
    let root_slots = blob.u32s(&root_slots);
    let first_child = blob.u32s(&first_child);
    let node_char = blob.u32s(&node_char);
    let node_value = blob.u32s(&node_value);
    let value_cands = blob.u32s(&value_cands);
    let cand_offsets = blob.u32s(&cand_offsets);
    let pool = blob.raw(&pool);
    format!(
        "DictLayout {{ name: {name:?}, max_key_chars: {max_key_chars}, \
         lead_bytes: {lead_bytes:?}, page_index: {page_index:?}, root_slots: {root_slots:?}, \
         first_child: {first_child:?}, node_char: {node_char:?}, node_value: {node_value:?}, \
         value_cands: {value_cands:?}, cand_offsets: {cand_offsets:?}, pool: {pool:?} }}"
    )
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let data = manifest.join(DATA_DIR);
    println!("cargo::rerun-if-changed={DATA_DIR}/config");
    println!("cargo::rerun-if-changed={DATA_DIR}/dictionary");
    println!("cargo::rerun-if-changed=build.rs");

    let mut config_paths: Vec<PathBuf> = fs::read_dir(data.join("config"))
        .expect("data/opencc/config")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    config_paths.sort();
    let configs: Vec<ConfigSpec> = config_paths.iter().map(|p| parse_config(p)).collect();

    // Parse every dictionary file the configs name, once.
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
    let files: BTreeMap<String, Entries> = needed
        .iter()
        .map(|f| {
            let path = data.join("dictionary").join(f);
            println!("cargo::rerun-if-changed={}", path.display());
            (f.clone(), parse_dict_file(&path))
        })
        .collect();

    // Every character that occurs anywhere in any key: text cut after a
    // character outside this set cannot split a dictionary match.
    let mut key_chars: BTreeSet<u32> = BTreeSet::new();
    for entries in files.values() {
        for key in entries.keys() {
            key_chars.extend(key.chars().map(|c| c as u32));
        }
    }

    let mut blob = Blob {
        bytes: Vec::new(),
        big_endian: std::env::var("CARGO_CFG_TARGET_ENDIAN").as_deref() == Ok("big"),
    };
    let mut dict_ids: BTreeMap<String, usize> = BTreeMap::new();
    let mut dict_layouts: Vec<String> = Vec::new();
    let mut dict_of = |spec: &DictSpec, blob: &mut Blob| -> usize {
        let name = spec.describe();
        if let Some(&id) = dict_ids.get(&name) {
            return id;
        }
        let entries = flatten(spec, &files);
        let layout = compile_dict(&name, &entries, blob);
        dict_layouts.push(layout);
        dict_ids.insert(name, dict_layouts.len() - 1);
        dict_layouts.len() - 1
    };

    let mut config_layouts = Vec::new();
    for c in &configs {
        let stages = |tofu: bool,
                      blob: &mut Blob,
                      dict_of: &mut dyn FnMut(&DictSpec, &mut Blob) -> usize| {
            c.chain
                .iter()
                .filter_map(|s| s.resolve(tofu))
                .map(|s| dict_of(&s, blob))
                .collect::<Vec<_>>()
        };
        let normalization: Vec<usize> = c
            .normalization
            .iter()
            .filter_map(|s| s.resolve(false))
            .map(|s| dict_of(&s, &mut blob))
            .collect();
        let segmentation = c
            .segmentation
            .as_ref()
            .and_then(|s| s.resolve(true))
            .map(|s| dict_of(&s, &mut blob));
        let plain = stages(false, &mut blob, &mut dict_of);
        let tofu = stages(true, &mut blob, &mut dict_of);
        config_layouts.push(format!(
            "ConfigLayout {{ name: {:?}, title: {:?}, normalization: &{normalization:?}, \
             segmentation: {segmentation:?}, stages: &{plain:?}, stages_tofu: &{tofu:?} }}",
            c.name, c.title
        ));
    }

    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    fs::write(out.join("tables.bin"), &blob.bytes).expect("write tables.bin");
    let mut rs = String::new();
    writeln!(rs, "// Generated by build.rs from {DATA_DIR}; do not edit.").ok();
    writeln!(rs, "pub(crate) static BLOB: &Aligned<[u8]> = &Aligned {{ _align: [], bytes: *include_bytes!(concat!(env!(\"OUT_DIR\"), \"/tables.bin\")) }};").ok();
    writeln!(
        rs,
        "pub(crate) static DICTS: [DictLayout; {}] = [",
        dict_layouts.len()
    )
    .ok();
    for d in &dict_layouts {
        writeln!(rs, "    {d},").ok();
    }
    writeln!(rs, "];").ok();
    writeln!(
        rs,
        "pub(crate) static CONFIGS: [ConfigLayout; {}] = [",
        config_layouts.len()
    )
    .ok();
    for c in &config_layouts {
        writeln!(rs, "    {c},").ok();
    }
    writeln!(rs, "];").ok();
    let key_chars: Vec<u32> = key_chars.into_iter().collect();
    writeln!(
        rs,
        "pub(crate) static KEY_CHARS: [u32; {}] = {key_chars:?};",
        key_chars.len()
    )
    .ok();
    fs::write(out.join("tables.rs"), rs).expect("write tables.rs");
}
