//! Properties of the glossary commands that golden files show but do not
//! state.

use std::path::Path;

/// TOML → TBX → TOML gives back the same bytes: the golden case
/// `glossary/import-tbx` imports the TBX that `glossary/export-tbx` wrote
/// from the fixture.
#[test]
fn tbx_round_trip_is_exact() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let fixture = std::fs::read_to_string(root.join("fixtures/glossary.toml")).expect("fixture");
    let exported =
        std::fs::read(root.join("cases/glossary/export-tbx/out/glossary.tbx")).expect("export");
    let imported_from = std::fs::read(root.join("cases/glossary/import-tbx/in/glossary.tbx"))
        .expect("import input");
    assert_eq!(
        exported, imported_from,
        "import-tbx must read what export-tbx wrote"
    );
    let imported =
        std::fs::read_to_string(root.join("cases/glossary/import-tbx/out/glossary.toml"))
            .expect("imported");
    assert_eq!(imported, fixture);
}
