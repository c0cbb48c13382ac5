#!/usr/bin/env python3
"""bianyi's Python package against the Python peers, side by side in one run.

    python scripts/bench/python-peers.py [--bench-dir ../shared/data/bench]
        [--reimplemented DIR] [--repeat 3]

For each corpus and direction (t2s on Traditional text, s2t on Simplified
text; a corpus in the other script is first converted with bianyi's
OpenCC config, so both directions read real text), it measures MB/s of
input converted:

- "whole": the corpus in one call (best of --repeat rounds; each round runs every converter once, interleaved);
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
do; `bianyi convert_many` is the batch call over the same 1 KB strings
(several threads).
"""

from __future__ import annotations

import argparse
import importlib.util
import pathlib
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


def chunks(text: str, chars: int = 340) -> List[str]:
    return [text[i : i + chars] for i in range(0, len(text), chars)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_dir = pathlib.Path(__file__).resolve().parents[2].parent / "shared" / "data" / "bench"
    parser.add_argument("--bench-dir", default=str(default_dir))
    parser.add_argument("--corpus", action="append", help="file names in --bench-dir (default: data689k.txt, zuozhuan.txt)")
    parser.add_argument("--reimplemented", help="folder of `pip install --target DIR opencc-python-reimplemented`")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    names = args.corpus or ["data689k.txt", "zuozhuan.txt"]
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
            # Interleaved: each round runs every converter once, so that a
            # change of the machine's load hits them all; best of the rounds
            # (a slow peer stops after its time budget).
            jobs = {}
            for peer, conv in convs.items():
                jobs[(peer, "whole")] = (lambda c=conv: c(text))
                jobs[(peer, "1 KB")] = (lambda c=conv: [c(p) for p in pieces])
            jobs[("bianyi convert_many", "1 KB")] = lambda: many.convert_many(pieces)
            times = {key: [] for key in jobs}
            for _ in range(args.repeat):
                for key, job in jobs.items():
                    if sum(times[key]) > 20.0:
                        continue
                    start = time.perf_counter()
                    job()
                    times[key].append(time.perf_counter() - start)
            for peer in list(convs) + ["bianyi convert_many"]:
                whole = mb / min(times[(peer, "whole")]) if (peer, "whole") in times else None
                small = mb / min(times[(peer, "1 KB")])
                rows.append((name, direction, peer, whole, small))
                print(f"{name} {direction} {peer}: whole {whole}, 1 KB {small:.1f} MB/s", file=sys.stderr)

    print("| corpus | direction | converter | whole text, MB/s | 1 KB strings, MB/s | whole vs opencc | 1 KB vs opencc |")
    print("|---|---|---|---:|---:|---:|---:|")
    for name, direction, peer, whole, small in rows:
        ref = next((r for r in rows if r[0] == name and r[1] == direction and r[2].startswith("opencc 1")), None)
        fmt = lambda v: "—" if v is None else f"{v:.1f}"
        ratio = lambda v, r: "—" if v is None or r is None else f"{v / r:.2f}×"
        print(f"| {name} | {direction} | {peer} | {fmt(whole)} | {fmt(small)} | "
              f"{ratio(whole, ref[3] if ref else None)} | {ratio(small, ref[4] if ref else None)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
