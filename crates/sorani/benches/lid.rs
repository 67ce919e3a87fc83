//! Throughput of language identification: `cargo bench -p sorani --bench lid`.
//!
//! Inputs are the kurdish-lid lines of `../shared/data` (or
//! `$SORANI_SHARED_DIR/data`) when present, else a built-in paragraph.

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use sorani::lid::Identifier;

const FALLBACK: &str = "ئەمڕۆ لە شارەکەمان بارانێکی زۆر باری و خەڵک لە ماڵەوە مانەوە. \
Ev nivîsek kurt e ji bo ceribandinê. امروز هوا بارانی بود و مردم در خانه ماندند.";

fn lines() -> Vec<String> {
    let dir = std::env::var_os("SORANI_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"))
        .join("data/kurdish-lid");
    let mut out = Vec::new();
    for name in [
        "CentralKurdish-arab_train.txt",
        "NorthernKurdish-latn_train.txt",
        "Persian-arab_train.txt",
        "Arabic-arab_train.txt",
    ] {
        if let Ok(text) = std::fs::read_to_string(dir.join(name)) {
            out.extend(text.lines().take(500).map(str::to_string));
        }
    }
    if out.is_empty() {
        eprintln!("lid bench: {} absent, using a built-in paragraph", dir.display());
        out = (0..200).map(|_| FALLBACK.to_string()).collect();
    }
    out
}

fn bench(c: &mut Criterion) {
    let identifier = Identifier::embedded();
    let lines = lines();
    let bytes: usize = lines.iter().map(String::len).sum();
    let document = lines.join("\n");
    let mut group = c.benchmark_group("lid");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("identify_lines", |b| {
        b.iter(|| lines.iter().map(|line| identifier.identify(line).confidence).sum::<f32>())
    });
    group.bench_function("identify_document", |b| b.iter(|| identifier.identify(&document).confidence));
    group.sample_size(10);
    group.bench_function("segments_document", |b| b.iter(|| identifier.segments(&document).len()));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
