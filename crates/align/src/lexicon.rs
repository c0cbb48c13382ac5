//! Bilingual lexicons for alignment anchors: pairs of a source-side term
//! and a target-side term (glossary pairs, dictionary entries), found in
//! segments with one automaton per side.

use std::collections::BTreeSet;

use daachorse::{CharwiseDoubleArrayAhoCorasick, CharwiseDoubleArrayAhoCorasickBuilder, MatchKind};

/// Reads a dictionary in CC-CEDICT format (`繁體 简体 [pin1 yin1] /gloss/gloss/`)
/// into (Chinese, English) pairs: each short gloss (one or two words, after
/// dropping parentheses, "to " and classifier or cross-reference notes) with
/// both the Traditional and the Simplified headword. Malformed lines are
/// skipped; `#` lines are comments.
pub fn read_cedict(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for line in text.lines() {
        if line.starts_with('#') {
            continue;
        }
        let Some((head, rest)) = line.split_once(" [") else {
            continue;
        };
        let Some((trad, simp)) = head.split_once(' ') else {
            continue;
        };
        let Some((_, glosses)) = rest.split_once("] /") else {
            continue;
        };
        for gloss in glosses.split('/').flat_map(|g| g.split(';')) {
            let Some(g) = clean_gloss(gloss) else {
                continue;
            };
            out.push((simp.to_string(), g.clone()));
            if trad != simp {
                out.push((trad.to_string(), g));
            }
        }
    }
    out
}

fn clean_gloss(gloss: &str) -> Option<String> {
    let mut g = String::new();
    let mut depth = 0usize;
    for c in gloss.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            c if depth == 0 => g.push(c),
            _ => {}
        }
    }
    let g = g.trim();
    let g = g.strip_prefix("to ").unwrap_or(g).trim();
    let lower = g.to_lowercase();
    let skip = [
        "cl:",
        "variant of",
        "see ",
        "surname",
        "abbr.",
        "old variant",
        "used in",
        "also written",
    ];
    if skip
        .iter()
        .any(|s| lower.starts_with(s) || lower.contains(s))
    {
        return None;
    }
    let words = lower.split_whitespace().count();
    let letters = lower.chars().filter(char::is_ascii_alphabetic).count();
    let plain = lower
        .chars()
        .all(|c| c.is_ascii_alphabetic() || c == ' ' || c == '-' || c == '\'');
    (plain && (1..=2).contains(&words) && letters >= 3).then_some(lower)
}

/// A lexicon ready to find its terms in segments.
pub(crate) struct Lexicon {
    source: Option<CharwiseDoubleArrayAhoCorasick<u32>>,
    target: Option<CharwiseDoubleArrayAhoCorasick<u32>>,
    /// For each distinct source term, the ids of the target terms it pairs
    /// with (sorted).
    pairs: Vec<Vec<u32>>,
}

impl Lexicon {
    pub(crate) fn new(pairs: &[(String, String)]) -> Lexicon {
        let mut sources: Vec<&str> = pairs.iter().map(|p| p.0.as_str()).collect();
        let mut targets: Vec<String> = pairs.iter().map(|p| p.1.to_lowercase()).collect();
        sources.sort_unstable();
        sources.dedup();
        targets.sort_unstable();
        targets.dedup();
        let mut linked = vec![Vec::new(); sources.len()];
        for (s, t) in pairs {
            let (Ok(si), Ok(ti)) = (
                sources.binary_search(&s.as_str()),
                targets.binary_search(&t.to_lowercase()),
            ) else {
                continue;
            };
            if let (Some(list), Ok(ti)) = (linked.get_mut(si), u32::try_from(ti)) {
                list.push(ti);
            }
        }
        for l in &mut linked {
            l.sort_unstable();
            l.dedup();
        }
        let build = |keys: Vec<&str>| {
            let keys: Vec<&str> = keys.into_iter().filter(|k| !k.is_empty()).collect();
            if keys.is_empty() {
                return None;
            }
            CharwiseDoubleArrayAhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .build_with_values(
                    keys.iter()
                        .enumerate()
                        .filter_map(|(i, k)| Some((*k, u32::try_from(i).ok()?))),
                )
                .ok()
        };
        // Keys must keep their index: build from the full sorted lists.
        let source = if sources.iter().any(|k| k.is_empty()) {
            None
        } else {
            build(sources.clone())
        };
        let target = if targets.iter().any(String::is_empty) {
            None
        } else {
            build(targets.iter().map(String::as_str).collect())
        };
        Lexicon {
            source,
            target,
            pairs: linked,
        }
    }

    /// Ids of the target terms that the source terms found in `text` pair
    /// with.
    pub(crate) fn expected(&self, text: &str) -> BTreeSet<u32> {
        let mut out = BTreeSet::new();
        if let Some(a) = &self.source {
            for m in a.find_overlapping_iter(text) {
                if let Some(list) = self.pairs.get(m.value() as usize) {
                    out.extend(list.iter().copied());
                }
            }
        }
        out
    }

    /// Ids of the target terms found in `text` as whole words.
    pub(crate) fn found(&self, text: &str) -> BTreeSet<u32> {
        let mut out = BTreeSet::new();
        let lower = text.to_lowercase();
        if let Some(a) = &self.target {
            for m in a.find_overlapping_iter(&lower) {
                let before = lower[..m.start()].chars().next_back();
                let after = lower[m.end()..].chars().next();
                let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
                if !word(before) && !word(after) {
                    out.insert(m.value());
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cedict_lines() {
        let text = "# comment\n創造 创造 [chuang4 zao4] /to create/to bring about/to produce/\n\
                    神 神 [shen2] /deity; soul/unusual/mysterious/CL:個|个[ge4]/\nbad line\n";
        let pairs = read_cedict(text);
        assert!(pairs.contains(&("创造".to_string(), "create".to_string())));
        assert!(pairs.contains(&("創造".to_string(), "create".to_string())));
        assert!(pairs.contains(&("神".to_string(), "deity".to_string())));
        assert!(!pairs.iter().any(|p| p.1.contains("cl:")));
        let lex = Lexicon::new(&pairs);
        let want = lex.expected("起初神创造天地。");
        let have = lex.found("In the beginning God created... no: God did create the heaven.");
        assert!(want.intersection(&have).count() >= 1);
        assert!(lex.found("recreate").is_empty());
    }
}
