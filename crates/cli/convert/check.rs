//! Inputs checked before anything is written: each file opened (and
//! refused in place if it is not a regular file) and, when the output
//! cannot be discarded on error, read through once to make sure it is
//! valid in its encoding. A UTF-8 file is checked by the library
//! ([`bianyi_convert::check_utf8_file`]: positioned reads in large blocks,
//! on several threads for big files).

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use crate::args::EncodingArg;
use crate::encoding;
use crate::error::{CliError, Source};

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
        return Err(CliError::InputIsFolder {
            path: path.display().to_string(),
        });
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
        // From the file's start, as `reader` reads it.
        return bianyi_convert::check_utf8_file(reader.get_ref().1.get_ref(), threads)
            .map(|_| ())
            .map_err(|e| library_error(e, &source, &source));
    }
    let mut reader = encoding::DecodingReader::new(reader, chosen.encoding);
    let malformed = reader.malformed();
    io::copy(&mut reader, &mut io::sink())
        .map(|_| ())
        .map_err(|error| malformed.refine(read_error(error)))
}
