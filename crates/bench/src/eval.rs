//! Quality of `--to` on the dev set of real text (scripts/devset), side by
//! side with OpenCC 1.4.2's configs (bianyi's `-c`, which passes OpenCC's
//! suite byte for byte) and zhconv (with `--features zhconv`).
//!
//! ```sh
//! python3 scripts/devset/fetch.py /work/devset           # once
//! cd crates/bench && cargo run --release --features zhconv --bin target-eval -- /work/devset --split dev
//! ```
//!
//! Tables (Markdown, on standard output):
//!
//! * conversion: for each direction, every system's exact-match rate and
//!   character error rate against the real translation in the other
//!   variant, on all pairs and on the pairs of equal length (where the two
//!   translations differ mostly by script and standard);
//! * stability: the share of lines of real text in a standard that
//!   converting to that same standard changes (ideally none);
//! * idempotence: lines where converting twice differs from once;
//! * detection: precision and recall of the class detection gives real
//!   Taiwan, Hong Kong and mainland text and text converted mechanically
//!   (OpenCC's s2t, s2tw, s2hk on mainland text), per line and per file.
#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "a report on the terminal"
)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use bianyi_convert::{Config, Converter, Detector, Script, Standard, Target, TargetConverter};

/// A conversion under test.
type Convert = Box<dyn Fn(&str) -> String>;
/// A named conversion.
type System = (String, Convert);

fn to(target: Target, phrases: bool) -> Convert {
    let tc = TargetConverter::new(target).phrases(phrases);
    Box::new(move |s: &str| tc.convert(s))
}

fn config(c: Config) -> Convert {
    let conv = Converter::new(c);
    Box::new(move |s: &str| conv.convert(s))
}

fn chain(a: Config, b: Config) -> Convert {
    let (a, b) = (Converter::new(a), Converter::new(b));
    Box::new(move |s: &str| b.convert(&a.convert(s)))
}

#[cfg(feature = "zhconv")]
fn zhconv(variant: &str) -> Option<Convert> {
    let v: zhconv::Variant = variant.parse().ok()?;
    Some(Box::new(move |s: &str| zhconv::zhconv(s, v)))
}

#[cfg(not(feature = "zhconv"))]
fn zhconv(_: &str) -> Option<Convert> {
    None
}

/// The systems for converting `from` → `to` (variant tags of the dev set).
fn systems(from: &str, to_tag: &str) -> Vec<System> {
    let mut v: Vec<System> = Vec::new();
    let target: Target = match to_tag.parse() {
        Ok(t) => t,
        Err(_) => return v,
    };
    v.push((format!("bianyi --to {to_tag}"), to(target, false)));
    v.push((format!("bianyi --to {to_tag} --phrases"), to(target, true)));
    match (from, to_tag) {
        ("zh-CN", "zh-TW") => {
            v.push(("OpenCC s2tw".into(), config(Config::S2tw)));
            v.push(("OpenCC s2twp".into(), config(Config::S2twp)));
        }
        ("zh-CN", "zh-HK") => {
            v.push(("OpenCC s2hk".into(), config(Config::S2hk)));
            v.push(("OpenCC s2hkp".into(), config(Config::S2hkp)));
        }
        ("zh-TW", "zh-CN") => {
            v.push(("OpenCC t2s".into(), config(Config::T2s)));
            v.push(("OpenCC tw2s".into(), config(Config::Tw2s)));
            v.push(("OpenCC tw2sp".into(), config(Config::Tw2sp)));
        }
        ("zh-HK", "zh-CN") => {
            v.push(("OpenCC t2s".into(), config(Config::T2s)));
            v.push(("OpenCC hk2s".into(), config(Config::Hk2s)));
            v.push(("OpenCC hk2sp".into(), config(Config::Hk2sp)));
        }
        ("zh-TW", "zh-HK") => {
            v.push(("OpenCC tw2t+t2hk".into(), chain(Config::Tw2t, Config::T2hk)));
        }
        ("zh-HK", "zh-TW") => {
            v.push(("OpenCC hk2t+t2tw".into(), chain(Config::Hk2t, Config::T2tw)));
        }
        _ => {}
    }
    if let Some(z) = zhconv(to_tag) {
        v.push((format!("zhconv {to_tag}"), z));
    }
    v
}

/// Levenshtein distance over characters.
fn distance(a: &[char], b: &[char]) -> usize {
    if a == b {
        return 0;
    }
    if a.len() == b.len() {
        // Conversions rarely insert or delete: an upper bound is the
        // number of differing positions; take it when it is small.
        let hamming = a.iter().zip(b).filter(|(x, y)| x != y).count();
        if hamming <= 1 {
            return hamming;
        }
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, x) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, y) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(x != y);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[derive(Default, Clone, Copy)]
struct Score {
    n: usize,
    exact: usize,
    errors: usize,
    chars: usize,
}

impl Score {
    fn add(&mut self, out: &str, reference: &str) {
        let o: Vec<char> = out.chars().collect();
        let r: Vec<char> = reference.chars().collect();
        self.n += 1;
        self.exact += usize::from(o == r);
        self.errors += distance(&o, &r);
        self.chars += r.len();
    }
    fn exact(&self) -> f64 {
        100.0 * self.exact as f64 / self.n.max(1) as f64
    }
    fn cer(&self) -> f64 {
        100.0 * self.errors as f64 / self.chars.max(1) as f64
    }
}

const VARIANTS: [&str; 3] = ["zh-CN", "zh-TW", "zh-HK"];

/// Rows of the pairs files: id, then a cell per variant.
fn pairs(dir: &Path) -> Vec<(String, [String; 3])> {
    let mut rows = Vec::new();
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    for f in files {
        let Ok(text) = fs::read_to_string(&f) else {
            continue;
        };
        let source = f
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        for line in text.lines().skip(1) {
            let cells: Vec<&str> = line.split('\t').collect();
            if cells.len() < 4 {
                continue;
            }
            rows.push((
                source.clone(),
                [
                    cells[1].to_string(),
                    cells[2].to_string(),
                    cells[3].to_string(),
                ],
            ));
        }
    }
    rows
}

/// Monolingual lines by variant, by source file.
fn mono(dir: &Path) -> BTreeMap<&'static str, BTreeMap<String, Vec<String>>> {
    let mut out = BTreeMap::new();
    for v in VARIANTS {
        let mut by_file = BTreeMap::new();
        let Ok(d) = fs::read_dir(dir.join(v)) else {
            continue;
        };
        for e in d.flatten() {
            let p = e.path();
            let Ok(text) = fs::read_to_string(&p) else {
                continue;
            };
            let name = p
                .file_stem()
                .map(|s| s.to_string_lossy().to_string())
                .unwrap_or_default();
            by_file.insert(name, text.lines().map(str::to_string).collect::<Vec<_>>());
        }
        out.insert(v, by_file);
    }
    out
}

fn conversion_tables(rows: &[(String, [String; 3])]) {
    println!("## Conversion against the real translation in the other variant\n");
    println!(
        "Exact: share of messages converted to exactly the other variant's translation. CER: character error rate (edit distance over the reference's characters). \"Equal length\": the pairs whose two translations have the same number of characters (mostly a difference of script and standard).\n"
    );
    println!("| direction | system | pairs | exact | CER | equal-length pairs | exact | CER |");
    println!("|---|---|---:|---:|---:|---:|---:|---:|");
    for (fi, from) in VARIANTS.iter().enumerate() {
        for (ti, to_tag) in VARIANTS.iter().enumerate() {
            if fi == ti {
                continue;
            }
            let selected: Vec<(&str, &str)> = rows
                .iter()
                .filter(|(_, c)| !c[fi].is_empty() && !c[ti].is_empty() && c[fi] != c[ti])
                .map(|(_, c)| (c[fi].as_str(), c[ti].as_str()))
                .collect();
            if selected.is_empty() {
                continue;
            }
            for (name, f) in systems(from, to_tag) {
                let (mut all, mut eq) = (Score::default(), Score::default());
                for &(src, reference) in &selected {
                    let out = f(src);
                    all.add(&out, reference);
                    if src.chars().count() == reference.chars().count() {
                        eq.add(&out, reference);
                    }
                }
                println!(
                    "| {from} → {to_tag} | {name} | {} | {:.1} % | {:.2} % | {} | {:.1} % | {:.2} % |",
                    all.n,
                    all.exact(),
                    all.cer(),
                    eq.n,
                    eq.exact(),
                    eq.cer()
                );
            }
        }
    }
    println!();
}

/// How many changed lines per system the stability table shows on stderr
/// (`BIANYI_EVAL_SHOW=N`; none by default).
fn show_changed() -> usize {
    std::env::var("BIANYI_EVAL_SHOW")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

fn stability_tables(mono: &BTreeMap<&'static str, BTreeMap<String, Vec<String>>>) {
    println!("## Stability: real text converted to its own standard\n");
    println!(
        "Share of lines that the conversion changes (lower is better; correct text should stay as it is), and lines where converting twice differs from converting once. Each line is converted on its own, as a document of one line (the hardest case for detection: `bianyi --to` on a whole file judges each line with the file's verdict as prior).\n"
    );
    println!("| text | system | lines | changed | twice ≠ once |");
    println!("|---|---|---:|---:|---:|");
    for (v, target) in [
        ("zh-TW", Target::Taiwan),
        ("zh-HK", Target::HongKong),
        ("zh-CN", Target::Mainland),
    ] {
        let lines: Vec<&String> = mono
            .get(v)
            .into_iter()
            .flat_map(|m| m.values().flatten())
            .collect();
        let mut systems: Vec<System> = vec![
            (format!("bianyi --to {v}"), to(target, false)),
            (format!("bianyi --to {v} --phrases"), to(target, true)),
        ];
        match v {
            "zh-TW" => {
                systems.push(("OpenCC t2tw".into(), config(Config::T2tw)));
                systems.push(("OpenCC s2tw".into(), config(Config::S2tw)));
                systems.push(("OpenCC s2twp".into(), config(Config::S2twp)));
            }
            "zh-HK" => {
                systems.push(("OpenCC t2hk".into(), config(Config::T2hk)));
                systems.push(("OpenCC s2hk".into(), config(Config::S2hk)));
            }
            _ => {
                systems.push(("OpenCC t2s".into(), config(Config::T2s)));
                systems.push(("OpenCC tw2s".into(), config(Config::Tw2s)));
            }
        }
        if let Some(z) = zhconv(v) {
            systems.push((format!("zhconv {v}"), z));
        }
        for (name, f) in systems {
            let (mut changed, mut unstable) = (0, 0);
            let show = show_changed();
            for l in &lines {
                let once = f(l);
                if once != **l {
                    changed += 1;
                    if changed <= show {
                        eprintln!("{name}: {l}\n{:>width$}  {once}", "→", width = name.len());
                    }
                }
                if f(&once) != once {
                    unstable += 1;
                }
            }
            println!(
                "| {v} | {name} | {} | {:.2} % | {} |",
                lines.len(),
                100.0 * changed as f64 / lines.len().max(1) as f64,
                unstable
            );
        }
    }
    println!();
}

/// The class detection gives a text.
fn class_of(d: &bianyi_convert::Detection) -> &'static str {
    match d.script {
        Script::Simplified => "mainland",
        Script::Traditional | Script::Mixed if d.mainland_origin => "converted",
        Script::Traditional | Script::Mixed => match d.standard {
            Some(Standard::HongKong) => "hong-kong",
            Some(Standard::OpenCc) => "converted",
            _ => "taiwan",
        },
        _ => "neutral",
    }
}

fn detection_tables(mono: &BTreeMap<&'static str, BTreeMap<String, Vec<String>>>) {
    // Labelled texts: real text of each variant, and mainland text
    // converted by OpenCC (what a mechanical conversion writes).
    let mut texts: Vec<(&'static str, String, Vec<String>)> = Vec::new();
    for (v, class) in [
        ("zh-TW", "taiwan"),
        ("zh-HK", "hong-kong"),
        ("zh-CN", "mainland"),
    ] {
        for (file, lines) in mono.get(v).into_iter().flatten() {
            texts.push((class, format!("{v}/{file}"), lines.clone()));
        }
    }
    let converters = [Config::S2t, Config::S2tw, Config::S2hk];
    for (file, lines) in mono.get("zh-CN").into_iter().flatten() {
        for c in converters {
            let conv = Converter::new(c);
            texts.push((
                "converted",
                format!("{c}(zh-CN/{file})"),
                lines.iter().map(|l| conv.convert(l)).collect(),
            ));
        }
    }
    let classes = ["taiwan", "hong-kong", "mainland", "converted"];
    for (unit, per_line) in [("line", true), ("file", false)] {
        let mut confusion: BTreeMap<(&str, &str), usize> = BTreeMap::new();
        for (class, _, lines) in &texts {
            if per_line {
                for l in lines {
                    let mut d = Detector::new();
                    d.feed(l);
                    *confusion
                        .entry((class, class_of(&d.detection())))
                        .or_default() += 1;
                }
            } else {
                let mut d = Detector::new();
                for l in lines {
                    d.feed(l);
                    d.feed("\n");
                }
                *confusion
                    .entry((class, class_of(&d.detection())))
                    .or_default() += 1;
            }
        }
        println!("## Detection per {unit}\n");
        println!(
            "| class | {unit}s | precision | recall | taken for Taiwan | Hong Kong | mainland | converted | neutral |"
        );
        println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for c in classes {
            let total: usize = confusion
                .iter()
                .filter(|((t, _), _)| *t == c)
                .map(|(_, n)| n)
                .sum();
            let predicted: usize = confusion
                .iter()
                .filter(|((_, p), _)| *p == c)
                .map(|(_, n)| n)
                .sum();
            let right = confusion.get(&(c, c)).copied().unwrap_or(0);
            let cell = |p: &str| confusion.get(&(c, p)).copied().unwrap_or(0);
            println!(
                "| {c} | {total} | {:.1} % | {:.1} % | {} | {} | {} | {} | {} |",
                100.0 * right as f64 / predicted.max(1) as f64,
                100.0 * right as f64 / total.max(1) as f64,
                cell("taiwan"),
                cell("hong-kong"),
                cell("mainland"),
                cell("converted"),
                cell("neutral"),
            );
        }
        println!();
    }
    standard_table(&texts);
}

/// Which regional standard whole files are given, for the Traditional
/// texts whose standard is known: real Taiwan and Hong Kong text, and
/// mainland text through s2t (OpenCC's standard), s2tw and s2hk.
fn standard_table(texts: &[(&'static str, String, Vec<String>)]) {
    let mut rows: BTreeMap<String, [usize; 4]> = BTreeMap::new();
    for (class, name, lines) in texts {
        let row = match *class {
            "taiwan" => "zh-TW".to_string(),
            "hong-kong" => "zh-HK".to_string(),
            "converted" => name.split('(').next().unwrap_or_default().to_string(),
            _ => continue,
        };
        let mut d = Detector::new();
        for l in lines {
            d.feed(l);
            d.feed("\n");
        }
        let r = rows.entry(row).or_default();
        match d.detection().standard {
            Some(Standard::Taiwan) => r[0] += 1,
            Some(Standard::HongKong) => r[1] += 1,
            Some(Standard::OpenCc) => r[2] += 1,
            Some(_) => {}
            None => r[3] += 1,
        }
    }
    println!("## Standard given to whole files\n");
    println!("| text | files | Taiwan | Hong Kong | OpenCC | none (not Traditional) |");
    println!("|---|---:|---:|---:|---:|---:|");
    for (row, [tw, hk, oc, none]) in rows {
        println!(
            "| {row} | {} | {tw} | {hk} | {oc} | {none} |",
            tw + hk + oc + none
        );
    }
    println!();
}

/// Per class of labelled text, each detection feature's occurrences per
/// 1,000 Han characters (what the rates in src/detect.rs are fitted on).
fn rate_tables(mono: &BTreeMap<&'static str, BTreeMap<String, Vec<String>>>) {
    let mut classes: Vec<(String, bianyi_convert::Counts)> = Vec::new();
    let mut total = |name: &str, lines: &mut dyn Iterator<Item = String>| {
        let mut d = Detector::new();
        for l in lines {
            d.feed(&l);
            d.feed("\n");
        }
        classes.push((name.to_string(), *d.counts()));
    };
    for v in VARIANTS {
        let mut lines = mono
            .get(v)
            .into_iter()
            .flat_map(|m| m.values().flatten().cloned());
        total(v, &mut lines);
    }
    for c in [Config::S2t, Config::S2tw, Config::S2hk] {
        let conv = Converter::new(c);
        let mut lines = mono
            .get("zh-CN")
            .into_iter()
            .flat_map(|m| m.values().flatten())
            .map(|l| conv.convert(l));
        total(&format!("{c}(zh-CN)"), &mut lines);
    }
    println!("## Evidence per 1,000 Han characters\n");
    println!(
        "| text | Han | S-only | T-only | not TW | not HK | not OpenCC | TW forms | HK forms | Cantonese | mainland≠TW words | TW words | mainland≠HK words | HK words |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (name, c) in classes {
        let k = 1000.0 / c.han.max(1) as f64;
        let r = |n: usize| format!("{:.3}", n as f64 * k);
        println!(
            "| {name} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            c.han,
            r(c.simplified),
            r(c.traditional),
            r(c.not_taiwan),
            r(c.not_hong_kong),
            r(c.not_opencc),
            r(c.taiwan_forms),
            r(c.hong_kong_forms),
            r(c.cantonese),
            r(c.mainland_vs_taiwan_words),
            r(c.taiwan_words),
            r(c.mainland_vs_hong_kong_words),
            r(c.hong_kong_words)
        );
    }
    println!();
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut dir = PathBuf::from("/work/devset");
    let mut split = "dev".to_string();
    let mut only: Option<String> = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--split" => split = args.next().unwrap_or(split),
            "--only" => only = args.next(),
            _ => dir = PathBuf::from(a),
        }
    }
    let base = if split == "all" {
        dir.clone()
    } else {
        dir.join("split").join(&split)
    };
    if !base.exists() {
        eprintln!(
            "{} not found: run scripts/devset/fetch.py first",
            base.display()
        );
        std::process::exit(2);
    }
    println!(
        "# `--to` on the dev set ({split} split of {})\n",
        dir.display()
    );
    let want = |t: &str| only.as_deref().is_none_or(|o| o == t);
    if want("conversion") {
        conversion_tables(&pairs(&base.join("pairs")));
    }
    let mono = mono(&base.join("mono"));
    if want("stability") {
        stability_tables(&mono);
    }
    if want("rates") {
        rate_tables(&mono);
    }
    if want("detection") {
        detection_tables(&mono);
    }
}
