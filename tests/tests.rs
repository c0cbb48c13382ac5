//! Integration tests of the `bianyi` binary.
//!
//! The golden cases (tests/cmd) and the tests that need outside programs
//! are in the `cli` test binary (tests/cli/main.rs).
//!
//! * `architecture`: the arrows of docs/ARCHITECTURE.md are the crates'
//!   dependencies (`cargo metadata`);
//! * `messages`: every error message is shown by a golden case;
//! * `packaging`: custom OpenCC configs and their cache, completions, man pages;
//! * `convert`: properties of `bianyi convert` that golden files cannot
//!   express (equal outputs across modes, permissions, large inputs).

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is a test failure with its message"
)]

mod align;
mod architecture;
mod batch;
mod convert;
mod dict;
mod glossary;
mod l10n;
mod limits;
mod messages;
mod packaging;
mod project;
mod project_align;
mod terminal;
mod util;
