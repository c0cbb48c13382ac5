# bianyi 命令列工具的訊息。訊息 id 和變數須與 en-US 完全一致。
# zh-Hant 的訊息由 bianyi 從 zh-Hans 的檔案生成（scripts/update-zh-hant.sh，見 docs/l10n.md），不要直接修改 zh-Hant。

## 錯誤

# 每條錯誤所在的行。
error-line = bianyi：錯誤：{ $message }
error-missing-config = 未選擇轉換方式：請用 --to 目標（zh-Hans、zh-TW 等）或 -c CONFIG 指定（用 `bianyi convert --list-configs` 列出全部方案）
error-unknown-config = 未知的轉換方案「{ $name }」；可用的方案有：{ $configs }
hint-did-you-mean = 提示：你是不是想用「{ $suggestion }」？
error-invalid-utf8 = { $path }:{ $line }:{ $column }：位元組偏移 { $offset } 處不是有效的 UTF-8（位元組 { $bytes }）
hint-not-utf8 = 提示：該檔案不是 UTF-8 編碼，請先轉碼，例如 `iconv -f GB18030 -t UTF-8` 或 `iconv -f BIG5 -t UTF-8`
error-read = 無法讀取 { $path }：{ $reason }
error-write = 無法寫入 { $path }：{ $reason }；未做任何修改
error-output-is-input = { $path } 既是輸入又是輸出；要就地轉換檔案，請使用 --in-place
error-in-place-stdin = --in-place 需要指定要改寫的檔案，不能用於標準輸入
error-in-place-not-regular = { $path } 不是普通檔案，無法就地改寫；請改用 -o
error-stdin-twice = 標準輸入（-）只能指定一次
error-same-file-twice = { $first } 和 { $second } 是同一個檔案；--in-place 會把它轉換兩次
error-engine-no-tofu-risk = 系統 OpenCC 引擎沒有 tofu-risk 詞典；請去掉 --tofu-risk，或使用預設引擎
error-engine-only-convert = 系統 OpenCC 引擎只支援 -c 轉換；--to、--diff 和 --ambiguities 需要 bianyi 自己的引擎
error-unknown-target = 未知的目標「{ $name }」；請使用 zh-Hans、zh-Hant、zh-TW、zh-HK 或 zh-CN（也可用 zh-SG、zh-MY 和 zh-MO）
error-engine-unavailable = 此 bianyi 建置時未包含系統 OpenCC 引擎；請用 `cargo build --features opencc` 重新建置（需要 libopencc-dev）
error-engine-config = 系統 OpenCC 無法載入轉換方案 { $config }：{ $detail }

## 輸入輸出錯誤的原因

io-not-found = 檔案或目錄不存在
io-permission-denied = 權限不足
io-is-a-directory = 這是一個目錄
io-storage-full = 磁碟已滿
io-read-only = 檔案系統為唯讀
io-other = { $detail }

## 名稱

stdin-name = <標準輸入>

## 轉換方案說明（bianyi convert --list-configs）

config-s2t = 簡體中文 → 繁體中文（OpenCC 標準）
config-t2s = 繁體中文（OpenCC 標準）→ 簡體中文
config-s2tw = 簡體中文 → 繁體中文（臺灣正體）
config-tw2s = 繁體中文（臺灣正體）→ 簡體中文
config-s2twp = 簡體中文 → 繁體中文（臺灣正體），並轉換為臺灣常用詞彙
config-tw2sp = 繁體中文（臺灣正體）→ 簡體中文，並轉換為大陸常用詞彙
config-s2hk = 簡體中文 → 繁體中文（香港字形）
config-hk2s = 繁體中文（香港字形）→ 簡體中文
config-s2hkp = 簡體中文 → 繁體中文（香港字形），並轉換為香港常用詞彙
config-hk2sp = 繁體中文（香港字形）→ 簡體中文，並轉換為大陸常用詞彙
config-t2tw = 繁體中文（OpenCC 標準）→ 臺灣正體
config-tw2t = 繁體中文（臺灣正體）→ 繁體中文（OpenCC 標準）
config-t2hk = 繁體中文（OpenCC 標準）→ 香港字形
config-hk2t = 繁體中文（香港字形）→ 繁體中文（OpenCC 標準）
config-t2jp = 繁體字（日本舊字體）→ 日本新字體
config-jp2t = 日本新字體 → 繁體字（日本舊字體）

## bianyi detect

detect-line = { $place }：{ $description }
detect-with-standard = { $script }，{ $standard }
detect-with-hint = { $description }；{ $hint }
detect-script-simplified = 簡體中文
detect-script-traditional = 繁體中文
detect-script-mixed = 簡繁混合的中文
detect-script-neutral = 只用簡繁通用字的中文
detect-script-not-chinese = 非中文
detect-standard-taiwan = 臺灣標準
detect-standard-hong-kong = 香港標準
detect-standard-opencc = OpenCC 標準（舊字形）
detect-hint-mainland-origin = 看來是由大陸簡體機械轉換而來（含大陸用語或殘留簡體字）

## Glossaries (bianyi glossary, bianyi qa, convert --glossary)

error-need-langs = TSV、CSV 術語表和術語檢查需要知道語言：請同時給出 --source-lang 和 --target-lang（例如 --source-lang zh-Hant --target-lang en），或在術語表中宣告 source 和 target
error-no-such-entry = { $path } 中沒有 id 為「{ $id }」的條目
error-bad-term = 「{ $arg }」不是術語：請寫成 語言=文字，例如 zh-Hant=顏樂存 或 en="Yann LeCun"
glossary-at = { $place }：{ $what }
glossary-text-name = 術語表
glossary-place = { $path }:{ $line }:{ $column }（位元組偏移 { $offset }）
glossary-syntax = { $format } 格式錯誤：{ $message }
glossary-bad-lang = 無效的語言標記「{ $tag }」（應為 BCP 47 標記，例如 zh-Hant、zh-TW 或 en）
glossary-missing-field = 缺少 { $field }
glossary-bad-value = 無效的 { $field }「{ $value }」：應為 { $expected }
glossary-duplicate-id = 條目 id「{ $id }」重複
glossary-unsafe-xml = 已拒絕 { $what }：bianyi 從不讀取 DTD、實體宣告或外部實體
glossary-too-large = 術語表太大，無法匹配：{ $message }
glossary-added = 已向 { $path } 中的「{ $id }」新增 { $terms } 個術語
glossary-removed = 已從 { $path } 刪除 { $count } 個條目
glossary-imported = 已將 { $entries } 個條目（{ $terms } 個術語）寫入 { $path }
glossary-merge-replaced = 條目「{ $id }」已由 { $path } 中的條目取代
glossary-formatted = 已整理 { $path }
glossary-not-canonical = { $path } 不是規範格式（請執行 bianyi glossary fmt）
glossary-problems = 發現 { $count } 個問題
check-empty-entry = 條目「{ $id }」沒有術語
check-no-usable-term = 條目「{ $id }」只有禁用術語
check-duplicate-term = 條目「{ $id }」中術語「{ $term }」出現了兩次
check-conflicting-targets = 「{ $term }」出現在多個條目中，而其 { $lang } 術語不同：{ $targets }
check-duplicate-entries = 「{ $term }」出現在多個內容相同的條目中：{ $ids }
check-shadowed = 「{ $term }」（{ $id }）在出現較長的「{ $by }」（{ $by_id }）時會被其遮蓋
check-forbidden-allowed = 「{ $term }」在「{ $forbidden_in }」中禁用，卻在「{ $allowed_in }」中允許使用
warning-glossary-conflict = 警告：「{ $term }」在 { $first } 中為「{ $first_target }」，在 { $second } 中為「{ $second_target }」；採用 { $second }
qa-missing = { $where }：「{ $term }」（{ $id }）：譯文（{ $target } 第 { $paragraph } 段）中沒有 { $expected } 中的任何一個
qa-forbidden = { $where }：禁用術語「{ $term }」（{ $id }）；請用「{ $preferred }」
qa-findings = 發現 { $count } 處問題
qa-paragraphs-differ = 警告：原文有 { $source } 段，譯文有 { $target } 段；改為整篇檢查

## bianyi align, bianyi report

report-title = 雙語報告：{ $source } → { $target }
report-source = 原文
report-target = 譯文
report-summary = 摘要
report-findings = 問題
report-low-confidence = 低信賴度
report-low-confidence-count = 低信賴度的對齊
report-source-segments = 原文句段
report-target-segments = 譯文句段
report-beads = 對齊的句對
report-changed = 改動的字元
report-terms = 找到的術語條目
report-converted-name = 轉換後的文字

## bianyi l10n convert

error-l10n-syntax = { $path }:{ $line }:{ $column }：不是有效的 { $format }（第 { $offset } 位元組）：{ $message }
error-l10n-output-syntax = { $path }：轉換後的檔案不再是有效的 { $format }（{ $message }），未寫入任何內容
error-l10n-structure = { $path }:{ $line }：轉換訊息「{ $key }」會改變其識別碼、預留位置或語法，未寫入任何內容（請檢查 --glossary 和 --overrides）
error-l10n-format = 無法從檔名判斷 { $path } 的格式，請用 --format ftl、po 或 json 指定
error-l10n-many-files = 多個檔案需要用 -o DIR 或 --in-place
error-l10n-override = { $path }：{ $overrides } 中「{ $key }」的替換文字與原訊息的預留位置不同或順序不同
