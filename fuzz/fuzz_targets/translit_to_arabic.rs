//! Latin → Arabic script never panics, and Arabic → Latin → Arabic of its
//! output does not either.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        let arabic = sorani::translit::to_arabic(s);
        let latin = sorani::translit::to_latin(&arabic);
        let _ = sorani::translit::to_arabic(&latin);
    }
});
