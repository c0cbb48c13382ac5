//! Help texts and command-line errors in the user's language.
//!
//! clap's derive gives the command tree its English help from the doc
//! comments of crates/cli/args.rs. When help is shown or the command line
//! is wrong, the tree is rebuilt with every about and help text, every
//! heading and clap's own words taken from Fluent, by ids derived from the
//! command path: `cli-convert-about`, `cli-convert-config`,
//! `cli-align-format-tsv` (a possible value). A test keeps the en-US
//! messages equal to the doc comments, so the two never drift apart.
//!
//! A successful run never gets here: parsing tries the plain tree first.

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory};
use fluent_bundle::FluentValue;

use crate::args::Cli;
use crate::i18n::Localizer;

/// The Fluent id prefix of a command path (`cli`, `cli-glossary-add`).
fn prefix(path: &[&str]) -> String {
    let mut p = String::from("cli");
    for part in path {
        p.push('-');
        p.push_str(part);
    }
    p
}

/// The command tree with every text from `l`.
pub(crate) fn localized(l: &Localizer) -> Command {
    let cmd = Cli::command().disable_version_flag(true).arg(
        Arg::new("version")
            .short('V')
            .long("version")
            .action(ArgAction::Version)
            .help(l.msg("cli-version-flag", &[])),
    );
    localize(cmd, &mut Vec::new(), l)
}

fn localize(mut cmd: Command, path: &mut Vec<String>, l: &Localizer) -> Command {
    let parts: Vec<&str> = path.iter().map(String::as_str).collect();
    let p = prefix(&parts);
    let text = |id: &str| l.try_msg(id, &[]);
    if let Some(about) = text(&format!("{p}-about")) {
        cmd = cmd.about(about);
    }
    if let Some(about) = text(&format!("{p}-long-about")) {
        cmd = cmd.long_about(about);
    }
    // A few examples under the options (`cli-convert-examples`: a comment
    // line, then its command line, and so on).
    if let Some(examples) = text(&format!("{p}-examples")) {
        let heading = l.msg("cli-heading-examples", &[]);
        let lines: Vec<String> = examples.lines().map(|line| format!("  {line}")).collect();
        cmd = cmd.after_help(format!("{heading}:\n{}", lines.join("\n")));
    }
    // `{usage}` passes through Fluent into the template.
    let usage = l.msg("cli-usage", &[("usage", FluentValue::from("{usage}"))]);
    cmd = cmd
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{usage}\n\n{{all-args}}{{after-help}}"
        ))
        .subcommand_help_heading(l.msg("cli-heading-commands", &[]))
        .subcommand_value_name(l.msg("cli-placeholder-command", &[]))
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(l.msg("cli-help-flag", &[])),
        );
    // `mut_arg` moves an argument to the end, and headings are listed in
    // the order of their first argument: positionals first, as clap does.
    let mut ids: Vec<(bool, String)> = cmd
        .get_arguments()
        .map(|a| (!a.is_positional(), a.get_id().to_string()))
        .collect();
    ids.sort_by_key(|(option, _)| *option);
    let ids = ids.into_iter().map(|(_, id)| id);
    for id in ids {
        let key = format!("{p}-{id}");
        let shared = format!("cli-arg-{id}");
        // The command's own text, else the one every command shares.
        let text = |suffix: &str| {
            text(&format!("{key}{suffix}")).or_else(|| text(&format!("{shared}{suffix}")))
        };
        cmd = cmd.mut_arg(&id, |mut a| {
            if id == "help" || id == "version" {
                return a.help_heading(l.msg("cli-heading-options", &[]));
            }
            let mut help = text("").or_else(|| a.get_help().map(ToString::to_string));
            let mut long = text("-long");
            let mut extra = Vec::new();
            let values = a.get_possible_values();
            let shown: Vec<_> = values.iter().filter(|v| !v.is_hide_set()).collect();
            if !shown.is_empty()
                && !a.is_hide_possible_values_set()
                && a.get_action().takes_values()
            {
                let names: Vec<&str> = shown.iter().map(|v| v.get_name()).collect();
                extra.push(l.msg(
                    "cli-possible-values",
                    &[("values", FluentValue::from(names.join(", ")))],
                ));
                a = a.hide_possible_values(true);
                // The long help lists each value with its meaning.
                let mut lines = Vec::new();
                for v in &shown {
                    let meaning = text(&format!("-{}", v.get_name()))
                        .or_else(|| v.get_help().map(ToString::to_string));
                    if let Some(m) = meaning {
                        lines.push(format!("  {}: {m}", v.get_name()));
                    }
                }
                if !lines.is_empty() {
                    let base = long.clone().or_else(|| help.clone()).unwrap_or_default();
                    long = Some(format!("{base}\n\n{}", lines.join("\n")));
                }
            }
            let defaults: Vec<String> = a
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            if !defaults.is_empty()
                && !a.is_hide_default_value_set()
                && a.get_action().takes_values()
            {
                extra.push(l.msg(
                    "cli-default",
                    &[("value", FluentValue::from(defaults.join(", ")))],
                ));
                a = a.hide_default_value(true);
            }
            if !extra.is_empty() {
                let tail = extra.join(" ");
                help = Some(match help {
                    Some(h) => format!("{h} {tail}"),
                    None => tail.clone(),
                });
                long = long.map(|lh| format!("{lh}\n\n{tail}"));
            }
            if let Some(h) = help {
                a = a.help(h);
            }
            if let Some(lh) = long {
                a = a.long_help(lh);
            }
            let heading = if a.is_positional() {
                "cli-heading-arguments"
            } else if a.get_help_heading() == Some(crate::args::GLOSSARY_HEADING) {
                "cli-heading-glossary"
            } else {
                "cli-heading-options"
            };
            a.help_heading(l.msg(heading, &[]))
        });
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in &names {
        path.push(name.clone());
        cmd = cmd.mut_subcommand(name, |s| localize(s, path, l));
        path.pop();
    }
    if !names.is_empty() {
        // Listed as clap lists its own (`bianyi help convert` is read as
        // `bianyi convert --help` before parsing: `help_subcommand`).
        cmd = cmd.subcommand(
            Command::new("help")
                .about(l.msg("cli-help-command", &[]))
                .disable_help_flag(true)
                .arg(
                    Arg::new("command")
                        .num_args(0..)
                        .value_name(l.msg("cli-placeholder-command", &[])),
                ),
        );
    }
    cmd
}

/// The words of a rendered help page (`rendered`, with or without ANSI
/// styles) that clap writes itself and no setting reaches: the colon after
/// each heading (`Options:`), which Chinese writes full-width
/// (`cli-heading-line`), and `[OPTIONS]` in the usage line
/// (`cli-placeholder-options`).
pub(crate) fn finish_help(rendered: &str, l: &Localizer) -> String {
    let headings: Vec<String> = [
        "cli-heading-commands",
        "cli-heading-arguments",
        "cli-heading-options",
        "cli-heading-glossary",
        "cli-heading-examples",
    ]
    .iter()
    .map(|id| l.msg(id, &[]))
    .collect();
    let options = format!("[{}]", l.msg("cli-placeholder-options", &[]));
    let mut out = String::with_capacity(rendered.len());
    for line in rendered.split_inclusive('\n') {
        let plain = strip_ansi(line);
        let heading = headings
            .iter()
            .find(|h| plain.trim_end() == format!("{h}:"));
        match heading {
            Some(h) => {
                let shown = l.msg(
                    "cli-heading-line",
                    &[("heading", FluentValue::from(h.as_str()))],
                );
                out.push_str(&line.replacen(&format!("{h}:"), &shown, 1));
            }
            None => out.push_str(&line.replace("[OPTIONS]", &options)),
        }
    }
    out
}

/// `s` without its ANSI escape sequences (ESC `[` … final byte).
fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// `bianyi help [COMMAND]…` (and `bianyi glossary help add`) as the
/// same command line with `--help`: the localized tree has no `help`
/// subcommand of its own (clap's would be in English). A `help` where a
/// command takes files (`bianyi convert help`) is a file name, as before.
pub(crate) fn help_subcommand(args: &[OsString]) -> Vec<OsString> {
    let mut cmd = Cli::command();
    let mut out: Vec<OsString> = Vec::with_capacity(args.len() + 1);
    let mut it = args.iter();
    out.extend(it.next().cloned());
    let mut asked = false;
    while let Some(a) = it.next() {
        let Some(word) = a.to_str() else {
            out.push(a.clone());
            break;
        };
        if word == "--" {
            out.push(a.clone());
            break;
        }
        if word.starts_with('-') {
            out.push(a.clone());
            if word == "--lang" {
                out.extend(it.next().cloned());
            }
            continue;
        }
        if cmd.get_subcommands().next().is_none() {
            out.push(a.clone());
            break;
        }
        if word == "help" && !asked {
            asked = true;
            continue;
        }
        match cmd.find_subcommand(word) {
            Some(sub) => {
                let sub = sub.clone();
                out.push(a.clone());
                cmd = sub;
            }
            None => {
                out.push(a.clone());
                break;
            }
        }
    }
    out.extend(it.cloned());
    if asked {
        out.push("--help".into());
    }
    out
}

/// The `--lang` value of a command line that did not parse, if any.
pub(crate) fn lang_arg(args: &[OsString]) -> Option<String> {
    let mut it = args.iter().skip(1);
    while let Some(a) = it.next() {
        let a = a.to_str()?;
        if a == "--" {
            return None;
        }
        if let Some(v) = a.strip_prefix("--lang=") {
            return Some(v.to_string());
        }
        if a == "--lang" {
            return it.next().and_then(|v| v.to_str()).map(str::to_string);
        }
    }
    None
}

/// A command-line error in the user's language (clap's `error:` line,
/// tip, usage and pointer to --help).
pub(crate) fn error_text(e: &clap::Error, l: &Localizer) -> String {
    let get = |kind: ContextKind| -> String {
        match e.get(kind) {
            Some(ContextValue::String(s)) => s.clone(),
            Some(ContextValue::Strings(v)) => v.join(", "),
            Some(ContextValue::StyledStr(s)) => s.to_string(),
            Some(ContextValue::StyledStrs(v)) => v
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
            Some(ContextValue::Number(n)) => n.to_string(),
            _ => String::new(),
        }
    };
    // Values and names from the command line: escaped for the terminal.
    let s = |v: String| FluentValue::from(crate::term::shown(&v));
    let arg = get(ContextKind::InvalidArg);
    let value = get(ContextKind::InvalidValue);
    let mut text = match e.kind() {
        ErrorKind::InvalidValue => {
            let mut t = if value.is_empty() {
                l.msg("cli-error-missing-value", &[("arg", s(arg.clone()))])
            } else {
                l.msg(
                    "cli-error-invalid-value",
                    &[("value", s(value.clone())), ("arg", s(arg.clone()))],
                )
            };
            let valid = get(ContextKind::ValidValue);
            if !valid.is_empty() {
                t.push(' ');
                t.push_str(&l.msg("cli-possible-values", &[("values", s(valid))]));
            }
            t
        }
        ErrorKind::UnknownArgument => {
            l.msg("cli-error-unknown-argument", &[("arg", s(arg.clone()))])
        }
        ErrorKind::InvalidSubcommand => l.msg(
            "cli-error-unknown-subcommand",
            &[("name", s(get(ContextKind::InvalidSubcommand)))],
        ),
        ErrorKind::MissingRequiredArgument => {
            l.msg("cli-error-missing-required", &[("args", s(arg.clone()))])
        }
        ErrorKind::ArgumentConflict => {
            let other = get(ContextKind::PriorArg);
            // An option that takes one value, given twice (`-c t2s -c
            // s2t`): clap calls it a conflict with itself.
            if other == arg {
                l.msg("cli-error-given-twice", &[("arg", s(arg.clone()))])
            } else {
                l.msg(
                    "cli-error-conflict",
                    &[("arg", s(arg.clone())), ("other", s(other))],
                )
            }
        }
        ErrorKind::NoEquals => l.msg("cli-error-no-equals", &[("arg", s(arg.clone()))]),
        ErrorKind::ValueValidation => {
            // The parser's own reason (a number out of range, …) is in the
            // source error.
            let reason = std::error::Error::source(e)
                .map(ToString::to_string)
                .unwrap_or_default();
            l.msg(
                "cli-error-invalid-value-reason",
                &[
                    ("value", s(value.clone())),
                    ("arg", s(arg.clone())),
                    ("reason", s(reason)),
                ],
            )
        }
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            l.msg("cli-error-value-count", &[("arg", s(arg.clone()))])
        }
        ErrorKind::InvalidUtf8 => l.msg("cli-error-utf8", &[]),
        _ => {
            // Anything else: clap's English words, first line only.
            let rendered = e.render().to_string();
            let first = rendered
                .lines()
                .next()
                .unwrap_or_default()
                .trim_start_matches("error: ")
                .to_string();
            l.msg("cli-error-other", &[("detail", s(first))])
        }
    };
    let suggestion = get(ContextKind::SuggestedArg);
    let suggestion = if suggestion.is_empty() {
        get(ContextKind::SuggestedSubcommand)
    } else {
        suggestion
    };
    if !suggestion.is_empty() {
        text.push('\n');
        text.push_str(&l.msg("cli-tip-similar", &[("suggestion", s(suggestion))]));
    }
    if let Some(ContextValue::StyledStr(usage)) = e.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage.trim().trim_start_matches("Usage:").trim();
        let usage = usage.replace(
            "[OPTIONS]",
            &format!("[{}]", l.msg("cli-placeholder-options", &[])),
        );
        text.push_str("\n\n");
        text.push_str(&l.msg("cli-usage", &[("usage", s(usage))]));
    }
    text.push_str("\n\n");
    text.push_str(&l.msg("cli-more-info", &[]));
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One help text of the command tree: its Fluent id and the English text
    /// of the doc comment.
    /// One help text of the command tree: its Fluent ids (own, and the one
    /// shared by every command with this argument) and the English text of
    /// the doc comment.
    struct HelpText {
        id: String,
        shared: Option<String>,
        text: String,
    }

    /// Every help text of `cmd` and its subcommands, in tree order.
    fn texts(cmd: &Command) -> Vec<HelpText> {
        let mut out = Vec::new();
        walk(cmd, &mut Vec::new(), &mut out);
        out
    }

    fn walk<'a>(cmd: &'a Command, path: &mut Vec<&'a str>, out: &mut Vec<HelpText>) {
        let p = prefix(path);
        let mut push = |id: String, shared: Option<String>, text: Option<String>| {
            if let Some(text) = text.filter(|t| !t.is_empty()) {
                out.push(HelpText { id, shared, text });
            }
        };
        let own = |s: Option<&clap::builder::StyledStr>| s.map(ToString::to_string);
        push(format!("{p}-about"), None, own(cmd.get_about()));
        push(format!("{p}-long-about"), None, own(cmd.get_long_about()));
        for arg in cmd.get_arguments() {
            let (id, shared) = (
                format!("{p}-{}", arg.get_id()),
                format!("cli-arg-{}", arg.get_id()),
            );
            push(id.clone(), Some(shared.clone()), own(arg.get_help()));
            push(
                format!("{id}-long"),
                Some(format!("{shared}-long")),
                own(arg.get_long_help()),
            );
            for v in arg.get_possible_values() {
                if !v.is_hide_set() {
                    push(
                        format!("{id}-{}", v.get_name()),
                        Some(format!("{shared}-{}", v.get_name())),
                        own(v.get_help()),
                    );
                }
            }
        }
        for sub in cmd.get_subcommands() {
            path.push(sub.get_name());
            walk(sub, path, out);
            path.pop();
        }
    }

    /// The en-US help messages are the doc comments of args.rs, so the
    /// code's documentation and the English help cannot drift apart, and
    /// every help text has an id the other locales translate.
    #[test]
    fn en_us_help_is_the_doc_comments() {
        let l = Localizer::for_locale(Some("en-US"));
        let mut wrong = Vec::new();
        for t in texts(&Cli::command()) {
            let found = [Some(&t.id), t.shared.as_ref()]
                .into_iter()
                .flatten()
                .find_map(|id| l.try_msg(id, &[]).map(|m| (id, m)));
            match found {
                Some((_, m)) if m == t.text => {}
                Some((id, m)) => wrong.push(format!("{id}: en-US has {m:?}, args.rs {:?}", t.text)),
                None => wrong.push(format!(
                    "{}\t{}\t{}",
                    t.id,
                    t.shared.as_deref().unwrap_or_default(),
                    t.text
                )),
            }
        }
        assert!(
            wrong.is_empty(),
            "help texts missing from or different in locales/en-US/bianyi.ftl:\n{}",
            wrong.join("\n")
        );
    }

    #[test]
    fn help_and_errors_follow_the_locale() {
        let render = |lang: &str, args: &[&str]| -> String {
            let l = Localizer::for_locale(Some(lang));
            match localized(&l).try_get_matches_from(args) {
                Ok(_) => String::new(),
                Err(e) if e.kind() == ErrorKind::DisplayHelp => e.render().to_string(),
                Err(e) => error_text(&e, &l),
            }
        };
        let help = render("zh_CN.UTF-8", &["bianyi", "convert", "--help"]);
        assert!(help.contains("用法："), "{help}");
        assert!(help.contains("选项"), "{help}");
        assert!(!help.contains("Usage:"), "{help}");
        assert!(!help.contains("Print help"), "{help}");
        let help = render("zh_TW.UTF-8", &["bianyi", "align", "-h"]);
        assert!(help.contains("用法："), "{help}");
        assert!(help.contains("可選值"), "{help}");
        let help = render("C", &["bianyi", "--help"]);
        assert!(help.contains("Usage:"), "{help}");
        let err = render("zh_TW.UTF-8", &["bianyi", "convert", "--frobnicate"]);
        assert!(err.contains("--frobnicate"), "{err}");
        assert!(!err.contains("unexpected argument"), "{err}");
        let err = render(
            "zh_CN.UTF-8",
            &["bianyi", "align", "a", "b", "--format", "pdf"],
        );
        assert!(err.contains("pdf") && err.contains("tsv"), "{err}");
        assert!(!err.contains("invalid value"), "{err}");
    }

    /// Issue 21 (item 13): clap's own words in Chinese help pages: a
    /// full-width colon after each heading, `[OPTIONS]` and `<COMMAND>`
    /// translated; English keeps clap's.
    #[test]
    fn help_headings_and_placeholders_follow_the_locale() {
        let render = |lang: &str, args: &[&str], ansi: bool| -> String {
            let l = Localizer::for_locale(Some(lang));
            let e = localized(&l).try_get_matches_from(args).expect_err("help");
            let styled = e.render();
            let text = if ansi {
                styled.ansi().to_string()
            } else {
                styled.to_string()
            };
            finish_help(&text, &l)
        };
        for ansi in [false, true] {
            let help = render("zh_TW.UTF-8", &["bianyi", "convert", "-h"], ansi);
            let plain = strip_ansi(&help);
            for heading in ["引數：", "選項：", "術語表選項："] {
                assert!(
                    plain.contains(&format!("\n{heading}\n")),
                    "{heading}: {plain}"
                );
            }
            assert!(
                plain.contains("用法：bianyi convert [選項] [FILE]..."),
                "{plain}"
            );
            assert!(!plain.contains("[OPTIONS]"), "{plain}");
            // No heading line ends in an ASCII colon.
            assert!(
                !plain
                    .lines()
                    .any(|x| x.ends_with(':') && !x.starts_with(' ')),
                "{plain}"
            );
            let help = render("zh_CN.UTF-8", &["bianyi", "--help"], ansi);
            let plain = strip_ansi(&help);
            assert!(plain.contains("用法：bianyi [选项] <命令>"), "{plain}");
            assert!(plain.contains("\n命令：\n"), "{plain}");
            let help = render("C", &["bianyi", "convert", "--help"], ansi);
            let plain = strip_ansi(&help);
            assert!(
                plain.contains("Usage: bianyi convert [OPTIONS] [FILE]..."),
                "{plain}"
            );
            assert!(plain.contains("\nOptions:\n"), "{plain}");
        }
    }

    #[test]
    fn help_subcommand_is_help_flag() {
        let run = |v: &[&str]| -> String {
            let args: Vec<OsString> = v.iter().map(OsString::from).collect();
            let out = help_subcommand(&args);
            out.iter()
                .map(|a| a.to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(run(&["bianyi", "help"]), "bianyi --help");
        assert_eq!(run(&["bianyi", "help", "convert"]), "bianyi convert --help");
        assert_eq!(
            run(&["bianyi", "--lang", "zh-TW", "help", "glossary", "add"]),
            "bianyi --lang zh-TW glossary add --help"
        );
        assert_eq!(
            run(&["bianyi", "glossary", "help", "add"]),
            "bianyi glossary add --help"
        );
        // A file named help stays a file.
        assert_eq!(run(&["bianyi", "convert", "help"]), "bianyi convert help");
        assert_eq!(run(&["bianyi", "convert", "-x"]), "bianyi convert -x");
    }

    #[test]
    fn lang_is_found_in_a_broken_command_line() {
        let args = |v: &[&str]| v.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            lang_arg(&args(&["bianyi", "--lang", "zh-TW", "x"])).as_deref(),
            Some("zh-TW")
        );
        assert_eq!(
            lang_arg(&args(&["bianyi", "convert", "--lang=zh-CN"])).as_deref(),
            Some("zh-CN")
        );
        assert_eq!(lang_arg(&args(&["bianyi", "--", "--lang", "x"])), None);
    }
}
