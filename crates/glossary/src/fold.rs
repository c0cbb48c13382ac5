//! Folding text so that spellings that should match do: Traditional and
//! Simplified forms (and the Taiwan and Hong Kong variants) to one
//! Simplified form, full-width Latin letters and digits to ASCII, and
//! (for case-insensitive matching) letters to lower case. Every character
//! folds to exactly one character, so a match in the folded text is a match
//! of the same characters in the original.

use std::collections::HashMap;
use std::sync::OnceLock;

use bianyi_convert::{Config, Converter};

/// Ranges of Han characters whose Simplified form is looked up.
const HAN_RANGES: [(u32, u32); 6] = [
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x2A6DF),
    (0x2A700, 0x2EBEF),
    (0x2F800, 0x2FA1F),
];

struct Table {
    /// Folded form of each BMP code point (identity where nothing changes).
    bmp: Vec<char>,
    /// Folded forms of supplementary-plane characters that change.
    rest: HashMap<char, char>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(build)
}

fn build() -> Table {
    let mut bmp: Vec<char> = (0..=0xFFFFu32)
        .map(|u| char::from_u32(u).unwrap_or('\u{FFFD}'))
        .collect();
    let mut rest = HashMap::new();
    let chars: Vec<char> = HAN_RANGES
        .iter()
        .flat_map(|&(a, b)| (a..=b).filter_map(char::from_u32))
        .collect();
    // One character per line: no dictionary phrase spans a line break, so
    // each line is the character's own conversion.
    let mut text = String::with_capacity(chars.len() * 5);
    for &c in &chars {
        text.push(c);
        text.push('\n');
    }
    let simplified =
        Converter::new(Config::Hk2s).convert(&Converter::new(Config::Tw2s).convert(&text));
    let lines: Vec<&str> = simplified.split('\n').collect();
    if lines.len() == chars.len() + 1 {
        for (&c, line) in chars.iter().zip(&lines) {
            let mut it = line.chars();
            if let (Some(f), None) = (it.next(), it.next())
                && f != c
            {
                match bmp.get_mut(c as usize) {
                    Some(slot) => *slot = f,
                    None => {
                        rest.insert(c, f);
                    }
                }
            }
        }
    }
    // Full-width ASCII letters and digits to ASCII.
    for u in 0xFF10..=0xFF5Au32 {
        let ascii = u - 0xFEE0;
        if let (Some(c), Some(a)) = (char::from_u32(u), char::from_u32(ascii))
            && a.is_ascii_alphanumeric()
        {
            bmp[c as usize] = a;
        }
    }
    Table { bmp, rest }
}

/// Folds script variants and width (not case).
pub(crate) fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    let t = table();
    match t.bmp.get(c as usize) {
        Some(&f) => f,
        None => t.rest.get(&c).copied().unwrap_or(c),
    }
}

/// Lower case when that is one character, else the character itself.
pub(crate) fn lower(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut it = c.to_lowercase();
    match (it.next(), it.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// Folds a whole string (script, width and case): two terms with the same
/// key match the same text.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        out.push(fold_lower(c));
    }
    out
}

/// [`fold_char`] then [`lower`], skipping the case step for characters
/// (Han, kana, …) that have no case.
#[inline]
pub(crate) fn fold_lower(c: char) -> char {
    let f = fold_char(c);
    if (f as u32) >= 0x2E80 && (f as u32) < 0xFF00 || (f as u32) >= 0x20000 {
        f
    } else {
        lower(f)
    }
}

/// A letter or digit of a script written with spaces between words: a
/// glossary term that starts or ends with one must not match inside a
/// longer word.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || c == '_'
        || (c.is_alphanumeric() && !is_han_or_kana(c) && (c as u32) < 0x2E80)
}

fn is_han_or_kana(c: char) -> bool {
    let u = c as u32;
    (0x2E80..=0x9FFF).contains(&u) || (0xF900..=0xFAFF).contains(&u) || u >= 0x20000
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_width_and_case_fold_together() {
        assert_eq!(fold("顏樂存"), fold("颜乐存"));
        assert_eq!(fold("楊立昆"), "杨立昆");
        assert_eq!(fold("亞歷山大·王"), "亚历山大·王");
        // Taiwan and Hong Kong variant forms.
        assert_eq!(fold("為"), fold("爲"));
        assert_eq!(fold("綫"), fold("線"));
        assert_eq!(fold("ＬｅＣｕｎ１２"), "lecun12");
        // Full-width punctuation is not a letter or digit: kept.
        assert_eq!(fold("（"), "（");
        assert_eq!(fold("İ").chars().count(), 1);
    }

    #[test]
    fn word_characters() {
        assert!(is_word_char('X'));
        assert!(is_word_char('é'));
        assert!(!is_word_char('顏'));
        assert!(!is_word_char(' '));
        assert!(!is_word_char('·'));
    }
}
