//! User dictionaries in front of a target conversion (`TargetDicts`,
//! `--dict` with `--to`): on Simplified text that the target converts as
//! its OpenCC config does, the target with the dictionaries converts as
//! that config loaded with the dictionaries in front (OpenCC's recipe: a
//! user entry wins over the built-in one at the first stage, and the later
//! stages still run); elsewhere the dictionaries run first, on their own.

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is a test failure with its message"
)]

use bianyi_convert::{Config, Conversion, CustomConfig, Target, TargetDicts};

/// Keys that the built-in tables convert otherwise, keys that cross a
/// word of the text, and one whose value a later stage (Taiwan phrases)
/// converts again.
const NAMES: &str = "泽连斯基\t澤倫斯基\n基辅\t基富\n发展\t發展中\n数据库\t數據庫\n软件\t軟件\n";
const EXTRA: &str = "泽连斯基\t哲連斯基\n鼠标\t鼠標器\n";

const TEXTS: [&str; 4] = [
    "泽连斯基在基辅说，鼠标和软件。",
    "他们的数据库发展很快，泽连斯基的发言。",
    "基辅的天气很好\n发展中国家",
    "没有用户词典里的词。",
];

fn loaded(
    dir: &std::path::Path,
    files: &[(&str, &str)],
) -> (Vec<std::path::PathBuf>, CustomConfig) {
    let paths: Vec<_> = files
        .iter()
        .map(|(name, text)| {
            let p = dir.join(name);
            std::fs::write(&p, text).expect("write");
            p
        })
        .collect();
    let alone = CustomConfig::dictionaries_sources(&paths)
        .expect("loads")
        .compile()
        .expect("compiles");
    (paths, alone)
}

#[test]
fn simplified_text_converts_as_the_config_with_the_dictionaries() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (paths, alone) = loaded(dir.path(), &[("names.txt", NAMES), ("extra.txt", EXTRA)]);
    let mut checked = 0;
    for target in [Target::Hant, Target::Taiwan, Target::HongKong] {
        for phrases in [false, true] {
            let config = target
                .from_simplified(phrases)
                .expect("a Traditional target");
            let with = CustomConfig::builtin_sources(config, &paths)
                .expect("loads")
                .compile()
                .expect("compiles");
            let dicts = TargetDicts::new(alone, Some(with));
            let plain = Conversion::builder(target).phrases(phrases).build();
            let user = Conversion::builder(target)
                .phrases(phrases)
                .dicts(dicts)
                .build();
            let opencc = Conversion::new(config);
            let opencc_user = Conversion::new(with);
            for text in TEXTS {
                // Only where the target converts as OpenCC's config does.
                if plain.convert(text) != opencc.convert(text) {
                    continue;
                }
                checked += 1;
                assert_eq!(
                    user.convert(text),
                    opencc_user.convert(text),
                    "{target} phrases {phrases}: {text}"
                );
            }
        }
    }
    assert!(checked >= 12, "only {checked} texts compared");
    // The user's entries are there, the earlier file winning; the phrase
    // stage still runs on what they wrote (鼠標器 → 滑鼠器, 軟件 → 軟體).
    let with = CustomConfig::builtin_sources(Config::S2twp, &paths)
        .expect("loads")
        .compile()
        .expect("compiles");
    let to_tw = Conversion::builder(Target::Taiwan)
        .phrases(true)
        .dicts(TargetDicts::new(alone, Some(with)))
        .build();
    assert_eq!(
        to_tw.convert("泽连斯基在基辅说，鼠标和软件。"),
        "澤倫斯基在基富說，滑鼠器和軟體。"
    );
}

#[test]
fn other_routes_start_with_the_dictionaries_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (_, alone) = loaded(dir.path(), &[("tw.txt", "澤倫斯基\t泽连斯基\n")]);
    let dicts = TargetDicts::new(alone, None);
    // Traditional text to Simplified, to Taiwan (no config loaded for it:
    // the dictionaries alone, then the route), and text with no Han.
    let to_hans = Conversion::builder(Target::Hans).dicts(dicts).build();
    assert_eq!(to_hans.convert("澤倫斯基在基輔說。"), "泽连斯基在基辅说。");
    assert_eq!(
        Conversion::new(Target::Hans).convert("澤倫斯基在基輔說。"),
        "泽伦斯基在基辅说。"
    );
    let (_, latin) = loaded(dir.path(), &[("latin.txt", "Kyiv\t基輔\n")]);
    let to_tw = Conversion::builder(Target::Taiwan)
        .dicts(TargetDicts::new(latin, None))
        .build();
    assert_eq!(to_tw.convert("Kyiv, 2026\n"), "基輔, 2026\n");
    // Without dictionaries, nothing changes.
    assert_eq!(
        Conversion::new(Target::Taiwan).convert("Kyiv, 2026\n"),
        "Kyiv, 2026\n"
    );
}
