//! Target-based conversion on the table of cases where plain OpenCC configs
//! go wrong (tests/data/target_cases.tsv), and on the sample article's
//! known traps.

use bianyi_convert::{Target, TargetConverter};

#[path = "support/target_cases.rs"]
mod target_cases;

#[test]
fn every_case_converts_as_expected() {
    let cases = target_cases::cases();
    assert!(cases.len() >= 30, "the table has {} cases", cases.len());
    let mut failures = Vec::new();
    for c in &cases {
        let target: Target = c
            .target
            .parse()
            .unwrap_or_else(|e| panic!("{}: {e}", c.target));
        let got = TargetConverter::new(target)
            .phrases(c.phrases)
            .convert(c.input);
        if got != c.expected {
            failures.push(format!(
                "{} {}: {} -> {} (expected {})",
                c.target,
                if c.phrases { "+phrases" } else { "" },
                c.input,
                got,
                c.expected
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// Mixed-script input comes out in one script.
#[test]
fn mixed_input_ends_in_one_script() {
    let text = "头发和發展，后來的事情。";
    assert_eq!(
        TargetConverter::new(Target::Hans).convert(text),
        "头发和发展，后来的事情。"
    );
    assert_eq!(
        TargetConverter::new(Target::Taiwan).convert(text),
        "頭髮和發展，後來的事情。"
    );
}
