#!/usr/bin/env python3
"""Generates the project of the workspace benchmark (docs/workspace.md):
N articles (default 10,000, about 50 MB) made from the sample article
(tests/fixtures/article.zh-Hant.txt) with its paragraphs rotated and
numbered and cut to about 5 KB, so that no two are the same, in folders of 100, with a
bianyi.toml of one target (zh-Hans), as `convert -r` converts them.

    python3 scripts/gen-workspace-bench.py /tmp/bench [N]
"""

import os
import sys

root = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "..", "tests", "fixtures", "article.zh-Hant.txt"), encoding="utf-8") as f:
    paragraphs = [p for p in f.read().split("\n") if p.strip()]

os.makedirs(os.path.join(root, "articles"), exist_ok=True)
for k in range(count):
    folder = os.path.join(root, "articles", f"{k // 100:03d}")
    os.makedirs(folder, exist_ok=True)
    shift = k % len(paragraphs)
    body = paragraphs[shift:] + paragraphs[:shift]
    text = f"第{k}篇\n"
    for p in body:
        if len((text + p).encode("utf-8")) > 5000:
            break
        text += p + "\n"
    with open(os.path.join(folder, f"a{k:05d}.txt"), "w", encoding="utf-8") as f:
        f.write(text)

with open(os.path.join(root, "bianyi.toml"), "w", encoding="utf-8") as f:
    f.write('output = "out/{target}/{path}"\n\n[[sources]]\nfiles = ["articles/**/*.txt"]\n\n[[targets]]\nto = "zh-Hans"\n')
