# bianyi 命令列工具的訊息。訊息 id 和變數須與 en-US 完全一致。
# zh-Hant 的訊息由 bianyi 從 zh-Hans 的檔案生成（scripts/update-zh-hant.sh，見 docs/l10n.md），不要直接修改 zh-Hant。

## 錯誤

# 每條錯誤所在的行。
error-line = bianyi：錯誤：{ $message }
error-missing-config = 未選擇轉換方式：請用 --to TARGET（zh-Hans、zh-TW 等）或 -c CONFIG 指定（用 `bianyi convert --list-configs` 列出全部方案）
error-unknown-config = 未知的轉換方案「{ $name }」；可用的方案有：{ $configs }
hint-did-you-mean = 提示：你是不是想用「{ $suggestion }」？
error-invalid-utf8 = { $path }:{ $line }:{ $column }：位元組偏移 { $offset } 處不是有效的 UTF-8（位元組 { $bytes }）
hint-not-utf8 = 提示：該檔案不是 UTF-8 編碼，請指定其編碼，例如 --encoding gb18030 或 --encoding big5
error-read = 無法讀取 { $path }：{ $reason }
error-write = 無法寫入 { $path }：{ $reason }；未做任何修改
error-partly-replaced = 無法替換 { $path }：{ $reason }；已替換：{ $replaced }；保持原樣：{ $untouched }
error-output-is-input = { $path } 既是輸入又是輸出；要就地轉換檔案，請使用 --in-place
error-in-place-stdin = --in-place 需要指定要改寫的檔案，不能用於標準輸入
error-in-place-not-regular = { $path } 不是普通檔案，無法就地改寫；請改用 -o
error-input-is-folder = 無法讀取 { $path }：這是一個資料夾；要轉換其中的所有文字檔案，請用 -r { $path } -o OUTDIR（或 --in-place）
error-stdin-twice = 標準輸入（-）只能指定一次
error-same-file-twice = { $first } 和 { $second } 是同一個檔案；--in-place 會把它轉換兩次
error-same-output-twice = { $first } 和 { $second } 都會寫到 { $path }；什麼都沒有寫入（請把它們轉換到不同的資料夾）
error-engine-no-tofu-risk = 系統 OpenCC 引擎沒有 tofu-risk 詞典；請去掉 --tofu-risk，或使用預設引擎
error-engine-no-dicts = 系統 OpenCC 引擎不讀取 --dict；請去掉 --engine opencc（bianyi 的引擎會像 OpenCC 那樣把詞典放在最前面）
error-phrases-need-target = --phrases 要與 --to 一起使用；方案本身決定是否轉換地區詞語（s2twp、tw2sp 等）
error-engine-only-convert = 系統 OpenCC 引擎只支援 -c 轉換；--to、--diff 和 --ambiguities 需要 bianyi 自己的引擎
error-unknown-target = 未知的目標「{ $name }」；請使用 zh-Hans、zh-Hant、zh-TW、zh-HK 或 zh-CN（也可用 zh-SG、zh-MY 和 zh-MO）
error-engine-unavailable = 此 bianyi 建置時未包含系統 OpenCC 引擎；請用 `cargo build --features opencc` 重新建置（需要 libopencc-dev）
error-engine-config = 系統 OpenCC 無法載入轉換方案 { $config }：{ $detail }

## 輸入輸出錯誤的原因

io-not-found = 檔案或目錄不存在
io-permission-denied = 權限不足
io-is-a-directory = 這是一個目錄
io-not-a-directory = 這不是一個目錄
io-storage-full = 磁碟已滿
io-file-too-large = 檔案會超出大小限制（ulimit -f 或配額）
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
detect-script-empty = 空
detect-explain-confidence = 信賴度 { $value }
detect-explain-script = 文字：簡體 { $simplified }，繁體 { $traditional }，混合 { $mixed }
detect-explain-standard = 標準：臺灣 { $taiwan }，香港 { $hongkong }，OpenCC { $opencc }
detect-explain-origin = 由大陸簡體機械轉換而來：{ $value }
detect-explain-phrases = 要把大陸用語改成臺灣用語：bianyi convert --to zh-TW --phrases
detect-explain-no-evidence = 沒有能區分文字或標準的字詞
detect-explain-evidence = { $kind }：{ $count }
detect-explain-evidence-examples = { $kind }：{ $count }（{ $examples }）
detect-evidence-simplified = 簡體專用字
detect-evidence-traditional = 繁體專用字
detect-evidence-shared = 簡繁皆可的字（不作依據）
detect-evidence-not-taiwan = 臺灣另有寫法的字形
detect-evidence-not-hong-kong = 香港另有寫法的字形
detect-evidence-not-opencc = OpenCC 標準另有寫法的字形
detect-evidence-taiwan-forms = 臺灣字形
detect-evidence-hong-kong-forms = 香港字形
detect-evidence-cantonese = 粵語用字
detect-evidence-mainland-vs-taiwan-words = 臺灣另有說法的大陸用語
detect-evidence-taiwan-words = 臺灣用語
detect-evidence-mainland-vs-hong-kong-words = 香港另有說法的大陸用語
detect-evidence-hong-kong-words = 香港用語

## Glossaries (bianyi glossary, bianyi qa, convert --glossary)

error-need-langs = TSV、CSV 術語表和術語檢查需要知道語言：請同時給出 --source-lang 和 --target-lang（例如 --source-lang zh-Hant --target-lang en），或在術語表中宣告 source 和 target
error-no-such-entry = { $path } 中沒有 id 為「{ $id }」的條目
error-bad-term = 「{ $arg }」不是術語：請寫成 LANG=TEXT，例如 zh-Hant=顏樂存 或 en="Yann LeCun"
error-no-such-term = { $path } 中的條目「{ $id }」沒有 { $lang } 術語「{ $term }」
error-one-entry-for-terms = --term 從一個條目中刪除術語：請只給出一個 id
error-same-terms = { $path } 中的條目「{ $id }」已有「{ $term }」（{ $lang }）；要把這些術語加到該條目，請用 --merge（或 --id { $id }）；仍要另加一個條目，請用 --new-entry
error-nothing-to-merge = --merge：{ $path } 中沒有條目含有這些術語中的任何一個（去掉 --merge 即可新增新條目）
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
glossary-standard-output = 標準輸出
glossary-merge-replaced = 條目「{ $id }」已由 { $path } 中的條目取代
glossary-formatted = 已整理 { $path }
glossary-not-canonical = { $path } 不是規範格式（請執行 bianyi glossary fmt）
glossary-problems = 發現 { $count } 個問題
check-empty-entry = 條目「{ $id }」沒有術語
check-no-usable-term = 條目「{ $id }」只有禁用術語
check-duplicate-term = 條目「{ $id }」中術語「{ $term }」出現了兩次
check-conflicting-targets = 「{ $term }」出現在多個條目中，而其 { $lang } 術語不同：{ $targets }
check-duplicate-entries = 「{ $term }」出現在多個內容相同的條目中：{ $ids }
glossary-status-changed = 已將「{ $id }」中的「{ $term }」（{ $lang }）由 { $from } 改為 { $to }
glossary-term-present = 「{ $id }」中的「{ $term }」（{ $lang }）已是 { $status }
glossary-term-removed = 已從 { $path } 中的「{ $id }」刪除「{ $term }」（{ $lang }）
glossary-nested-summary = { $count } 個術語包含在較長的術語中：僅供參考，不是問題（較長的術語出現時，使用的是較長的術語）
check-nested = 注：「{ $term }」（{ $id }）包含在 { $count } 個較長的術語中，例如 { $examples }
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
report-title-file = { $file } 的報告：{ $source } → { $target }
report-original = 原文
report-converted = 轉換後
report-translation = 譯文
report-file = 檔案
report-conversion = 轉換
report-glossaries = 術語表
report-legend = 圖例
report-legend-removed = 轉換改動的字元（改動前）
report-legend-added = 轉換寫出的字元
report-legend-term = 術語表中的術語（滑鼠懸停可檢視條目）
report-legend-low = 對齊信賴度低的句對，請核對
report-converted-segments = 轉換後的句段
note-align-no-lexicon = bianyi：提示：尚未安裝詞語詞表；`bianyi dict fetch` 會安裝 CC-CEDICT 的英文釋義（CC BY-SA 4.0），能改善意譯文字的對齊（--no-dict：不用詞表對齊，也不顯示此提示）
note-align-lexicon = bianyi：提示：詞語詞表 { $path }（{ $entries } 個詞條，載入用時 { $ms } 毫秒）

## bianyi dict

dict-fetched = 已安裝詞語詞表：{ $entries } 個詞條（{ $date ->
        [none] 未註明日期的 CC-CEDICT
       *[other] { $date } 的 CC-CEDICT
    }），位於 { $path }
dict-fetched-license = CC-CEDICT 採用 CC BY-SA 4.0 許可（https://creativecommons.org/licenses/by-sa/4.0/）：其宣告在 { $notice }
dict-info-path = 檔案
dict-info-source = 來源
dict-info-date = 日期
dict-info-sha256 = SHA-256
dict-info-entries = 詞條數
dict-info-license = 許可
dict-info-notice = 宣告
dict-removed = 已刪除 { $path }
error-dict-not-installed = 尚未安裝詞語詞表（{ $path }）；`bianyi dict fetch` 會安裝 CC-CEDICT 的詞表
error-dict-no-data-dir = 無法確定你的資料資料夾：請設定 BIANYI_DATA_DIR
error-dict-not-utf8 = { $path }：不是 UTF-8（第 { $offset } 位元組）；CC-CEDICT 是 UTF-8 編碼（cedict_ts.u8）
error-dict-malformed = { $path }:{ $line }:{ $column }：不是 CC-CEDICT 的行（第 { $offset } 位元組）：此處應為「{ $expected }」，格式為 繁體 簡體 [pin1 yin1] /釋義/…/
error-dict-empty = { $path }：沒有帶簡短英文釋義的詞條；這是 CC-CEDICT 檔案嗎？
error-dict-version = { $path }：此版本 bianyi 無法讀取的詞語詞表（{ $found }）；請重新執行 `bianyi dict fetch`
error-dict-corrupt = { $path }:{ $line }：詞語詞表已損壞；請重新執行 `bianyi dict fetch`
error-dict-gzip = { $path }：不是有效的 gzip 檔案：{ $reason }
error-dict-download = 無法下載 { $url }：{ $reason }
error-dict-no-download = 此 bianyi 建置時未啟用下載（`fetch` 功能）：請自行下載 { $url }，再執行 `bianyi dict fetch --from FILE`
hint-dict-installed-broken = 已安裝的詞語詞表無法使用：請重新執行 `bianyi dict fetch`，或執行 `bianyi dict remove`，或用 --no-dict 對齊

## bianyi l10n convert

error-l10n-syntax = { $path }:{ $line }:{ $column }：不是有效的 { $format }（第 { $offset } 位元組）：{ $message }
error-l10n-output-syntax = { $path }：轉換後的檔案不再是有效的 { $format }（{ $message }），未寫入任何內容
error-l10n-structure = { $path }:{ $line }：轉換訊息「{ $key }」會改變其識別碼、預留位置或語法，未寫入任何內容（請檢查 --glossary 和 --overrides）
error-l10n-format = 無法從檔名判斷 { $path } 的格式，請用 --format ftl、po 或 json 指定
error-l10n-many-files = 多個檔案需要用 -o DIR 或 --in-place
error-l10n-override = { $path }：{ $overrides } 中「{ $key }」的替換文字與原訊息的預留位置不同或順序不同


## 編碼

note-align-lang-chinese = bianyi：提示：{ $path } 按 { $lang } 處理（根據其中的漢字識別；可用 { $option } 指定）
note-align-lang-latin = bianyi：提示：{ $path } 按 { $lang } 處理（拉丁字母；其他語言請用 { $option } 指定）
error-align-lang-unknown = 無法判斷 { $path } 的語言（既不是中文也不是拉丁字母）；請用 { $option } 指定（zh-Hans、zh-Hant、en 等）
note-encoding-guessed = bianyi：提示：{ $path } 不是 UTF-8，按 { $encoding } 讀取（根據內容推測；可用 --encoding 指定）
error-malformed = { $path }：位元組偏移 { $offset } 處不是有效的 { $encoding }（位元組 { $bytes }）；請換一個 --encoding
error-unmappable = { $path }:{ $line }：「{ $char }」（{ $code }）無法用 { $encoding } 寫出；請用 --output-encoding utf-8，或用 --unmappable ncr 寫成數字字元引用


## 批次轉換（convert -r）

batch-progress-files = 個檔案
batch-summary = bianyi：轉換了 { $files } 個檔案（{ $size }），改動 { $changed } 個字元；跳過 { $binary } 個非文字檔案和 { $links } 個符號連結；{ $errors ->
        [0] 沒有錯誤
       *[other] { $errors } 個錯誤
    }
error-batch-output-is-input = { $path } 就是要轉換的資料夾；要就地轉換，請使用 --in-place
error-batch-output-contains-input = 輸出資料夾 { $path } 包含要轉換的資料夾（{ $input }），輸出可能覆蓋輸入；請選擇它之外的輸出資料夾
error-batch-escapes = { $path } 會（經由符號連結）寫到輸出資料夾之外，未寫入
error-batch-changed = { $path } 在 bianyi 轉換資料夾期間被替換（換成了符號連結或另一個檔案）；未跟隨，保持原樣
error-batch-needs-output = -r 需要輸出資料夾（-o DIR）或 --in-place
error-batch-failed = 有 { $errors } 個檔案無法轉換（見上文）
error-document = { $path }:{ $line }:{ $column }：無法轉換這個 { $format } 文件（第 { $offset } 位元組）：{ $message }；未寫入任何內容
doc-reason-syntax = 語法錯誤：{ $detail }
doc-reason-html = 無法改寫這段 HTML：{ $detail }
doc-reason-structure = 轉換後的文字會改變這裡的標記或語法
doc-reason-duplicate-key = 這個物件有兩個鍵都會變成「{ $key }」；請給其中一個改名，或不要轉換鍵
doc-reason-bad-timing = 語法錯誤：時間軸行「{ $line }」格式不對；應為 { $example }
doc-reason-srt-expected-cue = 語法錯誤：這裡應為字幕序號或時間軸行（{ $example }）
doc-reason-srt-expected-timing = 語法錯誤：字幕序號後應為時間軸行（{ $example }）
doc-reason-vtt-expected-timing = 語法錯誤：字幕識別碼後應為時間軸行（{ $example }）
doc-reason-vtt-signature = 語法錯誤：WebVTT 檔案必須以 WEBVTT 這一行開頭
error-ambiguities-on-text = --ambiguities 只適用於純文字，請使用 --format text
error-json-line-too-large = { $path }：有一行 JSON Lines 超過 { $limit } 位元組，這是一個 JSON 文件的上限（它要整個讀入記憶體）；可用 --max-document-size 提高上限（例如 --max-document-size 1G）
error-document-too-large = { $path }：文件超過 { $limit } 位元組，這是文件格式能讀取的上限（文件要整個讀入記憶體）；可用 --max-document-size 提高上限（例如 --max-document-size 1G），或用 --format text 按純文字轉換；沒有寫入任何內容
error-jsonl = { $path }:{ $line }:{ $column }：這一行不是 JSON 物件（{ $message }）

## 命令列幫助和命令列錯誤（clap）

cli-usage = 用法：{ $usage }
cli-heading-commands = 命令
cli-heading-arguments = 引數
cli-heading-options = 選項
cli-heading-glossary = 術語表選項
cli-heading-line = { $heading }：
cli-placeholder-options = 選項
cli-placeholder-command = 命令
cli-help-command = 顯示說明（本命令的，或給定命令的）
cli-help-flag = 顯示說明（用 --help 檢視詳細說明）
cli-version-flag = 顯示版本
cli-possible-values = [可選值：{ $values }]
cli-default = [預設值：{ $value }]
cli-more-info = 更多資訊請使用 --help。
cli-tip-similar = 提示：有一個相近的引數：「{ $suggestion }」
cli-error-invalid-value = 「{ $value }」不是「{ $arg }」的有效值
cli-error-missing-value = 「{ $arg }」需要一個值，但沒有給出
cli-error-invalid-value-reason = 「{ $value }」不是「{ $arg }」的有效值：{ $reason }
cli-error-unknown-argument = 未知引數「{ $arg }」
cli-error-unknown-subcommand = 未知命令「{ $name }」
cli-error-missing-required = 缺少必需的引數：{ $args }
cli-error-conflict = 引數「{ $arg }」不能與「{ $other }」同時使用
cli-error-given-twice = 引數「{ $arg }」給了兩次；它只取一個值，請只給一次
cli-error-no-equals = 給「{ $arg }」指定值時需要用等號（例如 { $arg }=VALUE）
cli-error-value-count = 「{ $arg }」的值的個數不對
cli-error-utf8 = 命令列不是有效的 UTF-8
cli-error-other = { $detail }

## 命令列幫助（與 en-US 中 args.rs 的說明一一對應）

cli-about = 在簡繁字體、地區和語言之間轉換、檢查和對齊中文文字
cli-lang = bianyi 訊息所用的語言（en-US、zh-Hans、zh-Hant、zh-TW 等）；預設取自 LC_ALL、LC_MESSAGES 或 LANG
cli-convert-about = 把文字轉換為目標（zh-Hans、zh-TW 等），或按 OpenCC 方案轉換
cli-convert-to = 目標：zh-Hans、zh-Hant、zh-TW、zh-HK 或 zh-CN（zh-SG、zh-MY 按 zh-CN，zh-MO 按 zh-HK）；自動識別原文
cli-arg-phrases = 與 --to 一起使用：同時轉換地區用詞（软件 ↔ 軟體）
cli-convert-config = 轉換方案：OpenCC 的方案之一（見 --list-configs），行為與 OpenCC 完全一致；或 OpenCC 方案檔案（JSON）的路徑
cli-convert-dicts = 把一個文字詞典（OpenCC 格式，每行一個詞條、一個製表符、值）放在方案（-c）或目標（--to）所用轉換的第一步和分詞之前。可重複；先給出的優先
cli-convert-corner_quotes = 把 “ ” ‘ ’ 寫成 「 」 『 』（臺灣和香港的排版習慣）。預設關閉，zh-TW 和 zh-HK 也一樣
cli-convert-diff = 顯示轉換改動了什麼（逐行、按字元比較），而不輸出轉換結果
cli-arg-diff-auto = 在終端上用顏色，除非設定了 NO_COLOR
cli-arg-diff-plain = 只用標記：[-刪除-]{"{"}+新增+{"}"}
cli-arg-diff-color = 標記加顏色，總是如此
cli-convert-ambiguities = 以 JSON Lines 報告每個有多個候選的字或詞：位置、原文、選擇、其他候選、規則
cli-convert-files = 要轉換的檔案；不給或給 `-` 時讀取標準輸入
cli-arg-glossaries = 應用術語表（TOML 或 TBX；可重複，後面的優先）
cli-arg-terms = 如何處理文字中出現的術語
cli-arg-terms-replace = 寫成目標語言的首選術語
cli-arg-terms-annotate = 寫出轉換後的術語，並在首次出現時在括號中附上目標術語
cli-arg-terms-keep = 只保護術語不被轉換
cli-arg-term_lang = --terms replace 寫出術語所用的語言（預設：轉換的目標）、annotate 附加術語所用的語言（預設：術語表的目標語言）
cli-arg-source_lang = TSV/CSV 檔案第一欄（原文）的語言，例如 zh-Hant
cli-arg-target_lang = TSV/CSV 檔案第二欄（譯文）的語言，例如 en
cli-convert-output = 把結果寫入此檔案（原子寫入），而不是標準輸出
cli-convert-in_place = 用轉換結果替換每個 FILE（原子寫入，保留權限）
cli-convert-tofu_risk = 同時使用 OpenCC 標為可能產生舊字型缺字的詞典（t2s、tw2s、hk2s 等中的 TSCharactersExt）
cli-convert-list_configs = 列出所有轉換方案及其一行說明，然後結束
cli-convert-threads = 轉換大檔案所用的執行緒數（在段落結尾處切分；執行緒數不影響輸出的位元組）。預設：CPU 核心數；最多每核 4 個、共 256 個，系統無法啟動這麼多時會少用一些
cli-convert-engine = 轉換引擎：bianyi 自己的，或系統的 libopencc（僅限帶 `opencc` 功能建置的版本）
cli-convert-engine-bianyi = bianyi 的引擎（OpenCC 1.4.2 語義，內建詞典）
cli-convert-engine-opencc = 透過 opencc-rust 呼叫系統的 OpenCC 程式庫
cli-detect-about = 判斷文字是簡體或繁體，以及所用的地區標準
cli-detect-files = 要檢查的檔案；不給或給 `-` 時讀取標準輸入
cli-detect-by_paragraph = 每段（非空行）給出一個結果，而不是每個檔案一個
cli-detect-json = 輸出 JSON Lines 而不是文字，供指令碼使用
cli-detect-explain = 同時顯示信賴度、判斷所依據的機率和證據（附示例）
cli-detect-encoding = 輸入的編碼：有位元組順序標記時以它為準；auto 時若是 UTF-8 就按 UTF-8 讀取，否則推測編碼（並給出提示）
cli-glossary-about = 維護術語表：add、remove、list、check、merge、import、export、fmt、extract
cli-glossary-add-about = 新增一個條目，或用 --id 指定已有條目，向其中新增術語或更改術語的狀態。若新條目的術語已在別的條目中，則拒絕新增（見 --merge、--new-entry）
cli-glossary-add-file = 術語表（TOML）；不存在時新建
cli-glossary-add-terms = 首選術語，寫成 LANG=TEXT（zh-Hant=顏樂存 en="Yann LeCun"）
cli-glossary-add-admitted = 允許使用的術語，寫成 LANG=TEXT
cli-glossary-add-forbidden = 停用術語，寫成 LANG=TEXT
cli-glossary-add-id = 條目的 id（預設：由第一個非中文術語生成）
cli-glossary-add-merge = 把這些術語新增到已含其中某個術語的條目
cli-glossary-add-new_entry = 即使別的條目已有相同術語，也新增新條目
cli-glossary-add-domain = 所屬領域
cli-glossary-add-note = 關於該概念的說明
cli-glossary-add-case_sensitive = 這些術語只在大小寫相同時匹配
cli-glossary-remove-about = 按 id 刪除條目，或用 --term 刪除一個條目中的單個術語
cli-glossary-remove-file = 術語表（TOML）
cli-glossary-remove-ids = 要刪除的條目的 id
cli-glossary-remove-term = 只刪除該條目中的這個術語，寫成 語言=文字
cli-glossary-list-about = 列出術語表中的條目
cli-arg-files = 術語表（TOML、TSV、CSV 或 TBX）
cli-glossary-list-json = JSON Lines，每個條目一行
cli-glossary-check-about = 報告問題：重複、目標術語衝突、在別處允許使用的停用術語、空條目（有問題時結束代碼為 1）；並提示哪些術語包含在較長的術語中（僅供參考）
cli-glossary-merge-about = 把多個術語表合併為一個；id 相同時後面的檔案優先
cli-glossary-merge-files = 術語表，按優先順序從低到高排列
cli-glossary-merge-output = 合併後的術語表（TOML），原子寫入
cli-glossary-import-about = 讀取 TSV、CSV 或 TBX 術語表並寫成 TOML
cli-glossary-import-file = 要匯入的檔案
cli-glossary-import-output = 要寫入的 TOML 術語表（原子寫入）
cli-glossary-import-from = FILE 的格式（預設：按副檔名判斷）
cli-glossary-import-from-toml = bianyi 的規範 TOML
cli-glossary-import-from-tsv = 製表符分隔：原文、譯文、註釋（OmegaT）
cli-glossary-import-from-csv = 逗號分隔，帶標題列
cli-glossary-import-from-tbx = TermBase eXchange（寫出 v3 TBX-Basic；可讀 v3 和 v2）
cli-glossary-export-about = 把術語表寫成 TBX、TSV、CSV 或 TOML
cli-glossary-export-file = 術語表（TOML，或任何可讀的格式）
cli-glossary-export-format = 要寫出的格式
cli-glossary-export-format-toml = bianyi 的規範 TOML
cli-glossary-export-format-tsv = 製表符分隔：原文、譯文、註釋（OmegaT）
cli-glossary-export-format-csv = 逗號分隔，帶標題列
cli-glossary-export-format-tbx = TermBase eXchange（寫出 v3 TBX-Basic；可讀 v3 和 v2）
cli-arg-output = 寫入的位置（原子寫入）；預設：標準輸出
cli-arg-keep_formulas = 以 = + - @ 開頭的 TSV 和 CSV 儲存格原樣寫出，供工具使用（預設在前面加 '，以免試算表把它們當作公式執行）
cli-glossary-fmt-about = 把術語表改寫為規範格式（排序、格式穩定）
cli-glossary-fmt-files = TOML 術語表
cli-glossary-fmt-check = 只報告不是規範格式的檔案（有則結束代碼為 1）
cli-glossary-extract-about = 從文章中括號註釋的譯名裡提取術語對：亞歷山大·王(Alexandr Wang)、「Avocado」（牛油果）
cli-glossary-extract-files = 文章；不給或給 `-` 時讀取標準輸入
cli-glossary-extract-format = tsv：原文、譯文、次數、首次出現的上下文；toml：術語表
cli-glossary-extract-format-tsv = 原文、譯文、次數、上下文
cli-glossary-extract-format-toml = 規範 TOML 格式的術語表
cli-qa-about = 用術語表檢查譯文：缺少的術語和停用術語
cli-qa-glossaries = 用來檢查的術語表（後面的優先）
cli-arg-source = 原文
cli-qa-target = 它的譯文，逐段對應
cli-qa-json = 輸出 JSON Lines 而不是文字，供工具使用
cli-align-about = 逐句對齊文字與其譯文或轉換結果，並寫出句對（beads、TSV、JSONL、Markdown、TMX、XLIFF、HTML）
cli-align-target = 目標文字（譯文或轉換結果）
cli-align-source_lang = 原文的語言（BCP 47：zh-Hant、zh-Hans、en 等）；預設：自動識別（中文及簡繁看漢字，拉丁字母按 en）
cli-align-target_lang = 目標文字的語言；預設：自動識別，同原文
cli-align-format = 寫出什麼
cli-align-format-beads = 每個對齊單元一行：[0,1]:[2]（從 0 開始，與 vecalign 相同）
cli-align-format-tsv = 原文、目標文字、分數和標記，以製表符分隔，每個對齊單元一行
cli-align-format-jsonl = 每個對齊單元一個 JSON 物件
cli-align-format-md = Markdown 表格
cli-align-format-tmx = TMX 1.4b 翻譯記憶庫
cli-align-format-xliff = XLIFF 2.0
cli-arg-format-html = 獨立的 HTML 頁面
cli-align-segmented = 如何切分輸入
cli-align-segmented-sentences = 先分段，再分句
cli-align-segmented-lines = 已經是每行一個句段
cli-align-glossaries = 用其術語對作為對齊錨點的術語表
cli-align-dict = 代替已安裝詞表的詞語詞表：CC-CEDICT 檔案，或 `bianyi dict fetch` 編譯的詞表（只用其英文釋義）
cli-align-no_dict = 不用詞語詞表對齊，即使已安裝（`bianyi dict fetch`）：只用單字釋義、錨點和從這對文字中學到的譯法
cli-align-verbose = 在標準錯誤輸出上說明所用的詞語詞表，或如何獲取
cli-align-min_score = 分數（對齊單元正確的機率）低於此值的對齊單元在各種格式中標記為低信賴度；它們仍保留在輸出中
cli-align-method = 對齊依據什麼
cli-align-method-lexical = 句子的內容（詞表、數字和名稱、從這對文字中學到的譯法）、長度和對齊單元的形狀
cli-align-method-length = 只看長度和對齊單元的形狀（Gale 與 Church 的方法）
cli-align-threads = 執行緒數（執行緒數不影響輸出的位元組）。預設：CPU 核心數，最多 4 個
cli-report-about = 為轉換結果或文字及其譯文寫出雙語報告（HTML 或 Markdown）
cli-report-file = 要報告的文字
cli-report-to = 轉換為此目標（zh-Hans、zh-TW 等）
cli-report-config = 用此 OpenCC 方案轉換
cli-report-glossaries = 術語表：應用其術語（replace），並在報告中標出
cli-report-translation = FILE 的譯文：報告把轉換後的文字與它逐句配對，並用術語表檢查其中的術語
cli-report-translation_lang = 譯文的語言
cli-report-format = HTML 或 Markdown
cli-report-no_dict = 對齊譯文時不用已安裝的詞語詞表（`bianyi dict fetch`）
cli-dict-about = 對齊器的詞語詞表（CC-CEDICT 的英文釋義）：下載到你的資料資料夾、檢視、刪除
cli-dict-fetch-about = 下載 CC-CEDICT（或從檔案讀取），檢查後把其英文釋義連同許可宣告安裝到你的資料資料夾，作為對齊器的詞語詞表
cli-dict-fetch-from = CC-CEDICT 從哪裡獲取：http(s) 網址或檔案，gzip 壓縮與否均可（`cedict_ts.u8`）
cli-dict-info-about = 顯示已安裝的詞語詞表：位置、來源、日期、SHA-256、詞條數、許可
cli-dict-remove-about = 從你的資料資料夾刪除詞語詞表
cli-report-format-md = Markdown
cli-l10n-about = 本地化檔案：由 zh-Hans 檔案生成 zh-Hant、zh-TW 或 zh-HK 檔案（Fluent、gettext PO、JSON），不改動其語法
cli-l10n-convert-about = 轉換本地化檔案中的文字；識別碼、鍵、預留位置、格式規範和標記逐位元組保持不變，寫入前先檢查結果
cli-l10n-convert-to = 目標：zh-Hans、zh-Hant、zh-TW、zh-HK 或 zh-CN
cli-l10n-convert-config = 用此 OpenCC 方案轉換，而不是按目標轉換
cli-l10n-convert-files = 本地化檔案
cli-l10n-convert-format = 檔案的格式
cli-l10n-convert-format-auto = 按副檔名判斷（.ftl、.po、.pot、.json）
cli-l10n-convert-format-ftl = Project Fluent
cli-l10n-convert-format-po = GNU gettext PO
cli-l10n-convert-format-json = JSON，扁平或巢狀
cli-l10n-convert-output_dir = 把每個結果以輸入的檔名寫入此資料夾（不存在時新建）。預設：標準輸出（僅限一個檔案）
cli-l10n-convert-in_place = 用轉換結果替換每個 FILE（原子寫入）
cli-l10n-convert-diff = 顯示轉換改動的訊息，而不寫入
cli-l10n-convert-comments = 也轉換註釋（Fluent 註釋；PO 的譯者註釋和提取的註釋）。預設保持原樣
cli-l10n-convert-corner_quotes = 把 “ ” ‘ ’ 寫成 「 」 『 』（臺灣和香港的排版習慣）
cli-l10n-convert-overrides = 審校過的措辭（與輸入格式相同的檔案）：其中的訊息取代同 id 或同鍵的轉換結果（預留位置須相同）

cli-arg-encoding = 輸入的編碼：有位元組順序標記（BOM）時以它為準；auto 在文字是 UTF-8 時按 UTF-8 讀取，否則推測編碼（並給出提示）
cli-arg-output_encoding = 輸出的編碼（預設：與輸入相同）
cli-arg-unmappable = 輸出編碼無法表示的字元如何處理
cli-arg-unmappable-error = 回報錯誤並指出第一個這樣的字元（不寫入任何檔案）
cli-arg-unmappable-ncr = 寫成數字字元引用（&#31616;）
cli-arg-encoding-auto = 輸入：以位元組順序標記為準，否則有效時按 UTF-8，再否則推測；輸出：與輸入的編碼相同
cli-arg-encoding-utf-8 = UTF-8
cli-arg-encoding-gb18030 = GB18030（包含 GBK 和 GB2312）
cli-arg-encoding-gbk = GBK（按包含它的 GB18030 讀取）
cli-arg-encoding-big5 = Big5（讀取時包括香港增補字元集 HKSCS）
cli-arg-encoding-utf-16le = UTF-16，小端序
cli-arg-encoding-utf-16be = UTF-16，大端序
cli-arg-output_encoding-auto = 輸入：以位元組順序標記為準，否則有效時按 UTF-8，再否則推測；輸出：與輸入的編碼相同
cli-arg-output_encoding-utf-8 = UTF-8
cli-arg-output_encoding-gb18030 = GB18030（包含 GBK 和 GB2312）
cli-arg-output_encoding-gbk = GBK（按包含它的 GB18030 讀取）
cli-arg-output_encoding-big5 = Big5（讀取時包括香港增補字元集 HKSCS）
cli-arg-output_encoding-utf-16le = UTF-16，小端序
cli-arg-output_encoding-utf-16be = UTF-16，大端序
cli-convert-recursive = 轉換 DIR 下的每個文字檔案，保持目錄結構，寫入 -o OUTDIR（或用 --in-place 就地轉換）；跳過非文字檔案
cli-convert-jsonl = JSON Lines：每行輸入是一個 JSON 物件，轉換其中 --field 指定的欄位；行中其他內容保持不變
cli-convert-field = 與 --jsonl 一起使用：要轉換的欄位，欄位名或 JSON 指標（/a/b）；其下的每個字串都會轉換
cli-convert-format = 輸入是什麼格式；只轉換其中給人讀的文字（auto：按副檔名，否則當作純文字）
cli-convert-format-auto = 按副檔名（.md、.html、.srt、.vtt、.json）；其他當作純文字
cli-convert-format-text = 純文字：全部轉換
cli-convert-format-markdown = Markdown：不轉換程式碼、URL 和前置後設資料的鍵
cli-convert-format-html = HTML：轉換文字和 title/alt/placeholder/aria-label；不轉換指令碼、樣式、程式碼和其他屬性
cli-convert-format-srt = SubRip 字幕：只轉換字幕文字
cli-convert-format-vtt = WebVTT 字幕：只轉換字幕文字
cli-convert-format-json = JSON：字串值（加 --json-keys 時也轉換鍵）
cli-convert-json_keys = 用於 JSON：也轉換物件的鍵
cli-convert-max_document_size = --format（text 以外）讀取的文件大小上限，也是 --jsonl 一行的長度上限（它們要整個讀入記憶體）：位元組數，或帶 K、M、G（以 1024 為單位）
# 專案：bianyi init、build、check、override（docs/workspace.md）。
error-project-not-found = 在 { $start } 及其上級資料夾中都沒有 bianyi.toml；用 `bianyi init` 建立一個，或用 --project 指定
error-project-at = { $place }：{ $what }
error-project-syntax = TOML 無效：{ $message }
error-project-unknown-key = 未知的鍵「{ $key }」
error-project-unknown-key-suggest = 未知的鍵「{ $key }」；是不是「{ $suggestion }」？
error-project-bad-glob = 錯誤的通配模式「{ $glob }」：{ $message }
error-project-bad-template = 錯誤的路徑「{ $template }」：模板只能用 {"{"}target{"}"}、{"{"}path{"}"}、{"{"}dir{"}"}、{"{"}name{"}"}、{"{"}stem{"}"} 和 {"{"}ext{"}"}，須能區分每個輸入（用 {"{"}path{"}"}、{"{"}name{"}"} 或 {"{"}stem{"}"}），且不能離開專案
error-project-unknown-target = 未知的目標「{ $name }」（應為 zh-Hans、zh-Hant、zh-TW、zh-HK 或 zh-CN）
error-project-bad-value = { $key } 的值「{ $value }」無效
error-project-missing-glossary = 術語表 { $path } 不存在；沒有寫入任何檔案
error-project-same-output = { $first } 和 { $second } 都會寫到 { $output }；請用能區分它們的輸出模板（含 {"{"}path{"}"}）；沒有寫入任何檔案
error-project-output-in-sources = 輸出 { $output }（來自 { $input }）會被當作原始檔讀回：請把輸出放在原始檔通配模式之外，或將其排除；沒有寫入任何檔案
error-project-target-twice = 目標 { $name } 宣告了兩次
error-project-override-target = 有一條裁定指定了目標 { $name }，但專案並不生成該目標
error-project-override-spot = 裁定的原文「{ $source }」不在其上下文「{ $context }」中
error-project-no-such-spot = { $file } 的該位置不是「{ $source }」
error-init-exists = { $path } 已存在；沒有寫入任何檔案
error-override-record = { $path }:{ $line }：不是 `bianyi convert --ambiguities` 的記錄（應為含 input、line、column、source、output 的 JSON 物件）
init-written = 已寫入 { $path }：請閱讀後執行 `bianyi build`
build-converted = 已轉換 { $output }
build-would-convert = 將轉換 { $output }
build-removed = 已刪除 { $output }（其原始檔已不存在）
build-would-remove = 將刪除 { $output }（其原始檔已不存在）
build-modified = 保留 { $output }：上次生成後被手工修改過
build-failed = { $output } 失敗：{ $reason }
build-failed-utf8 = { $input } 不是有效的 UTF-8（位元組偏移 { $offset }）；請在 bianyi.toml 中設定其原始檔的編碼
build-failed-decode = { $input } 不是有效的 { $encoding }
build-failed-format = { $input } 不是有效的 { $format } 檔案：{ $message }
build-failed-locale = { $input }：不是 bianyi 能讀取的本地化檔案（.ftl、.po、.pot、.json）
build-summary = 轉換 { $converted } 個，未變 { $unchanged } 個，失敗 { $failed } 個，刪除 { $removed } 個，手工修改 { $modified } 個；改動 { $chars } 個字元，應用 { $terms } 個術語，QA 發現 { $findings } 個問題
build-summary-dry = 試執行：將轉換 { $converted } 個，刪除 { $removed } 個；未變 { $unchanged } 個，失敗 { $failed } 個，手工修改 { $modified } 個
build-modified-hint = { $count } 個輸出被手工修改過，已原樣保留：用 --force 重新生成並覆蓋，或把改動記為裁定（`bianyi override add`）
build-check-failed = 生成會改變上面的輸出：請執行 `bianyi build` 並提交結果
build-watching = 正在監視專案的變化（按 Ctrl-C 停止）
check-stale = { $output }：與 { $input } 不同步（請執行 `bianyi build`）
check-modified = { $output }：上次生成後被手工修改過
check-failed = { $output }：無法由 { $input } 生成（見 `bianyi build`）
check-standard = { $file }：宣告為 { $declared }，但檢測結果為 { $detected }
check-placeholders = { $output }：{ $source } 的訊息「{ $key }」缺失或預留位置不同
check-alignment = { $file }：{ $source } 已審對齊的第 { $bead } 組句子已不在文字中（已重新對齊，請在 `bianyi serve` 中複審）
check-override = { $file }：裁定的上下文「{ $context }」已不在檔案中
check-clean = 沒有發現問題
check-findings = 發現 { $count } 個問題
override-added = 已將 { $count } 條裁定寫入 { $path }
cli-init-about = 建立專案：根據資料夾中的內容寫一個帶註釋的 bianyi.toml（不會覆蓋已有的）
cli-init-dir = 專案的資料夾
cli-build-about = 生成專案（bianyi.toml）：並行轉換上次生成後有變化的內容
cli-arg-project = 專案檔案或其所在資料夾。預設：當前資料夾或最近的上級資料夾中的 bianyi.toml
cli-build-dry_run = 列出將會改變的內容；不寫入任何檔案
cli-build-check = 不寫入任何檔案；如果生成會改變任何輸出，結束代碼為 1（用於 CI）
cli-build-force = 覆蓋（或刪除）上次生成後被手工修改過的輸出
cli-build-watch = 生成，然後每當專案中的檔案變化就再次生成（直到中斷）
cli-build-threads = 同時轉換的檔案數。預設：CPU 核心數
cli-check-about = 為 CI 檢查專案：過時的輸出、譯文的術語 QA、停用術語、宣告的標準、本地化檔案的預留位置（有問題時結束代碼為 1）
cli-check-format = 問題的輸出方式
cli-check-format-human = 每個問題一行，供人閱讀
cli-check-format-json = 每個問題一個 JSON 物件（JSON Lines），供工具讀取
cli-check-threads = 同時轉換的檔案數。預設：CPU 核心數
cli-override-about = 專案的審校裁定：新增一條，或從 `convert --ambiguities` 的輸出匯入
cli-override-add-about = 裁定某個詞在整個專案中寫成什麼，或用 --at 只裁定某個檔案的某一處
cli-override-add-source = 原始檔中的原文
cli-override-add-output = 轉換必須為它寫出的文字
cli-override-add-at = 位置，格式為 FILE:LINE:COLUMN（從 1 開始，列按字元計），與 `convert --ambiguities` 給出的相同
cli-override-add-targets = 只用於這些目標（可重複）。預設：全部
cli-override-import-about = 把 `convert --ambiguities` 的記錄（JSON Lines，其 `output` 改為審校者的選擇）轉為針對具體位置的裁定
cli-override-import-file = 記錄檔案；- 表示標準輸入
cli-override-import-targets = 只用於這些目標（可重複）。預設：全部

## OpenCC 方案檔案和使用者詞典（convert -c PATH.json、--dict）

error-config-file = { $place }：{ $problem }
config-problem-read = 無法讀取：{ $reason }
config-problem-not-utf8 = 不是 UTF-8
config-problem-json = 不是有效的 JSON（{ $detail }）
config-problem-shape = 不是 OpenCC 方案：{ $detail }
config-problem-dict-type = 未知的詞典型別「{ $value }」（OpenCC 的型別有 text、ocd2 和 group）
config-problem-policy = 未知的 match_policy「{ $value }」（應為 short_circuit 或 union）
config-problem-segmentation = 未知的分詞型別「{ $value }」（OpenCC 只有 mmseg）
config-problem-ocd2 = 這是 ocd2 詞典（OpenCC 的二進位制格式），bianyi 不讀取
hint-ocd2 = 請用 OpenCC 的工具轉成文字，再在方案中以 "type": "text" 指定 .txt 檔案：opencc_dict -i { $file } -o { $txt } -f ocd2 -t text
config-problem-no-tab = 詞條與其值之間沒有製表符
config-problem-empty-key = 這一行的詞條為空
config-problem-empty-value = 這一行的值為空
config-problem-duplicate-key = 詞條「{ $key }」出現了兩次
config-problem-reserved-char = 詞典中不能有 { $char }（表意文字描述字元按原樣保留；相容表意文字只能用於 normalization）
config-problem-too-large = 超出轉換表的容量（總共最多 2,000,000 個詞條，不同的字和詞也不能超過編碼所能容納的數量）

## 補全指令碼和 man 手冊頁

cli-completions-about = 輸出某個 shell 的補全指令碼（bash、zsh、fish、powershell、elvish）
cli-completions-shell = shell：bash、zsh、fish、powershell 或 elvish
cli-man-about = 輸出 man 手冊頁，或把每個命令的手冊頁寫入一個資料夾
cli-man-output_dir = 把每個命令的手冊頁（bianyi.1、bianyi-convert.1 等）寫入這個資料夾，而不是輸出 bianyi.1

## 各命令 --help 末尾的示例（一行說明，一行命令）

cli-heading-examples = 範例
cli-convert-examples =
    # 簡體轉成臺灣繁體（自動識別原文）
    bianyi convert --to zh-TW --phrases article.txt -o article.zh-TW.txt
    # 與 OpenCC 的 s2twp 完全一致，並優先使用你自己的人名詞典
    bianyi convert -c s2twp --dict names.txt article.txt
    # 使用你自己的 OpenCC 方案檔案；顯示改動而不輸出文字
    bianyi convert -c ./my-config.json --diff article.txt
cli-detect-examples =
    # 檔案使用哪種文字和地區標準
    bianyi detect article.txt
    # 對給出的每個檔案做同樣的判斷，輸出 JSON Lines
    bianyi detect --json *.txt
cli-glossary-examples =
    # 新增一對術語，然後檢查術語表
    bianyi glossary add terms.toml zh-Hans=软件 zh-TW=軟體
    bianyi glossary check terms.toml
cli-qa-examples =
    # 譯文中缺少的和停用的術語
    bianyi qa --glossary terms.toml --source-lang zh-Hans --target-lang en source.txt translation.txt
cli-align-examples =
    # 文字與其轉換結果的句對，輸出 TSV
    bianyi align article.zh-Hans.txt article.zh-TW.txt --format tsv
cli-report-examples =
    # 轉換成 zh-TW 會改動什麼，輸出 HTML 報告
    bianyi report --to zh-TW article.txt -o report.html
cli-l10n-examples =
    # 由 zh-Hans 訊息生成 zh-TW 訊息，預留位置保持不變
    bianyi l10n convert --to zh-TW --phrases locales/zh-Hans/app.ftl -o locales/zh-TW/
cli-completions-examples =
    # Bash：每個新 shell 都載入補全
    bianyi completions bash > ~/.local/share/bash-completion/completions/bianyi
    # Zsh：寫入 $fpath 中的某個資料夾
    bianyi completions zsh > ~/.zfunc/_bianyi
cli-man-examples =
    # 閱讀手冊
    bianyi man | man -l -
    # 為每個命令安裝一個手冊頁
    bianyi man -o ~/.local/share/man/man1
cli-serve-about = 專案的本地網頁工作區：專案的檔案及其狀態，每個文件與其轉換結果並排顯示，點選即可決定歧義，並儲存為專案的審校裁定
cli-serve-project = 專案檔案或其所在資料夾（預設：當前資料夾或最近的上級資料夾中的 bianyi.toml）；或者一個文件，配合 --to 在沒有專案檔案的情況下提供
cli-serve-to = 在沒有專案的情況下提供文件 PATH：將其轉換為此目標（可重複指定多個）
cli-serve-glossaries = 配合 --to：文件的術語表（TOML、TSV、CSV 或 TBX；TOML 術語表可編輯；可重複指定多個，後者優先）
cli-serve-overrides = 配合 --to：儲存審校裁定的檔案。預設：文件旁的 PATH.overrides.toml
cli-serve-port = 127.0.0.1 上的埠。預設：一個空閒埠
cli-serve-open = 在預設瀏覽器中開啟工作區
error-serve = 無法提供工作區：{ $reason }
error-serve-not-document = { $path } 不是可提供的文件：請配合 --to 指定文字、Markdown、HTML 或字幕檔案，或者不帶 --to 指定專案（bianyi.toml 或其所在資料夾）
error-serve-outside = { $path } 不在文件所在資料夾或其子資料夾中：單獨提供一個文件時，不會讀寫其資料夾之外的任何檔案
error-serve-needs-to = { $path } 是文件而不是專案：請配合 --to TARGET 提供（例如 bianyi serve { $path } --to zh-TW）
error-serve-no-project = { $path } 中沒有 bianyi.toml：請用 `bianyi init { $path }` 建立一個，或者單獨提供其中的一個文件（bianyi serve FILE --to TARGET）
error-serve-needs-file = --to、--glossary 和 --overrides 用於提供單個文件：請指定該文件（bianyi serve FILE --to TARGET）
serve-listening = bianyi 工作區位於 { $url }（按 Ctrl+C 停止）

## 網頁工作區（`bianyi serve`）。

serve-home = bianyi 工作區
serve-files-title = 專案的檔案
serve-build = 生成專案
serve-col-file = 檔案
serve-col-outputs = 輸出
serve-col-findings = 問題
serve-state-converted = 已轉換
serve-state-stale = 已過時
serve-state-failed = 無法生成
serve-state-modified = 已被手動修改
serve-findings-title = { $count } 個問題
serve-source = 原文
serve-not-built = 尚未生成。
serve-download = 下載此轉換結果
serve-ambiguities = { $target } 的 { $count } 處歧義
serve-everywhere = 在整個專案中使用
serve-everywhere-document = 在整篇文件中使用
serve-no-overrides = 專案沒有宣告審校裁定檔案：在 bianyi.toml 中加入 overrides = "overrides.toml" 才能儲存決定。
serve-error-title = 錯誤
serve-not-found = 沒有這個頁面。
serve-no-such-file = { $file } 不是專案的檔案。
serve-unreadable = 無法按其原始檔集的設定讀取 { $file }。
serve-bad-host = Host 錯誤：工作區只響應其埠上的 127.0.0.1 和 localhost。
serve-bad-origin = Origin 錯誤：只有工作區自己的頁面可以修改專案。
serve-bad-token = 會話令牌缺失或錯誤：只有工作區自己的頁面可以修改專案。
serve-too-large = 請求過大。
serve-bad-request = 請求指定了未知的目標或空的選擇。
serve-outside = 審校裁定檔案在專案之外。
serve-internal = 內部錯誤。

## bianyi serve: alignment review
serve-align-link = 審閱與譯文的對齊
serve-align-title = { $file } 的對齊
serve-align-counts = { $beads } 組，{ $flagged } 組有標記
serve-align-reviewed = 已審閱
serve-align-not-reviewed = 尚未審閱
serve-align-stale = { $count } 組已儲存的對齊與文字不再相符（已重新對齊）
serve-align-export-tmx = 下載 TMX
serve-align-export-xliff = 下載 XLIFF
serve-align-mark-reviewed = 將整個對齊標為已審閱
serve-align-translation = 譯文
serve-align-score = 分數
serve-align-actions = 修改
serve-align-flag-low-confidence = 信賴度低
serve-align-flag-unpaired = 未配對
serve-align-merge = 與下一組合併
serve-align-source-up = 第一個原文句子移到上一組
serve-align-target-up = 第一個譯文句子移到上一組
serve-align-source-down = 最後一個原文句子移到下一組
serve-align-target-down = 最後一個譯文句子移到下一組
serve-align-split-source = 前一部分的原文句子數
serve-align-split-target = 前一部分的譯文句子數
serve-align-split = 拆分
serve-align-no-translation = { $file } 沒有宣告譯文（其 [[sources]] 中的 `translation`）。
serve-align-changed = 本頁生成後，原文、譯文或已儲存的對齊已改變：請重新載入後再決定。
serve-align-bad-request = 請求未指明組、修改未知，或該處無法進行此修改。

## bianyi serve：術語表編輯器
serve-gloss-title = 術語表
serve-gloss-search = 搜尋
serve-gloss-none = 專案沒有宣告術語表：在 bianyi.toml 中加入 glossaries = ["glossary.toml"]。
serve-gloss-read-only = 這裡只能編輯 TOML 術語表；此表僅供檢視。
serve-gloss-count = 共 { $count } 個條目，顯示 { $shown } 個
serve-gloss-status = 狀態
serve-gloss-status-preferred = 首選
serve-gloss-status-admitted = 許可
serve-gloss-status-forbidden = 停用
serve-gloss-note = 備註
serve-gloss-save = 儲存
serve-gloss-add = 新增術語
serve-gloss-source-lang = 語言
serve-gloss-source-term = 術語
serve-gloss-target-lang = 在
serve-gloss-target-term = 中寫作
serve-gloss-add-from-selection = 向 { $file } 新增術語（在原文中選中文字即可填入）
serve-gloss-not-editable = { $file } 不是專案的 TOML 術語表，不能在這裡修改。
serve-gloss-conflict = 本頁顯示之後，{ $file } 已被修改（另一個視窗、編輯器或命令寫入了它）。沒有儲存任何內容：請重新載入頁面後再修改一次。
serve-gloss-bad-term = 術語為空，或者其條目或語言缺失或未知。
