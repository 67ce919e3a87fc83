#![no_main]
//! Convention detection on arbitrary text: no panic, confidence in [0, 1].

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let d = sorani::restore::detect(text);
    assert!((0.0..=1.0).contains(&d.confidence));
});
