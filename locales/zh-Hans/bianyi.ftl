# bianyi 命令行工具的消息（简体中文）。
# zh-Hant 由 bianyi 从本文件转换生成；消息 id 和变量须与 en-US 完全一致。

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
