//! `-c PATH.json` and `--dict FILE`: OpenCC configs loaded at run time
//! (the library's `CustomConfig`), their compiled tables kept in the cache
//! folder (`~/.cache/bianyi`, as the glossary matchers) under the digest of
//! every file they were compiled from, so that a changed config or
//! dictionary is compiled again.

use std::path::{Path, PathBuf};

use bianyi_convert::{Config, CustomConfig, ErrorKind, Sources, Target, TargetDicts};

use crate::error::CliError;
use crate::output;

/// Whether `-c NAME` names a config file rather than a built-in config:
/// anything with a path separator, or a `.json` name that exists as a file
/// (OpenCC also looks in the working folder first).
pub(crate) fn is_path(name: &str) -> bool {
    name.contains('/')
        || name.contains(std::path::MAIN_SEPARATOR)
        || (name.ends_with(".json") && Path::new(name).is_file())
}

/// The config file `path`, or the built-in `builtin`, with the user
/// dictionaries `dicts` in front.
pub(crate) fn load(
    path: Option<&Path>,
    builtin: Option<Config>,
    dicts: &[PathBuf],
) -> Result<CustomConfig, CliError> {
    let sources = match (path, builtin) {
        (Some(p), _) => CustomConfig::sources(p, dicts),
        (None, Some(c)) => CustomConfig::builtin_sources(c, dicts),
        (None, None) => return Err(CliError::MissingConfig),
    }
    .map_err(config_file_error)?;
    cached(sources)
}

/// The user dictionaries `dicts` for a conversion to `target` (with
/// regional vocabulary or not): alone, and in front of the target's config
/// from Simplified.
pub(crate) fn target_dicts(
    target: Target,
    phrases: bool,
    dicts: &[PathBuf],
) -> Result<TargetDicts, CliError> {
    let alone = cached(CustomConfig::dictionaries_sources(dicts).map_err(config_file_error)?)?;
    let from_simplified = target
        .from_simplified(phrases)
        .map(|c| load(None, Some(c), dicts))
        .transpose()?;
    Ok(TargetDicts::new(alone, from_simplified))
}

/// The compiled config of `sources`, from the cache when it holds it.
fn cached(sources: Sources) -> Result<CustomConfig, CliError> {
    let name = format!("opencc-{:016x}.bin", sources.digest());
    let Some(dir) = output::cache::dir() else {
        return sources.compile().map_err(config_file_error);
    };
    let Some(folder) = output::cache::folder(&dir) else {
        return sources.compile().map_err(config_file_error);
    };
    // Well above what any config compiles to (OpenCC's largest, s2twp:
    // about 20 MB); a larger file is a miss.
    if let Some(bytes) = output::cache::map(&folder, name.as_ref(), 1 << 30) {
        if let Some(config) = sources.from_static(bytes) {
            return Ok(config);
        }
    } else if let Some(bytes) = output::cache::read(&folder, name.as_ref(), 1 << 30)
        && let Some(config) = sources.from_vec(bytes)
    {
        return Ok(config);
    }
    let config = sources.compile().map_err(config_file_error)?;
    // Under the digest of what was compiled: a dictionary changed since it
    // was digested is not cached as the old one.
    let name = format!("opencc-{:016x}.bin", config.digest());
    // A cache that cannot be written is not an error.
    output::cache::write(&folder, name.as_ref(), &dir.join(&name), &config.to_bytes());
    Ok(config)
}

fn config_file_error(e: bianyi_convert::Error) -> CliError {
    match e.into_kind() {
        ErrorKind::ConfigFile {
            path,
            line_column,
            problem,
        } => CliError::ConfigFile {
            path: path.display().to_string(),
            line_column,
            problem,
        },
        // Loading a config fails only so.
        other => CliError::ConfigFile {
            path: String::new(),
            line_column: None,
            problem: bianyi_convert::ConfigProblem::Shape(format!("{other:?}")),
        },
    }
}
