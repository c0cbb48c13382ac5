//! Markup that lives inside a document's runs of text and that a converter
//! must not see: tags on one line, character references, ASS override
//! blocks, URLs. Which of them a run may hold depends on where it lives.

use std::ops::Range;

use crate::runs::{Encoding, Runs};

/// Adds the runs of `source[range]` between markup (see [`markup_len`]).
pub(super) fn push_text(runs: &mut Runs, source: &str, range: Range<usize>, context: Context) {
    let encoding = match context {
        Context::Json => Encoding::Json,
        _ => Encoding::Raw,
    };
    let end = range.end;
    runs.push_around(range, encoding, |i| {
        markup_len(source.as_bytes(), i, end, context)
    });
}

/// Where a run of text lives, which decides what markup it may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Context {
    /// An HTML text node or attribute value: character references, URLs.
    Html,
    /// Markdown text: URLs (the `<…>` autolinks and inline HTML are
    /// events of their own).
    Markdown,
    /// Subtitle cue text: tags, character references, `{\an8}`, URLs.
    Subtitles,
    /// The inside of a JSON string, escapes and all: URLs.
    Json,
}

/// The length of the markup at `at` (0 when there is none) that a run of
/// text may hold but a converter must not see: a tag on one line (`<b>`,
/// `</i>`, `<c.yellow>`, `<v Roger>`, WebVTT's `<00:00:05.000>`), a
/// character reference (`&amp;`, `&#20013;`, `&#x4E2D;`), an ASS override
/// block (`{\an8}`, `{\i1}`) and a URL.
fn markup_len(b: &[u8], at: usize, end: usize, context: Context) -> usize {
    let get = |i: usize| if i < end { b.get(i).copied() } else { None };
    match get(at) {
        Some(b'<') if context == Context::Subtitles => {
            let mut i = at + 1;
            if get(i) == Some(b'/') {
                i += 1;
            }
            if !get(i).is_some_and(|c| c.is_ascii_alphanumeric()) {
                return 0;
            }
            while i - at <= 400 {
                match get(i) {
                    Some(b'>') => return i + 1 - at,
                    Some(b'<' | b'\n') | None => return 0,
                    Some(_) => i += 1,
                }
            }
            0
        }
        Some(b'&') if context != Context::Json => {
            let mut i = at + 1;
            if get(i) == Some(b'#') {
                i += 1;
                if matches!(get(i), Some(b'x' | b'X')) {
                    i += 1;
                }
            }
            let body = i;
            while i - at <= 40 && get(i).is_some_and(|c| c.is_ascii_alphanumeric()) {
                i += 1;
            }
            if i > body && get(i) == Some(b';') {
                i + 1 - at
            } else {
                0
            }
        }
        Some(b'{') if context == Context::Subtitles && get(at + 1) == Some(b'\\') => {
            let mut i = at + 2;
            while i - at <= 200 {
                match get(i) {
                    Some(b'}') => return i + 1 - at,
                    Some(b'{' | b'\n') | None => return 0,
                    Some(_) => i += 1,
                }
            }
            0
        }
        Some(b'h' | b'H' | b'f' | b'F' | b'm' | b'M') => url_len(b, at, end, context),
        _ => 0,
    }
}

/// A URL at `at` (`http://`, `https://`, `ftp://`, `mailto:`, not glued
/// to a word before it), to the first white space, `<`, `>`, `"`, `\` in
/// JSON, or Chinese punctuation (`，。、」`…, which no URL holds
/// unescaped); trailing ASCII punctuation is left to the text, as GFM
/// does. Its length, or 0.
fn url_len(b: &[u8], at: usize, end: usize, context: Context) -> usize {
    const SCHEMES: &[&[u8]] = &[b"http://", b"https://", b"ftp://", b"mailto:"];
    let glued = at
        .checked_sub(1)
        .and_then(|i| b.get(i))
        .is_some_and(|c| c.is_ascii_alphanumeric());
    let Some(rest) = b.get(at..end) else {
        return 0;
    };
    let scheme = SCHEMES.iter().find(|s| {
        rest.get(..s.len())
            .is_some_and(|r| r.eq_ignore_ascii_case(s))
    });
    let Some(scheme) = scheme.filter(|_| !glued) else {
        return 0;
    };
    // A window, so that text full of URLs stays linear.
    let window = rest.get(..rest.len().min(4096)).unwrap_or_default();
    let text = match std::str::from_utf8(window) {
        Ok(t) => t,
        Err(e) => std::str::from_utf8(window.get(..e.valid_up_to()).unwrap_or_default())
            .unwrap_or_default(),
    };
    let mut len = text.len();
    for (i, c) in text.char_indices() {
        let stop = c.is_whitespace()
            || matches!(c, '<' | '>' | '"')
            || (c == '\\' && context == Context::Json)
            || matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}' | '\u{FF3B}'..='\u{FF40}' | '\u{FF5B}'..='\u{FF65}');
        if stop {
            len = i;
            break;
        }
    }
    let url = text.get(..len).unwrap_or_default();
    let url = url.trim_end_matches(['.', ',', ':', ';', '!', '?', ')', '\'', '*', '_', '~']);
    if url.len() <= scheme.len() {
        0
    } else {
        url.len()
    }
}
