# Reviewed zh-Hant wording where converting zh-Hans (bianyi l10n convert
# --to zh-TW --phrases) is not enough: whole messages a reviewer reworded,
# where a word differs by more than script and only in that message, or an
# OpenCC phrase choice is wrong here (禁用 → 停用). A Taiwan term that
# applies wherever the mainland one appears (文本 → 文字, 权限 → 權限,
# 第一列 → 第一欄) goes into the glossary locales/terms.zh-TW.toml instead,
# so that new messages get it too. Each message keeps the placeholders of
# the zh-Hans one, in the same order. Used by scripts/update-zh-hant.sh;
# see docs/l10n.md.

error-engine-unavailable = 此 bianyi 建置時未包含系統 OpenCC 引擎；請用 `cargo build --features opencc` 重新建置（需要 libopencc-dev）
io-permission-denied = 權限不足
io-read-only = 檔案系統為唯讀
config-t2jp = 繁體字（日本舊字體）→ 日本新字體
config-jp2t = 日本新字體 → 繁體字（日本舊字體）
check-no-usable-term = 條目「{ $id }」只有禁用術語
check-forbidden-allowed = 「{ $term }」在「{ $forbidden_in }」中禁用，卻在「{ $allowed_in }」中允許使用
qa-forbidden = { $where }：禁用術語「{ $term }」（{ $id }）；請用「{ $preferred }」
report-low-confidence = 低信賴度
report-low-confidence-count = 低信賴度的對齊
error-l10n-structure = { $path }:{ $line }：轉換訊息「{ $key }」會改變其識別碼、預留位置或語法，未寫入任何內容（請檢查 --glossary 和 --overrides）
error-l10n-override = { $path }：{ $overrides } 中「{ $key }」的替換文字與原訊息的預留位置不同或順序不同
# Examples that show both scripts or both quote styles must not be converted.
cli-arg-phrases = 與 --to 一起使用：同時轉換地區用詞（软件 ↔ 軟體）
cli-l10n-convert-corner_quotes = 把 “ ” ‘ ’ 寫成 「 」 『 』（臺灣和香港的排版習慣）
cli-convert-corner_quotes = 把 “ ” ‘ ’ 寫成 「 」 『 』（臺灣和香港的排版習慣）。預設關閉，zh-TW 和 zh-HK 也一樣
cli-arg-keep_formulas = 以 = + - @ 開頭的 TSV 和 CSV 儲存格原樣寫出，供工具使用（預設在前面加 '，以免試算表把它們當作公式執行）
# Issue 21 (item 13), reviewed against Taiwan software wording.
cli-convert-engine-opencc = 透過 opencc-rust 呼叫系統的 OpenCC 程式庫
cli-about = 在簡繁字體、地區和語言之間轉換、檢查和對齊中文文字
cli-detect-about = 判斷文字是簡體或繁體，以及所用的地區標準
# Issue 26: examples under --help ("範例" in Taiwan); this one shows both scripts.
cli-heading-examples = 範例
cli-glossary-examples =
    # 新增一對術語，然後檢查術語表
    bianyi glossary add terms.toml zh-Hans=软件 zh-TW=軟體
    bianyi glossary check terms.toml
