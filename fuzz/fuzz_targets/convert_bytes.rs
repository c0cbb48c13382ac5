//! Arbitrary bytes through the streaming converter of every config: no
//! panic; invalid UTF-8 is an error at the place `check_utf8` names, after
//! output of text before it only; valid input converts to the same text as
//! whole-text conversion whatever the read sizes.
#![no_main]

use std::io::Read;

use bianyi_convert::{Config, Conversion};
use libfuzzer_sys::fuzz_target;

/// A reader handing out `data` in pieces of varying size.
struct Trickle<'a> {
    data: &'a [u8],
    step: usize,
}

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.step = self.step % 7 + 1;
        let n = self.step.min(buf.len()).min(self.data.len());
        let (head, rest) = self.data.split_at(n);
        buf[..n].copy_from_slice(head);
        self.data = rest;
        Ok(n)
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, data)) = data.split_first() else {
        return;
    };
    let config = Config::ALL[usize::from(selector) % Config::ALL.len()];
    let conv = Conversion::builder(config)
        .tofu_risk(selector & 0x80 != 0)
        .build();
    let mut out = Vec::new();
    let streamed = conv.run().stream(Trickle { data, step: 0 }, &mut out);
    match std::str::from_utf8(data) {
        Ok(text) => {
            assert!(streamed.is_ok(), "valid UTF-8 must convert");
            let whole = conv.convert(text);
            assert_eq!(out, whole.as_bytes(), "streaming = whole text");
            if text.is_ascii() {
                assert_eq!(whole, text, "ASCII is never changed");
            }
        }
        Err(_) => {
            // At the place the plain check names, and after the output of
            // the text before it only.
            let said = streamed.map_err(|e| e.to_string()).err();
            let checked = bianyi_convert::check_utf8(data)
                .map_err(|e| e.to_string())
                .err();
            assert!(said.is_some(), "invalid UTF-8 is an error");
            assert_eq!(said, checked, "the error's position");
            let valid = std::str::from_utf8(data)
                .map_err(|e| e.valid_up_to())
                .err()
                .unwrap_or(0);
            let before = std::str::from_utf8(&data[..valid]).unwrap_or_default();
            assert!(
                conv.convert(before).as_bytes().starts_with(&out),
                "output before the error"
            );
        }
    }
    assert!(std::str::from_utf8(&out).is_ok(), "output is UTF-8");
});
