//! Latin → Arabic script never panics, read as typed or as plain Latin
//! (each word spelt as the lexicon knows it), and Arabic → Latin → Arabic
//! of its output does not either.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sorani::translit::{ArabicOptions, PlainLatin, Transliterator};

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        let arabic = sorani::translit::to_arabic(s);
        let latin = sorani::translit::to_latin(&arabic);
        let _ = sorani::translit::to_arabic(&latin);
        let plain =
            Transliterator::new().with_arabic(ArabicOptions { plain: PlainLatin::Always, ..Default::default() });
        let _ = plain.to_arabic(s);
    }
});
