//! Throughput of the morphological analyzer and the light stemmer on real
//! Sorani text: the first 20,000 lines of `../shared/data/awta-en-ckb`
//! (`$SORANI_SHARED_DIR` first), or the repository's own golden words when the
//! shared data is absent. Words are normalized before timing, as the analyzer
//! expects. Run: `cargo bench -p sorani --bench morph`.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use sorani::morph::Analyzer;

fn shared_dir() -> PathBuf {
    match std::env::var("SORANI_SHARED_DIR") {
        Ok(d) => PathBuf::from(d),
        Err(_) => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"),
    }
}

fn words() -> Vec<String> {
    let path = shared_dir().join("data/awta-en-ckb/100000_samples_ku.txt");
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t.lines().take(20_000).collect::<Vec<_>>().join("\n"),
        Err(_) => {
            eprintln!("{} not found: benchmarking on tests/golden/morph words only", path.display());
            let golden = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/golden/morph/segmentation.tsv");
            std::fs::read_to_string(golden)
                .unwrap_or_default()
                .lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|l| l.split('\t').next())
                .collect::<Vec<_>>()
                .join(" ")
        }
    };
    let text = sorani::normalize(&text).into_owned();
    text.split(|c: char| !(c.is_alphabetic() || c == '\u{200C}')).filter(|w| !w.is_empty()).map(String::from).collect()
}

fn bench(c: &mut Criterion) {
    let words = words();
    let analyzer = Analyzer::new();
    // Warm the lazily loaded lexicon outside the timings.
    black_box(analyzer.stem("ماڵەکان"));
    let mut g = c.benchmark_group("morph");
    g.throughput(Throughput::Elements(words.len() as u64));
    g.sample_size(10);
    g.bench_function("stem", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for w in &words {
                n += analyzer.stem(black_box(w)).len();
            }
            n
        })
    });
    g.bench_function("lemma", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for w in &words {
                n += analyzer.lemma(black_box(w)).len();
            }
            n
        })
    });
    g.bench_function("analyze", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for w in &words {
                n += analyzer.analyze(black_box(w)).len();
            }
            n
        })
    });
    g.bench_function("segment", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for w in &words {
                n += analyzer.segment(black_box(w)).len();
            }
            n
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
