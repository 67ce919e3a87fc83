//! Arabic-script Sorani ↔ Kurdish Latin (Hawar-style), IPA and syllables.
//!
//! Arabic script writes every Sorani vowel except the short /i/ (*bizroke*),
//! writes و for /w/, /u/ and (doubled) /uː/, and ی for /j/ and /iː/. Reading
//! it into Latin therefore means syllabifying each word: [`to_latin`] decides
//! every و and ی from its neighbours, drops the silent ئ that starts a
//! vowel-initial word, and inserts /i/ wherever the Sorani syllable template
//! needs a vowel (see the `syllable` submodule). A small exception lexicon,
//! generated from data by `cargo xtask translit-exceptions`, overrides the
//! rules for words they get wrong.
//!
//! ```
//! use sorani::translit::{to_arabic, to_ipa, to_latin, syllables};
//!
//! assert_eq!(to_latin("کوردستان"), "Kurdistan");
//! assert_eq!(to_latin("ئەو کچە گرتنی؟"), "Ew kiçe girtinî?");
//! assert_eq!(to_arabic("Kurdistan"), "کوردستان");
//! assert_eq!(syllables("کوردستان"), "kur·dis·tan");
//! assert_eq!(to_ipa("کوردستان"), "kʊɾ.dɪs.ˈtɑːn");
//! ```
//!
//! All functions are pure and never panic; text that is not Sorani (Latin
//! words inside Arabic-script text, URLs, numbers) passes through, with
//! Arabic-Indic digits and Arabic punctuation mapped to Latin conventions.

mod arabic;
mod latin;
mod lexicon;
mod memo;
mod phoneme;
mod plain;
mod syllable;

use latin::LatinWord;
use phoneme::Ph;

/// How ڕ and ڵ are written in Latin.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum LatinLetters {
    /// `ř` and `ł` (the common Hawar-based convention).
    #[default]
    Caron,
    /// `ŕ` and `ĺ` (the Yekgirtû convention).
    Acute,
    /// Plain `r` and `l` (loses the distinction).
    Plain,
}

/// How ع is written in Latin.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum AinStyle {
    /// `’` (U+2019), as in `’erebî`.
    #[default]
    Apostrophe,
    /// `ë`, as in `ëerebî` (the Wergor convention).
    Diaeresis,
}

impl std::str::FromStr for LatinLetters {
    type Err = crate::Error;
    fn from_str(s: &str) -> Result<Self, crate::Error> {
        let names = [("caron", LatinLetters::Caron), ("acute", LatinLetters::Acute), ("plain", LatinLetters::Plain)];
        crate::error::option_named(s, &names, "Latin letters", "caron: ł ř, acute: ĺ ŕ, plain: l r")
    }
}

/// Whether Latin input is read as typed without the Kurdish letters (`e`
/// for ê, `i` for î, `s` for ş, `sh` for ş …), each word then spelt as the
/// lexicon knows it best.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum PlainLatin {
    /// A line of three Latin words or more with none of ê î û ş ç ł ř ḧ ẍ
    /// (nor a variant of one the reader takes: é í ú ĺ ŕ ğ š …) is read so.
    #[default]
    Auto,
    /// Every line is read so.
    Always,
    /// Letters are read as typed.
    Never,
}

impl std::str::FromStr for PlainLatin {
    type Err = crate::Error;
    fn from_str(s: &str) -> Result<Self, crate::Error> {
        let names = [("auto", PlainLatin::Auto), ("always", PlainLatin::Always), ("never", PlainLatin::Never)];
        crate::error::option_named(s, &names, "plain Latin", "auto, always, never")
    }
}

impl std::str::FromStr for AinStyle {
    type Err = crate::Error;
    fn from_str(s: &str) -> Result<Self, crate::Error> {
        let names = [("apostrophe", AinStyle::Apostrophe), ("diaeresis", AinStyle::Diaeresis)];
        crate::error::option_named(s, &names, "ain style", "apostrophe, diaeresis")
    }
}

/// Options for Arabic script → Latin.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LatinOptions {
    /// How ڕ and ڵ are written.
    pub letters: LatinLetters,
    /// How ع is written.
    pub ain: AinStyle,
    /// Capitalize the first word of each sentence (and of the text).
    pub capitalize: bool,
}

impl Default for LatinOptions {
    fn default() -> Self {
        LatinOptions { letters: LatinLetters::Caron, ain: AinStyle::Apostrophe, capitalize: true }
    }
}

/// Options for Latin → Arabic script.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ArabicOptions {
    /// Write digits as Arabic-Indic `٠١٢…` (`true`) or leave `0-9` (`false`).
    pub arabic_digits: bool,
    /// Accept typed spellings: `ll` for ł and `rr` for ř.
    pub lenient: bool,
    /// Latin typed without the Kurdish letters ([`PlainLatin`]).
    pub plain: PlainLatin,
}

impl Default for ArabicOptions {
    fn default() -> Self {
        ArabicOptions { arabic_digits: true, lenient: true, plain: PlainLatin::Auto }
    }
}

/// A transliterator with fixed options; cheap to build, `Send + Sync`.
///
/// ```
/// use sorani::translit::{LatinLetters, LatinOptions, Transliterator};
///
/// let t = Transliterator::new()
///     .with_latin(LatinOptions { letters: LatinLetters::Acute, capitalize: false, ..Default::default() });
/// assert_eq!(t.to_latin("ڕۆژی باڵندە و شەڕ"), "ŕojî baĺinde û şeŕ");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Transliterator {
    latin: LatinOptions,
    arabic: ArabicOptions,
    use_lexicon: bool,
    hold_out: bool,
}

/// Arabic script → Latin with the default [`LatinOptions`].
pub fn to_latin(text: &str) -> String {
    Transliterator::new().to_latin(text)
}

/// Latin → Arabic script with the default [`ArabicOptions`].
pub fn to_arabic(text: &str) -> String {
    Transliterator::new().to_arabic(text)
}

/// Phonemic IPA of Arabic-script or Latin Sorani, syllables separated by `.`
/// and the stressed syllable marked `ˈ`.
pub fn to_ipa(text: &str) -> String {
    Transliterator::new().to_ipa(text)
}

/// Arabic-script or Latin Sorani as Latin with syllables separated by `·`.
pub fn syllables(text: &str) -> String {
    Transliterator::new().syllables(text)
}

/// The standard normalizer, except that a word-initial ر stays as typed: a
/// writer who typed ر there gets r in Latin, one who typed ڕ gets ř (both
/// are usual spellings of the same trill, and Latin texts differ the same
/// way).
static TRANSLIT_NORMALIZER: std::sync::LazyLock<crate::Normalizer> =
    std::sync::LazyLock::new(|| crate::Normalizer::new(crate::NormalizeOptions::standard().initial_trill(false)));

/// Reusable buffers for one call, kept per thread between calls (a line
/// of text is short: growing fresh buffers for each one cost a fifth of the
/// time on line-by-line input).
#[derive(Default)]
struct Buffers {
    letters: Vec<arabic::G>,
    phs: Vec<Ph>,
    tmp: Vec<Ph>,
    bounds: Vec<usize>,
}

thread_local! {
    static BUFFERS: std::cell::RefCell<Buffers> = std::cell::RefCell::default();
    static READINGS: std::cell::RefCell<memo::Readings> = std::cell::RefCell::default();
}

/// The Latin letters under the default options, built once.
static DEFAULT_LATIN: std::sync::LazyLock<[char; Ph::ALL.len()]> =
    std::sync::LazyLock::new(|| latin::latin_table(&LatinOptions::default()));

/// Reusable buffers and tables for one call.
struct Scratch {
    /// The Latin letter of each phoneme under the call's options.
    latin: [char; Ph::ALL.len()],
    buf: Buffers,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Latin,
    Ipa,
    Syllables,
}

impl Transliterator {
    /// Default options, exception lexicon on.
    pub fn new() -> Self {
        Transliterator {
            latin: LatinOptions::default(),
            arabic: ArabicOptions::default(),
            use_lexicon: true,
            hold_out: false,
        }
    }

    /// The same transliterator with other Latin output options.
    pub fn with_latin(mut self, latin: LatinOptions) -> Self {
        self.latin = latin;
        self
    }

    /// The same transliterator with other Arabic output options.
    pub fn with_arabic(mut self, arabic: ArabicOptions) -> Self {
        self.arabic = arabic;
        self
    }

    /// The same transliterator with the exception lexicon on or off (off:
    /// rules alone, for measuring them).
    pub fn with_lexicon(mut self, on: bool) -> Self {
        self.use_lexicon = on;
        self
    }

    /// The same transliterator without the exception lexicon's held-out
    /// rows: the fifth of the development words that `cargo xtask
    /// eval-translit` scores as never seen (the shipped lexicon learned them
    /// too). For measuring how the lexicon generalizes, not for use.
    pub fn holding_out_evaluation_words(mut self) -> Self {
        self.hold_out = true;
        self
    }

    /// Arabic script → Latin. Text goes through [`crate::normalize()`] first.
    pub fn to_latin(&self, text: &str) -> String {
        self.scan(text, Mode::Latin)
    }

    /// IPA of Arabic-script or Latin Sorani.
    pub fn to_ipa(&self, text: &str) -> String {
        self.scan(text, Mode::Ipa)
    }

    /// Syllables (Latin, separated by `·`) of Arabic-script or Latin Sorani.
    pub fn syllables(&self, text: &str) -> String {
        self.scan(text, Mode::Syllables)
    }

    /// The phonemes of one Arabic-script word whose letters are in
    /// `s.buf.letters`: the exception lexicon's reading when it lists the
    /// word (and this transliterator uses that row), else the rules'.
    fn arabic_word(&self, word: &str, s: &mut Scratch) {
        let Buffers { letters, phs, tmp, .. } = &mut s.buf;
        let exception = READINGS.with(|memo| {
            let mut memo = memo.try_borrow_mut().ok();
            if let Some(known) = memo.as_mut().and_then(|m| m.get(word)) {
                phs.clear();
                phs.extend_from_slice(known.rules);
                return known.exception;
            }
            arabic::word_to_phonemes(letters, phs, tmp);
            let exception = lexicon::lookup(word);
            if let Some(memo) = memo.as_mut() {
                memo.put(word, phs, exception);
            }
            exception
        });
        if let Some((exception, held_out)) = exception.map(lexicon::row) {
            if self.use_lexicon && !(self.hold_out && held_out) {
                phs.clear();
                phs.extend_from_slice(exception);
            }
        }
    }

    fn scan(&self, text: &str, mode: Mode) -> String {
        let norm = TRANSLIT_NORMALIZER.normalize(text);
        let text: &str = &norm;
        let mut out = String::with_capacity(text.len() + text.len() / 4);
        let buf = BUFFERS.with(|b| b.try_borrow_mut().map(|mut b| std::mem::take(&mut *b)).unwrap_or_default());
        let latin = if (self.latin.letters, self.latin.ain) == (LatinLetters::default(), AinStyle::default()) {
            *DEFAULT_LATIN
        } else {
            latin::latin_table(&self.latin)
        };
        let mut s = Scratch { latin, buf };
        let mut pending_cap = self.latin.capitalize && mode == Mode::Latin;
        // IPA and syllables read Latin words too, unless the text has Arabic
        // script (then its Latin words are foreign and stay as they are).
        let read_latin = mode != Mode::Latin && !text.chars().any(arabic::is_letter);
        let bytes = text.as_bytes();
        let mut i = 0;
        // The end of the last token found not to be a URL.
        let mut plain_until = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                // ASCII: copied, watching sentence ends and Latin words.
                let start = i;
                while i < bytes.len() && bytes[i] < 0x80 {
                    let c = bytes[i];
                    if c.is_ascii_alphanumeric() {
                        if read_latin && c.is_ascii_alphabetic() {
                            let token_start = i == 0 || text[..i].ends_with(char::is_whitespace);
                            if !(token_start && is_url_like(token_at(text, i))) {
                                break;
                            }
                            // A URL or address: copied whole.
                            i += token_at(text, i).len();
                            continue;
                        }
                        pending_cap = false;
                    } else if matches!(c, b'.' | b'!' | b'?' | b'\n') {
                        pending_cap = self.latin.capitalize && mode == Mode::Latin;
                    }
                    i += 1;
                }
                out.push_str(&text[start..i]);
                if i < bytes.len() && bytes[i] < 0x80 {
                    // A Latin word in IPA or syllable mode.
                    i = self.latin_word_out(text, i, mode, &mut s, &mut out);
                }
                continue;
            }
            if i >= plain_until && i > 0 && !bytes[i - 1].is_ascii_whitespace() && bytes[i - 1] < 0x80 {
                // The first character outside ASCII in a token: in a URL
                // (its ASCII start was copied), the rest of the URL follows
                // as it is, Arabic letters and digits of its path too.
                match url_rest(text, i) {
                    Ok(rest) => {
                        out.push_str(rest);
                        i += rest.len();
                        if let Some(last) = rest.chars().rev().find(|&c| c.is_alphanumeric() || is_sentence_end(c)) {
                            pending_cap = is_sentence_end(last) && self.latin.capitalize && mode == Mode::Latin;
                        }
                        continue;
                    }
                    Err(token_end) => plain_until = token_end,
                }
            }
            let c = text[i..].chars().next().expect("i is on a char boundary");
            if arabic::is_letter(c) {
                let start = i;
                // One pass over the bytes: the word's extent and its letters
                // (وو merged). Arabic-block characters are two bytes, read
                // from a table; ZWNJ is the only other character inside a word.
                s.buf.letters.clear();
                let mut end = i;
                while end < bytes.len() {
                    let lead = bytes[end];
                    let (class, len) = if (0xD8..=0xDB).contains(&lead) {
                        (arabic::classify_arabic_bytes(lead, bytes[end + 1]), 2)
                    } else if bytes[end..].starts_with("\u{200C}".as_bytes()) {
                        (Some(arabic::ArabicChar::Silent), 3)
                    } else {
                        (None, 0)
                    };
                    match class {
                        None => break,
                        Some(arabic::ArabicChar::Letter(g)) => {
                            if g == arabic::G::Waw && s.buf.letters.last() == Some(&arabic::G::Waw) {
                                *s.buf.letters.last_mut().expect("checked") = arabic::G::WawWaw;
                            } else {
                                s.buf.letters.push(g);
                            }
                        }
                        Some(arabic::ArabicChar::Silent) => {}
                    }
                    end += len;
                }
                let word = &text[start..end];
                self.arabic_word(word, &mut s);
                let before = out.len();
                self.write_word(mode, &mut s, &mut out);
                if pending_cap && out.len() > before {
                    capitalize_at(&mut out, before);
                }
                pending_cap = false;
                i = end;
                continue;
            }
            i += c.len_utf8();
            if read_latin && latin::is_latin_letter(c) {
                i = self.latin_word_out(text, i - c.len_utf8(), mode, &mut s, &mut out);
                continue;
            }
            match c {
                '،' | '٬' => out.push(','),
                '؛' => out.push(';'),
                '؟' => {
                    out.push('?');
                    pending_cap = self.latin.capitalize && mode == Mode::Latin;
                }
                '۔' => {
                    out.push('.');
                    pending_cap = self.latin.capitalize && mode == Mode::Latin;
                }
                '٫' => out.push('.'),
                '٪' => out.push('%'),
                '«' => out.push('“'),
                '»' => out.push('”'),
                '\u{0660}'..='\u{0669}' => {
                    out.push(char::from(b'0' + (c as u32 - 0x0660) as u8));
                    pending_cap = false;
                }
                '\u{06F0}'..='\u{06F9}' => {
                    out.push(char::from(b'0' + (c as u32 - 0x06F0) as u8));
                    pending_cap = false;
                }
                // Marks and controls that only matter in Arabic script.
                '\u{0640}'
                | '\u{200C}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{061C}'
                | '\u{064B}'..='\u{065F}'
                | '\u{0670}' => {}
                _ => {
                    if c.is_alphanumeric() {
                        pending_cap = false;
                    }
                    out.push(c);
                }
            }
        }
        BUFFERS.with(|b| {
            if let Ok(mut b) = b.try_borrow_mut() {
                *b = s.buf;
            }
        });
        out
    }

    /// Reads the Latin word starting at byte `i` (IPA and syllable modes)
    /// and writes it; returns the byte after it.
    fn latin_word_out(&self, text: &str, i: usize, mode: Mode, s: &mut Scratch, out: &mut String) -> usize {
        let (end, read) = read_latin_word(text, i, true, &mut s.buf.phs);
        if read {
            self.write_word(mode, s, out);
        } else {
            out.push_str(&text[i..end]);
        }
        end
    }

    /// Writes the phonemes in `s.buf.phs` in `mode`.
    fn write_word(&self, mode: Mode, s: &mut Scratch, out: &mut String) {
        match mode {
            Mode::Latin => {
                for &p in &s.buf.phs {
                    out.push(s.latin[p as usize]);
                }
            }
            Mode::Syllables => {
                syllable::boundaries(&s.buf.phs, &mut s.buf.bounds);
                let opts = LatinOptions { capitalize: false, ..self.latin };
                let mut next = 1;
                for (j, &p) in s.buf.phs.iter().enumerate() {
                    if next < s.buf.bounds.len() && s.buf.bounds[next] == j {
                        out.push('·');
                        next += 1;
                    }
                    out.push(latin::latin(p, &opts));
                }
            }
            Mode::Ipa => write_ipa(&s.buf.phs, &mut s.buf.bounds, out),
        }
    }

    /// Latin → Arabic script.
    pub fn to_arabic(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() * 2);
        let mut phs = Vec::with_capacity(32);
        let bytes = text.as_bytes();
        let mut i = 0;
        let mut token_start = true;
        // Where the current whitespace-delimited token starts, in `text` and in `out`.
        let mut token = (0, 0);
        // The start of a token already found not to be a URL.
        let mut plain_token = usize::MAX;
        // Whether the line at `i` is read as plain Latin: each line is
        // judged on its own, as `sorani translit` reads it.
        let line_is_plain = |i: usize| match self.arabic.plain {
            PlainLatin::Auto => {
                plain::typed_plain(&text[i..memchr::memchr(b'\n', &bytes[i..]).map_or(text.len(), |n| i + n)])
            }
            PlainLatin::Always => true,
            PlainLatin::Never => false,
        };
        let mut typed_plain = line_is_plain(0);
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_whitespace() {
                if b == b'\n' {
                    typed_plain = line_is_plain(i + 1);
                }
                out.push(char::from(b));
                token_start = true;
                i += 1;
                continue;
            }
            let c = text[i..].chars().next().expect("char boundary");
            if token_start && !c.is_whitespace() {
                token = (i, out.len());
                if may_start_url(&bytes[i..]) {
                    let url = token_at(text, i);
                    if is_url_like(url) {
                        out.push_str(url);
                        i += url.len();
                        continue;
                    }
                }
            }
            token_start = c.is_whitespace();
            let starts_word = latin::is_latin_letter(c)
                || (latin::is_apostrophe(c) && latin::starts_with_letter(&text[i + c.len_utf8()..]));
            if starts_word {
                let (end, read) = read_latin_word(text, i, self.arabic.lenient, &mut phs);
                let best = typed_plain.then(|| plain::best_spelling(&text[i..end])).flatten();
                if let Some(spelling) = best {
                    out.push_str(&spelling);
                } else if read {
                    latin::write_arabic(&phs, &mut out);
                } else {
                    out.push_str(&text[i..end]);
                }
                i = end;
                continue;
            }
            i += c.len_utf8();
            // A separator between digits (1,000 and 2.5) is a number's.
            let between_digits = || {
                out.chars().next_back().is_some_and(|p| p.is_ascii_digit() || ('٠'..='٩').contains(&p))
                    && bytes.get(i).is_some_and(u8::is_ascii_digit)
            };
            match c {
                '0'..='9' if self.arabic.arabic_digits => {
                    out.push(char::from_u32(0x0660 + (c as u32 - '0' as u32)).unwrap_or(c))
                }
                ',' if between_digits() => out.push(if self.arabic.arabic_digits { '٬' } else { ',' }),
                '.' if between_digits() => out.push(if self.arabic.arabic_digits { '٫' } else { '.' }),
                ',' => out.push('،'),
                ';' => out.push('؛'),
                '?' => out.push('؟'),
                '%' => out.push('٪'),
                '“' => out.push('«'),
                '”' => out.push('»'),
                // A URL or an address found at its `:` or `@` (checking each
                // token for them as it starts would scan every token twice):
                // what was written of it gives way to it as it is.
                ':' | '@' if token.0 != plain_token => {
                    let url = token_at(text, token.0);
                    if is_url_like(url) {
                        out.truncate(token.1);
                        out.push_str(url);
                        i = token.0 + url.len();
                    } else {
                        // no URL: the token's other `:` and `@` need no second look
                        plain_token = token.0;
                        out.push(c);
                    }
                }
                _ => out.push(c),
            }
        }
        out
    }
}

/// Whether the token at the start of `rest` may be a URL that shows it
/// from its start: after ASCII brackets and quotes it starts with `www.`
/// or with one of the other quotes [`is_url_like`] skips (“ «). A cheap
/// filter before [`is_url_like`]; URLs and addresses with `:` or `@` are
/// found when the scan reaches that character.
#[inline]
fn may_start_url(rest: &[u8]) -> bool {
    let trimmed = rest.iter().position(|b| !matches!(b, b'(' | b'[' | b'<' | b'"')).map_or(rest, |p| &rest[p..]);
    trimmed.len() >= 4 && trimmed[..4].eq_ignore_ascii_case(b"www.")
        || trimmed.starts_with("“".as_bytes())
        || trimmed.starts_with("«".as_bytes())
}

/// [`latin::read_word_at`], composing a word with combining marks (NFC)
/// first: the byte after the word, and whether its phonemes were read (a
/// word with a letter Kurdish Latin does not use stays as it is).
fn read_latin_word(text: &str, i: usize, lenient: bool, phs: &mut Vec<Ph>) -> (usize, bool) {
    match latin::read_word_at(text, i, lenient, phs) {
        LatinWord::Read(end) => (end, true),
        LatinWord::Foreign(end) => (end, false),
        LatinWord::Decomposed(end) => {
            use unicode_normalization::UnicodeNormalization;
            let composed: String = text[i..end].nfc().collect();
            (end, latin::read_word(&composed, lenient, phs))
        }
    }
}

/// Whether a whitespace-delimited token is a URL, an e-mail address or a
/// handle, left untouched by [`Transliterator::to_arabic`].
fn is_url_like(token: &str) -> bool {
    let lower = token.trim_start_matches(['(', '[', '<', '"', '“', '«']);
    if lower.contains("://") || lower.starts_with("www.") || lower.starts_with("WWW.") {
        return true;
    }
    if let Some(at) = lower.find('@') {
        return at > 0 && lower[at..].contains('.') || at == 0 && lower.len() > 1;
    }
    false
}

/// The rest from byte `i` of the whitespace-delimited token around `i`
/// when that token is [`is_url_like`], without the closing quotes and
/// Arabic punctuation after it (`» ، ؟`: the sentence's, written in Latin
/// style); otherwise the token's end.
fn url_rest(text: &str, i: usize) -> Result<&str, usize> {
    let start =
        text[..i].rfind(char::is_whitespace).map_or(0, |p| p + text[p..].chars().next().map_or(1, char::len_utf8));
    let token = token_at(text, start);
    let url = token.trim_end_matches(['»', '”', '’', '،', '؛', '؟', '۔']);
    if start + url.len() > i && is_url_like(url) {
        Ok(&text[i..start + url.len()])
    } else {
        Err(start + token.len())
    }
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '.' | '!' | '?')
}

/// The whitespace-delimited token starting at byte `i`.
fn token_at(text: &str, i: usize) -> &str {
    let rest = &text[i..];
    &rest[..rest.find(char::is_whitespace).unwrap_or(rest.len())]
}

/// Upper-cases the first letter of `out` at or after byte `from`.
fn capitalize_at(out: &mut String, from: usize) {
    let Some((off, c)) = out[from..].char_indices().find(|&(_, c)| c.is_alphabetic()) else { return };
    let at = from + off;
    let mut upper = c.to_uppercase();
    if upper.len() == 1 && upper.clone().next() == Some(c) {
        return;
    }
    let mut buf = String::with_capacity(4);
    for u in upper.by_ref() {
        buf.push(u);
    }
    out.replace_range(at..at + c.len_utf8(), &buf);
}

/// Writes one word's phonemes as IPA: syllables separated by `.`, a glottal
/// stop before a word-initial vowel, /n/ as [ŋ] before /k g/, and stress
/// `ˈ` on the last syllable of a word of two or more.
fn write_ipa(phs: &[Ph], bounds: &mut Vec<usize>, out: &mut String) {
    if phs.is_empty() {
        return;
    }
    syllable::boundaries(phs, bounds);
    let nsyl = bounds.len();
    let mut next = 1;
    if phs[0].is_vowel() {
        out.push('ʔ');
    }
    for (j, &p) in phs.iter().enumerate() {
        if next < nsyl && bounds[next] == j {
            out.push('.');
            if next == nsyl - 1 {
                out.push('ˈ');
            }
            next += 1;
        }
        if p == Ph::N && matches!(phs.get(j + 1), Some(Ph::K | Ph::G)) {
            out.push('ŋ');
        } else {
            out.push_str(p.ipa());
        }
    }
}

#[cfg(test)]
mod tests;
