//! `sorani::number::words_to_digits` and `parse_words` on any text: no panic;
//! a parsed whole number reads back to the same value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sorani::number::{cardinal, parse_words, words_to_digits};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = words_to_digits(text);
    if let Some(p) = parse_words(text) {
        if p.ordinal.is_none() && p.fraction.is_none() {
            let again = parse_words(&cardinal(p.value)).map(|q| q.value);
            assert_eq!(again, Some(p.value), "{text:?}");
        }
    }
});
