//! Inputs at the edges: empty, only a byte order mark, NUL bytes, a
//! one-megabyte line, a two-gigabyte line (bounded memory), enormous
//! glossary terms. Large inputs are generated here, never committed.

use std::fs;
use std::io::{Read, Write};
use std::process::{Command, Stdio};

use bianyi_convert::{Config, Converter};

use crate::util::{bianyi, bianyi_ok};

#[test]
fn empty_bom_only_and_nul() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cases: &[(&[u8], &[&str], &[u8])] = &[
        (b"", &["convert", "-c", "s2t"], b""),
        (b"", &["convert", "--to", "zh-TW"], b""),
        (b"", &["convert", "-c", "s2t", "--format", "html"], b""),
        (b"\xEF\xBB\xBF", &["convert", "-c", "s2t"], b"\xEF\xBB\xBF"),
        (
            b"\xEF\xBB\xBF",
            &["convert", "--to", "zh-Hans"],
            b"\xEF\xBB\xBF",
        ),
        (
            b"\xEF\xBB\xBF",
            &["convert", "-c", "s2t", "--format", "markdown"],
            b"\xEF\xBB\xBF",
        ),
        (b"\xFF\xFE", &["convert", "-c", "s2t"], b"\xFF\xFE"),
        (
            "头\u{0}发\u{0}\u{0}发展".as_bytes(),
            &["convert", "-c", "s2t"],
            "頭\u{0}發\u{0}\u{0}發展".as_bytes(),
        ),
        (
            "头\u{0}发".as_bytes(),
            &["convert", "--to", "zh-TW"],
            "頭\u{0}發".as_bytes(),
        ),
    ];
    for &(input, args, want) in cases {
        let out = bianyi(dir.path(), args, input);
        assert!(
            out.status.success(),
            "{args:?} {input:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(out.stdout, want, "{args:?} {input:?}");
    }
    // An empty file is not JSON: an error, not a panic.
    let out = bianyi(
        dir.path(),
        &["convert", "-c", "s2t", "--format", "json"],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    // An empty file in place stays an empty file.
    fs::write(dir.path().join("empty.txt"), b"").expect("write");
    bianyi_ok(
        dir.path(),
        &["convert", "-c", "s2t", "--in-place", "empty.txt"],
        b"",
    );
    assert_eq!(fs::read(dir.path().join("empty.txt")).expect("read"), b"");
    // Empty localization files.
    for (name, text) in [("e.ftl", ""), ("e.po", ""), ("e.json", "{}")] {
        fs::write(dir.path().join(name), text).expect("write");
        let out = bianyi_ok(dir.path(), &["l10n", "convert", "--to", "zh-TW", name], b"");
        assert_eq!(out, text.as_bytes(), "{name}");
    }
}

#[test]
fn a_one_megabyte_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let line = "头发发展，乾隆皇帝在鼠标旁边。".repeat((1 << 20) / 45 + 1);
    assert!(line.len() > 1 << 20);
    let want = Converter::new(Config::S2t).convert(&line);
    let out = bianyi_ok(dir.path(), &["convert", "-c", "s2t"], line.as_bytes());
    assert_eq!(out, want.as_bytes());
    let out = bianyi_ok(dir.path(), &["convert", "--to", "zh-Hant"], line.as_bytes());
    assert_eq!(
        String::from_utf8(out).expect("UTF-8").chars().count(),
        line.chars().count()
    );
}

/// Two gigabytes without a line break stream through in bounded memory.
#[cfg(target_os = "linux")]
#[test]
fn a_two_gigabyte_line_in_bounded_memory() {
    const TOTAL: u64 = 2_000_000_000;
    let mut child = Command::new(env!("CARGO_BIN_EXE_bianyi"))
        .args(["convert", "-c", "s2t", "-j", "2"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let pid = child.id();
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        // Chinese with punctuation and no line break, 64 KiB at a time.
        let piece = "头发发展，乾隆皇帝；鼠标、软件与内存。".repeat(1200);
        let mut sent = 0u64;
        while sent < TOTAL {
            let n = usize::try_from((TOTAL - sent).min(piece.len() as u64)).unwrap_or(0);
            // Cut on a character boundary (every character here is 3 bytes).
            let n = n - n % 3;
            if n == 0 || stdin.write_all(&piece.as_bytes()[..n]).is_err() {
                break;
            }
            sent += n as u64;
        }
        sent
    });
    let mut stdout = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        let mut buf = vec![0u8; 1 << 16];
        let mut total = 0u64;
        loop {
            match stdout.read(&mut buf) {
                Ok(0) | Err(_) => return total,
                Ok(n) => total += n as u64,
            }
        }
    });
    // The peak resident size, read while the process runs.
    let mut peak_kb = 0u64;
    while !writer.is_finished() || !reader.is_finished() {
        if let Ok(status) = fs::read_to_string(format!("/proc/{pid}/status")) {
            for line in status.lines() {
                if let Some(v) = line.strip_prefix("VmHWM:") {
                    let kb: u64 = v.trim().trim_end_matches("kB").trim().parse().unwrap_or(0);
                    peak_kb = peak_kb.max(kb);
                }
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let sent = writer.join().expect("writer");
    let received = reader.join().expect("reader");
    let status = child.wait().expect("wait");
    assert!(status.success());
    assert!(sent >= TOTAL - 3);
    // s2t maps these 3-byte characters to 3-byte characters.
    assert_eq!(received, sent);
    assert!(peak_kb > 0, "could not read /proc/{pid}/status");
    assert!(peak_kb < 64 * 1024, "peak RSS {peak_kb} kB for a 2 GB line");
}

#[test]
fn enormous_glossary_terms() {
    let dir = tempfile::tempdir().expect("temp dir");
    let term = "头发".repeat(50_000);
    let glossary = format!(
        "[[entry]]\nid = \"huge\"\nterms = [\n  {{ lang = \"zh-Hans\", text = \"{term}\" }},\n  {{ lang = \"zh-Hant\", text = \"長{term}\" }},\n]\n"
    );
    fs::write(dir.path().join("g.toml"), glossary).expect("write");
    let text = format!("前{term}后\n");
    let out = bianyi_ok(
        dir.path(),
        &["convert", "--to", "zh-Hant", "--glossary", "g.toml"],
        text.as_bytes(),
    );
    let out = String::from_utf8(out).expect("UTF-8");
    assert!(out.starts_with("前長头发"), "the term is replaced whole");
    assert!(out.ends_with("後\n"));
    let out = bianyi_ok(dir.path(), &["glossary", "check", "g.toml"], b"");
    assert!(out.is_empty());
    let out = bianyi(
        dir.path(),
        &["qa", "--glossary", "g.toml", "src.txt", "tgt.txt"],
        b"",
    );
    assert_eq!(
        out.status.code(),
        Some(2),
        "missing files are an error, not a panic"
    );
}

/// `detect` on 512 MiB (one line, then many) keeps a bounded footprint: it
/// reads in pieces, whatever the lines' length.
#[cfg(target_os = "linux")]
#[test]
fn detect_reads_in_bounded_memory() {
    const TOTAL: u64 = 512 << 20;
    for with_lines in [false, true] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_bianyi"))
            .args(["detect", "--json"])
            .env("LANG", "C")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        let pid = child.id();
        let mut stdin = child.stdin.take().expect("stdin");
        let writer = std::thread::spawn(move || {
            let mut piece = "頭髮發展，乾隆皇帝；滑鼠、軟體與記憶體。".repeat(1200);
            if with_lines {
                piece = piece.replace('。', "。\n");
            }
            let mut sent = 0u64;
            while sent < TOTAL {
                if stdin.write_all(piece.as_bytes()).is_err() {
                    break;
                }
                sent += piece.len() as u64;
            }
            sent
        });
        let mut peak_kb = 0u64;
        while !writer.is_finished() {
            if let Ok(status) = fs::read_to_string(format!("/proc/{pid}/status")) {
                for line in status.lines() {
                    if let Some(v) = line.strip_prefix("VmHWM:") {
                        let kb: u64 = v.trim().trim_end_matches("kB").trim().parse().unwrap_or(0);
                        peak_kb = peak_kb.max(kb);
                    }
                }
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        let sent = writer.join().expect("writer");
        let out = child.wait_with_output().expect("wait");
        assert!(out.status.success());
        assert!(sent >= TOTAL);
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        assert_eq!(json["script"], "traditional", "{json}");
        assert!(peak_kb > 0, "could not read /proc/{pid}/status");
        assert!(
            peak_kb < 32 * 1024,
            "peak RSS {peak_kb} kB for 512 MiB (lines: {with_lines})"
        );
    }
}

/// Issue 20, item 4: `-j 65535` is clamped (to four threads per core, at
/// most 256) instead of aborting ("failed to spawn thread", rc 134): a
/// file, standard input and a tree convert to the bytes of `-j 1`.
#[test]
fn issue20_a_huge_thread_count_is_clamped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = "头发发展里面的东西。\n".repeat(400_000);
    std::fs::create_dir(dir.path().join("tree")).expect("mkdir");
    std::fs::write(dir.path().join("tree/big.txt"), &text).expect("write");
    let one = bianyi_ok(
        dir.path(),
        &["convert", "-c", "s2t", "-j", "1", "tree/big.txt"],
        b"",
    );
    let file = bianyi_ok(
        dir.path(),
        &["convert", "-c", "s2t", "-j", "65535", "tree/big.txt"],
        b"",
    );
    assert!(file == one, "-j 65535 on a file");
    let stdin = bianyi_ok(
        dir.path(),
        &["convert", "-c", "s2t", "-j", "65535"],
        text.as_bytes(),
    );
    assert!(stdin == one, "-j 65535 on standard input");
    bianyi_ok(
        dir.path(),
        &[
            "convert", "-c", "s2t", "-j", "65535", "-r", "tree", "-o", "out",
        ],
        b"",
    );
    assert!(std::fs::read(dir.path().join("out/big.txt")).expect("out") == one);
}

/// Issue 20, item 3: `--to` holds one window of a long line at a time (the
/// window made 256 KiB here through the test-only `BIANYI_TEST_WINDOW`; 16
/// MiB in release builds), to the bytes of the whole line. Converted whole,
/// a 16 MB line took about 90 MB; a 2 GB one aborted.
#[cfg(target_os = "linux")]
#[test]
fn issue20_a_long_line_converts_to_a_target_in_windows() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("line.txt");
    let sentence = "头发很长，软件也很多。鼠标和内存都在这里！后来他们发现了问题？";
    let line = sentence.repeat(16_000_000 / sentence.len()) + "\n";
    fs::write(&input, &line).expect("write");
    let run = |window: Option<&str>, out: &str| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_bianyi"));
        command
            .args(["convert", "--to", "zh-TW", "line.txt", "-o", out])
            .current_dir(dir.path())
            .env_remove("BIANYI_TEST_WINDOW");
        if let Some(w) = window {
            command.env("BIANYI_TEST_WINDOW", w);
        }
        let child = command.spawn().expect("spawn");
        let (status, peak_kb) = wait_with_peak_rss(child);
        assert!(status.success());
        peak_kb
    };
    let windowed = run(Some("262144"), "windowed.txt");
    let whole = run(None, "whole.txt");
    let (a, b) = (
        fs::read(dir.path().join("windowed.txt")).expect("read"),
        fs::read(dir.path().join("whole.txt")).expect("read"),
    );
    assert!(a == b, "windows changed the output");
    assert!(windowed > 0, "could not read /proc/PID/status");
    assert!(
        windowed < 40 * 1024,
        "peak RSS {windowed} kB for a 16 MB line in windows ({whole} kB whole)"
    );
}

/// Waits for `child`, reading its peak resident size (kB) from /proc
/// while it runs.
#[cfg(target_os = "linux")]
fn wait_with_peak_rss(mut child: std::process::Child) -> (std::process::ExitStatus, u64) {
    let pid = child.id();
    let mut peak_kb = 0u64;
    loop {
        if let Ok(status) = fs::read_to_string(format!("/proc/{pid}/status")) {
            for line in status.lines() {
                if let Some(v) = line.strip_prefix("VmHWM:") {
                    let kb: u64 = v.trim().trim_end_matches("kB").trim().parse().unwrap_or(0);
                    peak_kb = peak_kb.max(kb);
                }
            }
        }
        if let Some(status) = child.try_wait().expect("wait") {
            return (status, peak_kb);
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}
