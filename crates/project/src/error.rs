//! What can go wrong in a project, and where.

use std::fmt;
use std::path::{Path, PathBuf};

/// A place in a file: 1-based line and column (in characters), and the
/// byte offset.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Location {
    /// The file.
    pub file: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Byte offset in the file.
    pub byte: usize,
}

impl Location {
    /// The place of byte `byte` of `text`, the contents of `file`.
    pub fn in_text(file: &Path, text: &str, byte: usize) -> Location {
        let byte = byte.min(text.len());
        let mut cut = byte;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let before = &text[..cut];
        let line = before.matches('\n').count() + 1;
        let start = before.rfind('\n').map_or(0, |k| k + 1);
        Location {
            file: file.to_path_buf(),
            line,
            column: before[start..].chars().count() + 1,
            byte,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file.display(), self.line, self.column)
    }
}

/// An error of a project: its kind and, for errors in the project file or
/// the overrides file, where.
#[derive(Debug)]
pub struct Error {
    /// Boxed: errors are rare, results are passed around often.
    inner: Box<Inner>,
}

#[derive(Debug)]
struct Inner {
    kind: ErrorKind,
    location: Option<Location>,
}

/// What went wrong.
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// No `bianyi.toml` in `start` or any folder above it.
    NotFound {
        /// Where the search started.
        start: PathBuf,
    },
    /// A file could not be read.
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        error: std::io::Error,
    },
    /// The TOML does not parse, or a value has the wrong type.
    Syntax {
        /// The parser's message.
        message: String,
    },
    /// A key the schema does not know.
    UnknownKey {
        /// The key.
        key: String,
        /// The known key closest to it, if one is close.
        suggestion: Option<String>,
    },
    /// A glob that does not parse.
    BadGlob {
        /// The glob.
        glob: String,
        /// The glob parser's message.
        message: String,
    },
    /// A path template with an unknown `{variable}`, an unclosed brace, or
    /// one that leads out of the project.
    BadTemplate {
        /// The template.
        template: String,
    },
    /// A target that is not `zh-Hans`, `zh-Hant`, `zh-TW`, `zh-HK` or
    /// `zh-CN`.
    UnknownTarget {
        /// The name given.
        name: String,
    },
    /// A value outside its set (`format`, `encoding`, `terms`, a
    /// language tag).
    BadValue {
        /// The key.
        key: String,
        /// The value given.
        value: String,
    },
    /// A glossary the project names does not exist.
    MissingGlossary {
        /// Its path.
        path: PathBuf,
    },
    /// A glossary does not read.
    Glossary {
        /// Its path.
        path: PathBuf,
        /// Why.
        error: bianyi_glossary::Error,
    },
    /// Two inputs are mapped to the same output.
    SameOutput {
        /// The output, relative to the project.
        output: String,
        /// The first input.
        first: String,
        /// The second input.
        second: String,
    },
    /// An output would be read back as an input (it matches a source glob
    /// or is a source itself).
    OutputInSources {
        /// The output, relative to the project.
        output: String,
        /// The input it comes from.
        input: String,
    },
    /// The same target twice.
    TargetTwice {
        /// The target.
        name: String,
    },
    /// An override names a target the project does not build.
    OverrideTarget {
        /// The target.
        name: String,
    },
    /// An override's `source` is empty or not inside its `context`.
    OverrideSpot {
        /// The source text.
        source: String,
        /// The context.
        context: String,
    },
    /// The spot given for a new override is not in the file.
    NoSuchSpot {
        /// The file.
        file: String,
        /// The text looked for.
        source: String,
    },
}

impl Error {
    /// An error of `kind`, nowhere in particular.
    pub fn new(kind: ErrorKind) -> Error {
        Error {
            inner: Box::new(Inner {
                kind,
                location: None,
            }),
        }
    }

    /// An error of `kind` at `location`.
    pub fn at(kind: ErrorKind, location: Location) -> Error {
        Error {
            inner: Box::new(Inner {
                kind,
                location: Some(location),
            }),
        }
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.inner.kind
    }

    /// Where, for errors in the project or overrides file.
    pub fn location(&self) -> Option<&Location> {
        self.inner.location.as_ref()
    }

    pub(crate) fn read(path: &Path, error: std::io::Error) -> Error {
        Error::new(ErrorKind::Read {
            path: path.to_path_buf(),
            error,
        })
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(l) = &self.inner.location {
            write!(f, "{l}: ")?;
        }
        match &self.inner.kind {
            ErrorKind::NotFound { start } => write!(
                f,
                "no bianyi.toml in {} or any folder above it",
                start.display()
            ),
            ErrorKind::Read { path, .. } => write!(f, "cannot read {}", path.display()),
            ErrorKind::Syntax { message } => write!(f, "{message}"),
            ErrorKind::UnknownKey { key, suggestion } => {
                write!(f, "unknown key `{key}`")?;
                match suggestion {
                    Some(s) => write!(f, " (did you mean `{s}`?)"),
                    None => Ok(()),
                }
            }
            ErrorKind::BadGlob { glob, message } => write!(f, "bad glob `{glob}`: {message}"),
            ErrorKind::BadTemplate { template } => write!(f, "bad path template `{template}`"),
            ErrorKind::UnknownTarget { name } => write!(f, "unknown target `{name}`"),
            ErrorKind::BadValue { key, value } => write!(f, "bad value `{value}` for `{key}`"),
            ErrorKind::MissingGlossary { path } => {
                write!(f, "glossary {} does not exist", path.display())
            }
            ErrorKind::Glossary { path, .. } => write!(f, "glossary {}", path.display()),
            ErrorKind::SameOutput {
                output,
                first,
                second,
            } => write!(f, "{first} and {second} are both mapped to {output}"),
            ErrorKind::OutputInSources { output, input } => write!(
                f,
                "the output {output} of {input} would be read as a source"
            ),
            ErrorKind::TargetTwice { name } => write!(f, "target {name} declared twice"),
            ErrorKind::OverrideTarget { name } => {
                write!(
                    f,
                    "override for target {name}, which the project does not build"
                )
            }
            ErrorKind::OverrideSpot { source, context } => {
                write!(
                    f,
                    "override source `{source}` is not in its context `{context}`"
                )
            }
            ErrorKind::NoSuchSpot { file, source } => write!(f, "`{source}` is not in {file}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.inner.kind {
            ErrorKind::Read { error, .. } => Some(error),
            ErrorKind::Glossary { error, .. } => Some(error),
            _ => None,
        }
    }
}
