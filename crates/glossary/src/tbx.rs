//! TBX (TermBase eXchange, ISO 30042): writes TBX v3 TBX-Basic (DCA style),
//! reads v3 (`conceptEntry/langSec/termSec`) and the older v2 `martif`
//! (`termEntry/langSet/tig` or `ntig/termGrp`).
//!
//! Mapping: entry id ↔ `conceptEntry@id`, domain ↔ `descrip
//! type="subjectField"`, entry note ↔ concept-level `note`, term status ↔
//! `termNote type="administrativeStatus"` (`preferredTerm-admn-sts`,
//! `admittedTerm-admn-sts`, `deprecatedTerm-admn-sts`), part of speech ↔
//! `termNote type="partOfSpeech"`, term note ↔ term-level `note`.
//!
//! What TBX-Basic has no place for travels in `<?bianyi …?>` processing
//! instructions, which schemas and other tools ignore, so the file stays
//! valid TBX-Basic and the round trip TOML → TBX → TOML loses nothing:
//! `<?bianyi source="zh-Hant" target="en"?>` before the root element (the
//! glossary's languages), `<?bianyi case-sensitive="true"?>` in a `termSec`,
//! and `<?bianyi id="…"?>` in a `conceptEntry` whose id is not an XML name
//! (the `id` attribute then holds a derived name). Other tools' files
//! without these instructions read as case-insensitive terms and a glossary
//! without declared languages. Other data categories are ignored.
//!
//! Characters XML 1.0 forbids (C0 controls other than tab and line breaks,
//! U+FFFE, U+FFFF) cannot be written, even escaped: they become U+FFFD. A
//! carriage return is written as `&#13;` so that it survives.
//!
//! Safety: a document type declaration with an internal subset (where
//! entities are declared) is refused ([`ErrorKind::UnsafeXml`]) before any
//! element is read; a plain external one (`<!DOCTYPE martif SYSTEM
//! "TBXcoreStructV02.dtd">`) is ignored, never fetched or read. So no DTD
//! is read, no entity declared or expanded, nothing fetched; only the five
//! predefined entities and character references are resolved.

use std::collections::HashSet;
use std::fmt::Write as _;

use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;

use crate::error::{Error, ErrorKind, Format};
use crate::model::{Entry, Glossary, Lang, Status, Term};
use crate::toml_io::{check_id, check_term_text};

/// The namespace of TBX v3 (ISO 30042:2019).
const TBX_NS: &str = "urn:iso:std:iso:30042:ed-2";
/// The target of bianyi's processing instructions.
const PI_TARGET: &str = "bianyi";
/// Deeper nesting is refused: no TBX needs it, and it bounds recursion.
const MAX_DEPTH: usize = 128;

impl Glossary {
    /// The glossary as TBX v3 TBX-Basic (DCA style), entries in id order.
    ///
    /// The root's `xml:lang` is the glossary's source language (`zh` when
    /// none is declared). See the module documentation for the mapping and
    /// the processing instructions that carry what TBX-Basic cannot. The
    /// output is well-formed XML whatever the strings hold; characters XML
    /// 1.0 forbids become U+FFFD. Values TBX-Basic restricts are written as
    /// they are: a part of speech outside its picklist, an entry with no
    /// terms (TBX needs one `langSec`) make the file invalid against the
    /// TBX-Basic schema, though still well-formed.
    pub fn to_tbx(&self) -> String {
        let mut g = self.clone();
        g.sort();
        let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        if g.source.is_some() || g.target.is_some() {
            out.push_str("<?bianyi");
            if let Some(s) = &g.source {
                let _ = write!(out, " source=\"{}\"", pi_value(s.as_str()));
            }
            if let Some(t) = &g.target {
                let _ = write!(out, " target=\"{}\"", pi_value(t.as_str()));
            }
            out.push_str("?>\n");
        }
        let lang = g.source.as_ref().map_or("zh", |l| l.as_str());
        let _ = write!(
            out,
            "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"{}\" xmlns=\"{TBX_NS}\">\n\
             \x20 <tbxHeader>\n\
             \x20   <fileDesc>\n\
             \x20     <sourceDesc>\n\
             \x20       <p>Written by bianyi from a bianyi glossary.</p>\n\
             \x20     </sourceDesc>\n\
             \x20   </fileDesc>\n\
             \x20 </tbxHeader>\n\
             \x20 <text>\n\
             \x20   <body>\n",
            attr(lang)
        );
        let mut ids = XmlIds::new(&g.entries);
        for e in &g.entries {
            let (xml_id, renamed) = ids.id_for(&e.id);
            let _ = writeln!(out, "      <conceptEntry id=\"{}\">", attr(&xml_id));
            if renamed {
                let _ = writeln!(out, "        <?bianyi id=\"{}\"?>", pi_value(&e.id));
            }
            if let Some(d) = &e.domain {
                let _ = writeln!(
                    out,
                    "        <descrip type=\"subjectField\">{}</descrip>",
                    text(d)
                );
            }
            if let Some(n) = &e.note {
                let _ = writeln!(out, "        <note>{}</note>", text(n));
            }
            let mut i = 0;
            while let Some(first) = e.terms.get(i) {
                let _ = writeln!(
                    out,
                    "        <langSec xml:lang=\"{}\">",
                    attr(first.lang.as_str())
                );
                for t in e.terms[i..].iter().take_while(|t| t.lang == first.lang) {
                    i += 1;
                    write_term(&mut out, t);
                }
                out.push_str("        </langSec>\n");
            }
            out.push_str("      </conceptEntry>\n");
        }
        out.push_str("    </body>\n  </text>\n</tbx>\n");
        out
    }

    /// Reads TBX: v3 (`tbx/text/body/conceptEntry/langSec/termSec`) or v2
    /// (`martif/text/body/termEntry/langSet/tig|ntig`), language from
    /// `xml:lang` or `lang`. Entries without an id get fresh ones made from
    /// their terms. Statuses: `preferredTerm-admn-sts` (and
    /// `standardizedTerm-admn-sts`), `admittedTerm-admn-sts`,
    /// `deprecatedTerm-admn-sts` and `supersededTerm-admn-sts` (forbidden),
    /// also as v2 `normativeAuthorization`; none means preferred. Term text
    /// is trimmed; notes are kept as written.
    ///
    /// Refuses, before reading any element, a document type declaration
    /// with an internal subset ([`ErrorKind::UnsafeXml`]); an external DTD
    /// is ignored, never read. No entity is declared or expanded.
    /// Entity references other than the five predefined ones, characters
    /// XML 1.0 forbids, malformed XML, bad language tags, statuses or ids
    /// are errors located at line and column.
    pub fn from_tbx(text: &str) -> Result<Glossary, Error> {
        let doc = parse_xml(text)?;
        read_glossary(text, &doc)
    }
}

// ---------------------------------------------------------------- writing

fn write_term(out: &mut String, t: &Term) {
    out.push_str("          <termSec>\n");
    let _ = writeln!(out, "            <term>{}</term>", text(&t.text));
    let status = match t.status {
        Status::Preferred => "preferredTerm-admn-sts",
        Status::Admitted => "admittedTerm-admn-sts",
        Status::Forbidden => "deprecatedTerm-admn-sts",
    };
    let _ = writeln!(
        out,
        "            <termNote type=\"administrativeStatus\">{status}</termNote>"
    );
    if let Some(p) = &t.part_of_speech {
        let _ = writeln!(
            out,
            "            <termNote type=\"partOfSpeech\">{}</termNote>",
            text(p)
        );
    }
    if let Some(n) = &t.note {
        let _ = writeln!(out, "            <note>{}</note>", text(n));
    }
    if t.case_sensitive {
        out.push_str("            <?bianyi case-sensitive=\"true\"?>\n");
    }
    out.push_str("          </termSec>\n");
}

/// Whether XML 1.0 allows `c` in a document (the `Char` production).
fn is_xml_char(c: char) -> bool {
    matches!(c,
        '\t' | '\n' | '\r'
        | '\u{20}'..='\u{D7FF}'
        | '\u{E000}'..='\u{FFFD}'
        | '\u{10000}'..='\u{10FFFF}')
}

/// Escapes character data; forbidden characters become U+FFFD, `\r` a
/// character reference (a raw one would be read as `\n`).
fn text(s: &str) -> String {
    escape(s, false)
}

/// Escapes an attribute value in double quotes; tabs and line breaks become
/// character references (raw ones would be read as spaces).
fn attr(s: &str) -> String {
    escape(s, true)
}

fn escape(s: &str, in_attr: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if in_attr => out.push_str("&quot;"),
            '\r' => out.push_str("&#13;"),
            '\t' if in_attr => out.push_str("&#9;"),
            '\n' if in_attr => out.push_str("&#10;"),
            c if !is_xml_char(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// A pseudo-attribute value in a processing instruction: escaped like an
/// attribute (so `?>` cannot occur), unescaped by [`pi_pairs`].
fn pi_value(s: &str) -> String {
    escape(s, true)
}

/// Whether `c` may start an XML name without a colon (NCName).
fn is_name_start(c: char) -> bool {
    matches!(c,
        'A'..='Z' | '_' | 'a'..='z'
        | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{2FF}'
        | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}' | '\u{200C}'..='\u{200D}'
        | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}' | '\u{3001}'..='\u{D7FF}'
        | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}' | '\u{10000}'..='\u{EFFFF}')
}

fn is_name_char(c: char) -> bool {
    is_name_start(c)
        || matches!(c, '-' | '.' | '0'..='9' | '\u{B7}' | '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
}

fn is_ncname(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(is_name_start) && chars.all(is_name_char)
}

/// `conceptEntry@id` is an `xs:ID`: an NCName, unique in the file. Ids that
/// are not get a derived, unique name (and the original in a processing
/// instruction).
struct XmlIds {
    used: HashSet<String>,
}

impl XmlIds {
    fn new(entries: &[Entry]) -> XmlIds {
        XmlIds {
            used: entries
                .iter()
                .filter(|e| is_ncname(&e.id))
                .map(|e| e.id.clone())
                .collect(),
        }
    }

    /// The XML id for an entry id, and whether it differs.
    fn id_for(&mut self, id: &str) -> (String, bool) {
        if is_ncname(id) {
            return (id.to_string(), false);
        }
        let stem: String = std::iter::once('_')
            .chain(id.chars().map(|c| if is_name_char(c) { c } else { '_' }))
            .collect();
        let mut candidate = stem.clone();
        let mut n = 2;
        while self.used.contains(&candidate) {
            candidate = format!("{stem}-{n}");
            n += 1;
        }
        self.used.insert(candidate.clone());
        (candidate, true)
    }
}

// ---------------------------------------------------------------- parsing

/// An element of the document: local name, attributes (qualified names as
/// written, values unescaped), children, byte offset of its `<`.
struct Element {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Node>,
    at: usize,
}

enum Node {
    Element(Element),
    Text(String),
    /// A `<?bianyi …?>` instruction: its content and offset.
    Pi(String, usize),
}

/// The root element and the bianyi instructions before it.
struct Document {
    root: Element,
    prolog: Vec<(String, usize)>,
}

impl Element {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            _ => None,
        })
    }

    fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    fn pis(&self) -> impl Iterator<Item = (&str, usize)> {
        self.children.iter().filter_map(|n| match n {
            Node::Pi(content, at) => Some((content.as_str(), *at)),
            _ => None,
        })
    }

    /// The text of the element and its descendants (inline markup such as
    /// `<hi>` dropped). Depth is bounded by [`MAX_DEPTH`].
    fn text(&self) -> String {
        let mut out = String::new();
        self.collect_text(&mut out);
        out
    }

    fn collect_text(&self, out: &mut String) {
        for n in &self.children {
            match n {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) => e.collect_text(out),
                Node::Pi(..) => {}
            }
        }
    }
}

fn syntax(text: &str, at: usize, message: impl Into<String>) -> Error {
    Error::at(
        ErrorKind::Syntax {
            format: Format::Tbx,
            message: message.into(),
        },
        text,
        at,
    )
}

fn offset(pos: u64) -> usize {
    usize::try_from(pos).unwrap_or(usize::MAX)
}

/// Parses the document into a tree, refusing DTDs and entities.
fn parse_xml(text: &str) -> Result<Document, Error> {
    // Characters XML forbids, even raw; quick-xml does not check them.
    if let Some((at, c)) = text.char_indices().find(|&(_, c)| !is_xml_char(c)) {
        return Err(syntax(
            text,
            at,
            format!("character U+{:04X} is not allowed in XML 1.0", u32::from(c)),
        ));
    }
    let mut reader = Reader::from_str(text);
    reader.config_mut().enable_all_checks(true);
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    let mut prolog = Vec::new();
    let mut doctype = false;
    loop {
        let at = offset(reader.buffer_position());
        let event = reader
            .read_event()
            .map_err(|e| syntax(text, offset(reader.error_position()), e.to_string()))?;
        // XML allows one document type declaration, before the root
        // element; quick-xml reads any number, anywhere.
        if let Event::DocType(_) = event {
            if doctype {
                return Err(syntax(text, at, "a second DOCTYPE: XML allows one"));
            }
            if root.is_some() || !stack.is_empty() {
                return Err(syntax(
                    text,
                    at,
                    "a DOCTYPE after the root element: XML allows one, before it",
                ));
            }
            doctype = true;
        }
        match event {
            // `<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">`, as many v2
            // exports start: an external DTD that is never fetched or read,
            // so ignoring it is safe. An internal subset (`[…]`), where
            // entities are declared, is refused.
            Event::DocType(d) if !d.contains('[') && !d.contains("ENTITY") => {}
            Event::DocType(d) => {
                let what = if d.contains("ENTITY") {
                    "ENTITY"
                } else {
                    "DOCTYPE"
                };
                return Err(Error::at(
                    ErrorKind::UnsafeXml {
                        what: what.to_string(),
                    },
                    text,
                    at,
                ));
            }
            Event::Decl(_) | Event::Comment(_) => {}
            Event::PI(pi) => {
                if pi.target() == PI_TARGET {
                    let content = pi.content().to_string();
                    match stack.last_mut() {
                        Some(parent) => parent.children.push(Node::Pi(content, at)),
                        None => prolog.push((content, at)),
                    }
                }
            }
            Event::Start(e) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(syntax(
                        text,
                        at,
                        format!("elements nested deeper than {MAX_DEPTH} levels"),
                    ));
                }
                let el = element(text, &e, at)?;
                if stack.is_empty() && root.is_some() {
                    return Err(syntax(text, at, "a second root element"));
                }
                stack.push(el);
            }
            Event::Empty(e) => {
                let el = element(text, &e, at)?;
                close(text, &mut stack, &mut root, el)?;
            }
            Event::End(_) => {
                if let Some(el) = stack.pop() {
                    close(text, &mut stack, &mut root, el)?;
                }
            }
            Event::Text(t) => add_text(text, &mut stack, &t.xml10_content(), at)?,
            Event::CData(t) => add_text(text, &mut stack, &t.xml10_content(), at)?,
            Event::GeneralRef(r) => {
                let c = if r.is_char_ref() {
                    match r.resolve_char_ref() {
                        Ok(Some(c)) if is_xml_char(c) => c,
                        _ => {
                            return Err(syntax(
                                text,
                                at,
                                format!("&{};: not a character XML 1.0 allows", &*r),
                            ));
                        }
                    }
                } else {
                    match &*r {
                        "lt" => '<',
                        "gt" => '>',
                        "amp" => '&',
                        "apos" => '\'',
                        "quot" => '"',
                        name => {
                            return Err(syntax(
                                text,
                                at,
                                format!(
                                    "unknown entity &{name};: only &lt; &gt; &amp; &apos; &quot; \
                                     and character references are allowed"
                                ),
                            ));
                        }
                    }
                };
                add_text(text, &mut stack, c.encode_utf8(&mut [0; 4]), at)?;
            }
            Event::Eof => break,
        }
    }
    if let Some(open) = stack.last() {
        return Err(syntax(
            text,
            open.at,
            format!("element <{}> is not closed", open.name),
        ));
    }
    match root {
        Some(root) => Ok(Document { root, prolog }),
        None => Err(syntax(
            text,
            text.len(),
            "no root element: expected <tbx> or <martif>",
        )),
    }
}

fn element(text: &str, e: &BytesStart<'_>, at: usize) -> Result<Element, Error> {
    let name = e.local_name().as_ref().to_string();
    let mut attrs = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|err| syntax(text, at, format!("<{name}>: {err}")))?;
        let value = a
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|err| syntax(text, at, format!("<{name}>: {err}")))?;
        if let Some(c) = value.chars().find(|&c| !is_xml_char(c)) {
            return Err(syntax(
                text,
                at,
                format!(
                    "<{name}>: character U+{:04X} is not allowed in XML 1.0",
                    u32::from(c)
                ),
            ));
        }
        attrs.push((a.key.as_ref().to_string(), value.into_owned()));
    }
    Ok(Element {
        name,
        attrs,
        children: Vec::new(),
        at,
    })
}

fn close(
    text: &str,
    stack: &mut [Element],
    root: &mut Option<Element>,
    el: Element,
) -> Result<(), Error> {
    match stack.last_mut() {
        Some(parent) => parent.children.push(Node::Element(el)),
        None if root.is_some() => return Err(syntax(text, el.at, "a second root element")),
        None => *root = Some(el),
    }
    Ok(())
}

fn add_text(text: &str, stack: &mut [Element], s: &str, at: usize) -> Result<(), Error> {
    let Some(parent) = stack.last_mut() else {
        if s.trim().is_empty() {
            return Ok(());
        }
        return Err(syntax(text, at, "text outside the root element"));
    };
    if let Some(Node::Text(t)) = parent.children.last_mut() {
        t.push_str(s);
    } else {
        parent.children.push(Node::Text(s.to_string()));
    }
    Ok(())
}

/// `name="value"` pairs of a processing instruction, values unescaped.
fn pi_pairs(text: &str, content: &str, at: usize) -> Result<Vec<(String, String)>, Error> {
    let bad = || {
        syntax(
            text,
            at,
            format!("malformed <?{PI_TARGET}{content}?>: expected name=\"value\" pairs"),
        )
    };
    let mut pairs = Vec::new();
    let mut rest = content.trim_start();
    while !rest.is_empty() {
        let (name, after) = rest.split_once('=').ok_or_else(bad)?;
        let name = name.trim();
        let after = after.trim_start();
        let quote = after
            .chars()
            .next()
            .filter(|q| matches!(q, '"' | '\''))
            .ok_or_else(bad)?;
        let body = after.get(1..).ok_or_else(bad)?;
        let (value, tail) = body.split_once(quote).ok_or_else(bad)?;
        if name.is_empty() || name.contains(char::is_whitespace) {
            return Err(bad());
        }
        let value =
            quick_xml::escape::unescape(value).map_err(|e| syntax(text, at, e.to_string()))?;
        pairs.push((name.to_string(), value.into_owned()));
        rest = tail.trim_start();
    }
    Ok(pairs)
}

// ---------------------------------------------------------------- reading

fn lang_of(text: &str, el: &Element) -> Result<Lang, Error> {
    let tag = el
        .attr("xml:lang")
        .or_else(|| el.attr("lang"))
        .ok_or_else(|| Error::at(ErrorKind::MissingField { field: "xml:lang" }, text, el.at))?;
    Lang::parse(tag).map_err(|k| Error::at(k, text, el.at))
}

fn read_glossary(text: &str, doc: &Document) -> Result<Glossary, Error> {
    let root = &doc.root;
    if root.name != "tbx" && root.name != "martif" {
        return Err(syntax(
            text,
            root.at,
            format!(
                "expected <tbx> (TBX v3) or <martif> (TBX v2) as the root element, found <{}>",
                root.name
            ),
        ));
    }
    let mut g = Glossary::new();
    let pis = doc
        .prolog
        .iter()
        .map(|(c, at)| (c.as_str(), *at))
        .chain(root.pis());
    for (content, at) in pis {
        for (name, value) in pi_pairs(text, content, at)? {
            match name.as_str() {
                "source" => {
                    g.source = Some(Lang::parse(&value).map_err(|k| Error::at(k, text, at))?)
                }
                "target" => {
                    g.target = Some(Lang::parse(&value).map_err(|k| Error::at(k, text, at))?)
                }
                _ => {}
            }
        }
    }
    let Some(body) = root.child("text").and_then(|t| t.child("body")) else {
        return Err(Error::at(
            ErrorKind::MissingField { field: "text/body" },
            text,
            root.at,
        ));
    };
    let mut entries = Vec::new();
    for el in body.elements() {
        if el.name == "conceptEntry" || el.name == "termEntry" {
            entries.push((read_entry(text, el)?, el.at));
        }
    }
    // Entries with ids first, so that a fresh id never takes one that a
    // later entry declares; then back to file order.
    let mut order = Vec::with_capacity(entries.len());
    let mut ids = crate::model::IdSet::of(&g);
    for pass_with_id in [true, false] {
        for (i, (entry, at)) in entries.iter().enumerate() {
            if entry.id.is_empty() != pass_with_id {
                g.add_indexed(entry.clone(), &mut ids)
                    .map_err(|k| Error::at(k, text, *at))?;
                order.push(i);
            }
        }
    }
    let mut added: Vec<(usize, Entry)> = order
        .into_iter()
        .zip(std::mem::take(&mut g.entries))
        .collect();
    added.sort_by_key(|(i, _)| *i);
    g.entries = added.into_iter().map(|(_, e)| e).collect();
    Ok(g)
}

fn non_empty(s: String) -> Option<String> {
    if s.is_empty() { None } else { Some(s) }
}

fn join_note(note: &mut Option<String>, more: String) {
    if more.is_empty() {
        return;
    }
    match note {
        Some(n) => {
            n.push('\n');
            n.push_str(&more);
        }
        None => *note = Some(more),
    }
}

fn read_entry(text: &str, el: &Element) -> Result<Entry, Error> {
    let mut entry = Entry::new(el.attr("id").map(str::trim).unwrap_or(""));
    for (content, at) in el.pis() {
        for (name, value) in pi_pairs(text, content, at)? {
            if name == "id" {
                entry.id = value;
            }
        }
    }
    if !entry.id.is_empty() {
        check_id(&entry.id).map_err(|k| Error::at(k, text, el.at))?;
    }
    for child in el.elements() {
        match child.name.as_str() {
            "descrip" | "descripGrp" if entry.domain.is_none() => {
                entry.domain = subject_field(child).and_then(non_empty);
            }
            "note" => join_note(&mut entry.note, child.text()),
            "langSec" | "langSet" => {
                let lang = lang_of(text, child)?;
                for sec in child.elements() {
                    match sec.name.as_str() {
                        "termSec" | "tig" | "ntig" => {
                            entry.terms.push(read_term(text, sec, &lang)?)
                        }
                        // v2 files sometimes put the subject field here.
                        "descrip" | "descripGrp" if entry.domain.is_none() => {
                            entry.domain = subject_field(sec).and_then(non_empty);
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    Ok(entry)
}

/// The subject field of a `descrip` or of the `descrip` in a `descripGrp`.
fn subject_field(el: &Element) -> Option<String> {
    let d = if el.name == "descripGrp" {
        el.child("descrip")?
    } else {
        el
    };
    (d.attr("type") == Some("subjectField")).then(|| d.text())
}

#[derive(Default)]
struct TermParts {
    text: Option<(String, usize)>,
    status: Option<Status>,
    part_of_speech: Option<String>,
    case_sensitive: bool,
    note: Option<String>,
}

fn read_term(text: &str, el: &Element, lang: &Lang) -> Result<Term, Error> {
    let mut parts = TermParts::default();
    term_parts(text, el, &mut parts)?;
    let Some((value, at)) = parts.text else {
        return Err(Error::at(
            ErrorKind::MissingField { field: "term" },
            text,
            el.at,
        ));
    };
    check_term_text(&value).map_err(|k| Error::at(k, text, at))?;
    Ok(Term {
        lang: lang.clone(),
        text: value,
        status: parts.status.unwrap_or_default(),
        part_of_speech: parts.part_of_speech,
        case_sensitive: parts.case_sensitive,
        note: parts.note,
    })
}

/// Collects a term's parts from a `termSec`, `tig`, `ntig` or the groups in
/// them (`termGrp`, `termNoteGrp`).
fn term_parts(text: &str, el: &Element, parts: &mut TermParts) -> Result<(), Error> {
    for (content, at) in el.pis() {
        for (name, value) in pi_pairs(text, content, at)? {
            if name == "case-sensitive" {
                parts.case_sensitive = value.trim() == "true";
            }
        }
    }
    for child in el.elements() {
        match child.name.as_str() {
            "term" if parts.text.is_none() => {
                parts.text = Some((child.text().trim().to_string(), child.at));
            }
            "termNote" => match child.attr("type") {
                Some("administrativeStatus" | "normativeAuthorization") => {
                    let value = child.text();
                    let status = parse_status(&value).ok_or_else(|| {
                        Error::at(
                            ErrorKind::InvalidValue {
                                field: "administrativeStatus",
                                value: value.clone(),
                                expected: "preferredTerm-admn-sts, admittedTerm-admn-sts, \
                                           deprecatedTerm-admn-sts or supersededTerm-admn-sts",
                            },
                            text,
                            child.at,
                        )
                    })?;
                    parts.status = Some(status);
                }
                Some("partOfSpeech") => {
                    parts.part_of_speech = non_empty(child.text().trim().to_string());
                }
                _ => {}
            },
            "note" => join_note(&mut parts.note, child.text()),
            "termGrp" | "termNoteGrp" => term_parts(text, child, parts)?,
            _ => {}
        }
    }
    Ok(())
}

fn parse_status(value: &str) -> Option<Status> {
    let v = value.trim().to_ascii_lowercase();
    let v = v.strip_suffix("-admn-sts").unwrap_or(&v);
    match v {
        "preferredterm" | "standardizedterm" | "preferred" => Some(Status::Preferred),
        "admittedterm" | "admitted" => Some(Status::Admitted),
        "deprecatedterm" | "supersededterm" | "deprecated" | "forbidden" => Some(Status::Forbidden),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(s: &str) -> Lang {
        Lang::parse(s).expect("valid tag")
    }

    const RICH: &str = r#"
[glossary]
source = "zh-Hant"
target = "en"

[[entry]]
id = "yann-lecun"
domain = "people & <places>"
note = "Meta's \"chief\" AI scientist\r\nline two\t"
terms = [
  { lang = "zh-Hant", text = "顏樂存", status = "admitted", note = "as in 智東西 <article>" },
  { lang = "zh-TW", text = "楊立昆" },
  { lang = "zh-Hans", text = "杨立昆", pos = "properNoun" },
  { lang = "en", text = "Yann LeCun", case_sensitive = true, pos = "properNoun" },
  { lang = "en", text = "Le Cun", status = "forbidden", note = "  spaced  " },
]

[[entry]]
id = "2024 R&D <x>"
terms = [{ lang = "en", text = "R&D \"quoted\" 'apos' ]]>" }]

[[entry]]
id = "_2024_R_D__x_"
terms = []
"#;

    #[test]
    fn round_trip_loses_nothing() {
        let g = Glossary::from_toml(RICH).expect("valid");
        let tbx = g.to_tbx();
        let back = Glossary::from_tbx(&tbx).expect("own output reads back");
        assert_eq!(back.to_toml(), g.to_toml(), "{tbx}");
        // Written again: the same bytes.
        assert_eq!(back.to_tbx(), tbx);
        assert!(tbx.contains("<conceptEntry id=\"_2024_R_D__x_-2\">\n        <?bianyi id=\"2024 R&amp;D &lt;x&gt;\"?>"), "{tbx}");
        assert!(
            tbx.contains("<term>R&amp;D \"quoted\" 'apos' ]]&gt;</term>"),
            "{tbx}"
        );
        assert!(
            tbx.contains("<note>Meta's \"chief\" AI scientist&#13;\nline two\t</note>"),
            "{tbx}"
        );
    }

    #[test]
    fn writes_tbx_basic() {
        let g = Glossary::from_toml(RICH).expect("valid");
        let tbx = g.to_tbx();
        assert!(tbx.starts_with(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?bianyi source=\"zh-Hant\" target=\"en\"?>\n\
             <tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"zh-Hant\" xmlns=\"urn:iso:std:iso:30042:ed-2\">\n"
        ));
        assert!(tbx.contains(
            "        <langSec xml:lang=\"en\">\n          <termSec>\n            <term>Yann LeCun</term>\n\
             \x20           <termNote type=\"administrativeStatus\">preferredTerm-admn-sts</termNote>\n\
             \x20           <termNote type=\"partOfSpeech\">properNoun</termNote>\n\
             \x20           <?bianyi case-sensitive=\"true\"?>\n          </termSec>\n"
        ), "{tbx}");
        assert!(tbx.contains(
            "<termNote type=\"administrativeStatus\">deprecatedTerm-admn-sts</termNote>"
        ));
        assert!(
            tbx.contains("<descrip type=\"subjectField\">people &amp; &lt;places&gt;</descrip>")
        );
        // No languages declared: zh, and no instruction.
        let plain = Glossary::new().to_tbx();
        assert!(plain.contains("<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"zh\""));
        assert!(!plain.contains("<?bianyi"));
    }

    #[test]
    fn forbidden_characters_are_replaced() {
        let mut g = Glossary::new();
        let mut e = Entry::new("a");
        e.note = Some("bell\u{7} nul\u{0} ffff\u{FFFF} esc\u{1b}".into());
        e.domain = Some("\u{1}".into());
        e.terms.push(Term::new(lang("en"), "x"));
        g.entries.push(e);
        let tbx = g.to_tbx();
        let back = Glossary::from_tbx(&tbx).expect("well-formed");
        assert_eq!(
            back.entries[0].note.as_deref(),
            Some("bell\u{FFFD} nul\u{FFFD} ffff\u{FFFD} esc\u{FFFD}")
        );
        assert_eq!(back.entries[0].domain.as_deref(), Some("\u{FFFD}"));
    }

    #[test]
    fn any_string_gives_well_formed_output() {
        // Every ASCII character and some awkward ones, in every free-text
        // field: what XML allows comes back unchanged, the rest as U+FFFD.
        let mut all: String = (0u8..0x80).map(char::from).collect();
        all.push_str("]]> ?> --> \u{85}\u{2028}\u{FEFF}\u{FFFE}\u{FFFF}\u{10FFFF}");
        let expected: String = all
            .chars()
            .map(|c| if is_xml_char(c) { c } else { '\u{FFFD}' })
            .collect();
        let mut g = Glossary::new();
        let mut e = Entry::new(format!(
            "id{}",
            all.replace(|c: char| c.is_control() || !is_xml_char(c), "")
        ));
        e.domain = Some(all.clone());
        e.note = Some(all.clone());
        let mut t = Term::new(lang("en"), "x");
        t.part_of_speech = Some(all.clone());
        t.note = Some(all.clone());
        e.terms.push(t);
        g.entries.push(e);
        let back = Glossary::from_tbx(&g.to_tbx()).expect("well-formed");
        let e = &back.entries[0];
        assert_eq!(e.id, g.entries[0].id);
        assert_eq!(e.domain.as_deref(), Some(expected.as_str()));
        assert_eq!(e.note.as_deref(), Some(expected.as_str()));
        assert_eq!(e.terms[0].note.as_deref(), Some(expected.as_str()));
        // A part of speech is trimmed on reading.
        assert_eq!(e.terms[0].part_of_speech.as_deref(), Some(expected.trim()));
    }

    #[test]
    fn deep_nesting_is_refused_without_recursion() {
        let doc = format!("<tbx>{}", "<a>".repeat(100_000));
        let e = Glossary::from_tbx(&doc).expect_err("too deep");
        assert!(e.to_string().contains("nested deeper"), "{e}");
    }

    #[test]
    fn ncnames() {
        for (id, ok) in [
            ("yann-lecun", true),
            ("亞歷山大-王", true),
            ("a·b", true),
            ("_x", true),
            ("2024", false),
            ("a b", false),
            ("a:b", false),
            ("-a", false),
        ] {
            assert_eq!(is_ncname(id), ok, "{id}");
        }
    }

    #[test]
    fn pi_pairs_parse() {
        let p = pi_pairs("", " id=\"a &amp; b\"  x='y' ", 0).expect("valid");
        assert_eq!(p, [("id".into(), "a & b".into()), ("x".into(), "y".into())]);
        assert!(pi_pairs("", " id", 0).is_err());
        assert!(pi_pairs("", " id=\"a", 0).is_err());
        assert!(pi_pairs("", " id=\"&bogus;\"", 0).is_err());
    }
}
