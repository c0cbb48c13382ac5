"""Convert a text column with bianyi on Ray Data (map_batches).

    python examples/python/ray_convert.py [INPUT.txt] [--config t2s]

Reads a text file (one row per line; without one, a few sample rows),
converts it in Arrow batches on a local Ray instance, and prints the
first rows.
"""

from __future__ import annotations

import argparse
import sys


def convert_batch(batch, config: str):
    """A map_batches function: the `text` column of an Arrow batch
    converted in one Rust call (a converter costs microseconds to make)."""
    import pyarrow as pa

    import bianyi

    text = bianyi.Converter(config, threads=1).convert_arrow(batch.column("text"))
    return pa.table({"text": text})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", nargs="?")
    parser.add_argument("--config", default="t2s")
    args = parser.parse_args(argv)

    import ray

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        if args.input:
            ds = ray.data.read_text(args.input)
        else:
            ds = ray.data.from_items([{"text": t} for t in ["漢字轉換", "頭髮發展", "軟體和滑鼠"]])
        # Tasks, not actors: actors holding both CPUs would leave none
        # for the tasks that read the file.
        out = ds.map_batches(convert_batch, fn_kwargs={"config": args.config}, batch_format="pyarrow")
        for row in out.take(5):
            print(row["text"])
    finally:
        ray.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
