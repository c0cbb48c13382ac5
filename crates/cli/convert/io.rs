//! How inputs are read and outputs written: inputs in any encoding
//! `--encoding` allows decoded to UTF-8 for the engine, outputs encoded as
//! `--output-encoding` says (by default, like the first input).
//!
//! Two errors belong to the encodings. A character the output encoding
//! cannot hold is recorded by the [`encoding::EncodingWriter`], which this
//! module keeps, and reported from there ([`TextOut::refine`]). Malformed
//! input is left by the decoding reader, which is handed to the engine (and
//! to `detect` and `lines`) and can only return an `io::Error`, in an
//! [`encoding::MalformedSlot`] that [`Decoded`] keeps: a failed read is
//! then reported as [`CliError::Malformed`]
//! ([`encoding::MalformedSlot::refine`]).

use std::io::{self, Read, Write};
use std::path::Path;

use bianyi_rewrite::DocFormat;
use encoding_rs::{Encoding, UTF_8};

use crate::args::{DocFormatArg, EncodingArg};
use crate::encoding::{self, OnUnmappable};
use crate::error::{CliError, Source};
use crate::i18n::Localizer;

/// How inputs are read and outputs written (encodings).
pub(super) struct Io {
    pub(super) encoding: EncodingArg,
    /// `None`: the input's.
    pub(super) output_encoding: Option<&'static Encoding>,
    pub(super) unmappable: OnUnmappable,
    pub(super) lang: Option<String>,
    /// `--format`.
    pub(super) format: DocFormatArg,
    pub(super) json_keys: bool,
    /// `--max-document-size`: the most bytes of a document read whole.
    pub(super) max_document: u64,
    /// The BCP 47 tag of what the conversion produces (for `lang`
    /// attributes of documents).
    pub(super) target_tag: String,
}

/// An input decoded for the engine.
pub(super) struct Decoded<'r> {
    /// The input as UTF-8.
    pub(super) reader: Box<dyn Read + 'r>,
    /// The reader gives the input's bytes as they are (UTF-8 in and out),
    /// so the engine may read the file itself.
    pub(super) verbatim: bool,
    /// Where the decoding reader leaves malformed input.
    pub(super) malformed: encoding::MalformedSlot,
}

/// The encoding of one output stream, fixed by its first input.
#[derive(Default)]
pub(super) struct OutState {
    encoding: Option<&'static Encoding>,
    started: bool,
    /// The first input was UTF-16 with a byte order mark, or not UTF-16 at
    /// all: UTF-16 output then starts with one.
    utf16_bom: bool,
}

impl Io {
    /// Reads `raw` (named `source`) and writes `output` (named `target`)
    /// in their encodings around `convert`, which gets the input as UTF-8
    /// and writes UTF-8; then finishes the output. `note` gets what is
    /// worth telling the user (the encoding `auto` guessed). Malformed input
    /// and characters the output cannot hold are reported as such.
    #[expect(clippy::too_many_arguments, reason = "each says where, or what to run")]
    pub(super) fn transcode<'r>(
        &self,
        raw: Box<dyn Read + 'r>,
        source: &Source,
        output: &mut dyn Write,
        target: &Source,
        state: &mut OutState,
        note: &mut dyn FnMut(String),
        convert: impl FnOnce(Decoded<'r>, &mut TextOut<'_>) -> Result<(), CliError>,
    ) -> Result<(), CliError> {
        let (input, out_encoding, guessed) = self.open(raw, source, state)?;
        let malformed = input.malformed.clone();
        if let Some(e) = guessed {
            note(self.guessed_note(source, e));
        }
        let write_error = |error| CliError::Write {
            target: target.clone(),
            error,
        };
        let mut writer = self
            .writer(output, out_encoding, state)
            .map_err(write_error)?;
        convert(input, &mut writer)
            .and_then(|()| writer.finish().map_err(write_error))
            .map_err(|e| writer.refine(malformed.refine(e)))
    }

    /// `raw` as UTF-8: decoded when it is not UTF-8 (or when the output is
    /// not); with the output's encoding, and the encoding `auto` guessed
    /// (worth a note), if it did.
    fn open<'r>(
        &self,
        mut raw: Box<dyn Read + 'r>,
        source: &Source,
        state: &mut OutState,
    ) -> Result<(Decoded<'r>, &'static Encoding, Option<&'static Encoding>), CliError> {
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
            let input = Decoded {
                reader: Box::new(reader),
                verbatim: true,
                malformed: encoding::MalformedSlot::default(),
            };
            return Ok((input, out, guessed));
        }
        let reader = encoding::DecodingReader::new(reader, chosen.encoding);
        let input = Decoded {
            malformed: reader.malformed(),
            reader: Box::new(reader),
            verbatim: false,
        };
        Ok((input, out, guessed))
    }

    /// The document format of `source` (`auto`: by its extension; standard
    /// input is text).
    pub(super) fn format_for(&self, source: &Source) -> DocFormat {
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
    pub(super) fn encoding_is_utf16(&self) -> bool {
        matches!(self.encoding, EncodingArg::Utf16le | EncodingArg::Utf16be)
    }

    /// `bytes` (an input) as text, as this conversion reads it.
    pub(super) fn decode_input<'b>(&self, bytes: &'b [u8]) -> std::borrow::Cow<'b, str> {
        let head = bytes.get(..64 * 1024).unwrap_or(bytes);
        let chosen = encoding::choose(self.encoding, head);
        chosen.encoding.decode_with_bom_removal(bytes).0
    }

    /// The note saying which encoding was guessed for `source`.
    fn guessed_note(&self, source: &Source, encoding: &'static Encoding) -> String {
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
    fn writer<'w>(
        &self,
        output: &'w mut dyn Write,
        encoding: &'static Encoding,
        state: &mut OutState,
    ) -> io::Result<TextOut<'w>> {
        let first = !state.started;
        state.started = true;
        if encoding == UTF_8 {
            return Ok(TextOut::Utf8(output));
        }
        let bom = first
            && state.utf16_bom
            && (encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE);
        Ok(TextOut::Encoded(encoding::EncodingWriter::new(
            output,
            encoding,
            bom,
            self.unmappable,
        )?))
    }
}

/// Where converted UTF-8 goes: the output itself, or an encoder in front
/// of it.
pub(super) enum TextOut<'w> {
    Utf8(&'w mut dyn Write),
    Encoded(encoding::EncodingWriter<&'w mut dyn Write>),
}

impl Write for TextOut<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            TextOut::Utf8(w) => w.write(buf),
            TextOut::Encoded(w) => w.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            TextOut::Utf8(w) => w.write_all(buf),
            TextOut::Encoded(w) => w.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            TextOut::Utf8(w) => w.flush(),
            TextOut::Encoded(w) => w.flush(),
        }
    }
}

impl TextOut<'_> {
    /// Writes what the encoder held back, and flushes.
    fn finish(&mut self) -> io::Result<()> {
        match self {
            TextOut::Utf8(w) => w.flush(),
            TextOut::Encoded(w) => w.finish(),
        }
    }

    /// A write error that the encoder raised for a character the output
    /// encoding cannot hold, as such.
    fn refine(&self, e: CliError) -> CliError {
        match (e, self) {
            (CliError::Write { target, error }, TextOut::Encoded(w)) => match w.unmappable() {
                Some(u) => CliError::Unmappable {
                    target,
                    encoding: encoding::name(u.encoding),
                    ch: u.ch,
                    line: u.line,
                },
                None => CliError::Write { target, error },
            },
            (e, _) => e,
        }
    }
}

impl OutState {
    /// `bytes` (an output) as text.
    pub(super) fn decode_output<'b>(&self, bytes: &'b [u8]) -> std::borrow::Cow<'b, str> {
        self.encoding
            .unwrap_or(UTF_8)
            .decode_with_bom_removal(bytes)
            .0
    }
}
