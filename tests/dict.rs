//! `bianyi dict fetch` over HTTP from a local server (no internet), then
//! `dict info` and an alignment that uses what was installed.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::Path;

use crate::util::{bianyi, bianyi_ok};

/// Serves `body` once, as a gzip file, on a free port of 127.0.0.1;
/// returns the URL.
fn serve_once(body: Vec<u8>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("address").port();
    std::thread::spawn(move || {
        if let Ok((mut stream, _)) = listener.accept() {
            // The request: read up to the blank line.
            let mut request = Vec::new();
            let mut byte = [0u8; 1];
            while !request.ends_with(b"\r\n\r\n") && stream.read(&mut byte).unwrap_or(0) == 1 {
                request.push(byte[0]);
            }
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: application/gzip\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        }
    });
    format!("http://127.0.0.1:{port}/cedict_1_0_ts_utf-8_mdbg.txt.gz")
}

fn fixture() -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dict/mini.u8"))
        .expect("fixture")
}

#[test]
fn fetch_over_http_installs_and_align_uses_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&fixture()).expect("gzip");
    let body = gz.finish().expect("gzip");
    let url = serve_once(body);
    let out = String::from_utf8(bianyi_ok(
        dir.path(),
        &["dict", "fetch", "--from", &url],
        b"",
    ))
    .expect("UTF-8");
    assert!(out.contains("9 headwords"), "{out}");
    let lexicon = dir.path().join("bianyi-data/lexicon/cedict.lexicon");
    let notice = dir.path().join("bianyi-data/lexicon/NOTICE-CC-CEDICT.txt");
    assert!(lexicon.is_file() && notice.is_file());
    // No temporary file is left beside them.
    assert_eq!(
        std::fs::read_dir(lexicon.parent().expect("folder"))
            .expect("folder")
            .count(),
        2
    );
    let info = String::from_utf8(bianyi_ok(dir.path(), &["dict", "info"], b"")).expect("UTF-8");
    assert!(info.contains(&format!("source: {url}")), "{info}");
    assert!(info.contains("headwords: 9"), "{info}");

    std::fs::write(dir.path().join("a.zh"), "老師在花園裡。").expect("write");
    std::fs::write(dir.path().join("a.en"), "The teacher is in the garden.").expect("write");
    let args = [
        "align",
        "a.zh",
        "a.en",
        "--source-lang",
        "zh-Hant",
        "--target-lang",
        "en",
        "--verbose",
    ];
    let with = bianyi(dir.path(), &args, b"");
    assert!(with.status.success());
    let stderr = String::from_utf8_lossy(&with.stderr);
    assert!(
        stderr.contains("word lexicon") && stderr.contains("9 headwords"),
        "{stderr}"
    );
    // The lexicon is gone after `dict remove`, and align says how to get it.
    bianyi_ok(dir.path(), &["dict", "remove"], b"");
    assert!(!lexicon.exists() && !notice.exists());
    let without = bianyi(dir.path(), &args, b"");
    assert!(without.status.success());
    let stderr = String::from_utf8_lossy(&without.stderr);
    assert!(stderr.contains("bianyi dict fetch"), "{stderr}");
}

#[test]
fn a_failed_fetch_keeps_the_installed_lexicon() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("mini.u8"), fixture()).expect("write");
    bianyi_ok(dir.path(), &["dict", "fetch", "--from", "mini.u8"], b"");
    let lexicon = dir.path().join("bianyi-data/lexicon/cedict.lexicon");
    let before = std::fs::read(&lexicon).expect("installed");
    std::fs::write(dir.path().join("bad.u8"), "not a dictionary\n").expect("write");
    let out = bianyi(dir.path(), &["dict", "fetch", "--from", "bad.u8"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read(&lexicon).expect("still installed"), before);
}
