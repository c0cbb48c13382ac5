//! TMX against the rules of the TMX 1.4b DTD and the structure XLIFF 2.0
//! requires (both with quick-xml).

use std::collections::BTreeSet;

use bianyi_align::Bitext;

use crate::common::{Item, conversion, pair, parse};
use crate::hostile::hostile;
use crate::tmx14::{assert_refuses_what_the_dtd_refuses, check_tmx};

fn empty() -> Bitext {
    let mut b = pair();
    b.beads.clear();
    b.source.clear();
    b.target.clear();
    b
}

/// TMX follows the rules of the TMX 1.4b DTD (checked in Rust by
/// `tmx14.rs`, which refuses what the DTD refuses).
#[test]
fn tmx_follows_the_dtd() {
    assert_refuses_what_the_dtd_refuses(&bianyi_formats::tmx(&pair(), "0"));
    for (name, b) in [
        ("pair", pair()),
        ("conversion", conversion()),
        ("hostile", hostile()),
        ("empty", empty()),
    ] {
        let xml = bianyi_formats::tmx(&b, "0.1.0 \"<&>\"");
        if let Err(e) = check_tmx(&xml) {
            panic!("{name}: TMX breaks the TMX 1.4b DTD: {e}\n{xml}");
        }
    }
}

/// Checks what XLIFF 2.0 requires of bianyi's output and returns the unit
/// ids with their (source, target) texts.
fn xliff_units(xml: &str, b: &Bitext) -> Vec<(String, String, String)> {
    let items = parse(xml);
    let Some(root) = items.iter().find_map(|i| match i {
        Item::Start(e) => Some(e),
        _ => None,
    }) else {
        panic!("no root element: {xml}");
    };
    assert_eq!(root.name, "xliff");
    assert_eq!(
        root.attr("xmlns"),
        Some("urn:oasis:names:tc:xliff:document:2.0")
    );
    assert_eq!(root.attr("version"), Some("2.0"));
    assert_eq!(root.attr("srcLang"), Some(b.source_lang.as_str()));
    assert_eq!(root.attr("trgLang"), Some(b.target_lang.as_str()));

    let mut path: Vec<String> = Vec::new();
    let mut files = 0;
    let mut units: Vec<(String, String, String)> = Vec::new();
    let mut groups = 0;
    // Per unit: segments, sources, targets seen.
    let mut seen = (0, 0, 0);
    for item in &items {
        match item {
            Item::Start(e) => {
                let parent = path.last().map(String::as_str);
                match (parent, e.name.as_str()) {
                    (None, "xliff") => {}
                    (Some("xliff"), "file") => {
                        files += 1;
                        assert!(e.attr("id").is_some_and(|id| !id.is_empty()));
                    }
                    (Some("file"), "unit") => {
                        let id = e.attr("id").unwrap_or_default().to_string();
                        assert!(!id.is_empty(), "unit without id");
                        units.push((id, String::new(), String::new()));
                        seen = (0, 0, 0);
                    }
                    (Some("file"), "group") => groups += 1,
                    // Notes (the flags of a bead) come before the segment.
                    (Some("unit"), "notes") => {
                        assert_eq!(seen.0, 0, "notes after the segment: {xml}")
                    }
                    (Some("notes"), "note") => {}
                    (Some("unit"), "segment") => seen.0 += 1,
                    (Some("segment"), "source") => seen.1 += 1,
                    (Some("segment"), "target") => seen.2 += 1,
                    (p, n) => panic!("unexpected <{n}> in {p:?}: {xml}"),
                }
                path.push(e.name.clone());
            }
            Item::End(name) => {
                assert_eq!(path.pop().as_deref(), Some(name.as_str()));
                if name == "unit" {
                    assert_eq!(
                        seen,
                        (1, 1, 1),
                        "a unit has one segment, one source and one target: {xml}"
                    );
                }
            }
            Item::Text(t) => {
                let Some(last) = units.last_mut() else {
                    assert!(t.trim().is_empty(), "stray text {t:?}");
                    continue;
                };
                match path.last().map(String::as_str) {
                    Some("source") => last.1.push_str(t),
                    Some("target") => last.2.push_str(t),
                    Some("note") => {}
                    _ => assert!(t.trim().is_empty(), "stray text {t:?}"),
                }
            }
        }
    }
    assert_eq!(files, 1);
    assert!(
        !units.is_empty() || groups > 0,
        "a <file> needs a unit or group"
    );
    let ids: BTreeSet<&str> = units.iter().map(|u| u.0.as_str()).collect();
    assert_eq!(ids.len(), units.len(), "unit ids are unique");
    assert_eq!(units.len(), b.beads.len(), "one unit per bead");
    units
}

#[test]
fn xliff_has_the_structure_of_xliff_2() {
    let b = pair();
    let units = xliff_units(&bianyi_formats::xliff(&b), &b);
    let ids: Vec<&str> = units.iter().map(|u| u.0.as_str()).collect();
    assert_eq!(ids, ["u1", "u2", "u3", "u4", "u5"]);
    // Texts survive escaping, sides joined as the language wants.
    assert_eq!(units[0].1, b.source[0].text);
    assert_eq!(units[0].2, b.target[0].text);
    assert_eq!(units[1].2, "He will leave Meta. He said so on Tuesday.");
    assert_eq!(units[2].1, "新公司設在巴黎。預算超過30億美元！");
    assert_eq!((units[3].2.as_str(), units[4].1.as_str()), ("", ""));

    for b in [conversion(), hostile(), empty()] {
        xliff_units(&bianyi_formats::xliff(&b), &b);
    }
}
