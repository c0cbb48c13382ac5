//! Plain text: each input run through the library's conversion (or the
//! system's OpenCC), or reported on line by line (diffs, ambiguity
//! reports), into `-o`, standard output or itself (`--in-place`).

use std::fs::File;
use std::io::{self, Read, Write};

use bianyi_convert::{Config, Conversion, ErrorKind};
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
                let _ = writeln!(io::stderr().lock(), "{}", crate::term::line(&note));
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
            match (&self.backend, self.mode) {
                (Backend::Bianyi(conversion), lines::Mode::Text) => {
                    let mut terms = self.terms.as_ref().map(|a| a.hook());
                    let mut run = conversion
                        .run()
                        .threads(self.threads)
                        .window(lines::window());
                    if let Some(hook) = terms.as_mut() {
                        run = run.hook(hook);
                    }
                    // Bytes as they are: the engine may read the file itself.
                    match file.filter(|_| input.verbatim) {
                        Some(file) => run.file(file, writer),
                        None => run.stream(input.reader, writer),
                    }
                    .map(|_| ())
                    .map_err(|e| library_error(e, source, target))
                }
                (Backend::Bianyi(conversion), mode) => lines::run(
                    conversion,
                    mode,
                    self.terms.as_ref(),
                    input.reader,
                    writer,
                    source,
                    target,
                ),
                #[cfg(feature = "opencc")]
                (Backend::OpenCc(cc), _) => {
                    crate::system_opencc::convert(cc, input.reader, writer, source, target)
                }
            }
        })
    }
}

/// The engine doing the conversion.
pub(super) enum Backend {
    Bianyi(Conversion),
    #[cfg(feature = "opencc")]
    OpenCc(opencc_rust::OpenCC),
}

impl Backend {
    pub(super) fn new(
        config: Config,
        tofu_risk: bool,
        corner_quotes: bool,
        engine: Engine,
    ) -> Result<Backend, CliError> {
        match engine {
            Engine::Bianyi => Ok(Backend::Bianyi(
                Conversion::builder(config)
                    .tofu_risk(tofu_risk)
                    .corner_quotes(corner_quotes)
                    .build(),
            )),
            #[cfg(feature = "opencc")]
            Engine::Opencc => crate::system_opencc::open(config).map(Backend::OpenCc),
            #[cfg(not(feature = "opencc"))]
            Engine::Opencc => Err(CliError::EngineUnavailable),
        }
    }

    /// The library's conversion (the system's OpenCC only converts text).
    pub(super) fn conversion(&self) -> Result<&Conversion, CliError> {
        match self {
            Backend::Bianyi(conversion) => Ok(conversion),
            #[cfg(feature = "opencc")]
            Backend::OpenCc(_) => Err(CliError::EngineOnlyConvert),
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
