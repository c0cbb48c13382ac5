//! Reading bilingual dictionaries for the aligner's lexicon.

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
    }
}
