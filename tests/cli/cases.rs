//! Golden cases: `tests/cmd/<area>/<name>.toml`, each one run of the real
//! binary, in trycmd's layout and run by trycmd:
//!
//! * `<name>.toml`: trycmd's schema (`bin.name`, `args`, `status.code`,
//!   `[env.add]`, `binary`), plus a `[staging]` table that trycmd ignores
//!   and this file reads: `[staging.files]` (working-folder name = path
//!   under `tests/`, for shared fixtures such as the sample article; a
//!   folder is staged whole, e.g. `../examples/desk`),
//!   `stdin` (a working-folder file fed to standard input) and
//!   `unless-feature` (a cargo feature that makes the case meaningless);
//! * `<name>.in/`: files copied into the working folder first;
//! * `<name>.stdout`, `<name>.stderr`: the expected output (a missing file
//!   means empty, not "anything");
//! * `<name>.out/`: the whole working folder expected after the run.
//!   Without it the folder must be exactly as before: nothing written, no
//!   temporary file left behind.
//!
//! Each case is staged in a temporary folder (the toml, the expected
//! output, the working folder with its fixtures) and handed to trycmd,
//! which runs the binary there and compares the exit status, stdout and
//! stderr, printing a diff. trycmd's own `.out` comparison only looks at
//! the files `.out` lists, and compares text with line endings and
//! backslashes normalized; so the working folder is compared here, file
//! set and bytes, after trycmd's run.
//!
//! `TRYCMD=overwrite` rewrites `.stdout`, `.stderr` and `.out/` from the
//! actual results; review them in the diff.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use libtest_mimic::{Completion, Failed, Trial};

pub(crate) fn trials() -> Vec<Trial> {
    let root = crate::tests_dir().join("cmd");
    let mut cases: Vec<PathBuf> = fs::read_dir(&root)
        .expect("tests/cmd")
        .flatten()
        .flat_map(|area| fs::read_dir(area.path()).into_iter().flatten().flatten())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    cases.sort();
    assert!(!cases.is_empty(), "no cases under {}", root.display());
    cases
        .into_iter()
        .map(|case| {
            let name = case
                .strip_prefix(&root)
                .unwrap_or(&case)
                .with_extension("")
                .to_string_lossy()
                .replace('\\', "/");
            Trial::ignorable_test(format!("cases::{name}"), move || run(&case))
        })
        .collect()
}

/// What `[staging]` says.
#[derive(Default, serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Staging {
    #[serde(default)]
    files: BTreeMap<String, String>,
    stdin: Option<String>,
    unless_feature: Option<String>,
}

#[derive(serde::Deserialize)]
struct Case {
    #[serde(default)]
    staging: Staging,
    #[serde(default)]
    env: Env,
    #[serde(default)]
    binary: bool,
}

#[derive(Default, serde::Deserialize)]
struct Env {
    #[serde(default)]
    add: BTreeMap<String, String>,
}

/// The features this test binary was built with, as `unless-feature` names
/// them.
fn enabled(feature: &str) -> bool {
    match feature {
        "opencc" => cfg!(feature = "opencc"),
        other => panic!("unknown feature {other} in [staging]"),
    }
}

fn run(case: &Path) -> Result<Completion, Failed> {
    let text = fs::read_to_string(case).map_err(|e| format!("{}: {e}", case.display()))?;
    let spec: Case = toml::from_str(&text).map_err(|e| format!("{}: {e}", case.display()))?;
    if let Some(feature) = spec
        .staging
        .unless_feature
        .as_deref()
        .filter(|f| enabled(f))
    {
        return Ok(Completion::ignored_with(format!(
            "meaningless with the {feature} feature"
        )));
    }
    let overwrite = std::env::var_os("TRYCMD").is_some_and(|v| v == "overwrite");
    let stem = case
        .file_stem()
        .and_then(|s| s.to_str())
        .ok_or("a case name")?;

    // Stage: the case, its expected output, and the working folder.
    let stage = tempfile::Builder::new()
        .prefix(&format!("bianyi-{stem}-"))
        .tempdir()
        .map_err(|e| e.to_string())?;
    let staged = stage.path().join(format!("{stem}.toml"));
    fs::write(&staged, &text).map_err(|e| e.to_string())?;
    let mut before = snapshot(&case.with_extension("in"));
    for (name, fixture) in &spec.staging.files {
        // A folder (an example project) is staged whole.
        let source = crate::tests_dir().join(fixture);
        if source.is_dir() {
            for (rel, bytes) in snapshot(&source) {
                before.insert(format!("{name}/{rel}"), bytes);
            }
            continue;
        }
        let bytes =
            fs::read(crate::tests_dir().join(fixture)).map_err(|e| format!("{fixture}: {e}"))?;
        before.insert(name.clone(), bytes);
    }
    let work = staged.with_extension("in");
    fs::create_dir_all(&work).map_err(|e| e.to_string())?;
    write_tree(&work, &before);
    for stream in ["stdout", "stderr"] {
        let expected = fs::read(case.with_extension(stream)).unwrap_or_default();
        check_normalization(stream, &expected, spec.binary)?;
        fs::write(staged.with_extension(stream), expected).map_err(|e| e.to_string())?;
    }
    if let Some(name) = &spec.staging.stdin {
        let bytes = before
            .get(name)
            .ok_or_else(|| format!("stdin file {name} is not in the working folder"))?;
        // trycmd reads the input as text unless the case is binary.
        if std::str::from_utf8(bytes).is_err() && !spec.binary {
            return Err("the input is not UTF-8: add `binary = true`".into());
        }
        fs::write(staged.with_extension("stdin"), bytes).map_err(|e| e.to_string())?;
    }

    // Run: trycmd prints its report, with a diff, and panics on a mismatch.
    let cases = trycmd::TestCases::new();
    cases
        .register_bin("bianyi", Path::new(env!("CARGO_BIN_EXE_bianyi")))
        // bianyi reads the first of these that is set and not empty.
        .env("LC_ALL", "")
        .env("LC_MESSAGES", "");
    if !spec.env.add.contains_key("LANG") {
        cases.env("LANG", "C");
    }
    // The word lexicon (`bianyi dict`) is looked for in the working folder,
    // never in the user's data folder.
    if !spec.env.add.contains_key("BIANYI_DATA_DIR") {
        cases.env("BIANYI_DATA_DIR", "data");
    }
    cases.case(&staged);
    let trycmd_ok = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| cases.run())).is_ok();

    let mut problems = Vec::new();
    if !trycmd_ok {
        problems.push("exit status, stdout or stderr differ (trycmd's report above)".to_string());
    }
    if overwrite {
        for stream in ["stdout", "stderr"] {
            let actual = fs::read(staged.with_extension(stream)).unwrap_or_default();
            let path = case.with_extension(stream);
            let expected = fs::read(&path).ok();
            if expected.as_deref().unwrap_or_default() != actual.as_slice() {
                fs::write(&path, actual).map_err(|e| e.to_string())?;
            }
        }
        if fs::read_to_string(&staged).ok().as_deref() != Some(text.as_str()) {
            problems.push(format!(
                "the exit status changed: update status.code in {} by hand",
                case.display()
            ));
        }
    }

    // The working folder after the run, every file, byte for byte.
    let after = snapshot(&work);
    let out_dir = case.with_extension("out");
    let expected = if out_dir.exists() {
        snapshot(&out_dir)
    } else {
        before.clone()
    };
    if expected != after {
        if overwrite {
            let _ = fs::remove_dir_all(&out_dir);
            if after != before {
                write_tree(&out_dir, &after);
            }
        } else {
            problems.extend(folder_differences(&expected, &after));
        }
    }
    if problems.is_empty() {
        Ok(Completion::Completed)
    } else {
        Err(format!(
            "{}:\n{}\n(TRYCMD=overwrite rewrites the expected files)",
            case.display(),
            problems.join("\n")
        )
        .into())
    }
}

/// trycmd compares text with CRLF read as LF and `\` as `/`, and cannot
/// read non-UTF-8 output as text: a case whose expected output has any of
/// these must say `binary = true`, to be compared byte for byte.
fn check_normalization(stream: &str, expected: &[u8], binary: bool) -> Result<(), String> {
    let normalized = match std::str::from_utf8(expected) {
        Ok(text) => text.contains(['\r', '\\']),
        Err(_) => true,
    };
    if normalized && !binary {
        return Err(format!(
            "the expected {stream} has CR, backslashes or non-UTF-8 bytes: add `binary = true`"
        ));
    }
    Ok(())
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

fn folder_differences(
    expected: &BTreeMap<String, Vec<u8>>,
    actual: &BTreeMap<String, Vec<u8>>,
) -> Vec<String> {
    let names: std::collections::BTreeSet<&String> = expected.keys().chain(actual.keys()).collect();
    let mut problems = Vec::new();
    for name in names {
        match (expected.get(name), actual.get(name)) {
            (Some(e), Some(a)) if e != a => problems.push(diff(name, e, a)),
            (Some(_), None) => {
                problems.push(format!("file {name}: expected, but missing after the run"))
            }
            (None, Some(_)) => problems.push(format!(
                "file {name}: not expected, but present after the run"
            )),
            _ => {}
        }
    }
    problems
}

fn diff(name: &str, expected: &[u8], actual: &[u8]) -> String {
    let expected = String::from_utf8_lossy(expected);
    let actual = String::from_utf8_lossy(actual);
    let diff = similar::TextDiff::from_lines(expected.as_ref(), actual.as_ref());
    format!(
        "--- file {name} (expected)\n+++ file {name} (actual)\n{}",
        diff.unified_diff()
            .context_radius(2)
            .missing_newline_hint(true)
    )
}
