//! The single-pass engine (see the module docs of `engine` and
//! docs/engine.md): one loop over the text that gives exactly what OpenCC's
//! stage-by-stage pipeline gives.

use crate::engine::{Converter, Scratch};
use crate::ids;
use crate::out::{FlushSink, Out, Sink, Stage, Staged, Wide, stage, wide_stage};
use crate::tables::{
    CharMap, DA_CODE_BITS, DA_SPECIAL, Dict, FastDict, FlatRoots, PairFilter, RUN_KEY, RUN_SKEY1,
    RUN_SSTART, RUN_T1START, RUN_T2START, RUN_TRIGGER, RunMap, SlotMap, Units, VALUE_CHAR,
    VALUE_POOL, decode, decode_word, halves, is_compat, value_char,
};

/// The pass met a compatibility ideograph: normalise first.
pub(crate) struct NeedsNormalization;

/// Greedy longest-prefix matching over the whole text with one dictionary,
/// copying unchanged text in stretches.
pub(crate) fn single<const B: bool>(
    dict: &FastDict,
    text: &str,
    out: &mut Out<'_, B>,
    check_compat: bool,
) -> Result<(), NeedsNormalization> {
    if check_compat {
        single_pass::<true, B>(dict, text, out)
    } else {
        single_pass::<false, B>(dict, text, out)
    }
}

/// [`single`], checking for compatibility ideographs when `CHECK`.
#[inline(always)]
fn single_pass<const CHECK: bool, const B: bool>(
    dict: &FastDict,
    text: &str,
    out: &mut Out<'_, B>,
) -> Result<(), NeedsNormalization> {
    // Short texts (the stretches of segmented configs, mostly) are written
    // straight to `out`: setting up a stage costs more than it saves there.
    if text.len() < STAGED_FROM {
        single_direct::<CHECK, B>(dict, text, out)
    } else {
        single_staged::<CHECK, B>(dict, text, out)
    }
}

/// [`single_pass`] straight into `out`.
#[inline(never)]
fn single_direct<const CHECK: bool, const B: bool>(
    dict: &FastDict,
    text: &str,
    out: &mut Out<'_, B>,
) -> Result<(), NeedsNormalization> {
    single_sink::<CHECK, _, _>(dict, Utf8(text), out)
}

/// [`single_pass`] through a [`Staged`] writer (a function of its own, so
/// that the loop is compiled on its own: inlined beside the other one, it
/// ran 6 % more instructions).
#[inline(never)]
fn single_staged<const CHECK: bool, const B: bool>(
    dict: &FastDict,
    text: &str,
    out: &mut Out<'_, B>,
) -> Result<(), NeedsNormalization> {
    let mut stage = stage();
    let mut w = Staged::new(out, &mut stage);
    let done = single_sink::<CHECK, _, _>(dict, Utf8(text), &mut w);
    w.finish();
    done
}

/// [`single`] in UTF-32: the code point of each character of the output
/// appended to `out` (through a [`Wide`] writer). `text` is UTF-8
/// ([`Utf8`]) or characters (`&[char]`). On an error `out` may hold part
/// of the output: the caller truncates it.
#[inline(never)]
pub(crate) fn single_wide<T: Text>(
    dict: &FastDict,
    text: T,
    out: &mut Vec<u32>,
    check_compat: bool,
) -> Result<(), NeedsNormalization> {
    let mut stage = wide_stage();
    let mut w = Wide::new(out, &mut stage);
    let done = if check_compat {
        single_sink::<true, _, _>(dict, text, &mut w)
    } else {
        single_sink::<false, _, _>(dict, text, &mut w)
    };
    w.finish();
    done
}

/// Texts from this many bytes on go through a [`Staged`] writer.
const STAGED_FROM: usize = 512;

/// [`single_pass`] into `out`.
#[inline(always)]
fn single_sink<const CHECK: bool, T: Text, S: Sink>(
    dict: &FastDict,
    text: T,
    out: &mut S,
) -> Result<(), NeedsNormalization> {
    // The flat copy of the root slots is looked for once, not at every
    // character.
    match T::flat_roots(dict) {
        Some(flat) => single_loop::<CHECK, _, _>(dict, text, out, |c| {
            if c < 0x1_0000 {
                flat[c as usize]
            } else {
                T::root(dict, c)
            }
        }),
        None => single_loop::<CHECK, _, _>(dict, text, out, |c| T::root(dict, c)),
    }
}

/// The text the single pass reads: UTF-8 ([`Utf8`]) or characters
/// (`&[char]`, for callers that hold code points, as the Python package
/// does). Positions and lengths count its units (bytes, or characters).
/// The pass is the same for both; what differs is reading a character and
/// writing it unchanged.
pub(crate) trait Text: Units {
    /// The flat copy of the root slots of the Basic Multilingual Plane that
    /// the pass over this kind of text looks up, if the dictionary has one
    /// (in the form [`Text::put_char`] reads).
    fn flat_roots(dict: &FastDict) -> Option<&[u64; 0x1_0000]>;
    /// The root slot of `c`, in the same form.
    fn root(dict: &FastDict, c: u32) -> u64;
    /// The unit at `i` as a number (`None` at the end): below 0x80 it is an
    /// ASCII character in both kinds of text.
    fn unit(self, i: usize) -> Option<u32>;
    /// The character at `i`: its code point, its length and the word
    /// [`Text::put_char`] takes to write it (its first four bytes, or its
    /// code point).
    fn decode_word(self, i: usize) -> (u32, usize, u32);
    /// Writes the ASCII character `x`.
    fn put_ascii<S: Sink>(x: u32, out: &mut S);
    /// Writes the output of the character at `i` (`len` units, its word
    /// `word`) whose root value is `own`: its value, or itself.
    fn put_char<S: Sink>(
        self,
        dict: &FastDict,
        own: u32,
        word: u32,
        i: usize,
        len: usize,
        out: &mut S,
    );
    /// Writes units `from..to` unchanged.
    fn copy<S: Sink>(self, from: usize, to: usize, out: &mut S);
    /// How far to step from the character `c` at `i` (`len` units) where
    /// no key matches: a complete ideographic description sequence, else
    /// the character.
    fn unmatched(self, i: usize, c: u32, len: usize) -> usize;
}

/// UTF-8 text for the single pass.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Utf8<'a>(pub(crate) &'a str);

impl Units for Utf8<'_> {
    #[inline(always)]
    fn units(self) -> usize {
        self.0.len()
    }

    #[inline(always)]
    fn decode(self, i: usize) -> (u32, usize) {
        decode(self.0.as_bytes(), i)
    }
}

impl Text for Utf8<'_> {
    #[inline(always)]
    fn flat_roots(dict: &FastDict) -> Option<&[u64; 0x1_0000]> {
        dict.flat_roots()
    }

    #[inline(always)]
    fn root(dict: &FastDict, c: u32) -> u64 {
        dict.root(c)
    }

    #[inline(always)]
    fn unit(self, i: usize) -> Option<u32> {
        self.0.as_bytes().get(i).map(|&x| u32::from(x))
    }

    #[inline(always)]
    fn decode_word(self, i: usize) -> (u32, usize, u32) {
        decode_word(self.0.as_bytes(), i)
    }

    #[inline(always)]
    fn put_ascii<S: Sink>(x: u32, out: &mut S) {
        out.word(x, 1);
    }

    #[inline(always)]
    fn put_char<S: Sink>(
        self,
        dict: &FastDict,
        own: u32,
        word: u32,
        i: usize,
        len: usize,
        out: &mut S,
    ) {
        dict.put_word(own, word, self.0.as_bytes(), i, len, out);
    }

    #[inline(always)]
    fn copy<S: Sink>(self, from: usize, to: usize, out: &mut S) {
        out.bytes(&self.0.as_bytes()[from..to]);
    }

    #[inline(always)]
    fn unmatched(self, i: usize, c: u32, len: usize) -> usize {
        if ids::is_operator_code(c) {
            ids::sequence_len(&self.0.as_bytes()[i..]).unwrap_or(len)
        } else {
            len
        }
    }
}

impl Text for &[char] {
    /// One-character values as code points (see [`FastDict::code_roots`]).
    #[inline(always)]
    fn flat_roots(dict: &FastDict) -> Option<&[u64; 0x1_0000]> {
        dict.code_roots()
    }

    #[inline(always)]
    fn root(dict: &FastDict, c: u32) -> u64 {
        dict.code_root(c)
    }

    #[inline(always)]
    fn unit(self, i: usize) -> Option<u32> {
        self.get(i).map(|&c| u32::from(c))
    }

    #[inline(always)]
    fn decode_word(self, i: usize) -> (u32, usize, u32) {
        let c = self.get(i).map_or(0, |&c| u32::from(c));
        (c, 1, c)
    }

    #[inline(always)]
    fn put_ascii<S: Sink>(x: u32, out: &mut S) {
        out.code(x);
    }

    #[inline(always)]
    fn put_char<S: Sink>(
        self,
        dict: &FastDict,
        own: u32,
        word: u32,
        _: usize,
        _: usize,
        out: &mut S,
    ) {
        dict.put_code(own, word, out);
    }

    #[inline(always)]
    fn copy<S: Sink>(self, from: usize, to: usize, out: &mut S) {
        for &c in &self[from..to] {
            out.code(u32::from(c));
        }
    }

    #[inline(always)]
    fn unmatched(self, i: usize, c: u32, len: usize) -> usize {
        if ids::is_operator_code(c) {
            ids::sequence_len(&self[i..]).unwrap_or(len)
        } else {
            len
        }
    }
}

/// The loop of [`single_pass`], with `root` giving the root slot of a
/// character.
#[inline(always)]
fn single_loop<const CHECK: bool, T: Text, S: Sink>(
    dict: &FastDict,
    b: T,
    out: &mut S,
    root: impl Fn(u32) -> u64,
) -> Result<(), NeedsNormalization> {
    let n = b.units();
    let mut i;
    // The length, root slot and first four bytes of the character at `i`,
    // looked up by the step before (the next character is decoded at every
    // step for the child lookup): the loop carries no code point, no test
    // of whether the character is known, and its output is written without
    // loading the text again.
    let (mut len, mut slot, mut word) = match start_at(dict, b, 0, out, &root) {
        Some((at, len, slot, word)) => {
            i = at;
            (len, slot, word)
        }
        None => return Ok(()),
    };
    // Every character is written as it is passed (no pending copy of
    // unchanged text): a branch on whether a character changes would be
    // mispredicted often.
    loop {
        if slot == DA_SPECIAL {
            // A compatibility ideograph or an ideographic description
            // operator: no key contains either.
            let c = b.decode(i).0;
            if CHECK && is_compat(c) {
                return Err(NeedsNormalization);
            }
            let m = b.unmatched(i, c, len);
            b.copy(i, i + m, out);
            i += m;
        } else {
            // A character no key starts with has neither (slot 0).
            let (own, low) = halves(slot);
            let next = i + len;
            if next >= n {
                b.put_char(dict, own, word, i, len, out);
                return Ok(());
            }
            // The lookup is made whether or not a longer key starts here
            // (node 0 finds nothing): a branch on it would be mispredicted
            // often, and the next step takes the decoded character.
            let (c2, l2, w2) = b.decode_word(next);
            let s2 = root(c2);
            if let Some(at) = dict.child(low >> DA_CODE_BITS, s2) {
                let (end, value, stop) = dict.walk(b, at, next + l2, &root);
                if CHECK && is_compat(stop) {
                    return Err(NeedsNormalization);
                }
                if end != 0 {
                    dict.put(value, out);
                    i = end;
                    match start_at(dict, b, i, out, &root) {
                        Some(found) => (i, len, slot, word) = found,
                        None => return Ok(()),
                    }
                    continue;
                }
            }
            b.put_char(dict, own, word, i, len, out);
            (i, len, slot, word) = (next, l2, s2, w2);
            continue;
        }
        match start_at(dict, b, i, out, &root) {
            Some(found) => (i, len, slot, word) = found,
            None => return Ok(()),
        }
    }
}

/// Where [`single_loop`] goes on from byte `i` (not in a character): past
/// the ASCII bytes no key starts with (copied), the next character's
/// position, length, root slot and first four bytes (see
/// [`decode_word`]); `None` at the end of the text.
#[inline(always)]
#[allow(clippy::cast_possible_truncation, reason = "the unit is below 0x80")]
fn start_at<T: Text, S: Sink>(
    dict: &FastDict,
    b: T,
    mut i: usize,
    out: &mut S,
    root: &impl Fn(u32) -> u64,
) -> Option<(usize, usize, u64, u32)> {
    while let Some(x) = b.unit(i) {
        if x >= 0x80 || dict.lead_may_start(x as u8) {
            let (c, len, word) = b.decode_word(i);
            return Some((i, len, root(c), word));
        }
        T::put_ascii(x, out);
        i += 1;
    }
    None
}

/// How many characters `b[from..to]` holds, counting back from `to` and
/// stopping at `limit`.
fn chars_back(b: &[u8], to: usize, from: usize, limit: usize) -> usize {
    let mut count = 0;
    let mut p = to;
    while p > from && count < limit {
        p -= 1;
        if b[p] & 0xC0 != 0x80 {
            count += 1;
        }
    }
    count
}

/// The state to return to if a character turns out to need the chain:
/// the output length and the copy mark before the character at `pos`.
#[derive(Clone, Copy, Debug)]
struct Snapshot {
    pos: usize,
    out_len: usize,
    copied: usize,
}

/// Where the current stretch of clean characters began.
#[derive(Clone, Copy, Debug)]
enum Region {
    /// At a boundary no match of any stage spans; the characters since are
    /// the last `clean_run` ones, all clean (fewer than `window`, or else
    /// the region's start does not matter).
    Boundary,
    /// Right after a stretch converted with the chain, which began at `start`
    /// with the output in the state `start`.
    AfterStretch { start: Snapshot },
}

/// A stretch of characters being gathered for the chain.
#[derive(Clone, Copy, Debug)]
struct Stretch {
    start: usize,
    /// Characters before this offset are part of a trigger.
    trigger_end: usize,
    /// Clean characters since the last trigger.
    clean: usize,
}

/// The loop state of [`Segmented::clean`].
#[derive(Clone, Copy, Debug)]
struct Clean {
    i: usize,
    copied: usize,
    clean_run: usize,
    ahead_at: usize,
    ahead: (u32, usize, u64),
    /// Whether a boundary was passed.
    boundary: bool,
}

/// Where [`Segmented::clean`] stopped.
#[derive(Clone, Copy, Debug)]
enum Event {
    End,
    /// At a character that needs more than its own conversion, its
    /// multi-character segmentation lookup done (none matched).
    Other {
        c: u32,
        len: usize,
        slot: u64,
        /// How far its trigger reaches, when the loop found that out (0:
        /// not looked at).
        trigger_end: usize,
    },
}

/// The single pass of a segmented config.
///
/// Segmentation matches emit the chain's output for the key (precomputed).
/// Between matches ("runs") each character emits the chain's output for it
/// alone, except around triggers: a trigger and the `window` characters on
/// each side of it form a stretch converted by the chain as one segment.
/// The argument that this is exact is in docs/engine.md; in short, no
/// multi-character match of any stage can span a stretch's ends, and the
/// boundaries of a run are segment boundaries.
pub(crate) struct Segmented<'c> {
    pub(crate) conv: &'c Converter,
    pub(crate) seg: &'static FastDict,
    pub(crate) run: &'static RunMap,
    pub(crate) window: usize,
    pub(crate) first: Dict,
    /// The root slots of `first`, flat.
    pub(crate) first_roots: &'static FlatRoots,
    pub(crate) second: Dict,
    pub(crate) image1: &'static CharMap,
    pub(crate) second_fast: &'static FastDict,
    /// The double array of stage 1, for stretches.
    pub(crate) first_fast: &'static FastDict,
    pub(crate) image2: &'static SlotMap,
    /// Pairs where the stage-2 check may find something.
    pub(crate) t2_pairs: PairFilter,
    /// Whether any character has `RUN_T1START` or `RUN_TRIGGER` (the
    /// loops are compiled with and without those checks).
    pub(crate) any_t1: bool,
    /// Whether any character has `RUN_T2START` (likewise).
    pub(crate) any_t2: bool,
    /// Whether many characters have `RUN_T2START` (then the pair filter is
    /// asked before the flag, see [`Segmented::clean`]).
    pub(crate) many_t2: bool,
    /// Pairs of characters that may begin a key of stage 1 (when
    /// `many_t1`).
    pub(crate) t1_pairs: PairFilter,
    /// Whether many characters have `RUN_T1START` (then `t1_pairs` is
    /// asked before the flag, see [`Segmented::clean`]).
    pub(crate) many_t1: bool,
}

impl Segmented<'_> {
    #[inline(never)]
    pub(crate) fn run<const B: bool>(
        &self,
        text: &str,
        out: &mut Out<'_, B>,
        check_compat: bool,
        scratch: &mut Scratch,
    ) -> Result<(), NeedsNormalization> {
        let b = text.as_bytes();
        let n = b.len();
        let (seg, run) = (self.seg, self.run);
        let mut i = 0;
        let mut copied = 0;
        let mut stretch: Option<Stretch> = None;
        // Clean characters since the region began (saturating at `window`):
        // the output of each is its run-map value.
        let mut clean_run = 0usize;
        let snap = |i: usize, out: &Out<'_, B>, copied: usize| Snapshot {
            pos: i,
            out_len: out.pos(),
            copied,
        };
        let mut region = Region::Boundary;
        // The character at `ahead_at`, when an earlier step decoded it.
        let mut ahead_at = usize::MAX;
        let mut ahead = (0, 0, 0);
        // The clean loop's stage, kept in the scratch space between calls
        // (lost, and made again, after a pass that stops for
        // normalisation).
        let mut staged = scratch.stage.take().unwrap_or_else(|| Box::new(stage()));
        while i < n {
            // Outside stretches, the common characters go through a tight
            // loop that stops at anything else.
            let mut seg_done = false;
            let mut known_trigger = 0;
            let (c, len, slot) = if stretch.is_none() {
                let mut clean = Clean {
                    i,
                    copied,
                    clean_run,
                    ahead_at,
                    ahead,
                    boundary: false,
                };
                let event = match (check_compat, self.any_t1, self.any_t2) {
                    (true, true, true) => {
                        self.clean::<true, true, true, B>(b, &mut clean, out, &mut staged)?
                    }
                    (true, true, false) => {
                        self.clean::<true, true, false, B>(b, &mut clean, out, &mut staged)?
                    }
                    (true, false, true) => {
                        self.clean::<true, false, true, B>(b, &mut clean, out, &mut staged)?
                    }
                    (true, false, false) => {
                        self.clean::<true, false, false, B>(b, &mut clean, out, &mut staged)?
                    }
                    (false, true, true) => {
                        self.clean::<false, true, true, B>(b, &mut clean, out, &mut staged)?
                    }
                    (false, true, false) => {
                        self.clean::<false, true, false, B>(b, &mut clean, out, &mut staged)?
                    }
                    (false, false, true) => {
                        self.clean::<false, false, true, B>(b, &mut clean, out, &mut staged)?
                    }
                    (false, false, false) => {
                        self.clean::<false, false, false, B>(b, &mut clean, out, &mut staged)?
                    }
                };
                let boundary;
                Clean {
                    i,
                    copied,
                    clean_run,
                    ahead_at,
                    ahead,
                    boundary,
                } = clean;
                if boundary {
                    region = Region::Boundary;
                }
                match event {
                    Event::End => break,
                    Event::Other {
                        c,
                        len,
                        slot,
                        trigger_end,
                    } => {
                        seg_done = true;
                        known_trigger = trigger_end;
                        (c, len, slot)
                    }
                }
            } else if ahead_at == i {
                ahead
            } else {
                let x = b[i];
                if x < 0x80 && run.slot(u32::from(x)) == 0 {
                    // In no key of any table: a boundary nothing spans.
                    if let Some(s) = stretch.take() {
                        self.flush(&text[s.start..i], out, scratch);
                        copied = i;
                    }
                    i += 1;
                    clean_run = 0;
                    out.flush_if_full();
                    region = Region::Boundary;
                    continue;
                }
                let (c, len) = decode(b, i);
                (c, len, run.slot(c))
            };
            let (r, low) = halves(slot);
            if r & RUN_SSTART != 0 {
                let next = i + len;
                let found = if seg_done {
                    None
                } else {
                    self.seg_match(b, i, len, low, &mut ahead_at, &mut ahead, check_compat)?
                };
                if found.is_some() || r & RUN_SKEY1 != 0 {
                    match stretch.take() {
                        Some(s) => self.flush(&text[s.start..i], out, scratch),
                        None => out.text(b, copied, i),
                    }
                    if let Some((end, value)) = found {
                        seg.put(value, out);
                        i = end;
                    } else {
                        // The character alone is a segment: its value in
                        // the run map is the chain's output for it.
                        if r & (VALUE_POOL | VALUE_CHAR) != 0 {
                            run.put(r, out);
                        } else {
                            out.bytes(&b[i..next]);
                        }
                        i = next;
                    }
                    copied = i;
                    clean_run = 0;
                    out.flush_if_full();
                    region = Region::Boundary;
                    continue;
                }
            }
            if ids::is_operator_code(c) {
                // A complete sequence is copied whole by every stage and no
                // key spans an operator: a boundary, copied unchanged.
                if let Some(m) = ids::sequence_len(&text.as_bytes()[i..]) {
                    if let Some(s) = stretch.take() {
                        self.flush(&text[s.start..i], out, scratch);
                        copied = i;
                    }
                    i += m;
                    clean_run = 0;
                    out.flush_if_full();
                    region = Region::Boundary;
                    continue;
                }
            }
            if r & RUN_KEY == 0 {
                // No key of any stage has a compatibility ideograph (build.rs
                // checks).
                if check_compat && c >= 0xF900 && is_compat(c) {
                    return Err(NeedsNormalization);
                }
                // In no key of any stage: a boundary, unchanged.
                if let Some(s) = stretch.take() {
                    self.flush(&text[s.start..i], out, scratch);
                    copied = i;
                }
                i += len;
                clean_run = 0;
                out.flush_if_full();
                region = Region::Boundary;
                continue;
            }
            // How far this character's trigger reaches (0: not a trigger).
            let trigger_end = if known_trigger != 0 {
                known_trigger
            } else {
                // The character after this one, when decoded (length 0: not).
                let mut after = if ahead_at == i + len {
                    ahead
                } else {
                    (0, 0, 0)
                };
                let end = self.trigger_end::<true, true>(b, i, c, len, r, &mut after);
                if after.1 != 0 {
                    ahead = after;
                    ahead_at = i + len;
                }
                end
            };
            if let Some(s) = &mut stretch {
                if trigger_end != 0 || i < s.trigger_end {
                    s.trigger_end = s.trigger_end.max(trigger_end);
                    s.clean = 0;
                    i += len;
                    continue;
                }
                if s.clean < self.window {
                    s.clean += 1;
                    i += len;
                    continue;
                }
                // `window` clean characters since the last trigger: close.
                let start = s.start;
                stretch = None;
                let before = snap(start, out, start);
                self.flush(&text[start..i], out, scratch);
                copied = i;
                clean_run = 0;
                region = Region::AfterStretch { start: before };
            } else if trigger_end != 0 {
                // Go back `window` clean characters, or to the region's start;
                // a stretch that ended within the window is reopened.
                let back = match region {
                    Region::AfterStretch { start } if clean_run < self.window => start,
                    _ => {
                        // `clean_run` clean characters back (the region's
                        // start when fewer than `window`): their output is at
                        // the end of `out` once the pending copy is written.
                        out.text(b, copied, i);
                        let mut p = i;
                        let mut emitted = 0;
                        for _ in 0..clean_run {
                            p -= 1;
                            while b[p] & 0xC0 == 0x80 {
                                p -= 1;
                            }
                            let (d, l) = decode(b, p);
                            emitted += run.out_len(halves(run.slot(d)).0, l);
                        }
                        Snapshot {
                            pos: p,
                            out_len: out.pos() - emitted,
                            copied: p,
                        }
                    }
                };
                out.truncate(back.out_len);
                out.text(b, back.copied, back.pos);
                copied = back.pos;
                stretch = Some(Stretch {
                    start: back.pos,
                    trigger_end,
                    clean: 0,
                });
                i += len;
                continue;
            }
            // A clean character: emit its own conversion.
            if clean_run < self.window {
                clean_run += 1;
            }
            if r & (VALUE_POOL | VALUE_CHAR) != 0 {
                out.text(b, copied, i);
                run.put(r, out);
                copied = i + len;
            }
            i += len;
        }
        match stretch {
            Some(s) => self.flush(&text[s.start..], out, scratch),
            None => out.bytes(&b[copied..]),
        }
        scratch.stage = Some(staged);
        Ok(())
    }

    /// The longest multi-character segmentation key at `i` (whose
    /// character is `len` bytes long and has the run-map low half `low`):
    /// (end, the chain's output). Records the next character in `ahead`.
    #[inline(always)]
    #[allow(
        clippy::too_many_arguments,
        reason = "the loop state, kept in registers"
    )]
    fn seg_match(
        &self,
        b: &[u8],
        i: usize,
        len: usize,
        low: u32,
        ahead_at: &mut usize,
        ahead: &mut (u32, usize, u64),
        check_compat: bool,
    ) -> Result<Option<(usize, u32)>, NeedsNormalization> {
        let node = low >> DA_CODE_BITS;
        let next = i + len;
        if node == 0 || next >= b.len() {
            return Ok(None);
        }
        let (c2, l2) = decode(b, next);
        let s2 = self.run.slot(c2);
        *ahead = (c2, l2, s2);
        *ahead_at = next;
        let Some(at) = self.seg.child(node, s2) else {
            return Ok(None);
        };
        let (end, value, stop) = self.seg.walk(b, at, next + l2, |x| self.run.slot(x));
        if check_compat && is_compat(stop) {
            return Err(NeedsNormalization);
        }
        Ok((end != 0).then_some((end, value)))
    }

    /// How far the trigger of the run character `c` at `i` (`len` bytes,
    /// run-map high half `r`) reaches: 0 when it is no trigger. `ahead` is
    /// the character after it (decoded here when its length is 0). Only
    /// the checks `T1` and `T2` say some character may need are compiled.
    #[inline(always)]
    #[allow(
        clippy::too_many_arguments,
        reason = "the loop state, kept in registers"
    )]
    fn trigger_end<const T1: bool, const T2: bool>(
        &self,
        b: &[u8],
        i: usize,
        c: u32,
        len: usize,
        r: u32,
        ahead: &mut (u32, usize, u64),
    ) -> usize {
        let mut trigger_end = 0;
        if T1 && r & RUN_TRIGGER != 0 {
            trigger_end = i + len;
        }
        if T1 && r & RUN_T1START != 0 {
            let next = i + len;
            let t = self.first;
            let low = halves(self.first_roots.root(c)).1;
            if low != 0 && next < b.len() {
                if ahead.1 == 0 {
                    let (c2, l2) = decode(b, next);
                    *ahead = (c2, l2, self.run.slot(c2));
                }
                let (c2, l2, _) = *ahead;
                if let Some(node) = t.second(low, c, c2) {
                    let (end, _, _) = t.walk(b, node, next + l2);
                    trigger_end = trigger_end.max(end);
                }
            }
        }
        // The pair filter first, when the next character is decoded already
        // (it mostly is: after a segmentation check).
        if T2 && r & RUN_T2START != 0 && (ahead.1 == 0 || self.t2_pairs.bit(c, ahead.0) != 0) {
            trigger_end = trigger_end.max(self.second_stage_quick(b, i, c, len, ahead));
        }
        trigger_end
    }

    /// Converts the text outside stretches from `state.i` on: clean
    /// characters, segmentation matches and boundaries, until the end of
    /// the text or a character that needs more (then at it, its
    /// segmentation lookup done). Kept apart so that its loop state stays
    /// in registers.
    #[inline(never)]
    fn clean<const CHECK: bool, const T1: bool, const T2: bool, const B: bool>(
        &self,
        b: &[u8],
        state: &mut Clean,
        out: &mut Out<'_, B>,
        stage: &mut Stage,
    ) -> Result<Event, NeedsNormalization> {
        // With the stage-1 checks (tw2s, tw2sp, hk2s, hk2sp) the loop writes
        // through a stage (3–4 % fewer instructions and 3 % less time on
        // data3185k); without them it costs s2tw and s2twp 3–8 % more time
        // for 1 % fewer instructions (2026-12-06).
        if !T1 {
            return self.clean_into::<CHECK, T1, T2, _>(b, state, out);
        }
        let mut w = Staged::new(out, stage);
        let event = self.clean_into::<CHECK, T1, T2, _>(b, state, &mut w);
        w.finish();
        event
    }

    /// [`Segmented::clean`] into `out`.
    #[inline(always)]
    fn clean_into<const CHECK: bool, const T1: bool, const T2: bool, S: FlushSink>(
        &self,
        b: &[u8],
        state: &mut Clean,
        out: &mut S,
    ) -> Result<Event, NeedsNormalization> {
        let (run, seg) = (self.run, self.seg);
        let n = b.len();
        let Clean {
            mut i,
            copied,
            clean_run,
            ahead_at,
            ahead: ahead_in,
            boundary,
        } = *state;
        let entry = i;
        // Every character is written as it is passed (no pending copy):
        // a branch on whether a character changes would be mispredicted
        // often.
        out.text(b, copied, i);
        // Where the last boundary passed was (`usize::MAX`: none): the
        // characters since are all clean, and counting them (at most
        // `window`) when the loop ends keeps that count out of the loop.
        let mut region = usize::MAX;
        // The character at `i` when an earlier step decoded it (length 0:
        // none), as in `single_pass`: fewer registers than a position.
        let mut ahead = if ahead_at == i { ahead_in } else { (0, 0, 0) };
        let mut result = Ok(Event::End);
        while i < n {
            let (c, len, slot) = if ahead.1 != 0 {
                ahead
            } else {
                let x = b[i];
                if x < 0x80 {
                    let slot = run.slot(u32::from(x));
                    if slot == 0 {
                        // In no key of any table: a boundary nothing spans.
                        out.word(u32::from(x), 1);
                        i += 1;
                        region = i;
                        out.flush_if_full();
                        continue;
                    }
                    (u32::from(x), 1, slot)
                } else {
                    let (c, len) = decode(b, i);
                    (c, len, run.slot(c))
                }
            };
            ahead.1 = 0;
            if T1 && c < 0x80 && slot == 0 {
                // ASCII in no key of any table: boundaries nothing spans,
                // copied unchanged, as far as they go (the steps below
                // cost more per character; without the stage-1 checks the
                // branch costs more than it saves).
                let mut j = i + 1;
                while j < n && b[j] < 0x80 && run.slot(u32::from(b[j])) == 0 {
                    j += 1;
                }
                out.text(b, i, j);
                i = j;
                region = i;
                out.flush_if_full();
                continue;
            }
            let (r, low) = halves(slot);
            let next = i + len;
            // A multi-character segmentation key starting here (its node in
            // the segmentation's double array; `RUN_SSTART` is set too).
            let node = low >> DA_CODE_BITS;
            // With the stage-1 pair filter, the next character is decoded
            // at every step (the next step takes it), so that the filter
            // can be asked without a branch on whether it was.
            let eager = T1 && !T2 && self.many_t1;
            if eager && next < n {
                let (c2, l2) = decode(b, next);
                ahead = (c2, l2, run.slot(c2));
            }
            // Without the stage-1 checks, the lookup is made whether or not
            // a key starts here (node 0 finds nothing): a branch on it was
            // mispredicted at half the characters of a Traditional text in
            // s2tw (with the checks, the branch costs less than the
            // lookups).
            if (!T1 || (r & RUN_SSTART != 0 && node != 0)) && next < n {
                if !eager {
                    let (c2, l2) = decode(b, next);
                    ahead = (c2, l2, run.slot(c2));
                }
                let (_, l2, s2) = ahead;
                if let Some(at) = seg.child(node, s2) {
                    let (end, value, stop) = seg.walk(b, at, next + l2, |x| run.slot(x));
                    if CHECK && is_compat(stop) {
                        result = Err(NeedsNormalization);
                        break;
                    }
                    if end != 0 {
                        seg.put(value, out);
                        i = end;
                        region = end;
                        ahead.1 = 0;
                        out.flush_if_full();
                        continue;
                    }
                }
            }
            // A character that is a segment alone (`RUN_SKEY1`: its value
            // in the run map is the chain's output for it) or in no key of
            // any stage (no value) is a boundary; any other is clean unless
            // a check finds a trigger. Both kinds take the same steps,
            // without a branch on which (it would be mispredicted often).
            let boundary = r & (RUN_KEY | RUN_SKEY1) != RUN_KEY;
            if r & (RUN_KEY | RUN_SKEY1 | RUN_TRIGGER) == RUN_TRIGGER {
                // `RUN_SPECIAL` (build.rs): an IDS operator or a
                // compatibility ideograph, in no key.
                if ids::is_operator_code(c) {
                    result = Ok(Event::Other {
                        c,
                        len,
                        slot,
                        trigger_end: 0,
                    });
                    break;
                }
                // No key of any stage has a compatibility ideograph
                // (build.rs checks).
                if CHECK && is_compat(c) {
                    result = Err(NeedsNormalization);
                    break;
                }
            }
            if T1 && boundary {
                // With the stage-1 checks, a branch here costs less than the
                // masks below (measured).
                run.put_char(r, b, i, len, out);
                i = next;
                region = i;
                out.flush_if_full();
                continue;
            }
            // 1 for a character that is no boundary.
            let inner = u32::from(!boundary);
            // With only the stage-2 checks and many characters that have
            // `RUN_T2START`, the pair filter is asked whether or not the
            // character has the flag, so that the branch is on what the
            // filter lets through, which is rare. Without the stage-1 checks
            // the next character is always decoded by now, except at the
            // end of the text, where whatever the filter says about `ahead`
            // the check finds no next character.
            let check = if T2 && !T1 && self.many_t2 {
                debug_assert!(ahead.1 != 0 || next >= n, "the next character is decoded");
                let t2 = u32::from(r & RUN_T2START != 0);
                let pass = self.t2_pairs.bit(c, ahead.0);
                inner & t2 & pass != 0
            } else if T1 && !T2 && self.many_t1 {
                // The same with the filter of stage-1 pairs.
                let t1 = u32::from(r & RUN_T1START != 0);
                let pass = u32::from(ahead.1 == 0) | self.t1_pairs.hashed_bit(c, ahead.0);
                inner & (u32::from(r & RUN_TRIGGER != 0) | (t1 & pass)) != 0
            } else {
                r & 0u32.wrapping_sub(inner) & (RUN_T1START | RUN_T2START | RUN_TRIGGER) != 0
            };
            if (T1 || T2) && check {
                let trigger_end = self.trigger_end::<T1, T2>(b, i, c, len, r, &mut ahead);
                if trigger_end != 0 {
                    result = Ok(Event::Other {
                        c,
                        len,
                        slot,
                        trigger_end,
                    });
                    break;
                }
            }
            // No ideographic description operator gets here: no key has
            // one.
            run.put_char(r, b, i, len, out);
            i = next;
            region = std::hint::select_unpredictable(boundary, i, region);
            out.flush_if_full_at(boundary);
        }
        let (boundary, clean_run) = if region == usize::MAX {
            (boundary, clean_run + chars_back(b, i, entry, self.window))
        } else {
            (true, chars_back(b, i, region, self.window))
        };
        // At a stop, the character after it when it was decoded.
        let ahead_at = match result {
            Ok(Event::Other { len, .. }) if ahead.1 != 0 => i + len,
            _ => usize::MAX,
        };
        *state = Clean {
            i,
            copied: i,
            clean_run: clean_run.min(self.window),
            ahead_at,
            ahead,
            boundary,
        };
        result
    }

    /// Where the longest key of stage 2 of two or more characters that
    /// starts on the stage-1 images of `c` and the following characters
    /// ends, in the text (0: none), found on the double array of stage 2
    /// through the per-character root slots of the stage-1 images
    /// (`image2`): most places end at the second character, where no key
    /// starts with the two images. Where an image is not one character the
    /// trie-based [`Segmented::second_stage_match`] is asked instead, whose
    /// end is conservative. That check is also conservative for a one-character
    /// image of four UTF-8 bytes (kept as a pool string in `image1`), where
    /// this walk is exact; a later end only lengthens a stretch. Keeping
    /// to the double array and `image2` (already in cache for the first two
    /// characters) made s2twp 4–7 % faster than going on with the trie and
    /// the image map (2026-12-02).
    #[inline(never)]
    fn second_stage_quick(
        &self,
        b: &[u8],
        i: usize,
        c: u32,
        len: usize,
        ahead: &mut (u32, usize, u64),
    ) -> usize {
        let next = i + len;
        if next >= b.len() {
            return 0;
        }
        if ahead.1 == 0 {
            let (c2, l2) = decode(b, next);
            *ahead = (c2, l2, self.run.slot(c2));
            if self.t2_pairs.bit(c, c2) == 0 {
                return 0;
            }
        }
        if !self.t2_pairs.hashed_may(c, ahead.0) {
            return 0;
        }
        let s1 = self.image2.slot(c);
        let s2 = self.image2.slot(ahead.0);
        if s1 == DA_SPECIAL || s2 == DA_SPECIAL {
            return self.second_stage_match(b, i, c, len);
        }
        let node = halves(s1).1 >> DA_CODE_BITS;
        let Some(at) = self.second_fast.child(node, s2) else {
            return 0;
        };
        // The longest key on stage 2's double array, through the root slots
        // of the stage-1 images, unless the walk stopped at a character
        // whose image is not one character (then the trie-based check, which
        // counts it in).
        let (end, _, stop) = self
            .second_fast
            .walk(b, at, next + ahead.1, |x| self.image2.slot(x));
        if stop != 0 && self.image2.slot(stop) == DA_SPECIAL {
            self.second_stage_match(b, i, c, len)
        } else {
            end
        }
    }

    /// Where a multi-character key of stage 2 that starts on this run
    /// character's stage-1 image ends, in the text (0 when none). Reads
    /// ahead on the stage-1 images of the following characters; one whose
    /// image is not a single character ends the look-ahead and, being reached
    /// inside a possible key, counts as part of the match (conservatively).
    fn second_stage_match(&self, b: &[u8], i: usize, c: u32, len: usize) -> usize {
        let image = |c: u32| -> Option<u32> {
            let v = self.image1.slot(c);
            if v & VALUE_CHAR != 0 {
                Some(value_char(v))
            } else if v & VALUE_POOL != 0 {
                None
            } else {
                Some(c)
            }
        };
        let Some(first) = image(c) else {
            return i + len;
        };
        // Most places end at the second character: check it first.
        let low = halves(self.second.root(first)).1;
        if low == 0 || i + len >= b.len() {
            return 0;
        }
        let (d, l) = decode(b, i + len);
        match image(d) {
            None => return i + len + l,
            Some(x) if self.second.second(low, first, x).is_none() => return 0,
            Some(_) => {}
        }
        self.second_stage_walk(b, i, first, len)
    }

    /// The rest of [`Segmented::second_stage_match`], where the first two
    /// images start a key.
    #[inline(never)]
    fn second_stage_walk(&self, b: &[u8], i: usize, first: u32, len: usize) -> usize {
        let image = |c: u32| -> Option<u32> {
            let v = self.image1.slot(c);
            if v & VALUE_CHAR != 0 {
                Some(value_char(v))
            } else if v & VALUE_POOL != 0 {
                None
            } else {
                Some(c)
            }
        };
        let mut ends = [0usize; 32];
        let mut count = 0;
        let mut pos = i + len;
        let mut cut_short = false;
        let chars = self.second.longest_chars(first, || {
            if pos >= b.len() || count == ends.len() {
                return None;
            }
            let (d, l) = decode(b, pos);
            pos += l;
            match image(d) {
                Some(x) => {
                    ends[count] = pos;
                    count += 1;
                    Some(x)
                }
                None => {
                    cut_short = true;
                    None
                }
            }
        });
        if cut_short {
            return pos;
        }
        if chars >= 2 { ends[chars - 2] } else { 0 }
    }

    /// Converts a stretch with the whole chain (as one segment). With two
    /// stages (every shipped segmented config), stage 2 runs on its double
    /// array straight into the output: the same greedy longest-prefix
    /// matching over the same dictionary as `apply`, in one pass.
    fn flush<const B: bool>(&self, stretch: &str, out: &mut Out<'_, B>, scratch: &mut Scratch) {
        if self.conv.stage_count() == 2 {
            // Stage 1 into a byte buffer kept between stretches (a new
            // zero-filled `Out` buffer for each cost an allocation).
            let mut bytes = std::mem::take(&mut scratch.d);
            let n = {
                let mut o = Out::bytes_into(&mut bytes, stretch.len() + stretch.len() / 8);
                let done = single_pass::<false, true>(self.first_fast, stretch, &mut o);
                debug_assert!(done.is_ok(), "single_pass without the check");
                o.len()
            };
            let staged = bytes.get(..n).unwrap_or_default();
            // Without the check for compatibility ideographs (none is in a
            // stretch: they end runs) the pass cannot stop early. Only whole
            // characters were written (out.rs), so the UTF-8 check passes;
            // were it to fail, the lossy copy would be converted.
            let done = match simdutf8::basic::from_utf8(staged) {
                Ok(s) => single_pass::<false, B>(self.second_fast, s, out),
                Err(_) => {
                    let s = String::from_utf8_lossy(staged);
                    single_pass::<false, B>(self.second_fast, &s, out)
                }
            };
            debug_assert!(done.is_ok(), "single_pass without the check");
            scratch.d = bytes;
            return;
        }
        let mut s = std::mem::take(&mut scratch.c);
        s.clear();
        self.conv.convert_segment(stretch, &mut s, scratch);
        out.bytes(s.as_bytes());
        scratch.c = s;
    }
}
