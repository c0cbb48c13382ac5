//! Hostile input through every XML and HTML writer: the XML stays
//! well-formed and the HTML carries no markup but bianyi's own.

use bianyi_align::{Bead, Bitext, Segment};
use bianyi_formats::{Labels, Report, Side, TermSpan};

use crate::common::parse;

/// Strings meant to break out of text or attribute values.
pub(crate) const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    "\" onload=\"alert(1)",
    "' onmouseover='alert(1)",
    "javascript:alert(document.cookie)",
    "<img src=x onerror=alert(1)>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "]]><!-- <![CDATA[x]]> -->",
    "&amp; &#0; &#x1; &bogus; &lt;",
    "</textarea></style></title></td></tr></table><svg onload=alert(1)>",
    "ctl:\u{0}\u{1}\u{7}\u{8}\u{b}\u{c}\u{1b}\u{7f}\u{85}\u{9f}\u{fffe}\u{ffff}\r\n\t.",
    "bidi \u{202e}txt.exe\u{202c} | `x` *y* [z](javascript:1) # 1. - +",
    "頭髮<b>很長</b>。",
];

fn segs(texts: &[&str]) -> Vec<Segment> {
    texts.iter().map(|t| Segment::new(*t, 0, 0)).collect()
}

/// Every hostile string on both sides, in 1-1, 2-1, 1-0 and 0-1 beads,
/// with hostile language tags.
pub(crate) fn hostile() -> Bitext {
    let n = HOSTILE.len();
    let mut beads = Vec::new();
    let (mut s, mut t) = (0, 0);
    let shapes = [(1, 1), (2, 1), (1, 0), (0, 1), (1, 2)];
    let mut k = 0;
    while s < n || t < n {
        let (a, b) = shapes[k % shapes.len()];
        let (a, b) = (a.min(n - s), b.min(n - t));
        let (a, b) = if a + b == 0 {
            (usize::from(s < n), usize::from(t < n))
        } else {
            (a, b)
        };
        beads.push(Bead::new(
            (s..s + a).collect(),
            (t..t + b).collect(),
            0.1 * f64::from(u8::try_from(k % 10).unwrap_or(0)),
        ));
        (s, t, k) = (s + a, t + b, k + 1);
    }
    Bitext::new(
        "zh\"><script>alert(1)</script>",
        "en' onload='x",
        segs(HOSTILE),
        segs(HOSTILE),
        beads,
    )
}

fn hostile_report(b: &Bitext) -> Report<'_> {
    let mut r = Report::new(b, HOSTILE.join(" "));
    r.diff = true;
    r.threshold = 0.35;
    r.labels = Labels::default();
    r.labels.source = HOSTILE[1].into();
    r.labels.target = HOSTILE[4].into();
    r.labels.summary = HOSTILE[0].into();
    r.labels.findings = HOSTILE[8].into();
    r.labels.low_confidence = HOSTILE[2].into();
    r.labels.original = HOSTILE[3].into();
    r.labels.legend = HOSTILE[5].into();
    r.labels.legend_removed = HOSTILE[6].into();
    r.labels.legend_added = HOSTILE[7].into();
    r.labels.legend_term = HOSTILE[0].into();
    r.labels.legend_low = HOSTILE[1].into();
    r.header = HOSTILE
        .iter()
        .map(|h| ((*h).to_string(), (*h).to_string()))
        .collect();
    r.originals = (0..b.beads.len())
        .map(|k| HOSTILE[k % HOSTILE.len()].to_string())
        .collect();
    r.original_lang = HOSTILE[2].into();
    r.summary = HOSTILE
        .iter()
        .map(|h| ((*h).to_string(), (*h).to_string()))
        .collect();
    r.findings = HOSTILE.iter().map(|h| (*h).to_string()).collect();
    for (i, seg) in b.source.iter().enumerate() {
        for (side, start, end) in [
            (Side::Source, 0, seg.text.len()),
            (Side::Target, 1, 5),
            (Side::Source, 3, 2),
            (Side::Target, 0, 1000),
        ] {
            r.terms.push(TermSpan::new(side, i, start, end, HOSTILE[i]));
        }
    }
    r
}

const TAGS: &[&str] = &[
    "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "h1", "h2", "dl", "dt", "dd",
    "table", "thead", "tbody", "tr", "th", "td", "span", "ul", "li", "div",
];
const ATTRIBUTES: &[&str] = &[
    "html",
    "lang",
    "charset",
    "name",
    "content",
    "http-equiv",
    "class",
    "id",
    "title",
    "data-bead",
    "data-shape",
    "data-score",
    "data-flags",
    "data-seg",
];

/// Scans every tag of `html`: known names, known attributes, values
/// double-quoted. Every `<` of the input must have been escaped, so every
/// `<` here starts one of bianyi's tags.
fn only_own_markup(html: &str) {
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let tag = &rest[open + 1..];
        let tag = tag.strip_prefix('/').unwrap_or(tag);
        let name_len = tag
            .find(|c: char| c.is_whitespace() || c == '>')
            .unwrap_or(tag.len());
        let name = &tag[..name_len];
        assert!(TAGS.contains(&name), "unexpected tag <{name}> in {html}");
        let mut attrs = &tag[name_len..];
        loop {
            attrs = attrs.trim_start();
            if let Some(after) = attrs.strip_prefix('>') {
                rest = after;
                break;
            }
            let eq = attrs
                .find(|c: char| c == '=' || c == '>' || c.is_whitespace())
                .unwrap_or(attrs.len());
            let attr = &attrs[..eq];
            assert!(
                ATTRIBUTES.contains(&attr),
                "unexpected attribute {attr:?} on <{name}> in {html}"
            );
            attrs = &attrs[eq..];
            if let Some(value) = attrs.strip_prefix("=\"") {
                let end = value
                    .find('"')
                    .unwrap_or_else(|| panic!("unclosed value in {html}"));
                assert!(!value[..end].contains('<'), "raw < in an attribute: {html}");
                attrs = &value[end + 1..];
            } else {
                assert!(
                    name == "!DOCTYPE" && attr == "html",
                    "unquoted attribute {attr} in {html}"
                );
            }
        }
    }
}

/// Well-formed by quick-xml's reading; xmllint's is in the root's
/// `cli` tests (`tools::hostile_xml_passes_xmllint`), which need it installed.
#[test]
fn hostile_xml_stays_well_formed() {
    let b = hostile();
    b.check().expect("a valid bitext");
    for (name, xml) in [
        ("tmx", bianyi_formats::tmx(&b, HOSTILE[9])),
        ("xliff", bianyi_formats::xliff(&b)),
    ] {
        assert!(!parse(&xml).is_empty(), "{name}");
    }
}

#[test]
fn hostile_html_stays_text() {
    let b = hostile();
    let h = bianyi_formats::html(&hostile_report(&b));
    only_own_markup(&h);
    let lower = h.to_lowercase();
    assert!(!lower.contains("<script"), "{h}");
    assert!(!lower.contains("<img"), "{h}");
    assert!(!lower.contains("<svg"), "{h}");
    assert!(!lower.contains("<a "), "{h}");
    assert!(
        !lower.contains("\" onload=") && !lower.contains("' onload="),
        "{h}"
    );
    assert!(
        !h.contains("<style></style>"),
        "the page's own style is intact"
    );
    assert!(
        h.chars()
            .all(|c| !(c.is_control() && c != '\n' && c != '\t')
                && c != '\u{fffe}'
                && c != '\u{ffff}'),
        "control characters are gone: {h:?}"
    );
    // The hostile strings are all there, as text.
    assert!(h.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(h.contains("&quot; onload=&quot;alert(1)"));
    assert!(h.contains("&amp;amp; &amp;#0;"));
    assert!(h.contains("<span class=\"term\" title=\"&lt;script&gt;alert(1)&lt;/script&gt;\">"));
    // One row per bead.
    assert_eq!(h.matches("<tr class=\"bead").count(), b.beads.len());
}

#[test]
fn hostile_markdown_stays_text() {
    let b = hostile();
    // The report has a column of originals besides the number and sides.
    for (md, pipes_per_row) in [
        (bianyi_formats::markdown(&b), 4),
        (bianyi_formats::markdown_report(&hostile_report(&b)), 5),
    ] {
        let without_br = md.replace("<br>", "");
        for (i, _) in without_br.match_indices('<') {
            assert_eq!(
                without_br.as_bytes().get(i.wrapping_sub(1)),
                Some(&b'\\'),
                "unescaped < in {md}"
            );
        }
        assert!(
            md.chars().all(|c| !c.is_control() || c == '\n'),
            "control characters are gone: {md:?}"
        );
        // Every table row has exactly its cells' pipes.
        for line in md.lines().filter(|l| l.starts_with("| ")) {
            let pipes = line.len() - line.replace('|', "").len();
            let escaped = line.matches("\\|").count();
            assert_eq!(pipes - escaped, pipes_per_row, "{line}");
        }
    }
}

/// Issue 20: the TSV writer leaves no control character in a line and no
/// field a spreadsheet would run as a formula, unless asked to keep them.
#[test]
fn issue20_tsv_has_no_controls_and_no_formulas() {
    let mut b = hostile();
    for (k, text) in [
        "=HYPERLINK(\"http://x\",\"y\")",
        "+1",
        "-2",
        "@SUM(A1)",
        "'=x",
    ]
    .iter()
    .enumerate()
    {
        b.source.push(Segment::new(*text, 0, 0));
        b.beads
            .push(Bead::new(vec![b.source.len() - 1], vec![k], 1.0));
    }
    let tsv = bianyi_formats::tsv(&b);
    for line in tsv.lines() {
        assert!(
            !line.chars().any(|c| c.is_control() && c != '\t'),
            "{line:?}"
        );
        // Source, target, score, flags.
        assert_eq!(line.split('\t').count(), 4, "{line:?}");
        for field in line.split('\t') {
            assert!(
                !field
                    .trim_start_matches('\'')
                    .starts_with(['=', '+', '-', '@'])
                    || field.starts_with('\''),
                "{field:?}"
            );
        }
    }
    for want in [
        "\n'=HYPERLINK(",
        "\n'+1\t",
        "\n'-2\t",
        "\n'@SUM(A1)\t",
        "\n''=x\t",
    ] {
        assert!(tsv.contains(want), "{want:?} in {tsv}");
    }
    let kept = bianyi_formats::tsv_with(&b, bianyi_formats::Formulas::Keep);
    for want in [
        "\n=HYPERLINK(",
        "\n+1\t",
        "\n-2\t",
        "\n@SUM(A1)\t",
        "\n'=x\t",
    ] {
        assert!(kept.contains(want), "{want:?} in {kept}");
    }
}
