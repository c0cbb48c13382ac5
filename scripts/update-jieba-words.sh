#!/usr/bin/env bash
# Re-extract crates/convert/data/jieba/dict.txt (the word frequencies used by
# target-based conversion to find word boundaries) from the jieba-rs crate.
# Usage: scripts/update-jieba-words.sh [VERSION SHA256]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
version=${1:-0.11.0}
expected=${2:-0a3a7d02ea31e6fc6f2fe10495dc7c5efcf381e1f21d7172f58ba792efa1c2fd}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
curl -fsSL -o "$work/jieba.crate" "https://static.crates.io/crates/jieba-rs/jieba-rs-$version.crate"
sha=$(sha256sum "$work/jieba.crate" | cut -d' ' -f1)
[ "$sha" = "$expected" ] || { echo "sha256 mismatch: $sha" >&2; exit 1; }
tar -xzf "$work/jieba.crate" -C "$work"
dict="$work/jieba-rs-$version/src/data/dict.txt"
total=$(awk '{s+=$2} END {print s}' "$dict")
awk '$2>=10 {print $1" "$2}' "$dict" | LC_ALL=C sort > "$here/crates/convert/data/jieba/dict.txt"
echo "extracted $(wc -l < "$here/crates/convert/data/jieba/dict.txt") words; total frequency $total (record it in PROVENANCE and build.rs)"
