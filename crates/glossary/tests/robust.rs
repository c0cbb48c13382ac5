//! No panic on arbitrary input: deterministic pseudo-random strings made of
//! the characters that matter to the readers, matcher and extraction
//! (CJK in both scripts, brackets, middle dots, quotes, full-width letters,
//! combining marks, BOM, controls, TOML and XML syntax) through every public
//! entry point.

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is a test failure with its message"
)]

use bianyi_glossary::{
    Applier, Glossary, Lang, Matcher, Mentions, Segments, TermMode, check, extract, qa,
};

const ALPHABET: &[&str] = &[
    "顏",
    "颜",
    "樂",
    "乐",
    "存",
    "亞",
    "歷",
    "山",
    "大",
    "王",
    "·",
    "・",
    "•",
    "‧",
    "(",
    ")",
    "（",
    "）",
    "“",
    "”",
    "「",
    "」",
    "《",
    "》",
    "A",
    "b",
    "Le",
    "Cun",
    "Ｌ",
    "ｅ",
    " ",
    "\t",
    "\n",
    "\r",
    "\u{0}",
    "\u{7}",
    "\u{FEFF}",
    "e\u{301}",
    "İ",
    "ß",
    "1",
    "2025",
    "%",
    "$",
    "\"",
    "'",
    "\\",
    "=",
    "[",
    "]",
    "{",
    "}",
    "[[entry]]",
    "id = ",
    "lang",
    "text",
    "zh-Hant",
    "<",
    ">",
    "&",
    "&amp;",
    "<!DOCTYPE",
    "<!ENTITY",
    "<term>",
    "</term>",
    "<tbx>",
    "<conceptEntry id=\"a\">",
    "𠮷",
    "\u{FFFD}",
    ";",
    ",",
    "。",
    "！",
];

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        usize::try_from(self.0 % 1_000_003).unwrap_or(0)
    }
    fn string(&mut self, max: usize) -> String {
        let n = self.next() % max;
        (0..n)
            .map(|_| ALPHABET[self.next() % ALPHABET.len()])
            .collect()
    }
}

fn sample_glossary() -> Glossary {
    Glossary::from_toml(
        r#"
[glossary]
target = "en"
[[entry]]
id = "a"
terms = [{ lang = "zh-Hant", text = "顏樂存" }, { lang = "en", text = "LeCun", case_sensitive = true }, { lang = "zh-Hans", text = "亚历山大·王", status = "forbidden" }]
[[entry]]
id = "b"
terms = [{ lang = "zh-Hant", text = "亞歷山大" }, { lang = "en", text = "Ｌe" }]
"#,
    )
    .expect("valid")
}

#[test]
fn nothing_panics_on_arbitrary_text() {
    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    let g = sample_glossary();
    let m = Matcher::new(&g, |_| true).expect("builds");
    let hans = Lang::parse("zh-Hans").expect("tag");
    let en = Lang::parse("en").expect("tag");
    let applier =
        Applier::new(&g, TermMode::Annotate, &hans, Some(&en), &|s| s.to_string()).expect("builds");
    let (zh_hant, zh_tw, source) = (
        Lang::parse("zh-Hant").expect("tag"),
        Lang::parse("zh-TW").expect("tag"),
        Lang::parse("zh").expect("tag"),
    );
    for _ in 0..5_000 {
        let text = rng.string(40);
        for hit in m.find(&text) {
            assert!(text.is_char_boundary(hit.start) && text.is_char_boundary(hit.end));
        }
        let _ = m.find_overlapping(&text);
        let mut out = String::new();
        applier.apply(
            &text,
            &mut Mentions::new(),
            &mut |s, o| o.push_str(s),
            &mut out,
        );
        for c in extract(&text) {
            assert!(text.contains(c.source.as_str()));
        }
        let _ = Glossary::from_toml(&text);
        let _ = Glossary::from_tsv(&text, &zh_hant, &en);
        let _ = Glossary::from_csv(&text, None);
        let _ = Glossary::from_tbx(&text);
        let other = rng.string(40);
        let _ = qa(
            &g,
            &source,
            &zh_tw,
            &Segments::paragraphs(&text),
            &Segments::paragraphs(&other),
        );
        let _ = qa(
            &g,
            &source,
            &en,
            &Segments::whole(&text),
            &Segments::whole(&other),
        );
        if let Ok(parsed) = Glossary::from_toml(&text) {
            let _ = check(&parsed);
            let again = Glossary::from_toml(&parsed.to_toml()).expect("canonical form reads back");
            let mut sorted = parsed.clone();
            sorted.sort();
            assert_eq!(again, sorted);
        }
    }
}
