//! Deterministic normalization to standard Unicode Sorani.
//!
//! PLACEHOLDER until the foundation issue lands: the signatures below are the
//! contract other modules build on; the body does nothing yet.

use std::borrow::Cow;

/// Which rules [`Normalizer`] applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NormalizeOptions {
    _private: (),
}

impl NormalizeOptions {
    /// What a careful Kurdish editor accepts; never changes meaning.
    pub fn standard() -> Self {
        NormalizeOptions { _private: () }
    }

    /// `standard` plus folding for matching (digits, ZWNJ, harakat, case).
    pub fn search() -> Self {
        NormalizeOptions { _private: () }
    }
}

impl Default for NormalizeOptions {
    fn default() -> Self {
        Self::standard()
    }
}

/// A normalizer built once from options and shared across threads.
#[derive(Debug, Clone, Default)]
pub struct Normalizer {
    options: NormalizeOptions,
}

impl Normalizer {
    /// A normalizer applying `options`.
    pub fn new(options: NormalizeOptions) -> Self {
        Normalizer { options }
    }

    /// The options this normalizer applies.
    pub fn options(&self) -> &NormalizeOptions {
        &self.options
    }

    /// Normalizes `text`, borrowing it when nothing changes.
    pub fn normalize<'a>(&self, text: &'a str) -> Cow<'a, str> {
        Cow::Borrowed(text)
    }
}

/// Normalizes `text` with the `standard` preset.
pub fn normalize(text: &str) -> Cow<'_, str> {
    Normalizer::default().normalize(text)
}
