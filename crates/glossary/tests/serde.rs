//! The JSON of the types that leave the library (`serde` feature; the
//! crate's dev-dependency on itself turns it on for its tests).

#![cfg(feature = "serde")]

use bianyi_glossary::{Finding, Glossary, Lang, Segments, qa};

#[test]
fn entry_json_has_only_the_fields_set() {
    let g = Glossary::from_toml(
        r#"
[[entry]]
id = "model"
domain = "tests"
terms = [
  { lang = "en", text = "Model", pos = "noun", case_sensitive = true, note = "capitalised" },
  { lang = "zh-Hant", text = "模型", status = "forbidden" },
]
"#,
    )
    .unwrap();
    assert_eq!(
        serde_json::to_string(&g.entries[0]).unwrap(),
        concat!(
            r#"{"id":"model","domain":"tests","terms":["#,
            r#"{"lang":"en","text":"Model","status":"preferred","pos":"noun","case_sensitive":true,"note":"capitalised"},"#,
            r#"{"lang":"zh-Hant","text":"模型","status":"forbidden"}]}"#
        )
    );
}

#[test]
fn finding_json_is_flat_with_a_kind() {
    let g = Glossary::from_toml(
        r#"
[[entry]]
id = "gadget"
terms = [
  { lang = "zh-Hant", text = "小工具" },
  { lang = "en", text = "gadget", status = "forbidden" },
]
"#,
    )
    .unwrap();
    let (zh, en): (Lang, Lang) = ("zh-Hant".parse().unwrap(), "en".parse().unwrap());
    let findings = qa(
        &g,
        &zh,
        &en,
        &Segments::whole("一個小工具。"),
        &Segments::whole("A small gadget."),
    )
    .unwrap();
    assert!(matches!(findings[0], Finding::Forbidden { .. }));
    assert_eq!(
        serde_json::to_string(&findings[0]).unwrap(),
        concat!(
            r#"{"kind":"forbidden","paragraph":1,"line":1,"column":9,"byte":8,"#,
            r#""term":"gadget","id":"gadget","preferred":null}"#
        )
    );
}
