//! Tests of the `bianyi` binary that the standard test harness cannot
//! express, run by libtest-mimic (a drop-in for libtest's command line:
//! filters, `--ignored`, `--include-ignored`, `--test-threads`):
//!
//! * `cases::<area>/<name>`: the golden cases in `tests/cmd/`, one test
//!   each, run by trycmd (see cases.rs);
//! * `tools::*`: tests that need a program from outside the repository
//!   (Chromium, xmllint). Where it is missing they report themselves
//!   ignored, saying what to install, and fail under `CI=true`: libtest has
//!   no way for a test to decide at run time that it was not run.

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is a test failure with its message"
)]

mod cases;
mod tools;

use std::path::{Path, PathBuf};

fn main() {
    let args = libtest_mimic::Arguments::from_args();
    let mut trials = cases::trials();
    trials.extend(tools::trials());
    libtest_mimic::run(&args, trials).exit();
}

/// `tests/` in the repository.
fn tests_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")
}
