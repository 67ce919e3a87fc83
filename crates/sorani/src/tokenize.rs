//! Tokens with kinds and byte spans into the input.
//!
//! [`tokenize`] cuts text into [`Token`]s that borrow the input. White space
//! (and stray invisible controls) between tokens forms the gaps; the tokens
//! and the gaps rebuild the input exactly.
//!
//! * A **word** is a run of Arabic-script letters and marks; a ZWNJ (or ZWJ)
//!   between two letters stays inside it (`پێش‌کەوتن` is one token).
//! * A **number** is a run of digits of one or several systems (`0`–`9`,
//!   `٠`–`٩`, `۰`–`۹`) with single separators `.` `,` `٫` `٬` between digits
//!   (`3.5`, `٣٫٥`, `1,000`).
//! * URLs (`http://`, `https://`, `www.`), emails, `#hashtags`, `@mentions`
//!   and emoji (with modifiers and ZWJ sequences) are single tokens.
//! * A **Latin** word is a run of letters of the Latin script (with digits and
//!   marks inside, and an apostrophe between letters).
//! * **Punctuation** is one mark, or a run of the same mark (`...`, `!!`).
//! * Everything else that is not white space is **other** (symbols, other
//!   scripts), one run per script class.
//!
//! ```
//! use sorani::tokenize::{tokenize, TokenKind};
//! let tokens: Vec<_> = tokenize("پێش‌کەوتن ٣٫٥%!").collect();
//! let kinds: Vec<_> = tokens.iter().map(|t| (t.text, t.kind)).collect();
//! assert_eq!(kinds, [
//!     ("پێش‌کەوتن", TokenKind::Word),
//!     ("٣٫٥", TokenKind::Number),
//!     ("%", TokenKind::Punctuation),
//!     ("!", TokenKind::Punctuation),
//! ]);
//! ```

use crate::chars::{self, ZWJ, ZWNJ};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// A word in Arabic script (ZWNJ stays inside).
    Word,
    /// A number in any digit system.
    Number,
    /// Punctuation.
    Punctuation,
    /// A URL.
    Url,
    /// An email address.
    Email,
    /// `#tag`.
    Hashtag,
    /// `@name`.
    Mention,
    /// An emoji.
    Emoji,
    /// A word in Latin script.
    Latin,
    /// Anything else that is not white space.
    Other,
}

impl TokenKind {
    /// The kind's name as written in JSON (`word`, `number`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            TokenKind::Word => "word",
            TokenKind::Number => "number",
            TokenKind::Punctuation => "punctuation",
            TokenKind::Url => "url",
            TokenKind::Email => "email",
            TokenKind::Hashtag => "hashtag",
            TokenKind::Mention => "mention",
            TokenKind::Emoji => "emoji",
            TokenKind::Latin => "latin",
            TokenKind::Other => "other",
        }
    }
}

/// One token: its text borrowed from the input and its byte span there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token's text, `&input[start..end]`.
    pub text: &'a str,
    /// What the token is.
    pub kind: TokenKind,
    /// Byte offset of the first byte in the input.
    pub start: usize,
    /// Byte offset one past the last byte in the input.
    pub end: usize,
}

/// The tokens of `text`, in order.
pub fn tokenize(text: &str) -> Tokens<'_> {
    Tokens { text, pos: 0, no_email_before: 0 }
}

/// Iterator over the tokens of a text (see [`tokenize`]).
#[derive(Debug, Clone)]
pub struct Tokens<'a> {
    text: &'a str,
    pos: usize,
    /// No e-mail address starts before this byte: the run of address
    /// characters last scanned ended there without an `@`, and any start
    /// inside it ends at the same place (keeps `a+b+c…` linear).
    no_email_before: usize,
}

/// Coarse class of a character for the tokenizer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    Arabic,
    Mark,
    Joiner,
    Digit,
    Latin,
    Punct,
    Emoji,
    Other,
}

/// Classes of ASCII bytes.
const ASCII: [Class; 128] = {
    let mut t = [Class::Other; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_whitespace() || c == 0x0B {
            Class::Space
        } else if c.is_ascii_digit() {
            Class::Digit
        } else if c.is_ascii_alphabetic() {
            Class::Latin
        } else if c.is_ascii_punctuation() {
            Class::Punct
        } else {
            Class::Other
        };
        b += 1;
    }
    t
};

#[inline]
fn class(c: char) -> Class {
    let u = c as u32;
    if u < 0x80 {
        return ASCII[u as usize];
    }
    if (0x0600..=0x06FF).contains(&u) {
        return ARABIC_CLASSES[(u - 0x0600) as usize];
    }
    class_outside_arabic(c)
}

/// [`class`] of each character of U+0600–U+06FF (looked up once per
/// character of most Sorani text).
static ARABIC_CLASSES: [Class; 256] = {
    let mut t = [Class::Other; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = match char::from_u32(0x0600 + i as u32) {
            Some(c) => arabic_block_class(c),
            None => panic!("U+0600–U+06FF are characters"),
        };
        i += 1;
    }
    t
};

const fn arabic_block_class(c: char) -> Class {
    match c as u32 {
        0x0660..=0x0669 | 0x06F0..=0x06F9 => Class::Digit,
        0x0620..=0x064A | 0x066E..=0x066F | 0x0671..=0x06D3 | 0x06D5 | 0x06EE | 0x06EF | 0x06FA..=0x06FF => {
            Class::Arabic
        }
        _ if chars::is_harakat(c) => Class::Mark,
        0x060C | 0x060D | 0x061B | 0x061D..=0x061F | 0x066A..=0x066D | 0x06D4 => Class::Punct,
        0x061C => Class::Space,
        _ => Class::Other,
    }
}

fn class_outside_arabic(c: char) -> Class {
    let u = c as u32;
    match u {
        0x200C | 0x200D => Class::Joiner,
        0x200B | 0x200E | 0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0x2066..=0x206F | 0xFEFF | 0x00AD => {
            Class::Space
        }
        0x0750..=0x077F | 0x08A0..=0x08C9 | 0xFB50..=0xFDFF | 0xFE70..=0xFEFC => {
            if chars::is_mark(c) {
                Class::Mark
            } else {
                Class::Arabic
            }
        }
        0x00A1 | 0x00A7 | 0x00AB | 0x00B6 | 0x00B7 | 0x00BB | 0x00BF | 0x2010..=0x2027 | 0x2030..=0x205E => {
            Class::Punct
        }
        0x3001..=0x3003 | 0x3008..=0x3011 | 0x3014..=0x301F | 0xFE50..=0xFE6B | 0xFF01..=0xFF0F => Class::Punct,
        _ if c.is_whitespace() => Class::Space,
        _ if is_emoji(c) => Class::Emoji,
        _ if chars::is_mark(c) => Class::Mark,
        0x00C0..=0x024F | 0x1E00..=0x1EFF | 0x2C60..=0x2C7F | 0xA720..=0xA7FF | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A => {
            if c.is_alphabetic() {
                Class::Latin
            } else {
                Class::Other
            }
        }
        _ => Class::Other,
    }
}

/// Characters that start or make up an emoji.
fn is_emoji(c: char) -> bool {
    matches!(c as u32,
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2300..=0x23FF | 0x2B05..=0x2B07 | 0x2B1B | 0x2B1C | 0x2B50 | 0x2B55
        | 0x3030 | 0x303D | 0x3297 | 0x3299 | 0x00A9 | 0x00AE | 0x2122 | 0x2139 | 0x2194..=0x21AA)
}

/// Characters that continue an emoji cluster.
fn is_emoji_continuation(c: char) -> bool {
    matches!(c as u32, 0xFE0E | 0xFE0F | 0x1F3FB..=0x1F3FF | 0x20E3 | 0xE0020..=0xE007F)
}

fn is_number_separator(c: char) -> bool {
    matches!(c, '.' | ',' | '٫' | '٬')
}

/// Characters a URL may not end with (they belong to the sentence).
pub(crate) fn is_url_trailing(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '\''
            | '"'
            | ')'
            | ']'
            | '}'
            | '،'
            | '؛'
            | '؟'
            | '»'
            | '”'
            | '’'
            | '…'
            | '\u{200C}'
    )
}

/// Characters that end a URL wherever they are. (Not ZWNJ: an address
/// made from a title typed with ه + ZWNJ for ە holds it in its path,
/// `…/201675-…-له‌-عه‌فرین`.)
fn ends_url(c: char) -> bool {
    c.is_whitespace() || matches!(c, '<' | '>' | '"' | '«' | '»' | '،' | '؛' | '\u{200F}' | '\u{200E}')
}

/// Which characters of U+0600–U+06FF continue an Arabic-script word
/// (letters and marks), by the low bits of their two UTF-8 bytes: the word
/// scanner's fast path needs no decoding.
static ARABIC_WORD_PART: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = matches!(ARABIC_CLASSES[i], Class::Arabic | Class::Mark);
        i += 1;
    }
    t
};

impl<'a> Tokens<'a> {
    fn char_at(&self, i: usize) -> Option<char> {
        self.text.get(i..).and_then(|s| s.chars().next())
    }

    /// End of a run of characters whose class satisfies `keep`, from `i`.
    fn run(&self, mut i: usize, keep: impl Fn(Class) -> bool) -> usize {
        while let Some(c) = self.char_at(i) {
            if !keep(class(c)) {
                break;
            }
            i += c.len_utf8();
        }
        i
    }

    /// End of an Arabic-script word starting at `i`.
    fn word_end(&self, mut i: usize) -> usize {
        let bytes = self.text.as_bytes();
        loop {
            // Fast path: two-byte letters of the Arabic block.
            while i + 1 < bytes.len() && (0xD8..=0xDB).contains(&bytes[i]) {
                let index = (((bytes[i] & 0x03) as usize) << 6) | (bytes[i + 1] & 0x3F) as usize;
                if !ARABIC_WORD_PART[index] {
                    break;
                }
                i += 2;
            }
            // ASCII (white space, punctuation, Latin) always ends the word.
            if bytes.get(i).is_none_or(|&b| b < 0x80) {
                return i;
            }
            let Some(c) = self.char_at(i) else { return i };
            match class(c) {
                Class::Arabic | Class::Mark => i += c.len_utf8(),
                _ if c == chars::TATWEEL => i += 2,
                Class::Joiner => {
                    // Inside a word only when a letter follows (after more joiners).
                    let mut j = i;
                    while let Some(n) = self.char_at(j).filter(|&n| n == ZWNJ || n == ZWJ) {
                        j += n.len_utf8();
                    }
                    match self.char_at(j) {
                        Some(n) if class(n) == Class::Arabic || n == chars::TATWEEL => i = j,
                        _ => return i,
                    }
                }
                _ => return i,
            }
        }
    }

    /// End of a number starting with the digit at `i`.
    fn number_end(&self, i: usize) -> usize {
        let mut end = self.run(i, |k| k == Class::Digit);
        while let Some(sep) = self.char_at(end).filter(|&c| is_number_separator(c)) {
            let after = end + sep.len_utf8();
            match self.char_at(after) {
                Some(d) if chars::is_digit(d) => end = self.run(after, |k| k == Class::Digit),
                _ => break,
            }
        }
        end
    }

    /// End of a Latin word starting at `i`.
    fn latin_end(&self, i: usize) -> usize {
        let mut end = self.run(i, |k| matches!(k, Class::Latin | Class::Mark | Class::Digit));
        // An apostrophe between letters (don't, l'eau).
        while let Some(q) = self.char_at(end).filter(|&c| c == '\'' || c == '’') {
            let after = end + q.len_utf8();
            match self.char_at(after) {
                Some(n) if class(n) == Class::Latin => {
                    end = self.run(after, |k| matches!(k, Class::Latin | Class::Mark | Class::Digit))
                }
                _ => break,
            }
        }
        end
    }

    /// The URL starting at `i`, if one does.
    fn url_end(&self, i: usize) -> Option<usize> {
        let rest = &self.text[i..];
        let mut cut = rest.len().min(8);
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let head = rest[..cut].to_ascii_lowercase();
        if !(head.starts_with("http://") || head.starts_with("https://") || head.starts_with("www.")) {
            return None;
        }
        let min = if head.starts_with("www.") { 4 } else { head.find("//").map_or(0, |p| p + 2) };
        let mut end = i;
        let mut open = 0i32;
        for (k, c) in rest.char_indices() {
            if ends_url(c) {
                break;
            }
            match c {
                '(' => open += 1,
                ')' => open -= 1,
                _ => {}
            }
            end = i + k + c.len_utf8();
        }
        // Trailing punctuation belongs to the sentence, except a closing
        // bracket opened inside the URL.
        while end > i + min {
            let c = self.text[..end].chars().next_back().expect("char");
            if c == ')' && open >= 0 {
                break;
            }
            if !is_url_trailing(c) {
                break;
            }
            if c == ')' {
                open += 1;
            }
            end -= c.len_utf8();
        }
        (end > i + min).then_some(end)
    }

    /// The email address starting at `i`, if one does.
    fn email_end(&mut self, i: usize) -> Option<usize> {
        if i < self.no_email_before {
            return None;
        }
        let bytes = self.text.as_bytes();
        let local = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-');
        let mut at = i;
        while at < bytes.len() && local(bytes[at]) {
            at += 1;
        }
        if at == i || at >= bytes.len() || bytes[at] != b'@' {
            self.no_email_before = at;
            return None;
        }
        let domain = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-');
        let mut end = at + 1;
        while end < bytes.len() && domain(bytes[end]) {
            end += 1;
        }
        while end > at + 1 && matches!(bytes[end - 1], b'.' | b'-') {
            end -= 1;
        }
        let host = &self.text[at + 1..end];
        let dot = host.rfind('.')?;
        (dot > 0 && host.len() - dot > 2 && bytes[at - 1] != b'.').then_some(end)
    }

    /// End of the tag after `#` or `@` at `i` (letters, digits, `_`, ZWNJ inside).
    fn tag_end(&self, i: usize) -> Option<usize> {
        let mut end = i + 1;
        loop {
            let Some(c) = self.char_at(end) else { break };
            match class(c) {
                Class::Arabic => end = self.word_end(end),
                Class::Latin | Class::Digit | Class::Mark => end += c.len_utf8(),
                _ if c == '_' => end += 1,
                _ => break,
            }
        }
        (end > i + 1).then_some(end)
    }

    fn emoji_end(&self, mut i: usize) -> usize {
        let first = self.char_at(i).expect("char");
        i += first.len_utf8();
        let regional = (0x1F1E6..=0x1F1FF).contains(&(first as u32));
        if regional {
            // A flag is a pair of regional indicators.
            if let Some(c) = self.char_at(i).filter(|&c| (0x1F1E6..=0x1F1FF).contains(&(c as u32))) {
                i += c.len_utf8();
            }
            return i;
        }
        while let Some(c) = self.char_at(i) {
            if is_emoji_continuation(c) {
                i += c.len_utf8();
            } else if c == ZWJ && self.char_at(i + 3).is_some_and(is_emoji) {
                i += 3;
                i += self.char_at(i).expect("char").len_utf8();
            } else {
                break;
            }
        }
        i
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let text = self.text;
        let bytes = text.as_bytes();
        // Skip the gap.
        let mut start = self.pos;
        let mut c;
        let first_class;
        loop {
            while start < bytes.len() && (bytes[start] == b' ' || bytes[start] == b'\t') {
                start += 1;
            }
            c = self.char_at(start)?;
            match class(c) {
                Class::Space => start += c.len_utf8(),
                // A joiner outside a word is part of the gap.
                Class::Joiner => start += c.len_utf8(),
                k => {
                    first_class = k;
                    break;
                }
            }
        }
        let (end, kind) = match first_class {
            Class::Arabic => (self.word_end(start), TokenKind::Word),
            Class::Digit => {
                if c.is_ascii_digit() {
                    if let Some(end) = self.email_end(start) {
                        return Some(self.emit(start, end, TokenKind::Email));
                    }
                }
                (self.number_end(start), TokenKind::Number)
            }
            Class::Latin => {
                if let Some(end) = self.url_end(start) {
                    (end, TokenKind::Url)
                } else if let Some(end) = self.email_end(start) {
                    (end, TokenKind::Email)
                } else {
                    (self.latin_end(start), TokenKind::Latin)
                }
            }
            Class::Punct => match c {
                '#' => self.tag_end(start).map_or((start + 1, TokenKind::Punctuation), |e| (e, TokenKind::Hashtag)),
                '@' => self.tag_end(start).map_or((start + 1, TokenKind::Punctuation), |e| (e, TokenKind::Mention)),
                _ => {
                    let mut end = start + c.len_utf8();
                    while self.char_at(end) == Some(c) {
                        end += c.len_utf8();
                    }
                    (end, TokenKind::Punctuation)
                }
            },
            Class::Emoji => (self.emoji_end(start), TokenKind::Emoji),
            // A mark with no letter before it, or another script.
            k => {
                let end = self.run(start + c.len_utf8(), |n| n == k || n == Class::Mark);
                (end, TokenKind::Other)
            }
        };
        Some(self.emit(start, end, kind))
    }
}

impl<'a> Tokens<'a> {
    fn emit(&mut self, start: usize, end: usize, kind: TokenKind) -> Token<'a> {
        self.pos = end;
        Token { text: &self.text[start..end], kind, start, end }
    }
}

impl std::iter::FusedIterator for Tokens<'_> {}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use TokenKind::*;

    fn tokens(text: &str) -> Vec<(&str, TokenKind)> {
        tokenize(text).map(|t| (t.text, t.kind)).collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[(&str, TokenKind)])] = &[
            ("", &[]),
            ("   \n\t", &[]),
            ("سڵاو دنیا", &[("سڵاو", Word), ("دنیا", Word)]),
            ("پێش\u{200C}کەوتن", &[("پێش\u{200C}کەوتن", Word)]),
            ("کورد\u{200C} ماڵ", &[("کورد", Word), ("ماڵ", Word)]),
            ("کِتێب", &[("کِتێب", Word)]),
            ("کـــورد", &[("کـــورد", Word)]),
            ("ساڵی ٢٠٢٤.", &[("ساڵی", Word), ("٢٠٢٤", Number), (".", Punctuation)]),
            (
                "٣٫٥ و 3.5 و 1,000,000",
                &[("٣٫٥", Number), ("و", Word), ("3.5", Number), ("و", Word), ("1,000,000", Number)],
            ),
            ("۱۲٬۵۰۰", &[("۱۲٬۵۰۰", Number)]),
            ("2024.", &[("2024", Number), (".", Punctuation)]),
            (
                "«سڵاو»، چۆنی؟",
                &[
                    ("«", Punctuation),
                    ("سڵاو", Word),
                    ("»", Punctuation),
                    ("،", Punctuation),
                    ("چۆنی", Word),
                    ("؟", Punctuation),
                ],
            ),
            ("چی...!!", &[("چی", Word), ("...", Punctuation), ("!!", Punctuation)]),
            (
                "https://example.com/a(b)c. تەواو",
                &[("https://example.com/a(b)c", Url), (".", Punctuation), ("تەواو", Word)],
            ),
            ("(www.kurdistan24.net)", &[("(", Punctuation), ("www.kurdistan24.net", Url), (")", Punctuation)]),
            (
                "http://a.b/له\u{200C}-عه\u{200C}فرین\u{200C} له",
                &[("http://a.b/له\u{200C}-عه\u{200C}فرین", Url), ("له", Word)],
            ),
            ("name.last@mail.example.org،", &[("name.last@mail.example.org", Email), ("،", Punctuation)]),
            // after a run of address characters with no `@`, an address is still found
            (
                "a+b+c x.y@mail.org",
                &[
                    ("a", Latin),
                    ("+", Punctuation),
                    ("b", Latin),
                    ("+", Punctuation),
                    ("c", Latin),
                    ("x.y@mail.org", Email),
                ],
            ),
            ("#کوردستان #news_24", &[("#کوردستان", Hashtag), ("#news_24", Hashtag)]),
            ("@sorani_nlp سڵاو", &[("@sorani_nlp", Mention), ("سڵاو", Word)]),
            ("# @", &[("#", Punctuation), ("@", Punctuation)]),
            ("👍🏽 🇮🇶 👨\u{200D}👩\u{200D}👧", &[("👍🏽", Emoji), ("🇮🇶", Emoji), ("👨\u{200D}👩\u{200D}👧", Emoji)]),
            ("Kurdistan don't", &[("Kurdistan", Latin), ("don't", Latin)]),
            ("COVID-19", &[("COVID", Latin), ("-", Punctuation), ("19", Number)]),
            ("café", &[("café", Latin)]),
            ("中文", &[("中文", Other)]),
            ("ژمارە3", &[("ژمارە", Word), ("3", Number)]),
            ("\u{200F}سڵاو\u{200C}", &[("سڵاو", Word)]),
            ("a\0b", &[("a", Latin), ("\0", Other), ("b", Latin)]),
            ("\u{0301}x", &[("\u{0301}", Other), ("x", Latin)]),
            ("$5", &[("$", Punctuation), ("5", Number)]),
        ];
        for &(input, expected) in cases {
            assert_eq!(tokens(input), expected, "input {input:?}");
        }
    }

    #[test]
    fn spans_index_the_input() {
        let text = "لە ٢٠٢٤دا، سڵاو!";
        for t in tokenize(text) {
            assert_eq!(&text[t.start..t.end], t.text);
        }
    }

    #[test]
    fn kinds_serialize_lowercase() {
        assert_eq!(serde_json::to_string(&Punctuation).unwrap(), "\"punctuation\"");
        assert_eq!(Url.as_str(), "url");
    }

    fn text_strategy() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "ک",
            "ە",
            "ی",
            "\u{200C}",
            "\u{200D}",
            "ـ",
            "\u{064E}",
            " ",
            "\n",
            "٣",
            "3",
            "۳",
            ".",
            ",",
            "٫",
            "٬",
            "a",
            "Z",
            "'",
            "@",
            "#",
            "_",
            "http://",
            "www.",
            "/",
            "(",
            ")",
            "🙂",
            "\u{1F3FD}",
            "🇮",
            "\u{FE0F}",
            "\u{0301}",
            "中",
            "!",
            "«",
            "\u{200F}",
            "\0",
        ]);
        prop::collection::vec(pieces, 0..30).prop_map(|v| v.concat())
    }

    fn check_reconstruction(text: &str) -> Result<(), TestCaseError> {
        let mut rebuilt = String::new();
        let mut last = 0;
        for t in tokenize(text) {
            prop_assert!(t.start >= last, "spans go back");
            prop_assert!(t.end > t.start, "empty token");
            prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            prop_assert_eq!(&text[t.start..t.end], t.text);
            let gap = &text[last..t.start];
            prop_assert!(gap.chars().all(|c| matches!(class(c), Class::Space | Class::Joiner)), "gap {:?}", gap);
            rebuilt.push_str(gap);
            rebuilt.push_str(t.text);
            last = t.end;
        }
        rebuilt.push_str(&text[last..]);
        prop_assert_eq!(rebuilt, text);
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1024))]
        #[test]
        fn tokens_and_gaps_rebuild_the_input(text in text_strategy()) {
            check_reconstruction(&text)?;
        }

        #[test]
        fn any_string(text in any::<String>()) {
            check_reconstruction(&text)?;
        }
    }
}
