//! Converts a file repeatedly, for profilers:
//! `cargo run --release --example profile -- CONFIG FILE [TIMES] [--stream|--utf32|--chars|--into]`
//! (`--utf32`: the result as code points, `Run::text_into_utf32`;
//! `--chars`: the same from the text's characters, `Run::chars_into_utf32`;
//! `--into`: `Run::text_into`; all into one buffer kept from run to run).
#![allow(clippy::print_stdout, reason = "an example reports on the terminal")]

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let config: bianyi_convert::Config = args.next().ok_or("config")?.parse()?;
    let text = std::fs::read_to_string(args.next().ok_or("file")?)?;
    let times: usize = args.next().map_or(Ok(20), |t| t.parse())?;
    let mode = args.next();
    let mode = mode.as_deref().unwrap_or_default();
    let (mut wide, mut utf8) = (Vec::new(), String::new());
    let conv = bianyi_convert::Conversion::new(config);
    let chars: Vec<char> = text.chars().collect();
    let start = std::time::Instant::now();
    let mut total = 0;
    for _ in 0..times {
        if mode == "--stream" {
            let mut out = Vec::with_capacity(text.len() * 2);
            conv.run().stream(text.as_bytes(), &mut out)?;
            total += std::hint::black_box(out).len();
        } else if mode == "--utf32" {
            wide.clear();
            conv.run().text_into_utf32(&text, &mut wide);
            total += std::hint::black_box(&wide).len() * 4;
        } else if mode == "--chars" {
            wide.clear();
            conv.run().chars_into_utf32(&chars, &mut wide);
            total += std::hint::black_box(&wide).len() * 4;
        } else if mode == "--into" {
            utf8.clear();
            conv.run().text_into(&text, &mut utf8);
            total += std::hint::black_box(&utf8).len();
        } else {
            total += std::hint::black_box(conv.convert(&text)).len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{config}: {:.0} MB/s ({total} bytes out)",
        (text.len() * times) as f64 / 1e6 / secs
    );
    Ok(())
}
