//! OpenCC 1.4.2's compatibility suite through `--to`: every case of every
//! config that has a corresponding target (s2t → zh-Hant, s2tw → zh-TW,
//! s2twp → zh-TW with phrases, t2s / tw2s / hk2s → zh-Hans, …), with the
//! tofu-risk dictionaries on as OpenCC's harness runs them.
//!
//! `--to` must never be worse than the matching config where that config is
//! right: every case gives OpenCC's expected output, except the deliberate
//! differences listed in `tests/data/opencc_target_differences.tsv`, each
//! with the output bianyi gives instead and the reason (docs/target.md
//! lists them too). A listed case that starts to agree with OpenCC, or
//! gives another output, fails the test as well: the list stays exact.

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is a test failure with its message"
)]

use bianyi_convert::{Target, TargetConverter};
use serde_json::Value;

const CASES: &str = include_str!("../data/opencc/test_data/testcases.json");
const DIFFERENCES: &str = include_str!("data/opencc_target_differences.tsv");

#[path = "support/lenient_json.rs"]
mod lenient_json;
use lenient_json::strip_trailing_commas;

/// The target (and whether with phrases) that stands for an OpenCC config.
fn target_of(config: &str) -> Option<(Target, bool)> {
    Some(match config {
        "s2t" | "tw2t" | "hk2t" => (Target::Hant, false),
        "s2tw" | "t2tw" => (Target::Taiwan, false),
        "s2twp" => (Target::Taiwan, true),
        "s2hk" | "t2hk" => (Target::HongKong, false),
        "s2hkp" => (Target::HongKong, true),
        "t2s" | "tw2s" | "hk2s" => (Target::Hans, false),
        "tw2sp" | "hk2sp" => (Target::Mainland, true),
        _ => return None,
    })
}

struct Difference {
    id: String,
    config: String,
    output: String,
    reason: String,
}

fn differences() -> Vec<Difference> {
    DIFFERENCES
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 4, "id, config, bianyi's output, reason: {l}");
            Difference {
                id: f[0].to_string(),
                config: f[1].to_string(),
                output: f[2].to_string(),
                reason: f[3].to_string(),
            }
        })
        .collect()
}

#[test]
fn opencc_cases_through_targets() {
    let doc: Value =
        serde_json::from_str(&strip_trailing_commas(CASES)).expect("testcases.json parses");
    let cases = doc["cases"].as_array().expect("cases array");
    let listed = differences();
    let mut seen = vec![false; listed.len()];
    let (mut total, mut same, mut failures) = (0, 0, Vec::new());
    for case in cases {
        let id = case["id"].as_str().unwrap_or("?");
        let input = case["input"].as_str().expect("input string");
        for (config, want) in case["expected"].as_object().expect("expected object") {
            let Some((target, phrases)) = target_of(config) else {
                continue;
            };
            let want = want.as_str().expect("expected string");
            total += 1;
            let got = TargetConverter::new(target)
                .phrases(phrases)
                .tofu_risk(true)
                .convert(input);
            let difference = listed
                .iter()
                .position(|d| d.id == id && d.config == *config);
            match difference {
                Some(k) => {
                    seen[k] = true;
                    let d = &listed[k];
                    assert!(!d.reason.is_empty(), "{id} [{config}]: no reason given");
                    if got != d.output {
                        failures.push(format!(
                            "{id} [{config}] is listed as a difference giving\n  {}\nbut gives\n  {got}\n(OpenCC: {want})",
                            d.output
                        ));
                    }
                }
                None if got == want => same += 1,
                None => failures.push(format!(
                    "{id} [{config} → {target}{}]\n  input:    {input}\n  OpenCC:   {want}\n  bianyi:   {got}",
                    if phrases { " +phrases" } else { "" }
                )),
            }
        }
    }
    for (k, d) in listed.iter().enumerate() {
        if !seen[k] {
            failures.push(format!("{} [{}] is listed but is no case", d.id, d.config));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {total} cases differ from OpenCC without being listed (or listed wrongly):\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    assert_eq!(same + listed.len(), total);
    assert!(total > 400, "only {total} cases have a target");
}
