//! Splitting texts into paragraphs and sentences.
//!
//! Chinese: a sentence ends after 。！？；!?; or an ellipsis (…… / ...), with
//! any closing quotes and brackets that follow (」』”’）》】) kept with it.
//! English: after `.`, `!`, `?` or an ellipsis, closing quotes and brackets,
//! then white space and something that starts a sentence (a capital, a
//! digit, an opening quote) — except after abbreviations (Mr., U.S., e.g.),
//! initials (J. R. R. Tolkien) and inside decimals (3.14).
//!
//! A sentence has text: a letter, a Han character or a digit, not counting
//! link destinations (`](…)`) and bare URLs. With [`Segmentation::Sentences`]
//! a piece without text (a Markdown image `![](…)`, a rule `---`, a lone
//! bracket) is not a sentence of its own: it stays with the sentence before
//! it on its line, else with the one after it, and a line without text is
//! no segment at all (its bytes are between segments, as blank lines are).
//! An ASCII `!` before `[` opens a Markdown image and ends no sentence.

use crate::bitext::Segment;

/// How input is split.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Segmentation {
    /// Paragraphs (non-empty lines), then sentences by the rules of the
    /// language.
    Sentences,
    /// One segment per non-empty line, as given (hunalign/vecalign
    /// convention).
    Lines,
}

/// Closing quotes and brackets that stay with the sentence before them.
const CLOSERS: &[char] = &[
    '」', '』', '”', '’', '）', ')', '》', '】', '〕', '"', '\'', '］', ']', '〉',
];

/// Opening quotes and brackets that can start an English sentence.
const OPENERS: &[char] = &['"', '\'', '“', '‘', '(', '[', '「', '『'];

/// Words that end with a period without ending a sentence (compared
/// without the period, case-sensitively).
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Sr", "Jr", "St", "Mt", "vs", "etc", "e.g", "i.e", "cf", "al",
    "U.S", "U.K", "U.N", "E.U", "No", "Nos", "Inc", "Ltd", "Co", "Corp", "Gen", "Gov", "Sen",
    "Rep", "Rev", "Capt", "Col", "Lt", "Sgt", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
    "Sep", "Sept", "Oct", "Nov", "Dec", "a.m", "p.m", "approx", "dept", "est", "fig", "Fig", "vol",
    "Vol", "pp", "ed", "eds",
];

/// Splits `text` into segments: per non-empty line with [`Segmentation::Lines`],
/// else per sentence within each paragraph (line). `lang` is a BCP 47 tag;
/// Chinese (`zh…`) and Japanese use the Chinese rules, everything else the
/// English ones.
pub fn segment(text: &str, lang: &str, how: Segmentation) -> Vec<Segment> {
    let chinese = lang.starts_with("zh") || lang.starts_with("ja") || lang.starts_with("yue");
    let mut out = Vec::new();
    let mut at = 0;
    let mut paragraph = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        if !body.trim().is_empty() {
            let spans = match how {
                Segmentation::Lines => vec![(0, body.len())],
                Segmentation::Sentences if chinese => with_text(body, sentences_zh(body)),
                Segmentation::Sentences => with_text(body, sentences_en(body)),
            };
            if spans.is_empty() {
                // No text on the line: not a paragraph either.
                at += line.len();
                continue;
            }
            for (s, e) in spans {
                let piece = &body[s..e];
                let trimmed = piece.trim();
                if trimmed.is_empty() {
                    continue;
                }
                let lead = piece.len() - piece.trim_start().len();
                out.push(Segment {
                    text: trimmed.to_string(),
                    paragraph,
                    start: at + s + lead,
                });
            }
            paragraph += 1;
        }
        at += line.len();
    }
    out
}

/// Whether `piece` has text: a letter (Han characters included) or a digit
/// outside link destinations (`](…)`) and bare URLs (`http://…`,
/// `https://…`, `www.…`).
fn has_text(piece: &str) -> bool {
    let mut rest = piece;
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix("](") {
            rest = after.find(')').map_or("", |i| &after[i + 1..]);
            continue;
        }
        if ["http://", "https://", "www."]
            .iter()
            .any(|p| rest.starts_with(p))
        {
            rest = rest.find(char::is_whitespace).map_or("", |i| &rest[i..]);
            continue;
        }
        if c.is_alphanumeric() {
            return true;
        }
        rest = &rest[c.len_utf8()..];
    }
    false
}

/// `spans` of `body` with each span that has no text joined to the one
/// before it (else to the one after it); none if the line has no text.
fn with_text(body: &str, spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    let mut pending = None;
    for (s, e) in spans {
        if body[s..e].trim().is_empty() {
            continue;
        }
        if has_text(&body[s..e]) {
            out.push((pending.take().unwrap_or(s), e));
        } else if let Some(last) = out.last_mut() {
            last.1 = e;
        } else if pending.is_none() {
            pending = Some(s);
        }
    }
    out
}

/// Byte spans of the Chinese sentences of one paragraph.
pub fn sentences_zh(text: &str) -> Vec<(usize, usize)> {
    let enders = ['。', '！', '？', '!', '?', '；', ';', '…'];
    let mut spans = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let ascii_period_end = c == '.'
            && chars.peek().is_some_and(|&(_, n)| n == '.')
            && text[i..].starts_with("...");
        if !enders.contains(&c) && !ascii_period_end {
            continue;
        }
        // `![…](…)`: a Markdown image, not an exclamation.
        if c == '!' && chars.peek().is_some_and(|&(_, n)| n == '[') {
            continue;
        }
        let mut end = i + c.len_utf8();
        // Repeated enders (？！, ……, ...) and closing quotes stay.
        while let Some(&(j, n)) = chars.peek() {
            if enders.contains(&n) || n == '.' || CLOSERS.contains(&n) {
                end = j + n.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        spans.push((start, end));
        start = end;
    }
    if start < text.len() {
        spans.push((start, text.len()));
    }
    spans
}

/// Byte spans of the English sentences of one paragraph.
pub fn sentences_en(text: &str) -> Vec<(usize, usize)> {
    let bytes: Vec<(usize, char)> = text.char_indices().collect();
    let mut spans = Vec::new();
    let mut start = 0;
    let mut k = 0;
    while k < bytes.len() {
        let (i, c) = bytes[k];
        if !matches!(c, '.' | '!' | '?' | '…') {
            k += 1;
            continue;
        }
        // Run of enders and closers.
        let mut e = k + 1;
        while e < bytes.len()
            && (matches!(bytes[e].1, '.' | '!' | '?' | '…') || CLOSERS.contains(&bytes[e].1))
        {
            e += 1;
        }
        let end = bytes.get(e).map_or(text.len(), |&(j, _)| j);
        // Must be followed by white space, then a sentence start.
        let mut n = e;
        while n < bytes.len() && bytes[n].1.is_whitespace() {
            n += 1;
        }
        let spaced = n > e;
        let next = bytes.get(n).map(|&(_, ch)| ch);
        let starts_sentence = next.is_none_or(|ch| {
            ch.is_uppercase() || ch.is_ascii_digit() || OPENERS.contains(&ch) || !ch.is_ascii()
        });
        if (spaced || next.is_none())
            && starts_sentence
            && !(c == '.' && is_abbreviation(&text[start..i]))
        {
            spans.push((start, end));
            start = bytes.get(n).map_or(text.len(), |&(j, _)| j);
        }
        k = e.max(k + 1);
    }
    if start < text.len() {
        spans.push((start, text.len()));
    }
    spans
}

/// Whether the word before a period (at the end of `before`) is an
/// abbreviation or an initial.
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || OPENERS.contains(&c))
        .next()
        .unwrap_or("");
    if word.is_empty() {
        return false;
    }
    // A single capital letter: an initial (J. R. R. Tolkien).
    let mut chars = word.chars();
    if let (Some(first), None) = (chars.next(), chars.next())
        && first.is_uppercase()
    {
        return true;
    }
    ABBREVIATIONS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str, lang: &str) -> Vec<String> {
        segment(text, lang, Segmentation::Sentences)
            .into_iter()
            .map(|s| s.text)
            .collect()
    }

    #[test]
    fn chinese_sentences_keep_their_closing_quotes() {
        assert_eq!(
            split(
                "他說：「走吧。」我們就走了！真的嗎？？是的……好；再見",
                "zh-Hant"
            ),
            [
                "他說：「走吧。」",
                "我們就走了！",
                "真的嗎？？",
                "是的……",
                "好；",
                "再見"
            ]
        );
        assert_eq!(
            split("起初神创造天地。\n\n地是空虚混沌。渊面黑暗。", "zh"),
            ["起初神创造天地。", "地是空虚混沌。", "渊面黑暗。"]
        );
    }

    #[test]
    fn english_abbreviations_decimals_initials_quotes() {
        assert_eq!(
            split(
                "Mr. Smith paid $3.14 to the U.S. Treasury. He left! \"Why?\" she asked. J. R. R. Tolkien wrote it, e.g. this one... Then it ended.",
                "en"
            ),
            [
                "Mr. Smith paid $3.14 to the U.S. Treasury.",
                "He left!",
                "\"Why?\" she asked.",
                "J. R. R. Tolkien wrote it, e.g. this one...",
                "Then it ended."
            ]
        );
    }

    /// Issue 21 item 9: the article's `![]()` lines were two junk
    /// sentences, "!" and "[]()".
    #[test]
    fn pieces_without_text_are_no_sentences() {
        for lang in ["zh-Hant", "en"] {
            assert_eq!(
                split(
                    "![]()\n\n第一句。\n![](https://example.com/a.png)\n---\n",
                    lang
                ),
                ["第一句。"],
                "{lang}"
            );
        }
        assert_eq!(
            split("看圖：![示意圖](a.png)。好！」\n「……", "zh-Hant"),
            ["看圖：![示意圖](a.png)。", "好！」"]
        );
        assert_eq!(
            split("第一句。 ![]() 第二句。", "zh-Hant"),
            ["第一句。", "![]() 第二句。"]
        );
        assert_eq!(split("Done. ![](x.png)", "en"), ["Done. ![](x.png)"]);
        // Paragraph numbers skip lines without text; positions stay true.
        let text = "![]()\n甲。\n\n![]()\n乙。";
        let segs = segment(text, "zh", Segmentation::Sentences);
        let got: Vec<(&str, usize, usize)> = segs
            .iter()
            .map(|s| (s.text.as_str(), s.paragraph, s.start))
            .collect();
        assert_eq!(got, [("甲。", 0, 6), ("乙。", 1, 20)]);
        assert!(has_text("2024") && has_text("www.example.com 見"));
        assert!(!has_text("[](https://x.y/z) … —"));
        // Lines are taken as given.
        assert_eq!(segment("![]()\n", "zh", Segmentation::Lines).len(), 1);
    }

    #[test]
    fn positions_and_paragraphs() {
        let text = "One. Two.\n\nThree.";
        let segs = segment(text, "en", Segmentation::Sentences);
        let got: Vec<(&str, usize, usize)> = segs
            .iter()
            .map(|s| (s.text.as_str(), s.paragraph, s.start))
            .collect();
        assert_eq!(got, [("One.", 0, 0), ("Two.", 0, 5), ("Three.", 1, 11)]);
        let lines = segment("a b. c\n\n d \n", "en", Segmentation::Lines);
        assert_eq!(
            lines.iter().map(|s| s.text.as_str()).collect::<Vec<_>>(),
            ["a b. c", "d"]
        );
    }
}
