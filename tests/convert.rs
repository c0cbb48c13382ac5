//! `bianyi convert` properties beyond single golden outputs.

use std::fs;
use std::io::Read;
use std::process::{Command, Stdio};

use bianyi_convert::{Config, Conversion};

use crate::util::{article, bianyi, bianyi_ok};

/// stdin, a file argument, `-o` and `--in-place` give the same bytes.
#[test]
fn every_mode_gives_the_same_bytes() {
    let input = article();
    for config in ["t2s", "tw2s", "tw2sp", "s2twp"] {
        let dir = tempfile::tempdir().expect("temp dir");
        fs::write(dir.path().join("a.txt"), &input).expect("write");
        let from_file = bianyi_ok(dir.path(), &["convert", "-c", config, "a.txt"], b"");
        let from_stdin = bianyi_ok(dir.path(), &["convert", "-c", config], &input);
        bianyi_ok(
            dir.path(),
            &["convert", "-c", config, "a.txt", "-o", "out.txt"],
            b"",
        );
        let from_output = fs::read(dir.path().join("out.txt")).expect("out.txt");
        bianyi_ok(
            dir.path(),
            &["convert", "-c", config, "--in-place", "a.txt"],
            b"",
        );
        let in_place = fs::read(dir.path().join("a.txt")).expect("a.txt");
        let library = Conversion::new(config.parse::<Config>().expect("config"))
            .convert(std::str::from_utf8(&input).expect("utf-8"));
        assert_eq!(from_file, library.as_bytes(), "{config}: file argument");
        assert_eq!(from_stdin, from_file, "{config}: stdin");
        assert_eq!(from_output, from_file, "{config}: -o");
        assert_eq!(in_place, from_file, "{config}: --in-place");
        let names: Vec<_> = fs::read_dir(dir.path())
            .expect("list")
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(
            names.len(),
            2,
            "{config}: temporary files left behind: {names:?}"
        );
    }
}

/// The sample article, and multi-megabyte input built from it, stream
/// through on 1, 2 and 4 threads with exactly the whole-text result.
#[test]
fn streaming_and_parallel_give_the_plain_result() {
    let article = String::from_utf8(article()).expect("utf-8");
    // About 5 MB, with long lines of both kinds: with and without newlines.
    let mut big = article.repeat(300);
    big.push_str(&article.replace('\n', "").repeat(300));
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("article.txt"), &article).expect("write");
    fs::write(dir.path().join("big.txt"), &big).expect("write");
    for (name, text) in [("article.txt", &article), ("big.txt", &big)] {
        for config in [Config::T2s, Config::S2twp, Config::Tw2sp] {
            let want = Conversion::new(config).convert(text);
            for threads in ["1", "2", "4"] {
                let got = bianyi_ok(
                    dir.path(),
                    &["convert", "-c", config.name(), "-j", threads, name],
                    b"",
                );
                assert!(
                    got == want.as_bytes(),
                    "{config} on {name} with -j {threads}: output differs"
                );
            }
            assert_eq!(
                Conversion::new(config).run().threads(3).text(text),
                want,
                "{config} on {name}"
            );
        }
    }
}

/// A file big enough for the threads to read it themselves takes that
/// path only when its bytes go to the engine as they are: with a UTF-8
/// byte order mark (kept), in UTF-16 (decoded first), as a Markdown
/// document (read whole) and as plain text, `-j 2` and `-j 3` give `-j 1`'s
/// bytes; invalid UTF-8 late in it is reported at its place with `-o` and
/// `--in-place`, which then leave no output and the input as it was.
#[test]
fn big_files_read_by_the_threads() {
    let article = String::from_utf8(article()).expect("utf-8");
    let text = article.repeat(700);
    assert!(text.len() > 5 << 20, "{}", text.len());
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let dir = tempfile::tempdir().expect("temp dir");
    let files: [(&str, Vec<u8>); 4] = [
        ("plain.txt", text.clone().into_bytes()),
        ("bom.txt", format!("\u{FEFF}{text}").into_bytes()),
        ("utf16.txt", utf16),
        ("doc.md", text.clone().into_bytes()),
    ];
    for (name, bytes) in &files {
        fs::write(dir.path().join(name), bytes).expect("write");
        let one = bianyi_ok(dir.path(), &["convert", "-c", "t2s", "-j", "1", name], b"");
        for threads in ["2", "3"] {
            let got = bianyi_ok(
                dir.path(),
                &["convert", "-c", "t2s", "-j", threads, name],
                b"",
            );
            assert!(got == one, "{name}, -j {threads}: output differs");
        }
    }
    let plain = Conversion::new(Config::T2s).convert(&text);
    let one = bianyi_ok(dir.path(), &["convert", "-c", "t2s", "plain.txt"], b"");
    assert!(
        one == plain.as_bytes(),
        "plain.txt: not the library's bytes"
    );

    let mut broken = text.into_bytes();
    let mut at = 3_500_000;
    while broken[at] & 0xC0 == 0x80 {
        at += 1;
    }
    broken.insert(at, 0xFF);
    let place = invalid_utf8_place("broken.txt", &broken);
    let path = dir.path().join("broken.txt");
    fs::write(&path, &broken).expect("write");
    for threads in ["1", "2", "3"] {
        for mode in [&["-o", "out.txt"][..], &["--in-place"][..]] {
            let mut args = vec!["convert", "-c", "t2s", "-j", threads, "broken.txt"];
            args.extend_from_slice(mode);
            let out = bianyi(dir.path(), &args, b"");
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(
                out.status.code(),
                Some(2),
                "{mode:?}, -j {threads}: {stderr}"
            );
            assert!(
                stderr.contains(&place),
                "{mode:?}, -j {threads}: {stderr} (want {place})"
            );
            assert!(
                !dir.path().join("out.txt").exists(),
                "-j {threads}: out.txt"
            );
            assert!(
                fs::read(&path).expect("read") == broken,
                "{mode:?}, -j {threads}: the input changed"
            );
        }
    }
}

/// How the CLI names the place of the first invalid UTF-8 in `bytes`, a
/// file called `name` (as `check_utf8` finds it).
fn invalid_utf8_place(name: &str, bytes: &[u8]) -> String {
    let expected = bianyi_convert::check_utf8(bytes)
        .expect_err("invalid")
        .into_kind();
    let bianyi_convert::ErrorKind::InvalidUtf8 { position, .. } = expected else {
        panic!("{expected:?}");
    };
    format!(
        "{name}:{}:{}: invalid UTF-8 at byte offset {}",
        position.line, position.column, position.byte
    )
}

/// `bianyi convert < file`: standard input that is a regular file gives
/// the bytes a pipe gives (it is read by the threads when it is at its
/// start), and is left at its end; at another offset only the rest of it
/// is converted.
#[test]
fn standard_input_from_a_file() {
    use std::io::Seek;
    let article = String::from_utf8(article()).expect("utf-8");
    let text = article.repeat(700);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.txt");
    fs::write(&path, &text).expect("write");
    let run = |file: &fs::File, threads: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_bianyi"))
            .args(["convert", "-c", "t2s", "-j", threads])
            .env("LANG", "C")
            .stdin(Stdio::from(file.try_clone().expect("clone")))
            .output()
            .expect("run bianyi");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    let conv = Conversion::new(Config::T2s);
    for threads in ["1", "2", "3"] {
        let mut file = fs::File::open(&path).expect("open");
        let got = run(&file, threads);
        assert!(
            got == conv.convert(&text).as_bytes(),
            "-j {threads}: output differs"
        );
        assert_eq!(
            file.stream_position().expect("offset"),
            text.len() as u64,
            "-j {threads}: not left at the end"
        );
        // From the second copy of the article on.
        file.seek(std::io::SeekFrom::Start(article.len() as u64))
            .expect("seek");
        let got = run(&file, threads);
        assert!(
            got == conv.convert(&text[article.len()..]).as_bytes(),
            "-j {threads}, from an offset: output differs"
        );
    }
}

/// Big files are checked ahead (before anything is written to standard
/// output) on several threads, in ranges whose split may fall inside a
/// character: valid files convert, and a fault anywhere, also right at a
/// split or at the very end, is reported at its exact place.
#[test]
fn big_files_are_checked_ahead_on_several_threads() {
    // A little over 16 MiB: two ranges with -j 2, the split inside a
    // three-byte character.
    let line = format!("{}\n", "头发".repeat(100));
    let mut text = line.repeat((16 << 20) / line.len() + 2).into_bytes();
    while text[text.len() / 2] & 0xC0 != 0x80 {
        text.insert(0, b'x');
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.txt");
    fs::write(&path, &text).expect("write");
    let want = Conversion::new(Config::S2t).convert(std::str::from_utf8(&text).expect("utf-8"));
    let got = bianyi_ok(
        dir.path(),
        &["convert", "-c", "s2t", "-j", "2", "big.txt"],
        b"",
    );
    assert!(got == want.as_bytes(), "valid big file: output differs");

    let mid = text.len() / 2;
    let end = text.len();
    let faults: [(&str, usize, &[u8]); 4] = [
        ("at the split", mid, b"\xff"),
        ("just before the split", mid - 2, b"\xe5\x0a"),
        ("late in the second range", end - 700, b"\xc0\x80"),
        ("a character cut at the end", end, b"\xe5\xa4"),
    ];
    for (what, at, bad) in faults {
        let mut broken = text.clone();
        let to = (at + bad.len()).min(broken.len());
        broken.splice(at..to, bad.iter().copied());
        fs::write(&path, &broken).expect("write");
        let place = invalid_utf8_place("big.txt", &broken);
        for threads in ["1", "2", "3"] {
            let out = bianyi(
                dir.path(),
                &["convert", "-c", "s2t", "-j", threads, "big.txt"],
                b"",
            );
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{what}, -j {threads}: {stderr}");
            assert!(
                out.stdout.is_empty(),
                "{what}, -j {threads}: output written"
            );
            assert!(
                stderr.contains(&place),
                "{what}, -j {threads}: {stderr} (want {place})"
            );
        }
    }
}

/// `bianyi … | head` ends quietly with status 0.
#[test]
fn broken_pipe_is_not_an_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("big.txt"), article().repeat(200)).expect("write");
    let mut child = Command::new(env!("CARGO_BIN_EXE_bianyi"))
        .args(["convert", "-c", "t2s", "big.txt"])
        .current_dir(dir.path())
        .env("LANG", "C")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).expect("some output");
    drop(stdout);
    let out = child.wait_with_output().expect("wait");
    assert_eq!(
        out.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[cfg(unix)]
mod unix {
    use std::fs;
    use std::os::unix::fs::{FileTypeExt, PermissionsExt, symlink};

    use crate::util::bianyi_ok;

    /// --in-place keeps the file's permissions.
    #[test]
    fn in_place_keeps_permissions() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.txt");
        fs::write(&path, "漢字\n").expect("write");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).expect("chmod");
        bianyi_ok(
            dir.path(),
            &["convert", "-c", "t2s", "--in-place", "a.txt"],
            b"",
        );
        assert_eq!(fs::read_to_string(&path).expect("read"), "汉字\n");
        assert_eq!(
            fs::metadata(&path).expect("stat").permissions().mode() & 0o7777,
            0o640
        );
    }

    /// A new -o file gets the permissions any new file gets (0666 minus the
    /// umask), not the 0600 of temporary files.
    #[test]
    fn new_output_gets_default_permissions() {
        let dir = tempfile::tempdir().expect("temp dir");
        fs::write(dir.path().join("a.txt"), "漢字\n").expect("write");
        fs::write(dir.path().join("reference"), "").expect("write");
        bianyi_ok(
            dir.path(),
            &["convert", "-c", "t2s", "a.txt", "-o", "out.txt"],
            b"",
        );
        let mode = |name: &str| {
            fs::metadata(dir.path().join(name))
                .expect("stat")
                .permissions()
                .mode()
                & 0o777
        };
        assert_eq!(mode("out.txt"), mode("reference"));
    }

    /// --in-place through a symbolic link rewrites the target and keeps the link.
    #[test]
    fn in_place_follows_symlinks() {
        let dir = tempfile::tempdir().expect("temp dir");
        fs::create_dir(dir.path().join("real")).expect("mkdir");
        fs::write(dir.path().join("real/a.txt"), "漢字\n").expect("write");
        symlink("real/a.txt", dir.path().join("link.txt")).expect("symlink");
        bianyi_ok(
            dir.path(),
            &["convert", "-c", "t2s", "--in-place", "link.txt"],
            b"",
        );
        assert!(
            fs::symlink_metadata(dir.path().join("link.txt"))
                .expect("lstat")
                .file_type()
                .is_symlink()
        );
        assert_eq!(
            fs::read_to_string(dir.path().join("real/a.txt")).expect("read"),
            "汉字\n"
        );
        let leftovers: Vec<_> = fs::read_dir(dir.path().join("real"))
            .expect("list")
            .flatten()
            .collect();
        assert_eq!(leftovers.len(), 1, "temporary file left behind");
    }

    /// An output that is not a regular file is written to, never replaced.
    #[test]
    fn fifo_output_is_written_not_replaced() {
        let dir = tempfile::tempdir().expect("temp dir");
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("run mkfifo");
        assert!(made.success(), "mkfifo failed");
        fs::write(dir.path().join("a.txt"), "漢字\n").expect("write");
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || fs::read_to_string(fifo).expect("read fifo"))
        };
        bianyi_ok(
            dir.path(),
            &["convert", "-c", "t2s", "a.txt", "-o", "pipe"],
            b"",
        );
        assert_eq!(reader.join().expect("reader"), "汉字\n");
        assert!(
            fs::symlink_metadata(&fifo)
                .expect("lstat")
                .file_type()
                .is_fifo()
        );
    }
}

/// Exit status 2 and no output file for each kind of bad input is covered
/// by tests/cmd/errors; this checks the status is the documented one.
#[test]
fn errors_exit_with_status_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = bianyi(dir.path(), &["convert", "-c", "nope"], b"");
    assert_eq!(out.status.code(), Some(2));
}

#[cfg(unix)]
mod unix_safety {
    use std::fs;
    use std::io::Write;
    use std::os::unix::fs::symlink;
    use std::process::{Command, Stdio};

    use crate::util::{bianyi, bianyi_ok};

    /// `bianyi convert … a.txt >> a.txt` is refused instead of growing a.txt
    /// without end, for text and for `--jsonl` (which a review found
    /// growing its input by 60 MB a second).
    #[test]
    fn stdout_appending_to_the_input_is_refused() {
        let cases: [(&str, &[&str], String); 2] = [
            (
                "a.txt",
                &["convert", "-c", "t2s", "a.txt"],
                "漢字\n".repeat(1000),
            ),
            (
                "a.jsonl",
                &["convert", "-c", "t2s", "--jsonl", "a.jsonl"],
                "{\"text\":\"漢字\"}\n".repeat(1000),
            ),
        ];
        for (name, args, text) in cases {
            let dir = tempfile::tempdir().expect("temp dir");
            let path = dir.path().join(name);
            fs::write(&path, &text).expect("write");
            let append = fs::OpenOptions::new()
                .append(true)
                .open(&path)
                .expect("open");
            let out = Command::new(env!("CARGO_BIN_EXE_bianyi"))
                .args(args)
                .current_dir(dir.path())
                .env("LANG", "C")
                .stdout(Stdio::from(append))
                .stderr(Stdio::piped())
                .output()
                .expect("run");
            assert_eq!(out.status.code(), Some(2), "{args:?}");
            assert!(
                String::from_utf8_lossy(&out.stderr).contains("both an input and the output"),
                "{args:?}"
            );
            assert_eq!(fs::read_to_string(&path).expect("read"), text, "{args:?}");
        }
    }

    /// A file named twice through a symbolic link is not converted twice.
    #[test]
    fn in_place_same_file_through_a_link_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        fs::write(dir.path().join("m.txt"), "麼\n").expect("write");
        symlink("m.txt", dir.path().join("l.txt")).expect("symlink");
        let out = bianyi(
            dir.path(),
            &["convert", "-c", "tw2sp", "--in-place", "m.txt", "l.txt"],
            b"",
        );
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(
            fs::read_to_string(dir.path().join("m.txt")).expect("read"),
            "麼\n"
        );
    }

    /// -o through a dangling symbolic link creates the file it points to and
    /// keeps the link.
    #[test]
    fn output_through_a_dangling_link() {
        let dir = tempfile::tempdir().expect("temp dir");
        fs::write(dir.path().join("a.txt"), "漢字\n").expect("write");
        symlink("target.txt", dir.path().join("link.txt")).expect("symlink");
        bianyi_ok(
            dir.path(),
            &["convert", "-c", "t2s", "a.txt", "-o", "link.txt"],
            b"",
        );
        assert!(
            fs::symlink_metadata(dir.path().join("link.txt"))
                .expect("lstat")
                .file_type()
                .is_symlink()
        );
        assert_eq!(
            fs::read_to_string(dir.path().join("target.txt")).expect("read"),
            "汉字\n"
        );
    }

    /// SIGTERM while writing -o removes the temporary file.
    #[test]
    fn interrupted_output_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut child = Command::new(env!("CARGO_BIN_EXE_bianyi"))
            .args(["convert", "-c", "s2t", "-o", "out.txt"])
            .current_dir(dir.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        let mut stdin = child.stdin.take().expect("stdin");
        stdin
            .write_all("汉字\n".repeat(100_000).as_bytes())
            .expect("feed");
        stdin.flush().expect("flush");
        // Wait until the temporary file exists, then interrupt.
        let temp_exists = || {
            fs::read_dir(dir.path())
                .expect("list")
                .flatten()
                .any(|e| e.file_name().to_string_lossy().starts_with(".bianyi-"))
        };
        for _ in 0..200 {
            if temp_exists() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert!(temp_exists(), "no temporary file appeared");
        // Give the signal handler's thread a moment to start.
        std::thread::sleep(std::time::Duration::from_millis(50));
        let killed = Command::new("kill")
            .args(["-TERM", &child.id().to_string()])
            .status()
            .expect("kill");
        assert!(killed.success());
        let status = child.wait().expect("wait");
        drop(stdin);
        assert_eq!(status.code(), Some(128 + 15));
        let left: Vec<_> = fs::read_dir(dir.path())
            .expect("list")
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert!(left.is_empty(), "left behind: {left:?}");
    }
}

/// A full disk, simulated with a file-size limit (`ulimit -f`, which
/// applies to root too): every writer fails cleanly, the original is
/// untouched and no temporary file is left.
#[cfg(unix)]
mod disk_full {
    use std::fs;
    use std::process::Command;

    /// Runs `bianyi args…` in `dir` with files limited to 4 KiB.
    fn limited(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
        Command::new("sh")
            .arg("-c")
            .arg("ulimit -f 8 && exec \"$0\" \"$@\"")
            .arg(env!("CARGO_BIN_EXE_bianyi"))
            .args(args)
            .current_dir(dir)
            .env("LANG", "C")
            .output()
            .expect("run sh")
    }

    fn leftovers(dir: &std::path::Path) -> Vec<String> {
        let mut found = Vec::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            for e in fs::read_dir(&d).expect("list").flatten() {
                let name = e.file_name().to_string_lossy().into_owned();
                if e.path().is_dir() {
                    stack.push(e.path());
                } else if name.starts_with(".bianyi-") || name.ends_with(".tmp") {
                    found.push(name);
                }
            }
        }
        found
    }

    #[test]
    fn writers_fail_cleanly_when_the_disk_is_full() {
        let dir = tempfile::tempdir().expect("temp dir");
        let text = "头发发展，乾隆皇帝。\n".repeat(2_000);
        fs::write(dir.path().join("big.txt"), &text).expect("write");
        fs::create_dir(dir.path().join("tree")).expect("mkdir");
        fs::write(dir.path().join("tree/big.txt"), &text).expect("write");
        let ftl = format!("a = {}\n", "头发".repeat(3_000));
        fs::write(dir.path().join("big.ftl"), &ftl).expect("write");
        let tsv: String = (0..400)
            .map(|k| format!("术语{k}\tterm number {k}\n"))
            .collect();
        fs::write(dir.path().join("terms.tsv"), &tsv).expect("write");
        // A glossary that is not in canonical form, for `glossary fmt`.
        let toml: String = (0..200)
            .map(|k| format!("[[entry]]\nid = \"t{k}\"\nterms = [ {{ lang = \"en\", text = \"term {k}\" }} ]\n\n"))
            .collect();
        fs::write(dir.path().join("g.toml"), &toml).expect("write");
        let runs: &[&[&str]] = &[
            &["convert", "-c", "s2t", "--in-place", "big.txt"],
            &["convert", "-c", "s2t", "big.txt", "-o", "out.txt"],
            &["convert", "-c", "s2t", "-r", "tree", "--in-place"],
            &["convert", "-c", "s2t", "-r", "tree", "-o", "tree-out"],
            &["l10n", "convert", "--to", "zh-TW", "--in-place", "big.ftl"],
            &[
                "glossary",
                "import",
                "terms.tsv",
                "-o",
                "new.toml",
                "--source-lang",
                "zh-Hans",
                "--target-lang",
                "en",
            ],
            &["glossary", "fmt", "g.toml"],
            &["glossary", "add", "g.toml", "en=one more"],
        ];
        for args in runs {
            let out = limited(dir.path(), args);
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
            assert!(err.contains("size limit"), "{args:?}: {err}");
            assert_eq!(
                fs::read_to_string(dir.path().join("big.txt")).expect("read"),
                text
            );
            assert_eq!(
                fs::read_to_string(dir.path().join("tree/big.txt")).expect("read"),
                text
            );
            assert_eq!(
                fs::read_to_string(dir.path().join("big.ftl")).expect("read"),
                ftl
            );
            assert!(!dir.path().join("out.txt").exists(), "{args:?}");
            assert!(!dir.path().join("new.toml").exists(), "{args:?}");
            assert_eq!(
                fs::read_to_string(dir.path().join("g.toml")).expect("read"),
                toml
            );
            assert!(
                leftovers(dir.path()).is_empty(),
                "{args:?}: {:?}",
                leftovers(dir.path())
            );
        }
    }
}
