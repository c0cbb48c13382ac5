//! Arbitrary localization files: parsing never panics, and a rewrite by
//! any converter either verifies or is refused, never panics.

use bianyi_rewrite::l10n::{Document, L10nFormat, verify};

/// xorshift: deterministic, no dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        usize::try_from(self.0 % 1_000_003).unwrap_or(0)
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
