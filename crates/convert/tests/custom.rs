//! Configs loaded at run time (`CustomConfig`) on random dictionaries:
//! whatever plan the compiler gives them converts as OpenCC's stage-by-stage
//! pipeline does (the general path, which the 556 cases of OpenCC's suite
//! check), and the tables read back from their bytes give the same again.
//!
//! This test is why loaded configs with a segmentation run stage by stage:
//! the segmented single-pass plan, exact on OpenCC's dictionaries, gave
//! other results on random ones (seed 1 with three stages, seed 19 with
//! two), so `compile_config` gives it to the built-in configs only. It
//! still checks the single greedy pass of one-stage configs on random data.

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is a test failure with its message"
)]

use std::fmt::Write as _;
use std::path::Path;

use bianyi_convert::{Converter, CustomConfig};

/// xorshift64*: deterministic, so a failure names its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).unwrap_or(0)
    }
}

/// A few characters, so that keys overlap and chain into each other.
const ALPHABET: [char; 8] = ['甲', '乙', '丙', '丁', '戊', '己', 'a', '〇'];

fn word(rng: &mut Rng, max: usize) -> String {
    (0..1 + rng.below(max))
        .map(|_| ALPHABET[rng.below(ALPHABET.len())])
        .collect()
}

/// A dictionary of up to `n` keys of up to 4 characters, values of up to
/// 3 (sometimes two candidates).
fn dictionary(rng: &mut Rng, n: usize) -> String {
    let mut keys = std::collections::BTreeMap::new();
    for _ in 0..1 + rng.below(n) {
        let key = word(rng, 4);
        let mut value = word(rng, 3);
        if rng.below(4) == 0 {
            value.push(' ');
            value.push_str(&word(rng, 2));
        }
        keys.insert(key, value);
    }
    let mut text = String::new();
    for (k, v) in keys {
        writeln!(text, "{k}\t{v}").ok();
    }
    text
}

fn leaf(file: &str) -> String {
    format!(r#"{{ "type": "text", "file": "{file}" }}"#)
}

/// A stage's dictionary: one file, or a group of two.
fn dict_json(rng: &mut Rng, files: &mut Vec<String>, dir: &Path) -> String {
    let mut new_file = |rng: &mut Rng| {
        let name = format!("d{}.txt", files.len());
        std::fs::write(dir.join(&name), dictionary(rng, 12)).expect("write");
        files.push(name.clone());
        name
    };
    if rng.below(3) == 0 {
        let policy = if rng.below(2) == 0 {
            "union"
        } else {
            "short_circuit"
        };
        let (a, b) = (new_file(rng), new_file(rng));
        format!(
            r#"{{ "type": "group", "match_policy": "{policy}", "dicts": [{}, {}] }}"#,
            leaf(&a),
            leaf(&b)
        )
    } else {
        leaf(&new_file(rng))
    }
}

#[test]
fn random_configs_single_pass_equals_stage_by_stage() {
    for seed in 1..=60u64 {
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let dir = tempfile::tempdir().expect("temp dir");
        let mut files = Vec::new();
        let segmentation = (rng.below(2) == 0).then(|| dict_json(&mut rng, &mut files, dir.path()));
        let stages: Vec<String> = (0..1 + rng.below(3))
            .map(|_| {
                format!(
                    r#"{{ "dict": {} }}"#,
                    dict_json(&mut rng, &mut files, dir.path())
                )
            })
            .collect();
        let mut json = String::from("{\n");
        if let Some(seg) = &segmentation {
            writeln!(
                json,
                r#"  "segmentation": {{ "type": "mmseg", "dict": {seg} }},"#
            )
            .ok();
        }
        writeln!(json, r#"  "conversion_chain": [{}]"#, stages.join(", ")).ok();
        json.push('}');
        let path = dir.path().join("random.json");
        std::fs::write(&path, &json).expect("write");
        let config = CustomConfig::sources(&path, &[] as &[&str])
            .expect("loads")
            .compile()
            .expect("compiles");
        let again = CustomConfig::sources(&path, &[] as &[&str])
            .expect("loads")
            .from_bytes(&config.to_bytes())
            .expect("its bytes read back");
        let fast = Converter::custom(config).build();
        let general = Converter::custom(config).general_path(true).build();
        let cached = Converter::custom(again).build();
        for _ in 0..200 {
            let mut text = String::new();
            for _ in 0..rng.below(40) {
                match rng.below(20) {
                    0 => text.push('\n'),
                    1 => text.push_str("⿰甲乙"),
                    _ => text.push(ALPHABET[rng.below(ALPHABET.len())]),
                }
            }
            let want = general.convert(&text);
            let dicts: Vec<String> = files
                .iter()
                .map(|f| {
                    format!(
                        "{f}:\n{}",
                        std::fs::read_to_string(dir.path().join(f)).unwrap_or_default()
                    )
                })
                .collect();
            assert_eq!(
                fast.convert(&text),
                want,
                "seed {seed}, text {text:?}\nconfig:\n{json}\n{}",
                dicts.join("\n")
            );
            assert_eq!(cached.convert(&text), want, "seed {seed}, text {text:?}");
        }
    }
}
