//! The scanner behind [`super::verbalize`]: finds numbers, dates, times,
//! amounts and phone numbers in running text and reads them out.
//!
//! The scan looks at bytes through a 256-entry table, so text without digits
//! or fraction signs costs one table lookup per byte and comes back borrowed.
//! At each digit the matchers are tried in this order: date, time, phone
//! number, then a plain number with what surrounds it (sign, currency,
//! percent, range, fraction, unit, ordinal suffix, clitics).

use std::borrow::Cow;

use super::date::{self, month_at, GREGORIAN_MONTHS, KURDISH_MONTHS};
use super::units::{PREFIX_CURRENCIES, SCALE_WORDS, UNITS};
use super::words::{self, attach_suffix, push_cardinal, push_digit_by_digit, push_ordinal};
use super::{MonthNames, Options, OrdinalStyle, MINUS, PERCENT, POINT};

/// Byte pairs (this byte, next byte) that may start something to read:
/// an ASCII digit (any next byte), an Arabic-Indic digit (D9 A0..A9), a
/// Persian digit (DB B0..B9), ¼ ½ ¾ (C2 BC..BE), or ⅓ … ⅞ (E2 85 ..). One
/// table lookup per byte with a branch that is almost never taken, so text
/// without numbers streams at memory speed.
static TRIGGER: [bool; 65536] = {
    let mut t = [false; 65536];
    let mut i = 0usize;
    while i < 65536 {
        let (a, b) = ((i >> 8) as u8, (i & 0xFF) as u8);
        t[i] = a.is_ascii_digit()
            || (a == 0xD9 && matches!(b, 0xA0..=0xA9))
            || (a == 0xDB && matches!(b, 0xB0..=0xB9))
            || (a == 0xC2 && matches!(b, 0xBC..=0xBE))
            || (a == 0xE2 && b == 0x85);
        i += 1;
    }
    t
};

/// The value of the digit at byte `i` and its length in bytes.
#[inline]
pub(crate) fn digit_at(bytes: &[u8], i: usize) -> Option<(u8, usize)> {
    let b = *bytes.get(i)?;
    match b {
        b'0'..=b'9' => Some((b - b'0', 1)),
        0xD9 => match bytes.get(i + 1) {
            Some(&n @ 0xA0..=0xA9) => Some((n - 0xA0, 2)),
            _ => None,
        },
        0xDB => match bytes.get(i + 1) {
            Some(&n @ 0xB0..=0xB9) => Some((n - 0xB0, 2)),
            _ => None,
        },
        _ => None,
    }
}

/// A letter of any script, ZWNJ included (digits are not letters).
pub(crate) fn is_letter(c: char) -> bool {
    if c == '\u{200C}' {
        return true;
    }
    if ('\u{0660}'..='\u{066D}').contains(&c)
        || ('\u{06F0}'..='\u{06F9}').contains(&c)
        || c == '،'
        || c == '؛'
        || c == '؟'
        || c == '٪'
    {
        return false;
    }
    c.is_alphabetic() || ('\u{064B}'..='\u{065F}').contains(&c)
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

/// A run of digits starting at `i`: its ASCII digits and its end.
fn digits_at(text: &str, i: usize) -> Option<(String, usize)> {
    let bytes = text.as_bytes();
    let mut j = i;
    let mut s = String::new();
    while let Some((d, len)) = digit_at(bytes, j) {
        s.push((b'0' + d) as char);
        j += len;
    }
    if s.is_empty() {
        None
    } else {
        Some((s, j))
    }
}

fn skip_spaces(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    while i < bytes.len() && (bytes[i] == b' ' || bytes[i] == b'\t') {
        i += 1;
    }
    // no-break space
    while text[i..].starts_with('\u{00A0}') {
        i += 2;
    }
    i
}

/// A number written in digits: integer digits (separators removed) and
/// fraction digits.
#[derive(Debug, Clone)]
pub(crate) struct NumLit {
    pub int: String,
    pub frac: Option<String>,
    pub end: usize,
}

fn is_decimal_sep(c: char) -> bool {
    matches!(c, '.' | ',' | '٫' | '،')
}

/// Reads a number literal at `i`: digits, thousands separators (`,` `٬`, or
/// `.` when there are at least two dot groups), then a decimal part after
/// `.` `,` `٫` or `،`.
pub(crate) fn numlit_at(text: &str, i: usize) -> Option<NumLit> {
    let (mut int, mut j) = digits_at(text, i)?;
    // Thousands groups.
    let first_len = int.len();
    let group_at = |j: usize, sep: char| -> Option<(String, usize)> {
        if char_at(text, j) != Some(sep) {
            return None;
        }
        let (g, e) = digits_at(text, j + sep.len_utf8())?;
        (g.len() == 3).then_some((g, e))
    };
    for sep in ['٬', ',', '.'] {
        if first_len > 3 && sep != '٬' {
            continue;
        }
        let mut groups = Vec::new();
        let mut k = j;
        while let Some((g, e)) = group_at(k, sep) {
            groups.push(g);
            k = e;
        }
        let enough = match sep {
            '.' => groups.len() >= 2,
            // `0,5` is a decimal, not zero thousand five hundred
            ',' => match groups.len() {
                0 => false,
                1 => int != "0",
                _ => true,
            },
            _ => !groups.is_empty(),
        };
        if enough {
            for g in groups {
                int.push_str(&g);
            }
            j = k;
            break;
        }
    }
    let mut frac = None;
    if let Some(c) = char_at(text, j) {
        if is_decimal_sep(c) {
            if let Some((f, e)) = digits_at(text, j + c.len_utf8()) {
                // `1,2,3` lists and `3.4.5` section numbers are not decimals.
                let after = char_at(text, e);
                if !(after.is_some_and(is_decimal_sep) && digit_at(text.as_bytes(), e + 1).is_some()) {
                    frac = Some(f);
                    j = e;
                }
            }
        }
    }
    Some(NumLit { int, frac, end: j })
}

/// Appends the reading of an unsigned integer written as ASCII digits:
/// cardinal, or digit by digit when it has a leading zero or is too long.
fn push_int_digits(digits: &str, out: &mut String) {
    if digits.len() > 1 && digits.starts_with('0') {
        push_digit_by_digit(digits, out);
        return;
    }
    match digits.parse::<u128>() {
        Ok(n) if n < words::LIMIT => push_cardinal(n, out),
        _ => push_digit_by_digit(digits, out),
    }
}

/// Reads the fraction digits after `پۆینت`: up to three digits as a number
/// (leading zeros as `سفر`), more digit by digit.
pub(crate) fn push_fraction_digits(frac: &str, out: &mut String) {
    if frac.len() > 3 {
        push_digit_by_digit(frac, out);
        return;
    }
    let zeros = frac.bytes().take_while(|&b| b == b'0').count();
    let mut first = true;
    for _ in 0..zeros.min(frac.len()) {
        if !first {
            out.push(' ');
        }
        out.push_str(words::UNITS[0]);
        first = false;
    }
    if zeros < frac.len() {
        if !first {
            out.push(' ');
        }
        push_cardinal(frac[zeros..].parse::<u128>().unwrap_or(0), out);
    }
}

/// Appends a number literal as words (integer, or decimal with پۆینت).
fn push_numlit(n: &NumLit, out: &mut String) {
    if n.frac.is_some() && n.int.len() > 1 && n.int.starts_with('0') {
        push_digit_by_digit(&n.int, out);
    } else if n.frac.is_some() {
        match n.int.parse::<u128>() {
            Ok(v) if v < words::LIMIT => push_cardinal(v, out),
            _ => push_digit_by_digit(&n.int, out),
        }
    } else {
        push_int_digits(&n.int, out);
    }
    if let Some(f) = &n.frac {
        out.push(' ');
        out.push_str(POINT);
        out.push(' ');
        push_fraction_digits(f, out);
    }
}

/// A found span and its reading.
struct Found {
    start: usize,
    end: usize,
    words: String,
}

/// Letters attached right after `i` (a clitic or suffix), up to a non-letter.
fn attached_letters(text: &str, i: usize) -> usize {
    let mut j = i;
    for c in text[i..].chars() {
        if is_letter(c) {
            j += c.len_utf8();
        } else {
            break;
        }
    }
    j
}

/// Reads the letters glued after `i`: a chain of clitics goes onto the last
/// word (`1950دا` → `…پەنجادا`); a whole word glued to the digits (a typo
/// such as `٧٢کاتژمێر`) is kept as a separate word. Returns the end.
fn attach_rest(w: &mut String, text: &str, i: usize) -> usize {
    let end = attached_letters(text, i);
    let glued = &text[i..end];
    if words::is_clitic_chain(glued) {
        attach_suffix(w, glued);
    } else {
        w.push(' ');
        w.push_str(glued.trim_start_matches('\u{200C}'));
    }
    end
}

/// Ordinal suffixes written after digits.
const ORDINAL_SUFFIXES: [(&str, OrdinalStyle); 6] = [
    ("ەمین", OrdinalStyle::Attributive),
    ("یەمین", OrdinalStyle::Attributive),
    ("هەمین", OrdinalStyle::Attributive),
    ("ەم", OrdinalStyle::Plain),
    ("یەم", OrdinalStyle::Plain),
    ("هەم", OrdinalStyle::Plain),
];

/// A unit or currency at `i` (attached, or after spaces) ending at a word
/// boundary: (end, words).
fn unit_at(text: &str, i: usize) -> Option<(usize, &'static str)> {
    let rest = &text[i..];
    let mut best: Option<(usize, &'static str)> = None;
    for &(abbr, spoken) in UNITS {
        if let Some(after) = rest.strip_prefix(abbr) {
            let last = abbr.chars().next_back().unwrap_or(' ');
            let boundary =
                after.chars().next().is_none_or(|c| !is_letter(c) && !c.is_ascii_digit() || !is_letter(last));
            if boundary && best.is_none_or(|(len, _)| len < abbr.len()) {
                best = Some((abbr.len(), spoken));
            }
        }
    }
    best.map(|(len, spoken)| (i + len, spoken))
}

/// Reads out everything in `text`; borrowed when nothing was found.
pub(crate) fn verbalize<'a>(text: &'a str, opts: &Options) -> Cow<'a, str> {
    let bytes = text.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0usize;
    let mut i = 0usize;
    // The whitespace-delimited token around the last digit looked at: where
    // it ends, and whether it is a URL (decided once per token, so that a
    // long token with many digits is read in linear time).
    let mut token: Option<(usize, bool)> = None;
    while i < bytes.len() {
        let b = bytes[i];
        let next = bytes.get(i + 1).copied().unwrap_or(0);
        if !TRIGGER[(b as usize) << 8 | next as usize] {
            i += 1;
            continue;
        }
        if b == 0xE2 && !matches!(bytes.get(i + 2), Some(0x93..=0x9E)) {
            i += 1;
            continue;
        }
        let found = if b.is_ascii_digit() || b == 0xD9 || b == 0xDB {
            let (end, url) = match token {
                Some(known) if i < known.0 => known,
                _ => *token.insert(url_token(text, i)),
            };
            if url {
                // Digits inside a URL or an e-mail address stay as written.
                i = end;
                continue;
            }
            if char_before(text, i).is_some_and(|c| c.is_ascii_alphabetic()) {
                // A code such as `F16` or `H2O`, or a version such as
                // `v1.2.3`: leave the whole run alone, with digits joined to
                // it by `.`, `:`, `-` or `/` (`A4-2`, `T10:30`).
                i = code_end(bytes, i);
                continue;
            }
            match_number(text, i, copied, opts)
        } else {
            match_vulgar(text, i)
        };
        match found {
            Some(f) => {
                let o = out.get_or_insert_with(|| String::with_capacity(text.len() + text.len() / 2 + 16));
                o.push_str(&text[copied..f.start]);
                // A number glued after a word (`ئێم5`) becomes a word of its own.
                if char_before(text, f.start).is_some_and(|c| is_letter(c) && c != '\u{200C}') {
                    o.push(' ');
                }
                o.push_str(&f.words);
                copied = f.end;
                i = f.end;
            }
            None => {
                i += char_at(text, i).map_or(1, char::len_utf8);
            }
        }
    }
    match out {
        None => Cow::Borrowed(text),
        Some(mut o) => {
            o.push_str(&text[copied..]);
            Cow::Owned(o)
        }
    }
}

/// The end of a code's digits from `i`, going on across a separator that is
/// followed by a digit.
fn code_end(bytes: &[u8], mut i: usize) -> usize {
    loop {
        while let Some((_, len)) = digit_at(bytes, i) {
            i += len;
        }
        match bytes.get(i) {
            Some(b'.' | b':' | b'-' | b'/') if digit_at(bytes, i + 1).is_some() => i += 1,
            _ => return i,
        }
    }
}

/// The end of the whitespace-delimited token around byte `i`, and whether
/// the token is a URL, a domain or an e-mail address (it contains `://`,
/// `www.` or `@`).
fn url_token(text: &str, i: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    let start = bytes[..i].iter().rposition(u8::is_ascii_whitespace).map_or(0, |p| p + 1);
    let end = bytes[i..].iter().position(u8::is_ascii_whitespace).map_or(bytes.len(), |p| i + p);
    let token = &bytes[start..end];
    let has = |needle: &[u8]| token.windows(needle.len()).any(|w| w == needle);
    (end, has(b"://") || has(b"www.") || token.contains(&b'@'))
}

/// Words for the vulgar fraction `c`.
fn vulgar(c: char) -> Option<&'static str> {
    Some(match c {
        '½' => super::HALF,
        '¼' => "چارەک",
        '¾' => "سێ چارەک",
        '⅓' => "یەک لەسەر سێ",
        '⅔' => "دوو لەسەر سێ",
        '⅕' => "یەک لەسەر پێنج",
        '⅛' => "یەک لەسەر هەشت",
        _ => return None,
    })
}

fn match_vulgar(text: &str, i: usize) -> Option<Found> {
    let c = char_at(text, i)?;
    let spoken = vulgar(c)?;
    let mut w = String::from(spoken);
    let mut end = i + c.len_utf8();
    let suffix_end = attach_rest(&mut w, text, end);
    end = suffix_end;
    Some(Found { start: i, end, words: w })
}

/// Everything that may start at the digit at `i`.
fn match_number(text: &str, i: usize, floor: usize, opts: &Options) -> Option<Found> {
    if let Some(f) = match_date(text, i, opts) {
        return Some(f);
    }
    if let Some(f) = match_time(text, i) {
        return Some(f);
    }
    if let Some(f) = match_phone(text, i, floor) {
        return Some(f);
    }
    match_plain(text, i, floor, opts)
}

/// Date separators: dashes (one or more, any dash), slash, dot.
fn date_sep(text: &str, i: usize) -> Option<(char, usize)> {
    let j = skip_spaces(text, i);
    let c = char_at(text, j)?;
    let kind = match c {
        '-' | '–' | '—' | '‐' => '-',
        '/' => '/',
        '.' => '.',
        _ => return None,
    };
    if kind == '.' && j != i {
        return None;
    }
    let mut k = j + c.len_utf8();
    if kind == '-' {
        while let Some(c2 @ ('-' | '–' | '—' | '‐')) = char_at(text, k) {
            k += c2.len_utf8();
        }
    }
    let k2 = if kind == '.' { k } else { skip_spaces(text, k) };
    Some((kind, k2))
}

/// Appends the reading of a day, month and year.
fn push_date(y: Option<(i64, &str)>, m: u32, d: u32, opts: &Options, out: &mut String) {
    let (mut year, mut month, mut day) = (y.map(|(v, _)| v), m, d);
    let mut names = &GREGORIAN_MONTHS;
    if opts.months == MonthNames::KurdishSolar {
        if let Some((ky, km, kd)) = y.and_then(|(v, _)| date::to_kurdish(v, m, d)) {
            year = Some(ky);
            month = km;
            day = kd;
            names = &KURDISH_MONTHS;
        }
    }
    push_cardinal(day as u128, out);
    out.push_str("ی ");
    out.push_str(names[month as usize - 1]);
    if let Some(yv) = year {
        out.push_str("ی ");
        match y {
            Some((_, digits)) if names == &GREGORIAN_MONTHS => push_int_digits(digits, out),
            _ => push_cardinal(yv as u128, out),
        }
    }
}

fn match_date(text: &str, i: usize, opts: &Options) -> Option<Found> {
    let (a, ea) = digits_at(text, i)?;
    if a.len() > 4 {
        return None;
    }
    // Day followed by a month name: `١٦ ئازار ٢٠٢٢`, `16ی ئازار`.
    if a.len() <= 2 {
        if let Some(f) = match_day_month_name(text, i, &a, ea, opts) {
            return Some(f);
        }
    }
    let (s1, p) = date_sep(text, ea)?;
    let (b, eb) = digits_at(text, p)?;
    let Some((s2, q)) = date_sep(text, eb).filter(|&(_, q)| digit_at(text.as_bytes(), q).is_some()) else {
        return if s1 == '.' { None } else { match_day_month(text, i, &a, &b, eb) };
    };
    if s1 != s2 || b.len() > 2 {
        return None;
    }
    let (c, ec) = digits_at(text, q)?;
    // Not followed by more of the same (IP addresses, versions).
    if let Some((_, r)) = date_sep(text, ec) {
        if digit_at(text.as_bytes(), r).is_some() {
            return None;
        }
    }
    if char_at(text, ec).is_some_and(|ch| ch == ':') {
        return None;
    }
    let (year_digits, mut m, mut d): (&str, u32, u32);
    if a.len() == 4 && c.len() <= 2 {
        year_digits = &a;
        m = b.parse().ok()?;
        d = c.parse().ok()?;
    } else if a.len() <= 2 && (c.len() == 4 || (c.len() == 2 && s1 != '-')) {
        year_digits = &c;
        d = a.parse().ok()?;
        m = b.parse().ok()?;
        if m > 12 && d <= 12 {
            std::mem::swap(&mut m, &mut d);
        }
    } else {
        return None;
    }
    let y: i64 = year_digits.parse().ok()?;
    if !(1..=12).contains(&m) || d == 0 || d > date::days_in_month(y, m) {
        return None;
    }
    let mut w = String::new();
    push_date(Some((y, year_digits)), m, d, opts, &mut w);
    // ISO 8601 date and time, `2026-12-07T10:30`: the time follows the `T`.
    if s1 == '-' && year_digits.len() == 4 && char_at(text, ec) == Some('T') {
        if let Some(time) = match_time(text, ec + 1) {
            w.push_str(" کاتژمێر ");
            w.push_str(&time.words);
            return Some(Found { start: i, end: time.end, words: w });
        }
    }
    let end = attach_rest(&mut w, text, ec);
    Some(Found { start: i, end, words: w })
}

/// `14-02`, `١٤/٠٢`: a day and a month written with a leading zero (a score
/// or a fraction never has one) → `چواردەی شوبات`.
fn match_day_month(text: &str, i: usize, a: &str, b: &str, eb: usize) -> Option<Found> {
    if a.len() > 2
        || b.len() != 2
        || !b.starts_with('0')
        || char_at(text, eb).is_some_and(|c| c.is_ascii_digit() || c == ':')
    {
        return None;
    }
    let (d, m): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
    if !(1..=12).contains(&m) || d == 0 || d > date::days_in_month(2000, m) {
        return None;
    }
    let mut w = String::new();
    push_cardinal(d as u128, &mut w);
    w.push_str("ی ");
    w.push_str(GREGORIAN_MONTHS[m as usize - 1]);
    let end = attach_rest(&mut w, text, eb);
    Some(Found { start: i, end, words: w })
}

/// `١٦ ئازار ٢٠٢٢` → day with ezafe, the month as written (with an ezafe
/// added before a year), the year.
fn match_day_month_name(text: &str, i: usize, a: &str, ea: usize, opts: &Options) -> Option<Found> {
    let day: u32 = a.parse().ok()?;
    if !(1..=31).contains(&day) {
        return None;
    }
    let has_ezafe = char_at(text, ea) == Some('ی');
    let after_day = if has_ezafe { ea + 'ی'.len_utf8() } else { ea };
    if char_at(text, after_day) != Some(' ') {
        return None;
    }
    let p = skip_spaces(text, after_day);
    let mm = month_at(&text[p..])?;
    let name_end = p + mm.len;
    let month_ezafe = char_at(text, name_end) == Some('ی');
    let after_name = if month_ezafe { name_end + 'ی'.len_utf8() } else { name_end };
    // An optional year of four digits.
    let mut year = None;
    if char_at(text, after_name) == Some(' ') {
        let q = skip_spaces(text, after_name);
        if let Some((y, ey)) = digits_at(text, q) {
            let boundary = char_at(text, ey).is_none_or(|c| {
                !matches!(c, ':' | '/' | '-' | '.' | ',') || digit_at(text.as_bytes(), ey + 1).is_none()
            });
            if y.len() == 4 && boundary {
                year = Some((y, ey));
            }
        }
    }
    // Convert to the solar calendar only when asked and the date is Gregorian and complete.
    if opts.months == MonthNames::KurdishSolar && !mm.solar {
        if let Some((y, ey)) = &year {
            let yv: i64 = y.parse().ok()?;
            if day <= date::days_in_month(yv, mm.month as u32) {
                let mut w = String::new();
                push_date(Some((yv, y)), mm.month as u32, day, opts, &mut w);
                let end = attach_rest(&mut w, text, *ey);
                return Some(Found { start: i, end, words: w });
            }
        }
    }
    if has_ezafe && (year.is_none() || month_ezafe) {
        // Nothing to add: the plain path reads the day and keeps the rest.
        return None;
    }
    let mut w = String::new();
    push_cardinal(day as u128, &mut w);
    w.push('ی');
    w.push_str(&text[after_day..name_end]);
    match year {
        None => Some(Found { start: i, end: name_end, words: w }),
        Some((y, ey)) => {
            w.push_str("ی ");
            push_int_digits(&y, &mut w);
            let end = attach_rest(&mut w, text, ey);
            Some(Found { start: i, end, words: w })
        }
    }
}

/// `پ.ن` / `د.ن` (and `پ. ن`) after a time.
fn meridiem_at(text: &str, i: usize) -> Option<(usize, &'static str)> {
    let j = skip_spaces(text, i);
    for (written, spoken) in [
        ("پ.ن", "پێش نیوەڕۆ"),
        ("پ. ن", "پێش نیوەڕۆ"),
        ("د.ن", "دوای نیوەڕۆ"),
        ("د. ن", "دوای نیوەڕۆ"),
        ("AM", "پێش نیوەڕۆ"),
        ("am", "پێش نیوەڕۆ"),
        ("PM", "دوای نیوەڕۆ"),
        ("pm", "دوای نیوەڕۆ"),
    ] {
        if let Some(rest) = text[j..].strip_prefix(written) {
            if rest.chars().next().is_none_or(|c| !is_letter(c)) {
                let end = j + written.len();
                let end = if text[end..].starts_with('.') { end + 1 } else { end };
                return Some((end, spoken));
            }
        }
    }
    None
}

fn match_time(text: &str, i: usize) -> Option<Found> {
    let (h, eh) = digits_at(text, i)?;
    if h.len() > 2 || char_at(text, eh) != Some(':') {
        return None;
    }
    let (m, em) = digits_at(text, eh + 1)?;
    if m.len() != 2 {
        return None;
    }
    let (hv, mv): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    if hv > 24 || mv > 59 {
        return None;
    }
    let mut end = em;
    let mut sv = None;
    if char_at(text, em) == Some(':') {
        if let Some((s, es)) = digits_at(text, em + 1) {
            let v: u32 = s.parse().ok()?;
            if s.len() == 2 && v < 60 {
                sv = Some(v);
                end = es;
            }
        }
    }
    let mut w = String::new();
    push_cardinal(hv as u128, &mut w);
    if mv > 0 || sv.is_some_and(|s| s > 0) {
        w.push_str(words::AND);
        push_cardinal(mv as u128, &mut w);
        w.push_str(" خولەک");
    }
    if let Some(s) = sv.filter(|&s| s > 0) {
        w.push_str(words::AND);
        push_cardinal(s as u128, &mut w);
        w.push_str(" چرکە");
    }
    if let Some((e, spoken)) = meridiem_at(text, end) {
        w.push_str("ی ");
        w.push_str(spoken);
        end = e;
    }
    let suffix_end = attach_rest(&mut w, text, end);
    Some(Found { start: i, end: suffix_end, words: w })
}

/// Reads one group of a phone number: each leading zero as `سفر`, the rest
/// as a cardinal.
fn push_phone_group(g: &str, out: &mut String) {
    let zeros = g.bytes().take_while(|&b| b == b'0').count();
    let mut first = true;
    for _ in 0..zeros {
        if !first {
            out.push(' ');
        }
        out.push_str(words::UNITS[0]);
        first = false;
    }
    if zeros < g.len() {
        if !first {
            out.push(' ');
        }
        push_cardinal(g[zeros..].parse::<u128>().unwrap_or(0), out);
    }
}

/// Splits an unbroken phone number as people say it: the last four digits
/// as two pairs, the rest in threes (a leftover digit joins the first group:
/// `07501234567` → 0750 123 45 67).
fn phone_groups(digits: &str) -> Vec<&str> {
    let n = digits.len();
    if n <= 3 {
        return vec![digits];
    }
    if n == 4 {
        return vec![&digits[..2], &digits[2..]];
    }
    let head_len = n - 4;
    let mut sizes = Vec::new();
    let mut left = head_len;
    if left % 3 == 1 && left >= 4 {
        sizes.push(4);
        left -= 4;
    }
    while left > 0 {
        let take = left.min(3);
        sizes.push(take);
        left -= take;
    }
    let mut out = Vec::new();
    let mut p = 0;
    for s in sizes {
        out.push(&digits[p..p + s]);
        p += s;
    }
    out.push(&digits[p..p + 2]);
    out.push(&digits[p + 2..]);
    out
}

fn match_phone(text: &str, i: usize, floor: usize) -> Option<Found> {
    let plus = i > floor && char_before(text, i) == Some('+');
    let (first, mut e) = digits_at(text, i)?;
    if !plus && !first.starts_with('0') {
        return None;
    }
    let mut groups = vec![first];
    loop {
        let c = char_at(text, e);
        if !matches!(c, Some(' ' | '-')) {
            break;
        }
        match digits_at(text, e + 1) {
            Some((g, ge))
                if (2..=8).contains(&g.len()) && char_at(text, ge).is_none_or(|c| !is_letter(c) && c != ':') =>
            {
                groups.push(g);
                e = ge;
            }
            _ => break,
        }
    }
    let total: usize = groups.iter().map(String::len).sum();
    if !(7..=15).contains(&total)
        || char_at(text, e).is_some_and(|c| c == '.' || c == ',' || c == '٫')
            && digit_at(text.as_bytes(), e + 1).is_some()
    {
        return None;
    }
    if groups.len() > 1 && groups[0].len() < 3 && !plus {
        return None;
    }
    let mut w = String::new();
    let mut start = i;
    if plus {
        start = i - 1;
        w.push_str("کۆ ");
    }
    // Unbroken: the usual grouping. Written in groups: those groups, a later
    // group of four or more digits said in pairs (4567 → 45 67).
    if plus && groups.len() == 1 {
        // Where the country code ends is unknown: digit by digit.
        push_digit_by_digit(&groups[0], &mut w);
        return Some(Found { start, end: e, words: w });
    }
    let spoken: Vec<&str> = if groups.len() == 1 {
        phone_groups(&groups[0])
    } else {
        let mut v = vec![groups[0].as_str()];
        for g in &groups[1..] {
            if g.len() >= 4 {
                v.extend(phone_groups(g));
            } else {
                v.push(g);
            }
        }
        v
    };
    for (k, g) in spoken.iter().enumerate() {
        if k > 0 {
            w.push(' ');
        }
        push_phone_group(g, &mut w);
    }
    Some(Found { start, end: e, words: w })
}

/// True when the text before `i` ends with a word that calls for an ordinal
/// (`سەدەی ٢١` → `سەدەی بیست و یەکەم`).
fn ordinal_context(text: &str, i: usize) -> bool {
    let before = text[..i].trim_end_matches(' ');
    ["سەدەی", "چەرخی"].iter().any(|w| before.ends_with(w)) && before.len() < i
}

fn match_plain(text: &str, i: usize, floor: usize, opts: &Options) -> Option<Found> {
    let lit = numlit_at(text, i)?;
    let mut start = i;
    let mut end = lit.end;
    let mut w = String::new();

    // Sign and currency before the number.
    let mut prefix_currency: Option<&str> = None;
    let mut negative = false;
    let mut percent_before = false;
    if let Some(c) = char_before(text, i).filter(|_| i > floor) {
        if let Some(&(_, spoken)) = PREFIX_CURRENCIES.iter().find(|(sym, _)| *sym == c) {
            prefix_currency = Some(spoken);
            start = i - c.len_utf8();
        } else if c == '%' || c == '٪' {
            percent_before = true;
            start = i - c.len_utf8();
        }
        let s = start;
        if let Some(c2 @ ('-' | '−')) = char_before(text, s).filter(|_| s > floor) {
            let before = char_before(text, s - c2.len_utf8());
            if before.is_none_or(|b| b.is_whitespace() || matches!(b, '(' | '[' | ':' | '=' | '،' | '«' | '"')) {
                negative = true;
                start = s - c2.len_utf8();
            }
        }
    }

    // Range or score: `1990–1995`, `٢ - ١`.
    if lit.frac.is_none() && !negative && prefix_currency.is_none() && !percent_before {
        if let Some(f) = match_range(text, i, &lit) {
            return Some(f);
        }
        // Fraction `3/4`.
        if char_at(text, lit.end) == Some('/') {
            if let Some(den) = numlit_at(text, lit.end + 1).filter(|d| d.frac.is_none()) {
                push_int_digits(&lit.int, &mut w);
                w.push_str(" لەسەر ");
                push_int_digits(&den.int, &mut w);
                let e = attach_rest(&mut w, text, den.end);
                return Some(Found { start: i, end: e, words: w });
            }
        }
    }

    if negative {
        w.push_str(MINUS);
        w.push(' ');
    }
    if percent_before {
        w.push_str(PERCENT);
        w.push(' ');
    }

    // Ordinal suffix, or ordinal context.
    let mut ordinal = None;
    if lit.frac.is_none() {
        for (suffix, style) in ORDINAL_SUFFIXES {
            if text[end..].starts_with(suffix) {
                ordinal = Some(style);
                end += suffix.len();
                break;
            }
        }
        if ordinal.is_none() && ordinal_context(text, start) {
            ordinal = Some(opts.ordinal);
        }
    }
    if let Some(style) = ordinal {
        match lit.int.parse::<u128>() {
            Ok(n) if n < words::LIMIT => push_ordinal(n, style, &mut w),
            _ => {
                push_digit_by_digit(&lit.int, &mut w);
                words::make_ordinal(&mut w, style);
            }
        }
        let e = attach_rest(&mut w, text, end);
        return Some(Found { start, end: e, words: w });
    }

    // A vulgar fraction right after: `2½` → دوو و نیو.
    if let Some(spoken) = char_at(text, end).and_then(vulgar) {
        push_numlit(&lit, &mut w);
        w.push_str(words::AND);
        w.push_str(spoken);
        end += char_at(text, end).map_or(0, char::len_utf8);
    } else {
        push_numlit(&lit, &mut w);
    }

    // Percent after: `25%`, `25 ٪`.
    let p = skip_spaces(text, end);
    if !percent_before {
        if let Some(c @ ('%' | '٪')) = char_at(text, p) {
            let mut pw = String::from(PERCENT);
            pw.push(' ');
            pw.push_str(&w[if negative { MINUS.len() + 1 } else { 0 }..]);
            if negative {
                w = format!("{MINUS} {pw}");
            } else {
                w = pw;
            }
            end = p + c.len_utf8();
            let e = attach_rest(&mut w, text, end);
            return Some(Found { start, end: e, words: w });
        }
    }

    // A scale word after the digits (`١.٥ ملیار`), then units and currencies.
    let mut scale_end = None;
    if char_at(text, end) == Some(' ') {
        let q = skip_spaces(text, end);
        for scale in SCALE_WORDS {
            if let Some(rest) = text[q..].strip_prefix(scale) {
                if rest.chars().next().is_none_or(|c| !is_letter(c)) {
                    scale_end = Some((q + scale.len(), *scale));
                }
            }
        }
    }
    let unit_from = scale_end.map_or(end, |(e, _)| e);
    let unit = {
        let attached = unit_at(text, unit_from);
        if attached.is_some() && !text[unit_from..].starts_with(' ') {
            attached
        } else if char_at(text, unit_from) == Some(' ') {
            let q = skip_spaces(text, unit_from);
            // After a space only symbols and Latin or dotted abbreviations,
            // or the Kurdish unit abbreviations, are units.
            unit_at(text, q)
        } else {
            None
        }
    };
    if let Some((e, spoken_scale)) = scale_end {
        if prefix_currency.is_some() || unit.is_some() {
            w.push(' ');
            w.push_str(spoken_scale);
            end = e;
        }
    }
    if let Some((ue, spoken)) = unit {
        if prefix_currency.is_none() {
            w.push(' ');
            w.push_str(spoken);
            end = ue;
        }
    }
    if let Some(spoken) = prefix_currency {
        w.push(' ');
        w.push_str(spoken);
        // `$100 دۆلار` is not doubled: a following written currency symbol is eaten.
        if let Some((ue, s2)) = unit {
            if s2 == spoken {
                end = ue;
            }
        }
    }
    let e = attach_rest(&mut w, text, end);
    Some(Found { start, end: e, words: w })
}

/// `A–B` (A < B) is read `A تا B`; otherwise, as in a score, `A بە B`.
fn match_range(text: &str, i: usize, left: &NumLit) -> Option<Found> {
    let j = skip_spaces(text, left.end);
    let c = char_at(text, j)?;
    if !matches!(c, '-' | '–' | '—') {
        return None;
    }
    let k = skip_spaces(text, j + c.len_utf8());
    // `5 -3` (a space before the dash but not after) is two numbers, not a range.
    if j != left.end && k == j + c.len_utf8() {
        return None;
    }
    let right = numlit_at(text, k)?;
    if right.frac.is_some() || char_at(text, right.end).is_some_and(|ch| matches!(ch, '-' | '–' | '/' | ':')) {
        return None;
    }
    let (l, r) = (left.int.parse::<u128>().ok()?, right.int.parse::<u128>().ok()?);
    let mut w = String::new();
    push_int_digits(&left.int, &mut w);
    w.push_str(if l < r { " تا " } else { " بە " });
    push_int_digits(&right.int, &mut w);
    let mut end = right.end;
    // A unit or percent after the range belongs to both ends; read it once.
    let p = skip_spaces(text, end);
    if let Some(c2 @ ('%' | '٪')) = char_at(text, p) {
        w = format!("{PERCENT} {w}");
        end = p + c2.len_utf8();
    } else if let Some((ue, spoken)) = unit_at(text, if char_at(text, end) == Some(' ') { p } else { end }) {
        w.push(' ');
        w.push_str(spoken);
        end = ue;
    }
    let e = attach_rest(&mut w, text, end);
    Some(Found { start: i, end: e, words: w })
}
