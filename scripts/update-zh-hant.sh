#!/bin/sh
# Regenerates locales/zh-Hant/bianyi.ftl from locales/zh-Hans/bianyi.ftl with
# bianyi itself: Taiwan software terms where they differ from the mainland's
# (文本 → 文字, 权限 → 權限, 第一列 → 第一欄, …) come from the glossary
# locales/terms.zh-TW.toml, so that every message, old or new, gets them;
# whole messages reworded by a reviewer are in locales/overrides.zh-Hant.ftl.
# `cargo test --test integration l10n` fails with a diff when the committed
# file is not what this script writes.
set -eu
cd "$(dirname "$0")/.."
cargo run --quiet -- l10n convert --to zh-TW --phrases --corner-quotes --comments \
    --overrides locales/overrides.zh-Hant.ftl \
    --glossary locales/terms.zh-TW.toml \
    locales/zh-Hans/bianyi.ftl -o locales/zh-Hant/
