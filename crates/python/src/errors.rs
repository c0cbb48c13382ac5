//! The libraries' errors as Python exceptions.
//!
//! The exception classes are defined in Python (`bianyi/_errors.py`), so
//! that they can derive from `ValueError` or `OSError` as well as from
//! `bianyi.Error`; here each library error becomes one of them, with the
//! same information the CLI shows: the file, line, column and byte offset.

use std::error::Error as _;
use std::path::Path;

use pyo3::prelude::*;
use pyo3::types::PyDict;

/// Where an error is, as far as known.
#[derive(Default)]
pub(crate) struct Place<'a> {
    pub(crate) file: Option<&'a Path>,
    pub(crate) line: Option<u64>,
    pub(crate) column: Option<u64>,
    pub(crate) byte: Option<u64>,
}

/// `bianyi.<class>(message, file=…, line=…, column=…, byte=…)`, with
/// `errno` for the classes derived from `OSError`.
pub(crate) fn raise(
    py: Python<'_>,
    class: &str,
    message: String,
    place: &Place<'_>,
    errno: Option<i32>,
) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let module = py.import("bianyi._errors")?;
        let kwargs = PyDict::new(py);
        kwargs.set_item("file", place.file.map(|p| p.to_path_buf()))?;
        kwargs.set_item("line", place.line)?;
        kwargs.set_item("column", place.column)?;
        kwargs.set_item("byte", place.byte)?;
        kwargs.set_item("errno", errno)?;
        let value = module.getattr(class)?.call((message,), Some(&kwargs))?;
        Ok(PyErr::from_value(value))
    };
    // Failing to build the exception (the package's Python part missing)
    // is itself the error to report.
    build().unwrap_or_else(|e| e)
}

/// A message with the error's chain of sources, as the CLI prints it.
fn chain(error: &dyn std::error::Error) -> String {
    let mut message = error.to_string();
    let mut source = error.source();
    while let Some(s) = source {
        message.push_str(": ");
        message.push_str(&s.to_string());
        source = s.source();
    }
    message
}

/// An error of the conversion library, about `file` when given.
pub(crate) fn convert_error(
    py: Python<'_>,
    error: &bianyi_convert::Error,
    file: Option<&Path>,
) -> PyErr {
    use bianyi_convert::ErrorKind;
    let mut place = Place {
        file,
        ..Place::default()
    };
    let (class, errno) = match error.kind() {
        ErrorKind::InvalidUtf8 { position, .. } => {
            place.line = Some(position.line);
            place.column = Some(position.column);
            place.byte = Some(position.byte);
            ("DecodeError", None)
        }
        ErrorKind::UnknownConfig { .. } | ErrorKind::UnknownTarget { .. } => ("ConfigError", None),
        ErrorKind::Read(e) | ErrorKind::Write(e) => ("FileError", e.raw_os_error()),
        _ => ("Error", None),
    };
    let message = match file {
        Some(f) => format!("{}: {}", f.display(), chain(error)),
        None => chain(error),
    };
    raise(py, class, message, &place, errno)
}

/// An error of the glossary library (it names its file itself).
pub(crate) fn glossary_error(py: Python<'_>, error: &bianyi_glossary::Error) -> PyErr {
    use bianyi_glossary::ErrorKind;
    let location = error.location();
    let place = Place {
        file: error.file(),
        line: location.map(|l| l.line),
        column: location.map(|l| l.column),
        byte: location.map(|l| l.byte),
    };
    let (class, errno) = match error.kind() {
        ErrorKind::Io(e) => ("FileError", e.raw_os_error()),
        _ => ("GlossaryError", None),
    };
    let mut message = error.to_string();
    if let Some(source) = error.kind().source() {
        message.push_str(": ");
        message.push_str(&chain(source));
    }
    raise(py, class, message, &place, errno)
}

/// An I/O error on `file` outside the libraries (opening, replacing).
pub(crate) fn io_error(py: Python<'_>, error: &std::io::Error, file: &Path) -> PyErr {
    let place = Place {
        file: Some(file),
        ..Place::default()
    };
    let message = format!("{}: {}", file.display(), chain(error));
    raise(py, "FileError", message, &place, error.raw_os_error())
}

/// A wrong argument (an unknown mode or format name).
pub(crate) fn value_error(py: Python<'_>, class: &str, message: String) -> PyErr {
    raise(py, class, message, &Place::default(), None)
}

/// Runs `f`, catching a panic: the libraries do not panic on user data,
/// and this is the last line of defence, not a way of reporting errors.
/// Call it without the GIL if need be, and turn the panic into an
/// exception with [`panic_error`] (PyO3 would raise its
/// `PanicException`, a `BaseException` that `except Exception` misses).
pub(crate) fn caught<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(panic_message)
}

/// The message of a caught panic (of [`caught`], or of a thread joined).
pub(crate) fn panic_message(panic: Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}

/// `bianyi.Error` for a panic caught by [`caught`].
pub(crate) fn panic_error(py: Python<'_>, what: String) -> PyErr {
    raise(
        py,
        "Error",
        format!("internal error in bianyi (please report it): {what}"),
        &Place::default(),
        None,
    )
}
