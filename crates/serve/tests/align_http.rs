//! The alignment review over HTTP (no socket): the page, every edit
//! (merge, split, move, mark reviewed), the exports, and the security
//! rules on them: Host, token, Origin, bad indexes, stale versions,
//! hostile text.

#![cfg(test)]

use std::path::Path;

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::http::{Request, StatusCode, header};
use tower::ServiceExt;

const HOST: &str = "127.0.0.1:4568";
const TOKEN: &str = "fedcba9876543210fedcba9876543210";

const SOURCE: &str = "今天天氣很好。我們去公園散步。\n公園裡有很多人在<b>放風箏</b>。\n";
const ENGLISH: &str = "The weather is fine today. We go for a walk in the park.\nMany people fly <b>kites</b> in the park.\n";

fn project(dir: &Path) {
    std::fs::write(
        dir.join("bianyi.toml"),
        "[[sources]]\nfiles = [\"zh/*.txt\"]\ntranslation = \"en/{name}\"\n\
         [[sources]]\nfiles = [\"plain/*.txt\"]\n\
         [[targets]]\nto = \"zh-Hans\"\nreport = \"md\"\n",
    )
    .unwrap();
    for d in ["zh", "en", "plain"] {
        std::fs::create_dir_all(dir.join(d)).unwrap();
    }
    std::fs::write(dir.join("zh/a.txt"), SOURCE).unwrap();
    std::fs::write(dir.join("en/a.txt"), ENGLISH).unwrap();
    std::fs::write(dir.join("plain/b.txt"), "頭髮。\n").unwrap();
}

fn app(dir: &Path) -> Router {
    let mut options = bianyi_serve::Options::new(4568, "en-US").unwrap();
    options.token = TOKEN.to_string();
    bianyi_serve::router(&dir.join("bianyi.toml"), options).unwrap()
}

async fn send(app: &Router, request: Request<Body>) -> (StatusCode, String, String) {
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let location = response
        .headers()
        .get(header::LOCATION)
        .map(|l| l.to_str().unwrap().to_string())
        .unwrap_or_default();
    let bytes = to_bytes(response.into_body(), usize::MAX).await.unwrap();
    (status, location, String::from_utf8(bytes.to_vec()).unwrap())
}

fn get(uri: &str) -> Request<Body> {
    Request::get(uri)
        .header(header::HOST, HOST)
        .body(Body::empty())
        .unwrap()
}

fn post(form: &str) -> Request<Body> {
    Request::post("/align/edit")
        .header(header::HOST, HOST)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(form.to_string()))
        .unwrap()
}

/// The value of the hidden field `name` in a page.
fn field(page: &str, name: &str) -> String {
    let key = format!("name=\"{name}\" value=\"");
    let at = page.find(&key).unwrap() + key.len();
    page[at..at + page[at..].find('"').unwrap()].to_string()
}

/// The beads' shapes on a page, in order.
fn shapes(page: &str) -> Vec<String> {
    page.split("<tr id=\"b")
        .skip(1)
        .map(|row| {
            let at = row.find("<small>").unwrap() + 7;
            row[at..at + row[at..].find('<').unwrap()].to_string()
        })
        .collect()
}

async fn review(app: &Router) -> String {
    let (status, _, page) = send(app, get("/align?file=zh/a.txt")).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    page
}

fn form(page: &str, rest: &str) -> String {
    format!(
        "token={TOKEN}&file=zh%2Fa.txt&version={}&{rest}",
        field(page, "version")
    )
}

#[tokio::test]
async fn the_page_shows_beads_escaped_and_links_from_the_index() {
    let dir = tempfile::tempdir().unwrap();
    project(dir.path());
    let app = app(dir.path());
    let (_, _, index) = send(&app, get("/")).await;
    assert!(index.contains("href=\"/align?file=zh/a.txt\""), "{index}");
    assert!(
        !index.contains("/align?file=plain"),
        "no translation, no link"
    );
    let page = review(&app).await;
    assert_eq!(shapes(&page), ["1-1", "1-1", "1-1"], "{page}");
    assert!(page.contains("&lt;b&gt;kites&lt;/b&gt;"), "{page}");
    assert!(!page.contains("<b>kites"), "hostile text escaped");
    assert!(page.contains("not reviewed yet"));
    // A source without a translation, a file not in the project, a path
    // out of it.
    for (uri, status) in [
        ("/align?file=plain/b.txt", StatusCode::NOT_FOUND),
        ("/align?file=zh/none.txt", StatusCode::NOT_FOUND),
        ("/align?file=../etc/passwd", StatusCode::NOT_FOUND),
        (
            "/align/export?file=zh/a.txt&format=pdf",
            StatusCode::BAD_REQUEST,
        ),
    ] {
        assert_eq!(send(&app, get(uri)).await.0, status, "{uri}");
    }
    // The pages' own form posts must carry their Origin: with
    // `no-referrer` Chromium sends `Origin: null` and every post would be
    // refused (tests/browser_align.rs found it).
    let response = app
        .clone()
        .oneshot(get("/align?file=zh/a.txt"))
        .await
        .unwrap();
    assert_eq!(response.headers()[header::REFERRER_POLICY], "same-origin");
    let wrong_host = Request::get("/align?file=zh/a.txt")
        .header(header::HOST, "evil.example:4568")
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(&app, wrong_host).await.0, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn edits_need_the_token_the_origin_and_the_current_version() {
    let dir = tempfile::tempdir().unwrap();
    project(dir.path());
    let app = app(dir.path());
    let saved = dir.path().join("alignments/zh/a.txt.toml");
    let page = review(&app).await;
    let good = form(&page, "op=merge&bead=0");
    for bad in [
        good.replace(TOKEN, "wrong"),
        good.replace(&format!("token={TOKEN}&"), ""),
    ] {
        let (status, _, body) = send(&app, post(&bad)).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert!(body.contains("session token"), "{body}");
    }
    let foreign = Request::post("/align/edit")
        .header(header::HOST, HOST)
        .header(header::ORIGIN, "http://evil.example")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(good.clone()))
        .unwrap();
    assert_eq!(send(&app, foreign).await.0, StatusCode::FORBIDDEN);
    // Bad indexes and impossible edits.
    for rest in [
        "op=merge&bead=2",
        "op=merge&bead=99",
        "op=merge",
        "op=source-up&bead=0",
        "op=target-down&bead=2",
        "op=split&bead=0&s=0&t=0",
        "op=split&bead=0&s=2&t=0",
        "op=split&bead=0",
        "op=explode&bead=0",
    ] {
        let (status, _, _) = send(&app, post(&form(&page, rest))).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{rest}");
    }
    let bad_bead = post(&format!("{}&bead=x", form(&page, "op=merge")));
    assert!(send(&app, bad_bead).await.0.is_client_error());
    assert!(!saved.exists(), "nothing saved");
    // The translation changed since the page was made: 409.
    std::fs::write(dir.path().join("en/a.txt"), ENGLISH.replace("fine", "nice")).unwrap();
    let (status, _, body) = send(&app, post(&good)).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(body.contains("changed since this page was made"), "{body}");
    assert!(!saved.exists());
}

#[tokio::test]
async fn merge_split_move_and_review_are_saved_and_built() {
    let dir = tempfile::tempdir().unwrap();
    project(dir.path());
    let app = app(dir.path());
    let saved = dir.path().join("alignments/zh/a.txt.toml");
    let page = review(&app).await;
    let (status, location, _) = send(&app, post(&form(&page, "op=merge&bead=0"))).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location, "/align?file=zh/a.txt#b0");
    let text = std::fs::read_to_string(&saved).unwrap();
    assert!(text.contains("source = \"zh/a.txt\"\ntranslation = \"en/a.txt\"\nreviewed = false"));
    assert_eq!(text.matches("[[bead]]").count(), 2, "{text}");
    assert!(
        text.contains("# 今天天氣很好。 我們去公園散步。 | The weather"),
        "{text}"
    );
    // The old page's version is stale now.
    assert_eq!(
        send(&app, post(&form(&page, "op=merge&bead=0"))).await.0,
        StatusCode::CONFLICT
    );
    let page = review(&app).await;
    assert_eq!(shapes(&page), ["2-2", "1-1"]);
    // Split it back unevenly: one source sentence with none, the rest.
    send(&app, post(&form(&page, "op=split&bead=0&s=1&t=0"))).await;
    let page = review(&app).await;
    assert_eq!(shapes(&page), ["1-0", "1-2", "1-1"]);
    assert!(page.contains("flag-unpaired"));
    // Move the first translated sentence up: 1-1, 1-1, 1-1.
    send(&app, post(&form(&page, "op=target-up&bead=1"))).await;
    let page = review(&app).await;
    assert_eq!(shapes(&page), ["1-1", "1-1", "1-1"]);
    send(&app, post(&form(&page, "op=source-down&bead=1"))).await;
    let page = review(&app).await;
    assert_eq!(shapes(&page), ["1-1", "0-1", "2-1"]);
    send(&app, post(&form(&page, "op=source-up&bead=2"))).await;
    let page = review(&app).await;
    assert_eq!(shapes(&page), ["1-1", "1-1", "1-1"]);
    send(&app, post(&form(&page, "op=reviewed"))).await;
    let page = review(&app).await;
    assert!(page.contains("reviewed") && !page.contains("not reviewed"));
    assert!(
        std::fs::read_to_string(&saved)
            .unwrap()
            .contains("reviewed = true")
    );
    assert!(
        !page.contains("flag-low-confidence"),
        "reviewed beads score 1"
    );
}

#[tokio::test]
async fn exports_are_the_reviewed_beads() {
    let dir = tempfile::tempdir().unwrap();
    project(dir.path());
    let app = app(dir.path());
    let page = review(&app).await;
    send(&app, post(&form(&page, "op=merge&bead=0"))).await;
    let response = app
        .clone()
        .oneshot(get("/align/export?file=zh/a.txt&format=tmx"))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()[header::CONTENT_DISPOSITION],
        "attachment; filename=\"a.tmx\""
    );
    let tmx = String::from_utf8(
        to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap()
            .to_vec(),
    )
    .unwrap();
    assert_eq!(
        tmx.matches("<tu ").count() + tmx.matches("<tu>").count(),
        2,
        "{tmx}"
    );
    assert!(tmx.contains("xml:lang=\"zh-Hant\""), "{tmx}");
    assert!(tmx.contains("今天天氣很好。"), "{tmx}");
    assert!(tmx.contains("&lt;b&gt;kites&lt;/b&gt;"), "{tmx}");
    let (status, _, xliff) = send(&app, get("/align/export?file=zh/a.txt&format=xliff")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(xliff.contains("<xliff"), "{xliff}");
    assert_eq!(xliff.matches("<unit ").count(), 2, "{xliff}");
}
