//! Output files written so that a failure never damages a file: the
//! writer of the `bianyi` command line, shared with the Python package.
//!
//! A regular file (new or existing) is written to a temporary file in the
//! same folder, synced, and renamed over the destination: readers see the
//! old file or the new one, never a truncated mix, and on any error the
//! temporary file is removed and the destination is untouched. An existing
//! file keeps its permissions, its extended attributes and its ACL
//! ([`xattrs`]); through a symbolic link, the file it points to is
//! replaced. Anything that is not a regular file (`/dev/null`, a FIFO, a
//! terminal) cannot be replaced by a rename and is written directly.
//! Several files can be written together: [`Output::stage`] writes and
//! syncs one, [`Staged::replace`] renames it.
//!
//! The files of a tree are written with [`Output::beneath`] instead:
//! relative to a handle on their folder, reached from the tree's root
//! without following any link ([`dir_beneath`]), the temporary file
//! created with `O_EXCL|O_NOFOLLOW` and renamed with `renameat` over a
//! destination that is not a link, with permissions never wider than a
//! cap (docs/reliability.md, "Threat model").
//!
//! Errors are [`std::io::Error`]s; the caller names the file. Temporary
//! files are registered ([`cleanup`]) so that a program can remove them
//! when a signal ends it. Nothing here prints.
//!
//! ```
//! # fn main() -> std::io::Result<()> {
//! use std::io::Write;
//! let dir = tempfile::tempdir()?;
//! let path = dir.path().join("out.txt");
//! std::fs::write(&path, "old")?;
//! let mut out = bianyi_output::Output::file(&path)?;
//! out.write_all(b"new")?;
//! // Until the commit, readers see the old file.
//! assert_eq!(std::fs::read(&path)?, b"old");
//! out.commit()?;
//! assert_eq!(std::fs::read(&path)?, b"new");
//! # Ok(())
//! # }
//! ```

use std::fs::{self, File, Permissions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

/// Writes `bytes` to the file `path` through a temporary file (see
/// [`Output::file`]).
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut output = Output::file(path)?;
    output.write_all(bytes)?;
    output.commit()
}

/// An output file being written; dropped without [`Output::commit`], its
/// temporary file is removed and the destination is left as it was.
pub struct Output(Sink);

enum Sink {
    /// A file that is not a regular file, written in place.
    Direct(BufWriter<File>),
    /// A regular file, written through a temporary file.
    Atomic {
        temp: BufWriter<NamedTempFile>,
        destination: PathBuf,
        /// Removed by the program's signal handler if it is interrupted.
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
    /// Opens `path` for writing. An existing regular file keeps its
    /// permissions, extended attributes and ACL; a new one gets the usual
    /// 0666 minus the umask. Symbolic links are followed: the file they
    /// point to is replaced (created, for a dangling link).
    pub fn file(path: &Path) -> io::Result<Output> {
        open_file(path).map(Output)
    }

    /// Opens the file `name` of the folder `dir` for writing, where `dir`
    /// is a handle from [`dir_beneath`] and `shown` the file's path (for
    /// [`cleanup`]). Nothing is followed: a destination that is a symbolic
    /// link (now or just before the rename), a folder or not a regular
    /// file is an error. The permissions are those of an existing file,
    /// never wider than `cap`; a new file gets `cap` minus the umask.
    #[cfg(unix)]
    pub fn beneath(
        dir: &std::os::fd::OwnedFd,
        name: &std::ffi::OsStr,
        shown: &Path,
        cap: u32,
    ) -> io::Result<Output> {
        let (temp, at) = beneath::create(dir, name, shown, cap)?;
        Ok(Output(Sink::AtomicAt {
            temp: BufWriter::with_capacity(64 * 1024, temp),
            at,
        }))
    }

    /// Finishes the output: flushes, and for a regular file syncs the
    /// temporary file and renames it over the destination.
    pub fn commit(self) -> io::Result<()> {
        self.stage()?.replace()
    }

    /// Flushes the output and, for a regular file, syncs the temporary file
    /// (and closes it), leaving only the rename to [`Staged::replace`].
    pub fn stage(self) -> io::Result<Staged> {
        stage(self.0).map(Staged)
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.0 {
            Sink::Direct(w) => w.write(buf),
            Sink::Atomic { temp, .. } => temp.write(buf),
            #[cfg(unix)]
            Sink::AtomicAt { temp, .. } => temp.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match &mut self.0 {
            Sink::Direct(w) => w.write_all(buf),
            Sink::Atomic { temp, .. } => temp.write_all(buf),
            #[cfg(unix)]
            Sink::AtomicAt { temp, .. } => temp.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.0 {
            Sink::Direct(w) => w.flush(),
            Sink::Atomic { temp, .. } => temp.flush(),
            #[cfg(unix)]
            Sink::AtomicAt { temp, .. } => temp.flush(),
        }
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

/// A finished output waiting to replace its destination; dropped without
/// [`Staged::replace`], its temporary file is removed.
pub struct Staged(
    /// `None`: nothing left to do (a file written directly).
    Option<Rename>,
);

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
    pub fn replace(self) -> io::Result<()> {
        match self.0 {
            None => Ok(()),
            Some(Rename::Path {
                temp, destination, ..
            }) => temp.persist(&destination).map_err(|e| e.error).map(|()| {
                sync_parent(&destination);
            }),
            #[cfg(unix)]
            Some(Rename::At(at)) => at.replace(),
        }
    }
}

/// The folder `rel` (relative, plain names only) below the folder `root`,
/// opened without following a symbolic link at any step, and created
/// (0777 minus the umask) when `create` says so: whatever links appear in
/// the tree while bianyi runs, the handle is a folder inside `root`.
#[cfg(unix)]
pub fn dir_beneath(
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
mod beneath {
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
pub mod xattrs {
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
    pub fn copy_path(from: &Path, to: impl AsFd) -> io::Result<()> {
        copy::<std::os::fd::BorrowedFd<'_>>(From::Path(from), to.as_fd())
    }

    /// Copies the attributes of the open file `from` onto `to`.
    pub fn copy_fd(from: impl AsFd, to: impl AsFd) -> io::Result<()> {
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
pub mod xattrs {
    use std::io;
    use std::path::Path;

    #[cfg(unix)]
    pub fn copy_fd(_: impl std::os::fd::AsFd, _: impl std::os::fd::AsFd) -> io::Result<()> {
        Ok(())
    }

    pub fn copy_path(_: &Path, _: &std::fs::File) -> io::Result<()> {
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

/// Temporary files to remove if the process is interrupted (a signal),
/// when destructors do not run. The library only keeps the list: a
/// program that handles signals gives [`on_first`] the function that
/// starts listening, and removes the files with [`remove_all`].
pub mod cleanup {
    use std::path::{Path, PathBuf};
    use std::sync::{Mutex, Once, OnceLock};

    static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
    static FIRST: OnceLock<fn()> = OnceLock::new();

    /// Keeps a path registered while alive.
    #[derive(Debug)]
    pub struct Registered(PathBuf);

    /// Registers `path` until the value returned is dropped.
    pub fn register(path: &Path) -> Registered {
        if let Some(first) = FIRST.get() {
            static ONCE: Once = Once::new();
            ONCE.call_once(first);
        }
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

    /// Calls `first` once, when the first temporary file is registered
    /// (so that a run that writes no file starts no signal listener).
    /// Only the first call of `on_first` counts.
    pub fn on_first(first: fn()) {
        let _ = FIRST.set(first);
    }

    /// Removes every registered temporary file (from a signal handler's
    /// thread, just before the process ends).
    pub fn remove_all() {
        if let Ok(p) = PENDING.lock() {
            for path in p.iter() {
                let _ = std::fs::remove_file(path);
            }
        }
    }
}
