//! `bianyi init`, `build`, `check` and `override`: the project commands,
//! a thin layer over `bianyi-project` (arguments, progress, messages,
//! atomic writes).

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use bianyi_project::{
    BuildOptions, BuildReport, ErrorKind, Event, Failure, Finding, Outcome, Overrides, Project,
    SpotOverride, WordOverride,
};
use fluent_bundle::FluentValue;
use indicatif::{ProgressBar, ProgressStyle};

use crate::args::{
    BuildArgs, CheckArgs, CheckFormat, InitArgs, OverrideArgs, OverrideCommand, ProjectArg,
    ServeArgs,
};
use crate::error::{CliError, Source};
use crate::i18n::Localizer;
use crate::output;
use crate::term::shown;

fn s(v: &str) -> FluentValue<'static> {
    FluentValue::from(shown(v))
}

fn n(v: usize) -> FluentValue<'static> {
    FluentValue::from(v)
}

/// A line on standard error.
fn say(text: &str) {
    let _ = writeln!(io::stderr().lock(), "{}", crate::term::line(text));
}

/// The project of `--project`, else the nearest bianyi.toml up from here.
fn load(arg: &ProjectArg) -> Result<Project, CliError> {
    match &arg.project {
        Some(p) => Project::load(p),
        None => Project::discover(Path::new("")),
    }
    .map_err(CliError::Project)
}

/// `bianyi init`.
pub(crate) fn init(args: &InitArgs, lang: Option<&str>) -> Result<(), CliError> {
    let l = Localizer::from_env(lang);
    let path = args.dir.join(bianyi_project::FILE_NAME);
    if path.exists() {
        return Err(CliError::InitExists {
            path: path.display().to_string(),
        });
    }
    let text = bianyi_project::starter(&args.dir);
    output::write(Some(&path), text.as_bytes())?;
    say(&l.msg("init-written", &[("path", s(&path.display().to_string()))]));
    Ok(())
}

/// `bianyi build`.
pub(crate) fn build(args: &BuildArgs, lang: Option<&str>) -> Result<(), CliError> {
    let l = Localizer::from_env(lang);
    let project = load(&args.project)?;
    let mut options = BuildOptions::default();
    options.dry_run = args.dry_run || args.check;
    options.force = args.force;
    options.threads = args.threads.map(usize::from);
    options.reporter = Some(reporter(&project, lang));
    let result = build_once(&l, &project, &options, args);
    if !args.watch {
        return result;
    }
    if let Err(e) = &result
        && !matches!(e, CliError::Findings)
    {
        say(&l.msg("error-line", &[("message", e.render(&l).into())]));
    }
    watch(&l, &project, &options, args)
}

fn build_once(
    l: &Localizer,
    project: &Project,
    options: &BuildOptions,
    args: &BuildArgs,
) -> Result<(), CliError> {
    let bar = if io::stderr().is_terminal() && !options.dry_run {
        let bar = ProgressBar::new(0);
        let files = l.msg("batch-progress-files", &[]).replace(['{', '}'], "");
        if let Ok(style) =
            ProgressStyle::with_template(&format!("{{bar:40}} {{pos}}/{{len}} {files} {{eta}}"))
        {
            bar.set_style(style);
        }
        bar
    } else {
        ProgressBar::hidden()
    };
    let events = |e: Event<'_>| match e {
        Event::Planned { total } => bar.set_length(total as u64),
        Event::Output(_) => bar.inc(1),
        _ => {}
    };
    let report = bianyi_project::build(project, options, &bianyi_project::Files, &events)
        .map_err(CliError::Project)?;
    bar.finish_and_clear();
    for c in &report.conflicts {
        say(&l.msg(
            "warning-glossary-conflict",
            &[
                ("term", s(&c.term)),
                ("first", s(&project.glossaries[c.first])),
                ("first_target", s(&c.first_target)),
                ("second", s(&project.glossaries[c.second])),
                ("second_target", s(&c.second_target)),
            ],
        ));
    }
    let lines = report_lines(l, &report, options.dry_run);
    if options.dry_run {
        // What would change is the output of a dry run.
        write_out(&lines)?;
    } else {
        for line in lines.lines() {
            say(line);
        }
    }
    let sum = report.summary();
    let qa = if options.dry_run {
        0
    } else {
        qa_count(project)
    };
    say(&l.msg(
        if options.dry_run {
            "build-summary-dry"
        } else {
            "build-summary"
        },
        &[
            ("converted", n(sum.converted)),
            ("unchanged", n(sum.unchanged)),
            ("failed", n(sum.failed)),
            ("removed", n(sum.removed)),
            ("modified", n(sum.modified)),
            ("chars", n(sum.chars_changed)),
            ("terms", n(sum.terms_applied)),
            ("findings", n(qa)),
        ],
    ));
    if sum.modified > 0 && !args.check {
        say(&l.msg("build-modified-hint", &[("count", n(sum.modified))]));
    }
    if args.check && report.changes() {
        say(&l.msg("build-check-failed", &[]));
        return Err(CliError::Findings);
    }
    if sum.failed > 0 || sum.modified > 0 {
        return Err(CliError::Findings);
    }
    Ok(())
}

/// Glossary QA findings of the project's translations (for the summary).
fn qa_count(project: &Project) -> usize {
    if project.glossaries.is_empty() || project.sources.iter().all(|s| s.translation.is_none()) {
        return 0;
    }
    bianyi_project::review(project).map_or(0, |found| {
        found
            .iter()
            .filter(|f| matches!(f, Finding::Qa { .. }))
            .count()
    })
}

fn write_out(text: &str) -> Result<(), CliError> {
    match output::write(None, text.as_bytes()) {
        Err(e) if e.is_broken_pipe() => Ok(()),
        other => other,
    }
}

/// One line per output that changed (or would), sorted by path.
fn report_lines(l: &Localizer, report: &BuildReport, dry: bool) -> String {
    let mut text = String::new();
    for o in &report.outputs {
        let output = s(&o.output);
        let line = match (&o.outcome, dry) {
            (Outcome::Converted, false) => l.msg("build-converted", &[("output", output)]),
            (Outcome::Converted, true) => l.msg("build-would-convert", &[("output", output)]),
            (Outcome::Removed, false) => l.msg("build-removed", &[("output", output)]),
            (Outcome::Removed, true) => l.msg("build-would-remove", &[("output", output)]),
            (Outcome::ModifiedByHand, _) => l.msg("build-modified", &[("output", output)]),
            (Outcome::Failed(f), _) => l.msg(
                "build-failed",
                &[
                    ("output", output),
                    ("reason", FluentValue::from(failure(l, &o.input, f))),
                ],
            ),
            _ => continue,
        };
        text.push_str(&line);
        text.push('\n');
    }
    text
}

/// Why one file failed, in the user's language.
fn failure(l: &Localizer, input: &str, f: &Failure) -> String {
    let source = Source::Path(input.to_string());
    match f {
        Failure::Read(e) => CliError::Read {
            source,
            error: io::Error::new(e.kind(), e.to_string()),
        }
        .render(l),
        Failure::Write(e) => crate::error::io_reason(e, l),
        Failure::InvalidUtf8 { byte } => l.msg(
            "build-failed-utf8",
            &[("input", s(input)), ("offset", n(*byte))],
        ),
        Failure::Decode { encoding } => l.msg(
            "build-failed-decode",
            &[("input", s(input)), ("encoding", s(encoding))],
        ),
        Failure::Format { format, error } => l.msg(
            "build-failed-format",
            &[
                ("input", s(input)),
                ("format", s(format)),
                ("message", s(&error.to_string())),
            ],
        ),
        Failure::UnknownLocaleFormat => l.msg("build-failed-locale", &[("input", s(input))]),
        // The reporter's message is localized and escaped already.
        Failure::Report(Some(message)) => message.clone(),
        _ => shown(&format!("{f:?}")),
    }
}

/// The reports of `[[targets]] report`, written as `bianyi report` writes
/// them (crates/cli/align.rs), in the user's language.
struct Reports {
    lang: Option<String>,
    glossaries: Vec<PathBuf>,
}

fn reporter(project: &Project, lang: Option<&str>) -> std::sync::Arc<dyn bianyi_project::Reporter> {
    std::sync::Arc::new(Reports {
        lang: lang.map(str::to_string),
        glossaries: project.glossaries.iter().map(|g| project.path(g)).collect(),
    })
}

impl bianyi_project::Reporter for Reports {
    fn report(
        &self,
        input: &str,
        text: &str,
        spec: &bianyi_project::TargetSpec,
        translation: Option<(&str, &str, &str)>,
    ) -> Result<String, String> {
        self.report_reviewed(input, text, spec, translation, None)
    }

    fn report_reviewed(
        &self,
        input: &str,
        text: &str,
        spec: &bianyi_project::TargetSpec,
        translation: Option<(&str, &str, &str)>,
        alignment: Option<&bianyi_project::Alignment>,
    ) -> Result<String, String> {
        let l = Localizer::from_env(self.lang.as_deref());
        let args = crate::args::ReportArgs {
            file: input.into(),
            to: Some(spec.target.tag().to_string()),
            config: None,
            glossaries: self.glossaries.clone(),
            translation: translation.map(|(p, _, _)| p.into()),
            translation_lang: translation.map_or("en", |(_, _, l)| l).to_string(),
            // The installed word lexicon, as `bianyi report` uses it.
            no_dict: false,
            output: None,
            format: match spec.report.as_ref().map(|r| r.0) {
                Some(bianyi_project::ReportFormat::Markdown) => crate::args::ReportFormat::Md,
                Some(bianyi_project::ReportFormat::Tmx) => crate::args::ReportFormat::Tmx,
                Some(bianyi_project::ReportFormat::Xliff) => crate::args::ReportFormat::Xliff,
                _ => crate::args::ReportFormat::Html,
            },
        };
        let conversion = bianyi_convert::Conversion::builder(spec.target)
            .phrases(spec.phrases)
            .corner_quotes(spec.corner_quotes)
            .build();
        crate::align::report_text(
            &l,
            &args,
            &conversion,
            text,
            translation.map(|(_, t, _)| t),
            alignment,
        )
        .map_err(|e| e.render(&l))
    }
}

/// `bianyi build --watch`: builds again after files of the project change.
fn watch(
    l: &Localizer,
    project: &Project,
    options: &BuildOptions,
    args: &BuildArgs,
) -> Result<(), CliError> {
    use notify::{RecursiveMode, Watcher};
    let (tx, rx) = std::sync::mpsc::channel();
    let mut watcher = notify::recommended_watcher(tx).map_err(|e| CliError::Read {
        source: Source::path(&project.root),
        error: io::Error::other(e.to_string()),
    })?;
    watcher
        .watch(&project.root, RecursiveMode::Recursive)
        .map_err(|e| CliError::Read {
            source: Source::path(&project.root),
            error: io::Error::other(e.to_string()),
        })?;
    let cache = std::fs::canonicalize(project.path(&project.cache)).unwrap_or_default();
    let outputs = |p: &Path| -> bool {
        // Writes of the build itself (outputs, the manifest) start no build.
        p.starts_with(&cache)
            || p.components()
                .any(|c| c.as_os_str().to_string_lossy().starts_with(".bianyi"))
    };
    let root = std::fs::canonicalize(&project.root).unwrap_or_else(|_| project.root.clone());
    say(&l.msg("build-watching", &[]));
    let mut project = project.clone();
    let mut last_outputs = planned_outputs(&project);
    loop {
        let Ok(first) = rx.recv() else {
            return Ok(());
        };
        // Changes only: reading a file (the build reads them all) is an
        // event too.
        let changes = |e: notify::Result<notify::Event>| match e {
            Ok(e) if !matches!(e.kind, notify::EventKind::Access(_)) => e.paths,
            _ => Vec::new(),
        };
        let mut paths: Vec<PathBuf> = changes(first);
        if paths.is_empty() {
            continue;
        }
        // Let a burst of changes (an editor's save, a checkout) settle, for
        // 200 ms at most: a reader polling the outputs makes events too.
        let deadline = std::time::Instant::now() + std::time::Duration::from_millis(200);
        while let Some(left) = deadline.checked_duration_since(std::time::Instant::now()) {
            match rx.recv_timeout(left) {
                Ok(more) => paths.extend(changes(more)),
                Err(_) => break,
            }
        }
        let relevant = paths.iter().any(|p| {
            let canon = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
            // Temporary files (output.rs writes `.tmp…` beside each output)
            // and editors' swap files are hidden.
            let hidden = p
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            !hidden
                && !outputs(&canon)
                && !last_outputs.iter().any(|o| canon.ends_with(o))
                && declared(&project, &root, &canon)
        });
        if !relevant {
            continue;
        }
        // The project file may have changed too.
        match Project::load(&project.file) {
            Ok(p) => project = p,
            Err(e) => {
                say(&l.msg(
                    "error-line",
                    &[("message", crate::project::error(&e, l).into())],
                ));
                continue;
            }
        }
        if let Err(e) = build_once(l, &project, options, args)
            && !matches!(e, CliError::Findings)
        {
            say(&l.msg("error-line", &[("message", e.render(l).into())]));
        }
        last_outputs = planned_outputs(&project);
    }
}

/// Whether `path` (canonical) is something the project reads: an input,
/// the project file, a glossary, the overrides. A path outside the
/// project's folder counts (it cannot be told).
fn declared(project: &Project, root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return true;
    };
    let rel = rel.to_string_lossy().replace('\\', "/");
    project.input_kind(&rel).is_some()
        || project.file.file_name() == Some(std::ffi::OsStr::new(&rel))
        || project.glossaries.contains(&rel)
        || project.overrides.as_deref() == Some(rel.as_str())
}

fn planned_outputs(project: &Project) -> Vec<PathBuf> {
    project
        .plan()
        .map(|p| {
            p.jobs
                .into_iter()
                .map(|j| PathBuf::from(j.output))
                .collect()
        })
        .unwrap_or_default()
}

/// `bianyi check`.
pub(crate) fn check(args: &CheckArgs, lang: Option<&str>) -> Result<(), CliError> {
    let l = Localizer::from_env(lang);
    let project = load(&args.project)?;
    let mut options = BuildOptions::default();
    options.threads = args.threads.map(usize::from);
    options.reporter = Some(reporter(&project, lang));
    let report = bianyi_project::check(&project, &options).map_err(CliError::Project)?;
    let mut text = String::new();
    for f in &report.findings {
        match args.format {
            CheckFormat::Json => text.push_str(&crate::term::json(crate::json::to_line(f))),
            CheckFormat::Human => text.push_str(&finding_line(&l, f)),
        }
        text.push('\n');
    }
    write_out(&text)?;
    if report.findings.is_empty() {
        if args.format == CheckFormat::Human {
            say(&l.msg("check-clean", &[]));
        }
        return Ok(());
    }
    if args.format == CheckFormat::Human {
        say(&l.msg("check-findings", &[("count", n(report.findings.len()))]));
    }
    Err(CliError::Findings)
}

fn finding_line(l: &Localizer, f: &Finding) -> String {
    match f {
        Finding::Stale { output, input } => {
            l.msg("check-stale", &[("output", s(output)), ("input", s(input))])
        }
        Finding::Modified { output } => l.msg("check-modified", &[("output", s(output))]),
        Finding::Failed { output, input } => l.msg(
            "check-failed",
            &[("output", s(output)), ("input", s(input))],
        ),
        Finding::Qa {
            source,
            translation,
            finding,
        } => crate::glossary::finding_line(l, finding, source, translation),
        Finding::Forbidden {
            file,
            line,
            column,
            term,
            id,
            preferred,
        } => l.msg(
            "qa-forbidden",
            &[
                ("where", s(&format!("{file}:{line}:{column}"))),
                ("term", s(term)),
                ("id", s(id)),
                ("preferred", s(preferred.as_deref().unwrap_or("-"))),
            ],
        ),
        Finding::Standard {
            file,
            declared,
            detected,
        } => l.msg(
            "check-standard",
            &[
                ("file", s(file)),
                ("declared", s(declared)),
                ("detected", s(detected)),
            ],
        ),
        Finding::Placeholders {
            source,
            output,
            key,
        } => l.msg(
            "check-placeholders",
            &[
                ("source", s(source)),
                ("output", s(output)),
                ("key", s(key)),
            ],
        ),
        Finding::Alignment { file, source, bead } => l.msg(
            "check-alignment",
            &[("file", s(file)), ("source", s(source)), ("bead", n(*bead))],
        ),
        Finding::Override { file, context } => l.msg(
            "check-override",
            &[("file", s(file)), ("context", s(context))],
        ),
        _ => shown(&format!("{f:?}")),
    }
}

/// `bianyi override`.
pub(crate) fn overrides(args: &OverrideArgs, lang: Option<&str>) -> Result<(), CliError> {
    let l = Localizer::from_env(lang);
    let (project, targets) = match &args.command {
        OverrideCommand::Add {
            project, targets, ..
        }
        | OverrideCommand::Import {
            project, targets, ..
        } => (load(project)?, targets),
    };
    let Some(rel) = project.overrides.clone() else {
        return Err(CliError::Project(bianyi_project::Error::new(
            ErrorKind::BadValue {
                key: "overrides".to_string(),
                value: String::new(),
            },
        )));
    };
    let (mut decisions, _) = bianyi_project::load_overrides(&project).map_err(CliError::Project)?;
    let mut added = 0;
    match &args.command {
        OverrideCommand::Add {
            source, output, at, ..
        } => {
            match at {
                None => {
                    let mut w = WordOverride::default();
                    w.source = source.clone();
                    w.output = output.clone();
                    w.targets = targets.clone();
                    decisions.add_word(w);
                }
                Some(at) => {
                    let mut spot = spot_at(&project, at, source, output)?;
                    spot.targets = targets.clone();
                    decisions.add_spot(spot);
                }
            }
            added += 1;
        }
        OverrideCommand::Import { file, .. } => {
            for spot in import(&project, file, &mut added)? {
                let mut spot = spot;
                spot.targets = targets.clone();
                decisions.add_spot(spot);
            }
        }
    }
    let path = project.path(&rel);
    // Checked like any overrides file before it is written.
    let text = decisions.render();
    Overrides::parse(&path, &text).map_err(CliError::Project)?;
    output::write(Some(&path), text.as_bytes())?;
    say(&l.msg("override-added", &[("count", n(added)), ("path", s(&rel))]));
    Ok(())
}

/// What `bianyi serve` serves.
enum Served {
    Project(Project),
    /// One document, without a project file (`serve FILE --to T`).
    One(bianyi_serve::Single),
}

/// `bianyi serve`: listens on 127.0.0.1, says where, serves until
/// interrupted.
pub(crate) fn serve(args: &ServeArgs, lang: Option<&str>) -> Result<(), CliError> {
    let l = Localizer::from_env(lang);
    let single = args.to.len() + args.glossaries.len() + usize::from(args.overrides.is_some()) > 0;
    // Not a folder: a document (or a project file).
    let file = args.project.as_ref().filter(|p| !p.is_dir());
    let project = match (file, single) {
        (Some(f), true) => {
            if args.to.is_empty() {
                return Err(CliError::ServeNeedsTo {
                    path: f.display().to_string(),
                });
            }
            let single =
                bianyi_serve::Single::new(f, &args.to, &args.glossaries, args.overrides.as_deref())
                    .map_err(|e| match e {
                        bianyi_serve::SingleError::UnknownTarget(name) => {
                            CliError::UnknownTarget { name }
                        }
                        bianyi_serve::SingleError::Project(e) => CliError::Project(e),
                        bianyi_serve::SingleError::Io(path, error) => CliError::Read {
                            source: crate::error::Source::path(&path),
                            error,
                        },
                        other => CliError::ServeSingle(other),
                    })?;
            Served::One(single)
        }
        (_, true) => return Err(CliError::ServeNeedsFile),
        (Some(f), false) if f.is_file() && f.extension().is_none_or(|e| e != "toml") => {
            return Err(CliError::ServeNeedsTo {
                path: f.display().to_string(),
            });
        }
        (None, false)
            if args
                .project
                .as_ref()
                .is_some_and(|d| d.is_dir() && !d.join(bianyi_project::FILE_NAME).is_file()) =>
        {
            return Err(CliError::ServeNoProject {
                path: args
                    .project
                    .as_ref()
                    .map(|d| d.display().to_string())
                    .unwrap_or_default(),
            });
        }
        _ => Served::Project(load(&ProjectArg {
            project: args.project.clone(),
        })?),
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_io()
        .build()
        .map_err(CliError::Serve)?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", args.port))
            .await
            .map_err(CliError::Serve)?;
        let port = listener.local_addr().map_err(CliError::Serve)?.port();
        let mut options = bianyi_serve::Options::new(port, &l.locale()).map_err(CliError::Serve)?;
        let app = match project {
            Served::Project(project) => {
                options.reporter = Some(reporter(&project, lang));
                bianyi_serve::router(&project.file, options).map_err(CliError::Serve)?
            }
            Served::One(single) => bianyi_serve::router_single(single, options),
        };
        let url = format!("http://127.0.0.1:{port}/");
        say(&l.msg("serve-listening", &[("url", s(&url))]));
        if args.open {
            open_browser(&url);
        }
        axum::serve(listener, app).await.map_err(CliError::Serve)
    })
}

/// Opens `url` in the default browser, if the system says how.
fn open_browser(url: &str) {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    let _ = std::process::Command::new(program)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
}

/// The project-relative name of `file`, a path from the current folder.
fn in_project(project: &Project, file: &Path) -> String {
    let abs = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let (root, file_abs) = (abs(&project.root), abs(file));
    file_abs
        .strip_prefix(&root)
        .map(|r| r.to_string_lossy().replace('\\', "/"))
        .unwrap_or_else(|_| file.to_string_lossy().replace('\\', "/"))
}

fn spot_at(
    project: &Project,
    at: &str,
    source: &str,
    output: &str,
) -> Result<SpotOverride, CliError> {
    let bad = || {
        CliError::Project(bianyi_project::Error::new(ErrorKind::BadValue {
            key: "--at".to_string(),
            value: at.to_string(),
        }))
    };
    let mut parts = at.rsplitn(3, ':');
    let column: usize = parts.next().and_then(|c| c.parse().ok()).ok_or_else(bad)?;
    let line: usize = parts.next().and_then(|c| c.parse().ok()).ok_or_else(bad)?;
    let file = PathBuf::from(parts.next().ok_or_else(bad)?);
    spot(project, &file, line, column, source, output)
}

fn spot(
    project: &Project,
    file: &Path,
    line: usize,
    column: usize,
    source: &str,
    output: &str,
) -> Result<SpotOverride, CliError> {
    let text = std::fs::read_to_string(file).map_err(|error| CliError::Read {
        source: Source::path(file),
        error,
    })?;
    SpotOverride::at(
        &in_project(project, file),
        &text,
        line,
        column,
        source,
        output,
    )
    .map_err(CliError::Project)
}

/// The records of `convert --ambiguities` in `file` as spot decisions.
fn import(
    project: &Project,
    file: &Path,
    added: &mut usize,
) -> Result<Vec<SpotOverride>, CliError> {
    #[derive(serde::Deserialize)]
    struct Record {
        input: String,
        line: usize,
        column: usize,
        source: String,
        output: String,
    }
    let text = if file.as_os_str() == "-" {
        let mut t = String::new();
        io::Read::read_to_string(&mut io::stdin(), &mut t).map_err(|error| CliError::Read {
            source: Source::Stdin,
            error,
        })?;
        t
    } else {
        std::fs::read_to_string(file).map_err(|error| CliError::Read {
            source: Source::path(file),
            error,
        })?
    };
    let mut spots = Vec::new();
    for (k, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let r: Record = serde_json::from_str(line).map_err(|_| CliError::OverrideRecord {
            path: file.display().to_string(),
            line: k + 1,
        })?;
        spots.push(spot(
            project,
            Path::new(&r.input),
            r.line,
            r.column,
            &r.source,
            &r.output,
        )?);
        *added += 1;
    }
    Ok(spots)
}

/// A project error in the user's language, with its place.
pub(crate) fn error(e: &bianyi_project::Error, l: &Localizer) -> String {
    let what = match e.kind() {
        ErrorKind::NotFound { start } => {
            let start = if start.as_os_str().is_empty() {
                ".".to_string()
            } else {
                start.display().to_string()
            };
            l.msg("error-project-not-found", &[("start", s(&start))])
        }
        ErrorKind::Read { path, error } => CliError::Read {
            source: Source::path(path),
            error: io::Error::new(error.kind(), error.to_string()),
        }
        .render(l),
        ErrorKind::Syntax { message } => l.msg("error-project-syntax", &[("message", s(message))]),
        ErrorKind::UnknownKey { key, suggestion } => match suggestion {
            Some(sug) => l.msg(
                "error-project-unknown-key-suggest",
                &[("key", s(key)), ("suggestion", s(sug))],
            ),
            None => l.msg("error-project-unknown-key", &[("key", s(key))]),
        },
        ErrorKind::BadGlob { glob, message } => l.msg(
            "error-project-bad-glob",
            &[("glob", s(glob)), ("message", s(message))],
        ),
        ErrorKind::BadTemplate { template } => {
            l.msg("error-project-bad-template", &[("template", s(template))])
        }
        ErrorKind::UnknownTarget { name } => {
            l.msg("error-project-unknown-target", &[("name", s(name))])
        }
        ErrorKind::BadValue { key, value } => l.msg(
            "error-project-bad-value",
            &[("key", s(key)), ("value", s(value))],
        ),
        ErrorKind::MissingGlossary { path } => l.msg(
            "error-project-missing-glossary",
            &[("path", s(&path.display().to_string()))],
        ),
        ErrorKind::Glossary { error, .. } => crate::error::glossary_error(error, l),
        ErrorKind::SameOutput {
            output,
            first,
            second,
        } => l.msg(
            "error-project-same-output",
            &[
                ("output", s(output)),
                ("first", s(first)),
                ("second", s(second)),
            ],
        ),
        ErrorKind::OutputInSources { output, input } => l.msg(
            "error-project-output-in-sources",
            &[("output", s(output)), ("input", s(input))],
        ),
        ErrorKind::TargetTwice { name } => {
            l.msg("error-project-target-twice", &[("name", s(name))])
        }
        ErrorKind::OverrideTarget { name } => {
            l.msg("error-project-override-target", &[("name", s(name))])
        }
        ErrorKind::OverrideSpot { source, context } => l.msg(
            "error-project-override-spot",
            &[("source", s(source)), ("context", s(context))],
        ),
        ErrorKind::NoSuchSpot { file, source } => l.msg(
            "error-project-no-such-spot",
            &[("file", s(file)), ("source", s(source))],
        ),
        _ => shown(&e.to_string()),
    };
    match e.location() {
        Some(at) => l.msg(
            "error-project-at",
            &[
                ("place", s(&at.to_string())),
                ("what", FluentValue::from(what)),
            ],
        ),
        None => what,
    }
}
