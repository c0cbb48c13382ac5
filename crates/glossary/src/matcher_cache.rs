//! A compiled matcher as bytes, so that a large glossary's automaton can be
//! cached between runs (building it is most of the load time).

use daachorse::CharwiseDoubleArrayAhoCorasick;

use crate::error::{Error, ErrorKind};
use crate::fold::fold;
use crate::matcher::{Candidate, Matcher, Pattern};
use crate::model::Glossary;

// Version 2 added the glossary digest and the checksum.
const MAGIC: &[u8; 8] = b"BYMATCH2";

fn bad(what: &str) -> Error {
    Error::new(ErrorKind::Cache {
        message: what.to_string(),
    })
}

/// 64-bit FNV-1a: fixed, portable and deterministic (unlike std's
/// `DefaultHasher`, whose algorithm may change between Rust releases).
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    fn bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
    /// A length-prefixed field, so that ("ab", "c") and ("a", "bc") differ.
    fn field(&mut self, bytes: &[u8]) {
        self.bytes(&(bytes.len() as u64).to_le_bytes());
        self.bytes(bytes);
    }
}

/// A digest of everything in `glossary` that a matcher depends on: each
/// term's position, language, text and case rule. A cache built for
/// another glossary, even one of the same shape, does not match it.
fn glossary_digest(glossary: &Glossary) -> u64 {
    let mut h = Fnv::new();
    h.field(&(glossary.entries.len() as u64).to_le_bytes());
    for entry in &glossary.entries {
        h.field(&(entry.terms.len() as u64).to_le_bytes());
        for term in &entry.terms {
            h.field(term.lang.as_str().as_bytes());
            h.field(term.text.as_bytes());
            h.bytes(&[u8::from(term.case_sensitive)]);
        }
    }
    h.0
}

fn checksum(bytes: &[u8]) -> u64 {
    let mut h = Fnv::new();
    h.bytes(bytes);
    h.0
}

struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], Error> {
        if self.bytes.len() < n {
            return Err(bad("truncated"));
        }
        let (a, b) = self.bytes.split_at(n);
        self.bytes = b;
        Ok(a)
    }
    fn u8(&mut self) -> Result<u8, Error> {
        self.take(1)?
            .first()
            .copied()
            .ok_or_else(|| bad("truncated"))
    }
    fn u32(&mut self) -> Result<u32, Error> {
        let b = self.take(4)?;
        let b: [u8; 4] = b.try_into().map_err(|_| bad("truncated"))?;
        Ok(u32::from_le_bytes(b))
    }
    fn u64(&mut self) -> Result<u64, Error> {
        let b = self.take(8)?;
        let b: [u8; 8] = b.try_into().map_err(|_| bad("truncated"))?;
        Ok(u64::from_le_bytes(b))
    }
    fn usize(&mut self) -> Result<usize, Error> {
        usize::try_from(self.u32()?).map_err(|_| bad("size"))
    }
    /// A count of items of at least `min_size` bytes each, checked against
    /// the bytes left so that a damaged count cannot reserve gigabytes.
    fn count(&mut self, min_size: usize) -> Result<usize, Error> {
        let n = self.usize()?;
        if n.saturating_mul(min_size) > self.bytes.len() {
            return Err(bad("count larger than the file"));
        }
        Ok(n)
    }
}

fn put(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&u32::try_from(n).unwrap_or(u32::MAX).to_le_bytes());
}

impl Matcher {
    /// The matcher as bytes (see [`Matcher::from_bytes`]). `glossary` is the
    /// glossary it was built from; its digest is stored with the matcher.
    pub fn to_bytes(&self, glossary: &Glossary) -> Vec<u8> {
        let mut body = Vec::new();
        put(&mut body, self.automata.len());
        for a in &self.automata {
            let bytes = a.serialize();
            put(&mut body, bytes.len());
            body.extend_from_slice(&bytes);
        }
        put(&mut body, self.patterns.len());
        for p in &self.patterns {
            body.push(u8::from(p.word_start) | (u8::from(p.word_end) << 1));
            put(&mut body, p.candidates.len());
            for c in &p.candidates {
                put(&mut body, c.entry);
                put(&mut body, c.term);
                match &c.exact {
                    None => body.push(0),
                    Some(e) => {
                        body.push(1);
                        put(&mut body, e.len());
                        body.extend_from_slice(e.as_bytes());
                    }
                }
            }
        }
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&glossary_digest(glossary).to_le_bytes());
        out.extend_from_slice(&checksum(&body).to_le_bytes());
        out.extend_from_slice(&body);
        out
    }

    /// A matcher read back from [`Matcher::to_bytes`], for `glossary`, the
    /// glossary it was built from (and with the same term filter).
    ///
    /// A cache built for another glossary (any term changed, added or
    /// removed) is refused by its digest, a damaged one by its checksum
    /// and index checks; either is an [`ErrorKind::Cache`] error, never a
    /// wrong match or a panic.
    pub fn from_bytes(bytes: &[u8], glossary: &Glossary) -> Result<Matcher, Error> {
        let mut r = Reader { bytes };
        if r.take(MAGIC.len())? != MAGIC {
            return Err(bad("not a compiled matcher of this version"));
        }
        if r.u64()? != glossary_digest(glossary) {
            return Err(bad("built for another glossary"));
        }
        if r.u64()? != checksum(r.bytes) {
            return Err(bad("checksum mismatch"));
        }
        // An automaton is a length and its bytes.
        let n = r.count(4)?;
        let mut automata = Vec::with_capacity(n);
        for _ in 0..n {
            let len = r.usize()?;
            let (a, rest) = CharwiseDoubleArrayAhoCorasick::<u32>::deserialize(r.take(len)?)
                .map_err(|e| bad(&e.to_string()))?;
            if !rest.is_empty() {
                return Err(bad("automaton size"));
            }
            // Searching asserts the kind the matcher builds.
            if a.match_kind() != daachorse::MatchKind::Standard {
                return Err(bad("automaton kind"));
            }
            automata.push(a);
        }
        // A pattern is at least its flags and candidate count.
        let n = r.count(5)?;
        let mut patterns = Vec::with_capacity(n);
        for _ in 0..n {
            let flags = r.u8()?;
            // A candidate is at least two indices and a flag.
            let k = r.count(9)?;
            let mut candidates = Vec::with_capacity(k);
            let mut len = None;
            for _ in 0..k {
                let entry = r.usize()?;
                let term = r.usize()?;
                let Some(t) = glossary.entries.get(entry).and_then(|e| e.terms.get(term)) else {
                    return Err(bad("index out of the glossary"));
                };
                // The key length comes from the glossary, not the file.
                let folded = fold(&t.text).len();
                if *len.get_or_insert(folded) != folded {
                    return Err(bad("terms of one pattern differ"));
                }
                let exact = match r.u8()? {
                    0 => None,
                    _ => {
                        let len = r.usize()?;
                        Some(String::from_utf8(r.take(len)?.to_vec()).map_err(|_| bad("text"))?)
                    }
                };
                candidates.push(Candidate { entry, term, exact });
            }
            patterns.push(Pattern {
                candidates,
                word_start: flags & 1 != 0,
                word_end: flags & 2 != 0,
                len: len.unwrap_or(0),
            });
        }
        if !r.bytes.is_empty() {
            return Err(bad("trailing bytes"));
        }
        // Automaton values that name no pattern, and match ends that do
        // not fit the text, are skipped when searching.
        Ok(Matcher { automata, patterns })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two_entries() -> Glossary {
        Glossary::from_toml(
            "[[entry]]\nid = \"a\"\nterms = [{ lang = \"zh-Hant\", text = \"顏樂存\" }, { lang = \"en\", text = \"LeCun\", case_sensitive = true }]\n\
             [[entry]]\nid = \"b\"\nterms = [{ lang = \"en\", text = \"AI\" }]\n",
        )
        .expect("valid")
    }

    /// The bytes with the checksum recomputed, as a deliberately crafted
    /// file would have it.
    fn resealed(mut bytes: Vec<u8>) -> Vec<u8> {
        let sum = checksum(&bytes[24..]).to_le_bytes();
        bytes[16..24].copy_from_slice(&sum);
        bytes
    }

    #[test]
    fn round_trip_and_damage() {
        let g = two_entries();
        let m = Matcher::new(&g, |_| true).expect("builds");
        let bytes = m.to_bytes(&g);
        let back = Matcher::from_bytes(&bytes, &g).expect("reads back");
        let text = "颜乐存和LeCun、lecun、AI";
        assert_eq!(back.find(text), m.find(text));
        assert_eq!(back.find(text).len(), 3);
        for cut in [0, 5, 20, bytes.len() / 2, bytes.len() - 1] {
            assert!(
                Matcher::from_bytes(&bytes[..cut], &g).is_err(),
                "cut at {cut}"
            );
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(Matcher::from_bytes(&longer, &g).is_err());
        assert!(matches!(
            Matcher::from_bytes(&bytes, &Glossary::new()).map(|_| ()),
            Err(e) if matches!(e.kind(), ErrorKind::Cache { .. })
        ));
    }

    // Regression: a cache built for a glossary of the same shape (one
    // entry, one term) was accepted and reported 馬斯克 for 顏樂存.
    #[test]
    fn stale_cache_is_refused() {
        let old = Glossary::from_toml(
            "[[entry]]\nid = \"a\"\nterms = [{ lang = \"zh-Hant\", text = \"顏樂存\" }]\n",
        )
        .expect("valid");
        let new = Glossary::from_toml(
            "[[entry]]\nid = \"a\"\nterms = [{ lang = \"zh-Hant\", text = \"馬斯克\" }]\n",
        )
        .expect("valid");
        let bytes = Matcher::new(&old, |_| true).expect("builds").to_bytes(&old);
        assert!(Matcher::from_bytes(&bytes, &old).is_ok());
        assert!(Matcher::from_bytes(&bytes, &new).is_err());
    }

    // Regression: one changed byte (a match length stored in the
    // automaton, 2 → 50) made `find` panic. Any change is now refused by the
    // checksum; with the checksum forged to fit, the matcher may be read but
    // must never panic or report offsets outside the text.
    #[test]
    fn damaged_lengths_never_panic() {
        let g = two_entries();
        let m = Matcher::new(&g, |_| true).expect("builds");
        let bytes = m.to_bytes(&g);
        let text = "顏樂存和LeCun、AI和颜乐存說";
        let find = |damaged: &[u8]| {
            assert!(Matcher::from_bytes(damaged, &g).is_err());
            if let Ok(m) = Matcher::from_bytes(&resealed(damaged.to_vec()), &g) {
                for hit in m.find(text) {
                    assert!(text.get(hit.start..hit.end).is_some());
                }
            }
        };
        // The automaton's outputs are (value, length, parent) as u32s: find
        // each pattern's and change its length.
        let mut changed = 0;
        for (value, p) in m.patterns.iter().enumerate() {
            let mut needle = u32::try_from(value).expect("small").to_le_bytes().to_vec();
            needle.extend_from_slice(&u32::try_from(p.len).expect("small").to_le_bytes());
            for at in
                (24..bytes.len() - needle.len()).filter(|&at| bytes[at..].starts_with(&needle))
            {
                for len in [0, 50, 1000, u32::MAX] {
                    let mut damaged = bytes.clone();
                    damaged[at + 4..at + 8].copy_from_slice(&u32::to_le_bytes(len));
                    find(&damaged);
                    changed += 1;
                }
            }
        }
        assert!(changed >= 12, "outputs not found");
        // Every byte of the automaton's tail (outputs, kind, state count)
        // and of the pattern table.
        let automaton_end = 32 + u32::from_le_bytes(bytes[28..32].try_into().expect("4")) as usize;
        for at in automaton_end.saturating_sub(256)..bytes.len() {
            for new in [bytes[at] ^ 0xff, bytes[at].wrapping_add(48)] {
                let mut damaged = bytes.clone();
                damaged[at] = new;
                find(&damaged);
            }
        }
    }

    #[test]
    fn counts_cannot_reserve_more_than_the_file() {
        let g = Glossary::new();
        let mut bytes = MAGIC.to_vec();
        bytes.extend_from_slice(&glossary_digest(&g).to_le_bytes());
        let body = u32::MAX.to_le_bytes();
        bytes.extend_from_slice(&checksum(&body).to_le_bytes());
        bytes.extend_from_slice(&body);
        assert!(Matcher::from_bytes(&bytes, &g).is_err());
    }
}
