//! Concept-based termbases for Chinese text: the model, its canonical TOML
//! form, interchange formats, matching that is insensitive to script
//! variants and character width, and application of terms during
//! conversion.
//!
//! ```
//! use bianyi_glossary::Glossary;
//!
//! let g = Glossary::from_toml(r#"
//! [[entry]]
//! id = "yann-lecun"
//! terms = [
//!   { lang = "zh-Hant", text = "顏樂存" },
//!   { lang = "zh-Hans", text = "杨立昆" },
//!   { lang = "en", text = "Yann LeCun" },
//! ]
//! "#)?;
//! assert_eq!(g.entries[0].terms.len(), 3);
//! # Ok::<(), bianyi_glossary::Error>(())
//! ```
//!
//! # Features
//!
//! - `serde` (off by default): `serde::Serialize` for the types that leave
//!   the library: [`Entry`], [`Term`], [`Lang`] (its tag), [`Status`],
//!   [`Finding`] (one flat object with a `kind`), [`Location`] and
//!   [`Candidate`]. Each type's documentation gives its JSON shape;
//!   `bianyi glossary list --json` and `bianyi qa --json` write these
//!   objects (with their keys sorted, and the file's name for findings).

mod apply;
mod check;
mod error;
mod extract;
mod fast_toml;
mod fold;
mod io;
mod matcher;
mod matcher_cache;
mod model;
mod qa;
mod stack;
mod tbx;
mod toml_io;
mod tsv;

pub use apply::{Applied, Applier, Mentions, TermHook, TermMode};
pub use check::{NESTED_EXAMPLES, Problem, check};
pub use error::{Error, ErrorKind, Format, Location};
pub use extract::{
    Candidate, extract, to_glossary as candidates_to_glossary, to_tsv as candidates_to_tsv,
    to_tsv_headed as candidates_to_tsv_headed, to_tsv_with as candidates_to_tsv_with,
};
pub use fold::fold as fold_key;
pub use io::Columns;
pub use matcher::{Match, Matcher};
pub use model::{ChineseScript, Entry, Glossary, Lang, Status, Term};
pub use qa::{Finding, Segments, qa};
pub use stack::{Conflict, stack};
pub use tsv::Formulas;
