//! Inputs checked before anything is written: each file opened (and
//! refused in place if it is not a regular file) and, when the output
//! cannot be discarded on error, read through once to make sure it is
//! valid in its encoding. A UTF-8 file is checked with positioned reads in
//! large blocks, on several threads for big files.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use crate::args::EncodingArg;
use crate::encoding;
use crate::error::{CliError, Source};

use super::io::refine;
use super::stream::library_error;

/// Opens `path` to make sure it can be read, and (when `check_utf8`) checks
/// that a regular file is valid UTF-8 all the way through.
pub(super) fn precheck(
    path: &Path,
    in_place: bool,
    check_utf8: bool,
    encoding_arg: EncodingArg,
    threads: usize,
) -> Result<(), CliError> {
    let source = Source::path(path);
    let read_error = |error| CliError::Read {
        source: source.clone(),
        error,
    };
    let file = File::open(path).map_err(read_error)?;
    let metadata = file.metadata().map_err(read_error)?;
    if metadata.is_dir() {
        return Err(read_error(io::Error::new(
            io::ErrorKind::IsADirectory,
            "is a directory",
        )));
    }
    if !metadata.is_file() {
        if in_place {
            return Err(CliError::InPlaceNotRegular {
                path: path.display().to_string(),
            });
        }
        // A FIFO or device can be read only once: it is checked while converting.
        return Ok(());
    }
    if !check_utf8 {
        return Ok(());
    }
    let mut file = io::BufReader::new(file);
    let head = encoding::head(&mut file).map_err(read_error)?;
    let chosen = encoding::choose(encoding_arg, &head);
    let reader = io::Cursor::new(head).chain(file);
    if chosen.is_utf8() {
        #[cfg(unix)]
        if is_utf8_file(reader.get_ref().1.get_ref(), metadata.len(), threads)
            .map_err(read_error)?
        {
            return Ok(());
        }
        #[cfg(not(unix))]
        let _ = threads;
        // Not UTF-8: read again, counting lines, for the fault's position.
        return bianyi_convert::check_utf8(reader)
            .map(|_| ())
            .map_err(|e| library_error(e, &source, &source));
    }
    io::copy(
        &mut encoding::DecodingReader::new(reader, chosen.encoding),
        &mut io::sink(),
    )
    .map(|_| ())
    .map_err(|error| refine(read_error(error)))
}

/// Whether the regular file `file` (of `len` bytes) is UTF-8 throughout:
/// read with positioned reads in large blocks, on up to `threads` threads
/// for big files (each range starting at a character), without counting
/// lines. It only says yes or no; where the fault is, is for
/// [`bianyi_convert::check_utf8`] to tell.
#[cfg(unix)]
pub(super) fn is_utf8_file(file: &File, len: u64, threads: usize) -> io::Result<bool> {
    // Ranges of at least 8 MiB, read in blocks of 256 KiB.
    utf8_in_ranges(file, len, threads, 8 << 20, 256 * 1024)
}

/// [`is_utf8_file`] with ranges of at least `min_range` bytes read in
/// blocks of `block` bytes.
#[cfg(unix)]
pub(super) fn utf8_in_ranges(
    file: &File,
    len: u64,
    threads: usize,
    min_range: u64,
    block: usize,
) -> io::Result<bool> {
    let parts = (len / min_range.max(1)).clamp(1, threads.max(1) as u64);
    let mut starts = vec![0];
    for k in 1..parts {
        let at = len / parts * k;
        let mut head = [0u8; 4];
        let n = read_full_at(file, &mut head, at)?;
        // A character is at most 4 bytes: the range starts after the
        // continuation bytes of the one that begins before `at`.
        match head[..n].iter().position(|&b| b & 0xC0 != 0x80) {
            Some(skip) => starts.push(at + skip as u64),
            None if n < head.len() => starts.push(at + n as u64),
            None => return Ok(false),
        }
    }
    starts.push(len);
    let ranges: Vec<(u64, u64)> = starts.windows(2).map(|w| (w[0], w[1])).collect();
    let (first, rest) = ranges.split_first().unwrap_or((&(0, 0), &[]));
    let valid = std::thread::scope(|scope| {
        // A range whose thread cannot be started is checked here.
        let others: Vec<_> = rest
            .iter()
            .map(|&(from, to)| {
                std::thread::Builder::new()
                    .spawn_scoped(scope, move || range_is_utf8(file, from, to, block))
                    .map_err(|_| (from, to))
            })
            .collect();
        let mut valid = range_is_utf8(file, first.0, first.1, block)?;
        for other in others {
            valid &= match other {
                Ok(handle) => handle.join().unwrap_or(Ok(false))?,
                Err((from, to)) => range_is_utf8(file, from, to, block)?,
            };
        }
        Ok::<bool, io::Error>(valid)
    })?;
    // The size is the one seen when the file was opened: a file that has
    // grown since (a log), or whose size says nothing (some pseudo-files
    // say 0), gets the full check.
    Ok(valid && read_full_at(file, &mut [0u8; 1], len)? == 0)
}

/// Whether bytes `from..to` of `file` are whole UTF-8 characters.
#[cfg(unix)]
fn range_is_utf8(file: &File, from: u64, to: u64, block: usize) -> io::Result<bool> {
    let block = block.max(4);
    let mut buf = vec![0u8; block + 4];
    // The start of a character split between reads (at most 3 bytes).
    let mut carried = 0;
    let mut at = from;
    while at < to {
        let want = usize::try_from(to - at).map_or(block, |left| left.min(block));
        let n = read_full_at(file, &mut buf[carried..carried + want], at)?;
        if n == 0 {
            // The file shrank: let the full check tell.
            return Ok(false);
        }
        at += n as u64;
        let filled = carried + n;
        match simdutf8::compat::from_utf8(&buf[..filled]) {
            Ok(_) => carried = 0,
            Err(e) if e.error_len().is_none() && at < to => {
                let valid = e.valid_up_to();
                buf.copy_within(valid..filled, 0);
                carried = filled - valid;
            }
            Err(_) => return Ok(false),
        }
    }
    Ok(carried == 0)
}

/// Reads into `buf` from offset `at` until it is full or the file ends;
/// returns how much was read.
#[cfg(unix)]
fn read_full_at(file: &File, buf: &mut [u8], at: u64) -> io::Result<usize> {
    use std::os::unix::fs::FileExt;
    let mut done = 0;
    while done < buf.len() {
        match file.read_at(&mut buf[done..], at + done as u64) {
            Ok(0) => break,
            Ok(n) => done += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(done)
}

#[cfg(test)]
#[cfg(unix)]
mod tests {
    use super::{is_utf8_file, utf8_in_ranges};
    use std::fs::File;

    /// `bytes` in a file, checked as if it had `len` bytes: on 1 to 4
    /// threads in ranges of at least 64 bytes read in blocks of 7, and as
    /// the command does; all must agree.
    fn check(bytes: &[u8], len: u64) -> bool {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("f.txt");
        std::fs::write(&path, bytes).expect("write");
        let file = File::open(&path).expect("open");
        let real = is_utf8_file(&file, len, 2).expect("read");
        for threads in 1..=4 {
            let small = utf8_in_ranges(&file, len, threads, 64, 7).expect("read");
            assert_eq!(small, real, "{threads} threads disagree");
        }
        real
    }

    fn full(bytes: &[u8]) -> bool {
        check(bytes, bytes.len() as u64)
    }

    #[test]
    fn splits_anywhere_in_characters_of_every_length() {
        for unit in ["é", "头", "😀", "a头😀é\n"] {
            for fill in 0..5 {
                let mut t = "a".repeat(fill);
                t.push_str(&unit.repeat(200 / unit.len()));
                assert!(full(t.as_bytes()), "{unit:?}, fill {fill}");
            }
        }
    }

    #[test]
    fn faults_anywhere_are_found() {
        let t = format!("a{}", "😀头é".repeat(30)).into_bytes();
        for at in 0..t.len() {
            // A stray continuation byte, a lead byte without its
            // continuation, a byte never in UTF-8, a character cut by the
            // end of the file.
            for bad in [&[0x80u8][..], &[0xF0, b'a'], &[0xFF], &[0xE5, 0xA4]] {
                let mut broken = t.clone();
                let to = (at + bad.len()).min(broken.len());
                broken.splice(at..to, bad.iter().copied());
                if bad == [0xE5, 0xA4] {
                    broken.truncate(at + 2);
                }
                if std::str::from_utf8(&broken).is_ok() {
                    continue;
                }
                assert!(!full(&broken), "{bad:x?} at {at}");
            }
        }
    }

    #[test]
    fn edges() {
        assert!(full(b""));
        assert!(full("头".as_bytes()));
        assert!(!full(&[b'a', 0xE5, 0xA4]));
        assert!(!full(&[0x80; 300]));
        // A file with more than its size said (it grew, or the size is
        // meaningless): not taken as checked.
        assert!(!check("头头".as_bytes(), 3));
        assert!(!check("头头".as_bytes(), 0));
        assert!(!check("头".repeat(100).as_bytes(), 150));
    }
}
