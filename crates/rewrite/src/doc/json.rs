//! JSON: string values are text; object keys too on request. The scanner
//! and the escaping are the localization module's: escapes are resolved
//! before conversion and kept as written after (`\u003c` and `\/` stay,
//! converted text written as `\u4e2d` stays `\uXXXX` in the same case).

use std::collections::BTreeMap;
use std::ops::Range;

use crate::l10n::json::{convert_escaped, decode, strings};

use super::{Context, DocError, DocErrorKind, DocOptions, pieces, splice};

pub(super) fn convert(
    source: &str,
    options: &DocOptions,
    convert: &mut dyn FnMut(&str) -> String,
) -> Result<String, DocError> {
    let found = strings(source)?;
    // Values and (when asked) keys, in file order; keys carry their object.
    let mut items: Vec<(Range<usize>, Option<usize>)> =
        found.values.into_iter().map(|r| (r, None)).collect();
    if options.json_keys {
        items.extend(found.keys.into_iter().map(|(o, r)| (r, Some(o))));
    }
    items.sort_by_key(|(r, _)| r.start);
    // (object, converted key) → the key as it was.
    let mut keys: BTreeMap<(usize, String), String> = BTreeMap::new();
    let mut edits = Vec::new();
    for (range, object) in items {
        let Some(raw) = source.get(range.clone()) else {
            continue;
        };
        let text = decode(raw);
        let new = if text.trim().is_empty() {
            raw.to_string()
        } else if object.is_some() {
            convert_escaped(raw, convert)
        } else {
            // Values: the text around URLs.
            let mut new = String::with_capacity(raw.len());
            let mut at = range.start;
            for piece in pieces(source, range.clone(), Context::Json) {
                new.push_str(source.get(at..piece.start).unwrap_or_default());
                let part = source.get(piece.clone()).unwrap_or_default();
                if decode(part).trim().is_empty() {
                    new.push_str(part);
                } else {
                    new.push_str(&convert_escaped(part, convert));
                }
                at = piece.end;
            }
            new
        };
        if let Some(object) = object {
            let new_key = decode(&new);
            if let Some(old) = keys.insert((object, new_key.clone()), text.clone())
                && old != text
            {
                return Err(DocError::new(
                    source,
                    range.start.saturating_sub(1),
                    DocErrorKind::DuplicateKey { key: new_key },
                ));
            }
        }
        if new != raw {
            edits.push((range, new));
        }
    }
    Ok(splice(source, edits))
}
