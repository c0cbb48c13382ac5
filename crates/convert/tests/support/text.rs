//! Deterministic test texts that exercise every kind of dictionary entry.

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is a test failure with its message"
)]
#![allow(dead_code, reason = "each test file uses a different part")]

/// xorshift64*: deterministic test data without a dependency.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub(crate) fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).expect("below n")
    }
}

/// Words and characters that hit phrase, character and variant tables of
/// every config, plus IDS operators and compatibility ideographs.
pub(crate) const POOL: &[&str] = &[
    "头发",
    "发展",
    "发",
    "干燥",
    "乾隆",
    "著名",
    "藏著",
    "领导着",
    "里程碑",
    "台湾",
    "臺灣",
    "软件",
    "軟體",
    "滑鼠",
    "鼠标",
    "内存",
    "記憶體",
    "硬盘",
    "硬碟",
    "網路",
    "网络",
    "信息",
    "資訊",
    "後",
    "后",
    "面",
    "麵",
    "云",
    "雲",
    "于",
    "於",
    "钟",
    "鐘",
    "鍾",
    "為",
    "爲",
    "裏",
    "裡",
    "里",
    "着",
    "著",
    "綫",
    "線",
    "峯",
    "峰",
    "僞",
    "偽",
    "駅",
    "弁当",
    "弁護士",
    "芸術",
    "体",
    "體",
    "国",
    "國",
    "学",
    "學",
    "的",
    "是",
    "一",
    "了",
    "。",
    "，",
    "、",
    "「",
    "」",
    "“",
    "”",
    "·",
    "⿰",
    "⿱",
    "⿲",
    "氵",
    "尔",
    "木",
    "\u{F900}",
    "\u{F9FF}",
    "\u{FA0C}",
    "\u{2F800}",
    "𪠵",
    "㖮",
];

pub(crate) fn text(
    rng: &mut Rng,
    chars: usize,
    newline_every: Option<usize>,
    ascii: bool,
) -> String {
    let mut s = String::new();
    let mut n = 0;
    while n < chars {
        if let Some(k) = newline_every
            && rng.below(k) == 0
        {
            s.push('\n');
        }
        if ascii && rng.below(10) == 0 {
            s.push_str(["a", " ", "PN", "SQL", "2026", "-", "USB"][rng.below(7)]);
        }
        let piece = POOL[rng.below(POOL.len())];
        s.push_str(piece);
        n += piece.chars().count();
    }
    s
}
