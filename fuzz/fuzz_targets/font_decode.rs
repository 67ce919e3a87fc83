#![no_main]
//! Legacy font decoding of arbitrary text with every font: no panic.

use libfuzzer_sys::fuzz_target;
use sorani::restore::font::{decode, detect_font, Font};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for font in Font::ALL {
        let _ = decode(text, font);
    }
    let _ = detect_font(text);
});
