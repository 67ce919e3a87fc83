//! Feature extraction shared by the identifier and its trainer
//! (`cargo xtask lid-train`): characters are folded to a small alphabet of
//! symbols, then every character n-gram of order 1 to [`MAX_ORDER`] is hashed
//! to a bucket of the model's weight table. Nothing here allocates per
//! n-gram: the last four symbols live in one `u64`.
//!
//! Folding is where keyboard habits are made harmless: Arabic-keyboard
//! `ك` and `ي`/`ى` fold to the Persian/Kurdish `ک` and `ی`, `ۀ` and `ھ` to
//! `ه`, case is removed, Arabic harakat, tatweel and ZWJ are ignored, and
//! runs of whitespace, punctuation and digits are one word boundary. `ە`
//! and `ه` stay apart (the difference carries much of the Kurdish/Persian
//! signal); Kurdish typed with `ه` for `ە` is learned from augmented
//! training text instead.

use std::collections::HashMap;
use std::sync::LazyLock;

/// Highest n-gram order (in symbols).
pub const MAX_ORDER: usize = 4;

/// Version of the symbol alphabet and hashing; a model records the version it
/// was trained with and is refused by a different one.
pub const FEATURE_VERSION: u8 = 3;

/// A character that is ignored entirely (diacritics, tatweel, joiners).
const SKIP: u16 = 0;
/// Whitespace, punctuation, symbols and digits: a word boundary. A digit
/// says nothing of the language, and a number's suffix is a word of its
/// own (`١٢ی`: the training text writes Sorani dates so in its Gorani and
/// Kurmanji files far more often than in its Sorani one).
pub const BOUNDARY: u16 = 1;
/// A letter of a script the model does not know (Cyrillic, Greek, ...).
const OTHER_LETTER: u16 = 3;
/// An Arabic-script letter outside the main Arabic block (presentation forms, ...).
const OTHER_ARABIC: u16 = 4;
const FIRST_LETTER: u16 = 5;

/// Code points below this get a direct table entry.
const TABLE_LEN: usize = 0x800;

struct Symbols {
    /// Per code point: the symbol in the low 16 bits, the script class
    /// (`SCRIPT_*`) above.
    table: Vec<u32>,
}

const SCRIPT_NONE: u32 = 0;
const SCRIPT_LATN: u32 = 1;
const SCRIPT_ARAB: u32 = 2;
const SCRIPT_OTHER: u32 = 3;
/// Arabic-script letters that no language of the model writes, by the
/// language they mark (see [`ByLetters`]): classes of their own, counted as
/// Arabic too.
const SCRIPT_ARAB_MARKED: u32 = 4;
const SCRIPT_CLASSES: usize = SCRIPT_ARAB_MARKED as usize + ByLetters::ALL.len();

/// Languages written in the Arabic script that the model has no training
/// text for, each with letters none of the model's languages writes (facts
/// of their alphabets), so that their text is not taken for Persian or
/// Kurdish.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ByLetters {
    /// Sindhi: its implosives and the other letters of its own (ڪ ٻ ڄ ڃ ڇ ڊ ڌ ڍ ڏ ڙ ڦ ڻ ٺ ٽ ٿ ڳ ڱ, ۾).
    Sindhi,
    /// Kashmiri: its vowel letters and signs (ٲ ٳ ۄ ؠ, hamza below).
    Kashmiri,
    /// Pashto: ټ ډ ړ ږ ښ ګ ڼ (not ۍ, which Gorani writes too).
    Pashto,
    /// Urdu (and Punjabi Shahmukhi, Saraiki …, which share these letters):
    /// ے ۓ ں ٹ ڈ ڑ ہ ۂ; Kashmiri writes them too, so its own letters come first.
    Urdu,
    /// Uyghur: ۇ ۈ ڭ (u, ü, ng; Kazakh and Kyrgyz in the Arabic script share
    /// them and are given this label too); not ې, which Pashto writes, nor
    /// ۋ, which Gorani does.
    Uyghur,
}

impl ByLetters {
    /// In the order they are tested: the rarer, more specific alphabets first.
    pub const ALL: [ByLetters; 5] =
        [ByLetters::Sindhi, ByLetters::Kashmiri, ByLetters::Pashto, ByLetters::Urdu, ByLetters::Uyghur];

    fn letters(self) -> &'static str {
        match self {
            ByLetters::Sindhi => "ڪٻڄڃڇڊڌڍڏڙڦڻٺٽٿڳڱ۾",
            ByLetters::Kashmiri => "ٲٳۄؠ\u{0655}",
            ByLetters::Pashto => "ټډړږښګڼ",
            ByLetters::Urdu => "ےۓںٹڈڑہۂ",
            ByLetters::Uyghur => "ۇۈڭ",
        }
    }
}

/// Vowel signs that Gorani (Hawrami) writes on ی and و for its own vowels
/// (`یٛ`, `وٙ`, `وٚ`) and none of the model's other languages uses: no
/// line of the other kurdish-lid files or of awta-en-ckb has one, one
/// Gorani line in five does. They stay out of the n-grams (marks are
/// skipped) and are counted instead.
pub const GORANI_MARKS: [char; 3] = ['\u{0659}', '\u{065A}', '\u{065B}'];
const GORANI_MARKS_FIRST: u32 = GORANI_MARKS[0] as u32;
const GORANI_MARKS_LAST: u32 = GORANI_MARKS[2] as u32;

static SYMBOLS: LazyLock<Symbols> = LazyLock::new(build_symbols);

/// The folding applied before a letter gets its symbol.
fn fold(c: char) -> char {
    match c {
        'ك' => 'ک',
        'ي' | 'ى' | 'ې' => 'ی',
        'ۀ' | 'ھ' | 'ہ' => 'ه',
        'İ' => 'i',
        _ => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => c,
            }
        }
    }
}

fn is_arabic_mark(cp: u32) -> bool {
    matches!(cp, 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x0640)
}

fn build_symbols() -> Symbols {
    let mut table = vec![BOUNDARY as u32; TABLE_LEN];
    let mut ids: HashMap<char, u16> = HashMap::new();
    let mut next = FIRST_LETTER;
    for cp in 0..TABLE_LEN as u32 {
        let Some(c) = char::from_u32(cp) else { continue };
        let symbol = if is_arabic_mark(cp) || matches!(cp, 0x0300..=0x036F) {
            SKIP
        } else if c.is_numeric() {
            BOUNDARY
        } else if c.is_alphabetic() {
            let latin = cp < 0x0250;
            let arabic = (0x0600..=0x06FF).contains(&cp) || (0x0750..=0x077F).contains(&cp);
            if latin || arabic {
                let folded = fold(c);
                *ids.entry(folded).or_insert_with(|| {
                    let id = next;
                    next += 1;
                    id
                })
            } else {
                OTHER_LETTER
            }
        } else {
            BOUNDARY
        };
        let marked = ByLetters::ALL.iter().position(|l| l.letters().contains(c));
        let script = match (script_of(c), marked) {
            (Some(Script::Arab), Some(i)) => SCRIPT_ARAB_MARKED + i as u32,
            (None, _) => SCRIPT_NONE,
            (Some(Script::Latn), _) => SCRIPT_LATN,
            (Some(Script::Arab), None) => SCRIPT_ARAB,
            (Some(Script::Other(_)), _) => SCRIPT_OTHER,
        };
        table[cp as usize] = symbol as u32 | script << 16;
    }
    Symbols { table }
}

/// The symbol of one character.
#[inline]
pub fn symbol(c: char) -> u16 {
    let cp = c as u32;
    if (cp as usize) < TABLE_LEN {
        return SYMBOLS.table[cp as usize] as u16;
    }
    symbol_beyond_table(c)
}

#[cold]
fn symbol_beyond_table(c: char) -> u16 {
    match c as u32 {
        0x200C => ZWNJ_SYMBOL,
        0x200B | 0x200D | 0x200E | 0x200F | 0xFE00..=0xFE0F | 0xFEFF => SKIP,
        0xFB50..=0xFDFF | 0xFE70..=0xFEFC => OTHER_ARABIC,
        0x08A0..=0x08FF => OTHER_ARABIC,
        _ if c.is_numeric() => BOUNDARY,
        _ if c.is_alphabetic() => OTHER_LETTER,
        _ => BOUNDARY,
    }
}

/// The symbol of `ە` (U+06D5), after which a word boundary is implied.
static AE: LazyLock<u16> = LazyLock::new(|| SYMBOLS.table[0x06D5] as u16);

/// ZERO WIDTH NON-JOINER has its own symbol: Persian and legacy Kurdish
/// typing use it after `ه`. It is above every table symbol.
const ZWNJ_SYMBOL: u16 = 0xFFFE;

/// Letter counts by script, gathered while scanning.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScriptCounts {
    /// Arabic-script letters.
    pub arab: u32,
    /// Latin letters.
    pub latn: u32,
    /// Latin letters outside ASCII.
    pub non_ascii_latin: u32,
    /// Letters of other scripts.
    pub other: u32,
    /// The ISO 15924 code of the last letter of another script.
    pub other_code: &'static str,
    /// Arabic-script letters (included in `arab`) that mark each language
    /// of [`ByLetters::ALL`], in that order.
    pub marked: [u32; ByLetters::ALL.len()],
    /// Gorani vowel signs ([`GORANI_MARKS`]); not letters, so not in `arab`.
    pub gorani_marks: u32,
}

impl ScriptCounts {
    /// The script with the most letters (Arabic, then Latin, win ties), or
    /// `None` when there is no letter.
    pub fn dominant(&self) -> Option<Script> {
        if self.arab == 0 && self.latn == 0 && self.other == 0 {
            None
        } else if self.arab >= self.latn && self.arab >= self.other {
            Some(Script::Arab)
        } else if self.latn >= self.other {
            Some(Script::Latn)
        } else {
            Some(Script::Other(self.other_code))
        }
    }
}

/// Calls `f` with the bucket (below `1 << bits`) of every n-gram of `text`,
/// orders 1 to [`MAX_ORDER`], word boundaries included at both ends (about
/// `MAX_ORDER` calls per letter).
#[inline]
pub fn for_each_bucket(text: &str, bits: u32, f: impl FnMut(usize)) {
    scan(text, bits, f);
}

/// [`for_each_bucket`] that also counts the letters of each script, in the
/// same pass.
#[inline]
pub fn scan(text: &str, bits: u32, mut f: impl FnMut(usize)) -> ScriptCounts {
    let shift = 64 - bits;
    let table: &[u32] = &SYMBOLS.table;
    let ae_symbol = *AE;
    let mut counts = ScriptCounts { other_code: "Zzzz", ..ScriptCounts::default() };
    let mut script_counts = [0u32; SCRIPT_CLASSES];
    let mut window: u64 = BOUNDARY as u64;
    let mut seen: usize = 1;
    let mut last = BOUNDARY;
    for c in text.chars() {
        let cp = c as u32;
        let s = if (cp as usize) < TABLE_LEN {
            let entry = table[cp as usize];
            script_counts[(entry >> 16) as usize] += 1;
            counts.non_ascii_latin += (cp >= 0x80 && entry >> 16 == SCRIPT_LATN) as u32;
            entry as u16
        } else {
            match script_of(c) {
                Some(Script::Arab) => counts.arab += 1,
                Some(Script::Latn) => {
                    counts.latn += 1;
                    counts.non_ascii_latin += 1;
                }
                Some(Script::Other(code)) => {
                    counts.other += 1;
                    counts.other_code = code;
                }
                None => {}
            }
            symbol_beyond_table(c)
        };
        if s == SKIP || (s == BOUNDARY && last == BOUNDARY) {
            counts.gorani_marks += (GORANI_MARKS_FIRST..=GORANI_MARKS_LAST).contains(&cp) as u32;
            continue;
        }
        window = (window << 16) | s as u64;
        seen += 1;
        last = s;
        emit(window, seen, last, shift, &mut f);
        if s == ae_symbol {
            // A virtual word boundary after every `ە`: the training text
            // often lost the space after a word-final `ە` (`لەئارادایەو`),
            // real text has it (`لە ئارادایە و`); with the boundary both look
            // alike.
            window = (window << 16) | BOUNDARY as u64;
            seen += 1;
            last = BOUNDARY;
            emit(window, seen, last, shift, &mut f);
        }
    }
    if last != BOUNDARY {
        window = (window << 16) | BOUNDARY as u64;
        seen += 1;
        emit(window, seen, BOUNDARY, shift, &mut f);
    }
    counts.marked.copy_from_slice(&script_counts[SCRIPT_ARAB_MARKED as usize..]);
    counts.arab += script_counts[SCRIPT_ARAB as usize] + counts.marked.iter().sum::<u32>();
    counts.latn += script_counts[SCRIPT_LATN as usize];
    if script_counts[SCRIPT_OTHER as usize] > 0 {
        counts.other += script_counts[SCRIPT_OTHER as usize];
        if counts.other_code == "Zzzz" {
            counts.other_code = first_other_code(text);
        }
    }
    counts
}

/// The script code of the first letter of another script in `text`.
#[cold]
fn first_other_code(text: &str) -> &'static str {
    text.chars()
        .find_map(|c| match script_of(c) {
            Some(Script::Other(code)) => Some(code),
            _ => None,
        })
        .unwrap_or("Zzzz")
}

#[inline(always)]
fn emit<F: FnMut(usize)>(window: u64, seen: usize, last: u16, shift: u32, f: &mut F) {
    if last != BOUNDARY {
        f(bucket(window & 0xFFFF, shift));
    }
    if seen >= 2 {
        f(bucket(window & 0xFFFF_FFFF, shift));
    }
    if seen >= 3 {
        f(bucket(window & 0xFFFF_FFFF_FFFF, shift));
    }
    if seen >= 4 {
        f(bucket(window, shift));
    }
}

#[inline(always)]
fn bucket(key: u64, shift: u32) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift) as usize
}

/// The writing system of a character, as far as identification cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Arabic script (all Arabic blocks).
    Arab,
    /// Latin script.
    Latn,
    /// Another script, by its ISO 15924 code (`Zzzz` when not known here).
    Other(&'static str),
}

/// The script of a letter, or `None` for anything that is not a letter.
pub fn script_of(c: char) -> Option<Script> {
    let cp = c as u32;
    if cp < 0x80 {
        return c.is_ascii_alphabetic().then_some(Script::Latn);
    }
    if !c.is_alphabetic() {
        return None;
    }
    Some(match cp {
        0x00C0..=0x024F | 0x1E00..=0x1EFF | 0x2C60..=0x2C7F | 0xA720..=0xA7FF | 0xFF21..=0xFF5A => Script::Latn,
        0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => Script::Arab,
        0x0370..=0x03FF | 0x1F00..=0x1FFF => Script::Other("Grek"),
        0x0400..=0x052F => Script::Other("Cyrl"),
        0x0530..=0x058F => Script::Other("Armn"),
        0x0590..=0x05FF => Script::Other("Hebr"),
        0x0700..=0x074F => Script::Other("Syrc"),
        0x0900..=0x097F => Script::Other("Deva"),
        0x10A0..=0x10FF => Script::Other("Geor"),
        0x3040..=0x30FF => Script::Other("Jpan"),
        0xAC00..=0xD7AF | 0x1100..=0x11FF => Script::Other("Hang"),
        0x4E00..=0x9FFF | 0x3400..=0x4DBF => Script::Other("Hani"),
        _ => Script::Other("Zzzz"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn buckets(text: &str) -> Vec<usize> {
        let mut out = Vec::new();
        for_each_bucket(text, 20, |b| out.push(b));
        out
    }

    #[test]
    fn keyboard_letters_fold_together() {
        for (a, b) in [('ك', 'ک'), ('ي', 'ی'), ('ى', 'ی'), ('ۀ', 'ه'), ('A', 'a'), ('Ç', 'ç'), ('İ', 'i')] {
            assert_eq!(symbol(a), symbol(b), "{a} should fold to {b}");
        }
        for (a, b) in [('ە', 'ه'), ('ێ', 'ی'), ('ڵ', 'ل'), ('ı', 'i')] {
            assert_ne!(symbol(a), symbol(b), "{a} and {b} must stay apart");
        }
    }

    #[test]
    fn marks_and_joiners_are_ignored() {
        assert_eq!(buckets("كتاب"), buckets("كِتَاب"));
        assert_eq!(buckets("کتێب"), buckets("کتێ\u{200D}ب"));
        assert_eq!(buckets("ab"), buckets("  ab,,,"));
    }

    #[test]
    fn feature_count_follows_length() {
        // `ە` implies a boundary after it: "ەb" is [B ە B b B].
        assert_eq!(buckets("ەb"), buckets("ە b"));
        // "ab" is [B a b B]: unigrams a, b; bigrams Ba ab bB; trigrams Bab abB; 4-gram BabB.
        assert_eq!(buckets("ab").len(), 8);
        assert!(buckets("").is_empty());
        assert!(buckets(" .,! ").is_empty());
    }

    #[test]
    fn scripts() {
        assert_eq!(script_of('ە'), Some(Script::Arab));
        assert_eq!(script_of('ê'), Some(Script::Latn));
        assert_eq!(script_of('Ж'), Some(Script::Other("Cyrl")));
        assert_eq!(script_of('1'), None);
        assert_eq!(script_of('،'), None);
    }
}
