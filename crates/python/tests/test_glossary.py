"""Glossaries: loading, round trips through every format, applying them
while converting (the CLI's --terms modes), errors with their place."""

import pytest

import bianyi
from conftest import REPO

TOML = """\
[glossary]
source = "zh-Hant"
target = "en"

[[entry]]
id = "yann-lecun"
terms = [
  { lang = "zh-Hant", text = "顏樂存" },
  { lang = "zh-Hans", text = "杨立昆" },
  { lang = "en", text = "Yann LeCun" },
]

[[entry]]
id = "software"
terms = [
  { lang = "zh-Hant", text = "軟體" },
  { lang = "zh-Hans", text = "软件" },
  { lang = "en", text = "software" },
]
"""


def normal(g):
    """The entries, sorted, with their terms sorted (the canonical order)."""
    return sorted(
        (e["id"], sorted((t["lang"], t["text"], t["status"]) for t in e["terms"])) for e in g.entries()
    )


def test_toml_round_trip_is_canonical():
    g = bianyi.Glossary.parse(TOML)
    assert len(g) == 2
    assert (g.source_lang, g.target_lang) == ("zh-Hant", "en")
    again = bianyi.Glossary.parse(g.render())
    # The canonical TOML sorts entries and terms: same content, and a
    # fixed point from then on.
    assert normal(again) == normal(g)
    assert again.render() == g.render()
    assert bianyi.Glossary.parse(again.render()) == again


@pytest.mark.parametrize("fmt", ["tbx", "tsv", "csv"])
def test_round_trip_through_interchange_formats(fmt, tmp_path):
    g = bianyi.Glossary.parse(TOML)
    path = tmp_path / f"terms.{fmt}"
    if fmt == "tbx":
        g.save(path)
        back = bianyi.Glossary.load(path)
        assert normal(back) == normal(g)
    else:
        # Two columns: the source and target languages.
        g.save(path, source_lang="zh-Hant", target_lang="en")
        back = bianyi.Glossary.load(path, source_lang="zh-Hant", target_lang="en")
        pairs = lambda gl: sorted(
            tuple(t["text"] for t in e["terms"] if t["lang"] in ("zh-Hant", "en")) for e in gl.entries()
        )
        assert pairs(back) == pairs(g)
        assert back.render(fmt, source_lang="zh-Hant", target_lang="en") == path.read_text(encoding="utf-8")


def test_save_and_load_toml_file(tmp_path):
    g = bianyi.Glossary.parse(TOML)
    path = tmp_path / "g.toml"
    g.save(path)
    back = bianyi.Glossary.load(str(path))
    assert normal(back) == normal(g) and back.render() == g.render()
    assert path.read_text(encoding="utf-8") == g.render()


def test_the_repository_glossary_loads():
    g = bianyi.Glossary.load(REPO / "tests/fixtures/glossary.toml")
    assert len(g) > 0
    assert all("id" in e for e in g.entries())


@pytest.mark.parametrize(
    "terms,want",
    [
        ("replace", "杨立昆说，杨立昆的软件。"),
        ("annotate", "杨立昆（Yann LeCun）说，杨立昆的软件（software）。"),
        ("keep", "顏樂存说，顏樂存的軟體。")  # protected as written,
    ],
)
def test_terms_modes_as_the_cli(terms, want):
    g = bianyi.Glossary.parse(TOML)
    text = "顏樂存說，顏樂存的軟體。"
    assert bianyi.Converter(to="zh-Hans", glossary=g, terms=terms).convert(text) == want
    # The same, with the glossary given to one call.
    assert bianyi.Converter(to="zh-Hans").convert(text, glossary=g, terms=terms) == want


def test_term_lang_and_each_text_is_its_own_document():
    g = bianyi.Glossary.parse(TOML)
    conv = bianyi.Converter("t2s", glossary=g, terms="annotate")
    # First mention annotated in each text of a batch.
    assert conv.convert_many(["顏樂存說", "顏樂存說"]) == ["杨立昆（Yann LeCun）说"] * 2
    assert bianyi.Converter("t2s", glossary=g, term_lang="en").convert("顏樂存說") == "Yann LeCun说"


def test_glossary_applied_to_a_file(tmp_path):
    g = bianyi.Glossary.parse(TOML)
    src, dst = tmp_path / "in.txt", tmp_path / "out.txt"
    src.write_text("顏樂存說。\n顏樂存的軟體。\n" * 3, encoding="utf-8")
    bianyi.Converter(to="zh-Hans", glossary=g, terms="annotate").convert_file(src, dst)
    lines = dst.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "杨立昆（Yann LeCun）说。"
    assert lines[1:] == ["杨立昆的软件（software）。", "杨立昆说。", "杨立昆的软件。", "杨立昆说。", "杨立昆的软件。"]


OTHER = """\
[[entry]]
id = "software-mainland"
terms = [
  { lang = "zh-Hant", text = "軟體" },
  { lang = "zh-Hans", text = "软体" },
  { lang = "en", text = "software package" },
]

[[entry]]
id = "mouse"
terms = [
  { lang = "zh-Hant", text = "滑鼠" },
  { lang = "zh-Hans", text = "鼠标" },
  { lang = "en", text = "mouse" },
]
"""


def test_several_glossaries_stack_and_the_later_wins():
    first, second = bianyi.Glossary.parse(TOML), bianyi.Glossary.parse(OTHER)
    text = "顏樂存的軟體和滑鼠。"
    # Each alone.
    assert bianyi.Converter(to="zh-Hans", glossary=first).convert(text) == "杨立昆的软件和滑鼠。"
    assert bianyi.Converter(to="zh-Hans", glossary=[first]).convert(text) == "杨立昆的软件和滑鼠。"
    assert bianyi.Converter(to="zh-Hans", glossary=[second]).convert(text) == "颜乐存的软体和鼠标。"
    # Stacked: 軟體 is rendered by the later glossary, the rest by either;
    # the conflict is a warning, as the CLI's.
    with pytest.warns(UserWarning, match=r"軟體 is rendered 软件 by glossaries\[0\] and 软体 by glossaries\[1\]"):
        conv = bianyi.Converter(to="zh-Hans", glossary=[first, second], terms="annotate")
    assert conv.convert(text) == "杨立昆（Yann LeCun）的软体（software package）和鼠标（mouse）。"
    with pytest.warns(UserWarning):
        assert bianyi.Converter(to="zh-Hans").convert(text, glossary=(second, first)) == "杨立昆的软件和鼠标。"
    # The same as one glossary holding both files' entries in that order.
    merged = bianyi.Glossary.parse(TOML + "\n" + OTHER)
    with pytest.warns(UserWarning):
        assert bianyi.Converter(to="zh-Hans", glossary=[first, second]).convert(text) == bianyi.Converter(
            to="zh-Hans", glossary=merged
        ).convert(text)
    # An empty stack applies nothing; anything but glossaries is refused.
    assert bianyi.Converter(to="zh-Hans", glossary=[]).convert(text) == "颜乐存的软体和滑鼠。"
    with pytest.raises(TypeError):
        bianyi.Converter(to="zh-Hans", glossary=[first, "second.toml"])


def test_a_stack_on_files_and_in_batches(tmp_path):
    stack = [bianyi.Glossary.parse(OTHER), bianyi.Glossary.parse(TOML)]
    with pytest.warns(UserWarning):
        conv = bianyi.Converter("t2s", glossary=stack)
    assert conv.convert_many(["軟體", "顏樂存"]) == ["软件", "杨立昆"]
    src, dst = tmp_path / "in.txt", tmp_path / "out.txt"
    src.write_text("滑鼠和軟體\n", encoding="utf-8")
    conv.convert_file(src, dst)
    assert dst.read_text(encoding="utf-8") == "鼠标和软件\n"


def test_errors_carry_file_line_column_and_byte(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text('[[entry]]\nid = "a"\nterms = [{ lang = "zh-Hant", text = "甲" }]\n\n[[entry]]\nid = 3\n',
                    encoding="utf-8")
    with pytest.raises(bianyi.GlossaryError) as info:
        bianyi.Glossary.load(path)
    e = info.value
    assert (e.file, e.line, e.column) == (str(path), 6, 6)
    assert e.byte == path.read_bytes().index(b"3\n")
    assert str(path) in str(e) and isinstance(e, ValueError)


@pytest.mark.parametrize(
    "call,fragment",
    [
        (lambda: bianyi.Glossary.parse("x = [", "toml"), "invalid toml"),
        (lambda: bianyi.Glossary.parse(TOML, "yaml"), "unknown glossary format"),
        (lambda: bianyi.Glossary.parse("a\tb\n", "tsv", source_lang="zh-Hant"), "both source_lang"),
        (lambda: bianyi.Glossary.parse("a\tb\n", "tsv", source_lang="zh-Hant", target_lang="??"), "invalid language tag"),
        (lambda: bianyi.Glossary.parse('[[entry]]\nid = "a"\n[[entry]]\nid = "a"\n'), "duplicate entry id"),
        (lambda: bianyi.Glossary.parse('<!DOCTYPE x [<!ENTITY e "x">]><martif/>', "tbx"), "refused"),
        (lambda: bianyi.Converter(to="zh-Hans", glossary=bianyi.Glossary.parse(TOML), terms="bold"), "unknown terms mode"),
    ],
)
def test_glossary_errors(call, fragment):
    with pytest.raises(bianyi.GlossaryError, match=fragment):
        call()


def test_missing_glossary_file_is_a_file_error(tmp_path):
    with pytest.raises(bianyi.FileError) as info:
        bianyi.Glossary.load(tmp_path / "none.toml")
    assert isinstance(info.value, OSError) and info.value.errno == 2
    assert info.value.file == str(tmp_path / "none.toml")
