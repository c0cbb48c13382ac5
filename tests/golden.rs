//! Golden cases: `tests/cases/<area>/<name>/`, each running the real binary.
//!
//! A case folder holds:
//!
//! * `cmd.toml`: `args` (after `bianyi`), optional `status` (default 0),
//!   `stdin` (a file of the working folder fed to standard input), `[env]`
//!   (the locale is `LANG=C` unless set here) and `[files]` (name in the
//!   working folder = path under `tests/`, for shared fixtures);
//! * `in/`: files copied into the working folder before the run;
//! * `stdout`, `stderr`: the expected output, byte for byte;
//! * `out/`: the expected working folder after the run, every file. Without
//!   it the folder must be exactly as before the run: nothing written, no
//!   temporary file left behind.
//!
//! A mismatch prints a unified diff. `BIANYI_BLESS=1 cargo test` rewrites
//! the expected files from the actual results; review them in the diff.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Cmd {
    args: Vec<String>,
    #[serde(default)]
    status: i32,
    stdin: Option<String>,
    #[serde(default)]
    env: BTreeMap<String, String>,
    #[serde(default)]
    files: BTreeMap<String, String>,
}

fn tests_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")
}

/// Every file under `dir`, by path relative to it.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path
                    .strip_prefix(dir)
                    .expect("under dir")
                    .to_string_lossy()
                    .replace('\\', "/");
                files.insert(rel, fs::read(&path).unwrap_or_default());
            }
        }
    }
    files
}

fn write_tree(dir: &Path, files: &BTreeMap<String, Vec<u8>>) {
    for (rel, bytes) in files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("create folder");
        }
        fs::write(&path, bytes).expect("write file");
    }
}

fn diff(what: &str, expected: &[u8], actual: &[u8]) -> String {
    let expected = String::from_utf8_lossy(expected);
    let actual = String::from_utf8_lossy(actual);
    let diff = similar::TextDiff::from_lines(expected.as_ref(), actual.as_ref());
    format!(
        "--- {what} (expected)\n+++ {what} (actual)\n{}",
        diff.unified_diff()
            .context_radius(2)
            .missing_newline_hint(true)
    )
}

/// Runs one case; returns a description of each mismatch.
fn run_case(case: &Path, bless: bool) -> Vec<String> {
    let cmd_text = fs::read_to_string(case.join("cmd.toml")).expect("cmd.toml");
    let cmd: Cmd = toml::from_str(&cmd_text).unwrap_or_else(|e| panic!("{}: {e}", case.display()));

    let work = tempfile::tempdir().expect("temp dir");
    let mut before = snapshot(&case.join("in"));
    for (name, fixture) in &cmd.files {
        let bytes =
            fs::read(tests_dir().join(fixture)).unwrap_or_else(|e| panic!("{fixture}: {e}"));
        before.insert(name.clone(), bytes);
    }
    write_tree(work.path(), &before);

    let mut command = Command::new(env!("CARGO_BIN_EXE_bianyi"));
    command
        .args(&cmd.args)
        .current_dir(work.path())
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE")
        .env("LANG", "C")
        .envs(&cmd.env)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command.stdin(match &cmd.stdin {
        Some(_) => Stdio::piped(),
        None => Stdio::null(),
    });
    let mut child = command.spawn().expect("run bianyi");
    if let Some(name) = &cmd.stdin {
        let bytes = before
            .get(name)
            .cloned()
            .unwrap_or_else(|| panic!("stdin file {name} not in the case"));
        let mut stdin = child.stdin.take().expect("stdin");
        std::thread::spawn(move || {
            let _ = stdin.write_all(&bytes);
        });
    }
    let result = child.wait_with_output().expect("wait for bianyi");
    let after = snapshot(work.path());

    let mut problems = Vec::new();
    let status = result.status.code().unwrap_or(-1);
    if status != cmd.status {
        problems.push(format!(
            "exit status: expected {}, got {status}",
            cmd.status
        ));
    }
    for (name, actual) in [("stdout", &result.stdout), ("stderr", &result.stderr)] {
        let path = case.join(name);
        let expected = fs::read(&path).unwrap_or_default();
        if &expected != actual {
            if bless {
                fs::write(&path, actual).expect("bless");
            } else {
                problems.push(diff(name, &expected, actual));
            }
        }
    }
    let out_dir = case.join("out");
    let expected_after = if out_dir.exists() {
        snapshot(&out_dir)
    } else {
        before.clone()
    };
    if expected_after != after {
        if bless {
            let _ = fs::remove_dir_all(&out_dir);
            if after != before {
                write_tree(&out_dir, &after);
            }
        } else {
            let names: std::collections::BTreeSet<&String> =
                expected_after.keys().chain(after.keys()).collect();
            for name in names {
                match (expected_after.get(name), after.get(name)) {
                    (Some(e), Some(a)) if e != a => {
                        problems.push(diff(&format!("file {name}"), e, a))
                    }
                    (Some(_), None) => {
                        problems.push(format!("file {name}: expected, but missing after the run"))
                    }
                    (None, Some(_)) => problems.push(format!(
                        "file {name}: not expected, but present after the run"
                    )),
                    _ => {}
                }
            }
        }
    }
    problems
}

#[test]
fn golden_cases() {
    let bless = std::env::var_os("BIANYI_BLESS").is_some_and(|v| v == "1");
    let root = tests_dir().join("cases");
    let mut cases = Vec::new();
    for area in fs::read_dir(&root).expect("tests/cases").flatten() {
        for case in fs::read_dir(area.path()).into_iter().flatten().flatten() {
            if case.path().join("cmd.toml").is_file() {
                cases.push(case.path());
            }
        }
    }
    cases.sort();
    assert!(
        !cases.is_empty(),
        "no golden cases found under {}",
        root.display()
    );
    let mut failures = Vec::new();
    for case in &cases {
        let problems = run_case(case, bless);
        if !problems.is_empty() {
            let name = case
                .strip_prefix(&root)
                .unwrap_or(case)
                .display()
                .to_string();
            failures.push(format!("=== {name}\n{}", problems.join("\n")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} golden cases failed (BIANYI_BLESS=1 rewrites the expected files):\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

/// Every error message bianyi can print is shown by at least one golden
/// case (in English), except the few that no test can provoke portably;
/// each exemption says why.
#[test]
fn every_error_message_has_a_golden_case() {
    const EXEMPT: &[(&str, &str)] = &[
        ("error-line", "the frame of every error line, not a message"),
        (
            "error-read",
            "covered with its reasons io-*: missing file, directory",
        ),
        (
            "error-engine-config",
            "needs the opencc feature and a broken system OpenCC",
        ),
        (
            "error-engine-unavailable",
            "covered by errors/engine-opencc-unavailable in builds without the opencc feature only",
        ),
        (
            "error-partly-replaced",
            "needs a rename that fails after another succeeded: convert::tests::a_failed_replacement_names_what_was_replaced",
        ),
        (
            "error-batch-escapes",
            "needs a symbolic link in the output folder: tests/batch.rs",
        ),
        (
            "error-no-such-entry",
            "glossary remove of a missing id: tests/glossary.rs",
        ),
        (
            "cli-error-value-count",
            "no bianyi option takes a fixed number of values",
        ),
        (
            "cli-error-no-equals",
            "only --diff requires `=`, and clap reads `--diff plain` as a file",
        ),
        (
            "cli-error-utf8",
            "a non-UTF-8 command line cannot be written in cmd.toml",
        ),
        (
            "cli-error-other",
            "clap errors bianyi has no message for; none is known to occur",
        ),
        (
            "cli-error-missing-value",
            "clap reports a missing value as missing-required",
        ),
    ];
    let ftl =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/en-US/bianyi.ftl"))
            .expect("en-US");
    let mut stderr = String::new();
    let mut stack = vec![tests_dir().join("cases")];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).expect("cases").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p
                .file_name()
                .is_some_and(|n| n == "stderr" || n == "stdout")
            {
                stderr.push_str(&fs::read_to_string(&p).unwrap_or_default());
            }
        }
    }
    let mut missing = Vec::new();
    for line in ftl.lines() {
        let Some((id, text)) = line.split_once(" = ") else {
            continue;
        };
        if !(id.starts_with("error-") || id.starts_with("cli-error-")) {
            continue;
        }
        if EXEMPT.iter().any(|(e, _)| *e == id) {
            continue;
        }
        // The longest piece of literal text between placeables.
        let literal = text
            .split(['{', '}'])
            .step_by(2)
            .max_by_key(|s| s.len())
            .unwrap_or_default()
            .trim();
        if literal.len() >= 4 && !stderr.contains(literal) {
            missing.push(format!("{id}: no golden output contains {literal:?}"));
        }
    }
    assert!(missing.is_empty(), "\n{}", missing.join("\n"));
}
