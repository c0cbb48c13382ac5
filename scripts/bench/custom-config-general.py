#!/usr/bin/env python3
"""A loaded config of a shape OpenCC does not ship, beside a built-in one (issue 26).

Usage: scripts/bench/custom-config-general.py BIANYI FILES [RUNS]
  BIANYI  the binary (a release build)
  FILES   comma-separated inputs
  RUNS    runs of each case per file (default 7)

Writes s2tw.json without its segmentation (two stages, no segmentation: the segmented
plan over an empty segmentation dictionary; not s2tw's results) next to OpenCC's
dictionaries in a temporary folder, compiles it into a temporary cache, then times, run by
run in turn, the CPU time (user + system) of `convert -j 1 FILE -o /dev/null` with
`-c s2tw` (built-in) and with that file (cached), and prints the medians and their ratio.
"""
import importlib.util
import json
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile

# The timing of one run, shared with custom-config.py.
_spec = importlib.util.spec_from_file_location(
    "custom_config", pathlib.Path(__file__).with_name("custom-config.py")
)
_custom = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_custom)
cpu = _custom.cpu


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    binary, files = sys.argv[1], sys.argv[2].split(",")
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 7
    data = pathlib.Path(__file__).resolve().parents[2] / "crates/convert/data/opencc"
    with tempfile.TemporaryDirectory() as tmp:
        conf = pathlib.Path(tmp) / "opencc"
        conf.mkdir()
        for d in (data / "dictionary").iterdir():
            shutil.copy(d, conf)
        config = json.loads((data / "config" / "s2tw.json").read_text(encoding="utf-8"))
        del config["segmentation"]
        path = conf / "s2tw-no-segmentation.json"
        path.write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")
        env = dict(os.environ, XDG_CACHE_HOME=str(pathlib.Path(tmp) / "cache"))
        env.pop("BIANYI_NO_CACHE", None)
        subprocess.run([binary, "convert", "-c", str(path)], input=b"", check=True, env=env)
        print("| input | built-in s2tw | s2tw without segmentation, cached |")
        for f in files:
            times = {"builtin": [], "general": []}
            for _ in range(runs):
                times["builtin"].append(cpu(binary, "s2tw", f, env))
                times["general"].append(cpu(binary, str(path), f, env))
            base = statistics.median(times["builtin"])
            general = statistics.median(times["general"])
            print(
                f"| {os.path.basename(f)} | {base * 1000:.0f} ms (1.00×) "
                f"| {general * 1000:.0f} ms ({general / base:.2f}×) |"
            )


if __name__ == "__main__":
    main()
