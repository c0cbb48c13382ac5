//! The git commit bianyi is built from, for `bianyi --version`: taken from
//! git when the sources are a git checkout, "unknown" otherwise (a source
//! tarball, `cargo install` from crates.io, git missing).

use std::path::Path;
use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    (out.status.success() && !text.trim().is_empty()).then(|| text.trim().to_string())
}

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let commit = if Path::new(".git").exists() {
        // Rebuild when HEAD moves: its file, and the branch it points to.
        for dir in ["--git-dir", "--git-common-dir"] {
            if let Some(d) = git(&["rev-parse", dir]) {
                println!("cargo::rerun-if-changed={d}/HEAD");
                println!("cargo::rerun-if-changed={d}/packed-refs");
                if let Some(branch) = git(&["symbolic-ref", "-q", "HEAD"]) {
                    println!("cargo::rerun-if-changed={d}/{branch}");
                }
            }
        }
        git(&["rev-parse", "--short=10", "HEAD"])
    } else {
        None
    };
    let dirty =
        commit.is_some() && git(&["status", "--porcelain", "--untracked-files=no"]).is_some();
    let shown = match commit {
        Some(c) if dirty => format!("commit {c}, modified"),
        Some(c) => format!("commit {c}"),
        None => "unknown commit".to_string(),
    };
    println!("cargo::rustc-env=BIANYI_COMMIT={shown}");
}
