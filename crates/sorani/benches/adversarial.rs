//! Throughput on hostile input: long runs that no real text has but crawls,
//! pasted data and clients can send, each of which once took time growing
//! with the square of its length somewhere in the toolkit. A figure far
//! below the others' megabytes per second is a regression to look at.
//! The inputs are built here (no data needed). Run:
//! `cargo bench -p sorani --bench adversarial`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

/// Eight letters, to spell a round number in.
const LETTERS: [char; 8] = ['ب', 'پ', 'ت', 'ج', 'چ', 'د', 'ر', 'ز'];

/// About `bytes` bytes of `unit` repeated.
fn repeated(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len() + 1)
}

/// A case: its name, its input, and what is measured on it.
type Case = (&'static str, String, Box<dyn Fn(&str) -> usize>);

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("adversarial");
    group.sample_size(10);
    let cases: Vec<Case> = vec![
        // one 30,000-letter "word": the speller's split search (a new word
        // each time, as the speller remembers the corrections of a word)
        ("spell_one_long_run", repeated("ماڵ", 60_000), {
            let speller = sorani::spell::Speller::embedded();
            let round = std::cell::Cell::new(0u32);
            Box::new(move |s| {
                round.set(round.get() + 1);
                let tail: String =
                    format!("{:o}", round.get()).chars().map(|d| LETTERS[d as usize - '0' as usize]).collect();
                speller.check(&format!("{s}{tail}")).len()
            })
        }),
        // numbers glued to words in one token: the URL test of each digit
        ("verbalize_glued_digits", repeated("ماڵ1a،", 100_000), Box::new(|s| sorani::number::verbalize(s).len())),
        // a token of many colons: the URL test of each colon
        ("to_arabic_colons", repeated("12:", 100_000), Box::new(|s| sorani::translit::to_arabic(s).len())),
        // a run of e-mail-address characters without @
        ("tokenize_address_run", repeated("8+a.", 100_000), Box::new(|s| sorani::tokenize::tokenize(s).count())),
        // a legacy-font line of 5,000 words, each placed on its letters
        ("place_restored_words", repeated("سالَی٩ ", 100_000), {
            Box::new(|s| {
                let replacement = s.replace("لَ", "ڵ");
                let mut placement = sorani::restore::Placement::new(s, &replacement);
                sorani::morph::words(&replacement).map(|(at, w)| placement.written_span(at, at + w.len()).1).sum()
            })
        }),
    ];
    for (name, text, f) in &cases {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(*name, |b| b.iter(|| f(text)));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
