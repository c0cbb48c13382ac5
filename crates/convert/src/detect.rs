//! Which script and standard a text is written in, from the same OpenCC
//! tables the converter uses.
//!
//! * A character is *Simplified-only* when s2t changes it and t2s does not
//!   (发, 后, 云), *Traditional-only* in the opposite case (發, 後, 雲).
//! * Among Traditional texts, forms that OpenCC's Taiwan or Hong Kong variant
//!   tables produce (為, 眾; 綫) tell the standard apart from OpenCC's own
//!   (爲, 衆, 線).
//! * Vocabulary that s2twp / s2hkp rewrite (軟件, 信息, 視頻) is mainland
//!   usage; the words they produce (軟體, 資訊, 影片) are Taiwan or Hong Kong
//!   usage.
//!
//! A Traditional text with mainland vocabulary, or with Simplified forms
//! left in it (隨后, 云鵬), was most likely converted mechanically from
//! mainland Simplified.

use crate::tables::{CharMap, DETECT, Dict, decode};

const CLASS_SIMPLIFIED: u32 = 1;
const CLASS_TRADITIONAL: u32 = 2;
const CLASS_OPENCC: u32 = 4;
const CLASS_TAIWAN: u32 = 8;
const CLASS_HONG_KONG: u32 = 16;

/// The script a text is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Standard {
    /// Taiwan (為, 眾, 裡).
    Taiwan,
    /// Hong Kong (綫, 啓).
    HongKong,
    /// OpenCC's own standard, close to the Kangxi forms (爲, 衆, 裏).
    OpenCc,
}

/// The counts a [`Detection`] rests on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Characters other than whitespace.
    pub characters: usize,
    /// CJK ideographs.
    pub han: usize,
    /// Simplified-only characters.
    pub simplified: usize,
    /// Traditional-only characters.
    pub traditional: usize,
    /// Forms of OpenCC's standard that both Taiwan and Hong Kong write otherwise.
    pub opencc_forms: usize,
    /// Forms of the Taiwan variant table.
    pub taiwan_forms: usize,
    /// Forms of the Hong Kong variant table.
    pub hong_kong_forms: usize,
    /// Mainland words that Taiwan writes otherwise (軟件, 視頻).
    pub mainland_vs_taiwan_words: usize,
    /// Taiwan words (軟體, 影片).
    pub taiwan_words: usize,
    /// Mainland words that Hong Kong writes otherwise.
    pub mainland_vs_hong_kong_words: usize,
    /// Hong Kong words.
    pub hong_kong_words: usize,
}

/// What [`detect`] found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Detection {
    /// The script.
    pub script: Script,
    /// For Traditional (and mixed) text: the likely standard.
    pub standard: Option<Standard>,
    /// A Traditional text that looks mechanically converted from mainland
    /// Simplified: mainland vocabulary, or Simplified forms left in it.
    pub mainland_origin: bool,
    /// The evidence.
    pub counts: Counts,
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
/// let d = detect("這款軟件在網絡上發佈了很多視頻，隨后還發佈了新的版本。");
/// assert_eq!(d.script, Script::Traditional);
/// assert!(d.mainland_origin);
///
/// assert_eq!(detect("软件和网络").script, Script::Simplified);
/// ```
pub fn detect(text: &str) -> Detection {
    let classes = CharMap::get(DETECT.classes);
    let mut counts = Counts::default();
    for c in text.chars() {
        if c.is_whitespace() {
            continue;
        }
        counts.characters += 1;
        if is_han(c) {
            counts.han += 1;
        }
        let class = classes.slot(c as u32);
        if class == 0 {
            continue;
        }
        counts.simplified += usize::from(class & CLASS_SIMPLIFIED != 0);
        counts.traditional += usize::from(class & CLASS_TRADITIONAL != 0);
        counts.opencc_forms += usize::from(class & CLASS_OPENCC != 0);
        counts.taiwan_forms +=
            usize::from(class & CLASS_TAIWAN != 0 && class & CLASS_HONG_KONG == 0);
        counts.hong_kong_forms +=
            usize::from(class & CLASS_HONG_KONG != 0 && class & CLASS_TAIWAN == 0);
    }
    counts.mainland_vs_taiwan_words = count_words(Dict::get(DETECT.mainland_tw), text);
    counts.taiwan_words = count_words(Dict::get(DETECT.taiwan), text);
    counts.mainland_vs_hong_kong_words = count_words(Dict::get(DETECT.mainland_hk), text);
    counts.hong_kong_words = count_words(Dict::get(DETECT.hong_kong), text);
    judge(counts)
}

fn judge(counts: Counts) -> Detection {
    let (s, t) = (counts.simplified, counts.traditional);
    // Mostly Chinese text has most of its non-space characters Han; require
    // a fifth, so that English with a few Chinese names is not "Chinese".
    let script = if counts.han == 0 || counts.han * 5 < counts.characters {
        Script::NotChinese
    } else if s + t == 0 {
        Script::Neutral
    } else if s * 10 >= (s + t) * 9 {
        Script::Simplified
    } else if t * 10 >= (s + t) * 9 {
        Script::Traditional
    } else {
        Script::Mixed
    };
    let traditional = matches!(script, Script::Traditional | Script::Mixed);
    let standard = traditional.then(|| {
        let (oc, tw, hk) = (
            counts.opencc_forms,
            counts.taiwan_forms,
            counts.hong_kong_forms,
        );
        let hk_words = counts.hong_kong_words;
        if hk + hk_words > tw + counts.taiwan_words && hk + hk_words > 0 {
            Standard::HongKong
        } else if oc > tw + hk {
            Standard::OpenCc
        } else {
            Standard::Taiwan
        }
    });
    // Simplified forms left in Traditional text (more than one in a hundred
    // distinguishing characters), or mainland words outnumbering regional ones.
    let residue = s > 0 && s * 100 > s + t;
    let mainland_words = counts
        .mainland_vs_taiwan_words
        .max(counts.mainland_vs_hong_kong_words);
    let regional_words = counts.taiwan_words.max(counts.hong_kong_words);
    let mainland_origin =
        traditional && (residue || (mainland_words >= 2 && mainland_words > regional_words));
    Detection {
        script,
        standard,
        mainland_origin,
        counts,
    }
}

/// Non-overlapping matches of `dict`'s keys, scanning left to right.
fn count_words(dict: Dict, text: &str) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < text.len() {
        match dict.longest(text, i) {
            Some(found) if found.end > i + text[i..].chars().next().map_or(1, char::len_utf8) => {
                n += 1;
                i = found.end;
            }
            _ => i += decode(text.as_bytes(), i).1,
        }
    }
    n
}

/// CJK unified ideographs (all blocks) and compatibility ideographs.
fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F | 0x30000..=0x323AF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts() {
        let cases: &[(&str, Script)] = &[
            ("头发和发展都很重要。", Script::Simplified),
            ("頭髮和發展都很重要。", Script::Traditional),
            ("头发和發展", Script::Mixed),
            ("大人小人", Script::Neutral),
            ("Hello, world.", Script::NotChinese),
            (
                "Meta hired 王 in 2025 for the new lab in Menlo Park.",
                Script::NotChinese,
            ),
            ("", Script::NotChinese),
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
                "我們為偽造的眾多證據感到驚訝。",
                Some(Standard::Taiwan),
                false,
            ),
            ("這個軟體的資訊在網路上。", Some(Standard::Taiwan), false),
            (
                "這個軟件的信息在網絡上，視頻也是。",
                Some(Standard::Taiwan),
                true,
            ),
            (
                "這場豪賭背後藏著什麼？隨后他們就來到了這個國家的雲南。",
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
}
