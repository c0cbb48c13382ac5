//! `bianyi align` and `bianyi report`: bilingual files from a text and its
//! translation or conversion.

use std::ffi::OsString;
use std::io::Write;

use std::io::IsTerminal as _;

use bianyi_align::{
    Bitext, Method, Options, Segmentation, WordLexicon, align, align_conversion,
    align_with_progress, segment,
};
use bianyi_convert::{Conversion, Script, detect};
use bianyi_glossary::{Applier, Glossary, Lang, Matcher, Segments, TermMode};

use crate::args::{AlignArgs, AlignFormat, AlignMethod, ReportArgs, ReportFormat, SegmentedArg};
use crate::convert::to_of;
use crate::error::{CliError, Source};
use crate::glossary::{lang_arg, stack};
use crate::i18n::Localizer;
use crate::output;
use crate::render::{self, Report};

fn read(f: &OsString) -> Result<String, CliError> {
    crate::detect::read(f).map(|(_, text)| text)
}

/// The language `align` takes a text in when none is given: Chinese, in
/// the script detection finds (`zh` when the text is mixed or uses only
/// characters both scripts share), when its Han characters are at least a
/// quarter as many as its Latin letters and as many as its other letters
/// (kana, Hangul, Cyrillic, …); English when Latin letters are at least
/// twice as many as other letters; else none. The second value says which
/// rule decided (true: Chinese).
pub(crate) fn guess_language(text: &str) -> Option<(&'static str, bool)> {
    let d = detect(text);
    let han = d.counts.han;
    let (mut latin, mut other) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        if c.is_ascii_alphabetic() || ('\u{c0}'..='\u{24f}').contains(&c) {
            latin += 1;
        } else {
            other += 1;
        }
    }
    // Han characters are alphabetic too.
    let other = other.saturating_sub(han);
    if han > 0 && han * 4 >= latin && han >= other {
        let tag = match d.script {
            Script::Simplified => "zh-Hans",
            Script::Traditional => "zh-Hant",
            _ => "zh",
        };
        return Some((tag, true));
    }
    (latin > 0 && latin >= 2 * other).then_some(("en", false))
}

/// The language of one input of `align`: as given, else guessed (and said
/// on standard error).
fn language_of(
    l: &Localizer,
    given: Option<&str>,
    text: &str,
    file: &OsString,
    option: &'static str,
) -> Result<Lang, CliError> {
    if let Some(tag) = given {
        return lang_arg(tag);
    }
    let path = if file == "-" {
        Source::Stdin.render(l)
    } else {
        std::path::Path::new(file).display().to_string()
    };
    let Some((tag, chinese)) = guess_language(text) else {
        return Err(CliError::AlignLangUnknown { path, option });
    };
    let id = if chinese {
        "note-align-lang-chinese"
    } else {
        "note-align-lang-latin"
    };
    let note = l.msg(
        id,
        &[
            ("path", path.into()),
            ("lang", tag.into()),
            ("option", option.into()),
        ],
    );
    let _ = writeln!(std::io::stderr().lock(), "{note}");
    lang_arg(tag)
}

/// Term pairs of the glossaries between two languages: every term close to
/// `source` (any Chinese term for a Chinese source) with every
/// non-forbidden term close to `target`.
fn lexicon(g: &Glossary, source: &Lang, target: &Lang) -> Vec<(String, String)> {
    let close = |l: &Lang, want: &Lang| {
        if want.is_chinese() {
            l.is_chinese()
        } else {
            l.closeness(want) > 0
        }
    };
    let mut pairs = Vec::new();
    for e in &g.entries {
        for s in e.terms.iter().filter(|t| close(&t.lang, source)) {
            for t in e.terms.iter().filter(|t| {
                t.status != bianyi_glossary::Status::Forbidden && close(&t.lang, target)
            }) {
                if s.text != t.text {
                    pairs.push((s.text.clone(), t.text.clone()));
                }
            }
        }
    }
    pairs
}

/// The word lexicon of `align`: `--dict FILE`, none with `--no-dict`, else
/// the installed one (checked here, so that a damaged one is an error, not
/// silently left out). Said on standard error with `--verbose`; when none
/// is installed, how to get one is said once, with `--verbose` or when
/// standard error is a terminal.
fn word_lexicon(
    l: &Localizer,
    args: &AlignArgs,
    source: &Lang,
    target: &Lang,
    options: &mut Options,
) -> Result<(), CliError> {
    let english = |g: &Lang| g.as_str() == "en" || g.as_str().starts_with("en-");
    let applies = args.method == AlignMethod::Lexical
        && ((source.is_chinese() && english(target)) || (target.is_chinese() && english(source)));
    let start = std::time::Instant::now();
    let lexicon = if args.no_dict {
        options.installed_lexicon = false;
        None
    } else if let Some(dict) = &args.dict {
        let bytes = std::fs::read(dict).map_err(|error| CliError::Read {
            source: Source::path(dict),
            error,
        })?;
        let loaded = std::str::from_utf8(&bytes)
            .map_err(|e| {
                bianyi_align::LexiconError::new(bianyi_align::Problem::NotUtf8 {
                    offset: e.valid_up_to(),
                })
            })
            .and_then(|text| {
                if text.starts_with("# bianyi word lexicon") {
                    WordLexicon::parse(text)
                } else {
                    WordLexicon::from_cedict(text, &dict.display().to_string())
                }
            })
            .map_err(|error| CliError::Dict {
                error: error.with_path(dict),
                installed: false,
            })?;
        let loaded = std::sync::Arc::new(loaded);
        options.word_lexicon = Some(loaded.clone());
        options.installed_lexicon = false;
        Some((dict.display().to_string(), loaded))
    } else if applies {
        let installed = bianyi_align::installed_lexicon().map_err(|error| CliError::Dict {
            error,
            installed: true,
        })?;
        let path = bianyi_align::lexicon_paths()
            .into_iter()
            .find(|p| p.is_file())
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        installed.map(|lexicon| (path, lexicon))
    } else {
        None
    };
    let verbose = args.verbose;
    if !applies || args.no_dict || !(verbose || std::io::stderr().is_terminal()) {
        return Ok(());
    }
    let note = match &lexicon {
        Some((path, lexicon)) if verbose => l.msg(
            "note-align-lexicon",
            &[
                ("path", crate::term::shown(path).into()),
                ("entries", lexicon.info().entries.into()),
                ("ms", start.elapsed().as_millis().to_string().into()),
            ],
        ),
        Some(_) => return Ok(()),
        None => l.msg("note-align-no-lexicon", &[]),
    };
    let _ = writeln!(std::io::stderr().lock(), "{note}");
    Ok(())
}

pub(crate) fn run_align(args: &AlignArgs, lang: Option<&str>) -> Result<(), CliError> {
    let l = Localizer::from_env(lang);
    let source = read(&args.source)?;
    let target = read(&args.target)?;
    let source_lang = language_of(
        &l,
        args.source_lang.as_deref(),
        &source,
        &args.source,
        "--source-lang",
    )?;
    let target_lang = language_of(
        &l,
        args.target_lang.as_deref(),
        &target,
        &args.target,
        "--target-lang",
    )?;
    let how = match args.segmented {
        SegmentedArg::Sentences => Segmentation::Sentences,
        SegmentedArg::Lines => Segmentation::Lines,
    };
    let mut options = Options::for_languages(source_lang.as_str(), target_lang.as_str());
    if !args.glossaries.is_empty() {
        let g = stack(&l, &args.glossaries, None, Some(&target_lang))?;
        options
            .lexicon
            .extend(lexicon(&g, &source_lang, &target_lang));
    }
    word_lexicon(&l, args, &source_lang, &target_lang, &mut options)?;
    options.method = match args.method {
        AlignMethod::Lexical => Method::Lexical,
        AlignMethod::Length => Method::Length,
    };
    options.threads = args.threads.map_or_else(
        || std::thread::available_parallelism().map_or(1, |n| n.get().min(4)),
        usize::from,
    );
    let source_segments = segment(&source, source_lang.as_str(), how);
    let target_segments = segment(&target, target_lang.as_str(), how);
    // A bar for inputs that take a noticeable time (about a second from
    // 20,000 segments), on standard error when it is a terminal.
    let bar = if source_segments.len() + target_segments.len() >= 20_000
        && std::io::stderr().is_terminal()
    {
        let bar = indicatif::ProgressBar::new(100);
        if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:40} {percent:>3}%") {
            bar.set_style(style);
        }
        bar
    } else {
        indicatif::ProgressBar::hidden()
    };
    let mut bitext = align_with_progress(
        source_lang.as_str(),
        target_lang.as_str(),
        source_segments,
        target_segments,
        &options,
        &mut |done| {
            // Whole percents: `done` is a fraction in [0, 1].
            #[allow(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "0 to 100"
            )]
            bar.set_position((done * 100.0).round() as u64);
        },
    );
    bar.finish_and_clear();
    bitext.low_confidence = args.min_score;
    let text = match args.format {
        AlignFormat::Beads => render::beads(&bitext),
        AlignFormat::Tsv => render::tsv(
            &bitext,
            if args.keep_formulas {
                bianyi_formats::Formulas::Keep
            } else {
                bianyi_formats::Formulas::Neutralise
            },
        ),
        AlignFormat::Jsonl => render::jsonl(&bitext),
        AlignFormat::Md => render::markdown(&bitext),
        AlignFormat::Tmx => render::tmx(&bitext),
        AlignFormat::Xliff => render::xliff(&bitext),
        AlignFormat::Html => render::html(&Report::plain(&bitext), &l),
    };
    output::write(args.output.as_deref(), text.as_bytes())
}

pub(crate) fn run_report(args: &ReportArgs, lang: Option<&str>) -> Result<(), CliError> {
    let l = Localizer::from_env(lang);
    let text = read(&args.file)?;
    let conversion = Conversion::new(to_of(args.to.as_deref(), args.config.as_deref())?);
    let translation = args.translation.as_ref().map(read).transpose()?;
    let out = report_text(&l, args, &conversion, &text, translation.as_deref(), None)?;
    output::write(args.output.as_deref(), out.as_bytes())
}

/// The report `args` ask for, of `text` (the contents of `args.file`)
/// converted by `conversion`, with `translation` (the contents of
/// `args.translation`); also for the reports of `bianyi build`.
pub(crate) fn report_text(
    l: &Localizer,
    args: &ReportArgs,
    conversion: &Conversion,
    text: &str,
    translation: Option<&str>,
    reviewed: Option<&bianyi_project::Alignment>,
) -> Result<String, CliError> {
    let detection = detect(text);
    let target = conversion.language();
    let source_tag = match detection.script {
        Script::Simplified => "zh-Hans",
        _ => "zh-Hant",
    };
    let target_lang = lang_arg(target.tag())?;
    // Glossary terms are applied (their preferred target-language form)
    // and marked on both sides.
    let glossary = if args.glossaries.is_empty() {
        None
    } else {
        Some(stack(l, &args.glossaries, None, Some(&target_lang))?)
    };
    let to_target = Conversion::new(target);
    let applier = glossary
        .as_ref()
        .map(|g| {
            Applier::new(
                g,
                TermMode::Replace,
                &target_lang,
                Some(&target_lang),
                &|t| to_target.convert(t),
            )
        })
        .transpose()
        .map_err(CliError::Glossary)?;
    // The document as a whole was judged above.
    let prepared = conversion.prepare_with(detection);
    let mut terms = applier.as_ref().map(Applier::hook);
    let mut convert = |s: &str| -> String {
        match terms.as_mut() {
            None => prepared.convert(s),
            Some(hook) => prepared.convert_with(s, hook),
        }
    };
    let (conversion_pair, converted) = align_conversion(
        text,
        source_tag,
        target.tag(),
        Segmentation::Sentences,
        &mut convert,
    );
    let matcher = glossary
        .as_ref()
        .map(|g| Matcher::new(g, |_| true))
        .transpose()
        .map_err(CliError::Glossary)?;
    let mut findings = Vec::new();
    let translated = match (&args.translation, translation) {
        (Some(path), Some(translation)) => {
            let tl = lang_arg(&args.translation_lang)?;
            let mut options = Options::for_languages(target.tag(), tl.as_str());
            options.installed_lexicon = !args.no_dict;
            if let Some(g) = &glossary {
                options.lexicon = lexicon(g, &target_lang, &tl);
            }
            let bitext = match reviewed {
                None => align(
                    target.tag(),
                    tl.as_str(),
                    segment(&converted, target.tag(), Segmentation::Sentences),
                    segment(translation, tl.as_str(), Segmentation::Sentences),
                    &options,
                ),
                Some(review) => reviewed_bitext(
                    review,
                    &conversion_pair,
                    segment(translation, tl.as_str(), Segmentation::Sentences),
                    (target.tag(), tl.as_str()),
                    &options,
                ),
            };
            if let Some(g) = &glossary {
                // The source's terms as the source has them (not what the
                // glossary wrote into the conversion), at places in the
                // file the user gave.
                let names = (report_name(l, &args.file), report_name(l, path));
                let source_lang = lang_arg(source_tag)?;
                findings = qa_findings(
                    l,
                    g,
                    &source_lang,
                    &tl,
                    &bitext,
                    (text, &conversion_pair),
                    translation,
                    &names,
                )?;
            }
            Some(bitext)
        }
        _ => None,
    };
    let mut report = match &translated {
        None => Report::conversion(&conversion_pair),
        Some(b) => {
            let mut r = Report::translation(b);
            r.set_originals(&conversion_pair);
            r
        }
    };
    report.file = Some(report_name(l, &args.file));
    report.settings = report_settings(l, args);
    report.findings = findings;
    if let (Some(g), Some(m)) = (&glossary, &matcher) {
        report.mark_terms(g, m);
    }
    let pair = translated.as_ref().unwrap_or(&conversion_pair);
    Ok(match args.format {
        ReportFormat::Html => render::html(&report, l),
        ReportFormat::Md => render::markdown_report(&report, l),
        ReportFormat::Tmx => render::tmx(pair),
        ReportFormat::Xliff => render::xliff(pair),
    })
}

/// The converted sentences of `pair` aligned with `translation`, the
/// reviewed beads of `review` (keyed by the source's sentences, which
/// `pair` pairs one to one with the converted ones) in place.
fn reviewed_bitext(
    review: &bianyi_project::Alignment,
    pair: &Bitext,
    translation: Vec<bianyi_align::Segment>,
    (target, tl): (&str, &str),
    options: &Options,
) -> Bitext {
    let mut bitext = align(target, tl, pair.target.clone(), translation, options);
    // Keys are the source's sentences: look the beads up on those.
    bitext.source = pair.source.clone();
    bianyi_align::apply_review(
        &mut bitext,
        &review.fixed(),
        review.reviewed,
        &mut |s, t| {
            let converted: Vec<_> = s
                .iter()
                .map(|seg| {
                    let k = pair
                        .source
                        .iter()
                        .position(|p| p.start == seg.start)
                        .unwrap_or(0);
                    pair.target[k].clone()
                })
                .collect();
            align(target, tl, converted, t.to_vec(), options).beads
        },
    );
    bitext.source = pair.target.clone();
    bitext
}

/// The name of a file in a report's title and header (`-`: standard
/// input's name).
fn report_name(l: &Localizer, file: &OsString) -> String {
    if file == "-" {
        l.msg("stdin-name", &[])
    } else {
        std::path::Path::new(file).display().to_string()
    }
}

/// The settings a report shows under its title: the conversion as it was
/// asked for (`--to zh-TW`, `-c t2s`), the glossaries, the translation.
fn report_settings(l: &Localizer, args: &ReportArgs) -> Vec<(String, String)> {
    let mut lines = Vec::new();
    let conversion = match (&args.to, &args.config) {
        (Some(to), _) => format!("--to {to}"),
        (None, Some(config)) => format!("-c {config}"),
        (None, None) => String::new(),
    };
    if !conversion.is_empty() {
        lines.push((l.msg("report-conversion", &[]), conversion));
    }
    if !args.glossaries.is_empty() {
        let names: Vec<String> = args
            .glossaries
            .iter()
            .map(|g| g.display().to_string())
            .collect();
        lines.push((l.msg("report-glossaries", &[]), names.join(", ")));
    }
    if let Some(t) = &args.translation {
        lines.push((
            l.msg("report-translation", &[]),
            format!("{} ({})", report_name(l, t), args.translation_lang),
        ));
    }
    lines
}

/// Terminology findings of the translation, bead by bead, as lines: the
/// terms of the source text (`source`, aligned one to one with its
/// conversion, the source side of `bitext`) against the translation.
#[allow(
    clippy::too_many_arguments,
    reason = "the two texts, their languages and names"
)]
fn qa_findings(
    l: &Localizer,
    g: &Glossary,
    source_lang: &Lang,
    target_lang: &Lang,
    bitext: &Bitext,
    (source, conversion): (&str, &Bitext),
    target: &str,
    names: &(String, String),
) -> Result<Vec<String>, CliError> {
    let range = |segs: &[bianyi_align::Segment], ids: &[usize]| -> (usize, usize) {
        match (
            ids.first().and_then(|&i| segs.get(i)),
            ids.last().and_then(|&i| segs.get(i)),
        ) {
            (Some(a), Some(b)) => (a.start, b.start + b.text.len()),
            _ => (0, 0),
        }
    };
    let beads: Vec<_> = bitext
        .beads
        .iter()
        .filter(|b| !b.source.is_empty() && !b.target.is_empty())
        .collect();
    // A bead's side in the converted text, then the source sentences
    // whose conversions overlap it (the conversion is aligned one to one).
    let s = Segments::from_ranges(
        source,
        beads
            .iter()
            .map(|b| {
                let (cs, ce) = range(&bitext.source, &b.source);
                let ids: Vec<usize> = conversion
                    .target
                    .iter()
                    .enumerate()
                    .filter(|(_, seg)| seg.start < ce && cs < seg.start + seg.text.len())
                    .map(|(k, _)| k)
                    .collect();
                range(&conversion.source, &ids)
            })
            .collect(),
    );
    let t = Segments::from_ranges(
        target,
        beads
            .iter()
            .map(|b| range(&bitext.target, &b.target))
            .collect(),
    );
    let findings =
        bianyi_glossary::qa(g, source_lang, target_lang, &s, &t).map_err(CliError::Glossary)?;
    Ok(findings
        .iter()
        .map(|f| crate::glossary::finding_line(l, f, &names.0, &names.1))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::guess_language;

    #[test]
    fn languages_are_guessed_from_the_letters() {
        assert_eq!(guess_language("头发很长。"), Some(("zh-Hans", true)));
        assert_eq!(guess_language("頭髮很長。"), Some(("zh-Hant", true)));
        // Only characters both scripts share.
        assert_eq!(guess_language("我们"), Some(("zh-Hans", true)));
        assert_eq!(guess_language("中文"), Some(("zh", true)));
        // Chinese with English names in it is Chinese.
        assert_eq!(
            guess_language("Meta首席AI科學家顏樂存(Yann LeCun)即將離職。"),
            Some(("zh-Hant", true))
        );
        // English with a Chinese name in it is English.
        assert_eq!(
            guess_language("Yann LeCun (顏樂存) is about to leave Meta, the paper says."),
            Some(("en", false))
        );
        assert_eq!(guess_language("Déjà vu, naïve café."), Some(("en", false)));
        assert_eq!(guess_language("こんにちは、世界。"), None);
        assert_eq!(guess_language("Привет, мир."), None);
        assert_eq!(guess_language("… 123 —"), None);
        assert_eq!(guess_language(""), None);
    }
}
