//! Arbitrary text through every glossary reader (TOML, TSV, CSV, TBX): an
//! error or a glossary, never a panic; what reads as TOML writes back to
//! canonical TOML that reads as the same glossary.
#![no_main]

use bianyi_glossary::{Columns, Format, Glossary, Lang};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (u8, &str)| {
    let (selector, text) = input;
    let columns = Columns::new(
        "zh-Hant".parse::<Lang>().expect("tag"),
        "en".parse::<Lang>().expect("tag"),
    );
    let format = [Format::Toml, Format::Tsv, Format::Csv, Format::Tbx][usize::from(selector) % 4];
    let Ok(g) = Glossary::parse(text, format, Some(&columns)) else {
        return;
    };
    let toml = g.to_toml();
    let again = Glossary::parse(&toml, Format::Toml, None).expect("canonical TOML reads back");
    assert_eq!(again.to_toml(), toml, "canonical form is a fixed point");
    let _ = g.to_tbx();
    let _ = g.to_tsv(&columns.source, &columns.target);
});
