//! A long result out through UTF-32 rather than UTF-8.
//!
//! CPython's UTF-8 decoder is a slow part of a long call: it takes 4–6 ms
//! for 3.3 MB of Chinese, while `bytes.decode("utf-32-le")` takes 0.7 ms
//! (it only narrows 4-byte units). So a long result is transcoded here into
//! UTF-32LE and decoded by that codec (docs/python.md, "Where the time of a
//! call goes"). Safe code only: the workspace denies `unsafe` (its one
//! exception maps cache files, docs/reliability.md), so the calls that
//! would build a `str` from its units directly (`PyUnicode_FromKindAndData`,
//! not in the stable ABI anyway) are out of reach, and so are SIMD
//! intrinsics (calling a `#[target_feature]` function is `unsafe`).
//!
//! UTF-32LE whatever the host: units are written with `to_le_bytes`, and
//! the codec is named `utf-32-le`.

/// Whether `b` starts a character (is not a continuation byte).
fn starts(b: u8) -> bool {
    b & 0xC0 != 0x80
}

/// The characters of `s`: its bytes that start one. Counted in blocks with
/// a byte-sized counter so that the loop vectorizes.
pub(crate) fn char_count(s: &str) -> usize {
    let mut blocks = s.as_bytes().chunks_exact(128);
    let mut n = 0;
    for block in &mut blocks {
        // At most 128 per block: the u8 sum cannot wrap.
        let sum = block
            .iter()
            .map(|&b| u8::from(starts(b)))
            .fold(0u8, u8::wrapping_add);
        n += usize::from(sum);
    }
    n + blocks.remainder().iter().filter(|&&b| starts(b)).count()
}

/// `s` cut at character boundaries into pieces of at most `bytes` bytes
/// (at least one character each).
pub(crate) fn pieces_of(s: &str, bytes: usize) -> impl Iterator<Item = &str> {
    let mut rest = s;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut cut = bytes.min(rest.len());
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        if cut == 0 {
            cut = rest.chars().next().map_or(rest.len(), char::len_utf8);
        }
        let (piece, tail) = rest.split_at(cut);
        rest = tail;
        Some(piece)
    })
}

/// Four 3-byte sequences at the start of `q` decoded as UTF-32LE units,
/// or `None` when `q` does not start with four of them. Written on lanes
/// of four so that the compiler can keep them in a vector register.
fn four_3_byte(q: &[u8; 12]) -> Option<[u8; 16]> {
    let lanes: [u32; 4] =
        std::array::from_fn(|k| u32::from_le_bytes([q[3 * k], q[3 * k + 1], q[3 * k + 2], 0]));
    // `q` is UTF-8 from a `str`: a lead byte 1110xxxx is followed by two
    // continuation bytes, so checking the four leads is enough.
    if !lanes.iter().all(|&x| x & 0xF0 == 0xE0) {
        return None;
    }
    let units = lanes.map(|x| ((x & 0x0F) << 12) | ((x >> 2) & 0xFC0) | ((x >> 16) & 0x3F));
    let mut out = [0; 16];
    for (o, u) in out.chunks_exact_mut(4).zip(units) {
        o.copy_from_slice(&u.to_le_bytes());
    }
    Some(out)
}

/// Writes the characters of `s` as UTF-32LE units into `dst`, which is
/// `4 * char_count(s)` bytes long (as many as fit otherwise). Chinese text
/// is mostly runs of 3-byte sequences, taken four at a time.
pub(crate) fn write_utf32le(s: &str, dst: &mut [u8]) {
    let bytes = s.as_bytes();
    let mut units = dst.chunks_exact_mut(4);
    let mut i = 0;
    while i < bytes.len() {
        if let Some(q) = bytes
            .get(i..i + 12)
            .and_then(|q| <&[u8; 12]>::try_from(q).ok())
            && let Some(four) = four_3_byte(q)
        {
            // `four` first: `zip` stops on it without taking a fifth unit.
            for (u, unit) in four.chunks_exact(4).zip(&mut units) {
                unit.copy_from_slice(u);
            }
            i += 12;
            continue;
        }
        let c = s.get(i..).and_then(|r| r.chars().next()).unwrap_or('\0');
        if let Some(unit) = units.next() {
            unit.copy_from_slice(&u32::from(c).to_le_bytes());
        }
        i += c.len_utf8();
    }
}
