//! Precision and recall of `bianyi glossary extract` on the sample article
//! and on the news sentences of tests/data, against pairs listed by hand.
//!
//! `cargo run -p bianyi-glossary --example extract_eval`
#![allow(clippy::print_stdout, reason = "an example reports on the terminal")]

#[allow(dead_code, reason = "shared with the tests")]
mod support {
    pub(crate) mod eval;
}

fn main() {
    let sets = [
        (
            "sample article (tests/fixtures/article.zh-Hant.txt)",
            include_str!("../../../tests/fixtures/article.zh-Hant.txt"),
            include_str!("../tests/data/article-terms.tsv"),
        ),
        (
            "news sentences (crates/glossary/tests/data/news-sample.zh-Hant.txt)",
            include_str!("../tests/data/news-sample.zh-Hant.txt"),
            include_str!("../tests/data/news-sample-terms.tsv"),
        ),
    ];
    for (name, text, list) in sets {
        println!("{name}: {}", support::eval::score(text, list));
    }
}
