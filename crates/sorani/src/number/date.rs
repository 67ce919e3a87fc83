//! Month names, the Kurdish solar calendar and how dates are read.
//!
//! A date is read day, month, year with the ezafe `ی` joining them, the way
//! Sorani newsreaders say it: `٢١-٠٢-٢٠٢٢` → `بیست و یەکی شوباتی دوو هەزار و
//! بیست و دوو`. The day is a cardinal (not an ordinal). The year is a plain
//! cardinal (`هەزار و نۆسەد و نەوەد`), never split into two pairs.
//!
//! Gregorian months carry the names used in the news of the Kurdistan Region
//! (the Syriac/Arabic names). With [`super::MonthNames::KurdishSolar`] the
//! date is converted to the Kurdish solar calendar (the Iranian solar year
//! plus 1321; the year starts at Nowruz) and read with the Kurdish month
//! names. Leap years of the solar calendar follow the 33-year arithmetic rule,
//! which agrees with the astronomical calendar from 1964 to 2093.

/// Gregorian month names as used in Sorani news, January first.
pub const GREGORIAN_MONTHS: [&str; 12] = [
    "کانوونی دووەم",
    "شوبات",
    "ئازار",
    "نیسان",
    "ئایار",
    "حوزەیران",
    "تەممووز",
    "ئاب",
    "ئەیلوول",
    "تشرینی یەکەم",
    "تشرینی دووەم",
    "کانوونی یەکەم",
];

/// Kurdish solar month names, خاکەلێوە (from Nowruz, 21 March) first.
pub const KURDISH_MONTHS: [&str; 12] = [
    "خاکەلێوە",
    "گوڵان",
    "جۆزەردان",
    "پووشپەڕ",
    "گەلاوێژ",
    "خەرمانان",
    "ڕەزبەر",
    "خەزەڵوەر",
    "سەرماوەز",
    "بەفرانبار",
    "ڕێبەندان",
    "ڕەشەمە",
];

/// Other spellings and the international month names seen in Sorani text:
/// recognised when reading, never produced. (name, month number, solar?)
const OTHER_MONTHS: [(&str, u8, bool); 25] = [
    ("ئادار", 3, false),
    ("کانونی دووەم", 1, false),
    ("کانونی یەکەم", 12, false),
    ("شوباط", 2, false),
    ("مایس", 5, false),
    ("تەمموز", 7, false),
    ("تەموز", 7, false),
    ("ئەیلول", 9, false),
    ("جانیوەری", 1, false),
    ("فێبریوەری", 2, false),
    ("مارس", 3, false),
    ("ئەپریل", 4, false),
    ("مەی", 5, false),
    ("جوون", 6, false),
    ("جولای", 7, false),
    ("ئۆگەست", 8, false),
    ("سێپتەمبەر", 9, false),
    ("ئۆکتۆبەر", 10, false),
    ("نۆڤەمبەر", 11, false),
    ("دیسەمبەر", 12, false),
    ("ڕەزبەر", 7, true),
    ("گەڵاڕێزان", 8, true),
    ("زەردان", 3, true),
    ("بەفران", 10, true),
    ("رەشەمە", 12, true),
];

/// A month name found at the start of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct MonthMatch {
    /// 1..=12.
    pub month: u8,
    /// A Kurdish solar month (else Gregorian).
    pub solar: bool,
    /// Bytes of the name (without a following ezafe).
    pub len: usize,
}

/// Finds a month name at the start of `s`, ending at a word boundary or
/// before an ezafe `ی`. The longest name wins.
pub(crate) fn month_at(s: &str) -> Option<MonthMatch> {
    let mut best: Option<MonthMatch> = None;
    let mut consider = |name: &str, month: u8, solar: bool| {
        if let Some(rest) = s.strip_prefix(name) {
            let rest = rest.strip_prefix('ی').unwrap_or(rest);
            if rest.chars().next().is_none_or(|c| !super::scan::is_letter(c)) && best.is_none_or(|b| b.len < name.len())
            {
                best = Some(MonthMatch { month, solar, len: name.len() });
            }
        }
    };
    for (i, name) in GREGORIAN_MONTHS.iter().enumerate() {
        consider(name, i as u8 + 1, false);
    }
    for (i, name) in KURDISH_MONTHS.iter().enumerate() {
        consider(name, i as u8 + 1, true);
    }
    for &(name, month, solar) in OTHER_MONTHS.iter() {
        consider(name, month, solar);
    }
    best
}

/// Days from 1970-01-01 to a proleptic Gregorian date.
pub(crate) fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Is `y` a Gregorian leap year?
pub(crate) fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Days in a Gregorian month.
pub(crate) fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Is the Iranian solar year `y` a leap year (33-year rule)?
fn solar_is_leap(y: i64) -> bool {
    matches!(y.rem_euclid(33), 1 | 5 | 9 | 13 | 17 | 22 | 26 | 30)
}

/// Days from 1970-01-01 to 1 Farvardin (Nowruz) of Iranian solar year `y`.
fn nowruz(y: i64) -> i64 {
    // Anchor: 1 Farvardin 1354 = 21 March 1975.
    let mut days = days_from_civil(1975, 3, 21);
    if y >= 1354 {
        for year in 1354..y {
            days += if solar_is_leap(year) { 366 } else { 365 };
        }
    } else {
        for year in y..1354 {
            days -= if solar_is_leap(year) { 366 } else { 365 };
        }
    }
    days
}

/// Converts a Gregorian date to the Kurdish solar calendar: (year, month, day),
/// the Kurdish year being the Iranian solar year plus 1321. Only years
/// 1000..=3000 are converted.
pub(crate) fn to_kurdish(y: i64, m: u32, d: u32) -> Option<(i64, u32, u32)> {
    if !(1000..=3000).contains(&y) {
        return None;
    }
    let days = days_from_civil(y, m, d);
    let mut sy = y - 621;
    let mut start = nowruz(sy);
    if days < start {
        sy -= 1;
        start = nowruz(sy);
    }
    let mut doy = (days - start) as u32; // 0-based day of the solar year
    let mut month = 1;
    loop {
        let len = if month <= 6 {
            31
        } else if month <= 11 || solar_is_leap(sy) {
            30
        } else {
            29
        };
        if doy < len || month == 12 {
            break;
        }
        doy -= len;
        month += 1;
    }
    Some((sy + 1321, month, doy + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kurdish_calendar_anchors() {
        // Nowruz 2022 opened the solar year 1401 = Kurdish 2722.
        assert_eq!(to_kurdish(2022, 3, 21), Some((2722, 1, 1)));
        assert_eq!(to_kurdish(2022, 3, 20), Some((2721, 12, 29)));
        assert_eq!(to_kurdish(2024, 3, 20), Some((2724, 1, 1)), "1403 began on 20 March 2024");
        assert_eq!(to_kurdish(2022, 12, 31), Some((2722, 10, 10)));
    }

    #[test]
    fn months_are_found() {
        assert_eq!(month_at("ئازاری ٢٠٢٢").map(|m| m.month), Some(3));
        assert_eq!(month_at("کانوونی دووەم").map(|m| m.month), Some(1));
        assert_eq!(month_at("ئازارەکە"), None);
        assert_eq!(month_at("خاکەلێوە").map(|m| (m.month, m.solar)), Some((1, true)));
    }
}
