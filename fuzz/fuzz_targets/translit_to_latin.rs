//! Arabic script → Latin never panics, nor does reading its output again.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        let latin = sorani::translit::to_latin(s);
        let _ = sorani::translit::to_latin(&latin);
    }
});
