//! Harvesting term pairs from articles: bracketed glosses in both directions,
//! 中文(English) and “English”（中文）, full- or half-width brackets.
//!
//! The hard part is the left edge of the Chinese term: in
//! 首席AI科學家顏樂存(Yann LeCun) the gloss belongs to 顏樂存, not to the
//! whole run of Han characters before the bracket. The run (at most 24
//! characters) is split into words (`bianyi_convert::split_words`, jieba's
//! frequencies, on the Simplified fold) and cut after the last boundary
//! word: a title or role (科學家, 創始人, 執行長, 主管), a function word or
//! character (的, 和, 由, 被, 根據, 通過). Then the gloss decides:
//! - a name with a middle dot: at most five characters before the dot;
//! - two to four capitalised words (a person): at most one character more
//!   than the gloss has syllables, and a surname that is also a function
//!   character (曾, 任) is taken back;
//! - one capitalised word: everything after the boundary, up to four
//!   characters;
//! - otherwise (acronyms, CamelCase, lower-case phrases, organisations) as
//!   many words as the gloss has words (letters for an acronym, humps for
//!   CamelCase), stopping at two characters per word, joining the single
//!   characters the split leaves of unknown words (聯|準|會(Fed)).
//!
//! Brackets holding amounts, dates, sources, notes, URLs or single letters
//! are skipped. Measured on hand-made lists in tests/extract.rs.

use std::collections::HashMap;

use daachorse::{CharwiseDoubleArrayAhoCorasickBuilder, MatchKind};

use crate::fold::fold_char;
use crate::model::{Entry, Glossary, Lang, Term};

/// A proposed term pair.
///
/// With the `serde` feature it serializes as an object with the fields'
/// names.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Candidate {
    /// The Chinese term, as written in the text.
    pub source: String,
    /// Its gloss (usually English), as written.
    pub target: String,
    /// How often the Chinese term occurs in the texts (glossed or not).
    pub count: usize,
    /// How often the pair is glossed.
    pub glossed: usize,
    /// The sentence around the first glossed mention, on one line.
    pub context: String,
    /// Byte offset of the first glossed mention of the Chinese term.
    pub byte: usize,
    /// Its 1-based line.
    pub line: usize,
}

/// Middle dots used in transliterated names: U+00B7 (the standard one),
/// U+30FB and U+FF65 (katakana dots, common in Taiwan and from Japanese
/// input methods), U+2027 (Big5's hyphenation point), U+2022 and U+2219
/// (bullets), U+22C5 (dot operator), U+0387 (canonically U+00B7) and U+2E31
/// (word separator).
const DOTS: [char; 9] = [
    '\u{00B7}', '\u{30FB}', '\u{2022}', '\u{2027}', '\u{2219}', '\u{FF65}', '\u{22C5}', '\u{0387}',
    '\u{2E31}',
];

/// Titles and role words: a name starts after the last of them
/// (前負責人|納特·弗里德曼, 科學家|顏樂存). Compared after folding to
/// Simplified, so each is listed once.
const TITLE_WORDS: &[&str] = &[
    "创始人",
    "创办人",
    "负责人",
    "主管",
    "经理",
    "总经理",
    "总监",
    "教授",
    "主席",
    "总裁",
    "董事",
    "部长",
    "总统",
    "首相",
    "议员",
    "研究员",
    "富翁",
    "得主",
    "专家",
    "作者",
    "记者",
    "演员",
    "博士",
    "先生",
    "女士",
    "总理",
    "主任",
    "顾问",
    "秘书",
    "编辑",
    "主编",
    "导演",
    "歌手",
    "球员",
    "教练",
    "选手",
    "成员",
    "代表",
    "大使",
    "官员",
    "首席",
    "高级",
    "资深",
];

/// Function words (folded) that end the phrase before a term.
const FUNCTION_WORDS: &[&str] = &[
    "根据", "通过", "透过", "以及", "包括", "称为", "名为", "叫做", "名叫", "表示", "宣布", "指出",
    "旗下", "由于", "对于", "关于", "其中", "这个", "这款", "这家", "一个", "一家", "一款", "一种",
    "推出", "发布", "发表", "收购", "投资", "使用", "采用", "加入", "离开", "担任", "出任", "聘请",
    "成为", "作为", "代号", "曾任", "前任", "现任", "以及", "还有",
];

/// Single-character words that end a title or are function words: a name
/// does not contain them in practice, so it starts after the last one.
const STOP_CHARS: &str = "的和與与由是在被讓让對对向及等、給给跟同從从將将把為为即也又都稱称說说據据官長长家師师員员者人前後后原曾新任於于了用以到著着過过就並并而或但若至比像令使請请已仍還还再亦才所";

/// Stop characters that are also common surnames (曾文惠, 任正非): kept
/// when the name would otherwise be shorter than its gloss's syllables.
const SURNAME_STOPS: &str = "曾任向于和原";

/// Characters that end a title when they end a longer word (主持人,
/// 科學家, 執行長, 財務官).
const TITLE_SUFFIXES: &str = "人家者员师长官";

/// Leading characters that quantify rather than name (多吉瓦 → 吉瓦).
const QUANTIFIERS: &str = "多各每該该此這这那其本某諸诸";

/// Chinese words that are not terms even when a Latin word follows in
/// brackets: sources and reporting verbs (據報導(Reuters)).
const NON_TERMS: &[&str] = &[
    "报导", "报道", "消息", "来源", "表示", "指出", "据称", "透露", "照片", "图片", "资料", "官网",
    "截图", "视频",
];

/// Openings of a bracketed Chinese text that is a note, not a term:
/// (來源:…), (據…), (圖…), (以下簡稱…).
const NOTE_OPENINGS: &[&str] = &[
    "来源", "据", "图", "摄", "译", "注", "简称", "下称", "以下", "即", "如", "见", "包括", "含",
    "约", "或", "又称", "详见", "编按", "翻摄", "资料",
];

/// Latin words that mark an organisation or a title, not a person.
const ORG_WORDS: &[&str] = &[
    "the",
    "of",
    "and",
    "for",
    "inc",
    "inc.",
    "corp",
    "corp.",
    "co",
    "co.",
    "ltd",
    "ltd.",
    "llc",
    "group",
    "bank",
    "university",
    "times",
    "news",
    "post",
    "journal",
    "institute",
    "company",
    "association",
    "agency",
    "labs",
    "lab",
    "project",
    "act",
    "model",
    "fund",
    "foundation",
    "council",
    "committee",
    "party",
    "center",
    "centre",
    "club",
    "league",
    "network",
    "systems",
    "technologies",
    "capital",
    "partners",
    "ventures",
    "holdings",
    "research",
    "studio",
    "studios",
    "media",
    "motors",
    "airlines",
    "energy",
    "robotics",
    "games",
    "pictures",
    "records",
    "press",
    "school",
    "college",
    "academy",
    "museum",
];

/// Words not counted when matching a gloss's length in words.
const LIGHT_WORDS: &[&str] = &[
    "the", "of", "and", "for", "a", "an", "de", "la", "in", "on", "to", "&",
];

const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The longest Chinese term looked for, in characters.
const MAX_RUN: usize = 24;

fn is_han(c: char) -> bool {
    let u = c as u32;
    (0x3400..=0x9FFF).contains(&u)
        || (0xF900..=0xFAFF).contains(&u)
        || (0x20000..=0x3134F).contains(&u)
}

fn is_dot(c: char) -> bool {
    DOTS.contains(&c)
}

fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// Finds the term pairs glossed in `text`, merged by pair, in order of
/// first appearance.
///
/// `count` is the number of times the Chinese term occurs anywhere in
/// `text`, glossed or not (later mentions usually drop the gloss), and
/// `glossed` the number of glossed mentions of the pair.
pub fn extract(text: &str) -> Vec<Candidate> {
    let mut found: Vec<Candidate> = Vec::new();
    let mut index: HashMap<(String, String), usize> = HashMap::new();
    // Line numbers are counted incrementally: mentions come in text order.
    let mut line_at = (0, 1);
    let mut at = 0;
    while let Some(rel) = text.get(at..).and_then(|t| t.find(['(', '（'])) {
        let open = at + rel;
        let open_len = text[open..].chars().next().map_or(1, char::len_utf8);
        at = open + open_len;
        let Some(close_rel) = text[at..].find([')', '）', '(', '（', '\n']) else {
            break;
        };
        let close = at + close_rel;
        if !text[close..].starts_with([')', '）']) {
            continue;
        }
        let raw = &text[at..close];
        let inner = raw.trim();
        let before = &text[..open];
        let mut pairs: Vec<(usize, String, String)> = Vec::new();
        if is_gloss(inner) {
            for gloss in gloss_parts(inner) {
                if let Some((start, source)) =
                    quoted_left(before).or_else(|| chinese_left(before, gloss))
                {
                    pairs.push((start, source, gloss.to_string()));
                }
            }
        } else if is_chinese_term(inner)
            && !is_note(inner)
            && let Some(target) = latin_left(before)
        {
            let start = at + (raw.len() - raw.trim_start().len());
            pairs.push((start, inner.to_string(), target));
        }
        for (start, source, target) in pairs {
            let key = (source, target);
            if let Some(&k) = index.get(&key) {
                if let Some(c) = found.get_mut(k) {
                    c.glossed += 1;
                }
                continue;
            }
            if start < line_at.0 {
                line_at = (0, 1);
            }
            let line = line_at.1 + text[line_at.0..start].matches('\n').count();
            line_at = (start, line);
            index.insert(key.clone(), found.len());
            found.push(Candidate {
                context: context(text, start),
                line,
                byte: start,
                count: 0,
                glossed: 1,
                source: key.0,
                target: key.1,
            });
        }
    }
    count_mentions(text, &mut found);
    found
}

/// Sets each candidate's `count` to the occurrences of its Chinese term in
/// `text`, in one pass over the text.
fn count_mentions(text: &str, found: &mut [Candidate]) {
    let mut sources: Vec<String> = found.iter().map(|c| c.source.clone()).collect();
    sources.sort_unstable();
    sources.dedup();
    if sources.is_empty() {
        return;
    }
    let mut counts = vec![0usize; sources.len()];
    match CharwiseDoubleArrayAhoCorasickBuilder::new()
        .match_kind(MatchKind::Standard)
        .build::<_, _, u32>(&sources)
    {
        Ok(automaton) => {
            for m in automaton.find_overlapping_iter(text) {
                if let Some(n) = usize::try_from(m.value())
                    .ok()
                    .and_then(|i| counts.get_mut(i))
                {
                    *n += 1;
                }
            }
        }
        // Too many patterns for the automaton: count one by one.
        Err(_) => {
            for (s, n) in sources.iter().zip(&mut counts) {
                *n = text.matches(s.as_str()).count();
            }
        }
    }
    for c in found {
        if let Ok(i) = sources.binary_search(&c.source) {
            c.count = counts.get(i).copied().unwrap_or(0);
        }
    }
}

/// A Latin-script gloss that may translate a Chinese term: letters, not an
/// amount, date, source note or address.
fn is_gloss(inner: &str) -> bool {
    let letters = inner.chars().filter(char::is_ascii_alphabetic).count();
    if letters < 2 || inner.chars().any(is_han) || inner.chars().count() > 60 {
        return false;
    }
    let lower = inner.to_ascii_lowercase();
    let refused = [
        "source",
        "via ",
        "photo",
        "credit",
        "http",
        "www.",
        "billion",
        "million",
        "trillion",
        "percent",
        "per cent",
        "usd",
        "rmb",
        "including",
        "see ",
        "file",
        "courtesy",
    ];
    if refused
        .iter()
        .any(|r| lower.starts_with(r) || lower.contains(&format!(" {r}")))
    {
        return false;
    }
    if inner
        .chars()
        .any(|c| matches!(c, '$' | '€' | '£' | '¥' | '%' | '@' | ':' | '/' | '：'))
    {
        return false;
    }
    // A date: a month name with a number (June 5, 2025).
    let has_digit = inner.chars().any(|c| c.is_ascii_digit());
    if has_digit
        && lower
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| w.len() >= 3 && MONTHS.iter().any(|m| w.starts_with(m)))
    {
        return false;
    }
    // A sentence, not a term.
    inner.split_whitespace().count() <= 6
}

/// The glosses in a bracket: the whole, or for `large language model,
/// LLM` the first part and any acronym after it.
fn gloss_parts(inner: &str) -> Vec<&str> {
    let parts: Vec<&str> = inner
        .split([',', '，', ';', '；', '、'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() <= 1 {
        return vec![inner];
    }
    parts
        .iter()
        .enumerate()
        .filter(|&(i, p)| {
            p.chars().filter(char::is_ascii_alphabetic).count() >= 2 && (i == 0 || is_acronym(p))
        })
        .map(|(_, p)| *p)
        .collect()
}

/// A short Chinese term inside brackets (the reverse direction).
fn is_chinese_term(inner: &str) -> bool {
    let n = inner.chars().count();
    (2..=12).contains(&n) && inner.chars().all(|c| is_han(c) || is_dot(c))
}

/// A bracketed Chinese note rather than a term: (來源…), (據…), (以下簡稱…).
fn is_note(inner: &str) -> bool {
    let folded = fold(inner);
    NOTE_OPENINGS.iter().any(|o| folded.starts_with(o))
}

fn is_acronym(gloss: &str) -> bool {
    !gloss.contains(' ')
        && gloss.chars().filter(char::is_ascii_uppercase).count() >= 2
        && gloss
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-' || c == '&')
}

/// Syllables in a Latin name, roughly: groups of vowels (Yann LeCun → 3,
/// Tseng Wen-hui → 3).
fn syllables(gloss: &str) -> usize {
    gloss
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut n = 0;
            let mut in_vowel = false;
            for (i, c) in w.chars().enumerate() {
                let v = matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u')
                    || (i > 0 && matches!(c, 'y' | 'Y'));
                if v && !in_vowel {
                    n += 1;
                }
                in_vowel = v;
            }
            n.max(1)
        })
        .sum()
}

/// How a Latin gloss is shaped, which decides how the left edge is found.
enum Shape {
    /// Two to four capitalised words with no organisation word: a person.
    Person,
    /// One capitalised word: a person, place or brand.
    Name,
    /// Anything else, matched by this many words.
    Words(usize),
}

fn shape(gloss: &str) -> Shape {
    let words: Vec<&str> = gloss.split_whitespace().collect();
    let capitalised = |w: &&str| w.chars().next().is_some_and(|c| c.is_ascii_uppercase());
    let org = |w: &&str| ORG_WORDS.contains(&w.to_ascii_lowercase().as_str());
    let caps = |w: &&str| w.chars().filter(char::is_ascii_uppercase).count();
    if is_acronym(gloss) {
        return Shape::Words(caps(&gloss).min(4));
    }
    if (2..=4).contains(&words.len())
        && words.iter().all(capitalised)
        && !words.iter().any(org)
        && !words.iter().any(|w| caps(w) >= 2 && w.len() <= 4)
    {
        return Shape::Person;
    }
    if words.len() == 1 {
        // CamelCase names are several words: SoftBank = 軟銀|集團.
        let humps = gloss
            .chars()
            .zip(gloss.chars().skip(1))
            .filter(|(a, b)| a.is_ascii_lowercase() && b.is_ascii_uppercase())
            .count();
        if humps > 0 {
            return Shape::Words(1 + humps);
        }
        if words.iter().all(capitalised) && !words.iter().any(org) {
            return Shape::Name;
        }
    }
    let content = words
        .iter()
        .filter(|w| !LIGHT_WORDS.contains(&w.to_ascii_lowercase().as_str()))
        .count();
    Shape::Words(content.clamp(1, 4))
}

/// The run of Han characters and middle dots ending `before` (at most
/// [`MAX_RUN`] characters), as its byte offset.
fn han_run(before: &str) -> Option<usize> {
    before
        .char_indices()
        .rev()
        .take(MAX_RUN)
        .take_while(|&(_, c)| is_han(c) || is_dot(c))
        .last()
        .map(|(i, _)| i)
}

/// Whether a word of the split (folded) ends the phrase before a term.
fn is_boundary(word: &str) -> bool {
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => STOP_CHARS.contains(c),
        (Some(_), Some(_)) => {
            TITLE_WORDS.contains(&word)
                || FUNCTION_WORDS.contains(&word)
                || word
                    .chars()
                    .next_back()
                    .is_some_and(|c| TITLE_SUFFIXES.contains(c))
        }
        _ => false,
    }
}

/// The Chinese term that `gloss` translates, ending at the end of `before`:
/// its byte offset and text.
fn chinese_left(before: &str, gloss: &str) -> Option<(usize, String)> {
    let run_start = han_run(before)?;
    let run = &before[run_start..];
    // Split the Simplified form (same number of characters) into words and
    // map them back onto the run.
    let folded = fold(run);
    let mut words: Vec<(&str, String)> = Vec::new();
    let mut rest = run;
    for w in bianyi_convert::split_words(&folded) {
        let n = w.chars().count();
        let cut = rest.char_indices().nth(n).map_or(rest.len(), |(i, _)| i);
        let (original, tail) = rest.split_at(cut);
        words.push((original, w.to_string()));
        rest = tail;
    }
    // The words after the last boundary word (the last word itself may be
    // a title suffix: 經濟學人, 財務官).
    // For a dotted name, only words before its first dot count.
    let last = words
        .iter()
        .position(|(w, _)| w.contains(is_dot))
        .unwrap_or(words.len().checked_sub(1)?);
    let pool_start = words
        .get(..last)?
        .iter()
        .rposition(|(_, f)| is_boundary(f))
        .map_or(0, |i| i + 1);
    let pool = words.get(pool_start..)?;
    let chars = |ws: &[(&str, String)]| ws.iter().map(|(w, _)| w.chars().count()).sum::<usize>();
    let dotted = pool.iter().any(|(w, _)| w.contains(is_dot));
    let taken: &[(&str, String)] = match shape(gloss) {
        _ if dotted => dotted_name(pool),
        Shape::Person => {
            let mut taken = pool;
            let limit = (syllables(gloss) + 1).clamp(2, 4);
            while chars(taken) > limit && taken.len() > 1 {
                taken = taken.get(1..)?;
            }
            // 前總統曾文惠: 曾 is a stop character and a surname.
            if chars(taken) < syllables(gloss)
                && taken.len() == pool.len()
                && let Some(prev) = pool_start.checked_sub(1).and_then(|i| words.get(i))
                && prev.1.chars().count() == 1
                && prev.1.chars().all(|c| SURNAME_STOPS.contains(c))
            {
                taken = words.get(pool_start - 1..)?;
            }
            taken
        }
        Shape::Name if chars(pool) <= 4 => pool,
        Shape::Name => last_words(pool, 1),
        Shape::Words(k) => last_words(pool, k),
    };
    let taken_len: usize = taken.iter().map(|(w, _)| w.len()).sum();
    let mut term = before.get(before.len().checked_sub(taken_len)?..)?;
    // 多吉瓦 → 吉瓦; never below two characters.
    while term.chars().count() > 2 && term.chars().next().is_some_and(|c| QUANTIFIERS.contains(c)) {
        term = &term[term.chars().next().map_or(0, char::len_utf8)..];
    }
    if term.contains(is_dot) {
        term = after_titles(term);
    }
    let term = term.trim_start_matches(is_dot);
    if term.chars().count() < 2 || !term.chars().any(is_han) {
        return None;
    }
    if NON_TERMS.contains(&fold(term).as_str()) {
        return None;
    }
    Some((before.len() - term.len(), term.to_string()))
}

/// A transliterated name with middle dots: at most five characters before
/// the first dot, after any stop character there.
fn dotted_name<'a, 'b>(pool: &'b [(&'a str, String)]) -> &'b [(&'a str, String)] {
    let Some(dot) = pool.iter().position(|(w, _)| w.contains(is_dot)) else {
        return pool;
    };
    let mut from = dot;
    let mut n = pool
        .get(dot)
        .and_then(|(w, _)| w.split(is_dot).next())
        .map_or(0, |h| h.chars().count());
    while from > 0 {
        let Some((w, f)) = pool.get(from - 1) else {
            break;
        };
        let len = w.chars().count();
        if n + len > 5 || f.chars().any(|c| STOP_CHARS.contains(c)) && len == 1 {
            break;
        }
        n += len;
        from -= 1;
    }
    pool.get(from..).unwrap_or(pool)
}

/// A dotted name without what precedes it in its head (the part before
/// the first dot): the split may glue a title to the name (執行|長山|姆·…),
/// so titles and stop characters are looked for character by character.
fn after_titles(term: &str) -> &str {
    let head = term.split(is_dot).next().unwrap_or("");
    let folded: Vec<char> = head.chars().map(fold_char).collect();
    let mut cut = 0;
    for i in 0..folded.len() {
        if folded.get(i).is_some_and(|c| STOP_CHARS.contains(*c)) {
            cut = i + 1;
        }
        for t in TITLE_WORDS {
            let n = t.chars().count();
            if folded
                .get(i..i + n)
                .is_some_and(|w| w.iter().copied().eq(t.chars()))
            {
                cut = cut.max(i + n);
            }
        }
    }
    let at = head.char_indices().nth(cut).map_or(head.len(), |(i, _)| i);
    term.get(at..).unwrap_or(term)
}

/// The last `k` words of `pool`, fewer once they hold two characters per
/// word of the gloss (麻省理工學院(MIT) is one word, not three).
///
/// The split cuts an unknown word (a transliteration, a Taiwan term) into
/// single characters, so a single character takes the word before it, and
/// up to two single characters before the words taken join them
/// (聯|準|會(Fed), 史|丹佛|大學(Stanford University)).
fn last_words<'a, 'b>(pool: &'b [(&'a str, String)], k: usize) -> &'b [(&'a str, String)] {
    let chars = |ws: &[(&str, String)]| ws.iter().map(|(w, _)| w.chars().count()).sum::<usize>();
    let tail = |from: usize| pool.get(from..).unwrap_or(&[]);
    let k = k.max(1);
    let mut from = pool.len();
    while from > 0 && pool.len() - from < k && chars(tail(from)) < 2 * k {
        from -= 1;
    }
    let single = |i: usize| {
        pool.get(i)
            .is_some_and(|(w, f)| w.chars().count() == 1 && !is_boundary(f))
    };
    if chars(tail(from)) == 1 && from > 0 {
        from -= 1;
        while from > 0 && chars(tail(from)) < 4 && single(from - 1) {
            from -= 1;
        }
    }
    let mut joined = 0;
    while from > 0 && joined < 2 && single(from - 1) {
        from -= 1;
        joined += 1;
    }
    tail(from)
}

/// A Chinese term in quotes or title marks just before the bracket:
/// “雙子座”(Gemini), 《人工智慧法案》(AI Act).
fn quoted_left(before: &str) -> Option<(usize, String)> {
    let pairs = [
        ('“', '”'),
        ('「', '」'),
        ('『', '』'),
        ('《', '》'),
        ('〈', '〉'),
        ('"', '"'),
    ];
    let last = before.chars().next_back()?;
    let (open, _) = pairs.iter().find(|(_, close)| *close == last)?;
    let body = before.get(..before.len() - last.len_utf8())?;
    // A term is at most 12 characters: the opening quote is near, or the
    // quote holds no term (looking further back made long quoted texts
    // quadratic).
    let window = last_bytes(body, LOOK_BACK);
    let base = body.len() - window.len();
    let start = base + window.rfind(*open)? + open.len_utf8();
    let term = body.get(start..)?;
    is_chinese_term(term).then(|| (start, term.to_string()))
}

/// How far back, in bytes, the left side of a gloss is looked for.
const LOOK_BACK: usize = 200;

/// The last `max` bytes of `s` or a little fewer (on a character
/// boundary).
fn last_bytes(s: &str, max: usize) -> &str {
    let mut at = s.len().saturating_sub(max);
    while !s.is_char_boundary(at) {
        at += 1;
    }
    s.get(at..).unwrap_or("")
}

/// The Latin text glossed by a following bracket, ending `before`: inside
/// quotes if quoted (“Avocado”), else the trailing run of Latin words.
fn latin_left(before: &str) -> Option<String> {
    let before = before.trim_end();
    let closing = ['”', '"', '’', '\'', '」', '』'];
    let opening = ['“', '"', '‘', '\'', '「', '『'];
    // Only the last LOOK_BACK bytes are looked at (scanning back to the
    // start made long quoted texts quadratic); a quote or Latin run that
    // does not start within them is too long to be a term.
    let window = last_bytes(before, LOOK_BACK);
    let cut = window.len() < before.len();
    let text = if let Some(q) = window.chars().next_back().filter(|c| closing.contains(c)) {
        let body = window.get(..window.len() - q.len_utf8())?;
        let open = body.rfind(opening)?;
        body.get(open..)?.chars().skip(1).collect::<String>()
    } else {
        let latin = |c: char| c.is_ascii_alphanumeric() || matches!(c, ' ' | '-' | '.' | '\'');
        let start = window
            .char_indices()
            .rev()
            .take_while(|&(_, c)| latin(c))
            .last()
            .map(|(i, _)| i)?;
        if start == 0 && cut {
            return None;
        }
        window.get(start..)?.trim().to_string()
    };
    let text = text.trim();
    let letters = text.chars().filter(char::is_ascii_alphabetic).count();
    let latin = text
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '-' | '.' | '\'' | '&'));
    (letters >= 2 && latin && text.split_whitespace().count() <= 6).then(|| text.to_string())
}

/// The sentence around byte `at`, on one line, at most about 60 characters.
fn context(text: &str, at: usize) -> String {
    let ends = ['。', '！', '？', '!', '?', '\n', '；'];
    // Look for the sentence ends within a window, so that a text without
    // any costs no more than a text with them.
    let mut lo = at.saturating_sub(600);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = (at + 600).min(text.len());
    while !text.is_char_boundary(hi) {
        hi += 1;
    }
    let start = text[lo..at].rfind(ends).map_or(lo, |i| {
        lo + i + text[lo + i..].chars().next().map_or(1, char::len_utf8)
    });
    let end = text[at..hi].find(ends).map_or(hi, |i| {
        at + i + text[at + i..].chars().next().map_or(0, char::len_utf8)
    });
    let sentence: String = text[start..end]
        .trim()
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let n = sentence.chars().count();
    if n <= 60 {
        return sentence;
    }
    // Centre a window on the term.
    let before = text[start..at].trim_start().chars().count();
    let from = before.saturating_sub(20).min(n - 60);
    let mut s: String = sentence.chars().skip(from).take(60).collect();
    if from > 0 {
        s.insert(0, '…');
    }
    if from + 60 < n {
        s.push('…');
    }
    s
}

/// The candidates as TSV: `source<TAB>target<TAB>count<TAB>context`, one
/// per line, tabs, line breaks and other control characters in fields
/// replaced by spaces, a `'` before a field a spreadsheet would run as a
/// formula ([`Formulas::Neutralise`](crate::Formulas::Neutralise)).
pub fn to_tsv(candidates: &[Candidate]) -> String {
    to_tsv_with(candidates, crate::Formulas::Neutralise)
}

/// [`to_tsv`], with fields that look like formulas written as `formulas`
/// says.
pub fn to_tsv_with(candidates: &[Candidate], formulas: crate::Formulas) -> String {
    let clean =
        |s: &str| crate::tsv::formula_cell(&crate::tsv::one_line_cell(s), formulas).into_owned();
    let mut out = String::new();
    for c in candidates {
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\n",
            clean(&c.source),
            clean(&c.target),
            c.count,
            clean(&c.context)
        ));
    }
    out
}

/// [`to_tsv_with`] after a header line naming the columns, which
/// `glossary import` reads back without being told the languages:
/// `# zh-Hant<TAB>en<TAB>count<TAB>context`.
pub fn to_tsv_headed(
    candidates: &[Candidate],
    source: &Lang,
    target: &Lang,
    formulas: crate::Formulas,
) -> String {
    format!(
        "# {source}\t{target}\tcount\tcontext\n{}",
        to_tsv_with(candidates, formulas)
    )
}

/// The candidates as a glossary: one entry per Chinese term (several
/// glosses of one term become admitted terms), with the first context as
/// the entry's note.
pub fn to_glossary(candidates: &[Candidate], source: Lang, target: Lang) -> Glossary {
    let mut g = Glossary::new();
    g.source = Some(source.clone());
    g.target = Some(target.clone());
    let mut by_source: HashMap<&str, usize> = HashMap::new();
    for c in candidates {
        if let Some(&k) = by_source.get(c.source.as_str()) {
            if let Some(e) = g.entries.get_mut(k)
                && !e.terms.iter().any(|t| t.text == c.target)
            {
                e.terms.push(
                    Term::new(target.clone(), c.target.clone())
                        .with_status(crate::model::Status::Admitted),
                );
            }
            continue;
        }
        let mut e = Entry::new("");
        e.terms.push(Term::new(source.clone(), c.source.clone()));
        e.terms.push(Term::new(target.clone(), c.target.clone()));
        e.note = Some(c.context.clone());
        if g.add(e).is_ok() {
            by_source.insert(c.source.as_str(), g.entries.len() - 1);
        }
    }
    g
}

// The pitfalls, one line each, and the scores against the hand-made lists
// are in tests/extract.rs; these cover the helpers.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_of_names() {
        for (name, n) in [
            ("Yann LeCun", 3),
            ("Tseng Wen-hui", 3),
            ("Ren Zhengfei", 3),
            ("Jensen Huang", 3),
            ("Tim Cook", 2),
            ("Yoshua", 2),
        ] {
            assert_eq!(syllables(name), n, "{name}");
        }
    }

    #[test]
    fn shapes_of_glosses() {
        let person = |g| matches!(shape(g), Shape::Person);
        let words = |g| match shape(g) {
            Shape::Words(k) => k,
            _ => 0,
        };
        assert!(person("Yann LeCun") && person("Fei-Fei Li") && person("Blue Origin"));
        assert!(!person("Scale AI") && !person("The Economist") && !person("Microsoft Research"));
        assert!(matches!(shape("Altman"), Shape::Name));
        assert_eq!(words("SPV"), 3);
        assert_eq!(words("SoftBank"), 2);
        assert_eq!(words("The New York Times"), 3);
        assert_eq!(words("large language model"), 3);
    }

    #[test]
    fn glosses_and_parts() {
        assert!(is_gloss("Yann LeCun") && is_gloss("GPT-4") && is_gloss("AI Act"));
        for not in [
            "2025",
            "A",
            "30%",
            "$14.3 billion",
            "June 5, 2025",
            "來源:X",
            "via X",
        ] {
            assert!(!is_gloss(not), "{not}");
        }
        assert_eq!(
            gloss_parts("large language model，LLM"),
            ["large language model", "LLM"]
        );
        assert_eq!(gloss_parts("Reuters, London"), ["Reuters"]);
    }

    #[test]
    fn context_is_one_bounded_line() {
        let long = "甲".repeat(2000);
        let text = format!("{long}顏樂存(Yann LeCun){long}");
        let c = extract(&text);
        assert_eq!(c.len(), 1);
        assert!(c[0].context.chars().count() <= 62);
        assert!(c[0].context.contains("顏樂存"));
    }

    // Regression: the left side of a gloss was looked for back to the start
    // of the text (rfind and a copy per bracket), quadratic on quoted text:
    // "“" + "ab”（中文詞）" × n took 1.9 s at 156 KB. The search now stops
    // LOOK_BACK bytes back, which a term never exceeds.
    #[test]
    fn left_sides_are_looked_for_nearby() {
        let far = "x".repeat(LOOK_BACK);
        // before the bracket, quoted_left, latin_left.
        let cases: &[(String, Option<&str>, Option<&str>)] = &[
            ("他說“雙子座”".into(), Some("雙子座"), None),
            ("《人工智慧法案》".into(), Some("人工智慧法案"), None),
            (format!("“{far}”“雙子座”"), Some("雙子座"), None),
            (format!("“雙子座{far}”"), None, None),
            ("“Avocado”".into(), None, Some("Avocado")),
            (format!("“{far} Avocado”"), None, None),
            ("released Llama".into(), None, Some("released Llama")),
            (format!("{far} Llama"), None, None),
            (format!("中{far} Llama"), None, None),
            (
                "“".to_string() + &"ab”（中文詞）".repeat(2) + "ab”",
                None,
                None,
            ),
        ];
        for (before, quoted, latin) in cases {
            assert_eq!(
                quoted_left(before).map(|(_, t)| t).as_deref(),
                *quoted,
                "quoted_left({before})"
            );
            assert_eq!(
                latin_left(before).as_deref(),
                *latin,
                "latin_left({before})"
            );
        }
        // Long quoted text still gives its glosses, in linear time.
        let text = "“".to_string() + &"ab”（中文詞）".repeat(5_000);
        let _ = extract(&text);
    }
}
