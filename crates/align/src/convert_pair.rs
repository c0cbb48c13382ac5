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
        },
        document,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

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
