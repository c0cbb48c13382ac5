//! Fluent: the text elements of message, term and attribute values and of
//! select variants. Identifiers, placeables, selectors, variant keys,
//! function names, string literals and comments are not text.

use fluent_syntax::ast::{
    CallArguments, Comment, Entry, Expression, InlineExpression, Pattern, PatternElement,
    VariantKey,
};
use fluent_syntax::parser;

use super::Units;
use crate::error::Error;
use crate::runs::Encoding;

pub(super) fn units(source: &str, units: &mut Units<'_>) -> Result<(), Error> {
    // The parser reads what follows a BOM; the BOM stays in the file. Its
    // slices are slices of `source` too, so offsets are taken in `source`.
    let body = source.strip_prefix('\u{FEFF}').unwrap_or(source);
    let skip = source.len() - body.len();
    if let Some(at) = broken_unicode_escape(body) {
        return Err(Error::syntax(
            source,
            at + skip,
            "invalid unicode escape sequence in a string literal",
        ));
    }
    // fluent-syntax 0.12 slices its input on byte offsets; a malformed
    // escape (caught above) made it panic. Should another input do so, it
    // is reported as a syntax error rather than taking the caller down.
    let parsed = std::panic::catch_unwind(|| parser::parse(body))
        .map_err(|_| Error::syntax(source, skip, "the Fluent parser could not read this file"))?;
    let resource = match parsed {
        Ok(r) => r,
        Err((_, errors)) => {
            let first = errors.into_iter().min_by_key(|e| e.pos.start);
            return Err(first.map_or_else(
                || Error::syntax(source, skip, "invalid Fluent"),
                |e| Error::syntax(source, e.pos.start + skip, e.kind.to_string()),
            ));
        }
    };
    let message = |units: &mut Units<'_>, key: String, pattern: &Pattern<&str>| {
        let first = units.mark();
        let mut shape = String::new();
        pattern_runs(source, pattern, units, &mut shape);
        units.unit(key, first, shape);
    };
    let comment = |units: &mut Units<'_>, c: &Comment<&str>| {
        units.comment(
            c.content
                .iter()
                .filter_map(|l| offset_in(source, l))
                .collect(),
        );
    };
    for entry in &resource.body {
        match entry {
            Entry::Comment(c) | Entry::GroupComment(c) | Entry::ResourceComment(c) => {
                comment(units, c);
            }
            Entry::Message(m) => {
                if let Some(c) = &m.comment {
                    comment(units, c);
                }
                if let Some(p) = &m.value {
                    message(units, m.id.name.to_string(), p);
                }
                for a in &m.attributes {
                    message(units, format!("{}.{}", m.id.name, a.id.name), &a.value);
                }
            }
            Entry::Term(t) => {
                if let Some(c) = &t.comment {
                    comment(units, c);
                }
                message(units, format!("-{}", t.id.name), &t.value);
                for a in &t.attributes {
                    message(units, format!("-{}.{}", t.id.name, a.id.name), &a.value);
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// The byte range of `slice` in `source`, when it is a slice of it (the
/// parser hands out slices of its input).
fn offset_in(source: &str, slice: &str) -> Option<std::ops::Range<usize>> {
    let start = (slice.as_ptr() as usize).checked_sub(source.as_ptr() as usize)?;
    let end = start.checked_add(slice.len())?;
    (end <= source.len() && source.is_char_boundary(start) && source.is_char_boundary(end))
        .then_some(start..end)
}

/// The runs of `pattern`, and its shape: the pattern with `\0` for each
/// run, placeables written out.
fn pattern_runs(source: &str, pattern: &Pattern<&str>, units: &mut Units<'_>, shape: &mut String) {
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => match offset_in(source, value) {
                Some(range) => units.text(range, Encoding::Raw, shape),
                // Not a slice of the input (cannot happen with fluent-syntax
                // 0.12): kept as it is, as part of the shape.
                None => shape.push_str(value),
            },
            PatternElement::Placeable { expression } => {
                shape.push('{');
                expression_runs(source, expression, units, shape);
                shape.push('}');
            }
        }
    }
}

fn expression_runs(
    source: &str,
    expression: &Expression<&str>,
    units: &mut Units<'_>,
    shape: &mut String,
) {
    match expression {
        Expression::Select { selector, variants } => {
            inline_shape(selector, shape);
            shape.push_str(" ->");
            for v in variants {
                shape.push_str(if v.default { " *[" } else { " [" });
                match &v.key {
                    VariantKey::Identifier { name } => shape.push_str(name),
                    VariantKey::NumberLiteral { value } => shape.push_str(value),
                }
                shape.push_str("] ");
                pattern_runs(source, &v.value, units, shape);
            }
        }
        Expression::Inline(InlineExpression::Placeable { expression }) => {
            shape.push('{');
            expression_runs(source, expression, units, shape);
            shape.push('}');
        }
        Expression::Inline(inline) => inline_shape(inline, shape),
    }
}

/// An inline expression written out (it holds no translatable text).
fn inline_shape(e: &InlineExpression<&str>, shape: &mut String) {
    match e {
        InlineExpression::StringLiteral { value } => {
            shape.push('"');
            shape.push_str(value);
            shape.push('"');
        }
        InlineExpression::NumberLiteral { value } => shape.push_str(value),
        InlineExpression::FunctionReference { id, arguments } => {
            shape.push_str(id.name);
            arguments_shape(arguments, shape);
        }
        InlineExpression::MessageReference { id, attribute } => {
            shape.push_str(id.name);
            if let Some(a) = attribute {
                shape.push('.');
                shape.push_str(a.name);
            }
        }
        InlineExpression::TermReference {
            id,
            attribute,
            arguments,
        } => {
            shape.push('-');
            shape.push_str(id.name);
            if let Some(a) = attribute {
                shape.push('.');
                shape.push_str(a.name);
            }
            if let Some(args) = arguments {
                arguments_shape(args, shape);
            }
        }
        InlineExpression::VariableReference { id } => {
            shape.push('$');
            shape.push_str(id.name);
        }
        InlineExpression::Placeable { expression } => {
            shape.push('{');
            // A placeable inside a placeable holds no text of its own
            // unless it is a select, whose variants were walked already.
            shape.push_str(&format!("{expression:?}"));
            shape.push('}');
        }
    }
}

fn arguments_shape(args: &CallArguments<&str>, shape: &mut String) {
    shape.push('(');
    for p in &args.positional {
        inline_shape(p, shape);
        shape.push(',');
    }
    for n in &args.named {
        shape.push_str(n.name.name);
        shape.push(':');
        inline_shape(&n.value, shape);
        shape.push(',');
    }
    shape.push(')');
}

/// The offset of a `\u` or `\U` escape in a string literal that has fewer
/// hex digits than it needs and is followed by a character that is not
/// ASCII (fluent-syntax 0.12 panics on those; found by fuzzing). String
/// literals live in placeables: `{` opens one in text, `"` starts a literal
/// inside one.
fn broken_unicode_escape(source: &str) -> Option<usize> {
    let b = source.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    let mut line_start = true;
    while i < b.len() {
        let c = b.get(i).copied().unwrap_or(b'\n');
        if line_start && depth == 0 && c == b'#' {
            // A comment line.
            while i < b.len() && b.get(i) != Some(&b'\n') {
                i += 1;
            }
            continue;
        }
        line_start = c == b'\n';
        match c {
            b'{' => depth += 1,
            b'}' => depth = depth.saturating_sub(1),
            b'"' if depth > 0 => {
                i += 1;
                while let Some(&d) = b.get(i) {
                    match d {
                        b'"' | b'\n' => break,
                        b'\\' => {
                            let need = match b.get(i + 1) {
                                Some(b'u') => 4,
                                Some(b'U') => 6,
                                _ => {
                                    i += 2;
                                    continue;
                                }
                            };
                            let digits = (0..need)
                                .take_while(|k| b.get(i + 2 + k).is_some_and(u8::is_ascii_hexdigit))
                                .count();
                            if digits < need && b.get(i + 2 + digits).is_some_and(|x| !x.is_ascii())
                            {
                                return Some(i);
                            }
                            i += 2 + digits;
                            continue;
                        }
                        _ => i += 1,
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}
