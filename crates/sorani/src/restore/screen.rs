//! A screen for the common case of restoration: text that [`detect`] surely
//! calls standard, recognised at a fraction of detection's cost, whole lines
//! at a time. "Not sure" sends a line on to detection; the screen never says
//! "standard" where detection would not.
//!
//! A line is surely standard when it has a letter only Kurdish keyboards type
//! (ە ێ ۆ: so it is no Arabic or Persian keyboard) or no Arabic-script
//! letter at all, fewer than two characters that could be legacy-font marks,
//! and no ه that detection would take for a legacy ە. Each ه is judged from
//! its two neighbours, as detection judges it; a mark, ZWNJ or ZWJ beside it
//! makes the answer "not sure".
//!
//! [`detect`]: super::detect

use wide::u8x16;

use super::detect::{arabic_class, HEH, IGNORED, LETTER, VOWEL};

/// Bytes compared per vector step.
const LANES: usize = 16;
/// Bytes marked per step: one bit each in a `u64`.
const BLOCK: usize = 64;

/// The byte length of the leading lines of `text` that [`detect`] surely
/// calls standard, each line taken on its own. A line ends after its `\n`
/// (a `\r` before it changes nothing), the last one at the end of the text.
///
/// [`detect`]: super::detect
pub(crate) fn standard_lines(text: &str) -> usize {
    scan(text, true)
}

/// Whether [`detect`] surely calls the whole of `text` standard.
///
/// [`detect`]: super::detect
pub(crate) fn surely_standard(text: &str) -> bool {
    scan(text, false) == text.len()
}

/// The line still open at a block's start: where it starts and what the
/// screen has seen of it.
struct Open {
    start: usize,
    /// ە ێ ۆ seen.
    kurdish: bool,
    /// Possible legacy-font marks seen.
    font_marks: u32,
}

/// Where a block's bytes start what the screen looks for: bit `k` stands for
/// the block's byte `k`.
#[derive(Default)]
struct Marks {
    line_ends: u64,
    /// ە ێ ۆ.
    kurdish: u64,
    /// ه, and the possible legacy-font marks: the letters ث ذ ص ض ط ظ and the
    /// harakat U+064B–U+0650.
    rare: u64,
}

/// [`standard_lines`] when `lines`, else the whole text as one line.
fn scan(text: &str, lines: bool) -> usize {
    let bytes = text.as_bytes();
    let mut open = Open { start: 0, kurdish: false, font_marks: 0 };
    let mut i = 0;
    while i < bytes.len() {
        let mut marks = if i + BLOCK < bytes.len() {
            marks(bytes[i..i + BLOCK + 1].try_into().expect("BLOCK + 1 bytes"))
        } else {
            // The last block, padded with spaces, which mark nothing.
            let mut padded = [b' '; BLOCK + 1];
            padded[..bytes.len() - i].copy_from_slice(&bytes[i..]);
            marks(&padded)
        };
        if !lines {
            marks.line_ends = 0;
        }
        let Marks { line_ends, kurdish, rare } = marks;
        // Where the line holding bit `k` starts.
        let line_start = |k: u32| match line_ends & ((1u64 << k) - 1) {
            0 => open.start,
            before => i + (64 - before.leading_zeros()) as usize,
        };
        // Lines that end in this block without a Kurdish letter: from each
        // line start (and the block's start, if the open line has none yet),
        // a carry runs up through bytes that are neither Kurdish letters nor
        // line ends, and stops on the first one. Where it stops on a line
        // end, the line has no Kurdish letter.
        let marked = kurdish | line_ends;
        let starts = (line_ends << 1) | u64::from(!open.kurdish);
        let mut bare = (!marked).wrapping_add(starts) & marked & line_ends;
        let mut unsure: Option<usize> = None;
        while bare != 0 {
            let end = bare.trailing_zeros();
            bare &= bare - 1;
            let start = line_start(end);
            if !line_is_standard(false, &bytes[start..i + end as usize]) {
                unsure = Some(start);
                break;
            }
        }
        // The rare marks, in order, up to the first unsure line.
        let (mut fonts_line, mut font_marks) = (open.start, open.font_marks);
        let mut rare = rare;
        while rare != 0 {
            let at = rare.trailing_zeros();
            rare &= rare - 1;
            let start = line_start(at);
            if unsure.is_some_and(|u| start >= u) {
                break;
            }
            if start != fonts_line {
                (fonts_line, font_marks) = (start, 0);
            }
            let at = i + at as usize;
            let sure = if bytes[at + 1] == 0x87 {
                heh_surely_not_legacy(text, at)
            } else {
                font_marks += 1;
                font_marks < 2
            };
            if !sure {
                unsure = Some(start);
                break;
            }
        }
        if let Some(start) = unsure {
            return start;
        }
        if line_ends == 0 {
            open.kurdish |= kurdish != 0;
            open.font_marks = font_marks;
        } else {
            let last = 63 - line_ends.leading_zeros();
            open.start = i + last as usize + 1;
            open.kurdish = (kurdish >> last) >> 1 != 0;
            open.font_marks = if fonts_line == open.start { font_marks } else { 0 };
        }
        i += BLOCK;
    }
    if open.start < bytes.len() && !line_is_standard(open.kurdish, &bytes[open.start..]) {
        return open.start;
    }
    bytes.len()
}

/// The marks of `window`'s first [`BLOCK`] bytes (its last byte is the one
/// after them).
fn marks(window: &[u8; BLOCK + 1]) -> Marks {
    let mut marks = Marks::default();
    for step in 0..BLOCK / LANES {
        let lanes = lane_marks(window[step * LANES..step * LANES + LANES + 1].try_into().expect("LANES + 1 bytes"));
        let shift = step * LANES;
        marks.line_ends |= u64::from(lanes[0]) << shift;
        marks.kurdish |= u64::from(lanes[1]) << shift;
        marks.rare |= u64::from(lanes[2]) << shift;
    }
    marks
}

/// The line ends, Kurdish letters and rare marks of `window`'s first
/// [`LANES`] bytes, by vector comparisons.
fn lane_marks(window: &[u8; LANES + 1]) -> [u16; 3] {
    let lead = u8x16::new(window[..LANES].try_into().expect("LANES bytes"));
    let next = u8x16::new(window[1..].try_into().expect("LANES bytes"));
    let splat = u8x16::splat;
    let zero = splat(0);
    // x - low <= span, unsigned.
    let within = |x: u8x16, low: u8, span: u8| (x - splat(low)).saturating_sub(splat(span)).cmp_eq(zero);
    let line_ends = lead.cmp_eq(splat(b'\n'));
    // ە DB 95, ێ DB 8E, ۆ DB 86.
    let (d8, d9, db) = (lead.cmp_eq(splat(0xD8)), lead.cmp_eq(splat(0xD9)), lead.cmp_eq(splat(0xDB)));
    let kurdish = db & (next.cmp_eq(splat(0x95)) | (next | splat(0x08)).cmp_eq(splat(0x8E)));
    // ه D9 87, harakat D9 8B–90; ث D8 AB, ذ D8 B0, ص ض ط ظ D8 B5–B8.
    let rare = (d9 & (next.cmp_eq(splat(0x87)) | within(next, 0x8B, 5)))
        | (d8 & (next.cmp_eq(splat(0xAB)) | next.cmp_eq(splat(0xB0)) | within(next, 0xB5, 3)));
    let bits = |v: u8x16| v.move_mask() as u16;
    [bits(line_ends), bits(kurdish), bits(rare)]
}

/// Whether the line `bytes` is surely standard, given whether it has ە ێ ۆ
/// (`kurdish`): it has, or it has no byte of the Arabic block (no letter to
/// restore).
fn line_is_standard(kurdish: bool, bytes: &[u8]) -> bool {
    kurdish || !bytes.iter().any(|&b| b & 0xFC == 0xD8)
}

/// Whether the ه at byte `i` is surely not counted as a legacy ە.
fn heh_surely_not_legacy(text: &str, i: usize) -> bool {
    // The character before it, read from its bytes where it is ASCII or of
    // the Arabic block (the usual case).
    let bytes = text.as_bytes();
    let before = match i.checked_sub(1).map(|j| bytes[j]) {
        None => None,
        Some(b) if b < 0x80 => Some(char::from(b)),
        Some(b) if i >= 2 && (bytes[i - 2] & 0xFC) == 0xD8 => Some(arabic_char(bytes[i - 2], b)),
        Some(_) => text[..i].chars().next_back(),
    };
    // The letter before it in its word, if any.
    let prev = match before {
        None => return true,
        Some('\u{200C}' | '\u{200D}') => return false,
        Some(p) => match arabic_class(p) {
            Some(class) if class & LETTER != 0 => p,
            Some(class) if class & IGNORED != 0 => return false,
            // Anything else ends a word: a word-initial ه is an /h/.
            _ => return true,
        },
    };
    let prev_class = arabic_class(prev).unwrap_or(0);
    let after = i + HEH.len_utf8();
    let next = match bytes.get(after) {
        None => None,
        Some(&b) if b < 0x80 => Some(char::from(b)),
        Some(&b) if (b & 0xFC) == 0xD8 => Some(arabic_char(b, bytes[after + 1])),
        Some(_) => text[after..].chars().next(),
    };
    match next {
        // HEH + ZWNJ is ە, never a legacy ه.
        Some('\u{200C}') => true,
        Some('\u{200D}') => false,
        Some(n) => match arabic_class(n) {
            Some(class) if class & LETTER != 0 => prev_class & VOWEL != 0 || class & VOWEL != 0,
            Some(class) if class & IGNORED != 0 => false,
            // The word ends here.
            _ => prev == 'ا',
        },
        None => prev == 'ا',
    }
}

/// The character of U+0600–U+06FF whose UTF-8 bytes are `lead` (D8–DB) and `continuation`.
fn arabic_char(lead: u8, continuation: u8) -> char {
    let offset = (u32::from(lead & 0x03) << 6) | u32::from(continuation & 0x3F);
    char::from_u32(0x0600 + offset).expect("Arabic block")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::restore::{detect, Convention};
    use proptest::prelude::*;

    /// `text`'s lines (without their `\n`) and their lengths with it.
    fn lines(text: &str) -> impl Iterator<Item = (&str, usize)> {
        text.split_inclusive('\n').map(|l| (l.strip_suffix('\n').unwrap_or(l), l.len()))
    }

    /// The screen's rule, character by character.
    fn reference_surely_standard(line: &str) -> bool {
        let kurdish = line.contains(['ە', 'ێ', 'ۆ']);
        let arabic_block = line.chars().any(crate::chars::in_arabic_block);
        let font_marks =
            line.chars().filter(|c| "ثذصضطظ\u{064B}\u{064C}\u{064D}\u{064E}\u{064F}\u{0650}".contains(*c)).count();
        let hehs_sure = line.char_indices().filter(|&(_, c)| c == HEH).all(|(i, _)| heh_surely_not_legacy(line, i));
        (kurdish || !arabic_block) && font_marks < 2 && hehs_sure
    }

    /// [`standard_lines`] by the reference rule, line by line.
    fn reference_standard_lines(text: &str) -> usize {
        lines(text).take_while(|(line, _)| reference_surely_standard(line)).map(|(_, len)| len).sum()
    }

    /// Lines of words, mostly standard: long standard prefixes over many blocks.
    fn text_of_words() -> impl Strategy<Value = String> {
        let words = prop::sample::select(vec![
            "ئەمڕۆ",
            "کەش",
            "و",
            "هەوا",
            "خۆشە",
            "شاه",
            "بەهار",
            "هێز",
            "ناوە\u{200C}کان",
            "dev",
            "123",
            "،",
            "سووتان",
            "پێش",
            "ئهمه",
            "كهش",
            "ثابت",
            "صەد",
            "دەه\u{064E}",
            "ه",
            "چل",
        ]);
        let separators = prop::sample::select(vec![" ", " ", " ", " ", "\n", "\r\n", "\n\n"]);
        prop::collection::vec((words, separators), 0..120)
            .prop_map(|parts| parts.into_iter().flat_map(|(w, s)| [w, s]).collect())
    }

    /// The prefix is what the rule gives line by line (block edges change
    /// nothing), and detection calls each of its lines standard.
    fn check_standard_lines(text: &str) -> Result<(), TestCaseError> {
        let len = standard_lines(text);
        prop_assert_eq!(len, reference_standard_lines(text));
        for (line, _) in lines(&text[..len]) {
            prop_assert_eq!(detect(line).convention, Convention::Standard, "{:?}", line);
        }
        Ok(())
    }

    proptest! {
        /// The screen never says "surely standard" where detection says otherwise.
        #[test]
        fn surely_standard_agrees_with_detect(text in "[ ،.a«ئابپتدرڕزسکلمنهەوۆیێكيىةثصط\u{200C}\u{200D}\u{064B}\u{064E}\u{0652}\u{0640}]{0,90}") {
            if surely_standard(&text) {
                prop_assert_eq!(detect(&text).convention, Convention::Standard);
            }
        }

        #[test]
        fn surely_standard_agrees_with_detect_on_any_text(text in "\\PC{0,30}") {
            if surely_standard(&text) {
                prop_assert_eq!(detect(&text).convention, Convention::Standard);
            }
        }

        #[test]
        fn standard_lines_are_lines_detection_calls_standard(text in "[ \n\r،.a«ئابپتدرڕزسکلمنهەوۆیێكيىةثصط\u{200C}\u{064E}]{0,200}") {
            check_standard_lines(&text)?;
        }

        #[test]
        fn standard_lines_follow_the_rule_over_many_blocks(text in text_of_words()) {
            check_standard_lines(&text)?;
        }

        #[test]
        fn surely_standard_follows_the_rule(text in text_of_words()) {
            prop_assert_eq!(surely_standard(&text), reference_surely_standard(&text));
        }

        #[test]
        fn a_carriage_return_changes_nothing(line in "[ ،ابتدرسلمنهەوۆی\u{200C}]{0,40}") {
            prop_assert_eq!(surely_standard(&line), surely_standard(&format!("{line}\r")));
        }
    }

    #[test]
    fn surely_standard_recognises_clean_text_only() {
        for clean in [
            "ئەمڕۆ کەش و هەوا خۆشە.",
            "شاه و گوناه لە بەهاردا.",
            "هەر «هێز» و ناوە\u{200C}کان",
            "dev ئەوە",
            "خۆشی",
            "",
            "no Arabic script 123",
        ] {
            assert!(surely_standard(clean), "{clean:?}");
            assert_eq!(detect(clean).convention, Convention::Standard, "{clean:?}");
        }
        // Legacy ه, no Kurdish letter at all, font letters, or a mark beside ه: not sure.
        for unsure in ["ئەمه كهش", "امرو کش و هوا", "ثەصەط", "ئەمەه\u{064E}"] {
            assert!(!surely_standard(unsure), "{unsure:?}");
        }
    }

    #[test]
    fn standard_lines_stop_at_the_first_unsure_line() {
        let clean = "ئەمڕۆ کەش و هەوا زۆر خۆشە و خەڵکی شارەکە دەچنە دەرەوە بۆ پیاسە.\n";
        let text = format!("{clean}{clean}\n{clean}ئهمڕۆ كهش و ههوا خۆشه\n{clean}");
        assert_eq!(standard_lines(&text), 3 * clean.len() + 1);
        assert_eq!(standard_lines(clean.repeat(50).trim_end()), 50 * clean.len() - 1);
        assert_eq!(standard_lines("ئهمه\nئەمە"), 0);
        // Two font letters far apart in one line, blocks apart: not sure.
        let fonts = format!("ثابت {} صەد\n", "ئەمڕۆ کەش ".repeat(12));
        assert_eq!(standard_lines(&format!("{clean}{fonts}{clean}")), clean.len());
        let one_font = format!("{clean}ثابت {}\n", "ئەمڕۆ کەش ".repeat(12));
        assert_eq!(standard_lines(&one_font), one_font.len());
    }
}
