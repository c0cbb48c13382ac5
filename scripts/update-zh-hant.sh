#!/bin/sh
# Regenerates locales/zh-Hant/bianyi.ftl from locales/zh-Hans/bianyi.ftl with
# bianyi itself, applying the reviewed wording in locales/overrides.zh-Hant.ftl.
# `cargo test --test integration l10n` fails with a diff when the committed
# file is not what this script writes.
set -eu
cd "$(dirname "$0")/.."
cargo run --quiet -- l10n convert --to zh-TW --phrases --corner-quotes --comments \
    --overrides locales/overrides.zh-Hant.ftl \
    locales/zh-Hans/bianyi.ftl -o locales/zh-Hant/
