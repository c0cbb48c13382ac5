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

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

#[path = "src/compile/mod.rs"]
#[allow(unreachable_pub, reason = "public in the library, private here")]
mod compile;
#[path = "build/derive.rs"]
mod derive;
#[path = "src/layout.rs"]
#[allow(
    dead_code,
    reason = "the library reads some of these bits, build.rs others"
)]
mod layout;

use layout::{BLOCK, RISK_PAIR_BITS, is_compat};

const DATA_DIR: &str = "data/opencc";
/// bianyi's own configs (the pipelines of `--to`) and dictionaries.
const BIANYI_DIR: &str = "data/bianyi";

use compile::layouts::config_rust;
use compile::opencc::{ConfigSpec, Entries, Files, parse_config, parse_dict_file};
use compile::plan::{Compiler, compile_config};

/// A failure on vendored data is a build error with its message.
/// The Rust expressions of `items` (their `Debug` form is Rust syntax).
fn debug<T: std::fmt::Debug>(items: &[T]) -> Vec<String> {
    items.iter().map(|i| format!("{i:?}")).collect()
}

fn or_fail<T>(r: Result<T, compile::opencc::DataError>) -> T {
    r.unwrap_or_else(|e| panic!("{e}"))
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
        .map(|p| or_fail(parse_config(p, &Files::Vendored)))
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
            (f.clone(), or_fail(parse_dict_file(&path)))
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
            files.insert(name, or_fail(parse_dict_file(&path)));
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
                    !key.chars().any(|c| is_compat(c as u32)),
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

    let mut compiler = Compiler::new(
        &files,
        std::env::var("CARGO_CFG_TARGET_ENDIAN").as_deref() == Ok("big"),
    );

    let mut config_layouts = Vec::new();
    for c in &configs {
        let layout = compile_config(&mut compiler, c);
        if std::env::var_os("BIANYI_BUILD_SIZES").is_some() {
            println!(
                "cargo::warning={} blob {}",
                c.name,
                compiler.blob.bytes.len()
            );
        }
        config_layouts.push(config_rust(&layout));
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
            "DetectLayout {{ classes: {classes}, vocabulary: {vocabulary:?}, risk_pairs: {risk_pairs:?} }}"
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
    let [splitters_layout, words_layout]: [compile::layouts::DictRef; 2] = compiler
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
            format!("({config:?}, {dict:?})")
        })
        .collect();
    let risk_dicts: Vec<&BTreeMap<String, u32>> = risks.iter().map(|(_, risk)| risk).collect();
    let risk_layouts: Vec<String> = risks
        .iter()
        .zip(compiler.numbers("risks", &risk_dicts))
        .map(|((config, _), dict)| format!("({config:?}, {dict:?})"))
        .collect();

    // The shared parts, complete now: the blocks and rows of the
    // character tables, and the string pool.
    let shared = format!("{:?}", compiler.finish());
    assert!(
        !compiler.too_large(),
        "the tables outgrew their encodings: widen them (src/layout.rs)"
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
    list("TRIES", "TrieLayout", &debug(&compiler.trie_layouts));
    list("VALUES", "ValuesLayout", &debug(&compiler.value_layouts));
    list(
        "CHARMAPS",
        "CharMapLayout",
        &debug(&compiler.charmap_layouts),
    );
    list("RUNMAPS", "RunMapLayout", &debug(&compiler.runmap_layouts));
    list(
        "TABLES64",
        "CharTableLayout",
        &debug(&compiler.tables64.layouts),
    );
    list(
        "TABLES32",
        "CharTableLayout",
        &debug(&compiler.tables32.layouts),
    );
    list(
        "FAST_DICTS",
        "FastDictLayout",
        &debug(&compiler.fast_layouts),
    );
    list("FLATS", "FlatLayout", &debug(&compiler.flat_layouts));
    list("SLOTS", "SlotsLayout", &debug(&compiler.slot_layouts));
    list("CONFIGS", "ConfigLayout", &config_layouts);
    list("RISKS", "(&str, DictRef)", &risk_layouts);
    list("EXTRA_PHRASES", "(&str, DictRef)", &extra_layouts);
    writeln!(rs, "pub(crate) static SHARED: SharedLayout = {shared};").ok();
    writeln!(
        rs,
        "pub(crate) static DETECT: DetectLayout = {detect_layout};"
    )
    .ok();
    writeln!(rs, "pub(crate) static WORDS: DictRef = {words_layout:?};").ok();
    writeln!(
        rs,
        "pub(crate) static SPLITTERS: DictRef = {splitters_layout:?};"
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
