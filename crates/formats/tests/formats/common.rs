//! Hand-made bitexts and XML checks shared by the tests.

use bianyi_align::{Bead, Bitext, Segment};
use quick_xml::events::Event;

fn side(texts: &[&str]) -> Vec<Segment> {
    let mut start = 0;
    texts
        .iter()
        .map(|t| {
            let s = Segment::new(*t, 0, start);
            start += t.len();
            s
        })
        .collect()
}

fn bead(source: &[usize], target: &[usize], score: f64) -> Bead {
    Bead::new(source.to_vec(), target.to_vec(), score)
}

/// A small zh-Hant/en pair with 1-1, 1-2, 2-1, 1-0 and 0-1 beads and
/// XML/HTML/Markdown-special characters.
pub(crate) fn pair() -> Bitext {
    Bitext::new(
        "zh-Hant",
        "en",
        side(&[
            "顏樂存(Yann LeCun)說：「AI & 世界模型 <很重要>」。",
            "他將離開Meta。",
            "新公司設在巴黎。",
            "預算超過30億美元！",
            "（此句沒有譯文。）",
        ]),
        side(&[
            "Yann LeCun said: \"AI & world models <matter>\".",
            "He will leave Meta.",
            "He said so on Tuesday.",
            "The new company, based in Paris, has a budget of over $3 billion!",
            "[Translator's note: *sic* | 1. see above]",
        ]),
        vec![
            bead(&[0], &[0], 0.95),
            bead(&[1], &[1, 2], 0.8),
            bead(&[2, 3], &[3], 0.62),
            bead(&[4], &[], 0.3),
            bead(&[], &[4], 0.25),
        ],
    )
}

/// A text and its conversion (zh-Hant → zh-Hans), 1-1 beads, score 1.
pub(crate) fn conversion() -> Bitext {
    Bitext::new(
        "zh-Hant",
        "zh-Hans",
        side(&["顏樂存的頭髮很長。", "他說：「軟體＆硬體」。"]),
        side(&["颜乐存的头发很长。", "他说：「软件＆硬件」。"]),
        vec![bead(&[0], &[0], 1.0), bead(&[1], &[1], 1.0)],
    )
}

/// Whether XML 1.0 allows `c` in a document.
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r')
        || ('\u{20}'..='\u{D7FF}').contains(&c)
        || ('\u{E000}'..='\u{FFFD}').contains(&c)
        || c >= '\u{10000}'
}

/// A parsed element: name and attributes (values unescaped).
pub(crate) struct Element {
    pub(crate) name: String,
    pub(crate) attrs: Vec<(String, String)>,
}

impl Element {
    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// What [`parse`] reports of a document.
pub(crate) enum Item {
    /// A start tag (or an empty-element tag, followed by its `End`).
    Start(Element),
    /// An end tag.
    End(String),
    /// Character data, references resolved.
    Text(String),
}

/// Parses `xml` with quick-xml, panicking (with the document) on anything
/// not well-formed: a syntax error, mismatched tags, duplicate attributes,
/// an undefined entity, a character reference or raw character XML 1.0
/// forbids, text outside the root.
pub(crate) fn parse(xml: &str) -> Vec<Item> {
    if let Some(c) = xml.chars().find(|&c| !xml_char(c)) {
        panic!("raw character U+{:04X} XML forbids: {xml}", u32::from(c));
    }
    let mut r = quick_xml::Reader::from_str(xml);
    let mut items = Vec::new();
    let mut depth = 0usize;
    let mut roots = 0;
    let element = |e: &quick_xml::events::BytesStart<'_>| Element {
        name: e.name().0.to_owned(),
        attrs: e
            .attributes()
            .map(|a| {
                let a = a.unwrap_or_else(|err| panic!("{err}: {xml}"));
                (
                    a.key.0.to_owned(),
                    a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .unwrap_or_else(|err| panic!("{err}: {xml}"))
                        .into_owned(),
                )
            })
            .collect(),
    };
    loop {
        match r.read_event() {
            Ok(Event::Eof) => break,
            Ok(Event::Start(e)) => {
                roots += usize::from(depth == 0);
                depth += 1;
                items.push(Item::Start(element(&e)));
            }
            Ok(Event::Empty(e)) => {
                roots += usize::from(depth == 0);
                let el = element(&e);
                let name = el.name.clone();
                items.push(Item::Start(el));
                items.push(Item::End(name));
            }
            Ok(Event::End(e)) => {
                depth -= 1;
                items.push(Item::End(e.name().0.to_owned()));
            }
            Ok(Event::Text(t)) => {
                let text = t.xml10_content().into_owned();
                assert!(
                    depth > 0 || text.trim().is_empty(),
                    "text outside the root: {xml}"
                );
                items.push(Item::Text(text));
            }
            Ok(Event::GeneralRef(g)) => {
                assert!(depth > 0, "reference outside the root: {xml}");
                let c = if g.is_char_ref() {
                    g.resolve_char_ref()
                        .ok()
                        .flatten()
                        .filter(|&c| xml_char(c))
                        .unwrap_or_else(|| panic!("bad character reference: {xml}"))
                } else {
                    match &*g {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        other => panic!("undefined entity &{other};: {xml}"),
                    }
                };
                items.push(Item::Text(c.to_string()));
            }
            Ok(_) => {}
            Err(e) => panic!("{e} at {}: {xml}", r.buffer_position()),
        }
    }
    assert_eq!(depth, 0, "unclosed elements: {xml}");
    assert_eq!(roots, 1, "one root element: {xml}");
    items
}
