//! Sentence boundaries.
//!
//! A sentence ends after `.` `!` `?` `؟` `۔` (with any closing quotes and
//! brackets, which stay with it) when white space, an opening bracket or the
//! end of the text follows, and at every line break (so a heading on its own
//! line is its own sentence; text with hard-wrapped lines should be joined
//! first). It does not end:
//!
//! * inside numbers (`3.5`, `٣٫٥`) or URLs (`www.example.com`), since no
//!   white space follows the dot;
//! * after an initial or a one-letter abbreviation (`د. ئەحمەد`, `J. Smith`)
//!   or a common Latin abbreviation (`Dr.`, `e.g.`, `etc.`, dotted initials
//!   such as `U.S.`);
//! * after an ellipsis (`...`, `…`), which in Sorani text mostly marks an
//!   omission or a blank inside a sentence.
//!
//! Spans never include the white space around a sentence, and empty
//! sentences are skipped.
//!
//! ```
//! use sorani::sentence::sentences;
//! let text = "نرخەکە ٣٫٥ دۆلارە. د. ئەحمەد گوتی: «باشە!» ئایا دێیت؟ بەڵێ";
//! let got: Vec<&str> = sentences(text).collect();
//! assert_eq!(got, ["نرخەکە ٣٫٥ دۆلارە.", "د. ئەحمەد گوتی: «باشە!»", "ئایا دێیت؟", "بەڵێ"]);
//! ```

use std::ops::Range;

use crate::chars;

/// The sentences of `text`, trimmed, in order.
pub fn sentences(text: &str) -> impl Iterator<Item = &str> + '_ {
    sentence_spans(text).map(move |r| &text[r])
}

/// The byte ranges of the sentences of `text` (see [`sentences`]).
pub fn sentence_spans(text: &str) -> SentenceSpans<'_> {
    SentenceSpans { text, pos: 0 }
}

/// Iterator over sentence byte ranges (see [`sentence_spans`]).
#[derive(Debug, Clone)]
pub struct SentenceSpans<'a> {
    text: &'a str,
    pos: usize,
}

/// Bytes that may start (or, for `0x9F`/`0x94`, end) a boundary character:
/// `.` `!` `?` line feed, carriage return, the lead byte of U+2026 and
/// U+2028/U+2029, and the last bytes of `؟` (D8 9F) and `۔` (DB 94).
const CANDIDATE: [bool; 256] = {
    let mut t = [false; 256];
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    t[b'\n' as usize] = true;
    t[b'\r' as usize] = true;
    t[0xE2] = true;
    t[0x9F] = true;
    t[0x94] = true;
    t
};

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '؟' | '۔' | '…')
}

fn is_closer(c: char) -> bool {
    matches!(c, '»' | '”' | '’' | '"' | '\'' | ')' | ']' | '}' | '›' | '〉' | '』' | '」')
}

fn is_opener(c: char) -> bool {
    matches!(c, '«' | '“' | '(' | '[' | '{' | '‹' | '"')
}

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{0085}')
}

/// Latin abbreviations after which a period does not end a sentence (lowercase).
const LATIN_ABBREVIATIONS: &[&str] = &[
    "dr", "mr", "mrs", "ms", "prof", "st", "jr", "sr", "vs", "etc", "e.g", "i.e", "no", "vol", "pp", "fig", "inc",
    "ltd", "co", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "dept",
    "est", "mt", "gen", "gov", "sgt", "capt", "col", "lt", "rev", "ed", "eds", "cf", "al",
];

impl<'a> SentenceSpans<'a> {
    /// Where the sentence starting at `start` ends (exclusive) and where the
    /// search for the next one resumes.
    fn find_end(&self, start: usize) -> (usize, usize) {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut i = start;
        while i < bytes.len() {
            if !CANDIDATE[bytes[i] as usize] {
                i += 1;
                continue;
            }
            // The character containing byte i.
            let (at, c) = match bytes[i] {
                0x9F | 0x94 => {
                    let at = i - 1;
                    match text.get(at..).and_then(|s| s.chars().next()) {
                        Some(c @ ('؟' | '۔')) if at >= start => (at, c),
                        _ => {
                            i += 1;
                            continue;
                        }
                    }
                }
                _ => match text[i..].chars().next() {
                    Some(c) => (i, c),
                    None => break,
                },
            };
            if is_line_break(c) {
                return (at, at + c.len_utf8());
            }
            if !is_terminal(c) {
                i = at + c.len_utf8();
                continue;
            }
            // The run of terminal marks and the closers after it.
            let mut end = at;
            let mut dots = 0usize;
            let mut strong = false;
            let mut ellipsis = false;
            for t in text[at..].chars() {
                if !is_terminal(t) {
                    break;
                }
                match t {
                    '.' => dots += 1,
                    '…' => ellipsis = true,
                    _ => strong = true,
                }
                end += t.len_utf8();
            }
            let run_end = end;
            for t in text[end..].chars() {
                if !is_closer(t) {
                    break;
                }
                end += t.len_utf8();
            }
            if self.is_boundary(start, at, run_end, end, dots, strong, ellipsis) {
                return (end, end);
            }
            i = run_end.max(at + 1);
        }
        (bytes.len(), bytes.len())
    }

    /// Decides whether the terminal run `at..run_end`, with closers up to
    /// `end`, ends the sentence that started at `start`.
    #[allow(clippy::too_many_arguments)]
    fn is_boundary(
        &self,
        start: usize,
        at: usize,
        run_end: usize,
        end: usize,
        dots: usize,
        strong: bool,
        ellipsis: bool,
    ) -> bool {
        let text = self.text;
        let next = text[end..].chars().next();
        let followed_ok = match next {
            None => true,
            Some(n) if n.is_whitespace() => true,
            Some(n) if is_opener(n) && end > run_end || matches!(n, '(' | '«' | '[') => true,
            _ => false,
        };
        if strong {
            return followed_ok;
        }
        if ellipsis || dots >= 2 {
            return false;
        }
        // A single period.
        if !followed_ok {
            return false;
        }
        let before = &text[start..at];
        let word = last_word(before);
        if word.is_empty() {
            // After punctuation or alone: nothing to protect.
            return true;
        }
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        let all_digits = word.chars().all(chars::is_digit);
        // An initial or one-letter abbreviation: "د. ئەحمەد", "J. Smith";
        // not the words و (and) and ە (is).
        if letters == 1 && word.chars().count() == 1 && !matches!(word, "و" | "ە") {
            let head = &before[..before.len() - word.len()];
            if head.chars().next_back().is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '«' | '"' | '.')) {
                return false;
            }
        }
        // A dotted abbreviation "e.g." or a Latin one "Dr.".
        if word.is_ascii() && LATIN_ABBREVIATIONS.contains(&word.to_ascii_lowercase().as_str()) {
            return false;
        }
        // Dotted initials: "U.S.", "U.N.", "a.m.".
        if word.contains('.')
            && word.split('.').all(|part| part.len() == 1 && part.bytes().all(|b| b.is_ascii_alphabetic()))
        {
            return false;
        }
        let _ = (run_end, all_digits);
        true
    }
}

/// The last word of `before` (letters, digits, marks, ZWNJ and inner dots).
fn last_word(before: &str) -> &str {
    let trimmed = before;
    let mut start = trimmed.len();
    for (i, c) in trimmed.char_indices().rev() {
        if c.is_alphanumeric() || chars::is_mark(c) || c == chars::ZWNJ || c == '.' {
            start = i;
        } else {
            break;
        }
    }
    trimmed[start..].trim_start_matches('.')
}

impl Iterator for SentenceSpans<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let text = self.text;
        loop {
            // Skip white space before the sentence.
            let rest = &text[self.pos..];
            let skipped = rest.len() - rest.trim_start().len();
            let start = self.pos + skipped;
            if start >= text.len() {
                self.pos = text.len();
                return None;
            }
            let (end, resume) = self.find_end(start);
            self.pos = resume.max(start + 1).min(text.len());
            let sentence = text[start..end].trim_end();
            if !sentence.is_empty() {
                return Some(start..start + sentence.len());
            }
        }
    }
}

impl std::iter::FusedIterator for SentenceSpans<'_> {}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn table() {
        let cases: &[(&str, &[&str], &str)] = &[
            ("", &[], "empty"),
            ("  \n ", &[], "only space"),
            ("یەک. دوو. سێ", &["یەک.", "دوو.", "سێ"], "periods"),
            ("باشە! چۆنی? چۆنی؟ باشم", &["باشە!", "چۆنی?", "چۆنی؟", "باشم"], "! ? ؟"),
            ("نرخی ٣٫٥ و 3.5 دۆلارە. تەواو", &["نرخی ٣٫٥ و 3.5 دۆلارە.", "تەواو"], "numbers"),
            ("سەیری www.example.com بکە. باشە", &["سەیری www.example.com بکە.", "باشە"], "URL"),
            ("گوتی: «دێم.» پاشان ڕۆیشت.", &["گوتی: «دێم.»", "پاشان ڕۆیشت."], "closing quote stays"),
            ("(ئەمە نموونەیە.) ئەوە", &["(ئەمە نموونەیە.)", "ئەوە"], "closing bracket stays"),
            ("د. ئەحمەد هات. م. کاوە نەهات.", &["د. ئەحمەد هات.", "م. کاوە نەهات."], "one-letter abbreviation"),
            (
                "J. K. Rowling wrote it. Dr. Smith agreed, e.g. here.",
                &["J. K. Rowling wrote it.", "Dr. Smith agreed, e.g. here."],
                "Latin",
            ),
            ("The U.S. army left. ئینجا", &["The U.S. army left.", "ئینجا"], "dotted initials"),
            (
                "1. یەکەم\n2. دووەم",
                &["1.", "یەکەم", "2.", "دووەم"],
                "list numbers end like sentences (as in the reference)",
            ),
            ("(کاشییەکان) ە. ڕۆڵی", &["(کاشییەکان) ە.", "ڕۆڵی"], "the word ە is not an initial"),
            ("ڕۆیشت. . ئینجا", &["ڕۆیشت.", ".", "ئینجا"], "lone period"),
            ("ناونیشان\nدەقی یەکەم. دەقی دووەم.", &["ناونیشان", "دەقی یەکەم.", "دەقی دووەم."], "heading apart"),
            ("یەکەم.\r\n\r\nدووەم", &["یەکەم.", "دووەم"], "CRLF paragraphs"),
            ("چاوەڕێ بە... ئینجا بڕۆ", &["چاوەڕێ بە... ئینجا بڕۆ"], "ellipsis inside"),
            ("وشە …… وشە", &["وشە …… وشە"], "ellipsis char"),
            ("بۆچی؟! نازانم", &["بۆچی؟!", "نازانم"], "mixed run"),
            ("هات.(ئەوە)", &["هات.", "(ئەوە)"], "opening bracket after period"),
            ("...", &["..."], "dots only"),
            ("!", &["!"], "lone mark"),
            ("a.b.c", &["a.b.c"], "no space"),
        ];
        for &(input, expected, rule) in cases {
            let got: Vec<&str> = sentences(input).collect();
            assert_eq!(got, expected, "{rule}: {input:?}");
        }
    }

    fn strategy() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "ک", "ە", "ی", " ", "\n", "\r\n", ".", "!", "؟", "۔", "…", "»", "«", "(", ")", "\"", "3", "٣", "٫", "د",
            "a", "\u{2029}", "\u{200C}", "\t",
        ]);
        prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
    }

    fn check(text: &str) -> Result<(), TestCaseError> {
        let mut last = 0;
        for r in sentence_spans(text) {
            prop_assert!(r.start >= last && r.end > r.start, "spans increase: {:?}", r);
            prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            prop_assert!(text[last..r.start].trim().is_empty(), "only white space between sentences");
            let s = &text[r.clone()];
            prop_assert_eq!(s, s.trim());
            last = r.end;
        }
        prop_assert!(text[last..].trim().is_empty());
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1024))]
        #[test]
        fn spans_cover_all_text(text in strategy()) {
            check(&text)?;
        }

        #[test]
        fn any_string(text in any::<String>()) {
            check(&text)?;
        }
    }
}
