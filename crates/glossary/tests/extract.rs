//! Term harvesting measured against lists of glossed pairs made by hand:
//! the sample article (tests/fixtures/article.zh-Hant.txt) and a set of
//! news sentences written for this test (tests/data/news-sample.zh-Hant.txt).
//! `cargo run -p bianyi-glossary --example extract_eval` prints the figures.

#[path = "../examples/support/eval.rs"]
mod eval;

#[test]
fn precision_and_recall_on_the_sample_article() {
    let r = eval::score(
        include_str!("../../../tests/fixtures/article.zh-Hant.txt"),
        include_str!("data/article-terms.tsv"),
    );
    assert_eq!(r.gold, 11);
    assert!(r.precision() >= 1.0 && r.recall() >= 1.0, "{r}");
}

#[test]
fn precision_and_recall_on_news_sentences() {
    let r = eval::score(
        include_str!("data/news-sample.zh-Hant.txt"),
        include_str!("data/news-sample-terms.tsv"),
    );
    assert_eq!(r.gold, 13);
    assert!(r.precision() >= 1.0 && r.recall() >= 1.0, "{r}");
}
