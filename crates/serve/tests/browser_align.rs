//! End to end in a real headless Chromium driven by WebDriver
//! (tests/support/browser.rs): open the index, go to a source's alignment
//! review, merge two beads, download the TMX and check what it holds. A
//! screenshot is left in `target/tmp/serve-browser/align-merged.png`.
//!
//! Without chromedriver the test says so and passes; with `CI=true` it
//! fails instead.

#![cfg(test)]

mod support;

use support::browser::{Browser, Served};

const SOURCE: &str = "今天天氣很好。我們去公園散步。\n公園裡有很多人在放風箏。\n";
const ENGLISH: &str = "The weather is fine today. We go for a walk in the park.\nMany people fly kites in the park.\n";
const BEADS: &str = "table.beads tbody tr";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn merge_two_beads_and_export_tmx_in_chromium() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let served = Served::project(&[
        (
            "bianyi.toml",
            "[[sources]]\nfiles = [\"zh/*.txt\"]\ntranslation = \"en/{name}\"\n\
             [[targets]]\nto = \"zh-Hans\"\n",
        ),
        ("zh/a.txt", SOURCE),
        ("en/a.txt", ENGLISH),
    ])
    .await;
    browser.goto(&format!("{}/", served.base)).await;
    browser.click("li.align-link a").await;
    browser
        .eventually("the review page", 30, async || {
            browser.count(BEADS).await == 3
        })
        .await;
    assert!(browser.url().await.contains("/align?file=zh/a.txt"));
    // Merge the first two beads.
    browser.click("tr#b0 button.merge").await;
    browser
        .eventually("the merged beads", 30, async || {
            browser.count(BEADS).await == 2
        })
        .await;
    let first = browser.text("tr#b0").await;
    assert!(
        first.contains("我們去公園散步") && first.contains("We go for a walk"),
        "{first}"
    );
    let saved = served.read("alignments/zh/a.txt.toml");
    assert_eq!(saved.matches("[[bead]]").count(), 2, "{saved}");
    browser.screenshot("align-merged").await;
    // Export TMX: the browser downloads it.
    browser.click("#export-tmx").await;
    let tmx_path = browser.downloads().join("a.tmx");
    browser
        .eventually("the TMX download", 30, async || tmx_path.is_file())
        .await;
    let tmx = std::fs::read_to_string(&tmx_path).unwrap();
    assert_eq!(tmx.matches("<tu ").count(), 2, "{tmx}");
    assert!(
        tmx.contains("<seg>今天天氣很好。我們去公園散步。</seg>"),
        "{tmx}"
    );
    assert!(
        tmx.contains("<seg>The weather is fine today. We go for a walk in the park.</seg>"),
        "{tmx}"
    );
    browser.close().await;
}
