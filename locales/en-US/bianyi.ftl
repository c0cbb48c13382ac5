# Messages of the bianyi command-line tool (en-US, the reference locale).
# Every other locale defines exactly these ids with the same variables.

## Errors

# The line every error is printed on.
error-line = bianyi: error: { $message }
error-missing-config = no conversion chosen: pass --to TARGET (zh-Hans, zh-TW, …) or -c CONFIG (list them with `bianyi convert --list-configs`)
error-unknown-config = unknown config “{ $name }”; the configs are: { $configs }
hint-did-you-mean = hint: did you mean “{ $suggestion }”?
error-invalid-utf8 = { $path }:{ $line }:{ $column }: invalid UTF-8 at byte offset { $offset } (bytes { $bytes })
hint-not-utf8 = hint: the file is not UTF-8; re-encode it first, e.g. `iconv -f GB18030 -t UTF-8` or `iconv -f BIG5 -t UTF-8`
error-read = cannot read { $path }: { $reason }
error-write = cannot write { $path }: { $reason }; nothing was changed
error-output-is-input = { $path } is both an input and the output; to convert a file in place use --in-place
error-in-place-stdin = --in-place needs files to rewrite; it cannot be used with standard input
error-in-place-not-regular = { $path } is not a regular file and cannot be rewritten in place; use -o instead
error-stdin-twice = standard input (-) can be named only once
error-same-file-twice = { $first } and { $second } are the same file; --in-place would convert it twice
error-engine-no-tofu-risk = the system OpenCC engine has no tofu-risk dictionaries; drop --tofu-risk or use the default engine
error-engine-only-convert = the system OpenCC engine only converts with -c; --to, --diff and --ambiguities need bianyi's engine
error-unknown-target = unknown target “{ $name }”; use zh-Hans, zh-Hant, zh-TW, zh-HK or zh-CN (zh-SG, zh-MY and zh-MO work too)
error-engine-unavailable = this bianyi was built without the system OpenCC engine; rebuild with `cargo build --features opencc` (needs libopencc-dev)
error-engine-config = the system OpenCC cannot load config { $config }: { $detail }

## Reasons for I/O errors

io-not-found = no such file or directory
io-permission-denied = permission denied
io-is-a-directory = it is a directory
io-storage-full = the disk is full
io-read-only = the file system is read-only
io-other = { $detail }

## Names

stdin-name = <stdin>

## Config descriptions (bianyi convert --list-configs)

config-s2t = Simplified Chinese → Traditional Chinese (OpenCC standard)
config-t2s = Traditional Chinese (OpenCC standard) → Simplified Chinese
config-s2tw = Simplified Chinese → Traditional Chinese (Taiwan standard)
config-tw2s = Traditional Chinese (Taiwan standard) → Simplified Chinese
config-s2twp = Simplified Chinese → Traditional Chinese (Taiwan standard), with Taiwan phrases
config-tw2sp = Traditional Chinese (Taiwan standard) → Simplified Chinese, with mainland phrases
config-s2hk = Simplified Chinese → Traditional Chinese (Hong Kong variant)
config-hk2s = Traditional Chinese (Hong Kong variant) → Simplified Chinese
config-s2hkp = Simplified Chinese → Traditional Chinese (Hong Kong variant), with Hong Kong phrases
config-hk2sp = Traditional Chinese (Hong Kong variant) → Simplified Chinese, with mainland phrases
config-t2tw = Traditional Chinese (OpenCC standard) → Taiwan standard
config-tw2t = Traditional Chinese (Taiwan standard) → Traditional Chinese (OpenCC standard)
config-t2hk = Traditional Chinese (OpenCC standard) → Hong Kong variant
config-hk2t = Traditional Chinese (Hong Kong variant) → Traditional Chinese (OpenCC standard)
config-t2jp = Traditional characters (Kyūjitai) → New Japanese Kanji (Shinjitai)
config-jp2t = New Japanese Kanji (Shinjitai) → Traditional characters (Kyūjitai)

## bianyi detect

detect-line = { $place }: { $description }
detect-with-standard = { $script }, { $standard }
detect-with-hint = { $description }; { $hint }
detect-script-simplified = Simplified Chinese
detect-script-traditional = Traditional Chinese
detect-script-mixed = mixed Simplified and Traditional Chinese
detect-script-neutral = Chinese written with characters both scripts share
detect-script-not-chinese = not Chinese
detect-standard-taiwan = Taiwan standard
detect-standard-hong-kong = Hong Kong standard
detect-standard-opencc = OpenCC standard (old forms)
detect-hint-mainland-origin = looks mechanically converted from mainland Simplified (mainland vocabulary or Simplified forms left in it)

## Glossaries (bianyi glossary, bianyi qa, convert --glossary)

error-need-langs = TSV and CSV glossaries and QA need the languages: give both --source-lang and --target-lang (e.g. --source-lang zh-Hant --target-lang en), or declare source and target in the glossary
error-no-such-entry = { $path } has no entry with id “{ $id }”
error-bad-term = “{ $arg }” is not a term: write LANG=TEXT, e.g. zh-Hant=顏樂存 or en="Yann LeCun"
glossary-at = { $place }: { $what }
glossary-text-name = glossary
glossary-place = { $path }:{ $line }:{ $column } (byte offset { $offset })
glossary-syntax = invalid { $format }: { $message }
glossary-bad-lang = invalid language tag “{ $tag }” (expected a BCP 47 tag such as zh-Hant, zh-TW or en)
glossary-missing-field = missing { $field }
glossary-bad-value = invalid { $field } “{ $value }”: expected { $expected }
glossary-duplicate-id = duplicate entry id “{ $id }”
glossary-unsafe-xml = refused { $what }: bianyi never reads DTDs, entity declarations or external entities
glossary-too-large = the glossary is too large to match: { $message }
glossary-added = added { $terms ->
    [one] 1 term
   *[other] { $terms } terms
} to “{ $id }” in { $path }
glossary-removed = removed { $count ->
    [one] 1 entry
   *[other] { $count } entries
} from { $path }
glossary-imported = wrote { $entries ->
    [one] 1 entry
   *[other] { $entries } entries
} ({ $terms } terms) to { $path }
glossary-merge-replaced = entry “{ $id }” replaced by the one in { $path }
glossary-formatted = formatted { $path }
glossary-not-canonical = { $path } is not in canonical form (run bianyi glossary fmt)
glossary-problems = { $count ->
    [one] 1 problem
   *[other] { $count } problems
} found
check-empty-entry = entry “{ $id }” has no terms
check-no-usable-term = entry “{ $id }” has only forbidden terms
check-duplicate-term = entry “{ $id }” has the term “{ $term }” twice
check-conflicting-targets = “{ $term }” is in several entries with different { $lang } terms: { $targets }
check-duplicate-entries = “{ $term }” is in several entries that say the same: { $ids }
check-shadowed = “{ $term }” ({ $id }) is shadowed by the longer “{ $by }” ({ $by_id }) where that occurs
check-forbidden-allowed = “{ $term }” is forbidden in “{ $forbidden_in }” but allowed in “{ $allowed_in }”
warning-glossary-conflict = warning: “{ $term }” is “{ $first_target }” in { $first } but “{ $second_target }” in { $second }; using { $second }
qa-missing = { $where }: “{ $term }” ({ $id }): the translation ({ $target }, paragraph { $paragraph }) has none of { $expected }
qa-forbidden = { $where }: forbidden term “{ $term }” ({ $id }); use “{ $preferred }”
qa-findings = { $count ->
    [one] 1 finding
   *[other] { $count } findings
}
qa-paragraphs-differ = warning: the source has { $source } paragraphs and the translation { $target }; checking the texts as a whole

## bianyi align, bianyi report

report-title = Bilingual report: { $source } → { $target }
report-source = Source
report-target = Target
report-summary = Summary
report-findings = Findings
report-low-confidence = low confidence
report-low-confidence-count = Low-confidence pairs
report-source-segments = Source segments
report-target-segments = Target segments
report-beads = Aligned pairs
report-changed = Characters changed
report-terms = Glossary entries found
report-converted-name = converted text

## bianyi l10n convert

error-l10n-syntax = { $path }:{ $line }:{ $column }: not valid { $format } (byte { $offset }): { $message }
error-l10n-output-syntax = { $path }: the converted file would not be valid { $format } ({ $message }); nothing was written
error-l10n-structure = { $path }:{ $line }: converting message “{ $key }” would change its ids, placeholders or syntax; nothing was written (check --glossary and --overrides)
error-l10n-format = cannot tell the format of { $path } from its name; use --format ftl, po or json
error-l10n-many-files = several files need -o DIR or --in-place
error-l10n-override = { $path }: the override of “{ $key }” in { $overrides } does not have the placeholders of the message it replaces, in the same order
