//! `--format` documents (Markdown, HTML, subtitles, JSON): read whole,
//! their human text converted, the rest kept.

use std::io::{Read, Write};

use bianyi_rewrite::{DocFormat, DocOptions};

use crate::error::{CliError, Source};
use crate::lines;

use super::io::Io;
use super::plan::Job;

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
        let mut bytes = Vec::new();
        reader
            .read_to_end(&mut bytes)
            .map_err(|error| CliError::Read {
                source: source.clone(),
                error,
            })?;
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
