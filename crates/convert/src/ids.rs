//! Ideographic description sequences (IDS), as OpenCC 1.4 groups them.
//!
//! When no dictionary key matches at a position that starts a complete IDS
//! (an operator U+2FF0..U+2FFF followed by its operands, e.g. `⿰氵尔`), OpenCC
//! copies the whole sequence unconverted instead of converting its components
//! one by one. We do the same. Limits as in OpenCC's `UTF8Util`: nesting depth
//! 16 and 64 code points per sequence.

use crate::tables::Units;

const MAX_DEPTH: usize = 16;
const MAX_CODE_POINTS: usize = 64;

/// Operands taken by an ideographic description operator, 0 for other characters.
#[inline]
pub(crate) fn arity(c: char) -> usize {
    arity_code(u32::from(c))
}

/// [`arity`] of the code point `c`.
#[inline]
fn arity_code(c: u32) -> usize {
    match c {
        0x2FF2 | 0x2FF3 => 3,
        0x2FFE | 0x2FFF => 1,
        0x2FF0..=0x2FFD => 2,
        _ => 0,
    }
}

/// True when `c` is an ideographic description operator.
#[inline]
pub(crate) fn is_operator(c: char) -> bool {
    arity(c) != 0
}

/// True when the code point `c` is an ideographic description operator.
#[inline(always)]
pub(crate) fn is_operator_code(c: u32) -> bool {
    crate::layout::is_ids_operator(c)
}

/// UTF-8 lead bytes of U+2FF0..U+2FFF are E2 BF B0..BF: a cheap pre-check.
#[inline]
pub(crate) fn may_start_at(bytes: &[u8], i: usize) -> bool {
    bytes[i] == 0xE2 && bytes.get(i + 1) == Some(&0xBF)
}

enum Parse {
    Complete(usize),
    Incomplete,
    Invalid,
}

/// Parses the sequence at unit `at` of `text` (UTF-8 bytes or characters,
/// see [`Units`]): `Complete` with the unit where it ends.
fn consume<T: Units>(text: T, at: usize, depth_left: usize, code_points: &mut usize) -> Parse {
    if at >= text.units() {
        return Parse::Incomplete;
    }
    if depth_left == 0 || *code_points >= MAX_CODE_POINTS {
        return Parse::Invalid;
    }
    *code_points += 1;
    let (c, len) = text.decode(at);
    let mut end = at + len;
    for _ in 0..arity_code(c) {
        if end >= text.units() {
            return Parse::Incomplete;
        }
        match consume(text, end, depth_left - 1, code_points) {
            Parse::Complete(next) => end = next,
            other => return other,
        }
    }
    Parse::Complete(end)
}

/// What starts at an ideographic description operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Sequence {
    /// A complete sequence of this many bytes.
    Complete(usize),
    /// The text ends before the sequence does: more text could complete it.
    Incomplete,
    /// Too deep or too long: the operator is an ordinary character.
    Invalid,
}

/// How the text at an operator parses (`text` must start with one).
pub(crate) fn sequence_at(text: &str) -> Sequence {
    let mut code_points = 0;
    match consume(text.as_bytes(), 0, MAX_DEPTH, &mut code_points) {
        Parse::Complete(len) => Sequence::Complete(len),
        Parse::Incomplete => Sequence::Incomplete,
        Parse::Invalid => Sequence::Invalid,
    }
}

/// Length of the complete IDS at the start of `text` (UTF-8 bytes, valid
/// and starting at a character, or characters; the length counts them),
/// if one starts there.
pub(crate) fn sequence_len<T: Units>(text: T) -> Option<usize> {
    if text.units() == 0 || arity_code(text.decode(0).0) == 0 {
        return None;
    }
    let mut code_points = 0;
    match consume(text, 0, MAX_DEPTH, &mut code_points) {
        Parse::Complete(len) => Some(len),
        Parse::Incomplete | Parse::Invalid => None,
    }
}

/// The number of characters the longest possible IDS can span; a position
/// this far past the last operator cannot be inside a sequence.
pub(crate) const MAX_SPAN_CHARS: usize = MAX_CODE_POINTS;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sequences() {
        let cases: &[(&str, Option<usize>)] = &[
            ("⿰氵尔", Some("⿰氵尔".len())),
            ("⿰氵尔后", Some("⿰氵尔".len())),
            ("⿱⿰木木木x", Some("⿱⿰木木木".len())),
            ("⿲木木木", Some("⿲木木木".len())),
            ("⿾木", Some("⿾木".len())),
            ("⿰氵", None),
            ("⿰", None),
            ("氵尔", None),
            ("", None),
            // Operands may be any character, as in OpenCC.
            ("⿰a\n", Some("⿰a\n".len())),
        ];
        for &(text, want) in cases {
            assert_eq!(sequence_len(text.as_bytes()), want, "{text:?}");
            // The same sequence counted in characters.
            let chars: Vec<char> = text.chars().collect();
            let in_chars = want.map(|n| text[..n].chars().count());
            assert_eq!(sequence_len(&chars[..]), in_chars, "{text:?} in characters");
        }
    }

    #[test]
    fn depth_limit() {
        let deep = "⿾".repeat(16) + "木";
        assert_eq!(sequence_len(deep.as_bytes()), None);
        let ok = "⿾".repeat(15) + "木";
        assert_eq!(sequence_len(ok.as_bytes()), Some(ok.len()));
    }
}
