//! Which convention a text was typed in: standard Unicode Sorani, a legacy
//! Kurdish keyboard (ە written as Arabic ه, ک as ك), an Arabic or a Persian
//! keyboard (no ێ ۆ ڵ ڕ ڤ ە …), or a legacy non-Unicode font.
//!
//! Detection counts letters that each convention can or cannot produce; it is
//! a single pass over the characters (no lexicon look-ups) except for legacy
//! fonts, which are confirmed by decoding and checking the result against the
//! lexicon (see [`super::font`]).

use super::font::{self, Font};

/// How a text was typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Convention {
    /// Standard Unicode Sorani (or no Sorani letters at all): nothing to restore.
    Standard,
    /// A legacy Kurdish keyboard: ە typed as Arabic ه (ک often as ك), while
    /// ێ ۆ ڵ ڕ are present.
    LegacyKeyboard,
    /// An Arabic keyboard: ك ي ى ة, no پ چ ژ گ ێ ۆ ڵ ڕ ڤ ە.
    ArabicKeyboard,
    /// A Persian keyboard: ک ی پ چ ژ گ, but no ێ ۆ ڵ ڕ ڤ ە.
    PersianKeyboard,
    /// A legacy non-Unicode Kurdish font (Ali-K family and similar).
    LegacyFont(Font),
}

impl Convention {
    /// A short stable name: `standard`, `legacy-keyboard`, `arabic-keyboard`,
    /// `persian-keyboard`, `legacy-font`.
    pub fn name(self) -> &'static str {
        match self {
            Convention::Standard => "standard",
            Convention::LegacyKeyboard => "legacy-keyboard",
            Convention::ArabicKeyboard => "arabic-keyboard",
            Convention::PersianKeyboard => "persian-keyboard",
            Convention::LegacyFont(_) => "legacy-font",
        }
    }

    /// Parses a convention name (as printed by [`Convention::name`]) or a font
    /// name (see [`Font::from_name`]).
    pub fn from_name(name: &str) -> Option<Convention> {
        let lower = name.to_ascii_lowercase().replace('_', "-");
        Some(match lower.as_str() {
            "standard" | "unicode" => Convention::Standard,
            "legacy" | "legacy-keyboard" => Convention::LegacyKeyboard,
            "arabic" | "arabic-keyboard" => Convention::ArabicKeyboard,
            "persian" | "persian-keyboard" | "farsi" => Convention::PersianKeyboard,
            _ => Convention::LegacyFont(Font::from_name(name)?),
        })
    }
}

/// [`Convention::from_name`], with an error that lists the names.
impl std::str::FromStr for Convention {
    type Err = crate::Error;
    fn from_str(s: &str) -> Result<Self, crate::Error> {
        Convention::from_name(s).ok_or_else(|| {
            crate::error::unknown_option(
                "convention or font",
                s,
                "legacy-keyboard, arabic-keyboard, persian-keyboard, standard, ali-k, ali-web, dylan, zarnegar",
            )
        })
    }
}

impl std::fmt::Display for Convention {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Convention::LegacyFont(font) => write!(f, "legacy-font:{}", font.name()),
            other => f.write_str(other.name()),
        }
    }
}

/// The result of [`detect`].
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Detection {
    /// The most likely convention.
    pub convention: Convention,
    /// How sure detection is, from 0 to 1.
    pub confidence: f32,
    /// Arabic-script letters seen (the evidence behind the decision).
    pub letters: usize,
}

/// Letter counts behind a decision.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Counts {
    /// All Arabic-script letters.
    pub letters: usize,
    /// ە (U+06D5).
    pub ae: usize,
    /// ێ ۆ ڵ ڕ ڤ: letters only Kurdish keyboards have.
    pub kurdish: usize,
    /// پ چ ژ گ: letters Persian and Kurdish keyboards have but Arabic ones lack.
    pub persian: usize,
    /// ك ي ى ة: Arabic-keyboard letters.
    pub arabic: usize,
    /// ک ی (U+06A9, U+06CC).
    pub keheh_farsi_yeh: usize,
    /// Words with an ه that looks like a legacy ە ([`legacy_heh_at`]).
    pub legacy_heh_words: usize,
    /// Words.
    pub words: usize,
    /// Words containing ە.
    pub ae_words: usize,
    /// Letters that only legacy fonts use in Kurdish text (ث ذ ص ض ط ظ) and
    /// harakat attached to letters.
    pub font_marks: usize,
    /// Of `font_marks`, the harakat attached to letters that legacy fonts
    /// decorate (ی ي ى و ل ر ا): a font's sign in any number of words.
    pub marked_letters: usize,
    /// Harakat U+064B–U+0650 on other letters (بِ, قُ, دَ): Arabic
    /// vocalization, which no font's code page writes.
    pub vocalized: usize,
}

pub(crate) const fn is_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{0671}'..='\u{06D3}' | '\u{06D5}')
}

/// Whether the ه at char index `i` of `w` looks like a legacy ە: not
/// word-initial, and no unambiguous vowel letter (ا ێ ۆ ە) beside it, or
/// final after anything but ا (`شاه`, `گوناه` keep their /h/). Public so that
/// the lexicon generator drops legacy spellings by this very rule.
pub fn legacy_heh_at(w: &[char], i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let prev = w[i - 1];
    let next = w.get(i + 1).copied();
    let vowel = |c: char| "اێۆە".contains(c);
    match next {
        None => prev != 'ا',
        Some(n) => !vowel(prev) && !vowel(n),
    }
}

// What `count` needs to know of each character of U+0600–U+06FF, as bits.
/// A letter ([`is_letter`]).
pub(super) const LETTER: u16 = 1;
/// ە
const AE: u16 = 1 << 1;
/// ێ ۆ ڵ ڕ ڤ
const KURDISH: u16 = 1 << 2;
/// پ چ ژ گ
const PERSIAN: u16 = 1 << 3;
/// ك ي ى ة
const ARABIC: u16 = 1 << 4;
/// ک ی
const KEHEH_YEH: u16 = 1 << 5;
/// ث ذ ص ض ط ظ
const FONT_LETTER: u16 = 1 << 6;
/// ا ێ ۆ ە: vowels beside which ه is a real /h/.
pub(super) const VOWEL: u16 = 1 << 7;
/// ی ي ى و ل ر ا: letters that legacy fonts decorate with harakat.
const FONT_BASE: u16 = 1 << 8;
/// Harakat U+064B–U+0650 (font marks after a [`FONT_BASE`]).
const FONT_HARAKA: u16 = 1 << 9;
/// Other marks and tatweel: ignored inside a word.
pub(super) const IGNORED: u16 = 1 << 10;

/// [`count`]'s classes of U+0600–U+06FF, built once at compile time.
static CLASSES: [u16; 256] = {
    let mut table = [0u16; 256];
    let mut i = 0;
    while i < 256 {
        let cp = 0x0600 + i as u32;
        let mut class = 0u16;
        if matches!(cp, 0x0621..=0x063A | 0x0641..=0x064A | 0x0671..=0x06D3 | 0x06D5) {
            class |= LETTER;
        }
        class |= match cp {
            0x06D5 => AE | VOWEL,
            0x06CE | 0x06C6 => KURDISH | VOWEL,
            0x06B5 | 0x0695 | 0x06A4 => KURDISH,
            0x067E | 0x0686 | 0x0698 | 0x06AF => PERSIAN,
            0x0643 | 0x064A | 0x0649 | 0x0629 => ARABIC,
            0x06A9 | 0x06CC => KEHEH_YEH,
            0x062B | 0x0630 | 0x0635 | 0x0636 | 0x0637 | 0x0638 => FONT_LETTER,
            0x0627 => VOWEL,
            _ => 0,
        };
        // ی ي ى و ل ر ا
        if matches!(cp, 0x06CC | 0x064A | 0x0649 | 0x0648 | 0x0644 | 0x0631 | 0x0627) {
            class |= FONT_BASE;
        }
        if matches!(cp, 0x064B..=0x0650) {
            class |= FONT_HARAKA | IGNORED;
        } else if matches!(cp, 0x0651..=0x065F | 0x0670 | 0x0640) {
            class |= IGNORED;
        }
        table[i] = class;
        i += 1;
    }
    table
};

pub(super) const HEH: char = '\u{0647}';

// Letters of U+0600–U+06FF by their index in the block, for [`count`].
const HEH_INDEX: u16 = block_index(HEH);
const ALEF_INDEX: u16 = block_index('ا');
const AE_INDEX: u16 = block_index('ە');

const fn block_index(c: char) -> u16 {
    (c as u32 - 0x0600) as u16
}
/// No letter before (a word's start).
const NO_LETTER: u16 = u16::MAX;

pub(crate) fn count(text: &str) -> Counts {
    let mut c = Counts::default();
    // Per-word state: whether it has ە, whether a legacy ه was seen, the
    // previous letter and its class, and an ه waiting for its right
    // neighbour (holding whether the letter before it was a vowel, or ا).
    let mut in_word = false;
    let mut has_ae = false;
    let mut legacy = false;
    // The previous letter as its index in U+0600–U+06FF ([`NO_LETTER`] at
    // a word's start), and its class.
    let mut prev = NO_LETTER;
    let mut prev_class = 0u16;
    // An ه waiting for its right neighbour: (letter before it is a vowel, it is ا).
    let mut pending: Option<(bool, bool)> = None;
    // Letter counters packed in one word ([`INCREMENTS`]) and the letters in it.
    let (mut packed, mut packed_letters) = (0u64, 0u32);
    // A macro, not a closure taking `&mut c`: the counters then stay in
    // registers instead of memory (that store-to-load chain cost about a
    // seventh of the whole count).
    macro_rules! end_word {
        () => {
            if in_word {
                if let Some((_, before_is_alef)) = pending.take() {
                    if !before_is_alef {
                        legacy = true;
                    }
                }
                c.words += 1;
                c.ae_words += usize::from(has_ae);
                c.legacy_heh_words += usize::from(legacy);
                in_word = false;
                has_ae = false;
                legacy = false;
                prev = NO_LETTER;
            }
        };
    }
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            // ASCII is never part of an Arabic-script word: skip the run.
            end_word!();
            i += 1;
            while i < bytes.len() && bytes[i] < 0x80 {
                i += 1;
            }
            continue;
        }
        if !(0xD8..=0xDB).contains(&b) {
            // Outside U+0600–U+06FF: never a letter. ZWNJ and ZWJ stay inside
            // a word, and HEH + ZWNJ is a legacy spelling of ە, not an /h/.
            let ch = text[i..].chars().next().expect("char boundary");
            i += ch.len_utf8();
            if ch == '\u{200C}' && prev == HEH_INDEX {
                pending = None;
                c.ae += 1;
                has_ae = true;
                prev = AE_INDEX;
                prev_class = CLASSES[usize::from(AE_INDEX)];
            } else if !matches!(ch, '\u{200C}' | '\u{200D}') {
                end_word!();
            }
            continue;
        }
        // U+0600–U+06FF, read off its two bytes (the text is valid UTF-8).
        let index = (usize::from(b & 0x03) << 6) | usize::from(bytes[i + 1] & 0x3F);
        i += 2;
        let class = CLASSES[index];
        if class & LETTER == 0 {
            if class & FONT_HARAKA != 0 && prev != NO_LETTER && prev_class & FONT_BASE != 0 {
                c.font_marks += 1;
                c.marked_letters += 1;
            } else if class & FONT_HARAKA != 0 && prev != NO_LETTER {
                c.vocalized += 1;
            } else if class & IGNORED == 0 {
                end_word!();
            }
            continue;
        }
        // Seven counters in one add; emptied before a lane can overflow.
        packed += INCREMENTS[index];
        packed_letters += 1;
        if packed_letters == PACKED_MAX {
            unpack(&mut c, packed);
            (packed, packed_letters) = (0, 0);
        }
        has_ae |= class & AE != 0;
        if let Some((before_is_vowel, _)) = pending.take() {
            if !before_is_vowel && class & VOWEL == 0 {
                legacy = true;
            }
        }
        let index = index as u16;
        if index == HEH_INDEX && prev != NO_LETTER {
            pending = Some((prev_class & VOWEL != 0, prev == ALEF_INDEX));
        }
        in_word = true;
        prev = index;
        prev_class = class;
    }
    #[allow(unused_assignments)] // the last word's state is reset and never read
    {
        end_word!();
    }
    unpack(&mut c, packed);
    c
}

/// Bits per counter in [`INCREMENTS`]; letters between two [`unpack`]s stay
/// below `1 << LANE`.
const LANE: u32 = 9;
const PACKED_MAX: u32 = (1 << LANE) - 1;

/// For each character of U+0600–U+06FF, what it adds to the letter
/// counters, packed in lanes of [`LANE`] bits: letters, ae, kurdish,
/// persian, arabic, keheh/farsi yeh, font letters.
static INCREMENTS: [u64; 256] = {
    let mut table = [0u64; 256];
    let mut i = 0;
    while i < 256 {
        let class = CLASSES[i];
        if class & LETTER != 0 {
            let flags = [
                true,
                class & AE != 0,
                class & KURDISH != 0,
                class & PERSIAN != 0,
                class & ARABIC != 0,
                class & KEHEH_YEH != 0,
                class & FONT_LETTER != 0,
            ];
            let mut lane = 0;
            while lane < flags.len() {
                if flags[lane] {
                    table[i] |= 1 << (lane as u32 * LANE);
                }
                lane += 1;
            }
        }
        i += 1;
    }
    table
};

/// Adds the packed counters to `c`.
fn unpack(c: &mut Counts, packed: u64) {
    let lane = |k: u32| ((packed >> (k * LANE)) & u64::from(PACKED_MAX)) as usize;
    c.letters += lane(0);
    c.ae += lane(1);
    c.kurdish += lane(2);
    c.persian += lane(3);
    c.arabic += lane(4);
    c.keheh_farsi_yeh += lane(5);
    c.font_marks += lane(6);
}

/// Whether `text` was typed in Unicode and its ث ذ ص ض ط ظ are letters of
/// names and Arabic words (سامانثا سمیث, صالح), not a font's Kurdish
/// letters: it has at least as many letters that no font's code page has
/// (ە ێ ۆ ڵ ڕ ڤ). Text whose only font sign is a letter with a mark (یَ
/// for ێ, لَ for ڵ) is still decoded: that spelling survives conversions.
fn unicode_with_arabic_letters(text: &str) -> bool {
    let (mut unicode_only, mut arabic) = (0usize, 0usize);
    for c in text.chars() {
        match c {
            'ە' | 'ێ' | 'ۆ' | 'ڵ' | 'ڕ' | 'ڤ' => unicode_only += 1,
            'ث' | 'ذ' | 'ص' | 'ض' | 'ط' | 'ظ' => arabic += 1,
            _ => {}
        }
    }
    arabic > 0 && unicode_only >= arabic
}

/// Detects the convention of `text` (a line or a whole document).
///
/// ```
/// use sorani::restore::{detect, Convention};
/// assert_eq!(detect("ئەمە دەقێکی ستانداردە.").convention, Convention::Standard);
/// assert_eq!(detect("ئهمه دهقێكی كۆنه و ههڵه نووسراوه").convention, Convention::LegacyKeyboard);
/// ```
pub fn detect(text: &str) -> Detection {
    let c = count(text);
    if c.letters == 0 {
        return Detection { convention: Convention::Standard, confidence: 1.0, letters: 0 };
    }
    // Legacy fonts first: their letters are rare in any Kurdish keyboard text.
    // One of them (or a letter with a font's mark, یَ لَ رِ) is worth a look
    // in any number of letters in a line of three words or more without
    // ە ێ ۆ ڵ ڕ ڤ that the language identifier does not give to Arabic or
    // Persian.
    // (the identifier reads the text once, for both questions below)
    let foreign = std::cell::OnceCell::new();
    let in_another_language = || *foreign.get_or_init(|| super::in_another_language(text));
    let marked_sign = || {
        c.font_marks > 0
            && c.words >= 3
            && c.kurdish == 0
            && !text.contains('ە')
            // Without a marked letter, the signs of Ali-K and Ali-Web, which
            // write ە as ة and have no چ ژ (Zarnegar writes ە as ه).
            && (c.marked_letters > 0 || c.legacy_heh_words == 0 && !text.contains(['چ', 'ژ']))
            && !in_another_language()
    };
    if (c.font_marks * 40 >= c.letters && c.font_marks >= 2 || marked_sign())
        && c.vocalized == 0
        && !arabic_tanween(text)
        && !unicode_with_arabic_letters(text)
    {
        if let Some((font, conf)) = font::detect_font_counted(text, c.marked_letters) {
            // Arabic and Persian have ث ذ ص ض ط ظ of their own (هذا نص عربي
            // would become هژا نێ عربی): not a font's text when the identifier
            // reads it as another language both as typed and decoded. Sorani
            // in a font often reads as Arabic as typed, never once decoded:
            // of 40,000 awta-en-ckb lines and 1–6-word pieces encoded in Ali-K
            // and in Ali-Web, none is taken for Arabic or Persian so, where
            // 117 of the 160 kurdish-lid Arabic and Persian lines detected as
            // a font are.
            if !(in_another_language() && super::decoded_in_another_language(text, font)) {
                return Detection { convention: Convention::LegacyFont(font), confidence: conf, letters: c.letters };
            }
        }
    }
    let words = c.words.max(1) as f32;
    let legacy_share = c.legacy_heh_words as f32 / words;
    let ae_share = c.ae_words as f32 / words;
    let evidence = |x: f32| (x.min(1.0) * 0.5 + 0.5).min(0.99);
    // No ە at all, no Kurdish-only letters: an Arabic or Persian keyboard.
    let lacks_kurdish = c.kurdish == 0 && c.ae == 0;
    if lacks_kurdish && c.letters >= 3 {
        // ك beside ی (U+06CC) and no ي ى ک is the legacy Kurdish keyboard's
        // pair: Arabic keyboards write ي for ی, and Persian ones ک, not ك
        // (the ScriptNormalization character mappings), so a line without
        // ێ ۆ ڵ ڕ ڤ (ئهوه كاری منه) is legacy text too.
        let legacy_pair =
            || text.contains('ك') && text.contains('ی') && !text.contains(['ي', 'ى', 'ک']) && c.legacy_heh_words > 0;
        if c.persian == 0 && c.arabic > 0 && legacy_pair() {
            return Detection {
                convention: Convention::LegacyKeyboard,
                confidence: evidence(legacy_share * 4.0),
                letters: c.letters,
            };
        }
        if c.persian == 0 && c.arabic > 0 {
            return Detection {
                convention: Convention::ArabicKeyboard,
                confidence: evidence((c.arabic as f32 / 3.0).min(1.0) * (c.letters as f32 / 30.0).min(1.0)),
                letters: c.letters,
            };
        }
        // Persian keyboards write ک and ی. A line of two or more words with
        // an ه for ە but not one ێ ۆ ڵ ڕ ڤ is far likelier typed on one than
        // on a legacy Kurdish keyboard, which has those letters: even a
        // six-word standard line lacks them all only about one time in
        // thirteen (awta-en-ckb). Shorter lines stay uncertain.
        if c.arabic == 0 && (c.persian > 0 || c.words >= 2) || (c.legacy_heh_words == 0 && c.words >= 3) {
            let strength =
                ((c.persian + c.legacy_heh_words) as f32 / 3.0).min(1.0) * (c.letters as f32 / 30.0).min(1.0);
            return Detection {
                convention: if c.arabic > c.keheh_farsi_yeh {
                    Convention::ArabicKeyboard
                } else {
                    Convention::PersianKeyboard
                },
                confidence: evidence(strength),
                letters: c.letters,
            };
        }
    }
    if c.legacy_heh_words > 0 && (legacy_share >= 0.05 || c.legacy_heh_words >= 2) && legacy_share >= ae_share * 0.1 {
        return Detection {
            convention: if c.kurdish == 0 && c.persian == 0 && c.arabic > 0 {
                Convention::ArabicKeyboard
            } else {
                Convention::LegacyKeyboard
            },
            confidence: evidence(legacy_share * 4.0),
            letters: c.letters,
        };
    }
    if c.arabic > 0 && c.kurdish == 0 && c.ae == 0 {
        return Detection { convention: Convention::ArabicKeyboard, confidence: 0.6, letters: c.letters };
    }
    let conf = if c.legacy_heh_words == 0 { 0.95 } else { (1.0 - legacy_share * 5.0).clamp(0.5, 0.9) };
    Detection { convention: Convention::Standard, confidence: conf, letters: c.letters }
}

/// Whether `text` has the tanween of Arabic and Persian adverbs (جداً,
/// لطفاً): ً on an ا after a letter other than ل, where Ali-K writes ڵا as
/// لاً.
fn arabic_tanween(text: &str) -> bool {
    let mut before = [' '; 2];
    for c in text.chars() {
        if c == '\u{064B}' && before[1] == 'ا' && before[0] != 'ل' {
            return true;
        }
        before = [before[1], c];
    }
    false
}

/// [`CLASSES`] of a character of U+0600–U+06FF, `None` outside it.
pub(super) fn arabic_class(c: char) -> Option<u16> {
    let index = (c as u32).checked_sub(0x0600).filter(|&i| i < 0x100)?;
    Some(CLASSES[index as usize])
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The straightforward char-by-char counting that [`count`] replaced.
    fn reference_count(text: &str) -> Counts {
        let mut c = Counts::default();
        // Per-word state: letters so far, whether it has ە, whether a legacy ه
        // was seen, the previous letter, and an ه waiting for its right neighbour
        // (holding the letter before it).
        let mut in_word = false;
        let mut has_ae = false;
        let mut legacy = false;
        let mut prev: Option<char> = None;
        let mut pending: Option<char> = None;
        let vowel = |x: char| matches!(x, 'ا' | 'ێ' | 'ۆ' | 'ە');
        let end_word = |c: &mut Counts,
                        in_word: &mut bool,
                        has_ae: &mut bool,
                        legacy: &mut bool,
                        prev: &mut Option<char>,
                        pending: &mut Option<char>| {
            if !*in_word {
                return;
            }
            if let Some(before) = pending.take() {
                if before != 'ا' {
                    *legacy = true;
                }
            }
            c.words += 1;
            c.ae_words += usize::from(*has_ae);
            c.legacy_heh_words += usize::from(*legacy);
            *in_word = false;
            *has_ae = false;
            *legacy = false;
            *prev = None;
        };
        for ch in text.chars() {
            let letter = if ch == '\u{200C}' && prev == Some('ه') {
                // HEH + ZWNJ is a legacy spelling of ە, not an /h/.
                pending = None;
                c.ae += 1;
                has_ae = true;
                prev = Some('ە');
                continue;
            } else if ch.is_ascii() {
                None
            } else if is_letter(ch) {
                Some(ch)
            } else if matches!(ch, '\u{064B}'..='\u{0650}') && prev.is_some_and(|l| "یيىولرا".contains(l)) {
                c.font_marks += 1;
                c.marked_letters += 1;
                continue;
            } else if matches!(ch, '\u{064B}'..='\u{0650}') && prev.is_some() {
                c.vocalized += 1;
                continue;
            } else if matches!(ch, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{200C}' | '\u{200D}' | '\u{0640}') {
                continue;
            } else {
                None
            };
            let Some(ch) = letter else {
                end_word(&mut c, &mut in_word, &mut has_ae, &mut legacy, &mut prev, &mut pending);
                continue;
            };
            c.letters += 1;
            match ch {
                'ە' => {
                    c.ae += 1;
                    has_ae = true;
                }
                'ێ' | 'ۆ' | 'ڵ' | 'ڕ' | 'ڤ' => c.kurdish += 1,
                'پ' | 'چ' | 'ژ' | 'گ' => c.persian += 1,
                'ك' | 'ي' | 'ى' | 'ة' => c.arabic += 1,
                'ک' | 'ی' => c.keheh_farsi_yeh += 1,
                'ث' | 'ذ' | 'ص' | 'ض' | 'ط' | 'ظ' => c.font_marks += 1,
                _ => {}
            }
            if let Some(before) = pending.take() {
                if !vowel(before) && !vowel(ch) {
                    legacy = true;
                }
            }
            if ch == 'ه' {
                if let Some(p) = prev {
                    pending = Some(p);
                }
            }
            in_word = true;
            prev = Some(ch);
        }
        end_word(&mut c, &mut in_word, &mut has_ae, &mut legacy, &mut prev, &mut pending);
        c
    }

    proptest! {
        #[test]
        fn count_matches_the_reference(text in "[ ،.a1ئابپتجچحخدرڕزژسشعغفڤقکگلڵمنهەوۆیێكيىةثذصضطظ\u{200C}\u{200D}\u{064B}-\u{0652}\u{0640}\u{0670}]{0,40}") {
            prop_assert_eq!(count(&text), reference_count(&text));
        }

        #[test]
        fn count_matches_the_reference_on_any_text(text in "\\PC{0,30}") {
            prop_assert_eq!(count(&text), reference_count(&text));
        }

        /// Long enough for the packed counters to be emptied mid-text.
        #[test]
        fn count_matches_the_reference_on_long_text(text in "[ ئابپتجڕژشڤکگڵنهەوۆیێكيىةثص]{1200,1600}") {
            prop_assert_eq!(count(&text), reference_count(&text));
        }
    }

    #[test]
    fn detects_each_convention() {
        let cases = [
            ("ئەمڕۆ کەش و هەوا خۆشە و خەڵک دەچنە دەرەوە.", Convention::Standard),
            ("hello world", Convention::Standard),
            ("", Convention::Standard),
            ("ئهمڕۆ كهش و ههوا خۆشه و خهڵك دهچنه دهرهوه.", Convention::LegacyKeyboard),
            ("امرو كةش و هةوا خوشة و خةلك دةجنة دةرةوة.", Convention::ArabicKeyboard),
            ("امرو کش و هوا خوشه و خلک دچنه دروه", Convention::PersianKeyboard),
            // Legacy-looking ه but no ێ ۆ ڵ ڕ ڤ anywhere: a Persian keyboard
            // (the legacy reading would leave بو and زور as they are)...
            ("من زور سوباسی تو دهکهم بو ئهوه", Convention::PersianKeyboard),
            // ...unless the words are too few to tell.
            ("دهکهم", Convention::LegacyKeyboard),
            ("من زۆر سوپاسی تۆ دهکهم", Convention::LegacyKeyboard),
            // ك beside ی is the legacy keyboard's pair even without ێ ۆ ڵ ڕ
            // ڤ; an Arabic keyboard writes ي.
            ("ئهوه كاری منه", Convention::LegacyKeyboard),
            ("ئهوه كاري منه", Convention::ArabicKeyboard),
            // ث ذ ص ط in Unicode text: names and Arabic words, not a font.
            ("سامانثا سمیث یاریدەری سەرەکییە", Convention::Standard),
            ("وتاری د. صالح طاهر لە گۆڤارێکدا", Convention::Standard),
            // ...also a name alone, though one word decoded (سمیپ) is listed
            ("سامانثا سمیث", Convention::PersianKeyboard),
            // Two words a font's letters changed are decoded.
            ("طوندى ثيرؤز", Convention::LegacyFont(Font::AliK)),
            // A font's letters, or a font's marked letters amid Unicode ones.
            ("ثةرلةمانى كوردستان لة طوندةكان", Convention::LegacyFont(Font::AliK)),
            ("ئیتر لە سالَی پێشوودا لەڕۆژیَکی پشوودا هیَلَیَک", Convention::LegacyFont(Font::AliK)),
        ];
        for (text, want) in cases {
            assert_eq!(detect(text).convention, want, "detect({text:?}) = {:?}", detect(text));
        }
    }

    #[test]
    fn confidence_is_a_probability() {
        for text in ["ئهمڕۆ", "a", "كةش", "ئەمڕۆ کەش"] {
            let d = detect(text);
            assert!((0.0..=1.0).contains(&d.confidence), "{text:?}: {d:?}");
        }
    }
}
