//! Alignment quality on the Bible dev set (Chinese Union Version vs King
//! James, one sentence per line, gold beads given), with the scoring of
//! vecalign: strict (a bead counts only if both sides match a gold bead
//! exactly) and lax (a bead counts if it overlaps a gold bead on both
//! sides) precision, recall and F1; beads with an empty side are left out.
//!
//! `cargo run --release -p bianyi-align --example bible_eval [DIR] [--dict CEDICT]`
//! DIR defaults to ../shared/data/align/bible-zh-en (from the repository
//! root). The data is not part of the repository: without it the example
//! says so and exits.
//!
//! The gold files index the English side first: each line is
//! `[en ids]:[zh ids]` (checked here against the line counts).
#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "an example reports on the terminal"
)]

use std::collections::HashSet;
use std::path::PathBuf;

use bianyi_align::{Options, Segmentation, align, segment};

type Beads = Vec<(Vec<usize>, Vec<usize>)>;

fn parse_ids(s: &str) -> Result<Vec<usize>, Box<dyn std::error::Error>> {
    let inner = s.trim().trim_start_matches('[').trim_end_matches(']');
    if inner.trim().is_empty() {
        return Ok(Vec::new());
    }
    Ok(inner
        .split(',')
        .map(|x| x.trim().parse())
        .collect::<Result<_, _>>()?)
}

#[derive(Default)]
struct Counts {
    predicted: usize,
    gold: usize,
    strict_right: usize,
    lax_precise: usize,
    lax_recalled: usize,
}

impl Counts {
    fn add(&mut self, predicted: &Beads, gold: &Beads) {
        let full = |b: &&(Vec<usize>, Vec<usize>)| !b.0.is_empty() && !b.1.is_empty();
        // Partial gold (the free-translation set): sentences in no gold bead
        // are unscored, and so are predicted beads made only of them.
        let zh_known: HashSet<usize> = gold.iter().flat_map(|b| b.0.iter().copied()).collect();
        let en_known: HashSet<usize> = gold.iter().flat_map(|b| b.1.iter().copied()).collect();
        let scored = |b: &&(Vec<usize>, Vec<usize>)| {
            b.0.iter().any(|x| zh_known.contains(x)) || b.1.iter().any(|y| en_known.contains(y))
        };
        let p: Vec<_> = predicted.iter().filter(full).filter(scored).collect();
        let g: Vec<_> = gold.iter().filter(full).collect();
        let gold_set: HashSet<_> = g.iter().map(|b| (*b).clone()).collect();
        self.predicted += p.len();
        self.gold += g.len();
        self.strict_right += p.iter().filter(|b| gold_set.contains(**b)).count();
        let overlaps = |a: &(Vec<usize>, Vec<usize>), b: &(Vec<usize>, Vec<usize>)| {
            a.0.iter().any(|x| b.0.contains(x)) && a.1.iter().any(|y| b.1.contains(y))
        };
        // Sweep: beads are in order on both sides, so only neighbours can
        // overlap; a quadratic scan would do but is slow on 14k beads.
        let mut k = 0;
        for b in &p {
            while k < g.len() && g[k].0.last() < b.0.first() {
                k += 1;
            }
            if g[k.saturating_sub(1)..(k + 3).min(g.len())]
                .iter()
                .any(|x| overlaps(b, x))
            {
                self.lax_precise += 1;
            }
        }
        let mut k = 0;
        for b in &g {
            while k < p.len() && p[k].0.last() < b.0.first() {
                k += 1;
            }
            if p[k.saturating_sub(1)..(k + 3).min(p.len())]
                .iter()
                .any(|x| overlaps(b, x))
            {
                self.lax_recalled += 1;
            }
        }
    }

    fn prf(right_p: usize, predicted: usize, right_r: usize, gold: usize) -> (f64, f64, f64) {
        let p = right_p as f64 / predicted.max(1) as f64;
        let r = right_r as f64 / gold.max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut dir = PathBuf::from("../shared/data/align/bible-zh-en");
    let mut options = Options::zh_en();
    // Figures do not depend on what the user installed: `--dict` says which.
    options.installed_lexicon = false;
    let mut beads_out: Option<PathBuf> = None;
    let mut perturb_seed: Option<u64> = None;
    let mut predicted_dir: Option<PathBuf> = None;
    let mut books = vec!["001".to_string(), "002".to_string()];
    let mut args = std::env::args_os().skip(1);
    while let Some(a) = args.next() {
        if a == "--dict" {
            // A compiled lexicon (`bianyi dict fetch`) or a CC-CEDICT file.
            let path = PathBuf::from(args.next().ok_or("--dict needs a file")?);
            let start = std::time::Instant::now();
            let lexicon = bianyi_align::WordLexicon::read(&path)?;
            println!(
                "dictionary: {} headwords from {} in {} ms",
                lexicon.info().entries,
                path.display(),
                start.elapsed().as_millis()
            );
            options.word_lexicon = Some(std::sync::Arc::new(lexicon));
        } else if a == "--beads-out" {
            beads_out = Some(PathBuf::from(
                args.next().ok_or("--beads-out needs a folder")?,
            ));
        } else if a == "--perturb" {
            let seed = args.next().ok_or("--perturb needs a seed")?;
            perturb_seed = Some(seed.to_string_lossy().parse()?);
        } else if a == "--predicted" {
            predicted_dir = Some(PathBuf::from(
                args.next().ok_or("--predicted needs a folder")?,
            ));
        } else if a == "--length" {
            options.method = bianyi_align::Method::Length;
        } else if a == "--no-refine" {
            options.refine = false;
        } else if a == "--no-bundled" {
            options.bundled_lexicon = false;
        } else if a == "--books" {
            let list = args.next().ok_or("--books needs a list")?;
            let list = list.to_string_lossy();
            // `--books @FILE` reads the comma-separated list from a file.
            let list = match list.strip_prefix('@') {
                Some(file) => std::fs::read_to_string(file)?,
                None => list.to_string(),
            };
            books = list.trim().split(',').map(str::to_string).collect();
        } else if a == "--set" {
            let kv = args.next().ok_or("--set needs name=value")?;
            let kv = kv.to_string_lossy();
            let (k, v) = kv.split_once('=').ok_or("--set needs name=value")?;
            let v: f64 = v.parse()?;
            match k {
                "similarity_weight" => options.similarity_weight = v,
                "variance" => options.variance = v,
                "ratio" => options.ratio = v,
                "ratio_from_texts" => options.ratio_from_texts = v != 0.0,
                "anchor_weight" => options.anchor_weight = v,
                "band" => options.band = v.to_string().parse()?,
                "threads" => options.threads = v.to_string().parse()?,
                _ => return Err(format!("unknown option {k}").into()),
            }
        } else {
            dir = PathBuf::from(a);
        }
    }
    if !dir.is_dir() {
        println!(
            "{}: not found; the Bible dev set is not part of the repository, nothing to evaluate",
            dir.display()
        );
        return Ok(());
    }
    let mut total = Counts::default();
    let mut para_total = (0, 0, 0);
    println!(
        "| set | zh lines | en lines | gold beads | strict P | strict R | strict F1 | lax P | lax R | lax F1 |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for name in &books {
        let zh = std::fs::read_to_string(dir.join(format!("{name}.zh")))?;
        let en = std::fs::read_to_string(dir.join(format!("{name}.en")))?;
        let gold_text = std::fs::read_to_string(dir.join(format!("{name}.gold.align")))?;
        // Every line is a segment, empty ones included (ids are line numbers).
        let zh_segs = lines(&zh);
        let en_segs = lines(&en);
        let mut gold: Beads = Vec::new();
        for line in gold_text.lines().filter(|l| !l.trim().is_empty()) {
            let (a, b) = line.split_once(':').ok_or("bad gold line")?;
            // [en]:[zh] -> (zh, en)
            gold.push((parse_ids(b)?, parse_ids(a)?));
        }
        let max_zh = gold
            .iter()
            .flat_map(|b| b.0.iter())
            .max()
            .copied()
            .unwrap_or(0);
        let max_en = gold
            .iter()
            .flat_map(|b| b.1.iter())
            .max()
            .copied()
            .unwrap_or(0);
        if max_zh >= zh_segs.len() || max_en >= en_segs.len() {
            return Err(
                format!("{name}: gold ids exceed the line counts; orientation changed?").into(),
            );
        }
        let (zh_segs, en_segs, gold) = match perturb_seed {
            Some(seed) => perturb(&zh_segs, &en_segs, &gold, seed),
            None => (zh_segs, en_segs, gold),
        };
        let predicted: Beads = if let Some(pdir) = &predicted_dir {
            // Another aligner's output: `[zh ids]:[en ids]` a line.
            let text = std::fs::read_to_string(pdir.join(format!("{name}.pred")))?;
            let mut out = Beads::new();
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                let line = line.split('\t').next().unwrap_or(line);
                let (a, b) = line.split_once(':').ok_or("bad predicted line")?;
                out.push((parse_ids(a)?, parse_ids(b)?));
            }
            out
        } else {
            let clock = std::time::Instant::now();
            let bitext = align("zh", "en", zh_segs.clone(), en_segs.clone(), &options);
            eprintln!("{name}: aligned in {:.2} s", clock.elapsed().as_secs_f64());
            bitext.check()?;
            write_beads(beads_out.as_deref(), name, &bitext, &gold)?;
            bitext
                .beads
                .iter()
                .map(|b| (b.source.clone(), b.target.clone()))
                .collect()
        };
        let para = dir.join(format!("{name}.para"));
        if para.is_file() {
            let (right, pred, gold_n) = boundaries(&std::fs::read_to_string(&para)?, &predicted)?;
            para_total.0 += right;
            para_total.1 += pred;
            para_total.2 += gold_n;
        }
        let mut c = Counts::default();
        c.add(&predicted, &gold);
        let (sp, sr, sf) = Counts::prf(c.strict_right, c.predicted, c.strict_right, c.gold);
        let (lp, lr, lf) = Counts::prf(c.lax_precise, c.predicted, c.lax_recalled, c.gold);
        println!(
            "| {name} | {} | {} | {} | {sp:.3} | {sr:.3} | {sf:.3} | {lp:.3} | {lr:.3} | {lf:.3} |",
            zh_segs.len(),
            en_segs.len(),
            c.gold
        );
        total.add(&predicted, &gold);
    }
    let c = &total;
    let (sp, sr, sf) = Counts::prf(c.strict_right, c.predicted, c.strict_right, c.gold);
    let (lp, lr, lf) = Counts::prf(c.lax_precise, c.predicted, c.lax_recalled, c.gold);
    println!(
        "| total | | | {} | {sp:.3} | {sr:.3} | {sf:.3} | {lp:.3} | {lr:.3} | {lf:.3} |",
        c.gold
    );
    if para_total.2 > 0 {
        let (p, r, f) = Counts::prf(para_total.0, para_total.1, para_total.0, para_total.2);
        println!(
            "paragraph boundaries: {} gold, P {p:.3} R {r:.3} F1 {f:.3}",
            para_total.2
        );
    }
    Ok(())
}

/// With `--beads-out`: the predicted beads (`[zh ids]:[en ids]<TAB>score`)
/// and the gold beads scored against (perturbed, with --perturb), zh first.
fn write_beads(
    out: Option<&std::path::Path>,
    name: &str,
    bitext: &bianyi_align::Bitext,
    gold: &Beads,
) -> std::io::Result<()> {
    let Some(out) = out else { return Ok(()) };
    let text: String = bitext
        .beads
        .iter()
        .map(|b| format!("{:?}:{:?}\t{}\n", b.source, b.target, b.score))
        .collect();
    std::fs::write(out.join(format!("{name}.beads")), text)?;
    let text: String = gold
        .iter()
        .map(|b| format!("{:?}:{:?}\n", b.0, b.1))
        .collect();
    std::fs::write(out.join(format!("{name}.gold")), text)
}

/// Paragraph boundaries (`zh en` a line: sentence counts before which both
/// sides correspond) against the boundaries between predicted beads.
/// Recall: gold boundaries that the prediction has. Precision: predicted
/// boundaries that sit at a gold boundary on one side and are right on
/// both. Returns (right, predicted at a gold side, gold).
fn boundaries(
    text: &str,
    predicted: &Beads,
) -> Result<(usize, usize, usize), Box<dyn std::error::Error>> {
    let mut gold = HashSet::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let (z, e) = line.split_once(' ').ok_or("bad .para line")?;
        gold.insert((z.trim().parse::<usize>()?, e.trim().parse::<usize>()?));
    }
    let zh_side: HashSet<usize> = gold.iter().map(|b| b.0).collect();
    let en_side: HashSet<usize> = gold.iter().map(|b| b.1).collect();
    let mut cut = HashSet::from([(0, 0)]);
    let (mut z, mut e) = (0, 0);
    for (zs, es) in predicted {
        z = zs.last().map_or(z, |x| x + 1);
        e = es.last().map_or(e, |y| y + 1);
        cut.insert((z, e));
    }
    let right = gold.intersection(&cut).count();
    let at_gold = cut
        .iter()
        .filter(|(z, e)| zh_side.contains(z) || en_side.contains(e))
        .count();
    Ok((right, at_gold, gold.len()))
}

/// One segment per line, blank lines included, so that ids are line
/// numbers.
fn lines(text: &str) -> Vec<bianyi_align::Segment> {
    let mut out = Vec::new();
    let mut at = 0;
    for (k, line) in text.split_inclusive('\n').enumerate() {
        out.push(bianyi_align::Segment::new(
            line.trim_end_matches(['\n', '\r']),
            k,
            at,
        ));
        at += line.len();
    }
    let _ = segment;
    let _ = Segmentation::Lines;
    out
}

/// A harder bitext with known beads, made from a gold-aligned one: per gold
/// bead, with a deterministic pseudo-random draw, the Chinese side (3 %) or
/// the English side (3 %) is deleted, the Chinese lines of a bead are
/// merged into one (5 %), each English line of a bead is split in two at
/// its first `; `, `: ` or `, and ` (5 %), or an unrelated Chinese line
/// (one from 997 beads further on) is inserted before the bead as a
/// 1-0 bead (2 %). Returns the new sides and gold beads (Chinese, English).
fn perturb(
    zh: &[bianyi_align::Segment],
    en: &[bianyi_align::Segment],
    gold: &Beads,
    seed: u64,
) -> (
    Vec<bianyi_align::Segment>,
    Vec<bianyi_align::Segment>,
    Beads,
) {
    let mut state = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
    let mut draw = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as f64 / (1u64 << 31) as f64
    };
    let (mut nz, mut ne, mut out): (Vec<String>, Vec<String>, Beads) =
        (Vec::new(), Vec::new(), Vec::new());
    let text = |segs: &[bianyi_align::Segment], ids: &[usize]| -> Vec<String> {
        ids.iter()
            .filter_map(|&i| segs.get(i).map(|s| s.text.clone()))
            .collect()
    };
    for (k, (zi, ei)) in gold.iter().enumerate() {
        let mut z = text(zh, zi);
        let mut e = text(en, ei);
        let r = draw();
        if r < 0.03 {
            z.clear();
        } else if r < 0.06 {
            e.clear();
        } else if r < 0.11 && z.len() >= 2 {
            z = vec![z.concat()];
        } else if r < 0.16 {
            e = e
                .iter()
                .flat_map(|line| {
                    let at = ["; ", ": ", ", and "]
                        .iter()
                        .find_map(|p| line.find(p).map(|i| i + p.len() - 1));
                    match at {
                        Some(i) if i > 0 && i + 1 < line.len() => {
                            vec![line[..i].trim().to_string(), line[i..].trim().to_string()]
                        }
                        _ => vec![line.clone()],
                    }
                })
                .collect();
        } else if r < 0.18 {
            let far = &gold[(k + 997) % gold.len()].0;
            let junk = text(zh, far).concat();
            if !junk.is_empty() {
                out.push((vec![nz.len()], Vec::new()));
                nz.push(junk);
            }
        }
        let zs: Vec<usize> = (nz.len()..nz.len() + z.len()).collect();
        let es: Vec<usize> = (ne.len()..ne.len() + e.len()).collect();
        nz.extend(z);
        ne.extend(e);
        if !zs.is_empty() || !es.is_empty() {
            out.push((zs, es));
        }
    }
    let segs = |v: Vec<String>| -> Vec<bianyi_align::Segment> {
        v.into_iter()
            .enumerate()
            .map(|(k, t)| bianyi_align::Segment::new(t, k, 0))
            .collect()
    };
    (segs(nz), segs(ne), out)
}
