//! `bianyi serve FILE --to T`: the workspace over one document without a
//! project file, over HTTP (no socket). Outputs stay in memory and are
//! downloaded; decisions go to the overrides file; glossary edits to the
//! glossaries given; no other file is read or written.

#![cfg(test)]

#[path = "support/http.rs"]
mod support;

use std::path::{Path, PathBuf};

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use bianyi_serve::{Options, Single, SingleError, router_single};
use support::{HOST, PORT, TOKEN, enc, get, send};

const GLOSSARY: &str = "[glossary]\nsource = \"zh-Hans\"\ntarget = \"en\"\n\n\
[[entry]]\nid = \"avocado\"\nterms = [\n\
  { lang = \"zh-Hans\", text = \"牛油果\", status = \"preferred\" },\n\
  { lang = \"zh-TW\", text = \"酪梨\", status = \"preferred\" },\n]\n";

/// A folder with the document a.txt, the glossary g.toml, a sibling
/// document other.txt and a secret one folder up (`dir/..`: the
/// tempdir's own parent is not ours, so `outer/secret.txt` beside `doc/`).
fn folder() -> (tempfile::TempDir, PathBuf) {
    let outer = tempfile::tempdir().unwrap();
    let dir = outer.path().join("doc");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("a.txt"),
        "衣服干了。牛油果\n<script>alert(1)</script>\n",
    )
    .unwrap();
    std::fs::write(dir.join("other.txt"), "头发\n").unwrap();
    std::fs::write(dir.join("g.toml"), GLOSSARY).unwrap();
    std::fs::write(outer.path().join("secret.txt"), "秘密\n").unwrap();
    (outer, dir)
}

fn serve(dir: &Path, glossaries: &[&str]) -> Router {
    let single = Single::new(
        &dir.join("a.txt"),
        &["zh-TW".to_string(), "zh-HK".to_string()],
        &glossaries.iter().map(|g| dir.join(g)).collect::<Vec<_>>(),
        None,
    )
    .unwrap();
    let mut options = Options::new(PORT, "en-US").unwrap();
    options.token = TOKEN.to_string();
    router_single(single, options)
}

fn post(uri: &str, fields: &[(&str, &str)]) -> Request<Body> {
    Request::post(uri)
        .header(header::HOST, HOST)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(serde_urlencoded::to_string(fields).unwrap()))
        .unwrap()
}

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[tokio::test]
async fn the_document_is_shown_and_downloaded_and_nothing_is_written() {
    let (_outer, dir) = folder();
    let app = serve(&dir, &["g.toml"]);
    let before = names(&dir);
    let (status, _, body) = send(&app, get("/")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body.contains("/doc?file=a.txt"), "{body}");
    assert!(
        !body.contains("other.txt") && !body.contains("out/zh-TW"),
        "{body}"
    );
    assert!(
        body.contains(
            &dir.join("a.txt")
                .canonicalize()
                .unwrap()
                .display()
                .to_string()
        ),
        "{body}"
    );
    let (status, _, body) = send(&app, get("/doc?file=a.txt&target=zh-TW")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // Both conversions beside the source, with their download links.
    assert!(body.contains("<section data-target=\"zh-HK\">"), "{body}");
    assert!(
        body.contains("href=\"/output?file=a.txt&amp;target=zh-TW\""),
        "{body}"
    );
    // No output path: nothing is written there.
    assert!(!body.contains("out/zh-"), "{body}");
    // A decision "everywhere" means the document here, and says so.
    assert!(body.contains("everywhere in this document"), "{body}");
    assert!(!body.contains("everywhere in the project"), "{body}");
    // The glossary's term is applied; hostile text escaped.
    assert!(body.contains("酪梨"), "{body}");
    assert!(body.contains("&lt;script&gt;") && !body.contains("<script>alert"));
    let (status, response, text) = send(&app, get("/output?file=a.txt&target=zh-TW")).await;
    assert_eq!(status, StatusCode::OK, "{text}");
    assert_eq!(
        response.headers()[header::CONTENT_DISPOSITION],
        "attachment; filename=\"a.zh-TW.txt\"; filename*=UTF-8''a.zh-TW.txt"
    );
    assert_eq!(text, "衣服幹了。酪梨\n<script>alert(1)</script>\n");
    // Nothing written: no output, no cache, no overrides file yet.
    assert_eq!(names(&dir), before);
}

#[tokio::test]
async fn a_decision_is_saved_beside_the_document_and_applied_at_once() {
    let (_outer, dir) = folder();
    let app = serve(&dir, &[]);
    let fields = [
        ("token", TOKEN),
        ("file", "a.txt"),
        ("target", "zh-TW"),
        ("line", "1"),
        ("column", "3"),
        ("source", "干"),
        ("output", "乾"),
        ("anchor", "a0"),
    ];
    // Without the token: refused, nothing written.
    let no_token: Vec<_> = fields
        .iter()
        .filter(|(k, _)| *k != "token")
        .copied()
        .collect();
    assert_eq!(
        send(&app, post("/override", &no_token)).await.0,
        StatusCode::FORBIDDEN
    );
    assert!(!dir.join("a.txt.overrides.toml").exists());
    let (status, response, body) = send(&app, post("/override", &fields)).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
    assert_eq!(
        response.headers()[header::LOCATION],
        "/doc?file=a.txt&target=zh-TW#a0"
    );
    let saved = std::fs::read_to_string(dir.join("a.txt.overrides.toml")).unwrap();
    assert!(saved.contains("output = \"乾\""), "{saved}");
    let (_, _, tw) = send(&app, get("/output?file=a.txt&target=zh-TW")).await;
    assert!(tw.starts_with("衣服乾了"), "{tw}");
    // Only for zh-TW.
    let (_, _, hk) = send(&app, get("/output?file=a.txt&target=zh-HK")).await;
    assert!(hk.starts_with("衣服幹了"), "{hk}");
    // The only file written.
    assert_eq!(
        names(&dir),
        ["a.txt", "a.txt.overrides.toml", "g.toml", "other.txt"]
    );
}

#[tokio::test]
async fn nothing_but_the_document_and_its_files_is_served_or_written() {
    let (outer, dir) = folder();
    let app = serve(&dir, &["g.toml"]);
    for file in [
        "other.txt",
        "../secret.txt",
        "g.toml",
        "a.txt.overrides.toml",
        "/etc/passwd",
        "",
    ] {
        let q = enc(file);
        for uri in [
            format!("/doc?file={q}"),
            format!("/output?file={q}&target=zh-TW"),
        ] {
            let (status, _, body) = send(&app, get(&uri)).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{uri}: {body}");
            assert!(!body.contains("秘密") && !body.contains("頭髮"), "{body}");
        }
    }
    // A target not served, and the override form for another file.
    assert_eq!(
        send(&app, get("/output?file=a.txt&target=zh-CN")).await.0,
        StatusCode::NOT_FOUND
    );
    let fields = [
        ("token", TOKEN),
        ("file", "../secret.txt"),
        ("target", "zh-TW"),
        ("line", "1"),
        ("column", "1"),
        ("source", "秘"),
        ("output", "祕"),
    ];
    assert_eq!(
        send(&app, post("/override", &fields)).await.0,
        StatusCode::NOT_FOUND
    );
    // The glossary editor offers the given glossary only.
    std::fs::write(dir.join("h.toml"), GLOSSARY).unwrap();
    let (_, _, body) = send(&app, get("/glossary")).await;
    assert!(
        body.contains("<h2>g.toml</h2>") && !body.contains("h.toml"),
        "{body}"
    );
    let term = [
        ("token", TOKEN),
        ("file", "h.toml"),
        ("hash", "0"),
        ("id", "avocado"),
        ("term", "0"),
        ("text", "牛油果"),
        ("status", "forbidden"),
        ("note", ""),
    ];
    let (status, _, _) = send(&app, post("/glossary/term", &term)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(
        std::fs::read_to_string(dir.join("h.toml")).unwrap(),
        GLOSSARY
    );
    assert_eq!(
        std::fs::read_to_string(outer.path().join("secret.txt")).unwrap(),
        "秘密\n"
    );
}

#[test]
fn only_documents_and_files_in_their_folder_are_accepted() {
    let (outer, dir) = folder();
    let to = ["zh-TW".to_string()];
    let single = |file: &Path, g: &[PathBuf], o: Option<&Path>| Single::new(file, &to, g, o);
    // Not documents: a glossary, a binary file, a folder.
    std::fs::write(dir.join("b.png"), b"\x89PNG\r\n\x1a\n\0\0").unwrap();
    for f in [dir.join("g.toml"), dir.join("b.png"), dir.clone()] {
        assert!(
            matches!(single(&f, &[], None), Err(SingleError::NotADocument(_))),
            "{f:?}"
        );
    }
    // A glossary or overrides file outside the document's folder.
    std::fs::write(outer.path().join("g.toml"), GLOSSARY).unwrap();
    let a = dir.join("a.txt");
    assert!(matches!(
        single(&a, &[outer.path().join("g.toml")], None),
        Err(SingleError::Outside(_))
    ));
    assert!(matches!(
        single(&a, &[dir.join("../g.toml")], None),
        Err(SingleError::Outside(_))
    ));
    assert!(matches!(
        single(&a, &[], Some(&outer.path().join("o.toml"))),
        Err(SingleError::Outside(_))
    ));
    #[cfg(unix)]
    {
        // A link in the folder to a file outside it.
        std::os::unix::fs::symlink(outer.path().join("o.toml"), dir.join("link.toml")).unwrap();
        assert!(matches!(
            single(&a, &[], Some(&dir.join("link.toml"))),
            Err(SingleError::Outside(_))
        ));
    }
    // Inside: accepted, the overrides file where asked.
    std::fs::create_dir_all(dir.join("review")).unwrap();
    let ok = single(&a, &[dir.join("g.toml")], Some(&dir.join("review/o.toml"))).unwrap();
    assert_eq!(ok.overrides(), "review/o.toml");
    assert!(matches!(
        Single::new(&a, &["zh-XX".to_string()], &[], None),
        Err(SingleError::UnknownTarget(_))
    ));
    // A name with glob characters is taken as it is.
    std::fs::write(dir.join("a[1]*.txt"), "干\n").unwrap();
    let odd = single(&dir.join("a[1]*.txt"), &[], None).unwrap();
    assert_eq!(odd.overrides(), "a[1]*.txt.overrides.toml");
}

#[tokio::test]
async fn a_term_added_to_a_given_glossary_is_applied_at_once() {
    use sha2::Digest;
    let (_outer, dir) = folder();
    std::fs::write(dir.join("a.txt"), "智东西\n").unwrap();
    let app = serve(&dir, &["g.toml"]);
    let g = dir.join("g.toml");
    let hash: String = sha2::Sha256::digest(std::fs::read(&g).unwrap())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let fields = [
        ("token", TOKEN),
        ("file", "g.toml"),
        ("hash", hash.as_str()),
        ("source_lang", "zh-Hans"),
        ("source", "智东西"),
        ("target_lang", "zh-TW"),
        ("target", "智東西網"),
        ("status", "preferred"),
        ("note", ""),
        ("back", "/doc?file=a.txt&target=zh-TW"),
    ];
    let (status, _, body) = send(&app, post("/glossary/add", &fields)).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
    assert!(std::fs::read_to_string(&g).unwrap().contains("智東西網"));
    let (_, _, tw) = send(&app, get("/output?file=a.txt&target=zh-TW")).await;
    assert_eq!(tw, "智東西網\n");
}
