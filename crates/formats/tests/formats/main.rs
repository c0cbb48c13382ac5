//! The writers of bianyi-formats on hand-made bitexts: golden files,
//! validity (TMX against its DTD, XLIFF 2.0 structure), hostile input, and
//! arbitrary text through segmentation, alignment and every writer.
//!
//! `BIANYI_BLESS=1 cargo test -p bianyi-formats` rewrites the golden files
//! in `tests/golden/` from the actual output; review them in the diff.

mod common;
mod golden;
mod hostile;
mod robust;
mod tmx14;
mod validity;
