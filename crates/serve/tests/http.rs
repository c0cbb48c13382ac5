//! Every endpoint of the workspace over HTTP (no socket: the router is
//! called directly), and every security rule: Host, token, Origin, paths,
//! escaping, Content-Security-Policy.

#![cfg(test)]

#[path = "support/http.rs"]
mod support;

use std::path::Path;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use support::{HOST, PORT, TOKEN, app, enc, get, send};

fn project(dir: &Path, overrides: bool) {
    let mut toml = String::new();
    if overrides {
        toml.push_str("overrides = \"overrides.toml\"\n");
    }
    toml.push_str(
        "[[sources]]\nfiles = [\"docs/*.txt\"]\n[[targets]]\nto = \"zh-TW\"\n[[targets]]\nto = \"zh-HK\"\n",
    );
    std::fs::write(dir.join("bianyi.toml"), toml).unwrap();
    std::fs::create_dir_all(dir.join("docs")).unwrap();
    std::fs::write(
        dir.join("docs/a.txt"),
        "衣服干了。\n<script>alert(1)</script>\n",
    )
    .unwrap();
}

fn post(uri: &str, form: &str) -> Request<Body> {
    Request::post(uri)
        .header(header::HOST, HOST)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(form.to_string()))
        .unwrap()
}

#[tokio::test]
async fn only_the_loopback_host_and_port_are_answered() {
    let dir = tempfile::tempdir().unwrap();
    project(dir.path(), true);
    let app = app(dir.path());
    for host in [
        "evil.example:4567",
        "127.0.0.1:80",
        "127.0.0.1",
        "localhost:4568",
    ] {
        let r = Request::get("/")
            .header(header::HOST, host)
            .body(Body::empty())
            .unwrap();
        let (status, _, body) = send(&app, r).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{host}");
        assert!(body.contains("Wrong Host"), "{body}");
    }
    let no_host = Request::get("/").body(Body::empty()).unwrap();
    assert_eq!(send(&app, no_host).await.0, StatusCode::FORBIDDEN);
    for host in [HOST, "localhost:4567"] {
        let r = Request::get("/")
            .header(header::HOST, host)
            .body(Body::empty())
            .unwrap();
        assert_eq!(send(&app, r).await.0, StatusCode::OK, "{host}");
    }
}

#[tokio::test]
async fn state_changes_need_the_token_and_the_own_origin() {
    let dir = tempfile::tempdir().unwrap();
    project(dir.path(), true);
    let app = app(dir.path());
    let out = dir.path().join("out/zh-TW/docs/a.txt");
    for form in ["", "token=wrong", "token=0123456789abcdef0123456789abcdeX"] {
        let (status, _, body) = send(&app, post("/build", form)).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{form}");
        assert!(body.contains("session token"), "{body}");
    }
    assert!(!out.exists(), "nothing built without the token");
    // The right token, but from another site's page.
    let r = Request::post("/build")
        .header(header::HOST, HOST)
        .header(header::ORIGIN, "http://evil.example")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(format!("token={TOKEN}")))
        .unwrap();
    assert_eq!(send(&app, r).await.0, StatusCode::FORBIDDEN);
    assert!(!out.exists());
    // In the header, from the workspace's own page.
    let r = Request::post("/build")
        .header(header::HOST, HOST)
        .header(header::ORIGIN, "http://127.0.0.1:4567")
        .header(bianyi_serve::TOKEN_HEADER, TOKEN)
        .body(Body::empty())
        .unwrap();
    let (status, response, _) = send(&app, r).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(response.headers()[header::LOCATION], "/");
    let built = std::fs::read_to_string(&out).unwrap();
    assert!(
        built.starts_with("衣服") && !built.contains('干'),
        "{built}"
    );
    assert!(
        built.ends_with("。\n<script>alert(1)</script>\n"),
        "{built}"
    );
    // In the form.
    std::fs::remove_file(&out).unwrap();
    let (status, _, _) = send(&app, post("/build", &format!("token={TOKEN}"))).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(out.exists());
}

#[tokio::test]
async fn every_page_has_the_security_headers() {
    let dir = tempfile::tempdir().unwrap();
    project(dir.path(), true);
    let app = app(dir.path());
    for request in [
        get("/"),
        get("/doc?file=docs/a.txt"),
        get("/assets/app.js"),
        get("/nowhere"),
        post("/build", ""),
        Request::get("/").body(Body::empty()).unwrap(),
    ] {
        let (_, response, _) = send(&app, request).await;
        let csp = response.headers()[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap();
        assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"));
        assert!(csp.contains("default-src 'none'"));
        assert_eq!(
            response.headers()[header::X_CONTENT_TYPE_OPTIONS],
            "nosniff"
        );
    }
    let (status, _, body) = send(&app, get("/nowhere")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains("No such page"));
}

#[tokio::test]
async fn assets_are_embedded_with_their_types() {
    let dir = tempfile::tempdir().unwrap();
    project(dir.path(), true);
    let app = app(dir.path());
    let (status, response, body) = send(&app, get("/assets/app.js")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        response.headers()[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/javascript")
    );
    assert!(body.contains("addEventListener"));
    let (status, response, body) = send(&app, get("/assets/app.css")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        response.headers()[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/css")
    );
    assert!(body.contains("mark.chg"));
}

#[tokio::test]
async fn only_files_of_the_project_inside_its_root_are_shown() {
    let dir = tempfile::tempdir().unwrap();
    project(dir.path(), true);
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), "秘密").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        outside.path().join("secret.txt"),
        dir.path().join("docs/link.txt"),
    )
    .unwrap();
    std::fs::write(dir.path().join("notes.txt"), "不在项目里").unwrap();
    let app = app(dir.path());
    let secret = outside.path().join("secret.txt");
    for file in [
        "../secret.txt".to_string(),
        "docs/../../secret.txt".to_string(),
        secret.display().to_string(),
        "docs/link.txt".to_string(),
        "notes.txt".to_string(),
        "bianyi.toml".to_string(),
        String::new(),
    ] {
        let (status, _, body) = send(&app, get(&format!("/doc?file={}", enc(&file)))).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{file}");
        assert!(
            !body.contains("秘密") && !body.contains("不在项目里"),
            "{file}"
        );
    }
    // Nor written through a decision.
    let form = format!(
        "token={TOKEN}&file=docs%2Flink.txt&target=zh-TW&line=1&column=1&source={}&output={}",
        enc("秘"),
        enc("祕")
    );
    assert_eq!(
        send(&app, post("/override", &form)).await.0,
        StatusCode::NOT_FOUND
    );
    assert!(!dir.path().join("overrides.toml").exists());
}

#[tokio::test]
async fn hostile_text_in_files_and_names_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    project(dir.path(), true);
    let name = "docs/<img src=x onerror=alert(1)>.txt";
    std::fs::write(dir.path().join(name), "\"'><script>alert(2)</script>头发").unwrap();
    let app = app(dir.path());
    let (status, _, index) = send(&app, get("/")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        index.contains("&lt;img src=x onerror=alert(1)&gt;.txt"),
        "{index}"
    );
    assert!(!index.contains("<img"));
    let (status, _, doc) = send(&app, get(&format!("/doc?file={}", enc(name)))).await;
    assert_eq!(status, StatusCode::OK);
    assert!(doc.contains("&quot;&#39;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"));
    assert!(!doc.contains("<script>alert") && !doc.contains("<img"));
    // The only script is the embedded file.
    assert_eq!(doc.matches("<script").count(), 1);
    assert!(doc.contains("<script src=\"/assets/app.js\" defer></script>"));
    let (_, _, a) = send(&app, get("/doc?file=docs/a.txt")).await;
    assert!(a.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!a.contains("<script>alert"));
}

#[tokio::test]
async fn the_index_lists_files_states_and_findings() {
    let dir = tempfile::tempdir().unwrap();
    project(dir.path(), true);
    let app = app(dir.path());
    let (status, _, body) = send(&app, get("/")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        body.contains("<a href=\"/doc?file=docs/a.txt\">docs/a.txt</a>"),
        "{body}"
    );
    assert_eq!(body.matches("class=\"state-stale\"").count(), 2, "{body}");
    assert!(body.contains("out/zh-HK/docs/a.txt"));
    assert!(body.contains(&format!("name=\"token\" value=\"{TOKEN}\"")));
    send(&app, post("/build", &format!("token={TOKEN}"))).await;
    let (_, _, body) = send(&app, get("/")).await;
    assert_eq!(
        body.matches("class=\"state-converted\"").count(),
        2,
        "{body}"
    );
    assert!(body.contains("0 findings"));
    // Changed by hand.
    std::fs::write(dir.path().join("out/zh-TW/docs/a.txt"), "改了").unwrap();
    let (_, _, body) = send(&app, get("/")).await;
    assert!(body.contains("class=\"state-modified\""), "{body}");
    // In zh-Hans.
    let mut options = bianyi_serve::Options::new(PORT, "zh-Hans").unwrap();
    options.token = TOKEN.to_string();
    let zh = bianyi_serve::router(&dir.path().join("bianyi.toml"), options).unwrap();
    let (_, _, body) = send(&zh, get("/")).await;
    assert!(
        body.contains("<html lang=\"zh-Hans\">") && body.contains("项目的文件"),
        "{body}"
    );
}

#[tokio::test]
async fn a_choice_is_saved_as_an_override_and_shown_at_once() {
    let dir = tempfile::tempdir().unwrap();
    project(dir.path(), true);
    let app = app(dir.path());
    send(&app, post("/build", &format!("token={TOKEN}"))).await;
    let (status, _, doc) = send(&app, get("/doc?file=docs/a.txt&target=zh-TW")).await;
    assert_eq!(status, StatusCode::OK);
    // The source with its ambiguity, both targets' outputs, the choices.
    assert!(
        doc.contains("<a class=\"amb\" id=\"s0\" href=\"#a0\""),
        "{doc}"
    );
    assert!(doc.contains("衣服<mark class=\"chg\">"), "{doc}");
    assert!(doc.contains("out/zh-HK/docs/a.txt"));
    assert!(
        doc.contains("<button name=\"output\" value=\"干\">干</button>"),
        "{doc}"
    );
    assert!(
        doc.contains("value=\"乾\"") && doc.contains("value=\"幹\""),
        "{doc}"
    );
    assert!(doc.contains("everywhere in the project"));
    // This spot only.
    let hk_before = std::fs::read_to_string(dir.path().join("out/zh-HK/docs/a.txt")).unwrap();
    let form = format!(
        "token={TOKEN}&file=docs%2Fa.txt&target=zh-TW&line=1&column=3&source={}&output={}&anchor=a0",
        enc("干"),
        enc("干")
    );
    let (status, response, _) = send(&app, post("/override", &form)).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        response.headers()[header::LOCATION],
        "/doc?file=docs/a.txt&target=zh-TW#a0"
    );
    let saved = std::fs::read_to_string(dir.path().join("overrides.toml")).unwrap();
    assert!(
        saved.contains("[[spot]]") && saved.contains("file = \"docs/a.txt\""),
        "{saved}"
    );
    assert!(saved.contains("output = \"干\"") && saved.contains("targets = [\"zh-TW\"]"));
    let tw = std::fs::read_to_string(dir.path().join("out/zh-TW/docs/a.txt")).unwrap();
    assert!(tw.starts_with("衣服干了"), "{tw}");
    let hk = std::fs::read_to_string(dir.path().join("out/zh-HK/docs/a.txt")).unwrap();
    assert_eq!(hk, hk_before, "other targets keep theirs");
    let (_, _, doc) = send(&app, get("/doc?file=docs/a.txt&target=zh-TW")).await;
    assert!(doc.contains("<pre class=\"text\">衣服干了"), "{doc}");
    // Everywhere in the project.
    std::fs::write(dir.path().join("docs/b.txt"), "晒干").unwrap();
    let form = format!(
        "token={TOKEN}&file=docs%2Fa.txt&target=zh-HK&line=1&column=3&source={}&output={}&everywhere=1",
        enc("干"),
        enc("干")
    );
    assert_eq!(
        send(&app, post("/override", &form)).await.0,
        StatusCode::SEE_OTHER
    );
    let saved = std::fs::read_to_string(dir.path().join("overrides.toml")).unwrap();
    assert!(saved.contains("[[word]]"), "{saved}");
    let b = std::fs::read_to_string(dir.path().join("out/zh-HK/docs/b.txt")).unwrap();
    assert_eq!(b, "曬干");
    // Bad requests change nothing.
    let before = std::fs::read_to_string(dir.path().join("overrides.toml")).unwrap();
    for form in [
        format!(
            "token={TOKEN}&file=docs%2Fa.txt&target=xx&line=1&column=3&source=%E5%B9%B2&output=x"
        ),
        format!(
            "token={TOKEN}&file=docs%2Fa.txt&target=zh-TW&line=9&column=3&source=%E5%B9%B2&output=x"
        ),
        format!(
            "token={TOKEN}&file=docs%2Fa.txt&target=zh-TW&line=1&column=3&source=%E5%B9%B2&output="
        ),
        format!("token={TOKEN}&file=docs%2Fa.txt"),
    ] {
        let status = send(&app, post("/override", &form)).await.0;
        assert!(status.is_client_error(), "{form}: {status}");
    }
    assert_eq!(
        std::fs::read_to_string(dir.path().join("overrides.toml")).unwrap(),
        before
    );
}

#[tokio::test]
async fn without_an_overrides_file_no_choice_is_offered() {
    let dir = tempfile::tempdir().unwrap();
    project(dir.path(), false);
    let app = app(dir.path());
    let (_, _, doc) = send(&app, get("/doc?file=docs/a.txt")).await;
    assert!(doc.contains("declares no overrides file"));
    assert!(!doc.contains("action=\"/override\""));
    let form = format!(
        "token={TOKEN}&file=docs%2Fa.txt&target=zh-TW&line=1&column=3&source={}&output={}",
        enc("干"),
        enc("幹")
    );
    assert_eq!(
        send(&app, post("/override", &form)).await.0,
        StatusCode::CONFLICT
    );
}
