#![no_main]
//! Restoration of arbitrary text in every convention and mode: no panic,
//! every reported change points at the original bytes, the lines the screen
//! vouches for are lines restoration leaves as they are, and restoring lines
//! at once is restoring them one by one, each in its own detected convention
//! but for the Arabic- or Persian-keyboard lines of a legacy-keyboard
//! document (read as legacy), of a legacy-font document (read in its font,
//! with its lines in another language whose decoding is not Arabic or
//! Persian) or of a mostly standard one (left as typed), lines in another
//! language left as typed with no say in the legacy and standard rules, and its
//! explanation lists those very changes, and the lines it marks as in
//! another language are such lines, as typed; each word of a change is
//! placed on bytes of the text it replaced.

use libfuzzer_sys::fuzz_target;
use sorani::restore::{
    font, kurdish_convention, Convention, Font, Placement, RestoreMode, RestoreOptions, Restorer, LEGACY_MAJORITY,
};

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
    let lines: Vec<(&str, &str)> = text
        .split_inclusive('\n')
        .map(|raw| {
            let line = raw.strip_suffix('\n').map_or(raw, |l| l.strip_suffix('\r').unwrap_or(l));
            (line, &raw[line.len()..])
        })
        .collect();
    // (None: a line in another language, left as typed, with no vote)
    let detected: Vec<Option<Convention>> = lines.iter().map(|(line, _)| kurdish_convention(line)).collect();
    let count = |wanted: &[Convention]| detected.iter().filter(|d| d.is_some_and(|d| wanted.contains(&d))).count();
    let keyboards = [Convention::ArabicKeyboard, Convention::PersianKeyboard];
    let others = count(&keyboards);
    let legacy_document = others > 0 && count(&[Convention::LegacyKeyboard]) >= LEGACY_MAJORITY * others;
    let arabic_script = lines.iter().filter(|(l, _)| l.chars().any(sorani::chars::in_arabic_block)).count();
    let foreign = detected.iter().filter(|d| d.is_none()).count();
    let non_standard = detected.len() - foreign - count(&[Convention::Standard]);
    // the font most lines are detected in (the first of Font::ALL on a tie)
    let mut font_lines: Option<(Font, usize)> = None;
    for f in Font::ALL {
        let n = count(&[Convention::LegacyFont(f)]);
        if n > font_lines.map_or(0, |(_, most)| most) {
            font_lines = Some((f, n));
        }
    }
    let document_font = font_lines
        .filter(|&(_, n)| !legacy_document && others + foreign > 0 && n >= 2 && n >= others + foreign)
        .map(|(f, _)| f);
    let decoded_foreign =
        |line: &str, f: Font| matches!(sorani::lid::identify(&font::decode(line, f)).language, "arb" | "fas");
    let standard_document = !legacy_document
        && document_font.is_none()
        && arabic_script.saturating_sub(non_standard + foreign) >= non_standard;
    let by_line: Vec<String> = lines
        .iter()
        .zip(&detected)
        .map(|((line, _), d)| match (d, document_font) {
            (Some(d), _) if legacy_document && keyboards.contains(d) => {
                auto.restore_as(line, Convention::LegacyKeyboard).text.into_owned()
            }
            (Some(d), Some(f)) if keyboards.contains(d) => {
                auto.restore_as(line, Convention::LegacyFont(f)).text.into_owned()
            }
            (None, Some(f)) if !decoded_foreign(line, f) => {
                auto.restore_as(line, Convention::LegacyFont(f)).text.into_owned()
            }
            (Some(d), _) if standard_document && keyboards.contains(d) => line.to_string(),
            _ => auto.restore(line).into_owned(),
        })
        .collect();
    let join = |restored: &[String]| -> String {
        restored.iter().zip(&lines).map(|(r, (_, ending))| format!("{r}{ending}")).collect()
    };
    assert_eq!(auto.restore_lines(text), join(&by_line));
    // the lines marked as in another language are, in order, whole lines
    // of the output that were so detected and are left as typed
    let (restored, marked) = auto.restore_lines_marking_foreign(text);
    assert_eq!(restored, auto.restore_lines(text));
    let mut candidates = lines.iter().zip(&detected).filter(|(_, d)| d.is_none()).map(|((line, _), _)| *line);
    for range in &marked {
        let line = &restored[range.clone()];
        assert!(range.start == 0 || restored.as_bytes()[range.start - 1] == b'\n');
        assert!(candidates.any(|l| l == line), "{line:?} is no line in another language");
    }
    let mut explained: Vec<String> = lines.iter().map(|(line, _)| line.to_string()).collect();
    for (index, restored) in auto.restore_lines_explained(text) {
        explained[index] = restored.text.into_owned();
    }
    assert_eq!(explained, by_line);
    let always = Restorer::with_options(RestoreOptions { mode: RestoreMode::Always, from: None });
    let _ = always.restore_explained(text);
    for conv in [Convention::LegacyKeyboard, Convention::ArabicKeyboard, Convention::PersianKeyboard] {
        let out = auto.restore_as(text, conv);
        for ch in &out.changes {
            assert_eq!(&text[ch.start..ch.end], ch.original);
            // each word of the replacement is placed on bytes of what it replaced
            let mut placement = Placement::new(&ch.original, &ch.replacement);
            for word in ch.replacement.split_whitespace() {
                let at = word.as_ptr() as usize - ch.replacement.as_ptr() as usize;
                let (start, end) = placement.written_span(at, at + word.len());
                assert!(start <= end && end <= ch.original.len());
                assert!(ch.original.is_char_boundary(start) && ch.original.is_char_boundary(end));
            }
        }
    }
});
