//! Precision and recall of `bianyi glossary extract` on the sample article
//! and on the news sentences of tests/data, against pairs listed by hand,
//! with the pairs found and the extras and misses.
//!
//! `cargo run -p bianyi-glossary --example extract_eval` prints the figures;
//! `… --example extract_eval -- FILE` prints the candidates of FILE as TSV.
#![allow(clippy::print_stdout, reason = "an example reports on the terminal")]

#[allow(dead_code, reason = "shared with the tests")]
mod support {
    pub(crate) mod eval;
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    if let Some(path) = std::env::args_os().nth(1) {
        let text = std::fs::read_to_string(path)?;
        print!(
            "{}",
            bianyi_glossary::candidates_to_tsv(&bianyi_glossary::extract(&text))
        );
        return Ok(());
    }
    let sets = [
        (
            "sample article (tests/fixtures/article.zh-Hant.txt)",
            include_str!("../../../tests/fixtures/article.zh-Hant.txt"),
            include_str!("../tests/data/article-terms.tsv"),
        ),
        (
            "news sample (crates/glossary/tests/data/news-sample.zh-Hant.txt)",
            include_str!("../tests/data/news-sample.zh-Hant.txt"),
            include_str!("../tests/data/news-sample-terms.tsv"),
        ),
        (
            "news dev (crates/glossary/tests/data/news-dev.zh-Hant.txt)",
            include_str!("../tests/data/news-dev.zh-Hant.txt"),
            include_str!("../tests/data/news-dev-terms.tsv"),
        ),
        (
            "news held out (crates/glossary/tests/data/news-heldout.zh-Hant.txt)",
            include_str!("../tests/data/news-heldout.zh-Hant.txt"),
            include_str!("../tests/data/news-heldout-terms.tsv"),
        ),
    ];
    let (mut found, mut gold, mut right) = (0, 0, 0);
    for (name, text, list) in sets {
        let score = support::eval::score(text, list);
        println!("{name}:\n  {score}");
        for c in bianyi_glossary::extract(text) {
            println!("  found: {} = {} (×{})", c.source, c.target, c.count);
        }
        found += score.found;
        gold += score.gold;
        right += score.right;
    }
    let (p, r) = (right as f64 / found as f64, right as f64 / gold as f64);
    println!(
        "all sets: {found} found, {gold} in the lists, {right} right: precision {p:.2}, recall {r:.2}, F1 {:.2}",
        2.0 * p * r / (p + r)
    );
    Ok(())
}
