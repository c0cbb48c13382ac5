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
way a UDF around it is written. Best of --repeat runs each. Each UDF
also sums, over all tasks (a Spark accumulator), the wall and CPU seconds
spent in its conversion of the batches (the call and building the output
batch), so that the table tells the conversion's share from Spark's, and
time converting from time waiting for a core.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import sys
import time


def timed(convert, spent):
    """Yields `convert(batch)` for each batch, adding to the accumulator
    `spent` the (wall, CPU) seconds the conversions took in this task: CPU
    time well under wall time means the task waited for a core."""

    def run(batches):
        wall = cpu = 0.0
        for batch in batches:
            w, c = time.perf_counter(), time.process_time()
            out = convert(batch)
            wall += time.perf_counter() - w
            cpu += time.process_time() - c
            yield out
        spent.add((wall, cpu))

    return run


def bianyi_udf(config: str, spent):
    def run(batches):
        import pyarrow as pa

        import bianyi

        conv = bianyi.Converter(config, threads=1)
        yield from timed(
            lambda batch: pa.RecordBatch.from_arrays([conv.convert_arrow(batch.column(0))], names=["value"]),
            spent,
        )(batches)

    return run


def opencc_udf(config: str, spent):
    def run(batches):
        import opencc
        import pyarrow as pa

        cc = opencc.OpenCC(config + ".json")

        def convert(batch):
            out = [None if s is None else cc.convert(s) for s in batch.column(0).to_pylist()]
            return pa.RecordBatch.from_arrays([pa.array(out, pa.string())], names=["value"])

        yield from timed(convert, spent)(batches)

    return run


class PairParam:
    """A Spark accumulator of (wall, CPU) seconds."""

    def __init__(self):
        from pyspark.accumulators import AccumulatorParam

        class Param(AccumulatorParam):
            def zero(self, value):
                return (0.0, 0.0)

            def addInPlace(self, a, b):
                return (a[0] + b[0], a[1] + b[1])

        self.param = Param()


def identity_udf(config: str, spent):
    def run(batches):
        yield from batches

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
    sc = spark.sparkContext
    results = {}
    inside = {}
    try:
        df = spark.read.text(str(corpus))
        # Identity: a job that only moves the batches, to show what Spark
        # itself costs (reading, Arrow batches to the Python workers and back).
        runs = (("bianyi", bianyi_udf), ("opencc", opencc_udf), ("no conversion (Spark alone)", identity_udf))
        for name, udf in runs:
            times, busy = [], []
            for _ in range(args.repeat):
                spent = sc.accumulator((0.0, 0.0), PairParam().param)
                start = time.perf_counter()
                df.mapInArrow(udf(args.config, spent), "value string").write.format("noop").mode("overwrite").save()
                times.append(time.perf_counter() - start)
                busy.append(spent.value)
            best = min(range(len(times)), key=times.__getitem__)
            results[name], inside[name] = times[best], busy[best]
            print(f"{name}: {results[name]:.1f} s, {size / results[name]:.1f} MB/s; "
                  f"inside the UDF's conversion (all tasks): {inside[name][0]:.1f} s, "
                  f"{inside[name][1]:.1f} s of CPU", file=sys.stderr)
    finally:
        spark.stop()
    print(f"Spark local[2], {args.config}, {size:.0f} MB ({corpus.name}), best of {args.repeat}:")
    print("| UDF | seconds | MB/s | converting, all tasks: seconds | of which CPU | MB/s per CPU second |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, secs in results.items():
        wall, cpu = inside[name]
        rate = f"{size / cpu:.1f}" if cpu > 0 else "—"
        print(f"| {name} | {secs:.1f} | {size / secs:.1f} | {wall:.1f} | {cpu:.1f} | {rate} |")
    print(f"bianyi / opencc: {results['opencc'] / results['bianyi']:.1f}× faster")
    return 0


if __name__ == "__main__":
    sys.exit(main())
