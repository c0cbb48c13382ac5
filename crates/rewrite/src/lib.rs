//! Format-aware rewriting for bianyi: the text people read in documents and
//! localization files is converted, and every other byte stays as it is.
//!
//! - [`convert_document`] converts a document in a [`DocFormat`] (plain
//!   text, Markdown, HTML, SubRip, WebVTT, JSON) with [`DocOptions`].
//! - [`LocaleFile`] is a localization file in an [`L10nFormat`] (Fluent,
//!   gettext PO, JSON), its messages ([`Unit`]s) and their rewrite;
//!   [`verify`] checks a rewrite before it is written.
//! - [`convert_json_values`] converts the strings under a JSON pointer (one
//!   line of JSON Lines).
//! - [`Error`] says what went wrong ([`ErrorKind`]) and where (line,
//!   column, byte offset).
//!
//! Every format is read the same way: it finds the *runs* of a text, the
//! byte ranges written for people, already cut around what a converter must
//! not see (markup, code, URLs, placeholders, keys), and hands each run to
//! the caller's function; the result is spliced back into the original
//! bytes. Afterwards the output is read again and everything outside the
//! runs is compared with the input, so a converter that writes markup (a
//! glossary term rendered as `<b>` or `{ $x }`) is refused rather than
//! allowed to change a document's structure. Nothing here prints, touches
//! files or panics on its input.
//!
//! ```
//! use bianyi_rewrite::{DocFormat, DocOptions, L10nFormat, LocaleFile, convert_document, verify};
//!
//! let hant = |s: &str| s.replace('简', "簡").replace('体', "體");
//!
//! let page = "<p title=\"简体\">简体 <code>简体</code></p>\n";
//! let out = convert_document(DocFormat::Html, page, &DocOptions::default(), &mut |s| hant(s))?;
//! assert_eq!(out, "<p title=\"簡體\">簡體 <code>简体</code></p>\n");
//!
//! let ftl = "hello = 简体 { $name }\n";
//! let file = LocaleFile::parse(L10nFormat::Fluent, ftl)?;
//! let out = file.rewrite(&mut |_unit, _run, s| hant(s), None);
//! assert_eq!(out, "hello = 簡體 { $name }\n");
//! verify(L10nFormat::Fluent, ftl, &out)?;
//! Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![deny(missing_docs)]

mod doc;
mod error;
mod json;
mod l10n;
mod placeholder;
mod runs;
#[cfg(test)]
mod testing;

pub use doc::{DocFormat, DocOptions, convert_document};
pub use error::{Error, ErrorKind};
pub use json::convert_json_values;
pub use l10n::{L10nFormat, LocaleFile, Unit, verify};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_types_are_send_and_sync() {
        fn ok<T: Send + Sync>() {}
        ok::<DocFormat>();
        ok::<DocOptions>();
        ok::<L10nFormat>();
        ok::<LocaleFile<'_>>();
        ok::<Unit>();
        ok::<Error>();
        ok::<ErrorKind>();
    }
}
