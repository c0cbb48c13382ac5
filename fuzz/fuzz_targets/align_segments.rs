//! Arbitrary text pairs through segmentation and alignment: the beads
//! cover each side exactly once, in order.
#![no_main]

use bianyi_align::{Options, Segmentation, align, align_conversion, segment};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (bool, &str, &str)| {
    let (lines, a, b) = input;
    let how = if lines {
        Segmentation::Lines
    } else {
        Segmentation::Sentences
    };
    let bitext = align(
        "zh-Hant",
        "en",
        segment(a, "zh-Hant", how),
        segment(b, "en", how),
        &Options::for_languages("zh-Hant", "en"),
    );
    bitext.check().expect("beads cover both sides once, in order");
    let (pairs, converted) =
        align_conversion(a, "zh-Hant", "zh-Hans", how, &mut |t| t.to_uppercase());
    pairs.check().expect("conversion pairs cover both sides once, in order");
    assert_eq!(converted, a.to_uppercase());
});
