//! Unit tests of the speller over a small hand-written lexicon (our own
//! words and counts, not taken from any corpus).

use super::*;

fn speller() -> Speller {
    // counts scaled to a corpus of a few million words, as a real lexicon has
    let entries = [
        ("ئەم", 9000u64),
        ("ئەو", 9000),
        ("لە", 12000),
        ("بە", 9000),
        ("و", 15000),
        ("کتێب", 400),
        ("کتێبە", 60),
        ("خۆش", 500),
        ("خوێندن", 300),
        ("دەستان", 80),
        ("دەست", 900),
        ("بێت", 700),
        ("بیت", 3),
        ("ماڵ", 800),
        ("ماڵەکە", 200),
        ("سەرۆک", 700),
        ("سەرۆکایەتی", 250),
        ("کۆمار", 300),
        ("نەتوانی", 90),
        ("توانی", 150),
        ("زۆر", 3000),
        ("باش", 1200),
        ("شار", 900),
        ("گەڕان", 150),
        ("ڕۆژ", 1000),
        ("هاتن", 400),
        ("بوون", 600),
        ("لەگەڵ", 2000),
        ("خەڵک", 800),
        ("خەڵکی", 700),
        ("دەکەم", 150),
        ("کەم", 300),
    ];
    Speller::from_counts(entries.into_iter().map(|(w, c)| (w, c * 100)))
}

#[test]
fn known_words_and_non_words_pass() {
    let s = speller();
    for text in ["ئەم کتێبە زۆر باش", "لە 2024 و ٣.٥ Kurdish", "https://ckb.example.org/ڕۆژ", "ماڵەکەیان"]
    {
        assert_eq!(s.check(text), vec![], "{text} should have no finding");
    }
}

#[test]
fn each_error_class_gets_the_right_word_first() {
    let s = speller();
    let cases = [
        // (written, intended, class)
        ("خوش", "خۆش", "keyboard confusion و/ۆ"),
        ("مال", "ماڵ", "keyboard confusion ل/ڵ"),
        ("ڕوژ", "ڕۆژ", "keyboard confusion و/ۆ after ڕ"),
        // a plain word-initial ر is the writer's accepted convention: kept
        ("روژ", "رۆژ", "keyboard confusion و/ۆ, initial ر kept"),
        ("سهرۆكایهتی", "سەرۆکایەتی", "legacy ه for ە and Arabic kaf"),
        ("دستان", "دەستان", "dropped vowel ە"),
        ("بوووون", "بوون", "doubled vowel"),
        ("کتبێ", "کتێب", "transposition"),
        ("زۆرباش", "زۆر باش", "merged words"),
        ("لەگەڵخەڵک", "لەگەڵ خەڵک", "merged words"),
    ];
    for (written, intended, class) in cases {
        let got = s.suggest(written);
        assert_eq!(
            got.first().map(|g| g.word.as_str()),
            Some(intended),
            "{class}: {written} → {intended}, got {got:?}"
        );
    }
}

#[test]
fn split_words_are_joined() {
    let s = speller();
    // an unknown fragment joined with its neighbour
    let found = s.check("ئەو نەت وانی");
    assert_eq!(found.len(), 1, "{found:?}");
    let text = "ئەو نەت وانی";
    let f = &found[0];
    assert_eq!(&text[f.start..f.end], "نەت وانی");
    assert_eq!(f.suggestions[0].word, "نەتوانی", "{found:?}");
    // a bound morpheme written apart
    let text = "ئەم ماڵ ەکە";
    let found = s.check(text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].suggestions[0].word, "ماڵەکە");
}

#[test]
fn scores_are_probabilities_in_order() {
    let s = speller();
    for word in ["خوش", "کتبێ", "زۆرباش", "قخعغ"] {
        let got = s.suggest(word);
        let sum: f32 = got.iter().map(|g| g.score).sum();
        assert!(sum <= 1.0001, "{word}: scores sum to {sum}");
        assert!(got.windows(2).all(|w| w[0].score >= w[1].score), "{word}: not sorted {got:?}");
    }
}

#[test]
fn remembered_corrections_are_the_corrections() {
    let s = speller();
    for word in ["خوش", "کتبێ", "زۆرباش", "قخعغ"] {
        let fresh = s.find_corrections(word);
        let first = s.corrections(word).to_vec();
        let again = s.corrections(word).to_vec();
        let texts = |c: &[Candidate]| c.iter().map(|c| (c.text.clone(), c.log.to_bits())).collect::<Vec<_>>();
        assert!(!fresh.is_empty() || word == "قخعغ", "{word}: no corrections");
        assert_eq!(texts(&first), texts(&fresh), "{word}");
        assert_eq!(texts(&again), texts(&fresh), "{word}: remembered list differs");
    }
}

#[test]
fn unknown_plausible_words_are_warnings_and_never_fixed() {
    let s = speller();
    // a name-like word with no close lexicon word
    let text = "ئەم ئەردۆغان";
    let found = s.check(text);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].severity, Severity::Warning, "{found:?}");
    assert_eq!(s.fix(text), text);
}

#[test]
fn fix_applies_only_confident_corrections() {
    let s = speller();
    assert_eq!(s.fix("ئەم کتێبە زۆر خوش"), "ئەم کتێبە زۆر خۆش");
    assert_eq!(s.fix("لەگەڵخەڵک"), "لەگەڵ خەڵک");
    let text = "ئەم کتێبە باش";
    assert!(matches!(s.fix(text), Cow::Borrowed(_)), "nothing to fix must borrow");
    // numbers and Latin words are never touched
    assert_eq!(s.fix("Xosh 123 ١٢٣"), "Xosh 123 ١٢٣");
}

/// An error finding of the whole of `word` whose one suggestion, `best`,
/// is far enough ahead to apply but for the rules that leave it.
fn confident_finding(word: &str, best: &str) -> Finding {
    Finding {
        start: 0,
        end: word.len(),
        word: word.into(),
        severity: Severity::Error,
        kind: FindingKind::Spelling,
        suggestions: vec![Suggestion { word: best.into(), score: 0.99, cost: 0.4 }],
    }
}

#[test]
fn fix_leaves_other_inflections_and_words_the_grammar_reads() {
    let s = SpellerBuilder::new()
        .morphology(|w| {
            if matches!(w, "ببە" | "بێکێشە" | "حکومت") {
                Support::Inflected
            } else {
                Support::None
            }
        })
        .build([("بە", 90_000u64), ("ڕیمۆت", 400), ("ببە", 22), ("بێکێشە", 20)]);
    // confident, but another inflection of the same stem, or a word the
    // analyzer reads ("be!", "fine" with a ZWNJ), or the ezafe after a word in ی
    for (word, best) in [("ڕیمۆتی", "ڕیمۆت"), ("ببە", "بە"), ("بێ\u{200C}کێشە", "بکێشە"), ("کلینیکیی", "کلینیکی")]
    {
        let (applied, reason) = s.decide(&confident_finding(word, best));
        assert!(!applied, "{word} → {best}: {reason}");
    }
    // a letter typed twice at the end, or a wrong letter, is mended, and so
    // is a word the analyzer reads that no corpus lists
    for (word, best) in [("هێنامانن", "هێنامان"), ("ڕیمۆد", "ڕیمۆت"), ("حکومت", "حکومەت")]
    {
        let (applied, reason) = s.decide(&confident_finding(word, best));
        assert!(applied, "{word} → {best}: {reason}");
    }
}

#[test]
fn a_word_the_grammar_reads_is_not_joined_into_a_rarer_merge() {
    let s = SpellerBuilder::new()
        .morphology(|w| if matches!(w, "ببە" | "بیر") { Support::Inflected } else { Support::None })
        .build([
            ("و", 3_900_000u64),
            ("بە", 1_168),
            ("تۆ", 218),
            ("ببە", 22),
            ("تۆببە", 10),
            ("بیر", 300),
            ("بیرە", 10),
        ]);
    // ببە "be!" is outranked by بە, but it is not half of the corpus merge
    // تۆببە: the finding is the word alone, left to the writer by --fix
    // (counts as the embedded lexicon has them, in a total of some 4M)
    let findings = s.check("تۆ ببە");
    assert_eq!(findings.iter().map(|f| f.word.as_str()).collect::<Vec<_>>(), ["ببە"]);
    assert_eq!(s.fix("تۆ ببە"), "تۆ ببە");
    // an ending written apart still joins its word, however rare the whole
    assert_eq!(s.check("بیر ە")[0].suggestions[0].word, "بیرە");
}

#[test]
fn words_typed_on_a_keyboard_without_ae_are_mended_apart_not_joined() {
    // counts as the embedded lexicon has them (a total of some 4M)
    let s = SpellerBuilder::new().build([
        ("و", 3_900_000u64),
        ("سەر", 1_098),
        ("هۆی", 900),
        ("بە", 1_168),
        ("بەهۆی", 300),
        ("خستووەتە", 30),
        ("خستووەتەسەر", 10),
    ]);
    // legacy text: ە typed as ه in both words, or in one beside a word
    // that has no ە; written correctly, neither pair is a split word
    assert_eq!(s.fix("خستووهته سهر"), "خستووەتە سەر");
    assert_eq!(s.fix("به هۆی"), "بە هۆی");
    // a word-list entry is meant as one word
    assert_eq!(s.check_entry("خستووهته سهر").unwrap()[0].word, "خستووەتەسەر");
    // a word split in legacy text is still joined
    assert_eq!(s.check("خستووهتهس هر")[0].suggestions[0].word, "خستووەتەسەر");
}

#[test]
fn fix_joins_words_but_leaves_a_join_that_rewrites_words_the_grammar_reads() {
    let s = SpellerBuilder::new()
        .morphology(|w| {
            if matches!(w, "فێر" | "ببی" | "کۆ" | "بوونەوە") {
                Support::Inflected
            } else {
                Support::None
            }
        })
        .build([("و", 1_000_000u64), ("فێر", 400), ("فێرببێ", 100), ("کۆبوونەوە", 900)]);
    // ببی "(that) you become" made ببێ "(that) he becomes" as well as joined
    let (applied, reason) = s.decide(&confident_finding("فێر ببی", "فێرببێ"));
    assert!(!applied && reason.contains("rewrites"), "{reason}");
    // a join alone is made, and so is one that mends a word no reading has
    for (written, best) in [("کۆ بوونەوە", "کۆبوونەوە"), ("فێر ببیی", "فێرببێ")] {
        let (applied, reason) = s.decide(&confident_finding(written, best));
        assert!(applied, "{written} → {best}: {reason}");
    }
}

#[test]
fn an_accepted_word_that_looks_like_a_merge_is_still_suggested() {
    // counts as the embedded lexicon has them: دەبوو is rarer than both
    // دە and بوو, as a corpus merge is, but the grammar reads it
    let s = SpellerBuilder::new()
        .morphology(|w| if matches!(w, "دەبوو" | "بوو") { Support::Inflected } else { Support::None })
        .build([("و", 3_900_000u64), ("دە", 2_000), ("بوو", 5_000), ("دەبوو", 42), ("دبوو", 10)]);
    assert!(s.is_correct("دەبوو"));
    assert_eq!(s.suggest("دهبوو")[0].word, "دەبوو");
}

#[test]
fn parts_a_zero_width_non_joiner_keeps_apart_are_judged_apart() {
    let s = SpellerBuilder::new().build([("و", 1_000_000u64), ("بێ", 900), ("کێشە", 500), ("منداڵ", 800)]);
    assert!(s.is_correct("بێ\u{200C}کێشە"));
    assert!(s.is_correct("منداڵ\u{200C}بێ\u{200C}کێشە"));
    // every part must be right
    assert!(!s.is_correct("بێ\u{200C}کیشا"));
}

#[test]
fn applying_the_explained_corrections_gives_the_fix() {
    let s = speller();
    for text in ["زۆر خوش", "ئەم کتێبە زۆر باش", "روژ و مال", "زۆرباش و خوش"] {
        assert_eq!(s.apply(text, &s.fix_explained(text)), s.fix(text), "{text}");
    }
}

#[test]
fn explanations_name_the_edit() {
    let s = speller();
    let corrections = s.fix_explained("زۆر خوش");
    assert_eq!(corrections.len(), 1);
    let c = &corrections[0];
    assert!(c.applied, "{c:?}");
    assert_eq!(c.edits, vec![Edit::Replace { typed: 'و', intended: 'ۆ', class: "keyboard" }]);
}

#[test]
fn marks_do_not_make_a_word_wrong() {
    let s = speller();
    assert!(s.is_correct("خۆ\u{200C}ش"));
    assert!(s.is_correct("خۆــش"));
}

#[test]
fn word_list_entries_get_a_verdict_each() {
    let s = speller();
    assert_eq!(s.check_entry("کتێب"), None);
    assert_eq!(s.check_entry(" خۆش "), None, "surrounding space is not part of the entry");
    let one = s.check_entry("خوش").expect("a misspelt word is flagged");
    assert_eq!(one[0].word, "خۆش");
    // an entry of two words is checked as text: correct words pass …
    assert_eq!(s.check_entry("لە شار"), None);
    // … and a word split apart is joined, the suggestion being the whole entry
    let split = s.check_entry("زۆر سەرۆ کایەتی").expect("a split word is flagged");
    assert_eq!(split[0].word, "زۆر سەرۆکایەتی");
    // an entry is meant as one word: two known words that join into a far
    // likelier word are a split there, though not in running text
    let s = Speller::from_counts([
        ("بەر", 5_000u64),
        ("دەوام", 100),
        ("بەردەوام", 1_000),
        ("لە", 90_000),
        ("گەڵ", 150),
        ("لەگەڵ", 20_000),
        ("و", 1_000_000),
    ]);
    assert_eq!(s.check_entry("بەر دەوام").expect("flagged")[0].word, "بەردەوام");
    assert_eq!(s.check("بەر دەوام"), vec![]);
    // … after a free function word too (لە گەڵ, which running text leaves)
    assert_eq!(s.check_entry("لە گەڵ").expect("flagged")[0].word, "لەگەڵ");
    assert_eq!(s.check("لە گەڵ"), vec![]);
    // in running text a join rarer than both its words is not offered (a
    // name a corpus once ran together)
    let s = Speller::from_counts([("جۆ", 50u64), ("بایدن", 300), ("جۆبایدن", 20), ("و", 1_000_000)]);
    assert_eq!(s.check("جۆ بایدن"), vec![]);
    // no word begins with ڵ, even when a corpus lists the fragment
    let s = Speller::from_counts([("بەڵام", 90_000u64), ("ڵام", 2_000), ("بە", 90_000)]);
    assert_eq!(s.check_entry("بە ڵام").expect("flagged")[0].word, "بەڵام");
}

#[test]
fn endings_after_numbers_and_quotes_are_not_errors() {
    let s = speller();
    // an ezafe or clitic cannot join a number or a quotation, so it stands alone
    for text in ["ماڵ 7 ی شار", "«کتێب» ی زۆر باش", "COVID ی"] {
        assert_eq!(s.check(text), vec![], "{text}");
    }
    // after a word it should have been joined: still a finding
    assert!(!s.check("خۆش ی").is_empty());
}

#[test]
fn analyzed_words_must_beat_their_corrections() {
    // an analyzer that reads every word ending in ەکان as an inflection
    let s = SpellerBuilder::new().analyzer(|w| w.ends_with("ەکان")).build([
        ("کتێبەکان", 90_000u64),
        ("ماڵ", 80_000),
        ("شارەکان", 5),
    ]);
    // analysed and without a likelier neighbour: accepted
    assert!(s.is_correct("ماڵەکان"));
    // analysed, but one keyboard slip away from a far more frequent word: rejected
    assert!(!s.is_correct("کتیبەکان"));
    assert_eq!(s.suggest("کتیبەکان")[0].word, "کتێبەکان");
}

#[test]
fn a_misspelt_stem_under_an_ending_is_mended() {
    // the lexicon has the stem but not this form of it
    let s = Speller::from_counts([("کۆرۆنا", 5_000u64), ("و", 1_000_000)]);
    let got = s.suggest("کۆرناوە");
    assert!(got.iter().take(5).any(|g| g.word == "کۆرۆناوە"), "{got:?}");
}

#[test]
fn unlisted_inflections_are_suggested_through_the_analyzer() {
    let s = SpellerBuilder::new()
        .morphology(|w| if w == "ماڵەکانمان" { Support::Inflected } else { Support::None })
        .build([("ماڵ", 80_000u64), ("ماڵەکان", 40_000)]);
    let got = s.suggest("مالەکانمان");
    assert_eq!(got.first().map(|s| s.word.as_str()), Some("ماڵەکانمان"), "{got:?}");
    let got = s.suggest("ماڵةکانمان");
    assert_eq!(got.first().map(|s| s.word.as_str()), Some("ماڵەکانمان"), "{got:?}");
}

#[test]
fn an_unlisted_inflection_gets_its_glide_back() {
    // پەنابەری "asylum" + ەکە + ی: standard spelling writes the glide ی
    // (counts as in a lexicon of four million words)
    let s = SpellerBuilder::new()
        .morphology(|w| if w == "پەنابەرییەکەی" { Support::Inflected } else { Support::None })
        .build([("و", 4_000_000u64), ("پەنابەر", 40), ("پەنابەرەکە", 10), ("پەنابەری", 20)]);
    let got = s.suggest("پەنابەریەکەی");
    assert_eq!(got.first().map(|s| s.word.as_str()), Some("پەنابەرییەکەی"), "{got:?}");
    // the ی of ژیان is no vowel before a suffix: no glide is put in
    assert!(!glide_left_out(&"ژیان".chars().collect::<Vec<_>>(), 1));
    assert!(!glide_left_out(&"لەژیان".chars().collect::<Vec<_>>(), 3));
}

#[test]
fn prepositions_run_together_are_merges_but_their_clitics_are_not() {
    let s = Speller::from_counts([
        ("لە", 90_000u64),
        ("لەسەر", 20_000),
        ("سەریان", 3_000),
        ("لەسەریان", 20),
        ("شارەکە", 3_000),
        ("لەشارەکە", 20),
    ]);
    // لەسەر is a preposition of its own and یان its clitic: not لە run
    // together with سەریان, nor two words run together
    assert!(!s.merged_free("لەسەریان", 20));
    assert!(!s.merged_junk("لەسەریان", 20));
    // لە + a word far more frequent alone: written apart in standard spelling
    assert!(!s.is_correct("لەشارەکە"));
    assert_eq!(s.suggest("لەشارەکە")[0].word, "لە شارەکە");
}

#[test]
fn a_trusted_word_that_begins_like_a_preposition_takes_endings() {
    let s = Speller::from_counts([
        ("بە", 90_000u64),
        ("لە", 90_000),
        ("هێز", 300),
        ("هێزی", 2_000),
        ("بەهێز", 400),
        ("بەهێزی", 20),
        ("هەرێم", 3_000),
        ("لەهەرێم", 200),
        ("لەهەرێمەکە", 20),
        ("هەرێمەکە", 2_000),
    ]);
    // بەهێز "strong" is a word of its own: بەهێزی is it + ezafe, not بە
    // run together with هێزی
    assert!(!s.merged_free("بەهێزی", 20));
    // لەهەرێم is trusted only as a merge (هەرێم alone is far more
    // frequent), so لەهەرێمەکە stays لە run together with هەرێمەکە
    assert!(s.merged_free("لەهەرێمەکە", 20));
}

#[test]
fn contractions_take_the_plural_and_demonstrative_but_not_a_pronoun() {
    assert!(free_with_clitics("لەوان"));
    assert!(free_with_clitics("بەمە"));
    // بەمن is بە من run together, not بەم + an ending
    assert!(!free_with_clitics("بەمن"));
}

#[test]
fn a_trusted_word_in_i_takes_the_ezafe() {
    let s = Speller::from_counts([("ئینگلیزی", 300u64), ("ئەوەی", 3_000), ("یاسایی", 300)]);
    assert!(s.ezafe_after_trusted("ئینگلیزیی"));
    // the glide of ئەوەی and a third ی are no ezafe after î
    assert!(!s.ezafe_after_trusted("ئەوەیی"));
    assert!(!s.ezafe_after_trusted("یاساییی"));
}

#[test]
fn lexicalized_joined_words_are_accepted() {
    // conjunctions and adverbs once written as two words (کە + واتە, هەر +
    // وا) that no source lists as words
    let s = Speller::embedded();
    for word in ["کەواتە", "کەچی", "هەروا", "هەرکات", "بەسوود", "تاکە", "هی", "هەروەکو", "شیعر"]
    {
        assert!(s.is_correct(word), "{word}");
    }
    assert!(!s.is_correct("کەژمارەی"));
}

#[test]
fn speller_is_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Speller>();
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn text() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just("ئ"),
                Just("ە"),
                Just("ی"),
                Just("ێ"),
                Just("و"),
                Just("ۆ"),
                Just("ل"),
                Just("ڵ"),
                Just("ک"),
                Just("ك"),
                Just("ه"),
                Just("\u{200C}"),
                Just(" "),
                Just("."),
                Just("3"),
                Just("a"),
                Just("٣"),
                Just("«"),
                Just("ب"),
                Just("ر"),
                Just("ڕ"),
                Just("\n"),
                Just("ـ"),
            ],
            0..40,
        )
        .prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn check_never_panics_and_spans_are_valid(t in text()) {
            let s = speller();
            let mut last = 0;
            for f in s.check(&t) {
                prop_assert!(f.start >= last && f.start < f.end && f.end <= t.len());
                prop_assert_eq!(&t[f.start..f.end], f.word.as_str());
                last = f.end;
            }
        }

        #[test]
        fn fix_is_stable_on_fixed_text(t in text()) {
            let s = speller();
            let once = s.fix(&t).into_owned();
            let _ = s.fix(&once);
            let _ = s.suggest(&t);
        }

        #[test]
        fn as_restored_spans_are_the_typed_words_and_fixes_are_apart(t in text()) {
            let (s, r) = (speller(), crate::restore::Restorer::new());
            let mut last = (0, 0);
            for f in s.check_as_restored(&t, &r) {
                prop_assert!((f.start, f.end) >= last && f.start < f.end && f.end <= t.len());
                prop_assert_eq!(&t[f.start..f.end], f.word.as_str());
                last = (f.start, f.end);
            }
            let mut end = 0;
            for c in s.fix_explained_as_restored(&t, &r).iter().filter(|c| c.applied) {
                prop_assert!(c.finding.start >= end, "applied corrections overlap");
                end = c.finding.end;
            }
            let _ = s.fix_as_restored(&t, &r);
        }

        #[test]
        fn any_string_is_safe(t in ".{0,30}") {
            let s = speller();
            let _ = s.check(&t);
            let _ = s.suggest(&t);
            let _ = s.fix(&t);
        }
    }
}

#[test]
fn heh_doachashmee_is_another_way_to_write_h() {
    let s = speller();
    // ھ for the /h/ of هاتن is an encoding variant: accepted
    assert!(s.is_correct("ھاتن"));
    // ھ for the vowel ە of سەرۆک is a keyboard confusion: flagged, mended
    assert!(!s.is_correct("سھرۆک"));
    assert_eq!(s.suggest("سھرۆک").first().map(|c| c.word.as_str()), Some("سەرۆک"));
}

#[test]
fn another_inflection_of_the_stem_is_not_a_correction() {
    let s = speller();
    // ماڵەکەم (my house) is not a misspelt ماڵەکە, however frequent that is
    assert!(s.is_correct("ماڵەکەم"));
    // but a mended stem under the same ending still is
    assert!(!s.is_correct("مالەکەم"));
}

#[test]
fn che_stands_alone_like_waw() {
    let s = Speller::from_counts([("چ", 500u64), ("چی", 5_000), ("دەکەیت", 2_000), ("و", 1_000_000)]);
    // چ (what) is a word of its own, not a fragment of چی or of a split word
    assert_eq!(s.check("چ دەکەیت"), vec![]);
}

#[test]
fn shipped_verdicts_are_the_judges() {
    // The shipped file must be what judging gives today: a change to the
    // lexicon, the morphology data or the rules needs `cargo xtask
    // spell-verdicts`. A sample of the words keeps this test short.
    let lexicon = Lexicon::embedded();
    let live = Speller::new_unprimed(lexicon);
    let print = shipped::fingerprint_of(lexicon);
    let shipped = shipped::decode(shipped::EMBEDDED, print, live.len())
        .expect("data/spell/verdicts.bin belongs to the embedded lexicon: run `cargo xtask spell-verdicts`");
    let mut stale = Vec::new();
    for id in (0..live.len()).step_by(41) {
        let word = &live.words.words[id];
        let judged = (live.judge(word, Some(id as u32)), live.junk_word(id as u32));
        if judged != (shipped.accepted[id], shipped.junk[id]) {
            stale.push(word.to_string());
        }
    }
    assert!(stale.is_empty(), "stale verdicts (run `cargo xtask spell-verdicts`): {stale:?}");
    // and the speller over the embedded lexicon starts from them
    let primed = Speller::new(lexicon);
    let rejected = shipped.accepted.iter().position(|&a| !a).expect("some lexicon word is rejected");
    let word = &primed.words.words[rejected];
    assert!(!primed.verdicts.get_or(primed.len(), rejected as u32, || unreachable!("judged again: {word}")));
}

#[test]
fn the_frequent_word_table_holds_only_accepted_words() {
    let s = Speller::embedded();
    let hot = s.hot();
    let mut held = 0;
    for id in (0..s.len()).step_by(7) {
        let word = &s.words.words[id];
        if hot.contains(word) {
            held += 1;
            assert!(s.accepts_looked_up(word), "{word} is in the table but not accepted");
        }
    }
    assert!(held > 1000, "only {held} sampled words in the table");
}

#[test]
fn fix_leaves_a_name_as_written() {
    let build = |names: bool| {
        let builder = SpellerBuilder::new();
        let builder = if names { builder.names(|w| w == "دیمیتری") } else { builder };
        builder.build([("و", 1_000_000u64), ("دیمیتری", 5_000), ("هات", 50_000)])
    };
    // دیمیتریۆ (Dmytro) is found, with دیمیتری first, but not rewritten
    let text = "دیمیتریۆ هات";
    let with_names = build(true);
    let found = with_names.check(text);
    assert_eq!(found.first().and_then(|f| f.suggestions.first()).map(|s| s.word.as_str()), Some("دیمیتری"));
    assert_eq!(with_names.fix(text), text);
    let why = with_names.fix_explained(text);
    assert!(why.iter().all(|c| !c.applied && c.reason.contains("name")), "{why:?}");
    // without telling names apart, the same finding is mended
    assert_eq!(build(false).fix(text), "دیمیتری هات");
}

#[test]
fn a_run_of_letters_longer_than_any_word_is_one_finding() {
    // (the split search tried every cut of such a run with the analyzer:
    // a 9,000-letter run took 24 s; only cuts into parts of word length
    // are tried now)
    let s = Speller::embedded();
    let run = "ماڵ".repeat(3000);
    let text = format!("ئەو {run} هات");
    let found = s.check(&text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(&text[found[0].start..found[0].end], run);
    assert!(found[0].suggestions.is_empty());
    // two words run together are still split
    let merged = s.check("ئەو ماڵەکەیانلەگەڵ هات");
    assert!(merged.iter().any(|f| f.suggestions.first().is_some_and(|g| g.word == "ماڵەکەیان لەگەڵ")), "{merged:?}");
}

/// Findings of `text` judged as restored: (kind, word as typed, best suggestion).
fn restored_findings(text: &str) -> Vec<(&'static str, String, String)> {
    let findings = Speller::embedded().check_as_restored(text, &crate::restore::Restorer::new());
    for f in &findings {
        assert_eq!(&text[f.start..f.end], f.word, "spans are the words as typed");
    }
    findings
        .into_iter()
        .map(|f| (f.kind.as_str(), f.word, f.suggestions.first().map(|s| s.word.clone()).unwrap_or_default()))
        .collect()
}

#[test]
fn a_legacy_keyboard_line_is_judged_as_restored() {
    // our own sentences: the second typed on a legacy keyboard (ە as ه, ک
    // as ك), with one ی for ێ (دهیخوینێتهوه) that restoration leaves
    let text = "سەرۆکی حکومەت گەیشت\nئهم كتێبه زۆر باشه و ههموو كهسێك دهیخوینێتهوه\r\n";
    let typing = |typed: &str, restored: &str| ("typing", typed.to_string(), restored.to_string());
    assert_eq!(
        restored_findings(text),
        [
            typing("ئهم", "ئەم"),
            typing("كتێبه", "کتێبە"),
            typing("باشه", "باشە"),
            typing("ههموو", "هەموو"),
            typing("كهسێك", "کەسێک"),
            ("spelling", "دهیخوینێتهوه".to_string(), "دەیخوێنێتەوە".to_string()),
        ]
    );
    let fixed = Speller::embedded().fix_as_restored(text, &crate::restore::Restorer::new());
    assert_eq!(fixed, "سەرۆکی حکومەت گەیشت\nئەم کتێبە زۆر باشە و هەموو کەسێک دەیخوێنێتەوە\r\n");
}

#[test]
fn a_line_in_another_language_is_not_checked() {
    // our own sentences: Arabic beside Sorani typed on a legacy keyboard
    let arabic = "أنا أعيش في بغداد منذ عشر سنوات وأعمل في مدرسة";
    let text = format!("ئهم كتێبه زۆر باشه\n{arabic}\n");
    let findings = restored_findings(&text);
    assert!(!findings.is_empty() && findings.iter().all(|f| text.find(&f.1).unwrap() < text.find(arabic).unwrap()));
    let fixed = Speller::embedded().fix_as_restored(&text, &crate::restore::Restorer::new());
    assert_eq!(fixed, format!("ئەم کتێبە زۆر باشە\n{arabic}\n"));
    // judged as written, the Arabic line is full of findings
    assert!(Speller::embedded().check(arabic).len() > 3);
}

#[test]
fn an_unknown_word_restored_is_found_twice_and_fixed_as_restored() {
    // a made-up name: restored (ە for ه, ک for ك) and still unknown, so
    // both a typing finding and a spelling warning; fix writes it restored
    let text = "ئهم كتێبه زۆر باشه و ههموو كهسێك فرۆژینهكه دهناسێت";
    let findings = Speller::embedded().check_as_restored(text, &crate::restore::Restorer::new());
    let at: Vec<_> = findings.iter().filter(|f| f.word == "فرۆژینهكه").collect();
    assert_eq!(at.len(), 2, "{findings:?}");
    assert_eq!((at[0].kind, at[0].suggestions[0].word.as_str()), (FindingKind::Typing, "فرۆژینەکە"));
    assert_eq!((at[1].kind, at[1].severity), (FindingKind::Spelling, Severity::Warning));
    let fixed = Speller::embedded().fix_as_restored(text, &crate::restore::Restorer::new());
    assert_eq!(fixed, "ئەم کتێبە زۆر باشە و هەموو کەسێک فرۆژینەکە دەناسێت");
}

#[test]
fn a_legacy_font_line_has_a_finding_per_word() {
    // our own sentence in the Ali-K font, which restoration decodes whole
    let text = "ثةرلةمانى كوردستان لة طوندةكان";
    let words: Vec<_> = restored_findings(text);
    let expected = [("ثةرلةمانى", "پەرلەمانی"), ("كوردستان", "کوردستان"), ("لة", "لە"), ("طوندةكان", "گوندەکان")];
    assert_eq!(words, expected.map(|(t, r)| ("typing", t.to_string(), r.to_string())));
}

#[test]
fn standard_text_and_restoring_never_are_judged_as_written() {
    let s = Speller::embedded();
    let never = crate::restore::Restorer::with_options(crate::restore::RestoreOptions {
        mode: crate::restore::RestoreMode::Never,
        from: None,
    });
    // a standard line with a misspelling (ی for ێ), then a legacy one
    let text = "ئەم کتێبە زۆر خۆشە و هەموو کەسێک دەیخوینێتەوە\nئهم كتێبه زۆر باشه";
    let second = text.find('\n').unwrap() + 1;
    let mut as_written = s.check(&text[..second - 1]);
    as_written.extend(s.check(&text[second..]).into_iter().map(|mut f| {
        f.start += second;
        f.end += second;
        f
    }));
    assert_eq!(s.check_as_restored(text, &never), as_written);
    assert_eq!(s.fix_as_restored(text, &never), format!("{}\n{}", s.fix(&text[..second - 1]), s.fix(&text[second..])));
    // the standard line's findings are the same either way
    let first_line = |fs: Vec<Finding>| fs.into_iter().filter(|f| f.end < second).collect::<Vec<_>>();
    let restored = s.check_as_restored(text, &crate::restore::Restorer::new());
    assert_eq!(first_line(restored.clone()), first_line(as_written.clone()));
    assert_eq!(first_line(as_written).len(), 1);
    assert!(restored.iter().filter(|f| f.start >= second).all(|f| f.kind == FindingKind::Typing), "{restored:?}");
}

#[test]
fn keyboard_lines_among_standard_lines_and_guessed_words_are_judged_as_written() {
    let s = Speller::embedded();
    let r = crate::restore::Restorer::new();
    // our own line of names, which detection calls Persian-keyboard for the
    // letters it lacks: alone it is restored, among standard lines not
    let names = "پارتی کریستیان دیموکراتیک";
    assert!(s.check_as_restored(names, &r).iter().any(|f| f.kind == FindingKind::Typing));
    let text = format!("ئەمڕۆ هەوا زۆر خۆشە\n{names}\n");
    assert!(s.check_as_restored(&text, &r).iter().all(|f| f.kind == FindingKind::Spelling));
    // a made-up word with ه in a line typed with ە: restoration would guess
    // ە from letter statistics; the speller judges it as written
    let line = "ئەم کتێبە کۆڵهمیانی زۆرە";
    let findings = s.check_as_restored(line, &r);
    assert!(findings.iter().all(|f| f.kind == FindingKind::Spelling), "{findings:?}");
    assert_eq!(s.fix_as_restored(line, &r), line);
    // in a passage typed on a legacy keyboard in earnest, before standard
    // text, the guess stands
    let line = "ئهم كتێبه زۆر باشه و كۆڵهمیانی تێدایه، ئەمڕۆ هەوا خۆشە";
    let fixed = s.fix_as_restored(line, &r);
    assert_eq!(fixed, "ئەم کتێبە زۆر باشە و کۆڵەمیانی تێدایە، ئەمڕۆ هەوا خۆشە");
}

#[test]
fn two_slips_in_one_word_a_font_decoded_whole_are_one_correction() {
    // found by the spell fuzz target: a line read as a legacy font with no
    // space, decoded as one change, in which the speller found two
    // misspellings; both widened to the whole line, and their fixes overlapped
    // (detection no longer calls it a font, so the font is forced)
    let text = "ص\u{FFFD}صھ\u{FFFD}ھ\u{FFFD}";
    let font = crate::restore::Convention::LegacyFont(crate::restore::Font::AliWeb);
    let options = crate::restore::RestoreOptions { from: Some(font), ..Default::default() };
    let (s, r) = (Speller::embedded(), crate::restore::Restorer::with_options(options));
    let corrections = s.fix_explained_as_restored(text, &r);
    let mut end = 0;
    for c in corrections.iter().filter(|c| c.applied) {
        assert!(c.finding.start >= end, "{corrections:?}");
        end = c.finding.end;
    }
    assert_eq!(corrections.iter().filter(|c| c.finding.kind == FindingKind::Spelling).count(), 1, "{corrections:?}");
    let _ = s.fix_as_restored(text, &r);
}
