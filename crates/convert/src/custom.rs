//! OpenCC configs loaded at run time: a config file and its text
//! dictionaries, compiled by the same compiler as the built-in configs
//! (src/compile/) into the same tables, which the same engine runs.
//!
//! Loading is in two steps so that a caller can cache the compiled tables:
//! [`CustomConfig::sources`] reads the config, checks it and digests every
//! file it names (the dictionaries a piece at a time, not kept);
//! [`Sources::compile`] reads the dictionaries again, parses and compiles
//! them (about 1.5 s for s2twp in a release build, most of it the
//! single-pass plan), and [`Sources::from_static`], [`Sources::from_vec`]
//! or [`Sources::from_bytes`] takes back what [`CustomConfig::to_bytes`]
//! wrote for the same digest (about 2.5 ms more than a built-in config for
//! s2twp from a mapped file, docs/convert.md "Custom configs and
//! dictionaries"). The library reads files but never writes them: the CLI
//! keeps the cache (crates/cli/convert/custom.rs).
//!
//! A loaded config lives as long as the process (its tables are leaked into
//! `'static`, like the built-in ones), so load each config once.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::compile::layouts::{
    CharMapLayout, CharTableLayout, ConfigLayout, DictRef, FastDictLayout, FastPlan, FlatLayout,
    Range, RunMapLayout, SegmentedPlan, SharedLayout, SlotsLayout, TrieLayout, ValuesLayout,
};
use crate::compile::opencc::{
    ConfigProblem, ConfigSpec, DataError, DictSpec, Files, parse_config_text, parse_dict_text,
    read_bytes, read_text, text_of,
};
use crate::compile::plan::{Compiler, compile_config};
use crate::config::Config;
use crate::error::{Error, ErrorKind};
use crate::layout::is_compat;
use crate::tables::{TableParts, Tables};

/// The most dictionary entries a loaded config may have (OpenCC's s2twp
/// reads about 60,000 lines): far below what the tables' encodings
/// allow, so that compiling never meets their limits.
const MAX_ENTRIES: usize = 2_000_000;

/// The vendored OpenCC files, for `--dict` on a built-in config.
macro_rules! vendored {
    ($($dir:literal / $name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../data/opencc/", $dir, "/", $name)))),*]
    };
}

static VENDORED: &[(&str, &str)] = vendored![
    "config" / "hk2s.json",
    "config" / "hk2sp.json",
    "config" / "hk2t.json",
    "config" / "jp2t.json",
    "config" / "s2hk.json",
    "config" / "s2hkp.json",
    "config" / "s2t.json",
    "config" / "s2tw.json",
    "config" / "s2twp.json",
    "config" / "t2hk.json",
    "config" / "t2jp.json",
    "config" / "t2s.json",
    "config" / "t2tw.json",
    "config" / "tw2s.json",
    "config" / "tw2sp.json",
    "config" / "tw2t.json",
    "dictionary" / "CJK_Compatibility_Ideographs.txt",
    "dictionary" / "HKPhrases.txt",
    "dictionary" / "HKPhrasesRev.txt",
    "dictionary" / "HKVariants.txt",
    "dictionary" / "HKVariantsPhrases.txt",
    "dictionary" / "HKVariantsRev.txt",
    "dictionary" / "HKVariantsRevPhrases.txt",
    "dictionary" / "JPShinjitaiCharacters.txt",
    "dictionary" / "JPShinjitaiCharactersRev.txt",
    "dictionary" / "JPShinjitaiPhrases.txt",
    "dictionary" / "STCharacters.txt",
    "dictionary" / "STPhrases.txt",
    "dictionary" / "STPhrases_GeneratedFromRegionalPhrases.txt",
    "dictionary" / "TSCharacters.txt",
    "dictionary" / "TSCharactersExt.txt",
    "dictionary" / "TSPhrases.txt",
    "dictionary" / "TWPhrases.txt",
    "dictionary" / "TWPhrasesRev.txt",
    "dictionary" / "TWVariants.txt",
    "dictionary" / "TWVariantsPhrases.txt",
    "dictionary" / "TWVariantsRev.txt",
    "dictionary" / "TWVariantsRevPhrases.txt",
];

fn vendored(name: &str) -> Option<&'static str> {
    VENDORED.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}

/// An OpenCC config loaded at run time: from a JSON file of OpenCC 1.4.2's
/// schema, or a built-in config with user dictionaries in front.
///
/// Convert with it as with a built-in config: `Conversion::new(custom)` or
/// [`crate::Converter::custom`]. A `CustomConfig` is a small handle
/// (`Copy`): the tables it refers to live for the rest of the process.
///
/// ```no_run
/// use bianyi_convert::{Conversion, CustomConfig};
///
/// let config = CustomConfig::sources("my-s2twp.json", &["names.txt"])?.compile()?;
/// println!("{}", Conversion::new(config).convert("汉字"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct CustomConfig {
    inner: &'static Loaded,
}

#[derive(Debug)]
struct Loaded {
    layout: &'static ConfigLayout,
    tables: &'static Tables,
    /// The built-in config whose language this one writes, if any (a
    /// file named like one, or a built-in config with user dictionaries).
    like: Option<Config>,
    digest: u64,
}

impl PartialEq for CustomConfig {
    fn eq(&self, other: &CustomConfig) -> bool {
        std::ptr::eq(self.inner, other.inner)
    }
}

impl Eq for CustomConfig {}

impl std::hash::Hash for CustomConfig {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        std::ptr::hash(self.inner, state);
    }
}

/// Every file of a config, read and checked, ready to compile (see
/// [`CustomConfig::sources`]).
#[derive(Debug)]
pub struct Sources {
    spec: ConfigSpec,
    /// Each dictionary: its name in the config, its path, and its bytes
    /// when they are built in or do not come from a regular file (a pipe,
    /// as `--dict <(…)` gives, can be read only once); else the file is
    /// read again to compile.
    /// Read, checked (UTF-8 first) and parsed only to compile: a cache hit
    /// needs the digest alone, which reading a file piece by piece gives
    /// without keeping it (the digest covers the bytes, so a cached config
    /// was checked when compiled).
    texts: Vec<(String, PathBuf, Option<Kept>)>,
    /// The digest of the config and the names of the user dictionaries,
    /// before the dictionaries' contents.
    head: Fnv,
    /// The dictionaries of normalisation stages.
    normalization: BTreeSet<String>,
    like: Option<Config>,
    digest: u64,
}

/// A dictionary's bytes kept from reading to compiling.
type Kept = Cow<'static, [u8]>;

/// A fixed, portable hash (std's `DefaultHasher` may change between Rust
/// releases), for the digest of a config's files: FNV's multiplier over
/// the [`checksum`] of each field.
#[derive(Clone, Copy, Debug)]
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    /// A length-prefixed field, so that ("ab", "c") and ("a", "bc") differ;
    /// eight bytes at a time ([`checksum`]).
    fn field(&mut self, bytes: &[u8]) {
        self.mix(checksum(bytes));
    }
    fn mix(&mut self, sum: u64) {
        self.0 = (self.0 ^ sum).wrapping_mul(0x0100_0000_01b3);
    }
}

/// The pieces in which a dictionary's bytes are digested: a file is read
/// through one buffer of this size instead of whole into fresh memory.
const PIECE: usize = 1 << 16;

/// The digest of a dictionary's `bytes`: its pieces of [`PIECE`] bytes,
/// the last one shorter (empty when the length is a multiple).
fn bytes_digest(bytes: &[u8]) -> u64 {
    let mut sum = Fnv::new();
    for piece in bytes.chunks(PIECE) {
        sum.field(piece);
    }
    if bytes.len().is_multiple_of(PIECE) {
        sum.field(&[]);
    }
    sum.0
}

/// [`bytes_digest`] of the file `path`, read a piece at a time.
fn file_digest(path: &Path) -> Result<u64, DataError> {
    let error = |e| DataError::new(path, None, ConfigProblem::Read(e));
    let mut file = std::fs::File::open(path).map_err(error)?;
    let mut buffer = Vec::with_capacity(PIECE);
    let mut sum = Fnv::new();
    loop {
        buffer.clear();
        (&mut file)
            .take(PIECE as u64)
            .read_to_end(&mut buffer)
            .map_err(error)?;
        sum.field(&buffer);
        if buffer.len() < PIECE {
            return Ok(sum.0);
        }
    }
}

fn data_error(e: DataError) -> Error {
    Error::new(ErrorKind::ConfigFile {
        path: e.path,
        line_column: e.at,
        problem: e.problem,
    })
}

impl CustomConfig {
    /// Reads the OpenCC config at `config` and every dictionary it names
    /// (resolved as OpenCC does: as given, relative names from the working
    /// directory, then in the config's folder), with the text dictionaries
    /// `dicts` put in front of its first conversion stage and of its
    /// segmentation, in that order (the first has the last word).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::ConfigFile`] with the file and, where it applies, the
    /// line and column: a file that cannot be read, invalid UTF-8, bad
    /// JSON, a config of another shape, an unknown dictionary type, an
    /// `ocd2` dictionary. The dictionaries' contents (UTF-8 first, then
    /// their lines) are checked by [`Sources::compile`]: a missing
    /// dictionary is reported before a damaged one named earlier.
    pub fn sources(config: impl AsRef<Path>, dicts: &[impl AsRef<Path>]) -> Result<Sources, Error> {
        let path = config.as_ref();
        let text = read_text(path).map_err(data_error)?;
        let dir = path.parent().unwrap_or(Path::new(""));
        let spec = parse_config_text(path, &text, &Files::Resolve { config_dir: dir })
            .map_err(data_error)?;
        let like = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.parse::<Config>().ok());
        Sources::read(spec, &text, like, dicts, |file| {
            Ok((PathBuf::from(file), None))
        })
    }

    /// A built-in config with the text dictionaries `dicts` in front (see
    /// [`CustomConfig::sources`]), from the OpenCC files vendored in the
    /// library.
    ///
    /// # Errors
    ///
    /// As [`CustomConfig::sources`], for the files `dicts`.
    pub fn builtin_sources(config: Config, dicts: &[impl AsRef<Path>]) -> Result<Sources, Error> {
        let name = format!("{}.json", config.name());
        let internal = |what: &str| {
            Error::new(ErrorKind::ConfigFile {
                path: PathBuf::from(what),
                line_column: None,
                problem: ConfigProblem::Read(std::io::ErrorKind::NotFound.into()),
            })
        };
        let text = vendored(&name).ok_or_else(|| internal(&name))?;
        let spec =
            parse_config_text(Path::new(&name), text, &Files::Vendored).map_err(data_error)?;
        Sources::read(spec, text, Some(config), dicts, |file| {
            match vendored(file) {
                Some(t) => Ok((PathBuf::from(file), Some(t.as_bytes()))),
                None => Ok((PathBuf::from(file), None)),
            }
        })
    }

    /// The text dictionaries `dicts` alone, as a config of one stage (and
    /// the same segmentation): what they convert, and nothing else. The
    /// user dictionaries of a target conversion (see
    /// [`crate::TargetDicts`]).
    ///
    /// # Errors
    ///
    /// As [`CustomConfig::sources`], for the files `dicts`.
    pub fn dictionaries_sources(dicts: &[impl AsRef<Path>]) -> Result<Sources, Error> {
        let group = DictSpec::Group {
            union: false,
            children: Vec::new(),
        };
        let spec = ConfigSpec {
            name: "user-dictionaries".to_string(),
            title: "user dictionaries".to_string(),
            normalization: Vec::new(),
            segmentation: Some(group.clone()),
            chain: vec![group],
        };
        Sources::read(spec, "bianyi:user-dictionaries", None, dicts, |file| {
            Ok((PathBuf::from(file), None))
        })
    }

    /// The config's name (its file name without `.json`).
    pub fn name(self) -> &'static str {
        self.inner.layout.name
    }

    /// The config's title (its `name` in the JSON).
    pub fn title(self) -> &'static str {
        self.inner.layout.title
    }

    /// The built-in config whose language this one writes, if known: the
    /// one whose name the file has (`s2twp.json`), or the one given user
    /// dictionaries.
    pub fn like(self) -> Option<Config> {
        self.inner.like
    }

    /// The digest of the files the config was compiled from.
    pub fn digest(self) -> u64 {
        self.inner.digest
    }

    pub(crate) fn layout(self) -> &'static ConfigLayout {
        self.inner.layout
    }

    pub(crate) fn tables(self) -> &'static Tables {
        self.inner.tables
    }

    /// The compiled tables as bytes, for a cache (read back with
    /// [`Sources::from_bytes`]).
    pub fn to_bytes(self) -> Vec<u8> {
        let mut w = Writer::default();
        w.u64(FORMAT);
        w.u64(self.inner.digest);
        encode(&mut w, self.inner.tables.parts(), self.inner.layout);
        let mut out = w.finish();
        let sum = checksum(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }
}

impl Sources {
    fn read(
        mut spec: ConfigSpec,
        config_text: &str,
        like: Option<Config>,
        dicts: &[impl AsRef<Path>],
        mut open: impl FnMut(&str) -> Result<(PathBuf, Option<&'static [u8]>), DataError>,
    ) -> Result<Sources, Error> {
        let user: Vec<DictSpec> = dicts
            .iter()
            .map(|d| DictSpec::Leaf {
                file: d.as_ref().to_string_lossy().into_owned(),
                tofu: false,
            })
            .collect();
        if !user.is_empty() {
            let in_front = |spec: DictSpec| DictSpec::Group {
                union: false,
                children: user.iter().cloned().chain([spec]).collect(),
            };
            if let Some(first) = spec.chain.first_mut() {
                *first = in_front(first.clone());
            }
            spec.segmentation = spec.segmentation.take().map(in_front);
        }
        let mut digest = Fnv::new();
        digest.field(&FORMAT.to_le_bytes());
        digest.field(env!("CARGO_PKG_VERSION").as_bytes());
        digest.field(&[u8::from(cfg!(target_endian = "big"))]);
        digest.field(config_text.as_bytes());
        for d in dicts {
            digest.field(d.as_ref().to_string_lossy().as_bytes());
        }
        let mut normalization = BTreeSet::new();
        for s in &spec.normalization {
            s.files(&mut normalization);
        }
        let mut names = BTreeSet::new();
        for s in spec
            .normalization
            .iter()
            .chain(&spec.chain)
            .chain(spec.segmentation.as_ref())
        {
            s.files(&mut names);
        }
        let head = digest;
        let mut texts = Vec::new();
        for name in &names {
            let (path, text) = open(name).map_err(data_error)?;
            let text = match text {
                Some(bytes) => Some(Cow::Borrowed(bytes)),
                None if std::fs::metadata(&path).is_ok_and(|m| m.is_file()) => None,
                None => Some(Cow::Owned(read_bytes(&path).map_err(data_error)?)),
            };
            let sum = match &text {
                Some(bytes) => bytes_digest(bytes),
                None => file_digest(&path).map_err(data_error)?,
            };
            digest.field(name.as_bytes());
            digest.mix(sum);
            texts.push((name.clone(), path, text));
        }
        Ok(Sources {
            spec,
            texts,
            head,
            normalization,
            like,
            digest: digest.0,
        })
    }

    /// The digest of every file read (config and dictionaries, by content):
    /// a cache of the compiled tables is valid for the same digest only.
    pub fn digest(&self) -> u64 {
        self.digest
    }

    /// Parses the dictionaries and compiles the config into the engine's
    /// tables.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::ConfigFile`] for a dictionary line that cannot be used
    /// (no tab, an empty key or value, a key given twice, a reserved
    /// character), with its line and column, and
    /// [`ConfigProblem::TooLarge`] when the dictionaries do not fit the
    /// tables.
    pub fn compile(self) -> Result<CustomConfig, Error> {
        let mut files = BTreeMap::new();
        let mut entries_total = 0;
        // The digest of the bytes compiled: a file changed since `read`
        // gets the tables (and the cache entry) of what it holds now.
        let mut digest = self.head;
        for (name, path, text) in &self.texts {
            let bytes = match text {
                Some(b) => Cow::Borrowed(&**b),
                None => Cow::Owned(read_bytes(path).map_err(data_error)?),
            };
            digest.field(name.as_bytes());
            digest.mix(bytes_digest(&bytes));
            let text = text_of(path, &bytes).map_err(data_error)?;
            let entries = parse_dict_text(path, text).map_err(data_error)?;
            if !self.normalization.contains(name) {
                // The fast path treats compatibility ideographs as in no
                // key outside normalisation (which removes them first).
                check_no_compat(path, text).map_err(data_error)?;
            }
            entries_total += entries.len();
            if entries_total > MAX_ENTRIES {
                let e = DataError::new(path, None, ConfigProblem::TooLarge);
                return Err(data_error(e));
            }
            files.insert(name.clone(), entries);
        }
        let mut compiler = Compiler::new(&files, cfg!(target_endian = "big"));
        let layout = compile_config(&mut compiler, &self.spec);
        let shared = compiler.finish();
        if compiler.too_large() {
            let path = PathBuf::from(&self.spec.name);
            return Err(data_error(DataError::new(
                &path,
                None,
                ConfigProblem::TooLarge,
            )));
        }
        let mut key_chars: BTreeSet<u32> = BTreeSet::new();
        for entries in files.values() {
            for key in entries.keys() {
                key_chars.extend(key.chars().map(|c| c as u32));
            }
        }
        let parts = Parts {
            blob_len: compiler.blob.bytes.len(),
            text: Cow::Owned(compiler.blob.text),
            tries: compiler.trie_layouts,
            values: compiler.value_layouts,
            charmaps: compiler.charmap_layouts,
            runmaps: compiler.runmap_layouts,
            tables64: compiler.tables64.layouts,
            tables32: compiler.tables32.layouts,
            fast_dicts: compiler.fast_layouts,
            flats: compiler.flat_layouts,
            slots: compiler.slot_layouts,
            shared,
            key_chars: key_chars.into_iter().collect(),
        };
        let blob = leak_aligned(&compiler.blob.bytes);
        Ok(parts.load(blob, layout, self.like, digest.0))
    }

    /// The config from `bytes` that [`CustomConfig::to_bytes`] wrote for
    /// these sources; `None` when they are not that (another digest, another
    /// version of bianyi, damaged).
    pub fn from_bytes(&self, bytes: &[u8]) -> Option<CustomConfig> {
        let (parts, layout, (start, len)) = self.check(bytes, copied)?;
        let blob = leak_aligned(&bytes[start..start + len]);
        Some(parts.load(blob, layout, self.like, self.digest))
    }

    /// [`Sources::from_bytes`], keeping `bytes` for the tables instead of
    /// copying them where they are aligned for `u64` reads, as a large
    /// allocation is (a third fewer page faults when loading s2twp).
    pub fn from_vec(&self, bytes: Vec<u8>) -> Option<CustomConfig> {
        let (parts, layout, (start, len)) = self.check(&bytes, copied)?;
        let blob: &'static [u8] = if bytes[start..].as_ptr().align_offset(8) == 0 {
            &Vec::leak(bytes)[start..start + len]
        } else {
            leak_aligned(&bytes[start..start + len])
        };
        Some(parts.load(blob, layout, self.like, self.digest))
    }

    /// [`Sources::from_bytes`], reading the tables where they are in
    /// `bytes` (a cache file mapped into memory and never unmapped, as the
    /// CLI does): no copy into fresh memory (the checksum reads every page
    /// once, from the page cache); the tables are copied only if they do not
    /// lie at a multiple of 8, and the string pool always is.
    pub fn from_static(&self, bytes: &'static [u8]) -> Option<CustomConfig> {
        // The string pool is copied (half a megabyte for s2twp): text read
        // as `str` must stay valid UTF-8, which a mapping changed in place
        // would not guarantee; the blob is only indexed, with bounds checks.
        let (parts, layout, (start, len)) = self.check(bytes, copied)?;
        let blob = &bytes[start..start + len];
        let blob = if blob.as_ptr().align_offset(8) == 0 {
            blob
        } else {
            leak_aligned(blob)
        };
        Some(parts.load(blob, layout, self.like, self.digest))
    }

    /// The tables in `bytes` if they are these sources' and undamaged, and
    /// where their blob lies.
    fn check<'a>(
        &self,
        bytes: &'a [u8],
        text: impl FnOnce(&'a str) -> Cow<'static, str>,
    ) -> Option<(Parts, ConfigLayout, Range)> {
        let (bytes, sum) = bytes.split_last_chunk::<8>()?;
        if checksum(bytes) != u64::from_le_bytes(*sum) {
            return None;
        }
        let mut r = Reader { bytes, at: 0 };
        if r.u64()? != FORMAT || r.u64()? != self.digest {
            return None;
        }
        let (parts, layout, blob) = decode(&mut r, text)?;
        (r.at == bytes.len() && parts.valid()).then_some((parts, layout, blob))
    }
}

/// The text of a cache's string pool, copied out of bytes that do not live
/// as long as the tables.
fn copied(text: &str) -> Cow<'static, str> {
    Cow::Owned(text.to_owned())
}

/// A checksum of `bytes`, in four independent lanes of eight bytes (FNV-1a
/// byte by byte was a large part of the load of a cached s2twp, and one
/// lane waits on its multiplications): a damaged cache file is a miss.
fn checksum(bytes: &[u8]) -> u64 {
    const K: u64 = 0x0100_0000_01B3;
    let mix = |h: u64, w: &[u8; 8]| (h ^ u64::from_le_bytes(*w)).wrapping_mul(K).rotate_left(23);
    let seed = 0x9E37_79B9_7F4A_7C15 ^ bytes.len() as u64;
    let mut lanes = [
        seed,
        seed.rotate_left(16),
        seed.rotate_left(32),
        seed.rotate_left(48),
    ];
    let (blocks, rest) = bytes.as_chunks::<32>();
    for block in blocks {
        let (words, _) = block.as_chunks::<8>();
        for (lane, w) in lanes.iter_mut().zip(words) {
            *lane = mix(*lane, w);
        }
    }
    let (words, tail) = rest.as_chunks::<8>();
    let mut h = lanes.iter().fold(0, |h, &l| mix(h, &l.to_le_bytes()));
    for w in words {
        h = mix(h, w);
    }
    for &b in tail {
        h = (h ^ u64::from(b)).wrapping_mul(K);
    }
    h
}

/// The first compatibility ideograph in a key of the dictionary `text`.
fn check_no_compat(path: &Path, text: &str) -> Result<(), DataError> {
    for (index, line) in text.split('\n').enumerate() {
        let key = line.split('\t').next().unwrap_or_default();
        if line.starts_with('#') {
            continue;
        }
        if let Some((i, c)) = key.char_indices().find(|&(_, c)| is_compat(c as u32)) {
            let column = key[..i].chars().count() as u64 + 1;
            return Err(DataError::new(
                path,
                Some((index as u64 + 1, column)),
                ConfigProblem::ReservedChar(c),
            ));
        }
    }
    Ok(())
}

/// Bytes in `u64` words, so that the tables can read them as `u64`s.
struct Aligned {
    words: Vec<u64>,
    len: usize,
}

impl Aligned {
    fn of(bytes: &[u8]) -> Aligned {
        let mut words = vec![0u64; bytes.len().div_ceil(8)];
        bytemuck::cast_slice_mut::<u64, u8>(&mut words)[..bytes.len()].copy_from_slice(bytes);
        Aligned {
            words,
            len: bytes.len(),
        }
    }
}

/// Bytes copied into `u64` words and leaked, so that the tables can read
/// them as `u64`s.
fn leak_aligned(bytes: &[u8]) -> &'static [u8] {
    let aligned = Aligned::of(bytes);
    &bytemuck::cast_slice(Vec::leak(aligned.words))[..aligned.len]
}

/// The compiled tables of one config, owned, but for the blob (its length).
struct Parts {
    blob_len: usize,
    text: Cow<'static, str>,
    tries: Vec<TrieLayout>,
    values: Vec<ValuesLayout>,
    charmaps: Vec<CharMapLayout>,
    runmaps: Vec<RunMapLayout>,
    tables64: Vec<CharTableLayout>,
    tables32: Vec<CharTableLayout>,
    fast_dicts: Vec<FastDictLayout>,
    flats: Vec<FlatLayout>,
    slots: Vec<SlotsLayout>,
    shared: SharedLayout,
    key_chars: Vec<u32>,
}

impl Parts {
    /// Leaks the parts into `'static` tables over `blob` (aligned for `u64`
    /// reads, `blob_len` bytes).
    fn load(
        self,
        blob: &'static [u8],
        layout: ConfigLayout,
        like: Option<Config>,
        digest: u64,
    ) -> CustomConfig {
        debug_assert_eq!(blob.len(), self.blob_len);
        let tables = Box::leak(Box::new(Tables::new(TableParts {
            blob,
            text: match self.text {
                Cow::Borrowed(t) => t,
                Cow::Owned(t) => String::leak(t),
            },
            tries: Vec::leak(self.tries),
            values: Vec::leak(self.values),
            charmaps: Vec::leak(self.charmaps),
            runmaps: Vec::leak(self.runmaps),
            tables64: Vec::leak(self.tables64),
            tables32: Vec::leak(self.tables32),
            fast_dicts: Vec::leak(self.fast_dicts),
            flats: Vec::leak(self.flats),
            slots: Vec::leak(self.slots),
            shared: self.shared,
            key_chars: Vec::leak(self.key_chars),
        })));
        CustomConfig {
            inner: Box::leak(Box::new(Loaded {
                layout: Box::leak(Box::new(layout)),
                tables,
                like,
                digest,
            })),
        }
    }
}

impl Parts {
    /// Whether every range lies in the blob or the text and every index
    /// in its list: a cache file that passed the digest check but was
    /// damaged must not make the engine read out of bounds (it would
    /// panic, not misbehave, but a damaged cache is a miss).
    fn valid(&self) -> bool {
        let n = self.blob_len;
        let r = |(start, count): Range, size: usize| {
            start % 8 == 0
                && count
                    .checked_mul(size)
                    .and_then(|b| b.checked_add(start))
                    .is_some_and(|end| end <= n)
        };
        let t = |(start, len): Range| {
            start
                .checked_add(len)
                .is_some_and(|end| self.text.get(start..end).is_some())
        };
        let n64 = self.tables64.len();
        let n32 = self.tables32.len();
        let bmp_ok = |l: &CharTableLayout| {
            r(l.bmp, 2) && l.bmp.1 == 0x1_0000 / crate::layout::BLOCK && r(l.sup, 2)
        };
        self.tries.iter().all(|l| {
            r(l.first_child, 4)
                && r(l.node_char, 4)
                && r(l.node_key, 4)
                && r(l.bigrams, 8)
                && r(l.pairs, 8)
                && l.bigram_shift < 64
        }) && self.values.iter().all(|l| l.roots < n64 && r(l.vals, 4))
            && self.charmaps.iter().all(|l| l.table < n32)
            && self.runmaps.iter().all(|l| l.flat < self.flats.len())
            && self.tables64.iter().all(bmp_ok)
            && self.tables32.iter().all(bmp_ok)
            && self.fast_dicts.iter().all(|l| {
                l.roots < n64
                    && r(l.checks, 4)
                    && r(l.values, 4)
                    && r(l.links, 4)
                    && l.flat.is_none_or(|f| f < self.flats.len())
            })
            && self.flats.iter().all(|l| l.table < n64 && r(l.bmp, 8))
            && self.slots.iter().all(|l| l.table < n64)
            && r(self.shared.blocks64, 8)
            && r(self.shared.rows64, 2)
            && r(self.shared.blocks32, 4)
            && r(self.shared.rows32, 2)
            && r(self.shared.strs, 4)
            && t(self.shared.pool)
    }
}

/// The version of the bytes of [`CustomConfig::to_bytes`] (3: the checksum
/// in four lanes; 2: segmented configs get the single-pass plan; caches of
/// version 1 hold the stage-by-stage one).
const FORMAT: u64 = u64::from_le_bytes(*b"BYOCC\0\0\x03");

#[derive(Default)]
struct Writer {
    out: Vec<u8>,
}

impl Writer {
    fn u64(&mut self, v: u64) {
        self.out.extend_from_slice(&v.to_le_bytes());
    }
    fn n(&mut self, v: usize) {
        self.u64(v as u64);
    }
    fn range(&mut self, (a, b): Range) {
        self.n(a);
        self.n(b);
    }
    fn bytes(&mut self, b: &[u8]) {
        self.n(b.len());
        self.out.extend_from_slice(b);
    }
    fn finish(self) -> Vec<u8> {
        self.out
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn u64(&mut self) -> Option<u64> {
        let b = self.bytes.get(self.at..self.at.checked_add(8)?)?;
        self.at += 8;
        Some(u64::from_le_bytes(b.try_into().ok()?))
    }
    fn n(&mut self) -> Option<usize> {
        usize::try_from(self.u64()?).ok()
    }
    fn u32(&mut self) -> Option<u32> {
        u32::try_from(self.u64()?).ok()
    }
    fn range(&mut self) -> Option<Range> {
        Some((self.n()?, self.n()?))
    }
    fn bytes(&mut self) -> Option<&'a [u8]> {
        let len = self.n()?;
        let b = self.bytes.get(self.at..self.at.checked_add(len)?)?;
        self.at += len;
        Some(b)
    }
    /// A count of items, each at least `min` bytes: never more than the
    /// bytes left could hold (a damaged count must not allocate much).
    fn count(&mut self, min: usize) -> Option<usize> {
        let n = self.n()?;
        (n <= (self.bytes.len() - self.at) / min).then_some(n)
    }
    fn list<T>(&mut self, min: usize, mut f: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let n = self.count(min)?;
        (0..n).map(|_| f(self)).collect()
    }
}

fn put_dicts(w: &mut Writer, refs: &[DictRef]) {
    w.n(refs.len());
    for r in refs {
        w.n(r.trie);
        w.n(r.values);
    }
}

fn take_dicts(r: &mut Reader<'_>) -> Option<&'static [DictRef]> {
    let refs = r.list(16, |r| {
        Some(DictRef {
            trie: r.n()?,
            values: r.n()?,
        })
    })?;
    Some(Vec::leak(refs))
}

fn put_plan(w: &mut Writer, plan: &FastPlan) {
    match *plan {
        FastPlan::General => w.u64(0),
        FastPlan::Single { fast } => {
            w.u64(1);
            w.n(fast);
        }
        FastPlan::Segmented(p) => {
            w.u64(2);
            for n in p.numbers() {
                w.n(n);
            }
            w.range(p.t2_pairs);
            w.range(p.t1_pairs);
            for b in p.flags() {
                w.u64(u64::from(b));
            }
        }
    }
}

fn take_plan(r: &mut Reader<'_>) -> Option<FastPlan> {
    Some(match r.u64()? {
        0 => FastPlan::General,
        1 => FastPlan::Single { fast: r.n()? },
        2 => {
            let mut n = [0usize; 12];
            for x in &mut n {
                *x = r.n()?;
            }
            let pairs = [r.range()?, r.range()?];
            let mut b = [false; 4];
            for x in &mut b {
                *x = r.u64()? != 0;
            }
            FastPlan::Segmented(SegmentedPlan::from_parts(n, pairs, b))
        }
        _ => return None,
    })
}

fn encode(w: &mut Writer, p: TableParts, c: &ConfigLayout) {
    w.bytes(p.blob);
    w.bytes(p.text.as_bytes());
    w.n(p.tries.len());
    for l in p.tries {
        w.n(l.keys);
        w.n(l.max_key_chars);
        for b in l.lead_bytes {
            w.u64(u64::from(b));
        }
        for range in [l.first_child, l.node_char, l.node_key, l.bigrams] {
            w.range(range);
        }
        w.u64(u64::from(l.bigram_shift));
        w.range(l.pairs);
    }
    w.n(p.values.len());
    for l in p.values {
        w.n(l.roots);
        w.range(l.vals);
    }
    w.n(p.charmaps.len());
    for l in p.charmaps {
        w.n(l.table);
    }
    w.n(p.runmaps.len());
    for l in p.runmaps {
        w.n(l.flat);
    }
    for tables in [p.tables64, p.tables32] {
        w.n(tables.len());
        for l in tables {
            w.range(l.bmp);
            w.range(l.sup);
        }
    }
    w.n(p.fast_dicts.len());
    for l in p.fast_dicts {
        w.n(l.roots);
        w.range(l.checks);
        w.range(l.values);
        w.range(l.links);
        for b in l.lead_bytes {
            w.u64(u64::from(b));
        }
        w.u64(l.flat.map_or(u64::MAX, |f| f as u64));
    }
    w.n(p.flats.len());
    for l in p.flats {
        w.n(l.table);
        w.range(l.bmp);
    }
    w.n(p.slots.len());
    for l in p.slots {
        w.n(l.table);
    }
    let s = p.shared;
    for range in [s.blocks64, s.rows64, s.blocks32, s.rows32, s.strs, s.pool] {
        w.range(range);
    }
    w.n(p.key_chars.len());
    for &c in p.key_chars {
        w.u64(u64::from(c));
    }
    w.bytes(c.name.as_bytes());
    w.bytes(c.title.as_bytes());
    for refs in [
        c.normalization,
        c.stages,
        c.stages_tofu,
        c.alternatives,
        c.alternatives_tofu,
    ] {
        put_dicts(w, refs);
    }
    match c.segmentation {
        None => w.u64(u64::MAX),
        Some(r) => {
            w.n(r.trie);
            w.n(r.values);
        }
    }
    put_plan(w, &c.fast);
    put_plan(w, &c.fast_tofu);
}

/// The parts and config in `r`, and where the blob lies in its bytes.
fn decode<'a>(
    r: &mut Reader<'a>,
    text: impl FnOnce(&'a str) -> Cow<'static, str>,
) -> Option<(Parts, ConfigLayout, Range)> {
    let blob_len = r.bytes()?.len();
    let blob = (r.at - blob_len, blob_len);
    let text = text(std::str::from_utf8(r.bytes()?).ok()?);
    let lead = |r: &mut Reader<'_>| -> Option<[u32; 8]> {
        let mut b = [0u32; 8];
        for x in &mut b {
            *x = r.u32()?;
        }
        Some(b)
    };
    let tries = r.list(8, |r| {
        Some(TrieLayout {
            name: "custom",
            keys: r.n()?,
            max_key_chars: r.n()?,
            lead_bytes: lead(r)?,
            first_child: r.range()?,
            node_char: r.range()?,
            node_key: r.range()?,
            bigrams: r.range()?,
            bigram_shift: r.u32()?,
            pairs: r.range()?,
        })
    })?;
    let values = r.list(8, |r| {
        Some(ValuesLayout {
            roots: r.n()?,
            vals: r.range()?,
        })
    })?;
    let charmaps = r.list(8, |r| Some(CharMapLayout { table: r.n()? }))?;
    let runmaps = r.list(8, |r| Some(RunMapLayout { flat: r.n()? }))?;
    let table = |r: &mut Reader<'_>| {
        Some(CharTableLayout {
            bmp: r.range()?,
            sup: r.range()?,
        })
    };
    let tables64 = r.list(8, table)?;
    let tables32 = r.list(8, table)?;
    let fast_dicts = r.list(8, |r| {
        Some(FastDictLayout {
            roots: r.n()?,
            checks: r.range()?,
            values: r.range()?,
            links: r.range()?,
            lead_bytes: lead(r)?,
            flat: match r.u64()? {
                u64::MAX => None,
                f => Some(usize::try_from(f).ok()?),
            },
        })
    })?;
    let flats = r.list(8, |r| {
        Some(FlatLayout {
            table: r.n()?,
            bmp: r.range()?,
        })
    })?;
    let slots = r.list(8, |r| Some(SlotsLayout { table: r.n()? }))?;
    let shared = SharedLayout {
        blocks64: r.range()?,
        rows64: r.range()?,
        blocks32: r.range()?,
        rows32: r.range()?,
        strs: r.range()?,
        pool: r.range()?,
    };
    let key_chars = r.list(8, Reader::u32)?;
    let name = String::from_utf8(r.bytes()?.to_vec()).ok()?;
    let title = String::from_utf8(r.bytes()?.to_vec()).ok()?;
    let normalization = take_dicts(r)?;
    let stages = take_dicts(r)?;
    let stages_tofu = take_dicts(r)?;
    let alternatives = take_dicts(r)?;
    let alternatives_tofu = take_dicts(r)?;
    let segmentation = match r.u64()? {
        u64::MAX => None,
        trie => Some(DictRef {
            trie: usize::try_from(trie).ok()?,
            values: r.n()?,
        }),
    };
    let fast = take_plan(r)?;
    let fast_tofu = take_plan(r)?;
    let parts = Parts {
        blob_len,
        text,
        tries,
        values,
        charmaps,
        runmaps,
        tables64,
        tables32,
        fast_dicts,
        flats,
        slots,
        shared,
        key_chars,
    };
    // Every reference of the config and its plans must be in range too.
    let dict_ok = |d: &DictRef| d.trie < parts.tries.len() && d.values < parts.values.len();
    let refs_ok = [
        normalization,
        stages,
        stages_tofu,
        alternatives,
        alternatives_tofu,
    ]
    .iter()
    .all(|refs| refs.iter().all(dict_ok))
        && segmentation.as_ref().is_none_or(dict_ok);
    let plan_ok = |plan: &FastPlan| match *plan {
        FastPlan::General => true,
        FastPlan::Single { fast } => fast < parts.fast_dicts.len(),
        FastPlan::Segmented(p) => {
            let nf = parts.fast_dicts.len();
            p.seg < nf
                && p.second_fast < nf
                && p.first_fast < nf
                && p.run < parts.runmaps.len()
                && dict_ok(&p.first)
                && dict_ok(&p.second)
                && p.first_flat < parts.tables64.len()
                && p.image1 < parts.charmaps.len()
                && p.image2 < parts.slots.len()
                && [p.t2_pairs, p.t1_pairs].iter().all(|&(start, count)| {
                    start % 8 == 0
                        && count
                            .checked_mul(8)
                            .and_then(|b| b.checked_add(start))
                            .is_some_and(|end| end <= parts.blob_len)
                })
        }
    };
    if !(refs_ok && plan_ok(&fast) && plan_ok(&fast_tofu)) {
        return None;
    }
    let layout = ConfigLayout {
        name: String::leak(name),
        title: String::leak(title),
        normalization,
        segmentation,
        stages,
        stages_tofu,
        fast,
        fast_tofu,
        alternatives,
        alternatives_tofu,
    };
    Some((parts, layout, blob))
}
