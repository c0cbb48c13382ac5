# Messages of the bianyi command-line tool (en-US, the reference locale).
# Every other locale defines exactly these ids with the same variables.

## Errors

# The line every error is printed on.
error-line = bianyi: error: { $message }
error-missing-config = no conversion chosen: pass --to TARGET (zh-Hans, zh-TW, …) or -c CONFIG (list them with `bianyi convert --list-configs`)
error-unknown-config = unknown config “{ $name }”; the configs are: { $configs }
hint-did-you-mean = hint: did you mean “{ $suggestion }”?
error-invalid-utf8 = { $path }:{ $line }:{ $column }: invalid UTF-8 at byte offset { $offset } (bytes { $bytes })
hint-not-utf8 = hint: the file is not UTF-8; name its encoding, e.g. --encoding gb18030 or --encoding big5
error-read = cannot read { $path }: { $reason }
error-write = cannot write { $path }: { $reason }; nothing was changed
error-partly-replaced = cannot replace { $path }: { $reason }; already replaced: { $replaced }; left as they were: { $untouched }
error-output-is-input = { $path } is both an input and the output; to convert a file in place use --in-place
error-in-place-stdin = --in-place needs files to rewrite; it cannot be used with standard input
error-in-place-not-regular = { $path } is not a regular file and cannot be rewritten in place; use -o instead
error-input-is-folder = cannot read { $path }: it is a folder; to convert every text file under it, use -r { $path } -o OUTDIR (or --in-place)
error-stdin-twice = standard input (-) can be named only once
error-same-file-twice = { $first } and { $second } are the same file; --in-place would convert it twice
error-same-output-twice = { $first } and { $second } would both be written to { $path }; nothing was written (convert them into different folders)
error-engine-no-tofu-risk = the system OpenCC engine has no tofu-risk dictionaries; drop --tofu-risk or use the default engine
error-engine-no-dicts = the system OpenCC engine does not read --dict; drop --engine opencc (bianyi's engine puts the dictionaries in front as OpenCC would)
error-phrases-need-target = --phrases goes with --to; a config says itself whether it converts regional phrases (s2twp, tw2sp, …)
error-engine-only-convert = the system OpenCC engine only converts with -c; --to, --diff and --ambiguities need bianyi's engine
error-unknown-target = unknown target “{ $name }”; use zh-Hans, zh-Hant, zh-TW, zh-HK or zh-CN (zh-SG, zh-MY and zh-MO work too)
error-engine-unavailable = this bianyi was built without the system OpenCC engine; rebuild with `cargo build --features opencc` (needs libopencc-dev)
error-engine-config = the system OpenCC cannot load config { $config }: { $detail }

## Reasons for I/O errors

io-not-found = no such file or directory
io-permission-denied = permission denied
io-is-a-directory = it is a directory
io-not-a-directory = it is not a directory
io-storage-full = the disk is full
io-file-too-large = the file would exceed the size limit (ulimit -f or a quota)
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
detect-script-empty = empty
detect-explain-confidence = confidence { $value }
detect-explain-script = script: Simplified { $simplified }, Traditional { $traditional }, mixed { $mixed }
detect-explain-standard = standard: Taiwan { $taiwan }, Hong Kong { $hongkong }, OpenCC { $opencc }
detect-explain-origin = converted mechanically from mainland Simplified: { $value }
detect-explain-phrases = to write Taiwan vocabulary instead of the mainland words: bianyi convert --to zh-TW --phrases
detect-explain-no-evidence = no character or word that tells the scripts or standards apart
detect-explain-evidence = { $kind }: { $count }
detect-explain-evidence-examples = { $kind }: { $count } ({ $examples })
detect-evidence-simplified = Simplified-only characters
detect-evidence-traditional = Traditional-only characters
detect-evidence-shared = characters correct in both scripts (no evidence)
detect-evidence-not-taiwan = forms Taiwan writes otherwise
detect-evidence-not-hong-kong = forms Hong Kong writes otherwise
detect-evidence-not-opencc = forms OpenCC's standard writes otherwise
detect-evidence-taiwan-forms = Taiwan forms
detect-evidence-hong-kong-forms = Hong Kong forms
detect-evidence-cantonese = written Cantonese
detect-evidence-mainland-vs-taiwan-words = mainland words Taiwan says otherwise
detect-evidence-taiwan-words = Taiwan words
detect-evidence-mainland-vs-hong-kong-words = mainland words Hong Kong says otherwise
detect-evidence-hong-kong-words = Hong Kong words

## Glossaries (bianyi glossary, bianyi qa, convert --glossary)

error-need-langs = TSV and CSV glossaries and QA need the languages: give both --source-lang and --target-lang (e.g. --source-lang zh-Hant --target-lang en), or declare source and target in the glossary
error-no-such-entry = { $path } has no entry with id “{ $id }”
error-bad-term = “{ $arg }” is not a term: write LANG=TEXT, e.g. zh-Hant=顏樂存 or en="Yann LeCun"
error-no-such-term = entry “{ $id }” in { $path } has no { $lang } term “{ $term }”
error-one-entry-for-terms = --term removes terms from one entry: give exactly one id
error-same-terms = entry “{ $id }” in { $path } already has “{ $term }” ({ $lang }); to add these terms to it, use --merge (or --id { $id }); to add a separate entry anyway, use --new-entry
error-nothing-to-merge = --merge: no entry in { $path } has any of these terms (leave out --merge to add a new entry)
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
glossary-standard-output = standard output
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
glossary-status-changed = changed “{ $term }” ({ $lang }) in “{ $id }” from { $from } to { $to }
glossary-term-present = “{ $term }” ({ $lang }) is already { $status } in “{ $id }”
glossary-term-removed = removed “{ $term }” ({ $lang }) from “{ $id }” in { $path }
glossary-nested-summary = { $count ->
    [one] 1 term is
   *[other] { $count } terms are
} inside longer terms: information, not a problem (where the longer term occurs, it is the one used)
check-nested = note: “{ $term }” ({ $id }) is inside { $count ->
    [one] 1 longer term
   *[other] { $count } longer terms
}, e.g. { $examples }
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
report-title-file = Report on { $file }: { $source } → { $target }
report-original = Source
report-converted = Converted
report-translation = Translation
report-file = File
report-conversion = Conversion
report-glossaries = Glossaries
report-legend = Legend
report-legend-removed = characters the conversion changed, as they were
report-legend-added = characters the conversion wrote
report-legend-term = a glossary term (hover over it for its entry)
report-legend-low = a pair aligned with low confidence: check it
report-converted-segments = Converted segments
note-align-no-lexicon = bianyi: note: no word lexicon is installed; `bianyi dict fetch` installs CC-CEDICT's English glosses (CC BY-SA 4.0), which help on free translations (--no-dict: align without it and without this note)
note-align-lexicon = bianyi: note: word lexicon { $path } ({ $entries } headwords, loaded in { $ms } ms)

## bianyi dict

dict-fetched = installed the word lexicon: { $entries } headwords ({ $date ->
        [none] CC-CEDICT, undated
       *[other] CC-CEDICT of { $date }
    }) in { $path }
dict-fetched-license = CC-CEDICT is licensed CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/): its notice is in { $notice }
dict-info-path = file
dict-info-source = source
dict-info-date = date
dict-info-sha256 = SHA-256
dict-info-entries = headwords
dict-info-license = licence
dict-info-notice = notice
dict-removed = removed { $path }
error-dict-not-installed = no word lexicon is installed ({ $path }); `bianyi dict fetch` installs CC-CEDICT's
error-dict-no-data-dir = cannot tell where your data folder is: set BIANYI_DATA_DIR
error-dict-not-utf8 = { $path }: not UTF-8 (byte { $offset }); CC-CEDICT is UTF-8 (cedict_ts.u8)
error-dict-malformed = { $path }:{ $line }:{ $column }: not a CC-CEDICT line (byte { $offset }): expected “{ $expected }” of TRADITIONAL SIMPLIFIED [pin1 yin1] /gloss/…/
error-dict-empty = { $path }: no entry with a short English gloss; is it a CC-CEDICT file?
error-dict-version = { $path }: a word lexicon this bianyi cannot read ({ $found }); run `bianyi dict fetch` again
error-dict-corrupt = { $path }:{ $line }: a damaged word lexicon; run `bianyi dict fetch` again
error-dict-gzip = { $path }: not a valid gzip file: { $reason }
error-dict-download = cannot download { $url }: { $reason }
error-dict-no-download = this bianyi was built without downloads (feature `fetch`): download { $url } yourself, then `bianyi dict fetch --from FILE`
hint-dict-installed-broken = the installed word lexicon cannot be used: run `bianyi dict fetch` again, or `bianyi dict remove`, or align with --no-dict

## bianyi l10n convert

error-l10n-syntax = { $path }:{ $line }:{ $column }: not valid { $format } (byte { $offset }): { $message }
error-l10n-output-syntax = { $path }: the converted file would not be valid { $format } ({ $message }); nothing was written
error-l10n-structure = { $path }:{ $line }: converting message “{ $key }” would change its ids, placeholders or syntax; nothing was written (check --glossary and --overrides)
error-l10n-format = cannot tell the format of { $path } from its name; use --format ftl, po or json
error-l10n-many-files = several files need -o DIR or --in-place
error-l10n-override = { $path }: the override of “{ $key }” in { $overrides } does not have the placeholders of the message it replaces, in the same order

## Command-line help and errors (clap)

cli-usage = Usage: { $usage }
cli-heading-commands = Commands
cli-heading-arguments = Arguments
cli-heading-options = Options
cli-heading-glossary = Glossary options
cli-heading-line = { $heading }:
cli-placeholder-options = OPTIONS
cli-placeholder-command = COMMAND
cli-help-command = Print this help, or the help of the given command
cli-help-flag = Print help (see more with '--help')
cli-version-flag = Print version
cli-possible-values = [possible values: { $values }]
cli-default = [default: { $value }]
cli-more-info = For more information, try '--help'.
cli-tip-similar = tip: a similar argument exists: '{ $suggestion }'
cli-error-invalid-value = invalid value '{ $value }' for '{ $arg }'
cli-error-missing-value = a value is required for '{ $arg }' but none was supplied
cli-error-invalid-value-reason = invalid value '{ $value }' for '{ $arg }': { $reason }
cli-error-unknown-argument = unexpected argument '{ $arg }' found
cli-error-unknown-subcommand = unrecognized subcommand '{ $name }'
cli-error-missing-required = the following required arguments were not provided: { $args }
cli-error-conflict = the argument '{ $arg }' cannot be used with '{ $other }'
cli-error-given-twice = '{ $arg }' was given twice; it takes one value, give it once
cli-error-no-equals = equal sign is needed when assigning values to '{ $arg }'
cli-error-value-count = wrong number of values for '{ $arg }'
cli-error-utf8 = the command line is not valid UTF-8
cli-error-other = { $detail }

## Command-line help: the doc comments of crates/cli/args.rs (a test keeps them equal).
## cli-arg-* is shared by every command with that argument; cli-<command>-<arg> is one command's own.

cli-about = Convert, check and align Chinese text across scripts, regions and languages
cli-lang = Language of bianyi's messages (en-US, zh-Hans, zh-Hant, zh-TW, …); default: from LC_ALL, LC_MESSAGES or LANG
cli-convert-about = Convert text to a target (zh-Hans, zh-TW, …) or with an OpenCC config
cli-convert-to = The target: zh-Hans, zh-Hant, zh-TW, zh-HK or zh-CN (zh-SG, zh-MY as zh-CN; zh-MO as zh-HK). The source is detected
cli-arg-phrases = With --to: also convert regional vocabulary (软件 ↔ 軟體)
cli-convert-config = The conversion: one of OpenCC's configs (see --list-configs), with OpenCC's exact behaviour, or the path of an OpenCC config file (JSON)
cli-convert-dicts = A text dictionary (OpenCC's format, KEY, a tab, VALUE per line) put in front of the first stage and segmentation of the config (-c) or of what the target (--to) converts with. Repeatable; an earlier one wins
cli-convert-corner_quotes = Write “ ” ‘ ’ as 「 」 『 』 (Taiwan and Hong Kong typography). Off by default, also for zh-TW and zh-HK
cli-convert-diff = Show what the conversion changes (line by line, character diff) instead of the converted text
cli-arg-diff-auto = Colour on a terminal, unless NO_COLOR is set
cli-arg-diff-plain = Markers only: [-removed-]{"{"}+added+{"}"}
cli-arg-diff-color = Markers and colour, always
cli-convert-ambiguities = Report, as JSON Lines, each place where a character or phrase had several candidates: position, source, choice, alternatives, rule
cli-convert-files = Files to convert; none or `-` reads standard input
cli-arg-glossaries = Apply a glossary (TOML or TBX; repeat for several, later ones win)
cli-arg-terms = What to do with glossary terms found in the text
cli-arg-terms-replace = Write the preferred term of the target language
cli-arg-terms-annotate = Write the term converted, and the target term in brackets on its first mention
cli-arg-terms-keep = Protect terms from conversion only
cli-arg-term_lang = Language terms are rendered in by --terms replace (default: the conversion's target) and added in by annotate (default: the glossary's target)
cli-arg-source_lang = Language of the first (source) column of TSV/CSV files, e.g. zh-Hant
cli-arg-target_lang = Language of the second (target) column of TSV/CSV files, e.g. en
cli-convert-output = Write the result to this file (atomically) instead of standard output
cli-convert-in_place = Replace each FILE with its conversion (atomically; permissions kept)
cli-convert-tofu_risk = Also use the dictionaries OpenCC marks as possibly producing characters older fonts lack (TSCharactersExt in t2s, tw2s, hk2s, …)
cli-convert-list_configs = List the configs with a one-line description each, then exit
cli-convert-threads = Threads converting large inputs (split at paragraph ends; the output is the same bytes for any number). Default: the number of cores; at most 4 per core and 256, and fewer when the system cannot start as many
cli-convert-engine = Conversion engine: bianyi's own, or the system's libopencc (only in builds with the `opencc` feature)
cli-convert-engine-bianyi = bianyi's engine (OpenCC 1.4.2 semantics, embedded dictionaries)
cli-convert-engine-opencc = The system's OpenCC library through opencc-rust
cli-detect-about = Tell the script and regional standard of texts
cli-detect-files = Files to examine; none or `-` reads standard input
cli-detect-by_paragraph = One result per paragraph (non-empty line) instead of per file
cli-detect-json = JSON Lines instead of text, for scripts
cli-detect-explain = Also show the confidence, the probabilities behind the verdict and the evidence, with examples
cli-detect-encoding = Encoding of the input: a byte order mark decides; auto then takes UTF-8 if the text is UTF-8 and otherwise guesses (and says so)
cli-glossary-about = Maintain term glossaries: add, remove, list, check, merge, import, export, fmt, extract
cli-glossary-add-about = Add an entry, or with --id of an existing entry add terms to it or change their status. Refuses a new entry whose terms another entry has (see --merge, --new-entry)
cli-glossary-add-file = The glossary (TOML); created if it does not exist
cli-glossary-add-terms = Preferred terms, as LANG=TEXT (zh-Hant=顏樂存 en="Yann LeCun")
cli-glossary-add-admitted = Admitted terms, as LANG=TEXT
cli-glossary-add-forbidden = Forbidden terms, as LANG=TEXT
cli-glossary-add-id = The entry's id (default: made from its first non-Chinese term)
cli-glossary-add-merge = Add the terms to the entry that already has one of them
cli-glossary-add-new_entry = Add a new entry even if another entry has the same terms
cli-glossary-add-domain = Subject field
cli-glossary-add-note = A note about the concept
cli-glossary-add-case_sensitive = Match these terms only in the same letter case
cli-glossary-remove-about = Remove entries by id, or with --term single terms of one entry
cli-glossary-remove-file = The glossary (TOML)
cli-glossary-remove-ids = Ids of the entries to remove
cli-glossary-remove-term = Remove only this term of the entry, as LANG=TEXT
cli-glossary-list-about = List the entries of glossaries
cli-arg-files = Glossaries (TOML, TSV, CSV or TBX)
cli-glossary-list-json = JSON Lines, one entry per line
cli-glossary-check-about = Report problems: duplicates, conflicting targets, forbidden terms allowed elsewhere, empty entries (exit 1 if any); and terms inside longer terms, as information
cli-glossary-merge-about = Merge glossaries into one; on the same id, later files win
cli-glossary-merge-files = Glossaries, in order of increasing priority
cli-glossary-merge-output = The merged glossary (TOML), written atomically
cli-glossary-import-about = Read a TSV, CSV or TBX glossary and write it as TOML
cli-glossary-import-file = The file to import
cli-glossary-import-output = The TOML glossary to write (atomically)
cli-glossary-import-from = The format of FILE (default: from its extension)
cli-glossary-import-from-toml = bianyi's canonical TOML
cli-glossary-import-from-tsv = Tab-separated: source, target, comment (OmegaT)
cli-glossary-import-from-csv = Comma-separated, with a header row
cli-glossary-import-from-tbx = TermBase eXchange (writes v3 TBX-Basic; reads v3 and v2)
cli-glossary-export-about = Write a glossary as TBX, TSV, CSV or TOML
cli-glossary-export-file = The glossary (TOML, or any readable format)
cli-glossary-export-format = The format to write
cli-glossary-export-format-toml = bianyi's canonical TOML
cli-glossary-export-format-tsv = Tab-separated: source, target, comment (OmegaT)
cli-glossary-export-format-csv = Comma-separated, with a header row
cli-glossary-export-format-tbx = TermBase eXchange (writes v3 TBX-Basic; reads v3 and v2)
cli-arg-output = Where to write (atomically); default: standard output
cli-arg-keep_formulas = Write TSV and CSV cells that begin with = + - @ as they are, for tools (by default they get a ' so that spreadsheets do not run them as formulas)
cli-glossary-fmt-about = Rewrite glossaries in canonical form (sorted, stable formatting)
cli-glossary-fmt-files = The TOML glossaries
cli-glossary-fmt-check = Only report files that are not canonical (exit 1 if any)
cli-glossary-extract-about = Propose term pairs from bracketed glosses in articles: 亞歷山大·王(Alexandr Wang), “Avocado”（牛油果）
cli-glossary-extract-files = Articles; none or `-` reads standard input
cli-glossary-extract-format = tsv: source, target, count, first context; toml: a glossary
cli-glossary-extract-format-tsv = source, target, count, context
cli-glossary-extract-format-toml = A glossary in canonical TOML
cli-qa-about = Check a translation against glossaries: missing and forbidden terms
cli-qa-glossaries = Glossaries to check against (later ones win)
cli-arg-source = The source text
cli-qa-target = Its translation, paragraph by paragraph
cli-qa-json = JSON Lines instead of text, for tools
cli-align-about = Align a text with its translation or conversion, sentence by sentence, and write the pairs (beads, TSV, JSONL, Markdown, TMX, XLIFF, HTML)
cli-align-target = The target text (its translation or conversion)
cli-align-source_lang = Language of the source (BCP 47: zh-Hant, zh-Hans, en, …); default: detected (Chinese and its script from the characters, Latin letters as en)
cli-align-target_lang = Language of the target; default: detected, as for the source
cli-align-format = What to write
cli-align-format-beads = One line per bead: [0,1]:[2] (0-based, vecalign's convention)
cli-align-format-tsv = Source, target, score and flags, tab-separated, one bead per line
cli-align-format-jsonl = One JSON object per bead
cli-align-format-md = A Markdown table
cli-align-format-tmx = TMX 1.4b translation memory
cli-align-format-xliff = XLIFF 2.0
cli-arg-format-html = A self-contained HTML page
cli-align-segmented = How the inputs are split
cli-align-segmented-sentences = Paragraphs, then sentences
cli-align-segmented-lines = Already one segment per line
cli-align-glossaries = Glossaries whose term pairs anchor the alignment
cli-align-dict = A word lexicon to use instead of the installed one: a CC-CEDICT file, or one `bianyi dict fetch` compiled (only its English glosses are used)
cli-align-no_dict = Align without a word lexicon, even if one is installed (`bianyi dict fetch`): character glosses, anchors and what is learnt from the pair only
cli-align-verbose = Say on standard error which word lexicon is used, or how to get one
cli-align-min_score = Beads scoring under this (the probability that a bead is right) are flagged low-confidence in every format; they stay in the output
cli-align-method = What the alignment looks at
cli-align-method-lexical = What the sentences say (a lexicon, numbers and names, translations learnt from the pair), their lengths and bead shapes
cli-align-method-length = Lengths and bead shapes only (Gale and Church)
cli-align-threads = Threads (the output is the same bytes for any number). Default: the number of cores, at most 4
cli-report-about = Write a bilingual report (HTML or Markdown) of a conversion, or of a text and its translation
cli-report-file = The text to report on
cli-report-to = Convert to this target (zh-Hans, zh-TW, …)
cli-report-config = Convert with this OpenCC config
cli-report-glossaries = Glossaries: terms are applied (replace) and marked in the report
cli-report-translation = A translation of FILE: the report pairs the converted text with it, sentence by sentence, and checks its terms against the glossaries
cli-report-translation_lang = Language of the translation
cli-report-format = HTML or Markdown
cli-report-no_dict = Align the translation without the installed word lexicon (`bianyi dict fetch`)
cli-dict-about = The aligner's word lexicon (CC-CEDICT's English glosses): fetch it into your data folder, show it, remove it
cli-dict-fetch-about = Download CC-CEDICT (or read it from a file), check it, and install its English glosses as the aligner's word lexicon in your data folder, with its licence notice
cli-dict-fetch-from = Where to get CC-CEDICT: an http(s) URL or a file, gzipped or not (`cedict_ts.u8`)
cli-dict-info-about = Show the installed word lexicon: where, source, date, SHA-256, headwords, licence
cli-dict-remove-about = Remove the word lexicon from your data folder
cli-report-format-md = Markdown
cli-l10n-about = Localization files: derive zh-Hant, zh-TW or zh-HK files from zh-Hans ones (Fluent, gettext PO, JSON) without touching their syntax
cli-l10n-convert-about = Convert the text of localization files; ids, keys, placeables, format specifiers and markup stay byte for byte, and the result is checked before it is written
cli-l10n-convert-to = The target: zh-Hans, zh-Hant, zh-TW, zh-HK or zh-CN
cli-l10n-convert-config = Convert with this OpenCC config instead of a target
cli-l10n-convert-files = Localization files
cli-l10n-convert-format = The format of the files
cli-l10n-convert-format-auto = From the file extension (.ftl, .po, .pot, .json)
cli-l10n-convert-format-ftl = Project Fluent
cli-l10n-convert-format-po = GNU gettext PO
cli-l10n-convert-format-json = JSON, flat or nested
cli-l10n-convert-output_dir = Write each result into this folder, under the input's file name (created if missing). Default: standard output (one file only)
cli-l10n-convert-in_place = Replace each FILE with its conversion (atomically)
cli-l10n-convert-diff = Show the messages the conversion changes instead of writing
cli-l10n-convert-comments = Also convert comments (Fluent comments; PO translator and extracted comments). By default they are kept as they are
cli-l10n-convert-corner_quotes = Write “ ” ‘ ’ as 「 」 『 』 (Taiwan and Hong Kong typography)
cli-l10n-convert-overrides = A file of reviewed wording, in the format of the inputs: its messages replace the converted ones of the same id or key (same placeables required)

## Encodings

note-align-lang-chinese = bianyi: note: { $path } is taken as { $lang } (detected from its characters; use { $option } to choose)
note-align-lang-latin = bianyi: note: { $path } is taken as { $lang } (Latin letters; use { $option } to choose another language)
error-align-lang-unknown = cannot tell the language of { $path } (neither Chinese nor Latin letters); give it with { $option } (zh-Hans, zh-Hant, en, …)
note-encoding-guessed = bianyi: note: { $path } is not UTF-8; reading it as { $encoding } (guessed from its content; use --encoding to choose)
error-malformed = { $path }: byte offset { $offset } is not valid { $encoding } (bytes { $bytes }); choose another --encoding
error-unmappable = { $path }:{ $line }: “{ $char }” ({ $code }) cannot be written in { $encoding }; use --output-encoding utf-8, or --unmappable ncr to write it as a numeric character reference

cli-arg-encoding = Encoding of the input: a byte order mark decides; auto then takes UTF-8 if the text is UTF-8 and otherwise guesses (and says so)
cli-arg-output_encoding = Encoding of the output (default: the input's)
cli-arg-unmappable = What to do with characters the output encoding cannot hold
cli-arg-unmappable-error = Stop with an error naming the first such character (nothing is written to files)
cli-arg-unmappable-ncr = Write it as a numeric character reference (&#31616;)
cli-arg-encoding-auto = Input: the byte order mark, else UTF-8 if valid, else a guess; output: the input's encoding
cli-arg-encoding-utf-8 = UTF-8
cli-arg-encoding-gb18030 = GB18030 (a superset of GBK and GB2312)
cli-arg-encoding-gbk = GBK (read as GB18030, which contains it)
cli-arg-encoding-big5 = Big5 (with the HKSCS extensions when reading)
cli-arg-encoding-utf-16le = UTF-16, little-endian
cli-arg-encoding-utf-16be = UTF-16, big-endian
cli-arg-output_encoding-auto = Input: the byte order mark, else UTF-8 if valid, else a guess; output: the input's encoding
cli-arg-output_encoding-utf-8 = UTF-8
cli-arg-output_encoding-gb18030 = GB18030 (a superset of GBK and GB2312)
cli-arg-output_encoding-gbk = GBK (read as GB18030, which contains it)
cli-arg-output_encoding-big5 = Big5 (with the HKSCS extensions when reading)
cli-arg-output_encoding-utf-16le = UTF-16, little-endian
cli-arg-output_encoding-utf-16be = UTF-16, big-endian

## Batch conversion (convert -r)

batch-progress-files = files
batch-summary = bianyi: { $files ->
        [one] converted 1 file
       *[other] converted { $files } files
    } ({ $size }), { $changed ->
        [one] 1 character changed
       *[other] { $changed } characters changed
    }; skipped { $binary } binary { $binary ->
        [one] file
       *[other] files
    } and { $links } symbolic { $links ->
        [one] link
       *[other] links
    }; { $errors ->
        [0] no errors
        [one] 1 error
       *[other] { $errors } errors
    }
error-batch-output-is-input = { $path } is the folder being converted; use --in-place to convert it in place
error-batch-output-contains-input = the output folder { $path } contains the folder being converted ({ $input }), so outputs could overwrite inputs; choose an output folder outside it
error-batch-escapes = { $path } would be written outside the output folder (through a symbolic link); not written
error-batch-changed = { $path } was replaced (by a symbolic link or another file) while bianyi was converting the tree; not followed, left as it is
error-batch-needs-output = -r needs an output folder (-o DIR) or --in-place
error-batch-failed = { $errors ->
        [one] 1 file could not be converted
       *[other] { $errors } files could not be converted
    } (see above)
error-jsonl = { $path }:{ $line }:{ $column }: not a JSON object line ({ $message })
cli-convert-recursive = Convert every text file under DIR, keeping the tree, into -o OUTDIR (or in place with --in-place); binary files are skipped
cli-convert-jsonl = JSON Lines: each input line is a JSON object whose --field is converted; everything else on the line stays as it is
cli-convert-field = With --jsonl: the field to convert, a name or a JSON pointer (/a/b); every string under it is converted
error-document = { $path }:{ $line }:{ $column }: cannot convert this { $format } document (byte { $offset }): { $message }; nothing was written
doc-reason-syntax = syntax error: { $detail }
doc-reason-html = cannot rewrite this html: { $detail }
doc-reason-structure = the converted text would change the markup or syntax of the document here
doc-reason-duplicate-key = two keys of this object would both become “{ $key }”; rename one of them or leave keys unconverted
doc-reason-bad-timing = syntax error: malformed timing line “{ $line }”; expected { $example }
doc-reason-srt-expected-cue = syntax error: expected a cue number or a timing line ({ $example })
doc-reason-srt-expected-timing = syntax error: expected a timing line after the cue number ({ $example })
doc-reason-vtt-expected-timing = syntax error: expected a timing line after the cue identifier ({ $example })
doc-reason-vtt-signature = syntax error: a WebVTT file must start with the line WEBVTT
error-ambiguities-on-text = --ambiguities works on plain text only; use --format text
error-json-line-too-large = { $path }: a line of JSON Lines is larger than { $limit } bytes, the most a JSON document may be, as it is read whole; raise the limit with --max-document-size (e.g. --max-document-size 1G)
error-document-too-large = { $path }: the document is larger than { $limit } bytes, the most a document format reads, as it holds the document whole; raise the limit with --max-document-size (e.g. --max-document-size 1G), or convert the file as plain text with --format text; nothing was written
cli-convert-format = What the input is; only its human text is converted (auto: by the file's extension, plain text otherwise)
cli-convert-format-auto = By the file extension (.md, .html, .srt, .vtt, .json); text otherwise
cli-convert-format-text = Plain text: everything is converted
cli-convert-format-markdown = Markdown: not code, URLs or front matter keys
cli-convert-format-html = HTML: text and title/alt/placeholder/aria-label; not scripts, styles, code or other attributes
cli-convert-format-srt = SubRip subtitles: cue text only
cli-convert-format-vtt = WebVTT subtitles: cue text only
cli-convert-format-json = JSON: string values (and keys with --json-keys)
cli-convert-json_keys = With JSON: convert object keys too
cli-convert-max_document_size = The largest document that --format (other than text) reads, and the longest --jsonl line, as they are held whole: bytes, or with K, M or G (1024-based)
# Projects: bianyi init, build, check, override (docs/workspace.md).
error-project-not-found = no bianyi.toml in { $start } or any folder above it; create one with `bianyi init`, or name one with --project
error-project-at = { $place }: { $what }
error-project-syntax = invalid TOML: { $message }
error-project-unknown-key = unknown key “{ $key }”
error-project-unknown-key-suggest = unknown key “{ $key }”; did you mean “{ $suggestion }”?
error-project-bad-glob = bad glob “{ $glob }”: { $message }
error-project-bad-template = bad path “{ $template }”: a template uses only {"{"}target{"}"}, {"{"}path{"}"}, {"{"}dir{"}"}, {"{"}name{"}"}, {"{"}stem{"}"} and {"{"}ext{"}"}, names each input apart ({"{"}path{"}"}, {"{"}name{"}"} or {"{"}stem{"}"}) and stays inside the project
error-project-unknown-target = unknown target “{ $name }” (expected zh-Hans, zh-Hant, zh-TW, zh-HK or zh-CN)
error-project-bad-value = bad value “{ $value }” for { $key }
error-project-missing-glossary = the glossary { $path } does not exist; nothing was written
error-project-same-output = { $first } and { $second } would both be written to { $output }; give the output a template that keeps them apart (with {"{"}path{"}"}); nothing was written
error-project-output-in-sources = the output { $output } (of { $input }) would be read back as a source: put outputs outside the source globs, or exclude them; nothing was written
error-project-target-twice = the target { $name } is declared twice
error-project-override-target = an override names the target { $name }, which the project does not build
error-project-override-spot = an override's source “{ $source }” is not in its context “{ $context }”
error-project-no-such-spot = “{ $source }” is not at that place in { $file }
error-init-exists = { $path } exists already; nothing was written
error-override-record = { $path }:{ $line }: not a record of `bianyi convert --ambiguities` (a JSON object with input, line, column, source, output)
init-written = wrote { $path }: read it, then run `bianyi build`
build-converted = converted { $output }
build-would-convert = would convert { $output }
build-removed = removed { $output } (its source is gone)
build-would-remove = would remove { $output } (its source is gone)
build-modified = kept { $output }: changed by hand since the last build
build-failed = failed { $output }: { $reason }
build-failed-utf8 = { $input } is not valid UTF-8 (byte offset { $offset }); set its source's encoding in bianyi.toml
build-failed-decode = { $input } is not valid { $encoding }
build-failed-format = { $input } is not a valid { $format } file: { $message }
build-failed-locale = { $input }: not a localization file bianyi reads (.ftl, .po, .pot, .json)
build-summary = { $converted } converted, { $unchanged } unchanged, { $failed } failed, { $removed } removed, { $modified } changed by hand; { $chars } characters changed, { $terms } terms applied, { $findings } QA findings
build-summary-dry = dry run: { $converted } would be converted, { $removed } removed; { $unchanged } unchanged, { $failed } failed, { $modified } changed by hand
build-modified-hint = { $count ->
    [one] 1 output was changed by hand and left as it is
   *[other] { $count } outputs were changed by hand and left as they are
}: build with --force to overwrite, or keep the change as an override (`bianyi override add`)
build-check-failed = building would change the outputs above: run `bianyi build` and commit the result
build-watching = watching the project for changes (Ctrl-C to stop)
check-stale = { $output }: out of date with { $input } (run `bianyi build`)
check-modified = { $output }: changed by hand since the last build
check-failed = { $output }: cannot be built from { $input } (see `bianyi build`)
check-standard = { $file }: declared { $declared }, but detection says { $detected }
check-placeholders = { $output }: message “{ $key }” of { $source } is missing or its placeholders differ
check-alignment = { $file }: bead { $bead } of the reviewed alignment of { $source } is no longer in the texts (aligned again: review it in `bianyi serve`)
check-override = { $file }: an override's context “{ $context }” is no longer in the file
check-clean = no findings
check-findings = { $count ->
    [one] 1 finding
   *[other] { $count } findings
}
override-added = { $count ->
    [one] 1 decision
   *[other] { $count } decisions
} written to { $path }
cli-init-about = Start a project: write a commented bianyi.toml for what is in a folder (never over an existing one)
cli-init-dir = The project's folder
cli-build-about = Build a project (bianyi.toml): convert what changed since the last build, in parallel
cli-arg-project = The project file, or its folder. Default: the bianyi.toml of the current folder or the nearest one above it
cli-build-dry_run = List what would change; write nothing
cli-build-check = Write nothing; exit 1 if building would change any output (for CI)
cli-build-force = Overwrite (or remove) outputs changed by hand since the last build
cli-build-watch = Build, then build again whenever a file of the project changes (until interrupted)
cli-build-threads = Files converted at once. Default: the number of cores
cli-check-about = Check a project for CI: stale outputs, glossary QA of translations, forbidden terms, declared standards, locale placeholders (exit 1 on findings)
cli-check-format = How findings are written
cli-check-format-human = One line per finding, for people
cli-check-format-json = One JSON object per finding (JSON Lines), for tools
cli-check-threads = Files converted at once. Default: the number of cores
cli-override-about = Reviewers' decisions of a project: add one, or import them from `convert --ambiguities` output
cli-override-add-about = Decide what a word becomes in the whole project, or with --at at one spot of one file
cli-override-add-source = The text as in the source
cli-override-add-output = What the conversion must write for it
cli-override-add-at = The spot: FILE:LINE:COLUMN (1-based, columns in characters), as `convert --ambiguities` gives them
cli-override-add-targets = Only for these targets (repeat for several). Default: all
cli-override-import-about = Turn `convert --ambiguities` records (JSON Lines, their `output` set to the reviewer's choice) into spot decisions
cli-override-import-file = The records; - for standard input
cli-override-import-targets = Only for these targets (repeat for several). Default: all

## OpenCC config files and user dictionaries (convert -c PATH.json, --dict)

error-config-file = { $place }: { $problem }
config-problem-read = cannot read it: { $reason }
config-problem-not-utf8 = not UTF-8
config-problem-json = not valid JSON ({ $detail })
config-problem-shape = not an OpenCC config: { $detail }
config-problem-dict-type = unknown dictionary type “{ $value }” (OpenCC's are text, ocd2 and group)
config-problem-policy = unknown match_policy “{ $value }” (short_circuit or union)
config-problem-segmentation = unknown segmentation type “{ $value }” (OpenCC has mmseg)
config-problem-ocd2 = an ocd2 dictionary (OpenCC's binary format), which bianyi does not read
hint-ocd2 = convert it to text with OpenCC's tool, then name the .txt with "type": "text": opencc_dict -i { $file } -o { $txt } -f ocd2 -t text
config-problem-no-tab = no tab between the key and its values
config-problem-empty-key = the line has an empty key
config-problem-empty-value = the line has an empty value
config-problem-duplicate-key = the key “{ $key }” is given twice
config-problem-reserved-char = { $char } cannot be in a dictionary (ideographic description characters are copied as they are; compatibility ideographs only in normalization)
config-problem-too-large = too large for the tables (at most 2,000,000 entries in all, and as many distinct characters and phrases as their encodings hold)

## Completions and man pages

cli-completions-about = Print the completion script of a shell (bash, zsh, fish, powershell, elvish)
cli-completions-shell = The shell: bash, zsh, fish, powershell or elvish
cli-man-about = Print the man page, or write one per command into a folder
cli-man-output_dir = Write one page per command (bianyi.1, bianyi-convert.1, …) into this folder instead of printing bianyi.1

## Examples under each command's --help (a comment line, then its command)

cli-heading-examples = Examples
cli-convert-examples =
    # Simplified to Traditional as written in Taiwan (the source is detected)
    bianyi convert --to zh-TW --phrases article.txt -o article.zh-TW.txt
    # OpenCC's s2twp exactly, with a dictionary of your own names first
    bianyi convert -c s2twp --dict names.txt article.txt
    # Your own OpenCC config file; show the changes instead of the text
    bianyi convert -c ./my-config.json --diff article.txt
cli-detect-examples =
    # Which script and regional standard a file is written in
    bianyi detect article.txt
    # The same for every file given, as JSON Lines
    bianyi detect --json *.txt
cli-glossary-examples =
    # Add a term pair, then check the glossary
    bianyi glossary add terms.toml zh-Hans=软件 zh-TW=軟體
    bianyi glossary check terms.toml
cli-qa-examples =
    # Missing and forbidden terms in a translation
    bianyi qa --glossary terms.toml --source-lang zh-Hans --target-lang en source.txt translation.txt
cli-align-examples =
    # Sentence pairs of a text and its conversion, as TSV
    bianyi align article.zh-Hans.txt article.zh-TW.txt --format tsv
cli-report-examples =
    # An HTML report of what converting to zh-TW changes
    bianyi report --to zh-TW article.txt -o report.html
cli-l10n-examples =
    # zh-TW messages derived from zh-Hans ones, placeables untouched
    bianyi l10n convert --to zh-TW --phrases locales/zh-Hans/app.ftl -o locales/zh-TW/
cli-completions-examples =
    # Bash: load completions in every new shell
    bianyi completions bash > ~/.local/share/bash-completion/completions/bianyi
    # Zsh: into a folder of your $fpath
    bianyi completions zsh > ~/.zfunc/_bianyi
cli-man-examples =
    # Read the manual
    bianyi man | man -l -
    # Install a page per command
    bianyi man -o ~/.local/share/man/man1
cli-serve-about = A local web workspace over a project: its files and their state, each document beside its conversions, ambiguities decided with a click and saved as the project's overrides
cli-serve-project = The project file, or its folder (default: the bianyi.toml of the current folder or the nearest one above it); or one document, with --to, served without a project file
cli-serve-to = Serve the document PATH without a project: convert it to this target (repeat for several)
cli-serve-glossaries = With --to: a glossary of the document (TOML, TSV, CSV or TBX; TOML ones can be edited; repeat for several, later ones win)
cli-serve-overrides = With --to: where decisions are saved. Default: PATH.overrides.toml beside the document
cli-serve-port = The port on 127.0.0.1. Default: a free one
cli-serve-open = Open the workspace in the default browser
error-serve = cannot serve the workspace: { $reason }
error-serve-not-document = { $path } is not a document to serve: name a text, Markdown, HTML or subtitle file with --to, or a project (bianyi.toml or its folder) without --to
error-serve-outside = { $path } is not in the document's folder or below it: serving one document reads and writes nothing outside its folder
error-serve-needs-to = { $path } is a document, not a project: serve it with --to TARGET (e.g. bianyi serve { $path } --to zh-TW)
error-serve-no-project = { $path } has no bianyi.toml: create one with `bianyi init { $path }`, or serve one document of it (bianyi serve FILE --to TARGET)
error-serve-needs-file = --to, --glossary and --overrides serve one document: name it (bianyi serve FILE --to TARGET)
serve-listening = bianyi workspace at { $url } (Ctrl+C to stop)

## The web workspace (`bianyi serve`).

serve-home = bianyi workspace
serve-files-title = Files of the project
serve-build = Build the project
serve-col-file = File
serve-col-outputs = Outputs
serve-col-findings = Findings
serve-state-converted = converted
serve-state-stale = stale
serve-state-failed = cannot be built
serve-state-modified = changed by hand
serve-findings-title = { $count ->
    [one] 1 finding
   *[other] { $count } findings
}
serve-source = Source
serve-not-built = Not built yet.
serve-download = Download this conversion
serve-ambiguities = { $count ->
    [one] 1 ambiguity for { $target }
   *[other] { $count } ambiguities for { $target }
}
serve-everywhere = everywhere in the project
serve-everywhere-document = everywhere in this document
serve-no-overrides = The project declares no overrides file: add overrides = "overrides.toml" to bianyi.toml to save decisions.
serve-error-title = Error
serve-not-found = No such page.
serve-no-such-file = { $file } is not a file of the project.
serve-unreadable = { $file } cannot be read as its source set says.
serve-bad-host = Wrong Host: the workspace answers only to 127.0.0.1 and localhost on its own port.
serve-bad-origin = Wrong Origin: only the workspace's own pages may change the project.
serve-bad-token = Missing or wrong session token: only the workspace's own pages may change the project.
serve-too-large = The request is too large.
serve-bad-request = The request names an unknown target or an empty choice.
serve-outside = The overrides file is outside the project.
serve-internal = Internal error.

## bianyi serve: alignment review
serve-align-link = Review the alignment with the translation
serve-align-title = Alignment of { $file }
serve-align-counts = { $beads } beads, { $flagged } flagged
serve-align-reviewed = reviewed
serve-align-not-reviewed = not reviewed yet
serve-align-stale = { $count } saved beads no longer match the texts (aligned again)
serve-align-export-tmx = Download TMX
serve-align-export-xliff = Download XLIFF
serve-align-mark-reviewed = Mark the whole alignment as reviewed
serve-align-translation = Translation
serve-align-score = Score
serve-align-actions = Change
serve-align-flag-low-confidence = low confidence
serve-align-flag-unpaired = unpaired
serve-align-merge = Merge with the next bead
serve-align-source-up = First source sentence to the previous bead
serve-align-target-up = First translated sentence to the previous bead
serve-align-source-down = Last source sentence to the next bead
serve-align-target-down = Last translated sentence to the next bead
serve-align-split-source = source sentences in the first part
serve-align-split-target = translated sentences in the first part
serve-align-split = Split
serve-align-no-translation = { $file } has no translation declared (`translation` in its [[sources]]).
serve-align-changed = The source, its translation or the saved alignment changed since this page was made: reload it and decide again.
serve-align-bad-request = The request names no bead, an unknown change, or a change that is not possible there.

## bianyi serve: the glossary editor
serve-gloss-title = Glossaries
serve-gloss-search = Search
serve-gloss-none = The project declares no glossaries: add glossaries = ["glossary.toml"] to bianyi.toml.
serve-gloss-read-only = Only TOML glossaries can be edited here; this one is shown as it is.
serve-gloss-count = { $shown } of { $count } entries
serve-gloss-status = Status
serve-gloss-status-preferred = preferred
serve-gloss-status-admitted = admitted
serve-gloss-status-forbidden = forbidden
serve-gloss-note = Note
serve-gloss-save = Save
serve-gloss-add = Add the term
serve-gloss-source-lang = Language
serve-gloss-source-term = Term
serve-gloss-target-lang = in
serve-gloss-target-term = Rendered as
serve-gloss-add-from-selection = Add a term to { $file } (select words in the source to fill it)
serve-gloss-not-editable = { $file } is not a TOML glossary of the project: it cannot be changed here.
serve-gloss-conflict = { $file } changed since this page was shown (another window, an editor or a command wrote it). Nothing was saved: reload the page and make the change again.
serve-gloss-bad-term = The term is empty, or its entry or language is missing or unknown.
