//! Sentence vectors without a neural model: each segment becomes a sparse
//! vector over the target side's vocabulary (stemmed words), the source
//! side through a bilingual lexicon (a bag of translations), both weighted
//! by inverse document frequency; numbers and Latin-script words are
//! anchors that need no lexicon. A second pass learns word translation
//! probabilities from the document pair itself (IBM model 1 on the
//! confident beads of the first pass).

use std::collections::HashMap;

use daachorse::{DoubleArrayAhoCorasick, DoubleArrayAhoCorasickBuilder, MatchKind};

/// The character lexicon bundled with the crate: English glosses of
/// Chinese characters from Unihan's kDefinition (Unicode License v3), see
/// `data/PROVENANCE`.
const UNIHAN_GLOSSES: &str = include_str!("../data/unihan-glosses.txt");

/// English words too common to tell sentences apart.
const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at",
    "be", "because", "been", "before", "being", "but", "by", "can", "could", "did", "do", "does",
    "doth", "for", "from", "had", "has", "hast", "hath", "have", "he", "her", "him", "his", "how",
    "i", "if", "in", "into", "is", "it", "its", "me", "my", "no", "nor", "not", "of", "on", "or",
    "our", "shall", "she", "should", "so", "than", "that", "the", "thee", "their", "them", "then",
    "there", "these", "they", "this", "those", "thou", "thy", "to", "unto", "up", "upon", "us",
    "was", "we", "were", "what", "when", "which", "who", "will", "with", "would", "ye", "you",
    "your",
];

/// Lower-cases a word and reduces it to a stem shared by its inflections:
/// common suffixes off, then at most five letters (created, creates,
/// creation → creat).
pub(crate) fn stem(word: &str) -> String {
    let w = word.to_lowercase();
    let w = w.strip_suffix("'s").unwrap_or(&w);
    let mut w = w.to_string();
    for suffix in ["ing", "eth", "est", "ed", "es", "s", "ly"] {
        if w.len() >= suffix.len() + 2 && w.ends_with(suffix) && !w.ends_with("ss") {
            w.truncate(w.len() - suffix.len());
            // running → runn → run, stopped → stop.
            let b = w.as_bytes();
            if b.len() >= 3
                && b[b.len() - 1] == b[b.len() - 2]
                && !b"aeiouls".contains(&b[b.len() - 1])
            {
                w.pop();
            }
            break;
        }
    }
    w.chars().take(5).collect()
}

fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3134F}')
}

/// What a segment's words are made of.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Script {
    /// Han characters are the tokens (Chinese, Japanese).
    Han,
    /// Words separated by spaces, stemmed.
    Words,
}

impl Script {
    pub(crate) fn of(lang: &str) -> Script {
        if lang.starts_with("zh")
            || lang.starts_with("cmn")
            || lang.starts_with("yue")
            || lang.starts_with("ja")
        {
            Script::Han
        } else {
            Script::Words
        }
    }
}

/// Tokens of a segment: Han characters (as strings) or stemmed words, and
/// anchors (numbers, Latin-script words) that the other side writes the
/// same way.
pub(crate) struct Tokens {
    pub(crate) words: Vec<String>,
    pub(crate) anchors: Vec<String>,
}

pub(crate) fn tokens(text: &str, script: Script) -> Tokens {
    let mut words = Vec::new();
    let mut anchors = Vec::new();
    let mut run = String::new();
    let flush = |run: &mut String, words: &mut Vec<String>, anchors: &mut Vec<String>| {
        if run.is_empty() {
            return;
        }
        let digits = run.chars().all(|c| c.is_ascii_digit());
        if digits {
            // Numbers anchor on both sides (1,000 and 1000 alike: the
            // separator splits them into the same runs on both sides).
            anchors.push(std::mem::take(run));
            return;
        }
        let letters = run.chars().filter(|c| c.is_alphabetic()).count();
        match script {
            Script::Han => {
                if letters >= 2 {
                    anchors.push(stem(run));
                }
            }
            Script::Words => {
                let lower = run.to_lowercase();
                if letters >= 2 && !STOP_WORDS.contains(&lower.as_str()) {
                    let s = stem(&lower);
                    // Capitalised words (names) also anchor against a
                    // Han-script side that writes them in Latin letters.
                    words.push(s);
                }
            }
        }
        run.clear();
    };
    for c in text.chars() {
        let c = match c {
            // Full-width letters and digits.
            '\u{FF10}'..='\u{FF5A}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            c => c,
        };
        if is_han(c) {
            flush(&mut run, &mut words, &mut anchors);
            if script == Script::Han {
                words.push(c.to_string());
            }
        } else if c.is_alphanumeric() || (c == '\'' && !run.is_empty()) {
            run.push(c);
        } else {
            flush(&mut run, &mut words, &mut anchors);
        }
    }
    flush(&mut run, &mut words, &mut anchors);
    anchors.extend(scaled_numbers(text, script));
    Tokens { words, anchors }
}

/// Numbers with a multiplier, written out as one value so that both sides
/// anchor on it: 140億 and "14 billion" both give `14000000000` (万/萬,
/// 百万, 千万, 亿/億, 万亿; thousand, million, billion, trillion).
fn scaled_numbers(text: &str, script: Script) -> Vec<String> {
    const HAN: &[(&str, usize)] = &[
        ("万亿", 12),
        ("萬億", 12),
        ("千万", 7),
        ("千萬", 7),
        ("百万", 6),
        ("百萬", 6),
        ("亿", 8),
        ("億", 8),
        ("万", 4),
        ("萬", 4),
    ];
    const WORDS: &[(&str, usize)] = &[
        ("thousand", 3),
        ("million", 6),
        ("billion", 9),
        ("trillion", 12),
    ];
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(|c: char| c.is_ascii_digit()) {
        let before = rest[..at].chars().next_back();
        let number = &rest[at..];
        let end = number
            .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
            .unwrap_or(number.len());
        let digits = number[..end].trim_end_matches([',', '.']);
        rest = &number[digits.len()..];
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '.') {
            continue;
        }
        let exponent = match script {
            Script::Han => HAN
                .iter()
                .find(|(w, _)| rest.starts_with(w))
                .map(|&(_, e)| e),
            Script::Words => {
                let word: String = rest
                    .trim_start_matches(' ')
                    .chars()
                    .take_while(char::is_ascii_alphabetic)
                    .collect::<String>()
                    .to_lowercase();
                WORDS.iter().find(|(w, _)| *w == word).map(|&(_, e)| e)
            }
        };
        let Some(exponent) = exponent else { continue };
        // 1,500 → 1500; 1.5 → 15 with one decimal place.
        let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
        if frac.contains('.') || frac.len() > exponent {
            continue;
        }
        let mut value: String = int.chars().filter(char::is_ascii_digit).collect();
        value.push_str(frac);
        value.extend(std::iter::repeat_n('0', exponent - frac.len()));
        let value = value.trim_start_matches('0');
        if !value.is_empty() {
            out.push(value.to_string());
        }
    }
    out
}

/// Interned strings.
#[derive(Default)]
pub(crate) struct Vocab {
    ids: HashMap<String, u32>,
}

impl Vocab {
    pub(crate) fn id(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        self.ids.insert(s.to_string(), id);
        id
    }

    pub(crate) fn get(&self, s: &str) -> Option<u32> {
        self.ids.get(s).copied()
    }

    pub(crate) fn len(&self) -> usize {
        self.ids.len()
    }
}

/// A bilingual lexicon from Han-script terms to stemmed target words.
pub(crate) struct Lexicon {
    automaton: Option<DoubleArrayAhoCorasick<u32>>,
    /// Per key (by value): the target words, stemmed.
    translations: Vec<Vec<String>>,
}

impl Lexicon {
    /// The bundled character glosses alone, built on first use and kept
    /// for the life of the process.
    pub(crate) fn bundled() -> &'static Lexicon {
        static BUNDLED: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        BUNDLED.get_or_init(|| Lexicon::new(true, &[]))
    }

    /// The bundled character glosses (when `bundled`) and `pairs` (Han
    /// term, target term), glossary and dictionary entries.
    pub(crate) fn new(bundled: bool, pairs: &[(String, String)]) -> Lexicon {
        fn add<'k>(keys: &mut HashMap<&'k str, Vec<String>>, key: &'k str, gloss: &str) {
            let words = tokens(gloss, Script::Words).words;
            if words.is_empty() {
                return;
            }
            let list = keys.entry(key).or_default();
            for w in words {
                if !list.contains(&w) {
                    list.push(w);
                }
            }
        }
        let mut keys: HashMap<&str, Vec<String>> = HashMap::new();
        // Lifetimes: keys borrow from the bundled text and from `pairs`.
        if bundled {
            for line in UNIHAN_GLOSSES.lines() {
                if let Some((ch, gloss)) = line.split_once('\t')
                    && !line.starts_with('#')
                {
                    add(&mut keys, ch, gloss);
                }
            }
        }
        for (term, gloss) in pairs {
            if !term.is_empty() {
                add(&mut keys, term.as_str(), gloss.as_str());
            }
        }
        let mut entries: Vec<(&str, Vec<String>)> = keys.into_iter().collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
        Lexicon::from_sorted(entries)
    }

    /// Keys in order, unique, with their target words.
    fn from_sorted(entries: Vec<(&str, Vec<String>)>) -> Lexicon {
        let automaton = (!entries.is_empty())
            .then(|| {
                DoubleArrayAhoCorasickBuilder::new()
                    .match_kind(MatchKind::Standard)
                    .build_with_values(
                        entries
                            .iter()
                            .enumerate()
                            .filter_map(|(i, (k, _))| Some((*k, u32::try_from(i).ok()?))),
                    )
                    .ok()
            })
            .flatten();
        Lexicon {
            automaton,
            translations: entries.into_iter().map(|(_, v)| v).collect(),
        }
    }

    /// The translations of the terms found in `text` (overlapping).
    pub(crate) fn lookup<'a>(&'a self, text: &str, out: &mut Vec<&'a str>) {
        if let Some(a) = &self.automaton {
            for m in a.find_overlapping_iter(text) {
                if let Some(list) = self.translations.get(m.value() as usize) {
                    out.extend(list.iter().map(String::as_str));
                }
            }
        }
    }
}

/// A word lexicon (CC-CEDICT's headwords) as a hash index: every key and
/// every prefix of a key, so that a lookup walks each position of a text
/// only as far as some key goes. Built in a few tens of milliseconds for
/// 128,000 headwords, where an Aho–Corasick automaton took ~300 ms.
pub(crate) struct WordIndex {
    /// Key → its entry in `words`; a proper prefix that is no key → `PREFIX`.
    map: HashMap<Box<str>, u32>,
    /// Per entry: the target words, stemmed.
    words: Vec<Vec<String>>,
}

const PREFIX: u32 = u32::MAX;

impl WordIndex {
    /// Each key (a Han term) with its first `max_glosses` glosses (English
    /// words or phrases), tokenized and stemmed here; a key given twice
    /// keeps its first glosses.
    pub(crate) fn from_glosses<'k>(
        entries: impl Iterator<Item = (&'k str, impl Iterator<Item = &'k str>)>,
        max_glosses: usize,
    ) -> WordIndex {
        let mut map: HashMap<Box<str>, u32> = HashMap::new();
        let mut words: Vec<Vec<String>> = Vec::new();
        for (key, glosses) in entries {
            if key.is_empty() || map.get(key).is_some_and(|&v| v != PREFIX) {
                continue;
            }
            let mut list: Vec<String> = Vec::new();
            for gloss in glosses.take(max_glosses) {
                for w in tokens(gloss, Script::Words).words {
                    if !list.contains(&w) {
                        list.push(w);
                    }
                }
            }
            if list.is_empty() {
                continue;
            }
            let Ok(id) = u32::try_from(words.len()) else {
                break;
            };
            words.push(list);
            map.insert(key.into(), id);
            for (at, _) in key.char_indices().skip(1) {
                map.entry(key[..at].into()).or_insert(PREFIX);
            }
        }
        WordIndex { map, words }
    }

    /// The translations of the terms found in `text` (overlapping, as
    /// [`Lexicon::lookup`]).
    pub(crate) fn lookup<'a>(&'a self, text: &str, out: &mut Vec<&'a str>) {
        for (start, _) in text.char_indices() {
            let rest = &text[start..];
            for (len, c) in rest.char_indices() {
                let Some(&id) = self.map.get(&rest[..len + c.len_utf8()]) else {
                    break;
                };
                if let Some(list) = self.words.get(id as usize) {
                    out.extend(list.iter().map(String::as_str));
                }
            }
        }
    }
}

/// A sparse vector: (term id, weight), sorted by id.
pub(crate) type Sparse = Vec<(u32, f32)>;

/// Dot product of two sparse vectors.
pub(crate) fn dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.is_empty() {
        return 0.0;
    }
    // Few entries against many: binary search; similar sizes: merge.
    if short.len() * 8 < long.len() {
        let mut s = 0.0;
        let mut from = 0;
        for &(k, w) in short {
            match long[from..].binary_search_by_key(&k, |e| e.0) {
                Ok(i) => {
                    s += w * long[from + i].1;
                    from += i + 1;
                }
                Err(i) => from += i,
            }
        }
        return s;
    }
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    s
}

/// Sum of sparse vectors.
pub(crate) fn sum(vectors: &[Sparse]) -> Sparse {
    let mut all: Vec<(u32, f32)> = vectors.iter().flatten().copied().collect();
    all.sort_unstable_by_key(|e| e.0);
    let mut out: Sparse = Vec::with_capacity(all.len());
    for (k, w) in all {
        match out.last_mut() {
            Some(last) if last.0 == k => last.1 += w,
            _ => out.push((k, w)),
        }
    }
    out
}

/// Builds the sparse vector of weighted term ids, merging duplicates by
/// keeping the largest weight (a bag of translations counts a word once).
pub(crate) fn sparse(mut entries: Vec<(u32, f32)>) -> Sparse {
    entries.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
    entries.dedup_by_key(|e| e.0);
    entries
}

/// Translation table learnt by IBM model 1: for each source token id, its
/// likely target word ids with probabilities.
pub(crate) struct Translations {
    pub(crate) table: HashMap<u32, Vec<(u32, f32)>>,
}

/// IBM model 1: a few EM iterations over the sentence pairs (source token
/// ids, target word ids), starting from uniform probabilities, with a NULL
/// word on the source side. Work is split into fixed chunks of pairs whose
/// counts are added in order, so the result does not depend on `threads`.
pub(crate) fn ibm1(
    pairs: &[(Vec<u32>, Vec<u32>)],
    iterations: usize,
    threads: usize,
) -> Translations {
    const NULL: u32 = u32::MAX;
    // Index the (f, e) pairs that co-occur: t[(f, e)] lives at a slot.
    let mut slot: HashMap<(u32, u32), u32> = HashMap::new();
    // Per sentence pair, per target word: the slots of its candidates.
    let mut links: Vec<Vec<Vec<u32>>> = Vec::with_capacity(pairs.len());
    let mut keys: Vec<(u32, u32)> = Vec::new();
    for (f, e) in pairs {
        let mut fs: Vec<u32> = f.clone();
        fs.push(NULL);
        fs.sort_unstable();
        fs.dedup();
        let per_e = e
            .iter()
            .map(|&ew| {
                fs.iter()
                    .map(|&fw| {
                        let next = u32::try_from(keys.len()).unwrap_or(u32::MAX);
                        *slot.entry((fw, ew)).or_insert_with(|| {
                            keys.push((fw, ew));
                            next
                        })
                    })
                    .collect()
            })
            .collect();
        links.push(per_e);
    }
    drop(slot);
    let mut t = vec![1.0f32; keys.len()];
    let f_of: Vec<u32> = keys.iter().map(|k| k.0).collect();
    // Dense ids of source words for the normalisation.
    let mut f_ids: HashMap<u32, usize> = HashMap::new();
    let f_index: Vec<usize> = f_of
        .iter()
        .map(|f| {
            let n = f_ids.len();
            *f_ids.entry(*f).or_insert(n)
        })
        .collect();
    const CHUNK: usize = 2048;
    for _ in 0..iterations {
        let expect = |range: std::ops::Range<usize>, t: &[f32]| -> Vec<(u32, f32)> {
            let mut counts: Vec<(u32, f32)> = Vec::new();
            for per_e in &links[range] {
                for cands in per_e {
                    let z: f32 = cands.iter().map(|&s| t[s as usize]).sum();
                    if z <= 0.0 {
                        continue;
                    }
                    counts.extend(cands.iter().map(|&s| (s, t[s as usize] / z)));
                }
            }
            counts
        };
        let chunks: Vec<std::ops::Range<usize>> = (0..links.len())
            .step_by(CHUNK)
            .map(|s| s..(s + CHUNK).min(links.len()))
            .collect();
        let results: Vec<Vec<(u32, f32)>> = if threads > 1 && chunks.len() > 1 {
            let t_ref = &t;
            let expect = &expect;
            std::thread::scope(|scope| {
                let per = chunks.len().div_ceil(threads);
                let handles: Vec<_> = chunks
                    .chunks(per)
                    .map(|group| {
                        scope.spawn(move || {
                            group
                                .iter()
                                .map(|r| expect(r.clone(), t_ref))
                                .collect::<Vec<_>>()
                        })
                    })
                    .collect();
                handles
                    .into_iter()
                    .flat_map(|h| h.join().unwrap_or_default())
                    .collect()
            })
        } else {
            chunks.iter().map(|r| expect(r.clone(), &t)).collect()
        };
        let mut count = vec![0.0f32; keys.len()];
        for chunk in results {
            for (s, c) in chunk {
                count[s as usize] += c;
            }
        }
        let mut total = vec![0.0f32; f_ids.len()];
        for (s, c) in count.iter().enumerate() {
            total[f_index[s]] += c;
        }
        for (s, c) in count.iter().enumerate() {
            let z = total[f_index[s]];
            t[s] = if z > 0.0 { c / z } else { 0.0 };
        }
    }
    let mut table: HashMap<u32, Vec<(u32, f32)>> = HashMap::new();
    for (s, &(f, e)) in keys.iter().enumerate() {
        if f != NULL && t[s] >= 0.05 {
            table.entry(f).or_default().push((e, t[s]));
        }
    }
    #[allow(clippy::iter_over_hash_type, reason = "each list is sorted on its own")]
    for list in table.values_mut() {
        list.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        list.truncate(6);
        list.sort_unstable_by_key(|e| e.0);
    }
    Translations { table }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_share_inflections() {
        assert_eq!(stem("created"), stem("create"));
        assert_eq!(stem("Creation"), "creat");
        assert_eq!(stem("waters"), stem("water"));
        assert_eq!(stem("goeth"), stem("go"));
        assert_eq!(stem("running"), stem("run"));
        assert_eq!(stem("stopped"), stem("stop"));
    }

    #[test]
    fn tokens_and_anchors() {
        let t = tokens("神说，2026年Meta要有光。", Script::Han);
        assert_eq!(t.words, ["神", "说", "年", "要", "有", "光"]);
        assert_eq!(t.anchors, ["2026", "meta"]);
        let t = tokens("And God said, in 2026: Meta's light.", Script::Words);
        assert_eq!(t.words, ["god", "said", "meta", "light"]);
        assert_eq!(t.anchors, ["2026"]);
    }

    #[test]
    fn numbers_with_multipliers_meet() {
        let zh = tokens("預算超過140億美元，1.5万人，3千万", Script::Han).anchors;
        let en = tokens(
            "The budget exceeds $14 billion, 15 thousand people, 30 million",
            Script::Words,
        )
        .anchors;
        for v in ["14000000000", "15000", "30000000"] {
            assert!(zh.iter().any(|a| a == v), "{v} missing from {zh:?}");
            assert!(en.iter().any(|a| a == v), "{v} missing from {en:?}");
        }
        // Not a multiplier, or part of a word: nothing more.
        assert_eq!(tokens("in 2026 millions", Script::Words).anchors, ["2026"]);
        assert_eq!(tokens("v1.2 billion", Script::Words).anchors, ["2"]);
    }

    #[test]
    fn bundled_lexicon_translates_characters() {
        let lex = Lexicon::new(true, &[("创造".into(), "to create".into())]);
        let mut out = Vec::new();
        lex.lookup("神创造天地", &mut out);
        for w in ["god", "creat", "heave", "earth"] {
            assert!(out.contains(&w), "{w} missing from {out:?}");
        }
    }

    #[test]
    fn sparse_dot_and_sum() {
        let a = vec![(1, 1.0), (3, 2.0), (9, 1.0)];
        let b = vec![(3, 0.5), (9, 2.0)];
        assert!((dot(&a, &b) - 3.0).abs() < 1e-6);
        assert_eq!(sum(&[a.clone(), b]), vec![(1, 1.0), (3, 2.5), (9, 3.0)]);
        let long: Sparse = (0..100).map(|k| (k, 1.0)).collect();
        assert!((dot(&[(5, 2.0), (50, 1.0), (500, 1.0)], &long) - 3.0).abs() < 1e-6);
    }

    #[test]
    fn ibm1_learns_from_cooccurrence() {
        // f1 always with e1, f2 with e2; f3 with both.
        let pairs = vec![
            (vec![1, 3], vec![10]),
            (vec![2, 3], vec![20]),
            (vec![1], vec![10]),
            (vec![2], vec![20]),
        ];
        let t = ibm1(&pairs, 5, 1);
        let best = |f: u32| {
            t.table[&f]
                .iter()
                .max_by(|a, b| a.1.total_cmp(&b.1))
                .map(|e| e.0)
        };
        assert_eq!(best(1), Some(10));
        assert_eq!(best(2), Some(20));
        let t2 = ibm1(&pairs, 5, 2);
        assert_eq!(t.table, t2.table);
    }
}
