"""Convert a DataFrame column with bianyi on Spark (mapInArrow).

    python examples/python/spark_convert.py [INPUT.txt] [--config t2s]

Reads a text file (one row per line; without one, a few sample rows),
converts its `value` column to Simplified Chinese on `local[2]`, and prints
the first rows. On a cluster, install the `bianyi` wheel on every worker
and set the master as usual. Each Arrow batch goes to Rust whole: no
Python loop over the rows.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Iterator


def convert_batches(config: str):
    """A mapInArrow function converting the `value` column with `config`."""

    def run(batches: Iterator["pyarrow.RecordBatch"]) -> Iterator["pyarrow.RecordBatch"]:
        import pyarrow as pa

        import bianyi

        # One converter per task (cheap: the dictionaries are in the
        # library); one thread each, Spark runs the tasks in parallel.
        conv = bianyi.Converter(config, threads=1)
        for batch in batches:
            column = batch.column(batch.schema.get_field_index("value"))
            yield pa.RecordBatch.from_arrays([conv.convert_arrow(column)], names=["value"])

    return run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", nargs="?")
    parser.add_argument("--config", default="t2s")
    parser.add_argument("--output", help="write the converted lines here (one text file per partition)")
    args = parser.parse_args(argv)

    # Local mode: the workers run this Python (with bianyi and pyarrow),
    # not whatever `python3` is first on the PATH.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master("local[2]")
        .appName("bianyi-example")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    try:
        if args.input:
            df = spark.read.text(args.input)
        else:
            df = spark.createDataFrame([("漢字轉換",), ("頭髮發展",), ("軟體和滑鼠",)], ["value"])
        out = df.mapInArrow(convert_batches(args.config), "value string")
        if args.output:
            out.write.mode("overwrite").text(args.output)
        else:
            for row in out.limit(5).collect():
                print(row.value)
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
