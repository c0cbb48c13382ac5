# bianyi 命令行工具的消息。消息 id 和变量须与 en-US 完全一致。
# zh-Hant 的消息由 bianyi 从 zh-Hans 的文件生成（scripts/update-zh-hant.sh，见 docs/l10n.md），不要直接修改 zh-Hant。

## 错误

# 每条错误所在的行。
error-line = bianyi：错误：{ $message }
error-missing-config = 未选择转换方式：请用 --to 目标（zh-Hans、zh-TW 等）或 -c CONFIG 指定（用 `bianyi convert --list-configs` 列出全部方案）
error-unknown-config = 未知的转换方案“{ $name }”；可用的方案有：{ $configs }
hint-did-you-mean = 提示：你是不是想用“{ $suggestion }”？
error-invalid-utf8 = { $path }:{ $line }:{ $column }：字节偏移 { $offset } 处不是有效的 UTF-8（字节 { $bytes }）
hint-not-utf8 = 提示：该文件不是 UTF-8 编码，请先转码，例如 `iconv -f GB18030 -t UTF-8` 或 `iconv -f BIG5 -t UTF-8`
error-read = 无法读取 { $path }：{ $reason }
error-write = 无法写入 { $path }：{ $reason }；未做任何修改
error-output-is-input = { $path } 既是输入又是输出；要就地转换文件，请使用 --in-place
error-in-place-stdin = --in-place 需要指定要改写的文件，不能用于标准输入
error-in-place-not-regular = { $path } 不是普通文件，无法就地改写；请改用 -o
error-stdin-twice = 标准输入（-）只能指定一次
error-same-file-twice = { $first } 和 { $second } 是同一个文件；--in-place 会把它转换两次
error-engine-no-tofu-risk = 系统 OpenCC 引擎没有 tofu-risk 词典；请去掉 --tofu-risk，或使用默认引擎
error-engine-only-convert = 系统 OpenCC 引擎只支持 -c 转换；--to、--diff 和 --ambiguities 需要 bianyi 自己的引擎
error-unknown-target = 未知的目标“{ $name }”；请使用 zh-Hans、zh-Hant、zh-TW、zh-HK 或 zh-CN（也可用 zh-SG、zh-MY 和 zh-MO）
error-engine-unavailable = 此 bianyi 构建时未包含系统 OpenCC 引擎；请用 `cargo build --features opencc` 重新构建（需要 libopencc-dev）
error-engine-config = 系统 OpenCC 无法加载转换方案 { $config }：{ $detail }

## 输入输出错误的原因

io-not-found = 文件或目录不存在
io-permission-denied = 权限不足
io-is-a-directory = 这是一个目录
io-storage-full = 磁盘已满
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

## Glossaries (bianyi glossary, bianyi qa, convert --glossary)

error-need-langs = TSV、CSV 术语表和术语检查需要知道语言：请同时给出 --source-lang 和 --target-lang（例如 --source-lang zh-Hant --target-lang en），或在术语表中声明 source 和 target
error-no-such-entry = { $path } 中没有 id 为“{ $id }”的条目
error-bad-term = “{ $arg }”不是术语：请写成 语言=文字，例如 zh-Hant=顏樂存 或 en="Yann LeCun"
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
glossary-merge-replaced = 条目“{ $id }”已由 { $path } 中的条目取代
glossary-formatted = 已整理 { $path }
glossary-not-canonical = { $path } 不是规范格式（请运行 bianyi glossary fmt）
glossary-problems = 发现 { $count } 个问题
check-empty-entry = 条目“{ $id }”没有术语
check-no-usable-term = 条目“{ $id }”只有禁用术语
check-duplicate-term = 条目“{ $id }”中术语“{ $term }”出现了两次
check-conflicting-targets = “{ $term }”出现在多个条目中，而其 { $lang } 术语不同：{ $targets }
check-duplicate-entries = “{ $term }”出现在多个内容相同的条目中：{ $ids }
check-shadowed = “{ $term }”（{ $id }）在出现较长的“{ $by }”（{ $by_id }）时会被其遮盖
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
report-converted-name = 转换后的文本

## bianyi l10n convert

error-l10n-syntax = { $path }:{ $line }:{ $column }：不是有效的 { $format }（第 { $offset } 字节）：{ $message }
error-l10n-output-syntax = { $path }：转换后的文件不再是有效的 { $format }（{ $message }），未写入任何内容
error-l10n-structure = { $path }:{ $line }：转换消息“{ $key }”会改变其标识符、占位符或语法，未写入任何内容（请检查 --glossary 和 --overrides）
error-l10n-format = 无法从文件名判断 { $path } 的格式，请用 --format ftl、po 或 json 指定
error-l10n-many-files = 多个文件需要用 -o DIR 或 --in-place
error-l10n-override = { $path }：{ $overrides } 中“{ $key }”的替换文本与原消息的占位符不同或顺序不同
