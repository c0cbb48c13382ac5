//! The `--engine opencc` backend: the system's libopencc through opencc-rust.
//!
//! Debian ships OpenCC 1.1.x, older than the 1.4.2 data bianyi embeds: its
//! dictionaries lack years of fixes and it has no s2hkp / hk2sp configs, so
//! its output differs (see docs/opencc-engine.md). It is here to compare.

use std::io::{Read, Write};

use bianyi_convert::Config;

use crate::error::{CliError, Source};

pub(crate) fn open(config: Config) -> Result<opencc_rust::OpenCC, CliError> {
    opencc_rust::OpenCC::new(format!("{}.json", config.name())).map_err(|detail| {
        CliError::EngineConfigMissing {
            config,
            detail: detail.to_string(),
        }
    })
}

/// Converts all of `input`; the C library needs the whole text at once.
pub(crate) fn convert(
    cc: &opencc_rust::OpenCC,
    mut input: impl Read,
    output: &mut dyn Write,
    source: &Source,
    target: &Source,
) -> Result<(), CliError> {
    let mut bytes = Vec::new();
    input
        .read_to_end(&mut bytes)
        .map_err(|error| CliError::Read {
            source: source.clone(),
            error,
        })?;
    let text = crate::detect::utf8_text(source.clone(), bytes)?;
    let write_error = |error| CliError::Write {
        target: target.clone(),
        error,
    };
    // The C API takes NUL-terminated strings: convert between NULs.
    for (i, piece) in text.split('\0').enumerate() {
        if i > 0 {
            output.write_all(b"\0").map_err(write_error)?;
        }
        output
            .write_all(cc.convert(piece).as_bytes())
            .map_err(write_error)?;
    }
    Ok(())
}
