//! Properties of the glossary commands that golden files show but do not
//! state.

use std::path::Path;

/// TOML → TBX → TOML gives back the same bytes: the golden case
/// `glossary/import-tbx` imports the TBX that `glossary/export-tbx` wrote
/// from the fixture.
#[test]
fn tbx_round_trip_is_exact() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let fixture = std::fs::read_to_string(root.join("fixtures/glossary.toml")).expect("fixture");
    let exported =
        std::fs::read(root.join("cmd/glossary/export-tbx.out/glossary.tbx")).expect("export");
    let imported_from =
        std::fs::read(root.join("cmd/glossary/import-tbx.in/glossary.tbx")).expect("import input");
    assert_eq!(
        exported, imported_from,
        "import-tbx must read what export-tbx wrote"
    );
    let imported = std::fs::read_to_string(root.join("cmd/glossary/import-tbx.out/glossary.toml"))
        .expect("imported");
    assert_eq!(imported, fixture);
}

/// A large glossary's compiled matcher is cached; a damaged cache file is
/// ignored and rebuilt, and the output never changes.
#[test]
fn compiled_matcher_cache() {
    use std::process::Command;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut toml = String::new();
    for i in 0..10_000 {
        // Distinct four-character Chinese terms.
        let a = char::from_u32(0x4E00 + i / 100).unwrap_or('一');
        let b = char::from_u32(0x4E00 + i % 100).unwrap_or('一');
        toml.push_str(&format!(
            "[[entry]]\nid = \"t{i}\"\nterms = [{{ lang = \"zh-Hant\", text = \"{a}{b}終端\" }}, {{ lang = \"zh-Hans\", text = \"X{i}\" }}]\n"
        ));
    }
    std::fs::write(dir.path().join("big.toml"), toml).expect("write");
    std::fs::write(dir.path().join("in.txt"), "一一終端和丁丁終端。\n").expect("write");
    let cache = dir.path().join("cache");
    let run = || {
        let out = Command::new(env!("CARGO_BIN_EXE_bianyi"))
            .args(["convert", "-c", "t2s", "--glossary", "big.toml", "in.txt"])
            .env("XDG_CACHE_HOME", &cache)
            .env_remove("BIANYI_NO_CACHE")
            .current_dir(dir.path())
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8")
    };
    let first = run();
    assert_eq!(first, "X0和X101。\n");
    let files: Vec<_> = std::fs::read_dir(cache.join("bianyi"))
        .expect("cache folder")
        .map(|e| e.expect("entry").path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    assert_eq!(run(), first, "from the cache");
    let size = std::fs::metadata(&files[0]).expect("meta").len();
    std::fs::write(&files[0], b"BYMATCH1garbage").expect("damage");
    assert_eq!(run(), first, "damaged cache ignored");
    assert_eq!(
        std::fs::metadata(&files[0]).expect("meta").len(),
        size,
        "rebuilt"
    );
}

/// A closed standard output (`… | head -n 0`) ends a command quietly with
/// status 0, but does not hide findings: a check that found problems
/// still ends with status 1.
#[test]
fn closed_standard_output() {
    // Folder (under tests/), arguments, status, standard error.
    let cases: &[(&str, &[&str], i32, &str)] = &[
        ("fixtures", &["glossary", "list", "glossary.toml"], 0, ""),
        (
            "cmd/glossary/check-problems.in",
            &["glossary", "check", "bad.toml"],
            1,
            "6 problems found\n",
        ),
        (
            "cmd/glossary/qa-findings.in",
            &[
                "qa",
                "--glossary",
                "../../../fixtures/glossary.toml",
                "source.zh-Hant.txt",
                "target.en.txt",
            ],
            1,
            "3 findings\n",
        ),
    ];
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    for &(dir, args, status, stderr) in cases {
        let dir = root.join(dir);
        // The reading end is closed before bianyi writes anything.
        let (reader, writer) = std::io::pipe().expect("pipe");
        drop(reader);
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_bianyi"))
            .args(args)
            .current_dir(&dir)
            .env("LANG", "C")
            .stdout(writer)
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(status), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), stderr, "{args:?}");
    }
}
