//! Finding glossary terms in text: leftmost-longest over all terms at once
//! (an Aho–Corasick automaton), insensitive to script variants, character
//! width and (per term) letter case, never inside a longer Latin word.

use daachorse::{CharwiseDoubleArrayAhoCorasick, CharwiseDoubleArrayAhoCorasickBuilder, MatchKind};

use crate::error::{Error, ErrorKind};
use crate::fold::{fold, fold_char, fold_lower, is_word_char};
use crate::model::{Glossary, Term};

/// A term found in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Match {
    /// Byte offset of the first character in the text.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// Index of the entry in the glossary's `entries`.
    pub entry: usize,
    /// Index of the term in that entry's `terms`.
    pub term: usize,
}

pub(crate) struct Candidate {
    pub(crate) entry: usize,
    pub(crate) term: usize,
    /// Script- and width-folded text, for case-sensitive terms.
    pub(crate) exact: Option<String>,
}

pub(crate) struct Pattern {
    /// Candidates in glossary order; the last that fits wins.
    pub(crate) candidates: Vec<Candidate>,
    /// The term starts with a letter or digit of a spaced script.
    pub(crate) word_start: bool,
    /// The term ends with one.
    pub(crate) word_end: bool,
    /// Byte length of the folded key: a match ends at the automaton's
    /// reported end and starts `len` bytes before (the lengths stored in a
    /// cached automaton are not trusted).
    pub(crate) len: usize,
}

/// Finds the terms of a glossary in texts. Build it once, use it on many
/// texts (it is `Send` and `Sync`).
pub struct Matcher {
    /// Shards of the patterns (built in parallel), each searched in turn.
    pub(crate) automata: Vec<CharwiseDoubleArrayAhoCorasick<u32>>,
    pub(crate) patterns: Vec<Pattern>,
}

impl Matcher {
    /// A matcher for the terms of `glossary` that `include` accepts (e.g.
    /// only Chinese terms, or only terms of the source language).
    ///
    /// Terms that fold to the same text (顏樂存 and 颜乐存; LeCun and lecun
    /// when neither is case-sensitive) share one pattern; when such a
    /// pattern is found, the last of its terms in glossary order whose case
    /// rule fits is reported, so later entries win.
    pub fn new(
        glossary: &Glossary,
        include: impl Fn(&Term) -> bool + Sync,
    ) -> Result<Matcher, Error> {
        let threads = std::thread::available_parallelism()
            .map_or(1, usize::from)
            .min(4);
        Matcher::with_threads(glossary, include, threads, 200_000)
    }

    /// [`Matcher::new`] building the automaton in up to `threads` shards on
    /// as many threads when there are at least `shard_min` patterns (a
    /// shard costs a pass over the text when searching).
    pub(crate) fn with_threads(
        glossary: &Glossary,
        include: impl Fn(&Term) -> bool + Sync,
        threads: usize,
        shard_min: usize,
    ) -> Result<Matcher, Error> {
        // One pattern per distinct folded key, its candidates in glossary
        // order.
        let mut index: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
        let mut patterns: Vec<Pattern> = Vec::new();
        for (e, entry) in glossary.entries.iter().enumerate() {
            for (t, term) in entry.terms.iter().enumerate() {
                if !include(term) || term.text.is_empty() {
                    continue;
                }
                let key = fold(&term.text);
                let k = match index.get(key.as_str()) {
                    Some(&k) => k as usize,
                    None => {
                        let k = patterns.len();
                        let id = u32::try_from(k).map_err(|_| {
                            Error::new(ErrorKind::TooLarge {
                                message: "more than 2^32 terms".to_string(),
                            })
                        })?;
                        patterns.push(Pattern {
                            candidates: Vec::new(),
                            word_start: key.chars().next().is_some_and(is_word_char),
                            word_end: key.chars().next_back().is_some_and(is_word_char),
                            len: key.len(),
                        });
                        index.insert(key, id);
                        k
                    }
                };
                if let Some(p) = patterns.get_mut(k) {
                    p.candidates.push(Candidate {
                        entry: e,
                        term: t,
                        exact: term
                            .case_sensitive
                            .then(|| term.text.chars().map(fold_char).collect()),
                    });
                }
            }
        }
        let mut keyed: Vec<(String, u32)> = index.into_iter().collect();
        keyed.sort_unstable();
        // The automata build faster from sorted patterns; large sets are
        // cut into contiguous shards built on several threads.
        let shards = if keyed.len() >= shard_min { threads } else { 1 };
        let size = keyed.len().div_ceil(shards.max(1)).max(1);
        let build = |part: &[(String, u32)]| {
            CharwiseDoubleArrayAhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .build_with_values(part.iter().map(|(k, v)| (k.as_str(), *v)))
                .map_err(|e| {
                    Error::new(ErrorKind::TooLarge {
                        message: e.to_string(),
                    })
                })
        };
        let automata: Vec<CharwiseDoubleArrayAhoCorasick<u32>> = if shards <= 1 {
            keyed.chunks(size).map(build).collect::<Result<_, _>>()?
        } else {
            std::thread::scope(|scope| {
                // A thread the system cannot start: that shard is built
                // here instead (issue 20).
                let handles: Vec<_> = keyed
                    .chunks(size)
                    .map(|part| {
                        std::thread::Builder::new()
                            .spawn_scoped(scope, move || build(part))
                            .map_err(|_| part)
                    })
                    .collect();
                handles
                    .into_iter()
                    .map(|h| match h {
                        Ok(h) => h.join().unwrap_or_else(|_| {
                            Err(Error::new(ErrorKind::TooLarge {
                                message: "automaton builder failed".to_string(),
                            }))
                        }),
                        Err(part) => build(part),
                    })
                    .collect::<Result<Vec<_>, _>>()
            })?
        };
        Ok(Matcher { automata, patterns })
    }

    /// Number of distinct folded patterns.
    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    /// The terms in `text`, leftmost-longest and not overlapping, in order.
    pub fn find(&self, text: &str) -> Vec<Match> {
        let mut found = self.find_overlapping(text);
        found.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let mut out = Vec::with_capacity(found.len());
        let mut end = 0;
        for m in found {
            if m.start >= end {
                end = m.end;
                out.push(m);
            }
        }
        out
    }

    /// Every occurrence of every term in `text`, overlapping ones included,
    /// in no particular order.
    pub fn find_overlapping(&self, text: &str) -> Vec<Match> {
        if self.automata.is_empty() {
            return Vec::new();
        }
        let folded = Folded::new(text);
        let mut found: Vec<Match> = Vec::new();
        for automaton in &self.automata {
            for m in automaton.find_overlapping_iter(&folded.text) {
                // Not `m.start()`: it subtracts a length read from the
                // automaton, which a damaged cache can make overflow.
                if let Some(hit) = self.check(text, &folded, m.end(), m.value()) {
                    found.push(hit);
                }
            }
        }
        found
    }
}

impl Matcher {
    /// The match for pattern `value` ending at folded offset `fe`, if it is
    /// not inside a word and a candidate's case rule fits. Offsets that do
    /// not fit the text (only possible with a damaged cached automaton) give
    /// no match rather than a panic.
    fn check(&self, text: &str, folded: &Folded, fe: usize, value: u32) -> Option<Match> {
        let p = self.patterns.get(value as usize)?;
        let fs = fe.checked_sub(p.len)?;
        let before = folded.text.get(..fs)?;
        let after = folded.text.get(fe..)?;
        if p.word_start && before.chars().next_back().is_some_and(is_word_char) {
            return None;
        }
        if p.word_end && after.chars().next().is_some_and(is_word_char) {
            return None;
        }
        let (start, end) = (folded.original(fs), folded.original(fe));
        let slice = text.get(start..end)?;
        let fits = |c: &&Candidate| match &c.exact {
            None => true,
            Some(exact) => slice.chars().map(fold_char).eq(exact.chars()),
        };
        let c = p.candidates.iter().rev().find(fits)?;
        Some(Match {
            start,
            end,
            entry: c.entry,
            term: c.term,
        })
    }
}

/// A folded copy of a text and the way back to the original's offsets.
struct Folded {
    text: String,
    /// Original byte offset of each folded byte offset that starts a
    /// character (plus the end); `None` when every character kept its
    /// length, so offsets are the same.
    map: Option<Vec<usize>>,
}

impl Folded {
    fn new(text: &str) -> Folded {
        let mut out = String::with_capacity(text.len());
        let mut same_lengths = true;
        let mut rest = text;
        while !rest.is_empty() {
            // Runs of ASCII: lower case, byte for byte.
            let ascii = rest.bytes().take_while(u8::is_ascii).count();
            if ascii > 0 {
                out.extend(
                    rest[..ascii]
                        .bytes()
                        .map(|b| char::from(b.to_ascii_lowercase())),
                );
                rest = &rest[ascii..];
                continue;
            }
            let mut chars = rest.chars();
            if let Some(c) = chars.next() {
                let f = fold_lower(c);
                same_lengths &= f.len_utf8() == c.len_utf8();
                out.push(f);
            }
            rest = chars.as_str();
        }
        let map = (!same_lengths).then(|| {
            let mut m = vec![0; out.len() + 1];
            let mut at = 0;
            for (i, c) in text.char_indices() {
                if let Some(slot) = m.get_mut(at) {
                    *slot = i;
                }
                at += fold_lower(c).len_utf8();
            }
            if let Some(slot) = m.get_mut(at) {
                *slot = text.len();
            }
            m
        });
        Folded { text: out, map }
    }

    fn original(&self, folded: usize) -> usize {
        match &self.map {
            None => folded,
            Some(m) => m.get(folded).copied().unwrap_or(folded),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entry, Lang};

    fn glossary(terms: &[(&str, &str, bool)]) -> Glossary {
        let mut g = Glossary::new();
        for (i, (lang, text, case)) in terms.iter().enumerate() {
            let mut e = Entry::new(format!("e{i}"));
            let mut t = Term::new(Lang::parse(lang).expect("tag"), *text);
            t.case_sensitive = *case;
            e.terms.push(t);
            g.entries.push(e);
        }
        g
    }

    fn found(g: &Glossary, text: &str) -> Vec<String> {
        Matcher::new(g, |_| true)
            .expect("builds")
            .find(text)
            .iter()
            .map(|m| format!("{}@{}", &text[m.start..m.end], g.entries[m.entry].id))
            .collect()
    }

    #[test]
    fn variants_widths_and_longest() {
        let g = glossary(&[
            ("zh-Hant", "顏樂存", false),
            ("zh-Hant", "亞歷山大·王", false),
            ("zh-Hant", "亞歷山大", false),
            ("en", "Meta", false),
        ]);
        assert_eq!(
            found(&g, "首席科学家颜乐存和亞歷山大·王在Meta。亞歷山大大帝"),
            vec!["颜乐存@e0", "亞歷山大·王@e1", "Meta@e3", "亞歷山大@e2"]
        );
        // Full-width Latin letters, other case.
        assert_eq!(found(&g, "在ＭＥＴＡ工作"), vec!["ＭＥＴＡ@e3"]);
    }

    #[test]
    fn latin_words_are_whole() {
        let g = glossary(&[("en", "LeCun", true), ("en", "AI", false)]);
        assert_eq!(found(&g, "LeCunX and LeCun, lecun"), vec!["LeCun@e0"]);
        assert_eq!(found(&g, "人工智慧AI和MAIL"), vec!["AI@e1"]);
        assert_eq!(found(&g, "ＬｅＣｕｎ說"), vec!["ＬｅＣｕｎ@e0"]);
    }

    #[test]
    fn offsets_after_width_changes() {
        let g = glossary(&[("zh-Hant", "楊立昆", false)]);
        let text = "ＡＢＣ杨立昆ＤＥ楊立昆";
        let m = Matcher::new(&g, |_| true).expect("builds").find(text);
        assert_eq!(m.len(), 2);
        assert_eq!(&text[m[0].start..m[0].end], "杨立昆");
        assert_eq!(&text[m[1].start..m[1].end], "楊立昆");
    }

    #[test]
    fn shards_find_what_one_automaton_finds() {
        // 20,000 two- to four-character terms over a small alphabet, so
        // that they overlap in the text.
        let alphabet: Vec<char> = "亞歷山大王顏樂存楊立昆馬克說和在家一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥".chars().collect();
        let mut g = Glossary::new();
        let mut n = 7u64;
        for i in 0..20_000 {
            n = n
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let len = 2 + usize::from((n >> 60) as u8 % 3);
            let text: String = (0..len)
                .map(|k| alphabet[usize::from(n.to_le_bytes()[k]) % alphabet.len()])
                .collect();
            let mut e = Entry::new(format!("e{i}"));
            e.terms
                .push(Term::new(Lang::parse("zh-Hant").expect("tag"), text));
            g.entries.push(e);
        }
        let text = "馬克說顏樂存和亞歷山大王在楊立昆家。山大王樂存立昆馬克亞歷";
        let one = Matcher::with_threads(&g, |_| true, 1, 0).expect("builds");
        let four = Matcher::with_threads(&g, |_| true, 4, 0).expect("builds");
        assert!(four.automata.len() > 1);
        let mut a = one.find_overlapping(text);
        let mut b = four.find_overlapping(text);
        let key = |m: &Match| (m.start, m.end, m.entry, m.term);
        a.sort_by_key(key);
        b.sort_by_key(key);
        assert!(!a.is_empty());
        assert_eq!(a, b);
        assert_eq!(one.find(text), four.find(text));
    }

    #[test]
    fn later_entries_win_and_empty_glossaries_work() {
        let g = glossary(&[("zh-Hans", "杨立昆", false), ("zh-Hant", "楊立昆", false)]);
        assert_eq!(found(&g, "杨立昆"), vec!["杨立昆@e1"]);
        assert!(found(&Glossary::new(), "anything").is_empty());
    }
}
