//! The pages and the actions behind their forms.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;
use std::sync::Arc;

use axum::Form;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use bianyi_convert::Conversion;
use bianyi_project::{
    BuildOptions, Finding, Overrides, Project, Sink, SpotOverride, WordOverride, check,
    load_overrides, read_input,
};
use fluent_bundle::FluentValue;
use serde::Deserialize;

use crate::App;
use crate::html::{esc, esc_into, page, query};

/// A page telling what went wrong.
pub(crate) fn error_page(app: &App, status: StatusCode, message: &str) -> Response {
    let body = format!("<p class=\"error\" role=\"alert\">{}</p>\n", esc(message));
    let title = app.ui.t("serve-error-title", &[]);
    let home = app.ui.t("serve-home", &[]);
    (status, Html(page(&app.ui.lang, &title, &home, &body))).into_response()
}

pub(crate) fn project_error(app: &App, e: &bianyi_project::Error) -> Response {
    error_page(app, StatusCode::INTERNAL_SERVER_ERROR, &e.to_string())
}

/// Runs blocking work (reading, converting, building) off the server's
/// threads.
pub(crate) async fn blocking(
    app: Arc<App>,
    f: impl FnOnce(&App) -> Response + Send + 'static,
) -> Response {
    let fallback = app.clone();
    tokio::task::spawn_blocking(move || f(&app))
        .await
        .unwrap_or_else(|_| {
            error_page(
                &fallback,
                StatusCode::INTERNAL_SERVER_ERROR,
                &fallback.ui.t("serve-internal", &[]),
            )
        })
}

fn build_options(app: &App) -> BuildOptions {
    let mut o = BuildOptions::default();
    o.reporter = app.options.reporter.clone();
    // Outputs in memory: whatever is on disk at their paths is not theirs.
    o.force = app.single.is_some();
    o
}

/// The output `rel` as built: from memory without a project file (built
/// now), else from disk.
fn built_output(app: &App, project: &Project, rel: &str) -> Option<Vec<u8>> {
    match &app.single {
        Some((_, memory)) => memory.get(&project.path(rel)),
        None => crate::inside(&app.root, rel).and_then(|p| std::fs::read(p).ok()),
    }
}

/// The input a finding is about, if it names one.
fn finding_file(f: &Finding) -> Option<String> {
    let v = serde_json::to_value(f).ok()?;
    ["input", "source", "file"]
        .iter()
        .find_map(|k| v.get(*k).and_then(|s| s.as_str()).map(str::to_string))
}

/// A finding in one line: its kind, then its fields.
fn finding_text(f: &Finding) -> String {
    let Ok(serde_json::Value::Object(map)) = serde_json::to_value(f) else {
        return String::new();
    };
    let kind = map.get("kind").and_then(|k| k.as_str()).unwrap_or("");
    let mut out = kind.to_string();
    for (k, v) in &map {
        if k == "kind" {
            continue;
        }
        let v = match v {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let _ = write!(out, " · {k}: {v}");
    }
    out
}

/// `GET /`: the project's files, their outputs' state, the findings.
pub(crate) async fn index(State(app): State<Arc<App>>) -> Response {
    blocking(app, |app| {
        let project = match app.project() {
            Ok(p) => p,
            Err(e) => return project_error(app, &e),
        };
        let plan = match project.plan() {
            Ok(p) => p,
            Err(e) => return project_error(app, &e),
        };
        let report = match check(&project, &build_options(app)) {
            Ok(r) => r,
            Err(e) => return project_error(app, &e),
        };
        let ui = &app.ui;
        // Output states from the dry run; other findings by input.
        let mut states: BTreeMap<&str, &str> = BTreeMap::new();
        let mut by_input: BTreeMap<String, usize> = BTreeMap::new();
        for f in &report.findings {
            match f {
                Finding::Stale { output, .. } => {
                    states.insert(output, "stale");
                }
                Finding::Modified { output } => {
                    states.insert(output, "modified");
                }
                Finding::Failed { output, .. } => {
                    states.insert(output, "failed");
                }
                other => {
                    if let Some(file) = finding_file(other) {
                        *by_input.entry(file).or_default() += 1;
                    }
                }
            }
        }
        let mut body = String::new();
        let _ = write!(
            body,
            "<h1>{}</h1>\n<p>{}</p>\n",
            esc(&ui.t("serve-files-title", &[])),
            // Without a project file: the document, where it is.
            esc(&app.file.display().to_string())
        );
        let _ = writeln!(
            body,
            "<p><a href=\"/glossary\">{}</a></p>",
            esc(&ui.t("serve-gloss-title", &[]))
        );
        if app.single.is_none() {
            let _ = writeln!(
                body,
                "<form method=\"post\" action=\"/build\"><input type=\"hidden\" name=\"token\" \
                 value=\"{}\"><button>{}</button></form>",
                esc(&app.options.token),
                esc(&ui.t("serve-build", &[]))
            );
        } else if let Err(r) = build_now(app, &project) {
            return r;
        }
        let _ = write!(
            body,
            "<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
            esc(&ui.t("serve-col-file", &[])),
            esc(&ui.t("serve-col-outputs", &[])),
            esc(&ui.t("serve-col-findings", &[]))
        );
        // Each input's jobs, found once (a filter per input was quadratic:
        // 1.5 s of the 10,000-file index).
        let mut jobs_of: BTreeMap<&str, Vec<&bianyi_project::Job>> = BTreeMap::new();
        for j in &plan.jobs {
            jobs_of.entry(j.input.as_str()).or_default().push(j);
        }
        for (input, _) in &plan.inputs {
            let _ = write!(
                body,
                "<tr><td><a href=\"/doc?file={}\">{}</a></td><td><ul>",
                esc(&query(input)),
                esc(input)
            );
            for job in jobs_of.get(input.as_str()).into_iter().flatten() {
                let state = match &app.single {
                    // Built just now, in memory.
                    Some(_) if built_output(app, &project, &job.output).is_none() => "failed",
                    Some(_) => "converted",
                    None => states
                        .get(job.output.as_str())
                        .copied()
                        .unwrap_or("converted"),
                };
                let _ = write!(
                    body,
                    "<li class=\"state-{state}\">{} <span>{}</span> — {}</li>",
                    esc(plan.specs[job.spec].target.tag()),
                    // Without a project file outputs are only in memory.
                    if app.single.is_some() {
                        String::new()
                    } else {
                        esc(&job.output)
                    },
                    esc(&ui.t(&format!("serve-state-{state}"), &[]))
                );
            }
            body.push_str(&crate::align::index_link(app, &project, input));
            let count = by_input.get(input).copied().unwrap_or(0);
            let _ = writeln!(body, "</ul></td><td>{count}</td></tr>");
        }
        body.push_str("</tbody>\n</table>\n");
        let others: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|f| {
                !matches!(
                    f,
                    Finding::Stale { .. } | Finding::Modified { .. } | Finding::Failed { .. }
                )
            })
            .collect();
        let _ = writeln!(
            body,
            "<h2>{}</h2>",
            esc(&ui.t(
                "serve-findings-title",
                &[("count", FluentValue::from(others.len()))]
            ))
        );
        body.push_str("<ul class=\"findings\">\n");
        for f in others {
            let text = esc(&finding_text(f));
            match finding_file(f).filter(|file| plan.inputs.iter().any(|(i, _)| i == file)) {
                Some(file) => {
                    // At its line of the source, when it has one.
                    let line = serde_json::to_value(f)
                        .ok()
                        .and_then(|v| v.get("line").and_then(serde_json::Value::as_u64))
                        .map(|l| format!("#L{l}"))
                        .unwrap_or_default();
                    let _ = writeln!(
                        body,
                        "<li><a href=\"/doc?file={}{line}\">{text}</a></li>",
                        esc(&query(&file))
                    );
                }
                None => {
                    let _ = writeln!(body, "<li>{text}</li>");
                }
            }
        }
        body.push_str("</ul>\n");
        let title = ui.t("serve-files-title", &[]);
        Html(page(&ui.lang, &title, &ui.t("serve-home", &[]), &body)).into_response()
    })
    .await
}

#[derive(Deserialize)]
pub(crate) struct DocQuery {
    file: String,
    target: Option<String>,
}

/// The planned input `file` of `project`, checked to be inside its root.
pub(crate) fn planned_input(app: &App, project: &Project, file: &str) -> Result<(), Response> {
    let known = project
        .plan()
        .map(|p| p.inputs.iter().any(|(i, _)| i == file))
        .unwrap_or(false);
    if !known || crate::inside(&app.root, file).is_none() {
        return Err(error_page(
            app,
            StatusCode::NOT_FOUND,
            &app.ui
                .t("serve-no-such-file", &[("file", FluentValue::from(file))]),
        ));
    }
    Ok(())
}

/// `output` with the characters that differ from `source` marked, a run
/// of changed characters in one mark. Conversions keep lines, and most
/// keep each line's length: such lines are compared character by
/// character; only the others (and a text whose lines differ in number)
/// go through a character diff.
fn marked_output(source: &str, output: &str, out: &mut String) {
    if source.matches('\n').count() != output.matches('\n').count() {
        return marked_diff(source, output, out);
    }
    for (k, (s, o)) in source.split('\n').zip(output.split('\n')).enumerate() {
        if k > 0 {
            out.push('\n');
        }
        if s == o {
            esc_into(o, out);
        } else if s.chars().count() == o.chars().count() {
            let mut marks = Marks::new(out);
            for (a, b) in s.chars().zip(o.chars()) {
                let mut buf = [0u8; 4];
                marks.push(a != b, b.encode_utf8(&mut buf));
            }
            marks.finish();
        } else {
            marked_diff(s, o, out);
        }
    }
}

/// [`marked_output`] through a character diff (Myers, 2 s at most).
fn marked_diff(source: &str, output: &str, out: &mut String) {
    let diff = similar::TextDiff::configure()
        .algorithm(similar::Algorithm::Myers)
        .timeout(std::time::Duration::from_secs(2))
        .diff_chars(source, output);
    let mut marks = Marks::new(out);
    for op in diff.ops() {
        for change in diff.iter_changes(op) {
            match change.tag() {
                similar::ChangeTag::Equal => marks.push(false, change.value()),
                similar::ChangeTag::Insert => marks.push(true, change.value()),
                similar::ChangeTag::Delete => {}
            }
        }
    }
    marks.finish();
}

/// Text written escaped, the changed pieces of a run in one `<mark>`.
struct Marks<'a> {
    out: &'a mut String,
    open: bool,
}

impl<'a> Marks<'a> {
    fn new(out: &'a mut String) -> Marks<'a> {
        Marks { out, open: false }
    }

    fn push(&mut self, changed: bool, text: &str) {
        if changed != self.open {
            self.out.push_str(if changed {
                "<mark class=\"chg\">"
            } else {
                "</mark>"
            });
            self.open = changed;
        }
        esc_into(text, self.out);
    }

    fn finish(self) {
        if self.open {
            self.out.push_str("</mark>");
        }
    }
}

/// `source` with glossary hits (`hits`: byte spans, sorted, apart, and
/// the text of their title) and ambiguities marked, each line in a span. An ambiguity is marked
/// when it lies wholly inside or outside every hit and after the previous
/// one.
fn marked_source(
    source: &str,
    ambiguities: &[bianyi_convert::Ambiguity],
    hits: &[(usize, usize, String)],
    out: &mut String,
) {
    // Tags to write at each byte offset: closing ones first, then opening.
    let mut opens: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    let mut closes: BTreeMap<usize, Vec<&str>> = BTreeMap::new();
    for (start, end, title) in hits {
        opens
            .entry(*start)
            .or_default()
            .push(format!("<mark class=\"term\" title=\"{}\">", esc(title)));
        closes.entry(*end).or_default().push("</mark>");
    }
    let mut at = 0;
    for (k, a) in ambiguities.iter().enumerate() {
        let end = a.byte + a.source.len();
        let crosses = hits
            .iter()
            .any(|(s, e, _)| (a.byte < *s && end > *s) || (a.byte < *e && end > *e));
        if a.byte < at || end > source.len() || crosses || !source.is_char_boundary(a.byte) {
            continue;
        }
        opens.entry(a.byte).or_default().push(format!(
            "<a class=\"amb\" id=\"s{k}\" href=\"#a{k}\" title=\"{}\">",
            esc(&a.alternatives.join(" / "))
        ));
        // Inside a hit that ends here too, the link closes first.
        closes.entry(end).or_default().insert(0, "</a>");
        at = end;
    }
    // Each line in a span `L1`, `L2`, … (the findings link there): opened
    // before, and closed after, what is marked on it.
    let mut line_start = 0;
    for (n, line) in source.split('\n').enumerate() {
        let end = line_start + line.len();
        let open = opens.entry(line_start).or_default();
        if line.is_empty() {
            open.insert(0, format!("<span id=\"L{}\"></span>", n + 1));
        } else {
            open.insert(0, format!("<span id=\"L{}\">", n + 1));
            closes.entry(end).or_default().push("</span>");
        }
        line_start = end + 1;
    }
    let mut cuts: Vec<usize> = opens.keys().chain(closes.keys()).copied().collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut from = 0;
    for cut in cuts {
        if cut > source.len() || !source.is_char_boundary(cut) || cut < from {
            continue;
        }
        esc_into(&source[from..cut], out);
        for c in closes.get(&cut).into_iter().flatten() {
            out.push_str(c);
        }
        for o in opens.get(&cut).into_iter().flatten() {
            out.push_str(o);
        }
        from = cut;
    }
    esc_into(&source[from..], out);
}

/// `GET /doc?file=F&target=T`: the source beside each conversion, the
/// ambiguities of target T marked with their alternatives.
pub(crate) async fn doc(State(app): State<Arc<App>>, Query(q): Query<DocQuery>) -> Response {
    blocking(app, move |app| {
        let project = match app.project() {
            Ok(p) => p,
            Err(e) => return project_error(app, &e),
        };
        if let Err(r) = planned_input(app, &project, &q.file) {
            return r;
        }
        let plan = match project.plan() {
            Ok(p) => p,
            Err(e) => return project_error(app, &e),
        };
        let ui = &app.ui;
        let source = match read_input(&project, &q.file) {
            Ok(t) => t,
            Err(_) => {
                return error_page(
                    app,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &ui.t("serve-unreadable", &[("file", FluentValue::from(q.file.as_str()))]),
                );
            }
        };
        if app.single.is_some()
            && let Err(r) = build_now(app, &project)
        {
            return r;
        }
        let jobs: Vec<_> = plan
            .jobs
            .iter()
            .filter(|j| j.input == q.file && !j.report)
            .collect();
        let chosen = jobs
            .iter()
            .find(|j| Some(plan.specs[j.spec].target.tag()) == q.target.as_deref())
            .or(jobs.first());
        let mut body = String::new();
        let _ = writeln!(body, "<h1>{}</h1>", esc(&q.file));
        // Target choice.
        body.push_str("<nav class=\"targets\">");
        for j in &jobs {
            let tag = plan.specs[j.spec].target.tag();
            let current = chosen.is_some_and(|c| c.spec == j.spec);
            let _ = write!(
                body,
                "<a href=\"/doc?file={}&amp;target={}\"{}>{}</a> ",
                esc(&query(&q.file)),
                esc(&query(tag)),
                if current { " aria-current=\"page\"" } else { "" },
                esc(tag)
            );
        }
        body.push_str("</nav>\n");
        let ambiguities = chosen
            .map(|j| {
                let s = &plan.specs[j.spec];
                Conversion::builder(s.target)
                    .phrases(s.phrases)
                    .corner_quotes(s.corner_quotes)
                    .build()
                    .ambiguities(&source)
            })
            .unwrap_or_default();
        // The source, ambiguities marked.
        body.push_str("<div class=\"columns\">\n<section><h2>");
        esc_into(&ui.t("serve-source", &[]), &mut body);
        body.push_str("</h2><pre class=\"text\">");
        let hits = crate::glossary::hits(&project, &source);
        marked_source(&source, &ambiguities, &hits, &mut body);
        body.push_str("</pre></section>\n");
        // Each conversion, as built.
        for j in &jobs {
            let tag = plan.specs[j.spec].target.tag();
            let _ = write!(
                body,
                "<section data-target=\"{t}\"><h2>{t} <small>{}</small></h2>",
                // Without a project file outputs are only in memory.
                if app.single.is_some() { String::new() } else { esc(&j.output) },
                t = esc(tag)
            );
            match built_output(app, &project, &j.output) {
                Some(bytes) => {
                    if app.single.is_some() {
                        let _ = write!(
                            body,
                            "<p><a class=\"download\" download href=\"/output?file={}&amp;target={}\">{}</a></p>",
                            esc(&query(&q.file)),
                            esc(&query(tag)),
                            esc(&ui.t("serve-download", &[]))
                        );
                    }
                    body.push_str("<pre class=\"text\">");
                    marked_output(&source, &String::from_utf8_lossy(&bytes), &mut body);
                    body.push_str("</pre>");
                }
                _ => {
                    let _ = write!(body, "<p>{}</p>", esc(&ui.t("serve-not-built", &[])));
                }
            }
            body.push_str("</section>\n");
        }
        body.push_str("</div>\n");
        if let Some(j) = chosen {
            let tag = plan.specs[j.spec].target.tag();
            let back = format!("/doc?file={}&target={}", query(&q.file), query(tag));
            body.push_str(&crate::glossary::selection_form(app, &project, &back, tag));
        }
        // The ambiguities of the chosen target, with their alternatives.
        if let Some(j) = chosen {
            let tag = plan.specs[j.spec].target.tag();
            let _ = writeln!(
                body,
                "<h2>{}</h2>",
                esc(&ui.t(
                    "serve-ambiguities",
                    &[
                        ("count", FluentValue::from(ambiguities.len())),
                        ("target", FluentValue::from(tag)),
                    ]
                ))
            );
            if project.overrides.is_none() {
                let _ = writeln!(body, "<p>{}</p>", esc(&ui.t("serve-no-overrides", &[])));
            }
            body.push_str("<ol class=\"ambiguities\">\n");
            for (k, a) in ambiguities.iter().enumerate() {
                let _ = write!(
                    body,
                    "<li id=\"a{k}\"><a href=\"#s{k}\">{}:{}</a> <b>{}</b> → <b>{}</b> \
                     <small>{} · {}</small>",
                    a.line,
                    a.column,
                    esc(&a.source),
                    esc(&a.output),
                    esc(a.rule),
                    a.risk
                );
                if project.overrides.is_some() {
                    let _ = write!(
                        body,
                        "<form method=\"post\" action=\"/override\">\
                         <input type=\"hidden\" name=\"token\" value=\"{}\">\
                         <input type=\"hidden\" name=\"file\" value=\"{}\">\
                         <input type=\"hidden\" name=\"target\" value=\"{}\">\
                         <input type=\"hidden\" name=\"line\" value=\"{}\">\
                         <input type=\"hidden\" name=\"column\" value=\"{}\">\
                         <input type=\"hidden\" name=\"source\" value=\"{}\">\
                         <input type=\"hidden\" name=\"anchor\" value=\"a{k}\">",
                        esc(&app.options.token),
                        esc(&q.file),
                        esc(tag),
                        a.line,
                        a.column,
                        esc(&a.source),
                    );
                    for alt in &a.alternatives {
                        let _ = write!(
                            body,
                            "<button name=\"output\" value=\"{v}\"{c}>{v}</button>",
                            v = esc(alt),
                            c = if *alt == a.output {
                                " class=\"current\""
                            } else {
                                ""
                            }
                        );
                    }
                    let _ = write!(
                        body,
                        "<label><input type=\"checkbox\" name=\"everywhere\" value=\"1\"> {}</label>\
                         </form>",
                        // One document without a project: "everywhere" is that document.
                        esc(&ui.t(
                            if app.single.is_some() {
                                "serve-everywhere-document"
                            } else {
                                "serve-everywhere"
                            },
                            &[]
                        ))
                    );
                }
                body.push_str("</li>\n");
            }
            body.push_str("</ol>\n");
        }
        Html(page(&ui.lang, &q.file, &ui.t("serve-home", &[]), &body)).into_response()
    })
    .await
}

/// Files written atomically (`bianyi-output`), their folders made.
pub(crate) use bianyi_project::Files;

/// Builds the project; a failure is the page to show.
pub(crate) fn build_now(app: &App, project: &Project) -> Result<(), Response> {
    let sink: &dyn Sink = match &app.single {
        Some((_, memory)) => memory,
        None => &Files,
    };
    bianyi_project::build(project, &build_options(app), sink, &|_| {})
        .map(|_| ())
        .map_err(|e| project_error(app, &e))
}

pub(crate) fn see_other(to: &str) -> Response {
    (StatusCode::SEE_OTHER, [(header::LOCATION, to.to_string())]).into_response()
}

/// `POST /build`: builds the project.
pub(crate) async fn build(State(app): State<Arc<App>>) -> Response {
    blocking(app, |app| {
        let _held = app.writing.lock();
        let project = match app.project() {
            Ok(p) => p,
            Err(e) => return project_error(app, &e),
        };
        match build_now(app, &project) {
            Ok(()) => see_other("/"),
            Err(r) => r,
        }
    })
    .await
}

/// `GET /output?file=F&target=T`, without a project file: the
/// conversion of F for T, built now, as a download named after F
/// (`article.zh-TW.txt`). Nothing is written to disk.
pub(crate) async fn output(State(app): State<Arc<App>>, Query(q): Query<DocQuery>) -> Response {
    blocking(app, move |app| {
        let _held = app.writing.lock();
        let project = match app.project() {
            Ok(p) => p,
            Err(e) => return project_error(app, &e),
        };
        let none = || {
            error_page(
                app,
                StatusCode::NOT_FOUND,
                &app.ui.t("serve-not-found", &[]),
            )
        };
        if app.single.is_none() {
            return none();
        }
        if let Err(r) = planned_input(app, &project, &q.file) {
            return r;
        }
        let plan = match project.plan() {
            Ok(p) => p,
            Err(e) => return project_error(app, &e),
        };
        let Some(job) = plan.jobs.iter().find(|j| {
            j.input == q.file
                && !j.report
                && Some(plan.specs[j.spec].target.tag()) == q.target.as_deref()
        }) else {
            return none();
        };
        if let Err(r) = build_now(app, &project) {
            return r;
        }
        let Some(bytes) = built_output(app, &project, &job.output) else {
            return none();
        };
        let tag = plan.specs[job.spec].target.tag();
        let name = Path::new(&q.file)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("output");
        let name = match name.rsplit_once('.') {
            Some((stem, ext)) if !stem.is_empty() => format!("{stem}.{tag}.{ext}"),
            _ => format!("{name}.{tag}"),
        };
        let full = name.clone();
        // Only safe characters in the plain name; the rest as `_` (the
        // whole name is in `filename*`).
        let name: String = name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        (
            [
                (header::CONTENT_TYPE, "application/octet-stream".to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    format!(
                        "attachment; filename=\"{name}\"; filename*=UTF-8''{}",
                        query(&full).replace('/', "%2F")
                    ),
                ),
            ],
            bytes,
        )
            .into_response()
    })
    .await
}

#[derive(Deserialize)]
pub(crate) struct OverrideForm {
    file: String,
    target: String,
    line: usize,
    column: usize,
    source: String,
    output: String,
    everywhere: Option<String>,
    anchor: Option<String>,
}

/// `POST /override`: a reviewer's choice for an ambiguity, at this spot
/// or for the word everywhere in the project, saved in the project's
/// overrides file; the project is built at once.
pub(crate) async fn add_override(
    State(app): State<Arc<App>>,
    Form(f): Form<OverrideForm>,
) -> Response {
    blocking(app, move |app| {
        let _held = app.writing.lock();
        let project = match app.project() {
            Ok(p) => p,
            Err(e) => return project_error(app, &e),
        };
        if let Err(r) = planned_input(app, &project, &f.file) {
            return r;
        }
        let ui = &app.ui;
        let Some(rel) = project.overrides.clone() else {
            return error_page(app, StatusCode::CONFLICT, &ui.t("serve-no-overrides", &[]));
        };
        let Some(path) = crate::inside(&app.root, &rel) else {
            return error_page(app, StatusCode::FORBIDDEN, &ui.t("serve-outside", &[]));
        };
        let known_target = project.targets.iter().any(|t| t.target.tag() == f.target)
            || project
                .locales
                .iter()
                .any(|l| l.targets.iter().any(|t| t.target.tag() == f.target));
        if !known_target || f.output.is_empty() {
            return error_page(
                app,
                StatusCode::BAD_REQUEST,
                &ui.t("serve-bad-request", &[]),
            );
        }
        let (mut decisions, _) = match load_overrides(&project) {
            Ok(d) => d,
            Err(e) => return project_error(app, &e),
        };
        if f.everywhere.is_some() {
            let mut w = WordOverride::default();
            w.source = f.source.clone();
            w.output = f.output.clone();
            w.targets = vec![f.target.clone()];
            decisions.add_word(w);
        } else {
            let text = match read_input(&project, &f.file) {
                Ok(t) => t,
                Err(_) => {
                    return error_page(
                        app,
                        StatusCode::UNPROCESSABLE_ENTITY,
                        &ui.t(
                            "serve-unreadable",
                            &[("file", FluentValue::from(f.file.as_str()))],
                        ),
                    );
                }
            };
            match SpotOverride::at(&f.file, &text, f.line, f.column, &f.source, &f.output) {
                Ok(mut spot) => {
                    spot.targets = vec![f.target.clone()];
                    decisions.add_spot(spot);
                }
                Err(e) => return error_page(app, StatusCode::BAD_REQUEST, &e.to_string()),
            }
        }
        let text = decisions.render();
        if let Err(e) = Overrides::parse(&path, &text) {
            return project_error(app, &e);
        }
        if let Err(e) = Files.write(&path, text.as_bytes()) {
            return error_page(app, StatusCode::INTERNAL_SERVER_ERROR, &e.to_string());
        }
        if let Err(r) = build_now(app, &project) {
            return r;
        }
        let anchor = f
            .anchor
            .filter(|a| a.starts_with('a') && a[1..].bytes().all(|b| b.is_ascii_digit()))
            .map(|a| format!("#{a}"))
            .unwrap_or_default();
        see_other(&format!(
            "/doc?file={}&target={}{anchor}",
            query(&f.file),
            query(&f.target)
        ))
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_marks_nest_inside_lines() {
        let source = "衣服干了\n\n<x>";
        let target: bianyi_convert::Target = "zh-TW".parse().unwrap();
        let ambiguities: Vec<_> = Conversion::new(target)
            .ambiguities(source)
            .into_iter()
            .filter(|a| a.source == "干")
            .collect();
        assert_eq!(ambiguities.len(), 1, "干");
        let alternatives = esc(&ambiguities[0].alternatives.join(" / "));
        let mut out = String::new();
        // A hit that ends with the ambiguity: the link closes first.
        marked_source(source, &ambiguities, &[(0, 9, "t<".to_string())], &mut out);
        assert_eq!(
            out,
            format!(
                "<span id=\"L1\"><mark class=\"term\" title=\"t&lt;\">衣服\
                 <a class=\"amb\" id=\"s0\" href=\"#a0\" title=\"{alternatives}\">干</a>\
                 </mark>了</span>\n<span id=\"L2\"></span>\n<span id=\"L3\">&lt;x&gt;</span>"
            )
        );
        // A hit the ambiguity straddles: the hit is marked, not the ambiguity.
        let mut out = String::new();
        marked_source(source, &ambiguities, &[(0, 7, String::new())], &mut out);
        assert!(!out.contains("class=\"amb\""), "{out}");
    }

    #[test]
    fn runs_of_changes_are_one_mark() {
        let mut out = String::new();
        // Same length: character by character.
        marked_output("头发<干>了\n一样", "頭髮<乾>了\n一樣", &mut out);
        assert_eq!(
            out,
            "<mark class=\"chg\">頭髮</mark>&lt;<mark class=\"chg\">乾</mark>&gt;了\n\
             一<mark class=\"chg\">樣</mark>"
        );
        // Another length: through the diff.
        let mut out = String::new();
        marked_output("软件", "軟體程式", &mut out);
        assert_eq!(out, "<mark class=\"chg\">軟體程式</mark>");
    }
}
