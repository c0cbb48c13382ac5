"""The Arrow entry point: string arrays converted through their buffers."""

import pytest

import bianyi
from conftest import need


def test_string_arrays_with_nulls_slices_and_types():
    pa = need("pyarrow")
    conv = bianyi.Converter("t2s")
    values = ["頭髮", None, "軟體和滑鼠", "", "English 漢字", None]
    want = [None if v is None else conv.convert(v) for v in values]
    for kind in (pa.string(), pa.large_string(), pa.string_view()):
        arr = pa.array(values, type=kind)
        out = conv.convert_arrow(arr)
        assert out.type == kind
        assert out.to_pylist() == want
        out.validate(full=True)
        sliced = conv.convert_arrow(arr.slice(1, 4))
        assert sliced.to_pylist() == want[1:5]
        sliced.validate(full=True)


def test_chunked_arrays_lists_and_the_module_function():
    pa = need("pyarrow")
    chunked = pa.chunked_array([["头发"], ["软件", None]])
    out = bianyi.Converter("s2twp").convert_arrow(chunked)
    assert isinstance(out, pa.ChunkedArray) and out.to_pylist() == ["頭髮", "軟體", None]
    assert bianyi.convert_arrow(["头发"], "s2t").to_pylist() == ["頭髮"]
    assert bianyi.convert_arrow(pa.array([], pa.string())).to_pylist() == []


def test_large_batches_on_threads_equal_one_by_one():
    pa = need("pyarrow")
    conv = bianyi.Converter(to="zh-Hans")
    values = [("頭髮發展，軟體。" * (i % 40)) if i % 7 else None for i in range(5000)]
    want = [None if v is None else conv.convert(v) for v in values]
    for threads in (1, 4):
        assert conv.convert_arrow(pa.array(values), threads=threads).to_pylist() == want


def test_not_strings_is_a_type_error():
    pa = need("pyarrow")
    with pytest.raises(TypeError):
        bianyi.Converter("t2s").convert_arrow(pa.array([1, 2]))


def test_objects_with_the_arrow_c_data_interface():
    pa = need("pyarrow")

    class Foreign:
        """Another library's array: only __arrow_c_array__."""

        def __init__(self, values):
            self._array = pa.array(values)

        def __arrow_c_array__(self, requested_schema=None):
            return self._array.__arrow_c_array__(requested_schema)

    out = bianyi.Converter("s2t").convert_arrow(Foreign(["头发", None]))
    assert out.to_pylist() == ["頭髮", None]
