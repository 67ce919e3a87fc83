#![no_main]
//! Restoration of arbitrary text in every convention and mode: no panic,
//! every reported change points at the original bytes, the lines the screen
//! vouches for are lines restoration leaves as they are, and restoring lines
//! at once is restoring them one by one.

use libfuzzer_sys::fuzz_target;
use sorani::restore::{Convention, RestoreMode, RestoreOptions, Restorer};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let auto = Restorer::new();
    let _ = auto.restore(text);
    let unchanged = auto.unchanged_lines(text);
    assert!(unchanged == text.len() || unchanged == 0 || text.as_bytes()[unchanged - 1] == b'\n');
    for line in text[..unchanged].split_inclusive('\n') {
        let line = line.strip_suffix('\n').unwrap_or(line);
        assert_eq!(auto.restore(line), line);
    }
    let by_line: String = text
        .split_inclusive('\n')
        .map(|raw| {
            let line = raw.strip_suffix('\n').map_or(raw, |l| l.strip_suffix('\r').unwrap_or(l));
            format!("{}{}", auto.restore(line), &raw[line.len()..])
        })
        .collect();
    assert_eq!(auto.restore_lines(text), by_line);
    let always = Restorer::with_options(RestoreOptions { mode: RestoreMode::Always, from: None });
    let _ = always.restore_explained(text);
    for conv in [Convention::LegacyKeyboard, Convention::ArabicKeyboard, Convention::PersianKeyboard] {
        let out = auto.restore_as(text, conv);
        for ch in &out.changes {
            assert_eq!(&text[ch.start..ch.end], ch.original);
        }
    }
});
