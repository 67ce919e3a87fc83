//! Language and script identification for Central Kurdish and its neighbours.
//!
//! [`identify`] labels a text (a line, a paragraph, a document) with an
//! ISO 639-3 language and ISO 15924 script, a calibrated confidence and the
//! runner-up labels; [`segments`] splits a mixed document into runs of one
//! language with byte spans.
//!
//! ```
//! let p = sorani::lid::identify("ئەمڕۆ هەوا زۆر خۆشە و دەچینە باخچە");
//! assert_eq!(p.label, "ckb-Arab");
//! assert!(p.confidence > 0.9);
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
//! | `und` | undetermined: no letters, an unsupported script, or no label confident enough |
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
//! not calibrated.
//!
//! Central Kurdish regional varieties (Sulaimani, Erbil, Mukriyani, Sinei,
//! Garmiyani) are not identified: no labelled dialect data is available to
//! train or evaluate them (see `docs/lid.md`).

pub mod features;
mod labels;
pub mod model;
mod segments;

use std::sync::LazyLock;

use serde::Serialize;

use crate::error::Error;
use features::{for_each_bucket, script_of, Script};
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
}

impl Default for Options {
    fn default() -> Self {
        Options { threshold: DEFAULT_THRESHOLD, only: Vec::new(), switch_cost: DEFAULT_SWITCH_COST }
    }
}

impl Options {
    /// Checks that every entry of `only` names a known label or language.
    pub fn validate(&self) -> Result<(), Error> {
        if !(0.0..=1.0).contains(&self.threshold) {
            return Err(Error::new(crate::error::ErrorKind::InvalidOption, format!("threshold {} is not between 0 and 1", self.threshold)));
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
        self.only.is_empty() || self.only.iter().any(|name| LABELS[label].label == name || LABELS[label].language == name)
    }
}

/// Raw model evidence for one text, before calibration (for evaluation and
/// calibration fitting; most users want [`Identifier::identify`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// Log-likelihood score of each model label (in nats, up to a constant
    /// shared by all labels), in the order of [`Identifier::labels`].
    pub scores: Vec<f32>,
    /// How many n-gram features were scored.
    pub features: u32,
    /// The dominant script of the letters, if any letter.
    pub script: Option<Script>,
    /// Letters that are Latin but not ASCII.
    pub non_ascii_latin: u32,
}

/// A language identifier: a model loaded once, shared freely between
/// threads.
#[derive(Debug)]
pub struct Identifier {
    model: Model,
}

static EMBEDDED: LazyLock<Identifier> = LazyLock::new(|| {
    Identifier::from_bytes(include_bytes!("../../data/lid/model.bin")).expect("the embedded language identification model is valid")
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
        let evidence = self.evidence(text);
        self.predict(text, &evidence, options)
    }

    /// The raw evidence for `text` (one pass over it).
    pub fn evidence(&self, text: &str) -> Evidence {
        let count = self.model.labels.len();
        let table = &self.model.table[..];
        let mut wide = [0i32; LANES];
        let mut narrow = [0i16; LANES];
        let mut pending = 0u32;
        let mut features = 0u32;
        for_each_bucket(text, self.model.bits, |bucket| {
            let row = &table[bucket];
            for lane in 0..LANES {
                narrow[lane] += row[lane] as i16;
            }
            pending += 1;
            if pending == 256 {
                for lane in 0..LANES {
                    wide[lane] += narrow[lane] as i32;
                }
                narrow = [0; LANES];
                features += pending;
                pending = 0;
            }
        });
        for lane in 0..LANES {
            wide[lane] += narrow[lane] as i32;
        }
        features += pending;
        let (script, non_ascii_latin) = dominant_script(text);
        let scale = self.model.scale;
        Evidence { scores: wide[..count].iter().map(|&s| s as f32 / scale).collect(), features, script, non_ascii_latin }
    }

    /// Calibrated probabilities of the candidate labels (indices into
    /// [`LABELS`]) for this evidence, best first.
    pub fn probabilities(&self, evidence: &Evidence, options: &Options) -> Vec<(usize, f32)> {
        let Some(script) = evidence.script else { return Vec::new() };
        let code = script_code(script);
        let mut candidates: Vec<(usize, f32)> = self
            .model
            .labels
            .iter()
            .zip(&evidence.scores)
            .filter(|(&label, _)| LABELS[label].script == code && options.allows(label))
            .map(|(&label, &score)| (label, score))
            .collect();
        if candidates.is_empty() {
            return Vec::new();
        }
        let divisor = self.model.temperature * (evidence.features.max(1) as f32).powf(self.model.length_exponent);
        let best = candidates.iter().map(|c| c.1).fold(f32::NEG_INFINITY, f32::max);
        let mut total = 0.0f32;
        for candidate in &mut candidates {
            candidate.1 = ((candidate.1 - best) / divisor).exp();
            total += candidate.1;
        }
        for candidate in &mut candidates {
            candidate.1 /= total;
        }
        // A label may have several model classes (Central Kurdish typed on
        // other keyboards is a class of its own): add their probabilities.
        candidates.sort_by_key(|c| c.0);
        candidates.dedup_by(|later, earlier| {
            let same = later.0 == earlier.0;
            if same {
                earlier.1 += later.1;
            }
            same
        });
        candidates.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        candidates
    }

    fn predict(&self, text: &str, evidence: &Evidence, options: &Options) -> Prediction {
        let Some(script) = evidence.script else { return Prediction::undetermined("Zyyy") };
        let code = script_code(script);
        let mut ranked = self.probabilities(evidence, options);
        if script == Script::Latn && evidence.non_ascii_latin == 0 && options.allows(labels::ENGLISH) {
            if let Some(p_english) = english_evidence(text) {
                for candidate in &mut ranked {
                    candidate.1 *= 1.0 - p_english;
                }
                ranked.insert(0, (labels::ENGLISH, p_english));
            }
        }
        let Some(&(best, confidence)) = ranked.first() else { return Prediction::undetermined(code) };
        let alternatives = ranked
            .iter()
            .skip(1)
            .filter(|c| c.1 > 0.001)
            .take(MAX_ALTERNATIVES)
            .map(|&(label, confidence)| Alternative { label: LABELS[label].label, confidence })
            .collect();
        if confidence < options.threshold {
            return Prediction { label: "und", language: "und", script: code, confidence, alternatives: ranked_all(&ranked) };
        }
        let info = &LABELS[best];
        Prediction { label: info.label, language: info.language, script: info.script, confidence, alternatives }
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

/// The script with the most letters in `text`, and the count of non-ASCII
/// Latin letters.
fn dominant_script(text: &str) -> (Option<Script>, u32) {
    let (mut arab, mut latn, mut other, mut non_ascii) = (0u32, 0u32, 0u32, 0u32);
    let mut other_code = "Zzzz";
    for c in text.chars() {
        if c.is_ascii() {
            latn += c.is_ascii_alphabetic() as u32;
            continue;
        }
        match script_of(c) {
            Some(Script::Arab) => arab += 1,
            Some(Script::Latn) => {
                latn += 1;
                non_ascii += 1;
            }
            Some(Script::Other(code)) => {
                other += 1;
                other_code = code;
            }
            None => {}
        }
    }
    let script = if arab == 0 && latn == 0 && other == 0 {
        None
    } else if arab >= latn && arab >= other {
        Some(Script::Arab)
    } else if latn >= other {
        Some(Script::Latn)
    } else {
        Some(Script::Other(other_code))
    };
    (script, non_ascii)
}

/// English function words that are not (common) words of Kurmanji, Zazaki,
/// Turkish or Latin-script Sorani.
const ENGLISH_WORDS: &[&str] = &[
    "the", "and", "of", "to", "is", "that", "it", "for", "was", "with", "are", "this", "by", "not", "you", "have", "from",
    "they", "he", "she", "his", "which", "or", "will", "can", "has", "were", "been", "would", "there", "what", "all", "but",
    "my", "your", "our", "their", "an", "do", "does", "did", "about", "who", "when", "where", "how", "these", "those",
    "into", "than", "them", "its", "had", "should", "could", "i", "me", "it's", "don't", "i'm", "very", "also", "just",
    "more", "some", "other", "only", "new", "people", "because", "after", "before", "said", "says", "being", "at", "in",
];

/// When `text` (ASCII Latin) reads as English, the probability to give it.
fn english_evidence(text: &str) -> Option<f32> {
    let mut words = 0u32;
    let mut hits = 0u32;
    for word in text.split(|c: char| !(c.is_ascii_alphabetic() || c == '\'')).filter(|w| w.chars().any(|c| c.is_ascii_alphabetic())) {
        words += 1;
        let lower = word.to_ascii_lowercase();
        if ENGLISH_WORDS.contains(&lower.as_str()) {
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
