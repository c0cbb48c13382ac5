//! Loading glossaries from files in any supported format, and saving them
//! atomically.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, ErrorKind, Format};
use crate::model::{Glossary, Lang};

impl Format {
    /// The format a file name's extension says (`.toml`, `.tsv`/`.txt`/`.tab`,
    /// `.csv`, `.tbx`/`.xml`), if any.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "toml" => Some(Format::Toml),
            "tsv" | "tab" | "txt" | "utf8" => Some(Format::Tsv),
            "csv" => Some(Format::Csv),
            "tbx" | "xml" => Some(Format::Tbx),
            _ => None,
        }
    }
}

/// Languages for formats that do not name them (TSV, CSV without language
/// headers): the source and target columns.
#[derive(Clone, Debug)]
pub struct Columns {
    /// Language of the first column.
    pub source: Lang,
    /// Language of the second column.
    pub target: Lang,
}

impl Glossary {
    /// Reads a glossary file in `format` (TOML when `None` and the
    /// extension says nothing). TSV and CSV need `columns`, unless a CSV
    /// header names the languages. Errors name the file.
    pub fn load(
        path: &Path,
        format: Option<Format>,
        columns: Option<&Columns>,
    ) -> Result<Glossary, Error> {
        let bytes = fs::read(path).map_err(|e| Error::from(e).in_file(path))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            let bad = e.utf8_error().valid_up_to();
            let prefix = String::from_utf8_lossy(&e.as_bytes()[..bad]).into_owned();
            Error::at(
                ErrorKind::Syntax {
                    format: format
                        .or_else(|| Format::from_path(path))
                        .unwrap_or(Format::Toml),
                    message: format!("invalid UTF-8 at byte offset {bad}"),
                },
                &format!("{prefix}\u{0}"),
                bad,
            )
            .in_file(path)
        })?;
        let format = format
            .or_else(|| Format::from_path(path))
            .unwrap_or(Format::Toml);
        Glossary::parse(&text, format, columns).map_err(|e| e.in_file(path))
    }

    /// Reads a glossary from text in `format`.
    pub fn parse(text: &str, format: Format, columns: Option<&Columns>) -> Result<Glossary, Error> {
        let need = || {
            Error::new(ErrorKind::MissingField {
                field: "source and target languages",
            })
        };
        match format {
            Format::Toml => Glossary::from_toml(text),
            Format::Tsv => {
                let c = columns.ok_or_else(need)?;
                Glossary::from_tsv(text, &c.source, &c.target)
            }
            Format::Csv => Glossary::from_csv(text, columns.map(|c| (&c.source, &c.target))),
            Format::Tbx => Glossary::from_tbx(text),
        }
    }

    /// The glossary as text in `format`. TSV and CSV need `columns` (default:
    /// the glossary's own source and target).
    pub fn render(&self, format: Format, columns: Option<&Columns>) -> Result<String, Error> {
        let cols = match columns {
            Some(c) => Some(c.clone()),
            None => match (&self.source, &self.target) {
                (Some(s), Some(t)) => Some(Columns {
                    source: s.clone(),
                    target: t.clone(),
                }),
                _ => None,
            },
        };
        let need = || {
            Error::new(ErrorKind::MissingField {
                field: "source and target languages",
            })
        };
        Ok(match format {
            Format::Toml => self.to_toml(),
            Format::Tbx => self.to_tbx(),
            Format::Tsv => {
                let c = cols.ok_or_else(need)?;
                self.to_tsv(&c.source, &c.target)
            }
            Format::Csv => {
                let c = cols.ok_or_else(need)?;
                self.to_csv(&c.source, &c.target)
            }
        })
    }

    /// Saves the canonical TOML form atomically (see [`write_atomic`]).
    pub fn save(&self, path: &Path) -> Result<(), Error> {
        write_atomic(path, self.to_toml().as_bytes())
    }
}

/// Writes `bytes` to `path` through a temporary file in the same folder,
/// synced and renamed over the target: readers see the old file or the new
/// one, never a part. An existing file's permissions are kept; a new file
/// gets 0666 minus the umask, as `File::create` would give it. A symbolic
/// link is followed (the file it points to is replaced, or created when
/// the link dangles). On error the target is untouched and the temporary
/// file removed. Something that is not a regular file (a FIFO, `/dev/null`)
/// is written directly.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let fail = |e: std::io::Error| Error::from(e).in_file(path);
    let meta = match fs::metadata(path) {
        Ok(m) => Some(m),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(fail(e)),
    };
    // Not a regular file (a FIFO, /dev/null): cannot be replaced by a
    // rename, so it is written directly.
    if let Some(m) = &meta
        && !m.is_file()
    {
        return fs::OpenOptions::new()
            .write(true)
            .open(path)
            .and_then(|mut f| f.write_all(bytes))
            .map_err(fail);
    }
    // Through a symbolic link, replace the file it points to (for a
    // dangling link, create it).
    let destination = match &meta {
        Some(_) => fs::canonicalize(path).map_err(fail)?,
        None => dangling_target(path),
    };
    let dir = match destination.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let existing = meta.map(|m| m.permissions());
    let mut builder = tempfile::Builder::new();
    builder.prefix(".bianyi-").suffix(".tmp");
    // tempfile creates 0600 files; the creation mode is filtered by the
    // umask like any new file's.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(fail)?;
    tmp.write_all(bytes).map_err(fail)?;
    // An existing file's permissions are restored exactly.
    if let Some(p) = existing {
        fs::set_permissions(tmp.path(), p).map_err(fail)?;
    }
    tmp.as_file().sync_all().map_err(fail)?;
    tmp.persist(&destination).map_err(|e| fail(e.error))?;
    Ok(())
}

/// Where a path that does not resolve should be created: the target of a
/// dangling symbolic link (followed through further links), else the path.
fn dangling_target(path: &Path) -> PathBuf {
    let mut current = path.to_path_buf();
    // As many links as Linux follows before ELOOP.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saves_atomically_and_keeps_permissions() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("g.toml");
        fs::write(&path, "old").expect("write");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).expect("chmod");
        }
        let g = Glossary::from_toml(
            "[[entry]]\nid = \"a\"\nterms = [{ lang = \"en\", text = \"x\" }]\n",
        )
        .expect("valid");
        g.save(&path).expect("saved");
        assert_eq!(Glossary::load(&path, None, None).expect("reads back"), g);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).expect("meta").permissions().mode();
            assert_eq!(mode & 0o777, 0o640);
        }
        let names: Vec<_> = fs::read_dir(dir.path()).expect("list").collect();
        assert_eq!(names.len(), 1, "no temporary file left");
        // A folder that does not exist: error, nothing written.
        let missing = dir.path().join("no/such/g.toml");
        assert!(g.save(&missing).is_err());
    }

    // Regression: new files were created 0600 (tempfile's default), and a
    // dangling symbolic link was replaced by a regular file.
    #[cfg(unix)]
    #[test]
    fn new_files_get_the_usual_mode_and_dangling_links_are_followed() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        // The umask, read back from a file created the ordinary way.
        let probe = dir.path().join("probe");
        fs::File::create(&probe).expect("create");
        let usual = fs::metadata(&probe).expect("meta").permissions().mode() & 0o777;
        let new = dir.path().join("new.bin");
        write_atomic(&new, b"x").expect("written");
        let mode = fs::metadata(&new).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, usual);
        // A dangling link: the file it names is created, the link kept.
        let link = dir.path().join("link.bin");
        let target = dir.path().join("sub").join("target.bin");
        fs::create_dir(dir.path().join("sub")).expect("mkdir");
        std::os::unix::fs::symlink("sub/target.bin", &link).expect("symlink");
        write_atomic(&link, b"through").expect("written");
        assert!(
            fs::symlink_metadata(&link)
                .expect("meta")
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(&target).expect("target"), b"through");
        // Through the now resolving link, the target is replaced.
        write_atomic(&link, b"again").expect("written");
        assert_eq!(fs::read(&target).expect("target"), b"again");
    }

    #[test]
    fn load_errors_name_the_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("bad.toml");
        fs::write(&path, "[[entry]]\nid = 3\n").expect("write");
        let e = Glossary::load(&path, None, None).expect_err("invalid");
        assert_eq!(e.file(), Some(path.as_path()));
        assert_eq!(e.location().map(|l| l.line), Some(2));
        fs::write(&path, b"[[entry]]\nid = \"\xff\"\n").expect("write");
        let e = Glossary::load(&path, None, None).expect_err("invalid");
        assert_eq!(e.location().map(|l| (l.line, l.byte)), Some((2, 16)));
    }
}
