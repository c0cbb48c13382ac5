//! Converts a file to a target repeatedly, for profilers:
//! `cargo run --release --example profile_target -- TARGET FILE [TIMES] [--phrases]`.
#![allow(clippy::print_stdout, reason = "an example reports on the terminal")]

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let target: bianyi_convert::Target = args.next().ok_or("target")?.parse()?;
    let text = std::fs::read_to_string(args.next().ok_or("file")?)?;
    let times: usize = args.next().map_or(Ok(20), |t| t.parse())?;
    let phrases = args.next().as_deref() == Some("--phrases");
    let conv = bianyi_convert::TargetConverter::new(target).phrases(phrases);
    let _ = conv.convert("测试測試");
    let start = std::time::Instant::now();
    let mut total = 0;
    for _ in 0..times {
        total += std::hint::black_box(conv.convert(&text)).len();
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{target}: {:.0} MB/s ({total} bytes out)",
        (text.len() * times) as f64 / 1e6 / secs
    );
    Ok(())
}
