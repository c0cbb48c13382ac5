//! `bianyi serve FILE --to T`: the workspace over one document without a
//! project file. An in-memory project is made over it: its root is the
//! document's folder, its one input the document (the folder is not
//! walked), its glossaries those given, its overrides file the one given
//! (default: `FILE.overrides.toml` beside it). Its outputs are kept in
//! memory ([`Memory`]): the document view shows them and they are
//! downloaded from it; nothing but the overrides file and the glossaries
//! is ever written.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use bianyi_project::{Project, Sink};

/// The name the generated project goes by in pages and errors.
const NAME: &str = "(bianyi serve)";

/// Why one file cannot be served.
#[derive(Debug)]
#[non_exhaustive]
pub enum SingleError {
    /// The file is not a document bianyi converts (a project, glossary
    /// or localization file, a binary file, or not a regular file).
    NotADocument(PathBuf),
    /// A glossary or the overrides file is not in the document's folder
    /// (or below it).
    Outside(PathBuf),
    /// A target that is not one.
    UnknownTarget(String),
    /// A file that cannot be read.
    Io(PathBuf, std::io::Error),
    /// The generated project is refused (a glossary that is not a file).
    Project(bianyi_project::Error),
}

impl std::fmt::Display for SingleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SingleError::NotADocument(p) => write!(f, "{} is not a document", p.display()),
            SingleError::Outside(p) => {
                write!(f, "{} is not in the document's folder", p.display())
            }
            SingleError::UnknownTarget(t) => write!(f, "unknown target {t}"),
            SingleError::Io(p, e) => write!(f, "{}: {e}", p.display()),
            SingleError::Project(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for SingleError {}

/// One document to serve without a project file.
#[derive(Clone, Debug)]
pub struct Single {
    /// The document's folder, canonical: the root of the project.
    pub(crate) root: PathBuf,
    /// The document, relative to the root.
    pub(crate) input: String,
    /// The generated project file.
    pub(crate) text: String,
    /// The overrides file, relative to the root.
    pub(crate) overrides: String,
}

/// Extensions of files that are not documents: projects, glossaries,
/// localization files (served by a project's `[[locales]]`).
const NOT_DOCUMENTS: &[&str] = &[
    "toml",
    "tsv",
    "csv",
    "tbx",
    "po",
    "pot",
    "xliff",
    "xlf",
    "strings",
    "resx",
    "properties",
    "arb",
    "yml",
    "yaml",
    "ftl",
];

impl Single {
    /// The workspace over `file` for `targets`, with `glossaries` (TOML,
    /// TSV, CSV or TBX; the TOML ones can be edited) and decisions saved
    /// to `overrides` (default: `FILE.overrides.toml`). Every file must
    /// be in the document's folder or below it.
    pub fn new(
        file: &Path,
        targets: &[String],
        glossaries: &[PathBuf],
        overrides: Option<&Path>,
    ) -> Result<Single, SingleError> {
        let not_doc = || SingleError::NotADocument(file.to_path_buf());
        let meta = std::fs::metadata(file).map_err(|e| SingleError::Io(file.to_path_buf(), e))?;
        let ext = file
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        if !meta.is_file() || NOT_DOCUMENTS.contains(&ext.as_str()) {
            return Err(not_doc());
        }
        let head = {
            use std::io::Read;
            let mut buf = Vec::new();
            std::fs::File::open(file)
                .and_then(|f| f.take(8192).read_to_end(&mut buf))
                .map_err(|e| SingleError::Io(file.to_path_buf(), e))?;
            buf
        };
        if head.contains(&0) {
            return Err(not_doc());
        }
        let abs =
            std::fs::canonicalize(file).map_err(|e| SingleError::Io(file.to_path_buf(), e))?;
        let (Some(root), Some(name)) = (abs.parent(), abs.file_name().and_then(|n| n.to_str()))
        else {
            return Err(not_doc());
        };
        let root = root.to_path_buf();
        for t in targets {
            if t.parse::<bianyi_convert::Target>().is_err() {
                return Err(SingleError::UnknownTarget(t.clone()));
            }
        }
        let glossaries = glossaries
            .iter()
            .map(|g| {
                let c = std::fs::canonicalize(g).map_err(|e| SingleError::Io(g.clone(), e))?;
                relative(&root, &c).ok_or_else(|| SingleError::Outside(g.clone()))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let overrides = match overrides {
            Some(o) => {
                let folder = match o.parent() {
                    Some(p) if !p.as_os_str().is_empty() => p,
                    _ => Path::new("."),
                };
                let dir = std::fs::canonicalize(folder)
                    .map_err(|e| SingleError::Io(o.to_path_buf(), e))?;
                let name = o
                    .file_name()
                    .and_then(|n| n.to_str())
                    .ok_or_else(|| SingleError::Outside(o.to_path_buf()))?;
                let rel = relative(&root, &dir.join(name))
                    .ok_or_else(|| SingleError::Outside(o.to_path_buf()))?;
                // A link to somewhere else is not followed.
                if crate::inside(&root, &rel).is_none() {
                    return Err(SingleError::Outside(o.to_path_buf()));
                }
                rel
            }
            None => format!("{name}.overrides.toml"),
        };
        let mut text = format!(
            "cache = {}\noverrides = {}\nglossaries = [{}]\n\n[[sources]]\nfiles = [{}]\n\
             encoding = \"auto\"\n",
            quoted(".bianyi"),
            quoted(&overrides),
            glossaries
                .iter()
                .map(|g| quoted(g))
                .collect::<Vec<_>>()
                .join(", "),
            quoted(&glob_escape(name)),
        );
        for t in targets {
            text.push_str(&format!("\n[[targets]]\nto = {}\n", quoted(t)));
        }
        let single = Single {
            root,
            input: name.to_string(),
            text,
            overrides,
        };
        single.project().map_err(SingleError::Project)?;
        Ok(single)
    }

    /// The in-memory project, as its files are now.
    pub(crate) fn project(&self) -> Result<Project, bianyi_project::Error> {
        Project::parse(&self.root, Path::new(NAME), self.text.clone())
            .map(|p| p.with_only_input(&self.input))
    }

    /// The overrides file, relative to the document's folder.
    pub fn overrides(&self) -> &str {
        &self.overrides
    }

    /// The document's folder.
    pub fn root(&self) -> &Path {
        &self.root
    }
}

/// `path` relative to `root`, with `/`, if it is below it.
fn relative(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).ok()?;
    let parts: Vec<&str> = rel
        .components()
        .map(|c| match c {
            std::path::Component::Normal(n) => n.to_str(),
            _ => None,
        })
        .collect::<Option<_>>()?;
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// A TOML basic string.
fn quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A file name as a glob that takes only it.
fn glob_escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if matches!(c, '?' | '*' | '[' | ']' | '{' | '}' | '\\') {
            out.push('[');
            out.push(c);
            out.push(']');
        } else {
            out.push(c);
        }
    }
    out
}

/// Outputs kept in memory, by path.
#[derive(Default)]
pub(crate) struct Memory {
    files: Mutex<BTreeMap<PathBuf, Vec<u8>>>,
}

impl Memory {
    pub(crate) fn get(&self, path: &Path) -> Option<Vec<u8>> {
        self.files.lock().ok()?.get(path).cloned()
    }
}

impl Sink for Memory {
    fn write(&self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        self.files
            .lock()
            .map_err(|_| std::io::Error::other("poisoned"))?
            .insert(path.to_path_buf(), bytes.to_vec());
        Ok(())
    }

    fn remove(&self, path: &Path) -> std::io::Result<()> {
        self.files
            .lock()
            .map_err(|_| std::io::Error::other("poisoned"))?
            .remove(path);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_quoted_and_escaped() {
        assert_eq!(quoted("a\"b\\c\n"), "\"a\\\"b\\\\c\\u000A\"");
        assert_eq!(glob_escape("a[1]*.txt"), "a[[]1[]][*].txt");
    }
}
