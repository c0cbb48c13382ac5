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

// The encoding of values and slots in the tables.

/// Value: a string in the pool; low bits index `strs`.
pub(crate) const VALUE_POOL: u32 = 1 << 30;
/// Value: one character of 1 to 3 UTF-8 bytes, in the low 24 bits (first
/// byte lowest; the marker keeps it non-zero).
pub(crate) const VALUE_CHAR: u32 = 1 << 29;
/// Value in a double array's cells only: a pool string by its place,
/// `VALUE_SPAN | start << SPAN_LEN_BITS | len`, so that writing it needs no
/// lookup in `strs` (strings shorter than 32 bytes starting in the first
/// 64 MiB of the pool).
pub(crate) const VALUE_SPAN: u32 = 1 << 31;
/// Bits of the length of a `VALUE_SPAN` value.
pub(crate) const SPAN_LEN_BITS: u32 = 5;
/// Pool indexes stay below the flag bits.
#[allow(dead_code, reason = "read by build.rs only")]
pub(crate) const POOL_INDEX_LIMIT: u32 = 1 << 24;

/// Run map: the character needs the full conversion chain, and so may its
/// neighbours within the plan's window (see src/engine.rs).
pub(crate) const RUN_TRIGGER: u32 = 1 << 31;
/// Run map: the character occurs in some key of some stage.
pub(crate) const RUN_KEY: u32 = 1 << 28;
/// Run map: the character begins a multi-character key of the first stage
/// that is not a segmentation key; check for a match where it occurs.
pub(crate) const RUN_T1START: u32 = 1 << 27;
/// Run map: a segmentation key starts with the character.
pub(crate) const RUN_SSTART: u32 = 1 << 26;
/// Run map: the character's stage-1 image begins a multi-character key of
/// stage 2 that is not a segmentation key; check for a match there.
pub(crate) const RUN_T2START: u32 = 1 << 25;
/// Run map: the character alone is a segmentation key (its segment's
/// output is the character's value in the map).
pub(crate) const RUN_SKEY1: u32 = 1 << 24;
/// Run map: a compatibility ideograph or an ideographic description
/// operator (in no key). `RUN_TRIGGER` without `RUN_KEY`, which no other
/// character has (triggers and phrase starts occur in keys).
#[allow(dead_code, reason = "read by build.rs only")]
pub(crate) const RUN_SPECIAL: u32 = RUN_TRIGGER;

/// Bits of a double-array root slot's low half that hold the character's
/// code; the rest hold its node (src/tables.rs `FastDict`).
pub(crate) const DA_CODE_BITS: u32 = 14;
/// The double-array root slot of compatibility ideographs and ideographic
/// description operators (which no key contains).
pub(crate) const DA_SPECIAL: u64 = 1 << 63;

/// log2 of the characters of a block of a character table.
pub(crate) const BLOCK_BITS: u32 = 4;
/// Characters per block.
#[allow(dead_code, reason = "read by build.rs only")]
pub(crate) const BLOCK: usize = 1 << BLOCK_BITS;
/// Blocks per page of 256 characters (a row: the pages above the BMP).
pub(crate) const ROW: usize = 256 >> BLOCK_BITS;
/// Blocks of the Basic Multilingual Plane.
pub(crate) const BMP_BLOCKS: usize = 0x1_0000 >> BLOCK_BITS;

/// log2 of the most bits in a trie's bigram filter.
#[allow(dead_code, reason = "read by build.rs only")]
pub(crate) const BIGRAM_BITS: u32 = 19;
/// log2 of the bits a trie's bigram filter has per distinct bigram (up to
/// `BIGRAM_BITS`): 64 bits each let through 1.5 % of the pairs that begin
/// no key, so small tries need not carry a 64 KiB filter.
#[allow(dead_code, reason = "read by build.rs only")]
pub(crate) const BIGRAM_BITS_PER_PAIR: u32 = 6;
/// log2 of the bits in a segmented plan's filter of stage-2 pairs.
pub(crate) const T2_PAIR_BITS: u32 = 16;

/// Bit of a root slot's filter of second characters (0..31).
#[inline(always)]
pub(crate) fn second_bit(c: u32) -> u32 {
    c.wrapping_mul(0x9E37_79B1) >> 27
}

/// Slot of the pair (a, b) in a trie's pair table (before masking).
#[inline(always)]
pub(crate) fn pair_hash(a: u32, b: u32) -> usize {
    let h = (u64::from(a) << 21 | u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> 32) as usize
}

/// The bit of the pair `(a, b)` in the filter of stage-2 pairs: 10 bits of
/// `a` pick the word, 6 bits of `b` the bit, one of the filter's 2^16.
#[inline(always)]
pub(crate) fn t2_pair_index(a: u32, b: u32) -> usize {
    const _: () = assert!(T2_PAIR_BITS == 16, "t2_pair_index gives 16 bits");
    ((a & 0x3FF) << 6 | (b & 0x3F)) as usize
}

/// The bit of the pair `(a, b)` in a hashed filter of pairs: stage-1
/// pairs, and the second filter of stage-2 pairs.
#[inline(always)]
pub(crate) fn hashed_pair_index(a: u32, b: u32) -> usize {
    let h = a.wrapping_mul(0x9E37_79B1) ^ b.wrapping_mul(0x85EB_CA77);
    (h.wrapping_mul(0xC2B2_AE35) >> (32 - T2_PAIR_BITS)) as usize
}

/// The bit of `(a, b)` in a bigram filter of `2^(32 - shift)` bits.
#[inline(always)]
pub(crate) fn bigram_hash(a: u32, b: u32, shift: u32) -> usize {
    let h = a.wrapping_mul(0x9E37_79B1) ^ b.wrapping_mul(0x85EB_CA77);
    (h.rotate_left(13).wrapping_mul(0xC2B2_AE35) >> shift) as usize
}

/// True for CJK compatibility ideographs, which normalisation maps to
/// unified ideographs (the keys of every shipped normalisation table).
#[inline(always)]
pub(crate) fn is_compat(c: u32) -> bool {
    c.wrapping_sub(0xF900) < 0x200 || c.wrapping_sub(0x2F800) < 0x220
}

/// Ideographic description operators (U+2FF0..U+2FFF); see src/ids.rs.
#[inline(always)]
pub(crate) fn is_ids_operator(c: u32) -> bool {
    c.wrapping_sub(0x2FF0) < 0x10
}
