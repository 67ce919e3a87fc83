//! The crate's one error type: text transforms are infallible, only loading
//! data and parsing options can fail.

use std::fmt;

/// What went wrong while loading data or parsing an option.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

/// The broad class of an [`Error`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// An option value that is not one of the accepted ones.
    InvalidOption,
    /// Embedded or user-supplied data that could not be read.
    InvalidData,
}

impl Error {
    /// A new error of `kind` with a human-readable `message`.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error { kind, message: message.into() }
    }

    /// The class of this error.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
}

/// Reads an option's value by its name: the value `names` pairs with
/// `value`, or an [`ErrorKind::InvalidOption`] error,
/// "unknown WHAT `VALUE` (LISTED)", where `listed` tells the accepted names.
pub(crate) fn option_named<T: Copy>(value: &str, names: &[(&str, T)], what: &str, listed: &str) -> Result<T, Error> {
    names.iter().find(|(name, _)| *name == value).map(|&(_, v)| v).ok_or_else(|| unknown_option(what, value, listed))
}

/// The error for an option `value` that is none of the names `listed`.
pub(crate) fn unknown_option(what: &str, value: &str, listed: &str) -> Error {
    Error::new(ErrorKind::InvalidOption, format!("unknown {what} `{value}` ({listed})"))
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}
