//! Converts standard input to a target: `cargo run --example target -- zh-TW [--phrases] < in.txt`.
#![allow(clippy::print_stdout, reason = "an example reports on the terminal")]

use std::io::Read;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let target: bianyi_convert::Target = args.next().ok_or("target")?.parse()?;
    let phrases = args.next().as_deref() == Some("--phrases");
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    let conv = bianyi_convert::TargetConverter::new(target).phrases(phrases);
    print!("{}", conv.convert(&text));
    Ok(())
}
