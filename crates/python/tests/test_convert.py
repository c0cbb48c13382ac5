"""Converter, convert, convert_file, detect, align and errors."""

import os

import pytest

import bianyi
from conftest import REPO


def test_convert_with_a_config_or_a_target():
    assert bianyi.convert("汉字") == "漢字"  # s2t by default
    assert bianyi.convert("鼠标和软件", config="s2twp") == "滑鼠和軟體"
    assert bianyi.convert("头发和頭髮", to="zh-TW") == "頭髮和頭髮"
    assert bianyi.convert("软件", to="zh-TW", phrases=False) == "軟件"
    assert bianyi.convert("软件", to="zh-TW", phrases=True) == "軟體"
    assert bianyi.convert("他说：“头发很长。”", to="zh-Hant", corner_quotes=True) == "他說：「頭髮很長。」"


def test_converter_properties():
    conv = bianyi.Converter(to="zh-TW", threads=3)
    assert (conv.name, conv.language, conv.threads) == ("zh-TW", "zh-TW", 3)
    assert repr(conv) == 'bianyi.Converter(to="zh-TW")'
    assert bianyi.Converter("tw2sp").language == "zh-CN"
    assert len(bianyi.configs()) == 16


def test_a_long_text_converts_as_its_pieces():
    # Over 1 MiB: converted on several threads, the same bytes.
    line = "漢字轉換，頭髮發展。\n"
    text = line * 60_000
    conv = bianyi.Converter("t2s", threads=4)
    assert conv.convert(text) == "汉字转换，头发发展。\n" * 60_000


def test_convert_file_streams_and_replaces_atomically(tmp_path):
    src, dst = tmp_path / "in.txt", tmp_path / "out.txt"
    text = (REPO / "tests/fixtures/article.zh-Hant.txt").read_text(encoding="utf-8")
    src.write_text(text * 50, encoding="utf-8")
    conv = bianyi.Converter("t2s")
    read, written = conv.convert_file(src, dst, threads=2)
    assert read == src.stat().st_size and written == dst.stat().st_size
    assert dst.read_text(encoding="utf-8") == conv.convert(text * 50)
    # In place: the input is read whole before it is replaced.
    conv.convert_file(src, src)
    assert src.read_text(encoding="utf-8") == dst.read_text(encoding="utf-8")
    assert sorted(os.listdir(tmp_path)) == ["in.txt", "out.txt"]  # no temporary file left


def test_a_failed_conversion_leaves_the_destination_alone(tmp_path):
    src, dst = tmp_path / "bad.txt", tmp_path / "out.txt"
    src.write_bytes("第一行\n第二行 ".encode() + b"\xff\xfe\n")
    dst.write_text("old", encoding="utf-8")
    with pytest.raises(bianyi.DecodeError) as info:
        bianyi.Converter("s2t").convert_file(src, dst)
    e = info.value
    assert (e.file, e.line, e.column, e.byte) == (str(src), 2, 5, len("第一行\n第二行 ".encode()))
    assert "invalid UTF-8 at line 2, column 5" in str(e)
    assert dst.read_text(encoding="utf-8") == "old"
    assert sorted(os.listdir(tmp_path)) == ["bad.txt", "out.txt"]


def test_file_errors_are_oserrors(tmp_path):
    with pytest.raises(bianyi.FileError) as info:
        bianyi.Converter("s2t").convert_file(tmp_path / "missing.txt", tmp_path / "out.txt")
    assert isinstance(info.value, OSError) and info.value.errno == 2
    assert info.value.file == str(tmp_path / "missing.txt")
    src = tmp_path / "in.txt"
    src.write_text("汉字", encoding="utf-8")
    with pytest.raises(bianyi.FileError):
        bianyi.Converter("s2t").convert_file(src, tmp_path / "no-such-dir" / "out.txt")


@pytest.mark.parametrize(
    "make,fragment",
    [
        (lambda: bianyi.Converter("s2tt"), "did you mean “s2t”"),
        (lambda: bianyi.Converter(to="zh-XX"), "unknown target"),
        (lambda: bianyi.Converter("s2t", to="zh-TW"), "not both"),
        (lambda: bianyi.convert("x", config="nope"), "unknown config"),
    ],
)
def test_config_errors(make, fragment):
    with pytest.raises(bianyi.ConfigError, match=fragment) as info:
        make()
    assert isinstance(info.value, ValueError) and isinstance(info.value, bianyi.Error)
    assert info.value.line is None and info.value.file is None


def test_wrong_types_are_type_errors():
    with pytest.raises(TypeError):
        bianyi.Converter("s2t").convert(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        bianyi.Converter("s2t").convert_many("not a list")  # type: ignore[arg-type]


def test_lone_surrogates_are_refused_not_a_panic():
    with pytest.raises(UnicodeEncodeError):
        bianyi.convert("\ud800")


def test_detect():
    d = bianyi.detect("这里的软件")
    assert d["script"] == "simplified"
    t = bianyi.detect("這裡的軟體和滑鼠")
    assert (t["script"], t["standard"]) == ("traditional", "taiwan")
    assert bianyi.detect("")["script"] == "empty"
    assert 0 <= t["confidence"] <= 1


def test_align_beads_cover_both_sides():
    zh = ["起初神创造天地。", "地是空虚混沌。", "渊面黑暗。", "神的灵运行在水面上。"]
    en = [
        "In the beginning God created the heaven and the earth.",
        "And the earth was without form, and void; and darkness was upon the face of the deep.",
        "And the Spirit of God moved upon the face of the waters.",
    ]
    beads = bianyi.align(zh, en)
    assert [i for b in beads for i in b.source] == list(range(len(zh)))
    assert [j for b in beads for j in b.target] == list(range(len(en)))
    assert beads[1].source == (1, 2) and beads[1].target == (1,)
    assert all(0 <= b.score <= 1 for b in beads)
    # A text and its conversion: sentences of the same length.
    same = bianyi.align(zh, [bianyi.convert(s) for s in zh], source_lang="zh-Hans", target_lang="zh-Hant")
    assert [(b.source, b.target) for b in same] == [((i,), (i,)) for i in range(4)]
