//! What converts: the job the arguments ask for (an OpenCC config streamed
//! through an engine, or text converted line by line for a target, a diff,
//! an ambiguity report or a glossary), and the helpers `l10n convert`
//! shares with it.

use bianyi_convert::{Config, Converter, ErrorKind, Target, TargetConverter};
use bianyi_glossary::{Applier, TermMode};

use crate::args::{ConvertArgs, Engine, TermArgs, TermsMode};
use crate::error::CliError;
use crate::glossary;
use crate::i18n::Localizer;
use crate::lines;

use super::stream::Backend;

/// What converts, and what is written.
pub(super) enum Job {
    /// OpenCC config, converted text: the streaming engine.
    Stream(Backend),
    /// Line by line: targets, diffs, ambiguity reports, glossaries.
    Lines(lines::How, lines::Mode, Option<Applier>),
}

/// Converts one piece of text.
type TextConverter<'a> = Box<dyn Fn(&str) -> String + 'a>;

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
pub(super) fn target_of(args: &ConvertArgs) -> Target {
    if let Some(t) = args.to.as_deref().and_then(|t| t.parse().ok()) {
        return t;
    }
    args.config
        .as_deref()
        .and_then(|c| c.parse::<Config>().ok())
        .map_or(Target::Hant, config_target)
}

/// The number of threads of `-j` (default: the cores).
pub(super) fn threads(args: &ConvertArgs) -> usize {
    args.threads.map_or_else(
        || std::thread::available_parallelism().map_or(1, usize::from),
        usize::from,
    )
}

/// The conversion of `args`; `batch`: files run in parallel, each on one
/// thread.
pub(super) fn job(args: &ConvertArgs, lang: Option<&str>, batch: bool) -> Result<Job, CliError> {
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

impl Job {
    /// A function converting one piece of text as this job does (glossary
    /// included); `sample` (the start of the input) fixes a target's plan.
    pub(super) fn text_converter<'a>(
        &'a self,
        sample: &str,
    ) -> Result<TextConverter<'a>, CliError> {
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
