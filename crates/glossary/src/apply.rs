//! Applying a glossary while converting: matched terms are protected from
//! character conversion and rendered for the target language.

use std::collections::HashSet;

use crate::error::Error;
use crate::matcher::{Match, Matcher};
use crate::model::{Glossary, Lang};

/// What happens to a term found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TermMode {
    /// Replace it with the entry's preferred term in the term language:
    /// by default the conversion's target (顏樂存 → 杨立昆 for zh-Hans, 楊立昆
    /// for zh-TW), another language only when asked (→ Yann LeCun with
    /// `term_lang` en).
    Replace,
    /// Write the entry's term in the target language followed, on its first
    /// mention in a document, by the term in the annotation language in
    /// full-width brackets: 杨立昆（Yann LeCun）.
    Annotate,
    /// Leave it exactly as written: only protect it from conversion.
    Keep,
}

/// One term applied: where it was in the input and what was written.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Applied {
    /// The match in the input.
    pub found: Match,
    /// What was written for it.
    pub output: String,
}

/// Which entries were already mentioned in a document (for
/// [`TermMode::Annotate`]). Use one per document.
#[derive(Clone, Debug, Default)]
pub struct Mentions {
    seen: HashSet<usize>,
}

impl Mentions {
    /// No entry mentioned yet.
    pub fn new() -> Mentions {
        Mentions::default()
    }
}

/// An [`Applier`] applied to one document through a conversion (see
/// [`Applier::hook`]).
pub struct TermHook<'a> {
    applier: &'a Applier,
    mentions: Mentions,
}

impl bianyi_convert::Hook for TermHook<'_> {
    fn apply(&mut self, text: &str, convert: &mut dyn FnMut(&str, &mut String), out: &mut String) {
        self.applier.apply(text, &mut self.mentions, convert, out);
    }
}

/// A glossary ready to apply during conversion to one target.
pub struct Applier {
    matcher: Matcher,
    mode: TermMode,
    /// Per entry: its term in the conversion's target language, if any.
    in_target: Vec<Option<String>>,
    /// Per entry: the term written by `Replace` (term language).
    replacement: Vec<Option<String>>,
    /// Per entry: the annotation added on first mention.
    annotation: Vec<Option<String>>,
}

impl Applier {
    /// Prepares `glossary` for conversion to `target`.
    ///
    /// - Chinese terms of every status are looked for (a forbidden spelling
    ///   is replaced by the preferred one).
    /// - `term_lang` is the language terms are rendered in by `Replace` and
    ///   added in by `Annotate`. Default for `Replace`: `target` itself (the
    ///   glossary's declared target is not used: a zh → en glossary applied
    ///   to a zh → zh conversion keeps the text Chinese); for `Annotate`:
    ///   the glossary's declared `target`, else the entry's first preferred
    ///   non-Chinese term.
    /// - Nothing is said twice: a term whose output is followed in the text
    ///   by the same words in brackets (亞歷山大·王(Alexandr Wang) replaced by
    ///   Alexandr Wang) loses that bracket, and a term in brackets after the
    ///   words it would be replaced by (“Avocado”(牛油果)) is dropped with
    ///   its brackets; an annotation identical to the term is not added.
    /// - An entry with no term close to the wanted language is rendered by
    ///   converting its best Chinese term with `to_target` (so a zh-Hant
    ///   term serves a zh-Hans target), and, failing that, left to the
    ///   normal conversion.
    pub fn new(
        glossary: &Glossary,
        mode: TermMode,
        target: &Lang,
        term_lang: Option<&Lang>,
        to_target: &dyn Fn(&str) -> String,
    ) -> Result<Applier, Error> {
        let matcher = Matcher::new(glossary, Applier::include)?;
        Ok(Applier::with_matcher(
            glossary, matcher, mode, target, term_lang, to_target,
        ))
    }

    /// The terms an applier looks for: Chinese terms of every status.
    pub fn include(term: &crate::model::Term) -> bool {
        term.lang.is_chinese()
    }

    /// [`Applier::new`] with a matcher built (or read from a cache) with
    /// [`Applier::include`] for the same glossary.
    pub fn with_matcher(
        glossary: &Glossary,
        matcher: Matcher,
        mode: TermMode,
        target: &Lang,
        term_lang: Option<&Lang>,
        to_target: &dyn Fn(&str) -> String,
    ) -> Applier {
        let note_lang = term_lang.or(glossary.target.as_ref());
        let render = |e: &crate::model::Entry, lang: &Lang| -> Option<String> {
            if let Some(t) = e.term_for(lang).filter(|t| t.lang.closeness(lang) >= 2) {
                return Some(t.text.clone());
            }
            if lang.is_chinese() {
                // Another Chinese script: convert the closest term.
                let t = e.term_for(lang)?;
                return Some(to_target(&t.text));
            }
            None
        };
        let mut in_target = Vec::new();
        let mut replacement = Vec::new();
        let mut annotation = Vec::new();
        for e in &glossary.entries {
            let main = if target.is_chinese() {
                render(e, target)
            } else {
                e.term_for(target).map(|t| t.text.clone())
            };
            let repl = match term_lang {
                Some(l) if l != target => render(e, l),
                _ => main.clone(),
            };
            let note = match note_lang {
                Some(l) => render(e, l),
                None => e
                    .terms
                    .iter()
                    .find(|t| !t.lang.is_chinese() && t.status == crate::model::Status::Preferred)
                    .map(|t| t.text.clone()),
            };
            let note = note.filter(|n| Some(n) != main.as_ref());
            in_target.push(main);
            replacement.push(repl);
            annotation.push(note);
        }
        Applier {
            matcher,
            mode,
            in_target,
            replacement,
            annotation,
        }
    }

    /// The matcher (for reports).
    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    /// This applier for one document, as a hook of a conversion
    /// ([`bianyi_convert::Run::hook`], [`bianyi_convert::Prepared::convert_with`]):
    /// terms are written as the mode says, the text between them is
    /// converted. First mentions are counted from the hook's creation.
    ///
    /// ```
    /// use bianyi_convert::{Config, Conversion};
    /// use bianyi_glossary::{Applier, Glossary, Lang, TermMode};
    ///
    /// let (hans, hant): (Lang, Lang) = ("zh-Hans".parse()?, "zh-Hant".parse()?);
    /// let glossary = Glossary::from_tsv("人工智能\t人工智慧\n", &hans, &hant)?;
    /// let s2t = Conversion::new(Config::S2t);
    /// let applier = Applier::new(&glossary, TermMode::Replace, &hant, None, &|t| s2t.convert(t))?;
    /// let out = s2t.run().hook(&mut applier.hook()).text("人工智能的发展");
    /// assert_eq!(out, "人工智慧的發展");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn hook(&self) -> TermHook<'_> {
        TermHook {
            applier: self,
            mentions: Mentions::new(),
        }
    }

    /// Converts `text` into `out`: the stretches between terms with
    /// `convert`, the terms as the mode says. Returns what was applied.
    pub fn apply(
        &self,
        text: &str,
        mentions: &mut Mentions,
        convert: &mut dyn FnMut(&str, &mut String),
        out: &mut String,
    ) -> Vec<Applied> {
        let mut applied = Vec::new();
        let mut at = 0;
        for m in self.matcher.find(text) {
            if m.start < at {
                // Inside a gloss dropped as a repetition.
                continue;
            }
            if m.start > at {
                convert(&text[at..m.start], out);
            }
            let source = &text[m.start..m.end];
            let mut before = out.len();
            let mut end = m.end;
            let chosen = match self.mode {
                TermMode::Keep => None,
                TermMode::Replace => Some(self.replacement.get(m.entry).and_then(Option::as_ref)),
                TermMode::Annotate => Some(self.in_target.get(m.entry).and_then(Option::as_ref)),
            };
            match chosen {
                None => out.push_str(source),
                Some(rendering) => {
                    // “Avocado”(牛油果) with 牛油果 → Avocado: the bracket
                    // would repeat the words before it, so it goes.
                    let dropped = rendering.and_then(|r| {
                        let close = gloss_of_before(&text[..m.start], &text[m.end..], r)?;
                        let cut = opening_in_output(out)?;
                        Some((cut, close))
                    });
                    if let Some((cut, close)) = dropped {
                        out.truncate(cut);
                        before = cut;
                        end = m.end + close;
                    } else {
                        match rendering {
                            Some(r) => out.push_str(r),
                            None => convert(source, out),
                        }
                        // 亞歷山大·王(Alexandr Wang) with the term replaced by
                        // Alexandr Wang: the gloss would repeat it.
                        let written = &out[before..];
                        if let Some(len) = same_gloss_after(&text[end..], written) {
                            end += len;
                        }
                    }
                    if self.mode == TermMode::Annotate && dropped.is_none() {
                        let first = mentions.seen.insert(m.entry);
                        let written = crate::fold::fold(&out[before..]);
                        if let Some(note) = self.annotation.get(m.entry).and_then(Option::as_ref)
                            && first
                            && crate::fold::fold(note) != written
                            && !already_glossed(&text[end..], note)
                            && !glosses(&text[..m.start], note)
                        {
                            out.push('（');
                            out.push_str(note);
                            out.push('）');
                        }
                    }
                }
            }
            applied.push(Applied {
                found: m,
                output: out.get(before..).unwrap_or("").to_string(),
            });
            at = end;
        }
        if at < text.len() {
            convert(&text[at..], out);
        }
        applied
    }
}

/// Spaces that may sit between a term and its gloss.
const GAP: [char; 2] = [' ', '\u{3000}'];

/// When `rest` starts with a bracketed gloss that says `written` again
/// (亞歷山大·王(Alexandr Wang) once the term is written Alexandr Wang, 多吉瓦(GW)
/// once it is GW), the byte length of that gloss with its brackets.
fn same_gloss_after(rest: &str, written: &str) -> Option<usize> {
    if written.is_empty() {
        return None;
    }
    let after_gap = rest.trim_start_matches(GAP);
    let inner = after_gap.strip_prefix(['(', '（'])?;
    let close = inner.find([')', '）'])?;
    let said = inner[..close].trim_matches(GAP);
    if crate::fold::fold(said) != crate::fold::fold(written) {
        return None;
    }
    let bracket = inner[close..].chars().next().map_or(1, char::len_utf8);
    Some(rest.len() - inner.len() + close + bracket)
}

/// When the term is a bracketed gloss of the words before it, and those
/// words are `rendering` (“Avocado”(牛油果) with 牛油果 rendered Avocado),
/// the byte length of what follows the term up to and with its closing
/// bracket.
fn gloss_of_before(before: &str, after: &str, rendering: &str) -> Option<usize> {
    let open = before.trim_end_matches(GAP).strip_suffix(['(', '（'])?;
    let words = open.trim_end_matches(GAP).trim_end_matches(QUOTES);
    let n = rendering.chars().count();
    let start = words
        .char_indices()
        .rev()
        .nth(n.checked_sub(1)?)
        .map(|(i, _)| i)?;
    if crate::fold::fold(&words[start..]) != crate::fold::fold(rendering) {
        return None;
    }
    let after_gap = after.trim_start_matches(GAP);
    let bracket = after_gap
        .chars()
        .next()
        .filter(|c| matches!(c, ')' | '）'))?;
    Some(after.len() - after_gap.len() + bracket.len_utf8())
}

/// Where the opening bracket at the end of the converted output starts,
/// with the spaces before and after it (conversion keeps brackets and
/// spaces, so they are there as in the input).
fn opening_in_output(out: &str) -> Option<usize> {
    let open = out.trim_end_matches(GAP).strip_suffix(['(', '（'])?;
    Some(open.trim_end_matches(GAP).len())
}

/// Quotation marks that may close the words a gloss follows.
const QUOTES: [char; 12] = [
    '"', '\'', '“', '”', '‘', '’', '「', '」', '『', '』', '《', '》',
];

/// Whether `rest` starts with the annotation in brackets already, as in
/// 顏樂存(Yann LeCun): then adding it again would say it twice.
fn already_glossed(rest: &str, note: &str) -> bool {
    let rest = rest.trim_start_matches([' ', '\u{3000}']);
    let Some(inner) = rest.strip_prefix(['(', '（']) else {
        return false;
    };
    let inner = inner.trim_start();
    let want = crate::fold::fold(note);
    let have: String = inner.chars().take(note.chars().count()).collect();
    crate::fold::fold(&have) == want
}

/// Whether `before` ends with the annotation and an opening bracket, as in
/// “Avocado”（牛油果）: the term is itself the gloss of the annotation.
fn glosses(before: &str, note: &str) -> bool {
    let Some(rest) = before.trim_end().strip_suffix(['(', '（']) else {
        return false;
    };
    let rest = rest.trim_end().trim_end_matches(QUOTES);
    let n = note.chars().count();
    let tail: String = {
        let mut chars: Vec<char> = rest.chars().rev().take(n).collect();
        chars.reverse();
        chars.into_iter().collect()
    };
    crate::fold::fold(&tail) == crate::fold::fold(note)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entry, Status, Term};

    fn lang(s: &str) -> Lang {
        Lang::parse(s).expect("tag")
    }

    fn sample() -> Glossary {
        let mut g = Glossary::new();
        let mut e = Entry::new("yann-lecun");
        e.terms
            .push(Term::new(lang("zh-Hant"), "顏樂存").with_status(Status::Admitted));
        e.terms.push(Term::new(lang("zh-TW"), "楊立昆"));
        e.terms.push(Term::new(lang("zh-Hans"), "杨立昆"));
        e.terms.push(Term::new(lang("en"), "Yann LeCun"));
        g.entries.push(e);
        let mut e = Entry::new("alexandr-wang");
        e.terms.push(Term::new(lang("zh-Hant"), "亞歷山大·王"));
        e.terms.push(Term::new(lang("en"), "Alexandr Wang"));
        g.entries.push(e);
        g
    }

    /// Stand-in for a Traditional → Simplified converter.
    fn t2s(s: &str) -> String {
        s.chars()
            .map(|c| match c {
                '亞' => '亚',
                '歷' => '历',
                '領' => '领',
                '導' => '导',
                '著' => '着',
                c => c,
            })
            .collect()
    }

    fn run(mode: TermMode, target: &str, term_lang: Option<&str>, text: &str) -> String {
        let g = sample();
        let tl = term_lang.map(lang);
        let a = Applier::new(&g, mode, &lang(target), tl.as_ref(), &t2s).expect("builds");
        let mut out = String::new();
        let mut mentions = Mentions::new();
        a.apply(
            text,
            &mut mentions,
            &mut |s, o| o.push_str(&t2s(s)),
            &mut out,
        );
        out
    }

    #[test]
    fn modes() {
        let text = "顏樂存領導著團隊，亞歷山大·王也是。顏樂存說";
        assert_eq!(
            run(TermMode::Replace, "zh-Hans", None, text),
            "杨立昆领导着團隊，亚历山大·王也是。杨立昆說"
        );
        assert_eq!(
            run(TermMode::Replace, "zh-Hans", Some("en"), text),
            "Yann LeCun领导着團隊，Alexandr Wang也是。Yann LeCun說"
        );
        assert_eq!(
            run(TermMode::Annotate, "zh-Hans", None, text),
            "杨立昆（Yann LeCun）领导着團隊，亚历山大·王（Alexandr Wang）也是。杨立昆說"
        );
        assert_eq!(
            run(TermMode::Keep, "zh-Hans", None, text),
            "顏樂存领导着團隊，亞歷山大·王也是。顏樂存說"
        );
    }

    #[test]
    fn reverse_gloss_is_not_repeated() {
        assert_eq!(
            run(
                TermMode::Annotate,
                "zh-Hans",
                None,
                "代號“Alexandr Wang”（亞歷山大·王）"
            ),
            "代號“Alexandr Wang”（亚历山大·王）"
        );
    }

    #[test]
    fn replace_writes_the_target_script_unless_asked() {
        let mut g = sample();
        g.target = Some(lang("en"));
        let text = "首席科學家顏樂存(Yann LeCun)說";
        let a = Applier::new(&g, TermMode::Replace, &lang("zh-Hans"), None, &t2s).expect("builds");
        let mut out = String::new();
        a.apply(
            text,
            &mut Mentions::new(),
            &mut |s, o| o.push_str(&t2s(s)),
            &mut out,
        );
        assert_eq!(out, "首席科學家杨立昆(Yann LeCun)說");
    }

    /// Issue 21: never “X(X)”.
    #[test]
    fn nothing_is_said_twice() {
        let en = Some("en");
        for (mode, text, want) in [
            (
                TermMode::Replace,
                "亞歷山大·王(Alexandr Wang)說",
                "Alexandr Wang說",
            ),
            (
                TermMode::Replace,
                "亞歷山大·王 （ Alexandr Wang ）說",
                "Alexandr Wang說",
            ),
            (
                TermMode::Replace,
                "代號“Alexandr Wang”（亞歷山大·王）的",
                "代號“Alexandr Wang”的",
            ),
            (
                TermMode::Replace,
                "代號Alexandr Wang (亞歷山大·王) 的",
                "代號Alexandr Wang 的",
            ),
            // Another gloss stays.
            (
                TermMode::Replace,
                "亞歷山大·王(Alex)說",
                "Alexandr Wang(Alex)說",
            ),
            (
                TermMode::Annotate,
                "亞歷山大·王(亞歷山大·王)說",
                "亚历山大·王（Alexandr Wang）說",
            ),
        ] {
            assert_eq!(run(mode, "zh-Hans", en, text), want, "{text}");
        }
        // An annotation that says the term again is not added.
        let mut g = Glossary::new();
        let mut e = Entry::new("gw");
        e.terms.push(Term::new(lang("zh-Hant"), "GW"));
        e.terms.push(Term::new(lang("en"), "gw"));
        g.entries.push(e);
        let a = Applier::new(&g, TermMode::Annotate, &lang("zh-Hans"), None, &t2s).expect("builds");
        let mut out = String::new();
        a.apply(
            "多GW級",
            &mut Mentions::new(),
            &mut |s, o| o.push_str(&t2s(s)),
            &mut out,
        );
        assert_eq!(out, "多GW級");
    }

    #[test]
    fn existing_gloss_is_not_repeated() {
        assert_eq!(
            run(
                TermMode::Annotate,
                "zh-Hans",
                None,
                "首席科學家顏樂存(Yann LeCun)說"
            ),
            "首席科學家杨立昆(Yann LeCun)說"
        );
    }
}
