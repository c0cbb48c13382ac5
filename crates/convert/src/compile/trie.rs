//! Tries: the breadth-first tries of the general path and the double
//! arrays of the fast one, with their tables of root slots.

use std::collections::{BTreeMap, BTreeSet};

use crate::compile::blob::Blob;
use crate::compile::layouts::TrieLayout;
use crate::layout::{
    BIGRAM_BITS, BIGRAM_BITS_PER_PAIR, DA_CODE_BITS, bigram_hash, pair_hash, second_bit,
};

#[derive(Default)]
pub(crate) struct TrieNode {
    pub(crate) key: Option<u32>,
    pub(crate) children: BTreeMap<char, usize>,
}

/// The characters keys start with: the key id (when it is a key itself),
/// and the second characters of the longer keys.
pub(crate) type Roots = Vec<(char, Option<u32>, Vec<char>)>;

/// Compiles the structure of a trie over `keys` (sorted); key `i` has id `i`.
/// Returns its layout and its roots.
pub(crate) fn compile_trie(name: &str, keys: &[&str], blob: &mut Blob) -> (TrieLayout, Roots) {
    let mut nodes: Vec<TrieNode> = vec![TrieNode::default()];
    let mut max_key_chars = 0;
    let mut lead_bytes = [0u32; 8];
    let pairs_of_keys: BTreeSet<(char, char)> = keys
        .iter()
        .filter_map(|k| {
            let mut chars = k.chars();
            Some((chars.next()?, chars.next()?))
        })
        .collect();
    let bigram_bits = (pairs_of_keys.len().max(1).next_power_of_two().ilog2()
        + BIGRAM_BITS_PER_PAIR)
        .min(BIGRAM_BITS);
    let bigram_shift = 32 - bigram_bits;
    let mut bigrams = vec![0u64; 1 << (bigram_bits - 6)];
    let mut has_bigrams = false;
    for (id, key) in keys.iter().enumerate() {
        let mut n = 0;
        for c in key.chars() {
            n = match nodes[n].children.get(&c) {
                Some(&child) => child,
                None => {
                    nodes.push(TrieNode::default());
                    let child = nodes.len() - 1;
                    nodes[n].children.insert(c, child);
                    child
                }
            };
        }
        max_key_chars = max_key_chars.max(key.chars().count());
        let lead = key.as_bytes()[0];
        lead_bytes[lead as usize / 32] |= 1 << (lead % 32);
        let mut chars = key.chars();
        if let (Some(a), Some(b)) = (chars.next(), chars.next()) {
            let h = bigram_hash(a as u32, b as u32, bigram_shift);
            bigrams[h / 64] |= 1 << (h % 64);
            has_bigrams = true;
        }
        nodes[n].key = Some(u32::try_from(id).expect("key id fits u32"));
    }

    // Breadth-first numbering of the nodes of second characters and all
    // deeper ones; every node's children are contiguous. The nodes of
    // first characters are not stored: lookups start from the root slots
    // and the pair table. So tries that differ only in one-character keys
    // (TSPhrases with and without TSCharacters) have the same arrays but
    // for `node_key`, and the blob stores them once.
    let mut order: Vec<usize> = Vec::new();
    let mut id_of = vec![u32::MAX; nodes.len()];
    let mut queue: std::collections::VecDeque<usize> = nodes[0]
        .children
        .values()
        .flat_map(|&n| nodes[n].children.values().copied())
        .collect();
    let seconds = queue.len();
    while let Some(n) = queue.pop_front() {
        id_of[n] = u32::try_from(order.len()).expect("node count fits u32");
        order.push(n);
        queue.extend(nodes[n].children.values().copied());
    }
    let count = |n: usize| u32::try_from(nodes[n].children.len()).expect("child count fits u32");
    let mut first_child = Vec::with_capacity(order.len() + 1);
    let mut node_char = vec![0u32; order.len()];
    let mut node_key = Vec::with_capacity(order.len());
    let mut next_child = u32::try_from(seconds).expect("node count fits u32");
    for &n in &order {
        first_child.push(next_child);
        next_child += count(n);
        node_key.push(nodes[n].key.map_or(0, |k| k + 1));
        for (&c, &child) in &nodes[n].children {
            node_char[id_of[child] as usize] = c as u32;
        }
    }
    first_child.push(next_child);
    for (i, &n) in order.iter().enumerate() {
        let kids: Vec<u32> = nodes[n].children.values().map(|&k| id_of[k]).collect();
        let expect: Vec<u32> = (first_child[i]..first_child[i + 1]).collect();
        assert_eq!(kids, expect, "{name}: breadth-first layout broken");
    }

    let roots: Roots = nodes[0]
        .children
        .iter()
        .map(|(&c, &child)| {
            let seconds = nodes[child].children.keys().copied().collect();
            (c, nodes[child].key, seconds)
        })
        .collect();
    // The pair table: (first char, second char) -> node of the second
    // char, for the first step below the root (open addressing; 0 = empty).
    let pair_count: usize = nodes[0]
        .children
        .values()
        .map(|&n| nodes[n].children.len())
        .sum();
    let size = (pair_count * 2).next_power_of_two().max(1);
    let mut pairs = vec![0u64; if pair_count == 0 { 0 } else { size }];
    for (&a, &n) in &nodes[0].children {
        for (&b, &child) in &nodes[n].children {
            // Past what the entry's bits hold: refused by the caller
            // (`Compiler::too_large`); build.rs fails on it.
            if a as u32 == 0 || id_of[child] >= (1 << 22) {
                blob.too_large = true;
            }
            let entry =
                (u64::from(a as u32) << 43) | (u64::from(b as u32) << 22) | u64::from(id_of[child]);
            let mut h = pair_hash(a as u32, b as u32) & (size - 1);
            while pairs[h] != 0 {
                h = (h + 1) & (size - 1);
            }
            pairs[h] = entry;
        }
    }
    let pairs = blob.u64s(&pairs);
    let first_child = blob.u32s(&first_child);
    let node_char = blob.u32s(&node_char);
    let node_key = blob.u32s(&node_key);
    let bigrams = if has_bigrams {
        blob.u64s(&bigrams)
    } else {
        (0, 0)
    };
    let layout = TrieLayout {
        name: String::leak(name.to_string()),
        keys: keys.len(),
        max_key_chars,
        lead_bytes,
        first_child,
        node_char,
        node_key,
        bigrams,
        bigram_shift,
        pairs,
    };
    (layout, roots)
}

/// The smallest free cell at or after `i` (`next[i] == i` when cell `i` is
/// free; cells past the end are free).
pub(crate) fn da_find(next: &mut Vec<usize>, mut i: usize) -> usize {
    loop {
        if i >= next.len() {
            next.extend(next.len()..=i);
            return i;
        }
        if next[i] == i {
            return i;
        }
        let up = next[i];
        if up < next.len() {
            next[i] = next[up];
        }
        i = up;
    }
}

pub(crate) fn da_take(next: &mut Vec<usize>, i: usize) {
    if next.len() <= i + 1 {
        next.extend(next.len()..=i + 1);
    }
    next[i] = i + 1;
}

/// A double-array trie over `keys` (sorted) with the encoded `values`.
///
/// Cells are `[check, value, base, filter]` (the filter: bit `code % 32` for
/// every child's code). A key's first character is found
/// through the root slots (a page table): `own value << 32 | node << 14 |
/// code`, where `node` is the cell of the one-character prefix when longer
/// keys start with it (0 otherwise) and `code` (0: none) is the character's
/// code when it occurs after the first character of some key. The child of
/// cell `p` for a character of code `k` is cell `base(p) + k` when that
/// cell's check is `p`. A cell with base 0 has no children. Cells of
/// one-character prefixes have check 0, which no transition accepts.
pub(crate) fn double_array(
    keys: &[String],
    values: &[u32],
) -> (Vec<[u32; 4]>, BTreeMap<char, u64>) {
    struct Node {
        value: u32,
        children: BTreeMap<char, usize>,
    }
    let mut nodes = vec![Node {
        value: 0,
        children: BTreeMap::new(),
    }];
    for (key, &value) in keys.iter().zip(values) {
        let mut n = 0;
        for c in key.chars() {
            n = match nodes[n].children.get(&c) {
                Some(&x) => x,
                None => {
                    nodes.push(Node {
                        value: 0,
                        children: BTreeMap::new(),
                    });
                    let x = nodes.len() - 1;
                    nodes[n].children.insert(c, x);
                    x
                }
            };
        }
        nodes[n].value = value;
    }
    // Codes for the characters after the first, most frequent first.
    let mut freq: BTreeMap<char, usize> = BTreeMap::new();
    for n in &nodes[1..] {
        for &c in n.children.keys() {
            *freq.entry(c).or_default() += 1;
        }
    }
    let mut by_freq: Vec<(usize, char)> = freq.into_iter().map(|(c, k)| (k, c)).collect();
    by_freq.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    // Codes that are multiples of 32 are not given out: the children
    // filter (bit `code % 32`) then never has bit 0 set, so a character
    // that continues no key (code 0: punctuation, most ASCII) is always
    // ruled out by the filter instead of loading a cell (measured: a third
    // of the lookups that passed the filter and found nothing on a
    // Wikipedia-style text, data54k).
    let code: BTreeMap<char, usize> = by_freq
        .iter()
        .enumerate()
        .map(|(i, &(_, c))| (c, i + 1 + i / 31))
        .collect();
    assert!(
        code.values().all(|&k| k < 1 << DA_CODE_BITS && k % 32 != 0),
        "double array: too many codes"
    );

    // Cell 0 is never a node's child: its check is no cell's index (not
    // even 0, so that a lookup below "node 0", no node, finds nothing) and
    // its filter 0.
    let mut cells: Vec<[u32; 4]> = vec![[u32::MAX, 0, 0, 0]];
    let mut next: Vec<usize> = Vec::new();
    da_take(&mut next, 0);
    let cell = |cells: &mut Vec<[u32; 4]>, i: usize| {
        if cells.len() <= i {
            cells.resize(i + 1, [0; 4]);
        }
    };
    let index = |i: usize| u32::try_from(i).expect("double array index fits u32");
    let mut queue = std::collections::VecDeque::new();
    let mut roots: BTreeMap<char, u64> = BTreeMap::new();
    // The cells of the first characters come first, those that start the
    // most keys (a proxy for frequent characters) at the front, so that
    // the cells looked up at most characters of a text share few cache
    // lines; their children are placed in the same order.
    let mut under = vec![0usize; nodes.len()];
    for n in (0..nodes.len()).rev() {
        under[n] += usize::from(nodes[n].value != 0);
        for &x in nodes[n].children.values() {
            under[n] += under[x];
        }
    }
    let mut firsts: Vec<(char, usize)> = nodes[0].children.iter().map(|(&c, &x)| (c, x)).collect();
    firsts.sort_by(|a, b| under[b.1].cmp(&under[a.1]).then(a.0.cmp(&b.0)));
    for &(c, child) in &firsts {
        let mut at = 0;
        if !nodes[child].children.is_empty() {
            at = da_find(&mut next, 1);
            da_take(&mut next, at);
            cell(&mut cells, at);
            queue.push_back((child, at));
        }
        roots.insert(
            c,
            u64::from(nodes[child].value) << 32 | (at as u64) << DA_CODE_BITS,
        );
    }
    for (&c, &k) in &code {
        *roots.entry(c).or_default() |= k as u64;
    }
    while let Some((n, at)) = queue.pop_front() {
        let kids: Vec<(usize, usize)> = nodes[n]
            .children
            .iter()
            .map(|(c, &x)| (code[c], x))
            .collect();
        let first = kids
            .iter()
            .map(|&(k, _)| k)
            .min()
            .expect("a parent has children");
        // base = f - first >= 1, with every child's cell free.
        let mut f = da_find(&mut next, first + 1);
        loop {
            let base = f - first;
            if kids
                .iter()
                .all(|&(k, _)| base + k >= next.len() || next[base + k] == base + k)
            {
                break;
            }
            f = da_find(&mut next, f + 1);
        }
        let base = f - first;
        cells[at][2] = index(base);
        // A filter of the children's codes (bit `code % 32`), so that most
        // failing child lookups need not load the child's cell.
        cells[at][3] = kids.iter().fold(0, |m, &(k, _)| m | 1 << (k % 32));
        for &(k, x) in &kids {
            let i = base + k;
            da_take(&mut next, i);
            cell(&mut cells, i);
            cells[i] = [index(at), nodes[x].value, 0, 0];
            if !nodes[x].children.is_empty() {
                queue.push_back((x, i));
            }
        }
    }
    assert!(
        cells.len() < 1 << (32 - DA_CODE_BITS),
        "double array: too many cells"
    );
    (cells, roots)
}

/// The root slots of a trie's keys: for each first character the value
/// of the one-character key in the high half (0: none) and a 32-bit filter
/// of the second characters of longer keys (never 0 when there are any) in
/// the low half. `value` gives the value of key id `k`.
pub(crate) fn root_slots(roots: &Roots, value: impl Fn(u32) -> u32) -> BTreeMap<char, u64> {
    roots
        .iter()
        .map(|(c, key, seconds)| {
            let value = key.map_or(0, |k| u64::from(value(k)));
            // 0 exactly when no longer key starts with `c`.
            let filter = seconds
                .iter()
                .fold(0u32, |f, &s| f | 1 << second_bit(s as u32));
            (*c, value << 32 | u64::from(filter))
        })
        .collect()
}

/// The root slots (see [`root_slots`]) of the keys `keys` with their codes.
pub(crate) fn key_root_slots<'k>(
    keys: impl Iterator<Item = (&'k str, u32)>,
) -> BTreeMap<char, u64> {
    let mut slots: BTreeMap<char, u64> = BTreeMap::new();
    for (key, code) in keys {
        let mut chars = key.chars();
        let Some(first) = chars.next() else { continue };
        let slot = slots.entry(first).or_default();
        match chars.next() {
            None => *slot |= u64::from(code) << 32,
            Some(second) => *slot |= 1 << second_bit(second as u32),
        }
    }
    slots
}
