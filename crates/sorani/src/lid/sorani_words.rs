//! Central Kurdish by its words: when the character model is not confident,
//! or answers Southern Kurdish or Gorani (which share most letters and many
//! n-grams with Central Kurdish), the text's Arabic-script words decide: nine
//! in ten of them known to Sorani (a word two sources of the word-frequency
//! lexicon attest, or an inflection of a stem the morphological analyzer
//! knows) makes Central Kurdish ten times likelier.

use crate::lexicon::Lexicon;
use crate::morph::Analyzer;

/// The likelihood ratio for Central Kurdish when the words read as Sorani.
pub(crate) const LIKELIHOOD_RATIO: f32 = 10.0;
/// The least share of accepted words that counts as Sorani.
const MIN_SHARE: f32 = 0.9;
/// A word-frequency count that two sources attest.
const ATTESTED: u64 = 20;
/// The fewest Arabic-script words that make a share (one: a single known
/// word settles a short input the n-grams left undecided).
const MIN_WORDS: usize = 1;

/// Whether at least nine in ten of the Arabic-script words of `text` (one
/// word is enough) are known Sorani words.
pub(crate) fn reads_as_sorani(text: &str) -> bool {
    let (lexicon, analyzer) = (Lexicon::embedded(), Analyzer::embedded());
    let (mut words, mut accepted) = (0usize, 0usize);
    for word in text.split(|c: char| !(c.is_alphabetic() || c == '\u{200C}')) {
        let word = word.trim_matches('\u{200C}');
        if !word.chars().next().is_some_and(crate::chars::in_arabic_block) {
            continue;
        }
        words += 1;
        accepted += (lexicon.frequency(word) >= ATTESTED || analyzer.has_known_stem(word)) as usize;
    }
    words >= MIN_WORDS && accepted as f32 >= MIN_SHARE * words as f32
}
