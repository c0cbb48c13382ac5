//! Where converted text goes, written so that a failure never damages a file.
//!
//! A regular file (new or existing) is written to a temporary file in the
//! same folder, synced, and renamed over the destination: readers see the
//! old file or the new one, never a truncated mix, and on any error the
//! temporary file is removed and the destination is untouched. Anything that
//! is not a regular file (`/dev/null`, a FIFO, a terminal) cannot be replaced
//! by a rename and is written directly.

use std::fs::{self, File, Permissions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

/// An open output.
pub(crate) enum Output {
    /// Standard output.
    Stdout(BufWriter<io::Stdout>),
    /// A file that is not a regular file, written in place.
    Direct(BufWriter<File>),
    /// A regular file, written through a temporary file.
    Atomic {
        temp: BufWriter<NamedTempFile>,
        destination: PathBuf,
        /// Removed by the signal handler if the process is interrupted.
        _registered: cleanup::Registered,
    },
}

impl Output {
    pub(crate) fn stdout() -> Output {
        Output::Stdout(BufWriter::with_capacity(64 * 1024, io::stdout()))
    }

    /// Opens `path` for writing. An existing regular file keeps its
    /// permissions; a new one gets the usual 0666 minus the umask.
    /// Symbolic links are followed: the file they point to is replaced.
    pub(crate) fn file(path: &Path) -> io::Result<Output> {
        let metadata = match fs::metadata(path) {
            Ok(m) => Some(m),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(e),
        };
        if let Some(m) = &metadata {
            if m.is_dir() {
                return Err(io::Error::new(
                    io::ErrorKind::IsADirectory,
                    "is a directory",
                ));
            }
            if !m.is_file() {
                let file = fs::OpenOptions::new()
                    .write(true)
                    .truncate(true)
                    .open(path)?;
                return Ok(Output::Direct(BufWriter::with_capacity(64 * 1024, file)));
            }
        }
        // Replace the file a symlink points to, not the link itself (for a
        // dangling link: create the file it points to).
        let destination = if metadata.is_some() {
            fs::canonicalize(path)?
        } else {
            dangling_target(path)
        };
        let dir = match destination.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let existing = metadata.map(|m| m.permissions());
        let mut builder = tempfile::Builder::new();
        builder.prefix(".bianyi-").suffix(".tmp");
        if let Some(p) = existing.clone().or_else(default_permissions) {
            builder.permissions(p);
        }
        let temp = builder.tempfile_in(&dir)?;
        let registered = cleanup::register(temp.path());
        // The creation mode is filtered by the umask; an existing file's
        // permissions are restored exactly.
        if let Some(p) = existing {
            fs::set_permissions(temp.path(), p)?;
        }
        Ok(Output::Atomic {
            temp: BufWriter::with_capacity(64 * 1024, temp),
            destination,
            _registered: registered,
        })
    }

    pub(crate) fn writer(&mut self) -> &mut dyn Write {
        match self {
            Output::Stdout(w) => w,
            Output::Direct(w) => w,
            Output::Atomic { temp, .. } => temp,
        }
    }

    /// Finishes the output: flushes, and for a regular file syncs the
    /// temporary file and renames it over the destination.
    pub(crate) fn commit(self) -> io::Result<()> {
        self.stage()?.commit()
    }

    /// Flushes the output and, for a regular file, syncs the temporary file
    /// (and closes it), leaving only the rename to [`Staged::commit`]: a
    /// command writing several files stages them all before replacing any,
    /// so that an error in the last one leaves every file untouched.
    pub(crate) fn stage(self) -> io::Result<Staged> {
        match self {
            Output::Stdout(mut w) => w.flush().map(|()| Staged::Done),
            Output::Direct(w) => {
                let file = w.into_inner().map_err(io::IntoInnerError::into_error)?;
                drop(file);
                Ok(Staged::Done)
            }
            Output::Atomic {
                temp,
                destination,
                _registered,
            } => {
                let temp = temp.into_inner().map_err(io::IntoInnerError::into_error)?;
                temp.as_file().sync_all()?;
                Ok(Staged::Rename {
                    temp: temp.into_temp_path(),
                    destination,
                    _registered,
                })
            }
        }
    }
}

/// A finished output waiting to replace its destination (see
/// [`Output::stage`]); dropped without [`Staged::commit`], its temporary
/// file is removed.
#[must_use]
pub(crate) enum Staged {
    /// Nothing left to do (standard output, a file written directly).
    Done,
    Rename {
        temp: tempfile::TempPath,
        destination: PathBuf,
        _registered: cleanup::Registered,
    },
}

impl Staged {
    /// Renames the temporary file over the destination.
    pub(crate) fn commit(self) -> io::Result<()> {
        match self {
            Staged::Done => Ok(()),
            Staged::Rename {
                temp, destination, ..
            } => {
                temp.persist(&destination).map_err(|e| e.error)?;
                sync_parent(&destination);
                Ok(())
            }
        }
    }
}

/// Permissions of a new output file: 0666 minus the umask (applied by the
/// system at creation), as for any file a program creates.
#[cfg(unix)]
fn default_permissions() -> Option<Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(Permissions::from_mode(0o666))
}

/// Elsewhere only the read-only flag exists; the system default is right.
#[cfg(not(unix))]
fn default_permissions() -> Option<Permissions> {
    None
}

/// Makes the rename durable where the platform allows it; a failure here
/// does not undo the already completed rename, so it is not reported.
fn sync_parent(path: &Path) {
    #[cfg(unix)]
    if let Some(dir) = path.parent() {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// Where a path that does not resolve should be created: the target of a
/// dangling symbolic link (followed through further links), else the path.
fn dangling_target(path: &Path) -> PathBuf {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        match fs::read_link(&current) {
            Ok(target) => {
                current = match current.parent() {
                    Some(dir) if target.is_relative() => dir.join(target),
                    _ => target,
                };
            }
            Err(_) => return current,
        }
    }
    current
}

/// Temporary files to remove if the process is interrupted (SIGINT,
/// SIGTERM, SIGHUP), when destructors do not run.
pub(crate) mod cleanup {
    use std::path::{Path, PathBuf};
    use std::sync::Mutex;

    static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

    /// Keeps `path` registered while alive.
    #[derive(Debug)]
    pub(crate) struct Registered(PathBuf);

    pub(crate) fn register(path: &Path) -> Registered {
        listen();
        if let Ok(mut p) = PENDING.lock() {
            p.push(path.to_path_buf());
        }
        Registered(path.to_path_buf())
    }

    impl Drop for Registered {
        fn drop(&mut self) {
            if let Ok(mut p) = PENDING.lock() {
                p.retain(|q| q != &self.0);
            }
        }
    }

    /// Makes a file-size limit (`ulimit -f`, a quota acting the same way)
    /// fail the write with EFBIG, reported like a full disk, instead of
    /// killing the process with a temporary file left behind.
    #[cfg(unix)]
    pub(crate) fn install() {
        let _ = signal_hook::flag::register(
            signal_hook::consts::SIGXFSZ,
            std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false)),
        );
    }

    #[cfg(not(unix))]
    pub(crate) fn install() {}

    /// From the first temporary file on: on SIGINT, SIGTERM or SIGHUP,
    /// removes the registered files, then ends the process the way the
    /// signal would have (status 128 + signal number). Runs that write no
    /// file (standard output) start no listening thread.
    #[cfg(unix)]
    fn listen() {
        static ONCE: std::sync::Once = std::sync::Once::new();
        ONCE.call_once(spawn_listener);
    }

    #[cfg(unix)]
    fn spawn_listener() {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
            return;
        };
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                if let Ok(p) = PENDING.lock() {
                    for path in p.iter() {
                        let _ = std::fs::remove_file(path);
                    }
                }
                std::process::exit(128 + signal);
            }
        });
    }

    #[cfg(not(unix))]
    fn listen() {}
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
