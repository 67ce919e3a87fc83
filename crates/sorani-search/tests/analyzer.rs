//! The Sorani analyzer: table-driven cases and properties.

use proptest::prelude::*;
use sorani_search::analysis::{self, CKB, CKB_KEY, CKB_STEM};

fn terms(name: &str, text: &str) -> Vec<String> {
    analysis::analyze(name, text).expect("known analyzer").into_iter().map(|t| t.term).collect()
}

#[test]
fn keyboard_variants_share_keys() {
    // (standard spelling, variant typed on a legacy / Arabic / Persian keyboard)
    let cases = [
        ("کوردستان", "كوردستان"),
        ("ماڵەکە", "ماڵه\u{200C}که"),
        ("هەولێر", "ههولێر"),
        ("ئەردۆغان", "ئهردوغان"),
        ("پوتین", "پووتین"),
        ("وڵاتەکەیان", "ولاتەکەیان"),
        ("خۆش", "خوش"),
        ("گەنج", "كەنج"),
        ("نەورۆز", "نهورۆز"),
    ];
    for (standard, variant) in cases {
        let (a, b) = (terms(CKB_KEY, standard), terms(CKB_KEY, variant));
        assert!(
            a.iter().any(|k| b.contains(k)),
            "ckb_key should share a key for {standard:?} {a:?} and {variant:?} {b:?}"
        );
    }
}

#[test]
fn stem_conflates_noun_forms() {
    let forms = ["کتێبەکان", "کتێبەکە", "کتێبێک", "کتێب"];
    let stems: Vec<Vec<String>> = forms.iter().map(|f| terms(CKB_STEM, f)).collect();
    for (f, s) in forms.iter().zip(&stems) {
        assert_eq!(s, &stems[3], "stem of {f:?}");
    }
}

#[test]
fn stopwords_dropped_only_by_ckb_stem() {
    assert_eq!(terms(CKB, "لە ماڵ"), vec!["لە", "ماڵ"]);
    assert_eq!(terms(CKB_STEM, "لە ماڵ"), vec!["ماڵ"]);
    let positions: Vec<usize> = analysis::analyze(CKB_STEM, "ماڵ و باخ").unwrap().iter().map(|t| t.position).collect();
    assert_eq!(positions, vec![0, 2], "a dropped stopword leaves a position gap");
}

#[test]
fn offsets_highlight_original_characters() {
    let text = "«ههولێر» و كوردستان\u{200C}ی ٢٠٢٤";
    let toks = analysis::analyze(CKB_STEM, text).unwrap();
    let originals: Vec<&str> = toks.iter().map(|t| &text[t.start..t.end]).collect();
    assert_eq!(originals, vec!["ههولێر", "كوردستان\u{200C}ی", "٢٠٢٤"]);
    assert_eq!(toks[2].term, "2024");
}

#[test]
fn lucene_baseline_is_registered_and_differs() {
    assert_eq!(terms(analysis::BASELINE_LUCENE, "كتێبەکان"), vec!["کتێب"]);
    // tantivy's default splits at ZWNJ and does not fold letters
    assert_eq!(terms(analysis::BASELINE_DEFAULT, "ده\u{200C}ست"), vec!["ده", "ست"]);
}

#[test]
fn stacked_keys_share_their_word_span() {
    // A presentation-form ligature whose stem key and word key differ.
    let toks = analysis::analyze(CKB_KEY, "\u{FC88}").unwrap();
    assert!(toks.len() >= 2, "{toks:?}");
    assert!(toks.iter().all(|t| (t.start, t.end) == (0, "\u{FC88}".len())), "{toks:?}");
}

proptest! {
    #[test]
    fn no_panic_and_spans_valid(text in "\\PC{0,80}") {
        for name in [CKB, CKB_STEM, CKB_KEY, analysis::BASELINE_LUCENE] {
            let toks = analysis::analyze(name, &text).unwrap();
            // Tokens come in text order; ckb_key may stack a second key (of
            // the whole word beside that of its stem) on the same span.
            let mut last_start = 0;
            for t in &toks {
                prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
                prop_assert!(t.start >= last_start && t.end > t.start);
                prop_assert_eq!(&text[t.start..t.end], t.original.as_str());
                prop_assert!(!t.term.is_empty());
                last_start = t.start;
            }
        }
    }

    #[test]
    fn sorani_text_no_panic(text in "[ئابپتجچحخدرڕزژسشعغفڤقکگلڵمنوۆهەیێ ي ك ة ھ\u{200C}\u{064E}ـ٠-٩،.]{0,60}") {
        let a = analysis::analyze(CKB_KEY, &text).unwrap();
        for t in a { prop_assert!(!t.term.is_empty()); }
    }

    #[test]
    fn key_is_idempotent(word in "[ئابپتجچحخدرڕزژسشعغفڤقکگلڵمنوۆهەیێ]{1,12}") {
        let k = analysis::phonetic_key(&word);
        prop_assert_eq!(analysis::phonetic_key(&k), k.clone());
    }
}
