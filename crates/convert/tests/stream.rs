//! Streaming conversion gives exactly the whole-text result, however the
//! input is split into pieces, for every config and for texts that stress
//! the safe-cut rules (no newlines, no ASCII, ideographic description
//! sequences, compatibility ideographs).

use bianyi_convert::{Config, Conversion, Converter};

#[path = "support/text.rs"]
mod text;
use text::{Rng, text};
#[path = "support/outputs.rs"]
mod outputs;
use outputs::{FailAfter, broken_copies, first_difference};

fn streamed(conv: &Converter, input: &[u8], rng: &mut Rng) -> String {
    let mut stream = conv.stream();
    let mut out = String::new();
    let mut rest = input;
    while !rest.is_empty() {
        let n = match rng.below(4) {
            0 => 1 + rng.below(3),
            1 => 1 + rng.below(200),
            _ => 1 + rng.below(100_000),
        }
        .min(rest.len());
        let piece = stream.push(&rest[..n]).unwrap_or_else(|e| panic!("{e}"));
        out.push_str(piece);
        rest = &rest[n..];
    }
    out.push_str(stream.finish().unwrap_or_else(|e| panic!("{e}")));
    out
}

#[test]
fn streaming_equals_whole_text() {
    let mut rng = Rng(0x5EED_B1A4_0001);
    let shapes: &[(Option<usize>, bool)] = &[
        (Some(40), true),
        (Some(2000), false),
        (None, true),
        (None, false),
    ];
    for &(newlines, ascii) in shapes {
        let input = text(&mut rng, 120_000, newlines, ascii);
        for &config in Config::ALL {
            for tofu in [false, true] {
                let conv = Converter::builder(config).tofu_risk(tofu).build();
                let whole = conv.convert(&input);
                let got = streamed(&conv, input.as_bytes(), &mut rng);
                assert!(
                    got == whole,
                    "{config} (tofu {tofu}, newlines {newlines:?}, ascii {ascii}): streamed output differs at byte {}",
                    first_difference(got.as_bytes(), whole.as_bytes())
                );
            }
        }
    }
}

/// One long run of a character that every dictionary knows but no phrase
/// matches: no hard character, and only unit boundaries to cut at.
#[test]
fn streaming_without_hard_characters() {
    let mut rng = Rng(42);
    for input in [
        "的".repeat(100_000),
        "發".repeat(90_000),
        "头发".repeat(60_000),
    ] {
        for &config in Config::ALL {
            let conv = Converter::new(config);
            assert!(
                streamed(&conv, input.as_bytes(), &mut rng) == conv.convert(&input),
                "{config}"
            );
        }
    }
}

#[test]
fn convert_stream_reports_sizes() {
    let conv = Conversion::new(Config::S2t);
    let input = "汉字\n".repeat(50_000);
    let mut out = Vec::new();
    let done = conv
        .run()
        .stream(input.as_bytes(), &mut out)
        .unwrap_or_else(|e| panic!("{e}"));
    let (read, written) = (done.read, done.written);
    assert_eq!(read, input.len() as u64);
    assert_eq!(written, out.len() as u64);
    assert_eq!(String::from_utf8(out).ok(), Some(conv.convert(&input)));
}

/// Parallel conversion, whole, in UTF-32 and streamed, gives the
/// single-threaded bytes on multi-megabyte texts, for every thread count.
#[test]
fn parallel_equals_whole_text() {
    let mut rng = Rng(0x9A4A11E1);
    let with_newlines = text(&mut rng, 1_500_000, Some(60), true);
    let without = text(&mut rng, 1_200_000, None, false);
    for input in [&with_newlines, &without] {
        for config in [Config::S2t, Config::T2s, Config::S2twp, Config::Tw2sp] {
            let conv = Conversion::new(config);
            let whole = conv.convert(input);
            for threads in [1, 2, 3, 4] {
                assert!(
                    conv.run().threads(threads).text(input) == whole,
                    "{config}, {threads} threads"
                );
                let mut wide = vec![1, 2];
                conv.run()
                    .threads(threads)
                    .text_into_utf32(input, &mut wide);
                assert!(
                    wide[2..].iter().copied().eq(whole.chars().map(u32::from))
                        && wide[..2] == [1, 2],
                    "{config}, {threads} threads, UTF-32"
                );
                let mut out = Vec::new();
                conv.run()
                    .threads(threads)
                    .stream(input.as_bytes(), &mut out)
                    .unwrap_or_else(|e| panic!("{e}"));
                assert!(
                    out == whole.as_bytes(),
                    "{config}, {threads} threads, streamed"
                );
            }
        }
    }
}

/// A whole text in memory below a megabyte is cut into smaller pieces (two
/// per thread, 64 KiB at least): still the single-threaded bytes, for every
/// thread count, at the sizes where the pieces change.
#[test]
fn parallel_text_in_small_pieces() {
    let mut rng = Rng(0x5EED_0023);
    let mut inputs = Vec::new();
    // Characters: about 130, 150, 300 and 720 KB.
    for len in [44_000, 50_000, 100_000, 240_000] {
        inputs.push(text(&mut rng, len, Some(60), true));
        inputs.push(text(&mut rng, len, None, false));
    }
    for input in &inputs {
        for config in [Config::S2t, Config::T2s, Config::S2twp, Config::Tw2sp] {
            let conv = Conversion::new(config);
            let whole = conv.convert(input);
            for threads in [2, 3, 5, 8] {
                assert!(
                    conv.run().threads(threads).text(input) == whole,
                    "{config}, {threads} threads, {} bytes",
                    input.len()
                );
                let mut wide = Vec::new();
                conv.run()
                    .threads(threads)
                    .text_into_utf32(input, &mut wide);
                assert!(
                    wide.iter().copied().eq(whole.chars().map(u32::from)),
                    "{config}, {threads} threads, {} bytes, UTF-32",
                    input.len()
                );
            }
        }
    }
}

/// A text's characters cut again and again at `safe_cut_chars` (parts of
/// a few sizes, doubled where no cut is found, as the Python package reads
/// a long `str`), each part converted from its characters: the whole
/// text's conversion, for configs of one pass (which read characters
/// themselves) and segmented ones, on texts with and without line feeds.
#[test]
fn parts_cut_at_safe_cuts_of_characters() {
    let mut rng = Rng(0xC4A2_5C07);
    let with_newlines = text(&mut rng, 120_000, Some(60), true);
    let without = text(&mut rng, 90_000, None, false);
    // Every config normalises compatibility ideographs, and a part with one
    // is converted from its UTF-8: most texts here have none.
    let plain = |t: &str| -> String {
        t.chars()
            .filter(|c| !matches!(c, '\u{F900}'..='\u{FAFF}' | '\u{2F800}'..='\u{2FA1F}'))
            .collect()
    };
    for input in [&plain(&with_newlines), &plain(&without), &with_newlines] {
        let chars: Vec<char> = input.chars().collect();
        for config in [
            Config::S2t,
            Config::T2s,
            Config::T2jp,
            Config::S2twp,
            Config::Tw2sp,
        ] {
            let conv = Conversion::new(config);
            // The configs of one pass: no segmentation.
            assert_eq!(
                conv.reads_chars(),
                !matches!(config, Config::S2twp | Config::Tw2sp),
                "{config}"
            );
            let whole: Vec<u32> = conv.convert(input).chars().map(u32::from).collect();
            for size in [700, 5_000, 30_000] {
                let mut out = vec![7];
                let (mut start, mut want, mut parts) = (0, size, 0);
                while start < chars.len() {
                    let end = chars.len().min(start + want);
                    let part = &chars[start..end];
                    let cut = if end == chars.len() {
                        part.len()
                    } else if let Some(cut) = conv.safe_cut_chars(part) {
                        assert!(cut > 0 && cut <= part.len(), "{config}: cut {cut}");
                        cut
                    } else {
                        want *= 2;
                        continue;
                    };
                    conv.run().chars_into_utf32(&part[..cut], &mut out);
                    start += cut;
                    want = size;
                    parts += 1;
                }
                assert!(parts > 1, "{config}: one part of {size}");
                assert!(
                    out[0] == 7 && out[1..] == whole,
                    "{config}, parts of {size} characters: {}",
                    out[1..]
                        .iter()
                        .zip(&whole)
                        .take_while(|(a, b)| a == b)
                        .count()
                );
            }
            let mut out = Vec::new();
            conv.run().threads(3).chars_into_utf32(&chars, &mut out);
            assert!(out == whole, "{config}, 3 threads");
        }
    }
}

/// `safe_cut_chars` in a window that does not start the text: a cut
/// found there (the second window, of 16,384 characters) is safe, and a
/// line feed that is an operand of a sequence begun before the window is
/// no cut (the cut goes before the sequence's operator).
#[test]
fn safe_cuts_of_characters_in_windows() {
    let t2s = Conversion::new(Config::T2s);
    let s2t = Conversion::new(Config::S2t);
    // No line feed in the last 4,096 characters; one in the next window.
    let far: Vec<char> = "頭髮发"
        .repeat(14_000)
        .chars()
        .chain(['\n'])
        .chain("髮后".repeat(5_000).chars())
        .collect();
    for conv in [&t2s, &s2t] {
        assert_eq!(conv.safe_cut_chars(&far), Some(42_001));
        let mut parts = Vec::new();
        conv.run().chars_into_utf32(&far[..42_001], &mut parts);
        conv.run().chars_into_utf32(&far[42_001..], &mut parts);
        let whole: String = far.iter().collect();
        assert!(
            parts
                .iter()
                .copied()
                .eq(conv.convert(&whole).chars().map(u32::from))
        );
    }
    // A sequence whose operands are a line feed and 尔, begun just before
    // the second window (16,384 characters).
    let mut spanning: Vec<char> = "头发".repeat(3_000).chars().collect();
    spanning.extend("⿰\n尔".chars());
    spanning.extend("发".repeat(16_382).chars());
    for conv in [&t2s, &s2t] {
        assert_eq!(conv.safe_cut_chars(&spanning), Some(6_000));
    }
}

/// `safe_cut_chars` finds a cut far from the end of a text when the last
/// thousands of characters have none (the window it looks in grows), and
/// none in a text that has none; targets and corner quotes never cut.
#[test]
fn safe_cut_of_characters_far_from_the_end() {
    let t2s = Conversion::new(Config::T2s);
    let mut text: Vec<char> = "頭髮很長。\n".chars().collect();
    let cut = text.len();
    // Ideographic description operators: no cut after them.
    text.extend(std::iter::repeat_n('⿰', 20_000));
    assert_eq!(t2s.safe_cut_chars(&text), Some(cut));
    assert_eq!(t2s.safe_cut_chars(&text[cut..]), None);
    assert_eq!(t2s.safe_cut_chars(&[]), None);
    let target = Conversion::new(bianyi_convert::Target::Hans);
    assert_eq!(target.safe_cut_chars(&text), None);
    assert!(!target.reads_chars());
    let quotes = Conversion::builder(Config::T2s).corner_quotes(true).build();
    assert_eq!(quotes.safe_cut_chars(&text), None);
    assert!(!quotes.reads_chars());
}

/// A reader that hands out its bytes in pieces of random sizes, as a pipe
/// does when the writer pauses, after `full` bytes of full reads.
struct Trickle<'a> {
    rest: &'a [u8],
    full: usize,
    rng: Rng,
}

impl std::io::Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = match self.rng.below(3) {
            _ if self.full > 0 => buf.len().min(self.full),
            0 => 1 + self.rng.below(100),
            _ => buf.len(),
        }
        .min(buf.len())
        .min(self.rest.len());
        buf[..n].copy_from_slice(&self.rest[..n]);
        self.rest = &self.rest[n..];
        self.full = self.full.saturating_sub(n);
        Ok(n)
    }
}

/// The pipelined parallel stream gives the single-threaded bytes and sizes
/// when reads come short (pauses) and when the first read is full and
/// later ones are not.
#[test]
fn parallel_stream_with_pauses() {
    let mut rng = Rng(0x7A05E);
    let input = text(&mut rng, 2_500_000, Some(80), true);
    assert!(input.len() > 6 << 20, "{} bytes", input.len());
    for config in [Config::S2twp, Config::T2s] {
        let conv = Conversion::new(config);
        let whole = conv.convert(&input);
        // Pauses from the start (converted on one thread), and after the
        // pipeline has started.
        for (seed, threads, full) in [(1, 2, 0), (2, 2, 3 << 20), (3, 3, 3 << 20), (4, 4, 5 << 20)]
        {
            let mut out = Vec::new();
            let reader = Trickle {
                rest: input.as_bytes(),
                full,
                rng: Rng(seed),
            };
            let done = conv
                .run()
                .threads(threads)
                .stream(reader, &mut out)
                .unwrap_or_else(|e| panic!("{e}"));
            let (read, written) = (done.read, done.written);
            assert!(out == whole.as_bytes(), "{config}, {threads} threads");
            assert_eq!(read, input.len() as u64);
            assert_eq!(written, out.len() as u64);
        }
    }
}

/// Invalid UTF-8 anywhere in a large input, read in full or trickling
/// pieces: the parallel stream reports the same position as the
/// single-threaded one, and what it wrote before is the start of the
/// conversion of the valid text.
#[test]
fn parallel_stream_reports_invalid_input() {
    let mut rng = Rng(0xBAD);
    let valid = text(&mut rng, 1_400_000, Some(50), true);
    let conv = Conversion::new(Config::S2t);
    let converted = conv.convert(&valid);
    let cases = broken_copies(
        &valid,
        &[
            0,
            1,
            65_535,
            65_536,
            (2 << 20) - 1,
            2 << 20,
            3_000_001,
            valid.len(),
        ],
    );
    for input in &cases {
        let mut single = Vec::new();
        let expected = conv
            .run()
            .stream(&input[..], &mut single)
            .err()
            .map(|e| e.to_string());
        assert!(expected.is_some());
        // The same place as the plain check says (a separate reader).
        let checked = bianyi_convert::check_utf8(&input[..])
            .err()
            .map(|e| e.to_string());
        assert_eq!(expected, checked);
        assert!(converted.as_bytes().starts_with(&single));
        for (threads, seed, full) in [
            (2, 0, usize::MAX),
            (4, 0, usize::MAX),
            (2, 9, 3 << 20),
            (1, 5, 0),
            (1, 6, 1 << 20),
        ] {
            let mut out = Vec::new();
            let got = if seed == 0 {
                conv.run().threads(threads).stream(&input[..], &mut out)
            } else {
                let reader = Trickle {
                    rest: input,
                    full,
                    rng: Rng(seed),
                };
                conv.run().threads(threads).stream(reader, &mut out)
            }
            .err()
            .map(|e| e.to_string());
            assert_eq!(got, expected, "{threads} threads");
            assert!(converted.as_bytes().starts_with(&out), "{threads} threads");
        }
    }
}

/// A failing output ends the parallel stream with the write error (a
/// review found it waiting forever instead).
#[test]
fn parallel_stream_stops_when_the_output_fails() {
    let mut rng = Rng(0xF00);
    let input = text(&mut rng, 2_000_000, Some(70), true);
    let (tx, rx) = std::sync::mpsc::channel();
    let worker = std::thread::spawn(move || {
        let conv = Conversion::new(Config::S2t);
        for (threads, limit) in [(2, 0), (2, 100), (2, 3 << 20), (4, 1 << 20)] {
            let out = FailAfter { limit, written: 0 };
            let result = conv.run().threads(threads).stream(input.as_bytes(), out);
            let _ = tx.send((threads, limit, result.err().map(|e| outputs::chain(&e))));
        }
    });
    for _ in 0..4 {
        let (threads, limit, err) = rx
            .recv_timeout(std::time::Duration::from_secs(120))
            .unwrap_or_else(|_| panic!("the parallel stream did not end"));
        let err = err.unwrap_or_else(|| panic!("{threads} threads, limit {limit}: no error"));
        assert!(
            err.contains("closed"),
            "{threads} threads, limit {limit}: {err}"
        );
    }
    worker.join().unwrap_or_else(|_| panic!("worker panicked"));
}

/// Text with no safe cut at all (ideographic description operators only):
/// the parallel stream converts it whole, as one piece, and equals the
/// single-threaded result.
#[test]
fn parallel_stream_without_safe_cuts() {
    let input = "⿰".repeat(1_000_000);
    for config in [Config::S2t, Config::Tw2sp] {
        let conv = Conversion::new(config);
        let mut out = Vec::new();
        conv.run()
            .threads(2)
            .stream(input.as_bytes(), &mut out)
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(out == conv.convert(&input).into_bytes(), "{config}");
    }
}

/// Over many pieces (about 12 MB, so that the window of pieces not yet
/// written fills and results come back out of order): the parallel stream
/// equals the whole text, reports invalid input late in the text as the
/// single thread does, and ends when its output fails late.
#[test]
fn parallel_stream_over_many_pieces() {
    let mut rng = Rng(0x5EED);
    let valid = text(&mut rng, 4_000_000, Some(60), true);
    assert!(valid.len() > 11 << 20, "{}", valid.len());
    let (tx, rx) = std::sync::mpsc::channel();
    let worker = std::thread::spawn(move || {
        let conv = Conversion::new(Config::S2twp);
        let whole = conv.convert(&valid);
        for threads in [2, 3] {
            let mut out = Vec::new();
            let got = conv
                .run()
                .threads(threads)
                .stream(valid.as_bytes(), &mut out);
            assert!(got.is_ok(), "{threads} threads: {got:?}");
            assert!(out == whole.as_bytes(), "{threads} threads: output differs");
        }
        let mut at = 10 << 20;
        while !valid.is_char_boundary(at) {
            at -= 1;
        }
        let mut broken = valid.as_bytes()[..at].to_vec();
        broken.push(0xFF);
        broken.extend_from_slice(&valid.as_bytes()[at..]);
        let mut single = Vec::new();
        let expected = conv
            .run()
            .stream(&broken[..], &mut single)
            .err()
            .map(|e| e.to_string());
        assert!(expected.is_some());
        for threads in [2, 3] {
            let mut out = Vec::new();
            let got = conv
                .run()
                .threads(threads)
                .stream(&broken[..], &mut out)
                .err()
                .map(|e| e.to_string());
            assert_eq!(got, expected, "{threads} threads");
            assert!(whole.as_bytes().starts_with(&out), "{threads} threads");
        }
        let out = FailAfter {
            limit: 9 << 20,
            written: 0,
        };
        let failed = conv.run().threads(2).stream(valid.as_bytes(), out);
        let _ = tx.send(failed.err().map(|e| outputs::chain(&e)));
    });
    let received = rx.recv_timeout(std::time::Duration::from_secs(300));
    if received.is_err() && worker.is_finished() {
        // A failed assertion in the worker: raise it here.
        if let Err(panic) = worker.join() {
            std::panic::resume_unwind(panic);
        }
        panic!("the worker ended without a result");
    }
    let err = received.unwrap_or_else(|_| panic!("the parallel stream did not end"));
    worker.join().unwrap_or_else(|_| panic!("worker panicked"));
    let err = err.unwrap_or_else(|| panic!("no error from a failing output"));
    assert!(err.contains("closed"), "{err}");
}

/// A reader handing out `data` in pieces of `size` bytes (the last one
/// shorter), then failing with `fail` instead of ending when set.
struct Pieces<'a> {
    data: &'a [u8],
    size: usize,
    fail: bool,
}

impl std::io::Read for Pieces<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.data.is_empty() && self.fail {
            return Err(std::io::Error::other("the disk went away"));
        }
        let n = self.size.min(buf.len()).min(self.data.len());
        buf[..n].copy_from_slice(&self.data[..n]);
        self.data = &self.data[n..];
        Ok(n)
    }
}

/// Runs `data` through the pipeline read in pieces of `size` bytes on
/// `threads` threads: the error message (if any) and the output.
fn piped(
    conv: &Conversion,
    data: &[u8],
    size: usize,
    threads: usize,
    fail: bool,
) -> (Option<String>, Vec<u8>) {
    let mut out = Vec::new();
    let reader = Pieces { data, size, fail };
    let result = conv.run().threads(threads).stream(reader, &mut out);
    (result.err().map(|e| outputs::chain(&e)), out)
}

/// Invalid UTF-8 read before the reader fails is reported (at the place
/// `check_utf8` gives), not the read error: it used to be checked at once,
/// and a review found the later check lost it behind a failing read.
#[test]
fn invalid_input_before_a_failing_read_is_reported() {
    let conv = Conversion::new(Config::S2t);
    // Whole reads only (a short read would make the stream look at what
    // it has), then the failure.
    let mut lines = "abcdefghijk\n".repeat(512 * 1024 / 12 + 1).into_bytes();
    lines.truncate(512 * 1024);
    lines[100] = 0xFF;
    // No safe cut for 128 KiB (the same operator over and over), then the
    // bad byte.
    let mut uncut = "⿰".repeat(128 * 1024 / 3).into_bytes();
    uncut.extend_from_slice(b"ab\xFFcd");
    uncut.extend_from_slice("⿰".repeat(20_000).as_bytes());
    uncut.resize(256 * 1024, b'a');
    for data in [&lines, &uncut] {
        let expected = bianyi_convert::check_utf8(&data[..])
            .err()
            .map(|e| e.to_string());
        assert!(expected.is_some());
        for threads in [1, 2] {
            let (got, _) = piped(&conv, data, 64 * 1024, threads, true);
            assert_eq!(got, expected, "{threads} threads");
        }
    }
    // Valid input, then a failing read: the read error.
    let (got, out) = piped(&conv, "漢字\n".repeat(1000).as_bytes(), 64 * 1024, 1, true);
    assert!(got.is_some_and(|e| e.contains("the disk went away")));
    assert_eq!(out, conv.convert(&"漢字\n".repeat(1000)).into_bytes());
}

/// Invalid sequences that a read boundary splits or holds back (a lead byte
/// whose continuation bytes are wrong or missing, surrogates, overlong and
/// out-of-range forms, a lone continuation byte) are reported where
/// `check_utf8` reports them, with the output of the text before them only,
/// for read sizes of 1, 2, 3 bytes and 64 KiB, on 1 and 2 threads.
#[test]
fn invalid_sequences_across_read_boundaries() {
    let conv = Conversion::new(Config::S2twp);
    let valid = "汉字转换，软件和硬件。\n".repeat(3000);
    let bad: [&[u8]; 8] = [
        b"\xE6\xBCA",
        b"\xE0\x80\x80",
        b"\xED\xA0\x80",
        b"\xF5\x80\x80\x80",
        b"\xF4\x90\x80\x80",
        b"\xC2A",
        b"\x80",
        b"\xE6\xBC",
    ];
    for seq in bad {
        for at in [65_533, 65_534, 65_535, 65_536, 65_537] {
            let mut at = at.min(valid.len());
            while !valid.is_char_boundary(at) {
                at -= 1;
            }
            let mut data = valid.as_bytes()[..at].to_vec();
            data.extend_from_slice(seq);
            data.extend_from_slice(&valid.as_bytes()[at..]);
            let expected = bianyi_convert::check_utf8(&data[..])
                .err()
                .map(|e| e.to_string());
            assert!(expected.is_some(), "{seq:?} at {at}");
            let before = conv.convert(&valid[..at]).into_bytes();
            for size in [1, 2, 3, 64 * 1024] {
                for threads in [1, 2] {
                    if size < 4 && at != 65_535 {
                        continue; // byte-sized reads are slow; one offset is enough
                    }
                    let (got, out) = piped(&conv, &data, size, threads, false);
                    assert_eq!(
                        got, expected,
                        "{seq:?} at {at}, reads of {size}, {threads} threads"
                    );
                    assert!(
                        before.starts_with(&out),
                        "{seq:?} at {at}: output past the error"
                    );
                }
            }
        }
    }
}

/// The single-threaded pipeline with reads of varying sizes, on texts with
/// and without newlines, gives the whole-text bytes for every config.
#[test]
fn single_threaded_pipeline_equals_whole_text() {
    let mut rng = Rng(0x51DE_0001);
    for (newlines, ascii) in [(Some(60), true), (None, false), (None, true)] {
        let input = text(&mut rng, 150_000, newlines, ascii);
        for &config in Config::ALL {
            let conv = Conversion::new(config);
            let whole = conv.convert(&input);
            let mut out = Vec::new();
            let reader = Trickle {
                rest: input.as_bytes(),
                full: 0,
                rng: Rng(rng.below(1 << 30) as u64),
            };
            conv.run()
                .stream(reader, &mut out)
                .unwrap_or_else(|e| panic!("{config}: {e}"));
            assert!(
                out == whole.as_bytes(),
                "{config} (newlines {newlines:?}, ascii {ascii}): differs at byte {}",
                first_difference(&out, whole.as_bytes())
            );
        }
    }
}

/// A reader that says it read more than it was given room for (a broken
/// `Read` implementation) is a read error, not a panic.
#[test]
fn a_reader_that_overstates_is_an_error() {
    struct Liar;
    impl std::io::Read for Liar {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            Ok(buf.len() + 1)
        }
    }
    let conv = Conversion::new(Config::T2s);
    for threads in [1, 2] {
        let err = conv
            .run()
            .threads(threads)
            .stream(Liar, Vec::new())
            .err()
            .map(|e| outputs::chain(&e));
        assert!(err.is_some_and(|e| e.contains("more bytes than it was asked for")));
    }
}
