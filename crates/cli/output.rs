//! Where output goes, written so that a failure never damages a file. This
//! is the only module of the command line that creates, commits or
//! removes output files; the files themselves are written by the library
//! `bianyi-output` (shared with the Python package): a regular file
//! through a temporary file renamed over it, keeping its permissions,
//! extended attributes and ACL; the files of a tree (`-r`) relative to a
//! folder handle without following links ([`Output::beneath`],
//! [`dir_beneath`]; docs/reliability.md, "Threat model"). Standard output
//! is written directly. Several files written together ([`StagedFiles`])
//! are all written and synced before the first is renamed.
//!
//! Errors are [`CliError::Write`] naming the output (or
//! [`CliError::PartlyReplaced`]); nothing here treats a closed standard
//! output specially.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

#[cfg(unix)]
pub(crate) use bianyi_output::dir_beneath;

use crate::error::{CliError, Source};

/// `-o PATH` as given: `-` means standard output (`None`), in every
/// command, as it means standard input where an input is named.
pub(crate) fn destination(path: Option<&Path>) -> Option<&Path> {
    path.filter(|p| p.as_os_str() != "-")
}

/// Writes `bytes` to the file `path` (through a temporary file), or to
/// standard output when there is no path or it is `-`.
pub(crate) fn write(path: Option<&Path>, bytes: &[u8]) -> Result<(), CliError> {
    let mut output = Output::to(path)?;
    output.write_all(bytes)?;
    output.commit()
}

/// Writes each file its bytes, replacing none until all are written (see
/// [`StagedFiles`]).
pub(crate) fn write_together<'a>(
    files: impl IntoIterator<Item = (&'a Path, &'a [u8])>,
) -> Result<(), CliError> {
    let mut staged = StagedFiles::default();
    for (path, bytes) in files {
        let mut output = Output::file(path)?;
        output.write_all(bytes)?;
        staged.add(output)?;
    }
    staged.commit()
}

/// An open output and the name it has in messages.
pub(crate) struct Output {
    target: Source,
    sink: Sink,
}

enum Sink {
    /// Standard output.
    Stdout(BufWriter<io::Stdout>),
    /// A file (see `bianyi_output::Output`).
    File(bianyi_output::Output),
}

impl Output {
    pub(crate) fn stdout() -> Output {
        Output {
            target: Source::Stdout,
            sink: Sink::Stdout(BufWriter::with_capacity(64 * 1024, io::stdout())),
        }
    }

    /// The file `path`, or standard output when there is no path or it is
    /// `-`.
    pub(crate) fn to(path: Option<&Path>) -> Result<Output, CliError> {
        match destination(path) {
            Some(p) => Output::file(p),
            None => Ok(Output::stdout()),
        }
    }

    /// Opens `path` for writing. An existing regular file keeps its
    /// permissions; a new one gets the usual 0666 minus the umask.
    /// Symbolic links are followed: the file they point to is replaced.
    pub(crate) fn file(path: &Path) -> Result<Output, CliError> {
        let target = Source::path(path);
        match bianyi_output::Output::file(path) {
            Ok(file) => Ok(Output {
                target,
                sink: Sink::File(file),
            }),
            Err(error) => Err(CliError::Write { target, error }),
        }
    }

    /// Opens the file `name` of the folder `dir` for writing, where `dir`
    /// is a handle from [`dir_beneath`] and `shown` the file's name in
    /// messages. Nothing is followed: a destination that is a symbolic
    /// link (now or just before the rename), a folder or not a regular
    /// file is an error. The permissions are those of an existing file,
    /// never wider than `cap` (the input's); a new file gets `cap` minus
    /// the umask.
    #[cfg(unix)]
    pub(crate) fn beneath(
        dir: &std::os::fd::OwnedFd,
        name: &std::ffi::OsStr,
        shown: &Path,
        cap: u32,
    ) -> Result<Output, CliError> {
        let target = Source::path(shown);
        match bianyi_output::Output::beneath(dir, name, shown, cap) {
            Ok(file) => Ok(Output {
                target,
                sink: Sink::File(file),
            }),
            Err(error) => Err(CliError::Write { target, error }),
        }
    }

    /// The output's name in messages.
    pub(crate) fn target(&self) -> &Source {
        &self.target
    }

    pub(crate) fn writer(&mut self) -> &mut dyn Write {
        match &mut self.sink {
            Sink::Stdout(w) => w,
            Sink::File(f) => f,
        }
    }

    pub(crate) fn write_all(&mut self, bytes: &[u8]) -> Result<(), CliError> {
        self.writer()
            .write_all(bytes)
            .map_err(|error| CliError::Write {
                target: self.target.clone(),
                error,
            })
    }

    /// Finishes the output: flushes, and for a regular file syncs the
    /// temporary file and renames it over the destination.
    pub(crate) fn commit(self) -> Result<(), CliError> {
        self.stage()?.replace()
    }

    /// Flushes the output and, for a regular file, syncs the temporary file
    /// (and closes it), leaving only the rename to [`Staged::replace`].
    pub(crate) fn stage(self) -> Result<Staged, CliError> {
        let Output { target, sink } = self;
        let rename = match sink {
            Sink::Stdout(mut w) => w.flush().map(|()| None),
            Sink::File(f) => f.stage().map(Some),
        };
        match rename {
            Ok(rename) => Ok(Staged { target, rename }),
            Err(error) => Err(CliError::Write { target, error }),
        }
    }
}

/// Outputs written together: each is written and synced as it is added,
/// and [`StagedFiles::commit`] renames them only when all are, so that an
/// error in the last one (a character its encoding cannot hold, a full
/// disk) leaves every file as it was. Dropped without a commit, the
/// temporary files are removed.
#[derive(Default)]
pub(crate) struct StagedFiles(Vec<Staged>);

impl StagedFiles {
    /// Finishes `output` (all but the rename).
    pub(crate) fn add(&mut self, output: Output) -> Result<(), CliError> {
        self.0.push(output.stage()?);
        Ok(())
    }

    /// Replaces the destinations, in order. If a replacement fails after
    /// others succeeded, the error says which files were replaced and which
    /// were left as they were (the temporary files of those are removed).
    pub(crate) fn commit(self) -> Result<(), CliError> {
        let names: Vec<Source> = self.0.iter().map(|s| s.target.clone()).collect();
        for (k, staged) in self.0.into_iter().enumerate() {
            match staged.replace() {
                Ok(()) => {}
                Err(CliError::Write { target, error }) if k > 0 => {
                    return Err(CliError::PartlyReplaced {
                        target,
                        error,
                        replaced: names[..k].to_vec(),
                        untouched: names[k..].to_vec(),
                    });
                }
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }
}

/// A finished output waiting to replace its destination; dropped without
/// [`Staged::replace`], its temporary file is removed.
pub(crate) struct Staged {
    target: Source,
    /// `None`: nothing left to do (standard output).
    rename: Option<bianyi_output::Staged>,
}

impl Staged {
    /// Renames the temporary file over the destination.
    pub(crate) fn replace(self) -> Result<(), CliError> {
        let Some(rename) = self.rename else {
            return Ok(());
        };
        rename.replace().map_err(|error| CliError::Write {
            target: self.target,
            error,
        })
    }
}

/// Temporary files to remove if the process is interrupted (SIGINT,
/// SIGTERM, SIGHUP), when destructors do not run (`bianyi_output::cleanup`
/// keeps the list).
pub(crate) mod cleanup {
    /// Makes a file-size limit (`ulimit -f`, a quota acting the same way)
    /// fail the write with EFBIG, reported like a full disk, instead of
    /// killing the process with a temporary file left behind; and from the
    /// first temporary file on, listens for the signals that end the
    /// process.
    #[cfg(unix)]
    pub(crate) fn install() {
        let _ = signal_hook::flag::register(
            signal_hook::consts::SIGXFSZ,
            std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false)),
        );
        bianyi_output::cleanup::on_first(spawn_listener);
    }

    #[cfg(not(unix))]
    pub(crate) fn install() {}

    /// On SIGINT, SIGTERM or SIGHUP, removes the registered files, then
    /// ends the process the way the signal would have (status 128 + signal
    /// number). Runs that write no file (standard output) start no
    /// listening thread.
    #[cfg(unix)]
    fn spawn_listener() {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
            return;
        };
        // A system that refuses the thread (a process limit) leaves
        // temporary files behind on a signal, nothing worse.
        let _ = std::thread::Builder::new().spawn(move || {
            if let Some(signal) = signals.forever().next() {
                bianyi_output::cleanup::remove_all();
                std::process::exit(128 + signal);
            }
        });
    }
}

/// Files of a private cache folder (the compiled glossary matchers), which
/// others may have tampered with: every oddity is a miss, never an error
/// and never a hang (docs/reliability.md, "Threat model").
///
/// The folder is created 0700 and used only if it is a folder (not a
/// link), owned by the current user and not writable by group or others;
/// files are read only if regular, owned by the user and at most a given
/// size (opened `O_NOFOLLOW|O_NONBLOCK`, so a FIFO cannot hang the run),
/// and written through [`Output::beneath`] (`O_EXCL|O_NOFOLLOW`, renamed
/// in the folder, never over a link), 0600.
/// The cache folder: `$XDG_CACHE_HOME/bianyi`, else `~/.cache/bianyi`;
/// none with `BIANYI_NO_CACHE` set.
pub(crate) fn cache_dir() -> Option<PathBuf> {
    match (
        std::env::var_os("BIANYI_NO_CACHE"),
        std::env::var_os("XDG_CACHE_HOME"),
        std::env::var_os("HOME"),
    ) {
        (Some(_), _, _) => None,
        (None, Some(x), _) if !x.is_empty() => Some(PathBuf::from(x).join("bianyi")),
        (None, _, Some(h)) if !h.is_empty() => Some(PathBuf::from(h).join(".cache").join("bianyi")),
        _ => None,
    }
}

#[cfg(unix)]
pub(crate) mod cache {
    pub(crate) use super::cache_dir as dir;

    use std::ffi::OsStr;
    use std::fs::File;
    use std::io::Read;
    use std::os::fd::OwnedFd;
    use std::os::unix::fs::MetadataExt;
    use std::path::Path;

    use rustix::fs::{Mode, OFlags};

    /// A handle on the cache folder.
    pub(crate) type Folder = OwnedFd;

    /// The cache folder `dir` (created 0700, its parents as usual), if it
    /// can be trusted.
    pub(crate) fn folder(dir: &Path) -> Option<Folder> {
        if let Some(parent) = dir.parent() {
            std::fs::create_dir_all(parent).ok()?;
        }
        match rustix::fs::mkdir(dir, Mode::from_raw_mode(0o700)) {
            Ok(()) | Err(rustix::io::Errno::EXIST) => {}
            Err(_) => return None,
        }
        let fd = rustix::fs::open(
            dir,
            OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC,
            Mode::empty(),
        )
        .ok()?;
        let meta = File::from(fd.try_clone().ok()?).metadata().ok()?;
        let mine = meta.uid() == rustix::process::geteuid().as_raw();
        (meta.is_dir() && mine && meta.mode() & 0o022 == 0).then_some(fd)
    }

    /// The file `name` of the cache folder, if it is a regular file of
    /// the user's of at most `max` bytes.
    pub(crate) fn read(dir: &OwnedFd, name: &OsStr, max: u64) -> Option<Vec<u8>> {
        let (file, len) = open(dir, name, max)?;
        // Sized once: growing by doubling copied and faulted in a compiled
        // config's ~9 MB twice over (a third of a cached load).
        let mut bytes = Vec::with_capacity(usize::try_from(len).ok()?.saturating_add(1));
        // The file may grow after the check: never read past the limit.
        file.take(max.saturating_add(1))
            .read_to_end(&mut bytes)
            .ok()?;
        (bytes.len() as u64 <= max).then_some(bytes)
    }

    /// The file `name` of the cache folder, if it is a regular file of the
    /// user's of at most `max` bytes, mapped into memory for the rest of
    /// the process: its pages come from the page cache, as the
    /// executable's own do, instead of being copied into fresh memory (for
    /// a compiled s2twp, 8.7 MB read and faulted in were most of a cached
    /// load).
    /// `None` where it cannot be mapped (the caller then reads it).
    pub(crate) fn map(dir: &OwnedFd, name: &OsStr, max: u64) -> Option<&'static [u8]> {
        let (file, _) = open(dir, name, max)?;
        // SAFETY: a mapping is sound as long as no one changes the file
        // while it is mapped. This is a file of the user's own cache folder
        // (which `folder` checks is theirs and not writable by others),
        // opened without following links, theirs and writable by no one
        // else (`open`), and bianyi never changes a cache file in place:
        // `write` replaces it whole by renaming a new file over it, which
        // leaves this mapping on the old one. A program of the user's own
        // that truncated it in place would end the process (SIGBUS); one
        // that rewrote it in place could make the converter read changed
        // tables, which are only indexed with bounds checks (the string
        // pool, read as text, is copied out by `Sources::from_static`).
        #[allow(unsafe_code)]
        let map = unsafe { memmap2::Mmap::map(&file) }.ok()?;
        (map.len() as u64 <= max).then(|| &**Box::leak(Box::new(map)))
    }

    /// The file `name` of the cache folder, opened, and its length, if it
    /// is a regular file of the user's of at most `max` bytes.
    fn open(dir: &OwnedFd, name: &OsStr, max: u64) -> Option<(File, u64)> {
        let fd = rustix::fs::openat(
            dir,
            name,
            OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC,
            Mode::empty(),
        )
        .ok()?;
        let file = File::from(fd);
        let meta = file.metadata().ok()?;
        let mine = meta.uid() == rustix::process::geteuid().as_raw();
        let private = meta.mode() & 0o022 == 0;
        (meta.is_file() && mine && private && meta.len() <= max).then_some((file, meta.len()))
    }

    /// Writes `bytes` as the file `name` of the cache folder (0600);
    /// whether it worked does not matter to anyone.
    pub(crate) fn write(dir: &OwnedFd, name: &OsStr, shown: &Path, bytes: &[u8]) -> bool {
        let Ok(mut out) = super::Output::beneath(dir, name, shown, 0o600) else {
            return false;
        };
        out.write_all(bytes).is_ok() && out.commit().is_ok()
    }
}

/// Elsewhere there is no cache: these systems lack the calls that make it
/// safe (`O_NOFOLLOW`, owners).
#[cfg(not(unix))]
pub(crate) mod cache {
    pub(crate) use super::cache_dir as dir;

    use std::ffi::OsStr;
    use std::path::Path;

    pub(crate) type Folder = std::convert::Infallible;

    pub(crate) fn folder(_: &Path) -> Option<Folder> {
        None
    }

    pub(crate) fn read(dir: &Folder, _: &OsStr, _: u64) -> Option<Vec<u8>> {
        match *dir {}
    }

    pub(crate) fn map(dir: &Folder, _: &OsStr, _: u64) -> Option<&'static [u8]> {
        match *dir {}
    }

    pub(crate) fn write(dir: &Folder, _: &OsStr, _: &Path, _: &[u8]) -> bool {
        match *dir {}
    }
}

/// True when standard output is the regular file `path` (as with
/// `bianyi convert … a.txt >> a.txt`).
pub(crate) fn stdout_is(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        use std::os::unix::fs::MetadataExt;
        let Ok(fd) = io::stdout().as_fd().try_clone_to_owned() else {
            return false;
        };
        match (File::from(fd).metadata(), fs::metadata(path)) {
            (Ok(out), Ok(input)) => {
                out.is_file() && out.dev() == input.dev() && out.ino() == input.ino()
            }
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        false
    }
}

/// True when `a` and `b` name the same existing file.
pub(crate) fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (fs::metadata(a), fs::metadata(b)) {
            (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        match (fs::canonicalize(a), fs::canonicalize(b)) {
            (Ok(x), Ok(y)) => x == y,
            _ => false,
        }
    }
}

#[cfg(test)]
#[cfg(unix)]
mod tests {
    use std::fs;

    use super::{Output, StagedFiles, write};
    use crate::error::{CliError, Source};

    /// The files of `dir`, sorted.
    fn names(dir: &std::path::Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .expect("list")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    /// A file that cannot be written is an error naming it (the writing
    /// itself is tested in crates/output/tests/replace.rs).
    #[test]
    fn errors_name_the_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let missing = dir.path().join("no/such/g.toml");
        let err = write(Some(&missing), b"x").expect_err("no folder");
        assert!(
            matches!(&err, CliError::Write { target: Source::Path(p), .. } if p.ends_with("no/such/g.toml")),
            "{err:?}"
        );
        assert_eq!(names(dir.path()), Vec::<String>::new());
    }

    /// A cache file larger than the limit is not read (issue 20, item 2;
    /// the links, FIFOs and folders are in tests/glossary.rs).
    #[test]
    fn oversized_cache_files_are_a_miss() {
        let dir = tempfile::tempdir().expect("temp dir");
        let folder = super::cache::folder(&dir.path().join("bianyi")).expect("folder");
        let file = dir.path().join("bianyi/m.bin");
        fs::write(&file, [7u8; 100]).expect("write");
        let name = std::ffi::OsStr::new("m.bin");
        assert_eq!(
            super::cache::read(&folder, name, 100).map(|b| b.len()),
            Some(100)
        );
        assert_eq!(super::cache::read(&folder, name, 99), None);
        // A sparse file of 4 GiB: refused by its size, never read.
        fs::File::options()
            .write(true)
            .open(&file)
            .and_then(|f| f.set_len(4 << 30))
            .expect("grow");
        assert_eq!(super::cache::read(&folder, name, 1 << 20), None);
    }

    /// When replacing the second of three staged files fails, the first
    /// stays replaced, the third untouched with no temporary file left,
    /// and the error names both sides.
    #[test]
    fn a_failed_replacement_names_what_was_replaced() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (one, two) = (dir.path().join("one"), dir.path().join("two"));
        fs::create_dir(&one).expect("mkdir");
        fs::create_dir(&two).expect("mkdir");
        let files = [one.join("a.txt"), two.join("b.txt"), one.join("c.txt")];
        let mut staged = StagedFiles::default();
        for path in &files {
            fs::write(path, "old").expect("write");
            let mut out = Output::file(path).expect("output");
            out.write_all(b"new").expect("write");
            staged.add(out).expect("stage");
        }
        // The second file's folder goes away before the replacements.
        fs::rename(&two, dir.path().join("gone")).expect("rename");
        let err = staged.commit().expect_err("must fail");
        let CliError::PartlyReplaced {
            replaced,
            untouched,
            ..
        } = err
        else {
            panic!("{err:?}");
        };
        assert_eq!(
            format!("{replaced:?}"),
            format!("{:?}", [Source::path(&files[0])])
        );
        assert_eq!(
            format!("{untouched:?}"),
            format!("{:?}", [Source::path(&files[1]), Source::path(&files[2])])
        );
        assert_eq!(fs::read_to_string(&files[0]).expect("a"), "new");
        assert_eq!(fs::read_to_string(&files[2]).expect("c"), "old");
        assert_eq!(names(&one), ["a.txt", "c.txt"], "temporary files left");
    }
}
