//! `bianyi serve`: a local web workspace over a bianyi project
//! (docs/serve.md). Pages are rendered on the server from the project
//! model of `bianyi-project`: the project's files and their state, a
//! document beside each of its conversions with its ambiguities, and the
//! reviewers' decisions taken there saved as the project's overrides and
//! built at once.
//!
//! A local server is reachable by every web page the user visits, so
//! [`router`] checks every request: the `Host` header must name the
//! loopback address and port served (DNS rebinding), every state-changing
//! request carries the session's token (CSRF), files are only those of the
//! project's plan and resolved inside its root, every text from files is
//! escaped, and a Content-Security-Policy forbids inline scripts.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use bianyi_project::{Project, Reporter};

mod align;
mod glossary;
mod html;
mod pages;
mod single;
mod ui;

pub use single::{Single, SingleError};

use ui::Ui;

/// The header a script may send the session's token in (forms send it as
/// the field `token`).
pub const TOKEN_HEADER: &str = "x-bianyi-token";

/// Largest request body read (forms only).
const MAX_BODY: usize = 1 << 20;

/// How the workspace runs.
#[derive(Clone, Default)]
#[non_exhaustive]
pub struct Options {
    /// The port requests must name in their `Host` header (the one
    /// listened on).
    pub port: u16,
    /// The session's token, required on every state-changing request.
    pub token: String,
    /// The locale of the pages (`en-US`, `zh-Hans`, `zh-Hant`).
    pub locale: String,
    /// Writes the reports of targets that have one (the CLI's).
    pub reporter: Option<Arc<dyn Reporter>>,
}

impl Options {
    /// Options for `port` with a fresh random token, in `locale`.
    pub fn new(port: u16, locale: &str) -> std::io::Result<Options> {
        Ok(Options {
            port,
            token: new_token()?,
            locale: locale.to_string(),
            reporter: None,
        })
    }
}

/// 32 random bytes from the system, in hexadecimal.
pub fn new_token() -> std::io::Result<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(std::io::Error::other)?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// What every handler shares.
pub(crate) struct App {
    /// The project file (read again for each request: edits show).
    pub(crate) file: PathBuf,
    /// Without a project file: the one document, and its outputs.
    pub(crate) single: Option<(Single, single::Memory)>,
    /// Its root, canonical.
    pub(crate) root: PathBuf,
    pub(crate) options: Options,
    pub(crate) ui: Ui,
    /// Held while decisions are written and the project is built.
    pub(crate) writing: Mutex<()>,
}

impl App {
    /// The project as its file says now.
    pub(crate) fn project(&self) -> Result<Project, bianyi_project::Error> {
        match &self.single {
            Some((s, _)) => s.project(),
            None => Project::load(&self.file),
        }
    }
}

/// The workspace of the project whose file is `project_file`.
pub fn router(project_file: &Path, options: Options) -> std::io::Result<Router> {
    let project = Project::load(project_file).map_err(std::io::Error::other)?;
    let root = std::fs::canonicalize(&project.root)?;
    Ok(routes(App {
        file: project.file.clone(),
        single: None,
        root,
        ui: Ui::new(&options.locale),
        options,
        writing: Mutex::new(()),
    }))
}

/// The workspace over one document without a project file (see
/// [`Single`]): its outputs are kept in memory and downloaded from the
/// document view.
pub fn router_single(single: Single, options: Options) -> Router {
    routes(App {
        file: single.root.join(&single.input),
        root: single.root.clone(),
        single: Some((single, single::Memory::default())),
        ui: Ui::new(&options.locale),
        options,
        writing: Mutex::new(()),
    })
}

fn routes(app: App) -> Router {
    let app = Arc::new(app);
    Router::new()
        .route("/", get(pages::index))
        .route("/doc", get(pages::doc))
        .route("/override", post(pages::add_override))
        .route("/build", post(pages::build))
        .merge(align::routes())
        .route("/output", get(pages::output))
        .route("/glossary", get(glossary::list))
        .route("/glossary/add", post(glossary::add))
        .route("/glossary/term", post(glossary::term))
        .route("/assets/app.css", get(css))
        .route("/assets/app.js", get(js))
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(app.clone(), guard))
        .with_state(app)
}

async fn css() -> Response {
    asset("text/css; charset=utf-8", include_str!("../assets/app.css"))
}

async fn js() -> Response {
    asset(
        "text/javascript; charset=utf-8",
        include_str!("../assets/app.js"),
    )
}

fn asset(kind: &'static str, text: &'static str) -> Response {
    ([(header::CONTENT_TYPE, kind)], text).into_response()
}

async fn not_found(State(app): State<Arc<App>>) -> Response {
    pages::error_page(
        &app,
        StatusCode::NOT_FOUND,
        &app.ui.t("serve-not-found", &[]),
    )
}

/// The `Host` values accepted: the loopback address or `localhost`, with
/// the port served.
fn host_ok(headers: &HeaderMap, port: u16) -> bool {
    let Some(host) = headers.get(header::HOST).and_then(|h| h.to_str().ok()) else {
        return false;
    };
    host == format!("127.0.0.1:{port}") || host == format!("localhost:{port}")
}

/// An `Origin`, when the browser sends one, must be the workspace's.
fn origin_ok(headers: &HeaderMap, port: u16) -> bool {
    match headers.get(header::ORIGIN).map(|h| h.to_str()) {
        None => true,
        Some(Ok(o)) => {
            o == format!("http://127.0.0.1:{port}") || o == format!("http://localhost:{port}")
        }
        Some(Err(_)) => false,
    }
}

/// Compares without stopping at the first difference.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// Every request: the Host check, then for anything but GET and HEAD the
/// Origin and token checks; every response gets the security headers.
async fn guard(State(app): State<Arc<App>>, request: Request, next: Next) -> Response {
    let port = app.options.port;
    let mut response = if !host_ok(request.headers(), port) {
        pages::error_page(
            &app,
            StatusCode::FORBIDDEN,
            &app.ui.t("serve-bad-host", &[]),
        )
    } else if request.method() == Method::GET || request.method() == Method::HEAD {
        next.run(request).await
    } else if !origin_ok(request.headers(), port) {
        pages::error_page(
            &app,
            StatusCode::FORBIDDEN,
            &app.ui.t("serve-bad-origin", &[]),
        )
    } else {
        let (parts, body) = request.into_parts();
        match to_bytes(body, MAX_BODY).await {
            Err(_) => pages::error_page(
                &app,
                StatusCode::PAYLOAD_TOO_LARGE,
                &app.ui.t("serve-too-large", &[]),
            ),
            Ok(bytes) => {
                let in_header = parts
                    .headers
                    .get(TOKEN_HEADER)
                    .and_then(|h| h.to_str().ok())
                    .map(str::to_string);
                let in_form = serde_urlencoded::from_bytes::<Vec<(String, String)>>(&bytes)
                    .ok()
                    .and_then(|fields| {
                        fields
                            .into_iter()
                            .find(|(k, _)| k == "token")
                            .map(|(_, v)| v)
                    });
                let given = in_header.or(in_form).unwrap_or_default();
                if same(&given, &app.options.token) && !app.options.token.is_empty() {
                    next.run(Request::from_parts(parts, Body::from(bytes)))
                        .await
                } else {
                    pages::error_page(
                        &app,
                        StatusCode::FORBIDDEN,
                        &app.ui.t("serve-bad-token", &[]),
                    )
                }
            }
        }
    };
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; \
             form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    // Not `no-referrer`: under it browsers send `Origin: null` with the
    // pages' own forms, which the Origin check refuses (found by the
    // browser tests). `same-origin` still tells other sites nothing.
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// The project-relative path `rel` resolved inside the project's root:
/// no absolute path, no `..`, and once links are followed still under
/// the root (a file that does not exist yet is judged by its folder).
pub(crate) fn inside(root: &Path, rel: &str) -> Option<PathBuf> {
    let p = Path::new(rel);
    if rel.is_empty()
        || p.is_absolute()
        || p.components()
            .any(|c| !matches!(c, std::path::Component::Normal(_)))
    {
        return None;
    }
    let joined = root.join(p);
    let resolved = match std::fs::canonicalize(&joined) {
        Ok(r) => r,
        // A link to nothing: where it leads cannot be judged.
        Err(_) if std::fs::symlink_metadata(&joined).is_ok() => return None,
        Err(_) => {
            // Not there (yet): its nearest existing folder must be inside.
            let mut dir = joined.parent()?;
            loop {
                if let Ok(d) = std::fs::canonicalize(dir) {
                    break d;
                }
                dir = dir.parent()?;
            }
        }
    };
    resolved.starts_with(root).then_some(joined)
}
