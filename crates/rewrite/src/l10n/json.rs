//! JSON: string values are text, object keys never. Flat
//! (`{"menu.open": "打开"}`) and nested files alike; a unit's key is the
//! JSON pointer of its value (`/menu/open`, `/items/0`).
//!
//! The scanner only locates strings; `serde_json` has the last word on
//! validity (a file it rejects is an error here too).

use std::ops::Range;

use super::{Encoding, Error, Unit, unit_in};

/// Nesting deeper than this is refused rather than risking the stack of
/// whoever reads the file next.
const MAX_DEPTH: usize = 512;

pub(crate) fn units(source: &str) -> Result<Vec<Unit>, Error> {
    let body = source.strip_prefix('\u{FEFF}').unwrap_or(source);
    let skip = source.len() - body.len();
    if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(body) {
        let offset = offset_of(body, e.line(), e.column()) + skip;
        return Err(Error::syntax(source, offset, e.to_string()));
    }
    let mut s = Scanner::new(source, skip);
    s.value(0)?;
    Ok(s.units.unwrap_or_default())
}

/// Every string of a JSON document, in file order: the contents of each
/// string value, and of each object key with the number of its object.
#[derive(Clone, Debug, Default)]
pub(crate) struct Strings {
    /// Contents of string values.
    pub(crate) values: Vec<Range<usize>>,
    /// Contents of keys, each with the number of the object it is in.
    pub(crate) keys: Vec<(usize, Range<usize>)>,
}

/// The strings of `source` (a BOM is allowed); an error when serde_json
/// rejects it, with serde_json's message and position.
pub(crate) fn strings(source: &str) -> Result<Strings, Error> {
    let body = source.strip_prefix('\u{FEFF}').unwrap_or(source);
    let skip = source.len() - body.len();
    if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(body) {
        let offset = offset_of(body, e.line(), e.column()) + skip;
        return Err(Error::syntax(source, offset, e.to_string()));
    }
    let mut s = Scanner::new(source, skip);
    // Units (JSON pointers, placeholders, line numbers) are not wanted.
    s.units = None;
    s.value(0)?;
    Ok(s.strings)
}

/// The byte offset of serde_json's 1-based line and column (column counts
/// bytes; 0 means "at the end of the previous line").
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (start + column.saturating_sub(1)).min(text.len())
}

struct Scanner<'a> {
    source: &'a str,
    bytes: &'a [u8],
    at: usize,
    path: Vec<String>,
    /// `None` when only the strings are wanted.
    units: Option<Vec<Unit>>,
    strings: Strings,
    objects: usize,
}

impl<'a> Scanner<'a> {
    fn new(source: &'a str, at: usize) -> Scanner<'a> {
        Scanner {
            source,
            bytes: source.as_bytes(),
            at,
            path: Vec::new(),
            units: Some(Vec::new()),
            strings: Strings::default(),
            objects: 0,
        }
    }

    fn error(&self, message: &str) -> Error {
        Error::syntax(self.source, self.at, message)
    }

    fn skip_ws(&mut self) {
        while matches!(self.bytes.get(self.at), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn value(&mut self, depth: usize) -> Result<(), Error> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        self.skip_ws();
        match self.bytes.get(self.at) {
            Some(b'{') => {
                self.at += 1;
                self.skip_ws();
                if self.bytes.get(self.at) == Some(&b'}') {
                    self.at += 1;
                    return Ok(());
                }
                let object = self.objects;
                self.objects += 1;
                loop {
                    self.skip_ws();
                    let key = self.string()?;
                    self.strings.keys.push((object, key.clone()));
                    let name = if self.units.is_some() {
                        decode(self.source.get(key).unwrap_or_default())
                    } else {
                        String::new()
                    };
                    self.skip_ws();
                    self.expect(b':')?;
                    self.path.push(name);
                    self.value(depth + 1)?;
                    self.path.pop();
                    self.skip_ws();
                    match self.bytes.get(self.at) {
                        Some(b',') => self.at += 1,
                        Some(b'}') => {
                            self.at += 1;
                            return Ok(());
                        }
                        _ => return Err(self.error("expected , or }")),
                    }
                }
            }
            Some(b'[') => {
                self.at += 1;
                self.skip_ws();
                if self.bytes.get(self.at) == Some(&b']') {
                    self.at += 1;
                    return Ok(());
                }
                let mut index = 0usize;
                loop {
                    self.path.push(index.to_string());
                    self.value(depth + 1)?;
                    self.path.pop();
                    index += 1;
                    self.skip_ws();
                    match self.bytes.get(self.at) {
                        Some(b',') => self.at += 1,
                        Some(b']') => {
                            self.at += 1;
                            return Ok(());
                        }
                        _ => return Err(self.error("expected , or ]")),
                    }
                }
            }
            Some(b'"') => {
                let content = self.string()?;
                self.strings.values.push(content.clone());
                if let Some(units) = &mut self.units {
                    let key = pointer(&self.path);
                    units.extend(unit_in(self.source, key, vec![content], Encoding::Json));
                }
                Ok(())
            }
            Some(_) => {
                // Numbers, true, false, null: not text.
                while self.bytes.get(self.at).is_some_and(|b| {
                    !matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
                }) {
                    self.at += 1;
                }
                Ok(())
            }
            None => Err(self.error("unexpected end of input")),
        }
    }

    fn expect(&mut self, b: u8) -> Result<(), Error> {
        if self.bytes.get(self.at) == Some(&b) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.error("unexpected character"))
        }
    }

    /// A string at the cursor: the range of its contents.
    fn string(&mut self) -> Result<Range<usize>, Error> {
        self.expect(b'"')?;
        let start = self.at;
        loop {
            match self.bytes.get(self.at) {
                Some(b'"') => {
                    let end = self.at;
                    self.at += 1;
                    return Ok(start..end);
                }
                Some(b'\\') => self.at += 2,
                Some(_) => self.at += 1,
                None => return Err(self.error("string without its closing quote")),
            }
        }
    }
}

/// RFC 6901: `~` → `~0`, `/` → `~1`.
fn pointer(path: &[String]) -> String {
    let mut out = String::new();
    for p in path {
        out.push('/');
        out.push_str(&p.replace('~', "~0").replace('/', "~1"));
    }
    if out.is_empty() {
        out.push('/');
    }
    out
}

/// The text of the inside of a JSON string.
pub(crate) fn decode(raw: &str) -> String {
    serde_json::from_str::<String>(&format!("\"{raw}\"")).unwrap_or_else(|_| raw.to_string())
}

/// Converts the inside of a JSON string and keeps every escape as it is
/// written. Escapes of ASCII characters (`\u003c`, `\"`, `\/`, `\n`)
/// and lone surrogates stay byte for byte and cut the text around them;
/// the text between them, escaped non-ASCII characters (`\u8F6F`, pairs
/// of surrogates) included, is converted as one, and each converted
/// character is written back in the style of the one it replaces:
/// literally, or as `\uXXXX` with the same case of hex digits.
pub(crate) fn convert_escaped(raw: &str, convert: &mut dyn FnMut(&str) -> String) -> String {
    if !raw.contains('\\') {
        let out = convert(raw);
        return if out == raw { out } else { escape(&out) };
    }
    // An all-ASCII string with `\u` escapes stays ASCII.
    let ascii = raw.is_ascii();
    let case = raw_case(raw);
    let mut out = String::with_capacity(raw.len());
    for segment in segments(raw) {
        match segment {
            Segment::Kept(s) => out.push_str(s),
            Segment::Text(range, chars) => {
                let text: String = chars.iter().map(|(c, _)| *c).collect();
                let new = convert(&text);
                if new == text {
                    out.push_str(raw.get(range).unwrap_or_default());
                } else {
                    write_styled(&chars, &new, ascii, case, &mut out);
                }
            }
        }
    }
    out
}

/// How a character of a JSON string is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    /// As itself.
    Literal,
    /// As `\uXXXX` (two of them beyond the BMP); `Some(true)` with upper
    /// case hex letters, `Some(false)` lower, `None` when its digits hold
    /// no letter.
    Escaped(Option<bool>),
}

/// A piece of the inside of a JSON string.
enum Segment<'a> {
    /// Bytes that stay: an escape of an ASCII character, a lone
    /// surrogate, a malformed escape.
    Kept(&'a str),
    /// Text (its byte range), each character with its style.
    Text(std::ops::Range<usize>, Vec<(char, Style)>),
}

/// The segments of `raw`, in order.
fn segments(raw: &str) -> Vec<Segment<'_>> {
    let bytes = raw.as_bytes();
    let mut out = Vec::new();
    let mut chars: Vec<(char, Style)> = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b != b'\\' {
            let Some(c) = raw.get(i..).and_then(|s| s.chars().next()) else {
                break;
            };
            chars.push((c, Style::Literal));
            i += c.len_utf8();
            continue;
        }
        // An escaped character that is text, and its length.
        let text = hex4(bytes, i).and_then(|(u, case)| {
            if (0xD800..0xDC00).contains(&u) {
                let (low, low_case) = hex4(bytes, i + 6)?;
                let c = char::from_u32(0x10000 + ((u - 0xD800) << 10) + low.checked_sub(0xDC00)?)
                    .filter(|_| (0xDC00..0xE000).contains(&low))?;
                Some((c, Style::Escaped(case.or(low_case)), 12))
            } else if u < 0x80 {
                None
            } else {
                char::from_u32(u).map(|c| (c, Style::Escaped(case), 6))
            }
        });
        if let Some((c, style, len)) = text {
            chars.push((c, style));
            i += len;
            continue;
        }
        // Kept: `\uXXXX` whole, else the backslash and the character after.
        let len = if hex4(bytes, i).is_some() {
            6
        } else {
            1 + raw
                .get(i + 1..)
                .and_then(|s| s.chars().next())
                .map_or(0, char::len_utf8)
        };
        if !chars.is_empty() {
            out.push(Segment::Text(start..i, std::mem::take(&mut chars)));
        }
        out.push(Segment::Kept(raw.get(i..i + len).unwrap_or_default()));
        i += len;
        start = i;
    }
    if !chars.is_empty() {
        out.push(Segment::Text(start..raw.len(), chars));
    }
    out
}

/// The code unit of a `\uXXXX` escape at `at`, and whether its hex
/// letters are upper case (`None` without letters).
fn hex4(bytes: &[u8], at: usize) -> Option<(u32, Option<bool>)> {
    if bytes.get(at) != Some(&b'\\') || bytes.get(at + 1) != Some(&b'u') {
        return None;
    }
    let digits = bytes.get(at + 2..at + 6)?;
    let mut value = 0u32;
    let mut case = None;
    for &d in digits {
        value = value * 16 + char::from(d).to_digit(16)?;
        if d.is_ascii_uppercase() {
            case = Some(true);
        } else if d.is_ascii_lowercase() {
            case = case.or(Some(false));
        }
    }
    Some((value, case))
}

/// Whether the `\uXXXX` escapes of `raw` use upper case hex letters (the
/// first escape with letters decides; lower case when none has any).
fn raw_case(raw: &str) -> bool {
    let bytes = raw.as_bytes();
    (0..bytes.len())
        .filter_map(|i| hex4(bytes, i))
        .find_map(|(_, case)| case)
        .unwrap_or(false)
}

/// Writes `new`, the conversion of `old`, each character in the style of
/// the one it stands for. Equal lengths pair characters one to one;
/// otherwise the common start and end do, and the characters between take
/// the style of the first replaced one.
fn write_styled(old: &[(char, Style)], new: &str, ascii: bool, case: bool, out: &mut String) {
    let new: Vec<char> = new.chars().collect();
    let styles: Vec<Style> = if new.len() == old.len() {
        old.iter().map(|(_, s)| *s).collect()
    } else {
        let prefix = old
            .iter()
            .zip(&new)
            .take_while(|((a, _), b)| a == *b)
            .count();
        let room = old.len().min(new.len()) - prefix;
        let suffix = old
            .iter()
            .rev()
            .zip(new.iter().rev())
            .take(room)
            .take_while(|((a, _), b)| a == *b)
            .count();
        let middle = old
            .get(prefix)
            .filter(|_| prefix < old.len() - suffix)
            .or_else(|| prefix.checked_sub(1).and_then(|p| old.get(p)))
            .or(old.first())
            .map_or(Style::Literal, |(_, s)| *s);
        let mut styles: Vec<Style> = old.iter().take(prefix).map(|(_, s)| *s).collect();
        styles.resize(new.len() - suffix, middle);
        styles.extend(old.iter().skip(old.len() - suffix).map(|(_, s)| *s));
        styles
    };
    for (c, style) in new.iter().zip(styles) {
        match style {
            Style::Escaped(upper) => push_escaped(*c, upper.unwrap_or(case), out),
            Style::Literal if ascii && !c.is_ascii() => push_escaped(*c, case, out),
            Style::Literal => push_literal(*c, out),
        }
    }
}

/// `c` as `\uXXXX` (a surrogate pair beyond the BMP).
fn push_escaped(c: char, upper: bool, out: &mut String) {
    let mut buf = [0u16; 2];
    for u in c.encode_utf16(&mut buf) {
        if upper {
            out.push_str(&format!("\\u{u:04X}"));
        } else {
            out.push_str(&format!("\\u{u:04x}"));
        }
    }
}

/// `c` as itself, or escaped where JSON requires it.
fn push_literal(c: char, out: &mut String) {
    match c {
        '"' => out.push_str("\\\""),
        '\\' => out.push_str("\\\\"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if (c as u32) < 0x20 => push_escaped(c, false, out),
        c => out.push(c),
    }
}

/// The inside of a JSON string for `text`.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_literal(c, &mut out);
    }
    out
}
