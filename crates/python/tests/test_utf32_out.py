"""Long results come back through UTF-32, two ways:

- without glossary, a text of 87,381 characters or more (about 256 KiB of
  Chinese) is converted into code points by the engine itself, in parts
  cut at safe cuts (several parts a thread on several threads), and
  CPython builds the str from them;
- through a glossary, a result of 256 KiB of UTF-8 or more is transcoded
  by bianyi into UTF-32LE, 30 KiB of UTF-8 at a time, four 3-byte
  sequences at once where it can, and CPython decodes and joins the
  pieces.

No character may be dropped, doubled or changed at a threshold, at a piece
or part boundary or at the edge of a group of four, whatever CPython's
storage kind of the result (1, 2 or 4 bytes a character). Every check here
runs both ways: the glossary below matches none of these texts, so both
give the plain conversion."""

import random
import sys

import pytest

import bianyi
from conftest import REPO

#: The size of the UTF-8 result from which it comes back through UTF-32,
#: and the UTF-8 bytes of one piece (crates/python/src/lib.rs).
THRESHOLD = 256 * 1024
PIECE = 30 * 1024
#: The characters from which a text without glossary converts into code
#: points, and from which it converts on several threads.
WIDE_CHARS = THRESHOLD // 3
SPLIT_CHARS = 512 * 1024 // 3

GLOSSARY = bianyi.Glossary.load(REPO / "tests/fixtures/glossary.toml")

#: Characters t2s leaves as they are, of each UTF-8 width: 1 byte, 2 bytes
#: (Latin-1 and beyond), 3 bytes (Simplified ideographs, punctuation, the
#: last BMP characters), 4 bytes (astral ideographs, an emoji, the last
#: code point).
WIDTHS = {
    1: "a\n\x00\x7f",
    2: "\x80é\xff\u07ff",
    3: "\u0800汉字，\ud7ff\ue000\ufeff\uffff",
    4: "\U00020000\U0002b608😀\U0010ffff",
}


#: A glossary without terms: a call given it takes the UTF-8 way through
#: the glossary's hook (the engine's general path, no character read as
#: such, UTF-8 out), the oracle of every other way.
NO_TERMS = bianyi.Glossary.parse("", "toml")


def oracle(conv, text):
    return conv.convert(text, glossary=NO_TERMS)


def same(conv, text, expected=None):
    want = oracle(conv, text) if expected is None else expected
    for way, got in (("code points", conv.convert(text)), ("glossary", conv.convert(text, glossary=GLOSSARY))):
        assert type(got) is str
        if got != want:
            at = next((i for i, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
            raise AssertionError(
                f"{way}, {len(text)} characters: result differs at {at} (lengths {len(got)} and {len(want)}): "
                f"{got[max(0, at - 3):at + 3]!r} vs {want[max(0, at - 3):at + 3]!r}"
            )


@pytest.mark.parametrize("size", [THRESHOLD - 1, THRESHOLD, THRESHOLD + 1, 9 * PIECE - 1, 9 * PIECE, 9 * PIECE + 1])
@pytest.mark.parametrize("width", [1, 2, 3, 4])
def test_results_around_the_threshold_and_the_pieces(size, width):
    conv = bianyi.Converter("t2s", threads=1)
    # A result of `size` bytes or just over: the last character may straddle
    # the threshold or a piece boundary.
    c = WIDTHS[width][-1]
    for pad in range(4):
        text = "a" * pad + c * ((size - pad) // width + 1)
        same(conv, text, expected=text)


@pytest.mark.parametrize("width", [2, 3, 4])
def test_a_character_straddling_each_piece_boundary(width):
    conv = bianyi.Converter("t2s", threads=2)
    c = WIDTHS[width][0]
    for boundary in (PIECE, 2 * PIECE, 9 * PIECE):
        for shift in range(width + 1):
            # `c` starts `shift` bytes before the boundary (and the result
            # is long enough to come back through UTF-32).
            text = "b" * (boundary - shift) + c + "漢字" * 10 + "c" * THRESHOLD
            expected = "b" * (boundary - shift) + c + "汉字" * 10 + "c" * THRESHOLD
            same(conv, text, expected=expected)


def test_runs_of_3_byte_characters_of_every_length_and_alignment():
    # Groups of four 3-byte sequences: runs of every length from 0 to 13
    # after 0 to 3 other characters, so that each group edge meets an ASCII,
    # a 2-byte and a 4-byte character at every position.
    conv = bianyi.Converter("t2s", threads=1)
    parts = []
    for lead in range(4):
        for run in range(14):
            for other in ("x", "é", "\U00020000"):
                parts.append(other * lead + "汉" * run + "體" * (run % 3) + other)
    text = "".join(parts)
    text *= THRESHOLD // len(text.encode()) + 1
    assert len(text.encode()) > THRESHOLD
    same(conv, text)
    assert conv.convert(text).count("体") == text.count("體")


@pytest.mark.parametrize("seed", range(6))
def test_random_widths_match_the_utf8_path(seed):
    rng = random.Random(seed)
    every = "".join(WIDTHS.values()) + "體驗們說"
    for n in (1_500, 150_000):
        # Runs of one width, then single characters of any width.
        out = []
        while len(out) < n:
            if rng.random() < 0.5:
                out.extend(rng.choice(WIDTHS[rng.choice([1, 3, 3, 3])]) * rng.randrange(1, 30))
            else:
                out.append(rng.choice(every))
        text = "".join(out[:n])
        for conv in (bianyi.Converter("t2s", threads=1), bianyi.Converter("s2twp", threads=2)):
            same(conv, text)


@pytest.mark.parametrize(
    "text",
    [
        "ascii only " * 30_000,  # a 1-byte-a-character str
        "Latin-1 é\xff " * 30_000,
        "漢字，" * 30_000,  # 2 bytes a character
        "漢字\U00020000" * 30_000,  # 4 bytes a character
        "x" * 300_000 + "\U0010ffff",  # an astral character in the last piece only
        "\U0010ffff" + "x" * 300_000,
    ],
)
def test_every_storage_kind_of_result(text):
    conv = bianyi.Converter("t2s")
    for got in (conv.convert(text), conv.convert(text, glossary=GLOSSARY)):
        assert got == oracle(conv, text)
        # CPython picks the narrowest kind; equality above already compares
        # characters, and the sizes tell the kinds apart.
        assert sys.getsizeof(got) == sys.getsizeof(oracle(conv, text))


@pytest.mark.parametrize("n", [1, 2, 3, 339, 340, 5_000, 32_767, 32_768, 40_000])
@pytest.mark.parametrize("config", ["t2s", "s2twp"])
def test_shorter_texts_either_way_by_their_bytes_per_character(n, config):
    # Below WIDE_CHARS, a text without glossary of two UTF-8 bytes a
    # character or more comes back as code points, under two through
    # UTF-8; from 32,768 characters the code points go into a kept buffer.
    # Both ways, at and around the ratio, in every width and storage kind.
    # s2twp (segmented) reads UTF-8 at every length; t2s reads characters
    # (the next test).
    conv = bianyi.Converter(config, threads=1)
    texts = [
        ("體a" * n)[:n],  # 2 bytes a character: code points
        ("體ab" * n)[:n],  # 1.67: UTF-8
        ("體ab" * n)[: max(1, n - 1)] + "體",  # around the ratio
        "é" * n,  # 2 bytes, a Latin-1 str: code points
        ("\U00020000ab" * n)[:n],  # astral characters: a UCS-4 str
        ("汉體\n" * n)[:n],
        "a" * n,
    ]
    for text in texts:
        assert conv.convert(text) == oracle(conv, text), (n, text[:6])
    # A longer text, then a shorter one: the kept code points are cleared.
    for text in (("體" * 50_000), ("头" * 33_000), ("體" * 40_000)):
        assert conv.convert(text) == oracle(conv, text)


@pytest.mark.parametrize("n", [1, 2, 127, 128, 129, 340, 2_049, 32_767, 32_768, 40_000, WIDE_CHARS - 1])
@pytest.mark.parametrize("config", ["t2s", "s2t", "t2jp", "hk2t"])
def test_shorter_texts_read_as_characters(n, config):
    # Below WIDE_CHARS, a config of one pass has CPython copy the text's
    # characters (into kept buffers) and, when they make two UTF-8 bytes a
    # character or more, converts them; under two bytes a character the
    # text takes the UTF-8 way. A text of more than 128 characters whose
    # first 128 make under 1.5 bytes a character takes the UTF-8 way
    # without the copy. At and around both ratios and the sample's length,
    # in every width and storage kind, with sequences, compatibility
    # ideographs, and longer and shorter texts before and after (the kept
    # buffers are cleared).
    conv = bianyi.Converter(config, threads=1)
    texts = [
        ("體a" * n)[:n],  # 2 bytes a character: characters
        ("體ab" * n)[:n],  # 1.67: UTF-8
        ("體ab" * n)[: max(1, n - 1)] + "體",  # around the ratio
        ("a" * 64 + "發" * n)[:n],  # the sample at 2 bytes a character: passes
        ("a" * 100 + "發" * n)[:n],  # the sample at 1.44: UTF-8 at once
        ("發" * 128 + "a" * n)[:n],  # a Chinese start, ASCII after
        ("头髮發后" * n)[:n],
        ("⿰氵尔發\U00020000é\n" * n)[:n],  # IDS, astral: a UCS-4 str
        ("發\uf900后" * n)[:n],  # compatibility ideographs: normalised
        ("a" * (n - 1)) + "發",
        "é" * n,  # a Latin-1 str of two bytes a character
        "a" * n,  # ASCII
    ]
    for text in texts:
        assert conv.convert(text) == oracle(conv, text), (config, n, text[:6])
    for text in (("體" * 50_000), ("头" * 33_000), ("體" * 40_000), "發" * n, "體" * 3, "體" * 2_050):
        assert conv.convert(text) == oracle(conv, text)


@pytest.mark.parametrize("threads", [1, 2, 4])
@pytest.mark.parametrize("config", ["t2s", "s2t", "t2jp", "s2twp"])
def test_convert_many_reads_characters_of_mostly_chinese_batches(threads, config):
    # A batch without glossary of a config of one pass whose texts make two
    # UTF-8 bytes a character or more in all is copied as characters and
    # converted from them, in groups on the threads; other batches (and
    # s2twp's) take the UTF-8 way. Either way each text is its own
    # document, and the results are those of the oracle, in order.
    class Sub(str):
        pass

    rng = random.Random(threads)
    pool = ["頭髮", "乾隆", "⿰氵尔", "發\uf900", "\U00020000", "😀", "é", "a", "\n", "后來", "著"]
    chinese = ["".join(rng.choice(pool) for _ in range(rng.randrange(0, 400))) for _ in range(300)]
    chinese += ["", Sub("頭髮後來"), "體" * 70_000]
    ascii_heavy = ["abc " * rng.randrange(1, 200) + rng.choice(pool) for _ in range(300)]
    conv = bianyi.Converter(config, threads=threads)
    for batch in (chinese, ascii_heavy, chinese + ascii_heavy, [], [""]):
        got = conv.convert_many(batch)
        assert got == [oracle(conv, str(t)) for t in batch]
        assert all(type(g) is str for g in got)
    with pytest.raises(UnicodeEncodeError):
        conv.convert_many(["頭髮" * 10, "發\ud800", "後"])


@pytest.mark.parametrize("n", [0, 3, 200, 2_100, 40_000])
def test_shorter_texts_with_a_lone_surrogate_raise_the_utf8_error(n):
    # CPython copies a lone surrogate, which is no character: the text
    # takes the UTF-8 way, which raises the encoder's error at its place.
    conv = bianyi.Converter("t2s", threads=1)
    for text in ("發" * n + "\ud800", "\udfff" + "發" * n, "發" * (n // 2) + "\udc00" + "發" * (n // 2)):
        with pytest.raises(UnicodeEncodeError) as info:
            conv.convert(text)
        with pytest.raises(UnicodeEncodeError) as whole:
            text.encode()
        assert (info.value.start, info.value.end) == (whole.value.start, whole.value.end)
        assert info.value.encoding == "utf-8"
    assert conv.convert("發" * n) == "发" * n


@pytest.mark.parametrize("chars", [WIDE_CHARS - 1, WIDE_CHARS, WIDE_CHARS + 1, SPLIT_CHARS - 1, SPLIT_CHARS, SPLIT_CHARS + 1])
@pytest.mark.parametrize("width", [1, 2, 3, 4])
def test_code_points_around_their_thresholds(chars, width):
    # Every width of character, with characters that convert, at the
    # number of characters from which the engine writes code points and
    # from which it does so in parts on several threads.
    c = WIDTHS[width]
    text = ("體" + c) * (chars // (len(c) + 1)) + "體" * (chars % (len(c) + 1))
    assert len(text) == chars
    want = ("体" + c) * (chars // (len(c) + 1)) + "体" * (chars % (len(c) + 1))
    for threads in (1, 2, 3):
        same(bianyi.Converter("t2s", threads=threads), text, expected=want)


def test_empty_and_short_results_take_the_utf8_path_unchanged():
    conv = bianyi.Converter("t2s")
    assert conv.convert("") == ""
    assert conv.convert("漢") == "汉"
    n = THRESHOLD // 3
    assert conv.convert("漢" * n) == "汉" * n  # just under the threshold
    assert conv.convert("漢" * (n + 1)) == "汉" * (n + 1)  # just over


@pytest.mark.parametrize("threads", [2, 3, 4])
def test_long_results_written_on_several_threads(threads):
    # 300,000 characters whose result passes 512 KiB: converted in parts
    # on `threads` threads into code points (without glossary), or
    # transcoded piece by piece (through one).
    rng = random.Random(threads)
    every = "".join(WIDTHS.values()) + "體驗們說"
    out = []
    while len(out) < 300_000:
        out.extend(rng.choice(every) * rng.randrange(1, 40))
    text = "".join(out[:300_000])
    assert len(text.encode()) >= 512 * 1024
    conv = bianyi.Converter("t2s", threads=threads)
    for _ in range(2):  # the second call reuses the kept buffers
        same(conv, text)
    # A shorter text after a longer one: the kept buffer is longer than the
    # result, and only its start may be read.
    same(conv, text[:280_000])
