//! Fuzzes the spell checker with arbitrary text: `cargo +nightly fuzz run spell`
//! (from `fuzz/`). Findings must be ordered, non-overlapping spans on char
//! boundaries that name the text they cover; suggestions and fixes must not panic.
//! Judged as restored, a span may be found twice (typing and spelling), and
//! the corrections applied must not overlap.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let speller = sorani::spell::Speller::embedded();
    let mut end = 0;
    for f in speller.check(&text) {
        assert!(f.start >= end && f.start < f.end && f.end <= text.len());
        assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        assert_eq!(&text[f.start..f.end], f.word);
        for s in &f.suggestions {
            assert!((0.0..=1.0001).contains(&s.score));
        }
        end = f.end;
    }
    let _ = speller.fix(&text);
    let _ = speller.fix_explained(&text);
    let restorer = sorani::restore::Restorer::new();
    let mut last = (0, 0);
    for f in speller.check_as_restored(&text, &restorer) {
        assert!((f.start, f.end) >= last && f.start < f.end && f.end <= text.len());
        assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        assert_eq!(&text[f.start..f.end], f.word);
        last = (f.start, f.end);
    }
    let mut end = 0;
    for c in speller.fix_explained_as_restored(&text, &restorer).iter().filter(|c| c.applied) {
        assert!(c.finding.start >= end);
        end = c.finding.end;
    }
    let _ = speller.fix_as_restored(&text, &restorer);
    for word in text.split_whitespace().take(4) {
        let _ = speller.suggest(word);
    }
});
