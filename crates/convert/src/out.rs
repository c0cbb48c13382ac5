//! The output buffer of the single-pass engine.
//!
//! Characters are written as whole 4-byte words (the UTF-8 bytes of one
//! character, padded with whatever follows) into a zero-filled byte buffer,
//! and the write position advances by the character's length: one store per
//! character instead of `String::push`'s encoding and capacity checks. The
//! buffer is checked as UTF-8 (SIMD, a fraction of a cycle per byte) when it
//! is appended to the destination `String`, so no unsafe code is needed: the
//! engine only ever writes whole characters taken from the input or from the
//! embedded tables.

/// Flush to the destination once this much output is pending (where the
/// caller allows it), so the buffer stays in cache and memory stays bounded.
const FLUSH_AT: usize = 1 << 17;

/// Bytes a buffer keeps free past the write position, so one character can
/// always be written as a 4-byte word.
const SLACK: usize = 32;

pub(crate) struct Out<'a> {
    buf: Vec<u8>,
    len: usize,
    dest: &'a mut String,
    /// Whether the buffer may be flushed whenever it is full (no
    /// [`Out::truncate`] will go back before the write position).
    flushable: bool,
}

impl<'a> Out<'a> {
    /// A buffer for about `expected` bytes of output appended to `dest`.
    pub(crate) fn new(dest: &'a mut String, expected: usize, flushable: bool) -> Out<'a> {
        Out {
            buf: vec![0; expected.clamp(64, FLUSH_AT + 4096) + SLACK],
            len: 0,
            dest,
            flushable,
        }
    }

    /// Allows or forbids flushing when the buffer is full.
    pub(crate) fn set_flushable(&mut self, yes: bool) {
        self.flushable = yes;
    }

    /// The output length so far, counting what was already flushed.
    #[inline(always)]
    pub(crate) fn pos(&self) -> usize {
        self.dest.len() + self.len
    }

    /// Drops the output after position `pos` (from [`Out::pos`], taken after
    /// the last flush).
    #[inline]
    pub(crate) fn truncate(&mut self, pos: usize) {
        let keep = pos.saturating_sub(self.dest.len());
        self.len = keep.min(self.len);
    }

    /// Writes the first `n` (1 to 4) bytes of the little-endian word `w`.
    #[inline(always)]
    pub(crate) fn word(&mut self, w: u32, n: usize) {
        if let Some(dst) = self.buf.get_mut(self.len..self.len + 4) {
            dst.copy_from_slice(&w.to_le_bytes());
            self.len += n;
        } else {
            self.word_slow(w, n);
        }
    }

    #[cold]
    #[inline(never)]
    fn word_slow(&mut self, w: u32, n: usize) {
        self.grow(SLACK);
        self.buf[self.len..self.len + 4].copy_from_slice(&w.to_le_bytes());
        self.len += n;
    }

    /// Writes `b[from..to]` (whole UTF-8 characters): short stretches as
    /// one 16-byte copy (the bytes past `to` are overwritten later).
    #[inline(always)]
    pub(crate) fn text(&mut self, b: &[u8], from: usize, to: usize) {
        let n = to - from;
        if n == 0 {
            return;
        }
        if n <= 16
            && let Some(src) = b.get(from..from + 16)
            && let Some(dst) = self.buf.get_mut(self.len..self.len + 16)
        {
            dst.copy_from_slice(src);
            self.len += n;
        } else {
            self.bytes(&b[from..to]);
        }
    }

    /// Writes `s` (whole UTF-8 characters).
    #[inline]
    pub(crate) fn bytes(&mut self, s: &[u8]) {
        if self.len + s.len() + SLACK > self.buf.len() {
            self.grow(s.len() + SLACK);
        }
        self.buf[self.len..self.len + s.len()].copy_from_slice(s);
        self.len += s.len();
    }

    #[cold]
    #[inline(never)]
    fn grow(&mut self, need: usize) {
        if self.flushable && self.len > 0 {
            self.flush();
            if need + SLACK <= self.buf.len() {
                return;
            }
        }
        let size = (self.buf.len() * 2).max(self.len + need + SLACK);
        self.buf.resize(size, 0);
    }

    /// Moves the pending output to the destination when there is a lot of
    /// it. Only where no later [`Out::truncate`] goes back before this point.
    #[inline(always)]
    pub(crate) fn flush_if_full(&mut self) {
        if self.len >= FLUSH_AT {
            self.flush();
        }
    }

    /// [`Out::flush_if_full`] where `allowed`, branching first on the
    /// buffer being full (rarely true) rather than on `allowed`.
    #[inline(always)]
    pub(crate) fn flush_if_full_at(&mut self, allowed: bool) {
        if self.len >= FLUSH_AT {
            self.flush_if(allowed);
        }
    }

    /// Kept out of line, so that the test of `allowed` stays behind the
    /// rare one of a full buffer.
    #[inline(never)]
    fn flush_if(&mut self, allowed: bool) {
        if allowed {
            self.flush();
        }
    }

    /// Moves the pending output to the destination.
    pub(crate) fn flush(&mut self) {
        let pending = &self.buf[..self.len];
        match simdutf8::basic::from_utf8(pending) {
            Ok(s) => self.dest.push_str(s),
            // Unreachable: only whole characters are ever written.
            Err(_) => self.dest.push_str(&String::from_utf8_lossy(pending)),
        }
        self.len = 0;
    }

    /// The destination, after flushing (for code that writes a `String`).
    pub(crate) fn dest(&mut self) -> &mut String {
        self.flush();
        self.dest
    }
}

impl Drop for Out<'_> {
    fn drop(&mut self) {
        self.flush();
    }
}
