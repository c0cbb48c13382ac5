//! The pass over characters against the pass over UTF-8, on the texts the
//! review of the sixth session timed (docs/python.md, "Sixth session"):
//! `cargo run --release --example chars -- FILE` (FILE: Traditional
//! Chinese, data689k's and data3185k's in the docs). Best of 5 runs each,
//! t2s, into code points (`convert_into_utf32` and
//! `convert_chars_into_utf32`, whose results must agree); then the time
//! of `Conversion::safe_cut_chars` on FILE's first 150,000 characters.
#![allow(clippy::print_stdout, reason = "an example reports on the terminal")]

use std::time::Instant;

use bianyi_convert::{Config, Conversion, Converter};

fn best(mut f: impl FnMut()) -> f64 {
    (0..5)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1e3
        })
        .fold(f64::MAX, f64::min)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let file = std::env::args().nth(1).ok_or("FILE")?;
    let plain = std::fs::read_to_string(file)?;
    let conv = Converter::new(Config::T2s);
    // Three copies and one compatibility ideograph at the end.
    let mut compat = plain.repeat(3);
    compat.push('\u{F900}');
    let texts = [
        ("⿰氵尔 × 300,000", "⿰氵尔".repeat(300_000)),
        ("⿰ × 900,000", "⿰".repeat(900_000)),
        ("FILE", plain.clone()),
        ("FILE × 3 + U+F900", compat),
    ];
    for (name, text) in &texts {
        let chars: Vec<char> = text.chars().collect();
        let (mut from_utf8, mut from_chars) = (Vec::new(), Vec::new());
        let utf8 = best(|| {
            from_utf8.clear();
            conv.convert_into_utf32(text, &mut from_utf8);
        });
        let by_chars = best(|| {
            from_chars.clear();
            conv.convert_chars_into_utf32(&chars, &mut from_chars);
        });
        if from_utf8 != from_chars {
            return Err(format!("{name}: the two passes disagree").into());
        }
        println!("{name}: from UTF-8 {utf8:.1} ms, from characters {by_chars:.1} ms");
    }
    let chars: Vec<char> = plain.chars().take(150_000).collect();
    let t2s = Conversion::new(Config::T2s);
    let cut = (0..50)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(t2s.safe_cut_chars(std::hint::black_box(&chars)));
            start.elapsed().as_secs_f64() * 1e6
        })
        .fold(f64::MAX, f64::min);
    println!("safe_cut_chars on {} characters: {cut:.1} µs", chars.len());
    Ok(())
}
