//! The project file, `bianyi.toml`: read with serde and toml, every error
//! placed at its line and column, then checked and turned into a
//! [`Project`].

use std::ops::Range;
use std::path::{Path, PathBuf};

use bianyi_convert::Target;
use bianyi_glossary::{Lang, TermMode};
use bianyi_rewrite::DocFormat;
use globset::{GlobSet, GlobSetBuilder};
use serde::Deserialize;
use toml::Spanned;

use crate::error::{Error, ErrorKind, Location};
use crate::template::Template;

/// The name of the project file.
pub const FILE_NAME: &str = "bianyi.toml";

/// The output template when the file gives none.
pub const DEFAULT_OUTPUT: &str = "out/{target}/{path}";

/// The cache folder (the manifest) when the file gives none.
pub const DEFAULT_CACHE: &str = ".bianyi";

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawProject {
    output: Option<Spanned<String>>,
    cache: Option<Spanned<String>>,
    overrides: Option<Spanned<String>>,
    #[serde(default)]
    glossaries: Vec<Spanned<String>>,
    terms: Option<Spanned<String>>,
    term_lang: Option<Spanned<String>>,
    #[serde(default)]
    sources: Vec<RawSource>,
    #[serde(default)]
    targets: Vec<RawTarget>,
    #[serde(default)]
    locales: Vec<RawLocales>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawSource {
    files: Vec<Spanned<String>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    format: Option<Spanned<String>>,
    encoding: Option<Spanned<String>>,
    standard: Option<Spanned<String>>,
    translation: Option<Spanned<String>>,
    translation_lang: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawTarget {
    to: Spanned<String>,
    #[serde(default)]
    phrases: bool,
    #[serde(default)]
    corner_quotes: bool,
    output: Option<Spanned<String>>,
    terms: Option<Spanned<String>>,
    term_lang: Option<Spanned<String>>,
    report: Option<Spanned<String>>,
    report_output: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawLocales {
    files: Vec<Spanned<String>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    targets: Option<Vec<Spanned<String>>>,
    output: Spanned<String>,
    #[serde(default)]
    comments: bool,
}

/// How the bytes of a source are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SourceEncoding {
    /// UTF-8 (a byte order mark is dropped).
    Utf8,
    /// This encoding (encoding_rs).
    Fixed(&'static encoding_rs::Encoding),
    /// From a byte order mark, else UTF-8 when the bytes are valid UTF-8,
    /// else guessed (chardetng).
    Auto,
}

/// A set of documents to convert.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct SourceSet {
    /// The globs as written.
    pub patterns: Vec<String>,
    pub(crate) globs: GlobSet,
    pub(crate) exclude: GlobSet,
    /// The format (`None`: from each file's extension).
    pub format: Option<DocFormat>,
    /// How the files are read.
    pub encoding: SourceEncoding,
    /// The standard the files are declared to be in (checked by `check`).
    pub standard: Option<Target>,
    /// Where each file's translation is (`{dir}/{stem}.en.txt`).
    pub translation: Option<Template>,
    /// The language of the translations.
    pub translation_lang: Lang,
}

/// A target the documents are built for, with its options.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct TargetSpec {
    /// The target.
    pub target: Target,
    /// Regional vocabulary too (软件 ↔ 軟體).
    pub phrases: bool,
    /// “ ” ‘ ’ written as 「 」 『 』.
    pub corner_quotes: bool,
    /// Where its outputs go.
    pub output: Template,
    /// What glossary terms become.
    pub terms: TermMode,
    /// The language terms are rendered in (default: the target).
    pub term_lang: Option<Lang>,
    /// A report of each document for this target, and where it goes.
    pub report: Option<(ReportFormat, Template)>,
}

/// The format of the reports of a target (`bianyi report --format`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ReportFormat {
    /// A self-contained HTML page.
    Html,
    /// Markdown.
    Markdown,
    /// A TMX translation memory of the conversion aligned with the
    /// translation (with its reviewed beads), or of the source with its
    /// conversion when there is no translation.
    Tmx,
    /// The same as XLIFF 2.0.
    Xliff,
}

/// Localization files converted with `l10n convert`'s rules.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct LocaleSet {
    /// The globs as written.
    pub patterns: Vec<String>,
    pub(crate) globs: GlobSet,
    pub(crate) exclude: GlobSet,
    /// The targets, with the options of the project's target of the same
    /// tag if there is one.
    pub targets: Vec<TargetSpec>,
    /// Also convert comments.
    pub comments: bool,
}

/// A project: its file read and checked. Paths are relative to
/// [`Project::root`], with `/` between folders.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Project {
    /// The folder of `bianyi.toml`.
    pub root: PathBuf,
    /// The project file.
    pub file: PathBuf,
    /// The cache folder (relative).
    pub cache: String,
    /// The overrides file (relative), if any.
    pub overrides: Option<String>,
    /// Glossaries (relative), in order of increasing priority.
    pub glossaries: Vec<String>,
    /// Documents.
    pub sources: Vec<SourceSet>,
    /// Targets of the documents.
    pub targets: Vec<TargetSpec>,
    /// Localization files.
    pub locales: Vec<LocaleSet>,
    /// The text of the project file (for error locations).
    pub(crate) text: String,
    /// The one input of a project made for a single file
    /// ([`Project::with_only_input`]): the folder is not walked.
    pub(crate) only: Option<String>,
}

impl Project {
    /// The project whose `bianyi.toml` is in `start` or the nearest folder
    /// above it.
    pub fn discover(start: &Path) -> Result<Project, Error> {
        // Walked as `start`, `start/..`, `start/../..`: the project's paths
        // stay relative to where the search started (`""`: here).
        let absolute = std::path::absolute(if start.as_os_str().is_empty() {
            Path::new(".")
        } else {
            start
        })
        .map_err(|e| Error::read(start, e))?;
        let mut dir = start.to_path_buf();
        for _ in 0..absolute.components().count() {
            let candidate = dir.join(FILE_NAME);
            if candidate.is_file() {
                return Project::load(&candidate);
            }
            dir = dir.join("..");
        }
        Err(Error::new(ErrorKind::NotFound {
            start: start.to_path_buf(),
        }))
    }

    /// The project of `path`: a `bianyi.toml` file, or a folder holding one.
    pub fn load(path: &Path) -> Result<Project, Error> {
        let file = if path.is_dir() {
            path.join(FILE_NAME)
        } else {
            path.to_path_buf()
        };
        let text = std::fs::read_to_string(&file).map_err(|e| Error::read(&file, e))?;
        let root = match file.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        Project::parse(&root, &file, text)
    }

    /// Reads `text`, the contents of `file`, as the project file of the
    /// project in `root`. Glossaries named must exist under `root`.
    pub fn parse(root: &Path, file: &Path, text: String) -> Result<Project, Error> {
        let raw: RawProject = toml::from_str(&text).map_err(|e| toml_error(file, &text, &e))?;
        let cx = Cx { file, text: &text };
        let glossaries = raw
            .glossaries
            .iter()
            .map(|g| {
                let rel = cx.relative(g)?;
                if !root.join(&rel).is_file() {
                    return Err(cx.error(
                        ErrorKind::MissingGlossary {
                            path: PathBuf::from(&rel),
                        },
                        g.span(),
                    ));
                }
                Ok(rel)
            })
            .collect::<Result<Vec<_>, _>>()?;
        let output = match &raw.output {
            Some(o) => cx.template(o, true)?,
            None => Template::parse(DEFAULT_OUTPUT, 0..0).map_err(|_| cx.syntax("output"))?,
        };
        let terms = cx.terms(raw.terms.as_ref(), TermMode::Replace)?;
        let term_lang = cx.lang_opt(raw.term_lang.as_ref(), "term-lang")?;
        let mut targets: Vec<TargetSpec> = Vec::new();
        for t in &raw.targets {
            let target = cx.target(&t.to)?;
            if targets.iter().any(|o| o.target == target) {
                return Err(cx.error(
                    ErrorKind::TargetTwice {
                        name: t.to.get_ref().clone(),
                    },
                    t.to.span(),
                ));
            }
            targets.push(TargetSpec {
                target,
                phrases: t.phrases,
                corner_quotes: t.corner_quotes,
                output: match &t.output {
                    Some(o) => cx.template(o, true)?,
                    None => output.clone(),
                },
                terms: cx.terms(t.terms.as_ref(), terms)?,
                term_lang: match &t.term_lang {
                    Some(l) => Some(cx.lang(l, "term-lang")?),
                    None => term_lang.clone(),
                },
                report: cx.report(t.report.as_ref(), t.report_output.as_ref())?,
            });
        }
        let mut sources = Vec::new();
        for s in &raw.sources {
            let format = match &s.format {
                None => None,
                Some(f) if f.get_ref() == "auto" => None,
                Some(f) => Some(
                    f.get_ref()
                        .parse::<DocFormat>()
                        .map_err(|()| cx.bad_value("format", f))?,
                ),
            };
            let encoding = match &s.encoding {
                None => SourceEncoding::Utf8,
                Some(e) => match e.get_ref().to_ascii_lowercase().as_str() {
                    "auto" => SourceEncoding::Auto,
                    "utf-8" | "utf8" => SourceEncoding::Utf8,
                    label => match encoding_rs::Encoding::for_label(label.as_bytes()) {
                        Some(enc) if enc == encoding_rs::UTF_8 => SourceEncoding::Utf8,
                        Some(enc) => SourceEncoding::Fixed(enc),
                        None => return Err(cx.bad_value("encoding", e)),
                    },
                },
            };
            sources.push(SourceSet {
                patterns: s.files.iter().map(|g| g.get_ref().clone()).collect(),
                globs: cx.globs(&s.files)?,
                exclude: cx.globs(&s.exclude)?,
                format,
                encoding,
                standard: s.standard.as_ref().map(|t| cx.target(t)).transpose()?,
                translation: s
                    .translation
                    .as_ref()
                    .map(|t| cx.template(t, false))
                    .transpose()?,
                translation_lang: match &s.translation_lang {
                    Some(l) => cx.lang(l, "translation-lang")?,
                    None => Lang::parse("en").map_err(|_| cx.syntax("translation-lang"))?,
                },
            });
        }
        let mut locales = Vec::new();
        for l in &raw.locales {
            let wanted: Vec<Target> = match &l.targets {
                Some(list) => list
                    .iter()
                    .map(|t| cx.target(t))
                    .collect::<Result<_, _>>()?,
                None => targets.iter().map(|t| t.target).collect(),
            };
            let template = cx.template(&l.output, true)?;
            let specs = wanted
                .into_iter()
                .map(|target| {
                    let mut spec = targets
                        .iter()
                        .find(|t| t.target == target)
                        .cloned()
                        .unwrap_or(TargetSpec {
                            target,
                            phrases: false,
                            corner_quotes: false,
                            output: template.clone(),
                            terms,
                            term_lang: term_lang.clone(),
                            report: None,
                        });
                    spec.output = template.clone();
                    // Reports are of documents.
                    spec.report = None;
                    spec
                })
                .collect();
            locales.push(LocaleSet {
                patterns: l.files.iter().map(|g| g.get_ref().clone()).collect(),
                globs: cx.globs(&l.files)?,
                exclude: cx.globs(&l.exclude)?,
                targets: specs,
                comments: l.comments,
            });
        }
        Ok(Project {
            root: root.to_path_buf(),
            file: file.to_path_buf(),
            cache: match &raw.cache {
                Some(c) => cx.relative(c)?,
                None => DEFAULT_CACHE.to_string(),
            },
            overrides: raw.overrides.as_ref().map(|o| cx.relative(o)).transpose()?,
            glossaries,
            sources,
            targets,
            locales,
            text,
            only: None,
        })
    }

    /// This project restricted to the one input `rel` (relative to the
    /// root): its folder is not walked, only `rel` is taken, when a glob
    /// takes it. Used by `bianyi serve FILE`, a project over one file.
    pub fn with_only_input(mut self, rel: &str) -> Project {
        self.only = Some(rel.to_string());
        self
    }

    /// The place in the project file of byte range `span`.
    pub(crate) fn location(&self, span: &Range<usize>) -> Location {
        Location::in_text(&self.file, &self.text, span.start)
    }

    /// The absolute (or cwd-relative) path of a project-relative path.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }
}

/// Context of the checks: the file and its text, for locations.
struct Cx<'a> {
    file: &'a Path,
    text: &'a str,
}

impl Cx<'_> {
    fn error(&self, kind: ErrorKind, span: Range<usize>) -> Error {
        Error::at(kind, Location::in_text(self.file, self.text, span.start))
    }

    fn syntax(&self, key: &str) -> Error {
        Error::new(ErrorKind::Syntax {
            message: format!("bad default for {key}"),
        })
    }

    fn bad_value(&self, key: &str, value: &Spanned<String>) -> Error {
        self.error(
            ErrorKind::BadValue {
                key: key.to_string(),
                value: value.get_ref().clone(),
            },
            value.span(),
        )
    }

    fn target(&self, name: &Spanned<String>) -> Result<Target, Error> {
        name.get_ref().parse::<Target>().map_err(|_| {
            self.error(
                ErrorKind::UnknownTarget {
                    name: name.get_ref().clone(),
                },
                name.span(),
            )
        })
    }

    fn lang(&self, tag: &Spanned<String>, key: &str) -> Result<Lang, Error> {
        Lang::parse(tag.get_ref()).map_err(|_| self.bad_value(key, tag))
    }

    fn lang_opt(&self, tag: Option<&Spanned<String>>, key: &str) -> Result<Option<Lang>, Error> {
        tag.map(|t| self.lang(t, key)).transpose()
    }

    fn terms(&self, mode: Option<&Spanned<String>>, default: TermMode) -> Result<TermMode, Error> {
        match mode {
            None => Ok(default),
            Some(m) => match m.get_ref().as_str() {
                "replace" => Ok(TermMode::Replace),
                "annotate" => Ok(TermMode::Annotate),
                "keep" => Ok(TermMode::Keep),
                _ => Err(self.bad_value("terms", m)),
            },
        }
    }

    fn report(
        &self,
        format: Option<&Spanned<String>>,
        output: Option<&Spanned<String>>,
    ) -> Result<Option<(ReportFormat, Template)>, Error> {
        let Some(f) = format else {
            return Ok(None);
        };
        let (format, default) = match f.get_ref().as_str() {
            "html" => (ReportFormat::Html, "reports/{target}/{stem}.html"),
            "md" | "markdown" => (ReportFormat::Markdown, "reports/{target}/{stem}.md"),
            "tmx" => (ReportFormat::Tmx, "reports/{target}/{stem}.tmx"),
            "xliff" => (ReportFormat::Xliff, "reports/{target}/{stem}.xlf"),
            _ => return Err(self.bad_value("report", f)),
        };
        let template = match output {
            Some(o) => self.template(o, true)?,
            None => {
                Template::parse(default, f.span()).map_err(|()| self.syntax("report-output"))?
            }
        };
        Ok(Some((format, template)))
    }

    fn template(&self, t: &Spanned<String>, with_target: bool) -> Result<Template, Error> {
        let bad = || {
            self.error(
                ErrorKind::BadTemplate {
                    template: t.get_ref().clone(),
                },
                t.span(),
            )
        };
        let template = Template::parse(t.get_ref(), t.span()).map_err(|()| bad())?;
        if !with_target && template.uses_target() {
            return Err(bad());
        }
        Ok(template)
    }

    /// A path inside the project, with `/` separators.
    fn relative(&self, p: &Spanned<String>) -> Result<String, Error> {
        crate::template::clean(p.get_ref()).ok_or_else(|| {
            self.error(
                ErrorKind::BadTemplate {
                    template: p.get_ref().clone(),
                },
                p.span(),
            )
        })
    }

    fn globs(&self, globs: &[Spanned<String>]) -> Result<GlobSet, Error> {
        let mut set = GlobSetBuilder::new();
        for g in globs {
            let glob = globset::GlobBuilder::new(g.get_ref())
                .literal_separator(true)
                .build()
                .map_err(|e| {
                    self.error(
                        ErrorKind::BadGlob {
                            glob: g.get_ref().clone(),
                            message: e.kind().to_string(),
                        },
                        g.span(),
                    )
                })?;
            set.add(glob);
        }
        set.build().map_err(|e| {
            Error::new(ErrorKind::BadGlob {
                glob: String::new(),
                message: e.to_string(),
            })
        })
    }
}

/// Every key the file may have, for suggestions.
const KEYS: &[&str] = &[
    "output",
    "cache",
    "overrides",
    "glossaries",
    "terms",
    "term-lang",
    "sources",
    "targets",
    "locales",
    "files",
    "exclude",
    "format",
    "encoding",
    "standard",
    "translation",
    "translation-lang",
    "to",
    "phrases",
    "corner-quotes",
    "comments",
    "report",
    "report-output",
];

/// A toml error as an [`Error`]: an unknown key with the closest known one,
/// anything else as the parser says it; placed where the parser says.
pub(crate) fn toml_error(file: &Path, text: &str, e: &toml::de::Error) -> Error {
    let message = e.message().trim().to_string();
    let kind = match unknown_field(&message) {
        Some((key, expected)) => {
            let pool: Vec<&str> = if expected.is_empty() {
                KEYS.to_vec()
            } else {
                expected.iter().map(String::as_str).collect()
            };
            ErrorKind::UnknownKey {
                suggestion: suggest(&key, &pool),
                key,
            }
        }
        None => ErrorKind::Syntax { message },
    };
    match e.span() {
        Some(span) => Error::at(kind, Location::in_text(file, text, span.start)),
        None => Error::new(kind),
    }
}

/// serde's "unknown field `x`, expected one of `a`, `b`" (or "expected `a`
/// or `b`", or "there are no fields"): the field and the expected names.
fn unknown_field(message: &str) -> Option<(String, Vec<String>)> {
    let rest = message.strip_prefix("unknown field `")?;
    let end = rest.find('`')?;
    let key = rest[..end].to_string();
    let expected = rest[end + 1..]
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect();
    Some((key, expected))
}

/// The name in `pool` closest to `key`, if it is close enough to be a typo.
pub(crate) fn suggest(key: &str, pool: &[&str]) -> Option<String> {
    pool.iter()
        .map(|k| (strsim::damerau_levenshtein(key, k), *k))
        .filter(|(d, k)| *d <= 2.max(k.chars().count() / 3))
        .min()
        .map(|(_, k)| k.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_fields_are_read_from_serde_messages() {
        let (k, e) =
            unknown_field("unknown field `sorces`, expected one of `output`, `sources`").unwrap();
        assert_eq!(k, "sorces");
        assert_eq!(e, ["output", "sources"]);
        let (k, e) = unknown_field("unknown field `x`, there are no fields").unwrap();
        assert_eq!(k, "x");
        assert!(e.is_empty());
        assert_eq!(
            suggest("sorces", &["output", "sources"]).as_deref(),
            Some("sources")
        );
        assert_eq!(suggest("zzzzzz", &["output", "sources"]), None);
    }

    #[test]
    fn a_project_of_one_input_takes_only_it() {
        let dir = tempfile::tempdir().unwrap();
        for f in ["a.txt", "b.txt"] {
            std::fs::write(dir.path().join(f), "头发").unwrap();
        }
        let text = "[[sources]]\nfiles = [\"*.txt\"]\n[[targets]]\nto = \"zh-TW\"\n";
        let all = Project::parse(dir.path(), Path::new("p.toml"), text.to_string()).unwrap();
        assert_eq!(all.plan().unwrap().inputs.len(), 2);
        let one = all.clone().with_only_input("b.txt");
        let inputs: Vec<_> = one.inputs().into_iter().map(|(i, _)| i).collect();
        assert_eq!(inputs, ["b.txt"]);
        // Not taken by a glob, or not there: nothing.
        assert!(all.clone().with_only_input("b.md").inputs().is_empty());
        assert!(all.with_only_input("c.txt").inputs().is_empty());
    }

    fn parse(text: &str) -> Result<Project, Error> {
        let dir = tempfile::tempdir().unwrap();
        Project::parse(dir.path(), Path::new("bianyi.toml"), text.to_string())
    }

    /// One line per bad file: the error's place and kind.
    #[test]
    fn errors_name_their_place() {
        let cases: &[(&str, &str)] = &[
            (
                "[[targets]]\nto = \"zh-TW\"\nphrase = true\n",
                "bianyi.toml:3:1: unknown key `phrase` (did you mean `phrases`?)",
            ),
            (
                "[[sources]]\nfiles = [\"a/[b\"]\n",
                "bianyi.toml:2:10: bad glob `a/[b`: unclosed character class; missing ']'",
            ),
            (
                "glossaries = [\"g.toml\"]\n",
                "bianyi.toml:1:15: glossary g.toml does not exist",
            ),
            (
                "output = \"../{path}\"\n",
                "bianyi.toml:1:10: bad path template `../{path}`",
            ),
            (
                "[[targets]]\nto = \"zh-TW\"\nterms = \"swap\"\n",
                "bianyi.toml:3:9: bad value `swap` for `terms`",
            ),
            (
                "[[targets]]\nto = \"zh-TW\"\nreport = \"pdf\"\n",
                "bianyi.toml:3:10: bad value `pdf` for `report`",
            ),
            (
                "[[targets]]\nto = 3\n",
                "bianyi.toml:2:6: invalid type: integer `3`, expected a string",
            ),
        ];
        for (text, want) in cases {
            let e = parse(text)
                .err()
                .unwrap_or_else(|| panic!("{text:?} parsed"));
            assert_eq!(e.to_string(), *want, "{text:?}");
        }
    }

    #[test]
    fn a_good_file_reads_with_its_defaults() {
        let p = parse(
            "[[sources]]\nfiles = [\"*.md\"]\n[[targets]]\nto = \"zh-HK\"\ncorner-quotes = true\n",
        )
        .unwrap();
        assert_eq!(p.cache, DEFAULT_CACHE);
        assert_eq!(p.targets[0].output.as_str(), DEFAULT_OUTPUT);
        assert!(p.targets[0].corner_quotes && !p.targets[0].phrases);
        assert_eq!(p.sources[0].encoding, SourceEncoding::Utf8);
        assert!(p.input_kind("a.md").is_some() && p.input_kind("d/a.md").is_none());
    }
}
