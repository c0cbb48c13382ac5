//! Harvesting term pairs from articles: bracketed glosses in both directions,
//! 中文(English) and “English”（中文）.
//!
//! The hard part is the left edge of the Chinese term: in
//! 首席AI科學家顏樂存(Yann LeCun) the gloss belongs to 顏樂存, not to the
//! whole run of Han characters before the bracket. Names (a gloss of
//! capitalised words, or a Chinese run with a middle dot) are cut after the
//! last title or function word (科學家, 創始人, 官, 的, 和, …); other glosses
//! take as many words of the word split (jieba's frequencies) as the gloss
//! has words, or letters for an acronym (特殊目的公司(SPV)).

use std::collections::HashMap;

use crate::fold::fold_char;
use crate::model::{Entry, Glossary, Lang, Term};

/// A proposed term pair.
#[derive(Clone, Debug, PartialEq, Eq)]
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

/// Middle dots used in transliterated names.
const DOTS: [char; 6] = [
    '\u{00B7}', '\u{30FB}', '\u{2022}', '\u{2027}', '\u{2219}', '\u{FF65}',
];

/// Words that end a title or a phrase before a name: the name starts after
/// the last of them (前負責人|納特·弗里德曼, 科學家|顏樂存).
const TITLE_WORDS: [&str; 40] = [
    "創始人",
    "创始人",
    "創辦人",
    "创办人",
    "負責人",
    "负责人",
    "主管",
    "經理",
    "经理",
    "總監",
    "总监",
    "教授",
    "主席",
    "總裁",
    "总裁",
    "董事",
    "部長",
    "部长",
    "總統",
    "总统",
    "首相",
    "議員",
    "议员",
    "研究員",
    "研究员",
    "富翁",
    "得主",
    "專家",
    "专家",
    "作者",
    "記者",
    "记者",
    "演員",
    "演员",
    "博士",
    "先生",
    "女士",
    "總理",
    "总理",
    "通過",
];

/// Single characters that end a title or are function words: a name does
/// not contain them in practice, so it starts after the last one.
const STOP_CHARS: &str = "的和與与由是在被讓让對对向及等、給给跟同從从將将把為为即也又都稱称說说據据官長长家師师員员者人前後后原曾新任";

/// Leading characters that quantify rather than name (多吉瓦 → 吉瓦).
const QUANTIFIERS: &str = "多各每該该此這这那其本某諸诸";

fn is_han(c: char) -> bool {
    let u = c as u32;
    (0x3400..=0x9FFF).contains(&u)
        || (0xF900..=0xFAFF).contains(&u)
        || (0x20000..=0x3134F).contains(&u)
}

fn is_dot(c: char) -> bool {
    DOTS.contains(&c)
}

/// Finds the term pairs glossed in `text`, merged by pair, in order of
/// first appearance.
pub fn extract(text: &str) -> Vec<Candidate> {
    let mut found: Vec<Candidate> = Vec::new();
    let mut index: HashMap<(String, String), usize> = HashMap::new();
    let mut at = 0;
    while let Some(rel) = text[at..].find(['(', '（']) {
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
        let inner = text[at..close].trim();
        let before = &text[..open];
        let pair = if is_gloss(inner) {
            quoted_left(before)
                .or_else(|| chinese_left(before, inner))
                .map(|(start, source)| (start, source, inner.to_string()))
        } else if is_chinese_term(inner) {
            latin_left(before).map(|target| {
                (
                    at + (text[at..close].len() - text[at..close].trim_start().len()),
                    inner.to_string(),
                    target,
                )
            })
        } else {
            None
        };
        let Some((start, source, target)) = pair else {
            continue;
        };
        let key = (source.clone(), target.clone());
        match index.get(&key) {
            Some(&k) => {
                if let Some(c) = found.get_mut(k) {
                    c.glossed += 1;
                }
            }
            None => {
                index.insert(key, found.len());
                found.push(Candidate {
                    context: context(text, start),
                    line: text[..start].matches('\n').count() + 1,
                    byte: start,
                    count: 0,
                    glossed: 1,
                    source,
                    target,
                });
            }
        }
    }
    for c in &mut found {
        c.count = text.matches(c.source.as_str()).count();
    }
    found
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
        "percent",
        "usd",
        "rmb",
        "including",
    ];
    if refused
        .iter()
        .any(|r| lower.starts_with(r) || lower.contains(&format!(" {r}")))
    {
        return false;
    }
    if inner
        .chars()
        .any(|c| matches!(c, '$' | '€' | '£' | '¥' | '%' | '@' | ':' | '/'))
    {
        return false;
    }
    // A sentence, not a term.
    inner.split_whitespace().count() <= 6
}

/// A short Chinese term inside brackets (the reverse direction).
fn is_chinese_term(inner: &str) -> bool {
    let n = inner.chars().count();
    (2..=12).contains(&n) && inner.chars().all(|c| is_han(c) || is_dot(c))
}

/// The Chinese term that `gloss` translates, ending at the end of `before`:
/// its byte offset and text.
fn chinese_left(before: &str, gloss: &str) -> Option<(usize, String)> {
    // The run of Han characters and middle dots just before the bracket.
    let run_start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_han(c) || is_dot(c))
        .last()
        .map(|(i, _)| i)?;
    let run = &before[run_start..];
    let words: Vec<&str> = gloss.split_whitespace().collect();
    let capitalised = words
        .iter()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    let acronym = words.len() == 1
        && gloss.chars().filter(char::is_ascii_uppercase).count() >= 2
        && gloss
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-');
    let term = if run.contains(is_dot) || (capitalised && words.len() >= 2 && !acronym) {
        name_left(run)?
    } else {
        let k = if acronym {
            gloss.chars().filter(char::is_ascii_uppercase).count()
        } else if words.len() == 1 {
            // CamelCase names are several words: SoftBank = 軟銀|集團.
            1 + gloss
                .chars()
                .zip(gloss.chars().skip(1))
                .filter(|(a, b)| a.is_ascii_lowercase() && b.is_ascii_uppercase())
                .count()
        } else {
            words.len()
        };
        words_left(run, k)?
    };
    let term = term.trim_start_matches(is_dot);
    if term.chars().count() < 2 || !term.chars().any(is_han) {
        return None;
    }
    Some((before.len() - term.len(), term.to_string()))
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
    let body = &before[..before.len() - last.len_utf8()];
    let start = body.rfind(*open)? + open.len_utf8();
    let term = &body[start..];
    is_chinese_term(term).then(|| (start, term.to_string()))
}

/// A transliterated name at the end of `run`: after the last title word or
/// stop character before its first middle dot, at most 5 characters before
/// that dot.
fn name_left(run: &str) -> Option<&str> {
    let first_dot = run.find(is_dot).unwrap_or(run.len());
    let head = &run[..first_dot];
    let mut cut = 0;
    for w in TITLE_WORDS {
        if let Some(i) = head.rfind(w) {
            cut = cut.max(i + w.len());
        }
    }
    for (i, c) in head.char_indices() {
        if STOP_CHARS.contains(c) {
            cut = cut.max(i + c.len_utf8());
        }
    }
    let name_head = &head[cut..];
    // At most five characters before the first dot.
    let skip = name_head.chars().count().saturating_sub(5);
    let offset = name_head
        .char_indices()
        .nth(skip)
        .map_or(name_head.len(), |(i, _)| i);
    Some(&run[cut + offset..])
}

/// The last `k` words of `run` (at least one), by the word split of its
/// Simplified form, without leading quantifiers or stop characters.
fn words_left(run: &str, k: usize) -> Option<&str> {
    // Fold to Simplified character by character (same number of
    // characters), split, and map the split back.
    let folded: String = run.chars().map(fold_char).collect();
    let words = bianyi_convert::split_words(&folded);
    let take = k.clamp(1, 4).min(words.len());
    let chars: usize = words[words.len() - take..]
        .iter()
        .map(|w| w.chars().count())
        .sum();
    let total = run.chars().count();
    let start = run.char_indices().nth(total - chars).map_or(0, |(i, _)| i);
    let mut term = &run[start..];
    // A single-character word is rarely the whole term: take one more.
    if chars == 1 && take < words.len() {
        let prev = words[words.len() - take - 1].chars().count();
        let start = run
            .char_indices()
            .nth(total - chars - prev)
            .map_or(0, |(i, _)| i);
        term = &run[start..];
    }
    let term = term.trim_start_matches(|c| QUANTIFIERS.contains(c) || STOP_CHARS.contains(c));
    Some(term)
}

/// The Latin text glossed by a following bracket, ending `before`: inside
/// quotes if quoted (“Avocado”), else the trailing run of Latin words.
fn latin_left(before: &str) -> Option<String> {
    let before = before.trim_end();
    let closing = ['”', '"', '’', '\'', '」', '』'];
    let opening = ['“', '"', '‘', '\'', '「', '『'];
    let text = if let Some(q) = before.chars().next_back().filter(|c| closing.contains(c)) {
        let body = &before[..before.len() - q.len_utf8()];
        let open = body.rfind(opening)?;
        body[open..].chars().skip(1).collect::<String>()
    } else {
        let start = before
            .char_indices()
            .rev()
            .take_while(|&(_, c)| c.is_ascii_alphanumeric() || matches!(c, ' ' | '-' | '.' | '\''))
            .last()
            .map(|(i, _)| i)?;
        before[start..].trim().to_string()
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
    let start = text[..at].rfind(ends).map_or(0, |i| {
        i + text[i..].chars().next().map_or(1, char::len_utf8)
    });
    let end = text[at..].find(ends).map_or(text.len(), |i| {
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
/// per line, tabs and line breaks in fields replaced by spaces.
pub fn to_tsv(candidates: &[Candidate]) -> String {
    let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
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

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(text: &str) -> Vec<(String, String)> {
        extract(text)
            .into_iter()
            .map(|c| (c.source, c.target))
            .collect()
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_string(), b.to_string())
    }

    #[test]
    fn left_edge_after_titles() {
        assert_eq!(
            pairs("首席AI科學家顏樂存(Yann LeCun)說"),
            vec![pair("顏樂存", "Yann LeCun")]
        );
        assert_eq!(
            pairs("ScaleAI創始人亞歷山大·王(Alexandr Wang)執掌"),
            vec![pair("亞歷山大·王", "Alexandr Wang")]
        );
        assert_eq!(
            pairs("長期首席法務官詹妮弗·紐斯特德（Jennifer Newstead）"),
            vec![pair("詹妮弗·紐斯特德", "Jennifer Newstead")]
        );
        assert_eq!(
            pairs("前研究經理大衛·埃文·哈里斯(David Evan Harris)"),
            vec![pair("大衛·埃文·哈里斯", "David Evan Harris")]
        );
        assert_eq!(
            pairs("商業AI主管克拉拉·施(Clara Shih)"),
            vec![pair("克拉拉·施", "Clara Shih")]
        );
    }

    #[test]
    fn every_middle_dot() {
        for dot in DOTS {
            let text = format!("企業家亞歷山大{dot}王(Alexandr Wang)");
            assert_eq!(
                pairs(&text),
                vec![pair(&format!("亞歷山大{dot}王"), "Alexandr Wang")],
                "{dot:?}"
            );
        }
    }

    #[test]
    fn reverse_direction_and_acronyms() {
        assert_eq!(
            pairs("代號“Avocado”(牛油果)的模型"),
            vec![pair("牛油果", "Avocado")]
        );
        assert_eq!(
            pairs("代號「Avocado」（牛油果）"),
            vec![pair("牛油果", "Avocado")]
        );
        assert_eq!(
            pairs("年底又通過特殊目的公司(SPV)完成"),
            vec![pair("特殊目的公司", "SPV")]
        );
        assert_eq!(pairs("建設多吉瓦(GW)級數據中心"), vec![pair("吉瓦", "GW")]);
    }

    #[test]
    fn quoted_terms_and_camel_case() {
        assert_eq!(
            pairs("新模型“雙子座”(Gemini)"),
            vec![pair("雙子座", "Gemini")]
        );
        assert_eq!(
            pairs("歐盟《人工智慧法案》(AI Act)"),
            vec![pair("人工智慧法案", "AI Act")]
        );
        assert_eq!(
            pairs("與軟銀集團(SoftBank)會面"),
            vec![pair("軟銀集團", "SoftBank")]
        );
    }

    #[test]
    fn amounts_dates_and_sources_are_skipped() {
        assert!(pairs("2080億美元(人民幣約15000億元)").is_empty());
        assert!(pairs("成為首選的計算平臺。(來源:英國《金融時報》)").is_empty());
        assert!(pairs("關系(來源:X)").is_empty());
        assert!(pairs("收購(2025)").is_empty());
        assert!(pairs("估值(約$14.3 billion)").is_empty());
        assert!(pairs("見官網(https://example.com)").is_empty());
        assert!(pairs("以上內容(如有圖片或視頻亦包括在內)").is_empty());
        assert!(pairs("content above (including the pictures and videos if any)").is_empty());
        assert!(pairs("甲(A)").is_empty());
    }

    #[test]
    fn mentions_are_merged_and_counted() {
        let text = "創始人亞歷山大·王(Alexandr Wang)說。\n企業家亞歷山大·王(Alexandr Wang)又說，亞歷山大·王笑了。";
        let found = extract(text);
        assert_eq!(found.len(), 1);
        let c = &found[0];
        assert_eq!((c.count, c.glossed, c.line, c.byte), (3, 2, 1, 9));
        assert_eq!(c.context, "創始人亞歷山大·王(Alexandr Wang)說。");
        assert_eq!(
            to_tsv(&found),
            "亞歷山大·王\tAlexandr Wang\t3\t創始人亞歷山大·王(Alexandr Wang)說。\n"
        );
    }

    #[test]
    fn unbalanced_brackets_are_harmless() {
        assert!(pairs("（((（").is_empty());
        assert!(pairs("顏樂存(Yann LeCun").is_empty());
        assert!(pairs(")）顏樂存").is_empty());
        assert!(pairs("").is_empty());
    }
}
