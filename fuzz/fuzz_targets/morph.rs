//! The morphological analyzer never panics on any word; every analysis's
//! morphemes rebuild the word with valid spans; stem and lemma are never empty
//! for a non-empty word.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(word) = std::str::from_utf8(data) else { return };
    let mut n = word.len().min(200);
    while !word.is_char_boundary(n) {
        n -= 1;
    }
    let word = &word[..n];
    for a in sorani::morph::analyze(word) {
        let mut at = 0;
        for m in &a.morphemes {
            assert_eq!(m.start, at);
            assert_eq!(&word[m.start..m.end], m.text);
            at = m.end;
        }
        assert_eq!(at, word.len());
    }
    let joined: String = sorani::morph::segment(word).iter().map(|m| m.text).collect();
    assert_eq!(joined, word);
    if !word.is_empty() {
        assert!(!sorani::morph::stem(word).is_empty());
        assert!(!sorani::morph::lemma(word).is_empty());
    }
    let _ = sorani::morph::has_known_stem(word);
    let _ = sorani::morph::is_stopword(word);
});
