//! Legacy encodings: inputs in GB18030, GBK, Big5 or UTF-16 are decoded
//! to UTF-8 for conversion and the output encoded back (by default in the
//! input's encoding), with encoding_rs. UTF-8 input takes no detour.
//!
//! Malformed input and characters the output encoding cannot hold are
//! errors with their position. A reader or writer has only `io::Error` to
//! say what went wrong, and it may be handed to the engine, which sees
//! nothing else: so the [`DecodingReader`] leaves the [`Malformed`] input in
//! a [`MalformedSlot`] its owner keeps, and the [`EncodingWriter`] keeps the
//! [`Unmappable`] character itself, for their owners to ask when an I/O
//! error comes back. Nothing travels inside an `io::Error`.

use std::collections::BTreeMap;
use std::io::{self, Read, Write};
use std::sync::{Arc, OnceLock};

use encoding_rs::{
    BIG5, DecoderResult, EncoderResult, Encoding, GB18030, GBK, UTF_8, UTF_16BE, UTF_16LE,
};

use crate::args::EncodingArg;
use crate::error::CliError;

/// How much of an input `auto` looks at.
const SNIFF: usize = 64 * 1024;

/// What an input was read as.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Chosen {
    pub(crate) encoding: &'static Encoding,
    /// The input started with this encoding's byte order mark.
    pub(crate) bom: bool,
    /// `auto` guessed it from the content (it is worth saying so).
    pub(crate) guessed: bool,
}

impl Chosen {
    pub(crate) fn is_utf8(&self) -> bool {
        self.encoding == UTF_8
    }
}

pub(crate) fn encoding_of(arg: EncodingArg) -> Option<&'static Encoding> {
    match arg {
        EncodingArg::Auto => None,
        EncodingArg::Utf8 => Some(UTF_8),
        EncodingArg::Gb18030 => Some(GB18030),
        EncodingArg::Gbk => Some(GBK),
        EncodingArg::Big5 => Some(BIG5),
        EncodingArg::Utf16le => Some(UTF_16LE),
        EncodingArg::Utf16be => Some(UTF_16BE),
    }
}

/// The encoding of an input that starts with `head` (its first bytes; all
/// of it when shorter than 64 KiB).
pub(crate) fn choose(arg: EncodingArg, head: &[u8]) -> Chosen {
    let bom = Encoding::for_bom(head);
    if let Some(wanted) = encoding_of(arg) {
        return Chosen {
            encoding: wanted,
            bom: bom.is_some_and(|(e, _)| e == wanted),
            guessed: false,
        };
    }
    if let Some((encoding, _)) = bom {
        return Chosen {
            encoding,
            bom: true,
            guessed: false,
        };
    }
    if looks_utf8(head) {
        return Chosen {
            encoding: UTF_8,
            bom: false,
            guessed: false,
        };
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(head, head.len() < SNIFF);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    // Only the legacy encodings of Chinese are guessed (GBK is a subset of
    // GB18030, which reads both). Anything else is taken as UTF-8, so its
    // first invalid byte is reported where it is.
    let encoding = if guess == GBK || guess == GB18030 {
        GB18030
    } else if guess == BIG5 {
        BIG5
    } else {
        return Chosen {
            encoding: UTF_8,
            bom: false,
            guessed: false,
        };
    };
    Chosen {
        encoding,
        bom: false,
        guessed: true,
    }
}

/// Valid UTF-8, or nearly: a text whose non-ASCII bytes are mostly
/// well-formed UTF-8 is UTF-8 with damaged spots (reported as an error
/// where they are), not a legacy encoding, where valid UTF-8 sequences are
/// rare accidents.
fn looks_utf8(head: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    let mut rest = head;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                good += s.bytes().filter(|b| !b.is_ascii()).count();
                break;
            }
            Err(e) => {
                let (valid, after) = rest.split_at(e.valid_up_to());
                good += valid.iter().filter(|b| !b.is_ascii()).count();
                match e.error_len() {
                    // Cut at the end of the sample, not an error.
                    None => break,
                    Some(n) => {
                        bad += n;
                        rest = after.get(n..).unwrap_or_default();
                    }
                }
            }
        }
    }
    bad == 0 || good >= 4 * bad
}

/// The name users know an encoding by.
pub(crate) fn name(e: &'static Encoding) -> &'static str {
    match e.name() {
        "gb18030" => "GB18030",
        "GBK" => "GBK",
        "Big5" => "Big5",
        "UTF-8" => "UTF-8",
        "UTF-16LE" => "UTF-16LE",
        "UTF-16BE" => "UTF-16BE",
        other => other,
    }
}

/// Malformed input in a legacy encoding, where a [`DecodingReader`]
/// stopped.
#[derive(Debug)]
pub(crate) struct Malformed {
    pub(crate) encoding: &'static Encoding,
    pub(crate) offset: u64,
    pub(crate) bytes: Vec<u8>,
}

/// Where a [`DecodingReader`] leaves the malformed input that stopped it
/// (its read error then says only "malformed input"): the reader's owner
/// keeps a clone ([`DecodingReader::malformed`]) and asks it when a read
/// fails. An input read as it is has an empty one.
#[derive(Clone, Debug, Default)]
pub(crate) struct MalformedSlot(Arc<OnceLock<Malformed>>);

impl MalformedSlot {
    /// The malformed input the reader stopped at, if it did.
    pub(crate) fn get(&self) -> Option<&Malformed> {
        self.0.get()
    }

    /// A read error that the decoding reader raised for malformed input, as
    /// such ([`CliError::Malformed`]); any other error as it is.
    pub(crate) fn refine(&self, e: CliError) -> CliError {
        match (e, self.get()) {
            (CliError::Read { source, .. }, Some(m)) => CliError::Malformed {
                source,
                encoding: name(m.encoding),
                offset: m.offset,
                bytes: m.bytes.clone(),
            },
            (e, _) => e,
        }
    }
}

/// A character the output encoding cannot hold, recorded by the
/// [`EncodingWriter`] that refused it.
#[derive(Debug)]
pub(crate) struct Unmappable {
    pub(crate) encoding: &'static Encoding,
    pub(crate) ch: char,
    /// 1-based line of the output.
    pub(crate) line: u64,
}

/// Reads `inner` in `encoding` and yields UTF-8.
pub(crate) struct DecodingReader<R> {
    inner: R,
    encoding: &'static Encoding,
    decoder: encoding_rs::Decoder,
    input: Vec<u8>,
    start: usize,
    end: usize,
    out: Vec<u8>,
    out_start: usize,
    out_end: usize,
    /// Input bytes the decoder has consumed (the BOM included).
    consumed: u64,
    /// The last bytes consumed (at most [`RECENT`]): a malformed sequence
    /// may have been consumed by an earlier call than the one that reports
    /// it (a sequence cut by the end of the input, or by the end of a
    /// buffer), so the bytes of the error are taken from here.
    recent: Vec<u8>,
    eof: bool,
    done: bool,
    /// Where malformed input is reported.
    malformed: MalformedSlot,
}

impl<R: Read> DecodingReader<R> {
    pub(crate) fn new(inner: R, encoding: &'static Encoding) -> DecodingReader<R> {
        DecodingReader {
            inner,
            encoding,
            decoder: encoding.new_decoder_with_bom_removal(),
            input: vec![0; 64 * 1024],
            start: 0,
            end: 0,
            out: vec![0; 3 * 64 * 1024 + 16],
            out_start: 0,
            out_end: 0,
            consumed: 0,
            recent: Vec::with_capacity(2 * RECENT),
            eof: false,
            done: false,
            malformed: MalformedSlot::default(),
        }
    }

    /// Where the malformed input that stops this reader will be (keep it
    /// before handing the reader on).
    pub(crate) fn malformed(&self) -> MalformedSlot {
        self.malformed.clone()
    }
}

/// How many consumed bytes [`DecodingReader`] keeps: more than the longest
/// malformed sequence and the bytes read after it (encoding_rs reports at
/// most a few of each).
const RECENT: usize = 16;

impl<R: Read> Read for DecodingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            if self.out_start < self.out_end {
                let avail = self
                    .out
                    .get(self.out_start..self.out_end)
                    .unwrap_or_default();
                let n = avail.len().min(buf.len());
                if let (Some(dst), Some(src)) = (buf.get_mut(..n), avail.get(..n)) {
                    dst.copy_from_slice(src);
                }
                self.out_start += n;
                return Ok(n);
            }
            if self.done {
                return Ok(0);
            }
            if self.start == self.end && !self.eof {
                let n = loop {
                    match self.inner.read(&mut self.input) {
                        Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                        other => break other?,
                    }
                };
                self.start = 0;
                self.end = n;
                self.eof = n == 0;
            }
            let src = self.input.get(self.start..self.end).unwrap_or_default();
            let (result, read, written) =
                self.decoder
                    .decode_to_utf8_without_replacement(src, &mut self.out, self.eof);
            self.recent
                .extend_from_slice(src.get(..read).unwrap_or_default());
            if self.recent.len() > RECENT {
                self.recent.drain(..self.recent.len() - RECENT);
            }
            self.start += read;
            self.consumed += read as u64;
            self.out_start = 0;
            self.out_end = written;
            match result {
                DecoderResult::InputEmpty => {
                    if self.eof {
                        self.done = true;
                    }
                }
                DecoderResult::OutputFull => {}
                DecoderResult::Malformed(bad, extra) => {
                    let offset = self.consumed - u64::from(extra) - u64::from(bad);
                    let back = usize::from(extra) + usize::from(bad);
                    let end = self.recent.len().saturating_sub(usize::from(extra));
                    let bytes = self
                        .recent
                        .get(self.recent.len().saturating_sub(back)..end)
                        .unwrap_or_default()
                        .to_vec();
                    // The first malformed input is the one reported (the
                    // owner stops at the error).
                    let _ = self.malformed.0.set(Malformed {
                        encoding: self.encoding,
                        offset,
                        bytes,
                    });
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        "malformed input",
                    ));
                }
            }
        }
    }
}

/// What to do with characters the output encoding cannot hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum OnUnmappable {
    Error,
    /// `&#NNNN;`
    Ncr,
}

/// Takes UTF-8 and writes it to `inner` in `encoding`.
pub(crate) struct EncodingWriter<W: Write> {
    inner: W,
    encoding: &'static Encoding,
    encoder: encoding_rs::Encoder,
    on_unmappable: OnUnmappable,
    /// The character that stopped the output, if one did.
    unmappable: Option<Unmappable>,
    /// The start of a character split between two writes.
    pending: Vec<u8>,
    buf: Vec<u8>,
    line: u64,
}

impl<W: Write> EncodingWriter<W> {
    /// A writer for `encoding`; `bom` writes its byte order mark first.
    pub(crate) fn new(
        mut inner: W,
        encoding: &'static Encoding,
        bom: bool,
        on_unmappable: OnUnmappable,
    ) -> io::Result<EncodingWriter<W>> {
        if bom {
            let mark: &[u8] = if encoding == UTF_16LE {
                b"\xFF\xFE"
            } else if encoding == UTF_16BE {
                b"\xFE\xFF"
            } else if encoding == UTF_8 {
                b"\xEF\xBB\xBF"
            } else {
                b""
            };
            inner.write_all(mark)?;
        }
        Ok(EncodingWriter {
            inner,
            encoding,
            encoder: encoding.new_encoder(),
            on_unmappable,
            unmappable: None,
            pending: Vec::new(),
            buf: vec![0; 64 * 1024],
            line: 1,
        })
    }

    /// The character the output encoding could not hold, when a write
    /// failed for it (with `--unmappable error`).
    pub(crate) fn unmappable(&self) -> Option<&Unmappable> {
        self.unmappable.as_ref()
    }

    fn encode(&mut self, text: &str) -> io::Result<()> {
        // Four HKSCS codes decode to a letter and a combining mark (Ê̄ Ê̌
        // ê̄ ê̌), which encoding_rs cannot encode back: write them here.
        // Both marks start with byte 0xCC; one pass finds them.
        if self.encoding == BIG5 {
            let b = text.as_bytes();
            let mut from = 0;
            for mark in memchr::memchr_iter(0xCC, b) {
                let Some(start) = mark.checked_sub(2) else {
                    continue;
                };
                let Some(&(sequence, bytes)) = HKSCS_PAIRS
                    .iter()
                    .find(|(s, _)| b.get(start..start + s.len()) == Some(s.as_bytes()))
                else {
                    continue;
                };
                if start < from {
                    continue;
                }
                self.encode_run(&text[from..start])?;
                self.inner.write_all(&bytes)?;
                from = start + sequence.len();
            }
            return self.encode_run(&text[from..]);
        }
        self.encode_run(text)
    }

    fn encode_run(&mut self, mut text: &str) -> io::Result<()> {
        // encoding_rs encodes UTF-16 as UTF-8 (the WHATWG rule for forms);
        // files want real UTF-16.
        if self.encoding == UTF_16LE || self.encoding == UTF_16BE {
            let mut bytes = Vec::with_capacity(text.len() * 2);
            for unit in text.encode_utf16() {
                if self.encoding == UTF_16LE {
                    bytes.extend_from_slice(&unit.to_le_bytes());
                } else {
                    bytes.extend_from_slice(&unit.to_be_bytes());
                }
            }
            return self.inner.write_all(&bytes);
        }
        loop {
            let (result, read, written) =
                self.encoder
                    .encode_from_utf8_without_replacement(text, &mut self.buf, false);
            self.inner
                .write_all(self.buf.get(..written).unwrap_or_default())?;
            let (done, rest) = text.split_at(read.min(text.len()));
            self.line += done.bytes().filter(|&b| b == b'\n').count() as u64;
            text = rest;
            match result {
                EncoderResult::InputEmpty => return Ok(()),
                EncoderResult::OutputFull => {}
                EncoderResult::Unmappable(ch) if self.encoding == BIG5 && hkscs(ch).is_some() => {
                    self.inner.write_all(&hkscs(ch).unwrap_or_default())?;
                }
                EncoderResult::Unmappable(ch) => match self.on_unmappable {
                    OnUnmappable::Ncr => {
                        write!(self.inner, "&#{};", u32::from(ch))?;
                    }
                    OnUnmappable::Error => {
                        // The writer keeps what went wrong (see
                        // `unmappable`); the error only stops the writing.
                        self.unmappable = Some(Unmappable {
                            encoding: self.encoding,
                            ch,
                            line: self.line,
                        });
                        return Err(io::Error::new(
                            io::ErrorKind::InvalidData,
                            "a character the output encoding cannot hold",
                        ));
                    }
                },
            }
        }
    }
}

/// The HKSCS codes that decode to two code points, with their text.
const HKSCS_PAIRS: [(&str, [u8; 2]); 4] = [
    ("\u{CA}\u{304}", [0x88, 0x62]),
    ("\u{CA}\u{30C}", [0x88, 0x64]),
    ("\u{EA}\u{304}", [0x88, 0xA3]),
    ("\u{EA}\u{30C}", [0x88, 0xA5]),
];

/// The Big5 bytes of a Hong Kong (HKSCS) character: encoding_rs decodes
/// Big5 as the web does, HKSCS included, but its encoder leaves out the
/// HKSCS lead bytes 0x81-0xA0 (WHATWG's rule for forms), so a Big5-HKSCS
/// file could be read and not written back. The table is built once, by
/// decoding every pair with those lead bytes.
fn hkscs(ch: char) -> Option<[u8; 2]> {
    static TABLE: std::sync::OnceLock<BTreeMap<char, [u8; 2]>> = std::sync::OnceLock::new();
    TABLE
        .get_or_init(|| {
            let mut table = BTreeMap::new();
            for lead in 0x81..=0xA0u8 {
                for trail in (0x40..=0x7Eu8).chain(0xA1..=0xFE) {
                    let pair = [lead, trail];
                    let (text, had_errors) = BIG5.decode_without_bom_handling(&pair);
                    let mut chars = text.chars();
                    if let (false, Some(c), None) = (had_errors, chars.next(), chars.next()) {
                        // The first pointer of a character, as WHATWG's
                        // index lookup takes.
                        table.entry(c).or_insert([lead, trail]);
                    }
                }
            }
            table
        })
        .get(&ch)
        .copied()
}

impl<W: Write> Write for EncodingWriter<W> {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        let joined;
        let bytes: &[u8] = if self.pending.is_empty() {
            data
        } else {
            self.pending.extend_from_slice(data);
            joined = std::mem::take(&mut self.pending);
            &joined
        };
        let mut valid = match std::str::from_utf8(bytes) {
            Ok(s) => s,
            Err(e) if e.error_len().is_none() => {
                // A character continues in the next write.
                let (head, tail) = bytes.split_at(e.valid_up_to());
                self.pending = tail.to_vec();
                std::str::from_utf8(head).unwrap_or_default()
            }
            Err(_) => {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    "output is not UTF-8",
                ));
            }
        };
        if self.encoding == BIG5
            && let Some(last) = valid.chars().next_back()
            && matches!(last, '\u{CA}' | '\u{EA}')
        {
            // Ê or ê may be the first half of an HKSCS pair (Ê̄): hold it
            // back until the next write shows what follows.
            let (head, held) = valid.split_at(valid.len() - last.len_utf8());
            let mut pending = held.as_bytes().to_vec();
            pending.append(&mut self.pending);
            self.pending = pending;
            valid = head;
        }
        self.encode(valid)?;
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        // A held-back Ê or ê stays held: see `finish`.
        self.inner.flush()
    }
}

impl<W: Write> EncodingWriter<W> {
    /// Ends the output: a held-back Ê or ê (see [`Write::write`]) is
    /// written, then the output flushed. [`Write::flush`] keeps it back, as
    /// a pause in the input may come between the letter and its mark.
    pub(crate) fn finish(&mut self) -> io::Result<()> {
        // A complete character: an incomplete one starting with 0xC3 is
        // that byte alone.
        if self.pending.starts_with("\u{CA}".as_bytes())
            || self.pending.starts_with("\u{EA}".as_bytes())
        {
            let held: Vec<u8> = self.pending.drain(..2).collect();
            self.encode(std::str::from_utf8(&held).unwrap_or_default())?;
        }
        self.inner.flush()
    }
}

/// Reads up to 64 KiB of `reader` for sniffing; the bytes are handed back
/// to be read again first.
pub(crate) fn head<R: Read>(reader: &mut R) -> io::Result<Vec<u8>> {
    let mut head = Vec::with_capacity(SNIFF);
    reader.take(SNIFF as u64).read_to_end(&mut head)?;
    Ok(head)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(bytes: &[u8], e: &'static Encoding) -> io::Result<String> {
        decode_with(bytes, e, &mut MalformedSlot::default())
    }

    /// [`decode`], leaving the reader's [`MalformedSlot`] in `slot`.
    fn decode_with(
        bytes: &[u8],
        e: &'static Encoding,
        slot: &mut MalformedSlot,
    ) -> io::Result<String> {
        let mut s = String::new();
        // Tiny reads exercise the buffering.
        let mut r = DecodingReader::new(io::Cursor::new(bytes.to_vec()), e);
        *slot = r.malformed();
        let mut buf = [0u8; 7];
        let mut out = Vec::new();
        loop {
            let n = r.read(&mut buf)?;
            if n == 0 {
                break;
            }
            out.extend_from_slice(&buf[..n]);
        }
        s.push_str(std::str::from_utf8(&out).map_err(io::Error::other)?);
        Ok(s)
    }

    /// `text` encoded, or the character the encoding cannot hold.
    fn encode(
        text: &str,
        e: &'static Encoding,
        bom: bool,
        u: OnUnmappable,
    ) -> Result<Vec<u8>, Unmappable> {
        let mut w = EncodingWriter::new(Vec::new(), e, bom, u).expect("in memory");
        // Split inside characters on purpose.
        let written = text
            .as_bytes()
            .chunks(2)
            .try_for_each(|chunk| w.write_all(chunk))
            .and_then(|()| w.finish());
        match (written, w.unmappable) {
            (Ok(()), None) => Ok(w.inner),
            (Err(_), Some(u)) => Err(u),
            (written, u) => panic!("{written:?} with {u:?}"),
        }
    }

    #[test]
    fn round_trips() {
        let text = "顏樂存說：「AI 很重要」。\n第二行 ABC\n";
        for e in [BIG5, GB18030, UTF_16LE, UTF_16BE, UTF_8] {
            let bytes = encode(text, e, false, OnUnmappable::Error).unwrap();
            assert_eq!(decode(&bytes, e).unwrap(), text, "{}", e.name());
        }
        let simplified = "颜乐存说：AI 很重要。\n";
        let bytes = encode(simplified, GB18030, false, OnUnmappable::Error).unwrap();
        assert_eq!(decode(&bytes, GB18030).unwrap(), simplified);
        // A BOM is written, and removed when reading.
        let bytes = encode("中", UTF_16LE, true, OnUnmappable::Error).unwrap();
        assert_eq!(bytes, b"\xFF\xFE\x2D\x4E");
        assert_eq!(decode(&bytes, UTF_16LE).unwrap(), "中");
    }

    #[test]
    fn unmappable_is_an_error_or_a_reference() {
        let u = encode("一\n简体", BIG5, false, OnUnmappable::Error).unwrap_err();
        assert_eq!((u.ch, u.line), ('简', 2));
        let out = encode("简体", BIG5, false, OnUnmappable::Ncr).unwrap();
        assert_eq!(out, b"&#31616;\xCA\x5E");
    }

    #[test]
    fn malformed_input_has_its_offset() {
        // "中文" in Big5, then a lead byte without its trail byte, then "A".
        let bytes = b"\xA4\xA4\xA4\xE5\x81A";
        let mut slot = MalformedSlot::default();
        let e = decode_with(bytes, BIG5, &mut slot).unwrap_err();
        // The I/O error carries only words (`Malformed` is not an error
        // type, so it cannot travel in one): the reader's slot has it.
        assert_eq!(e.to_string(), "malformed input");
        let m = slot.get().unwrap();
        assert_eq!(m.offset, 4);
        assert_eq!(m.bytes, b"\x81");
    }

    /// Issue 20: a sequence cut by the end of the input was reported with
    /// no bytes ("(bytes )"); so was one cut by the end of a read.
    #[test]
    fn truncated_sequences_have_their_bytes() {
        for (bytes, e, offset, want) in [
            (&b"a\x81"[..], GB18030, 1, &b"\x81"[..]),
            (b"a\x81\x30\x81", GB18030, 1, b"\x81\x30\x81"),
            (b"\xA4\xA4\xA4", BIG5, 2, b"\xA4"),
            (b"\xFF\xFEA", UTF_16LE, 2, b"A"),
            (b"A\x00\x3D\xD8", UTF_16LE, 2, b"\x3D\xD8"),
        ] {
            let mut slot = MalformedSlot::default();
            decode_with(bytes, e, &mut slot).unwrap_err();
            let m = slot.get().unwrap();
            assert_eq!((m.offset, &m.bytes[..]), (offset, want), "{bytes:?}");
        }
        // Cut where a read ends: one byte at a time.
        struct OneByte<'a>(&'a [u8]);
        impl Read for OneByte<'_> {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                let Some((first, rest)) = self.0.split_first() else {
                    return Ok(0);
                };
                buf[0] = *first;
                self.0 = rest;
                Ok(1)
            }
        }
        let mut out = String::new();
        let mut reader = DecodingReader::new(OneByte(b"\xA4\xA4\xA4\x81A"), BIG5);
        let slot = reader.malformed();
        reader.read_to_string(&mut out).unwrap_err();
        let m = slot.get().unwrap();
        assert_eq!((m.offset, &m.bytes[..]), (2, &b"\xA4\x81"[..]));
    }

    #[test]
    fn auto_chooses() {
        let cases: &[(&[u8], &str, bool)] = &[
            ("純 UTF-8 文字".as_bytes(), "UTF-8", false),
            (b"\xEF\xBB\xBFabc", "UTF-8", false),
            (b"\xFF\xFEa\x00", "UTF-16LE", false),
            (b"\xFE\xFF\x00a", "UTF-16BE", false),
            (b"plain ASCII", "UTF-8", false),
        ];
        for &(head, want, guessed) in cases {
            let c = choose(EncodingArg::Auto, head);
            assert_eq!((name(c.encoding), c.guessed), (want, guessed), "{head:?}");
        }
        let big5 = encode(
            &"台灣的新聞報導說，這個產業正在轉型。".repeat(20),
            BIG5,
            false,
            OnUnmappable::Error,
        )
        .unwrap();
        assert_eq!(name(choose(EncodingArg::Auto, &big5).encoding), "Big5");
        let gb = encode(
            &"中国的新闻报道说，这个产业正在转型。".repeat(20),
            GB18030,
            false,
            OnUnmappable::Error,
        )
        .unwrap();
        let c = choose(EncodingArg::Auto, &gb);
        assert_eq!((name(c.encoding), c.guessed), ("GB18030", true));
        // UTF-8 with one damaged byte stays UTF-8 (and fails where it is).
        let mut damaged = "中文".repeat(100).into_bytes();
        damaged[30] = 0xFF;
        assert_eq!(name(choose(EncodingArg::Auto, &damaged).encoding), "UTF-8");
    }

    /// Every Big5 pair encoding_rs decodes (HKSCS included, also the four
    /// that decode to a letter and a combining mark) is written back as the
    /// same bytes, between other text and on its own.
    #[test]
    fn big5_hkscs_round_trips() {
        let mut pairs = 0;
        for lead in 0x81..=0xFEu8 {
            for trail in (0x40..=0x7Eu8).chain(0xA1..=0xFE) {
                let bytes = [b'a', lead, trail, b'z'];
                let Ok(text) = decode(&bytes, BIG5) else {
                    continue;
                };
                if text.contains('\u{FFFD}') {
                    continue;
                }
                let back = encode(&text, BIG5, false, OnUnmappable::Error)
                    .unwrap_or_else(|e| panic!("{lead:02X}{trail:02X} {text:?}: {e:?}"));
                // Characters with two codes are written with the first one.
                assert_eq!(decode(&back, BIG5).unwrap(), text, "{lead:02X}{trail:02X}");
                pairs += 1;
            }
        }
        assert!(pairs > 18_000, "{pairs} pairs");
        let back = encode(
            "\u{CA}\u{304}\u{EA}\u{30C}",
            BIG5,
            false,
            OnUnmappable::Error,
        )
        .unwrap();
        assert_eq!(back, b"\x88\x62\x88\xA5");
        // Many pairs in one write, between other text (one pass).
        let many = "\u{CA}\u{304}中\u{EA}\u{30C}\u{CA}x".repeat(2000);
        let back = encode(&many, BIG5, false, OnUnmappable::Error).unwrap();
        assert_eq!(decode(&back, BIG5).unwrap(), many);
    }

    /// A flush between a letter and its mark (a pause in the input) does
    /// not split an HKSCS pair; the end of the output writes a letter held
    /// back.
    #[test]
    fn big5_pair_across_a_flush() {
        let mut w = EncodingWriter::new(Vec::new(), BIG5, false, OnUnmappable::Error).unwrap();
        w.write_all("a\u{CA}".as_bytes()).unwrap();
        w.flush().unwrap();
        w.write_all("\u{304}b\u{EA}".as_bytes()).unwrap();
        w.flush().unwrap();
        w.finish().unwrap();
        assert_eq!(w.inner, b"a\x88\x62b\x88\xA7".to_vec());
    }
}
