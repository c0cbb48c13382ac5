//! `bianyi convert -r DIR (-o OUTDIR | --in-place)`: every text file of a
//! tree, converted in parallel, the tree kept; binaries skipped, symbolic
//! links never followed out of the tree, outputs never written outside
//! OUTDIR, one bad file never stopping the rest.
//!
//! The walk and the conversions are apart in time, and the tree may
//! change in between (docs/reliability.md, "Threat model"). So each file
//! is opened again from a handle on the root, without following any link
//! ([`output::dir_beneath`]), and must be the file the walk saw (same
//! device and inode); outputs are written relative to a handle on their
//! folder ([`Output::beneath`]) with permissions never wider than the
//! input's.

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use fluent_bundle::FluentValue;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use super::io::{Io, OutState};
use super::plan::Job;
use crate::error::{CliError, Source};
use crate::i18n::Localizer;
use crate::output::{self, Output};

/// Files larger than this are streamed (in bounded memory) instead of read
/// whole; their changed characters are not counted.
const IN_MEMORY: u64 = 64 * 1024 * 1024;

/// Bytes looked at to tell a binary file (one with a NUL byte).
const SNIFF: usize = 8000;

/// Where the converted tree goes.
pub(super) enum Destination {
    Folder(PathBuf),
    InPlace,
}

/// One file of the tree.
struct Item {
    path: PathBuf,
    rel: PathBuf,
    /// The file to read, relative to the root: `rel`, or for a link
    /// inside the tree (copied as the file it names) that file.
    read_rel: PathBuf,
    size: u64,
    /// The device and inode the walk saw, and the permission bits.
    id: (u64, u64),
    mode: u32,
}

/// Handles on the tree's root and the output folder, opened once: the
/// files are reached from them without following links.
struct Roots {
    #[cfg(unix)]
    root: std::os::fd::OwnedFd,
    #[cfg(unix)]
    out: Option<std::os::fd::OwnedFd>,
}

impl Roots {
    #[cfg(unix)]
    fn open(root: &Path, out: Option<&Path>) -> io::Result<Roots> {
        use rustix::fs::{Mode, OFlags};
        let dir = |p: &Path| {
            rustix::fs::open(
                p,
                OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
                Mode::empty(),
            )
            .map_err(io::Error::from)
        };
        Ok(Roots {
            root: dir(root)?,
            out: out.map(dir).transpose()?,
        })
    }

    #[cfg(not(unix))]
    fn open(_: &Path, _: Option<&Path>) -> io::Result<Roots> {
        Ok(Roots {})
    }
}

/// What became of one file.
enum Outcome {
    Converted { bytes: u64, changed: Option<u64> },
    Binary,
    Failed,
}

/// Counts for the summary.
#[derive(Default)]
struct Tally {
    files: u64,
    bytes: u64,
    changed: u64,
    binary: u64,
    links: u64,
    errors: u64,
}

pub(super) fn run(
    root: &Path,
    destination: &Destination,
    job: &Job,
    io_opts: &Io,
    threads: usize,
) -> Result<(), CliError> {
    let l = Localizer::from_env(io_opts.lang.as_deref());
    let root_error = |error| CliError::Read {
        source: Source::path(root),
        error,
    };
    let meta = fs::metadata(root).map_err(root_error)?;
    if !meta.is_dir() {
        return Err(root_error(io::Error::new(
            io::ErrorKind::NotADirectory,
            "not a directory",
        )));
    }
    let root_canon = fs::canonicalize(root).map_err(root_error)?;
    let out_canon = match destination {
        Destination::Folder(dir) => {
            fs::create_dir_all(dir).map_err(|error| CliError::Write {
                target: Source::path(dir),
                error,
            })?;
            let canon = fs::canonicalize(dir).map_err(|error| CliError::Write {
                target: Source::path(dir),
                error,
            })?;
            if canon == root_canon {
                return Err(CliError::BatchOutputIsInput {
                    path: dir.display().to_string(),
                });
            }
            // DIR inside OUTDIR: the output of DIR/x is OUTDIR/x, which may
            // be an input (`-r out/sub -o out` writes the output of
            // out/sub/sub/a.txt over the input out/sub/a.txt).
            if root_canon.starts_with(&canon) {
                return Err(CliError::BatchOutputContainsInput {
                    path: dir.display().to_string(),
                    input: root.display().to_string(),
                });
            }
            Some(canon)
        }
        Destination::InPlace => None,
    };
    let roots = Roots::open(&root_canon, out_canon.as_deref()).map_err(root_error)?;
    let mut tally = Tally::default();
    let (items, walk_errors) = collect(
        root,
        &root_canon,
        out_canon.as_deref(),
        destination,
        &mut tally,
    );
    let total: u64 = items.iter().map(|i| i.size).sum();
    let bar = if io::stderr().is_terminal() {
        let bar = ProgressBar::new(total);
        let files = l.msg("batch-progress-files", &[]);
        if let Ok(style) = ProgressStyle::with_template(&progress_template(&files)) {
            bar.set_style(style);
        }
        bar.set_message(format!("0/{}", items.len()));
        bar
    } else {
        ProgressBar::hidden()
    };
    let done = std::sync::atomic::AtomicUsize::new(0);
    // Messages go above the bar, in the order of the files whatever the
    // threads do: each file's messages wait for those of the files before it.
    let say = |text: String| {
        let text = crate::term::line(&text).into_owned();
        if bar.is_hidden() {
            let _ = writeln!(io::stderr().lock(), "{text}");
        } else {
            bar.println(text);
        }
    };
    for e in walk_errors {
        tally.errors += 1;
        say(error_line(&e, &l));
    }
    let pending: Mutex<(usize, BTreeMap<usize, Vec<String>>)> = Mutex::new((0, BTreeMap::new()));
    // Fewer threads when the system cannot start as many (issue 20); none
    // (this one does the work) when it cannot start any.
    let pool = std::iter::successors(Some(threads.max(1)), |n| (*n > 1).then_some(n / 2))
        .find_map(|n| rayon::ThreadPoolBuilder::new().num_threads(n).build().ok());
    let one = |(k, item): (usize, &Item)| {
        let mut messages = Vec::new();
        let outcome = match convert_one(
            item,
            &roots,
            destination,
            out_canon.as_deref(),
            job,
            io_opts,
            &mut messages,
        ) {
            Ok(o) => o,
            Err(e) => {
                let l = Localizer::from_env(io_opts.lang.as_deref());
                messages.push(error_line(&e, &l));
                Outcome::Failed
            }
        };
        if let Ok(mut p) = pending.lock() {
            p.1.insert(k, messages);
            loop {
                let next = p.0;
                let Some(ready) = p.1.remove(&next) else {
                    break;
                };
                p.0 += 1;
                for m in ready {
                    say(m);
                }
            }
        }
        let finished = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        bar.set_message(format!("{finished}/{}", items.len()));
        bar.inc(item.size);
        outcome
    };
    let outcomes: Vec<Outcome> = match pool {
        Some(pool) => pool.install(|| items.par_iter().enumerate().map(one).collect()),
        None => items.iter().enumerate().map(one).collect(),
    };
    bar.finish_and_clear();
    for o in outcomes {
        match o {
            Outcome::Converted { bytes, changed } => {
                tally.files += 1;
                tally.bytes += bytes;
                tally.changed += changed.unwrap_or(0);
            }
            Outcome::Binary => tally.binary += 1,
            Outcome::Failed => tally.errors += 1,
        }
    }
    let n = FluentValue::from;
    let summary = l.msg(
        "batch-summary",
        &[
            ("files", n(tally.files)),
            ("size", FluentValue::from(human_size(tally.bytes))),
            ("changed", n(tally.changed)),
            ("binary", n(tally.binary)),
            ("links", n(tally.links)),
            ("errors", n(tally.errors)),
        ],
    );
    let _ = writeln!(io::stderr().lock(), "{}", crate::term::line(&summary));
    if tally.errors > 0 {
        return Err(CliError::BatchFailed {
            errors: tally.errors,
        });
    }
    Ok(())
}

fn error_line(e: &CliError, l: &Localizer) -> String {
    l.msg("error-line", &[("message", e.render(l).into())])
}

/// The files of the tree, in path order, and the folders that could not be
/// read.
fn collect(
    root: &Path,
    root_canon: &Path,
    out_canon: Option<&Path>,
    destination: &Destination,
    tally: &mut Tally,
) -> (Vec<Item>, Vec<CliError>) {
    let mut items = Vec::new();
    let mut errors = Vec::new();
    let walker = walkdir::WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            // The output folder inside the tree is not input.
            !(e.file_type().is_dir()
                && out_canon.is_some_and(|o| fs::canonicalize(e.path()).is_ok_and(|c| c == o)))
        });
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                errors.push(walk_error(e, root));
                continue;
            }
        };
        let path = entry.path().to_path_buf();
        let Ok(rel) = path.strip_prefix(root).map(Path::to_path_buf) else {
            continue;
        };
        // The root is DIR itself, a folder (checked above), even when DIR is
        // a link to one: the walk goes through it, it is no skipped link.
        if entry.depth() == 0 || entry.file_type().is_dir() {
            continue;
        }
        let (read_rel, meta) = if entry.path_is_symlink() {
            // In place, the link's target is converted where it is (if it
            // is in the tree at all); copying, a link to a file of the tree
            // is copied as that file. Links out of the tree are skipped.
            let target = fs::canonicalize(&path).ok().and_then(|t| {
                let rel = t.strip_prefix(root_canon).ok()?.to_path_buf();
                let meta = fs::metadata(&t).ok().filter(fs::Metadata::is_file)?;
                Some((rel, meta))
            });
            match target {
                Some(t) if !matches!(destination, Destination::InPlace) => t,
                _ => {
                    tally.links += 1;
                    continue;
                }
            }
        } else if entry.file_type().is_file() {
            match entry.metadata() {
                Ok(m) => (rel.clone(), m),
                Err(e) => {
                    errors.push(walk_error(e, root));
                    continue;
                }
            }
        } else {
            // Sockets, FIFOs, devices.
            continue;
        };
        let (id, mode) = identity(&meta);
        items.push(Item {
            path,
            rel,
            read_rel,
            size: meta.len(),
            id,
            mode,
        });
    }
    (items, errors)
}

/// An error of the walk, naming its path (or the root).
fn walk_error(e: walkdir::Error, root: &Path) -> CliError {
    let path = e
        .path()
        .map_or_else(|| root.to_path_buf(), Path::to_path_buf);
    CliError::Read {
        source: Source::path(&path),
        error: e
            .into_io_error()
            .unwrap_or_else(|| io::Error::other("loop")),
    }
}

/// The device and inode of a file, and its permission bits.
#[cfg(unix)]
fn identity(meta: &fs::Metadata) -> ((u64, u64), u32) {
    use std::os::unix::fs::MetadataExt;
    ((meta.dev(), meta.ino()), meta.mode() & 0o7777)
}

#[cfg(not(unix))]
fn identity(_: &fs::Metadata) -> ((u64, u64), u32) {
    ((0, 0), 0o666)
}

/// Opens the file the walk saw as `item`, from the root's handle without
/// following links: a link or another file in its place (or in place of
/// one of its folders) is [`CliError::BatchChanged`].
#[cfg(unix)]
fn open_input(item: &Item, roots: &Roots) -> Result<fs::File, CliError> {
    use rustix::fs::{Mode, OFlags};
    race_hook("open", &item.path);
    let changed = || CliError::BatchChanged {
        path: item.path.display().to_string(),
    };
    let read_error = |error: io::Error| match error.raw_os_error() {
        Some(e) if is_link_error(e) => changed(),
        _ => CliError::Read {
            source: Source::path(&item.path),
            error,
        },
    };
    let (parent, name) = split(&item.read_rel).ok_or_else(changed)?;
    let dir = output::dir_beneath(&roots.root, parent, false).map_err(read_error)?;
    // O_NONBLOCK: a FIFO put in the file's place must not hang the run
    // (it is refused below; on a regular file the flag does nothing).
    let fd = rustix::fs::openat(
        &dir,
        name,
        OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC,
        Mode::empty(),
    )
    .map_err(|e| read_error(e.into()))?;
    let file = fs::File::from(fd);
    let meta = file.metadata().map_err(read_error)?;
    if !meta.is_file() || identity(&meta).0 != item.id {
        return Err(changed());
    }
    Ok(file)
}

#[cfg(not(unix))]
fn open_input(item: &Item, _: &Roots) -> Result<fs::File, CliError> {
    fs::File::open(&item.path).map_err(|error| CliError::Read {
        source: Source::path(&item.path),
        error,
    })
}

/// ELOOP (a link where `O_NOFOLLOW` was asked) or ENOTDIR (a folder that
/// became something else).
#[cfg(unix)]
fn is_link_error(errno: i32) -> bool {
    errno == rustix::io::Errno::LOOP.raw_os_error()
        || errno == rustix::io::Errno::NOTDIR.raw_os_error()
}

/// A relative path's folder and file name.
fn split(rel: &Path) -> Option<(&Path, &std::ffi::OsStr)> {
    Some((rel.parent().unwrap_or(Path::new("")), rel.file_name()?))
}

/// The output of `item`, at `dest`: relative to a handle on its folder
/// (created in OUTDIR as needed), reached without following links.
#[cfg(unix)]
fn open_output(
    item: &Item,
    dest: &Path,
    roots: &Roots,
    destination: &Destination,
) -> Result<Output, CliError> {
    let (base, in_place) = match (&roots.out, destination) {
        (Some(out), Destination::Folder(_)) => (out, false),
        _ => (&roots.root, true),
    };
    let write_error = |error| {
        as_race(
            CliError::Write {
                target: Source::path(dest),
                error,
            },
            destination,
        )
    };
    let (parent, name) =
        split(&item.rel).ok_or_else(|| write_error(io::Error::other("no name")))?;
    let dir = output::dir_beneath(base, parent, !in_place).map_err(write_error)?;
    Output::beneath(&dir, name, dest, item.mode).map_err(|e| as_race(e, destination))
}

/// A write error that is a link met where none may be (ELOOP, ENOTDIR):
/// in place, the tree changed under bianyi; into OUTDIR, the output would
/// have left it.
#[cfg(unix)]
fn as_race(e: CliError, destination: &Destination) -> CliError {
    match e {
        CliError::Write {
            target: Source::Path(path),
            error,
        } if error.raw_os_error().is_some_and(is_link_error) => match destination {
            Destination::InPlace => CliError::BatchChanged { path },
            Destination::Folder(_) => CliError::BatchEscapes { path },
        },
        e => e,
    }
}

#[cfg(not(unix))]
fn as_race(e: CliError, _: &Destination) -> CliError {
    e
}

#[cfg(not(unix))]
fn open_output(_: &Item, dest: &Path, _: &Roots, _: &Destination) -> Result<Output, CliError> {
    if let Some(parent) = dest.parent() {
        fs::create_dir_all(parent).map_err(|error| CliError::Write {
            target: Source::path(dest),
            error,
        })?;
    }
    Output::file(dest)
}

/// Renames `out` over its destination (after the test hook, see
/// [`race_hook`]).
fn commit(out: Output, dest: &Path, destination: &Destination) -> Result<(), CliError> {
    let staged = out.stage()?;
    race_hook("replace", dest);
    staged.replace().map_err(|e| as_race(e, destination))
}

/// Test builds only (compiled out of release builds): with
/// `BIANYI_TEST_RACE=MOMENT:TARGET`, at MOMENT (`open`: between the walk
/// and the opening of a file; `replace`: before its output replaces the
/// destination) the file is swapped for a symbolic link to TARGET, or with
/// `folder-MOMENT` its folder is. This makes the races of docs/reliability.md
/// deterministic in tests/batch.rs.
#[cfg(all(debug_assertions, unix))]
fn race_hook(moment: &str, file: &Path) {
    let Some(spec) = std::env::var_os("BIANYI_TEST_RACE") else {
        return;
    };
    let spec = spec.to_string_lossy();
    let Some((when, target)) = spec.split_once(':') else {
        return;
    };
    let (what, when) = match when.strip_prefix("folder-") {
        Some(w) => (file.parent(), w),
        None => (Some(file), when),
    };
    let Some(what) = what.filter(|_| when == moment) else {
        return;
    };
    let mut aside = what.as_os_str().to_os_string();
    aside.push(".swapped");
    let _ = fs::rename(what, &aside);
    let _ = std::os::unix::fs::symlink(target, what);
}

#[cfg(not(all(debug_assertions, unix)))]
fn race_hook(_: &str, _: &Path) {}

fn convert_one(
    item: &Item,
    roots: &Roots,
    destination: &Destination,
    out_canon: Option<&Path>,
    job: &Job,
    io_opts: &Io,
    messages: &mut Vec<String>,
) -> Result<Outcome, CliError> {
    let source = Source::path(&item.path);
    let read_error = |error| CliError::Read {
        source: source.clone(),
        error,
    };
    let dest = match destination {
        Destination::InPlace => item.path.clone(),
        Destination::Folder(dir) => {
            let dest = dir.join(&item.rel);
            safe_destination(&dest, out_canon)?;
            dest
        }
    };
    let target = Source::path(&dest);
    let mut file = open_input(item, roots)?;
    let mut head = Vec::with_capacity(SNIFF);
    (&mut file)
        .take(SNIFF as u64)
        .read_to_end(&mut head)
        .map_err(read_error)?;
    if is_binary(&head, io_opts) {
        return Ok(Outcome::Binary);
    }
    if item.size > IN_MEMORY {
        // Streamed: bounded memory, no count of changes.
        let mut out = open_output(item, &dest, roots, destination)?;
        job.convert_reader(
            Box::new(io::Cursor::new(head).chain(file)),
            None,
            &source,
            out.writer(),
            &target,
            io_opts,
            &mut OutState::default(),
            &mut |note| messages.push(note),
        )?;
        commit(out, &dest, destination)?;
        return Ok(Outcome::Converted {
            bytes: item.size,
            changed: None,
        });
    }
    let mut bytes = head;
    file.read_to_end(&mut bytes).map_err(read_error)?;
    let mut converted = Vec::with_capacity(bytes.len() + bytes.len() / 8);
    let mut state = OutState::default();
    job.convert_reader(
        Box::new(io::Cursor::new(&bytes)),
        None,
        &source,
        &mut converted,
        &target,
        io_opts,
        &mut state,
        &mut |note| messages.push(note),
    )?;
    let changed = changed_chars(&bytes, &converted, io_opts, &state);
    // In place, an unchanged file is left alone (its time stamps too).
    if matches!(destination, Destination::InPlace) && converted == bytes {
        return Ok(Outcome::Converted {
            bytes: bytes.len() as u64,
            changed: Some(0),
        });
    }
    let mut out = open_output(item, &dest, roots, destination)?;
    out.write_all(&converted)?;
    commit(out, &dest, destination)?;
    Ok(Outcome::Converted {
        bytes: bytes.len() as u64,
        changed: Some(changed),
    })
}

/// A destination under OUTDIR whose existing folders all resolve inside
/// OUTDIR and which is not itself a symbolic link: nothing is ever written
/// outside OUTDIR, whatever links the folder holds.
fn safe_destination(dest: &Path, out_canon: Option<&Path>) -> Result<(), CliError> {
    let Some(out) = out_canon else {
        return Ok(());
    };
    let escapes = || CliError::BatchEscapes {
        path: dest.display().to_string(),
    };
    if fs::symlink_metadata(dest).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(escapes());
    }
    // The deepest existing ancestor must be inside OUTDIR.
    let mut at = dest.parent();
    while let Some(p) = at {
        if let Ok(c) = fs::canonicalize(p) {
            return if c.starts_with(out) {
                Ok(())
            } else {
                Err(escapes())
            };
        }
        at = p.parent();
    }
    Err(escapes())
}

/// The progress bar of a tree: files done/total (the message), then bytes
/// in binary units (KiB, MiB), as the summary says them. `files` is the
/// localized word after the count of files.
fn progress_template(files: &str) -> String {
    // Braces would be template keys.
    let files = files.replace(['{', '}'], "");
    format!("{{bar:40}} {{msg}} {files}  {{binary_bytes}}/{{binary_total_bytes}} {{eta}}")
}

/// A size for people, in binary units as the progress bar shows them:
/// 215 B, 1.50 KiB, 47.13 MiB.
fn human_size(bytes: u64) -> String {
    indicatif::BinaryBytes(bytes).to_string()
}

/// A NUL byte in the first bytes means binary, unless the text is UTF-16.
fn is_binary(head: &[u8], io_opts: &Io) -> bool {
    if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") {
        return false;
    }
    !io_opts.encoding_is_utf16() && head.contains(&0)
}

/// Characters that differ between the input and its conversion (position
/// by position; a length difference counts in full).
fn changed_chars(before: &[u8], after: &[u8], io_opts: &Io, state: &OutState) -> u64 {
    let a = io_opts.decode_input(before);
    let b = state.decode_output(after);
    let (mut n, mut x, mut y) = (0u64, a.chars(), b.chars());
    loop {
        match (x.next(), y.next()) {
            (Some(p), Some(q)) => n += u64::from(p != q),
            (None, None) => return n,
            _ => n += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 21 item 15: sizes for people (the summary said "49423500
    /// bytes"), in the binary units of the progress bar.
    #[test]
    fn sizes_are_human() {
        assert_eq!(human_size(215), "215 B");
        assert_eq!(human_size(1536), "1.50 KiB");
        assert_eq!(human_size(49_423_500), "47.13 MiB");
        assert_eq!(human_size(3 << 30), "3.00 GiB");
    }

    /// The bar shows files done/total and bytes, whatever the word for
    /// files is.
    #[test]
    fn progress_template_is_valid() {
        for files in ["files", "个文件", "{odd}"] {
            let template = progress_template(files);
            assert!(
                ProgressStyle::with_template(&template).is_ok(),
                "{template}"
            );
            assert!(template.contains("{msg}") && template.contains("{binary_total_bytes}"));
        }
    }
}
