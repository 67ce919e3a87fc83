//! Language and script identification for Central Kurdish and its neighbours.
//!
//! [`identify`] labels a text (a line, a paragraph, a document) with an
//! ISO 639-3 language and ISO 15924 script, a calibrated confidence and the
//! runner-up labels; [`segments`] splits a mixed document into runs of one
//! language with byte spans.
//!
//! ```
//! let p = sorani::lid::identify("ئەمڕۆ هاوڕێکانم هاتنە ماڵەوە و پێکەوە نانمان خوارد");
//! assert_eq!((p.label, p.language, p.script), ("ckb-Arab", "ckb", "Arab"));
//! assert!(p.confidence > 0.5);
//!
//! let runs = sorani::lid::segments("ئەمڕۆ هاوڕێکانم هاتنە ماڵەوە. Dün akşam eve geç geldim ve hemen uyudum.");
//! assert!(runs.len() >= 2);
//! ```
//!
//! # Labels
//!
//! | label | language |
//! |---|---|
//! | `ckb-Arab`, `ckb-Latn` | Central Kurdish (Sorani) |
//! | `kmr-Arab`, `kmr-Latn` | Northern Kurdish (Kurmanji) |
//! | `sdh-Arab` | Southern Kurdish |
//! | `hac-Arab` | Gorani (Hawrami) |
//! | `zza-Latn` | Zazaki |
//! | `fas-Arab` | Persian |
//! | `arb-Arab` | Arabic |
//! | `tur-Latn` | Turkish |
//! | `eng-Latn` | English (heuristic: see below) |
//! | `urd-Arab`, `snd-Arab`, `kas-Arab`, `pus-Arab`, `uig-Arab` | Urdu, Sindhi, Kashmiri, Pashto, Uyghur (by their letters: see below) |
//! | `und` | undetermined: no letters (URLs, email addresses and @mentions are not read), an unsupported script, or no label confident enough |
//!
//! # How it works
//!
//! A multinomial naive Bayes model over hashed character 1–4-grams (trained
//! by `cargo xtask lid-train` from the MIT-licensed KurdishLID data, with
//! Central Kurdish training text augmented by Persian- and Arabic-keyboard
//! confusions) scores every label in one pass over the text. The dominant
//! script of the letters restricts the candidates (a script prior that makes
//! one-word inputs sensible), and the score differences are turned into
//! probabilities by a softmax whose temperature grows with the input length,
//! fitted on held-out lines. English has no redistributable training text
//! here, so it is recognised by a heuristic: Latin text with only ASCII
//! letters and a high share of English function words. Its confidence is
//! not calibrated. Nor are Urdu, Sindhi, Kashmiri, Pashto and Uyghur's,
//! which have no training text either: each is given when at least one
//! Arabic-script letter in fifty is a letter of its own alphabet that none
//! of the model's languages writes ([`features::ByLetters`]). Gorani's own
//! vowel signs ([`features::GORANI_MARKS`], written by no other language of
//! the model) make Gorani a hundred times likelier.
//!
//! Central Kurdish regional varieties (Sulaimani, Erbil, Mukriyani, Sinei,
//! Garmiyani) are not identified: no labelled dialect data is available to
//! train or evaluate them (see `docs/lid.md`).

pub mod features;
mod labels;
pub mod model;
mod segments;
mod sorani_words;

use std::borrow::Cow;
use std::sync::LazyLock;

use serde::Serialize;

use crate::error::Error;
use crate::tokenize::TokenKind;
use features::{scan, ByLetters, Script};
pub use labels::{label_index, LabelInfo, LABELS};
use model::{Model, LANES};
pub use segments::Segment;

/// Default minimum confidence below which the label is `und`.
pub const DEFAULT_THRESHOLD: f32 = 0.5;

/// Default [`Options::switch_cost`].
pub const DEFAULT_SWITCH_COST: f32 = 15.0;

/// How many runner-up labels a [`Prediction`] lists at most.
const MAX_ALTERNATIVES: usize = 3;

/// A label with its probability.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alternative {
    /// The label (`kmr-Latn`).
    pub label: &'static str,
    /// Its probability.
    pub confidence: f32,
}

/// The identification of one text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Prediction {
    /// `language-Script` (`ckb-Arab`) or `und`.
    pub label: &'static str,
    /// ISO 639-3 language code, `und` when undetermined.
    pub language: &'static str,
    /// ISO 15924 code of the text's dominant script (`Zyyy` when it has no
    /// letters), also given when the language is undetermined.
    pub script: &'static str,
    /// Calibrated probability of the best label (of `label` itself unless
    /// it is `und`; 0 when the text has no letters or an unsupported script).
    pub confidence: f32,
    /// The next most likely labels, best first (at most three, each above 0.001).
    pub alternatives: Vec<Alternative>,
}

impl Prediction {
    fn undetermined(script: &'static str) -> Prediction {
        Prediction { label: "und", language: "und", script, confidence: 0.0, alternatives: Vec::new() }
    }

    /// Whether a language was identified (the label is not `und`).
    pub fn is_determined(&self) -> bool {
        self.label != "und"
    }
}

/// Options of [`Identifier::identify_with`].
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Minimum confidence for a label; below it the label is `und`.
    pub threshold: f32,
    /// When not empty, only these labels compete: each entry is a label
    /// (`kmr-Latn`) or a language (`kmr`, meaning every script of it).
    pub only: Vec<String>,
    /// [`Identifier::segments_with`]: the cost, in nats of evidence, of a
    /// change of language between two tokens.
    pub switch_cost: f32,
    /// When no label is confident, or the answer would be Southern Kurdish
    /// or Gorani, but Central Kurdish is among the likely ones, let the
    /// words decide: mostly known Sorani words make it Central Kurdish
    /// (default on; the morphology lexicon loads on first use).
    pub sorani_words: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { threshold: DEFAULT_THRESHOLD, only: Vec::new(), switch_cost: DEFAULT_SWITCH_COST, sorani_words: true }
    }
}

impl Options {
    /// Checks that every entry of `only` names a known label or language.
    pub fn validate(&self) -> Result<(), Error> {
        if !(0.0..=1.0).contains(&self.threshold) {
            return Err(Error::new(
                crate::error::ErrorKind::InvalidOption,
                format!("threshold {} is not between 0 and 1", self.threshold),
            ));
        }
        for name in &self.only {
            if !LABELS.iter().any(|info| info.label == name || info.language == name) {
                let known: Vec<&str> = LABELS.iter().map(|info| info.label).collect();
                return Err(Error::new(
                    crate::error::ErrorKind::InvalidOption,
                    format!("unknown language or label `{name}` (known: {})", known.join(", ")),
                ));
            }
        }
        Ok(())
    }

    fn allows(&self, label: usize) -> bool {
        self.only.is_empty()
            || self.only.iter().any(|name| LABELS[label].label == name || LABELS[label].language == name)
    }
}

/// Raw model evidence for one text, before calibration (for evaluation and
/// calibration fitting; most users want [`Identifier::identify`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// Log-likelihood score of each model label (in nats, up to a constant
    /// shared by all labels), in the order of [`Identifier::labels`]; lanes
    /// beyond the model's labels are zero.
    pub scores: [f32; LANES],
    /// How many n-gram features were scored.
    pub features: u32,
    /// The dominant script of the letters, if any letter.
    pub script: Option<Script>,
    /// Letters that are Latin but not ASCII.
    pub non_ascii_latin: u32,
    /// Arabic-script letters.
    pub arabic_letters: u32,
    /// Letters that mark a language the model has no text for, per
    /// [`ByLetters::ALL`].
    pub marked: [u32; ByLetters::ALL.len()],
    /// Gorani vowel signs ([`features::GORANI_MARKS`]).
    pub gorani_marks: u32,
}

/// A language identifier: a model loaded once, shared freely between
/// threads.
#[derive(Debug)]
pub struct Identifier {
    model: Model,
}

static EMBEDDED: LazyLock<Identifier> = LazyLock::new(|| {
    Identifier::from_bytes(include_bytes!("../../data/lid/model.bin"))
        .expect("the embedded language identification model is valid")
});

/// Identifies the language of `text` with the embedded model (see
/// [`Identifier::identify`]).
pub fn identify(text: &str) -> Prediction {
    Identifier::embedded().identify(text)
}

/// Splits `text` into runs of one language with the embedded model (see
/// [`Identifier::segments`]).
pub fn segments(text: &str) -> Vec<Segment> {
    Identifier::embedded().segments(text)
}

impl Identifier {
    /// The identifier with the model embedded in the library (built on first use).
    pub fn embedded() -> &'static Identifier {
        &EMBEDDED
    }

    /// An identifier over a model in the binary format written by
    /// `cargo xtask lid-train`.
    pub fn from_bytes(bytes: &[u8]) -> Result<Identifier, Error> {
        Ok(Identifier { model: Model::from_bytes(bytes)? })
    }

    /// An identifier over a model built in memory (by the trainer).
    pub fn from_model(model: Model) -> Identifier {
        Identifier { model }
    }

    /// The model.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// The labels of the model, in the order of [`Evidence::scores`].
    pub fn labels(&self) -> impl Iterator<Item = &'static LabelInfo> + '_ {
        self.model.labels.iter().map(|&i| &LABELS[i])
    }

    /// Identifies `text` with the default options.
    pub fn identify(&self, text: &str) -> Prediction {
        self.identify_with(text, &Options::default())
    }

    /// Identifies `text`: the most likely label with its calibrated
    /// probability, or `und` when the text has no letters, is in a script
    /// the model does not cover, or no label reaches `options.threshold`.
    pub fn identify_with(&self, text: &str, options: &Options) -> Prediction {
        let text = without_addresses(text);
        let evidence = self.letter_evidence(&text);
        self.predict(&text, &evidence, options)
    }

    /// The raw evidence for `text` (one pass over it; URLs, email
    /// addresses and @mentions say nothing of its language and are left
    /// out).
    pub fn evidence(&self, text: &str) -> Evidence {
        self.letter_evidence(&without_addresses(text))
    }

    fn letter_evidence(&self, text: &str) -> Evidence {
        let table = &self.model.table[..];
        let mut wide = [0i32; LANES];
        // Buckets are gathered in a small buffer and added in a tight loop
        // over local accumulators, which the compiler keeps in vector
        // registers; 256 rows of at most 127 fit an i16.
        let mut buffer = [0u32; BUFFER];
        let mut pending = 0usize;
        let mut features = 0u32;
        let counts = scan(text, self.model.bits, |bucket| {
            buffer[pending] = bucket as u32;
            pending += 1;
            if pending == BUFFER {
                accumulate(table, &buffer, &mut wide);
                features += BUFFER as u32;
                pending = 0;
            }
        });
        accumulate(table, &buffer[..pending], &mut wide);
        features += pending as u32;
        let scale = self.model.scale;
        Evidence {
            scores: wide.map(|s| s as f32 / scale),
            features,
            script: counts.dominant(),
            non_ascii_latin: counts.non_ascii_latin,
            arabic_letters: counts.arab,
            marked: counts.marked,
            gorani_marks: counts.gorani_marks,
        }
    }

    /// Calibrated probabilities of the candidate labels (indices into
    /// [`LABELS`]) for this evidence, best first.
    pub fn probabilities(&self, evidence: &Evidence, options: &Options) -> Vec<(usize, f32)> {
        let (ranked, len) = self.ranked(evidence, options);
        ranked[..len].to_vec()
    }

    /// [`Identifier::probabilities`] without allocation: the first `len`
    /// entries of the array.
    fn ranked(&self, evidence: &Evidence, options: &Options) -> ([(usize, f32); LANES], usize) {
        let mut ranked = [(0usize, 0.0f32); LANES];
        let Some(script) = evidence.script else { return (ranked, 0) };
        let code = script_code(script);
        let divisor = self.model.temperature * (evidence.features.max(1) as f32).powf(self.model.length_exponent);
        let mut len = 0;
        for ((&label, &score), &bias) in self.model.labels.iter().zip(&evidence.scores).zip(&self.model.bias) {
            if LABELS[label].script == code && options.allows(label) {
                ranked[len] = (label, score / divisor + bias);
                len += 1;
            }
        }
        if len == 0 {
            return (ranked, 0);
        }
        let candidates = &mut ranked[..len];
        let best = candidates.iter().map(|c| c.1).fold(f32::NEG_INFINITY, f32::max);
        let mut total = 0.0f32;
        for candidate in candidates.iter_mut() {
            candidate.1 = (candidate.1 - best).exp();
            total += candidate.1;
        }
        // A label may have several model classes (Central Kurdish typed on
        // other keyboards is a class of its own): add their probabilities.
        let mut merged = 0;
        for i in 0..len {
            let (label, p) = ranked[i];
            match ranked[..merged].iter().position(|c| c.0 == label) {
                Some(at) => ranked[at].1 += p / total,
                None => {
                    ranked[merged] = (label, p / total);
                    merged += 1;
                }
            }
        }
        ranked[..merged].sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        (ranked, merged)
    }

    fn predict(&self, text: &str, evidence: &Evidence, options: &Options) -> Prediction {
        let Some(script) = evidence.script else { return Prediction::undetermined("Zyyy") };
        let code = script_code(script);
        let (mut array, mut len) = self.ranked(evidence, options);
        if script == Script::Latn && evidence.non_ascii_latin == 0 && options.allows(labels::ENGLISH) && len < LANES {
            if let Some(p_english) = english_evidence(text) {
                for candidate in &mut array[..len] {
                    candidate.1 *= 1.0 - p_english;
                }
                array.copy_within(0..len, 1);
                array[0] = (labels::ENGLISH, p_english);
                len += 1;
            }
        }
        if script == Script::Arab && writes_gorani_marks(evidence) {
            favour(&mut array[..len], labels::GORANI, GORANI_MARK_RATIO);
        } else if script == Script::Arab && options.sorani_words {
            prefer_sorani_words(text, &mut array[..len], options.threshold);
        }
        if script == Script::Arab && len < LANES {
            if let Some((label, p)) = marked_language(evidence).filter(|&(label, _)| options.allows(label)) {
                for candidate in &mut array[..len] {
                    candidate.1 *= 1.0 - p;
                }
                array.copy_within(0..len, 1);
                array[0] = (label, p);
                len += 1;
            }
        }
        let ranked = &array[..len];
        let Some(&(best, confidence)) = ranked.first() else { return Prediction::undetermined(code) };
        let alternatives = ranked
            .iter()
            .skip(1)
            .filter(|c| c.1 > 0.001)
            .take(MAX_ALTERNATIVES)
            .map(|&(label, confidence)| Alternative { label: LABELS[label].label, confidence })
            .collect();
        if confidence < options.threshold {
            return Prediction {
                label: "und",
                language: "und",
                script: code,
                confidence,
                alternatives: ranked_all(ranked),
            };
        }
        let info = &LABELS[best];
        Prediction { label: info.label, language: info.language, script: info.script, confidence, alternatives }
    }
}

/// `text` with its URLs, email addresses and @mentions blanked out: their
/// letters are the Latin of domain names and user names whatever the
/// language around them, and a Sorani sentence with a long link was read
/// as Zazaki. Borrowed when there is none (a screen for `://`, `www.` and
/// `@` comes first).
fn without_addresses(text: &str) -> Cow<'_, str> {
    if !crate::url::may_hold_url_or_at(text.as_bytes()) {
        return Cow::Borrowed(text);
    }
    let mut out = String::new();
    let mut copied = 0;
    for token in crate::tokenize::tokenize(text) {
        if matches!(token.kind, TokenKind::Url | TokenKind::Email | TokenKind::Mention) {
            out.push_str(&text[copied..token.start]);
            out.push(' ');
            copied = token.end;
        }
    }
    if copied == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// Features gathered before they are added up (at most 256: see `accumulate`).
const BUFFER: usize = 256;

/// Adds the weight rows of `buckets` (at most 256) to `wide`.
#[inline]
fn accumulate(table: &[[i8; LANES]], buckets: &[u32], wide: &mut [i32; LANES]) {
    let mut narrow = [0i16; LANES];
    for &bucket in buckets {
        let row = &table[bucket as usize];
        for lane in 0..LANES {
            narrow[lane] += row[lane] as i16;
        }
    }
    for lane in 0..LANES {
        wide[lane] += narrow[lane] as i32;
    }
}

/// For `und` below the threshold, every ranked label is an alternative.
fn ranked_all(ranked: &[(usize, f32)]) -> Vec<Alternative> {
    ranked
        .iter()
        .filter(|c| c.1 > 0.001)
        .take(MAX_ALTERNATIVES + 1)
        .map(|&(label, confidence)| Alternative { label: LABELS[label].label, confidence })
        .collect()
}

/// The ISO 15924 code of a script.
pub fn script_code(script: Script) -> &'static str {
    match script {
        Script::Arab => "Arab",
        Script::Latn => "Latn",
        Script::Other(code) => code,
    }
}

/// When no label reaches the threshold or the answer would be Southern
/// Kurdish or Gorani, but Central Kurdish has at least 0.2 and the words read
/// as Sorani ([`sorani_words`]), Central Kurdish's odds are multiplied by
/// [`sorani_words::LIKELIHOOD_RATIO`] (which puts it first). `ranked` is
/// sorted best first and stays so. A Kurmanji answer stands: Badini words
/// read as Sorani too often. (Out-of-domain Sorani went from 95.1% to 98.45%
/// recognised, 1–5-word Sorani chunks from 73% to 86%; in-domain macro-F1
/// from 0.962 to 0.961.)
fn prefer_sorani_words(text: &str, ranked: &mut [(usize, f32)], threshold: f32) {
    let Some(&(top, p_top)) = ranked.first() else { return };
    let hesitates = p_top < threshold || matches!(LABELS[top].label, "sdh-Arab" | "hac-Arab");
    let Some(at) = ranked.iter().position(|c| LABELS[c.0].label == "ckb-Arab") else { return };
    if !hesitates || ranked[at].1 < 0.2 || !sorani_words::reads_as_sorani(text) {
        return;
    }
    favour(ranked, labels::CENTRAL_KURDISH_ARAB, sorani_words::LIKELIHOOD_RATIO);
}

/// Multiplies the odds of `label` in `ranked` (probabilities summing to one,
/// best first) by `ratio` and keeps it sorted; nothing when `label` is not
/// a candidate.
fn favour(ranked: &mut [(usize, f32)], label: usize, ratio: f32) {
    let Some(at) = ranked.iter().position(|c| c.0 == label) else { return };
    let boosted = ranked[at].1 * ratio;
    let total = 1.0 - ranked[at].1 + boosted;
    ranked[at].1 = boosted;
    for candidate in ranked.iter_mut() {
        candidate.1 /= total;
    }
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
}

/// How much likelier Gorani is for text that writes its vowel signs: none of
/// about 12,000 lines of the other Arabic-script kurdish-lid files and
/// 100,000 of awta-en-ckb has one, one Gorani line in five does.
const GORANI_MARK_RATIO: f32 = 100.0;

/// Whether the text writes Gorani vowel signs often enough not to be a
/// stray quoted word: one in a hundred Arabic-script letters.
fn writes_gorani_marks(evidence: &Evidence) -> bool {
    evidence.gorani_marks > 0 && evidence.gorani_marks * 100 >= evidence.arabic_letters
}

/// When the Arabic-script letters include enough of the letters that mark
/// one of [`ByLetters::ALL`] (none of the model's languages writes them),
/// that language's label and the probability to give it. A stray quoted
/// word in a long text is not enough: one such letter in fifty.
fn marked_language(evidence: &Evidence) -> Option<(usize, f32)> {
    let letters = evidence.arabic_letters.max(1);
    ByLetters::ALL.iter().zip(evidence.marked).find_map(|(&language, marked)| {
        if marked == 0 || marked * 50 < letters {
            return None;
        }
        let label = match language {
            ByLetters::Sindhi => labels::SINDHI,
            ByLetters::Kashmiri => labels::KASHMIRI,
            ByLetters::Pashto => labels::PASHTO,
            ByLetters::Urdu => labels::URDU,
            ByLetters::Uyghur => labels::UYGHUR,
        };
        Some((label, (0.7 + 0.1 * marked as f32).min(0.99)))
    })
}

/// English function words that are not (common) words of Kurmanji, Zazaki,
/// Turkish or Latin-script Sorani, then greetings and words of short phrases
/// (`hello world`), which have none of them.
const ENGLISH_WORDS: &[&str] = &[
    "the", "and", "of", "to", "is", "that", "it", "for", "was", "with", "are", "this", "by", "not", "you", "have",
    "from", "they", "he", "she", "his", "which", "or", "will", "can", "has", "were", "been", "would", "there", "what",
    "all", "but", "my", "your", "our", "their", "an", "do", "does", "did", "about", "who", "when", "where", "how",
    "these", "those", "into", "than", "them", "its", "had", "should", "could", "i", "me", "it's", "don't", "i'm",
    "very", "also", "just", "more", "some", "other", "only", "new", "people", "because", "after", "before", "said",
    "says", "being", "at", "in", "hello", "hi", "world", "thanks", "thank", "please", "good", "morning", "night",
    "yes", "sorry", "welcome", "today", "why", "year", "news", "friend",
];

/// When `text` (ASCII Latin) reads as English, the probability to give it.
fn english_evidence(text: &str) -> Option<f32> {
    let mut words = 0u32;
    let mut hits = 0u32;
    for word in text
        .split(|c: char| !(c.is_ascii_alphabetic() || c == '\''))
        .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
    {
        words += 1;
        if word.len() <= 7 && ENGLISH_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word)) {
            hits += 1;
        }
    }
    if hits == 0 {
        return None;
    }
    let share = hits as f32 / words as f32;
    if words >= 3 && share < 0.15 || words < 3 && share < 0.5 {
        return None;
    }
    Some((0.55 + share).min(0.97))
}

#[cfg(test)]
mod tests;
