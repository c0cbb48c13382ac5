//! What the unit tests share.

/// xorshift64*: deterministic, no dependency.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub(crate) fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % (n as u64)).unwrap_or(0)
    }

    pub(crate) fn pick<'a>(&mut self, pieces: &[&'a str]) -> &'a str {
        pieces.get(self.below(pieces.len())).copied().unwrap_or("")
    }

    /// Up to `n` pieces, glued.
    pub(crate) fn doc(&mut self, pieces: &[&str], n: usize) -> String {
        let len = self.below(n);
        (0..len).map(|_| self.pick(pieces)).collect()
    }
}
