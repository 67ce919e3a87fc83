//! Unit and property tests of the number module (the golden suite is in
//! `crates/sorani/tests/number_golden.rs`).

use super::*;
use proptest::prelude::*;

#[test]
fn borrowed_when_nothing_to_read() {
    for text in ["", "سڵاو", "هیچ ژمارەیەک نییە", "ABC def", "٪ بێ ژمارە"] {
        assert!(matches!(verbalize(text), Cow::Borrowed(_)), "{text:?} should come back borrowed");
        assert!(matches!(words_to_digits("ئەمە دەقە"), Cow::Borrowed(_)));
    }
}

#[test]
fn every_digit_of_a_long_token_is_judged_by_the_token() {
    // a URL keeps all its digits, however many; numbers glued to words in
    // one long token are each read (the URL test runs once per token)
    let url = format!("https://example.com/{}", "id1/".repeat(2000));
    assert_eq!(verbalize(&format!("سەردانی {url} بکە")), format!("سەردانی {url} بکە"));
    let glued = "ماڵ2،".repeat(2000);
    assert_eq!(verbalize(&glued), "ماڵ دوو،".repeat(2000));
}

#[test]
fn number_words_typed_on_other_keyboards_are_read() {
    // our own phrases: a legacy keyboard (ە as ه, ک as ك), an Arabic-keyboard
    // letter in a standard line, ھ for ه; the rest of the text stays as typed
    for (typed, digits) in [
        ("سێ سهد و بیست و پێنج كهس", "٣٢٥ كهس"),
        ("ههزار و نۆسهد و ههشتا", "١٩٨٠"),
        ("جۆری دووهم", "جۆری ٢ەم"),
        ("يەکەم ڕۆژ", "١ەم ڕۆژ"),
        ("ساڵی یەک ھەزار و نۆسەد و ھەشتا و پێنج", "ساڵی ١٩٨٥"),
        ("له دهی ئازاری دوو ههزار و بیست و دوودا", "له ١٠/٠٣/٢٠٢٢دا"),
    ] {
        assert_eq!(words_to_digits(typed), digits, "{typed}");
    }
    // where the two readings differ, the one that reads more wins: on a
    // Persian keyboard سی is 30 in سی و چوار (restored, سێ and چوار are
    // two numbers)
    assert_eq!(words_to_digits("g سی و چوار سفر bw"), "g ٣٤ ٠ bw");
}

#[test]
fn restored_offsets_fall_outside_changed_words() {
    let typed = "ئهو سهد كهسه";
    let restored = crate::restore::Restorer::new().restore_explained(typed);
    assert!(!restored.changes.is_empty(), "{restored:?}");
    let offsets = crate::restore::TypedOffsets::new(typed, &restored).expect("restoration changes whole words only");
    let (r, t) = (restored.text.as_ref(), typed);
    // each word's edges map to the typed word's edges; inside a changed word, nothing
    let edges = |s: &str| {
        let mut e = vec![0];
        e.extend(s.match_indices(' ').flat_map(|(i, _)| [i, i + 1]));
        e.push(s.len());
        e
    };
    let mapped: Vec<Option<usize>> = edges(r).into_iter().map(|at| offsets.typed(at)).collect();
    assert_eq!(mapped, edges(t).into_iter().map(Some).collect::<Vec<_>>());
    assert_eq!(offsets.typed(r.find('س').unwrap() + 2), None);
}

proptest! {
    #[test]
    fn verbalize_never_panics(s in "\\PC{0,40}") {
        let _ = verbalize(&s);
        let _ = verbalize_with(&s, &Options { months: MonthNames::KurdishSolar, ..Options::default() });
    }

    #[test]
    fn numeric_soup_never_panics(s in "[0-9٠-٩۰-۹ .,/:٫٬%٪$+\\-–½ەمیدا]{0,30}") {
        let out = verbalize(&s);
        let _ = words_to_digits(&out);
    }

    #[test]
    fn words_to_digits_never_panics(s in "\\PC{0,40}") {
        let _ = words_to_digits(&s);
        let _ = parse_words(&s);
    }

    #[test]
    fn cardinal_round_trip(n in 0u64..=1_000_000_000_000_000u64) {
        let words = cardinal(n);
        let parsed = parse_words(&words);
        prop_assert_eq!(parsed.map(|p| p.value), Some(n as i128), "{}", words);
        let digits = words_to_digits_with(&words, &Options { digits: DigitSystem::Ascii, ..Options::default() });
        prop_assert_eq!(digits.as_ref(), n.to_string());
    }

    #[test]
    fn ordinal_round_trip(n in 1u64..=1_000_000_000u64) {
        let words = ordinal(n);
        let parsed = parse_words(&words).expect("an ordinal parses");
        prop_assert_eq!(parsed.value, n as i128);
        prop_assert!(parsed.ordinal.is_some());
    }

    #[test]
    fn digits_to_words_to_digits(n in 0u64..=1_000_000_000_000_000u64) {
        let text = format!("ژمارە {n} بوو");
        let words = verbalize(&text);
        let back = words_to_digits_with(&words, &Options { digits: DigitSystem::Ascii, ..Options::default() });
        prop_assert_eq!(back.as_ref(), text.as_str());
    }
}

#[test]
fn options_parse_from_the_command_line_names() {
    assert_eq!("ascii".parse::<DigitSystem>().unwrap(), DigitSystem::Ascii);
    assert_eq!("arabic".parse::<DigitSystem>().unwrap(), DigitSystem::ArabicIndic);
    assert_eq!("kurdish".parse::<MonthNames>().unwrap(), MonthNames::KurdishSolar);
    assert_eq!("attributive".parse::<OrdinalStyle>().unwrap(), OrdinalStyle::Attributive);
    let err = "roman".parse::<DigitSystem>().unwrap_err();
    assert!(err.to_string().contains("arabic, ascii, persian"), "{err}");
    assert!("julian".parse::<MonthNames>().is_err());
    assert!("cardinal".parse::<OrdinalStyle>().is_err());
}
