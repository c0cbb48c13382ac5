//! `bianyi convert`: files, standard input, documents, JSON Lines and
//! folders converted with an OpenCC config or to a target.
//!
//! One module per job:
//!
//! | module | job |
//! |---|---|
//! | this one | the entry: the arguments read into a [`plan::Job`] and an [`io::Io`], handed to the runner |
//! | [`plan`] | what converts: the library's `Conversion` (config or target) or the system's OpenCC, `--diff`, `--ambiguities`, glossaries (also for `l10n convert` and `report`) |
//! | [`files`] | the inputs named on the command line, and the refusals about them |
//! | [`custom`] | `-c PATH.json` and `--dict`: OpenCC configs loaded at run time, their tables cached |
//! | [`check`] | inputs checked before anything is written (UTF-8 by the library's `check_utf8_file`) |
//! | [`stream`] | plain text: run through the conversion, or reported on line by line |
//! | [`document`] | `--format` documents (Markdown, HTML, subtitles, JSON) |
//! | [`jsonl`] | `--jsonl` |
//! | [`batch`] | `-r` trees |
//! | [`io`] | encodings: inputs decoded to UTF-8, outputs encoded back |

mod batch;
mod check;
mod custom;
mod document;
mod files;
mod io;
mod jsonl;
mod plan;
mod stream;

use bianyi_convert::Config;

use crate::args::{ConvertArgs, UnmappableArg};
use crate::encoding::{self, OnUnmappable};
use crate::error::CliError;
use crate::i18n::Localizer;
use crate::output;

pub(crate) use files::refuse_same_paths_twice;
pub(crate) use plan::{glossary_applier, to_of};

use io::Io;
use plan::{job, target_of, threads};

/// Runs `bianyi convert`.
pub(crate) fn run(args: &ConvertArgs, lang: Option<&str>) -> Result<(), CliError> {
    if args.list_configs {
        return list_configs(&Localizer::from_env(lang));
    }
    let batch = args.recursive.is_some();
    let job = job(args, lang, batch)?;
    let io = Io {
        encoding: args.encoding,
        output_encoding: args.output_encoding.and_then(encoding::encoding_of),
        unmappable: match args.unmappable {
            UnmappableArg::Error => OnUnmappable::Error,
            UnmappableArg::Ncr => OnUnmappable::Ncr,
        },
        lang: lang.map(str::to_string),
        format: args.format,
        json_keys: args.json_keys,
        max_document: args.max_document_size,
        target_tag: target_of(args).tag().to_string(),
    };
    if let Some(root) = &args.recursive {
        let destination = match (args.output_file(), args.in_place) {
            (Some(dir), _) => batch::Destination::Folder(dir.to_path_buf()),
            (None, true) => batch::Destination::InPlace,
            (None, false) => return Err(CliError::BatchNeedsOutput),
        };
        return batch::run(root, &destination, &job, &io, threads(args));
    }
    if args.jsonl {
        return jsonl::run(args, &job, &io);
    }
    stream::run(args, &job, &io)
}

/// `--list-configs`: each config with its description.
fn list_configs(l: &Localizer) -> Result<(), CliError> {
    let mut text = String::new();
    for c in Config::ALL {
        let description = l.msg(&format!("config-{}", c.name()), &[]);
        text.push_str(&format!("{:<7}{description}\n", c.name()));
    }
    output::write(None, text.as_bytes())
}
