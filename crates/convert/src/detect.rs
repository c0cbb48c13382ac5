//! Which script and standard a text is written in, and whether it looks
//! mechanically converted from mainland Simplified, from the same OpenCC
//! tables the converter uses (docs/target.md, "How detection decides").
//!
//! Every character has a class computed at build time (src/layout.rs,
//! build/derive.rs): a Simplified-only form (发), a Traditional-only form
//! (發), a form the Taiwan or Hong Kong standard writes otherwise (爲, 説),
//! a form only one of their variant tables produces (裡; 綫), written
//! Cantonese (嘅). Characters that are correct in both scripts (台, 后, 里,
//! 着) are evidence of nothing. Regional words (軟件 against 軟體) and
//! the residue of character-by-character conversion (隨后) are counted too.
//!
//! The counts feed three small probabilistic models (script; standard;
//! origin) whose posterior probabilities give the verdict and its
//! confidence. A paragraph can be judged with the document's verdict as its
//! prior ([`Detector::detection_given`]), so that a short line follows the
//! document unless its own evidence says otherwise.

use crate::layout::*;
use crate::tables::{CharMap, DETECT, Dict, decode};

/// The script a text is written in.
///
/// With the `serde` feature it serializes as `"simplified"`,
/// `"traditional"`, `"mixed"`, `"neutral"` or `"not-chinese"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum Script {
    /// Simplified Chinese.
    Simplified,
    /// Traditional Chinese.
    Traditional,
    /// Both, in proportions that do not look like stray characters.
    Mixed,
    /// Chinese, but only characters both scripts share: either will do.
    Neutral,
    /// Not (enough) Chinese.
    NotChinese,
}

/// The standard a Traditional text follows.
///
/// With the `serde` feature it serializes as `"taiwan"`, `"hong-kong"` or
/// `"opencc"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum Standard {
    /// Taiwan (為, 眾, 裡).
    Taiwan,
    /// Hong Kong (綫, 衞, 説).
    HongKong,
    /// OpenCC's own standard, close to the Kangxi forms (爲, 衆, 裏).
    #[cfg_attr(feature = "serde", serde(rename = "opencc"))]
    OpenCc,
}

impl Standard {
    const ALL: [Standard; 3] = [Standard::Taiwan, Standard::HongKong, Standard::OpenCc];
}

/// The counts a [`Detection`] rests on.
///
/// With the `serde` feature it serializes as an object with the fields'
/// names.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Counts {
    /// Characters other than whitespace.
    pub characters: usize,
    /// CJK ideographs.
    pub han: usize,
    /// Simplified-only characters (发, 们).
    pub simplified: usize,
    /// Traditional-only characters (發, 們).
    pub traditional: usize,
    /// Characters correct in both scripts that conversion may change (台,
    /// 后, 里): counted, never used as evidence.
    pub shared: usize,
    /// Forms the Taiwan standard writes otherwise (爲, 裏, 啓).
    pub not_taiwan: usize,
    /// Forms the Hong Kong standard writes otherwise (說, 溫, 衛).
    pub not_hong_kong: usize,
    /// Forms both Taiwan and Hong Kong write where OpenCC's standard writes
    /// another (為, 眾).
    pub not_opencc: usize,
    /// Forms only the Taiwan variant tables produce (裡, 啟).
    pub taiwan_forms: usize,
    /// Forms only the Hong Kong variant tables produce (綫, 衞, 説).
    pub hong_kong_forms: usize,
    /// Characters of written Cantonese (嘅, 咗, 喺).
    pub cantonese: usize,
    /// Mainland words that Taiwan writes otherwise (軟件, 視頻).
    pub mainland_vs_taiwan_words: usize,
    /// Taiwan words (軟體, 影片).
    pub taiwan_words: usize,
    /// Mainland words that Hong Kong writes otherwise.
    pub mainland_vs_hong_kong_words: usize,
    /// Hong Kong words.
    pub hong_kong_words: usize,
}

impl Counts {
    /// These counts with one distinguishing character of `other`'s
    /// majority script (none when it has none).
    pub(crate) fn with_script_of(mut self, other: &Counts) -> Counts {
        if other.simplified + other.traditional > 0 {
            if other.simplified > other.traditional {
                self.simplified = 1;
            } else {
                self.traditional = 1;
            }
        }
        self
    }

    /// Adds `other`'s counts to these.
    pub fn add(&mut self, other: &Counts) {
        self.characters += other.characters;
        self.han += other.han;
        self.simplified += other.simplified;
        self.traditional += other.traditional;
        self.shared += other.shared;
        self.not_taiwan += other.not_taiwan;
        self.not_hong_kong += other.not_hong_kong;
        self.not_opencc += other.not_opencc;
        self.taiwan_forms += other.taiwan_forms;
        self.hong_kong_forms += other.hong_kong_forms;
        self.cantonese += other.cantonese;
        self.mainland_vs_taiwan_words += other.mainland_vs_taiwan_words;
        self.taiwan_words += other.taiwan_words;
        self.mainland_vs_hong_kong_words += other.mainland_vs_hong_kong_words;
        self.hong_kong_words += other.hong_kong_words;
    }
}

/// What detection found.
///
/// With the `serde` feature it serializes as the object that
/// `bianyi detect --json` writes (without the CLI's `input` and `line`):
/// `script` (`"empty"` when the text has no characters other than
/// whitespace, else a [`Script`]), `standard` (a [`Standard`] or `null`),
/// `mainland_origin`, `confidence`, `probabilities` (`simplified`,
/// `traditional`, `mixed`, `taiwan`, `hong_kong`, `opencc`,
/// `mainland_origin`) and `counts` (the [`Counts`]); `confidence` and the
/// probabilities are rounded to 4 decimals.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub struct Detection {
    /// The script.
    pub script: Script,
    /// For Traditional (and mixed) text: the likely standard.
    pub standard: Option<Standard>,
    /// A Traditional text that looks mechanically converted from mainland
    /// Simplified: Simplified forms or the residue of character-by-character
    /// conversion left in it, or mainland vocabulary.
    pub mainland_origin: bool,
    /// How sure the verdict is, from 0 to 1: the posterior probability of
    /// the script, times that of the standard when the text is
    /// Traditional. (The origin has its own probability,
    /// [`Detection::mainland_origin_probability`].)
    pub confidence: f64,
    /// The evidence.
    pub counts: Counts,
    /// Posterior probabilities: Simplified, Traditional, Mixed.
    script_p: [f64; 3],
    /// Posterior probabilities: Taiwan, Hong Kong, OpenCC.
    standard_p: [f64; 3],
    /// Posterior probability of a mechanical conversion.
    origin_p: f64,
}

impl Detection {
    /// The posterior probability that the text is Simplified, Traditional
    /// or mixed (they sum to 1; all 0 for text without evidence).
    pub fn script_probabilities(&self) -> [f64; 3] {
        self.script_p
    }

    /// The posterior probability of each standard (Taiwan, Hong Kong,
    /// OpenCC's), as if the text were Traditional.
    pub fn standard_probabilities(&self) -> [f64; 3] {
        self.standard_p
    }

    /// The posterior probability that Traditional text was converted
    /// mechanically from mainland Simplified.
    pub fn mainland_origin_probability(&self) -> f64 {
        self.origin_p
    }
}

/// The JSON shape of a [`Detection`] (its documentation says which).
#[cfg(feature = "serde")]
impl serde::Serialize for Detection {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        /// Four decimals, so that the last bits of a platform's `exp` and
        /// `ln` never change the output.
        fn p4(x: f64) -> f64 {
            (x * 1e4).round() / 1e4
        }
        #[derive(serde::Serialize)]
        #[serde(untagged)]
        enum ScriptOrEmpty {
            Script(Script),
            Empty(&'static str),
        }
        #[derive(serde::Serialize)]
        struct Probabilities {
            simplified: f64,
            traditional: f64,
            mixed: f64,
            taiwan: f64,
            hong_kong: f64,
            opencc: f64,
            mainland_origin: f64,
        }
        #[derive(serde::Serialize)]
        struct View<'a> {
            script: ScriptOrEmpty,
            standard: Option<Standard>,
            mainland_origin: bool,
            confidence: f64,
            probabilities: Probabilities,
            counts: &'a Counts,
        }
        let [simplified, traditional, mixed] = self.script_p;
        let [taiwan, hong_kong, opencc] = self.standard_p;
        View {
            script: if self.counts.characters == 0 {
                ScriptOrEmpty::Empty("empty")
            } else {
                ScriptOrEmpty::Script(self.script)
            },
            standard: self.standard,
            mainland_origin: self.mainland_origin,
            confidence: p4(self.confidence),
            probabilities: Probabilities {
                simplified: p4(simplified),
                traditional: p4(traditional),
                mixed: p4(mixed),
                taiwan: p4(taiwan),
                hong_kong: p4(hong_kong),
                opencc: p4(opencc),
                mainland_origin: p4(self.origin_p),
            },
            counts: &self.counts,
        }
        .serialize(serializer)
    }
}

/// One kind of evidence, for explanations (`bianyi detect --explain`).
///
/// With the `serde` feature it serializes as its name in kebab case
/// (`"not-taiwan"`, `"mainland-vs-taiwan-words"`; `"not-opencc"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum EvidenceKind {
    /// Simplified-only characters.
    Simplified,
    /// Traditional-only characters.
    Traditional,
    /// Characters correct in both scripts (not used as evidence).
    Shared,
    /// Forms the Taiwan standard writes otherwise.
    NotTaiwan,
    /// Forms the Hong Kong standard writes otherwise.
    NotHongKong,
    /// Forms OpenCC's standard writes otherwise.
    #[cfg_attr(feature = "serde", serde(rename = "not-opencc"))]
    NotOpenCc,
    /// Taiwan forms.
    TaiwanForms,
    /// Hong Kong forms.
    HongKongForms,
    /// Written Cantonese.
    Cantonese,
    /// Mainland words that Taiwan writes otherwise.
    MainlandVsTaiwanWords,
    /// Taiwan words.
    TaiwanWords,
    /// Mainland words that Hong Kong writes otherwise.
    MainlandVsHongKongWords,
    /// Hong Kong words.
    HongKongWords,
}

/// Evidence of one kind: how often it occurred and the first few distinct
/// examples.
///
/// With the `serde` feature it serializes as `{"kind", "count",
/// "examples"}`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Evidence {
    /// What was seen.
    pub kind: EvidenceKind,
    /// How many times.
    pub count: usize,
    /// Up to [`Detector::EXAMPLES`] distinct examples, in order of first
    /// occurrence.
    pub examples: Vec<String>,
}

/// Accumulates the evidence of a text fed in pieces (lines, chunks cut at
/// line ends), so that detection of a file of any size runs in bounded
/// memory.
///
/// ```
/// use bianyi_convert::{Detector, Script, Standard};
///
/// let mut d = Detector::new();
/// d.feed("台北的天氣很好，我們去台中。\n");
/// d.feed("這裡的里長很熱心。\n");
/// let found = d.detection();
/// assert_eq!(found.script, Script::Traditional);
/// assert_eq!(found.standard, Some(Standard::Taiwan));
/// assert!(!found.mainland_origin);
/// ```
#[derive(Clone, Debug, Default)]
pub struct Detector {
    counts: Counts,
    words: bool,
    examples: Option<Vec<(EvidenceKind, Vec<String>)>>,
}

impl Detector {
    /// How many examples of each kind [`Detector::evidence`] keeps.
    pub const EXAMPLES: usize = 8;

    /// A detector that counts characters and regional words.
    pub fn new() -> Detector {
        Detector {
            counts: Counts::default(),
            words: true,
            examples: None,
        }
    }

    /// A detector that counts characters only: what conversion uses per
    /// paragraph (about four times faster than counting words as well).
    pub fn characters_only() -> Detector {
        Detector {
            words: false,
            ..Detector::new()
        }
    }

    /// Also keeps examples of each kind of evidence.
    pub fn with_examples(mut self) -> Detector {
        self.examples = Some(Vec::new());
        self
    }

    /// Counts the evidence in `text`. Words are counted within each piece:
    /// cut pieces at line ends.
    pub fn feed(&mut self, text: &str) {
        let mut counts = match self.examples.as_mut() {
            None => count_characters_fast(text),
            Some(examples) => count_characters(text, Some(examples)),
        };
        if self.words {
            count_words(text, &mut counts, self.examples.as_mut());
        }
        self.counts.add(&counts);
    }

    /// A detector that has seen `counts`.
    pub(crate) fn from_counts(counts: Counts) -> Detector {
        Detector {
            counts,
            ..Detector::characters_only()
        }
    }

    /// Counts the characters of `text` only.
    pub(crate) fn feed_characters(&mut self, text: &str) {
        self.counts.add(&count_characters_fast(text));
    }

    /// Counts the regional words of `text` (its characters counted
    /// elsewhere).
    pub(crate) fn feed_words(&mut self, text: &str) {
        let mut counts = self.counts;
        count_words(text, &mut counts, None);
        self.counts = counts;
    }

    /// The counts so far.
    pub fn counts(&self) -> &Counts {
        &self.counts
    }

    /// The verdict on everything fed so far.
    pub fn detection(&self) -> Detection {
        judge(self.counts, None)
    }

    /// The verdict on everything fed so far, with `document`'s verdict as
    /// the prior: a paragraph follows its document unless its own evidence
    /// is strong enough to say otherwise.
    pub fn detection_given(&self, document: &Detection) -> Detection {
        judge(self.counts, Some(document))
    }

    /// The evidence so far, kind by kind (with examples when made
    /// [`Detector::with_examples`]).
    pub fn evidence(&self) -> Vec<Evidence> {
        let c = &self.counts;
        let all = [
            (EvidenceKind::Simplified, c.simplified),
            (EvidenceKind::Traditional, c.traditional),
            (EvidenceKind::Shared, c.shared),
            (EvidenceKind::NotTaiwan, c.not_taiwan),
            (EvidenceKind::NotHongKong, c.not_hong_kong),
            (EvidenceKind::NotOpenCc, c.not_opencc),
            (EvidenceKind::TaiwanForms, c.taiwan_forms),
            (EvidenceKind::HongKongForms, c.hong_kong_forms),
            (EvidenceKind::Cantonese, c.cantonese),
            (
                EvidenceKind::MainlandVsTaiwanWords,
                c.mainland_vs_taiwan_words,
            ),
            (EvidenceKind::TaiwanWords, c.taiwan_words),
            (
                EvidenceKind::MainlandVsHongKongWords,
                c.mainland_vs_hong_kong_words,
            ),
            (EvidenceKind::HongKongWords, c.hong_kong_words),
        ];
        all.into_iter()
            .filter(|&(_, count)| count > 0)
            .map(|(kind, count)| Evidence {
                kind,
                count,
                examples: self
                    .examples
                    .iter()
                    .flatten()
                    .find(|(k, _)| *k == kind)
                    .map(|(_, e)| e.clone())
                    .unwrap_or_default(),
            })
            .collect()
    }
}

/// Detects the script and standard of `text`.
///
/// ```
/// use bianyi_convert::{Script, Standard, detect};
///
/// let d = detect("軟體和網路都在記憶體裡。");
/// assert_eq!(d.script, Script::Traditional);
/// assert_eq!(d.standard, Some(Standard::Taiwan));
/// assert!(!d.mainland_origin);
///
/// let d = detect("這款軟件在網絡上發佈了很多視頻，還有信息和用戶的默認設置。");
/// assert_eq!(d.script, Script::Traditional);
/// assert!(d.mainland_origin);
///
/// assert_eq!(detect("软件和网络").script, Script::Simplified);
/// // Characters correct in both scripts are no evidence of Simplified.
/// assert_eq!(detect("台北的天氣很好，我們去台中。").script, Script::Traditional);
/// ```
pub fn detect(text: &str) -> Detection {
    let mut d = Detector::new();
    d.feed(text);
    d.detection()
}

fn note(examples: Option<&mut Vec<(EvidenceKind, Vec<String>)>>, kind: EvidenceKind, s: &str) {
    let Some(examples) = examples else {
        return;
    };
    let list = match examples.iter_mut().position(|(k, _)| *k == kind) {
        Some(i) => &mut examples[i].1,
        None => {
            examples.push((kind, Vec::new()));
            let last = examples.len() - 1;
            &mut examples[last].1
        }
    };
    if list.len() < Detector::EXAMPLES && !list.iter().any(|e| e == s) {
        list.push(s.to_string());
    }
}

/// Per character of the Basic Multilingual Plane: its class bits, and
/// whether it is Han ([`BMP_HAN`]) or whitespace ([`BMP_SPACE`]): one load
/// per character where the page table takes two.
static BMP_CLASSES: std::sync::LazyLock<Box<[u16]>> =
    std::sync::LazyLock::new(|| (0u32..0x1_0000).map(class_entry).collect());

/// The entry of [`BMP_CLASSES`] for `c` (any character).
fn class_entry(c: u32) -> u16 {
    let class = u16::try_from(CharMap::get(DETECT.classes).slot(c) & 0x7FF).unwrap_or(0);
    let han = if is_han(c) { BMP_HAN } else { 0 };
    let space = if char::from_u32(c).is_some_and(char::is_whitespace) {
        BMP_SPACE
    } else {
        0
    };
    class | han | space
}
const BMP_HAN: u16 = 1 << 15;
const BMP_SPACE: u16 = 1 << 14;

/// [`count_characters`] without examples, on the flat table.
fn count_characters_fast(text: &str) -> Counts {
    scan(text, None)
}

/// Counts the characters of `text` by class (as [`count_characters`]) and,
/// with `interest`, records where the fast path of conversion from
/// Simplified may have to look (src/context.rs): each character with a
/// context rule, and each first character of a risk whose next character
/// passes the risk filter, as byte offsets. What conversion runs on every
/// paragraph: one pass, one table load per character.
pub(crate) fn scan(text: &str, mut interest: Option<&mut Vec<u32>>) -> Counts {
    let table: &[u16] = &BMP_CLASSES;
    let b = text.as_bytes();
    let mut counts = Counts::default();
    let mut by_bit = [0u32; 9];
    let (mut lanes, mut in_lanes) = (0u64, 0u32);
    let (mut han, mut chars) = (0usize, 0usize);
    let pairs = crate::tables::risk_pairs();
    // The last character that starts a risk, and where: its pair with the
    // next character is checked there.
    let mut risk_first: Option<(u32, usize)> = None;
    let risk = u16::try_from(CLASS_RISK_FIRST).unwrap_or(0);
    let rule = u16::try_from(CLASS_RULE).unwrap_or(0);
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        let start = i;
        if x < 0x80 {
            chars += usize::from(!x.is_ascii_whitespace());
            i += 1;
            // Risks may start with a Latin letter (B超); rules never do.
            if let Some(interest) = interest.as_deref_mut() {
                let e = table[usize::from(x)];
                if let Some((a, at)) = risk_first.take()
                    && pair_may(pairs, a, u32::from(x))
                {
                    interest.push(u32::try_from(at).unwrap_or(u32::MAX));
                }
                if e & risk != 0 {
                    risk_first = Some((u32::from(x), start));
                }
            }
            continue;
        }
        let (c, len) = decode(b, i);
        i += len;
        // Above the BMP: the page table.
        let e = table
            .get(c as usize)
            .copied()
            .unwrap_or_else(|| class_entry(c));
        han += usize::from(e >> 15);
        chars += usize::from(e & BMP_SPACE == 0);
        // Nine 7-bit counters in one word: one load and one add per
        // character, emptied before any can overflow.
        lanes += SPREAD[usize::from(e & 0x1FF)];
        in_lanes += 1;
        if in_lanes == 127 {
            empty_lanes(&mut lanes, &mut by_bit);
            in_lanes = 0;
        }
        if let Some(interest) = interest.as_deref_mut() {
            if let Some((a, at)) = risk_first.take()
                && pair_may(pairs, a, c)
            {
                interest.push(u32::try_from(at).unwrap_or(u32::MAX));
            }
            if e & rule != 0 {
                interest.push(u32::try_from(start).unwrap_or(u32::MAX));
            }
            if e & risk != 0 {
                risk_first = Some((c, start));
            }
        }
    }
    empty_lanes(&mut lanes, &mut by_bit);
    let bit = |flag: u32| by_bit[flag.trailing_zeros() as usize] as usize;
    counts.han += han;
    counts.characters += chars;
    counts.simplified += bit(CLASS_S_ONLY);
    counts.traditional += bit(CLASS_T_ONLY);
    counts.shared += bit(CLASS_WEAK);
    counts.not_taiwan += bit(CLASS_NOT_TW);
    counts.not_hong_kong += bit(CLASS_NOT_HK);
    counts.not_opencc += bit(CLASS_NOT_OPENCC);
    counts.taiwan_forms += bit(CLASS_TW_FORM);
    counts.hong_kong_forms += bit(CLASS_HK_FORM);
    counts.cantonese += bit(CLASS_YUE);
    counts
}

/// For each combination of the nine class bits, a 1 in the 7-bit lane of
/// each bit set ([`scan`] adds these up).
static SPREAD: [u64; 512] = {
    let mut t = [0u64; 512];
    let mut v = 0;
    while v < 512 {
        let mut k = 0;
        while k < 9 {
            if v & (1 << k) != 0 {
                t[v] |= 1 << (7 * k);
            }
            k += 1;
        }
        v += 1;
    }
    t
};

/// Adds the 7-bit lanes of `lanes` to `by_bit` and empties them.
fn empty_lanes(lanes: &mut u64, by_bit: &mut [u32; 9]) {
    for (k, n) in by_bit.iter_mut().enumerate() {
        *n += u32::try_from((*lanes >> (7 * k)) & 0x7F).unwrap_or(0);
    }
    *lanes = 0;
}

/// Whether `(a, b)` passes the filter of risks' first two characters.
#[inline(always)]
fn pair_may(pairs: &[u64], a: u32, b: u32) -> bool {
    let h = risk_pair_index(a, b);
    pairs.get(h >> 6).is_none_or(|w| (w >> (h & 63)) & 1 != 0)
}

/// Counts the characters of `text` by class.
fn count_characters(
    text: &str,
    mut examples: Option<&mut Vec<(EvidenceKind, Vec<String>)>>,
) -> Counts {
    let classes = CharMap::get(DETECT.classes);
    let b = text.as_bytes();
    let mut counts = Counts::default();
    // Per class bit, a count (u32: lines and pieces of files are fed, far
    // below 4 G characters each).
    let mut by_bit = [0u32; 9];
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        if x < 0x80 {
            counts.characters += usize::from(!x.is_ascii_whitespace());
            i += 1;
            continue;
        }
        let (c, len) = decode(b, i);
        i += len;
        if is_han(c) {
            counts.han += 1;
            counts.characters += 1;
            let mut class = classes.slot(c) & 0x1FF;
            if class == 0 {
                continue;
            }
            if let Some(examples) = examples.as_deref_mut() {
                let s = &text[i - len..i];
                for (flag, kind) in CLASS_KINDS {
                    if class & flag != 0 {
                        note(Some(examples), kind, s);
                    }
                }
            }
            while class != 0 {
                by_bit[class.trailing_zeros() as usize] += 1;
                class &= class - 1;
            }
        } else if !char::from_u32(c).is_some_and(char::is_whitespace) {
            counts.characters += 1;
        }
    }
    let bit = |flag: u32| by_bit[flag.trailing_zeros() as usize] as usize;
    counts.simplified = bit(CLASS_S_ONLY);
    counts.traditional = bit(CLASS_T_ONLY);
    counts.shared = bit(CLASS_WEAK);
    counts.not_taiwan = bit(CLASS_NOT_TW);
    counts.not_hong_kong = bit(CLASS_NOT_HK);
    counts.not_opencc = bit(CLASS_NOT_OPENCC);
    counts.taiwan_forms = bit(CLASS_TW_FORM);
    counts.hong_kong_forms = bit(CLASS_HK_FORM);
    counts.cantonese = bit(CLASS_YUE);
    counts
}

const CLASS_KINDS: [(u32, EvidenceKind); 9] = [
    (CLASS_S_ONLY, EvidenceKind::Simplified),
    (CLASS_T_ONLY, EvidenceKind::Traditional),
    (CLASS_WEAK, EvidenceKind::Shared),
    (CLASS_NOT_TW, EvidenceKind::NotTaiwan),
    (CLASS_NOT_HK, EvidenceKind::NotHongKong),
    (CLASS_NOT_OPENCC, EvidenceKind::NotOpenCc),
    (CLASS_TW_FORM, EvidenceKind::TaiwanForms),
    (CLASS_HK_FORM, EvidenceKind::HongKongForms),
    (CLASS_YUE, EvidenceKind::Cantonese),
];

/// Counts regional words: non-overlapping longest matches, left to right.
fn count_words(
    text: &str,
    counts: &mut Counts,
    mut examples: Option<&mut Vec<(EvidenceKind, Vec<String>)>>,
) {
    let dict = Dict::get(DETECT.vocabulary);
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] < 0x80 {
            i += 1;
            continue;
        }
        match dict.longest(text, i) {
            Some(found) => {
                let flags = found.value - 1;
                for (flag, field, kind) in [
                    (
                        VOCAB_MAINLAND_VS_TW,
                        &mut counts.mainland_vs_taiwan_words,
                        EvidenceKind::MainlandVsTaiwanWords,
                    ),
                    (
                        VOCAB_TW,
                        &mut counts.taiwan_words,
                        EvidenceKind::TaiwanWords,
                    ),
                    (
                        VOCAB_MAINLAND_VS_HK,
                        &mut counts.mainland_vs_hong_kong_words,
                        EvidenceKind::MainlandVsHongKongWords,
                    ),
                    (
                        VOCAB_HK,
                        &mut counts.hong_kong_words,
                        EvidenceKind::HongKongWords,
                    ),
                ] {
                    if flags & flag != 0 {
                        *field += 1;
                        note(examples.as_deref_mut(), kind, &text[i..found.end]);
                    }
                }
                i = found.end;
            }
            None => i += decode(b, i).1,
        }
    }
}

/// CJK unified ideographs (all blocks) and compatibility ideographs.
#[inline]
pub(crate) fn is_han(c: u32) -> bool {
    matches!(c,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F | 0x30000..=0x323AF)
}

/// The share of Traditional forms among the distinguishing characters of
/// each script hypothesis: Simplified text has up to a tenth (stray
/// characters, names, quotations), Traditional text at least nine tenths,
/// mixed text anything between (each uniform over its range).
const SCRIPT_RANGES: [(f64, f64); 3] = [(0.0, 0.1), (0.9, 1.0), (0.1, 0.9)];
/// Prior probabilities of Simplified, Traditional and mixed text.
const SCRIPT_PRIOR: [f64; 3] = [0.45, 0.45, 0.10];
/// Prior probabilities of the Taiwan, Hong Kong and OpenCC standards.
const STANDARD_PRIOR: [f64; 3] = [0.55, 0.30, 0.15];
/// Occurrences per 1,000 Han characters of each kind of standard evidence
/// (not-Taiwan forms, not-Hong-Kong forms, not-OpenCC forms, Taiwan forms,
/// Hong Kong forms, Cantonese, Taiwan words, Hong Kong words) in five kinds
/// of text: Taiwan text, Hong Kong text, OpenCC's standard (s2t's output),
/// and mainland text converted mechanically to the Taiwan standard (s2tw)
/// and to the Hong Kong standard (s2hk), measured on the dev split of the
/// dev set (`crates/bench`: `target-eval --only rates`; docs/target.md).
/// Each occurrence is a draw from its class's distribution over kinds
/// (multinomial naive Bayes): what a text lacks is no evidence, so the
/// model holds for a line and for a book.
///
/// The converted classes matter because a mechanical conversion keeps the
/// mainland's words, some of which are Taiwan words too (核心, 整合): with
/// only the three genuine classes, s2hk output (a few Hong Kong forms,
/// mainland vocabulary) was called Taiwan text. Each standard's
/// probability is the sum of its genuine and converted classes.
///
/// Hong Kong words (names and terms of OpenCC's Hong Kong tables that no
/// other region writes) are the exception: the dev set's Hong Kong text is
/// mostly colloquial Cantonese, with almost none (0.008), so their rate in
/// Hong Kong text is set to that of Taiwan words in Taiwan text over the
/// size of the two tables' vocabularies (64 × 83 / 815 ≈ 6.5).
const STANDARD_RATES: [[f64; 8]; 5] = [
    [0.017, 1.533, 9.761, 0.430, 0.012, 0.0, 63.912, 0.0],
    [0.745, 1.577, 4.340, 0.167, 1.247, 91.932, 6.962, 6.5],
    [8.763, 9.040, 0.0, 0.0, 0.001, 0.0, 3.452, 0.0],
    [0.0, 2.755, 8.204, 0.296, 0.001, 0.0, 4.473, 0.0],
    [2.274, 0.0, 6.295, 0.0, 2.800, 0.0, 3.452, 0.0],
];
/// The standard each row of [`STANDARD_RATES`] is written in.
const STANDARD_OF_CLASS: [usize; 5] = [0, 1, 2, 0, 1];
/// Prior probability that Traditional text was converted mechanically.
const ORIGIN_PRIOR: f64 = 0.3;
/// Occurrences per 1,000 Han characters of Simplified forms left,
/// mainland words (that the region writes otherwise) and the region's own
/// words, in genuine Taiwan and Hong Kong text and in mainland text
/// converted to their standard (s2tw, s2hk), on the dev split.
const ORIGIN_RATES_TW: [[f64; 3]; 2] = [[0.027, 7.674, 67.437], [0.0, 70.894, 4.487]];
const ORIGIN_RATES_HK: [[f64; 3]; 2] = [[1.653, 0.088, 0.703], [0.0, 4.072, 0.013]];
/// Added to every rate (per 1,000) before the distributions are made:
/// no kind of evidence is impossible in any class.
const SMOOTHING: f64 = 0.01;
/// How much of a paragraph's prior comes from its document (the rest from
/// the priors above).
const DOCUMENT_WEIGHT: f64 = 0.8;

fn normalize<const N: usize>(log: [f64; N]) -> [f64; N] {
    let max = log.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let mut p = log.map(|l| (l - max).exp());
    let sum: f64 = p.iter().sum();
    for x in &mut p {
        *x /= sum;
    }
    p
}

fn mix<const N: usize>(document: [f64; N], prior: [f64; N]) -> [f64; N] {
    let mut out = prior;
    if document.iter().sum::<f64>() > 0.0 {
        for (o, d) in out.iter_mut().zip(document) {
            *o = DOCUMENT_WEIGHT * d + (1.0 - DOCUMENT_WEIGHT) * *o;
        }
    }
    out
}

/// `ln Γ(x)` (Lanczos, g = 7, n = 9; relative error below 1e-13).
fn ln_gamma(x: f64) -> f64 {
    const G: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        // Reflection; only reached for x in (0, 0.5), not by the callers here.
        return (std::f64::consts::PI / (std::f64::consts::PI * x).sin()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut sum = G[0];
    for (i, g) in G.iter().enumerate().skip(1) {
        sum += g / (x + i as f64);
    }
    let t = x + 7.5;
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + sum.ln()
}

/// The regularized incomplete beta function `I_x(a, b)` (continued
/// fraction, Numerical Recipes' `betacf`).
fn incomplete_beta(a: f64, b: f64, x: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    if x >= 1.0 {
        return 1.0;
    }
    let front =
        (ln_gamma(a + b) - ln_gamma(a) - ln_gamma(b) + a * x.ln() + b * (1.0 - x).ln()).exp();
    let fraction = |a: f64, b: f64, x: f64| -> f64 {
        const TINY: f64 = 1e-300;
        let (qab, qap, qam) = (a + b, a + 1.0, a - 1.0);
        let mut c = 1.0;
        let mut d = 1.0 - qab * x / qap;
        if d.abs() < TINY {
            d = TINY;
        }
        d = 1.0 / d;
        let mut h = d;
        for m in 1..=300 {
            let m = f64::from(m);
            let m2 = 2.0 * m;
            let aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1.0 + aa * d;
            d = if d.abs() < TINY { TINY } else { d };
            c = 1.0 + aa / c;
            c = if c.abs() < TINY { TINY } else { c };
            d = 1.0 / d;
            h *= d * c;
            let aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1.0 + aa * d;
            d = if d.abs() < TINY { TINY } else { d };
            c = 1.0 + aa / c;
            c = if c.abs() < TINY { TINY } else { c };
            d = 1.0 / d;
            let del = d * c;
            h *= del;
            if (del - 1.0).abs() < 1e-15 {
                break;
            }
        }
        h
    };
    if x < (a + 1.0) / (a + b + 2.0) {
        front * fraction(a, b, x) / a
    } else {
        1.0 - front * fraction(b, a, 1.0 - x) / b
    }
}

/// `ln ∫_lo^hi p^(a-1) (1-p)^(b-1) dp`: the log of the Beta function's mass
/// between `lo` and `hi`, without underflow for large counts.
fn ln_beta_mass(a: f64, b: f64, lo: f64, hi: f64) -> f64 {
    // One side without evidence (most texts): a closed form,
    // ∫ p^(a-1) dp = (hi^a - lo^a) / a, and the same mirrored.
    let closed = |a: f64, lo: f64, hi: f64| -> f64 {
        if hi <= 0.0 {
            return f64::MIN_POSITIVE.ln();
        }
        let ratio = if lo > 0.0 {
            (a * (lo / hi).ln()).exp()
        } else {
            0.0
        };
        a * hi.ln() + (1.0 - ratio).max(f64::MIN_POSITIVE).ln() - a.ln()
    };
    if b == 1.0 {
        return closed(a, lo, hi);
    }
    if a == 1.0 {
        return closed(b, 1.0 - hi, 1.0 - lo);
    }
    let ln_b = ln_gamma(a) + ln_gamma(b) - ln_gamma(a + b);
    // Mass in the tails is computed on the side where it is small, so that
    // a tiny mass does not vanish in 1 - (almost 1).
    let below = |x: f64| incomplete_beta(a, b, x);
    let above = |x: f64| incomplete_beta(b, a, 1.0 - x);
    let mode = (a - 1.0) / (a + b - 2.0).max(1.0);
    let mass = if mode < lo {
        above(lo) - above(hi)
    } else if mode > hi {
        below(hi) - below(lo)
    } else {
        1.0 - below(lo) - above(hi)
    };
    ln_b + mass.max(f64::MIN_POSITIVE).ln()
}

/// The log-probabilities of the kinds of evidence of each class (its rates
/// smoothed and normalised), computed once.
fn log_distributions<const K: usize, const C: usize>(rates: &[[f64; K]; C]) -> [[f64; K]; C] {
    rates.map(|class| {
        let total: f64 = class.iter().map(|r| r + SMOOTHING).sum();
        class.map(|r| ((r + SMOOTHING) / total).ln())
    })
}

/// Multinomial log-likelihood of evidence counts `x` under a class's
/// log-probabilities of kinds.
fn multinomial(x: &[usize], log_p: &[f64]) -> f64 {
    x.iter()
        .zip(log_p)
        .filter(|(k, _)| **k > 0)
        .map(|(&k, &l)| k as f64 * l)
        .sum()
}

static STANDARD_LOG_P: std::sync::LazyLock<[[f64; 8]; 5]> =
    std::sync::LazyLock::new(|| log_distributions(&STANDARD_RATES));
static ORIGIN_LOG_P_TW: std::sync::LazyLock<[[f64; 3]; 2]> =
    std::sync::LazyLock::new(|| log_distributions(&ORIGIN_RATES_TW));
static ORIGIN_LOG_P_HK: std::sync::LazyLock<[[f64; 3]; 2]> =
    std::sync::LazyLock::new(|| log_distributions(&ORIGIN_RATES_HK));

fn judge(counts: Counts, document: Option<&Detection>) -> Detection {
    let (s, t) = (counts.simplified, counts.traditional);
    // A mixed document is mostly paragraphs of one script or the other:
    // its paragraphs' prior splits "mixed" by the document's shares.
    let script_prior = document.map_or(SCRIPT_PRIOR, |d| {
        let [ps, pt, pm] = d.script_p;
        let (ds, dt) = (d.counts.simplified as f64, d.counts.traditional as f64);
        let share = if ds + dt > 0.0 { ds / (ds + dt) } else { 0.5 };
        mix(
            [
                ps + 0.9 * pm * share,
                pt + 0.9 * pm * (1.0 - share),
                0.1 * pm,
            ],
            SCRIPT_PRIOR,
        )
    });
    let script_p = if s + t == 0 {
        // No evidence: the prior (the document's verdict, if any).
        script_prior
    } else {
        // The marginal likelihood of the counts under a share of
        // Traditional forms uniform over the hypothesis's range.
        normalize(std::array::from_fn(|k| {
            let (a, b) = SCRIPT_RANGES[k];
            script_prior[k].ln() + ln_beta_mass(t as f64 + 1.0, s as f64 + 1.0, a, b) - (b - a).ln()
        }))
    };
    let not_chinese = counts.han == 0 || counts.han * 5 < counts.characters;
    let (script, script_conf) = if not_chinese {
        (Script::NotChinese, 1.0)
    } else if s + t == 0 && document.is_none_or(|d| d.script_p.iter().sum::<f64>() == 0.0) {
        (Script::Neutral, 1.0)
    } else {
        let best = (0..3)
            .max_by(|&a, &b| script_p[a].total_cmp(&script_p[b]))
            .unwrap_or(0);
        let script = [Script::Simplified, Script::Traditional, Script::Mixed][best];
        // A paragraph without evidence of its own follows its document but
        // says so: it is script-neutral.
        if s + t == 0 {
            (Script::Neutral, script_p[best])
        } else {
            (script, script_p[best])
        }
    };

    let standard_prior = document.map_or(STANDARD_PRIOR, |d| mix(d.standard_p, STANDARD_PRIOR));
    let evidence = [
        counts.not_taiwan,
        counts.not_hong_kong,
        counts.not_opencc,
        counts.taiwan_forms,
        counts.hong_kong_forms,
        counts.cantonese,
        counts.taiwan_words,
        counts.hong_kong_words,
    ];
    // Each standard's prior is shared between its genuine class and its
    // converted class by the prior of a mechanical conversion (OpenCC's
    // standard is converted text already).
    let origin_prior = document.map_or(ORIGIN_PRIOR, |d| {
        DOCUMENT_WEIGHT * d.origin_p + (1.0 - DOCUMENT_WEIGHT) * ORIGIN_PRIOR
    });
    let class_p = normalize(std::array::from_fn::<f64, 5, _>(|k| {
        let standard = STANDARD_OF_CLASS[k];
        let share = match (standard, k == standard) {
            (2, _) => 1.0,
            (_, true) => 1.0 - origin_prior,
            (_, false) => origin_prior,
        };
        (standard_prior[standard] * share).ln() + multinomial(&evidence, &STANDARD_LOG_P[k])
    }));
    let mut standard_p = [0.0; 3];
    for (k, p) in class_p.iter().enumerate() {
        standard_p[STANDARD_OF_CLASS[k]] += p;
    }
    let best_standard = (0..3)
        .max_by(|&a, &b| standard_p[a].total_cmp(&standard_p[b]))
        .unwrap_or(0);
    let standard = Standard::ALL[best_standard];

    // Origin: Simplified forms left in Traditional text, and mainland words
    // against the words of the text's own region.
    let (mainland, regional) = match standard {
        Standard::HongKong => (counts.mainland_vs_hong_kong_words, counts.hong_kong_words),
        Standard::Taiwan => (counts.mainland_vs_taiwan_words, counts.taiwan_words),
        Standard::OpenCc => (
            counts
                .mainland_vs_taiwan_words
                .max(counts.mainland_vs_hong_kong_words),
            counts.taiwan_words.max(counts.hong_kong_words),
        ),
    };
    let residue = if t > s { s } else { 0 };
    let x = [residue, mainland, regional];
    let log_p = match standard {
        Standard::HongKong => &*ORIGIN_LOG_P_HK,
        _ => &*ORIGIN_LOG_P_TW,
    };
    let origin = normalize([
        (1.0 - origin_prior).ln() + multinomial(&x, &log_p[0]),
        origin_prior.ln() + multinomial(&x, &log_p[1]),
    ]);
    let origin_p = origin[1];

    // A paragraph without evidence of its own is Traditional when its
    // document says so; a text without any evidence is not.
    let informed = s + t > 0 || document.is_some_and(|d| d.script_p.iter().sum::<f64>() > 0.0);
    let traditional = matches!(script, Script::Traditional | Script::Mixed)
        || (script == Script::Neutral && informed && script_p[1] + script_p[2] > script_p[0]);
    let mainland_origin = traditional && origin_p > 0.5;
    let confidence = if traditional && !not_chinese {
        script_conf * standard_p[best_standard]
    } else {
        script_conf
    };
    Detection {
        script,
        standard: traditional.then_some(standard),
        mainland_origin,
        confidence,
        counts,
        script_p: if informed { script_p } else { [0.0; 3] },
        standard_p,
        origin_p,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts() {
        let cases: &[(&str, Script)] = &[
            ("头发和发展都很重要。", Script::Simplified),
            ("頭髮和發展都很重要。", Script::Traditional),
            (
                "头发和發展的關係，後来的事情很多。这个問題在于發展。",
                Script::Mixed,
            ),
            ("大人小人", Script::Neutral),
            ("Hello, world.", Script::NotChinese),
            (
                "Meta hired 王 in 2025 for the new lab in Menlo Park.",
                Script::NotChinese,
            ),
            ("", Script::NotChinese),
            // 台, 后, 里 and 着 are correct Traditional.
            ("台北的天氣很好，我們去台中。", Script::Traditional),
            ("皇后大道上的麵包店", Script::Traditional),
            ("這裡的里長很熱心。", Script::Traditional),
        ];
        for &(text, want) in cases {
            assert_eq!(detect(text).script, want, "{text}");
        }
    }

    #[test]
    fn standards_and_origin() {
        let cases: &[(&str, Option<Standard>, bool)] = &[
            (
                "我們爲僞造的衆多證據感到驚訝。",
                Some(Standard::OpenCc),
                false,
            ),
            (
                "我們為偽造的眾多證據感到驚訝，他說。",
                Some(Standard::Taiwan),
                false,
            ),
            ("這個軟體的資訊在網路上。", Some(Standard::Taiwan), false),
            (
                "香港的衞生署發出通告，説明温度的變化。",
                Some(Standard::HongKong),
                false,
            ),
            (
                "佢哋喺度食緊飯，好好味嘅。",
                Some(Standard::HongKong),
                false,
            ),
            (
                "這個軟件的信息在網絡上，因為視頻也是，用戶的默認設置。",
                Some(Standard::Taiwan),
                true,
            ),
            ("头发", None, false),
        ];
        for &(text, standard, origin) in cases {
            let d = detect(text);
            assert_eq!(
                (d.standard, d.mainland_origin),
                (standard, origin),
                "{text}: {d:?}"
            );
        }
    }

    /// Mechanical conversions keep the mainland's words, some of which are
    /// Taiwan words as well (核心, 整合): s2hk output is still Hong Kong
    /// text, s2tw output Taiwan text.
    #[test]
    fn mechanical_conversions_keep_their_standard() {
        let mainland = "为了核心业务，众多用户启动了整合。为此，他们为团队秘密载入变数，\
            为众人所知。因为数据和芯片的项目，用户为此启动了设备。";
        for (config, want) in [
            (crate::Config::S2hk, Standard::HongKong),
            (crate::Config::S2tw, Standard::Taiwan),
            (crate::Config::S2t, Standard::OpenCc),
        ] {
            let text = crate::Converter::new(config).convert(mainland);
            let d = detect(&text);
            assert_eq!(d.standard, Some(want), "{config}: {text}: {d:?}");
        }
    }

    #[test]
    fn a_paragraph_follows_its_document_unless_it_has_evidence() {
        let document = detect("這裡的天氣很好，我們為了說話而來。他們說這裡很好。");
        assert_eq!(document.standard, Some(Standard::Taiwan));
        // No evidence of its own: Traditional, Taiwan, from the document.
        let mut line = Detector::characters_only();
        line.feed("台北");
        let d = line.detection_given(&document);
        assert_eq!(d.standard, Some(Standard::Taiwan));
        // A quoted Hong Kong paragraph keeps its own standard.
        let mut line = Detector::characters_only();
        line.feed("佢話衞生署嘅通告好清楚，説明咗温度嘅變化。");
        assert_eq!(
            line.detection_given(&document).standard,
            Some(Standard::HongKong)
        );
        // A Simplified paragraph is Simplified.
        let mut line = Detector::characters_only();
        line.feed("这里的天气很好，我们为了说话而来。");
        assert_eq!(line.detection_given(&document).script, Script::Simplified);
    }

    #[test]
    fn the_flat_table_counts_as_the_page_table() {
        let texts = [
            "頭髮和發展，後來的事情。为了说话\u{3000}佢哋喺度。𠮷野家 a b\tc",
            "这是简体，還有繁體，裏面的説明。温度、衞生、綫。",
            "",
        ];
        for t in texts {
            assert_eq!(count_characters_fast(t), count_characters(t, None), "{t}");
        }
    }

    #[test]
    fn confidence_grows_with_evidence() {
        let short = detect("們");
        let long = detect("我們的國家發展得很好，這裡的學生們都在學習。");
        assert!(short.confidence < long.confidence, "{short:?} {long:?}");
        assert!(long.confidence > 0.8, "{long:?}");
    }
}
