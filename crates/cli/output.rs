//! Where output goes, written so that a failure never damages a file. This
//! is the only module that creates, commits or removes output files.
//!
//! A regular file (new or existing) is written to a temporary file in the
//! same folder, synced, and renamed over the destination: readers see the
//! old file or the new one, never a truncated mix, and on any error the
//! temporary file is removed and the destination is untouched. An existing
//! file keeps its permissions, its extended attributes and its ACL
//! ([`xattrs`]); through a symbolic link, the file it points
//! to is replaced. Anything that is not a regular file (`/dev/null`, a
//! FIFO, a terminal) cannot be replaced by a rename and is written
//! directly. Several files written together ([`StagedFiles`]) are all
//! written and synced before the first is renamed.
//!
//! The files of a tree (`-r`) are written with [`Output::beneath`]
//! instead: relative to a handle on their folder, reached from the tree's
//! root without following any link ([`dir_beneath`]), the temporary file
//! created with `O_EXCL|O_NOFOLLOW` and renamed with `renameat` over a
//! destination that is not a link, with permissions never wider than the
//! input's (docs/reliability.md, "Threat model").
//!
//! Errors are [`CliError::Write`] naming the output (or
//! [`CliError::PartlyReplaced`]); nothing here treats a closed standard
//! output specially.

use std::fs::{self, File, Permissions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

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
    /// A file that is not a regular file, written in place.
    Direct(BufWriter<File>),
    /// A regular file, written through a temporary file.
    Atomic {
        temp: BufWriter<NamedTempFile>,
        destination: PathBuf,
        /// Removed by the signal handler if the process is interrupted.
        _registered: cleanup::Registered,
    },
    /// A regular file written through a temporary file in a folder held
    /// open (see [`Output::beneath`]).
    #[cfg(unix)]
    AtomicAt {
        temp: BufWriter<File>,
        at: beneath::TempAt,
    },
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
        match open_file(path) {
            Ok(sink) => Ok(Output { target, sink }),
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
        match beneath::create(dir, name, shown, cap) {
            Ok((temp, at)) => Ok(Output {
                target,
                sink: Sink::AtomicAt {
                    temp: BufWriter::with_capacity(64 * 1024, temp),
                    at,
                },
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
            Sink::Direct(w) => w,
            Sink::Atomic { temp, .. } => temp,
            #[cfg(unix)]
            Sink::AtomicAt { temp, .. } => temp,
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
        let rename = match stage(sink) {
            Ok(rename) => rename,
            Err(error) => return Err(CliError::Write { target, error }),
        };
        Ok(Staged { target, rename })
    }
}

/// The file at `path` opened for writing (see [`Output::file`]).
fn open_file(path: &Path) -> io::Result<Sink> {
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
            return Ok(Sink::Direct(BufWriter::with_capacity(64 * 1024, file)));
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
    // Replacing a file: created for its owner only, so that its extended
    // attributes can be set, then given the file's permissions; a new
    // file: 0666 minus the umask.
    if let Some(p) = owner_only(existing.as_ref()).or_else(default_permissions) {
        builder.permissions(p);
    }
    let temp = builder.tempfile_in(&dir)?;
    let registered = cleanup::register(temp.path());
    if let Some(p) = existing {
        // The ACL and the other extended attributes of the file replaced
        // (the mode set after them keeps the ACL's mask: it is the group
        // bits the file had).
        xattrs::copy_path(&destination, temp.as_file())?;
        // The creation mode is filtered by the umask; an existing file's
        // permissions are restored exactly.
        fs::set_permissions(temp.path(), p)?;
    }
    Ok(Sink::Atomic {
        temp: BufWriter::with_capacity(64 * 1024, temp),
        destination,
        _registered: registered,
    })
}

/// Flushes `sink`; a temporary file is synced and closed, and returned to
/// be renamed.
fn stage(sink: Sink) -> io::Result<Option<Rename>> {
    match sink {
        Sink::Stdout(mut w) => w.flush().map(|()| None),
        Sink::Direct(w) => {
            let file = w.into_inner().map_err(io::IntoInnerError::into_error)?;
            drop(file);
            Ok(None)
        }
        Sink::Atomic {
            temp,
            destination,
            _registered,
        } => {
            let temp = temp.into_inner().map_err(io::IntoInnerError::into_error)?;
            temp.as_file().sync_all()?;
            Ok(Some(Rename::Path {
                temp: temp.into_temp_path(),
                destination,
                _registered,
            }))
        }
        #[cfg(unix)]
        Sink::AtomicAt { temp, at } => {
            let temp = temp.into_inner().map_err(io::IntoInnerError::into_error)?;
            temp.sync_all()?;
            drop(temp);
            Ok(Some(Rename::At(at)))
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
    /// `None`: nothing left to do (standard output, a file written
    /// directly).
    rename: Option<Rename>,
}

enum Rename {
    Path {
        temp: tempfile::TempPath,
        destination: PathBuf,
        _registered: cleanup::Registered,
    },
    #[cfg(unix)]
    At(beneath::TempAt),
}

impl Staged {
    /// Renames the temporary file over the destination.
    pub(crate) fn replace(self) -> Result<(), CliError> {
        let result = match self.rename {
            None => return Ok(()),
            Some(Rename::Path {
                temp, destination, ..
            }) => temp.persist(&destination).map_err(|e| e.error).map(|()| {
                sync_parent(&destination);
            }),
            #[cfg(unix)]
            Some(Rename::At(at)) => at.replace(),
        };
        result.map_err(|error| CliError::Write {
            target: self.target,
            error,
        })
    }
}

/// The folder `rel` (relative, plain names only) below the folder `root`,
/// opened without following a symbolic link at any step, and created
/// (0777 minus the umask) when `create` says so: whatever links appear in
/// the tree while bianyi runs, the handle is a folder inside `root`.
#[cfg(unix)]
pub(crate) fn dir_beneath(
    root: &std::os::fd::OwnedFd,
    rel: &Path,
    create: bool,
) -> io::Result<std::os::fd::OwnedFd> {
    use rustix::fs::{Mode, OFlags, mkdirat, openat};
    use std::path::Component;
    let mut dir = root.try_clone()?;
    for component in rel.components() {
        let Component::Normal(name) = component else {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "not a plain relative path",
            ));
        };
        if create {
            match mkdirat(&dir, name, Mode::from_raw_mode(0o777)) {
                Ok(()) | Err(rustix::io::Errno::EXIST) => {}
                Err(e) => return Err(e.into()),
            }
        }
        dir = openat(
            &dir,
            name,
            OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC,
            Mode::empty(),
        )?;
    }
    Ok(dir)
}

/// Temporary files created and renamed relative to a folder handle.
#[cfg(unix)]
pub(crate) mod beneath {
    use std::ffi::{OsStr, OsString};
    use std::fs::File;
    use std::io;
    use std::os::fd::OwnedFd;
    use std::path::Path;
    use std::sync::atomic::{AtomicU64, Ordering};

    use rustix::fs::{AtFlags, FileType, Mode, OFlags, fchmod, openat, renameat, statat, unlinkat};

    use super::cleanup;

    /// A temporary file of a folder, removed when dropped unless it
    /// replaced its destination.
    pub(crate) struct TempAt {
        dir: OwnedFd,
        temp: OsString,
        name: OsString,
        done: bool,
        _registered: cleanup::Registered,
    }

    /// ELOOP, as `O_NOFOLLOW` reports a link (callers may tell it apart).
    fn symbolic_link() -> io::Error {
        rustix::io::Errno::LOOP.into()
    }

    /// The mode bits of the file `name` of `dir` if there is one; an
    /// error if it is a link, a folder or anything but a regular file.
    fn existing(dir: &OwnedFd, name: &OsStr) -> io::Result<Option<u32>> {
        match statat(dir, name, AtFlags::SYMLINK_NOFOLLOW) {
            Ok(st) => match FileType::from_raw_mode(st.st_mode) {
                FileType::RegularFile => Ok(Some(st.st_mode & 0o7777)),
                FileType::Symlink => Err(symbolic_link()),
                FileType::Directory => Err(io::Error::new(
                    io::ErrorKind::IsADirectory,
                    "is a directory",
                )),
                _ => Err(io::Error::other("not a regular file")),
            },
            Err(rustix::io::Errno::NOENT) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// The regular file `name` of `dir`, opened to read its attributes
    /// (never through a link; `O_NONBLOCK`: a FIFO put in its place since
    /// [`existing`] cannot hang the run).
    fn open_existing(dir: &OwnedFd, name: &OsStr) -> io::Result<OwnedFd> {
        let flags = OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC;
        let fd = openat(dir, name, flags, Mode::empty()).map_err(|e| match e {
            rustix::io::Errno::LOOP => symbolic_link(),
            e => e.into(),
        })?;
        if FileType::from_raw_mode(rustix::fs::fstat(&fd)?.st_mode) != FileType::RegularFile {
            return Err(io::Error::other("not a regular file"));
        }
        Ok(fd)
    }

    /// A new temporary file next to `name` in `dir` (see
    /// [`super::Output::beneath`]).
    pub(super) fn create(
        dir: &OwnedFd,
        name: &OsStr,
        shown: &Path,
        cap: u32,
    ) -> io::Result<(File, TempAt)> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let old = existing(dir, name)?;
        let mode = old.map_or(cap & 0o777, |m| m & cap);
        // A file replaced: its extended attributes (and ACL) are read from
        // it, opened without following a link; the temporary file is
        // created for its owner only until they are copied.
        let attrs = match old {
            Some(_) => Some(open_existing(dir, name)?),
            None => None,
        };
        let create_mode = if old.is_some() { 0o600 } else { mode & 0o777 };
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        for _ in 0..100 {
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            let temp = OsString::from(format!(
                ".bianyi-{:x}-{n:x}{nanos:x}.tmp",
                std::process::id()
            ));
            let flags =
                OFlags::WRONLY | OFlags::CREATE | OFlags::EXCL | OFlags::NOFOLLOW | OFlags::CLOEXEC;
            let fd = match openat(dir, &temp, flags, Mode::from_raw_mode(create_mode)) {
                Ok(fd) => fd,
                Err(rustix::io::Errno::EXIST) => continue,
                Err(e) => return Err(e.into()),
            };
            let shown_temp = shown.parent().unwrap_or(Path::new("")).join(&temp);
            let at = TempAt {
                dir: dir.try_clone()?,
                temp,
                name: name.to_os_string(),
                done: false,
                _registered: cleanup::register(&shown_temp),
            };
            // The creation mode was filtered by the umask; an existing
            // file's permissions (narrowed to the input's) are kept exactly,
            // set after the ACL so that a narrowed mode narrows its mask.
            if let Some(from) = &attrs {
                super::xattrs::copy_fd(from, &fd)?;
                fchmod(&fd, Mode::from_raw_mode(mode))?;
            }
            return Ok((File::from(fd), at));
        }
        Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            "no free temporary file name",
        ))
    }

    impl TempAt {
        /// Renames the temporary file over the destination, which must
        /// still not be a link. Between that check and `renameat` a link
        /// put in its place would itself be replaced (rename never follows
        /// its destination), so nothing outside the folder is written.
        pub(super) fn replace(mut self) -> io::Result<()> {
            existing(&self.dir, &self.name)?;
            renameat(&self.dir, &self.temp, &self.dir, &self.name)?;
            self.done = true;
            if let Ok(d) = self.dir.try_clone() {
                let _ = File::from(d).sync_all();
            }
            Ok(())
        }
    }

    impl Drop for TempAt {
        fn drop(&mut self) {
            if !self.done {
                let _ = unlinkat(&self.dir, &self.temp, AtFlags::empty());
            }
        }
    }
}

/// The permissions a temporary file replacing a file with `existing` is
/// created with: read and write for the owner only (never wider than what
/// it ends with, for anyone else), until its attributes are copied.
#[cfg(unix)]
fn owner_only(existing: Option<&Permissions>) -> Option<Permissions> {
    use std::os::unix::fs::PermissionsExt;
    existing.map(|_| Permissions::from_mode(0o600))
}

#[cfg(not(unix))]
fn owner_only(existing: Option<&Permissions>) -> Option<Permissions> {
    existing.cloned()
}

/// Extended attributes of a file being replaced, copied onto its
/// temporary file before the rename, so that they survive the write as
/// they survive `sed -i` (issue 20, item 5). On Linux the POSIX ACLs are
/// extended attributes (`system.posix_acl_access`; `_default` exists on
/// folders only), so they are copied with the rest.
///
/// Every attribute the file has and the user can read is copied. The
/// user's own (`user.*`) and the ACL must be copied: if one cannot be,
/// the write fails and the file is left as it was (without its ACL the
/// file's group bits, which hold the ACL's mask, would become the
/// group's permission: a widening). The others (`security.*`, such as an
/// SELinux label or file capabilities, `trusted.*`, which only a
/// privileged user may set, and any other namespace) are copied where
/// the system lets the user, and otherwise skipped without a word: the
/// new file then has what the system gives a new file (its folder's
/// SELinux context, no capabilities).
#[cfg(any(target_os = "linux", target_os = "android"))]
pub(crate) mod xattrs {
    use std::ffi::CStr;
    use std::io;
    use std::os::fd::AsFd;
    use std::path::Path;

    use rustix::fs::{
        XattrFlags, fgetxattr, fgetxattr_query, flistxattr, flistxattr_query, fsetxattr, getxattr,
        getxattr_query, listxattr, listxattr_query,
    };
    use rustix::io::Errno;

    /// Where the attributes are read from: a path (its last component
    /// already resolved) or an open file.
    enum From<'a, F> {
        Path(&'a Path),
        Fd(F),
    }

    /// Copies the attributes of the file `from` (a path with no link left
    /// to follow) onto `to`.
    pub(crate) fn copy_path(from: &Path, to: impl AsFd) -> io::Result<()> {
        copy::<std::os::fd::BorrowedFd<'_>>(From::Path(from), to.as_fd())
    }

    /// Copies the attributes of the open file `from` onto `to`.
    pub(crate) fn copy_fd(from: impl AsFd, to: impl AsFd) -> io::Result<()> {
        copy(From::Fd(from.as_fd()), to.as_fd())
    }

    fn is_acl(name: &[u8]) -> bool {
        name == b"system.posix_acl_access" || name == b"system.posix_acl_default"
    }

    /// An attribute whose loss fails the write (see the module).
    fn required(name: &[u8]) -> bool {
        name.starts_with(b"user.") || is_acl(name)
    }

    fn copy<F: AsFd>(from: From<'_, F>, to: std::os::fd::BorrowedFd<'_>) -> io::Result<()> {
        let list = list(&from)?;
        let names: Vec<&CStr> = list
            .split_inclusive(|&b| b == 0)
            .filter_map(|n| CStr::from_bytes_with_nul(n).ok())
            .filter(|n| !n.is_empty())
            .collect();
        // The ACL last: it sets the mode bits, which may take from the
        // owner the write permission that setting `user.*` needs.
        let ordered = names
            .iter()
            .filter(|n| !is_acl(n.to_bytes()))
            .chain(names.iter().filter(|n| is_acl(n.to_bytes())));
        for name in ordered {
            let result = get(&from, name).and_then(|value| match value {
                // Removed meanwhile: nothing to copy.
                None => Ok(()),
                Some(v) => fsetxattr(to, *name, &v, XattrFlags::empty()),
            });
            match result {
                Ok(()) => {}
                Err(_) if !required(name.to_bytes()) => {}
                Err(e) => {
                    let e = io::Error::from(e);
                    return Err(io::Error::new(
                        e.kind(),
                        format!(
                            "cannot copy the extended attribute {}: {e}",
                            name.to_string_lossy()
                        ),
                    ));
                }
            }
        }
        Ok(())
    }

    /// The names of the attributes of `from`, each ending with a NUL;
    /// none where the file system has no attributes.
    fn list<F: AsFd>(from: &From<'_, F>) -> io::Result<Vec<u8>> {
        for _ in 0..8 {
            let size = match from {
                From::Path(p) => listxattr_query(*p),
                From::Fd(f) => flistxattr_query(f),
            };
            let size = match size {
                Ok(0) | Err(Errno::NOTSUP) => return Ok(Vec::new()),
                Ok(n) => n,
                Err(e) => return Err(e.into()),
            };
            let mut buf = vec![0u8; size];
            let got = match from {
                From::Path(p) => listxattr(*p, &mut buf[..]),
                From::Fd(f) => flistxattr(f, &mut buf[..]),
            };
            match got {
                Ok(n) => {
                    buf.truncate(n);
                    return Ok(buf);
                }
                // Grown since the query: ask again.
                Err(Errno::RANGE) => {}
                Err(e) => return Err(e.into()),
            }
        }
        Err(Errno::RANGE.into())
    }

    /// The value of the attribute `name`, `None` if it is gone.
    fn get<F: AsFd>(from: &From<'_, F>, name: &CStr) -> rustix::io::Result<Option<Vec<u8>>> {
        for _ in 0..8 {
            let size = match from {
                From::Path(p) => getxattr_query(*p, name),
                From::Fd(f) => fgetxattr_query(f, name),
            };
            let size = match size {
                Ok(n) => n,
                Err(Errno::NODATA) => return Ok(None),
                Err(e) => return Err(e),
            };
            if size == 0 {
                return Ok(Some(Vec::new()));
            }
            let mut buf = vec![0u8; size];
            let got = match from {
                From::Path(p) => getxattr(*p, name, &mut buf[..]),
                From::Fd(f) => fgetxattr(f, name, &mut buf[..]),
            };
            match got {
                Ok(n) => {
                    buf.truncate(n);
                    return Ok(Some(buf));
                }
                Err(Errno::RANGE) => {}
                Err(Errno::NODATA) => return Ok(None),
                Err(e) => return Err(e),
            }
        }
        Err(Errno::RANGE)
    }
}

/// Elsewhere extended attributes are not copied (macOS keeps its ACLs
/// apart from them; not done yet).
#[cfg(not(any(target_os = "linux", target_os = "android")))]
pub(crate) mod xattrs {
    use std::io;
    use std::path::Path;

    #[cfg(unix)]
    pub(crate) fn copy_fd(_: impl std::os::fd::AsFd, _: impl std::os::fd::AsFd) -> io::Result<()> {
        Ok(())
    }

    pub(crate) fn copy_path(_: &Path, _: &std::fs::File) -> io::Result<()> {
        Ok(())
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
        // A system that refuses the thread (a process limit) leaves
        // temporary files behind on a signal, nothing worse.
        let _ = std::thread::Builder::new().spawn(move || {
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
        if !meta.is_file() || !mine || meta.len() > max {
            return None;
        }
        let mut bytes = Vec::new();
        // The file may grow after the check: never read past the limit.
        file.take(max.saturating_add(1))
            .read_to_end(&mut bytes)
            .ok()?;
        (bytes.len() as u64 <= max).then_some(bytes)
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
    use std::os::unix::fs::PermissionsExt;

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

    /// An existing file keeps its permissions, a new one gets 0666 minus
    /// the umask (tempfile alone would make it 0600); no temporary file is
    /// left, and a folder that does not exist is an error naming the file.
    #[test]
    fn permissions_and_no_leftovers() {
        let dir = tempfile::tempdir().expect("temp dir");
        let old = dir.path().join("old.txt");
        fs::write(&old, "old").expect("write");
        fs::set_permissions(&old, fs::Permissions::from_mode(0o640)).expect("chmod");
        write(Some(&old), b"new").expect("written");
        assert_eq!(fs::read(&old).expect("read"), b"new");
        let mode =
            |p: &std::path::Path| fs::metadata(p).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode(&old), 0o640);
        // The umask, read back from a file created the ordinary way.
        let probe = dir.path().join("probe");
        fs::File::create(&probe).expect("create");
        let new = dir.path().join("new.txt");
        write(Some(&new), b"x").expect("written");
        assert_eq!(mode(&new), mode(&probe));
        assert_eq!(names(dir.path()), ["new.txt", "old.txt", "probe"]);
        let missing = dir.path().join("no/such/g.toml");
        let err = write(Some(&missing), b"x").expect_err("no folder");
        assert!(
            matches!(&err, CliError::Write { target: Source::Path(p), .. } if p.ends_with("no/such/g.toml")),
            "{err:?}"
        );
    }

    /// Through a symbolic link the file it names is written (created when
    /// the link dangles), and the link is kept.
    #[test]
    fn symbolic_links_are_followed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let link = dir.path().join("link.bin");
        let target = dir.path().join("sub").join("target.bin");
        fs::create_dir(dir.path().join("sub")).expect("mkdir");
        std::os::unix::fs::symlink("sub/target.bin", &link).expect("symlink");
        write(Some(&link), b"through").expect("written");
        let is_link = |p| {
            fs::symlink_metadata(p)
                .expect("meta")
                .file_type()
                .is_symlink()
        };
        assert!(is_link(&link));
        assert_eq!(fs::read(&target).expect("target"), b"through");
        write(Some(&link), b"again").expect("written");
        assert!(is_link(&link));
        assert_eq!(fs::read(&target).expect("target"), b"again");
        assert_eq!(names(&dir.path().join("sub")), ["target.bin"]);
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
