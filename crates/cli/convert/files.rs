//! The inputs named on the command line: standard input or files, opened
//! for reading, and the refusals that protect them (an output that is an
//! input, a file named twice in place).

use std::ffi::OsString;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::args::ConvertArgs;
use crate::error::{CliError, Source};
use crate::output::{same_file, stdout_is};

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
        match &args.output {
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

/// Replaces the destinations of files staged by [`Output::stage`], in
/// order. If a replacement fails after others succeeded, the error says
/// which files were replaced and which were left as they were (the
/// temporary files of those are removed).
pub(crate) fn commit_all(staged: Vec<(Source, crate::output::Staged)>) -> Result<(), CliError> {
    let names: Vec<Source> = staged.iter().map(|(target, _)| target.clone()).collect();
    for (k, (target, staged)) in staged.into_iter().enumerate() {
        if let Err(error) = staged.commit() {
            if k == 0 {
                return Err(CliError::Write { target, error });
            }
            return Err(CliError::PartlyReplaced {
                target,
                error,
                replaced: names[..k].to_vec(),
                untouched: names[k..].to_vec(),
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

#[cfg(test)]
#[cfg(unix)]
mod tests {
    /// When replacing the second of three staged files fails, the first
    /// stays replaced, the third untouched with no temporary file left,
    /// and the error names both sides.
    #[test]
    fn a_failed_replacement_names_what_was_replaced() {
        use crate::error::{CliError, Source};
        use crate::output::Output;
        let dir = tempfile::tempdir().expect("temp dir");
        let (one, two) = (dir.path().join("one"), dir.path().join("two"));
        std::fs::create_dir(&one).expect("mkdir");
        std::fs::create_dir(&two).expect("mkdir");
        let files = [one.join("a.txt"), two.join("b.txt"), one.join("c.txt")];
        let mut staged = Vec::new();
        for path in &files {
            std::fs::write(path, "old").expect("write");
            let mut out = Output::file(path).expect("output");
            out.writer().write_all(b"new").expect("write");
            staged.push((Source::path(path), out.stage().expect("stage")));
        }
        // The second file's folder goes away before the replacements.
        std::fs::rename(&two, dir.path().join("gone")).expect("rename");
        let err = super::commit_all(staged).expect_err("must fail");
        let CliError::PartlyReplaced {
            replaced,
            untouched,
            ..
        } = err
        else {
            panic!("{err:?}");
        };
        assert_eq!(
            format!("{replaced:?}"),
            format!("{:?}", [Source::path(&files[0])])
        );
        assert_eq!(
            format!("{untouched:?}"),
            format!("{:?}", [Source::path(&files[1]), Source::path(&files[2])])
        );
        assert_eq!(std::fs::read_to_string(&files[0]).expect("a"), "new");
        assert_eq!(std::fs::read_to_string(&files[2]).expect("c"), "old");
        let left: Vec<_> = std::fs::read_dir(&one).expect("list").flatten().collect();
        assert_eq!(left.len(), 2, "temporary files left: {left:?}");
    }
}
