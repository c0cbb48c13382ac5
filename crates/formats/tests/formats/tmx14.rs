//! The rules of the TMX 1.4b DTD (`tmx14.dtd`, LISA OSCAR), checked in
//! Rust so that no test needs the DTD file or a validator outside the
//! repository: the content model of every element, required, declared and
//! enumerated attributes, `version` fixed to 1.4, no text where the DTD
//! allows only elements. Well-formedness itself is quick-xml's.
//!
//! Also compiled into the root integration tests (`tests/align.rs`).

use quick_xml::events::{BytesStart, Event};

/// How often an element may occur in a sequence.
#[derive(Clone, Copy)]
enum Times {
    One,
    Any,
    AtLeastOne,
}

enum Content {
    /// `EMPTY`
    Empty,
    /// `(#PCDATA)` or `(#PCDATA|a|b)*`: text and these elements.
    Mixed(&'static [&'static str]),
    /// A sequence of element groups, e.g. `((note|prop)*, tuv+)`.
    Elements(&'static [(&'static [&'static str], Times)]),
}

enum Attr {
    Required,
    Implied,
    Fixed(&'static str),
    OneOf(&'static [&'static str], bool),
}

use Attr::{Fixed, Implied, OneOf, Required};
use Times::{Any, AtLeastOne, One};

const SEGTYPES: &[&str] = &["block", "paragraph", "sentence", "phrase"];
const INLINE: &[&str] = &["bpt", "ept", "ph", "it", "hi", "ut"];
const NOTE_PROP: &[&str] = &["note", "prop"];

/// An element: its name, content model and declared attributes.
type Rule = (&'static str, Content, &'static [(&'static str, Attr)]);

/// The DTD, element by element.
const RULES: &[Rule] = &[
    (
        "tmx",
        Content::Elements(&[(&["header"], One), (&["body"], One)]),
        &[("version", Fixed("1.4"))],
    ),
    (
        "header",
        Content::Elements(&[(&["note", "prop", "ude"], Any)]),
        &[
            ("creationtool", Required),
            ("creationtoolversion", Required),
            ("segtype", OneOf(SEGTYPES, true)),
            ("o-tmf", Required),
            ("adminlang", Required),
            ("srclang", Required),
            ("datatype", Required),
            ("o-encoding", Implied),
            ("creationdate", Implied),
            ("creationid", Implied),
            ("changedate", Implied),
            ("changeid", Implied),
        ],
    ),
    ("body", Content::Elements(&[(&["tu"], Any)]), &[]),
    (
        "note",
        Content::Mixed(&[]),
        &[
            ("o-encoding", Implied),
            ("xml:lang", Implied),
            ("lang", Implied),
        ],
    ),
    (
        "ude",
        Content::Elements(&[(&["map"], AtLeastOne)]),
        &[("name", Required), ("base", Implied)],
    ),
    (
        "map",
        Content::Empty,
        &[
            ("unicode", Required),
            ("code", Implied),
            ("ent", Implied),
            ("subst", Implied),
        ],
    ),
    (
        "prop",
        Content::Mixed(&[]),
        &[
            ("type", Required),
            ("xml:lang", Implied),
            ("o-encoding", Implied),
            ("lang", Implied),
        ],
    ),
    (
        "tu",
        Content::Elements(&[(NOTE_PROP, Any), (&["tuv"], AtLeastOne)]),
        &[
            ("tuid", Implied),
            ("o-encoding", Implied),
            ("datatype", Implied),
            ("usagecount", Implied),
            ("lastusagedate", Implied),
            ("creationtool", Implied),
            ("creationtoolversion", Implied),
            ("creationdate", Implied),
            ("creationid", Implied),
            ("changedate", Implied),
            ("segtype", OneOf(SEGTYPES, false)),
            ("changeid", Implied),
            ("o-tmf", Implied),
            ("srclang", Implied),
        ],
    ),
    (
        "tuv",
        Content::Elements(&[(NOTE_PROP, Any), (&["seg"], One)]),
        &[
            ("xml:lang", Required),
            ("o-encoding", Implied),
            ("datatype", Implied),
            ("usagecount", Implied),
            ("lastusagedate", Implied),
            ("creationtool", Implied),
            ("creationtoolversion", Implied),
            ("creationdate", Implied),
            ("creationid", Implied),
            ("changedate", Implied),
            ("o-tmf", Implied),
            ("changeid", Implied),
            ("lang", Implied),
        ],
    ),
    ("seg", Content::Mixed(INLINE), &[]),
    (
        "bpt",
        Content::Mixed(&["sub"]),
        &[("i", Required), ("x", Implied), ("type", Implied)],
    ),
    ("ept", Content::Mixed(&["sub"]), &[("i", Required)]),
    (
        "sub",
        Content::Mixed(INLINE),
        &[("datatype", Implied), ("type", Implied)],
    ),
    (
        "it",
        Content::Mixed(&["sub"]),
        &[
            ("pos", OneOf(&["begin", "end"], true)),
            ("x", Implied),
            ("type", Implied),
        ],
    ),
    (
        "ph",
        Content::Mixed(&["sub"]),
        &[("x", Implied), ("assoc", Implied), ("type", Implied)],
    ),
    (
        "hi",
        Content::Mixed(INLINE),
        &[("x", Implied), ("type", Implied)],
    ),
    ("ut", Content::Mixed(&["sub"]), &[("x", Implied)]),
];

fn rule(name: &str) -> Result<&'static Rule, String> {
    RULES
        .iter()
        .find(|(n, _, _)| *n == name)
        .ok_or_else(|| format!("<{name}> is not a TMX 1.4 element"))
}

fn check_attributes(e: &BytesStart<'_>) -> Result<String, String> {
    let name = e.name().0.to_owned();
    let (_, _, declared) = rule(&name)?;
    let mut seen = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|err| format!("<{name}>: {err}"))?;
        let key = a.key.0.to_owned();
        let value = a
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|err| format!("<{name} {key}>: {err}"))?;
        match declared.iter().find(|(k, _)| *k == key) {
            None => return Err(format!("<{name}> has no attribute {key}")),
            Some((_, Fixed(v))) if *v != value => {
                return Err(format!("<{name} {key}=\"{value}\">: must be \"{v}\""));
            }
            Some((_, OneOf(values, _))) if !values.contains(&&*value) => {
                return Err(format!("<{name} {key}=\"{value}\">: one of {values:?}"));
            }
            _ => {}
        }
        seen.push(key);
    }
    for (key, attr) in *declared {
        if matches!(attr, Required | OneOf(_, true)) && !seen.iter().any(|k| k == key) {
            return Err(format!("<{name}> lacks the required attribute {key}"));
        }
    }
    Ok(name)
}

/// Whether `children` (element names, in order) match the sequence.
fn matches_sequence(children: &[String], groups: &[(&[&str], Times)]) -> bool {
    let mut rest = children;
    for (names, times) in groups {
        let n = rest
            .iter()
            .take_while(|c| names.contains(&c.as_str()))
            .count();
        let ok = match times {
            One => n == 1,
            Any => true,
            AtLeastOne => n >= 1,
        };
        if !ok {
            return false;
        }
        rest = &rest[if matches!(times, One) { 1 } else { n }..];
    }
    rest.is_empty()
}

/// Checks `xml` against the rules of the TMX 1.4b DTD; the error names the
/// first rule broken.
pub(crate) fn check_tmx(xml: &str) -> Result<(), String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    // Open elements: name and the names of their children so far.
    let mut open: Vec<(String, Vec<String>)> = Vec::new();
    let mut root = None;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("not well-formed at {}: {e}", reader.buffer_position()))?;
        let (start, end) = match &event {
            Event::DocType(d) => {
                let doctype = d.xml10_content().into_owned();
                if doctype.split_whitespace().next() != Some("tmx") {
                    return Err(format!("DOCTYPE {doctype}: the root is tmx"));
                }
                (None, false)
            }
            Event::Start(e) => (Some(check_attributes(e)?), false),
            Event::Empty(e) => (Some(check_attributes(e)?), true),
            Event::End(_) => (None, true),
            Event::Text(t)
                if t.xml10_content()
                    .chars()
                    .all(|c| matches!(c, ' ' | '\t' | '\n' | '\r')) =>
            {
                (None, false)
            }
            Event::Text(_) | Event::CData(_) | Event::GeneralRef(_) => {
                let Some((parent, _)) = open.last() else {
                    return Err("text outside the root".into());
                };
                if !matches!(rule(parent)?.1, Content::Mixed(_)) {
                    return Err(format!("text in <{parent}>, which holds only elements"));
                }
                (None, false)
            }
            Event::Eof => break,
            _ => (None, false),
        };
        if let Some(name) = start {
            match open.last_mut() {
                Some((_, children)) => children.push(name.clone()),
                None if root.is_none() => root = Some(name.clone()),
                None => return Err("more than one root element".into()),
            }
            open.push((name, Vec::new()));
        }
        if end {
            let (name, children) = open.pop().ok_or("an end tag without a start")?;
            let ok = match &rule(&name)?.1 {
                Content::Empty => children.is_empty(),
                Content::Mixed(allowed) => children.iter().all(|c| allowed.contains(&c.as_str())),
                Content::Elements(groups) => matches_sequence(&children, groups),
            };
            if !ok {
                return Err(format!("<{name}> may not hold {children:?}"));
            }
        }
    }
    match root.as_deref() {
        Some("tmx") => Ok(()),
        other => Err(format!("the root element is {other:?}, not tmx")),
    }
}

/// Documents the DTD refuses: the checker must refuse them too, or its
/// verdict on bianyi's output says nothing.
pub(crate) fn assert_refuses_what_the_dtd_refuses(valid: &str) {
    check_tmx(valid).unwrap_or_else(|e| panic!("{e}:\n{valid}"));
    let Some(header) = valid.lines().find(|l| l.contains("<header ")) else {
        panic!("no header: {valid}");
    };
    let broken = [
        valid.replace(" srclang=\"", " lang=\""),
        valid.replace("<tmx version=\"1.4\"", "<tmx version=\"1.5\""),
        valid.replace("segtype=\"sentence\"", "segtype=\"word\""),
        valid
            .replace("<seg>", "<seg><b>")
            .replace("</seg>", "</b></seg>"),
        valid.replace("<prop type=", "<prop kind="),
        valid.replacen("<tu ", "<tu>text</tu><tu ", 1),
        valid.replacen("<tu ", "<tu></tu><tu ", 1),
        valid.replacen("<tuv ", "<tuv xml:lang=\"en\"></tuv><tuv ", 1),
        valid
            .replacen("<tuv ", "<prop type=\"x\">late</prop><tuv ", 2)
            .replacen("<prop type=\"x\">late</prop><tuv ", "<tuv ", 1),
        valid
            .replace(header, "")
            .replace("</body>", &format!("</body>{header}")),
        valid.replace("<!DOCTYPE tmx", "<!DOCTYPE xliff"),
    ];
    for b in &broken {
        assert_ne!(b, valid, "a mutation that changed nothing");
        assert!(check_tmx(b).is_err(), "accepted:\n{b}");
    }
}
