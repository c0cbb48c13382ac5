//! `bianyi detect`: the script and regional standard of texts.

use std::ffi::OsString;
use std::io::{self, Read, Write};
use std::path::PathBuf;

use bianyi_convert::{Detection, Script, Standard, detect};
use fluent_bundle::FluentValue;

use crate::args::DetectArgs;
use crate::error::{CliError, Source};
use crate::i18n::Localizer;

pub(crate) fn run(args: &DetectArgs, lang: Option<&str>) -> Result<(), CliError> {
    let l = Localizer::from_env(lang);
    let files: Vec<OsString> = if args.files.is_empty() {
        vec!["-".into()]
    } else {
        args.files.clone()
    };
    let mut out = io::stdout().lock();
    let target = Source::Path("-".to_string());
    for f in &files {
        let (source, text) = read(f)?;
        let name = match &source {
            Source::Stdin => "-".to_string(),
            Source::Path(p) => p.clone(),
        };
        let mut lines_out = String::new();
        if args.by_paragraph {
            for (n, para) in text.lines().enumerate() {
                if para.trim().is_empty() {
                    continue;
                }
                lines_out.push_str(&describe(&l, &name, Some(n + 1), &detect(para), args.json));
            }
        } else {
            lines_out.push_str(&describe(&l, &name, None, &detect(&text), args.json));
        }
        match out.write_all(lines_out.as_bytes()) {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(()),
            Err(error) => return Err(CliError::Write { target, error }),
            Ok(()) => {}
        }
    }
    Ok(())
}

pub(crate) fn read(f: &OsString) -> Result<(Source, String), CliError> {
    let (source, mut reader): (Source, Box<dyn Read>) = if f == "-" {
        (Source::Stdin, Box::new(io::stdin().lock()))
    } else {
        let path = PathBuf::from(f);
        let source = Source::path(&path);
        let file = std::fs::File::open(&path).map_err(|error| CliError::Read {
            source: source.clone(),
            error,
        })?;
        (source, Box::new(file))
    };
    let mut bytes = Vec::new();
    reader
        .read_to_end(&mut bytes)
        .map_err(|error| CliError::Read {
            source: source.clone(),
            error,
        })?;
    Ok((source.clone(), utf8_text(source, bytes)?))
}

/// `bytes` as text; invalid UTF-8 is an error naming its position.
pub(crate) fn utf8_text(source: Source, bytes: Vec<u8>) -> Result<String, CliError> {
    String::from_utf8(bytes).map_err(|e| {
        match bianyi_convert::check_utf8(e.as_bytes()).map_err(bianyi_convert::Error::into_kind) {
            Err(bianyi_convert::ErrorKind::InvalidUtf8 { position, bytes }) => {
                CliError::InvalidUtf8 {
                    source,
                    position,
                    bytes,
                }
            }
            _ => CliError::Read {
                source,
                error: io::Error::other(e.to_string()),
            },
        }
    })
}

fn script_key(s: Script) -> &'static str {
    match s {
        Script::Simplified => "simplified",
        Script::Traditional => "traditional",
        Script::Mixed => "mixed",
        Script::Neutral => "neutral",
        _ => "not-chinese",
    }
}

fn standard_key(s: Standard) -> &'static str {
    match s {
        Standard::Taiwan => "taiwan",
        Standard::HongKong => "hong-kong",
        _ => "opencc",
    }
}

fn describe(l: &Localizer, input: &str, line: Option<usize>, d: &Detection, json: bool) -> String {
    if json {
        let mut v = serde_json::json!({
            "input": input,
            "script": script_key(d.script),
            "standard": d.standard.map(standard_key),
            "mainland_origin": d.mainland_origin,
            "counts": {
                "characters": d.counts.characters,
                "han": d.counts.han,
                "simplified": d.counts.simplified,
                "traditional": d.counts.traditional,
                "opencc_forms": d.counts.opencc_forms,
                "taiwan_forms": d.counts.taiwan_forms,
                "hong_kong_forms": d.counts.hong_kong_forms,
                "mainland_vs_taiwan_words": d.counts.mainland_vs_taiwan_words,
                "taiwan_words": d.counts.taiwan_words,
                "mainland_vs_hong_kong_words": d.counts.mainland_vs_hong_kong_words,
                "hong_kong_words": d.counts.hong_kong_words,
            },
        });
        if let (Some(n), Some(obj)) = (line, v.as_object_mut()) {
            obj.insert("line".to_string(), n.into());
        }
        return format!("{v}\n");
    }
    let s = |v: &str| FluentValue::from(v.to_string());
    let mut text = l.msg(&format!("detect-script-{}", script_key(d.script)), &[]);
    if let Some(standard) = d.standard {
        let standard = l.msg(&format!("detect-standard-{}", standard_key(standard)), &[]);
        text = l.msg(
            "detect-with-standard",
            &[("script", s(&text)), ("standard", s(&standard))],
        );
    }
    if d.mainland_origin {
        let hint = l.msg("detect-hint-mainland-origin", &[]);
        text = l.msg(
            "detect-with-hint",
            &[("description", s(&text)), ("hint", s(&hint))],
        );
    }
    let place = match line {
        Some(n) => format!("{input}:{n}"),
        None => input.to_string(),
    };
    format!(
        "{}\n",
        l.msg(
            "detect-line",
            &[("place", s(&place)), ("description", s(&text))]
        )
    )
}
