//! Helpers shared by the tests of the stream and of files read in pieces.

#![allow(dead_code, reason = "each test file uses a different part")]

/// Where two outputs first differ.
pub(crate) fn first_difference(a: &[u8], b: &[u8]) -> usize {
    a.iter()
        .zip(b)
        .position(|(x, y)| x != y)
        .unwrap_or(a.len().min(b.len()))
}

/// An error and its sources, joined with ": " (the library's `Display`
/// of a failed read or write leaves the I/O error to `source()`).
pub(crate) fn chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}

/// A writer that fails once `limit` bytes are written (a full disk, a
/// closed pipe).
pub(crate) struct FailAfter {
    pub(crate) limit: usize,
    pub(crate) written: usize,
}

impl std::io::Write for FailAfter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.written + buf.len() > self.limit {
            return Err(std::io::Error::new(
                std::io::ErrorKind::BrokenPipe,
                "closed",
            ));
        }
        self.written += buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Copies of `valid` with an invalid byte inserted at each offset in `at`
/// (moved back to a character boundary, capped at the end), and one that
/// ends inside a character.
pub(crate) fn broken_copies(valid: &str, at: &[usize]) -> Vec<Vec<u8>> {
    let boundary = |mut at: usize| {
        while !valid.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let mut cases: Vec<Vec<u8>> = Vec::new();
    for &at in at {
        let at = boundary(at.min(valid.len()));
        let mut input = valid.as_bytes()[..at].to_vec();
        input.extend_from_slice(b"\xff tail");
        input.extend_from_slice(&valid.as_bytes()[at..]);
        cases.push(input);
    }
    let mut cut_short = valid.as_bytes().to_vec();
    cut_short.extend_from_slice(&"漢".as_bytes()[..2]);
    cases.push(cut_short);
    cases
}
