//! Subtitles: SubRip (`.srt`) and WebVTT (`.vtt`). Cue text is text (cut
//! around tags, entities and `{\an8}` override blocks); cue numbers,
//! identifiers, timing lines and their settings, the WebVTT header and
//! NOTE, STYLE and REGION blocks are not.
//!
//! Lines end in `\n` or `\r\n`, both kept as they are; a cue's lines form
//! one run, so a phrase broken over two lines is converted whole.

use super::markup::{Context, push_text};
use crate::error::{Error, ErrorKind};
use crate::runs::Runs;

/// A line: its start offset and its content (without `\r\n` or `\n`).
type Line<'a> = (usize, &'a str);

fn lines(source: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut at = 0;
    for piece in source.split_inclusive('\n') {
        let content = piece.strip_suffix('\n').unwrap_or(piece);
        let content = content.strip_suffix('\r').unwrap_or(content);
        // A BOM is not part of the first line.
        let (start, content) = match content.strip_prefix('\u{FEFF}') {
            Some(c) if at == 0 => (3, c),
            _ => (at, content),
        };
        out.push((start, content));
        at += piece.len();
    }
    out
}

fn blank(line: Option<&Line<'_>>) -> bool {
    line.is_none_or(|(_, l)| l.trim().is_empty())
}

/// The error for a malformed timing line (`at` is where it goes wrong).
fn bad_timing(source: &str, line: &Line<'_>, at: usize, vtt: bool) -> Error {
    Error::new(
        source,
        line.0 + at,
        ErrorKind::BadTiming {
            line: line.1.to_string(),
            vtt,
        },
    )
}

pub(super) fn srt(source: &str) -> Result<Runs, Error> {
    let lines = lines(source);
    let mut runs = Runs::default();
    let mut i = 0;
    while let Some(line) = lines.get(i) {
        if line.1.trim().is_empty() {
            i += 1;
            continue;
        }
        // An optional cue number, then the timing line.
        if is_number(line.1) {
            i += 1;
        }
        let Some(timing_line) = lines.get(i).filter(|l| l.1.contains("-->")) else {
            let at = lines.get(i).map_or(source.len(), |l| l.0);
            let e = if i > 0 && lines.get(i - 1).is_some_and(|l| is_number(l.1)) {
                ErrorKind::ExpectedTiming { vtt: false }
            } else {
                ErrorKind::ExpectedCue
            };
            return Err(Error::new(source, at, e));
        };
        timing(timing_line.1, false).map_err(|at| bad_timing(source, timing_line, at, false))?;
        i += 1;
        // The text, up to the next cue's number and timing. Blank lines
        // inside a cue's text are common in the wild and players keep
        // them, so the text only ends where a cue starts (the line after
        // a blank one has `-->`, or is a number before such a line) or
        // where the next cue follows without a blank line.
        let first = i;
        let end = loop {
            while !blank(lines.get(i)) && !starts_cue(&lines, i, false) {
                i += 1;
            }
            let end = i;
            if i >= lines.len() || starts_cue(&lines, i, false) {
                break end;
            }
            let mut next = i;
            while next < lines.len() && blank(lines.get(next)) {
                next += 1;
            }
            let arrow = |k: usize| lines.get(k).is_some_and(|l| l.1.contains("-->"));
            let numbered = lines.get(next).is_some_and(|l| is_number(l.1)) && arrow(next + 1);
            if next >= lines.len() || arrow(next) || numbered {
                break end;
            }
            i = next;
        };
        cue_text(source, &lines, first, end, &mut runs);
    }
    Ok(runs)
}

pub(super) fn vtt(source: &str) -> Result<Runs, Error> {
    let lines = lines(source);
    let header = lines.first().map(|l| l.1).unwrap_or_default();
    let signature = header
        .strip_prefix("WEBVTT")
        .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']));
    if !signature {
        let at = lines.first().map_or(0, |l| l.0);
        return Err(Error::new(source, at, ErrorKind::NoWebVttSignature));
    }
    let mut runs = Runs::default();
    // The header block runs to the first blank line.
    let mut i = 0;
    while !blank(lines.get(i)) {
        i += 1;
    }
    while let Some(line) = lines.get(i) {
        if line.1.trim().is_empty() {
            i += 1;
            continue;
        }
        if ["NOTE", "STYLE", "REGION"]
            .iter()
            .any(|w| keyword(line.1, w))
        {
            while !blank(lines.get(i)) {
                i += 1;
            }
            continue;
        }
        // An optional identifier, then the timing line.
        if !line.1.contains("-->") {
            i += 1;
        }
        let Some(timing_line) = lines.get(i).filter(|l| l.1.contains("-->")) else {
            let at = lines.get(i).map_or(source.len(), |l| l.0);
            return Err(Error::new(
                source,
                at,
                ErrorKind::ExpectedTiming { vtt: true },
            ));
        };
        timing(timing_line.1, true).map_err(|at| bad_timing(source, timing_line, at, true))?;
        i += 1;
        let first = i;
        while !blank(lines.get(i)) && !starts_cue(&lines, i, true) {
            i += 1;
        }
        cue_text(source, &lines, first, i, &mut runs);
    }
    Ok(runs)
}

/// The runs of the cue text on `lines[first..end]`.
fn cue_text(source: &str, lines: &[Line<'_>], first: usize, end: usize, runs: &mut Runs) {
    let (Some(a), Some(b)) = (
        lines.get(first),
        end.checked_sub(1).and_then(|e| lines.get(e)),
    ) else {
        return;
    };
    if first < end {
        push_text(runs, source, a.0..b.0 + b.1.len(), Context::Subtitles);
    }
}

/// Whether line `i` of cue text is really the start of a next cue: a
/// timing line (WebVTT allows no `-->` in text), or a number before one.
fn starts_cue(lines: &[Line<'_>], i: usize, vtt: bool) -> bool {
    let is_timing = |i: usize| {
        lines.get(i).is_some_and(|l| {
            if vtt {
                l.1.contains("-->")
            } else {
                timing(l.1, false).is_ok()
            }
        })
    };
    is_timing(i) || (!vtt && lines.get(i).is_some_and(|l| is_number(l.1)) && is_timing(i + 1))
}

fn is_number(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit())
}

/// Whether `line` is the block keyword `word` (alone or before a space).
fn keyword(line: &str, word: &str) -> bool {
    line.strip_prefix(word)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
}

/// Checks a timing line: `start --> end` and, after white space, cue
/// settings (WebVTT) or coordinates (SubRip), which are not checked. The
/// error is the byte offset in the line where it goes wrong.
fn timing(line: &str, vtt: bool) -> Result<(), usize> {
    let b = line.as_bytes();
    let mut i = skip_ws(b, 0);
    i = timestamp(b, i, vtt)?;
    let arrow = skip_ws(b, i);
    if vtt && arrow == i {
        return Err(i);
    }
    if b.get(arrow..arrow + 3) != Some(b"-->") {
        return Err(arrow);
    }
    i = skip_ws(b, arrow + 3);
    if vtt && i == arrow + 3 {
        return Err(i);
    }
    i = timestamp(b, i, vtt)?;
    match b.get(i) {
        None | Some(b' ' | b'\t') => Ok(()),
        Some(_) => Err(i),
    }
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while matches!(b.get(i), Some(b' ' | b'\t')) {
        i += 1;
    }
    i
}

/// A timestamp from `i`: SubRip `h…:mm:ss,mmm` (a `.` and fewer digits
/// are accepted, as players do); WebVTT `[h…:]mm:ss.mmm`. Its end, or
/// where it goes wrong.
fn timestamp(b: &[u8], i: usize, vtt: bool) -> Result<usize, usize> {
    let digits = |from: usize| {
        let mut j = from;
        while b.get(j).is_some_and(u8::is_ascii_digit) {
            j += 1;
        }
        j
    };
    // Up to three groups of digits separated by `:`.
    let mut groups = Vec::with_capacity(3);
    let mut j = i;
    loop {
        let end = digits(j);
        if end == j {
            return Err(j);
        }
        groups.push(j..end);
        if b.get(end) == Some(&b':') && groups.len() < 3 {
            j = end + 1;
        } else {
            j = end;
            break;
        }
    }
    let min_groups = if vtt { 2 } else { 3 };
    if groups.len() < min_groups {
        return Err(j);
    }
    // Minutes and seconds: two digits, below 60.
    for g in groups.iter().rev().take(2) {
        let ok = matches!(b.get(g.clone()), Some([tens, _]) if *tens < b'6');
        if !ok {
            return Err(g.start);
        }
    }
    let sep = b.get(j).copied();
    let sep_ok = if vtt {
        sep == Some(b'.')
    } else {
        matches!(sep, Some(b',' | b'.'))
    };
    if !sep_ok {
        return Err(j);
    }
    let end = digits(j + 1);
    let n = end - (j + 1);
    if (vtt && n != 3) || n == 0 || n > 3 {
        return Err(j + 1);
    }
    Ok(end)
}
