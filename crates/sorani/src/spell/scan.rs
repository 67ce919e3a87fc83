//! A fast, allocation-free scanner that finds the words a spell checker looks
//! at, with byte spans into the input.
//!
//! Text is cut at white space into chunks. A chunk that looks like a URL, an
//! e-mail address, a hashtag or a mention is skipped whole. Inside a chunk,
//! runs of Arabic-script letters (with ZWNJ, tatweel and harakat inside) are
//! words; runs of Latin letters, digits and everything else are kept apart.
//! A letter run glued to digits or Latin letters (`3ەم`, `٢٠٢٢دا`, `COVIDـی`)
//! is not a plain word and is marked [`Kind::Attached`]: the checker leaves it
//! alone.

use super::model::ZWNJ;

/// What a scanned piece of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Arabic-script letters only.
    Word,
    /// Arabic-script letters glued to digits or Latin letters.
    Attached,
    /// Digits (any digit system) with their separators.
    Number,
    /// Latin letters.
    Latin,
}

/// One scanned piece: `text[start..end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Piece<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Only white space separates this piece from the previous one (no
    /// punctuation), so a split word could span both.
    pub spaced_from_prev: bool,
}

/// Whether `c` belongs inside an Arabic-script word.
pub(crate) fn is_word_char(c: char) -> bool {
    matches!(c,
        '\u{0620}'..='\u{064A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{066E}'..='\u{06D3}'
        | '\u{06D5}'
        | '\u{06EE}'..='\u{06EF}'
        | '\u{06FA}'..='\u{06FC}'
        | '\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | ZWNJ
    )
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || (c.is_alphabetic() && (c as u32) < 0x0590)
}

/// Iterator over the pieces of a text.
#[derive(Debug, Clone)]
pub(crate) struct Scanner<'a> {
    text: &'a str,
    pos: usize,
    /// End of the current white-space-delimited chunk.
    chunk_end: usize,
    /// Whether the current chunk is a plain chunk (not a URL etc.).
    chunk_plain: bool,
    /// End of the last piece returned.
    last_end: Option<usize>,
}

impl<'a> Scanner<'a> {
    pub fn new(text: &'a str) -> Self {
        Scanner { text, pos: 0, chunk_end: 0, chunk_plain: true, last_end: None }
    }

    /// Starts a new chunk at `self.pos` (which is not white space).
    fn open_chunk(&mut self) {
        let rest = &self.text[self.pos..];
        let len = rest.find(char::is_whitespace).unwrap_or(rest.len());
        self.chunk_end = self.pos + len;
        let chunk = &rest[..len];
        self.chunk_plain = !(chunk.contains("://")
            || chunk.starts_with("www.")
            || chunk.contains('@')
            || chunk.starts_with('#')
            || chunk.contains(".com")
            || chunk.contains(".org"));
    }
}

impl<'a> Iterator for Scanner<'a> {
    type Item = Piece<'a>;

    fn next(&mut self) -> Option<Piece<'a>> {
        let bytes = self.text.as_bytes();
        loop {
            if self.pos >= self.chunk_end {
                // skip white space to the next chunk
                while self.pos < bytes.len() {
                    let c = self.text[self.pos..].chars().next()?;
                    if !c.is_whitespace() {
                        break;
                    }
                    self.pos += c.len_utf8();
                }
                if self.pos >= bytes.len() {
                    return None;
                }
                self.open_chunk();
                if !self.chunk_plain {
                    self.pos = self.chunk_end;
                    self.last_end = None;
                    continue;
                }
            }
            let start = self.pos;
            let chunk = &self.text[start..self.chunk_end];
            let mut chars = chunk.char_indices();
            let (_, first) = chars.next()?;
            let class = |c: char| {
                if is_word_char(c) {
                    0u8
                } else if is_digit(c) {
                    1
                } else if is_latin(c) {
                    2
                } else {
                    3
                }
            };
            let first_class = class(first);
            let mut len = chunk.len();
            for (i, c) in chars {
                let k = class(c);
                // digits keep their inner separators: 3.5, ٢٬٠٠٠
                let number_sep = first_class == 1 && matches!(c, '.' | ',' | '٫' | '٬' | '/' | ':');
                if k != first_class && !number_sep {
                    len = i;
                    break;
                }
            }
            let end = start + len;
            self.pos = end;
            let glued_before = start > 0 && {
                let prev = self.text[..start].chars().next_back().unwrap_or(' ');
                is_digit(prev) || is_latin(prev)
            };
            let glued_after = self.text[end..].chars().next().is_some_and(|c| is_digit(c) || is_latin(c));
            let kind = match first_class {
                0 if glued_before || glued_after => Kind::Attached,
                0 => Kind::Word,
                1 => Kind::Number,
                2 => Kind::Latin,
                _ => {
                    // punctuation or symbols: not a piece, breaks word pairs
                    self.last_end = None;
                    continue;
                }
            };
            let spaced = self.last_end.is_some_and(|last| {
                let gap = &self.text[last..start];
                !gap.is_empty() && gap.chars().all(char::is_whitespace)
            });
            self.last_end = Some(end);
            return Some(Piece { text: &self.text[start..end], start, end, kind, spaced_from_prev: spaced });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<(&str, Kind, bool)> {
        Scanner::new(text).map(|p| (p.text, p.kind, p.spaced_from_prev)).collect()
    }

    #[test]
    fn words_numbers_latin_and_links() {
        let got = pieces("ئەم کتێبە، 3ەم لە ٢٠٢٢دا Kurdish https://x.org/ئەو");
        assert_eq!(
            got,
            vec![
                ("ئەم", Kind::Word, false),
                ("کتێبە", Kind::Word, true),
                ("3", Kind::Number, false),
                ("ەم", Kind::Attached, false),
                ("لە", Kind::Word, true),
                ("٢٠٢٢", Kind::Number, true),
                ("دا", Kind::Attached, false),
                ("Kurdish", Kind::Latin, true),
            ]
        );
    }

    #[test]
    fn spans_point_into_the_input() {
        let text = " «نەت توانی» ٣.٥ ";
        for p in Scanner::new(text) {
            assert_eq!(&text[p.start..p.end], p.text);
        }
        let got = pieces(text);
        assert_eq!(got[0], ("نەت", Kind::Word, false));
        assert_eq!(got[1], ("توانی", Kind::Word, true));
        assert_eq!(got[2], ("٣.٥", Kind::Number, false));
    }

    #[test]
    fn zwnj_stays_inside_a_word() {
        let got = pieces("په\u{200C}یوه\u{200C}ندی");
        assert_eq!(got.len(), 1);
    }
}
