#!/usr/bin/env python3
"""Where converting one whole text on two threads starts to pay.

    python scripts/bench/python-split.py [--bench-dir ../shared/data/bench]
        [--corpus data3185k.txt] [--rounds 11]

Times `Converter("t2s", threads=1).convert` and `threads=2` on prefixes of
a corpus (its Traditional form) from 64 KB to 2 MB, interleaved, best of
--rounds each, wall clock and the process's CPU time (user + system) side
by side, with the load average before and after. A converter with several
threads splits a text of 512 KiB or more (`SPLIT_BYTES` in
crates/python/src/lib.rs; the library's `Run::text` from 128 KiB): below
that, both rows do the same work (lower `SPLIT_BYTES` and rebuild to
measure smaller texts split). The same output whatever the threads
(tests/test_long_texts.py). On a machine whose cores are busy with other work the second
thread finds no free core: the CPU column then shows the cost of
splitting, the wall column no gain.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import time

import bianyi


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_dir = pathlib.Path(__file__).resolve().parents[2].parent / "shared" / "data" / "bench"
    parser.add_argument("--bench-dir", default=str(default_dir))
    parser.add_argument("--corpus", default="data3185k.txt")
    parser.add_argument("--rounds", type=int, default=11)
    args = parser.parse_args()
    raw = (pathlib.Path(args.bench_dir) / args.corpus).read_text(encoding="utf-8")
    text = bianyi.convert(raw, "s2t") if bianyi.detect(raw[:200_000])["script"] != "traditional" else raw
    convs = {1: bianyi.Converter("t2s", threads=1), 2: bianyi.Converter("t2s", threads=2)}
    print(f"load average before: {os.getloadavg()[0]:.2f}; {os.cpu_count()} CPUs")
    print("| KB | 1 thread, MB/s | CPU ms | 2 threads, MB/s | CPU ms | wall speed-up |")
    print("|---:|---:|---:|---:|---:|---:|")
    for kb in (64, 128, 192, 256, 384, 512, 768, 1024, 2048):
        part = text[: kb * 1024 // 3]
        mb = len(part.encode("utf-8")) / 1e6
        best = {th: [float("inf"), float("inf")] for th in convs}
        for _ in range(args.rounds):
            for th, conv in convs.items():
                fresh = "".join((part[:1], part[1:]))
                wall, cpu = time.perf_counter(), time.process_time()
                conv.convert(fresh)
                wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
                best[th] = [min(best[th][0], wall), min(best[th][1], cpu)]
        (w1, c1), (w2, c2) = best[1], best[2]
        print(f"| {kb} | {mb / w1:.0f} | {c1 * 1e3:.2f} | {mb / w2:.0f} | {c2 * 1e3:.2f} | {w1 / w2:.2f}× |")
    print(f"\nload average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
