//! The workspace's words: the CLI's Fluent files (`serve-*` messages), in
//! the locale the CLI negotiated, en-US as the fallback.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

const LOCALES: &[(&str, &str)] = &[
    ("en-US", include_str!("../../../locales/en-US/bianyi.ftl")),
    (
        "zh-Hans",
        include_str!("../../../locales/zh-Hans/bianyi.ftl"),
    ),
    (
        "zh-Hant",
        include_str!("../../../locales/zh-Hant/bianyi.ftl"),
    ),
];

/// Messages in one locale, then en-US.
pub(crate) struct Ui {
    bundles: Vec<FluentBundle<FluentResource>>,
    /// The page's `lang`.
    pub(crate) lang: String,
}

impl Ui {
    /// The messages of `locale` (`en-US`, `zh-Hans`, `zh-Hant`; anything
    /// else: en-US).
    pub(crate) fn new(locale: &str) -> Ui {
        let mut tags: Vec<&str> = LOCALES
            .iter()
            .map(|(t, _)| *t)
            .filter(|t| *t == locale)
            .collect();
        if locale != "en-US" {
            tags.push("en-US");
        }
        let bundles = tags
            .iter()
            .filter_map(|tag| {
                let (_, text) = LOCALES.iter().find(|(t, _)| t == tag)?;
                let id: LanguageIdentifier = tag.parse().ok()?;
                let resource = FluentResource::try_new((*text).to_string()).ok()?;
                let mut bundle = FluentBundle::new_concurrent(vec![id]);
                bundle.set_use_isolating(false);
                bundle.add_resource(resource).ok()?;
                Some(bundle)
            })
            .collect();
        Ui {
            bundles,
            lang: tags.first().copied().unwrap_or("en-US").to_string(),
        }
    }

    /// The message `id` with `args` (its id if no locale has it: a bug
    /// the tests catch).
    pub(crate) fn t(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
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
                return text.into_owned();
            }
        }
        id.to_string()
    }
}
