//! Letter classes of the Sorani alphabet shared by every module.
//!
//! Small, allocation-free predicates over `char`: joining behaviour of Arabic
//! letters (which decides whether a ZWNJ means anything), diacritics
//! (harakat), digits in the three digit systems, and the invisible format
//! characters that the normalizer removes.
//!
//! ```
//! use sorani::chars::{joining, Joining, digit_value};
//! assert_eq!(joining('ب'), Joining::Dual);
//! assert_eq!(joining('ە'), Joining::Right);
//! assert_eq!(digit_value('٣'), Some(3));
//! ```

/// ZERO WIDTH NON-JOINER (U+200C): keeps two letters of one word apart.
pub const ZWNJ: char = '\u{200C}';
/// ZERO WIDTH JOINER (U+200D).
pub const ZWJ: char = '\u{200D}';
/// ARABIC TATWEEL (U+0640): a stretching stroke with no meaning.
pub const TATWEEL: char = '\u{0640}';

/// How an Arabic-script letter connects to its neighbours (Unicode
/// `Joining_Type`, restricted to what Sorani text needs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Joining {
    /// Joins on both sides (ب, ک, ه, ی, ...).
    Dual,
    /// Joins only to the preceding letter (ا, د, ر, و, ە, ۆ, ڕ, ژ, ...).
    Right,
    /// Tatweel: joins on both sides, is not a letter.
    Causing,
    /// A combining mark: transparent to joining.
    Transparent,
    /// Everything else.
    None,
}

/// The joining type of `c` (Arabic block U+0600–U+06FF; everything else is
/// [`Joining::None`] unless it is a combining mark).
#[inline]
pub fn joining(c: char) -> Joining {
    let u = c as u32;
    if !(0x0600..=0x06FF).contains(&u) {
        return if is_mark(c) { Joining::Transparent } else { Joining::None };
    }
    match u {
        0x0620 | 0x0626 | 0x0628 | 0x062A..=0x062E | 0x0633..=0x063F | 0x0641..=0x0647 | 0x0649 | 0x064A => {
            Joining::Dual
        }
        0x066E | 0x066F | 0x0678..=0x0687 | 0x069A..=0x06BF | 0x06C1 | 0x06C2 | 0x06CC | 0x06CE | 0x06D0 | 0x06D1 => {
            Joining::Dual
        }
        0x06FA..=0x06FC | 0x06FF => Joining::Dual,
        0x0622..=0x0625 | 0x0627 | 0x0629 | 0x062F..=0x0632 | 0x0648 | 0x0671..=0x0673 | 0x0675..=0x0677 => {
            Joining::Right
        }
        0x0688..=0x0699 | 0x06C0 | 0x06C3..=0x06CB | 0x06CD | 0x06CF | 0x06D2 | 0x06D3 | 0x06D5 | 0x06EE | 0x06EF => {
            Joining::Right
        }
        0x0640 => Joining::Causing,
        0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06DC | 0x06DF..=0x06E4 | 0x06E7 | 0x06E8 => {
            Joining::Transparent
        }
        0x06EA..=0x06ED => Joining::Transparent,
        _ => Joining::None,
    }
}

/// True for a character of the Arabic block (U+0600–U+06FF): letters,
/// marks, digits and punctuation (a quick test for Arabic-script text).
#[inline]
pub fn in_arabic_block(c: char) -> bool {
    ('\u{0600}'..='\u{06FF}').contains(&c)
}

/// True for an Arabic-script letter (one that joins on one or both sides).
#[inline]
pub fn is_arabic_letter(c: char) -> bool {
    matches!(joining(c), Joining::Dual | Joining::Right)
}

/// True for a letter that joins to the following letter, so that a ZWNJ
/// after it changes how the word looks.
#[inline]
pub fn joins_left(c: char) -> bool {
    joining(c) == Joining::Dual
}

/// True for an Arabic diacritic (haraka, tanwin, shadda, sukun, small letters
/// and Quranic marks): U+0610–U+061A, U+064B–U+065F, U+0670, U+06D6–U+06ED
/// (except the two non-mark signs U+06DD, U+06DE and U+06E5, U+06E6, U+06E9).
#[inline]
pub const fn is_harakat(c: char) -> bool {
    matches!(c as u32,
        0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06DC | 0x06DF..=0x06E4 | 0x06E7 | 0x06E8 | 0x06EA..=0x06ED)
}

/// True for any combining mark (canonical combining class other than 0, or an
/// Arabic diacritic).
#[inline]
pub fn is_mark(c: char) -> bool {
    let u = c as u32;
    if u < 0x0300 {
        false
    } else if (0x0600..=0x06FF).contains(&u) {
        is_harakat(c)
    } else {
        unicode_normalization::char::canonical_combining_class(c) != 0
    }
}

/// The value of a decimal digit in ASCII (`0`–`9`), Arabic-Indic (`٠`–`٩`,
/// U+0660–U+0669) or Extended Arabic-Indic / Persian (`۰`–`۹`, U+06F0–U+06F9).
#[inline]
pub fn digit_value(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '\u{0660}'..='\u{0669}' => Some((c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => Some((c as u32 - 0x06F0) as u8),
        _ => None,
    }
}

/// True for a decimal digit in any of the three systems of [`digit_value`].
#[inline]
pub fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

/// True for an invisible format or bidi control the normalizer removes:
/// SOFT HYPHEN U+00AD, ARABIC LETTER MARK U+061C, MONGOLIAN VOWEL SEPARATOR
/// U+180E, ZERO WIDTH SPACE U+200B, ZWJ U+200D, LRM/RLM U+200E–U+200F,
/// embeddings and overrides U+202A–U+202E, WORD JOINER and invisible operators
/// U+2060–U+2064, isolates U+2066–U+2069, deprecated format characters
/// U+206A–U+206F, BYTE ORDER MARK U+FEFF. (ZWNJ is handled by its own rule.)
#[inline]
pub fn is_removable_format(c: char) -> bool {
    matches!(c as u32,
        0x00AD | 0x061C | 0x180E | 0x200B | 0x200D | 0x200E | 0x200F | 0x202A..=0x202E | 0x2060..=0x2064
        | 0x2066..=0x206F | 0xFEFF)
}

/// True for a space other than U+0020 that the normalizer turns into U+0020:
/// NO-BREAK SPACE U+00A0, OGHAM SPACE MARK U+1680, the typographic spaces
/// U+2000–U+200A, NARROW NO-BREAK SPACE U+202F, MEDIUM MATHEMATICAL SPACE
/// U+205F, IDEOGRAPHIC SPACE U+3000. Tabs and line breaks are kept.
#[inline]
pub fn is_other_space(c: char) -> bool {
    matches!(c as u32, 0x00A0 | 0x1680 | 0x2000..=0x200A | 0x202F | 0x205F | 0x3000)
}

/// True for an Arabic presentation form (U+FB50–U+FDFF, U+FE70–U+FEFE),
/// including the lam-alef ligatures; BYTE ORDER MARK U+FEFF is not one.
#[inline]
pub fn is_presentation_form(c: char) -> bool {
    matches!(c as u32, 0xFB50..=0xFDFF | 0xFE70..=0xFEFE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joining_types_of_sorani_letters() {
        let dual = "ئبپتجچحخسشعغفڤقکگلڵمنهھیێ";
        let right = "ادرڕزژوۆە";
        for c in dual.chars() {
            assert_eq!(joining(c), Joining::Dual, "{c} (U+{:04X}) should join on both sides", c as u32);
        }
        for c in right.chars() {
            assert_eq!(joining(c), Joining::Right, "{c} (U+{:04X}) should join only to the right", c as u32);
        }
        assert_eq!(joining('ـ'), Joining::Causing);
        assert_eq!(joining('\u{064E}'), Joining::Transparent);
        assert_eq!(joining('a'), Joining::None);
        assert_eq!(joining('\u{0301}'), Joining::Transparent);
    }

    #[test]
    fn digits_in_three_systems() {
        for (c, v) in [('0', 0), ('9', 9), ('٠', 0), ('٥', 5), ('۰', 0), ('۹', 9)] {
            assert_eq!(digit_value(c), Some(v), "{c}");
        }
        assert_eq!(digit_value('a'), None);
        assert_eq!(digit_value('٫'), None);
    }

    #[test]
    fn marks_and_controls() {
        assert!(is_harakat('\u{064B}') && is_harakat('\u{0670}') && is_harakat('\u{065A}'));
        assert!(!is_harakat('ا'));
        assert!(is_mark('\u{0301}') && is_mark('\u{0651}'));
        assert!(!is_mark('ب'));
        assert!(is_removable_format('\u{200F}') && is_removable_format('\u{FEFF}'));
        assert!(!is_removable_format(ZWNJ));
        assert!(is_other_space('\u{00A0}') && !is_other_space(' ') && !is_other_space('\t'));
        assert!(is_presentation_form('\u{FEFB}') && !is_presentation_form('\u{FEFF}'));
    }
}
