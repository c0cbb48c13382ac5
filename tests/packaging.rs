//! Issue 26: OpenCC configs loaded at run time and their cache; shell
//! completions and man pages.

use std::path::Path;
use std::process::Command;

fn run(dir: &Path, args: &[&str], cache: Option<&Path>) -> String {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_bianyi"));
    cmd.args(args).current_dir(dir).env("LANG", "C");
    match cache {
        Some(c) => cmd.env("XDG_CACHE_HOME", c).env_remove("BIANYI_NO_CACHE"),
        None => cmd.env("BIANYI_NO_CACHE", "1"),
    };
    let out = cmd.output().expect("runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

fn cached_files(cache: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(cache.join("bianyi"))
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with("opencc-"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// s2twp loaded from its JSON file: compiled once, then read from the
/// cache; a changed dictionary is a new entry, never a stale result.
#[test]
fn config_files_are_cached_by_content() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/convert/data/opencc");
    let conf = dir.path().join("conf");
    std::fs::create_dir(&conf).expect("mkdir");
    std::fs::copy(data.join("config/s2twp.json"), conf.join("s2twp.json")).expect("copy");
    for entry in std::fs::read_dir(data.join("dictionary")).expect("data") {
        let p = entry.expect("entry").path();
        std::fs::copy(&p, conf.join(p.file_name().expect("name"))).expect("copy");
    }
    std::fs::write(dir.path().join("in.txt"), "泽连斯基用鼠标和软件。\n").expect("write");
    std::fs::write(dir.path().join("names.txt"), "泽连斯基\t澤倫斯基\n").expect("write");
    let cache = dir.path().join("cache");
    let builtin = run(dir.path(), &["convert", "-c", "s2twp", "in.txt"], None);
    assert_eq!(builtin, "澤連斯基用滑鼠和軟體。\n");
    let args = ["convert", "-c", "conf/s2twp.json", "in.txt"];
    assert_eq!(run(dir.path(), &args, Some(&cache)), builtin);
    let first = cached_files(&cache);
    assert_eq!(first.len(), 1, "{first:?}");
    assert_eq!(run(dir.path(), &args, Some(&cache)), builtin);
    assert_eq!(
        cached_files(&cache),
        first,
        "the cache was used, not rewritten"
    );
    // A damaged cache file is a miss, and is replaced.
    let file = cache.join("bianyi").join(&first[0]);
    let mut bytes = std::fs::read(&file).expect("read");
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0xFF;
    std::fs::write(&file, &bytes).expect("write");
    assert_eq!(run(dir.path(), &args, Some(&cache)), builtin);
    // With a user dictionary: another digest, another entry.
    let with = [
        "convert",
        "-c",
        "conf/s2twp.json",
        "--dict",
        "names.txt",
        "in.txt",
    ];
    assert_eq!(
        run(dir.path(), &with, Some(&cache)),
        "澤倫斯基用滑鼠和軟體。\n"
    );
    // The dictionary changes: compiled again, not the stale entry.
    std::fs::write(dir.path().join("names.txt"), "泽连斯基\t哲倫斯基\n").expect("write");
    assert_eq!(
        run(dir.path(), &with, Some(&cache)),
        "哲倫斯基用滑鼠和軟體。\n"
    );
    assert_eq!(cached_files(&cache).len(), 3);
}

#[test]
fn completions_for_every_shell() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (shell, marker) in [
        ("bash", "complete -F _bianyi"),
        ("zsh", "#compdef bianyi"),
        ("fish", "complete -c bianyi"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "set edit:completion:arg-completer[bianyi]"),
    ] {
        let script = run(dir.path(), &["completions", shell], None);
        assert!(script.contains(marker), "{shell}: no {marker:?}");
        assert!(
            script.contains("corner-quotes"),
            "{shell}: convert's options"
        );
    }
}

#[test]
fn man_pages() {
    let dir = tempfile::tempdir().expect("temp dir");
    let page = run(dir.path(), &["man"], None);
    assert!(page.starts_with(".ie"), "{page}");
    assert!(page.contains(".TH bianyi 1"), "{page}");
    run(dir.path(), &["man", "-o", "pages/man1"], None);
    let pages = dir.path().join("pages/man1");
    for name in [
        "bianyi.1",
        "bianyi-convert.1",
        "bianyi-glossary-add.1",
        "bianyi-man.1",
    ] {
        let text = std::fs::read_to_string(pages.join(name)).expect(name);
        assert!(text.contains(".TH"), "{name}");
    }
    let convert = std::fs::read_to_string(pages.join("bianyi-convert.1")).expect("page");
    assert!(convert.contains("\\-\\-dict"), "{convert}");
}

/// A user dictionary that is a pipe (`--dict <(…)`, here standard input)
/// is read once and kept: digested and compiled from the same bytes, with
/// the cache and without it.
#[cfg(unix)]
#[test]
fn a_dictionary_from_a_pipe_is_read_once() {
    use std::io::Write;
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("in.txt"), "头发\n").expect("write");
    let cache = dir.path().join("cache");
    for cached in [false, true] {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_bianyi"));
        cmd.args(["convert", "-c", "s2t", "--dict", "/dev/stdin", "in.txt"])
            .current_dir(dir.path())
            .env("LANG", "C")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped());
        if cached {
            cmd.env("XDG_CACHE_HOME", &cache)
                .env_remove("BIANYI_NO_CACHE");
        } else {
            cmd.env("BIANYI_NO_CACHE", "1");
        }
        let mut child = cmd.spawn().expect("runs");
        child
            .stdin
            .take()
            .expect("piped")
            .write_all("头发\t頭毛\n".as_bytes())
            .expect("write");
        let out = child.wait_with_output().expect("waits");
        assert!(out.status.success(), "cached {cached}");
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            "頭毛\n",
            "cached {cached}"
        );
    }
}
