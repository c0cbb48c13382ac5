//! The package's one call into CPython's C API that PyO3 has no safe
//! form of, and its only `unsafe` code (the workspace denies it; its other
//! exception maps cache files, docs/reliability.md). The call is in the
//! stable ABI (abi3), copies, and keeps no pointer. It replaces a safe way
//! that cost about a tenth of a long call (docs/python.md, "Where the time
//! of a call goes"): copying the code points into `bytes` objects (in
//! pieces, since a fresh multi-megabyte object costs a page fault every
//! 4 KiB), decoding each and joining the decoded pieces.

use pyo3::prelude::*;
use pyo3::types::PyString;

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
