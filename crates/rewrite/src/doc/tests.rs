use super::*;
use crate::testing::Rng;

/// A stand-in converter: a few Simplified → Traditional characters.
const PAIRS: &[(char, char)] = &[
    ('简', '簡'),
    ('体', '體'),
    ('个', '個'),
    ('发', '發'),
    ('开', '開'),
    ('关', '關'),
    ('标', '標'),
    ('题', '題'),
    ('链', '鏈'),
    ('图', '圖'),
    ('说', '說'),
    ('这', '這'),
    ('们', '們'),
    ('签', '籤'),
];

fn to_hant(s: &str) -> String {
    s.chars()
        .map(|c| PAIRS.iter().find(|p| p.0 == c).map_or(c, |p| p.1))
        .collect()
}

fn to_hans(s: &str) -> String {
    s.chars()
        .map(|c| PAIRS.iter().find(|p| p.1 == c).map_or(c, |p| p.0))
        .collect()
}

fn opts(lang: Option<&str>, json_keys: bool) -> DocOptions {
    DocOptions {
        json_keys,
        lang: lang.map(str::to_string),
    }
}

fn hant(format: DocFormat, input: &str, options: &DocOptions) -> String {
    match convert_document(format, input, options, &mut to_hant) {
        Ok(out) => out,
        Err(e) => panic!("{}: {e}\n{input}", format.name()),
    }
}

fn identity(format: DocFormat, input: &str, options: &DocOptions) -> Result<String, Error> {
    convert_document(format, input, options, &mut |s| s.to_string())
}

/// Every run `convert_document` hands over.
fn runs(format: DocFormat, input: &str, options: &DocOptions) -> Vec<String> {
    let mut seen = Vec::new();
    let _ = convert_document(format, input, options, &mut |s| {
        seen.push(s.to_string());
        s.to_string()
    });
    seen
}

/// A readable failure: both texts line by line.
#[track_caller]
fn same(got: &str, want: &str, what: &str) {
    if got != want {
        let diff = similar::TextDiff::from_lines(want, got)
            .unified_diff()
            .header("want", "got")
            .to_string();
        panic!("{what}: output differs\n{diff}");
    }
}

// ---------------------------------------------------------------- formats

#[test]
fn formats_from_paths_and_names() {
    use std::path::Path;
    for (path, format) in [
        ("a.md", DocFormat::Markdown),
        ("a.MARKDOWN", DocFormat::Markdown),
        ("a.mdown", DocFormat::Markdown),
        ("dir.v1/a.HTM", DocFormat::Html),
        ("a.html", DocFormat::Html),
        ("a.xhtml", DocFormat::Html),
        ("a.srt", DocFormat::Srt),
        ("a.Vtt", DocFormat::Vtt),
        ("a.json", DocFormat::Json),
        ("a.txt", DocFormat::Text),
        ("README", DocFormat::Text),
        ("a.md.bak", DocFormat::Text),
    ] {
        assert_eq!(DocFormat::from_path(Path::new(path)), format, "{path}");
    }
    for format in [
        DocFormat::Text,
        DocFormat::Markdown,
        DocFormat::Html,
        DocFormat::Srt,
        DocFormat::Vtt,
        DocFormat::Json,
    ] {
        assert_eq!(format.name().parse::<DocFormat>(), Ok(format));
        assert_eq!(
            format.name().to_uppercase().parse::<DocFormat>(),
            Ok(format)
        );
    }
    assert_eq!("md".parse::<DocFormat>(), Ok(DocFormat::Markdown));
    assert_eq!("txt".parse::<DocFormat>(), Ok(DocFormat::Text));
    assert_eq!("auto".parse::<DocFormat>(), Err(()));
}

// ------------------------------------------------------- small cases, table

/// One line per case: format, input, expected output (stand-in converter,
/// target `zh-TW`, keys unconverted).
#[test]
fn conversions() {
    let cases: &[(DocFormat, &str, &str)] = &[
        // Text: all of it, BOM kept.
        (DocFormat::Text, "简体\n个 `x`\n", "簡體\n個 `x`\n"),
        (DocFormat::Text, "\u{FEFF}简体", "\u{FEFF}簡體"),
        (DocFormat::Text, "", ""),
        // Markdown.
        (DocFormat::Markdown, "简体 `简体` 简体", "簡體 `简体` 簡體"),
        (DocFormat::Markdown, "``简`体``", "``简`体``"),
        (DocFormat::Markdown, "[简体](简体.md)", "[簡體](简体.md)"),
        (DocFormat::Markdown, "[简](u \"体\")", "[簡](u \"體\")"),
        (DocFormat::Markdown, "[简](u '体')", "[簡](u '體')"),
        // A title with escapes is left alone (its exact bytes are unsure).
        (
            DocFormat::Markdown,
            "[简](u \"\\\"体\")",
            "[簡](u \"\\\"体\")",
        ),
        (DocFormat::Markdown, "[简](u (体))", "[簡](u (体))"),
        // CRLF line endings.
        (
            DocFormat::Markdown,
            "---\r\ntitle: 简\r\n---\r\n简体\r\n个\r\n\r\n```\r\n简\r\n```\r\n",
            "---\r\ntitle: 簡\r\n---\r\n簡體\r\n個\r\n\r\n```\r\n简\r\n```\r\n",
        ),
        (
            DocFormat::Vtt,
            "WEBVTT\r\n\r\nNOTE 简\r\n\r\n00:01.000 --> 00:02.000\r\n简\r\n体\r\n",
            "WEBVTT\r\n\r\nNOTE 简\r\n\r\n00:01.000 --> 00:02.000\r\n簡\r\n體\r\n",
        ),
        (DocFormat::Markdown, "![简体](图.png)", "![簡體](图.png)"),
        (
            DocFormat::Markdown,
            "<https://简体.com>",
            "<https://简体.com>",
        ),
        // Not an e-mail autolink (CommonMark wants ASCII there): text.
        (DocFormat::Markdown, "<a@简体.com>", "<a@簡體.com>"),
        (DocFormat::Markdown, "# 简体 {#简体}", "# 簡體 {#简体}"),
        (DocFormat::Markdown, "简\\*体 &amp; 个", "簡\\*體 &amp; 個"),
        (DocFormat::Markdown, "> 简\n> 体", "> 簡\n> 體"),
        (DocFormat::Markdown, "~~简体~~ **个**", "~~簡體~~ **個**"),
        (
            DocFormat::Markdown,
            "```简体\n简体\n```",
            "```简体\n简体\n```",
        ),
        (DocFormat::Markdown, "~~~\n简体\n~~~", "~~~\n简体\n~~~"),
        (DocFormat::Markdown, "    简体", "    简体"),
        (
            DocFormat::Markdown,
            "简<code>体</code>个",
            "簡<code>体</code>個",
        ),
        (DocFormat::Markdown, "a<br/>简", "a<br/>簡"),
        (
            DocFormat::Markdown,
            "简[^体]\n\n[^体]: 个",
            "簡[^体]\n\n[^体]: 個",
        ),
        (DocFormat::Markdown, "- [x] 简体", "- [x] 簡體"),
        (
            DocFormat::Markdown,
            "[简][体]\n\n[体]: /简 \"体\"",
            "[簡][体]\n\n[体]: /简 \"体\"",
        ),
        // Front matter after a BOM.
        (
            DocFormat::Markdown,
            "\u{FEFF}---\nslug: 简体\ntitle: 简体\n---\n简体\n",
            "\u{FEFF}---\nslug: 简体\ntitle: 簡體\n---\n簡體\n",
        ),
        (
            DocFormat::Markdown,
            "\u{FEFF}+++\nslug = \"简体\"\ntitle = \"简体\"\n+++\n简体\n",
            "\u{FEFF}+++\nslug = \"简体\"\ntitle = \"簡體\"\n+++\n簡體\n",
        ),
        (DocFormat::Markdown, "\u{FEFF}# 简体", "\u{FEFF}# 簡體"),
        // Front matter: URLs in values, paths and keys of paths are kept.
        (
            DocFormat::Markdown,
            "---\ndescription: 简 https://简体.com/个 体\nfeatured_image: 简体\nogImage: 简体\ncover_url: 简\npost-id: 简\nprofile: 简体\nlogo: 简.svg\nicon: 简\nhero: /图/简体.png\nnext: ../简体\nhome: https://简.com\nmail: mailto:简@简.com\ntitle: 简体.个\ngallery:\n  - ./简体.jpg\n  - 简体\n  - 简体.PNG\nsummary: |\n  简 http://简.com\n---\n",
            "---\ndescription: 簡 https://简体.com/个 體\nfeatured_image: 简体\nogImage: 简体\ncover_url: 简\npost-id: 简\nprofile: 簡體\nlogo: 简.svg\nicon: 简\nhero: /图/简体.png\nnext: ../简体\nhome: https://简.com\nmail: mailto:简@简.com\ntitle: 簡體.個\ngallery:\n  - ./简体.jpg\n  - 簡體\n  - 简体.PNG\nsummary: |\n  簡 http://简.com\n---\n",
        ),
        (
            DocFormat::Markdown,
            "+++\nbanner = \"/图/简体.png\"\nhero_image = \"简体\"\ntitle = \"简体 http://简.com\"\n+++\n",
            "+++\nbanner = \"/图/简体.png\"\nhero_image = \"简体\"\ntitle = \"簡體 http://简.com\"\n+++\n",
        ),
        // Template tags (Hugo, Liquid, Jinja) are kept.
        (
            DocFormat::Markdown,
            "{{< figure src=\"/图/简体.png\" title=\"简体\" >}}\n\n简体 {% include 简体.html %} {{ 简体 | 个 }} {{% 简 %}}个\n",
            "{{< figure src=\"/图/简体.png\" title=\"简体\" >}}\n\n簡體 {% include 简体.html %} {{ 简体 | 个 }} {{% 简 %}}個\n",
        ),
        (
            DocFormat::Markdown,
            "{{<figure title=\"简\">}} *简* {{< x\n  title=\"简_体_\" >}}简\n",
            "{{<figure title=\"简\">}} *簡* {{< x\n  title=\"简_体_\" >}}簡\n",
        ),
        (
            DocFormat::Markdown,
            "{简体} {{ 简\n\n体 }}",
            "{簡體} {{ 簡\n\n體 }}",
        ),
        (
            DocFormat::Markdown,
            "{{ 简\r\n\r\n体 }} {% 个",
            "{{ 簡\r\n\r\n體 }} {% 個",
        ),
        // Shortcut and collapsed references: the text is the label.
        (
            DocFormat::Markdown,
            "这[鼠标]、[鼠标][]和![鼠标]。\n\n[鼠标]: https://example.com/\n",
            "這[鼠标]、[鼠标][]和![鼠标]。\n\n[鼠标]: https://example.com/\n",
        ),
        (
            DocFormat::Markdown,
            "[*简体*] 个\n\n[*简体*]: /u\n",
            "[*简体*] 個\n\n[*简体*]: /u\n",
        ),
        (
            DocFormat::Markdown,
            "+++\n标题 = \"简体\"\n[表]\n+++\n简",
            "+++\n标题 = \"簡體\"\n[表]\n+++\n簡",
        ),
        // Bare URLs are not text (they end at white space, `<`, `"` or
        // Chinese punctuation; trailing ASCII punctuation is text).
        (
            DocFormat::Markdown,
            "见 https://简体.com/个。简体",
            "见 https://简体.com/个。簡體",
        ),
        (
            DocFormat::Markdown,
            "见http://简.com/体, 个",
            "见http://简.com/体, 個",
        ),
        (DocFormat::Markdown, "简http://", "簡http://"),
        (DocFormat::Markdown, "xhttp://简", "xhttp://簡"),
        // HTML.
        (DocFormat::Html, "<p>简体</p>", "<p>簡體</p>"),
        (
            DocFormat::Html,
            "<p>见 HTTPS://简.com/体&amp;个 简</p>",
            "<p>见 HTTPS://简.com/体&amp;个 簡</p>",
        ),
        (
            DocFormat::Html,
            "<p>简&amp;体&#20013;个</p>",
            "<p>簡&amp;體&#20013;個</p>",
        ),
        (
            DocFormat::Html,
            "<p title=简体 class=简体>",
            "<p title=簡體 class=简体>",
        ),
        (DocFormat::Html, "<html lang=zh-CN>", "<html lang=zh-TW>"),
        (DocFormat::Html, "<html LANG='ZH'>", "<html LANG='zh-TW'>"),
        (
            DocFormat::Html,
            "<p lang=\"cmn-Hans\" xml:lang=\"zh\">",
            "<p lang=\"zh-TW\" xml:lang=\"zh-TW\">",
        ),
        (DocFormat::Html, "<p lang=ja>简体", "<p lang=ja>簡體"),
        (
            DocFormat::Html,
            "<script>简体</script><style>简体</style>",
            "<script>简体</script><style>简体</style>",
        ),
        (
            DocFormat::Html,
            "<pre>简<b>体</b></pre>个",
            "<pre>简<b>体</b></pre>個",
        ),
        (
            DocFormat::Html,
            "<code>简</code><textarea>体</textarea>",
            "<code>简</code><textarea>体</textarea>",
        ),
        (DocFormat::Html, "<!-- 简体 -->", "<!-- 简体 -->"),
        (
            DocFormat::Html,
            "<title>简体</title>",
            "<title>簡體</title>",
        ),
        (
            DocFormat::Html,
            "<img alt='简体' src=简体.png>",
            "<img alt='簡體' src=简体.png>",
        ),
        (
            DocFormat::Html,
            "<input placeholder=\"简\" aria-label=\"体\" value=\"个\">",
            "<input placeholder=\"簡\" aria-label=\"體\" value=\"个\">",
        ),
        (
            DocFormat::Html,
            "<a href=\"/简体\">简体</a>",
            "<a href=\"/简体\">簡體</a>",
        ),
        // SubRip.
        (
            DocFormat::Srt,
            "1\n00:00:01,000 --> 00:00:02,000\n简体\n",
            "1\n00:00:01,000 --> 00:00:02,000\n簡體\n",
        ),
        (
            DocFormat::Srt,
            "00:00:01.5 --> 00:00:02.5\n<b>简</b>{\\an8}体\n",
            "00:00:01.5 --> 00:00:02.5\n<b>簡</b>{\\an8}體\n",
        ),
        // Blank lines inside a cue's text stay in it.
        (
            DocFormat::Srt,
            "1\n00:00:01,000 --> 00:00:02,000\n简\n\n体\n\n2\n00:00:03,000 --> 00:00:04,000\n个",
            "1\n00:00:01,000 --> 00:00:02,000\n簡\n\n體\n\n2\n00:00:03,000 --> 00:00:04,000\n個",
        ),
        // WebVTT.
        (
            DocFormat::Vtt,
            "WEBVTT 简体\n\n00:01.000 --> 00:02.000\n简体\n",
            "WEBVTT 简体\n\n00:01.000 --> 00:02.000\n簡體\n",
        ),
        (
            DocFormat::Vtt,
            "WEBVTT\n\n简体\n00:01.000 --> 00:02.000 align:start\n<v 简体>简体\n",
            "WEBVTT\n\n简体\n00:01.000 --> 00:02.000 align:start\n<v 简体>簡體\n",
        ),
        // JSON.
        (
            DocFormat::Json,
            r#"{"简体": "简体"}"#,
            r#"{"简体": "簡體"}"#,
        ),
        (
            DocFormat::Json,
            r#"["\u7b80\u4f53", "a\n简"]"#,
            r#"["\u7c21\u9ad4", "a\n簡"]"#,
        ),
        (DocFormat::Json, "\u{FEFF}\"简体\"", "\u{FEFF}\"簡體\""),
        (
            DocFormat::Json,
            "[1, true, null, {}]",
            "[1, true, null, {}]",
        ),
    ];
    let options = opts(Some("zh-TW"), false);
    for (format, input, want) in cases {
        same(&hant(*format, input, &options), want, input);
        assert_eq!(
            identity(*format, input, &opts(None, false)).as_deref(),
            Ok(*input)
        );
    }
}

#[test]
fn errors() {
    let cases: &[(DocFormat, &str, usize, usize, &str)] = &[
        (
            DocFormat::Srt,
            "1\n00:00:01,000 -> 00:00:02,000\n",
            2,
            1,
            "syntax error: expected a timing line after the cue number",
        ),
        (
            DocFormat::Srt,
            "1\n00:00:01,000 --> 00:00:2,000\nx\n",
            2,
            24,
            "syntax error: malformed timing line",
        ),
        (
            DocFormat::Srt,
            "简体\n",
            1,
            1,
            "syntax error: expected a cue number or a timing line",
        ),
        (
            DocFormat::Srt,
            "\u{FEFF}1\r\n00:0:01,000 --> 00:00:02,000\r\n",
            2,
            4,
            "syntax error: malformed",
        ),
        (
            DocFormat::Srt,
            "1\n",
            2,
            1,
            "syntax error: expected a timing line",
        ),
        (
            DocFormat::Vtt,
            "简体\n",
            1,
            1,
            "syntax error: a WebVTT file must start with the line WEBVTT",
        ),
        (DocFormat::Vtt, "WEBVTTX\n", 1, 1, "syntax error: a WebVTT"),
        (
            DocFormat::Vtt,
            "WEBVTT\n\n00:00:01,000 --> 00:00:02.000\n",
            3,
            9,
            "syntax error: malformed timing line",
        ),
        (
            DocFormat::Vtt,
            "WEBVTT\n\n00:01.000 -->00:02.000\n",
            3,
            14,
            "syntax error: malformed timing line",
        ),
        (
            DocFormat::Vtt,
            "WEBVTT\n\nid\n简体\n",
            4,
            1,
            "syntax error: expected a timing line after the cue identifier",
        ),
        (
            DocFormat::Json,
            "{\"a\": }",
            1,
            7,
            "syntax error: expected value",
        ),
        (
            DocFormat::Json,
            "[1,\n 2,]",
            2,
            4,
            "syntax error: expected value",
        ),
        (
            DocFormat::Html,
            "<p>简</p><select><xmp><script>x</script></select>",
            1,
            9,
            "cannot rewrite this html: markup a streaming parser",
        ),
    ];
    for (format, input, line, column, message) in cases {
        let e = identity(*format, input, &DocOptions::default())
            .err()
            .unwrap_or_else(|| panic!("no error for {input:?}"));
        assert_eq!((e.line(), e.column()), (*line, *column), "{input:?}: {e}");
        assert!(e.kind().to_string().starts_with(message), "{input:?}: {e}");
        assert!(
            e.to_string().starts_with(&format!("{line}:{column}: ")),
            "{e}"
        );
    }
}

#[test]
fn json_keys() {
    let input = r#"{"简体": {"个": "个", "a": ["简"]}, "\u5f00": 1, "简": "体"}"#;
    let want = r#"{"簡體": {"個": "個", "a": ["簡"]}, "\u958b": 1, "簡": "體"}"#;
    same(
        &hant(DocFormat::Json, input, &opts(None, true)),
        want,
        "keys",
    );
    // Keys that become equal in one object are an error, not a merge.
    let dup = "{\"a\": 1,\n \"简体\": 1, \"簡體\": 2}";
    let e = convert_document(DocFormat::Json, dup, &opts(None, true), &mut to_hant)
        .err()
        .unwrap_or_else(|| panic!("no error"));
    assert_eq!(
        e.kind(),
        &ErrorKind::DuplicateKey {
            key: "簡體".to_string()
        }
    );
    assert_eq!((e.line(), e.column(), e.offset()), (2, 11, 23));
    // In different objects, or without json_keys, they are fine.
    let apart = r#"[{"简体": 1}, {"簡體": 2}]"#;
    same(
        &hant(DocFormat::Json, apart, &opts(None, true)),
        r#"[{"簡體": 1}, {"簡體": 2}]"#,
        "apart",
    );
    same(
        &hant(DocFormat::Json, dup, &opts(None, false)),
        dup,
        "values only",
    );
    // A key already written twice stays twice.
    let twice = r#"{"简": 1, "简": 2}"#;
    same(
        &hant(DocFormat::Json, twice, &opts(None, true)),
        r#"{"簡": 1, "簡": 2}"#,
        "twice",
    );
}

// ------------------------------------------------------- documents of traps

const MARKDOWN: &str = r#"---
title: 简体标题
slug: 简体
tags:
  - 简体
  - 发开
# 简体注释
---

# 简体标题 {#简体}

这个 `简体 code` 是*简体*和**简体**，见[简体链接](https://例子.com/文件 "简体说明")。
第二行 ![简体图](图片.png '图') <https://例子.com/简体> 。

```rust
// 简体
let s = "简体";
```

    indented 简体

<div title="简体">
简体 <code>简体</code>
<script>var s = "简体";</script>
</div>

<span title="简体">简体</span> 和 <code>简体</code> 个。

| 简体 | `简体` |
|------|--------|
| 简体 | [链接][ref] |

[ref]: https://例子.com/简体 "简体"

> 引用简体
> 第二行简体

- [ ] 简体任务
- 简体\*转义\* &amp; 简体
"#;

const MARKDOWN_HANT: &str = r#"---
title: 簡體標題
slug: 简体
tags:
  - 簡體
  - 發開
# 简体注释
---

# 簡體標題 {#简体}

這個 `简体 code` 是*簡體*和**簡體**，见[簡體鏈接](https://例子.com/文件 "簡體說明")。
第二行 ![簡體圖](图片.png '圖') <https://例子.com/简体> 。

```rust
// 简体
let s = "简体";
```

    indented 简体

<div title="簡體">
簡體 <code>简体</code>
<script>var s = "简体";</script>
</div>

<span title="簡體">簡體</span> 和 <code>简体</code> 個。

| 簡體 | `简体` |
|------|--------|
| 簡體 | [鏈接][ref] |

[ref]: https://例子.com/简体 "简体"

> 引用簡體
> 第二行簡體

- [ ] 簡體任务
- 簡體\*转义\* &amp; 簡體
"#;

const HTML: &str = r#"<!DOCTYPE html>
<!-- 简体注释 -->
<html lang="zh-CN">
<head>
<meta charset=utf-8>
<title>简体标题 &amp; 简体</title>
<style>body::before { content: "简体"; }</style>
<script>if (a < b && c > d) { s = "简体</p>"; }</script>
<script type="text/javascript"><![CDATA[ var s = "简体<b>"; ]]></script>
</head>
<BODY>
<p class=intro title='简体说明' data-x="简体">简体&nbsp;文字&#20013;简体<br/>第二行
<p>未闭合 <b>简体</b><img src="图片.png" alt="简体图" ALT2=x>
<pre>简体 <b>简体</b></pre>
<code>简体</code> 之后简体
<input placeholder=简体 aria-label="简体标签" value="简体" disabled>
<textarea>简体</textarea>
<div lang='zh-Hans' xml:lang=zh>简体</div><span lang=en>简体</span>
<a href="https://例子.com/简体?q=简体&amp;x=1">简体链接</a>
<svg><title>简体</title><text>简体</text></svg>
</BODY>
</html>
"#;

const HTML_HANT: &str = r#"<!DOCTYPE html>
<!-- 简体注释 -->
<html lang="zh-TW">
<head>
<meta charset=utf-8>
<title>簡體標題 &amp; 簡體</title>
<style>body::before { content: "简体"; }</style>
<script>if (a < b && c > d) { s = "简体</p>"; }</script>
<script type="text/javascript"><![CDATA[ var s = "简体<b>"; ]]></script>
</head>
<BODY>
<p class=intro title='簡體說明' data-x="简体">簡體&nbsp;文字&#20013;簡體<br/>第二行
<p>未闭合 <b>簡體</b><img src="图片.png" alt="簡體圖" ALT2=x>
<pre>简体 <b>简体</b></pre>
<code>简体</code> 之后簡體
<input placeholder=簡體 aria-label="簡體標籤" value="简体" disabled>
<textarea>简体</textarea>
<div lang='zh-TW' xml:lang=zh-TW>簡體</div><span lang=en>簡體</span>
<a href="https://例子.com/简体?q=简体&amp;x=1">簡體鏈接</a>
<svg><title>簡體</title><text>簡體</text></svg>
</BODY>
</html>
"#;

const SRT: &str = "\u{FEFF}1\r\n00:00:01,000 --> 00:00:02,500\r\n<i>简体</i>字幕\r\n{\\an8}第二行简体\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000 X1:10 X2:20 Y1:1 Y2:2\r\n这个简体 &amp; <font color=\"#ff0000\">那个</font>\r\n\r\n3\r\n00:00:05,000 --> 00:00:06,000\r\n简体\r\n4\r\n00:00:07,000 --> 00:00:08,000\r\n123\r\n个\r\n";

const SRT_HANT: &str = "\u{FEFF}1\r\n00:00:01,000 --> 00:00:02,500\r\n<i>簡體</i>字幕\r\n{\\an8}第二行簡體\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000 X1:10 X2:20 Y1:1 Y2:2\r\n這個簡體 &amp; <font color=\"#ff0000\">那個</font>\r\n\r\n3\r\n00:00:05,000 --> 00:00:06,000\r\n簡體\r\n4\r\n00:00:07,000 --> 00:00:08,000\r\n123\r\n個\r\n";

const VTT: &str = "WEBVTT - 简体标题
Kind: captions
Language: zh-CN

NOTE 简体注释
继续简体

STYLE
::cue(.yellow) { color: yellow; content: \"简体\" }

REGION
id:简体 width:40%

简体标识
00:00:01.000 --> 00:00:02.000 align:start position:10% region:简体
<v Roger>简体</v> <c.yellow>简体</c> <00:00:01.500>简体 &amp; 简体
<ruby>简<rt>jiǎn</rt></ruby>体

00:01.000 --> 00:02.000
简体第一行
简体第二行
";

const VTT_HANT: &str = "WEBVTT - 简体标题
Kind: captions
Language: zh-CN

NOTE 简体注释
继续简体

STYLE
::cue(.yellow) { color: yellow; content: \"简体\" }

REGION
id:简体 width:40%

简体标识
00:00:01.000 --> 00:00:02.000 align:start position:10% region:简体
<v Roger>簡體</v> <c.yellow>簡體</c> <00:00:01.500>簡體 &amp; 簡體
<ruby>簡<rt>jiǎn</rt></ruby>體

00:01.000 --> 00:02.000
簡體第一行
簡體第二行
";

const JSON: &str = r#"{
  "简体": "简体",
  "nested": {"k": ["简体", 1, -2.5e3, true, null, "\u7b80\u4f53"]},
  "esc": "简体\n\"引号\"\t个",
  "": "",
  "url": "https://例子.com/简体"
}
"#;

const JSON_HANT: &str = r#"{
  "简体": "簡體",
  "nested": {"k": ["簡體", 1, -2.5e3, true, null, "\u7c21\u9ad4"]},
  "esc": "簡體\n\"引号\"\t個",
  "": "",
  "url": "https://例子.com/简体"
}
"#;

fn documents() -> [(DocFormat, &'static str, &'static str); 6] {
    [
        (DocFormat::Text, MARKDOWN, TEXT_HANT_OF_MARKDOWN),
        (DocFormat::Markdown, MARKDOWN, MARKDOWN_HANT),
        (DocFormat::Html, HTML, HTML_HANT),
        (DocFormat::Srt, SRT, SRT_HANT),
        (DocFormat::Vtt, VTT, VTT_HANT),
        (DocFormat::Json, JSON, JSON_HANT),
    ]
}

/// Plain text: every character, Markdown syntax or not.
const TEXT_HANT_OF_MARKDOWN: &str = "";

#[test]
fn documents_of_traps() {
    let options = opts(Some("zh-TW"), false);
    for (format, input, want) in documents() {
        let want = if want.is_empty() {
            to_hant(input)
        } else {
            want.to_string()
        };
        same(&hant(format, input, &options), &want, format.name());
        assert_eq!(
            identity(format, input, &opts(None, false)).as_deref(),
            Ok(input),
            "{}",
            format.name()
        );
    }
}

/// Runs are whole text nodes or paragraph pieces, never markup.
#[test]
fn runs_are_whole() {
    let options = DocOptions::default();
    assert_eq!(
        runs(
            DocFormat::Html,
            "<p>简&amp;体<!-- x -->个\n  <b>发</b></p>",
            &options
        ),
        ["简", "体", "个\n  ", "发"]
    );
    assert_eq!(
        runs(
            DocFormat::Markdown,
            "简体\n个 *开* 关\n\n> 一\n> 二",
            &options
        ),
        ["简体\n个 ", "开", " 关", "一\n> 二"]
    );
    assert_eq!(
        runs(
            DocFormat::Srt,
            "1\n00:00:01,000 --> 00:00:02,000\n简<i>体</i>\n个\n",
            &options
        ),
        ["简", "体", "\n个"]
    );
    assert_eq!(runs(DocFormat::Text, "a\nb\n", &options), ["a\nb\n"]);
    // A long text node reaches the rewriter in pieces; it is still one run.
    let long = "简体".repeat(100_000);
    let html = format!("<p>{long}</p>");
    assert_eq!(runs(DocFormat::Html, &html, &options), [long]);
}

// ------------------------------------------ what the converter never sees

/// A converter that fails the test when it is handed a sentinel.
fn guarded(sentinels: &'static [&'static str]) -> impl FnMut(&str) -> String {
    move |s: &str| {
        for bad in sentinels {
            assert!(!s.contains(bad), "the converter was handed {s:?}");
        }
        to_hant(s)
    }
}

#[test]
fn code_urls_timings_and_keys_are_never_converted() {
    let cases: &[(DocFormat, &str)] = &[
        (
            DocFormat::Markdown,
            "---\nCODE: 简体\nCODE2:\n  - 简体\n---\n简体 `CODE` [简](https://CODE.com \"体\") ![简](CODE.png)\n<https://CODE.com> <code>CODE</code> <span title=\"简\" data-CODE=1>体</span>\n\n```CODE\nCODE\n```\n\n    CODE\n\n<script>\nCODE\n</script>\n\n# 简体 {#CODE .CODE}\n\n[简]: https://CODE.com\n\n<!-- CODE -->\n",
        ),
        (
            DocFormat::Html,
            "<!DOCTYPE CODE><!--CODE--><p CODE=CODE title=简体>简体<script>CODE</script><style>CODE</style><pre>CODE<i>CODE</i></pre><code>CODE</code><textarea>CODE</textarea><a href=CODE>简体</a><svg><![CDATA[CODE]]></svg><?CODE?>",
        ),
        (
            DocFormat::Srt,
            "1\n00:00:01,000 --> 00:00:02,000 X1:CODE\n<i CODE>简</i>{\\CODE}体\n",
        ),
        (
            DocFormat::Vtt,
            "WEBVTT CODE\nCODE: x\n\nNOTE CODE\nCODE\n\nSTYLE\nCODE\n\nREGION\nid:CODE\n\nCODE\n00:01.000 --> 00:02.000 CODE:1\n<v CODE>简</v><c.CODE>体</c>&CODE;\n",
        ),
        (
            DocFormat::Json,
            "{\"CODE\": \"简体\", \"a\": {\"CODE\": [\"简\", {\"CODE\": 1}]}}",
        ),
    ];
    for (format, input) in cases {
        let out = convert_document(
            *format,
            input,
            &DocOptions::default(),
            &mut guarded(&["CODE"]),
        );
        assert!(out.is_ok(), "{input}: {out:?}");
        assert!(out.is_ok_and(|o| o.contains('簡')), "{input}");
    }
}

// ------------------------------------------------------ generated documents

const MD_CHAOS: &[&str] = &[
    "简体",
    "个",
    " ",
    "\n",
    "\n\n",
    "`",
    "``",
    "*",
    "_",
    "[",
    "]",
    "(",
    ")",
    "!",
    "<",
    ">",
    "&amp;",
    "&",
    "#",
    "\\",
    "---\n",
    "+++\n",
    "```\n",
    "~~~",
    "    ",
    "> ",
    "- ",
    "1. ",
    "|",
    "|---|",
    "<span title=\"简体\">",
    "</span>",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "\"",
    "'",
    "title: 简体\n",
    "\r\n",
    "\t",
    "[^1]",
    "{#id}",
    "http://x.com",
    "<https://例子.com>",
    "$",
    "~~",
    "[ ] ",
    "<code>",
    "</code>",
    "<pre>",
    "=",
    ":",
    "\u{FEFF}",
    "é",
    "\u{0}",
];

const HTML_CHAOS: &[&str] = &[
    "简体",
    "个",
    " ",
    "\n",
    "<p>",
    "</p>",
    "<br/>",
    "<b title='简体'>",
    "</b>",
    "<script>",
    "</script>",
    "<style>",
    "</style>",
    "<pre>",
    "</pre>",
    "<code>",
    "</code>",
    "<textarea>",
    "</textarea>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "&amp;",
    "&#20013;",
    "&",
    "<",
    ">",
    "\"",
    "'",
    "=",
    "<img alt=简体>",
    "<div lang=zh-CN>",
    "<!DOCTYPE html>",
    "<svg>",
    "</svg>",
    "<title>",
    "</title>",
    "<select>",
    "<xmp>",
    "<table>",
    "<td>",
    "<a href=\"简体\">",
    "</a>",
    "<?x?>",
    "</",
    "<p title=\"简",
    "\u{FEFF}",
    "<math>",
    "<noscript>",
    "<template>",
];

const SUB_CHAOS: &[&str] = &[
    "1\n",
    "2\r\n",
    "00:00:01,000 --> 00:00:02,000\n",
    "00:01.000 --> 00:02.000 align:start\n",
    "简体",
    "个",
    "\n",
    "\r\n",
    "<i>",
    "</i>",
    "{\\an8}",
    "-->",
    "00:",
    "&amp;",
    " ",
    "NOTE ",
    "STYLE\n",
    "<v Roger>",
    "<00:00:01.000>",
    ",",
    ".",
    "\u{FEFF}",
    "<",
    "{",
];

/// Cue text: no line breaks, so the cue stays one block.
const SUB_TEXT: &[&str] = &[
    "简体",
    "个",
    "<i>",
    "</i>",
    "{\\an8}",
    "-->",
    "00:",
    "&amp;",
    " ",
    "NOTE ",
    "<v Roger>",
    "<00:00:01.000>",
    ",",
    ".",
    "\u{FEFF}",
    "<",
    "{",
    "1",
    "<c.x>",
    "&",
];

const JSON_CHAOS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"简体\"",
    "\"个\"",
    "\"\\u7b80\"",
    "\"\\\"\"",
    "1",
    "true",
    "null",
    " ",
    "\n",
    "\"",
    "\\",
    "\"a\"",
    "\"簡\"",
    "-0.5e2",
];

/// Subtitles: cues whose lines are made of chaos, now and then a line of
/// chaos between them.
fn subtitles(rng: &mut Rng, vtt: bool) -> String {
    let mut out = String::new();
    if vtt {
        out.push_str(rng.pick(&["WEBVTT\n\n", "WEBVTT 简体\r\n\r\n", "\u{FEFF}WEBVTT\n"]));
    } else if rng.below(5) == 0 {
        out.push('\u{FEFF}');
    }
    let newline = if rng.below(3) == 0 { "\r\n" } else { "\n" };
    for k in 0..rng.below(6) {
        if rng.below(10) == 0 {
            out.push_str(&rng.doc(SUB_CHAOS, 6));
        }
        if rng.below(2) == 0 {
            out.push_str(&format!("{k}{newline}"));
        }
        let timing = if vtt {
            rng.pick(&[
                "00:01.000 --> 00:02.000",
                "01:00:01.000 --> 01:00:02.000 align:start",
            ])
        } else {
            rng.pick(&[
                "00:00:01,000 --> 00:00:02,000",
                "00:00:01.5 --> 00:00:02,000 X1:1",
            ])
        };
        out.push_str(timing);
        out.push_str(newline);
        for _ in 0..rng.below(3) + 1 {
            out.push_str(&rng.doc(SUB_TEXT, 8));
            out.push_str(newline);
        }
        out.push_str(newline);
    }
    out
}

/// A valid JSON value, strings drawn from text, escapes and keys that
/// may collide once converted.
fn json_value(rng: &mut Rng, depth: usize) -> String {
    const STRINGS: &[&str] = &[
        "\"简体\"",
        "\"个\"",
        "\"简\"",
        "\"簡\"",
        "\"\\u7b80\\u4f53\"",
        "\"a\\n\\\"简\"",
        "\"\"",
        "\"  \"",
        "\"&amp;\"",
        "\"\\ud83d\\ude00简\"",
        "\"\\ud800简\"",
    ];
    const WS: &[&str] = &["", " ", "\n  ", "\r\n", "\t"];
    let kind = if depth > 4 {
        2 + rng.below(2)
    } else {
        rng.below(4)
    };
    match kind {
        0 => {
            let items: Vec<String> = (0..rng.below(4))
                .map(|_| {
                    format!(
                        "{}{}{}",
                        rng.pick(WS),
                        json_value(rng, depth + 1),
                        rng.pick(WS)
                    )
                })
                .collect();
            format!("[{}]", items.join(","))
        }
        1 => {
            let items: Vec<String> = (0..rng.below(4))
                .map(|_| {
                    let key = rng.pick(STRINGS);
                    format!(
                        "{}{key}{}:{}",
                        rng.pick(WS),
                        rng.pick(WS),
                        json_value(rng, depth + 1)
                    )
                })
                .collect();
            format!("{{{}}}", items.join(","))
        }
        2 => rng.pick(STRINGS).to_string(),
        _ => rng
            .pick(&["1", "-0.5e3", "true", "false", "null"])
            .to_string(),
    }
}

/// Every generated document: identity gives the input back (or an
/// error), and the stand-in converter changes nothing but text: mapping
/// its output back to Simplified gives the input again.
#[test]
fn generated_documents_keep_every_other_byte() {
    let mut rng = Rng(0x5EED_0008);
    let sets: [(DocFormat, &[&str], &str); 6] = [
        (DocFormat::Text, MD_CHAOS, ""),
        (DocFormat::Markdown, MD_CHAOS, ""),
        (DocFormat::Html, HTML_CHAOS, ""),
        (DocFormat::Srt, SUB_CHAOS, ""),
        (DocFormat::Vtt, SUB_CHAOS, "WEBVTT\n\n"),
        (DocFormat::Json, JSON_CHAOS, ""),
    ];
    let mut converted = [0usize; 6];
    for (i, (format, pieces, prefix)) in sets.iter().enumerate() {
        for _ in 0..2000 {
            let input = match format {
                DocFormat::Srt | DocFormat::Vtt => subtitles(&mut rng, *format == DocFormat::Vtt),
                DocFormat::Json => {
                    let mut doc = json_value(&mut rng, 0);
                    if rng.below(10) == 0 {
                        doc.push_str(rng.pick(pieces));
                    }
                    doc
                }
                _ => format!("{prefix}{}", rng.doc(pieces, 40)),
            };
            for options in [opts(Some("zh-TW"), false), opts(None, true)] {
                let keep = opts(None, options.json_keys);
                match identity(*format, &input, &keep) {
                    Ok(out) => assert_eq!(out, input, "{}: identity", format.name()),
                    Err(_) => continue,
                }
                match convert_document(*format, &input, &options, &mut to_hant) {
                    Ok(out) => {
                        let back = to_hans(&out).replace("zh-TW", "zh-CN");
                        // `lang` values change by design; text in JSON `\u`
                        // escapes is converted and stays escaped.
                        let hant = input.chars().any(|c| PAIRS.iter().any(|p| p.1 == c));
                        if !input.contains("lang=") && !input.contains("\\u") && !hant {
                            same(&back, &input, format.name());
                        }
                        if out != input {
                            converted[i] += 1;
                        }
                    }
                    Err(e) => {
                        // Only keys colliding may fail where identity did not.
                        assert!(
                            matches!(e.kind(), ErrorKind::DuplicateKey { .. }),
                            "{}: {e}\n{input}",
                            format.name()
                        );
                    }
                }
            }
        }
    }
    // The generators reach the converting paths, not only errors.
    for (n, (format, ..)) in converted.iter().zip(&sets) {
        assert!(*n > 300, "{}: only {n} documents converted", format.name());
    }
}

/// Documents built from pieces that keep their meaning wherever they land:
/// the converter never sees a sentinel.
#[test]
fn generated_documents_never_hand_over_code() {
    let mut rng = Rng(0xC0DE);
    const INLINE: &[&str] = &[
        "简体",
        "`CODE`",
        "*简体*",
        "[简体](https://CODE.com \"简体\")",
        "![简体](CODE.png)",
        "<https://CODE.com>",
        "<span title=\"简体\" class=\"CODE\">简体</span>",
        "<code>CODE</code>",
        "&amp;",
        "\\*",
        "\n",
        "**个**",
    ];
    const BLOCKS: &[&str] = &[
        "```\nCODE 简体\n```",
        "# 简体 {#CODE}",
        "> 简体 `CODE`",
        "- 简体 `CODE`",
        "| 简体 | `CODE` |\n|---|---|\n| `CODE` | 简体 |",
        "<div title=\"简体\">\n<script>CODE</script>\n</div>",
        "<pre>\nCODE\n</pre>",
        "<!-- CODE -->",
        "[CODE]: https://CODE.com",
        "~~~CODE\nCODE\n~~~",
    ];
    const HTML: &[&str] = &[
        "简体 ",
        "<p title=\"简体\">",
        "<script>CODE</script>",
        "<style>CODE{}</style>",
        "<pre>CODE <b>CODE</b></pre>",
        "<code>CODE</code>",
        "<textarea>CODE</textarea>",
        "<!-- CODE -->",
        "<a href=\"https://CODE.com\">简体</a>",
        "<img src=\"CODE.png\" alt=\"简体\">",
        "<div data-x=\"CODE\">",
        "</div>",
        "&amp;",
        "<br/>",
        "</p>",
    ];
    for _ in 0..2000 {
        // Markdown: blocks and paragraphs of inline pieces.
        let mut md = String::new();
        if rng.below(4) == 0 {
            md.push_str("---\nCODE: 简体\n---\n");
        }
        for _ in 0..rng.below(8) {
            if rng.below(2) == 0 {
                md.push_str(rng.pick(BLOCKS));
            } else {
                let n = rng.below(8) + 1;
                let inline: Vec<&str> = (0..n).map(|_| rng.pick(INLINE)).collect();
                md.push_str("简 ");
                md.push_str(&inline.join(" "));
            }
            md.push_str("\n\n");
        }
        let html = rng.doc(HTML, 30);
        let mut srt = String::new();
        let mut vtt = String::from("WEBVTT CODE\n\nNOTE CODE\n\n");
        for k in 0..rng.below(6) {
            let text = rng.doc(&["简体", "<i>", "</i>", "{\\an8}", "&amp;", " ", "个"], 8);
            let text = if text.trim().is_empty() { "简" } else { &text };
            srt.push_str(&format!(
                "{k}\n00:00:0{k},000 --> 00:00:0{k},500\n{text}\n\n"
            ));
            vtt.push_str(&format!(
                "CODE{k}\n00:0{k}.000 --> 00:0{k}.500 CODE:1\n{text}\n\n"
            ));
        }
        for (format, input) in [
            (DocFormat::Markdown, &md),
            (DocFormat::Html, &html),
            (DocFormat::Srt, &srt),
            (DocFormat::Vtt, &vtt),
        ] {
            let sentinels: &'static [&'static str] = &["CODE", "-->", "00:0"];
            let out = convert_document(
                format,
                input,
                &DocOptions::default(),
                &mut guarded(sentinels),
            );
            assert!(out.is_ok(), "{}: {out:?}\n{input}", format.name());
        }
    }
}

#[test]
fn json_escapes_keep_their_spelling() {
    let input = r#"{"html": "\u003cb\u003e简体\u003c/b\u003e \u0026 \/", "u": ["\u7B80\u4F53", "\u7b80\u4f53"], "k\u4e2a": "\uD83D\uDE00简"}"#;
    let want = r#"{"html": "\u003cb\u003e簡體\u003c/b\u003e \u0026 \/", "u": ["\u7C21\u9AD4", "\u7c21\u9ad4"], "k\u500b": "\uD83D\uDE00簡"}"#;
    same(
        &hant(DocFormat::Json, input, &opts(None, true)),
        want,
        "json",
    );
}

#[test]
fn json_lone_surrogate_is_left_alone() {
    let input = r#"["简\ud800体", "\udc00"]"#;
    let out = convert_document(DocFormat::Json, input, &DocOptions::default(), &mut to_hant);
    assert_eq!(out.as_deref(), Ok(r#"["簡\ud800體", "\udc00"]"#));
}

/// A converter that writes markup or syntax (as a glossary term could) is
/// refused where it would change the document; JSON escapes it instead.
#[test]
fn converted_text_cannot_change_the_markup() {
    let cases: &[(DocFormat, &str, &str)] = &[
        (DocFormat::Html, "<p title=\"简\">简体</p>", "<script>"),
        (DocFormat::Html, "<p title=\"简\">体</p>", "\" onload=\"x"),
        (DocFormat::Html, "<p>简体 &amp; 文</p>", "</p><p>"),
        (DocFormat::Markdown, "简体文字\n", "[x](http://e.com)"),
        (DocFormat::Markdown, "# 简体\n\n正文\n", "\n\n# "),
        (
            DocFormat::Markdown,
            "简 <span title=\"简\">体</span>\n",
            "<b>",
        ),
        (
            DocFormat::Srt,
            "1\n00:00:01,000 --> 00:00:02,000\n简体\n",
            "\n\n2\n00:00:03,000 --> 00:00:04,000\n",
        ),
        (
            DocFormat::Vtt,
            "WEBVTT\n\n00:01.000 --> 00:02.000\n简体\n",
            "\n\n00:03.000 --> 00:04.000\n",
        ),
    ];
    for &(format, input, inject) in cases {
        let result = convert_document(format, input, &DocOptions::default(), &mut |s| {
            s.replace('简', inject)
        });
        match result {
            Err(e) => assert_eq!(
                e.kind(),
                &ErrorKind::StructureChanged { key: None },
                "{input}"
            ),
            Ok(out) => panic!("{format:?} {input:?} became {out:?}"),
        }
    }
    let out = convert_document(
        DocFormat::Json,
        "{\"a\": \"简体\"}",
        &DocOptions::default(),
        &mut |s| s.replace('简', "\"}, \"b\": {\""),
    )
    .unwrap();
    assert_eq!(out, "{\"a\": \"\\\"}, \\\"b\\\": {\\\"体\"}");
}

/// Unclosed template tags everywhere: each closer is looked for once.
#[test]
fn unclosed_template_tags_are_read_in_linear_time() {
    let input = format!("{}简", "{{ {% {{< {{% x ".repeat(50_000));
    let out = hant(DocFormat::Markdown, &input, &DocOptions::default());
    assert!(out.ends_with('簡'));
}
