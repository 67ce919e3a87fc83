//! Number words: the tables and the cardinal and ordinal builders.
//!
//! Spelling conventions (see also `docs/numbers.md`):
//!
//! * units and teens: سفر یەک دوو سێ چوار پێنج شەش حەوت هەشت نۆ دە یازدە دوازدە
//!   سێزدە چواردە پازدە شازدە حەڤدە هەژدە نۆزدە;
//! * tens: بیست سی چل پەنجا شەست حەفتا هەشتا نەوەد;
//! * hundreds are written as one word: سەد دووسەد سێسەد … نۆسەد (the spelling
//!   of the Kurdish Academy and of most Sorani publishers; `دوو سەد` with a
//!   space is accepted when reading words back);
//! * scales: هەزار (10³), ملیۆن (10⁶), ملیار (10⁹), ترلیۆن (10¹²),
//!   کوادریلیۆن (10¹⁵), کوینتلیۆن (10¹⁸); above 10²¹ a number is read digit by digit;
//! * every part is joined with ` و `: `هەزار و دووسەد و سی و چوار` (1234);
//! * 100 is `سەد` and 1000 is `هەزار` (no `یەک`), but 10⁶ and up take `یەک`:
//!   `یەک ملیۆن`;
//! * ordinals add `ەم` after a consonant or `وو` and `یەم` after another vowel:
//!   یەکەم دووەم سێیەم چوارەم … نۆیەم دەیەم سییەم پەنجایەم سەدەم هەزارەم; the
//!   attributive style adds `ین` (یەکەمین).

use super::OrdinalStyle;

/// 0..=19.
pub(crate) const UNITS: [&str; 20] = [
    "سفر",
    "یەک",
    "دوو",
    "سێ",
    "چوار",
    "پێنج",
    "شەش",
    "حەوت",
    "هەشت",
    "نۆ",
    "دە",
    "یازدە",
    "دوازدە",
    "سێزدە",
    "چواردە",
    "پازدە",
    "شازدە",
    "حەڤدە",
    "هەژدە",
    "نۆزدە",
];

/// 20, 30, … 90 (index = tens digit).
pub(crate) const TENS: [&str; 10] = ["", "", "بیست", "سی", "چل", "پەنجا", "شەست", "حەفتا", "هەشتا", "نەوەد"];

/// 100, 200, … 900 (index = hundreds digit).
pub(crate) const HUNDREDS: [&str; 10] =
    ["", "سەد", "دووسەد", "سێسەد", "چوارسەد", "پێنجسەد", "شەشسەد", "حەوتسەد", "هەشتسەد", "نۆسەد"];

/// Scale words for 10^3, 10^6, … 10^18.
pub(crate) const SCALES: [&str; 6] = ["هەزار", "ملیۆن", "ملیار", "ترلیۆن", "کوادریلیۆن", "کوینتلیۆن"];

/// The joiner between the parts of a number.
pub(crate) const AND: &str = " و ";

/// Largest value read with scale words (exclusive): 10^21.
pub(crate) const LIMIT: u128 = 1_000_000_000_000_000_000_000;

/// Appends the words for 0..=999.
fn push_below_thousand(n: u32, out: &mut String) {
    debug_assert!(n < 1000);
    let (h, rest) = (n / 100, n % 100);
    let mut first = true;
    if h > 0 {
        out.push_str(HUNDREDS[h as usize]);
        first = false;
    }
    if rest == 0 {
        return;
    }
    if !first {
        out.push_str(AND);
    }
    if rest < 20 {
        out.push_str(UNITS[rest as usize]);
    } else {
        out.push_str(TENS[(rest / 10) as usize]);
        if rest % 10 != 0 {
            out.push_str(AND);
            out.push_str(UNITS[(rest % 10) as usize]);
        }
    }
}

/// Appends the cardinal words for `n` (any size: at or above 10^21 the digits
/// are read one by one).
pub(crate) fn push_cardinal(n: u128, out: &mut String) {
    if n == 0 {
        out.push_str(UNITS[0]);
        return;
    }
    if n >= LIMIT {
        push_digit_by_digit(&n.to_string(), out);
        return;
    }
    // Groups of three digits, most significant first.
    let mut groups = [0u32; 7];
    let mut rest = n;
    for g in groups.iter_mut() {
        *g = (rest % 1000) as u32;
        rest /= 1000;
    }
    let mut first = true;
    for scale in (0..7).rev() {
        let g = groups[scale];
        if g == 0 {
            continue;
        }
        if !first {
            out.push_str(AND);
        }
        first = false;
        if scale == 0 {
            push_below_thousand(g, out);
        } else if scale == 1 && g == 1 {
            out.push_str(SCALES[0]);
        } else {
            push_below_thousand(g, out);
            out.push(' ');
            out.push_str(SCALES[scale - 1]);
        }
    }
}

/// Appends the words of each digit of an ASCII digit string, separated by spaces.
pub(crate) fn push_digit_by_digit(digits: &str, out: &mut String) {
    for (i, b) in digits.bytes().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(UNITS[(b - b'0') as usize]);
    }
}

/// Appends a signed cardinal (`سالب` for negatives).
pub(crate) fn push_signed(n: i128, out: &mut String) {
    if n < 0 {
        out.push_str(super::MINUS);
        out.push(' ');
    }
    push_cardinal(n.unsigned_abs(), out);
}

/// True when the last letter of `word` is a vowel that takes `ی` before a
/// vowel-initial suffix (ا ە ێ ۆ ی). `وو` counts as a consonant here
/// (دووەم, دووەکە).
pub(crate) fn ends_in_vowel(word: &str) -> bool {
    matches!(word.chars().next_back(), Some('ا' | 'ە' | 'ێ' | 'ۆ' | 'ی' | 'ے'))
}

/// Turns the cardinal words in `out[start..]` into an ordinal in place.
pub(crate) fn make_ordinal(out: &mut String, style: OrdinalStyle) {
    if ends_in_vowel(out) {
        out.push('ی');
    }
    out.push_str("ەم");
    if style == OrdinalStyle::Attributive {
        out.push_str("ین");
    }
}

/// Appends the ordinal words for `n`.
pub(crate) fn push_ordinal(n: u128, style: OrdinalStyle, out: &mut String) {
    push_cardinal(n, out);
    make_ordinal(out, style);
}

/// Suffixes and clitics that may be written on digits: definite, plural,
/// indefinite, ezafe, postpositions, the additive, pronoun clitics, the
/// copula, comparatives.
const CLITIC_MORPHEMES: [&str; 33] = [
    "ەکان",
    "یەکان",
    "کان",
    "ەکە",
    "یەکە",
    "کە",
    "یان",
    "ان",
    "ێک",
    "یەک",
    "یی",
    "ی",
    "دا",
    "یەوە",
    "ەوە",
    "وە",
    "یش",
    "ش",
    "مان",
    "تان",
    "م",
    "ت",
    "یە",
    "ە",
    "ین",
    "ن",
    "ترین",
    "تر",
    "ێ",
    "یشە",
    "نە",
    // Arabic yeh in text that was not normalized
    "ى",
    "ي",
];

/// True when `s` is a chain of clitics and suffixes (`ی`, `دا`, `ەکانی`,
/// `یشدا` …) rather than a word glued to the digits (`کەس`, `کاتژمێر`).
pub(crate) fn is_clitic_chain(s: &str) -> bool {
    if s.is_empty() {
        return true;
    }
    let s = s.trim_start_matches('\u{200C}');
    if s.is_empty() {
        return true;
    }
    CLITIC_MORPHEMES.iter().any(|m| s.strip_prefix(m).is_some_and(is_clitic_chain))
}

/// Attaches a written suffix or clitic (`دا`, `ی`, `کان` …) to the last word
/// in `out`, adding the linking `ە` that a `ک`-initial suffix needs after a
/// consonant (`١٩٩٠کان` → `…نەوەدەکان`); an `ە`-initial suffix loses its `ە`
/// after ا ە ۆ (`١٩٥٠ەوە` → `…پەنجاوە`) and takes the glide `ی` after ی ێ
/// (`٣ەکە` → `سێیەکە`).
pub(crate) fn attach_suffix(out: &mut String, suffix: &str) {
    if suffix.is_empty() {
        return;
    }
    let first = suffix.chars().next().unwrap_or(' ');
    let last = out.chars().next_back().unwrap_or(' ');
    let vowel_end = ends_in_vowel(out);
    if first == 'ک' && !vowel_end {
        out.push('ە');
    } else if first == 'ە' && matches!(last, 'ا' | 'ە' | 'ۆ') {
        // پەنجا + ەوە → پەنجاوە, نۆزدە + ەکە → نۆزدەکە
        out.push_str(&suffix['ە'.len_utf8()..]);
        return;
    } else if first == 'ە' && matches!(last, 'ی' | 'ێ') {
        // سێ + ەکە → سێیەکە
        out.push('ی');
    }
    out.push_str(suffix);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(n: u128) -> String {
        let mut s = String::new();
        push_cardinal(n, &mut s);
        s
    }

    #[test]
    fn cardinals_table() {
        let cases: &[(u128, &str)] = &[
            (0, "سفر"),
            (7, "حەوت"),
            (13, "سێزدە"),
            (21, "بیست و یەک"),
            (100, "سەد"),
            (105, "سەد و پێنج"),
            (200, "دووسەد"),
            (1000, "هەزار"),
            (1001, "هەزار و یەک"),
            (1234, "هەزار و دووسەد و سی و چوار"),
            (2022, "دوو هەزار و بیست و دوو"),
            (21_000, "بیست و یەک هەزار"),
            (100_000, "سەد هەزار"),
            (1_000_000, "یەک ملیۆن"),
            (1_100_000, "یەک ملیۆن و سەد هەزار"),
            (2_000_000_000, "دوو ملیار"),
            (1_000_000_000_000_000, "یەک کوادریلیۆن"),
        ];
        for &(n, want) in cases {
            assert_eq!(card(n), want, "cardinal of {n}");
        }
    }

    #[test]
    fn ordinals_table() {
        let cases: &[(u128, &str)] = &[
            (1, "یەکەم"),
            (2, "دووەم"),
            (3, "سێیەم"),
            (4, "چوارەم"),
            (9, "نۆیەم"),
            (10, "دەیەم"),
            (30, "سییەم"),
            (50, "پەنجایەم"),
            (21, "بیست و یەکەم"),
            (100, "سەدەم"),
        ];
        for &(n, want) in cases {
            let mut s = String::new();
            push_ordinal(n, OrdinalStyle::Plain, &mut s);
            assert_eq!(s, want, "ordinal of {n}");
        }
    }
}
