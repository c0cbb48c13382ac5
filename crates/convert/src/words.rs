//! Word boundaries for target-based conversion: the most probable split of
//! the text into words (jieba's algorithm, without its HMM for unknown
//! words), over jieba's dictionary and, for conversion, the phrases of the
//! conversion tables too, so that a conversion phrase is kept where it is a
//! word (里长 → 里長) and not applied across a word boundary where a better
//! split exists (前头|发生, not 前|头发|生).

use crate::tables::{Dict, WORDS, decode};

/// Sum of all frequencies in jieba's full dictionary (see data/jieba/PROVENANCE).
const TOTAL: f64 = 60_101_964.0;

/// Frequency given to a phrase of the conversion tables that jieba's
/// dictionary does not know: about that of a word jieba knows but rarely
/// sees.
const PHRASE_FREQ: f64 = 30.0;

/// Weight of a phrase of the conversion tables against a split that breaks
/// it (its frequency is multiplied by this): OpenCC's phrases are kept
/// unless a split into other words is clearly more probable (里長 against
/// 里|長住 is kept; 前|頭髮|生 against 前頭|發生 is not).
const PHRASE_WEIGHT: f64 = 7.4;

/// Calls `f(start, end)` for each word of the most probable split of
/// `text` (byte offsets; the words cover `text`). With `phrases`, the keys
/// of that dictionary of two characters or more are words too.
pub(crate) fn for_each_word(text: &str, phrases: Option<Dict>, mut f: impl FnMut(usize, usize)) {
    let b = text.as_bytes();
    if b.is_empty() {
        return;
    }
    let words = Dict::get(WORDS);
    let mut starts: Vec<usize> = Vec::with_capacity(b.len() / 2);
    let mut i = 0;
    while i < b.len() {
        starts.push(i);
        i += decode(b, i).1;
    }
    let n = starts.len();
    // Character index of a byte offset (a character start or the end).
    let index = |offset: usize| -> usize {
        if offset == b.len() {
            n
        } else {
            starts.binary_search(&offset).unwrap_or(n)
        }
    };
    let log_total = TOTAL.ln();
    // route[k] = (best log probability of the text from character k, end of its first word)
    let mut route = vec![(0.0f64, n); n + 1];
    let mut found: Vec<(usize, f64)> = Vec::new();
    for k in (0..n).rev() {
        let start = starts[k];
        found.clear();
        {
            words.for_each_match(text, start, |end, value| {
                found.push((end, f64::from(value - 1)));
            });
            // Conversion phrases may start with Latin letters (B超).
            if let Some(p) = phrases {
                let one = start + decode(b, start).1;
                p.for_each_match(text, start, |end, _| {
                    if end > one {
                        match found.iter_mut().find(|(e, _)| *e == end) {
                            Some((_, freq)) => *freq *= PHRASE_WEIGHT,
                            None => found.push((end, PHRASE_FREQ * PHRASE_WEIGHT)),
                        }
                    }
                });
            }
        }
        // A single character is always possible (frequency 1 if unknown).
        let mut best = (1f64.ln() - log_total + route[k + 1].0, k + 1);
        let mut own = false;
        for &(end_byte, freq) in &found {
            let end = index(end_byte);
            let score = freq.ln() - log_total + route[end].0;
            if end == k + 1 {
                // The character is a word itself: its own frequency.
                if !own || score > best.0 {
                    best = (score, end);
                    own = true;
                }
            } else if score > best.0 {
                best = (score, end);
            }
        }
        route[k] = best;
    }
    let mut k = 0;
    while k < n {
        let end = route[k].1;
        f(starts[k], if end < n { starts[end] } else { b.len() });
        k = end;
    }
}

/// Splits `text` into words: the most probable split over the frequencies
/// of jieba's dictionary (105,157 Simplified Chinese words), without a model
/// for unknown words, which come out one character each. Other characters
/// (Latin letters, digits, spaces) come out one per word. Joined, the words
/// are `text`.
///
/// ```
/// assert_eq!(
///     bianyi_convert::split_words("首席科学家颜乐存"),
///     ["首席", "科学家", "颜", "乐", "存"]
/// );
/// ```
pub fn split_words(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for_each_word(text, None, |s, e| out.push(&text[s..e]));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_like_jieba() {
        let cases: &[(&str, &[&str])] = &[
            ("前头发生了什么", &["前头", "发生", "了", "什么"]),
            ("他被发明家叫住", &["他", "被", "发明家", "叫住"]),
            ("心理发展", &["心理", "发展"]),
            ("李白面前", &["李白", "面前"]),
            ("ab 头发", &["a", "b", " ", "头发"]),
            ("", &[]),
        ];
        for &(text, want) in cases {
            assert_eq!(split_words(text), want, "{text}");
        }
    }
}
