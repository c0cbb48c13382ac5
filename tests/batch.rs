//! `bianyi convert -r`: what golden files cannot show (symbolic links,
//! thread counts).

use std::fs;
use std::path::Path;

use crate::util::bianyi;

/// Every file under `dir`, with its bytes, in path order.
fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).expect("read_dir").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).expect("under").display().to_string();
                out.push((rel, fs::read(&p).expect("read")));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn any_thread_count_gives_the_same_tree_and_messages() {
    let dir = tempfile::tempdir().expect("tempdir");
    let src = dir.path().join("src");
    for k in 0..60 {
        let sub = src.join(format!("d{}", k % 7));
        fs::create_dir_all(&sub).expect("mkdir");
        let text = if k % 13 == 5 {
            b"\xff\xfe broken".to_vec()
        } else {
            "头发发展，乾隆皇帝。鼠标和软件。\n"
                .repeat(k + 1)
                .into_bytes()
        };
        fs::write(sub.join(format!("f{k}.txt")), text).expect("write");
    }
    let mut results = Vec::new();
    for j in ["1", "2", "7"] {
        let out = format!("out{j}");
        let run = bianyi(
            dir.path(),
            &["convert", "-c", "s2twp", "-j", j, "-r", "src", "-o", &out],
            b"",
        );
        assert_eq!(run.status.code(), Some(2), "broken files are errors");
        results.push((tree(&dir.path().join(&out)), run.stderr));
    }
    assert!(results[0].0.len() > 50);
    for r in &results[1..] {
        assert_eq!(r.0, results[0].0, "same files, same bytes");
        assert_eq!(
            String::from_utf8_lossy(&r.1),
            String::from_utf8_lossy(&results[0].1),
            "same messages in the same order"
        );
    }
}

/// A file over 64 MiB is streamed rather than read whole; in a subfolder
/// of the output its folder is created too (a review found it failing).
#[test]
fn large_files_in_subfolders_are_streamed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sub = dir.path().join("src").join("sub");
    fs::create_dir_all(&sub).expect("mkdir");
    let lines = 10_000_000;
    fs::write(sub.join("big.txt"), "汉字\n".repeat(lines)).expect("write");
    fs::write(sub.join("small.txt"), "汉字\n").expect("write");
    let run = bianyi(
        dir.path(),
        &["convert", "-c", "s2t", "-j", "2", "-r", "src", "-o", "out"],
        b"",
    );
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let big = fs::read(dir.path().join("out/sub/big.txt")).expect("converted big file");
    assert!(big == "漢字\n".repeat(lines).into_bytes());
    assert_eq!(
        fs::read_to_string(dir.path().join("out/sub/small.txt")).expect("small"),
        "漢字\n"
    );
}

#[cfg(unix)]
mod unix {
    use std::fs;
    use std::os::unix::fs::symlink;

    use super::tree;
    use crate::util::bianyi;

    /// Issue 20: `-r LINK`, LINK a link to a folder, converts the folder
    /// and skips no link (it said "1 symbolic link").
    #[test]
    fn issue20_a_linked_root_is_no_skipped_link() {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::create_dir_all(dir.path().join("real/sub")).expect("mkdir");
        fs::write(dir.path().join("real/sub/a.txt"), "头发\n").expect("write");
        symlink("real", dir.path().join("link")).expect("link");
        for args in [
            &["convert", "-c", "s2t", "-r", "link", "-o", "out"][..],
            &["convert", "-c", "s2t", "-r", "link", "--in-place"],
        ] {
            let run = bianyi(dir.path(), args, b"");
            let err = String::from_utf8_lossy(&run.stderr);
            assert!(run.status.success(), "{err}");
            assert!(
                err.contains("converted 1 file") && err.contains("0 symbolic links"),
                "{args:?}: {err}"
            );
        }
        assert_eq!(
            fs::read_to_string(dir.path().join("out/sub/a.txt")).expect("output"),
            "頭髮\n"
        );
        assert_eq!(
            fs::read_to_string(dir.path().join("real/sub/a.txt")).expect("in place"),
            "頭髮\n"
        );
        assert!(
            fs::symlink_metadata(dir.path().join("link"))
                .expect("link")
                .is_symlink()
        );
    }

    #[test]
    fn links_never_lead_out_of_the_tree() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (src, outside) = (dir.path().join("src"), dir.path().join("outside"));
        fs::create_dir_all(src.join("sub")).expect("mkdir");
        fs::create_dir_all(&outside).expect("mkdir");
        fs::write(src.join("a.txt"), "头发\n").expect("write");
        fs::write(outside.join("secret.txt"), "发展\n").expect("write");
        symlink("../a.txt", src.join("sub/inside.txt")).expect("link");
        symlink(outside.join("secret.txt"), src.join("out-file.txt")).expect("link");
        symlink(&outside, src.join("out-dir")).expect("link");
        let run = bianyi(
            dir.path(),
            &["convert", "-c", "s2t", "-r", "src", "-o", "out"],
            b"",
        );
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        let files: Vec<String> = tree(&dir.path().join("out"))
            .into_iter()
            .map(|(p, _)| p)
            .collect();
        assert_eq!(files, ["a.txt", "sub/inside.txt"]);
        assert_eq!(
            fs::read_to_string(dir.path().join("out/sub/inside.txt")).unwrap(),
            "頭髮\n"
        );
        assert!(String::from_utf8_lossy(&run.stderr).contains("2 symbolic links"));
        // In place, links are not followed (their targets are converted
        // where they are, if they are in the tree).
        let run = bianyi(
            dir.path(),
            &["convert", "-c", "s2t", "-r", "src", "--in-place"],
            b"",
        );
        assert!(run.status.success());
        assert_eq!(fs::read_to_string(src.join("a.txt")).unwrap(), "頭髮\n");
        assert_eq!(
            fs::read_to_string(outside.join("secret.txt")).unwrap(),
            "发展\n"
        );
    }

    #[test]
    fn outputs_never_escape_the_output_folder() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (src, out, elsewhere) = (
            dir.path().join("src"),
            dir.path().join("out"),
            dir.path().join("elsewhere"),
        );
        fs::create_dir_all(src.join("sub")).expect("mkdir");
        fs::create_dir_all(&out).expect("mkdir");
        fs::create_dir_all(&elsewhere).expect("mkdir");
        fs::write(src.join("sub/a.txt"), "头发\n").expect("write");
        fs::write(src.join("b.txt"), "发展\n").expect("write");
        // A link planted in the output folder must not be written through.
        symlink(&elsewhere, out.join("sub")).expect("link");
        symlink(elsewhere.join("b.txt"), out.join("b.txt")).expect("link");
        let run = bianyi(
            dir.path(),
            &["convert", "-c", "s2t", "-r", "src", "-o", "out"],
            b"",
        );
        assert_eq!(run.status.code(), Some(2));
        let err = String::from_utf8_lossy(&run.stderr);
        assert!(err.contains("outside the output folder"), "{err}");
        assert!(tree(&elsewhere).is_empty(), "nothing written outside");
    }

    /// Runs `bianyi convert -c s2t -r tree ARGS…` in `dir` with the test
    /// hook `BIANYI_TEST_RACE=race` (crates/cli/convert/batch.rs), which
    /// swaps a file or folder for a symbolic link between the walk and the
    /// open, or before the rename: the races of issue 20, made
    /// deterministic.
    fn raced(dir: &std::path::Path, race: &str, args: &[&str]) -> std::process::Output {
        std::process::Command::new(env!("CARGO_BIN_EXE_bianyi"))
            .args(["convert", "-c", "s2t", "-r", "tree"])
            .args(args)
            .current_dir(dir)
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("BIANYI_TEST_RACE", race)
            .output()
            .expect("run bianyi")
    }

    /// A tree `tree/d/f.txt` and a private `victim.txt` next to it (and
    /// `outside/f.txt`, a folder a link may point to).
    fn race_tree() -> tempfile::TempDir {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        fs::create_dir_all(dir.path().join("tree/d")).expect("mkdir");
        fs::create_dir_all(dir.path().join("outside")).expect("mkdir");
        fs::write(dir.path().join("tree/d/f.txt"), "头发\n").expect("write");
        for victim in ["victim.txt", "outside/f.txt"] {
            let victim = dir.path().join(victim);
            fs::write(&victim, "发展 VICTIM\n").expect("write");
            fs::set_permissions(&victim, fs::Permissions::from_mode(0o600)).expect("chmod");
        }
        dir
    }

    /// Issue 20, item 1: a file swapped for a link to a file outside the
    /// tree between the walk and the open is neither read nor written
    /// through, in place or into an output folder; the same for its folder
    /// swapped for a link to a folder outside, and for a link put in place
    /// of the destination just before the rename.
    #[test]
    fn issue20_links_swapped_in_during_the_run_are_not_followed() {
        // The exit code: 2 when the file was left alone (reported), 0 when
        // the output went where the folder was before the swap (the handle
        // bianyi holds), never through the link.
        let cases: &[(&str, &[&str], i32)] = &[
            ("open", &["--in-place"], 2),
            ("open", &["-o", "out"], 2),
            ("folder-open", &["--in-place"], 2),
            ("folder-open", &["-o", "out"], 2),
            ("replace", &["--in-place"], 2),
            ("replace", &["-o", "out"], 2),
            ("folder-replace", &["--in-place"], 0),
            ("folder-replace", &["-o", "out"], 0),
        ];
        for (moment, args, code) in cases {
            let dir = race_tree();
            let target = if moment.starts_with("folder-") {
                dir.path().join("outside")
            } else {
                dir.path().join("victim.txt")
            };
            let race = format!("{moment}:{}", target.display());
            let run = raced(dir.path(), &race, args);
            let err = String::from_utf8_lossy(&run.stderr);
            assert_eq!(run.status.code(), Some(*code), "{moment} {args:?}: {err}");
            for victim in ["victim.txt", "outside/f.txt"] {
                assert_eq!(
                    fs::read_to_string(dir.path().join(victim)).expect("victim"),
                    "发展 VICTIM\n",
                    "{moment} {args:?}: {victim} was written"
                );
            }
            assert_eq!(
                tree(&dir.path().join("outside")).len(),
                1,
                "{moment} {args:?}"
            );
            if let Some(out) = args.get(1) {
                let written: Vec<_> = tree(&dir.path().join(out))
                    .into_iter()
                    .filter(|(path, bytes)| {
                        // (Read through the race's links: those are not
                        // bianyi's; the victims were checked above.)
                        let out = fs::canonicalize(dir.path().join(out)).expect("out");
                        let real = fs::canonicalize(out.join(path)).expect("file");
                        String::from_utf8_lossy(bytes).contains("VICTIM") && real.starts_with(&out)
                    })
                    .collect();
                assert!(written.is_empty(), "{moment} {args:?}: {written:?}");
            }
            assert!(
                *code == 0
                    || err.contains("was replaced")
                    || err.contains("outside the output folder"),
                "{moment} {args:?}: {err}"
            );
        }
    }

    /// Issue 20, item 1: an output made from a file only its owner may read
    /// is only readable by its owner (it was created 0666 minus the umask).
    #[test]
    fn issue20_outputs_are_never_more_readable_than_their_inputs() {
        use std::os::unix::fs::PermissionsExt;
        let dir = race_tree();
        let input = dir.path().join("tree/d/f.txt");
        fs::set_permissions(&input, fs::Permissions::from_mode(0o600)).expect("chmod");
        let run = bianyi(
            dir.path(),
            &["convert", "-c", "s2t", "-r", "tree", "-o", "out"],
            b"",
        );
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        let mode =
            |p: &std::path::Path| fs::metadata(p).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode(&dir.path().join("out/d/f.txt")), 0o600);
        let run = bianyi(
            dir.path(),
            &["convert", "-c", "s2t", "-r", "tree", "--in-place"],
            b"",
        );
        assert!(run.status.success());
        assert_eq!(mode(&input), 0o600);
        assert_eq!(fs::read_to_string(&input).expect("read"), "頭髮\n");
    }
}
