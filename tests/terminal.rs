//! A hostile terminal (docs/reliability.md): file names and quoted text
//! reach the terminal escaped, whatever command prints them, and only
//! there (files keep their names and contents).
//!
//! The names are made at run time: trycmd cases cannot hold them.

#![cfg(unix)]

use std::fs;
use std::path::Path;

use crate::util::bianyi;

/// Sets the window title, turns the text red, then reverses the rest of
/// the line (issue 20's name).
const HOSTILE: &str = "x\u{1b}]0;pwned\u{7}\u{1b}[31mRED\u{1b}[0m\u{202e}evil";
/// The same name as every message shows it.
const SHOWN: &str = r"x\u{1B}]0;pwned\u{7}\u{1B}[31mRED\u{1B}[0m\u{202E}evil";

/// Fails when `out` holds a character a terminal acts on (other than a
/// line break), and returns it as text.
fn clean(what: &str, out: &[u8]) -> String {
    let text = String::from_utf8(out.to_vec()).expect("UTF-8 output");
    if let Some(c) = text.chars().find(|&c| {
        c != '\n'
            && matches!(c, '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}' | '\u{61C}' | '\u{200E}'
                | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    }) {
        panic!("{what}: raw {c:?} reaches the terminal: {text:?}");
    }
    text
}

fn scratch() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

#[test]
fn convert_errors_show_names_escaped() {
    let dir = scratch();
    let name = format!("{HOSTILE}.txt");
    fs::write(dir.path().join(&name), b"\xE4\xB8").expect("write");
    let out = bianyi(dir.path(), &["convert", "-c", "s2t", &name], b"");
    assert_eq!(out.status.code(), Some(2));
    let err = clean("convert", &out.stderr);
    assert!(
        err.starts_with(&format!("bianyi: error: {SHOWN}.txt:1:1: invalid UTF-8")),
        "{err}"
    );
}

#[test]
fn batch_walk_errors_show_names_escaped_and_files_keep_theirs() {
    let dir = scratch();
    let tree = dir.path().join("tree");
    fs::create_dir(&tree).expect("mkdir");
    fs::write(tree.join(format!("{HOSTILE}.txt")), b"\xE4\xB8").expect("write");
    // A good file with the hostile name in a sub-folder: converted, and
    // written under the same name, its control characters kept.
    let sub = tree.join(HOSTILE);
    fs::create_dir(&sub).expect("mkdir");
    fs::write(sub.join("a.txt"), "头发\u{1b}[31m\n").expect("write");
    let out = bianyi(
        dir.path(),
        &["convert", "-c", "s2t", "-r", "tree", "-o", "out"],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    let err = clean("convert -r", &out.stderr);
    assert!(
        err.contains(&format!(
            "bianyi: error: tree/{SHOWN}.txt:1:1: invalid UTF-8"
        )),
        "{err}"
    );
    let converted = fs::read(dir.path().join("out").join(HOSTILE).join("a.txt")).expect("output");
    assert_eq!(converted, "頭髮\u{1b}[31m\n".as_bytes());
}

#[test]
fn l10n_errors_show_names_escaped() {
    let dir = scratch();
    let name = format!("{HOSTILE}.po");
    fs::write(dir.path().join(&name), "msgid \"a\"\nmsgstr \"b\n").expect("write");
    let out = bianyi(dir.path(), &["l10n", "convert", "-c", "s2t", &name], b"");
    assert_eq!(out.status.code(), Some(2));
    let err = clean("l10n", &out.stderr);
    assert!(
        err.starts_with(&format!("bianyi: error: {SHOWN}.po:2:8: ")),
        "{err}"
    );
}

#[test]
fn glossary_errors_and_notes_show_names_escaped() {
    let dir = scratch();
    let name = format!("{HOSTILE}.toml");
    fs::write(dir.path().join(&name), "[[entry]]\nid = 3\n").expect("write");
    let out = bianyi(dir.path(), &["glossary", "check", &name], b"");
    assert_eq!(out.status.code(), Some(2));
    let err = clean("glossary check", &out.stderr);
    assert!(
        err.starts_with(&format!("bianyi: error: {SHOWN}.toml:2:6 ")),
        "{err}"
    );
    // A note naming the file it wrote.
    let out = bianyi(
        dir.path(),
        &[
            "glossary",
            "add",
            &format!("{HOSTILE}2.toml"),
            "zh-Hans=头发",
            "en=hair",
        ],
        b"",
    );
    assert!(out.status.success(), "{out:?}");
    let err = clean("glossary add", &out.stderr);
    assert!(err.contains(&format!("{SHOWN}2.toml")), "{err}");
}

/// A term with an escape sequence in a TSV or CSV glossary is refused, and
/// the error quotes it escaped.
#[test]
fn glossary_terms_are_quoted_escaped() {
    let dir = scratch();
    fs::write(
        dir.path().join("g.tsv"),
        "a\u{1b}]0;pwned\u{7}\u{1b}[2J\tb\n",
    )
    .expect("write");
    fs::write(
        dir.path().join("g.csv"),
        "zh-Hans,en\n\"a\u{1b}]0;pwned\u{7}\u{1b}[2J\",b\n",
    )
    .expect("write");
    for (file, place) in [("g.tsv", "g.tsv:1:1 "), ("g.csv", "g.csv:2:1 ")] {
        let out = bianyi(
            dir.path(),
            &[
                "glossary",
                "import",
                file,
                "-o",
                "g.toml",
                "--source-lang",
                "zh-Hans",
                "--target-lang",
                "en",
            ],
            b"",
        );
        assert_eq!(out.status.code(), Some(2));
        let err = clean(file, &out.stderr);
        assert!(err.starts_with(&format!("bianyi: error: {place}")), "{err}");
        assert!(
            err.contains(r"invalid text “a\u{1B}]0;pwned\u{7}\u{1B}[2J”"),
            "{err}"
        );
    }
}

#[test]
fn detect_shows_names_escaped_on_standard_output() {
    let dir = scratch();
    let name = format!("{HOSTILE}.txt");
    fs::write(dir.path().join(&name), "头发\n").expect("write");
    let out = bianyi(dir.path(), &["detect", &name], b"");
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        clean("detect", &out.stdout),
        format!("{SHOWN}.txt: Simplified Chinese\n")
    );
    // JSON escapes them its own way: the same string for a JSON reader.
    let out = bianyi(dir.path(), &["detect", "--json", &name], b"");
    assert!(out.status.success(), "{out:?}");
    let text = clean("detect --json", &out.stdout);
    let v: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(v["input"], format!("{HOSTILE}.txt"));
    // So does `convert --ambiguities`.
    let out = bianyi(
        dir.path(),
        &["convert", "-c", "s2t", "--ambiguities", &name],
        b"",
    );
    assert!(out.status.success(), "{out:?}");
    let text = clean("convert --ambiguities", &out.stdout);
    let v: serde_json::Value =
        serde_json::from_str(text.lines().next().expect("a line")).expect("JSON");
    assert_eq!(v["input"], format!("{HOSTILE}.txt"));
}

/// A backslash before `u` is doubled, so that a name that spells an escape
/// does not look like one that holds the character.
#[test]
fn names_that_spell_escapes_look_different() {
    let dir = scratch();
    let spelled = r"a\u{1B}.txt";
    fs::write(dir.path().join(spelled), b"\xE4\xB8").expect("write");
    let out = bianyi(dir.path(), &["convert", "-c", "s2t", spelled], b"");
    let err = clean("convert", &out.stderr);
    assert!(
        err.starts_with(r"bianyi: error: a\\u{1B}.txt:1:1:"),
        "{err}"
    );
    assert!(Path::new(&dir.path().join(spelled)).exists());
}

/// `--diff` is a view for a terminal: the changed lines of the file are
/// shown escaped (tabs kept), in `convert` and in `l10n convert`; the
/// converted file itself keeps its bytes.
#[test]
fn diffs_show_text_escaped() {
    let dir = scratch();
    fs::write(dir.path().join("a.txt"), "头发\u{1b}]0;pwned\u{7}\tx\r\n").expect("write");
    let out = bianyi(
        dir.path(),
        &["convert", "-c", "s2t", "--diff", "a.txt"],
        b"",
    );
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        clean_but_tabs("convert --diff", &out.stdout),
        "1: [-头发-]{+頭髮+}\\u{1B}]0;pwned\\u{7}\tx\n"
    );
    let out = bianyi(dir.path(), &["convert", "-c", "s2t", "a.txt"], b"");
    assert_eq!(out.stdout, "頭髮\u{1b}]0;pwned\u{7}\tx\r\n".as_bytes());
    let name = format!("{HOSTILE}.po");
    fs::write(
        dir.path().join(&name),
        "msgid \"a\"\nmsgstr \"头发\u{202e}\"\n",
    )
    .expect("write");
    let out = bianyi(
        dir.path(),
        &["l10n", "convert", "-c", "s2t", "--diff", &name],
        b"",
    );
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        clean("l10n convert --diff", &out.stdout),
        format!("{SHOWN}.po:2: a: [-头发-]{{+頭髮+}}\\u{{202E}}\n")
    );
}

/// `glossary list`: terms hold no control characters (refused), but a
/// bidirectional one is shown escaped.
#[test]
fn glossary_list_shows_terms_escaped() {
    let dir = scratch();
    fs::write(
        dir.path().join("g.toml"),
        "[[entry]]\nid = \"a\"\nterms = [{ lang = \"en\", text = \"evil\u{202e}txt\" }]\n",
    )
    .expect("write");
    let out = bianyi(dir.path(), &["glossary", "list", "g.toml"], b"");
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        clean("glossary list", &out.stdout),
        "a: en evil\\u{202E}txt\n"
    );
}

/// [`clean`], tabs allowed.
fn clean_but_tabs(what: &str, out: &[u8]) -> String {
    let text = String::from_utf8_lossy(out).replace('\t', " ");
    clean(what, text.as_bytes());
    String::from_utf8(out.to_vec()).expect("UTF-8")
}
