//! A fast reader for glossaries in canonical form (what
//! [`Glossary::to_toml`] writes): line by line, no general TOML parsing.
//! Anything it does not recognise, or any invalid value, makes it give up
//! (`None`), and the full TOML reader takes over (and reports errors with
//! their positions). Its tests (`fast_toml/tests.rs`) compare it with the
//! `toml` crate on generated glossaries.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use crate::model::{Entry, Glossary, Lang, Status, Term};
use crate::toml_io::{check_id, check_term_text};

/// Reads a canonical glossary, or `None` if `text` is not in the canonical
/// subset or has invalid values. Large texts are cut at entry boundaries and
/// read on several threads.
pub(crate) fn read(text: &str) -> Option<Glossary> {
    const PART: usize = 4 << 20;
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(8);
    if text.len() < 2 * PART || threads < 2 {
        return read_part(text, true);
    }
    // Cut points: the start of an `[[entry]]` line near each share.
    let share = text.len().div_ceil(threads);
    let mut cuts = vec![0];
    for k in 1..threads {
        let from = (k * share).max(*cuts.last()?);
        match text.get(from..).and_then(|t| t.find("\n[[entry]]\n")) {
            Some(i) => cuts.push(from + i + 1),
            None => break,
        }
    }
    cuts.push(text.len());
    cuts.dedup();
    let parts: Vec<Option<Glossary>> = std::thread::scope(|scope| {
        let handles: Vec<_> = cuts
            .windows(2)
            .enumerate()
            .map(|(n, w)| {
                let part = text.get(w[0]..w[1]);
                let read = move || part.and_then(|p| read_part(p, n == 0));
                // A thread the system cannot start: that part is read
                // here instead (issue 20).
                std::thread::Builder::new()
                    .spawn_scoped(scope, read)
                    .map_err(|_| read)
            })
            .collect();
        handles
            .into_iter()
            .map(|h| match h {
                Ok(h) => h.join().ok().flatten(),
                Err(read) => read(),
            })
            .collect()
    });
    let mut g: Option<Glossary> = None;
    for part in parts {
        let part = part?;
        match &mut g {
            None => g = Some(part),
            Some(g) => g.entries.extend(part.entries),
        }
    }
    let g = g?;
    let mut ids: HashSet<&str> = HashSet::with_capacity(g.entries.len());
    if g.entries.iter().all(|e| ids.insert(e.id.as_str())) {
        Some(g)
    } else {
        None
    }
}

/// Reads one part of a canonical glossary: the whole text, or a run of
/// entries starting at an `[[entry]]` line (`first` says whether the
/// `[glossary]` header may occur).
fn read_part<'a>(text: &'a str, first: bool) -> Option<Glossary> {
    let mut g = Glossary::new();
    let mut langs: HashMap<&'a str, Lang> = HashMap::new();
    let mut ids: HashSet<&str> = HashSet::new();
    let mut lang = |tag: Cow<'a, str>| -> Option<Lang> {
        let Cow::Borrowed(tag) = tag else {
            return None;
        };
        if let Some(l) = langs.get(tag) {
            return Some(l.clone());
        }
        let l = Lang::parse(tag).ok()?;
        // Only tags already in canonical form: others are rewritten by the
        // full reader, which also keeps their positions for errors.
        if l.as_str() != tag {
            return None;
        }
        langs.insert(tag, l.clone());
        Some(l)
    };
    #[derive(PartialEq)]
    enum State {
        Top,
        Header,
        Entry,
        Terms,
    }
    let mut state = State::Top;
    let mut seen_header = false;
    // Whether the current entry has its `terms` key: TOML refuses a second.
    let mut seen_terms = false;
    for line in text.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if state == State::Terms {
            if line == "]" {
                state = State::Entry;
                continue;
            }
            let body = line.strip_prefix("  { ")?.strip_suffix(" },")?;
            let entry = g.entries.last_mut()?;
            entry.terms.push(term(body, &mut lang)?);
            continue;
        }
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if line == "[glossary]" {
            if seen_header || state != State::Top || !first {
                return None;
            }
            seen_header = true;
            state = State::Header;
            continue;
        }
        if line == "[[entry]]" {
            g.entries.push(Entry::new(String::new()));
            state = State::Entry;
            seen_terms = false;
            continue;
        }
        let (key, rest) = line.split_once(" = ")?;
        match (&state, key) {
            (State::Header, "source" | "target") => {
                let (tag, tail) = string(rest)?;
                let slot = if key == "source" {
                    &mut g.source
                } else {
                    &mut g.target
                };
                // Anything after the value (`source = "en" x`) is not TOML.
                if !tail.is_empty() || slot.is_some() {
                    return None;
                }
                *slot = Some(lang(tag)?);
            }
            (State::Entry, "id") => {
                let e = g.entries.last_mut()?;
                let (id, tail) = string(rest)?;
                if !tail.is_empty() || !e.id.is_empty() || check_id(&id).is_err() {
                    return None;
                }
                e.id = id.into_owned();
            }
            (State::Entry, "domain" | "note") => {
                let e = g.entries.last_mut()?;
                let (value, tail) = string(rest)?;
                let slot = if key == "domain" {
                    &mut e.domain
                } else {
                    &mut e.note
                };
                if !tail.is_empty() || slot.is_some() || value.is_empty() {
                    return None;
                }
                *slot = Some(value.into_owned());
            }
            (State::Entry, "terms") if !seen_terms => {
                seen_terms = true;
                match rest {
                    "[" => state = State::Terms,
                    "[]" => {}
                    _ => return None,
                }
            }
            _ => return None,
        }
    }
    if state == State::Terms {
        return None;
    }
    for e in &g.entries {
        if e.id.is_empty() || !ids.insert(e.id.as_str()) {
            return None;
        }
    }
    Some(g)
}

/// `lang = "…", text = "…", status = "…"[, pos = "…"][, case_sensitive = true][, note = "…"]`
fn term<'a>(body: &'a str, lang: &mut dyn FnMut(Cow<'a, str>) -> Option<Lang>) -> Option<Term> {
    let rest = body.strip_prefix("lang = ")?;
    let (tag, rest) = string(rest)?;
    let rest = rest.strip_prefix(", text = ")?;
    let (text, rest) = string(rest)?;
    let rest = rest.strip_prefix(", status = ")?;
    let (status, mut rest) = string(rest)?;
    let status = match &*status {
        "preferred" => Status::Preferred,
        "admitted" => Status::Admitted,
        "forbidden" => Status::Forbidden,
        _ => return None,
    };
    check_term_text(&text).ok()?;
    let mut t = Term::new(lang(tag)?, text.into_owned()).with_status(status);
    if let Some(r) = rest.strip_prefix(", pos = ") {
        let (pos, r) = string(r)?;
        if pos.is_empty() {
            return None;
        }
        t.part_of_speech = Some(pos.into_owned());
        rest = r;
    }
    if let Some(r) = rest.strip_prefix(", case_sensitive = true") {
        t.case_sensitive = true;
        rest = r;
    }
    if let Some(r) = rest.strip_prefix(", note = ") {
        let (note, r) = string(r)?;
        if note.is_empty() {
            return None;
        }
        t.note = Some(note.into_owned());
        rest = r;
    }
    rest.is_empty().then_some(t)
}

/// A TOML basic string at the start of `s` with the escapes the canonical
/// writer uses; returns it (borrowed when it has no escapes) and the rest.
fn string(s: &str) -> Option<(Cow<'_, str>, &str)> {
    let body = s.strip_prefix('"')?;
    // The common case: no escapes, no control characters.
    if let Some(end) = body.find(['"', '\\'])
        && body.as_bytes().get(end) == Some(&b'"')
    {
        let value = &body[..end];
        if !value.chars().any(|c| c.is_control() && c != '\t') {
            return Some((Cow::Borrowed(value), &body[end + 1..]));
        }
    }
    let mut out = String::new();
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((Cow::Owned(out), &body[i + 1..])),
            '\\' => {
                let (_, e) = chars.next()?;
                match e {
                    '"' => out.push('"'),
                    '\\' => out.push('\\'),
                    'n' => out.push('\n'),
                    't' => out.push('\t'),
                    'r' => out.push('\r'),
                    'u' => {
                        let hex: String = (0..4)
                            .filter_map(|_| chars.next().map(|(_, h)| h))
                            .collect();
                        // Exactly four hex digits: from_str_radix alone
                        // also takes a sign (`\u+041`), which TOML refuses.
                        if hex.len() != 4 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                            return None;
                        }
                        out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                    }
                    _ => return None,
                }
            }
            c if c.is_control() && c != '\t' => return None,
            c => out.push(c),
        }
    }
    None
}

#[cfg(test)]
mod tests;
