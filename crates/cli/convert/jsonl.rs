//! `--jsonl`: each line a JSON object; the strings under `--field` are
//! converted, every other byte of the line is kept.

use std::io::{self, Read, Write};

use crate::args::ConvertArgs;
use crate::error::{CliError, Source};
use crate::output::Output;

use super::files::{Input, convert_each, inputs, open};
use super::io::{Io, OutState};
use super::plan::Job;

/// Converts the JSON Lines of every input.
pub(super) fn run(args: &ConvertArgs, job: &Job, io: &Io) -> Result<(), CliError> {
    let pointer = if args.field.starts_with('/') {
        args.field.clone()
    } else {
        format!("/{}", args.field.replace('~', "~0").replace('/', "~1"))
    };
    let inputs = inputs(&args.files)?;
    convert_each(args, &inputs, |input, output, state| {
        convert_input(input, output, &pointer, job, io, state)
    })
}

/// Converts the JSON Lines of `input` (the strings under `pointer`) into
/// `output`.
fn convert_input(
    input: &Input,
    output: &mut Output,
    pointer: &str,
    job: &Job,
    io_opts: &Io,
    state: &mut OutState,
) -> Result<(), CliError> {
    let target = output.target().clone();
    let source = input.source();
    let raw = open(input, &source)?;
    let mut note = |note: String| {
        let _ = writeln!(io::stderr().lock(), "{}", crate::term::line(&note));
    };
    io_opts.transcode(
        raw,
        &source,
        output.writer(),
        &target,
        state,
        &mut note,
        |input, writer| {
            let limit = io_opts.max_document;
            convert_lines(input.reader, writer, &source, &target, pointer, job, limit)
        },
    )
}

/// Converts the JSON Lines of `reader` (named `source`; the strings under
/// `pointer`) into `writer` (named `target`); a line (a JSON document) of
/// more than `limit` bytes (`--max-document-size`) is an error.
fn convert_lines(
    reader: Box<dyn Read + '_>,
    writer: &mut dyn Write,
    source: &Source,
    target: &Source,
    pointer: &str,
    job: &Job,
    limit: u64,
) -> Result<(), CliError> {
    use std::io::BufRead;

    let write_error = |error| CliError::Write {
        target: target.clone(),
        error,
    };
    let read_error = |error| CliError::Read {
        source: source.clone(),
        error,
    };
    // The target plan is made from the start of the input, as for text.
    let mut lines: Vec<String> = Vec::new();
    let mut reader = io::BufReader::new(reader);
    let mut sample = String::new();
    let next =
        |reader: &mut io::BufReader<Box<dyn Read + '_>>| -> Result<Option<String>, CliError> {
            let mut line = Vec::new();
            (&mut *reader)
                .take(limit.saturating_add(1))
                .read_until(b'\n', &mut line)
                .map_err(read_error)?;
            if line.len() as u64 > limit {
                return Err(CliError::JsonLineTooLarge {
                    source: source.clone(),
                    limit,
                });
            }
            if line.is_empty() {
                return Ok(None);
            }
            // (What `read_line` reports.)
            String::from_utf8(line).map(Some).map_err(|_| {
                read_error(io::Error::new(
                    io::ErrorKind::InvalidData,
                    "stream did not contain valid UTF-8",
                ))
            })
        };
    while sample.len() < 1 << 20 {
        let Some(line) = next(&mut reader)? else {
            break;
        };
        sample.push_str(&line);
        lines.push(line);
    }
    let convert = job.text_converter(&sample)?;
    let mut number = 0;
    let mut ahead = lines.into_iter();
    loop {
        let line = match ahead.next() {
            Some(l) => l,
            None => match next(&mut reader)? {
                Some(l) => l,
                None => break,
            },
        };
        number += 1;
        let body = line.trim_end_matches(['\n', '\r']);
        let ending = line.get(body.len()..).unwrap_or_default();
        if body.trim().is_empty() {
            writer.write_all(line.as_bytes()).map_err(write_error)?;
            continue;
        }
        let out = bianyi_rewrite::convert_json_values(body, pointer, &mut |s| convert(s)).map_err(
            |e| CliError::JsonLine {
                source: source.clone(),
                line: number,
                column: e.column(),
                message: e.kind().to_string(),
            },
        )?;
        writer.write_all(out.as_bytes()).map_err(write_error)?;
        writer.write_all(ending.as_bytes()).map_err(write_error)?;
    }
    Ok(())
}
