#!/usr/bin/env python3
"""A built-in config against the same config loaded from its JSON file (issue 26).

Usage: scripts/bench/custom-config.py BIANYI CONFIG FILES [RUNS] [DICT]
  BIANYI  the binary (a release build)
  CONFIG  an OpenCC config name (s2twp)
  FILES   comma-separated inputs
  RUNS    runs of each case per file (default 7)
  DICT    a user dictionary: adds the case `dict` (-c CONFIG --dict DICT, cached)

Copies crates/convert/data/opencc/config/CONFIG.json and every dictionary into one
temporary folder (OpenCC's installed layout) and times, run by run in turn, the CPU time
(user + system) of `convert -j 1 FILE -o /dev/null` with
  builtin  -c CONFIG (the tables compiled into the binary)
  first    -c DIR/CONFIG.json with BIANYI_NO_CACHE=1 (parsed and compiled every run)
  cached   -c DIR/CONFIG.json with a warm cache (XDG_CACHE_HOME in the temporary folder)
  dict     -c CONFIG --dict DICT with a warm cache (only with DICT)
and prints the medians and their ratios to builtin.
"""
import os
import pathlib
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile


def cpu(binary, config, path, env, extra=()):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(
        [binary, "convert", "-c", config, *extra, "-j", "1", path, "-o", "/dev/null"],
        check=True,
        env=env,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    binary, name = sys.argv[1], sys.argv[2]
    files = sys.argv[3].split(",")
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 7
    user = ("--dict", os.path.abspath(sys.argv[5])) if len(sys.argv) > 5 else None
    data = pathlib.Path(__file__).resolve().parents[2] / "crates/convert/data/opencc"
    with tempfile.TemporaryDirectory() as tmp:
        conf = pathlib.Path(tmp) / "opencc"
        conf.mkdir()
        shutil.copy(data / "config" / f"{name}.json", conf)
        for d in (data / "dictionary").iterdir():
            shutil.copy(d, conf)
        path = str(conf / f"{name}.json")
        plain = dict(os.environ, BIANYI_NO_CACHE="1")
        cached = dict(os.environ, XDG_CACHE_HOME=str(pathlib.Path(tmp) / "cache"))
        cached.pop("BIANYI_NO_CACHE", None)
        subprocess.run([binary, "convert", "-c", path], input=b"", check=True, env=cached)
        cases = [("builtin", name, plain, ()), ("first", path, plain, ()), ("cached", path, cached, ())]
        if user:
            subprocess.run([binary, "convert", "-c", name, *user], input=b"", check=True, env=cached)
            cases.append(("dict", name, cached, user))
        print("| input | " + " | ".join(c[0] for c in cases) + " |")
        for f in files:
            times = {c[0]: [] for c in cases}
            for _ in range(runs):
                for label, config, env, extra in cases:
                    times[label].append(cpu(binary, config, f, env, extra))
            base = statistics.median(times["builtin"])
            cells = []
            for label, *_ in cases:
                m = statistics.median(times[label])
                cells.append(f"{m * 1000:.0f} ms ({m / base:.2f}×)")
            print(f"| {os.path.basename(f)} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
