//! The crate's one error type: what went wrong, and where.

use std::fmt;

/// A document or localization file that cannot be read, or a conversion
/// that is refused, with its position: 1-based line, 1-based column in
/// characters, and byte offset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    line: usize,
    column: usize,
    offset: usize,
}

/// What went wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input does not parse; the message says why (in a parser's own
    /// words for JSON and Fluent).
    Syntax(String),
    /// The HTML rewriter stopped (markup it cannot read safely as a
    /// stream, such as `<select><xmp>`); the message says why.
    Html(String),
    /// A SubRip or WebVTT line with `-->` that does not read as
    /// `start --> end`.
    BadTiming {
        /// The line.
        line: String,
        /// WebVTT (`00:00:01.000`) rather than SubRip (`00:00:01,000`).
        vtt: bool,
    },
    /// SubRip: neither a cue number nor a timing line where a cue starts.
    ExpectedCue,
    /// A cue number (SubRip) or identifier (WebVTT) not followed by a
    /// timing line.
    ExpectedTiming {
        /// WebVTT rather than SubRip.
        vtt: bool,
    },
    /// A WebVTT file that does not start with the line `WEBVTT`.
    NoWebVttSignature,
    /// Two keys of one JSON object would become the same key.
    DuplicateKey {
        /// The key they would both become.
        key: String,
    },
    /// The converted text would change the markup or syntax around it (a
    /// glossary term holding `<` or `{ $x }`, say): in a document, at the
    /// error's position; in a localization file, in the message `key`.
    StructureChanged {
        /// The message (localization files only).
        key: Option<String>,
    },
    /// The converted localization file would not parse;
    /// [`source`](std::error::Error::source) is the error in it.
    OutputSyntax(Box<Error>),
}

impl Error {
    /// An error at byte `offset` of `source`.
    pub(crate) fn new(source: &str, offset: usize, kind: ErrorKind) -> Error {
        let (line, column) = line_column(source, offset);
        Error {
            kind,
            line,
            column,
            offset,
        }
    }

    /// A syntax error at byte `offset` of `source`.
    pub(crate) fn syntax(source: &str, offset: usize, message: impl Into<String>) -> Error {
        Error::new(source, offset, ErrorKind::Syntax(message.into()))
    }

    /// This error, found in converted output: an
    /// [`OutputSyntax`](ErrorKind::OutputSyntax) error at the same place.
    pub(crate) fn in_output(self) -> Error {
        Error {
            line: self.line,
            column: self.column,
            offset: self.offset,
            kind: ErrorKind::OutputSyntax(Box::new(self)),
        }
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// 1-based line.
    pub fn line(&self) -> usize {
        self.line
    }

    /// 1-based column, in characters.
    pub fn column(&self) -> usize {
        self.column
    }

    /// Byte offset in the input.
    pub fn offset(&self) -> usize {
        self.offset
    }
}

impl ErrorKind {
    /// For the subtitle kinds, an example of a timing line in the file's
    /// format (`00:00:01,000 --> 00:00:02,000` for SubRip).
    pub fn timing_example(&self) -> Option<&'static str> {
        match self {
            ErrorKind::BadTiming { vtt, .. } | ErrorKind::ExpectedTiming { vtt } => {
                Some(example(*vtt))
            }
            ErrorKind::ExpectedCue => Some(example(false)),
            _ => None,
        }
    }
}

/// A timing line of WebVTT or SubRip.
fn example(vtt: bool) -> &'static str {
    if vtt {
        "00:00:01.000 --> 00:00:02.000"
    } else {
        "00:00:01,000 --> 00:00:02,000"
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.kind)
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::Syntax(m) => write!(f, "syntax error: {m}"),
            ErrorKind::Html(m) => write!(f, "cannot rewrite this html: {m}"),
            ErrorKind::BadTiming { line, vtt } => write!(
                f,
                "syntax error: malformed timing line {}; expected {}",
                Quoted(line),
                example(*vtt)
            ),
            ErrorKind::ExpectedCue => write!(
                f,
                "syntax error: expected a cue number or a timing line ({})",
                example(false)
            ),
            ErrorKind::ExpectedTiming { vtt: false } => write!(
                f,
                "syntax error: expected a timing line after the cue number ({})",
                example(false)
            ),
            ErrorKind::ExpectedTiming { vtt: true } => write!(
                f,
                "syntax error: expected a timing line after the cue identifier ({})",
                example(true)
            ),
            ErrorKind::NoWebVttSignature => {
                write!(
                    f,
                    "syntax error: a WebVTT file must start with the line WEBVTT"
                )
            }
            ErrorKind::DuplicateKey { key } => write!(
                f,
                "two keys of this object would both become {}; \
                 rename one of them or leave keys unconverted",
                Quoted(key)
            ),
            ErrorKind::StructureChanged { key: None } => write!(
                f,
                "the converted text would change the markup or syntax of the document here"
            ),
            ErrorKind::StructureChanged { key: Some(key) } => write!(
                f,
                "the converted text would change the ids, placeholders or syntax of message {}",
                Quoted(key)
            ),
            // The error in the output is the source, not repeated here.
            ErrorKind::OutputSyntax(_) => write!(f, "the converted file would not parse"),
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
            ErrorKind::OutputSyntax(e) => Some(e.as_ref()),
            _ => None,
        }
    }
}

/// 1-based line and column (in characters) of byte `offset`; a BOM is not
/// a column.
pub(crate) fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = source.get(..offset).unwrap_or_default();
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(start..).map_or(0, |s| s.chars().count()) + 1;
    let column = if line == 1 && source.starts_with('\u{FEFF}') && offset > 0 {
        column - 1
    } else {
        column
    };
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Text from the file is quoted for people, not with `Debug` (which
    /// would write `\"`); control characters are escaped.
    #[test]
    fn text_is_quoted_without_debug() {
        let kind = ErrorKind::DuplicateKey {
            key: "「鍵」\"\u{1b}".to_string(),
        };
        assert_eq!(
            kind.to_string(),
            "two keys of this object would both become “「鍵」\"\\u{1b}”; \
             rename one of them or leave keys unconverted"
        );
    }
}
