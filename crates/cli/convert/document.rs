//! `--format` documents (Markdown, HTML, subtitles, JSON): read whole (up
//! to `--max-document-size`), their human text converted, the rest kept.

use std::io::{Read, Write};

use bianyi_rewrite::{DocFormat, DocOptions};

use crate::error::{CliError, Source};
use crate::lines;

use super::io::Io;
use super::plan::Job;

/// Reads a whole document of at most `limit` bytes; a longer one is
/// [`CliError::DocumentTooLarge`], and memory that cannot be had an error
/// too (never an abort).
fn read_document(reader: &mut dyn Read, source: &Source, limit: u64) -> Result<Vec<u8>, CliError> {
    let read_error = |error| CliError::Read {
        source: source.clone(),
        error,
    };
    let mut bytes = Vec::new();
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        let n = match reader.read(&mut chunk) {
            Ok(0) => return Ok(bytes),
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(read_error(e)),
        };
        if (bytes.len() + n) as u64 > limit {
            return Err(CliError::DocumentTooLarge {
                source: source.clone(),
                limit,
            });
        }
        bytes
            .try_reserve(n)
            .map_err(|_| read_error(std::io::ErrorKind::OutOfMemory.into()))?;
        bytes.extend_from_slice(&chunk[..n]);
    }
}

impl Job {
    /// A document (Markdown, HTML, subtitles, JSON): read whole, its human
    /// text converted, the rest kept.
    pub(super) fn convert_document(
        &self,
        format: DocFormat,
        mut reader: Box<dyn Read + '_>,
        source: &Source,
        output: &mut dyn Write,
        target: &Source,
        io_opts: &Io,
    ) -> Result<(), CliError> {
        let bytes = read_document(&mut reader, source, io_opts.max_document)?;
        let text = crate::detect::utf8_text(source.clone(), bytes)?;
        let convert = self.text_converter(&text)?;
        let mut options = DocOptions::default();
        options.json_keys = io_opts.json_keys;
        options.lang = Some(io_opts.target_tag.clone());
        let out = bianyi_rewrite::convert_document(format, &text, &options, &mut |t| convert(t))
            .map_err(|error| CliError::Document {
                source: source.clone(),
                format: format.name(),
                error,
            })?;
        let write_error = |error| CliError::Write {
            target: target.clone(),
            error,
        };
        match self.mode {
            lines::Mode::Diff { color } => {
                // Changed lines, as for text.
                let (old, new): (Vec<&str>, Vec<&str>) =
                    (text.lines().collect(), out.lines().collect());
                if old.len() == new.len() {
                    for (k, (a, b)) in old.iter().zip(&new).enumerate() {
                        if a != b {
                            let line = lines::diff_line(&(k + 1).to_string(), a, b, color);
                            output.write_all(line.as_bytes()).map_err(write_error)?;
                        }
                    }
                    return Ok(());
                }
                let line = lines::diff_line("1", &text, &out, color);
                output.write_all(line.as_bytes()).map_err(write_error)
            }
            lines::Mode::Ambiguities => Err(CliError::AmbiguitiesOnText),
            lines::Mode::Text => output.write_all(out.as_bytes()).map_err(write_error),
        }
    }
}
