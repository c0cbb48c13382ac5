//! The alignment review: a source beside its translation, bead by bead,
//! as the aligner paired them; a reviewer merges, splits and re-pairs
//! beads and marks the whole as reviewed. Saved in the project's
//! `alignments/` folder (`bianyi_project::Alignment`), used by every
//! report built, exported as TMX or XLIFF.

use std::fmt::Write;
use std::sync::Arc;

use axum::Form;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use bianyi_align::{Bead, Bitext};
use bianyi_convert::{Script, detect};
use bianyi_project::{
    Alignment, Project, Sink, aligned, alignment_file, load_alignment, read_input, translation_of,
};
use fluent_bundle::FluentValue;
use serde::Deserialize;

use crate::App;
use crate::html::{esc, esc_into, page, query};
use crate::pages::{Files, blocking, build_now, error_page, planned_input, project_error};

/// The review's routes.
pub(crate) fn routes() -> axum::Router<Arc<App>> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/align", get(review))
        .route("/align/edit", post(edit_beads))
        .route("/align/export", get(export))
}

/// Everything the review of one source needs, read now.
struct Pair {
    input: String,
    translation: String,
    bitext: Bitext,
    stale: usize,
    reviewed: bool,
    /// Hash of the alignment file, the source and the translation: a form
    /// made from other texts is refused (409).
    version: String,
}

/// FNV-1a (64 bits) over byte strings, each preceded by its length.
fn version(parts: &[&[u8]]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in (p.len() as u64).to_le_bytes().iter().chain(p.iter()) {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

/// The source `input`'s pair as it is now, or the page saying why not.
fn read_pair(app: &App, project: &Project, input: &str) -> Result<Pair, Response> {
    planned_input(app, project, input)?;
    let ui = &app.ui;
    let unreadable = |file: &str| {
        error_page(
            app,
            StatusCode::UNPROCESSABLE_ENTITY,
            &ui.t("serve-unreadable", &[("file", FluentValue::from(file))]),
        )
    };
    let Some((translation, lang)) = translation_of(project, input) else {
        return Err(error_page(
            app,
            StatusCode::NOT_FOUND,
            &ui.t(
                "serve-align-no-translation",
                &[("file", FluentValue::from(input))],
            ),
        ));
    };
    let source = read_input(project, input).map_err(|_| unreadable(input))?;
    let text = crate::inside(&app.root, &translation)
        .and_then(|p| std::fs::read_to_string(p).ok())
        .ok_or_else(|| unreadable(&translation))?;
    let saved = load_alignment(project, input).map_err(|e| project_error(app, &e))?;
    let (mut bitext, stale) = aligned(&source, &text, &lang, saved.as_ref().map(|(a, _)| a));
    bitext.source_lang = match detect(&source).script {
        Script::Simplified => "zh-Hans",
        _ => "zh-Hant",
    }
    .to_string();
    let file_bytes = saved.as_ref().map(|(_, b)| b.as_slice()).unwrap_or(b"");
    Ok(Pair {
        input: input.to_string(),
        version: version(&[file_bytes, source.as_bytes(), text.as_bytes()]),
        translation,
        bitext,
        stale: stale.len(),
        reviewed: saved.is_some_and(|(a, _)| a.reviewed),
    })
}

/// The link to the review of `input` on the index (nothing for a source
/// without a translation).
pub(crate) fn index_link(app: &App, project: &Project, input: &str) -> String {
    if !translation_of(project, input).is_some_and(|(rel, _)| project.path(&rel).is_file()) {
        return String::new();
    }
    format!(
        "<li class=\"align-link\"><a href=\"/align?file={}\">{}</a></li>",
        esc(&query(input)),
        esc(&app.ui.t("serve-align-link", &[]))
    )
}

#[derive(Deserialize)]
pub(crate) struct FileQuery {
    file: String,
}

/// `GET /align?file=F`: the beads of F and its translation.
pub(crate) async fn review(State(app): State<Arc<App>>, Query(q): Query<FileQuery>) -> Response {
    blocking(app, move |app| {
        let project = match app.project() {
            Ok(p) => p,
            Err(e) => return project_error(app, &e),
        };
        match read_pair(app, &project, &q.file) {
            Ok(pair) => Html(render(app, &pair)).into_response(),
            Err(r) => r,
        }
    })
    .await
}

/// The sentences of one side of a bead, one `<p>` each.
fn sentences(out: &mut String, side: &[bianyi_align::Segment], ids: &[usize]) {
    for &i in ids {
        out.push_str("<p class=\"sent\">");
        esc_into(&side[i].text, out);
        out.push_str("</p>");
    }
}

/// A `<select name>` of the cut points 0..=n of one side of a bead.
fn cut(out: &mut String, name: &str, label: &str, n: usize) {
    let _ = write!(out, "<label>{} <select name=\"{name}\">", esc(label));
    for k in 0..=n {
        let _ = write!(
            out,
            "<option value=\"{k}\"{}>{k}</option>",
            if k == n.div_ceil(2) { " selected" } else { "" }
        );
    }
    out.push_str("</select></label> ");
}

fn render(app: &App, pair: &Pair) -> String {
    let ui = &app.ui;
    let b = &pair.bitext;
    let t = |id: &str| esc(&ui.t(id, &[]));
    let mut body = String::new();
    let _ = writeln!(
        body,
        "<h1>{}</h1>\n<p>{} ↔ {} <small>({} ↔ {})</small></p>",
        esc(&ui.t(
            "serve-align-title",
            &[("file", FluentValue::from(pair.input.as_str()))]
        )),
        esc(&pair.input),
        esc(&pair.translation),
        esc(&b.source_lang),
        esc(&b.target_lang)
    );
    let flagged = b.beads.iter().filter(|x| !b.flags(x).is_empty()).count();
    let _ = writeln!(
        body,
        "<p class=\"align-status\">{} · {}{}</p>",
        esc(&ui.t(
            "serve-align-counts",
            &[
                ("beads", FluentValue::from(b.beads.len())),
                ("flagged", FluentValue::from(flagged)),
            ]
        )),
        if pair.reviewed {
            t("serve-align-reviewed")
        } else {
            t("serve-align-not-reviewed")
        },
        if pair.stale > 0 {
            format!(
                " · <strong>{}</strong>",
                esc(&ui.t(
                    "serve-align-stale",
                    &[("count", FluentValue::from(pair.stale))]
                ))
            )
        } else {
            String::new()
        }
    );
    let hidden = format!(
        "<input type=\"hidden\" name=\"token\" value=\"{}\">\
         <input type=\"hidden\" name=\"file\" value=\"{}\">\
         <input type=\"hidden\" name=\"version\" value=\"{}\">",
        esc(&app.options.token),
        esc(&pair.input),
        esc(&pair.version)
    );
    let _ = writeln!(
        body,
        "<p class=\"align-actions\"><a id=\"export-tmx\" href=\"/align/export?file={f}&amp;format=tmx\" \
         download>{}</a> · <a id=\"export-xliff\" href=\"/align/export?file={f}&amp;format=xliff\" \
         download>{}</a></p>\n<form method=\"post\" action=\"/align/edit\">{hidden}\
         <button name=\"op\" value=\"reviewed\" id=\"mark-reviewed\">{}</button></form>",
        t("serve-align-export-tmx"),
        t("serve-align-export-xliff"),
        t("serve-align-mark-reviewed"),
        f = esc(&query(&pair.input)),
    );
    let _ = writeln!(
        body,
        "<table class=\"beads\">\n<thead><tr><th>#</th><th>{}</th><th>{}</th><th>{}</th>\
         <th>{}</th></tr></thead>\n<tbody>",
        t("serve-source"),
        t("serve-align-translation"),
        t("serve-align-score"),
        t("serve-align-actions")
    );
    let last = b.beads.len().saturating_sub(1);
    for (k, bead) in b.beads.iter().enumerate() {
        let flags = b.flags(bead);
        let class: String = flags.iter().map(|f| format!(" {f}")).collect();
        let _ = write!(
            body,
            "<tr id=\"b{k}\" class=\"bead{class}\"><td>{}<br><small>{}</small></td><td lang=\"{}\">",
            k + 1,
            esc(&bead.shape()),
            esc(&b.source_lang)
        );
        sentences(&mut body, &b.source, &bead.source);
        let _ = write!(body, "</td><td lang=\"{}\">", esc(&b.target_lang));
        sentences(&mut body, &b.target, &bead.target);
        let _ = write!(body, "</td><td>{:.2}", bead.score);
        for f in &flags {
            let _ = write!(
                body,
                "<br><span class=\"flag flag-{f}\">{}</span>",
                t(&format!("serve-align-flag-{f}"))
            );
        }
        let _ = write!(
            body,
            "</td><td><form method=\"post\" action=\"/align/edit\">{hidden}\
             <input type=\"hidden\" name=\"bead\" value=\"{k}\">"
        );
        if k < last {
            let _ = write!(
                body,
                "<button name=\"op\" value=\"merge\" class=\"merge\">{}</button> ",
                t("serve-align-merge")
            );
        }
        let moves = [
            ("source-up", k > 0 && !bead.source.is_empty()),
            ("target-up", k > 0 && !bead.target.is_empty()),
            ("source-down", k < last && !bead.source.is_empty()),
            ("target-down", k < last && !bead.target.is_empty()),
        ];
        for (op, ok) in moves {
            if ok {
                let _ = write!(
                    body,
                    "<button name=\"op\" value=\"{op}\">{}</button> ",
                    t(&format!("serve-align-{op}"))
                );
            }
        }
        if bead.source.len() + bead.target.len() >= 2 {
            body.push_str("<span class=\"split\">");
            cut(
                &mut body,
                "s",
                &ui.t("serve-align-split-source", &[]),
                bead.source.len(),
            );
            cut(
                &mut body,
                "t",
                &ui.t("serve-align-split-target", &[]),
                bead.target.len(),
            );
            let _ = write!(
                body,
                "<button name=\"op\" value=\"split\">{}</button></span>",
                t("serve-align-split")
            );
        }
        body.push_str("</form></td></tr>\n");
    }
    body.push_str("</tbody>\n</table>\n");
    let title = ui.t(
        "serve-align-title",
        &[("file", FluentValue::from(pair.input.as_str()))],
    );
    page(&ui.lang, &title, &ui.t("serve-home", &[]), &body)
}

#[derive(Deserialize)]
pub(crate) struct EditForm {
    file: String,
    version: String,
    op: String,
    bead: Option<usize>,
    s: Option<usize>,
    t: Option<usize>,
}

fn side_of(b: &mut Bead, source: bool) -> &mut Vec<usize> {
    if source { &mut b.source } else { &mut b.target }
}

/// `beads` with the edit `op` done on bead `k` (`None`: not possible).
fn edit(
    beads: &[Bead],
    op: &str,
    k: usize,
    cut: (Option<usize>, Option<usize>),
) -> Option<Vec<Bead>> {
    let mut out = beads.to_vec();
    let n = out.len();
    if k >= n {
        return None;
    }
    match op {
        "merge" if k + 1 < n => {
            let next = out.remove(k + 1);
            out[k].source.extend(next.source);
            out[k].target.extend(next.target);
            out[k].score = 1.0;
        }
        "split" => {
            let (s, t) = (cut.0?, cut.1?);
            let b = &out[k];
            if s > b.source.len() || t > b.target.len() {
                return None;
            }
            let first = Bead::new(b.source[..s].to_vec(), b.target[..t].to_vec(), 1.0);
            let second = Bead::new(b.source[s..].to_vec(), b.target[t..].to_vec(), 1.0);
            if first.source.is_empty() && first.target.is_empty()
                || second.source.is_empty() && second.target.is_empty()
            {
                return None;
            }
            out.splice(k..=k, [first, second]);
        }
        "source-up" | "target-up" if k > 0 => {
            let source = op == "source-up";
            if side_of(&mut out[k], source).is_empty() {
                return None;
            }
            let moved = side_of(&mut out[k], source).remove(0);
            side_of(&mut out[k - 1], source).push(moved);
            out[k - 1].score = 1.0;
            out[k].score = 1.0;
        }
        "source-down" | "target-down" if k + 1 < n => {
            let source = op == "source-down";
            let moved = side_of(&mut out[k], source).pop()?;
            side_of(&mut out[k + 1], source).insert(0, moved);
            out[k + 1].score = 1.0;
            out[k].score = 1.0;
        }
        _ => return None,
    }
    out.retain(|b| !(b.source.is_empty() && b.target.is_empty()));
    Some(out)
}

/// `POST /align/edit`: merge, split, move a sentence, or mark reviewed;
/// saved in the project's alignment file, the project built again.
pub(crate) async fn edit_beads(State(app): State<Arc<App>>, Form(f): Form<EditForm>) -> Response {
    blocking(app, move |app| {
        let _held = app.writing.lock();
        let project = match app.project() {
            Ok(p) => p,
            Err(e) => return project_error(app, &e),
        };
        let ui = &app.ui;
        let mut pair = match read_pair(app, &project, &f.file) {
            Ok(p) => p,
            Err(r) => return r,
        };
        if f.version != pair.version {
            return error_page(app, StatusCode::CONFLICT, &ui.t("serve-align-changed", &[]));
        }
        let bad = || {
            error_page(
                app,
                StatusCode::BAD_REQUEST,
                &ui.t("serve-align-bad-request", &[]),
            )
        };
        let mut at = f.bead.unwrap_or(0);
        if f.op == "reviewed" {
            pair.reviewed = true;
        } else {
            let Some(k) = f.bead else { return bad() };
            let Some(beads) = edit(&pair.bitext.beads, &f.op, k, (f.s, f.t)) else {
                return bad();
            };
            pair.bitext.beads = beads;
            at = at.min(pair.bitext.beads.len().saturating_sub(1));
        }
        if pair.bitext.check().is_err() {
            return bad();
        }
        let rel = alignment_file(&pair.input);
        let Some(path) = crate::inside(&app.root, &rel) else {
            return error_page(app, StatusCode::FORBIDDEN, &ui.t("serve-outside", &[]));
        };
        let saved = Alignment::of(&pair.input, &pair.translation, &pair.bitext, pair.reviewed);
        let text = saved.render(Some(&pair.bitext));
        if let Err(e) = Files.write(&path, text.as_bytes()) {
            return error_page(app, StatusCode::INTERNAL_SERVER_ERROR, &e.to_string());
        }
        if let Err(r) = build_now(app, &project) {
            return r;
        }
        (
            StatusCode::SEE_OTHER,
            [(
                header::LOCATION,
                format!("/align?file={}#b{at}", query(&pair.input)),
            )],
        )
            .into_response()
    })
    .await
}

#[derive(Deserialize)]
pub(crate) struct ExportQuery {
    file: String,
    format: String,
}

/// `GET /align/export?file=F&format=tmx|xliff`: the reviewed pair as a
/// file to download.
pub(crate) async fn export(State(app): State<Arc<App>>, Query(q): Query<ExportQuery>) -> Response {
    blocking(app, move |app| {
        let project = match app.project() {
            Ok(p) => p,
            Err(e) => return project_error(app, &e),
        };
        let pair = match read_pair(app, &project, &q.file) {
            Ok(p) => p,
            Err(r) => return r,
        };
        let (text, kind, ext) = match q.format.as_str() {
            "tmx" => (
                bianyi_formats::tmx(&pair.bitext, env!("CARGO_PKG_VERSION")),
                "application/x-tmx+xml",
                "tmx",
            ),
            "xliff" => (
                bianyi_formats::xliff(&pair.bitext),
                "application/xliff+xml",
                "xlf",
            ),
            _ => {
                return error_page(
                    app,
                    StatusCode::BAD_REQUEST,
                    &app.ui.t("serve-align-bad-request", &[]),
                );
            }
        };
        let stem: String = std::path::Path::new(&pair.input)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || "-_.".contains(c) {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        (
            [
                (header::CONTENT_TYPE, kind.to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{stem}.{ext}\""),
                ),
            ],
            text,
        )
            .into_response()
    })
    .await
}
