//! Plain text: each input streamed through the engine (an OpenCC config)
//! or converted line by line (targets, diffs, ambiguity reports,
//! glossaries) into `-o`, standard output or itself (`--in-place`).

use std::fs::File;
use std::io::{self, Read, Write};

use bianyi_convert::{Config, Converter, ErrorKind};
use bianyi_rewrite::DocFormat;

use crate::args::{ConvertArgs, Engine};
use crate::error::{CliError, Source};
use crate::lines;
use crate::output::Output;

use super::files::{Input, convert_each, inputs, stdin_file};
use super::io::{Io, OutState};
use super::plan::Job;

/// Converts the text of every input into `-o`, standard output or itself.
pub(super) fn run(args: &ConvertArgs, job: &Job, io: &Io) -> Result<(), CliError> {
    let inputs = inputs(&args.files)?;
    convert_each(args, &inputs, |input, output, state| {
        job.convert(input, output, io, state)
    })
}

impl Job {
    /// Converts `input` into `output`.
    fn convert(
        &self,
        input: &Input,
        output: &mut Output,
        io_opts: &Io,
        state: &mut OutState,
    ) -> Result<(), CliError> {
        let source = input.source();
        let target = output.target().clone();
        let read_error = |error| CliError::Read {
            source: source.clone(),
            error,
        };
        let file = match input {
            Input::Stdin => stdin_file(),
            Input::File(path) => Some(File::open(path).map_err(read_error)?),
        };
        // A regular file can be read by the conversion threads themselves,
        // from its start: unless it is at another offset (standard input
        // after `read` or `head` of a shell; on some systems /dev/stdin and
        // /dev/fd/N share the cursor of the descriptor they name).
        let regular = match &file {
            Some(f) => {
                let at_start = io::Seek::stream_position(&mut &*f).is_ok_and(|p| p == 0);
                (at_start && f.metadata().map_err(read_error)?.is_file()).then_some(f)
            }
            None => None,
        };
        let raw: Box<dyn Read + '_> = match &file {
            Some(f) => Box::new(f),
            None => Box::new(io::stdin().lock()),
        };
        let outcome = self.convert_reader(
            raw,
            regular,
            &source,
            output.writer(),
            &target,
            io_opts,
            state,
            &mut |note| {
                let _ = writeln!(io::stderr().lock(), "{note}");
            },
        );
        if let (Input::Stdin, Some(f)) = (input, &file) {
            // Standard input is left at its end, as reading it through
            // would leave it (positioned reads do not move it).
            let _ = io::Seek::seek(&mut &*f, io::SeekFrom::End(0));
        }
        outcome
    }

    /// Converts `raw` (named `source`; `file`, when it is a regular file,
    /// read from its start) into `output` (named `target`); `note` receives
    /// what is worth telling the user (a guessed encoding).
    #[expect(clippy::too_many_arguments, reason = "one call site per mode")]
    pub(super) fn convert_reader(
        &self,
        raw: Box<dyn Read + '_>,
        file: Option<&File>,
        source: &Source,
        output: &mut dyn Write,
        target: &Source,
        io_opts: &Io,
        state: &mut OutState,
        note: &mut dyn FnMut(String),
    ) -> Result<(), CliError> {
        io_opts.transcode(raw, source, output, target, state, note, |input, writer| {
            let format = io_opts.format_for(source);
            if format != DocFormat::Text {
                return self.convert_document(
                    format,
                    input.reader,
                    source,
                    writer,
                    target,
                    io_opts,
                );
            }
            match self {
                // Bytes as they are: the engine may read the file itself.
                Job::Stream(backend) => {
                    let file = file.filter(|_| input.verbatim);
                    backend.convert(input.reader, file, writer, source, target)
                }
                Job::Lines(how, mode, terms) => lines::run(
                    how,
                    *mode,
                    terms.as_ref(),
                    input.reader,
                    writer,
                    source,
                    target,
                ),
            }
        })
    }
}

/// The engine doing the conversion.
pub(super) enum Backend {
    Bianyi(Converter, usize),
    #[cfg(feature = "opencc")]
    OpenCc(opencc_rust::OpenCC),
}

impl Backend {
    pub(super) fn new(
        config: Config,
        tofu_risk: bool,
        engine: Engine,
        threads: usize,
    ) -> Result<Backend, CliError> {
        match engine {
            Engine::Bianyi => Ok(Backend::Bianyi(
                Converter::builder(config).tofu_risk(tofu_risk).build(),
                threads,
            )),
            #[cfg(feature = "opencc")]
            Engine::Opencc => crate::system_opencc::open(config).map(Backend::OpenCc),
            #[cfg(not(feature = "opencc"))]
            Engine::Opencc => Err(CliError::EngineUnavailable),
        }
    }

    /// Converts `reader`, or `file` (the same input, a regular file read
    /// from its start) when there is one and the engine can read it itself.
    fn convert(
        &self,
        reader: Box<dyn Read + '_>,
        file: Option<&File>,
        output: &mut dyn Write,
        source: &Source,
        target: &Source,
    ) -> Result<(), CliError> {
        let source = source.clone();
        match self {
            Backend::Bianyi(conv, threads) => match file {
                Some(file) => conv.convert_file_parallel(file, output, *threads),
                None => conv.convert_stream_parallel(reader, output, *threads),
            }
            .map(|_| ())
            .map_err(|e| library_error(e, &source, target)),
            #[cfg(feature = "opencc")]
            Backend::OpenCc(cc) => {
                crate::system_opencc::convert(cc, reader, output, &source, target)
            }
        }
    }
}

/// An error of the engine, naming the input (`source`) or output (`target`)
/// it is about.
pub(super) fn library_error(
    e: bianyi_convert::Error,
    source: &Source,
    target: &Source,
) -> CliError {
    // Kinds added to the library later: its own (English) words.
    let text = e.to_string();
    match e.into_kind() {
        ErrorKind::InvalidUtf8 { position, bytes } => CliError::InvalidUtf8 {
            source: source.clone(),
            position,
            bytes,
        },
        ErrorKind::Write(error) => CliError::Write {
            target: target.clone(),
            error,
        },
        ErrorKind::Read(error) => CliError::Read {
            source: source.clone(),
            error,
        },
        _ => CliError::Read {
            source: source.clone(),
            error: io::Error::other(text),
        },
    }
}
