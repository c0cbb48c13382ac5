//! GNU gettext PO: the strings of `msgstr` and `msgstr[N]` are text.
//! `msgctxt`, `msgid`, `msgid_plural`, comments, flags, obsolete (`#~`)
//! entries and the header entry (`msgid ""`) stay as they are, except the
//! header's `Language:` value, which a rewrite may set to the target.

use std::ops::Range;

use super::Units;
use crate::error::{Error, Quoted};
use crate::runs::Encoding;

/// Which keyword a string belongs to.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Field {
    Ctxt,
    Id,
    IdPlural,
    Str(Option<u32>),
}

/// An entry being read.
#[derive(Default)]
struct Entry {
    ctxt: Option<String>,
    id: Option<String>,
    /// Ranges of string contents (between the quotes) per msgstr form.
    strs: Vec<(Option<u32>, Vec<Range<usize>>)>,
}

pub(super) fn units(source: &str, units: &mut Units<'_>) -> Result<(), Error> {
    // The last `Language:` value of a header entry.
    let mut language = None;
    let mut entry = Entry::default();
    let mut field: Option<Field> = None;
    let mut offset = 0;
    let body = source.strip_prefix('\u{FEFF}').map_or(0, |_| 3);
    let finish = |entry: &mut Entry, units: &mut Units<'_>, language: &mut Option<Range<usize>>| {
        let e = std::mem::take(entry);
        let Some(id) = e.id else { return };
        if id.is_empty() && e.ctxt.is_none() {
            // The header: only its Language: value may change.
            for (_, ranges) in &e.strs {
                for r in ranges {
                    if let Some(l) = header_language(source, r.clone()) {
                        *language = Some(l);
                    }
                }
            }
            return;
        }
        let base = match &e.ctxt {
            Some(c) => format!("{c}|{id}"),
            None => id,
        };
        for (form, ranges) in e.strs {
            let key = match form {
                Some(n) => format!("{base}[{n}]"),
                None => base.clone(),
            };
            units.unit_in(key, ranges, Encoding::Raw);
        }
    };
    for line in source.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let text = line.trim_end_matches(['\n', '\r']);
        let lead = if start == 0 { body } else { 0 };
        let trimmed = text.get(lead..).unwrap_or_default().trim_start();
        let indent = text.len() - trimmed.len();
        if trimmed.is_empty() {
            finish(&mut entry, units, &mut language);
            field = None;
            continue;
        }
        if trimmed.starts_with('#') {
            // Comments, flags, references, previous and obsolete entries.
            // A comment after strings starts a new entry.
            if field.is_some() {
                finish(&mut entry, units, &mut language);
                field = None;
            }
            // Translator (`# `) and extracted (`#. `) comments are text.
            let body = trimmed
                .strip_prefix("# ")
                .or_else(|| trimmed.strip_prefix("#. "));
            if let Some(body) = body {
                let end = start + text.len();
                let line = end - body.len()..end;
                units.comment(vec![line]);
            }
            continue;
        }
        let at = start + indent;
        let (keyword, rest) = match trimmed.find(|c: char| c == '"' || c.is_whitespace()) {
            Some(i) => trimmed.split_at(i),
            None => (trimmed, ""),
        };
        let new_field = match keyword {
            "" => None,
            "msgctxt" => Some(Field::Ctxt),
            "msgid" => Some(Field::Id),
            "msgid_plural" => Some(Field::IdPlural),
            "msgstr" => Some(Field::Str(None)),
            k => match k.strip_prefix("msgstr[").and_then(|r| r.strip_suffix(']')) {
                Some(n) => Some(Field::Str(Some(n.parse().map_err(|_| {
                    Error::syntax(source, at, format!("bad plural index in {}", Quoted(k)))
                })?))),
                None => {
                    return Err(Error::syntax(
                        source,
                        at,
                        format!("unknown keyword {}", Quoted(k)),
                    ));
                }
            },
        };
        let string_at = at + keyword.len() + (rest.len() - rest.trim_start().len());
        let (content, value) = string(source, string_at, start + text.len())?;
        match new_field {
            Some(f) => {
                // msgctxt or msgid after a msgstr starts a new entry.
                if matches!(f, Field::Ctxt | Field::Id) && matches!(field, Some(Field::Str(_))) {
                    finish(&mut entry, units, &mut language);
                }
                if matches!(f, Field::Id) && entry.id.is_some() {
                    return Err(Error::syntax(source, at, "msgid without msgstr before it"));
                }
                field = Some(f);
                match f {
                    Field::Ctxt => entry.ctxt = Some(value),
                    Field::Id => entry.id = Some(value),
                    Field::IdPlural => {}
                    Field::Str(form) => {
                        if entry.id.is_none() {
                            return Err(Error::syntax(source, at, "msgstr without msgid"));
                        }
                        entry.strs.push((form, vec![content]));
                    }
                }
            }
            None => match field {
                // A continuation line.
                Some(Field::Ctxt) => {
                    if let Some(c) = &mut entry.ctxt {
                        c.push_str(&value);
                    }
                }
                Some(Field::Id) => {
                    if let Some(c) = &mut entry.id {
                        c.push_str(&value);
                    }
                }
                Some(Field::IdPlural) => {}
                Some(Field::Str(_)) => {
                    if let Some((_, ranges)) = entry.strs.last_mut() {
                        ranges.push(content);
                    }
                }
                None => {
                    return Err(Error::syntax(source, at, "a string outside any keyword"));
                }
            },
        }
    }
    finish(&mut entry, units, &mut language);
    if let Some(range) = language {
        units.language(range);
    }
    Ok(())
}

/// The string literal at `at` (which must be `"`) ending before `line_end`
/// with nothing but white space after it: the range of its contents and
/// its value with escapes resolved.
fn string(source: &str, at: usize, line_end: usize) -> Result<(Range<usize>, String), Error> {
    let bytes = source.as_bytes();
    if bytes.get(at) != Some(&b'"') {
        return Err(Error::syntax(
            source,
            at,
            "expected a string in double quotes",
        ));
    }
    let mut i = at + 1;
    let mut value = String::new();
    while i < line_end {
        match bytes.get(i) {
            Some(b'"') => {
                let after = source.get(i + 1..line_end).unwrap_or_default();
                if !after.trim().is_empty() {
                    return Err(Error::syntax(source, i + 1, "text after the closing quote"));
                }
                return Ok((at + 1..i, value));
            }
            Some(b'\\') => {
                let c = match bytes.get(i + 1) {
                    Some(b'n') => '\n',
                    Some(b't') => '\t',
                    Some(b'r') => '\r',
                    Some(b'"') => '"',
                    Some(b'\\') => '\\',
                    Some(b'a') => '\u{7}',
                    Some(b'b') => '\u{8}',
                    Some(b'f') => '\u{c}',
                    Some(b'v') => '\u{b}',
                    Some(b'0'..=b'7' | b'x') => '\u{FFFD}',
                    _ => return Err(Error::syntax(source, i, "unknown escape sequence")),
                };
                value.push(c);
                i += 2;
            }
            Some(_) => {
                let ch = source
                    .get(i..)
                    .and_then(|s| s.chars().next())
                    .unwrap_or('\u{FFFD}');
                value.push(ch);
                i += ch.len_utf8();
            }
            None => break,
        }
    }
    Err(Error::syntax(
        source,
        at,
        "string without its closing quote",
    ))
}

/// The value of a `Language: xx` line inside the header string `range`.
fn header_language(source: &str, range: Range<usize>) -> Option<Range<usize>> {
    let s = source.get(range.clone())?;
    let i = s.find("Language:")?;
    let mut start = i + "Language:".len();
    start += s.get(start..)?.len() - s.get(start..)?.trim_start_matches(' ').len();
    let end = s.get(start..)?.find("\\n").map_or(s.len(), |e| start + e);
    (end > start).then(|| range.start + start..range.start + end)
}
