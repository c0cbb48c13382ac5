//! Reading OpenCC's configs and text dictionaries, and flattening a
//! config's dictionary groups into one dictionary per stage.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::layout::is_ids_operator;

#[derive(Clone, Debug)]
pub(crate) enum DictSpec {
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
    pub(crate) fn resolve(&self, tofu: bool) -> Option<DictSpec> {
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
    pub(crate) fn describe(&self) -> String {
        match self {
            DictSpec::Leaf { file, .. } => file.trim_end_matches(".txt").to_string(),
            DictSpec::Group { union, children } => {
                let inner: Vec<_> = children.iter().map(DictSpec::describe).collect();
                let policy = if *union { "union" } else { "short_circuit" };
                format!("{policy}[{}]", inner.join(", "))
            }
        }
    }

    pub(crate) fn files(&self, out: &mut BTreeSet<String>) {
        match self {
            DictSpec::Leaf { file, .. } => {
                out.insert(file.clone());
            }
            DictSpec::Group { children, .. } => children.iter().for_each(|c| c.files(out)),
        }
    }
}

/// A dictionary as OpenCC loads it: key -> candidate values (first = default).
pub(crate) type Entries = BTreeMap<String, Vec<String>>;

pub(crate) fn parse_dict_file(path: &Path) -> Entries {
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
            !key.chars().any(|c| is_ids_operator(c as u32)),
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
                !v.chars().any(|c| is_ids_operator(c as u32)),
                "{where_}: value contains an IDS operator"
            );
        }
        let previous = entries.insert(key.to_string(), values);
        assert!(previous.is_none(), "{where_}: duplicated key {key:?}");
    }
    entries
}

pub(crate) fn flatten(spec: &DictSpec, files: &BTreeMap<String, Entries>) -> Entries {
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

pub(crate) fn parse_dict_spec(v: &Value, where_: &str) -> DictSpec {
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

pub(crate) struct ConfigSpec {
    pub(crate) name: String,
    pub(crate) title: String,
    pub(crate) normalization: Vec<DictSpec>,
    pub(crate) segmentation: Option<DictSpec>,
    pub(crate) chain: Vec<DictSpec>,
}

pub(crate) fn parse_config(path: &Path) -> ConfigSpec {
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

/// Greedy longest-prefix conversion with `entries`, as one OpenCC stage does
/// on a text without ideographic description sequences.
pub(crate) fn greedy(entries: &Entries, max_chars: usize, text: &str) -> String {
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

pub(crate) fn max_chars(entries: &Entries) -> usize {
    entries.keys().map(|k| k.chars().count()).max().unwrap_or(1)
}
