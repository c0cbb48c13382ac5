//! The canonical TOML form of a glossary: read with positions, written
//! deterministically.
//!
//! ```toml
//! [glossary]
//! source = "zh-Hant"
//! target = "en"
//!
//! [[entry]]
//! id = "yann-lecun"
//! domain = "people"
//! terms = [
//!   { lang = "en", text = "Yann LeCun", status = "preferred", case_sensitive = true },
//!   { lang = "zh-Hans", text = "杨立昆", status = "preferred" },
//!   { lang = "zh-Hant", text = "顏樂存", status = "admitted", note = "the article's spelling" },
//! ]
//! ```

use std::collections::HashSet;
use std::fmt::Write as _;

use serde::Deserialize;
use toml::Spanned;

use crate::error::{Error, ErrorKind, Format};
use crate::model::{Entry, Glossary, Lang, Status, Term};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    glossary: Option<RawHeader>,
    #[serde(default)]
    entry: Vec<RawEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHeader {
    source: Option<Spanned<String>>,
    target: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    id: Spanned<String>,
    domain: Option<String>,
    note: Option<String>,
    #[serde(default)]
    terms: Vec<Spanned<RawTerm>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTerm {
    lang: Spanned<String>,
    text: Spanned<String>,
    status: Option<Spanned<String>>,
    pos: Option<String>,
    #[serde(default)]
    case_sensitive: bool,
    note: Option<String>,
}

fn lang_at(s: &Spanned<String>, text: &str) -> Result<Lang, Error> {
    Lang::parse(s.get_ref()).map_err(|k| Error::at(k, text, s.span().start))
}

/// Checks a term's text: not empty, no control characters (tabs and line
/// breaks would not survive TSV), no leading or trailing spaces.
pub(crate) fn check_term_text(value: &str) -> Result<(), ErrorKind> {
    if value.trim().is_empty() || value.trim() != value || value.chars().any(char::is_control) {
        return Err(ErrorKind::InvalidValue {
            field: "text",
            value: value.to_string(),
            expected: "a non-empty term without control characters or surrounding spaces",
        });
    }
    Ok(())
}

/// Checks an entry id: not empty, no control characters or spaces at the
/// ends.
pub(crate) fn check_id(value: &str) -> Result<(), ErrorKind> {
    if value.trim().is_empty() || value.trim() != value || value.chars().any(char::is_control) {
        return Err(ErrorKind::InvalidValue {
            field: "id",
            value: value.to_string(),
            expected: "a non-empty id without control characters or surrounding spaces",
        });
    }
    Ok(())
}

impl Glossary {
    /// Reads a glossary from its TOML form. Errors carry the line and
    /// column of the offending value.
    pub fn from_toml(text: &str) -> Result<Glossary, Error> {
        // Canonical files (the usual case) take a fast path.
        if let Some(g) = crate::fast_toml::read(text) {
            return Ok(g);
        }
        let raw: RawFile = toml::from_str(text).map_err(|e| {
            let at = e.span().map_or(0, |s| s.start);
            Error::at(
                ErrorKind::Syntax {
                    format: Format::Toml,
                    message: e.message().trim().to_string(),
                },
                text,
                at,
            )
        })?;
        let mut g = Glossary::new();
        if let Some(h) = raw.glossary {
            g.source = h.source.as_ref().map(|s| lang_at(s, text)).transpose()?;
            g.target = h.target.as_ref().map(|s| lang_at(s, text)).transpose()?;
        }
        let mut seen = HashSet::new();
        for e in raw.entry {
            let id_at = e.id.span().start;
            let id = e.id.into_inner();
            check_id(&id).map_err(|k| Error::at(k, text, id_at))?;
            if !seen.insert(id.clone()) {
                return Err(Error::at(ErrorKind::DuplicateId { id }, text, id_at));
            }
            let mut entry = Entry::new(id);
            entry.domain = e.domain.filter(|d| !d.is_empty());
            entry.note = e.note.filter(|d| !d.is_empty());
            for t in e.terms {
                let t = t.into_inner();
                let lang = lang_at(&t.lang, text)?;
                check_term_text(t.text.get_ref())
                    .map_err(|k| Error::at(k, text, t.text.span().start))?;
                let status = match &t.status {
                    Some(s) => s
                        .get_ref()
                        .parse::<Status>()
                        .map_err(|k| Error::at(k, text, s.span().start))?,
                    None => Status::Preferred,
                };
                entry.terms.push(Term {
                    lang,
                    text: t.text.into_inner(),
                    status,
                    part_of_speech: t.pos.filter(|p| !p.is_empty()),
                    case_sensitive: t.case_sensitive,
                    note: t.note.filter(|n| !n.is_empty()),
                });
            }
            g.entries.push(entry);
        }
        Ok(g)
    }

    /// The canonical TOML form: entries sorted by id, terms by language,
    /// status and text, one term per line, fixed key order. Reading it back
    /// gives the same glossary, and writing that gives the same bytes.
    pub fn to_toml(&self) -> String {
        let mut g = self.clone();
        g.sort();
        let mut out = String::from(
            "# bianyi glossary: one [[entry]] per concept, one line per term.\n\
             # Format: docs/glossary.md. `bianyi glossary fmt` keeps this file canonical.\n",
        );
        if g.source.is_some() || g.target.is_some() {
            out.push_str("\n[glossary]\n");
            if let Some(s) = &g.source {
                let _ = writeln!(out, "source = {}", quote(s.as_str()));
            }
            if let Some(t) = &g.target {
                let _ = writeln!(out, "target = {}", quote(t.as_str()));
            }
        }
        for e in &g.entries {
            out.push_str("\n[[entry]]\n");
            let _ = writeln!(out, "id = {}", quote(&e.id));
            if let Some(d) = &e.domain {
                let _ = writeln!(out, "domain = {}", quote(d));
            }
            if let Some(n) = &e.note {
                let _ = writeln!(out, "note = {}", quote(n));
            }
            if e.terms.is_empty() {
                out.push_str("terms = []\n");
                continue;
            }
            out.push_str("terms = [\n");
            for t in &e.terms {
                let _ = write!(
                    out,
                    "  {{ lang = {}, text = {}, status = {}",
                    quote(t.lang.as_str()),
                    quote(&t.text),
                    quote(t.status.as_str())
                );
                if let Some(p) = &t.part_of_speech {
                    let _ = write!(out, ", pos = {}", quote(p));
                }
                if t.case_sensitive {
                    out.push_str(", case_sensitive = true");
                }
                if let Some(n) = &t.note {
                    let _ = write!(out, ", note = {}", quote(n));
                }
                out.push_str(" },\n");
            }
            out.push_str("]\n");
        }
        out
    }
}

/// A TOML basic string: `"`, `\` and control characters escaped, everything
/// else as it is.
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"
[glossary]
target = "en"

[[entry]]
id = "yann-lecun"
domain = "people"
terms = [
  { lang = "zh-Hant", text = "顏樂存", status = "admitted", note = "as in \"智東西\"" },
  { lang = "en", text = "Yann LeCun", case_sensitive = true },
  { lang = "zh_hans", text = "杨立昆" },
]

[[entry]]
id = "alexandr-wang"
terms = [{ lang = "zh-Hant", text = "亞歷山大·王" }, { lang = "en", text = "Alexandr Wang" }]
"#;

    #[test]
    fn canonical_round_trip() {
        let g = Glossary::from_toml(SAMPLE).expect("valid");
        assert_eq!(g.entries.len(), 2);
        let text = g.to_toml();
        let again = Glossary::from_toml(&text).expect("canonical form reads back");
        assert_eq!(again.to_toml(), text);
        let mut sorted = g.clone();
        sorted.sort();
        assert_eq!(again, sorted);
        assert!(text.contains(
            "[[entry]]\nid = \"alexandr-wang\"\nterms = [\n  { lang = \"en\", text = \"Alexandr Wang\", status = \"preferred\" },"
        ));
        assert!(text.contains(
            "  { lang = \"zh-Hant\", text = \"顏樂存\", status = \"admitted\", note = \"as in \\\"智東西\\\"\" },"
        ));
        assert!(
            text.contains("  { lang = \"zh-Hans\", text = \"杨立昆\", status = \"preferred\" },")
        );
        assert!(text.contains("case_sensitive = true"));
    }

    fn error_at(text: &str) -> (String, u64, u64) {
        let e = Glossary::from_toml(text).expect_err("invalid");
        let l = e.location().expect("located");
        (e.to_string(), l.line, l.column)
    }

    #[test]
    fn errors_have_positions() {
        let (msg, line, column) =
            error_at("[[entry]]\nid = \"a\"\nterms = [{ lang = \"zh-XX-\", text = \"x\" }]\n");
        assert!(msg.contains("invalid language tag “zh-XX-”"), "{msg}");
        assert_eq!((line, column), (3, 19));
        let (msg, line, _) = error_at("[[entry]]\nid = \"a\"\n\n[[entry]]\nid = \"a\"\n");
        assert!(msg.contains("duplicate entry id"), "{msg}");
        assert_eq!(line, 5);
        let (msg, line, _) = error_at(
            "[[entry]]\nid = \"a\"\nterms = [{ lang = \"en\", text = \"x\", status = \"maybe\" }]\n",
        );
        assert!(msg.contains("preferred, admitted or forbidden"), "{msg}");
        assert_eq!(line, 3);
        let (msg, line, _) =
            error_at("[[entry]]\nid = \"a\"\nterms = [{ lang = \"en\", text = \"\" }]\n");
        assert!(msg.contains("invalid text"), "{msg}");
        assert_eq!(line, 3);
        let (msg, line, _) = error_at("[[entry]]\nid = \"a\"\nterm = []\n");
        assert!(msg.contains("invalid toml"), "{msg}");
        assert_eq!(line, 3);
        let (_, line, _) = error_at("[[entry]\n");
        assert_eq!(line, 1);
    }
}
