use super::*;

/// A stand-in converter: a few Simplified → Traditional characters.
fn to_hant(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '简' => '簡',
            '体' => '體',
            '个' => '個',
            '发' => '發',
            '开' => '開',
            '关' => '關',
            '标' => '標',
            '题' => '題',
            '链' => '鏈',
            '图' => '圖',
            '说' => '說',
            '这' => '這',
            '们' => '們',
            '们' => '們',
            c => c,
        })
        .collect()
}

/// Every run `convert_document` hands over.
fn runs(format: DocFormat, source: &str) -> Vec<String> {
    let mut seen = Vec::new();
    let _ = convert_document(format, source, &DocOptions::default(), &mut |s| {
        seen.push(s.to_string());
        s.to_string()
    });
    seen
}

#[test]
fn explore() {
    let md = "---\ntitle: 简体标题\nslug: 简体\ntags:\n  - 简体\n---\n# 简体 {#id}\n\n简体 `code` *简体* [链接](https://例子.com/文件 \"简体\")\n第二行 ![图](a.png)\n\n```\ncode 简体\n```\n\n<div title=\"简体\">\n简体 <code>CODE</code>\n</div>\n\n<span title=\"简体\">简体</span> <https://例子.com>\n\n| a | b |\n|---|---|\n| 简体 | `c` |\n";
    eprintln!("{:#?}", runs(DocFormat::Markdown, md));
    let html = "<!DOCTYPE html><html lang=zh-CN><title>简体</title><p title='简 &amp; 体'>简体&amp;简体<br/>x<script>CODE</script><pre>CODE<b>CODE</b></pre><code>CODE</code><!-- 简 --><p>after";
    eprintln!("{:#?}", runs(DocFormat::Html, html));
    eprintln!(
        "{:?}",
        convert_document(
            DocFormat::Html,
            html,
            &DocOptions {
                lang: Some("zh-TW".into()),
                ..Default::default()
            },
            &mut to_hant
        )
    );
}
