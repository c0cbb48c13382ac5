//! Arbitrary Fluent, PO and JSON files: parsing never panics; an identity
//! rewrite always verifies; a Simplified → Traditional rewrite verifies or
//! is refused, never panics.
#![no_main]

use bianyi_convert::{Config, Converter};
use bianyi_rewrite::{L10nFormat, LocaleFile, verify};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (u8, &str)| {
    let (selector, text) = input;
    let format = [L10nFormat::Fluent, L10nFormat::Po, L10nFormat::Json][usize::from(selector) % 3];
    let Ok(doc) = LocaleFile::parse(format, text) else {
        return;
    };
    for unit in doc.units() {
        let _ = doc.display(unit);
    }
    let same = doc.rewrite(&mut |_, _, s| s.to_string(), Some("zh_TW"));
    verify(format, text, &same).expect("identity verifies");
    let conv = Converter::new(Config::S2t);
    let converted = doc.rewrite(&mut |_, _, s| conv.convert(s), None);
    let _ = verify(format, text, &converted);
});
