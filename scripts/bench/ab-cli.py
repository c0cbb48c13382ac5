#!/usr/bin/env python3
"""A/B of two bianyi binaries: CPU time of `convert -j 1` on the same files, run in turn.

Usage: scripts/bench/ab-cli.py OLD NEW CONFIGS FILES [RUNS]
  CONFIGS  comma-separated OpenCC configs (s2t,t2s) or --to targets (zh-TW)
  FILES    comma-separated inputs (make them 10-20 MB: repeat a corpus)
  RUNS     runs of each binary per case (default 7)

Prints, per file and config, the best CPU time (user + system, from getrusage) of each
binary and their ratio, with the ratio of the medians. Interleaving the two binaries run
by run cancels most of the drift of a shared machine; compare ratios, not times.
"""
import resource
import statistics
import subprocess
import sys


def cpu(binary, args, path):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([binary, "convert", *args, "-j", "1", path, "-o", "/dev/null"], check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    old, new = sys.argv[1], sys.argv[2]
    configs = sys.argv[3].split(",")
    files = sys.argv[4].split(",")
    runs = int(sys.argv[5]) if len(sys.argv) > 5 else 7
    for path in files:
        for config in configs:
            args = ["--to", config] if config.startswith("zh") else ["-c", config]
            a, b = [], []
            for _ in range(runs):
                a.append(cpu(old, args, path))
                b.append(cpu(new, args, path))
            print(
                f"{path.split('/')[-1]:24} {config:8} old {min(a):.3f}s new {min(b):.3f}s"
                f"  new/old {min(b) / min(a):.3f} (medians {statistics.median(b) / statistics.median(a):.3f})",
                flush=True,
            )


if __name__ == "__main__":
    main()
