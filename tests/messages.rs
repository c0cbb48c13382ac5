//! Every error message bianyi can print is shown by a golden case
//! (`tests/cmd`, run by the `cli` test binary).

use std::fs;
use std::path::Path;

use fluent_syntax::ast::{Entry, Expression, Pattern, PatternElement};

/// The literal text of `pattern` with variant `choice` of each select
/// expression (the default one if it has fewer), with `\0` where a value
/// is put in.
fn literal_text(pattern: &Pattern<&str>, choice: usize, out: &mut String) {
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => out.push_str(value),
            PatternElement::Placeable {
                expression: Expression::Select { variants, .. },
            } => {
                out.push('\0');
                if let Some(v) = variants
                    .get(choice)
                    .or_else(|| variants.iter().find(|v| v.default))
                {
                    literal_text(&v.value, choice, out);
                }
                out.push('\0');
            }
            PatternElement::Placeable { .. } => out.push('\0'),
        }
    }
}

/// Every error message bianyi can print is shown by at least one golden
/// case (in English), except the few that no test can provoke portably;
/// each exemption says why.
#[test]
fn every_error_message_has_a_golden_case() {
    const EXEMPT: &[(&str, &str)] = &[
        ("error-line", "the frame of every error line, not a message"),
        (
            "error-project-at",
            "the frame of a project error with its place, shown by every bianyi.toml case",
        ),
        (
            "error-config-file",
            "the frame of the config-problem-* messages (place: problem), each shown by tests/cmd/opencc",
        ),
        (
            "error-read",
            "covered with its reasons io-*: missing file, directory",
        ),
        (
            "error-serve",
            "needs a port that cannot be listened on: project::serve_says_when_its_port_is_taken",
        ),
        (
            "error-engine-config",
            "needs the opencc feature and a broken system OpenCC",
        ),
        (
            "error-dict-no-data-dir",
            "needs a system without a home folder (the data folder falls back to the password database)",
        ),
        (
            "error-dict-no-download",
            "needs a build without the default `fetch` feature",
        ),
        (
            "error-engine-unavailable",
            "covered by errors/engine-opencc-unavailable in builds without the opencc feature only",
        ),
        (
            "error-partly-replaced",
            "needs a rename that fails after another succeeded: convert::tests::a_failed_replacement_names_what_was_replaced",
        ),
        (
            "error-batch-escapes",
            "needs a symbolic link in the output folder: tests/batch.rs",
        ),
        (
            "error-batch-changed",
            "needs a file swapped for a link during the run (a test hook): tests/batch.rs",
        ),
        (
            "error-no-such-entry",
            "glossary remove of a missing id: tests/glossary.rs",
        ),
        (
            "cli-error-value-count",
            "no bianyi option takes a fixed number of values",
        ),
        (
            "cli-error-no-equals",
            "only --diff requires `=`, and clap reads `--diff plain` as a file",
        ),
        (
            "cli-error-utf8",
            "a non-UTF-8 command line cannot be written in cmd.toml",
        ),
        (
            "cli-error-other",
            "clap errors bianyi has no message for; none is known to occur",
        ),
        (
            "cli-error-missing-value",
            "clap reports a missing value as missing-required",
        ),
    ];
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let ftl = fs::read_to_string(root.join("locales/en-US/bianyi.ftl")).expect("en-US");
    let resource = fluent_syntax::parser::parse(ftl.as_str())
        .unwrap_or_else(|(_, errors)| panic!("en-US/bianyi.ftl: {errors:?}"));
    let mut outputs = String::new();
    for area in fs::read_dir(root.join("tests/cmd"))
        .expect("tests/cmd")
        .flatten()
    {
        for file in fs::read_dir(area.path()).expect("an area").flatten() {
            let p = file.path();
            if p.extension()
                .is_some_and(|e| e == "stderr" || e == "stdout")
            {
                outputs.push_str(&String::from_utf8_lossy(&fs::read(&p).expect("read")));
            }
        }
    }
    let mut checked = 0;
    let mut missing = Vec::new();
    for entry in &resource.body {
        let Entry::Message(message) = entry else {
            continue;
        };
        let id = message.id.name;
        if !(id.starts_with("error-") || id.starts_with("cli-error-"))
            || EXEMPT.iter().any(|(e, _)| *e == id)
        {
            continue;
        }
        let Some(value) = &message.value else {
            continue;
        };
        // Shown if one of its variants is: the longest piece of literal
        // text on one line between values, for each variant.
        let mut pieces = Vec::new();
        for choice in 0..4 {
            let mut text = String::new();
            literal_text(value, choice, &mut text);
            let literal = text
                .split(['\0', '\n'])
                .map(str::trim)
                .max_by_key(|s| s.len())
                .unwrap_or_default()
                .to_string();
            assert!(
                literal.len() >= 4,
                "{id}: too little literal text to look for"
            );
            pieces.push(literal);
        }
        checked += 1;
        if !pieces.iter().any(|p| outputs.contains(p.as_str())) {
            missing.push(format!("{id}: no golden output contains any of {pieces:?}"));
        }
    }
    assert!(
        checked >= 30,
        "only {checked} error messages found in en-US"
    );
    assert!(missing.is_empty(), "\n{}", missing.join("\n"));
}
