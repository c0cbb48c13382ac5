//! Properties of `bianyi align` and `bianyi report` output beyond the
//! golden bytes: TMX validity, XLIFF 2.0 structure, escaping in reports.

use std::path::Path;

#[path = "../crates/formats/tests/formats/tmx14.rs"]
pub(crate) mod tmx14;

fn case(path: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/cmd")
        .join(path);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// TMX output follows the rules of the TMX 1.4b DTD (checked in Rust:
/// the formats crate's `tmx14.rs`, shared here).
#[test]
fn tmx_follows_the_dtd() {
    tmx14::assert_refuses_what_the_dtd_refuses(&case("align/pair-tmx.stdout"));
    for name in [
        "align/pair-tmx.stdout",
        "align/article-tmx.stdout",
        "align/flags-tmx.stdout",
    ] {
        if let Err(e) = tmx14::check_tmx(&case(name)) {
            panic!("{name}: {e}");
        }
    }
}

/// XLIFF 2.0: namespace, version, languages, unique unit ids, a source and
/// a target in every unit.
#[test]
fn xliff_is_structurally_xliff_2() {
    use quick_xml::events::Event;
    for name in [
        "align/pair-xliff.stdout",
        "align/article-xliff.stdout",
        "align/flags-xliff.stdout",
    ] {
        let text = case(name);
        let mut reader = quick_xml::Reader::from_str(&text);
        let mut ids = std::collections::HashSet::new();
        let (mut units, mut sources, mut targets) = (0, 0, 0);
        let mut root_ok = false;
        loop {
            match reader.read_event().expect("well-formed") {
                // An empty side is an empty element (`<target/>`).
                Event::Start(e) | Event::Empty(e) => {
                    let attr = |k: &str| {
                        e.attributes()
                            .filter_map(Result::ok)
                            .find(|a| a.key.as_ref() == k)
                            .map(|a| a.value.to_string())
                    };
                    match e.name().as_ref() {
                        "xliff" => {
                            root_ok = attr("xmlns").as_deref()
                                == Some("urn:oasis:names:tc:xliff:document:2.0")
                                && attr("version").as_deref() == Some("2.0")
                                && attr("srcLang").is_some()
                                && attr("trgLang").is_some();
                        }
                        "unit" => {
                            units += 1;
                            assert!(
                                ids.insert(attr("id").expect("unit id")),
                                "{name}: duplicate id"
                            );
                        }
                        "source" => sources += 1,
                        "target" => targets += 1,
                        _ => {}
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        assert!(root_ok, "{name}: root element");
        assert!(units > 0);
        assert_eq!((sources, targets), (units, units), "{name}");
    }
}

/// Hostile input in a report is text: no script, no element or attribute
/// from the input, and one table row per aligned pair.
#[test]
fn report_escapes_hostile_text() {
    let html = case("report/hostile.out/report.html");
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(!html.contains("\" onload=\""), "{html}");
    assert!(!html.contains('\u{1}'));
    assert!(html.contains("&lt;script&gt;"));
    let rows = html.matches("<tr class=\"bead").count();
    let article = case("report/article-html.out/report.html");
    let article_rows = article.matches("<tr class=\"bead").count();
    let segments = case("align/article-beads.stdout").lines().count();
    assert_eq!(
        article_rows, segments,
        "one row per sentence of the article"
    );
    assert!(rows >= 2);
}
