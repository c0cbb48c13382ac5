//! Line-by-line reports: `--diff` and `--ambiguities`. A newline is a
//! safe cut for every conversion, so lines can be converted one at a time
//! in bounded memory.

use std::io::{self, BufRead, BufReader, Read, Write};

use bianyi_convert::{Ambiguity, Conversion, DETECT_BYTES, Position, To};
use bianyi_glossary::Applier;

use crate::error::{CliError, Source};

/// What to write.
#[derive(Clone, Copy)]
pub(crate) enum Mode {
    Text,
    Diff { color: bool },
    Ambiguities,
}

/// A line of input: its text (with its newline), 1-based number, byte
/// offset and character offset in the input.
pub(crate) struct Line {
    pub(crate) text: String,
    pub(crate) number: usize,
    pub(crate) byte: usize,
    pub(crate) chars: usize,
}

/// Reads UTF-8 lines, reporting invalid input with its position.
pub(crate) struct Lines<R> {
    reader: BufReader<R>,
    number: usize,
    byte: usize,
    chars: usize,
    source: Source,
}

impl<R: Read> Lines<R> {
    /// Lines of `reader`, which reads `source`.
    pub(crate) fn new(reader: R, source: Source) -> Lines<R> {
        Lines {
            reader: BufReader::with_capacity(64 * 1024, reader),
            number: 0,
            byte: 0,
            chars: 0,
            source,
        }
    }

    /// The next line, `None` at the end of the input.
    pub(crate) fn next_line(&mut self) -> Result<Option<Line>, CliError> {
        let mut buf = Vec::new();
        let n = self
            .reader
            .read_until(b'\n', &mut buf)
            .map_err(|error| CliError::Read {
                source: self.source.clone(),
                error,
            })?;
        if n == 0 {
            return Ok(None);
        }
        self.number += 1;
        let text = String::from_utf8(buf).map_err(|e| {
            let bad = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            let len = e.utf8_error().error_len().unwrap_or(bytes.len() - bad);
            let prefix = std::str::from_utf8(&bytes[..bad]).unwrap_or("");
            CliError::InvalidUtf8 {
                source: self.source.clone(),
                position: Position::new(
                    (self.byte + bad) as u64,
                    self.number as u64,
                    prefix.chars().count() as u64 + 1,
                ),
                bytes: bytes[bad..bad + len].to_vec(),
            }
        })?;
        let line = Line {
            number: self.number,
            byte: self.byte,
            chars: self.chars,
            text,
        };
        self.byte += line.text.len();
        self.chars += line.text.chars().count();
        Ok(Some(line))
    }
}

/// Converts `reader` line by line into `out` as `mode` says.
pub(crate) fn run(
    conversion: &Conversion,
    mode: Mode,
    terms: Option<&Applier>,
    reader: Box<dyn Read + '_>,
    out: &mut dyn Write,
    source: &Source,
    target: &Source,
) -> Result<(), CliError> {
    let mut lines = Lines::new(reader, source.clone());
    let write = |out: &mut dyn Write, bytes: &[u8]| -> Result<(), CliError> {
        out.write_all(bytes).map_err(|error| CliError::Write {
            target: target.clone(),
            error,
        })
    };
    // A target document is judged from the start of the input.
    let mut ahead: Vec<Line> = Vec::new();
    let mut sample = String::new();
    if let To::Target(_) = conversion.to() {
        while sample.len() < DETECT_BYTES {
            match lines.next_line()? {
                Some(line) => {
                    sample.push_str(&line.text);
                    ahead.push(line);
                }
                None => break,
            }
        }
    }
    let prepared = conversion.prepare(&sample);
    drop(sample);
    // Glossary mentions are counted per input (first mention per document).
    let mut terms = terms.map(Applier::hook);
    let mut convert = |text: &str| -> String {
        match terms.as_mut() {
            None => prepared.convert(text),
            Some(hook) => prepared.convert_with(text, hook),
        }
    };
    let rest = std::iter::from_fn(|| lines.next_line().transpose());
    for line in ahead.into_iter().map(Ok).chain(rest) {
        let line = line?;
        match mode {
            // (Converted text is the library's stream.)
            Mode::Text => write(out, convert(&line.text).as_bytes())?,
            Mode::Diff { color } => {
                let converted = convert(&line.text);
                if converted != line.text {
                    write(
                        out,
                        diff_line(&line.number.to_string(), &line.text, &converted, color)
                            .as_bytes(),
                    )?;
                }
            }
            Mode::Ambiguities => {
                for a in prepared.ambiguities(&line.text) {
                    write(out, json_line(source, &line, a).as_bytes())?;
                }
            }
        }
    }
    out.flush().map_err(|error| CliError::Write {
        target: target.clone(),
        error,
    })
}

/// One changed line: `label: text` with removals as `[-…-]` and
/// additions as `{+…+}` (red and green when `color`).
pub(crate) fn diff_line(label: &str, old: &str, new: &str, color: bool) -> String {
    let old = old.strip_suffix('\n').unwrap_or(old);
    let new = new.strip_suffix('\n').unwrap_or(new);
    let (del, ins, reset) = if color {
        ("\x1b[31m", "\x1b[32m", "\x1b[0m")
    } else {
        ("", "", "")
    };
    let mut s = format!("{label}: ");
    let diff = similar::TextDiff::from_chars(old, new);
    // Group consecutive changes of one kind.
    let mut kind = similar::ChangeTag::Equal;
    let mut open = false;
    for change in diff.iter_all_changes() {
        let tag = change.tag();
        if open && tag != kind {
            s.push_str(match kind {
                similar::ChangeTag::Delete => "-]",
                _ => "+}",
            });
            s.push_str(reset);
            open = false;
        }
        if !open && tag != similar::ChangeTag::Equal {
            s.push_str(match tag {
                similar::ChangeTag::Delete => del,
                _ => ins,
            });
            s.push_str(match tag {
                similar::ChangeTag::Delete => "[-",
                _ => "{+",
            });
            open = true;
        }
        kind = tag;
        s.push_str(change.value());
    }
    if open {
        s.push_str(match kind {
            similar::ChangeTag::Delete => "-]",
            _ => "+}",
        });
        s.push_str(reset);
    }
    s.push('\n');
    s
}

/// One line of `--ambiguities`: the library's JSON of the ambiguity
/// (`bianyi_convert::Ambiguity`'s `Serialize`), its place counted from the
/// start of the input instead of the line, with the input's name.
fn json_line(source: &Source, line: &Line, mut a: Ambiguity) -> String {
    #[derive(serde::Serialize)]
    struct Record<'a> {
        input: &'a str,
        #[serde(flatten)]
        ambiguity: &'a Ambiguity,
    }
    let input = match source {
        Source::Stdin | Source::Stdout => "-",
        Source::Path(p) => p.as_str(),
    };
    a.line += line.number - 1;
    a.byte += line.byte;
    a.char += line.chars;
    format!(
        "{}\n",
        crate::json::to_line(&Record {
            input,
            ambiguity: &a,
        })
    )
}

/// True when standard output should get colour for `--diff`.
pub(crate) fn color_wanted(style: crate::args::DiffStyle, to_stdout: bool) -> bool {
    use std::io::IsTerminal;
    match style {
        crate::args::DiffStyle::Plain => false,
        crate::args::DiffStyle::Color => true,
        crate::args::DiffStyle::Auto => {
            to_stdout
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && io::stdout().is_terminal()
        }
    }
}
