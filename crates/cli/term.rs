//! Names and quoted text fit to reach a terminal.
//!
//! A file name, a glossary term or a line of a file may hold characters a
//! terminal acts on: ESC starts sequences that set the window title, the
//! colours or clear the screen, and the bidirectional controls turn the
//! rest of the line around (`evil\u{202E}txt.exe`). Every message that
//! carries a path or text from a user or a file passes it through
//! [`shown`] first (`crates/cli/error.rs` does it for all errors, the
//! commands for their notes, warnings and standard output), and
//! [`line`] cleans each message once more just before it is printed.
//!
//! The escaped form, one for every such character: `\u{HEX}` with its code
//! point in upper-case hexadecimal, as in Rust (`\u{1B}` for ESC, `\u{7}`
//! for BEL, `\u{A}` for a line break in a name, `\u{202E}` for RIGHT-TO-LEFT
//! OVERRIDE). A backslash stays as it is (Windows paths read as usual)
//! unless the characters after it would read as an escape: before another
//! backslash, a `u` or an escaped character it is doubled. So `\\` always
//! stands for one backslash, `\u{…}` for one escaped character, and any
//! other backslash for itself. docs/reliability.md ("A hostile terminal")
//! says the same for users.

/// Whether a terminal could act on `c` when printed: C0 controls (tab and
/// line break included: a name does not need them), DEL, C1 controls, and
/// the bidirectional formatting characters (embeddings, overrides,
/// isolates, LRM/RLM and the Arabic letter mark).
pub(crate) fn is_active(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1F}'
        | '\u{7F}'..='\u{9F}'
        | '\u{61C}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}')
}

/// `text` (a path, a term, a line of a file) for a message: every
/// character [`is_active`] says a terminal acts on as `\u{HEX}`, a
/// backslash doubled where it would otherwise start an escape. Text with
/// nothing to escape comes back unchanged.
pub(crate) fn shown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            out.push('\\');
            if chars
                .peek()
                .is_some_and(|&next| next == '\\' || next == 'u' || is_active(next))
            {
                out.push('\\');
            }
        } else if is_active(c) {
            out.push_str(&format!("\\u{{{:X}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// A whole message just before it is printed: its own line breaks and
/// tabs stay, any other character [`is_active`] names is written as
/// `\u{HEX}` (backslashes are left alone: the parts that came from users
/// were escaped by [`shown`] already). A safety net: a message that forgot
/// [`shown`] can break its layout but cannot drive the terminal.
pub(crate) fn line(message: &str) -> std::borrow::Cow<'_, str> {
    let keep = |c: char| c == '\n' || c == '\t' || !is_active(c);
    if message.chars().all(keep) {
        return std::borrow::Cow::Borrowed(message);
    }
    let mut out = String::with_capacity(message.len() + 8);
    for c in message.chars() {
        if keep(c) {
            out.push(c);
        } else {
            out.push_str(&format!("\\u{{{:X}}}", u32::from(c)));
        }
    }
    std::borrow::Cow::Owned(out)
}

/// JSON text (serde_json's, which writes C0 controls as `\u001b` already)
/// with DEL, the C1 controls and the bidirectional controls written as
/// `\uXXXX` escapes too. The JSON means exactly the same (JSON syntax is
/// ASCII, so these characters can only be inside strings, and a JSON
/// reader decodes the escape back), but a terminal shows it as it is.
pub(crate) fn json(text: String) -> String {
    // C0 controls outside strings are JSON's own white space.
    let escape = |c: char| c >= '\u{7F}' && is_active(c);
    if !text.chars().any(escape) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if escape(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reverse of [`shown`], to prove the escaped form unambiguous.
    fn unshown(s: &str) -> String {
        let mut out = String::new();
        let mut rest = s;
        while let Some(i) = rest.find('\\') {
            out.push_str(&rest[..i]);
            let after = &rest[i + 1..];
            if let Some(more) = after.strip_prefix('\\') {
                out.push('\\');
                rest = more;
            } else if let Some(hex) = after
                .strip_prefix("u{")
                .and_then(|h| h.split_once('}'))
                .and_then(|(h, more)| {
                    let c = char::from_u32(u32::from_str_radix(h, 16).ok()?)?;
                    Some((c, more))
                })
            {
                out.push(hex.0);
                rest = hex.1;
            } else {
                out.push('\\');
                rest = after;
            }
        }
        out.push_str(rest);
        out
    }

    #[test]
    fn terminal_controls_are_escaped() {
        assert_eq!(
            shown("x\u{1b}]0;pwned\u{7}\u{1b}[31mRED\u{1b}[0m\u{202e}evil.txt"),
            "x\\u{1B}]0;pwned\\u{7}\\u{1B}[31mRED\\u{1B}[0m\\u{202E}evil.txt"
        );
        assert_eq!(
            shown("a\nb\tc\r\u{0}\u{7f}\u{9b}"),
            "a\\u{A}b\\u{9}c\\u{D}\\u{0}\\u{7F}\\u{9B}"
        );
        for c in [
            '\u{61C}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{2066}', '\u{2069}',
        ] {
            assert_eq!(shown(&c.to_string()), format!("\\u{{{:X}}}", u32::from(c)));
        }
        // Plain text, Chinese and Windows paths are left alone.
        for plain in ["頭髮.txt", r"C:\Data\文件.txt", "a\\", "100%", "\u{200B}"] {
            assert_eq!(shown(plain), plain);
        }
    }

    #[test]
    fn the_escaped_form_is_unambiguous() {
        let cases = [
            "\u{1b}",
            r"\u{1B}",
            "\\\u{1b}",
            r"\\",
            r"\u",
            r"a\\u{1B}b",
            r"C:\Users\x",
            "\\\\\u{202e}\\",
            "\\",
            "",
        ];
        for text in cases {
            let s = shown(text);
            assert_eq!(unshown(&s), text, "{text:?} shown as {s:?}");
            assert!(!s.chars().any(is_active), "{s:?}");
        }
        // Distinct texts never look alike.
        let mut seen = std::collections::BTreeMap::new();
        for text in cases {
            if let Some(other) = seen.insert(shown(text), text) {
                panic!("{text:?} and {other:?} look alike");
            }
        }
    }

    #[test]
    fn json_means_the_same() {
        let v = serde_json::json!({"input": "x\u{1b}]0;t\u{7}\u{9b}\u{202e}.txt"});
        let text = json(format!("{v}\n"));
        assert!(!text.trim_end().chars().any(is_active), "{text}");
        assert!(text.ends_with("}\n"));
        let back: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        assert_eq!(back, v);
    }

    #[test]
    fn a_message_keeps_its_lines() {
        assert_eq!(line("a\nb\tc"), "a\nb\tc");
        assert_eq!(line("a\u{1b}[2J\\x\u{202e}"), "a\\u{1B}[2J\\x\\u{202E}");
    }
}
