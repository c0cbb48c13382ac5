//! How inputs are read and outputs written: inputs in any encoding
//! `--encoding` allows decoded to UTF-8 for the engine, outputs encoded as
//! `--output-encoding` says (by default, like the first input).

use std::io::{self, Read, Write};
use std::path::Path;

use bianyi_rewrite::DocFormat;
use encoding_rs::{Encoding, UTF_8};

use crate::args::{DocFormatArg, EncodingArg};
use crate::encoding::{self, OnUnmappable};
use crate::error::{CliError, Source};
use crate::i18n::Localizer;

/// How inputs are read and outputs written (encodings).
pub(crate) struct Io {
    pub(crate) encoding: EncodingArg,
    /// `None`: the input's.
    pub(crate) output_encoding: Option<&'static Encoding>,
    pub(crate) unmappable: OnUnmappable,
    pub(crate) lang: Option<String>,
    /// `--format`.
    pub(crate) format: DocFormatArg,
    pub(crate) json_keys: bool,
    /// The BCP 47 tag of what the conversion produces (for `lang`
    /// attributes of documents).
    pub(crate) target_tag: String,
}

/// An input ready for the engine: UTF-8, the output encoding, the
/// encoding `auto` guessed, if it did, and whether the reader gives the
/// input's bytes as they are (UTF-8 in and out).
pub(crate) type Opened<'r> = (
    Box<dyn Read + 'r>,
    &'static Encoding,
    Option<&'static Encoding>,
    bool,
);

/// The encoding of one output stream, fixed by its first input.
#[derive(Default)]
pub(crate) struct OutState {
    encoding: Option<&'static Encoding>,
    started: bool,
    /// The first input was UTF-16 with a byte order mark, or not UTF-16 at
    /// all: UTF-16 output then starts with one.
    utf16_bom: bool,
}

impl Io {
    /// `raw` as UTF-8: decoded when it is not UTF-8 (or when the output is
    /// not); with the output's encoding, and the encoding `auto` guessed
    /// (worth a note), if it did.
    pub(crate) fn open<'r>(
        &self,
        mut raw: Box<dyn Read + 'r>,
        source: &Source,
        state: &mut OutState,
    ) -> Result<Opened<'r>, CliError> {
        let head = encoding::head(&mut raw).map_err(|error| CliError::Read {
            source: source.clone(),
            error,
        })?;
        let chosen = encoding::choose(self.encoding, &head);
        let guessed = chosen.guessed.then_some(chosen.encoding);
        if state.encoding.is_none() {
            let utf16 = |e| e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE;
            state.utf16_bom = chosen.bom || !utf16(chosen.encoding);
        }
        let out = *state
            .encoding
            .get_or_insert(self.output_encoding.unwrap_or(chosen.encoding));
        let reader = io::Cursor::new(head).chain(raw);
        if chosen.is_utf8() && out == UTF_8 {
            // The fast path: bytes straight to the engine (a UTF-8 BOM is
            // kept as the character it is).
            return Ok((Box::new(reader), out, guessed, true));
        }
        Ok((
            Box::new(encoding::DecodingReader::new(reader, chosen.encoding)),
            out,
            guessed,
            false,
        ))
    }

    /// The document format of `source` (`auto`: by its extension; standard
    /// input is text).
    pub(crate) fn format_for(&self, source: &Source) -> DocFormat {
        match self.format {
            DocFormatArg::Auto => match source {
                Source::Path(p) if p != "-" => DocFormat::from_path(Path::new(p)),
                _ => DocFormat::Text,
            },
            DocFormatArg::Text => DocFormat::Text,
            DocFormatArg::Markdown => DocFormat::Markdown,
            DocFormatArg::Html => DocFormat::Html,
            DocFormatArg::Srt => DocFormat::Srt,
            DocFormatArg::Vtt => DocFormat::Vtt,
            DocFormatArg::Json => DocFormat::Json,
        }
    }

    /// `--encoding` names UTF-16 (whose text is full of NUL bytes).
    pub(crate) fn encoding_is_utf16(&self) -> bool {
        matches!(self.encoding, EncodingArg::Utf16le | EncodingArg::Utf16be)
    }

    /// `bytes` (an input) as text, as this conversion reads it.
    pub(crate) fn decode_input<'b>(&self, bytes: &'b [u8]) -> std::borrow::Cow<'b, str> {
        let head = bytes.get(..64 * 1024).unwrap_or(bytes);
        let chosen = encoding::choose(self.encoding, head);
        chosen.encoding.decode_with_bom_removal(bytes).0
    }

    /// The note saying which encoding was guessed for `source`.
    pub(crate) fn guessed_note(&self, source: &Source, encoding: &'static Encoding) -> String {
        let l = Localizer::from_env(self.lang.as_deref());
        l.msg(
            "note-encoding-guessed",
            &[
                ("path", source.render(&l).into()),
                ("encoding", encoding::name(encoding).into()),
            ],
        )
    }

    /// `output` writing `encoding` (a byte order mark first for UTF-16, at
    /// the start of the stream).
    pub(crate) fn writer<'w>(
        &self,
        output: &'w mut dyn Write,
        encoding: &'static Encoding,
        state: &mut OutState,
    ) -> Result<Box<dyn encoding::Finish + 'w>, io::Error> {
        let first = !state.started;
        state.started = true;
        if encoding == UTF_8 {
            return Ok(Box::new(output));
        }
        let bom = first
            && state.utf16_bom
            && (encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE);
        Ok(Box::new(encoding::EncodingWriter::new(
            output,
            encoding,
            bom,
            self.unmappable,
        )?))
    }
}

impl OutState {
    /// `bytes` (an output) as text.
    pub(crate) fn decode_output<'b>(&self, bytes: &'b [u8]) -> std::borrow::Cow<'b, str> {
        self.encoding
            .unwrap_or(UTF_8)
            .decode_with_bom_removal(bytes)
            .0
    }
}

/// Read and write errors that carry an encoding problem, as such.
pub(crate) fn refine(e: CliError) -> CliError {
    match e {
        CliError::Read { source, error } if encoding::malformed(&error).is_some() => {
            let m = encoding::malformed(&error);
            CliError::Malformed {
                source,
                encoding: m.map_or("", |m| encoding::name(m.encoding)),
                offset: m.map_or(0, |m| m.offset),
                bytes: m.map(|m| m.bytes.clone()).unwrap_or_default(),
            }
        }
        CliError::Write { target, error } if encoding::unmappable(&error).is_some() => {
            let u = encoding::unmappable(&error);
            CliError::Unmappable {
                target,
                encoding: u.map_or("", |u| encoding::name(u.encoding)),
                ch: u.map_or('\u{FFFD}', |u| u.ch),
                line: u.map_or(0, |u| u.line),
            }
        }
        other => other,
    }
}
