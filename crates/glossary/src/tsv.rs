//! Tab- and comma-separated glossaries: one (source term, target term,
//! comment) row per line.
//!
//! TSV follows OmegaT's glossary layout: `source<TAB>target<TAB>comment`,
//! lines starting with `#` are comments, blank lines are skipped, a UTF-8
//! byte order mark is tolerated. CSV (RFC 4180 quoting) has a header row;
//! when its first two cells are language tags (`zh-Hant,en,note`) they name
//! the columns' languages.
//!
//! Both are lossy: only the pairs for one source and one target language
//! are written, one target term per concept (the best one), no statuses,
//! parts of speech, case sensitivity, domains or term notes.
//!
//! Spreadsheets run a cell that begins with `=`, `+`, `-` or `@` (or a tab
//! or carriage return) as a formula (“CSV injection”). By default the
//! writers put a `'` before such a cell, as OWASP recommends: a
//! spreadsheet shows the text and hides the `'`. The readers take one `'`
//! away again from a cell that begins with `'` and a formula character, so
//! bianyi reads its own files back unchanged ([`Formulas`]).

use std::borrow::Cow;
use std::collections::HashMap;

use crate::error::{Error, ErrorKind, Format};
use crate::model::{Entry, Glossary, Lang, Status, Term};
use crate::toml_io::check_term_text;

const BOM: char = '\u{feff}';

/// What the TSV and CSV writers ([`Glossary::to_tsv_with`],
/// [`Glossary::to_csv_with`], [`candidates_to_tsv_with`](crate::candidates_to_tsv_with))
/// do with a cell that a spreadsheet would run as a formula: one that
/// begins with `=`, `+`, `-`, `@`, a tab or a carriage return, after any
/// number of `'`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Formulas {
    /// Written after a `'` (OWASP's advice against CSV injection): a
    /// spreadsheet shows `=SUM(A1)` as text, not its result. Every such
    /// cell gets one more `'`, so the readers of bianyi, which take one
    /// away, give back the text exactly.
    #[default]
    Neutralise,
    /// Written as they are, for tools that are not spreadsheets. A cell
    /// that begins with `'` and a formula character loses that `'` when
    /// bianyi reads the file back.
    Keep,
}

/// Whether a spreadsheet would take a cell beginning with `c` for a
/// formula (OWASP's list).
fn formula_start(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r')
}

/// A cell as [`Formulas`] says: with a `'` before it when it begins, after
/// any `'`, with a formula character.
pub(crate) fn formula_cell(s: &str, formulas: Formulas) -> Cow<'_, str> {
    let after_quotes = s.trim_start_matches('\'');
    if formulas == Formulas::Neutralise && after_quotes.chars().next().is_some_and(formula_start) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// A cell read back: one `'` fewer when it begins with `'`s and then a
/// formula character (the reverse of [`formula_cell`]).
fn unformula_cell(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest)
            if rest
                .trim_start_matches('\'')
                .chars()
                .next()
                .is_some_and(formula_start) =>
        {
            rest
        }
        _ => s,
    }
}

/// Text for one cell of a line of TSV: tabs and line breaks would end the
/// cell or the line, and the other control characters (C0, DEL, C1: ESC,
/// BEL, NUL…) have no business in a table, so all become a space, as in
/// the Markdown writer of bianyi-formats.
pub(crate) fn one_line_cell(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

impl Glossary {
    /// Reads an OmegaT-style TSV glossary: `source<TAB>target<TAB>comment`
    /// per line, terms in `source` and `target`.
    ///
    /// Each new source term becomes an entry with a preferred source term,
    /// a preferred target term and the comment as its note. A source term
    /// seen again with another target adds that target to the same entry as
    /// an admitted term (and its comment to the note). Entry ids are made
    /// from the terms ([`Glossary::add`]). Lines starting with `#` and blank
    /// lines are skipped, a leading byte order mark is ignored, cells are
    /// trimmed.
    ///
    /// Errors, with line and column: a line with one column (no target), an
    /// empty source or target, more than three columns, a term with control
    /// characters.
    pub fn from_tsv(text: &str, source: &Lang, target: &Lang) -> Result<Glossary, Error> {
        Glossary::from_tsv_with(text, Some((source, target)))
    }

    /// [`Glossary::from_tsv`], with the languages from the file when it
    /// names them: a first line `# zh-Hant<TAB>en…` (the header that
    /// [`Glossary::to_tsv`] and `glossary extract` write) gives the
    /// columns' languages, as a CSV header does, and wins over `langs`.
    /// Without either, the result is a
    /// [`MissingField`](ErrorKind::MissingField) error.
    ///
    /// The rows of `glossary extract` (`source<TAB>target<TAB>count<TAB>context`,
    /// a number in the third column) are read too: the count is left out
    /// and the context becomes the entry's note.
    pub fn from_tsv_with(text: &str, langs: Option<(&Lang, &Lang)>) -> Result<Glossary, Error> {
        let base = if text.starts_with(BOM) {
            BOM.len_utf8()
        } else {
            0
        };
        let body = text.get(base..).unwrap_or("");
        let named = tsv_header_langs(body);
        let (source, target) = match (&named, langs) {
            (Some((s, t)), _) => (s, t),
            (None, Some((s, t))) => (s, t),
            (None, None) => {
                return Err(Error::new(ErrorKind::MissingField {
                    field: "source and target languages",
                }));
            }
        };
        let mut rows = Rows::new(source, target);
        let mut offset = base;
        for line in body.split_inclusive('\n') {
            let start = offset;
            offset += line.len();
            let content = line.strip_suffix('\n').unwrap_or(line);
            let content = content.strip_suffix('\r').unwrap_or(content);
            if content.trim().is_empty() || content.starts_with('#') {
                continue;
            }
            let mut cells = Vec::with_capacity(3);
            let mut at = start;
            for cell in content.split('\t') {
                cells.push((cell, at));
                at += cell.len() + 1;
            }
            // `glossary extract`: source, target, count, context.
            let counted = cells.len() == 4
                && cells.get(2).is_some_and(|c| {
                    let n = c.0.trim();
                    !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())
                });
            if counted {
                cells.remove(2);
            }
            if let Some(&(_, extra)) = cells.get(3) {
                return Err(Error::at(
                    ErrorKind::Syntax {
                        format: Format::Tsv,
                        message: format!(
                            "expected at most 3 tab-separated columns (source, target, comment), or the 4 of glossary extract (source, target, count, context), found {}",
                            cells.len()
                        ),
                    },
                    text,
                    extra,
                ));
            }
            let (Some(&src), Some(&tgt)) = (cells.first(), cells.get(1)) else {
                return Err(Error::at(
                    ErrorKind::MissingField { field: "target" },
                    text,
                    start + content.len(),
                ));
            };
            rows.push(text, src, tgt, cells.get(2).map(|c| c.0), start)?;
        }
        rows.finish(text)
    }

    /// The pairs for `source` → `target` as OmegaT-style TSV: a `#` header
    /// line naming the languages, then `source<TAB>target<TAB>comment` per
    /// line (no third column when the entry has no note).
    ///
    /// For each entry (in id order), every preferred term in `source` or a
    /// close tag (same language and script, [`Lang::closeness`] ≥ 2) is
    /// paired with the entry's best term for `target`
    /// ([`Entry::term_for`], also close); entries lacking either are left
    /// out. The comment is the entry note. Tabs, line breaks and other
    /// control characters in a note become spaces; a term starting with `#`
    /// gets a leading space so that it is not read as a comment (cells are
    /// trimmed on reading); a cell a spreadsheet would run as a formula gets
    /// a `'` before it ([`Formulas::Neutralise`]).
    pub fn to_tsv(&self, source: &Lang, target: &Lang) -> String {
        self.to_tsv_with(source, target, Formulas::Neutralise)
    }

    /// [`Glossary::to_tsv`], with cells that look like formulas written as
    /// `formulas` says.
    pub fn to_tsv_with(&self, source: &Lang, target: &Lang, formulas: Formulas) -> String {
        let cell = |s: &str| formula_cell(&one_line_cell(s), formulas).into_owned();
        let mut out = format!("# {source}\t{target}\tcomment\n");
        for (s, t, note) in pairs(self, source, target) {
            if s.starts_with('#') {
                out.push(' ');
            }
            out.push_str(&cell(s));
            out.push('\t');
            out.push_str(&cell(t));
            if let Some(n) = note {
                out.push('\t');
                out.push_str(&cell(n));
            }
            out.push('\n');
        }
        out
    }

    /// Reads a CSV glossary (RFC 4180 quoting, `,` separator): a header
    /// row, then `source,target[,comment]` rows with the semantics of
    /// [`Glossary::from_tsv`].
    ///
    /// The first row is always the header. When its first two cells are
    /// language tags with a two- or three-letter language (`zh-Hant,en,note`)
    /// they give the columns' languages; otherwise (`source,target,comment`,
    /// `Chinese,English`) the languages come from `langs` (source, target),
    /// and without them the result is a
    /// [`MissingField`](ErrorKind::MissingField) error. A byte order mark is
    /// ignored, rows whose cells are all empty are skipped, cells are trimmed.
    /// Errors carry the line and column of the offending cell.
    pub fn from_csv(text: &str, langs: Option<(&Lang, &Lang)>) -> Result<Glossary, Error> {
        let base = if text.starts_with(BOM) {
            BOM.len_utf8()
        } else {
            0
        };
        let body = text.get(base..).unwrap_or("");
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(body.as_bytes());
        let mut header_langs: Option<(Lang, Lang)> = None;
        let mut records = reader.records();
        let first = records
            .next()
            .transpose()
            .map_err(|e| csv_error(text, base, &e))?;
        let Some(header) = first else {
            let mut g = Glossary::new();
            if let Some((s, t)) = langs {
                g.source = Some(s.clone());
                g.target = Some(t.clone());
            }
            return Ok(g);
        };
        let header_start = base + record_start(body, &header);
        if header.len() > 3 {
            return Err(too_many_csv_columns(text, base, header_start, header.len()));
        }
        if let (Some(s), Some(t)) = (
            header.get(0).and_then(header_lang),
            header.get(1).and_then(header_lang),
        ) {
            header_langs = Some((s, t));
        }
        let (source, target) = match (&header_langs, langs) {
            (Some((s, t)), _) => (s, t),
            (None, Some((s, t))) => (s, t),
            (None, None) => {
                return Err(Error::at(
                    ErrorKind::MissingField {
                        field: "source and target languages",
                    },
                    text,
                    header_start,
                ));
            }
        };
        let mut rows = Rows::new(source, target);
        for record in records {
            let record = record.map_err(|e| csv_error(text, base, &e))?;
            if record.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let start = base + record_start(body, &record);
            if record.len() > 3 {
                return Err(too_many_csv_columns(text, base, start, record.len()));
            }
            let cell = |i: usize| {
                record
                    .get(i)
                    .map(|c| (c, base + field_start(body, start - base, i)))
            };
            let (Some(src), Some(tgt)) = (cell(0), cell(1)) else {
                let end = body
                    .get(start - base..)
                    .and_then(|rest| rest.find('\n'))
                    .map_or(text.len(), |n| start + n);
                let end = if text.get(..end).is_some_and(|s| s.ends_with('\r')) {
                    end - 1
                } else {
                    end
                };
                return Err(Error::at(
                    ErrorKind::MissingField { field: "target" },
                    text,
                    end,
                ));
            };
            rows.push(text, src, tgt, record.get(2), start)?;
        }
        rows.finish(text)
    }

    /// The pairs for `source` → `target` as CSV: a header row with the
    /// language tags (`zh-Hant,en,note`), then `source,target,note` rows,
    /// chosen as in [`Glossary::to_tsv`]. Cells are quoted when they hold a
    /// comma, a quote or a line break; notes keep their line breaks and
    /// tabs, other control characters become spaces. A cell a spreadsheet
    /// would run as a formula gets a `'` before it
    /// ([`Formulas::Neutralise`]). Every row has three cells; lines end
    /// with `\n`.
    pub fn to_csv(&self, source: &Lang, target: &Lang) -> String {
        self.to_csv_with(source, target, Formulas::Neutralise)
    }

    /// [`Glossary::to_csv`], with cells that look like formulas written as
    /// `formulas` says.
    pub fn to_csv_with(&self, source: &Lang, target: &Lang, formulas: Formulas) -> String {
        let cell = |s: &str| csv_cell(&formula_cell(&csv_text(s), formulas));
        let mut out = format!("{},{},note\n", cell(source.as_str()), cell(target.as_str()));
        for (s, t, note) in pairs(self, source, target) {
            out.push_str(&cell(s));
            out.push(',');
            out.push_str(&cell(t));
            out.push(',');
            out.push_str(&cell(note.unwrap_or("")));
            out.push('\n');
        }
        out
    }
}

/// Rows collected into entries: a source term seen again adds its target to
/// the same entry.
struct Rows<'a> {
    source: &'a Lang,
    target: &'a Lang,
    /// Entries in file order, with the byte offset of their first row.
    entries: Vec<(Entry, usize)>,
    /// Source term → index in `entries` (looked up, never iterated).
    by_source: HashMap<String, usize>,
}

impl<'a> Rows<'a> {
    fn new(source: &'a Lang, target: &'a Lang) -> Rows<'a> {
        Rows {
            source,
            target,
            entries: Vec::new(),
            by_source: HashMap::new(),
        }
    }

    /// Adds one row; `src` and `tgt` are cells with their byte offsets in
    /// `text`, `row` the row's offset.
    fn push(
        &mut self,
        text: &str,
        src: (&str, usize),
        tgt: (&str, usize),
        comment: Option<&str>,
        row: usize,
    ) -> Result<(), Error> {
        let src = term_cell(text, src, "source")?;
        let tgt = term_cell(text, tgt, "target")?;
        let comment = comment
            .map(|c| unformula_cell(c.trim()).trim())
            .filter(|c| !c.is_empty());
        if let Some(&i) = self.by_source.get(src) {
            if let Some((entry, _)) = self.entries.get_mut(i) {
                let known = entry
                    .terms
                    .iter()
                    .any(|t| t.lang == *self.target && t.text == tgt);
                if !known {
                    entry
                        .terms
                        .push(Term::new(self.target.clone(), tgt).with_status(Status::Admitted));
                }
                if let Some(c) = comment {
                    match &mut entry.note {
                        None => entry.note = Some(c.to_string()),
                        Some(n) if n.split("; ").any(|part| part == c) => {}
                        Some(n) => {
                            n.push_str("; ");
                            n.push_str(c);
                        }
                    }
                }
            }
            return Ok(());
        }
        let mut entry = Entry::new("");
        entry.terms.push(Term::new(self.source.clone(), src));
        entry.terms.push(Term::new(self.target.clone(), tgt));
        entry.note = comment.map(str::to_string);
        self.by_source.insert(src.to_string(), self.entries.len());
        self.entries.push((entry, row));
        Ok(())
    }

    fn finish(self, text: &str) -> Result<Glossary, Error> {
        let mut g = Glossary::new();
        g.source = Some(self.source.clone());
        g.target = Some(self.target.clone());
        let mut ids = crate::model::IdSet::of(&g);
        for (entry, row) in self.entries {
            g.add_indexed(entry, &mut ids)
                .map_err(|k| Error::at(k, text, row))?;
        }
        Ok(g)
    }
}

/// A term cell, trimmed and checked; errors point at the cell's text.
fn term_cell<'t>(
    text: &str,
    (cell, at): (&'t str, usize),
    field: &'static str,
) -> Result<&'t str, Error> {
    let trimmed = cell.trim();
    let value = unformula_cell(trimmed);
    let lead = cell.len() - cell.trim_start().len() + (trimmed.len() - value.len());
    if value.is_empty() {
        return Err(Error::at(
            ErrorKind::MissingField { field },
            text,
            at + lead,
        ));
    }
    check_term_text(value).map_err(|k| Error::at(k, text, at + lead))?;
    Ok(value)
}

/// The (source, target, note) rows to write, in canonical order.
fn pairs<'g>(
    g: &'g Glossary,
    source: &Lang,
    target: &Lang,
) -> Vec<(&'g str, &'g str, Option<&'g str>)> {
    let mut entries: Vec<&Entry> = g.entries.iter().collect();
    entries.sort_by(|a, b| a.id.cmp(&b.id));
    let mut out = Vec::new();
    for e in entries {
        let Some(t) = e.term_for(target).filter(|t| t.lang.closeness(target) >= 2) else {
            continue;
        };
        // The canonical term order: language, status, text.
        let mut sources: Vec<&Term> = e
            .terms
            .iter()
            .filter(|s| s.lang.closeness(source) >= 2)
            .filter(|s| s.status == Status::Preferred && !std::ptr::eq(*s, t))
            .collect();
        sources.sort_by(|a, b| (a.lang.as_str(), &a.text).cmp(&(b.lang.as_str(), &b.text)));
        for s in sources {
            out.push((s.text.as_str(), t.text.as_str(), e.note.as_deref()));
        }
    }
    out
}

/// Text for a CSV cell: control characters other than tabs and line
/// breaks (which quoting keeps) become spaces.
fn csv_text(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() && !matches!(c, '\t' | '\n' | '\r') {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// A CSV cell, quoted when needed (RFC 4180).
fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A header cell naming a language: a valid tag whose language subtag has
/// two or three letters (so `source`, `target` or `English`, which are
/// well-formed tags too, are not taken for languages).
fn header_lang(cell: &str) -> Option<Lang> {
    Lang::parse(cell.trim())
        .ok()
        .filter(|l| (2..=3).contains(&l.language().len()))
}

/// The languages a TSV file's first line names: `# zh-Hant<TAB>en<TAB>…`
/// (blank lines before it are skipped).
fn tsv_header_langs(body: &str) -> Option<(Lang, Lang)> {
    let first = body.lines().find(|l| !l.trim().is_empty())?;
    let mut cells = first.strip_prefix('#')?.split('\t');
    let source = header_lang(cells.next()?)?;
    let target = header_lang(cells.next()?)?;
    Some((source, target))
}

/// Where a record starts in `body`. The csv reader's position may point at
/// the line break before the record (after `\r`, at the `\n`), so line
/// breaks are skipped.
fn record_start(body: &str, record: &csv::StringRecord) -> usize {
    let at = record
        .position()
        .map_or(0, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX));
    let rest = body.get(at..).unwrap_or("");
    at + (rest.len() - rest.trim_start_matches(['\r', '\n']).len())
}

/// The byte offset of field `index` of the record starting at `start` in
/// `body`: commas outside quotes separate fields.
fn field_start(body: &str, start: usize, index: usize) -> usize {
    if index == 0 {
        return start;
    }
    let mut field = 0;
    let mut quoted = false;
    // As the csv crate reads: a quote opens a quoted field only at the
    // start of the field (elsewhere it is a plain character), and `""`
    // inside quotes is one quote.
    let mut at_field_start = true;
    let mut chars = body.get(start..).unwrap_or("").char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let was_start = std::mem::replace(&mut at_field_start, false);
        match c {
            // A closing quote, unless doubled.
            '"' if quoted && chars.next_if(|&(_, n)| n == '"').is_none() => quoted = false,
            '"' if was_start => quoted = true,
            ',' if !quoted => {
                field += 1;
                at_field_start = true;
                if field == index {
                    return start + i + 1;
                }
            }
            '\n' if !quoted => return start + i,
            _ => {}
        }
    }
    body.len()
}

fn too_many_csv_columns(text: &str, base: usize, start: usize, n: usize) -> Error {
    let body = text.get(base..).unwrap_or("");
    Error::at(
        ErrorKind::Syntax {
            format: Format::Csv,
            message: format!("expected at most 3 columns (source, target, comment), found {n}"),
        },
        text,
        base + field_start(body, start - base, 3),
    )
}

fn csv_error(text: &str, base: usize, e: &csv::Error) -> Error {
    let at = e
        .position()
        .map_or(0, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX));
    Error::at(
        ErrorKind::Syntax {
            format: Format::Csv,
            message: e.to_string(),
        },
        text,
        base.saturating_add(at),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(s: &str) -> Lang {
        Lang::parse(s).expect("valid tag")
    }

    fn tsv(text: &str) -> Result<Glossary, Error> {
        Glossary::from_tsv(text, &lang("zh-Hant"), &lang("en"))
    }

    fn tsv_error(text: &str) -> (String, u64, u64) {
        let e = tsv(text).expect_err("invalid");
        let l = e.location().expect("located");
        (e.to_string(), l.line, l.column)
    }

    #[test]
    fn tsv_rows_become_entries() {
        let g = tsv("\u{feff}# zh-Hant\ten\tcomment\n\n顏樂存\tYann LeCun\tMeta\r\n亞歷山大·王\tAlexandr Wang\n  \n顏樂存\tYann Le Cun\tspelling\n顏樂存\tYann LeCun\n")
            .expect("valid");
        assert_eq!(g.source, Some(lang("zh-Hant")));
        assert_eq!(g.target, Some(lang("en")));
        assert_eq!(g.entries.len(), 2);
        let e = g.get("yann-lecun").expect("id from the English term");
        assert_eq!(e.note.as_deref(), Some("Meta; spelling"));
        let statuses: Vec<_> = e
            .terms
            .iter()
            .map(|t| (t.text.as_str(), t.status))
            .collect();
        assert_eq!(
            statuses,
            [
                ("顏樂存", Status::Preferred),
                ("Yann LeCun", Status::Preferred),
                ("Yann Le Cun", Status::Admitted)
            ]
        );
        assert!(g.get("alexandr-wang").is_some_and(|e| e.note.is_none()));
    }

    // Regression: ids were found by scanning every entry for each suffix,
    // so 4,000 rows with one target took 17 s. Ids must stay the same:
    // `ai`, `ai-2`, … in row order, with a declared-looking id (`ai-3` as a
    // target) skipped.
    #[test]
    fn many_rows_with_one_target_get_numbered_ids() {
        let mut input = String::from("# zh-Hant\ten\n");
        for i in 0..20_000 {
            let target = match i % 4 {
                0 | 1 => "AI",
                2 => "Machine learning",
                _ => "ai 3",
            };
            input.push_str(&format!("術語{i}\t{target}\n"));
        }
        let g = tsv(&input).expect("valid");
        assert_eq!(g.entries.len(), 20_000);
        let ids: Vec<&str> = g.entries.iter().take(8).map(|e| e.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "ai",
                "ai-2",
                "machine-learning",
                "ai-3",
                "ai-4",
                "ai-5",
                "machine-learning-2",
                "ai-3-2"
            ]
        );
        let last: Vec<&str> = g
            .entries
            .iter()
            .rev()
            .take(4)
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(
            last,
            ["ai-3-5000", "machine-learning-5000", "ai-10001", "ai-10000"]
        );
        let unique: std::collections::BTreeSet<&str> =
            g.entries.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(unique.len(), 20_000);
    }

    #[test]
    fn tsv_errors_are_located() {
        // One table per case: input, message part, line, column.
        let cases: &[(&str, &str, u64, u64)] = &[
            ("a\tb\n顏樂存\n", "missing field `target`", 2, 4),
            ("a\tb\tc\td\n", "at most 3", 1, 7),
            ("# c\n\tYann\n", "missing field `source`", 2, 1),
            ("顏樂存\t  \n", "missing field `target`", 1, 7),
            // The byte-order mark is not a column.
            ("\u{feff}x\ty\u{1}z\n", "invalid text", 1, 3),
        ];
        for &(input, message, line, column) in cases {
            let (msg, l, c) = tsv_error(input);
            assert!(msg.contains(message), "{input:?}: {msg}");
            assert_eq!((l, c), (line, column), "{input:?}: {msg}");
        }
    }

    #[test]
    fn tsv_export_pairs_preferred_source_terms_with_the_best_target() {
        let g = Glossary::from_toml(
            r##"
[[entry]]
id = "b"
note = "tab\tand\nline"
terms = [
  { lang = "zh-TW", text = "楊立昆" },
  { lang = "zh-Hant", text = "顏樂存", status = "admitted" },
  { lang = "zh-Hans", text = "杨立昆" },
  { lang = "en", text = "Yann LeCun", status = "admitted" },
  { lang = "en", text = "LeCun", status = "forbidden" },
]

[[entry]]
id = "a"
terms = [{ lang = "zh-Hant", text = "#標籤" }, { lang = "en", text = "#hashtag" }]

[[entry]]
id = "c"
terms = [{ lang = "zh-Hant", text = "無譯" }]
"##,
        )
        .expect("valid");
        let out = g.to_tsv(&lang("zh-Hant"), &lang("en"));
        assert_eq!(
            out,
            "# zh-Hant\ten\tcomment\n #標籤\t#hashtag\n楊立昆\tYann LeCun\ttab and line\n"
        );
        let back = tsv(&out).expect("reads back");
        assert_eq!(back.entries.len(), 2);
        assert!(back.entries.iter().any(|e| e.terms[0].text == "#標籤"));
    }

    #[test]
    fn csv_header_names_the_languages() {
        let g = Glossary::from_csv(
            "zh-Hant,en,note\n顏樂存,Yann LeCun,\"Meta, chief\nAI scientist\"\n,,\n",
            None,
        )
        .expect("valid");
        assert_eq!(g.source, Some(lang("zh-Hant")));
        assert_eq!(
            g.entries[0].note.as_deref(),
            Some("Meta, chief\nAI scientist")
        );
        // A word header needs the languages from the caller.
        let e = Glossary::from_csv("source,target,comment\na,b\n", None).expect_err("no languages");
        assert!(matches!(e.kind(), ErrorKind::MissingField { .. }));
        let (s, t) = (lang("zh-Hans"), lang("en"));
        let g = Glossary::from_csv("Source,Target\n杨立昆,Yann LeCun\n", Some((&s, &t)))
            .expect("valid");
        assert_eq!(g.entries[0].terms[0].lang, s);
    }

    #[test]
    fn csv_errors_are_located() {
        let cases: &[(&str, &str, u64, u64)] = &[
            ("zh,en\na,b,c,d\n", "at most 3", 2, 7),
            ("zh,en\n\"x,y\",  \n", "missing field `target`", 2, 9),
            ("zh,en\na,\"b\"\nc\n", "missing field `target`", 3, 2),
            ("zh,en\r\nc\r\n", "missing field `target`", 2, 2),
            ("\u{feff}zh,en\n\"a\nb\",c\n", "invalid text", 2, 1),
            // Regression: a quote inside an unquoted field is a plain
            // character, not an opening quote (was line 3, column 1).
            ("zh,en\na\"b,c,d,e\n", "at most 3", 2, 9),
            // `""` inside quotes is one quote, not a closing and an opening.
            ("zh,en\n\"a\"\",x\",c,d,e\n", "at most 3", 2, 13),
            ("zh,en\n\"a\"b,c,d,e\n", "at most 3", 2, 10),
        ];
        for &(input, message, line, column) in cases {
            let e = Glossary::from_csv(input, None).expect_err("invalid");
            let l = e.location().expect("located");
            let msg = e.to_string();
            assert!(msg.contains(message), "{input:?}: {msg}");
            assert_eq!((l.line, l.column), (line, column), "{input:?}: {msg}");
        }
    }

    #[test]
    fn csv_round_trip() {
        let g = tsv("顏樂存\tYann LeCun\tsays \"hi\", twice\n亞歷山大·王\tAlexandr Wang\n")
            .expect("valid");
        let (s, t) = (lang("zh-Hant"), lang("en"));
        let out = g.to_csv(&s, &t);
        assert_eq!(
            out,
            "zh-Hant,en,note\n亞歷山大·王,Alexandr Wang,\n顏樂存,Yann LeCun,\"says \"\"hi\"\", twice\"\n"
        );
        let back = Glossary::from_csv(&out, None).expect("reads back");
        assert_eq!(back.to_toml(), g.to_toml());
    }
}
