//! `check`: everything that would fail a review, for CI.

use bianyi_convert::{Script, Standard, Target, detect};
use bianyi_glossary::{Lang, Matcher, Segments, Status};
use bianyi_rewrite::LocaleFile;
use serde::Serialize;

use crate::build::{BuildOptions, Outcome, Sink, build, decode, load_glossaries, load_overrides};
use crate::config::Project;
use crate::error::Error;
use crate::plan::{InputKind, locale_format};

/// One problem `check` found. Serializes as an object with a `kind`
/// (`stale`, `modified`, `failed`, `forbidden-in-source`, `standard`,
/// `placeholders`, `alignment`, `override`; a QA finding has the `kind` of
/// `bianyi_glossary::Finding`: `missing` or `forbidden`) and the fields
/// below.
#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Finding {
    /// Building would write or remove this output.
    Stale {
        /// The output.
        output: String,
        /// Its input.
        input: String,
    },
    /// The output was changed by hand since the last build.
    Modified {
        /// The output.
        output: String,
    },
    /// The output cannot be built.
    Failed {
        /// The output.
        output: String,
        /// Its input.
        input: String,
    },
    /// Glossary QA of a translation against its source.
    Qa {
        /// The source.
        source: String,
        /// The translation.
        translation: String,
        /// What QA found.
        #[serde(flatten)]
        finding: bianyi_glossary::Finding,
    },
    /// A forbidden glossary term in a source.
    #[serde(rename = "forbidden-in-source")]
    Forbidden {
        /// The source.
        file: String,
        /// 1-based line.
        line: usize,
        /// 1-based column, in characters.
        column: usize,
        /// The term as written.
        term: String,
        /// Its entry.
        id: String,
        /// The preferred term, if the entry has one.
        preferred: Option<String>,
    },
    /// A source that detection says is not in its declared standard.
    Standard {
        /// The source.
        file: String,
        /// The declared standard.
        declared: String,
        /// What detection says.
        detected: String,
    },
    /// A localization output whose message lost or changed placeholders
    /// (or is missing).
    Placeholders {
        /// The localization source.
        source: String,
        /// The output.
        output: String,
        /// The message's id or key.
        key: String,
    },
    /// A bead of a reviewed alignment whose sentences are no longer in
    /// the source and its translation, in order: that part is aligned
    /// again until it is reviewed again.
    Alignment {
        /// The alignment file.
        file: String,
        /// The source.
        source: String,
        /// The bead (1-based, in the file).
        bead: usize,
    },
    /// A spot decision whose context is no longer in its file.
    Override {
        /// The file.
        file: String,
        /// The context looked for.
        context: String,
    },
}

/// What `check` found, in a stable order.
#[derive(Debug, Default)]
#[non_exhaustive]
pub struct CheckReport {
    /// The findings.
    pub findings: Vec<Finding>,
}

struct NoWrites;

impl Sink for NoWrites {
    fn write(&self, _: &std::path::Path, _: &[u8]) -> std::io::Result<()> {
        Ok(())
    }
    fn remove(&self, _: &std::path::Path) -> std::io::Result<()> {
        Ok(())
    }
}

/// The name of what detection says a text is.
fn detected_name(script: Script, standard: Option<Standard>) -> &'static str {
    match (script, standard) {
        (Script::Simplified, _) => "zh-Hans",
        (Script::Traditional, Some(Standard::Taiwan)) => "zh-TW",
        (Script::Traditional, Some(Standard::HongKong)) => "zh-HK",
        (Script::Traditional, _) => "zh-Hant",
        (Script::Mixed, _) => "mixed",
        (Script::Neutral, _) => "neutral",
        _ => "not-chinese",
    }
}

/// Whether a text detected as `script`/`standard` fits `declared`.
fn fits(declared: Target, script: Script, standard: Option<Standard>) -> bool {
    match script {
        // Shared characters only, or no Chinese: nothing says otherwise.
        Script::Neutral | Script::NotChinese => true,
        Script::Mixed => false,
        Script::Simplified => declared.is_simplified(),
        Script::Traditional => match (declared, standard) {
            (t, _) if t.is_simplified() => false,
            (Target::Taiwan, Some(Standard::HongKong)) => false,
            (Target::HongKong, Some(Standard::Taiwan)) => false,
            _ => true,
        },
        _ => true,
    }
}

/// Checks `project`: stale, hand-changed or failing outputs (a dry run of
/// [`build`]), glossary QA of translations, forbidden terms and sources
/// not in their declared standard, localization outputs whose messages
/// differ in shape from their sources, spot decisions that no longer
/// apply.
/// `options` as for [`build`] (its `dry_run` and `force` are not used:
/// nothing is written).
pub fn check(project: &Project, options: &BuildOptions) -> Result<CheckReport, Error> {
    let options = BuildOptions {
        dry_run: true,
        force: false,
        ..options.clone()
    };
    let built = build(project, &options, &NoWrites, &|_| {})?;
    let mut findings = Vec::new();
    for o in &built.outputs {
        match &o.outcome {
            Outcome::Converted | Outcome::Removed => findings.push(Finding::Stale {
                output: o.output.clone(),
                input: o.input.clone(),
            }),
            Outcome::ModifiedByHand => findings.push(Finding::Modified {
                output: o.output.clone(),
            }),
            Outcome::Failed(_) => findings.push(Finding::Failed {
                output: o.output.clone(),
                input: o.input.clone(),
            }),
            _ => {}
        }
    }
    findings.extend(review(project)?);
    Ok(CheckReport { findings })
}

/// The findings of [`check`] that do not need a build: glossary QA,
/// forbidden terms, declared standards, localization placeholders, beads
/// of reviewed alignments and spot decisions that no longer apply.
pub fn review(project: &Project) -> Result<Vec<Finding>, Error> {
    let mut findings = Vec::new();
    let (glossary, _, _) = load_glossaries(project)?;
    let forbidden = if glossary.entries.is_empty() {
        None
    } else {
        Matcher::new(&glossary, |t| {
            t.lang.is_chinese() && t.status == Status::Forbidden
        })
        .ok()
    };
    let plan = project.plan()?;
    for (input, kind) in &plan.inputs {
        let InputKind::Document(k) = *kind else {
            continue;
        };
        let set = &project.sources[k];
        let Ok(bytes) = std::fs::read(project.path(input)) else {
            continue;
        };
        let Ok(text) = decode(bytes, set.encoding) else {
            continue;
        };
        if let Some(declared) = set.standard {
            let d = detect(&text);
            if !fits(declared, d.script, d.standard) {
                findings.push(Finding::Standard {
                    file: input.clone(),
                    declared: declared.tag().to_string(),
                    detected: detected_name(d.script, d.standard).to_string(),
                });
            }
        }
        if let Some(m) = &forbidden {
            for hit in m.find(&text) {
                let entry = &glossary.entries[hit.entry];
                let term = &entry.terms[hit.term];
                let preferred = entry
                    .terms
                    .iter()
                    .find(|t| t.lang == term.lang && t.status == Status::Preferred)
                    .map(|t| t.text.clone());
                let at =
                    crate::error::Location::in_text(std::path::Path::new(input), &text, hit.start);
                findings.push(Finding::Forbidden {
                    file: input.clone(),
                    line: at.line,
                    column: at.column,
                    term: text[hit.start..hit.end].to_string(),
                    id: entry.id.clone(),
                    preferred,
                });
            }
        }
        if let Some((rel, lang)) = crate::alignments::translation_of(project, input)
            && let Some((saved, _)) = crate::alignments::load_alignment(project, input)?
            && let Ok(translation) = std::fs::read_to_string(project.path(&rel))
        {
            let (s, t) = crate::alignments::sentences(&text, &translation, &lang);
            let places = bianyi_align::locate(&saved.fixed(), &s, &t);
            for (k, _) in places.iter().enumerate().filter(|(_, p)| p.is_none()) {
                findings.push(Finding::Alignment {
                    file: crate::alignments::alignment_file(input),
                    source: input.clone(),
                    bead: k + 1,
                });
            }
        }
        if let Some(template) = &set.translation
            && !glossary.entries.is_empty()
            && let Some(rel) = template.render(input, "")
            && let Ok(translation) = std::fs::read_to_string(project.path(&rel))
        {
            let source_lang = match (&glossary.source, set.standard) {
                (Some(l), _) => l.clone(),
                (None, Some(t)) => {
                    Lang::parse(t.tag()).unwrap_or_else(|_| set.translation_lang.clone())
                }
                (None, None) => Lang::parse("zh").unwrap_or_else(|_| set.translation_lang.clone()),
            };
            let (mut s, mut t) = (
                Segments::paragraphs(&text),
                Segments::paragraphs(&translation),
            );
            if s.len() != t.len() {
                s = Segments::whole(&text);
                t = Segments::whole(&translation);
            }
            if let Ok(found) =
                bianyi_glossary::qa(&glossary, &source_lang, &set.translation_lang, &s, &t)
            {
                findings.extend(found.into_iter().map(|finding| Finding::Qa {
                    source: input.clone(),
                    translation: rel.clone(),
                    finding,
                }));
            }
        }
    }
    for job in &plan.jobs {
        if !matches!(job.kind, InputKind::Locale(_)) {
            continue;
        }
        let (Some(format), Ok(before), Ok(after)) = (
            locale_format(&job.input),
            std::fs::read_to_string(project.path(&job.input)),
            std::fs::read_to_string(project.path(&job.output)),
        ) else {
            continue;
        };
        let (Ok(src), Ok(out)) = (
            LocaleFile::parse(format, &before),
            LocaleFile::parse(format, &after),
        ) else {
            continue;
        };
        for unit in src.units().iter().filter(|u| !u.comment) {
            let same = out
                .units()
                .iter()
                .find(|o| !o.comment && o.key == unit.key)
                .is_some_and(|o| o.same_shape(unit));
            if !same {
                findings.push(Finding::Placeholders {
                    source: job.input.clone(),
                    output: job.output.clone(),
                    key: unit.key.clone(),
                });
            }
        }
    }
    let (overrides, _) = load_overrides(project)?;
    for spot in &overrides.spot {
        let present = std::fs::read_to_string(project.path(&spot.file))
            .is_ok_and(|t| t.contains(&spot.context));
        if !present {
            findings.push(Finding::Override {
                file: spot.file.clone(),
                context: spot.context.clone(),
            });
        }
    }
    Ok(findings)
}
