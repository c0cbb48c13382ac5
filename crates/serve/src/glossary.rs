//! The glossary editor: the project's glossaries listed and searched, a
//! term added (also from a selection in a document), a term's status and
//! note changed. Files are read and written through `bianyi-glossary`'s
//! model (parse, canonical TOML), atomically, and the project is built at
//! once, as after a decision.
//!
//! Every form carries the hash of the file it was made from: if the file
//! changed since (another window, an editor, `bianyi glossary add`), the
//! change is refused with 409 and nothing is written, so no edit is lost.
//! Only the project's own TOML glossaries (its `glossaries` key), inside
//! its root, can be written.

use std::fmt::Write;
use std::path::PathBuf;
use std::sync::Arc;

use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use bianyi_glossary::{Applier, Entry, Format, Glossary, Lang, Matcher, Status, Term};
use bianyi_project::{Project, Sink};
use fluent_bundle::FluentValue;
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::App;
use crate::html::{esc, page, query};
use crate::pages::{Files, blocking, build_now, error_page, project_error, see_other};

/// The hash a form carries of the file it was made from: SHA-256, hex.
pub(crate) fn file_hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `rel` if it is one of the project's glossaries that can be edited: a
/// TOML file named by its `glossaries` key, inside its root.
fn editable(app: &App, project: &Project, rel: &str) -> Result<PathBuf, Response> {
    let refuse = || {
        error_page(
            app,
            StatusCode::FORBIDDEN,
            &app.ui.t(
                "serve-gloss-not-editable",
                &[("file", FluentValue::from(rel))],
            ),
        )
    };
    if !project.glossaries.iter().any(|g| g == rel) || !is_toml(rel) {
        return Err(refuse());
    }
    crate::inside(&app.root, rel).ok_or_else(refuse)
}

fn is_toml(rel: &str) -> bool {
    matches!(
        Format::from_path(std::path::Path::new(rel)),
        Some(Format::Toml) | None
    )
}

/// A glossary file read: its text's hash and its model.
struct Loaded {
    hash: String,
    glossary: Result<Glossary, String>,
}

fn load(app: &App, rel: &str) -> Loaded {
    let Some(path) = crate::inside(&app.root, rel) else {
        return Loaded {
            hash: String::new(),
            glossary: Err(app.ui.t(
                "serve-gloss-not-editable",
                &[("file", FluentValue::from(rel))],
            )),
        };
    };
    match std::fs::read(&path) {
        Ok(bytes) => Loaded {
            hash: file_hash(&bytes),
            glossary: Glossary::load(&path, None, None).map_err(|e| e.to_string()),
        },
        Err(e) => Loaded {
            hash: String::new(),
            glossary: Err(format!("{}: {e}", path.display())),
        },
    }
}

#[derive(Deserialize)]
pub(crate) struct ListQuery {
    q: Option<String>,
}

/// Whether `entry` matches the search `q` (lower case): its id, domain,
/// note, or a term's text or note contains it.
fn matches(entry: &Entry, q: &str) -> bool {
    let has = |s: &str| s.to_lowercase().contains(q);
    q.is_empty()
        || has(&entry.id)
        || entry.domain.as_deref().is_some_and(has)
        || entry.note.as_deref().is_some_and(has)
        || entry
            .terms
            .iter()
            .any(|t| has(&t.text) || t.note.as_deref().is_some_and(has))
}

fn hidden(out: &mut String, name: &str, value: &str) {
    let _ = write!(
        out,
        "<input type=\"hidden\" name=\"{name}\" value=\"{}\">",
        esc(value)
    );
}

fn status_select(out: &mut String, app: &App, current: Status) {
    let _ = write!(
        out,
        "<select name=\"status\" aria-label=\"{}\">",
        esc(&app.ui.t("serve-gloss-status", &[]))
    );
    for s in Status::ALL {
        let _ = write!(
            out,
            "<option value=\"{v}\"{sel}>{label}</option>",
            v = s.as_str(),
            sel = if s == current { " selected" } else { "" },
            label = esc(&app.ui.t(&format!("serve-gloss-status-{}", s.as_str()), &[]))
        );
    }
    out.push_str("</select>");
}

/// The form adding an entry to the glossary `rel` (hash `hash`): a source
/// term (prefilled with `source`), a term in `target_lang`, a status and a
/// note; `back` is where to go once saved.
fn add_form(
    app: &App,
    rel: &str,
    hash: &str,
    glossary: &Glossary,
    target_lang: &str,
    back: &str,
) -> String {
    let ui = &app.ui;
    let mut f = String::new();
    f.push_str("<form method=\"post\" action=\"/glossary/add\" class=\"add-term\">");
    hidden(&mut f, "token", &app.options.token);
    hidden(&mut f, "file", rel);
    hidden(&mut f, "hash", hash);
    hidden(&mut f, "back", back);
    let source_lang = glossary.source.as_ref().map(Lang::as_str).unwrap_or("zh");
    let _ = write!(
        f,
        "<label>{} <input name=\"source_lang\" value=\"{}\" size=\"7\"></label> \
         <label>{} <input name=\"source\" class=\"term-source\" required></label> \
         <label>{} <input name=\"target_lang\" value=\"{}\" size=\"7\"></label> \
         <label>{} <input name=\"target\" class=\"term-target\"></label> ",
        esc(&ui.t("serve-gloss-source-lang", &[])),
        esc(source_lang),
        esc(&ui.t("serve-gloss-source-term", &[])),
        esc(&ui.t("serve-gloss-target-lang", &[])),
        esc(target_lang),
        esc(&ui.t("serve-gloss-target-term", &[])),
    );
    status_select(&mut f, app, Status::Preferred);
    let _ = write!(
        f,
        " <label>{} <input name=\"note\"></label> <button>{}</button></form>",
        esc(&ui.t("serve-gloss-note", &[])),
        esc(&ui.t("serve-gloss-add", &[]))
    );
    f
}

/// `GET /glossary?q=…`: every glossary of the project, its entries
/// (those matching the search), a form to add a term and, on each term,
/// its status and note to change.
pub(crate) async fn list(State(app): State<Arc<App>>, Query(lq): Query<ListQuery>) -> Response {
    blocking(app, move |app| {
        let project = match app.project() {
            Ok(p) => p,
            Err(e) => return project_error(app, &e),
        };
        let ui = &app.ui;
        let q = lq.q.unwrap_or_default();
        let needle = q.trim().to_lowercase();
        let mut body = String::new();
        let title = ui.t("serve-gloss-title", &[]);
        let _ = writeln!(body, "<h1>{}</h1>", esc(&title));
        let _ = writeln!(
            body,
            "<form method=\"get\" action=\"/glossary\" role=\"search\"><input type=\"search\" \
             name=\"q\" value=\"{}\" aria-label=\"{l}\"> <button>{l}</button></form>",
            esc(&q),
            l = esc(&ui.t("serve-gloss-search", &[]))
        );
        if project.glossaries.is_empty() {
            let _ = writeln!(body, "<p>{}</p>", esc(&ui.t("serve-gloss-none", &[])));
        }
        let first_target = project
            .targets
            .first()
            .map(|t| t.target.tag())
            .unwrap_or("zh-Hans");
        for rel in &project.glossaries {
            let loaded = load(app, rel);
            let _ = writeln!(
                body,
                "<section class=\"glossary\" data-file=\"{f}\"><h2>{f}</h2>",
                f = esc(rel)
            );
            let g = match &loaded.glossary {
                Ok(g) => g,
                Err(e) => {
                    let _ = writeln!(body, "<p class=\"error\">{}</p></section>", esc(e));
                    continue;
                }
            };
            let can_edit = is_toml(rel);
            if can_edit {
                let back = if q.is_empty() {
                    "/glossary".to_string()
                } else {
                    format!("/glossary?q={}", query(&q))
                };
                body.push_str(&add_form(app, rel, &loaded.hash, g, first_target, &back));
            } else {
                let _ = writeln!(body, "<p>{}</p>", esc(&ui.t("serve-gloss-read-only", &[])));
            }
            let shown: Vec<&Entry> = g.entries.iter().filter(|e| matches(e, &needle)).collect();
            let _ = writeln!(
                body,
                "<p>{}</p>",
                esc(&ui.t(
                    "serve-gloss-count",
                    &[
                        ("shown", FluentValue::from(shown.len())),
                        ("count", FluentValue::from(g.entries.len())),
                    ]
                ))
            );
            body.push_str("<table class=\"entries\">\n");
            for e in shown {
                let _ = write!(
                    body,
                    "<tr id=\"e-{id}\"><th scope=\"row\">{id}",
                    id = esc(&e.id)
                );
                if let Some(d) = &e.domain {
                    let _ = write!(body, "<br><small>{}</small>", esc(d));
                }
                if let Some(n) = &e.note {
                    let _ = write!(body, "<br><small>{}</small>", esc(n));
                }
                body.push_str("</th><td><ul>");
                for (k, t) in e.terms.iter().enumerate() {
                    let _ = write!(
                        body,
                        "<li class=\"status-{}\"><span lang=\"{}\">{}</span> <b>{}</b> ",
                        t.status.as_str(),
                        esc(t.lang.as_str()),
                        esc(t.lang.as_str()),
                        esc(&t.text)
                    );
                    if can_edit {
                        body.push_str(
                            "<form method=\"post\" action=\"/glossary/term\" class=\"term\">",
                        );
                        hidden(&mut body, "token", &app.options.token);
                        hidden(&mut body, "file", rel);
                        hidden(&mut body, "hash", &loaded.hash);
                        hidden(&mut body, "id", &e.id);
                        hidden(&mut body, "term", &k.to_string());
                        hidden(&mut body, "text", &t.text);
                        status_select(&mut body, app, t.status);
                        let _ = write!(
                            body,
                            " <input name=\"note\" value=\"{}\" aria-label=\"{}\" \
                             placeholder=\"{}\"> <button>{}</button></form>",
                            esc(t.note.as_deref().unwrap_or("")),
                            esc(&ui.t("serve-gloss-note", &[])),
                            esc(&ui.t("serve-gloss-note", &[])),
                            esc(&ui.t("serve-gloss-save", &[]))
                        );
                    } else {
                        let _ = write!(
                            body,
                            "<small>{}{}</small>",
                            esc(t.status.as_str()),
                            esc(&t
                                .note
                                .as_deref()
                                .map(|n| format!(" · {n}"))
                                .unwrap_or_default())
                        );
                    }
                    body.push_str("</li>");
                }
                body.push_str("</ul></td></tr>\n");
            }
            body.push_str("</table>\n</section>\n");
        }
        Html(page(&ui.lang, &title, &ui.t("serve-home", &[]), &body)).into_response()
    })
    .await
}

/// The "add a term" form of the document view: the glossary that wins
/// (the project's last TOML glossary), its source term filled by the page's
/// script from a selection in the source. Empty without such a glossary.
pub(crate) fn selection_form(app: &App, project: &Project, back: &str, target: &str) -> String {
    let Some(rel) = project.glossaries.iter().rev().find(|g| is_toml(g)) else {
        return String::new();
    };
    let loaded = load(app, rel);
    let Ok(g) = &loaded.glossary else {
        return String::new();
    };
    format!(
        "<details id=\"add-term\"><summary>{}</summary>{}</details>\n",
        esc(&app.ui.t(
            "serve-gloss-add-from-selection",
            &[("file", FluentValue::from(rel.as_str()))]
        )),
        add_form(app, rel, &loaded.hash, g, target, back)
    )
}

/// Where to go after a save: `back` if it is one of the workspace's own
/// pages, else the glossary list.
fn back_to(back: Option<&str>, anchor: &str) -> String {
    let own = back.filter(|b| {
        (b.starts_with("/doc?") || *b == "/glossary" || b.starts_with("/glossary?"))
            && b.bytes().all(|c| c.is_ascii_graphic())
            && !b.contains('#')
    });
    match own {
        Some(b) => format!("{b}#{anchor}"),
        None => format!("/glossary#{anchor}"),
    }
}

/// Reads the glossary `rel`, checks it is still the file of `hash`, lets
/// `edit` change it, writes it back as canonical TOML and builds the
/// project. `edit` returns the anchor to go back to.
fn change(
    app: &App,
    rel: &str,
    hash: &str,
    edit: impl FnOnce(&mut Glossary) -> Result<String, String>,
) -> Result<String, Response> {
    let _held = app.writing.lock();
    let ui = &app.ui;
    let project = app.project().map_err(|e| project_error(app, &e))?;
    let path = editable(app, &project, rel)?;
    let bytes = std::fs::read(&path)
        .map_err(|e| error_page(app, StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()))?;
    if file_hash(&bytes) != hash {
        return Err(error_page(
            app,
            StatusCode::CONFLICT,
            &ui.t("serve-gloss-conflict", &[("file", FluentValue::from(rel))]),
        ));
    }
    let unprocessable = |m: String| error_page(app, StatusCode::UNPROCESSABLE_ENTITY, &m);
    let text = String::from_utf8(bytes).map_err(|e| unprocessable(e.to_string()))?;
    let mut g = Glossary::parse(&text, Format::Toml, None)
        .map_err(|e| unprocessable(e.in_file(&path).to_string()))?;
    let anchor = edit(&mut g).map_err(|m| error_page(app, StatusCode::BAD_REQUEST, &m))?;
    let out = g.to_toml();
    Glossary::parse(&out, Format::Toml, None)
        .map_err(|e| unprocessable(e.in_file(&path).to_string()))?;
    Files
        .write(&path, out.as_bytes())
        .map_err(|e| error_page(app, StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()))?;
    build_now(app, &project)?;
    Ok(anchor)
}

#[derive(Deserialize)]
pub(crate) struct AddForm {
    file: String,
    hash: String,
    source: String,
    source_lang: Option<String>,
    target: Option<String>,
    target_lang: Option<String>,
    status: Option<String>,
    note: Option<String>,
    id: Option<String>,
    back: Option<String>,
}

fn some_text(s: Option<&str>) -> Option<String> {
    s.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

fn lang(tag: &str) -> Result<Lang, String> {
    Lang::parse(tag.trim()).map_err(|e| e.to_string())
}

/// `POST /glossary/add`: a new entry with the source term and, if given,
/// its term in the target language, both with the status chosen.
pub(crate) async fn add(State(app): State<Arc<App>>, Form(f): Form<AddForm>) -> Response {
    blocking(app, move |app| {
        let bad = app.ui.t("serve-gloss-bad-term", &[]);
        let result = change(app, &f.file, &f.hash, |g| {
            let source = some_text(Some(&f.source)).ok_or_else(|| bad.clone())?;
            let status: Status = f
                .status
                .as_deref()
                .unwrap_or("preferred")
                .parse()
                .map_err(|e: bianyi_glossary::ErrorKind| e.to_string())?;
            let source_lang = match some_text(f.source_lang.as_deref()) {
                Some(t) => lang(&t)?,
                None => g.source.clone().ok_or_else(|| bad.clone())?,
            };
            let mut entry = Entry::new(some_text(f.id.as_deref()).unwrap_or_default());
            entry.note = some_text(f.note.as_deref());
            entry
                .terms
                .push(Term::new(source_lang, source).with_status(status));
            if let Some(text) = some_text(f.target.as_deref()) {
                let tag = some_text(f.target_lang.as_deref()).ok_or_else(|| bad.clone())?;
                entry
                    .terms
                    .push(Term::new(lang(&tag)?, text).with_status(status));
            }
            let added = g.add(entry).map_err(|e| e.to_string())?;
            Ok(format!("e-{}", query(&added.id)))
        });
        match result {
            Ok(anchor) => see_other(&back_to(f.back.as_deref(), &anchor)),
            Err(r) => r,
        }
    })
    .await
}

#[derive(Deserialize)]
pub(crate) struct TermForm {
    file: String,
    hash: String,
    id: String,
    term: usize,
    /// The term's text as the form showed it (the index alone could name
    /// another term if the entry changed).
    text: String,
    status: String,
    note: Option<String>,
    back: Option<String>,
}

/// `POST /glossary/term`: a term's status and note.
pub(crate) async fn term(State(app): State<Arc<App>>, Form(f): Form<TermForm>) -> Response {
    blocking(app, move |app| {
        let bad = app.ui.t("serve-gloss-bad-term", &[]);
        let result = change(app, &f.file, &f.hash, |g| {
            let status: Status = f
                .status
                .parse()
                .map_err(|e: bianyi_glossary::ErrorKind| e.to_string())?;
            let entry = g
                .entries
                .iter_mut()
                .find(|e| e.id == f.id)
                .ok_or_else(|| bad.clone())?;
            let term = entry
                .terms
                .get_mut(f.term)
                .filter(|t| t.text == f.text)
                .ok_or_else(|| bad.clone())?;
            term.status = status;
            term.note = some_text(f.note.as_deref());
            Ok(format!("e-{}", query(&entry.id)))
        });
        match result {
            Ok(anchor) => see_other(&back_to(f.back.as_deref(), &anchor)),
            Err(r) => r,
        }
    })
    .await
}

/// The glossary terms found in `source` (the project's glossaries
/// stacked, as a build applies them): byte spans, in order and apart, each
/// with its entry in one line (id, terms with language and status, note).
pub(crate) fn hits(project: &Project, source: &str) -> Vec<(usize, usize, String)> {
    let Ok((g, _, _)) = bianyi_project::load_glossaries(project) else {
        return Vec::new();
    };
    if g.entries.is_empty() {
        return Vec::new();
    }
    let Ok(matcher) = Matcher::new(&g, Applier::include) else {
        return Vec::new();
    };
    matcher
        .find(source)
        .into_iter()
        .filter_map(|m| {
            let e = g.entries.get(m.entry)?;
            let mut title = e.id.clone();
            for t in &e.terms {
                let _ = write!(title, " · {} {} ({})", t.lang.as_str(), t.text, t.status);
            }
            if let Some(n) = &e.note {
                let _ = write!(title, " — {n}");
            }
            Some((m.start, m.end, title))
        })
        .collect()
}
