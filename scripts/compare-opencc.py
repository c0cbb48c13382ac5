#!/usr/bin/env python3
"""Compare `bianyi convert` with the C++ OpenCC 1.4.2 (PyPI package `opencc`).

Usage: scripts/compare-opencc.py [--bianyi PATH] FILE...

Every config, tofu-risk dictionaries on and off, on every FILE (UTF-8 text);
prints each mismatch with its first differing characters and exits 1 if there
is any. Without the `opencc` module (pip install opencc==1.4.2) it says so and
exits 0: this is a development check, not part of `cargo test`.

Known, deliberate difference: OpenCC cuts a segment at its first NUL character
in the segmented configs (s2tw, tw2s, s2twp, tw2sp, s2hk, hk2s, s2hkp,
hk2sp); bianyi keeps the text (see docs/engine.md). Inputs with NUL are
skipped for those configs.
"""
import os
import subprocess
import sys

CONFIGS = "s2t t2s s2tw tw2s s2twp tw2sp s2hk hk2s s2hkp hk2sp t2tw tw2t t2hk hk2t t2jp jp2t".split()
SEGMENTED = {"s2tw", "tw2s", "s2twp", "tw2sp", "s2hk", "hk2s", "s2hkp", "hk2sp"}


def main(argv):
    bianyi = os.path.join(os.path.dirname(__file__), "..", "target", "release", "bianyi")
    if argv[:1] == ["--bianyi"]:
        bianyi, argv = argv[1], argv[2:]
    if not argv:
        print(__doc__)
        return 2
    try:
        import opencc
    except ImportError:
        print("compare-opencc: the Python module `opencc` is not installed; nothing compared")
        return 0
    version = getattr(opencc, "__version__", "?")
    print(f"comparing {bianyi} with OpenCC {version}")
    bad = 0
    for path in argv:
        text = open(path, encoding="utf-8").read()
        for config in CONFIGS:
            if "\0" in text and config in SEGMENTED:
                continue
            for tofu in (False, True):
                want = opencc.OpenCC(config, include_tofu_risk_dictionaries=tofu).convert(text)
                args = [bianyi, "convert", "-c", config, path] + (["--tofu-risk"] if tofu else [])
                got = subprocess.run(args, capture_output=True, check=True).stdout.decode("utf-8")
                if got != want:
                    bad += 1
                    i = next((k for k, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
                    print(f"MISMATCH {path} {config} tofu={tofu} at char {i}: "
                          f"opencc {want[max(0, i - 10):i + 10]!r} bianyi {got[max(0, i - 10):i + 10]!r}")
    print(f"{bad} mismatches")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
