//! Format-aware rewriting: the text people read in documents ([`doc`]:
//! plain text, Markdown, HTML, SubRip, WebVTT, JSON) and localization files
//! ([`l10n`]: Fluent, gettext PO, JSON) is converted, and every other byte
//! stays as it is.

pub mod doc;
pub mod l10n;
