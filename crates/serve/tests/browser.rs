//! End-to-end tests of the workspace in a real headless Chromium driven by
//! WebDriver (tests/support/browser.rs): what a reviewer clicks, what the
//! page then shows, and what is saved in the project's files.

#![cfg(test)]

mod support;

use support::browser::{Browser, Served};

/// The example project served, built from its file list, and the browser
/// on the zh-Hans view of its article about Meta.
async fn built_desk(browser: &Browser) -> Served {
    let served = Served::example("desk").await;
    browser.goto(&format!("{}/", served.base)).await;
    browser.click("form[action=\"/build\"] button").await;
    browser
        .eventually("the build", 15, async || {
            served.read("out/zh-Hans/meta-ai.txt").contains("藏着")
        })
        .await;
    let doc = format!(
        "{}/doc?file=articles/meta-ai.zh-Hant.txt&target=zh-Hans",
        served.base
    );
    browser.goto(&doc).await;
    served
}

const ZH_HANS: &str = "section[data-target=\"zh-Hans\"] pre";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn choosing_an_alternative_changes_the_output_and_saves_the_decision() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let served = built_desk(&browser).await;
    let before = browser.text(ZH_HANS).await;
    assert!(before.contains("背后藏着哪些"), "{before}");
    // The first ambiguity is 著, converted to 着; the reviewer keeps 著.
    assert!(browser.text("li#a0 > b").await.contains('著'));
    browser.screenshot("doc-before").await;
    browser.click("li#a0 button[value=\"著\"]").await;
    browser
        .eventually("the page with the decision", 15, async || {
            browser.text(ZH_HANS).await.contains("背后藏著哪些")
        })
        .await;
    let url = browser.client.current_url().await.expect("url");
    assert_eq!(
        url.fragment(),
        Some("a0"),
        "back at the same ambiguity: {url}"
    );
    let overrides = served.read("overrides.toml");
    assert!(
        overrides
            .contains("context = \"場豪賭背后藏著哪些關鍵布局\"\nsource = \"著\"\noutput = \"著\""),
        "{overrides}"
    );
    assert!(served.read("out/zh-Hans/meta-ai.txt").contains("藏著"));
    browser.screenshot("doc-decided").await;
    browser
        .screenshot_of("ol.ambiguities", "serve-ambiguities")
        .await;
    browser.close().await;
}

/// Selects the first occurrence of `text` in the source column, as a
/// mouse would, and releases the button there.
const SELECT: &str = r#"
const [text] = arguments;
const pre = document.querySelector(".columns > section:first-child pre.text");
const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
for (let n = walker.nextNode(); n; n = walker.nextNode()) {
  const i = n.data.indexOf(text);
  if (i < 0) continue;
  const range = document.createRange();
  range.setStart(n, i);
  range.setEnd(n, i + text.length);
  const sel = window.getSelection();
  sel.removeAllRanges();
  sel.addRange(range);
  pre.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
  return true;
}
return false;
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_term_added_from_a_selection_is_applied_to_the_output() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let served = built_desk(&browser).await;
    assert!(!browser.text(ZH_HANS).await.contains("智东西网"));
    // Terms of the glossary are marked in the source, their entry in the title.
    let title = browser
        .script(
            "return [...document.querySelectorAll('mark.term')]\
             .map(m => m.textContent + '=' + m.title).join('\\n');",
        )
        .await;
    assert!(
        title
            .as_str()
            .unwrap_or("")
            .contains("扎克伯格=mark-zuckerberg · "),
        "{title}"
    );
    let selected = browser
        .client
        .execute(SELECT, vec![serde_json::json!("智東西")])
        .await
        .expect("select");
    assert_eq!(selected, serde_json::json!(true));
    let prefilled = browser
        .script("return [document.getElementById('add-term').open, document.querySelector('#add-term input.term-source').value];")
        .await;
    assert_eq!(prefilled, serde_json::json!([true, "智東西"]));
    browser
        .fill("#add-term input.term-target", "智东西网")
        .await;
    browser.screenshot("add-term").await;
    browser.screenshot_of("#add-term", "serve-add-term").await;
    browser.click("#add-term button").await;
    browser
        .eventually("the output with the new term", 15, async || {
            browser.text(ZH_HANS).await.contains("智东西网")
        })
        .await;
    let glossary = served.read("glossary.toml");
    assert!(
        glossary.contains("{ lang = \"zh-Hans\", text = \"智东西网\", status = \"preferred\" }"),
        "{glossary}"
    );
    assert!(
        served
            .read("out/zh-Hans/meta-ai.txt")
            .contains("智东西网12月17日")
    );
    // The new entry in the glossary editor, found by a search.
    browser
        .goto(&format!("{}/glossary?q=%E6%99%BA", served.base))
        .await;
    let found = browser.text("section.glossary table.entries").await;
    assert!(
        found.contains("智东西网") && !found.contains("Avocado"),
        "{found}"
    );
    browser
        .screenshot_of("section.glossary", "serve-glossary")
        .await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_document_without_a_project_is_decided_and_offered_for_download() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let served = Served::one("衣服干了。\n").await;
    browser
        .goto(&format!("{}/doc?file=a.txt&target=zh-TW", served.base))
        .await;
    const ZH_TW: &str = "section[data-target=\"zh-TW\"] pre";
    assert!(browser.text(ZH_TW).await.contains("衣服幹了"));
    browser.click("li#a0 button[value=\"乾\"]").await;
    browser
        .eventually("the page with the decision", 15, async || {
            browser.text(ZH_TW).await.contains("衣服乾了")
        })
        .await;
    let overrides = served.read("a.txt.overrides.toml");
    assert!(overrides.contains("output = \"乾\""), "{overrides}");
    // The download link of the conversion; no output written.
    let href = browser
        .script("return document.querySelector('a.download').getAttribute('href');")
        .await;
    assert_eq!(href, "/output?file=a.txt&target=zh-TW");
    assert!(!served.dir.path().join("out").exists());
    browser.screenshot("single-doc").await;
    browser.close().await;
}
