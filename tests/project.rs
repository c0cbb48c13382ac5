//! `bianyi build` on the example project (examples/desk): what a build
//! writes, and that a rebuild redoes only what depends on a change,
//! measured by the outputs' modification times (golden files cannot show
//! those).

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::time::SystemTime;

use crate::util::bianyi;

/// The example project copied into a scratch folder (without anything a
/// local build may have left in it).
fn example() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/desk");
    for rel in [
        "bianyi.toml",
        "glossary.toml",
        "overrides.toml",
        "articles/lecun.zh-Hant.txt",
        "articles/lecun.en.txt",
        "articles/meta-ai.zh-Hant.txt",
        "locales/zh-Hans/app.ftl",
    ] {
        let to = dir.path().join(rel);
        fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
        fs::copy(from.join(rel), &to).expect("copy");
    }
    dir
}

const OUTPUTS: [&str; 10] = [
    "locales/zh-HK/app.ftl",
    "locales/zh-TW/app.ftl",
    "out/zh-HK/lecun.txt",
    "out/zh-HK/meta-ai.txt",
    "out/zh-Hans/lecun.txt",
    "out/zh-Hans/meta-ai.txt",
    "out/zh-TW/lecun.txt",
    "out/zh-TW/meta-ai.txt",
    "reports/zh-Hans/lecun.html",
    "reports/zh-Hans/meta-ai.html",
];

fn mtimes(dir: &Path) -> BTreeMap<&'static str, SystemTime> {
    OUTPUTS
        .iter()
        .map(|o| {
            let m = fs::metadata(dir.join(o)).and_then(|m| m.modified());
            (*o, m.expect("output exists"))
        })
        .collect()
}

/// Builds; returns the outputs the build says it converted, and stderr.
fn build(dir: &Path, args: &[&str]) -> (Vec<String>, String, i32) {
    let mut all = vec!["build"];
    all.extend_from_slice(args);
    let out = bianyi(dir, &all, b"");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let converted = stderr
        .lines()
        .filter_map(|l| l.strip_prefix("converted "))
        .map(str::to_string)
        .collect();
    (converted, stderr, out.status.code().unwrap_or(-1))
}

/// Rewrites `rel` in `dir` with `from` replaced by `to` (which must change it).
fn edit(dir: &Path, rel: &str, from: &str, to: &str) {
    let path = dir.join(rel);
    let text = fs::read_to_string(&path).expect("read");
    assert!(text.contains(from), "{rel} has no {from:?}");
    fs::write(&path, text.replacen(from, to, 1)).expect("write");
}

/// The outputs whose modification time changed.
fn touched(
    before: &BTreeMap<&'static str, SystemTime>,
    after: &BTreeMap<&'static str, SystemTime>,
) -> Vec<&'static str> {
    OUTPUTS
        .iter()
        .filter(|o| before[*o] != after[*o])
        .copied()
        .collect()
}

#[test]
fn first_build_writes_everything_and_a_rebuild_nothing() {
    let dir = example();
    let (converted, stderr, code) = build(dir.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(converted, OUTPUTS, "{stderr}");
    assert!(
        stderr.contains("10 converted, 0 unchanged, 0 failed"),
        "{stderr}"
    );
    // The reviewer's decision in overrides.toml is applied (覆 → 复 only at
    // that spot, only for zh-Hans).
    let hans = fs::read_to_string(dir.path().join("out/zh-Hans/meta-ai.txt")).expect("read");
    assert!(hans.contains("发起复盖全球"), "override not applied");
    let tw = fs::read_to_string(dir.path().join("out/zh-TW/meta-ai.txt")).expect("read");
    assert!(tw.contains("覆蓋全球"));
    // The glossary's zh-TW term and corner quotes for zh-TW.
    assert!(tw.contains("酪梨"), "glossary term not applied");
    assert!(tw.contains('「'));
    let before = mtimes(dir.path());
    std::thread::sleep(std::time::Duration::from_millis(20));
    let (converted, stderr, code) = build(dir.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(converted.is_empty(), "{stderr}");
    assert!(stderr.contains("0 converted, 10 unchanged"), "{stderr}");
    assert_eq!(touched(&before, &mtimes(dir.path())), Vec::<&str>::new());
    // `--check` agrees: nothing would change.
    assert_eq!(build(dir.path(), &["--check"]).2, 0);
}

#[test]
fn the_same_bytes_on_one_thread_and_on_many() {
    let (one, many) = (example(), example());
    assert_eq!(build(one.path(), &["-j", "1"]).2, 0);
    assert_eq!(build(many.path(), &["-j", "8"]).2, 0);
    for o in OUTPUTS {
        assert_eq!(
            fs::read(one.path().join(o)).expect("read"),
            fs::read(many.path().join(o)).expect("read"),
            "{o}"
        );
    }
}

#[test]
fn editing_one_source_redoes_its_outputs_only() {
    let (dir, converted, stderr, touched) =
        rebuilt_after("articles/lecun.zh-Hant.txt", "即將離職", "已經離職");
    let lecun = [
        "out/zh-HK/lecun.txt",
        "out/zh-Hans/lecun.txt",
        "out/zh-TW/lecun.txt",
        "reports/zh-Hans/lecun.html",
    ];
    assert_eq!(converted, lecun, "{stderr}");
    assert_eq!(touched, lecun);
    // `--check` after an edit fails; a build makes it pass.
    edit(
        dir.path(),
        "articles/lecun.zh-Hant.txt",
        "已經離職",
        "即將離職",
    );
    assert_eq!(build(dir.path(), &["--check"]).2, 1);
    assert_eq!(build(dir.path(), &[]).2, 0);
    assert_eq!(build(dir.path(), &["--check"]).2, 0);
}

/// The example built, `rel` edited, built again: the scratch folder, the
/// outputs converted by the second build with its stderr, and those whose
/// modification time changed.
fn rebuilt_after(
    rel: &str,
    from: &str,
    to: &str,
) -> (tempfile::TempDir, Vec<String>, String, Vec<&'static str>) {
    let dir = example();
    assert_eq!(build(dir.path(), &[]).2, 0);
    let before = mtimes(dir.path());
    std::thread::sleep(std::time::Duration::from_millis(20));
    edit(dir.path(), rel, from, to);
    let (converted, stderr, _) = build(dir.path(), &[]);
    let touched = touched(&before, &mtimes(dir.path()));
    (dir, converted, stderr, touched)
}

#[test]
fn editing_one_glossary_term_redoes_what_uses_it() {
    // Avocado's Taiwan name: only the article that has 牛油果 uses it, and
    // only its zh-TW edition changes, and its report (which shows each
    // marked term's entry).
    let (dir, converted, stderr, touched) =
        rebuilt_after("glossary.toml", "text = \"酪梨\"", "text = \"鱷梨\"");
    let redone = ["out/zh-TW/meta-ai.txt", "reports/zh-Hans/meta-ai.html"];
    assert_eq!(converted, redone, "{stderr}");
    assert_eq!(touched, redone);
    let tw = fs::read_to_string(dir.path().join("out/zh-TW/meta-ai.txt")).expect("read");
    assert!(tw.contains("鱷梨"));
}

#[test]
fn editing_one_setting_redoes_that_target_only() {
    let (_dir, converted, stderr, touched) = rebuilt_after(
        "bianyi.toml",
        "to = \"zh-HK\"\n",
        "to = \"zh-HK\"\ncorner-quotes = true\n",
    );
    assert!(!converted.is_empty(), "{stderr}");
    assert!(converted.iter().all(|o| o.contains("zh-HK")), "{stderr}");
    assert_eq!(touched, converted);
}

#[test]
fn hand_edits_are_kept_and_deleted_sources_remove_their_outputs() {
    let dir = example();
    assert_eq!(build(dir.path(), &[]).2, 0);
    let edited = dir.path().join("out/zh-TW/lecun.txt");
    let mut text = fs::read_to_string(&edited).expect("read");
    text.push_str("編輯手改。\n");
    fs::write(&edited, &text).expect("write");
    let (_, stderr, code) = build(dir.path(), &[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("kept out/zh-TW/lecun.txt: changed by hand"),
        "{stderr}"
    );
    assert_eq!(fs::read_to_string(&edited).expect("read"), text);
    // The source goes: its outputs go, except the edited one.
    fs::remove_file(dir.path().join("articles/lecun.zh-Hant.txt")).expect("rm");
    let (_, stderr, code) = build(dir.path(), &[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(!dir.path().join("out/zh-Hans/lecun.txt").exists());
    assert!(edited.exists());
    // --force removes it too.
    let (_, stderr, code) = build(dir.path(), &["--force"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!edited.exists());
}

/// Waits up to 30 s for `ready` to hold.
fn wait_for(what: &str, ready: impl Fn() -> bool) {
    let start = std::time::Instant::now();
    while !ready() {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(30),
            "timed out waiting for {what}"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// A child process killed when dropped, also when a test fails.
struct Killed(std::process::Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn watch_rebuilds_after_an_edit() {
    let dir = example();
    let _watch = Killed(
        std::process::Command::new(env!("CARGO_BIN_EXE_bianyi"))
            .args(["build", "--watch"])
            .current_dir(dir.path())
            .env("LANG", "C")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("run bianyi build --watch"),
    );
    let output = dir.path().join("out/zh-TW/lecun.txt");
    let manifest = dir.path().join(".bianyi/manifest.json");
    wait_for("the first build", || manifest.exists());
    // The watcher starts after the first build: give it a moment.
    std::thread::sleep(std::time::Duration::from_millis(500));
    edit(
        dir.path(),
        "articles/lecun.zh-Hant.txt",
        "即將離職",
        "已經離職",
    );
    wait_for("the rebuild", || {
        fs::read_to_string(&output).is_ok_and(|t| t.contains("已經離職"))
    });
}

#[test]
fn outputs_of_an_interrupted_build_are_not_taken_for_hand_edits() {
    // A build that wrote new outputs but not its manifest (interrupted):
    // the outputs are what building writes now, so they are adopted.
    let (dir, fresh) = (example(), example());
    assert_eq!(build(dir.path(), &[]).2, 0);
    for d in [dir.path(), fresh.path()] {
        edit(d, "articles/lecun.zh-Hant.txt", "即將離職", "已經離職");
    }
    assert_eq!(build(fresh.path(), &[]).2, 0);
    for o in OUTPUTS {
        fs::copy(fresh.path().join(o), dir.path().join(o)).expect("copy");
    }
    let (converted, stderr, code) = build(dir.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(converted.is_empty(), "{stderr}");
    assert!(stderr.contains("0 changed by hand"), "{stderr}");
}

#[test]
fn serve_says_when_its_port_is_taken() {
    let dir = example();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let out = bianyi(dir.path(), &["serve", "--port", &port], b"");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot serve the workspace:"), "{err}");
}

/// `bianyi ARGS` (a `serve` command) started in `dir`, and the host and
/// port of the URL it prints first.
fn serve(dir: &Path, args: &[&str]) -> (std::process::Child, String) {
    use std::io::BufRead;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_bianyi"))
        .args(args)
        .current_dir(dir)
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("bianyi serve starts");
    let mut line = String::new();
    std::io::BufReader::new(child.stderr.take().expect("piped"))
        .read_line(&mut line)
        .expect("its first line");
    let authority = line
        .split_whitespace()
        .find_map(|w| w.strip_prefix("http://127.0.0.1:"))
        .map(|port| format!("127.0.0.1:{}", port.trim_end_matches('/')))
        .unwrap_or_else(|| panic!("no URL in {line:?}"));
    (child, authority)
}

#[test]
fn serve_prints_its_url_and_answers_there() {
    use std::io::{Read, Write};
    let dir = example();
    let (mut child, authority) = serve(dir.path(), &["serve", "."]);
    let ask = |host: &str| {
        let mut s = std::net::TcpStream::connect(&authority).unwrap();
        write!(
            s,
            "GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut answer = String::new();
        s.read_to_string(&mut answer).unwrap();
        answer
    };
    let good = ask(&authority);
    let evil = ask("evil.example");
    let _ = child.kill();
    let _ = child.wait();
    assert!(good.starts_with("HTTP/1.1 200"), "{good}");
    assert!(good.contains("articles/lecun.zh-Hant.txt"), "{good}");
    assert!(evil.starts_with("HTTP/1.1 403"), "{evil}");
}

#[test]
fn serve_one_document_without_a_project() {
    use std::io::{Read, Write};
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "衣服干了。\n").unwrap();
    let (mut child, authority) = serve(dir.path(), &["serve", "a.txt", "--to", "zh-TW"]);
    let ask = |head: &str, body: &str| {
        let mut s = std::net::TcpStream::connect(&authority).unwrap();
        write!(
            s,
            "{head} HTTP/1.1\r\nHost: {authority}\r\nConnection: close\r\n\
             Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        )
        .unwrap();
        let mut answer = String::new();
        s.read_to_string(&mut answer).unwrap();
        answer
    };
    let page = ask("GET /doc?file=a.txt&target=zh-TW", "");
    let token = page
        .split("name=\"token\" value=\"")
        .nth(1)
        .and_then(|t| t.split('"').next())
        .unwrap_or_default()
        .to_string();
    let decided = ask(
        "POST /override",
        &format!(
            "token={token}&file=a.txt&target=zh-TW&line=1&column=3&source=%E5%B9%B2&output=%E4%B9%BE"
        ),
    );
    let download = ask("GET /output?file=a.txt&target=zh-TW", "");
    let _ = child.kill();
    let _ = child.wait();
    assert!(page.starts_with("HTTP/1.1 200"), "{page}");
    assert_eq!(token.len(), 64, "{page}");
    assert!(decided.starts_with("HTTP/1.1 303"), "{decided}");
    assert!(download.ends_with("\r\n\r\n衣服乾了。\n"), "{download}");
    let saved = fs::read_to_string(dir.path().join("a.txt.overrides.toml")).unwrap();
    assert!(saved.contains("output = \"乾\""), "{saved}");
    // Nothing else written: no outputs, no cache.
    let mut names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["a.txt", "a.txt.overrides.toml"]);
}
