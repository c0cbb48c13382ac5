//! The parallel stream starts its threads only once a full piece of input
//! is waiting: a small input (a 1 KB file, a line typed at a terminal) is
//! converted on the calling thread, so that `bianyi convert` on it costs no
//! thread start-up. Alone in its test binary, so that no other test's
//! threads change the count.
#![cfg(target_os = "linux")]

use bianyi_convert::{Config, Conversion};

/// The number of threads of this process.
fn threads() -> usize {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("Threads:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0)
}

/// A writer that records the most threads the process had while it wrote.
struct Watch {
    most: usize,
    out: Vec<u8>,
}

impl std::io::Write for Watch {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.most = self.most.max(threads());
        self.out.extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The most threads the process had while `text` was converted on 2
/// threads (checking the output).
fn most_threads_converting(conv: &Conversion, text: &str) -> usize {
    let mut watch = Watch {
        most: 0,
        out: Vec::new(),
    };
    conv.run()
        .threads(2)
        .stream(text.as_bytes(), &mut watch)
        .map_err(|e| e.to_string())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(watch.out, conv.convert(text).into_bytes());
    watch.most
}

#[test]
fn threads_start_only_for_large_input() {
    let conv = Conversion::new(Config::S2t);
    let before = threads();
    assert!(before > 0, "no thread count in /proc/self/status");
    let small = "汉字转换。\n".repeat(60);
    let most = most_threads_converting(&conv, &small);
    assert_eq!(most, before, "threads started for {} bytes", small.len());
    // The same watch sees the workers on a large input (so the check above
    // can fail).
    let most = most_threads_converting(&conv, &"汉字转换。\n".repeat(400_000));
    assert!(most >= before + 2, "{most} threads, {before} before");
}
