//! Tokens with kinds and byte spans into the input.
//!
//! PLACEHOLDER until the foundation issue lands: the signatures below are the
//! contract other modules build on; the body is a plain whitespace split.

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
pub fn tokenize(text: &str) -> impl Iterator<Item = Token<'_>> {
    text.split_whitespace().map(move |w| {
        let start = w.as_ptr() as usize - text.as_ptr() as usize;
        Token { text: w, kind: TokenKind::Word, start, end: start + w.len() }
    })
}
