//! Bilingual dictionaries for the aligner's lexicon: CC-CEDICT files as
//! published, and the compact word lexicon `bianyi dict fetch` compiles
//! from one and installs into the user's data folder.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use crate::model::WordIndex;

/// Reads a dictionary in CC-CEDICT format (`繁體 简体 [pin1 yin1] /gloss/gloss/`)
/// into (Chinese, English) pairs: each short gloss (one or two words, after
/// dropping parentheses, "to " and classifier or cross-reference notes) with
/// both the Traditional and the Simplified headword. Malformed lines are
/// skipped; `#` lines are comments.
pub fn read_cedict(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for line in text.lines() {
        if line.starts_with('#') {
            continue;
        }
        let Some((head, rest)) = line.split_once(" [") else {
            continue;
        };
        let Some((trad, simp)) = head.split_once(' ') else {
            continue;
        };
        let Some((_, glosses)) = rest.split_once("] /") else {
            continue;
        };
        for gloss in glosses.split('/').flat_map(|g| g.split(';')) {
            let Some(g) = clean_gloss(gloss) else {
                continue;
            };
            out.push((simp.to_string(), g.clone()));
            if trad != simp {
                out.push((trad.to_string(), g));
            }
        }
    }
    out
}

fn clean_gloss(gloss: &str) -> Option<String> {
    let mut g = String::new();
    let mut depth = 0usize;
    for c in gloss.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            c if depth == 0 => g.push(c),
            _ => {}
        }
    }
    let g = g.trim();
    let g = g.strip_prefix("to ").unwrap_or(g).trim();
    let lower = g.to_lowercase();
    let skip = [
        "cl:",
        "variant of",
        "see ",
        "surname",
        "abbr.",
        "old variant",
        "used in",
        "also written",
    ];
    if skip
        .iter()
        .any(|s| lower.starts_with(s) || lower.contains(s))
    {
        return None;
    }
    let words = lower.split_whitespace().count();
    let letters = lower.chars().filter(char::is_ascii_alphabetic).count();
    let plain = lower
        .chars()
        .all(|c| c.is_ascii_alphabetic() || c == ' ' || c == '-' || c == '\'');
    (plain && (1..=2).contains(&words) && letters >= 3).then_some(lower)
}

/// First line of a compiled word lexicon (`bianyi dict fetch`); the number
/// is the format's version.
pub const COMPILED_MAGIC: &str = "# bianyi word lexicon 1";

/// Glosses of a headword the aligner uses: CC-CEDICT lists the common
/// senses first, and the rare ones only add noise (tuned on the tuning
/// parts of the dev sets: the literary chapter's strict F1 0.438 with every
/// gloss, 0.478 with two, 0.456 with one; docs/alignment.md, "Lexicon").
pub(crate) const MAX_GLOSSES: usize = 2;

/// The installed lexicon's file name, in the `lexicon` folder of a data
/// folder ([`lexicon_paths`]).
pub const LEXICON_FILE: &str = "cedict.lexicon";

/// The licence and provenance notice installed beside [`LEXICON_FILE`].
pub const NOTICE_FILE: &str = "NOTICE-CC-CEDICT.txt";

/// CC-CEDICT's licence, as its export names it.
pub const CEDICT_LICENSE: &str = "CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)";

/// What went wrong reading a dictionary or a compiled lexicon.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Problem {
    /// The file could not be read.
    Io(String),
    /// The bytes are not UTF-8: the first bad byte's offset.
    NotUtf8 {
        /// Byte offset.
        offset: usize,
    },
    /// A line that is not `TRADITIONAL SIMPLIFIED [pin1 yin1] /gloss/…/`.
    Malformed {
        /// Line, from 1.
        line: usize,
        /// Column (characters), from 1.
        column: usize,
        /// The line's byte offset in the file.
        offset: usize,
        /// What was expected there: `headword`, `[`, `]`, `/`.
        expected: &'static str,
    },
    /// No entry with an English gloss the aligner can use.
    Empty,
    /// A compiled lexicon of a format version this build cannot read (the
    /// first line).
    Version(String),
    /// A compiled lexicon with a line that is not `HEADWORD<TAB>GLOSS|…`.
    Corrupt {
        /// Line, from 1.
        line: usize,
    },
}

/// A dictionary or compiled lexicon that cannot be used, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct LexiconError {
    /// The file, when there is one.
    pub path: Option<PathBuf>,
    /// What is wrong.
    pub problem: Problem,
}

impl LexiconError {
    /// `problem`, in no file.
    pub fn new(problem: Problem) -> LexiconError {
        LexiconError {
            path: None,
            problem,
        }
    }

    /// The same error, in the file `path`.
    pub fn with_path(mut self, path: &Path) -> LexiconError {
        self.path = Some(path.to_path_buf());
        self
    }
}

impl std::fmt::Display for LexiconError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(p) = &self.path {
            write!(f, "{}: ", p.display())?;
        }
        match &self.problem {
            Problem::Io(e) => write!(f, "{e}"),
            Problem::NotUtf8 { offset } => write!(f, "not UTF-8 (byte {offset})"),
            Problem::Malformed {
                line,
                column,
                expected,
                ..
            } => write!(
                f,
                "{line}:{column}: not a CC-CEDICT line (expected {expected})"
            ),
            Problem::Empty => write!(f, "no entry with a usable English gloss"),
            Problem::Version(v) => write!(f, "a compiled lexicon of another version: {v}"),
            Problem::Corrupt { line } => write!(f, "{line}: not a compiled lexicon line"),
        }
    }
}

impl std::error::Error for LexiconError {}

/// Where a word lexicon comes from and what it holds (the header of a
/// compiled lexicon).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct LexiconInfo {
    /// The URL or file it was compiled from.
    pub source: String,
    /// SHA-256 of the bytes fetched (hex), or empty.
    pub sha256: String,
    /// The export's date (`#! date=` in CC-CEDICT's header), or empty.
    pub date: String,
    /// The licence of the data.
    pub license: String,
    /// Headwords (Traditional and Simplified ones counted apart).
    pub entries: usize,
}

/// A compiled word lexicon: the text to write, and what it says about
/// itself.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Compiled {
    /// The file's contents.
    pub text: String,
    /// Its header.
    pub info: LexiconInfo,
}

/// A word lexicon for the aligner: Chinese headwords with short English
/// glosses (from CC-CEDICT), set as [`crate::Options::word_lexicon`] or
/// found installed ([`installed_lexicon`]).
pub struct WordLexicon {
    pub(crate) index: WordIndex,
    info: LexiconInfo,
}

impl std::fmt::Debug for WordLexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WordLexicon")
            .field("info", &self.info)
            .finish_non_exhaustive()
    }
}

/// The fields of one CC-CEDICT line: the two headwords and the glosses.
fn cedict_line(line: &str) -> Result<(&str, &str, &str), (usize, &'static str)> {
    // The column (in characters, from 1) where `part`, a piece of `line`,
    // starts.
    let col = |part: &str| {
        let at = (part.as_ptr() as usize).saturating_sub(line.as_ptr() as usize);
        line.get(..at).map_or(1, |s| s.chars().count() + 1)
    };
    let end = &line[line.len()..];
    let (head, rest) = line.split_once(" [").ok_or_else(|| (col(end), "["))?;
    let (trad, simp) = head.split_once(' ').ok_or((1, "headword"))?;
    if trad.is_empty() || simp.is_empty() || simp.contains(' ') {
        return Err((1, "headword"));
    }
    let (_, glosses) = rest.split_once("] ").ok_or_else(|| (col(rest), "]"))?;
    let inner = glosses
        .strip_prefix('/')
        .and_then(|g| g.strip_suffix('/'))
        .ok_or_else(|| (col(glosses), "/"))?;
    Ok((trad, simp, inner))
}

/// Compiles a CC-CEDICT file (as published: `#` comment lines, then
/// `TRADITIONAL SIMPLIFIED [pin1 yin1] /gloss/…/`, LF or CRLF) into a word
/// lexicon: each headword (Traditional and Simplified alike, as separate
/// keys) with its short English glosses (one or two words, see
/// [`read_cedict`]); pinyin and the pairing of the two headwords are not
/// kept. Every line is checked: the first malformed one is an error.
/// `source` and `sha256` are recorded in the header.
pub fn compile_cedict(text: &str, source: &str, sha256: &str) -> Result<Compiled, LexiconError> {
    let mut keys: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut date = String::new();
    let mut offset = 0;
    for (n, raw) in text.split_inclusive('\n').enumerate() {
        let at = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        if let Some(comment) = line.strip_prefix('#') {
            if let Some(d) = comment.trim_start_matches('!').trim().strip_prefix("date=") {
                date = d.trim().to_string();
            }
            continue;
        }
        if line.trim().is_empty() {
            continue;
        }
        let (trad, simp, glosses) = cedict_line(line).map_err(|(column, expected)| {
            LexiconError::new(Problem::Malformed {
                line: n + 1,
                column,
                offset: at,
                expected,
            })
        })?;
        for gloss in glosses.split('/').flat_map(|g| g.split(';')) {
            let Some(g) = clean_gloss(gloss) else {
                continue;
            };
            for key in [simp, trad] {
                let list = keys.entry(key).or_default();
                if !list.contains(&g) {
                    list.push(g.clone());
                }
            }
        }
    }
    if keys.is_empty() {
        return Err(LexiconError::new(Problem::Empty));
    }
    let info = LexiconInfo {
        source: source.to_string(),
        sha256: sha256.to_string(),
        date,
        license: CEDICT_LICENSE.to_string(),
        entries: keys.len(),
    };
    let mut out = String::with_capacity(text.len() / 3);
    out.push_str(COMPILED_MAGIC);
    out.push('\n');
    for (name, value) in [
        ("source", info.source.as_str()),
        ("sha256", &info.sha256),
        ("date", &info.date),
        ("license", &info.license),
    ] {
        // A header value is one line.
        let value = value.replace(['\n', '\r'], " ");
        out.push_str(&format!("# {name}: {value}\n"));
    }
    out.push_str(&format!("# entries: {}\n", info.entries));
    out.push_str(
        "# From CC-CEDICT (https://cc-cedict.org/), by MDBG and its contributors: \
         headwords and short English glosses only.\n",
    );
    for (key, glosses) in &keys {
        out.push_str(key);
        out.push('\t');
        out.push_str(&glosses.join("|"));
        out.push('\n');
    }
    Ok(Compiled { text: out, info })
}

/// The header of a compiled lexicon, and where its entries start.
fn compiled_header(text: &str) -> Result<(LexiconInfo, usize), LexiconError> {
    let first = text.lines().next().unwrap_or_default();
    if first != COMPILED_MAGIC {
        return Err(LexiconError::new(Problem::Version(
            first.chars().take(60).collect(),
        )));
    }
    let mut info = LexiconInfo::default();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let Some(comment) = line.strip_prefix('#') else {
            break;
        };
        at += line.len();
        let Some((name, value)) = comment.trim().split_once(": ") else {
            continue;
        };
        let value = value.trim().to_string();
        match name {
            "source" => info.source = value,
            "sha256" => info.sha256 = value,
            "date" => info.date = value,
            "license" => info.license = value,
            "entries" => info.entries = value.parse().unwrap_or(0),
            _ => {}
        }
    }
    Ok((info, at))
}

impl WordLexicon {
    /// A compiled lexicon's text ([`compile_cedict`]).
    pub fn parse(text: &str) -> Result<WordLexicon, LexiconError> {
        let (info, at) = compiled_header(text)?;
        let header_lines = text[..at].lines().count();
        let mut entries = Vec::with_capacity(info.entries);
        for (n, line) in text[at..].lines().enumerate() {
            let Some((key, glosses)) = line.split_once('\t') else {
                return Err(LexiconError::new(Problem::Corrupt {
                    line: header_lines + n + 1,
                }));
            };
            entries.push((key, glosses.split('|')));
        }
        if entries.is_empty() {
            return Err(LexiconError::new(Problem::Empty));
        }
        Ok(WordLexicon {
            index: WordIndex::from_glosses(entries.into_iter(), MAX_GLOSSES),
            info,
        })
    }

    /// A CC-CEDICT file's text, compiled in memory.
    pub fn from_cedict(text: &str, source: &str) -> Result<WordLexicon, LexiconError> {
        let compiled = compile_cedict(text, source, "")?;
        WordLexicon::parse(&compiled.text)
    }

    /// A file: a compiled lexicon (it starts with [`COMPILED_MAGIC`]'s
    /// `# bianyi word lexicon`) or a CC-CEDICT file.
    pub fn read(path: &Path) -> Result<WordLexicon, LexiconError> {
        let bytes = std::fs::read(path)
            .map_err(|e| LexiconError::new(Problem::Io(e.to_string())).with_path(path))?;
        let text = std::str::from_utf8(&bytes).map_err(|e| {
            LexiconError::new(Problem::NotUtf8 {
                offset: e.valid_up_to(),
            })
            .with_path(path)
        })?;
        let result = if text.starts_with("# bianyi word lexicon") {
            WordLexicon::parse(text)
        } else {
            WordLexicon::from_cedict(text, &path.display().to_string())
        };
        result.map_err(|e| e.with_path(path))
    }

    /// Where it comes from and what it holds.
    pub fn info(&self) -> &LexiconInfo {
        &self.info
    }
}

/// The header of a compiled lexicon file, without loading its entries
/// (for `bianyi dict info`).
pub fn lexicon_info(path: &Path) -> Result<LexiconInfo, LexiconError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| LexiconError::new(Problem::Io(e.to_string())).with_path(path))?;
    compiled_header(&text)
        .map(|(info, _)| info)
        .map_err(|e| e.with_path(path))
}

/// The user's data folder for bianyi: `BIANYI_DATA_DIR` when set and not
/// empty, else the platform's (XDG_DATA_HOME/bianyi, ~/.local/share/bianyi
/// on Linux; ~/Library/Application Support/bianyi on macOS;
/// %APPDATA%\bianyi\data on Windows).
pub fn data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("BIANYI_DATA_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "bianyi").map(|d| d.data_dir().to_path_buf())
}

/// Where an installed word lexicon is looked for, in order: the user's
/// data folder ([`data_dir`]) and a packager's copy beside the program,
/// `../share/bianyi` from the executable's folder; each in its `lexicon`
/// folder, as [`LEXICON_FILE`].
pub fn lexicon_paths() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = data_dir().into_iter().collect();
    if let Some(prefix) = std::env::current_exe()
        .ok()
        .and_then(|exe| Some(exe.parent()?.parent()?.to_path_buf()))
    {
        dirs.push(prefix.join("share").join("bianyi"));
    }
    dirs.into_iter()
        .map(|d| d.join("lexicon").join(LEXICON_FILE))
        .collect()
}

/// The installed word lexicon: the first of [`lexicon_paths`] that exists,
/// loaded once per process and shared. `Ok(None)` when none is installed;
/// an error when the one found cannot be read.
pub fn installed_lexicon() -> Result<Option<Arc<WordLexicon>>, LexiconError> {
    static INSTALLED: OnceLock<Result<Option<Arc<WordLexicon>>, LexiconError>> = OnceLock::new();
    INSTALLED
        .get_or_init(|| {
            let Some(path) = lexicon_paths().into_iter().find(|p| p.is_file()) else {
                return Ok(None);
            };
            WordLexicon::read(&path).map(|l| Some(Arc::new(l)))
        })
        .clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cedict_lines() {
        let text = "# comment\n創造 创造 [chuang4 zao4] /to create/to bring about/to produce/\n\
                    神 神 [shen2] /deity; soul/unusual/mysterious/CL:個|个[ge4]/\nbad line\n";
        let pairs = read_cedict(text);
        assert!(pairs.contains(&("创造".to_string(), "create".to_string())));
        assert!(pairs.contains(&("創造".to_string(), "create".to_string())));
        assert!(pairs.contains(&("神".to_string(), "deity".to_string())));
        assert!(!pairs.iter().any(|p| p.1.contains("cl:")));
    }

    const MINI: &str = "#! date=2026-12-06\r\n天堂 天堂 [tian1 tang2] /paradise/heaven/\r\n\
                        花園 花园 [hua1 yuan2] /garden/flower garden/\r\n\
                        老師 老师 [lao3 shi1] /teacher/CL:個|个[ge4]/\r\n";

    #[test]
    fn compiled_lexicons_round_trip() {
        let c = compile_cedict(MINI, "mini.u8", "abc").expect("compiles");
        assert_eq!(c.info.entries, 5);
        assert_eq!(c.info.date, "2026-12-06");
        assert!(c.text.starts_with(COMPILED_MAGIC));
        // Keys in order, one per headword, no pinyin, no classifier.
        assert!(c.text.contains("\n花园\tgarden|flower garden\n"));
        assert!(!c.text.contains("hua1") && !c.text.contains("cl:"));
        let lex = WordLexicon::parse(&c.text).expect("parses");
        assert_eq!(lex.info(), &c.info);
        let mut out = Vec::new();
        lex.index.lookup("他的老師在花園裡", &mut out);
        for w in ["teach", "garde", "flowe"] {
            assert!(out.contains(&w), "{w} missing from {out:?}");
        }
        // Only the first glosses of a headword are used.
        out.clear();
        lex.index.lookup("天堂", &mut out);
        assert_eq!(out, ["parad", "heave"]);
    }

    #[test]
    fn malformed_lines_are_located() {
        let text = "# c\n天堂 天堂 [tian1 tang2] /paradise/\n花園 花园 [hua1 yuan2] garden\n";
        let e = compile_cedict(text, "x", "").expect_err("malformed");
        assert_eq!(
            e.problem,
            Problem::Malformed {
                line: 3,
                column: 20,
                offset: 43,
                expected: "/"
            }
        );
        let e = compile_cedict("<html>\n", "x", "").expect_err("not CEDICT");
        assert!(matches!(
            e.problem,
            Problem::Malformed {
                line: 1,
                expected: "[",
                ..
            }
        ));
        let e = compile_cedict("# only comments\n", "x", "").expect_err("empty");
        assert_eq!(e.problem, Problem::Empty);
        let e = WordLexicon::parse("# bianyi word lexicon 9\n").expect_err("version");
        assert_eq!(
            e.problem,
            Problem::Version("# bianyi word lexicon 9".to_string())
        );
        let e = WordLexicon::parse(&format!("{COMPILED_MAGIC}\n# entries: 1\nkey\n"))
            .expect_err("corrupt");
        assert_eq!(e.problem, Problem::Corrupt { line: 3 });
    }
}
