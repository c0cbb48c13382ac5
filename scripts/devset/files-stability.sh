#!/usr/bin/env bash
# Lines of real text that converting whole files to their own standard
# changes, as a user runs it (`bianyi convert --to zh-TW FILE`), beside
# OpenCC's matching config (`-c t2tw`). docs/target.md, "Stability".
#
# Usage: scripts/devset/files-stability.sh [DEVSET_DIR] [SPLIT]
#   DEVSET_DIR  written by scripts/devset/fetch.py (default /work/devset)
#   SPLIT       dev or test (default test)
# Uses target/release/bianyi (cargo build --release first) or $BIANYI.
set -euo pipefail
cd "$(dirname "$0")/../.."
devset=${1:-/work/devset}
split=${2:-test}
bianyi=${BIANYI:-target/release/bianyi}
[ -x "$bianyi" ] || { echo "$bianyi not found: cargo build --release first" >&2; exit 2; }
[ -d "$devset/split/$split/mono" ] || { echo "$devset/split/$split/mono not found: run scripts/devset/fetch.py" >&2; exit 2; }

echo "| text | conversion | lines | changed | share |"
echo "|---|---|---:|---:|---:|"
for variant in zh-TW zh-HK zh-CN; do
    case $variant in
        zh-TW) config=t2tw ;;
        zh-HK) config=t2hk ;;
        *) config=t2s ;;
    esac
    for how in "--to $variant" "--to $variant --phrases" "-c $config"; do
        total=0
        changed=0
        for file in "$devset/split/$split/mono/$variant"/*.txt; do
            total=$((total + $(wc -l < "$file")))
            # shellcheck disable=SC2086 # $how is several arguments
            changed=$((changed + $("$bianyi" convert $how "$file" | diff "$file" - | grep -c '^>' || true)))
        done
        share=$(awk -v c="$changed" -v t="$total" 'BEGIN { printf "%.2f %%", t ? 100 * c / t : 0 }')
        echo "| $variant | \`$how\` | $total | $changed | $share |"
    done
done
