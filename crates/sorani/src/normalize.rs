//! Deterministic normalization to standard Unicode Sorani.
//!
//! [`normalize`] applies the `standard` preset: the changes a careful Kurdish
//! editor accepts and that never change meaning. [`NormalizeOptions::search`]
//! folds further for matching. Every rule is listed, with its code points and
//! an example, in `docs/normalize.md`; in short, `standard`:
//!
//! * decomposes Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFE,
//!   including lam-alef ligatures) to base letters, then applies NFC;
//! * removes tatweel (U+0640) and invisible format/bidi controls
//!   ([`chars::is_removable_format`]), ZWJ included;
//! * keeps ZWNJ only between a letter that joins forward and a following
//!   letter of the same word (runs collapse to one);
//! * turns every other space into U+0020 (tabs and line breaks are kept);
//! * `ك`→`ک`, `ي`/`ى`→`ی`, `ة`→`ە`, `ؤ`→`ۆ`, `ڒ`→`ڕ`, HEH (+ marks) + ZWNJ→`ە`;
//! * composes the legacy spellings `و`/`ی`/`ل`/`ر` + small V (U+065A, U+065B,
//!   U+0306, U+030C, U+032C, U+032E) to `ۆ`/`ێ`/`ڵ`/`ڕ`;
//! * turns a word-final `لأ` (the Arabic keyboard's lam-alef-hamza key,
//!   typed for `ڵ`) into `ڵ`, except after the Arabic article `ال`;
//! * turns a word-initial `ر` into `ڕ` (no Sorani word starts with a light r);
//! * writes /h/ with one letter ([`HLetter`], default `ه`);
//! * removes harakat unless [`NormalizeOptions::keep_harakat`];
//! * keeps digits as written unless [`NormalizeOptions::digits`] says otherwise.
//!
//! It does **not** decide whether a legacy `ه` inside or at the end of a word
//! stands for `ە`: that needs context (`شاه` ends in /h/) and is the job of
//! [`crate::restore`].
//!
//! ```
//! use std::borrow::Cow;
//! // Arabic KAF and YEH, and a legacy HEH+ZWNJ for ە:
//! assert_eq!(sorani::normalize("كوردي"), "کوردی");
//! assert_eq!(sorani::normalize("له\u{200C} ماڵ"), "لە ماڵ");
//! // Standard text is borrowed, not copied:
//! assert!(matches!(sorani::normalize("کوردستان"), Cow::Borrowed(_)));
//! ```

use std::borrow::Cow;
use std::ops::Range;
use std::str::FromStr;

use unicode_normalization::{char::canonical_combining_class, IsNormalized, UnicodeNormalization};

use crate::chars::{self, ZWNJ};
use crate::error::{option_named, Error};
use crate::url;

/// Which letter writes the consonant /h/.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum HLetter {
    /// ARABIC LETTER HEH `ه` (U+0647), the usual choice of Sorani publishers.
    #[default]
    Heh,
    /// ARABIC LETTER HEH DOACHASHMEE `ھ` (U+06BE). Only safe on text whose
    /// `ە` is already written as U+06D5 (after restoration): every `ه` becomes `ھ`.
    Doachashmee,
    /// Leave both letters as written.
    Keep,
}

impl FromStr for HLetter {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        let names = [
            ("heh", HLetter::Heh),
            ("ه", HLetter::Heh),
            ("doachashmee", HLetter::Doachashmee),
            ("ھ", HLetter::Doachashmee),
            ("keep", HLetter::Keep),
        ];
        option_named(s, &names, "h letter", "heh, doachashmee, keep")
    }
}

/// Which digits numbers are written with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Digits {
    /// As written.
    #[default]
    Keep,
    /// ASCII `0`–`9`.
    Latin,
    /// Arabic-Indic `٠`–`٩` (U+0660–U+0669), the usual Sorani digits.
    Arabic,
    /// Extended Arabic-Indic (Persian) `۰`–`۹` (U+06F0–U+06F9).
    Persian,
}

impl FromStr for Digits {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        let names = [
            ("keep", Digits::Keep),
            ("latin", Digits::Latin),
            ("arabic", Digits::Arabic),
            ("persian", Digits::Persian),
        ];
        option_named(s, &names, "digits", "keep, latin, arabic, persian")
    }
}

/// Which rules [`Normalizer`] applies. Start from a preset and adjust with the
/// builder methods:
///
/// ```
/// use sorani::normalize::{Digits, NormalizeOptions, Normalizer};
/// let n = Normalizer::new(NormalizeOptions::standard().digits(Digits::Latin));
/// assert_eq!(n.normalize("ساڵی ٢٠٢٤"), "ساڵی 2024");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct NormalizeOptions {
    /// Which letter writes /h/.
    pub h_letter: HLetter,
    /// Keep harakat (diacritics) instead of removing them.
    pub keep_harakat: bool,
    /// Which digits to write.
    pub digits: Digits,
    /// Keep meaningful ZWNJ (between two letters of a word); `false` removes every ZWNJ.
    pub keep_zwnj: bool,
    /// Lowercase cased letters (Latin, Cyrillic, Greek...).
    pub lowercase: bool,
    /// Write a word-initial ر as ڕ (no Sorani word starts with a light r).
    /// Off only where the typed letter itself matters (transliteration keeps
    /// the writer's choice).
    pub initial_trill: bool,
    /// Leave URLs as typed (`http://`, `https://` or `www.` to the next
    /// space): a changed letter in a link's path breaks it. Off for search,
    /// where a URL folds like any other word.
    pub keep_urls: bool,
}

impl NormalizeOptions {
    /// What a careful Kurdish editor accepts; never changes meaning.
    pub fn standard() -> Self {
        NormalizeOptions {
            h_letter: HLetter::Heh,
            keep_harakat: false,
            digits: Digits::Keep,
            keep_zwnj: true,
            lowercase: false,
            initial_trill: true,
            keep_urls: true,
        }
    }

    /// `standard` plus folding for matching: digits to ASCII, ZWNJ removed,
    /// harakat removed, letters lowercased.
    pub fn search() -> Self {
        NormalizeOptions {
            h_letter: HLetter::Heh,
            keep_harakat: false,
            digits: Digits::Latin,
            keep_zwnj: false,
            lowercase: true,
            initial_trill: true,
            keep_urls: false,
        }
    }

    /// Sets which letter writes /h/.
    pub fn h_letter(mut self, h: HLetter) -> Self {
        self.h_letter = h;
        self
    }

    /// Keeps (`true`) or removes (`false`) harakat.
    pub fn keep_harakat(mut self, keep: bool) -> Self {
        self.keep_harakat = keep;
        self
    }

    /// Sets which digits to write.
    pub fn digits(mut self, digits: Digits) -> Self {
        self.digits = digits;
        self
    }

    /// Keeps meaningful ZWNJ (`true`) or removes every ZWNJ (`false`).
    pub fn keep_zwnj(mut self, keep: bool) -> Self {
        self.keep_zwnj = keep;
        self
    }

    /// Lowercases letters (`true`) or not.
    pub fn lowercase(mut self, lowercase: bool) -> Self {
        self.lowercase = lowercase;
        self
    }

    /// Writes a word-initial ر as ڕ (`true`, the default) or keeps it.
    pub fn initial_trill(mut self, initial_trill: bool) -> Self {
        self.initial_trill = initial_trill;
        self
    }

    /// Leaves URLs as typed (`true`, the default) or normalizes them too.
    pub fn keep_urls(mut self, keep: bool) -> Self {
        self.keep_urls = keep;
        self
    }
}

impl Default for NormalizeOptions {
    fn default() -> Self {
        Self::standard()
    }
}

/// What the fast scan does with a character of the Arabic block or ASCII.
const CLEAN: u8 = 0;
const DIRTY: u8 = 1;
/// `ر`: dirty at the start of a word.
const REH: u8 = 2;
/// `ه` / `ھ` kept: dirty before a ZWNJ.
const HEH: u8 = 3;

/// Fast-scan flag: look at this character closely.
const FLAG_MAYBE: u8 = 1;
/// Fast-scan flag: `ر`, dirty unless a word character precedes.
const FLAG_REH: u8 = 2;
/// A dirty word this close (in bytes) after the previous clean stretch
/// marks dense dirt, where the next [`DENSE_STRETCH`] bytes are mapped in
/// one pass instead of scanned.
const DENSE_GAP: usize = 64;
/// Bytes mapped in one pass after a dirty word in dense dirt.
const DENSE_STRETCH: usize = 2048;
/// Bytes the chunked fast scan looks at per step.
const CHUNK: usize = 32;

/// For the two bytes before a position, `1` when they end a character that
/// continues a word (an ASCII letter or digit, or a letter, haraka or digit of
/// the Arabic block), else `0`.
static WORD_BEFORE: std::sync::LazyLock<Box<[u8; 65536]>> = std::sync::LazyLock::new(|| {
    let mut t: Box<[u8; 65536]> = vec![0u8; 65536].into_boxed_slice().try_into().expect("65536 entries");
    for p0 in 0..256usize {
        for p1 in 0..256usize {
            let word = if p1 < 0x80 {
                (p1 as u8).is_ascii_alphanumeric()
            } else if (0xD8..=0xDB).contains(&p0) && (0x80..=0xBF).contains(&p1) {
                let c =
                    char::from_u32(0x0600 + ((((p0 & 0x03) as u32) << 6) | (p1 & 0x3F) as u32)).expect("Arabic block");
                is_word_char(c)
            } else {
                false
            };
            t[(p0 << 8) | p1] = word as u8;
        }
    }
    t
});

/// Whether the CHUNK positions of `window` (with the two bytes before them
/// and the one after, as in [`Normalizer::first_dirty`]) are surely clean,
/// judged by byte comparisons alone, which the compiler turns into vector
/// instructions (half again the speed of the table scan on clean text).
///
/// Clean here: ASCII, continuation bytes, « », and most of the Arabic block
/// (all but the bytes below); ر only after an Arabic letter. Anything else
/// sends the window to the table scan. It is used only when
/// [`common_screen_agrees`] has checked these sets against the options.
fn common_block_is_clean(window: &[u8; CHUNK + 3]) -> bool {
    let mut bad = 0u8;
    for k in 0..CHUNK {
        let (p2, p1, l, c) = (window[k], window[k + 1], window[k + 2], window[k + 3]);
        let arabic_lead = (l & 0xFC) == 0xD8;
        let bad_lead = (l >= 0xC0) & !(arabic_lead | (l == 0xC2));
        let bad_c2 = (l == 0xC2) & !((c == 0xAB) | (c == 0xBB));
        // Per lead byte, the continuation bytes that may need a change:
        // marks, أ ؤ ة ك ى ي, tatweel, ڒ ھ and the like (the rest of each row
        // is clean under the options this screen is used with).
        let bad_d8 = (c.wrapping_sub(0x90) < 11) | (c == 0x9C) | (c == 0xA3) | (c == 0xA4) | (c == 0xA9);
        let bad_d9 = (c == 0x80) | (c == 0x83) | (c.wrapping_sub(0x89) < 0x17) | (c == 0xB0);
        let bad_da = (c == 0x92) | (c == 0xBE);
        let bad_db = c.wrapping_sub(0x96) < 0x18;
        let bad_arabic =
            ((l == 0xD8) & bad_d8) | ((l == 0xD9) & bad_d9) | ((l == 0xDA) & bad_da) | ((l == 0xDB) & bad_db);
        let bad_reh = (l == 0xD8) & (c == 0xB1) & !ends_arabic_letter(p2, p1);
        bad |= u8::from(bad_lead | bad_c2 | bad_arabic | bad_reh);
    }
    bad == 0
}

/// Whether the bytes `p2 p1` end a letter of the Arabic block (U+0621–U+064A
/// but the tatweel, U+0671–U+06D3, U+06D5): what may precede a clean ر.
#[inline(always)]
fn ends_arabic_letter(p2: u8, p1: u8) -> bool {
    ((p2 == 0xD8) & (p1 >= 0xA1))
        | ((p2 == 0xD9) & (p1.wrapping_sub(0x81) < 10))
        | ((p2 == 0xD9) & (p1 >= 0xB1))
        | (p2 == 0xDA)
        | ((p2 == 0xDB) & ((p1 < 0x94) | (p1 == 0x95)))
}

/// Whether [`common_block_is_clean`] is right for the normalizer whose
/// fast-scan tables are `flags` and `ascii`: every ASCII byte is clean,
/// every Arabic pair it passes is clean (ر: clean after a word character),
/// and every pair it passes as a letter before ر is a word character.
fn common_screen_agrees(flags: &[u8; 65536], ascii: &[u8; 128]) -> bool {
    let needs_look = |pair: usize| flags[pair] & (FLAG_MAYBE | FLAG_REH) != 0;
    if ascii.iter().any(|&class| class != CLEAN) || needs_look(0xC2AB) || needs_look(0xC2BB) {
        return false;
    }
    for lead in 0xD8u8..=0xDB {
        for cont in 0x80u8..=0xBF {
            let mut window = [b' '; CHUNK + 3];
            window[2] = lead;
            window[3] = cont;
            // The pair alone, after a space.
            let passes_alone = common_block_is_clean(&window);
            let pair = (usize::from(lead) << 8) | usize::from(cont);
            let flag = flags[pair] & (FLAG_MAYBE | FLAG_REH);
            let passes_after_letter = {
                let mut w = [b' '; CHUNK + 3];
                (w[0], w[1], w[2], w[3]) = (0xD8, 0xA8, lead, cont); // ب then the pair
                common_block_is_clean(&w)
            };
            if passes_alone && flag != 0 {
                return false;
            }
            if passes_after_letter && flag & FLAG_MAYBE != 0 {
                return false;
            }
            // What the screen takes for a letter before ر must continue a word.
            if ends_arabic_letter(lead, cont) && WORD_BEFORE[pair] == 0 {
                return false;
            }
        }
    }
    true
}

/// A normalizer built once from options and shared across threads.
#[derive(Debug, Clone)]
pub struct Normalizer {
    options: NormalizeOptions,
    /// Fast-scan class of U+0600–U+06FF.
    arabic: [u8; 256],
    /// Fast-scan class of ASCII.
    ascii: [u8; 128],
    /// Fast-scan flags of the character starting with bytes `b0 << 8 | b1`
    /// (every byte position is looked up, continuation bytes are clean):
    /// 0 clean, [`FLAG_MAYBE`] look closer, [`FLAG_REH`] dirty unless a word
    /// character precedes; plus bit 2 when the pair ends a word character
    /// ([`WORD_BEFORE`]), so the scan reads one table per byte, not two.
    flags: Box<[u8; 65536]>,
    /// What [`Self::simple_segment`] writes for each character of
    /// U+0600–U+06FF that needs no context (its one-to-one mapping), or
    /// `None` for the characters it must look at closely.
    simple_arabic: [Option<char>; 256],
    /// ASCII bytes [`Self::simple_segment`] keeps as they are.
    simple_ascii_kept: [bool; 128],
    /// Whether [`common_block_is_clean`] agrees with `flags` under these
    /// options (checked when the normalizer is built).
    common_screen: bool,
}

impl Default for Normalizer {
    fn default() -> Self {
        Normalizer::new(NormalizeOptions::standard())
    }
}

/// Normalized text with a map from its byte offsets back to the input's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized<'a> {
    /// The normalized text (borrowed when nothing changed).
    pub text: Cow<'a, str>,
    /// Byte offsets of `text` back to the input.
    pub map: OffsetMap,
}

/// Maps byte offsets of normalized text back to the original text.
///
/// ```
/// let n = sorani::Normalizer::default();
/// let original = "ـكورد ـ";
/// let out = n.normalize_with_offsets(original);
/// assert_eq!(out.text, "کورد ");
/// // "کورد" in the output is bytes 0..8; in the input it spans 2..10.
/// assert_eq!(out.map.original_range(0..8), 2..10);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OffsetMap {
    /// Checkpoints `(normalized, original)`, sorted; between two checkpoints
    /// the text is unchanged, so offsets advance together.
    points: Vec<(usize, usize)>,
    /// Length of the normalized text.
    len: usize,
    /// Length of the original text.
    original_len: usize,
}

impl OffsetMap {
    fn identity(len: usize) -> Self {
        OffsetMap { points: vec![(0, 0)], len, original_len: len }
    }

    /// The original byte offset of normalized byte offset `offset` (a char
    /// boundary of the normalized text, or its length).
    pub fn to_original(&self, offset: usize) -> usize {
        if offset >= self.len {
            return self.original_len;
        }
        let i = self.points.partition_point(|&(n, _)| n <= offset);
        match i.checked_sub(1) {
            Some(i) => {
                let (n, o) = self.points[i];
                (o + (offset - n)).min(self.original_len)
            }
            None => offset.min(self.original_len),
        }
    }

    /// The original byte range of the normalized byte range `range`.
    pub fn original_range(&self, range: Range<usize>) -> Range<usize> {
        let start = self.to_original(range.start);
        let end = self.to_original(range.end).max(start);
        start..end
    }
}

const SMALL_V: [char; 6] = ['\u{065A}', '\u{065B}', '\u{0306}', '\u{030C}', '\u{032C}', '\u{032E}'];

/// True for U+0020 and the ASCII controls the segmenter cuts after.
fn is_cut(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n')
}

/// Characters whose NFC status needs a closer look: combining marks and
/// characters that compose with what precedes them, or are not NFC at all.
fn nfc_sensitive(c: char) -> bool {
    let u = c as u32;
    if u < 0x0300 {
        return false;
    }
    if (0x0600..=0x06FF).contains(&u) {
        return chars::is_harakat(c);
    }
    canonical_combining_class(c) != 0 || unicode_normalization::is_nfc_quick(std::iter::once(c)) != IsNormalized::Yes
}

/// The context-free one-to-one mappings (Arabic letters, the /h/ letter,
/// spaces), shared by [`Normalizer::simple_segment`] and the full pipeline.
fn map_letter(opts: &NormalizeOptions, c: char) -> char {
    match c {
        'ك' => 'ک',
        'ي' | 'ى' => 'ی',
        'ة' => 'ە',
        'ؤ' => 'ۆ',
        'ڒ' => 'ڕ',
        '\u{0647}' if opts.h_letter == HLetter::Doachashmee => '\u{06BE}',
        '\u{06BE}' if opts.h_letter == HLetter::Heh => '\u{0647}',
        _ if chars::is_other_space(c) => ' ',
        _ => c,
    }
}

/// `c` in the digit system the options ask for (unchanged for `Keep`).
fn map_digit(opts: &NormalizeOptions, c: char) -> char {
    match (opts.digits, chars::digit_value(c)) {
        (Digits::Keep, _) | (_, None) => c,
        (Digits::Latin, Some(d)) => (b'0' + d) as char,
        (Digits::Arabic, Some(d)) => char::from_u32(0x0660 + d as u32).expect("digit"),
        (Digits::Persian, Some(d)) => char::from_u32(0x06F0 + d as u32).expect("digit"),
    }
}

/// The mappings of [`Normalizer::simple_segment`] for `c`, after `last`
/// (the previous character written, for the word-initial `ر`).
fn map_simple(opts: &NormalizeOptions, c: char, last: Option<char>) -> char {
    let mapped = match c {
        'ر' if opts.initial_trill && is_word_boundary_before(last) => 'ڕ',
        _ if opts.lowercase && c.is_ascii_uppercase() => c.to_ascii_lowercase(),
        _ => map_letter(opts, c),
    };
    map_digit(opts, mapped)
}

/// True when `c` ends a word for the word-initial `ر` rule (start of text,
/// space, punctuation, symbols); letters, digits, marks and ZWNJ do not.
#[inline]
fn is_word_boundary_before(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(p) => !is_word_char(p),
    }
}

/// Letters, digits, marks and ZWNJ: what continues a word.
#[inline]
fn is_word_char(p: char) -> bool {
    let u = p as u32;
    if u < 0x80 {
        return p.is_ascii_alphanumeric();
    }
    if (0x0600..=0x06FF).contains(&u) {
        // Letters, harakat and digits of the Arabic block (not its punctuation and symbols).
        return matches!(u, 0x0610..=0x061A | 0x0620..=0x065F | 0x0660..=0x0669 | 0x066E..=0x06D3 | 0x06D5..=0x06DC
            | 0x06DF..=0x06E8 | 0x06EA..=0x06FC | 0x06FF);
    }
    p.is_alphanumeric() || p == ZWNJ || chars::is_mark(p)
}

fn is_heh_like(c: char) -> bool {
    c == '\u{0647}' || c == '\u{06BE}'
}

impl Normalizer {
    /// A normalizer applying `options`.
    pub fn new(options: NormalizeOptions) -> Self {
        let mut arabic = [CLEAN; 256];
        let mut ascii = [CLEAN; 128];
        for (i, class) in arabic.iter_mut().enumerate() {
            let c = char::from_u32(0x0600 + i as u32).expect("Arabic block");
            *class = match c {
                '\u{061C}' | '\u{0640}' | 'ك' | 'ي' | 'ى' | 'ة' | 'ؤ' | 'ڒ' => DIRTY,
                // only after ل at a word's end (rule 19), but rare enough in
                // Sorani text to send every one to the full pipeline
                'أ' => DIRTY,
                '\u{0653}'..='\u{0655}' => DIRTY,
                'ر' if options.initial_trill => REH,
                '\u{0647}' => {
                    if options.h_letter == HLetter::Doachashmee {
                        DIRTY
                    } else {
                        HEH
                    }
                }
                '\u{06BE}' => {
                    if options.h_letter == HLetter::Heh {
                        DIRTY
                    } else {
                        HEH
                    }
                }
                _ if chars::is_mark(c) => DIRTY,
                '\u{0660}'..='\u{0669}' if !matches!(options.digits, Digits::Keep | Digits::Arabic) => DIRTY,
                '\u{06F0}'..='\u{06F9}' if !matches!(options.digits, Digits::Keep | Digits::Persian) => DIRTY,
                _ => CLEAN,
            };
        }
        for (b, class) in ascii.iter_mut().enumerate() {
            let c = b as u8 as char;
            *class = if (c.is_ascii_digit() && !matches!(options.digits, Digits::Keep | Digits::Latin))
                || (c.is_ascii_uppercase() && options.lowercase)
            {
                DIRTY
            } else {
                CLEAN
            };
        }
        let mut flags: Box<[u8; 65536]> = vec![0u8; 65536].into_boxed_slice().try_into().expect("65536 entries");
        for b0 in 0..256usize {
            for b1 in 0..256usize {
                flags[(b0 << 8) | b1] = if b0 < 0x80 {
                    if ascii[b0] != CLEAN {
                        FLAG_MAYBE
                    } else {
                        0
                    }
                } else if b0 < 0xC0 {
                    0
                } else if (0xD8..=0xDB).contains(&b0) && (0x80..=0xBF).contains(&b1) {
                    match arabic[((b0 & 0x03) << 6) | (b1 & 0x3F)] {
                        CLEAN => 0,
                        REH => FLAG_REH,
                        // A HEH is dirty only before a ZWNJ, whose own lead
                        // byte E2 is always looked at.
                        HEH => 0,
                        _ => FLAG_MAYBE,
                    }
                } else if b0 == 0xC2 && matches!(b1, 0xAB | 0xBB) {
                    0 // « »
                } else {
                    FLAG_MAYBE
                };
            }
        }
        for (entry, word) in flags.iter_mut().zip(WORD_BEFORE.iter()) {
            *entry |= word << 2;
        }
        let mut simple_arabic = [None; 256];
        for (i, entry) in simple_arabic.iter_mut().enumerate() {
            let c = char::from_u32(0x0600 + i as u32).expect("Arabic block");
            let contextual = c == chars::TATWEEL
                || c == 'ر'
                || c == 'أ'
                || chars::is_removable_format(c)
                || chars::is_presentation_form(c)
                || nfc_sensitive(c);
            if !contextual {
                *entry = Some(map_simple(&options, c, None));
            }
        }
        let common_screen = common_screen_agrees(&flags, &ascii);
        let simple_ascii_kept = std::array::from_fn(|b| map_simple(&options, b as u8 as char, None) == b as u8 as char);
        Normalizer { options, arabic, ascii, flags, simple_arabic, simple_ascii_kept, common_screen }
    }

    /// The options this normalizer applies.
    pub fn options(&self) -> &NormalizeOptions {
        &self.options
    }

    /// Normalizes `text`, borrowing it when nothing changes.
    pub fn normalize<'a>(&self, text: &'a str) -> Cow<'a, str> {
        let Some(dirty) = self.first_dirty(text) else {
            return Cow::Borrowed(text);
        };
        let mut out = String::with_capacity(text.len() + 16);
        self.normalize_from(text, dirty, &mut out, None);
        if out == text {
            Cow::Borrowed(text)
        } else {
            Cow::Owned(out)
        }
    }

    /// Normalizes `text` and returns a map from the output's byte offsets
    /// back to `text`'s.
    pub fn normalize_with_offsets<'a>(&self, text: &'a str) -> Normalized<'a> {
        let Some(dirty) = self.first_dirty(text) else {
            return Normalized { text: Cow::Borrowed(text), map: OffsetMap::identity(text.len()) };
        };
        let mut out = String::with_capacity(text.len() + 16);
        let mut points = vec![(0, 0)];
        self.normalize_from(text, dirty, &mut out, Some(&mut points));
        let map = OffsetMap { points, len: out.len(), original_len: text.len() };
        if out == text {
            Normalized { text: Cow::Borrowed(text), map: OffsetMap::identity(text.len()) }
        } else {
            Normalized { text: Cow::Owned(out), map }
        }
    }

    /// Normalizes `text` into `out` (appended), returning whether it changed.
    /// Lets callers reuse one buffer across many lines.
    pub fn normalize_into(&self, text: &str, out: &mut String) -> bool {
        match self.first_dirty(text) {
            None => {
                out.push_str(text);
                false
            }
            Some(dirty) => {
                let start = out.len();
                self.normalize_from(text, dirty, out, None);
                &out[start..] != text
            }
        }
    }

    /// [`Normalizer::normalize_into`], except that the byte ranges `kept`
    /// (in order, not overlapping, on line boundaries) are copied as they
    /// are: the lines of another language that restoration left as typed
    /// ([`crate::restore::Restorer::restore_lines_marking_foreign`]).
    /// Normalization is line-local, so the other lines come out as they
    /// would from `normalize_into` on the whole text.
    pub fn normalize_into_except(&self, text: &str, kept: &[Range<usize>], out: &mut String) -> bool {
        let mut changed = false;
        let mut from = 0;
        for range in kept {
            changed |= self.normalize_into(&text[from..range.start], out);
            out.push_str(&text[range.clone()]);
            from = range.end;
        }
        changed | self.normalize_into(&text[from..], out)
    }

    /// The byte offset of the first character that may change, or `None`
    /// when `text` is already normalized. Conservative: it may report a
    /// character that turns out unchanged, never the reverse.
    fn first_dirty(&self, text: &str) -> Option<usize> {
        let bytes = text.as_bytes();
        let n = bytes.len();
        let flags = &*self.flags;
        // Flags of the CHUNK positions whose bytes, with the two before and
        // the one after, are `window`: 0 when the common screen passes them,
        // else from the table, positions checked independently of each other
        // (no chain of dependent loads).
        let scan = |window: &[u8; CHUNK + 3]| -> u8 {
            if self.common_screen && common_block_is_clean(window) {
                return 0;
            }
            // One table entry per byte pair: its flags, and whether it ends
            // a word character (read two positions later).
            let pairs: [u8; CHUNK + 2] =
                std::array::from_fn(|m| flags[((window[m] as usize) << 8) | window[m + 1] as usize]);
            let mut acc = 0u8;
            for k in 0..CHUNK {
                let f = pairs[k + 2];
                let w = pairs[k] >> 2;
                acc |= (f & FLAG_MAYBE) | ((f >> 1) & !w & 1);
            }
            acc
        };
        let mut i = 0;
        while i < n {
            let acc = if i >= 2 && i + CHUNK < n {
                scan(bytes[i - 2..i + CHUNK + 1].try_into().expect("CHUNK + 3 bytes"))
            } else {
                // The text's first and last bytes: a copy padded with spaces
                // (no word character before the text; after its last byte,
                // which ends a character, the pad changes no flag, and the
                // pad's own positions are clean spaces).
                let mut window = [b' '; CHUNK + 3];
                let from = i.saturating_sub(2);
                let to = (i + CHUNK + 1).min(n);
                let at = from + 2 - i;
                window[at..at + (to - from)].copy_from_slice(&bytes[from..to]);
                scan(&window)
            };
            if acc == 0 {
                i += CHUNK;
                continue;
            }
            // Something flagged: look closely, character by character.
            let mut j = i;
            while !text.is_char_boundary(j) {
                j -= 1;
            }
            let end = (i + CHUNK).min(n);
            while j < end {
                match self.check_at(text, j) {
                    Ok(next) => j = next,
                    Err(dirty) => return Some(dirty),
                }
            }
            i = j;
        }
        None
    }

    /// Looks closely at the character at byte `i`: `Ok(next)` when it stays,
    /// `Err(i)` when it may change.
    #[inline(never)]
    fn check_at(&self, text: &str, i: usize) -> Result<usize, usize> {
        let bytes = text.as_bytes();
        let b = bytes[i];
        if b < 0x80 {
            return if self.ascii[b as usize] != CLEAN { Err(i) } else { Ok(i + 1) };
        }
        if (0xD8..=0xDB).contains(&b) {
            // Two-byte character of U+0600–U+06FF (text is valid UTF-8).
            let index = (((b & 0x03) as usize) << 6) | (bytes[i + 1] & 0x3F) as usize;
            let dirty = match self.arabic[index] {
                CLEAN => false,
                REH => is_word_boundary_before(text[..i].chars().next_back()),
                HEH => text[i + 2..].starts_with(ZWNJ),
                _ => true,
            };
            return if dirty { Err(i) } else { Ok(i + 2) };
        }
        let c = text[i..].chars().next().expect("char boundary");
        if self.other_dirty(text, i, c) {
            Err(i)
        } else {
            Ok(i + c.len_utf8())
        }
    }

    /// Fast-scan check of a character outside ASCII and the Arabic block.
    fn other_dirty(&self, text: &str, i: usize, c: char) -> bool {
        if c == ZWNJ {
            if !self.options.keep_zwnj {
                return true;
            }
            let prev = text[..i].chars().next_back();
            let next = text[i + 3..].chars().next();
            let ok = matches!(prev, Some(p) if chars::joins_left(p) && !is_heh_like(p))
                && matches!(next, Some(n) if chars::is_arabic_letter(n));
            return !ok;
        }
        chars::is_removable_format(c)
            || chars::is_other_space(c)
            || chars::is_presentation_form(c)
            || nfc_sensitive(c)
            || (self.options.lowercase && c.is_uppercase())
    }

    /// Normalizes `text` from the word holding byte `dirty` on, appending to
    /// `out`; `points` collects offset checkpoints when asked.
    fn normalize_from(&self, text: &str, dirty: usize, out: &mut String, mut points: Option<&mut Vec<(usize, usize)>>) {
        // Work word by word: every rule looks at most at the neighbours within
        // a word, and a cut after ASCII white space is a boundary for all of
        // them. Clean stretches between dirty words are copied whole.
        let bytes = text.as_bytes();
        let base = out.len();
        let mut scratch = Scratch::default();
        let mut pos = 0;
        let mut dirty = dirty;
        loop {
            let start = bytes[pos..dirty].iter().rposition(|&b| is_cut(b)).map_or(pos, |p| pos + p + 1);
            if start > pos {
                if let Some(points) = points.as_deref_mut() {
                    push_point(points, out.len() - base, pos);
                }
                out.push_str(&text[pos..start]);
            }
            let mut end = memchr::memchr3(b' ', b'\n', b'\t', &bytes[dirty..]).map_or(text.len(), |p| dirty + p + 1);
            let keep_urls = self.options.keep_urls;
            if keep_urls && url::may_hold_url(&bytes[start..end]) {
                self.normalize_around_urls(text, start..end, out, base, &mut scratch, points.as_deref_mut());
            } else {
                self.normalize_segment(&text[start..end], start, out, base, &mut scratch, points.as_deref_mut());
            }
            // Where dirty words are dense (legacy text), scanning for the
            // next one costs as much as mapping the text: the words after it
            // go through the one-pass mapping together, a stretch at a time.
            if dirty - pos < DENSE_GAP && points.is_none() && end < text.len() {
                let limit = (end + DENSE_STRETCH).min(text.len());
                let cut = if limit == text.len() {
                    Some(limit)
                } else {
                    bytes[end..limit].iter().rposition(|&b| is_cut(b)).map(|p| end + p + 1)
                };
                if let Some(cut) = cut.filter(|&cut| !(keep_urls && url::may_hold_url(&bytes[end..cut]))) {
                    end += self.simple_prefix(&text[end..cut], out);
                }
            }
            pos = end;
            match self.first_dirty(&text[pos..]) {
                Some(d) => dirty = pos + d,
                None => break,
            }
        }
        if pos < text.len() {
            if let Some(points) = points {
                push_point(points, out.len() - base, pos);
            }
            out.push_str(&text[pos..]);
        }
    }

    /// [`Self::normalize_segment`] over the `words` of `text` (a cut to a
    /// cut) outside their URLs, which are copied as typed (see [`url`]).
    fn normalize_around_urls(
        &self,
        text: &str,
        words: Range<usize>,
        out: &mut String,
        base: usize,
        scratch: &mut Scratch,
        mut points: Option<&mut Vec<(usize, usize)>>,
    ) {
        let mut pos = words.start;
        for span in url::url_spans(&text[words.clone()]) {
            let (start, end) = (words.start + span.start, words.start + span.end);
            if start > pos {
                self.normalize_segment(&text[pos..start], pos, out, base, scratch, points.as_deref_mut());
            }
            if let Some(points) = points.as_deref_mut() {
                push_point(points, out.len() - base, start);
            }
            out.push_str(&text[start..end]);
            pos = end;
        }
        if pos < words.end {
            self.normalize_segment(&text[pos..words.end], pos, out, base, scratch, points);
        }
    }

    /// One pass over a segment without marks or presentation forms (the
    /// common case of legacy text). Returns `false`, with `out` unchanged, when
    /// the segment needs [`Self::normalize_segment`].
    fn simple_segment(&self, segment: &str, out: &mut String) -> bool {
        let begin = out.len();
        if self.simple_prefix(segment, out) == segment.len() {
            return true;
        }
        out.truncate(begin);
        false
    }

    /// [`Self::simple_segment`] up to the first character it cannot map:
    /// maps the words before it (each ending in ASCII white space, a cut
    /// for every rule) and returns their length in bytes.
    fn simple_prefix(&self, segment: &str, out: &mut String) -> usize {
        let opts = &self.options;
        let bytes = segment.as_bytes();
        let begin = out.len();
        let mut last: Option<char> = None;
        // `segment[..copied]` is in `out`: characters kept as they are are
        // copied in spans, not one by one.
        let mut copied = 0;
        // The last cut passed, and the length `out` has there.
        let (mut cut_at, mut cut_out) = (0, begin);
        // Back to the last cut (the words before it are done).
        macro_rules! bail {
            () => {{
                if copied <= cut_at {
                    out.push_str(&segment[copied..cut_at]);
                } else {
                    out.truncate(cut_out);
                }
                return cut_at;
            }};
        }
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 && self.simple_ascii_kept[b as usize] {
                last = Some(b as char);
                i += 1;
                if is_cut(b) {
                    (cut_at, cut_out) = (i, out.len() + (i - copied));
                }
                continue;
            }
            if (0xD8..=0xDB).contains(&b) {
                // U+0600–U+06FF, decoded from its two bytes (valid UTF-8).
                let index = (((b & 0x03) as usize) << 6) | (bytes[i + 1] & 0x3F) as usize;
                let c = char::from_u32(0x0600 + index as u32).expect("Arabic block");
                let mapped = match self.simple_arabic[index] {
                    Some(mapped) => Some(mapped),
                    None if c == 'ر' => Some(map_simple(opts, c, last)),
                    None => None,
                };
                if let Some(mapped) = mapped {
                    if mapped != c {
                        out.push_str(&segment[copied..i]);
                        out.push(mapped);
                        copied = i + 2;
                    }
                    last = Some(mapped);
                    i += 2;
                    continue;
                }
                if (0x4B..=0x52).contains(&index) && !opts.keep_harakat {
                    // Fathatan to sukun: removed, and in NFC they neither
                    // compose nor block a composition that this pass would
                    // see (any other mark still leaves the word to the full
                    // pipeline); the letter before stays `last`, as it does
                    // there after their removal.
                    out.push_str(&segment[copied..i]);
                    i += 2;
                    copied = i;
                    continue;
                }
            }
            // Any other character: one at a time.
            out.push_str(&segment[copied..i]);
            let c = segment[i..].chars().next().expect("char boundary");
            i += c.len_utf8();
            copied = i;
            if c == chars::TATWEEL || chars::is_removable_format(c) {
                continue;
            }
            if chars::is_presentation_form(c)
                || nfc_sensitive(c)
                || c == 'أ'
                || (opts.lowercase && !c.is_ascii() && c.is_uppercase())
            {
                bail!();
            }
            if c == ZWNJ {
                let at = i - ZWNJ.len_utf8();
                // The next character that is not part of the ZWNJ run.
                let mut next = None;
                for (_, n) in segment[at..].char_indices().skip(1) {
                    if n == ZWNJ || n == chars::TATWEEL || chars::is_removable_format(n) {
                        continue;
                    }
                    next = Some(n);
                    break;
                }
                if next.is_some_and(|n| chars::is_presentation_form(n) || nfc_sensitive(n)) {
                    bail!();
                }
                if last.is_some_and(is_heh_like) {
                    out.truncate(out.len() - 2);
                    out.push('ە');
                    last = Some('ە');
                } else if opts.keep_zwnj
                    && last.is_some_and(chars::joins_left)
                    && next.is_some_and(chars::is_arabic_letter)
                {
                    out.push(ZWNJ);
                    last = Some(ZWNJ);
                }
                // Skip the rest of the run.
                let rest = &segment[at..];
                let run = rest
                    .char_indices()
                    .skip(1)
                    .find(|&(_, n)| !(n == ZWNJ || n == chars::TATWEEL || chars::is_removable_format(n)))
                    .map_or(rest.len(), |(k, _)| k);
                i = at + run;
                copied = i;
                continue;
            }
            let mapped = map_simple(opts, c, last);
            out.push(mapped);
            last = Some(mapped);
        }
        out.push_str(&segment[copied..]);
        segment.len()
    }

    /// Applies every rule to one segment (a word and the white space after it).
    fn normalize_segment(
        &self,
        segment: &str,
        offset: usize,
        out: &mut String,
        base: usize,
        scratch: &mut Scratch,
        points: Option<&mut Vec<(usize, usize)>>,
    ) {
        let opts = &self.options;
        if points.is_none() && self.simple_segment(segment, out) {
            return;
        }
        let Scratch { a, b, text } = scratch;
        a.clear();
        b.clear();
        // Pass 1: presentation forms, removals, then NFC.
        let mut needs_nfc = false;
        for (i, c) in segment.char_indices() {
            let src = offset + i;
            if c == chars::TATWEEL || chars::is_removable_format(c) {
                continue;
            }
            if chars::is_presentation_form(c) {
                // Isolated harakat forms decompose to SPACE + mark: keep the mark.
                let mark_form = matches!(c as u32, 0xFE70..=0xFE7F | 0xFC5E..=0xFC63);
                unicode_normalization::char::decompose_compatible(c, |d| {
                    if !(mark_form && d == ' ') && d != chars::TATWEEL {
                        needs_nfc |= nfc_sensitive(d);
                        a.push((d, src));
                    }
                });
                continue;
            }
            needs_nfc |= nfc_sensitive(c);
            a.push((c, src));
        }
        if needs_nfc {
            compose(a, b, text);
            std::mem::swap(a, b);
        }
        // Pass 2: one-to-one mappings, harakat, small-V compositions, digits, case, spaces.
        b.clear();
        for &(c, src) in a.iter() {
            if chars::is_harakat(c) && !opts.keep_harakat && !SMALL_V.contains(&c) {
                continue;
            }
            let mapped = map_digit(opts, map_letter(opts, c));
            if opts.lowercase && mapped.is_uppercase() {
                for l in mapped.to_lowercase() {
                    b.push((l, src));
                }
                continue;
            }
            b.push((mapped, src));
        }
        // Pass 3: context rules (HEH+ZWNJ, ZWNJ between joining letters, word-initial ر).
        a.clear();
        let mut last_base: Option<usize> = None; // index in `a` of the last non-mark
        let mut idx = 0;
        while idx < b.len() {
            let (c, src) = b[idx];
            if c == ZWNJ {
                let mut next = idx;
                while next < b.len() && (b[next].0 == ZWNJ || chars::is_mark(b[next].0)) {
                    next += 1;
                }
                let prev = last_base.map(|k| a[k].0);
                if let Some(k) = last_base.filter(|_| prev.is_some_and(is_heh_like)) {
                    a[k].0 = 'ە';
                } else if opts.keep_zwnj
                    && prev.is_some_and(chars::joins_left)
                    && b.get(next).is_some_and(|&(n, _)| chars::is_arabic_letter(n))
                    && a.last().is_some_and(|&(l, _)| l != ZWNJ)
                {
                    a.push((ZWNJ, src));
                }
                // Marks between ZWNJs keep their place after the one kept.
                for &(m, s) in &b[idx + 1..next] {
                    if m != ZWNJ {
                        a.push((m, s));
                    }
                }
                idx = next;
                continue;
            }
            let c = if c == 'ر' && opts.initial_trill && is_word_boundary_before(a.last().map(|&(p, _)| p)) {
                'ڕ'
            } else {
                c
            };
            if !chars::is_mark(c) {
                last_base = Some(a.len());
            }
            a.push((c, src));
            idx += 1;
        }
        // Pass 4: legacy small-V spellings to precomposed letters (after the
        // ZWNJ rule, which may bring a base and its V together).
        if a.iter().any(|&(c, _)| SMALL_V.contains(&c)) {
            b.clear();
            let mut consumed: Option<usize> = None;
            for idx in 0..a.len() {
                if consumed == Some(idx) {
                    continue;
                }
                let (c, src) = a[idx];
                if let Some(composed) = small_v_composition(c) {
                    let mut j = idx + 1;
                    while j < a.len() && chars::is_mark(a[j].0) {
                        if SMALL_V.contains(&a[j].0) {
                            consumed = Some(j);
                            break;
                        }
                        j += 1;
                    }
                    if consumed.is_some_and(|k| k > idx) {
                        b.push((composed, src));
                        continue;
                    }
                }
                if chars::is_harakat(c) && !opts.keep_harakat {
                    continue;
                }
                // A removed stray V may leave a ر at the start of the word.
                let c = if c == 'ر' && opts.initial_trill && is_word_boundary_before(b.last().map(|&(p, _)| p)) {
                    'ڕ'
                } else {
                    c
                };
                b.push((c, src));
            }
            std::mem::swap(a, b);
        }
        // A letter made by a rule may compose with a kept mark (ە + hamza), and
        // a removed haraka may have blocked a composition (A + hamza + grave).
        if a.iter().any(|&(c, _)| nfc_sensitive(c)) {
            compose(a, b, text);
            std::mem::swap(a, b);
            // WAW + HAMZA ABOVE brought together by a removed ZWNJ.
            for (c, _) in a.iter_mut() {
                if *c == 'ؤ' {
                    *c = 'ۆ';
                }
            }
        }
        // The Arabic keyboard's لأ key typed for ڵ at a word's end (`لەگەلأ`,
        // `سالأ`); Arabic words with the article keep it (الأ…). Last, as an
        // أ may only now have been composed.
        if a.iter().any(|&(c, _)| c == 'أ') {
            b.clear();
            for idx in 0..a.len() {
                let (c, src) = a[idx];
                if c == 'أ'
                    && b.last().is_some_and(|&(p, _)| p == 'ل')
                    && !a.get(idx + 1).is_some_and(|&(n, _)| chars::is_arabic_letter(n))
                    && lam_ends_a_sorani_word(b)
                {
                    b.last_mut().expect("a LAM before").0 = 'ڵ';
                    continue;
                }
                b.push((c, src));
            }
            std::mem::swap(a, b);
        }
        // Emit.
        match points {
            Some(points) => {
                for &(c, src) in a.iter() {
                    push_point(points, out.len() - base, src);
                    out.push(c);
                }
                // The segment's end maps to the next segment's start.
                push_point(points, out.len() - base, offset + segment.len());
            }
            None => out.extend(a.iter().map(|&(c, _)| c)),
        }
    }
}

fn push_point(points: &mut Vec<(usize, usize)>, normalized: usize, original: usize) {
    if let Some(&mut (n, o)) = points.last_mut() {
        // Skip points implied by the previous one (unchanged text).
        if normalized - n == original.wrapping_sub(o) {
            return;
        }
        if n == normalized {
            points.pop();
        }
    }
    points.push((normalized, original));
}

/// Whether the ل that ends `a` closes a word of two letters or more that
/// does not begin with the Arabic article ال.
fn lam_ends_a_sorani_word(a: &[(char, usize)]) -> bool {
    let letters = a.iter().rev().take_while(|&&(c, _)| chars::is_arabic_letter(c) || chars::is_mark(c)).count();
    let word = &a[a.len() - letters..];
    word.len() >= 2 && !(word[0].0 == 'ا' && word[1].0 == 'ل')
}

/// The precomposed letter for `base` + small V, if any.
fn small_v_composition(base: char) -> Option<char> {
    match base {
        'و' => Some('ۆ'),
        'ی' => Some('ێ'),
        'ل' => Some('ڵ'),
        'ر' => Some('ڕ'),
        _ => None,
    }
}

/// Reusable buffers of one normalization.
#[derive(Default)]
struct Scratch {
    a: Vec<(char, usize)>,
    b: Vec<(char, usize)>,
    text: String,
}

/// NFC of `input` into `output`, keeping for each output character the source
/// offset of the first character of its composition group.
fn compose(input: &[(char, usize)], output: &mut Vec<(char, usize)>, text: &mut String) {
    output.clear();
    let mut i = 0;
    while i < input.len() {
        let mut j = i + 1;
        while j < input.len() && nfc_sensitive(input[j].0) {
            j += 1;
        }
        if j == i + 1 && !nfc_sensitive(input[i].0) {
            output.push(input[i]);
        } else {
            text.clear();
            text.extend(input[i..j].iter().map(|&(c, _)| c));
            let src = input[i].1;
            output.extend(text.nfc().map(|c| (c, src)));
        }
        i = j;
    }
}

/// Normalizes `text` with the `standard` preset.
pub fn normalize(text: &str) -> Cow<'_, str> {
    static STANDARD: std::sync::LazyLock<Normalizer> = std::sync::LazyLock::new(Normalizer::default);
    STANDARD.normalize(text)
}

#[cfg(test)]
mod tests;
