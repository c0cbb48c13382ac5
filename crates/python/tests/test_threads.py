"""Thread safety: convert_many on several threads, and many Python
threads sharing one Converter (the GIL released on long texts)."""

import concurrent.futures
import random

import bianyi
from conftest import REPO


def texts(n: int, seed: int = 7) -> list:
    article = (REPO / "tests/fixtures/article.zh-Hant.txt").read_text(encoding="utf-8")
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        a = rng.randrange(len(article))
        out.append(article[a : a + rng.randrange(0, 3000)])
    return out


def test_convert_many_equals_one_by_one_whatever_the_threads():
    items = texts(400) + ["", "頭髮"]
    for config in ("t2s", "tw2sp"):
        conv = bianyi.Converter(config)
        want = [conv.convert(t) for t in items]
        for threads in (1, 2, 3, 8):
            assert conv.convert_many(items, threads=threads) == want
    target = bianyi.Converter(to="zh-Hans")
    assert target.convert_many(items, threads=4) == [target.convert(t) for t in items]
    assert bianyi.Converter("t2s").convert_many([]) == []


def test_a_large_text_converts_the_same_on_any_threads():
    # 512 KiB and more (here 1 MiB): converted in pieces on the converter's threads (the
    # default), cut where the conversion cannot change.
    big = "".join(texts(900, seed=11)) + "頭髮"
    assert len(big.encode()) >= 1 << 20
    for config in ("t2s", "s2twp", "tw2sp"):
        one = bianyi.Converter(config, threads=1).convert(big)
        assert one == "".join(bianyi.Converter(config, threads=1).convert_many([big]))
        for threads in (2, 3, 8):
            assert bianyi.Converter(config, threads=threads).convert(big) == one, (config, threads)


def test_many_python_threads_share_one_converter():
    conv = bianyi.Converter(to="zh-Hans", threads=2)
    items = texts(64, seed=3)
    items = [t * 3 for t in items]  # long enough to release the GIL
    want = [conv.convert(t) for t in items]
    jobs = [(i % len(items)) for i in range(512)]

    def work(i):
        if i % 3 == 0:
            return conv.convert_many([items[i], items[-1 - i]])
        return [conv.convert(items[i])]

    with concurrent.futures.ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(work, jobs))
    for i, got in zip(jobs, results):
        expected = [want[i], want[-1 - i]] if i % 3 == 0 else [want[i]]
        assert got == expected
