//! The manifest: what the last build read and wrote, by content hash, in
//! the cache folder (`.bianyi/manifest.json`).

use std::collections::BTreeMap;
use std::path::Path;
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The manifest's file name in the cache folder.
pub(crate) const MANIFEST: &str = "manifest.json";

/// The format of the manifest; another one is read as empty.
const FORMAT: u32 = 1;

/// Size and modification time of a file: when both are as recorded, the
/// recorded hash is trusted without reading the file (as make and Cargo
/// trust modification times).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Stamp {
    pub(crate) size: u64,
    pub(crate) mtime_ns: u128,
}

impl Stamp {
    /// The stamp of `path`, `None` if it is not a file.
    pub(crate) fn of(path: &Path) -> Option<Stamp> {
        let meta = std::fs::metadata(path).ok()?;
        if !meta.is_file() {
            return None;
        }
        let mtime_ns = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        Some(Stamp {
            size: meta.len(),
            mtime_ns,
        })
    }
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub(crate) struct InputRecord {
    pub(crate) stamp: Stamp,
    pub(crate) hash: String,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub(crate) struct OutputRecord {
    pub(crate) input: String,
    pub(crate) target: String,
    /// Hash of the input's hash and of everything the output may depend
    /// on (settings, every glossary and override, bianyi's version).
    pub(crate) cheap: String,
    /// Hash of the input's hash and of what it does depend on (settings,
    /// the glossary entries and decisions found in it, bianyi's version).
    pub(crate) deep: String,
    /// Hash of the bytes written.
    pub(crate) hash: String,
    pub(crate) stamp: Stamp,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub(crate) struct Manifest {
    pub(crate) format: u32,
    pub(crate) inputs: BTreeMap<String, InputRecord>,
    pub(crate) outputs: BTreeMap<String, OutputRecord>,
}

impl Manifest {
    /// The manifest in `path`; empty if there is none or it does not read.
    pub(crate) fn read(path: &Path) -> Manifest {
        std::fs::read(path)
            .ok()
            .and_then(|b| serde_json::from_slice::<Manifest>(&b).ok())
            .filter(|m| m.format == FORMAT)
            .unwrap_or_default()
    }

    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut m = self.clone();
        m.format = FORMAT;
        let mut bytes = serde_json::to_vec_pretty(&m).unwrap_or_default();
        bytes.push(b'\n');
        bytes
    }
}

/// A content hash: SHA-256, the first 128 bits in hex.
pub(crate) fn hash(bytes: &[u8]) -> String {
    hash_parts(&[bytes])
}

/// The hash of several parts, each length-prefixed.
pub(crate) fn hash_parts(parts: &[&[u8]]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update((p.len() as u64).to_le_bytes());
        h.update(p);
    }
    let digest = h.finalize();
    digest[..16].iter().map(|b| format!("{b:02x}")).collect()
}
