//! Throughput of transliteration on real Sorani text.
//!
//! Reads the first 2 MB of the clean Unicode Sorani of
//! `$SORANI_SHARED_DIR/data/awta-en-ckb` (default `../shared` beside the
//! repository), else the news samples in `samples/` (legacy-typed: read
//! through the normalizer), else the golden input in tests/golden/translit.

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use sorani::translit::{to_arabic, to_ipa, to_latin, Transliterator};

fn arabic_text() -> String {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let shared = std::env::var("SORANI_SHARED_DIR").map(PathBuf::from).unwrap_or_else(|_| root.join("../shared"));
    let mut text = String::new();
    if let Ok(t) = std::fs::read_to_string(shared.join("data/awta-en-ckb/100000_samples_ku.txt")) {
        let cut = t.as_bytes()[..t.len().min(2 << 20)].iter().rposition(|&b| b == b'\n').unwrap_or(t.len());
        return t[..cut].to_string();
    }
    if let Ok(dir) = std::fs::read_dir(shared.join("samples")) {
        let mut paths: Vec<_> = dir.filter_map(Result::ok).map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            if let Ok(t) = std::fs::read_to_string(&p) {
                text.push_str(&t);
            }
        }
    }
    if text.is_empty() {
        eprintln!("translit bench: no samples under {}, using the golden input", shared.display());
        text = std::fs::read_to_string(root.join("tests/golden/translit/arabic.txt")).expect("golden input");
    }
    // Repeat to about 1 MB so one iteration is long enough to time.
    let mut big = String::with_capacity(1 << 20);
    while big.len() < 1 << 20 {
        big.push_str(&text);
        big.push('\n');
    }
    big
}

fn bench(c: &mut Criterion) {
    let arabic = arabic_text();
    let latin = to_latin(&arabic);
    let rules = Transliterator::new().with_lexicon(false);
    let mut g = c.benchmark_group("translit");
    g.throughput(Throughput::Bytes(arabic.len() as u64));
    g.bench_function("to_latin", |b| b.iter(|| to_latin(&arabic)));
    // Each pass in a new thread, whose memo of words read starts empty: the
    // figure for text read once (the warm one above is for a long stream,
    // whose frequent words are remembered).
    g.bench_function("to_latin_cold", |b| {
        b.iter(|| std::thread::scope(|s| s.spawn(|| to_latin(&arabic)).join().expect("no panic")))
    });
    g.bench_function("to_latin_rules_only", |b| b.iter(|| rules.to_latin(&arabic)));
    g.bench_function("to_ipa", |b| b.iter(|| to_ipa(&arabic)));
    g.throughput(Throughput::Bytes(latin.len() as u64));
    g.bench_function("to_arabic", |b| b.iter(|| to_arabic(&latin)));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
