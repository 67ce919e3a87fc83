//! IPA and syllables of any text never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        let _ = sorani::translit::to_ipa(s);
        let _ = sorani::translit::syllables(s);
    }
});
