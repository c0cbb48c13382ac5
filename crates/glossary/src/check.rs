//! `glossary check`: problems in a termbase that make it unreliable.

use std::collections::BTreeMap;

use crate::fold::fold;
use crate::matcher::Matcher;
use crate::model::{Glossary, Status};

/// A problem found in a glossary. Entries are named by id, terms by text.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Problem {
    /// An entry has no terms.
    EmptyEntry {
        /// The entry.
        id: String,
    },
    /// An entry has terms, but none preferred or admitted.
    NoUsableTerm {
        /// The entry.
        id: String,
    },
    /// The same term (up to script variant, width and case) twice in one
    /// entry and language.
    DuplicateTerm {
        /// The entry.
        id: String,
        /// The term.
        term: String,
    },
    /// One source term in several entries whose preferred terms in another
    /// language differ: which one applies is ambiguous.
    ConflictingTargets {
        /// The shared term.
        term: String,
        /// The entries, in file order.
        ids: Vec<String>,
        /// The language whose preferred terms differ.
        lang: String,
        /// Those terms, one per entry.
        targets: Vec<String>,
    },
    /// One term in several entries that say the same in every language:
    /// the entries are duplicates.
    DuplicateEntries {
        /// The shared term.
        term: String,
        /// The entries.
        ids: Vec<String>,
    },
    /// A term that never matches where a longer term of another entry
    /// contains it (leftmost-longest matching prefers the longer one).
    Shadowed {
        /// The shorter term and its entry.
        term: String,
        /// Its entry.
        id: String,
        /// The longer term.
        by: String,
        /// Its entry.
        by_id: String,
    },
    /// A term forbidden in one entry and preferred or admitted in another
    /// (or the same).
    ForbiddenElsewhereAllowed {
        /// The term.
        term: String,
        /// Entry where it is forbidden.
        forbidden_in: String,
        /// Entry where it is allowed.
        allowed_in: String,
    },
}

/// A short English description, for logs (the `bianyi` CLI words its own
/// messages from the fields).
impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::EmptyEntry { id } => write!(f, "entry “{id}” has no terms"),
            Problem::NoUsableTerm { id } => write!(f, "entry “{id}” has only forbidden terms"),
            Problem::DuplicateTerm { id, term } => {
                write!(f, "entry “{id}” has the term “{term}” twice")
            }
            Problem::ConflictingTargets {
                term,
                ids,
                lang,
                targets,
            } => {
                write!(
                    f,
                    "“{term}” is in several entries with different {lang} terms:"
                )?;
                for (k, (id, target)) in ids.iter().zip(targets).enumerate() {
                    let sep = if k == 0 { " " } else { ", " };
                    write!(f, "{sep}{id} → {target}")?;
                }
                Ok(())
            }
            Problem::DuplicateEntries { term, ids } => write!(
                f,
                "“{term}” is in several entries that say the same: {}",
                ids.join(", ")
            ),
            Problem::Shadowed {
                term,
                id,
                by,
                by_id,
            } => write!(
                f,
                "“{term}” ({id}) is shadowed by the longer “{by}” ({by_id}) where that occurs"
            ),
            Problem::ForbiddenElsewhereAllowed {
                term,
                forbidden_in,
                allowed_in,
            } => write!(
                f,
                "“{term}” is forbidden in “{forbidden_in}” but allowed in “{allowed_in}”"
            ),
        }
    }
}

/// Finds the problems of `glossary`, in a deterministic order.
pub fn check(glossary: &Glossary) -> Vec<Problem> {
    let mut out = Vec::new();
    for e in &glossary.entries {
        if e.terms.is_empty() {
            out.push(Problem::EmptyEntry { id: e.id.clone() });
            continue;
        }
        if e.terms.iter().all(|t| t.status == Status::Forbidden) {
            out.push(Problem::NoUsableTerm { id: e.id.clone() });
        }
        // The same spelling twice in one language tag; a zh-Hant and a
        // zh-Hans term that fold together are the two scripts' spellings.
        let mut seen = BTreeMap::new();
        for t in &e.terms {
            let key = (t.lang.as_str().to_string(), fold(&t.text));
            if seen.insert(key, ()).is_some() {
                out.push(Problem::DuplicateTerm {
                    id: e.id.clone(),
                    term: t.text.clone(),
                });
            }
        }
    }
    // Terms shared between entries: key = (language, folded text).
    let mut shared: BTreeMap<(String, String), Vec<(usize, usize)>> = BTreeMap::new();
    for (i, e) in glossary.entries.iter().enumerate() {
        for (j, t) in e.terms.iter().enumerate() {
            let key = (t.lang.language().to_string(), fold(&t.text));
            let list = shared.entry(key).or_default();
            if list.last().is_none_or(|&(li, _)| li != i) {
                list.push((i, j));
            }
        }
    }
    for list in shared.values() {
        let Some(&(fi, fj)) = list.first() else {
            continue;
        };
        let term = glossary.entries[fi].terms[fj].text.clone();
        // Forbidden here, allowed there.
        let forbidden = list
            .iter()
            .find(|&&(i, j)| glossary.entries[i].terms[j].status == Status::Forbidden);
        let allowed = list
            .iter()
            .find(|&&(i, j)| glossary.entries[i].terms[j].status != Status::Forbidden);
        if let (Some(&(fi, _)), Some(&(ai, _))) = (forbidden, allowed) {
            out.push(Problem::ForbiddenElsewhereAllowed {
                term: term.clone(),
                forbidden_in: glossary.entries[fi].id.clone(),
                allowed_in: glossary.entries[ai].id.clone(),
            });
            continue;
        }
        if list.len() < 2 {
            continue;
        }
        let ids: Vec<String> = list
            .iter()
            .map(|&(i, _)| glossary.entries[i].id.clone())
            .collect();
        // Compare the preferred terms of the other languages.
        let mut langs: Vec<_> = list
            .iter()
            .flat_map(|&(i, _)| glossary.entries[i].terms.iter().map(|t| t.lang.clone()))
            .collect();
        langs.sort();
        langs.dedup();
        let mut conflict = None;
        for lang in &langs {
            let targets: Vec<String> = list
                .iter()
                .map(|&(i, _)| {
                    glossary.entries[i]
                        .terms
                        .iter()
                        .find(|t| &t.lang == lang && t.status == Status::Preferred)
                        .map(|t| t.text.clone())
                        .unwrap_or_default()
                })
                .collect();
            let present: Vec<&String> = targets.iter().filter(|t| !t.is_empty()).collect();
            if present.len() >= 2 && present.iter().any(|t| fold(t) != fold(present[0])) {
                conflict = Some((lang.to_string(), targets));
                break;
            }
        }
        match conflict {
            Some((lang, targets)) => out.push(Problem::ConflictingTargets {
                term,
                ids,
                lang,
                targets,
            }),
            None => out.push(Problem::DuplicateEntries { term, ids }),
        }
    }
    // Shadowing: a term found inside a longer term of another entry.
    if let Ok(m) = Matcher::new(glossary, |_| true) {
        let mut shadowed = BTreeMap::new();
        for (i, e) in glossary.entries.iter().enumerate() {
            for t in &e.terms {
                for hit in m.find_overlapping(&t.text) {
                    let whole = hit.start == 0 && hit.end == t.text.len();
                    if whole || hit.entry == i {
                        continue;
                    }
                    // Every entry with that term (the matcher reports one).
                    let short = &glossary.entries[hit.entry].terms[hit.term];
                    let key = (short.lang.language().to_string(), fold(&short.text));
                    for &(si, sj) in shared.get(&key).into_iter().flatten() {
                        if si == i {
                            continue;
                        }
                        let s = &glossary.entries[si];
                        let key = (s.id.clone(), s.terms[sj].text.clone(), e.id.clone());
                        shadowed.entry(key).or_insert_with(|| t.text.clone());
                    }
                }
            }
        }
        for ((id, term, by_id), by) in shadowed {
            out.push(Problem::Shadowed {
                term,
                id,
                by,
                by_id,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_read_as_english() {
        let s = |v: &str| v.to_string();
        let cases = [
            (Problem::EmptyEntry { id: s("a") }, "entry “a” has no terms"),
            (
                Problem::ConflictingTargets {
                    term: s("軟體"),
                    ids: vec![s("a"), s("b")],
                    lang: s("en"),
                    targets: vec![s("software"), s("program")],
                },
                "“軟體” is in several entries with different en terms: a → software, b → program",
            ),
            (
                Problem::Shadowed {
                    term: s("軟"),
                    id: s("a"),
                    by: s("軟體"),
                    by_id: s("b"),
                },
                "“軟” (a) is shadowed by the longer “軟體” (b) where that occurs",
            ),
        ];
        for (problem, text) in cases {
            assert_eq!(problem.to_string(), text);
        }
    }

    #[test]
    fn finds_each_kind_of_problem() {
        let g = Glossary::from_toml(
            r#"
[[entry]]
id = "a"
terms = [{ lang = "zh-Hant", text = "亞歷山大" }, { lang = "en", text = "Alexander" }]
[[entry]]
id = "b"
terms = [{ lang = "zh-Hant", text = "亞歷山大·王" }, { lang = "en", text = "Alexandr Wang" }]
[[entry]]
id = "c"
terms = [{ lang = "zh-Hans", text = "亚历山大" }, { lang = "en", text = "Alexandre" }]
[[entry]]
id = "d"
terms = []
[[entry]]
id = "e"
terms = [{ lang = "en", text = "AI", status = "forbidden" }, { lang = "en", text = "ai" }]
[[entry]]
id = "f"
terms = [{ lang = "en", text = "AI" }]
"#,
        )
        .expect("valid");
        let problems = check(&g);
        let has = |p: &Problem| problems.contains(p);
        assert!(
            has(&Problem::EmptyEntry { id: "d".into() }),
            "{problems:#?}"
        );
        assert!(
            has(&Problem::DuplicateTerm {
                id: "e".into(),
                term: "ai".into()
            }),
            "{problems:#?}"
        );
        assert!(
            has(&Problem::ConflictingTargets {
                term: "亞歷山大".into(),
                ids: vec!["a".into(), "c".into()],
                lang: "en".into(),
                targets: vec!["Alexander".into(), "Alexandre".into()],
            }),
            "{problems:#?}"
        );
        assert!(
            has(&Problem::Shadowed {
                term: "亞歷山大".into(),
                id: "a".into(),
                by: "亞歷山大·王".into(),
                by_id: "b".into(),
            }),
            "{problems:#?}"
        );
        assert!(
            problems.iter().any(
                |p| matches!(p, Problem::ForbiddenElsewhereAllowed { term, .. } if term == "AI")
            ),
            "{problems:#?}"
        );
        let clean = Glossary::from_toml(
            "[[entry]]\nid = \"x\"\nterms = [{ lang = \"en\", text = \"x\" }]\n",
        )
        .expect("valid");
        assert!(check(&clean).is_empty());
    }
}
