//! Loading glossaries from files in any supported format, and rendering
//! them as text. Writing files is left to the caller (the `bianyi` CLI
//! replaces them atomically).

use std::fs;
use std::path::Path;

use crate::error::{Error, ErrorKind, Format};
use crate::model::{Glossary, Lang};
use crate::tsv::Formulas;

impl Format {
    /// The format a file name's extension says (`.toml`, `.tsv`/`.txt`/`.tab`,
    /// `.csv`, `.tbx`/`.xml`), if any.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "toml" => Some(Format::Toml),
            "tsv" | "tab" | "txt" | "utf8" => Some(Format::Tsv),
            "csv" => Some(Format::Csv),
            "tbx" | "xml" => Some(Format::Tbx),
            _ => None,
        }
    }
}

/// Languages for formats that do not name them (TSV, CSV without language
/// headers): the source and target columns.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Columns {
    /// Language of the first column.
    pub source: Lang,
    /// Language of the second column.
    pub target: Lang,
}

impl Columns {
    /// `source` for the first column, `target` for the second.
    pub fn new(source: Lang, target: Lang) -> Columns {
        Columns { source, target }
    }
}

impl Glossary {
    /// Reads a glossary file in `format` (TOML when `None` and the
    /// extension says nothing). TSV and CSV need `columns`, unless their
    /// header names the languages. Errors name the file.
    pub fn load(
        path: &Path,
        format: Option<Format>,
        columns: Option<&Columns>,
    ) -> Result<Glossary, Error> {
        let bytes = fs::read(path).map_err(|e| Error::from(e).in_file(path))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            let bad = e.utf8_error().valid_up_to();
            let prefix = String::from_utf8_lossy(&e.as_bytes()[..bad]).into_owned();
            Error::at(
                ErrorKind::Syntax {
                    format: format
                        .or_else(|| Format::from_path(path))
                        .unwrap_or(Format::Toml),
                    message: format!("invalid UTF-8 at byte offset {bad}"),
                },
                &format!("{prefix}\u{0}"),
                bad,
            )
            .in_file(path)
        })?;
        let format = format
            .or_else(|| Format::from_path(path))
            .unwrap_or(Format::Toml);
        Glossary::parse(&text, format, columns).map_err(|e| e.in_file(path))
    }

    /// Reads a glossary from text in `format`.
    pub fn parse(text: &str, format: Format, columns: Option<&Columns>) -> Result<Glossary, Error> {
        match format {
            Format::Toml => Glossary::from_toml(text),
            Format::Tsv => Glossary::from_tsv_with(text, columns.map(|c| (&c.source, &c.target))),
            Format::Csv => Glossary::from_csv(text, columns.map(|c| (&c.source, &c.target))),
            Format::Tbx => Glossary::from_tbx(text),
        }
    }

    /// The glossary as text in `format`. TSV and CSV need `columns` (default:
    /// the glossary's own source and target); their cells that look like
    /// formulas get a `'` ([`Formulas::Neutralise`]).
    pub fn render(&self, format: Format, columns: Option<&Columns>) -> Result<String, Error> {
        self.render_with(format, columns, Formulas::Neutralise)
    }

    /// [`Glossary::render`], with TSV and CSV cells that look like formulas
    /// written as `formulas` says.
    pub fn render_with(
        &self,
        format: Format,
        columns: Option<&Columns>,
        formulas: Formulas,
    ) -> Result<String, Error> {
        let cols = match columns {
            Some(c) => Some(c.clone()),
            None => match (&self.source, &self.target) {
                (Some(s), Some(t)) => Some(Columns {
                    source: s.clone(),
                    target: t.clone(),
                }),
                _ => None,
            },
        };
        let need = || {
            Error::new(ErrorKind::MissingField {
                field: "source and target languages",
            })
        };
        Ok(match format {
            Format::Toml => self.to_toml(),
            Format::Tbx => self.to_tbx(),
            Format::Tsv => {
                let c = cols.ok_or_else(need)?;
                self.to_tsv_with(&c.source, &c.target, formulas)
            }
            Format::Csv => {
                let c = cols.ok_or_else(need)?;
                self.to_csv_with(&c.source, &c.target, formulas)
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn load_errors_name_the_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("bad.toml");
        fs::write(&path, "[[entry]]\nid = 3\n").expect("write");
        let e = Glossary::load(&path, None, None).expect_err("invalid");
        assert_eq!(e.file(), Some(path.as_path()));
        assert_eq!(e.location().map(|l| l.line), Some(2));
        fs::write(&path, b"[[entry]]\nid = \"\xff\"\n").expect("write");
        let e = Glossary::load(&path, None, None).expect_err("invalid");
        assert_eq!(e.location().map(|l| (l.line, l.byte)), Some((2, 16)));
    }
}
