//! bianyi workspaces: a project declared once in `bianyi.toml`, built with
//! one call, checked for CI.
//!
//! - [`Project`] is a project file read and checked ([`Project::discover`]
//!   walks up from a folder as Cargo does; every error has its
//!   file:line:column, an unknown key its closest known one). Its
//!   [`Project::plan`] says which output each input becomes, and refuses
//!   two inputs mapped to one output or an output that would be read back
//!   as an input.
//! - [`build`] converts what changed since the last build, in parallel: a
//!   content-hash manifest in the cache folder says what each output was
//!   made from (input, settings, the glossary entries and reviewers'
//!   decisions found in it, bianyi's version). Files are handed to the
//!   caller's [`Sink`]; progress comes as [`Event`]s; the result is a
//!   [`BuildReport`].
//! - [`check`] finds what would fail a review ([`Finding`]).
//! - [`Overrides`] are reviewers' decisions for a word or a spot;
//!   [`Alignment`]s their reviewed alignments of a source with its
//!   translation, used by reports.
//! - [`starter`] writes a commented project file for a folder.
//!
//! ```
//! use bianyi_project::{BuildOptions, Project, Sink, build};
//!
//! let dir = tempfile::tempdir()?;
//! std::fs::write(dir.path().join("a.txt"), "头发")?;
//! let toml = "[[sources]]\nfiles = [\"*.txt\"]\n[[targets]]\nto = \"zh-TW\"\n";
//! std::fs::write(dir.path().join("bianyi.toml"), toml)?;
//!
//! struct Plain;
//! impl Sink for Plain {
//!     fn write(&self, p: &std::path::Path, b: &[u8]) -> std::io::Result<()> {
//!         std::fs::create_dir_all(p.parent().unwrap())?;
//!         std::fs::write(p, b)
//!     }
//!     fn remove(&self, p: &std::path::Path) -> std::io::Result<()> {
//!         std::fs::remove_file(p)
//!     }
//! }
//! let project = Project::discover(dir.path())?;
//! let report = build(&project, &BuildOptions::default(), &Plain, &|_| {})?;
//! assert_eq!(report.summary().converted, 1);
//! assert_eq!(std::fs::read_to_string(dir.path().join("out/zh-TW/a.txt"))?, "頭髮");
//! // Nothing changed: nothing is redone.
//! let again = build(&project, &BuildOptions::default(), &Plain, &|_| {})?;
//! assert_eq!(again.summary().unchanged, 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![deny(missing_docs)]

mod alignments;
mod build;
mod check;
mod config;
mod error;
mod init;
mod manifest;
mod overrides;
mod plan;
mod template;

pub use alignments::{
    ALIGNMENTS, Alignment, SavedBead, aligned, alignment_file, load_alignment, sentences,
    translation_of,
};
pub use build::{
    BuildOptions, BuildReport, Event, Failure, Files, Outcome, OutputReport, Reporter, Sink,
    Summary, build, load_glossaries, load_overrides, read_input,
};
pub use check::{CheckReport, Finding, check, review};
pub use config::{
    DEFAULT_CACHE, DEFAULT_OUTPUT, FILE_NAME, LocaleSet, Project, ReportFormat, SourceEncoding,
    SourceSet, TargetSpec,
};
pub use error::{Error, ErrorKind, Location};
pub use init::starter;
pub use overrides::{Overrides, SpotOverride, WordOverride};
pub use plan::{InputKind, Job, Plan};
pub use template::Template;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_types_are_send_and_sync() {
        fn ok<T: Send + Sync>() {}
        ok::<Project>();
        ok::<Plan>();
        ok::<BuildReport>();
        ok::<CheckReport>();
        ok::<Overrides>();
        ok::<Error>();
    }
}
