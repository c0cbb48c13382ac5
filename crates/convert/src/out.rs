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

pub(crate) struct Out<'a, const BYTES: bool> {
    buf: Vec<u8>,
    len: usize,
    /// Output length before `buf[0]` (what was flushed, and what the
    /// destination held to begin with).
    before: usize,
    dest: Dest<'a>,
    /// Whether the buffer may be flushed whenever it is full (no
    /// [`Out::truncate`] will go back before the write position).
    flushable: bool,
}

/// Where an [`Out`]'s bytes end up: `Bytes` exactly when the `Out`'s
/// `BYTES` is true.
enum Dest<'a> {
    /// Appended to a string (checked as UTF-8 on the way).
    Text(&'a mut String),
    /// The buffer itself, given back when the [`Out`] is dropped: the output
    /// is its first [`Out::len`] bytes.
    Bytes(&'a mut Vec<u8>),
}

impl<'a> Out<'a, false> {
    /// A buffer for about `expected` bytes of output appended to `dest`.
    pub(crate) fn new(dest: &'a mut String, expected: usize, flushable: bool) -> Out<'a, false> {
        Out {
            buf: vec![0; expected.clamp(64, FLUSH_AT + 4096) + SLACK],
            len: 0,
            before: dest.len(),
            dest: Dest::Text(dest),
            flushable,
        }
    }
}

impl<'a> Out<'a, true> {
    /// Output written into `buf` itself, from its start, without a copy or
    /// a check: for output that goes on as bytes. `buf` keeps its length
    /// (grown when needed), so a buffer used again is not zeroed again.
    pub(crate) fn bytes_into(buf: &'a mut Vec<u8>, expected: usize) -> Out<'a, true> {
        let mut own = std::mem::take(buf);
        if own.len() < expected + SLACK {
            own.resize(expected + SLACK, 0);
        }
        Out {
            buf: own,
            len: 0,
            before: 0,
            dest: Dest::Bytes(buf),
            flushable: false,
        }
    }
}

impl<const BYTES: bool> Out<'_, BYTES> {
    /// Flush once this much is pending (never when the buffer is the
    /// destination).
    const FLUSH_AT: usize = if BYTES { usize::MAX } else { FLUSH_AT };

    /// Bytes written since the last flush (with [`Out::bytes_into`], all of
    /// them).
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Allows or forbids flushing when the buffer is full.
    pub(crate) fn set_flushable(&mut self, yes: bool) {
        self.flushable = yes;
    }

    /// The output length so far, counting what was already flushed.
    #[inline(always)]
    pub(crate) fn pos(&self) -> usize {
        self.before + self.len
    }

    /// Drops the output after position `pos` (from [`Out::pos`], taken after
    /// the last flush).
    #[inline]
    pub(crate) fn truncate(&mut self, pos: usize) {
        let keep = pos.saturating_sub(self.before);
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
        if self.flushable && self.len > 0 && !BYTES {
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
        if self.len >= Self::FLUSH_AT {
            self.flush();
        }
    }

    /// [`Out::flush_if_full`] where `allowed`, branching first on the
    /// buffer being full (rarely true) rather than on `allowed`.
    #[inline(always)]
    pub(crate) fn flush_if_full_at(&mut self, allowed: bool) {
        if self.len >= Self::FLUSH_AT {
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

    /// Moves the pending output to the destination (nothing to move when
    /// the buffer is the destination).
    pub(crate) fn flush(&mut self) {
        let Dest::Text(dest) = &mut self.dest else {
            return;
        };
        let pending = &self.buf[..self.len];
        match simdutf8::basic::from_utf8(pending) {
            Ok(s) => dest.push_str(s),
            // Unreachable: only whole characters are ever written.
            Err(_) => dest.push_str(&String::from_utf8_lossy(pending)),
        }
        self.before += self.len;
        self.len = 0;
    }

    /// Lets `f` append to the output as a string (for code that writes a
    /// `String`).
    pub(crate) fn with_string(&mut self, f: impl FnOnce(&mut String)) {
        self.flush();
        match &mut self.dest {
            Dest::Text(dest) => {
                f(dest);
                self.before = dest.len();
            }
            Dest::Bytes(_) => {
                let mut s = String::new();
                f(&mut s);
                self.bytes(s.as_bytes());
            }
        }
    }
}

impl<const BYTES: bool> Drop for Out<'_, BYTES> {
    fn drop(&mut self) {
        match &mut self.dest {
            Dest::Text(_) => self.flush(),
            Dest::Bytes(buf) => **buf = std::mem::take(&mut self.buf),
        }
    }
}
