//! Side-by-side conversion benchmark: bianyi against peer converters.
//!
//! ```text
//! cd crates/bench
//! cargo run --release --features peers -- [--runs N] [--configs t2s,s2t] [--engines …] [CORPUS…]
//! ```
//!
//! Each corpus is read once. Simplified corpora feed the Simplified-input
//! configs; their s2t conversion feeds t2s and their s2tw conversion feeds
//! tw2s and tw2sp (converted once, before timing). Every engine converts
//! every input `--runs` times, interleaved (run 1 of every engine, then run 2,
//! …) so that machine noise hits all engines alike. Each timed run follows an
//! untimed one of the same engine on the same input, so every engine is timed
//! with its tables in cache rather than right after another engine evicted
//! them (which decides the figure for small inputs). The table reports the
//! median throughput in MB/s (10^6 bytes of input per second) and the ratio
//! of each peer to bianyi.
#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "a benchmark reports on the terminal"
)]

use std::path::PathBuf;
use std::time::{Duration, Instant};

use bianyi_convert::{Config, Conversion};

mod engines;

const DEFAULT_CONFIGS: &[Config] = &[
    Config::T2s,
    Config::S2t,
    Config::S2tw,
    Config::S2twp,
    Config::Tw2s,
    Config::Tw2sp,
];

struct Options {
    runs: usize,
    configs: Vec<Config>,
    engines: Option<Vec<String>>,
    corpora: Vec<PathBuf>,
    repeat: usize,
}

fn parse_args() -> Result<Options, String> {
    let mut options = Options {
        runs: 5,
        configs: DEFAULT_CONFIGS.to_vec(),
        engines: None,
        corpora: Vec::new(),
        repeat: 1,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--runs" => {
                options.runs = value("--runs")?
                    .parse()
                    .map_err(|e| format!("--runs: {e}"))?
            }
            "--repeat" => {
                options.repeat = value("--repeat")?
                    .parse()
                    .map_err(|e| format!("--repeat: {e}"))?
            }
            "--configs" => {
                options.configs = value("--configs")?
                    .split(',')
                    .map(|c| c.parse::<Config>().map_err(|e| e.to_string()))
                    .collect::<Result<_, _>>()?;
            }
            "--engines" => {
                options.engines = Some(value("--engines")?.split(',').map(str::to_string).collect())
            }
            "-h" | "--help" => {
                println!(
                    "usage: bianyi-bench [--runs N] [--repeat K] [--configs a,b] [--engines a,b] [CORPUS…]\n\
                     engines: {}\n\
                     CORPUS defaults to ../../../shared/data/bench/*.txt (from crates/bench)",
                    engines::names().join(", ")
                );
                std::process::exit(0);
            }
            _ if arg.starts_with('-') => return Err(format!("unknown option {arg}")),
            _ => options.corpora.push(PathBuf::from(arg)),
        }
    }
    if options.corpora.is_empty() {
        let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let shared = here.join("../../../shared/data/bench");
        if !shared.is_dir() {
            return Err(format!(
                "no corpus given and {} does not exist; pass corpus files as arguments",
                shared.display()
            ));
        }
        for name in [
            "zuozhuan.txt",
            "data3185k.txt",
            "data689k.txt",
            "data54k.txt",
        ] {
            options.corpora.push(shared.join(name));
        }
    }
    Ok(options)
}

/// The text a config reads, derived from a Simplified corpus.
fn input_for(config: Config, simplified: &str, s2t: &str, s2tw: &str) -> String {
    match config {
        Config::T2s | Config::T2tw | Config::T2hk | Config::T2jp => s2t.to_string(),
        Config::Tw2s | Config::Tw2sp | Config::Tw2t => s2tw.to_string(),
        _ => simplified.to_string(),
    }
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let options = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("bianyi-bench: {e}");
            std::process::exit(2);
        }
    };
    let mut engines = engines::all();
    if let Some(wanted) = &options.engines {
        engines.retain(|e| wanted.iter().any(|w| w == e.name()));
    }
    println!(
        "# bianyi-bench: median MB/s over {} interleaved runs (ratio = engine / bianyi)",
        options.runs
    );
    println!();
    let mut header = String::from("| config | corpus | MB |");
    let mut rule = String::from("|---|---|---:|");
    for e in &engines {
        header.push_str(&format!(" {} |", e.name()));
        rule.push_str("---:|");
    }
    println!("{header}\n{rule}");
    for path in &options.corpora {
        let simplified = match std::fs::read_to_string(path) {
            Ok(t) => t.repeat(options.repeat),
            Err(e) => {
                eprintln!("bianyi-bench: cannot read {}: {e}", path.display());
                std::process::exit(2);
            }
        };
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let s2t = Conversion::new(Config::S2t).convert(&simplified);
        let s2tw = Conversion::new(Config::S2tw).convert(&simplified);
        for &config in &options.configs {
            let input = input_for(config, &simplified, &s2t, &s2tw);
            let mut prepared: Vec<Option<Box<dyn engines::Prepared>>> =
                engines.iter().map(|e| e.prepare(config)).collect();
            let mut times: Vec<Vec<Duration>> = vec![Vec::new(); engines.len()];
            for _ in 0..options.runs {
                for (i, p) in prepared.iter_mut().enumerate() {
                    if let Some(p) = p {
                        // Warm up: caches, allocator, lazily built tables.
                        std::hint::black_box(p.convert(&input));
                        let start = Instant::now();
                        let len = p.convert(&input);
                        times[i].push(start.elapsed());
                        std::hint::black_box(len);
                    }
                }
            }
            let mb = input.len() as f64 / 1e6;
            let speeds: Vec<Option<f64>> = times
                .into_iter()
                .map(|t| (!t.is_empty()).then(|| mb / median(t).as_secs_f64()))
                .collect();
            let base = engines
                .iter()
                .position(|e| e.name() == "bianyi")
                .and_then(|i| speeds[i]);
            let mut row = format!("| {config} | {name} | {mb:.1} |");
            for s in &speeds {
                match (s, base) {
                    (Some(s), Some(b)) => row.push_str(&format!(" {s:.0} ({:.2}×) |", s / b)),
                    (Some(s), None) => row.push_str(&format!(" {s:.0} |")),
                    (None, _) => row.push_str(" n/a |"),
                }
            }
            println!("{row}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_configs_read_converted_text() {
        assert_eq!(input_for(Config::T2s, "s", "t", "tw"), "t");
        assert_eq!(input_for(Config::Tw2sp, "s", "t", "tw"), "tw");
        assert_eq!(input_for(Config::S2twp, "s", "t", "tw"), "s");
    }
}
