//! bianyi's own locales: zh-Hant is generated from zh-Hans by
//! `bianyi l10n convert` (scripts/update-zh-hant.sh) and must be committed
//! as generated.

use std::path::Path;

use crate::util::bianyi_ok;

/// The arguments of scripts/update-zh-hant.sh (keep the two in step).
const GENERATE: &[&str] = &[
    "l10n",
    "convert",
    "--to",
    "zh-TW",
    "--phrases",
    "--corner-quotes",
    "--comments",
    "--overrides",
    "locales/overrides.zh-Hant.ftl",
    "locales/zh-Hans/bianyi.ftl",
];

#[test]
fn zh_hant_is_generated_from_zh_hans() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let script = std::fs::read_to_string(root.join("scripts/update-zh-hant.sh")).expect("script");
    let flat = script.replace("\\\n", " ");
    let joined = GENERATE.join(" ");
    let words: Vec<&str> = flat.split_whitespace().collect();
    assert!(
        words.join(" ").contains(&joined),
        "scripts/update-zh-hant.sh and this test must run the same command: {joined}"
    );
    let generated = String::from_utf8(bianyi_ok(root, GENERATE, b"")).expect("UTF-8");
    let committed =
        std::fs::read_to_string(root.join("locales/zh-Hant/bianyi.ftl")).expect("zh-Hant");
    if generated != committed {
        let diff = similar::TextDiff::from_lines(&committed, &generated)
            .unified_diff()
            .header("locales/zh-Hant/bianyi.ftl (committed)", "generated")
            .to_string();
        panic!(
            "locales/zh-Hant/bianyi.ftl is not what bianyi generates from zh-Hans; \
             run scripts/update-zh-hant.sh (reviewed wording goes into \
             locales/overrides.zh-Hant.ftl)\n{diff}"
        );
    }
}
