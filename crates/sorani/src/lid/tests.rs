//! Unit tests of the identifier.

use proptest::prelude::*;

use super::*;

const GOLDEN: &str = include_str!("../../../../tests/golden/lid.tsv");

/// (expected label, text, label the model is known to give instead).
fn golden() -> Vec<(&'static str, &'static str, Option<&'static str>)> {
    GOLDEN
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| {
            let mut fields = line.split('\t');
            let label = fields.next().expect("a label");
            let text = fields.next().unwrap_or("");
            let miss = fields.next().and_then(|f| f.strip_prefix("miss:"));
            (label, text, miss)
        })
        .collect()
}

#[test]
fn golden_sentences() {
    let cases = golden();
    assert!(cases.len() >= 30, "golden file too small: {}", cases.len());
    let mut failures = Vec::new();
    for (label, text, miss) in &cases {
        let got = identify(text);
        let want = miss.unwrap_or(label);
        if got.label != want {
            failures.push(format!("{text:?}: expected {want}, got {} ({:.3})", got.label, got.confidence));
        }
    }
    assert!(failures.is_empty(), "golden mismatches:\n{}", failures.join("\n"));
    let misses = cases.iter().filter(|c| c.2.is_some()).count();
    assert!(misses * 5 < cases.len(), "more than a fifth of the golden cases are known misses ({misses})");
}

#[test]
fn undetermined_inputs() {
    for (text, script) in [
        ("", "Zyyy"),
        ("   ", "Zyyy"),
        ("12345 !!! ٣٤٥ ؟", "Zyyy"),
        ("Привет, как дела?", "Cyrl"),
        ("שלום עולם", "Hebr"),
    ] {
        let p = identify(text);
        assert_eq!((p.label, p.language, p.script), ("und", "und", script), "for {text:?}");
        assert!(!p.is_determined());
    }
}

#[test]
fn addresses_are_not_read_as_language() {
    for text in ["https://www.example.net/Details.aspx?jimare=32268", "www.example.org/ckb", "name.surname@example.com"]
    {
        let p = identify(text);
        assert_eq!((p.label, p.script), ("und", "Zyyy"), "for {text:?}: {p:?}");
    }
    // A Sorani sentence with a long link and a mention, which were read as Zazaki.
    const LINK: &str = "https://www.example.net/ckb/story/201656/some-long-english-title-for-the-story";
    let text = &format!("@newsdesk بۆ زانیاری زیاتر سەردانی {LINK} ماڵپەڕەکەمان بکەن");
    let p = identify(text);
    assert_eq!(p.label, "ckb-Arab", "{p:?}");
    // The addresses weigh nothing: the same as the text without them.
    let bare = text.replace("@newsdesk", " ").replace(LINK, " ");
    assert_eq!(p.confidence, identify(&bare).confidence);
    let runs = segments(text);
    assert_eq!(runs.len(), 1, "{runs:?}");
    assert_eq!(runs[0].prediction.label, "ckb-Arab");
}

#[test]
fn labels_carry_language_and_script() {
    for (text, label, language, script) in [
        ("ئەمڕۆ هاوڕێکانم هاتنە ماڵەوە و پێکەوە نانمان خوارد", "ckb-Arab", "ckb", "Arab"),
        ("این کتاب را دیروز از کتابفروشی خریدم", "fas-Arab", "fas", "Arab"),
        ("ذهبت إلى المدرسة في الصباح الباكر", "arb-Arab", "arb", "Arab"),
        ("Dün akşam eve geç geldim ve hemen uyudum", "tur-Latn", "tur", "Latn"),
    ] {
        let p = identify(text);
        assert_eq!((p.label, p.language, p.script), (label, language, script), "for {text:?}: {p:?}");
        assert!(p.confidence > 0.5 && p.confidence <= 1.0, "confidence {} for {text:?}", p.confidence);
    }
}

#[test]
fn keyboard_typed_central_kurdish_stays_central_kurdish() {
    // One sentence, written standard and as typed on Persian and Arabic keyboards.
    for text in [
        "ئێمە هەموومان بە یەکەوە بۆ ڕێپێوانەکە ڕۆیشتین",
        "ئیمه هه‌موومان به یه‌که‌وه بو ریپیوانه‌که رویشتین",
        "ئيمه ههموومان به يهكهوه بو ريپيوانهكه رويشتين",
    ] {
        assert_eq!(identify(text).language, "ckb", "for {text:?}: {:?}", identify(text));
    }
}

#[test]
fn threshold_turns_weak_answers_into_und() {
    let identifier = Identifier::embedded();
    let text = "و";
    let loose = identifier.identify_with(text, &Options { threshold: 0.0, ..Options::default() });
    assert_ne!(loose.label, "und", "threshold 0 always names a label");
    let strict = identifier.identify_with(text, &Options { threshold: 1.0, ..Options::default() });
    if strict.confidence < 1.0 {
        assert_eq!(strict.label, "und");
        assert!(!strict.alternatives.is_empty(), "und keeps the ranked labels as alternatives");
    }
}

#[test]
fn only_restricts_the_candidates() {
    let identifier = Identifier::embedded();
    let text = "باران دەبارێت";
    let only = Options { only: vec!["fas".into(), "arb".into()], threshold: 0.0, ..Options::default() };
    let p = identifier.identify_with(text, &only);
    assert!(["fas-Arab", "arb-Arab"].contains(&p.label), "{p:?}");
    for alternative in &p.alternatives {
        assert!(["fas-Arab", "arb-Arab"].contains(&alternative.label), "{p:?}");
    }
    assert!(Options { only: vec!["xyz".into()], ..Options::default() }.validate().is_err());
    assert!(Options { threshold: 1.5, ..Options::default() }.validate().is_err());
    assert!(Options { only: vec!["kmr".into(), "ckb-Latn".into()], ..Options::default() }.validate().is_ok());
}

#[test]
fn alternatives_are_ranked_probabilities() {
    for (_, text, _) in golden() {
        let p = identify(text);
        let mut previous = p.confidence;
        let mut total = p.confidence;
        for alternative in &p.alternatives {
            assert!(alternative.confidence <= previous + 1e-6, "unsorted alternatives for {text:?}: {p:?}");
            assert_ne!(alternative.label, p.label, "the label repeats among alternatives: {p:?}");
            previous = alternative.confidence;
            total += alternative.confidence;
        }
        if p.is_determined() {
            assert!(total <= 1.0 + 1e-4, "probabilities sum to {total} for {text:?}");
        }
    }
}

#[test]
fn english_heuristic() {
    assert_eq!(identify("This is a short note about the weather in the mountains.").label, "eng-Latn");
    for short in ["hello world", "Good morning!", "thanks"] {
        assert_eq!(identify(short).label, "eng-Latn", "{short}");
    }
    // Kurmanji and Zazaki are never English, whatever their function words.
    assert_ne!(identify("Ez ê sibê herim bajêr û li wir bimînim.").label, "eng-Latn");
}

#[test]
fn model_round_trips_and_rejects_damage() {
    let identifier = Identifier::embedded();
    let bytes = identifier.model().to_bytes();
    let again = Identifier::from_bytes(&bytes).expect("a model reads back");
    assert_eq!(again.model().to_bytes(), bytes);
    let text = "ئەمە تاقیکردنەوەیە";
    assert_eq!(again.identify(text), identifier.identify(text));
    for damaged in [&bytes[..10], &bytes[..bytes.len() - 1], b"NOPE and more bytes here".as_slice()] {
        let err = Identifier::from_bytes(damaged).expect_err("damaged model");
        assert_eq!(err.kind(), crate::error::ErrorKind::InvalidData);
    }
}

#[test]
fn identifier_is_shareable() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Identifier>();
    assert_send_sync::<Prediction>();
}

#[test]
fn predictions_serialize() {
    let json = serde_json::to_value(identify("ئەمڕۆ هاوڕێکانم هاتنە ماڵەوە")).expect("serializes");
    for key in ["label", "language", "script", "confidence", "alternatives"] {
        assert!(json.get(key).is_some(), "missing {key} in {json}");
    }
}

#[test]
fn segments_split_a_mixed_document() {
    let ckb = "ئەمڕۆ هاوڕێکانم هاتنە ماڵەوە و پێکەوە نانمان خوارد و دواتر چووینە بازاڕ بۆ کڕینی جل و بەرگ.";
    let fas = "این کتاب را دیروز از کتابفروشی خریدم و امروز صبح تا ظهر آن را خواندم.";
    let tur = "Dün akşam eve geç geldim ve hemen uyudum çünkü çok yorgundum.";
    let text = format!("{ckb} {fas}\n{tur}");
    let segments = segments(&text);
    let labels: Vec<&str> = segments.iter().map(|s| s.prediction.label).collect();
    assert_eq!(labels, ["ckb-Arab", "fas-Arab", "tur-Latn"], "{segments:?}");
    assert_eq!(&text[segments[0].start..segments[0].end], ckb);
    assert_eq!(&text[segments[1].start..segments[1].end], fas);
    assert_eq!(&text[segments[2].start..segments[2].end], tur);
    assert!(super::segments("").is_empty());
    assert!(super::segments(" \n\t ").is_empty());
    assert_eq!(super::segments(ckb).len(), 1);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn identify_never_panics(text in "\\PC{0,80}") {
        let p = identify(&text);
        prop_assert!((0.0..=1.0).contains(&p.confidence));
        prop_assert!(p.alternatives.len() <= 4);
    }

    #[test]
    fn identify_handles_mixed_scripts(text in "[ a-zçêîûşەۆئابپتجچحخدرڕزژسشعغفڤقکگلڵمنوهیێ0-9\u{200c}.,!؟،]{0,60}") {
        let p = identify(&text);
        prop_assert!((0.0..=1.0).contains(&p.confidence));
        prop_assert!(p.label == "und" || LABELS.iter().any(|info| info.label == p.label));
    }

    #[test]
    fn segments_are_ordered_spans_on_char_boundaries(text in "[ a-zêşەۆئابپتدرزسکلمنوهیێ\n]{0,80}") {
        let found = segments(&text);
        let mut end = 0;
        for segment in &found {
            prop_assert!(segment.start >= end && segment.start < segment.end && segment.end <= text.len());
            prop_assert!(text.is_char_boundary(segment.start) && text.is_char_boundary(segment.end));
            prop_assert!(!text[segment.start..segment.end].starts_with(char::is_whitespace));
            end = segment.end;
        }
        // Every non-space character belongs to a segment.
        for (at, c) in text.char_indices() {
            if !c.is_whitespace() {
                prop_assert!(found.iter().any(|s| at >= s.start && at < s.end), "char at {} outside segments", at);
            }
        }
    }
}

#[test]
fn letters_of_other_alphabets_outweigh_the_model_only_when_they_are_common() {
    // One quoted Urdu word in a long Sorani text leaves it Sorani.
    let p = identify(
        "ئەمڕۆ هاوڕێکانم هاتنە ماڵەوە و باسی وشەی «ہے» و زۆر شتی تریان کرد لە کۆبوونەوەکەدا، \
         پاشان هەموومان پێکەوە نانمان خوارد و تا درەنگانێکی شەو قسەمان کرد",
    );
    assert_eq!(p.label, "ckb-Arab");
    // A candidate list without the letter-given label keeps the model's answer.
    let only = Options { only: vec!["fas".into(), "arb".into()], ..Options::default() };
    let p = Identifier::embedded().identify_with("یہ کتاب میرے دوست نے مجھے دی تھی", &only);
    assert_eq!(p.label, "fas-Arab");
    // The letters alone decide one word.
    assert_eq!(identify("ڪتاب").label, "snd-Arab");
    // Uyghur writes ە and ئ as Kurdish does; its ۇ ۈ ڭ tell it apart.
    assert_eq!(identify("مەن ئۈرۈمچىدە ياشايمەن").label, "uig-Arab");
    assert_eq!(identify("ئۇلارنىڭ ئۆيى").label, "uig-Arab");
}

#[test]
fn sorani_words_decide_when_the_model_hesitates() {
    let text = "ئەوان زیاتر باسی سیاسەتیان دەکرد .";
    let model_alone = Options { sorani_words: false, ..Options::default() };
    let p = Identifier::embedded().identify_with(text, &model_alone);
    assert_eq!(p.label, "und", "the model alone hesitates: {p:?}");
    assert!(p.alternatives.iter().any(|a| a.label == "ckb-Arab" && a.confidence >= 0.2));
    let p = identify(text);
    assert_eq!(p.label, "ckb-Arab");
    assert!(p.confidence > 0.5);
    // Persian and Arabic are not the model's hesitations the words settle.
    assert_eq!(identify("این کتاب را دیروز از کتابفروشی خریدم").label, "fas-Arab");
}

#[test]
fn gorani_vowel_signs_mark_gorani() {
    // The same words read as Sorani without the signs and as Gorani with them.
    assert_eq!(identify("ماڵی تازە").label, "ckb-Arab");
    assert_eq!(identify("ماڵیٛ تازە").label, "hac-Arab");
    assert_eq!(identify("دوٙستەکەم هات").label, "hac-Arab");
    // One marked word quoted in a long Sorani text leaves it Sorani.
    let p = identify(
        "کتێبەکان لە ماڵەوە بوون و ئێمە هەموومان پێکەوە خوێندمانەوە، بەڵام «دوٙست» نەهات و \
         دواتر هەموومان چووینە بازاڕ بۆ کڕینی شتی تر و تا درەنگانێکی شەو لەوێ ماینەوە",
    );
    assert_eq!(p.label, "ckb-Arab", "{p:?}");
    // A candidate list without Gorani keeps the model's answer.
    let only = Options { only: vec!["ckb".into(), "sdh".into()], ..Options::default() };
    assert_eq!(Identifier::embedded().identify_with("ماڵیٛ تازە", &only).language, "ckb");
}

#[test]
fn label_indices_name_their_labels() {
    for (index, label) in [
        (labels::CENTRAL_KURDISH_ARAB, "ckb-Arab"),
        (labels::GORANI, "hac-Arab"),
        (labels::ENGLISH, "eng-Latn"),
        (labels::URDU, "urd-Arab"),
        (labels::SINDHI, "snd-Arab"),
        (labels::KASHMIRI, "kas-Arab"),
        (labels::PASHTO, "pus-Arab"),
        (labels::UYGHUR, "uig-Arab"),
    ] {
        assert_eq!(LABELS[index].label, label);
    }
}
