//! `Run::file`, whose threads read their pieces of
//! the file themselves: the output is the whole-text conversion's, and
//! errors are the stream's, wherever the pieces, their windows and the
//! file's tail fall.

use std::fs::File;

use bianyi_convert::{Config, Conversion};

#[path = "support/text.rs"]
mod text;
use text::{Rng, text};
#[path = "support/outputs.rs"]
mod outputs;
use outputs::{FailAfter, broken_copies, first_difference};

/// A file in the temporary directory, removed when dropped.
struct TempFile(std::path::PathBuf);

impl TempFile {
    fn new(name: &str, bytes: &[u8]) -> TempFile {
        let path = std::env::temp_dir().join(format!(
            "bianyi-file-test-{}-{name}.txt",
            std::process::id()
        ));
        std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        TempFile(path)
    }

    fn open(&self) -> File {
        File::open(&self.0).unwrap_or_else(|e| panic!("{}: {e}", self.0.display()))
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// `input` converted from a file on `threads` threads: the output, or the
/// error's text.
fn from_file(conv: &Conversion, file: &TempFile, threads: usize) -> (Vec<u8>, Option<String>) {
    let mut out = Vec::new();
    let got = conv.run().threads(threads).file(&file.open(), &mut out);
    (out, got.err().map(|e| outputs::chain(&e)))
}

/// Texts of about 5 MB (past the size below which only the stream reads)
/// whose pieces end in every way: after newlines, after punctuation in long
/// lines, inside a stretch with neither (cut by the segmentation), after
/// such a stretch over a piece's nominal end, and
/// nowhere (a long run of ideographic description operators, after which
/// the stream takes over).
fn texts() -> Vec<(&'static str, String)> {
    let mut rng = Rng(0xF11E);
    let lines = text(&mut rng, 2_000_000, Some(60), true);
    let long_lines = text(&mut rng, 2_000_000, None, false);
    let mut no_punctuation = text(&mut rng, 700_000, Some(40), true);
    // Characters that are all in keys, without newlines, for 2.5 MB.
    no_punctuation.push_str(&"中國人民銀行發展".repeat(100_000));
    no_punctuation.push_str(&text(&mut rng, 400_000, Some(40), true));
    // A stretch without a cut over the first piece's nominal end (the
    // piece ends before the second).
    let mut stretch = String::new();
    while stretch.len() < 900 << 10 {
        stretch.push_str(&text(&mut rng, 1000, Some(60), true));
    }
    stretch.push_str(&"中國人民銀行發展".repeat(8400));
    stretch.push_str(&text(&mut rng, 1_500_000, Some(60), true));
    let mut uncut = text(&mut rng, 1_400_000, Some(60), true);
    uncut.push_str(&"⿰".repeat(400_000));
    uncut.push_str(&text(&mut rng, 600_000, Some(60), true));
    vec![
        ("lines", lines),
        ("long lines", long_lines),
        ("no punctuation", no_punctuation),
        ("stretch", stretch),
        ("uncut", uncut),
    ]
}

#[test]
fn file_equals_whole_text() {
    for (name, input) in texts() {
        assert!(input.len() > 4 << 20, "{name}: {}", input.len());
        let file = TempFile::new("whole", input.as_bytes());
        for config in [Config::S2t, Config::T2s, Config::S2twp, Config::Tw2sp] {
            let conv = Conversion::new(config);
            let whole = conv.convert(&input);
            for threads in [1, 2, 3] {
                let mut out = Vec::new();
                let sizes = conv
                    .run()
                    .threads(threads)
                    .file(&file.open(), &mut out)
                    .unwrap_or_else(|e| panic!("{name}, {config}, {threads} threads: {e}"));
                assert!(
                    out == whole.as_bytes(),
                    "{name}, {config}, {threads} threads: differs at byte {}",
                    first_difference(&out, whole.as_bytes())
                );
                assert_eq!(
                    (sizes.read, sizes.written),
                    (input.len() as u64, whole.len() as u64),
                    "{name}, {config}, {threads} threads"
                );
            }
        }
    }
}

/// Invalid UTF-8 anywhere (in a piece, in the window where a piece's end is
/// looked for, in the tail, at the very end) is reported where the stream
/// reports it, after the conversion of the pieces before it.
#[test]
fn file_reports_invalid_input_as_the_stream_does() {
    let mut rng = Rng(0xBAD5);
    let conv = Conversion::new(Config::S2t);
    // With lines, and in one long line (pieces then start inside the line
    // an error is on).
    for newline_every in [Some(50), None] {
        let valid = text(&mut rng, 2_000_000, newline_every, true);
        let converted = conv.convert(&valid);
        let cases = broken_copies(
            &valid,
            &[
                0,
                1,
                (1 << 20) - 100,
                (1 << 20) - 20_000,
                3 << 20,
                (4 << 20) + 5,
                valid.len() - 70_000,
                valid.len() - 100,
                valid.len(),
            ],
        );
        for (k, input) in cases.iter().enumerate() {
            let mut single = Vec::new();
            let expected = conv
                .run()
                .stream(&input[..], &mut single)
                .err()
                .map(|e| e.to_string());
            assert!(expected.is_some(), "case {k}");
            let file = TempFile::new("invalid", input);
            for threads in [1, 2, 4] {
                let (out, got) = from_file(&conv, &file, threads);
                assert_eq!(
                    got, expected,
                    "{newline_every:?}, case {k}, {threads} threads"
                );
                assert!(
                    converted.as_bytes().starts_with(&out),
                    "{newline_every:?}, case {k}, {threads} threads"
                );
            }
        }
    }
}

#[test]
fn file_stops_when_the_output_fails() {
    let mut rng = Rng(0xF0);
    let input = text(&mut rng, 2_000_000, Some(60), true);
    let file = TempFile::new("fail", input.as_bytes());
    let conv = Conversion::new(Config::S2t);
    for limit in [0, 3 << 20] {
        let out = FailAfter { limit, written: 0 };
        let got = conv.run().threads(2).file(&file.open(), out);
        let err = got.err().map(|e| outputs::chain(&e)).unwrap_or_default();
        assert!(err.contains("closed"), "{limit}: {err:?}");
    }
}

/// A pipe (as `<(…)` gives) cannot be read at offsets: it is streamed.
#[cfg(unix)]
#[test]
fn a_file_that_is_not_regular_is_streamed() {
    use std::io::Write;
    let input = text(&mut Rng(0x919E), 300_000, Some(60), true);
    let conv = Conversion::new(Config::S2t);
    let (reader, mut writer) = std::io::pipe().unwrap_or_else(|e| panic!("pipe: {e}"));
    let fed = input.clone();
    let feeder = std::thread::spawn(move || {
        let _ = writer.write_all(fed.as_bytes());
    });
    let pipe = File::from(std::os::fd::OwnedFd::from(reader));
    let mut out = Vec::new();
    let sizes = conv
        .run()
        .threads(2)
        .file(&pipe, &mut out)
        .unwrap_or_else(|e| panic!("{e}"));
    let _ = feeder.join();
    let whole = conv.convert(&input);
    assert_eq!(
        (sizes.read, sizes.written),
        (input.len() as u64, whole.len() as u64)
    );
    assert!(out == whole.as_bytes());
}

/// An ideographic description sequence whose operator is just before the
/// window where the first piece's end is looked for, and whose operand is
/// the only cut in that window: the cut would split the sequence (which is
/// copied unconverted whole, but not in halves), and the window alone
/// cannot tell. The piece is cut as the stream would instead.
#[test]
fn a_sequence_reaching_into_the_window_is_not_cut() {
    const WINDOW_START: usize = (1 << 20) - (32 << 10);
    let conv = Conversion::new(Config::S2t);
    let sequence = "⿰。发";
    assert_eq!(conv.convert(sequence), sequence, "copied whole");
    assert_ne!(
        conv.convert("⿰。") + &conv.convert("发"),
        sequence,
        "in halves"
    );
    let mut input = "a\n".repeat((WINDOW_START - 2) / 2);
    while input.len() < WINDOW_START - 2 {
        input.push('a');
    }
    // The operator's last byte is the window's first.
    input.push_str(sequence);
    // No newline and no character outside the keys to the window's end.
    input.push_str(&"中國人民銀行發展".repeat(3000));
    input.push_str(&text(&mut Rng(0x1D5), 2_000_000, Some(60), true));
    let file = TempFile::new("sequence", input.as_bytes());
    let whole = conv.convert(&input);
    for threads in [2, 3] {
        let (out, err) = from_file(&conv, &file, threads);
        assert_eq!(err, None);
        assert!(
            out == whole.as_bytes(),
            "{threads} threads: differs at byte {}",
            first_difference(&out, whole.as_bytes())
        );
    }
}
