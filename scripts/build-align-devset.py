#!/usr/bin/env python3
"""Build the free-translation alignment dev set (technical prose, zh-Hans <-> en).

Source: "The Rust Programming Language" (rust-lang/book, MIT OR Apache-2.0)
and its community Chinese translation (KaiserY/trpl-zh-cn, MIT). Every page of
the translation names the English commit it was translated from, so each
Chinese page is paired with exactly that English page.

Gold alignments come from the Markdown structure, not from an aligner:
both pages are cut into blocks (headings, paragraphs, list items, quoted
paragraphs; code, tables, HTML and includes are left out), and blocks are
paired by a longest-common-subsequence match on their kind and inline code
spans (`...`, kept verbatim by the translator); blocks outside the matched
runs (translation behind or ahead of the English page) stay unpaired, and
a pair whose lengths do not fit a translation is not trusted. Blocks
are then cut into sentences; a trusted block pair in which one side has a
single sentence is a gold bead (1-1, 1-n or n-1, exact by construction).
Block pairs with several sentences on both sides, and untrusted ones, are
left out of the gold file: the aligner still sees their sentences, but the
evaluation ignores predicted beads that touch only such sentences
(crates/align/examples/bible_eval.rs).

Output (default /work/devset-align/trpl): per chapter `chNN.zh`, `chNN.en`
(one sentence a line), `chNN.gold.align` (`[en ids]:[zh ids]` a line,
the Bible dev set's format) and `chNN.para` (`zh en` a line: the paragraph
boundaries, sentence counts before which both sides correspond); `tune.txt` and `heldout.txt` (chapters 1-10 and
11-21 + appendices); `SOURCES.md` (commits, licences, counts).

Usage:
    python3 scripts/build-align-devset.py ZH_GIT_DIR EN_GIT_DIR [OUT]
where ZH_GIT_DIR / EN_GIT_DIR are git directories (bare clones are fine) of
KaiserY/trpl-zh-cn and rust-lang/book. The Chinese side is read at ZH_COMMIT
below; the English side at the commit each page names. Standard library only.
"""

import collections
import difflib
import os
import re
import subprocess
import sys

ZH_COMMIT = "49df980589ccd5c1b8829b9be47439136dc34101"  # trpl-zh-cn, 2026-04-23

LINK_LINE = re.compile(r"^\[[^\]]*\]\(https://github\.com/rust-lang/book/blob/([0-9a-f]{40})/src/([^)]+)\)\s*$")
LIST_ITEM = re.compile(r"^\s{0,3}(?:[-*+]|\d+\.)\s+")
REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
CODE_SPAN = re.compile(r"`+([^`]+)`+")


def git_show(git_dir, commit, path):
    out = subprocess.run(
        ["git", "--git-dir", git_dir, "show", f"{commit}:{path}"],
        capture_output=True,
        check=False,
    )
    if out.returncode != 0:
        return None
    return out.stdout.decode("utf-8")


def blocks(text):
    """(kind, raw text) per block; kinds: h, p, li, q."""
    out = []
    cur = None  # [kind, lines]
    fence = None
    html = False

    def close():
        nonlocal cur
        if cur is not None and "".join(cur[1]).strip():
            out.append((cur[0], " ".join(s.strip() for s in cur[1])))
        cur = None

    for line in text.split("\n"):
        stripped = line.strip()
        quoted = False
        body = line
        if stripped.startswith(">"):
            quoted = True
            body = re.sub(r"^\s*>\s?", "", line)
        bs = body.strip()
        if fence is not None:
            if bs.startswith(fence):
                fence = None
            continue
        m = re.match(r"^(```+|~~~+)", bs)
        if m:
            close()
            fence = m.group(1)
            continue
        if not bs:
            close()
            html = False
            continue
        if html:
            continue
        if bs.startswith("<") and cur is None:
            html = True  # an HTML block runs to the next blank line
            continue
        if LINK_LINE.match(bs) or bs.startswith("{{") or bs.startswith("|") or REF_DEF.match(bs):
            close()
            continue
        if bs.startswith("#"):
            close()
            out.append(("h", bs.lstrip("#").strip()))
            continue
        if LIST_ITEM.match(body):
            close()
            cur = ["li", [LIST_ITEM.sub("", body, count=1)]]
            continue
        kind = "q" if quoted else "p"
        if cur is None:
            cur = [kind, [bs]]
        else:
            cur[1].append(bs)
    close()
    return out


def clean(s):
    s = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", s)  # images
    s = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", s)  # inline links
    s = re.sub(r"\[([^\]]+)\]\[[^\]]*\]", r"\1", s)  # reference links
    s = re.sub(r"<[^>]+>", "", s)  # inline HTML
    s = s.replace("**", "")
    s = re.sub(r"(?<![\w`])[_*]([^_*`]+)[_*](?![\w`])", r"\1", s)  # _emphasis_
    s = re.sub(r"\s+", " ", s)
    return s.strip()


ABBREV = {"e.g.", "i.e.", "etc.", "vs.", "Mr.", "Mrs.", "Dr.", "St.", "No.", "cf."}


EN_END = re.compile(r"[.!?][\"'’”)\]]*\s+(?=[A-Z0-9\"“‘'`(\[*_])")
ZH_END = re.compile(r"[。！？!?][”’」』）)]*|\.[”’」』）)]*(?=\s*[\u4e00-\u9fff“「])")


def split(s, ends):
    """Sentences of `s`, cut after each match of `ends` (not after an
    abbreviation)."""
    out, start = [], 0
    for m in ends.finditer(s):
        piece = s[start : m.end()].strip()
        words = piece.split()
        if not piece or (words and words[-1] in ABBREV):
            continue
        out.append(piece)
        start = m.end()
    tail = s[start:].strip()
    if tail:
        out.append(tail)
    return out


def split_en(s):
    return split(s, EN_END)


def split_zh(s):
    return split(s, ZH_END)


def plausible(z, e):
    """A paired block's lengths fit a translation (Chinese characters per
    English character between 0.15 and 0.9, loose for short blocks)."""
    if len(e) < 40:
        return True
    return 0.15 <= len(z) / len(e) <= 0.9


def code_spans(s):
    return collections.Counter(x.strip() for x in CODE_SPAN.findall(s))


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    zh_git, en_git = sys.argv[1], sys.argv[2]
    out_dir = sys.argv[3] if len(sys.argv) > 3 else "/work/devset-align/trpl"
    os.makedirs(out_dir, exist_ok=True)
    names = subprocess.run(
        ["git", "--git-dir", zh_git, "ls-tree", "--name-only", ZH_COMMIT, "src/"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout.split()
    pages = sorted(n for n in names if re.match(r"src/(ch\d\d|appendix)-.*\.md$", n))
    chapters = collections.OrderedDict()
    report = []
    for path in pages:
        zh_text = git_show(zh_git, ZH_COMMIT, path)
        link = next((LINK_LINE.match(l.strip()) for l in zh_text.split("\n") if LINK_LINE.match(l.strip())), None)
        if link is None:
            report.append(f"| {path} | — | dropped: names no English commit |")
            continue
        en_commit, en_path = link.group(1), "src/" + link.group(2)
        en_text = git_show(en_git, en_commit, en_path)
        if en_text is None:
            report.append(f"| {path} | {en_commit[:10]} | dropped: English page not found |")
            continue
        zb, eb = blocks(zh_text), blocks(en_text)
        # Pair blocks by their kind and inline code spans (kept verbatim by
        # the translator); blocks outside equal runs stay unpaired.
        sig = lambda b: (b[0], tuple(sorted(code_spans(b[1]).elements())))
        sm = difflib.SequenceMatcher(None, [sig(b) for b in zb], [sig(b) for b in eb], autojunk=False)
        units = []  # (zh block or None, en block or None)
        for op, i1, i2, j1, j2 in sm.get_opcodes():
            if op == "equal":
                units.extend(zip(zb[i1:i2], eb[j1:j2]))
            else:
                units.extend((z, None) for z in zb[i1:i2])
                units.extend((None, e) for e in eb[j1:j2])
        chapter = re.match(r"src/(ch\d\d|appendix)", path).group(1)
        doc = chapters.setdefault(chapter, {"zh": [], "en": [], "gold": [], "para": set(), "pages": []})
        doc["pages"].append(f"{path} ← {en_path}@{en_commit[:10]}")
        trusted = scored = 0
        for zblock, eblock in units:
            z = clean(zblock[1]) if zblock else ""
            e = clean(eblock[1]) if eblock else ""
            zs, es = split_zh(z), split_en(e)
            zi = list(range(len(doc["zh"]), len(doc["zh"]) + len(zs)))
            ei = list(range(len(doc["en"]), len(doc["en"]) + len(es)))
            doc["zh"].extend(zs)
            doc["en"].extend(es)
            if not zs or not es or not plausible(z, e):
                continue
            # Everything before this pair (and up to its end) corresponds.
            doc["para"].add((zi[0], ei[0]))
            doc["para"].add((zi[-1] + 1, ei[-1] + 1))
            trusted += 1
            if len(zs) == 1 or len(es) == 1:
                doc["gold"].append((ei, zi))
                scored += 1
        report.append(
            f"| {path} | {en_commit[:10]} | {len(zb)} / {len(eb)} blocks, {trusted} paired, {scored} gold beads |"
        )
    tune, held = [], []
    totals = {"tune": [0, 0, 0], "heldout": [0, 0, 0]}
    for chapter, doc in chapters.items():
        with open(os.path.join(out_dir, f"{chapter}.zh"), "w", encoding="utf-8") as f:
            f.write("".join(s + "\n" for s in doc["zh"]))
        with open(os.path.join(out_dir, f"{chapter}.en"), "w", encoding="utf-8") as f:
            f.write("".join(s + "\n" for s in doc["en"]))
        with open(os.path.join(out_dir, f"{chapter}.gold.align"), "w", encoding="utf-8") as f:
            for ei, zi in doc["gold"]:
                f.write(f"[{','.join(map(str, ei))}]:[{','.join(map(str, zi))}]\n")
        with open(os.path.join(out_dir, f"{chapter}.para"), "w", encoding="utf-8") as f:
            f.write("".join(f"{z} {e}\n" for z, e in sorted(doc["para"])))
        part = "tune" if chapter != "appendix" and int(chapter[2:]) <= 10 else "heldout"
        (tune if part == "tune" else held).append(chapter)
        t = totals[part]
        t[0] += len(doc["zh"])
        t[1] += len(doc["en"])
        t[2] += len(doc["gold"])
    with open(os.path.join(out_dir, "tune.txt"), "w") as f:
        f.write(",".join(tune) + "\n")
    with open(os.path.join(out_dir, "heldout.txt"), "w") as f:
        f.write(",".join(held) + "\n")
    with open(os.path.join(out_dir, "SOURCES.md"), "w", encoding="utf-8") as f:
        f.write("# Free-translation alignment dev set (built by scripts/build-align-devset.py)\n\n")
        f.write(f"- Chinese: KaiserY/trpl-zh-cn at {ZH_COMMIT} (MIT licence, (c) KaiserY and contributors).\n")
        f.write("- English: rust-lang/book (MIT OR Apache-2.0, (c) The Rust Project Developers), at the commit\n")
        f.write("  each Chinese page names.\n\n")
        for part, t in totals.items():
            f.write(f"- {part}: {t[0]} zh sentences, {t[1]} en sentences, {t[2]} gold beads\n")
        f.write("\n| page | English commit | status |\n|---|---|---|\n")
        f.write("\n".join(report) + "\n")
    for part, t in totals.items():
        print(f"{part}: {t[0]} zh sentences, {t[1]} en sentences, {t[2]} gold beads")
    print(f"{len(report)} pages; see {out_dir}/SOURCES.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
