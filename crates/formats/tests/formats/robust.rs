//! Arbitrary text through segmentation, alignment and every writer: beads
//! cover both sides exactly once, XML output is well-formed, HTML carries no
//! markup from the input.

use bianyi_align::{Options, Segmentation, align, segment};

const ALPHABET: &[&str] = &[
    "頭", "发", "。", "！", "？", "……", "」", "”", ")", "（", "Mr.", " ", "A", "b", ".", "!", "?",
    "...", "3.14", "U.S.", "\n", "\n\n", "\t", "\r", "\u{0}", "\u{1}", "\u{FFFE}", "<", ">", "&",
    "\"", "'", "<script>", "]]>", "&amp;", "𠮷", "e\u{301}", "\u{FEFF}",
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

fn well_formed(xml: &str) {
    let mut r = quick_xml::Reader::from_str(xml);
    loop {
        match r.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("{e}: {xml}"),
        }
    }
}

#[test]
fn arbitrary_text_through_every_writer() {
    let mut rng = Rng(0xA11C_E5ED_0000_0002);
    for k in 0..3_000 {
        let (a, b) = (rng.string(60), rng.string(60));
        let (sl, tl) = if k % 2 == 0 {
            ("zh-Hant", "en")
        } else {
            ("en", "zh-Hans")
        };
        let how = if k % 3 == 0 {
            Segmentation::Lines
        } else {
            Segmentation::Sentences
        };
        let bitext = align(
            sl,
            tl,
            segment(&a, sl, how),
            segment(&b, tl, how),
            &Options::for_languages(sl, tl),
        );
        bitext.check().expect("beads cover both sides");
        well_formed(&bianyi_formats::tmx(&bitext, "0"));
        well_formed(&bianyi_formats::xliff(&bitext));
        let html = bianyi_formats::html(&bianyi_formats::Report::new(&bitext, &a));
        assert!(!html.contains("<script"), "{html}");
        assert!(
            !html
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t')
        );
        let _ = bianyi_formats::markdown(&bitext);
        let _ = bianyi_formats::jsonl(&bitext);
        let _ = bianyi_formats::tsv(&bitext);
    }
}
