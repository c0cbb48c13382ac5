//! A compiled matcher as bytes, so that a large glossary's automaton can be
//! cached between runs (building it is most of the load time).

use daachorse::CharwiseDoubleArrayAhoCorasick;

use crate::error::{Error, ErrorKind};
use crate::matcher::{Candidate, Matcher, Pattern};
use crate::model::Glossary;

const MAGIC: &[u8; 8] = b"BYMATCH1";

fn bad(what: &str) -> Error {
    Error::new(ErrorKind::Syntax {
        format: crate::error::Format::Toml,
        message: format!("compiled matcher: {what}"),
    })
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
    fn u32(&mut self) -> Result<u32, Error> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn usize(&mut self) -> Result<usize, Error> {
        usize::try_from(self.u32()?).map_err(|_| bad("size"))
    }
}

fn put(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&u32::try_from(n).unwrap_or(u32::MAX).to_le_bytes());
}

impl Matcher {
    /// The matcher as bytes (see [`Matcher::from_bytes`]).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        put(&mut out, self.automata.len());
        for a in &self.automata {
            let bytes = a.serialize();
            put(&mut out, bytes.len());
            out.extend_from_slice(&bytes);
        }
        put(&mut out, self.patterns.len());
        for p in &self.patterns {
            out.push(u8::from(p.word_start) | (u8::from(p.word_end) << 1));
            put(&mut out, p.candidates.len());
            for c in &p.candidates {
                put(&mut out, c.entry);
                put(&mut out, c.term);
                match &c.exact {
                    None => out.push(0),
                    Some(e) => {
                        out.push(1);
                        put(&mut out, e.len());
                        out.extend_from_slice(e.as_bytes());
                    }
                }
            }
        }
        out
    }

    /// A matcher read back from [`Matcher::to_bytes`], for `glossary` (the
    /// glossary it was built from: every entry and term index is checked
    /// against it, so a stale or damaged cache is an error, never a wrong
    /// index).
    pub fn from_bytes(bytes: &[u8], glossary: &Glossary) -> Result<Matcher, Error> {
        let mut r = Reader { bytes };
        if r.take(MAGIC.len())? != MAGIC {
            return Err(bad("not a compiled matcher"));
        }
        let n = r.usize()?;
        let mut automata = Vec::new();
        for _ in 0..n {
            let len = r.usize()?;
            let (a, rest) = CharwiseDoubleArrayAhoCorasick::<u32>::deserialize(r.take(len)?)
                .map_err(|e| bad(&e.to_string()))?;
            if !rest.is_empty() {
                return Err(bad("automaton size"));
            }
            automata.push(a);
        }
        let n = r.usize()?;
        let mut patterns = Vec::with_capacity(n.min(1 << 24));
        for _ in 0..n {
            let flags = r.take(1)?[0];
            let k = r.usize()?;
            let mut candidates = Vec::with_capacity(k.min(1 << 16));
            for _ in 0..k {
                let entry = r.usize()?;
                let term = r.usize()?;
                if glossary
                    .entries
                    .get(entry)
                    .and_then(|e| e.terms.get(term))
                    .is_none()
                {
                    return Err(bad("index out of the glossary"));
                }
                let exact = match r.take(1)?[0] {
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
            });
        }
        if !r.bytes.is_empty() {
            return Err(bad("trailing bytes"));
        }
        // Every automaton value must name a pattern.
        Ok(Matcher { automata, patterns })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_damage() {
        let g = Glossary::from_toml(
            "[[entry]]\nid = \"a\"\nterms = [{ lang = \"zh-Hant\", text = \"顏樂存\" }, { lang = \"en\", text = \"LeCun\", case_sensitive = true }]\n",
        )
        .expect("valid");
        let m = Matcher::new(&g, |_| true).expect("builds");
        let bytes = m.to_bytes();
        let back = Matcher::from_bytes(&bytes, &g).expect("reads back");
        let text = "颜乐存和LeCun、lecun";
        assert_eq!(back.find(text), m.find(text));
        assert_eq!(back.find(text).len(), 2);
        for cut in [0, 5, bytes.len() / 2, bytes.len() - 1] {
            assert!(
                Matcher::from_bytes(&bytes[..cut], &g).is_err(),
                "cut at {cut}"
            );
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(Matcher::from_bytes(&longer, &g).is_err());
        // Built for another glossary: indices do not fit.
        assert!(Matcher::from_bytes(&bytes, &Glossary::new()).is_err());
    }
}
