//! Localization files (Fluent `.ftl`, gettext `.po`, JSON) as translatable
//! text inside bytes that must not change.
//!
//! [`LocaleFile::parse`] finds the *runs* of a file: the byte ranges of text
//! a translator wrote (Fluent text elements, `msgstr` strings, JSON string
//! values), already cut around placeholders (`%s`, `%1$d`, `{0}`,
//! `{{name}}`, `<b>`, `&amp;`, …) so that a converter never sees them, and
//! groups them into [`Unit`]s, the messages. [`LocaleFile::rewrite`]
//! replaces each run by a function of it and leaves every other byte alone;
//! [`verify`] parses the result again and checks that it has the same
//! messages and the same *skeleton* (every byte outside the runs, in order)
//! as the input, so ids, keys, placeables, selectors, comments and flags
//! are provably unchanged.

mod fluent;
mod po;

use std::ops::Range;
use std::path::Path;

use crate::error::{Error, ErrorKind, line_column};
use crate::runs::{Encoding, Runs, first_difference};
use crate::{json, placeholder};

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
    /// The numbers of its runs among the file's.
    runs: Range<usize>,
    /// Everything of the message but its text: placeables, placeholders
    /// and syntax, with `\0` for each run. Two versions of a message with
    /// the same shape differ only in their text.
    shape: String,
}

impl Unit {
    /// Whether `other` has this message's placeables, placeholders and
    /// syntax (its text may differ).
    pub fn same_shape(&self, other: &Unit) -> bool {
        self.shape == other.shape && self.runs.len() == other.runs.len()
    }
}

/// A parsed localization file: its messages and their runs.
#[derive(Clone, Debug)]
pub struct LocaleFile<'a> {
    format: L10nFormat,
    source: &'a str,
    units: Vec<Unit>,
    /// The runs of every unit, in order, and the value of a PO header's
    /// `Language:` field as a language slot.
    runs: Runs,
}

impl<'a> LocaleFile<'a> {
    /// Parses `source`; a syntax error is reported with its position.
    pub fn parse(format: L10nFormat, source: &'a str) -> Result<LocaleFile<'a>, Error> {
        let mut units = Units::new(source);
        match format {
            L10nFormat::Fluent => fluent::units(source, &mut units)?,
            L10nFormat::Po => po::units(source, &mut units)?,
            L10nFormat::Json => {
                for value in json::strings(source, true)?.values {
                    units.unit_in(value.pointer, vec![value.range], Encoding::Json);
                }
            }
        }
        Ok(LocaleFile {
            format,
            source,
            units: units.units,
            runs: units.runs,
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
        let mut run = |i: usize, text: &str| match self.owner(i) {
            Some((unit, k)) => convert(unit, k, text),
            None => text.to_string(),
        };
        self.runs.rewrite(self.source, &mut run, language)
    }

    /// The runs of `unit` as text (decoded), in order: what `rewrite`
    /// hands to its function.
    pub fn runs(&self, unit: &Unit) -> Vec<String> {
        self.runs
            .get(unit.runs.clone())
            .iter()
            .map(|run| run.text(self.source).into_owned())
            .collect()
    }

    /// All translatable text of the file, runs separated by line feeds
    /// (for detecting its script).
    pub fn sample(&self) -> String {
        let mut out = String::new();
        for run in self.runs.all() {
            out.push_str(&run.text(self.source));
            out.push('\n');
        }
        out
    }

    /// The unit that run `i` belongs to, and the run's number in it.
    fn owner(&self, i: usize) -> Option<(&Unit, usize)> {
        let unit = self
            .units
            .get(self.units.partition_point(|u| u.runs.end <= i))?;
        Some((unit, i.checked_sub(unit.runs.start)?))
    }
}

/// Checks that `after` (a rewrite of `before`) parses in `format` and has
/// the same messages, ids, keys, placeables and every other byte outside
/// the translatable text. The error names the first message that differs.
pub fn verify(format: L10nFormat, before: &str, after: &str) -> Result<(), Error> {
    let old = LocaleFile::parse(format, before)?;
    let new = LocaleFile::parse(format, after).map_err(Error::in_output)?;
    // First the messages: same keys, same shapes.
    let mismatch = old
        .units
        .iter()
        .zip(&new.units)
        .find(|(x, y)| x.key != y.key || !x.same_shape(y))
        .map(|(x, _)| x)
        .or_else(|| {
            (old.units.len() != new.units.len())
                .then(|| old.units.get(new.units.len()).or(old.units.last()))
                .flatten()
        });
    // Then every byte between them.
    let mismatch = mismatch.or_else(|| {
        let (a, b) = (old.runs.skeleton(before), new.runs.skeleton(after));
        let gap = a.get(first_difference(&a, &b)?)?;
        let owner = gap.after.and_then(|i| old.owner(i)).map(|(unit, _)| unit);
        owner.or(old.units.first())
    });
    let Some(unit) = mismatch else {
        return Ok(());
    };
    Err(Error::new(
        before,
        unit.span.start,
        ErrorKind::StructureChanged {
            key: Some(unit.key.clone()),
        },
    ))
}

/// The units of a file being read, and their runs.
struct Units<'s> {
    source: &'s str,
    units: Vec<Unit>,
    runs: Runs,
}

impl<'s> Units<'s> {
    fn new(source: &'s str) -> Units<'s> {
        Units {
            source,
            units: Vec::new(),
            runs: Runs::default(),
        }
    }

    /// Where the runs of the next unit start.
    fn mark(&self) -> usize {
        self.runs.len()
    }

    /// Adds the runs of `source[range]` (between placeholders) to the
    /// unit being read, and the rest of the range to its `shape`, with
    /// `\0` for each run.
    fn text(&mut self, range: Range<usize>, encoding: Encoding, shape: &mut String) {
        let first = self.runs.len();
        placeholder::cut(self.source, range.clone(), encoding, &mut self.runs);
        let mut at = range.start;
        for run in self.runs.get(first..self.runs.len()) {
            shape.push_str(self.source.get(at..run.range.start).unwrap_or_default());
            shape.push('\0');
            at = run.range.end;
        }
        shape.push_str(self.source.get(at..range.end).unwrap_or_default());
    }

    /// A unit of the runs added since `first` (none when there are none):
    /// its text spans them.
    fn unit(&mut self, key: String, first: usize, shape: String) -> Option<&mut Unit> {
        let runs = self.runs.get(first..self.runs.len());
        let span = runs.first()?.range.start..runs.last()?.range.end;
        self.units.push(Unit {
            key,
            line: line_column(self.source, span.start).0,
            span,
            comment: false,
            runs: first..self.runs.len(),
            shape,
        });
        self.units.last_mut()
    }

    /// A unit whose text is in the string contents `extents` (all of
    /// them shown, placeholders at their ends included).
    fn unit_in(
        &mut self,
        key: String,
        extents: Vec<Range<usize>>,
        encoding: Encoding,
    ) -> Option<&mut Unit> {
        let first = self.mark();
        let mut shape = String::new();
        for r in extents.iter().cloned() {
            self.text(r, encoding, &mut shape);
            shape.push('\u{1}');
        }
        let source = self.source;
        let unit = self.unit(key, first, shape)?;
        if let (Some(start), Some(end)) = (extents.first(), extents.last()) {
            unit.span = start.start..end.end;
            unit.line = line_column(source, start.start).0;
        }
        Some(unit)
    }

    /// A comment unit over the lines `ranges`.
    fn comment(&mut self, ranges: Vec<Range<usize>>) {
        if let Some(unit) = self.unit_in("#".to_string(), ranges, Encoding::Raw) {
            unit.comment = true;
        }
    }

    /// The value of a PO header's `Language:` field.
    fn language(&mut self, range: Range<usize>) {
        self.runs.language(range);
    }
}

#[cfg(test)]
mod tests;
