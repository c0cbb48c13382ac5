//! Command-line arguments.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// The help heading of the glossary options of `convert` and `l10n
/// convert` (localized as `cli-heading-glossary`).
pub(crate) const GLOSSARY_HEADING: &str = "Glossary options";

/// bianyi: convert Chinese text between scripts and regional standards.
#[derive(Debug, Parser)]
#[command(name = "bianyi", version = version(), about, max_term_width = 100)]
pub(crate) struct Cli {
    /// Language of bianyi's messages (en-US, zh-Hans, zh-Hant, zh-TW, …);
    /// default: from LC_ALL, LC_MESSAGES or LANG.
    #[arg(long, global = true, value_name = "LOCALE")]
    pub(crate) lang: Option<String>,

    #[command(subcommand)]
    pub(crate) command: Command,
}

/// `bianyi 0.1.0 (OpenCC data 1.4.2, commit 0123456789)`: the OpenCC
/// release the dictionaries come from and the commit built (build.rs;
/// "unknown commit" outside a git checkout).
pub(crate) fn version() -> String {
    format!(
        "{} (OpenCC data {}, {})",
        env!("CARGO_PKG_VERSION"),
        bianyi_convert::data::OPENCC_DATA_VERSION,
        env!("BIANYI_COMMIT")
    )
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Convert text to a target (zh-Hans, zh-TW, …) or with an OpenCC config.
    Convert(ConvertArgs),
    /// Tell the script and regional standard of texts.
    Detect(DetectArgs),
    /// Maintain term glossaries: add, remove, list, check, merge, import,
    /// export, fmt, extract.
    Glossary(GlossaryArgs),
    /// Check a translation against glossaries: missing and forbidden terms.
    Qa(QaArgs),
    /// Align a text with its translation or conversion, sentence by
    /// sentence, and write the pairs (beads, TSV, JSONL, Markdown, TMX,
    /// XLIFF, HTML).
    Align(AlignArgs),
    /// Write a bilingual report (HTML or Markdown) of a conversion, or of a
    /// text and its translation.
    Report(ReportArgs),
    /// Localization files: derive zh-Hant, zh-TW or zh-HK files from
    /// zh-Hans ones (Fluent, gettext PO, JSON) without touching their syntax.
    L10n(L10nArgs),
    /// Start a project: write a commented bianyi.toml for what is in a
    /// folder (never over an existing one).
    Init(InitArgs),
    /// Build a project (bianyi.toml): convert what changed since the last
    /// build, in parallel.
    Build(BuildArgs),
    /// Check a project for CI: stale outputs, glossary QA of translations,
    /// forbidden terms, declared standards, locale placeholders (exit 1 on
    /// findings).
    Check(CheckArgs),
    /// Reviewers' decisions of a project: add one, or import them from
    /// `convert --ambiguities` output.
    Override(OverrideArgs),
    /// Print the completion script of a shell (bash, zsh, fish, powershell,
    /// elvish).
    Completions(crate::packaging::CompletionsArgs),
    /// Print the man page, or write one per command into a folder.
    Man(crate::packaging::ManArgs),
    /// A local web workspace over a project: its files and their state,
    /// each document beside its conversions, ambiguities decided with a
    /// click and saved as the project's overrides.
    Serve(ServeArgs),
    /// The aligner's word lexicon (CC-CEDICT's English glosses): fetch it
    /// into your data folder, show it, remove it.
    Dict(DictArgs),
}

#[derive(Debug, Args)]
pub(crate) struct L10nArgs {
    #[command(subcommand)]
    pub(crate) command: L10nCommand,
}

#[derive(Debug, Subcommand)]
pub(crate) enum L10nCommand {
    /// Convert the text of localization files; ids, keys, placeables,
    /// format specifiers and markup stay byte for byte, and the result is
    /// checked before it is written.
    Convert(L10nConvertArgs),
}

/// Formats of `bianyi l10n convert`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum L10nFormatArg {
    /// From the file extension (.ftl, .po, .pot, .json).
    Auto,
    /// Project Fluent.
    Ftl,
    /// GNU gettext PO.
    Po,
    /// JSON, flat or nested.
    Json,
}

#[derive(Debug, Args)]
pub(crate) struct L10nConvertArgs {
    /// The target: zh-Hans, zh-Hant, zh-TW, zh-HK or zh-CN.
    #[arg(long = "to", value_name = "TARGET", conflicts_with = "config")]
    pub(crate) to: Option<String>,

    /// With --to: also convert regional vocabulary (软件 ↔ 軟體).
    #[arg(long, requires = "to")]
    pub(crate) phrases: bool,

    /// Convert with this OpenCC config instead of a target.
    #[arg(short = 'c', long = "config", value_name = "CONFIG")]
    pub(crate) config: Option<String>,

    /// Localization files.
    #[arg(value_name = "FILE", required = true)]
    pub(crate) files: Vec<PathBuf>,

    /// The format of the files.
    #[arg(long, value_enum, default_value_t = L10nFormatArg::Auto)]
    pub(crate) format: L10nFormatArg,

    /// Write each result into this folder, under the input's file name
    /// (created if missing). Default: standard output (one file only).
    #[arg(
        short = 'o',
        long = "output-dir",
        value_name = "DIR",
        conflicts_with = "in_place"
    )]
    pub(crate) output_dir: Option<PathBuf>,

    /// Replace each FILE with its conversion (atomically).
    #[arg(long)]
    pub(crate) in_place: bool,

    /// Show the messages the conversion changes instead of writing.
    #[arg(long, value_name = "STYLE", num_args = 0..=1, require_equals = true, default_missing_value = "auto", conflicts_with_all = ["in_place", "output_dir"])]
    pub(crate) diff: Option<DiffStyle>,

    /// Also convert comments (Fluent comments; PO translator and extracted
    /// comments). By default they are kept as they are.
    #[arg(long)]
    pub(crate) comments: bool,

    /// Write “ ” ‘ ’ as 「 」 『 』 (Taiwan and Hong Kong typography).
    #[arg(long)]
    pub(crate) corner_quotes: bool,

    /// A file of reviewed wording, in the format of the inputs: its messages
    /// replace the converted ones of the same id or key (same placeables
    /// required).
    #[arg(long, value_name = "FILE")]
    pub(crate) overrides: Option<PathBuf>,

    #[command(flatten)]
    pub(crate) terms: TermArgs,
}

/// Glossaries applied while converting (listed apart in the help: they
/// matter only with --glossary).
#[derive(Debug, Args)]
#[command(next_help_heading = GLOSSARY_HEADING)]
pub(crate) struct TermArgs {
    /// Apply a glossary (TOML or TBX; repeat for several, later ones win).
    #[arg(long = "glossary", value_name = "FILE")]
    pub(crate) glossaries: Vec<PathBuf>,

    /// What to do with glossary terms found in the text.
    #[arg(long, value_enum, default_value_t = TermsMode::Replace, requires = "glossaries")]
    pub(crate) terms: TermsMode,

    /// Language terms are rendered in by --terms replace (default: the
    /// conversion's target) and added in by annotate (default: the
    /// glossary's target).
    #[arg(long, value_name = "LANG", requires = "glossaries")]
    pub(crate) term_lang: Option<String>,

    #[command(flatten)]
    pub(crate) columns: ColumnArgs,
}

/// Output formats of `bianyi align`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum AlignFormat {
    /// One line per bead: [0,1]:[2] (0-based, vecalign's convention).
    Beads,
    /// Source, target, score and flags, tab-separated, one bead per line.
    Tsv,
    /// One JSON object per bead.
    Jsonl,
    /// A Markdown table.
    Md,
    /// TMX 1.4b translation memory.
    Tmx,
    /// XLIFF 2.0.
    Xliff,
    /// A self-contained HTML page.
    Html,
}

/// How input is split into segments.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum SegmentedArg {
    /// Paragraphs, then sentences.
    Sentences,
    /// Already one segment per line.
    Lines,
}

#[derive(Debug, Args)]
pub(crate) struct AlignArgs {
    /// The source text.
    pub(crate) source: OsString,
    /// The target text (its translation or conversion).
    pub(crate) target: OsString,
    /// Language of the source (BCP 47: zh-Hant, zh-Hans, en, …); default:
    /// detected (Chinese and its script from the characters, Latin letters
    /// as en).
    #[arg(long, value_name = "LANG")]
    pub(crate) source_lang: Option<String>,
    /// Language of the target; default: detected, as for the source.
    #[arg(long, value_name = "LANG")]
    pub(crate) target_lang: Option<String>,
    /// What to write.
    #[arg(long, value_enum, default_value_t = AlignFormat::Beads)]
    pub(crate) format: AlignFormat,
    /// Where to write (atomically); default: standard output.
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    pub(crate) output: Option<PathBuf>,
    /// Write TSV and CSV cells that begin with = + - @ as they are, for tools
    /// (by default they get a ' so that spreadsheets do not run them as formulas).
    #[arg(long)]
    pub(crate) keep_formulas: bool,
    /// How the inputs are split.
    #[arg(long, value_enum, default_value_t = SegmentedArg::Sentences)]
    pub(crate) segmented: SegmentedArg,
    /// Glossaries whose term pairs anchor the alignment.
    #[arg(long = "glossary", value_name = "FILE")]
    pub(crate) glossaries: Vec<PathBuf>,
    /// A word lexicon to use instead of the installed one: a CC-CEDICT
    /// file, or one `bianyi dict fetch` compiled (only its English glosses
    /// are used).
    #[arg(long, value_name = "FILE", conflicts_with = "no_dict")]
    pub(crate) dict: Option<PathBuf>,
    /// Align without a word lexicon, even if one is installed (`bianyi dict
    /// fetch`): character glosses, anchors and what is learnt from the
    /// pair only.
    #[arg(long)]
    pub(crate) no_dict: bool,
    /// Say on standard error which word lexicon is used, or how to get one.
    #[arg(short = 'v', long)]
    pub(crate) verbose: bool,
    /// Beads scoring under this (the probability that a bead is right) are
    /// flagged low-confidence in every format; they stay in the output.
    #[arg(long, value_name = "SCORE", default_value_t = bianyi_align::LOW_CONFIDENCE, value_parser = parse_score)]
    pub(crate) min_score: f64,
    /// What the alignment looks at.
    #[arg(long, value_enum, default_value_t = AlignMethod::Lexical)]
    pub(crate) method: AlignMethod,
    /// Threads (the output is the same bytes for any number). Default: the
    /// number of cores, at most 4.
    #[arg(short = 'j', long = "threads", value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub(crate) threads: Option<u16>,
}

/// What `bianyi align` looks at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum AlignMethod {
    /// What the sentences say (a lexicon, numbers and names, translations
    /// learnt from the pair), their lengths and bead shapes.
    Lexical,
    /// Lengths and bead shapes only (Gale and Church).
    Length,
}

/// A score between 0 and 1.
fn parse_score(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if (0.0..=1.0).contains(&v) => Ok(v),
        _ => Err("a score is a number from 0 to 1".into()),
    }
}

/// Formats of `bianyi report`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum ReportFormat {
    /// A self-contained HTML page.
    Html,
    /// Markdown.
    Md,
    /// TMX of the aligned pair (project reports only).
    #[value(skip)]
    Tmx,
    /// XLIFF 2.0 of the aligned pair (project reports only).
    #[value(skip)]
    Xliff,
}

#[derive(Debug, Args)]
pub(crate) struct ReportArgs {
    /// The text to report on.
    pub(crate) file: OsString,
    /// Convert to this target (zh-Hans, zh-TW, …).
    #[arg(long = "to", value_name = "TARGET", conflicts_with = "config")]
    pub(crate) to: Option<String>,
    /// Convert with this OpenCC config.
    #[arg(short = 'c', long = "config", value_name = "CONFIG")]
    pub(crate) config: Option<String>,
    /// Glossaries: terms are applied (replace) and marked in the report.
    #[arg(long = "glossary", value_name = "FILE")]
    pub(crate) glossaries: Vec<PathBuf>,
    /// A translation of FILE: the report pairs the converted text with it,
    /// sentence by sentence, and checks its terms against the glossaries.
    #[arg(long, value_name = "TGT")]
    pub(crate) translation: Option<OsString>,
    /// Language of the translation.
    #[arg(
        long,
        value_name = "LANG",
        default_value = "en",
        requires = "translation"
    )]
    pub(crate) translation_lang: String,
    /// Align the translation without the installed word lexicon (`bianyi
    /// dict fetch`).
    #[arg(long, requires = "translation")]
    pub(crate) no_dict: bool,
    /// Where to write (atomically); default: standard output.
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    pub(crate) output: Option<PathBuf>,
    /// HTML or Markdown.
    #[arg(long, value_enum, default_value_t = ReportFormat::Html)]
    pub(crate) format: ReportFormat,
}

#[derive(Debug, Args)]
pub(crate) struct DictArgs {
    #[command(subcommand)]
    pub(crate) command: DictCommand,
}

#[derive(Debug, Subcommand)]
pub(crate) enum DictCommand {
    /// Download CC-CEDICT (or read it from a file), check it, and install
    /// its English glosses as the aligner's word lexicon in your data
    /// folder, with its licence notice.
    Fetch(DictFetchArgs),
    /// Show the installed word lexicon: where, source, date, SHA-256,
    /// headwords, licence.
    Info,
    /// Remove the word lexicon from your data folder.
    Remove,
}

#[derive(Debug, Args)]
pub(crate) struct DictFetchArgs {
    /// Where to get CC-CEDICT: an http(s) URL or a file, gzipped or not
    /// (`cedict_ts.u8`).
    #[arg(long, value_name = "URL|FILE", default_value = crate::dict::CEDICT_URL)]
    pub(crate) from: String,
}

/// Glossary file formats on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum GlossaryFormat {
    /// bianyi's canonical TOML.
    Toml,
    /// Tab-separated: source, target, comment (OmegaT).
    Tsv,
    /// Comma-separated, with a header row.
    Csv,
    /// TermBase eXchange (writes v3 TBX-Basic; reads v3 and v2).
    Tbx,
}

/// Languages of the columns of TSV and CSV glossaries.
#[derive(Debug, Args, Clone)]
pub(crate) struct ColumnArgs {
    /// Language of the first (source) column of TSV/CSV files, e.g. zh-Hant.
    #[arg(long, value_name = "LANG")]
    pub(crate) source_lang: Option<String>,

    /// Language of the second (target) column of TSV/CSV files, e.g. en.
    #[arg(long, value_name = "LANG")]
    pub(crate) target_lang: Option<String>,
}

#[derive(Debug, Args)]
pub(crate) struct GlossaryArgs {
    #[command(subcommand)]
    pub(crate) command: GlossaryCommand,
}

#[derive(Debug, Subcommand)]
pub(crate) enum GlossaryCommand {
    /// Add an entry, or with --id of an existing entry add terms to it or
    /// change their status. Refuses a new entry whose terms another entry
    /// has (see --merge, --new-entry).
    #[command(group(clap::ArgGroup::new("any_term").required(true).multiple(true).args(["terms", "admitted", "forbidden"])))]
    Add {
        /// The glossary (TOML); created if it does not exist.
        file: PathBuf,
        /// Preferred terms, as LANG=TEXT (zh-Hant=顏樂存 en="Yann LeCun").
        #[arg(value_name = "LANG=TEXT")]
        terms: Vec<String>,
        /// Admitted terms, as LANG=TEXT.
        #[arg(long, value_name = "LANG=TEXT")]
        admitted: Vec<String>,
        /// Forbidden terms, as LANG=TEXT.
        #[arg(long, value_name = "LANG=TEXT")]
        forbidden: Vec<String>,
        /// The entry's id (default: made from its first non-Chinese term).
        #[arg(long)]
        id: Option<String>,
        /// Add the terms to the entry that already has one of them.
        #[arg(long, conflicts_with_all = ["id", "new_entry"])]
        merge: bool,
        /// Add a new entry even if another entry has the same terms.
        #[arg(long)]
        new_entry: bool,
        /// Subject field.
        #[arg(long)]
        domain: Option<String>,
        /// A note about the concept.
        #[arg(long)]
        note: Option<String>,
        /// Match these terms only in the same letter case.
        #[arg(long)]
        case_sensitive: bool,
    },
    /// Remove entries by id, or with --term single terms of one entry.
    Remove {
        /// The glossary (TOML).
        file: PathBuf,
        /// Ids of the entries to remove.
        #[arg(required = true)]
        ids: Vec<String>,
        /// Remove only this term of the entry, as LANG=TEXT.
        #[arg(long, value_name = "LANG=TEXT")]
        term: Vec<String>,
    },
    /// List the entries of glossaries.
    List {
        /// Glossaries (TOML, TSV, CSV or TBX).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// JSON Lines, one entry per line.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        columns: ColumnArgs,
    },
    /// Report problems: duplicates, conflicting targets, forbidden terms
    /// allowed elsewhere, empty entries (exit 1 if any); and terms inside
    /// longer terms, as information.
    Check {
        /// Glossaries (TOML, TSV, CSV or TBX).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[command(flatten)]
        columns: ColumnArgs,
    },
    /// Merge glossaries into one; on the same id, later files win.
    Merge {
        /// Glossaries, in order of increasing priority.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The merged glossary (TOML), written atomically.
        #[arg(short = 'o', long = "output", required = true)]
        output: PathBuf,
        #[command(flatten)]
        columns: ColumnArgs,
    },
    /// Read a TSV, CSV or TBX glossary and write it as TOML.
    Import {
        /// The file to import.
        file: PathBuf,
        /// The TOML glossary to write (atomically).
        #[arg(short = 'o', long = "output", required = true)]
        output: PathBuf,
        /// The format of FILE (default: from its extension).
        #[arg(long, value_enum)]
        from: Option<GlossaryFormat>,
        #[command(flatten)]
        columns: ColumnArgs,
    },
    /// Write a glossary as TBX, TSV, CSV or TOML.
    Export {
        /// The glossary (TOML, or any readable format).
        file: PathBuf,
        /// The format to write.
        #[arg(long, value_enum)]
        format: GlossaryFormat,
        /// Where to write (atomically); default: standard output.
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
        /// Write TSV and CSV cells that begin with = + - @ as they are, for tools
        /// (by default they get a ' so that spreadsheets do not run them as formulas).
        #[arg(long)]
        keep_formulas: bool,
        #[command(flatten)]
        columns: ColumnArgs,
    },
    /// Rewrite glossaries in canonical form (sorted, stable formatting).
    Fmt {
        /// The TOML glossaries.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Only report files that are not canonical (exit 1 if any).
        #[arg(long)]
        check: bool,
    },
    /// Propose term pairs from bracketed glosses in articles:
    /// 亞歷山大·王(Alexandr Wang), “Avocado”（牛油果）.
    Extract {
        /// Articles; none or `-` reads standard input.
        files: Vec<OsString>,
        /// tsv: source, target, count, first context; toml: a glossary.
        #[arg(long, value_enum, default_value_t = ExtractFormat::Tsv)]
        format: ExtractFormat,
        /// Where to write (atomically); default: standard output.
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
        /// Write TSV and CSV cells that begin with = + - @ as they are, for tools
        /// (by default they get a ' so that spreadsheets do not run them as formulas).
        #[arg(long)]
        keep_formulas: bool,
        #[command(flatten)]
        columns: ColumnArgs,
    },
}

/// Output of `glossary extract`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum ExtractFormat {
    /// source, target, count, context.
    Tsv,
    /// A glossary in canonical TOML.
    Toml,
}

#[derive(Debug, Args)]
pub(crate) struct QaArgs {
    /// Glossaries to check against (later ones win).
    #[arg(long = "glossary", value_name = "FILE", required = true)]
    pub(crate) glossaries: Vec<PathBuf>,

    /// The source text.
    pub(crate) source: PathBuf,

    /// Its translation, paragraph by paragraph.
    pub(crate) target: PathBuf,

    /// JSON Lines instead of text, for tools.
    #[arg(long)]
    pub(crate) json: bool,

    #[command(flatten)]
    pub(crate) columns: ColumnArgs,
}

/// What happens to glossary terms found while converting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum TermsMode {
    /// Write the preferred term of the target language.
    Replace,
    /// Write the term converted, and the target term in brackets on its
    /// first mention.
    Annotate,
    /// Protect terms from conversion only.
    Keep,
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

    /// Also show the confidence, the probabilities behind the verdict and
    /// the evidence, with examples.
    #[arg(long)]
    pub(crate) explain: bool,

    /// Encoding of the input: a byte order mark decides; auto then takes
    /// UTF-8 if the text is UTF-8 and otherwise guesses (and says so).
    #[arg(long, value_enum, value_name = "ENCODING", default_value_t = EncodingArg::Auto)]
    pub(crate) encoding: EncodingArg,
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
    /// OpenCC's exact behaviour, or the path of an OpenCC config file
    /// (JSON).
    #[arg(short = 'c', long = "config", value_name = "CONFIG")]
    pub(crate) config: Option<String>,

    /// A text dictionary (OpenCC's format, KEY, a tab, VALUE per line) put
    /// in front of the first stage and segmentation of the config (-c) or
    /// of what the target (--to) converts with. Repeatable; an earlier one
    /// wins.
    #[arg(long = "dict", value_name = "FILE")]
    pub(crate) dicts: Vec<PathBuf>,

    /// Write “ ” ‘ ’ as 「 」 『 』 (Taiwan and Hong Kong typography). Off
    /// by default, also for zh-TW and zh-HK.
    #[arg(long)]
    pub(crate) corner_quotes: bool,

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
    #[arg(long, conflicts_with_all = ["config", "to", "dicts", "files", "output", "in_place"])]
    pub(crate) list_configs: bool,

    /// Threads converting large inputs (split at paragraph ends; the output
    /// is the same bytes for any number). Default: the number of cores; at
    /// most 4 per core and 256, and fewer when the system cannot start as
    /// many.
    #[arg(short = 'j', long = "threads", value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub(crate) threads: Option<u16>,

    /// Conversion engine: bianyi's own, or the system's libopencc (only in
    /// builds with the `opencc` feature).
    #[arg(long, value_enum, default_value_t = Engine::Bianyi)]
    pub(crate) engine: Engine,

    /// Convert every text file under DIR, keeping the tree, into -o OUTDIR
    /// (or in place with --in-place); binary files are skipped.
    #[arg(short = 'r', long = "recursive", value_name = "DIR", conflicts_with_all = ["files", "diff", "ambiguities", "list_configs"])]
    pub(crate) recursive: Option<PathBuf>,

    /// JSON Lines: each input line is a JSON object whose --field is
    /// converted; everything else on the line stays as it is.
    #[arg(long, conflicts_with_all = ["recursive", "diff", "ambiguities"])]
    pub(crate) jsonl: bool,

    /// With --jsonl: the field to convert, a name or a JSON pointer
    /// (/a/b); every string under it is converted.
    #[arg(long, value_name = "FIELD", default_value = "text", requires = "jsonl")]
    pub(crate) field: String,

    /// What the input is; only its human text is converted (auto: by the
    /// file's extension, plain text otherwise).
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = DocFormatArg::Auto)]
    pub(crate) format: DocFormatArg,

    /// With JSON: convert object keys too.
    #[arg(long)]
    pub(crate) json_keys: bool,

    /// The largest document that --format (other than text) reads, and the
    /// longest --jsonl line, as they are held whole: bytes, or with K, M or
    /// G (1024-based).
    #[arg(long, value_name = "SIZE", default_value = "256M", value_parser = parse_size)]
    pub(crate) max_document_size: u64,

    /// Encoding of the input: a byte order mark decides; auto then takes
    /// UTF-8 if the text is UTF-8 and otherwise guesses (and says so).
    #[arg(long, value_enum, value_name = "ENCODING", default_value_t = EncodingArg::Auto)]
    pub(crate) encoding: EncodingArg,

    /// Encoding of the output (default: the input's).
    #[arg(long, value_enum, value_name = "ENCODING")]
    pub(crate) output_encoding: Option<EncodingArg>,

    /// What to do with characters the output encoding cannot hold.
    #[arg(long, value_enum, value_name = "HOW", default_value_t = UnmappableArg::Error)]
    pub(crate) unmappable: UnmappableArg,

    /// Last: its options are under their own heading, which would go on
    /// to the options after it.
    #[command(flatten)]
    pub(crate) terms: TermArgs,
}

impl ConvertArgs {
    /// `-o`, where `-` is standard output (`None`).
    pub(crate) fn output_file(&self) -> Option<&std::path::Path> {
        crate::output::destination(self.output.as_deref())
    }
}

/// A size in bytes: a number, or one followed by K, M or G (times 1024,
/// 1024², 1024³).
fn parse_size(text: &str) -> Result<u64, String> {
    let (digits, unit) = match text.char_indices().last() {
        Some((i, c)) if c.is_ascii_alphabetic() => (&text[..i], c.to_ascii_uppercase()),
        _ => (text, 'B'),
    };
    let shift = match unit {
        'B' => 0,
        'K' => 10,
        'M' => 20,
        'G' => 30,
        _ => return Err("a size is a number of bytes, or one followed by K, M or G".into()),
    };
    digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(1 << shift))
        .ok_or_else(|| "a size is a number of bytes, or one followed by K, M or G".into())
}

/// Document formats of `bianyi convert --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum DocFormatArg {
    /// By the file extension (.md, .html, .srt, .vtt, .json); text otherwise.
    Auto,
    /// Plain text: everything is converted.
    Text,
    /// Markdown: not code, URLs or front matter keys.
    Markdown,
    /// HTML: text and title/alt/placeholder/aria-label; not scripts, styles,
    /// code or other attributes.
    Html,
    /// SubRip subtitles: cue text only.
    Srt,
    /// WebVTT subtitles: cue text only.
    Vtt,
    /// JSON: string values (and keys with --json-keys).
    Json,
}

/// Text encodings of `--encoding` and `--output-encoding`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum EncodingArg {
    /// Input: the byte order mark, else UTF-8 if valid, else a guess;
    /// output: the input's encoding.
    Auto,
    /// UTF-8.
    #[value(name = "utf-8")]
    Utf8,
    /// GB18030 (a superset of GBK and GB2312).
    Gb18030,
    /// GBK (read as GB18030, which contains it).
    Gbk,
    /// Big5 (with the HKSCS extensions when reading).
    Big5,
    /// UTF-16, little-endian.
    #[value(name = "utf-16le")]
    Utf16le,
    /// UTF-16, big-endian.
    #[value(name = "utf-16be")]
    Utf16be,
}

/// `--unmappable`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum UnmappableArg {
    /// Stop with an error naming the first such character (nothing is
    /// written to files).
    Error,
    /// Write it as a numeric character reference (&#31616;).
    Ncr,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum Engine {
    /// bianyi's engine (OpenCC 1.4.2 semantics, embedded dictionaries).
    Bianyi,
    /// The system's OpenCC library through opencc-rust.
    Opencc,
}

/// Where the project is (shared by the project commands).
#[derive(Debug, Args)]
pub(crate) struct ProjectArg {
    /// The project file, or its folder. Default: the bianyi.toml of the
    /// current folder or the nearest one above it.
    #[arg(long = "project", value_name = "PATH")]
    pub(crate) project: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct ServeArgs {
    /// The project file, or its folder (default: the bianyi.toml of the
    /// current folder or the nearest one above it); or one document, with
    /// --to, served without a project file.
    #[arg(value_name = "PATH")]
    pub(crate) project: Option<PathBuf>,
    /// Serve the document PATH without a project: convert it to this
    /// target (repeat for several).
    #[arg(long = "to", value_name = "TARGET")]
    pub(crate) to: Vec<String>,
    /// With --to: a glossary of the document (TOML, TSV, CSV or TBX; TOML
    /// ones can be edited; repeat for several, later ones win).
    #[arg(long = "glossary", value_name = "FILE")]
    pub(crate) glossaries: Vec<PathBuf>,
    /// With --to: where decisions are saved. Default: PATH.overrides.toml
    /// beside the document.
    #[arg(long, value_name = "FILE")]
    pub(crate) overrides: Option<PathBuf>,
    /// The port on 127.0.0.1. Default: a free one.
    #[arg(long, value_name = "PORT", default_value_t = 0)]
    pub(crate) port: u16,
    /// Open the workspace in the default browser.
    #[arg(long)]
    pub(crate) open: bool,
}

#[derive(Debug, Args)]
pub(crate) struct InitArgs {
    /// The project's folder.
    #[arg(value_name = "DIR", default_value = ".")]
    pub(crate) dir: PathBuf,
}

#[derive(Debug, Args)]
pub(crate) struct BuildArgs {
    #[command(flatten)]
    pub(crate) project: ProjectArg,
    /// List what would change; write nothing.
    #[arg(long, conflicts_with = "watch")]
    pub(crate) dry_run: bool,
    /// Write nothing; exit 1 if building would change any output (for CI).
    #[arg(long, conflicts_with_all = ["dry_run", "watch", "force"])]
    pub(crate) check: bool,
    /// Overwrite (or remove) outputs changed by hand since the last build.
    #[arg(long)]
    pub(crate) force: bool,
    /// Build, then build again whenever a file of the project changes
    /// (until interrupted).
    #[arg(long)]
    pub(crate) watch: bool,
    /// Files converted at once. Default: the number of cores.
    #[arg(short = 'j', long = "threads", value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub(crate) threads: Option<u16>,
}

/// Output formats of `bianyi check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum CheckFormat {
    /// One line per finding, for people.
    Human,
    /// One JSON object per finding (JSON Lines), for tools.
    Json,
}

#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    #[command(flatten)]
    pub(crate) project: ProjectArg,
    /// How findings are written.
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub(crate) format: CheckFormat,
    /// Files converted at once. Default: the number of cores.
    #[arg(short = 'j', long = "threads", value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub(crate) threads: Option<u16>,
}

#[derive(Debug, Args)]
pub(crate) struct OverrideArgs {
    #[command(subcommand)]
    pub(crate) command: OverrideCommand,
}

#[derive(Debug, Subcommand)]
pub(crate) enum OverrideCommand {
    /// Decide what a word becomes in the whole project, or with --at at one
    /// spot of one file.
    Add {
        #[command(flatten)]
        project: ProjectArg,
        /// The text as in the source.
        source: String,
        /// What the conversion must write for it.
        output: String,
        /// The spot: FILE:LINE:COLUMN (1-based, columns in characters), as
        /// `convert --ambiguities` gives them.
        #[arg(long, value_name = "FILE:LINE:COLUMN")]
        at: Option<String>,
        /// Only for these targets (repeat for several). Default: all.
        #[arg(long = "target", value_name = "TARGET")]
        targets: Vec<String>,
    },
    /// Turn `convert --ambiguities` records (JSON Lines, their `output` set
    /// to the reviewer's choice) into spot decisions.
    Import {
        #[command(flatten)]
        project: ProjectArg,
        /// The records; - for standard input.
        file: PathBuf,
        /// Only for these targets (repeat for several). Default: all.
        #[arg(long = "target", value_name = "TARGET")]
        targets: Vec<String>,
    },
}
