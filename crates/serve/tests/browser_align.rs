//! End to end in a real headless Chromium driven by WebDriver
//! (chromedriver + fantoccini): open the index, go to a source's
//! alignment review, merge two beads, download the TMX and check what it
//! holds. A screenshot is left in `target/browser-align.png`.
//!
//! Without chromedriver on the PATH the test says so and passes; with
//! `CI=true` it fails instead.

#![cfg(test)]

use std::net::TcpListener as StdListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};

const SOURCE: &str = "今天天氣很好。我們去公園散步。\n公園裡有很多人在放風箏。\n";
const ENGLISH: &str = "The weather is fine today. We go for a walk in the park.\nMany people fly kites in the park.\n";

/// A program on the PATH.
fn on_path(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|d| d.join(name))
            .find(|p| p.is_file())
    })
}

/// chromedriver, killed when the test ends.
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    StdListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// Waits until `ready` says yes (30 s at most: debug builds on a loaded
/// machine).
async fn until<F, Fut>(what: &str, mut ready: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let start = Instant::now();
    while !ready().await {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "timed out: {what}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn project(dir: &Path) {
    std::fs::write(
        dir.join("bianyi.toml"),
        "[[sources]]\nfiles = [\"zh/*.txt\"]\ntranslation = \"en/{name}\"\n\
         [[targets]]\nto = \"zh-Hans\"\n",
    )
    .unwrap();
    for d in ["zh", "en"] {
        std::fs::create_dir_all(dir.join(d)).unwrap();
    }
    std::fs::write(dir.join("zh/a.txt"), SOURCE).unwrap();
    std::fs::write(dir.join("en/a.txt"), ENGLISH).unwrap();
}

/// Chromium, headless, saving downloads to `downloads`.
async fn browser(driver_port: u16, downloads: &Path) -> Client {
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1100,700"],
            "prefs": {
                "download.default_directory": downloads.to_string_lossy(),
                "download.prompt_for_download": false
            }
        }),
    );
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{driver_port}"))
        .await
        .expect("a WebDriver session")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn merge_two_beads_and_export_tmx_in_chromium() {
    let Some(chromedriver) = on_path("chromedriver") else {
        let message = "chromedriver is not on the PATH (Debian: apt-get install chromium-driver): \
                       the browser test did not run";
        assert!(std::env::var("CI").as_deref() != Ok("true"), "{message}");
        #[allow(clippy::print_stderr, reason = "a skipped test says why")]
        {
            eprintln!("skipped: {message}");
        }
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    project(dir.path());
    let downloads = tempfile::tempdir().unwrap();
    // The workspace, on a port of its own.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let options = bianyi_serve::Options::new(port, "en-US").unwrap();
    let app = bianyi_serve::router(&dir.path().join("bianyi.toml"), options).unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await });
    // chromedriver.
    let driver_port = free_port();
    let _driver = Driver(
        Command::new(chromedriver)
            .arg(format!("--port={driver_port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts"),
    );
    until("chromedriver listens", || async move {
        tokio::net::TcpStream::connect(("127.0.0.1", driver_port))
            .await
            .is_ok()
    })
    .await;
    let c = browser(driver_port, downloads.path()).await;
    let result = run(&c, port, dir.path(), downloads.path()).await;
    let _ = c.close().await;
    result.unwrap();
}

async fn rows(c: &Client) -> usize {
    c.find_all(Locator::Css("table.beads tbody tr"))
        .await
        .map(|r| r.len())
        .unwrap_or(0)
}

async fn run(
    c: &Client,
    port: u16,
    project: &Path,
    downloads: &Path,
) -> Result<(), fantoccini::error::CmdError> {
    c.goto(&format!("http://127.0.0.1:{port}/")).await?;
    c.find(Locator::Css("li.align-link a"))
        .await?
        .click()
        .await?;
    until("the review page", || async { rows(c).await == 3 }).await;
    assert!(
        c.current_url()
            .await?
            .as_str()
            .contains("/align?file=zh/a.txt")
    );
    // Merge the first two beads.
    c.find(Locator::Css("tr#b0 button.merge"))
        .await?
        .click()
        .await?;
    let start = Instant::now();
    while rows(c).await != 2 {
        if start.elapsed() > Duration::from_secs(30) {
            let url = c.current_url().await?;
            panic!("no merge after 30 s at {url}:\n{}", c.source().await?);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let first = c.find(Locator::Css("tr#b0")).await?.text().await?;
    assert!(
        first.contains("我們去公園散步") && first.contains("We go for a walk"),
        "{first}"
    );
    let saved = std::fs::read_to_string(project.join("alignments/zh/a.txt.toml")).expect("saved");
    assert_eq!(saved.matches("[[bead]]").count(), 2, "{saved}");
    let shot = c.screenshot().await?;
    let target = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target");
    std::fs::create_dir_all(&target).unwrap();
    std::fs::write(target.join("browser-align.png"), &shot).unwrap();
    // Export TMX: the browser downloads it.
    c.find(Locator::Id("export-tmx")).await?.click().await?;
    let tmx_path = downloads.join("a.tmx");
    until("the TMX download", || {
        let p = tmx_path.clone();
        async move { p.is_file() }
    })
    .await;
    let tmx = std::fs::read_to_string(&tmx_path).unwrap();
    assert_eq!(tmx.matches("<tu ").count(), 2, "{tmx}");
    assert!(
        tmx.contains("<seg>今天天氣很好。我們去公園散步。</seg>"),
        "{tmx}"
    );
    assert!(
        tmx.contains("<seg>The weather is fine today. We go for a walk in the park.</seg>"),
        "{tmx}"
    );
    Ok(())
}
