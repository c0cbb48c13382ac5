//! Target-based conversion on the table of cases where plain OpenCC configs
//! go wrong (tests/data/target_cases.tsv), and on the sample article's
//! known traps.

use bianyi_convert::{Target, TargetConverter};

#[path = "support/target_cases.rs"]
mod target_cases;

#[test]
fn every_case_converts_as_expected() {
    let cases = target_cases::cases();
    assert!(cases.len() >= 30, "the table has {} cases", cases.len());
    let mut failures = Vec::new();
    for c in &cases {
        let target: Target = c
            .target
            .parse()
            .unwrap_or_else(|e| panic!("{}: {e}", c.target));
        let got = TargetConverter::new(target)
            .phrases(c.phrases)
            .convert(c.input);
        if got != c.expected {
            failures.push(format!(
                "{} {}: {} -> {} (expected {})",
                c.target,
                if c.phrases { "+phrases" } else { "" },
                c.input,
                got,
                c.expected
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// Mixed-script input comes out in one script.
#[test]
fn mixed_input_ends_in_one_script() {
    let text = "头发和發展，后來的事情。";
    assert_eq!(
        TargetConverter::new(Target::Hans).convert(text),
        "头发和发展，后来的事情。"
    );
    assert_eq!(
        TargetConverter::new(Target::Taiwan).convert(text),
        "頭髮和發展，後來的事情。"
    );
}

/// The fast path of conversion from Simplified gives what the word-by-word
/// conversion gives, on every target and with phrases: on the sample
/// article (in Simplified), on text generated from jieba's words and
/// OpenCC's phrases (dense with the places the fast path must hand over),
/// and on the benchmark corpora when ../shared is there.
#[test]
#[allow(clippy::print_stderr, reason = "a check that could not run says so")]
fn fast_path_matches_word_by_word() {
    use bianyi_convert::{Config, Converter};
    let article = Converter::new(Config::T2s)
        .convert(include_str!("../../../tests/fixtures/article.zh-Hant.txt"));
    let mut texts = vec![("article".to_string(), article)];
    texts.push(("generated".to_string(), generated_text(20_000)));
    let shared =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/bench");
    match std::fs::read_dir(&shared) {
        Ok(dir) => {
            for e in dir.flatten() {
                let name = e.file_name().to_string_lossy().to_string();
                if name.ends_with(".txt")
                    && !name.starts_with("zuozhuan")
                    && let Ok(t) = std::fs::read_to_string(e.path())
                {
                    texts.push((name, t));
                }
            }
        }
        Err(_) => eprintln!(
            "{} not found: the benchmark corpora are not checked",
            shared.display()
        ),
    }
    for target in [Target::Hant, Target::Taiwan, Target::HongKong] {
        for phrases in [false, true] {
            let fast = TargetConverter::new(target).phrases(phrases);
            let slow = fast.word_by_word(true);
            for (name, text) in &texts {
                let (a, b) = (fast.convert(text), slow.convert(text));
                if a != b {
                    let line = a
                        .lines()
                        .zip(b.lines())
                        .find(|(x, y)| x != y)
                        .map(|(x, y)| format!("fast: {x}\nslow: {y}"))
                        .unwrap_or_default();
                    panic!("{target} phrases={phrases} on {name}: the fast path differs\n{line}");
                }
            }
        }
    }
}

/// `n` words drawn from jieba's dictionary and OpenCC's phrase table
/// (deterministic), run together in lines of 10 to 40 words.
fn generated_text(n: usize) -> String {
    let jieba = include_str!("../data/jieba/dict.txt");
    let phrases = include_str!("../data/opencc/dictionary/STPhrases.txt");
    let words: Vec<&str> = jieba
        .lines()
        .filter_map(|l| l.split(' ').next())
        .chain(
            phrases
                .lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|l| l.split('\t').next()),
        )
        .filter(|w| !w.is_empty())
        .collect();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut out = String::new();
    let mut in_line = 0;
    for _ in 0..n {
        out.push_str(words[usize::try_from(next() % words.len() as u64).unwrap_or(0)]);
        in_line += 1;
        if in_line > 10 + usize::try_from(next() % 30).unwrap_or(0) {
            out.push('\n');
            in_line = 0;
        }
    }
    out
}

/// Converting twice gives what converting once gives, on every target,
/// with and without phrases, from generated Simplified text and from its
/// mechanical conversions to each Traditional standard, and from the sample
/// article (Taiwan) and its t2s conversion.
#[test]
fn converting_twice_is_converting_once() {
    use bianyi_convert::{Config, Converter};
    let simplified = generated_text(6_000);
    let mut texts = vec![("Simplified".to_string(), simplified.clone())];
    for c in [Config::S2t, Config::S2tw, Config::S2hk] {
        texts.push((format!("{c}"), Converter::new(c).convert(&simplified)));
    }
    let article = include_str!("../../../tests/fixtures/article.zh-Hant.txt");
    texts.push(("article".to_string(), article.to_string()));
    texts.push((
        "article t2s".to_string(),
        Converter::new(Config::T2s).convert(article),
    ));
    let mut failures = Vec::new();
    for &target in Target::ALL {
        for phrases in [false, true] {
            let tc = TargetConverter::new(target).phrases(phrases);
            for (name, text) in &texts {
                let once = tc.convert(text);
                let twice = tc.convert(&once);
                if once != twice {
                    let (a, b) = once
                        .lines()
                        .zip(twice.lines())
                        .find(|(a, b)| a != b)
                        .unwrap_or_default();
                    failures.push(format!(
                        "{target} phrases={phrases} from {name}:\n once: {a}\n twice: {b}"
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Issue 20, item 3: a line longer than the window is converted in
/// windows cut at sentence ends, in bounded memory, to the bytes of the
/// whole line (on text with sentence punctuation), for every target, from
/// either script, streamed and from a file, with a hook. Each window is
/// judged as a paragraph: windows of a few hundred characters may judge a
/// text with stray Simplified characters otherwise than its whole line
/// does (the Traditional article's 遇挫后 with windows of 1,000 bytes);
/// windows of some thousands (the default is 16 MiB) do not.
#[test]
fn long_lines_convert_in_windows_to_the_whole_lines_bytes() {
    use bianyi_convert::{Conversion, Hook};
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/");
    struct Count(usize);
    impl Hook for Count {
        fn apply(
            &mut self,
            text: &str,
            convert: &mut dyn FnMut(&str, &mut String),
            out: &mut String,
        ) {
            self.0 += 1;
            convert(text, out);
        }
    }
    for name in ["article.zh-Hant.txt", "article.t2s.zh-Hans.txt"] {
        let article = std::fs::read_to_string(format!("{root}{name}")).expect("fixture");
        // One line of about 30 KB: the article's lines joined, four times,
        // then a short line.
        let line: String = article.replace('\n', "").repeat(4) + "\n头发。\n";
        let path =
            std::env::temp_dir().join(format!("bianyi-window-{}-{name}", std::process::id()));
        std::fs::write(&path, &line).expect("write");
        for target in [
            Target::Hans,
            Target::Hant,
            Target::Taiwan,
            Target::HongKong,
            Target::Mainland,
        ] {
            let conversion = Conversion::new(target);
            let whole = conversion.convert(&line);
            let mut streamed = Vec::new();
            conversion
                .run()
                .window(4096)
                .stream(line.as_bytes(), &mut streamed)
                .expect("streams");
            assert!(
                streamed == whole.as_bytes(),
                "{name} to {target}: streamed in windows"
            );
            let mut from_file = Vec::new();
            let file = std::fs::File::open(&path).expect("open");
            conversion
                .run()
                .window(8192)
                .file(&file, &mut from_file)
                .expect("converts");
            assert!(
                from_file == whole.as_bytes(),
                "{name} to {target}: file in windows"
            );
            // Through a hook, which sees the windows (more than 2 pieces).
            let mut hook = Count(0);
            let mut hooked = Vec::new();
            conversion
                .run()
                .window(4096)
                .hook(&mut hook)
                .stream(line.as_bytes(), &mut hooked)
                .expect("streams");
            assert!(hooked == whole.as_bytes(), "{name} to {target}: hook");
            assert!(hook.0 > 6, "{} pieces", hook.0);
        }
        let _ = std::fs::remove_file(&path);
    }
}

/// Invalid UTF-8 in a later window of a long line is reported at its line
/// and column in the whole line.
#[test]
fn invalid_input_in_a_window_has_its_place_in_the_line() {
    use bianyi_convert::{Conversion, ErrorKind};
    let mut input = "第一行。\n".as_bytes().to_vec();
    input.extend("头发很长。".repeat(100).as_bytes());
    input.extend(b"\xff");
    input.extend("尾巴\n".as_bytes());
    let err = Conversion::new(Target::Hant)
        .run()
        .window(64)
        .stream(&input[..], std::io::sink())
        .expect_err("invalid");
    let ErrorKind::InvalidUtf8 { position, bytes } = err.into_kind() else {
        panic!("not an encoding error");
    };
    assert_eq!((position.line, position.column), (2, 501));
    assert_eq!(position.byte, 13 + 1500);
    assert_eq!(bytes, b"\xff");
}
