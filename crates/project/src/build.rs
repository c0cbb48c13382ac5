//! `build`: every output of a plan, in parallel, redone only where what it
//! depends on changed.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::Mutex;

use bianyi_convert::{Conversion, DETECT_BYTES, Hook, Prepared};
use bianyi_glossary::{Applier, Glossary, Lang, Matcher, Mentions};
use bianyi_rewrite::{DocFormat, DocOptions, LocaleFile};
use rayon::prelude::*;

use crate::config::{Project, SourceEncoding, TargetSpec};
use crate::error::{Error, ErrorKind};
use crate::manifest::{InputRecord, Manifest, OutputRecord, Stamp, hash, hash_parts};
use crate::overrides::{Decision, Overrides, places};
use crate::plan::{InputKind, Job, Plan, locale_format};

/// bianyi's version: part of every output's fingerprint.
const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Where a build writes: the caller's, so that files are written the way
/// it wants (atomically, in the CLI).
pub trait Sink: Sync {
    /// Writes `bytes` to `path` (its folder may not exist yet), whole or
    /// not at all.
    fn write(&self, path: &Path, bytes: &[u8]) -> std::io::Result<()>;
    /// Removes the file `path`.
    fn remove(&self, path: &Path) -> std::io::Result<()>;
}

/// The files themselves: each written through a temporary file renamed
/// over it (`bianyi-output`: permissions, extended attributes and ACL of
/// the file replaced are kept), its folder made first. The CLI's `build`
/// and the web workspace write through it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Files;

impl Sink for Files {
    fn write(&self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        bianyi_output::write(path, bytes)
    }

    fn remove(&self, path: &Path) -> std::io::Result<()> {
        std::fs::remove_file(path)
    }
}

/// Writes the reports of a project's targets (`[[targets]] report`): the
/// caller's, as reports speak the user's language.
pub trait Reporter: Send + Sync {
    /// The report of the document `input` (its text `text`) converted
    /// for `spec`, with its translation (path, text and language tag) if
    /// it has one; an error is a message for the user.
    fn report(
        &self,
        input: &str,
        text: &str,
        spec: &TargetSpec,
        translation: Option<(&str, &str, &str)>,
    ) -> Result<String, String>;

    /// [`Reporter::report`] with the reviewed alignment of the source
    /// with its translation, if it has one (`alignments/`): the report's
    /// beads must be those. By default the review is not used.
    fn report_reviewed(
        &self,
        input: &str,
        text: &str,
        spec: &TargetSpec,
        translation: Option<(&str, &str, &str)>,
        alignment: Option<&crate::alignments::Alignment>,
    ) -> Result<String, String> {
        let _ = alignment;
        self.report(input, text, spec, translation)
    }
}

/// How a build runs.
#[derive(Clone, Default)]
#[non_exhaustive]
pub struct BuildOptions {
    /// Decide everything, write nothing (not even the manifest).
    pub dry_run: bool,
    /// Overwrite (or remove) outputs changed by hand.
    pub force: bool,
    /// Worker threads (default: rayon's, one per core).
    pub threads: Option<usize>,
    /// Writes reports; without one, report outputs fail.
    pub reporter: Option<std::sync::Arc<dyn Reporter>>,
}

impl std::fmt::Debug for BuildOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BuildOptions")
            .field("dry_run", &self.dry_run)
            .field("force", &self.force)
            .field("threads", &self.threads)
            .field("reporter", &self.reporter.is_some())
            .finish()
    }
}

/// What happened to one output.
#[derive(Debug)]
#[non_exhaustive]
pub enum Outcome {
    /// Written (or, in a dry run, would be).
    Converted,
    /// Already up to date.
    Unchanged,
    /// Its input is gone: removed (or would be).
    Removed,
    /// Changed by hand since the last build: left as it is.
    ModifiedByHand,
    /// Could not be built; nothing was written for it.
    Failed(Failure),
}

/// Why one output could not be built.
#[derive(Debug)]
#[non_exhaustive]
pub enum Failure {
    /// The input could not be read.
    Read(std::io::Error),
    /// The input is not valid UTF-8 (at this byte).
    InvalidUtf8 {
        /// Byte offset of the first invalid byte.
        byte: usize,
    },
    /// The input is not valid in its declared encoding.
    Decode {
        /// The encoding.
        encoding: &'static str,
    },
    /// A document or localization file that does not parse.
    Format {
        /// The format's name.
        format: &'static str,
        /// Why.
        error: bianyi_rewrite::Error,
    },
    /// A localization file whose extension says no format.
    UnknownLocaleFormat,
    /// Writing or removing the output failed.
    Write(std::io::Error),
    /// The report could not be written (the reporter's message), or
    /// there is no reporter.
    Report(Option<String>),
}

/// One output of a build.
#[derive(Debug)]
#[non_exhaustive]
pub struct OutputReport {
    /// The output, relative to the project.
    pub output: String,
    /// Its input.
    pub input: String,
    /// The target's tag.
    pub target: String,
    /// What happened.
    pub outcome: Outcome,
    /// Characters the conversion changed (converted outputs).
    pub chars_changed: usize,
    /// Glossary terms written (converted outputs).
    pub terms_applied: usize,
}

/// What a build did, output by output.
#[derive(Debug, Default)]
#[non_exhaustive]
pub struct BuildReport {
    /// Every output, sorted by path.
    pub outputs: Vec<OutputReport>,
    /// Glossaries of the stack that render a term differently.
    pub conflicts: Vec<bianyi_glossary::Conflict>,
}

/// The counts of a build's summary.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Summary {
    /// Outputs written.
    pub converted: usize,
    /// Outputs up to date.
    pub unchanged: usize,
    /// Outputs that failed.
    pub failed: usize,
    /// Outputs removed.
    pub removed: usize,
    /// Outputs changed by hand, left alone.
    pub modified: usize,
    /// Characters changed by the conversions.
    pub chars_changed: usize,
    /// Glossary terms written.
    pub terms_applied: usize,
}

impl BuildReport {
    /// The counts.
    pub fn summary(&self) -> Summary {
        let mut s = Summary::default();
        for o in &self.outputs {
            match o.outcome {
                Outcome::Converted => s.converted += 1,
                Outcome::Unchanged => s.unchanged += 1,
                Outcome::Removed => s.removed += 1,
                Outcome::ModifiedByHand => s.modified += 1,
                Outcome::Failed(_) => s.failed += 1,
            }
            s.chars_changed += o.chars_changed;
            s.terms_applied += o.terms_applied;
        }
        s
    }

    /// Whether building changed (or, in a dry run, would change) anything
    /// on disk, or could not.
    pub fn changes(&self) -> bool {
        let s = self.summary();
        s.converted + s.removed + s.failed + s.modified > 0
    }
}

/// Progress of a build, as it happens (in no particular order).
#[derive(Debug)]
#[non_exhaustive]
pub enum Event<'a> {
    /// The plan is made: this many outputs.
    Planned {
        /// Outputs to consider.
        total: usize,
    },
    /// One output is done.
    Output(&'a OutputReport),
}

/// Everything the jobs share, prepared once.
struct Shared<'p> {
    project: &'p Project,
    plan: Plan,
    manifest: Manifest,
    conversions: Vec<Conversion>,
    appliers: Vec<Option<Applier>>,
    matcher: Option<Matcher>,
    conflicts: Vec<bianyi_glossary::Conflict>,
    entry_digests: Vec<String>,
    overrides: Overrides,
    settings: Vec<String>,
    /// Hash of every glossary and override: with the input and the
    /// settings, all an output may depend on.
    everything: String,
    options: BuildOptions,
    sink: &'p dyn Sink,
}

/// Reads the glossaries of a project as one stack: the stacked glossary,
/// the terms its glossaries render differently, and a digest of their bytes.
pub fn load_glossaries(
    project: &Project,
) -> Result<(Glossary, Vec<bianyi_glossary::Conflict>, Vec<u8>), Error> {
    let mut loaded = Vec::new();
    let mut bytes = Vec::new();
    for g in &project.glossaries {
        let path = project.path(g);
        let content = std::fs::read(&path).map_err(|e| Error::read(&path, e))?;
        bytes.extend_from_slice(hash_parts(&[g.as_bytes(), &content]).as_bytes());
        loaded.push(Glossary::load(&path, None, None).map_err(|error| {
            Error::new(ErrorKind::Glossary {
                path: path.clone(),
                error,
            })
        })?);
    }
    let (g, conflicts) = bianyi_glossary::stack(loaded, None);
    Ok((g, conflicts, bytes))
}

/// Reads the overrides file of a project (none: no decisions), and its
/// bytes.
pub fn load_overrides(project: &Project) -> Result<(Overrides, Vec<u8>), Error> {
    let Some(rel) = &project.overrides else {
        return Ok((Overrides::default(), Vec::new()));
    };
    let path = project.path(rel);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(Error::read(&path, e)),
    };
    let o = Overrides::parse(&path, &text)?;
    let tags: BTreeSet<&str> = project
        .targets
        .iter()
        .chain(project.locales.iter().flat_map(|l| &l.targets))
        .map(|t| t.target.tag())
        .collect();
    let named = o
        .word
        .iter()
        .flat_map(|w| &w.targets)
        .chain(o.spot.iter().flat_map(|s| &s.targets));
    for t in named {
        if !tags.contains(t.as_str()) {
            return Err(Error::new(ErrorKind::OverrideTarget { name: t.clone() }));
        }
    }
    Ok((o, text.into_bytes()))
}

fn settings_of(spec: &TargetSpec) -> String {
    format!(
        "{}|phrases={}|corner={}|terms={:?}|term-lang={:?}",
        spec.target.tag(),
        spec.phrases,
        spec.corner_quotes,
        spec.terms,
        spec.term_lang.as_ref().map(Lang::as_str)
    )
}

impl<'p> Shared<'p> {
    fn new(
        project: &'p Project,
        options: &BuildOptions,
        sink: &'p dyn Sink,
    ) -> Result<Shared<'p>, Error> {
        let plan = project.plan()?;
        let (glossary, conflicts, glossary_bytes) = load_glossaries(project)?;
        let (overrides, override_bytes) = load_overrides(project)?;
        let manifest = Manifest::read(&project.path(&project.cache_file()));
        let conversions: Vec<Conversion> = plan
            .specs
            .iter()
            .map(|s| {
                Conversion::builder(s.target)
                    .phrases(s.phrases)
                    .corner_quotes(s.corner_quotes)
                    .build()
            })
            .collect();
        let mut appliers = Vec::new();
        for s in &plan.specs {
            if glossary.entries.is_empty() {
                appliers.push(None);
                continue;
            }
            let target_lang = Lang::parse(s.target.tag()).map_err(|kind| {
                Error::new(ErrorKind::Glossary {
                    path: project.file.clone(),
                    error: bianyi_glossary::Error::new(kind),
                })
            })?;
            let to_target = Conversion::new(s.target);
            let applier = Applier::new(
                &glossary,
                s.terms,
                &target_lang,
                s.term_lang.as_ref(),
                &|t| to_target.convert(t),
            )
            .map_err(|error| {
                Error::new(ErrorKind::Glossary {
                    path: project.file.clone(),
                    error,
                })
            })?;
            appliers.push(Some(applier));
        }
        let matcher = if glossary.entries.is_empty() {
            None
        } else {
            Some(Matcher::new(&glossary, Applier::include).map_err(|error| {
                Error::new(ErrorKind::Glossary {
                    path: project.file.clone(),
                    error,
                })
            })?)
        };
        let entry_digests = glossary
            .entries
            .iter()
            .map(|e| hash(serde_json::to_string(e).unwrap_or_default().as_bytes()))
            .collect();
        let langs = format!(
            "{:?}>{:?}",
            glossary.source.as_ref().map(Lang::as_str),
            glossary.target.as_ref().map(Lang::as_str)
        );
        let settings = plan
            .specs
            .iter()
            .map(|s| format!("{}|{langs}", settings_of(s)))
            .collect();
        let everything = hash_parts(&[&glossary_bytes, &override_bytes]);
        Ok(Shared {
            project,
            plan,
            manifest,
            conversions,
            appliers,
            matcher,
            conflicts,
            entry_digests,
            overrides,
            settings,
            everything,
            options: options.clone(),
            sink,
        })
    }

    /// The settings of `job` as text: its target's, and how its input is
    /// read.
    fn job_settings(&self, job: &Job) -> String {
        let report = match (&self.plan.specs[job.spec].report, job.report) {
            (Some((format, _)), true) => {
                format!("report={format:?}|{}", self.translation_hash(job))
            }
            _ => String::new(),
        };
        let how = match job.kind {
            InputKind::Document(k) => {
                let s = &self.project.sources[k];
                format!(
                    "doc|{:?}|{:?}",
                    s.format.map(DocFormat::name),
                    encoding_name(s.encoding)
                )
            }
            InputKind::Locale(k) => format!("l10n|comments={}", self.project.locales[k].comments),
        };
        format!("{VERSION}|{}|{how}|{report}", self.settings[job.spec])
    }

    /// The path and hash of the translation of a report's input.
    fn translation(&self, job: &Job) -> Option<(String, String, &str)> {
        let InputKind::Document(k) = job.kind else {
            return None;
        };
        let set = &self.project.sources[k];
        let rel = set.translation.as_ref()?.render(&job.input, "")?;
        let text = std::fs::read_to_string(self.project.path(&rel)).ok()?;
        Some((rel, text, set.translation_lang.as_str()))
    }

    fn translation_hash(&self, job: &Job) -> String {
        self.translation(job)
            .map(|(rel, text, lang)| {
                // The reviewed alignment too (its bytes; none: empty).
                let review = std::fs::read(
                    self.project
                        .path(&crate::alignments::alignment_file(&job.input)),
                )
                .unwrap_or_default();
                hash_parts(&[rel.as_bytes(), text.as_bytes(), lang.as_bytes(), &review])
            })
            .unwrap_or_default()
    }

    /// Everything `job`'s output may depend on.
    fn cheap_key(&self, job: &Job, input_hash: &str) -> String {
        hash_parts(&[
            input_hash.as_bytes(),
            self.job_settings(job).as_bytes(),
            self.everything.as_bytes(),
        ])
    }

    /// What `job`'s output does depend on, knowing its text.
    fn deep_key(&self, job: &Job, input_hash: &str, text: &str) -> String {
        let mut found: BTreeSet<&str> = BTreeSet::new();
        if let Some(m) = &self.matcher {
            for hit in m.find(text) {
                if let Some(d) = self.entry_digests.get(hit.entry) {
                    found.insert(d);
                }
            }
        }
        let decisions = self.decisions(job);
        let mut used = String::new();
        for d in decisions.iter().filter(|d| text.contains(&d.pattern)) {
            used.push_str(&format!("{:?}\n", d));
        }
        let entries: Vec<&str> = found.into_iter().collect();
        hash_parts(&[
            input_hash.as_bytes(),
            self.job_settings(job).as_bytes(),
            entries.join(",").as_bytes(),
            used.as_bytes(),
        ])
    }

    fn decisions(&self, job: &Job) -> Vec<Decision> {
        self.overrides
            .for_file(&job.input, self.plan.specs[job.spec].target.tag())
    }
}

fn encoding_name(e: SourceEncoding) -> &'static str {
    match e {
        SourceEncoding::Utf8 => "UTF-8",
        SourceEncoding::Fixed(enc) => enc.name(),
        SourceEncoding::Auto => "auto",
    }
}

/// The text of `input` (a path relative to the project), read as the
/// source set that takes it says (a localization file: UTF-8), as a build
/// reads it.
pub fn read_input(project: &Project, input: &str) -> Result<String, Failure> {
    let bytes = std::fs::read(project.path(input)).map_err(Failure::Read)?;
    let encoding = match project.input_kind(input) {
        Some(InputKind::Document(k)) => project.sources[k].encoding,
        _ => SourceEncoding::Utf8,
    };
    decode(bytes, encoding)
}

/// The text of a source read as `encoding` says.
pub(crate) fn decode(bytes: Vec<u8>, encoding: SourceEncoding) -> Result<String, Failure> {
    let utf8 = |bytes: Vec<u8>| {
        let start = if bytes.starts_with(b"\xEF\xBB\xBF") {
            3
        } else {
            0
        };
        match std::str::from_utf8(&bytes[start..]) {
            Ok(_) => Ok(String::from_utf8(bytes[start..].to_vec()).unwrap_or_default()),
            Err(e) => Err(Failure::InvalidUtf8 {
                byte: start + e.valid_up_to(),
            }),
        }
    };
    let with = |enc: &'static encoding_rs::Encoding, bytes: &[u8]| {
        enc.decode_without_bom_handling_and_without_replacement(bytes)
            .map(|c| c.into_owned())
            .ok_or(Failure::Decode {
                encoding: enc.name(),
            })
    };
    match encoding {
        SourceEncoding::Utf8 => utf8(bytes),
        SourceEncoding::Fixed(enc) => with(enc, &bytes),
        SourceEncoding::Auto => {
            if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(&bytes) {
                return with(enc, &bytes[bom..]);
            }
            if std::str::from_utf8(&bytes).is_ok() {
                return utf8(bytes);
            }
            let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            det.feed(&bytes, true);
            with(det.guess(None, chardetng::Utf8Detection::Deny), &bytes)
        }
    }
}

/// A glossary and a project's decisions applied to one document, counting
/// the terms written.
struct ProjectHook<'a> {
    decisions: &'a [Decision],
    applier: Option<&'a Applier>,
    mentions: Mentions,
    terms: usize,
}

impl ProjectHook<'_> {
    fn terms(&mut self, text: &str, convert: &mut dyn FnMut(&str, &mut String), out: &mut String) {
        match self.applier {
            None => convert(text, out),
            Some(a) => self.terms += a.apply(text, &mut self.mentions, convert, out).len(),
        }
    }
}

impl Hook for ProjectHook<'_> {
    fn apply(&mut self, text: &str, convert: &mut dyn FnMut(&str, &mut String), out: &mut String) {
        if self.decisions.is_empty() {
            return self.terms(text, convert, out);
        }
        let mut at = 0;
        for (start, end, output) in places(text, self.decisions) {
            if start > at {
                self.terms(&text[at..start], convert, out);
            }
            out.push_str(output);
            at = end;
        }
        if at < text.len() {
            self.terms(&text[at..], convert, out);
        }
    }
}

/// The start of `text` that a target's conversion judges it by.
fn sample(text: &str) -> &str {
    let mut cut = text.len().min(DETECT_BYTES);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    &text[..cut]
}

/// How many characters differ between `a` and `b`.
fn chars_changed(a: &str, b: &str) -> usize {
    let (mut x, mut y) = (a.chars(), b.chars());
    let mut n = 0;
    loop {
        match (x.next(), y.next()) {
            (None, None) => return n,
            (Some(p), Some(q)) if p == q => {}
            _ => n += 1,
        }
    }
}

impl Shared<'_> {
    /// Converts `text`, the input of `job`: the output's text and the
    /// number of terms applied.
    fn convert(&self, job: &Job, text: &str) -> Result<(String, usize), Failure> {
        let conversion = &self.conversions[job.spec];
        let decisions = self.decisions(job);
        let mut hook = ProjectHook {
            decisions: &decisions,
            applier: self.appliers[job.spec].as_ref(),
            mentions: Mentions::new(),
            terms: 0,
        };
        let plain = hook.decisions.is_empty() && hook.applier.is_none();
        let run = |prepared: &Prepared<'_>, hook: &mut ProjectHook<'_>, t: &str| {
            if plain {
                prepared.convert(t)
            } else {
                prepared.convert_with(t, hook)
            }
        };
        let spec = &self.plan.specs[job.spec];
        if job.report {
            let reporter = self
                .options
                .reporter
                .as_ref()
                .ok_or(Failure::Report(None))?;
            let translation = self.translation(job);
            let alignment = match &translation {
                Some(_) => crate::alignments::load_alignment(self.project, &job.input)
                    .map_err(|e| Failure::Report(Some(e.to_string())))?
                    .map(|(a, _)| a),
                None => None,
            };
            let out = reporter
                .report_reviewed(
                    &job.input,
                    text,
                    spec,
                    translation
                        .as_ref()
                        .map(|(p, t, l)| (p.as_str(), t.as_str(), *l)),
                    alignment.as_ref(),
                )
                .map_err(|m| Failure::Report(Some(m)))?;
            return Ok((out, 0));
        }
        let out = match job.kind {
            InputKind::Document(k) => {
                let set = &self.project.sources[k];
                let format = set
                    .format
                    .unwrap_or_else(|| DocFormat::from_path(Path::new(&job.input)));
                let prepared = conversion.prepare(sample(text));
                if format == DocFormat::Text {
                    run(&prepared, &mut hook, text)
                } else {
                    let mut options = DocOptions::default();
                    options.lang = Some(spec.target.tag().to_string());
                    bianyi_rewrite::convert_document(format, text, &options, &mut |t| {
                        run(&prepared, &mut hook, t)
                    })
                    .map_err(|error| Failure::Format {
                        format: format.name(),
                        error,
                    })?
                }
            }
            InputKind::Locale(k) => {
                let comments = self.project.locales[k].comments;
                let format = locale_format(&job.input).ok_or(Failure::UnknownLocaleFormat)?;
                let bad = |error| Failure::Format {
                    format: format.name(),
                    error,
                };
                let doc = LocaleFile::parse(format, text).map_err(bad)?;
                let prepared = conversion.prepare(&doc.sample());
                let language = spec.target.tag().replace('-', "_");
                let after = doc.rewrite(
                    &mut |unit, _, t| {
                        if unit.comment && !comments {
                            t.to_string()
                        } else {
                            run(&prepared, &mut hook, t)
                        }
                    },
                    Some(&language),
                );
                bianyi_rewrite::verify(format, text, &after).map_err(bad)?;
                after
            }
        };
        Ok((out, hook.terms))
    }

    /// Builds the outputs of one input.
    fn input(&self, input: &str, jobs: &[&Job]) -> (Option<InputRecord>, Vec<Done>) {
        let path = self.project.path(input);
        let stamp = Stamp::of(&path);
        let recorded = self.manifest.inputs.get(input);
        let mut bytes: Option<Vec<u8>> = None;
        let input_hash = match (stamp, recorded) {
            (Some(s), Some(r)) if r.stamp == s => r.hash.clone(),
            _ => match std::fs::read(&path) {
                Ok(b) => {
                    let h = hash(&b);
                    bytes = Some(b);
                    h
                }
                Err(e) => {
                    let done = jobs
                        .iter()
                        .map(|j| {
                            let err = std::io::Error::new(e.kind(), e.to_string());
                            self.done(j, Outcome::Failed(Failure::Read(err)), None)
                        })
                        .collect();
                    return (None, done);
                }
            },
        };
        let record = stamp.map(|stamp| InputRecord {
            stamp,
            hash: input_hash.clone(),
        });
        let mut text: Option<Result<String, ()>> = None;
        let mut done = Vec::with_capacity(jobs.len());
        for job in jobs {
            done.push(self.job(job, &path, &input_hash, &mut bytes, &mut text));
        }
        (record, done)
    }

    fn done(&self, job: &Job, outcome: Outcome, record: Option<OutputRecord>) -> Done {
        Done {
            report: OutputReport {
                output: job.output.clone(),
                input: job.input.clone(),
                target: self.plan.specs[job.spec].target.tag().to_string(),
                outcome,
                chars_changed: 0,
                terms_applied: 0,
            },
            record,
        }
    }

    fn job(
        &self,
        job: &Job,
        path: &Path,
        input_hash: &str,
        bytes: &mut Option<Vec<u8>>,
        text: &mut Option<Result<String, ()>>,
    ) -> Done {
        let out_path = self.project.path(&job.output);
        let cheap = self.cheap_key(job, input_hash);
        let recorded = self.manifest.outputs.get(&job.output);
        let on_disk = Stamp::of(&out_path);
        // The output as the last build left it, or changed since.
        let mut current_hash: Option<String> = None;
        let mut stamp_now = None;
        if let (Some(r), Some(s)) = (recorded, on_disk) {
            if r.stamp == s {
                current_hash = Some(r.hash.clone());
                stamp_now = Some(s);
            } else if let Ok(b) = std::fs::read(&out_path) {
                current_hash = Some(hash(&b));
                stamp_now = Some(s);
            }
        }
        let modified = match (recorded, &current_hash) {
            (Some(r), Some(h)) => *h != r.hash,
            _ => false,
        };
        // An output that differs from what the manifest says was written
        // is changed by hand only if it is not what building writes now
        // either (a build interrupted before its manifest was written leaves
        // new outputs under old records): that needs the conversion.
        let keep = |r: &OutputRecord, cheap: String, deep: String| OutputRecord {
            cheap,
            deep,
            stamp: stamp_now.unwrap_or(r.stamp),
            ..r.clone()
        };
        if let Some(r) = recorded
            && !modified
            && current_hash.is_some()
            && r.cheap == cheap
        {
            return self.done(
                job,
                Outcome::Unchanged,
                Some(keep(r, cheap, r.deep.clone())),
            );
        }
        // Something it may depend on changed: look at the text.
        if text.is_none() {
            let b = match bytes.take() {
                Some(b) => Ok(b),
                None => std::fs::read(path),
            };
            *text = Some(match b {
                Err(e) => {
                    return self.done(job, Outcome::Failed(Failure::Read(e)), recorded.cloned());
                }
                Ok(b) => {
                    let encoding = match job.kind {
                        InputKind::Document(k) => self.project.sources[k].encoding,
                        InputKind::Locale(_) => SourceEncoding::Utf8,
                    };
                    match decode(b, encoding) {
                        Ok(t) => Ok(t),
                        Err(f) => return self.done(job, Outcome::Failed(f), recorded.cloned()),
                    }
                }
            });
        }
        let Some(Ok(text)) = text.as_ref() else {
            let f = Failure::Decode { encoding: "UTF-8" };
            return self.done(job, Outcome::Failed(f), recorded.cloned());
        };
        let deep = self.deep_key(job, input_hash, text);
        if let Some(r) = recorded
            && !modified
            && current_hash.is_some()
            && r.deep == deep
        {
            return self.done(job, Outcome::Unchanged, Some(keep(r, cheap, deep)));
        }
        let (out, terms) = match self.convert(job, text) {
            Ok(x) => x,
            Err(f) => return self.done(job, Outcome::Failed(f), recorded.cloned()),
        };
        let out_hash = hash(out.as_bytes());
        // Already there (a committed output, a cache lost): not rewritten.
        let same_on_disk = match &current_hash {
            Some(h) => *h == out_hash,
            None => std::fs::read(&out_path).is_ok_and(|b| hash(&b) == out_hash),
        };
        if modified && !same_on_disk && !self.options.force {
            return self.done(job, Outcome::ModifiedByHand, recorded.cloned());
        }
        let mut report = self.done(job, Outcome::Unchanged, None);
        if !same_on_disk {
            report.report.outcome = Outcome::Converted;
            if !job.report {
                report.report.chars_changed = chars_changed(text, &out);
            }
            report.report.terms_applied = terms;
            if !self.options.dry_run
                && let Err(e) = self.write(&out_path, out.as_bytes())
            {
                report.report.outcome = Outcome::Failed(Failure::Write(e));
                report.record = recorded.cloned();
                return report;
            }
        }
        report.record = Some(OutputRecord {
            input: job.input.clone(),
            target: self.plan.specs[job.spec].target.tag().to_string(),
            cheap,
            deep,
            hash: out_hash,
            stamp: Stamp::of(&out_path).unwrap_or_default(),
        });
        report
    }

    fn write(&self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        self.sink.write(path, bytes)
    }
}

struct Done {
    report: OutputReport,
    record: Option<OutputRecord>,
}

/// Builds `project`: every output whose input, settings, glossary entries
/// or decisions changed since the last build is converted and handed to
/// `sink`; outputs of inputs that are gone are removed; outputs changed by
/// hand are left alone (unless [`BuildOptions::force`]). Then the manifest
/// is written, through `sink` too. An error is returned, with nothing
/// written, only when the project itself is wrong (see [`Project::plan`]);
/// a file that fails is reported in its [`OutputReport`].
pub fn build(
    project: &Project,
    options: &BuildOptions,
    sink: &dyn Sink,
    events: &(dyn Fn(Event<'_>) + Sync),
) -> Result<BuildReport, Error> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.threads.unwrap_or(0))
        .build();
    match pool {
        Ok(pool) => pool.install(|| build_here(project, options, sink, events)),
        // No threads to be had: on this one.
        Err(_) => build_here(project, options, sink, events),
    }
}

fn build_here(
    project: &Project,
    options: &BuildOptions,
    sink: &dyn Sink,
    events: &(dyn Fn(Event<'_>) + Sync),
) -> Result<BuildReport, Error> {
    let shared = Shared::new(project, options, sink)?;
    let planned: BTreeSet<&str> = shared.plan.jobs.iter().map(|j| j.output.as_str()).collect();
    let gone: Vec<(&String, &OutputRecord)> = shared
        .manifest
        .outputs
        .iter()
        .filter(|(o, _)| !planned.contains(o.as_str()))
        .collect();
    events(Event::Planned {
        total: shared.plan.jobs.len() + gone.len(),
    });
    let mut by_input: BTreeMap<&str, Vec<&Job>> = BTreeMap::new();
    for j in &shared.plan.jobs {
        by_input.entry(j.input.as_str()).or_default().push(j);
    }
    let groups: Vec<(&str, Vec<&Job>)> = by_input.into_iter().collect();
    let results: Vec<(String, Option<InputRecord>, Vec<Done>)> = groups
        .par_iter()
        .map(|(input, jobs)| {
            let (record, done) = shared.input(input, jobs);
            for d in &done {
                events(Event::Output(&d.report));
            }
            (input.to_string(), record, done)
        })
        .collect();
    let mut manifest = Manifest::default();
    let mut outputs = Vec::new();
    for (input, record, done) in results {
        if let Some(r) = record {
            manifest.inputs.insert(input, r);
        }
        for d in done {
            if let Some(r) = d.record {
                manifest.outputs.insert(d.report.output.clone(), r);
            }
            outputs.push(d.report);
        }
    }
    let removed = Mutex::new(Vec::new());
    gone.par_iter().for_each(|(output, record)| {
        let path = project.path(output);
        let on_disk = std::fs::read(&path).ok().map(|b| hash(&b));
        let mut report = OutputReport {
            output: output.to_string(),
            input: record.input.clone(),
            target: record.target.clone(),
            outcome: Outcome::Removed,
            chars_changed: 0,
            terms_applied: 0,
        };
        let mut keep = false;
        match on_disk {
            // Already gone.
            None => report.outcome = Outcome::Unchanged,
            Some(h) if h != record.hash && !options.force => {
                report.outcome = Outcome::ModifiedByHand;
                keep = true;
            }
            Some(_) => {
                if !options.dry_run
                    && let Err(e) = sink.remove(&path)
                {
                    report.outcome = Outcome::Failed(Failure::Write(e));
                    keep = true;
                }
            }
        }
        events(Event::Output(&report));
        if let Ok(mut r) = removed.lock() {
            r.push((report, keep.then(|| (*record).clone())));
        }
    });
    for (report, record) in removed.into_inner().unwrap_or_default() {
        if let Some(r) = record {
            manifest.outputs.insert(report.output.clone(), r);
        }
        outputs.push(report);
    }
    outputs.sort_by(|a, b| a.output.cmp(&b.output));
    if !options.dry_run {
        let cache = project.path(&project.cache);
        let ignore = cache.join(".gitignore");
        if !ignore.exists() {
            // The cache is this machine's: never committed.
            let _ = sink.write(&ignore, b"*\n");
        }
        let path = project.path(&project.cache_file());
        // Without a manifest the next build compares contents instead: a
        // failure here costs time, never correctness.
        let _ = sink.write(&path, &manifest.to_bytes());
    }
    Ok(BuildReport {
        outputs,
        conflicts: shared.conflicts.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::{Files, Sink};

    #[test]
    fn files_are_replaced_whole_with_their_folder_made() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out/zh-Hans/a.txt");
        Files.write(&path, "第一版".as_bytes()).unwrap();
        Files.write(&path, "第二版".as_bytes()).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "第二版");
        // No temporary file is left beside it.
        let names: Vec<_> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["a.txt"]);
        Files.remove(&path).unwrap();
        assert!(!path.exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        Files.write(&path, b"new").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }
}
