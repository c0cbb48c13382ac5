//! The glossary editor over HTTP (no socket: the router is called
//! directly): listing and searching, adding a term, changing a term's
//! status and note, concurrent edits refused, the security rules (token,
//! Origin, Host, paths), hostile text escaped, and glossary hits in the
//! document view.

#![cfg(test)]

#[path = "support/http.rs"]
mod support;

use std::path::Path;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use bianyi_glossary::{Format, Glossary};
use support::{HOST, TOKEN, app, get, send};

const GLOSSARY: &str = "[glossary]\nsource = \"zh-Hant\"\ntarget = \"en\"\n\n\
[[entry]]\nid = \"avocado\"\nnote = \"<b>code name</b> & \\\"more\\\"\"\nterms = [\n\
  { lang = \"zh-Hant\", text = \"牛油果\", status = \"preferred\" },\n\
  { lang = \"zh-TW\", text = \"酪梨\", status = \"preferred\" },\n\
  { lang = \"en\", text = \"Avocado\", status = \"preferred\" },\n]\n";

/// A project: docs/a.txt to zh-TW, the glossary g.toml, and outside it a
/// TOML file a link could point to.
fn project(dir: &Path) {
    std::fs::write(
        dir.join("bianyi.toml"),
        "glossaries = [\"g.toml\"]\n[[sources]]\nfiles = [\"docs/*.txt\"]\n[[targets]]\nto = \"zh-TW\"\n",
    )
    .unwrap();
    std::fs::create_dir_all(dir.join("docs")).unwrap();
    std::fs::write(dir.join("docs/a.txt"), "牛油果模型与智东西。\n").unwrap();
    std::fs::write(dir.join("g.toml"), GLOSSARY).unwrap();
}

fn post(uri: &str, fields: &[(&str, &str)]) -> Request<Body> {
    Request::post(uri)
        .header(header::HOST, HOST)
        .header(header::ORIGIN, "http://127.0.0.1:4567")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(serde_urlencoded::to_string(fields).unwrap()))
        .unwrap()
}

/// The hash the pages put in their forms (SHA-256 of the file, hex).
fn hash_of(path: &Path) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(std::fs::read(path).unwrap())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The fields of the form adding the term `source` (zh-Hant), rendered in
/// zh-TW as `target`, from the document view.
fn add_fields<'a>(hash: &'a str, source: &'a str, target: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("token", TOKEN),
        ("file", "g.toml"),
        ("hash", hash),
        ("source_lang", "zh-Hant"),
        ("source", source),
        ("target_lang", "zh-TW"),
        ("target", target),
        ("status", "preferred"),
        ("note", ""),
        ("back", "/doc?file=docs/a.txt&target=zh-TW"),
    ]
}

#[tokio::test]
async fn the_list_shows_and_searches_entries_with_the_file_hash() {
    let dir = tempfile::tempdir().unwrap();
    project(dir.path());
    let app = app(dir.path());
    let (status, _, body) = send(&app, get("/glossary")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("<h2>g.toml</h2>"), "{body}");
    assert!(body.contains("<tr id=\"e-avocado\">"), "{body}");
    assert!(body.contains("<b>酪梨</b>"), "{body}");
    assert!(body.contains("1 of 1 entries"), "{body}");
    let hash = hash_of(&dir.path().join("g.toml"));
    assert!(
        body.contains(&format!("name=\"hash\" value=\"{hash}\"")),
        "{body}"
    );
    // The note is escaped, never markup.
    assert!(
        body.contains("&lt;b&gt;code name&lt;/b&gt; &amp; &quot;more&quot;"),
        "{body}"
    );
    assert!(!body.contains("<b>code name</b>"));
    // Search: by term, by id, case-insensitive; no match shows none.
    for q in ["%E9%85%AA", "AVOCADO", "code"] {
        let (_, _, body) = send(&app, get(&format!("/glossary?q={q}"))).await;
        assert!(body.contains("e-avocado"), "{q}: {body}");
    }
    let (_, _, body) = send(&app, get("/glossary?q=nothing")).await;
    assert!(
        !body.contains("e-avocado") && body.contains("0 of 1 entries"),
        "{body}"
    );
}

#[tokio::test]
async fn a_term_is_added_as_canonical_toml_and_built_at_once() {
    let dir = tempfile::tempdir().unwrap();
    project(dir.path());
    let app = app(dir.path());
    let g = dir.path().join("g.toml");
    let hash = hash_of(&g);
    let (status, response, body) = send(
        &app,
        post("/glossary/add", &add_fields(&hash, "智东西", "智東西網")),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
    assert_eq!(
        response.headers()[header::LOCATION],
        "/doc?file=docs/a.txt&target=zh-TW#e-%E6%99%BA%E4%B8%9C%E8%A5%BF"
    );
    let text = std::fs::read_to_string(&g).unwrap();
    // Canonical: what `bianyi glossary fmt` would write.
    let parsed = Glossary::parse(&text, Format::Toml, None).unwrap();
    assert_eq!(parsed.to_toml(), text);
    assert!(
        text.contains("[[entry]]\nid = \"智东西\"\nterms = [\n  { lang = \"zh-Hant\", text = \"智东西\", status = \"preferred\" },\n  { lang = \"zh-TW\", text = \"智東西網\", status = \"preferred\" },\n]"),
        "{text}"
    );
    // The untouched entry is kept.
    assert!(text.contains("酪梨"), "{text}");
    let out = std::fs::read_to_string(dir.path().join("out/zh-TW/docs/a.txt")).unwrap();
    assert!(out.contains("智東西網"), "{out}");
    // An empty term is refused, nothing written.
    let hash = hash_of(&g);
    let before = std::fs::read(&g).unwrap();
    let (status, _, body) = send(&app, post("/glossary/add", &add_fields(&hash, "  ", "x"))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(std::fs::read(&g).unwrap(), before);
}

#[tokio::test]
async fn a_change_based_on_an_old_file_is_refused_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    project(dir.path());
    let app = app(dir.path());
    let g = dir.path().join("g.toml");
    let old = hash_of(&g);
    // Someone else edits the file after the page was shown.
    let theirs = GLOSSARY.replace("酪梨", "鱷梨");
    std::fs::write(&g, &theirs).unwrap();
    let (status, _, body) = send(
        &app,
        post("/glossary/add", &add_fields(&old, "智东西", "x")),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(
        body.contains("g.toml changed since this page was shown")
            && body.contains("Nothing was saved"),
        "{body}"
    );
    let term = [
        ("token", TOKEN),
        ("file", "g.toml"),
        ("hash", old.as_str()),
        ("id", "avocado"),
        ("term", "1"),
        ("text", "酪梨"),
        ("status", "forbidden"),
        ("note", ""),
    ];
    assert_eq!(
        send(&app, post("/glossary/term", &term)).await.0,
        StatusCode::CONFLICT
    );
    assert_eq!(std::fs::read_to_string(&g).unwrap(), theirs);
}

#[tokio::test]
async fn a_terms_status_and_note_are_changed() {
    let dir = tempfile::tempdir().unwrap();
    project(dir.path());
    let app = app(dir.path());
    let g = dir.path().join("g.toml");
    let hash = hash_of(&g);
    let mut term = vec![
        ("token", TOKEN),
        ("file", "g.toml"),
        ("hash", hash.as_str()),
        ("id", "avocado"),
        ("term", "1"),
        ("text", "牛油果"),
        ("status", "forbidden"),
        ("note", "mainland <usage>"),
    ];
    // The index names 酪梨 in the file, not the text the form showed.
    let (status, _, _) = send(&app, post("/glossary/term", &term)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    term[5] = ("text", "酪梨");
    let (status, response, body) = send(&app, post("/glossary/term", &term)).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
    assert_eq!(response.headers()[header::LOCATION], "/glossary#e-avocado");
    let text = std::fs::read_to_string(&g).unwrap();
    assert!(
        text.contains("{ lang = \"zh-TW\", text = \"酪梨\", status = \"forbidden\", note = \"mainland <usage>\" }"),
        "{text}"
    );
    let (_, _, body) = send(&app, get("/glossary")).await;
    assert!(body.contains("value=\"mainland &lt;usage&gt;\""), "{body}");
    assert!(
        body.contains("<option value=\"forbidden\" selected>"),
        "{body}"
    );
    // An unknown status is refused.
    let hash = hash_of(&g);
    term[2] = ("hash", hash.as_str());
    term[6] = ("status", "maybe");
    assert_eq!(
        send(&app, post("/glossary/term", &term)).await.0,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn only_the_projects_toml_glossaries_inside_its_root_are_written() {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    project(dir.path());
    let app = app(dir.path());
    std::fs::write(dir.path().join("other.toml"), GLOSSARY).unwrap();
    std::fs::write(outside.path().join("x.toml"), GLOSSARY).unwrap();
    let hash = hash_of(&dir.path().join("g.toml"));
    for file in [
        "bianyi.toml",
        "other.toml",
        "../x.toml",
        "/etc/passwd",
        "docs/a.txt",
        "",
    ] {
        let mut fields = add_fields(&hash, "智东西", "x");
        fields[1] = ("file", file);
        let (status, _, body) = send(&app, post("/glossary/add", &fields)).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{file}: {body}");
        assert!(body.contains("cannot be changed here"), "{body}");
    }
    assert_eq!(
        std::fs::read_to_string(dir.path().join("other.toml")).unwrap(),
        GLOSSARY
    );
    // A glossary of the project that is a link to a file outside its root.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(outside.path().join("x.toml"), dir.path().join("l.toml"))
            .unwrap();
        std::fs::write(
            dir.path().join("bianyi.toml"),
            "glossaries = [\"l.toml\"]\n[[sources]]\nfiles = [\"docs/*.txt\"]\n[[targets]]\nto = \"zh-TW\"\n",
        )
        .unwrap();
        let hash = hash_of(&outside.path().join("x.toml"));
        let mut fields = add_fields(&hash, "智东西", "x");
        fields[1] = ("file", "l.toml");
        let (status, _, _) = send(&app, post("/glossary/add", &fields)).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert_eq!(
            std::fs::read_to_string(outside.path().join("x.toml")).unwrap(),
            GLOSSARY
        );
    }
}

#[tokio::test]
async fn glossary_changes_need_the_token_the_origin_and_the_host() {
    let dir = tempfile::tempdir().unwrap();
    project(dir.path());
    let app = app(dir.path());
    let g = dir.path().join("g.toml");
    let hash = hash_of(&g);
    let mut fields = add_fields(&hash, "智东西", "x");
    fields[0] = ("token", "wrong");
    let (status, _, body) = send(&app, post("/glossary/add", &fields)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(body.contains("session token"), "{body}");
    let fields = add_fields(&hash, "智东西", "x");
    let mut r = post("/glossary/add", &fields);
    r.headers_mut()
        .insert(header::ORIGIN, "http://evil.example".parse().unwrap());
    assert_eq!(send(&app, r).await.0, StatusCode::FORBIDDEN);
    let mut r = post("/glossary/term", &fields);
    r.headers_mut()
        .insert(header::HOST, "evil.example:4567".parse().unwrap());
    assert_eq!(send(&app, r).await.0, StatusCode::FORBIDDEN);
    let mut r = get("/glossary");
    r.headers_mut()
        .insert(header::HOST, "evil.example:4567".parse().unwrap());
    assert_eq!(send(&app, r).await.0, StatusCode::FORBIDDEN);
    assert_eq!(std::fs::read_to_string(&g).unwrap(), GLOSSARY);
    // A page to go back to elsewhere is not followed.
    let mut fields = add_fields(&hash, "智东西", "x");
    fields[9] = ("back", "//evil.example/");
    let (status, response, _) = send(&app, post("/glossary/add", &fields)).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(
        response.headers()[header::LOCATION]
            .to_str()
            .unwrap()
            .starts_with("/glossary#"),
    );
}

#[tokio::test]
async fn hostile_terms_are_escaped_and_hits_are_marked_in_the_document() {
    let dir = tempfile::tempdir().unwrap();
    project(dir.path());
    let app = app(dir.path());
    let hash = hash_of(&dir.path().join("g.toml"));
    let hostile = "<img src=x onerror=alert(1)>";
    let (status, _, body) = send(
        &app,
        post("/glossary/add", &add_fields(&hash, "智东西", hostile)),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
    let (_, _, body) = send(&app, get("/glossary")).await;
    assert!(
        body.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "{body}"
    );
    assert!(!body.contains(hostile));
    let (status, _, body) = send(&app, get("/doc?file=docs/a.txt&target=zh-TW")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!body.contains(hostile));
    // The source's terms are marked, with their entry in the title.
    assert!(
        body.contains("<mark class=\"term\" title=\"avocado · en Avocado (preferred) · zh-Hant 牛油果 (preferred) · zh-TW 酪梨 (preferred) — &lt;b&gt;code name&lt;/b&gt; &amp; &quot;more&quot;\">牛油果</mark>"),
        "{body}"
    );
    assert!(body.contains("title=\"智东西 · zh-Hant 智东西 (preferred) · zh-TW &lt;img src=x onerror=alert(1)&gt; (preferred)\">智东西</mark>"), "{body}");
    // The form fed by a selection, for the glossary that wins.
    assert!(body.contains("<details id=\"add-term\">"), "{body}");
    assert!(
        body.contains("name=\"back\" value=\"/doc?file=docs/a.txt&amp;target=zh-TW\""),
        "{body}"
    );
}

#[tokio::test]
async fn findings_link_to_their_line_in_the_document() {
    let dir = tempfile::tempdir().unwrap();
    project(dir.path());
    std::fs::write(dir.path().join("docs/a.txt"), "第一行。\n\n牛油果模型。\n").unwrap();
    // 牛油果 forbidden in the source's language: `check` finds it at 3:1.
    std::fs::write(
        dir.path().join("g.toml"),
        GLOSSARY.replace(
            "text = \"牛油果\", status = \"preferred\"",
            "text = \"牛油果\", status = \"forbidden\"",
        ),
    )
    .unwrap();
    let app = app(dir.path());
    let (_, _, body) = send(&app, get("/")).await;
    assert!(
        body.contains("<li><a href=\"/doc?file=docs/a.txt#L3\">forbidden-in-source"),
        "{body}"
    );
    let (_, _, body) = send(&app, get("/doc?file=docs/a.txt")).await;
    assert!(
        body.contains("<span id=\"L1\">第一行。</span>\n<span id=\"L2\"></span>\n<span id=\"L3\">"),
        "{body}"
    );
}
