//! `bianyi completions SHELL` and `bianyi man`: what a package installs
//! beside the binary, generated from the command tree itself (clap_complete,
//! clap_mangen) with the texts of the user's language, as `--help` shows
//! them.

use std::path::PathBuf;

use clap::Args;

use crate::error::CliError;
use crate::help;
use crate::i18n::Localizer;
use crate::output;

#[derive(Debug, Args)]
pub(crate) struct CompletionsArgs {
    /// The shell: bash, zsh, fish, powershell or elvish.
    #[arg(value_enum, value_name = "SHELL")]
    pub(crate) shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub(crate) struct ManArgs {
    /// Write one page per command (bianyi.1, bianyi-convert.1, …) into
    /// this folder instead of printing bianyi.1.
    #[arg(short = 'o', long = "output-dir", value_name = "DIR")]
    pub(crate) output_dir: Option<PathBuf>,
}

/// Prints the completion script of `args.shell`.
pub(crate) fn completions(args: &CompletionsArgs, lang: Option<&str>) -> Result<(), CliError> {
    let l = Localizer::from_env(lang);
    let mut cmd = help::localized(&l);
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "bianyi", &mut script);
    output::write(None, &script)
}

/// Prints the man page of `bianyi`, or writes every command's page.
pub(crate) fn man(args: &ManArgs, lang: Option<&str>) -> Result<(), CliError> {
    let l = Localizer::from_env(lang);
    let cmd = help::localized(&l);
    let Some(dir) = &args.output_dir else {
        return output::write(None, &page(cmd)?);
    };
    std::fs::create_dir_all(dir).map_err(|error| CliError::Write {
        target: crate::error::Source::path(dir),
        error,
    })?;
    // The command and its subcommands, each named by its path
    // (bianyi-glossary-add.1), as clap_mangen's `generate_to` names them.
    let mut pages = Vec::new();
    collect(cmd, "bianyi", &mut pages)?;
    let files: Vec<(PathBuf, Vec<u8>)> = pages
        .into_iter()
        .map(|(name, bytes)| (dir.join(format!("{name}.1")), bytes))
        .collect();
    output::write_together(files.iter().map(|(p, b)| (p.as_path(), b.as_slice())))
}

fn collect(
    cmd: clap::Command,
    name: &str,
    pages: &mut Vec<(String, Vec<u8>)>,
) -> Result<(), CliError> {
    let mut cmd = cmd.name(name.to_string());
    cmd.build();
    for sub in cmd.get_subcommands() {
        // (`bianyi help` has no page of its own: it shows the others.)
        if sub.is_hide_set() || sub.get_name() == "help" {
            continue;
        }
        collect(sub.clone(), &format!("{name}-{}", sub.get_name()), pages)?;
    }
    pages.push((name.to_string(), page(cmd)?));
    Ok(())
}

fn page(cmd: clap::Command) -> Result<Vec<u8>, CliError> {
    let mut bytes = Vec::new();
    clap_mangen::Man::new(cmd)
        .render(&mut bytes)
        .map_err(|error| CliError::Write {
            target: crate::error::Source::Stdout,
            error,
        })?;
    Ok(bytes)
}
