//! Words → digits: [`super::parse_words`] and [`super::words_to_digits`].
//!
//! A number phrase is read with the grammar the writer uses: parts joined by
//! `و` must fall in place value (`بیست و یەک`, `سەد و پێنج`, not `یەک و دوو`,
//! which stays two numbers); a scale word (`هەزار`, `ملیۆن` …) follows its
//! multiplier without `و`; `دوو سەد` written apart is accepted for `دووسەد`.
//! An ordinal suffix (`ەم`, `یەم`, `ەمین`, `یەمین`) or a clitic (`ی`, `دا`,
//! `ش` …) on the last word ends the phrase and is kept on the digits.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use super::date::month_at;
use super::scan::is_letter;
use super::words::{HUNDREDS, SCALES, TENS, UNITS};
use super::{DigitSystem, Options, HALF, MINUS, PERCENT, POINT};

/// What a number word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Zero,
    /// 1..=9
    Unit(u8),
    /// 10..=19
    Teen(u8),
    /// 20..=90
    Tens(u8),
    /// سەد alone: 100, or a multiplier after a unit (`دوو سەد`).
    Hundred,
    /// دووسەد … نۆسەد
    Hundreds(u16),
    /// index into SCALES + 1 (هەزار = 1)
    Scale(u8),
}

/// Other spellings accepted when reading (never produced).
const VARIANTS: &[(&str, Kind)] = &[
    ("سیازدە", Kind::Teen(13)),
    ("سیانزە", Kind::Teen(13)),
    ("یانزە", Kind::Teen(11)),
    ("دوانزە", Kind::Teen(12)),
    ("پانزە", Kind::Teen(15)),
    ("شانزە", Kind::Teen(16)),
    ("حەوتدە", Kind::Teen(17)),
    ("هەجدە", Kind::Teen(18)),
    ("نەوەت", Kind::Tens(90)),
    ("ملیارد", Kind::Scale(3)),
    ("بلیۆن", Kind::Scale(3)),
    ("تریلیۆن", Kind::Scale(4)),
];

/// Every number word, built once.
static LEXICON: LazyLock<HashMap<&'static str, Kind>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for (i, w) in UNITS.iter().enumerate() {
        map.insert(
            *w,
            if i == 0 {
                Kind::Zero
            } else if i < 10 {
                Kind::Unit(i as u8)
            } else {
                Kind::Teen(i as u8)
            },
        );
    }
    for (i, w) in TENS.iter().enumerate().filter(|(_, w)| !w.is_empty()) {
        map.insert(*w, Kind::Tens(i as u8 * 10));
    }
    for (i, w) in HUNDREDS.iter().enumerate().filter(|(_, w)| !w.is_empty()) {
        map.insert(*w, if i == 1 { Kind::Hundred } else { Kind::Hundreds(i as u16 * 100) });
    }
    for (i, w) in SCALES.iter().enumerate() {
        map.insert(*w, Kind::Scale(i as u8 + 1));
    }
    for &(w, k) in VARIANTS {
        map.insert(w, k);
    }
    map
});

fn lookup(word: &str) -> Option<Kind> {
    LEXICON.get(word).copied()
}

#[cfg(test)]
fn lookup_slow(word: &str) -> Option<Kind> {
    if word == UNITS[0] {
        return Some(Kind::Zero);
    }
    if let Some(i) = UNITS.iter().position(|u| *u == word) {
        return Some(if i < 10 { Kind::Unit(i as u8) } else { Kind::Teen(i as u8) });
    }
    if let Some(i) = TENS.iter().position(|t| !t.is_empty() && *t == word) {
        return Some(Kind::Tens(i as u8 * 10));
    }
    if word == HUNDREDS[1] {
        return Some(Kind::Hundred);
    }
    if let Some(i) = HUNDREDS.iter().position(|h| !h.is_empty() && *h == word) {
        return Some(Kind::Hundreds(i as u16 * 100));
    }
    if let Some(i) = SCALES.iter().position(|s| *s == word) {
        return Some(Kind::Scale(i as u8 + 1));
    }
    VARIANTS.iter().find(|(w, _)| *w == word).map(|&(_, k)| k)
}

/// Clitics and suffixes that may follow the last number word.
const CLITICS: [&str; 12] = ["ی", "دا", "ش", "یش", "ەوە", "یەوە", "وە", "ەکان", "کان", "ەکە", "کە", "ان"];
/// Ordinal suffixes, longest first.
const ORDINALS: [&str; 4] = ["یەمین", "ەمین", "یەم", "ەم"];

/// One analysed word: its number kind, written ordinal suffix and clitic.
#[derive(Debug, Clone, Copy)]
struct WordInfo<'a> {
    kind: Kind,
    ordinal: Option<&'a str>,
    clitic: &'a str,
}

fn analyse(word: &str) -> Option<WordInfo<'_>> {
    if let Some(kind) = lookup(word) {
        return Some(WordInfo { kind, ordinal: None, clitic: "" });
    }
    for clitic in std::iter::once("").chain(CLITICS) {
        let Some(stem) = word.strip_suffix(clitic) else { continue };
        if !clitic.is_empty() {
            if let Some(kind) = lookup(stem) {
                if kind != Kind::Zero || clitic == "ی" {
                    return Some(WordInfo { kind, ordinal: None, clitic: &word[stem.len()..] });
                }
            }
        }
        for ord in ORDINALS {
            if let Some(base) = stem.strip_suffix(ord) {
                if let Some(kind) = lookup(base) {
                    // The glide: سێیەم but not سێەم; دووەم but not دوویەم.
                    let vowel = super::words::ends_in_vowel(base);
                    if ord.starts_with('ی') != vowel {
                        continue;
                    }
                    return Some(WordInfo {
                        kind,
                        ordinal: Some(&word[base.len()..stem.len()]),
                        clitic: &word[stem.len()..],
                    });
                }
            }
        }
    }
    None
}

/// A parsed number phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    /// The value (negative after `سالب`).
    pub value: i128,
    /// The written ordinal suffix (`ەم`, `یەم`, `ەمین`, `یەمین`) when the phrase is an ordinal.
    pub ordinal: Option<String>,
    /// Digits after `پۆینت` for a decimal, as written (leading zeros kept).
    pub fraction: Option<String>,
}

/// The state of a phrase being read.
#[derive(Debug, Clone, Copy)]
struct Acc {
    total: u128,
    current: u128,
    /// lowest place filled in `current` (4 = nothing yet)
    min_rank: u8,
    /// the last scale used (7 = none yet)
    last_scale: u8,
    /// `current` is a lone unit that `سەد` may multiply (`پێنج سەد`, also
    /// after a scale: `دوو هەزار و پێنج سەد`)
    lone_unit: bool,
    words: usize,
}

impl Acc {
    fn new() -> Self {
        Acc { total: 0, current: 0, min_rank: 4, last_scale: 7, lone_unit: false, words: 0 }
    }

    fn value(&self) -> u128 {
        self.total + self.current
    }

    /// Adds one word; `conj` tells whether `و` came before it. Returns false
    /// (leaving the state unchanged) when the word cannot continue the phrase.
    fn push(&mut self, kind: Kind, conj: bool) -> bool {
        let first = self.words == 0;
        let mut next = *self;
        match kind {
            Kind::Zero => {
                if !first {
                    return false;
                }
                next.min_rank = 0;
            }
            Kind::Scale(k) => {
                if k >= self.last_scale {
                    return false;
                }
                if conj {
                    if self.current != 0 {
                        return false;
                    }
                    next.total += pow1000(k);
                } else if first {
                    next.total += pow1000(k);
                } else {
                    if self.current == 0 {
                        return false;
                    }
                    next.total += self.current * pow1000(k);
                }
                next.current = 0;
                next.min_rank = 4;
                next.last_scale = k;
                next.lone_unit = false;
            }
            Kind::Hundred if !conj && self.lone_unit => {
                next.current = self.current * 100;
                next.min_rank = 3;
                next.lone_unit = false;
            }
            _ => {
                if !first && !conj {
                    return false;
                }
                let (value, top, low) = match kind {
                    Kind::Unit(v) => (v as u128, 1, 1),
                    Kind::Teen(v) => (v as u128, 2, 1),
                    Kind::Tens(v) => (v as u128, 2, 2),
                    Kind::Hundred => (100, 3, 3),
                    Kind::Hundreds(v) => (v as u128, 3, 3),
                    _ => return false,
                };
                if top >= self.min_rank || self.min_rank == 0 {
                    return false;
                }
                next.current += value;
                next.min_rank = low;
                next.lone_unit = matches!(kind, Kind::Unit(_)) && self.current == 0;
            }
        }
        next.words += 1;
        *self = next;
        true
    }
}

fn pow1000(k: u8) -> u128 {
    1000u128.pow(k as u32)
}

/// A word of the text: byte span.
#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
}

fn words_of(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if is_letter(c) {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            out.push(Word { start: s, end: i });
        }
    }
    if let Some(s) = start {
        out.push(Word { start: s, end: text.len() });
    }
    out
}

/// Only spaces between two words.
fn spaced(text: &str, a: Word, b: Word) -> bool {
    let gap = &text[a.end..b.start];
    !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{00A0}')
}

/// A phrase found at word `idx`: the parsed number, the clitic on its last
/// word, and the index of the word after it.
struct Phrase<'a> {
    parsed: Parsed,
    clitic: &'a str,
    next: usize,
}

fn phrase_at<'a>(text: &'a str, words: &[Word], idx: usize) -> Option<Phrase<'a>> {
    let mut k = idx;
    let mut negative = false;
    if &text[words[k].start..words[k].end] == MINUS && k + 1 < words.len() && spaced(text, words[k], words[k + 1]) {
        negative = true;
        k += 1;
    }
    let first = analyse(&text[words[k].start..words[k].end])?;
    let mut acc = Acc::new();
    if !acc.push(first.kind, false) {
        return None;
    }
    let mut last = first;
    let mut next = k + 1;
    while last.ordinal.is_none()
        && last.clitic.is_empty()
        && next < words.len()
        && spaced(text, words[next - 1], words[next])
    {
        let w = &text[words[next].start..words[next].end];
        let (conj, at) = if w == "و" {
            if next + 1 >= words.len() || !spaced(text, words[next], words[next + 1]) {
                break;
            }
            (true, next + 1)
        } else {
            (false, next)
        };
        let Some(info) = analyse(&text[words[at].start..words[at].end]) else { break };
        if !acc.push(info.kind, conj) {
            break;
        }
        last = info;
        next = at + 1;
    }
    let mut value = acc.value();
    let mut fraction = None;
    let mut halved = false;
    // `و نیو` "and a half" closing the phrase: half of a closing scale
    // word (`سێ ملیۆن و نیو` = 3,500,000), or .5 after a number under a
    // hundred (`دوو و نیو` = 2.5). After سەد it is left as written, since
    // `سەد و نیو` is said for 150 as well as for 100.5.
    if last.ordinal.is_none() && last.clitic.is_empty() && next + 1 < words.len() {
        let word = |j: usize| &text[words[j].start..words[j].end];
        let half_follows = word(next) == "و"
            && word(next + 1) == HALF
            && spaced(text, words[next - 1], words[next])
            && spaced(text, words[next], words[next + 1]);
        if half_follows {
            if acc.current == 0 && acc.last_scale < 7 {
                value += pow1000(acc.last_scale) / 2;
                halved = true;
            } else if acc.total == 0 && acc.current < 100 && acc.min_rank > 0 {
                fraction = Some("5".to_string());
                halved = true;
            }
            if halved {
                next += 2;
            }
        }
    }
    let mut parsed = Parsed {
        value: if negative { -(value as i128) } else { value as i128 },
        ordinal: last.ordinal.map(str::to_string),
        fraction,
    };
    if halved {
        return Some(Phrase { parsed, clitic: "", next });
    }
    // Decimal part after پۆینت.
    if parsed.ordinal.is_none()
        && last.clitic.is_empty()
        && next + 1 < words.len()
        && &text[words[next].start..words[next].end] == POINT
        && spaced(text, words[next - 1], words[next])
        && spaced(text, words[next], words[next + 1])
    {
        let mut digits = String::new();
        let mut j = next + 1;
        let mut clitic = "";
        while j < words.len() && (j == next + 1 || spaced(text, words[j - 1], words[j])) {
            let Some(sub) = phrase_at(text, words, j)
                .filter(|p| p.parsed.ordinal.is_none() && p.parsed.fraction.is_none() && p.parsed.value >= 0)
            else {
                break;
            };
            // Digit-by-digit parts are single digits; a number part stands alone.
            if !digits.is_empty() && sub.parsed.value > 9 {
                break;
            }
            digits.push_str(&sub.parsed.value.to_string());
            j = sub.next;
            clitic = sub.clitic;
            if !clitic.is_empty() || sub.parsed.value > 9 {
                break;
            }
        }
        if !digits.is_empty() {
            parsed.fraction = Some(digits);
            return Some(Phrase { parsed, clitic, next: j });
        }
    }
    Some(Phrase { parsed, clitic: last.clitic, next })
}

/// Reads a whole string of number words (`دوو هەزار و بیست و دوو`,
/// `سێیەم`, `سالب پێنج`, `سێ پۆینت پێنج`); `None` unless the whole string,
/// apart from surrounding spaces, is one number.
pub(crate) fn parse_words(text: &str) -> Option<Parsed> {
    let words = words_of(text);
    if words.is_empty()
        || !text[..words[0].start].trim().is_empty()
        || !text[words[words.len() - 1].end..].trim().is_empty()
    {
        return None;
    }
    let p = phrase_at(text, &words, 0)?;
    (p.next == words.len() && p.clitic.is_empty()).then_some(p.parsed)
}

/// Writes an ASCII digit string in the chosen digit system.
pub(crate) fn push_digits(ascii: &str, system: DigitSystem, out: &mut String) {
    for b in ascii.bytes() {
        if b.is_ascii_digit() {
            let d = (b - b'0') as u32;
            out.push(match system {
                DigitSystem::Ascii => b as char,
                DigitSystem::ArabicIndic => char::from_u32(0x0660 + d).unwrap_or('?'),
                DigitSystem::Persian => char::from_u32(0x06F0 + d).unwrap_or('?'),
            });
        } else {
            out.push(b as char);
        }
    }
}

fn decimal_sep(system: DigitSystem) -> char {
    if system == DigitSystem::Ascii {
        '.'
    } else {
        '٫'
    }
}

fn percent_sign(system: DigitSystem) -> char {
    if system == DigitSystem::Ascii {
        '%'
    } else {
        '٪'
    }
}

/// Writes a parsed number in digits.
fn push_parsed(p: &Parsed, system: DigitSystem, out: &mut String) {
    if p.value < 0 {
        out.push('-');
    }
    push_digits(&p.value.unsigned_abs().to_string(), system, out);
    if let Some(f) = &p.fraction {
        out.push(decimal_sep(system));
        push_digits(f, system, out);
    }
    if let Some(o) = &p.ordinal {
        out.push_str(o);
    }
}

/// Names of Latin letters as written in Sorani acronyms (`یو ئێن ئێچ سی ئاڕ`).
const LETTER_NAMES: [&str; 30] = [
    "ئەی",
    "بی",
    "سی",
    "دی",
    "ئی",
    "ئێف",
    "جی",
    "ئێچ",
    "ئەیچ",
    "ئای",
    "جەی",
    "کەی",
    "ئێڵ",
    "ئێل",
    "ئێم",
    "ئێن",
    "ئۆ",
    "پی",
    "کیو",
    "ئاڕ",
    "ئار",
    "ئێس",
    "تی",
    "یو",
    "ڤی",
    "دەبڵیو",
    "ئێکس",
    "وای",
    "زێد",
    "زی",
];

/// Quantity words before which a lone scale word is a plural count, not a number.
const QUANTIFIERS: [&str; 6] = ["سەدان", "دەیان", "هەزاران", "ملیۆنان", "چەندین", "چەند"];

/// A one-word number that is more often a plain word than a number to write
/// in digits: a small number with a clitic (`یەکی`, `دەدا`, `دەیان`), a
/// plural (`هەزاران`), lone `یەک` (`هەر یەک لە`, `یەک بە یەک`), a lone scale
/// word (`ملیۆن`, `سەدان هەزار`), or `سی` spelling the letter C in an acronym.
fn is_plain_word(text: &str, words: &[Word], at: usize, p: &Phrase<'_>) -> bool {
    let word = &text[words[at].start..words[at].end];
    let stem = &word[..word.len() - p.clitic.len()];
    let v = p.parsed.value;
    if !p.clitic.is_empty() && (v <= 10 || p.clitic == "ان") {
        return true;
    }
    if stem == UNITS[1] {
        return true;
    }
    let prev = (at > 0).then(|| &text[words[at - 1].start..words[at - 1].end]);
    let next = (at + 1 < words.len()).then(|| &text[words[at + 1].start..words[at + 1].end]);
    if let Some(k) = SCALES.iter().position(|s| *s == stem) {
        return k >= 1 || prev.is_some_and(|w| QUANTIFIERS.contains(&w));
    }
    if stem == TENS[3]
        && (prev.is_some_and(|w| LETTER_NAMES.contains(&w)) || next.is_some_and(|w| LETTER_NAMES.contains(&w)))
    {
        return true;
    }
    false
}

/// Replaces every number phrase in running text with digits, number words
/// typed on another keyboard included (read restored: [`super::typed`]).
pub(crate) fn words_to_digits<'a>(text: &'a str, opts: &Options) -> Cow<'a, str> {
    super::typed::on_restored(text, |text| number_spans(text, opts))
}

/// The number phrases of `text`, in order: byte span and digits.
fn number_spans(text: &str, opts: &Options) -> Vec<(usize, usize, String)> {
    let words = words_of(text);
    // The phrases replaced, in order: (start, end, digits).
    let mut spans: Vec<(usize, usize, String)> = Vec::new();
    let mut idx = 0usize;
    while idx < words.len() {
        let w = words[idx];
        // Month names such as `کانوونی دووەم` are names, not numbers.
        if let Some(m) = month_at(&text[w.start..]) {
            let end = w.start + m.len;
            while idx < words.len() && words[idx].start < end {
                idx += 1;
            }
            continue;
        }
        let mut start = w.start;
        let mut percent = false;
        let mut at = idx;
        if &text[w.start..w.end] == PERCENT && idx + 1 < words.len() && spaced(text, w, words[idx + 1]) {
            percent = true;
            at = idx + 1;
        }
        let Some(p) = phrase_at(text, &words, at) else {
            idx += 1;
            continue;
        };
        if percent && (p.parsed.ordinal.is_some()) {
            idx += 1;
            continue;
        }
        let single = p.next - at == 1;
        let mut rep = String::new();
        let mut end = words[p.next - 1].end;
        // A date: day with ezafe, month name, optional year.
        let mut done = false;
        if p.clitic == "ی"
            && p.parsed.ordinal.is_none()
            && p.parsed.fraction.is_none()
            && (1..=31).contains(&p.parsed.value)
            && p.next < words.len()
            && spaced(text, words[p.next - 1], words[p.next])
        {
            let ms = words[p.next].start;
            if let Some(m) = month_at(&text[ms..]) {
                let name_end = ms + m.len;
                let ezafe = text[name_end..].starts_with('ی');
                let after = if ezafe { name_end + 'ی'.len_utf8() } else { name_end };
                let mut next_word = p.next;
                while next_word < words.len() && words[next_word].start < after {
                    next_word += 1;
                }
                let year = if ezafe
                    && next_word < words.len()
                    && text[after..words[next_word].start].chars().all(|c| c == ' ')
                    && words[next_word].start > after
                {
                    phrase_at(text, &words, next_word)
                        .filter(|y| y.parsed.ordinal.is_none() && y.parsed.fraction.is_none() && y.parsed.value > 0)
                } else {
                    None
                };
                match year {
                    Some(y) if !m.solar => {
                        let d = format!("{:02}/{:02}/{}", p.parsed.value, m.month, y.parsed.value);
                        push_digits(&d, opts.digits, &mut rep);
                        rep.push_str(y.clitic);
                        end = words[y.next - 1].end;
                        idx = y.next;
                    }
                    Some(y) => {
                        push_digits(&p.parsed.value.to_string(), opts.digits, &mut rep);
                        rep.push('ی');
                        rep.push_str(&text[ms..after]);
                        rep.push(' ');
                        push_digits(&y.parsed.value.to_string(), opts.digits, &mut rep);
                        rep.push_str(y.clitic);
                        end = words[y.next - 1].end;
                        idx = y.next;
                    }
                    None => {
                        push_digits(&p.parsed.value.to_string(), opts.digits, &mut rep);
                        rep.push('ی');
                        end = words[p.next - 1].end;
                        idx = p.next;
                    }
                }
                done = true;
            }
        }
        if !done {
            // A fraction: `یەک لەسەر چوار` → ١/٤.
            if !percent
                && p.clitic.is_empty()
                && p.parsed.ordinal.is_none()
                && p.parsed.fraction.is_none()
                && p.parsed.value >= 0
                && p.next + 1 < words.len()
                && &text[words[p.next].start..words[p.next].end] == "لەسەر"
                && spaced(text, words[p.next - 1], words[p.next])
                && spaced(text, words[p.next], words[p.next + 1])
            {
                if let Some(den) = phrase_at(text, &words, p.next + 1)
                    .filter(|d| d.parsed.ordinal.is_none() && d.parsed.fraction.is_none() && d.parsed.value > 0)
                {
                    push_digits(&format!("{}/{}", p.parsed.value, den.parsed.value), opts.digits, &mut rep);
                    rep.push_str(den.clitic);
                    spans.push((start, words[den.next - 1].end, rep));
                    idx = den.next;
                    continue;
                }
            }
            if single
                && !percent
                && p.parsed.ordinal.is_none()
                && p.parsed.fraction.is_none()
                && is_plain_word(text, &words, at, &p)
            {
                idx += 1;
                continue;
            }
            push_parsed(&p.parsed, opts.digits, &mut rep);
            if percent {
                rep.push(percent_sign(opts.digits));
            }
            rep.push_str(p.clitic);
            idx = p.next;
        }
        if percent {
            start = w.start;
        }
        spans.push((start, end, rep));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_matches_the_tables() {
        for w in UNITS.iter().chain(TENS.iter()).chain(HUNDREDS.iter()).chain(SCALES.iter()).filter(|w| !w.is_empty()) {
            assert_eq!(lookup(w), lookup_slow(w), "{w}");
        }
        assert_eq!(lookup("سیازدە"), Some(Kind::Teen(13)));
        assert_eq!(lookup("کەس"), None);
    }
}
