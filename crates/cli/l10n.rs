//! `bianyi l10n convert`: the text of Fluent, PO and JSON localization
//! files converted, everything else kept byte for byte, and the result
//! checked (it parses, with the same ids and placeables) before anything is
//! written.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use bianyi_convert::{Conversion, Target};
use bianyi_glossary::Applier;
use bianyi_rewrite::{L10nFormat, LocaleFile, Unit, verify};

use crate::args::{L10nArgs, L10nCommand, L10nConvertArgs, L10nFormatArg};
use crate::convert::{glossary_applier, to_of};
use crate::error::{CliError, Source};
use crate::lines::{color_wanted, diff_line};
use crate::output::{self, same_file};

pub(crate) fn run(args: &L10nArgs, lang: Option<&str>) -> Result<(), CliError> {
    match &args.command {
        L10nCommand::Convert(a) => convert(a, lang),
    }
}

/// One converted file, ready to write.
struct Converted {
    path: PathBuf,
    format: L10nFormat,
    before: String,
    after: String,
}

fn convert(args: &L10nConvertArgs, lang: Option<&str>) -> Result<(), CliError> {
    let conversion = Conversion::builder(to_of(args.to.as_deref(), args.config.as_deref())?)
        .phrases(args.phrases)
        .corner_quotes(args.corner_quotes)
        .build();
    let target = conversion.language();
    let terms = glossary_applier(&args.terms, lang, target)?;
    // `-o -`: standard output, as everywhere.
    let output_dir = crate::output::destination(args.output_dir.as_deref());
    if args.files.len() > 1 && output_dir.is_none() && !args.in_place && args.diff.is_none() {
        return Err(CliError::L10nManyToStdout);
    }
    let overrides = match &args.overrides {
        Some(path) => read_overrides(path, args.format)?,
        None => BTreeMap::new(),
    };
    let job = Job {
        conversion: &conversion,
        target,
        terms: terms.as_ref(),
        overrides: &overrides,
        overrides_path: args.overrides.as_deref(),
        comments: args.comments,
    };
    if args.in_place {
        // `a.po link.po` (a link to a.po) would be converted twice.
        let paths: Vec<&Path> = args.files.iter().map(PathBuf::as_path).collect();
        crate::convert::refuse_same_paths_twice(&paths)?;
    }
    // Every file is read, converted and checked before any is written.
    let mut done = Vec::with_capacity(args.files.len());
    for path in &args.files {
        let format = format_of(path, args.format)?;
        let before = read(path)?;
        let after = job.convert(path, format, &before)?;
        done.push(Converted {
            path: path.clone(),
            format,
            before,
            after,
        });
    }
    if let Some(style) = args.diff {
        return show_diff(&done, color_wanted(style, true));
    }
    if args.in_place {
        let files: Vec<(PathBuf, &str)> = done
            .iter()
            .map(|c| (c.path.clone(), c.after.as_str()))
            .collect();
        return write_all(&files);
    }
    if let Some(dir) = output_dir {
        // Every destination is known and checked before anything is
        // written: two inputs with the same name (d1/zh.json, d2/zh.json)
        // would otherwise leave only the last, and an input in DIR would be
        // replaced.
        let mut files: Vec<(PathBuf, &str)> = Vec::with_capacity(done.len());
        for (k, c) in done.iter().enumerate() {
            let name = c.path.file_name().unwrap_or(c.path.as_os_str());
            let out = dir.join(name);
            if let Some(other) = done[..k]
                .iter()
                .find(|o| o.path.file_name().unwrap_or(o.path.as_os_str()) == name)
            {
                return Err(CliError::SameOutputTwice {
                    path: out.display().to_string(),
                    first: other.path.display().to_string(),
                    second: c.path.display().to_string(),
                });
            }
            if let Some(input) = done.iter().find(|i| same_file(&out, &i.path)) {
                return Err(CliError::OutputIsInput {
                    path: input.path.display().to_string(),
                });
            }
            files.push((out, c.after.as_str()));
        }
        std::fs::create_dir_all(dir).map_err(|error| CliError::Write {
            target: Source::path(dir),
            error,
        })?;
        return write_all(&files);
    }
    let text: String = done.iter().map(|c| c.after.as_str()).collect();
    output::write(None, text.as_bytes())
}

fn format_of(path: &Path, arg: L10nFormatArg) -> Result<L10nFormat, CliError> {
    match arg {
        L10nFormatArg::Ftl => Ok(L10nFormat::Fluent),
        L10nFormatArg::Po => Ok(L10nFormat::Po),
        L10nFormatArg::Json => Ok(L10nFormat::Json),
        L10nFormatArg::Auto => {
            L10nFormat::from_path(path).ok_or_else(|| CliError::L10nUnknownFormat {
                path: path.display().to_string(),
            })
        }
    }
}

fn read(path: &Path) -> Result<String, CliError> {
    let bytes = std::fs::read(path).map_err(|error| CliError::Read {
        source: Source::path(path),
        error,
    })?;
    crate::detect::utf8_text(Source::path(path), bytes)
}

/// Writes every file, replacing none until all are written: a full disk
/// at the third file leaves the first two untouched.
fn write_all(files: &[(PathBuf, &str)]) -> Result<(), CliError> {
    output::write_together(files.iter().map(|(p, t)| (p.as_path(), t.as_bytes())))
}

/// Everything that converts a file.
struct Job<'a> {
    conversion: &'a Conversion,
    target: Target,
    terms: Option<&'a Applier>,
    overrides: &'a Overrides,
    overrides_path: Option<&'a Path>,
    /// Convert comments too.
    comments: bool,
}

/// Reviewed wording: message key → the message and its runs.
type Overrides = BTreeMap<String, (Unit, Vec<String>)>;

fn read_overrides(path: &Path, arg: L10nFormatArg) -> Result<Overrides, CliError> {
    let format = format_of(path, arg)?;
    let text = read(path)?;
    let doc = LocaleFile::parse(format, &text).map_err(|error| CliError::L10n {
        source: Source::path(path),
        format,
        error,
    })?;
    Ok(doc
        .units()
        .iter()
        .filter(|u| !u.comment)
        .map(|u| (u.key.clone(), (u.clone(), doc.runs(u))))
        .collect())
}

impl Job<'_> {
    fn convert(&self, path: &Path, format: L10nFormat, text: &str) -> Result<String, CliError> {
        let Job {
            conversion,
            target,
            terms,
            overrides,
            overrides_path,
            comments,
        } = *self;
        let source = Source::path(path);
        let doc = LocaleFile::parse(format, text).map_err(|error| CliError::L10n {
            source: source.clone(),
            format,
            error,
        })?;
        // An override must have the placeables of the message it replaces.
        for unit in doc.units().iter().filter(|u| !u.comment) {
            if let Some((reviewed, _)) = overrides.get(&unit.key)
                && !unit.same_shape(reviewed)
            {
                return Err(CliError::L10nOverride {
                    source: source.clone(),
                    overrides: Source::path(overrides_path.unwrap_or(path)),
                    key: unit.key.clone(),
                });
            }
        }
        let prepared = conversion.prepare(&doc.sample());
        // Glossary mentions are counted per file.
        let mut terms = terms.map(Applier::hook);
        let language = posix_language(target);
        let after = doc.rewrite(
            &mut |unit, k, run| {
                if unit.comment && !comments {
                    return run.to_string();
                }
                if let Some(text) = overrides
                    .get(&unit.key)
                    .filter(|_| !unit.comment)
                    .and_then(|(_, r)| r.get(k))
                {
                    return text.clone();
                }
                match terms.as_mut() {
                    None => prepared.convert(run),
                    Some(hook) => prepared.convert_with(run, hook),
                }
            },
            Some(&language),
        );
        verify(format, text, &after).map_err(|error| CliError::L10n {
            source,
            format,
            error,
        })?;
        Ok(after)
    }
}

/// The POSIX form of the target for a PO header (`zh_TW`, `zh_Hant`).
fn posix_language(target: Target) -> String {
    target.tag().replace('-', "_")
}

/// The changed messages: `path:line: key: text` with the changes marked.
fn show_diff(done: &[Converted], color: bool) -> Result<(), CliError> {
    let mut text = String::new();
    for c in done {
        let (Ok(old), Ok(new)) = (
            LocaleFile::parse(c.format, &c.before),
            LocaleFile::parse(c.format, &c.after),
        ) else {
            continue;
        };
        for (a, b) in old.units().iter().zip(new.units()) {
            let (x, y) = (old.display(a), new.display(b));
            if x != y {
                // (diff_line escapes the messages.)
                let label = format!(
                    "{}:{}: {}",
                    crate::term::shown(&c.path.display().to_string()),
                    a.line,
                    crate::term::shown(&a.key)
                );
                text.push_str(&diff_line(&label, &one_line(&x), &one_line(&y), color));
            }
        }
    }
    output::write(None, text.as_bytes())
}

/// Line breaks of a multi-line message shown as `⏎`.
fn one_line(s: &str) -> String {
    s.trim_end_matches('\n').replace('\n', "⏎")
}
