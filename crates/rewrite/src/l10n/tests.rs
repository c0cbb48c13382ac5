use super::*;
use crate::testing::Rng;

/// A stand-in converter: a few Simplified → Traditional characters.
fn to_hant(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '简' => '簡',
            '体' => '體',
            '个' => '個',
            '开' => '開',
            '关' => '關',
            '设' => '設',
            '档' => '檔',
            '删' => '刪',
            '除' => '除',
            '条' => '條',
            '载' => '載',
            '这' => '這',
            '们' => '們',
            c => c,
        })
        .collect()
}

/// Converts messages (not comments) with `to_hant`.
fn convert(format: L10nFormat, input: &str) -> String {
    let doc = LocaleFile::parse(format, input).unwrap_or_else(|e| panic!("{e}\n{input}"));
    let out = doc.rewrite(
        &mut |u, _, s| if u.comment { s.to_string() } else { to_hant(s) },
        Some("zh_TW"),
    );
    if let Err(e) = verify(format, input, &out) {
        panic!("{e}\n{out}");
    }
    out
}

#[test]
fn fluent_text_changes_and_syntax_does_not() {
    let input = r#"# 简体注释不变
-brand-name = 简体 { "简体" }
    .gender = 简体
files-deleted =
    { $count ->
        [one] 删除了 { $count } 个档案
       *[other] 删除了 { NUMBER($count, minimumFractionDigits: 0) } 个档案，见 { -brand-name }
    }
open-file = 开启 <b>{ $name }</b> &amp; 关闭
    .title = 设置 %s 个
    .aria-label = 这条
multi =
    第一行简体
    第二行 { $x } 个
"#;
    let want = r#"# 简体注释不变
-brand-name = 簡體 { "简体" }
    .gender = 簡體
files-deleted =
    { $count ->
        [one] 刪除了 { $count } 個檔案
       *[other] 刪除了 { NUMBER($count, minimumFractionDigits: 0) } 個檔案，见 { -brand-name }
    }
open-file = 開启 <b>{ $name }</b> &amp; 關闭
    .title = 設置 %s 個
    .aria-label = 這條
multi =
    第一行簡體
    第二行 { $x } 個
"#;
    assert_eq!(convert(L10nFormat::Fluent, input), want);
    let doc = LocaleFile::parse(L10nFormat::Fluent, input).unwrap();
    let keys: Vec<&str> = doc.units().iter().map(|u| u.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "#",
            "-brand-name",
            "-brand-name.gender",
            "files-deleted",
            "open-file",
            "open-file.title",
            "open-file.aria-label",
            "multi"
        ]
    );
    assert_eq!(
        doc.text(&doc.units()[4]),
        "开启 <b>{ $name }</b> &amp; 关闭"
    );
    assert_eq!(doc.text(&doc.units()[0]), "简体注释不变");
    assert!(doc.units()[0].comment);
}

#[test]
fn po_msgstr_changes_and_nothing_else() {
    let input = r#"# 译者注释：简体
msgid ""
msgstr ""
"Project-Id-Version: demo\n"
"Language: zh_CN\n"
"Plural-Forms: nplurals=1; plural=0;\n"

#: src/main.c:12
#, c-format
msgid "Delete %d file"
msgid_plural "Delete %d files"
msgstr[0] "删除 %d 个档案"

msgctxt "menu"
msgid "Open"
msgstr "开启"

msgid ""
"Long text "
"over lines"
msgstr ""
"这个简体 %1$s "
"{name} 的设置 {{count}}\n"

#~ msgid "Old"
#~ msgstr "简体"
"#;
    let out = convert(L10nFormat::Po, input);
    let want = input
        .replace("Language: zh_CN", "Language: zh_TW")
        .replace("删除 %d 个档案", "刪除 %d 個檔案")
        .replace("\"开启\"", "\"開启\"")
        .replace("这个简体 %1$s ", "這個簡體 %1$s ")
        .replace("{name} 的设置", "{name} 的設置");
    assert_eq!(out, want);
    let doc = LocaleFile::parse(L10nFormat::Po, input).unwrap();
    let keys: Vec<&str> = doc.units().iter().map(|u| u.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "#",
            "Delete %d file[0]",
            "menu|Open",
            "Long text over lines"
        ]
    );
    assert_eq!(doc.text(&doc.units()[0]), "译者注释：简体");
}

#[test]
fn json_values_change_and_keys_do_not() {
    let input = "{\n  \"简体\": \"简体\",\n  \"menu\": {\"open\": \"开启 {{name}} 个\", \"n\": 3, \"ok\": true, \"list\": [\"关闭\", null, \"%s 个\"]},\n  \"esc\": \"\\u7b80\\u4f53 \\\"q\\\"\",\n  \"mixed\": \"简\\n体\"\n}\n";
    let want = "{\n  \"简体\": \"簡體\",\n  \"menu\": {\"open\": \"開启 {{name}} 個\", \"n\": 3, \"ok\": true, \"list\": [\"關闭\", null, \"%s 個\"]},\n  \"esc\": \"\\u7c21\\u9ad4 \\\"q\\\"\",\n  \"mixed\": \"簡\\n體\"\n}\n";
    assert_eq!(convert(L10nFormat::Json, input), want);
    let doc = LocaleFile::parse(L10nFormat::Json, input).unwrap();
    let keys: Vec<&str> = doc.units().iter().map(|u| u.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "/简体",
            "/menu/open",
            "/menu/list/0",
            "/menu/list/2",
            "/esc",
            "/mixed"
        ]
    );
}

#[test]
fn unchanged_files_keep_every_byte() {
    for (format, input) in [
        (L10nFormat::Fluent, "a = 簡體 { $x }\n"),
        (L10nFormat::Po, "msgid \"a\"\nmsgstr \"簡體\"\n"),
        (
            L10nFormat::Json,
            "\u{FEFF}{\"a\": \"\\u7c21\", \"b\": [\"x\\/y\"]}",
        ),
    ] {
        assert_eq!(convert(format, input), input);
    }
}

#[test]
fn placeholders_are_never_in_runs() {
    let cases: &[(&str, &[&str])] = &[
        ("共 %d 个", &["共 ", " 个"]),
        ("%1$s 和 %2$s", &[" 和 "]),
        ("%(name)s 的", &[" 的"]),
        ("100%% 完成", &["100", " 完成"]),
        ("第 %1 页", &["第 ", " 页"]),
        ("{0} 个 {name}", &[" 个 "]),
        ("{{count}} 条", &[" 条"]),
        ("${user} 与 $t(common.ok)", &[" 与 "]),
        ("<a href=\"x\">链接</a>", &["链接"]),
        ("A &amp; B &#160;", &["A ", " B "]),
        (
            "{count, plural, one {# 个} other {# 个}}",
            &["{count, plural, one {# 个} other {# 个}}"],
        ),
        ("100% 的人", &["100% 的人"]),
        ("{ 中文 }", &["{ 中文 }"]),
        // Names in other scripts are placeholders; prose in braces is not.
        ("打开{文件名}", &["打开"]),
        ("你好{{用户名}}，{{ 用户名 }}", &["你好", "，"]),
        ("{ $文件 } 与 ${用户名}", &[" 与 "]),
        ("{数量, number} 个", &[" 个"]),
        ("%(文件名)s 的", &[" 的"]),
        ("{注意：这很重要}", &["{注意：这很重要}"]),
        ("{中文 说明}", &["{中文 说明}"]),
        ("{# 个文件}", &["{# 个文件}"]),
        // ICU: a name beyond ASCII is kept, the variants' messages are text.
        (
            "{数量, plural, one {# 个文件} other {文件}}",
            &[" one {# 个文件} other {文件}}"],
        ),
        (
            "{性别, select, male {他} other {他们}}",
            &[" male {他} other {他们}}"],
        ),
        (
            "{gender, select, male {他} other {他们}}",
            &["{gender, select, male {他} other {他们}}"],
        ),
        ("<不是标签>", &["<不是标签>"]),
        ("&不是;", &["&不是;"]),
    ];
    for &(text, want) in cases {
        let mut runs = Runs::default();
        placeholder::cut(text, 0..text.len(), Encoding::Raw, &mut runs);
        let got: Vec<&str> = runs.all().iter().map(|r| &text[r.range.clone()]).collect();
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn verify_refuses_broken_structure() {
    type Case = (L10nFormat, &'static str, fn(&str) -> String);
    let cases: &[Case] = &[
        // A converter that writes a brace opens a placeable.
        (L10nFormat::Fluent, "a = 简体\nb = 开\n", |s| {
            s.replace('简', "{")
        }),
        // A newline and a leading bracket would change the message.
        (L10nFormat::Fluent, "a = 简体\n", |s| {
            s.replace('简', "\n[x]")
        }),
        // A quote ends the PO string.
        (L10nFormat::Po, "msgid \"a\"\nmsgstr \"简体\"\n", |s| {
            s.replace('简', "\"")
        }),
    ];
    for &(format, input, f) in cases {
        let doc = LocaleFile::parse(format, input).unwrap();
        let out = doc.rewrite(&mut |_, _, s| f(s), None);
        assert!(verify(format, input, &out).is_err(), "{out}");
    }
    // JSON escapes what the converter writes, so quotes are safe.
    let input = "{\"a\": \"简体\"}";
    let doc = LocaleFile::parse(L10nFormat::Json, input).unwrap();
    let out = doc.rewrite(&mut |_, _, s| s.replace('简', "\"\\"), None);
    assert_eq!(out, "{\"a\": \"\\\"\\\\体\"}");
    verify(L10nFormat::Json, input, &out).unwrap();
}

#[test]
fn syntax_errors_have_positions() {
    let cases: &[(L10nFormat, &str, usize, usize)] = &[
        (L10nFormat::Fluent, "a = 好\nb 坏\n", 2, 3),
        // Found by fuzzing: fluent-syntax 0.12 panicked on these.
        (L10nFormat::Fluent, "a = { \"\\u捝\" }\n", 1, 8),
        (L10nFormat::Fluent, "a = x\nb = { \"\\U12中\" }\n", 2, 8),
        (L10nFormat::Po, "msgid \"a\"\nmsgstr \"没有结尾\n", 2, 8),
        (L10nFormat::Po, "msgid \"a\"\nmsgfoo \"x\"\n", 2, 1),
        (L10nFormat::Json, "{\"a\": \"好\",\n \"b\": }", 2, 7),
        (L10nFormat::Json, "\u{FEFF}{\"a\" 1}", 1, 6),
        (L10nFormat::Fluent, "\u{FEFF}a = 好\nb 坏\n", 2, 3),
        (L10nFormat::Fluent, "\u{FEFF}a = { \"\\u捝\" }\n", 1, 8),
    ];
    for &(format, input, line, column) in cases {
        let e = LocaleFile::parse(format, input).unwrap_err();
        assert_eq!((e.line(), e.column()), (line, column), "{input:?}: {e}");
        assert!(matches!(e.kind(), ErrorKind::Syntax(_)));
    }
}

#[test]
fn formats_by_extension() {
    let f = |p: &str| L10nFormat::from_path(Path::new(p));
    assert_eq!(f("a/zh-Hans.FTL"), Some(L10nFormat::Fluent));
    assert_eq!(f("messages.pot"), Some(L10nFormat::Po));
    assert_eq!(f("zh.json"), Some(L10nFormat::Json));
    assert_eq!(f("zh.txt"), None);
}

#[test]
fn comments_convert_on_request() {
    let input = "# 简体注释\n## 组 简体\na = 简体\n";
    let doc = LocaleFile::parse(L10nFormat::Fluent, input).unwrap();
    let out = doc.rewrite(&mut |_, _, s| to_hant(s), None);
    assert_eq!(out, "# 簡體注释\n## 组 簡體\na = 簡體\n");
    verify(L10nFormat::Fluent, input, &out).unwrap();
    let input = "# 简体\n#, c-format\n#: 简体.c:1\n#. 简体\nmsgid \"a\"\nmsgstr \"简体\"\n";
    let doc = LocaleFile::parse(L10nFormat::Po, input).unwrap();
    let out = doc.rewrite(&mut |_, _, s| to_hant(s), None);
    assert_eq!(
        out,
        "# 簡體\n#, c-format\n#: 简体.c:1\n#. 簡體\nmsgid \"a\"\nmsgstr \"簡體\"\n"
    );
    verify(L10nFormat::Po, input, &out).unwrap();
}

#[test]
fn json_escapes_are_kept_as_written() {
    // Go's encoding/json writes `<`, `>`, `&` as `\u003c`, `\u003e`,
    // `\u0026`; `\/` is legal. They stay, and so does the case of hex
    // digits; escaped text is converted and written escaped again.
    let cases = [
        (
            r#"{"c": "\u003cb\u003e简体\u003c/b\u003e \u0026 \/"}"#,
            r#"{"c": "\u003cb\u003e簡體\u003c/b\u003e \u0026 \/"}"#,
        ),
        (r#"{"a": "\u7B80\u4F53"}"#, r#"{"a": "\u7C21\u9AD4"}"#),
        (r#"{"a": "\u7b80\u4f53"}"#, r#"{"a": "\u7c21\u9ad4"}"#),
        // Mixed: each character in the style of the one it replaces.
        (r#"{"a": "简\u4F53 个"}"#, r#"{"a": "簡\u9AD4 個"}"#),
        // Beyond the BMP: a surrogate pair, kept.
        (r#"{"a": "\uD83D\uDE00简"}"#, r#"{"a": "\uD83D\uDE00簡"}"#),
        (r#"{"a": "\"简\"\n\t体"}"#, r#"{"a": "\"簡\"\n\t體"}"#),
        // A tag written escaped is a placeholder like `<a href="…">`.
        (
            r#"{"a": "简 \u003ca href=\"/简\"\u003e简\u003c/a\u003e"}"#,
            r#"{"a": "簡 \u003ca href=\"/简\"\u003e簡\u003c/a\u003e"}"#,
        ),
        (r#"{"a": "\\u003cb>简"}"#, r#"{"a": "\\u003cb>簡"}"#),
    ];
    for (input, want) in cases {
        assert_eq!(convert(L10nFormat::Json, input), want, "{input}");
    }
}

#[test]
fn json_converted_text_of_another_length_keeps_the_style() {
    let input = r#"{"a": "\u003c\u7b80x\u003e", "b": "简x", "c": "a\u7b80b"}"#;
    let doc = LocaleFile::parse(L10nFormat::Json, input).unwrap();
    let out = doc.rewrite(&mut |_, _, s| s.replace('简', "簡體"), None);
    assert_eq!(
        out,
        r#"{"a": "\u003c\u7c21\u9ad4x\u003e", "b": "簡體x", "c": "a\u7c21\u9ad4b"}"#
    );
    verify(L10nFormat::Json, input, &out).unwrap();
}

#[test]
fn names_in_other_scripts_are_not_converted() {
    let cases = [
        (
            L10nFormat::Json,
            r#"{"a": "开{档案名}", "b": "这{{设置}}个{{ 删除 }}", "c": "{个数, plural, one {# 个} other {个}}", "d": "{简体说明，这个}"}"#,
            r#"{"a": "開{档案名}", "b": "這{{设置}}個{{ 删除 }}", "c": "{个数, plural, one {# 個} other {個}}", "d": "{簡體说明，這個}"}"#,
        ),
        (
            L10nFormat::Po,
            "msgid \"Open {name}\"\nmsgstr \"开{档案名} %(个数)s 个\"\n",
            "msgid \"Open {name}\"\nmsgstr \"開{档案名} %(个数)s 個\"\n",
        ),
        // Fluent placeables are syntax; a string literal is kept, and
        // braces written in a JSON value next to Fluent-style `{ $x }`.
        (
            L10nFormat::Fluent,
            "a = 开{ \"{档案名}\" }个\n",
            "a = 開{ \"{档案名}\" }個\n",
        ),
        (
            L10nFormat::Json,
            r#"{"a": "开 { $档案 } 个"}"#,
            r#"{"a": "開 { $档案 } 個"}"#,
        ),
    ];
    for (format, input, want) in cases {
        assert_eq!(convert(format, input), want, "{input}");
    }
}

#[test]
fn fluent_with_a_bom() {
    let input = "\u{FEFF}### 简体\n\n# 简体\na = 简体 { $x }\n    .title = 个\n";
    let want = "\u{FEFF}### 简体\n\n# 简体\na = 簡體 { $x }\n    .title = 個\n";
    assert_eq!(convert(L10nFormat::Fluent, input), want);
    let doc = LocaleFile::parse(L10nFormat::Fluent, input).unwrap();
    let keys: Vec<(&str, usize)> = doc
        .units()
        .iter()
        .map(|u| (u.key.as_str(), u.line))
        .collect();
    assert_eq!(keys, [("#", 1), ("#", 3), ("a", 4), ("a.title", 5)]);
}

// ------------------------------------------------------- generated files

/// Pieces of Fluent, PO and JSON syntax, placeholders and text.
const L10N: &[&str] = &[
    "a = ",
    "-t = ",
    "\n",
    "\n    ",
    "    .x = ",
    "{ $n }",
    "{ -t }",
    "{ $n ->\n",
    "[one] ",
    "*[other] ",
    "}",
    "{",
    "\"",
    "\\",
    "\\u4e2d",
    "\\n",
    "msgid ",
    "msgstr ",
    "msgstr[0] ",
    "msgctxt ",
    "\"\"",
    "# ",
    "#, c-format",
    "#. ",
    "#~ ",
    "{\"k\": ",
    "[",
    "]",
    ",",
    ":",
    "null",
    "3",
    "%s",
    "%1$d",
    "%(x)s",
    "{{n}}",
    "<b>",
    "</b>",
    "&amp;",
    "简体",
    "个",
    "文件",
    "\u{FEFF}",
    "\r\n",
    " ",
];

/// Arbitrary strings from localization syntax: parsing never panics, and a
/// rewrite by any converter either verifies or is refused, never panics.
#[test]
fn arbitrary_localization_files() {
    let mut rng = Rng(0x1010_5EED_0000_0003);
    let mut parsed = 0;
    for k in 0..6_000 {
        let body = rng.doc(L10N, 40);
        let format = [L10nFormat::Fluent, L10nFormat::Po, L10nFormat::Json][k % 3];
        // Half the inputs are random syntax, half a random value in a
        // well-formed frame.
        let text = match (k / 3 % 2, format) {
            (0, _) => body,
            (_, L10nFormat::Fluent) => format!("a = {body}\nb = 简体\n"),
            (_, L10nFormat::Po) => format!("msgid \"a\"\nmsgstr \"{body}\"\n"),
            _ => format!("{{\"a\": \"{body}\", \"b\": [\"简体\"]}}"),
        };
        let Ok(doc) = LocaleFile::parse(format, &text) else {
            continue;
        };
        parsed += 1;
        for u in doc.units() {
            let _ = doc.display(u);
            let _ = doc.runs(u);
        }
        // Identity must verify; a hostile converter may only be refused.
        let same = doc.rewrite(&mut |_, _, s| s.to_string(), Some("zh_TW"));
        verify(format, &text, &same).unwrap_or_else(|e| panic!("{e}: {text:?}"));
        let hostile = doc.rewrite(&mut |_, _, s| format!("{{\"\n{s}}}"), None);
        let _ = verify(format, &text, &hostile);
        let wide = doc.rewrite(
            &mut |_, _, s| s.replace('个', "個").replace('简', "簡"),
            None,
        );
        verify(format, &text, &wide).unwrap_or_else(|e| panic!("{e}: {text:?}"));
    }
    assert!(parsed > 500, "only {parsed} inputs parsed");
}

#[test]
fn a_rewrite_that_does_not_parse_is_an_output_error() {
    let input = "a = 简体\n";
    let doc = LocaleFile::parse(L10nFormat::Fluent, input).unwrap();
    let out = doc.rewrite(&mut |_, _, s| s.replace('简', "{"), None);
    let e = verify(L10nFormat::Fluent, input, &out).unwrap_err();
    let ErrorKind::OutputSyntax(inner) = e.kind() else {
        panic!("{e:?}");
    };
    assert!(matches!(inner.kind(), ErrorKind::Syntax(_)), "{inner}");
    assert_eq!((e.line(), e.column()), (inner.line(), inner.column()));
    // The error in the output is the source, and not repeated.
    let source = std::error::Error::source(&e).map(ToString::to_string);
    assert_eq!(source, Some(inner.to_string()));
    assert_eq!(
        e.to_string(),
        format!(
            "{}:{}: the converted file would not parse",
            e.line(),
            e.column()
        )
    );
}
