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
//! use bianyi_rewrite::{DocFormat, DocOptions, convert_document};
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
mod markup;
mod subtitles;

use std::path::Path;

use crate::error::{Error, ErrorKind};
use crate::runs::{Encoding, Runs, first_difference};

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

/// How to convert a document: start from [`DocOptions::default`] (keys
/// kept, `lang` attributes untouched) and set the fields you need.
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct DocOptions {
    /// JSON: convert object keys too (an error when two keys of one object
    /// would become the same).
    pub json_keys: bool,
    /// The BCP 47 tag of the target (`zh-TW`): HTML `lang` and `xml:lang`
    /// attributes and a Markdown front matter's `lang`, `language` or
    /// `locale` value that name a Chinese language are set to it.
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
) -> Result<String, Error> {
    if format == DocFormat::Json {
        // Converted strings are escaped again: they cannot leave their quotes.
        return json::convert(source, options, convert);
    }
    let runs = runs(format, source, options)?;
    let out = runs.rewrite(
        source,
        &mut |_, text| convert(text),
        options.lang.as_deref(),
    );
    // A converter (a glossary term, say) could write markup or syntax into
    // a run: the result must read as the same document with other text.
    let again = runs_of_output(format, &out, options)?;
    let (before, after) = (runs.skeleton(source), again.skeleton(&out));
    if let Some(i) = first_difference(&before, &after) {
        let at = before.get(i).map_or(0, |gap| gap.offset);
        return Err(Error::new(
            source,
            at,
            ErrorKind::StructureChanged { key: None },
        ));
    }
    Ok(out)
}

/// The runs of `source` in `format` (not JSON), settled: in order, each
/// one a converter should see.
fn runs(format: DocFormat, source: &str, options: &DocOptions) -> Result<Runs, Error> {
    let mut runs = match format {
        DocFormat::Text | DocFormat::Json => text(source),
        DocFormat::Markdown => markdown::runs(source, options),
        DocFormat::Html => html::runs(source, 0..source.len(), options)?,
        DocFormat::Srt => subtitles::srt(source)?,
        DocFormat::Vtt => subtitles::vtt(source)?,
    };
    runs.settle(source);
    Ok(runs)
}

/// The runs of a converted document; one that no longer parses changed
/// its structure.
fn runs_of_output(format: DocFormat, out: &str, options: &DocOptions) -> Result<Runs, Error> {
    runs(format, out, options)
        .map_err(|e| Error::new(out, e.offset(), ErrorKind::StructureChanged { key: None }))
}

/// Plain text: everything after a BOM is one run.
fn text(source: &str) -> Runs {
    let start = if source.starts_with('\u{FEFF}') { 3 } else { 0 };
    let mut runs = Runs::default();
    runs.push(start..source.len(), Encoding::Raw);
    runs
}

#[cfg(test)]
mod tests;
