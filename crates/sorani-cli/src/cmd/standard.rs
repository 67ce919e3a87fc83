//! Text brought to standard Sorani before the morphology reads it: words
//! typed without a Kurdish keyboard restored (`--restore`, as in `sorani
//! normalize`), then the standard normalizer. The analyzer's lexicon holds
//! standard spellings only, so `كتێبەكان` or `کتێبه‌کان` would otherwise be
//! unknown words.

use std::borrow::Cow;

use sorani::normalize::{NormalizeOptions, Normalizer};
use sorani::restore::{Change, RestoreOptions, Restorer};

use super::restore_args::RestoreArg;

/// Restores and normalizes lines.
pub struct Standardizer {
    restorer: Restorer,
    normalizer: Normalizer,
}

impl Standardizer {
    /// A standardizer that restores as `restore` says.
    pub fn new(restore: RestoreArg) -> Self {
        Standardizer {
            restorer: Restorer::with_options(RestoreOptions { mode: restore.mode(), from: None }),
            normalizer: Normalizer::new(NormalizeOptions::standard()),
        }
    }

    /// `line` in standard Sorani, borrowed when it already is. (One line:
    /// detection decides for the whole of it, and clean text is recognised
    /// at a fraction of detection's cost.)
    pub fn standardize<'a>(&self, line: &'a str) -> Cow<'a, str> {
        match self.restorer.restore(line) {
            Cow::Borrowed(line) => self.normalizer.normalize(line),
            Cow::Owned(restored) => Cow::Owned(self.normalizer.normalize(&restored).into_owned()),
        }
    }

    /// Restoration's changes to `line` (word by word, with spans into it),
    /// or `None` when the line is standard as it stands: nothing to restore
    /// and nothing to normalize. For callers that keep each word's place.
    pub fn changes(&self, line: &str) -> Option<Vec<Change>> {
        let restored = self.restorer.restore_explained(line);
        if restored.changes.is_empty() && matches!(self.normalizer.normalize(line), Cow::Borrowed(_)) {
            None
        } else {
            Some(restored.changes)
        }
    }

    /// `text` normalized (not restored).
    pub fn normalize<'a>(&self, text: &'a str) -> Cow<'a, str> {
        self.normalizer.normalize(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_typed_on_other_keyboards_comes_out_standard() {
        let s = Standardizer::new(RestoreArg::Auto);
        // Arabic KAF, HEH + ZWNJ for ە
        assert_eq!(s.standardize("كتێبه\u{200C}كان"), "کتێبەکان");
        let clean = "کتێبەکان لە ماڵەوە";
        assert!(matches!(s.standardize(clean), Cow::Borrowed(_)));
        let never = Standardizer::new(RestoreArg::Never);
        assert_eq!(never.standardize("كتێب"), "کتێب", "normalizing still folds KAF");
    }
}
