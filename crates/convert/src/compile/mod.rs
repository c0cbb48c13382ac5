//! The compiler of OpenCC configs into the engine's tables, shared by
//! build.rs (which compiles the vendored configs into the embedded blob,
//! including this module with `#[path]`) and the library (which compiles
//! a config loaded at run time, src/custom.rs, into the same structures).
//!
//! - `opencc` reads OpenCC's configs and text dictionaries and flattens a
//!   config's dictionary groups into one dictionary per stage;
//! - `trie` builds the breadth-first tries (general path) and the double
//!   arrays (fast path) with their tables of root slots;
//! - `blob` writes arrays in the target's byte order, the string pool, and
//!   the character tables shared in blocks;
//! - `plan` compiles configs into plans (`Compiler`, `compile_config`);
//! - `layouts` describes where everything is in the blob.

// Each side uses its part: build.rs the derivations' helpers and the
// rendering of layouts, the library the loading of one config.
#![allow(
    dead_code,
    reason = "shared by build.rs and the library, which each use a part"
)]
#![allow(
    clippy::expect_used,
    reason = "invariants of the compiler (sizes checked before compiling user data), not user data"
)]
#![allow(
    clippy::cast_possible_truncation,
    reason = "sizes are checked before compiling (custom::MAX_ENTRIES)"
)]

pub(crate) mod blob;
pub(crate) mod layouts;
pub(crate) mod opencc;
pub(crate) mod plan;
pub(crate) mod trie;
