//! The package's two calls into CPython's C API that PyO3 has no safe
//! form of, and its only `unsafe` code (the workspace denies it; its other
//! exception maps cache files, docs/reliability.md). Both calls are in the
//! stable ABI (abi3), copy, and keep no pointer:
//!
//! - `str_of_units` builds a `str` from code points. It replaces a safe
//!   way that cost about a tenth of a long call (docs/python.md, "Where
//!   the time of a call goes"): copying the code points into `bytes`
//!   objects (in pieces, since a fresh multi-megabyte object costs a page
//!   fault every 4 KiB), decoding each and joining the decoded pieces.
//! - `read_wide` copies a `str`'s characters into a buffer the converter
//!   keeps, where `wchar_t` is a code point (all but Windows, Solaris and
//!   illumos). It replaces
//!   encoding the `str` to UTF-32 in `bytes` pieces and copying those: 4.5×
//!   as fast for data3185k's Traditional text (0.16 ms against 0.74 ms for
//!   1.19M characters, docs/python.md, "Seventh session").

use pyo3::prelude::*;
use pyo3::types::PyString;

/// Appends the first `count` characters of `text` to `out`, copied by
/// CPython (`PyUnicode_AsWideChar`) into `out`'s spare room. `Ok(false)`,
/// with `out` unchanged: this platform's `wchar_t` is not a code point
/// (Windows: UTF-16; Solaris and illumos), `text` holds a lone surrogate,
/// which is no `char` (the caller then reads it the other way, which
/// raises CPython's `UnicodeEncodeError` for it), or `count` exceeds its
/// length (callers never ask for more).
pub(crate) fn read_wide(
    text: &Bound<'_, PyString>,
    count: usize,
    out: &mut Vec<char>,
) -> PyResult<bool> {
    // On Solaris and illumos `wchar_t` is 4 bytes but not a code point in
    // a non-Unicode locale (CPython converts it there): not read this way.
    let code_points = std::mem::size_of::<libc::wchar_t>() == std::mem::size_of::<char>()
        && !cfg!(any(target_os = "solaris", target_os = "illumos"));
    if !code_points || count == 0 {
        return Ok(count == 0);
    }
    out.reserve(count);
    let size = isize::try_from(count)?;
    let start = out.len();
    // SAFETY: the one block of this function, in three steps:
    // - the call: `text` is a `str` (its type says so) and the GIL is
    //   held; the spare room of `out` holds at least `count` `wchar_t`s
    //   (reserved above; 4 bytes each, as checked above, and `char`'s
    //   alignment is `wchar_t`'s); CPython writes at most `size` of them
    //   (the length and a terminating null only when `size` exceeds the
    //   length), keeping no pointer;
    // - the view: CPython wrote the `count` units (it says how many), and
    //   any 4 bytes are a valid `u32`;
    // - the length: those units, now checked to be `char`s, are
    //   initialised, within the reserved room.
    #[allow(unsafe_code)]
    let read = unsafe {
        let room = out.as_mut_ptr().add(start);
        let copied = pyo3::ffi::PyUnicode_AsWideChar(text.as_ptr(), room.cast(), size);
        if copied < 0 {
            Err(PyErr::fetch(text.py()))
        } else if copied == size && all_chars(std::slice::from_raw_parts(room.cast(), count)) {
            out.set_len(start + count);
            Ok(true)
        } else {
            Ok(false)
        }
    };
    read
}

/// Whether every unit is a Unicode scalar value (no surrogate, nothing
/// beyond U+10FFFF). Branch-free over all units, so that the compiler
/// vectorises it.
fn all_chars(units: &[u32]) -> bool {
    !units.iter().fold(false, |bad, &u| {
        bad | (u.wrapping_sub(0xD800) < 0x800) | (u > 0x10_FFFF)
    })
}

/// The `str` of `units` (Unicode scalar values), by one call of CPython's
/// UTF-32 decoder (`PyUnicode_DecodeUTF32`) on them where they lie.
pub(crate) fn str_of_units<'py>(py: Python<'py>, units: &[u32]) -> PyResult<Bound<'py, PyString>> {
    // An empty slice may point anywhere: CPython is not handed it.
    if units.is_empty() {
        return Ok(PyString::new(py, ""));
    }
    let size = isize::try_from(std::mem::size_of_val(units))?;
    // Native order, given explicitly: a leading U+FEFF is a character, not
    // a byte order mark.
    let mut order: std::ffi::c_int = if cfg!(target_endian = "little") {
        -1
    } else {
        1
    };
    // SAFETY: `units` is `size` readable bytes that live through the call
    // (CPython copies them into the new `str` and keeps no pointer); a
    // null `errors` is "strict"; `order` is a valid `int` for the call; the
    // GIL is held (`py`). The result is a new reference, or null with an
    // exception set, and `from_owned_ptr_or_err` takes either over.
    #[allow(unsafe_code)]
    let decoded = unsafe {
        let ptr = pyo3::ffi::PyUnicode_DecodeUTF32(
            units.as_ptr().cast(),
            size,
            std::ptr::null(),
            &raw mut order,
        );
        Bound::from_owned_ptr_or_err(py, ptr)
    };
    decoded?.cast_into::<PyString>().map_err(PyErr::from)
}
