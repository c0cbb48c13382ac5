//! `bianyi convert`: convert files or standard input with an OpenCC config.

use std::ffi::OsString;
use std::fs::File;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use bianyi_convert::{Config, Converter, ErrorKind, Target, TargetConverter};

use bianyi_glossary::{Applier, TermMode};

use encoding_rs::{Encoding, UTF_8};

use bianyi_rewrite::{DocFormat, DocOptions};

use crate::args::{
    ConvertArgs, DocFormatArg, EncodingArg, Engine, TermArgs, TermsMode, UnmappableArg,
};
use crate::batch;
use crate::encoding::{self, OnUnmappable};
use crate::error::{CliError, Source};
use crate::glossary;
use crate::i18n::Localizer;
use crate::lines;
use crate::output::{Output, same_file, stdout_is};

/// One input named on the command line.
#[derive(Clone, Debug)]
pub(crate) enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    fn source(&self) -> Source {
        match self {
            Input::Stdin => Source::Stdin,
            Input::File(p) => Source::path(p),
        }
    }
}

pub(crate) fn run(args: &ConvertArgs, lang: Option<&str>) -> Result<(), CliError> {
    if args.list_configs {
        return list_configs(&Localizer::from_env(lang));
    }
    let batch = args.recursive.is_some();
    let job = job(args, lang, batch)?;
    let io = Io {
        encoding: args.encoding,
        output_encoding: args.output_encoding.and_then(encoding::encoding_of),
        unmappable: match args.unmappable {
            UnmappableArg::Error => OnUnmappable::Error,
            UnmappableArg::Ncr => OnUnmappable::Ncr,
        },
        lang: lang.map(str::to_string),
        format: args.format,
        json_keys: args.json_keys,
        target_tag: target_of(args).tag().to_string(),
    };
    if let Some(root) = &args.recursive {
        let destination = match (&args.output, args.in_place) {
            (Some(dir), _) => batch::Destination::Folder(dir.clone()),
            (None, true) => batch::Destination::InPlace,
            (None, false) => return Err(CliError::BatchNeedsOutput),
        };
        return batch::run(root, &destination, &job, &io, threads(args));
    }
    if args.jsonl {
        return jsonl(args, &job, &io).map_err(refine);
    }
    let inputs = inputs(&args.files)?;
    run_job(args, &job, &inputs, &io).map_err(refine)
}

/// An input ready for the engine: UTF-8, the output encoding, the
/// encoding `auto` guessed, if it did, and whether the reader gives the
/// input's bytes as they are (UTF-8 in and out).
pub(crate) type Opened<'r> = (
    Box<dyn Read + 'r>,
    &'static Encoding,
    Option<&'static Encoding>,
    bool,
);

/// Converts one piece of text.
type TextConverter<'a> = Box<dyn Fn(&str) -> String + 'a>;

/// How inputs are read and outputs written (encodings).
pub(crate) struct Io {
    pub(crate) encoding: EncodingArg,
    /// `None`: the input's.
    pub(crate) output_encoding: Option<&'static Encoding>,
    pub(crate) unmappable: OnUnmappable,
    pub(crate) lang: Option<String>,
    /// `--format`.
    pub(crate) format: DocFormatArg,
    pub(crate) json_keys: bool,
    /// The BCP 47 tag of what the conversion produces (for `lang`
    /// attributes of documents).
    pub(crate) target_tag: String,
}

/// The encoding of one output stream, fixed by its first input.
#[derive(Default)]
pub(crate) struct OutState {
    encoding: Option<&'static Encoding>,
    started: bool,
    /// The first input was UTF-16 with a byte order mark, or not UTF-16 at
    /// all: UTF-16 output then starts with one.
    utf16_bom: bool,
}

impl Io {
    /// `raw` as UTF-8: decoded when it is not UTF-8 (or when the output is
    /// not); with the output's encoding, and the encoding `auto` guessed
    /// (worth a note), if it did.
    pub(crate) fn open<'r>(
        &self,
        mut raw: Box<dyn Read + 'r>,
        source: &Source,
        state: &mut OutState,
    ) -> Result<Opened<'r>, CliError> {
        let head = encoding::head(&mut raw).map_err(|error| CliError::Read {
            source: source.clone(),
            error,
        })?;
        let chosen = encoding::choose(self.encoding, &head);
        let guessed = chosen.guessed.then_some(chosen.encoding);
        if state.encoding.is_none() {
            let utf16 = |e| e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE;
            state.utf16_bom = chosen.bom || !utf16(chosen.encoding);
        }
        let out = *state
            .encoding
            .get_or_insert(self.output_encoding.unwrap_or(chosen.encoding));
        let reader = io::Cursor::new(head).chain(raw);
        if chosen.is_utf8() && out == UTF_8 {
            // The fast path: bytes straight to the engine (a UTF-8 BOM is
            // kept as the character it is).
            return Ok((Box::new(reader), out, guessed, true));
        }
        Ok((
            Box::new(encoding::DecodingReader::new(reader, chosen.encoding)),
            out,
            guessed,
            false,
        ))
    }

    /// The document format of `source` (`auto`: by its extension; standard
    /// input is text).
    pub(crate) fn format_for(&self, source: &Source) -> DocFormat {
        match self.format {
            DocFormatArg::Auto => match source {
                Source::Path(p) if p != "-" => DocFormat::from_path(Path::new(p)),
                _ => DocFormat::Text,
            },
            DocFormatArg::Text => DocFormat::Text,
            DocFormatArg::Markdown => DocFormat::Markdown,
            DocFormatArg::Html => DocFormat::Html,
            DocFormatArg::Srt => DocFormat::Srt,
            DocFormatArg::Vtt => DocFormat::Vtt,
            DocFormatArg::Json => DocFormat::Json,
        }
    }

    /// `--encoding` names UTF-16 (whose text is full of NUL bytes).
    pub(crate) fn encoding_is_utf16(&self) -> bool {
        matches!(self.encoding, EncodingArg::Utf16le | EncodingArg::Utf16be)
    }

    /// `bytes` (an input) as text, as this conversion reads it.
    pub(crate) fn decode_input<'b>(&self, bytes: &'b [u8]) -> std::borrow::Cow<'b, str> {
        let head = bytes.get(..64 * 1024).unwrap_or(bytes);
        let chosen = encoding::choose(self.encoding, head);
        chosen.encoding.decode_with_bom_removal(bytes).0
    }

    /// The note saying which encoding was guessed for `source`.
    pub(crate) fn guessed_note(&self, source: &Source, encoding: &'static Encoding) -> String {
        let l = Localizer::from_env(self.lang.as_deref());
        l.msg(
            "note-encoding-guessed",
            &[
                ("path", source.render(&l).into()),
                ("encoding", encoding::name(encoding).into()),
            ],
        )
    }

    /// `output` writing `encoding` (a byte order mark first for UTF-16, at
    /// the start of the stream).
    pub(crate) fn writer<'w>(
        &self,
        output: &'w mut dyn Write,
        encoding: &'static Encoding,
        state: &mut OutState,
    ) -> Result<Box<dyn encoding::Finish + 'w>, io::Error> {
        let first = !state.started;
        state.started = true;
        if encoding == UTF_8 {
            return Ok(Box::new(output));
        }
        let bom = first
            && state.utf16_bom
            && (encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE);
        Ok(Box::new(encoding::EncodingWriter::new(
            output,
            encoding,
            bom,
            self.unmappable,
        )?))
    }
}

impl OutState {
    /// `bytes` (an output) as text.
    pub(crate) fn decode_output<'b>(&self, bytes: &'b [u8]) -> std::borrow::Cow<'b, str> {
        self.encoding
            .unwrap_or(UTF_8)
            .decode_with_bom_removal(bytes)
            .0
    }
}

/// Read and write errors that carry an encoding problem, as such.
pub(crate) fn refine(e: CliError) -> CliError {
    match e {
        CliError::Read { source, error } if encoding::malformed(&error).is_some() => {
            let m = encoding::malformed(&error);
            CliError::Malformed {
                source,
                encoding: m.map_or("", |m| encoding::name(m.encoding)),
                offset: m.map_or(0, |m| m.offset),
                bytes: m.map(|m| m.bytes.clone()).unwrap_or_default(),
            }
        }
        CliError::Write { target, error } if encoding::unmappable(&error).is_some() => {
            let u = encoding::unmappable(&error);
            CliError::Unmappable {
                target,
                encoding: u.map_or("", |u| encoding::name(u.encoding)),
                ch: u.map_or('\u{FFFD}', |u| u.ch),
                line: u.map_or(0, |u| u.line),
            }
        }
        other => other,
    }
}

/// What converts, and what is written.
pub(crate) enum Job {
    /// OpenCC config, converted text: the streaming engine.
    Stream(Backend),
    /// Line by line: targets, diffs, ambiguity reports, glossaries.
    Lines(lines::How, lines::Mode, Option<Applier>),
}

/// The language a conversion produces, for rendering glossary terms.
pub(crate) fn config_target(config: Config) -> Target {
    match config.name() {
        "t2s" | "tw2s" | "hk2s" => Target::Hans,
        "tw2sp" | "hk2sp" => Target::Mainland,
        "s2tw" | "s2twp" | "t2tw" => Target::Taiwan,
        "s2hk" | "s2hkp" | "t2hk" => Target::HongKong,
        _ => Target::Hant,
    }
}

/// The error for a config name that does not parse.
pub(crate) fn config_error(e: bianyi_convert::Error, name: &str) -> CliError {
    match e.into_kind() {
        ErrorKind::UnknownConfig { name, suggestion } => {
            CliError::UnknownConfig { name, suggestion }
        }
        // Parsing a name fails only as an unknown config.
        _ => CliError::UnknownConfig {
            name: name.to_string(),
            suggestion: None,
        },
    }
}

/// The glossaries of `--glossary`, ready to apply for `target`.
fn applier(
    args: &ConvertArgs,
    lang: Option<&str>,
    target: Target,
) -> Result<Option<Applier>, CliError> {
    glossary_applier(&args.terms, lang, target)
}

/// The glossaries of `--glossary`, ready to apply for `target`.
pub(crate) fn glossary_applier(
    args: &TermArgs,
    lang: Option<&str>,
    target: Target,
) -> Result<Option<Applier>, CliError> {
    if args.glossaries.is_empty() {
        return Ok(None);
    }
    let l = Localizer::from_env(lang);
    let cols = glossary::columns(&args.columns)?;
    let term_lang = args
        .term_lang
        .as_deref()
        .map(glossary::lang_arg)
        .transpose()?;
    let target_lang = glossary::lang_arg(target.tag())?;
    let g = glossary::stack(
        &l,
        &args.glossaries,
        cols.as_ref(),
        Some(term_lang.as_ref().unwrap_or(&target_lang)),
    )?;
    let mode = match args.terms {
        TermsMode::Replace => TermMode::Replace,
        TermsMode::Annotate => TermMode::Annotate,
        TermsMode::Keep => TermMode::Keep,
    };
    let to_target = TargetConverter::new(target);
    let matcher = glossary::applier_matcher(&args.glossaries, &g)?;
    Ok(Some(Applier::with_matcher(
        &g,
        matcher,
        mode,
        &target_lang,
        term_lang.as_ref(),
        &|t| to_target.convert(t),
    )))
}

/// What the conversion of `args` produces (zh-Hant when it cannot tell).
fn target_of(args: &ConvertArgs) -> Target {
    if let Some(t) = args.to.as_deref().and_then(|t| t.parse().ok()) {
        return t;
    }
    args.config
        .as_deref()
        .and_then(|c| c.parse::<Config>().ok())
        .map_or(Target::Hant, config_target)
}

/// The number of threads of `-j` (default: the cores).
fn threads(args: &ConvertArgs) -> usize {
    args.threads.map_or_else(
        || std::thread::available_parallelism().map_or(1, usize::from),
        usize::from,
    )
}

/// The conversion of `args`; `batch`: files run in parallel, each on one
/// thread.
fn job(args: &ConvertArgs, lang: Option<&str>, batch: bool) -> Result<Job, CliError> {
    let mode = match (args.diff, args.ambiguities) {
        (Some(style), _) => lines::Mode::Diff {
            color: lines::color_wanted(style, args.output.is_none()),
        },
        (None, true) => lines::Mode::Ambiguities,
        (None, false) => lines::Mode::Text,
    };
    let line_mode = !matches!(mode, lines::Mode::Text);
    if let Some(tag) = &args.to {
        if args.engine == Engine::Opencc {
            return Err(CliError::EngineOnlyConvert);
        }
        let target: Target = tag
            .parse()
            .map_err(|_| CliError::UnknownTarget { name: tag.clone() })?;
        return Ok(Job::Lines(
            lines::How::Target(TargetConverter::new(target).phrases(args.phrases)),
            mode,
            applier(args, lang, target)?,
        ));
    }
    let name = args.config.as_deref().ok_or(CliError::MissingConfig)?;
    let config: Config = name
        .parse()
        .map_err(|e: bianyi_convert::Error| config_error(e, name))?;
    let threads = if batch { 1 } else { threads(args) };
    if args.tofu_risk && args.engine == Engine::Opencc {
        return Err(CliError::EngineNoTofuRisk);
    }
    if line_mode || !args.terms.glossaries.is_empty() {
        if args.engine == Engine::Opencc {
            return Err(CliError::EngineOnlyConvert);
        }
        let conv = Converter::builder(config).tofu_risk(args.tofu_risk).build();
        return Ok(Job::Lines(
            lines::How::Config(Box::new(conv)),
            mode,
            applier(args, lang, config_target(config))?,
        ));
    }
    Ok(Job::Stream(Backend::new(
        config,
        args.tofu_risk,
        args.engine,
        threads,
    )?))
}

/// Refuses an output that is one of the inputs: `-o` naming an input
/// (the output would replace it), or standard output appended to an input
/// (`bianyi convert … a.txt >> a.txt` would read its own output forever).
fn refuse_output_is_input(args: &ConvertArgs, inputs: &[Input]) -> Result<(), CliError> {
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
fn refuse_same_file_twice(inputs: &[Input]) -> Result<(), CliError> {
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

fn run_job(
    args: &ConvertArgs,
    backend: &Job,
    inputs: &[Input],
    io_opts: &Io,
) -> Result<(), CliError> {
    if args.in_place && inputs.iter().any(|i| matches!(i, Input::Stdin)) {
        return Err(CliError::InPlaceStdin);
    }
    refuse_output_is_input(args, inputs)?;
    let files: Vec<&Path> = inputs
        .iter()
        .filter_map(|i| match i {
            Input::File(p) => Some(p.as_path()),
            Input::Stdin => None,
        })
        .collect();
    if args.in_place {
        refuse_same_file_twice(inputs)?;
    }
    // Check every file before writing anything: a missing file or invalid
    // UTF-8 in the third input must not leave the first two converted. Into
    // regular files (-o, --in-place, which replaces the files only when all
    // are converted) invalid UTF-8 found while converting only discards the
    // temporary files, so the (fast, but extra) read-ahead check is needed
    // for standard output and outputs that are not regular files.
    let direct_output = args
        .output
        .as_ref()
        .is_some_and(|o| std::fs::metadata(o).is_ok_and(|m| !m.is_file() && !m.is_dir()));
    let check_utf8 = !args.in_place && (args.output.is_none() || direct_output);
    for input in inputs {
        if let Input::File(path) = input {
            precheck(
                path,
                args.in_place,
                check_utf8,
                io_opts.encoding,
                threads(args),
            )?;
        }
    }

    if args.in_place {
        // Every file is converted into its temporary file before any is
        // replaced: an error in the last file (a character its encoding
        // cannot hold, a document whose markup would change, a full disk)
        // leaves every file as it was.
        let mut staged = Vec::with_capacity(files.len());
        for input in inputs {
            if let Input::File(path) = input {
                let target = Source::path(path);
                let write_error = |error| CliError::Write {
                    target: target.clone(),
                    error,
                };
                let mut output = Output::file(path).map_err(write_error)?;
                backend.convert(
                    input,
                    output.writer(),
                    &target,
                    io_opts,
                    &mut OutState::default(),
                )?;
                staged.push((target.clone(), output.stage().map_err(write_error)?));
            }
        }
        return commit_all(staged);
    }

    let (mut output, target) = match &args.output {
        Some(path) => {
            let target = Source::path(path);
            let output = Output::file(path).map_err(|error| CliError::Write {
                target: target.clone(),
                error,
            })?;
            (output, target)
        }
        None => (Output::stdout(), Source::Path("-".to_string())),
    };
    let to_stdout = args.output.is_none();
    let mut state = OutState::default();
    for input in inputs {
        match backend.convert(input, output.writer(), &target, io_opts, &mut state) {
            Err(CliError::Write { error, .. })
                if to_stdout && error.kind() == io::ErrorKind::BrokenPipe =>
            {
                // The reader went away (`bianyi … | head`): not an error.
                return Ok(());
            }
            other => other?,
        }
    }
    match output.commit() {
        Err(error) if to_stdout && error.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(|error| CliError::Write { target, error }),
    }
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

fn inputs(files: &[OsString]) -> Result<Vec<Input>, CliError> {
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

/// Opens `path` to make sure it can be read, and (when `check_utf8`) checks
/// that a regular file is valid UTF-8 all the way through.
fn precheck(
    path: &Path,
    in_place: bool,
    check_utf8: bool,
    encoding_arg: EncodingArg,
    threads: usize,
) -> Result<(), CliError> {
    let source = Source::path(path);
    let read_error = |error| CliError::Read {
        source: source.clone(),
        error,
    };
    let file = File::open(path).map_err(read_error)?;
    let metadata = file.metadata().map_err(read_error)?;
    if metadata.is_dir() {
        return Err(read_error(io::Error::new(
            io::ErrorKind::IsADirectory,
            "is a directory",
        )));
    }
    if !metadata.is_file() {
        if in_place {
            return Err(CliError::InPlaceNotRegular {
                path: path.display().to_string(),
            });
        }
        // A FIFO or device can be read only once: it is checked while converting.
        return Ok(());
    }
    if !check_utf8 {
        return Ok(());
    }
    let mut file = io::BufReader::new(file);
    let head = encoding::head(&mut file).map_err(read_error)?;
    let chosen = encoding::choose(encoding_arg, &head);
    let reader = io::Cursor::new(head).chain(file);
    if chosen.is_utf8() {
        #[cfg(unix)]
        if is_utf8_file(reader.get_ref().1.get_ref(), metadata.len(), threads)
            .map_err(read_error)?
        {
            return Ok(());
        }
        #[cfg(not(unix))]
        let _ = threads;
        // Not UTF-8: read again, counting lines, for the fault's position.
        return bianyi_convert::check_utf8(reader)
            .map(|_| ())
            .map_err(|e| library_error(e, &source, &source));
    }
    io::copy(
        &mut encoding::DecodingReader::new(reader, chosen.encoding),
        &mut io::sink(),
    )
    .map(|_| ())
    .map_err(|error| refine(read_error(error)))
}

/// Whether the regular file `file` (of `len` bytes) is UTF-8 throughout:
/// read with positioned reads in large blocks, on up to `threads` threads
/// for big files (each range starting at a character), without counting
/// lines. It only says yes or no; where the fault is, is for
/// [`bianyi_convert::check_utf8`] to tell.
#[cfg(unix)]
fn is_utf8_file(file: &File, len: u64, threads: usize) -> io::Result<bool> {
    // Ranges of at least 8 MiB, read in blocks of 256 KiB.
    utf8_in_ranges(file, len, threads, 8 << 20, 256 * 1024)
}

/// [`is_utf8_file`] with ranges of at least `min_range` bytes read in
/// blocks of `block` bytes.
#[cfg(unix)]
fn utf8_in_ranges(
    file: &File,
    len: u64,
    threads: usize,
    min_range: u64,
    block: usize,
) -> io::Result<bool> {
    let parts = (len / min_range.max(1)).clamp(1, threads.max(1) as u64);
    let mut starts = vec![0];
    for k in 1..parts {
        let at = len / parts * k;
        let mut head = [0u8; 4];
        let n = read_full_at(file, &mut head, at)?;
        // A character is at most 4 bytes: the range starts after the
        // continuation bytes of the one that begins before `at`.
        match head[..n].iter().position(|&b| b & 0xC0 != 0x80) {
            Some(skip) => starts.push(at + skip as u64),
            None if n < head.len() => starts.push(at + n as u64),
            None => return Ok(false),
        }
    }
    starts.push(len);
    let ranges: Vec<(u64, u64)> = starts.windows(2).map(|w| (w[0], w[1])).collect();
    let (first, rest) = ranges.split_first().unwrap_or((&(0, 0), &[]));
    let valid = std::thread::scope(|scope| {
        // A range whose thread cannot be started is checked here.
        let others: Vec<_> = rest
            .iter()
            .map(|&(from, to)| {
                std::thread::Builder::new()
                    .spawn_scoped(scope, move || range_is_utf8(file, from, to, block))
                    .map_err(|_| (from, to))
            })
            .collect();
        let mut valid = range_is_utf8(file, first.0, first.1, block)?;
        for other in others {
            valid &= match other {
                Ok(handle) => handle.join().unwrap_or(Ok(false))?,
                Err((from, to)) => range_is_utf8(file, from, to, block)?,
            };
        }
        Ok::<bool, io::Error>(valid)
    })?;
    // The size is the one seen when the file was opened: a file that has
    // grown since (a log), or whose size says nothing (some pseudo-files
    // say 0), gets the full check.
    Ok(valid && read_full_at(file, &mut [0u8; 1], len)? == 0)
}

/// Whether bytes `from..to` of `file` are whole UTF-8 characters.
#[cfg(unix)]
fn range_is_utf8(file: &File, from: u64, to: u64, block: usize) -> io::Result<bool> {
    let block = block.max(4);
    let mut buf = vec![0u8; block + 4];
    // The start of a character split between reads (at most 3 bytes).
    let mut carried = 0;
    let mut at = from;
    while at < to {
        let want = usize::try_from(to - at).map_or(block, |left| left.min(block));
        let n = read_full_at(file, &mut buf[carried..carried + want], at)?;
        if n == 0 {
            // The file shrank: let the full check tell.
            return Ok(false);
        }
        at += n as u64;
        let filled = carried + n;
        match simdutf8::compat::from_utf8(&buf[..filled]) {
            Ok(_) => carried = 0,
            Err(e) if e.error_len().is_none() && at < to => {
                let valid = e.valid_up_to();
                buf.copy_within(valid..filled, 0);
                carried = filled - valid;
            }
            Err(_) => return Ok(false),
        }
    }
    Ok(carried == 0)
}

/// Reads into `buf` from offset `at` until it is full or the file ends;
/// returns how much was read.
#[cfg(unix)]
fn read_full_at(file: &File, buf: &mut [u8], at: u64) -> io::Result<usize> {
    use std::os::unix::fs::FileExt;
    let mut done = 0;
    while done < buf.len() {
        match file.read_at(&mut buf[done..], at + done as u64) {
            Ok(0) => break,
            Ok(n) => done += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(done)
}

fn library_error(e: bianyi_convert::Error, source: &Source, target: &Source) -> CliError {
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
        other => CliError::Read {
            source: source.clone(),
            error: io::Error::other(format!("{other:?}")),
        },
    }
}

fn list_configs(l: &Localizer) -> Result<(), CliError> {
    let mut text = String::new();
    for c in Config::ALL {
        let description = l.msg(&format!("config-{}", c.name()), &[]);
        text.push_str(&format!("{:<7}{description}\n", c.name()));
    }
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(CliError::Write {
            target: Source::Path("-".to_string()),
            error: e,
        }),
        _ => Ok(()),
    }
}

impl Job {
    fn convert(
        &self,
        input: &Input,
        output: &mut dyn Write,
        target: &Source,
        io_opts: &Io,
        state: &mut OutState,
    ) -> Result<(), CliError> {
        let source = input.source();
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
            output,
            target,
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
    pub(crate) fn convert_reader(
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
        let (reader, out_encoding, guessed, verbatim) = io_opts.open(raw, source, state)?;
        if let Some(e) = guessed {
            note(io_opts.guessed_note(source, e));
        }
        let write_error = |error| CliError::Write {
            target: target.clone(),
            error,
        };
        let mut writer = io_opts
            .writer(output, out_encoding, state)
            .map_err(write_error)?;
        let format = io_opts.format_for(source);
        if format != DocFormat::Text {
            self.convert_document(format, reader, source, &mut writer, target, io_opts)?;
            return writer.finish().map_err(write_error);
        }
        match self {
            Job::Stream(backend) => {
                // Bytes as they are: the engine may read the file itself.
                let file = file.filter(|_| verbatim);
                backend.convert(reader, file, &mut writer, source, target)?;
            }
            Job::Lines(how, mode, terms) => lines::run(
                how,
                *mode,
                terms.as_ref(),
                reader,
                &mut writer,
                source,
                target,
            )?,
        }
        writer.finish().map_err(write_error)
    }
}

impl Job {
    /// A document (Markdown, HTML, subtitles, JSON): read whole, its human
    /// text converted, the rest kept.
    fn convert_document(
        &self,
        format: DocFormat,
        mut reader: Box<dyn Read + '_>,
        source: &Source,
        output: &mut dyn Write,
        target: &Source,
        io_opts: &Io,
    ) -> Result<(), CliError> {
        let mut bytes = Vec::new();
        reader
            .read_to_end(&mut bytes)
            .map_err(|error| CliError::Read {
                source: source.clone(),
                error,
            })?;
        let text = crate::detect::utf8_text(source.clone(), bytes)?;
        let convert = self.text_converter(&text)?;
        let options = DocOptions {
            json_keys: io_opts.json_keys,
            lang: Some(io_opts.target_tag.clone()),
        };
        let out = bianyi_rewrite::convert_document(format, &text, &options, &mut |t| convert(t))
            .map_err(|error| CliError::Document {
                source: source.clone(),
                format: format.name(),
                error,
            })?;
        let write_error = |error| CliError::Write {
            target: target.clone(),
            error,
        };
        match self {
            Job::Lines(_, lines::Mode::Diff { color }, _) => {
                // Changed lines, as for text.
                let (old, new): (Vec<&str>, Vec<&str>) =
                    (text.lines().collect(), out.lines().collect());
                if old.len() == new.len() {
                    for (k, (a, b)) in old.iter().zip(&new).enumerate() {
                        if a != b {
                            let line = lines::diff_line(&(k + 1).to_string(), a, b, *color);
                            output.write_all(line.as_bytes()).map_err(write_error)?;
                        }
                    }
                    return Ok(());
                }
                let line = lines::diff_line("1", &text, &out, *color);
                output.write_all(line.as_bytes()).map_err(write_error)
            }
            Job::Lines(_, lines::Mode::Ambiguities, _) => Err(CliError::AmbiguitiesOnText),
            _ => output.write_all(out.as_bytes()).map_err(write_error),
        }
    }
}

/// Standard input as a file, when it is a regular file (`bianyi convert <
/// file`): the conversion threads can then read it themselves (if it is
/// at its start).
#[cfg(unix)]
fn stdin_file() -> Option<File> {
    use std::os::fd::AsFd;
    let file = File::from(io::stdin().as_fd().try_clone_to_owned().ok()?);
    file.metadata().ok()?.is_file().then_some(file)
}

#[cfg(not(unix))]
fn stdin_file() -> Option<File> {
    None
}

fn open(input: &Input, source: &Source) -> Result<Box<dyn Read>, CliError> {
    Ok(match input {
        Input::Stdin => Box::new(io::stdin().lock()),
        Input::File(path) => Box::new(File::open(path).map_err(|error| CliError::Read {
            source: source.clone(),
            error,
        })?),
    })
}

/// The engine doing the conversion.
pub(crate) enum Backend {
    Bianyi(Converter, usize),
    #[cfg(feature = "opencc")]
    OpenCc(opencc_rust::OpenCC),
}

impl Backend {
    fn new(
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

/// `--jsonl`: each line a JSON object; the strings under `--field` are
/// converted, every other byte of the line is kept.
fn jsonl(args: &ConvertArgs, job: &Job, io_opts: &Io) -> Result<(), CliError> {
    let pointer = if args.field.starts_with('/') {
        args.field.clone()
    } else {
        format!("/{}", args.field.replace('~', "~0").replace('/', "~1"))
    };
    let inputs = inputs(&args.files)?;
    if args.in_place {
        if inputs.iter().any(|i| matches!(i, Input::Stdin)) {
            return Err(CliError::InPlaceStdin);
        }
        refuse_same_file_twice(&inputs)?;
        // As for text: every file is opened (and refused if it is not a
        // regular file) before any is written.
        for input in &inputs {
            if let Input::File(path) = input {
                precheck(path, true, false, io_opts.encoding, 1)?;
            }
        }
        // Every file converted into its temporary file before any is
        // replaced.
        let mut staged = Vec::with_capacity(inputs.len());
        for input in &inputs {
            let Input::File(path) = input else { continue };
            let target = Source::path(path);
            let write_error = |error| CliError::Write {
                target: target.clone(),
                error,
            };
            let mut output = Output::file(path).map_err(write_error)?;
            // Each file keeps its own encoding (and byte order mark).
            let mut state = OutState::default();
            jsonl_input(
                input,
                &mut output,
                &target,
                &pointer,
                job,
                io_opts,
                &mut state,
            )?;
            staged.push((target.clone(), output.stage().map_err(write_error)?));
        }
        return commit_all(staged);
    }
    refuse_output_is_input(args, &inputs)?;
    let (mut output, target) = match &args.output {
        Some(path) => {
            let target = Source::path(path);
            let out = Output::file(path).map_err(|error| CliError::Write {
                target: target.clone(),
                error,
            })?;
            (out, target)
        }
        None => (Output::stdout(), Source::Path("-".to_string())),
    };
    let mut state = OutState::default();
    for input in &inputs {
        jsonl_input(
            input,
            &mut output,
            &target,
            &pointer,
            job,
            io_opts,
            &mut state,
        )?;
    }
    match output.commit() {
        Err(error) if args.output.is_none() && error.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(|error| CliError::Write { target, error }),
    }
}

/// Converts the JSON Lines of `input` (the strings under `pointer`) into
/// `output`.
fn jsonl_input(
    input: &Input,
    output: &mut Output,
    target: &Source,
    pointer: &str,
    job: &Job,
    io_opts: &Io,
    state: &mut OutState,
) -> Result<(), CliError> {
    use std::io::BufRead;

    let write_error = |error| CliError::Write {
        target: target.clone(),
        error,
    };
    let source = input.source();
    let raw = open(input, &source)?;
    let (reader, out_encoding, guessed, _) = io_opts.open(raw, &source, state)?;
    if let Some(e) = guessed {
        let _ = writeln!(io::stderr().lock(), "{}", io_opts.guessed_note(&source, e));
    }
    let mut writer = io_opts
        .writer(output.writer(), out_encoding, state)
        .map_err(write_error)?;
    let read_error = |error| CliError::Read {
        source: source.clone(),
        error,
    };
    // The target plan is made from the start of the input, as for text.
    let mut lines: Vec<String> = Vec::new();
    let mut reader = io::BufReader::new(reader);
    let mut sample = String::new();
    let next = |reader: &mut io::BufReader<Box<dyn Read>>| -> Result<Option<String>, CliError> {
        let mut line = String::new();
        match reader.read_line(&mut line).map_err(read_error)? {
            0 => Ok(None),
            _ => Ok(Some(line)),
        }
    };
    while sample.len() < 1 << 20 {
        let Some(line) = next(&mut reader)? else {
            break;
        };
        sample.push_str(&line);
        lines.push(line);
    }
    let convert = job.text_converter(&sample)?;
    let mut number = 0;
    let mut ahead = lines.into_iter();
    loop {
        let line = match ahead.next() {
            Some(l) => l,
            None => match next(&mut reader)? {
                Some(l) => l,
                None => break,
            },
        };
        number += 1;
        let body = line.trim_end_matches(['\n', '\r']);
        let ending = line.get(body.len()..).unwrap_or_default();
        if body.trim().is_empty() {
            writer.write_all(line.as_bytes()).map_err(write_error)?;
            continue;
        }
        let out = bianyi_rewrite::convert_json_values(body, pointer, &mut |s| convert(s)).map_err(
            |e| CliError::JsonLine {
                source: source.clone(),
                line: number,
                column: e.column(),
                message: e.kind().to_string(),
            },
        )?;
        writer.write_all(out.as_bytes()).map_err(write_error)?;
        writer.write_all(ending.as_bytes()).map_err(write_error)?;
    }
    writer.finish().map_err(write_error)
}

impl Job {
    /// A function converting one piece of text as this job does (glossary
    /// included); `sample` (the start of the input) fixes a target's plan.
    fn text_converter<'a>(&'a self, sample: &str) -> Result<TextConverter<'a>, CliError> {
        match self {
            Job::Stream(Backend::Bianyi(conv, _)) => Ok(Box::new(|t: &str| conv.convert(t))),
            #[cfg(feature = "opencc")]
            Job::Stream(Backend::OpenCc(_)) => Err(CliError::EngineOnlyConvert),
            Job::Lines(how, _, terms) => {
                let document = match how {
                    lines::How::Target(tc) => Some(tc.document(sample)),
                    lines::How::Config(_) => None,
                };
                let plain = move |t: &str| match (how, &document) {
                    (lines::How::Target(_), Some(doc)) => doc.convert(t),
                    (lines::How::Target(tc), None) => tc.convert(t),
                    (lines::How::Config(c), _) => c.convert(t),
                };
                Ok(match terms {
                    None => Box::new(plain),
                    Some(applier) => Box::new(move |t: &str| {
                        let mut out = String::with_capacity(t.len() + t.len() / 8);
                        // Each string is its own document for first mentions.
                        let mut mentions = bianyi_glossary::Mentions::new();
                        applier.apply(
                            t,
                            &mut mentions,
                            &mut |gap, out| out.push_str(&plain(gap)),
                            &mut out,
                        );
                        out
                    }),
                })
            }
        }
    }
}

#[cfg(test)]
#[cfg(unix)]
mod tests {
    use super::{is_utf8_file, utf8_in_ranges};
    use std::fs::File;

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

    /// `bytes` in a file, checked as if it had `len` bytes: on 1 to 4
    /// threads in ranges of at least 64 bytes read in blocks of 7, and as
    /// the command does; all must agree.
    fn check(bytes: &[u8], len: u64) -> bool {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("f.txt");
        std::fs::write(&path, bytes).expect("write");
        let file = File::open(&path).expect("open");
        let real = is_utf8_file(&file, len, 2).expect("read");
        for threads in 1..=4 {
            let small = utf8_in_ranges(&file, len, threads, 64, 7).expect("read");
            assert_eq!(small, real, "{threads} threads disagree");
        }
        real
    }

    fn full(bytes: &[u8]) -> bool {
        check(bytes, bytes.len() as u64)
    }

    #[test]
    fn splits_anywhere_in_characters_of_every_length() {
        for unit in ["é", "头", "😀", "a头😀é\n"] {
            for fill in 0..5 {
                let mut t = "a".repeat(fill);
                t.push_str(&unit.repeat(200 / unit.len()));
                assert!(full(t.as_bytes()), "{unit:?}, fill {fill}");
            }
        }
    }

    #[test]
    fn faults_anywhere_are_found() {
        let t = format!("a{}", "😀头é".repeat(30)).into_bytes();
        for at in 0..t.len() {
            // A stray continuation byte, a lead byte without its
            // continuation, a byte never in UTF-8, a character cut by the
            // end of the file.
            for bad in [&[0x80u8][..], &[0xF0, b'a'], &[0xFF], &[0xE5, 0xA4]] {
                let mut broken = t.clone();
                let to = (at + bad.len()).min(broken.len());
                broken.splice(at..to, bad.iter().copied());
                if bad == [0xE5, 0xA4] {
                    broken.truncate(at + 2);
                }
                if std::str::from_utf8(&broken).is_ok() {
                    continue;
                }
                assert!(!full(&broken), "{bad:x?} at {at}");
            }
        }
    }

    #[test]
    fn edges() {
        assert!(full(b""));
        assert!(full("头".as_bytes()));
        assert!(!full(&[b'a', 0xE5, 0xA4]));
        assert!(!full(&[0x80; 300]));
        // A file with more than its size said (it grew, or the size is
        // meaningless): not taken as checked.
        assert!(!check("头头".as_bytes(), 3));
        assert!(!check("头头".as_bytes(), 0));
        assert!(!check("头".repeat(100).as_bytes(), 150));
    }
}
