//! One type for "a conversion" ([`Conversion`]: an OpenCC config or a
//! target, with options) and one builder for how it runs ([`Run`]: whole
//! text, stream or file, on how many threads, with or without a [`Hook`]).
//!
//! The engines underneath are [`Converter`] (one OpenCC config: the fast
//! single pass, the pipelined stream, the file read in pieces by its
//! threads) and [`TargetConverter`] (a target, paragraph by paragraph after
//! judging the document). A `Conversion` chooses between them; nothing here
//! converts text itself.

use std::fs::File;
use std::io::{BufRead, BufReader, Read, Write};

use crate::config::Config;
use crate::custom::CustomConfig;
use crate::detect::Detection;
use crate::engine::Converter;
use crate::error::{Error, ErrorKind, Position};
use crate::file::{At, SIZES, convert_file};
use crate::report::Ambiguity;
use crate::stream::{check_utf8, convert_pieces, cut_in_window, find_cut, pipeline, text_part};
use crate::target::{DETECT_BYTES, Document, Target, TargetConverter, TargetDicts};

/// What a [`Conversion`] converts to.
///
/// Made from a [`Config`] or a [`Target`] with `into()`, so that
/// [`Conversion::new`] takes either.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum To {
    /// An OpenCC config (`s2twp`): exactly OpenCC's conversion.
    Config(Config),
    /// A target (`zh-TW`): the chain is chosen from the detected source,
    /// paragraph by paragraph, and correct text is kept.
    Target(Target),
    /// An OpenCC config loaded at run time (a JSON file, or a built-in
    /// config with user dictionaries).
    Custom(CustomConfig),
}

impl To {
    /// The language a conversion to this writes, as a target: the target
    /// itself, or what a config writes (`s2twp` writes zh-TW, `t2s`
    /// zh-Hans, `tw2sp` zh-CN; `s2t`, `t2jp` and the other configs
    /// OpenCC's standard, zh-Hant). For tagging output and rendering
    /// glossary terms.
    ///
    /// ```
    /// use bianyi_convert::{Config, Target, To};
    ///
    /// assert_eq!(To::Config(Config::S2twp).language(), Target::Taiwan);
    /// assert_eq!(To::Target(Target::HongKong).language(), Target::HongKong);
    /// ```
    pub fn language(self) -> Target {
        match self {
            To::Target(target) => target,
            // A loaded config writes what the built-in config it is like
            // writes; an unknown one is taken for OpenCC's standard.
            To::Custom(custom) => custom
                .like()
                .map_or(Target::Hant, |c| To::Config(c).language()),
            To::Config(config) => match config {
                Config::T2s | Config::Tw2s | Config::Hk2s => Target::Hans,
                Config::Tw2sp | Config::Hk2sp => Target::Mainland,
                Config::S2tw | Config::S2twp | Config::T2tw => Target::Taiwan,
                Config::S2hk | Config::S2hkp | Config::T2hk => Target::HongKong,
                _ => Target::Hant,
            },
        }
    }
}

impl From<Config> for To {
    fn from(config: Config) -> To {
        To::Config(config)
    }
}

impl From<CustomConfig> for To {
    fn from(config: CustomConfig) -> To {
        To::Custom(config)
    }
}

impl From<Target> for To {
    fn from(target: Target) -> To {
        To::Target(target)
    }
}

/// A conversion: what to convert to, and how.
///
/// Build one with [`Conversion::new`] (default options) or
/// [`Conversion::builder`]; convert text with [`Conversion::convert`], or
/// choose how it runs (threads, a stream, a file, a [`Hook`]) with
/// [`Conversion::run`]. A `Conversion` is immutable and `Send + Sync`:
/// share one between threads.
///
/// ```
/// use bianyi_convert::{Config, Conversion, Target};
///
/// let s2twp = Conversion::new(Config::S2twp);
/// assert_eq!(s2twp.convert("鼠标和软件"), "滑鼠和軟體");
///
/// let to_hant = Conversion::builder(Target::Hant).corner_quotes(true).build();
/// assert_eq!(to_hant.convert("他说：“头发很长。”"), "他說：「頭髮很長。」");
///
/// // Streaming: the same bytes, in bounded memory, on two threads.
/// let mut out = Vec::new();
/// let done = s2twp.run().threads(2).stream("内存和硬盘\n".as_bytes(), &mut out)?;
/// assert_eq!(String::from_utf8(out)?, "記憶體和硬碟\n");
/// assert_eq!((done.read, done.written), (16, 19));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct Conversion {
    to: To,
    engine: Engine,
    corner_quotes: bool,
}

/// The engine of a conversion.
#[derive(Clone, Debug)]
enum Engine {
    /// Boxed: a converter's plan is a few hundred bytes.
    Config(Box<Converter>),
    Target(TargetConverter),
}

/// Options for a [`Conversion`].
///
/// ```
/// use bianyi_convert::{Conversion, Target};
///
/// let to_tw = Conversion::builder(Target::Taiwan).phrases(true).build();
/// assert_eq!(to_tw.convert("鼠标和软件"), "滑鼠和軟體");
/// ```
#[derive(Clone, Debug)]
pub struct ConversionBuilder {
    to: To,
    tofu_risk: bool,
    phrases: bool,
    corner_quotes: bool,
    general: bool,
    dicts: Option<TargetDicts>,
}

impl ConversionBuilder {
    /// Also use the dictionaries OpenCC marks `may_output_tofu`: they map to
    /// characters that older fonts may lack (e.g. TSCharactersExt in t2s).
    /// Off by default, as in OpenCC's command-line tool.
    pub fn tofu_risk(mut self, yes: bool) -> ConversionBuilder {
        self.tofu_risk = yes;
        self
    }

    /// For a target: also convert regional vocabulary (软件 ↔ 軟體, 鼠标 ↔
    /// 滑鼠) where the source's region differs from the target's. A config
    /// says itself whether it converts phrases (`s2twp`, `tw2sp`): this
    /// option does not change it.
    pub fn phrases(mut self, yes: bool) -> ConversionBuilder {
        self.phrases = yes;
        self
    }

    /// Write curly quotes as corner brackets, as Taiwan and Hong Kong do:
    /// “ ” → 「 」, ‘ ’ → 『 』. Applies to converted text only (not to what
    /// a [`Hook`] writes itself).
    pub fn corner_quotes(mut self, yes: bool) -> ConversionBuilder {
        self.corner_quotes = yes;
        self
    }

    /// For a target: user dictionaries in front of its conversions
    /// ([`TargetDicts`]). A config takes them in front of its first stage
    /// when loaded ([`CustomConfig::builtin_sources`]): this option does
    /// not change it.
    pub fn dicts(mut self, dicts: TargetDicts) -> ConversionBuilder {
        self.dicts = Some(dicts);
        self
    }

    /// For tests: a config's [`crate::ConverterBuilder::general_path`].
    #[doc(hidden)]
    pub fn general_path(mut self, yes: bool) -> ConversionBuilder {
        self.general = yes;
        self
    }

    /// Builds the conversion.
    pub fn build(self) -> Conversion {
        let engine = match self.to {
            To::Config(config) => Engine::Config(Box::new(
                Converter::builder(config)
                    .tofu_risk(self.tofu_risk)
                    .general_path(self.general)
                    .build(),
            )),
            To::Custom(custom) => Engine::Config(Box::new(
                Converter::custom(custom)
                    .tofu_risk(self.tofu_risk)
                    .general_path(self.general)
                    .build(),
            )),
            To::Target(target) => {
                let converter = TargetConverter::new(target)
                    .tofu_risk(self.tofu_risk)
                    .phrases(self.phrases);
                Engine::Target(match self.dicts {
                    Some(d) => converter.dicts(d),
                    None => converter,
                })
            }
        };
        Conversion {
            to: self.to,
            engine,
            corner_quotes: self.corner_quotes,
        }
    }
}

impl Conversion {
    /// A conversion to `to` (a [`Config`] or a [`Target`]) with default
    /// options.
    pub fn new(to: impl Into<To>) -> Conversion {
        Conversion::builder(to).build()
    }

    /// Options beyond what to convert to.
    pub fn builder(to: impl Into<To>) -> ConversionBuilder {
        ConversionBuilder {
            to: to.into(),
            tofu_risk: false,
            phrases: false,
            corner_quotes: false,
            general: false,
            dicts: None,
        }
    }

    /// What this conversion converts to.
    pub fn to(&self) -> To {
        self.to
    }

    /// The language this conversion writes ([`To::language`]).
    pub fn language(&self) -> Target {
        self.to.language()
    }

    /// Whether the tofu-risk dictionaries are in use.
    pub fn tofu_risk(&self) -> bool {
        match &self.engine {
            Engine::Config(c) => c.tofu_risk(),
            Engine::Target(t) => t.tofu_risk_enabled(),
        }
    }

    /// Whether a target's regional vocabulary is converted.
    pub fn phrases(&self) -> bool {
        match &self.engine {
            Engine::Config(_) => false,
            Engine::Target(t) => t.uses_phrases(),
        }
    }

    /// Whether curly quotes become corner brackets.
    pub fn corner_quotes(&self) -> bool {
        self.corner_quotes
    }

    /// Converts `text`. A target's document is judged from the start of
    /// `text` (its first [`DETECT_BYTES`]).
    pub fn convert(&self, text: &str) -> String {
        self.prepare(sample(text)).convert(text)
    }

    /// Converts `text`, appending the result to `out`.
    pub fn convert_into(&self, text: &str, out: &mut String) {
        self.prepare(sample(text)).convert_into(text, out);
    }

    /// The last place in `text` where it may be cut so that its two sides,
    /// converted one after the other, give what the whole gives: a cut of
    /// the kind [`Run::text`] splits a text at for its threads (after a
    /// line feed, after a character no key contains, or at a boundary every
    /// dictionary agrees on). `text` must start where a conversion may
    /// start: at the start of a document or at a cut found before. `None`
    /// when `text` has no such place, and for a target's conversion or one
    /// with corner quotes (both read a whole document).
    ///
    /// ```
    /// use bianyi_convert::{Config, Conversion};
    ///
    /// let t2s = Conversion::new(Config::T2s);
    /// let text = "頭髮很長。\n漢字轉換";
    /// let cut = t2s.safe_cut(text).unwrap();
    /// assert_eq!(&text[..cut], "頭髮很長。\n");
    /// let parts = t2s.convert(&text[..cut]) + &t2s.convert(&text[cut..]);
    /// assert_eq!(parts, t2s.convert(text));
    /// ```
    pub fn safe_cut(&self, text: &str) -> Option<usize> {
        match &self.engine {
            Engine::Config(c) if !self.corner_quotes => find_cut(c, text),
            _ => None,
        }
    }

    /// [`Conversion::safe_cut`] for the text whose characters are `text`:
    /// the number of characters before a safe cut. The cut is looked for
    /// in the last 4,096 characters first (their UTF-8; after a newline,
    /// or after a character in no key), then in a window four times as
    /// long, and so on to the whole text, so a text with a cut near its
    /// end costs the same whatever its length.
    ///
    /// ```
    /// use bianyi_convert::{Config, Conversion};
    ///
    /// let text: Vec<char> = "頭髮很長。\n漢字轉換".chars().collect();
    /// assert_eq!(Conversion::new(Config::T2s).safe_cut_chars(&text), Some(6));
    /// ```
    pub fn safe_cut_chars(&self, text: &[char]) -> Option<usize> {
        let conv = match &self.engine {
            Engine::Config(c) if !self.corner_quotes => c,
            _ => return None,
        };
        let mut window = CUT_WINDOW_CHARS.min(text.len());
        loop {
            let from = text.len() - window;
            let utf8: String = text[from..].iter().collect();
            // A window that does not start the text only has the cuts
            // decided by the text after them.
            let cut = if from == 0 {
                find_cut(conv, &utf8)
            } else {
                cut_in_window(conv, &utf8)
            };
            if let Some(cut) = cut {
                return Some(from + utf8[..cut].chars().count());
            }
            if from == 0 {
                return None;
            }
            window = window.saturating_mul(4).min(text.len());
        }
    }

    /// Whether [`Run::chars_into_utf32`] on one thread reads characters
    /// themselves, without encoding them to UTF-8 first: a config of one
    /// greedy pass (s2t, t2s, t2tw, tw2t, t2hk, hk2t, t2jp, jp2t), without corner quotes.
    pub fn reads_chars(&self) -> bool {
        match &self.engine {
            Engine::Config(c) => !self.corner_quotes && c.reads_chars(),
            _ => false,
        }
    }

    /// The places in `text` where this conversion chose among several
    /// candidates (or, for a target, applied a context rule), in input
    /// order. Slower than converting: each choice is traced.
    ///
    /// ```
    /// use bianyi_convert::{Config, Conversion};
    ///
    /// let found = Conversion::new(Config::S2t).ambiguities("头发很长");
    /// // 发 could be 發 or 髮: the phrase 头发 chose 髮.
    /// assert_eq!((found[0].source.as_str(), found[0].output.as_str()), ("发", "髮"));
    /// ```
    pub fn ambiguities(&self, text: &str) -> Vec<Ambiguity> {
        match &self.engine {
            Engine::Config(c) => c.ambiguities(text),
            Engine::Target(t) => t.ambiguities(text),
        }
    }

    /// This conversion for one document whose start is `sample`: a target
    /// judges the document from it once, and then converts the document's
    /// pieces (paragraphs, strings of a JSON file, messages of a locale
    /// file) with that verdict as prior. A config needs no sample.
    ///
    /// ```
    /// use bianyi_convert::{Conversion, Target};
    ///
    /// let to_hans = Conversion::new(Target::Hans);
    /// let doc = to_hans.prepare("這裡的天氣很好，他說。");
    /// assert_eq!(doc.convert("天氣"), "天气");
    /// ```
    pub fn prepare(&self, sample: &str) -> Prepared<'_> {
        self.prepared(|t| t.document(sample))
    }

    /// [`Conversion::prepare`] with a verdict made elsewhere (e.g. by
    /// [`crate::detect`] on the whole document).
    pub fn prepare_with(&self, detection: Detection) -> Prepared<'_> {
        self.prepared(|t| t.with_detection(detection))
    }

    /// This conversion for one document, which `judge` judges if this is
    /// a target's.
    fn prepared(&self, judge: impl FnOnce(&TargetConverter) -> Document) -> Prepared<'_> {
        let plan = match &self.engine {
            Engine::Config(c) => Plan::Config(c),
            Engine::Target(t) => Plan::Target(Box::new(judge(t))),
        };
        Prepared {
            plan,
            corner_quotes: self.corner_quotes,
        }
    }

    /// How this conversion runs: on one thread, without a hook, until
    /// [`Run::threads`] and [`Run::hook`] say otherwise; then
    /// [`Run::text`], [`Run::stream`] or [`Run::file`].
    pub fn run<'h>(&self) -> Run<'_, 'h> {
        Run {
            conversion: self,
            threads: 1,
            hook: None,
            window: LINE_WINDOW,
        }
    }
}

/// A [`Conversion`] fixed for one document (see [`Conversion::prepare`]).
#[derive(Clone, Debug)]
pub struct Prepared<'c> {
    plan: Plan<'c>,
    corner_quotes: bool,
}

#[derive(Clone, Debug)]
enum Plan<'c> {
    Config(&'c Converter),
    Target(Box<Document>),
}

impl Prepared<'_> {
    /// The verdict on the document, for a target.
    pub fn detection(&self) -> Option<&Detection> {
        match &self.plan {
            Plan::Config(_) => None,
            Plan::Target(d) => Some(d.detection()),
        }
    }

    /// Converts a piece of the document.
    pub fn convert(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + text.len() / 8);
        self.convert_into(text, &mut out);
        out
    }

    /// Converts a piece of the document, appending the result to `out`.
    pub fn convert_into(&self, text: &str, out: &mut String) {
        let start = out.len();
        match &self.plan {
            Plan::Config(c) => c.convert_into(text, out),
            Plan::Target(d) => d.convert_into(text, out),
        }
        if self.corner_quotes {
            corner_quotes_from(out, start);
        }
    }

    /// Converts a piece of the document through `hook`: the hook writes
    /// what it takes care of itself (a glossary's terms) and hands the
    /// rest to this conversion.
    ///
    /// ```
    /// use bianyi_convert::{Config, Conversion};
    ///
    /// let s2t = Conversion::new(Config::S2t);
    /// // Keeps "发" as it is wherever it stands alone.
    /// let mut keep = |text: &str, convert: &mut dyn FnMut(&str, &mut String), out: &mut String| {
    ///     for (k, piece) in text.split('发').enumerate() {
    ///         if k > 0 {
    ///             out.push('发');
    ///         }
    ///         convert(piece, out);
    ///     }
    /// };
    /// assert_eq!(s2t.prepare("").convert_with("头发汉字", &mut keep), "頭发漢字");
    /// ```
    pub fn convert_with(&self, text: &str, hook: &mut dyn Hook) -> String {
        let mut out = String::with_capacity(text.len() + text.len() / 8);
        self.convert_into_with(text, Some(hook), &mut out);
        out
    }

    /// Converts `text` into `out`, through `hook` when there is one.
    fn convert_into_with<'h>(
        &self,
        text: &str,
        hook: Option<&mut (dyn Hook + 'h)>,
        out: &mut String,
    ) {
        match hook {
            None => self.convert_into(text, out),
            Some(hook) => hook.apply(text, &mut |gap, out| self.convert_into(gap, out), out),
        }
    }

    /// The places in a piece of the document where the conversion chose
    /// among several candidates (see [`Conversion::ambiguities`]).
    pub fn ambiguities(&self, text: &str) -> Vec<Ambiguity> {
        match &self.plan {
            Plan::Config(c) => c.ambiguities(text),
            Plan::Target(d) => d.ambiguities(text),
        }
    }
}

/// Something that takes care of parts of the text itself and hands the
/// rest to the conversion: a glossary that writes its terms as the
/// glossary says (bianyi-glossary's `Applier::hook`).
///
/// A hook may keep state across calls (which terms were mentioned
/// already): make one per document. Any closure of the same signature is a
/// hook.
pub trait Hook {
    /// Writes the conversion of `text` to `out`: the parts the hook takes
    /// care of as it wants, the others by calling `convert`, in order.
    fn apply(&mut self, text: &str, convert: &mut dyn FnMut(&str, &mut String), out: &mut String);
}

impl<F> Hook for F
where
    F: FnMut(&str, &mut dyn FnMut(&str, &mut String), &mut String),
{
    fn apply(&mut self, text: &str, convert: &mut dyn FnMut(&str, &mut String), out: &mut String) {
        self(text, convert, out);
    }
}

/// How a [`Conversion`] runs: made by [`Conversion::run`], set with
/// [`Run::threads`] and [`Run::hook`], then run on text
/// ([`Run::text`]), a reader ([`Run::stream`]) or a file ([`Run::file`]).
///
/// Whatever the number of threads and whatever the input's form, the
/// output is the same bytes.
///
/// ```
/// use bianyi_convert::{Config, Conversion};
///
/// let t2s = Conversion::new(Config::T2s);
/// let text = "漢字轉換。\n".repeat(10_000);
/// assert_eq!(t2s.run().threads(4).text(&text), t2s.convert(&text));
/// ```
pub struct Run<'c, 'h> {
    conversion: &'c Conversion,
    threads: usize,
    hook: Option<&'h mut dyn Hook>,
    /// The longest piece of a line converted at once ([`Run::window`]).
    window: usize,
}

/// The longest piece of one line that a target's conversion (or one
/// through a hook) holds at once: a longer line is converted in windows
/// of at most this many bytes, cut by [`window_cut`] (see [`Run::window`]).
pub const LINE_WINDOW: usize = 16 << 20;

/// Where to cut `bytes`, the start of a line too long to convert whole
/// (no line feed in it): after its last sentence end (。！？； or ASCII
/// `.`, `!`, `?` before a space), else after its last clause mark (，、：
/// or a space), else before its last character; 0 only when `bytes` holds
/// less than one character. A cut is always at a character boundary (in
/// invalid UTF-8: before a byte that starts a sequence, so the bytes
/// before it are valid exactly when they were).
///
/// ```
/// use bianyi_convert::window_cut;
///
/// let text = "头发很长。然后，剪短";
/// assert_eq!(&text[..window_cut(text.as_bytes())], "头发很长。");
/// let clause = "然后，剪短";
/// assert_eq!(&clause[..window_cut(clause.as_bytes())], "然后，");
/// assert_eq!(window_cut("剪短".as_bytes()), 3);
/// ```
pub fn window_cut(bytes: &[u8]) -> usize {
    const SENTENCE: [&[u8]; 4] = [
        "。".as_bytes(),
        "！".as_bytes(),
        "？".as_bytes(),
        "；".as_bytes(),
    ];
    const CLAUSE: [&[u8]; 3] = ["，".as_bytes(), "、".as_bytes(), "：".as_bytes()];
    let after = |marks: &[&[u8]], ascii: &dyn Fn(usize) -> bool| {
        (1..=bytes.len())
            .rev()
            .find(|&end| ascii(end) || marks.iter().any(|m| bytes[..end].ends_with(m)))
    };
    let sentence_ascii = |end: usize| {
        end >= 2 && matches!(bytes[end - 2], b'.' | b'!' | b'?') && bytes[end - 1] == b' '
    };
    let space = |end: usize| bytes[end - 1] == b' ' || bytes[end - 1] == b'\t';
    if let Some(end) = after(&SENTENCE, &sentence_ascii).or_else(|| after(&CLAUSE, &space)) {
        return end;
    }
    // Before the last byte that starts a character.
    (1..bytes.len())
        .rev()
        .find(|&k| bytes[k] & 0xC0 != 0x80)
        .unwrap_or(0)
}

/// What a [`Run`] of a stream or a file did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Converted {
    /// Bytes read from the input.
    pub read: u64,
    /// Bytes written to the output.
    pub written: u64,
}

/// The characters at the end of a text where [`Conversion::safe_cut_chars`]
/// looks for a cut first. A window refuses cuts in its first 4 KiB (a
/// sequence begun before it may reach over them): for Chinese that leaves
/// two thirds of it, and ASCII text, where it leaves nothing, goes on to
/// the next window (16,384 characters). Encoding the window costs: a
/// first window of 16,384 characters took 40.7 µs a search against 9.3 µs
/// (t2s, 150,000 characters of data3185k.txt, best of 50: `examples/chars`
/// with this constant changed), and a long
/// `str` read in Python searches once a part, under the GIL.
const CUT_WINDOW_CHARS: usize = 4 * 1024;

impl<'c, 'h> Run<'c, 'h> {
    /// Converts on `threads` threads (at least one; the default is one).
    /// A config's conversion splits its input at safe cuts; a target's,
    /// and any conversion through a hook, runs on one thread.
    pub fn threads(mut self, threads: usize) -> Run<'c, 'h> {
        self.threads = threads.max(1);
        self
    }

    /// Converts through `hook` (see [`Hook`]). The input is then converted
    /// in blocks of whole lines, so a hook sees no line cut in two (but a
    /// line longer than the window, see [`Run::window`]).
    pub fn hook(mut self, hook: &'h mut dyn Hook) -> Run<'c, 'h> {
        self.hook = Some(hook);
        self
    }

    /// The longest piece of a line that a streamed target conversion (or
    /// one through a hook) converts at once: [`LINE_WINDOW`] (16 MiB)
    /// unless set (at least 16 bytes). A longer line is converted in
    /// windows cut at sentence ends ([`window_cut`]), each judged and
    /// converted as a paragraph of its own, so memory stays bounded
    /// whatever the line's length. On ordinary text (a sentence end in
    /// every window, one script through the line) the output is that of
    /// the whole line. A config's conversion without hook streams at safe
    /// cuts and has no use for it.
    pub fn window(mut self, bytes: usize) -> Run<'c, 'h> {
        self.window = bytes.max(16);
        self
    }

    /// The single-pass engine, when nothing but a config's conversion is
    /// asked for.
    fn engine(&self) -> Option<&'c Converter> {
        match &self.conversion.engine {
            Engine::Config(c) if self.hook.is_none() && !self.conversion.corner_quotes => Some(c),
            _ => None,
        }
    }

    /// Converts `text`: [`Conversion::convert`]'s result. A config's
    /// conversion on several threads cuts a text of 128 KiB or more at safe
    /// cuts into pieces (about two per thread, 64 KiB to 1 MiB each).
    pub fn text(self, text: &str) -> String {
        let mut out = String::new();
        self.text_into(text, &mut out);
        out
    }

    /// Converts `text` as [`Run::text`] does, appending the result to
    /// `out`: a buffer kept from call to call saves the system fresh
    /// memory (a page fault every 4 KiB).
    ///
    /// ```
    /// use bianyi_convert::{Config, Conversion};
    ///
    /// let mut out = String::from("> ");
    /// Conversion::new(Config::S2t).run().threads(2).text_into("头发", &mut out);
    /// assert_eq!(out, "> 頭髮");
    /// ```
    pub fn text_into(self, text: &str, out: &mut String) {
        out.reserve(text.len() + text.len() / 8);
        match self.engine() {
            Some(conv) => {
                let part = text_part(text.len(), self.threads);
                convert_pieces(conv, text, self.threads, part, out);
            }
            None => self
                .conversion
                .prepare(sample(text))
                .convert_into_with(text, self.hook, out),
        }
    }

    /// Converts `text` as [`Run::text_into`] does, appending the result
    /// to `out` as code points (UTF-32 in native order, one unit per
    /// character; see [`Converter::convert_into_utf32`]). A config's
    /// conversion writes them as it converts, on the threads asked for; a
    /// target's, or one through a hook, converts to UTF-8 and decodes it.
    ///
    /// ```
    /// use bianyi_convert::{Config, Conversion};
    ///
    /// let mut out = Vec::new();
    /// Conversion::new(Config::T2s).run().threads(2).text_into_utf32("頭髮", &mut out);
    /// assert_eq!(out, [0x5934, 0x53D1]);
    /// ```
    pub fn text_into_utf32(self, text: &str, out: &mut Vec<u32>) {
        match self.engine() {
            Some(conv) => {
                out.reserve(text.len() / 2);
                let part = text_part(text.len(), self.threads);
                convert_pieces(conv, text, self.threads, part, out);
            }
            None => {
                let mut utf8 = String::new();
                self.text_into(text, &mut utf8);
                out.extend(utf8.chars().map(u32::from));
            }
        }
    }

    /// [`Run::text_into_utf32`] of the text whose characters are `text`:
    /// the same code points appended to `out`. On one thread, a config of
    /// one greedy pass reads the characters themselves
    /// ([`Conversion::reads_chars`]; no UTF-8 is written or decoded, for
    /// callers that hold code points). Otherwise the characters are
    /// encoded to UTF-8 and converted as such: callers that convert on
    /// several threads split the text themselves at
    /// [`Conversion::safe_cut_chars`], as the Python package does.
    ///
    /// ```
    /// use bianyi_convert::{Config, Conversion};
    ///
    /// let text: Vec<char> = "頭髮".chars().collect();
    /// let mut out = Vec::new();
    /// Conversion::new(Config::T2s).run().chars_into_utf32(&text, &mut out);
    /// assert_eq!(out, [0x5934, 0x53D1]);
    /// ```
    pub fn chars_into_utf32(self, text: &[char], out: &mut Vec<u32>) {
        match self.engine() {
            Some(conv) if self.threads <= 1 && conv.reads_chars() => {
                conv.convert_chars_into_utf32(text, out);
            }
            _ => {
                let utf8: String = text.iter().collect();
                self.text_into_utf32(&utf8, out);
            }
        }
    }

    /// Converts everything `input` yields into `output`, in bounded memory,
    /// and returns the bytes read and written.
    ///
    /// A config's conversion reads, cuts the input at safe cuts into
    /// pieces and writes the results in order while the other threads
    /// convert; memory stays at a few megabytes per thread, and no thread
    /// is started before a megabyte of input is waiting (input that comes
    /// slowly, as from a terminal, is converted as it comes). A target's
    /// conversion judges the document from its first [`DETECT_BYTES`] (in
    /// whole lines), then converts blocks of lines; memory is bounded by
    /// that and the longest line.
    ///
    /// Invalid UTF-8 is an error with its line and column; output written
    /// before an error stays written: callers that must not leave partial
    /// output should write to a temporary file (as the `bianyi` CLI does).
    pub fn stream<R: Read, W: Write>(self, input: R, output: W) -> Result<Converted, Error> {
        match self.engine() {
            Some(conv) => pipeline(conv, input, output, self.threads, Position::START)
                .map(|(read, written)| Converted { read, written }),
            None => by_lines(self.conversion, self.hook, self.window, input, output),
        }
    }

    /// Converts the file `file`, from its first byte to its end, into
    /// `output`: [`Run::stream`] of the file's bytes, and the same errors.
    ///
    /// A config's conversion of a large regular file lets the threads read
    /// the pieces they convert themselves (positioned reads), so reading
    /// scales with the threads; this thread writes the conversions in
    /// order. The file's cursor is not used; it may be moved. A file that
    /// is not a regular file (a pipe, a device) is streamed from its
    /// cursor. A file of 4 MiB or more that becomes shorter while it is
    /// converted is an error (its text would be missing somewhere); one
    /// that grows is converted to its end.
    ///
    /// ```
    /// use bianyi_convert::{Config, Conversion};
    ///
    /// let path = std::env::temp_dir().join(format!("bianyi-doc-{}.txt", std::process::id()));
    /// std::fs::write(&path, "漢字轉換。\n".repeat(400_000))?;
    /// let mut out = Vec::new();
    /// let t2s = Conversion::new(Config::T2s);
    /// let done = t2s.run().threads(2).file(&std::fs::File::open(&path)?, &mut out)?;
    /// std::fs::remove_file(&path)?;
    /// assert_eq!(out, "汉字转换。\n".repeat(400_000).into_bytes());
    /// assert_eq!(done.read, done.written);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn file<W: Write>(self, file: &File, output: W) -> Result<Converted, Error> {
        if let Some(conv) = self.engine() {
            return convert_file(conv, file, output, self.threads, SIZES)
                .map(|(read, written)| Converted { read, written });
        }
        let regular = file
            .metadata()
            .map_err(|e| Error::new(ErrorKind::Read(e)))?
            .is_file();
        if regular {
            by_lines(
                self.conversion,
                self.hook,
                self.window,
                At { file, at: 0 },
                output,
            )
        } else {
            by_lines(self.conversion, self.hook, self.window, file, output)
        }
    }
}

/// The start of `text` that detection reads (cut at a character boundary).
fn sample(text: &str) -> &str {
    &text[..text.floor_char_boundary(DETECT_BYTES)]
}

/// Lines are converted in blocks of about this size: a line feed cuts
/// every conversion, so a block converts as its lines would, and fewer
/// calls cost less.
const BLOCK: usize = 64 * 1024;

/// [`Run::stream`] in blocks of whole lines: for targets (judged from the
/// start of the input) and hooks. A line longer than `window` is cut into
/// windows ([`window_cut`]), and a block ends at each cut.
fn by_lines<'h, R: Read, W: Write>(
    conversion: &Conversion,
    mut hook: Option<&mut (dyn Hook + 'h)>,
    window: usize,
    input: R,
    mut output: W,
) -> Result<Converted, Error> {
    let mut lines = LineReader {
        reader: BufReader::with_capacity(BLOCK, input),
        number: 0,
        byte: 0,
        window,
        pending: Vec::new(),
        column: 0,
    };
    // A target document is judged from the start of the input.
    let mut ahead: Vec<String> = Vec::new();
    let prepared = match conversion.engine {
        Engine::Target(_) => {
            let mut sample = String::new();
            while sample.len() < DETECT_BYTES {
                match lines.next_line()? {
                    Some(line) => {
                        sample.push_str(&line);
                        ahead.push(line);
                    }
                    None => break,
                }
            }
            conversion.prepare(&sample)
        }
        Engine::Config(_) => conversion.prepare(""),
    };
    let mut written = 0;
    let mut write = |block: &str, output: &mut W| -> Result<(), Error> {
        let mut converted = String::with_capacity(block.len() + block.len() / 8);
        prepared.convert_into_with(block, hook.as_deref_mut(), &mut converted);
        written += converted.len() as u64;
        output
            .write_all(converted.as_bytes())
            .map_err(|e| Error::new(ErrorKind::Write(e)))
    };
    let rest = std::iter::from_fn(|| lines.next_line().transpose());
    let mut block = String::new();
    for line in ahead.into_iter().map(Ok).chain(rest) {
        let line = line?;
        block.push_str(&line);
        // A line cut in windows (or the input's last): each window
        // converts apart.
        let cut = !line.ends_with('\n');
        if block.len() >= BLOCK || cut {
            write(&block, &mut output)?;
            block.clear();
        }
    }
    if !block.is_empty() {
        write(&block, &mut output)?;
    }
    output
        .flush()
        .map_err(|e| Error::new(ErrorKind::Write(e)))?;
    Ok(Converted {
        read: lines.byte,
        written,
    })
}

/// Reads UTF-8 lines, or windows of lines longer than `window`,
/// reporting invalid input with its position.
struct LineReader<R> {
    reader: BufReader<R>,
    /// Lines read so far (begun, for a line cut in windows).
    number: u64,
    /// Bytes read so far.
    byte: u64,
    /// The longest piece returned.
    window: usize,
    /// The rest of a window after its cut (no line feed in it).
    pending: Vec<u8>,
    /// Characters of the current line returned so far (cut lines).
    column: u64,
}

impl<R: Read> LineReader<R> {
    /// The next line with its line feed, or the next window of a line
    /// longer than `window`; `None` at the end of the input.
    fn next_line(&mut self) -> Result<Option<String>, Error> {
        let mut buf = std::mem::take(&mut self.pending);
        let mut cut = false;
        loop {
            let available = match self.reader.fill_buf() {
                Ok(a) => a,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(Error::new(ErrorKind::Read(e))),
            };
            if available.is_empty() {
                break;
            }
            let room = self.window.saturating_sub(buf.len()).min(available.len());
            if let Some(i) = memchr::memchr(b'\n', &available[..room]) {
                buf.extend_from_slice(&available[..=i]);
                self.reader.consume(i + 1);
                break;
            }
            buf.extend_from_slice(&available[..room]);
            self.reader.consume(room);
            if buf.len() >= self.window {
                let end = window_cut(&buf);
                // (Less than a character: keep it whole.)
                if end > 0 {
                    self.pending = buf.split_off(end);
                }
                cut = true;
                break;
            }
        }
        if buf.is_empty() {
            return Ok(None);
        }
        if self.column == 0 {
            self.number += 1;
        }
        let start = Position {
            byte: self.byte,
            line: self.number,
            column: self.column + 1,
        };
        let text = String::from_utf8(buf).map_err(|e| match check_utf8(e.as_bytes()) {
            // The fault's position in the line, then in the input.
            Err(e) => match e.into_kind() {
                ErrorKind::InvalidUtf8 { position, bytes } => Error::new(ErrorKind::InvalidUtf8 {
                    position: start.then(position),
                    bytes,
                }),
                other => Error::new(other),
            },
            // Unreachable: the line is not UTF-8.
            Ok(_) => Error::new(ErrorKind::InvalidUtf8 {
                position: start,
                bytes: Vec::new(),
            }),
        })?;
        self.byte += text.len() as u64;
        self.column = if cut {
            self.column + text.chars().count() as u64
        } else {
            0
        };
        Ok(Some(text))
    }
}

/// Curly quotes in `out[start..]` as corner brackets: “ ” → 「 」, ‘ ’ → 『 』.
fn corner_quotes_from(out: &mut String, start: usize) {
    const CURLY: [char; 4] = ['“', '”', '‘', '’'];
    if !out[start..].contains(CURLY) {
        return;
    }
    let cornered: String = out[start..]
        .chars()
        .map(|c| match c {
            '“' => '「',
            '”' => '」',
            '‘' => '『',
            '’' => '』',
            c => c,
        })
        .collect();
    out.truncate(start);
    out.push_str(&cornered);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One line per case: what to convert to, options, input, output.
    #[test]
    fn text() {
        // (to, phrases, corner quotes, input, output)
        let cases: &[(To, bool, bool, &str, &str)] = &[
            (Config::S2t.into(), false, false, "头发", "頭髮"),
            (Config::S2t.into(), false, true, "“头发”", "「頭髮」"),
            (Config::S2twp.into(), true, false, "软件", "軟體"),
            (Target::Taiwan.into(), false, false, "软件", "軟件"),
            (Target::Taiwan.into(), true, false, "软件", "軟體"),
            (Target::Hant.into(), false, true, "‘头发’", "『頭髮』"),
            (Target::Hans.into(), false, false, "", ""),
        ];
        for &(to, phrases, corner, input, want) in cases {
            let c = Conversion::builder(to)
                .phrases(phrases)
                .corner_quotes(corner)
                .build();
            let what = format!("{to:?} phrases {phrases} corner {corner} {input:?}");
            assert_eq!(c.convert(input), want, "{what}");
            assert_eq!(c.run().threads(3).text(input), want, "{what}: run");
            assert_eq!(c.prepare(input).convert(input), want, "{what}: prepared");
            let mut out = Vec::new();
            let done = c.run().stream(input.as_bytes(), &mut out);
            assert_eq!(out, want.as_bytes(), "{what}: stream");
            let done = done.unwrap_or_else(|e| panic!("{what}: {e}"));
            assert_eq!(done.read, input.len() as u64, "{what}");
            assert_eq!(done.written, want.len() as u64, "{what}");
        }
    }

    #[test]
    fn languages() {
        let cases: &[(To, Target)] = &[
            (Config::S2t.into(), Target::Hant),
            (Config::T2s.into(), Target::Hans),
            (Config::Hk2sp.into(), Target::Mainland),
            (Config::T2tw.into(), Target::Taiwan),
            (Config::S2hkp.into(), Target::HongKong),
            (Config::Jp2t.into(), Target::Hant),
            (Target::Mainland.into(), Target::Mainland),
        ];
        for &(to, want) in cases {
            assert_eq!(Conversion::new(to).language(), want, "{to:?}");
        }
    }

    /// A hook sees whole lines, and what it writes is not converted.
    #[test]
    fn hook_sees_lines_and_keeps_its_text() {
        let text = "头发\n".repeat(30_000);
        for to in [To::Config(Config::S2t), To::Target(Target::Hant)] {
            let c = Conversion::builder(to).corner_quotes(true).build();
            let mut calls = 0;
            let mut hook =
                |t: &str, convert: &mut dyn FnMut(&str, &mut String), out: &mut String| {
                    calls += 1;
                    assert!(t.ends_with('\n'));
                    let (a, b) = t.split_at(t.find('发').unwrap_or(0));
                    convert(a, out);
                    out.push('“');
                    convert(b, out);
                };
            let mut out = Vec::new();
            c.run()
                .threads(2)
                .hook(&mut hook)
                .stream(text.as_bytes(), &mut out)
                .unwrap_or_else(|e| panic!("{e}"));
            assert!(calls > 1, "{to:?}: {calls} calls");
            let out = String::from_utf8(out).unwrap_or_default();
            assert!(out.starts_with("頭“發\n頭"), "{to:?}: {}", &out[..20]);
        }
    }

    /// The line reader's faults are where the stream's are.
    #[test]
    fn invalid_lines() {
        let input = b"ok\nline \xe6\xbc\n";
        let mut out = Vec::new();
        let err = Conversion::new(Target::Hans)
            .run()
            .stream(&input[..], &mut out)
            .map_err(|e| e.to_string());
        let want = check_utf8(&input[..]).map_err(|e| e.to_string());
        assert!(want.is_err());
        assert_eq!(err.map(|_| ()), want.map(|_| ()));
    }
}
