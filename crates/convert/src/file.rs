//! Parallel conversion of a regular file that the workers read themselves,
//! with positioned reads, so that no one thread reads the whole input.
//!
//! The calling thread decides where the pieces end, reading only a window
//! (32 KiB) before each piece's nominal end (1 MiB on): a cut there that
//! does not depend on the text before the window ([`cut_in_window`]: after
//! a newline, or after a character that occurs in no key) ends the piece.
//! Failing that, it tries the window before twice the nominal length, then
//! reads the piece whole and cuts it as the stream would ([`find_cut`]; a
//! piece starts where a conversion may start). A worker
//! reads its piece, checks that it is UTF-8, converts it and counts its
//! lines (for the position of an error in a later piece); the calling
//! thread writes the conversions in order.
//!
//! The last 64 KiB of the file, and everything from a piece for
//! which no cut is found, go through the streaming pipeline, which reads
//! to the end of the file as it is by then: a file that grows while it is
//! converted is converted whole, as when it is streamed.
//!
//! Cuts depend on the file's bytes alone, and each is safe: the output is
//! the bytes [`Converter::convert`] gives for the whole file, whatever the
//! number of threads.

use std::fs::File;
use std::io::{self, Read, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, mpsc};

use crate::engine::{Converter, Scratch};
use crate::error::{Error, ErrorKind, Position};
use crate::stream::{
    Buffer, Bytes, Job, Output, PART, Pipe, Sink, advance_position, check_utf8, checked,
    complete_prefix, cut_in_window, find_cut, pipeline, spawn_workers,
};

/// The sizes that shape the pieces (smaller in the tests, so that a small
/// file has many pieces).
#[derive(Clone, Copy)]
pub(crate) struct Sizes {
    /// A piece's nominal length.
    part: u64,
    /// Bytes read before a piece's nominal end to find where it ends.
    window: u64,
    /// The end of the file left to the streaming pipeline.
    tail: u64,
    /// Files smaller than this go through the streaming pipeline only.
    small: u64,
}

pub(crate) const SIZES: Sizes = Sizes {
    part: PART as u64,
    window: 32 * 1024,
    tail: 64 * 1024,
    small: 4 * PART as u64,
};

/// Converts the regular file `file`, from its first byte to its end,
/// into `output` on `threads` threads, which read the pieces they convert
/// themselves (positioned reads): unlike [`pipeline`], no one thread reads
/// the whole file, so reading scales with the threads. This thread writes
/// the pieces' conversions in order (see [`crate::Run::file`]).
pub(crate) fn convert_file<W: Write>(
    conv: &Converter,
    file: &File,
    mut output: W,
    threads: usize,
    sizes: Sizes,
) -> Result<(u64, u64), Error> {
    let threads = threads.max(1);
    let metadata = file
        .metadata()
        .map_err(|e| Error::new(ErrorKind::Read(e)))?;
    if !metadata.is_file() {
        // A pipe or a device cannot be read at an offset.
        return pipeline(conv, file, output, threads, Position::START);
    }
    let len = metadata.len();
    // Where reads are not positioned, threads would move one cursor.
    let positioned = cfg!(any(unix, windows));
    let in_parts = positioned && threads > 1 && len >= sizes.small;
    let done = if in_parts {
        in_pieces(conv, file, &mut output, threads, len - sizes.tail, sizes)?
    } else {
        Parted {
            end: 0,
            position: Position::START,
            written: 0,
        }
    };
    let rest = At { file, at: done.end };
    let (read, written) = pipeline(conv, rest, output, threads, done.position)?;
    let read = done.end + read;
    // Read in parts, a file that became shorter would lose text in the
    // middle or at the end, depending on when: it is an error wherever
    // it is seen. (The stream alone reads whatever there is, as from
    // a pipe: some files say a size they do not have.)
    if in_parts && read < len {
        return Err(shrunk());
    }
    Ok((read, done.written + written))
}

/// What [`in_pieces`] converted: the file up to `end` (which is where
/// `position` is), into `written` bytes.
struct Parted {
    end: u64,
    position: Position,
    written: u64,
}

/// A piece for a worker: its byte range, and a buffer for its text (given
/// back by an earlier piece).
#[derive(Default)]
struct Piece {
    from: u64,
    to: u64,
    text: Vec<u8>,
}

/// A piece's conversion, or why it has none; if it has one, where the
/// piece's end is, counted from its start.
struct Conversion {
    out: Bytes,
    end: Result<Position, Error>,
}

impl Default for Conversion {
    fn default() -> Conversion {
        Conversion {
            out: Bytes::default(),
            end: Ok(Position::START),
        }
    }
}

impl Buffer for Conversion {
    fn capacity(&self) -> usize {
        self.out.capacity()
    }
}

/// The output of [`in_pieces`]: the writer, and how far the file is
/// written.
struct Ordered<'w, W> {
    output: &'w mut W,
    end: u64,
    position: Position,
}

impl<W: Write> Sink for Ordered<'_, W> {
    type Piece = Conversion;
    fn put(&mut self, piece: &mut Conversion) -> Result<(), Error> {
        let end = std::mem::replace(&mut piece.end, Ok(Position::START)).map_err(|e| {
            // Counted from the piece's start, which is at `position`.
            match e.into_kind() {
                ErrorKind::InvalidUtf8 { position, bytes } => Error::new(ErrorKind::InvalidUtf8 {
                    position: self.position.then(position),
                    bytes,
                }),
                other => Error::new(other),
            }
        })?;
        self.output
            .write_all(&piece.out.buf[..piece.out.len])
            .map_err(|e| Error::new(ErrorKind::Write(e)))?;
        self.end += end.byte;
        self.position = self.position.then(end);
        Ok(())
    }
    fn length(piece: &Conversion) -> usize {
        piece.out.len
    }
    fn flush(&mut self) -> io::Result<()> {
        self.output.flush()
    }
}

/// Converts the file in pieces on `threads` workers, from its start up to
/// the last cut found before `limit` (earlier where a piece has no cut),
/// writing the conversions in order.
fn in_pieces<W: Write>(
    conv: &Converter,
    file: &File,
    output: &mut W,
    threads: usize,
    limit: u64,
    sizes: Sizes,
) -> Result<Parted, Error> {
    let (work_tx, work_rx) = mpsc::channel::<Job<Piece, Conversion>>();
    let work_rx = Mutex::new(work_rx);
    let (done_tx, done_rx) = mpsc::channel();
    // Set when the output failed: workers skip what is still queued.
    let stop = AtomicBool::new(false);
    let work = |(_, piece, converted): &mut Job<Piece, Conversion>, scratch: &mut Scratch| {
        // Skipped after a failed output: nothing more is written.
        if !stop.load(Ordering::Relaxed) {
            converted.end = convert_piece(conv, file, piece, &mut converted.out, scratch);
        }
    };
    std::thread::scope(|scope| {
        if spawn_workers(scope, threads, &work_rx, &done_tx, &work) == 0 {
            // The system refused every thread: nothing is done here, and
            // the stream converts the whole file on the calling thread.
            return Ok(Parted {
                end: 0,
                position: Position::START,
                written: 0,
            });
        }
        let ordered = Ordered {
            output,
            end: 0,
            position: Position::START,
        };
        // Owned here: if this thread panics, dropping the pipe closes the
        // queue, so the workers end and the scope can re-raise the panic.
        let mut pipe = Pipe::new(ordered, work_tx, done_rx);
        let outcome = cut_and_send(conv, file, &mut pipe, threads, limit, sizes);
        if outcome.is_err() {
            stop.store(true, Ordering::Relaxed);
        }
        // The workers end when the queue is closed and empty.
        pipe.close();
        outcome.map(|()| Parted {
            end: pipe.output.end,
            position: pipe.output.position,
            written: pipe.written(),
        })
    })
}

/// The calling thread's side of [`in_pieces`]: cuts pieces while there is
/// room for them, and writes the workers' conversions in order, until there
/// is no cut (the rest is the stream's) and every piece is written.
fn cut_and_send<W: Write>(
    conv: &Converter,
    file: &File,
    pipe: &mut Pipe<Ordered<'_, W>, Piece>,
    threads: usize,
    limit: u64,
    sizes: Sizes,
) -> Result<(), Error> {
    // Where the next piece starts.
    let mut start = 0;
    let mut cutting = true;
    let mut window = Vec::new();
    loop {
        while cutting && pipe.has_room(threads) {
            match next_cut(conv, file, start, limit, sizes, &mut window) {
                Some(end) => {
                    let text = pipe.returned.pop().map(|p| p.text).unwrap_or_default();
                    pipe.send(Piece {
                        from: start,
                        to: end,
                        text,
                    });
                    start = end;
                }
                None => cutting = false,
            }
        }
        if pipe.is_idle() {
            // Each answer is written as soon as those before it are.
            return Ok(());
        }
        pipe.wait()?;
        pipe.write_ready()?;
    }
}

/// Where the piece that starts at `start` (where a conversion may start)
/// ends: a safe cut at most a part's size on (twice that where the first
/// window has none) and at most at `limit`. `None` when the piece would be
/// short, or no cut is found (the bytes there are not UTF-8, the file is
/// shorter than thought, or there is no cut in the piece): the stream takes
/// over from `start`.
fn next_cut(
    conv: &Converter,
    file: &File,
    start: u64,
    limit: u64,
    sizes: Sizes,
    window: &mut Vec<u8>,
) -> Option<u64> {
    let left = limit.checked_sub(start)?;
    if left < sizes.part / 4 {
        return None;
    }
    let nominal = start + left.min(sizes.part);
    // A stretch without a cut before the first nominal end (a long line
    // without punctuation) may well end before the second.
    let further = start + left.min(2 * sizes.part);
    for end in [nominal, further] {
        let from = start.max(end.saturating_sub(sizes.window));
        if from == start || (end == further && further == nominal) {
            break;
        }
        let bytes = read_exactly_at(file, window, from, end)?;
        // The window starts after the continuation bytes of the character
        // it starts in.
        let skip = bytes.iter().take(4).position(|&b| b & 0xC0 != 0x80)?;
        let bytes = &bytes[skip..];
        let text = simdutf8::basic::from_utf8(&bytes[..complete_prefix(bytes)]).ok()?;
        if let Some(cut) = cut_in_window(conv, text) {
            return Some(from + (skip + cut) as u64);
        }
    }
    // The first part of the piece whole, cut as the stream would.
    let bytes = read_exactly_at(file, window, start, nominal)?;
    let text = simdutf8::basic::from_utf8(&bytes[..complete_prefix(bytes)]).ok()?;
    find_cut(conv, text).map(|cut| start + cut as u64)
}

/// Reads bytes `from..to` of `file` into `buf`; `None` if the file ends
/// first or cannot be read (the stream, taking over, says why).
fn read_exactly_at<'b>(file: &File, buf: &'b mut Vec<u8>, from: u64, to: u64) -> Option<&'b [u8]> {
    let len = usize::try_from(to - from).ok()?;
    if buf.len() < len {
        buf.resize(len, 0);
    }
    let (got, read) = read_full_at(file, &mut buf[..len], from);
    read.ok()?;
    (got == len).then_some(&buf[..len])
}

/// A worker's job: reads the piece, checks it, converts it into `out`.
/// Returns where the piece's end is, counted from its start.
fn convert_piece(
    conv: &Converter,
    file: &File,
    piece: &mut Piece,
    out: &mut Bytes,
    scratch: &mut Scratch,
) -> Result<Position, Error> {
    let len = usize::try_from(piece.to - piece.from)
        .map_err(|_| Error::new(ErrorKind::Read(io::Error::other("piece too large"))))?;
    if piece.text.len() < len {
        piece.text.resize(len, 0);
    }
    let (got, read) = read_full_at(file, &mut piece.text[..len], piece.from);
    if let Err(e) = read {
        // Invalid input read before the failure is reported first, as the
        // stream does.
        let bytes = &piece.text[..got];
        checked(&bytes[..complete_prefix(bytes)], Position::START)?;
        return Err(Error::new(ErrorKind::Read(e)));
    }
    if got < len {
        return Err(shrunk());
    }
    let bytes = &piece.text[..len];
    let text = checked(bytes, Position::START)?;
    out.convert(conv, text, scratch);
    let mut end = Position::START;
    advance_position(&mut end, bytes);
    Ok(end)
}

/// The file from byte `at` on, read with positioned reads.
pub(crate) struct At<'f> {
    pub(crate) file: &'f File,
    pub(crate) at: u64,
}

impl Read for At<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = read_at(self.file, buf, self.at)?;
        self.at += n as u64;
        Ok(n)
    }
}

/// Reads into `buf` from offset `at` until it is full, the file ends or a
/// read fails; returns how much was read, and the failure.
fn read_full_at(file: &File, buf: &mut [u8], at: u64) -> (usize, io::Result<()>) {
    let mut done = 0;
    while done < buf.len() {
        match read_at(file, &mut buf[done..], at + done as u64) {
            Ok(0) => break,
            Ok(n) => done += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return (done, Err(e)),
        }
    }
    (done, Ok(()))
}

/// Checks that the file `file` is valid UTF-8 from its first byte to its
/// end, and returns its length in bytes, or the position of the first bad
/// byte (the error [`crate::check_utf8`] gives).
///
/// A regular file is read with positioned reads in large blocks, on up to
/// `threads` threads when it is big (each range starting at a character),
/// without counting lines; only a file found faulty is read again, counting
/// lines, to tell where. The file's cursor is not used. A file that is not
/// a regular file (a pipe, a device) is read from its cursor, once.
///
/// ```
/// let path = std::env::temp_dir().join(format!("bianyi-doc-utf8-{}.txt", std::process::id()));
/// std::fs::write(&path, b"ok\n\xff")?;
/// let err = bianyi_convert::check_utf8_file(&std::fs::File::open(&path)?, 2).unwrap_err();
/// std::fs::remove_file(&path)?;
/// assert!(err.to_string().contains("line 2, column 1 (byte offset 3)"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn check_utf8_file(file: &File, threads: usize) -> Result<u64, Error> {
    let metadata = file
        .metadata()
        .map_err(|e| Error::new(ErrorKind::Read(e)))?;
    if !metadata.is_file() {
        return check_utf8(file);
    }
    // Where reads are not positioned, threads would move one cursor.
    let threads = if cfg!(any(unix, windows)) { threads } else { 1 };
    // Ranges of at least 8 MiB, read in blocks of 256 KiB.
    let len = metadata.len();
    if utf8_in_ranges(file, len, threads, 8 << 20, 256 * 1024)
        .map_err(|e| Error::new(ErrorKind::Read(e)))?
    {
        return Ok(len);
    }
    // Not UTF-8 (or not of the size it said): read again, counting lines,
    // for the fault's position.
    check_utf8(At { file, at: 0 })
}

/// Whether the regular file `file` (of `len` bytes) is UTF-8 throughout:
/// read in ranges of at least `min_range` bytes, on up to `threads`
/// threads, in blocks of `block` bytes.
fn utf8_in_ranges(
    file: &File,
    len: u64,
    threads: usize,
    min_range: u64,
    block: usize,
) -> io::Result<bool> {
    let parts = (len / min_range.max(1)).clamp(1, threads.max(1) as u64);
    let mut starts = vec![0];
    for k in 1..parts {
        let at = len / parts * k;
        let mut head = [0u8; 4];
        let (n, read) = read_full_at(file, &mut head, at);
        read?;
        // A character is at most 4 bytes: the range starts after the
        // continuation bytes of the one that begins before `at`.
        match head[..n].iter().position(|&b| b & 0xC0 != 0x80) {
            Some(skip) => starts.push(at + skip as u64),
            None if n < head.len() => starts.push(at + n as u64),
            None => return Ok(false),
        }
    }
    starts.push(len);
    let ranges: Vec<(u64, u64)> = starts.windows(2).map(|w| (w[0], w[1])).collect();
    let (first, rest) = ranges.split_first().unwrap_or((&(0, 0), &[]));
    let valid = std::thread::scope(|scope| {
        // A range whose thread cannot be started is checked here.
        let others: Vec<_> = rest
            .iter()
            .map(|&(from, to)| {
                std::thread::Builder::new()
                    .spawn_scoped(scope, move || range_is_utf8(file, from, to, block))
                    .map_err(|_| (from, to))
            })
            .collect();
        let mut valid = range_is_utf8(file, first.0, first.1, block)?;
        for other in others {
            valid &= match other {
                Ok(handle) => handle.join().unwrap_or(Ok(false))?,
                Err((from, to)) => range_is_utf8(file, from, to, block)?,
            };
        }
        Ok::<bool, io::Error>(valid)
    })?;
    // The size is the one seen when the check began: a file that has grown
    // since (a log), or whose size says nothing (some pseudo-files say 0),
    // gets the full check.
    let (more, read) = read_full_at(file, &mut [0u8; 1], len);
    read?;
    Ok(valid && more == 0)
}

/// Whether bytes `from..to` of `file` are whole UTF-8 characters.
fn range_is_utf8(file: &File, from: u64, to: u64, block: usize) -> io::Result<bool> {
    let block = block.max(4);
    let mut buf = vec![0u8; block + 4];
    // The start of a character split between reads (at most 3 bytes).
    let mut carried = 0;
    let mut at = from;
    while at < to {
        let want = usize::try_from(to - at).map_or(block, |left| left.min(block));
        let (n, read) = read_full_at(file, &mut buf[carried..carried + want], at);
        read?;
        if n == 0 {
            // The file shrank: let the full check tell.
            return Ok(false);
        }
        at += n as u64;
        let filled = carried + n;
        match simdutf8::compat::from_utf8(&buf[..filled]) {
            Ok(_) => carried = 0,
            Err(e) if e.error_len().is_none() && at < to => {
                let valid = e.valid_up_to();
                buf.copy_within(valid..filled, 0);
                carried = filled - valid;
            }
            Err(_) => return Ok(false),
        }
    }
    Ok(carried == 0)
}

/// The error for a file that is shorter than it was when the conversion
/// began.
fn shrunk() -> Error {
    Error::new(ErrorKind::Read(io::Error::new(
        io::ErrorKind::UnexpectedEof,
        "the file became shorter while it was read",
    )))
}

#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], at: u64) -> io::Result<usize> {
    std::os::unix::fs::FileExt::read_at(file, buf, at)
}

#[cfg(windows)]
fn read_at(file: &File, buf: &mut [u8], at: u64) -> io::Result<usize> {
    std::os::windows::fs::FileExt::seek_read(file, buf, at)
}

/// Only the stream reads, from one thread, where reads are not positioned.
#[cfg(not(any(unix, windows)))]
fn read_at(file: &File, buf: &mut [u8], at: u64) -> io::Result<usize> {
    use std::io::Seek;
    let mut file = file;
    file.seek(io::SeekFrom::Start(at))?;
    file.read(buf)
}

/// The test texts of the crate's integration tests.
#[cfg(test)]
#[path = "../tests/support/text.rs"]
mod test_text;

#[cfg(test)]
mod tests {
    use super::test_text::{Rng, text};
    use super::*;
    use crate::config::Config;

    /// Pieces of 32 KiB and windows of 12 KiB: a few hundred kilobytes meet
    /// every rule (cuts near a window's start, sequences reaching into a
    /// window, stretches without a cut over one or two nominal ends, the
    /// stream taking over) many times.
    const SMALL_SIZES: Sizes = Sizes {
        part: 32 << 10,
        window: 12 << 10,
        tail: 2 << 10,
        small: 64 << 10,
    };

    /// A text of about `len` bytes made of random stretches of every kind.
    fn mixed(rng: &mut Rng, len: usize) -> String {
        let mut s = String::new();
        while s.len() < len {
            let kind = rng.below(8);
            let n = 1 + rng.below(20_000);
            match kind {
                0 | 1 => s.push_str(&text(rng, n, Some(60), true)),
                2 => s.push_str(&text(rng, n, None, false)),
                // Characters all in keys, without newlines.
                3 => s.push_str(&"中國人民銀行發展".repeat(n % 3000)),
                4 => s.push_str(&"⿰".repeat(n % 4000)),
                5 => {
                    for _ in 0..n % 20 {
                        s.push_str(
                            ["⿰。发", "⿱\n头", "⿰⿱氵尔木", "⿲", "\u{F900}"][rng.below(5)],
                        );
                        let k = rng.below(30);
                        s.push_str(&text(rng, k, None, false));
                    }
                }
                6 => s.push_str(&"\n".repeat(n % 3)),
                _ => s.push_str(&text(rng, n % 200, Some(5), true)),
            }
        }
        s
    }

    /// `bytes` in a temporary file (named after `name` and the thread),
    /// open for reading.
    fn temp_file(name: &str, bytes: &[u8]) -> (std::path::PathBuf, File) {
        let path = std::env::temp_dir().join(format!(
            "bianyi-{name}-unit-{}-{:?}.txt",
            std::process::id(),
            std::thread::current().id()
        ));
        std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let file = File::open(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        (path, file)
    }

    /// `bytes` in a temporary file, converted on `threads` threads with
    /// small pieces.
    fn from_file(conv: &Converter, bytes: &[u8], threads: usize) -> (Vec<u8>, Option<String>) {
        let (path, file) = temp_file(&format!("file-{threads}"), bytes);
        let mut out = Vec::new();
        let got = convert_file(conv, &file, &mut out, threads, SMALL_SIZES);
        let _ = std::fs::remove_file(&path);
        (out, got.err().map(|e| e.to_string()))
    }

    #[test]
    fn small_pieces_give_the_whole_text_and_the_streams_errors() {
        let mut rng = Rng(0x5A11_F11E);
        let configs = [
            Config::S2t,
            Config::T2s,
            Config::S2twp,
            Config::Tw2sp,
            Config::Hk2s,
        ];
        for round in 0..24 {
            let len = 300_000 + rng.below(300_000);
            let input = mixed(&mut rng, len);
            let conv = Converter::new(configs[round % configs.len()]);
            let whole = conv.convert(&input);
            for threads in [2, 3] {
                let (out, err) = from_file(&conv, input.as_bytes(), threads);
                assert_eq!(err, None, "round {round}, {threads} threads");
                assert!(
                    out == whole.as_bytes(),
                    "round {round}, {threads} threads: differs at byte {}",
                    out.iter()
                        .zip(whole.as_bytes())
                        .position(|(a, b)| a != b)
                        .unwrap_or(0)
                );
            }
            // An invalid byte somewhere: the stream's error, after a prefix
            // of the conversion.
            let mut broken = input.into_bytes();
            let mut at = rng.below(broken.len());
            while broken[at] & 0xC0 == 0x80 {
                at -= 1;
            }
            broken.insert(at, 0xFF);
            let expected = pipeline(&conv, &broken[..], &mut Vec::new(), 1, Position::START)
                .err()
                .map(|e| e.to_string());
            assert!(expected.is_some());
            let (out, err) = from_file(&conv, &broken, 2);
            assert_eq!(err, expected, "round {round}");
            assert!(whole.as_bytes().starts_with(&out), "round {round}");
        }
    }

    /// `bytes` in a file, checked as if it had `len` bytes: on 1 to 4
    /// threads in ranges of at least 64 bytes read in blocks of 7, and as
    /// [`check_utf8_file`] does; all must agree.
    fn utf8_check(bytes: &[u8], len: u64) -> bool {
        let (path, file) = temp_file("utf8", bytes);
        let real = utf8_in_ranges(&file, len, 2, 8 << 20, 256 * 1024).expect("read");
        for threads in 1..=4 {
            let small = utf8_in_ranges(&file, len, threads, 64, 7).expect("read");
            assert_eq!(small, real, "{threads} threads disagree");
        }
        if len == bytes.len() as u64 {
            let checked = check_utf8_file(&file, 2);
            assert_eq!(checked.is_ok(), real);
            assert_eq!(
                checked.map_err(|e| e.to_string()),
                check_utf8(bytes).map_err(|e| e.to_string())
            );
        }
        let _ = std::fs::remove_file(&path);
        real
    }

    fn utf8_file(bytes: &[u8]) -> bool {
        utf8_check(bytes, bytes.len() as u64)
    }

    #[test]
    fn utf8_splits_anywhere_in_characters_of_every_length() {
        for unit in ["é", "头", "😀", "a头😀é\n"] {
            for fill in 0..5 {
                let mut t = "a".repeat(fill);
                t.push_str(&unit.repeat(200 / unit.len()));
                assert!(utf8_file(t.as_bytes()), "{unit:?}, fill {fill}");
            }
        }
    }

    #[test]
    fn utf8_faults_anywhere_are_found() {
        let t = format!("a{}", "😀头é".repeat(30)).into_bytes();
        for at in 0..t.len() {
            // A stray continuation byte, a lead byte without its
            // continuation, a byte never in UTF-8, a character cut by the
            // end of the file.
            for bad in [&[0x80u8][..], &[0xF0, b'a'], &[0xFF], &[0xE5, 0xA4]] {
                let mut broken = t.clone();
                let to = (at + bad.len()).min(broken.len());
                broken.splice(at..to, bad.iter().copied());
                if bad == [0xE5, 0xA4] {
                    broken.truncate(at + 2);
                }
                if std::str::from_utf8(&broken).is_ok() {
                    continue;
                }
                assert!(!utf8_file(&broken), "{bad:x?} at {at}");
            }
        }
    }

    #[test]
    fn utf8_edges() {
        assert!(utf8_file(b""));
        assert!(utf8_file("头".as_bytes()));
        assert!(!utf8_file(&[b'a', 0xE5, 0xA4]));
        assert!(!utf8_file(&[0x80; 300]));
        // A file with more than its size said (it grew, or the size is
        // meaningless): not taken as checked.
        assert!(!utf8_check("头头".as_bytes(), 3));
        assert!(!utf8_check("头头".as_bytes(), 0));
        assert!(!utf8_check("头".repeat(100).as_bytes(), 150));
    }
}
