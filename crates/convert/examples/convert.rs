//! Minimal use of the library: `cargo run --example convert -- s2t < in.txt > out.txt`.
//! Pass `--tofu` after the config to enable the tofu-risk dictionaries.

use std::io::{Read, Write};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let config: bianyi_convert::Config = args.next().unwrap_or_else(|| "s2t".into()).parse()?;
    let tofu = args.next().as_deref() == Some("--tofu");
    let conv = bianyi_convert::Converter::builder(config)
        .tofu_risk(tofu)
        .build();
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input)?;
    std::io::stdout().write_all(conv.convert(&input).as_bytes())?;
    Ok(())
}
