"""Arrow string arrays converted through their buffers (no Python loop).

The offsets, data and validity buffers of the array are handed to Rust
as bytes (the buffer protocol is not in the stable ABI before Python 3.11,
so this costs one copy of the input, small beside the conversion), every
slot is converted on several threads without the GIL, and the new buffers
become a new array with ``pyarrow.Array.from_buffers``.
"""

from __future__ import annotations

from typing import Any, Optional

from . import _bianyi


def convert_arrow(converter: Any, array: Any, threads: Optional[int]) -> Any:
    import pyarrow as pa

    if isinstance(array, pa.ChunkedArray):
        chunks = [convert_arrow(converter, chunk, threads) for chunk in array.chunks]
        return pa.chunked_array(chunks, type=chunks[0].type if chunks else array.type)
    if not isinstance(array, pa.Array):
        # Anything with __arrow_c_array__ (polars, nanoarrow, …), or a list.
        array = pa.array(array)
    kind = array.type
    if pa.types.is_string_view(kind):
        array = array.cast(pa.large_string())
    elif not (pa.types.is_string(kind) or pa.types.is_large_string(kind)):
        raise TypeError(f"convert_arrow needs an array of strings, not {kind}")
    large = pa.types.is_large_string(array.type)
    validity, offsets, data = array.buffers()
    large_out, offsets_out, data_out, validity_out = _bianyi._convert_arrow_buffers(
        converter,
        offsets.to_pybytes(),
        data.to_pybytes() if data is not None else b"",
        validity.to_pybytes() if validity is not None and array.null_count else None,
        array.offset,
        len(array),
        large,
        threads,
    )
    buffers = [
        pa.py_buffer(validity_out) if validity_out is not None else None,
        pa.py_buffer(offsets_out),
        pa.py_buffer(data_out),
    ]
    out_type = pa.large_string() if large_out else pa.string()
    result = pa.Array.from_buffers(out_type, len(array), buffers, null_count=array.null_count)
    if pa.types.is_string_view(kind):
        result = result.cast(kind)
    return result
