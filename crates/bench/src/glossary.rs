//! Load and match speed of a large glossary: a synthetic termbase of
//! 100,000 entries (Traditional, Simplified and English terms), written as
//! canonical TOML, loaded, and matched over a corpus.
//!
//! `cd crates/bench && cargo run --release --bin glossary-bench -- [CORPUS...]`
//! (default corpus: ../../../shared/data/bench/*.txt when present, else the
//! sample article in tests/fixtures repeated to 20 MB).
#![allow(clippy::print_stdout, reason = "a benchmark reports on the terminal")]

use std::path::PathBuf;
use std::time::Instant;

use bianyi_glossary::{Entry, Glossary, Lang, Matcher, Term};

/// A deterministic pseudo-random sequence (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n.max(1) as u64).unwrap_or(0)
    }
}

fn synthetic(n: usize) -> Result<Glossary, Box<dyn std::error::Error>> {
    // Characters common in transliterated names and terms.
    let han: Vec<char> = "亞歷山大王顏樂存楊立昆馬克斯坦利費曼愛德華約翰森林格蘭特威爾遜哈里斯佩奇布林蓋茨喬治華盛頓傑弗里辛頓本吉奧李飛飛吳恩達黃仁勳蘇姿豐納德拉皮查伊"
        .chars()
        .collect();
    let syll = [
        "ka", "lo", "mi", "ne", "ru", "ta", "vi", "zen", "bar", "tor", "lin", "son",
    ];
    let hant = Lang::parse("zh-Hant")?;
    let hans = Lang::parse("zh-Hans")?;
    let en = Lang::parse("en")?;
    let t2s = bianyi_convert::Converter::new(bianyi_convert::Config::T2s);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut g = Glossary::new();
    for i in 0..n {
        let len = 2 + rng.below(4);
        let zh: String = (0..len).map(|_| han[rng.below(han.len())]).collect();
        let words = 1 + rng.below(2);
        let name: Vec<String> = (0..words)
            .map(|_| {
                let mut w: String = (0..2 + rng.below(2))
                    .map(|_| syll[rng.below(syll.len())])
                    .collect();
                w[..1].make_ascii_uppercase();
                w
            })
            .collect();
        let mut e = Entry::new(format!("t{i:06}"));
        e.terms.push(Term::new(hant.clone(), zh.clone()));
        e.terms.push(Term::new(hans.clone(), t2s.convert(&zh)));
        e.terms.push(Term::new(en.clone(), name.join(" ")));
        g.entries.push(e);
    }
    Ok(g)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut corpora: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let shared = PathBuf::from("../../../shared/data/bench");
    if corpora.is_empty() {
        if shared.is_dir() {
            for name in ["data3185k.txt", "data689k.txt", "zuozhuan.txt"] {
                corpora.push(shared.join(name));
            }
        } else {
            println!("{} not found: using the sample article", shared.display());
        }
    }
    let g = synthetic(100_000)?;
    let toml = g.to_toml();
    if let Ok(path) = std::env::var("GLOSSARY_BENCH_SAVE") {
        std::fs::write(path, &toml)?;
    }
    println!(
        "glossary: {} entries, {} terms, {:.1} MB of TOML",
        g.entries.len(),
        g.term_count(),
        toml.len() as f64 / 1e6
    );
    let mut loads = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let parsed = Glossary::from_toml(&toml)?;
        let parse = t.elapsed();
        let m = Matcher::new(&parsed, |_| true)?;
        let total = t.elapsed();
        loads.push((total, parse, m.pattern_count()));
    }
    loads.sort();
    let (total, parse, patterns) = loads[loads.len() / 2];
    println!(
        "load (median of 5): {:.0} ms ({:.0} ms parsing TOML, rest building the matcher of {patterns} patterns)",
        total.as_secs_f64() * 1e3,
        parse.as_secs_f64() * 1e3
    );
    let m = Matcher::new(&g, |_| true)?;
    let mut texts: Vec<(String, String)> = Vec::new();
    for p in &corpora {
        texts.push((p.display().to_string(), std::fs::read_to_string(p)?));
    }
    if texts.is_empty() {
        let article = std::fs::read_to_string("../../tests/fixtures/article.zh-Hant.txt")?;
        texts.push((
            "article x N".into(),
            article.repeat(20_000_000 / article.len().max(1)),
        ));
    }
    for (name, text) in &texts {
        let mut speeds = Vec::new();
        let mut hits = 0;
        for _ in 0..5 {
            let t = Instant::now();
            // Line by line, as `bianyi convert --glossary` does.
            hits = text
                .split_inclusive('\n')
                .map(|l| m.find(l).len())
                .sum::<usize>();
            speeds.push(text.len() as f64 / 1e6 / t.elapsed().as_secs_f64());
        }
        speeds.sort_by(f64::total_cmp);
        println!(
            "match {name}: {:.1} MB, {hits} matches, median {:.0} MB/s",
            text.len() as f64 / 1e6,
            speeds[speeds.len() / 2]
        );
    }
    Ok(())
}
