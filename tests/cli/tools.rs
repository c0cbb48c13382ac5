//! Tests that need a program from outside the repository. `.ci/run`
//! installs them (Debian's `chromium` and `libxml2-utils`) and runs with
//! `CI=true`, where a missing program fails the test; elsewhere the test
//! shows as ignored and says what to install.

use std::path::{Path, PathBuf};
use std::process::Command;

use libtest_mimic::{Completion, Failed, Trial};

pub(crate) fn trials() -> Vec<Trial> {
    vec![
        needs(
            "tools::report_renders_in_chromium",
            "Chromium (apt-get install chromium)",
            chromium,
            report_renders_in_chromium,
        ),
        needs(
            "tools::issue20_threads_under_a_process_limit",
            "prlimit and setpriv (util-linux)",
            || find(&["prlimit"]).filter(|_| find(&["setpriv"]).is_some()),
            threads_under_a_process_limit,
        ),
        needs(
            "tools::xml_outputs_pass_xmllint",
            "xmllint (apt-get install libxml2-utils)",
            || find(&["xmllint"]),
            xml_outputs_pass_xmllint,
        ),
    ]
}

/// Whether this is a CI run (`CI=true`, as CI services set it).
fn under_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// A test that runs `test` with the program `find` locates; without it,
/// ignored (or failed under `CI=true`), naming `what` to install.
fn needs(
    name: &str,
    what: &'static str,
    find: impl FnOnce() -> Option<PathBuf> + Send + 'static,
    test: fn(&Path),
) -> Trial {
    Trial::ignorable_test(name, move || match find() {
        Some(program) => {
            test(&program);
            Ok(Completion::Completed)
        }
        None if under_ci() => Err(Failed::from(format!(
            "{what} is not installed, and CI=true: .ci/run must install it"
        ))),
        None => Ok(Completion::ignored_with(format!(
            "needs {what}; fails under CI=true"
        ))),
    })
}

/// The first of `names` on the PATH.
fn find(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    names.iter().find_map(|name| {
        std::env::split_paths(&path)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    })
}

fn chromium() -> Option<PathBuf> {
    find(&[
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ])
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

const HOSTILE: &str =
    "<script>alert(\"頭髮\")</script>。\" onload=\"x 髮\u{1}。<img src=x onerror=alert(1)>！\n";

/// The HTML report in headless Chromium: one table row per aligned pair,
/// hostile input shown as text, a screenshot taken.
fn report_renders_in_chromium(browser: &Path) {
    let headless = |profile: &Path| {
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
    };
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(
        crate::tests_dir().join("fixtures/article.zh-Hant.txt"),
        dir.path().join("a.txt"),
    )
    .expect("copy");
    std::fs::write(dir.path().join("evil.txt"), HOSTILE).expect("write");
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
        let out = headless(&dir.path().join("profile"))
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
    let out = headless(&dir.path().join("profile"))
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

/// TMX and XLIFF from `bianyi align`, on hostile text and on the golden
/// cases, are well-formed XML by libxml2's reading too (a second,
/// independent parser after quick-xml's in the formats tests).
fn xml_outputs_pass_xmllint(xmllint: &Path) {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("evil.txt"), HOSTILE).expect("write");
    for format in ["tmx", "xliff"] {
        let out = format!("evil.{format}");
        bianyi(
            &[
                "align",
                "evil.txt",
                "evil.txt",
                "--source-lang",
                "zh-Hant",
                "--target-lang",
                "zh-Hans",
                "--format",
                format,
                "-o",
                &out,
            ],
            dir.path(),
        );
    }
    let mut files = vec![dir.path().join("evil.tmx"), dir.path().join("evil.xliff")];
    for case in ["pair-tmx", "article-tmx", "pair-xliff", "article-xliff"] {
        files.push(crate::tests_dir().join(format!("cmd/align/{case}.stdout")));
    }
    // xmllint must refuse what is not well-formed, or its verdict says
    // nothing.
    let broken = dir.path().join("broken.xml");
    std::fs::write(&broken, "<tmx><body></tmx>").expect("write");
    let run = |file: &Path| {
        Command::new(xmllint)
            .arg("--noout")
            .arg(file)
            .output()
            .expect("xmllint runs")
    };
    assert!(
        !run(&broken).status.success(),
        "xmllint accepted broken XML"
    );
    for file in &files {
        let out = run(file);
        assert!(
            out.status.success(),
            "{}: {}",
            file.display(),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// Issue 20, item 4: under a limit of a few processes (`prlimit --nproc`,
/// as the user nobody: the limit does not bind root), `-j 64` converts
/// with the threads the system can start, to the bytes of `-j 1`, instead
/// of panicking (rc 101 or 134).
fn threads_under_a_process_limit(prlimit: &Path) {
    use std::io::Write;
    use std::process::Stdio;
    let text = "头发发展里面的东西。\n".repeat(400_000);
    // nobody may not reach the build's folder (a checkout under a 0700
    // temporary folder): it runs a copy in a folder everyone can read.
    let shared = tempfile::tempdir().expect("temporary folder");
    let bin = shared.path().join("bianyi");
    std::fs::copy(env!("CARGO_BIN_EXE_bianyi"), &bin).expect("copy the binary");
    {
        use std::os::unix::fs::PermissionsExt;
        let open = std::fs::Permissions::from_mode(0o755);
        std::fs::set_permissions(shared.path(), open.clone()).expect("chmod folder");
        std::fs::set_permissions(&bin, open).expect("chmod binary");
    }
    let bin = bin.to_str().expect("UTF-8 temporary path");
    let run = |nproc: &str, jobs: &str| {
        let limited = [prlimit.to_str().unwrap_or("prlimit"), nproc, "--", bin];
        let mut command = if running_as_root() {
            let mut c = Command::new("setpriv");
            c.args(["--reuid=65534", "--regid=65534", "--clear-groups"]);
            c.args(limited);
            c
        } else {
            let mut c = Command::new(limited[0]);
            c.args(&limited[1..]);
            c
        };
        let mut child = command
            .args(["convert", "-c", "s2t", "-j", jobs])
            .env("LANG", "C")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs");
        let mut pipe = child.stdin.take().expect("stdin");
        let input = text.clone();
        let feeder = std::thread::spawn(move || {
            let _ = pipe.write_all(input.as_bytes());
        });
        let out = child.wait_with_output().expect("waits");
        let _ = feeder.join();
        assert!(
            out.status.success(),
            "{nproc} -j {jobs}: {:?} {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    let one = run("--nproc=64", "1");
    for nproc in ["--nproc=1", "--nproc=3", "--nproc=6"] {
        assert!(run(nproc, "64") == one, "{nproc}: other bytes");
    }
}

/// Whether this runs as root (`id -u`), where a process limit does not
/// bind.
fn running_as_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}
