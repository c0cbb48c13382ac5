//! Target-based conversion: "make this Simplified", "make this read like
//! Taiwan", without choosing an OpenCC config (docs/target.md).
//!
//! A [`TargetConverter`] judges the document from its start
//! ([`crate::Detector`]) and then each paragraph with the document's
//! verdict as prior, and converts each paragraph by the [`Route`] its
//! source and the target call for:
//!
//! * from Simplified: OpenCC's s2t / s2tw / s2twp / s2hk / s2hkp chain with
//!   bianyi's word boundaries and context rules (src/context.rs);
//! * from Traditional to Traditional: never through Simplified. bianyi's
//!   own configs (data/bianyi/config) repair what mechanical conversion
//!   left (Simplified forms, 隨后) without touching correct text, then map
//!   the variant forms of one standard to another (Hong Kong 綫 → Taiwan
//!   線); text already in the target standard stays as it is;
//! * from Traditional to Simplified: OpenCC's reverse variant tables for
//!   the source's standard, then t2s, with 著/着 decided by the words in
//!   which Simplified keeps 著 (Taiwan text), and 甚麼 → 什么;
//! * regional vocabulary (软件 ↔ 軟體) only with [`TargetConverter::phrases`],
//!   and only when source and target regions differ.

use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use unic_langid::LanguageIdentifier;

use crate::config::Config;
use crate::context::{Unit, convert_fast, convert_words};
use crate::custom::CustomConfig;
use crate::detect::{Counts, Detection, Detector, Script, Standard};
use crate::engine::Converter;
use crate::error::{Error, ErrorKind};
use crate::tables::{Dict, WORDS};

/// Where a conversion should end up: a BCP 47 tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Target {
    /// `zh-Hans`: Simplified, no regional preference.
    Hans,
    /// `zh-Hant`: Traditional, no regional preference: Traditional text of
    /// any standard is kept in its standard; Simplified text becomes
    /// OpenCC's standard.
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

    /// True for the Simplified targets.
    pub fn is_simplified(self) -> bool {
        matches!(self, Target::Hans | Target::Mainland)
    }

    /// The OpenCC config that converts Simplified text to this target
    /// ([`Route::FromSimplified`]), with or without regional vocabulary;
    /// `None` for the Simplified targets.
    ///
    /// ```
    /// use bianyi_convert::{Config, Target};
    ///
    /// assert_eq!(Target::Taiwan.from_simplified(true), Some(Config::S2twp));
    /// assert_eq!(Target::Hans.from_simplified(true), None);
    /// ```
    pub fn from_simplified(self, phrases: bool) -> Option<Config> {
        match self {
            Target::Hans | Target::Mainland => None,
            Target::Hant => Some(Config::S2t),
            Target::Taiwan if phrases => Some(Config::S2twp),
            Target::Taiwan => Some(Config::S2tw),
            Target::HongKong if phrases => Some(Config::S2hkp),
            Target::HongKong => Some(Config::S2hk),
        }
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

/// How a paragraph (or a clause of a mixed one) is converted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Route {
    /// Left as it is (nothing to convert).
    Keep,
    /// From Simplified: this OpenCC config's chain, with word boundaries
    /// and context rules.
    FromSimplified(Config),
    /// Traditional text: words holding Simplified forms converted from
    /// Simplified with `repair` (when there are any), then `steps` applied
    /// in order.
    Traditional {
        /// The config that converts the words holding Simplified forms.
        repair: Option<Config>,
        /// The configs applied in order (OpenCC's and bianyi's own).
        steps: Steps,
    },
}

/// The configs of a route, applied in order: OpenCC's by name (`t2s`,
/// `t2tw`) and bianyi's own (`bianyi-tw2t`, data/bianyi/config).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Steps {
    /// Indexes into [`STEP_NAMES`].
    ids: [u8; 4],
    len: u8,
}

/// Every config a route can apply (a test checks that each has tables).
const STEP_NAMES: [&str; 15] = [
    "t2s",
    "t2tw",
    "t2hk",
    "hk2t",
    "bianyi-residue",
    "bianyi-residue-mainland",
    "bianyi-tw2t",
    "bianyi-hk2tp",
    "bianyi-t2twp",
    "bianyi-t2hkp",
    "bianyi-tw2s",
    "bianyi-tw2sp",
    "bianyi-hk2s",
    "bianyi-t2s",
    // bianyi-tw2s applied only to the words of Simplified text that hold
    // Traditional forms (`repair_traditional`).
    "bianyi-simplified-residue",
];

impl Steps {
    fn of(names: &[&'static str]) -> Steps {
        let mut steps = Steps {
            ids: [0; 4],
            len: 0,
        };
        for n in names.iter().filter(|n| !n.is_empty()) {
            if let (Some(id), true) = (step_id(n), usize::from(steps.len) < steps.ids.len()) {
                steps.ids[usize::from(steps.len)] = u8::try_from(id).unwrap_or(0);
                steps.len += 1;
            }
        }
        steps
    }

    /// The config names, in order.
    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.ids[..usize::from(self.len)]
            .iter()
            .map(|&i| STEP_NAMES[usize::from(i)])
    }

    /// The converters, in order.
    pub(crate) fn converters(
        &self,
        tofu_risk: bool,
    ) -> impl Iterator<Item = &'static Converter> + '_ {
        self.ids[..usize::from(self.len)]
            .iter()
            .filter_map(move |&i| step_converter(usize::from(i), tofu_risk))
    }
}

/// The id of the step named `name`.
fn step_id(name: &str) -> Option<usize> {
    STEP_NAMES.iter().position(|s| *s == name)
}

/// The converter of step `id` (built once and shared).
fn step_converter(id: usize, tofu_risk: bool) -> Option<&'static Converter> {
    static ALL: [OnceLock<Vec<Option<Converter>>>; 2] = [OnceLock::new(), OnceLock::new()];
    ALL[usize::from(tofu_risk)]
        .get_or_init(|| {
            STEP_NAMES
                .iter()
                .map(|name| {
                    let name = match *name {
                        "bianyi-simplified-residue" => "bianyi-tw2s",
                        other => other,
                    };
                    let builder = match name.parse::<Config>() {
                        Ok(c) => Some(Converter::builder(c)),
                        Err(_) => Converter::pipeline_builder(name),
                    };
                    builder.map(|b| b.tofu_risk(tofu_risk).build())
                })
                .collect()
        })
        .get(id)
        .and_then(Option::as_ref)
}

impl fmt::Display for Route {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Route::Keep => f.write_str("keep"),
            Route::FromSimplified(c) => write!(f, "{c} (word boundaries, context rules)"),
            Route::Traditional { repair, steps } => {
                let mut parts: Vec<String> = Vec::new();
                if let Some(c) = repair {
                    parts.push(format!("Simplified forms by {c}"));
                }
                parts.extend(steps.names().map(str::to_string));
                if parts.is_empty() {
                    f.write_str("keep")
                } else {
                    f.write_str(&parts.join(" → "))
                }
            }
        }
    }
}

/// How sure detection must be that Traditional text came from the mainland
/// before `--phrases` rewrites its vocabulary to the target region's.
const VOCABULARY_ORIGIN: f64 = 0.9;

/// The source of a paragraph, as routing sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Source {
    /// Nothing to convert (no Han characters).
    Nothing,
    Simplified,
    Traditional {
        standard: Standard,
        mainland_origin: bool,
        /// Simplified-only forms in it.
        simplified_forms: bool,
    },
}

fn source_of(d: &Detection, document: &Detection) -> Source {
    if d.counts.han == 0 {
        return Source::Nothing;
    }
    let traditional = match d.script {
        Script::Simplified => false,
        Script::Traditional | Script::Mixed => true,
        // No evidence of its own: what the document says (detection gives
        // such a paragraph its document's standard), Simplified when
        // nothing says anything.
        _ => d.standard.is_some(),
    };
    if traditional {
        Source::Traditional {
            standard: d.standard.unwrap_or(Standard::Taiwan),
            // Vocabulary is rewritten only on strong evidence (a line of
            // real Taiwan text may hold a word of mainland usage): the
            // paragraph's own, or its document's where it does not say
            // otherwise.
            mainland_origin: d.mainland_origin_probability() > VOCABULARY_ORIGIN
                || (document.mainland_origin_probability() > VOCABULARY_ORIGIN
                    && d.mainland_origin),
            simplified_forms: d.counts.simplified > 0,
        }
    } else {
        Source::Simplified
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
///
/// // Correct Taiwan text stays as it is.
/// let to_tw = TargetConverter::new(Target::Taiwan);
/// let text = "這齣戲消息一出就火了，弗里德曼在里約熱內盧。台北的天氣很好。";
/// assert_eq!(to_tw.convert(text), text);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TargetConverter {
    target: Target,
    phrases: bool,
    tofu_risk: bool,
    word_by_word: bool,
    dicts: Option<TargetDicts>,
}

/// User dictionaries in front of a target conversion (`--dict` with
/// `--to`), as OpenCC puts them in front of a config's first stage: a key
/// of theirs wins over the built-in tables there, and what they write
/// still goes through the later stages.
///
/// Simplified text converted to a Traditional target goes through the
/// target's config ([`Target::from_simplified`]) loaded with the
/// dictionaries in front of its first stage and segmentation: exactly
/// OpenCC's recipe. Any other route (Traditional text, or a Simplified
/// target) starts with the dictionaries alone, as a stage of their own,
/// before its own steps.
///
/// ```no_run
/// use bianyi_convert::{Conversion, CustomConfig, Target, TargetDicts};
///
/// let dicts = ["names.txt"];
/// let alone = CustomConfig::dictionaries_sources(&dicts)?.compile()?;
/// let s2tw = Target::Taiwan
///     .from_simplified(false)
///     .map(|c| CustomConfig::builtin_sources(c, &dicts)?.compile())
///     .transpose()?;
/// let to_tw = Conversion::builder(Target::Taiwan)
///     .dicts(TargetDicts::new(alone, s2tw))
///     .build();
/// println!("{}", to_tw.convert("泽连斯基说"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TargetDicts {
    alone: CustomConfig,
    from_simplified: Option<CustomConfig>,
}

impl TargetDicts {
    /// `alone`: the dictionaries as a config of their own
    /// ([`CustomConfig::dictionaries_sources`]); `from_simplified`: the
    /// target's config from Simplified with them in front
    /// ([`CustomConfig::builtin_sources`] of [`Target::from_simplified`]),
    /// if the target has one. A route whose config is not `from_simplified`
    /// starts with `alone`.
    pub fn new(alone: CustomConfig, from_simplified: Option<CustomConfig>) -> TargetDicts {
        TargetDicts {
            alone,
            from_simplified,
        }
    }

    /// The converter of the dictionaries alone.
    fn alone(self) -> Converter {
        Converter::custom(self.alone).build()
    }

    /// `config` with the dictionaries in front, if loaded.
    fn config(self, config: Config, tofu_risk: bool) -> Option<Converter> {
        self.from_simplified
            .filter(|c| c.like() == Some(config))
            .map(|c| Converter::custom(c).tofu_risk(tofu_risk).build())
    }
}

/// Detection reads this much of the start of a text to judge the document.
pub const DETECT_BYTES: usize = 1 << 20;

impl TargetConverter {
    /// A converter to `target`, without regional vocabulary.
    pub fn new(target: Target) -> TargetConverter {
        TargetConverter {
            target,
            phrases: false,
            tofu_risk: false,
            word_by_word: false,
            dicts: None,
        }
    }

    /// Also use the dictionaries OpenCC marks `may_output_tofu`
    /// (TSCharactersExt: characters older fonts may lack), as
    /// [`crate::ConverterBuilder::tofu_risk`] does for a config.
    pub fn tofu_risk(mut self, yes: bool) -> TargetConverter {
        self.tofu_risk = yes;
        self
    }

    /// Also convert regional vocabulary (软件 ↔ 軟體, 鼠标 ↔ 滑鼠) where the
    /// source's region differs from the target's.
    pub fn phrases(mut self, yes: bool) -> TargetConverter {
        self.phrases = yes;
        self
    }

    /// Puts user dictionaries in front of every route (see
    /// [`TargetDicts`]).
    pub fn dicts(mut self, dicts: TargetDicts) -> TargetConverter {
        self.dicts = Some(dicts);
        self
    }

    /// The user dictionaries, if any.
    pub fn user_dicts(&self) -> Option<TargetDicts> {
        self.dicts
    }

    /// The target.
    pub fn target(&self) -> Target {
        self.target
    }

    /// Converts from Simplified word by word everywhere instead of taking
    /// the fast path where it gives the same output; tests use this to
    /// check that it does.
    #[doc(hidden)]
    pub fn word_by_word(mut self, yes: bool) -> TargetConverter {
        self.word_by_word = yes;
        self
    }

    /// Whether regional vocabulary is converted.
    pub fn uses_phrases(&self) -> bool {
        self.phrases
    }

    /// Whether the tofu-risk dictionaries are in use.
    pub fn tofu_risk_enabled(&self) -> bool {
        self.tofu_risk
    }

    /// Converts `text`: judges the document from its first
    /// [`DETECT_BYTES`], then converts it paragraph by paragraph.
    pub fn convert(&self, text: &str) -> String {
        self.document(sample(text)).convert(text)
    }

    /// A document judged from `sample` (its start): convert its paragraphs
    /// with [`Document::convert`].
    pub fn document(&self, sample: &str) -> Document {
        // Words are counted over the first quarter of the sample (a word
        // search costs four times a character count; they are many).
        let mut d = Detector::new();
        let mut fed = 0;
        for line in lines(sample) {
            if fed < DETECT_BYTES / 4 {
                d.feed(line);
            } else {
                d.feed_characters(line);
            }
            fed += line.len();
        }
        self.with_detection(d.detection())
    }

    /// A document with a verdict made elsewhere (e.g. by a [`Detector`]
    /// fed the start of a stream).
    pub fn with_detection(&self, detection: Detection) -> Document {
        let mut document = Document {
            converter: *self,
            detection,
            typical: Route::Keep,
        };
        // What a paragraph that shows the document's script and nothing
        // else is judged as.
        let mut typical = document.detection.counts;
        typical = Counts {
            han: 1,
            characters: 1,
            ..Counts::default()
        }
        .with_script_of(&typical);
        document.typical = self.route(
            &Detector::from_counts(typical).detection_given(&document.detection),
            &document.detection,
        );
        document
    }

    /// The route for a paragraph judged as `d` (in a document judged as
    /// `document`, whose regional vocabulary decides the vocabulary of
    /// script-neutral text converted to Simplified with phrases).
    pub fn route(&self, d: &Detection, document: &Detection) -> Route {
        route(
            self.target,
            self.phrases,
            source_of(d, document),
            region_of(document),
        )
    }
}

/// The region a document's regional words point to, if any: its words
/// must outnumber the other region's and the mainland words that region
/// says otherwise (Simplified text that mixes both vocabularies, as text
/// converted from Hong Kong with phrases may, is mainland text).
fn region_of(document: &Detection) -> Option<Standard> {
    let c = &document.counts;
    if c.taiwan_words > c.hong_kong_words && c.taiwan_words > c.mainland_vs_taiwan_words {
        Some(Standard::Taiwan)
    } else if c.hong_kong_words > c.taiwan_words
        && c.hong_kong_words > c.mainland_vs_hong_kong_words
    {
        Some(Standard::HongKong)
    } else {
        None
    }
}

/// The start of `text` that detection reads (cut at a character boundary).
fn sample(text: &str) -> &str {
    if text.len() <= DETECT_BYTES {
        return text;
    }
    let mut end = DETECT_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

fn route(target: Target, phrases: bool, source: Source, region: Option<Standard>) -> Route {
    use Standard::{HongKong, OpenCc, Taiwan};
    let (standard, mainland_origin, simplified_forms) = match source {
        Source::Nothing => return Route::Keep,
        Source::Simplified => {
            return match target {
                // Simplified stays; Traditional forms in it are converted
                // (著 too, outside the words where Simplified keeps it);
                // with phrases, the vocabulary of the region the document's
                // words point to.
                Target::Hans | Target::Mainland => Route::Traditional {
                    repair: None,
                    steps: Steps::of(match region {
                        Some(Taiwan) if phrases => &["bianyi-tw2sp"],
                        Some(HongKong) if phrases => &["bianyi-hk2tp", "bianyi-t2s"],
                        _ => &["bianyi-simplified-residue"],
                    }),
                },
                Target::Hant | Target::Taiwan | Target::HongKong => target
                    .from_simplified(phrases)
                    .map_or(Route::Keep, Route::FromSimplified),
            };
        }
        Source::Traditional {
            standard,
            mainland_origin,
            simplified_forms,
        } => (standard, mainland_origin, simplified_forms),
    };
    // The residue of a mechanical conversion (identity on correct text);
    // with the characters left alone too where the text came from the
    // mainland.
    let residue = if mainland_origin {
        "bianyi-residue-mainland"
    } else {
        "bianyi-residue"
    };
    let repair = |config: Config| simplified_forms.then_some(config);
    // Regional vocabulary: where the source's region (Taiwan, Hong Kong)
    // differs from the target's, or the text came from the mainland.
    let vocabulary =
        |own: Standard| phrases && ((standard != own && standard != OpenCc) || mainland_origin);
    // Back to OpenCC's standard, where the target's tables start from (a
    // standard's own text goes through its target table unchanged).
    let to_opencc = |own: Standard| match standard {
        _ if standard == own => "",
        // (tw2t makes every 著 the particle 着; bianyi-tw2t keeps 名著.)
        Taiwan => "bianyi-tw2t",
        HongKong => "hk2t",
        OpenCc => "",
    };
    match target {
        // (The residue of a mechanical conversion is Simplified's own form:
        // t2s writes 隨后 and 隨後 alike.)
        Target::Hans | Target::Mainland => Route::Traditional {
            repair: None,
            // (bianyi-tw2s is bianyi-tw2t and t2s in one pass, and so on.)
            steps: Steps::of(match (standard, phrases) {
                (Taiwan, false) => &["bianyi-tw2s"],
                (Taiwan | OpenCc, true) => &["bianyi-tw2sp"],
                (HongKong, true) => &["bianyi-hk2tp", "bianyi-t2s"],
                (HongKong, false) => &["bianyi-hk2s"],
                (OpenCc, false) => &["bianyi-t2s"],
            }),
        },
        Target::Hant => Route::Traditional {
            repair: repair(Config::S2t),
            steps: Steps::of(&[residue]),
        },
        Target::Taiwan => Route::Traditional {
            repair: repair(if phrases { Config::S2twp } else { Config::S2tw }),
            steps: if vocabulary(Taiwan) {
                let from = if standard == Taiwan {
                    "bianyi-tw2t"
                } else {
                    to_opencc(Taiwan)
                };
                Steps::of(&[residue, from, "bianyi-t2twp"])
            } else {
                Steps::of(&[residue, to_opencc(Taiwan), "t2tw"])
            },
        },
        Target::HongKong => Route::Traditional {
            repair: repair(if phrases { Config::S2hkp } else { Config::S2hk }),
            steps: if vocabulary(HongKong) {
                let from = if standard == HongKong {
                    "hk2t"
                } else {
                    to_opencc(HongKong)
                };
                Steps::of(&[residue, from, "bianyi-t2hkp"])
            } else if standard == HongKong {
                // Hong Kong writes 說 and 説, 溫 and 温, 搵 and 揾 alike:
                // its own text keeps the forms its author chose.
                Steps::of(&[residue])
            } else {
                Steps::of(&[residue, to_opencc(HongKong), "t2hk"])
            },
        },
    }
}

/// The converter of an OpenCC config (built once and shared).
pub(crate) fn config_converter(config: Config, tofu_risk: bool) -> Option<&'static Converter> {
    static ALL: [OnceLock<Vec<Converter>>; 2] = [OnceLock::new(), OnceLock::new()];
    let all = ALL[usize::from(tofu_risk)].get_or_init(|| {
        Config::ALL
            .iter()
            .map(|&c| Converter::builder(c).tofu_risk(tofu_risk).build())
            .collect()
    });
    all.iter().find(|c| c.config() == Some(config))
}

/// A document being converted to a target: the verdict on its start, and
/// paragraph-by-paragraph conversion that judges each paragraph with that
/// verdict as prior.
///
/// ```
/// use bianyi_convert::{Target, TargetConverter};
///
/// let to_hans = TargetConverter::new(Target::Hans);
/// let text = "這裡的天氣很好，他說。\n佢話衞生署嘅通告好清楚，説明咗温度嘅變化。\n";
/// let doc = to_hans.document(text);
/// assert_eq!(
///     doc.convert(text),
///     "这里的天气很好，他说。\n佢话卫生署嘅通告好清楚，说明咗温度嘅变化。\n"
/// );
/// ```
#[derive(Clone, Debug)]
pub struct Document {
    converter: TargetConverter,
    detection: Detection,
    /// The route of a paragraph without evidence against the document.
    typical: Route,
}

impl Document {
    /// The converter this document converts with.
    pub fn converter(&self) -> &TargetConverter {
        &self.converter
    }

    /// The verdict on the document.
    pub fn detection(&self) -> &Detection {
        &self.detection
    }

    /// Whether a paragraph with `counts` shows nothing that could make its
    /// route differ from the document's typical one: its script's forms
    /// only, and for Traditional nothing of another standard (nor, with
    /// phrases, any regional word).
    fn agrees(&self, c: &Counts) -> bool {
        if c.han == 0 {
            return false;
        }
        let words = c.mainland_vs_taiwan_words
            + c.taiwan_words
            + c.mainland_vs_hong_kong_words
            + c.hong_kong_words;
        if self.converter.phrases && words > 0 {
            return false;
        }
        let d = &self.detection;
        match d.script {
            Script::Simplified => c.traditional == 0,
            Script::Traditional => {
                c.simplified == 0
                    && match d.standard {
                        Some(Standard::Taiwan) => {
                            c.not_taiwan + c.hong_kong_forms + c.cantonese == 0
                        }
                        Some(Standard::HongKong) => c.not_hong_kong + c.taiwan_forms == 0,
                        _ => c.not_opencc + c.taiwan_forms + c.hong_kong_forms == 0,
                    }
            }
            _ => false,
        }
    }

    fn region(&self) -> Option<Standard> {
        region_of(&self.detection)
    }

    /// The verdict on one paragraph, with the document's as prior.
    pub fn judge(&self, paragraph: &str) -> Detection {
        // Words matter only to the vocabulary, which only phrases change.
        let mut d = if self.converter.phrases {
            Detector::new()
        } else {
            Detector::characters_only()
        };
        d.feed(paragraph);
        d.detection_given(&self.detection)
    }

    /// The route for one paragraph (or clause).
    pub fn route(&self, paragraph: &str) -> Route {
        self.converter
            .route(&self.judge(paragraph), &self.detection)
    }

    /// The pieces of `paragraph` converted apart, with their routes: the
    /// paragraph whole, or, when it mixes scripts, clause by clause (cut
    /// after spaces and punctuation), each judged with the paragraph's
    /// verdict as prior.
    pub fn pieces<'t>(&self, paragraph: &'t str) -> Vec<(&'t str, Route)> {
        self.pieces_counted(paragraph, crate::detect::scan(paragraph, None))
    }

    /// [`Document::pieces`] of a paragraph whose characters were counted.
    fn pieces_counted<'t>(&self, paragraph: &'t str, counts: Counts) -> Vec<(&'t str, Route)> {
        match self.whole_route(paragraph, counts) {
            Ok(route) => vec![(paragraph, route)],
            Err(d) => self.clause_pieces(paragraph, &d),
        }
    }

    /// The route of a paragraph whose characters were counted, when it is
    /// converted whole, else its verdict (it mixes scripts): what
    /// [`Document::pieces`] decides first, without a vector for the one
    /// piece most paragraphs are.
    /// (Boxed: a mixed paragraph is rare and allocates its clauses anyway.)
    fn whole_route(&self, paragraph: &str, counts: Counts) -> Result<Route, Box<Detection>> {
        let mut detector = Detector::from_counts(counts);
        // Words matter only to the vocabulary, which only phrases change.
        if self.converter.phrases {
            detector.feed_words(paragraph);
        }
        // Most paragraphs show nothing against their document: they take its
        // route without being judged.
        if self.agrees(detector.counts()) {
            return Ok(self.typical);
        }
        let d = detector.detection_given(&self.detection);
        if d.script != Script::Mixed {
            return Ok(self.converter.route(&d, &self.detection));
        }
        Err(Box::new(d))
    }

    /// The clauses of a paragraph judged mixed (as `d`), with their routes.
    fn clause_pieces<'t>(&self, paragraph: &'t str, d: &Detection) -> Vec<(&'t str, Route)> {
        // Each clause by its own evidence (more Simplified-only than
        // Traditional-only forms, or the other way), else by the
        // paragraph's. Traditional clauses of a mixed paragraph come from a
        // partial conversion of mainland text: they get its vocabulary
        // fixed too, with phrases.
        let simplified_paragraph = d.counts.simplified >= d.counts.traditional;
        let region = self.region();
        clauses(paragraph)
            .map(|clause| {
                let mut c = Detector::characters_only();
                c.feed(clause);
                let counts = c.counts();
                let source = if counts.han == 0 {
                    Source::Nothing
                } else if counts.simplified > counts.traditional
                    || (counts.simplified == counts.traditional && simplified_paragraph)
                {
                    Source::Simplified
                } else {
                    Source::Traditional {
                        standard: c.detection_given(d).standard.unwrap_or(Standard::Taiwan),
                        mainland_origin: true,
                        simplified_forms: counts.simplified > 0,
                    }
                };
                let tc = &self.converter;
                (clause, route(tc.target, tc.phrases, source, region))
            })
            .collect()
    }

    /// Converts `text`, paragraph by paragraph (a paragraph ends with a
    /// line feed).
    pub fn convert(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + text.len() / 8);
        self.convert_into(text, &mut out);
        out
    }

    /// Converts `text`, paragraph by paragraph, appending to `out`.
    /// Consecutive paragraphs that take the same route are converted
    /// together (a line feed is in no key of any table, so this is the
    /// same as converting them one by one).
    pub fn convert_into(&self, text: &str, out: &mut String) {
        let options = &self.converter;
        // The run of paragraphs with one route (start, end, route), and what
        // the scans found in it (offsets from its start).
        let mut run: Option<(usize, usize, Route)> = None;
        let mut interest: Vec<u32> = Vec::new();
        let mut found: Vec<u32> = Vec::new();
        let flush =
            |run: Option<(usize, usize, Route)>, interest: &mut Vec<u32>, out: &mut String| {
                if let Some((s, e, r)) = run {
                    convert_with(r, options, &text[s..e], out, None, Some(interest));
                }
                interest.clear();
            };
        let mut at = 0;
        for paragraph in lines(text) {
            let start = at;
            at += paragraph.len();
            found.clear();
            let counts = crate::detect::scan(paragraph, Some(&mut found));
            let d = match self.whole_route(paragraph, counts) {
                Ok(route) => {
                    match run {
                        Some((s, _, r)) if r == route => run = Some((s, at, r)),
                        _ => {
                            flush(run, &mut interest, out);
                            run = Some((start, at, route));
                        }
                    }
                    if let Some((s, _, _)) = run {
                        let shift = u32::try_from(start - s).unwrap_or(u32::MAX);
                        interest.extend(found.iter().map(|&p| p.saturating_add(shift)));
                    }
                    continue;
                }
                Err(d) => d,
            };
            flush(run.take(), &mut interest, out);
            for (piece, route) in self.clause_pieces(paragraph, &d) {
                convert_with(route, options, piece, out, None, None);
            }
        }
        flush(run, &mut interest, out);
    }
}

/// The lines of `text`, each with its line feed (the last one may have
/// none): `str::split_inclusive`, with memchr.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = memchr::memchr(b'\n', rest.as_bytes()).map_or(rest.len(), |i| i + 1);
        let (line, after) = rest.split_at(end);
        rest = after;
        Some(line)
    })
}

/// The clauses of `text`: each ends after a run of spaces or punctuation.
fn clauses(text: &str) -> impl Iterator<Item = &str> {
    let breaks =
        |c: char| c.is_whitespace() || "。，、；：！？「」『』（）《》〈〉,.;:!?()".contains(c);
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut end = rest.len();
        let mut in_break = false;
        for (i, c) in rest.char_indices() {
            if breaks(c) {
                in_break = true;
            } else if in_break {
                end = i;
                break;
            }
        }
        let (clause, after) = rest.split_at(end);
        rest = after;
        Some(clause)
    })
}

/// Converts `text` by `route`, appending to `out`; `unit` sees what the
/// word-by-word conversion from Simplified did.
pub(crate) fn convert_with(
    route: Route,
    options: &TargetConverter,
    text: &str,
    out: &mut String,
    unit: Option<&mut dyn FnMut(Unit<'_>)>,
    interest: Option<&[u32]>,
) {
    let tofu_risk = options.tofu_risk;
    // User dictionaries: in front of the first stage of the config from
    // Simplified, or else as a stage of their own before the route.
    let with_dicts = match (route, options.dicts) {
        (Route::FromSimplified(config), Some(d)) => d.config(config, tofu_risk),
        _ => None,
    };
    let before;
    let (text, interest) = match options.dicts {
        Some(d) if with_dicts.is_none() => {
            let mut t = String::with_capacity(text.len() + text.len() / 8);
            d.alone().convert_into(text, &mut t);
            // (What the scan found is where it was only in unchanged text.)
            let same = t == text;
            before = t;
            (before.as_str(), interest.filter(|_| same))
        }
        _ => (text, interest),
    };
    match route {
        Route::Keep => out.push_str(text),
        Route::FromSimplified(config) => match with_dicts
            .as_ref()
            .or_else(|| config_converter(config, tofu_risk))
        {
            // Simplified writes the particle 着 and keeps 著 for zhù (著名):
            // a particle 著 in Simplified text is a Traditional form left in
            // it, which s2t and s2hk would keep, though their standards
            // write 着 (Taiwan's writes 著 for both).
            Some(conv)
                if config != Config::S2tw
                    && config != Config::S2twp
                    && memchr::memmem::find(text.as_bytes(), "著".as_bytes()).is_some() =>
            {
                let mut cleaned = String::with_capacity(text.len());
                match step_id("bianyi-simplified-residue")
                    .and_then(|id| step_converter(id, tofu_risk))
                {
                    Some(zhu) => repair_traditional(zhu, text, &mut cleaned, true),
                    None => cleaned.push_str(text),
                }
                let interest = interest.filter(|_| cleaned.len() == text.len());
                from_simplified(conv, &cleaned, out, unit, options.word_by_word, interest);
            }
            Some(conv) => from_simplified(conv, text, out, unit, options.word_by_word, interest),
            None => out.push_str(text),
        },
        Route::Traditional { repair, steps } => {
            let mut current = std::borrow::Cow::Borrowed(text);
            if let Some(conv) = repair.and_then(|c| config_converter(c, tofu_risk)) {
                let mut next = String::with_capacity(text.len() + text.len() / 8);
                repair_simplified(conv, &current, &mut next);
                current = std::borrow::Cow::Owned(next);
            }
            let convs: Vec<&Converter> = steps.converters(tofu_risk).collect();
            for (k, conv) in convs.iter().enumerate() {
                let mut next = String::with_capacity(current.len() + current.len() / 8);
                // The residue of a mechanical conversion is repaired only
                // where the word split agrees (會|干擾 keeps its 干).
                if conv.name().starts_with("bianyi-residue") {
                    repair_residue(conv, &current, &mut next);
                } else if conv.name() == "bianyi-simplified-residue" {
                    repair_traditional(conv, &current, &mut next, false);
                } else if k + 1 == convs.len() {
                    conv.convert_into(&current, out);
                    return;
                } else {
                    conv.convert_into(&current, &mut next);
                }
                current = std::borrow::Cow::Owned(next);
            }
            out.push_str(&current);
        }
    }
}

/// Applies the residue dictionary of `conv` (one stage) to Traditional
/// `text` where the residue lies within a word or covers whole words of the
/// most probable split, made on the text's Simplified spelling (each
/// character to its t2s default) with jieba's words.
fn repair_residue(conv: &Converter, text: &str, out: &mut String) {
    // Correct text, the common case, has no residue: one fast pass says so.
    let quick = conv.convert(text);
    if quick == text {
        out.push_str(text);
        return;
    }
    let Some(&residue) = conv.stage_dicts().first() else {
        out.push_str(&quick);
        return;
    };
    let Some(&ts) = step_id("t2s")
        .and_then(|id| step_converter(id, false))
        .and_then(|c| c.stage_dicts().first())
    else {
        out.push_str(&quick);
        return;
    };
    // The fast pass changed each line as it would have alone: only the
    // lines it changed need the word split.
    let mut quick_lines = lines(&quick);
    repair_lines(
        text,
        out,
        |line| quick_lines.next() != Some(line),
        |line, out| repair_residue_line(residue, ts, line, out),
    );
}

/// [`repair_residue`] on one line that has residue (`residue`: the stage's
/// dictionary; `ts`: t2s's characters).
fn repair_residue_line(residue: Dict, ts: Dict, text: &str, out: &mut String) {
    // The Simplified spelling, character for character.
    let mut simplified = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        let one = &text[i..i + c.len_utf8()];
        match ts.value_of(one).map(|v| ts.value_text(v)) {
            Some(v) if v.chars().count() == 1 => simplified.push_str(&v),
            _ => simplified.push(c),
        }
    }
    // Word boundaries at character positions, carried to `text`.
    let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    let simplified_starts: Vec<usize> = simplified.char_indices().map(|(i, _)| i).collect();
    let mut bounds = vec![false; text.len() + 1];
    bounds[text.len()] = true;
    // The split that conversion from Simplified makes (jieba's words and
    // s2t's phrases), so that text it wrote (划了一會, "rowed a while") is
    // split as it was and its words' guards apply.
    let phrases =
        config_converter(Config::S2t, false).and_then(|c| c.stage_dicts().first().copied());
    crate::words::for_each_word(&simplified, phrases, |s, _| {
        if let Ok(k) = simplified_starts.binary_search(&s) {
            bounds[starts[k]] = true;
        }
    });
    crate::context::apply_within_words(&residue, text, &bounds, out);
}

/// Simplified text with Traditional forms in it (stray characters, or the
/// particle 著 that Taiwan writes): the words that hold a Traditional-only
/// form or 著 are converted with `conv`'s chain (bianyi-tw2s: 著 stays in
/// the words where Simplified keeps it); every other word is kept as it is,
/// so that Simplified text stays as it is (於 of 於潜 too). With
/// `only_zhu`, only the words that hold 著 are converted.
fn repair_traditional(conv: &Converter, text: &str, out: &mut String, only_zhu: bool) {
    let classes = crate::tables::CharMap::get(crate::tables::DETECT.classes);
    let traditional = |w: &str| {
        w.chars().any(|c| {
            c == '著' || !only_zhu && classes.slot(c as u32) & crate::layout::CLASS_T_ONLY != 0
        })
    };
    // Split with t2s's phrases too, so that a word Simplified writes with
    // such a form (於潜, from t2s's 於潛) is one word, which `conv` keeps.
    let phrases = conv.stage_dicts().last().copied();
    let keys: Vec<Dict> = phrases.into_iter().chain([Dict::get(WORDS)]).collect();
    let mut words = Vec::new();
    repair_lines(text, out, traditional, |line, out| {
        repair_clauses(line, &keys, out, traditional, |clause, out| {
            words.clear();
            crate::words::for_each_word(clause, phrases, |s, e| words.push((s, e)));
            convert_runs(
                clause,
                &words,
                out,
                |s, e| traditional(&clause[s..e]),
                |run, out| {
                    conv.convert_into(run, out);
                },
            );
        });
    });
}

/// Copies `line` to `out`, except the clauses that `needs` picks, which go
/// through `repair` together with their neighbours as far as points that no
/// key of `keys` (the dictionaries the repair splits and matches with)
/// crosses, so that they split into words as they would within their line:
/// the word split costs more than anything else here, and a line with one
/// form to repair is mostly clauses without any.
fn repair_clauses(
    line: &str,
    keys: &[Dict],
    out: &mut String,
    needs: impl Fn(&str) -> bool,
    mut repair: impl FnMut(&str, &mut String),
) {
    let b = line.as_bytes();
    let most = keys.iter().map(|d| d.trie.max_key_chars).max().unwrap_or(0);
    // Whether a key starting before byte `p` ends after it.
    let crossed = |p: usize| {
        let mut q = p;
        for _ in 1..most {
            if q == 0 {
                return false;
            }
            q = crate::context::before(b, q);
            if keys
                .iter()
                .any(|d| d.longest(line, q).is_some_and(|f| f.end > p))
            {
                return true;
            }
        }
        false
    };
    // Where a clause may end: after a punctuation mark (checked for keys
    // across it only where a repair needs it), and the line's ends.
    let mut cuts = vec![0];
    cuts.extend(
        line.char_indices()
            .filter(|&(_, c)| CLAUSE_ENDS.contains(c))
            .map(|(i, c)| i + c.len_utf8())
            .filter(|&p| p < b.len()),
    );
    cuts.push(b.len());
    let mut done = 0;
    let mut k = 0;
    while k + 1 < cuts.len() {
        if !needs(&line[cuts[k]..cuts[k + 1]]) {
            k += 1;
            continue;
        }
        let mut first = k;
        while cuts[first] > done && crossed(cuts[first]) {
            first -= 1;
        }
        let mut last = k + 1;
        while last + 1 < cuts.len() && crossed(cuts[last]) {
            last += 1;
        }
        let (start, end) = (cuts[first].max(done), cuts[last]);
        out.push_str(&line[done..start]);
        repair(&line[start..end], out);
        done = end;
        k = last;
    }
    out.push_str(&line[done..]);
}

/// The punctuation marks after which [`repair_clauses`] may cut a line.
const CLAUSE_ENDS: &str = "。，、；：！？「」『』（）《》〈〉";

/// Copies the lines of `text` to `out`, except those `needs` picks (it sees
/// each line once, in order), which go through `repair`. No key of any
/// table holds a line feed, so a line splits into words and converts as it
/// would alone: the word split, the costly part of a repair, is made only
/// for the lines that may change.
fn repair_lines(
    text: &str,
    out: &mut String,
    mut needs: impl FnMut(&str) -> bool,
    mut repair: impl FnMut(&str, &mut String),
) {
    for line in lines(text) {
        if needs(line) {
            repair(line, out);
        } else {
            out.push_str(line);
        }
    }
}

/// Copies the `words` of `text` (byte ranges that tile it) to `out`, except
/// runs of consecutive words `select` picks, which go through `convert`
/// together (so that a chain's phrases still see across word boundaries).
fn convert_runs(
    text: &str,
    words: &[(usize, usize)],
    out: &mut String,
    select: impl Fn(usize, usize) -> bool,
    mut convert: impl FnMut(&str, &mut String),
) {
    let mut run_start = None;
    for (k, &(s, e)) in words.iter().enumerate() {
        let selected = select(s, e);
        match (selected, run_start) {
            (true, None) => run_start = Some(s),
            (false, Some(start)) => {
                convert(&text[start..s], out);
                run_start = None;
            }
            _ => {}
        }
        if !selected {
            out.push_str(&text[s..e]);
        }
        if k + 1 == words.len()
            && let Some(start) = run_start
        {
            convert(&text[start..e], out);
        }
    }
}

/// From Simplified, word by word (normalised first, as OpenCC does).
fn from_simplified(
    conv: &Converter,
    text: &str,
    out: &mut String,
    unit: Option<&mut dyn FnMut(Unit<'_>)>,
    word_by_word: bool,
    interest: Option<&[u32]>,
) {
    let normalized;
    let (text, interest) = if has_compat_lead(text.as_bytes()) && conv.normalizes(text) {
        normalized = conv.normalize(text);
        // Offsets into the text before normalisation are no use after it.
        (normalized.as_str(), None)
    } else {
        (text, interest)
    };
    match unit {
        None if !word_by_word => convert_fast(conv, text, out, interest),
        unit => convert_words(conv, text, out, unit),
    }
}

/// Whether `b` may hold a compatibility ideograph: their lead bytes (EF
/// A4..AB: U+F900..FAFF; F0 AF A0..A8: U+2F800..2FA1F), looked for before
/// the normalisation tables are, since such ideographs are rare.
fn has_compat_lead(b: &[u8]) -> bool {
    let at = |i: usize| {
        let x = b[i];
        x == 0xEF && matches!(b.get(i + 1), Some(0xA4..=0xAB))
            || x == 0xF0 && b.get(i + 1) == Some(&0xAF) && matches!(b.get(i + 2), Some(0xA0..=0xA8))
    };
    // Fullwidth punctuation (，：) also starts with EF, so a search for the
    // lead byte stops every few characters of Chinese text; blocks checked
    // without an early exit inside one vectorise instead.
    const BLOCK: usize = 64;
    let body = b.len().saturating_sub(2);
    let mut i = 0;
    while i < body {
        let end = (i + BLOCK).min(body);
        let mut hit = false;
        for k in i..end {
            let (x, y, z) = (b[k], b[k + 1], b[k + 2]);
            hit |= (x == 0xEF) & (y.wrapping_sub(0xA4) < 8)
                | (x == 0xF0) & (y == 0xAF) & (z.wrapping_sub(0xA0) < 9);
        }
        if hit {
            return true;
        }
        i = end;
    }
    (body..b.len()).any(at)
}

/// The spans of `text` that are words s2t writes with a character that is
/// otherwise Simplified only (`generated/TraditionalKeeps`), longest first.
fn traditional_keeps(text: &str) -> Vec<(usize, usize)> {
    let Some(dict) = traditional_keeps_dict() else {
        return Vec::new();
    };
    let mut spans = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let mut longest = None;
        dict.for_each_match(text, i, |end, _| longest = Some(end));
        match longest {
            Some(end) => {
                spans.push((i, end));
                i = end;
            }
            None => i += text[i..].chars().next().map_or(1, char::len_utf8),
        }
    }
    spans
}

/// The dictionary of `generated/TraditionalKeeps` (built once).
fn traditional_keeps_dict() -> Option<Dict> {
    static KEEPS: OnceLock<Option<Converter>> = OnceLock::new();
    KEEPS
        .get_or_init(|| Converter::pipeline_builder("bianyi-traditional-keeps").map(|b| b.build()))
        .as_ref()
        .and_then(|c| c.stage_dicts().first().copied())
}

/// Traditional text with Simplified forms in it: the words that hold one
/// (in the most probable split into words) are converted from Simplified
/// with `conv`; every other word is kept as it is.
fn repair_simplified(conv: &Converter, text: &str, out: &mut String) {
    let Some(&first) = conv.stage_dicts().first() else {
        out.push_str(text);
        return;
    };
    let classes = crate::tables::CharMap::get(crate::tables::DETECT.classes);
    let simplified = |w: &str| {
        w.chars()
            .any(|c| classes.slot(c as u32) & crate::layout::CLASS_S_ONLY != 0)
    };
    let keys: Vec<Dict> = [first, Dict::get(WORDS)]
        .into_iter()
        .chain(traditional_keeps_dict())
        .collect();
    let mut words = Vec::new();
    repair_lines(text, out, simplified, |line, out| {
        repair_clauses(line, &keys, out, simplified, |clause, out| {
            // Words that s2t itself writes with such a form (虱目魚) are
            // kept, and so is every word of the split that overlaps one.
            let kept = traditional_keeps(clause);
            let overlaps_kept = |s: usize, e: usize| kept.iter().any(|&(a, b)| a < e && s < b);
            words.clear();
            crate::words::for_each_word(clause, Some(first), |s, e| words.push((s, e)));
            // Runs of words to convert go through the whole chain together.
            convert_runs(
                clause,
                &words,
                out,
                |s, e| simplified(&clause[s..e]) && !overlaps_kept(s, e),
                |run, out| from_simplified(conv, run, out, None, false, None),
            );
        });
    });
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

    #[test]
    fn every_step_is_compiled() {
        for (id, name) in STEP_NAMES.iter().enumerate() {
            assert!(
                step_converter(id, false).is_some(),
                "{name} has no compiled tables"
            );
        }
    }
}
