//! Ambiguity reports: where a conversion chose among several candidates.

use crate::Config;
use crate::context::Unit;
use crate::engine::{Converter, segment, unmatched_len};
use crate::tables::Dict;
use crate::target::{Document, Route, TargetConverter, config_converter};

/// One place where the source had more than one candidate conversion.
///
/// With the `serde` feature it serializes as an object with the fields'
/// names (`rule` a string).
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Ambiguity {
    /// Byte offset of the source text in the input.
    pub byte: usize,
    /// Character offset of the source text in the input.
    pub char: usize,
    /// 1-based line of the source text.
    pub line: usize,
    /// 1-based column (in characters) of the source text.
    pub column: usize,
    /// The source character or phrase, as it is in the input.
    pub source: String,
    /// What the conversion wrote for it, as it is in the output (after
    /// every stage of the chain: 裡 for 里 in `s2tw`, not the 裏 of the
    /// first stage).
    pub output: String,
    /// Every candidate, the chosen one included, in dictionary order.
    pub alternatives: Vec<String>,
    /// What decided: `default` (the dictionary's first candidate for a
    /// character), `phrase` (a phrase of the dictionary), `word boundaries`
    /// (a phrase allowed by the word split), `著 rule`, `著 word`, or the
    /// name of a context rule of `--to` (`measure word 隻`, …).
    pub rule: &'static str,
    /// How likely the choice is wrong, 0 to 100 (higher first when
    /// ranking): the weight of what decided (100 for `default`, nothing in
    /// the text chose; 50 for a context rule; 20 for a phrase or word of
    /// the tables) times (n − 1) / n, where n is the number of plausible
    /// alternatives (see [`Converter::ambiguities`]), rounded down. 头发's 发 (a
    /// phrase, 發/髮) is 10; 只 alone (`default`, 只/隻/祇) is 66.
    pub risk: u8,
}

/// A finding before positions are resolved.
struct Raw {
    /// Byte offset in the input.
    at: usize,
    source: String,
    output: String,
    alternatives: Vec<String>,
    rule: &'static str,
    /// The source as the deciding stage saw it (what `alternatives` are
    /// the candidates of).
    key: String,
    /// Whether the alternatives are Simplified characters (the stage
    /// writes Simplified), for [`plausible_count`].
    to_simplified: bool,
    /// Input offsets of the characters of `source` (as the stage saw them,
    /// one per character), to find them again in the input and the output.
    origins: Vec<usize>,
}

/// Text with, per character, the byte offset in the original input it
/// comes from.
struct Traced {
    text: String,
    origin: Vec<usize>,
}

/// The candidates of `source` in an alternatives table, if it has several.
fn candidates(alts: Option<Dict>, source: &str) -> Option<Vec<String>> {
    let alts = alts?;
    let v = alts.value_of(source)?;
    Some(alts.value_text(v).split('\t').map(str::to_string).collect())
}

/// Whether a converter writes Simplified (its alternatives are Simplified
/// characters): `t2s`, `tw2s`, `hk2sp`, `bianyi-tw2s`,
/// `bianyi-simplified-residue`, ….
fn writes_simplified(name: &str) -> bool {
    name.ends_with("2s") || name.ends_with("2sp") || name.contains("simplified")
}

/// jieba's frequency of `word` (0 when its dictionary does not have it).
fn frequency(word: &str) -> u32 {
    Dict::get(crate::tables::WORDS)
        .value_of(word)
        .map_or(0, |v| v.saturating_sub(1))
}

/// How many of the candidates for `source` are plausible readings, not
/// rare variants.
///
/// A candidate for a phrase always is (a phrase with several values is the
/// tables' deliberate choice). A candidate for a single character is
/// plausible when it is a character people write for it:
///
/// - Simplified candidates (conversion to Simplified): a character that
///   jieba's dictionary of word frequencies (data/jieba/dict.txt) knows.
///   戰's 战 is, its variant 𢧐 is not; 著's 着 and 著 both are; 祕's 秘
///   is, 祕 is not.
/// - Traditional candidates: the source character itself, or one that
///   converts back to it (OpenCC's `t2s` character table lists the source
///   among its values). 发's 發 and 髮 both go back to 发; 里's 裏 and 里
///   are plausible, 哩 (a character of its own) is not.
fn plausible_count(source: &str, alternatives: &[String], to_simplified: bool) -> usize {
    let mut chars = source.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return alternatives.len();
    };
    let back = config_converter(Config::T2s, false);
    let back_alts = back.and_then(|b| b.alternative_dicts().first().copied());
    alternatives
        .iter()
        .filter(|a| {
            if to_simplified {
                frequency(a) > 0
            } else {
                a.as_str() == source
                    || back.is_some_and(|b| b.convert(a).starts_with(c))
                    || candidates(back_alts, a).is_some_and(|l| l.iter().any(|x| x == source))
            }
        })
        .count()
}

/// The weight of what decided a choice in [`Ambiguity::risk`].
fn rule_weight(rule: &str) -> u32 {
    match rule {
        "default" => 100,
        "phrase" | "word boundaries" | "著 word" => 20,
        _ => 50,
    }
}

/// Whether `rule` is a context rule (it decided from the neighbouring
/// words: a place worth reporting even with one plausible candidate).
fn is_context_rule(rule: &str) -> bool {
    !matches!(rule, "default" | "phrase" | "word boundaries" | "著 word")
}

/// [`Ambiguity::risk`] of a choice made by `rule` among `plausible`
/// candidates.
fn risk_of(rule: &str, plausible: usize) -> u8 {
    let n = u32::try_from(plausible.clamp(1, 100)).unwrap_or(100);
    let r = rule_weight(rule) * (n - 1) / n;
    u8::try_from(r.min(100)).unwrap_or(100)
}

/// Records what a unit decided: the unit itself if it has several
/// candidates; and for a phrase, each of its characters that has several
/// candidates on its own (the phrase chose among them: 头发 picks 髮 of
/// 發/髮). `origins` gives the input offset of each character of `source`.
fn unit_findings(
    alts: Option<Dict>,
    source: &str,
    output: &str,
    origins: &[usize],
    to_simplified: bool,
    found: &mut Vec<Raw>,
) {
    let origin = origins.first().copied().unwrap_or(0);
    let n = source.chars().count();
    let phrase = n > 1;
    if let Some(list) = candidates(alts, source) {
        found.push(Raw {
            at: origin,
            source: source.to_string(),
            output: output.to_string(),
            alternatives: list,
            rule: if phrase { "phrase" } else { "default" },
            key: source.to_string(),
            to_simplified,
            origins: origins.iter().copied().take(n).collect(),
        });
    }
    if phrase && n == output.chars().count() {
        for ((k, (i, c)), o) in source.char_indices().enumerate().zip(output.chars()) {
            if let Some(list) = candidates(alts, &source[i..i + c.len_utf8()]) {
                let at = origins.get(k).copied().unwrap_or(origin);
                found.push(Raw {
                    at,
                    source: c.to_string(),
                    output: o.to_string(),
                    alternatives: list,
                    rule: "phrase",
                    key: c.to_string(),
                    to_simplified,
                    origins: vec![at],
                });
            }
        }
    }
}

/// Applies one stage to `input` like the engine's general path, recording
/// the units that had alternatives.
fn stage(
    dict: Dict,
    alts: Option<Dict>,
    to_simplified: bool,
    input: &Traced,
    found: &mut Vec<Raw>,
) -> Traced {
    let mut out = Traced {
        text: String::with_capacity(input.text.len()),
        origin: Vec::with_capacity(input.origin.len()),
    };
    let text = input.text.as_str();
    let mut i = 0;
    let mut ci = 0;
    while i < text.len() {
        let origin = input.origin.get(ci).copied().unwrap_or(0);
        let (end, piece) = match dict.longest(text, i) {
            Some(f) => {
                let value = dict.value_text(f.value);
                let source = &text[i..f.end];
                let origins = &input.origin[ci.min(input.origin.len())..];
                unit_findings(alts, source, &value, origins, to_simplified, found);
                (f.end, value)
            }
            None => {
                let n = unmatched_len(text, i);
                (i + n, text[i..i + n].to_string())
            }
        };
        let unit_chars = text[i..end].chars().count();
        let same = piece.chars().count() == unit_chars;
        for k in 0..piece.chars().count() {
            let from = if same { ci + k } else { ci };
            out.origin
                .push(input.origin.get(from).copied().unwrap_or(origin));
        }
        out.text.push_str(&piece);
        ci += unit_chars;
        i = end;
    }
    out
}

/// The characters of `text` at the (sorted, distinct) byte offsets of
/// `at`, or `None` when one is not a character of it.
fn chars_at(text: &str, at: &[usize]) -> Option<String> {
    let mut s = String::new();
    for &b in at {
        s.push(text.get(b..)?.chars().next()?);
    }
    Some(s)
}

/// Rewrites `found` (made by stages that saw intermediate text) with the
/// characters as they are in the input `input` (offsets from `base`) and
/// in the final output `last`: 秘 where `tw2s`'s second stage saw the 祕
/// of the first, 裡 where `s2tw`'s first stage wrote 裏.
fn as_written(input: &str, base: usize, last: &Traced, found: &mut [Raw]) {
    for f in found {
        let mut at = f.origins.clone();
        at.sort_unstable();
        at.dedup();
        let local: Vec<usize> = at.iter().map(|&b| b.wrapping_sub(base)).collect();
        if let Some(s) = chars_at(input, &local) {
            f.source = s;
        }
        let out: String = last
            .text
            .chars()
            .zip(&last.origin)
            .filter(|(_, o)| at.binary_search(o).is_ok())
            .map(|(c, _)| c)
            .collect();
        if !out.is_empty() {
            f.output = out;
        }
    }
}

impl Converter {
    /// The places in `text` where this conversion chose among plausible
    /// readings, in input order: where the tables offer several candidates
    /// of which at least two are plausible (a rare variant is no choice:
    /// Simplified candidates that jieba's word list knows, Traditional
    /// ones that `t2s` takes back to the source), with the characters as they are in the input
    /// and in the output. The output is what [`Converter::convert`] gives;
    /// this runs OpenCC's pipeline stage by stage to see each choice, so it
    /// is slower.
    ///
    /// ```
    /// use bianyi_convert::{Config, Converter};
    ///
    /// let found = Converter::new(Config::S2t).ambiguities("头发很长，后来剪了。");
    /// // 发 could be 發 or 髮: the phrase 头发 chose 髮.
    /// assert_eq!((found[0].source.as_str(), found[0].output.as_str(), found[0].rule), ("发", "髮", "phrase"));
    /// assert_eq!(found[0].alternatives, ["發", "髮"]);
    /// ```
    pub fn ambiguities(&self, text: &str) -> Vec<Ambiguity> {
        let mut raw = Vec::new();
        self.collect(text, 0, &mut raw);
        resolve(text, raw)
    }

    /// Collects findings for `text`, which starts at byte `base` of the
    /// input, with the characters as they are in `text` and in this
    /// conversion's output.
    fn collect(&self, text: &str, base: usize, raw: &mut Vec<Raw>) {
        let normalized;
        let input = text;
        let text = if self.normalizes(text) {
            normalized = self.normalize(text);
            normalized.as_str()
        } else {
            text
        };
        // Input offsets by character (normalisation maps characters one to
        // one; where it did not, the normalised text's own offsets).
        let input_offsets: Vec<usize> =
            if text.len() == input.len() || text.chars().count() == input.chars().count() {
                input.char_indices().map(|(i, _)| base + i).collect()
            } else {
                text.char_indices().map(|(i, _)| base + i).collect()
            };
        let alts = self.alternative_dicts();
        let to_simplified = writes_simplified(self.name());
        let mut run = |seg: &str, seg_chars: usize| {
            let origin: Vec<usize> = (seg_chars..seg_chars + seg.chars().count())
                .map(|k| input_offsets.get(k).copied().unwrap_or(base))
                .collect();
            let mut current = Traced {
                text: seg.to_string(),
                origin,
            };
            let mut found = Vec::new();
            for (k, dict) in self.stage_dicts().iter().enumerate() {
                current = stage(
                    *dict,
                    alts.get(k).copied(),
                    to_simplified,
                    &current,
                    &mut found,
                );
            }
            as_written(input, base, &current, &mut found);
            raw.append(&mut found);
        };
        match self.segmentation_dict() {
            None => run(text, 0),
            Some(seg) => {
                let mut at = 0;
                segment(seg, text, |s| {
                    run(s, at);
                    at += s.chars().count();
                });
            }
        }
    }
}

impl Document {
    /// The places in `text` where converting to the target chose among
    /// plausible readings (see [`Converter::ambiguities`]) or applied a
    /// context rule, in input order. Positions refer to the input; `rule`
    /// is `default`, `phrase` (a word or phrase of the tables chose), or
    /// the name of the context rule.
    pub fn ambiguities(&self, text: &str) -> Vec<Ambiguity> {
        let mut raw: Vec<Raw> = Vec::new();
        let mut base = 0;
        for paragraph in text.split_inclusive('\n') {
            for (piece, route) in self.pieces(paragraph) {
                self.piece_findings(piece, route, base, &mut raw);
                base += piece.len();
            }
        }
        resolve(text, raw)
    }

    fn piece_findings(&self, piece: &str, route: Route, base: usize, raw: &mut Vec<Raw>) {
        let tofu = self.converter().tofu_risk_enabled();
        let start = raw.len();
        let final_output: String = match route {
            Route::Keep => return,
            Route::Traditional { repair, steps } => {
                // Each step's choices, at the input characters they come
                // from (while the steps keep the number of characters).
                let convs: Vec<&Converter> = repair
                    .and_then(|c| config_converter(c, tofu))
                    .into_iter()
                    .chain(steps.converters(tofu))
                    .collect();
                let origin: Vec<usize> = piece.char_indices().map(|(i, _)| base + i).collect();
                let mut real = String::with_capacity(piece.len() + 8);
                crate::target::convert_with(route, self.converter(), piece, &mut real, None, None);
                let real_chars: Vec<char> = real.chars().collect();
                let same_length = real_chars.len() == origin.len();
                let mut current = piece.to_string();
                for (step, conv) in convs.into_iter().enumerate() {
                    // The repair of Simplified forms and the residue steps
                    // touch only some words of Traditional text: elsewhere
                    // they decided nothing, and a character they left as
                    // it is was not their choice.
                    let partial = (step == 0 && repair.is_some())
                        || conv.name().starts_with("bianyi-residue")
                        || conv.name() == "bianyi-simplified-residue";
                    let mut found = Vec::new();
                    conv.collect(&current, 0, &mut found);
                    let starts: Vec<usize> = current.char_indices().map(|(i, _)| i).collect();
                    if starts.len() == origin.len() {
                        for f in found {
                            // Only where the step sees the input's own text
                            // (a choice about what an earlier step wrote is
                            // not the input's).
                            if let Ok(k) = starts.binary_search(&f.at)
                                && piece[origin[k] - base..].starts_with(&f.source)
                                && !(partial
                                    && (!same_length
                                        || piece[origin[k] - base..]
                                            .chars()
                                            .zip(&real_chars[k..])
                                            .take(f.source.chars().count())
                                            .all(|(a, &b)| a == b)))
                            {
                                raw.push(Raw { at: origin[k], ..f });
                            }
                        }
                    }
                    current = conv.convert(&current);
                }
                real
            }
            Route::FromSimplified(config) => {
                let Some(conv) = config_converter(config, tofu) else {
                    return;
                };
                let alts = conv.alternative_dicts().first().copied();
                let mut out = String::new();
                crate::target::convert_with(
                    route,
                    self.converter(),
                    piece,
                    &mut out,
                    Some(&mut |u: Unit<'_>| {
                        let same = u.source.chars().count() == u.output.chars().count();
                        for (k, ((i, c), o)) in
                            u.source.char_indices().zip(u.output.chars()).enumerate()
                        {
                            if !same {
                                break;
                            }
                            let by_rule = u.rule.filter(|&(at, _)| at == k).map(|(_, name)| name);
                            let list = candidates(alts, &u.source[i..i + c.len_utf8()]);
                            if by_rule.is_none() && list.is_none() {
                                continue;
                            }
                            let rule = by_rule.unwrap_or(if u.source.chars().nth(1).is_some() {
                                "phrase"
                            } else {
                                "default"
                            });
                            let at = base + u.start + i;
                            raw.push(Raw {
                                at,
                                source: c.to_string(),
                                output: o.to_string(),
                                alternatives: list.unwrap_or_else(|| vec![o.to_string()]),
                                rule,
                                key: c.to_string(),
                                to_simplified: false,
                                origins: vec![at],
                            });
                        }
                    }),
                    None,
                );
                out
            }
        };
        // The output as the whole conversion wrote it, where it keeps the
        // number of characters (later steps and phrases included).
        let starts: Vec<usize> = piece.char_indices().map(|(i, _)| base + i).collect();
        let finals: Vec<char> = final_output.chars().collect();
        if finals.len() == starts.len() {
            for f in &mut raw[start..] {
                if let Ok(k) = starts.binary_search(&f.at) {
                    let n = f.source.chars().count();
                    if let Some(o) = finals.get(k..k + n) {
                        f.output = o.iter().collect();
                    }
                }
            }
        }
    }
}

impl TargetConverter {
    /// [`Document::ambiguities`] for `text` judged as a whole.
    pub fn ambiguities(&self, text: &str) -> Vec<Ambiguity> {
        self.document(text).ambiguities(text)
    }
}

/// Keeps the real choices (two plausible candidates or more, or a context
/// rule), sorts them by position, drops duplicates (the same source at the
/// same place), and fills in line, column and risk.
fn resolve(text: &str, mut raw: Vec<Raw>) -> Vec<Ambiguity> {
    let mut kept: Vec<(Raw, usize)> = raw
        .drain(..)
        .filter_map(|r| {
            let n = plausible_count(&r.key, &r.alternatives, r.to_simplified);
            (n >= 2 || is_context_rule(r.rule)).then_some((r, n))
        })
        .collect();
    kept.sort_by(|(a, _), (b, _)| {
        a.at.cmp(&b.at)
            .then_with(|| b.source.len().cmp(&a.source.len()))
    });
    kept.dedup_by(|(a, _), (b, _)| a.at == b.at && a.source == b.source);
    let mut out = Vec::with_capacity(kept.len());
    let (mut ch, mut line, mut column) = (0usize, 1usize, 1usize);
    let mut chars = text.char_indices().peekable();
    for (r, n) in kept {
        while let Some(&(b, c)) = chars.peek() {
            if b >= r.at {
                break;
            }
            chars.next();
            ch += 1;
            if c == '\n' {
                line += 1;
                column = 1;
            } else {
                column += 1;
            }
        }
        out.push(Ambiguity {
            byte: r.at,
            char: ch,
            line,
            column,
            risk: risk_of(r.rule, n),
            source: r.source,
            output: r.output,
            alternatives: r.alternatives,
            rule: r.rule,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, Target};

    #[test]
    fn positions_and_rules() {
        let found = Converter::new(Config::S2t).ambiguities("第一行\n头发很长");
        let fa = found
            .iter()
            .find(|a| a.source == "发")
            .expect("发 reported");
        assert_eq!((fa.line, fa.column, fa.char, fa.byte), (2, 2, 5, 13));
        assert_eq!((fa.output.as_str(), fa.rule), ("髮", "phrase"));
        assert_eq!(fa.alternatives, vec!["發", "髮"]);

        let to_hans = TargetConverter::new(Target::Hans);
        let found = to_hans.ambiguities("他領導著團隊，成就卓著。");
        let zhu: Vec<(usize, &str, &str)> = found
            .iter()
            .filter(|a| a.source.contains('著'))
            .map(|a| (a.char, a.source.as_str(), a.output.as_str()))
            .collect();
        // 他領導著團隊，成就卓著。: the particle (4th character) becomes 着,
        // 卓著 keeps 著 (11th).
        assert_eq!(zhu, vec![(3, "著", "着"), (10, "著", "著")]);
    }

    /// Issue 21 item 7: records give the characters of the input and of
    /// the final output, not of an intermediate stage, and only real
    /// choices.
    #[test]
    fn characters_as_written_and_real_choices_only() {
        // tw2s's first stage writes 祕 for 秘, its second sees 祕 (秘 or
        // the rare 祕): no choice, and never a 祕 the input does not have.
        let found = Converter::new(Config::Tw2s).ambiguities("神秘的戰事已開，覆蓋全球。");
        let seen: Vec<(&str, &str, u8)> = found
            .iter()
            .map(|a| (a.source.as_str(), a.output.as_str(), a.risk))
            .collect();
        assert_eq!(seen, vec![("覆", "覆", 50)]);
        // s2tw's first stage writes 裏, its Taiwan stage 裡.
        let found = Converter::new(Config::S2tw).ambiguities("里长住在这里。");
        let seen: Vec<(&str, &str)> = found
            .iter()
            .map(|a| (a.source.as_str(), a.output.as_str()))
            .collect();
        assert_eq!(seen, vec![("里", "里"), ("里", "裡")]);
        // Rare variants are no choice: 戰 (战 or 𢧐), 開 (开 or 𫔭).
        let to_hans = TargetConverter::new(Target::Hans);
        assert!(to_hans.ambiguities("戰事已開。").is_empty());
        // Traditional text to zh-TW: a character the repair of Simplified
        // forms left alone (弗里德曼's 里) was not its choice.
        let to_tw = TargetConverter::new(Target::Taiwan);
        let found = to_tw.ambiguities("負責人納特·弗里德曼說，這項計畫并未改變。");
        assert!(found.iter().all(|a| a.source != "里"), "{found:?}");
    }

    #[test]
    fn risk_ranks_what_decided() {
        let two = ["a".to_string(), "b".to_string()];
        assert_eq!(plausible_count("发", &["發".into(), "髮".into()], false), 2);
        assert_eq!(plausible_count("里", &["裏".into(), "里".into()], false), 2);
        assert_eq!(plausible_count("戰", &["战".into(), "𢧐".into()], true), 1);
        assert_eq!(plausible_count("ab", &two, true), 2);
        assert_eq!(risk_of("default", 2), 50);
        assert_eq!(risk_of("default", 3), 66);
        assert_eq!(risk_of("measure word 隻", 2), 25);
        assert_eq!(risk_of("phrase", 2), 10);
        assert_eq!(risk_of("default", 1), 0);
    }
}
