//! Placeholders inside translatable text, which a converter must never see:
//! printf and Qt specifiers (`%s`, `%1$d`, `%(name)s`, `%1`, `%%`), brace
//! placeholders (`{0}`, `{name}`, `{{name}}`, `${name}`, ICU's simple
//! arguments `{n, number}`; names in any script, `{文件名}`), `$t(key)`,
//! markup tags (`<b>`, `</a>`, `<br/>`; in JSON also written escaped,
//! `\u003cb\u003e`) and character references (`&amp;`, `&#160;`).
//!
//! Messages of localization files and JSON values of JSON Lines are cut
//! around them. The text between placeholders is what gets converted. ICU plural and
//! select arguments are not placeholders as a whole: their keywords are
//! ASCII (which conversion leaves alone) and their messages are text.

use std::ops::Range;

use crate::runs::{Encoding, Runs};

/// Adds the runs of `source[range]` between placeholders.
pub(crate) fn cut(source: &str, range: Range<usize>, encoding: Encoding, out: &mut Runs) {
    let bytes = source.as_bytes();
    let (from, end) = (range.start, range.end);
    // A JSON escape is read whole (`\\u003c` is no tag).
    let mut escape_end = 0;
    out.push_around(range, encoding, |i| {
        if i < escape_end {
            return 0;
        }
        let len = match bytes.get(i) {
            Some(b'%') => printf(source, i, end),
            Some(b'{') => brace(source, i, end, from),
            Some(b'$') => dollar(source, i, end),
            Some(b'<') => tag(bytes, i, end),
            Some(b'&') => reference(bytes, i, end),
            Some(b'\\') if encoding == Encoding::Json => escaped_tag(bytes, i, end),
            _ => 0,
        };
        if len == 0 && encoding == Encoding::Json && bytes.get(i) == Some(&b'\\') {
            escape_end = i + 2;
        }
        len
    });
}

/// `%%`, `%1`…`%99` (Qt), `%(name)s` (Python; the name may be in any
/// script), `%1$s` and C specifiers.
fn printf(s: &str, at: usize, end: usize) -> usize {
    let b = s.as_bytes();
    let get = |i: usize| if i < end { b.get(i).copied() } else { None };
    let mut i = at + 1;
    match get(i) {
        Some(b'%') => return 2,
        Some(b'(') => {
            i += 1;
            let name = s.get(i..end).unwrap_or_default();
            i += name
                .char_indices()
                .find(|&(_, c)| !(c.is_alphanumeric() || c == '_'))
                .map_or(name.len(), |(k, _)| k);
            if get(i) != Some(b')') {
                return 0;
            }
            i += 1;
        }
        _ => {}
    }
    // Positional: digits followed by `$`, or Qt's bare `%1`.
    let digits = i;
    while get(i).is_some_and(|c| c.is_ascii_digit()) {
        i += 1;
    }
    if i > digits {
        if get(i) == Some(b'$') {
            i += 1;
        } else if get(digits) != Some(b'0') && i - digits <= 2 && b.get(at + 1) != Some(&b'(') {
            // `%1`: Qt and .NET-style numbered arguments; a conversion
            // character may follow (`%1d` is a width), so look on.
            let save = i;
            let more = conversion_tail(b, i, end);
            return if more > 0 { more - at } else { save - at };
        }
    }
    let tail = conversion_tail(b, i, end);
    if tail > 0 { tail - at } else { 0 }
}

/// Flags, width, precision, length and the conversion character from `i`;
/// the end of the specifier, or 0 when there is no conversion character.
fn conversion_tail(b: &[u8], mut i: usize, end: usize) -> usize {
    let get = |i: usize| if i < end { b.get(i).copied() } else { None };
    while get(i).is_some_and(|c| matches!(c, b'-' | b'+' | b' ' | b'#' | b'0' | b'\'')) {
        i += 1;
    }
    while get(i).is_some_and(|c| c.is_ascii_digit() || c == b'*') {
        i += 1;
    }
    if get(i) == Some(b'.') {
        i += 1;
        while get(i).is_some_and(|c| c.is_ascii_digit() || c == b'*') {
            i += 1;
        }
    }
    while get(i).is_some_and(|c| matches!(c, b'h' | b'l' | b'L' | b'q' | b'j' | b'z' | b't')) {
        i += 1;
    }
    match get(i) {
        Some(
            b'd' | b'i' | b'o' | b'u' | b'x' | b'X' | b'e' | b'E' | b'f' | b'F' | b'g' | b'G'
            | b'a' | b'A' | b'c' | b's' | b'S' | b'p' | b'n' | b'@' | b'r',
        ) => i + 1,
        _ => 0,
    }
}

/// `{{name}}` and `{…}` (at most 80 bytes, on one line, no brace
/// inside): any ASCII content (`{0}`, `{name}`, `{n, number}`, `{# item}`),
/// and names in other scripts (`{文件名}`, `{{用户名}}`, `{{ 用户名 }}`,
/// `{ $文件 }`, `{数量, number}`; see [`name_like`]). Prose in braces
/// (`{注意：很重要}`, `{ 中文 }`) is text, and so is an ICU variant's
/// message (`one {文件}`, inside its argument, `{n, plural, …}`). The
/// head of an ICU plural or select argument with such a name,
/// `{数量, plural,`, is a placeholder too.
fn brace(s: &str, at: usize, end: usize, from: usize) -> usize {
    let b = s.as_bytes();
    let double = b.get(at + 1) == Some(&b'{');
    let open = if double { 2 } else { 1 };
    let mut i = at + open;
    let mut ascii = true;
    while i < end && i - at <= 80 {
        match b.get(i) {
            Some(b'}') => {
                if i == at + open {
                    return 0;
                }
                let len = if double {
                    if b.get(i + 1) == Some(&b'}') && i + 1 < end {
                        i + 2 - at
                    } else {
                        return 0;
                    }
                } else {
                    i + 1 - at
                };
                if ascii {
                    return len;
                }
                let content = s.get(at + open..i).unwrap_or_default();
                return if name_like(content, double) && !icu_variant(s, from, at) {
                    len
                } else {
                    0
                };
            }
            Some(b'{') if !ascii && !double => return icu_head(s, at, end),
            Some(b'{' | b'\n') => return 0,
            Some(c) => {
                ascii &= c.is_ascii();
                i += 1;
            }
            None => return 0,
        }
    }
    0
}

/// Whether the inside of braces with letters beyond ASCII names a value:
/// a name of letters, digits, `_`, `.`, `-` (a `$` before it allowed), then
/// optionally `,` and ASCII (an ICU format: `{数量, number}`). White space
/// around the name is allowed between double braces and before `$`.
fn name_like(content: &str, double: bool) -> bool {
    let (name, format) = content.split_once(',').unwrap_or((content, ""));
    if !format.is_ascii() {
        return false;
    }
    let trimmed = name.trim_matches(' ');
    if trimmed.len() != name.len() && !double && !trimmed.starts_with('$') {
        return false;
    }
    let name = trimmed.strip_prefix('$').unwrap_or(trimmed);
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '-'))
}

/// Whether the brace at `at` opens an ICU variant's message: inside an
/// unclosed brace of the text since `from`, after a key (`one`, `=0`,
/// `male`).
fn icu_variant(s: &str, from: usize, at: usize) -> bool {
    let before = s.get(from..at).unwrap_or_default();
    let opened = before.bytes().filter(|&c| c == b'{').count();
    let closed = before.bytes().filter(|&c| c == b'}').count();
    opened > closed
        && before
            .trim_end_matches(' ')
            .bytes()
            .next_back()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_')
}

/// `{数量, plural,`, `{性别, select,`: the head of an ICU argument whose
/// name is beyond ASCII, up to its second comma.
fn icu_head(s: &str, at: usize, end: usize) -> usize {
    let rest = s.get(at + 1..end).unwrap_or_default();
    let Some(first) = rest.find(',') else {
        return 0;
    };
    let Some(second) = rest
        .get(first + 1..)
        .and_then(|r| r.find(','))
        .map(|k| first + 1 + k)
    else {
        return 0;
    };
    let name = rest.get(..first).unwrap_or_default().trim_matches(' ');
    let kind = rest
        .get(first + 1..second)
        .unwrap_or_default()
        .trim_matches(' ');
    if matches!(kind, "plural" | "select" | "selectordinal")
        && !name.is_ascii()
        && name_like(name, false)
    {
        second + 2
    } else {
        0
    }
}

/// `${…}` and `$t(…)` (i18next nesting).
fn dollar(s: &str, at: usize, end: usize) -> usize {
    let b = s.as_bytes();
    match (b.get(at + 1), b.get(at + 2)) {
        (Some(b'{'), _) => {
            let n = brace(s, at + 1, end, at + 1);
            if n > 0 { n + 1 } else { 0 }
        }
        (Some(b't'), Some(b'(')) => {
            let mut i = at + 3;
            while i < end && i - at <= 200 {
                match b.get(i) {
                    Some(b')') => return i + 1 - at,
                    Some(b'\n') | None => return 0,
                    Some(_) => i += 1,
                }
            }
            0
        }
        _ => 0,
    }
}

/// A markup tag: `<b>`, `</a>`, `<br/>`, `<a href="…">` (on one line).
fn tag(b: &[u8], at: usize, end: usize) -> usize {
    let mut i = at + 1;
    if b.get(i) == Some(&b'/') {
        i += 1;
    }
    if !b.get(i).is_some_and(u8::is_ascii_alphabetic) || i >= end {
        return 0;
    }
    while i < end && i - at <= 400 {
        match b.get(i) {
            Some(b'>') => return i + 1 - at,
            Some(b'<' | b'\n') | None => return 0,
            Some(_) => i += 1,
        }
    }
    0
}

/// A markup tag written with JSON escapes, as Go's encoding/json writes
/// them: `\u003cb\u003e`, `\u003ca href=\"…\"\u003e` (`>` may be
/// literal).
fn escaped_tag(b: &[u8], at: usize, end: usize) -> usize {
    let is = |i: usize, c: u8| escaped(b, i, end) == Some(c);
    if !is(at, b'<') {
        return 0;
    }
    let mut i = at + 6;
    if b.get(i) == Some(&b'/') {
        i += 1;
    }
    if !b.get(i).is_some_and(u8::is_ascii_alphabetic) || i >= end {
        return 0;
    }
    while i < end && i - at <= 400 {
        match b.get(i) {
            Some(b'>') => return i + 1 - at,
            Some(b'<') | None => return 0,
            Some(b'\\') if is(i, b'>') => return i + 6 - at,
            Some(b'\\') if is(i, b'<') || b.get(i + 1) == Some(&b'n') => return 0,
            Some(b'\\') => i += 2,
            Some(_) => i += 1,
        }
    }
    0
}

/// The ASCII character of a `\u00XX` escape at `at`.
fn escaped(b: &[u8], at: usize, end: usize) -> Option<u8> {
    if at + 6 > end || b.get(at) != Some(&b'\\') || b.get(at + 1) != Some(&b'u') {
        return None;
    }
    let mut value = 0u32;
    for &d in b.get(at + 2..at + 6)? {
        value = value * 16 + char::from(d).to_digit(16)?;
    }
    u8::try_from(value).ok().filter(u8::is_ascii)
}

/// `&name;`, `&#123;`, `&#x1F;`.
fn reference(b: &[u8], at: usize, end: usize) -> usize {
    let mut i = at + 1;
    let numeric = b.get(i) == Some(&b'#');
    if numeric {
        i += 1;
        if matches!(b.get(i), Some(b'x' | b'X')) {
            i += 1;
        }
    }
    let body = i;
    while i < end && i - at <= 32 && b.get(i).is_some_and(u8::is_ascii_alphanumeric) {
        i += 1;
    }
    if i > body && i < end && b.get(i) == Some(&b';') {
        i + 1 - at
    } else {
        0
    }
}
