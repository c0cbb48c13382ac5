//! Where the system's OpenCC (libopencc 1.1.x, through `--engine opencc`)
//! and bianyi differ. Run with:
//!
//! ```text
//! cargo test --features opencc --test opencc_engine -- --nocapture
//! ```
//!
//! It needs libopencc-dev (`apt-get install libopencc-dev`). The corpus is
//! the sample article plus, when ../shared/data/bench is present, the
//! benchmark corpora; the report says which were used. Figures from one run
//! are in docs/opencc-engine.md.
#![allow(clippy::print_stderr, reason = "this test's purpose is its report")]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use bianyi_convert::{Config, Converter};

#[path = "../crates/convert/tests/support/lenient_json.rs"]
mod lenient_json;

/// Configs the system library ships (1.1.x has no s2hkp / hk2sp).
fn system_configs() -> Vec<Config> {
    Config::ALL
        .iter()
        .copied()
        .filter(|c| !matches!(c, Config::S2hkp | Config::Hk2sp))
        .collect()
}

fn system_convert(config: Config, text: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_bianyi"))
        .args(["convert", "--engine", "opencc", "-c", config.name()])
        .env("LANG", "C")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            let mut stdin = child.stdin.take().expect("stdin");
            let input = text.as_bytes().to_vec();
            let feeder = std::thread::spawn(move || stdin.write_all(&input));
            let out = child.wait_with_output();
            let _ = feeder.join();
            out
        })
        .expect("run bianyi --engine opencc");
    assert!(
        out.status.success(),
        "{config}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn corpus() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = vec![root.join("tests/fixtures/article.zh-Hant.txt")];
    let bench = root.join("../shared/data/bench");
    if bench.is_dir() {
        files.extend(["data54k.txt", "data689k.txt", "zuozhuan.txt"].map(|f| bench.join(f)));
    } else {
        eprintln!(
            "note: {} is absent; comparing on the sample article only",
            bench.display()
        );
    }
    files
        .iter()
        .map(|f| {
            let name = f
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (name, std::fs::read_to_string(f).expect("read corpus file"))
        })
        .collect()
}

#[test]
fn system_opencc_versus_bianyi() {
    let corpus = corpus();
    let mut report = String::from(
        "config  file             lines  differing  first difference (system | bianyi)\n",
    );
    for config in system_configs() {
        let bianyi = Converter::new(config);
        for (name, text) in &corpus {
            let system = system_convert(config, text);
            let ours = bianyi.convert(text);
            // The older library keeps the text's shape: one output line per input line.
            assert_eq!(
                system.lines().count(),
                text.lines().count(),
                "{config} {name}: line count"
            );
            let pairs: Vec<(&str, &str)> = system
                .lines()
                .zip(ours.lines())
                .filter(|(a, b)| a != b)
                .collect();
            let first = pairs.first().map(|(a, b)| {
                let i = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
                let window = |s: &str| {
                    s.chars()
                        .skip(i.saturating_sub(4))
                        .take(10)
                        .collect::<String>()
                };
                format!("{} | {}", window(a), window(b))
            });
            let _ = writeln!(
                report,
                "{:<7} {:<16} {:>6} {:>10}  {}",
                config.name(),
                name,
                text.lines().count(),
                pairs.len(),
                first.unwrap_or_default()
            );
        }
    }
    eprintln!("{report}");
}

/// OpenCC 1.4.2's compatibility suite through the system library.
#[test]
fn system_opencc_on_the_1_4_2_suite() {
    let cases: serde_json::Value = {
        let text = include_str!("../crates/convert/data/opencc/test_data/testcases.json");
        serde_json::from_str(&lenient_json::strip_trailing_commas(text)).expect("testcases.json")
    };
    let mut passed = 0;
    let mut total = 0;
    let mut missing_config = 0;
    let configs = system_configs();
    let mut inputs: Vec<(Config, String, String)> = Vec::new();
    for case in cases["cases"].as_array().expect("cases") {
        let input = case["input"].as_str().expect("input");
        for (name, want) in case["expected"].as_object().expect("expected") {
            total += 1;
            let config: Config = name.parse().expect("config name");
            if !configs.contains(&config) {
                missing_config += 1;
                continue;
            }
            inputs.push((
                config,
                input.to_string(),
                want.as_str().expect("want").to_string(),
            ));
        }
    }
    // One process per config: join that config's inputs with NUL, which the
    // engine passes through unconverted.
    for config in configs {
        let mine: Vec<&(Config, String, String)> =
            inputs.iter().filter(|(c, _, _)| *c == config).collect();
        if mine.is_empty() {
            continue;
        }
        let joined = mine
            .iter()
            .map(|(_, i, _)| i.as_str())
            .collect::<Vec<_>>()
            .join("\0");
        let out = system_convert(config, &joined);
        for ((_, _, want), got) in mine.iter().zip(out.split('\0')) {
            if got == want {
                passed += 1;
            }
        }
    }
    eprintln!(
        "system OpenCC passes {passed} of {total} cases of the OpenCC 1.4.2 suite ({missing_config} need s2hkp/hk2sp, which it lacks); bianyi passes {total}"
    );
    assert_eq!(total, 556);
    assert!(
        passed < total,
        "the system library is older than the 1.4.2 data; if it passes everything, update docs/opencc-engine.md"
    );
}
