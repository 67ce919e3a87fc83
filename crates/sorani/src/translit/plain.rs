//! Latin typed without the Kurdish letters: `e` for ê, `i` for î, `u` for
//! û, `s` for ş, `c` for ç, `l` for ł, `r` for ř, `h` for ḧ, `x` for ẍ, or
//! the English-style `sh` `ch` `zh` `kh` `gh`. Read letter by letter, such
//! a word comes out wrong (`silemani` → سلەمان, `xosh` → خۆسه); each letter
//! might have been either, and the lexicon knows which spelling is a word.

use std::borrow::Cow;
use std::cell::RefCell;

use super::latin;
use super::phoneme::Ph;
use crate::lexicon::Lexicon;
use crate::memo::Generations;
use crate::morph::Analyzer;

/// A plain letter and the Kurdish Latin letter it may stand for.
const PLAIN_LETTERS: [(char, char); 9] =
    [('e', 'ê'), ('i', 'î'), ('u', 'û'), ('s', 'ş'), ('c', 'ç'), ('l', 'ł'), ('r', 'ř'), ('h', 'ḧ'), ('x', 'ẍ')];

/// English-style digraphs and the letter each may stand for.
const DIGRAPHS: [(&str, char); 5] = [("sh", 'ş'), ("ch", 'ç'), ("zh", 'j'), ("kh", 'x'), ("gh", 'ẍ')];

/// Words with more open choices than this are read as typed (2^12
/// spellings to look up is the most a word is worth).
const MAX_CHOICES: usize = 12;

/// Words with more open choices than this are not given to the analyzer
/// when the lexicon knows none of their spellings (each reading analyzed
/// costs microseconds).
const MAX_ANALYZED_CHOICES: usize = 8;

/// Latin words a text needs for its lack of Kurdish letters to tell: one
/// or two words often need none (`zor supas`), and a word alone is read as
/// typed. Of 19,995 Sorani lines written in Kurdish Latin (awta-en-ckb,
/// transliterated), 122 have three words or more and not one Kurdish letter.
const PLAIN_FROM_WORDS: usize = 3;

/// Whether `text` reads as typed without the Kurdish letters: it has
/// [`PLAIN_FROM_WORDS`] Latin words or more and not one of ê î û ş ç ł ř ḧ ẍ
/// (nor their typed variants).
pub(crate) fn typed_plain(text: &str) -> bool {
    let mut words = 0;
    let mut in_word = false;
    for c in text.chars() {
        // a Kurdish letter, or a combining accent that makes one
        if latin::is_kurdish_letter(c) || latin::is_combining(c) {
            return false;
        }
        let letter = c.is_ascii_alphabetic();
        words += usize::from(letter && !in_word);
        in_word = letter || (in_word && (c == '\'' || c == '’'));
    }
    words >= PLAIN_FROM_WORDS
}

/// The Arabic spelling of `word` (Latin typed plain) that the lexicon
/// counts most, every plain letter read as itself or as the Kurdish letter
/// it may stand for (the word as typed wins a tie); when the lexicon knows
/// none, of those the morphological analyzer reads as an inflection of a
/// known stem, the one whose light stem the lexicon counts most
/// (`sharekanmanewe` → شارەکانمانەوە); `None` when nothing reads (the word
/// is then read as typed).
///
/// A word-final `i` after a consonant is î: Kurdish Latin writes the
/// unwritten /i/ of Arabic script only inside words (`kurdi` is کوردی).
pub(crate) fn best_spelling(word: &str) -> Option<String> {
    // running text repeats its words, and a word may have thousands of
    // readings to look up: each thread remembers its recent answers
    thread_local! {
        static MEMO: RefCell<Generations<Option<Box<str>>>> = RefCell::default();
    }
    let lower = word.to_lowercase();
    let remembered = MEMO.with_borrow_mut(|memo| memo.read(&lower, MEMO_WORDS, |v| v.as_deref().map(String::from)));
    if let Some(best) = remembered {
        return best;
    }
    let best = best_spelling_uncached(&lower, Lexicon::embedded());
    MEMO.with_borrow_mut(|memo| memo.insert(lower.into(), best.as_deref().map(Box::from), MEMO_WORDS));
    best
}

/// Words each thread remembers the spelling of (per generation).
const MEMO_WORDS: usize = 1 << 14;

/// [`best_spelling`] of `lower` (lowercase), worked out.
fn best_spelling_uncached(lower: &str, lexicon: &Lexicon) -> Option<String> {
    let choices = choices(lower);
    let open = choices.iter().filter(|c| c.len() > 1).count();
    if open > MAX_CHOICES {
        return None;
    }
    let mut best: Option<(u64, String)> = None;
    each_spelling(&choices, |spelling| {
        let count = lexicon.frequency(&standard_start(spelling));
        if count > best.as_ref().map_or(0, |b| b.0) {
            best = Some((count, spelling.to_string()));
        }
    });
    if let Some((_, spelling)) = best {
        return Some(spelling);
    }
    if open > MAX_ANALYZED_CHOICES {
        return None;
    }
    let analyzer = Analyzer::embedded();
    let mut read: Option<(u64, String)> = None;
    each_spelling(&choices, |spelling| {
        let standard = standard_start(spelling);
        if analyzer.has_known_stem(&standard) {
            let count = lexicon.frequency(&analyzer.stem(&standard)) + 1;
            if count > read.as_ref().map_or(0, |r| r.0) {
                read = Some((count, spelling.to_string()));
            }
        }
    });
    read.map(|(_, spelling)| spelling)
}

/// Calls `visit` with the Arabic spelling of each reading of `choices`
/// (the word as typed first).
fn each_spelling(choices: &[Vec<String>], mut visit: impl FnMut(&str)) {
    let mut pick = vec![0usize; choices.len()];
    let mut variant = String::new();
    let mut phs: Vec<Ph> = Vec::new();
    let mut spelling = String::new();
    loop {
        variant.clear();
        for (options, &at) in choices.iter().zip(&pick) {
            variant.push_str(&options[at]);
        }
        phs.clear();
        if latin::read_word(&variant, true, &mut phs) {
            spelling.clear();
            latin::write_arabic(&phs, &mut spelling);
            visit(&spelling);
        }
        // the next reading, as an odometer over the open choices
        let Some(at) = (0..choices.len()).rev().find(|&i| pick[i] + 1 < choices[i].len()) else { return };
        pick[at] += 1;
        pick[at + 1..].fill(0);
    }
}

/// `spelling` as the lexicon writes it. The lexicon writes standard Sorani,
/// whose words start with ڕ, never ر; writers type both (رۆژ, ڕۆژ), and
/// Latin → Arabic keeps their choice (r → ر).
fn standard_start(spelling: &str) -> Cow<'_, str> {
    match spelling.strip_prefix('ر') {
        Some(rest) => Cow::Owned(format!("ڕ{rest}")),
        None => Cow::Borrowed(spelling),
    }
}

/// For each piece of `word` (lowercase), what it may have been typed for:
/// the piece as typed first.
fn choices(word: &str) -> Vec<Vec<String>> {
    let chars: Vec<char> = word.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if let Some(&(digraph, letter)) =
            DIGRAPHS.iter().find(|(d, _)| chars[i..].iter().take(2).copied().eq(d.chars()))
        {
            out.push(vec![digraph.to_string(), letter.to_string()]);
            i += 2;
            continue;
        }
        if i == 0 && c == 'r' {
            // a word-initial r is the writer's choice of letter for the
            // trill, as ر is in Arabic script (see `standard_start`)
            out.push(vec!["r".to_string()]);
            i += 1;
            continue;
        }
        let last = i + 1 == chars.len();
        let after_consonant = i > 0 && !matches!(chars[i - 1], 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'w');
        if c == 'i' && last && after_consonant && chars.len() > 2 {
            out.push(vec!["î".to_string()]);
        } else if let Some(&(_, letter)) = PLAIN_LETTERS.iter().find(|(p, _)| *p == c) {
            out.push(vec![c.to_string(), letter.to_string()]);
        } else {
            out.push(vec![c.to_string()]);
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_has_three_latin_words_and_no_kurdish_letters() {
        use crate::translit::to_arabic;
        // each line judged alone: the lone word of the second line is read as typed
        assert_eq!(to_arabic("le silemani dejim\nxosh"), "لە سلێمانی دەژیم\nخۆسه");
        assert!(typed_plain("le silemani dejim"));
        assert!(typed_plain("Le silemani (dejim)."));
        assert!(!typed_plain("Le Silêmanî dejîm"));
        // the reader's variants of the Kurdish letters count too
        assert!(!typed_plain("le silemani dejím"));
        assert!(!typed_plain("le šar dejim"));
        assert!(!typed_plain("le silemani deji\u{0302}m"));
        assert!(!typed_plain("zor supas"));
        assert!(!typed_plain("١٢٣ کورد"));
    }

    #[test]
    fn the_spelling_the_lexicon_knows_is_chosen() {
        let lexicon = Lexicon::embedded();
        let best = |w: &str| best_spelling(w);
        assert_eq!(best("silemani").as_deref(), Some("سلێمانی"));
        assert_eq!(best("bashe").as_deref(), Some("باشە"));
        assert_eq!(best("xosh").as_deref(), Some("خۆش"));
        assert_eq!(best("kurdi").as_deref(), Some("کوردی"));
        // the most frequent spelling, a typed word-initial ر kept
        assert_eq!(best("kurdistan").as_deref(), Some("کوردستان"));
        assert_eq!(best("roj").as_deref(), Some("رۆژ"));
        // the lexicon lacks the form: the analyzer reads it
        assert_eq!(lexicon.frequency("شارەکانمانەوە"), 0);
        assert_eq!(best("sharekanmanewe").as_deref(), Some("شارەکانمانەوە"));
        // nothing known: left to the letter-by-letter reading
        assert_eq!(best("qwzxq"), None);
    }
}
