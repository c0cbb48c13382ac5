//! `bianyi detect`: the script and regional standard of texts, with a
//! confidence and, on request, the evidence. Files are read line by line
//! (in any encoding `convert` reads), so a file of any size is judged in
//! bounded memory.

use std::ffi::OsString;
use std::io::{self, Read, Write};
use std::path::PathBuf;

use bianyi_convert::{DETECT_BYTES, Detection, Detector, Evidence, EvidenceKind, Script, Standard};
use fluent_bundle::FluentValue;

use crate::args::DetectArgs;
use crate::encoding;
use crate::error::{CliError, Source};
use crate::i18n::Localizer;
use crate::lines::{Line, Lines};

pub(crate) fn run(args: &DetectArgs, lang: Option<&str>) -> Result<(), CliError> {
    let l = Localizer::from_env(lang);
    let files: Vec<OsString> = if args.files.is_empty() {
        vec!["-".into()]
    } else {
        args.files.clone()
    };
    let mut out = io::stdout().lock();
    for f in &files {
        // A closed standard output ends the run quietly (main).
        let mut write = |text: String| -> Result<bool, CliError> {
            out.write_all(text.as_bytes())
                .map(|()| true)
                .map_err(|error| CliError::Write {
                    target: Source::Stdout,
                    error,
                })
        };
        let (source, reader, malformed) = open(f, args, &l)?;
        let name = match &source {
            Source::Stdin | Source::Stdout => "-".to_string(),
            Source::Path(p) => p.clone(),
        };
        let new_detector = || {
            if args.explain {
                Detector::new().with_examples()
            } else {
                Detector::new()
            }
        };
        if !args.by_paragraph {
            // In pieces of any line length: memory stays bounded.
            let mut d = new_detector();
            feed_pieces(reader, &source, &malformed, &mut d)?;
            if !write(describe(&l, &name, None, &d, None, args))? {
                return Ok(());
            }
            continue;
        }
        let mut lines = Lines::new(reader, source.clone());
        let next =
            |lines: &mut Lines<Box<dyn Read>>| lines.next_line().map_err(|e| malformed.refine(e));
        // The document is judged from its start; each paragraph then with
        // that verdict as prior, as conversion does.
        let mut document = Detector::new();
        let mut ahead: Vec<Line> = Vec::new();
        let mut sampled = 0;
        while sampled < DETECT_BYTES {
            let Some(line) = next(&mut lines)? else {
                break;
            };
            sampled += line.text.len();
            document.feed(&line.text);
            ahead.push(line);
        }
        let prior = document.detection();
        let mut ahead = ahead.into_iter();
        loop {
            let line = match ahead.next() {
                Some(line) => line,
                None => match next(&mut lines)? {
                    Some(line) => line,
                    None => break,
                },
            };
            if line.text.trim().is_empty() {
                continue;
            }
            let mut d = new_detector();
            d.feed(&line.text);
            let text = describe(&l, &name, Some(line.number), &d, Some(&prior), args);
            if !write(text)? {
                return Ok(());
            }
        }
    }
    Ok(())
}

/// How much [`feed_pieces`] reads at a time.
const PIECE: usize = 64 * 1024;

/// Feeds `reader` (UTF-8) to `d` in pieces of about [`PIECE`] bytes, cut
/// after a line feed where the piece has one (words are counted within
/// pieces) and at a character boundary otherwise; invalid UTF-8 is an
/// error at its position.
fn feed_pieces(
    mut reader: Box<dyn Read>,
    source: &Source,
    malformed: &encoding::MalformedSlot,
    d: &mut Detector,
) -> Result<(), CliError> {
    let mut buf = vec![0u8; PIECE + 4];
    let mut held = 0;
    // Where the held bytes start: byte offset, line, and characters since
    // the line's start.
    let (mut byte, mut line, mut column) = (0u64, 1u64, 0u64);
    loop {
        if held == buf.len() {
            buf.resize(buf.len() * 2, 0);
        }
        let n = loop {
            match reader.read(&mut buf[held..]) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(error) => {
                    return Err(malformed.refine(CliError::Read {
                        source: source.clone(),
                        error,
                    }));
                }
                Ok(n) => break n,
            }
        };
        let total = held + n;
        if total == 0 {
            return Ok(());
        }
        let (valid, bad) = match std::str::from_utf8(&buf[..total]) {
            Ok(_) => (total, None),
            // An incomplete character at the end waits for more input.
            Err(e) if e.error_len().is_none() && n > 0 => (e.valid_up_to(), None),
            Err(e) => (
                e.valid_up_to(),
                Some(e.error_len().unwrap_or(total - e.valid_up_to())),
            ),
        };
        let text = std::str::from_utf8(&buf[..valid]).unwrap_or_default();
        let cut = match (bad, text.rfind('\n')) {
            (None, Some(i)) if n > 0 => i + 1,
            _ => valid,
        };
        let piece = &text[..cut];
        d.feed(piece);
        match piece.rfind('\n') {
            Some(i) => {
                line += memchr::memchr_iter(b'\n', piece.as_bytes()).count() as u64;
                column = piece[i + 1..].chars().count() as u64;
            }
            None => column += piece.chars().count() as u64,
        }
        byte += cut as u64;
        if let Some(len) = bad
            && cut == valid
        {
            return Err(CliError::InvalidUtf8 {
                source: source.clone(),
                position: bianyi_convert::Position::new(byte, line, column + 1),
                bytes: buf[valid..valid + len].to_vec(),
            });
        }
        buf.copy_within(cut..total, 0);
        held = total - cut;
        if n == 0 && held == 0 {
            return Ok(());
        }
    }
}

/// `f` (`-`: standard input), decoded as `--encoding` says (a guess is
/// noted on standard error, as `convert` does).
fn open(
    f: &OsString,
    args: &DetectArgs,
    l: &Localizer,
) -> Result<(Source, Box<dyn Read>, encoding::MalformedSlot), CliError> {
    let (source, mut raw) = open_raw(f)?;
    let head = encoding::head(&mut raw).map_err(|error| CliError::Read {
        source: source.clone(),
        error,
    })?;
    let chosen = encoding::choose(args.encoding, &head);
    if chosen.guessed {
        let note = l.msg(
            "note-encoding-guessed",
            &[
                ("path", source.render(l).into()),
                ("encoding", encoding::name(chosen.encoding).into()),
            ],
        );
        let _ = writeln!(io::stderr().lock(), "{}", crate::term::line(&note));
    }
    let reader = io::Cursor::new(head).chain(raw);
    if chosen.is_utf8() {
        return Ok((source, Box::new(reader), encoding::MalformedSlot::default()));
    }
    let reader = encoding::DecodingReader::new(reader, chosen.encoding);
    let malformed = reader.malformed();
    Ok((source, Box::new(reader), malformed))
}

/// `f` (`-`: standard input), opened for reading.
fn open_raw(f: &OsString) -> Result<(Source, Box<dyn Read>), CliError> {
    if f == "-" {
        return Ok((Source::Stdin, Box::new(io::stdin().lock())));
    }
    let path = PathBuf::from(f);
    let source = Source::path(&path);
    let file = std::fs::File::open(&path).map_err(|error| CliError::Read {
        source: source.clone(),
        error,
    })?;
    Ok((source, Box::new(file)))
}

/// The whole of `f` (`-`: standard input) as UTF-8 text.
pub(crate) fn read(f: &OsString) -> Result<(Source, String), CliError> {
    let (source, mut reader) = open_raw(f)?;
    let mut bytes = Vec::new();
    reader
        .read_to_end(&mut bytes)
        .map_err(|error| CliError::Read {
            source: source.clone(),
            error,
        })?;
    Ok((source.clone(), utf8_text(source, bytes)?))
}

/// `bytes` as text; invalid UTF-8 is an error naming its position.
pub(crate) fn utf8_text(source: Source, bytes: Vec<u8>) -> Result<String, CliError> {
    String::from_utf8(bytes).map_err(|e| {
        match bianyi_convert::check_utf8(e.as_bytes()).map_err(bianyi_convert::Error::into_kind) {
            Err(bianyi_convert::ErrorKind::InvalidUtf8 { position, bytes }) => {
                CliError::InvalidUtf8 {
                    source,
                    position,
                    bytes,
                }
            }
            _ => CliError::Read {
                source,
                error: io::Error::other(e.to_string()),
            },
        }
    })
}

fn script_key(d: &Detection) -> &'static str {
    if d.counts.characters == 0 {
        return "empty";
    }
    match d.script {
        Script::Simplified => "simplified",
        Script::Traditional => "traditional",
        Script::Mixed => "mixed",
        Script::Neutral => "neutral",
        _ => "not-chinese",
    }
}

fn standard_key(s: Standard) -> &'static str {
    match s {
        Standard::Taiwan => "taiwan",
        Standard::HongKong => "hong-kong",
        _ => "opencc",
    }
}

fn evidence_key(k: EvidenceKind) -> &'static str {
    match k {
        EvidenceKind::Simplified => "simplified",
        EvidenceKind::Traditional => "traditional",
        EvidenceKind::Shared => "shared",
        EvidenceKind::NotTaiwan => "not-taiwan",
        EvidenceKind::NotHongKong => "not-hong-kong",
        EvidenceKind::NotOpenCc => "not-opencc",
        EvidenceKind::TaiwanForms => "taiwan-forms",
        EvidenceKind::HongKongForms => "hong-kong-forms",
        EvidenceKind::Cantonese => "cantonese",
        EvidenceKind::MainlandVsTaiwanWords => "mainland-vs-taiwan-words",
        EvidenceKind::TaiwanWords => "taiwan-words",
        EvidenceKind::MainlandVsHongKongWords => "mainland-vs-hong-kong-words",
        _ => "hong-kong-words",
    }
}

/// Probabilities as shown: two decimals.
fn p(x: f64) -> String {
    format!("{x:.2}")
}

/// One result: for the whole input (`line` None) or one paragraph judged
/// with `prior`.
fn describe(
    l: &Localizer,
    input: &str,
    line: Option<usize>,
    detector: &Detector,
    prior: Option<&Detection>,
    args: &DetectArgs,
) -> String {
    let d = match prior {
        Some(prior) => detector.detection_given(prior),
        None => detector.detection(),
    };
    let evidence = detector.evidence();
    if args.json {
        return json(input, line, &d, &evidence, args.explain);
    }
    let s = |v: &str| FluentValue::from(v.to_string());
    let mut text = l.msg(&format!("detect-script-{}", script_key(&d)), &[]);
    if let Some(standard) = d.standard {
        let standard = l.msg(&format!("detect-standard-{}", standard_key(standard)), &[]);
        text = l.msg(
            "detect-with-standard",
            &[("script", s(&text)), ("standard", s(&standard))],
        );
    }
    if d.mainland_origin {
        let hint = l.msg("detect-hint-mainland-origin", &[]);
        text = l.msg(
            "detect-with-hint",
            &[("description", s(&text)), ("hint", s(&hint))],
        );
    }
    // The file name is the one text from outside here: escaped.
    let input = crate::term::shown(input);
    let place = match line {
        Some(n) => format!("{input}:{n}"),
        None => input,
    };
    let mut out = format!(
        "{}\n",
        l.msg(
            "detect-line",
            &[("place", s(&place)), ("description", s(&text))]
        )
    );
    if args.explain && d.counts.characters > 0 {
        let [ps, pt, pm] = d.script_probabilities();
        let [tw, hk, oc] = d.standard_probabilities();
        let mut explain = vec![
            l.msg(
                "detect-explain-confidence",
                &[("value", s(&p(d.confidence)))],
            ),
            l.msg(
                "detect-explain-script",
                &[
                    ("simplified", s(&p(ps))),
                    ("traditional", s(&p(pt))),
                    ("mixed", s(&p(pm))),
                ],
            ),
        ];
        if d.standard.is_some() {
            explain.push(l.msg(
                "detect-explain-standard",
                &[
                    ("taiwan", s(&p(tw))),
                    ("hongkong", s(&p(hk))),
                    ("opencc", s(&p(oc))),
                ],
            ));
            explain.push(l.msg(
                "detect-explain-origin",
                &[("value", s(&p(d.mainland_origin_probability())))],
            ));
        }
        if evidence.is_empty() {
            explain.push(l.msg("detect-explain-no-evidence", &[]));
        }
        for e in &evidence {
            let kind = l.msg(&format!("detect-evidence-{}", evidence_key(e.kind)), &[]);
            let count = e.count.to_string();
            explain.push(if e.examples.is_empty() {
                l.msg(
                    "detect-explain-evidence",
                    &[("kind", s(&kind)), ("count", s(&count))],
                )
            } else {
                l.msg(
                    "detect-explain-evidence-examples",
                    &[
                        ("kind", s(&kind)),
                        ("count", s(&count)),
                        ("examples", s(&crate::term::shown(&e.examples.join(" ")))),
                    ],
                )
            });
        }
        // bianyi's own `--to zh-TW` converts characters only: the mainland
        // words it leaves are what makes its output look converted, and
        // --phrases is what changes them.
        if d.mainland_origin
            && d.standard == Some(Standard::Taiwan)
            && d.counts.mainland_vs_taiwan_words > 0
        {
            explain.push(l.msg("detect-explain-phrases", &[]));
        }
        for line in explain {
            out.push_str("  ");
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// One line of `--json`: the library's JSON of the detection
/// (`bianyi_convert::Detection`'s `Serialize`) with the input's name, the
/// line of a paragraph and, with `--explain`, the evidence.
fn json(
    input: &str,
    line: Option<usize>,
    d: &Detection,
    evidence: &[Evidence],
    explain: bool,
) -> String {
    #[derive(serde::Serialize)]
    struct Record<'a> {
        input: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        line: Option<usize>,
        #[serde(flatten)]
        detection: &'a Detection,
        #[serde(skip_serializing_if = "Option::is_none")]
        evidence: Option<&'a [Evidence]>,
    }
    // The input's name on a terminal: the same JSON, escaped.
    crate::term::json(format!(
        "{}\n",
        crate::json::to_line(&Record {
            input,
            line,
            detection: d,
            evidence: explain.then_some(evidence),
        })
    ))
}
