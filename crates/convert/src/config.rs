//! The OpenCC configs bianyi knows, by name.

use std::fmt;
use std::str::FromStr;

use crate::error::{Error, ErrorKind};
use crate::tables::{CONFIGS, ConfigLayout};

macro_rules! configs {
    ($($variant:ident => $name:literal, $from:literal, $to:literal;)*) => {
        /// One of OpenCC's sixteen conversion configs.
        ///
        /// Parse one from its OpenCC name (`"s2t"`, also `"s2t.json"`) with
        /// [`str::parse`]; [`Config::ALL`] lists them in OpenCC's order.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Config {
            $(
                #[doc = concat!("`", $name, "`: ", $from, " to ", $to, ".")]
                $variant,
            )*
        }

        impl Config {
            /// Every config, in the order `bianyi convert --list-configs` shows them.
            pub const ALL: &'static [Config] = &[$(Config::$variant),*];

            /// The OpenCC name, e.g. `"s2twp"`.
            pub fn name(self) -> &'static str {
                match self { $(Config::$variant => $name),* }
            }

            /// The script or standard this config reads, e.g. "Simplified Chinese".
            pub fn source(self) -> &'static str {
                match self { $(Config::$variant => $from),* }
            }

            /// The script or standard this config writes.
            pub fn target(self) -> &'static str {
                match self { $(Config::$variant => $to),* }
            }
        }
    };
}

configs! {
    S2t => "s2t", "Simplified Chinese", "Traditional Chinese (OpenCC standard)";
    T2s => "t2s", "Traditional Chinese (OpenCC standard)", "Simplified Chinese";
    S2tw => "s2tw", "Simplified Chinese", "Traditional Chinese (Taiwan standard)";
    Tw2s => "tw2s", "Traditional Chinese (Taiwan standard)", "Simplified Chinese";
    S2twp => "s2twp", "Simplified Chinese", "Traditional Chinese (Taiwan standard) with Taiwanese phrases";
    Tw2sp => "tw2sp", "Traditional Chinese (Taiwan standard)", "Simplified Chinese with mainland phrases";
    S2hk => "s2hk", "Simplified Chinese", "Traditional Chinese (Hong Kong variant)";
    Hk2s => "hk2s", "Traditional Chinese (Hong Kong variant)", "Simplified Chinese";
    S2hkp => "s2hkp", "Simplified Chinese", "Traditional Chinese (Hong Kong variant) with Hong Kong phrases";
    Hk2sp => "hk2sp", "Traditional Chinese (Hong Kong variant)", "Simplified Chinese with mainland phrases";
    T2tw => "t2tw", "Traditional Chinese (OpenCC standard)", "Taiwan standard";
    Tw2t => "tw2t", "Traditional Chinese (Taiwan standard)", "Traditional Chinese (OpenCC standard)";
    T2hk => "t2hk", "Traditional Chinese (OpenCC standard)", "Hong Kong variant";
    Hk2t => "hk2t", "Traditional Chinese (Hong Kong variant)", "Traditional Chinese (OpenCC standard)";
    T2jp => "t2jp", "Traditional Chinese characters (Kyūjitai)", "New Japanese Kanji (Shinjitai)";
    Jp2t => "jp2t", "New Japanese Kanji (Shinjitai)", "Traditional Chinese characters (Kyūjitai)";
}

impl Config {
    #[expect(
        clippy::expect_used,
        reason = "embedded tables, checked by a test; not user data"
    )]
    pub(crate) fn layout(self) -> &'static ConfigLayout {
        // build.rs compiles every config JSON it finds; a test checks that
        // each variant has one, so this lookup cannot fail in a release.
        CONFIGS
            .iter()
            .find(|c| c.name == self.name())
            .expect("every Config variant has compiled tables")
    }

    /// OpenCC's own title of the config, from its JSON file.
    pub fn title(self) -> &'static str {
        self.layout().title
    }
}

impl fmt::Display for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Config {
    type Err = Error;

    /// Parses an OpenCC config name. Case is ignored and a `.json` suffix is
    /// accepted, so names copied from OpenCC command lines work.
    fn from_str(s: &str) -> Result<Config, Error> {
        let wanted = s.trim();
        let wanted = wanted
            .strip_suffix(".json")
            .unwrap_or(wanted)
            .to_ascii_lowercase();
        if let Some(c) = Config::ALL.iter().find(|c| c.name() == wanted) {
            return Ok(*c);
        }
        Err(Error::new(ErrorKind::UnknownConfig {
            name: s.to_string(),
            suggestion: nearest(&wanted),
        }))
    }
}

/// The config name closest to `s` by edit distance, if any is close enough
/// to be a plausible typo.
fn nearest(s: &str) -> Option<Config> {
    let (best, distance) = Config::ALL
        .iter()
        .map(|c| (*c, edit_distance(s, c.name())))
        .min_by_key(|&(c, d)| (d, c))?;
    (distance <= 2 && distance < s.chars().count().max(1)).then_some(best)
}

/// Levenshtein distance between two short strings.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitute = prev[j] + usize::from(ca != cb);
            cur[j + 1] = substitute.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_variant_has_tables_and_every_table_a_variant() {
        for c in Config::ALL {
            assert_eq!(c.layout().name, c.name());
        }
        // The others are bianyi's own pipelines (data/bianyi/config).
        let opencc = CONFIGS.iter().filter(|c| !c.name.starts_with("bianyi-"));
        assert_eq!(opencc.count(), Config::ALL.len());
    }

    #[test]
    fn parse_names() {
        let cases: &[(&str, Option<Config>)] = &[
            ("s2t", Some(Config::S2t)),
            ("S2TWP", Some(Config::S2twp)),
            ("tw2sp.json", Some(Config::Tw2sp)),
            (" hk2s ", Some(Config::Hk2s)),
            ("s2x", None),
            ("", None),
        ];
        for &(input, want) in cases {
            assert_eq!(input.parse::<Config>().ok(), want, "{input:?}");
        }
    }

    #[test]
    fn suggestions() {
        let cases: &[(&str, Option<Config>)] = &[
            ("s2tww", Some(Config::S2tw)),
            ("t2w", Some(Config::T2s)),
            ("tw2", Some(Config::Tw2s)),
            ("s2twpp", Some(Config::S2twp)),
            ("nope", None),
            ("zh-hant", None),
        ];
        for &(input, want) in cases {
            let err = input.parse::<Config>().unwrap_err();
            match err.kind() {
                ErrorKind::UnknownConfig { suggestion, .. } => {
                    assert_eq!(*suggestion, want, "{input:?}")
                }
                other => panic!("{input:?}: unexpected error {other:?}"),
            }
        }
    }
}
