//! JSON, for documents, localization files and JSON Lines alike: where the
//! strings of a JSON text are, the text of a string, and converted text
//! written back with every escape kept as written.
//!
//! The scanner only locates strings; `serde_json` has the last word on
//! validity (a text it rejects is an error here too).

use std::ops::Range;

use crate::error::Error;
use crate::placeholder;
use crate::runs::{Encoding, Runs};

/// Nesting deeper than this is refused rather than risking the stack of
/// whoever reads the file next.
const MAX_DEPTH: usize = 512;

/// Converts the text of the string values at or under the JSON pointer
/// `pointer` (`/text`, `/meta/title`; RFC 6901) of the JSON text `source`
/// (a BOM is allowed), as [`LocaleFile`](crate::LocaleFile) converts a
/// JSON localization file: placeholders (`%s`, `{name}`, `<b>`) are cut
/// out, escapes are resolved before `convert` sees the text and kept as
/// written after, and every other byte (keys, other values, white space)
/// stays as it is. This is one line of JSON Lines for `bianyi convert
/// --jsonl --field`.
///
/// ```
/// let line = r#"{"id": 1, "text": ["打开 %s", "\u6587\u4ef6"], "note": "打开"}"#;
/// let out = bianyi_rewrite::convert_json_values(line, "/text", &mut |s: &str| {
///     s.replace('开', "開").replace("文件", "檔案")
/// })?;
/// assert_eq!(out, r#"{"id": 1, "text": ["打開 %s", "\u6a94\u6848"], "note": "打开"}"#);
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// A text that is not JSON is an [`ErrorKind::Syntax`](crate::ErrorKind::Syntax)
/// error with serde_json's message and position.
pub fn convert_json_values(
    source: &str,
    pointer: &str,
    convert: &mut dyn FnMut(&str) -> String,
) -> Result<String, Error> {
    let under = format!("{pointer}/");
    let mut runs = Runs::default();
    for value in strings(source, true)?.values {
        if value.pointer == pointer || value.pointer.starts_with(&under) {
            placeholder::cut(source, value.range, Encoding::Json, &mut runs);
        }
    }
    Ok(runs.rewrite(source, &mut |_, text| convert(text), None))
}

/// Every string of a JSON text, in order.
#[derive(Clone, Debug, Default)]
pub(crate) struct Strings {
    /// String values.
    pub(crate) values: Vec<Value>,
    /// The contents of object keys, each with the number of its object.
    pub(crate) keys: Vec<(usize, Range<usize>)>,
}

/// A string value.
#[derive(Clone, Debug)]
pub(crate) struct Value {
    /// Its contents (between the quotes).
    pub(crate) range: Range<usize>,
    /// Its JSON pointer (`/menu/open`, `/items/0`; `/` for the root), when
    /// asked for.
    pub(crate) pointer: String,
}

/// The strings of `source` (a BOM is allowed), with the JSON pointer of
/// each value when `pointers`; an error when serde_json rejects it, with
/// serde_json's message and position.
pub(crate) fn strings(source: &str, pointers: bool) -> Result<Strings, Error> {
    let body = source.strip_prefix('\u{FEFF}').unwrap_or(source);
    let skip = source.len() - body.len();
    if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(body) {
        let offset = offset_of(body, e.line(), e.column()) + skip;
        return Err(Error::syntax(source, offset, e.to_string()));
    }
    let mut s = Scanner {
        source,
        bytes: source.as_bytes(),
        at: skip,
        path: pointers.then(Vec::new),
        strings: Strings::default(),
        objects: 0,
    };
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
    /// The keys and indices down to the value being read; `None` when no
    /// pointers are wanted.
    path: Option<Vec<String>>,
    strings: Strings,
    objects: usize,
}

impl Scanner<'_> {
    fn error(&self, message: &str) -> Error {
        Error::syntax(self.source, self.at, message)
    }

    fn skip_ws(&mut self) {
        while matches!(self.bytes.get(self.at), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// Reads a value below `name` (a key or an index) of the current path.
    fn value_in(&mut self, name: impl FnOnce() -> String, depth: usize) -> Result<(), Error> {
        if let Some(path) = &mut self.path {
            path.push(name());
        }
        self.value(depth + 1)?;
        if let Some(path) = &mut self.path {
            path.pop();
        }
        Ok(())
    }

    fn value(&mut self, depth: usize) -> Result<(), Error> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        self.skip_ws();
        match self.bytes.get(self.at) {
            Some(b'{') => {
                if self.empty(b'}') {
                    return Ok(());
                }
                let object = self.objects;
                self.objects += 1;
                loop {
                    self.skip_ws();
                    let key = self.string()?;
                    self.strings.keys.push((object, key.clone()));
                    self.skip_ws();
                    self.expect(b':')?;
                    let source = self.source;
                    self.value_in(|| decode(source.get(key).unwrap_or_default()), depth)?;
                    if self.end_of(b'}')? {
                        return Ok(());
                    }
                }
            }
            Some(b'[') => {
                if self.empty(b']') {
                    return Ok(());
                }
                for index in 0usize.. {
                    self.value_in(|| index.to_string(), depth)?;
                    if self.end_of(b']')? {
                        break;
                    }
                }
                Ok(())
            }
            Some(b'"') => {
                let range = self.string()?;
                let pointer = self.path.as_deref().map(pointer).unwrap_or_default();
                self.strings.values.push(Value { range, pointer });
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

    /// At `{` or `[`: reads it, and `close` when it follows at once (the
    /// object or array is empty, `true`).
    fn empty(&mut self, close: u8) -> bool {
        self.at += 1;
        self.skip_ws();
        let empty = self.bytes.get(self.at) == Some(&close);
        if empty {
            self.at += 1;
        }
        empty
    }

    /// After a member or an element: `,` (more follow) or `close` (the
    /// end, `true`).
    fn end_of(&mut self, close: u8) -> Result<bool, Error> {
        self.skip_ws();
        match self.bytes.get(self.at) {
            Some(b',') => {
                self.at += 1;
                Ok(false)
            }
            Some(&c) if c == close => {
                self.at += 1;
                Ok(true)
            }
            _ if close == b'}' => Err(self.error("expected , or }")),
            _ => Err(self.error("expected , or ]")),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn values_under_a_pointer() {
        let cases: &[(&str, &str, &str)] = &[
            (
                r#"{"text":"打开 %s","x":"打开"}"#,
                "/text",
                r#"{"text":"打開 %s","x":"打开"}"#,
            ),
            (
                r#"{"text":["开",{"a":"开 {名}"}],"t":"开"}"#,
                "/text",
                r#"{"text":["開",{"a":"開 {名}"}],"t":"开"}"#,
            ),
            (
                r#"{"text":"开","textual":"开","meta":{"text":"开"}}"#,
                "/meta/text",
                r#"{"text":"开","textual":"开","meta":{"text":"開"}}"#,
            ),
            (
                r#"{"text":"开","textual":"开"}"#,
                "/text",
                r#"{"text":"開","textual":"开"}"#,
            ),
            (
                r#"{"a/b":"开","a~b":"开"}"#,
                "/a~1b",
                r#"{"a/b":"開","a~b":"开"}"#,
            ),
            (
                "\u{FEFF}{\"text\": \"\\u5f00\"}",
                "/text",
                "\u{FEFF}{\"text\": \"\\u958b\"}",
            ),
            (
                r#"{"text":1,"开":"开"}"#,
                "/text",
                r#"{"text":1,"开":"开"}"#,
            ),
        ];
        for (line, pointer, want) in cases {
            let out = convert_json_values(line, pointer, &mut |s| s.replace('开', "開"));
            assert_eq!(out.as_deref(), Ok(*want), "{line} at {pointer}");
        }
    }

    #[test]
    fn a_line_that_is_not_json() {
        let e = convert_json_values("{\"text\": }", "/text", &mut |s| s.to_string()).unwrap_err();
        assert_eq!((e.line(), e.column(), e.offset()), (1, 10, 9));
        assert!(matches!(e.kind(), ErrorKind::Syntax(_)), "{e}");
        assert_eq!(
            e.kind().to_string(),
            "syntax error: expected value at line 1 column 10"
        );
    }
}
