"""bianyi.opencc against the `opencc` package (OpenCC 1.4.2's binding):
the same output, on the repository's texts always, and on the benchmark
corpora of ../shared/data/bench when they are there."""

import pytest

from bianyi.opencc import CONFIGS, OpenCC
from conftest import REPO, bench_corpora, need

REPO_TEXTS = [
    REPO / "tests/fixtures/article.zh-Hant.txt",
    REPO / "tests/fixtures/article.t2s.zh-Hans.txt",
    REPO / "tests/fixtures/pair.zh-Hant.txt",
]


def test_same_configs_as_the_opencc_package():
    opencc = need("opencc")
    assert sorted(CONFIGS) == sorted(opencc.CONFIGS)


def test_names_with_and_without_json_and_paths():
    assert OpenCC("s2t").convert("汉字") == OpenCC("s2t.json").convert("汉字") == "漢字"
    assert OpenCC("/usr/share/opencc/s2twp.json").convert("软件") == "軟體"
    assert OpenCC().convert("漢字") == "汉字"  # t2s by default, as opencc
    cc = OpenCC("s2t")
    cc.set_conversion("s2twp")  # opencc-python-reimplemented's API
    assert (cc.conversion, cc.config) == ("s2twp", "s2twp.json")
    assert cc.convert("鼠标") == "滑鼠"


@pytest.mark.parametrize("config", ["s2t", "t2s", "s2twp", "tw2sp", "s2hk", "t2jp"])
def test_identical_to_opencc_on_the_repository_texts(config):
    opencc = need("opencc")
    theirs, ours = opencc.OpenCC(config + ".json"), OpenCC(config + ".json")
    for path in REPO_TEXTS:
        text = path.read_text(encoding="utf-8")
        assert ours.convert(text) == theirs.convert(text), f"{path.name} with {config}"


@pytest.mark.parametrize("config", ["t2s", "s2t", "s2twp", "tw2sp", "s2hk", "hk2s"])
def test_identical_to_opencc_on_the_benchmark_corpora(config):
    opencc = need("opencc")
    files = bench_corpora()
    theirs, ours = opencc.OpenCC(config + ".json"), OpenCC(config + ".json")
    for path in files:
        text = path.read_text(encoding="utf-8")
        want = theirs.convert(text)
        got = ours.convert(text)
        if got != want:
            first = next(i for i, (a, b) in enumerate(zip(got, want)) if a != b)
            pytest.fail(f"{path.name} [{config}] differs at character {first}: "
                        f"{got[first-10:first+10]!r} vs opencc {want[first-10:first+10]!r}")
