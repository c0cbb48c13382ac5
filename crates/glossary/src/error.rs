//! Errors of the glossary library: what went wrong and where.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// An error reading, validating or writing a glossary.
///
/// [`Error::kind`] says what went wrong; [`Error::location`] where, when the
/// error is about a place in a file. The `Display` text is a short English
/// description for logs; the `bianyi` CLI renders its own localized message
/// from the kind.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    location: Option<Location>,
    file: Option<PathBuf>,
}

/// A place in a text: 1-based line and column (in characters) and the byte
/// offset from the start.
///
/// With the `serde` feature it serializes as `{"line", "column", "byte"}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Location {
    /// 1-based line number (lines end with `\n`).
    pub line: u64,
    /// 1-based column in characters (Unicode scalar values) within the line.
    pub column: u64,
    /// Offset of the place from the start of the text, in bytes.
    pub byte: u64,
}

impl Location {
    /// The location of byte offset `byte` in `text` (clamped to the text and
    /// moved back to a character boundary).
    pub fn of(text: &str, byte: usize) -> Location {
        let mut byte = byte.min(text.len());
        while !text.is_char_boundary(byte) {
            byte -= 1;
        }
        let before = &text[..byte];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
        // A byte-order mark at the start of the text is not a column.
        let line_text = &before[line_start..];
        let line_text = if line_start == 0 {
            line_text.strip_prefix('\u{FEFF}').unwrap_or(line_text)
        } else {
            line_text
        };
        let column = line_text.chars().count() + 1;
        Location {
            line: line as u64,
            column: column as u64,
            byte: byte as u64,
        }
    }
}

/// A file format the library reads or writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// The canonical TOML glossary.
    Toml,
    /// Tab-separated values (OmegaT's glossary layout).
    Tsv,
    /// Comma-separated values.
    Csv,
    /// TermBase eXchange (ISO 30042), v3 or the older v2 `martif`.
    Tbx,
}

impl Format {
    /// The format's usual name (`toml`, `tsv`, `csv`, `tbx`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Toml => "toml",
            Format::Tsv => "tsv",
            Format::Csv => "csv",
            Format::Tbx => "tbx",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What went wrong.
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The text is not well-formed in its format; `expected` says what was
    /// expected at the location (in English, from the parser).
    Syntax {
        /// The format being read.
        format: Format,
        /// What the parser expected or found.
        message: String,
    },
    /// A language tag is not valid BCP 47.
    InvalidLanguage {
        /// The tag as written.
        tag: String,
    },
    /// A required field is missing.
    MissingField {
        /// The field's name (`id`, `lang`, `text`, …).
        field: &'static str,
    },
    /// A field has a value it cannot have.
    InvalidValue {
        /// The field's name.
        field: &'static str,
        /// The value as written.
        value: String,
        /// What it may be, in English (e.g. `preferred, admitted or forbidden`).
        expected: &'static str,
    },
    /// Two entries have the same id.
    DuplicateId {
        /// The id.
        id: String,
    },
    /// An XML file asks for something the reader refuses for safety: a
    /// document type definition, an entity declaration, an external
    /// reference.
    UnsafeXml {
        /// What was refused (`DOCTYPE`, `ENTITY`, …).
        what: String,
    },
    /// The termbase is too large for the matcher.
    TooLarge {
        /// The reason, from the automaton builder.
        message: String,
    },
    /// A compiled matcher (see `Matcher::from_bytes`) is damaged, from
    /// another version, or was built for another glossary: build the
    /// matcher again.
    Cache {
        /// What does not fit.
        message: String,
    },
    /// Reading or writing a file failed.
    Io(io::Error),
}

impl Error {
    /// An error of this kind with no location.
    pub fn new(kind: ErrorKind) -> Error {
        Error {
            kind,
            location: None,
            file: None,
        }
    }

    /// An error of this kind at byte offset `byte` of `text`.
    pub fn at(kind: ErrorKind, text: &str, byte: usize) -> Error {
        Error {
            kind,
            location: Some(Location::of(text, byte)),
            file: None,
        }
    }

    /// The same error, naming the file it is about (kept if already set).
    #[must_use]
    pub fn in_file(mut self, path: &Path) -> Error {
        if self.file.is_none() {
            self.file = Some(path.to_path_buf());
        }
        self
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// Where in the text, when the error is about a place.
    pub fn location(&self) -> Option<Location> {
        self.location
    }

    /// The file the error is about, when known.
    pub fn file(&self) -> Option<&Path> {
        self.file.as_deref()
    }
}

impl From<io::Error> for Error {
    fn from(e: io::Error) -> Error {
        Error::new(ErrorKind::Io(e))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{}", file.display())?;
            if let Some(l) = self.location {
                write!(f, ":{}:{}", l.line, l.column)?;
            }
            f.write_str(": ")?;
        } else if let Some(l) = self.location {
            write!(f, "{}:{}: ", l.line, l.column)?;
        }
        write!(f, "{}", self.kind)
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::Syntax { format, message } => write!(f, "invalid {format}: {message}"),
            ErrorKind::InvalidLanguage { tag } => write!(f, "invalid language tag {}", Quoted(tag)),
            ErrorKind::MissingField { field } => write!(f, "missing field `{field}`"),
            ErrorKind::InvalidValue {
                field,
                value,
                expected,
            } => write!(f, "invalid {field} {}: expected {expected}", Quoted(value)),
            ErrorKind::DuplicateId { id } => write!(f, "duplicate entry id {}", Quoted(id)),
            ErrorKind::UnsafeXml { what } => {
                write!(f, "refused {what}: DTDs and entities are not read")
            }
            ErrorKind::TooLarge { message } => write!(f, "termbase too large: {message}"),
            ErrorKind::Cache { message } => write!(f, "unusable compiled matcher: {message}"),
            ErrorKind::Io(e) => write!(f, "{e}"),
        }
    }
}

// The text of an I/O error is part of the message (`Display`), so it is
// not its source too: a chain printed with its sources would repeat it.
// Its own source, if any, is the next link.
impl std::error::Error for ErrorKind {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ErrorKind::Io(e) => e.source(),
            _ => None,
        }
    }
}

/// Text from the input in an error's words: between “ and ”, control
/// characters written as `\u{1b}` so that none reaches a terminal (Rust's
/// `Debug` quoting would also escape quotes and backslashes, and is not
/// meant for people).
pub(crate) struct Quoted<'a>(pub(crate) &'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\u{201C}")?;
        for c in self.0.chars() {
            if c.is_control() {
                write!(f, "{}", c.escape_unicode())?;
            } else {
                write!(f, "{c}")?;
            }
        }
        f.write_str("\u{201D}")
    }
}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Error {
        Error::new(kind)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.kind.source()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Values from the file are quoted for people, not with `Debug`
    /// (which would write `\"`); control characters are escaped.
    #[test]
    fn values_are_quoted_without_debug() {
        let kind = ErrorKind::DuplicateId {
            id: "a\"b\u{7}".to_string(),
        };
        assert_eq!(kind.to_string(), "duplicate entry id “a\"b\\u{7}”");
    }

    /// Every link of an error chain printed with its sources says its own
    /// part once: the I/O error's text is in the message, not again as
    /// its source.
    #[test]
    fn an_io_error_is_said_once_in_a_chain() {
        let io = io::Error::new(io::ErrorKind::NotFound, "no such file");
        let e = Error::from(io).in_file(Path::new("g.toml"));
        let mut chain = vec![e.to_string()];
        let mut next = std::error::Error::source(&e);
        while let Some(s) = next {
            chain.push(s.to_string());
            next = s.source();
        }
        assert_eq!(chain, ["g.toml: no such file"]);
    }

    #[test]
    fn locations_count_characters() {
        let text = "ab\n顏樂存x\n";
        assert_eq!(
            Location::of(text, 3 + 9),
            Location {
                line: 2,
                column: 4,
                byte: 12
            }
        );
        // Inside a character: moved back to its start.
        assert_eq!(Location::of(text, 4).column, 1);
        assert_eq!(Location::of(text, 999).line, 3);
    }
}
