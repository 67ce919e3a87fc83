//! Criterion benchmarks of the foundation on real Sorani text:
//! `cargo bench -p sorani --bench foundation`.
//!
//! Text comes from `../shared/data` (or `$SORANI_SHARED_DIR`): the awta-en-ckb
//! Sorani side (standard text) and the raw ktc-textbooks chapters (legacy
//! letters). Without it the benchmarks run on the shipped example text and
//! say so.
//!
//! Times are the benchmarking thread's on-CPU time (from
//! `/proc/thread-self/schedstat`, falling back to wall-clock time elsewhere),
//! so that figures stay meaningful on a loaded machine. Set
//! `SORANI_BENCH_WALL=1` to measure wall-clock time instead.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::measurement::{Measurement, ValueFormatter, WallTime};
use criterion::{criterion_main, Criterion, Throughput};
use sorani::normalize::{NormalizeOptions, Normalizer};

/// On-CPU time of the current thread, in nanoseconds.
struct CpuTime;

static WALL: WallTime = WallTime;

fn thread_cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

impl Measurement for CpuTime {
    type Intermediate = (Option<u64>, std::time::Instant);
    type Value = f64;
    fn start(&self) -> Self::Intermediate {
        (thread_cpu_ns(), std::time::Instant::now())
    }
    fn end(&self, (cpu, wall): Self::Intermediate) -> f64 {
        match (cpu, thread_cpu_ns()) {
            (Some(a), Some(b)) => (b - a) as f64,
            _ => wall.elapsed().as_nanos() as f64,
        }
    }
    fn add(&self, a: &f64, b: &f64) -> f64 {
        a + b
    }
    fn zero(&self) -> f64 {
        0.0
    }
    fn to_f64(&self, v: &f64) -> f64 {
        *v
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        WALL.formatter()
    }
}

fn shared_dir() -> PathBuf {
    std::env::var_os("SORANI_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"))
}

/// About `limit` bytes of real text, cut at a line end.
fn load(paths: &[PathBuf], limit: usize) -> Option<String> {
    let mut text = String::new();
    for path in paths {
        let Ok(chunk) = std::fs::read_to_string(path) else { continue };
        text.push_str(&chunk);
        if text.len() >= limit {
            break;
        }
    }
    if text.is_empty() {
        return None;
    }
    let cut = text.as_bytes()[..limit.min(text.len())].iter().rposition(|&b| b == b'\n').unwrap_or(text.len() - 1);
    text.truncate(cut + 1);
    Some(text)
}

fn texts() -> (String, String) {
    let shared = shared_dir().join("data");
    let awta = load(&[shared.join("awta-en-ckb/100000_samples_ku.txt")], 4 << 20);
    let mut ktc_files = Vec::new();
    if let Ok(dirs) = std::fs::read_dir(shared.join("ktc-textbooks")) {
        for dir in dirs.flatten() {
            if let Ok(files) = std::fs::read_dir(dir.path()) {
                ktc_files
                    .extend(files.flatten().map(|f| f.path()).filter(|p| p.extension().is_some_and(|e| e == "txt")));
            }
        }
    }
    ktc_files.sort();
    let ktc = load(&ktc_files, 4 << 20);
    match (awta, ktc) {
        (Some(a), Some(k)) => (sorani::normalize(&a).into_owned(), k),
        _ => {
            eprintln!("note: ../shared/data not found; benchmarking on examples/legacy-news.txt repeated");
            let example = include_str!("../../../examples/legacy-news.txt").repeat(2000);
            (sorani::normalize(&example).into_owned(), example)
        }
    }
}

fn bench<M: Measurement>(c: &mut Criterion<M>) {
    let (clean, legacy) = texts();
    let standard = Normalizer::new(NormalizeOptions::standard());
    let search = Normalizer::new(NormalizeOptions::search());
    let lines_clean: Vec<&str> = clean.lines().collect();
    let lines_legacy: Vec<&str> = legacy.lines().collect();

    let mut g = c.benchmark_group("normalize");
    g.throughput(Throughput::Bytes(clean.len() as u64));
    g.bench_function("standard/clean-text", |b| b.iter(|| black_box(standard.normalize(black_box(&clean))).len()));
    g.bench_function("standard/clean-lines", |b| {
        b.iter(|| lines_clean.iter().map(|l| standard.normalize(black_box(l)).len()).sum::<usize>())
    });
    g.throughput(Throughput::Bytes(legacy.len() as u64));
    g.bench_function("standard/legacy-lines", |b| {
        let mut out = String::with_capacity(1 << 16);
        b.iter(|| {
            let mut n = 0;
            for l in &lines_legacy {
                out.clear();
                standard.normalize_into(black_box(l), &mut out);
                n += out.len();
            }
            n
        })
    });
    g.bench_function("search/legacy-lines", |b| {
        b.iter(|| lines_legacy.iter().map(|l| search.normalize(black_box(l)).len()).sum::<usize>())
    });
    g.finish();

    // Restoring clean text a batch at a time (what `sorani normalize` runs:
    // the screen, then detection where it is unsure), beside line by line.
    let restorer = sorani::restore::Restorer::new();
    let mut g = c.benchmark_group("restore");
    g.throughput(Throughput::Bytes(clean.len() as u64));
    g.bench_function("restore-lines/clean-text", |b| b.iter(|| restorer.restore_lines(black_box(&clean)).len()));
    g.bench_function("restore/clean-lines", |b| {
        b.iter(|| lines_clean.iter().map(|l| restorer.restore(black_box(l)).len()).sum::<usize>())
    });
    g.finish();

    let mut g = c.benchmark_group("tokenize");
    g.throughput(Throughput::Bytes(clean.len() as u64));
    g.bench_function("clean-text", |b| b.iter(|| sorani::tokenize::tokenize(black_box(&clean)).count()));
    g.finish();

    let mut g = c.benchmark_group("sentences");
    g.throughput(Throughput::Bytes(clean.len() as u64));
    g.bench_function("clean-text", |b| b.iter(|| sorani::sentence::sentence_spans(black_box(&clean)).count()));
    g.finish();
}

fn config<M: Measurement>(c: Criterion<M>) -> Criterion<M> {
    c.sample_size(10)
        .measurement_time(std::time::Duration::from_secs(3))
        .warm_up_time(std::time::Duration::from_secs(1))
}

fn benches() {
    if std::env::var_os("SORANI_BENCH_WALL").is_some() {
        let mut c = config(Criterion::default()).configure_from_args();
        bench(&mut c);
    } else {
        let mut c = config(Criterion::default().with_measurement(CpuTime)).configure_from_args();
        bench(&mut c);
    }
}

criterion_main!(benches);
