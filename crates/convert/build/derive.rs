//! What target-based conversion and detection derive from OpenCC's data
//! (src/target.rs, src/detect.rs; docs/target.md says why each exists):
//!
//! * the detection class of each character and the regional vocabulary;
//! * `generated/*` dictionaries that bianyi's own configs
//!   (data/bianyi/config) name beside OpenCC's files:
//!   - `TWVariantsRevT2S`, `HKVariantsRevT2S`: OpenCC's reverse variant
//!     tables without the entries whose key is itself a form OpenCC's
//!     standard writes (顎 → 齶 is right for 上顎 but makes 下顎 下腭);
//!     the conversion to Simplified handles those characters directly;
//!   - `ZhuWordsTW`: the Taiwan spelling of every word in which Simplified
//!     writes 著 (著名, 顯著, 察微知著), kept as 著 while every other 著 of
//!     Taiwan text becomes the particle 着;
//!   - `Residue`: what turns mechanically converted Traditional text into
//!     Traditional without touching correct text: the residue of words
//!     converted character by character that left a Simplified form that
//!     is also a Traditional character (隨后 → 隨後, 這里 → 這裏), only
//!     where that residue is no Traditional word, with the correct words
//!     that hold a residue key as guards (划了一會 holds 划了);
//!     `ResidueMainland` adds,
//!     for text that looks converted from mainland Simplified, 后, 于 and
//!     干 standing alone (→ 後, 於, 幹) and guards the words that keep them;
//!   - `SimplifiedKeeps`, `TraditionalKeeps`: the words in which t2s and
//!     s2t keep a character they convert elsewhere (於潛 → 於潜, 虱目鱼 →
//!     虱目魚), so that cleaning text of the other script's forms leaves
//!     what OpenCC itself wrote;
//!   - `GuardsTWPhrasesRev`, `GuardsHKPhrasesRev`: longer words that
//!     contain a key of a regional phrase table, so that the table does not
//!     rewrite the inside of a word (尼日 → 尼日尔 must not apply inside
//!     尼日利亞 or Hong Kong's 尼日爾).

use std::collections::{BTreeMap, BTreeSet};

use crate::compile::opencc::{Entries, greedy, max_chars};
use crate::layout::*;

/// Characters of written Cantonese that standard written Chinese does not
/// use: evidence of Hong Kong (or Macau) text. Characters that Mandarin
/// text also uses as interjections or loans (唔, 咪, 囉, 嘞, 俾) are left out.
const YUE: &str = "嘅咗喺冇佢哋嘢啲嚟咩嗰噉㗎啱瞓睇揾搵畀諗攞嘥冚嚿咁乜喎啩攰";

/// Simplified forms that written Cantonese uses as characters of its own
/// (晒 "all", 吓 and 响 as particles, 厘 in loanwords, 扑 and 糍 in
/// everyday words): evidence of neither script, and never repaired in
/// Traditional text.
const CANTONESE_SHARED: &str = "晒吓响厘扑糍";

/// Simplified characters whose conversion to Traditional is another
/// character, but which Taiwan or Hong Kong text also writes in the same
/// words: never repaired as residue (台灣 and 臺灣, 吃 and 喫, 佔有 and
/// 占有, 伙伴 and 夥伴, 凶手 and 兇手, 僱用 and 雇用, HK's 恒 and 涌).
const NOT_RESIDUE: &str = "台吃唇岩占着杰凶伙雇皂么恒霉虱苧膻蝎熏涌跖佣㐹";

/// Surnames among the residue characters: at the start of a word that only
/// jieba lists (a name, often: 余叔岩), s2t's character default is no
/// evidence of the Traditional spelling, so no residue is made there.
const SURNAMES: &str = "余于范叶万岳郁朴谷干";

fn file<'a>(files: &'a BTreeMap<String, Entries>, name: &str) -> &'a Entries {
    files
        .get(name)
        .unwrap_or_else(|| panic!("derive: dictionary {name} is not loaded"))
}

/// Characters of every candidate of every value.
fn any_outputs<'a>(dicts: impl IntoIterator<Item = &'a Entries>) -> BTreeSet<char> {
    dicts
        .into_iter()
        .flat_map(|e| e.values().flatten().flat_map(|v| v.chars()))
        .collect()
}

/// Characters that occur in the values of `dicts` at least `min` times.
fn frequent_outputs<'a>(
    dicts: impl IntoIterator<Item = &'a Entries>,
    min: usize,
) -> BTreeSet<char> {
    let mut count: BTreeMap<char, usize> = BTreeMap::new();
    for e in dicts {
        for c in e.values().flatten().flat_map(|v| v.chars()) {
            *count.entry(c).or_default() += 1;
        }
    }
    count
        .into_iter()
        .filter(|&(_, n)| n >= min)
        .map(|(c, _)| c)
        .collect()
}

/// Characters of the first candidate of every value.
fn default_outputs<'a>(dicts: impl IntoIterator<Item = &'a Entries>) -> BTreeSet<char> {
    dicts
        .into_iter()
        .flat_map(|e| e.values().flat_map(|v| v[0].chars()))
        .collect()
}

/// Characters of every key.
fn key_chars<'a>(dicts: impl IntoIterator<Item = &'a Entries>) -> BTreeSet<char> {
    dicts
        .into_iter()
        .flat_map(|e| e.keys().flat_map(|k| k.chars()))
        .collect()
}

/// Single-character keys whose candidates do not include the key: the
/// dictionary always changes them.
fn always_changed(e: &Entries) -> BTreeSet<char> {
    e.iter()
        .filter(|(k, v)| k.chars().count() == 1 && !v.contains(k))
        .filter_map(|(k, _)| k.chars().next())
        .collect()
}

/// Single-character keys whose first candidate is another character.
fn changed_by_default(e: &Entries) -> BTreeSet<char> {
    e.iter()
        .filter(|(k, v)| k.chars().count() == 1 && v[0] != **k)
        .filter_map(|(k, _)| k.chars().next())
        .collect()
}

/// The detection class of every character that has one (src/layout.rs).
pub(crate) fn classes(files: &BTreeMap<String, Entries>) -> BTreeMap<char, u32> {
    let f = |n: &str| file(files, n);
    let st = [
        f("STCharacters.txt"),
        f("STPhrases.txt"),
        f("STPhrases_GeneratedFromRegionalPhrases.txt"),
    ];
    // What Traditional text may contain: every candidate of the character
    // tables (OpenCC's and the regional variants), and characters the
    // phrase tables write at least three times (one or two are slips of
    // the data: TWPhrases' 類别範本 does not make 别 Traditional).
    let t_out: BTreeSet<char> = any_outputs([
        f("STCharacters.txt"),
        f("TWVariants.txt"),
        f("HKVariants.txt"),
    ])
    .union(&frequent_outputs(
        [
            f("STPhrases.txt"),
            f("STPhrases_GeneratedFromRegionalPhrases.txt"),
            f("TWVariantsPhrases.txt"),
            f("TWPhrases.txt"),
            f("HKVariantsPhrases.txt"),
            f("HKPhrases.txt"),
        ],
        3,
    ))
    .copied()
    .collect();
    let ts = [
        f("TSCharacters.txt"),
        f("TSCharactersExt.txt"),
        f("TSPhrases.txt"),
    ];
    // What Simplified text may contain: the output of t2s, and the
    // characters of s2t's keys (Simplified input).
    let s_text: BTreeSet<char> = any_outputs(ts).union(&key_chars(st)).copied().collect();
    let to_s_changes: BTreeSet<char> = [
        f("TSCharacters.txt"),
        f("TSCharactersExt.txt"),
        f("TWVariantsRev.txt"),
        f("HKVariantsRev.txt"),
    ]
    .into_iter()
    .flat_map(changed_by_default)
    .collect();
    let st_chars = f("STCharacters.txt");
    let st_changes = changed_by_default(st_chars);
    let s2t_default = default_outputs(st);
    let tw_out = any_outputs([f("TWVariants.txt"), f("TWVariantsPhrases.txt")]);
    let hk_out = any_outputs([f("HKVariants.txt"), f("HKVariantsPhrases.txt")]);
    let tw_default = default_outputs([f("TWVariants.txt"), f("TWVariantsPhrases.txt")]);
    let hk_default = default_outputs([f("HKVariants.txt"), f("HKVariantsPhrases.txt")]);

    let mut classes: BTreeMap<char, u32> = BTreeMap::new();
    let mut mark = |c: char, flag: u32| *classes.entry(c).or_default() |= flag;
    for &c in &st_changes {
        if CANTONESE_SHARED.contains(c) {
            mark(c, CLASS_WEAK);
        } else if !t_out.contains(&c) {
            mark(c, CLASS_S_ONLY);
        }
    }
    for &c in &to_s_changes {
        if !s_text.contains(&c) {
            mark(c, CLASS_T_ONLY);
        }
    }
    // Characters s2t may change that are correct Traditional too.
    for (k, v) in st_chars {
        let mut chars = k.chars();
        if let (Some(c), None) = (chars.next(), chars.next())
            && v.len() > 1
            && t_out.contains(&c)
        {
            mark(c, CLASS_WEAK);
        }
    }
    // Forms a standard writes otherwise are evidence only where Simplified
    // text would not have them too (着 is Simplified; 爲 is not).
    for c in always_changed(f("TWVariants.txt")) {
        if !tw_out.contains(&c) && !s_text.contains(&c) {
            mark(c, CLASS_NOT_TW);
        }
    }
    for c in always_changed(f("HKVariants.txt")) {
        if !hk_out.contains(&c) && !s_text.contains(&c) {
            mark(c, CLASS_NOT_HK);
        }
    }
    // Forms both regional standards write where OpenCC's writes another.
    let tw_rev = changed_by_default(f("TWVariantsRev.txt"));
    for c in changed_by_default(f("HKVariantsRev.txt")) {
        if tw_rev.contains(&c) && !s2t_default.contains(&c) {
            mark(c, CLASS_NOT_OPENCC);
        }
    }
    for &c in &tw_out {
        if !s2t_default.contains(&c) && !hk_default.contains(&c) && !hk_out.contains(&c) {
            mark(c, CLASS_TW_FORM);
        }
    }
    for &c in &hk_out {
        if !s2t_default.contains(&c) && !tw_default.contains(&c) && !tw_out.contains(&c) {
            mark(c, CLASS_HK_FORM);
        }
    }
    for c in YUE.chars() {
        mark(c, CLASS_YUE);
    }
    classes
}

/// Regional vocabulary with its flags (src/layout.rs `VOCAB_*`).
pub(crate) fn vocabulary(files: &BTreeMap<String, Entries>) -> BTreeMap<String, u32> {
    let f = |n: &str| file(files, n);
    let tw_variants = f("TWVariants.txt");
    let hk_variants = f("HKVariants.txt");
    let mut vocab: BTreeMap<String, u32> = BTreeMap::new();
    let mut add = |word: &str, flag: u32| {
        if word.chars().nth(1).is_some() {
            *vocab.entry(word.to_string()).or_default() |= flag;
        }
    };
    // Keys a table changes (its identity entries only guard longer words).
    let changed = |name: &str| -> BTreeSet<String> {
        f(name)
            .iter()
            .filter(|(k, v)| v[0] != **k)
            .map(|(k, _)| k.clone())
            .collect()
    };
    let only =
        |a: &str, b: &str| -> Vec<String> { changed(a).difference(&changed(b)).cloned().collect() };
    for k in only("TWPhrases.txt", "TWPhrasesRev.txt") {
        add(&k, VOCAB_MAINLAND_VS_TW);
        // As mechanical conversion to the Taiwan standard spells it.
        add(&greedy(tw_variants, 1, &k), VOCAB_MAINLAND_VS_TW);
    }
    for k in only("TWPhrasesRev.txt", "TWPhrases.txt") {
        add(&k, VOCAB_TW);
    }
    for k in only("HKPhrases.txt", "HKPhrasesRev.txt") {
        add(&k, VOCAB_MAINLAND_VS_HK);
        add(&greedy(hk_variants, 1, &k), VOCAB_MAINLAND_VS_HK);
    }
    for k in only("HKPhrasesRev.txt", "HKPhrases.txt") {
        add(&k, VOCAB_HK);
    }
    // A word both regions write (游標) tells neither.
    for flags in vocab.values_mut() {
        if *flags & VOCAB_TW != 0 && *flags & VOCAB_HK != 0 {
            *flags &= !(VOCAB_TW | VOCAB_HK);
        }
    }
    vocab.retain(|_, flags| *flags != 0);
    vocab
}

/// The `generated/*` dictionaries (see the module docs), by file name.
pub(crate) fn generated(
    files: &BTreeMap<String, Entries>,
    jieba: &BTreeMap<String, u32>,
) -> BTreeMap<String, Entries> {
    let f = |n: &str| file(files, n);
    let mut out = BTreeMap::new();

    // s2t's first stage, flattened (short_circuit: phrases, then characters).
    let mut st: Entries = f("STCharacters.txt").clone();
    let mut st_phrases: Entries = f("STPhrases.txt").clone();
    for (k, v) in f("STPhrases_GeneratedFromRegionalPhrases.txt") {
        st_phrases.entry(k.clone()).or_insert_with(|| v.clone());
    }
    if let Some(extra) = files.get("bianyi/STPhrases.txt") {
        for (k, v) in extra {
            st_phrases.insert(k.clone(), v.clone());
        }
    }
    for (k, v) in &st_phrases {
        st.insert(k.clone(), v.clone());
    }
    let st_max = max_chars(&st);
    let s2t = |w: &str| greedy(&st, st_max, w);

    // Reverse variant tables without keys that OpenCC's standard writes for
    // some Simplified character (顎 for 颚; not 么, which it writes 麼).
    let s2t_default = default_outputs([f("STCharacters.txt")]);
    let trimmed = |name: &str, keep: &str| -> Entries {
        f(name)
            .iter()
            .filter(|(k, _)| {
                let c = k.chars().next().unwrap_or('\0');
                k.chars().count() != 1 || keep.contains(c) || !s2t_default.contains(&c)
            })
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    };
    let mut tw_rev = trimmed("TWVariantsRev.txt", "著");
    // Taiwan's 著 is either: 着 unless a word of `ZhuWordsTW` says 著.
    tw_rev.insert("著".to_string(), vec!["着".to_string(), "著".to_string()]);
    out.insert("generated/TWVariantsRevT2S.txt".to_string(), tw_rev);
    out.insert(
        "generated/HKVariantsRevT2S.txt".to_string(),
        trimmed("HKVariantsRev.txt", ""),
    );

    // Words in which Simplified writes 著, in Taiwan spelling (TWVariants
    // turns the particle 着 into 著, so this is where the two meet).
    let tw_variants = f("TWVariants.txt");
    let mut zhu = Entries::new();
    let simplified_zhu = jieba
        .keys()
        .chain(f("STPhrases.txt").keys())
        .filter(|w| w.contains('著') && w.chars().count() > 1);
    for w in simplified_zhu {
        let traditional = greedy(tw_variants, 1, &s2t(w));
        // Back to OpenCC's standard for the next stage: 著 stays 著.
        let opencc = s2t(w);
        if traditional.contains('著') && opencc.contains('著') {
            zhu.entry(traditional)
                .or_insert_with(|| vec![opencc.clone()]);
            // Simplified text goes through the same table (its 著 outside
            // these words is Traditional's particle left in it).
            zhu.entry(w.clone()).or_insert_with(|| vec![opencc]);
        }
    }
    for (k, v) in f("TWVariantsRevPhrases.txt") {
        if k.contains('著') {
            zhu.entry(k.clone()).or_insert_with(|| v.clone());
        }
    }
    out.insert("generated/ZhuWordsTW.txt".to_string(), zhu);

    let residue = residue(files, &st_phrases, jieba, &s2t);
    // In text converted mechanically from mainland Simplified, the
    // commonest residue is a character left alone: 后, 于 and 干 as words of
    // their own are 後, 於 and 幹 there, except in the words that keep them
    // (皇后, 干涉), which are kept as they are.
    let mut mainland = residue.clone();
    for (c, t) in [("后", "後"), ("于", "於"), ("干", "幹")] {
        mainland.insert(c.to_string(), vec![t.to_string()]);
    }
    let keeps = st_phrases
        .iter()
        .map(|(k, v)| (k.clone(), v[0].clone()))
        .chain(
            jieba
                .keys()
                .filter(|w| w.chars().count() > 1)
                .map(|w| (w.clone(), s2t(w))),
        );
    for (k, v) in keeps {
        let kept = k
            .chars()
            .zip(v.chars())
            .any(|(a, b)| a == b && "后于干".contains(a));
        if kept && k.chars().count() == v.chars().count() && !mainland.contains_key(&v) {
            mainland.insert(v.clone(), vec![v]);
        }
    }
    out.insert(
        "generated/TraditionalKeeps.txt".to_string(),
        traditional_keeps(files),
    );
    out.insert(
        "generated/SimplifiedKeeps.txt".to_string(),
        simplified_keeps(files),
    );
    out.insert("generated/Residue.txt".to_string(), residue);
    out.insert("generated/ResidueMainland.txt".to_string(), mainland);

    // Guards: longer mainland words that contain a key of a regional
    // phrase table (尼日利亚 holds Taiwan's 尼日, 塔吉克族 Taiwan's 塔吉克),
    // in the regional spelling the first stage of tw2sp / hk2sp sees, kept
    // as they are (in OpenCC's standard, for the next stage). Only the
    // reverse tables get guards: a mainland key inside a longer mainland
    // word (軟件 in 軟件包) is meant to be converted.
    let jieba_t: Vec<String> = jieba
        .keys()
        .filter(|w| w.chars().count() > 2)
        .map(|w| s2t(w))
        .collect();
    let guards = |table: &str, variants: &Entries| -> Entries {
        let table = f(table);
        let max = max_chars(table);
        let mut g = Entries::new();
        for traditional in &jieba_t {
            let key = greedy(variants, 1, traditional);
            if table.contains_key(&key) {
                continue;
            }
            let chars: Vec<usize> = key
                .char_indices()
                .map(|(i, _)| i)
                .chain([key.len()])
                .collect();
            let n = chars.len() - 1;
            let inside = (0..n).any(|i| {
                (2..=max.min(n - i))
                    .filter(|&len| len < n)
                    .any(|len| table.contains_key(&key[chars[i]..chars[i + len]]))
            });
            if inside {
                g.insert(key, vec![traditional.clone()]);
            }
        }
        g
    };
    out.insert(
        "generated/GuardsTWPhrasesRev.txt".to_string(),
        guards("TWPhrasesRev.txt", tw_variants),
    );
    out.insert(
        "generated/GuardsHKPhrasesRev.txt".to_string(),
        guards("HKPhrasesRev.txt", f("HKVariants.txt")),
    );
    out
}

/// The `Residue` dictionary (see the module docs).
fn residue(
    files: &BTreeMap<String, Entries>,
    st_phrases: &Entries,
    jieba: &BTreeMap<String, u32>,
    s2t: &dyn Fn(&str) -> String,
) -> Entries {
    let classes = classes(files);
    let s_only = |c: char| classes.get(&c).is_some_and(|f| f & CLASS_S_ONLY != 0);
    let mut repair = Entries::new();
    // Residue: Simplified characters left in words converted character by
    // character, where the character is Traditional too.
    let residue_chars: BTreeSet<char> = changed_by_default(file(files, "STCharacters.txt"))
        .into_iter()
        .filter(|c| classes.get(c).is_some_and(|f| f & CLASS_WEAK != 0))
        .filter(|c| !NOT_RESIDUE.contains(*c))
        .collect();
    // (Simplified, Traditional, from jieba rather than a phrase table).
    let pairs: Vec<(String, String, bool)> = st_phrases
        .iter()
        .map(|(k, v)| (k.clone(), v[0].clone(), false))
        .chain(
            jieba
                .keys()
                .filter(|w| w.chars().count() > 1 && !st_phrases.contains_key(*w))
                .map(|w| (w.clone(), s2t(w), true)),
        )
        .collect();
    // Correct Traditional words: no residue key may be one of them.
    let words: BTreeSet<&str> = pairs
        .iter()
        .map(|(_, v, _)| v.as_str())
        .chain(file(files, "TSPhrases.txt").keys().map(String::as_str))
        .chain(file(files, "TWPhrasesRev.txt").keys().map(String::as_str))
        .chain(file(files, "HKPhrasesRev.txt").keys().map(String::as_str))
        .collect();
    let mut residue: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (k, v, from_jieba) in &pairs {
        let kc: Vec<char> = k.chars().collect();
        let vc: Vec<char> = v.chars().collect();
        if kc.len() != vc.len() || kc.len() < 2 {
            continue;
        }
        let at: Vec<usize> = (0..kc.len())
            .filter(|&i| kc[i] != vc[i] && residue_chars.contains(&kc[i]))
            .filter(|&i| !(*from_jieba && i == 0 && SURNAMES.contains(kc[i])))
            // 里 between transliteration syllables is part of a name
            // (弗里德曼), whatever s2t's character default says.
            .filter(|&i| {
                !(*from_jieba
                    && kc[i] == '里'
                    && [i.wrapping_sub(1), i + 1]
                        .iter()
                        .any(|&j| kc.get(j).is_some_and(|c| TRANSLITERATION.contains(*c))))
            })
            .collect();
        if at.is_empty() {
            continue;
        }
        // Every residue position left, and each one alone.
        let mut variants: Vec<Vec<usize>> = vec![at.clone()];
        if at.len() > 1 {
            variants.extend(at.iter().map(|&i| vec![i]));
        }
        for positions in variants {
            let mut r = vc.clone();
            for &i in &positions {
                r[i] = kc[i];
            }
            let r: String = r.into_iter().collect();
            if r != *v && !words.contains(r.as_str()) && !r.chars().any(s_only) {
                residue.entry(r).or_default().insert(v.clone());
            }
        }
    }
    for (r, targets) in residue {
        // A residue that could come from two words is left alone.
        if targets.len() == 1 {
            repair
                .entry(r)
                .or_insert_with(|| targets.into_iter().collect());
        }
    }
    // Guards: a correct word that holds a residue key (劃了 is residue,
    // 划了一會 "rowed a while" is a word; 不干 is residue, 不干我事 a word)
    // is kept as it is, so that the longest match takes the word.
    let max = words.iter().map(|w| w.chars().count()).max().unwrap_or(0);
    let tw_variants = file(files, "TWVariants.txt");
    let hk_variants = file(files, "HKVariants.txt");
    let mut guards = Entries::new();
    for w in &words {
        let c: Vec<(usize, char)> = w.char_indices().collect();
        if c.len() < 2 || c.len() > max || repair.contains_key(*w) {
            continue;
        }
        let holds = (0..c.len()).any(|i| {
            (i + 2..=c.len()).filter(|&j| j - i < c.len()).any(|j| {
                let end = c.get(j).map_or(w.len(), |&(b, _)| b);
                repair.contains_key(&w[c[i].0..end])
            })
        });
        if holds {
            // In Taiwan's and Hong Kong's spellings too (葱葱郁郁 in Hong
            // Kong text keeps 郁郁 as 蔥蔥郁郁 does).
            for spelling in [
                (*w).to_string(),
                greedy(tw_variants, 1, w),
                greedy(hk_variants, 1, w),
            ] {
                if !repair.contains_key(&spelling) {
                    guards.insert(spelling.clone(), vec![spelling]);
                }
            }
        }
    }
    repair.extend(guards);
    repair
}

/// Traditional words that OpenCC's s2t writes with a character that is
/// otherwise Simplified only (虱目魚, 口吃, 拮据): kept as they are when
/// Traditional text is cleaned of Simplified forms.
fn traditional_keeps(files: &BTreeMap<String, Entries>) -> Entries {
    let classes = classes(files);
    let s_only = |c: char| classes.get(&c).is_some_and(|f| f & CLASS_S_ONLY != 0);
    [
        "STPhrases.txt",
        "STPhrases_GeneratedFromRegionalPhrases.txt",
    ]
    .into_iter()
    .flat_map(|name| file(files, name).values())
    .map(|v| &v[0])
    .filter(|v| v.chars().count() > 1 && v.chars().any(s_only))
    .map(|v| (v.clone(), vec![v.clone()]))
    .collect()
}

/// Simplified words that keep a character t2s converts elsewhere, as t2s
/// writes them from OpenCC's phrases (於潛 → 於潜, a county's name): kept as
/// they are when Simplified text is cleaned of Traditional forms.
fn simplified_keeps(files: &BTreeMap<String, Entries>) -> Entries {
    let ts_chars = file(files, "TSCharacters.txt");
    let converted = |c: char| {
        ts_chars
            .get(&c.to_string())
            .is_some_and(|v| v[0].chars().ne(std::iter::once(c)))
    };
    file(files, "TSPhrases.txt")
        .values()
        .map(|v| &v[0])
        .filter(|v| v.chars().count() > 1 && v.chars().any(converted))
        .map(|v| (v.clone(), vec![v.clone()]))
        .collect()
}

/// bianyi's phrases that conversion from Simplified with phrases applies
/// before the later stages of an OpenCC config (src/context.rs), by config.
pub(crate) fn extra_phrases(files: &BTreeMap<String, Entries>) -> Vec<(&'static str, Entries)> {
    vec![
        ("s2twp", {
            let mut e = file(files, "bianyi/NamesTWPhrases.txt").clone();
            e.extend(file(files, "bianyi/TWPhrases.txt").clone());
            e
        }),
        ("s2hkp", file(files, "bianyi/HKPhrases.txt").clone()),
    ]
}

/// What the fast path of conversion from Simplified (src/context.rs)
/// watches for, per OpenCC config it runs from Simplified: the keys of the
/// first stage whose conversion differs from their characters' defaults
/// (`RISK_PHRASE`: there the word split may decide), and the Simplified
/// spellings of the later stages' phrases (`RISK_LATER`: there a phrase of
/// a later stage may span words).
pub(crate) fn risks(
    files: &BTreeMap<String, Entries>,
) -> Vec<(&'static str, BTreeMap<String, u32>)> {
    let f = |n: &str| file(files, n);
    let chars = f("STCharacters.txt");
    let default = |w: &str| -> String {
        w.chars()
            .map(|c| {
                chars
                    .get(&c.to_string())
                    .map_or_else(|| c.to_string(), |v| v[0].clone())
            })
            .collect()
    };
    let mut phrases: BTreeMap<String, u32> = BTreeMap::new();
    for name in [
        "STPhrases.txt",
        "STPhrases_GeneratedFromRegionalPhrases.txt",
    ] {
        for (k, v) in f(name) {
            if k.chars().nth(1).is_some() && v[0] != default(k) {
                phrases.insert(k.clone(), RISK_PHRASE);
            }
        }
    }
    // Traditional (of a regional standard) back to Simplified spelling.
    let mut ts: Entries = f("TSCharacters.txt").clone();
    for (k, v) in f("TSPhrases.txt") {
        ts.insert(k.clone(), v.clone());
    }
    let ts_max = max_chars(&ts);
    let to_simplified = |rev: &[&str], k: &str| -> String {
        let mut t = k.to_string();
        for r in rev {
            t = greedy(f(r), max_chars(f(r)), &t);
        }
        greedy(&ts, ts_max, &t)
    };
    let later = |tables: &[&str], rev: &[&str]| -> BTreeMap<String, u32> {
        let mut risk = phrases.clone();
        for table in tables {
            for k in f(table).keys().filter(|k| k.chars().nth(1).is_some()) {
                *risk.entry(to_simplified(rev, k)).or_default() |= RISK_LATER;
                *risk.entry(to_simplified(&[], k)).or_default() |= RISK_LATER;
            }
        }
        risk
    };
    let tw = ["TWVariantsRevPhrases.txt", "TWVariantsRev.txt"];
    let hk = ["HKVariantsRevPhrases.txt", "HKVariantsRev.txt"];
    vec![
        ("s2t", phrases.clone()),
        ("s2tw", later(&["TWVariantsPhrases.txt"], &tw)),
        (
            "s2twp",
            later(
                &[
                    "TWPhrases.txt",
                    "TWVariantsPhrases.txt",
                    "bianyi/TWPhrases.txt",
                    "bianyi/NamesTWPhrases.txt",
                ],
                &tw,
            ),
        ),
        ("s2hk", later(&["HKVariantsPhrases.txt"], &hk)),
        (
            "s2hkp",
            later(
                &[
                    "HKPhrases.txt",
                    "HKVariantsPhrases.txt",
                    "bianyi/HKPhrases.txt",
                ],
                &hk,
            ),
        ),
    ]
}
