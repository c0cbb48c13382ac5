//! Escaping text for XML, HTML and Markdown.

/// Whether XML 1.0 allows the character in a document
/// (<https://www.w3.org/TR/xml/#charsets>).
fn xml_allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r')
        || ('\u{20}'..='\u{D7FF}').contains(&c)
        || ('\u{E000}'..='\u{FFFD}').contains(&c)
        || c >= '\u{10000}'
}

/// Text for XML content or attribute values: `& < > " '` as entities, a
/// carriage return as `&#13;` (a raw one would be normalised away by every
/// parser), characters XML 1.0 forbids as U+FFFD.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\r' => out.push_str("&#13;"),
            c if !xml_allowed(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Text for HTML content or quoted attribute values: `& < > " '` as
/// entities, control characters (C0 other than tab and line feed, DEL, C1)
/// and U+FFFE/U+FFFF as U+FFFD.
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(c),
            c if c.is_control() || !xml_allowed(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Markdown text on one line (a table cell, a list item, a heading):
/// ASCII punctuation that can start Markdown or HTML syntax is
/// backslash-escaped (CommonMark allows `\` before any ASCII punctuation),
/// a line break becomes `<br>`, other control characters a space, and a
/// leading list or block marker (`-`, `+`, `1.`, `1)`, `=`) is escaped.
/// Leading spaces are dropped: they would start a code block.
pub(crate) fn md_text(s: &str) -> String {
    let s = s.trim_start_matches([' ', '\t']);
    let mut out = String::with_capacity(s.len() + 8);
    // An ordered-list marker is digits then `.` or `)`: escape that.
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    for (i, c) in s.char_indices() {
        let leading = i == 0 || (digits > 0 && i == digits);
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '~' | '|' | '&' => {
                out.push('\\');
                out.push(c);
            }
            '-' | '+' | '=' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')' if leading && digits > 0 => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("<br>"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_strings() {
        assert_eq!(
            xml_escape("<a href=\"x\">&'\u{0}\u{FFFE}\r"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;\u{FFFD}\u{FFFD}&#13;"
        );
        assert_eq!(
            html_escape("\" onload=\"x\u{7}\u{85}\u{7F}"),
            "&quot; onload=&quot;x\u{FFFD}\u{FFFD}\u{FFFD}"
        );
    }

    #[test]
    fn markdown() {
        for (input, want) in [
            ("a | b", "a \\| b"),
            ("C:\\dir", "C:\\\\dir"),
            ("*x* _y_ `z`", "\\*x\\* \\_y\\_ \\`z\\`"),
            ("[a](javascript:x)", "\\[a\\](javascript:x)"),
            ("<b>&amp;", "\\<b\\>\\&amp;"),
            ("# h", "\\# h"),
            ("- item", "\\- item"),
            ("+ item", "\\+ item"),
            ("1. item", "1\\. item"),
            ("12) item", "12\\) item"),
            ("3.14 m", "3\\.14 m"),
            ("a - b 1. c", "a - b 1. c"),
            ("    code", "code"),
            ("a\nb\u{7}c", "a<br>b c"),
            ("頭髮。", "頭髮。"),
        ] {
            assert_eq!(md_text(input), want, "{input}");
        }
    }
}
