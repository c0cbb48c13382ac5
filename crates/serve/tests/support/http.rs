//! Requests to the workspace's router without a socket, as the pages of a
//! session on 127.0.0.1:4567 with a known token would send them.

#![allow(dead_code, reason = "each test binary uses a part of it")]

use std::path::Path;

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::http::{Request, Response, StatusCode, header};
use tower::ServiceExt;

pub(crate) const PORT: u16 = 4567;
pub(crate) const HOST: &str = "127.0.0.1:4567";
pub(crate) const TOKEN: &str = "0123456789abcdef0123456789abcdef";

/// The workspace of the project in `dir`, on [`PORT`] with [`TOKEN`].
pub(crate) fn app(dir: &Path) -> Router {
    let mut options = bianyi_serve::Options::new(PORT, "en-US").unwrap();
    options.token = TOKEN.to_string();
    bianyi_serve::router(&dir.join("bianyi.toml"), options).unwrap()
}

/// The status, the head and the body (text) of the answer to `request`.
pub(crate) async fn send(
    app: &Router,
    request: Request<Body>,
) -> (StatusCode, Response<Body>, String) {
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let (parts, body) = response.into_parts();
    let bytes = to_bytes(body, usize::MAX).await.unwrap();
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    (status, Response::from_parts(parts, Body::empty()), text)
}

/// `GET uri` with the right Host.
pub(crate) fn get(uri: &str) -> Request<Body> {
    Request::get(uri)
        .header(header::HOST, HOST)
        .body(Body::empty())
        .unwrap()
}

/// `s` percent-encoded for a query or a form.
pub(crate) fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}
