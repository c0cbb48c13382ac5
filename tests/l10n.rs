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

/// Issue 20: `l10n convert --in-place a.po link.po`, link.po a link to
/// a.po, is refused as `convert` refuses the same file twice; nothing is
/// written.
#[cfg(unix)]
#[test]
fn issue20_the_same_file_twice_in_place_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let po = "msgid \"a\"\nmsgstr \"头发\"\n";
    std::fs::write(dir.path().join("a.po"), po).expect("write");
    std::os::unix::fs::symlink("a.po", dir.path().join("link.po")).expect("link");
    for files in [["a.po", "link.po"], ["a.po", "./a.po"]] {
        let mut args = vec!["l10n", "convert", "-c", "s2t", "--in-place"];
        args.extend(files);
        let out = crate::util::bianyi(dir.path(), &args, b"");
        assert_eq!(out.status.code(), Some(2), "{files:?}");
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            format!(
                "bianyi: error: {} and {} are the same file; --in-place would convert it twice\n",
                files[0], files[1]
            )
        );
        assert_eq!(
            std::fs::read_to_string(dir.path().join("a.po")).expect("read"),
            po
        );
    }
}
