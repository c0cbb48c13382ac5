//! Prints a digest of every conversion of some files, to check that an engine
//! change leaves every output byte the same: run it before and after and
//! compare the two listings.
//!
//! `cargo run --release --example digest -- FILE... > before.txt`
//!
//! For each file, the inputs are the file, its `s2t` conversion and its
//! `s2tw` conversion (computed by this build and listed too), plus one
//! synthetic text glued from dictionary entries, compatibility ideographs,
//! ideographic description sequences, ASCII and newlines. Each input is
//! converted with all 16 configs, tofu-risk off and on; whole-text,
//! streaming (in 4099-byte pieces and through a reader), 2-thread and
//! 2-thread reader outputs must agree, and the
//! listing gives one line per conversion: input, config, tofu, length and
//! a 64-bit FNV-1a digest.
#![allow(clippy::print_stdout, reason = "an example reports on the terminal")]

use bianyi_convert::{Config, Conversion, Converter};

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// A deterministic text made of dictionary keys and values and awkward
/// characters, `chars` characters long or a little more.
fn synthetic(seed: u64, chars: usize) -> String {
    let mut words: Vec<String> = Vec::new();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/opencc/dictionary");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        for line in text.lines() {
            if let Some((k, v)) = line.split_once('\t') {
                words.push(k.to_string());
                words.extend(v.split(' ').map(str::to_string));
            }
        }
    }
    let extra = [
        "\u{F900}",
        "\u{FA0E}",
        "\u{2F800}",
        "⿰氵尔",
        "⿱艹⿰日月",
        "⿰",
        "⿰氵",
        "a",
        "PN",
        "-",
        " ",
        "\n",
        "，",
        "。",
        "\u{FEFF}",
        "\0",
        "𪠵",
        "㖮",
        "😀",
    ];
    let mut state = seed;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut out = String::new();
    let mut count = 0;
    while count < chars {
        let r = next();
        let piece = if r % 7 == 0 || words.is_empty() {
            extra[(r >> 8) as usize % extra.len()]
        } else {
            let w = &words[(r >> 8) as usize % words.len()];
            if r % 5 == 0 {
                // A piece of a word: starts and ends inside phrases.
                let n = w.chars().count();
                let a = (r >> 40) as usize % n;
                let len = 1 + (r >> 50) as usize % n;
                let s: String = w.chars().skip(a).take(len).collect();
                out.push_str(&s);
                count += s.chars().count();
                continue;
            }
            w.as_str()
        };
        out.push_str(piece);
        count += piece.chars().count();
    }
    out
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut inputs: Vec<(String, String)> = Vec::new();
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path)?;
        let name = path.rsplit('/').next().unwrap_or(&path).to_string();
        let s2t = Conversion::new(Config::S2t).convert(&text);
        let s2tw = Conversion::new(Config::S2tw).convert(&text);
        inputs.push((name.clone(), text));
        inputs.push((format!("{name}.s2t"), s2t));
        inputs.push((format!("{name}.s2tw"), s2tw));
    }
    for seed in 1..=4u64 {
        inputs.push((format!("synthetic{seed}"), synthetic(seed, 300_000)));
    }
    for (name, text) in &inputs {
        println!("input {name} {} {:016x}", text.len(), fnv(text.as_bytes()));
        for &config in Config::ALL {
            for tofu in [false, true] {
                let conv = Conversion::builder(config).tofu_risk(tofu).build();
                let engine = Converter::builder(config).tofu_risk(tofu).build();
                let whole = conv.convert(text);
                let mut streamed = Vec::new();
                let mut s = engine.stream();
                for piece in text.as_bytes().chunks(4099) {
                    streamed.extend_from_slice(s.push(piece)?.as_bytes());
                }
                streamed.extend_from_slice(s.finish()?.as_bytes());
                let parallel = conv.run().threads(2).text(text);
                let mut piped = Vec::new();
                conv.run().stream(text.as_bytes(), &mut piped)?;
                let mut piped2 = Vec::new();
                conv.run().threads(2).stream(text.as_bytes(), &mut piped2)?;
                let mut into = String::from("x");
                conv.convert_into(text, &mut into);
                let ok = streamed == whole.as_bytes()
                    && piped == whole.as_bytes()
                    && piped2 == whole.as_bytes()
                    && parallel == whole
                    && into.get(1..) == Some(whole.as_str());
                println!(
                    "{name} {config} tofu={tofu} {} {:016x}{}",
                    whole.len(),
                    fnv(whole.as_bytes()),
                    if ok { "" } else { " MODES DIFFER" }
                );
            }
        }
    }
    Ok(())
}
