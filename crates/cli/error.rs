//! Every error the CLI reports, rendered through Fluent with one exit code.

use std::io;
use std::path::Path;

use bianyi_convert::{Config, Position};
use fluent_bundle::FluentValue;

use crate::i18n::Localizer;
use crate::term::shown;

/// How an input or output is named in messages: its path, standard input
/// or standard output.
#[derive(Clone, Debug)]
pub(crate) enum Source {
    Stdin,
    /// Shown as `-`.
    Stdout,
    Path(String),
}

impl Source {
    pub(crate) fn path(p: &Path) -> Source {
        Source::Path(p.display().to_string())
    }

    /// The name for a message, escaped for the terminal
    /// ([`crate::term::shown`]): pass it on as it is, never through
    /// `shown` again.
    pub(crate) fn render(&self, l: &Localizer) -> String {
        match self {
            Source::Stdin => l.msg("stdin-name", &[]),
            Source::Stdout => "-".to_string(),
            Source::Path(p) => shown(p),
        }
    }
}

#[derive(Debug)]
pub(crate) enum CliError {
    MissingConfig,
    /// An OpenCC config or dictionary file of `-c`/`--dict`.
    ConfigFile {
        path: String,
        line_column: Option<(u64, u64)>,
        problem: bianyi_convert::ConfigProblem,
    },
    UnknownConfig {
        name: String,
        suggestion: Option<Config>,
    },
    InvalidUtf8 {
        source: Source,
        position: Position,
        bytes: Vec<u8>,
    },
    Read {
        source: Source,
        error: io::Error,
    },
    Write {
        target: Source,
        error: io::Error,
    },
    /// Replacing several files failed at `target`, after `replaced` were
    /// replaced; `untouched` (`target` first) were not.
    PartlyReplaced {
        target: Source,
        error: io::Error,
        replaced: Vec<Source>,
        untouched: Vec<Source>,
    },
    OutputIsInput {
        path: String,
    },
    InPlaceStdin,
    InPlaceNotRegular {
        path: String,
    },
    /// `align` could not tell the language of an input; `option` names
    /// the option that gives it.
    AlignLangUnknown {
        path: String,
        option: &'static str,
    },
    /// `convert` was given a folder as a file (`-r` converts folders).
    InputIsFolder {
        path: String,
    },
    StdinTwice,
    SameFileTwice {
        first: String,
        second: String,
    },
    /// Two inputs would be written to the same output file.
    SameOutputTwice {
        path: String,
        first: String,
        second: String,
    },
    EngineNoTofuRisk,
    EngineOnlyConvert,
    /// `--engine opencc` with `--dict`.
    EngineNoDicts,
    /// `--phrases` with `-c` (clap lets it through: `--to`, which it
    /// requires, conflicts with `-c`).
    PhrasesNeedTarget,
    UnknownTarget {
        name: String,
    },
    /// A glossary could not be read, parsed or written.
    Glossary(bianyi_glossary::Error),
    /// A project (bianyi.toml) that cannot be read or built.
    Project(bianyi_project::Error),
    /// `bianyi init` over an existing project file.
    InitExists {
        path: String,
    },
    /// `bianyi serve` could not listen or serve.
    Serve(std::io::Error),
    /// `bianyi serve FILE --to T`: FILE cannot be served alone.
    ServeSingle(bianyi_serve::SingleError),
    /// `bianyi serve FILE` without --to.
    ServeNeedsTo {
        path: String,
    },
    /// `bianyi serve --to T` without a document.
    ServeNeedsFile,
    /// `bianyi serve DIR` of a folder without bianyi.toml.
    ServeNoProject {
        path: String,
    },
    /// A line of `override import` that is not an ambiguity record.
    OverrideRecord {
        path: String,
        line: usize,
    },
    /// TSV/CSV glossaries and QA need both --source-lang and --target-lang.
    NeedBothLangs,
    NoSuchEntry {
        id: String,
        path: String,
    },
    BadTermArg {
        arg: String,
    },
    /// `glossary remove --term`: the entry has no such term.
    NoSuchTerm {
        id: String,
        lang: String,
        term: String,
        path: String,
    },
    /// `glossary remove --term` with several ids.
    OneEntryForTerms,
    /// `glossary add`: a new entry whose term another entry has.
    SameTerms {
        term: String,
        lang: String,
        id: String,
        path: String,
    },
    /// `glossary add --merge`: no entry has any of the terms.
    NothingToMerge {
        path: String,
    },
    /// A check found problems; they were printed already (exit 1).
    Findings,
    /// A localization file does not parse, or its conversion would not.
    L10n {
        source: Source,
        format: bianyi_rewrite::L10nFormat,
        error: bianyi_rewrite::Error,
    },
    L10nUnknownFormat {
        path: String,
    },
    L10nManyToStdout,
    /// A document that does not parse, or whose conversion would change
    /// its markup.
    Document {
        source: Source,
        format: &'static str,
        error: bianyi_rewrite::Error,
    },
    /// `--ambiguities` on a document (it reports positions in plain text).
    AmbiguitiesOnText,
    /// A document (`--format`) larger than `--max-document-size`.
    DocumentTooLarge {
        source: Source,
        limit: u64,
    },
    /// A line of `--jsonl` input larger than `--max-document-size`.
    JsonLineTooLarge {
        source: Source,
        limit: u64,
    },
    /// A line of --jsonl input that is not JSON.
    JsonLine {
        source: Source,
        line: usize,
        column: usize,
        message: String,
    },
    /// `-r DIR -o DIR` naming the same folder.
    BatchOutputIsInput {
        path: String,
    },
    /// The batch output folder contains the folder being converted, so
    /// outputs could land on inputs.
    BatchOutputContainsInput {
        path: String,
        input: String,
    },
    /// A batch output would be written outside OUTDIR (through a link).
    BatchEscapes {
        path: String,
    },
    /// A file of a `-r` tree was replaced (by a link, another file) between
    /// the walk and its conversion; it was left alone.
    BatchChanged {
        path: String,
    },
    /// `-r` without -o or --in-place.
    BatchNeedsOutput,
    /// Some files of a batch failed (each was reported).
    BatchFailed {
        errors: u64,
    },
    /// Input that is not valid in its encoding.
    Malformed {
        source: Source,
        encoding: &'static str,
        offset: u64,
        bytes: Vec<u8>,
    },
    /// A character the output encoding cannot hold.
    Unmappable {
        target: Source,
        encoding: &'static str,
        ch: char,
        line: u64,
    },
    L10nOverride {
        source: Source,
        overrides: Source,
        key: String,
    },
    /// A dictionary or compiled word lexicon that cannot be used
    /// (`installed`: the one in the data folder).
    Dict {
        error: bianyi_align::LexiconError,
        installed: bool,
    },
    /// `dict fetch` of a gzip file that does not unpack.
    DictGzip {
        path: String,
        reason: String,
    },
    /// `dict fetch` could not download.
    DictDownload {
        url: String,
        reason: String,
    },
    /// `dict fetch URL` in a build without the `fetch` feature.
    #[cfg_attr(feature = "fetch", allow(dead_code))]
    DictNoDownload {
        url: String,
    },
    /// No data folder (no home folder and no BIANYI_DATA_DIR).
    DictNoDataDir,
    /// `dict info` or `dict remove` with no lexicon installed.
    DictNotInstalled {
        path: String,
    },
    #[cfg_attr(feature = "opencc", allow(dead_code))]
    EngineUnavailable,
    #[cfg_attr(not(feature = "opencc"), allow(dead_code))]
    EngineConfigMissing {
        config: Config,
        detail: String,
    },
}

impl CliError {
    /// bianyi's exit codes: 0 ok, 1 findings, 2 usage or input error.
    pub(crate) fn exit_code(&self) -> u8 {
        match self {
            CliError::Findings => 1,
            _ => 2,
        }
    }

    /// Standard output was closed by its reader (`bianyi … | head`): not
    /// an error, the reader has all it wanted.
    pub(crate) fn is_broken_pipe(&self) -> bool {
        matches!(
            self,
            CliError::Write { target: Source::Stdout, error }
                if error.kind() == io::ErrorKind::BrokenPipe
        )
    }

    /// The message. Every path and piece of user text goes through
    /// [`shown`] (`s`); texts rendered already (a [`Source`], a nested
    /// message) go as they are (`m`).
    pub(crate) fn render(&self, l: &Localizer) -> String {
        let s = |v: &str| FluentValue::from(shown(v));
        let m = |v: &str| FluentValue::from(v.to_string());
        match self {
            CliError::MissingConfig => l.msg("error-missing-config", &[]),
            CliError::ConfigFile {
                path,
                line_column,
                problem,
            } => config_file_error(path, *line_column, problem, l),
            CliError::UnknownConfig { name, suggestion } => {
                let list = Config::ALL
                    .iter()
                    .map(|c| c.name())
                    .collect::<Vec<_>>()
                    .join(", ");
                let mut text = l.msg(
                    "error-unknown-config",
                    &[("name", s(name)), ("configs", s(&list))],
                );
                if let Some(suggestion) = suggestion {
                    text.push('\n');
                    text.push_str(
                        &l.msg("hint-did-you-mean", &[("suggestion", s(suggestion.name()))]),
                    );
                }
                text
            }
            CliError::InvalidUtf8 {
                source,
                position,
                bytes,
            } => {
                let hex = hex(bytes);
                let text = l.msg(
                    "error-invalid-utf8",
                    &[
                        ("path", m(&source.render(l))),
                        ("line", FluentValue::from(position.line)),
                        ("column", FluentValue::from(position.column)),
                        ("offset", FluentValue::from(position.byte)),
                        ("bytes", s(&hex)),
                    ],
                );
                format!("{text}\n{}", l.msg("hint-not-utf8", &[]))
            }
            CliError::Read { source, error } => l.msg(
                "error-read",
                &[
                    ("path", m(&source.render(l))),
                    ("reason", m(&io_reason(error, l))),
                ],
            ),
            CliError::Write { target, error } => l.msg(
                "error-write",
                &[
                    ("path", m(&target.render(l))),
                    ("reason", m(&io_reason(error, l))),
                ],
            ),
            CliError::PartlyReplaced {
                target,
                error,
                replaced,
                untouched,
            } => {
                let list = |files: &[Source]| {
                    files
                        .iter()
                        .map(|f| f.render(l))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                l.msg(
                    "error-partly-replaced",
                    &[
                        ("path", m(&target.render(l))),
                        ("reason", m(&io_reason(error, l))),
                        ("replaced", m(&list(replaced))),
                        ("untouched", m(&list(untouched))),
                    ],
                )
            }
            CliError::OutputIsInput { path } => {
                l.msg("error-output-is-input", &[("path", s(path))])
            }
            CliError::InPlaceStdin => l.msg("error-in-place-stdin", &[]),
            CliError::InPlaceNotRegular { path } => {
                l.msg("error-in-place-not-regular", &[("path", s(path))])
            }
            CliError::AlignLangUnknown { path, option } => l.msg(
                "error-align-lang-unknown",
                &[("path", s(path)), ("option", s(option))],
            ),
            CliError::InputIsFolder { path } => {
                l.msg("error-input-is-folder", &[("path", s(path))])
            }
            CliError::StdinTwice => l.msg("error-stdin-twice", &[]),
            CliError::SameFileTwice { first, second } => l.msg(
                "error-same-file-twice",
                &[("first", s(first)), ("second", s(second))],
            ),
            CliError::SameOutputTwice {
                path,
                first,
                second,
            } => l.msg(
                "error-same-output-twice",
                &[
                    ("path", s(path)),
                    ("first", s(first)),
                    ("second", s(second)),
                ],
            ),
            CliError::EngineNoTofuRisk => l.msg("error-engine-no-tofu-risk", &[]),
            CliError::EngineOnlyConvert => l.msg("error-engine-only-convert", &[]),
            CliError::EngineNoDicts => l.msg("error-engine-no-dicts", &[]),
            CliError::PhrasesNeedTarget => l.msg("error-phrases-need-target", &[]),
            CliError::UnknownTarget { name } => l.msg("error-unknown-target", &[("name", s(name))]),
            CliError::Glossary(e) => glossary_error(e, l),
            CliError::Project(e) => crate::project::error(e, l),
            CliError::InitExists { path } => l.msg("error-init-exists", &[("path", s(path))]),
            CliError::Serve(e) => l.msg("error-serve", &[("reason", s(&e.to_string()))]),
            CliError::ServeSingle(e) => match e {
                bianyi_serve::SingleError::NotADocument(p) => l.msg(
                    "error-serve-not-document",
                    &[("path", s(&p.display().to_string()))],
                ),
                bianyi_serve::SingleError::Outside(p) => l.msg(
                    "error-serve-outside",
                    &[("path", s(&p.display().to_string()))],
                ),
                other => l.msg("error-serve", &[("reason", s(&other.to_string()))]),
            },
            CliError::ServeNeedsTo { path } => l.msg("error-serve-needs-to", &[("path", s(path))]),
            CliError::ServeNeedsFile => l.msg("error-serve-needs-file", &[]),
            CliError::ServeNoProject { path } => {
                l.msg("error-serve-no-project", &[("path", s(path))])
            }
            CliError::OverrideRecord { path, line } => l.msg(
                "error-override-record",
                &[("path", s(path)), ("line", FluentValue::from(*line))],
            ),
            CliError::NeedBothLangs => l.msg("error-need-langs", &[]),
            CliError::Dict { error, installed } => {
                let text = dict_error(error, l);
                if *installed {
                    format!("{text}\n{}", l.msg("hint-dict-installed-broken", &[]))
                } else {
                    text
                }
            }
            CliError::DictGzip { path, reason } => l.msg(
                "error-dict-gzip",
                &[("path", s(path)), ("reason", s(reason))],
            ),
            CliError::DictDownload { url, reason } => l.msg(
                "error-dict-download",
                &[("url", s(url)), ("reason", s(reason))],
            ),
            CliError::DictNoDownload { url } => l.msg("error-dict-no-download", &[("url", s(url))]),
            CliError::DictNoDataDir => l.msg("error-dict-no-data-dir", &[]),
            CliError::DictNotInstalled { path } => {
                l.msg("error-dict-not-installed", &[("path", s(path))])
            }
            CliError::NoSuchEntry { id, path } => {
                l.msg("error-no-such-entry", &[("id", s(id)), ("path", s(path))])
            }
            CliError::BadTermArg { arg } => l.msg("error-bad-term", &[("arg", s(arg))]),
            CliError::NoSuchTerm {
                id,
                lang,
                term,
                path,
            } => l.msg(
                "error-no-such-term",
                &[
                    ("id", s(id)),
                    ("lang", s(lang)),
                    ("term", s(term)),
                    ("path", s(path)),
                ],
            ),
            CliError::OneEntryForTerms => l.msg("error-one-entry-for-terms", &[]),
            CliError::SameTerms {
                term,
                lang,
                id,
                path,
            } => l.msg(
                "error-same-terms",
                &[
                    ("id", s(id)),
                    ("lang", s(lang)),
                    ("term", s(term)),
                    ("path", s(path)),
                ],
            ),
            CliError::NothingToMerge { path } => {
                l.msg("error-nothing-to-merge", &[("path", s(path))])
            }
            CliError::Findings => String::new(),
            CliError::L10n {
                source,
                format,
                error,
            } => l10n_error(&source.render(l), *format, error, l),
            CliError::L10nUnknownFormat { path } => {
                l.msg("error-l10n-format", &[("path", s(path))])
            }
            CliError::L10nManyToStdout => l.msg("error-l10n-many-files", &[]),
            CliError::Document {
                source,
                format,
                error,
            } => l.msg(
                "error-document",
                &[
                    ("path", m(&source.render(l))),
                    ("line", FluentValue::from(error.line())),
                    ("column", FluentValue::from(error.column())),
                    ("offset", FluentValue::from(error.offset())),
                    ("format", s(format)),
                    ("message", m(&document_reason(error.kind(), l))),
                ],
            ),
            CliError::AmbiguitiesOnText => l.msg("error-ambiguities-on-text", &[]),
            CliError::DocumentTooLarge { source, limit } => l.msg(
                "error-document-too-large",
                &[
                    ("path", s(&source.render(l))),
                    ("limit", FluentValue::from(*limit)),
                ],
            ),
            CliError::JsonLineTooLarge { source, limit } => l.msg(
                "error-json-line-too-large",
                &[
                    ("path", s(&source.render(l))),
                    ("limit", FluentValue::from(*limit)),
                ],
            ),
            CliError::JsonLine {
                source,
                line,
                column,
                message,
            } => l.msg(
                "error-jsonl",
                &[
                    ("path", m(&source.render(l))),
                    ("line", FluentValue::from(*line)),
                    ("column", FluentValue::from(*column)),
                    ("message", s(message)),
                ],
            ),
            CliError::BatchOutputIsInput { path } => {
                l.msg("error-batch-output-is-input", &[("path", s(path))])
            }
            CliError::BatchOutputContainsInput { path, input } => l.msg(
                "error-batch-output-contains-input",
                &[("path", s(path)), ("input", s(input))],
            ),
            CliError::BatchEscapes { path } => l.msg("error-batch-escapes", &[("path", s(path))]),
            CliError::BatchChanged { path } => l.msg("error-batch-changed", &[("path", s(path))]),
            CliError::BatchNeedsOutput => l.msg("error-batch-needs-output", &[]),
            CliError::BatchFailed { errors } => l.msg(
                "error-batch-failed",
                &[("errors", FluentValue::from(*errors))],
            ),
            CliError::Malformed {
                source,
                encoding,
                offset,
                bytes,
            } => l.msg(
                "error-malformed",
                &[
                    ("path", m(&source.render(l))),
                    ("encoding", s(encoding)),
                    ("offset", FluentValue::from(*offset)),
                    ("bytes", s(&hex(bytes))),
                ],
            ),
            CliError::Unmappable {
                target,
                encoding,
                ch,
                line,
            } => l.msg(
                "error-unmappable",
                &[
                    ("path", m(&target.render(l))),
                    ("encoding", s(encoding)),
                    ("char", s(&ch.to_string())),
                    ("code", s(&format!("U+{:04X}", u32::from(*ch)))),
                    ("line", FluentValue::from(*line)),
                ],
            ),
            CliError::L10nOverride {
                source,
                overrides,
                key,
            } => l.msg(
                "error-l10n-override",
                &[
                    ("path", m(&source.render(l))),
                    ("overrides", m(&overrides.render(l))),
                    ("key", s(key)),
                ],
            ),
            CliError::EngineUnavailable => l.msg("error-engine-unavailable", &[]),
            CliError::EngineConfigMissing { config, detail } => l.msg(
                "error-engine-config",
                &[("config", s(config.name())), ("detail", s(detail))],
            ),
        }
    }
}

/// Bytes as `E4 B8`.
fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Text from a file for a message: escaped ([`shown`]), at most 120 of
/// its characters.
fn excerpt(text: &str) -> String {
    match text.char_indices().nth(120) {
        Some((i, _)) => format!("{}…", shown(&text[..i])),
        None => shown(text),
    }
}

/// Why a document cannot be converted, in the user's language (a parser's
/// own words stay as they are; text from the file is shown escaped).
fn document_reason(kind: &bianyi_rewrite::ErrorKind, l: &Localizer) -> String {
    use bianyi_rewrite::ErrorKind as K;
    let s = |v: &str| FluentValue::from(excerpt(v));
    let example = ("example", s(kind.timing_example().unwrap_or_default()));
    match kind {
        K::Syntax(detail) => l.msg("doc-reason-syntax", &[("detail", s(detail))]),
        K::Html(detail) => l.msg("doc-reason-html", &[("detail", s(detail))]),
        K::DuplicateKey { key } => l.msg("doc-reason-duplicate-key", &[("key", s(key))]),
        K::StructureChanged { .. } => l.msg("doc-reason-structure", &[]),
        K::BadTiming { line, .. } => l.msg("doc-reason-bad-timing", &[("line", s(line)), example]),
        K::ExpectedCue => l.msg("doc-reason-srt-expected-cue", &[example]),
        K::ExpectedTiming { vtt: false } => l.msg("doc-reason-srt-expected-timing", &[example]),
        K::ExpectedTiming { vtt: true } => l.msg("doc-reason-vtt-expected-timing", &[example]),
        K::NoWebVttSignature => l.msg("doc-reason-vtt-signature", &[]),
        // A kind added to the library later: its own (English) words.
        other => excerpt(&other.to_string()),
    }
}

/// A dictionary or compiled lexicon that cannot be used: where and why.
fn dict_error(error: &bianyi_align::LexiconError, l: &Localizer) -> String {
    use bianyi_align::Problem as P;
    let path = FluentValue::from(shown(
        &error
            .path
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default(),
    ));
    let n = |v: usize| FluentValue::from(v);
    match &error.problem {
        P::Io(reason) => l.msg(
            "error-read",
            &[("path", path), ("reason", FluentValue::from(shown(reason)))],
        ),
        P::NotUtf8 { offset } => l.msg(
            "error-dict-not-utf8",
            &[("path", path), ("offset", n(*offset))],
        ),
        P::Malformed {
            line,
            column,
            offset,
            expected,
        } => l.msg(
            "error-dict-malformed",
            &[
                ("path", path),
                ("line", n(*line)),
                ("column", n(*column)),
                ("offset", n(*offset)),
                ("expected", FluentValue::from(*expected)),
            ],
        ),
        P::Empty => l.msg("error-dict-empty", &[("path", path)]),
        P::Version(found) => l.msg(
            "error-dict-version",
            &[("path", path), ("found", FluentValue::from(shown(found)))],
        ),
        P::Corrupt { line } => l.msg("error-dict-corrupt", &[("path", path), ("line", n(*line))]),
        // A problem added to the library later: its own (English) words.
        _ => shown(&error.to_string()),
    }
}

/// The reason part of an I/O error, localized for the common kinds.
pub(crate) fn io_reason(error: &io::Error, l: &Localizer) -> String {
    let id = match error.kind() {
        io::ErrorKind::NotFound => "io-not-found",
        io::ErrorKind::NotADirectory => "io-not-a-directory",
        io::ErrorKind::PermissionDenied => "io-permission-denied",
        io::ErrorKind::IsADirectory => "io-is-a-directory",
        io::ErrorKind::StorageFull => "io-storage-full",
        io::ErrorKind::FileTooLarge => "io-file-too-large",
        io::ErrorKind::ReadOnlyFilesystem => "io-read-only",
        _ => {
            // The system's own words (English on most systems), without
            // Rust's " (os error N)" suffix.
            let text = error.to_string();
            let text = match text.rfind(" (os error ") {
                Some(i) => text[..i].to_string(),
                None => text,
            };
            return l.msg("io-other", &[("detail", FluentValue::from(text))]);
        }
    };
    l.msg(id, &[])
}

/// A localization file error, with its place; `path` is shown already.
fn l10n_error(
    path: &str,
    format: bianyi_rewrite::L10nFormat,
    e: &bianyi_rewrite::Error,
    l: &Localizer,
) -> String {
    use bianyi_rewrite::ErrorKind as K;
    let s = |v: &str| FluentValue::from(shown(v));
    let place = [
        ("path", FluentValue::from(path.to_string())),
        ("line", FluentValue::from(e.line())),
        ("column", FluentValue::from(e.column())),
        ("offset", FluentValue::from(e.offset())),
        ("format", s(format.name())),
    ];
    match e.kind() {
        K::Syntax(message) => {
            let mut args = place.to_vec();
            args.push(("message", s(message)));
            l.msg("error-l10n-syntax", &args)
        }
        K::OutputSyntax(inner) => {
            let mut args = place.to_vec();
            args.push(("message", s(&inner.kind().to_string())));
            l.msg("error-l10n-output-syntax", &args)
        }
        K::StructureChanged { key: Some(key) } => {
            let mut args = place.to_vec();
            args.push(("key", s(key)));
            l.msg("error-l10n-structure", &args)
        }
        _ => shown(&e.to_string()),
    }
}

/// A glossary error: where (file:line:column, byte offset) and what.
pub(crate) fn glossary_error(e: &bianyi_glossary::Error, l: &Localizer) -> String {
    use bianyi_glossary::ErrorKind as K;
    let s = |v: &str| FluentValue::from(shown(v));
    let m = |v: &str| FluentValue::from(v.to_string());
    let mut place = e
        .file()
        .map(|p| shown(&p.display().to_string()))
        .unwrap_or_default();
    if let Some(at) = e.location() {
        if place.is_empty() {
            place = l.msg("glossary-text-name", &[]);
        }
        place = l.msg(
            "glossary-place",
            &[
                ("path", m(&place)),
                ("line", FluentValue::from(at.line)),
                ("column", FluentValue::from(at.column)),
                ("offset", FluentValue::from(at.byte)),
            ],
        );
    }
    let what = match e.kind() {
        K::Syntax { format, message } => l.msg(
            "glossary-syntax",
            &[
                ("format", s(&format.name().to_uppercase())),
                ("message", s(message)),
            ],
        ),
        K::InvalidLanguage { tag } => l.msg("glossary-bad-lang", &[("tag", s(tag))]),
        K::MissingField { field } if *field == "source and target languages" => {
            l.msg("error-need-langs", &[])
        }
        K::MissingField { field } => l.msg("glossary-missing-field", &[("field", s(field))]),
        K::InvalidValue {
            field,
            value,
            expected,
        } => l.msg(
            "glossary-bad-value",
            &[
                ("field", s(field)),
                ("value", s(value)),
                ("expected", s(expected)),
            ],
        ),
        K::DuplicateId { id } => l.msg("glossary-duplicate-id", &[("id", s(id))]),
        K::UnsafeXml { what } => l.msg("glossary-unsafe-xml", &[("what", s(what))]),
        K::TooLarge { message } => l.msg("glossary-too-large", &[("message", s(message))]),
        K::Io(error) => io_reason(error, l),
        // A kind without a message of its own: the library's words for the
        // kind alone (the whole error's text would repeat the place).
        _ => shown(&e.kind().to_string()),
    };
    if place.is_empty() {
        what
    } else {
        l.msg("glossary-at", &[("place", m(&place)), ("what", m(&what))])
    }
}

/// An OpenCC config or dictionary file that cannot be used: where, what,
/// and for an `ocd2` dictionary how to convert it.
fn config_file_error(
    path: &str,
    line_column: Option<(u64, u64)>,
    problem: &bianyi_convert::ConfigProblem,
    l: &Localizer,
) -> String {
    use bianyi_convert::ConfigProblem as P;
    let s = |v: &str| FluentValue::from(shown(v));
    let place = match line_column {
        Some((line, column)) => format!("{}:{line}:{column}", shown(path)),
        None => shown(path),
    };
    let (id, args): (&str, Vec<(&str, FluentValue<'_>)>) = match problem {
        P::Read(e) => (
            "config-problem-read",
            vec![("reason", io_reason(e, l).into())],
        ),
        P::NotUtf8 => ("config-problem-not-utf8", vec![]),
        P::Json(detail) => ("config-problem-json", vec![("detail", s(detail))]),
        P::Shape(detail) => ("config-problem-shape", vec![("detail", s(detail))]),
        P::UnknownDictType(t) => ("config-problem-dict-type", vec![("value", s(t))]),
        P::UnknownPolicy(p) => ("config-problem-policy", vec![("value", s(p))]),
        P::UnknownSegmentation(t) => ("config-problem-segmentation", vec![("value", s(t))]),
        P::Ocd2 => ("config-problem-ocd2", vec![]),
        P::NoTab => ("config-problem-no-tab", vec![]),
        P::EmptyKey => ("config-problem-empty-key", vec![]),
        P::EmptyValue => ("config-problem-empty-value", vec![]),
        P::DuplicateKey(k) => ("config-problem-duplicate-key", vec![("key", s(k))]),
        P::ReservedChar(c) => (
            "config-problem-reserved-char",
            vec![("char", format!("U+{:04X}", u32::from(*c)).into())],
        ),
        P::TooLarge => ("config-problem-too-large", vec![]),
        // Problems added to the library later: its own (English) words.
        other => {
            return l.msg(
                "error-config-file",
                &[("place", place.into()), ("problem", s(&other.to_string()))],
            );
        }
    };
    let mut text = l.msg(
        "error-config-file",
        &[
            ("place", place.into()),
            ("problem", l.msg(id, &args).into()),
        ],
    );
    if matches!(problem, P::Ocd2) {
        let txt = std::path::Path::new(path).with_extension("txt");
        text.push('\n');
        text.push_str(&l.msg(
            "hint-ocd2",
            &[("file", s(path)), ("txt", s(&txt.to_string_lossy()))],
        ));
    }
    text
}
