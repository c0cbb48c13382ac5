//! A text and its conversion: aligned exactly by construction.

use crate::bitext::{Bead, Bitext, Segment};
use crate::segment::{Segmentation, segment};

/// Segments `text` and converts it piece by piece with `convert`, so that
/// each source segment has exactly one converted segment. Returns the
/// bitext (1-1 beads with score 1) and the whole converted document (the
/// pieces joined, text between segments included).
///
/// Converting piece by piece gives the same text as converting the whole
/// document whenever no conversion phrase spans a sentence end, which
/// OpenCC's phrase tables never do.
pub fn align_conversion(
    text: &str,
    source_lang: &str,
    target_lang: &str,
    how: Segmentation,
    convert: &mut dyn FnMut(&str) -> String,
) -> (Bitext, String) {
    let source = segment(text, source_lang, how);
    let mut document = String::with_capacity(text.len() + text.len() / 8);
    let mut target = Vec::with_capacity(source.len());
    let mut at = 0;
    for seg in &source {
        // Text between segments (line breaks, spaces), converted as it is.
        document.push_str(&convert(&text[at..seg.start]));
        let converted = convert(&seg.text);
        target.push(Segment {
            text: converted.clone(),
            paragraph: seg.paragraph,
            start: document.len(),
        });
        document.push_str(&converted);
        at = seg.start + seg.text.len();
    }
    document.push_str(&convert(&text[at..]));
    let beads = (0..source.len())
        .map(|k| Bead {
            source: vec![k],
            target: vec![k],
            score: 1.0,
        })
        .collect();
    (
        Bitext {
            source_lang: source_lang.to_string(),
            target_lang: target_lang.to_string(),
            source,
            target,
            beads,
            low_confidence: crate::LOW_CONFIDENCE,
        },
        document,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pieces without text (issue 21 item 9) keep the invariants of the
    /// fuzz target align_segments: beads cover both sides once, in order,
    /// every segment is where it says, and the document is all converted.
    #[test]
    fn pieces_without_text_keep_coverage() {
        let parts = [
            "![]()",
            "!",
            "[",
            "]",
            "(",
            ")",
            "。",
            "！",
            "」",
            "…",
            " ",
            "\n",
            "\n\n",
            "甲",
            "a",
            "1",
            "https://x.y/z",
            "---",
            "?",
            ".",
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..2000 {
            let mut text = String::new();
            for _ in 0..(seed % 24) {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                text.push_str(parts[(seed >> 33) as usize % parts.len()]);
            }
            for lang in ["zh-Hant", "en"] {
                let (b, doc) = align_conversion(
                    &text,
                    lang,
                    lang,
                    Segmentation::Sentences,
                    &mut |t: &str| t.to_uppercase(),
                );
                b.check().expect("covers");
                assert_eq!(doc, text.to_uppercase(), "{text:?}");
                for s in &b.source {
                    assert_eq!(&text[s.start..s.start + s.text.len()], s.text, "{text:?}");
                    assert!(!s.text.is_empty());
                }
            }
        }
    }

    #[test]
    fn segments_pair_one_to_one() {
        let text = "頭髮很長。後來剪了！\n\n第二段。";
        let mut upper = |s: &str| {
            s.replace('頭', "头")
                .replace('髮', "发")
                .replace('後', "后")
        };
        let (b, doc) = align_conversion(
            text,
            "zh-Hant",
            "zh-Hans",
            Segmentation::Sentences,
            &mut upper,
        );
        b.check().expect("covers");
        assert_eq!(doc, "头发很長。后來剪了！\n\n第二段。");
        assert_eq!(b.beads.len(), 3);
        for (s, t) in b.source.iter().zip(&b.target) {
            assert_eq!(&doc[t.start..t.start + t.text.len()], t.text);
            assert_eq!(&text[s.start..s.start + s.text.len()], s.text);
        }
    }
}
