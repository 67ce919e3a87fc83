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
#[cfg(test)]
fn is_word_char(c: char) -> bool {
    let mut buf = [0; 4];
    word_char_at(c.encode_utf8(&mut buf).as_bytes(), 0, &WORD_BYTES).0
}

fn is_word_char_slow(c: char) -> bool {
    c.is_alphanumeric() || c == '\u{200C}' || ('\u{064B}'..='\u{065F}').contains(&c) || c == '\u{0670}'
}

/// [`is_word_char_slow`] of ASCII (first 128) and of U+0600–U+06FF (next
/// 256): most of a Sorani text, answered by a table instead of Unicode's
/// slower lookup.
struct WordBytes([bool; 384]);

static WORD_BYTES: std::sync::LazyLock<WordBytes> = std::sync::LazyLock::new(|| {
    WordBytes(std::array::from_fn(|i| {
        let cp = if i < 128 { i as u32 } else { 0x0600 + i as u32 - 128 };
        char::from_u32(cp).is_some_and(is_word_char_slow)
    }))
});

/// Whether the character starting at byte `i` of `b` (valid UTF-8) is a
/// word character, and its length in bytes. Works on bytes: decoding every
/// character made splitting a line cost as much as stemming its words.
#[inline(always)]
fn word_char_at(b: &[u8], i: usize, table: &WordBytes) -> (bool, usize) {
    let lead = b[i];
    if lead < 0x80 {
        (table.0[lead as usize], 1)
    } else if (0xD8..=0xDB).contains(&lead) {
        // Two bytes: 110110xx 10yyyyyy is U+0600 + xxyyyyyy.
        let low = usize::from(lead & 0x03) << 6 | usize::from(b[i + 1] & 0x3F);
        (table.0[128 + low], 2)
    } else {
        other_char_at(b, i)
    }
}

/// [`word_char_at`] of a character outside ASCII and U+0600–U+06FF.
#[cold]
#[inline(never)]
fn other_char_at(b: &[u8], i: usize) -> (bool, usize) {
    let len = match b[i] {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    };
    let c = std::str::from_utf8(&b[i..i + len]).ok().and_then(|s| s.chars().next());
    (c.is_some_and(is_word_char_slow), len)
}

/// Iterator over the [`WordPiece`]s of a text; see [`word_pieces`].
#[derive(Debug, Clone)]
pub struct WordPieces<'a> {
    text: &'a str,
    pos: usize,
}

impl Iterator for WordPieces<'_> {
    type Item = WordPiece;

    fn next(&mut self) -> Option<WordPiece> {
        let b = self.text.as_bytes();
        let start = self.pos;
        if start >= b.len() {
            return None;
        }
        let table = &*WORD_BYTES;
        let (is_word, len) = word_char_at(b, start, table);
        let mut end = start + len;
        while end < b.len() {
            let (w, len) = word_char_at(b, end, table);
            if w != is_word {
                break;
            }
            end += len;
        }
        self.pos = end;
        Some(WordPiece { start, end, is_word })
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
/// characters (punctuation) stay, each run as its own token. URLs, e-mail
/// addresses, hashtags, mentions and numbers with a separator (`٣.٥`,
/// `2,500`), as the tokenizer finds them, are tokens of their own, copied
/// as they are: cut at their punctuation, they would no longer be what
/// they were (`٣ . ٥`, `www . rudaw . net`).
pub fn map_words(text: &str, out: &mut String, mut f: impl FnMut(&str, &mut String)) {
    let mut first = true;
    let mut pos = 0;
    for unit in unit_spans(text) {
        map_words_between(&text[pos..unit.start], out, &mut f, &mut first);
        if !first {
            out.push(' ');
        }
        out.push_str(&text[unit.clone()]);
        first = false;
        pos = unit.end;
    }
    map_words_between(&text[pos..], out, &mut f, &mut first);
}

/// The byte ranges of the tokens of `text` that are not words to analyze
/// but kept whole by [`map_words`]: URLs, e-mail addresses, hashtags,
/// mentions and numbers with a separator, in order.
pub fn unit_spans(text: &str) -> Vec<std::ops::Range<usize>> {
    if !may_hold_unit(text.as_bytes()) {
        return Vec::new();
    }
    crate::tokenize::tokenize(text).filter(is_unit).map(|t| t.start..t.end).collect()
}

/// Whether a token is kept whole by [`map_words`].
fn is_unit(token: &crate::tokenize::Token<'_>) -> bool {
    use crate::tokenize::TokenKind;
    match token.kind {
        TokenKind::Url | TokenKind::Email | TokenKind::Hashtag | TokenKind::Mention => true,
        TokenKind::Number => !token.text.chars().all(char::is_numeric),
        _ => false,
    }
}

/// Whether `text` may hold a token that [`map_words`] keeps whole: a screen
/// that spares most lines the tokenizer (`@`, `#`, a URL's `://` or `www.`,
/// or `.` `,` `٫` `٬` after a digit).
fn may_hold_unit(text: &[u8]) -> bool {
    let after_digit = |p: usize| {
        p > 0 && text[p - 1].is_ascii_digit()
            || p > 1 && matches!((text[p - 2], text[p - 1]), (0xD9, 0xA0..=0xA9) | (0xDB, 0xB0..=0xB9))
    };
    memchr::memchr3_iter(b'@', b'#', b',', text).any(|p| text[p] != b',' || after_digit(p))
        || memchr::memchr_iter(b'.', text).any(after_digit)
        || memchr::memmem::find(text, "٫".as_bytes()).is_some()
        || memchr::memmem::find(text, "٬".as_bytes()).is_some()
        || crate::url::may_hold_url(text)
}

fn map_words_between(text: &str, out: &mut String, f: &mut impl FnMut(&str, &mut String), first: &mut bool) {
    for piece in word_pieces(text) {
        let piece_text = &text[piece.start..piece.end];
        if piece.is_word {
            if !*first {
                out.push(' ');
            }
            f(piece_text, out);
            *first = false;
        } else {
            for token in piece_text.split_whitespace() {
                if !*first {
                    out.push(' ');
                }
                out.push_str(token);
                *first = false;
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
    fn map_words_keeps_urls_addresses_tags_and_numbers_whole() {
        let mut out = String::new();
        let text = "(www.rudaw.net/ckb)، info@rudaw.net #هەواڵ @rudaw_ckb ٣.٥% 2,500 ٢٠٢٤/٣ ١٢ی: وشە.";
        map_words(text, &mut out, |w, out| {
            out.push('<');
            out.push_str(w);
            out.push('>');
        });
        assert_eq!(
            out,
            "( www.rudaw.net/ckb )، info@rudaw.net #هەواڵ @rudaw_ckb ٣.٥ % 2,500 <٢٠٢٤> / <٣> <١٢ی> : <وشە> ."
        );
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
    fn the_byte_tables_agree_with_unicode() {
        for cp in (0..0x80).chain(0x0600..0x0700).chain([0x0750, 0x200C, 0x200D, 0x2013, 0xFEFF, 0x1F600]) {
            let c = char::from_u32(cp).expect("a scalar value");
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

        /// The screen never misses a token that `map_words` keeps whole.
        #[test]
        fn the_unit_screen_never_misses(text in "[a-z٠-٩0-9۰-۹ .,٫٬@#:/ە]{0,30}") {
            if crate::tokenize::tokenize(&text).any(|t| is_unit(&t)) {
                prop_assert!(may_hold_unit(text.as_bytes()), "{:?}", text);
            }
        }
    }
}
