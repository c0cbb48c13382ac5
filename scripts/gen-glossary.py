#!/usr/bin/env python3
"""Writes a synthetic glossary of N entries for measuring large glossaries.

Each entry has a random zh-Hant term of 2 to 5 characters out of 3,000 CJK
characters and a random English name of 1 to 3 words made of syllables, so
that real-looking nesting and shared names occur (docs/glossary.md, "Large
glossaries"). Deterministic (seed 11).

    python3 scripts/gen-glossary.py 200000 [OUT]     # default OUT: g200000.toml
"""
import random
import sys

n = int(sys.argv[1])
out_path = sys.argv[2] if len(sys.argv) > 2 else f"g{n}.toml"
random.seed(11)
han = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
syll = ["ka", "lo", "mi", "ne", "ru", "ta", "vi", "zen", "bar", "tor", "lin", "son",
        "da", "fe", "gu", "ho", "ji", "ku", "ma", "no", "pe", "sa", "te", "wu"]
out = ['[glossary]\nsource = "zh-Hant"\ntarget = "en"\n']
for i in range(n):
    zh = "".join(random.choice(han) for _ in range(2 + random.randrange(4)))
    name = " ".join(
        "".join(random.choice(syll) for _ in range(2 + random.randrange(3))).capitalize()
        for _ in range(1 + random.randrange(3)))
    out.append(f'[[entry]]\nid = "t{i:07d}"\nterms = [\n'
               f'  {{ lang = "en", text = "{name}", status = "preferred" }},\n'
               f'  {{ lang = "zh-Hant", text = "{zh}", status = "preferred" }},\n]\n')
with open(out_path, "w", encoding="utf-8") as f:
    f.write("\n".join(out))
