//! Streaming conversion with bounded memory and exactly the whole-text result.
//!
//! Input is converted in pieces cut only where the whole-text conversion
//! could not have matched across the cut (see [`find_cut`]), so the
//! concatenated output is byte-identical to `Converter::convert` on the
//! entire input.

use std::io::{Read, Write};

use crate::engine::{Converter, Scratch};
use crate::error::{Error, ErrorKind, Position};
use crate::ids;

/// Input is converted once this much is pending (and a safe cut exists).
const CHUNK: usize = 64 * 1024;

/// With several threads, each converts pieces of about this size.
pub(crate) const PART: usize = 1024 * 1024;

/// A whole text in memory ([`crate::Run::text`]) on several threads is cut
/// into about two pieces per thread, of this size at least: below it,
/// starting threads costs more than they save.
const TEXT_PART_MIN: usize = 64 * 1024;

/// The size of the pieces of a whole text of `len` bytes in memory
/// converted on `threads` threads: two pieces per thread (the last
/// piece then finishes soon after the others), from
/// [`TEXT_PART_MIN`] to [`PART`].
pub(crate) fn text_part(len: usize, threads: usize) -> usize {
    (len / (2 * threads.max(1))).clamp(TEXT_PART_MIN, PART)
}

/// With one thread, pieces of about this size: a piece and its conversion
/// take little of the core's cache next to the dictionaries (with pieces of
/// 256 KiB, s2t streamed ran 6 % slower in the same engine code), and a
/// conversion touches little fresh memory.
const SOLO_PART: usize = 64 * 1024;

/// Buffers up to this size are kept for the next pieces; bigger ones (a
/// piece without a safe cut for a long way) are given back to the system.
const KEEP: usize = 4 * PART;

/// Converts a byte stream piece by piece.
///
/// Feed input with [`push`](StreamConverter::push) in pieces of any size
/// (they may split UTF-8 characters), then call
/// [`finish`](StreamConverter::finish). Each call returns the output that
/// became final; the concatenation of all returned pieces equals
/// [`Converter::convert`] of the whole input.
///
/// ```
/// use bianyi_convert::{Config, Converter};
///
/// let conv = Converter::new(Config::S2t);
/// let mut stream = conv.stream();
/// let mut out = String::new();
/// let input = "头发和发展\n".repeat(3).into_bytes();
/// for piece in input.chunks(5) {
///     out.push_str(stream.push(piece)?);
/// }
/// out.push_str(stream.finish()?);
/// assert_eq!(out, conv.convert(&"头发和发展\n".repeat(3)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct StreamConverter<'c> {
    converter: &'c Converter,
    pending: Vec<u8>,
    /// Bytes of `pending` already known to be valid UTF-8.
    validated: usize,
    /// Do not look for a cut again before `pending` reaches this length: keeps
    /// input without any safe cut from being rescanned on every push.
    next_attempt: usize,
    out: String,
    /// Position of `pending[0]` in the input.
    position: Position,
    /// Threads converting each batch (1: this thread only).
    threads: usize,
}

impl Converter {
    /// Starts a streaming conversion.
    pub fn stream(&self) -> StreamConverter<'_> {
        self.stream_parallel(1)
    }

    /// Starts a streaming conversion that converts batches of input on
    /// `threads` threads (split at safe cuts, so the output is the same
    /// bytes whatever the number). Memory grows to about `2 * threads` MiB.
    fn stream_parallel(&self, threads: usize) -> StreamConverter<'_> {
        let threads = threads.max(1);
        StreamConverter {
            converter: self,
            pending: Vec::new(),
            validated: 0,
            next_attempt: if threads > 1 { threads * PART } else { CHUNK },
            out: String::new(),
            position: Position {
                byte: 0,
                line: 1,
                column: 1,
            },
            threads,
        }
    }
}

/// A piece for the workers: its number, its text and a buffer for its
/// conversion (given back by an earlier piece, so that no piece writes to
/// fresh pages).
pub(crate) type Job<T, O> = (usize, T, O);

/// A piece's conversion, or the panic that stopped it, with the piece's
/// text, given back for reuse.
pub(crate) type Converted<T, O> = (Job<T, O>, std::thread::Result<()>);

/// A piece's conversion, in a buffer that is used again for later pieces.
pub(crate) trait Output: Buffer {
    /// Replaces the content with the conversion of `text`.
    fn convert(&mut self, conv: &Converter, text: &str, scratch: &mut Scratch);
}

/// A buffer that goes round between a pipeline's pieces.
pub(crate) trait Buffer: Default + Send {
    /// Its capacity (a buffer grown too much is not used again).
    fn capacity(&self) -> usize;
}

impl Output for String {
    fn convert(&mut self, conv: &Converter, text: &str, _: &mut Scratch) {
        self.clear();
        conv.convert_into(text, self);
    }
}

impl Buffer for String {
    fn capacity(&self) -> usize {
        String::capacity(self)
    }
}

/// Output that goes on as bytes: converted straight into the buffer, which
/// keeps its length (no UTF-8 check, no copy, no zeroing when used again).
#[derive(Default)]
pub(crate) struct Bytes {
    pub(crate) buf: Vec<u8>,
    pub(crate) len: usize,
}

impl Output for Bytes {
    fn convert(&mut self, conv: &Converter, text: &str, scratch: &mut Scratch) {
        self.len = conv.convert_to_buf(text, &mut self.buf, scratch);
    }
}

impl Buffer for Bytes {
    fn capacity(&self) -> usize {
        self.buf.capacity()
    }
}

/// The pipelined conversion of `input` on `threads` threads (see
/// [`crate::Run::stream`]), which starts at `start` of a larger input
/// (where a conversion may start). Returns the bytes read and written.
///
/// This thread reads, splits the input at safe cuts into pieces of about a
/// megabyte and writes the results in order, while `threads` workers
/// convert pieces, so reading and writing overlap the conversion. The
/// output is the same bytes whatever the number of threads; memory stays
/// at a few megabytes per thread. No thread is started before a megabyte
/// of input is waiting (small inputs, and input that comes slowly, as from
/// a terminal, are converted on this thread).
pub(crate) fn pipeline<R: Read, W: Write>(
    conv: &Converter,
    mut input: R,
    output: W,
    threads: usize,
    start: Position,
) -> Result<(u64, u64), Error> {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::{Mutex, mpsc};

    let (work_tx, work_rx) = mpsc::channel::<Job<String, Bytes>>();
    let work_rx = Mutex::new(work_rx);
    let (done_tx, done_rx) = mpsc::channel::<Converted<String, Bytes>>();
    // Set when the output failed: workers skip what is still queued.
    let stop = AtomicBool::new(false);
    let work = convert_job(conv, &stop);
    let part = if threads > 1 { PART } else { SOLO_PART };
    let mut splitter = Splitter::new(conv, part, start);
    std::thread::scope(|scope| {
        // Owned here: if this thread panics, dropping the pipe closes the
        // queue, so the workers end and the scope can re-raise the panic.
        let mut pipe = Pipe::new(WriteSink(output), work_tx, done_rx);
        let started = std::cell::Cell::new(false);
        // Workers that could be started (the system may refuse threads).
        let running = std::cell::Cell::new(0);
        // Starts the workers once; whether any runs.
        let start_workers = || {
            if !started.replace(true) {
                running.set(spawn_workers(scope, threads, &work_rx, &done_tx, &work));
            }
            running.get() > 0
        };
        let mut at_end = false;
        let outcome = loop {
            // Bulk: pieces of about `part` bytes to the workers while there
            // is room (see `Pipe::has_room`).
            // With one thread, every piece is converted here.
            let mut bulk = Ok(());
            while pipe.has_room(threads) {
                let workers = threads > 1;
                let hand = |text: &str| {
                    // Threads start with the first full piece; without
                    // any, every piece is converted here.
                    let workers = workers && start_workers();
                    pipe.hand(conv, text, workers)
                };
                match splitter.take(part, hand) {
                    Ok(true) => {}
                    Ok(false) => break,
                    Err(e) => {
                        bulk = Err(e);
                        break;
                    }
                }
            }
            if let Err(e) = bulk
                .and_then(|()| pipe.collect())
                .and_then(|()| pipe.write_ready())
            {
                break Err(e);
            }
            if at_end {
                let workers = running.get() > 0;
                if let Err(e) = splitter
                    .take_rest(|text| pipe.hand(conv, text, workers))
                    .and_then(|()| pipe.catch_up())
                {
                    break Err(e);
                }
                break Ok(());
            }
            // No room: wait for a result, but only once the next piece is
            // read, so that it can be sent at once.
            if !pipe.has_room(threads) && splitter.filled >= part {
                if let Err(e) = pipe.wait().and_then(|()| pipe.write_ready()) {
                    break Err(e);
                }
                continue;
            }
            let n = match input.read(splitter.space()) {
                Ok(n) if n <= CHUNK => n,
                // A reader that breaks `Read`'s contract.
                Ok(_) => {
                    break Err(Error::new(ErrorKind::Read(std::io::Error::other(
                        "the reader returned more bytes than it was asked for",
                    ))));
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                // Invalid input read before the failure is reported first, as
                // it would have been had it been taken before the read.
                Err(e) => {
                    break Err(splitter
                        .check_waiting()
                        .err()
                        .unwrap_or_else(|| Error::new(ErrorKind::Read(e))));
                }
            };
            if n == 0 {
                at_end = true;
                continue;
            }
            splitter.filled(n);
            if n < CHUNK {
                // A pause (a terminal, `tail -f`): convert what can be and
                // let the output catch up before reading on.
                let workers = running.get() > 0;
                let paused = loop {
                    match splitter.take(1, |text| pipe.hand(conv, text, workers)) {
                        Ok(true) => {}
                        Ok(false) => break Ok(()),
                        Err(e) => break Err(e),
                    }
                };
                if let Err(e) = paused
                    .and_then(|()| pipe.catch_up())
                    .and_then(|()| pipe.flush())
                {
                    break Err(e);
                }
            }
        };
        let outcome = match outcome {
            // What was sent is the conversion of input before the error:
            // it is written, as the single-threaded conversion would have.
            Err(e) if !matches!(e.kind(), ErrorKind::Write(_)) => {
                pipe.close();
                let _ = pipe.catch_up();
                Err(e)
            }
            Err(e) => {
                stop.store(true, Ordering::Relaxed);
                Err(e)
            }
            Ok(()) => pipe.flush(),
        };
        // The workers end when the queue is closed and empty.
        pipe.close();
        outcome.map(|()| (splitter.bytes, pipe.written))
    })
}

/// The reading side of [`pipeline`]: input is read straight into one
/// buffer, checked as UTF-8 when a piece is taken (once per byte, but for
/// the few bytes after a cut), and handed out in pieces that end at safe
/// cuts.
struct Splitter<'c> {
    converter: &'c Converter,
    /// The size of pieces in bulk.
    part: usize,
    /// Input not yet handed out, `raw[..filled]`. The buffer keeps its
    /// length (reads go into `raw[filled..]`), so it is zeroed only once.
    raw: Vec<u8>,
    filled: usize,
    /// Where `raw` starts in the input.
    position: Position,
    /// In bulk, text with no safe cut is searched again only once it has
    /// grown to this length.
    next_attempt: usize,
    /// Bytes read so far.
    bytes: u64,
}

impl<'c> Splitter<'c> {
    fn new(converter: &'c Converter, part: usize, position: Position) -> Splitter<'c> {
        Splitter {
            converter,
            part,
            // Grown as input comes (zeroed once): a small input does not
            // pay for a piece's worth of buffer.
            raw: vec![0; CHUNK],
            filled: 0,
            position,
            next_attempt: 0,
            bytes: 0,
        }
    }

    /// Where the next read goes: `CHUNK` bytes, so that a shorter read
    /// means the input paused.
    fn space(&mut self) -> &mut [u8] {
        let end = self.filled + CHUNK;
        if self.raw.len() < end {
            self.raw.resize(end, 0);
        }
        &mut self.raw[self.filled..end]
    }

    /// Counts `n` bytes read into [`Splitter::space`].
    fn filled(&mut self, n: usize) {
        self.filled += n;
        self.bytes += n as u64;
    }

    /// Once at least `min` bytes are waiting, hands the text up to the last
    /// safe cut in its first `part` bytes (or, if there is none, in all of
    /// it) to `hand` and drops it. Returns whether there was such a piece;
    /// fails on invalid UTF-8 in the text looked at.
    fn take(
        &mut self,
        min: usize,
        hand: impl FnOnce(&str) -> Result<(), Error>,
    ) -> Result<bool, Error> {
        let len = self.filled;
        if len < min.max(1) || (min > 1 && len < self.next_attempt) {
            return Ok(false);
        }
        let first = complete_prefix(&self.raw[..len.min(self.part)]);
        let text = self.check(first)?;
        let cut = match find_cut(self.converter, text) {
            Some(cut) => Some((text, cut)),
            None if first < len => {
                let text = self.check(complete_prefix(&self.raw[..len]))?;
                find_cut(self.converter, text).map(|cut| (text, cut))
            }
            None => None,
        };
        let Some((text, cut)) = cut else {
            self.next_attempt = len * 2;
            return Ok(false);
        };
        hand(&text[..cut])?;
        self.next_attempt = 0;
        self.consume(cut);
        Ok(true)
    }

    /// Hands the rest of the input to `hand`, at its end; fails if it is not
    /// valid UTF-8 or ends inside a character.
    fn take_rest(&mut self, hand: impl FnOnce(&str) -> Result<(), Error>) -> Result<(), Error> {
        let all = self.filled;
        hand(self.check(all)?)?;
        self.consume(all);
        Ok(())
    }

    /// `raw[..end]` as text, or the error for its first invalid byte.
    fn check(&self, end: usize) -> Result<&str, Error> {
        checked(&self.raw[..end], self.position)
    }

    /// Checks the input waiting (but for a character the next read may
    /// complete).
    fn check_waiting(&self) -> Result<(), Error> {
        self.check(complete_prefix(&self.raw[..self.filled]))
            .map(|_| ())
    }

    /// Drops the first `n` bytes, handed out.
    fn consume(&mut self, n: usize) {
        advance_position(&mut self.position, &self.raw[..n]);
        self.raw.copy_within(n..self.filled, 0);
        self.filled -= n;
        // A buffer grown for text without a safe cut goes back to its size.
        let size = self.part + CHUNK;
        if self.raw.len() > KEEP && self.filled <= self.part {
            self.raw.truncate(size);
            self.raw.shrink_to_fit();
        }
    }
}

/// `bytes` as text, or the error for its first invalid byte (`bytes` start
/// at `start` of the input). An incomplete character at the end is an
/// error too.
pub(crate) fn checked(bytes: &[u8], start: Position) -> Result<&str, Error> {
    // The faster check first; the one that says where, on failure.
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return Ok(text);
    }
    simdutf8::compat::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let len = e.error_len().unwrap_or(bytes.len() - at);
        let mut position = start;
        advance_position(&mut position, &bytes[..at]);
        Error::new(ErrorKind::InvalidUtf8 {
            position,
            bytes: bytes[at..at + len].to_vec(),
        })
    })
}

/// The length of the longest prefix of `b` that does not end inside a
/// character (judging by the lead byte of the last one; validation finds
/// any other fault).
pub(crate) fn complete_prefix(b: &[u8]) -> usize {
    let len = b.len();
    for back in 1..=len.min(4) {
        let i = len - back;
        let lead = b[i];
        if lead & 0xC0 == 0x80 {
            continue;
        }
        let need = match lead {
            0xF0..=0xF7 => 4,
            0xE0..=0xEF => 3,
            0xC0..=0xDF => 2,
            _ => 1,
        };
        return if back < need { i } else { len };
    }
    len
}

/// The workers of a pipeline: each takes jobs from `work_rx`, does `work`
/// on them and sends them back with its result (or the panic that stopped
/// it), until the queue is closed. Returns how many started: fewer than
/// `threads` (0 even) when the system refuses threads, and the caller
/// then does the work with those, or alone.
pub(crate) fn spawn_workers<'scope, 'env, J, R, F>(
    scope: &'scope std::thread::Scope<'scope, 'env>,
    threads: usize,
    work_rx: &'env std::sync::Mutex<std::sync::mpsc::Receiver<J>>,
    done_tx: &std::sync::mpsc::Sender<(J, std::thread::Result<R>)>,
    work: &'env F,
) -> usize
where
    J: Send + 'env,
    R: Send + 'env,
    F: Fn(&mut J, &mut Scratch) -> R + Sync,
{
    let mut started = 0;
    for _ in 0..threads {
        let done_tx = done_tx.clone();
        let spawned = std::thread::Builder::new().spawn_scoped(scope, move || {
            let mut scratch = Scratch::default();
            loop {
                // The lock is only held while waiting for a job.
                let job = match work_rx.lock() {
                    Ok(rx) => rx.recv(),
                    Err(_) => break,
                };
                let Ok(mut job) = job else { break };
                let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    work(&mut job, &mut scratch)
                }))
                .inspect(|_| scratch.trim(KEEP));
                if done_tx.send((job, outcome)).is_err() {
                    break;
                }
            }
        });
        // The system refused a thread (a process limit, no memory): the
        // ones started do the work, or the caller does it alone.
        if spawned.is_err() {
            break;
        }
        started += 1;
    }
    started
}

/// The work of a pipeline's workers: a piece converted into its output
/// buffer, unless `stop` is set (after a failed output nothing more is
/// written).
fn convert_job<T: AsRef<str>, O: Output>(
    conv: &Converter,
    stop: &std::sync::atomic::AtomicBool,
) -> impl Fn(&mut Job<T, O>, &mut Scratch) + Sync {
    move |(_, text, out), scratch| {
        if !stop.load(std::sync::atomic::Ordering::Relaxed) {
            out.convert(conv, text.as_ref(), scratch);
        }
    }
}

/// Where a pipeline's output goes.
pub(crate) trait Sink {
    /// The pieces' conversions.
    type Piece: Buffer;
    /// Writes a piece's conversion (a piece may also carry the reason it
    /// has none, which this returns).
    fn put(&mut self, piece: &mut Self::Piece) -> Result<(), Error>;
    /// The length of a piece's conversion.
    fn length(piece: &Self::Piece) -> usize;
    fn flush(&mut self) -> std::io::Result<()>;
}

/// A writer as a [`Sink`].
struct WriteSink<W>(W);

impl<W: Write> Sink for WriteSink<W> {
    type Piece = Bytes;
    fn put(&mut self, piece: &mut Bytes) -> Result<(), Error> {
        self.0
            .write_all(&piece.buf[..piece.len])
            .map_err(|e| Error::new(ErrorKind::Write(e)))
    }
    fn length(piece: &Bytes) -> usize {
        piece.len
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

/// A whole conversion in memory, which [`convert_pieces`] appends to: UTF-8
/// (`String`) or code points (`Vec<u32>`, see
/// [`Converter::convert_into_utf32`]).
pub(crate) trait Whole {
    /// A piece's conversion, appended to the whole in order.
    type Piece: Output;
    /// Appends the conversion of `text`, converted on this thread.
    fn convert_whole(&mut self, conv: &Converter, text: &str);
    fn append(&mut self, piece: &Self::Piece);
    /// The length of a piece's conversion, in the whole's units.
    fn units(piece: &Self::Piece) -> usize;
}

impl Whole for String {
    type Piece = String;
    fn convert_whole(&mut self, conv: &Converter, text: &str) {
        conv.convert_into(text, self);
    }
    fn append(&mut self, piece: &String) {
        self.push_str(piece);
    }
    fn units(piece: &String) -> usize {
        piece.len()
    }
}

impl Whole for Vec<u32> {
    type Piece = Vec<u32>;
    fn convert_whole(&mut self, conv: &Converter, text: &str) {
        conv.convert_into_utf32(text, self);
    }
    fn append(&mut self, piece: &Vec<u32>) {
        self.extend_from_slice(piece);
    }
    fn units(piece: &Vec<u32>) -> usize {
        piece.len()
    }
}

impl Output for Vec<u32> {
    fn convert(&mut self, conv: &Converter, text: &str, _: &mut Scratch) {
        self.clear();
        conv.convert_into_utf32(text, self);
    }
}

impl Buffer for Vec<u32> {
    /// In bytes, as the other buffers'.
    fn capacity(&self) -> usize {
        Vec::capacity(self) * 4
    }
}

impl<W: Whole> Sink for &mut W {
    type Piece = W::Piece;
    fn put(&mut self, piece: &mut W::Piece) -> Result<(), Error> {
        self.append(piece);
        Ok(())
    }
    fn length(piece: &W::Piece) -> usize {
        W::units(piece)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The writing side of a pipeline.
pub(crate) struct Pipe<S: Sink, T> {
    pub(crate) output: S,
    /// The workers' queue (`None` once closed).
    work_tx: Option<std::sync::mpsc::Sender<Job<T, S::Piece>>>,
    done_rx: std::sync::mpsc::Receiver<Converted<T, S::Piece>>,
    /// Pieces sent to the workers, results received, pieces written.
    sent: usize,
    received: usize,
    next: usize,
    finished: std::collections::BTreeMap<usize, S::Piece>,
    written: u64,
    /// The output of pieces converted on this thread.
    scratch: S::Piece,
    /// The engine's working space for pieces converted on this thread.
    engine: Scratch,
    /// Output buffers written and free for the next pieces.
    spare: Vec<S::Piece>,
    /// Texts of pieces converted by the workers, for reuse.
    pub(crate) returned: Vec<T>,
}

impl<S: Sink, T> Pipe<S, T> {
    pub(crate) fn new(
        output: S,
        work_tx: std::sync::mpsc::Sender<Job<T, S::Piece>>,
        done_rx: std::sync::mpsc::Receiver<Converted<T, S::Piece>>,
    ) -> Pipe<S, T> {
        Pipe {
            output,
            work_tx: Some(work_tx),
            done_rx,
            sent: 0,
            received: 0,
            next: 0,
            finished: std::collections::BTreeMap::new(),
            written: 0,
            scratch: S::Piece::default(),
            engine: Scratch::default(),
            spare: Vec::new(),
            returned: Vec::new(),
        }
    }

    /// Closes the workers' queue: they end once it is empty.
    pub(crate) fn close(&mut self) {
        self.work_tx = None;
    }

    /// Whether every piece sent has come back.
    pub(crate) fn is_idle(&self) -> bool {
        self.received == self.sent
    }

    /// The bytes written so far.
    pub(crate) fn written(&self) -> u64 {
        self.written
    }

    /// Whether another piece may be sent to `threads` workers: at most
    /// `2 * threads` pieces queued or being converted, and at most
    /// `4 * threads` not yet written (pieces finished out of order wait
    /// for the ones before them; the window does not close on them).
    pub(crate) fn has_room(&self, threads: usize) -> bool {
        self.sent - self.received < 2 * threads && self.sent - self.next < 4 * threads
    }

    pub(crate) fn send(&mut self, text: T) {
        if let Some(tx) = &self.work_tx {
            // The workers outlive the queue: sending cannot fail.
            let out = self.spare.pop().unwrap_or_default();
            let _ = tx.send((self.sent, text, out));
            self.sent += 1;
        }
    }

    fn receive(&mut self, ((k, text, out), outcome): Converted<T, S::Piece>) {
        self.received += 1;
        match outcome {
            Ok(()) => {
                self.finished.insert(k, out);
                self.returned.push(text);
            }
            // A panic in a worker is a bug in the engine: raise it here
            // (closing the queue first, so the other workers end).
            Err(panic) => {
                self.work_tx = None;
                std::panic::resume_unwind(panic)
            }
        }
    }

    /// Takes the results that are there, without waiting.
    fn collect(&mut self) -> Result<(), Error> {
        while let Ok(done) = self.done_rx.try_recv() {
            self.receive(done);
        }
        Ok(())
    }

    /// Waits for one result (there must be one outstanding).
    pub(crate) fn wait(&mut self) -> Result<(), Error> {
        if self.received >= self.sent {
            return Ok(());
        }
        match self.done_rx.recv() {
            Ok(done) => {
                self.receive(done);
                Ok(())
            }
            // Unreachable: the workers run until the queue is closed.
            Err(_) => Err(Error::new(ErrorKind::Write(std::io::Error::other(
                "the conversion threads stopped",
            )))),
        }
    }

    /// Writes the finished pieces that come next, in order.
    pub(crate) fn write_ready(&mut self) -> Result<(), Error> {
        while let Some(mut out) = self.finished.remove(&self.next) {
            self.next += 1;
            self.output.put(&mut out)?;
            self.written += S::length(&out) as u64;
            if out.capacity() <= KEEP {
                self.spare.push(out);
            }
        }
        Ok(())
    }

    /// Waits for every piece sent and writes them all.
    fn catch_up(&mut self) -> Result<(), Error> {
        while self.received < self.sent {
            self.wait()?;
            self.write_ready()?;
        }
        self.write_ready()
    }

    fn flush(&mut self) -> Result<(), Error> {
        self.output
            .flush()
            .map_err(|e| Error::new(ErrorKind::Write(e)))
    }
}

impl<S: Sink<Piece: Output>> Pipe<S, String> {
    /// A piece: to the workers once they run (copied into a text given back
    /// by an earlier piece), else converted here (nothing is in flight then).
    fn hand(&mut self, conv: &Converter, text: &str, workers: bool) -> Result<(), Error> {
        if text.is_empty() {
            return Ok(());
        }
        if workers {
            // A text grown by a piece without a safe cut for a long way
            // is given back to the system.
            let mut piece = self
                .returned
                .pop()
                .filter(|p| p.capacity() <= KEEP)
                .unwrap_or_default();
            piece.clear();
            piece.push_str(text);
            self.send(piece);
            return Ok(());
        }
        // One output buffer for every piece: no allocation (and no fresh
        // pages) per piece.
        self.scratch.convert(conv, text, &mut self.engine);
        self.output.put(&mut self.scratch)?;
        self.written += S::length(&self.scratch) as u64;
        // Buffers grown by such a piece are not kept for the next ones.
        if self.scratch.capacity() > KEEP {
            self.scratch = Default::default();
        }
        self.engine.trim(KEEP);
        Ok(())
    }
}

impl StreamConverter<'_> {
    /// Adds input; returns the output that is now final (possibly empty).
    ///
    /// Fails on invalid UTF-8 with the position of the first bad byte.
    pub fn push(&mut self, input: &[u8]) -> Result<&str, Error> {
        self.out.clear();
        if self.pending.is_empty() && input.len() >= self.next_attempt {
            // Convert straight from `input` when it holds a safe cut, and
            // keep only the rest: no copy of the bulk of the text.
            if let Ok(text) = simdutf8::basic::from_utf8(input)
                && let Some(cut) = find_cut(self.converter, text)
            {
                convert_parts(self.converter, &text[..cut], self.threads, &mut self.out);
                advance_position(&mut self.position, &input[..cut]);
                self.pending.extend_from_slice(&input[cut..]);
                self.validated = self.pending.len();
                self.next_attempt = self.batch().max(self.pending.len() + 1);
                return Ok(&self.out);
            }
        }
        self.pending.extend_from_slice(input);
        self.validate(false)?;
        if self.validated >= self.next_attempt {
            self.convert_ready()?;
        }
        Ok(&self.out)
    }

    /// Converts what can be converted of the input so far, however little:
    /// for interactive input (a pipe that has nothing more for now), so
    /// that output keeps up with it. Returns the output that is now final.
    pub fn flush_ready(&mut self) -> Result<&str, Error> {
        self.out.clear();
        if self.validated > 0 {
            self.convert_ready()?;
        }
        Ok(&self.out)
    }

    /// Converts the validated input up to its last safe cut, if any.
    fn convert_ready(&mut self) -> Result<(), Error> {
        let text = simdutf8::basic::from_utf8(&self.pending[..self.validated])
            .map_err(|_| self.internal_utf8())?;
        match find_cut(self.converter, text) {
            Some(cut) => {
                convert_parts(self.converter, &text[..cut], self.threads, &mut self.out);
                self.advance(cut);
                self.next_attempt = self.batch().max(self.pending.len() + 1);
            }
            None => self.next_attempt = self.validated * 2,
        }
        Ok(())
    }

    /// Ends the input; returns the rest of the output.
    ///
    /// Fails when the input ends inside a UTF-8 character.
    pub fn finish(&mut self) -> Result<&str, Error> {
        self.validate(true)?;
        self.out.clear();
        let text = simdutf8::basic::from_utf8(&self.pending).map_err(|_| self.internal_utf8())?;
        convert_parts(self.converter, text, self.threads, &mut self.out);
        let all = self.pending.len();
        self.advance(all);
        Ok(&self.out)
    }

    /// How much input to gather before converting.
    fn batch(&self) -> usize {
        if self.threads > 1 {
            self.threads * PART
        } else {
            CHUNK
        }
    }

    /// Total bytes given to [`push`](StreamConverter::push) so far.
    pub fn bytes_pushed(&self) -> u64 {
        self.position.byte + self.pending.len() as u64
    }

    /// Checks the not yet validated part of `pending`. At the end of input
    /// an incomplete trailing character is an error too.
    fn validate(&mut self, at_end: bool) -> Result<(), Error> {
        match simdutf8::compat::from_utf8(&self.pending[self.validated..]) {
            Ok(_) => self.validated = self.pending.len(),
            Err(e) => {
                let bad = self.validated + e.valid_up_to();
                self.validated = bad;
                if let Some(len) = e.error_len() {
                    return Err(self.invalid_at(bad, len));
                }
                if at_end {
                    return Err(self.invalid_at(bad, self.pending.len() - bad));
                }
            }
        }
        Ok(())
    }

    /// The error for the `len` invalid bytes at `bad`.
    fn invalid_at(&self, bad: usize, len: usize) -> Error {
        let mut position = self.position;
        // pending[..bad] is valid UTF-8 (validated above).
        advance_position(&mut position, &self.pending[..bad]);
        let bytes = self.pending[bad..bad + len].to_vec();
        Error::new(ErrorKind::InvalidUtf8 { position, bytes })
    }

    fn internal_utf8(&self) -> Error {
        // Unreachable: callers only decode the validated prefix.
        self.invalid_at(self.validated, 0)
    }

    /// Drops the first `n` pending bytes (already converted).
    fn advance(&mut self, n: usize) {
        advance_position(&mut self.position, &self.pending[..n]);
        self.pending.drain(..n);
        self.validated -= n;
    }
}

/// [`convert_pieces`] in pieces of [`PART`] bytes.
pub(crate) fn convert_parts(conv: &Converter, text: &str, threads: usize, out: &mut String) {
    convert_pieces(conv, text, threads, PART, out);
}

/// Converts `text` (which starts where a conversion may start) into `out`
/// on `threads` threads: pieces of about `part` bytes cut at safe cuts go to
/// the workers, and this thread appends their results in order as they
/// come, so the copying overlaps the conversion. The output is the same
/// whatever `threads` and `part` (the cuts are safe).
pub(crate) fn convert_pieces<W: Whole>(
    conv: &Converter,
    text: &str,
    threads: usize,
    part: usize,
    out: &mut W,
) {
    use std::sync::atomic::AtomicBool;
    use std::sync::{Mutex, mpsc};

    if threads <= 1 || text.len() < 2 * part {
        out.convert_whole(conv, text);
        return;
    }
    let (work_tx, work_rx) = mpsc::channel::<Job<&str, W::Piece>>();
    let work_rx = Mutex::new(work_rx);
    let (done_tx, done_rx) = mpsc::channel::<Converted<&str, W::Piece>>();
    let stop = AtomicBool::new(false);
    let work = convert_job(conv, &stop);
    std::thread::scope(|scope| {
        if spawn_workers(scope, threads, &work_rx, &done_tx, &work) == 0 {
            // The system refused every thread: this one converts it all.
            out.convert_whole(conv, text);
            return;
        }
        let mut pipe = Pipe::new(out, work_tx, done_rx);
        let mut start = 0;
        while start < text.len() {
            let rest = &text[start..];
            let mut end = rest.len().min(part);
            while !rest.is_char_boundary(end) {
                end -= 1;
            }
            let cut = if end == rest.len() {
                end
            } else {
                find_cut(conv, &rest[..end])
                    .or_else(|| find_cut(conv, rest))
                    .unwrap_or(rest.len())
            };
            pipe.send(&rest[..cut]);
            start += cut;
            // Appending to a String cannot fail.
            while !pipe.has_room(threads) {
                let _ = pipe.wait().and_then(|()| pipe.write_ready());
            }
            let _ = pipe.collect().and_then(|()| pipe.write_ready());
            pipe.returned.clear();
        }
        let _ = pipe.catch_up();
        pipe.close();
    });
}

/// Checks that everything `input` yields is valid UTF-8, in bounded memory.
/// Returns the number of bytes read, or the position of the first bad byte.
///
/// ```
/// let err = bianyi_convert::check_utf8(&b"ok\n\xff"[..]).unwrap_err();
/// assert!(err.to_string().contains("line 2, column 1 (byte offset 3)"));
/// ```
pub fn check_utf8<R: Read>(mut input: R) -> Result<u64, Error> {
    let mut buf = vec![0u8; CHUNK];
    // Bytes at the start of `buf` carried over from the previous read: the
    // beginning of a character split between reads (at most 3 bytes).
    let mut carried = 0;
    let mut position = Position {
        byte: 0,
        line: 1,
        column: 1,
    };
    loop {
        let n = match input.read(&mut buf[carried..]) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(Error::new(ErrorKind::Read(e))),
        };
        let filled = carried + n;
        let at_end = n == 0;
        let valid = match simdutf8::compat::from_utf8(&buf[..filled]) {
            Ok(_) => filled,
            Err(e) if e.error_len().is_none() && !at_end => e.valid_up_to(),
            Err(e) => {
                let bad = e.valid_up_to();
                advance_position(&mut position, &buf[..bad]);
                let len = e.error_len().unwrap_or(filled - bad);
                let bytes = buf[bad..bad + len].to_vec();
                return Err(Error::new(ErrorKind::InvalidUtf8 { position, bytes }));
            }
        };
        advance_position(&mut position, &buf[..valid]);
        if at_end {
            return Ok(position.byte);
        }
        buf.copy_within(valid..filled, 0);
        carried = filled - valid;
    }
}

/// Moves `position` past `bytes` (valid UTF-8).
pub(crate) fn advance_position(position: &mut Position, bytes: &[u8]) {
    position.byte += bytes.len() as u64;
    match memchr::memrchr(b'\n', bytes) {
        Some(last) => {
            position.line += memchr::memchr_iter(b'\n', bytes).count() as u64;
            position.column = 1 + count_chars(&bytes[last + 1..]);
        }
        None => position.column += count_chars(bytes),
    }
}

fn count_chars(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count() as u64
}

/// The last byte offset in `text` (which starts where a conversion may
/// start) at which the text may be cut without changing the result: the
/// conversion of `text[..cut]` followed by that of the rest equals the
/// conversion of the whole. `None` when no such cut is known.
///
/// A cut is safe when no dictionary match and no ideographic description
/// sequence of any pass can span it. Three kinds are used, best first:
///
/// 1. after a newline, and
/// 2. after any other character that occurs in no dictionary key: no key can
///    match across such a character, in any stage;
/// 3. at a boundary of the segmentation, or inside an unsegmented run at a
///    point where every stage of the chain has a boundary, in both cases
///    decided by text already seen (see `Converter::unit_cut`);
/// 4. right before an ideographic description operator (no key contains
///    one), used when a sequence would reach over a cut of the other kinds.
///
/// No ideographic description sequence may reach over a cut (see
/// `spanning_sequence`).
pub(crate) fn find_cut(converter: &Converter, text: &str) -> Option<usize> {
    let cut = match text_cut(converter, text) {
        Some(cut) => cut,
        None => unit_cut(converter, text)?,
    };
    settle_cut(converter, text, cut, true)
}

/// A safe cut in `text` (valid UTF-8 that may start anywhere in the input,
/// not necessarily where a conversion may start), found from `text` alone:
/// a cut of the first two kinds of [`find_cut`], moved before any
/// ideographic description sequence that may reach over it. `None` when
/// there is none, or when deciding would need text from before `text`.
pub(crate) fn cut_in_window(converter: &Converter, text: &str) -> Option<usize> {
    settle_cut(converter, text, text_cut(converter, text)?, false)
}

/// The last cut of the first two kinds of [`find_cut`] in `text` (after a
/// newline, else after a character that occurs in no key): neither depends
/// on the text before it.
fn text_cut(converter: &Converter, text: &str) -> Option<usize> {
    match memchr::memrchr(b'\n', text.as_bytes()) {
        Some(p) => Some(p + 1),
        None => text
            .char_indices()
            .rev()
            .find(|&(_, c)| converter.in_no_key(c) && !ids::is_operator(c))
            .map(|(i, c)| i + c.len_utf8()),
    }
}

/// `cut`, moved before every ideographic description sequence that may
/// reach over it (no key contains an operator, so right before one is a
/// dictionary boundary too). `whole`: `text` starts where a conversion may
/// start; if not, a cut whose look-back for such sequences would reach
/// before the start of `text` is refused.
fn settle_cut(converter: &Converter, text: &str, mut cut: usize, whole: bool) -> Option<usize> {
    let window_chars = (converter.max_key_chars() + 1) * ids::MAX_SPAN_CHARS;
    loop {
        if !whole && cut < 4 * window_chars {
            return None;
        }
        match spanning_sequence(text, cut, window_chars) {
            Some(op) => cut = op,
            None => break,
        }
    }
    (cut > 0).then_some(cut)
}

/// A dictionary-unit cut (see `Converter::unit_cut`) computed on the text
/// as the first pass sees it: normalised, when normalisation changes it
/// (it maps characters one to one, so offsets map back by count).
fn unit_cut(converter: &Converter, prefix: &str) -> Option<usize> {
    if !converter.normalizes(prefix) {
        return converter.unit_cut(prefix);
    }
    let normalized = converter.normalize(prefix);
    let cut = converter.unit_cut(&normalized)?;
    let chars = normalized[..cut].chars().count();
    if normalized.chars().count() != prefix.chars().count() {
        return None;
    }
    Some(
        prefix
            .char_indices()
            .nth(chars)
            .map_or(prefix.len(), |(i, _)| i),
    )
}

/// The offset of an ideographic description operator whose sequence may
/// reach over `cut`, if any. Every stage copies a complete sequence whole
/// and unchanged (no key contains an operator), so one that ends by `cut`
/// in the input ends there in every stage. A sequence the input does not
/// complete yet, or one too long or too deep (which a stage that shortened
/// its operands might accept), counts as reaching over the cut when its
/// operator is within `window_chars` characters before it.
fn spanning_sequence(text: &str, cut: usize, window_chars: usize) -> Option<usize> {
    let mut start = cut.saturating_sub(4 * window_chars);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = cut;
    while let Some(op) = last_operator(&text[start..end]) {
        let op = start + op;
        match ids::sequence_at(&text[op..]) {
            ids::Sequence::Complete(len) if op + len <= cut => {}
            _ => return Some(op),
        }
        end = op;
    }
    None
}

/// Byte offset of the last ideographic description operator in `text`.
fn last_operator(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut end = bytes.len();
    while let Some(p) = memchr::memrchr(0xBF, &bytes[..end]) {
        // Operators are E2 BF B0..BF; 0xBF is their second byte.
        if p >= 1
            && bytes[p - 1] == 0xE2
            && bytes.get(p + 1).is_some_and(|b| (0xB0..=0xBF).contains(b))
        {
            return Some(p - 1);
        }
        end = p;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Config;

    #[test]
    fn newline_and_ascii_occur_in_no_key() {
        for c in ['\n', '\r', ' ', '\t', ',', '.', 'a', '0'] {
            assert!(crate::tables::builtin().in_no_key(c), "{c:?}");
        }
    }

    #[test]
    fn positions() {
        let mut p = Position {
            byte: 0,
            line: 1,
            column: 1,
        };
        advance_position(&mut p, "ab\n漢字".as_bytes());
        assert_eq!(
            p,
            Position {
                byte: 9,
                line: 2,
                column: 3
            }
        );
        advance_position(&mut p, "x".as_bytes());
        assert_eq!(
            p,
            Position {
                byte: 10,
                line: 2,
                column: 4
            }
        );
    }

    #[test]
    fn cuts_avoid_ids() {
        let conv = Converter::new(Config::S2t);
        // A complete sequence before the cut is fine.
        assert_eq!(
            find_cut(&conv, "汉字\n⿰氵尔\n后"),
            Some("汉字\n⿰氵尔\n".len())
        );
        assert_eq!(last_operator("汉字\n⿰氵尔\n后"), Some("汉字\n".len()));
        // One whose operands (any character, newline included) run over the
        // cut is not, nor is one the text does not complete yet.
        assert_eq!(find_cut(&conv, "汉字\n⿰\n尔后"), Some("汉字\n".len()));
        assert_eq!(find_cut(&conv, "汉字\n后⿰氵"), Some("汉字\n".len()));
        assert_eq!(find_cut(&conv, "⿰\n尔后"), None);
    }

    #[test]
    fn check_utf8_positions() {
        // (input, Ok(bytes) or Err((byte, line, column)))
        type Case<'a> = (&'a [u8], Result<u64, (u64, u64, u64)>);
        let cases: &[Case<'_>] = &[
            (b"", Ok(0)),
            ("漢字\n".as_bytes(), Ok(7)),
            (b"ab\n\xe6\xbc", Err((3, 2, 1))),
            (b"ab\xc0\x80", Err((2, 1, 3))),
            (
                b"\xe4\xb8\x80\n\xe4\xba\x8c\n\xe4\xb8\x89\xff",
                Err((11, 3, 2)),
            ),
        ];
        for (input, want) in cases {
            // One byte per read, to split characters between reads.
            let reader = OneByte(input);
            let got = check_utf8(reader).map_err(|e| match e.into_kind() {
                ErrorKind::InvalidUtf8 { position, .. } => {
                    (position.byte, position.line, position.column)
                }
                other => panic!("{other:?}"),
            });
            assert_eq!(&got, want, "{input:?}");
            let whole = check_utf8(*input).map_err(|e| e.to_string());
            assert_eq!(whole.is_ok(), want.is_ok());
        }
    }

    /// Memory stays bounded on long inputs without newlines, even without
    /// punctuation or any phrase to cut at.
    #[test]
    fn pending_stays_bounded() {
        // No newline, no hard character, an IDS every few characters, and
        // compatibility ideographs: all still cut.
        let inputs = [
            ("的", 600_000),
            ("头发", 300_000),
            ("，漢字", 300_000),
            ("⿰氵尔后\n", 200_000),
            ("头发发展里程碑⿰氵尔", 100_000),
            ("汉字头发\u{F900}", 200_000),
        ];
        for (unit, times) in inputs {
            for &config in Config::ALL {
                let conv = Converter::new(config);
                let mut s = conv.stream();
                let piece = unit.repeat(20_000);
                let mut peak = 0;
                for _ in 0..(times / 20_000) {
                    s.push(piece.as_bytes())
                        .map(|_| ())
                        .unwrap_or_else(|e| panic!("{e}"));
                    peak = peak.max(s.pending.len());
                }
                assert!(
                    peak < 256 * 1024,
                    "{config} on {unit}…: pending grew to {peak} bytes"
                );
            }
        }
    }

    struct OneByte<'a>(&'a [u8]);

    impl Read for OneByte<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            match (self.0.split_first(), buf.first_mut()) {
                (Some((b, rest)), Some(slot)) => {
                    *slot = *b;
                    self.0 = rest;
                    Ok(1)
                }
                _ => Ok(0),
            }
        }
    }

    #[test]
    fn invalid_utf8_position() {
        let conv = Converter::new(Config::S2t);
        let mut s = conv.stream();
        s.push("第一行\n第二".as_bytes())
            .map(|_| ())
            .unwrap_or_else(|e| panic!("{e}"));
        let err = s.push(b"\xff\xfe").map(|_| ()).unwrap_err();
        match err.kind() {
            ErrorKind::InvalidUtf8 { position, bytes } => {
                assert_eq!(
                    *position,
                    Position {
                        byte: 16,
                        line: 2,
                        column: 3
                    }
                );
                assert_eq!(bytes, &[0xff]);
            }
            other => panic!("{other:?}"),
        }
        let mut s = conv.stream();
        s.push("汉".as_bytes())
            .map(|_| ())
            .unwrap_or_else(|e| panic!("{e}"));
        s.push(&"字".as_bytes()[..2])
            .map(|_| ())
            .unwrap_or_else(|e| panic!("{e}"));
        let err = s.finish().map(|_| ()).unwrap_err();
        assert!(matches!(
            err.kind(),
            ErrorKind::InvalidUtf8 {
                position: Position { byte: 3, .. },
                ..
            }
        ));
    }
}
