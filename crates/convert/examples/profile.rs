//! Converts a file repeatedly, for profilers:
#![allow(clippy::print_stdout, reason = "an example reports on the terminal")]
//! `cargo run --release --example profile -- CONFIG FILE [TIMES]`.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let config: bianyi_convert::Config = args.next().ok_or("config")?.parse()?;
    let text = std::fs::read_to_string(args.next().ok_or("file")?)?;
    let times: usize = args.next().map_or(Ok(20), |t| t.parse())?;
    let conv = bianyi_convert::Converter::new(config);
    let start = std::time::Instant::now();
    let mut total = 0;
    for _ in 0..times {
        total += std::hint::black_box(conv.convert(&text)).len();
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{config}: {:.0} MB/s ({total} bytes out)",
        (text.len() * times) as f64 / 1e6 / secs
    );
    Ok(())
}
