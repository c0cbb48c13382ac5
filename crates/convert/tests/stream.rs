//! Streaming conversion gives exactly the whole-text result, however the
//! input is split into pieces, for every config and for texts that stress
//! the safe-cut rules (no newlines, no ASCII, ideographic description
//! sequences, compatibility ideographs).

use bianyi_convert::{Config, Converter};

/// xorshift64*: deterministic test data without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).expect("below n")
    }
}

/// Words and characters that hit phrase, character and variant tables of
/// every config, plus IDS operators and compatibility ideographs.
const POOL: &[&str] = &[
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

fn text(rng: &mut Rng, chars: usize, newline_every: Option<usize>, ascii: bool) -> String {
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

fn streamed(conv: &Converter, input: &[u8], rng: &mut Rng) -> String {
    let mut stream = conv.stream();
    let mut out = String::new();
    let mut rest = input;
    while !rest.is_empty() {
        let n = match rng.below(4) {
            0 => 1 + rng.below(3),
            1 => 1 + rng.below(200),
            _ => 1 + rng.below(100_000),
        }
        .min(rest.len());
        let piece = stream.push(&rest[..n]).unwrap_or_else(|e| panic!("{e}"));
        out.push_str(piece);
        rest = &rest[n..];
    }
    out.push_str(stream.finish().unwrap_or_else(|e| panic!("{e}")));
    out
}

#[test]
fn streaming_equals_whole_text() {
    let mut rng = Rng(0x5EED_B1A4_0001);
    let shapes: &[(Option<usize>, bool)] = &[
        (Some(40), true),
        (Some(2000), false),
        (None, true),
        (None, false),
    ];
    for &(newlines, ascii) in shapes {
        let input = text(&mut rng, 120_000, newlines, ascii);
        for &config in Config::ALL {
            for tofu in [false, true] {
                let conv = Converter::builder(config).tofu_risk(tofu).build();
                let whole = conv.convert(&input);
                let got = streamed(&conv, input.as_bytes(), &mut rng);
                assert!(
                    got == whole,
                    "{config} (tofu {tofu}, newlines {newlines:?}, ascii {ascii}): streamed output differs at byte {}",
                    got.bytes()
                        .zip(whole.bytes())
                        .position(|(a, b)| a != b)
                        .unwrap_or(got.len().min(whole.len()))
                );
            }
        }
    }
}

/// One long run of a character that every dictionary knows but no phrase
/// matches: no hard character, and only unit boundaries to cut at.
#[test]
fn streaming_without_hard_characters() {
    let mut rng = Rng(42);
    for input in [
        "的".repeat(100_000),
        "發".repeat(90_000),
        "头发".repeat(60_000),
    ] {
        for &config in Config::ALL {
            let conv = Converter::new(config);
            assert!(
                streamed(&conv, input.as_bytes(), &mut rng) == conv.convert(&input),
                "{config}"
            );
        }
    }
}

#[test]
fn convert_stream_reports_sizes() {
    let conv = Converter::new(Config::S2t);
    let input = "汉字\n".repeat(50_000);
    let mut out = Vec::new();
    let (read, written) = conv
        .convert_stream(input.as_bytes(), &mut out)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(read, input.len() as u64);
    assert_eq!(written, out.len() as u64);
    assert_eq!(String::from_utf8(out).ok(), Some(conv.convert(&input)));
}
