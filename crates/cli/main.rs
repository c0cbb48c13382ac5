//! `bianyi`: convert Chinese text between scripts and regional standards.
//!
//! This is the only layer that prints. Exit codes: 0 success, 1 findings
//! (checks that found problems), 2 usage or input errors.

mod align;
mod args;
mod convert;
mod detect;
mod dict;
mod encoding;
mod error;
mod glossary;
mod help;
mod i18n;
mod json;
mod l10n;
mod lines;
mod output;
mod packaging;
mod project;
mod render;
#[cfg(feature = "opencc")]
mod system_opencc;
mod term;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use clap::error::ErrorKind;

use crate::args::{Cli, Command};
use crate::i18n::Localizer;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) => return command_line(&args, e),
    };
    output::cleanup::install();
    // Messages are loaded only when there is one to show: a successful run
    // does not pay for parsing the Fluent files.
    let result = match &cli.command {
        Command::Convert(args) => convert::run(args, cli.lang.as_deref()),
        Command::Detect(args) => detect::run(args, cli.lang.as_deref()),
        Command::Glossary(args) => glossary::run(args, cli.lang.as_deref()),
        Command::Qa(args) => glossary::qa(args, cli.lang.as_deref()),
        Command::Align(args) => align::run_align(args, cli.lang.as_deref()),
        Command::Report(args) => align::run_report(args, cli.lang.as_deref()),
        Command::L10n(args) => l10n::run(args, cli.lang.as_deref()),
        Command::Init(args) => project::init(args, cli.lang.as_deref()),
        Command::Build(args) => project::build(args, cli.lang.as_deref()),
        Command::Check(args) => project::check(args, cli.lang.as_deref()),
        Command::Override(args) => project::overrides(args, cli.lang.as_deref()),
        Command::Completions(args) => packaging::completions(args, cli.lang.as_deref()),
        Command::Man(args) => packaging::man(args, cli.lang.as_deref()),
        Command::Serve(args) => project::serve(args, cli.lang.as_deref()),
        Command::Dict(args) => dict::run(args, cli.lang.as_deref()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // The reader of standard output went away (`bianyi … | head`): it
        // has what it wanted, so this is success, quietly, as in ripgrep.
        // Commands let the write error come up to here.
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        // Findings were printed by the command itself.
        Err(e @ error::CliError::Findings) => ExitCode::from(e.exit_code()),
        Err(e) => {
            let l = Localizer::from_env(cli.lang.as_deref());
            let message = l.msg("error-line", &[("message", e.render(&l).into())]);
            // If stderr itself is gone there is nobody left to tell.
            let _ = writeln!(std::io::stderr().lock(), "{}", term::line(&message));
            ExitCode::from(e.exit_code())
        }
    }
}

/// Help, version, and command lines that do not parse: parsed again with
/// the texts of the user's language, and shown.
fn command_line(args: &[std::ffi::OsString], plain: clap::Error) -> ExitCode {
    if plain.kind() == ErrorKind::DisplayVersion {
        // `bianyi 0.1.0` reads the same in every language: no need to load
        // the messages and rebuild the command tree for it.
        let _ = plain.print();
        return ExitCode::SUCCESS;
    }
    let l = Localizer::from_env(help::lang_arg(args).as_deref());
    // `bianyi help convert` is `bianyi convert --help`, in the user's
    // language.
    let args = help::help_subcommand(args);
    let e = help::localized(&l)
        .try_get_matches_from(&args)
        .err()
        .unwrap_or(plain);
    match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            // A closed pipe (`bianyi --help | head`) is not an error.
            if e.kind() == ErrorKind::DisplayVersion {
                let _ = e.print();
            } else {
                // clap's heading colons and `[OPTIONS]` in the user's
                // language; styles kept on a terminal, dropped elsewhere,
                // as clap does.
                let text = help::finish_help(&e.render().ansi().to_string(), &l);
                let _ = if e.use_stderr() {
                    anstream::AutoStream::auto(std::io::stderr().lock()).write_all(text.as_bytes())
                } else {
                    anstream::AutoStream::auto(std::io::stdout().lock()).write_all(text.as_bytes())
                };
            }
            ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
        }
        _ => {
            let message = l.msg(
                "error-line",
                &[("message", help::error_text(&e, &l).into())],
            );
            let _ = writeln!(std::io::stderr().lock(), "{}", term::line(&message));
            ExitCode::from(2)
        }
    }
}
