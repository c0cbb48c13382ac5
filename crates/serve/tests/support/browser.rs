//! A real browser for the end-to-end tests: the workspace served on a
//! free loopback port over a temporary copy of a project, Debian's
//! chromedriver on another free port, and a headless Chromium driven
//! through WebDriver (fantoccini). Screenshots are saved under
//! `target/tmp/serve-browser/` (the path is printed).
//!
//! Without chromedriver or chromium the tests are skipped with a message,
//! except with `CI=true` (`.ci/run`), where they fail.

#![allow(dead_code, reason = "each test binary uses a part of it")]

use std::net::TcpListener as StdListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;

/// The workspace's session token in the tests.
pub(crate) const TOKEN: &str = "0123456789abcdef0123456789abcdef";

/// A program on `PATH` (or in one of `also`), if any.
fn program(name: &str, also: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .chain(also.iter().map(PathBuf::from))
        .find(|p| p.is_file())
}

fn free_port() -> u16 {
    StdListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

/// Copies the folder `from` into `to` (files and folders only).
pub(crate) fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create folder");
    for entry in std::fs::read_dir(from).expect("read folder") {
        let entry = entry.expect("folder entry");
        let kind = entry.file_type().expect("file type");
        let target = to.join(entry.file_name());
        if kind.is_dir() {
            copy_tree(&entry.path(), &target);
        } else if kind.is_file() {
            std::fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

/// The workspace of a temporary copy of `example` (a folder under
/// `examples/`), served in the background.
pub(crate) struct Served {
    /// The copy (removed at the end).
    pub(crate) dir: tempfile::TempDir,
    /// `http://127.0.0.1:PORT`.
    pub(crate) base: String,
}

impl Served {
    /// Copies `examples/NAME`, builds it once (as `bianyi build` would)
    /// and serves it.
    pub(crate) async fn example(name: &str) -> Served {
        let dir = tempfile::tempdir().expect("temp dir");
        let from = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../examples")
            .join(name);
        copy_tree(&from, dir.path());
        Served::project_in(dir).await
    }

    /// A project made of `files` (relative path, text), `bianyi.toml`
    /// among them, served as it is (not built first).
    pub(crate) async fn project(files: &[(&str, &str)]) -> Served {
        let dir = tempfile::tempdir().expect("temp dir");
        for (rel, text) in files {
            let path = dir.path().join(rel);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).expect("create folder");
            }
            std::fs::write(path, text).expect("write file");
        }
        Served::project_in(dir).await
    }

    /// Serves the project in `dir`.
    async fn project_in(dir: tempfile::TempDir) -> Served {
        let project = dir.path().join("bianyi.toml");
        Served::serve(dir, |options| {
            bianyi_serve::router(&project, options).expect("router")
        })
        .await
    }

    /// The one document `a.txt` holding `text`, served without a project
    /// file (`bianyi serve a.txt --to zh-TW`).
    pub(crate) async fn one(text: &str) -> Served {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("a.txt");
        std::fs::write(&file, text).expect("document");
        let single = bianyi_serve::Single::new(&file, &["zh-TW".to_string()], &[], None)
            .expect("one document");
        Served::serve(dir, |options| bianyi_serve::router_single(single, options)).await
    }

    /// Serves what `app` makes of the options (a free port, [`TOKEN`]) in
    /// the background, over the files of `dir`.
    async fn serve(
        dir: tempfile::TempDir,
        app: impl FnOnce(bianyi_serve::Options) -> axum::Router,
    ) -> Served {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("listen");
        let port = listener.local_addr().expect("address").port();
        let mut options = bianyi_serve::Options::new(port, "en-US").expect("options");
        options.token = TOKEN.to_string();
        let app = app(options);
        tokio::spawn(async move { axum::serve(listener, app).await });
        Served {
            dir,
            base: format!("http://127.0.0.1:{port}"),
        }
    }

    /// A file of the project, as text.
    pub(crate) fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.dir.path().join(rel)).unwrap_or_default()
    }
}

/// A headless Chromium under chromedriver.
pub(crate) struct Browser {
    pub(crate) client: Client,
    driver: Child,
    shots: PathBuf,
    /// Where the browser saves downloads (removed at the end).
    downloads: tempfile::TempDir,
}

impl Browser {
    /// Starts chromedriver and a headless Chromium; `None` (after saying
    /// why) when either is missing and `CI` is not `true`.
    #[expect(clippy::print_stderr, reason = "a skipped test says why")]
    pub(crate) async fn start() -> Option<Browser> {
        let driver = program("chromedriver", &["/usr/lib/chromium/chromedriver"]);
        let chromium = program("chromium", &[]).or_else(|| program("chromium-browser", &[]));
        let (Some(driver), Some(_)) = (&driver, &chromium) else {
            let why = "the browser tests need chromedriver and chromium \
                       (Debian: apt-get install chromium chromium-driver)";
            if std::env::var("CI").is_ok_and(|v| v == "true" || v == "1") {
                panic!("{why}; CI=true, so this is a failure");
            }
            eprintln!("SKIPPED: {why}");
            return None;
        };
        let port = free_port();
        let mut child = Command::new(driver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let url = format!("http://127.0.0.1:{port}");
        let downloads = tempfile::tempdir().expect("downloads folder");
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".to_string(),
            serde_json::json!({
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                         "--disable-dev-shm-usage", "--window-size=1200,900"],
                "prefs": {
                    "download.default_directory": downloads.path().to_string_lossy(),
                    "download.prompt_for_download": false
                }
            }),
        );
        let deadline = Instant::now() + Duration::from_secs(15);
        let client = loop {
            let attempt = ClientBuilder::new(HttpConnector::new())
                .capabilities(caps.clone())
                .connect(&url)
                .await;
            match attempt {
                Ok(c) => break c,
                Err(e) if Instant::now() > deadline => {
                    let _ = child.kill();
                    panic!("no WebDriver session from chromedriver at {url}: {e}");
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        };
        let shots = Path::new(env!("CARGO_TARGET_TMPDIR")).join("serve-browser");
        std::fs::create_dir_all(&shots).expect("screenshot folder");
        Some(Browser {
            client,
            driver: child,
            shots,
            downloads,
        })
    }

    /// The folder downloads are saved in.
    pub(crate) fn downloads(&self) -> &Path {
        self.downloads.path()
    }

    /// How many elements match `css` now.
    pub(crate) async fn count(&self, css: &str) -> usize {
        self.client
            .find_all(Locator::Css(css))
            .await
            .map_or(0, |found| found.len())
    }

    /// The address of the page shown.
    pub(crate) async fn url(&self) -> String {
        self.client
            .current_url()
            .await
            .map(|u| u.to_string())
            .unwrap_or_default()
    }

    /// Polls `ready` until it is true, for at most `secs` seconds; on time
    /// out, saves a screenshot and fails.
    pub(crate) async fn eventually(
        &self,
        what: &str,
        secs: u64,
        mut ready: impl AsyncFnMut() -> bool,
    ) {
        let deadline = Instant::now() + Duration::from_secs(secs);
        while !ready().await {
            if Instant::now() > deadline {
                self.screenshot("timed-out").await;
                panic!("timed out waiting for {what}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub(crate) async fn goto(&self, url: &str) {
        self.client.goto(url).await.expect("navigate");
    }

    /// Clicks the first element matching `css`.
    pub(crate) async fn click(&self, css: &str) {
        self.client
            .wait()
            .at_most(Duration::from_secs(5))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css}: {e}"))
            .click()
            .await
            .unwrap_or_else(|e| panic!("cannot click {css}: {e}"));
    }

    /// The text of the first element matching `css` (tried again while
    /// the page is being replaced, for at most 5 s).
    pub(crate) async fn text(&self, css: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let found = match self.client.find(Locator::Css(css)).await {
                Ok(element) => element.text().await,
                Err(e) => Err(e),
            };
            match found {
                Ok(text) => return text,
                Err(e) if Instant::now() > deadline => panic!("no text at {css}: {e}"),
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
    }

    /// Types `text` into the first element matching `css`.
    pub(crate) async fn fill(&self, css: &str, text: &str) {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css}: {e}"))
            .send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("cannot type into {css}: {e}"));
    }

    /// Runs a script in the page and returns its result.
    pub(crate) async fn script(&self, js: &str) -> serde_json::Value {
        self.client.execute(js, vec![]).await.expect("script")
    }

    /// The page as a PNG in `target/tmp/serve-browser/NAME.png` (printed).
    #[expect(clippy::print_stderr, reason = "where the test's artifact is")]
    pub(crate) async fn screenshot(&self, name: &str) -> PathBuf {
        let png = self.client.screenshot().await.expect("screenshot");
        let path = self.shots.join(format!("{name}.png"));
        std::fs::write(&path, png).expect("write screenshot");
        eprintln!("screenshot: {}", path.display());
        path
    }

    /// The first element matching `css` as a PNG, as [`Browser::screenshot`].
    #[expect(clippy::print_stderr, reason = "where the test's artifact is")]
    pub(crate) async fn screenshot_of(&self, css: &str, name: &str) -> PathBuf {
        let png = self
            .client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css}: {e}"))
            .screenshot()
            .await
            .expect("screenshot");
        let path = self.shots.join(format!("{name}.png"));
        std::fs::write(&path, png).expect("write screenshot");
        eprintln!("screenshot: {}", path.display());
        path
    }

    /// Ends the session and chromedriver.
    pub(crate) async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}
