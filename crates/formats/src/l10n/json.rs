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

/// Converts the inside of a JSON string: escapes resolved before
/// `convert`, written again after. A run without backslashes is converted
/// as it is; one that escaped non-ASCII characters (`\u4e2d`) gets them
/// escaped again.
pub(crate) fn convert_escaped(raw: &str, convert: &mut dyn FnMut(&str) -> String) -> String {
    if !raw.contains('\\') {
        let out = convert(raw);
        return escape(&out, false);
    }
    let Ok(text) = serde_json::from_str::<String>(&format!("\"{raw}\"")) else {
        // serde_json accepts lone surrogates (`\ud800`) in a file but not
        // in a String: convert the text between the escapes, which stay.
        return convert_between_escapes(raw, convert);
    };
    let out = convert(&text);
    if out == text {
        return raw.to_string();
    }
    let ascii = raw.contains("\\u") && raw.is_ascii();
    escape(&out, ascii)
}

/// `raw` with the pieces between its escapes converted (each piece holds
/// no backslash, so it is its own text) and the escapes kept.
fn convert_between_escapes(raw: &str, convert: &mut dyn FnMut(&str) -> String) -> String {
    let bytes = raw.as_bytes();
    let mut out = String::with_capacity(raw.len());
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        if bytes.get(i) != Some(&b'\\') {
            i += 1;
            continue;
        }
        let piece = raw.get(start..i).unwrap_or_default();
        out.push_str(&escape(&convert(piece), false));
        let len = if bytes.get(i + 1) == Some(&b'u') {
            6
        } else {
            2
        };
        let end = (i + len).min(bytes.len());
        out.push_str(raw.get(i..end).unwrap_or_default());
        i = end;
        start = end;
    }
    out.push_str(&escape(
        &convert(raw.get(start..).unwrap_or_default()),
        false,
    ));
    out
}

/// The inside of a JSON string for `text` (`ascii`: non-ASCII as `\uXXXX`).
fn escape(text: &str, ascii: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || (ascii && !c.is_ascii()) => {
                let mut buf = [0u16; 2];
                for u in c.encode_utf16(&mut buf) {
                    out.push_str(&format!("\\u{u:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}
