//! Numbers, dates, times and symbols to Sorani words, and words back to digits.
//!
//! [`verbalize`] reads out everything in running text that is written with
//! digits or symbols — cardinals, ordinals, decimals, fractions, percentages,
//! dates, times, years, ranges, currencies, units, phone numbers — the way a
//! Kurdish newsreader says it, and leaves everything else untouched (the
//! result borrows the input when there is nothing to read). [`words_to_digits`]
//! does the reverse for cardinals, ordinals, decimals, percentages and dates.
//! Digits may be ASCII, Arabic-Indic (`٠`–`٩`) or Persian (`۰`–`۹`), mixed.
//!
//! ```
//! use sorani::number::{cardinal, ordinal, verbalize, words_to_digits};
//!
//! assert_eq!(cardinal(1234u64), "هەزار و دووسەد و سی و چوار");
//! assert_eq!(ordinal(3), "سێیەم");
//! assert_eq!(verbalize("لە ١٦ -- ٠٣ - ٢٠٢٢ ١٣ کەس"), "لە شازدەی ئازاری دوو هەزار و بیست و دوو سێزدە کەس");
//! assert_eq!(verbalize("لە 1950دا"), "لە هەزار و نۆسەد و پەنجادا");
//! assert_eq!(words_to_digits("بیست و یەک کەس"), "٢١ کەس");
//! ```
//!
//! # Conventions
//!
//! These are the choices the golden suite (`tests/golden/numbers/`) pins down;
//! `docs/numbers.md` explains them with the variants we do not produce.
//!
//! * **Spelling** (Sorani, never Persian): سفر یەک دوو سێ چوار پێنج شەش حەوت
//!   هەشت نۆ دە یازدە دوازدە سێزدە چواردە پازدە شازدە حەڤدە هەژدە نۆزدە;
//!   بیست سی چل پەنجا شەست حەفتا هەشتا نەوەد; hundreds as one word سەد دووسەد
//!   … نۆسەد; هەزار ملیۆن ملیار ترلیۆن کوادریلیۆن کوینتلیۆن.
//! * **و** joins every part: `سەد و پێنج`, `دوو هەزار و بیست و دوو`,
//!   `یەک ملیۆن و سەد هەزار`. 100 is `سەد`, 1000 is `هەزار`, 10⁶ is `یەک ملیۆن`.
//! * **Ordinals** add `ەم`, or `یەم` after a vowel (سێیەم, دەیەم; دووەم):
//!   `3ەم`, `٣یەم` → `سێیەم`; `ەمین` gives the attributive `سێیەمین`. A number
//!   after `سەدەی` / `چەرخی` (century) is read as an ordinal.
//! * **Dates** are day, month, year joined by the ezafe `ی`:
//!   `٢١-٠٢-٢٠٢٢` → `بیست و یەکی شوباتی دوو هەزار و بیست و دوو`. Layouts:
//!   D-M-Y with `-` `/` `.` (any spaces, doubled dashes), Y-M-D, D/M/YY,
//!   `D MONTH YEAR`; `M/D` order only when the day cannot be a month.
//!   Gregorian months have the Kurdistan news names (کانوونی دووەم … کانوونی
//!   یەکەم); [`MonthNames::KurdishSolar`] converts to the Kurdish solar calendar.
//! * **Years** are plain cardinals; **ranges** `A–B` read `A تا B` (a score
//!   `3-1`, where A ≥ B, reads `سێ بە یەک`).
//! * **Times** `14:30` → `چواردە و سی خولەک`, seconds `چرکە`; `پ.ن` / `د.ن`
//!   → `…ی پێش نیوەڕۆ` / `…ی دوای نیوەڕۆ`.
//! * **Decimals** use `پۆینت`; up to three fraction digits are read as a number
//!   with its leading zeros as `سفر` (`1.05` → `یەک پۆینت سفر پێنج`), longer
//!   ones digit by digit. `٫` and `٬` are unambiguous; `,` followed by groups of
//!   three digits is a thousands separator, `.` only with two or more groups.
//! * **Fractions** `3/4` → `سێ لەسەر چوار`, `½` → `نیو`, `2½` → `دوو و نیو`.
//! * **Percent** `25%`, `٪25` → `لەسەدا بیست و پێنج`.
//! * **Negative** `-5` → `سالب پێنج`.
//! * **Currencies and units** are read after the number, after a scale word
//!   if one follows (`$1.5 ملیار` → `یەک پۆینت پێنج ملیار دۆلار`).
//! * **Phone numbers** (starting with `0` or `+`, seven digits or more) are read
//!   in the groups written, or unbroken as 0750 123 45 67: leading zeros as
//!   `سفر`, each group a cardinal; `+` is `کۆ`.
//! * **Suffixes and clitics** written on the digits stay on the last word:
//!   `1950دا` → `…پەنجادا`, `١٩٩٠کان` → `…نەوەدەکان`.
//! * Numbers with a leading zero (`007`) or of 22 digits or more are read digit
//!   by digit; digits glued to Latin letters (`F16`, `v1.2.3`) are left alone.

use std::borrow::Cow;

use crate::error::option_named;

mod date;
mod parse;
mod scan;
mod typed;
mod units;
mod words;

pub use date::{GREGORIAN_MONTHS, KURDISH_MONTHS};
pub use parse::Parsed;

/// The word for minus.
pub const MINUS: &str = "سالب";
/// The word for the decimal point.
pub const POINT: &str = "پۆینت";
/// "Half", read in `و نیو` after a number.
pub(crate) const HALF: &str = "نیو";
/// The word for percent (read before the number).
pub const PERCENT: &str = "لەسەدا";

/// Which digits [`words_to_digits`] writes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum DigitSystem {
    /// `0`–`9`.
    Ascii,
    /// `٠`–`٩` (U+0660…), the digits of Sorani print.
    #[default]
    ArabicIndic,
    /// `۰`–`۹` (U+06F0…).
    Persian,
}

/// Which month names dates are read with.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum MonthNames {
    /// کانوونی دووەم, شوبات, ئازار … (Gregorian, as in Kurdistan news).
    #[default]
    Gregorian,
    /// Convert to the Kurdish solar calendar: خاکەلێوە, گوڵان … (year + 1321
    /// over the Iranian solar year).
    KurdishSolar,
}

/// How ordinals are formed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum OrdinalStyle {
    /// `سێیەم` (after the noun: `بەشی سێیەم`).
    #[default]
    Plain,
    /// `سێیەمین` (before the noun: `سێیەمین جار`).
    Attributive,
}

impl std::str::FromStr for DigitSystem {
    type Err = crate::Error;
    fn from_str(s: &str) -> Result<Self, crate::Error> {
        let names =
            [("arabic", DigitSystem::ArabicIndic), ("ascii", DigitSystem::Ascii), ("persian", DigitSystem::Persian)];
        option_named(s, &names, "digit system", "arabic, ascii, persian")
    }
}

impl std::str::FromStr for MonthNames {
    type Err = crate::Error;
    fn from_str(s: &str) -> Result<Self, crate::Error> {
        let names = [("gregorian", MonthNames::Gregorian), ("kurdish", MonthNames::KurdishSolar)];
        option_named(s, &names, "month names", "gregorian, kurdish")
    }
}

impl std::str::FromStr for OrdinalStyle {
    type Err = crate::Error;
    fn from_str(s: &str) -> Result<Self, crate::Error> {
        let names = [("plain", OrdinalStyle::Plain), ("attributive", OrdinalStyle::Attributive)];
        option_named(s, &names, "ordinal style", "plain, attributive")
    }
}

/// Options for [`verbalize_with`], [`words_to_digits_with`] and [`ordinal_with`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Options {
    /// Digits written by [`words_to_digits_with`].
    pub digits: DigitSystem,
    /// Month names of dates read by [`verbalize_with`].
    pub months: MonthNames,
    /// Ordinal style where the text does not show one (`سەدەی ٢١`).
    pub ordinal: OrdinalStyle,
}

/// Reads out every number, date, time, amount and phone number in `text` with
/// the default [`Options`]; everything else is kept byte for byte.
///
/// ```
/// assert_eq!(sorani::number::verbalize("ڕێژەی ٢٥٪"), "ڕێژەی لەسەدا بیست و پێنج");
/// assert!(matches!(sorani::number::verbalize("هیچ ژمارە نییە"), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn verbalize(text: &str) -> Cow<'_, str> {
    scan::verbalize(text, &Options::default())
}

/// [`verbalize`] with options.
///
/// ```
/// use sorani::number::{verbalize_with, MonthNames, Options};
/// let opts = Options { months: MonthNames::KurdishSolar, ..Options::default() };
/// assert_eq!(verbalize_with("21/03/2022", &opts), "یەکی خاکەلێوەی دوو هەزار و حەوتسەد و بیست و دوو");
/// ```
pub fn verbalize_with<'a>(text: &'a str, opts: &Options) -> Cow<'a, str> {
    scan::verbalize(text, opts)
}

/// The cardinal words for `n` (`سالب` before a negative).
///
/// ```
/// assert_eq!(sorani::number::cardinal(-21), "سالب بیست و یەک");
/// assert_eq!(sorani::number::cardinal(1_000_000_000_000_000u64), "یەک کوادریلیۆن");
/// ```
pub fn cardinal(n: impl Into<i128>) -> String {
    let mut out = String::new();
    words::push_signed(n.into(), &mut out);
    out
}

/// The ordinal words for `n` (`یەکەم`, `دووەم`, `سێیەم` …).
///
/// ```
/// assert_eq!(sorani::number::ordinal(21), "بیست و یەکەم");
/// ```
pub fn ordinal(n: u64) -> String {
    ordinal_with(n, OrdinalStyle::Plain)
}

/// The ordinal words for `n` in the given style (`سێیەمین`).
pub fn ordinal_with(n: u64, style: OrdinalStyle) -> String {
    let mut out = String::new();
    words::push_ordinal(n.into(), style, &mut out);
    out
}

/// Reads a string that is exactly one number in words (cardinal, ordinal,
/// negative with `سالب`, decimal with `پۆینت`); `None` otherwise.
///
/// ```
/// let p = sorani::number::parse_words("دوو هەزار و بیست و دوو").unwrap();
/// assert_eq!(p.value, 2022);
/// assert_eq!(sorani::number::parse_words("سێیەم").unwrap().ordinal.as_deref(), Some("یەم"));
/// assert!(sorani::number::parse_words("یەک و دوو").is_none());
/// ```
pub fn parse_words(text: &str) -> Option<Parsed> {
    parse::parse_words(text)
}

/// Replaces every number written in words in running text by digits
/// (Arabic-Indic by default); dates spelled with a Gregorian month and a year
/// become `DD/MM/YYYY`. Borrowed when nothing changed.
///
/// ```
/// assert_eq!(sorani::number::words_to_digits("لە شازدەی ئازاری دوو هەزار و بیست و دوودا"), "لە ١٦/٠٣/٢٠٢٢دا");
/// ```
pub fn words_to_digits(text: &str) -> Cow<'_, str> {
    parse::words_to_digits(text, &Options::default())
}

/// [`words_to_digits`] with options (the digit system).
pub fn words_to_digits_with<'a>(text: &'a str, opts: &Options) -> Cow<'a, str> {
    parse::words_to_digits(text, opts)
}

/// Writes an ASCII digit string in another digit system (other characters are kept).
///
/// ```
/// use sorani::number::{to_digit_system, DigitSystem};
/// assert_eq!(to_digit_system("2022-03", DigitSystem::ArabicIndic), "٢٠٢٢-٠٣");
/// ```
pub fn to_digit_system(ascii: &str, system: DigitSystem) -> String {
    let mut out = String::with_capacity(ascii.len() * 2);
    for c in ascii.chars() {
        if c.is_ascii_digit() {
            parse::push_digits(c.encode_utf8(&mut [0; 4]), system, &mut out);
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests;
