//! Line-by-line reports: `--diff` and `--ambiguities`. A newline is a
//! safe cut for every conversion, so lines can be converted one at a time
//! in bounded memory; a line longer than the window ([`window`]) is read
//! and reported in windows cut at sentence ends, as the library converts
//! it (`bianyi_convert::Run::window`).

use std::io::{self, BufRead, BufReader, Read, Write};

use bianyi_convert::{Ambiguity, Conversion, DETECT_BYTES, LINE_WINDOW, Position, To, window_cut};
use bianyi_glossary::Applier;

use crate::error::{CliError, Source};

/// What to write.
#[derive(Clone, Copy)]
pub(crate) enum Mode {
    Text,
    Diff { color: bool },
    Ambiguities,
}

/// The longest piece of a line read at once: the library's
/// [`LINE_WINDOW`]. In debug and test builds `BIANYI_TEST_WINDOW=BYTES`
/// sets another (compiled out of release builds), so that tests of long
/// lines need no huge files.
pub(crate) fn window() -> usize {
    #[cfg(debug_assertions)]
    if let Some(n) = std::env::var("BIANYI_TEST_WINDOW")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
    {
        return n.max(16);
    }
    LINE_WINDOW
}

/// A line of input, or a window of a longer one: its text (with its
/// newline), 1-based line number, byte offset and character offset in the
/// input, and the characters of its line before it (0 but in a window
/// after the first).
pub(crate) struct Line {
    pub(crate) text: String,
    pub(crate) number: usize,
    pub(crate) byte: usize,
    pub(crate) chars: usize,
    pub(crate) column: usize,
}

/// Reads UTF-8 lines (in windows of at most `window` bytes), reporting
/// invalid input with its position.
pub(crate) struct Lines<R> {
    reader: BufReader<R>,
    number: usize,
    byte: usize,
    chars: usize,
    source: Source,
    window: usize,
    /// The rest of a window after its cut (no line feed in it).
    pending: Vec<u8>,
    /// Characters of the current line already returned.
    column: usize,
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
            window: window(),
            pending: Vec::new(),
            column: 0,
        }
    }

    /// The next line, or window of a long line; `None` at the end of the
    /// input.
    pub(crate) fn next_line(&mut self) -> Result<Option<Line>, CliError> {
        let mut buf = std::mem::take(&mut self.pending);
        let mut cut = false;
        loop {
            let available = match self.reader.fill_buf() {
                Ok(a) => a,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(error) => {
                    return Err(CliError::Read {
                        source: self.source.clone(),
                        error,
                    });
                }
            };
            if available.is_empty() {
                break;
            }
            let room = self.window.saturating_sub(buf.len()).min(available.len());
            if let Some(i) = memchr::memchr(b'\n', &available[..room]) {
                buf.extend_from_slice(&available[..=i]);
                self.reader.consume(i + 1);
                break;
            }
            buf.extend_from_slice(&available[..room]);
            self.reader.consume(room);
            if buf.len() >= self.window {
                let end = window_cut(&buf);
                if end > 0 {
                    self.pending = buf.split_off(end);
                }
                cut = true;
                break;
            }
        }
        if buf.is_empty() {
            return Ok(None);
        }
        if self.column == 0 {
            self.number += 1;
        }
        let column = self.column;
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
                    (column + prefix.chars().count()) as u64 + 1,
                ),
                bytes: bytes[bad..bad + len].to_vec(),
            }
        })?;
        let count = text.chars().count();
        let line = Line {
            number: self.number,
            byte: self.byte,
            chars: self.chars,
            column,
            text,
        };
        self.byte += line.text.len();
        self.chars += count;
        self.column = if cut { column + count } else { 0 };
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
    // `--ambiguities` records with their risk, written at the end ranked.
    let mut ranked: Vec<(u8, String)> = Vec::new();
    let rest = std::iter::from_fn(|| lines.next_line().transpose());
    for line in ahead.into_iter().map(Ok).chain(rest) {
        let line = line?;
        match mode {
            // (Converted text is the library's stream.)
            Mode::Text => write(out, convert(&line.text).as_bytes())?,
            Mode::Diff { color } => {
                let converted = convert(&line.text);
                if converted != line.text {
                    let label = line.number.to_string();
                    if line.text.len() <= DIFF_WHOLE {
                        write(
                            out,
                            diff_line(&label, &line.text, &converted, color).as_bytes(),
                        )?;
                    } else {
                        write(
                            out,
                            diff_long_line(&label, &line.text, &converted, color).as_bytes(),
                        )?;
                    }
                }
            }
            Mode::Ambiguities => {
                for a in prepared.ambiguities(&line.text) {
                    ranked.push((a.risk, json_line(source, &line, a)));
                }
            }
        }
    }
    // Most likely wrong first; in input order among equals (a stable sort).
    ranked.sort_by_key(|r| std::cmp::Reverse(r.0));
    for (_, record) in &ranked {
        write(out, record.as_bytes())?;
    }
    out.flush().map_err(|error| CliError::Write {
        target: target.clone(),
        error,
    })
}

/// Lines (or windows) longer than this are compared sentence by sentence
/// ([`diff_long_line`]): a character diff of a whole line takes time that
/// grows with its length times its changes (minutes for a line of
/// megabytes).
const DIFF_WHOLE: usize = 64 * 1024;

/// One changed line: `label: text` with removals as `[-…-]` and
/// additions as `{+…+}` (red and green when `color`). The text is a view
/// for a terminal: its control and bidirectional characters other than
/// tabs are escaped ([`crate::term::shown`]).
pub(crate) fn diff_line(label: &str, old: &str, new: &str, color: bool) -> String {
    let (old, new) = (diff_view(old), diff_view(new));
    let mut s = format!("{label}: ");
    diff_into(&mut s, &old, &new, color);
    s.push('\n');
    s
}

/// A line as `--diff` shows it: without its line end (a CRLF line's end
/// is no news), control and bidirectional characters escaped, tabs kept.
fn diff_view(text: &str) -> String {
    let text = text.strip_suffix('\n').unwrap_or(text);
    let text = text.strip_suffix('\r').unwrap_or(text);
    text.split('\t')
        .map(crate::term::shown)
        .collect::<Vec<_>>()
        .join("\t")
}

/// [`diff_line`] of a long line: when the old and new text have the same
/// sentence ends (conversion keeps 。！？；), sentence by sentence, which
/// takes time in proportion to the line; otherwise whole.
fn diff_long_line(label: &str, old: &str, new: &str, color: bool) -> String {
    let (old, new) = (diff_view(old), diff_view(new));
    let ends = |c: char| matches!(c, '。' | '！' | '？' | '；');
    let old_parts: Vec<&str> = old.split_inclusive(ends).collect();
    let new_parts: Vec<&str> = new.split_inclusive(ends).collect();
    let paired = old_parts.len() == new_parts.len()
        && old_parts.iter().zip(&new_parts).all(|(a, b)| {
            a.chars().last().filter(|&c| ends(c)) == b.chars().last().filter(|&c| ends(c))
        });
    let mut s = format!("{label}: ");
    if paired {
        for (a, b) in old_parts.iter().zip(&new_parts) {
            diff_into(&mut s, a, b, color);
        }
    } else {
        diff_into(&mut s, &old, &new, color);
    }
    s.push('\n');
    s
}

/// The character diff of `old` and `new` appended to `s`.
fn diff_into(s: &mut String, old: &str, new: &str, color: bool) {
    let (del, ins, reset) = if color {
        ("\x1b[31m", "\x1b[32m", "\x1b[0m")
    } else {
        ("", "", "")
    };
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
    if a.line == 1 {
        a.column += line.column;
    }
    a.line += line.number - 1;
    a.byte += line.byte;
    a.char += line.chars;
    // The input's name on a terminal: the same JSON, escaped.
    crate::term::json(format!(
        "{}\n",
        crate::json::to_line(&Record {
            input,
            ambiguity: &a,
        })
    ))
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
