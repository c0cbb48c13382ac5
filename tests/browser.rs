//! The HTML report rendered by a real browser (headless Chromium): one
//! table row per aligned pair, hostile input shown as text, a screenshot
//! taken. Skipped, saying so, where no Chromium is installed (`.ci/run`
//! installs Debian's package when it can).

use std::path::{Path, PathBuf};
use std::process::Command;

fn chromium() -> Option<PathBuf> {
    [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ]
    .iter()
    .find_map(|name| {
        let out = Command::new("which").arg(name).output().ok()?;
        out.status
            .success()
            .then(|| PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()))
    })
}

fn headless(browser: &Path, profile: &Path) -> Command {
    let mut c = Command::new(browser);
    c.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--hide-scrollbars",
    ])
    .arg(format!("--user-data-dir={}", profile.display()));
    c
}

fn bianyi(args: &[&str], dir: &Path) {
    let out = Command::new(env!("CARGO_BIN_EXE_bianyi"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("bianyi runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
#[allow(clippy::print_stderr, reason = "a skipped check says why")]
fn report_renders_in_chromium() {
    let Some(browser) = chromium() else {
        eprintln!("skipped: no Chromium installed (apt-get install chromium)");
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(
        root.join("tests/fixtures/article.zh-Hant.txt"),
        dir.path().join("a.txt"),
    )
    .expect("copy");
    std::fs::write(
        dir.path().join("evil.txt"),
        "<script>alert(\"頭髮\")</script>。\" onload=\"x 髮\u{1}。<img src=x onerror=alert(1)>！\n",
    )
    .expect("write");
    bianyi(
        &["report", "a.txt", "-c", "t2s", "-o", "report.html"],
        dir.path(),
    );
    bianyi(
        &["report", "evil.txt", "-c", "t2s", "-o", "evil.html"],
        dir.path(),
    );
    bianyi(
        &[
            "align",
            "a.txt",
            "a.txt",
            "--source-lang",
            "zh-Hant",
            "--target-lang",
            "zh-Hant",
            "-o",
            "beads.txt",
        ],
        dir.path(),
    );
    let segments = std::fs::read_to_string(dir.path().join("beads.txt"))
        .expect("beads")
        .lines()
        .count();

    let dump = |file: &str| -> String {
        let out = headless(&browser, &dir.path().join("profile"))
            .arg("--dump-dom")
            .arg(format!("file://{}", dir.path().join(file).display()))
            .output()
            .expect("chromium runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let dom = dump("report.html");
    assert_eq!(
        dom.matches("<tr class=\"bead").count(),
        segments,
        "one row per sentence"
    );
    let evil = dump("evil.html");
    assert!(!evil.contains("<script"), "{evil}");
    assert!(!evil.contains("<img"), "{evil}");
    assert!(evil.contains("&lt;script&gt;alert(\""), "{evil}");
    assert!(evil.contains("&lt;/script&gt;"), "{evil}");
    assert!(
        evil.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "{evil}"
    );

    let shot = dir.path().join("report.png");
    let out = headless(&browser, &dir.path().join("profile"))
        .arg(format!("--screenshot={}", shot.display()))
        .arg("--window-size=1200,1600")
        .arg(format!(
            "file://{}",
            dir.path().join("report.html").display()
        ))
        .output()
        .expect("chromium runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let png = std::fs::read(&shot).expect("screenshot written");
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 10_000,
        "a real picture"
    );
}
