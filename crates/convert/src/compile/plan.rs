//! The compiler of configs into plans: which tables each stage of each
//! config uses, and the single-pass plans of the fast engine.

use std::collections::{BTreeMap, BTreeSet};

use crate::compile::blob::{Blob, CharTables, Pool};
use crate::compile::layouts::{
    CharMapLayout, ConfigLayout, DictRef, FastDictLayout, FastPlan, FlatLayout, RunMapLayout,
    SegmentedPlan, SharedLayout, SlotsLayout, TrieLayout, ValuesLayout,
};
use crate::compile::opencc::{ConfigSpec, DictSpec, Entries, flatten, greedy, max_chars};
use crate::compile::trie::{Roots, compile_trie, double_array, key_root_slots, root_slots};
use crate::layout::{
    DA_SPECIAL, RUN_KEY, RUN_SKEY1, RUN_SPECIAL, RUN_SSTART, RUN_T1START, RUN_T2START, RUN_TRIGGER,
    T2_PAIR_BITS, hashed_pair_index, is_compat, t2_pair_index,
};

/// Interns compiled tries and value tables so that identical ones are stored once.
pub(crate) struct Compiler<'a> {
    pub(crate) blob: Blob,
    pub(crate) files: &'a BTreeMap<String, Entries>,
    /// The output strings of every values table and run map, each once.
    pub(crate) pool: Pool,
    pub(crate) tables64: CharTables<u64>,
    pub(crate) tables32: CharTables<u32>,
    pub(crate) tries: BTreeMap<Vec<String>, usize>,
    pub(crate) trie_layouts: Vec<TrieLayout>,
    pub(crate) trie_roots: Vec<Roots>,
    pub(crate) values: BTreeMap<(usize, Vec<String>), usize>,
    pub(crate) value_layouts: Vec<ValuesLayout>,
    pub(crate) charmaps: BTreeMap<Vec<(char, String, u32)>, usize>,
    pub(crate) charmap_layouts: Vec<CharMapLayout>,
    pub(crate) runmaps: BTreeMap<Vec<(char, String, u32, u32)>, usize>,
    pub(crate) runmap_layouts: Vec<RunMapLayout>,
    /// The keys of each trie, and the encoded values of each values table.
    pub(crate) trie_keys: Vec<Vec<String>>,
    pub(crate) value_codes: Vec<Vec<u32>>,
    /// Double arrays by (trie, values): index and root slots.
    pub(crate) fast_dicts: BTreeMap<(usize, usize), (usize, BTreeMap<char, u64>)>,
    pub(crate) fast_layouts: Vec<FastDictLayout>,
    pub(crate) slot_layouts: Vec<SlotsLayout>,
    /// The table of the root slots of each values table (`TABLES64`).
    pub(crate) value_roots: Vec<usize>,
    /// Flat copies of the BMP of some tables (see [`Compiler::flat`]), by
    /// table, and their layouts.
    pub(crate) flats: BTreeMap<usize, usize>,
    pub(crate) flat_layouts: Vec<FlatLayout>,
    /// Per double array: its table of root slots, and its flat copy if any.
    pub(crate) fast_roots: Vec<(usize, Option<usize>)>,
}

impl Compiler<'_> {
    pub(crate) fn trie(&mut self, name: &str, keys: Vec<String>) -> usize {
        if let Some(&i) = self.tries.get(&keys) {
            return i;
        }
        let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
        let (layout, roots) = compile_trie(name, &refs, &mut self.blob);
        self.trie_layouts.push(layout);
        self.trie_roots.push(roots);
        self.trie_keys.push(keys.clone());
        self.tries.insert(keys, self.trie_layouts.len() - 1);
        self.trie_layouts.len() - 1
    }

    /// Values for the keys of a trie, with the trie's root slots (which
    /// carry the values of one-character keys).
    pub(crate) fn values(&mut self, trie: usize, values: Vec<String>) -> usize {
        let key = (trie, values);
        if let Some(&i) = self.values.get(&key) {
            return i;
        }
        let encoded: Vec<u32> = key.1.iter().map(|v| self.pool.encode(v)).collect();
        let slots = root_slots(&self.trie_roots[trie], |k| encoded[k as usize]);
        self.push_values(&slots, encoded);
        self.values.insert(key, self.value_layouts.len() - 1);
        self.value_layouts.len() - 1
    }

    pub(crate) fn push_values(&mut self, slots: &BTreeMap<char, u64>, encoded: Vec<u32>) {
        let roots = self.tables64.table(slots, &mut self.blob);
        let vals = self.blob.u32s(&encoded);
        self.value_layouts.push(ValuesLayout { roots, vals });
        self.value_codes.push(encoded);
        self.value_roots.push(roots);
    }

    /// A dictionary: its trie and the given value of each key (sorted order).
    pub(crate) fn dict(
        &mut self,
        name: &str,
        entries: &Entries,
        value_of: impl Fn(&str, &[String]) -> String,
    ) -> DictRef {
        let (trie, values) = self.dict_ids(name, entries, value_of);
        DictRef { trie, values }
    }

    /// [`Compiler::dict`], as indexes (trie, values).
    pub(crate) fn dict_ids(
        &mut self,
        name: &str,
        entries: &Entries,
        value_of: impl Fn(&str, &[String]) -> String,
    ) -> (usize, usize) {
        let keys: Vec<String> = entries.keys().cloned().collect();
        let values: Vec<String> = entries.iter().map(|(k, v)| value_of(k, v)).collect();
        let trie = self.trie(name, keys);
        let values = self.values(trie, values);
        (trie, values)
    }

    /// Dictionaries whose values are numbers (word frequencies, flags),
    /// stored as `n + 1`, over one trie of all their keys: in each, the
    /// keys of the others have the value 0, which src/tables.rs reads as
    /// no key. Their keys overlap (jieba's words are splitters; the risks
    /// of the configs are mostly the same), so one trie is most of the
    /// size of the several. The root slots are each dictionary's own.
    pub(crate) fn numbers(&mut self, name: &str, dicts: &[&BTreeMap<String, u32>]) -> Vec<DictRef> {
        let keys: BTreeSet<&String> = dicts.iter().flat_map(|d| d.keys()).collect();
        let keys: Vec<String> = keys.into_iter().cloned().collect();
        let trie = self.trie(name, keys);
        let mut refs = Vec::new();
        for dict in dicts {
            let encoded: Vec<u32> = self.trie_keys[trie]
                .iter()
                .map(|k| dict.get(k).map_or(0, |n| n + 1))
                .collect();
            let slots = key_root_slots(dict.iter().map(|(k, n)| (k.as_str(), n + 1)));
            // Not interned with `values`: the codes of numbers are not strings.
            self.push_values(&slots, encoded);
            refs.push(DictRef {
                trie,
                values: self.value_layouts.len() - 1,
            });
        }
        refs
    }

    /// A table of u64 slots (for src/tables.rs `SlotMap`).
    pub(crate) fn slots(&mut self, map: &BTreeMap<char, u64>) -> usize {
        let table = self.tables64.table(map, &mut self.blob);
        self.slot_layouts.push(SlotsLayout { table });
        self.slot_layouts.len() - 1
    }

    /// A flat copy of the Basic Multilingual Plane of table `table` (of
    /// u64 slots), for the tables looked up at nearly every character of a
    /// text: the run maps of segmented configs and the double arrays of
    /// single-stage ones. One load per lookup instead of the two of a
    /// character table: the engine was 5-15 % slower on the bench corpora
    /// without them (docs/benchmarks.md, "Build profiles and binary size").
    /// 512 KiB each, 36 of them, 18 MB of the executable.
    pub(crate) fn flat(&mut self, table: usize) -> usize {
        if let Some(&i) = self.flats.get(&table) {
            return i;
        }
        let mut bmp = vec![0u64; 0x1_0000];
        for &(c, v) in self.tables64.contents[table]
            .iter()
            .take_while(|(c, _)| (*c as u32) < 0x1_0000)
        {
            bmp[c as usize] = v;
        }
        let bmp = self.blob.u64s(&bmp);
        self.flat_layouts.push(FlatLayout { table, bmp });
        self.flats.insert(table, self.flat_layouts.len() - 1);
        self.flat_layouts.len() - 1
    }

    /// Gives double array `fast` a flat copy of its root slots.
    pub(crate) fn fast_flat(&mut self, fast: usize) {
        let table = self.fast_roots[fast].0;
        let flat = self.flat(table);
        self.fast_roots[fast].1 = Some(flat);
        self.fast_layouts[fast].flat = Some(flat);
    }

    /// The table of the root slots of values table `values`.
    pub(crate) fn values_roots(&self, values: usize) -> usize {
        self.value_roots[values]
    }

    /// The double array of a dictionary (see [`double_array`]): its index
    /// and its root slots.
    pub(crate) fn fast_dict(&mut self, trie: usize, values: usize) -> (usize, BTreeMap<char, u64>) {
        if let Some(found) = self.fast_dicts.get(&(trie, values)) {
            return found.clone();
        }
        let keys = &self.trie_keys[trie];
        let (mut cells, roots) = double_array(keys, &self.value_codes[values]);
        // Values in cells (keys of two or more characters) are written from
        // their place in the pool; the root slots keep the usual codes.
        for cell in &mut cells {
            cell[1] = self.pool.span(cell[1]);
        }
        let mut lead_bytes = [0u32; 8];
        for key in keys {
            let lead = key.as_bytes()[0];
            lead_bytes[lead as usize / 32] |= 1 << (lead % 32);
        }
        // Compatibility ideographs and IDS operators (in no key) are marked,
        // so that other characters in no key need no check.
        let mut slots = roots.clone();
        let special = ('\u{F900}'..='\u{FAFF}')
            .chain('\u{2F800}'..='\u{2FA1F}')
            .chain('\u{2FF0}'..='\u{2FFF}');
        for c in special {
            let slot = slots.entry(c).or_default();
            assert_eq!(*slot, 0, "{c:?} is in a key");
            *slot = DA_SPECIAL;
        }
        let table = self.tables64.table(&slots, &mut self.blob);
        // Stored as three arrays: the checks, the values, and (base,
        // filter) pairs. A failing child lookup, the most common, reads a
        // pair and a check, from arrays a half and a quarter the size of
        // whole cells. The checks and pairs depend on the keys only, so
        // the double arrays of one trie with other values share them.
        let checks: Vec<u32> = cells.iter().map(|c| c[0]).collect();
        let cell_values: Vec<u32> = cells.iter().map(|c| c[1]).collect();
        let links: Vec<u32> = cells.iter().flat_map(|c| [c[2], c[3]]).collect();
        let checks = self.blob.u32s(&checks);
        let cell_values = self.blob.u32s(&cell_values);
        let links = self.blob.u32s(&links);
        // `flat: …` is added at the end (see `Compiler::fast_flat`).
        self.fast_layouts.push(FastDictLayout {
            roots: table,
            checks,
            values: cell_values,
            links,
            lead_bytes,
            flat: None,
        });
        self.fast_roots.push((table, None));
        let found = (self.fast_layouts.len() - 1, roots);
        self.fast_dicts.insert((trie, values), found.clone());
        found
    }

    /// A stage dictionary with OpenCC's values (the first candidate).
    pub(crate) fn stage(&mut self, spec: &DictSpec) -> DictRef {
        let entries = flatten(spec, self.files);
        self.dict(&spec.describe(), &entries, |_, v| v[0].clone())
    }

    /// The keys of a stage with more than one candidate, each mapped to all
    /// its candidates joined by tabs (for ambiguity reports).
    pub(crate) fn alternatives(&mut self, spec: &DictSpec) -> DictRef {
        let entries: Entries = flatten(spec, self.files)
            .into_iter()
            .filter(|(_, v)| v.len() > 1)
            .collect();
        self.dict(
            &format!("{} (alternatives)", spec.describe()),
            &entries,
            |_, v| v.join("\t"),
        )
    }

    /// A character map: for each character its output (unchanged when it
    /// is the character itself) and flags.
    pub(crate) fn charmap(&mut self, map: Vec<(char, String, u32)>) -> usize {
        if let Some(&i) = self.charmaps.get(&map) {
            return i;
        }
        let mut pool = Pool::default();
        let slots: BTreeMap<char, u32> = map
            .iter()
            .map(|(c, v, flags)| {
                let value = if v.chars().eq([*c]) {
                    0
                } else {
                    pool.encode(v)
                };
                (*c, value | flags)
            })
            .collect();
        // Only the flags of pool values are read (src/fast.rs): the
        // strings themselves are not stored.
        let table = self.tables32.table(&slots, &mut self.blob);
        self.charmap_layouts.push(CharMapLayout { table });
        self.charmaps.insert(map, self.charmap_layouts.len() - 1);
        self.charmap_layouts.len() - 1
    }

    /// A run map: a character map whose u64 slots carry, besides the value
    /// and flags (high half), the low half of the character's root slot in
    /// the double array of the segmentation (see [`double_array`]).
    pub(crate) fn runmap(&mut self, map: Vec<(char, String, u32, u32)>) -> usize {
        if let Some(&i) = self.runmaps.get(&map) {
            return i;
        }
        let slots: BTreeMap<char, u64> = map
            .iter()
            .map(|(c, v, flags, filter)| {
                let value = if v.chars().eq([*c]) {
                    0
                } else {
                    self.pool.encode(v)
                };
                (*c, u64::from(value | flags) << 32 | u64::from(*filter))
            })
            .collect();
        let table = self.tables64.table(&slots, &mut self.blob);
        let flat = self.flat(table);
        self.runmap_layouts.push(RunMapLayout { flat });
        self.runmaps.insert(map, self.runmap_layouts.len() - 1);
        self.runmap_layouts.len() - 1
    }
}

/// The single-pass plan of a config variant (see src/engine.rs).
pub(crate) fn fast_plan(
    compiler: &mut Compiler<'_>,
    segmentation: Option<&DictSpec>,
    stages: &[DictSpec],
) -> FastPlan {
    let entries: Vec<Entries> = stages.iter().map(|s| flatten(s, compiler.files)).collect();
    let maxes: Vec<usize> = entries.iter().map(max_chars).collect();
    let chain = |text: &str| -> String {
        let mut t = text.to_string();
        for (e, &m) in entries.iter().zip(&maxes) {
            t = greedy(e, m, &t);
        }
        t
    };
    // The argument for the segmented plan counts on every value having at
    // least one character (the parser refuses empty values; checked here
    // too, as the plan would not be exact without it).
    if entries.iter().any(|e| e.values().any(|v| v[0].is_empty())) {
        return FastPlan::General;
    }
    let Some(seg) = segmentation else {
        return match stages {
            [only] => {
                let entries = flatten(only, compiler.files);
                let (trie, values) =
                    compiler.dict_ids(&only.describe(), &entries, |_, v| v[0].clone());
                let (fast, _) = compiler.fast_dict(trie, values);
                compiler.fast_flat(fast);
                FastPlan::Single { fast }
            }
            _ => FastPlan::General,
        };
    };
    let seg_entries = flatten(seg, compiler.files);
    // Matched segments: the chain's output for each segmentation key.
    let (seg_trie, seg_values) = compiler.dict_ids(
        &format!("{} (chained)", seg.describe()),
        &seg_entries,
        |k, _| chain(k),
    );
    let (seg_fast, seg_roots) = compiler.fast_dict(seg_trie, seg_values);

    // Unmatched runs: per character, the chain's output for it alone and
    // flags saying where that is not the whole story (src/engine.rs).
    //
    // A multi-character key of stage 1 that is a segmentation key cannot
    // match inside a run (the segmenter would have matched it); the others
    // are checked where their first character occurs. At later stages, a
    // key that is also a segmentation key can only match across a character
    // some earlier stage changed (on unchanged text the segmenter would have
    // matched it): such changed characters are triggers, and their
    // neighbours within `window` characters go through the chain with them.
    // Characters whose image can be part of any other multi-character key
    // of a later stage are triggers too.
    let mut same_as_seg: Vec<BTreeSet<char>> = Vec::new();
    let mut other: Vec<BTreeSet<char>> = Vec::new();
    let mut window = 0;
    for e in &entries {
        let mut s = BTreeSet::new();
        let mut o = BTreeSet::new();
        for key in e.keys() {
            if key.chars().nth(1).is_some() {
                if seg_entries.contains_key(key) {
                    s.extend(key.chars());
                } else {
                    o.extend(key.chars());
                }
            }
        }
        same_as_seg.push(s);
        other.push(o);
    }
    // The window: how far (in input characters) a match of a later stage
    // can reach from a trigger or a stage-1 phrase. A match of stage k has
    // at most `max_chars - 1` other characters, and every input character
    // gives at least one (no value is empty), so it lies within that many
    // input characters on each side. Every later stage with a
    // multi-character key counts, segmentation key or not: until
    // 2026-12-06 only stages sharing keys with the segmentation did, and a
    // stage-2 key made of a stage-1 phrase's output (or of a multi-character
    // image) and its clean neighbour was missed when no stage shared any
    // (random dictionaries, tests/custom.rs; no shipped config has that
    // shape, their tables are unchanged). With this, the plan is exact for
    // any dictionaries (the argument: docs/engine.md, "Why the segmented
    // plan is exact").
    for (k, e) in entries.iter().enumerate().skip(1) {
        if !same_as_seg[k].is_empty() || !other[k].is_empty() {
            window = window.max(max_chars(e) - 1);
        }
    }
    let starts_of = |e: &Entries| -> BTreeSet<char> {
        e.keys()
            .filter(|k| k.chars().nth(1).is_some() && !seg_entries.contains_key(*k))
            .filter_map(|k| k.chars().next())
            .collect()
    };
    let t1_starts = starts_of(&entries[0]);
    // Stage 2's other multi-character keys are also checked where they can
    // start (on the stage-1 image); later stages' are flagged statically.
    let t2_starts = entries.get(1).map(starts_of).unwrap_or_default();
    let mut domain: BTreeSet<char> = BTreeSet::new();
    for e in &entries {
        for key in e.keys() {
            domain.extend(key.chars());
        }
    }
    let key_chars = domain.clone();
    let seg_starts: BTreeSet<char> = seg_entries
        .keys()
        .filter_map(|k| k.chars().next())
        .collect();
    domain.extend(&seg_starts);
    // Every character of a segmentation key has the segmentation's root
    // slot (node and code in its double array) in the low half.
    for key in seg_entries.keys() {
        domain.extend(key.chars());
    }
    let mut map = Vec::new();
    let mut image1_map = Vec::new();
    for c in domain {
        let mut image = c.to_string();
        let mut flags = if key_chars.contains(&c) { RUN_KEY } else { 0 };
        if seg_starts.contains(&c) {
            flags |= RUN_SSTART;
        }
        if t1_starts.contains(&c) {
            flags |= RUN_T1START;
        }
        for (k, (e, &m)) in entries.iter().zip(&maxes).enumerate() {
            if k > 0 {
                let changed = !image.chars().eq([c]);
                if changed && image.chars().any(|x| same_as_seg[k].contains(&x)) {
                    flags |= RUN_TRIGGER;
                }
                let single = image.chars().count() == 1;
                if k == 1 && single {
                    if image.chars().next().is_some_and(|x| t2_starts.contains(&x)) {
                        flags |= RUN_T2START;
                    }
                } else if image.chars().any(|x| other[k].contains(&x)) {
                    flags |= RUN_TRIGGER;
                }
            }
            image = greedy(e, m, &image);
            if k == 0 && !image.chars().eq([c]) {
                image1_map.push((c, image.clone(), 0));
            }
        }
        if seg_entries.contains_key(c.to_string().as_str()) {
            // Its segment's output is the chain's output for it alone.
            assert_eq!(chain(&c.to_string()), image);
            flags |= RUN_SKEY1;
        }
        let seg_root = seg_roots.get(&c).map_or(0, |&r| {
            u32::try_from(r & 0xFFFF_FFFF).expect("low half of a root slot")
        });
        map.push((c, image, flags, seg_root));
    }
    // Compatibility ideographs and IDS operators are marked, so that other
    // characters in no key need no check.
    for c in ('\u{F900}'..='\u{FAFF}')
        .chain('\u{2F800}'..='\u{2FA1F}')
        .chain('\u{2FF0}'..='\u{2FFF}')
    {
        assert!(!map.iter().any(|(k, ..)| *k == c), "{c:?} is in a key");
        map.push((c, c.to_string(), RUN_SPECIAL, 0));
    }
    map.sort_by_key(|(c, ..)| *c);
    assert!(map.iter().all(
        |(_, _, f, _)| f & (RUN_TRIGGER | RUN_T1START | RUN_T2START) == 0
            || f & RUN_KEY != 0
            || *f == RUN_SPECIAL
    ));
    let any_t1 = map
        .iter()
        .any(|(_, _, f, _)| f & RUN_KEY != 0 && f & (RUN_T1START | RUN_TRIGGER) != 0);
    let any_t2 = map.iter().any(|(_, _, flags, _)| flags & RUN_T2START != 0);
    // The window is only needed around triggers and stage-1 phrase starts.
    // Without them (s2tw, s2twp, s2hk, s2hkp), every stretch starts at a
    // character where the stage-2 check found a key: stage 2's greedy
    // matching over the run starts a match there, since no match can span
    // it (every earlier character of the run was checked and starts no key
    // that reaches it, or ended an earlier stretch). A stretch ends at the
    // first character past every key found in it that starts no key itself,
    // so no match spans its end either: no neighbours are needed
    // (docs/engine.md).
    if !any_t1 {
        window = 0;
    }
    // Many characters with `RUN_T2START` (s2twp: TWPhrases) make a branch
    // on the flag hard to predict; with few (s2tw) it is the cheaper test.
    let many_t2 = map
        .iter()
        .filter(|(_, _, flags, _)| flags & RUN_T2START != 0)
        .count()
        > 100;
    // A filter of the pairs (a, b) of characters where a has RUN_T2START
    // and the stage-1 images of a and b begin a key of stage 2 (or b's
    // image is not one character, which the exact check treats as a
    // possible match): where a pair is not in it, the exact check would
    // find nothing. Characters outside the map are their own images and
    // in no key.
    // Two filters of the same pairs: by the low bits (asked in the loop),
    // then by a hash (asked before the exact check).
    let words = 1 << (T2_PAIR_BITS - 6);
    let mut t2_pairs = vec![0u64; 2 * words];
    if let (true, Some(e2)) = (any_t2, entries.get(1)) {
        let starts: BTreeSet<char> = map
            .iter()
            .filter(|(_, _, f, _)| f & RUN_T2START != 0)
            .map(|(c, ..)| *c)
            .collect();
        let mut pre: BTreeMap<char, Vec<char>> = BTreeMap::new();
        let mut multi = Vec::new();
        for (c, ..) in &map {
            let image = greedy(&entries[0], maxes[0], &c.to_string());
            let mut chars = image.chars();
            match (chars.next(), chars.next()) {
                (Some(x), None) => pre.entry(x).or_default().push(*c),
                _ => multi.push(*c),
            }
        }
        let mut set = |a: char, b: char| {
            let h = t2_pair_index(a as u32, b as u32);
            t2_pairs[h / 64] |= 1 << (h % 64);
            let h = words * 64 + hashed_pair_index(a as u32, b as u32);
            t2_pairs[h / 64] |= 1 << (h % 64);
        };
        for key in e2.keys() {
            let mut chars = key.chars();
            let (Some(x), Some(y)) = (chars.next(), chars.next()) else {
                continue;
            };
            for &a in pre.get(&x).into_iter().flatten() {
                if starts.contains(&a) {
                    for &b in pre.get(&y).into_iter().flatten() {
                        set(a, b);
                    }
                }
            }
        }
        for &a in &starts {
            for &b in &multi {
                set(a, b);
            }
        }
    }
    let t2_pairs = if any_t2 {
        compiler.blob.u64s(&t2_pairs)
    } else {
        (0, 0)
    };
    // Likewise for stage 1 where many characters have RUN_T1START: the
    // pairs (a, b) that begin a key of stage 1 of two or more characters
    // whose first, a, has RUN_T1START (a superset of what the stage-1
    // check finds at a, so no false negatives).
    let many_t1 = t1_starts.len() > 100;
    let t1_pairs = if many_t1 {
        let mut words = vec![0u64; 1 << (T2_PAIR_BITS - 6)];
        for key in entries[0].keys() {
            let mut chars = key.chars();
            if let (Some(a), Some(b)) = (chars.next(), chars.next())
                && t1_starts.contains(&a)
            {
                let h = hashed_pair_index(a as u32, b as u32);
                words[h / 64] |= 1 << (h % 64);
            }
        }
        compiler.blob.u64s(&words)
    } else {
        (0, 0)
    };
    let run = compiler.runmap(map);
    // The double array of stage 2, for the checks where RUN_T2START says;
    // and per character, stage 2's root slot (low half) of its stage-1
    // image (DA_SPECIAL when that is not one character).
    let mut stage_fast = |k: usize| {
        let (trie, values) =
            compiler.dict_ids(&stages[k].describe(), &entries[k], |_, v| v[0].clone());
        compiler.fast_dict(trie, values)
    };
    let (second_fast, roots2) = stage_fast(if stages.len() > 1 { 1 } else { 0 });
    // Stage 1 on a double array too, for stretches (shared with the
    // single-stage configs that convert with the same dictionary).
    let (first_fast, _) = stage_fast(0);
    let low = |slot: u64| slot & 0xFFFF_FFFF;
    let mut image2: BTreeMap<char, u64> = roots2.iter().map(|(&c, &s)| (c, low(s))).collect();
    for (c, image, _) in &image1_map {
        let mut chars = image.chars();
        let slot = match (chars.next(), chars.next()) {
            (Some(x), None) => roots2.get(&x).map_or(0, |&s| low(s)),
            _ => DA_SPECIAL,
        };
        image2.insert(*c, slot);
    }
    image2.retain(|_, s| *s != 0);
    let image2 = compiler.slots(&image2);
    let image1 = compiler.charmap(image1_map);
    let t1 = compiler.stage(&stages[0]);
    let (_, t1_values) = compiler.dict_ids(&stages[0].describe(), &entries[0], |_, v| v[0].clone());
    let first_flat = compiler.values_roots(t1_values);
    let t2 = stages.get(1).map_or(t1, |s| compiler.stage(s));
    FastPlan::Segmented(SegmentedPlan {
        seg: seg_fast,
        run,
        window,
        first: t1,
        first_flat,
        second: t2,
        image1,
        second_fast,
        first_fast,
        image2,
        t2_pairs,
        any_t1,
        any_t2,
        many_t2,
        t1_pairs,
        many_t1,
    })
}

/// Compiles config `c` (its dictionaries in `compiler.files`): the
/// tables of its stages and its single-pass plans, with and without the
/// tofu-risk dictionaries.
///
/// Built-in and loaded configs get the same plans: the single greedy pass
/// of one stage without segmentation and the segmented single pass are
/// exact for any dictionaries the parser accepts (docs/engine.md, "Why the
/// segmented plan is exact"; tests/custom.rs checks both on random
/// dictionaries against a separate implementation of OpenCC's pipeline).
pub(crate) fn compile_config(compiler: &mut Compiler<'_>, c: &ConfigSpec) -> ConfigLayout {
    let normalization: Vec<DictSpec> = c
        .normalization
        .iter()
        .filter_map(|s| s.resolve(false))
        .collect();
    // The fast path checks for compatibility ideographs as it reads and
    // normalises first when it meets one; that is exact when the
    // normalisation is one table from those characters to single ones.
    let fast_normalization_ok = match normalization.as_slice() {
        [] => true,
        [only] => flatten(only, compiler.files).iter().all(|(k, v)| {
            let k: Vec<char> = k.chars().collect();
            k.len() == 1 && is_compat(k[0] as u32) && v[0].chars().count() == 1
        }),
        _ => false,
    };
    let normalization_refs: Vec<DictRef> =
        normalization.iter().map(|s| compiler.stage(s)).collect();
    let segmentation = c.segmentation.as_ref().and_then(|s| s.resolve(true));
    let seg_ref = segmentation.as_ref().map(|s| compiler.stage(s));
    let mut variant = |tofu: bool| -> (Vec<DictRef>, FastPlan, Vec<DictRef>) {
        let stages: Vec<DictSpec> = c.chain.iter().filter_map(|s| s.resolve(tofu)).collect();
        let refs: Vec<DictRef> = stages.iter().map(|s| compiler.stage(s)).collect();
        let alts: Vec<DictRef> = stages.iter().map(|s| compiler.alternatives(s)).collect();
        // Several stages without a segmentation (none of the shipped
        // configs): OpenCC converts the whole text as one segment, which
        // is what a segmentation dictionary without keys gives (one run),
        // so the segmented plan over an empty one is exact too.
        let none = DictSpec::Group {
            union: false,
            children: Vec::new(),
        };
        let plan_segmentation = match (&segmentation, stages.len()) {
            (None, 2..) => Some(&none),
            (s, _) => s.as_ref(),
        };
        let plan = if fast_normalization_ok && !stages.is_empty() {
            fast_plan(compiler, plan_segmentation, &stages)
        } else {
            FastPlan::General
        };
        (refs, plan, alts)
    };
    let (stages, fast, alternatives) = variant(false);
    let (stages_tofu, fast_tofu, alternatives_tofu) = variant(true);
    ConfigLayout {
        name: String::leak(c.name.clone()),
        title: String::leak(c.title.clone()),
        normalization: Vec::leak(normalization_refs),
        segmentation: seg_ref,
        stages: Vec::leak(stages),
        stages_tofu: Vec::leak(stages_tofu),
        fast,
        fast_tofu,
        alternatives: Vec::leak(alternatives),
        alternatives_tofu: Vec::leak(alternatives_tofu),
    }
}

impl<'a> Compiler<'a> {
    /// Writes what the tables share, complete once every config is
    /// compiled: the blocks and rows of the character tables, and the
    /// string pool.
    pub(crate) fn finish(&mut self) -> SharedLayout {
        let blocks64 = self.blob.u64s(&self.tables64.blocks);
        let rows64 = self.blob.u16s(&self.tables64.rows);
        let blocks32 = self.blob.u32s(&self.tables32.blocks);
        let rows32 = self.blob.u16s(&self.tables32.rows);
        let (strs, pool) = self.pool.emit(&mut self.blob);
        SharedLayout {
            blocks64,
            rows64,
            blocks32,
            rows32,
            strs,
            pool,
        }
    }

    /// Whether something did not fit the tables' encodings (more than
    /// 65,536 distinct blocks of a character table, 2^24 output strings,
    /// 2^22 nodes of a trie): the tables are then unusable. No shipped
    /// config comes near; a config loaded at run time is refused.
    pub(crate) fn too_large(&self) -> bool {
        self.blob.too_large
            || self.pool.too_large
            || self.tables64.too_large
            || self.tables32.too_large
    }

    /// A compiler over the dictionaries `files`, writing a blob in the
    /// target's byte order.
    pub(crate) fn new(files: &'a BTreeMap<String, Entries>, big_endian: bool) -> Compiler<'a> {
        Compiler {
            blob: Blob {
                bytes: Vec::new(),
                big_endian,
                text: String::new(),
                written: std::collections::HashMap::new(),
                too_large: false,
            },
            files,
            pool: Pool::default(),
            tables64: CharTables::new(),
            tables32: CharTables::new(),
            tries: BTreeMap::new(),
            trie_layouts: Vec::new(),
            trie_roots: Vec::new(),
            values: BTreeMap::new(),
            value_layouts: Vec::new(),
            charmaps: BTreeMap::new(),
            charmap_layouts: Vec::new(),
            runmaps: BTreeMap::new(),
            runmap_layouts: Vec::new(),
            trie_keys: Vec::new(),
            value_codes: Vec::new(),
            fast_dicts: BTreeMap::new(),
            fast_layouts: Vec::new(),
            slot_layouts: Vec::new(),
            value_roots: Vec::new(),
            flats: BTreeMap::new(),
            flat_layouts: Vec::new(),
            fast_roots: Vec::new(),
        }
    }
}
