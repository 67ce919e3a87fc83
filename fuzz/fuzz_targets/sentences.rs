//! Sentence spans never panic, increase, lie on char boundaries, are trimmed,
//! and leave only white space between them.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut last = 0;
    for r in sorani::sentence::sentence_spans(text) {
        assert!(r.start >= last && r.end > r.start);
        let s = &text[r.clone()];
        assert_eq!(s, s.trim());
        assert!(text[last..r.start].trim().is_empty());
        last = r.end;
    }
    assert!(text[last..].trim().is_empty());
});
