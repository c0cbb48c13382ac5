//! Tests that need a program from outside the repository, or a file
//! system feature. `.ci/run` installs the programs (Debian's `chromium`,
//! `libxml2-utils` and `acl`) and runs with `CI=true`, where a missing
//! program or feature fails the test; elsewhere the test shows as ignored
//! and says what it needs.

use std::path::{Path, PathBuf};
use std::process::Command;

use libtest_mimic::{Completion, Failed, Trial};

pub(crate) fn trials() -> Vec<Trial> {
    vec![
        needs(
            "tools::report_renders_in_chromium",
            "Chromium (apt-get install chromium)",
            chromium,
            report_renders_in_chromium,
        ),
        needs(
            "tools::issue21_report_has_a_legend_labels_and_originals",
            "Chromium (apt-get install chromium)",
            chromium,
            report_reads_as_an_editor_needs,
        ),
        needs(
            "tools::issue20_threads_under_a_process_limit",
            "prlimit and setpriv (util-linux)",
            || find(&["prlimit"]).filter(|_| find(&["setpriv"]).is_some()),
            threads_under_a_process_limit,
        ),
        needs(
            "tools::issue20_extended_attributes_survive_every_writer",
            "a file system with user extended attributes (in TMPDIR or the target folder)",
            attributes::folder_with_xattrs,
            attributes::extended_attributes_survive_every_writer,
        ),
        needs(
            "tools::issue20_acls_survive_every_writer",
            "setfacl and getfacl (apt-get install acl) and a file system with POSIX ACLs",
            attributes::folder_with_acls,
            attributes::acls_survive_every_writer,
        ),
        needs(
            "tools::xml_outputs_pass_xmllint",
            "xmllint (apt-get install libxml2-utils)",
            || find(&["xmllint"]),
            xml_outputs_pass_xmllint,
        ),
    ]
}

/// Whether this is a CI run (`CI=true`, as CI services set it).
fn under_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// A test that runs `test` with the program `find` locates; without it,
/// ignored (or failed under `CI=true`), naming `what` to install.
fn needs(
    name: &str,
    what: &'static str,
    find: impl FnOnce() -> Option<PathBuf> + Send + 'static,
    test: fn(&Path),
) -> Trial {
    Trial::ignorable_test(name, move || match find() {
        Some(program) => {
            test(&program);
            Ok(Completion::Completed)
        }
        None if under_ci() => Err(Failed::from(format!(
            "{what} is not installed, and CI=true: .ci/run must install it"
        ))),
        None => Ok(Completion::ignored_with(format!(
            "needs {what}; fails under CI=true"
        ))),
    })
}

/// The first of `names` on the PATH.
fn find(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    names.iter().find_map(|name| {
        std::env::split_paths(&path)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    })
}

fn chromium() -> Option<PathBuf> {
    find(&[
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ])
}

fn bianyi(args: &[&str], dir: &Path) {
    let out = Command::new(env!("CARGO_BIN_EXE_bianyi"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("bianyi runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

const HOSTILE: &str =
    "<script>alert(\"頭髮\")</script>。\" onload=\"x 髮\u{1}。<img src=x onerror=alert(1)>！\n";

/// The HTML report in headless Chromium: one table row per aligned pair,
/// hostile input shown as text, a screenshot taken.
fn report_renders_in_chromium(browser: &Path) {
    let headless = |profile: &Path| {
        let mut c = Command::new(browser);
        c.args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()));
        c
    };
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(
        crate::tests_dir().join("fixtures/article.zh-Hant.txt"),
        dir.path().join("a.txt"),
    )
    .expect("copy");
    std::fs::write(dir.path().join("evil.txt"), HOSTILE).expect("write");
    bianyi(
        &["report", "a.txt", "-c", "t2s", "-o", "report.html"],
        dir.path(),
    );
    bianyi(
        &["report", "evil.txt", "-c", "t2s", "-o", "evil.html"],
        dir.path(),
    );
    bianyi(
        &[
            "align",
            "a.txt",
            "a.txt",
            "--source-lang",
            "zh-Hant",
            "--target-lang",
            "zh-Hant",
            "-o",
            "beads.txt",
        ],
        dir.path(),
    );
    let segments = std::fs::read_to_string(dir.path().join("beads.txt"))
        .expect("beads")
        .lines()
        .count();

    let dump = |file: &str| -> String {
        let out = headless(&dir.path().join("profile"))
            .arg("--dump-dom")
            .arg(format!("file://{}", dir.path().join(file).display()))
            .output()
            .expect("chromium runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let dom = dump("report.html");
    assert_eq!(
        dom.matches("<tr class=\"bead").count(),
        segments,
        "one row per sentence"
    );
    let evil = dump("evil.html");
    assert!(!evil.contains("<script"), "{evil}");
    assert!(!evil.contains("<img"), "{evil}");
    assert!(evil.contains("&lt;script&gt;alert(\""), "{evil}");
    assert!(evil.contains("&lt;/script&gt;"), "{evil}");
    assert!(
        evil.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "{evil}"
    );

    let shot = dir.path().join("report.png");
    let out = headless(&dir.path().join("profile"))
        .arg(format!("--screenshot={}", shot.display()))
        .arg("--window-size=1200,1600")
        .arg(format!(
            "file://{}",
            dir.path().join("report.html").display()
        ))
        .output()
        .expect("chromium runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let png = std::fs::read(&shot).expect("screenshot written");
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 10_000,
        "a real picture"
    );
}

/// Issue 21 (item 14): the reports as Chromium renders them: a conversion
/// report names its file and settings, labels its columns 原文 and 轉換後
/// (not 譯文), has a legend of its marks and no strike-through; a
/// translation report shows the original text beside the converted text
/// and the translation. A screenshot of each is taken (docs/report.md
/// shows one).
fn report_reads_as_an_editor_needs(browser: &Path) {
    let dir = tempfile::tempdir().expect("temp dir");
    for (fixture, name) in [
        ("fixtures/article.zh-Hant.txt", "article.txt"),
        ("fixtures/pair.zh-Hant.txt", "pair.txt"),
        ("fixtures/pair.en.txt", "pair.en.txt"),
        ("fixtures/glossary.toml", "glossary.toml"),
    ] {
        std::fs::copy(crate::tests_dir().join(fixture), dir.path().join(name)).expect("copy");
    }
    let run = |lang: &str, args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_bianyi"))
            .args(args)
            .env("LANG", lang)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .current_dir(dir.path())
            .output()
            .expect("bianyi runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    run(
        "zh_TW.UTF-8",
        &[
            "report",
            "article.txt",
            "--to",
            "zh-Hans",
            "--glossary",
            "glossary.toml",
            "-o",
            "conversion.html",
        ],
    );
    run(
        "C",
        &[
            "report",
            "pair.txt",
            "--to",
            "zh-Hans",
            "--glossary",
            "glossary.toml",
            "--translation",
            "pair.en.txt",
            "-o",
            "translation.html",
        ],
    );
    let profile = dir.path().join("profile");
    let headless = || {
        let mut c = Command::new(browser);
        c.args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()));
        c
    };
    let url = |file: &str| format!("file://{}", dir.path().join(file).display());
    let dump = |file: &str| -> String {
        let out = headless()
            .arg("--dump-dom")
            .arg(url(file))
            .output()
            .expect("chromium runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let dom = dump("conversion.html");
    assert!(
        dom.contains("<h1>article.txt 的報告：zh-Hant → zh-Hans</h1>"),
        "{dom}"
    );
    assert!(dom.contains("<dt>檔案</dt><dd>article.txt</dd>"), "{dom}");
    assert!(dom.contains("<dt>轉換</dt><dd>--to zh-Hans</dd>"), "{dom}");
    assert!(
        dom.contains("<dt>術語表</dt><dd>glossary.toml</dd>"),
        "{dom}"
    );
    assert!(
        dom.contains("<th lang=\"zh-Hant\">原文</th><th lang=\"zh-Hans\">轉換後</th>"),
        "{dom}"
    );
    assert!(!dom.contains("譯文</th>"), "{dom}");
    let legend = dom
        .split("<div class=\"legend\">")
        .nth(1)
        .and_then(|rest| rest.split("</div>").next())
        .expect("a legend");
    for item in [
        "<h2>圖例</h2>",
        "key del",
        "key ins",
        "key term",
        "轉換改動的字元",
    ] {
        assert!(legend.contains(item), "{item}: {legend}");
    }
    assert!(!dom.contains("line-through"), "no strike-through: {dom}");
    assert!(dom.contains("@media print"), "print rules");
    assert!(!dom.contains("<script"), "{dom}");
    assert!(
        !dom.contains("http://") && !dom.contains("https://"),
        "self-contained"
    );

    let dom = dump("translation.html");
    assert!(
        dom.contains("<th class=\"original\" lang=\"zh-Hant\">Source</th><th lang=\"zh-Hans\">Converted</th><th lang=\"en\">Translation</th>"),
        "{dom}"
    );
    assert!(
        dom.contains(
            "<td class=\"original\" lang=\"zh-Hant\">他將創辦一家新公司，專注於「世界模型」。</td>"
        ),
        "the original text is shown: {dom}"
    );
    assert!(
        dom.contains("<dt>Translation</dt><dd>pair.en.txt (en)</dd>"),
        "{dom}"
    );

    for (file, height) in [("conversion.html", 1000), ("translation.html", 1000)] {
        let shot = dir.path().join(file.replace(".html", ".png"));
        let out = headless()
            .arg(format!("--screenshot={}", shot.display()))
            .arg(format!("--window-size=1100,{height}"))
            .arg(url(file))
            .output()
            .expect("chromium runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let png = std::fs::read(&shot).expect("screenshot written");
        assert!(
            png.starts_with(b"\x89PNG") && png.len() > 10_000,
            "a real picture"
        );
    }
}

/// TMX and XLIFF from `bianyi align`, on hostile text and on the golden
/// cases, are well-formed XML by libxml2's reading too (a second,
/// independent parser after quick-xml's in the formats tests).
fn xml_outputs_pass_xmllint(xmllint: &Path) {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("evil.txt"), HOSTILE).expect("write");
    for format in ["tmx", "xliff"] {
        let out = format!("evil.{format}");
        bianyi(
            &[
                "align",
                "evil.txt",
                "evil.txt",
                "--source-lang",
                "zh-Hant",
                "--target-lang",
                "zh-Hans",
                "--format",
                format,
                "-o",
                &out,
            ],
            dir.path(),
        );
    }
    let mut files = vec![dir.path().join("evil.tmx"), dir.path().join("evil.xliff")];
    for case in ["pair-tmx", "article-tmx", "pair-xliff", "article-xliff"] {
        files.push(crate::tests_dir().join(format!("cmd/align/{case}.stdout")));
    }
    // xmllint must refuse what is not well-formed, or its verdict says
    // nothing.
    let broken = dir.path().join("broken.xml");
    std::fs::write(&broken, "<tmx><body></tmx>").expect("write");
    let run = |file: &Path| {
        Command::new(xmllint)
            .arg("--noout")
            .arg(file)
            .output()
            .expect("xmllint runs")
    };
    assert!(
        !run(&broken).status.success(),
        "xmllint accepted broken XML"
    );
    for file in &files {
        let out = run(file);
        assert!(
            out.status.success(),
            "{}: {}",
            file.display(),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// Issue 20, item 4: under a limit of a few processes (`prlimit --nproc`,
/// as the user nobody: the limit does not bind root), `-j 64` converts
/// with the threads the system can start, to the bytes of `-j 1`, instead
/// of panicking (rc 101 or 134).
fn threads_under_a_process_limit(prlimit: &Path) {
    use std::io::Write;
    use std::process::Stdio;
    let text = "头发发展里面的东西。\n".repeat(400_000);
    // nobody may not reach the build's folder (a checkout under a 0700
    // temporary folder): it runs a copy in a folder everyone can read.
    let shared = tempfile::tempdir().expect("temporary folder");
    let bin = shared.path().join("bianyi");
    std::fs::copy(env!("CARGO_BIN_EXE_bianyi"), &bin).expect("copy the binary");
    {
        use std::os::unix::fs::PermissionsExt;
        let open = std::fs::Permissions::from_mode(0o755);
        std::fs::set_permissions(shared.path(), open.clone()).expect("chmod folder");
        std::fs::set_permissions(&bin, open).expect("chmod binary");
    }
    let bin = bin.to_str().expect("UTF-8 temporary path");
    // The same text as a file: read in pieces by the workers themselves.
    let file = shared.path().join("in.txt");
    std::fs::write(&file, &text).expect("write the input");
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644))
            .expect("chmod input");
    }
    let file = file.to_str().expect("UTF-8 temporary path");
    let run = |nproc: &str, jobs: &str, how: &[&str]| {
        let limited = [prlimit.to_str().unwrap_or("prlimit"), nproc, "--", bin];
        let mut command = if running_as_root() {
            let mut c = Command::new("setpriv");
            c.args(["--reuid=65534", "--regid=65534", "--clear-groups"]);
            c.args(limited);
            c
        } else {
            let mut c = Command::new(limited[0]);
            c.args(&limited[1..]);
            c
        };
        let mut child = command
            .args(["convert", "-j", jobs])
            .args(how)
            .env("LANG", "C")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs");
        let mut pipe = child.stdin.take().expect("stdin");
        let input = text.clone();
        let feeder = std::thread::spawn(move || {
            let _ = pipe.write_all(input.as_bytes());
        });
        let out = child.wait_with_output().expect("waits");
        let _ = feeder.join();
        assert!(
            out.status.success(),
            "{nproc} -j {jobs}: {:?} {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    // Standard input, a file (positioned reads by the workers), and a
    // target (`--to`), each as one thread does it. The library starts the
    // workers the system allows, or none (then the calling thread converts
    // alone); before issue 20 it panicked when one could not start.
    for how in [
        &["-c", "s2t"][..],
        &["-c", "s2t", file][..],
        &["--to", "zh-TW", file][..],
    ] {
        let one = run("--nproc=64", "1", how);
        for nproc in ["--nproc=1", "--nproc=3", "--nproc=6"] {
            assert!(run(nproc, "64", how) == one, "{nproc} {how:?}: other bytes");
        }
    }
}

/// Whether this runs as root (`id -u`), where a process limit does not
/// bind.
fn running_as_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}

/// Issue 20, item 5: the extended attributes and the POSIX ACL of a file
/// that bianyi replaces survive, and its group permission is not widened
/// (the ACL's mask becoming the group's bits), whichever command writes
/// it: `convert --in-place`, `convert -o` over an existing file, `-r
/// --in-place`, `-r -o` over existing outputs, `glossary add`, `l10n
/// convert --in-place`.
#[cfg(target_os = "linux")]
mod attributes {
    use std::fs;
    use std::os::unix::fs::PermissionsExt;
    use std::path::{Path, PathBuf};
    use std::process::Command;

    use rustix::fs::{XattrFlags, getxattr, listxattr, setxattr};

    /// A folder where files can have `user.*` attributes: the temporary
    /// folder, else the target folder (tmpfs may lack them).
    pub(super) fn folder_with_xattrs() -> Option<PathBuf> {
        candidates().find(|base| {
            let Ok(dir) = tempfile::tempdir_in(base) else {
                return false;
            };
            let probe = dir.path().join("probe");
            fs::write(&probe, "").is_ok()
                && setxattr(&probe, "user.probe", b"1", XattrFlags::empty()).is_ok()
        })
    }

    /// A folder where `setfacl` works, if `setfacl` and `getfacl` are
    /// installed.
    pub(super) fn folder_with_acls() -> Option<PathBuf> {
        super::find(&["getfacl"])?;
        super::find(&["setfacl"])?;
        candidates().find(|base| {
            let Ok(dir) = tempfile::tempdir_in(base) else {
                return false;
            };
            let probe = dir.path().join("probe");
            fs::write(&probe, "").is_ok()
                && Command::new("setfacl")
                    .args(["-m", "u:nobody:r"])
                    .arg(&probe)
                    .output()
                    .is_ok_and(|o| o.status.success())
        })
    }

    fn candidates() -> impl Iterator<Item = PathBuf> {
        [
            std::env::temp_dir(),
            PathBuf::from(env!("CARGO_TARGET_TMPDIR")),
        ]
        .into_iter()
    }

    fn bianyi(args: &[&str], dir: &Path) {
        super::bianyi(args, dir);
    }

    /// The `user.*` attributes of `path`, sorted, with their values.
    fn user_attributes(path: &Path) -> Vec<(String, Vec<u8>)> {
        let mut names = vec![0u8; 4096];
        let n = listxattr(path, &mut names[..]).expect("listxattr");
        let mut attributes: Vec<(String, Vec<u8>)> = names[..n]
            .split(|&b| b == 0)
            .filter(|n| n.starts_with(b"user."))
            .map(|name| {
                let mut value = vec![0u8; 4096];
                let k = getxattr(path, name, &mut value[..]).expect("getxattr");
                value.truncate(k);
                (String::from_utf8_lossy(name).into_owned(), value)
            })
            .collect();
        attributes.sort();
        attributes
    }

    fn set_attributes(path: &Path) {
        for (name, value) in [
            ("user.x", &b"hello"[..]),
            ("user.binary", &b"\0\xff\x01 \xe5\xa4\xb4"[..]),
        ] {
            setxattr(path, name, value, XattrFlags::empty()).expect("setxattr");
        }
    }

    fn inode(path: &Path) -> u64 {
        use std::os::unix::fs::MetadataExt;
        fs::metadata(path).expect("metadata").ino()
    }

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).expect("metadata").permissions().mode() & 0o7777
    }

    /// A folder `work` with, for each writer, the file it replaces.
    fn prepare(dir: &Path) -> Vec<PathBuf> {
        let l10n = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/l10n/app.po");
        fs::create_dir_all(dir.join("tree/sub")).expect("mkdir");
        fs::write(dir.join("in-place.txt"), "头发发展。\n").expect("write");
        fs::write(dir.join("input.txt"), "头发发展。\n").expect("write");
        fs::write(dir.join("output.txt"), "old\n").expect("write");
        fs::write(dir.join("tree/sub/a.txt"), "头发发展。\n").expect("write");
        fs::copy(l10n, dir.join("app.po")).expect("copy");
        bianyi(
            &["glossary", "add", "g.toml", "zh-Hant=頭髮", "en=hair"],
            dir,
        );
        // `-r -o`: a first run makes the outputs, whose attributes the
        // second run (writing over them) must keep.
        fs::create_dir(dir.join("src")).expect("mkdir");
        fs::write(dir.join("src/b.txt"), "头发发展。\n").expect("write");
        bianyi(&["convert", "-c", "s2t", "-r", "src", "-o", "out"], dir);
        let files = [
            "in-place.txt",
            "output.txt",
            "tree/sub/a.txt",
            "out/b.txt",
            "g.toml",
            "app.po",
        ];
        files.iter().map(|f| dir.join(f)).collect()
    }

    /// Every writer, over the files `prepare` made.
    fn run_writers(dir: &Path) {
        bianyi(&["convert", "-c", "s2t", "--in-place", "in-place.txt"], dir);
        bianyi(
            &["convert", "-c", "s2t", "input.txt", "-o", "output.txt"],
            dir,
        );
        bianyi(&["convert", "-c", "s2t", "-r", "tree", "--in-place"], dir);
        bianyi(&["convert", "-c", "s2t", "-r", "src", "-o", "out"], dir);
        bianyi(&["glossary", "add", "g.toml", "zh-Hant=頭", "en=head"], dir);
        bianyi(
            &["l10n", "convert", "-c", "s2hk", "--in-place", "app.po"],
            dir,
        );
    }

    pub(super) fn extended_attributes_survive_every_writer(base: &Path) {
        let dir = tempfile::tempdir_in(base).expect("temp dir");
        let files = prepare(dir.path());
        for f in &files {
            fs::set_permissions(f, fs::Permissions::from_mode(0o640)).expect("chmod");
            set_attributes(f);
        }
        fs::set_permissions(
            dir.path().join("src/b.txt"),
            fs::Permissions::from_mode(0o640),
        )
        .expect("chmod");
        let before: Vec<u64> = files.iter().map(|f| inode(f)).collect();
        run_writers(dir.path());
        for (f, old) in files.iter().zip(before) {
            assert_ne!(inode(f), old, "{f:?} not replaced");
            assert_eq!(
                user_attributes(f),
                [
                    (
                        "user.binary".to_string(),
                        b"\0\xff\x01 \xe5\xa4\xb4".to_vec()
                    ),
                    ("user.x".to_string(), b"hello".to_vec()),
                ],
                "{f:?}"
            );
            assert_eq!(mode(f), 0o640, "{f:?}");
        }
    }

    fn getfacl(path: &Path) -> String {
        let out = Command::new("getfacl")
            .args(["--omit-header", "--absolute-names"])
            .arg(path)
            .output()
            .expect("getfacl runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("UTF-8")
    }

    pub(super) fn acls_survive_every_writer(base: &Path) {
        let dir = tempfile::tempdir_in(base).expect("temp dir");
        let files = prepare(dir.path());
        for f in &files {
            fs::set_permissions(f, fs::Permissions::from_mode(0o640)).expect("chmod");
            let out = Command::new("setfacl")
                .args(["-m", "u:nobody:rw"])
                .arg(f)
                .output()
                .expect("setfacl runs");
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        // The input of `-r -o`: 0660, so that its output keeps its mask.
        fs::set_permissions(
            dir.path().join("src/b.txt"),
            fs::Permissions::from_mode(0o660),
        )
        .expect("chmod");
        let acl = "user::rw-\nuser:nobody:rw-\ngroup::r--\nmask::rw-\nother::---\n\n";
        let before: Vec<u64> = files.iter().map(|f| inode(f)).collect();
        for f in &files {
            assert_eq!(getfacl(f), acl, "{f:?} before");
        }
        run_writers(dir.path());
        for (f, old) in files.iter().zip(before) {
            assert_ne!(inode(f), old, "{f:?} not replaced");
            assert_eq!(getfacl(f), acl, "{f:?}");
            // The group bits are the ACL's mask, as before: 0660.
            assert_eq!(mode(f), 0o660, "{f:?}");
        }
        // Never wider than the input: a 0640 input narrows the mask of the
        // output it replaces in `-r -o`, the named entry stays.
        fs::set_permissions(
            dir.path().join("src/b.txt"),
            fs::Permissions::from_mode(0o640),
        )
        .expect("chmod");
        bianyi(
            &["convert", "-c", "s2t", "-r", "src", "-o", "out"],
            dir.path(),
        );
        let out = dir.path().join("out/b.txt");
        assert_eq!(
            getfacl(&out),
            "user::rw-\nuser:nobody:rw-\t#effective:r--\ngroup::r--\nmask::r--\nother::---\n\n"
        );
        assert_eq!(mode(&out), 0o640);
    }
}

#[cfg(not(target_os = "linux"))]
mod attributes {
    use std::path::{Path, PathBuf};

    pub(super) fn folder_with_xattrs() -> Option<PathBuf> {
        None
    }
    pub(super) fn folder_with_acls() -> Option<PathBuf> {
        None
    }
    pub(super) fn extended_attributes_survive_every_writer(_: &Path) {}
    pub(super) fn acls_survive_every_writer(_: &Path) {}
}
