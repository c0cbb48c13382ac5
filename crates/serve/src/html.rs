//! HTML pieces: escaping and the page frame.

use std::fmt::Write;

/// `text` escaped for element content and quoted attribute values
/// (bianyi-formats' escaping, as the reports use).
pub(crate) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    esc_into(text, &mut out);
    out
}

/// [`esc`] appending to `out`; carriage returns are left out (a CRLF
/// file shows its lines, not U+FFFD).
pub(crate) fn esc_into(text: &str, out: &mut String) {
    for piece in text.split('\r') {
        out.push_str(&bianyi_formats::html_escape(piece));
    }
}

/// `text` as a URL query value.
pub(crate) fn query(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~/".contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// A whole page: `title` (text) and `body` (HTML).
pub(crate) fn page(lang: &str, title: &str, home: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<link rel=\"stylesheet\" href=\"/assets/app.css\">\n\
         <script src=\"/assets/app.js\" defer></script>\n</head>\n<body>\n\
         <header><a href=\"/\">{home}</a></header>\n<main>\n{body}</main>\n</body>\n</html>\n",
        lang = esc(lang),
        title = esc(title),
        home = esc(home),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            esc("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(query("a b/頭.txt&x=1"), "a%20b/%E9%A0%AD.txt%26x%3D1");
    }
}
