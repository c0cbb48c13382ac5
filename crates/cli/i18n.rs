//! The CLI's messages: Fluent files embedded at build time, the user's
//! locale negotiated against them, en-US as the last fallback.

use std::borrow::Cow;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use unic_langid::LanguageIdentifier;

/// The locales bianyi ships, with their messages.
const LOCALES: &[(&str, &str)] = &[
    ("en-US", include_str!("../../locales/en-US/bianyi.ftl")),
    ("zh-Hans", include_str!("../../locales/zh-Hans/bianyi.ftl")),
    ("zh-Hant", include_str!("../../locales/zh-Hant/bianyi.ftl")),
];

const FALLBACK: &str = "en-US";

/// Formats messages in the negotiated locales, falling back to en-US.
pub(crate) struct Localizer {
    bundles: Vec<FluentBundle<FluentResource>>,
}

/// A message argument.
pub(crate) type Arg<'a> = (&'a str, FluentValue<'a>);

impl Localizer {
    /// A localizer for the locale named by `--lang` or, failing that, the
    /// POSIX environment (LC_ALL, LC_MESSAGES, LANG).
    pub(crate) fn from_env(lang: Option<&str>) -> Localizer {
        let requested = lang.map(str::to_string).or_else(locale_from_env);
        Localizer::for_locale(requested.as_deref())
    }

    /// A localizer for one requested locale (BCP 47 or POSIX form).
    pub(crate) fn for_locale(requested: Option<&str>) -> Localizer {
        let mut chosen = negotiate(requested);
        if !chosen.iter().any(|l| l == FALLBACK) {
            chosen.push(FALLBACK.to_string());
        }
        let bundles = chosen
            .iter()
            .filter_map(|tag| {
                let (_, source) = LOCALES.iter().find(|(t, _)| t == tag)?;
                bundle(tag, source)
            })
            .collect();
        Localizer { bundles }
    }

    /// The primary locale in use, e.g. `zh-Hant`.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn locale(&self) -> String {
        self.bundles
            .first()
            .and_then(|b| b.locales.first())
            .map_or_else(|| FALLBACK.to_string(), |l| l.to_string())
    }

    /// The message `id` with `args`. A message missing from the user's
    /// locale comes from en-US; a message missing everywhere (a bug the
    /// locale tests catch) is shown as its id rather than lost.
    pub(crate) fn msg(&self, id: &str, args: &[Arg<'_>]) -> String {
        self.try_msg(id, args).unwrap_or_else(|| id.to_string())
    }

    /// The message `id` with `args`, from the first locale that has it.
    pub(crate) fn try_msg(&self, id: &str, args: &[Arg<'_>]) -> Option<String> {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        for bundle in &self.bundles {
            let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
            if errors.is_empty() {
                return Some(text.into_owned());
            }
        }
        None
    }
}

fn bundle(tag: &str, source: &str) -> Option<FluentBundle<FluentResource>> {
    let langid: LanguageIdentifier = tag.parse().ok()?;
    // The embedded files are checked by tests; a syntax error would drop
    // the whole locale here and the en-US fallback would take over.
    let resource = FluentResource::try_new(source.to_string()).ok()?;
    let mut bundle = FluentBundle::new(vec![langid]);
    // Terminal text: no U+2068/U+2069 isolation marks around placeables.
    bundle.set_use_isolating(false);
    bundle.add_resource(resource).ok()?;
    Some(bundle)
}

/// The first of LC_ALL, LC_MESSAGES, LANG that is set and not empty.
fn locale_from_env() -> Option<String> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|var| std::env::var(var).ok())
        .find(|v| !v.is_empty())
}

/// Turns a POSIX locale name (`zh_TW.UTF-8@x`) into a BCP 47 tag (`zh-TW`).
/// `C` and `POSIX` mean English.
pub(crate) fn posix_to_bcp47(name: &str) -> Cow<'_, str> {
    let base = name.split(['.', '@']).next().unwrap_or("");
    match base {
        "" | "C" | "POSIX" => Cow::Borrowed("en-US"),
        _ => Cow::Owned(base.replace('_', "-")),
    }
}

/// The shipped locales that best serve `requested`, best first.
fn negotiate(requested: Option<&str>) -> Vec<String> {
    let Some(requested) = requested else {
        return vec![FALLBACK.to_string()];
    };
    let Ok(mut wanted) = posix_to_bcp47(requested).parse::<LanguageIdentifier>() else {
        return vec![FALLBACK.to_string()];
    };
    // Without likely subtags, zh-TW would match zh-Hans first; maximised it
    // is zh-Hant-TW, and zh-CN is zh-Hans-CN.
    wanted.maximize();
    let available: Vec<LanguageIdentifier> =
        LOCALES.iter().filter_map(|(t, _)| t.parse().ok()).collect();
    let default: LanguageIdentifier = FALLBACK.parse().unwrap_or_default();
    negotiate_languages(
        &[wanted],
        &available,
        Some(&default),
        NegotiationStrategy::Filtering,
    )
    .into_iter()
    .map(|l| l.to_string())
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiation() {
        let cases: &[(Option<&str>, &str)] = &[
            (None, "en-US"),
            (Some("C"), "en-US"),
            (Some("POSIX"), "en-US"),
            (Some("C.UTF-8"), "en-US"),
            (Some("en_GB.UTF-8"), "en-US"),
            (Some("zh_TW.UTF-8"), "zh-Hant"),
            (Some("zh_HK.UTF-8"), "zh-Hant"),
            (Some("zh_MO"), "zh-Hant"),
            (Some("zh-Hant"), "zh-Hant"),
            (Some("zh_CN.UTF-8"), "zh-Hans"),
            (Some("zh_SG.GB18030"), "zh-Hans"),
            (Some("zh"), "zh-Hans"),
            (Some("zh-Hans"), "zh-Hans"),
            (Some("fr_FR.UTF-8"), "en-US"),
            (Some("not a locale!"), "en-US"),
        ];
        for &(requested, want) in cases {
            assert_eq!(
                Localizer::for_locale(requested).locale(),
                want,
                "{requested:?}"
            );
        }
    }

    #[test]
    fn every_locale_parses_and_has_the_en_us_ids() {
        let ids = |source: &str| -> Vec<String> {
            let resource = FluentResource::try_new(source.to_string())
                .unwrap_or_else(|(_, e)| panic!("{e:?}"));
            let mut ids: Vec<String> = resource
                .entries()
                .filter_map(|e| match e {
                    fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                    _ => None,
                })
                .collect();
            ids.sort();
            ids
        };
        let reference = ids(LOCALES[0].1);
        assert!(!reference.is_empty());
        for (tag, source) in LOCALES {
            assert_eq!(
                ids(source),
                reference,
                "{tag} must define exactly the en-US message ids"
            );
        }
    }

    /// Each message uses the same variables in every locale (a translation
    /// that drops `$path` would lose information; one that adds `$pth`
    /// would show an error).
    #[test]
    fn every_locale_uses_the_en_us_variables() {
        use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
        use std::collections::{BTreeMap, BTreeSet};

        fn inline(e: &InlineExpression<&str>, vars: &mut BTreeSet<String>) {
            match e {
                InlineExpression::VariableReference { id } => {
                    vars.insert(id.name.to_string());
                }
                InlineExpression::FunctionReference { arguments, .. } => {
                    for a in &arguments.positional {
                        inline(a, vars);
                    }
                    for n in &arguments.named {
                        inline(&n.value, vars);
                    }
                }
                InlineExpression::Placeable { expression } => expr(expression, vars),
                _ => {}
            }
        }
        fn expr(e: &Expression<&str>, vars: &mut BTreeSet<String>) {
            match e {
                Expression::Select { selector, variants } => {
                    inline(selector, vars);
                    for v in variants {
                        pattern(&v.value, vars);
                    }
                }
                Expression::Inline(i) => inline(i, vars),
            }
        }
        fn pattern(p: &Pattern<&str>, vars: &mut BTreeSet<String>) {
            for e in &p.elements {
                if let PatternElement::Placeable { expression } = e {
                    expr(expression, vars);
                }
            }
        }
        let variables = |source: &str| -> BTreeMap<String, BTreeSet<String>> {
            let resource =
                fluent_syntax::parser::parse(source).unwrap_or_else(|(_, e)| panic!("{e:?}"));
            let mut out = BTreeMap::new();
            for entry in &resource.body {
                if let Entry::Message(m) = entry {
                    let mut vars = BTreeSet::new();
                    if let Some(p) = &m.value {
                        pattern(p, &mut vars);
                    }
                    for a in &m.attributes {
                        pattern(&a.value, &mut vars);
                    }
                    out.insert(m.id.name.to_string(), vars);
                }
            }
            out
        };
        let reference = variables(LOCALES[0].1);
        assert!(reference.values().any(|v| v.contains("path")));
        for (tag, source) in LOCALES {
            let theirs = variables(source);
            for (id, vars) in &reference {
                assert_eq!(
                    theirs.get(id),
                    Some(vars),
                    "{tag}: message {id} must use the variables of en-US"
                );
            }
        }
    }

    /// Every message id the CLI's code asks for exists in en-US (a missing
    /// one would be shown as its id).
    #[test]
    fn every_id_used_in_the_code_exists() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/cli");
        let bundle = Localizer::for_locale(Some("en-US"));
        let mut checked = 0;
        for entry in std::fs::read_dir(&dir).expect("crates/cli") {
            let path = entry.expect("entry").path();
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let code = std::fs::read_to_string(&path).expect("source");
            // `msg(` followed (after spaces or a line break) by a literal.
            for (i, _) in code.match_indices("msg(") {
                let rest = code[i + 4..].trim_start();
                let Some(rest) = rest.strip_prefix('"') else {
                    continue;
                };
                let Some(end) = rest.find('"') else { continue };
                let id = &rest[..end];
                if id.is_empty() || id.contains(['{', ' ']) || id == "no-such-message-id" {
                    continue;
                }
                checked += 1;
                assert!(
                    bundle.bundles[0].get_message(id).is_some(),
                    "{}: message {id} is not in locales/en-US",
                    path.display()
                );
            }
        }
        assert!(checked > 50, "only {checked} ids found");
    }

    #[test]
    fn no_isolation_marks_and_fallback() {
        let l = Localizer::for_locale(Some("zh_TW.UTF-8"));
        let text = l.msg("error-in-place-stdin", &[]);
        assert!(!text.contains('\u{2068}'));
        assert_ne!(text, "error-in-place-stdin");
        assert_eq!(l.msg("no-such-message-id", &[]), "no-such-message-id");
    }
}
