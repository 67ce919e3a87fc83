#![no_main]
//! Restoration of arbitrary text in every convention and mode: no panic, and
//! every reported change points at the original bytes.

use libfuzzer_sys::fuzz_target;
use sorani::restore::{Convention, RestoreMode, RestoreOptions, Restorer};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let auto = Restorer::new();
    let _ = auto.restore(text);
    let always = Restorer::with_options(RestoreOptions { mode: RestoreMode::Always, from: None });
    let _ = always.restore_explained(text);
    for conv in [Convention::LegacyKeyboard, Convention::ArabicKeyboard, Convention::PersianKeyboard] {
        let out = auto.restore_as(text, conv);
        for ch in &out.changes {
            assert_eq!(&text[ch.start..ch.end], ch.original);
        }
    }
});
