//! The JSON of a bitext (`serde` feature; the crate's dev-dependency on
//! itself turns it on for its tests).

#![cfg(feature = "serde")]

use bianyi_align::{Segmentation, align_conversion};

#[test]
fn bitext_json() {
    let (b, _) = align_conversion(
        "头发。\n",
        "zh-Hans",
        "zh-Hant",
        Segmentation::Sentences,
        &mut |s: &str| s.replace("头发", "頭髮"),
    );
    assert_eq!(
        serde_json::to_string(&b).unwrap(),
        concat!(
            r#"{"source_lang":"zh-Hans","target_lang":"zh-Hant","#,
            r#""source":[{"text":"头发。","paragraph":0,"start":0}],"#,
            r#""target":[{"text":"頭髮。","paragraph":0,"start":0}],"#,
            r#""beads":[{"source":[0],"target":[0],"score":1.0}],"low_confidence":0.7}"#
        )
    );
}
