//! The fast reader against an independent implementation: the `toml` crate
//! (`reference` below reads its parse tree into a glossary, without the
//! fast path that `Glossary::from_toml` tries first).
//!
//! Generated glossaries are written out in many spellings: the canonical
//! one, spellings the canonical writer never produces but the fast reader
//! accepts (comments, blank lines, CRLF, `\u` escapes, keys in any order),
//! and spellings it must refuse (literal and multi-line strings, inline or
//! table-form term arrays, odd spacing, trailing comments, unknown keys,
//! invalid values). Whenever the fast reader returns a glossary, it must be
//! the one the `toml` crate reads; on the spellings it accepts, it must
//! return one.

use std::str::FromStr;

use proptest::prelude::*;
use toml::Value;

use super::*;

/// A glossary as TOML means it, read with the `toml` crate: the oracle.
fn reference(text: &str) -> Result<Glossary, String> {
    let doc: toml::Table = text.parse().map_err(|e: toml::de::Error| e.to_string())?;
    let mut g = Glossary::new();
    for (key, value) in &doc {
        match (key.as_str(), value) {
            ("glossary", Value::Table(header)) => {
                for (k, v) in header {
                    let lang = Some(reference_lang(v)?);
                    match k.as_str() {
                        "source" => g.source = lang,
                        "target" => g.target = lang,
                        _ => return Err(format!("unknown key glossary.{k}")),
                    }
                }
            }
            ("entry", Value::Array(entries)) => {
                for e in entries {
                    g.entries.push(reference_entry(e)?);
                }
            }
            _ => return Err(format!("unexpected top-level {key}")),
        }
    }
    let mut ids = HashSet::new();
    if g.entries.iter().all(|e| ids.insert(e.id.clone())) {
        Ok(g)
    } else {
        Err("duplicate id".into())
    }
}

fn string_of(v: &Value) -> Result<String, String> {
    v.as_str()
        .map(str::to_string)
        .ok_or(format!("{v} is not a string"))
}

/// A non-empty string with no control character and no space at its ends.
fn plain(v: &Value) -> Result<String, String> {
    let s = string_of(v)?;
    if s.trim().is_empty() || s.trim() != s || s.chars().any(char::is_control) {
        return Err(format!("invalid value {s:?}"));
    }
    Ok(s)
}

fn reference_lang(v: &Value) -> Result<Lang, String> {
    Lang::parse(&string_of(v)?).map_err(|e| e.to_string())
}

/// Optional free text: an empty string is the same as none.
fn optional(v: &Value) -> Result<Option<String>, String> {
    string_of(v).map(|s| Some(s).filter(|s| !s.is_empty()))
}

fn reference_entry(v: &Value) -> Result<Entry, String> {
    let table = v.as_table().ok_or("an entry is not a table")?;
    let mut e = Entry::new(plain(table.get("id").ok_or("entry without id")?)?);
    for (k, v) in table {
        match k.as_str() {
            "id" => {}
            "domain" => e.domain = optional(v)?,
            "note" => e.note = optional(v)?,
            "terms" => {
                let terms = v.as_array().ok_or("terms is not an array")?;
                for t in terms {
                    e.terms.push(reference_term(t)?);
                }
            }
            _ => return Err(format!("unknown key entry.{k}")),
        }
    }
    Ok(e)
}

fn reference_term(v: &Value) -> Result<Term, String> {
    let table = v.as_table().ok_or("a term is not a table")?;
    let lang = reference_lang(table.get("lang").ok_or("term without lang")?)?;
    let text = plain(table.get("text").ok_or("term without text")?)?;
    let mut t = Term::new(lang, text);
    for (k, v) in table {
        match k.as_str() {
            "lang" | "text" => {}
            "status" => t.status = Status::from_str(&string_of(v)?).map_err(|e| e.to_string())?,
            "pos" => t.part_of_speech = optional(v)?,
            "case_sensitive" => t.case_sensitive = v.as_bool().ok_or("not a boolean")?,
            "note" => t.note = optional(v)?,
            _ => return Err(format!("unknown key term.{k}")),
        }
    }
    Ok(t)
}

// ---------------------------------------------------------------------------
// Generated glossaries, with values that may be invalid.

#[derive(Clone, Debug)]
struct RawTerm {
    lang: String,
    text: String,
    status: Option<String>,
    pos: Option<String>,
    case_sensitive: Option<bool>,
    note: Option<String>,
}

#[derive(Clone, Debug)]
struct RawEntry {
    id: String,
    domain: Option<String>,
    note: Option<String>,
    terms: Option<Vec<RawTerm>>,
}

#[derive(Clone, Debug)]
struct RawGlossary {
    header: Option<(Option<String>, Option<String>)>,
    entries: Vec<RawEntry>,
}

/// Characters that matter to a TOML string reader: quotes, backslashes,
/// controls, TOML punctuation, CJK, combining marks, astral characters,
/// Unicode spaces.
const CHARS: &[char] = &[
    'a', 'Z', '0', ' ', '\t', '\n', '\r', '"', '\'', '\\', '#', '=', '[', ']', '{', '}', ',',
    '\u{0}', '\u{7}', '\u{8}', '\u{c}', '\u{1f}', '\u{7f}', '\u{85}', '顏', '樂', '存', '亞', '·',
    'é', '\u{301}', '😀', '\u{feff}', '\u{3000}', 'u', '$',
];

fn any_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(CHARS), 0..8)
        .prop_map(|cs| cs.into_iter().collect())
}

fn non_empty_text() -> impl Strategy<Value = String> {
    any_text().prop_map(|s| if s.is_empty() { "備註".into() } else { s })
}

/// A valid term text or id: no controls, no surrounding spaces.
fn valid_text() -> impl Strategy<Value = String> {
    any_text().prop_map(|s| {
        let s: String = s.chars().filter(|c| !c.is_control()).collect();
        let s = s.trim();
        if s.is_empty() { "詞".into() } else { s.into() }
    })
}

const LANGS: &[&str] = &["en", "en-US", "zh-Hant", "zh-Hans", "zh-TW", "ja", "yue-HK"];
const ODD_LANGS: &[&str] = &["zh-hant", "zh_TW", "EN", "und", "", " en", "zh-Hant-", "x"];
const STATUSES: &[&str] = &["preferred", "admitted", "forbidden"];
const ODD_STATUSES: &[&str] = &["Admitted", "deprecated", "maybe", ""];

fn pick(
    valid: &'static [&'static str],
    odd: &'static [&'static str],
    wild: bool,
) -> BoxedStrategy<String> {
    let valid = proptest::sample::select(valid).prop_map(String::from);
    if wild {
        prop_oneof![3 => valid, 1 => proptest::sample::select(odd).prop_map(String::from)].boxed()
    } else {
        valid.boxed()
    }
}

fn text_value(wild: bool) -> BoxedStrategy<String> {
    if wild {
        prop_oneof![3 => valid_text(), 1 => any_text()].boxed()
    } else {
        valid_text().boxed()
    }
}

fn optional_text(wild: bool) -> BoxedStrategy<Option<String>> {
    if wild {
        proptest::option::of(any_text()).boxed()
    } else {
        proptest::option::of(non_empty_text()).boxed()
    }
}

fn raw_term(wild: bool) -> impl Strategy<Value = RawTerm> {
    let status = if wild {
        proptest::option::weighted(0.9, pick(STATUSES, ODD_STATUSES, true)).boxed()
    } else {
        pick(STATUSES, ODD_STATUSES, false).prop_map(Some).boxed()
    };
    let case_sensitive = if wild {
        proptest::option::of(any::<bool>()).boxed()
    } else {
        prop_oneof![Just(None), Just(Some(true))].boxed()
    };
    (
        pick(LANGS, ODD_LANGS, wild),
        text_value(wild),
        status,
        optional_text(wild),
        case_sensitive,
        optional_text(wild),
    )
        .prop_map(|(lang, text, status, pos, case_sensitive, note)| RawTerm {
            lang,
            text,
            status,
            pos,
            case_sensitive,
            note,
        })
}

fn raw_glossary(wild: bool) -> impl Strategy<Value = RawGlossary> {
    let entry = (
        text_value(wild),
        optional_text(wild),
        optional_text(wild),
        proptest::option::weighted(0.9, proptest::collection::vec(raw_term(wild), 0..4)),
    );
    let lang = proptest::option::of(pick(LANGS, ODD_LANGS, wild));
    (
        proptest::option::of((lang.clone(), lang)),
        proptest::collection::vec(entry, 0..5),
        any::<bool>(),
    )
        .prop_map(move |(header, entries, repeat_an_id)| {
            let mut entries: Vec<RawEntry> = entries
                .into_iter()
                .enumerate()
                .map(|(i, (id, domain, note, terms))| RawEntry {
                    // Unique, and still valid (it ends with a digit).
                    id: if wild && repeat_an_id {
                        id
                    } else {
                        format!("{id}{i}")
                    },
                    domain,
                    note,
                    terms,
                })
                .collect();
            if wild && repeat_an_id && entries.len() > 1 {
                entries[1].id = entries[0].id.clone();
            }
            RawGlossary { header, entries }
        })
}

/// The glossary a valid `RawGlossary` stands for.
fn expected(raw: &RawGlossary) -> Glossary {
    let lang = |t: &String| Lang::parse(t).expect("a valid tag");
    let mut g = Glossary::new();
    if let Some((source, target)) = &raw.header {
        g.source = source.as_ref().map(lang);
        g.target = target.as_ref().map(lang);
    }
    for e in &raw.entries {
        let mut entry = Entry::new(e.id.clone());
        entry.domain = e.domain.clone();
        entry.note = e.note.clone();
        for t in e.terms.iter().flatten() {
            let status = t.status.as_deref().map_or(Status::Preferred, |s| {
                Status::from_str(s).expect("a valid status")
            });
            let mut term = Term::new(lang(&t.lang), t.text.clone()).with_status(status);
            term.part_of_speech = t.pos.clone();
            term.case_sensitive = t.case_sensitive == Some(true);
            term.note = t.note.clone();
            entry.terms.push(term);
        }
        g.entries.push(entry);
    }
    g
}

// ---------------------------------------------------------------------------
// Writing a generated glossary as TOML, in many spellings.

/// Writes TOML, taking each choice of spelling from `dice`. Choices below
/// `accepted` are spellings the fast reader must read; the others (one
/// choice in `rarity`, none when it is 0) are valid or invalid TOML it must
/// give up on or agree with. Rare odd spellings make texts that are all
/// but one detail what the fast reader accepts.
struct Writer<'a> {
    out: String,
    dice: std::iter::Cycle<std::slice::Iter<'a, u8>>,
    rarity: u8,
}

impl Writer<'_> {
    fn die(&mut self, accepted: u8, wild: u8) -> u8 {
        let d = self.dice.next().copied().unwrap_or(0);
        if wild > 0 && self.rarity > 0 && d % self.rarity == 0 {
            accepted + (d / self.rarity) % wild
        } else {
            d % accepted
        }
    }

    fn line(&mut self, s: &str) {
        self.out.push_str(s);
        // Mixed line endings: TOML allows both, the fast reader too.
        let eol = if self.die(2, 0) == 0 { "\n" } else { "\r\n" };
        self.out.push_str(eol);
    }

    /// Lines the fast reader skips, or (wild) ones it does not know.
    fn filler(&mut self) {
        match self.die(3, 2) {
            0 => {}
            1 => self.line(""),
            2 => self.line("# a comment: \"x\" = [y] \\"),
            3 => self.line("   # an indented comment"),
            _ => self.line("  \t "),
        }
    }

    fn string(&mut self, s: &str) -> String {
        let basic = |escape_all: bool, raw_tab: bool| {
            let mut out = String::from('"');
            for c in s.chars() {
                match c {
                    c if escape_all && !c.is_ascii_alphanumeric() && u32::from(c) <= 0xFFFF => {
                        out.push_str(&format!("\\u{:04x}", u32::from(c)));
                    }
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    '\t' if raw_tab => out.push('\t'),
                    '\t' => out.push_str("\\t"),
                    '\r' => out.push_str("\\r"),
                    c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
                    c => out.push(c),
                }
            }
            out.push('"');
            out
        };
        let controls = s.chars().any(|c| c.is_control() && c != '\t' && c != '\n');
        match self.die(3, 4) {
            0 => basic(false, false),
            1 => basic(true, false),
            2 => basic(false, true),
            3 => {
                // Escapes TOML has and the fast reader does not.
                let mut out = String::from('"');
                for c in s.chars() {
                    match c {
                        '\u{8}' => out.push_str("\\b"),
                        '\u{c}' => out.push_str("\\f"),
                        c if c.is_ascii_alphanumeric() || c == ' ' => out.push(c),
                        c => out.push_str(&format!("\\U{:08X}", u32::from(c))),
                    }
                }
                out.push('"');
                out
            }
            4 if !s.contains(['\'', '\n']) && !controls => format!("'{s}'"),
            5 => {
                let mut out = String::from("\"\"\"\n");
                for c in s.chars() {
                    match c {
                        '"' => out.push_str("\\\""),
                        '\\' => out.push_str("\\\\"),
                        '\n' => out.push('\n'),
                        '\r' => out.push_str("\\r"),
                        c if c.is_control() && c != '\t' => {
                            out.push_str(&format!("\\u{:04X}", u32::from(c)));
                        }
                        c => out.push(c),
                    }
                }
                out.push_str("\"\"\"");
                out
            }
            6 if !s.contains('\'') && !controls => format!("'''\n{s}'''"),
            _ => basic(false, false),
        }
    }

    /// A language tag: the fast reader only takes tags written as they are
    /// (an escape makes it give up, by design).
    fn tag(&mut self, s: &str) -> String {
        if self.die(1, 1) == 1 {
            self.string(s)
        } else {
            format!("\"{s}\"")
        }
    }

    fn key_value(&mut self, key: &str, value: &str) {
        let pair = match self.die(1, 4) {
            0 => format!("{key} = {value}"),
            1 => format!("{key}={value}"),
            2 => format!("{key}  =  {value}"),
            3 => format!("  {key} = {value}"),
            _ => format!("\"{key}\" = {value}"),
        };
        let tail = match self.die(1, 4) {
            0 => "",
            1 => " # a comment",
            2 => "   ",
            3 => " x",
            _ => ",",
        };
        self.line(&format!("{pair}{tail}"));
    }

    fn term(&mut self, t: &RawTerm) -> String {
        let mut pairs = vec![("lang", self.tag(&t.lang)), ("text", self.string(&t.text))];
        if let Some(s) = &t.status {
            pairs.push(("status", self.string(s)));
        }
        if let Some(p) = &t.pos {
            pairs.push(("pos", self.string(p)));
        }
        if let Some(c) = t.case_sensitive {
            pairs.push(("case_sensitive", c.to_string()));
        }
        if let Some(n) = &t.note {
            pairs.push(("note", self.string(n)));
        }
        if self.die(1, 1) == 1 {
            pairs.reverse();
        }
        let compact = self.die(1, 1) == 1;
        let (sep, open, close) = if compact {
            ("=", "{", "}")
        } else {
            (" = ", "{ ", " }")
        };
        let body: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}{sep}{v}")).collect();
        format!("{open}{}{close}", body.join(", "))
    }

    fn terms(&mut self, terms: &[RawTerm], as_tables: &mut Vec<String>) {
        let rendered: Vec<String> = terms.iter().map(|t| self.term(t)).collect();
        match self.die(1, 4) {
            _ if rendered.is_empty() => self.key_value("terms", "[]"),
            0 => {
                self.line("terms = [");
                for t in &rendered {
                    self.line(&format!("  {t},"));
                }
                self.line("]");
            }
            1 => self.key_value("terms", &format!("[{}]", rendered.join(", "))),
            2 => {
                self.line("terms = [");
                self.line(&format!("  {}", rendered.join(",\n  ")));
                self.line("]");
            }
            3 => {
                // [[entry.terms]] tables, written after the entry's keys.
                for t in terms {
                    let mut lines = vec!["[[entry.terms]]".to_string()];
                    lines.push(format!("lang = {}", self.string(&t.lang)));
                    lines.push(format!("text = {}", self.string(&t.text)));
                    if let Some(s) = &t.status {
                        lines.push(format!("status = {}", self.string(s)));
                    }
                    as_tables.push(lines.join("\n"));
                }
            }
            _ => {
                self.line("terms = [");
                self.line("  # a comment in the array");
                for t in &rendered {
                    self.line(&format!("  {t},"));
                }
                self.line("]");
            }
        }
    }

    fn header(&mut self, source: Option<&String>, target: Option<&String>) {
        self.line("[glossary]");
        let mut keys = [("source", source), ("target", target)];
        if self.die(2, 0) == 1 {
            keys.reverse();
        }
        for (key, value) in keys {
            if let Some(v) = value {
                let v = self.tag(v);
                self.key_value(key, &v);
            }
        }
    }

    fn entry(&mut self, e: &RawEntry) {
        self.filler();
        let table = match self.die(1, 2) {
            0 => "[[entry]]",
            1 => "[[ entry ]]",
            _ => "[[entry]] # a comment",
        };
        self.line(table);
        let mut order = [0, 1, 2, 3];
        // Any order of the entry's keys: TOML does not care, nor does the
        // fast reader.
        let shift = usize::from(self.die(4, 0));
        order.rotate_left(shift);
        if self.die(2, 0) == 1 {
            order.swap(0, 3);
        }
        let mut as_tables = Vec::new();
        for k in order {
            match k {
                0 => {
                    let id = self.string(&e.id);
                    self.key_value("id", &id);
                }
                1 => {
                    if let Some(d) = &e.domain {
                        let d = self.string(d);
                        self.key_value("domain", &d);
                    }
                }
                2 => {
                    if let Some(n) = &e.note {
                        let n = self.string(n);
                        self.key_value("note", &n);
                    }
                }
                _ => {
                    if let Some(t) = &e.terms {
                        self.terms(t, &mut as_tables);
                    }
                }
            }
            self.filler();
        }
        for table in as_tables {
            self.line(&table);
        }
    }
}

fn write(raw: &RawGlossary, dice: &[u8], rarity: u8) -> String {
    let mut w = Writer {
        out: String::new(),
        dice: dice.iter().cycle(),
        rarity,
    };
    w.filler();
    let header_last = w.die(1, 1) == 1;
    if let (Some((s, t)), false) = (&raw.header, header_last) {
        w.header(s.as_ref(), t.as_ref());
    }
    for e in &raw.entries {
        w.entry(e);
    }
    if let (Some((s, t)), true) = (&raw.header, header_last) {
        w.header(s.as_ref(), t.as_ref());
    }
    match w.die(1, 3) {
        0 => {}
        1 => w.line("[extra]"),
        2 => w.line("x = 1"),
        _ => w.line("[glossary]"),
    }
    w.out
}

fn dice() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(any::<u8>(), 1..300)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Spellings the fast reader is made for: it reads them, and reads
    /// what the `toml` crate reads.
    #[test]
    fn reads_every_spelling_it_accepts(raw in raw_glossary(false), dice in dice()) {
        let text = write(&raw, &dice, 0);
        let want = expected(&raw);
        prop_assert_eq!(reference(&text), Ok(want.clone()), "the oracle on:\n{}", text);
        prop_assert_eq!(read(&text), Some(want), "the fast reader on:\n{}", text);
    }

    /// Anything else: when the fast reader returns a glossary, it is the
    /// one the `toml` crate reads.
    #[test]
    fn never_disagrees_with_toml(
        raw in prop_oneof![raw_glossary(true), raw_glossary(false)],
        dice in dice(),
        rarity in proptest::sample::select(&[2u8, 8, 32][..]),
    ) {
        let text = write(&raw, &dice, rarity);
        if let Some(fast) = read(&text) {
            prop_assert_eq!(Ok(fast), reference(&text), "on:\n{}", text);
        }
    }

    /// The canonical writer's output (any valid glossary) takes the fast
    /// path and reads back as written, sorted.
    #[test]
    fn reads_the_canonical_writer(raw in raw_glossary(false)) {
        let mut g = expected(&raw);
        let text = g.to_toml();
        g.sort();
        prop_assert_eq!(reference(&text), Ok(g.clone()), "the oracle on:\n{}", text);
        prop_assert_eq!(read(&text), Some(g), "the fast reader on:\n{}", text);
    }
}

/// Texts over 8 MB are cut at `[[entry]]` lines and read on several
/// threads: the parts must join into what the `toml` crate reads, and an id
/// repeated across parts must still be refused.
#[test]
fn large_texts_read_in_parts_agree_with_toml() {
    let mut g = Glossary::new();
    g.source = Lang::parse("zh-Hant").ok();
    for i in 0..90_000 {
        let mut e = Entry::new(format!("term-{i:06}"));
        e.note = Some(format!("note \"{i}\"\n\t顏樂存"));
        let lang = Lang::parse("en").expect("valid");
        e.terms.push(Term::new(lang, format!("Term {i}")));
        g.entries.push(e);
    }
    let text = g.to_toml();
    assert!(
        text.len() > 9 << 20,
        "{} bytes: too small to be cut",
        text.len()
    );
    let fast = read(&text).expect("canonical text is read by the fast path");
    assert_eq!(Ok(fast), reference(&text));

    let first = "id = \"term-000000\"";
    let repeated = text.replacen("id = \"term-089999\"", first, 1);
    assert!(reference(&repeated).is_err());
    assert_eq!(read(&repeated), None);
}

#[test]
fn regressions_and_near_misses() {
    let canonical = Glossary::from_toml(
        r#"
[glossary]
source = "zh-Hant"
target = "en"

[[entry]]
id = "yann-lecun"
domain = "people"
note = "quote \" backslash \\ tab \t newline \n bell \u0007"
terms = [
  { lang = "en", text = "Yann LeCun", status = "preferred", pos = "properNoun", case_sensitive = true, note = "x" },
  { lang = "zh-Hans", text = "杨立昆", status = "admitted" },
  { lang = "zh-Hant", text = "顏樂存", status = "forbidden", note = "the article's spelling" },
]

[[entry]]
id = "empty"
terms = []
"#,
    )
    .expect("valid")
    .to_toml();
    assert_eq!(read(&canonical).map(Ok), Some(reference(&canonical)));
    // Each mutation is valid or invalid TOML; the fast path must either
    // give up or agree with the toml crate.
    let mutations: Vec<String> = vec![
        canonical.replace("status = \"admitted\"", "status = \"Admitted\""),
        canonical.replace("lang = \"zh-Hans\"", "lang = \"zh-hans\""),
        canonical.replace("id = \"empty\"", "id = \"yann-lecun\""),
        canonical.replace(" },\n]", " }\n]"),
        canonical.replace("terms = []", "terms = [ ]"),
        canonical.replace("\\u0007", "\\a"),
        canonical.replace("[[entry]]\nid = \"empty\"", "[[entry]]\nid = \"\""),
        canonical.replace("text = \"杨立昆\"", "text = \" 杨立昆\""),
        canonical.replace("id = \"empty\"\n", "id = \"empty\"\ndomain = \"\"\n"),
        canonical.replace("]\n\n[[entry]]", "\n\n[[entry]]"),
        format!("{canonical}\n[extra]\n"),
        canonical.replace("\n", "\r\n"),
        // Regression: a sign passed from_str_radix.
        canonical.replace("\\u0007", "\\u+007"),
        canonical.replace("\\u0007", "\\u-007"),
        canonical.replace("\\u0007", "\\u 007"),
        // Regression: a repeated key was merged, TOML refuses it.
        canonical.replace("terms = []", "terms = []\nterms = []"),
        canonical.replace(
            "id = \"empty\"\nterms = []",
            "id = \"empty\"\nterms = [\n  { lang = \"en\", text = \"a\", status = \"preferred\" },\n]\nterms = [\n  { lang = \"en\", text = \"b\", status = \"preferred\" },\n]",
        ),
    ];
    for m in &mutations {
        if let Some(fast) = read(m) {
            assert_eq!(Ok(fast), reference(m), "{m}");
        }
    }
    assert!(read(&mutations[0]).is_none());
    assert!(read(&mutations[2]).is_none());
    assert!(
        read(&mutations[11]).is_some(),
        "CRLF is read by the fast path"
    );
    for m in mutations.iter().skip(12) {
        assert!(reference(m).is_err(), "{m}");
        assert!(read(m).is_none(), "{m}");
    }
}
