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

/// Issue 20, item 2: the matcher cache trusts nothing it finds. In place
/// of the cache file a link to someone's file (neither read nor
/// replaced), a FIFO (no hang), a link to /dev/zero (not read): each is a
/// miss, the run succeeds with the same output. A cache folder that is a
/// link, or writable by others, is not used at all.
#[cfg(unix)]
#[test]
fn issue20_the_matcher_cache_trusts_nothing_it_finds() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};
    let dir = tempfile::tempdir().expect("temp dir");
    let mut tsv = String::from("zh-Hant\tzh-Hans\n");
    for i in 0..10_000 {
        let a = char::from_u32(0x4E00 + i / 100).unwrap_or('一');
        let b = char::from_u32(0x4E00 + i % 100).unwrap_or('一');
        tsv.push_str(&format!("{a}{b}終端\tX{i}\n"));
    }
    std::fs::write(dir.path().join("big.tsv"), tsv).expect("write");
    std::fs::write(dir.path().join("in.txt"), "一一終端和丁丁終端。\n").expect("write");
    let run = |cache: &std::path::Path| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_bianyi"))
            .args(["convert", "-c", "t2s", "--glossary", "big.tsv"])
            .args([
                "--source-lang",
                "zh-Hant",
                "--target-lang",
                "zh-Hans",
                "in.txt",
            ])
            .env("XDG_CACHE_HOME", cache)
            .env_remove("BIANYI_NO_CACHE")
            .current_dir(dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs");
        let start = Instant::now();
        while child.try_wait().expect("wait").is_none() {
            if start.elapsed() > Duration::from_secs(60) {
                let _ = child.kill();
                panic!("bianyi hangs on the cache");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let out = child.wait_with_output().expect("output");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8")
    };
    let cache = dir.path().join("cache");
    let expected = "X0和X101。\n";
    assert_eq!(run(&cache), expected);
    let folder = cache.join("bianyi");
    let mode = std::fs::metadata(&folder)
        .expect("folder")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o700, "the cache folder is private");
    let names: Vec<_> = std::fs::read_dir(&folder)
        .expect("cache folder")
        .map(|e| e.expect("entry").path())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    let file = &names[0];
    assert_eq!(
        std::fs::metadata(file).expect("file").permissions().mode() & 0o777,
        0o600
    );
    let victim = dir.path().join("victim.txt");
    let plant = |what: &str| {
        let _ = std::fs::remove_file(file);
        match what {
            "link" => {
                std::fs::write(&victim, "precious\n").expect("victim");
                symlink(&victim, file).expect("link");
            }
            "zero" => symlink("/dev/zero", file).expect("link"),
            "fifo" => {
                let made = Command::new("mkfifo").arg(file).status().expect("mkfifo");
                assert!(made.success());
            }
            _ => unreachable!(),
        }
    };
    for what in ["link", "zero", "fifo"] {
        plant(what);
        assert_eq!(run(&cache), expected, "{what}");
        let kept = std::fs::symlink_metadata(file).expect("still there");
        assert!(!kept.is_file(), "{what}: replaced the planted file");
    }
    assert_eq!(
        std::fs::read_to_string(&victim).expect("victim"),
        "precious\n"
    );
    // A folder others may write to is not used (nothing is added to it).
    std::fs::remove_file(file).expect("rm");
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o777)).expect("chmod");
    assert_eq!(run(&cache), expected);
    assert_eq!(std::fs::read_dir(&folder).expect("folder").count(), 0);
    // Nor a folder that is a link (to an empty folder elsewhere).
    let elsewhere = dir.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).expect("mkdir");
    let linked = dir.path().join("linked");
    std::fs::create_dir(&linked).expect("mkdir");
    symlink(&elsewhere, linked.join("bianyi")).expect("link");
    assert_eq!(run(&linked), expected);
    assert_eq!(std::fs::read_dir(&elsewhere).expect("folder").count(), 0);
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
            "1 term is inside longer terms: information, not a problem (where the longer term occurs, it is the one used)\n4 problems found\n",
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

/// Issue 20: a glossary whose terms begin with = + - @ goes through
/// `glossary export --format csv|tsv` (cells with a ') and back through
/// `glossary import` unchanged.
#[test]
fn issue20_exported_formula_cells_import_back_the_same() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    std::fs::copy(
        root.join("cmd/glossary/export-formulas.in/formulas.toml"),
        dir.path().join("g.toml"),
    )
    .expect("fixture");
    let bianyi = |args: &[&str]| crate::util::bianyi_ok(dir.path(), args, b"");
    let original = bianyi(&["glossary", "export", "g.toml", "--format", "toml"]);
    for format in ["csv", "tsv"] {
        let file = format!("g.{format}");
        let exported = bianyi(&["glossary", "export", "g.toml", "--format", format]);
        assert!(
            String::from_utf8_lossy(&exported).contains("'=HYPERLINK"),
            "{format}"
        );
        std::fs::write(dir.path().join(&file), &exported).expect("write");
        bianyi(&[
            "glossary",
            "import",
            &file,
            "-o",
            "back.toml",
            "--source-lang",
            "zh-Hans",
            "--target-lang",
            "en",
        ]);
        let back = bianyi(&["glossary", "export", "back.toml", "--format", format]);
        // Ids are made again from the terms on import: rows in any order.
        let rows = |text: &[u8]| {
            let mut v: Vec<String> = String::from_utf8_lossy(text)
                .lines()
                .map(str::to_string)
                .collect();
            v.sort();
            v
        };
        assert_eq!(rows(&back), rows(&exported), "{format}");
        let terms = |toml: &[u8]| {
            let mut t: Vec<String> = String::from_utf8_lossy(toml)
                .lines()
                .filter(|l| l.contains("text = "))
                .map(str::to_string)
                .collect();
            t.sort();
            t
        };
        let back_toml = std::fs::read(dir.path().join("back.toml")).expect("read");
        assert_eq!(terms(&back_toml), terms(&original), "{format}");
    }
}

/// Issue 21 items 1 and 2: a glossary harvested from the sample article as
/// TSV is imported without being told its languages, and applied to a
/// conversion keeps the names Chinese in the target script, each once.
#[test]
fn issue21_extract_import_apply_round_trip() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    std::fs::copy(
        root.join("fixtures/article.zh-Hant.txt"),
        dir.path().join("a.txt"),
    )
    .expect("fixture");
    let bianyi = |args: &[&str]| crate::util::bianyi_ok(dir.path(), args, b"");
    let tsv = bianyi(&["glossary", "extract", "a.txt"]);
    std::fs::write(dir.path().join("h.tsv"), &tsv).expect("write");
    bianyi(&["glossary", "import", "h.tsv", "-o", "h.toml"]);
    let from_tsv = std::fs::read_to_string(dir.path().join("h.toml")).expect("imported");
    let direct = String::from_utf8(bianyi(&[
        "glossary", "extract", "--format", "toml", "a.txt",
    ]))
    .expect("UTF-8");
    // The same pairs, notes and languages as extract's own TOML (which also
    // has the zh-Hans spellings).
    for line in from_tsv.lines() {
        assert!(direct.contains(line), "{line}");
    }
    std::fs::write(dir.path().join("d.toml"), &direct).expect("write");
    for g in ["h.toml", "d.toml"] {
        for (to, name) in [("zh-Hans", "亚历山大·王"), ("zh-TW", "亞歷山大·王")] {
            let out = String::from_utf8(bianyi(&["convert", "--to", to, "--glossary", g, "a.txt"]))
                .expect("UTF-8");
            assert!(out.contains(&format!("{name}(Alexandr Wang)")), "{to} {g}");
            assert!(!out.contains("Alexandr Wang(Alexandr Wang)"), "{to} {g}");
            assert!(out.contains("“Avocado”(牛油果)"), "{to} {g}");
            assert!(out.contains("多吉瓦(GW)"), "{to} {g}");
        }
    }
}

/// Issue 21 item 3: what `glossary export` writes, in every format,
/// `glossary import` reads back without --source-lang/--target-lang.
#[test]
fn issue21_export_import_round_trips() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    std::fs::copy(
        root.join("fixtures/glossary.toml"),
        dir.path().join("g.toml"),
    )
    .expect("fixture");
    let bianyi = |args: &[&str]| crate::util::bianyi_ok(dir.path(), args, b"");
    for format in ["tsv", "csv", "tbx", "toml"] {
        let file = format!("e.{format}");
        bianyi(&[
            "glossary", "export", "g.toml", "--format", format, "-o", &file,
        ]);
        bianyi(&["glossary", "import", &file, "-o", "back.toml"]);
        let again = bianyi(&["glossary", "export", "back.toml", "--format", format]);
        let exported = std::fs::read(dir.path().join(&file)).expect("exported");
        if format == "tbx" || format == "toml" {
            assert_eq!(again, exported, "{format}");
        } else {
            // Ids are made again from the terms on import: rows in any order.
            let rows = |text: &[u8]| {
                let mut v: Vec<String> = String::from_utf8_lossy(text)
                    .lines()
                    .map(str::to_string)
                    .collect();
                v.sort();
                v
            };
            assert_eq!(rows(&again), rows(&exported), "{format}");
        }
    }
}
