//! The conversion engine: OpenCC's pipeline over the compiled dictionaries.
//!
//! For one config OpenCC 1.4.2 does, in order:
//!
//! 1. normalisation: each normalisation stage converts the whole text
//!    (CJK compatibility ideographs to their unified forms);
//! 2. segmentation (when the config has one): maximum forward matching over
//!    the segmentation dictionary; each match is a segment, and the
//!    characters between matches form one segment together;
//! 3. each stage of the conversion chain converts each segment on its own,
//!    by greedy longest-prefix matching, feeding the next stage.
//!
//! At a position where no key matches, a complete ideographic description
//! sequence is copied whole; otherwise one character is copied.
//!
//! That pipeline is implemented as written (the *general path*), and a
//! single pass computes the same result faster (the *fast path*, planned by
//! build.rs):
//!
//! * normalisation is folded into the reads: text without compatibility
//!   ideographs skips it, other text is normalised first;
//! * a config with one stage and no segmentation is one greedy pass;
//! * in a segmented config, every segmentation key maps straight to the
//!   chain's output for it (computed at build time), and between matches
//!   each character maps to the chain's output for it alone, except the
//!   characters marked unsafe (those that can take part in a longer match
//!   of some stage, and IDS operators), whose stretches go through the
//!   general path. A stretch of unsafe characters is bounded by safe ones,
//!   which no multi-character key of any stage can span, so converting it
//!   apart gives what the whole run would. See docs/engine.md.

use crate::config::Config;
use crate::fast::{self, NeedsNormalization, Utf8};
use crate::ids;
use crate::out::{Out, Stage};
use crate::tables::{
    CONFIGS, CharMap, ConfigLayout, Dict, FastDict, FastPlan, FlatRoots, PairFilter, RunMap,
    SlotMap, Tables, builtin, decode,
};

/// Converts text with one OpenCC config.
///
/// A `Converter` is cheap to create (the dictionaries are compiled into the
/// library), immutable, and `Send + Sync`: share one between threads.
///
/// ```
/// use bianyi_convert::{Config, Converter};
///
/// let s2t = Converter::new(Config::S2t);
/// assert_eq!(s2t.convert("汉字转换"), "漢字轉換");
///
/// let tw2sp = Converter::new(Config::Tw2sp);
/// assert_eq!(tw2sp.convert("滑鼠和軟體"), "鼠标和软件");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct Converter {
    /// `None` for bianyi's own pipelines (data/bianyi/config).
    config: Option<Config>,
    layout: &'static ConfigLayout,
    /// The tables `layout` refers to: the built-in ones, or a loaded
    /// config's (src/custom.rs).
    tables: &'static Tables,
    tofu_risk: bool,
    normalization: Vec<Dict>,
    segmentation: Option<Dict>,
    stages: Vec<Dict>,
    fast: Fast,
    /// Longest key of any dictionary used, in characters.
    max_key_chars: usize,
}

/// The fast path of a converter.
#[derive(Clone, Copy, Debug)]
enum Fast {
    Single(&'static FastDict),
    Segmented {
        seg: &'static FastDict,
        run: &'static RunMap,
        window: usize,
        first: Dict,
        first_roots: &'static FlatRoots,
        second: Dict,
        image1: &'static CharMap,
        second_fast: &'static FastDict,
        first_fast: &'static FastDict,
        image2: &'static SlotMap,
        t2_pairs: PairFilter,
        t1_pairs: PairFilter,
        any_t1: bool,
        any_t2: bool,
        many_t1: bool,
        many_t2: bool,
    },
    General,
}

/// Options for a [`Converter`].
///
/// ```
/// use bianyi_convert::{Config, Converter};
///
/// // OpenCC's test harness turns the tofu-risk dictionaries on.
/// let t2s = Converter::builder(Config::T2s).tofu_risk(true).build();
/// assert!(t2s.tofu_risk());
/// ```
#[derive(Clone, Debug)]
pub struct ConverterBuilder {
    config: Option<Config>,
    layout: &'static ConfigLayout,
    tables: &'static Tables,
    tofu_risk: bool,
    general: bool,
}

impl ConverterBuilder {
    /// Also use the dictionaries OpenCC marks `may_output_tofu`: they map to
    /// characters that older fonts may lack (e.g. TSCharactersExt in t2s).
    /// Off by default, as in OpenCC's command-line tool.
    pub fn tofu_risk(mut self, yes: bool) -> ConverterBuilder {
        self.tofu_risk = yes;
        self
    }

    /// Runs OpenCC's pipeline stage by stage instead of the single-pass
    /// engine. The output is the same; tests use this to check that.
    #[doc(hidden)]
    pub fn general_path(mut self, yes: bool) -> ConverterBuilder {
        self.general = yes;
        self
    }

    /// Builds the converter.
    pub fn build(self) -> Converter {
        let layout = self.layout;
        let t = self.tables;
        let (stages, fast) = if self.tofu_risk {
            (layout.stages_tofu, layout.fast_tofu)
        } else {
            (layout.stages, layout.fast)
        };
        let normalization: Vec<Dict> = layout.normalization.iter().map(|&r| t.dict(r)).collect();
        let segmentation = layout.segmentation.map(|r| t.dict(r));
        let stages: Vec<Dict> = stages.iter().map(|&r| t.dict(r)).collect();
        let fast = match fast {
            _ if self.general => Fast::General,
            FastPlan::Single { fast } => Fast::Single(FastDict::get(t, fast)),
            FastPlan::Segmented(p) => Fast::Segmented {
                seg: FastDict::get(t, p.seg),
                run: RunMap::get(t, p.run),
                window: p.window,
                first: t.dict(p.first),
                first_roots: FlatRoots::of(t, p.first_flat),
                second: t.dict(p.second),
                image1: CharMap::of(t, p.image1),
                second_fast: FastDict::get(t, p.second_fast),
                first_fast: FastDict::get(t, p.first_fast),
                image2: SlotMap::get(t, p.image2),
                t2_pairs: PairFilter::get(t, p.t2_pairs),
                t1_pairs: PairFilter::get(t, p.t1_pairs),
                any_t1: p.any_t1,
                any_t2: p.any_t2,
                many_t1: p.many_t1,
                many_t2: p.many_t2,
            },
            FastPlan::General => Fast::General,
        };
        let max_key_chars = normalization
            .iter()
            .chain(&stages)
            .chain(segmentation.as_ref())
            .map(|d| d.trie.max_key_chars)
            .max()
            .unwrap_or(1);
        Converter {
            config: self.config,
            layout,
            tables: t,
            tofu_risk: self.tofu_risk,
            normalization,
            segmentation,
            stages,
            fast,
            max_key_chars,
        }
    }
}

/// Reusable buffers for multi-stage chains.
#[derive(Default)]
pub(crate) struct Scratch {
    a: String,
    b: String,
    /// A stretch's output in the single pass of segmented configs.
    pub(crate) c: String,
    /// A stretch's stage-1 output in the single pass of segmented configs
    /// with two stages, as bytes (reused without being zeroed again).
    pub(crate) d: Vec<u8>,
    /// The stage of the clean loop of segmented configs (see
    /// `out::Staged`), made on first use and kept: zeroing it at every
    /// entry into the loop would cost more than it saves.
    pub(crate) stage: Option<Box<Stage>>,
}

impl Scratch {
    /// Gives back to the system the buffers that grew past `keep` bytes.
    pub(crate) fn trim(&mut self, keep: usize) {
        for s in [&mut self.a, &mut self.b, &mut self.c] {
            if s.capacity() > keep {
                *s = String::new();
            }
        }
        if self.d.capacity() > keep {
            self.d = Vec::new();
        }
    }
}

impl Converter {
    /// A converter for `config` with default options.
    pub fn new(config: Config) -> Converter {
        Converter::builder(config).build()
    }

    /// Options beyond the config.
    pub fn builder(config: Config) -> ConverterBuilder {
        ConverterBuilder {
            config: Some(config),
            layout: config.layout(),
            tables: builtin(),
            tofu_risk: false,
            general: false,
        }
    }

    /// The builder of a converter for an OpenCC config loaded at run time.
    pub fn custom(config: crate::CustomConfig) -> ConverterBuilder {
        ConverterBuilder {
            config: None,
            layout: config.layout(),
            tables: config.tables(),
            tofu_risk: false,
            general: false,
        }
    }

    /// The builder of one of bianyi's own pipelines (data/bianyi/config),
    /// by name: `None` when there is no such pipeline.
    pub(crate) fn pipeline_builder(name: &str) -> Option<ConverterBuilder> {
        let layout = CONFIGS.iter().find(|c| c.name == name)?;
        Some(ConverterBuilder {
            config: None,
            layout,
            tables: builtin(),
            tofu_risk: false,
            general: false,
        })
    }

    /// The OpenCC config this converter applies (`None` for the pipelines
    /// that target-based conversion builds from bianyi's own configs).
    pub fn config(&self) -> Option<Config> {
        self.config
    }

    /// The name of the config or pipeline (`"s2t"`, `"bianyi-t2tw"`).
    pub fn name(&self) -> &'static str {
        self.layout.name
    }

    /// Whether the tofu-risk dictionaries are in use.
    pub fn tofu_risk(&self) -> bool {
        self.tofu_risk
    }

    /// Which engine converts: `"single"` (one greedy pass), `"segmented"`
    /// (the single pass of a segmented config) or `"general"` (stage by
    /// stage). Tests use this to check that a loaded config gets the plan
    /// of the built-in one.
    #[doc(hidden)]
    pub fn plan_kind(&self) -> &'static str {
        match self.fast {
            Fast::Single(_) => "single",
            Fast::Segmented { .. } => "segmented",
            Fast::General => "general",
        }
    }

    /// Converts `text`.
    pub fn convert(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + text.len() / 8);
        self.convert_into(text, &mut out);
        out
    }

    /// Converts `text`, appending the result to `out`.
    pub fn convert_into(&self, text: &str, out: &mut String) {
        let start = out.len();
        let mut scratch = Scratch::default();
        let expected = text.len() + text.len() / 8;
        let done = {
            let mut o = Out::new(out, expected, false);
            self.fast_pass(text, &mut o, true, &mut scratch).is_ok()
        };
        if done {
            return;
        }
        // Compatibility ideographs: normalise, then convert the result. What
        // normalisation left (inside ideographic description sequences) is
        // copied with its sequence and never looked up.
        out.truncate(start);
        let normalized = self.normalize(text);
        let done = {
            let mut o = Out::new(out, expected, false);
            self.fast_pass(&normalized, &mut o, false, &mut scratch)
                .is_ok()
        };
        if !done {
            // Unreachable: with `check_compat` off the fast pass cannot fail.
            out.truncate(start);
            self.general_pass(&normalized, out, &mut scratch);
        }
    }

    /// Converts `text`, appending the result to `out` as code points
    /// (UTF-32 in native order, one unit per character): the characters
    /// of [`Converter::convert`]'s result, for callers that build text from
    /// code units (the Python package builds its `str` from them). A config
    /// of one greedy pass writes them as it converts, with no UTF-8 result
    /// in between; the others convert to UTF-8 and decode it.
    ///
    /// ```
    /// use bianyi_convert::{Config, Converter};
    ///
    /// let mut out = Vec::new();
    /// Converter::new(Config::S2t).convert_into_utf32("头发 ok", &mut out);
    /// assert_eq!(out, "頭髮 ok".chars().map(u32::from).collect::<Vec<_>>());
    /// ```
    pub fn convert_into_utf32(&self, text: &str, out: &mut Vec<u32>) {
        let start = out.len();
        if let Fast::Single(dict) = self.fast {
            // Never more characters than bytes; most text needs a third.
            out.reserve(text.len() / 2);
            let check_compat = !self.normalization.is_empty();
            if fast::single_wide(dict, Utf8(text), out, check_compat).is_ok() {
                return;
            }
            out.truncate(start);
            let normalized = self.normalize(text);
            if fast::single_wide(dict, Utf8(&normalized), out, false).is_ok() {
                return;
            }
            // Unreachable: with `check_compat` off the pass cannot fail.
            out.truncate(start);
        }
        let mut utf8 = String::new();
        self.convert_into(text, &mut utf8);
        out.extend(utf8.chars().map(u32::from));
    }

    /// [`Converter::convert_into_utf32`] of the text whose characters are
    /// `text`: the same code points appended to `out`. A config of one
    /// greedy pass reads the characters themselves (no UTF-8 is written or
    /// decoded: for callers that hold code points, as the Python package
    /// does); the others, and a text with a compatibility ideograph where
    /// the config normalises them, are encoded to UTF-8 and converted as
    /// such.
    ///
    /// ```
    /// use bianyi_convert::{Config, Converter};
    ///
    /// let text: Vec<char> = "头发 ok".chars().collect();
    /// let mut out = Vec::new();
    /// Converter::new(Config::S2t).convert_chars_into_utf32(&text, &mut out);
    /// assert_eq!(out, "頭髮 ok".chars().map(u32::from).collect::<Vec<_>>());
    /// ```
    pub fn convert_chars_into_utf32(&self, text: &[char], out: &mut Vec<u32>) {
        let start = out.len();
        let utf8: String;
        if let Fast::Single(dict) = self.fast {
            out.reserve(text.len());
            let check_compat = !self.normalization.is_empty();
            if fast::single_wide(dict, text, out, check_compat).is_ok() {
                return;
            }
            // A compatibility ideograph: normalise, then convert the result
            // (as `convert_into_utf32` does after its own pass stops).
            out.truncate(start);
            utf8 = text.iter().collect();
            let normalized = self.normalize(&utf8);
            if fast::single_wide(dict, Utf8(&normalized), out, false).is_ok() {
                return;
            }
            // Unreachable: with `check_compat` off the pass cannot fail.
            out.truncate(start);
        } else {
            utf8 = text.iter().collect();
        }
        self.convert_into_utf32(&utf8, out);
    }

    /// Whether [`Converter::convert_chars_into_utf32`] reads characters
    /// without encoding them to UTF-8 (a config of one greedy pass).
    pub(crate) fn reads_chars(&self) -> bool {
        matches!(self.fast, Fast::Single(_))
    }

    /// Converts `text` into the start of `buf` and returns the length of the
    /// result: `buf[..n]` is the same bytes as [`Converter::convert`]'s
    /// (`buf` grows when needed; the bytes past `n` are left over from
    /// earlier use). For output that goes on as bytes: no copy and no
    /// UTF-8 check of the result, and a buffer used again is not zeroed.
    pub(crate) fn convert_to_buf(
        &self,
        text: &str,
        buf: &mut Vec<u8>,
        scratch: &mut Scratch,
    ) -> usize {
        let expected = text.len() + text.len() / 8;
        {
            let mut o = Out::bytes_into(buf, expected);
            if self.fast_pass(text, &mut o, true, scratch).is_ok() {
                return o.len();
            }
        }
        let normalized = self.normalize(text);
        let mut o = Out::bytes_into(buf, expected);
        if self.fast_pass(&normalized, &mut o, false, scratch).is_err() {
            // Unreachable: with `check_compat` off the fast pass cannot fail.
            o.truncate(0);
            o.with_string(|s| self.general_pass(&normalized, s, scratch));
        }
        o.len()
    }

    /// Converts already normalised `text` (or `text` without compatibility
    /// ideographs, checked on the way when `check_compat`).
    fn fast_pass<const B: bool>(
        &self,
        text: &str,
        out: &mut Out<'_, B>,
        check_compat: bool,
        scratch: &mut Scratch,
    ) -> Result<(), NeedsNormalization> {
        let check_compat = check_compat && !self.normalization.is_empty();
        match self.fast {
            Fast::Single(dict) => {
                out.set_flushable(true);
                fast::single(dict, text, out, check_compat)
            }
            Fast::Segmented {
                seg,
                run,
                window,
                first,
                first_roots,
                second,
                image1,
                second_fast,
                first_fast,
                image2,
                t2_pairs,
                t1_pairs,
                any_t1,
                any_t2,
                many_t1,
                many_t2,
            } => fast::Segmented {
                conv: self,
                seg,
                run,
                window,
                first,
                first_roots,
                second,
                image1,
                second_fast,
                first_fast,
                image2,
                t2_pairs,
                t1_pairs,
                any_t1,
                any_t2,
                many_t1,
                many_t2,
            }
            .run(text, out, check_compat, scratch),
            Fast::General => {
                if check_compat && self.normalizes(text) {
                    return Err(NeedsNormalization);
                }
                out.with_string(|s| self.general_pass(text, s, scratch));
                Ok(())
            }
        }
    }

    /// OpenCC's pipeline after normalisation, stage by stage.
    fn general_pass(&self, text: &str, out: &mut String, scratch: &mut Scratch) {
        match self.segmentation {
            None => self.convert_segment(text, out, scratch),
            Some(dict) => segment(dict, text, |s| self.convert_segment(s, out, scratch)),
        }
    }

    pub(crate) fn normalize(&self, text: &str) -> String {
        let mut current = text.to_string();
        for dict in &self.normalization {
            let mut next = String::with_capacity(current.len());
            apply(dict, &current, &mut next);
            current = next;
        }
        current
    }

    /// The number of conversion stages.
    pub(crate) fn stage_count(&self) -> usize {
        self.stages.len()
    }

    pub(crate) fn convert_segment(&self, segment: &str, out: &mut String, scratch: &mut Scratch) {
        match self.stages.as_slice() {
            [] => out.push_str(segment),
            [only] => apply(only, segment, out),
            [first, middle @ .., last] => {
                scratch.a.clear();
                apply(first, segment, &mut scratch.a);
                for dict in middle {
                    scratch.b.clear();
                    apply(dict, &scratch.a, &mut scratch.b);
                    std::mem::swap(&mut scratch.a, &mut scratch.b);
                }
                apply(last, &scratch.a, out);
            }
        }
    }

    /// The stages of this converter.
    pub(crate) fn stage_dicts(&self) -> &[Dict] {
        &self.stages
    }

    /// Per stage, the keys with several candidates (all of them, tab-joined).
    pub(crate) fn alternative_dicts(&self) -> Vec<Dict> {
        let layout = self.layout;
        let refs = if self.tofu_risk {
            layout.alternatives_tofu
        } else {
            layout.alternatives
        };
        refs.iter().map(|&r| self.tables.dict(r)).collect()
    }

    /// True when `c` occurs in no key of this converter's tables: text cut
    /// after it cannot split a dictionary match.
    pub(crate) fn in_no_key(&self, c: char) -> bool {
        self.tables.in_no_key(c)
    }

    /// The segmentation dictionary, if the config has one.
    pub(crate) fn segmentation_dict(&self) -> Option<Dict> {
        self.segmentation
    }

    /// True when normalisation would change something in `text`.
    pub(crate) fn normalizes(&self, text: &str) -> bool {
        self.normalization.iter().any(|d| needs_stage(d, text))
    }

    /// The longest key of any dictionary this converter uses, in characters.
    pub(crate) fn max_key_chars(&self) -> usize {
        self.max_key_chars
    }
}

/// Byte length of the UTF-8 character whose first byte is `b`.
#[inline]
pub(crate) fn char_len(b: u8) -> usize {
    match b {
        0x00..=0x7F => 1,
        0x80..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// True when `dict` could change some part of `text`.
fn needs_stage(dict: &Dict, text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if dict.lead_may_start(b) && dict.root(decode(bytes, i).0) != 0 {
            return true;
        }
        i += char_len(b);
    }
    false
}

/// What OpenCC does at a position where no key matches: copy a complete
/// ideographic description sequence whole, else one character.
#[inline]
pub(crate) fn unmatched_len(text: &str, i: usize) -> usize {
    let bytes = text.as_bytes();
    if ids::may_start_at(bytes, i)
        && let Some(n) = ids::sequence_len(&text.as_bytes()[i..])
    {
        return n;
    }
    char_len(bytes[i])
}

/// One conversion stage: greedy longest-prefix replacement over `text`.
pub(crate) fn apply(dict: &Dict, text: &str, out: &mut String) {
    let mut i = 0;
    let mut copied = 0;
    while i < text.len() {
        match dict.longest(text, i) {
            Some(found) => {
                out.push_str(&text[copied..i]);
                dict.emit(found.value, out);
                i = found.end;
                copied = i;
            }
            None => i += unmatched_len(text, i),
        }
    }
    out.push_str(&text[copied..]);
}

/// Maximum forward matching: calls `f` with each segment in order.
pub(crate) fn segment(dict: Dict, text: &str, mut f: impl FnMut(&str)) {
    let mut i = 0;
    let mut run = 0;
    while i < text.len() {
        match dict.longest(text, i) {
            Some(found) => {
                if run < i {
                    f(&text[run..i]);
                }
                f(&text[i..found.end]);
                i = found.end;
                run = i;
            }
            None => i += unmatched_len(text, i),
        }
    }
    if run < text.len() {
        f(&text[run..]);
    }
}

/// Byte offset in `text` up to which greedy decisions are final: a decision
/// at `i` reads at most `lookahead` characters from `i`, so it is final when
/// that many characters follow (the rest of the input may change the others).
fn decided_end(text: &str, lookahead: usize) -> usize {
    // Decisions at offsets up to the start of the lookahead-th character from
    // the end are final; return the (character-aligned) end of that character.
    text.char_indices()
        .rev()
        .nth(lookahead.saturating_sub(1))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

impl Converter {
    /// The last offset in `text` (which starts where a conversion may start
    /// and is followed by more input) at which the conversion can be cut
    /// without changing its result, judged by dictionary units alone: a
    /// boundary of the segmentation, or inside one unsegmented run a point
    /// where every stage of the chain has a final boundary. The caller
    /// rules out normalisation and ideographic description sequences.
    pub(crate) fn unit_cut(&self, text: &str) -> Option<usize> {
        let lookahead = self.max_key_chars;
        let Some(seg) = self.segmentation else {
            return self.chain_cut(&text[..decided_end(text, lookahead)]);
        };
        let decided = decided_end(text, lookahead);
        let mut i = 0;
        let mut last = None;
        while i < decided {
            match seg.longest(text, i) {
                Some(found) => {
                    // The end of a matched segment is a segment boundary.
                    i = found.end;
                    last = Some(i);
                }
                None => i += unmatched_len(text, i),
            }
        }
        // Without a segment boundary, text[..decided] lies in one run.
        last.or_else(|| self.chain_cut(&text[..decided]))
    }

    /// The last offset in `run` (final text of one segment, which may go on
    /// after it) where every stage's greedy pass has a final boundary, so
    /// that converting the two sides apart changes nothing.
    fn chain_cut(&self, run: &str) -> Option<usize> {
        let lookahead = self.max_key_chars;
        // Candidate cuts: (offset in `run`, offset in the current stage's input).
        let mut candidates: Vec<(usize, usize)> =
            run.char_indices().skip(1).map(|(i, _)| (i, i)).collect();
        let mut current = run.to_string();
        for dict in &self.stages {
            let decided = decided_end(&current, lookahead);
            let mut out = String::new();
            // Boundaries of this stage: (offset in its input, offset in its output).
            let mut bounds = Vec::new();
            let mut i = 0;
            while i < decided {
                match dict.longest(&current, i) {
                    Some(found) => {
                        dict.emit(found.value, &mut out);
                        i = found.end;
                    }
                    None => {
                        let n = unmatched_len(&current, i);
                        out.push_str(&current[i..i + n]);
                        i += n;
                    }
                }
                bounds.push((i, out.len()));
            }
            // Keep the candidates that fall on a boundary, mapped to the output.
            let mut next = Vec::new();
            let mut b = bounds.iter().peekable();
            for &(origin, at) in &candidates {
                while b.next_if(|&&(input, _)| input < at).is_some() {}
                if let Some(&&(input, output)) = b.peek()
                    && input == at
                {
                    next.push((origin, output));
                }
            }
            candidates = next;
            // Only output up to the last final boundary is known text.
            let known = bounds.last().map_or(0, |&(_, output)| output);
            out.truncate(known);
            current = out;
        }
        candidates.last().map(|&(origin, _)| origin)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Semantics corner cases; every expected output is what OpenCC 1.4.2
    /// (the C++ library) produces, with tofu-risk dictionaries off and on.
    #[test]
    fn opencc_semantics() {
        // (config, input, without tofu-risk, with tofu-risk)
        let cases: &[(Config, &str, &str, &str)] = &[
            // Phrases decide one-to-many characters.
            (Config::S2t, "头发发展", "頭髮發展", "頭髮發展"),
            (Config::S2t, "尔后", "爾後", "爾後"),
            (Config::T2s, "乾隆", "乾隆", "乾隆"),
            // Keys may contain ASCII.
            (Config::S2t, "PN结", "PN結", "PN結"),
            // Two stages; the second sees only the first's segments.
            (Config::S2tw, "里程碑的台湾", "里程碑的臺灣", "里程碑的臺灣"),
            (Config::S2twp, "鼠标和软件", "滑鼠和軟體", "滑鼠和軟體"),
            // short_circuit group whose later member has longer keys.
            (Config::Tw2sp, "宏內核", "宏内核", "宏内核"),
            (
                Config::Tw2sp,
                "高級管理人才",
                "高级管理人才",
                "高级管理人才",
            ),
            // A complete IDS is copied whole; an incomplete one is not.
            (Config::S2t, "⿰氵尔后", "⿰氵尔後", "⿰氵尔後"),
            (Config::Tw2s, "⿰氵爾後", "⿰氵爾后", "⿰氵爾后"),
            (Config::S2t, "⿰氵", "⿰氵", "⿰氵"),
            // Compatibility ideographs are normalised, but not inside an IDS.
            (Config::S2t, "\u{F900}", "\u{8C48}", "\u{8C48}"),
            (Config::S2t, "⿰\u{F900}后", "⿰\u{F900}后", "⿰\u{F900}后"),
            // A variant stage changes a character, then a phrase of the next
            // stage matches across it and its unchanged neighbours.
            (Config::Tw2s, "允秘", "允祕", "允祕"),
            (Config::Tw2s, "壺裡乾坤", "壶里乾坤", "壶里乾坤"),
            (Config::Tw2s, "憑藉著", "凭借着", "凭借着"),
            (Config::Tw2s, "一個允秘的人", "一个允祕的人", "一个允祕的人"),
            // Two such places close together: the second one's phrase starts
            // inside the window after the first.
            (
                Config::Tw2s,
                "允秘人人人人人人人人人允秘",
                "允祕人人人人人人人人人允祕",
                "允祕人人人人人人人人人允祕",
            ),
            (
                Config::Tw2s,
                "允秘的的的的的的的的的的允秘",
                "允祕的的的的的的的的的的允祕",
                "允祕的的的的的的的的的的允祕",
            ),
            // Tofu-risk dictionary.
            (Config::T2s, "㖮", "㖮", "𪠵"),
            (Config::Jp2t, "弁護士", "辯護士", "辯護士"),
            // A byte-order mark passes through.
            (Config::S2t, "\u{FEFF}头发", "\u{FEFF}頭髮", "\u{FEFF}頭髮"),
            (Config::S2t, "", "", ""),
        ];
        for &(config, input, plain, tofu) in cases {
            for general in [false, true] {
                let conv = Converter::builder(config).general_path(general).build();
                assert_eq!(
                    conv.convert(input),
                    plain,
                    "{config} {input:?} (general path: {general})"
                );
                let conv = Converter::builder(config)
                    .general_path(general)
                    .tofu_risk(true)
                    .build();
                assert_eq!(
                    conv.convert(input),
                    tofu,
                    "{config} {input:?} with tofu-risk (general path: {general})"
                );
            }
            let got = Converter::new(config).convert(input);
            assert_eq!(got, plain, "{config} {input:?}");
            let got = Converter::builder(config)
                .tofu_risk(true)
                .build()
                .convert(input);
            assert_eq!(got, tofu, "{config} {input:?} with tofu-risk");
        }
    }

    /// OpenCC 1.4.2 passes segments as C strings, so in segmented configs it
    /// drops everything after a NUL in a segment (tw2sp: "汉\0字里程" gives
    /// "汉"). bianyi keeps the text: a deliberate difference.
    #[test]
    fn nul_is_kept() {
        for config in Config::ALL {
            for general in [false, true] {
                let conv = Converter::builder(*config).general_path(general).build();
                let out = conv.convert("汉\0字里程\0");
                assert_eq!(out.matches('\0').count(), 2, "{config}: {out:?}");
                assert!(out.chars().count() == 6, "{config}: {out:?}");
            }
        }
    }

    #[test]
    fn convert_into_appends() {
        let mut out = String::from("前:");
        Converter::new(Config::S2t).convert_into("汉字", &mut out);
        assert_eq!(out, "前:漢字");
    }
}
