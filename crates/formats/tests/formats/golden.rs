//! Every format on the hand-made bitexts, byte for byte, against insta
//! snapshots in `snapshots/` (`formats__golden__<name>.snap`: a short header,
//! then the output exactly). A mismatch prints a diff and, outside CI,
//! leaves a `.snap.new` to review (docs/testing.md).

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is a test failure with its message"
)]

use bianyi_formats::{Report, Side, TermSpan};

use crate::common::{conversion, pair};

/// Compares `actual` with the snapshot `name`.
///
/// insta compares text with trailing whitespace trimmed and CRLF read as LF;
/// every output here ends in exactly one LF (no other whitespace before it)
/// and has no CR, and checking that first keeps the comparison byte for byte.
fn check(name: &str, actual: &str) {
    assert!(
        actual.ends_with('\n')
            && actual.trim_end().len() + 1 == actual.len()
            && !actual.contains('\r'),
        "{name}: expected one final LF without whitespace before it, and no CR; the output ends {:?}",
        actual
            .get(actual.len().saturating_sub(40)..)
            .unwrap_or(actual)
    );
    insta::assert_snapshot!(name, actual);
}

/// The pair's report: terms on both sides, an extra summary line, a
/// finding, threshold 0.5.
fn pair_report(b: &bianyi_align::Bitext) -> Report<'_> {
    let mut r = Report::new(b, "顏樂存 & <Meta>: zh-Hant → en");
    r.threshold = 0.5;
    let note = "yann-lecun: Yann LeCun / 顏樂存 / 杨立昆";
    let span = |side, segment, start, end| TermSpan::new(side, segment, start, end, note);
    let source = &b.source[0].text;
    let at = source.find("顏樂存").unwrap_or_default();
    r.terms = vec![
        span(Side::Source, 0, at, at + "顏樂存".len()),
        span(Side::Target, 0, 0, "Yann LeCun".len()),
    ];
    r.summary.push(("Terms used".into(), "1".into()));
    r.findings
        .push("bead 4: \"（此句沒有譯文。）\" has no translation".into());
    r
}

#[test]
fn pair_every_format() {
    let b = pair();
    b.check().expect("a valid bitext");
    check("pair.beads", &bianyi_formats::beads(&b));
    check("pair.tsv", &bianyi_formats::tsv(&b));
    check("pair.header.tsv", &bianyi_formats::tsv_with_header(&b));
    check("pair.jsonl", &bianyi_formats::jsonl(&b));
    check("pair.md", &bianyi_formats::markdown(&b));
    check("pair.tmx", &bianyi_formats::tmx(&b, "0.1.0"));
    check("pair.xlf", &bianyi_formats::xliff(&b));
    let r = pair_report(&b);
    check("pair.html", &bianyi_formats::html(&r));
    check("pair.report.md", &bianyi_formats::markdown_report(&r));
}

#[test]
fn conversion_report_with_diff() {
    let b = conversion();
    b.check().expect("a valid bitext");
    let mut r = Report::new(&b, "t2s");
    r.diff = true;
    check("conversion.html", &bianyi_formats::html(&r));
    check("conversion.report.md", &bianyi_formats::markdown_report(&r));
    check("conversion.tmx", &bianyi_formats::tmx(&b, "0.1.0"));
}
