//! `glossary check`: problems in a termbase that make it unreliable, and
//! nesting (a term inside a longer one), which is information.
//!
//! Time and memory grow with the glossary, not with the number of pairs of
//! terms: terms are numbered by key (language and folded text) once, and
//! nesting is counted per key with a few examples, never listed pair by
//! pair (a glossary of 300,000 terms can hold millions of such pairs).

use std::collections::HashMap;

use crate::fold::fold;
use crate::matcher::Matcher;
use crate::model::{Glossary, Status};

/// How many longer terms [`Problem::Nested`] names as examples.
pub const NESTED_EXAMPLES: usize = 3;

/// A problem found in a glossary, or (for [`Problem::Nested`]) a fact worth
/// knowing. Entries are named by id, terms by text.
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
    /// Information, not a problem ([`Problem::is_finding`] is false): a
    /// term that occurs inside longer terms of other entries ("AI" in "AI
    /// Act"). Where a longer one occurs, leftmost-longest matching uses it
    /// and not this term, which is what real glossaries want.
    Nested {
        /// The shorter term.
        term: String,
        /// Its entry (the first in file order that has it).
        id: String,
        /// How many longer terms contain it.
        count: usize,
        /// Up to [`NESTED_EXAMPLES`] of them, in file order: (term, entry).
        examples: Vec<(String, String)>,
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

impl Problem {
    /// Whether this is a real problem (`glossary check` fails on it), and
    /// not information such as [`Problem::Nested`].
    pub fn is_finding(&self) -> bool {
        !matches!(self, Problem::Nested { .. })
    }
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
            Problem::Nested {
                term,
                id,
                count,
                examples,
            } => {
                write!(f, "“{term}” ({id}) is inside {count} longer term(s), e.g.")?;
                for (k, (by, by_id)) in examples.iter().enumerate() {
                    let sep = if k == 0 { " " } else { ", " };
                    write!(f, "{sep}“{by}” ({by_id})")?;
                }
                Ok(())
            }
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

/// The terms of a glossary numbered by key: primary language and folded
/// text. Each distinct key is stored once.
struct Keys {
    /// Key of each term, entry by entry (`first[i]..first[i + 1]`).
    of_term: Vec<usize>,
    first: Vec<usize>,
    /// Per key, its (entry, term) occurrences, one per entry, file order.
    members: Vec<Vec<(usize, usize)>>,
    /// Per key, the language and folded text (for ordering the report).
    text: Vec<(String, String)>,
}

impl Keys {
    fn of(glossary: &Glossary) -> Keys {
        let mut index: HashMap<(String, String), usize> = HashMap::new();
        let mut keys = Keys {
            of_term: Vec::with_capacity(glossary.term_count()),
            first: Vec::with_capacity(glossary.entries.len() + 1),
            members: Vec::new(),
            text: Vec::new(),
        };
        for (i, e) in glossary.entries.iter().enumerate() {
            keys.first.push(keys.of_term.len());
            for (j, t) in e.terms.iter().enumerate() {
                let key = (t.lang.language().to_string(), fold(&t.text));
                let k = match index.get(&key) {
                    Some(&k) => k,
                    None => {
                        let k = keys.members.len();
                        keys.members.push(Vec::new());
                        keys.text.push(key.clone());
                        index.insert(key, k);
                        k
                    }
                };
                keys.of_term.push(k);
                let list = &mut keys.members[k];
                if list.last().is_none_or(|&(li, _)| li != i) {
                    list.push((i, j));
                }
            }
        }
        keys.first.push(keys.of_term.len());
        keys
    }

    /// The keys of entry `i`'s terms.
    fn of_entry(&self, i: usize) -> &[usize] {
        &self.of_term[self.first[i]..self.first[i + 1]]
    }
}

/// Finds the problems of `glossary` (and its nesting, see
/// [`Problem::is_finding`]) in a deterministic order: problems of single
/// entries in file order, then problems of shared terms and nesting by
/// term.
pub fn check(glossary: &Glossary) -> Vec<Problem> {
    let mut out = Vec::new();
    let keys = Keys::of(glossary);
    for (i, e) in glossary.entries.iter().enumerate() {
        if e.terms.is_empty() {
            out.push(Problem::EmptyEntry { id: e.id.clone() });
            continue;
        }
        if e.terms.iter().all(|t| t.status == Status::Forbidden) {
            out.push(Problem::NoUsableTerm { id: e.id.clone() });
        }
        // The same spelling twice in one language tag; a zh-Hant and a
        // zh-Hans term that fold together are the two scripts' spellings.
        let own = keys.of_entry(i);
        for (j, t) in e.terms.iter().enumerate() {
            let twice = e.terms[..j]
                .iter()
                .zip(own)
                .any(|(u, &k)| k == own[j] && u.lang == t.lang);
            if twice {
                out.push(Problem::DuplicateTerm {
                    id: e.id.clone(),
                    term: t.text.clone(),
                });
            }
        }
    }
    let term = |(i, j): (usize, usize)| &glossary.entries[i].terms[j];
    let entry = |i: usize| &glossary.entries[i];
    // Nesting, counted per key: a term found inside a longer term of an
    // entry that does not have it.
    let mut nested: Vec<(usize, Vec<(usize, usize)>)> = vec![(0, Vec::new()); keys.members.len()];
    if let Ok(m) = Matcher::new(glossary, |_| true) {
        let mut seen: Vec<usize> = Vec::new();
        for (i, e) in glossary.entries.iter().enumerate() {
            let own = keys.of_entry(i);
            for (j, t) in e.terms.iter().enumerate() {
                seen.clear();
                for hit in m.find_overlapping(&t.text) {
                    if hit.start == 0 && hit.end == t.text.len() {
                        continue;
                    }
                    let k = keys.of_entry(hit.entry)[hit.term];
                    if own.contains(&k) || seen.contains(&k) {
                        continue;
                    }
                    seen.push(k);
                    let (count, examples) = &mut nested[k];
                    *count += 1;
                    if examples.len() < NESTED_EXAMPLES {
                        examples.push((i, j));
                    }
                }
            }
        }
    }
    let mut order: Vec<usize> = (0..keys.members.len()).collect();
    order.sort_unstable_by(|&a, &b| keys.text[a].cmp(&keys.text[b]));
    for k in order {
        let list = &keys.members[k];
        let Some(&first) = list.first() else {
            continue;
        };
        let text = term(first).text.clone();
        shared_problem(glossary, list, &text, &mut out);
        let (count, examples) = &nested[k];
        if *count > 0 {
            out.push(Problem::Nested {
                term: text,
                id: entry(first.0).id.clone(),
                count: *count,
                examples: examples
                    .iter()
                    .map(|&(i, j)| (term((i, j)).text.clone(), entry(i).id.clone()))
                    .collect(),
            });
        }
    }
    out
}

/// The problem of one term shared by the entries of `list`, if any.
fn shared_problem(
    glossary: &Glossary,
    list: &[(usize, usize)],
    text: &str,
    out: &mut Vec<Problem>,
) {
    let term = |&(i, j): &(usize, usize)| &glossary.entries[i].terms[j];
    let entry = |&(i, _): &(usize, usize)| &glossary.entries[i];
    // Forbidden here, allowed there.
    let forbidden = list.iter().find(|p| term(p).status == Status::Forbidden);
    let allowed = list.iter().find(|p| term(p).status != Status::Forbidden);
    if let (Some(f), Some(a)) = (forbidden, allowed) {
        out.push(Problem::ForbiddenElsewhereAllowed {
            term: text.to_string(),
            forbidden_in: entry(f).id.clone(),
            allowed_in: entry(a).id.clone(),
        });
        return;
    }
    if list.len() < 2 {
        return;
    }
    let ids: Vec<String> = list.iter().map(|p| entry(p).id.clone()).collect();
    // Compare the preferred terms of the other languages.
    let mut langs: Vec<_> = list
        .iter()
        .flat_map(|p| entry(p).terms.iter().map(|t| &t.lang))
        .collect();
    langs.sort();
    langs.dedup();
    for lang in langs {
        let targets: Vec<String> = list
            .iter()
            .map(|p| {
                entry(p)
                    .terms
                    .iter()
                    .find(|t| &t.lang == lang && t.status == Status::Preferred)
                    .map(|t| t.text.clone())
                    .unwrap_or_default()
            })
            .collect();
        let present: Vec<String> = targets
            .iter()
            .filter(|t| !t.is_empty())
            .map(|t| fold(t))
            .collect();
        if present.len() >= 2 && present.iter().any(|t| *t != present[0]) {
            out.push(Problem::ConflictingTargets {
                term: text.to_string(),
                ids,
                lang: lang.to_string(),
                targets,
            });
            return;
        }
    }
    out.push(Problem::DuplicateEntries {
        term: text.to_string(),
        ids,
    });
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
                Problem::Nested {
                    term: s("軟"),
                    id: s("a"),
                    count: 2,
                    examples: vec![(s("軟體"), s("b")), (s("軟件"), s("c"))],
                },
                "“軟” (a) is inside 2 longer term(s), e.g. “軟體” (b), “軟件” (c)",
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
        // 亞歷山大 (a) and 亚历山大 (c) fold together: one key, nested in
        // one longer term; information, not a finding.
        let nested = Problem::Nested {
            term: "亞歷山大".into(),
            id: "a".into(),
            count: 1,
            examples: vec![("亞歷山大·王".into(), "b".into())],
        };
        assert!(has(&nested), "{problems:#?}");
        assert!(!nested.is_finding());
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

    /// Nesting is counted per term, with a few examples: a term inside
    /// many longer ones is one record, not one per pair.
    #[test]
    fn nesting_is_counted_not_listed() {
        let mut toml =
            String::from("[[entry]]\nid = \"ai\"\nterms = [{ lang = \"en\", text = \"AI\" }]\n");
        for k in 0..50 {
            toml.push_str(&format!(
                "[[entry]]\nid = \"act-{k}\"\nterms = [{{ lang = \"en\", text = \"AI Act {k}\" }}]\n"
            ));
        }
        let g = Glossary::from_toml(&toml).expect("valid");
        let problems = check(&g);
        assert_eq!(problems.len(), 1, "{problems:#?}");
        assert!(
            matches!(&problems[0], Problem::Nested { term, count: 50, examples, .. }
                if term == "AI" && examples.len() == NESTED_EXAMPLES && examples[0].1 == "act-0"),
            "{problems:#?}"
        );
        assert!(problems.iter().all(|p| !p.is_finding()));
    }
}
