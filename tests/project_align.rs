//! Reviewed alignments (`alignments/`, written by `bianyi serve`) through
//! the binary: `bianyi build`'s reports and TMX use the reviewed beads, an
//! unrelated edit keeps them, a changed sentence makes its bead stale for
//! `bianyi check`.

use std::fs;
use std::path::Path;

use bianyi_align::sentence_key;

use crate::align::tmx14;
use crate::util::bianyi;

const SOURCE: &str = "今天天氣很好。我們去公園散步。\n公園裡有很多人在放風箏。\n";
const ENGLISH: &str = "The weather is fine today. We go for a walk in the park.\nMany people fly kites in the park.\n";

fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    fs::write(
        d.join("bianyi.toml"),
        "[[sources]]\nfiles = [\"zh/*.txt\"]\ntranslation = \"en/{name}\"\n\
         [[targets]]\nto = \"zh-Hans\"\nreport = \"md\"\n\
         [[targets]]\nto = \"zh-CN\"\nreport = \"tmx\"\n",
    )
    .expect("write");
    for f in ["zh", "en"] {
        fs::create_dir_all(d.join(f)).expect("mkdir");
    }
    fs::write(d.join("zh/a.txt"), SOURCE).expect("write");
    fs::write(d.join("en/a.txt"), ENGLISH).expect("write");
    dir
}

fn keys(texts: &[&str]) -> String {
    texts
        .iter()
        .map(|t| format!("\"{}\"", sentence_key(t)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The first two sentences of each side merged into one bead, as a
/// reviewer would save it.
fn review(dir: &Path) {
    let toml = format!(
        "source = \"zh/a.txt\"\ntranslation = \"en/a.txt\"\nreviewed = true\n\
         [[bead]]\nsource = [{}]\ntarget = [{}]\n\
         [[bead]]\nsource = [{}]\ntarget = [{}]\n",
        keys(&["今天天氣很好。", "我們去公園散步。"]),
        keys(&[
            "The weather is fine today.",
            "We go for a walk in the park."
        ]),
        keys(&["公園裡有很多人在放風箏。"]),
        keys(&["Many people fly kites in the park."]),
    );
    fs::create_dir_all(dir.join("alignments/zh")).expect("mkdir");
    fs::write(dir.join("alignments/zh/a.txt.toml"), toml).expect("write");
}

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = bianyi(dir, args, b"");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn tus(tmx: &str) -> usize {
    tmx.matches("<tu ").count() + tmx.matches("<tu>").count()
}

#[test]
fn builds_use_the_reviewed_beads_and_keep_them_after_unrelated_edits() {
    let dir = project();
    let d = dir.path();
    let (code, _, err) = run(d, &["build"]);
    assert_eq!(code, 0, "{err}");
    let tmx = fs::read_to_string(d.join("reports/zh-CN/a.tmx")).expect("tmx");
    assert_eq!(tus(&tmx), 3, "the aligner's beads: {tmx}");
    // A review merges the first two sentences: the build redoes the
    // reports (and only them) with that bead.
    review(d);
    let (code, _, err) = run(d, &["build"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("reports/zh-CN/a.tmx") && err.contains("reports/zh-Hans/a.md"),
        "{err}"
    );
    assert!(!err.contains("out/"), "conversions untouched: {err}");
    let tmx = fs::read_to_string(d.join("reports/zh-CN/a.tmx")).expect("tmx");
    if let Err(e) = tmx14::check_tmx(&tmx) {
        panic!("{e}\n{tmx}");
    }
    tmx14::assert_refuses_what_the_dtd_refuses(&tmx);
    assert_eq!(tus(&tmx), 2, "{tmx}");
    assert!(
        tmx.contains("今天天气很好。我们去公园散步。"),
        "converted side: {tmx}"
    );
    assert!(
        tmx.contains("The weather is fine today. We go for a walk in the park."),
        "{tmx}"
    );
    let md = fs::read_to_string(d.join("reports/zh-Hans/a.md")).expect("md");
    assert!(
        md.lines()
            .any(|l| l.contains("我们去公园散步") && l.contains("We go for a walk")),
        "one row for the merged bead: {md}"
    );
    let (code, out, _) = run(d, &["check"]);
    assert_eq!(code, 0, "clean: {out}");
    // An unrelated edit (a sentence added at the end of both texts) keeps
    // the reviewed bead.
    fs::write(d.join("zh/a.txt"), format!("{SOURCE}天黑了。\n")).expect("write");
    fs::write(d.join("en/a.txt"), format!("{ENGLISH}It got dark.\n")).expect("write");
    let (code, _, err) = run(d, &["build"]);
    assert_eq!(code, 0, "{err}");
    let tmx = fs::read_to_string(d.join("reports/zh-CN/a.tmx")).expect("tmx");
    assert_eq!(tus(&tmx), 3, "{tmx}");
    assert!(tmx.contains("今天天气很好。我们去公园散步。"), "{tmx}");
    assert!(tmx.contains("天黑了。"), "{tmx}");
    let (code, out, _) = run(d, &["check"]);
    assert_eq!(code, 0, "still clean: {out}");
    // A sentence of the reviewed bead changed: that bead is stale, said by
    // check, and aligned again (not applied to other sentences).
    fs::write(
        d.join("zh/a.txt"),
        format!("{}天黑了。\n", SOURCE.replace("很好", "不錯")),
    )
    .expect("write");
    let (code, out, err) = run(d, &["check"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains("alignments/zh/a.txt.toml: bead 1 of the reviewed alignment of zh/a.txt"),
        "{out}"
    );
    let (code, out, _) = run(d, &["check", "--format", "json"]);
    assert_eq!(code, 1);
    assert!(
        out.contains("\"bead\":1") && out.contains("\"kind\":\"alignment\""),
        "{out}"
    );
    let (code, _, err) = run(d, &["build"]);
    assert_eq!(code, 0, "{err}");
    let tmx = fs::read_to_string(d.join("reports/zh-CN/a.tmx")).expect("tmx");
    assert!(tmx.contains("今天天气不错。"), "{tmx}");
    assert!(tmx.contains("公园里有很多人在放风筝。"), "{tmx}");
}

#[test]
fn a_broken_alignment_file_fails_the_report_with_its_place() {
    let dir = project();
    let d = dir.path();
    fs::create_dir_all(d.join("alignments/zh")).expect("mkdir");
    fs::write(
        d.join("alignments/zh/a.txt.toml"),
        "source = \"zh/a.txt\"\ntranslation = \"en/a.txt\"\nbeads = 1\n",
    )
    .expect("write");
    let (code, _, err) = run(d, &["build"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("a.txt.toml:3"), "{err}");
    assert!(
        d.join("out/zh-Hans/zh/a.txt").exists(),
        "conversions are built"
    );
}
