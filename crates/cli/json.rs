//! JSON output: records derived from the libraries' `Serialize` (their
//! `serde` feature), written one per line with the keys of every object in
//! alphabetical order, whatever order the types declare them in and
//! whatever cargo features of serde_json another crate turns on.

use serde::Serialize;

/// `value` as JSON on one line (no line break at the end), the keys of
/// every object sorted.
pub(crate) fn to_line<T: Serialize + ?Sized>(value: &T) -> String {
    // The records written here hold strings, numbers, booleans, options and
    // sequences of them, with string keys: serializing them cannot fail.
    let mut v = serde_json::to_value(value).unwrap_or(serde_json::Value::Null);
    v.sort_all_objects();
    v.to_string()
}

#[cfg(test)]
mod tests {
    #[derive(serde::Serialize)]
    struct Unsorted {
        zebra: u8,
        inner: Inner,
        alpha: Option<&'static str>,
    }

    #[derive(serde::Serialize)]
    struct Inner {
        y: bool,
        b: [u8; 2],
    }

    #[test]
    fn keys_are_sorted_at_every_level() {
        let v = Unsorted {
            zebra: 1,
            inner: Inner { y: true, b: [2, 3] },
            alpha: None,
        };
        assert_eq!(
            super::to_line(&v),
            "{\"alpha\":null,\"inner\":{\"b\":[2,3],\"y\":true},\"zebra\":1}"
        );
    }
}
