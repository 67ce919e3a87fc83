//! Text brought to standard Sorani before the morphology reads it: words
//! typed without a Kurdish keyboard restored (`--restore`, as in `sorani
//! normalize`), then the standard normalizer. The analyzer's lexicon holds
//! standard spellings only, so `كتێبەكان` or `کتێبه‌کان` would otherwise be
//! unknown words.

use std::borrow::Cow;

use sorani::normalize::{NormalizeOptions, Normalizer};
use sorani::restore::{Change, RestoreOptions, Restorer};

use super::restore_args::RestoreArg;
use crate::lines::line_and_terminator;

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

    /// A run of whole lines (terminators included) in standard Sorani, each
    /// line restored in the light of the lines around it, as `sorani
    /// normalize` restores its batches; the lines and their terminators
    /// stay as they are.
    pub fn standardize_lines<'a>(&self, run: &'a str) -> Cow<'a, str> {
        match self.restorer.restore_lines(run) {
            Cow::Borrowed(run) => self.normalizer.normalize(run),
            Cow::Owned(restored) => Cow::Owned(self.normalizer.normalize(&restored).into_owned()),
        }
    }

    /// Restoration's changes to each line of a run of whole lines
    /// (terminators included; word by word, with spans into the line), each
    /// line restored in the light of the run as
    /// [`Standardizer::standardize_lines`] restores it, or `None` for a line
    /// that is standard as it stands: nothing to restore and nothing to
    /// normalize. For callers that keep each word's place.
    pub fn changes_of_lines(&self, run: &str) -> Vec<Option<Vec<Change>>> {
        let lines: Vec<&str> = run.split_inclusive('\n').map(|l| line_and_terminator(l).0).collect();
        let mut restored: Vec<Option<Vec<Change>>> = vec![None; lines.len()];
        for (index, line) in self.restorer.restore_lines_explained(run) {
            if let Some(slot) = restored.get_mut(index) {
                *slot = Some(line.changes);
            }
        }
        lines
            .iter()
            .zip(restored)
            .map(|(line, changes)| match changes {
                Some(changes) if !changes.is_empty() => Some(changes),
                _ => (!matches!(self.normalizer.normalize(line), Cow::Borrowed(_))).then(Vec::new),
            })
            .collect()
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
        assert_eq!(s.standardize_lines("كتێبه\u{200C}كان\r\n"), "کتێبەکان\r\n");
        let clean = "کتێبەکان لە ماڵەوە\nباشە\n";
        assert!(matches!(s.standardize_lines(clean), Cow::Borrowed(_)));
        let never = Standardizer::new(RestoreArg::Never);
        assert_eq!(never.standardize_lines("كتێب"), "کتێب", "normalizing still folds KAF");
    }
}
