//! Terminology QA: does a translation use the glossary's terms?

use crate::error::{Error, Location};
use crate::fold::{fold, fold_char};
use crate::matcher::Matcher;
use crate::model::{Glossary, Lang, Status, Term};

/// A terminology problem in a translation.
///
/// With the `serde` feature it serializes as one flat object, as
/// `bianyi qa --json` writes it (without the CLI's `file`): `kind`
/// (`"missing"` or `"forbidden"`), `paragraph` (the segment counted from
/// 1, as lines and columns are), `line`, `column` and `byte` (from `at`),
/// `term` (the term as written), `id`, and `expected` (missing) or
/// `preferred` (forbidden; `null` when the entry has none).
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind"))]
#[non_exhaustive]
pub enum Finding {
    /// A source term was found, but none of its preferred or admitted
    /// target terms is in the corresponding target segment.
    #[cfg_attr(feature = "serde", serde(rename = "missing"))]
    MissingTarget {
        /// The segment (0-based).
        #[cfg_attr(
            feature = "serde",
            serde(rename = "paragraph", serialize_with = "one_based")
        )]
        segment: usize,
        /// Where the source term is in the source text.
        #[cfg_attr(feature = "serde", serde(flatten))]
        at: Location,
        /// The source term as written.
        #[cfg_attr(feature = "serde", serde(rename = "term"))]
        source: String,
        /// The entry.
        id: String,
        /// The acceptable target terms, preferred first.
        expected: Vec<String>,
    },
    /// A forbidden target term is used.
    #[cfg_attr(feature = "serde", serde(rename = "forbidden"))]
    Forbidden {
        /// The segment (0-based).
        #[cfg_attr(
            feature = "serde",
            serde(rename = "paragraph", serialize_with = "one_based")
        )]
        segment: usize,
        /// Where it is in the target text.
        #[cfg_attr(feature = "serde", serde(flatten))]
        at: Location,
        /// The term as written.
        term: String,
        /// The entry.
        id: String,
        /// The preferred term instead, if the entry has one.
        preferred: Option<String>,
    },
}

/// A 0-based segment number as people count paragraphs.
#[cfg(feature = "serde")]
fn one_based<S: serde::Serializer>(segment: &usize, serializer: S) -> Result<S::Ok, S::Error> {
    serde::Serialize::serialize(&segment.saturating_add(1), serializer)
}

/// A short English description with the place (`line:column`) and the
/// paragraph, for logs (the `bianyi` CLI words its own messages from the
/// fields).
impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Finding::MissingTarget {
                segment,
                at,
                source,
                id,
                expected,
            } => write!(
                f,
                "{}:{}: “{source}” ({id}): paragraph {} of the translation has none of {}",
                at.line,
                at.column,
                segment + 1,
                expected.join(" / ")
            ),
            Finding::Forbidden {
                at,
                term,
                id,
                preferred,
                ..
            } => {
                write!(
                    f,
                    "{}:{}: forbidden term “{term}” ({id})",
                    at.line, at.column
                )?;
                match preferred {
                    Some(p) => write!(f, "; use “{p}”"),
                    None => Ok(()),
                }
            }
        }
    }
}

/// A text split into segments that correspond one to one between source and
/// target: each segment is a byte range of the text.
#[derive(Clone, Debug)]
pub struct Segments<'a> {
    text: &'a str,
    ranges: Vec<(usize, usize)>,
}

impl<'a> Segments<'a> {
    /// Paragraphs: non-empty lines (a blank line or a line break ends one).
    pub fn paragraphs(text: &'a str) -> Segments<'a> {
        let mut ranges = Vec::new();
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            let body = line.trim_end_matches(['\n', '\r']);
            if !body.trim().is_empty() {
                ranges.push((at, at + body.len()));
            }
            at += line.len();
        }
        Segments { text, ranges }
    }

    /// Given byte ranges of `text` (e.g. the sides of aligned beads);
    /// ranges outside the text or not on character boundaries are dropped.
    pub fn from_ranges(text: &'a str, ranges: Vec<(usize, usize)>) -> Segments<'a> {
        let ranges = ranges
            .into_iter()
            .filter(|&(s, e)| s <= e && text.get(s..e).is_some())
            .collect();
        Segments { text, ranges }
    }

    /// The whole text as one segment.
    pub fn whole(text: &'a str) -> Segments<'a> {
        Segments {
            text,
            ranges: vec![(0, text.len())],
        }
    }

    /// Number of segments.
    pub fn len(&self) -> usize {
        self.ranges.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }
}

/// Checks `target` (a translation into `target_lang`) against `source`
/// (in `source_lang`) segment by segment. Segment counts must agree; when
/// they do not, call it with [`Segments::whole`] on both sides.
pub fn qa(
    glossary: &Glossary,
    source_lang: &Lang,
    target_lang: &Lang,
    source: &Segments<'_>,
    target: &Segments<'_>,
) -> Result<Vec<Finding>, Error> {
    let related = |l: &Lang, want: &Lang| {
        if want.is_chinese() {
            l.is_chinese()
        } else {
            l.closeness(want) > 0
        }
    };
    let src = Matcher::new(glossary, |t| related(&t.lang, source_lang))?;
    let tgt = Matcher::new(glossary, |t| related(&t.lang, target_lang))?;
    let mut out = Vec::new();
    for (k, (&(ss, se), &(ts, te))) in source.ranges.iter().zip(&target.ranges).enumerate() {
        let s_text = &source.text[ss..se];
        let t_text = &target.text[ts..te];
        let t_hits = tgt.find(t_text);
        for hit in &t_hits {
            let e = &glossary.entries[hit.entry];
            if e.terms[hit.term].status == Status::Forbidden {
                out.push(Finding::Forbidden {
                    segment: k,
                    at: Location::of(target.text, ts + hit.start),
                    term: t_text[hit.start..hit.end].to_string(),
                    id: e.id.clone(),
                    preferred: e.term_for(target_lang).map(|t| t.text.clone()),
                });
            }
        }
        let mut reported = std::collections::HashSet::new();
        for hit in src.find(s_text) {
            let e = &glossary.entries[hit.entry];
            let acceptable: Vec<&Term> = e
                .terms
                .iter()
                .filter(|t| t.status != Status::Forbidden && related(&t.lang, target_lang))
                .filter(|t| {
                    !(source_lang.is_chinese() && target_lang.is_chinese())
                        || t.lang.closeness(target_lang) >= 2
                })
                .collect();
            if acceptable.is_empty() {
                continue;
            }
            let mut expected: Vec<(Status, &str)> = acceptable
                .iter()
                .map(|t| (t.status, t.text.as_str()))
                .collect();
            expected.sort_by_key(|&(s, _)| s);
            // A target hit counts when it is one of this entry's acceptable
            // terms, even if the matcher credited it to another entry with
            // the same folded term (人工智慧 and 人工智能 both "AI").
            let present = t_hits.iter().any(|h| {
                let Some(found) = t_text.get(h.start..h.end) else {
                    return false;
                };
                let same_entry = h.entry == hit.entry
                    && e.terms
                        .get(h.term)
                        .is_some_and(|t| t.status != Status::Forbidden);
                same_entry || acceptable.iter().any(|t| is_term(found, t))
            });
            if !present && reported.insert(hit.entry) {
                out.push(Finding::MissingTarget {
                    segment: k,
                    at: Location::of(source.text, ss + hit.start),
                    source: s_text[hit.start..hit.end].to_string(),
                    id: e.id.clone(),
                    expected: expected.into_iter().map(|(_, t)| t.to_string()).collect(),
                });
            }
        }
    }
    Ok(out)
}

/// Whether `found` (a matched text) is `term` up to script variants, width
/// and, unless the term is case-sensitive, letter case.
fn is_term(found: &str, term: &Term) -> bool {
    if term.case_sensitive {
        found
            .chars()
            .map(fold_char)
            .eq(term.text.chars().map(fold_char))
    } else {
        fold(found) == fold(&term.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_and_forbidden() {
        let g = Glossary::from_toml(
            r#"
[[entry]]
id = "yann-lecun"
terms = [
  { lang = "zh-Hant", text = "顏樂存" },
  { lang = "en", text = "Yann LeCun" },
  { lang = "en", text = "LeCun", status = "admitted" },
  { lang = "en", text = "Yan LeCun", status = "forbidden" },
]
[[entry]]
id = "meta"
terms = [{ lang = "zh-Hant", text = "元宇宙" }, { lang = "en", text = "metaverse" }]
"#,
        )
        .expect("valid");
        let zh = "顏樂存談元宇宙。\n\n顏樂存笑了。\n";
        let en = "Yan LeCun talked about it.\n\nLeCun laughed.\n";
        let s = Segments::paragraphs(zh);
        let t = Segments::paragraphs(en);
        assert_eq!((s.len(), t.len()), (2, 2));
        let f = qa(
            &g,
            &Lang::parse("zh-Hant").expect("tag"),
            &Lang::parse("en").expect("tag"),
            &s,
            &t,
        )
        .expect("runs");
        assert_eq!(f.len(), 3, "{f:#?}");
        assert!(
            matches!(&f[0], Finding::Forbidden { term, preferred: Some(p), at, .. }
            if term == "Yan LeCun" && p == "Yann LeCun" && at.line == 1 && at.column == 1)
        );
        assert!(
            matches!(&f[1], Finding::MissingTarget { source, id, .. } if source == "顏樂存" && id == "yann-lecun")
        );
        assert!(
            matches!(&f[2], Finding::MissingTarget { source, at, .. } if source == "元宇宙" && at.column == 5)
        );
    }

    // Regression: two entries sharing a target term (ai-tw 人工智慧 and
    // ai-cn 人工智能, both "AI"): the target hit went to ai-cn, so ai-tw
    // was reported missing.
    #[test]
    fn shared_target_terms_count_for_every_entry() {
        let g = Glossary::from_toml(
            r#"
[[entry]]
id = "ai-tw"
terms = [{ lang = "zh-TW", text = "人工智慧" }, { lang = "en", text = "AI", case_sensitive = true }]
[[entry]]
id = "ai-cn"
terms = [{ lang = "zh-CN", text = "人工智能" }, { lang = "en", text = "AI" }]
"#,
        )
        .expect("valid");
        // source, target, ids reported missing.
        let cases: &[(&str, &str, &[&str])] = &[
            ("人工智慧很重要。", "AI matters.", &[]),
            ("人工智能很重要。", "AI matters.", &[]),
            ("人工智慧很重要。", "ＡＩ matters.", &[]),
            // ai-tw's term is case-sensitive: "ai" is not it.
            ("人工智慧很重要。", "ai matters.", &["ai-tw"]),
            ("人工智能很重要。", "ai matters.", &[]),
            ("人工智慧很重要。", "It matters.", &["ai-tw"]),
        ];
        let zh = Lang::parse("zh-TW").expect("tag");
        let en = Lang::parse("en").expect("tag");
        for &(source, target, missing) in cases {
            let f = qa(
                &g,
                &zh,
                &en,
                &Segments::whole(source),
                &Segments::whole(target),
            )
            .expect("runs");
            let ids: Vec<&str> = f
                .iter()
                .filter_map(|f| match f {
                    Finding::MissingTarget { id, .. } => Some(id.as_str()),
                    _ => None,
                })
                .collect();
            assert_eq!(ids, missing, "{source} / {target}: {f:#?}");
        }
    }
}
