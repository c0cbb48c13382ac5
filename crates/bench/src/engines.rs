//! The engines under test, each behind one small interface.

use bianyi_convert::{Config, Conversion};

/// An engine that can be prepared for a config.
pub(crate) trait Engine {
    fn name(&self) -> &'static str;
    /// A converter for `config`, or `None` when the engine has no equivalent.
    fn prepare(&self, config: Config) -> Option<Box<dyn Prepared>>;
}

/// A converter ready to run; returns the output's length in bytes (the
/// output itself goes through `black_box`, so nothing is optimised away).
pub(crate) trait Prepared {
    fn convert(&mut self, input: &str) -> usize;
}

fn done<T: AsRef<[u8]>>(out: T) -> usize {
    std::hint::black_box(out).as_ref().len()
}

pub(crate) fn all() -> Vec<Box<dyn Engine>> {
    #[allow(unused_mut)]
    let mut engines: Vec<Box<dyn Engine>> = vec![
        Box::new(Bianyi),
        Box::new(BianyiStream),
        Box::new(BianyiParallel),
        Box::new(BianyiTo),
    ];
    #[cfg(feature = "peers")]
    engines.extend(peers::all());
    engines
}

pub(crate) fn names() -> Vec<&'static str> {
    all().iter().map(|e| e.name()).collect()
}

/// bianyi, whole text at once.
struct Bianyi;

impl Engine for Bianyi {
    fn name(&self) -> &'static str {
        "bianyi"
    }
    fn prepare(&self, config: Config) -> Option<Box<dyn Prepared>> {
        Some(Box::new(Conversion::new(config)))
    }
}

impl Prepared for Conversion {
    fn convert(&mut self, input: &str) -> usize {
        done(Conversion::convert(self, input))
    }
}

/// bianyi on 2 threads (`run().threads(2).text`); not a single-thread figure.
struct BianyiParallel;

struct Parallel(Conversion);

impl Engine for BianyiParallel {
    fn name(&self) -> &'static str {
        "bianyi-j2"
    }
    fn prepare(&self, config: Config) -> Option<Box<dyn Prepared>> {
        Some(Box::new(Parallel(Conversion::new(config))))
    }
}

impl Prepared for Parallel {
    fn convert(&mut self, input: &str) -> usize {
        done(self.0.run().threads(2).text(input))
    }
}

/// bianyi's `--to` for the target that matches the config (s2tw: zh-TW,
/// s2twp: zh-TW with phrases, tw2s: zh-Hans, …), whole text at once:
/// detection of the document and of every paragraph included.
struct BianyiTo;

struct ToTarget(Conversion);

impl Engine for BianyiTo {
    fn name(&self) -> &'static str {
        "bianyi-to"
    }
    fn prepare(&self, config: Config) -> Option<Box<dyn Prepared>> {
        use bianyi_convert::Target;
        let (target, phrases) = match config {
            Config::S2t => (Target::Hant, false),
            Config::S2tw => (Target::Taiwan, false),
            Config::S2twp => (Target::Taiwan, true),
            Config::S2hk => (Target::HongKong, false),
            Config::S2hkp => (Target::HongKong, true),
            Config::T2s | Config::Tw2s | Config::Hk2s => (Target::Hans, false),
            Config::Tw2sp | Config::Hk2sp => (Target::Mainland, true),
            Config::T2tw => (Target::Taiwan, false),
            Config::T2hk => (Target::HongKong, false),
            _ => return None,
        };
        let tc = Conversion::builder(target).phrases(phrases).build();
        // The first use builds the shared converters: not timed.
        let _ = tc.convert("测试測試");
        Some(Box::new(ToTarget(tc)))
    }
}

impl Prepared for ToTarget {
    fn convert(&mut self, input: &str) -> usize {
        done(self.0.convert(input))
    }
}

/// bianyi's streaming interface, reading the text as a byte stream.
struct BianyiStream;

struct Streaming(Conversion);

impl Engine for BianyiStream {
    fn name(&self) -> &'static str {
        "bianyi-stream"
    }
    fn prepare(&self, config: Config) -> Option<Box<dyn Prepared>> {
        Some(Box::new(Streaming(Conversion::new(config))))
    }
}

impl Prepared for Streaming {
    fn convert(&mut self, input: &str) -> usize {
        let mut out = Vec::with_capacity(input.len() + input.len() / 8);
        match self.0.run().stream(input.as_bytes(), &mut out) {
            Ok(_) => done(out),
            Err(e) => panic!("streaming failed: {e}"),
        }
    }
}

#[cfg(feature = "peers")]
mod peers {
    use super::{Engine, Prepared};
    use bianyi_convert::Config;

    pub(super) fn all() -> Vec<Box<dyn Engine>> {
        vec![
            Box::new(Zhconv),
            Box::new(Fmmseg),
            Box::new(Ferrous),
            Box::new(OpenccCpp),
        ]
    }

    /// zhconv 0.4: MediaWiki + OpenCC tables in one automaton; nearest target variant.
    struct Zhconv;

    struct ZhconvTo(zhconv::Variant);

    impl Engine for Zhconv {
        fn name(&self) -> &'static str {
            "zhconv"
        }
        fn prepare(&self, config: Config) -> Option<Box<dyn Prepared>> {
            use zhconv::Variant;
            let target = match config {
                Config::T2s | Config::Tw2s | Config::Hk2s => Variant::ZhHans,
                Config::Tw2sp | Config::Hk2sp => Variant::ZhCN,
                Config::S2t => Variant::ZhHant,
                Config::S2tw | Config::S2twp => Variant::ZhTW,
                Config::S2hk | Config::S2hkp => Variant::ZhHK,
                _ => return None,
            };
            // Build the automaton outside the timed region.
            let _ = zhconv::zhconv("", target);
            Some(Box::new(ZhconvTo(target)))
        }
    }

    impl Prepared for ZhconvTo {
        fn convert(&mut self, input: &str) -> usize {
            super::done(zhconv::zhconv(input, self.0))
        }
    }

    /// opencc-fmmseg: OpenCC dictionaries, max-match; single-threaded here.
    struct Fmmseg;

    struct FmmsegFor(opencc_fmmseg::OpenCC, &'static str);

    impl Engine for Fmmseg {
        fn name(&self) -> &'static str {
            "opencc-fmmseg"
        }
        fn prepare(&self, config: Config) -> Option<Box<dyn Prepared>> {
            let mut cc = opencc_fmmseg::OpenCC::new();
            cc.set_parallel(false);
            Some(Box::new(FmmsegFor(cc, config.name())))
        }
    }

    impl Prepared for FmmsegFor {
        fn convert(&mut self, input: &str) -> usize {
            super::done(self.0.convert(input, self.1, false))
        }
    }

    /// ferrous-opencc 0.4: OpenCC dictionaries as FSTs.
    struct Ferrous;

    struct FerrousFor(ferrous_opencc::OpenCC);

    impl Engine for Ferrous {
        fn name(&self) -> &'static str {
            "ferrous-opencc"
        }
        fn prepare(&self, config: Config) -> Option<Box<dyn Prepared>> {
            use ferrous_opencc::config::BuiltinConfig as B;
            let builtin = match config {
                Config::S2t => B::S2t,
                Config::T2s => B::T2s,
                Config::S2tw => B::S2tw,
                Config::Tw2s => B::Tw2s,
                Config::S2twp => B::S2twp,
                Config::Tw2sp => B::Tw2sp,
                Config::S2hk => B::S2hk,
                Config::Hk2s => B::Hk2s,
                _ => return None,
            };
            ferrous_opencc::OpenCC::from_config(builtin)
                .ok()
                .map(|cc| Box::new(FerrousFor(cc)) as Box<dyn Prepared>)
        }
    }

    impl Prepared for FerrousFor {
        fn convert(&mut self, input: &str) -> usize {
            super::done(self.0.convert(input))
        }
    }

    /// OpenCC C++ (the system's libopencc 1.1.x) through opencc-rust 1.1.19.
    struct OpenccCpp;

    struct OpenccCppFor(opencc_rust::OpenCC);

    impl Engine for OpenccCpp {
        fn name(&self) -> &'static str {
            "opencc-cpp"
        }
        fn prepare(&self, config: Config) -> Option<Box<dyn Prepared>> {
            opencc_rust::OpenCC::new(format!("{}.json", config.name()))
                .ok()
                .map(|cc| Box::new(OpenccCppFor(cc)) as Box<dyn Prepared>)
        }
    }

    impl Prepared for OpenccCppFor {
        fn convert(&mut self, input: &str) -> usize {
            super::done(self.0.convert(input))
        }
    }
}
