//! Errors of the conversion library.

use std::fmt;
use std::io;

use crate::compile::opencc::ConfigProblem;
use crate::config::Config;

/// An error from [`crate::Converter`] or [`crate::StreamConverter`].
///
/// Inspect [`Error::kind`] to act on it; the `Display` text is a short
/// English description for logs (the `bianyi` CLI renders its own localized
/// message from the kind).
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
}

/// Where in a byte stream something went wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Position {
    /// Offset of the offending byte from the start of the input.
    pub byte: u64,
    /// 1-based line number (lines end with `\n`).
    pub line: u64,
    /// 1-based column in characters (Unicode scalar values) within the line.
    pub column: u64,
}

impl Position {
    /// Byte `byte` (from 0), on line `line` and column `column` (from 1).
    pub const fn new(byte: u64, line: u64, column: u64) -> Position {
        Position { byte, line, column }
    }

    /// The start of an input.
    pub(crate) const START: Position = Position {
        byte: 0,
        line: 1,
        column: 1,
    };

    /// Where `relative`, a position counted from the start of a part of the
    /// input that begins at `self`, is in the input.
    pub(crate) fn then(self, relative: Position) -> Position {
        Position {
            byte: self.byte + relative.byte,
            line: self.line + relative.line - 1,
            column: if relative.line > 1 {
                relative.column
            } else {
                self.column + relative.column - 1
            },
        }
    }
}

/// What went wrong.
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is not valid UTF-8 at `position`.
    InvalidUtf8 {
        /// Where the first invalid byte is.
        position: Position,
        /// The invalid byte sequence (the bytes that cannot start or
        /// continue a character, or an incomplete one at the end).
        bytes: Vec<u8>,
    },
    /// The name does not name a config.
    UnknownConfig {
        /// The name as given.
        name: String,
        /// The closest valid config, when the name looks like a typo of one.
        suggestion: Option<Config>,
    },
    /// The name is not a conversion target (a BCP 47 tag such as zh-TW).
    UnknownTarget {
        /// The name as given.
        name: String,
    },
    /// Reading the input failed.
    Read(io::Error),
    /// Writing the output failed.
    Write(io::Error),
    /// An OpenCC config or dictionary file loaded at run time
    /// ([`crate::CustomConfig`]) cannot be used.
    ConfigFile {
        /// The file.
        path: std::path::PathBuf,
        /// 1-based line and column (in characters), when the problem has a
        /// place in the file.
        line_column: Option<(u64, u64)>,
        /// What is wrong.
        problem: ConfigProblem,
    },
}

impl Error {
    pub(crate) fn new(kind: ErrorKind) -> Error {
        Error { kind }
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// Consumes the error, returning its kind.
    pub fn into_kind(self) -> ErrorKind {
        self.kind
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::InvalidUtf8 { position, bytes } => {
                write!(
                    f,
                    "invalid UTF-8 at line {}, column {} (byte offset {}):",
                    position.line, position.column, position.byte
                )?;
                for b in bytes {
                    write!(f, " {b:02X}")?;
                }
                Ok(())
            }
            ErrorKind::UnknownConfig { name, suggestion } => {
                write!(f, "unknown config {}", Quoted(name))?;
                if let Some(s) = suggestion {
                    write!(f, " (did you mean {}?)", Quoted(s.name()))?;
                }
                Ok(())
            }
            ErrorKind::UnknownTarget { name } => {
                write!(
                    f,
                    "unknown target {} (zh-Hans, zh-Hant, zh-TW, zh-HK or zh-CN)",
                    Quoted(name)
                )
            }
            // The I/O error is the source, not part of this text: a chain
            // printed link by link shows it once.
            ErrorKind::Read(_) => f.write_str("cannot read input"),
            ErrorKind::Write(_) => f.write_str("cannot write output"),
            ErrorKind::ConfigFile {
                path,
                line_column,
                problem,
            } => {
                write!(f, "{}", Quoted(&path.to_string_lossy()))?;
                if let Some((line, column)) = line_column {
                    write!(f, ":{line}:{column}")?;
                }
                match problem {
                    // The I/O error is the source.
                    ConfigProblem::Read(_) => f.write_str(": cannot read"),
                    _ => write!(f, ": {problem}"),
                }
            }
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

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Read(e)
            | ErrorKind::Write(e)
            | ErrorKind::ConfigFile {
                problem: ConfigProblem::Read(e),
                ..
            } => Some(e),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::error::Error as _;

    /// Names from the user are quoted for people, not with `Debug`
    /// (which would write `\"` and `\\`); control characters are escaped.
    #[test]
    fn names_are_quoted_without_debug() {
        let error = Error::new(ErrorKind::UnknownConfig {
            name: "s2\"t\\\u{1b}".to_string(),
            suggestion: Some(Config::S2t),
        });
        assert_eq!(
            error.to_string(),
            "unknown config “s2\"t\\\\u{1b}” (did you mean “s2t”?)"
        );
    }

    #[test]
    fn io_errors_are_the_source_and_not_repeated() {
        let error = Error::new(ErrorKind::Write(io::Error::other("disk full")));
        assert_eq!(error.to_string(), "cannot write output");
        let source = error.source().map(ToString::to_string);
        assert_eq!(source.as_deref(), Some("disk full"));
        let error = Error::new(ErrorKind::Read(io::Error::other("gone")));
        assert_eq!(error.to_string(), "cannot read input");
        assert!(error.source().is_some());
    }
}
