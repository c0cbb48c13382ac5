#!/usr/bin/env python3
"""Run hunalign on an alignment dev set and write its beads for bible_eval.

hunalign (https://github.com/danielvarga/hunalign, LGPL-3.0) is not part of
bianyi, its build or its CI; build it yourself and pass its path. For every
book NAME of DIR (NAME.zh, NAME.en, one sentence a line), this writes
OUT/NAME.zh.tok and OUT/NAME.en.tok (Chinese cut into characters (Latin-script
words and numbers kept whole, lowercased), each
written k times so that both sides have about the same length in characters
(hunalign's length model expects that; k = English characters per Chinese
character in the book, less one, at least 1), English lowercased words,
punctuation apart), runs

    hunalign -utf -realign DICT OUT/NAME.zh.tok OUT/NAME.en.tok

and turns its ladder (rungs `zh en score`) into beads, `[zh ids]:[en ids]`
a line, in OUT/NAME.pred. Score them with
`cargo run --release -p bianyi-align --example bible_eval -- DIR --books ... --predicted OUT`.

DICT is `null` (hunalign's own empty dictionary: lengths, then a dictionary
learnt from the first pass with -realign) or `unihan`: bianyi's bundled
character glosses (crates/align/data/unihan-glosses.txt) written as a
hunalign dictionary, `English word @ character` a line.

Usage: python3 scripts/hunalign-eval.py HUNALIGN DIR BOOKS OUT [null|unihan]
BOOKS: comma-separated names, or @FILE holding them. Standard library only.
"""

import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def tok_zh(line, k=1):
    """Characters apart, each written k times: hunalign's length model
    expects both sides to be about as long in characters, so the Chinese
    side is stretched to the English side's scale (k from the book)."""
    return " ".join(
        t.lower() if re.match(r"\w\w", t) else t * k for t in re.findall(r"[A-Za-z0-9_]+|\S", line)
    )


def tok_en(line):
    return " ".join(re.findall(r"\w+|[^\w\s]", line.lower()))


def write_dict(path, k):
    """hunalign dictionary lines are `target word @ source word`."""
    out = []
    with open(os.path.join(ROOT, "crates/align/data/unihan-glosses.txt"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or "\t" not in line:
                continue
            ch, words = line.rstrip("\n").split("\t", 1)
            for w in dict.fromkeys(words.lower().split()):
                out.append(f"{w} @ {ch * k}\n")
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(out)


def ladder_to_beads(ladder):
    rungs = []
    for line in ladder.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            rungs.append((int(parts[0]), int(parts[1])))
    beads = []
    for (z0, e0), (z1, e1) in zip(rungs, rungs[1:]):
        if z1 > z0 or e1 > e0:
            beads.append((list(range(z0, z1)), list(range(e0, e1))))
    return beads


def main():
    if len(sys.argv) < 5:
        print(__doc__)
        return 2
    hunalign, data, books, out = sys.argv[1:5]
    hunalign = shutil.which(hunalign) or os.path.abspath(hunalign)
    data = os.path.abspath(data)
    dict_kind = sys.argv[5] if len(sys.argv) > 5 else "null"
    if books.startswith("@"):
        with open(books[1:]) as f:
            books = f.read()
    out = os.path.abspath(out)
    os.makedirs(out, exist_ok=True)
    dic = os.path.join(out, f"{dict_kind}.dic")
    for name in books.strip().split(","):
        text = {}
        for side in ("zh", "en"):
            with open(os.path.join(data, f"{name}.{side}"), encoding="utf-8") as f:
                lines = f.read().split("\n")
            if lines and lines[-1] == "":
                lines.pop()
            text[side] = lines
        # English characters (spaces included) per Chinese character, less
        # the space that follows each Chinese token.
        zh_chars = sum(len(re.sub(r"\s", "", l)) for l in text["zh"])
        en_chars = sum(len(tok_en(l)) for l in text["en"])
        k = max(1, round(en_chars / max(zh_chars, 1)) - 1)
        if dict_kind == "unihan":
            write_dict(dic, k)  # keys written like the text: k times
        else:
            open(dic, "w").close()
        for side, tok in (("zh", lambda l: tok_zh(l, k)), ("en", tok_en)):
            with open(os.path.join(out, f"{name}.{side}.tok"), "w", encoding="utf-8") as f:
                f.write("".join(tok(l) + "\n" for l in text[side]))
        run = subprocess.run(
            [hunalign, "-utf", "-realign", dic, os.path.join(out, f"{name}.zh.tok"), os.path.join(out, f"{name}.en.tok")],
            cwd=out,  # hunalign leaves a translate.txt in its working folder
            capture_output=True,
            text=True,
            check=True,
        )
        with open(os.path.join(out, f"{name}.pred"), "w") as f:
            for zs, es in ladder_to_beads(run.stdout):
                f.write(f"[{', '.join(map(str, zs))}]:[{', '.join(map(str, es))}]\n")
        print(f"{name}: {len(ladder_to_beads(run.stdout))} beads", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
