//! Files replaced whole or left as they were (the attributes that need
//! `setfacl` are tested through the CLI in tests/cli/tools.rs and through
//! Python in crates/python/tests/test_files.py).
#![cfg(unix)]
#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is a test failure with its message"
)]

use std::fs;
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use bianyi_output::{Output, write};

/// The files of `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("list")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn mode(p: &Path) -> u32 {
    fs::metadata(p).expect("meta").permissions().mode() & 0o7777
}

/// An existing file keeps its permissions and `user.*` attributes; a new
/// one gets 0666 minus the umask; no temporary file is left.
#[test]
fn a_replaced_file_keeps_its_permissions_and_attributes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let old = dir.path().join("old.txt");
    fs::write(&old, "old").expect("write");
    fs::set_permissions(&old, fs::Permissions::from_mode(0o640)).expect("chmod");
    // tmpfs may refuse user attributes: then only the rest is checked.
    let attrs =
        rustix::fs::setxattr(&old, "user.kept", b"yes", rustix::fs::XattrFlags::empty()).is_ok();
    let inode = |p: &Path| std::os::unix::fs::MetadataExt::ino(&fs::metadata(p).expect("meta"));
    let before = inode(&old);
    write(&old, b"new").expect("written");
    assert_eq!(fs::read(&old).expect("read"), b"new");
    assert_ne!(inode(&old), before, "replaced, not rewritten in place");
    assert_eq!(mode(&old), 0o640);
    if attrs {
        let mut value = [0u8; 8];
        let n = rustix::fs::getxattr(&old, "user.kept", &mut value[..]).expect("kept");
        assert_eq!(&value[..n], b"yes");
    }
    let probe = dir.path().join("probe");
    fs::File::create(&probe).expect("create");
    let new = dir.path().join("new.txt");
    write(&new, b"x").expect("written");
    assert_eq!(mode(&new), mode(&probe));
    assert_eq!(names(dir.path()), ["new.txt", "old.txt", "probe"]);
}

/// Until the commit the old file is there; an output dropped without a
/// commit leaves it and no temporary file.
#[test]
fn nothing_changes_before_the_commit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("f.txt");
    fs::write(&path, "old").expect("write");
    let mut out = Output::file(&path).expect("open");
    out.write_all(b"half").expect("write");
    assert_eq!(fs::read(&path).expect("read"), b"old");
    assert_eq!(names(dir.path()).len(), 2, "the temporary file beside it");
    drop(out);
    assert_eq!(fs::read(&path).expect("read"), b"old");
    assert_eq!(names(dir.path()), ["f.txt"]);
    // Staged: written and synced, renamed only by `replace`.
    let mut out = Output::file(&path).expect("open");
    out.write_all(b"new").expect("write");
    let staged = out.stage().expect("staged");
    assert_eq!(fs::read(&path).expect("read"), b"old");
    staged.replace().expect("replaced");
    assert_eq!(fs::read(&path).expect("read"), b"new");
    assert_eq!(names(dir.path()), ["f.txt"]);
}

/// Through a symbolic link the file it names is replaced (created when the
/// link dangles) and the link is kept; a folder is an error.
#[test]
fn links_are_followed_and_folders_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::create_dir(dir.path().join("sub")).expect("mkdir");
    let link = dir.path().join("link.bin");
    std::os::unix::fs::symlink("sub/target.bin", &link).expect("symlink");
    write(&link, b"through").expect("written");
    write(&link, b"again").expect("written");
    assert!(
        fs::symlink_metadata(&link)
            .expect("meta")
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        fs::read(dir.path().join("sub/target.bin")).expect("target"),
        b"again"
    );
    let err = write(&dir.path().join("sub"), b"x").expect_err("a folder");
    assert_eq!(err.kind(), std::io::ErrorKind::IsADirectory);
    assert!(write(&dir.path().join("no/such/file"), b"x").is_err());
}

/// `beneath` never writes through a link, and keeps the mode under the
/// cap.
#[test]
fn beneath_refuses_links_and_caps_the_mode() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = rustix::fs::open(
        dir.path(),
        rustix::fs::OFlags::RDONLY | rustix::fs::OFlags::DIRECTORY,
        rustix::fs::Mode::empty(),
    )
    .expect("open");
    let sub = bianyi_output::dir_beneath(&root, Path::new("a/b"), true).expect("created");
    let shown = dir.path().join("a/b/f.txt");
    let mut out = Output::beneath(&sub, "f.txt".as_ref(), &shown, 0o600).expect("open");
    out.write_all(b"one").expect("write");
    out.commit().expect("commit");
    assert_eq!(fs::read(&shown).expect("read"), b"one");
    assert_eq!(mode(&shown) & 0o077, 0);
    fs::write(dir.path().join("elsewhere"), "keep").expect("write");
    std::os::unix::fs::symlink("../../elsewhere", dir.path().join("a/b/l.txt")).expect("link");
    assert!(Output::beneath(&sub, "l.txt".as_ref(), &shown, 0o600).is_err());
    assert_eq!(
        fs::read(dir.path().join("elsewhere")).expect("read"),
        b"keep"
    );
}
