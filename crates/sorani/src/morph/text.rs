//! Morphology over running text: every word of a line through the analyzer.
//!
//! The word-level functions ([`Analyzer::lemma`], [`Analyzer::stem`]) take one
//! word. The command line, the Python package and search all need the same
//! thing over whole lines, with the same idea of what a word is, so it lives
//! here once: a word is a run of letters, digits, Arabic marks and ZWNJ;
//! everything else (spaces, punctuation) is a gap.
//!
//! ```
//! use sorani::morph;
//!
//! assert_eq!(morph::lemmatize_text("وڵاتەکەیان، دەیخوێنینەوە."), "وڵات ، خوێندن .");
//! assert_eq!(morph::index_terms("ماڵەکانمان لە ماڵەکەدا"), ["ماڵ", "ماڵ"]);
//! ```

use std::borrow::Cow;

use super::{is_stopword, Analyzer};

/// A piece of a text: a word, or the run of other characters between words.
/// The pieces of a text, in order, concatenate to the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordPiece {
    /// Byte offset where the piece starts.
    pub start: usize,
    /// Byte offset just past the piece.
    pub end: usize,
    /// Whether the piece is a word (otherwise it is a gap).
    pub is_word: bool,
}

/// Whether `c` belongs inside a word: letters, digits, the Arabic harakat
/// (U+064B–U+065F, U+0670) and ZWNJ, which joins the parts of one word.
fn is_word_char(c: char) -> bool {
    let cp = c as u32;
    if cp < 0x80 {
        c.is_ascii_alphanumeric()
    } else if (0x0600..0x0700).contains(&cp) {
        // Most of a Sorani text: a table instead of Unicode's slower lookup.
        ARABIC_WORD_CHARS[(cp - 0x0600) as usize]
    } else {
        is_word_char_slow(c)
    }
}

fn is_word_char_slow(c: char) -> bool {
    c.is_alphanumeric() || c == '\u{200C}' || ('\u{064B}'..='\u{065F}').contains(&c) || c == '\u{0670}'
}

/// [`is_word_char_slow`] of U+0600–U+06FF.
static ARABIC_WORD_CHARS: std::sync::LazyLock<[bool; 256]> = std::sync::LazyLock::new(|| {
    std::array::from_fn(|i| char::from_u32(0x0600 + i as u32).is_some_and(is_word_char_slow))
});

/// Iterator over the [`WordPiece`]s of a text; see [`word_pieces`].
#[derive(Debug, Clone)]
pub struct WordPieces<'a> {
    text: &'a str,
    pos: usize,
}

impl Iterator for WordPieces<'_> {
    type Item = WordPiece;

    fn next(&mut self) -> Option<WordPiece> {
        let rest = &self.text[self.pos..];
        let first = rest.chars().next()?;
        let is_word = is_word_char(first);
        let len = rest.find(|c: char| is_word_char(c) != is_word).unwrap_or(rest.len());
        let piece = WordPiece { start: self.pos, end: self.pos + len, is_word };
        self.pos += len;
        Some(piece)
    }
}

/// Splits `text` into words and the gaps between them, with byte offsets.
pub fn word_pieces(text: &str) -> WordPieces<'_> {
    WordPieces { text, pos: 0 }
}

/// Iterator over the words of `text` with their byte offsets.
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    word_pieces(text).filter(|p| p.is_word).map(move |p| (p.start, &text[p.start..p.end]))
}

/// Writes `text` to `out` with every word passed through `f`, tokens separated
/// by single spaces: a gap's whitespace becomes one space, and its other
/// characters (punctuation) stay, each run as its own token.
pub fn map_words(text: &str, out: &mut String, mut f: impl FnMut(&str, &mut String)) {
    let mut first = true;
    for piece in word_pieces(text) {
        let piece_text = &text[piece.start..piece.end];
        if piece.is_word {
            if !first {
                out.push(' ');
            }
            f(piece_text, out);
            first = false;
        } else {
            for token in piece_text.split_whitespace() {
                if !first {
                    out.push(' ');
                }
                out.push_str(token);
                first = false;
            }
        }
    }
}

impl Analyzer {
    /// Every word of `text` replaced by its lemma ([`Analyzer::lemma`]), tokens
    /// separated by single spaces, punctuation kept as its own token.
    pub fn lemmatize_text(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        map_words(text, &mut out, |word, out| out.push_str(&self.lemma(word)));
        out
    }

    /// Every word of `text` replaced by its light stem ([`Analyzer::stem`]),
    /// tokens separated by single spaces, punctuation kept as its own token.
    pub fn stem_text(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        map_words(text, &mut out, |word, out| out.push_str(&self.stem(word)));
        out
    }

    /// The stems of the words of `text` that a search index keeps: stopwords
    /// and punctuation left out.
    pub fn index_terms<'a>(&self, text: &'a str) -> Vec<Cow<'a, str>> {
        words(text).filter(|(_, word)| !is_stopword(word)).map(|(_, word)| self.stem(word)).collect()
    }
}

/// [`Analyzer::lemmatize_text`] with the embedded analyzer.
pub fn lemmatize_text(text: &str) -> String {
    Analyzer::embedded().lemmatize_text(text)
}

/// [`Analyzer::stem_text`] with the embedded analyzer.
pub fn stem_text(text: &str) -> String {
    Analyzer::embedded().stem_text(text)
}

/// [`Analyzer::index_terms`] with the embedded analyzer.
pub fn index_terms(text: &str) -> Vec<Cow<'_, str>> {
    Analyzer::embedded().index_terms(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn pieces_split_words_from_gaps() {
        let text = "ماڵەکە، (نوێ)  2024";
        let got: Vec<(&str, bool)> = word_pieces(text).map(|p| (&text[p.start..p.end], p.is_word)).collect();
        assert_eq!(got, [("ماڵەکە", true), ("، (", false), ("نوێ", true), (")  ", false), ("2024", true)]);
    }

    #[test]
    fn zwnj_and_harakat_stay_inside_words() {
        let text = "نامە\u{200C}یەک كَتێب";
        let got: Vec<&str> = words(text).map(|(_, w)| w).collect();
        assert_eq!(got, ["نامە\u{200C}یەک", "كَتێب"]);
    }

    #[test]
    fn map_words_collapses_space_and_keeps_punctuation() {
        let mut out = String::new();
        map_words("  یەک،   دوو . ", &mut out, |w, out| {
            out.push('<');
            out.push_str(w);
            out.push('>');
        });
        assert_eq!(out, "<یەک> ، <دوو> .");
    }

    #[test]
    fn text_functions_agree_with_word_functions() {
        let analyzer = Analyzer::embedded();
        let text = "وڵاتەکەیان دەیخوێنینەوە لە ماڵەکانمان";
        let lemmas: Vec<String> = text.split(' ').map(|w| analyzer.lemma(w).into_owned()).collect();
        let stems: Vec<String> = text.split(' ').map(|w| analyzer.stem(w).into_owned()).collect();
        assert_eq!(analyzer.lemmatize_text(text), lemmas.join(" "));
        assert_eq!(analyzer.stem_text(text), stems.join(" "));
        let terms: Vec<String> = analyzer.index_terms(text).into_iter().map(Cow::into_owned).collect();
        let expected: Vec<String> =
            text.split(' ').filter(|w| !is_stopword(w)).map(|w| analyzer.stem(w).into_owned()).collect();
        assert_eq!(terms, expected);
        assert!(!terms.iter().any(|t| t == "لە"), "the stopword لە is not an index term: {terms:?}");
    }

    #[test]
    fn the_arabic_table_agrees_with_unicode() {
        for cp in 0x0600..0x0700 {
            let c = char::from_u32(cp).expect("Arabic block");
            assert_eq!(is_word_char(c), is_word_char_slow(c), "U+{cp:04X}");
        }
    }

    proptest! {
        #[test]
        fn pieces_cover_the_text_and_alternate(text in "\\PC{0,40}") {
            let pieces: Vec<WordPiece> = word_pieces(&text).collect();
            let rebuilt: String = pieces.iter().map(|p| &text[p.start..p.end]).collect();
            prop_assert_eq!(&rebuilt, &text);
            for pair in pieces.windows(2) {
                prop_assert_eq!(pair[0].end, pair[1].start);
                prop_assert_ne!(pair[0].is_word, pair[1].is_word);
            }
        }
    }
}
