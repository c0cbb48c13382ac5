//! Running the real binary in a scratch folder.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// Runs `bianyi args…` in `dir` with an English locale, feeding `stdin`.
pub(crate) fn bianyi(dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bianyi"))
        .args(args)
        .current_dir(dir)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        // Never the user's installed word lexicon (`bianyi dict`).
        .env("BIANYI_DATA_DIR", dir.join("bianyi-data"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run bianyi");
    let mut pipe = child.stdin.take().expect("stdin");
    let input = stdin.to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let output = child.wait_with_output().expect("wait for bianyi");
    let _ = feeder.join();
    output
}

/// Like [`bianyi`], but the run must succeed; returns its standard output.
pub(crate) fn bianyi_ok(dir: &Path, args: &[&str], stdin: &[u8]) -> Vec<u8> {
    let out = bianyi(dir, args, stdin);
    assert!(
        out.status.success(),
        "bianyi {args:?} failed with {:?}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// The sample article of the golden cases.
pub(crate) fn article() -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/article.zh-Hant.txt"))
        .expect("fixture")
}
