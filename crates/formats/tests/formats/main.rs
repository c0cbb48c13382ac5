//! The writers of bianyi-formats on hand-made bitexts: insta snapshots,
//! validity (TMX against its DTD, XLIFF 2.0 structure), hostile input, and
//! arbitrary text through segmentation, alignment and every writer.
//!
//! A changed output fails with a diff and leaves a `.snap.new` beside the
//! snapshot in `tests/formats/snapshots/`; accept it with `cargo insta
//! review` (docs/testing.md).

mod common;
mod golden;
mod hostile;
mod robust;
mod tmx14;
mod validity;
