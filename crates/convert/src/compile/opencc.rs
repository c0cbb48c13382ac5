//! Reading OpenCC's configs and text dictionaries, and flattening a
//! config's dictionary groups into one dictionary per stage.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

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

/// What is wrong with an OpenCC config or dictionary file.
#[derive(Debug)]
#[non_exhaustive]
pub enum ConfigProblem {
    /// The file could not be read (it does not exist, say).
    Read(std::io::Error),
    /// The file is not UTF-8.
    NotUtf8,
    /// The file is not JSON (the parser's message).
    Json(String),
    /// The JSON is not an OpenCC config: what was expected where.
    Shape(String),
    /// A dictionary `type` other than `text`, `ocd2` and `group`.
    UnknownDictType(String),
    /// A `match_policy` other than `short_circuit` and `union`.
    UnknownPolicy(String),
    /// A segmentation `type` other than `mmseg`.
    UnknownSegmentation(String),
    /// An `ocd2` dictionary (OpenCC's binary marisa-trie format), which
    /// bianyi does not read: convert it with `opencc_dict -f ocd2 -t text`.
    Ocd2,
    /// A dictionary line without a tab between key and values.
    NoTab,
    /// A dictionary line with an empty key.
    EmptyKey,
    /// A dictionary line with an empty value (OpenCC would write nothing).
    EmptyValue,
    /// A key given twice in one dictionary.
    DuplicateKey(String),
    /// A key or value holding a character the engine reserves: an
    /// ideographic description operator (U+2FF0–U+2FFF), or, outside the
    /// normalisation stages, a CJK compatibility ideograph.
    ReservedChar(char),
    /// More entries than the tables can hold.
    TooLarge,
}

/// An error in an OpenCC config or dictionary file, with where it is.
#[derive(Debug)]
pub(crate) struct DataError {
    pub(crate) path: PathBuf,
    /// 1-based line and column (in characters), when known.
    pub(crate) at: Option<(u64, u64)>,
    pub(crate) problem: ConfigProblem,
}

impl DataError {
    pub(crate) fn new(path: &Path, at: Option<(u64, u64)>, problem: ConfigProblem) -> DataError {
        DataError {
            path: path.to_path_buf(),
            at,
            problem,
        }
    }
}

impl fmt::Display for ConfigProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigProblem::Read(e) => write!(f, "cannot read: {e}"),
            ConfigProblem::NotUtf8 => f.write_str("not UTF-8"),
            ConfigProblem::Json(e) => write!(f, "not JSON: {e}"),
            ConfigProblem::Shape(what) => write!(f, "not an OpenCC config: {what}"),
            ConfigProblem::UnknownDictType(t) => write!(f, "unknown dictionary type {t:?}"),
            ConfigProblem::UnknownPolicy(p) => write!(f, "unknown match_policy {p:?}"),
            ConfigProblem::UnknownSegmentation(t) => write!(f, "unknown segmentation type {t:?}"),
            ConfigProblem::Ocd2 => f.write_str(
                "ocd2 dictionaries are not read; convert with opencc_dict -f ocd2 -t text",
            ),
            ConfigProblem::NoTab => f.write_str("no tab between key and values"),
            ConfigProblem::EmptyKey => f.write_str("empty key"),
            ConfigProblem::EmptyValue => f.write_str("empty value"),
            ConfigProblem::DuplicateKey(k) => write!(f, "duplicated key {k:?}"),
            ConfigProblem::ReservedChar(c) => write!(f, "reserved character {c:?}"),
            ConfigProblem::TooLarge => f.write_str("too many entries"),
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some((line, column)) = self.at {
            write!(f, ":{line}:{column}")?;
        }
        write!(f, ": {}", self.problem)
    }
}

/// 1-based line and column (in characters) of byte `offset` of `text`.
pub(crate) fn line_column(text: &[u8], offset: usize) -> (u64, u64) {
    let before = &text[..offset.min(text.len())];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    // Characters: bytes that do not continue a UTF-8 sequence.
    let column = before[line_start..]
        .iter()
        .filter(|&&b| b & 0xC0 != 0x80)
        .count()
        + 1;
    (line as u64, column as u64)
}

/// Reads `path` as UTF-8 (a BOM is kept: callers skip it).
pub(crate) fn read_text(path: &Path) -> Result<String, DataError> {
    String::from_utf8(read_bytes(path)?)
        .map_err(|e| not_utf8(path, e.as_bytes(), e.utf8_error().valid_up_to()))
}

fn not_utf8(path: &Path, bytes: &[u8], valid_up_to: usize) -> DataError {
    DataError::new(
        path,
        Some(line_column(bytes, valid_up_to)),
        ConfigProblem::NotUtf8,
    )
}

/// The file `path`, read whole.
pub(crate) fn read_bytes(path: &Path) -> Result<Vec<u8>, DataError> {
    fs::read(path).map_err(|e| DataError::new(path, None, ConfigProblem::Read(e)))
}

/// `bytes` (read from `path`) as text, or where they stop being UTF-8.
pub(crate) fn text_of<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str, DataError> {
    std::str::from_utf8(bytes).map_err(|e| not_utf8(path, bytes, e.valid_up_to()))
}

/// Parses an OpenCC text dictionary (`key<TAB>value value…` per line; a
/// BOM, empty lines and `#` lines are skipped).
pub(crate) fn parse_dict_text(path: &Path, text: &str) -> Result<Entries, DataError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut entries = Entries::new();
    for (index, line) in text.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let line_no = index as u64 + 1;
        let error = |column: usize, problem| {
            let column = line[..column.min(line.len())].chars().count() as u64 + 1;
            Err(DataError::new(path, Some((line_no, column)), problem))
        };
        let Some((key, values)) = line.split_once('\t') else {
            return error(line.len(), ConfigProblem::NoTab);
        };
        if key.is_empty() {
            return error(0, ConfigProblem::EmptyKey);
        }
        // The engine copies an ideographic description sequence whole where
        // no key matches, and treats its operator as a boundary; stream
        // cutting relies on operators only ever coming from the input.
        if let Some((i, c)) = line
            .char_indices()
            .find(|&(_, c)| is_ids_operator(c as u32))
        {
            return error(i, ConfigProblem::ReservedChar(c));
        }
        let values: Vec<String> = values.split(' ').map(str::to_string).collect();
        if values.iter().any(String::is_empty) {
            return error(key.len() + 1, ConfigProblem::EmptyValue);
        }
        if entries.contains_key(key) {
            return error(0, ConfigProblem::DuplicateKey(key.to_string()));
        }
        entries.insert(key.to_string(), values);
    }
    Ok(entries)
}

/// [`parse_dict_text`] of the file at `path`.
pub(crate) fn parse_dict_file(path: &Path) -> Result<Entries, DataError> {
    parse_dict_text(path, &read_text(path)?)
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

/// How the files a config names are found.
pub(crate) enum Files<'a> {
    /// build.rs: every name is a vendored text dictionary, and an `.ocd2`
    /// name stands for its text form.
    Vendored,
    /// A config loaded at run time: a name is resolved as OpenCC resolves
    /// it (as given, that is from the working directory, then in the
    /// config's folder), and `ocd2` is refused.
    Resolve { config_dir: &'a Path },
}

/// Where `needle` (a JSON string) first occurs in `text`, for errors found
/// in the parsed JSON (serde_json's values keep no positions).
fn locate(text: &str, needle: &str) -> Option<(u64, u64)> {
    let quoted = serde_json::to_string(needle).ok()?;
    text.find(&quoted).map(|i| line_column(text.as_bytes(), i))
}

struct Parser<'a> {
    path: &'a Path,
    text: &'a str,
    files: &'a Files<'a>,
}

impl Parser<'_> {
    fn error(&self, near: Option<&str>, problem: ConfigProblem) -> DataError {
        DataError::new(self.path, near.and_then(|n| locate(self.text, n)), problem)
    }

    fn shape(&self, near: &str, what: &str) -> DataError {
        self.error(Some(near), ConfigProblem::Shape(what.to_string()))
    }

    fn dict_spec(&self, v: &Value) -> Result<DictSpec, DataError> {
        let ty = v
            .get("type")
            .and_then(Value::as_str)
            .ok_or_else(|| self.shape("dict", "a dictionary without a string `type`"))?;
        match ty {
            "group" => {
                let union = match v.get("match_policy").and_then(Value::as_str) {
                    None | Some("short_circuit") => false,
                    Some("union") => true,
                    Some(other) => {
                        return Err(self
                            .error(Some(other), ConfigProblem::UnknownPolicy(other.to_string())));
                    }
                };
                let children = v
                    .get("dicts")
                    .and_then(Value::as_array)
                    .ok_or_else(|| self.shape("group", "a group without a `dicts` array"))?
                    .iter()
                    .map(|c| self.dict_spec(c))
                    .collect::<Result<_, _>>()?;
                Ok(DictSpec::Group { union, children })
            }
            "text" | "ocd2" | "ocd" => {
                let file = v
                    .get("file")
                    .and_then(Value::as_str)
                    .ok_or_else(|| self.shape(ty, "a dictionary without a string `file`"))?;
                let tofu = v
                    .get("may_output_tofu")
                    .and_then(Value::as_bool)
                    .unwrap_or(false);
                let file = match self.files {
                    Files::Vendored => {
                        // Configs may name the binary .ocd2 form; the text
                        // form is what is vendored.
                        let file = file.trim_end_matches(".ocd2").trim_end_matches(".ocd");
                        if file.ends_with(".txt") {
                            file.to_string()
                        } else {
                            format!("{file}.txt")
                        }
                    }
                    Files::Resolve { config_dir } => {
                        if ty != "text" {
                            return Err(DataError::new(
                                &resolve(file, config_dir),
                                None,
                                ConfigProblem::Ocd2,
                            ));
                        }
                        resolve(file, config_dir).to_string_lossy().into_owned()
                    }
                };
                Ok(DictSpec::Leaf { file, tofu })
            }
            other => Err(self.error(
                Some(other),
                ConfigProblem::UnknownDictType(other.to_string()),
            )),
        }
    }
}

/// OpenCC's search for a dictionary named by a config (`Config.cpp`,
/// `LoadDictWithPaths`): the name as given (relative names from the
/// working directory), then in the config's folder. The first that exists
/// wins; when none does, the config's folder is reported.
pub(crate) fn resolve(file: &str, config_dir: &Path) -> PathBuf {
    let given = PathBuf::from(file);
    if given.is_absolute() || given.is_file() {
        return given;
    }
    config_dir.join(file)
}

#[derive(Debug)]
pub(crate) struct ConfigSpec {
    pub(crate) name: String,
    pub(crate) title: String,
    pub(crate) normalization: Vec<DictSpec>,
    pub(crate) segmentation: Option<DictSpec>,
    pub(crate) chain: Vec<DictSpec>,
}

/// Parses an OpenCC config (`text`, read from `path`).
pub(crate) fn parse_config_text(
    path: &Path,
    text: &str,
    files: &Files<'_>,
) -> Result<ConfigSpec, DataError> {
    let parser = Parser { path, text, files };
    let v: Value = serde_json::from_str(text).map_err(|e| {
        DataError::new(
            path,
            Some((e.line() as u64, e.column().max(1) as u64)),
            ConfigProblem::Json(e.to_string()),
        )
    })?;
    if !v.is_object() {
        return Err(DataError::new(
            path,
            Some((1, 1)),
            ConfigProblem::Shape("the root is not an object".to_string()),
        ));
    }
    let name = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("custom")
        .to_string();
    let chain_of = |key: &str| -> Result<Vec<DictSpec>, DataError> {
        match v.get(key) {
            None => Ok(Vec::new()),
            Some(Value::Array(a)) => a
                .iter()
                .map(|s| match s.get("dict") {
                    Some(d) => parser.dict_spec(d),
                    None => Err(parser.shape(key, "a stage without `dict`")),
                })
                .collect(),
            Some(_) => Err(parser.shape(key, "not an array")),
        }
    };
    let segmentation = match v.get("segmentation") {
        None => None,
        Some(s) => {
            let ty = s.get("type").and_then(Value::as_str).unwrap_or("");
            if ty != "mmseg" {
                return Err(parser.error(
                    Some(if ty.is_empty() { "segmentation" } else { ty }),
                    ConfigProblem::UnknownSegmentation(ty.to_string()),
                ));
            }
            match s.get("dict") {
                Some(d) => Some(parser.dict_spec(d)?),
                None => return Err(parser.shape("segmentation", "mmseg without `dict`")),
            }
        }
    };
    let chain = chain_of("conversion_chain")?;
    if chain.is_empty() {
        return Err(parser.shape(
            "conversion_chain",
            "no `conversion_chain` (an array of stages)",
        ));
    }
    Ok(ConfigSpec {
        title: v
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or(&name)
            .to_string(),
        normalization: chain_of("normalization")?,
        segmentation,
        chain,
        name,
    })
}

/// [`parse_config_text`] of the file at `path`.
pub(crate) fn parse_config(path: &Path, files: &Files<'_>) -> Result<ConfigSpec, DataError> {
    parse_config_text(path, &read_text(path)?, files)
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
