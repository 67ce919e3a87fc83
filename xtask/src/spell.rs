//! `cargo xtask eval-spell`: scores the spell checker on development sets it
//! builds from `../shared/data/`.
//!
//! No real misspelling/correction pairs are present in the shared data (the
//! two real Sorani spelling test sets are held out), so the development sets
//! are made by corrupting clean sentences with a noise process of our own:
//!
//! - **learner-like**: 12% of the words corrupted; keyboard confusions,
//!   dropped and doubled vowels, similar letters, swaps, random edits, and
//!   some merged and split words;
//! - **news-like**: 3% of the words corrupted, 40% of them merged with the next
//!   word (as in real news text), 15% split, the rest single-word errors.
//!
//! The noise process draws its edits independently of the speller's weights
//! (uniform random positions, random letters for "random edit"), so it
//! rewards a good error model without being that model. The clean sentences
//! come from the news half of `interdialect-parallel` (CC BY-NC-SA, used only
//! for evaluation); nothing of them is embedded.
//!
//! Scores: detection precision/recall/F1 over word units (a unit is a clean
//! word, or an error: one corrupted word, a merge of two, a split of one);
//! correct-first and top-5 over all error units; what `fix` makes of the
//! sentences (errors corrected, miscorrected, clean words changed). Then
//! the same errors as word lists, the form of the real sets: each non-word
//! error is an entry to flag and its correction an entry to accept (see
//! `score_word_list`).

use std::collections::HashMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context};
use sorani::restore::Restorer;
use sorani::spell::{Correction, Severity, Speller};

use crate::shared::shared_dir;

const USAGE: &str =
    "cargo xtask eval-spell [--shared DIR] [--lexicon TSV] [--sentences N] [--write-dev DIR] [--verbose]
  --lexicon TSV    word<TAB>count lexicon to use instead of the embedded one
  --dev-lexicon    build a development lexicon from the shared corpora (never the evaluation text)
  --sentences N    sentences per development set (default 3000)
  --write-dev DIR  also write the development sets as TSV (for bench/spell.sh)
  --set NAME=VALUE override one SpellOptions weight (repeatable)
  --real-word-count N  word lists leave out errors that spell a word the lexicon
                   counts N or more (default 20: attested by two sources)
  --list TSV       also score this word list (shown<TAB>gold<TAB>class rows, as
                   --write-dev writes them)
  --text PATH      clean text to corrupt, relative to the shared data folder
                   (default interdialect-parallel/CKB-KMR/CKB-KMR_ckb_no_tag.txt)";

/// A small deterministic generator (xorshift64*): the development sets are
/// the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }
}

fn is_word_char(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06D5}' | '\u{200C}')
}

fn is_pure_word(t: &str) -> bool {
    t.chars().count() >= 2 && t.chars().all(is_word_char)
}

/// Light clean-up shared by lexicon and evaluation text (Arabic kaf and yeh to
/// their Kurdish forms), so that the test measures spelling, not code points.
fn tidy(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'ك' => 'ک',
            'ي' | 'ى' => 'ی',
            'ة' => 'ە',
            'ھ' => 'ه',
            c => c,
        })
        .collect()
}

/// Error classes of the noise process.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Class {
    Keyboard,
    DroppedVowel,
    Doubled,
    Similar,
    Swap,
    Random,
    Merge,
    Split,
}

impl Class {
    fn name(self) -> &'static str {
        match self {
            Class::Keyboard => "keyboard confusion",
            Class::DroppedVowel => "dropped vowel",
            Class::Doubled => "doubled letter",
            Class::Similar => "similar letter",
            Class::Swap => "transposition",
            Class::Random => "random edit",
            Class::Merge => "merged words",
            Class::Split => "split word",
        }
    }

    fn from_name(name: &str) -> Option<Class> {
        use Class::*;
        [Keyboard, DroppedVowel, Doubled, Similar, Swap, Random, Merge, Split].into_iter().find(|c| c.name() == name)
    }
}

/// Keyboard confusions as people make them (intended → typed).
const KEYBOARD: &[(char, char)] = &[
    ('ێ', 'ی'),
    ('ۆ', 'و'),
    ('ڵ', 'ل'),
    ('ڕ', 'ر'),
    ('ە', 'ه'),
    ('ی', 'ێ'),
    ('و', 'ۆ'),
    ('ل', 'ڵ'),
    ('ر', 'ڕ'),
    ('ک', 'ك'),
    ('ی', 'ي'),
    ('ە', 'ة'),
    ('گ', 'ک'),
    ('پ', 'ب'),
    ('چ', 'ج'),
    ('ژ', 'ز'),
    ('ڤ', 'ف'),
];
const SIMILAR: &[(char, char)] = &[
    ('س', 'ص'),
    ('ت', 'ط'),
    ('ز', 'ذ'),
    ('ز', 'ض'),
    ('ه', 'ح'),
    ('ق', 'غ'),
    ('غ', 'ق'),
    ('خ', 'غ'),
    ('ئ', 'ع'),
    ('ا', 'ئ'),
    ('ە', 'ێ'),
    ('ێ', 'ە'),
    ('د', 'ت'),
    ('ن', 'م'),
];
const VOWELS: &[char] = &['ە', 'ی', 'و', 'ێ', 'ۆ', 'ا'];
const LETTERS: &[char] = &[
    'ئ', 'ا', 'ب', 'پ', 'ت', 'ج', 'چ', 'ح', 'خ', 'د', 'ر', 'ڕ', 'ز', 'ژ', 'س', 'ش', 'ع', 'غ', 'ف', 'ڤ', 'ق', 'ک', 'گ',
    'ل', 'ڵ', 'م', 'ن', 'ه', 'ە', 'و', 'ۆ', 'ی', 'ێ',
];

/// Corrupts one word with an error of `class`; `None` when the word offers no
/// place for that error.
fn corrupt(word: &str, class: Class, rng: &mut Rng) -> Option<String> {
    let mut chars: Vec<char> = word.chars().filter(|&c| c != '\u{200C}').collect();
    let n = chars.len();
    match class {
        Class::Keyboard | Class::Similar => {
            let table = if class == Class::Keyboard { KEYBOARD } else { SIMILAR };
            let spots: Vec<(usize, char)> = chars
                .iter()
                .enumerate()
                .flat_map(|(i, &c)| table.iter().filter(move |(from, _)| *from == c).map(move |&(_, to)| (i, to)))
                .collect();
            if spots.is_empty() {
                return None;
            }
            let (i, to) = spots[rng.below(spots.len())];
            chars[i] = to;
        }
        Class::DroppedVowel => {
            let spots: Vec<usize> = (1..n).filter(|&i| VOWELS.contains(&chars[i])).collect();
            if spots.is_empty() {
                return None;
            }
            chars.remove(spots[rng.below(spots.len())]);
        }
        Class::Doubled => {
            let i = rng.below(n);
            let c = chars[i];
            chars.insert(i, c);
        }
        Class::Swap => {
            if n < 3 {
                return None;
            }
            let i = rng.below(n - 1);
            if chars[i] == chars[i + 1] {
                return None;
            }
            chars.swap(i, i + 1);
        }
        Class::Random => {
            let c = LETTERS[rng.below(LETTERS.len())];
            match rng.below(3) {
                0 => chars.insert(rng.below(n + 1), c),
                1 if n > 2 => {
                    chars.remove(rng.below(n));
                }
                _ => chars[rng.below(n)] = c,
            }
        }
        Class::Merge | Class::Split => unreachable!("handled over words"),
    }
    let out: String = chars.into_iter().collect();
    (out != word && !out.is_empty()).then_some(out)
}

/// One unit of a corrupted sentence.
#[derive(Debug, Clone)]
struct Unit {
    /// The clean text (one word, or two words for a merge).
    gold: String,
    /// What the sentence shows.
    shown: String,
    class: Option<Class>,
}

struct DevSet {
    name: &'static str,
    sentences: Vec<Vec<Unit>>,
}

fn pick_class(weights: &[(Class, u32)], rng: &mut Rng) -> Class {
    let total: u32 = weights.iter().map(|w| w.1).sum();
    let mut x = rng.below(total as usize) as u32;
    for &(class, w) in weights {
        if x < w {
            return class;
        }
        x -= w;
    }
    weights[0].0
}

fn build_set(name: &'static str, lines: &[String], rate: f64, weights: &[(Class, u32)], seed: u64) -> DevSet {
    let mut rng = Rng(seed);
    let mut sentences = Vec::new();
    for line in lines {
        let tokens: Vec<&str> = line.split_whitespace().collect();
        let mut units = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let t = tokens[i];
            if is_pure_word(t) && rng.chance(rate) {
                let class = pick_class(weights, &mut rng);
                match class {
                    Class::Merge => {
                        if let Some(&next) = tokens.get(i + 1).filter(|n| is_pure_word(n)) {
                            units.push(Unit {
                                gold: format!("{t} {next}"),
                                shown: format!("{t}{next}"),
                                class: Some(class),
                            });
                            i += 2;
                            continue;
                        }
                    }
                    Class::Split => {
                        let chars: Vec<char> = t.chars().collect();
                        if chars.len() >= 4 {
                            let at = 2 + rng.below(chars.len() - 3);
                            let (a, b): (String, String) = (chars[..at].iter().collect(), chars[at..].iter().collect());
                            units.push(Unit { gold: t.to_string(), shown: format!("{a} {b}"), class: Some(class) });
                            i += 1;
                            continue;
                        }
                    }
                    _ => {
                        if let Some(bad) = corrupt(t, class, &mut rng) {
                            units.push(Unit { gold: t.to_string(), shown: bad, class: Some(class) });
                            i += 1;
                            continue;
                        }
                    }
                }
            }
            units.push(Unit { gold: t.to_string(), shown: t.to_string(), class: None });
            i += 1;
        }
        sentences.push(units);
    }
    DevSet { name, sentences }
}

#[derive(Default, Debug, Clone, Copy)]
struct Tally {
    tp: u64,
    fp: u64,
    fn_: u64,
    errors: u64,
    first: u64,
    top5: u64,
}

impl Tally {
    /// Prints the share of errors whose correction came first and in the top 5.
    fn print_ranking(&self) {
        let e = self.errors.max(1) as f64;
        println!(
            "correct first: {:.1}%   in top 5: {:.1}%",
            100.0 * self.first as f64 / e,
            100.0 * self.top5 as f64 / e
        );
    }

    fn f1(&self) -> (f64, f64, f64) {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        (p, r, f)
    }
}

struct Scored {
    /// counting every finding as a detection
    any: Tally,
    /// counting only error-severity findings
    errors_only: Tally,
    per_class: HashMap<Class, (u64, u64, u64, u64)>, // (n, detected, first, top5)
    words: u64,
    seconds: f64,
    fixes: FixTally,
}

/// What `fix` did to a set: errors it corrected to the clean text, errors
/// it changed to something else, and clean words it changed.
#[derive(Default)]
struct FixTally {
    corrected: u64,
    miscorrected: u64,
    clean_changed: u64,
    clean: u64,
}

impl FixTally {
    /// The tally in words, against the set's `errors`.
    fn summary(&self, errors: u64) -> String {
        format!(
            "corrected {:.1}% of errors, miscorrected {}, changed {} of {} clean words ({:.2}%)",
            100.0 * self.corrected as f64 / errors.max(1) as f64,
            self.miscorrected,
            self.clean_changed,
            self.clean,
            100.0 * self.clean_changed as f64 / self.clean.max(1) as f64
        )
    }
}

/// The text of a sentence as shown, one space between units, and each unit's span.
fn shown_text(units: &[Unit]) -> (String, Vec<(usize, usize)>) {
    let mut text = String::new();
    let mut spans = Vec::with_capacity(units.len());
    for u in units {
        if !text.is_empty() {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(&u.shown);
        spans.push((start, text.len()));
    }
    (text, spans)
}

/// What `sorani spell` makes of `set` written one sentence a line, as it
/// reads a file (lines typed on another keyboard judged as restored, in the
/// light of the lines around): each sentence's corrections, with spans into
/// the sentence.
fn judged_as_file(speller: &Speller, set: &DevSet) -> Vec<Vec<Correction>> {
    let texts: Vec<String> = set.sentences.iter().map(|units| shown_text(units).0).collect();
    let mut starts = Vec::with_capacity(texts.len());
    let mut file = String::new();
    for t in &texts {
        starts.push(file.len());
        file.push_str(t);
        file.push('\n');
    }
    let mut out: Vec<Vec<Correction>> = vec![Vec::new(); texts.len()];
    for mut c in speller.fix_explained_as_restored(&file, &Restorer::new()) {
        let line = starts.partition_point(|&s| s <= c.finding.start) - 1;
        c.finding.start -= starts[line];
        c.finding.end -= starts[line];
        out[line].push(c);
    }
    out
}

/// Scores `set`: each sentence checked alone, as written (timed), or, with
/// `judged`, as [`judged_as_file`] judged it.
fn score(speller: &Speller, set: &DevSet, verbose: bool, judged: Option<&[Vec<Correction>]>) -> Scored {
    let mut any = Tally::default();
    let mut errors_only = Tally::default();
    let mut per_class: HashMap<Class, (u64, u64, u64, u64)> = HashMap::new();
    let mut words = 0u64;
    let mut elapsed = 0f64;
    let mut fixes = FixTally::default();
    // the speed is that of text not checked before
    speller.forget_corrections();
    for (i, units) in set.sentences.iter().enumerate() {
        // the sentence as shown, with each unit's span
        let (text, spans) = shown_text(units);
        words += units.iter().map(|u| u.shown.split(' ').count() as u64).sum::<u64>();
        let findings = match judged {
            None => {
                let t0 = Instant::now();
                let findings = speller.check(&text);
                elapsed += t0.elapsed().as_secs_f64();
                // (checked again: the timed check stays the check alone)
                tally_fixes(&speller.fix_explained(&text), units, &spans, &mut fixes);
                findings
            }
            Some(judged) => {
                tally_fixes(&judged[i], units, &spans, &mut fixes);
                judged[i].iter().map(|c| c.finding.clone()).collect()
            }
        };
        for (k, u) in units.iter().enumerate() {
            let (us, ue) = spans[k];
            let hits: Vec<_> = findings.iter().filter(|f| f.start < ue && f.end > us).collect();
            // a finding that covers an error and a clean neighbour (a join)
            // is one detection of the error, not also a false alarm
            let on_error = |f: &&sorani::spell::Finding| {
                units.iter().zip(&spans).any(|(v, &(vs, ve))| v.class.is_some() && f.start < ve && f.end > vs)
            };
            let counted: Vec<_> =
                if u.class.is_some() { hits.clone() } else { hits.iter().copied().filter(|f| !on_error(f)).collect() };
            let flagged_any = !counted.is_empty();
            let flagged_err = counted.iter().any(|f| f.severity == Severity::Error);
            for (tally, flagged) in [(&mut any, flagged_any), (&mut errors_only, flagged_err)] {
                match (u.class.is_some(), flagged) {
                    (true, true) => tally.tp += 1,
                    (true, false) => tally.fn_ += 1,
                    (false, true) => tally.fp += 1,
                    _ => {}
                }
            }
            if let Some(class) = u.class {
                let e = per_class.entry(class).or_default();
                e.0 += 1;
                any.errors += 1;
                errors_only.errors += 1;
                if flagged_any {
                    e.1 += 1;
                }
                // the gold text of the finding's span, if it sits on unit boundaries
                let mut rank = None;
                if let Some(f) = hits.first() {
                    let first = spans.iter().position(|s| s.0 == f.start);
                    let last = spans.iter().position(|s| s.1 == f.end);
                    if let (Some(a), Some(b)) = (first, last) {
                        let gold: Vec<&str> = units[a..=b].iter().map(|u| u.gold.as_str()).collect();
                        let gold = gold.join(" ");
                        rank = f.suggestions.iter().position(|s| s.word == gold);
                    }
                    if verbose && rank != Some(0) {
                        let sug: Vec<&str> = f.suggestions.iter().take(3).map(|s| s.word.as_str()).collect();
                        eprintln!("{:>16} | {} → {} | got {:?}", class.name(), f.word, u.gold, sug);
                    }
                } else if verbose {
                    eprintln!("{:>16} | MISSED {} → {}", class.name(), u.shown, u.gold);
                }
                if rank == Some(0) {
                    e.2 += 1;
                    any.first += 1;
                }
                if rank.is_some_and(|r| r < 5) {
                    e.3 += 1;
                    any.top5 += 1;
                }
            } else if verbose && flagged_err {
                let f = counted[0];
                let sug: Vec<&str> = f.suggestions.iter().take(3).map(|s| s.word.as_str()).collect();
                eprintln!("{:>16} | {} | got {:?}", "FALSE ALARM", f.word, sug);
            }
        }
    }
    errors_only.first = any.first;
    errors_only.top5 = any.top5;
    Scored { any, errors_only, per_class, words, seconds: elapsed, fixes }
}

/// Adds what `fix` does to one sentence (made of `units` at `spans`), whose
/// `corrections` are given, to `tally`.
fn tally_fixes(corrections: &[Correction], units: &[Unit], spans: &[(usize, usize)], tally: &mut FixTally) {
    tally.clean += units.iter().filter(|u| u.class.is_none()).count() as u64;
    for c in corrections.iter().filter(|c| c.applied) {
        let f = &c.finding;
        let hit: Vec<usize> = (0..units.len()).filter(|&k| f.start < spans[k].1 && f.end > spans[k].0).collect();
        if !hit.iter().any(|&k| units[k].class.is_some()) {
            tally.clean_changed += hit.len() as u64;
            continue;
        }
        // corrected: the finding sits on unit boundaries and its replacement is their clean text
        let aligned =
            hit.first().is_some_and(|&a| spans[a].0 == f.start) && hit.last().is_some_and(|&b| spans[b].1 == f.end);
        let gold: Vec<&str> = hit.iter().map(|&k| units[k].gold.as_str()).collect();
        if aligned && f.suggestions[0].word == gold.join(" ") {
            tally.corrected += hit.iter().filter(|&&k| units[k].class.is_some()).count() as u64;
        } else {
            tally.miscorrected += 1;
        }
    }
}

/// Scores of the word-list test: every error of a set as one entry (as
/// `sorani spell --words` reads it), and its correction as another entry
/// that must be accepted. Like the real sets, only non-word errors count:
/// an error that produced a word the lexicon counts at least
/// `real_word_count` is a real-word error and is left out (20: a word two
/// independent sources attest, as the lexicon's counts are mostly
/// attestations; 100: a frequent word).
struct WordListScore {
    tally: Tally,
    per_class: HashMap<Class, (u64, u64, u64, u64)>,
    entries: u64,
    seconds: f64,
}

/// The (shown, gold, class) pairs of a set's word list, without repeats.
fn word_list(set: &DevSet, real_word_count: u64) -> Vec<(&str, &str, Class)> {
    let lexicon = sorani::lexicon::Lexicon::embedded();
    let mut seen = std::collections::HashSet::new();
    let mut pairs = Vec::new();
    for u in set.sentences.iter().flatten() {
        let Some(class) = u.class else { continue };
        if !u.shown.contains(' ') && lexicon.frequency_exact(&u.shown) >= real_word_count {
            continue;
        }
        if seen.insert((u.shown.as_str(), u.gold.as_str())) {
            pairs.push((u.shown.as_str(), u.gold.as_str(), class));
        }
    }
    pairs
}

fn score_word_list(speller: &Speller, name: &str, pairs: &[(&str, &str, Class)], verbose: bool) -> WordListScore {
    let mut tally = Tally::default();
    let mut per_class: HashMap<Class, (u64, u64, u64, u64)> = HashMap::new();
    if verbose {
        eprintln!("==== {name} word list");
    }
    // the speed is that of entries not checked before (the running-text
    // sets hold the same misspellings)
    speller.forget_corrections();
    let t0 = Instant::now();
    for &(shown, gold, class) in pairs {
        let e = per_class.entry(class).or_default();
        e.0 += 1;
        tally.errors += 1;
        match speller.check_entry(shown) {
            Some(suggestions) => {
                tally.tp += 1;
                e.1 += 1;
                let rank = suggestions.iter().position(|s| s.word == gold);
                if rank == Some(0) {
                    tally.first += 1;
                    e.2 += 1;
                }
                if rank.is_some_and(|r| r < 5) {
                    tally.top5 += 1;
                    e.3 += 1;
                }
                if verbose && rank != Some(0) {
                    let top: Vec<&str> = suggestions.iter().take(3).map(|s| s.word.as_str()).collect();
                    eprintln!("{:>16} | {shown} → {gold} | got {top:?}", class.name());
                }
            }
            None => {
                tally.fn_ += 1;
                if verbose {
                    eprintln!("{:>16} | LIST MISSED {shown} → {gold}", class.name());
                }
            }
        }
        if let Some(suggestions) = speller.check_entry(gold) {
            tally.fp += 1;
            if verbose {
                let top: Vec<&str> = suggestions.iter().take(3).map(|s| s.word.as_str()).collect();
                eprintln!("{:>16} | {gold} | got {top:?}", "FALSE ALARM");
            }
        }
    }
    WordListScore { tally, per_class, entries: 2 * pairs.len() as u64, seconds: t0.elapsed().as_secs_f64() }
}

fn print_classes(per_class: &HashMap<Class, (u64, u64, u64, u64)>) {
    let mut classes: Vec<_> = per_class.iter().collect();
    classes.sort();
    println!("{:>20} {:>6} {:>9} {:>8} {:>8}", "class", "n", "detected", "first", "top5");
    for (class, (n, d, f1, t5)) in classes {
        let n_ = (*n).max(1) as f64;
        println!(
            "{:>20} {:>6} {:>8.1}% {:>7.1}% {:>7.1}%",
            class.name(),
            n,
            100.0 * *d as f64 / n_,
            100.0 * *f1 as f64 / n_,
            100.0 * *t5 as f64 / n_
        );
    }
}

fn read_lines(path: &Path) -> anyhow::Result<Vec<String>> {
    let text = fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(text.lines().map(tidy).filter(|l| !l.trim().is_empty()).collect())
}

/// A development lexicon counted from shared corpora that are NOT the
/// evaluation text (for use before/without the embedded lexicon).
pub fn dev_lexicon(shared: &Path) -> anyhow::Result<Vec<(String, u64)>> {
    let mut counts: HashMap<String, u64> = HashMap::new();
    let mut add_text = |text: &str| {
        for token in text.split_whitespace() {
            let word: String = token.trim_matches(|c: char| !is_word_char(c)).to_string();
            if is_pure_word(&word) || word == "و" {
                *counts.entry(word).or_default() += 1;
            }
        }
    };
    let awta = shared.join("awta-en-ckb/100000_samples_ku.txt");
    add_text(&tidy(&fs::read_to_string(&awta).with_context(|| format!("cannot read {}", awta.display()))?));
    let mut stack = vec![shared.join("ktc-textbooks")];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "txt") {
                add_text(&tidy(&String::from_utf8_lossy(&fs::read(&path)?)));
            }
        }
    }
    // the frequency>=10 word list: each type at least 10 times
    let list = shared.join("kurdish-hunspell/ALL_ckb_frequency_10_cleaned_sorted.txt");
    if let Ok(text) = fs::read_to_string(&list) {
        for w in text.lines().map(tidy) {
            if is_pure_word(&w) {
                let c = counts.entry(w).or_default();
                *c = (*c).max(10);
            }
        }
    }
    Ok(counts.into_iter().collect())
}

fn load_tsv(path: &Path) -> anyhow::Result<Vec<(String, u64)>> {
    let text = fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut out = Vec::new();
    for line in text.lines() {
        let mut parts = line.split('\t');
        let (Some(w), Some(c)) = (parts.next(), parts.next()) else { continue };
        out.push((w.to_string(), c.trim().parse().unwrap_or(1)));
    }
    Ok(out)
}

fn write_dev(dir: &Path, set: &DevSet, real_word_count: u64) -> anyhow::Result<()> {
    fs::create_dir_all(dir)?;
    let mut list = fs::File::create(dir.join(format!("{}-list.tsv", set.name)))?;
    writeln!(list, "shown\tgold\tclass")?;
    for (shown, gold, class) in word_list(set, real_word_count) {
        writeln!(list, "{shown}\t{gold}\t{}", class.name())?;
    }
    let mut out = fs::File::create(dir.join(format!("{}.tsv", set.name)))?;
    writeln!(out, "sentence\tunit\tshown\tgold\tclass")?;
    for (s, units) in set.sentences.iter().enumerate() {
        for (k, u) in units.iter().enumerate() {
            writeln!(out, "{s}\t{k}\t{}\t{}\t{}", u.shown, u.gold, u.class.map_or("ok", |c| c.name()))?;
        }
    }
    Ok(())
}

fn arg_value<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).map(String::as_str)
}

/// `cargo xtask spell-verdicts`: judges every word of the embedded lexicon
/// with the embedded analyzer and default options, and writes the verdicts
/// that `Speller::new` starts from (`crates/sorani/data/spell/verdicts.bin`).
/// Rerun after changing the lexicon, the morphology data or the speller's
/// rules; the test `shipped_verdicts_are_the_judges` fails until then.
pub fn verdicts(args: &[String]) -> anyhow::Result<()> {
    let threads = match args.iter().position(|a| a == "--threads") {
        Some(at) => {
            args.get(at + 1).context("--threads needs a number")?.parse().context("--threads needs a number")?
        }
        None => std::thread::available_parallelism().map_or(1, usize::from),
    };
    let lexicon = sorani::lexicon::Lexicon::embedded();
    let speller = Speller::new_unprimed(lexicon);
    speller.warm_up();
    let start = Instant::now();
    let bytes = speller.lexicon_verdicts(lexicon, threads);
    let path = crate::shared::data_dir().join("spell").join("verdicts.bin");
    fs::create_dir_all(path.parent().expect("a data folder"))?;
    fs::write(&path, &bytes).with_context(|| format!("cannot write {}", path.display()))?;
    eprintln!(
        "judged {} words on {threads} threads in {:.1} s; wrote {} ({} bytes)",
        speller.len(),
        start.elapsed().as_secs_f64(),
        path.display(),
        bytes.len()
    );
    Ok(())
}

pub fn eval(args: &[String]) -> anyhow::Result<()> {
    if args.iter().any(|a| a == "--help" || a == "-h") {
        println!("{USAGE}");
        return Ok(());
    }
    let shared = data_root(&shared_dir(args));
    let news = match arg_value(args, "--text") {
        Some(rel) => shared.join(rel),
        None => shared.join("interdialect-parallel/CKB-KMR/CKB-KMR_ckb_no_tag.txt"),
    };
    if !news.exists() {
        println!("eval-spell: skipped: {} is absent (set --shared DIR or SORANI_SHARED_DIR)", news.display());
        return Ok(());
    }
    let n: usize = arg_value(args, "--sentences").map(str::parse).transpose()?.unwrap_or(3000);
    let verbose = args.iter().any(|a| a == "--verbose");
    let t0 = Instant::now();
    let options = parse_options(args)?;
    let builder = || {
        sorani::spell::SpellerBuilder::new()
            .options(options.clone())
            .morphology(|w| sorani::morph::Analyzer::embedded().spelling_support(w))
            .names(|w| sorani::morph::Analyzer::embedded().is_proper_name(w))
    };
    let speller = if let Some(path) = arg_value(args, "--lexicon") {
        builder().build(load_tsv(Path::new(path))?)
    } else if args.iter().any(|a| a == "--dev-lexicon") {
        builder().build(dev_lexicon(&shared)?)
    } else {
        builder().build_from_lexicon(sorani::lexicon::Lexicon::embedded())
    };
    speller.warm_up();
    println!("speller: {} words, built in {:.2}s", speller.len(), t0.elapsed().as_secs_f64());

    let lines = read_lines(&news)?;
    if lines.len() < 2 * n {
        bail!("{} has {} lines, fewer than 2 x {n}", news.display(), lines.len());
    }
    // two disjoint halves: even lines for learner-like, odd for news-like
    let learner_lines: Vec<String> = lines.iter().step_by(2).take(n).cloned().collect();
    let news_lines: Vec<String> = lines.iter().skip(1).step_by(2).take(n).cloned().collect();
    use Class::*;
    let learner = build_set(
        "learner",
        &learner_lines,
        0.12,
        &[
            (Keyboard, 30),
            (DroppedVowel, 18),
            (Doubled, 10),
            (Similar, 10),
            (Swap, 8),
            (Random, 12),
            (Merge, 6),
            (Split, 6),
        ],
        0x5eed_0001,
    );
    let newsy = build_set(
        "news",
        &news_lines,
        0.03,
        &[
            (Merge, 40),
            (Split, 15),
            (Keyboard, 12),
            (DroppedVowel, 8),
            (Doubled, 5),
            (Similar, 5),
            (Swap, 5),
            (Random, 10),
        ],
        0x5eed_0002,
    );
    let real_word_count: u64 = arg_value(args, "--real-word-count").map(str::parse).transpose()?.unwrap_or(20);
    if let Some(dir) = arg_value(args, "--write-dev") {
        for set in [&learner, &newsy] {
            write_dev(&PathBuf::from(dir), set, real_word_count)?;
        }
        println!("wrote {dir}/learner.tsv, news.tsv and their word lists learner-list.tsv, news-list.tsv");
    }
    for set in [&learner, &newsy] {
        let s = score(&speller, set, verbose, None);
        let (p, r, f) = s.errors_only.f1();
        let (pa, ra, fa) = s.any.f1();
        println!(
            "\n== {} set: {} sentences, {} words, {} errors",
            set.name,
            set.sentences.len(),
            s.words,
            s.any.errors
        );
        println!("detection (errors only):      P {p:.3}  R {r:.3}  F1 {f:.3}");
        println!("detection (errors+warnings):  P {pa:.3}  R {ra:.3}  F1 {fa:.3}");
        s.any.print_ranking();
        println!("fix: {}", s.fixes.summary(s.any.errors));
        println!("check speed (with suggestions for findings): {:.0} words/s", s.words as f64 / s.seconds.max(1e-9));
        print_classes(&s.per_class);
        // the same set as `sorani spell` reads it from a file
        let judged = judged_as_file(&speller, set);
        let f = score(&speller, set, false, Some(&judged));
        let (p, r, f1) = f.errors_only.f1();
        println!(
            "as `sorani spell` reads the set, a sentence a line (lines typed on another keyboard judged as restored):"
        );
        println!("  detection (errors only):    P {p:.3}  R {r:.3}  F1 {f1:.3}");
        print!("  ");
        f.any.print_ranking();
        println!("  fix: {}", f.fixes.summary(f.any.errors));
    }
    // the sets' own lists borrow from the sets; one read from a file, from `extra`
    let extra =
        arg_value(args, "--list").map(|path| read_list(Path::new(path)).map(|rows| (path, rows))).transpose()?;
    let mut lists: Vec<(String, Vec<Pair>)> = [&learner, &newsy]
        .iter()
        .map(|set| {
            let title =
                format!("{} word list: non-word errors (not a word the lexicon counts {real_word_count}+)", set.name);
            (title, word_list(set, real_word_count))
        })
        .collect();
    if let Some((path, rows)) = &extra {
        lists.push((format!("{path}:"), rows.iter().map(|(s, g, c)| (s.as_str(), g.as_str(), *c)).collect()));
    }
    for (title, pairs) in &lists {
        let w = score_word_list(&speller, title, pairs, verbose);
        let (p, r, f) = w.tally.f1();
        println!(
            "\n== {title} {} errors and their corrections, one entry each (as `sorani spell --words`)",
            w.tally.errors
        );
        println!("detection:  P {p:.3}  R {r:.3}  F1 {f:.3}");
        w.tally.print_ranking();
        println!("speed (verdict and suggestions): {:.0} entries/s", w.entries as f64 / w.seconds.max(1e-9));
        print_classes(&w.per_class);
    }
    Ok(())
}

/// A word list row: the shown text, its correction, the error class.
type ListRow = (String, String, Class);

/// [`ListRow`], borrowed (what scoring reads).
type Pair<'a> = (&'a str, &'a str, Class);

/// A word list as `--write-dev` writes it: `shown<TAB>gold<TAB>class` rows
/// under a header.
fn read_list(path: &Path) -> anyhow::Result<Vec<ListRow>> {
    let text = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut pairs = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let fields: Vec<&str> = line.split('\t').collect();
        if n == 0 && fields.first() == Some(&"shown") {
            continue;
        }
        let [shown, gold, class] = fields[..] else {
            bail!("{}:{}: expected shown<TAB>gold<TAB>class", path.display(), n + 1);
        };
        let class =
            Class::from_name(class).with_context(|| format!("{}:{}: unknown class {class}", path.display(), n + 1))?;
        pairs.push((shown.to_string(), gold.to_string(), class));
    }
    Ok(pairs)
}

/// `DIR/data` when it exists (the shared folder), else `DIR` itself.
fn data_root(dir: &Path) -> PathBuf {
    let data = dir.join("data");
    if data.is_dir() {
        data
    } else {
        dir.to_path_buf()
    }
}

/// `--set NAME=VALUE` (repeatable) overrides one of the speller's weights,
/// for exploring the trade-offs without rebuilding.
fn parse_options(args: &[String]) -> anyhow::Result<sorani::spell::SpellOptions> {
    let mut o = sorani::spell::SpellOptions::default();
    for (i, a) in args.iter().enumerate() {
        if a != "--set" {
            continue;
        }
        let Some((name, value)) = args.get(i + 1).and_then(|v| v.split_once('=')) else {
            bail!("--set needs NAME=VALUE");
        };
        let f: f32 = value.parse().with_context(|| format!("--set {name}: not a number"))?;
        match name {
            "trusted_count" => o.trusted_count = f as u64,
            "min_accept_count" => o.min_accept_count = f as u64,
            "min_suggest_count" => o.min_suggest_count = f as u64,
            "unanalyzed_penalty" => o.unanalyzed_penalty = f,
            "edit_weight" => o.edit_weight = f,
            "missing_space_cost" => o.missing_space_cost = f,
            "extra_space_cost" => o.extra_space_cost = f,
            "unknown_count" => o.unknown_count = f,
            "analyzed_count" => o.analyzed_count = f,
            "merged_ratio" => o.merged_ratio = f,
            "stem_search_above" => o.stem_search_above = f,
            "ending_penalty" => o.ending_penalty = f,
            "analyzed_margin" => o.analyzed_margin = f,
            "pair_bonus" => o.pair_bonus = f,
            "trusted_fragment_cost" => o.trusted_fragment_cost = f,
            other => bail!("--set: unknown option {other}"),
        }
    }
    Ok(o)
}
