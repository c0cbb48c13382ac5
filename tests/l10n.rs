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
    "--glossary",
    "locales/terms.zh-TW.toml",
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

/// Issue 21 (item 13): the Chinese catalogues follow each region's software
/// wording and Chinese punctuation. Words the other region uses, or that
/// mean something else there (in Taiwan 列 is a row, so a column is 欄),
/// are listed per locale; an ASCII `:` `,` `;` `(` `)` `!` `?` next to a
/// Chinese character is half-width punctuation in Chinese text (code,
/// options, paths and placeholders stay ASCII, and are not next to one).
#[test]
fn zh_catalogues_follow_regional_conventions() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // (locale, word, why)
    let forbidden: &[(&str, &str, &str)] = &[
        ("zh-Hant", "許可權", "permissions are 權限"),
        (
            "zh-Hant",
            "第一列",
            "a column is 欄 in Taiwan (列 is a row)",
        ),
        (
            "zh-Hant",
            "第二列",
            "a column is 欄 in Taiwan (列 is a row)",
        ),
        ("zh-Hant", "標題行", "a header row is 標題列 in Taiwan"),
        ("zh-Hant", "文本", "text is 文字 in Taiwan"),
        ("zh-Hant", "構建", "to build is 建置 in Taiwan"),
        ("zh-Hant", "幫助", "help is 說明 in Taiwan"),
        ("zh-Hant", "識別符號", "an identifier is 識別碼 in Taiwan"),
        ("zh-Hant", "佔位符", "a placeholder is 預留位置 in Taiwan"),
        ("zh-Hant", "置信度", "confidence is 信賴度 in Taiwan"),
        ("zh-Hant", "退出", "to exit is 結束 in Taiwan"),
        ("zh-Hant", "字節", "a byte is 位元組 in Taiwan"),
        ("zh-Hant", "默認", "default is 預設 in Taiwan"),
        ("zh-Hant", "信息", "a message is 訊息 in Taiwan"),
        ("zh-Hant", "通過", "through is 透過 in Taiwan"),
        ("zh-Hans", "许可权", "permissions are 权限"),
        ("zh-Hans", "档案", "a file is 文件 on the mainland"),
        ("zh-Hans", "资料夹", "a folder is 文件夹 on the mainland"),
        ("zh-Hans", "预设", "default is 默认 on the mainland"),
        ("zh-Hans", "程式", "a program is 程序 on the mainland"),
        ("zh-Hans", "引数", "an argument is 参数 on the mainland"),
        (
            "zh-Hans",
            "讯息",
            "a message is 消息 or 信息 on the mainland",
        ),
    ];
    // Messages whose ASCII punctuation is an example of input.
    let examples = ["cli-glossary-extract-about"];
    let han = |c: char| ('\u{3400}'..='\u{9FFF}').contains(&c);
    let mut wrong = Vec::new();
    for locale in ["zh-Hans", "zh-Hant"] {
        let path = format!("locales/{locale}/bianyi.ftl");
        let text = std::fs::read_to_string(root.join(&path)).expect("catalogue");
        let mut id = "";
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') {
                continue;
            }
            if let Some((key, _)) = line.split_once(" = ")
                && !key.starts_with(' ')
            {
                id = key;
            }
            for (l, word, why) in forbidden {
                if *l == locale && line.contains(word) {
                    wrong.push(format!("{path}:{}: {id}: “{word}”: {why}", n + 1));
                }
            }
            if examples.contains(&id) {
                continue;
            }
            let chars: Vec<char> = line.chars().collect();
            for (k, &c) in chars.iter().enumerate() {
                if !":,;()!?".contains(c) {
                    continue;
                }
                let before = k.checked_sub(1).and_then(|i| chars.get(i)).copied();
                let after = chars.get(k + 1).copied();
                if before.is_some_and(han) || after.is_some_and(han) {
                    wrong.push(format!(
                        "{path}:{}: {id}: ASCII “{c}” next to Chinese; write it full-width",
                        n + 1
                    ));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
