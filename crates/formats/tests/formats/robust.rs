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

/// Pieces of Fluent, PO and JSON syntax, placeholders and text.
const L10N: &[&str] = &[
    "a = ",
    "-t = ",
    "\n",
    "\n    ",
    "    .x = ",
    "{ $n }",
    "{ -t }",
    "{ $n ->\n",
    "[one] ",
    "*[other] ",
    "}",
    "{",
    "\"",
    "\\",
    "\\u4e2d",
    "\\n",
    "msgid ",
    "msgstr ",
    "msgstr[0] ",
    "msgctxt ",
    "\"\"",
    "# ",
    "#, c-format",
    "#. ",
    "#~ ",
    "{\"k\": ",
    "[",
    "]",
    ",",
    ":",
    "null",
    "3",
    "%s",
    "%1$d",
    "%(x)s",
    "{{n}}",
    "<b>",
    "</b>",
    "&amp;",
    "简体",
    "个",
    "文件",
    "\u{FEFF}",
    "\r\n",
    " ",
];

/// Arbitrary strings from localization syntax: parsing never panics, and a
/// rewrite by any converter either verifies or is refused, never panics.
#[test]
fn arbitrary_localization_files() {
    use bianyi_formats::l10n::{Document, L10nFormat, verify};
    let mut rng = Rng(0x1010_5EED_0000_0003);
    let mut parsed = 0;
    for k in 0..6_000 {
        let n = rng.next() % 40;
        let body: String = (0..n).map(|_| L10N[rng.next() % L10N.len()]).collect();
        let format = [L10nFormat::Fluent, L10nFormat::Po, L10nFormat::Json][k % 3];
        // Half the inputs are random syntax, half a random value in a
        // well-formed frame.
        let text = match (k / 3 % 2, format) {
            (0, _) => body,
            (_, L10nFormat::Fluent) => format!("a = {body}\nb = 简体\n"),
            (_, L10nFormat::Po) => format!("msgid \"a\"\nmsgstr \"{body}\"\n"),
            _ => format!("{{\"a\": \"{body}\", \"b\": [\"简体\"]}}"),
        };
        let Ok(doc) = Document::parse(format, &text) else {
            continue;
        };
        parsed += 1;
        for u in doc.units() {
            let _ = doc.display(u);
            let _ = doc.runs(u);
        }
        // Identity must verify; a hostile converter may only be refused.
        let same = doc.rewrite(&mut |_, _, s| s.to_string(), Some("zh_TW"));
        verify(format, &text, &same).unwrap_or_else(|e| panic!("{e}: {text:?}"));
        let hostile = doc.rewrite(&mut |_, _, s| format!("{{\"\n{s}}}"), None);
        let _ = verify(format, &text, &hostile);
        let wide = doc.rewrite(
            &mut |_, _, s| s.replace('个', "個").replace('简', "簡"),
            None,
        );
        verify(format, &text, &wide).unwrap_or_else(|e| panic!("{e}: {text:?}"));
    }
    assert!(parsed > 500, "only {parsed} inputs parsed");
}
