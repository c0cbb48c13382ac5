//! Integration tests of the `bianyi` binary.
//!
//! * `golden`: diff-based cases under tests/cases (see golden.rs);
//! * `convert`: properties of `bianyi convert` that golden files cannot
//!   express (equal outputs across modes, permissions, large inputs).

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is a test failure with its message"
)]

mod align;
mod batch;
mod browser;
mod convert;
mod glossary;
mod golden;
mod l10n;
mod limits;
mod util;
