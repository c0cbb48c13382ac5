//! Word boundaries for target-based conversion: the most probable split of
//! the text into words of jieba's dictionary (jieba's algorithm without its
//! HMM for unknown words), so that a conversion phrase is not applied across
//! a word boundary where a better split exists (前头|发生, not 前|头发|生).

use crate::tables::{Dict, WORDS, decode};

/// Sum of all frequencies in jieba's full dictionary (see data/jieba/PROVENANCE).
const TOTAL: f64 = 60_101_964.0;

/// `bounds[i]` is true when byte offset `i` of `text` is a word boundary
/// (offsets 0 and `text.len()` always are; offsets inside a character never).
pub(crate) fn boundaries(text: &str) -> Vec<bool> {
    let words = Dict::get(WORDS);
    let b = text.as_bytes();
    let mut starts: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        starts.push(i);
        i += decode(b, i).1;
    }
    let n = starts.len();
    // index of the character starting at each byte offset
    let mut index = vec![usize::MAX; b.len() + 1];
    for (k, &s) in starts.iter().enumerate() {
        index[s] = k;
    }
    index[b.len()] = n;
    let log_total = TOTAL.ln();
    // route[k] = (best log probability of text from character k, end of its first word)
    let mut route = vec![(0.0f64, n); n + 1];
    for k in (0..n).rev() {
        let start = starts[k];
        // A single character is always possible (frequency 1 if unknown).
        let mut best = (1f64.ln() - log_total + route[k + 1].0, k + 1);
        for found in words.matches_at(text, start) {
            let end = index[found.end];
            let freq = f64::from(found.value - 1);
            let score = freq.ln() - log_total + route[end].0;
            if end == k + 1 {
                // The character is a word itself: its own frequency.
                if score > best.0 || best.1 == k + 1 {
                    best = (score, end);
                }
            } else if score > best.0 {
                best = (score, end);
            }
        }
        route[k] = best;
    }
    let mut bounds = vec![false; b.len() + 1];
    bounds[0] = true;
    bounds[b.len()] = true;
    let mut k = 0;
    while k < n {
        let end = route[k].1;
        bounds[if end < n { starts[end] } else { b.len() }] = true;
        k = end;
    }
    bounds
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
    let bounds = boundaries(text);
    let mut out = Vec::new();
    let mut last = 0;
    for (i, &is) in bounds.iter().enumerate().skip(1) {
        if is {
            out.push(&text[last..i]);
            last = i;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_words(text)
    }

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
            assert_eq!(split(text), want, "{text}");
        }
    }
}
