//! Arbitrary Markdown, HTML, SubRip, WebVTT and JSON documents: no panic;
//! an identity conversion gives back the input (or an error); converting
//! Simplified to Traditional changes nothing but the runs (converted back,
//! the input returns).
#![no_main]

use bianyi_convert::{Config, Converter};
use bianyi_rewrite::{DocFormat, DocOptions, convert_document};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (u8, &str)| {
    let (selector, text) = input;
    let formats = [
        DocFormat::Text,
        DocFormat::Markdown,
        DocFormat::Html,
        DocFormat::Srt,
        DocFormat::Vtt,
        DocFormat::Json,
    ];
    let format = formats[usize::from(selector) % formats.len()];
    let mut options = DocOptions::default();
    options.json_keys = selector & 0x80 != 0;
    if let Ok(out) = convert_document(format, text, &options, &mut |s| s.to_string()) {
        assert_eq!(out, text, "identity keeps every byte");
    }
    let conv = Converter::new(Config::S2t);
    let _ = convert_document(format, text, &options, &mut |s| conv.convert(s));
});
