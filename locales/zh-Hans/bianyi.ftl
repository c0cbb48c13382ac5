# bianyi 命令行工具的消息。消息 id 和变量须与 en-US 完全一致。
# zh-Hant 的消息由 bianyi 从 zh-Hans 的文件生成（scripts/update-zh-hant.sh，见 docs/l10n.md），不要直接修改 zh-Hant。

## 错误

# 每条错误所在的行。
error-line = bianyi：错误：{ $message }
error-missing-config = 未选择转换方式：请用 --to TARGET（zh-Hans、zh-TW 等）或 -c CONFIG 指定（用 `bianyi convert --list-configs` 列出全部方案）
error-unknown-config = 未知的转换方案“{ $name }”；可用的方案有：{ $configs }
hint-did-you-mean = 提示：你是不是想用“{ $suggestion }”？
error-invalid-utf8 = { $path }:{ $line }:{ $column }：字节偏移 { $offset } 处不是有效的 UTF-8（字节 { $bytes }）
hint-not-utf8 = 提示：该文件不是 UTF-8 编码，请指定其编码，例如 --encoding gb18030 或 --encoding big5
error-read = 无法读取 { $path }：{ $reason }
error-write = 无法写入 { $path }：{ $reason }；未做任何修改
error-partly-replaced = 无法替换 { $path }：{ $reason }；已替换：{ $replaced }；保持原样：{ $untouched }
error-output-is-input = { $path } 既是输入又是输出；要就地转换文件，请使用 --in-place
error-in-place-stdin = --in-place 需要指定要改写的文件，不能用于标准输入
error-in-place-not-regular = { $path } 不是普通文件，无法就地改写；请改用 -o
error-input-is-folder = 无法读取 { $path }：这是一个文件夹；要转换其中的所有文本文件，请用 -r { $path } -o OUTDIR（或 --in-place）
error-stdin-twice = 标准输入（-）只能指定一次
error-same-file-twice = { $first } 和 { $second } 是同一个文件；--in-place 会把它转换两次
error-same-output-twice = { $first } 和 { $second } 都会写到 { $path }；什么都没有写入（请把它们转换到不同的文件夹）
error-engine-no-tofu-risk = 系统 OpenCC 引擎没有 tofu-risk 词典；请去掉 --tofu-risk，或使用默认引擎
error-engine-no-dicts = 系统 OpenCC 引擎不读取 --dict；请去掉 --engine opencc（bianyi 的引擎会像 OpenCC 那样把词典放在最前面）
error-phrases-need-target = --phrases 要与 --to 一起使用；方案本身决定是否转换地区词语（s2twp、tw2sp 等）
error-engine-only-convert = 系统 OpenCC 引擎只支持 -c 转换；--to、--diff 和 --ambiguities 需要 bianyi 自己的引擎
error-unknown-target = 未知的目标“{ $name }”；请使用 zh-Hans、zh-Hant、zh-TW、zh-HK 或 zh-CN（也可用 zh-SG、zh-MY 和 zh-MO）
error-engine-unavailable = 此 bianyi 构建时未包含系统 OpenCC 引擎；请用 `cargo build --features opencc` 重新构建（需要 libopencc-dev）
error-engine-config = 系统 OpenCC 无法加载转换方案 { $config }：{ $detail }

## 输入输出错误的原因

io-not-found = 文件或目录不存在
io-permission-denied = 权限不足
io-is-a-directory = 这是一个目录
io-not-a-directory = 这不是一个目录
io-storage-full = 磁盘已满
io-file-too-large = 文件会超出大小限制（ulimit -f 或配额）
io-read-only = 文件系统为只读
io-other = { $detail }

## 名称

stdin-name = <标准输入>

## 转换方案说明（bianyi convert --list-configs）

config-s2t = 简体中文 → 繁体中文（OpenCC 标准）
config-t2s = 繁体中文（OpenCC 标准）→ 简体中文
config-s2tw = 简体中文 → 繁体中文（台湾正体）
config-tw2s = 繁体中文（台湾正体）→ 简体中文
config-s2twp = 简体中文 → 繁体中文（台湾正体），并转换为台湾常用词汇
config-tw2sp = 繁体中文（台湾正体）→ 简体中文，并转换为大陆常用词汇
config-s2hk = 简体中文 → 繁体中文（香港字形）
config-hk2s = 繁体中文（香港字形）→ 简体中文
config-s2hkp = 简体中文 → 繁体中文（香港字形），并转换为香港常用词汇
config-hk2sp = 繁体中文（香港字形）→ 简体中文，并转换为大陆常用词汇
config-t2tw = 繁体中文（OpenCC 标准）→ 台湾正体
config-tw2t = 繁体中文（台湾正体）→ 繁体中文（OpenCC 标准）
config-t2hk = 繁体中文（OpenCC 标准）→ 香港字形
config-hk2t = 繁体中文（香港字形）→ 繁体中文（OpenCC 标准）
config-t2jp = 繁体字（日本旧字体）→ 日本新字体
config-jp2t = 日本新字体 → 繁体字（日本旧字体）

## bianyi detect

detect-line = { $place }：{ $description }
detect-with-standard = { $script }，{ $standard }
detect-with-hint = { $description }；{ $hint }
detect-script-simplified = 简体中文
detect-script-traditional = 繁体中文
detect-script-mixed = 简繁混合的中文
detect-script-neutral = 只用简繁通用字的中文
detect-script-not-chinese = 非中文
detect-standard-taiwan = 台湾标准
detect-standard-hong-kong = 香港标准
detect-standard-opencc = OpenCC 标准（旧字形）
detect-hint-mainland-origin = 看来是由大陆简体机械转换而来（含大陆用语或残留简体字）
detect-script-empty = 空
detect-explain-confidence = 置信度 { $value }
detect-explain-script = 文字：简体 { $simplified }，繁体 { $traditional }，混合 { $mixed }
detect-explain-standard = 标准：台湾 { $taiwan }，香港 { $hongkong }，OpenCC { $opencc }
detect-explain-origin = 由大陆简体机械转换而来：{ $value }
detect-explain-phrases = 要把大陆用语改成台湾用语：bianyi convert --to zh-TW --phrases
detect-explain-no-evidence = 没有能区分文字或标准的字词
detect-explain-evidence = { $kind }：{ $count }
detect-explain-evidence-examples = { $kind }：{ $count }（{ $examples }）
detect-evidence-simplified = 简体专用字
detect-evidence-traditional = 繁体专用字
detect-evidence-shared = 简繁皆可的字（不作依据）
detect-evidence-not-taiwan = 台湾另有写法的字形
detect-evidence-not-hong-kong = 香港另有写法的字形
detect-evidence-not-opencc = OpenCC 标准另有写法的字形
detect-evidence-taiwan-forms = 台湾字形
detect-evidence-hong-kong-forms = 香港字形
detect-evidence-cantonese = 粤语用字
detect-evidence-mainland-vs-taiwan-words = 台湾另有说法的大陆用语
detect-evidence-taiwan-words = 台湾用语
detect-evidence-mainland-vs-hong-kong-words = 香港另有说法的大陆用语
detect-evidence-hong-kong-words = 香港用语

## Glossaries (bianyi glossary, bianyi qa, convert --glossary)

error-need-langs = TSV、CSV 术语表和术语检查需要知道语言：请同时给出 --source-lang 和 --target-lang（例如 --source-lang zh-Hant --target-lang en），或在术语表中声明 source 和 target
error-no-such-entry = { $path } 中没有 id 为“{ $id }”的条目
error-bad-term = “{ $arg }”不是术语：请写成 LANG=TEXT，例如 zh-Hant=顏樂存 或 en="Yann LeCun"
error-no-such-term = { $path } 中的条目“{ $id }”没有 { $lang } 术语“{ $term }”
error-one-entry-for-terms = --term 从一个条目中删除术语：请只给出一个 id
error-same-terms = { $path } 中的条目“{ $id }”已有“{ $term }”（{ $lang }）；要把这些术语加到该条目，请用 --merge（或 --id { $id }）；仍要另加一个条目，请用 --new-entry
error-nothing-to-merge = --merge：{ $path } 中没有条目含有这些术语中的任何一个（去掉 --merge 即可添加新条目）
glossary-at = { $place }：{ $what }
glossary-text-name = 术语表
glossary-place = { $path }:{ $line }:{ $column }（字节偏移 { $offset }）
glossary-syntax = { $format } 格式错误：{ $message }
glossary-bad-lang = 无效的语言标记“{ $tag }”（应为 BCP 47 标记，例如 zh-Hant、zh-TW 或 en）
glossary-missing-field = 缺少 { $field }
glossary-bad-value = 无效的 { $field }“{ $value }”：应为 { $expected }
glossary-duplicate-id = 条目 id“{ $id }”重复
glossary-unsafe-xml = 已拒绝 { $what }：bianyi 从不读取 DTD、实体声明或外部实体
glossary-too-large = 术语表太大，无法匹配：{ $message }
glossary-added = 已向 { $path } 中的“{ $id }”添加 { $terms } 个术语
glossary-removed = 已从 { $path } 删除 { $count } 个条目
glossary-imported = 已将 { $entries } 个条目（{ $terms } 个术语）写入 { $path }
glossary-standard-output = 标准输出
glossary-merge-replaced = 条目“{ $id }”已由 { $path } 中的条目取代
glossary-formatted = 已整理 { $path }
glossary-not-canonical = { $path } 不是规范格式（请运行 bianyi glossary fmt）
glossary-problems = 发现 { $count } 个问题
check-empty-entry = 条目“{ $id }”没有术语
check-no-usable-term = 条目“{ $id }”只有禁用术语
check-duplicate-term = 条目“{ $id }”中术语“{ $term }”出现了两次
check-conflicting-targets = “{ $term }”出现在多个条目中，而其 { $lang } 术语不同：{ $targets }
check-duplicate-entries = “{ $term }”出现在多个内容相同的条目中：{ $ids }
glossary-status-changed = 已将“{ $id }”中的“{ $term }”（{ $lang }）由 { $from } 改为 { $to }
glossary-term-present = “{ $id }”中的“{ $term }”（{ $lang }）已是 { $status }
glossary-term-removed = 已从 { $path } 中的“{ $id }”删除“{ $term }”（{ $lang }）
glossary-nested-summary = { $count } 个术语包含在较长的术语中：仅供参考，不是问题（较长的术语出现时，使用的是较长的术语）
check-nested = 注：“{ $term }”（{ $id }）包含在 { $count } 个较长的术语中，例如 { $examples }
check-forbidden-allowed = “{ $term }”在“{ $forbidden_in }”中禁用，却在“{ $allowed_in }”中允许使用
warning-glossary-conflict = 警告：“{ $term }”在 { $first } 中为“{ $first_target }”，在 { $second } 中为“{ $second_target }”；采用 { $second }
qa-missing = { $where }：“{ $term }”（{ $id }）：译文（{ $target } 第 { $paragraph } 段）中没有 { $expected } 中的任何一个
qa-forbidden = { $where }：禁用术语“{ $term }”（{ $id }）；请用“{ $preferred }”
qa-findings = 发现 { $count } 处问题
qa-paragraphs-differ = 警告：原文有 { $source } 段，译文有 { $target } 段；改为整篇检查

## bianyi align, bianyi report

report-title = 双语报告：{ $source } → { $target }
report-source = 原文
report-target = 译文
report-summary = 摘要
report-findings = 问题
report-low-confidence = 低置信度
report-low-confidence-count = 低置信度的对齐
report-source-segments = 原文句段
report-target-segments = 译文句段
report-beads = 对齐的句对
report-changed = 改动的字符
report-terms = 找到的术语条目
report-title-file = { $file } 的报告：{ $source } → { $target }
report-original = 原文
report-converted = 转换后
report-translation = 译文
report-file = 文件
report-conversion = 转换
report-glossaries = 术语表
report-legend = 图例
report-legend-removed = 转换改动的字符（改动前）
report-legend-added = 转换写出的字符
report-legend-term = 术语表中的术语（鼠标悬停可查看条目）
report-legend-low = 对齐置信度低的句对，请核对
report-converted-segments = 转换后的句段
note-align-no-lexicon = bianyi：提示：尚未安装词语词表；`bianyi dict fetch` 会安装 CC-CEDICT 的英文释义（CC BY-SA 4.0），能改善意译文本的对齐（--no-dict：不用词表对齐，也不显示此提示）
note-align-lexicon = bianyi：提示：词语词表 { $path }（{ $entries } 个词条，载入用时 { $ms } 毫秒）

## bianyi dict

dict-fetched = 已安装词语词表：{ $entries } 个词条（{ $date ->
        [none] 未注明日期的 CC-CEDICT
       *[other] { $date } 的 CC-CEDICT
    }），位于 { $path }
dict-fetched-license = CC-CEDICT 采用 CC BY-SA 4.0 许可（https://creativecommons.org/licenses/by-sa/4.0/）：其声明在 { $notice }
dict-info-path = 文件
dict-info-source = 来源
dict-info-date = 日期
dict-info-sha256 = SHA-256
dict-info-entries = 词条数
dict-info-license = 许可
dict-info-notice = 声明
dict-removed = 已删除 { $path }
error-dict-not-installed = 尚未安装词语词表（{ $path }）；`bianyi dict fetch` 会安装 CC-CEDICT 的词表
error-dict-no-data-dir = 无法确定你的数据文件夹：请设置 BIANYI_DATA_DIR
error-dict-not-utf8 = { $path }：不是 UTF-8（第 { $offset } 字节）；CC-CEDICT 是 UTF-8 编码（cedict_ts.u8）
error-dict-malformed = { $path }:{ $line }:{ $column }：不是 CC-CEDICT 的行（第 { $offset } 字节）：此处应为“{ $expected }”，格式为 繁体 简体 [pin1 yin1] /释义/…/
error-dict-empty = { $path }：没有带简短英文释义的词条；这是 CC-CEDICT 文件吗？
error-dict-version = { $path }：此版本 bianyi 无法读取的词语词表（{ $found }）；请重新运行 `bianyi dict fetch`
error-dict-corrupt = { $path }:{ $line }：词语词表已损坏；请重新运行 `bianyi dict fetch`
error-dict-gzip = { $path }：不是有效的 gzip 文件：{ $reason }
error-dict-download = 无法下载 { $url }：{ $reason }
error-dict-no-download = 此 bianyi 构建时未启用下载（`fetch` 特性）：请自行下载 { $url }，再运行 `bianyi dict fetch --from FILE`
hint-dict-installed-broken = 已安装的词语词表无法使用：请重新运行 `bianyi dict fetch`，或运行 `bianyi dict remove`，或用 --no-dict 对齐

## bianyi l10n convert

error-l10n-syntax = { $path }:{ $line }:{ $column }：不是有效的 { $format }（第 { $offset } 字节）：{ $message }
error-l10n-output-syntax = { $path }：转换后的文件不再是有效的 { $format }（{ $message }），未写入任何内容
error-l10n-structure = { $path }:{ $line }：转换消息“{ $key }”会改变其标识符、占位符或语法，未写入任何内容（请检查 --glossary 和 --overrides）
error-l10n-format = 无法从文件名判断 { $path } 的格式，请用 --format ftl、po 或 json 指定
error-l10n-many-files = 多个文件需要用 -o DIR 或 --in-place
error-l10n-override = { $path }：{ $overrides } 中“{ $key }”的替换文本与原消息的占位符不同或顺序不同


## 编码

note-align-lang-chinese = bianyi：提示：{ $path } 按 { $lang } 处理（根据其中的汉字识别；可用 { $option } 指定）
note-align-lang-latin = bianyi：提示：{ $path } 按 { $lang } 处理（拉丁字母；其他语言请用 { $option } 指定）
error-align-lang-unknown = 无法判断 { $path } 的语言（既不是中文也不是拉丁字母）；请用 { $option } 指定（zh-Hans、zh-Hant、en 等）
note-encoding-guessed = bianyi：提示：{ $path } 不是 UTF-8，按 { $encoding } 读取（根据内容推测；可用 --encoding 指定）
error-malformed = { $path }：字节偏移 { $offset } 处不是有效的 { $encoding }（字节 { $bytes }）；请换一个 --encoding
error-unmappable = { $path }:{ $line }：“{ $char }”（{ $code }）无法用 { $encoding } 写出；请用 --output-encoding utf-8，或用 --unmappable ncr 写成数字字符引用


## 批量转换（convert -r）

batch-progress-files = 个文件
batch-summary = bianyi：转换了 { $files } 个文件（{ $size }），改动 { $changed } 个字符；跳过 { $binary } 个非文本文件和 { $links } 个符号链接；{ $errors ->
        [0] 没有错误
       *[other] { $errors } 个错误
    }
error-batch-output-is-input = { $path } 就是要转换的文件夹；要就地转换，请使用 --in-place
error-batch-output-contains-input = 输出文件夹 { $path } 包含要转换的文件夹（{ $input }），输出可能覆盖输入；请选择它之外的输出文件夹
error-batch-escapes = { $path } 会（经由符号链接）写到输出文件夹之外，未写入
error-batch-changed = { $path } 在 bianyi 转换文件夹期间被替换（换成了符号链接或另一个文件）；未跟随，保持原样
error-batch-needs-output = -r 需要输出文件夹（-o DIR）或 --in-place
error-batch-failed = 有 { $errors } 个文件无法转换（见上文）
error-document = { $path }:{ $line }:{ $column }：无法转换这个 { $format } 文档（第 { $offset } 字节）：{ $message }；未写入任何内容
doc-reason-syntax = 语法错误：{ $detail }
doc-reason-html = 无法改写这段 HTML：{ $detail }
doc-reason-structure = 转换后的文字会改变这里的标记或语法
doc-reason-duplicate-key = 这个对象有两个键都会变成“{ $key }”；请给其中一个改名，或不要转换键
doc-reason-bad-timing = 语法错误：时间轴行“{ $line }”格式不对；应为 { $example }
doc-reason-srt-expected-cue = 语法错误：这里应为字幕序号或时间轴行（{ $example }）
doc-reason-srt-expected-timing = 语法错误：字幕序号后应为时间轴行（{ $example }）
doc-reason-vtt-expected-timing = 语法错误：字幕标识后应为时间轴行（{ $example }）
doc-reason-vtt-signature = 语法错误：WebVTT 文件必须以 WEBVTT 这一行开头
error-ambiguities-on-text = --ambiguities 只适用于纯文本，请使用 --format text
error-json-line-too-large = { $path }：有一行 JSON Lines 超过 { $limit } 字节，这是一个 JSON 文档的上限（它要整个读入内存）；可用 --max-document-size 提高上限（例如 --max-document-size 1G）
error-document-too-large = { $path }：文档超过 { $limit } 字节，这是文档格式能读取的上限（文档要整个读入内存）；可用 --max-document-size 提高上限（例如 --max-document-size 1G），或用 --format text 按纯文本转换；没有写入任何内容
error-jsonl = { $path }:{ $line }:{ $column }：这一行不是 JSON 对象（{ $message }）

## 命令行帮助和命令行错误（clap）

cli-usage = 用法：{ $usage }
cli-heading-commands = 命令
cli-heading-arguments = 参数
cli-heading-options = 选项
cli-heading-glossary = 术语表选项
cli-heading-line = { $heading }：
cli-placeholder-options = 选项
cli-placeholder-command = 命令
cli-help-command = 显示帮助（本命令的，或给定命令的）
cli-help-flag = 显示帮助（用 --help 查看详细说明）
cli-version-flag = 显示版本
cli-possible-values = [可选值：{ $values }]
cli-default = [默认值：{ $value }]
cli-more-info = 更多信息请使用 --help。
cli-tip-similar = 提示：有一个相近的参数：“{ $suggestion }”
cli-error-invalid-value = “{ $value }”不是“{ $arg }”的有效值
cli-error-missing-value = “{ $arg }”需要一个值，但没有给出
cli-error-invalid-value-reason = “{ $value }”不是“{ $arg }”的有效值：{ $reason }
cli-error-unknown-argument = 未知参数“{ $arg }”
cli-error-unknown-subcommand = 未知命令“{ $name }”
cli-error-missing-required = 缺少必需的参数：{ $args }
cli-error-conflict = 参数“{ $arg }”不能与“{ $other }”同时使用
cli-error-given-twice = 参数“{ $arg }”给了两次；它只取一个值，请只给一次
cli-error-no-equals = 给“{ $arg }”指定值时需要用等号（例如 { $arg }=VALUE）
cli-error-value-count = “{ $arg }”的值的个数不对
cli-error-utf8 = 命令行不是有效的 UTF-8
cli-error-other = { $detail }

## 命令行帮助（与 en-US 中 args.rs 的说明一一对应）

cli-about = 在不同文字、地区和语言之间转换、检查和对齐中文文本
cli-lang = bianyi 消息所用的语言（en-US、zh-Hans、zh-Hant、zh-TW 等）；默认取自 LC_ALL、LC_MESSAGES 或 LANG
cli-convert-about = 把文本转换为目标（zh-Hans、zh-TW 等），或按 OpenCC 方案转换
cli-convert-to = 目标：zh-Hans、zh-Hant、zh-TW、zh-HK 或 zh-CN（zh-SG、zh-MY 按 zh-CN，zh-MO 按 zh-HK）；自动识别原文
cli-arg-phrases = 与 --to 一起使用：同时转换地区用词（软件 ↔ 軟體）
cli-convert-config = 转换方案：OpenCC 的方案之一（见 --list-configs），行为与 OpenCC 完全一致；或 OpenCC 方案文件（JSON）的路径
cli-convert-dicts = 把一个文本词典（OpenCC 格式，每行一个词条、一个制表符、值）放在方案（-c）或目标（--to）所用转换的第一步和分词之前。可重复；先给出的优先
cli-convert-corner_quotes = 把 “ ” ‘ ’ 写成 「 」 『 』（台湾和香港的排版习惯）。默认关闭，zh-TW 和 zh-HK 也一样
cli-convert-diff = 显示转换改动了什么（逐行、按字符比较），而不输出转换结果
cli-arg-diff-auto = 在终端上用颜色，除非设置了 NO_COLOR
cli-arg-diff-plain = 只用标记：[-删除-]{"{"}+添加+{"}"}
cli-arg-diff-color = 标记加颜色，总是如此
cli-convert-ambiguities = 以 JSON Lines 报告每个有多个候选的字或词：位置、原文、选择、其他候选、规则
cli-convert-files = 要转换的文件；不给或给 `-` 时读取标准输入
cli-arg-glossaries = 应用术语表（TOML 或 TBX；可重复，后面的优先）
cli-arg-terms = 如何处理文本中出现的术语
cli-arg-terms-replace = 写成目标语言的首选术语
cli-arg-terms-annotate = 写出转换后的术语，并在首次出现时在括号中附上目标术语
cli-arg-terms-keep = 只保护术语不被转换
cli-arg-term_lang = --terms replace 写出术语所用的语言（默认：转换的目标）、annotate 附加术语所用的语言（默认：术语表的目标语言）
cli-arg-source_lang = TSV/CSV 文件第一列（原文）的语言，例如 zh-Hant
cli-arg-target_lang = TSV/CSV 文件第二列（译文）的语言，例如 en
cli-convert-output = 把结果写入此文件（原子写入），而不是标准输出
cli-convert-in_place = 用转换结果替换每个 FILE（原子写入，保留权限）
cli-convert-tofu_risk = 同时使用 OpenCC 标为可能产生旧字体缺字的词典（t2s、tw2s、hk2s 等中的 TSCharactersExt）
cli-convert-list_configs = 列出所有转换方案及其一行说明，然后退出
cli-convert-threads = 转换大文件所用的线程数（在段落结尾处切分；线程数不影响输出的字节）。默认：CPU 核数；最多每核 4 个、共 256 个，系统无法启动这么多时会少用一些
cli-convert-engine = 转换引擎：bianyi 自己的，或系统的 libopencc（仅限带 `opencc` 特性构建的版本）
cli-convert-engine-bianyi = bianyi 的引擎（OpenCC 1.4.2 语义，内置词典）
cli-convert-engine-opencc = 通过 opencc-rust 调用系统的 OpenCC 库
cli-detect-about = 判断文本所用的文字和地区标准
cli-detect-files = 要检查的文件；不给或给 `-` 时读取标准输入
cli-detect-by_paragraph = 每段（非空行）给出一个结果，而不是每个文件一个
cli-detect-json = 输出 JSON Lines 而不是文本，供脚本使用
cli-detect-explain = 同时显示置信度、判断所依据的概率和证据（附示例）
cli-detect-encoding = 输入的编码：有字节顺序标记时以它为准；auto 时若是 UTF-8 就按 UTF-8 读取，否则推测编码（并给出提示）
cli-glossary-about = 维护术语表：add、remove、list、check、merge、import、export、fmt、extract
cli-glossary-add-about = 添加一个条目，或用 --id 指定已有条目，向其中添加术语或更改术语的状态。若新条目的术语已在别的条目中，则拒绝添加（见 --merge、--new-entry）
cli-glossary-add-file = 术语表（TOML）；不存在时新建
cli-glossary-add-terms = 首选术语，写成 LANG=TEXT（zh-Hant=顏樂存 en="Yann LeCun"）
cli-glossary-add-admitted = 允许使用的术语，写成 LANG=TEXT
cli-glossary-add-forbidden = 禁用术语，写成 LANG=TEXT
cli-glossary-add-id = 条目的 id（默认：由第一个非中文术语生成）
cli-glossary-add-merge = 把这些术语添加到已含其中某个术语的条目
cli-glossary-add-new_entry = 即使别的条目已有相同术语，也添加新条目
cli-glossary-add-domain = 所属领域
cli-glossary-add-note = 关于该概念的说明
cli-glossary-add-case_sensitive = 这些术语只在大小写相同时匹配
cli-glossary-remove-about = 按 id 删除条目，或用 --term 删除一个条目中的单个术语
cli-glossary-remove-file = 术语表（TOML）
cli-glossary-remove-ids = 要删除的条目的 id
cli-glossary-remove-term = 只删除该条目中的这个术语，写成 语言=文字
cli-glossary-list-about = 列出术语表中的条目
cli-arg-files = 术语表（TOML、TSV、CSV 或 TBX）
cli-glossary-list-json = JSON Lines，每个条目一行
cli-glossary-check-about = 报告问题：重复、目标术语冲突、在别处允许使用的禁用术语、空条目（有问题时退出码为 1）；并提示哪些术语包含在较长的术语中（仅供参考）
cli-glossary-merge-about = 把多个术语表合并为一个；id 相同时后面的文件优先
cli-glossary-merge-files = 术语表，按优先级从低到高排列
cli-glossary-merge-output = 合并后的术语表（TOML），原子写入
cli-glossary-import-about = 读取 TSV、CSV 或 TBX 术语表并写成 TOML
cli-glossary-import-file = 要导入的文件
cli-glossary-import-output = 要写入的 TOML 术语表（原子写入）
cli-glossary-import-from = FILE 的格式（默认：按扩展名判断）
cli-glossary-import-from-toml = bianyi 的规范 TOML
cli-glossary-import-from-tsv = 制表符分隔：原文、译文、注释（OmegaT）
cli-glossary-import-from-csv = 逗号分隔，带标题行
cli-glossary-import-from-tbx = TermBase eXchange（写出 v3 TBX-Basic；可读 v3 和 v2）
cli-glossary-export-about = 把术语表写成 TBX、TSV、CSV 或 TOML
cli-glossary-export-file = 术语表（TOML，或任何可读的格式）
cli-glossary-export-format = 要写出的格式
cli-glossary-export-format-toml = bianyi 的规范 TOML
cli-glossary-export-format-tsv = 制表符分隔：原文、译文、注释（OmegaT）
cli-glossary-export-format-csv = 逗号分隔，带标题行
cli-glossary-export-format-tbx = TermBase eXchange（写出 v3 TBX-Basic；可读 v3 和 v2）
cli-arg-output = 写入的位置（原子写入）；默认：标准输出
cli-arg-keep_formulas = 以 = + - @ 开头的 TSV 和 CSV 单元格原样写出，供工具使用（默认在前面加 '，以免电子表格把它们当作公式执行）
cli-glossary-fmt-about = 把术语表改写为规范格式（排序、格式稳定）
cli-glossary-fmt-files = TOML 术语表
cli-glossary-fmt-check = 只报告不是规范格式的文件（有则退出码为 1）
cli-glossary-extract-about = 从文章中括号注释的译名里提取术语对：亞歷山大·王(Alexandr Wang)、“Avocado”（牛油果）
cli-glossary-extract-files = 文章；不给或给 `-` 时读取标准输入
cli-glossary-extract-format = tsv：原文、译文、次数、首次出现的上下文；toml：术语表
cli-glossary-extract-format-tsv = 原文、译文、次数、上下文
cli-glossary-extract-format-toml = 规范 TOML 格式的术语表
cli-qa-about = 用术语表检查译文：缺少的术语和禁用术语
cli-qa-glossaries = 用来检查的术语表（后面的优先）
cli-arg-source = 原文
cli-qa-target = 它的译文，逐段对应
cli-qa-json = 输出 JSON Lines 而不是文本，供工具使用
cli-align-about = 逐句对齐文本与其译文或转换结果，并写出句对（beads、TSV、JSONL、Markdown、TMX、XLIFF、HTML）
cli-align-target = 目标文本（译文或转换结果）
cli-align-source_lang = 原文的语言（BCP 47：zh-Hant、zh-Hans、en 等）；默认：自动识别（中文及简繁看汉字，拉丁字母按 en）
cli-align-target_lang = 目标文本的语言；默认：自动识别，同原文
cli-align-format = 写出什么
cli-align-format-beads = 每个对齐单元一行：[0,1]:[2]（从 0 开始，与 vecalign 相同）
cli-align-format-tsv = 原文、目标文本、分数和标记，以制表符分隔，每个对齐单元一行
cli-align-format-jsonl = 每个对齐单元一个 JSON 对象
cli-align-format-md = Markdown 表格
cli-align-format-tmx = TMX 1.4b 翻译记忆库
cli-align-format-xliff = XLIFF 2.0
cli-arg-format-html = 独立的 HTML 页面
cli-align-segmented = 如何切分输入
cli-align-segmented-sentences = 先分段，再分句
cli-align-segmented-lines = 已经是每行一个句段
cli-align-glossaries = 用其术语对作为对齐锚点的术语表
cli-align-dict = 代替已安装词表的词语词表：CC-CEDICT 文件，或 `bianyi dict fetch` 编译的词表（只用其英文释义）
cli-align-no_dict = 不用词语词表对齐，即使已安装（`bianyi dict fetch`）：只用单字释义、锚点和从这对文本中学到的译法
cli-align-verbose = 在标准错误输出上说明所用的词语词表，或如何获取
cli-align-min_score = 分数（对齐单元正确的概率）低于此值的对齐单元在各种格式中标记为低置信度；它们仍保留在输出中
cli-align-method = 对齐依据什么
cli-align-method-lexical = 句子的内容（词表、数字和名称、从这对文本中学到的译法）、长度和对齐单元的形状
cli-align-method-length = 只看长度和对齐单元的形状（Gale 与 Church 的方法）
cli-align-threads = 线程数（线程数不影响输出的字节）。默认：CPU 核数，最多 4 个
cli-report-about = 为转换结果或文本及其译文写出双语报告（HTML 或 Markdown）
cli-report-file = 要报告的文本
cli-report-to = 转换为此目标（zh-Hans、zh-TW 等）
cli-report-config = 用此 OpenCC 方案转换
cli-report-glossaries = 术语表：应用其术语（replace），并在报告中标出
cli-report-translation = FILE 的译文：报告把转换后的文本与它逐句配对，并用术语表检查其中的术语
cli-report-translation_lang = 译文的语言
cli-report-format = HTML 或 Markdown
cli-report-no_dict = 对齐译文时不用已安装的词语词表（`bianyi dict fetch`）
cli-dict-about = 对齐器的词语词表（CC-CEDICT 的英文释义）：下载到你的数据文件夹、查看、删除
cli-dict-fetch-about = 下载 CC-CEDICT（或从文件读取），检查后把其英文释义连同许可声明安装到你的数据文件夹，作为对齐器的词语词表
cli-dict-fetch-from = CC-CEDICT 从哪里获取：http(s) 网址或文件，gzip 压缩与否均可（`cedict_ts.u8`）
cli-dict-info-about = 显示已安装的词语词表：位置、来源、日期、SHA-256、词条数、许可
cli-dict-remove-about = 从你的数据文件夹删除词语词表
cli-report-format-md = Markdown
cli-l10n-about = 本地化文件：由 zh-Hans 文件生成 zh-Hant、zh-TW 或 zh-HK 文件（Fluent、gettext PO、JSON），不改动其语法
cli-l10n-convert-about = 转换本地化文件中的文本；标识符、键、占位符、格式说明符和标记逐字节保持不变，写入前先检查结果
cli-l10n-convert-to = 目标：zh-Hans、zh-Hant、zh-TW、zh-HK 或 zh-CN
cli-l10n-convert-config = 用此 OpenCC 方案转换，而不是按目标转换
cli-l10n-convert-files = 本地化文件
cli-l10n-convert-format = 文件的格式
cli-l10n-convert-format-auto = 按扩展名判断（.ftl、.po、.pot、.json）
cli-l10n-convert-format-ftl = Project Fluent
cli-l10n-convert-format-po = GNU gettext PO
cli-l10n-convert-format-json = JSON，扁平或嵌套
cli-l10n-convert-output_dir = 把每个结果以输入的文件名写入此文件夹（不存在时新建）。默认：标准输出（仅限一个文件）
cli-l10n-convert-in_place = 用转换结果替换每个 FILE（原子写入）
cli-l10n-convert-diff = 显示转换改动的消息，而不写入
cli-l10n-convert-comments = 也转换注释（Fluent 注释；PO 的译者注释和提取的注释）。默认保持原样
cli-l10n-convert-corner_quotes = 把 “ ” ‘ ’ 写成 「 」 『 』（台湾和香港的排版习惯）
cli-l10n-convert-overrides = 审校过的措辞（与输入格式相同的文件）：其中的消息取代同 id 或同键的转换结果（占位符须相同）

cli-arg-encoding = 输入的编码：有字节顺序标记（BOM）时以它为准；auto 在文本是 UTF-8 时按 UTF-8 读取，否则推测编码（并给出提示）
cli-arg-output_encoding = 输出的编码（默认：与输入相同）
cli-arg-unmappable = 输出编码无法表示的字符如何处理
cli-arg-unmappable-error = 报错并指出第一个这样的字符（不写入任何文件）
cli-arg-unmappable-ncr = 写成数字字符引用（&#31616;）
cli-arg-encoding-auto = 输入：以字节顺序标记为准，否则有效时按 UTF-8，再否则推测；输出：与输入的编码相同
cli-arg-encoding-utf-8 = UTF-8
cli-arg-encoding-gb18030 = GB18030（包含 GBK 和 GB2312）
cli-arg-encoding-gbk = GBK（按包含它的 GB18030 读取）
cli-arg-encoding-big5 = Big5（读取时包括香港增补字符集 HKSCS）
cli-arg-encoding-utf-16le = UTF-16，小端序
cli-arg-encoding-utf-16be = UTF-16，大端序
cli-arg-output_encoding-auto = 输入：以字节顺序标记为准，否则有效时按 UTF-8，再否则推测；输出：与输入的编码相同
cli-arg-output_encoding-utf-8 = UTF-8
cli-arg-output_encoding-gb18030 = GB18030（包含 GBK 和 GB2312）
cli-arg-output_encoding-gbk = GBK（按包含它的 GB18030 读取）
cli-arg-output_encoding-big5 = Big5（读取时包括香港增补字符集 HKSCS）
cli-arg-output_encoding-utf-16le = UTF-16，小端序
cli-arg-output_encoding-utf-16be = UTF-16，大端序
cli-convert-recursive = 转换 DIR 下的每个文本文件，保持目录结构，写入 -o OUTDIR（或用 --in-place 就地转换）；跳过非文本文件
cli-convert-jsonl = JSON Lines：每行输入是一个 JSON 对象，转换其中 --field 指定的字段；行中其他内容保持不变
cli-convert-field = 与 --jsonl 一起使用：要转换的字段，字段名或 JSON 指针（/a/b）；其下的每个字符串都会转换
cli-convert-format = 输入是什么格式；只转换其中给人读的文字（auto：按文件扩展名，否则当作纯文本）
cli-convert-format-auto = 按文件扩展名（.md、.html、.srt、.vtt、.json）；其他当作纯文本
cli-convert-format-text = 纯文本：全部转换
cli-convert-format-markdown = Markdown：不转换代码、URL 和前置元数据的键
cli-convert-format-html = HTML：转换文字和 title/alt/placeholder/aria-label；不转换脚本、样式、代码和其他属性
cli-convert-format-srt = SubRip 字幕：只转换字幕文字
cli-convert-format-vtt = WebVTT 字幕：只转换字幕文字
cli-convert-format-json = JSON：字符串值（加 --json-keys 时也转换键）
cli-convert-json_keys = 用于 JSON：也转换对象的键
cli-convert-max_document_size = --format（text 以外）读取的文档大小上限，也是 --jsonl 一行的长度上限（它们要整个读入内存）：字节数，或带 K、M、G（以 1024 为单位）
# 项目：bianyi init、build、check、override（docs/workspace.md）。
error-project-not-found = 在 { $start } 及其上级文件夹中都没有 bianyi.toml；用 `bianyi init` 创建一个，或用 --project 指定
error-project-at = { $place }：{ $what }
error-project-syntax = TOML 无效：{ $message }
error-project-unknown-key = 未知的键“{ $key }”
error-project-unknown-key-suggest = 未知的键“{ $key }”；是不是“{ $suggestion }”？
error-project-bad-glob = 错误的通配模式“{ $glob }”：{ $message }
error-project-bad-template = 错误的路径“{ $template }”：模板只能用 {"{"}target{"}"}、{"{"}path{"}"}、{"{"}dir{"}"}、{"{"}name{"}"}、{"{"}stem{"}"} 和 {"{"}ext{"}"}，须能区分每个输入（用 {"{"}path{"}"}、{"{"}name{"}"} 或 {"{"}stem{"}"}），且不能离开项目
error-project-unknown-target = 未知的目标“{ $name }”（应为 zh-Hans、zh-Hant、zh-TW、zh-HK 或 zh-CN）
error-project-bad-value = { $key } 的值“{ $value }”无效
error-project-missing-glossary = 术语表 { $path } 不存在；没有写入任何文件
error-project-same-output = { $first } 和 { $second } 都会写到 { $output }；请用能区分它们的输出模板（含 {"{"}path{"}"}）；没有写入任何文件
error-project-output-in-sources = 输出 { $output }（来自 { $input }）会被当作源文件读回：请把输出放在源文件通配模式之外，或将其排除；没有写入任何文件
error-project-target-twice = 目标 { $name } 声明了两次
error-project-override-target = 有一条裁定指定了目标 { $name }，但项目并不生成该目标
error-project-override-spot = 裁定的原文“{ $source }”不在其上下文“{ $context }”中
error-project-no-such-spot = { $file } 的该位置不是“{ $source }”
error-init-exists = { $path } 已存在；没有写入任何文件
error-override-record = { $path }:{ $line }：不是 `bianyi convert --ambiguities` 的记录（应为含 input、line、column、source、output 的 JSON 对象）
init-written = 已写入 { $path }：请阅读后运行 `bianyi build`
build-converted = 已转换 { $output }
build-would-convert = 将转换 { $output }
build-removed = 已删除 { $output }（其源文件已不存在）
build-would-remove = 将删除 { $output }（其源文件已不存在）
build-modified = 保留 { $output }：上次生成后被手工修改过
build-failed = { $output } 失败：{ $reason }
build-failed-utf8 = { $input } 不是有效的 UTF-8（字节偏移 { $offset }）；请在 bianyi.toml 中设置其源文件的编码
build-failed-decode = { $input } 不是有效的 { $encoding }
build-failed-format = { $input } 不是有效的 { $format } 文件：{ $message }
build-failed-locale = { $input }：不是 bianyi 能读取的本地化文件（.ftl、.po、.pot、.json）
build-summary = 转换 { $converted } 个，未变 { $unchanged } 个，失败 { $failed } 个，删除 { $removed } 个，手工修改 { $modified } 个；改动 { $chars } 个字符，应用 { $terms } 个术语，QA 发现 { $findings } 个问题
build-summary-dry = 试运行：将转换 { $converted } 个，删除 { $removed } 个；未变 { $unchanged } 个，失败 { $failed } 个，手工修改 { $modified } 个
build-modified-hint = { $count } 个输出被手工修改过，已原样保留：用 --force 重新生成并覆盖，或把改动记为裁定（`bianyi override add`）
build-check-failed = 生成会改变上面的输出：请运行 `bianyi build` 并提交结果
build-watching = 正在监视项目的变化（按 Ctrl-C 停止）
check-stale = { $output }：与 { $input } 不同步（请运行 `bianyi build`）
check-modified = { $output }：上次生成后被手工修改过
check-failed = { $output }：无法由 { $input } 生成（见 `bianyi build`）
check-standard = { $file }：声明为 { $declared }，但检测结果为 { $detected }
check-placeholders = { $output }：{ $source } 的消息“{ $key }”缺失或占位符不同
check-alignment = { $file }：{ $source } 已审对齐的第 { $bead } 组句子已不在文本中（已重新对齐，请在 `bianyi serve` 中复审）
check-override = { $file }：裁定的上下文“{ $context }”已不在文件中
check-clean = 没有发现问题
check-findings = 发现 { $count } 个问题
override-added = 已将 { $count } 条裁定写入 { $path }
cli-init-about = 创建项目：根据文件夹中的内容写一个带注释的 bianyi.toml（不会覆盖已有的）
cli-init-dir = 项目的文件夹
cli-build-about = 生成项目（bianyi.toml）：并行转换上次生成后有变化的内容
cli-arg-project = 项目文件或其所在文件夹。默认：当前文件夹或最近的上级文件夹中的 bianyi.toml
cli-build-dry_run = 列出将会改变的内容；不写入任何文件
cli-build-check = 不写入任何文件；如果生成会改变任何输出，退出码为 1（用于 CI）
cli-build-force = 覆盖（或删除）上次生成后被手工修改过的输出
cli-build-watch = 生成，然后每当项目中的文件变化就再次生成（直到中断）
cli-build-threads = 同时转换的文件数。默认：CPU 核数
cli-check-about = 为 CI 检查项目：过时的输出、译文的术语 QA、禁用术语、声明的标准、本地化文件的占位符（有问题时退出码为 1）
cli-check-format = 问题的输出方式
cli-check-format-human = 每个问题一行，供人阅读
cli-check-format-json = 每个问题一个 JSON 对象（JSON Lines），供工具读取
cli-check-threads = 同时转换的文件数。默认：CPU 核数
cli-override-about = 项目的审校裁定：添加一条，或从 `convert --ambiguities` 的输出导入
cli-override-add-about = 裁定某个词在整个项目中写成什么，或用 --at 只裁定某个文件的某一处
cli-override-add-source = 源文件中的原文
cli-override-add-output = 转换必须为它写出的文字
cli-override-add-at = 位置，格式为 FILE:LINE:COLUMN（从 1 开始，列按字符计），与 `convert --ambiguities` 给出的相同
cli-override-add-targets = 只用于这些目标（可重复）。默认：全部
cli-override-import-about = 把 `convert --ambiguities` 的记录（JSON Lines，其 `output` 改为审校者的选择）转为针对具体位置的裁定
cli-override-import-file = 记录文件；- 表示标准输入
cli-override-import-targets = 只用于这些目标（可重复）。默认：全部

## OpenCC 方案文件和用户词典（convert -c PATH.json、--dict）

error-config-file = { $place }：{ $problem }
config-problem-read = 无法读取：{ $reason }
config-problem-not-utf8 = 不是 UTF-8
config-problem-json = 不是有效的 JSON（{ $detail }）
config-problem-shape = 不是 OpenCC 方案：{ $detail }
config-problem-dict-type = 未知的词典类型“{ $value }”（OpenCC 的类型有 text、ocd2 和 group）
config-problem-policy = 未知的 match_policy“{ $value }”（应为 short_circuit 或 union）
config-problem-segmentation = 未知的分词类型“{ $value }”（OpenCC 只有 mmseg）
config-problem-ocd2 = 这是 ocd2 词典（OpenCC 的二进制格式），bianyi 不读取
hint-ocd2 = 请用 OpenCC 的工具转成文本，再在方案中以 "type": "text" 指定 .txt 文件：opencc_dict -i { $file } -o { $txt } -f ocd2 -t text
config-problem-no-tab = 词条与其值之间没有制表符
config-problem-empty-key = 这一行的词条为空
config-problem-empty-value = 这一行的值为空
config-problem-duplicate-key = 词条“{ $key }”出现了两次
config-problem-reserved-char = 词典中不能有 { $char }（表意文字描述字符按原样保留；兼容表意文字只能用于 normalization）
config-problem-too-large = 超出转换表的容量（总共最多 2,000,000 个词条，不同的字和词也不能超过编码所能容纳的数量）

## 补全脚本和 man 手册页

cli-completions-about = 输出某个 shell 的补全脚本（bash、zsh、fish、powershell、elvish）
cli-completions-shell = shell：bash、zsh、fish、powershell 或 elvish
cli-man-about = 输出 man 手册页，或把每个命令的手册页写入一个文件夹
cli-man-output_dir = 把每个命令的手册页（bianyi.1、bianyi-convert.1 等）写入这个文件夹，而不是输出 bianyi.1

## 各命令 --help 末尾的示例（一行说明，一行命令）

cli-heading-examples = 示例
cli-convert-examples =
    # 简体转成台湾繁体（自动识别原文）
    bianyi convert --to zh-TW --phrases article.txt -o article.zh-TW.txt
    # 与 OpenCC 的 s2twp 完全一致，并优先使用你自己的人名词典
    bianyi convert -c s2twp --dict names.txt article.txt
    # 使用你自己的 OpenCC 方案文件；显示改动而不输出文本
    bianyi convert -c ./my-config.json --diff article.txt
cli-detect-examples =
    # 文件使用哪种文字和地区标准
    bianyi detect article.txt
    # 对给出的每个文件做同样的判断，输出 JSON Lines
    bianyi detect --json *.txt
cli-glossary-examples =
    # 添加一对术语，然后检查术语表
    bianyi glossary add terms.toml zh-Hans=软件 zh-TW=軟體
    bianyi glossary check terms.toml
cli-qa-examples =
    # 译文中缺少的和禁用的术语
    bianyi qa --glossary terms.toml --source-lang zh-Hans --target-lang en source.txt translation.txt
cli-align-examples =
    # 文本与其转换结果的句对，输出 TSV
    bianyi align article.zh-Hans.txt article.zh-TW.txt --format tsv
cli-report-examples =
    # 转换成 zh-TW 会改动什么，输出 HTML 报告
    bianyi report --to zh-TW article.txt -o report.html
cli-l10n-examples =
    # 由 zh-Hans 消息生成 zh-TW 消息，占位符保持不变
    bianyi l10n convert --to zh-TW --phrases locales/zh-Hans/app.ftl -o locales/zh-TW/
cli-completions-examples =
    # Bash：每个新 shell 都加载补全
    bianyi completions bash > ~/.local/share/bash-completion/completions/bianyi
    # Zsh：写入 $fpath 中的某个文件夹
    bianyi completions zsh > ~/.zfunc/_bianyi
cli-man-examples =
    # 阅读手册
    bianyi man | man -l -
    # 为每个命令安装一个手册页
    bianyi man -o ~/.local/share/man/man1
cli-serve-about = 项目的本地网页工作区：项目的文件及其状态，每个文档与其转换结果并排显示，点击即可决定歧义，并保存为项目的审校裁定
cli-serve-project = 项目文件或其所在文件夹（默认：当前文件夹或最近的上级文件夹中的 bianyi.toml）；或者一个文档，配合 --to 在没有项目文件的情况下提供
cli-serve-to = 在没有项目的情况下提供文档 PATH：将其转换为此目标（可重复指定多个）
cli-serve-glossaries = 配合 --to：文档的术语表（TOML、TSV、CSV 或 TBX；TOML 术语表可编辑；可重复指定多个，后者优先）
cli-serve-overrides = 配合 --to：保存审校裁定的文件。默认：文档旁的 PATH.overrides.toml
cli-serve-port = 127.0.0.1 上的端口。默认：一个空闲端口
cli-serve-open = 在默认浏览器中打开工作区
error-serve = 无法提供工作区：{ $reason }
error-serve-not-document = { $path } 不是可提供的文档：请配合 --to 指定文本、Markdown、HTML 或字幕文件，或者不带 --to 指定项目（bianyi.toml 或其所在文件夹）
error-serve-outside = { $path } 不在文档所在文件夹或其子文件夹中：单独提供一个文档时，不会读写其文件夹之外的任何文件
error-serve-needs-to = { $path } 是文档而不是项目：请配合 --to TARGET 提供（例如 bianyi serve { $path } --to zh-TW）
error-serve-no-project = { $path } 中没有 bianyi.toml：请用 `bianyi init { $path }` 创建一个，或者单独提供其中的一个文档（bianyi serve FILE --to TARGET）
error-serve-needs-file = --to、--glossary 和 --overrides 用于提供单个文档：请指定该文档（bianyi serve FILE --to TARGET）
serve-listening = bianyi 工作区位于 { $url }（按 Ctrl+C 停止）

## 网页工作区（`bianyi serve`）。

serve-home = bianyi 工作区
serve-files-title = 项目的文件
serve-build = 生成项目
serve-col-file = 文件
serve-col-outputs = 输出
serve-col-findings = 问题
serve-state-converted = 已转换
serve-state-stale = 已过时
serve-state-failed = 无法生成
serve-state-modified = 已被手动修改
serve-findings-title = { $count } 个问题
serve-source = 原文
serve-not-built = 尚未生成。
serve-download = 下载此转换结果
serve-ambiguities = { $target } 的 { $count } 处歧义
serve-everywhere = 在整个项目中使用
serve-everywhere-document = 在整篇文档中使用
serve-no-overrides = 项目没有声明审校裁定文件：在 bianyi.toml 中加入 overrides = "overrides.toml" 才能保存决定。
serve-error-title = 错误
serve-not-found = 没有这个页面。
serve-no-such-file = { $file } 不是项目的文件。
serve-unreadable = 无法按其源文件集的设置读取 { $file }。
serve-bad-host = Host 错误：工作区只响应其端口上的 127.0.0.1 和 localhost。
serve-bad-origin = Origin 错误：只有工作区自己的页面可以修改项目。
serve-bad-token = 会话令牌缺失或错误：只有工作区自己的页面可以修改项目。
serve-too-large = 请求过大。
serve-bad-request = 请求指定了未知的目标或空的选择。
serve-outside = 审校裁定文件在项目之外。
serve-internal = 内部错误。

## bianyi serve: alignment review
serve-align-link = 审阅与译文的对齐
serve-align-title = { $file } 的对齐
serve-align-counts = { $beads } 组，{ $flagged } 组有标记
serve-align-reviewed = 已审阅
serve-align-not-reviewed = 尚未审阅
serve-align-stale = { $count } 组已保存的对齐与文本不再相符（已重新对齐）
serve-align-export-tmx = 下载 TMX
serve-align-export-xliff = 下载 XLIFF
serve-align-mark-reviewed = 将整个对齐标为已审阅
serve-align-translation = 译文
serve-align-score = 分数
serve-align-actions = 修改
serve-align-flag-low-confidence = 置信度低
serve-align-flag-unpaired = 未配对
serve-align-merge = 与下一组合并
serve-align-source-up = 第一个原文句子移到上一组
serve-align-target-up = 第一个译文句子移到上一组
serve-align-source-down = 最后一个原文句子移到下一组
serve-align-target-down = 最后一个译文句子移到下一组
serve-align-split-source = 前一部分的原文句子数
serve-align-split-target = 前一部分的译文句子数
serve-align-split = 拆分
serve-align-no-translation = { $file } 没有声明译文（其 [[sources]] 中的 `translation`）。
serve-align-changed = 本页生成后，原文、译文或已保存的对齐已改变：请重新加载后再决定。
serve-align-bad-request = 请求未指明组、修改未知，或该处无法进行此修改。

## bianyi serve：术语表编辑器
serve-gloss-title = 术语表
serve-gloss-search = 搜索
serve-gloss-none = 项目没有声明术语表：在 bianyi.toml 中加入 glossaries = ["glossary.toml"]。
serve-gloss-read-only = 这里只能编辑 TOML 术语表；此表仅供查看。
serve-gloss-count = 共 { $count } 个条目，显示 { $shown } 个
serve-gloss-status = 状态
serve-gloss-status-preferred = 首选
serve-gloss-status-admitted = 许可
serve-gloss-status-forbidden = 禁用
serve-gloss-note = 备注
serve-gloss-save = 保存
serve-gloss-add = 添加术语
serve-gloss-source-lang = 语言
serve-gloss-source-term = 术语
serve-gloss-target-lang = 在
serve-gloss-target-term = 中写作
serve-gloss-add-from-selection = 向 { $file } 添加术语（在原文中选中文字即可填入）
serve-gloss-not-editable = { $file } 不是项目的 TOML 术语表，不能在这里修改。
serve-gloss-conflict = 本页显示之后，{ $file } 已被修改（另一个窗口、编辑器或命令写入了它）。没有保存任何内容：请重新加载页面后再修改一次。
serve-gloss-bad-term = 术语为空，或者其条目或语言缺失或未知。
