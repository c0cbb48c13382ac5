//! Many texts converted on several threads: `Converter.convert_many` and
//! the Arrow entry point. Each text is converted on its own (a document
//! of its own for a target's verdict and a glossary's first mentions);
//! the texts are cut into contiguous groups of about the same size, one
//! group per thread, so the output is the same whatever the threads.

/// The conversions of a group of consecutive texts: one buffer (UTF-8, or
/// code points), and where each text's conversion ends in it.
pub(crate) struct Group<B = String> {
    pub(crate) text: B,
    pub(crate) ends: Vec<usize>,
}

impl<B> Group<B> {
    /// Where each conversion lies in `text`, in order.
    pub(crate) fn ranges(&self) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
        ranges(&self.ends)
    }
}

/// The ranges of consecutive pieces of a buffer that end at `ends`, the
/// first starting at 0.
pub(crate) fn ranges(ends: &[usize]) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let starts = std::iter::once(0).chain(ends.iter().copied());
    starts.zip(ends.iter().copied()).map(|(a, b)| a..b)
}

impl Group<String> {
    /// The conversions, in order.
    pub(crate) fn pieces(&self) -> impl Iterator<Item = &str> {
        self.ranges().map(|r| &self.text[r])
    }
}

/// A text to convert: UTF-8, or characters.
pub(crate) trait Item: Sync {
    /// Its length in units (bytes, or characters): its output's, about.
    fn units(&self) -> usize;
    /// About its UTF-8 bytes, by which the texts are shared out between
    /// the threads.
    fn bytes(&self) -> usize;
}

impl Item for str {
    fn units(&self) -> usize {
        self.len()
    }
    fn bytes(&self) -> usize {
        self.len()
    }
}

impl Item for [char] {
    fn units(&self) -> usize {
        self.len()
    }
    /// Three bytes a character, as in Chinese.
    fn bytes(&self) -> usize {
        3 * self.len()
    }
}

/// A group's output: UTF-8, or code points.
pub(crate) trait Output: Send {
    fn with_capacity(units: usize) -> Self;
    fn units(&self) -> usize;
}

impl Output for String {
    fn with_capacity(units: usize) -> Self {
        String::with_capacity(units)
    }
    fn units(&self) -> usize {
        self.len()
    }
}

impl Output for Vec<u32> {
    fn with_capacity(units: usize) -> Self {
        Vec::with_capacity(units)
    }
    fn units(&self) -> usize {
        self.len()
    }
}

/// Below this many bytes in all, one thread converts everything: starting
/// threads would cost more than it saves.
const PARALLEL_BYTES: usize = 64 * 1024;

/// Converts `items` with `convert` (which appends a text's conversion to
/// its buffer) on at most `threads` threads. `None` items (Arrow nulls)
/// convert to nothing. The groups are in the items' order.
pub(crate) fn convert_all<I: Item + ?Sized, B: Output>(
    items: &[Option<&I>],
    threads: usize,
    convert: &(dyn Fn(&I, &mut B) + Sync),
) -> Vec<Group<B>> {
    let total: usize = items.iter().flatten().map(|s| s.bytes()).sum();
    let one = |items: &[Option<&I>]| {
        let units: usize = items.iter().flatten().map(|s| s.units()).sum();
        let mut group = Group {
            text: B::with_capacity(units + units / 8),
            ends: Vec::with_capacity(items.len()),
        };
        for item in items {
            if let Some(text) = item {
                convert(text, &mut group.text);
            }
            group.ends.push(group.text.units());
        }
        group
    };
    let threads = threads.clamp(1, items.len().max(1));
    if threads == 1 || total < PARALLEL_BYTES {
        return vec![one(items)];
    }
    // Contiguous groups of about total / threads bytes (and at least one
    // item each).
    let share = total.div_ceil(threads);
    let mut bounds = Vec::with_capacity(threads + 1);
    bounds.push(0);
    let mut bytes = 0;
    for (i, item) in items.iter().enumerate() {
        bytes += item.map_or(0, |s| s.bytes());
        if bytes >= share && bounds.len() < threads && i + 1 < items.len() {
            bounds.push(i + 1);
            bytes = 0;
        }
    }
    bounds.push(items.len());
    std::thread::scope(|scope| {
        let handles: Vec<_> = bounds
            .windows(2)
            .map(|w| {
                let part = &items[w[0]..w[1]];
                // A thread the system refuses: this thread converts the
                // part when its turn comes.
                let handle = std::thread::Builder::new().spawn_scoped(scope, move || one(part));
                (part, handle.ok())
            })
            .collect();
        handles
            .into_iter()
            .map(|(part, handle)| match handle {
                Some(h) => h
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                None => one(part),
            })
            .collect()
    })
}

/// The texts of an Arrow string array: `offsets` (`i32` or `i64`, native
/// byte order), `data` and the optional validity bitmap, `length` slots
/// from slot `offset`. A slot that is not valid UTF-8 is an error naming
/// it.
pub(crate) fn arrow_items<'a>(
    offsets: &[u8],
    large: bool,
    data: &'a [u8],
    validity: Option<&[u8]>,
    offset: usize,
    length: usize,
) -> Result<Vec<Option<&'a str>>, String> {
    let width = if large { 8 } else { 4 };
    let at = |i: usize| -> Result<usize, String> {
        let bytes = offsets
            .get(i * width..(i + 1) * width)
            .ok_or_else(|| format!("offsets buffer too short for slot {i}"))?;
        let value = if large {
            let mut b = [0; 8];
            b.copy_from_slice(bytes);
            i64::from_ne_bytes(b)
        } else {
            let mut b = [0; 4];
            b.copy_from_slice(bytes);
            i64::from(i32::from_ne_bytes(b))
        };
        usize::try_from(value).map_err(|_| format!("negative offset at slot {i}"))
    };
    let valid = |i: usize| -> bool {
        validity.is_none_or(|bits| bits.get(i / 8).is_some_and(|b| b & (1 << (i % 8)) != 0))
    };
    let mut items = Vec::with_capacity(length);
    for i in offset..offset + length {
        if !valid(i) {
            items.push(None);
            continue;
        }
        let (a, b) = (at(i)?, at(i + 1)?);
        let bytes = data
            .get(a..b)
            .ok_or_else(|| format!("slot {} is outside the data buffer", i - offset))?;
        // SIMD validation: std's is several times slower on Chinese text
        // (a sixth of a convert_arrow call on a whole text).
        let text = simdutf8::compat::from_utf8(bytes).map_err(|e| {
            format!(
                "slot {} is not valid UTF-8 (byte offset {} in the slot)",
                i - offset,
                e.valid_up_to()
            )
        })?;
        items.push(Some(text));
    }
    Ok(items)
}

/// The buffers of the converted array: offsets from 0 (`i64` when `large`
/// or when the data outgrows `i32`, native byte order), the data, and a
/// validity bitmap from bit 0 when some slot is null. Returns whether the
/// offsets are 64-bit.
pub(crate) fn arrow_buffers(
    groups: &[Group],
    items: &[Option<&str>],
    large: bool,
) -> (bool, Vec<u8>, Vec<u8>, Option<Vec<u8>>) {
    let bytes: usize = groups.iter().map(|g| g.text.len()).sum();
    let large = large || i32::try_from(bytes).is_err();
    let mut offsets = Vec::with_capacity((items.len() + 1) * if large { 8 } else { 4 });
    let mut data = Vec::with_capacity(bytes);
    let mut push = |end: usize| {
        // Fits: `bytes` fits in i32 unless `large`, and in i64 always.
        if large {
            offsets.extend_from_slice(&(end as i64).to_ne_bytes());
        } else {
            #[expect(
                clippy::cast_possible_truncation,
                reason = "the total was checked against i32::MAX above"
            )]
            offsets.extend_from_slice(&(end as i32).to_ne_bytes());
        }
    };
    push(0);
    for group in groups {
        let base = data.len();
        data.extend_from_slice(group.text.as_bytes());
        for &end in &group.ends {
            push(base + end);
        }
    }
    let validity = items.iter().any(Option::is_none).then(|| {
        let mut bits = vec![0u8; items.len().div_ceil(8)];
        for (i, item) in items.iter().enumerate() {
            if item.is_some() {
                bits[i / 8] |= 1 << (i % 8);
            }
        }
        bits
    });
    (large, offsets, data, validity)
}
