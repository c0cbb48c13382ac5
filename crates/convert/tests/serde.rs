//! The JSON of the types that leave the library (`serde` feature; the
//! crate's dev-dependency on itself turns it on for its tests).

#![cfg(feature = "serde")]

use bianyi_convert::{Config, Conversion, Detector};

#[test]
fn detection_json() {
    let mut d = Detector::new().with_examples();
    d.feed("軟體和網路都在記憶體裡，頭髮也是。\n");
    let json = serde_json::to_string(&d.detection()).unwrap();
    assert_eq!(
        json,
        concat!(
            r#"{"script":"traditional","standard":"taiwan","mainland_origin":false,"#,
            r#""confidence":0.9846,"probabilities":{"simplified":0.0,"traditional":0.9853,"#,
            r#""mixed":0.0147,"taiwan":0.9992,"hong_kong":0.0006,"opencc":0.0002,"#,
            r#""mainland_origin":0.0001},"counts":{"characters":17,"han":15,"simplified":0,"#,
            r#""traditional":9,"shared":0,"not_taiwan":0,"not_hong_kong":0,"not_opencc":0,"#,
            r#""taiwan_forms":1,"hong_kong_forms":0,"cantonese":0,"#,
            r#""mainland_vs_taiwan_words":0,"taiwan_words":3,"#,
            r#""mainland_vs_hong_kong_words":0,"hong_kong_words":0}}"#
        )
    );
    let evidence = serde_json::to_string(&d.evidence()[1]).unwrap();
    assert_eq!(
        evidence,
        r#"{"kind":"taiwan-forms","count":1,"examples":["裡"]}"#
    );
}

#[test]
fn empty_detection_says_so() {
    let json = serde_json::to_value(Detector::new().detection()).unwrap();
    assert_eq!(json["script"], "empty");
    assert_eq!(json["standard"], serde_json::Value::Null);
}

#[test]
fn ambiguity_json() {
    let found = Conversion::new(Config::S2t).ambiguities("头发很长");
    let json = serde_json::to_string(&found[0]).unwrap();
    assert_eq!(
        json,
        concat!(
            r#"{"byte":3,"char":1,"line":1,"column":2,"source":"发","output":"髮","#,
            r#""alternatives":["發","髮"],"rule":"phrase","risk":10}"#
        )
    );
}
