//! Memory and time of aligning 50,000 × 50,000 sentences (synthetic text
//! with lengths like the Bible dev set's), to check that memory stays
//! linear. `/usr/bin/time -v cargo run --release -p bianyi-align --example align_scale [N]`
#![allow(clippy::print_stdout, reason = "an example reports on the terminal")]

use bianyi_align::{Options, Segment, align};

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(50_000);
    let mut x = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let seg = |text: String, k: usize| Segment::new(text, k, 0);
    let mut zh = Vec::with_capacity(n);
    let mut en = Vec::with_capacity(n);
    for k in 0..n {
        let len = 8 + usize::from(next().to_le_bytes()[0] % 40);
        zh.push(seg("字".repeat(len), k));
        let jitter = usize::from(next().to_le_bytes()[1] % 30);
        en.push(seg("e".repeat(len * 4 + jitter), k));
    }
    let t = std::time::Instant::now();
    let b = align("zh", "en", zh, en, &Options::zh_en());
    let ok = b.check().is_ok();
    println!(
        "{n} x {n}: {} beads, covers both sides: {ok}, {:.1} s",
        b.beads.len(),
        t.elapsed().as_secs_f64()
    );
}
