//! Documents (plain text, Markdown, HTML, SubRip, WebVTT, JSON) whose
//! human text is converted while every other byte stays as it is.
//!
//! [`convert_document`] finds the *runs* of a document, the byte ranges
//! of text written for people (a Markdown paragraph's text, an HTML text
//! node or `title` attribute, a subtitle's lines, a JSON string value),
//! already cut around markup that lives inside them (tags, entities,
//! `{\an8}`), and replaces each by what the caller's function makes of it.
//! Code, scripts, URLs, timings, keys and the syntax itself are never
//! handed to that function, and are copied byte for byte.
//!
//! ```
//! use bianyi_rewrite::doc::{DocFormat, DocOptions, convert_document};
//!
//! let upper = &mut |s: &str| s.to_uppercase();
//! let out = convert_document(
//!     DocFormat::Markdown,
//!     "# title\n\nSee `code` and [the docs](https://example.com/x).\n",
//!     &DocOptions::default(),
//!     upper,
//! )?;
//! assert_eq!(out, "# TITLE\n\nSEE `code` AND [THE DOCS](https://example.com/x).\n");
//! Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod html;
mod json;
mod markdown;
mod subtitles;

use std::fmt;
use std::ops::Range;
use std::path::Path;

use crate::l10n::line_column;

/// A document format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DocFormat {
    /// Plain text: all of it is text.
    Text,
    /// CommonMark with tables, footnotes, strikethrough, task lists,
    /// heading attributes and YAML (`---`) or TOML (`+++`) front matter.
    Markdown,
    /// HTML (or XHTML read as HTML).
    Html,
    /// SubRip subtitles (`.srt`).
    Srt,
    /// WebVTT subtitles (`.vtt`).
    Vtt,
    /// JSON: string values, and keys on request.
    Json,
}

impl DocFormat {
    /// The format of a file, by its extension (case-insensitive); plain
    /// text when the extension is unknown or missing.
    pub fn from_path(path: &Path) -> DocFormat {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        match ext.as_str() {
            "md" | "markdown" | "mdown" => DocFormat::Markdown,
            "html" | "htm" | "xhtml" => DocFormat::Html,
            "srt" => DocFormat::Srt,
            "vtt" => DocFormat::Vtt,
            "json" => DocFormat::Json,
            _ => DocFormat::Text,
        }
    }

    /// The format's name as users write it (`text`, `markdown`, `html`,
    /// `srt`, `vtt`, `json`).
    pub fn name(self) -> &'static str {
        match self {
            DocFormat::Text => "text",
            DocFormat::Markdown => "markdown",
            DocFormat::Html => "html",
            DocFormat::Srt => "srt",
            DocFormat::Vtt => "vtt",
            DocFormat::Json => "json",
        }
    }
}

impl std::str::FromStr for DocFormat {
    type Err = ();

    /// A format's [name](DocFormat::name), `md` or `txt` (case-insensitive).
    fn from_str(s: &str) -> Result<DocFormat, ()> {
        match s.to_ascii_lowercase().as_str() {
            "text" | "txt" => Ok(DocFormat::Text),
            "markdown" | "md" => Ok(DocFormat::Markdown),
            "html" => Ok(DocFormat::Html),
            "srt" => Ok(DocFormat::Srt),
            "vtt" => Ok(DocFormat::Vtt),
            "json" => Ok(DocFormat::Json),
            _ => Err(()),
        }
    }
}

/// How to convert a document.
#[derive(Clone, Debug, Default)]
pub struct DocOptions {
    /// JSON: convert object keys too (an error when two keys of one object
    /// would become the same).
    pub json_keys: bool,
    /// The BCP 47 tag of the target (`zh-TW`): HTML `lang` and `xml:lang`
    /// attributes that name a Chinese language are set to it.
    pub lang: Option<String>,
}

/// Converts the human text of `source`, a document in `format`: `convert`
/// is called once per run of text, in document order, and its result
/// replaces the run; every other byte is copied.
///
/// Markdown never fails. HTML fails only where the rewriter cannot tell
/// how a browser would read the markup; SubRip and WebVTT on a malformed
/// timing line (or a WebVTT file without its header); JSON on invalid
/// JSON, and with [`DocOptions::json_keys`] when two keys of one object
/// would become equal.
pub fn convert_document(
    format: DocFormat,
    source: &str,
    options: &DocOptions,
    convert: &mut dyn FnMut(&str) -> String,
) -> Result<String, DocError> {
    if format == DocFormat::Json {
        // Converted strings are escaped again: they cannot leave their quotes.
        return json::convert(source, options, convert);
    }
    let plan = plan(format, source, options)?;
    let out = plan.clone().apply(source, convert);
    // A converter (a glossary term, say) could write markup or syntax into
    // a run: the result must read as the same document with other text.
    let again = plan_of_output(format, &out, options)?;
    if let Some(at) = first_difference(&plan.skeleton(source), &again.skeleton(&out)) {
        return Err(DocError::new(source, at, DocErrorKind::StructureChanged));
    }
    Ok(out)
}

/// The plan of `source` in `format` (not JSON).
fn plan(format: DocFormat, source: &str, options: &DocOptions) -> Result<Plan, DocError> {
    Ok(match format {
        DocFormat::Text | DocFormat::Json => text(source),
        DocFormat::Markdown => markdown::plan(source, options),
        DocFormat::Html => html::plan(source, 0..source.len(), options)?,
        DocFormat::Srt => subtitles::srt(source)?,
        DocFormat::Vtt => subtitles::vtt(source)?,
    })
}

/// The plan of a converted document; one that no longer parses changed
/// its structure.
fn plan_of_output(format: DocFormat, out: &str, options: &DocOptions) -> Result<Plan, DocError> {
    plan(format, out, options)
        .map_err(|e| DocError::new(out, e.offset(), DocErrorKind::StructureChanged))
}

/// The offset (in the first skeleton's document) where two skeletons
/// first differ.
fn first_difference(a: &[(usize, &str)], b: &[(usize, &str)]) -> Option<usize> {
    for (x, y) in a.iter().zip(b) {
        if x.1 != y.1 {
            return Some(x.0);
        }
    }
    (a.len() != b.len()).then(|| a.get(b.len()).or(a.last()).map_or(0, |x| x.0))
}

/// Plain text: everything after a BOM is one run.
fn text(source: &str) -> Plan {
    let start = if source.starts_with('\u{FEFF}') { 3 } else { 0 };
    let mut plan = Plan::default();
    plan.run(start..source.len());
    plan
}

/// What to do to a document: runs to convert, and ranges with fixed
/// replacements (a `lang` value).
#[derive(Clone, Debug, Default)]
pub(crate) struct Plan {
    runs: Vec<Range<usize>>,
    fixed: Vec<(Range<usize>, String)>,
}

impl Plan {
    /// Adds a run (empty ones are dropped).
    fn run(&mut self, range: Range<usize>) {
        if !range.is_empty() {
            self.runs.push(range);
        }
    }

    /// Adds the pieces of `range` between markup (see [`markup_len`]).
    fn runs_between_markup(&mut self, source: &str, range: Range<usize>, context: Context) {
        for piece in pieces(source, range, context) {
            self.run(piece);
        }
    }

    /// Moves every range `by` bytes on (the plan of a part of a document
    /// that starts there).
    fn shift(&mut self, by: usize) {
        for r in &mut self.runs {
            *r = r.start + by..r.end + by;
        }
        for (r, _) in &mut self.fixed {
            *r = r.start + by..r.end + by;
        }
    }

    /// Takes `spans` (sorted, not overlapping) out of every run: a run
    /// that holds one is split around it.
    fn cut(&mut self, spans: &[Range<usize>]) {
        if spans.is_empty() {
            return;
        }
        let mut runs = Vec::with_capacity(self.runs.len());
        for r in self.runs.drain(..) {
            let mut start = r.start;
            let first = spans.partition_point(|s| s.end <= r.start);
            for s in spans.get(first..).unwrap_or_default() {
                if s.start >= r.end {
                    break;
                }
                if s.start > start {
                    runs.push(start..s.start);
                }
                start = start.max(s.end);
            }
            if start < r.end {
                runs.push(start..r.end);
            }
        }
        self.runs = runs;
    }

    /// Adds everything of `other`.
    fn extend(&mut self, other: Plan) {
        self.runs.extend(other.runs);
        self.fixed.extend(other.fixed);
    }

    /// The bytes outside the runs that `apply` converts and outside the
    /// fixed ranges, one piece per gap, with its offset.
    fn skeleton<'s>(&self, source: &'s str) -> Vec<(usize, &'s str)> {
        let mut cuts: Vec<Range<usize>> = Vec::new();
        let mut runs = self.runs.clone();
        runs.sort_by_key(|r| (r.start, r.end));
        let mut end = 0;
        for r in runs {
            if r.start < end || source.get(r.clone()).is_none_or(|t| t.trim().is_empty()) {
                continue;
            }
            end = r.end;
            cuts.push(r);
        }
        cuts.extend(self.fixed.iter().map(|(r, _)| r.clone()));
        cuts.sort_by_key(|r| (r.start, r.end));
        let mut pieces = Vec::with_capacity(cuts.len() + 1);
        let mut at = 0;
        for r in cuts {
            if r.start < at {
                continue;
            }
            pieces.push((at, source.get(at..r.start).unwrap_or_default()));
            at = r.end;
        }
        pieces.push((at, source.get(at..).unwrap_or_default()));
        pieces
    }

    /// `source` with every run replaced by `convert` of it and every fixed
    /// range by its text. Runs are taken in order; one that overlaps an
    /// earlier one is left out, and so are runs with nothing but white
    /// space or that do not fall on character boundaries.
    fn apply(mut self, source: &str, convert: &mut dyn FnMut(&str) -> String) -> String {
        self.runs.sort_by_key(|r| (r.start, r.end));
        let mut edits: Vec<(Range<usize>, String)> = Vec::new();
        let mut end = 0;
        for r in self.runs {
            if r.start < end {
                continue;
            }
            let Some(text) = source.get(r.clone()) else {
                continue;
            };
            if text.trim().is_empty() {
                continue;
            }
            end = r.end;
            let new = convert(text);
            if new != text {
                edits.push((r, new));
            }
        }
        edits.extend(self.fixed);
        edits.sort_by_key(|(r, _)| (r.start, r.end));
        splice(source, edits)
    }
}

/// `source` with `edits` (sorted by start) applied; an edit overlapping an
/// earlier one is dropped.
pub(crate) fn splice(source: &str, edits: Vec<(Range<usize>, String)>) -> String {
    let mut out = String::with_capacity(source.len() + source.len() / 8);
    let mut at = 0;
    for (range, new) in edits {
        if range.start < at || source.get(at..range.start).is_none() {
            continue;
        }
        out.push_str(source.get(at..range.start).unwrap_or_default());
        out.push_str(&new);
        at = range.end;
    }
    out.push_str(source.get(at..).unwrap_or_default());
    out
}

/// Where a run of text lives, which decides what markup it may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Context {
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

/// The pieces of `source[range]` between markup, in order (empty ones
/// included).
pub(crate) fn pieces(source: &str, range: Range<usize>, context: Context) -> Vec<Range<usize>> {
    let bytes = source.as_bytes();
    let mut out = Vec::new();
    let mut start = range.start;
    let mut i = range.start;
    while i < range.end {
        let len = markup_len(bytes, i, range.end, context);
        if len == 0 {
            i += 1;
            continue;
        }
        out.push(start..i);
        i += len;
        start = i;
    }
    out.push(start..range.end);
    out
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

/// An error reading a document, with its position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocError {
    kind: DocErrorKind,
    line: usize,
    column: usize,
    offset: usize,
}

/// What went wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DocErrorKind {
    /// The document does not parse; the message says why.
    Syntax(String),
    /// The HTML rewriter stopped (markup it cannot read safely as a
    /// stream, such as `<select><xmp>`); the message is the rewriter's.
    Html(String),
    /// Two keys of one JSON object would become the same key.
    DuplicateKey {
        /// The key they would both become.
        key: String,
    },
    /// The converted text would change the document's markup or syntax
    /// (a glossary term holding `<`, say); nothing is written.
    StructureChanged,
    /// A subtitle file (SRT, WebVTT) is not laid out as cues.
    Subtitle(SubtitleError),
}

/// What is wrong with a subtitle file.
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SubtitleError {
    /// A line with `-->` that does not read as `start --> end`.
    BadTiming {
        /// The line.
        line: String,
        /// WebVTT (`00:00:01.000`) rather than SRT (`00:00:01,000`).
        vtt: bool,
    },
    /// SRT: neither a cue number nor a timing line where a cue starts.
    ExpectedCue,
    /// A cue number (SRT) or identifier (WebVTT) not followed by a timing
    /// line.
    ExpectedTiming {
        /// WebVTT rather than SRT.
        vtt: bool,
    },
    /// A WebVTT file that does not start with the line `WEBVTT`.
    NoSignature,
}

impl SubtitleError {
    /// An example of a timing line in the file's format.
    pub fn example(vtt: bool) -> &'static str {
        if vtt {
            "00:00:01.000 --> 00:00:02.000"
        } else {
            "00:00:01,000 --> 00:00:02,000"
        }
    }
}

impl fmt::Display for SubtitleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SubtitleError::BadTiming { line, vtt } => write!(
                f,
                "malformed timing line {line:?}; expected {}",
                SubtitleError::example(*vtt)
            ),
            SubtitleError::ExpectedCue => write!(
                f,
                "expected a cue number or a timing line ({})",
                SubtitleError::example(false)
            ),
            SubtitleError::ExpectedTiming { vtt: false } => write!(
                f,
                "expected a timing line after the cue number ({})",
                SubtitleError::example(false)
            ),
            SubtitleError::ExpectedTiming { vtt: true } => write!(
                f,
                "expected a timing line after the cue identifier ({})",
                SubtitleError::example(true)
            ),
            SubtitleError::NoSignature => {
                write!(f, "a WebVTT file must start with the line WEBVTT")
            }
        }
    }
}

impl DocError {
    pub(crate) fn new(source: &str, offset: usize, kind: DocErrorKind) -> DocError {
        let (line, column) = line_column(source, offset);
        DocError {
            kind,
            line,
            column,
            offset,
        }
    }

    /// What went wrong.
    pub fn kind(&self) -> &DocErrorKind {
        &self.kind
    }

    /// 1-based line.
    pub fn line(&self) -> usize {
        self.line
    }

    /// 1-based column, in characters.
    pub fn column(&self) -> usize {
        self.column
    }

    /// Byte offset in the document.
    pub fn offset(&self) -> usize {
        self.offset
    }
}

impl From<crate::l10n::Error> for DocError {
    fn from(e: crate::l10n::Error) -> DocError {
        let message = match e.kind() {
            crate::l10n::ErrorKind::Syntax(m) => m.clone(),
            other => other.to_string(),
        };
        DocError {
            kind: DocErrorKind::Syntax(message),
            line: e.line(),
            column: e.column(),
            offset: e.offset(),
        }
    }
}

impl fmt::Display for DocError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: ", self.line, self.column)?;
        fmt::Display::fmt(&self.kind, f)
    }
}

impl fmt::Display for DocErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocErrorKind::Syntax(m) => write!(f, "syntax error: {m}"),
            DocErrorKind::Html(m) => write!(f, "cannot rewrite this html: {m}"),
            DocErrorKind::StructureChanged => write!(
                f,
                "the converted text would change the markup or syntax of the document here"
            ),
            DocErrorKind::Subtitle(e) => write!(f, "syntax error: {e}"),
            DocErrorKind::DuplicateKey { key } => write!(
                f,
                "two keys of this object would both become {key:?}; \
                 rename one of them or leave keys unconverted"
            ),
        }
    }
}

impl std::error::Error for DocError {}

#[cfg(test)]
mod tests;
