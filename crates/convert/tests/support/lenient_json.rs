//! Shared by the tests that read OpenCC's testcases.json.

/// The file has one trailing comma, which strict JSON parsers reject. Drop
/// commas that are followed (after whitespace) by `]` or `}` outside strings.
pub(crate) fn strip_trailing_commas(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in json.char_indices() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            ',' if json[i + 1..].trim_start().starts_with([']', '}']) => {}
            _ => out.push(c),
        }
    }
    out
}
