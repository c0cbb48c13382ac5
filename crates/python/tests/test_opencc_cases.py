"""OpenCC 1.4.2's own compatibility suite (556 input/expected pairs, the
file the Rust tests read) through the Python API: the drop-in and
Converter."""

import json

import pytest

import bianyi
from bianyi.opencc import OpenCC
from conftest import REPO, strip_trailing_commas

CASES_FILE = REPO / "crates/convert/data/opencc/test_data/testcases.json"


def pairs():
    doc = json.loads(strip_trailing_commas(CASES_FILE.read_text(encoding="utf-8")))
    return [
        (case["id"], config, case["input"], want)
        for case in doc["cases"]
        for config, want in case["expected"].items()
    ]


PAIRS = pairs()


def test_the_suite_has_556_pairs_over_every_config():
    assert len(PAIRS) == 556
    assert {config for _, config, _, _ in PAIRS} <= set(bianyi.configs())


@pytest.mark.parametrize("case_id,config,text,want", PAIRS, ids=[f"{p[0]}-{p[1]}" for p in PAIRS])
def test_case_through_the_drop_in(case_id, config, text, want):
    # The opencc package uses the tofu-risk dictionaries by default, as
    # OpenCC's test harness does.
    assert OpenCC(config + ".json").convert(text) == want


def test_every_case_through_converter_and_convert_many():
    by_config = {}
    for _, config, text, want in PAIRS:
        by_config.setdefault(config, []).append((text, want))
    failures = []
    for config, cases in sorted(by_config.items()):
        conv = bianyi.Converter(config, tofu_risk=True)
        texts = [t for t, _ in cases]
        wants = [w for _, w in cases]
        singles = [conv.convert(t) for t in texts]
        many = conv.convert_many(texts, threads=2)
        for text, want, one, batch in zip(texts, wants, singles, many):
            if one != want or batch != want:
                failures.append(f"[{config}] {text!r}: want {want!r}, convert {one!r}, convert_many {batch!r}")
    assert not failures, "\n".join(failures)
