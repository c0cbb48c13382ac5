"""Convert a text column with bianyi on Dask (map_partitions).

    python examples/python/dask_convert.py [INPUT.txt] [--config t2s]

Reads a text file (one row per line; without one, a few sample rows) into
a Dask DataFrame, converts its `text` column partition by partition on a
local cluster of two worker processes, and prints the first rows.
"""

from __future__ import annotations

import argparse
import sys


def convert_partition(df, config: str):
    """A map_partitions function: the `text` column converted as a whole
    (one Rust call per partition, no Python loop over the rows)."""
    import bianyi

    out = df.copy()
    out["text"] = bianyi.Converter(config, threads=1).convert_many(df["text"].tolist())
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", nargs="?")
    parser.add_argument("--config", default="t2s")
    args = parser.parse_args(argv)

    import dask
    import dask.dataframe as dd
    import pandas as pd

    if args.input:
        with open(args.input, encoding="utf-8") as f:
            lines = f.read().splitlines()
    else:
        lines = ["漢字轉換", "頭髮發展", "軟體和滑鼠"]
    ddf = dd.from_pandas(pd.DataFrame({"text": lines}), npartitions=2)
    out = ddf.map_partitions(convert_partition, args.config, meta=ddf._meta)
    # Two worker processes, as a local cluster would run it.
    with dask.config.set(scheduler="processes", num_workers=2):
        result = out.head(5, npartitions=-1)
    for text in result["text"]:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
