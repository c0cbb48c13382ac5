//! Command-line arguments.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// bianyi: convert Chinese text between scripts and regional standards.
#[derive(Debug, Parser)]
#[command(name = "bianyi", version, about, max_term_width = 100)]
pub(crate) struct Cli {
    /// Language of bianyi's messages (en-US, zh-Hans, zh-Hant, zh-TW, …);
    /// default: from LC_ALL, LC_MESSAGES or LANG.
    #[arg(long, global = true, value_name = "LOCALE")]
    pub(crate) lang: Option<String>,

    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Convert text to a target (zh-Hans, zh-TW, …) or with an OpenCC config.
    Convert(ConvertArgs),
    /// Tell the script and regional standard of texts.
    Detect(DetectArgs),
}

#[derive(Debug, Args)]
pub(crate) struct DetectArgs {
    /// Files to examine; none or `-` reads standard input.
    #[arg(value_name = "FILE")]
    pub(crate) files: Vec<OsString>,

    /// One result per paragraph (non-empty line) instead of per file.
    #[arg(long)]
    pub(crate) by_paragraph: bool,

    /// JSON Lines instead of text, for scripts.
    #[arg(long)]
    pub(crate) json: bool,
}

/// How to show a diff.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum DiffStyle {
    /// Colour on a terminal, unless NO_COLOR is set.
    Auto,
    /// Markers only: [-removed-]{+added+}.
    Plain,
    /// Markers and colour, always.
    Color,
}

#[derive(Debug, Args)]
pub(crate) struct ConvertArgs {
    /// The target: zh-Hans, zh-Hant, zh-TW, zh-HK or zh-CN (zh-SG, zh-MY as
    /// zh-CN; zh-MO as zh-HK). The source is detected.
    #[arg(long = "to", value_name = "TARGET", conflicts_with = "config")]
    pub(crate) to: Option<String>,

    /// With --to: also convert regional vocabulary (软件 ↔ 軟體).
    #[arg(long, requires = "to")]
    pub(crate) phrases: bool,

    /// The conversion: one of OpenCC's configs (see --list-configs), with
    /// OpenCC's exact behaviour.
    #[arg(short = 'c', long = "config", value_name = "CONFIG")]
    pub(crate) config: Option<String>,

    /// Show what the conversion changes (line by line, character diff)
    /// instead of the converted text.
    #[arg(long, value_name = "STYLE", num_args = 0..=1, require_equals = true, default_missing_value = "auto", conflicts_with_all = ["in_place", "ambiguities"])]
    pub(crate) diff: Option<DiffStyle>,

    /// Report, as JSON Lines, each place where a character or phrase had
    /// several candidates: position, source, choice, alternatives, rule.
    #[arg(long, conflicts_with = "in_place")]
    pub(crate) ambiguities: bool,

    /// Files to convert; none or `-` reads standard input.
    #[arg(value_name = "FILE")]
    pub(crate) files: Vec<OsString>,

    /// Write the result to this file (atomically) instead of standard output.
    #[arg(
        short = 'o',
        long = "output",
        value_name = "OUT",
        conflicts_with = "in_place"
    )]
    pub(crate) output: Option<PathBuf>,

    /// Replace each FILE with its conversion (atomically; permissions kept).
    #[arg(long)]
    pub(crate) in_place: bool,

    /// Also use the dictionaries OpenCC marks as possibly producing characters
    /// older fonts lack (TSCharactersExt in t2s, tw2s, hk2s, …).
    #[arg(long)]
    pub(crate) tofu_risk: bool,

    /// List the configs with a one-line description each, then exit.
    #[arg(long, conflicts_with_all = ["config", "to", "files", "output", "in_place"])]
    pub(crate) list_configs: bool,

    /// Threads converting large inputs (split at paragraph ends; the output
    /// is the same bytes for any number). Default: the number of cores.
    #[arg(short = 'j', long = "threads", value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub(crate) threads: Option<u16>,

    /// Conversion engine: bianyi's own, or the system's libopencc (only in
    /// builds with the `opencc` feature).
    #[arg(long, value_enum, default_value_t = Engine::Bianyi)]
    pub(crate) engine: Engine,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum Engine {
    /// bianyi's engine (OpenCC 1.4.2 semantics, embedded dictionaries).
    Bianyi,
    /// The system's OpenCC library through opencc-rust.
    Opencc,
}
