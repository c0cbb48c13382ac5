"""The cluster examples of examples/python/, run for real in local mode
(Spark local[2], a local Ray instance, Dask's process scheduler) on a
small file; each must print the lines bianyi converts."""

import subprocess
import sys

import pytest

import bianyi
from conftest import REPO, need

EXAMPLES = REPO / "examples" / "python"
LINES = ["漢字轉換。", "頭髮發展，軟體和滑鼠。", "乾隆皇帝"]


@pytest.mark.parametrize(
    "script,modules,ordered",
    [
        ("spark_convert.py", ["pyspark", "pyarrow"], True),
        ("ray_convert.py", ["ray", "pyarrow"], False),
        ("dask_convert.py", ["dask.dataframe", "pandas"], True),
    ],
)
def test_example_runs_in_local_mode(script, modules, ordered, tmp_path):
    for module in modules:
        need(module)
    src = tmp_path / "input.txt"
    src.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / script), str(src), "--config", "t2s"],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    printed = done.stdout.splitlines()
    want = [bianyi.convert(line, "t2s") for line in LINES]
    assert want == ["汉字转换。", "头发发展，软体和滑鼠。", "乾隆皇帝"]
    if ordered:
        assert printed == want, done.stderr[-2000:]
    else:
        assert sorted(printed) == sorted(want), done.stderr[-2000:]
