#!/usr/bin/env python3
"""bianyi's Python package against the Python peers, side by side in one run.

    python scripts/bench/python-peers.py [--bench-dir ../shared/data/bench]
        [--reimplemented DIR] [--repeat 7] [--clock wall|cpu]

For each corpus and direction (t2s on Traditional text, s2t on Simplified
text; a corpus in the other script is first converted with bianyi's
OpenCC config, so both directions read real text), it measures MB/s of
input converted:

- "whole": the corpus in one call (best of --repeat rounds; each round runs every converter once,
  interleaved, in an order shuffled each round with a fixed seed, so that no converter always
  follows the same one: whether the one before it was bianyi's or a peer's decides whether
  bianyi's tables are still in the caches);
- "1 KB": the corpus cut into strings of about 1 KB (340 characters), one
  call per string in a Python loop: the per-call overhead that Spark, Ray
  and Dask UDFs pay row by row.

Peers: `opencc` 1.4.2 (the official binding), `opencc-python-reimplemented`
(pure Python; it installs as `opencc` too, so it is loaded from the folder
of `pip install --target DIR opencc-python-reimplemented` given with
--reimplemented), `zhconv` (pure Python, MediaWiki tables), `opencc-pyo3`
and `zhconv-rs` (Rust). zhconv and zhconv-rs convert to zh-hans/zh-hant
with MediaWiki's tables, not OpenCC's: their output differs, their speed is
comparable. bianyi runs on one thread (Converter(threads=1)), as the peers
do; "bianyi, default threads" is Converter(config) as it comes (threads =
the cores: a whole text of 1 MiB or more converts in pieces on them, with
the same output); `bianyi convert_many` is the batch call over the same
1 KB strings (several threads). Every call converts a new str object.
The ratio columns give each converter's rate over opencc's from the best
rounds, and in brackets the lowest and highest ratio of any one round.
`--warm` converts the text once untimed right before each timed
whole-text call, with the same converter: the steady rate of a job that
converts text after text (a UDF over a partition, a folder of files),
where each converter's tables stay in the caches; without it each timed
call comes right after the other converters' calls.
`--clock cpu` times the process's CPU time instead of elapsed time: on a
machine busy with other work the waits for a core then do not count (the
rows that use several threads are left out: their CPU time is not their
speed).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import pathlib
import random
import sys
import time
from typing import Callable, Dict, List, Optional

import bianyi

Convert = Callable[[str], str]


def peers(direction: str, reimplemented: Optional[str]) -> Dict[str, Convert]:
    out: Dict[str, Convert] = {}
    out["bianyi"] = bianyi.Converter(direction, threads=1).convert
    try:
        import opencc

        out[f"opencc {opencc.__version__}"] = opencc.OpenCC(direction + ".json").convert
    except (ImportError, AttributeError) as e:
        print(f"opencc: not measured ({e})", file=sys.stderr)
    if reimplemented:
        init = pathlib.Path(reimplemented) / "opencc" / "__init__.py"
        spec = importlib.util.spec_from_file_location(
            "opencc_reimplemented", init, submodule_search_locations=[str(init.parent)]
        )
        if spec and spec.loader:
            module = importlib.util.module_from_spec(spec)
            sys.modules["opencc_reimplemented"] = module
            spec.loader.exec_module(module)
            out["opencc-python-reimplemented"] = module.OpenCC(direction).convert
    variant = "zh-hans" if direction == "t2s" else "zh-hant"
    try:
        import zhconv

        out["zhconv"] = lambda t, v=variant: zhconv.convert(t, v)
    except ImportError:
        print("zhconv: not installed", file=sys.stderr)
    try:
        import opencc_pyo3

        out["opencc-pyo3"] = opencc_pyo3.OpenCC(direction).convert
    except ImportError:
        print("opencc-pyo3: not installed", file=sys.stderr)
    try:
        import zhconv_rs

        out["zhconv-rs"] = lambda t, v=variant: zhconv_rs.zhconv(t, v)
    except ImportError:
        print("zhconv-rs: not installed", file=sys.stderr)
    return out


#: bianyi as it converts by default: threads = the cores (a whole text of
#: 512 KiB or more in pieces on them).
DEFAULT = "bianyi, default threads"


def fresh_text(text: str) -> Callable[[], str]:
    """A function returning a new str object equal to `text`."""
    return lambda: "".join((text[:1], text[1:]))


def fresh_pieces(pieces: List[str]) -> Callable[[], List[str]]:
    """A function returning new str objects equal to `pieces`."""
    return lambda: ["".join((p[:1], p[1:])) for p in pieces]


def chunks(text: str, chars: int = 340) -> List[str]:
    return [text[i : i + chars] for i in range(0, len(text), chars)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_dir = pathlib.Path(__file__).resolve().parents[2].parent / "shared" / "data" / "bench"
    parser.add_argument("--bench-dir", default=str(default_dir))
    parser.add_argument("--corpus", action="append", help="file names in --bench-dir (default: data689k.txt, zuozhuan.txt)")
    parser.add_argument("--reimplemented", help="folder of `pip install --target DIR opencc-python-reimplemented`")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument(
        "--clock",
        choices=("wall", "cpu"),
        default="wall",
        help="wall: elapsed time; cpu: the process's CPU time (time.process_time), which a loaded "
        "machine's waits for a core do not inflate; the threaded rows are left out with cpu",
    )
    parser.add_argument(
        "--warm",
        action="store_true",
        help="before each timed whole-text call, the same converter converts the text once untimed "
        "(a new str too): the rate of a job that converts text after text with one converter, with "
        "its tables in the caches; without it each timed call follows the other converters' calls",
    )
    args = parser.parse_args()

    names = args.corpus or ["data689k.txt", "zuozhuan.txt"]
    load_start, cpu_start, wall_start = os.getloadavg(), time.process_time(), time.perf_counter()
    rows = []
    for name in names:
        raw = (pathlib.Path(args.bench_dir) / name).read_text(encoding="utf-8")
        script = bianyi.detect(raw[:200_000])["script"]
        hant = raw if script == "traditional" else bianyi.convert(raw, "s2t")
        hans = raw if script == "simplified" else bianyi.convert(raw, "t2s")
        for direction, text in (("t2s", hant), ("s2t", hans)):
            mb = len(text.encode("utf-8")) / 1e6
            pieces = chunks(text)
            convs = peers(direction, args.reimplemented)
            many = bianyi.Converter(direction)
            # bianyi's default: threads = the cores, and a text of 512 KiB
            # or more is converted in pieces on them (same output whatever
            # the thread count: tests/test_long_texts.py).
            default = bianyi.Converter(direction)
            # Interleaved: each round runs every converter once, so that a
            # change of the machine's load hits them all; best of the rounds
            # (a slow peer stops after its time budget). Every call gets a
            # new str object, made before the clock starts: a str keeps the
            # UTF-8 copy PyUnicode_AsUTF8AndSize makes of it (pybind11 and
            # PyO3 for Python 3.10+ use that call), so converting the same
            # object again could skip the encoding, which a job converting
            # each text once never does.
            jobs = {}
            for peer, conv in convs.items():
                jobs[(peer, "whole")] = (fresh_text(text), lambda t, c=conv: c(t))
                jobs[(peer, "1 KB")] = (fresh_pieces(pieces), lambda ps, c=conv: [c(p) for p in ps])
            threaded = [] if args.clock == "cpu" else [DEFAULT, "bianyi convert_many"]
            if threaded:
                jobs[(DEFAULT, "whole")] = (fresh_text(text), default.convert)
                jobs[("bianyi convert_many", "1 KB")] = (fresh_pieces(pieces), many.convert_many)
            clock = time.process_time if args.clock == "cpu" else time.perf_counter
            times = {key: [] for key in jobs}
            for round_ in range(args.repeat):
                order = list(jobs.items())
                random.Random(round_).shuffle(order)
                for key, (setup, job) in order:
                    if sum(t for t in times[key] if t is not None) > 20.0:
                        times[key].append(None)
                        continue
                    if args.warm and key[1] == "whole":
                        job(setup())
                    data = setup()
                    start = clock()
                    job(data)
                    times[key].append(clock() - start)
            ref = next((p for p in convs if p.startswith("opencc 1")), None)
            for peer in list(convs) + threaded:
                def rate(kind):
                    got = [t for t in times.get((peer, kind), []) if t is not None]
                    return mb / min(got) if got else None

                def spread(kind):
                    """Ratios to opencc round by round (min–max)."""
                    if ref is None or (peer, kind) not in times:
                        return None
                    ratios = [o / t for t, o in zip(times[(peer, kind)], times[(ref, kind)])
                              if t is not None and o is not None]
                    return (min(ratios), max(ratios)) if ratios else None

                whole, small = rate("whole"), rate("1 KB")
                rows.append((name, direction, peer, whole, small, spread("whole"), spread("1 KB")))
                print(f"{name} {direction} {peer}: whole {whole}, 1 KB {small} MB/s", file=sys.stderr)

    load_end = os.getloadavg()
    print(f"load average (1, 5, 15 min) at start {load_start[0]:.2f} {load_start[1]:.2f} {load_start[2]:.2f}, "
          f"at end {load_end[0]:.2f} {load_end[1]:.2f} {load_end[2]:.2f}; this process: "
          f"{time.process_time() - cpu_start:.1f} s CPU in {time.perf_counter() - wall_start:.1f} s; "
          f"{os.cpu_count()} CPUs; default threads = {bianyi.Converter('t2s').threads}; "
          f"whole texts {'warm (--warm)' if args.warm else 'after the other converters'}\n")
    print("| corpus | direction | converter | whole text, MB/s | 1 KB strings, MB/s | whole vs opencc "
          "(rounds: min–max) | 1 KB vs opencc (rounds: min–max) |")
    print("|---|---|---|---:|---:|---:|---:|")
    for name, direction, peer, whole, small, sw, ss in rows:
        ref = next((r for r in rows if r[0] == name and r[1] == direction and r[2].startswith("opencc 1")), None)
        fmt = lambda v: "—" if v is None else f"{v:.1f}"

        def ratio(v, r, s):
            if v is None or r is None:
                return "—"
            return f"{v / r:.2f}×" + (f" ({s[0]:.1f}–{s[1]:.1f})" if s and not peer.startswith("opencc 1") else "")

        print(f"| {name} | {direction} | {peer} | {fmt(whole)} | {fmt(small)} | "
              f"{ratio(whole, ref[3] if ref else None, sw)} | {ratio(small, ref[4] if ref else None, ss)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
