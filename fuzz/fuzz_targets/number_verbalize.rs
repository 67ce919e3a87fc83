//! `sorani::number::verbalize` on any text: no panic, untouched when
//! borrowed, and the output is never empty for a non-empty input.
#![no_main]

use std::borrow::Cow;

use libfuzzer_sys::fuzz_target;
use sorani::number::{verbalize, verbalize_with, MonthNames, Options, OrdinalStyle};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let out = verbalize(text);
    if let Cow::Borrowed(b) = &out {
        assert_eq!(*b, text);
    }
    assert!(text.is_empty() || !out.is_empty());
    let opts = Options { months: MonthNames::KurdishSolar, ordinal: OrdinalStyle::Attributive, ..Options::default() };
    let _ = verbalize_with(text, &opts);
});
