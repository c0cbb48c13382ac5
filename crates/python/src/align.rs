//! Sentence alignment. bianyi-align's API is being reworked: this file is
//! the only one that calls it, through [`align_sentences`].

/// A bead: source indices, target indices, score.
pub(crate) type RawBead = (Vec<usize>, Vec<usize>, f64);

/// Aligns `source` and `target`, two lists of sentences (one paragraph
/// each), with the options bianyi-align gives the language pair. Returns
/// the beads: source indices, target indices, score.
pub(crate) fn align_sentences(
    source: Vec<String>,
    target: Vec<String>,
    source_lang: &str,
    target_lang: &str,
) -> Vec<RawBead> {
    let segments = |texts: Vec<String>| {
        let mut start = 0;
        texts
            .into_iter()
            .map(|text| {
                let at = start;
                start += text.len() + 1;
                bianyi_align::Segment::new(text, 0, at)
            })
            .collect::<Vec<_>>()
    };
    let options = bianyi_align::Options::for_languages(source_lang, target_lang);
    let bitext = bianyi_align::align(
        source_lang,
        target_lang,
        segments(source),
        segments(target),
        &options,
    );
    bitext
        .beads
        .into_iter()
        .map(|bead| (bead.source, bead.target, bead.score))
        .collect()
}
