//! Converts one small document of each format from Simplified Chinese to
//! Taiwan Traditional (`s2twp`) and prints input and output: the examples
//! in docs/formats.md are this program's output.
//!
//! ```console
//! cargo run -p bianyi-rewrite --example doc_formats
//! ```

#![allow(clippy::print_stdout, reason = "an example prints its result")]

use bianyi_convert::{Config, Converter};
use bianyi_rewrite::{DocFormat, DocOptions, convert_document};

const SAMPLES: &[(DocFormat, &str)] = &[
    (
        DocFormat::Markdown,
        r#"---
title: 软件发布说明
slug: 软件-发布
---

# 软件发布说明 {#软件}

打开`设置.json`后，点击[下载页面](https://例子.com/软件 "下载软件")。
<span title="鼠标提示">鼠标</span>

```sh
echo "软件"  # 代码不变
```
"#,
    ),
    (
        DocFormat::Html,
        r#"<html lang="zh-CN">
<title>软件下载</title>
<p class=note title='鼠标提示'>用鼠标打开软件&amp;文件<br/>
<img src="图片/软件.png" alt="软件截图">
<script>var s = "软件";</script>
<pre>软件 --help</pre>
<!-- 注释：软件 -->
"#,
    ),
    (
        DocFormat::Srt,
        "1\r\n00:00:01,000 --> 00:00:03,500\r\n<i>这个软件</i>很好用\r\n{\\an8}鼠标在哪里？\r\n",
    ),
    (
        DocFormat::Vtt,
        "WEBVTT - 软件教程\n\nNOTE 软件注释不变\n\n开场\n00:01.000 --> 00:04.000 align:start position:10%\n<v 老师>打开软件</v> <c.yellow>&amp; 鼠标</c>\n",
    ),
    (
        DocFormat::Json,
        r#"{"软件": "软件下载", "items": ["鼠标", "\u5185\u5b58"], "url": "https://例子.com/软件"}"#,
    ),
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let conv = Converter::new("s2twp".parse::<Config>()?);
    let mut options = DocOptions::default();
    options.lang = Some("zh-TW".to_string());
    for (format, source) in SAMPLES {
        let out = convert_document(*format, source, &options, &mut |s| conv.convert(s))?;
        println!(
            "## {}\n\n--- input\n{source}\n--- output\n{out}\n",
            format.name()
        );
    }
    let mut keys = options.clone();
    keys.json_keys = true;
    if let Some((_, json)) = SAMPLES.iter().find(|(f, _)| *f == DocFormat::Json) {
        let out = convert_document(DocFormat::Json, json, &keys, &mut |s| conv.convert(s))?;
        println!("## json, keys too\n\n{out}\n");
    }
    Ok(())
}
