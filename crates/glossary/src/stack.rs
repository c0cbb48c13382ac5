//! Several glossaries applied as one: later ones win.

use crate::model::{Glossary, Lang};

/// A Chinese term two glossaries of a stack render differently.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Conflict {
    /// The term, as the later glossary writes it.
    pub term: String,
    /// Index of the earlier glossary in the stack.
    pub first: usize,
    /// What the earlier glossary renders it as.
    pub first_target: String,
    /// Index of the later glossary (the one that wins).
    pub second: usize,
    /// What the later glossary renders it as.
    pub second_target: String,
}

/// The glossaries as one, in order of increasing priority: their entries
/// one after the other (a later entry wins where matching finds the same
/// term), with the declared source and target of the last glossary that
/// declares them. `lang` is the language terms are rendered in (default:
/// each glossary's target): where a Chinese term of one glossary is
/// rendered differently by a later one, a [`Conflict`] says so.
pub fn stack(glossaries: Vec<Glossary>, lang: Option<&Lang>) -> (Glossary, Vec<Conflict>) {
    let mut all = Glossary::new();
    let mut conflicts = Vec::new();
    let several = glossaries.len() > 1;
    let mut owners: std::collections::BTreeMap<String, (usize, String)> = Default::default();
    for (k, g) in glossaries.into_iter().enumerate() {
        all.source = g.source.clone().or(all.source);
        all.target = g.target.clone().or(all.target);
        let want = lang.cloned().or_else(|| g.target.clone());
        // One file cannot conflict with another: only stacks are checked.
        if !several {
            all.entries.extend(g.entries);
            continue;
        }
        for e in g.entries {
            let rendering = want
                .as_ref()
                .and_then(|w| e.term_for(w))
                .map(|t| t.text.clone())
                .unwrap_or_default();
            for t in e.terms.iter().filter(|t| t.lang.is_chinese()) {
                let key = crate::fold::fold(&t.text);
                if let Some((owner, before)) = owners.get(&key)
                    && *owner != k
                    && *before != rendering
                {
                    conflicts.push(Conflict {
                        term: t.text.clone(),
                        first: *owner,
                        first_target: before.clone(),
                        second: k,
                        second_target: rendering.clone(),
                    });
                }
                owners.insert(key, (k, rendering.clone()));
            }
            all.entries.push(e);
        }
    }
    (all, conflicts)
}
