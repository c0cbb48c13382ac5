//! What converts: the job the arguments ask for (the library's
//! [`Conversion`] of a config or a target, or the system's OpenCC; text, a
//! diff or an ambiguity report; glossaries), and the helpers `l10n convert`
//! and `align report` share with it.

use bianyi_convert::{Config, Conversion, ErrorKind, Target, TargetDicts, To};
use bianyi_glossary::{Applier, TermMode};

use crate::args::{ConvertArgs, Engine, TermArgs, TermsMode};
use crate::error::CliError;
use crate::glossary;
use crate::i18n::Localizer;
use crate::lines;

use super::stream::Backend;

/// What converts, and what is written.
pub(super) struct Job {
    /// The engine: bianyi's conversion, or the system's OpenCC (converted
    /// text of a config only).
    pub(super) backend: Backend,
    pub(super) mode: lines::Mode,
    /// The glossaries of `--glossary`.
    pub(super) terms: Option<Applier>,
    /// Threads of one conversion.
    pub(super) threads: usize,
}

/// Converts one piece of text.
type TextConverter<'a> = Box<dyn Fn(&str) -> String + 'a>;

/// What `--to TAG` or `--config NAME` converts to (`--to` first).
pub(crate) fn to_of(to: Option<&str>, config: Option<&str>) -> Result<To, CliError> {
    if let Some(tag) = to {
        let target: Target = tag.parse().map_err(|_| CliError::UnknownTarget {
            name: tag.to_string(),
        })?;
        return Ok(To::Target(target));
    }
    let name = config.ok_or(CliError::MissingConfig)?;
    if super::custom::is_path(name) {
        return super::custom::load(Some(std::path::Path::new(name)), None, &[]).map(To::Custom);
    }
    let config: Config = name
        .parse()
        .map_err(|e: bianyi_convert::Error| config_error(e, name))?;
    Ok(To::Config(config))
}

/// `-c CONFIG --dict FILE…`: the config (built-in or a file) with the user
/// dictionaries in front of its first stage; `--to TARGET --dict FILE…`:
/// the target, with its user dictionaries loaded.
fn with_dicts(args: &ConvertArgs) -> Result<(To, Option<TargetDicts>), CliError> {
    // (clap refuses -c with --to.)
    if let Some(tag) = args.to.as_deref() {
        let To::Target(target) = to_of(Some(tag), None)? else {
            return Err(CliError::MissingConfig);
        };
        let dicts = super::custom::target_dicts(target, args.phrases, &args.dicts)?;
        return Ok((To::Target(target), Some(dicts)));
    }
    let name = args.config.as_deref().ok_or(CliError::MissingConfig)?;
    let custom = if super::custom::is_path(name) {
        super::custom::load(Some(std::path::Path::new(name)), None, &args.dicts)?
    } else {
        let config: Config = name
            .parse()
            .map_err(|e: bianyi_convert::Error| config_error(e, name))?;
        super::custom::load(None, Some(config), &args.dicts)?
    };
    Ok((To::Custom(custom), None))
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
    let to_target = Conversion::new(target);
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
    // A config file named like a built-in config writes what that one
    // does (as `CustomConfig::like` says).
    args.config
        .as_deref()
        .map(|c| match super::custom::is_path(c) {
            true => std::path::Path::new(c)
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default(),
            false => c,
        })
        .and_then(|c| c.parse::<Config>().ok())
        .map_or(Target::Hant, |c| To::Config(c).language())
}

/// The number of threads of `-j` (default: the cores).
/// The threads of a conversion: `-j` (by default the number of cores), at
/// most four per core and 256 (more only cost memory and, past the
/// system's limit on threads, fail), and no more than can be started now.
pub(super) fn threads(args: &ConvertArgs) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let wanted = args.threads.map_or(cores, usize::from);
    // The library starts as many workers as the system lets it (fewer
    // under `ulimit -u` or low memory, none at worst: then the calling
    // thread converts alone).
    wanted.min(max_threads(cores))
}

/// The most threads `-j` gets on `cores` cores (issue 20).
pub(crate) fn max_threads(cores: usize) -> usize {
    cores.saturating_mul(4).clamp(1, 256)
}

/// The conversion of `args`; `batch`: files run in parallel, each on one
/// thread.
pub(super) fn job(args: &ConvertArgs, lang: Option<&str>, batch: bool) -> Result<Job, CliError> {
    let mode = match (args.diff, args.ambiguities) {
        (Some(style), _) => lines::Mode::Diff {
            color: lines::color_wanted(style, args.output_file().is_none()),
        },
        (None, true) => lines::Mode::Ambiguities,
        (None, false) => lines::Mode::Text,
    };
    let line_mode = !matches!(mode, lines::Mode::Text);
    let threads = if batch { 1 } else { threads(args) };
    if args.to.is_some() && args.engine == Engine::Opencc {
        return Err(CliError::EngineOnlyConvert);
    }
    if !args.dicts.is_empty() && args.engine == Engine::Opencc {
        return Err(CliError::EngineNoDicts);
    }
    if args.phrases && args.to.is_none() {
        return Err(CliError::PhrasesNeedTarget);
    }
    let (to, dicts) = if args.dicts.is_empty() {
        (to_of(args.to.as_deref(), args.config.as_deref())?, None)
    } else {
        with_dicts(args)?
    };
    let backend = match to {
        // (--tofu-risk is for configs.)
        To::Target(target) => {
            let builder = Conversion::builder(target)
                .phrases(args.phrases)
                .corner_quotes(args.corner_quotes);
            Backend::Bianyi(
                match dicts {
                    Some(d) => builder.dicts(d),
                    None => builder,
                }
                .build(),
            )
        }
        To::Custom(custom) => {
            if args.engine == Engine::Opencc {
                return Err(CliError::EngineOnlyConvert);
            }
            Backend::Bianyi(
                Conversion::builder(custom)
                    .tofu_risk(args.tofu_risk)
                    .corner_quotes(args.corner_quotes)
                    .build(),
            )
        }
        To::Config(config) => {
            if args.tofu_risk && args.engine == Engine::Opencc {
                return Err(CliError::EngineNoTofuRisk);
            }
            if (line_mode || !args.terms.glossaries.is_empty()) && args.engine == Engine::Opencc {
                return Err(CliError::EngineOnlyConvert);
            }
            if args.corner_quotes && args.engine == Engine::Opencc {
                return Err(CliError::EngineOnlyConvert);
            }
            Backend::new(config, args.tofu_risk, args.corner_quotes, args.engine)?
        }
        // (A kind of conversion added to the library later.)
        _ => return Err(CliError::MissingConfig),
    };
    Ok(Job {
        backend,
        mode,
        terms: glossary_applier(&args.terms, lang, to.language())?,
        threads,
    })
}

impl Job {
    /// A function converting one piece of text as this job does (glossary
    /// included; each piece is its own document for first mentions);
    /// `sample` (the start of the input) fixes a target's verdict.
    pub(super) fn text_converter<'a>(
        &'a self,
        sample: &str,
    ) -> Result<TextConverter<'a>, CliError> {
        let prepared = self.backend.conversion()?.prepare(sample);
        Ok(match &self.terms {
            None => Box::new(move |t: &str| prepared.convert(t)),
            Some(applier) => Box::new(move |t: &str| prepared.convert_with(t, &mut applier.hook())),
        })
    }
}
