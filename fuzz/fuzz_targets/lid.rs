//! Fuzzes language identification and segmentation with arbitrary text:
//! `cargo +nightly fuzz run lid` (from `fuzz/`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let prediction = sorani::lid::identify(&text);
    assert!((0.0..=1.0).contains(&prediction.confidence));
    let mut end = 0;
    for segment in sorani::lid::segments(&text) {
        assert!(segment.start >= end && segment.start < segment.end && segment.end <= text.len());
        assert!(text.is_char_boundary(segment.start) && text.is_char_boundary(segment.end));
        end = segment.end;
    }
    // A model read from arbitrary bytes is refused cleanly or works.
    if let Ok(identifier) = sorani::lid::Identifier::from_bytes(data) {
        let _ = identifier.identify("ئەمە تاقیکردنەوەیە");
    }
});
