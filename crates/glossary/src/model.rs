//! The termbase model: concept entries holding terms per language.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::str::FromStr;

use unic_langid::LanguageIdentifier;

use crate::error::ErrorKind;

/// A validated BCP 47 language tag in canonical form (`zh-Hant`, `zh-TW`,
/// `en`, `en-US`).
///
/// With the `serde` feature it serializes as the tag (`"zh-Hant"`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Lang(std::sync::Arc<str>);

/// The script a Chinese language tag stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChineseScript {
    /// Simplified characters (zh-Hans, zh-CN, zh-SG, plain zh).
    Simplified,
    /// Traditional characters (zh-Hant, zh-TW, zh-HK, zh-MO).
    Traditional,
}

impl Lang {
    /// Parses and canonicalises a tag (`zh_tw` → `zh-TW`); `und` and
    /// malformed tags are refused.
    pub fn parse(tag: &str) -> Result<Lang, ErrorKind> {
        let invalid = || ErrorKind::InvalidLanguage {
            tag: tag.to_string(),
        };
        let trimmed = tag.trim();
        if trimmed.is_empty() {
            return Err(invalid());
        }
        let id: LanguageIdentifier = trimmed.parse().map_err(|_| invalid())?;
        if id.language.is_empty() {
            return Err(invalid());
        }
        let canonical = id.to_string();
        // A tag whose canonical form reads back differently (a four-letter
        // subtag after a variant: `tb-Penbtb-PebP`) is not well-formed;
        // accepting it would make files change on every rewrite. Found by
        // fuzzing (fuzz/fuzz_targets/glossary_readers.rs).
        let again: LanguageIdentifier = canonical.parse().map_err(|_| invalid())?;
        if again.to_string() != canonical {
            return Err(invalid());
        }
        Ok(Lang(canonical.into()))
    }

    /// The tag.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn id(&self) -> LanguageIdentifier {
        // Valid by construction.
        self.0.parse().unwrap_or_default()
    }

    /// The primary language subtag (`zh`, `en`).
    pub fn language(&self) -> &str {
        self.0.split('-').next().unwrap_or("")
    }

    /// Whether this is a Chinese tag (`zh`, `zh-…`, or `cmn`/`yue` forms).
    pub fn is_chinese(&self) -> bool {
        matches!(self.language(), "zh" | "cmn" | "yue" | "lzh")
    }

    /// The script a Chinese tag implies: explicit (`zh-Hant`), else from the
    /// region by likely subtags (`zh-TW` → Traditional, `zh` → Simplified).
    /// `None` for non-Chinese tags.
    pub fn chinese_script(&self) -> Option<ChineseScript> {
        if !self.is_chinese() {
            return None;
        }
        let mut id = self.id();
        if id.script.is_none() {
            id.maximize();
        }
        match id.script.as_ref().map(|s| s.as_str()) {
            Some("Hant") => Some(ChineseScript::Traditional),
            _ => Some(ChineseScript::Simplified),
        }
    }

    /// The region subtag, if any (`TW` in `zh-Hant-TW`).
    pub fn region(&self) -> Option<String> {
        self.id().region.map(|r| r.as_str().to_string())
    }

    /// How well a term in this language serves a request for `wanted`:
    /// 3 = same tag, 2 = same language and script and no conflicting
    /// region, 1 = same language, 0 = another language.
    pub fn closeness(&self, wanted: &Lang) -> u8 {
        if self == wanted {
            return 3;
        }
        if self.language() != wanted.language() && !(self.is_chinese() && wanted.is_chinese()) {
            return 0;
        }
        if self.is_chinese() {
            if self.chinese_script() != wanted.chinese_script() {
                return 1;
            }
            return match (self.region(), wanted.region()) {
                (Some(a), Some(b)) if a != b => 1,
                _ => 2,
            };
        }
        match (self.region(), wanted.region()) {
            (Some(a), Some(b)) if a != b => 1,
            _ => 2,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for Lang {
    type Err = ErrorKind;
    fn from_str(s: &str) -> Result<Lang, ErrorKind> {
        Lang::parse(s)
    }
}

/// The usage status of a term (TBX's administrative status).
///
/// With the `serde` feature it serializes as its name in files
/// ([`Status::as_str`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Status {
    /// The term to use.
    #[default]
    Preferred,
    /// Acceptable, but not the first choice.
    Admitted,
    /// Must not be used (TBX: deprecated).
    Forbidden,
}

impl Status {
    /// All statuses, in order of preference.
    pub const ALL: [Status; 3] = [Status::Preferred, Status::Admitted, Status::Forbidden];

    /// The name used in files: `preferred`, `admitted`, `forbidden`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Preferred => "preferred",
            Status::Admitted => "admitted",
            Status::Forbidden => "forbidden",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl FromStr for Status {
    type Err = ErrorKind;
    fn from_str(s: &str) -> Result<Status, ErrorKind> {
        match s.trim().to_ascii_lowercase().as_str() {
            "preferred" | "preferredterm-admn-sts" => Ok(Status::Preferred),
            "admitted" | "admittedterm-admn-sts" => Ok(Status::Admitted),
            "forbidden" | "deprecated" | "deprecatedterm-admn-sts" | "supersededterm-admn-sts" => {
                Ok(Status::Forbidden)
            }
            _ => Err(ErrorKind::InvalidValue {
                field: "status",
                value: s.to_string(),
                expected: "preferred, admitted or forbidden",
            }),
        }
    }
}

/// One term: a word or phrase in one language.
///
/// With the `serde` feature it serializes as in the TOML file: `lang`,
/// `text`, `status`, then `pos`, `case_sensitive` and `note` only when set.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Term {
    /// Its language.
    pub lang: Lang,
    /// The term itself (no tabs or line breaks).
    pub text: String,
    /// Whether to use it.
    pub status: Status,
    /// Part of speech (free text, e.g. `noun`, `properNoun`).
    #[cfg_attr(
        feature = "serde",
        serde(rename = "pos", skip_serializing_if = "Option::is_none")
    )]
    pub part_of_speech: Option<String>,
    /// Whether matching respects letter case (default: not).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "std::ops::Not::not"))]
    pub case_sensitive: bool,
    /// A note for translators.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub note: Option<String>,
}

impl Term {
    /// A preferred term with no note.
    pub fn new(lang: Lang, text: impl Into<String>) -> Term {
        Term {
            lang,
            text: text.into(),
            status: Status::Preferred,
            part_of_speech: None,
            case_sensitive: false,
            note: None,
        }
    }

    /// The same term with another status.
    #[must_use]
    pub fn with_status(mut self, status: Status) -> Term {
        self.status = status;
        self
    }

    fn sort_key(&self) -> (&str, Status, &str) {
        (self.lang.as_str(), self.status, &self.text)
    }
}

/// One concept: its terms in every language.
///
/// With the `serde` feature it serializes as in the TOML file: `id`, then
/// `domain` and `note` only when set, and `terms`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Entry {
    /// Unique within the glossary.
    pub id: String,
    /// Subject field (free text).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub domain: Option<String>,
    /// A note about the concept.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub note: Option<String>,
    /// The terms.
    pub terms: Vec<Term>,
}

impl Entry {
    /// An entry with no terms.
    pub fn new(id: impl Into<String>) -> Entry {
        Entry {
            id: id.into(),
            domain: None,
            note: None,
            terms: Vec::new(),
        }
    }

    /// The best term for `lang` with a status other than forbidden: the
    /// closest language first (same tag, then same script and region, then
    /// same language), preferred before admitted; ties keep file order.
    /// `None` when no term is in the same language.
    pub fn term_for(&self, lang: &Lang) -> Option<&Term> {
        let mut best: Option<(u8, std::cmp::Reverse<Status>, &Term)> = None;
        for t in self.terms.iter().filter(|t| t.status != Status::Forbidden) {
            let close = t.lang.closeness(lang);
            if close == 0 {
                continue;
            }
            let key = (close, std::cmp::Reverse(t.status));
            if best.as_ref().is_none_or(|b| key > (b.0, b.1)) {
                best = Some((key.0, key.1, t));
            }
        }
        best.map(|b| b.2)
    }

    /// The terms in `lang` or a closely related tag (same language and
    /// script), in any status.
    pub fn terms_in<'a>(&'a self, lang: &'a Lang) -> impl Iterator<Item = &'a Term> + 'a {
        self.terms
            .iter()
            .filter(move |t| t.lang.closeness(lang) >= 2)
    }
}

/// A termbase: concept entries, plus the languages it translates between.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Glossary {
    /// The language of the texts the glossary is applied to, if declared.
    pub source: Option<Lang>,
    /// The language terms are rendered in when replacing or annotating, if
    /// declared (e.g. `en` for a zh → en glossary).
    pub target: Option<Lang>,
    /// The entries.
    pub entries: Vec<Entry>,
}

impl Glossary {
    /// An empty glossary.
    pub fn new() -> Glossary {
        Glossary::default()
    }

    /// Sorts entries by id and terms by language, status and text: the order
    /// of the canonical file.
    pub fn sort(&mut self) {
        self.entries.sort_by(|a, b| a.id.cmp(&b.id));
        for e in &mut self.entries {
            e.terms.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        }
    }

    /// The entry with this id.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// Removes the entry with this id; returns it if it was there.
    pub fn remove(&mut self, id: &str) -> Option<Entry> {
        let i = self.entries.iter().position(|e| e.id == id)?;
        Some(self.entries.remove(i))
    }

    /// An id not used yet, made from `base` (its letters and digits, lower
    /// case, words joined by `-`; Chinese kept as it is), with `-2`, `-3`, …
    /// appended when taken.
    pub fn fresh_id(&self, base: &str) -> String {
        IdSet::of(self).fresh(base)
    }

    /// Adds an entry; an empty id is replaced by a fresh one made from the
    /// entry's first non-Chinese term (else its first). Fails when the id is
    /// taken or invalid, or a term's text is invalid.
    pub fn add(&mut self, entry: Entry) -> Result<&Entry, ErrorKind> {
        let mut ids = IdSet::of(self);
        self.add_indexed(entry, &mut ids)?;
        Ok(self.entries.last().unwrap_or_else(|| unreachable!()))
    }

    /// [`Glossary::add`] with the ids already taken in `ids` (kept up to
    /// date), so that adding many entries is not quadratic.
    pub(crate) fn add_indexed(
        &mut self,
        mut entry: Entry,
        ids: &mut IdSet,
    ) -> Result<(), ErrorKind> {
        if entry.id.is_empty() {
            let base = entry
                .terms
                .iter()
                .find(|t| !t.lang.is_chinese())
                .or(entry.terms.first())
                .map(|t| t.text.as_str())
                .unwrap_or_default();
            entry.id = ids.fresh(base);
        }
        crate::toml_io::check_id(&entry.id)?;
        for t in &entry.terms {
            crate::toml_io::check_term_text(&t.text)?;
        }
        if !ids.taken.insert(entry.id.clone()) {
            return Err(ErrorKind::DuplicateId { id: entry.id });
        }
        self.entries.push(entry);
        Ok(())
    }

    /// Number of terms in all entries.
    pub fn term_count(&self) -> usize {
        self.entries.iter().map(|e| e.terms.len()).sum()
    }
}

/// The ids of a glossary, for adding entries without scanning them all
/// each time.
pub(crate) struct IdSet {
    taken: HashSet<String>,
    /// Per stem, the suffix to try first: every smaller one is taken (ids
    /// are only added while an `IdSet` is in use).
    next: HashMap<String, u64>,
}

impl IdSet {
    /// The ids of `g`'s entries.
    pub(crate) fn of(g: &Glossary) -> IdSet {
        IdSet {
            taken: g.entries.iter().map(|e| e.id.clone()).collect(),
            next: HashMap::new(),
        }
    }

    /// `stem` of `base`, or `stem-n` with the smallest n ≥ 2 not taken (see
    /// [`Glossary::fresh_id`]); not marked as taken.
    fn fresh(&mut self, base: &str) -> String {
        let stem = slug(base);
        let stem = if stem.is_empty() {
            "entry".to_string()
        } else {
            stem
        };
        if !self.taken.contains(&stem) {
            return stem;
        }
        let n = self.next.entry(stem.clone()).or_insert(2);
        loop {
            let id = format!("{stem}-{n}");
            if !self.taken.contains(&id) {
                return id;
            }
            *n += 1;
        }
    }
}

/// Lower-case ASCII letters and digits, other letters kept, everything else
/// a single `-`.
pub(crate) fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(s: &str) -> Lang {
        Lang::parse(s).expect("valid tag")
    }

    #[test]
    fn tags_are_validated_and_canonical() {
        assert_eq!(lang("zh_tw").as_str(), "zh-TW");
        assert_eq!(lang("zh-hant").as_str(), "zh-Hant");
        assert!(Lang::parse("zh-").is_err());
        assert!(Lang::parse("").is_err());
        assert!(Lang::parse("english language").is_err());
        // Fuzzing found a tag whose canonical form read back differently.
        assert!(Lang::parse("tb-Penbtb-PebP").is_err());
        for tag in ["zh-Hant-TW", "sr-Latn", "de-CH-1996", "yue-HK"] {
            let once = lang(tag);
            assert_eq!(lang(once.as_str()), once, "{tag}: canonical form is stable");
        }
        assert_eq!(
            lang("zh-TW").chinese_script(),
            Some(ChineseScript::Traditional)
        );
        assert_eq!(
            lang("zh-HK").chinese_script(),
            Some(ChineseScript::Traditional)
        );
        assert_eq!(lang("zh").chinese_script(), Some(ChineseScript::Simplified));
        assert_eq!(
            lang("zh-SG").chinese_script(),
            Some(ChineseScript::Simplified)
        );
        assert_eq!(lang("en").chinese_script(), None);
    }

    #[test]
    fn best_term_for_a_language() {
        let mut e = Entry::new("yann-lecun");
        e.terms
            .push(Term::new(lang("zh-Hant"), "顏樂存").with_status(Status::Admitted));
        e.terms.push(Term::new(lang("zh-TW"), "楊立昆"));
        e.terms.push(Term::new(lang("zh-Hans"), "杨立昆"));
        e.terms.push(Term::new(lang("en"), "Yann LeCun"));
        e.terms
            .push(Term::new(lang("en"), "Yan LeCun").with_status(Status::Forbidden));
        assert_eq!(
            e.term_for(&lang("zh-Hans")).map(|t| t.text.as_str()),
            Some("杨立昆")
        );
        assert_eq!(
            e.term_for(&lang("zh-CN")).map(|t| t.text.as_str()),
            Some("杨立昆")
        );
        assert_eq!(
            e.term_for(&lang("zh-TW")).map(|t| t.text.as_str()),
            Some("楊立昆")
        );
        // zh-HK: same script beats region; zh-TW conflicts with HK, so the
        // region-free zh-Hant term wins.
        assert_eq!(
            e.term_for(&lang("zh-HK")).map(|t| t.text.as_str()),
            Some("顏樂存")
        );
        assert_eq!(
            e.term_for(&lang("en-GB")).map(|t| t.text.as_str()),
            Some("Yann LeCun")
        );
        assert_eq!(e.term_for(&lang("fr")), None);
    }

    #[test]
    fn fresh_ids() {
        let mut g = Glossary::new();
        let mut e = Entry::new("");
        e.terms.push(Term::new(lang("zh-Hant"), "顏樂存"));
        e.terms.push(Term::new(lang("en"), "Yann LeCun"));
        assert_eq!(
            g.add(e.clone()).map(|e| e.id.clone()).ok(),
            Some("yann-lecun".into())
        );
        assert_eq!(
            g.add(e).map(|e| e.id.clone()).ok(),
            Some("yann-lecun-2".into())
        );
        assert_eq!(g.fresh_id("亞歷山大·王"), "亞歷山大-王");
        assert!(matches!(
            g.add(Entry::new("yann-lecun")),
            Err(ErrorKind::DuplicateId { .. })
        ));
    }
}
