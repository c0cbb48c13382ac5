//! Arbitrary bytes through the streaming converter of every config: no
//! panic; invalid UTF-8 is an error, valid input converts to the same text
//! as whole-text conversion whatever the read sizes.
#![no_main]

use std::io::Read;

use bianyi_convert::{Config, Converter};
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
    let conv = Converter::builder(config)
        .tofu_risk(selector & 0x80 != 0)
        .build();
    let mut out = Vec::new();
    let streamed = conv.convert_stream(Trickle { data, step: 0 }, &mut out);
    match std::str::from_utf8(data) {
        Ok(text) => {
            assert!(streamed.is_ok(), "valid UTF-8 must convert");
            let whole = conv.convert(text);
            assert_eq!(out, whole.as_bytes(), "streaming = whole text");
            if text.is_ascii() {
                assert_eq!(whole, text, "ASCII is never changed");
            }
        }
        Err(_) => assert!(streamed.is_err(), "invalid UTF-8 is an error"),
    }
    assert!(std::str::from_utf8(&out).is_ok(), "output is UTF-8");
});
