//! Properties of `bianyi align` and `bianyi report` output beyond the
//! golden bytes: TMX validity, XLIFF 2.0 structure, escaping in reports.

use std::path::{Path, PathBuf};
use std::process::Command;

fn case(path: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/cases")
        .join(path);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// TMX output validates against tmx14.dtd with xmllint, when both are
/// here (the DTD is in ../shared/data/schemas, not in the repository).
#[test]
#[allow(clippy::print_stderr, reason = "a skipped check says why")]
fn tmx_validates_against_the_dtd() {
    let dtd = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/schemas/tmx14.dtd");
    if !dtd.exists() {
        eprintln!("skipped: {} not found", dtd.display());
        return;
    }
    if Command::new("xmllint").arg("--version").output().is_err() {
        eprintln!("skipped: xmllint not installed (apt-get install libxml2-utils)");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    for name in ["align/pair-tmx/stdout", "align/article-tmx/stdout"] {
        let file: PathBuf = dir.path().join("out.tmx");
        std::fs::write(&file, case(name)).expect("write");
        let out = Command::new("xmllint")
            .arg("--noout")
            .arg("--dtdvalid")
            .arg(&dtd)
            .arg(&file)
            .output()
            .expect("xmllint runs");
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// XLIFF 2.0: namespace, version, languages, unique unit ids, a source and
/// a target in every unit.
#[test]
fn xliff_is_structurally_xliff_2() {
    use quick_xml::events::Event;
    for name in ["align/pair-xliff/stdout", "align/article-xliff/stdout"] {
        let text = case(name);
        let mut reader = quick_xml::Reader::from_str(&text);
        let mut ids = std::collections::HashSet::new();
        let (mut units, mut sources, mut targets) = (0, 0, 0);
        let mut root_ok = false;
        loop {
            match reader.read_event().expect("well-formed") {
                Event::Start(e) => {
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
    let html = case("report/hostile/out/report.html");
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(!html.contains("\" onload=\""), "{html}");
    assert!(!html.contains('\u{1}'));
    assert!(html.contains("&lt;script&gt;"));
    let rows = html.matches("<tr class=\"bead").count();
    let article = case("report/article-html/out/report.html");
    let article_rows = article.matches("<tr class=\"bead").count();
    let segments = case("align/article-beads/stdout").lines().count();
    assert_eq!(
        article_rows, segments,
        "one row per sentence of the article"
    );
    assert!(rows >= 2);
}
