//! Speed of the spell checker: the verdict on every word of running text
//! (warm, and cold: text the speller has not seen), checking running text
//! with suggestions for what it finds (words/s), and ranking suggestions for
//! misspelt words (words/s), single thread.
//!
//! Text: `interdialect-parallel` news from `$SORANI_SHARED_DIR` or
//! `../shared/data` (relative to the repository); without it, a short text
//! of our own repeated. Misspellings are made from the text's words by
//! deterministic keyboard confusions and dropped letters.
//!
//! Run: `cargo bench -p sorani --bench spell`

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use sorani::spell::Speller;

fn shared_text() -> Option<String> {
    let mut roots = Vec::new();
    if let Some(dir) = std::env::var_os("SORANI_SHARED_DIR") {
        roots.push(PathBuf::from(&dir).join("data"));
        roots.push(PathBuf::from(dir));
    }
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    roots.push(repo.join("../shared/data"));
    for root in roots {
        let path = root.join("interdialect-parallel/CKB-KMR/CKB-KMR_ckb_no_tag.txt");
        if let Ok(text) = std::fs::read_to_string(&path) {
            return Some(text.lines().take(4000).collect::<Vec<_>>().join("\n"));
        }
    }
    None
}

fn text() -> String {
    shared_text().unwrap_or_else(|| {
        eprintln!("spell bench: shared data absent; using a short built-in text");
        "ئەمڕۆ سەرۆکی کۆمار لەگەڵ خەڵکی شارەکە کۆبووەوە و باسی کێشەکانی ئاو و کارەبای کرد.\n".repeat(2000)
    })
}

/// Misspells a word: its first ە, ێ, ۆ, ڵ or ڕ by the keyboard confusion,
/// else drops its second letter.
fn misspell(word: &str) -> String {
    let mut out = String::new();
    let mut done = false;
    for (i, c) in word.chars().enumerate() {
        let typed = match c {
            'ە' if !done => Some('ه'),
            'ێ' if !done => Some('ی'),
            'ۆ' if !done => Some('و'),
            'ڵ' if !done => Some('ل'),
            'ڕ' if !done => Some('ر'),
            _ => None,
        };
        match typed {
            Some(t) => {
                out.push(t);
                done = true;
            }
            None if i == 1 && !done && word.chars().count() > 4 => done = true,
            None => out.push(c),
        }
    }
    out
}

/// Time of `iters` runs of `pass`, each started without the corrections
/// the speller remembers from the runs before.
fn passes_anew(speller: &Speller, iters: u64, pass: impl Fn()) -> std::time::Duration {
    (0..iters)
        .map(|_| {
            speller.forget_corrections();
            let start = std::time::Instant::now();
            pass();
            start.elapsed()
        })
        .sum()
}

fn bench(c: &mut Criterion) {
    let speller = Speller::embedded();
    speller.warm_up();
    let text = text();
    let lines: Vec<&str> = text.lines().collect();
    // a first pass outside the timing: rare words are judged once and remembered
    for line in &lines {
        black_box(speller.check(line));
    }
    let words = text.split_whitespace().count() as u64;
    let mut group = c.benchmark_group("spell");
    group.sample_size(10);
    // the verdict alone (correct or not) on every token of the text, as a
    // filter over a corpus uses it
    let tokens: Vec<&str> = text.split_whitespace().collect();
    group.throughput(Throughput::Elements(tokens.len() as u64));
    group.bench_function("is_correct", |b| b.iter(|| tokens.iter().filter(|w| speller.is_correct(w)).count()));
    // The same on text the speller has not seen: a new speller (its
    // suggestion index built beforehand) in a new thread, so that neither
    // its verdicts nor the analyzer's per-thread memo are warm. Its lexicon
    // words start from the shipped verdicts; words the lexicon lacks are
    // judged on first sight, which searches for a likelier correction.
    group.bench_function("is_correct_cold", |b| {
        b.iter_custom(|iters| {
            (0..iters)
                .map(|_| {
                    std::thread::scope(|s| {
                        s.spawn(|| {
                            let fresh = Speller::new(sorani::lexicon::Lexicon::embedded());
                            fresh.warm_up();
                            let start = std::time::Instant::now();
                            black_box(tokens.iter().filter(|w| fresh.is_correct(w)).count());
                            start.elapsed()
                        })
                        .join()
                        .expect("bench thread")
                    })
                })
                .sum()
        })
    });
    group.throughput(Throughput::Elements(words));
    // Findings' corrections are remembered per word; each timed pass starts
    // without them (as on new text), finding its own repeats.
    group.bench_function("check_text", |b| {
        b.iter_custom(|iters| {
            passes_anew(speller, iters, || {
                for line in &lines {
                    black_box(speller.check(line));
                }
            })
        })
    });
    // The same text judged line by line as `sorani spell` judges a file
    // (`check_as_restored`): as typed, where every line is standard, the
    // cost over `check_text` is restoration's screen; retyped on a legacy
    // keyboard (ە as ه, ک as ك), every line is restored and then checked.
    let restorer = sorani::restore::Restorer::new();
    group.bench_function("check_as_restored_standard", |b| {
        b.iter_custom(|iters| {
            passes_anew(speller, iters, || drop(black_box(speller.check_as_restored(&text, &restorer))))
        })
    });
    let legacy: String = text
        .chars()
        .map(|c| match c {
            'ە' => 'ه',
            'ک' => 'ك',
            c => c,
        })
        .collect();
    group.bench_function("check_as_restored_legacy", |b| {
        b.iter_custom(|iters| {
            passes_anew(speller, iters, || drop(black_box(speller.check_as_restored(&legacy, &restorer))))
        })
    });
    // distinct misspellings, each pass without remembered corrections: the
    // cost of ranking suggestions for a word not met before
    let mut distinct = std::collections::HashSet::new();
    let wrong: Vec<String> = text
        .split_whitespace()
        .filter(|w| w.chars().count() >= 3 && w.chars().all(|c| ('\u{0620}'..='\u{06FF}').contains(&c)))
        .map(misspell)
        .filter(|w| !speller.is_correct(w) && distinct.insert(w.clone()))
        .take(2000)
        .collect();
    group.throughput(Throughput::Elements(wrong.len() as u64));
    group.bench_function("suggest_misspelt", |b| {
        b.iter_custom(|iters| {
            passes_anew(speller, iters, || {
                for w in &wrong {
                    black_box(speller.suggest(w));
                }
            })
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
