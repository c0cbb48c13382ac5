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
    pub(crate) const FLUSH_AT: usize = if BYTES { usize::MAX } else { FLUSH_AT };

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

/// Where the tables' `put` methods write: an [`Out`], or a [`Staged`] writer over
/// one in a hot loop.
pub(crate) trait Sink {
    /// Writes the first `n` (1 to 4) bytes of the little-endian word `w`.
    fn word(&mut self, w: u32, n: usize);
    /// Writes `b[from..to]` (whole UTF-8 characters).
    fn text(&mut self, b: &[u8], from: usize, to: usize);
    /// Writes `s` (whole UTF-8 characters).
    fn bytes(&mut self, s: &[u8]);
    /// Writes the character whose code point is `c` (a scalar value: the
    /// engine only passes on characters of its input or its tables).
    #[inline(always)]
    fn code(&mut self, c: u32) {
        let mut utf8 = [0; 4];
        let n = char::from_u32(c).map_or(0, |c| c.encode_utf8(&mut utf8).len());
        self.word(u32::from_le_bytes(utf8), n);
    }
}

/// A [`Sink`] that can be told where the output may be flushed to its
/// destination (see [`Out::flush_if_full`]).
pub(crate) trait FlushSink: Sink {
    /// Flushes when much output is pending: where no later step takes
    /// output back.
    fn flush_if_full(&mut self);
    /// [`FlushSink::flush_if_full`] where `allowed`.
    fn flush_if_full_at(&mut self, allowed: bool);
}

impl<const BYTES: bool> FlushSink for Out<'_, BYTES> {
    #[inline(always)]
    fn flush_if_full(&mut self) {
        Out::flush_if_full(self);
    }

    #[inline(always)]
    fn flush_if_full_at(&mut self, allowed: bool) {
        Out::flush_if_full_at(self, allowed);
    }
}

impl<const BYTES: bool> FlushSink for Staged<'_, '_, BYTES> {
    #[inline(always)]
    fn flush_if_full(&mut self) {
        Staged::flush_if_full(self);
    }

    #[inline(always)]
    fn flush_if_full_at(&mut self, allowed: bool) {
        Staged::flush_if_full_at(self, allowed);
    }
}

impl<const BYTES: bool> Sink for Out<'_, BYTES> {
    #[inline(always)]
    fn word(&mut self, w: u32, n: usize) {
        Out::word(self, w, n);
    }

    #[inline(always)]
    fn text(&mut self, b: &[u8], from: usize, to: usize) {
        Out::text(self, b, from, to);
    }

    #[inline(always)]
    fn bytes(&mut self, s: &[u8]) {
        Out::bytes(self, s);
    }
}

/// Bytes a [`Staged`] writer gathers before passing them on.
const STAGE: usize = 4096;

/// Writes that a [`Staged`] writer takes into its stage (longer ones go
/// straight to the `Out`).
const STAGE_WRITE: usize = 64;

/// The array a [`Staged`] writer gathers output in.
pub(crate) type Stage = [u8; STAGE + STAGE_WRITE];

/// A new [`Stage`].
pub(crate) fn stage() -> Stage {
    [0; STAGE + STAGE_WRITE]
}

/// A writer for a hot loop: output is gathered in a fixed array on the
/// stack and passed on to the [`Out`] a few kilobytes at a time. Through
/// the `Out` itself every character's store reloaded the write position,
/// the buffer's address and its length from memory, checked both and
/// stored the position back (the `Out` is reached through a pointer, and
/// the loop calls cold functions that take it); here the position is the
/// only register the output needs, and one compare per write stands for
/// the bounds checks (the array's size lets the compiler drop them). The
/// staged bytes reach the `Out` with [`Staged::finish`] (dropped without it,
/// on a panic, they are lost).
pub(crate) struct Staged<'w, 'o, const BYTES: bool> {
    /// A separate local of the caller's: were it in this value, the call
    /// that passes it on would keep the position in memory.
    stage: &'w mut Stage,
    /// Always below `STAGE - STAGE_WRITE` between writes.
    len: usize,
    out: &'w mut Out<'o, BYTES>,
}

impl<'w, 'o, const BYTES: bool> Staged<'w, 'o, BYTES> {
    #[inline(always)]
    pub(crate) fn new(out: &'w mut Out<'o, BYTES>, stage: &'w mut Stage) -> Self {
        Staged { stage, len: 0, out }
    }

    /// Passes the staged bytes on to the `Out`.
    #[inline(always)]
    pub(crate) fn finish(mut self) {
        self.pass_on();
    }

    /// [`Out::flush_if_full`], counting the staged bytes: where no later
    /// step takes output back.
    #[inline(always)]
    pub(crate) fn flush_if_full(&mut self) {
        if Out::<BYTES>::FLUSH_AT != usize::MAX
            && self.out.len() + self.len >= Out::<BYTES>::FLUSH_AT
        {
            self.pass_on();
            self.out.flush();
        }
    }

    /// [`Staged::flush_if_full`] where `allowed`, branching first on the
    /// output being long (rarely true) rather than on `allowed`.
    #[inline(always)]
    pub(crate) fn flush_if_full_at(&mut self, allowed: bool) {
        if Out::<BYTES>::FLUSH_AT != usize::MAX
            && self.out.len() + self.len >= Out::<BYTES>::FLUSH_AT
            && allowed
        {
            self.pass_on();
            self.out.flush();
        }
    }

    /// Passes the staged bytes on when the stage is nearly full.
    #[inline(always)]
    fn check(&mut self) {
        if self.len >= STAGE - STAGE_WRITE {
            self.pass_on();
        }
    }

    /// Passes the staged bytes on. The position goes by value, so that the
    /// compiler can keep it in a register.
    #[inline(always)]
    fn pass_on(&mut self) {
        pass_on(self.out, self.stage, self.len);
        self.len = 0;
    }

    /// Where the next write goes (the mask changes nothing, see `len`, but
    /// shows the compiler that a write of up to `STAGE_WRITE` bytes fits).
    #[inline(always)]
    fn at(&self) -> usize {
        self.len & (STAGE - 1)
    }
}

/// [`Staged::pass_on`]: `stage[..len]` to `out`.
#[cold]
#[inline(never)]
fn pass_on<const BYTES: bool>(out: &mut Out<'_, BYTES>, stage: &[u8], len: usize) {
    out.bytes(&stage[..len.min(stage.len())]);
}

impl<const BYTES: bool> Sink for Staged<'_, '_, BYTES> {
    #[inline(always)]
    fn word(&mut self, w: u32, n: usize) {
        let at = self.at();
        self.stage[at..at + 4].copy_from_slice(&w.to_le_bytes());
        self.len = at + n;
        self.check();
    }

    #[inline(always)]
    fn text(&mut self, b: &[u8], from: usize, to: usize) {
        let n = to - from;
        if n <= 16
            && let Some(src) = b.get(from..).and_then(<[u8]>::first_chunk::<16>)
        {
            let at = self.at();
            self.stage[at..at + 16].copy_from_slice(src);
            self.len = at + n;
            self.check();
        } else {
            self.bytes(&b[from..to]);
        }
    }

    #[inline(always)]
    fn bytes(&mut self, s: &[u8]) {
        if s.len() <= STAGE_WRITE {
            let at = self.at();
            self.stage[at..at + s.len()].copy_from_slice(s);
            self.len = at + s.len();
            self.check();
        } else {
            self.pass_on();
            self.out.bytes(s);
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

/// Code points a [`Wide`] writer gathers before passing them on.
const WIDE: usize = 1024;

/// The array a [`Wide`] writer gathers output in: room for a full stage
/// and one more write of `STAGE_WRITE` bytes (at most as many characters).
pub(crate) type WideStage = [u32; WIDE + STAGE_WRITE];

/// A new [`WideStage`].
pub(crate) fn wide_stage() -> WideStage {
    [0; WIDE + STAGE_WRITE]
}

/// A writer of UTF-32 for the single pass: each character the engine
/// writes is stored as its code point, gathered on the stack as in
/// [`Staged`] and appended to `out` a stage at a time. The engine already
/// knows each character's length, so the decoding is a few operations
/// beside its lookups, and a caller that wants UTF-32 (the Python
/// package, whose `str` is built from code units) is spared a second pass
/// over the UTF-8. The code points are those of whole UTF-8 characters
/// (see [`Sink`]), so they are valid scalar values.
pub(crate) struct Wide<'w> {
    stage: &'w mut WideStage,
    /// Always below `WIDE` between writes.
    len: usize,
    out: &'w mut Vec<u32>,
}

impl<'w> Wide<'w> {
    #[inline(always)]
    pub(crate) fn new(out: &'w mut Vec<u32>, stage: &'w mut WideStage) -> Self {
        Wide { stage, len: 0, out }
    }

    /// Passes the staged code points on to `out`.
    #[inline(always)]
    pub(crate) fn finish(mut self) {
        self.pass_on();
    }

    #[inline(always)]
    fn check(&mut self) {
        if self.len >= WIDE {
            self.pass_on();
        }
    }

    #[inline(always)]
    fn pass_on(&mut self) {
        wide_pass_on(self.out, self.stage, self.len);
        self.len = 0;
    }

    /// Where the next write goes (the mask changes nothing, see `len`).
    #[inline(always)]
    fn at(&self) -> usize {
        self.len & (WIDE - 1)
    }
}

/// [`Wide::pass_on`]: `stage[..len]` to `out`.
#[cold]
#[inline(never)]
fn wide_pass_on(out: &mut Vec<u32>, stage: &[u32], len: usize) {
    out.extend_from_slice(&stage[..len.min(stage.len())]);
}

/// The code point of the character whose UTF-8 is the first `n` (1 to 4)
/// bytes of the little-endian word `w` (the bytes past `n` are ignored).
/// Three bytes (all of CJK) inline, the others out of line: 4 % fewer
/// instructions in a t2s pass than one `match` (cachegrind, data3185k:
/// 104.7 M against 109.1 M a pass; the UTF-8 pass is 97.0 M).
#[inline(always)]
pub(crate) fn word_code(w: u32, n: usize) -> u32 {
    let three = ((w & 0x0F) << 12) | ((w >> 2) & 0xFC0) | ((w >> 16) & 0x3F);
    if n == 3 { three } else { word_code_other(w, n) }
}

/// [`word_code`] of a character of 1, 2 or 4 bytes.
#[inline(never)]
fn word_code_other(w: u32, n: usize) -> u32 {
    match n {
        1 => w & 0x7F,
        2 => ((w & 0x1F) << 6) | ((w >> 8) & 0x3F),
        _ => ((w & 0x07) << 18) | ((w << 4) & 0x3_F000) | ((w >> 10) & 0xFC0) | ((w >> 24) & 0x3F),
    }
}

/// Appends the code points of `s` (whole UTF-8 characters) to `dst` from
/// `at`, which must leave room for `s.len()` of them; returns the new end.
#[inline(always)]
fn decode_into(s: &[u8], dst: &mut [u32], mut at: usize) -> usize {
    let mut i = 0;
    while i < s.len() {
        let (c, len) = crate::tables::decode(s, i);
        dst[at] = c;
        at += 1;
        i += len;
    }
    at
}

impl Sink for Wide<'_> {
    #[inline(always)]
    fn word(&mut self, w: u32, n: usize) {
        self.code(word_code(w, n));
    }

    #[inline(always)]
    fn code(&mut self, c: u32) {
        let at = self.at();
        self.stage[at] = c;
        self.len = at + 1;
        self.check();
    }

    #[inline(always)]
    fn text(&mut self, b: &[u8], from: usize, to: usize) {
        self.bytes(&b[from..to]);
    }

    #[inline(always)]
    fn bytes(&mut self, s: &[u8]) {
        if s.len() <= STAGE_WRITE {
            let at = self.at();
            self.len = decode_into(s, &mut self.stage[..], at);
            self.check();
        } else {
            self.pass_on();
            let at = self.out.len();
            self.out.resize(at + s.len(), 0);
            let end = decode_into(s, &mut self.out[..], at);
            self.out.truncate(end);
        }
    }
}
