//! `init`: a commented starter `bianyi.toml` for what is in a folder.

use std::collections::BTreeSet;
use std::path::Path;

use bianyi_convert::{Script, detect};

/// What [`starter`] found in a folder.
#[derive(Debug, Default)]
struct Found {
    /// Folder/extension globs of documents (`articles/**/*.txt`).
    documents: BTreeSet<String>,
    /// Globs of localization files.
    locales: BTreeSet<String>,
    /// Glossaries (TOML with `[[entries]]`, TBX).
    glossaries: BTreeSet<String>,
    simplified: usize,
    traditional: usize,
}

const DOC_EXTS: &[&str] = &["txt", "md", "markdown", "html", "htm", "srt", "vtt"];
const LOCALE_EXTS: &[&str] = &["ftl", "po"];

/// A commented `bianyi.toml` for the files under `root`: documents found
/// (by folder and extension), localization files, glossaries, and targets
/// chosen from the script most documents are in.
pub fn starter(root: &Path) -> String {
    let mut f = Found::default();
    let walk = walkdir::WalkDir::new(root)
        .max_depth(4)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    let mut sampled = 0;
    for e in walk.flatten() {
        if !e.file_type().is_file() {
            continue;
        }
        let Ok(rel) = e.path().strip_prefix(root) else {
            continue;
        };
        let rel = rel.to_string_lossy().replace('\\', "/");
        let name = e.file_name().to_string_lossy().to_string();
        let ext = name
            .rsplit_once('.')
            .map(|(_, x)| x.to_ascii_lowercase())
            .unwrap_or_default();
        let dir = rel.rsplit_once('/').map_or("", |(d, _)| d).to_string();
        let top = dir.split('/').next().unwrap_or("").to_string();
        let glob = |ext: &str| {
            if top.is_empty() {
                format!("*.{ext}")
            } else {
                format!("{top}/**/*.{ext}")
            }
        };
        if LOCALE_EXTS.contains(&ext.as_str()) {
            f.locales.insert(if dir.is_empty() {
                format!("*.{ext}")
            } else {
                format!("{dir}/*.{ext}")
            });
        } else if ext == "tbx"
            || (ext == "toml" && name != crate::config::FILE_NAME && is_glossary(e.path()))
        {
            f.glossaries.insert(rel);
        } else if DOC_EXTS.contains(&ext.as_str()) && top != "out" {
            f.documents.insert(glob(&ext));
            if sampled < 50
                && let Ok(t) = std::fs::read_to_string(e.path())
            {
                sampled += 1;
                match detect(&t).script {
                    Script::Simplified => f.simplified += 1,
                    Script::Traditional => f.traditional += 1,
                    _ => {}
                }
            }
        }
    }
    render(&f)
}

fn is_glossary(path: &Path) -> bool {
    std::fs::read_to_string(path)
        .is_ok_and(|t| t.contains("[[entries]]") || t.contains("[[entry]]"))
}

fn list(items: &BTreeSet<String>, fallback: &str) -> String {
    if items.is_empty() {
        return format!("[\"{fallback}\"]");
    }
    let quoted: Vec<String> = items.iter().map(|i| format!("{i:?}")).collect();
    format!("[{}]", quoted.join(", "))
}

fn render(f: &Found) -> String {
    let targets: &[(&str, bool)] = if f.simplified > f.traditional {
        &[("zh-TW", true), ("zh-HK", false)]
    } else {
        &[("zh-Hans", true), ("zh-TW", false)]
    };
    let mut out = String::from(
        "# bianyi project file: `bianyi build` converts what it declares, `bianyi check`\n\
         # checks it for CI (docs/workspace.md). Paths are relative to this file.\n\n\
         # Where outputs go. Variables: {target} {path} {dir} {name} {stem} {ext}.\n\
         output = \"out/{target}/{path}\"\n\n\
         # Reviewers' decisions (`bianyi override add`), applied by every build.\n\
         overrides = \"overrides.toml\"\n\n",
    );
    if f.glossaries.is_empty() {
        out.push_str("# Glossaries, later ones win; what terms become: replace, annotate or keep.\n# glossaries = [\"glossary.toml\"]\n# terms = \"replace\"\n\n");
    } else {
        out.push_str(&format!(
            "# Glossaries, later ones win; what terms become: replace, annotate or keep.\nglossaries = {}\nterms = \"replace\"\n\n",
            list(&f.glossaries, "")
        ));
    }
    out.push_str(&format!(
        "[[sources]]\n# Globs (`**` crosses folders); `exclude` takes files back out.\nfiles = {}\n# exclude = [\"**/*.en.txt\"]\n\
         # format = \"auto\"      # or text, markdown, html, srt, vtt, json\n\
         # encoding = \"utf-8\"   # or auto, gb18030, big5, ...\n\
         # standard = \"zh-Hant\" # what the sources are written in: `bianyi check` verifies it\n\
         # translation = \"{{dir}}/{{stem}}.en.txt\" # a translation beside each source, for glossary QA\n\n",
        list(&f.documents, "**/*.txt")
    ));
    for (tag, on) in targets {
        let hash = if *on { "" } else { "# " };
        out.push_str(&format!(
            "{hash}[[targets]]\n{hash}to = \"{tag}\"\n{hash}phrases = true        # regional vocabulary too (软件 ↔ 軟體)\n{hash}corner-quotes = false # “ ” written as 「 」\n# report = \"html\"    # a bilingual report of each document (or \"md\")\n\n"
        ));
    }
    if f.locales.is_empty() {
        out.push_str("# Localization files converted as `bianyi l10n convert` does.\n# [[locales]]\n# files = [\"locales/zh-Hans/*.ftl\"]\n# targets = [\"zh-TW\", \"zh-HK\"]\n# output = \"locales/{target}/{name}\"\n");
    } else {
        out.push_str(&format!(
            "# Localization files converted as `bianyi l10n convert` does.\n[[locales]]\nfiles = {}\ntargets = [\"zh-TW\", \"zh-HK\"]\noutput = \"locales-out/{{target}}/{{name}}\"\n",
            list(&f.locales, "")
        ));
    }
    out
}
