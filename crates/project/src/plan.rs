//! What a project builds: every input matched by a glob, each target's
//! output for it, and the refusals (two inputs mapped to one output, an
//! output that would be read as an input).

use std::collections::BTreeMap;

use bianyi_rewrite::L10nFormat;

use crate::config::{Project, TargetSpec};
use crate::error::{Error, ErrorKind};

/// What kind of input a job converts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[non_exhaustive]
pub enum InputKind {
    /// A document of source set `n` (`[[sources]]`).
    Document(usize),
    /// A localization file of locale set `n` (`[[locales]]`).
    Locale(usize),
}

/// One output to build.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Job {
    /// The input, relative to the project.
    pub input: String,
    /// Its kind.
    pub kind: InputKind,
    /// Index of the target in [`Plan::specs`].
    pub spec: usize,
    /// The output, relative to the project.
    pub output: String,
    /// A report of the conversion (`[[targets]] report`), not the
    /// converted text.
    pub report: bool,
}

/// Every output of a project, sorted by input then target.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Plan {
    /// The targets: the project's, then those of its locale sets.
    pub specs: Vec<TargetSpec>,
    /// The outputs.
    pub jobs: Vec<Job>,
    /// The inputs, sorted, each with its kind.
    pub inputs: Vec<(String, InputKind)>,
}

impl Project {
    /// The kind of the file at `rel` (a path relative to the project), if
    /// a source or locale glob takes it.
    pub fn input_kind(&self, rel: &str) -> Option<InputKind> {
        if let Some(k) = self
            .sources
            .iter()
            .position(|s| s.globs.is_match(rel) && !s.exclude.is_match(rel))
        {
            return Some(InputKind::Document(k));
        }
        self.locales
            .iter()
            .position(|s| s.globs.is_match(rel) && !s.exclude.is_match(rel))
            .map(InputKind::Locale)
    }

    /// The files of the project that its globs take, sorted. Hidden
    /// folders (`.git`, the cache) are not looked into.
    pub fn inputs(&self) -> Vec<(String, InputKind)> {
        let mut found = Vec::new();
        if let Some(rel) = &self.only {
            if self.path(rel).is_file()
                && let Some(kind) = self.input_kind(rel)
            {
                found.push((rel.clone(), kind));
            }
            return found;
        }
        let walk = walkdir::WalkDir::new(&self.root)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walk.flatten() {
            if !entry.file_type().is_file() {
                continue;
            }
            let Ok(rel) = entry.path().strip_prefix(&self.root) else {
                continue;
            };
            let Some(rel) = rel.to_str().map(|r| r.replace('\\', "/")) else {
                continue;
            };
            if let Some(kind) = self.input_kind(&rel) {
                found.push((rel, kind));
            }
        }
        found.sort();
        found
    }

    /// What the project builds; an error, with nothing written, when two
    /// inputs would be written to one output or an output would be read
    /// back as an input.
    pub fn plan(&self) -> Result<Plan, Error> {
        let inputs = self.inputs();
        let mut specs = self.targets.clone();
        let mut locale_specs = Vec::new();
        for set in &self.locales {
            let first = specs.len();
            specs.extend(set.targets.iter().cloned());
            locale_specs.push(first..specs.len());
        }
        let mut jobs = Vec::new();
        let mut owners: BTreeMap<String, (String, usize)> = BTreeMap::new();
        for (input, kind) in &inputs {
            let range = match kind {
                InputKind::Document(_) => 0..self.targets.len(),
                InputKind::Locale(k) => locale_specs[*k].clone(),
            };
            let reports = match kind {
                InputKind::Document(_) => 0..self.targets.len(),
                InputKind::Locale(_) => 0..0,
            };
            let wanted = range.map(|spec| (spec, false)).chain(
                reports
                    .filter(|&k| specs[k].report.is_some())
                    .map(|k| (k, true)),
            );
            for (spec, report) in wanted {
                let s = &specs[spec];
                let template = match (&s.report, report) {
                    (Some((_, t)), true) => t,
                    _ => &s.output,
                };
                let bad = || {
                    Error::at(
                        ErrorKind::BadTemplate {
                            template: template.as_str().to_string(),
                        },
                        self.location(&template.span),
                    )
                };
                let output = template.render(input, s.target.tag()).ok_or_else(bad)?;
                if let Some((first, _)) = owners.get(&output) {
                    return Err(Error::at(
                        ErrorKind::SameOutput {
                            output,
                            first: first.clone(),
                            second: input.clone(),
                        },
                        self.location(&template.span),
                    ));
                }
                if self.input_kind(&output).is_some() || output == self.cache_file() {
                    return Err(Error::at(
                        ErrorKind::OutputInSources {
                            output,
                            input: input.clone(),
                        },
                        self.location(&template.span),
                    ));
                }
                owners.insert(output.clone(), (input.clone(), spec));
                jobs.push(Job {
                    input: input.clone(),
                    kind: *kind,
                    spec,
                    output,
                    report,
                });
            }
        }
        Ok(Plan {
            specs,
            jobs,
            inputs,
        })
    }

    /// The manifest's path, relative to the project.
    pub fn cache_file(&self) -> String {
        format!("{}/{}", self.cache, crate::manifest::MANIFEST)
    }
}

/// The format of a localization file, by extension.
pub(crate) fn locale_format(input: &str) -> Option<L10nFormat> {
    L10nFormat::from_path(std::path::Path::new(input))
}
