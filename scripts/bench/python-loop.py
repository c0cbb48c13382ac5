#!/usr/bin/env python3
"""`Converter.convert` in a loop of calls on new str objects, as a job that
converts text after text calls it (docs/python.md, "Fifth session").

    python scripts/bench/python-loop.py FILE [--config t2s] [--calls 20]
        [--strings]

- whole text: for one thread and for the default threads, the best call's
  wall time, the CPU time and the minor page faults per call (getrusage),
  after three untimed calls;
- with `--strings`: strings cut from FILE (8, 32 and 128 characters,
  about 1 KB, 12 KB and 60 KB), strings of 340 and 20,000 characters
  mixing runs of ASCII letters with pieces of FILE in several proportions
  (their UTF-8 bytes per character printed) and pure ASCII strings of 8,
  32 and 340 characters, converted one call each on one thread, best of 9
  rounds in MB/s of UTF-8 input and in nanoseconds a call. Shorter texts
  of two bytes a character or more come back through code points, the
  others through UTF-8 (`WIDE_BYTES_PER_CHAR`).

FILE is read with newline="" (line ends kept as they are).
"""

from __future__ import annotations

import argparse
import random
import resource
import time

import bianyi


def whole(text: str, config: str, calls: int) -> None:
    for threads in (1, None):
        conv = bianyi.Converter(config) if threads is None else bianyi.Converter(config, threads=threads)
        for _ in range(3):
            conv.convert((text + "x")[:-1])
        before = resource.getrusage(resource.RUSAGE_SELF)
        best = float("inf")
        for _ in range(calls):
            s = (text + "x")[:-1]  # a new str, made before the clock starts
            start = time.perf_counter()
            conv.convert(s)
            best = min(best, time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_SELF)
        cpu = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) / calls
        faults = (after.ru_minflt - before.ru_minflt) / calls
        # The CPU time includes making each new str (a copy of the text).
        print(f"whole text, threads {conv.threads}: best {best * 1e3:.2f} ms, "
              f"CPU {cpu * 1e3:.2f} ms a call, {faults:.0f} page faults a call")


def strings(text: str, config: str) -> None:
    conv = bianyi.Converter(config, threads=1)

    def cut(chars: int, count: int) -> list[str]:
        return [text[i : i + chars] for i in range(0, len(text), chars)][:count]

    rng = random.Random(1)

    def mixed(ascii_share: float, length: int = 340, count: int = 3000) -> list[str]:
        out = []
        for _ in range(count):
            chars: list[str] = []
            while len(chars) < length:
                if rng.random() < ascii_share:
                    chars.extend("abcde fghij"[: rng.randrange(1, 11)])
                else:
                    a = rng.randrange(len(text) - 20)
                    chars.extend(text[a : a + rng.randrange(1, 20)])
            out.append("".join(chars[:length]))
        return out

    # Pure ASCII: this script's own text, its non-ASCII characters left out.
    with open(__file__, encoding="utf-8") as f:
        ascii_text = "".join(c for c in f.read() if c.isascii()) * 20

    def ascii_cut(chars: int, count: int) -> list[str]:
        return [ascii_text[i : i + chars] for i in range(0, len(ascii_text), chars)][:count]

    cases = {f"{n} characters": cut(n, 20_000) for n in (8, 32, 128)}
    cases.update({"about 1 KB": cut(340, 3000), "about 12 KB": cut(4000, 300), "about 60 KB": cut(20000, 60)})
    for share in (0.25, 0.5, 0.6, 0.75):
        cases[f"ASCII runs {share:.2f}"] = mixed(share)
    for share in (0.75, 0.9):
        cases[f"20,000 characters, ASCII runs {share:.2f}"] = mixed(share, 20_000, 30)
    for n in (8, 32, 340):
        cases[f"pure ASCII, {n} characters"] = ascii_cut(n, 3000)
    for name, pieces in cases.items():
        size = sum(len(p.encode()) for p in pieces)
        per_char = size / sum(len(p) for p in pieces)
        best = float("inf")
        for _ in range(9):
            fresh = ["".join((p[:1], p[1:])) for p in pieces]
            start = time.perf_counter()
            for p in fresh:
                conv.convert(p)
            best = min(best, time.perf_counter() - start)
        print(
            f"{name}: {per_char:.2f} bytes a character, {size / 1e6 / best:.0f} MB/s, "
            f"{best / len(pieces) * 1e9:.0f} ns a call"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--config", default="t2s")
    parser.add_argument("--calls", type=int, default=20)
    parser.add_argument("--strings", action="store_true")
    args = parser.parse_args()
    with open(args.file, encoding="utf-8", newline="") as f:
        text = f.read()
    print(f"{args.file}: {len(text.encode()) / 1e6:.2f} MB, {len(text)} characters, {args.config}")
    whole(text, args.config, args.calls)
    if args.strings:
        strings(text, args.config)


if __name__ == "__main__":
    main()
