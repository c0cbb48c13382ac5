//! Precision and recall of `extract` against a list of pairs made by hand.

use std::collections::BTreeSet;
use std::fmt;

/// The outcome of one evaluation.
pub(crate) struct Score {
    /// Pairs found.
    pub(crate) found: usize,
    /// Pairs in the list.
    pub(crate) gold: usize,
    /// Pairs found that are in the list.
    pub(crate) right: usize,
    /// Found, not in the list.
    pub(crate) extra: Vec<(String, String)>,
    /// In the list, not found.
    pub(crate) missed: Vec<(String, String)>,
}

impl Score {
    pub(crate) fn precision(&self) -> f64 {
        self.right as f64 / self.found.max(1) as f64
    }
    pub(crate) fn recall(&self) -> f64 {
        self.right as f64 / self.gold.max(1) as f64
    }
    pub(crate) fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} found, {} in the list, {} right: precision {:.2}, recall {:.2}, F1 {:.2}",
            self.found,
            self.gold,
            self.right,
            self.precision(),
            self.recall(),
            self.f1()
        )?;
        for (a, b) in &self.extra {
            write!(f, "\n  extra: {a} = {b}")?;
        }
        for (a, b) in &self.missed {
            write!(f, "\n  missed: {a} = {b}")?;
        }
        Ok(())
    }
}

/// Scores `extract(text)` against `list` (TSV: source, target; `#` comments).
pub(crate) fn score(text: &str, list: &str) -> Score {
    let gold: BTreeSet<(String, String)> = list
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t'))
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    let found: BTreeSet<(String, String)> = bianyi_glossary::extract(text)
        .into_iter()
        .map(|c| (c.source, c.target))
        .collect();
    Score {
        found: found.len(),
        gold: gold.len(),
        right: found.intersection(&gold).count(),
        extra: found.difference(&gold).cloned().collect(),
        missed: gold.difference(&found).cloned().collect(),
    }
}
