//! Arbitrary text through every config: whole, streamed and parallel
//! conversion agree, and the single-pass engine gives what OpenCC's
//! stage-by-stage pipeline (the general path) gives; target-based
//! conversion and ambiguity reports never panic.
#![no_main]

use bianyi_convert::{Config, Conversion, Target, TargetConverter};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (u8, &str)| {
    let (selector, text) = input;
    let config = Config::ALL[usize::from(selector) % Config::ALL.len()];
    let conv = Conversion::builder(config)
        .tofu_risk(selector & 0x80 != 0)
        .build();
    let whole = conv.convert(text);
    let general = Conversion::builder(config)
        .tofu_risk(selector & 0x80 != 0)
        .general_path(true)
        .build();
    assert_eq!(
        general.convert(text),
        whole,
        "fast path and general path differ"
    );
    let mut streamed = Vec::new();
    conv.run()
        .stream(text.as_bytes(), &mut streamed)
        .expect("UTF-8 input converts");
    assert_eq!(streamed, whole.as_bytes());
    assert_eq!(conv.run().threads(3).text(text), whole);
    let _ = conv.ambiguities(text);
    let targets = [
        Target::Hans,
        Target::Hant,
        Target::Taiwan,
        Target::HongKong,
        Target::Mainland,
    ];
    let target = targets[usize::from(selector) % targets.len()];
    let tc = TargetConverter::new(target).phrases(selector & 0x40 != 0);
    let document = tc.document(text);
    let converted = document.convert(text);
    let _ = document.ambiguities(text);
    // Whole-text conversion judges the document the same way.
    assert_eq!(tc.convert(text), converted);
});
