//! Arbitrary strings (bytes decoded as UTF-16 with replacement too, as a
//! UTF-16 input would be) through the TMX and XLIFF writers and the HTML
//! report: XML is well-formed, HTML carries no markup from the input.
#![no_main]

use bianyi_align::{Bead, Bitext, Segment};
use libfuzzer_sys::fuzz_target;

fn well_formed(xml: &str) {
    let mut r = quick_xml::Reader::from_str(xml);
    loop {
        match r.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("{e}: {xml}"),
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let units: Vec<u16> = data
        .chunks_exact(2)
        .map(|c| u16::from_le_bytes([c[0], c[1]]))
        .collect();
    let a = String::from_utf16_lossy(&units);
    let b = String::from_utf8_lossy(data).into_owned();
    let seg = |t: &str| Segment::new(t, 0, 0);
    let bitext = Bitext::new(
        "zh-Hant",
        "en",
        vec![seg(&a), seg(&b)],
        vec![seg(&b)],
        vec![Bead::new(vec![0, 1], vec![0], 0.5)],
    );
    well_formed(&bianyi_formats::tmx(&bitext, "0"));
    well_formed(&bianyi_formats::xliff(&bitext));
    let html = bianyi_formats::html(&bianyi_formats::Report::new(&bitext, &a));
    assert!(!html.contains("<script"), "{html}");
});
