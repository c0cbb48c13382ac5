//! Markdown: the text of paragraphs, headings, lists, tables, emphasis,
//! link texts, image descriptions and inline link titles; HTML blocks and
//! inline HTML by the HTML rules; front matter values. Code spans, code
//! blocks, URLs, autolinks, the text of shortcut and collapsed reference
//! links (`[label]`, `[label][]`: it is the label), heading attributes and
//! front matter keys are left alone.
//!
//! pulldown-cmark gives each event its source range. Text ranges may hold
//! escapes and entities (`\*`, `&amp;`); they are ASCII, which conversion
//! does not touch, so the source bytes are converted as they stand.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, MetadataBlockKind, Options, Parser, Tag, TagEnd};

use super::markup::{Context, push_text};
use super::{DocOptions, html};
use crate::runs::{Encoding, Runs};

/// Inline HTML elements whose content is code, not prose.
const CODE_TAGS: &[&str] = &["code", "pre", "script", "style", "textarea"];

pub(super) fn runs(source: &str, options: &DocOptions) -> Runs {
    // Front matter must start the document: read it after a BOM, which
    // stays where it is.
    match source.strip_prefix('\u{FEFF}') {
        Some(body) => {
            let mut runs = runs_of(body, options);
            runs.shift(source.len() - body.len());
            runs
        }
        None => runs_of(source, options),
    }
}

fn runs_of(source: &str, options: &DocOptions) -> Runs {
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut runs = Runs::default();
    let mut text = Texts::default();
    // Depths of things whose text is not prose.
    let mut code_blocks = 0usize;
    // Autolinks, and links whose text is their label (`[鼠标]`, `[鼠标][]`):
    // converting that text would part it from its definition.
    let mut kept_links = 0usize;
    let mut inline_code = 0usize;
    let mut in_html_block = false;
    let mut metadata: Option<MetadataBlockKind> = None;
    // Open links and images: their source range and title.
    let mut links: Vec<(Range<usize>, String, LinkType)> = Vec::new();

    for (event, range) in Parser::new_ext(source, opts).into_offset_iter() {
        match event {
            Event::Text(_) => {
                if let Some(kind) = metadata {
                    front_matter(source, range, kind, options, &mut runs);
                } else if code_blocks > 0 || kept_links > 0 || inline_code > 0 || in_html_block {
                    text.flush(source, &mut runs);
                } else {
                    text.push(source, range, &mut runs);
                }
                continue;
            }
            Event::SoftBreak => {
                text.soft_break(source, range);
                continue;
            }
            _ => text.flush(source, &mut runs),
        }
        match event {
            Event::Start(Tag::CodeBlock(_)) => code_blocks += 1,
            Event::End(TagEnd::CodeBlock) => code_blocks = code_blocks.saturating_sub(1),
            Event::Start(Tag::MetadataBlock(kind)) => metadata = Some(kind),
            Event::End(TagEnd::MetadataBlock(_)) => metadata = None,
            Event::Start(Tag::HtmlBlock) => {
                in_html_block = true;
                // Markdown never fails: HTML the rewriter refuses is kept.
                if let Ok(r) = html::runs(source, range, options) {
                    runs.extend(r);
                }
            }
            Event::End(TagEnd::HtmlBlock) => in_html_block = false,
            Event::InlineHtml(tag) => {
                if let Some((name, closing)) = tag_name(&tag)
                    && CODE_TAGS.contains(&name.as_str())
                {
                    if closing {
                        inline_code = inline_code.saturating_sub(1);
                    } else if !tag.ends_with("/>") {
                        inline_code += 1;
                    }
                }
                // Only attribute values can be text in a lone tag.
                if tag.contains('=')
                    && let Ok(r) = html::runs(source, range, options)
                {
                    runs.extend(r);
                }
            }
            Event::Start(Tag::Link {
                link_type, title, ..
            })
            | Event::Start(Tag::Image {
                link_type, title, ..
            }) => {
                if text_is_kept(link_type) {
                    kept_links += 1;
                }
                links.push((range, title.to_string(), link_type));
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                if let Some((range, title, link_type)) = links.pop() {
                    if text_is_kept(link_type) {
                        kept_links = kept_links.saturating_sub(1);
                    } else if link_type == LinkType::Inline
                        && let Some(r) = title_range(source, range, &title)
                    {
                        runs.push(r, Encoding::Raw);
                    }
                }
            }
            _ => {}
        }
    }
    text.flush(source, &mut runs);
    runs.cut(&template_spans(source));
    runs
}

/// The template tags of static site generators, which hold parameters
/// and code rather than prose: Hugo shortcodes `{{< … >}}` and
/// `{{% … %}}`, Liquid and Jinja tags `{% … %}`, and `{{ … }}`
/// expressions. A tag may span lines but not a blank line, and is at
/// most [`MAX_TEMPLATE_TAG`] bytes long.
fn template_spans(source: &str) -> Vec<Range<usize>> {
    // The closers of the four kinds of tags, and blank lines (LF, CRLF).
    const CLOSERS: [&[u8]; 6] = [b">}}", b"%}}", b"}}", b"%}", b"\n\n", b"\n\r\n"];
    let b = source.as_bytes();
    // The next occurrence of each closer (and of a blank line) at or after
    // where it was last looked for: every search goes forward only.
    // `usize::MAX`: there is none.
    let mut next: [Option<usize>; 6] = [None; 6];
    let mut find = |k: usize, from: usize| -> Option<usize> {
        let pattern = CLOSERS.get(k)?;
        let cached = next.get(k).copied().flatten();
        if let Some(at) = cached.filter(|&at| at >= from) {
            return (at != usize::MAX).then_some(at);
        }
        let found = b
            .get(from..)?
            .windows(pattern.len())
            .position(|w| w == *pattern)
            .map(|p| from + p);
        if let Some(slot) = next.get_mut(k) {
            *slot = Some(found.unwrap_or(usize::MAX));
        }
        found
    };
    let mut spans = Vec::new();
    let mut i = 0;
    while let Some(at) = b
        .get(i..)
        .and_then(|rest| rest.iter().position(|&c| c == b'{'))
    {
        let start = i + at;
        let (k, open) = match (b.get(start + 1), b.get(start + 2)) {
            (Some(b'{'), Some(b'<')) => (0, 3),
            (Some(b'{'), Some(b'%')) => (1, 3),
            (Some(b'{'), _) => (2, 2),
            (Some(b'%'), _) => (3, 2),
            _ => {
                i = start + 1;
                continue;
            }
        };
        let len = CLOSERS.get(k).map_or(0, |c| c.len());
        let blank = find(4, start)
            .unwrap_or(usize::MAX)
            .min(find(5, start).unwrap_or(usize::MAX));
        let end = find(k, start + open)
            .filter(|&c| c < blank && c - start + len <= MAX_TEMPLATE_TAG)
            .map(|c| c + len);
        match end {
            Some(end) => {
                spans.push(start..end);
                i = end;
            }
            None => i = start + 1,
        }
    }
    spans
}

/// The longest template tag recognised, in bytes.
const MAX_TEMPLATE_TAG: usize = 2000;

/// Whether a link's text stays as it is: an autolink's (it is the URL),
/// and a shortcut or collapsed reference's (`[鼠标]`, `[鼠标][]`: it is
/// the label that matches the definition `[鼠标]: url`).
fn text_is_kept(link_type: LinkType) -> bool {
    matches!(
        link_type,
        LinkType::Autolink
            | LinkType::Email
            | LinkType::Shortcut
            | LinkType::ShortcutUnknown
            | LinkType::Collapsed
            | LinkType::CollapsedUnknown
            | LinkType::ReferenceUnknown
    )
}

/// Consecutive text events, merged into one run when only a line break
/// (and the indentation or `>` after it) lies between them.
#[derive(Default)]
struct Texts {
    run: Option<Range<usize>>,
    /// Where the next text may start and still join the run.
    joins_at: Option<usize>,
}

impl Texts {
    fn push(&mut self, source: &str, range: Range<usize>, runs: &mut Runs) {
        match &mut self.run {
            Some(run) if self.joins_at == Some(range.start) || run.end == range.start => {
                run.end = range.end;
            }
            _ => {
                self.flush(source, runs);
                self.run = Some(range.clone());
            }
        }
        self.joins_at = Some(range.end);
    }

    fn soft_break(&mut self, source: &str, range: Range<usize>) {
        if self.run.is_none() || self.joins_at != Some(range.start) {
            self.joins_at = None;
            return;
        }
        // The break itself; the next line's indentation or `>` belongs to
        // the next text event's gap, so look past it.
        let rest = source.as_bytes().get(range.end..).unwrap_or_default();
        let pad = rest
            .iter()
            .take_while(|b| matches!(b, b' ' | b'\t' | b'>'))
            .count();
        self.joins_at = Some(range.end + pad);
    }

    fn flush(&mut self, source: &str, runs: &mut Runs) {
        if let Some(run) = self.run.take() {
            push_text(runs, source, run, Context::Markdown);
        }
        self.joins_at = None;
    }
}

/// The name of an inline HTML tag (lowercase) and whether it closes.
fn tag_name(tag: &str) -> Option<(String, bool)> {
    let rest = tag.strip_prefix('<')?;
    let (rest, closing) = match rest.strip_prefix('/') {
        Some(r) => (r, true),
        None => (rest, false),
    };
    let name: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    (!name.is_empty()).then(|| (name.to_ascii_lowercase(), closing))
}

/// The range of an inline link's or image's title in its source `range`
/// (`[text](url "title")`), when it is written as it reads (no escapes or
/// entities) between `"` or `'`. Anything less certain is left alone.
fn title_range(source: &str, range: Range<usize>, title: &str) -> Option<Range<usize>> {
    if title.is_empty() {
        return None;
    }
    let link = source.get(range.clone())?;
    let body = link.strip_suffix(')')?.trim_end();
    let quote = body.chars().last().filter(|c| matches!(c, '"' | '\''))?;
    let inner = body.strip_suffix(quote)?;
    let raw = inner.get(inner.len().checked_sub(title.len())?..)?;
    let before = inner.get(..inner.len() - title.len())?;
    if raw != title || title.contains(quote) || title.contains(['\\', '&']) {
        return None;
    }
    // An opening quote, after white space.
    let before = before.strip_suffix(quote)?;
    if !before.ends_with([' ', '\t', '\n']) {
        return None;
    }
    let start = range.start + inner.len() - title.len();
    Some(start..start + title.len())
}

/// Front matter keys whose values are identifiers, paths or dates, not
/// prose: changing them would break links or templates. A key that ends in
/// one of [`IDENTIFIER_SUFFIXES`] is one too.
const IDENTIFIER_KEYS: &[&str] = &[
    "slug",
    "permalink",
    "url",
    "uri",
    "link",
    "aliases",
    "id",
    "uid",
    "layout",
    "template",
    "type",
    "date",
    "lastmod",
    "publishdate",
    "expirydate",
    "image",
    "cover",
    "thumbnail",
    "path",
    "file",
    "lang",
    "language",
    "locale",
    "images",
    "banner",
    "icon",
    "logo",
    "avatar",
    "src",
    "href",
    "canonical",
];

/// Ends of keys whose values are identifiers, after `_`, `-` or `.`, or
/// as a capitalised word (`featured_image`, `og-image`, `ogImage`,
/// `canonicalURL`, `post_id`, `postId`, `file_path`).
const IDENTIFIER_SUFFIXES: &[&str] = &[
    "image",
    "images",
    "img",
    "cover",
    "thumbnail",
    "banner",
    "icon",
    "logo",
    "avatar",
    "url",
    "urls",
    "uri",
    "link",
    "links",
    "permalink",
    "path",
    "paths",
    "file",
    "files",
    "src",
    "href",
    "id",
    "ids",
    "uid",
    "slug",
    "layout",
    "template",
];

/// Whether the values of `key` are identifiers (see [`IDENTIFIER_KEYS`]).
fn identifier_key(key: &str) -> bool {
    if IDENTIFIER_KEYS.iter().any(|k| k.eq_ignore_ascii_case(key)) {
        return true;
    }
    IDENTIFIER_SUFFIXES.iter().any(|suffix| {
        let Some(at) = key.len().checked_sub(suffix.len()) else {
            return false;
        };
        let (Some(stem), Some(end)) = (key.get(..at), key.get(at..)) else {
            return false;
        };
        if stem.is_empty() || !end.eq_ignore_ascii_case(suffix) {
            return false;
        }
        // `featured_image`, `og-image`; `ogImage`, `canonicalURL`: a
        // capital after a small letter or digit.
        stem.ends_with(['_', '-', '.'])
            || (end.starts_with(|c: char| c.is_ascii_uppercase())
                && stem.ends_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit()))
    })
}

/// File name extensions that end a path value.
const FILE_EXTENSIONS: &[&str] = &[
    "png", "jpg", "jpeg", "gif", "webp", "svg", "avif", "bmp", "ico", "tif", "tiff", "heic", "pdf",
    "md", "markdown", "html", "htm", "mp4", "webm", "mov", "mp3", "m4a", "ogg", "wav", "zip", "gz",
    "epub", "docx", "xlsx", "pptx", "txt", "csv",
];

/// Whether a front matter value (quotes allowed around it) is a path or a
/// URL: no white space, and a leading `/`, `./`, `../`, `~/`, a scheme
/// (`https://`, `mailto:`), or a file name extension at its end
/// (`软件.png`).
fn path_like(value: &str) -> bool {
    let v = value.trim_matches(['"', '\'']);
    if v.is_empty() || v.contains(char::is_whitespace) {
        return false;
    }
    if v.starts_with('/') || v.starts_with("./") || v.starts_with("../") || v.starts_with("~/") {
        return true;
    }
    let scheme = v.split_once(':').is_some_and(|(scheme, rest)| {
        scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'))
            && (rest.starts_with("//") || scheme.eq_ignore_ascii_case("mailto"))
    });
    scheme
        || v.rsplit_once('.').is_some_and(|(stem, ext)| {
            !stem.is_empty() && FILE_EXTENSIONS.iter().any(|e| e.eq_ignore_ascii_case(ext))
        })
}

/// Front matter: the values of `key: value` (YAML) or `key = value`
/// (TOML) lines, list items and continuation lines; never keys, comments,
/// table headers, the values of identifier keys ([`identifier_key`]), nor
/// values that are paths or URLs ([`path_like`]); URLs inside text values
/// are cut out as in the body. A Chinese `lang`, `language` or `locale`
/// value becomes the target's tag.
fn front_matter(
    source: &str,
    range: Range<usize>,
    kind: MetadataBlockKind,
    options: &DocOptions,
    runs: &mut Runs,
) {
    let Some(block) = source.get(range.clone()) else {
        return;
    };
    let yaml = kind == MetadataBlockKind::YamlStyle;
    let mut at = range.start;
    // The indentation of a key whose block (list, block scalar) is being
    // read, and whether that block is text.
    let mut block_of: Option<(usize, bool)> = None;
    for line in block.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let content = line.trim_end();
        let indent = content.len() - content.trim_start().len();
        let mut rest = content.trim_start();
        let mut offset = start + indent;
        if rest.is_empty() {
            continue;
        }
        if let Some((key_indent, text)) = block_of {
            let inside =
                indent > key_indent || (yaml && indent == key_indent && rest.starts_with("- "));
            if inside {
                if text {
                    push_text(runs, source, offset..offset + rest.len(), Context::Markdown);
                }
                continue;
            }
            block_of = None;
        }
        if rest.starts_with('#') || (yaml && (rest == "---" || rest == "...")) {
            continue;
        }
        if !yaml && rest.starts_with('[') && !rest.contains('=') {
            continue;
        }
        if yaml {
            while let Some(r) = rest.strip_prefix("- ") {
                let r2 = r.trim_start();
                offset += rest.len() - r2.len();
                rest = r2;
            }
        }
        let separator = if yaml {
            rest.find(": ")
                .or_else(|| rest.ends_with(':').then(|| rest.len().saturating_sub(1)))
        } else {
            rest.find('=')
        };
        let mut key = "";
        if let Some(sep) = separator {
            key = rest
                .get(..sep)
                .unwrap_or_default()
                .trim()
                .trim_matches(['"', '\'']);
            let after = rest.get(sep + 1..).unwrap_or_default();
            let value = after.trim_start();
            offset += sep + 1 + (after.len() - value.len());
            rest = value;
        }
        let identifier = identifier_key(key);
        let scalar = yaml && rest.starts_with(['|', '>']);
        if separator.is_some() && (scalar || (identifier && rest.is_empty())) {
            // A block scalar's lines are all text; an identifier's list
            // or map none. (Other lists and maps are read line by line.)
            block_of = Some((indent, scalar && !identifier));
            continue;
        }
        if identifier {
            let lang_key = ["lang", "language", "locale"]
                .iter()
                .any(|k| k.eq_ignore_ascii_case(key));
            let tag = rest.trim_matches(['"', '\'']);
            if lang_key
                && html::is_chinese(tag)
                && options.lang.as_deref().is_some_and(html::is_tag)
                && let Some(quote) = rest.find(tag)
            {
                let at = offset + quote;
                runs.language(at..at + tag.len());
            }
            continue;
        }
        // Anchors, aliases and tags are syntax.
        if (yaml && rest.starts_with(['&', '*', '!'])) || path_like(rest) {
            continue;
        }
        push_text(runs, source, offset..offset + rest.len(), Context::Markdown);
    }
}
