//! The single-pass engine gives exactly what OpenCC's pipeline, run stage by
//! stage (the general path), gives: on every config, with and without the
//! tofu-risk dictionaries, on texts built to hit phrase boundaries, unsafe
//! run characters, ideographic description sequences and compatibility
//! ideographs. Its UTF-32 output (`convert_into_utf32`) is checked on the
//! same texts: the same characters, appended after what the buffer held;
//! and so is its UTF-32 output from the text's characters
//! (`convert_chars_into_utf32`, which configs of one pass read without
//! UTF-8).

use bianyi_convert::{Config, Converter};

#[path = "support/text.rs"]
mod text;
use text::{POOL, Rng, text};

/// Whether `c` is a compatibility ideograph (which every config normalises).
fn compat(c: char) -> bool {
    matches!(c, '\u{F900}'..='\u{FAFF}' | '\u{2F800}'..='\u{2FA1F}')
}

fn check(input: &str, what: &str) {
    let plain: String = input.chars().filter(|&c| !compat(c)).collect();
    let plain_chars: Vec<char> = plain.chars().collect();
    for &config in Config::ALL {
        for tofu in [false, true] {
            let fast = Converter::builder(config)
                .tofu_risk(tofu)
                .build()
                .convert(input);
            let wide_check = Converter::builder(config).tofu_risk(tofu).build();
            let mut wide = vec![0x2E];
            wide_check.convert_into_utf32(input, &mut wide);
            let expected: Vec<u32> = std::iter::once(0x2E)
                .chain(fast.chars().map(u32::from))
                .collect();
            let chars: Vec<char> = input.chars().collect();
            let mut from_chars = vec![0x2E];
            wide_check.convert_chars_into_utf32(&chars, &mut from_chars);
            for (wide, how) in [(wide, "UTF-8"), (from_chars, "characters")] {
                check_wide(
                    &wide,
                    &expected,
                    &format!("{config} (tofu {tofu}) on {what}, from {how}"),
                );
            }
            // Every config normalises compatibility ideographs, and a text
            // with one is converted from its UTF-8: the pass over
            // characters is checked on the text without them too.
            if plain.len() != input.len() {
                let want: Vec<u32> = wide_check.convert(&plain).chars().map(u32::from).collect();
                let mut got = Vec::new();
                wide_check.convert_chars_into_utf32(&plain_chars, &mut got);
                check_wide(
                    &got,
                    &want,
                    &format!(
                        "{config} (tofu {tofu}) on {what} without compatibility ideographs, from characters"
                    ),
                );
            }
            let general = Converter::builder(config)
                .tofu_risk(tofu)
                .general_path(true)
                .build()
                .convert(input);
            if fast != general {
                let at = fast
                    .chars()
                    .zip(general.chars())
                    .take_while(|(a, b)| a == b)
                    .count();
                let near = |s: &str| {
                    s.chars()
                        .skip(at.saturating_sub(8))
                        .take(20)
                        .collect::<String>()
                };
                panic!(
                    "{config} (tofu {tofu}) on {what}: fast path differs at char {at}\n  fast:    {}\n  general: {}",
                    near(&fast),
                    near(&general)
                );
            }
        }
    }
}

/// Panics, showing where, unless `wide` is `expected`.
fn check_wide(wide: &[u32], expected: &[u32], what: &str) {
    if wide != expected {
        let at = wide
            .iter()
            .zip(expected)
            .take_while(|(a, b)| a == b)
            .count();
        panic!(
            "{what}: UTF-32 output differs at unit {at} ({} units, {} expected): {:X?} against {:X?}",
            wide.len(),
            expected.len(),
            &wide[at.saturating_sub(4)..(at + 8).min(wide.len())],
            &expected[at.saturating_sub(4)..(at + 8).min(expected.len())],
        );
    }
}

#[test]
fn random_texts() {
    let mut rng = Rng(0xFA57_0001);
    for round in 0..6 {
        let input = text(&mut rng, 20_000, Some(30), round % 2 == 0);
        check(&input, &format!("random text {round}"));
    }
}

/// Every length around the single pass's switch to a staged writer (512
/// bytes: shorter texts are written straight to the output) and the very
/// short ones, where the look-ahead of four bytes meets the end of the text.
#[test]
fn lengths_around_the_staged_writer() {
    let mut rng = Rng(0xFA57_0512);
    for round in 0..3 {
        let input = text(&mut rng, 400, Some(25), round != 1);
        let ends = (0..=input.len())
            .filter(|&at| input.is_char_boundary(at))
            .filter(|&at| at <= 80 || (440..=600).contains(&at));
        for end in ends {
            check(&input[..end], &format!("text {round} cut at byte {end}"));
        }
    }
}

/// A compatibility ideograph late in a long text (the pass restarts after
/// normalising, when the UTF-32 writer has passed thousands of code points
/// on already), and complete ideographic description sequences longer than
/// one staged write (64 bytes).
#[test]
fn late_restarts_and_long_sequences() {
    let tri = |s: &str| format!("⿲{s}{s}{s}");
    let long_ids = tri(&tri(&tri("木")));
    assert!(long_ids.len() > 64);
    let mut input = "頭髮乾燥，后来".repeat(3000);
    input.push_str(&long_ids);
    input.push_str("後來\u{F900}頭髮");
    input.push_str(&long_ids);
    check(&input, "a late compatibility ideograph");
    let mut plain = "漢字汉字".repeat(2000);
    plain.push_str(&long_ids);
    plain.push('发');
    check(&plain, "long sequences");
}

/// A complete ideographic description sequence of exactly `n` code points
/// (`n` >= 1), of characters that convert both ways, nested no deeper than
/// a balanced tree.
fn sequence(n: usize) -> String {
    match n {
        1 => "發".to_string(),
        2 => "⿾发".to_string(),
        _ => {
            let a = (n - 1) / 2;
            format!("⿰{}{}", sequence(a), sequence(n - 1 - a))
        }
    }
}

/// Sequences around the longest one (64 code points: 65 makes the
/// operator an ordinary character, whose operands then convert), and
/// around the depth limit, whose operands convert: the pass over characters
/// must find the same ends as the one over UTF-8.
#[test]
fn sequences_at_their_limits() {
    let mut input = String::new();
    for n in [1, 2, 3, 62, 63, 64, 65, 66, 130] {
        assert_eq!(sequence(n).chars().count(), n);
        input.push_str(&sequence(n));
        input.push_str("頭髮后来");
        input.push_str(&sequence(n));
        input.push('\n');
        // Two of the outer operator's operands convert when it is not
        // taken as a sequence's (its first operand is one either way).
        if n > 4 {
            input.push_str(&format!("⿲{}發发", sequence(n - 3)));
            input.push('后');
        }
    }
    for depth in [15, 16, 17] {
        input.push_str(&"⿾".repeat(depth));
        input.push_str("發发后");
    }
    // A sequence cut short by the end of the text.
    let mut cut = sequence(40);
    cut.truncate(cut.char_indices().nth(30).map_or(cut.len(), |(i, _)| i));
    input.push_str(&cut);
    check(&input, "sequences at their limits");
}

/// Every pool entry next to every other: all two-word contexts.
#[test]
fn all_pairs() {
    let mut input = String::new();
    for a in POOL {
        for b in POOL {
            input.push_str(a);
            input.push_str(b);
            input.push('|');
        }
    }
    check(&input, "all pairs");
}

/// Every character of the dictionaries' keys once, in a row and in pairs.
#[test]
fn dictionary_characters() {
    let mut rng = Rng(7);
    let chars: Vec<char> = (0x3400u32..0xA000)
        .chain(0x20000..0x2A6E0)
        .filter_map(char::from_u32)
        .collect();
    let mut input = String::new();
    for _ in 0..60_000 {
        input.push(chars[rng.below(chars.len())]);
        if rng.below(40) == 0 {
            input.push('\n');
        }
    }
    check(&input, "random CJK characters");
}

/// Texts glued from random keys and values of every dictionary: phrase
/// boundaries, variant triggers and their windows everywhere.
#[test]
fn dictionary_entries_glued() {
    const FILES: &[&str] = &[
        include_str!("../data/opencc/dictionary/HKPhrases.txt"),
        include_str!("../data/opencc/dictionary/HKPhrasesRev.txt"),
        include_str!("../data/opencc/dictionary/HKVariants.txt"),
        include_str!("../data/opencc/dictionary/HKVariantsPhrases.txt"),
        include_str!("../data/opencc/dictionary/HKVariantsRev.txt"),
        include_str!("../data/opencc/dictionary/HKVariantsRevPhrases.txt"),
        include_str!("../data/opencc/dictionary/JPShinjitaiCharacters.txt"),
        include_str!("../data/opencc/dictionary/JPShinjitaiPhrases.txt"),
        include_str!("../data/opencc/dictionary/STCharacters.txt"),
        include_str!("../data/opencc/dictionary/STPhrases.txt"),
        include_str!("../data/opencc/dictionary/STPhrases_GeneratedFromRegionalPhrases.txt"),
        include_str!("../data/opencc/dictionary/TSCharacters.txt"),
        include_str!("../data/opencc/dictionary/TSPhrases.txt"),
        include_str!("../data/opencc/dictionary/TWPhrases.txt"),
        include_str!("../data/opencc/dictionary/TWPhrasesRev.txt"),
        include_str!("../data/opencc/dictionary/TWVariants.txt"),
        include_str!("../data/opencc/dictionary/TWVariantsPhrases.txt"),
        include_str!("../data/opencc/dictionary/TWVariantsRev.txt"),
        include_str!("../data/opencc/dictionary/TWVariantsRevPhrases.txt"),
    ];
    let mut words: Vec<&str> = Vec::new();
    for file in FILES {
        for line in file.lines().filter(|l| !l.starts_with('#')) {
            if let Some((key, values)) = line.split_once('\t') {
                words.push(key);
                words.extend(values.split(' '));
            }
        }
    }
    // Taiwan and Hong Kong forms of phrase keys: where a variant stage
    // changes a character, a later phrase stage may match across it.
    let s2tw = Converter::new(Config::S2tw);
    let s2hk = Converter::new(Config::S2hk);
    let mut regional: Vec<String> = Vec::new();
    for file in [FILES[12], FILES[18], FILES[5]] {
        for line in file.lines().filter(|l| !l.starts_with('#')) {
            if let Some((key, _)) = line.split_once('\t') {
                regional.push(s2tw.convert(key));
                regional.push(s2hk.convert(key));
            }
        }
    }
    words.extend(regional.iter().map(String::as_str));
    let mut rng = Rng(0xD1C7);
    for round in 0..4 {
        let mut input = String::new();
        while input.len() < 300_000 {
            let w = words[rng.below(words.len())];
            // Pieces of words too, so keys start and end mid-phrase.
            let chars: Vec<char> = w.chars().collect();
            let from = rng.below(chars.len());
            let to = from + 1 + rng.below(chars.len() - from);
            input.extend(
                &chars[if rng.below(3) == 0 { from } else { 0 }..if rng.below(3) == 0 {
                    to
                } else {
                    chars.len()
                }],
            );
            if rng.below(50) == 0 {
                input.push(['\n', '，', ' ', '⿰'][rng.below(4)]);
            }
        }
        check(&input, &format!("glued dictionary entries {round}"));
    }
}
