"""Long texts: without glossary, a str of 87,381 characters or more is
encoded in parts cut at safe cuts into buffers the converter keeps between
calls (as characters CPython copies for the configs of one pass, which
convert characters themselves; as UTF-8 for the others), and converted into code points, on the converter's threads from
174,762 characters (about 512 KiB of Chinese) while the next parts are
encoded; through a glossary, a str of 256K characters or more is read in
pieces of 16K into the kept buffers, and a text of 512 KiB or more
converts on the converter's threads. None of these may change a character
of the result, whatever the threads, however CPython stores the str (1, 2
or 4 bytes a character), and whichever thread holds the buffers."""

import concurrent.futures
import random

import pytest

import bianyi
from conftest import REPO

ARTICLE = (REPO / "tests/fixtures/article.zh-Hant.txt").read_text(encoding="utf-8")

#: One character of each UTF-8 width and CPython storage kind, and the
#: edges: NUL, DEL, U+0080, Latin-1, U+07FF/U+0800, the last BMP
#: characters around the surrogates, U+FEFF, U+FFFF, astral ideographs
#: (U+20000, U+2B608), an emoji, the last code point.
EDGES = "\x00\x7f\x80é\xff\u07ff\u0800\ud7ff\ue000\ufeff\uffff\U00020000\U0002b608😀\U0010ffff"


#: A glossary without terms: a call given it takes the UTF-8 way through
#: the glossary's hook (the engine's general path, no character read as
#: such, UTF-8 out), the oracle of every other way.
NO_TERMS = bianyi.Glossary.parse("", "toml")


def oracle(conv, text):
    return conv.convert(text, glossary=NO_TERMS)


def mixed(n: int, seed: int) -> str:
    rng = random.Random(seed)
    out = []
    while sum(map(len, out)) < n:
        a = rng.randrange(len(ARTICLE))
        out.append(ARTICLE[a : a + rng.randrange(1, 200)])
        out.append("".join(rng.choice(EDGES) for _ in range(rng.randrange(0, 4))))
        if rng.random() < 0.3:
            out.append("\n")
    return "".join(out)[:n]


# Around the thresholds: code points from 87,381 characters, in parts on
# several threads from 174,762; 16K-character pieces from 262,144
# characters, and several threads from 524,288 bytes.
@pytest.mark.parametrize(
    "chars", [0, 1, 5000, 87_380, 87_381, 174_761, 174_762, 174_763, 262_143, 262_144, 262_145, 300_000]
)
def test_every_length_and_kind_matches_one_whole_encoding(chars):
    for seed in range(2):
        text = mixed(chars, seed)
        for conv in (
            bianyi.Converter("t2s", threads=1),
            bianyi.Converter("s2twp", threads=2),
            bianyi.Converter("tw2sp", threads=3),
            bianyi.Converter(to="zh-Hans", threads=2),
            bianyi.Converter("t2s", corner_quotes=True, threads=2),
        ):
            got = conv.convert(text)
            assert type(got) is str
            assert got == oracle(conv, text), (chars, seed, conv)
            # Again: the kept buffers hold the last call's text.
            assert conv.convert(text[: len(text) // 2]) == oracle(conv, text[: len(text) // 2])


def test_pieces_never_split_a_character():
    # A 4-byte character on every piece boundary, and pure Chinese texts
    # around the thresholds, starting with each storage kind.
    conv = bianyi.Converter("t2s", threads=2)
    text = ("漢" * 16_383 + "\U00020000") * 17
    assert conv.convert(text) == ("汉" * 16_383 + "\U00020000") * 17
    for n in (174_762, 174_763, 262_143, 262_144, 262_145, 278_528):
        for lead in ("", "\ufeff", "\U00020000", "a", "é"):
            for threads in (1, 2, 3):
                got = bianyi.Converter("t2s", threads=threads).convert(lead + "漢" * n)
                assert got == lead + "汉" * n, (n, lead, threads)


def test_the_same_whatever_the_threads():
    text = mixed(400_000, 9) + "頭髮"
    for config in ("t2s", "s2t", "s2twp"):
        one = bianyi.Converter(config, threads=1).convert(text)
        assert one == oracle(bianyi.Converter(config), text)
        for threads in (2, 3, 4, 8):
            assert bianyi.Converter(config, threads=threads).convert(text) == one, (config, threads)


def test_characters_without_a_conversion_come_back_unchanged():
    for text in (
        EDGES * 5000,
        "\ufeff" + "abc" * 30_000,
        "plain ASCII text\n" * 10_000,
        "é" * 70_000,
        "\U00020000" * 70_000,
        "a" * 70_000 + "\U0010ffff",
    ):
        for threads in (1, 2):
            assert bianyi.Converter("t2s", threads=threads).convert(text) == text


@pytest.mark.parametrize("threads", [2, 3, 5])
def test_parts_without_line_feeds(threads):
    # No line feed to cut after: the parts are cut after a character no
    # key contains, or where every dictionary agrees, or not at all (the
    # rest goes to the next part). Runs of characters that all occur in
    # keys make long stretches without any cut.
    rng = random.Random(threads)
    keyed = "發頭髮乾隆皇帝乾燥麵條里程裡面後來"
    plain = "漢字　，。abc"
    out = []
    while len(out) < 400_000:
        pool = keyed if rng.random() < 0.7 else plain
        out.extend(rng.choice(pool) for _ in range(rng.randrange(1, 3_000)))
    text = "".join(out[:400_000])
    for config in ("t2s", "s2twp", "tw2sp", "t2hk"):
        conv = bianyi.Converter(config, threads=threads)
        want = oracle(conv, text)
        assert conv.convert(text) == want, config
        # The kept buffers again, with a shorter text.
        assert conv.convert(text[:200_001]) == oracle(conv, text[:200_001]), config


@pytest.mark.parametrize("threads", [2, 3, 5])
def test_parts_with_long_stretches_without_any_cut(threads):
    # Ideographic description operators alone never give a safe cut: whole
    # ranges are read into the part before, which is cut later (or is the
    # last), and searched again only once it has doubled.
    ops = "⿰⿲⿻"
    texts = [
        ops * 70_000 + "\n" + "頭髮乾燥" * 30_000,
        "頭髮乾燥\n" * 20_000 + ops * 50_000 + "後來" * 40_000,
        "頭髮" * 50_000 + ops * 90_000,
    ]
    for text in texts:
        for config in ("t2s", "s2twp", "tw2sp"):
            conv = bianyi.Converter(config, threads=threads)
            assert conv.convert(text) == oracle(conv, text), (config, len(text))


@pytest.mark.parametrize("threads", [1, 2, 3])
def test_configs_of_one_pass_read_characters(threads):
    # The configs without segmentation read a long str as its characters and
    # convert its characters themselves: ideographic description
    # sequences (one across a boundary of the 16K-character pieces, one
    # whose outer operator's operands convert if it is missed), astral
    # characters and edges, with and without line feeds; one compatibility
    # ideograph late in the text (its part goes through UTF-8, normalised;
    # with several threads the parts before it read characters).
    rng = random.Random(threads)
    pool = ["頭髮", "⿰氵尔", "⿱艹⿰日月", "⿰", "⿲⿰發发發后", "𪠵", "乾隆", "發", "後來", "\U00020000", "著", "为", "臺"]
    for newline in (0.02, 0):
        out = []
        while len(out) < 150_000:
            out.append(rng.choice(pool) if rng.random() < 0.6 else rng.choice(EDGES))
            if rng.random() < newline:
                out.append("\n")
            if rng.random() < 0.01:
                a = rng.randrange(len(ARTICLE))
                out.append(ARTICLE[a : a + 300])
        text = "".join(out)
        assert len(text) > 174_762
        text = text[:16_383] + "⿰氵⿱艹尔" + text[16_383:]
        text = text[:-1000] + "\U0002f800" + text[-1000:]
        for config in ("t2s", "s2t", "t2tw", "tw2t", "t2hk", "hk2t", "t2jp", "jp2t"):
            conv = bianyi.Converter(config, threads=threads)
            assert conv.convert(text) == oracle(conv, text), (config, newline)


def test_corner_quotes_and_targets_in_parts():
    # Conversions with no safe cuts (a target's reads the whole document,
    # corner quotes pair across it): one part, on one thread.
    text = ("「頭髮」他說：『乾燥』。\n" + ARTICLE) * 60
    assert len(text) > 174_762
    for conv in (
        bianyi.Converter("t2s", corner_quotes=True, threads=3),
        bianyi.Converter(to="zh-CN", threads=3),
        bianyi.Converter(to="zh-TW", threads=2),
    ):
        assert conv.convert(text) == oracle(conv, text)


@pytest.mark.parametrize("threads", [1, 3])
def test_lone_surrogates_raise_the_error_of_the_whole_text(threads):
    # With three threads, a surrogate in the middle fails a range after
    # parts are queued to the other threads.
    conv = bianyi.Converter("s2t", threads=threads)
    middle = "汉字\n" * 100_000 + "\udfff" + "汉字" * 100_000
    for text in ("\ud800", "汉字" * 140_000 + "\udfff", "\udc00" + "汉字" * 140_000, "a" * 300_000 + "\ud800" + "b", middle):
        with pytest.raises(UnicodeEncodeError) as info:
            conv.convert(text)
        with pytest.raises(UnicodeEncodeError) as whole:
            text.encode()
        # The same position (in the whole text, not in a piece).
        assert (info.value.start, info.value.end) == (whole.value.start, whole.value.end)
    # The converter still works after a refused text.
    assert conv.convert("汉字" * 140_000) == "漢字" * 140_000


def test_a_subclass_of_str_is_read_as_its_characters():
    class Odd(str):
        def __getitem__(self, key):  # must not be used by bianyi
            return "A"

        def encode(self, *args, **kwargs):  # nor this
            return b"A"

    text = "漢字頭髮\n" * 60_000
    conv = bianyi.Converter("t2s")
    assert conv.convert(Odd(text)) == conv.convert(text) == "汉字头发\n" * 60_000


def test_glossaries_on_long_texts():
    g = bianyi.Glossary.load(REPO / "tests/fixtures/glossary.toml")
    text = (ARTICLE + "\n") * (262_144 // len(ARTICLE) + 1)
    assert len(text) >= 262_144
    for terms in ("replace", "annotate"):
        conv = bianyi.Converter(to="zh-Hans", glossary=g, terms=terms, threads=2)
        # convert_many with the converter's glossary: each text whole, as UTF-8.
        assert conv.convert(text) == conv.convert_many([text], threads=1)[0]
        plain = bianyi.Converter(to="zh-Hans", threads=2)
        assert plain.convert(text, glossary=g, terms=terms) == conv.convert(text)


def test_python_threads_share_one_converter_on_long_texts():
    # One converter, its kept buffers taken by whichever call comes first;
    # the others read into buffers of their own.
    conv = bianyi.Converter("t2s", threads=2)
    items = [mixed(262_144 + 997 * i, 100 + i) for i in range(8)]
    want = [oracle(conv, t) for t in items]
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(lambda i: conv.convert(items[i % 8]), range(64)))
    for i, g in enumerate(got):
        assert g == want[i % 8], i
