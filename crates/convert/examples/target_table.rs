//! Prints the comparison of docs/target.md: bianyi's target-based conversion
//! against the OpenCC configs a user would pick, on the table of cases in
//! tests/data/target_cases.tsv.
//!
//! `cargo run --release -p bianyi-convert --example target_table`
#![allow(clippy::print_stdout, reason = "an example reports on the terminal")]

use bianyi_convert::{Config, Converter, Target, TargetConverter};

#[path = "../tests/support/target_cases.rs"]
mod target_cases;

/// One column of the table: its title, which case targets it covers, and the
/// OpenCC configs compared in it.
type Column<'a> = (&'a str, &'a dyn Fn(&str) -> bool, &'a [Config]);

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let cases = target_cases::cases();
    let simplified = |t: &str| t == "zh-Hans" || t == "zh-CN";
    let columns: &[Column] = &[
        (
            "to Simplified (zh-Hans, zh-CN)",
            &simplified,
            &[Config::T2s, Config::Tw2s, Config::Tw2sp, Config::Hk2s],
        ),
        (
            "to Traditional (zh-Hant, zh-TW, zh-HK)",
            &|t| !simplified(t),
            &[Config::S2t, Config::S2tw, Config::S2twp, Config::S2hk],
        ),
    ];
    println!("| cases | n | bianyi `--to` | OpenCC configs (cases right) |");
    println!("|---|---:|---:|---|");
    for (name, pick, configs) in columns {
        let mine: Vec<_> = cases.iter().filter(|c| pick(c.target)).collect();
        let ours = mine
            .iter()
            .filter(|c| {
                c.target
                    .parse::<Target>()
                    .map(|t| {
                        TargetConverter::new(t).phrases(c.phrases).convert(c.input) == c.expected
                    })
                    .unwrap_or(false)
            })
            .count();
        let theirs: Vec<String> = configs
            .iter()
            .map(|&cfg| {
                let conv = Converter::new(cfg);
                let right = mine
                    .iter()
                    .filter(|c| conv.convert(c.input) == c.expected)
                    .count();
                format!("{cfg} {right}")
            })
            .collect();
        println!(
            "| {name} | {} | {ours} | {} |",
            mine.len(),
            theirs.join(", ")
        );
    }
    println!();
    println!("| target | input | expected (= bianyi) | best OpenCC config | its output |");
    println!("|---|---|---|---|---|");
    for c in &cases {
        let configs: &[Config] = if simplified(c.target) {
            &[Config::Tw2s, Config::T2s, Config::Tw2sp]
        } else if c.target == "zh-Hant" {
            &[Config::S2t]
        } else if c.target == "zh-HK" {
            &[Config::S2hk, Config::S2hkp]
        } else {
            &[Config::S2tw, Config::S2twp]
        };
        let (cfg, out) = configs
            .iter()
            .map(|&cfg| (cfg, Converter::new(cfg).convert(c.input)))
            .max_by_key(|(_, out)| out == c.expected)
            .ok_or("no config")?;
        let mark = if out == c.expected { "✓" } else { "✗" };
        let tag = if c.phrases {
            format!("{} +phrases", c.target)
        } else {
            c.target.to_string()
        };
        println!(
            "| {tag} | {} | {} | {cfg} | {out} {mark} |",
            c.input, c.expected
        );
    }
    Ok(())
}
