//! JSON: string values are text (cut around URLs); object keys too on
//! request. Escapes are resolved before conversion and kept as written
//! after (`\u003c` and `\/` stay, converted text written as `\u4e2d` stays
//! `\uXXXX` in the same case).

use std::collections::BTreeMap;
use std::ops::Range;

use super::DocOptions;
use super::markup::{Context, push_text};
use crate::error::{Error, ErrorKind};
use crate::json;
use crate::runs::{Encoding, Runs, splice};

pub(super) fn convert(
    source: &str,
    options: &DocOptions,
    convert: &mut dyn FnMut(&str) -> String,
) -> Result<String, Error> {
    let found = json::strings(source, false)?;
    let mut runs = Runs::default();
    for value in found.values {
        push_text(&mut runs, source, value.range, Context::Json);
    }
    if options.json_keys {
        for (_, key) in &found.keys {
            runs.push(key.clone(), Encoding::Json);
        }
    }
    runs.settle(source);
    let edits = runs.edits(source, &mut |_, text| convert(text));
    if options.json_keys {
        distinct_keys(source, &found.keys, &edits)?;
    }
    Ok(splice(source, edits))
}

/// Checks that no two keys of one object (`keys`: each with the number
/// of its object, in file order) become the same key with `edits` (sorted,
/// each a whole key or a piece of a value).
fn distinct_keys(
    source: &str,
    keys: &[(usize, Range<usize>)],
    edits: &[(Range<usize>, String)],
) -> Result<(), Error> {
    // (object, converted key) → the key as it was.
    let mut seen: BTreeMap<(usize, String), String> = BTreeMap::new();
    for (object, range) in keys {
        let raw = source.get(range.clone()).unwrap_or_default();
        let new = edits
            .binary_search_by_key(&range.start, |(r, _)| r.start)
            .ok()
            .and_then(|i| edits.get(i))
            .map_or(raw, |(_, new)| new.as_str());
        let (was, now) = (json::decode(raw), json::decode(new));
        if let Some(old) = seen.insert((*object, now.clone()), was.clone())
            && old != was
        {
            return Err(Error::new(
                source,
                range.start.saturating_sub(1),
                ErrorKind::DuplicateKey { key: now },
            ));
        }
    }
    Ok(())
}
