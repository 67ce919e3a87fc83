//! Tokens never panic, lie on char boundaries in increasing order, and with
//! the gaps between them rebuild the input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut rebuilt = String::with_capacity(text.len());
    let mut last = 0;
    for t in sorani::tokenize::tokenize(text) {
        assert!(t.start >= last && t.end > t.start);
        assert_eq!(&text[t.start..t.end], t.text);
        assert!(text[last..t.start].chars().all(|c| c.is_whitespace() || !c.is_alphanumeric()));
        rebuilt.push_str(&text[last..t.start]);
        rebuilt.push_str(t.text);
        last = t.end;
    }
    rebuilt.push_str(&text[last..]);
    assert_eq!(rebuilt, text);
});
