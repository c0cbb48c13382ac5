#!/usr/bin/env python3
"""Where the time of one `Converter.convert` call goes, beside the parts
Python itself must do (docs/python.md, "Where the time goes").

    python scripts/bench/python-call-parts.py FILE [--config t2s] [--rounds 21]
        [--clock wall|cpu]

Interleaved rounds on new str objects (a str keeps the UTF-8 copy that
PyUnicode_AsUTF8AndSize makes of it), medians and bests in ms:

- the whole call, `Converter(config, threads=1).convert(text)`;
- `text.encode()`: the work of PyUnicode_AsUTF8String, which the abi3-3.9
  binding calls to read a str;
- PyUnicode_AsUTF8AndSize (through ctypes) on a new str and on the same str
  again: what a binding for the 3.10+ stable ABI would call instead;
- `result.decode()`: the work of PyUnicode_FromStringAndSize, which made
  a long result a str before the UTF-32 way out;
- `bytes.decode("utf-32-le")` of the whole result, and of the result in
  30 KiB pieces then joined: CPython's share of the way a result of 4096
  bytes or more now takes (bianyi writes the UTF-32 pieces; that part of
  the call is not measured apart here);
- `str.encode("utf-32-le")`: the way in through UTF-32 that was tried and
  not kept (transcoding it to UTF-8 cost more than it saved);
- the whole call again with the converter's default threads;
- `convert_arrow` of the text as one slot of a pyarrow array (UTF-8 in and
  out, no str), when pyarrow is installed;
- `opencc.OpenCC(config).convert(text)` when the `opencc` package is.

`--clock cpu` times the process's CPU time (time.process_time), which waits
for a core on a loaded machine do not inflate.

The rest of the call is the engine (compare with `cargo run --release -p
bianyi-convert --example profile -- CONFIG FILE`, or profile the call with
`perf record -e cycles:u`).
"""

from __future__ import annotations

import argparse
import ctypes
import statistics
import sys
import time

import bianyi


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--config", default="t2s")
    parser.add_argument("--rounds", type=int, default=21)
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall")
    args = parser.parse_args()

    text = open(args.file, encoding="utf-8").read()
    conv = bianyi.Converter(args.config, threads=1)
    converted = conv.convert(text)
    result = converted.encode()
    result32 = converted.encode("utf-32-le")
    # The pieces bianyi decodes: 30 KiB of UTF-8 each (lib.rs, OUT_PIECE_BYTES).
    pieces32, start = [], 0
    while start < len(converted):
        end, size8 = start, 0
        while end < len(converted) and size8 + len(converted[end].encode()) <= 30 * 1024:
            size8 += len(converted[end].encode())
            end += 1
        pieces32.append(converted[start:end].encode("utf-32-le"))
        start = end
    default = bianyi.Converter(args.config)
    as_utf8 = ctypes.pythonapi.PyUnicode_AsUTF8AndSize
    as_utf8.restype = ctypes.c_void_p
    as_utf8.argtypes = [ctypes.py_object, ctypes.POINTER(ctypes.c_ssize_t)]
    size = ctypes.c_ssize_t()

    def fresh() -> str:
        return "".join((text[:1], text[1:]))

    parts = {
        "convert (the whole call)": lambda t: conv.convert(t),
        "str.encode (AsUTF8String's work)": lambda t: t.encode(),
        "AsUTF8AndSize, new str": lambda t: as_utf8(t, ctypes.byref(size)),
        "AsUTF8AndSize, same str again": None,
        "bytes.decode of the result": lambda t: result.decode(),
        "bytes.decode('utf-32-le') of the result": lambda t: result32.decode("utf-32-le"),
        "… of its 30 KiB pieces, joined": lambda t: "".join([p.decode("utf-32-le") for p in pieces32]),
        "str.encode('utf-32-le') (tried, not kept)": lambda t: t.encode("utf-32-le"),
        f"convert, default threads ({default.threads})": lambda t: default.convert(t),
    }
    try:
        import pyarrow as pa

        array = pa.array([text], pa.large_string())
        parts["convert_arrow, the text as one slot"] = lambda t: conv.convert_arrow(array)
    except ImportError:
        pass
    try:
        import opencc

        cc = opencc.OpenCC(args.config + ".json")
        parts[f"opencc {opencc.__version__} convert"] = lambda t: cc.convert(t)
    except ImportError:
        pass
    clock = time.process_time if args.clock == "cpu" else time.perf_counter
    times = {name: [] for name in parts}
    for _ in range(args.rounds):
        for name, part in parts.items():
            if part is None:
                continue
            t = fresh()
            start = clock()
            part(t)
            times[name].append(clock() - start)
            if name.startswith("AsUTF8AndSize, new"):
                start = clock()
                as_utf8(t, ctypes.byref(size))
                times["AsUTF8AndSize, same str again"].append(clock() - start)
    mb = len(text.encode()) / 1e6
    call = statistics.median(times["convert (the whole call)"])
    print(f"{args.file}: {mb:.2f} MB, {args.config}, {args.rounds} rounds, {args.clock} clock")
    print("| part | median ms | best ms | share of the call (medians) | MB/s (best) |")
    print("|---|---:|---:|---:|---:|")
    for name, t in times.items():
        med = statistics.median(t)
        best = min(t)
        rate = f"{mb / best:.0f}" if best > 0 else "—"
        print(f"| {name} | {med * 1e3:.2f} | {best * 1e3:.2f} | {med / call:.0%} | {rate} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
