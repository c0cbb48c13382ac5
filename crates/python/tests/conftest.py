"""Shared helpers of the Python tests.

Tests that need an optional package (pyarrow, the `opencc` package,
pyspark, ray, dask) are skipped when it is missing, and fail instead under
CI=true (.ci/run installs them all). Tests that read the benchmark corpora
of ../shared/data/bench skip, saying so, when it is not there, in CI too:
that data is never required.
"""

from __future__ import annotations

import importlib
import os
import pathlib
import re

import pytest

#: The repository's root.
REPO = pathlib.Path(__file__).resolve().parents[3]
#: The benchmark corpora, when ../shared is beside the repository.
BENCH = REPO.parent / "shared" / "data" / "bench"
IN_CI = os.environ.get("CI") == "true"


def need(module: str):
    """The module, or a skip (a failure under CI=true) saying it is missing."""
    try:
        return importlib.import_module(module)
    except ImportError as e:
        if IN_CI:
            pytest.fail(f"{module} is not installed, and CI=true requires it: {e}")
        pytest.skip(f"{module} is not installed")


def bench_corpora() -> list[pathlib.Path]:
    """The benchmark corpora, or a skip saying where they were looked for."""
    files = sorted(BENCH.glob("*.txt")) if BENCH.is_dir() else []
    if not files:
        pytest.skip(f"no benchmark corpora at {BENCH} (../shared/data/bench is optional)")
    return files


def strip_trailing_commas(text: str) -> str:
    """OpenCC's testcases.json has trailing commas, which json refuses: drop
    the commas followed by ] or } outside strings (as the Rust tests do)."""
    out, in_string, escaped = [], False, False
    for i, c in enumerate(text):
        if in_string:
            out.append(c)
            if escaped:
                escaped = False
            elif c == "\\":
                escaped = True
            elif c == '"':
                in_string = False
            continue
        if c == '"':
            in_string = True
        elif c == "," and re.match(r"\s*[\]}]", text[i + 1 :]):
            continue
        out.append(c)
    return "".join(out)
