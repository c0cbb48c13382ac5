#!/usr/bin/env python3
"""Build the literary free-translation alignment dev set (Chinese <-> English).

Source: the 18th-century novel 紅樓夢 (Hong Lou Meng, "The Dream of the Red
Chamber", Cao Xueqin) and H. Bencraft Joly's English translation (1892),
both public domain, both from Project Gutenberg through GitHub mirrors:

- Chinese: Project Gutenberg eBook #24264 (紅樓夢, Traditional characters),
  mirror github.com/gutenbergbooks/24264, file 24264-0.txt;
- English: Project Gutenberg eBook #9603 (Hung Lou Meng, Book I, tr. H.
  Bencraft Joly), mirror github.com/GITenberg/Hung-Lou-Meng-or-the-Dream-
  of-the-Red-Chamber-a-Chinese-Novel-Book-I_9603, file 9603-8.txt
  (ISO-8859-1).

Both files are read from the pinned commits below and checked against their
sha256. Joly translated an edition close to, but not the same as, the
Gutenberg Chinese text; what one side has
and the other lacks is annotated as 1-0 / 0-1 beads.

Each chapter (回) is one document: the chapter title couplet, then the body.
Chinese is cut into sentences after 。！？ (the Gutenberg text's "．" is read
as "。"), with closing quotes kept on the sentence they close; English after
. ! ? followed by a space and an upper-case letter or an opening quote (a
few abbreviations excepted); indented verse lines are joined like prose.

Gold: sentence beads annotated by hand (reading both languages) for every
sentence of chapters 1 to 4, stored as ids in
scripts/build-align-devset-hlm.gold (`chNN EN:ZH` a line, English ids
first, ranges a-b, an empty side for a 1-0 / 0-1 bead; no text). A bead is
the smallest monotone unit in which each side translates the other. The
script checks that the segmentation still yields the sentences the ids were
written against (sha256 of each .zh/.en file, also in the gold file).

Licences: both texts are public domain (Cao Xueqin died in 1763, Joly in
1898); the Chinese mirror's LICENSE.txt says "confirmed to be in the PUBLIC
DOMAIN IN THE UNITED STATES", the English mirror's metadata.yaml "Public
domain in the USA". The Project Gutenberg licence governs the use of the
Project Gutenberg name; the built files drop its header and footer.

Output (default /work/devset-align/hlm): per chapter `chNN.zh`, `chNN.en`
(one sentence a line), `chNN.gold.align` (`[en ids]:[zh ids]` a line, the
Bible dev set's format); `tune.txt` and `heldout.txt`; `SOURCES.md`. The
folder `hans/` holds the same set with the Chinese side in Simplified
characters (OpenCC's TSPhrases and TSCharacters from
crates/convert/data/opencc, longest phrase first, first candidate; one line
in, one line out, so the gold ids hold).

Usage:
    python3 scripts/build-align-devset-hlm.py ZH_GIT_DIR EN_GIT_DIR [OUT]
where ZH_GIT_DIR and EN_GIT_DIR are git directories (bare clones are fine)
of gutenbergbooks/24264 and GITenberg/...Book-I_9603. Standard library only.
"""

import hashlib
import os
import re
import subprocess
import sys

ZH_COMMIT = "1eabcbb135f18e31dc1141927ab634811ef18701"  # gutenbergbooks/24264
ZH_PATH = "24264-0.txt"
ZH_SHA256 = "e7aa4601dc6c68ba9b182112b7aab5de96eeb9e17e2867b349e4d3d806a55519"
EN_COMMIT = "7e018a57960c537fc55094cbb49745b587ea7c86"  # GITenberg/...Book-I_9603
EN_PATH = "9603-8.txt"
EN_SHA256 = "c5a85a5f001c51c885365b02496d367187de07bab1378594a6b073da895323e4"

# Chapters (回) written out: the ones annotated in the gold file. Tuning on
# chapter 1 only; chapters 2 to 4 are held out.
CHAPTERS = [1, 2, 3, 4]
TUNE = ["ch01"]
HELDOUT = ["ch02", "ch03", "ch04"]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
CN_NUM = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

HERE = os.path.dirname(os.path.abspath(__file__))
GOLD = os.path.join(HERE, "build-align-devset-hlm.gold")
OPENCC = os.path.join(os.path.dirname(HERE), "crates", "convert", "data", "opencc", "dictionary")


def git_blob(git_dir, commit, path, sha256):
    data = subprocess.run(
        ["git", "--git-dir", git_dir, "show", f"{commit}:{path}"], capture_output=True, check=True
    ).stdout
    got = hashlib.sha256(data).hexdigest()
    if sha256 and got != sha256:
        sys.exit(f"{path} at {commit}: sha256 {got}, expected {sha256}")
    return data, got


# --- Chinese -------------------------------------------------------------------------

ZH_END = "。！？"
ZH_CLOSE = "”’」』）)"


def zh_chapters(text):
    text = text.replace("\r", "")
    # A heading is 第N回 alone or followed by its title after a space (a line
    # such as "第四回中既將…" is text).
    heads = list(re.finditer(r"^第([一二三四五六七八九十百]+)回(?:[　 ]+(.*))?$", text, re.M))
    out = []
    for i, m in enumerate(heads[: max(CHAPTERS)]):
        if i + 1 not in CHAPTERS:
            out.append(None)
            continue
        body = text[m.end() : heads[i + 1].start()]
        title = (m.group(2) or "").strip()
        if not title:  # title on the next non-empty line
            lines = [l for l in body.split("\n") if l.strip() and not l.startswith("---")]
            title, body = lines[0].strip(), body.split(lines[0], 1)[1]
        paras = []
        cur = []
        for line in body.split("\n"):
            if line.startswith("-----"):
                continue
            if line.startswith("　　") or not line.strip():
                if cur:
                    paras.append("".join(cur))
                cur = []
            if line.strip():
                cur.append(line.strip(" 　"))
        if cur:
            paras.append("".join(cur))
        sents = [re.sub(r"[　 ]+", " ", title).strip()]
        for p in paras:
            sents.extend(zh_sentences(p))
        out.append(sents)
    return out


def zh_sentences(p):
    p = p.replace("．", "。")
    out, cur, i = [], "", 0
    while i < len(p):
        ch = p[i]
        cur += ch
        i += 1
        if ch in ZH_END:
            while i < len(p) and (p[i] in ZH_END or p[i] in ZH_CLOSE or (p[i] == '"' and cur.count('"') % 2 == 1)):
                cur += p[i]
                i += 1
            if cur.strip():
                out.append(cur.strip())
            cur = ""
    if cur.strip():
        out.append(cur.strip())
    return out


# --- English -------------------------------------------------------------------------

ABBREV = ("Mr.", "Mrs.", "Dr.", "St.", "Messrs.", "viz.", "i.e.", "e.g.", "cf.")
EN_SPLIT = re.compile(r"(?<=[.!?])(['\"”’)]*)\s+(?=['\"“‘(]?[A-Z])")


def en_chapters(text):
    text = text.replace("\r", "")
    out = []
    for k in range(max(CHAPTERS)):
        if k + 1 not in CHAPTERS:
            out.append(None)
            continue
        start = text.index(f"\nCHAPTER {ROMAN[k]}.\n")
        end = text.index(f"\nCHAPTER {ROMAN[k + 1]}.\n") if k + 1 < len(ROMAN) else len(text)
        body = text[start:end].split("\n")[2:]
        paras, cur = [], []
        for line in body:
            if not line.strip():
                if cur:
                    paras.append(" ".join(cur))
                cur = []
            else:
                cur.append(line.strip())
        if cur:
            paras.append(" ".join(cur))
        sents = []
        for p in paras:
            sents.extend(en_sentences(p))
        out.append(sents)
    return out


def en_sentences(p):
    out, last = [], 0
    for m in EN_SPLIT.finditer(p):
        cut = m.start() + len(m.group(1))
        head = p[last:cut]
        if head.endswith(ABBREV) or re.search(r"\b[A-Z]\.$", head):
            continue
        out.append(head.strip())
        last = m.end()
    tail = p[last:].strip()
    if tail:
        out.append(tail)
    return [s for s in out if s]


def expand(ids):
    """`3-5,7` -> [3, 4, 5, 7]"""
    out = []
    for part in filter(None, ids.split(",")):
        a, _, b = part.partition("-")
        out.extend(range(int(a), int(b or a) + 1))
    return out


def read_gold(path):
    """The hand-made beads: `chNN EN:ZH` lines (compact ids, English first,
    either side may be empty) and `chNN sha256 LANG HEX` lines naming the
    sentence files the ids were written against."""
    gold, sums = {}, {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            name, rest = line.split(None, 1)
            if rest.startswith("sha256 "):
                _, lang, hexsum = rest.split()
                sums[(name, lang)] = hexsum
                continue
            en, zh = rest.split(":")
            gold.setdefault(name, []).append((expand(en), expand(zh)))
    return gold, sums


def t2s_converter():
    """Traditional -> Simplified with OpenCC's tables: longest TSPhrases
    entry first, else TSCharacters, first candidate of each."""
    tables = []
    for name in ("TSPhrases.txt", "TSCharacters.txt"):
        table = {}
        with open(os.path.join(OPENCC, name), encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or "\t" not in line:
                    continue
                key, values = line.rstrip("\n").split("\t", 1)
                table.setdefault(key, values.split(" ")[0])
        tables.append(table)
    phrases, chars = tables
    longest = max(map(len, phrases))

    def convert(text):
        out, i = [], 0
        while i < len(text):
            for n in range(min(longest, len(text) - i), 1, -1):
                if text[i : i + n] in phrases:
                    out.append(phrases[text[i : i + n]])
                    i += n
                    break
            else:
                out.append(chars.get(text[i], text[i]))
                i += 1
        return "".join(out)

    return convert


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    zh_git, en_git = sys.argv[1], sys.argv[2]
    out_dir = sys.argv[3] if len(sys.argv) > 3 else "/work/devset-align/hlm"
    os.makedirs(out_dir, exist_ok=True)
    zh_raw, zh_sha = git_blob(zh_git, ZH_COMMIT, ZH_PATH, ZH_SHA256)
    en_raw, en_sha = git_blob(en_git, EN_COMMIT, EN_PATH, EN_SHA256)
    zh = zh_chapters(zh_raw.decode("utf-8"))
    en = en_chapters(en_raw.decode("latin-1"))
    gold, sums = read_gold(GOLD)
    t2s = t2s_converter()
    os.makedirs(os.path.join(out_dir, "hans"), exist_ok=True)
    rows = []
    for k in CHAPTERS:
        name = f"ch{k:02d}"
        texts = {"zh": "".join(s + "\n" for s in zh[k - 1]), "en": "".join(s + "\n" for s in en[k - 1])}
        for lang, text in texts.items():
            got = hashlib.sha256(text.encode("utf-8")).hexdigest()
            want = sums.get((name, lang))
            if want and got != want:
                sys.exit(f"{name}.{lang}: the sentences differ from those the gold ids were written against")
            with open(os.path.join(out_dir, f"{name}.{lang}"), "w", encoding="utf-8") as f:
                f.write(text)
            hans = "".join(t2s(s) + "\n" for s in zh[k - 1]) if lang == "zh" else text
            with open(os.path.join(out_dir, "hans", f"{name}.{lang}"), "w", encoding="utf-8") as f:
                f.write(hans)
        beads = gold.get(name, [])
        zs = [i for _, z in beads for i in z]
        es = [i for e, _ in beads for i in e]
        if zs != sorted(set(zs)) or es != sorted(set(es)):
            sys.exit(f"{name}: gold beads overlap or are out of order")
        if zs and (zs[-1] >= len(zh[k - 1]) or es[-1] >= len(en[k - 1])):
            sys.exit(f"{name}: gold ids exceed the sentence counts")
        for sub in ("", "hans"):
            with open(os.path.join(out_dir, sub, f"{name}.gold.align"), "w", encoding="utf-8") as f:
                for e, z in beads:
                    f.write(f"{e}:{z}\n".replace(" ", ""))
        shapes = {}
        for e, z in beads:
            key = f"{len(z)}-{len(e)}"
            shapes[key] = shapes.get(key, 0) + 1
        covered = (len(set(zs)), len(set(es)))
        rows.append((name, len(zh[k - 1]), len(en[k - 1]), len(beads), covered, shapes))
        print(name, len(zh[k - 1]), len(en[k - 1]), len(beads), "beads")
    for fname, names in (("tune.txt", TUNE), ("heldout.txt", HELDOUT)):
        for sub in ("", "hans"):
            with open(os.path.join(out_dir, sub, fname), "w", encoding="utf-8") as f:
                f.write(",".join(names) + "\n")
    with open(os.path.join(out_dir, "SOURCES.md"), "w", encoding="utf-8") as f:
        f.write("# Literary alignment dev set (Hong Lou Meng, tr. Joly 1892)\n\n")
        f.write("Built by scripts/build-align-devset-hlm.py; see its docstring. Public domain texts.\n\n")
        f.write(f"- Chinese: gutenbergbooks/24264 @ {ZH_COMMIT} {ZH_PATH} sha256 {zh_sha}\n")
        f.write(f"- English: GITenberg/Hung-Lou-Meng-...-Book-I_9603 @ {EN_COMMIT} {EN_PATH} sha256 {en_sha}\n\n")
        f.write("| chapter | zh sentences | en sentences | gold beads | zh / en in gold | bead shapes (zh-en) | part |\n|---|---:|---:|---:|---|---|---|\n")
        for name, nz, ne, nb, cov, shapes in rows:
            part = "tune" if name in TUNE else "held out"
            sh = ", ".join(f"{k} {v}" for k, v in sorted(shapes.items(), key=lambda x: -x[1]))
            f.write(f"| {name} | {nz} | {ne} | {nb} | {cov[0]} / {cov[1]} | {sh} | {part} |\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
