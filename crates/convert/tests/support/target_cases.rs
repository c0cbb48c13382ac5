//! The table of target-based conversion cases (tests/data/target_cases.tsv).
#![allow(dead_code, reason = "each user takes a different part")]

/// One case: target tag, whether regional phrases are on, input, expected.
pub(crate) struct Case {
    pub(crate) target: &'static str,
    pub(crate) phrases: bool,
    pub(crate) input: &'static str,
    pub(crate) expected: &'static str,
}

pub(crate) fn cases() -> Vec<Case> {
    include_str!("../data/target_cases.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let mut f = l.split('\t');
            let (target, input, expected) = (
                f.next().unwrap_or(""),
                f.next().unwrap_or(""),
                f.next().unwrap_or(""),
            );
            let (target, phrases) = match target.strip_suffix("+phrases") {
                Some(t) => (t, true),
                None => (target, false),
            };
            Case {
                target,
                phrases,
                input,
                expected,
            }
        })
        .collect()
}
