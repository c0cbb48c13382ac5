#!/usr/bin/env python3
"""Writes a bianyi project of N small Traditional Chinese articles (default
10,000), every tenth with an English translation, for measuring
`bianyi serve` (docs/serve.md, "Measured"). The texts are made up here from
a few sentences of our own; nothing is copied from elsewhere.

    python3 scripts/gen-serve-project.py /tmp/serve10k [N]
"""

import os
import sys

ZH = [
    ("今天天氣很好。", "The weather is fine today."),
    ("我們去公園散步。", "We go for a walk in the park."),
    ("公園裡有很多人在放風箏。", "Many people fly kites in the park."),
    ("圖書館下午五點關門。", "The library closes at five in the afternoon."),
    ("這個軟體的設定檔很容易修改。", "The settings file of this software is easy to change."),
    ("頭髮乾了以後再出門。", "Go out once your hair is dry."),
    ("他在資訊部門工作了十年。", "He has worked in the IT department for ten years."),
]


def main():
    root = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    os.makedirs(os.path.join(root, "zh"), exist_ok=True)
    os.makedirs(os.path.join(root, "en"), exist_ok=True)
    with open(os.path.join(root, "bianyi.toml"), "w", encoding="utf-8") as f:
        f.write(
            'overrides = "overrides.toml"\n'
            '[[sources]]\nfiles = ["zh/**/*.txt"]\ntranslation = "en/{name}"\n'
            '[[targets]]\nto = "zh-Hans"\n[[targets]]\nto = "zh-TW"\n'
        )
    for i in range(n):
        k = len(ZH)
        picks = [ZH[(i * 3 + j) % k] for j in range(2 + i % 5)]
        sub = os.path.join(root, "zh", f"{i // 1000:02d}")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"a{i:05d}.txt"), "w", encoding="utf-8") as f:
            f.write(f"第{i}篇。" + "".join(z for z, _ in picks) + "\n")
        if i % 10 == 0:
            with open(os.path.join(root, "en", f"a{i:05d}.txt"), "w", encoding="utf-8") as f:
                f.write(f"Article {i}. " + " ".join(e for _, e in picks) + "\n")


if __name__ == "__main__":
    main()
