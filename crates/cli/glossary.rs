//! `bianyi glossary …` and `bianyi qa`: maintaining termbases and checking
//! translations against them.

use std::ffi::OsString;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use bianyi_convert::{Script, detect};
use bianyi_glossary::{
    Columns, Entry, Finding, Format, Glossary, Lang, Problem, Segments, Status, Term,
};
use fluent_bundle::FluentValue;

use crate::args::{
    ColumnArgs, ExtractFormat, GlossaryArgs, GlossaryCommand, GlossaryFormat, QaArgs,
};
use crate::error::{CliError, Source};
use crate::i18n::Localizer;
use crate::output;

/// A path or user text for a message, escaped for the terminal.
fn s(v: &str) -> FluentValue<'static> {
    FluentValue::from(crate::term::shown(v))
}

/// `--keep-formulas`: TSV and CSV cells that begin with = + - @ as they are.
fn formulas(keep: bool) -> bianyi_glossary::Formulas {
    if keep {
        bianyi_glossary::Formulas::Keep
    } else {
        bianyi_glossary::Formulas::Neutralise
    }
}

fn format_of(f: GlossaryFormat) -> Format {
    match f {
        GlossaryFormat::Toml => Format::Toml,
        GlossaryFormat::Tsv => Format::Tsv,
        GlossaryFormat::Csv => Format::Csv,
        GlossaryFormat::Tbx => Format::Tbx,
    }
}

/// A language tag from the command line.
pub(crate) fn lang_arg(tag: &str) -> Result<Lang, CliError> {
    Lang::parse(tag).map_err(|kind| CliError::Glossary(bianyi_glossary::Error::new(kind)))
}

/// The column languages given with --source-lang/--target-lang, if both.
pub(crate) fn columns(args: &ColumnArgs) -> Result<Option<Columns>, CliError> {
    match (&args.source_lang, &args.target_lang) {
        (Some(s), Some(t)) => Ok(Some(Columns::new(lang_arg(s)?, lang_arg(t)?))),
        (None, None) => Ok(None),
        _ => Err(CliError::NeedBothLangs),
    }
}

/// Reads a glossary in any format (by extension).
pub(crate) fn load(path: &Path, cols: Option<&Columns>) -> Result<Glossary, CliError> {
    Glossary::load(path, None, cols).map_err(CliError::Glossary)
}

/// Prints to standard output.
fn print(text: &str) -> Result<(), CliError> {
    output::write(None, text.as_bytes())
}

/// Prints what a check found. A reader that stops early (`bianyi qa … |
/// head`) does not hide the findings: the check still ends with status 1
/// (which `main` would turn into a quiet 0 if the closed pipe came up to
/// it as an error).
fn print_findings(text: &str) -> Result<(), CliError> {
    match print(text) {
        Err(e) if e.is_broken_pipe() => Ok(()),
        other => other,
    }
}

/// Prints a line to standard error.
fn warn(text: &str) {
    let _ = writeln!(io::stderr().lock(), "{}", crate::term::line(text));
}

pub(crate) fn run(args: &GlossaryArgs, lang: Option<&str>) -> Result<(), CliError> {
    let l = Localizer::from_env(lang);
    match &args.command {
        GlossaryCommand::Add {
            file,
            terms,
            admitted,
            forbidden,
            id,
            merge,
            new_entry,
            domain,
            note,
            case_sensitive,
        } => add(
            &l,
            file,
            &[
                (Status::Preferred, terms),
                (Status::Admitted, admitted),
                (Status::Forbidden, forbidden),
            ],
            AddTo {
                id: id.as_deref(),
                merge: *merge,
                new_entry: *new_entry,
            },
            domain.as_deref(),
            note.as_deref(),
            *case_sensitive,
        ),
        GlossaryCommand::Remove { file, ids, term } if !term.is_empty() => {
            remove_terms(&l, file, ids, term)
        }
        GlossaryCommand::Remove { file, ids, .. } => {
            let mut g = load(file, None)?;
            for id in ids {
                if g.remove(id).is_none() {
                    return Err(CliError::NoSuchEntry {
                        id: id.clone(),
                        path: file.display().to_string(),
                    });
                }
            }
            output::write(Some(file), g.to_toml().as_bytes())?;
            warn(&l.msg(
                "glossary-removed",
                &[
                    ("count", FluentValue::from(ids.len())),
                    ("path", s(&file.display().to_string())),
                ],
            ));
            Ok(())
        }
        GlossaryCommand::List {
            files,
            json,
            columns: c,
        } => {
            let cols = columns(c)?;
            let mut text = String::new();
            for f in files {
                let g = load(f, cols.as_ref())?;
                for e in &g.entries {
                    if *json {
                        text.push_str(&crate::json::to_line(e));
                    } else {
                        text.push_str(&entry_line(e));
                    }
                    text.push('\n');
                }
            }
            print(&text)
        }
        GlossaryCommand::Check { files, columns: c } => {
            let cols = columns(c)?;
            let mut text = String::new();
            let (mut count, mut nested) = (0usize, 0usize);
            for f in files {
                let g = load(f, cols.as_ref())?;
                for p in bianyi_glossary::check(&g) {
                    if p.is_finding() {
                        count += 1;
                    } else {
                        nested += 1;
                    }
                    text.push_str(&format!(
                        "{}: {}\n",
                        crate::term::shown(&f.display().to_string()),
                        problem(&l, &p)
                    ));
                }
            }
            print_findings(&text)?;
            if nested > 0 {
                warn(&l.msg(
                    "glossary-nested-summary",
                    &[("count", FluentValue::from(nested))],
                ));
            }
            if count > 0 {
                warn(&l.msg("glossary-problems", &[("count", FluentValue::from(count))]));
                return Err(CliError::Findings);
            }
            Ok(())
        }
        GlossaryCommand::Merge {
            files,
            output,
            columns: c,
        } => {
            let cols = columns(c)?;
            let mut merged = Glossary::new();
            for f in files {
                let g = load(f, cols.as_ref())?;
                merged.source = g.source.clone().or(merged.source);
                merged.target = g.target.clone().or(merged.target);
                for e in g.entries {
                    if merged.remove(&e.id).is_some() {
                        warn(&l.msg(
                            "glossary-merge-replaced",
                            &[("id", s(&e.id)), ("path", s(&f.display().to_string()))],
                        ));
                    }
                    merged.entries.push(e);
                }
            }
            output::write(Some(output), merged.to_toml().as_bytes())
        }
        GlossaryCommand::Import {
            file,
            output,
            from,
            columns: c,
        } => {
            let cols = columns(c)?;
            let format = from.map(format_of);
            let g = Glossary::load(file, format, cols.as_ref()).map_err(CliError::Glossary)?;
            output::write(Some(output), g.to_toml().as_bytes())?;
            // (`-o -` writes to standard output, which the message names.)
            let to = match output::destination(Some(output)) {
                Some(path) => path.display().to_string(),
                None => l.msg("glossary-standard-output", &[]),
            };
            warn(&l.msg(
                "glossary-imported",
                &[
                    ("entries", FluentValue::from(g.entries.len())),
                    ("terms", FluentValue::from(g.term_count())),
                    ("path", s(&to)),
                ],
            ));
            Ok(())
        }
        GlossaryCommand::Export {
            file,
            format,
            output,
            keep_formulas,
            columns: c,
        } => {
            let cols = columns(c)?;
            let g = load(file, cols.as_ref())?;
            let text = g
                .render_with(format_of(*format), cols.as_ref(), formulas(*keep_formulas))
                .map_err(|e| CliError::Glossary(e.in_file(file)))?;
            output::write(output.as_deref(), text.as_bytes())
        }
        GlossaryCommand::Fmt { files, check } => {
            let mut changed = Vec::new();
            for f in files {
                let text = std::fs::read_to_string(f).map_err(|error| CliError::Read {
                    source: Source::path(f),
                    error,
                })?;
                let g = Glossary::from_toml(&text).map_err(|e| CliError::Glossary(e.in_file(f)))?;
                let canonical = g.to_toml();
                if canonical != text {
                    if !*check {
                        output::write(Some(f), canonical.as_bytes())?;
                    }
                    changed.push(f);
                }
            }
            for f in &changed {
                let id = if *check {
                    "glossary-not-canonical"
                } else {
                    "glossary-formatted"
                };
                warn(&l.msg(id, &[("path", s(&f.display().to_string()))]));
            }
            if *check && !changed.is_empty() {
                return Err(CliError::Findings);
            }
            Ok(())
        }
        GlossaryCommand::Extract {
            files,
            format,
            output,
            keep_formulas,
            columns: c,
        } => extract(files, *format, output.as_deref(), *keep_formulas, c),
    }
}

fn parse_term(arg: &str, status: Status, case_sensitive: bool) -> Result<Term, CliError> {
    let Some((tag, text)) = arg.split_once('=') else {
        return Err(CliError::BadTermArg {
            arg: arg.to_string(),
        });
    };
    let lang = lang_arg(tag)?;
    let text = text.trim();
    if text.is_empty() || text.chars().any(char::is_control) {
        return Err(CliError::BadTermArg {
            arg: arg.to_string(),
        });
    }
    let mut t = Term::new(lang, text).with_status(status);
    t.case_sensitive = case_sensitive;
    Ok(t)
}

/// Where `glossary add` puts its terms.
struct AddTo<'a> {
    /// `--id`: this entry (added if it does not exist).
    id: Option<&'a str>,
    /// `--merge`: the entry that already has one of the terms.
    merge: bool,
    /// `--new-entry`: a new entry even if another has the same terms.
    new_entry: bool,
}

/// The first entry of `g` with a term that one of `terms` is (same
/// language, same text up to script variant, width and case): the entry's
/// index and that term.
fn same_terms<'a>(g: &Glossary, terms: &'a [Term]) -> Option<(usize, &'a Term)> {
    let wanted: Vec<(&str, String)> = terms
        .iter()
        .map(|t| (t.lang.language(), bianyi_glossary::fold_key(&t.text)))
        .collect();
    g.entries.iter().enumerate().find_map(|(i, e)| {
        e.terms.iter().find_map(|x| {
            let key = (x.lang.language(), bianyi_glossary::fold_key(&x.text));
            wanted
                .iter()
                .position(|w| w.0 == key.0 && w.1 == key.1)
                .map(|k| (i, &terms[k]))
        })
    })
}

fn add(
    l: &Localizer,
    file: &Path,
    groups: &[(Status, &Vec<String>)],
    to: AddTo<'_>,
    domain: Option<&str>,
    note: Option<&str>,
    case_sensitive: bool,
) -> Result<(), CliError> {
    let mut g = if file.exists() {
        load(file, None)?
    } else {
        Glossary::new()
    };
    let mut terms = Vec::new();
    for (status, args) in groups {
        for a in *args {
            terms.push(parse_term(a, *status, case_sensitive)?);
        }
    }
    let path = file.display().to_string();
    let mut existing = to
        .id
        .and_then(|id| g.entries.iter().position(|e| e.id == id));
    if existing.is_none() && !to.new_entry {
        match same_terms(&g, &terms) {
            Some((i, _)) if to.merge => existing = Some(i),
            Some((i, t)) => {
                return Err(CliError::SameTerms {
                    term: t.text.clone(),
                    lang: t.lang.to_string(),
                    id: g.entries[i].id.clone(),
                    path,
                });
            }
            None if to.merge => return Err(CliError::NothingToMerge { path }),
            None => {}
        }
    }
    let mut lines = Vec::new();
    let (entry_id, added) = match existing {
        Some(i) => {
            let e = &mut g.entries[i];
            let mut added = 0;
            for t in terms {
                let key = bianyi_glossary::fold_key(&t.text);
                let same = e
                    .terms
                    .iter_mut()
                    .find(|x| x.lang == t.lang && bianyi_glossary::fold_key(&x.text) == key);
                match same {
                    None => {
                        e.terms.push(t);
                        added += 1;
                    }
                    Some(x) if x.status != t.status => {
                        lines.push(l.msg(
                            "glossary-status-changed",
                            &[
                                ("term", s(&x.text)),
                                ("lang", s(x.lang.as_str())),
                                ("id", s(&e.id)),
                                ("from", s(x.status.as_str())),
                                ("to", s(t.status.as_str())),
                            ],
                        ));
                        x.status = t.status;
                    }
                    Some(x) => lines.push(l.msg(
                        "glossary-term-present",
                        &[
                            ("term", s(&x.text)),
                            ("lang", s(x.lang.as_str())),
                            ("id", s(&e.id)),
                            ("status", s(x.status.as_str())),
                        ],
                    )),
                }
            }
            if let Some(d) = domain {
                e.domain = Some(d.to_string());
            }
            if let Some(n) = note {
                e.note = Some(n.to_string());
            }
            (e.id.clone(), added)
        }
        None => {
            let mut e = Entry::new(to.id.unwrap_or(""));
            e.domain = domain.map(str::to_string);
            e.note = note.map(str::to_string);
            let n = terms.len();
            e.terms = terms;
            let id = g
                .add(e)
                .map_err(|kind| CliError::Glossary(bianyi_glossary::Error::new(kind)))?
                .id
                .clone();
            (id, n)
        }
    };
    output::write(Some(file), g.to_toml().as_bytes())?;
    for line in &lines {
        warn(line);
    }
    if added > 0 || lines.is_empty() {
        warn(&l.msg(
            "glossary-added",
            &[
                ("terms", FluentValue::from(added)),
                ("id", s(&entry_id)),
                ("path", s(&path)),
            ],
        ));
    }
    Ok(())
}

/// `glossary remove FILE ID --term LANG=TEXT…`: single terms of one entry.
fn remove_terms(
    l: &Localizer,
    file: &Path,
    ids: &[String],
    terms: &[String],
) -> Result<(), CliError> {
    let path = file.display().to_string();
    let [id] = ids else {
        return Err(CliError::OneEntryForTerms);
    };
    let mut g = load(file, None)?;
    let Some(e) = g.entries.iter_mut().find(|e| e.id == *id) else {
        return Err(CliError::NoSuchEntry {
            id: id.clone(),
            path,
        });
    };
    let mut removed = Vec::new();
    for a in terms {
        let t = parse_term(a, Status::Preferred, false)?;
        let key = bianyi_glossary::fold_key(&t.text);
        let Some(k) = e
            .terms
            .iter()
            .position(|x| x.lang == t.lang && bianyi_glossary::fold_key(&x.text) == key)
        else {
            return Err(CliError::NoSuchTerm {
                id: id.clone(),
                lang: t.lang.to_string(),
                term: t.text,
                path,
            });
        };
        removed.push(e.terms.remove(k));
    }
    output::write(Some(file), g.to_toml().as_bytes())?;
    for t in &removed {
        warn(&l.msg(
            "glossary-term-removed",
            &[
                ("term", s(&t.text)),
                ("lang", s(t.lang.as_str())),
                ("id", s(id)),
                ("path", s(&path)),
            ],
        ));
    }
    Ok(())
}

/// `id: lang text · lang text (admitted) · …`
/// One entry on one line, for a terminal: ids, terms and domains escaped
/// (they hold no control characters, but may hold bidirectional ones).
fn entry_line(e: &Entry) -> String {
    use crate::term::shown;
    let mut line = shown(&e.id);
    line.push(':');
    for (k, t) in e.terms.iter().enumerate() {
        line.push_str(if k == 0 { " " } else { " · " });
        line.push_str(t.lang.as_str());
        line.push(' ');
        line.push_str(&shown(&t.text));
        if t.status != Status::Preferred {
            line.push_str(&format!(" ({})", t.status));
        }
    }
    if let Some(d) = &e.domain {
        line.push_str(&format!(" [{}]", shown(d)));
    }
    line
}

fn problem(l: &Localizer, p: &Problem) -> String {
    match p {
        Problem::EmptyEntry { id } => l.msg("check-empty-entry", &[("id", s(id))]),
        Problem::NoUsableTerm { id } => l.msg("check-no-usable-term", &[("id", s(id))]),
        Problem::DuplicateTerm { id, term } => {
            l.msg("check-duplicate-term", &[("id", s(id)), ("term", s(term))])
        }
        Problem::ConflictingTargets {
            term,
            ids,
            lang,
            targets,
        } => {
            let pairs: Vec<String> = ids
                .iter()
                .zip(targets)
                .map(|(i, t)| format!("{i} → {t}"))
                .collect();
            l.msg(
                "check-conflicting-targets",
                &[
                    ("term", s(term)),
                    ("lang", s(lang)),
                    ("targets", s(&pairs.join(", "))),
                ],
            )
        }
        Problem::DuplicateEntries { term, ids } => l.msg(
            "check-duplicate-entries",
            &[("term", s(term)), ("ids", s(&ids.join(", ")))],
        ),
        Problem::Nested {
            term,
            id,
            count,
            examples,
        } => {
            let examples: Vec<String> = examples
                .iter()
                .map(|(by, by_id)| format!("“{by}” ({by_id})"))
                .collect();
            l.msg(
                "check-nested",
                &[
                    ("term", s(term)),
                    ("id", s(id)),
                    ("count", FluentValue::from(*count)),
                    ("examples", s(&examples.join(", "))),
                ],
            )
        }
        Problem::ForbiddenElsewhereAllowed {
            term,
            forbidden_in,
            allowed_in,
        } => l.msg(
            "check-forbidden-allowed",
            &[
                ("term", s(term)),
                ("forbidden_in", s(forbidden_in)),
                ("allowed_in", s(allowed_in)),
            ],
        ),
        // A problem added to the library later: its own (English) words.
        _ => crate::term::shown(&p.to_string()),
    }
}

fn extract(
    files: &[OsString],
    format: ExtractFormat,
    output: Option<&Path>,
    keep_formulas: bool,
    c: &ColumnArgs,
) -> Result<(), CliError> {
    let files: Vec<OsString> = if files.is_empty() {
        vec!["-".into()]
    } else {
        files.to_vec()
    };
    let mut text = String::new();
    for f in &files {
        let (_, t) = crate::detect::read(f)?;
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(&t);
    }
    let candidates = bianyi_glossary::extract(&text);
    let source = match &c.source_lang {
        Some(tag) => lang_arg(tag)?,
        None => lang_arg(match detect(&text).script {
            Script::Simplified => "zh-Hans",
            _ => "zh-Hant",
        })?,
    };
    let target = lang_arg(c.target_lang.as_deref().unwrap_or("en"))?;
    let rendered = match format {
        ExtractFormat::Tsv => bianyi_glossary::candidates_to_tsv_headed(
            &candidates,
            &source,
            &target,
            formulas(keep_formulas),
        ),
        ExtractFormat::Toml => {
            let mut g =
                bianyi_glossary::candidates_to_glossary(&candidates, source.clone(), target);
            other_script(&mut g, &source)?;
            g.to_toml()
        }
    };
    output::write(output, rendered.as_bytes())
}

/// A harvested glossary keeps names alike in both scripts: each entry gets
/// its source term converted to the other script (zh-Hans for a zh-Hant
/// text, zh-Hant for a zh-Hans one), which `convert --to` then writes.
fn other_script(g: &mut Glossary, source: &Lang) -> Result<(), CliError> {
    let (tag, to) = match source.chinese_script() {
        Some(bianyi_glossary::ChineseScript::Simplified) => {
            ("zh-Hant", bianyi_convert::Target::Hant)
        }
        Some(_) => ("zh-Hans", bianyi_convert::Target::Hans),
        None => return Ok(()),
    };
    let other = lang_arg(tag)?;
    let conversion = bianyi_convert::Conversion::new(to);
    for e in &mut g.entries {
        let derived: Vec<Term> = e
            .terms
            .iter()
            .filter(|t| t.lang == *source)
            .map(|t| Term::new(other.clone(), conversion.convert(&t.text)).with_status(t.status))
            .collect();
        e.terms.extend(derived);
    }
    Ok(())
}

/// Stacks glossaries for conversion and QA: later files win; a term that
/// two files render differently is reported on standard error.
pub(crate) fn stack(
    l: &Localizer,
    paths: &[PathBuf],
    cols: Option<&Columns>,
    lang: Option<&Lang>,
) -> Result<Glossary, CliError> {
    let loaded = paths
        .iter()
        .map(|p| load(p, cols))
        .collect::<Result<Vec<_>, _>>()?;
    let (all, conflicts) = bianyi_glossary::stack(loaded, lang);
    for c in conflicts {
        warn(&l.msg(
            "warning-glossary-conflict",
            &[
                ("term", s(&c.term)),
                ("first", s(&paths[c.first].display().to_string())),
                ("first_target", s(&c.first_target)),
                ("second", s(&paths[c.second].display().to_string())),
                ("second_target", s(&c.second_target)),
            ],
        ));
    }
    Ok(all)
}

pub(crate) fn qa(args: &QaArgs, lang: Option<&str>) -> Result<(), CliError> {
    let l = Localizer::from_env(lang);
    let cols = columns(&args.columns)?;
    let g = stack(&l, &args.glossaries, cols.as_ref(), None)?;
    let source_lang = match (&args.columns.source_lang, &g.source) {
        (Some(t), _) => lang_arg(t)?,
        (None, Some(s)) => s.clone(),
        (None, None) => return Err(CliError::NeedBothLangs),
    };
    let target_lang = match (&args.columns.target_lang, &g.target) {
        (Some(t), _) => lang_arg(t)?,
        (None, Some(s)) => s.clone(),
        (None, None) => return Err(CliError::NeedBothLangs),
    };
    let (_, source) = crate::detect::read(&args.source.clone().into_os_string())?;
    let (_, target) = crate::detect::read(&args.target.clone().into_os_string())?;
    let (mut s_seg, mut t_seg) = (Segments::paragraphs(&source), Segments::paragraphs(&target));
    if s_seg.len() != t_seg.len() {
        warn(&l.msg(
            "qa-paragraphs-differ",
            &[
                ("source", FluentValue::from(s_seg.len())),
                ("target", FluentValue::from(t_seg.len())),
            ],
        ));
        s_seg = Segments::whole(&source);
        t_seg = Segments::whole(&target);
    }
    let findings = bianyi_glossary::qa(&g, &source_lang, &target_lang, &s_seg, &t_seg)
        .map_err(CliError::Glossary)?;
    let (sp, tp) = (
        args.source.display().to_string(),
        args.target.display().to_string(),
    );
    let mut text = String::new();
    for f in &findings {
        if args.json {
            text.push_str(&finding_json(f, &sp, &tp));
        } else {
            text.push_str(&finding_line(&l, f, &sp, &tp));
        }
        text.push('\n');
    }
    print_findings(&text)?;
    if findings.is_empty() {
        return Ok(());
    }
    if !args.json {
        warn(&l.msg(
            "qa-findings",
            &[("count", FluentValue::from(findings.len()))],
        ));
    }
    Err(CliError::Findings)
}

pub(crate) fn finding_line(l: &Localizer, f: &Finding, sp: &str, tp: &str) -> String {
    match f {
        Finding::MissingTarget {
            segment,
            at,
            source,
            id,
            expected,
        } => l.msg(
            "qa-missing",
            &[
                ("where", s(&format!("{sp}:{}:{}", at.line, at.column))),
                ("term", s(source)),
                ("id", s(id)),
                ("expected", s(&expected.join(" / "))),
                ("paragraph", FluentValue::from(segment + 1)),
                ("target", s(tp)),
            ],
        ),
        Finding::Forbidden {
            at,
            term,
            id,
            preferred,
            ..
        } => l.msg(
            "qa-forbidden",
            &[
                ("where", s(&format!("{tp}:{}:{}", at.line, at.column))),
                ("term", s(term)),
                ("id", s(id)),
                ("preferred", s(preferred.as_deref().unwrap_or("-"))),
            ],
        ),
        _ => crate::term::shown(&f.to_string()),
    }
}

/// One line of `qa --json`: the library's JSON of the finding
/// (`bianyi_glossary::Finding`'s `Serialize`) with the file it is in.
fn finding_json(f: &Finding, sp: &str, tp: &str) -> String {
    #[derive(serde::Serialize)]
    struct Record<'a> {
        file: &'a str,
        #[serde(flatten)]
        finding: &'a Finding,
    }
    let file = match f {
        Finding::MissingTarget { .. } => sp,
        _ => tp,
    };
    crate::term::json(crate::json::to_line(&Record { file, finding: f }))
}

/// Glossaries with at least this many terms get their compiled matcher
/// cached (building the automaton is most of their load time).
const CACHE_MIN_TERMS: usize = 10_000;

/// The matcher for `--glossary` files, read from the cache
/// ($XDG_CACHE_HOME/bianyi or ~/.cache/bianyi) when the same files were
/// compiled before, else built and (for large glossaries) cached. The
/// cache key covers bianyi's version and each file's path, size and
/// modification time; a damaged cache file, or one built for other glossary
/// contents (its stored digest differs), is rebuilt. `BIANYI_NO_CACHE=1` turns the cache off.
/// The folder and the file are trusted only as far as `output::cache`
/// checks them: anything odd is a miss (docs/reliability.md, section 7).
pub(crate) fn applier_matcher(
    paths: &[PathBuf],
    g: &Glossary,
) -> Result<bianyi_glossary::Matcher, CliError> {
    use std::hash::{Hash, Hasher};
    let build = || {
        bianyi_glossary::Matcher::new(g, bianyi_glossary::Applier::include)
            .map_err(CliError::Glossary)
    };
    let Some(dir) = output::cache::dir() else {
        return build();
    };
    if g.term_count() < CACHE_MIN_TERMS {
        return build();
    }
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    env!("CARGO_PKG_VERSION").hash(&mut hasher);
    "applier".hash(&mut hasher);
    // Each file by path, size and modification time (reading 20 MB again
    // to hash it would cost as much as a third of the load); the cached
    // matcher is also checked against the glossary when read.
    for p in paths {
        let Ok(meta) = std::fs::metadata(p) else {
            return build();
        };
        std::fs::canonicalize(p)
            .unwrap_or_else(|_| p.clone())
            .hash(&mut hasher);
        meta.len().hash(&mut hasher);
        meta.modified().ok().hash(&mut hasher);
    }
    g.term_count().hash(&mut hasher);
    let name = format!("matcher-{:016x}.bin", hasher.finish());
    // Anything odd in the folder or the file (see output::cache) is a miss.
    let Some(folder) = output::cache::folder(&dir) else {
        return build();
    };
    let sources: u64 = paths
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    if let Some(bytes) = output::cache::read(&folder, name.as_ref(), cache_limit(sources))
        && let Ok(m) = bianyi_glossary::Matcher::from_bytes(&bytes, g)
    {
        return Ok(m);
    }
    let m = build()?;
    // A cache that cannot be written is not an error.
    output::cache::write(&folder, name.as_ref(), &dir.join(&name), &m.to_bytes(g));
    Ok(m)
}

/// The largest cache file read for glossaries of `sources` bytes: well
/// above what their matcher takes (7.6 bytes per byte of a TSV of 10,000
/// short terms), so that only a file made to exhaust memory is refused.
fn cache_limit(sources: u64) -> u64 {
    sources.saturating_mul(32).saturating_add(64 << 20)
}
