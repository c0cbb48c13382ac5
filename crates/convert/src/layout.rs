//! Bits shared by build.rs (which writes the tables) and the library (which
//! reads them). build.rs includes this file with `#[path]`, so the two can
//! never disagree.

/// Detection class: a Simplified form that no Traditional standard writes
/// (发, 们): s2t changes it and no Traditional output contains it.
pub(crate) const CLASS_S_ONLY: u32 = 1;
/// Detection class: a Traditional form that Simplified text never has (發,
/// 們, 衞): the conversion to Simplified changes it and no Simplified output
/// contains it.
pub(crate) const CLASS_T_ONLY: u32 = 1 << 1;
/// Detection class: a form the Taiwan standard writes otherwise (爲, 裏, 啓).
pub(crate) const CLASS_NOT_TW: u32 = 1 << 2;
/// Detection class: a form the Hong Kong standard writes otherwise (說, 溫, 衛).
pub(crate) const CLASS_NOT_HK: u32 = 1 << 3;
/// Detection class: a form only the Taiwan variant tables produce (裡, 啟).
pub(crate) const CLASS_TW_FORM: u32 = 1 << 4;
/// Detection class: a form only the Hong Kong variant tables produce (綫, 衞, 説).
pub(crate) const CLASS_HK_FORM: u32 = 1 << 5;
/// Detection class: a character of written Cantonese (嘅, 咗, 喺).
pub(crate) const CLASS_YUE: u32 = 1 << 6;
/// Detection class: a form both Taiwan and Hong Kong write where OpenCC's
/// standard writes another (為, 眾, 偽 against 爲, 衆, 僞).
pub(crate) const CLASS_NOT_OPENCC: u32 = 1 << 8;
/// Detection class: a Simplified character that is also correct
/// Traditional in some words (后, 里, 台, 干, 面): never evidence of a
/// script by itself.
pub(crate) const CLASS_WEAK: u32 = 1 << 7;

/// Character flag (not a detection class): the first character of a risk
/// of some config (src/context.rs), whose next one the risk filter checks.
pub(crate) const CLASS_RISK_FIRST: u32 = 1 << 9;
/// Character flag: a character with a context rule (src/context.rs).
pub(crate) const CLASS_RULE: u32 = 1 << 10;
/// The characters with context rules (src/context.rs `rule`).
pub(crate) const RULE_CHARS: &str = "出只里面干松系";

/// log2 of the bits of the filter of risks' first two characters.
pub(crate) const RISK_PAIR_BITS: u32 = 18;

/// The bit of `(a, b)` in the filter of risks' first two characters.
#[inline(always)]
pub(crate) fn risk_pair_index(a: u32, b: u32) -> usize {
    let h = a.wrapping_mul(0x9E37_79B1) ^ b.wrapping_mul(0x85EB_CA77);
    (h.wrapping_mul(0xC2B2_AE35) >> (32 - RISK_PAIR_BITS)) as usize
}

/// Vocabulary flag: a mainland word that Taiwan writes otherwise (軟件, 視頻).
pub(crate) const VOCAB_MAINLAND_VS_TW: u32 = 1;
/// Vocabulary flag: a Taiwan word (軟體, 影片).
pub(crate) const VOCAB_TW: u32 = 1 << 1;
/// Vocabulary flag: a mainland word that Hong Kong writes otherwise.
pub(crate) const VOCAB_MAINLAND_VS_HK: u32 = 1 << 2;
/// Vocabulary flag: a Hong Kong word.
pub(crate) const VOCAB_HK: u32 = 1 << 3;

/// Characters that transliterate foreign names (弗, 德, 曼, 卡, 努): 里
/// between two of them is a syllable of a name, not "inside".
pub(crate) const TRANSLITERATION: &str = "阿埃艾安奥巴拜邦贝本比彼波伯布查达戴丹德迪蒂杜多厄恩法菲费芬弗福盖甘戈格古哈海汉赫亨华霍基吉加杰金卡凯坎科克肯库拉莱兰劳勒雷黎利莉列林卢鲁伦罗洛马玛迈曼梅蒙米密摩莫穆纳娜奈南内尼妮诺努欧帕潘佩彭皮普奇乔切萨塞桑瑟森沙尚舍什史斯苏索塔泰坦汤特提托瓦威韦维沃乌西希谢辛休雅亚扬耶伊因尤约泽扎詹朱兹卓茨朗尔丁顿姆贾琳莎娅瑞露丝芭昆柯奎佐蓬朋宾滨彻庞";

/// Risk flag (src/context.rs): a first-stage phrase whose conversion differs
/// from its characters' defaults.
pub(crate) const RISK_PHRASE: u32 = 1;
/// Risk flag: the Simplified spelling of a later stage's phrase.
pub(crate) const RISK_LATER: u32 = 1 << 1;
