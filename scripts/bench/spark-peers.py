#!/usr/bin/env python3
"""Spark local[2]: bianyi against the `opencc` package in the same
mapInArrow UDF, over a generated corpus.

    python scripts/bench/spark-peers.py [--size-mb 1000] [--config t2s]
        [--source ../shared/data/bench/data689k.txt] [--workdir /tmp/bianyi-spark]

The corpus is the source file's lines repeated to --size-mb megabytes
(one row per line, written once as a text file in --workdir). Each
converter runs in a mapInArrow function over the `value` column, and the
job writes to Spark's `noop` sink, so that what is timed is reading,
converting and moving Arrow batches. bianyi converts each batch's buffers
in one call (`Converter.convert_arrow`, one thread per task); opencc
converts row by row (`[cc.convert(s) for s in column.to_pylist()]`), the
way a UDF around it is written. Best of --repeat runs each.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import sys
import time


def bianyi_udf(config: str):
    def run(batches):
        import pyarrow as pa

        import bianyi

        conv = bianyi.Converter(config, threads=1)
        for batch in batches:
            yield pa.RecordBatch.from_arrays([conv.convert_arrow(batch.column(0))], names=["value"])

    return run


def opencc_udf(config: str):
    def run(batches):
        import opencc
        import pyarrow as pa

        cc = opencc.OpenCC(config + ".json")
        for batch in batches:
            out = [None if s is None else cc.convert(s) for s in batch.column(0).to_pylist()]
            yield pa.RecordBatch.from_arrays([pa.array(out, pa.string())], names=["value"])

    return run


def main() -> int:
    here = pathlib.Path(__file__).resolve()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=1000)
    parser.add_argument("--config", default="t2s")
    parser.add_argument("--source", default=str(here.parents[2].parent / "shared/data/bench/data689k.txt"))
    parser.add_argument("--workdir", default="/tmp/bianyi-spark")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()

    work = pathlib.Path(args.workdir)
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / f"corpus-{args.size_mb:g}MB.txt"
    if not corpus.exists():
        lines = pathlib.Path(args.source).read_bytes()
        target = int(args.size_mb * 1e6)
        with open(corpus, "wb") as f:
            written = 0
            while written < target:
                f.write(lines)
                written += len(lines)
    size = corpus.stat().st_size / 1e6

    # Local mode: the workers run this Python (with bianyi and pyarrow),
    # not whatever `python3` is first on the PATH.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master("local[2]")
        .appName("bianyi-spark-bench")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.memory", "4g")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    results = {}
    try:
        df = spark.read.text(str(corpus))
        for name, udf in (("bianyi", bianyi_udf), ("opencc", opencc_udf)):
            times = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                df.mapInArrow(udf(args.config), "value string").write.format("noop").mode("overwrite").save()
                times.append(time.perf_counter() - start)
            results[name] = min(times)
            print(f"{name}: {results[name]:.1f} s, {size / results[name]:.1f} MB/s", file=sys.stderr)
        # Identity: a job that only moves the batches, to show what Spark itself costs.
        start = time.perf_counter()
        df.mapInArrow(lambda it: it, "value string").write.format("noop").mode("overwrite").save()
        results["no conversion (Spark alone)"] = time.perf_counter() - start
    finally:
        spark.stop()
    print(f"Spark local[2], {args.config}, {size:.0f} MB ({corpus.name}), best of {args.repeat}:")
    print("| UDF | seconds | MB/s |")
    print("|---|---:|---:|")
    for name, secs in results.items():
        print(f"| {name} | {secs:.1f} | {size / secs:.1f} |")
    print(f"bianyi / opencc: {results['opencc'] / results['bianyi']:.1f}× faster")
    return 0


if __name__ == "__main__":
    sys.exit(main())
