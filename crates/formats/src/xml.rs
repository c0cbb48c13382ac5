//! Translation-memory formats: TMX 1.4b and XLIFF 2.0.

use std::fmt::Write as _;

use bianyi_align::Bitext;

use crate::escape::xml_escape;
use crate::separator;

/// TMX 1.4b, valid against the LISA DTD (`tmx14.dtd`): a `<header>` with
/// `creationtool="bianyi"`, `creationtoolversion` = `tool_version`,
/// `segtype="sentence"`, `o-tmf="bianyi"`, `adminlang="en"`, `srclang` =
/// the source language and `datatype="plaintext"`; then one `<tu
/// tuid="N">` per bead with both sides non-empty (N = the bead's number
/// from 1, so gaps show where beads were left out), holding `<prop
/// type="x-bead">` with the bead shape and one `<tuv xml:lang>` per side.
/// The segments of a side are joined as [`separator`] says.
///
/// 1-0 and 0-1 beads are left out: a translation unit pairs a text with its
/// translation, and an empty `<seg>` would enter a translation memory as a
/// translation of "nothing".
pub fn tmx(b: &Bitext, tool_version: &str) -> String {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n");
    out.push_str("<tmx version=\"1.4\">\n");
    let _ = writeln!(
        out,
        "  <header creationtool=\"bianyi\" creationtoolversion=\"{}\" segtype=\"sentence\" o-tmf=\"bianyi\" adminlang=\"en\" srclang=\"{}\" datatype=\"plaintext\"/>",
        xml_escape(tool_version),
        xml_escape(&b.source_lang)
    );
    out.push_str("  <body>\n");
    for (k, bead) in b.beads.iter().enumerate() {
        if bead.source.is_empty() || bead.target.is_empty() {
            continue;
        }
        let _ = writeln!(out, "    <tu tuid=\"{}\">", k + 1);
        let flags = b.flags(bead);
        if !flags.is_empty() {
            let _ = writeln!(out, "      <note>{}</note>", flags.join(" "));
        }
        let _ = writeln!(out, "      <prop type=\"x-bead\">{}</prop>", bead.shape());
        if bead.score.is_finite() {
            let _ = writeln!(out, "      <prop type=\"x-score\">{:.4}</prop>", bead.score);
        }
        for (lang, text) in [
            (
                &b.source_lang,
                b.source_text(bead, separator(&b.source_lang)),
            ),
            (
                &b.target_lang,
                b.target_text(bead, separator(&b.target_lang)),
            ),
        ] {
            let _ = writeln!(
                out,
                "      <tuv xml:lang=\"{}\"><seg>{}</seg></tuv>",
                xml_escape(lang),
                xml_escape(&text)
            );
        }
        out.push_str("    </tu>\n");
    }
    out.push_str("  </body>\n</tmx>\n");
    out
}

/// XLIFF 2.0 (`urn:oasis:names:tc:xliff:document:2.0`, `version="2.0"`,
/// `srcLang`, `trgLang`): one `<file id="f1">`, one `<unit id="uN">` per
/// bead (N = the bead's number from 1, so ids are unique) with one
/// `<segment>` holding `<source>` and `<target>`. The segments of a side are
/// joined as [`separator`] says.
///
/// Every bead is kept: a 1-0 bead has an empty `<target/>` (untranslated, as
/// XLIFF expects), a 0-1 bead an empty `<source/>`. A bitext without beads
/// gets an empty `<group id="g1"/>`, since XLIFF requires a `<file>` to hold
/// at least one unit or group.
pub fn xliff(b: &Bitext) -> String {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"{}\" trgLang=\"{}\">",
        xml_escape(&b.source_lang),
        xml_escape(&b.target_lang)
    );
    out.push_str("  <file id=\"f1\">\n");
    if b.beads.is_empty() {
        out.push_str("    <group id=\"g1\"/>\n");
    }
    for (k, bead) in b.beads.iter().enumerate() {
        let _ = writeln!(out, "    <unit id=\"u{}\">", k + 1);
        let flags = b.flags(bead);
        if !flags.is_empty() {
            let score = if bead.score.is_finite() {
                format!("; score {:.4}", bead.score)
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "      <notes>\n        <note category=\"bianyi-align\">{}{score}</note>\n      </notes>",
                flags.join(" ")
            );
        }
        out.push_str("      <segment>\n");
        for (name, text) in [
            ("source", b.source_text(bead, separator(&b.source_lang))),
            ("target", b.target_text(bead, separator(&b.target_lang))),
        ] {
            if text.is_empty() {
                let _ = writeln!(out, "        <{name}/>");
            } else {
                let _ = writeln!(out, "        <{name}>{}</{name}>", xml_escape(&text));
            }
        }
        out.push_str("      </segment>\n    </unit>\n");
    }
    out.push_str("  </file>\n</xliff>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::sample;

    #[test]
    fn xml_formats_escape_and_handle_empty_sides() {
        let b = sample();
        let t = tmx(&b, "0.1.0");
        assert!(
            t.contains("<seg>顏樂存說：&lt;script&gt;alert(1)&lt;/script&gt;</seg>"),
            "{t}"
        );
        assert!(t.contains("<seg>第二句。第三句\u{FFFD}。</seg>"), "{t}");
        assert_eq!(t.matches("<tu ").count(), 2, "the 1-0 bead has no tu");
        let x = xliff(&b);
        assert_eq!(x.matches("<unit ").count(), 3);
        assert!(
            x.contains("<target>LeCun said &quot;a &amp; b&quot; | c.</target>"),
            "{x}"
        );
        assert!(
            x.contains("<unit id=\"u3\">\n      <notes>\n        <note category=\"bianyi-align\">low-confidence unpaired; score 0.5000</note>\n      </notes>\n      <segment>\n        <source>多餘的句子。</source>\n        <target/>"),
            "{x}"
        );
        assert!(
            t.contains("<tu tuid=\"2\">\n      <note>low-confidence</note>\n      <prop type=\"x-bead\">2-1</prop>\n      <prop type=\"x-score\">0.4000</prop>"),
            "{t}"
        );
    }

    #[test]
    fn xliff_without_beads_has_a_group() {
        let mut b = sample();
        b.beads.clear();
        assert!(xliff(&b).contains("<file id=\"f1\">\n    <group id=\"g1\"/>\n  </file>"));
    }
}
