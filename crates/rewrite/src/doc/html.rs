//! HTML: text nodes and the human-readable attributes (`title`, `alt`,
//! `placeholder`, `aria-label`) are text; scripts, styles, code,
//! preformatted text, text areas, comments and every other attribute are
//! not. Chinese `lang` and `xml:lang` values are set to the target's tag.
//!
//! lol_html reads the markup as a browser would (tokenizer states, raw text
//! elements, the open-element stack for selectors) but its output is not
//! used: it only reports where things are, and the runs are spliced into
//! the original bytes, so everything else is byte-identical by
//! construction (quoting styles, entities, case, white space inside tags).

use std::cell::{Cell, RefCell};
use std::ops::Range;

use lol_html::errors::RewritingError;
use lol_html::html_content::TextType;
use lol_html::{HtmlRewriter, Settings, doc_text, element, text};

use super::DocOptions;
use super::markup::{Context, push_text};
use crate::error::{Error, ErrorKind};
use crate::runs::Runs;

/// Attributes whose values people read.
const TEXT_ATTRIBUTES: &[&str] = &["title", "alt", "placeholder", "aria-label"];

/// Elements whose content is not prose (besides `script` and `style`,
/// which lol_html already reports as script or raw text).
const CODE: &str = "code, code *, pre, pre *, textarea";

/// The runs of the HTML in `source[range]` (all of `source` for an HTML
/// file; an HTML block or inline tag of a Markdown file).
pub(super) fn runs(source: &str, range: Range<usize>, options: &DocOptions) -> Result<Runs, Error> {
    let base = range.start;
    let Some(fragment) = source.get(range) else {
        return Ok(Runs::default());
    };
    // Everything below is relative to `fragment`.
    let nodes: RefCell<Vec<Range<usize>>> = RefCell::default();
    let code: RefCell<Vec<Range<usize>>> = RefCell::default();
    let attributes: RefCell<Vec<Range<usize>>> = RefCell::default();
    let langs: RefCell<Vec<Range<usize>>> = RefCell::default();
    // The text node being read (its chunks so far), and whether it is
    // prose (data or RCDATA such as `<title>`) rather than script, raw
    // text, `<plaintext>` or CDATA.
    let pending: RefCell<Option<Range<usize>>> = RefCell::default();
    // Where the rewriter was last seen, for errors.
    let seen = Cell::new(0usize);

    let settings = Settings::new()
        .append_element_content_handler(element!("*", |el| {
            seen.set(el.source_location().bytes().start);
            for a in el.attributes() {
                let Some(value) = a.value_source_location() else {
                    continue;
                };
                let name = a.name();
                if TEXT_ATTRIBUTES.contains(&name.as_str()) {
                    attributes.borrow_mut().push(value.bytes());
                } else if (name == "lang" || name == "xml:lang") && is_chinese(&a.value()) {
                    langs.borrow_mut().push(value.bytes());
                }
            }
            Ok(())
        }))
        .append_element_content_handler(text!(CODE, |t| {
            code.borrow_mut().push(t.source_location().bytes());
            Ok(())
        }))
        .append_document_content_handler(doc_text!(|t| {
            let at = t.source_location().bytes();
            seen.set(at.start);
            let prose = matches!(t.text_type(), TextType::Data | TextType::RCData);
            let mut pending = pending.borrow_mut();
            if prose && !at.is_empty() {
                *pending = Some(match pending.take() {
                    Some(p) => p.start.min(at.start)..p.end.max(at.end),
                    None => at,
                });
            }
            if t.last_in_text_node()
                && let Some(node) = pending.take()
            {
                nodes.borrow_mut().push(node);
            }
            Ok(())
        }));

    let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
    let result = rewriter
        .write(fragment.as_bytes())
        .and_then(|()| rewriter.end());
    if let Err(e) = result {
        let message = match e {
            RewritingError::ParsingAmbiguity(_) => {
                "markup a streaming parser cannot read safely (such as <script> or <xmp> \
                 inside <select>); fix the markup and try again"
                    .to_string()
            }
            other => other.to_string().to_lowercase(),
        };
        return Err(Error::new(
            source,
            base + seen.get(),
            ErrorKind::Html(message),
        ));
    }

    let mut code = code.into_inner();
    code.sort_by_key(|r| r.start);
    let in_code = |node: &Range<usize>| {
        // The first code chunk that ends after the node starts.
        let i = code.partition_point(|c| c.end <= node.start);
        code.get(i).is_some_and(|c| c.start < node.end)
    };
    let mut runs = Runs::default();
    let shift = |r: Range<usize>| r.start + base..r.end + base;
    for node in nodes.into_inner() {
        if !in_code(&node) {
            push_text(&mut runs, source, shift(node), Context::Html);
        }
    }
    for value in attributes.into_inner() {
        push_text(&mut runs, source, shift(value), Context::Html);
    }
    // A slot only for a tag a rewrite can write there.
    if options.lang.as_deref().is_some_and(is_tag) {
        for value in langs.into_inner() {
            runs.language(shift(value));
        }
    }
    Ok(runs)
}

/// Whether a `lang` value names Chinese: `zh`, `zh-Hans`, `cmn-TW`,
/// `zho`, `chi` (any case, `-` or `_`).
pub(super) fn is_chinese(tag: &str) -> bool {
    let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
    ["zh", "zho", "chi", "cmn"]
        .iter()
        .any(|p| p.eq_ignore_ascii_case(primary))
}

/// Whether `tag` can be written into an attribute as it is (BCP 47 tags
/// are letters, digits and hyphens; nothing here needs escaping).
pub(super) fn is_tag(tag: &str) -> bool {
    !tag.is_empty()
        && tag
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}
