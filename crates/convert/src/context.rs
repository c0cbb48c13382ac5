//! Conversion from Simplified with word boundaries and context rules: the
//! `FromSimplified` route of target-based conversion (docs/target.md).
//!
//! OpenCC segments by greedy longest match over its phrase table and then
//! converts each segment. bianyi segments by the most probable split into
//! words (src/words.rs: jieba's dictionary and the conversion phrases), so
//! that a phrase is used where it is a word and not across a word boundary;
//! each word is then converted as OpenCC converts a segment. Last, a few
//! characters whose Traditional form depends on the neighbouring words
//! (出/齣, 只/隻, 里/裡, 面/麵, 干/乾, 系/繫, 松/鬆) are decided by rules over
//! classes of words: a measure word after a numeral, a noun after it, a
//! verb of eating before it, a transliterated name around it.

use crate::engine::{Converter, apply, unmatched_len};
use crate::layout::{RISK_LATER, RISK_PHRASE, RULE_CHARS, TRANSLITERATION};
use crate::tables::{CharMap, Dict, SPLITTER_LONGEST, SPLITTERS};
use crate::words::for_each_word;

/// What a unit of the conversion did, for ambiguity reports.
pub(crate) struct Unit<'a> {
    /// Byte offset of the unit in the text converted.
    pub(crate) start: usize,
    /// The word.
    pub(crate) source: &'a str,
    /// Its conversion.
    pub(crate) output: &'a str,
    /// The rule that decided a character of it, if a context rule did:
    /// (character index in the word, rule name).
    pub(crate) rule: Option<(usize, &'static str)>,
}

/// Converts `text` (normalised: no compatibility ideographs) from
/// Simplified with `conv`'s chain, appending to `out`.
///
/// As OpenCC does, but with the most probable split into words for its
/// segmentation: the first stage converts each word on its own (so no
/// phrase crosses a word boundary), and each later stage takes a phrase
/// only where it lies within one word or covers whole words (無線|新聞 →
/// 無綫新聞 and 諾|蘭 → 路蘭, but not 少數|組織 → 少陣列織).
pub(crate) fn convert_words(
    conv: &Converter,
    text: &str,
    out: &mut String,
    mut unit: Option<&mut dyn FnMut(Unit<'_>)>,
) {
    let stages = conv.stage_dicts();
    let Some(&first) = stages.first() else {
        out.push_str(text);
        return;
    };
    let mut words: Vec<(usize, usize)> = Vec::new();
    for_each_word(text, Some(first), |s, e| words.push((s, e)));
    join_phrases(&first, text, &mut words);
    // The first stage, word by word, with the context rules.
    let mut stage1: Vec<String> = Vec::with_capacity(words.len());
    for (k, &(s, e)) in words.iter().enumerate() {
        let word = &text[s..e];
        let mut word_out = String::with_capacity(word.len() + 4);
        apply(&first, word, &mut word_out);
        let mut rule = None;
        if let Some((index, chosen, name)) = decide(text, &words, k) {
            let chars: Vec<char> = word_out.chars().collect();
            if chars.len() == word.chars().count() && index < chars.len() {
                let mut rebuilt = String::with_capacity(word_out.len() + 4);
                for (i, c) in chars.iter().enumerate() {
                    if i == index {
                        rebuilt.push_str(chosen);
                    } else {
                        rebuilt.push(*c);
                    }
                }
                word_out = rebuilt;
                rule = Some((index, name));
            }
        }
        stage1.push(word_out);
        if let Some(f) = unit.as_deref_mut() {
            // Reported with the whole chain's output for the word alone.
            let mut full = String::new();
            later_stages(conv, &stage1[k], &mut full);
            f(Unit {
                start: s,
                source: word,
                output: &full,
                rule,
            });
        }
    }
    let mut current: String = stage1.concat();
    if stages.len() == 1 {
        out.push_str(&current);
        return;
    }
    // Word boundaries in the first stage's output: where each word's output
    // starts, and the end.
    let mut bounds = vec![false; current.len() + 1];
    let mut at = 0;
    for w in &stage1 {
        bounds[at] = true;
        at += w.len();
    }
    bounds[at] = true;
    // bianyi's own phrases for the config (names), before OpenCC's later
    // stages, on the same terms.
    if let Some(extra) = crate::tables::EXTRA_PHRASES
        .iter()
        .find(|(name, _)| *name == conv.name())
        .map(|&(_, r)| Dict::get(r))
    {
        let mut next = String::with_capacity(current.len() + 8);
        bounds = apply_bounded(&extra, &current, &bounds, &mut next);
        current = next;
    }
    for dict in &stages[1..] {
        let mut next = String::with_capacity(current.len() + 8);
        bounds = apply_bounded(dict, &current, &bounds, &mut next);
        current = next;
    }
    out.push_str(&current);
}

/// Joins the runs of consecutive `words` that a phrase of the first stage
/// covers exactly, where the phrase converts them otherwise than word by
/// word: OpenCC's 大里 (a place name, kept 大里) over the split 大|里 (which
/// would give 大裏). A phrase that starts and ends on word boundaries is
/// kept, as in the later stages; one that crosses a boundary (头发 in
/// 前头|发生) is not.
fn join_phrases(first: &Dict, text: &str, words: &mut Vec<(usize, usize)>) {
    if words.len() < 2 {
        return;
    }
    let mut joined: Vec<(usize, usize)> = Vec::with_capacity(words.len());
    let mut k = 0;
    while k < words.len() {
        let (s, e) = words[k];
        // The longest key from `s` that ends on the end of a later word.
        let mut best: Option<usize> = None;
        first.for_each_match(text, s, |end, _| {
            if end > e && best.is_none_or(|b| end > b) {
                best = Some(end);
            }
        });
        let last = best.and_then(|end| {
            words[k + 1..]
                .iter()
                .take_while(|w| w.1 <= end)
                .position(|w| w.1 == end)
                .map(|j| k + 1 + j)
        });
        match last {
            Some(j) if differs(first, text, &words[k..=j]) => {
                joined.push((s, words[j].1));
                k = j + 1;
            }
            _ => {
                joined.push((s, e));
                k += 1;
            }
        }
    }
    *words = joined;
}

/// Whether `first` converts the consecutive `words` of `text` together
/// otherwise than one by one.
fn differs(first: &Dict, text: &str, words: &[(usize, usize)]) -> bool {
    let (Some(&(s, _)), Some(&(_, e))) = (words.first(), words.last()) else {
        return false;
    };
    let span = &text[s..e];
    let mut whole = String::with_capacity(span.len() + 4);
    apply(first, span, &mut whole);
    let mut parts = String::with_capacity(span.len() + 4);
    for &(a, b) in words {
        apply(first, &text[a..b], &mut parts);
    }
    whole != parts
}

/// One stage over `text` with word boundaries `bounds` (one per byte and
/// the end), taking a key only where it lies within a word or covers whole
/// words (src/target.rs, the residue of mechanical conversions).
pub(crate) fn apply_within_words(dict: &Dict, text: &str, bounds: &[bool], out: &mut String) {
    apply_bounded(dict, text, bounds, out);
}

/// One later stage over the whole text with word boundaries `bounds` (by
/// byte offset, `text.len() + 1` of them): at each position the longest
/// key that lies within one word or starts and ends on boundaries (a phrase
/// of whole words: 無線|新聞 takes 無綫新聞, 少數|組織 does not take 數組).
/// Returns the boundaries of the output.
fn apply_bounded(dict: &Dict, text: &str, bounds: &[bool], out: &mut String) -> Vec<bool> {
    let mut out_bounds: Vec<bool> = Vec::with_capacity(text.len() + 1);
    let mut i = 0;
    while i < text.len() {
        let allowed = |end: usize| {
            let inside = text[i..end]
                .char_indices()
                .skip(1)
                .any(|(k, _)| bounds[i + k]);
            !inside || (bounds[i] && bounds[end])
        };
        let mut chosen: Option<(usize, u32)> = None;
        dict.for_each_match(text, i, |end, value| {
            if allowed(end) {
                chosen = Some((end, value));
            }
        });
        let (end, value) = match chosen {
            Some((end, value)) => (end, Some(value)),
            None => (i + unmatched_len(text, i), None),
        };
        let start_out = out.len();
        match value {
            Some(v) => dict.emit(v, out),
            None => out.push_str(&text[i..end]),
        }
        out_bounds.resize(out.len(), false);
        out_bounds[start_out] = bounds[i];
        let unit_out = &out[start_out..];
        if unit_out.chars().count() == text[i..end].chars().count() {
            for ((k, _), (m, _)) in text[i..end]
                .char_indices()
                .zip(unit_out.char_indices())
                .skip(1)
            {
                out_bounds[start_out + m] = bounds[i + k];
            }
        }
        i = end;
    }
    out_bounds.push(true);
    out_bounds
}

/// Applies the stages after the first to `text` (a stage-1 output).
fn later_stages(conv: &Converter, text: &str, out: &mut String) {
    let stages = conv.stage_dicts();
    if text.is_empty() {
        return;
    }
    if stages.len() < 2 {
        out.push_str(text);
        return;
    }
    let mut current = text.to_string();
    for dict in stages.iter().skip(1) {
        let mut next = String::with_capacity(current.len());
        apply(dict, &current, &mut next);
        current = next;
    }
    out.push_str(&current);
}

/// Numerals, demonstratives and quantifiers: a measure word follows them.
const QUANTIFIER_END: &str =
    "一二三四五六七八九十两几百千万半每这那哪某整0123456789０１２３４５６７８９";

/// Plays: what 齣 counts.
const PLAYS: &[&str] = &[
    "戏",
    "剧",
    "戏剧",
    "京剧",
    "好戏",
    "大戏",
    "闹剧",
    "悲剧",
    "喜剧",
    "歌剧",
    "话剧",
    "舞剧",
    "短剧",
    "独幕剧",
    "折子戏",
    "昆曲",
    "昆剧",
    "越剧",
    "豫剧",
    "粤剧",
    "川剧",
    "黄梅戏",
    "木偶戏",
    "皮影戏",
    "傀儡戏",
    "歌仔戏",
    "布袋戏",
    "滑稽戏",
    "荒诞剧",
    "情景剧",
    "连续剧",
];

/// Nouns counted with 隻: animals, one of a pair, boats, some objects.
const ZHI_NOUNS: &str = "猫狗鸟鸡鸭鹅羊兔虎狼熊猴鼠蚊蝇蝶蜂虫蚁蛙龟鹰鸽雀燕鹤鹦鹉猪蟹虾蛛蝉狐鹿象狮豹猩蚌螺手脚眼耳鞋袜靴船舟箱杯碗表戒镯耳环手套袖蝎蜥";

/// Verbs and measure words before 面 meaning noodles.
const NOODLE_BEFORE: &str = "吃煮碗拌捞炒泡擀拉";

/// Degree adverbs: 干 and 松 after them are adjectives (乾, 鬆).
const DEGREE: &[&str] = &[
    "很",
    "太",
    "非常",
    "挺",
    "比较",
    "较",
    "越来越",
    "有点",
    "有些",
    "特别",
    "这么",
    "那么",
    "更",
    "十分",
    "极",
    "好",
    "真",
];

/// Verbs whose result 干 can be (晒干, 喝干): dry, empty.
const DRY_RESULT: &str = "晒烘擦吹风烤弄蒸晾榨喝吸抽舔流哭抹揩拭烧熬";

/// What 系 ties (繫).
const TIE_OBJECTS: &[&str] = &[
    "鞋带",
    "领带",
    "安全带",
    "绳",
    "绳子",
    "腰带",
    "围巾",
    "丝带",
    "红绳",
    "缰绳",
    "纽扣",
    "扣子",
];

fn is_han(c: char) -> bool {
    crate::detect::is_han(c as u32)
}

/// The context rules: for word `k` of `words` (byte ranges of `text`), a
/// character it should take whatever its phrases say, as (character index
/// in the word, OpenCC-standard Traditional character, rule name).
///
/// A rule sees the character's neighbours as words: before it, the part of
/// its word before it or else the previous word; after it, the rest of its
/// word or else the next word.
fn decide(
    text: &str,
    words: &[(usize, usize)],
    k: usize,
) -> Option<(usize, &'static str, &'static str)> {
    let (s, e) = words[k];
    let word = &text[s..e];
    let prev_word = k.checked_sub(1).map(|j| &text[words[j].0..words[j].1]);
    let next_word = words.get(k + 1).map(|&(a, b)| &text[a..b]);
    let alone = word.chars().nth(1).is_none();
    for (index, (at, c)) in word.char_indices().enumerate() {
        if !RULE_CHARS.contains(c) {
            continue;
        }
        let before = if at > 0 { Some(&word[..at]) } else { prev_word };
        let rest = &word[at + c.len_utf8()..];
        let after = if rest.is_empty() {
            next_word
        } else {
            Some(rest)
        };
        if let Some((chosen, name)) = rule(c, word, before, after, alone) {
            return Some((index, chosen, name));
        }
    }
    None
}

/// The rule for character `c` of `word` between words `before` and `after`
/// (`alone`: `c` is the word): the OpenCC-standard Traditional character it
/// takes, and the rule's name.
fn rule(
    c: char,
    word: &str,
    before: Option<&str>,
    after: Option<&str>,
    alone: bool,
) -> Option<(&'static str, &'static str)> {
    let before_last = before.and_then(|w| w.chars().next_back());
    let after_first = after.and_then(|w| w.chars().next());
    let after_quantifier = before_last.is_some_and(|c| QUANTIFIER_END.contains(c));
    match c {
        // 齣 counts plays: 這齣戲, 一齣好戲; 消息一出 is 出.
        '出' if after_quantifier => {
            let play = after.is_some_and(|w| PLAYS.contains(&w));
            Some((if play { "齣" } else { "出" }, "measure word 齣"))
        }
        // 隻 counts animals and one of a pair: 一隻貓, 兩隻手; 這只是 is 只.
        '只' if after_quantifier => {
            let noun = after_first.is_some_and(|c| ZHI_NOUNS.contains(c))
                || after.is_some_and(|w| {
                    let mut c = w.chars();
                    matches!(
                        c.next(),
                        Some('小' | '大' | '白' | '黑' | '红' | '黄' | '肥')
                    ) && c.next().is_some_and(|d| ZHI_NOUNS.contains(d))
                })
                || after_first.is_none_or(|c| !is_han(c));
            Some((if noun { "隻" } else { "只" }, "measure word 隻"))
        }
        // The unit li after a number (三里路); a syllable of a
        // transliterated name (弗里德曼, 卡努里语).
        '里' if alone && after_quantifier => Some(("里", "unit 里")),
        // A name of three or more transliteration syllables (弗里德曼).
        '里' if word.chars().count() > 2
            && word
                .chars()
                .all(|c| c == '里' || TRANSLITERATION.contains(c)) =>
        {
            Some(("里", "transliteration 里"))
        }
        '里' if alone => {
            let translit = |c: Option<char>| c.is_some_and(|c| TRANSLITERATION.contains(c));
            let name_before =
                before.is_some_and(|w| w.chars().all(|c| TRANSLITERATION.contains(c)));
            (name_before && translit(before_last) && translit(after_first))
                .then_some(("里", "transliteration 里"))
        }
        // Noodles: 吃麵, 一碗麵.
        '面' if alone && before_last.is_some_and(|c| NOODLE_BEFORE.contains(c)) => {
            Some(("麪", "noodles 麵"))
        }
        // Dry: 很乾, 曬乾, 喝乾.
        '干' if alone => {
            let degree = before.is_some_and(|w| DEGREE.contains(&w));
            let result = before.is_some_and(|w| w.chars().nth(1).is_none())
                && before_last.is_some_and(|c| DRY_RESULT.contains(c));
            (degree || result).then_some(("乾", "adjective 乾"))
        }
        // Loose: 很鬆.
        '松' if alone => before
            .is_some_and(|w| DEGREE.contains(&w))
            .then_some(("鬆", "adjective 鬆")),
        // To tie: 繫鞋帶.
        '系' if alone => after
            .is_some_and(|w| TIE_OBJECTS.iter().any(|t| w.starts_with(t)))
            .then_some(("繫", "verb 繫")),
        _ => None,
    }
}

/// The fast path of [`convert_words`], with the same output: OpenCC's
/// single-pass engine over the stretches where the word split, the context
/// rules and the later stages' phrases cannot change anything, and the word-
/// by-word conversion over the rest.
///
/// A stretch needs the word-by-word conversion around (1) a phrase of the
/// first stage whose conversion differs from its characters' defaults and
/// that a word overlaps, or that the split would break up; (2) the
/// Simplified spelling of a later stage's phrase; (3) a character with a
/// context rule next to what can trigger it. Elsewhere every split gives
/// the characters' default conversions, which is what OpenCC's greedy
/// matching gives too. Each such place is widened to points that no word
/// or key crosses (and by a word on each side, for the rules), where both
/// conversions are cut alike.
pub(crate) fn convert_fast(
    conv: &Converter,
    text: &str,
    out: &mut String,
    interest: Option<&[u32]>,
) {
    let Some(risk) = risk_dict(conv) else {
        convert_words(conv, text, out, None);
        return;
    };
    let regions = regions(conv, risk, text, interest);
    let mut last = 0;
    for (s, e) in regions {
        if s > last {
            conv.convert_into(&text[last..s], out);
        }
        convert_words(conv, &text[s..e], out, None);
        last = e;
    }
    if last < text.len() {
        conv.convert_into(&text[last..], out);
    }
}

/// The risk dictionary of `conv`'s config (build/derive.rs `risks`).
fn risk_dict(conv: &Converter) -> Option<Dict> {
    crate::tables::RISKS
        .iter()
        .find(|(name, _)| *name == conv.name())
        .map(|&(_, r)| Dict::get(r))
}

/// The start of the character before byte `i` (0 stays 0).
pub(crate) fn before(b: &[u8], i: usize) -> usize {
    let mut j = i.saturating_sub(1);
    while j > 0 && b[j] & 0xC0 == 0x80 {
        j -= 1;
    }
    j
}

/// The keys that decide where the word split can be cut: jieba's words,
/// the first stage's phrases and every risk (build.rs `SPLITTERS`), with
/// per character the length of the longest key it starts.
struct Splitters {
    keys: Dict,
    longest: &'static CharMap,
    /// The longest key of all, in characters.
    most: usize,
}

impl Splitters {
    fn new() -> Splitters {
        let keys = Dict::get(SPLITTERS);
        Splitters {
            keys,
            longest: CharMap::get(SPLITTER_LONGEST),
            most: keys.trie.max_key_chars,
        }
    }

    /// Whether a key starting before byte `p` ends after it.
    fn crosses(&self, text: &str, p: usize) -> bool {
        let b = text.as_bytes();
        if p == 0 || p >= b.len() {
            return false;
        }
        let mut q = p;
        for distance in 1..self.most {
            q = before(b, q);
            if b[q] == b'\n' {
                return false;
            }
            let c = crate::tables::decode(b, q).0;
            // No key from here reaches past `p`: skip the walk.
            if self.longest.slot(c) as usize > distance
                && self.keys.longest(text, q).is_some_and(|f| f.end > p)
            {
                return true;
            }
            if q == 0 {
                return false;
            }
        }
        false
    }

    /// Whether a key other than `[s, e)` starts inside it (or at `s`) and
    /// ends after `e`.
    fn overlaps_end(&self, text: &str, s: usize, e: usize) -> bool {
        let b = text.as_bytes();
        let mut q = s;
        while q < e {
            if self.keys.longest(text, q).is_some_and(|f| f.end > e) {
                return true;
            }
            q += crate::engine::char_len(b[q]);
        }
        false
    }

    /// The nearest point at or before `p` that no key crosses.
    fn cut_before(&self, text: &str, mut p: usize) -> usize {
        while self.crosses(text, p) {
            p = before(text.as_bytes(), p);
        }
        p
    }

    /// The nearest point at or after `p` that no key crosses.
    fn cut_after(&self, text: &str, mut p: usize) -> usize {
        let b = text.as_bytes();
        while p < b.len() && self.crosses(text, p) {
            p += crate::engine::char_len(b[p]);
        }
        p.min(b.len())
    }
}

/// The stretches of `text` that need the word-by-word conversion, sorted
/// and apart.
fn regions(
    conv: &Converter,
    risk: Dict,
    text: &str,
    interest: Option<&[u32]>,
) -> Vec<(usize, usize)> {
    let Some(&first) = conv.stage_dicts().first() else {
        return Vec::new();
    };
    let found;
    let interest = match interest {
        Some(list) => list,
        None => {
            let mut list = Vec::new();
            crate::detect::scan(text, Some(&mut list));
            found = list;
            &found
        }
    };
    let split = Splitters::new();
    let b = text.as_bytes();
    // (start, end, needs a word of context on each side)
    let mut marks: Vec<(usize, usize, bool)> = Vec::new();
    for &at in interest {
        let i = at as usize;
        if i >= b.len() {
            continue;
        }
        let (c, len) = if b[i] < 0x80 {
            (u32::from(b[i]), 1)
        } else {
            crate::tables::decode(b, i)
        };
        let ch = char::from_u32(c).unwrap_or('\0');
        if RULE_CHARS.contains(ch) {
            let prev = text[..i].chars().next_back();
            let next = text[i + len..].chars().next();
            if may_trigger(prev, ch, next) {
                marks.push((i, i + len, true));
            }
        }
        risk.for_each_match(text, i, |end, value| {
            let flags = value - 1;
            let risky = flags & RISK_LATER != 0
                || (flags & RISK_PHRASE != 0
                    && (split.crosses(text, i)
                        || split.overlaps_end(text, i, end)
                        || !kept_whole(first, &text[i..end])));
            if risky {
                marks.push((i, end, false));
            }
        });
    }
    marks.sort_unstable();
    let mut wide: Vec<(usize, usize)> = Vec::with_capacity(marks.len());
    for (s, e, context) in marks {
        let mut s = split.cut_before(text, s);
        let mut e = split.cut_after(text, e);
        if context {
            if s > 0 {
                s = split.cut_before(text, before(b, s));
            }
            if e < b.len() {
                e = split.cut_after(text, e + crate::engine::char_len(b[e]));
            }
        }
        wide.push((s, e));
    }
    wide.sort_unstable();
    let mut regions: Vec<(usize, usize)> = Vec::with_capacity(wide.len());
    for (s, e) in wide {
        match regions.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => regions.push((s, e)),
        }
    }
    regions
}

/// Whether the most probable split of `phrase` alone keeps it whole.
fn kept_whole(first: Dict, phrase: &str) -> bool {
    let mut whole = false;
    for_each_word(phrase, Some(first), |s, e| {
        whole = s == 0 && e == phrase.len()
    });
    whole
}

/// Whether a context rule could take `c` between characters `prev` and
/// `next` (a superset of where [`rule`] decides: the characters its
/// conditions look at).
fn may_trigger(prev: Option<char>, c: char, next: Option<char>) -> bool {
    let p = |set: &str| prev.is_some_and(|x| set.contains(x));
    let n = |set: &str| next.is_some_and(|x| set.contains(x));
    let degree_end = || prev.is_some_and(|x| DEGREE.iter().any(|w| w.ends_with(x)));
    match c {
        '出' | '只' => p(QUANTIFIER_END),
        '里' => p(QUANTIFIER_END) || p(TRANSLITERATION) || n(TRANSLITERATION),
        '面' => p(NOODLE_BEFORE),
        '干' => p(DRY_RESULT) || degree_end(),
        '松' => degree_end(),
        '系' => next.is_some_and(|x| TIE_OBJECTS.iter().any(|w| w.starts_with(x))),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Config;

    fn convert(config: Config, text: &str) -> String {
        let conv = Converter::new(config);
        let mut out = String::new();
        convert_words(&conv, text, &mut out, None);
        out
    }

    #[test]
    fn words_and_rules() {
        let cases: &[(Config, &str, &str)] = &[
            (Config::S2t, "前头发生了什么", "前頭發生了什麼"),
            (Config::S2t, "他被发明家叫住了", "他被發明家叫住了"),
            (Config::S2tw, "里长住在这里。", "里長住在這裡。"),
            // A phrase over whole words of the split (大|里) is kept.
            (Config::S2tw, "台中大里区", "臺中大里區"),
            (
                Config::S2t,
                "消息一出，股价应声上涨",
                "消息一出，股價應聲上漲",
            ),
            (Config::S2t, "这出戏很好看", "這齣戲很好看"),
            (Config::S2t, "一出好戏", "一齣好戲"),
            (Config::S2t, "两只猫和一只小狗", "兩隻貓和一隻小狗"),
            (Config::S2t, "这只是开始", "這只是開始"),
            (Config::S2tw, "弗里德曼在里约热内卢", "弗里德曼在里約熱內盧"),
            (Config::S2tw, "伊朗里亚尔，卡努里语", "伊朗里亞爾，卡努里語"),
            (Config::S2tw, "三里路", "三里路"),
            (Config::S2tw, "家里很干净", "家裡很乾淨"),
            (Config::S2t, "衣服很干", "衣服很乾"),
            (Config::S2t, "我去吃面", "我去喫麪"),
            (Config::S2tw, "我去吃面", "我去吃麵"),
            (Config::S2t, "鞋带松了，他系鞋带", "鞋帶鬆了，他繫鞋帶"),
        ];
        for &(config, input, want) in cases {
            assert_eq!(convert(config, input), want, "{config} {input}");
        }
    }
}
