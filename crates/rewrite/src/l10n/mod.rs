//! Localization files (Fluent `.ftl`, gettext `.po`, JSON) as translatable
//! text inside bytes that must not change.
//!
//! [`Document::parse`] finds the *runs* of a file: the byte ranges of text a
//! translator wrote (Fluent text elements, `msgstr` strings, JSON string
//! values), already cut around placeholders (`%s`, `%1$d`, `{0}`,
//! `{{name}}`, `<b>`, `&amp;`, …) so that a converter never sees them.
//! [`Document::rewrite`] replaces each run by a function of it and leaves
//! every other byte alone; [`verify`] parses the result again and checks
//! that it has the same *skeleton* (every byte outside the runs, in order)
//! as the input, so ids, keys, placeables, selectors, comments and flags
//! are provably unchanged.

mod fluent;
pub(crate) mod json;
mod placeholder;
mod po;

use std::fmt;
use std::ops::Range;
use std::path::Path;

/// A localization file format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum L10nFormat {
    /// Project Fluent (`.ftl`).
    Fluent,
    /// GNU gettext PO (`.po`, `.pot`).
    Po,
    /// JSON, flat or nested (`.json`): string values are text, keys never.
    Json,
}

impl L10nFormat {
    /// The format of a file, by its extension.
    pub fn from_path(path: &Path) -> Option<L10nFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "ftl" => Some(L10nFormat::Fluent),
            "po" | "pot" => Some(L10nFormat::Po),
            "json" => Some(L10nFormat::Json),
            _ => None,
        }
    }

    /// The format's name as users write it (`ftl`, `po`, `json`).
    pub fn name(self) -> &'static str {
        match self {
            L10nFormat::Fluent => "ftl",
            L10nFormat::Po => "po",
            L10nFormat::Json => "json",
        }
    }
}

impl std::str::FromStr for L10nFormat {
    type Err = ();

    fn from_str(s: &str) -> Result<L10nFormat, ()> {
        match s.to_ascii_lowercase().as_str() {
            "ftl" | "fluent" => Ok(L10nFormat::Fluent),
            "po" | "pot" | "gettext" => Ok(L10nFormat::Po),
            "json" => Ok(L10nFormat::Json),
            _ => Err(()),
        }
    }
}

/// How a run's bytes encode its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Encoding {
    /// The bytes are the text.
    Raw,
    /// The inside of a JSON string: backslash escapes.
    Json,
}

/// One translatable run: a byte range of the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Run {
    pub(crate) range: Range<usize>,
    pub(crate) encoding: Encoding,
}

/// One message of a file: a Fluent message, term or attribute, a PO entry
/// (or one plural form of it), a JSON string value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    /// Its identifier: `message-id`, `message-id.attribute`, `-term`; the
    /// PO `msgid` (with `msgctxt` as `context|msgid`, plural forms as
    /// `msgid[1]`); the JSON pointer of the value (`/menu/open`).
    pub key: String,
    /// Where its text is: from the start of its first run to the end of its
    /// last (placeholders in between included), for showing it.
    pub span: Range<usize>,
    /// The 1-based line of `span.start`.
    pub line: usize,
    /// A comment (Fluent `#`, `##`, `###`; PO `# ` and `#. `) rather than a
    /// message: text for people, converted only on request. Its key is `#`.
    pub comment: bool,
    runs: Vec<Run>,
    /// Everything of the message but its text: placeables, placeholders
    /// and syntax, with `\0` for each run. Two versions of a message with
    /// the same shape differ only in their text.
    shape: String,
}

/// A parsed localization file.
#[derive(Clone, Debug)]
pub struct Document<'a> {
    format: L10nFormat,
    source: &'a str,
    units: Vec<Unit>,
    /// Ranges outside every run whose bytes may change: the value of a PO
    /// header's `Language:` field.
    language: Option<Range<usize>>,
}

impl<'a> Document<'a> {
    /// Parses `source`; a syntax error is reported with its position.
    pub fn parse(format: L10nFormat, source: &'a str) -> Result<Document<'a>, Error> {
        let (units, language) = match format {
            L10nFormat::Fluent => (fluent::units(source)?, None),
            L10nFormat::Po => po::units(source)?,
            L10nFormat::Json => (json::units(source)?, None),
        };
        Ok(Document {
            format,
            source,
            units,
            language,
        })
    }

    /// The file's format.
    pub fn format(&self) -> L10nFormat {
        self.format
    }

    /// The messages, in file order.
    pub fn units(&self) -> &[Unit] {
        &self.units
    }

    /// The text of `unit` as it stands in the file.
    pub fn text(&self, unit: &Unit) -> &'a str {
        self.source.get(unit.span.clone()).unwrap_or_default()
    }

    /// The text of `unit` for people: JSON escapes resolved.
    pub fn display(&self, unit: &Unit) -> String {
        let text = self.text(unit);
        match self.format {
            L10nFormat::Json => json::decode(text),
            _ => text.to_string(),
        }
    }

    /// The file with every run replaced by `convert(unit, k, text)` (the
    /// `k`-th run of `unit`, decoded), and the PO header's `Language:`
    /// value by `language` when given. JSON escapes are resolved before
    /// `convert` sees a run and kept as written after: escapes of ASCII
    /// characters stay byte for byte, and a converted character is written
    /// as the one it replaces was (`\uXXXX` in the same case, or itself); a
    /// run that `convert` leaves alone keeps its bytes.
    pub fn rewrite(
        &self,
        convert: &mut dyn FnMut(&Unit, usize, &str) -> String,
        language: Option<&str>,
    ) -> String {
        let mut edits: Vec<(Range<usize>, String)> = Vec::new();
        for unit in &self.units {
            for (k, run) in unit.runs.iter().enumerate() {
                let raw = self.source.get(run.range.clone()).unwrap_or_default();
                let new = match run.encoding {
                    Encoding::Raw => convert(unit, k, raw),
                    Encoding::Json => json::convert_escaped(raw, &mut |t| convert(unit, k, t)),
                };
                if new != raw {
                    edits.push((run.range.clone(), new));
                }
            }
        }
        if let (Some(range), Some(lang)) = (&self.language, language) {
            edits.push((range.clone(), lang.to_string()));
        }
        edits.sort_by_key(|(r, _)| r.start);
        let mut out = String::with_capacity(self.source.len() + self.source.len() / 8);
        let mut at = 0;
        for (range, new) in edits {
            out.push_str(self.source.get(at..range.start).unwrap_or_default());
            out.push_str(&new);
            at = range.end;
        }
        out.push_str(self.source.get(at..).unwrap_or_default());
        out
    }

    /// The runs of `unit` as text (decoded), in order: what `rewrite`
    /// hands to its function.
    pub fn runs(&self, unit: &Unit) -> Vec<String> {
        unit.runs
            .iter()
            .map(|run| {
                let raw = self.source.get(run.range.clone()).unwrap_or_default();
                match run.encoding {
                    Encoding::Raw => raw.to_string(),
                    Encoding::Json => json::decode(raw),
                }
            })
            .collect()
    }

    /// All translatable text of the file, runs separated by line feeds
    /// (for detecting its script).
    pub fn sample(&self) -> String {
        let mut out = String::new();
        for unit in &self.units {
            for r in self.runs(unit) {
                out.push_str(&r);
                out.push('\n');
            }
        }
        out
    }

    /// The bytes outside every run (and outside the `Language:` value),
    /// one piece per gap, each with the index of the message whose run (or
    /// `None` for the `Language:` value) comes before it.
    fn skeleton(&self) -> Vec<(&'a str, Option<usize>)> {
        let mut cuts: Vec<(Range<usize>, Option<usize>)> = self
            .units
            .iter()
            .enumerate()
            .flat_map(|(i, u)| u.runs.iter().map(move |r| (r.range.clone(), Some(i))))
            .chain(self.language.clone().map(|r| (r, None)))
            .collect();
        cuts.sort_by_key(|(r, _)| r.start);
        let mut pieces = Vec::with_capacity(cuts.len() + 1);
        let mut at = 0;
        let mut owner = None;
        for (r, unit) in cuts {
            pieces.push((self.source.get(at..r.start).unwrap_or_default(), owner));
            at = r.end;
            owner = unit;
        }
        pieces.push((self.source.get(at..).unwrap_or_default(), owner));
        pieces
    }
}

impl Unit {
    /// Whether `other` has this message's placeables, placeholders and
    /// syntax (its text may differ).
    pub fn same_shape(&self, other: &Unit) -> bool {
        self.shape == other.shape && self.runs.len() == other.runs.len()
    }
}

/// Checks that `after` (a rewrite of `before`) parses in `format` and has
/// the same messages, ids, keys, placeables and every other byte outside
/// the translatable text. The error names the first message that differs.
pub fn verify(format: L10nFormat, before: &str, after: &str) -> Result<(), Error> {
    let old = Document::parse(format, before)?;
    let new = Document::parse(format, after).map_err(|e| Error {
        kind: ErrorKind::OutputSyntax(Box::new(e.kind)),
        ..e
    })?;
    // First the messages: same keys, same shapes.
    let mismatch = old
        .units
        .iter()
        .zip(&new.units)
        .find(|(x, y)| x.key != y.key || x.shape != y.shape || x.runs.len() != y.runs.len())
        .map(|(x, _)| x)
        .or_else(|| {
            (old.units.len() != new.units.len())
                .then(|| old.units.get(new.units.len()).or(old.units.last()))
                .flatten()
        });
    // Then every byte between them.
    let mismatch = mismatch.or_else(|| {
        let (a, b) = (old.skeleton(), new.skeleton());
        let (x, _) = a.iter().zip(&b).find(|(x, y)| x.0 != y.0)?;
        x.1.and_then(|i| old.units.get(i)).or(old.units.first())
    });
    let Some(unit) = mismatch else {
        return Ok(());
    };
    Err(Error {
        kind: ErrorKind::StructureChanged {
            key: unit.key.clone(),
        },
        line: unit.line,
        column: 1,
        offset: unit.span.start,
    })
}

/// An error reading a localization file, with its position.
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
    /// The file does not parse; the message is the parser's.
    Syntax(String),
    /// The converted file does not parse.
    OutputSyntax(Box<ErrorKind>),
    /// The converted file parses but a message's ids, placeables or
    /// surroundings changed (`key` is the first such message).
    StructureChanged {
        /// The message.
        key: String,
    },
}

impl Error {
    pub(crate) fn syntax(source: &str, offset: usize, message: impl Into<String>) -> Error {
        let (line, column) = line_column(source, offset);
        Error {
            kind: ErrorKind::Syntax(message.into()),
            line,
            column,
            offset,
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

    /// Byte offset in the file.
    pub fn offset(&self) -> usize {
        self.offset
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: ", self.line, self.column)?;
        fmt::Display::fmt(&self.kind, f)
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::Syntax(m) => write!(f, "syntax error: {m}"),
            ErrorKind::OutputSyntax(k) => write!(f, "the converted file would not parse: {k}"),
            ErrorKind::StructureChanged { key } => {
                write!(
                    f,
                    "conversion would change the structure of message {key:?}"
                )
            }
        }
    }
}

impl std::error::Error for Error {}

/// 1-based line and column (in characters) of byte `offset`.
pub(crate) fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = source.get(..offset).unwrap_or_default();
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(start..).map_or(0, |s| s.chars().count()) + 1;
    // A BOM is not a column.
    let column = if line == 1 && source.starts_with('\u{FEFF}') && offset > 0 {
        column - 1
    } else {
        column
    };
    (line, column)
}

/// A comment unit over the lines `ranges`.
pub(crate) fn comment(source: &str, ranges: Vec<Range<usize>>) -> Option<Unit> {
    let mut u = unit_in(source, "#".to_string(), ranges, Encoding::Raw)?;
    u.comment = true;
    Some(u)
}

/// A unit whose text is in the string contents `extents`: runs between
/// placeholders, and the shape of the rest.
pub(crate) fn unit_in(
    source: &str,
    key: String,
    extents: Vec<Range<usize>>,
    encoding: Encoding,
) -> Option<Unit> {
    let mut runs = Vec::new();
    let mut shape = String::new();
    for r in extents.iter().cloned() {
        let first = runs.len();
        placeholder::runs(source, r.clone(), encoding, &mut runs);
        let mut at = r.start;
        for run in runs.get(first..).unwrap_or_default() {
            shape.push_str(source.get(at..run.range.start).unwrap_or_default());
            shape.push('\0');
            at = run.range.end;
        }
        shape.push_str(source.get(at..r.end).unwrap_or_default());
        shape.push('\u{1}');
    }
    let whole = (
        extents.first().map(|r| r.start),
        extents.last().map(|r| r.end),
    );
    let mut u = unit(source, key, runs, shape)?;
    // Show the whole value, placeholders at its ends included.
    if let (Some(start), Some(end)) = whole {
        u.span = start..end;
        u.line = line_column(source, start).0;
    }
    Some(u)
}

/// A unit from runs (empty runs dropped; `None` when nothing is left).
pub(crate) fn unit(source: &str, key: String, runs: Vec<Run>, shape: String) -> Option<Unit> {
    let runs: Vec<Run> = runs.into_iter().filter(|r| !r.range.is_empty()).collect();
    let start = runs.first()?.range.start;
    let end = runs.last()?.range.end;
    Some(Unit {
        key,
        span: start..end,
        line: line_column(source, start).0,
        comment: false,
        runs,
        shape,
    })
}

#[cfg(test)]
mod tests;
