//! Kurdish Latin (Hawar-style) letters: reading a Latin word into phonemes,
//! including the spellings people type (ĺ ŕ é í ú, ll rr), and writing
//! phonemes back as Latin or Arabic script.

use super::phoneme::Ph;
use super::{AinStyle, LatinLetters, LatinOptions};

/// One Latin letter (or apostrophe) read from a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum L {
    P(Ph),
    /// ’ ' ‘ ʿ ʼ: ع, or ئ after a joined preposition (`be’ew`).
    Apostrophe,
}

/// Whether `c` is an apostrophe that may stand for ع or ئ inside a Latin word.
#[inline]
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '’' | '\'' | '‘' | 'ʿ' | 'ʼ' | 'ʾ')
}

/// Whether `c` is a letter of Latin script (any language).
#[inline]
pub(crate) fn is_latin_letter(c: char) -> bool {
    // Latin-1 letters, Latin Extended-A and -B and Latin Extended Additional
    // are letters throughout, but for × and ÷.
    c.is_ascii_alphabetic() || matches!(c as u32, 0x00C0..=0x00D6 | 0x00D8..=0x00F6 | 0x00F8..=0x024F | 0x1E00..=0x1EFF)
}

/// Whether `c` is a combining mark that may follow a Latin letter.
#[inline]
pub(crate) fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F)
}

/// Whether `c` (any case) is one of the Kurdish Latin letters a plain
/// keyboard lacks, ê î û ş ç ł ř ḧ ẍ, or a variant the reader takes for one
/// (é í ú ĺ ŕ ğ š č …).
pub(crate) fn is_kurdish_letter(c: char) -> bool {
    let lower = c.to_lowercase().next().unwrap_or(c);
    matches!(letter(lower), Some(Ph::Ee | Ph::Ii | Ph::Uu | Ph::Sh | Ph::Ch | Ph::Ll | Ph::Rr | Ph::Hh | Ph::Gh))
}

/// The phoneme of one lowercase Latin letter, or `None` for a letter
/// Kurdish Latin does not use.
#[inline]
fn letter(c: char) -> Option<Ph> {
    match c as u32 {
        u @ 0..=0x024F => LETTER_LOW[u as usize],
        u @ 0x1E00..=0x1EFF => LETTER_ADDITIONAL[(u - 0x1E00) as usize],
        _ => None,
    }
}

/// [`letter_rule`] for U+0000–U+024F (ASCII to Latin Extended-B).
static LETTER_LOW: [Option<Ph>; 0x250] = letter_table(0);

/// [`letter_rule`] for Latin Extended Additional (U+1E00–U+1EFF).
static LETTER_ADDITIONAL: [Option<Ph>; 0x100] = letter_table(0x1E00);

/// [`letter_rule`] for the `N` characters from `base`.
const fn letter_table<const N: usize>(base: u32) -> [Option<Ph>; N] {
    let mut table = [None; N];
    let mut i = 0;
    while i < N {
        if let Some(c) = char::from_u32(base + i as u32) {
            table[i] = letter_rule(c);
        }
        i += 1;
    }
    table
}

/// The letter rules; every letter they accept is in one of the two tables
/// read by [`letter`].
const fn letter_rule(c: char) -> Option<Ph> {
    Some(match c {
        'a' | 'á' | 'à' | 'â' | 'ä' => Ph::A,
        'b' => Ph::B,
        'c' => Ph::C,
        'ç' | 'č' => Ph::Ch,
        'd' => Ph::D,
        'e' | 'è' => Ph::E,
        'ê' | 'é' | 'ė' => Ph::Ee,
        'f' => Ph::F,
        'g' => Ph::G,
        'ğ' | 'ẍ' | 'ġ' => Ph::Gh,
        'h' => Ph::H,
        'ḧ' | 'ħ' | 'ḣ' | 'ḥ' => Ph::Hh,
        'i' | 'ı' => Ph::I,
        'î' | 'í' | 'ì' | 'ï' => Ph::Ii,
        'j' | 'ž' => Ph::J,
        'k' => Ph::K,
        'l' => Ph::L,
        'ł' | 'ĺ' | 'ľ' | 'ḷ' | 'ļ' => Ph::Ll,
        'm' => Ph::M,
        'n' => Ph::N,
        'o' | 'ô' | 'ò' | 'ó' | 'ö' => Ph::O,
        'p' => Ph::P,
        'q' => Ph::Q,
        'r' => Ph::R,
        'ř' | 'ŕ' | 'ṙ' | 'ṟ' | 'ŗ' => Ph::Rr,
        's' => Ph::S,
        'ş' | 'ș' | 'š' => Ph::Sh,
        't' => Ph::T,
        'u' | 'ü' => Ph::U,
        'û' | 'ú' | 'ù' => Ph::Uu,
        'v' => Ph::V,
        'w' => Ph::W,
        'x' => Ph::X,
        'y' => Ph::Y,
        'z' => Ph::Z,
        'ë' => Ph::Ain,
        _ => return None,
    })
}

/// Reads one Latin word (letters and inner apostrophes, any case) into
/// phonemes. Returns `false` (with `out` unspecified) when the word has a
/// letter Kurdish Latin does not use, so the caller can leave it intact.
pub(crate) fn read_word(word: &str, lenient: bool, out: &mut Vec<Ph>) -> bool {
    matches!(read_word_at(word, 0, lenient, out), LatinWord::Read(end) if end == word.len())
}

/// What [`read_word_at`] found at a position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LatinWord {
    /// The word ends at this byte and its phonemes are in `out`.
    Read(usize),
    /// The word ends at this byte but has a letter Kurdish Latin does not
    /// use (or is too long to be a word): it stays as it is.
    Foreign(usize),
    /// The word, which ends at this byte, has a combining mark: compose it
    /// (NFC) and read it again.
    Decomposed(usize),
}

/// Finds the end of the Latin word starting at byte `i` of `text` (letters,
/// combining marks, and apostrophes followed by a letter) and reads it into
/// phonemes in the same pass: the scan and the reading are most of the cost
/// of Latin → Arabic, so each byte is looked at once.
pub(crate) fn read_word_at(text: &str, i: usize, lenient: bool, out: &mut Vec<Ph>) -> LatinWord {
    let bytes = text.as_bytes();
    let mut raw: [L; 64] = [L::Apostrophe; 64];
    let mut n = 0;
    let mut foreign = false;
    let mut decomposed = false;
    let mut j = i;
    while j < bytes.len() {
        let b = bytes[j];
        let (l, len) = if b.is_ascii() {
            if b == b'\'' {
                if !starts_with_letter(&text[j + 1..]) {
                    break;
                }
                (Some(L::Apostrophe), 1)
            } else if b.is_ascii_alphabetic() {
                (LETTER_LOW[b.to_ascii_lowercase() as usize].map(L::P), 1)
            } else {
                break;
            }
        } else {
            let c = text[j..].chars().next().expect("char boundary");
            let l = if is_latin_letter(c) {
                letter(c).map(L::P).or_else(|| {
                    // Capitals outside ASCII; 'İ' lowercases to "i̇": the
                    // trailing dot is ignored.
                    c.to_lowercase().next().and_then(letter).map(L::P)
                })
            } else if is_combining(c) && j > i {
                decomposed = true;
                None
            } else if is_apostrophe(c) && starts_with_letter(&text[j + c.len_utf8()..]) {
                Some(L::Apostrophe)
            } else {
                break;
            };
            (l, c.len_utf8())
        };
        match l {
            Some(l) if n < raw.len() => {
                raw[n] = l;
                n += 1;
            }
            _ => foreign = true,
        }
        j += len;
    }
    if decomposed {
        return LatinWord::Decomposed(j);
    }
    if foreign {
        return LatinWord::Foreign(j);
    }
    resolve(&raw[..n], lenient, out);
    LatinWord::Read(j)
}

/// Whether `rest` starts with a Latin letter.
#[inline]
pub(crate) fn starts_with_letter(rest: &str) -> bool {
    rest.chars().next().is_some_and(is_latin_letter)
}

/// Turns the letters of a word into phonemes: typed doubles and apostrophes.
fn resolve(raw: &[L], lenient: bool, out: &mut Vec<Ph>) {
    out.clear();
    let mut i = 0;
    while i < raw.len() {
        match raw[i] {
            L::P(p) => {
                // Typed doubles for the letters with a mark: ll → ł, rr → ř.
                if lenient && (p == Ph::L || p == Ph::R) && raw.get(i + 1) == Some(&L::P(p)) {
                    out.push(if p == Ph::L { Ph::Ll } else { Ph::Rr });
                    i += 2;
                    continue;
                }
                out.push(p);
            }
            L::Apostrophe => {
                // ئ where a joined بە or لە meets a word that starts with a
                // vowel (`be’ew` بەئەو); ع everywhere else, between vowels
                // too (`şa’îr` شاعیر, `da’iş` داعش), as in the development pairs.
                let after_preposition = matches!(out.as_slice(), [Ph::B | Ph::L, Ph::E]);
                let next_vowel = matches!(raw.get(i + 1), Some(L::P(p)) if p.is_vowel());
                out.push(if after_preposition && next_vowel { Ph::Glottal } else { Ph::Ain });
            }
        }
        i += 1;
    }
}

/// [`read_word`] for tests and the syllabifier's unit tests.
#[cfg(test)]
pub(crate) fn parse_word(word: &str, out: &mut Vec<Ph>) -> Vec<Ph> {
    assert!(read_word(word, true, out), "not a Kurdish Latin word: {word}");
    out.clone()
}

/// The Latin spelling of every phoneme under `opts`, indexed by `Ph as usize`.
pub(crate) fn latin_table(opts: &LatinOptions) -> [char; Ph::ALL.len()] {
    Ph::ALL.map(|p| latin(p, opts))
}

/// The Latin spelling of one phoneme under `opts`.
#[inline]
pub(crate) fn latin(p: Ph, opts: &LatinOptions) -> char {
    match p {
        Ph::A => 'a',
        Ph::E => 'e',
        Ph::Ee => 'ê',
        Ph::I => 'i',
        Ph::Ii => 'î',
        Ph::O => 'o',
        Ph::U => 'u',
        Ph::Uu => 'û',
        Ph::B => 'b',
        Ph::P => 'p',
        Ph::T => 't',
        Ph::C => 'c',
        Ph::Ch => 'ç',
        Ph::Hh => 'ḧ',
        Ph::X => 'x',
        Ph::D => 'd',
        Ph::R => 'r',
        Ph::Rr => match opts.letters {
            LatinLetters::Caron => 'ř',
            LatinLetters::Acute => 'ŕ',
            LatinLetters::Plain => 'r',
        },
        Ph::Z => 'z',
        Ph::J => 'j',
        Ph::S => 's',
        Ph::Sh => 'ş',
        Ph::Ain => match opts.ain {
            AinStyle::Apostrophe => '’',
            AinStyle::Diaeresis => 'ë',
        },
        Ph::Gh => 'ẍ',
        Ph::F => 'f',
        Ph::V => 'v',
        Ph::Q => 'q',
        Ph::K => 'k',
        Ph::G => 'g',
        Ph::L => 'l',
        Ph::Ll => match opts.letters {
            LatinLetters::Caron => 'ł',
            LatinLetters::Acute => 'ĺ',
            LatinLetters::Plain => 'l',
        },
        Ph::M => 'm',
        Ph::N => 'n',
        Ph::H => 'h',
        Ph::W => 'w',
        Ph::Y => 'y',
        Ph::Glottal => '’',
    }
}

/// Writes `phs` (one word) in Arabic script: ئ before a vowel that starts
/// the word, /i/ unwritten except there.
///
/// Two vowels inside a word are written one after the other, without ئ
/// between them: the only spelling the development pairs show (all 16
/// Wergor words with such a pair: `jean` ژەان, `book` بۆۆک, û "and" inside
/// a compound as in `pileûpaye` پلەووپایە; UniMorph has none).
pub(crate) fn write_arabic(phs: &[Ph], out: &mut String) {
    if phs == [Ph::Uu] {
        // The conjunction û "and" is written و.
        out.push('و');
        return;
    }
    for (j, &p) in phs.iter().enumerate() {
        if j == 0 && p.is_vowel() {
            out.push('ئ');
            if p == Ph::I {
                out.push('ی');
            }
        }
        push_arabic(p, out);
    }
}

/// Appends [`Ph::arabic`] of `p`, one `char` at a time: every phoneme but
/// û (وو) and the unwritten /i/ is one letter.
#[inline]
fn push_arabic(p: Ph, out: &mut String) {
    match p {
        Ph::I => {}
        Ph::Uu => out.push_str("وو"),
        _ => out.push(ARABIC_LETTER[p as usize]),
    }
}

/// The Arabic letter of each one-letter phoneme, indexed by `Ph as usize`.
static ARABIC_LETTER: [char; Ph::ALL.len()] = {
    let mut table = ['\0'; Ph::ALL.len()];
    let mut i = 0;
    while i < Ph::ALL.len() {
        let bytes = Ph::ALL[i].arabic().as_bytes();
        // The first letter: every one-letter spelling is two UTF-8 bytes.
        if bytes.len() >= 2 {
            let code = ((bytes[0] as u32 & 0x1F) << 6) | (bytes[1] as u32 & 0x3F);
            if let Some(c) = char::from_u32(code) {
                table[i] = c;
            }
        }
        i += 1;
    }
    table
};
