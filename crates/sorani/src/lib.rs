//! Central Kurdish (Sorani, `ckb`) text processing.
//!
//! Everything here is a pure function over `&str` (or a value built once and
//! shared across threads): no files, no network, no global mutable state.
//! The command-line tool, the search engine and the Python bindings are thin
//! shells over this crate.
//!
//! | module | what it does |
//! |---|---|
//! | [`normalize`](mod@normalize) | deterministic cleaning to standard Unicode Sorani |
//! | [`tokenize`] | tokens with kinds and byte spans into the input |
//! | [`sentence`] | sentence boundaries |
//! | [`lexicon`] | word-frequency lexicon of standard Sorani (embedded fst) |
//! | [`restore`] | detection and context-aware restoration of text typed on legacy, Arabic or Persian keyboards, and legacy font decoding |
//! | [`morph`] | morphological analysis, lemmas, light stems, stopwords |
//! | [`translit`] | Arabic script ↔ Kurdish Latin, IPA, syllables |
//! | [`spell`] | spell checking and suggestions |
//! | [`number`] | numbers, dates and symbols to words and back |
//! | [`lid`] | language and script identification |
#![warn(missing_docs)]

pub mod chars;
pub mod error;
pub mod lexicon;
pub mod lid;
pub mod memo;
pub mod morph;
pub mod normalize;
pub mod number;
pub mod restore;
pub mod sentence;
pub mod spell;
mod splice;
pub mod tokenize;
pub mod translit;
mod url;

pub use error::Error;
pub use normalize::{normalize, NormalizeOptions, Normalizer};
