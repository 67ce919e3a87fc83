//! Throughput of `sorani::number` on running news text.
//!
//! The text is built at run time from the Sorani news sentences in
//! `../shared/data` (`$SORANI_SHARED_DIR` first); when that folder is absent a
//! small paragraph written for this bench is repeated instead, and a message
//! says so. Run: `cargo bench -p sorani --bench number`.

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use sorani::number::{verbalize, words_to_digits};

const FALLBACK: &str = "لە ٢١ - ٠٢ - ٢٠٢٢ سەرۆکی وڵات گوتارێکی پێشکەش کرد و ١٣ کەس بریندار بوون.\n\
ئەم ڕاپۆرتە باس لە بارودۆخی ئابووری هەرێم دەکات و هیچ ژمارەیەکی تێدا نییە.\n\
نرخی نەوت گەیشتە $85.4 و ڕێژەی بێکاری لەسەدا ١٢ بوو.\n\
کۆبوونەوەکە کاتژمێر ١٠:٣٠ پ.ن دەست پێدەکات و تا نیوەڕۆ بەردەوام دەبێت.\n";

fn shared_dir() -> PathBuf {
    std::env::var_os("SORANI_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"))
}

/// About 8 MB of news text: the Sorani side of the interdialect news corpus
/// and the news posts, repeated.
fn news_text() -> String {
    let dir = shared_dir().join("data");
    let mut text = String::new();
    for rel in
        ["interdialect-parallel/CKB-KMR/CKB-KMR_ckb_no_tag.txt", "interdialect-parallel/CKB-ENG/CKB-ENG.CKB_no_tag.txt"]
    {
        if let Ok(t) = std::fs::read_to_string(dir.join(rel)) {
            text.push_str(&t);
        }
    }
    if text.is_empty() {
        eprintln!("number bench: {} not found; using a built-in paragraph instead of news text", dir.display());
        text.push_str(FALLBACK);
    }
    let base = text.clone();
    while text.len() < 8 << 20 {
        text.push_str(&base);
    }
    text
}

fn bench(c: &mut Criterion) {
    let text = news_text();
    let lines: Vec<&str> = text.lines().collect();
    let mut group = c.benchmark_group("number");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group
        .bench_function("verbalize_news_lines", |b| b.iter(|| lines.iter().map(|l| verbalize(l).len()).sum::<usize>()));
    group.bench_function("verbalize_news_whole", |b| b.iter(|| verbalize(&text).len()));
    let spoken: Vec<String> = lines.iter().take(20_000).map(|l| verbalize(l).into_owned()).collect();
    let spoken_bytes: usize = spoken.iter().map(String::len).sum();
    group.throughput(Throughput::Bytes(spoken_bytes as u64));
    group.bench_function("words_to_digits_news", |b| {
        b.iter(|| spoken.iter().map(|l| words_to_digits(l).len()).sum::<usize>())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
