//! Streaming conversion gives exactly the whole-text result, however the
//! input is split into pieces, for every config and for texts that stress
//! the safe-cut rules (no newlines, no ASCII, ideographic description
//! sequences, compatibility ideographs).

use bianyi_convert::{Config, Converter};

#[path = "support/text.rs"]
mod text;
use text::{Rng, text};

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
                    got.bytes()
                        .zip(whole.bytes())
                        .position(|(a, b)| a != b)
                        .unwrap_or(got.len().min(whole.len()))
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
    let conv = Converter::new(Config::S2t);
    let input = "汉字\n".repeat(50_000);
    let mut out = Vec::new();
    let (read, written) = conv
        .convert_stream(input.as_bytes(), &mut out)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(read, input.len() as u64);
    assert_eq!(written, out.len() as u64);
    assert_eq!(String::from_utf8(out).ok(), Some(conv.convert(&input)));
}

/// Parallel conversion, whole and streamed, gives the single-threaded
/// bytes on multi-megabyte texts, for every thread count.
#[test]
fn parallel_equals_whole_text() {
    let mut rng = Rng(0x9A4A11E1);
    let with_newlines = text(&mut rng, 1_500_000, Some(60), true);
    let without = text(&mut rng, 1_200_000, None, false);
    for input in [&with_newlines, &without] {
        for config in [Config::S2t, Config::T2s, Config::S2twp, Config::Tw2sp] {
            let conv = Converter::new(config);
            let whole = conv.convert(input);
            for threads in [1, 2, 3, 4] {
                assert!(
                    conv.convert_parallel(input, threads) == whole,
                    "{config}, {threads} threads"
                );
                let mut out = Vec::new();
                conv.convert_stream_parallel(input.as_bytes(), &mut out, threads)
                    .unwrap_or_else(|e| panic!("{e}"));
                assert!(
                    out == whole.as_bytes(),
                    "{config}, {threads} threads, streamed"
                );
            }
        }
    }
}
