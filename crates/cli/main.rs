//! `bianyi`: convert Chinese text between scripts and regional standards.
//!
//! This is the only layer that prints. Exit codes: 0 success, 1 findings
//! (checks that found problems), 2 usage or input errors.

mod align;
mod args;
mod convert;
mod detect;
mod error;
mod glossary;
mod i18n;
mod l10n;
mod lines;
mod output;
mod render;
#[cfg(feature = "opencc")]
mod system_opencc;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use crate::args::{Cli, Command};
use crate::i18n::Localizer;

fn main() -> ExitCode {
    let cli = Cli::parse();
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
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // Findings were printed by the command itself.
        Err(e @ error::CliError::Findings) => ExitCode::from(e.exit_code()),
        Err(e) => {
            let l = Localizer::from_env(cli.lang.as_deref());
            let message = l.msg("error-line", &[("message", e.render(&l).into())]);
            // If stderr itself is gone there is nobody left to tell.
            let _ = writeln!(std::io::stderr().lock(), "{message}");
            ExitCode::from(e.exit_code())
        }
    }
}
