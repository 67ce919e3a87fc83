//! `cargo xtask lid-train` and `cargo xtask eval-lid`: the language
//! identifier's training and evaluation.
//!
//! Data: `kurdish-lid/*_train.txt` (MIT, KurdishLID, one sentence per line;
//! the label is the file name). Every line goes to one split by a hash of its
//! text (so duplicates share a split, and the split does not depend on file
//! order): 80% train, 10% calibration, 10% test. Training never sees the
//! calibration or test lines; calibration is fitted on the calibration lines
//! only; every figure of `eval-lid` is on test lines.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use anyhow::{bail, Context};
use sorani::lid::features::{for_each_bucket, Script};
use sorani::lid::model::{Model, LANES};
use sorani::lid::{label_index, Identifier, Options};

use crate::shared::{data_dir, shared_dir};

/// Source files and their labels.
const FILES: &[(&str, &str)] = &[
    ("CentralKurdish-arab_train.txt", "ckb-Arab"),
    ("CentralKurdish-latn_train.txt", "ckb-Latn"),
    ("NorthernKurdish-arab_train.txt", "kmr-Arab"),
    ("NorthernKurdish-latn_train.txt", "kmr-Latn"),
    ("SouthernKurdish-arab_train.txt", "sdh-Arab"),
    ("Gorani-arab_train.txt", "hac-Arab"),
    ("Zazaki-latn_train.txt", "zza-Latn"),
    ("Zazaki-latn-wiki_train.txt", "zza-Latn"),
    ("Persian-arab_train.txt", "fas-Arab"),
    ("Arabic-arab_train.txt", "arb-Arab"),
    ("Turkish-latn_train.txt", "tur-Latn"),
];

/// The labels trained, in model order. The last class is Central Kurdish as
/// typed on Persian and Arabic keyboards (the augmented copies of the
/// ckb-Arab training lines): a class of its own, so that the confused
/// spellings do not dilute the clean ones, reported as `ckb-Arab`.
const MODEL_LABELS: &[&str] = &[
    "ckb-Arab", "ckb-Latn", "kmr-Arab", "kmr-Latn", "sdh-Arab", "hac-Arab", "zza-Latn", "fas-Arab", "arb-Arab",
    "tur-Latn", "ckb-Arab",
];
/// The keyboard-typed Central Kurdish class.
const CKB_KEYBOARD: usize = 10;
/// Classes that have source files (all but the keyboard class).
const SOURCE_CLASSES: usize = 10;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Split {
    Train,
    Calibration,
    Test,
}

struct Example {
    text: String,
    /// Index into MODEL_LABELS.
    class: usize,
}

struct Data {
    train: Vec<Example>,
    calibration: Vec<Example>,
    test: Vec<Example>,
}

fn fnv1a(text: &str) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325u64;
    for &byte in text.as_bytes() {
        hash ^= byte as u64;
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

fn split_of(text: &str) -> Split {
    match fnv1a(text) % 10 {
        0 => Split::Test,
        1 => Split::Calibration,
        _ => Split::Train,
    }
}

fn load(shared: &Path) -> anyhow::Result<Data> {
    let dir = shared.join("data").join("kurdish-lid");
    if !dir.is_dir() {
        bail!("{} not found (give --shared DIR or set SORANI_SHARED_DIR)", dir.display());
    }
    let mut data = Data { train: Vec::new(), calibration: Vec::new(), test: Vec::new() };
    for (file, label) in FILES {
        let path = dir.join(file);
        let text = fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
        let class = MODEL_LABELS.iter().position(|l| l == label).expect("a model label");
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            let example = Example { text: line.to_string(), class };
            match split_of(line) {
                Split::Train => data.train.push(example),
                Split::Calibration => data.calibration.push(example),
                Split::Test => data.test.push(example),
            }
        }
    }
    Ok(data)
}

/// Extra Central Kurdish training text: pseudo-sentences of word types drawn
/// from the kurdish-hunspell frequency list (CC BY-SA 4.0; words seen at
/// least 10 times in a large corpus, correctly spaced). The kurdish-lid
/// ckb-Arab lines often lost the space after a word-final `ە`, so their word
/// statistics differ from real text; these lines supply real word shapes.
fn hunspell_lines(shared: &Path, lines: usize, share: usize) -> anyhow::Result<Vec<Example>> {
    let path = shared.join("data").join("kurdish-hunspell").join("ALL_ckb_frequency_10_cleaned_sorted.txt");
    let text = fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
    let words: Vec<&str> = text.lines().map(str::trim).filter(|w| !w.is_empty() && w.chars().count() <= 12).collect();
    let mut rng = Rng(2024);
    let mut out = Vec::with_capacity(lines);
    for _ in 0..lines {
        let n = 6 + rng.below(10);
        // Real Sorani runs on function words (about two tokens in five):
        // mix the toolkit's own stopword list in at that rate.
        let stopwords = sorani::morph::stopwords();
        let line: Vec<&str> = (0..n)
            .map(|_| {
                if rng.below(100) < share {
                    stopwords[rng.below(stopwords.len())]
                } else {
                    words[rng.below(words.len())]
                }
            })
            .collect();
        out.push(Example { text: line.join(" "), class: 0 });
    }
    Ok(out)
}

/// A deterministic generator (splitmix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// How Central Kurdish looks when typed on another keyboard.
#[derive(Clone, Copy, Debug)]
pub enum Keyboard {
    /// Persian keyboard: ە→ه, ێ→ی, ۆ→و, ڵ→ل, ڕ→ر, ڤ→ف.
    Persian,
    /// Arabic keyboard: as Persian, and ک→ك, ی→ي, ێ→ي.
    Arabic,
    /// Legacy typing of ە as HEH + ZWNJ, with the Persian-keyboard letters.
    LegacyZwnj,
    /// Each confusion applied or not, chosen by `seed`.
    Partial(u64),
    /// A Kurdish keyboard, but ر typed for ڕ (common in news text).
    PlainReh,
}

/// Rewrites Central Kurdish `text` as typed on `keyboard`.
pub fn confuse(text: &str, keyboard: Keyboard) -> String {
    let mask: u64 = match keyboard {
        Keyboard::Partial(seed) => seed | 1,
        Keyboard::PlainReh => 1 << 4,
        _ => u64::MAX,
    };
    let on = |bit: u32| mask >> bit & 1 == 1;
    let arabic = matches!(keyboard, Keyboard::Arabic);
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            'ە' if on(0) => {
                out.push('ه');
                if matches!(keyboard, Keyboard::LegacyZwnj) {
                    out.push('\u{200C}');
                }
            }
            'ێ' if on(1) => out.push(if arabic { 'ي' } else { 'ی' }),
            'ۆ' if on(2) => out.push('و'),
            'ڵ' if on(3) => out.push('ل'),
            'ڕ' if on(4) => out.push('ر'),
            'ڤ' if on(5) => out.push('ف'),
            'ک' if arabic => out.push('ك'),
            'ی' if arabic => out.push('ي'),
            _ => out.push(c),
        }
    }
    out
}

const KEYBOARDS: [Keyboard; 3] = [Keyboard::Persian, Keyboard::Arabic, Keyboard::LegacyZwnj];

/// Rewrites Latin-script `text` as typed without the letters beyond ASCII,
/// as many write Kurdish (and Turkish) on phones and English keyboards:
/// ê î û → e i u, ł ř ḧ ẍ → l r h x, ğ ı ö ü → g i o u, and ş ç → s c, or
/// with `digraphs` the English sh ch.
fn plain_latin(text: &str, digraphs: bool) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        let (lower, upper) = match c.to_lowercase().next().unwrap_or(c) {
            'ş' if digraphs => ("sh", "Sh"),
            'ç' if digraphs => ("ch", "Ch"),
            'ê' | 'é' => ("e", "E"),
            'î' | 'í' | 'ı' => ("i", "I"),
            'û' | 'ú' | 'ü' => ("u", "U"),
            'ş' => ("s", "S"),
            'ç' => ("c", "C"),
            'ł' | 'ĺ' => ("l", "L"),
            'ř' | 'ŕ' => ("r", "R"),
            'ḧ' => ("h", "H"),
            'ẍ' => ("x", "X"),
            'ğ' => ("g", "G"),
            'ö' => ("o", "O"),
            _ => {
                // the dotted capital I of Turkish
                out.push(if c == 'İ' { 'I' } else { c });
                continue;
            }
        };
        out.push_str(if c.is_uppercase() { upper } else { lower });
    }
    out
}

struct TrainConfig {
    bits: u32,
    alpha: f64,
    clip: f64,
    epochs: usize,
    rate: f32,
}

/// A Latin-script training line as typed without its letters beyond ASCII
/// ([`plain_latin`]; sh ch for ş ç in one line of two, by its hash), when
/// that changes it.
fn plain_copy(example: &Example) -> Option<String> {
    if script_of_label(MODEL_LABELS[example.class]) != Script::Latn {
        return None;
    }
    let plain = plain_latin(&example.text, fnv1a(&example.text) % 2 == 1);
    (plain != example.text).then_some(plain)
}

/// The keyboard a training line's augmented copy is typed on, by its hash.
fn keyboard_for(text: &str) -> Keyboard {
    let seed = fnv1a(text);
    match seed % 5 {
        0 => Keyboard::Persian,
        1 => Keyboard::Arabic,
        2 => Keyboard::LegacyZwnj,
        3 => Keyboard::PlainReh,
        _ => Keyboard::Partial(seed >> 8),
    }
}

/// Discriminative refinement of the naive Bayes weights: softmax regression
/// by plain SGD over the training lines, their keyboard-typed copies and
/// 1-5-word chunks cut from them (so that short inputs are learned too).
fn refine(weights: &mut [f32], data: &Data, config: &TrainConfig) {
    let count = MODEL_LABELS.len();
    let mut rng = Rng(7);
    let mut examples: Vec<(Vec<u32>, usize)> = Vec::new();
    let mut push = |text: &str, class: usize| {
        let mut buckets = Vec::new();
        for_each_bucket(text, config.bits, |b| buckets.push(b as u32));
        if !buckets.is_empty() {
            examples.push((buckets, class));
        }
    };
    for example in &data.train {
        push(&example.text, example.class);
        let words: Vec<&str> = example.text.split_whitespace().collect();
        for _ in 0..2 {
            let n = 1 + rng.below(5);
            if words.len() >= n {
                let start = rng.below(words.len() - n + 1);
                let chunk = words[start..start + n].join(" ");
                push(&chunk, example.class);
                if example.class == 0 {
                    push(&confuse(&chunk, keyboard_for(&chunk)), CKB_KEYBOARD);
                }
            }
        }
        if example.class == 0 {
            push(&confuse(&example.text, keyboard_for(&example.text)), CKB_KEYBOARD);
        }
    }
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut scores = vec![0.0f32; count];
    for epoch in 0..config.epochs {
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        let rate = config.rate / (1.0 + epoch as f32);
        let mut loss = 0.0f64;
        for &i in &order {
            let (buckets, class) = &examples[i];
            scores.iter_mut().for_each(|s| *s = 0.0);
            for &b in buckets {
                let row = &weights[b as usize * count..(b as usize + 1) * count];
                for c in 0..count {
                    scores[c] += row[c];
                }
            }
            // Scores of long inputs are large sums: the softmax saturates and
            // only near-misses move the weights.
            let best = scores.iter().copied().fold(f32::NEG_INFINITY, f32::max);
            let mut total = 0.0f32;
            for s in scores.iter_mut() {
                *s = (*s - best).exp();
                total += *s;
            }
            // The keyboard class and the clean class are one label: either is right.
            let target_mass =
                if *class == 0 || *class == CKB_KEYBOARD { scores[0] + scores[CKB_KEYBOARD] } else { scores[*class] };
            loss -= ((target_mass / total).max(1e-9) as f64).ln();
            let mut gradient = [0.0f32; 16];
            for c in 0..count {
                let p = scores[c] / total;
                gradient[c] = p - if c == *class { 1.0 } else { 0.0 };
            }
            if gradient[*class] > -1e-4 {
                continue;
            }
            for &b in buckets {
                let row = &mut weights[b as usize * count..(b as usize + 1) * count];
                for c in 0..count {
                    row[c] -= rate * gradient[c];
                }
            }
        }
        eprintln!(
            "refine epoch {}: mean loss {:.4} over {} examples",
            epoch + 1,
            loss / examples.len() as f64,
            examples.len()
        );
    }
}

fn train(data: &Data, config: &TrainConfig) -> Model {
    let count = MODEL_LABELS.len();
    let buckets = 1usize << config.bits;
    let mut counts = vec![0u32; buckets * count];
    let mut totals = vec![0u64; count];
    let ckb = 0;
    let mut add = |text: &str, class: usize| {
        for_each_bucket(text, config.bits, |b| {
            counts[b * count + class] += 1;
            totals[class] += 1;
        });
    };
    for example in &data.train {
        add(&example.text, example.class);
        if example.class == ckb {
            // Keyboard augmentation: one confused copy per line.
            let keyboard = keyboard_for(&example.text);
            add(&confuse(&example.text, keyboard), CKB_KEYBOARD);
        }
        // Latin typed without its letters beyond ASCII, in the counts only
        // (in the refinement too, the Arabic-script labels lost more: see
        // docs/lid.md).
        if let Some(plain) = plain_copy(example) {
            add(&plain, example.class);
        }
    }
    let denominators: Vec<f64> = totals.iter().map(|&t| (t as f64 + config.alpha * buckets as f64).ln()).collect();
    let mut weights = vec![0.0f32; buckets * count];
    for b in 0..buckets {
        for c in 0..count {
            weights[b * count + c] = ((counts[b * count + c] as f64 + config.alpha).ln() - denominators[c]) as f32;
        }
    }
    if config.epochs > 0 {
        refine(&mut weights, data, config);
    }
    let scale = (127.0 / config.clip) as f32;
    let mut table = vec![[0i8; LANES]; buckets];
    for (b, row) in table.iter_mut().enumerate() {
        let logp = &weights[b * count..(b + 1) * count];
        let best = logp.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        for c in 0..count {
            let w = (logp[c] - best).max(-config.clip as f32);
            row[c] = (w * scale).round().clamp(-127.0, 0.0) as i8;
        }
    }
    let labels = MODEL_LABELS.iter().map(|l| label_index(l).expect("a known label")).collect();
    Model { bits: config.bits, labels, scale, temperature: 1.0, length_exponent: 0.0, bias: vec![0.0; count], table }
}

/// The first `max` lines of the posts' `text` column in `path` (CSV) with
/// an Arabic-script letter and 3 to 40 words.
fn news_post_lines(path: &Path, max: usize) -> anyhow::Result<Vec<String>> {
    let mut reader = csv::Reader::from_path(path)?;
    let column = reader.headers()?.iter().position(|h| h == "text").context("no `text` column")?;
    let mut lines = Vec::new();
    for record in reader.records() {
        let record = record?;
        for line in record.get(column).unwrap_or("").lines().map(str::trim) {
            let words = line.split_whitespace().count();
            if (3..=40).contains(&words) && line.chars().any(sorani::chars::in_arabic_block) {
                lines.push(line.to_string());
                if lines.len() == max {
                    return Ok(lines);
                }
            }
        }
    }
    Ok(lines)
}

/// Chunks of `words` consecutive words cut from `text` (at most `max`).
fn chunks(text: &str, words: usize, max: usize) -> Vec<String> {
    let all: Vec<&str> = text.split_whitespace().collect();
    all.chunks_exact(words).take(max).map(|c| c.join(" ")).collect()
}

fn script_of_label(label: &str) -> Script {
    if label.ends_with("Latn") {
        Script::Latn
    } else {
        Script::Arab
    }
}

/// Fits temperature and length exponent on the calibration lines and their
/// 1–5-word chunks by minimizing the negative log-likelihood.
fn calibrate(model: &mut Model, data: &Data) {
    let identifier = Identifier::from_model(model.clone());
    let mut samples = Vec::new();
    for example in &data.calibration {
        let mut texts = vec![example.text.clone()];
        for words in 1..=5 {
            texts.extend(chunks(&example.text, words, 1));
        }
        if example.class == 0 {
            texts.push(confuse(&example.text, KEYBOARDS[fnv1a(&example.text) as usize % 3]));
        }
        for text in texts {
            let evidence = identifier.evidence(&text);
            if evidence.script != Some(script_of_label(MODEL_LABELS[example.class])) {
                continue;
            }
            samples.push((evidence, example.class));
        }
    }
    let options = Options::default();
    let mut best = (f64::INFINITY, 1.0f32, 0.0f32);
    for exponent in [0.0f32, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0] {
        for step in 0..40 {
            let temperature = 0.05f32 * 1.25f32.powi(step);
            let mut trial = model.clone();
            trial.temperature = temperature;
            trial.length_exponent = exponent;
            let id = Identifier::from_model(trial);
            let mut loss = 0.0f64;
            for (evidence, class) in &samples {
                let target = label_index(MODEL_LABELS[*class]).expect("known");
                let p = id.probabilities(evidence, &options).iter().find(|c| c.0 == target).map_or(1e-6, |c| c.1);
                loss -= (p.max(1e-6) as f64).ln();
            }
            if loss < best.0 {
                best = (loss, temperature, exponent);
            }
        }
    }
    model.temperature = best.1;
    model.length_exponent = best.2;
    // Class log-priors: coordinate descent on the same loss, each in [-2, 2].
    let nll = |model: &Model| -> f64 {
        let id = Identifier::from_model(model.clone());
        samples
            .iter()
            .map(|(evidence, class)| {
                let target = label_index(MODEL_LABELS[*class]).expect("known");
                let p = id.probabilities(evidence, &options).iter().find(|c| c.0 == target).map_or(1e-6, |c| c.1);
                -(p.max(1e-6) as f64).ln()
            })
            .sum()
    };
    let mut current = nll(model);
    for _round in 0..2 {
        for class in 0..MODEL_LABELS.len() {
            for step in [-0.5f32, -0.25, 0.25, 0.5, -0.1, 0.1] {
                let mut trial = model.clone();
                trial.bias[class] = (trial.bias[class] + step).clamp(-2.0, 2.0);
                let loss = nll(&trial);
                if loss < current {
                    current = loss;
                    *model = trial;
                }
            }
        }
    }
    eprintln!("calibration: class biases {:?}, mean NLL {:.4}", model.bias, current / samples.len() as f64);
    eprintln!(
        "calibration: temperature {:.3}, length exponent {:.2}, mean NLL {:.4} over {} samples",
        best.1,
        best.2,
        best.0 / samples.len() as f64,
        samples.len()
    );
}

fn flag<T: std::str::FromStr>(args: &[String], name: &str, default: T) -> anyhow::Result<T> {
    match args.iter().position(|a| a == name) {
        Some(pos) => {
            let value = args.get(pos + 1).with_context(|| format!("{name} needs a value"))?;
            value.parse().map_err(|_| anyhow::anyhow!("bad value `{value}` for {name}"))
        }
        None => Ok(default),
    }
}

/// `cargo xtask lid-train [--bits N] [--alpha A] [--clip NATS] [--no-write]`
pub fn train_task(args: &[String]) -> anyhow::Result<()> {
    let shared = shared_dir(args);
    let data = load(&shared)?;
    let config = TrainConfig {
        bits: flag(args, "--bits", 16)?,
        alpha: flag(args, "--alpha", 0.05)?,
        clip: flag(args, "--clip", 10.0)?,
        epochs: flag(args, "--epochs", 5)?,
        rate: flag(args, "--rate", 0.05)?,
    };
    eprintln!(
        "lid-train: {} train, {} calibration, {} test lines; {} buckets, alpha {}, clip {} nats",
        data.train.len(),
        data.calibration.len(),
        data.test.len(),
        1usize << config.bits,
        config.alpha,
        config.clip
    );
    let mut data = data;
    let extra: usize = flag(args, "--hunspell-lines", 5000)?;
    let stopword_share: usize = flag(args, "--stopword-share", 40)?;
    if extra > 0 {
        data.train.extend(hunspell_lines(&shared, extra, stopword_share)?);
    }
    let mut model = train(&data, &config);
    calibrate(&mut model, &data);
    // Deployment prior: this is a Central Kurdish toolkit, whose input is
    // mostly Central Kurdish, and the kurdish-lid ckb-Arab text is news with
    // unusual spacing; a small prior keeps real Sorani from drifting to its
    // neighbours (measured on out-of-domain dev text by `eval-lid`).
    let prior: f32 = flag(args, "--ckb-prior", 0.7)?;
    model.bias[0] += prior;
    model.bias[CKB_KEYBOARD] += prior;
    eprintln!("ckb prior: +{prior} nats");
    let bytes = model.to_bytes();
    if args.iter().any(|a| a == "--no-write") {
        eprintln!("model: {} bytes (not written)", bytes.len());
        let identifier = Identifier::from_model(model);
        if let Some(pos) = args.iter().position(|a| a == "--errors") {
            let label = args.get(pos + 1).map_or("", String::as_str);
            for example in data.test.iter().filter(|e| MODEL_LABELS[e.class] == label) {
                let p = identifier.identify(&example.text);
                if p.label != label {
                    println!(
                        "{} {:.2} {:?} | {}",
                        p.label,
                        p.confidence,
                        p.alternatives.iter().map(|a| a.label).collect::<Vec<_>>(),
                        example.text
                    );
                }
            }
        }
        evaluate(&identifier, &data, &shared);
        return Ok(());
    }
    let dir = data_dir().join("lid");
    fs::create_dir_all(&dir)?;
    let path = dir.join("model.bin");
    fs::write(&path, &bytes).with_context(|| format!("cannot write {}", path.display()))?;
    eprintln!("wrote {} ({} bytes)", path.display(), bytes.len());
    Ok(())
}

/// `cargo xtask eval-lid`: scores the embedded model on the test lines.
pub fn eval_task(args: &[String]) -> anyhow::Result<()> {
    let shared = shared_dir(args);
    let data = load(&shared)?;
    let bytes = fs::read(data_dir().join("lid").join("model.bin"))
        .context("cannot read the model (run `cargo xtask lid-train`)")?;
    println!("model: crates/sorani/data/lid/model.bin, {} bytes", bytes.len());
    evaluate(&Identifier::from_bytes(&bytes)?, &data, &shared);
    Ok(())
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: u32,
    fp: u32,
    fn_: u32,
}

fn f1(c: Counts) -> (f64, f64, f64) {
    let p = if c.tp + c.fp == 0 { 0.0 } else { c.tp as f64 / (c.tp + c.fp) as f64 };
    let r = if c.tp + c.fn_ == 0 { 0.0 } else { c.tp as f64 / (c.tp + c.fn_) as f64 };
    let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    (p, r, f)
}

fn evaluate(identifier: &Identifier, data: &Data, shared: &Path) {
    let options = Options::default();
    // 1. In-domain test lines.
    let mut per: BTreeMap<&str, Counts> =
        MODEL_LABELS[..SOURCE_CLASSES].iter().map(|l| (*l, Counts::default())).collect();
    let mut confusions: BTreeMap<(&str, &str), u32> = BTreeMap::new();
    let mut correct = 0;
    let mut und = 0;
    let mut bins = [(0u32, 0f64, 0u32); 10];
    for example in &data.test {
        let truth = MODEL_LABELS[example.class];
        let p = identifier.identify_with(&example.text, &options);
        let bin = ((p.confidence * 10.0) as usize).min(9);
        bins[bin].0 += 1;
        bins[bin].1 += p.confidence as f64;
        if p.label == truth {
            correct += 1;
            per.get_mut(truth).expect("label").tp += 1;
            bins[bin].2 += 1;
        } else {
            per.get_mut(truth).expect("label").fn_ += 1;
            if let Some(c) = per.get_mut(p.label) {
                c.fp += 1;
            }
            und += (p.label == "und") as u32;
            *confusions.entry((truth, p.label)).or_default() += 1;
        }
    }
    println!("\n== in-domain: {} held-out test lines of kurdish-lid (never trained on)", data.test.len());
    println!("{:<10} {:>9} {:>9} {:>9} {:>6}", "label", "precision", "recall", "F1", "lines");
    let mut macro_f1 = 0.0;
    for (label, c) in &per {
        let (p, r, f) = f1(*c);
        macro_f1 += f;
        println!("{label:<10} {p:>9.4} {r:>9.4} {f:>9.4} {:>6}", c.tp + c.fn_);
    }
    macro_f1 /= per.len() as f64;
    println!(
        "accuracy {:.4}, und {und}, macro-F1 {macro_f1:.4} (target >= 0.995)",
        correct as f64 / data.test.len() as f64
    );
    let mut worst: Vec<_> = confusions.into_iter().collect();
    worst.sort_by(|a, b| b.1.cmp(&a.1));
    let list: Vec<String> = worst.iter().take(8).map(|((t, p), n)| format!("{t}->{p} {n}")).collect();
    println!("top confusions: {}", list.join(", "));
    let ece: f64 = bins.iter().map(|b| if b.0 == 0 { 0.0 } else { (b.1 - b.2 as f64).abs() }).sum::<f64>()
        / data.test.len() as f64;
    println!("expected calibration error (10 bins, test lines): {ece:.4}");

    // 2. Central Kurdish typed on Persian / Arabic keyboards.
    println!("\n== Central Kurdish typed on other keyboards (test ckb-Arab lines rewritten by the confusion model)");
    let ckb: Vec<&Example> = data.test.iter().filter(|e| e.class == 0).collect();
    let mut all = (0, 0);
    for keyboard in KEYBOARDS.iter().copied().chain([Keyboard::Partial(0)]) {
        let mut ok = 0;
        let mut changed = 0;
        for (i, example) in ckb.iter().enumerate() {
            let keyboard = match keyboard {
                Keyboard::Partial(_) => Keyboard::Partial(fnv1a(&example.text) ^ i as u64),
                k => k,
            };
            let text = confuse(&example.text, keyboard);
            changed += (text != example.text) as u32;
            ok += (identifier.identify_with(&text, &options).language == "ckb") as u32;
        }
        all.0 += ok;
        all.1 += ckb.len();
        println!(
            "{:<12} {:>6.2}% ckb ({ok}/{}; {changed} lines changed by the rewrite)",
            format!("{keyboard:?}").split('(').next().unwrap_or(""),
            100.0 * ok as f64 / ckb.len() as f64,
            ckb.len()
        );
    }
    println!("overall      {:>6.2}% recognised as ckb (target >= 95%)", 100.0 * all.0 as f64 / all.1 as f64);
    for (label, class) in [("fas-Arab", 7), ("arb-Arab", 8)] {
        let lines: Vec<&Example> = data.test.iter().filter(|e| e.class == class).collect();
        let wrong = lines.iter().filter(|e| identifier.identify_with(&e.text, &options).language == "ckb").count();
        println!("false alarms: {label} test lines labelled ckb: {wrong}/{}", lines.len());
    }

    // 2b. Latin-script lines typed without their letters beyond ASCII.
    println!("\n== Latin-script test lines typed without ê î û ş ç … (ş ç as s c, or sh ch in every other line)");
    let mut all = (0, 0);
    for class in (0..SOURCE_CLASSES).filter(|&c| script_of_label(MODEL_LABELS[c]) == Script::Latn) {
        let (mut ok, mut n) = (0, 0);
        for (i, example) in data.test.iter().filter(|e| e.class == class).enumerate() {
            let text = plain_latin(&example.text, i % 2 == 1);
            if text != example.text {
                n += 1;
                ok += (identifier.identify_with(&text, &options).label == MODEL_LABELS[class]) as u32;
            }
        }
        all = (all.0 + ok, all.1 + n);
        println!("{:<10} {:>6.2}% ({ok}/{n} changed lines)", MODEL_LABELS[class], 100.0 * ok as f64 / n.max(1) as f64);
    }
    println!("overall    {:>6.2}%", 100.0 * all.0 as f64 / all.1.max(1) as f64);

    // 3. Short inputs.
    println!("\n== 1-5 word inputs cut from test lines (language must match; und counts as wrong)");
    let short_labels = ["ckb-Arab", "ckb-Latn", "kmr-Arab", "kmr-Latn", "fas-Arab", "arb-Arab"];
    let only =
        Options { only: ["ckb", "kmr", "fas", "arb"].iter().map(|s| s.to_string()).collect(), ..Options::default() };
    let forced = Options { threshold: 0.0, ..only.clone() };
    println!("{:<6} {:>10} {:>14} {:>10} {:>8}", "words", "all labels", "ckb/kmr/fas/arb", "same, no und", "inputs");
    let mut totals = (0u32, 0u32, 0u32, 0u32);
    let mut per_label: BTreeMap<&str, (u32, u32)> = BTreeMap::new();
    for words in 1..=5 {
        let (mut ok_all, mut ok_only, mut ok_forced, mut n) = (0u32, 0u32, 0u32, 0u32);
        for example in data.test.iter().filter(|e| short_labels.contains(&MODEL_LABELS[e.class])) {
            let truth = &MODEL_LABELS[example.class][..3];
            for chunk in chunks(&example.text, words, 2) {
                n += 1;
                let a = identifier.identify_with(&chunk, &options).language == truth;
                ok_all += a as u32;
                ok_only += (identifier.identify_with(&chunk, &only).language == truth) as u32;
                ok_forced += (identifier.identify_with(&chunk, &forced).language == truth) as u32;
                let e = per_label.entry(MODEL_LABELS[example.class]).or_default();
                e.0 += a as u32;
                e.1 += 1;
            }
        }
        println!(
            "{words:<6} {:>10.4} {:>14.4} {:>10.4} {n:>8}",
            ok_all as f64 / n as f64,
            ok_only as f64 / n as f64,
            ok_forced as f64 / n as f64
        );
        totals = (totals.0 + ok_all, totals.1 + ok_only, totals.2 + n, totals.3 + ok_forced);
    }
    println!(
        "{:<6} {:>10.4} {:>14.4} {:>10.4} {:>8} (target >= 0.90)",
        "1-5",
        totals.0 as f64 / totals.2 as f64,
        totals.1 as f64 / totals.2 as f64,
        totals.3 as f64 / totals.2 as f64,
        totals.2
    );
    let list: Vec<String> = per_label.iter().map(|(l, (ok, n))| format!("{l} {:.3}", *ok as f64 / *n as f64)).collect();
    println!("by source (all labels): {}", list.join(", "));

    // 4. Segments of synthetic mixed documents.
    println!("\n== segments: synthetic documents of 2-4 test lines from different labels, joined by spaces");
    let mut rng = Rng(42);
    let by_class: Vec<Vec<&Example>> =
        (0..SOURCE_CLASSES).map(|c| data.test.iter().filter(|e| e.class == c).collect()).collect();
    let (mut tokens_ok, mut tokens) = (0usize, 0usize);
    let (mut runs_found, mut runs_true) = (0usize, 0usize);
    for _ in 0..300 {
        let parts = 2 + rng.below(3);
        let mut doc = String::new();
        let mut truth: Vec<(usize, usize, &str)> = Vec::new();
        let mut last = usize::MAX;
        for _ in 0..parts {
            let mut class = rng.below(SOURCE_CLASSES);
            while class == last {
                class = rng.below(SOURCE_CLASSES);
            }
            last = class;
            let example = by_class[class][rng.below(by_class[class].len())];
            if !doc.is_empty() {
                doc.push(' ');
            }
            let start = doc.len();
            doc.push_str(&example.text);
            truth.push((start, doc.len(), MODEL_LABELS[class]));
        }
        runs_true += truth.len();
        let segments = identifier.segments_with(&doc, &options);
        runs_found += segments.len();
        let mut offset = 0;
        for token in doc.split(' ') {
            let start = offset;
            offset += token.len() + 1;
            if token.is_empty() {
                continue;
            }
            let true_label = truth.iter().find(|t| start >= t.0 && start < t.1).map_or("", |t| t.2);
            let found = segments.iter().find(|s| start >= s.start && start < s.end).map_or("", |s| s.prediction.label);
            tokens += 1;
            tokens_ok += (true_label == found) as usize;
        }
    }
    println!(
        "token accuracy {:.4} over {tokens} tokens; {runs_found} segments found for {runs_true} true runs",
        tokens_ok as f64 / tokens as f64
    );

    // 5. Out-of-domain Central Kurdish (evaluation-only corpora; nothing from them is trained on).
    println!("\n== out-of-domain Central Kurdish (evaluation only)");
    for (name, file) in [("awta-en-ckb", "awta-en-ckb/100000_samples_ku.txt")] {
        match fs::read_to_string(shared.join("data").join(file)) {
            Ok(text) => {
                let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).take(2000).collect();
                let ok = lines.iter().filter(|l| identifier.identify(l).language == "ckb").count();
                let mut kb = 0;
                for (i, l) in lines.iter().enumerate() {
                    kb += (identifier.identify(&confuse(l, KEYBOARDS[i % 3])).language == "ckb") as usize;
                }
                println!(
                    "{name}: {ok}/{} lines ckb ({:.2}%); typed on other keyboards: {kb}/{} ({:.2}%)",
                    lines.len(),
                    100.0 * ok as f64 / lines.len() as f64,
                    lines.len(),
                    100.0 * kb as f64 / lines.len() as f64
                );
            }
            Err(_) => println!("{file} absent: skipped"),
        }
    }

    // Social-media news posts: headlines, captions and datelines, often
    // with ر for ڕ and with numbers (evaluation only).
    let posts = shared.join("data").join("fakekurdnews").join("real-5000.csv");
    match news_post_lines(&posts, 3000) {
        Ok(lines) => {
            // (line has a number, line is labelled ckb)
            let read: Vec<(bool, bool)> = lines
                .iter()
                .map(|l| (l.chars().any(|c| c.is_numeric()), identifier.identify(l).language == "ckb"))
                .collect();
            let ok = read.iter().filter(|r| r.1).count();
            let numbered = read.iter().filter(|r| r.0).count();
            let numbered_ok = read.iter().filter(|r| r.0 && r.1).count();
            println!(
                "fakekurdnews real posts: {ok}/{} lines ckb ({:.2}%); lines with a number: {numbered_ok}/{} ({:.2}%)",
                lines.len(),
                100.0 * ok as f64 / lines.len() as f64,
                numbered,
                100.0 * numbered_ok as f64 / numbered.max(1) as f64
            );
        }
        Err(e) => println!("{} not read ({e}): skipped", posts.display()),
    }

    // 6. English heuristic.
    println!("\n== English (heuristic, no training data)");
    let en = shared.join("data").join("awta-en-ckb").join("100000_samples_en.txt");
    match fs::read_to_string(&en) {
        Ok(text) => {
            let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).take(2000).collect();
            let ok = lines.iter().filter(|l| identifier.identify(l).label == "eng-Latn").count();
            println!(
                "awta-en-ckb English side (evaluation only): {ok}/{} lines eng-Latn ({:.2}%)",
                lines.len(),
                100.0 * ok as f64 / lines.len() as f64
            );
        }
        Err(_) => println!("{} absent: English recall not measured", en.display()),
    }
    let latin: Vec<&Example> = data.test.iter().filter(|e| MODEL_LABELS[e.class].ends_with("Latn")).collect();
    let wrong = latin.iter().filter(|e| identifier.identify(&e.text).label == "eng-Latn").count();
    println!("false alarms: Latin-script test lines labelled eng-Latn: {wrong}/{}", latin.len());
}

/// `cargo xtask lid-speed`: single-thread throughput of `identify` over the
/// kurdish-lid lines (best of 7 passes, so that a busy machine disturbs it
/// less; criterion's `cargo bench -p sorani --bench lid` is the reference).
pub fn speed_task(args: &[String]) -> anyhow::Result<()> {
    let shared = shared_dir(args);
    let data = load(&shared)?;
    let identifier = Identifier::embedded();
    let lines: Vec<&str> = data.train.iter().chain(&data.test).map(|e| e.text.as_str()).collect();
    let bytes: usize = lines.iter().map(|l| l.len()).sum();
    let mut best = f64::INFINITY;
    let mut best_cpu = f64::INFINITY;
    let mut sink = 0.0f32;
    for _ in 0..7 {
        let start = std::time::Instant::now();
        let cpu = thread_cpu_seconds();
        for line in &lines {
            sink += identifier.identify(line).confidence;
        }
        best = best.min(start.elapsed().as_secs_f64());
        if let (Some(before), Some(after)) = (cpu, thread_cpu_seconds()) {
            best_cpu = best_cpu.min(after - before);
        }
    }
    println!(
        "identify: {} lines, {:.1} MB: {:.1} MB/s wall, {:.1} MB/s of thread CPU time (best of 7; checksum {sink:.1})",
        lines.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / best,
        bytes as f64 / 1e6 / best_cpu
    );
    Ok(())
}

/// CPU time of the calling thread (Linux `/proc/thread-self/schedstat`).
fn thread_cpu_seconds() -> Option<f64> {
    let text = fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = text.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}
