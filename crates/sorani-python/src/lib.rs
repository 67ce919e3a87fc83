//! Python bindings of the `sorani` core: a thin shell, no logic of its own.
//!
//! Offsets given to Python are code-point offsets (what `str` slicing uses),
//! converted from the core's byte offsets. Batch functions release the GIL and
//! spread the work over all cores with rayon.

use std::borrow::Cow;
use std::sync::{Arc, Mutex};

use pyo3::exceptions::{PyOverflowError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString};
use rayon::prelude::*;

mod arrow;
mod pipeline;

/// The normalizer and restorer that `sorani normalize` would use with the same flags.
struct Pipeline {
    restorer: sorani::restore::Restorer,
    normalizer: sorani::Normalizer,
    /// Whether lines in another language keep their letters (`standard`).
    keep_foreign: bool,
}

impl Pipeline {
    fn new(
        preset: &str,
        restore: &str,
        convention: Option<&str>,
        digits: Option<&str>,
        h_letter: &str,
        keep_harakat: bool,
    ) -> PyResult<Self> {
        let mut options = match preset {
            "standard" => sorani::NormalizeOptions::standard(),
            "search" => sorani::NormalizeOptions::search(),
            other => {
                return Err(PyValueError::new_err(format!("preset must be 'standard' or 'search', not {other:?}")))
            }
        };
        if let Some(digits) = digits {
            options = options.digits(option(digits)?);
        }
        options = options.h_letter(option(h_letter)?).keep_harakat(keep_harakat);
        Ok(Pipeline {
            restorer: restorer_from(restore, convention)?,
            normalizer: sorani::Normalizer::new(options),
            keep_foreign: preset == "standard",
        })
    }

    fn run(&self, text: &str) -> String {
        self.run_cow(text).into_owned()
    }

    /// A pipeline for these options, built once and kept for the next calls
    /// (building one costs more than normalizing a short text).
    fn cached(
        preset: &str,
        restore: &str,
        convention: Option<&str>,
        digits: Option<&str>,
        h_letter: &str,
        keep_harakat: bool,
    ) -> PyResult<Arc<Pipeline>> {
        let same = |key: &PipelineKey| {
            key.0 == preset
                && key.1 == restore
                && key.2.as_deref() == convention
                && key.3.as_deref() == digits
                && key.4 == h_letter
                && key.5 == keep_harakat
        };
        if let Some(kept) = lock_pipelines() {
            if let Some((_, pipeline)) = kept.iter().find(|(key, _)| same(key)) {
                return Ok(Arc::clone(pipeline));
            }
        }
        let pipeline = Arc::new(Pipeline::new(preset, restore, convention, digits, h_letter, keep_harakat)?);
        if let Some(mut kept) = lock_pipelines() {
            if kept.len() >= PIPELINES_KEPT {
                kept.remove(0);
            }
            let key = (
                preset.to_owned(),
                restore.to_owned(),
                convention.map(str::to_owned),
                digits.map(str::to_owned),
                h_letter.to_owned(),
                keep_harakat,
            );
            kept.push((key, Arc::clone(&pipeline)));
        }
        Ok(pipeline)
    }

    /// The result, borrowed from `text` when nothing changed. Each line is
    /// restored on its own, as `sorani normalize` restores it, and with
    /// `standard` a line in another language keeps its letters, as there.
    fn run_cow<'a>(&self, text: &'a str) -> Cow<'a, str> {
        let (restored, foreign) = if self.keep_foreign {
            self.restorer.restore_lines_marking_foreign(text)
        } else {
            (self.restorer.restore_lines(text), Vec::new())
        };
        if !foreign.is_empty() {
            let mut out = String::with_capacity(restored.len());
            let normalized = self.normalizer.normalize_into_except(&restored, &foreign, &mut out);
            return if normalized || matches!(restored, Cow::Owned(_)) { Cow::Owned(out) } else { Cow::Borrowed(text) };
        }
        match restored {
            Cow::Borrowed(restored) => self.normalizer.normalize(restored),
            Cow::Owned(restored) => Cow::Owned(self.normalizer.normalize(&restored).into_owned()),
        }
    }
}

/// `normalize`'s options: preset, restore, convention, digits, h_letter, keep_harakat.
type PipelineKey = (String, String, Option<String>, Option<String>, String, bool);

/// The most pipelines [`Pipeline::cached`] keeps.
const PIPELINES_KEPT: usize = 8;

/// Pipelines kept by [`Pipeline::cached`], oldest first.
type KeptPipelines = Vec<(PipelineKey, Arc<Pipeline>)>;

static PIPELINES: Mutex<KeptPipelines> = Mutex::new(Vec::new());

/// The kept pipelines, or `None` when the lock stays taken: a process forked
/// while another thread held it (Python workers fork) must not hang on it,
/// so the lock is tried a bounded number of times.
fn lock_pipelines() -> Option<std::sync::MutexGuard<'static, KeptPipelines>> {
    for _ in 0..64 {
        match PIPELINES.try_lock() {
            Ok(kept) => return Some(kept),
            Err(std::sync::TryLockError::Poisoned(poisoned)) => return Some(poisoned.into_inner()),
            Err(std::sync::TryLockError::WouldBlock) => std::thread::yield_now(),
        }
    }
    None
}

/// Normalize text to standard Unicode Sorani, exactly as `sorani normalize`.
///
/// `preset` is "standard" (default: what a careful Kurdish editor accepts) or
/// "search" (standard plus folding for matching: digits, ZWNJ, harakat, case).
/// `restore` is "auto" (default: restore legacy / Arabic / Persian keyboard
/// text that detection flags), "always" or "never". `digits` is None (keep),
/// "latin", "arabic" or "persian"; `h_letter` is "heh", "doachashmee" or "keep".
/// `convention` reads the text in that convention or legacy font instead of
/// detecting it, as `--from` (see `restore`). With "standard", a line the
/// language identifier reads as Arabic or Persian keeps its letters.
#[pyfunction]
#[pyo3(signature = (text, *, preset = "standard", restore = "auto", convention = None, digits = None, h_letter = "heh", keep_harakat = false))]
fn normalize(
    text: &str,
    preset: &str,
    restore: &str,
    convention: Option<&str>,
    digits: Option<&str>,
    h_letter: &str,
    keep_harakat: bool,
) -> PyResult<String> {
    Ok(Pipeline::cached(preset, restore, convention, digits, h_letter, keep_harakat)?.run(text))
}

/// Normalize many texts at once, on all cores, without holding the GIL
/// (same options as `normalize`). A text that needs no change comes back as
/// the very same object, which saves memory and time on clean corpora.
#[pyfunction]
#[pyo3(signature = (texts, *, preset = "standard", restore = "auto", convention = None, digits = None, h_letter = "heh", keep_harakat = false))]
#[allow(clippy::too_many_arguments)]
fn normalize_batch<'py>(
    py: Python<'py>,
    texts: Vec<Bound<'py, PyString>>,
    preset: &str,
    restore: &str,
    convention: Option<&str>,
    digits: Option<&str>,
    h_letter: &str,
    keep_harakat: bool,
) -> PyResult<Bound<'py, PyList>> {
    let pipeline = Pipeline::new(preset, restore, convention, digits, h_letter, keep_harakat)?;
    let views: Vec<&str> = texts.iter().map(|text| text.to_str()).collect::<PyResult<_>>()?;
    let changed: Vec<Option<String>> = py.detach(|| {
        views
            .par_iter()
            .map(|text| match pipeline.run_cow(text) {
                Cow::Borrowed(_) => None,
                Cow::Owned(new) => Some(new),
            })
            .collect()
    });
    let results = texts.iter().zip(changed).map(|(text, new)| match new {
        None => text.clone(),
        Some(new) => PyString::new(py, &new),
    });
    PyList::new(py, results)
}

/// `normalize` over the buffers of an Arrow string array (see `sorani.normalize_arrow`).
#[pyfunction]
#[pyo3(signature = (offsets, data, width, *, preset = "standard", restore = "auto", convention = None, digits = None, h_letter = "heh", keep_harakat = false))]
#[allow(clippy::too_many_arguments)]
fn _normalize_arrow_buffers<'py>(
    py: Python<'py>,
    offsets: &Bound<'py, PyBytes>,
    data: &Bound<'py, PyBytes>,
    width: usize,
    preset: &str,
    restore: &str,
    convention: Option<&str>,
    digits: Option<&str>,
    h_letter: &str,
    keep_harakat: bool,
) -> PyResult<(Bound<'py, PyBytes>, Bound<'py, PyBytes>)> {
    let pipeline = Pipeline::new(preset, restore, convention, digits, h_letter, keep_harakat)?;
    arrow::map_strings(py, offsets.as_bytes(), data.as_bytes(), width, &|text, out| {
        out.push_str(&pipeline.run_cow(text))
    })
}

/// A function from a text to what it appends to an output buffer.
type TextFunction = Box<dyn Fn(&str, &mut String) + Sync>;

/// A text function that the Arrow path offers, by name; `stem` and `lemma`
/// read each text as `restore` and the standard normalizer leave it.
fn text_function(name: &str, restore: &str) -> PyResult<TextFunction> {
    if name == "tokenize" {
        return Ok(Box::new(|text: &str, out: &mut String| push_tokens(text, out)));
    }
    let standard = standard_spelling(restore)?;
    let analyzer = sorani::morph::Analyzer::embedded();
    // Straight into the output buffer: no String per text.
    Ok(match name {
        "stem" => Box::new(move |text: &str, out: &mut String| {
            sorani::morph::map_words(&standard.run_cow(text), out, |word, out| out.push_str(&analyzer.stem(word)))
        }),
        "lemma" => Box::new(move |text: &str, out: &mut String| {
            sorani::morph::map_words(&standard.run_cow(text), out, |word, out| out.push_str(&analyzer.lemma(word)))
        }),
        other => return Err(PyValueError::new_err(format!("unknown Arrow text function {other:?}"))),
    })
}

/// A text function (`tokenize`, `stem`, `lemma`) over the buffers of an Arrow string array.
#[pyfunction]
#[pyo3(signature = (function, offsets, data, width, *, restore = "auto"))]
fn _map_arrow_buffers<'py>(
    py: Python<'py>,
    function: &str,
    offsets: &Bound<'py, PyBytes>,
    data: &Bound<'py, PyBytes>,
    width: usize,
    restore: &str,
) -> PyResult<(Bound<'py, PyBytes>, Bound<'py, PyBytes>)> {
    let function = text_function(function, restore)?;
    arrow::map_strings(py, offsets.as_bytes(), data.as_bytes(), width, &*function)
}

/// Appends the tokens of `text` separated by single spaces (what `sorani tokenize` prints).
fn push_tokens(text: &str, out: &mut String) {
    for (i, token) in sorani::tokenize::tokenize(text).enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(token.text);
    }
}

/// The tokens of a text joined by single spaces, as `sorani tokenize` prints a line.
#[pyfunction]
fn tokenize_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    push_tokens(text, &mut out);
    out
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

/// Converts a serde value (the core's documented JSON shape) to Python objects.
fn to_python(py: Python<'_>, value: &serde_json::Value) -> PyResult<Py<PyAny>> {
    use serde_json::Value;
    Ok(match value {
        Value::Null => py.None(),
        Value::Bool(b) => b.into_pyobject(py)?.to_owned().into_any().unbind(),
        Value::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => i.into_pyobject(py)?.into_any().unbind(),
            (None, Some(f)) => f.into_pyobject(py)?.into_any().unbind(),
            _ => py.None(),
        },
        Value::String(s) => s.into_pyobject(py)?.into_any().unbind(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(to_python(py, item)?)?;
            }
            list.into_any().unbind()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (key, item) in map {
                dict.set_item(key, to_python(py, item)?)?;
            }
            dict.into_any().unbind()
        }
    })
}

fn serialized<T: serde::Serialize>(py: Python<'_>, value: &T) -> PyResult<Py<PyAny>> {
    let value = serde_json::to_value(value).map_err(|err| PyValueError::new_err(err.to_string()))?;
    to_python(py, &value)
}

fn option<T: std::str::FromStr<Err = sorani::Error>>(value: &str) -> PyResult<T> {
    value.parse().map_err(|err: sorani::Error| PyValueError::new_err(err.to_string()))
}

// ---- restoration -------------------------------------------------------------

fn restorer(restore: &str) -> PyResult<sorani::restore::Restorer> {
    restorer_from(restore, None)
}

/// The restorer of `mode` that reads its input in `convention` (a name
/// `sorani normalize --from` takes) instead of detecting it, when given.
fn restorer_from(mode: &str, convention: Option<&str>) -> PyResult<sorani::restore::Restorer> {
    let mode: sorani::restore::RestoreMode = option(mode)?;
    let from = convention.map(option).transpose()?;
    Ok(sorani::restore::Restorer::with_options(sorani::restore::RestoreOptions { mode, from }))
}

/// Restore text typed on a legacy, Arabic or Persian keyboard (or in a legacy
/// font) to standard Unicode Sorani, line by line as `sorani normalize` does.
///
/// `mode` is "auto" (default: only text that detection flags), "always" or
/// "never"; `convention` reads the text as typed in that convention or legacy
/// font instead of detecting it (`sorani normalize --from`): "legacy-keyboard",
/// "arabic-keyboard", "persian-keyboard", "standard", or "ali-k", "ali-web",
/// "dylan", "zarnegar".
#[pyfunction]
#[pyo3(signature = (text, *, mode = "auto", convention = None))]
fn restore(text: &str, mode: &str, convention: Option<&str>) -> PyResult<String> {
    Ok(restorer_from(mode, convention)?.restore_lines(text).into_owned())
}

/// Restore many texts at once, on all cores, without holding the GIL.
#[pyfunction]
#[pyo3(signature = (texts, *, mode = "auto", convention = None))]
fn restore_batch(py: Python<'_>, texts: Vec<String>, mode: &str, convention: Option<&str>) -> PyResult<Vec<String>> {
    let restorer = restorer_from(mode, convention)?;
    Ok(py.detach(|| texts.par_iter().map(|text| restorer.restore_lines(text).into_owned()).collect()))
}

/// Restore and explain: a dict with the restored `text`, the `convention` it
/// was read in, and every change (start, end as code-point offsets, original,
/// replacement, reason, score).
#[pyfunction]
#[pyo3(signature = (text, *, mode = "auto", convention = None))]
fn restore_explained(py: Python<'_>, text: &str, mode: &str, convention: Option<&str>) -> PyResult<Py<PyAny>> {
    let restored = restorer_from(mode, convention)?.restore_explained(text);
    let dict = PyDict::new(py);
    dict.set_item("text", restored.text.as_ref())?;
    dict.set_item("convention", restored.convention.name())?;
    let changes = PyList::empty(py);
    let mut offsets = CharOffsets::new(text);
    for change in &restored.changes {
        let item = PyDict::new(py);
        item.set_item("start", offsets.at(change.start))?;
        item.set_item("end", offsets.at(change.end))?;
        item.set_item("original", &change.original)?;
        item.set_item("replacement", &change.replacement)?;
        item.set_item("reason", &change.reason)?;
        item.set_item("score", change.score_f64())?;
        changes.append(item)?;
    }
    dict.set_item("changes", changes)?;
    Ok(dict.into_any().unbind())
}

/// How a text was typed: a dict with `convention` ("standard",
/// "legacy-keyboard", "arabic-keyboard", "persian-keyboard", "legacy-font"),
/// `font` (for legacy fonts), `confidence` (0–1) and `letters` (the evidence).
#[pyfunction]
fn detect(py: Python<'_>, text: &str) -> PyResult<Py<PyAny>> {
    let detection = sorani::restore::detect(text);
    let dict = PyDict::new(py);
    dict.set_item("convention", detection.convention.name())?;
    let font = match detection.convention {
        sorani::restore::Convention::LegacyFont(font) => Some(format!("{font:?}")),
        _ => None,
    };
    dict.set_item("font", font)?;
    dict.set_item("confidence", detection.confidence)?;
    dict.set_item("letters", detection.letters)?;
    Ok(dict.into_any().unbind())
}

// ---- transliteration ------------------------------------------------------------

/// What `transliterate` writes (its `to`).
enum TranslitTarget {
    Latin,
    Arabic,
    Ipa,
    Syllables,
}

/// A transliteration as `sorani translit` makes it: the target, the
/// restoration of Arabic-script input, and the Latin and Arabic options.
struct Translit {
    to: TranslitTarget,
    transliterator: sorani::translit::Transliterator,
    restorer: sorani::restore::Restorer,
}

impl Translit {
    #[allow(clippy::too_many_arguments)]
    fn new(
        to: &str,
        restore: &str,
        letters: &str,
        ain: &str,
        capitalize: bool,
        latin_digits: bool,
        strict: bool,
        plain_latin: &str,
    ) -> PyResult<Self> {
        use sorani::translit::{ArabicOptions, LatinOptions, Transliterator};
        let to = match to {
            "latin" => TranslitTarget::Latin,
            "arabic" => TranslitTarget::Arabic,
            "ipa" => TranslitTarget::Ipa,
            "syllables" => TranslitTarget::Syllables,
            other => {
                return Err(PyValueError::new_err(format!(
                    "to must be 'latin', 'arabic', 'ipa' or 'syllables', not {other:?}"
                )))
            }
        };
        let (letters, ain) = (option(letters)?, option(ain)?);
        let transliterator = Transliterator::new()
            .with_latin(LatinOptions { letters, ain, capitalize })
            .with_arabic(ArabicOptions { arabic_digits: !latin_digits, lenient: !strict, plain: option(plain_latin)? });
        Ok(Translit { to, transliterator, restorer: restorer(restore)? })
    }

    fn run(&self, text: &str) -> String {
        let t = &self.transliterator;
        match self.to {
            TranslitTarget::Latin => t.to_latin(&self.restorer.restore_lines(text)),
            TranslitTarget::Arabic => t.to_arabic(text),
            TranslitTarget::Ipa => t.to_ipa(&self.restorer.restore_lines(text)),
            TranslitTarget::Syllables => t.syllables(&self.restorer.restore_lines(text)),
        }
    }
}

/// Transliterate: `to` is "latin" (Kurdish Latin alphabet), "arabic" (from
/// Latin), "ipa" or "syllables". Arabic-script text typed without a Kurdish
/// keyboard is restored first (`restore` as in `normalize`), like `sorani translit`,
/// whose flags the other keywords are: `letters` for ڵ ڕ ("caron": ł ř,
/// "acute": ĺ ŕ, "plain": l r), `ain` for ع ("apostrophe" or "diaeresis"),
/// `capitalize` sentence starts, and for Latin → Arabic `latin_digits`
/// (keep 0-9), `strict` (ll and rr stay double l and r) and `plain_latin`
/// ("auto", "always" or "never": Latin typed without ê î û ş ç ł ř, as
/// `--plain-latin`).
#[pyfunction]
#[pyo3(signature = (text, *, to = "latin", restore = "auto", letters = "caron", ain = "apostrophe", capitalize = true, latin_digits = false, strict = false, plain_latin = "auto"))]
#[allow(clippy::too_many_arguments)]
fn transliterate(
    text: &str,
    to: &str,
    restore: &str,
    letters: &str,
    ain: &str,
    capitalize: bool,
    latin_digits: bool,
    strict: bool,
    plain_latin: &str,
) -> PyResult<String> {
    Ok(Translit::new(to, restore, letters, ain, capitalize, latin_digits, strict, plain_latin)?.run(text))
}

/// Transliterate many texts at once, on all cores: the work runs without the GIL, which
/// the calling thread takes only to read and build Python strings.
#[pyfunction]
#[pyo3(signature = (texts, *, to = "latin", restore = "auto", letters = "caron", ain = "apostrophe", capitalize = true, latin_digits = false, strict = false, plain_latin = "auto"))]
#[allow(clippy::too_many_arguments)]
fn transliterate_batch<'py>(
    py: Python<'py>,
    texts: Vec<Bound<'py, PyString>>,
    to: &str,
    restore: &str,
    letters: &str,
    ain: &str,
    capitalize: bool,
    latin_digits: bool,
    strict: bool,
    plain_latin: &str,
) -> PyResult<Bound<'py, PyList>> {
    let translit = Translit::new(to, restore, letters, ain, capitalize, latin_digits, strict, plain_latin)?;
    pipeline::map_texts(py, &texts, |text| translit.run(text))
}

/// `transliterate` over the buffers of an Arrow string array (see `sorani.transliterate_arrow`).
#[pyfunction]
#[pyo3(signature = (offsets, data, width, *, to = "latin", restore = "auto", letters = "caron", ain = "apostrophe", capitalize = true, latin_digits = false, strict = false, plain_latin = "auto"))]
#[allow(clippy::too_many_arguments)]
fn _transliterate_arrow_buffers<'py>(
    py: Python<'py>,
    offsets: &Bound<'py, PyBytes>,
    data: &Bound<'py, PyBytes>,
    width: usize,
    to: &str,
    restore: &str,
    letters: &str,
    ain: &str,
    capitalize: bool,
    latin_digits: bool,
    strict: bool,
    plain_latin: &str,
) -> PyResult<(Bound<'py, PyBytes>, Bound<'py, PyBytes>)> {
    let translit = Translit::new(to, restore, letters, ain, capitalize, latin_digits, strict, plain_latin)?;
    arrow::map_strings(py, offsets.as_bytes(), data.as_bytes(), width, &|text, out| out.push_str(&translit.run(text)))
}

// ---- morphology ---------------------------------------------------------------

/// All plausible analyses of one word, best first: dicts with lemma, stem,
/// pos, known, and morphemes (text, start, end (byte offsets in the word's
/// UTF-8), kind, tag).
#[pyfunction]
fn analyze(py: Python<'_>, word: &str) -> PyResult<Py<PyAny>> {
    serialized(py, &sorani::morph::analyze(word))
}

/// The lemma of one word (a noun's bare singular, a verb's infinitive).
#[pyfunction]
fn lemma(word: &str) -> String {
    sorani::morph::lemma(word).into_owned()
}

/// The light stem of one word, for search.
#[pyfunction]
fn stem(word: &str) -> String {
    sorani::morph::stem(word).into_owned()
}

/// Stem many words at once, on all cores: the work runs without the GIL, which
/// the calling thread takes only to read and build Python strings.
#[pyfunction]
fn stem_batch<'py>(py: Python<'py>, words: Vec<Bound<'py, PyString>>) -> PyResult<Bound<'py, PyList>> {
    pipeline::map_texts(py, &words, |word| sorani::morph::stem(word).into_owned())
}

/// Lemmatize many words at once, on all cores: the work runs without the GIL, which
/// the calling thread takes only to read and build Python strings.
#[pyfunction]
fn lemma_batch<'py>(py: Python<'py>, words: Vec<Bound<'py, PyString>>) -> PyResult<Bound<'py, PyList>> {
    pipeline::map_texts(py, &words, |word| sorani::morph::lemma(word).into_owned())
}

/// What the morphology reads of a text, as `sorani lemma` and `sorani stem`
/// make it: each line restored as `restore` says ("auto", "always",
/// "never"), then normalized to the standard spelling.
fn standard_spelling(restore: &str) -> PyResult<Arc<Pipeline>> {
    Pipeline::cached("standard", restore, None, None, "heh", false)
}

/// Every word of a text replaced by its lemma, tokens separated by single
/// spaces, punctuation kept as its own token, as `sorani lemma` prints it:
/// text typed without a Kurdish keyboard is restored first (`restore` as in
/// `normalize`) and every word normalized, so the lemmas are standard words.
#[pyfunction]
#[pyo3(signature = (text, *, restore = "auto"))]
fn lemmatize_text(text: &str, restore: &str) -> PyResult<String> {
    Ok(sorani::morph::lemmatize_text(&standard_spelling(restore)?.run_cow(text)))
}

/// Every word of a text replaced by its light stem, tokens separated by
/// single spaces, punctuation kept as its own token, as `sorani stem` prints
/// it (restored and normalized first, as in `lemmatize_text`).
#[pyfunction]
#[pyo3(signature = (text, *, restore = "auto"))]
fn stem_text(text: &str, restore: &str) -> PyResult<String> {
    Ok(sorani::morph::stem_text(&standard_spelling(restore)?.run_cow(text)))
}

/// The stems a search index keeps for a text: stopwords and punctuation left
/// out (what `sorani stem --index-terms` prints, as a list; restored and
/// normalized first, as in `lemmatize_text`).
#[pyfunction]
#[pyo3(signature = (text, *, restore = "auto"))]
fn index_terms(text: &str, restore: &str) -> PyResult<Vec<String>> {
    let standard = standard_spelling(restore)?.run_cow(text);
    Ok(sorani::morph::index_terms(&standard).into_iter().map(|term| term.into_owned()).collect())
}

/// `lemmatize_text` over many texts, on all cores: the work runs without the GIL, which
/// the calling thread takes only to read and build Python strings.
#[pyfunction]
#[pyo3(signature = (texts, *, restore = "auto"))]
fn lemmatize_text_batch<'py>(
    py: Python<'py>,
    texts: Vec<Bound<'py, PyString>>,
    restore: &str,
) -> PyResult<Bound<'py, PyList>> {
    let standard = standard_spelling(restore)?;
    pipeline::map_texts(py, &texts, |text| sorani::morph::lemmatize_text(&standard.run_cow(text)))
}

/// `stem_text` over many texts, on all cores: the work runs without the GIL, which
/// the calling thread takes only to read and build Python strings.
#[pyfunction]
#[pyo3(signature = (texts, *, restore = "auto"))]
fn stem_text_batch<'py>(
    py: Python<'py>,
    texts: Vec<Bound<'py, PyString>>,
    restore: &str,
) -> PyResult<Bound<'py, PyList>> {
    let standard = standard_spelling(restore)?;
    pipeline::map_texts(py, &texts, |text| sorani::morph::stem_text(&standard.run_cow(text)))
}

/// The morphemes of one word as strings, in order (they concatenate to the word).
#[pyfunction]
fn morphemes(word: &str) -> Vec<String> {
    sorani::morph::segment(word).iter().map(|m| m.text.to_string()).collect()
}

/// Whether a word is a Sorani stopword (function word).
#[pyfunction]
fn is_stopword(word: &str) -> bool {
    sorani::morph::is_stopword(word)
}

/// The documented Sorani stopword list.
#[pyfunction]
fn stopwords() -> Vec<&'static str> {
    sorani::morph::stopwords().to_vec()
}

// ---- spelling -------------------------------------------------------------------

fn suggestion_dicts<'py>(py: Python<'py>, suggestions: &[sorani::spell::Suggestion]) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for suggestion in suggestions {
        let item = PyDict::new(py);
        item.set_item("word", &suggestion.word)?;
        item.set_item("score", suggestion.score)?;
        list.append(item)?;
    }
    Ok(list)
}

/// Whether `min_severity` ("warning": every finding, "error": errors only,
/// as `sorani spell --min-severity`) keeps only errors.
fn errors_only(min_severity: &str) -> PyResult<bool> {
    match min_severity {
        "warning" => Ok(false),
        "error" => Ok(true),
        other => Err(PyValueError::new_err(format!("min_severity must be 'warning' or 'error', not {other:?}"))),
    }
}

/// The dict of one finding, its offsets in code points, at most `max` suggestions.
fn finding_dict<'py>(
    py: Python<'py>,
    finding: &sorani::spell::Finding,
    offsets: &mut CharOffsets,
    max: usize,
) -> PyResult<Bound<'py, PyDict>> {
    let item = PyDict::new(py);
    item.set_item("start", offsets.at(finding.start))?;
    item.set_item("end", offsets.at(finding.end))?;
    item.set_item("word", &finding.word)?;
    item.set_item("severity", finding.severity.as_str())?;
    item.set_item("kind", finding.kind.as_str())?;
    let kept = &finding.suggestions[..finding.suggestions.len().min(max)];
    item.set_item("suggestions", suggestion_dicts(py, kept)?)?;
    Ok(item)
}

/// Spelling findings in a text: dicts with start, end (code-point offsets),
/// word, severity ("error" or "warning"), kind ("spelling", or "typing": a
/// word typed on another keyboard, whose suggestion is the word restored)
/// and suggestions (word, score), best first; `min_severity`,
/// `max_suggestions` and `restore` as `sorani spell`'s flags (lines typed on
/// a legacy, Arabic or Persian keyboard or in a legacy font are judged as
/// restored unless `restore="never"`).
#[pyfunction]
#[pyo3(signature = (text, *, min_severity = "warning", max_suggestions = 5, restore = "auto"))]
fn spell_check(
    py: Python<'_>,
    text: &str,
    min_severity: &str,
    max_suggestions: usize,
    restore: &str,
) -> PyResult<Py<PyAny>> {
    let errors_only = errors_only(min_severity)?;
    let restorer = restorer(restore)?;
    let findings = py.detach(|| sorani::spell::Speller::embedded().check_as_restored(text, &restorer));
    let list = PyList::empty(py);
    let mut offsets = CharOffsets::new(text);
    for finding in findings.iter().filter(|f| !errors_only || f.severity == sorani::spell::Severity::Error) {
        list.append(finding_dict(py, finding, &mut offsets, max_suggestions)?)?;
    }
    Ok(list.into_any().unbind())
}

/// The findings `spell_fix` weighs, each with its decision, as `sorani spell
/// --fix --explain` writes them: the dicts of `spell_check` with replacement
/// (the best suggestion, or None), applied, reason and edits.
#[pyfunction]
#[pyo3(signature = (text, *, min_severity = "warning", max_suggestions = 5, restore = "auto"))]
fn spell_fix_explained(
    py: Python<'_>,
    text: &str,
    min_severity: &str,
    max_suggestions: usize,
    restore: &str,
) -> PyResult<Py<PyAny>> {
    let errors_only = errors_only(min_severity)?;
    let restorer = restorer(restore)?;
    let corrections = py.detach(|| sorani::spell::Speller::embedded().fix_explained_as_restored(text, &restorer));
    let list = PyList::empty(py);
    let mut offsets = CharOffsets::new(text);
    let kept = corrections.iter().filter(|c| !errors_only || c.finding.severity == sorani::spell::Severity::Error);
    for correction in kept {
        let item = finding_dict(py, &correction.finding, &mut offsets, max_suggestions)?;
        item.set_item("replacement", correction.finding.suggestions.first().map(|s| s.word.as_str()))?;
        item.set_item("applied", correction.applied)?;
        item.set_item("reason", &correction.reason)?;
        item.set_item("edits", correction.edits.iter().map(|e| e.to_string()).collect::<Vec<_>>())?;
        list.append(item)?;
    }
    Ok(list.into_any().unbind())
}

/// Suggestions for one word, best first: dicts with word and score.
#[pyfunction]
fn spell_suggest(py: Python<'_>, word: &str) -> PyResult<Py<PyAny>> {
    let suggestions = py.detach(|| sorani::spell::Speller::embedded().suggest(word));
    Ok(suggestion_dicts(py, &suggestions)?.into_any().unbind())
}

/// The verdict on one word-list entry, as `sorani spell --words` gives it:
/// None when it is correct, else its corrections (dicts with word and score,
/// best first; possibly empty). An entry of several words is checked as text,
/// so a word split apart is found; each suggestion is then the whole entry.
#[pyfunction]
fn spell_check_entry(py: Python<'_>, entry: &str) -> PyResult<Option<Py<PyAny>>> {
    let verdict = py.detach(|| sorani::spell::Speller::embedded().check_entry(entry));
    verdict.map(|suggestions| Ok(suggestion_dicts(py, &suggestions)?.into_any().unbind())).transpose()
}

/// Whether one word is correct Sorani (known, or inflected over a known stem,
/// a number, a name-like token or Latin text).
#[pyfunction]
fn spell_is_correct(word: &str) -> bool {
    sorani::spell::Speller::embedded().is_correct(word)
}

/// The text with only the corrections the speller is sure of applied, and
/// lines typed on another keyboard or in a legacy font restored (unless
/// `restore="never"`), as `sorani spell --fix` writes it.
#[pyfunction]
#[pyo3(signature = (text, *, restore = "auto"))]
fn spell_fix(py: Python<'_>, text: &str, restore: &str) -> PyResult<String> {
    let restorer = restorer(restore)?;
    Ok(py.detach(|| sorani::spell::Speller::embedded().fix_as_restored(text, &restorer).into_owned()))
}

// ---- numbers -------------------------------------------------------------------

/// The number options from keyword arguments, as `sorani verbalize`'s
/// `--months` and `--ordinal` and `sorani numbers`'s `--digits`.
fn number_options(months: &str, ordinal: &str, digits: &str) -> PyResult<sorani::number::Options> {
    Ok(sorani::number::Options { months: option(months)?, ordinal: option(ordinal)?, digits: option(digits)? })
}

/// Read numbers, dates, times and symbols in running text out as Sorani
/// words; `months` "gregorian" (کانوونی دووەم, شوبات …) or "kurdish" (the
/// Kurdish solar calendar), `ordinal` "plain" (سێیەم) or "attributive"
/// (سێیەمین) where the text does not mark one, as `sorani verbalize`.
#[pyfunction]
#[pyo3(signature = (text, *, months = "gregorian", ordinal = "plain"))]
fn verbalize(text: &str, months: &str, ordinal: &str) -> PyResult<String> {
    let options = number_options(months, ordinal, "arabic")?;
    Ok(sorani::number::verbalize_with(text, &options).into_owned())
}

/// Verbalize many texts at once, on all cores, without holding the GIL.
#[pyfunction]
#[pyo3(signature = (texts, *, months = "gregorian", ordinal = "plain"))]
fn verbalize_batch(py: Python<'_>, texts: Vec<String>, months: &str, ordinal: &str) -> PyResult<Vec<String>> {
    let options = number_options(months, ordinal, "arabic")?;
    Ok(py.detach(|| texts.par_iter().map(|text| sorani::number::verbalize_with(text, &options).into_owned()).collect()))
}

/// Spelled-out numbers, ordinals and dates in running text back to digits:
/// `digits` "arabic" (٠١٢…, as Sorani print), "ascii" or "persian", as
/// `sorani numbers --to digits --digits`.
#[pyfunction]
#[pyo3(signature = (text, *, digits = "arabic"))]
fn words_to_digits(text: &str, digits: &str) -> PyResult<String> {
    let options = number_options("gregorian", "plain", digits)?;
    Ok(sorani::number::words_to_digits_with(text, &options).into_owned())
}

/// A whole number in Sorani words (e.g. 21 → "بیست و یەک"); any number
/// that fits in 128 bits (past the named scales, digit by digit).
#[pyfunction]
fn number_to_words(number: &Bound<'_, PyAny>) -> PyResult<String> {
    match number.extract::<i128>() {
        Ok(n) => Ok(sorani::number::cardinal(n)),
        Err(err) if err.is_instance_of::<PyOverflowError>(number.py()) => Err(PyOverflowError::new_err(
            "number_to_words reads whole numbers of 128 bits at most (-2**127 to 2**127 - 1)",
        )),
        Err(err) => Err(err),
    }
}

// ---- language identification ---------------------------------------------------

/// The identifier's options from keyword arguments, as `sorani lid`'s
/// `--threshold` and `--only`.
fn lid_options(threshold: f32, only: Option<Vec<String>>) -> PyResult<sorani::lid::Options> {
    let options = sorani::lid::Options { threshold, only: only.unwrap_or_default(), ..Default::default() };
    options.validate().map_err(|err| PyValueError::new_err(err.to_string()))?;
    Ok(options)
}

/// The language and script of a text: a dict with label ("ckb-Arab" …, or
/// "und" when no label reaches `threshold`), language, script, confidence
/// and alternatives. `only` lets just these labels or languages compete
/// (`["ckb", "kmr"]` for text known to be Kurdish).
#[pyfunction]
#[pyo3(signature = (text, *, threshold = sorani::lid::DEFAULT_THRESHOLD, only = None))]
fn identify(py: Python<'_>, text: &str, threshold: f32, only: Option<Vec<String>>) -> PyResult<Py<PyAny>> {
    let options = lid_options(threshold, only)?;
    serialized(py, &sorani::lid::Identifier::embedded().identify_with(text, &options))
}

/// Identify many texts at once, on all cores; returns their labels
/// (`threshold` and `only` as for `identify`).
#[pyfunction]
#[pyo3(signature = (texts, *, threshold = sorani::lid::DEFAULT_THRESHOLD, only = None))]
fn identify_batch(
    py: Python<'_>,
    texts: Vec<String>,
    threshold: f32,
    only: Option<Vec<String>>,
) -> PyResult<Vec<&'static str>> {
    let options = lid_options(threshold, only)?;
    let identifier = sorani::lid::Identifier::embedded();
    Ok(py.detach(|| texts.par_iter().map(|text| identifier.identify_with(text, &options).label).collect()))
}

/// A mixed text cut into runs of one language: dicts with start, end
/// (code-point offsets), label and confidence (`threshold` and `only` as
/// for `identify`).
#[pyfunction]
#[pyo3(signature = (text, *, threshold = sorani::lid::DEFAULT_THRESHOLD, only = None))]
fn language_segments(py: Python<'_>, text: &str, threshold: f32, only: Option<Vec<String>>) -> PyResult<Py<PyAny>> {
    let options = lid_options(threshold, only)?;
    let list = PyList::empty(py);
    let mut offsets = CharOffsets::new(text);
    for segment in sorani::lid::Identifier::embedded().segments_with(text, &options) {
        let item = PyDict::new(py);
        item.set_item("start", offsets.at(segment.start))?;
        item.set_item("end", offsets.at(segment.end))?;
        item.set_item("label", segment.prediction.label)?;
        item.set_item("confidence", segment.prediction.confidence)?;
        list.append(item)?;
    }
    Ok(list.into_any().unbind())
}

/// The compiled core of the `sorani` package.
#[pymodule]
fn _sorani(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    module.add_class::<Token>()?;
    module.add_function(wrap_pyfunction!(normalize, module)?)?;
    module.add_function(wrap_pyfunction!(normalize_batch, module)?)?;
    module.add_function(wrap_pyfunction!(_normalize_arrow_buffers, module)?)?;
    module.add_function(wrap_pyfunction!(_map_arrow_buffers, module)?)?;
    module.add_function(wrap_pyfunction!(_transliterate_arrow_buffers, module)?)?;
    module.add_function(wrap_pyfunction!(tokenize_text, module)?)?;
    module.add_function(wrap_pyfunction!(tokenize, module)?)?;
    module.add_function(wrap_pyfunction!(tokenize_batch, module)?)?;
    module.add_function(wrap_pyfunction!(words, module)?)?;
    module.add_function(wrap_pyfunction!(sentences, module)?)?;
    module.add_function(wrap_pyfunction!(sentences_batch, module)?)?;
    module.add_function(wrap_pyfunction!(restore, module)?)?;
    module.add_function(wrap_pyfunction!(restore_batch, module)?)?;
    module.add_function(wrap_pyfunction!(restore_explained, module)?)?;
    module.add_function(wrap_pyfunction!(detect, module)?)?;
    module.add_function(wrap_pyfunction!(transliterate, module)?)?;
    module.add_function(wrap_pyfunction!(transliterate_batch, module)?)?;
    module.add_function(wrap_pyfunction!(analyze, module)?)?;
    module.add_function(wrap_pyfunction!(lemma, module)?)?;
    module.add_function(wrap_pyfunction!(lemma_batch, module)?)?;
    module.add_function(wrap_pyfunction!(stem, module)?)?;
    module.add_function(wrap_pyfunction!(stem_batch, module)?)?;
    module.add_function(wrap_pyfunction!(lemmatize_text, module)?)?;
    module.add_function(wrap_pyfunction!(lemmatize_text_batch, module)?)?;
    module.add_function(wrap_pyfunction!(stem_text, module)?)?;
    module.add_function(wrap_pyfunction!(stem_text_batch, module)?)?;
    module.add_function(wrap_pyfunction!(index_terms, module)?)?;
    module.add_function(wrap_pyfunction!(morphemes, module)?)?;
    module.add_function(wrap_pyfunction!(is_stopword, module)?)?;
    module.add_function(wrap_pyfunction!(stopwords, module)?)?;
    module.add_function(wrap_pyfunction!(spell_check, module)?)?;
    module.add_function(wrap_pyfunction!(spell_suggest, module)?)?;
    module.add_function(wrap_pyfunction!(spell_is_correct, module)?)?;
    module.add_function(wrap_pyfunction!(spell_check_entry, module)?)?;
    module.add_function(wrap_pyfunction!(spell_fix, module)?)?;
    module.add_function(wrap_pyfunction!(spell_fix_explained, module)?)?;
    module.add_function(wrap_pyfunction!(verbalize, module)?)?;
    module.add_function(wrap_pyfunction!(verbalize_batch, module)?)?;
    module.add_function(wrap_pyfunction!(words_to_digits, module)?)?;
    module.add_function(wrap_pyfunction!(number_to_words, module)?)?;
    module.add_function(wrap_pyfunction!(identify, module)?)?;
    module.add_function(wrap_pyfunction!(identify_batch, module)?)?;
    module.add_function(wrap_pyfunction!(language_segments, module)?)?;
    Ok(())
}
