//! The inputs named on the command line and where their conversions go:
//! standard input or files, checked and refused before anything is written
//! (an output that is an input, a file named twice in place), then
//! converted into `-o`, standard output or themselves (`--in-place`).

use std::ffi::OsString;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::args::ConvertArgs;
use crate::error::{CliError, Source};
use crate::output::{Output, StagedFiles, same_file, stdout_is};

use super::check::precheck;
use super::io::OutState;
use super::plan::threads;

/// Converts every input with `convert` into where `args` sends it: each
/// file into itself (`--in-place`), or all, in order, into one output
/// (`-o`, standard output).
///
/// Every file is opened before anything is written: a missing third file
/// must not leave the first two converted (JSON Lines going to one output
/// are the exception: they are read as they come). In place, every file is
/// converted into its temporary file before any is replaced, so an error
/// in the last one (a character its encoding cannot hold, a document whose
/// markup would change, a full disk) leaves every file as it was. Into one
/// output that cannot be discarded on error (standard output, a FIFO),
/// text files are also read through once ahead to find invalid input.
pub(super) fn convert_each(
    args: &ConvertArgs,
    inputs: &[Input],
    mut convert: impl FnMut(&Input, &mut Output, &mut OutState) -> Result<(), CliError>,
) -> Result<(), CliError> {
    let files = || {
        inputs.iter().filter_map(|i| match i {
            Input::File(p) => Some((i, p.as_path())),
            Input::Stdin => None,
        })
    };
    if args.in_place {
        if inputs.iter().any(|i| matches!(i, Input::Stdin)) {
            return Err(CliError::InPlaceStdin);
        }
        refuse_same_file_twice(inputs)?;
        for (_, path) in files() {
            precheck(path, true, false, args.encoding, 1)?;
        }
        let mut staged = StagedFiles::default();
        for (input, path) in files() {
            let mut output = Output::file(path)?;
            // Each file keeps its own encoding (and byte order mark).
            convert(input, &mut output, &mut OutState::default())?;
            staged.add(output)?;
        }
        return staged.commit();
    }
    refuse_output_is_input(args, inputs)?;
    // Into a regular file, invalid input found while converting only
    // discards the temporary file; elsewhere the (fast, but extra) check
    // ahead is needed. JSON Lines are read as they come.
    if !args.jsonl {
        let direct_output = args
            .output_file()
            .is_some_and(|o| std::fs::metadata(o).is_ok_and(|m| !m.is_file() && !m.is_dir()));
        let check_utf8 = args.output_file().is_none() || direct_output;
        for (_, path) in files() {
            precheck(path, false, check_utf8, args.encoding, threads(args))?;
        }
    }
    let mut output = Output::to(args.output_file())?;
    let mut state = OutState::default();
    for input in inputs {
        convert(input, &mut output, &mut state)?;
    }
    output.commit()
}

/// One input named on the command line.
#[derive(Clone, Debug)]
pub(super) enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    pub(super) fn source(&self) -> Source {
        match self {
            Input::Stdin => Source::Stdin,
            Input::File(p) => Source::path(p),
        }
    }
}

pub(super) fn inputs(files: &[OsString]) -> Result<Vec<Input>, CliError> {
    if files.is_empty() {
        return Ok(vec![Input::Stdin]);
    }
    let inputs: Vec<Input> = files
        .iter()
        .map(|f| {
            if f == "-" {
                Input::Stdin
            } else {
                Input::File(PathBuf::from(f))
            }
        })
        .collect();
    if inputs.iter().filter(|i| matches!(i, Input::Stdin)).count() > 1 {
        return Err(CliError::StdinTwice);
    }
    Ok(inputs)
}

/// Refuses an output that is one of the inputs: `-o` naming an input
/// (the output would replace it), or standard output appended to an input
/// (`bianyi convert … a.txt >> a.txt` would read its own output forever).
pub(super) fn refuse_output_is_input(args: &ConvertArgs, inputs: &[Input]) -> Result<(), CliError> {
    let files = inputs.iter().filter_map(|i| match i {
        Input::File(p) => Some(p.as_path()),
        Input::Stdin => None,
    });
    for p in files {
        match args.output_file() {
            Some(out) if same_file(out, p) => {
                return Err(CliError::OutputIsInput {
                    path: out.display().to_string(),
                });
            }
            None if !args.in_place && stdout_is(p) => {
                return Err(CliError::OutputIsInput {
                    path: p.display().to_string(),
                });
            }
            _ => {}
        }
    }
    Ok(())
}

/// The same file twice in place (or through a link) would be converted
/// twice.
pub(super) fn refuse_same_file_twice(inputs: &[Input]) -> Result<(), CliError> {
    let files: Vec<&Path> = inputs
        .iter()
        .filter_map(|i| match i {
            Input::File(p) => Some(p.as_path()),
            Input::Stdin => None,
        })
        .collect();
    refuse_same_paths_twice(&files)
}

/// Files named twice, under the same or another name (a link, `./a`), to
/// be replaced in place: refused (`convert --in-place`, `l10n convert
/// --in-place`).
pub(crate) fn refuse_same_paths_twice(files: &[&Path]) -> Result<(), CliError> {
    for (k, a) in files.iter().enumerate() {
        if let Some(b) = files[..k].iter().find(|b| same_file(a, b)) {
            return Err(CliError::SameFileTwice {
                first: b.display().to_string(),
                second: a.display().to_string(),
            });
        }
    }
    Ok(())
}

/// Standard input as a file, when it is a regular file (`bianyi convert <
/// file`): the conversion threads can then read it themselves (if it is
/// at its start).
#[cfg(unix)]
pub(super) fn stdin_file() -> Option<File> {
    use std::os::fd::AsFd;
    let file = File::from(io::stdin().as_fd().try_clone_to_owned().ok()?);
    file.metadata().ok()?.is_file().then_some(file)
}

#[cfg(not(unix))]
pub(super) fn stdin_file() -> Option<File> {
    None
}

pub(super) fn open(input: &Input, source: &Source) -> Result<Box<dyn Read>, CliError> {
    Ok(match input {
        Input::Stdin => Box::new(io::stdin().lock()),
        Input::File(path) => Box::new(File::open(path).map_err(|error| CliError::Read {
            source: source.clone(),
            error,
        })?),
    })
}
