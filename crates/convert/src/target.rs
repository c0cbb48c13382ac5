//! Target-based conversion: "make this Simplified", "make this read like
//! Taiwan", without choosing an OpenCC config.
//!
//! [`TargetConverter`] detects what the text is ([`crate::detect`]), plans
//! the conversion from OpenCC's configs, and improves on them where they are
//! known to go wrong:
//!
//! * to Simplified, 著 becomes 着 except in the words where it is 著 in
//!   Simplified too (著名, 著作, 顯著, 卓著, 編著, 名著, 土著, …), whatever
//!   the source standard;
//! * from Simplified, a phrase of the conversion tables is not applied across
//!   a word boundary unless it covers whole words (前头|发生 stays 前頭發生,
//!   not 前頭髮生); the boundaries come from jieba's word frequencies;
//! * regional vocabulary (软件 → 軟體) only with [`TargetConverter::phrases`];
//! * Traditional text converted mechanically from mainland Simplified is
//!   taken back to Simplified and converted again, which repairs what the
//!   first conversion got wrong (隨后 → 隨後).

use std::fmt;
use std::str::FromStr;

use unic_langid::LanguageIdentifier;

use crate::config::Config;
use crate::detect::{Detection, Script, Standard, detect};
use crate::engine::Converter;
use crate::error::{Error, ErrorKind};

/// Where a conversion should end up: a BCP 47 tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Target {
    /// `zh-Hans`: Simplified, no regional preference.
    Hans,
    /// `zh-Hant`: Traditional, no regional preference (OpenCC's standard
    /// for converted text).
    Hant,
    /// `zh-TW`: Traditional, Taiwan standard.
    Taiwan,
    /// `zh-HK` (and `zh-MO`): Traditional, Hong Kong standard.
    HongKong,
    /// `zh-CN` (and `zh-SG`, `zh-MY`): Simplified, mainland.
    Mainland,
}

impl Target {
    /// Every target.
    pub const ALL: &'static [Target] = &[
        Target::Hans,
        Target::Hant,
        Target::Taiwan,
        Target::HongKong,
        Target::Mainland,
    ];

    /// The canonical tag, e.g. `"zh-TW"`.
    pub fn tag(self) -> &'static str {
        match self {
            Target::Hans => "zh-Hans",
            Target::Hant => "zh-Hant",
            Target::Taiwan => "zh-TW",
            Target::HongKong => "zh-HK",
            Target::Mainland => "zh-CN",
        }
    }

    fn simplified(self) -> bool {
        matches!(self, Target::Hans | Target::Mainland)
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

impl FromStr for Target {
    type Err = Error;

    /// Parses a BCP 47 tag: `zh-Hans`, `zh-Hant`, `zh-TW`, `zh-HK`, `zh-CN`,
    /// and the regions that follow them (`zh-SG`, `zh-MY` as `zh-CN`, `zh-MO`
    /// as `zh-HK`; `zh-Hant-TW` as `zh-TW`). POSIX forms (`zh_TW`) work too.
    fn from_str(s: &str) -> Result<Target, Error> {
        let err = || {
            Error::new(ErrorKind::UnknownTarget {
                name: s.to_string(),
            })
        };
        let id: LanguageIdentifier = s.trim().replace('_', "-").parse().map_err(|_| err())?;
        if id.language.as_str() != "zh" {
            return Err(err());
        }
        if let Some(region) = id.region {
            return match region.as_str() {
                "TW" => Ok(Target::Taiwan),
                "HK" | "MO" => Ok(Target::HongKong),
                "CN" | "SG" | "MY" => Ok(Target::Mainland),
                _ => Err(err()),
            };
        }
        match id.script.as_ref().map(|s| s.as_str()) {
            Some("Hans") => Ok(Target::Hans),
            Some("Hant") => Ok(Target::Hant),
            _ => Err(err()),
        }
    }
}

/// One step of a plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Step {
    /// To Simplified with this config, and the 著 rule.
    ToSimplified(Config),
    /// From Simplified with this config, within word boundaries.
    FromSimplified(Config),
    /// Between Traditional standards with this config.
    Variants(Config),
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Step::ToSimplified(c) => write!(f, "{c} (著 rule)"),
            Step::FromSimplified(c) => write!(f, "{c} (word boundaries)"),
            Step::Variants(c) => write!(f, "{c}"),
        }
    }
}

/// Converts text to a [`Target`].
///
/// ```
/// use bianyi_convert::{Target, TargetConverter};
///
/// let to_hant = TargetConverter::new("zh-Hant".parse::<Target>()?);
/// assert_eq!(to_hant.convert("前头发生了什么"), "前頭發生了什麼");
///
/// let to_hans = TargetConverter::new(Target::Hans);
/// assert_eq!(to_hans.convert("他領導著一個卓著的團隊。"), "他领导着一个卓著的团队。");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct TargetConverter {
    target: Target,
    phrases: bool,
}

/// Words in which 著 stays 著 in Simplified (Traditional spelling, Simplified).
const ZHU_WORDS: &[(&str, &str)] = &[
    ("著名", "著名"),
    ("著作", "著作"),
    ("著稱", "著称"),
    ("著述", "著述"),
    ("著錄", "著录"),
    ("著書", "著书"),
    ("著者", "著者"),
    ("顯著", "显著"),
    ("卓著", "卓著"),
    ("編著", "编著"),
    ("名著", "名著"),
    ("土著", "土著"),
    ("論著", "论著"),
    ("原著", "原著"),
    ("專著", "专著"),
    ("巨著", "巨著"),
    ("昭著", "昭著"),
    ("遺著", "遗著"),
    ("合著", "合著"),
    ("譯著", "译著"),
    ("拙著", "拙著"),
    ("新著", "新著"),
    ("大著", "大著"),
    ("编著", "编著"),
    ("显著", "显著"),
    ("论著", "论著"),
    ("专著", "专著"),
    ("遗著", "遗著"),
    ("译著", "译著"),
    ("著称", "著称"),
    ("著录", "著录"),
    ("著书", "著书"),
];

impl TargetConverter {
    /// A converter to `target`, without regional vocabulary.
    pub fn new(target: Target) -> TargetConverter {
        TargetConverter {
            target,
            phrases: false,
        }
    }

    /// Also convert regional vocabulary (软件 ↔ 軟體, 鼠标 ↔ 滑鼠).
    pub fn phrases(mut self, yes: bool) -> TargetConverter {
        self.phrases = yes;
        self
    }

    /// The target.
    pub fn target(&self) -> Target {
        self.target
    }

    /// The steps for a text detected as `d`.
    pub fn plan(&self, d: &Detection) -> Vec<Step> {
        let p = self.phrases;
        let to_simplified = |phrases: bool| {
            Step::ToSimplified(match (d.standard, phrases) {
                (Some(Standard::HongKong), false) => Config::Hk2s,
                (Some(Standard::HongKong), true) => Config::Hk2sp,
                (_, false) => Config::Tw2s,
                (_, true) => Config::Tw2sp,
            })
        };
        if self.target.simplified() {
            return vec![to_simplified(p)];
        }
        let from = match (self.target, p) {
            (Target::Hant, _) => Config::S2t,
            (Target::Taiwan, false) => Config::S2tw,
            (Target::Taiwan, true) => Config::S2twp,
            (_, false) => Config::S2hk,
            (_, true) => Config::S2hkp,
        };
        match d.script {
            Script::Simplified | Script::Neutral | Script::NotChinese => {
                vec![Step::FromSimplified(from)]
            }
            // Through Simplified: repairs mechanical conversions and brings
            // mixed text to one script.
            Script::Mixed => vec![to_simplified(false), Step::FromSimplified(from)],
            _ if d.mainland_origin || p => vec![to_simplified(false), Step::FromSimplified(from)],
            _ => {
                let standard = d.standard.unwrap_or(Standard::Taiwan);
                match (self.target, standard) {
                    (Target::Hant, _)
                    | (Target::Taiwan, Standard::Taiwan)
                    | (Target::HongKong, Standard::HongKong) => Vec::new(),
                    (Target::Taiwan, Standard::OpenCc) => vec![Step::Variants(Config::T2tw)],
                    (Target::Taiwan, _) => {
                        vec![Step::Variants(Config::Hk2t), Step::Variants(Config::T2tw)]
                    }
                    (_, Standard::OpenCc) => vec![Step::Variants(Config::T2hk)],
                    _ => vec![Step::Variants(Config::Tw2t), Step::Variants(Config::T2hk)],
                }
            }
        }
    }

    /// Converts `text`, planning from what it detects in it.
    pub fn convert(&self, text: &str) -> String {
        let plan = self.plan(&detect(text));
        self.convert_planned(text, &plan)
    }

    /// Converts `text` with a plan (e.g. one made from the start of a
    /// stream).
    pub fn convert_planned(&self, text: &str, plan: &[Step]) -> String {
        let mut current = text.to_string();
        for step in plan {
            let mut out = String::with_capacity(current.len() + current.len() / 8);
            run_step(*step, &current, &mut out, &mut |_| {});
            current = out;
        }
        current
    }
}

/// What one unit of a conversion did (for ambiguity reports).
pub(crate) struct Unit<'a> {
    pub(crate) start: usize,
    pub(crate) source: &'a str,
    pub(crate) output: String,
    pub(crate) rule: &'static str,
}

/// Runs one step, calling `unit` for the units it can report.
pub(crate) fn run_step(step: Step, text: &str, out: &mut String, unit: &mut dyn FnMut(Unit<'_>)) {
    match step {
        Step::ToSimplified(config) => to_simplified(config, text, out, unit),
        Step::FromSimplified(config) => {
            let conv = Converter::new(config);
            let first = conv.stage_dicts().first().copied();
            // Units are reported in the text as stage 1 sees it (normalised;
            // compatibility ideographs are the only difference).
            let normalized;
            let text = if conv.normalizes(text) {
                normalized = conv.normalize(text);
                normalized.as_str()
            } else {
                text
            };
            conv.convert_in_words(text, out, |start, end, value| {
                if let (Some(dict), Some(v)) = (first, value) {
                    unit(Unit {
                        start,
                        source: &text[start..end],
                        output: dict.value_text(v),
                        rule: if text[start..end].chars().nth(1).is_some() {
                            "phrase"
                        } else {
                            "character"
                        },
                    });
                }
            });
        }
        Step::Variants(config) => Converter::new(config).convert_into(text, out),
    }
}

/// To Simplified: the 著 words are kept as 著, every other 著 becomes 着,
/// and the pieces between are converted with `config`.
fn to_simplified(config: Config, text: &str, out: &mut String, unit: &mut dyn FnMut(Unit<'_>)) {
    let conv = Converter::new(config);
    let mut gap = String::new();
    let flush = |gap: &mut String, out: &mut String| {
        conv.convert_into(gap, out);
        gap.clear();
    };
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        if let Some(&(word, simplified)) = ZHU_WORDS
            .iter()
            .filter(|(w, _)| rest.starts_with(w))
            .max_by_key(|(w, _)| w.len())
        {
            flush(&mut gap, out);
            out.push_str(simplified);
            let at = word.find('著').unwrap_or(0);
            unit(Unit {
                start: i + at,
                source: "著",
                output: "著".to_string(),
                rule: "著 word",
            });
            i += word.len();
            continue;
        }
        let c = rest.chars().next().unwrap_or('\0');
        if c == '著' {
            gap.push('着');
            unit(Unit {
                start: i,
                source: "著",
                output: "着".to_string(),
                rule: "著 rule",
            });
        } else {
            gap.push(c);
        }
        i += c.len_utf8();
    }
    flush(&mut gap, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_targets() {
        let cases: &[(&str, Option<Target>)] = &[
            ("zh-Hans", Some(Target::Hans)),
            ("zh-Hant", Some(Target::Hant)),
            ("zh-TW", Some(Target::Taiwan)),
            ("zh_TW", Some(Target::Taiwan)),
            ("zh-Hant-TW", Some(Target::Taiwan)),
            ("zh-HK", Some(Target::HongKong)),
            ("zh-MO", Some(Target::HongKong)),
            ("zh-CN", Some(Target::Mainland)),
            ("zh-SG", Some(Target::Mainland)),
            ("zh-MY", Some(Target::Mainland)),
            ("zh-hans", Some(Target::Hans)),
            ("zh", None),
            ("en-US", None),
            ("zh-FR", None),
            ("nonsense!", None),
        ];
        for &(tag, want) in cases {
            assert_eq!(tag.parse::<Target>().ok(), want, "{tag}");
        }
    }
}
