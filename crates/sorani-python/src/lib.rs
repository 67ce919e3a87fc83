//! Python bindings of the `sorani` core: a thin shell, no logic of its own.
//!
//! Offsets given to Python are code-point offsets (what `str` slicing uses),
//! converted from the core's byte offsets. Batch functions release the GIL and
//! spread the work over all cores with rayon.

use std::borrow::Cow;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use rayon::prelude::*;

/// Which normalizer options a Python `preset=` string names.
fn normalize_options(preset: &str) -> PyResult<sorani::NormalizeOptions> {
    match preset {
        "standard" => Ok(sorani::NormalizeOptions::standard()),
        "search" => Ok(sorani::NormalizeOptions::search()),
        other => Err(PyValueError::new_err(format!("preset must be 'standard' or 'search', not {other:?}"))),
    }
}

/// Normalize text to standard Unicode Sorani.
///
/// `preset` is "standard" (default: what a careful Kurdish editor accepts) or
/// "search" (standard plus folding for matching: digits, ZWNJ, harakat, case).
#[pyfunction]
#[pyo3(signature = (text, *, preset = "standard"))]
fn normalize(text: &str, preset: &str) -> PyResult<String> {
    let normalizer = sorani::Normalizer::new(normalize_options(preset)?);
    Ok(normalizer.normalize(text).into_owned())
}

/// Normalize many texts at once, on all cores, without holding the GIL.
#[pyfunction]
#[pyo3(signature = (texts, *, preset = "standard"))]
fn normalize_batch(py: Python<'_>, texts: Vec<String>, preset: &str) -> PyResult<Vec<String>> {
    let normalizer = sorani::Normalizer::new(normalize_options(preset)?);
    Ok(py.detach(|| texts.par_iter().map(|text| normalizer.normalize(text).into_owned()).collect()))
}

/// One token of a text.
#[pyclass(frozen, get_all, module = "sorani")]
#[derive(Clone)]
struct Token {
    /// The token's text, `source[start:end]`.
    text: String,
    /// word, number, punctuation, url, email, hashtag, mention, emoji, latin or other.
    kind: String,
    /// Code-point offset of the token's start in the source string.
    start: usize,
    /// Code-point offset one past the token's end in the source string.
    end: usize,
}

#[pymethods]
impl Token {
    fn __repr__(&self) -> String {
        format!("Token(text={:?}, kind={:?}, start={}, end={})", self.text, self.kind, self.start, self.end)
    }

    fn __eq__(&self, other: &Token) -> bool {
        self.text == other.text && self.kind == other.kind && self.start == other.start && self.end == other.end
    }
}

/// Converts increasing byte offsets of `text` to code-point offsets in one pass.
struct CharOffsets<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharOffsets<'a> {
    fn new(text: &'a str) -> Self {
        CharOffsets { text, byte: 0, chars: 0 }
    }

    fn at(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}

fn kind_name(kind: sorani::tokenize::TokenKind) -> String {
    // The core's serde names are the documented ones.
    serde_plain(kind)
}

fn serde_plain(kind: sorani::tokenize::TokenKind) -> String {
    use sorani::tokenize::TokenKind as K;
    match kind {
        K::Word => "word",
        K::Number => "number",
        K::Punctuation => "punctuation",
        K::Url => "url",
        K::Email => "email",
        K::Hashtag => "hashtag",
        K::Mention => "mention",
        K::Emoji => "emoji",
        K::Latin => "latin",
        K::Other => "other",
    }
    .to_string()
}

fn tokens_of(text: &str) -> Vec<Token> {
    let mut offsets = CharOffsets::new(text);
    sorani::tokenize::tokenize(text)
        .map(|token| Token {
            text: token.text.to_string(),
            kind: kind_name(token.kind),
            start: offsets.at(token.start),
            end: offsets.at(token.end),
        })
        .collect()
}

/// Cut text into tokens with kinds and code-point spans.
///
/// The tokens and the gaps between them rebuild the text exactly.
#[pyfunction]
fn tokenize(text: &str) -> Vec<Token> {
    tokens_of(text)
}

/// Tokenize many texts at once, on all cores, without holding the GIL.
#[pyfunction]
fn tokenize_batch(py: Python<'_>, texts: Vec<String>) -> Vec<Vec<Token>> {
    py.detach(|| texts.par_iter().map(|text| tokens_of(text)).collect())
}

/// The words of a text as plain strings (tokens of every kind but punctuation).
#[pyfunction]
fn words(text: &str) -> Vec<String> {
    sorani::tokenize::tokenize(text)
        .filter(|token| token.kind != sorani::tokenize::TokenKind::Punctuation)
        .map(|token| token.text.to_string())
        .collect()
}

/// Split text into sentences.
#[pyfunction]
fn sentences(text: &str) -> Vec<String> {
    sorani::sentence::sentences(text).map(str::to_string).collect()
}

/// Split many texts into sentences at once, on all cores, without holding the GIL.
#[pyfunction]
fn sentences_batch(py: Python<'_>, texts: Vec<String>) -> Vec<Vec<String>> {
    py.detach(|| texts.par_iter().map(|text| sorani::sentence::sentences(text).map(str::to_string).collect()).collect())
}

#[allow(dead_code)]
fn owned(text: Cow<'_, str>) -> String {
    text.into_owned()
}

/// The compiled core of the `sorani` package.
#[pymodule]
fn _sorani(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    module.add_class::<Token>()?;
    module.add_function(wrap_pyfunction!(normalize, module)?)?;
    module.add_function(wrap_pyfunction!(normalize_batch, module)?)?;
    module.add_function(wrap_pyfunction!(tokenize, module)?)?;
    module.add_function(wrap_pyfunction!(tokenize_batch, module)?)?;
    module.add_function(wrap_pyfunction!(words, module)?)?;
    module.add_function(wrap_pyfunction!(sentences, module)?)?;
    module.add_function(wrap_pyfunction!(sentences_batch, module)?)?;
    Ok(())
}
