//! docs/ARCHITECTURE.md's arrows between crates are the workspace's real
//! dependencies: every arrow is a `[dependencies]` entry of a workspace
//! crate on another one, and every such entry is an arrow.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

const DOC: &str = "docs/ARCHITECTURE.md";
const SECTION: &str = "## Dependencies between crates";

/// The arrows of one crate's line: the crate it starts from, the crates
/// it points to and the line (1-based) it is on.
#[derive(Debug)]
struct Line {
    from: String,
    to: BTreeSet<String>,
    line: usize,
}

/// `` `name` `` → `name`, or `None` when `s` is not exactly one
/// backquoted crate name.
fn crate_name(s: &str) -> Option<&str> {
    let name = s.trim().strip_prefix('`')?.strip_suffix('`')?;
    let valid = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    valid.then_some(name)
}

/// The arrow lines of the document's dependency section: each list item
/// there is `` - `a` → `b`, `c` `` or `` - `a` → nothing ``. Anything else
/// in a list item of the section is an error, so that a typo cannot hide
/// an arrow from the check.
fn parse_arrows(doc: &str) -> Result<Vec<Line>, Vec<String>> {
    let mut lines = doc.lines().enumerate().map(|(i, l)| (i + 1, l));
    if !lines.any(|(_, l)| l.trim_end() == SECTION) {
        return Err(vec![format!("{DOC} has no section “{SECTION}”")]);
    }
    let (mut arrows, mut errors) = (Vec::new(), Vec::new());
    for (n, text) in lines.take_while(|(_, l)| !l.starts_with("# ") && !l.starts_with("## ")) {
        let Some(item) = text.strip_prefix("- ") else {
            continue;
        };
        let bad = |why: &str| format!("{DOC}:{n}: {why}: {text}");
        let Some((from, to)) = item.split_once('→') else {
            errors.push(bad(
                "a list item of this section must be an arrow `a` → `b`",
            ));
            continue;
        };
        let Some(from) = crate_name(from) else {
            errors.push(bad("left of → must be one crate name in backquotes"));
            continue;
        };
        let to = if to.trim() == "nothing" {
            Some(BTreeSet::new())
        } else {
            to.split(',')
                .map(|t| crate_name(t).map(str::to_string))
                .collect::<Option<BTreeSet<_>>>()
        };
        let Some(to) = to else {
            errors.push(bad(
                "right of → must be `nothing` or crate names in backquotes, separated by commas",
            ));
            continue;
        };
        arrows.push(Line {
            from: from.to_string(),
            to,
            line: n,
        });
    }
    if errors.is_empty() {
        Ok(arrows)
    } else {
        Err(errors)
    }
}

/// Each workspace crate with the workspace crates it lists under
/// `[dependencies]` (any target; not dev- or build-dependencies), from
/// `metadata`, the output of `cargo metadata --format-version 1 --no-deps`.
fn workspace_dependencies(metadata: &serde_json::Value) -> BTreeMap<String, BTreeSet<String>> {
    let members: BTreeSet<&str> = metadata["workspace_members"]
        .as_array()
        .expect("workspace_members")
        .iter()
        .map(|id| id.as_str().expect("a package id"))
        .collect();
    let packages: Vec<&serde_json::Value> = metadata["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .filter(|p| members.contains(p["id"].as_str().expect("a package id")))
        .collect();
    let names: BTreeSet<&str> = packages
        .iter()
        .map(|p| p["name"].as_str().expect("a package name"))
        .collect();
    packages
        .iter()
        .map(|p| {
            let deps = p["dependencies"]
                .as_array()
                .expect("dependencies")
                .iter()
                .filter(|d| d["kind"].is_null() && d["path"].is_string())
                .map(|d| d["name"].as_str().expect("a dependency name"))
                .filter(|name| names.contains(name))
                .map(str::to_string)
                .collect();
            (
                p["name"].as_str().expect("a package name").to_string(),
                deps,
            )
        })
        .collect()
}

/// What differs between the document and the real dependencies, one
/// message per difference.
fn differences(doc: &str, real: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    let lines = match parse_arrows(doc) {
        Ok(lines) => lines,
        Err(errors) => return errors,
    };
    let mut problems = Vec::new();
    let mut seen = BTreeMap::new();
    for l in &lines {
        if let Some(first) = seen.insert(l.from.as_str(), l.line) {
            problems.push(format!(
                "{DOC}:{}: `{}` has a second line (the first is line {first}): give each crate one line",
                l.line, l.from
            ));
        }
        let Some(deps) = real.get(&l.from) else {
            problems.push(format!(
                "{DOC}:{}: `{}` is not a workspace crate (the crates are: {})",
                l.line,
                l.from,
                real.keys().cloned().collect::<Vec<_>>().join(", ")
            ));
            continue;
        };
        for to in l.to.difference(deps) {
            problems.push(format!(
                "{DOC}:{}: arrow `{}` → `{to}` is not in Cargo.toml: `{}` has no [dependencies] entry on `{to}` \
                 (remove the arrow, or add the dependency)",
                l.line, l.from, l.from
            ));
        }
        for to in deps.difference(&l.to) {
            problems.push(format!(
                "{DOC}:{}: dependency missing from the document: `{}` depends on `{to}` in its Cargo.toml \
                 but the line has no arrow `{}` → `{to}`",
                l.line, l.from, l.from
            ));
        }
    }
    for (from, deps) in real {
        if !seen.contains_key(from.as_str()) {
            let to: Vec<String> = deps.iter().map(|d| format!("`{d}`")).collect();
            let to = if to.is_empty() {
                "nothing".to_string()
            } else {
                to.join(", ")
            };
            problems.push(format!(
                "{DOC} has no line for the workspace crate `{from}`: add “- `{from}` → {to}” under “{SECTION}”"
            ));
        }
    }
    problems
}

#[test]
fn documented_arrows_are_the_cargo_dependencies() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(env!("CARGO"))
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--manifest-path",
        ])
        .arg(root.join("Cargo.toml"))
        .output()
        .expect("run cargo metadata");
    assert!(
        out.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let metadata: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("cargo metadata's JSON");
    let real = workspace_dependencies(&metadata);
    assert!(
        real.len() >= 6 && real.values().any(|d| !d.is_empty()),
        "cargo metadata shows too few workspace crates or dependencies: {real:?}"
    );
    let doc = std::fs::read_to_string(root.join(DOC)).expect("docs/ARCHITECTURE.md");
    let problems = differences(&doc, &real);
    assert!(
        problems.is_empty(),
        "docs/ARCHITECTURE.md and the crates' Cargo.toml disagree:\n  {}",
        problems.join("\n  ")
    );
}

/// The check itself, on small documents: each kind of disagreement is
/// reported, and a matching document passes.
#[test]
fn differences_are_found() {
    let real: BTreeMap<String, BTreeSet<String>> =
        [("a", &["b"][..]), ("b", &[][..]), ("c", &["a", "b"][..])]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.iter().map(|s| s.to_string()).collect()))
            .collect();
    let doc = |arrows: &str| {
        format!("# X\n\n{SECTION}\n\nSome text.\n\n{arrows}\n## Next\n\n- not an arrow\n")
    };
    let cases: &[(&str, &[&str])] = &[
        ("- `a` → `b`\n- `b` → nothing\n- `c` → `a`, `b`\n", &[]),
        (
            "- `a` → `b`, `c`\n- `b` → nothing\n- `c` → `a`, `b`\n",
            &["ARCHITECTURE.md:7: arrow `a` → `c` is not in Cargo.toml"],
        ),
        (
            "- `a` → `b`\n- `b` → nothing\n- `c` → `b`\n",
            &["ARCHITECTURE.md:9: dependency missing from the document: `c` depends on `a`"],
        ),
        (
            "- `a` → `b`\n- `c` → `a`, `b`\n",
            &["no line for the workspace crate `b`: add “- `b` → nothing”"],
        ),
        (
            "- `a` → `b`\n- `b` → nothing\n- `c` → `a`, `b`\n- `d` → `a`\n",
            &["ARCHITECTURE.md:10: `d` is not a workspace crate"],
        ),
        (
            "- `a` → `b`\n- `b` → nothing\n- `c` → `a`, `b`\n- `a` → `b`\n",
            &["`a` has a second line (the first is line 7)"],
        ),
        (
            "- `a` → b\n- `b` → nothing\n- `c` → `a`, `b`\n",
            &["ARCHITECTURE.md:7: right of → must be"],
        ),
        (
            "- `a` -> `b`\n- `b` → nothing\n- `c` → `a`, `b`\n",
            &["ARCHITECTURE.md:7: a list item of this section must be an arrow"],
        ),
    ];
    for (arrows, expected) in cases {
        let problems = differences(&doc(arrows), &real);
        assert_eq!(problems.len(), expected.len(), "{arrows}: {problems:#?}");
        for (p, e) in problems.iter().zip(*expected) {
            assert!(p.contains(e), "{arrows}: expected “{e}” in “{p}”");
        }
    }
    assert!(differences("no section", &real)[0].contains("has no section"));
}

/// The workspace lints deny `unsafe`, and exactly three functions allow
/// it: `cache::map` in crates/cli/output.rs (mapping cache files), and
/// `str_of_units` and `read_wide` in crates/python/src/ffi.rs (each one
/// call of CPython's C API), one block each. Any other `unsafe` block, function, impl or
/// attribute, or any other mention of the `unsafe_code` lint, in the
/// workspace's Rust sources fails here, and so does a member crate that
/// does not take the workspace's lints: a new exception is a decision, not
/// a slip (the lint was `forbid` until the first).
#[test]
fn unsafe_code_is_only_where_decided() {
    // Spelled in pieces, so that this file does not find itself.
    let keyword = ["uns", "afe"].concat();
    let lint = [keyword.as_str(), "_code"].concat();
    let uses = |code: &str| {
        code.match_indices(&keyword).any(|(at, _)| {
            let before = code[..at].chars().next_back();
            let after = code[at + keyword.len()..].chars().next();
            let starts = before.is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
            starts && matches!(after, None | Some(' ' | '{' | '(' | '\n'))
        }) || code.contains(&lint)
    };
    fn walk(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("read_dir") {
            let path = entry.expect("entry").path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let kind = std::fs::symlink_metadata(&path).expect("metadata");
            if kind.is_dir() {
                if !matches!(name, "target" | "node_modules") && !name.starts_with('.') {
                    walk(&path, files);
                }
            } else if kind.is_file() && name.ends_with(".rs") {
                files.push(path);
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["crates", "tests", "fuzz", "examples"] {
        if root.join(dir).is_dir() {
            walk(&root.join(dir), &mut files);
        }
    }
    if root.join("build.rs").is_file() {
        files.push(root.join("build.rs"));
    }
    let mut found = Vec::new();
    for path in &files {
        let relative = path.strip_prefix(root).expect("under the root");
        if relative == Path::new("tests/architecture.rs") {
            continue;
        }
        let text = std::fs::read_to_string(path).expect("read");
        for (i, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if uses(code) {
                found.push(format!("{}:{}", relative.display(), i + 1));
            }
        }
    }
    // The attribute and the block of each function.
    for (file, functions) in [
        ("crates/cli/output.rs:", 1),
        ("crates/python/src/ffi.rs:", 2),
    ] {
        let here = found.iter().filter(|f| f.starts_with(file)).count();
        assert_eq!(here, 2 * functions, "{file} {found:?}");
    }
    assert_eq!(found.len(), 6, "{found:?}");
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).expect("Cargo.toml");
    assert!(
        manifest.contains(&format!("{lint} = \"deny\"")),
        "the workspace lint"
    );
    // Every member takes the workspace's lints and sets none of its own.
    let members = manifest
        .split("members = [")
        .nth(1)
        .and_then(|m| m.split(']').next())
        .expect("workspace members");
    for member in members.split(',').map(|m| m.trim().trim_matches('"')) {
        if member.is_empty() {
            continue;
        }
        let toml = std::fs::read_to_string(root.join(member).join("Cargo.toml")).expect("member");
        let lints = toml.split("[lints]").nth(1).unwrap_or("");
        assert!(
            lints.trim_start().starts_with("workspace = true"),
            "{member}: [lints] workspace = true"
        );
        assert!(!toml.contains(&lint), "{member} sets {lint} itself");
    }
}
