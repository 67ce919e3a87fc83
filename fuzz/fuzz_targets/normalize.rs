//! Normalization never panics, is idempotent, borrows unchanged text, and its
//! offset map stays inside the input, for every preset.
#![no_main]

use std::borrow::Cow;

use libfuzzer_sys::fuzz_target;
use sorani::normalize::{Digits, HLetter, NormalizeOptions, Normalizer};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let presets = [
        NormalizeOptions::standard(),
        NormalizeOptions::search(),
        NormalizeOptions::standard().keep_harakat(true),
        NormalizeOptions::standard().h_letter(HLetter::Doachashmee).digits(Digits::Persian),
    ];
    for options in presets {
        let n = Normalizer::new(options);
        let once = n.normalize(text);
        if let Cow::Owned(ref s) = once {
            assert_ne!(s, text, "an unchanged text must be borrowed");
        }
        let twice = n.normalize(&once);
        assert_eq!(twice, once, "not idempotent");
        let with = n.normalize_with_offsets(text);
        assert_eq!(with.text, once);
        let mut last = 0;
        for (i, _) in with.text.char_indices() {
            let o = with.map.to_original(i);
            assert!(o >= last && o <= text.len() && text.is_char_boundary(o));
            last = o;
        }
    }
});
