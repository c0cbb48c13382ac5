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
}
