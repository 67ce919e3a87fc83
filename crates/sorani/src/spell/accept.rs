//! Acceptance: is a word correct as written?
//!
//! A word is accepted when it is in the lexicon, or when it is a known word
//! followed by a chain of common clitics and endings (definite -ەکە, plural
//! -ان/-ەکان, indefinite -ێک/-یەک, ezafe -ی, pronominal clitics, additive
//! -یش/-ش, postpositions -دا/-ەوە …) or preceded by a verbal prefix (دە-,
//! نە-, نا-, ب-, مە-). This light affix check lets the speller accept
//! inflected forms missing from the lexicon; a full morphological analyzer
//! plugged in with [`super::SpellerBuilder::analyzer`] widens it.

use super::index::Words;

/// Endings that attach to a word, longest first within each length so that
/// stripping tries the longest match first.
const SUFFIXES: &[&str] = &[
    "ەکانیان",
    "ەکانمان",
    "ەکانتان",
    "یەکانی",
    "ەکانی",
    "ەکانم",
    "ەکانت",
    "یەکان",
    "ەکەیان",
    "ەکەمان",
    "ەکەتان",
    "ەکەی",
    "ەکەم",
    "ەکەت",
    "ەکان",
    "ەکە",
    "یەکی",
    "یەک",
    "ێکی",
    "ێک",
    "ەوە",
    "وە",
    "یان",
    "مان",
    "تان",
    "یش",
    "ش",
    "دا",
    "ییە",
    "یە",
    "انی",
    "ان",
    "ی",
    "م",
    "ت",
    "ە",
    "ین",
    "ن",
    "ترین",
    "تر",
    "ێ",
];

/// Whether `s` is one of the endings that attach to a word (a clitic or a
/// suffix written as its own token is one of these).
pub(crate) fn is_ending(s: &str) -> bool {
    SUFFIXES.contains(&s)
}

/// The endings `word` ends with, longest first, each leaving a stem of at
/// least three letters.
pub(crate) fn endings_of(word: &str) -> impl Iterator<Item = &'static str> + '_ {
    let mut found: Vec<&'static str> = SUFFIXES
        .iter()
        .copied()
        .filter(|e| word.strip_suffix(e).is_some_and(|stem| stem.chars().nth(2).is_some()))
        .collect();
    found.sort_by_key(|e| std::cmp::Reverse(e.len()));
    found.into_iter()
}

/// Prefixes of verbs and a few joined prepositions.
const PREFIXES: &[&str] = &["دە", "نە", "نا", "ب", "مە", "بە", "لە", "ئە"];

/// The shortest stem (in bytes) an affix may be stripped down to: two
/// Arabic-script letters.
const MIN_STEM_BYTES: usize = 4;

/// Whether `word` is a known word (count at least `min_count`) plus affixes,
/// stripping at most `depth` suffixes.
pub(crate) fn known_with_affixes(words: &Words, word: &str, min_count: u64) -> bool {
    strip_suffixes(words, word, min_count, 3) || strip_prefix(words, word, min_count)
}

fn known(words: &Words, word: &str, min_count: u64) -> bool {
    word.len() >= MIN_STEM_BYTES && words.count(word) >= min_count
}

fn strip_suffixes(words: &Words, word: &str, min_count: u64, depth: u8) -> bool {
    if depth == 0 {
        return false;
    }
    for suffix in SUFFIXES {
        if let Some(stem) = word.strip_suffix(suffix) {
            if stem.len() < MIN_STEM_BYTES {
                continue;
            }
            if known(words, stem, min_count) || strip_suffixes(words, stem, min_count, depth - 1) {
                return true;
            }
        }
    }
    false
}

fn strip_prefix(words: &Words, word: &str, min_count: u64) -> bool {
    for prefix in PREFIXES {
        if let Some(rest) = word.strip_prefix(prefix) {
            if known(words, rest, min_count) || strip_suffixes(words, rest, min_count, 2) {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflected_forms_of_known_words_are_accepted() {
        let words = Words::new([("وڵات", 50u64), ("کتێب", 40), ("خوێن", 20)]);
        let cases = [
            ("وڵاتەکەیان", true, "definite + their"),
            ("کتێبەکان", true, "definite plural"),
            ("کتێبێک", true, "indefinite"),
            ("کتێبەکانیش", true, "plural + additive"),
            ("دەخوێنین", true, "progressive + we"),
            ("کتبێک", false, "misspelt stem"),
            ("وڵاتس", false, "no such ending"),
        ];
        for (word, want, why) in cases {
            assert_eq!(known_with_affixes(&words, word, 1), want, "{word} ({why})");
        }
    }
}
