//! Restoration tests: one table per confusion class, and the no-damage guarantee.

use super::*;

fn restore_as(text: &str, conv: Convention) -> String {
    Restorer::new().restore_as(text, conv).text.into_owned()
}

#[test]
fn legacy_heh_becomes_ae() {
    let cases = [
        ("سهر", "سەر"),
        ("ههروهها", "هەروەها"),
        ("دهكات", "دەکات"),
        ("له ماڵهوه", "لە ماڵەوە"),
        ("پهیوهندییهكان", "پەیوەندییەکان"),
    ];
    for (typed, want) in cases {
        assert_eq!(restore_as(typed, Convention::LegacyKeyboard), want, "legacy {typed}");
    }
}

#[test]
fn real_heh_survives_in_legacy_text() {
    for w in ["هات", "شاه", "هێز", "ماهی"] {
        assert_eq!(restore_as(w, Convention::LegacyKeyboard), w, "legacy {w}");
    }
}

#[test]
fn arabic_keyboard_letters() {
    let cases =
        [("خوش", "خۆش"), ("كةس", "کەس"), ("جاو", "چاو"), ("ولات", "وڵات"), ("امرو", "ئەمڕۆ"), ("دستان", "دەستان")];
    for (typed, want) in cases {
        assert_eq!(restore_as(typed, Convention::ArabicKeyboard), want, "arabic {typed}");
    }
}

#[test]
fn a_vowel_marked_alef_is_hamza_and_that_vowel() {
    // Keyboards without ئ write ئە ئێ ئو as ا with fatha, kasra or damma.
    for (typed, want) in [("اَو", "ئەو"), ("اِمه", "ئێمە"), ("اِستا", "ئێستا")] {
        assert_eq!(restore_as(typed, Convention::ArabicKeyboard), want, "{typed}");
    }
    let r = Restorer::new().restore_as("اَو", Convention::ArabicKeyboard);
    assert_eq!(r.changes[0].reason, "ا→ئ+vowel");
}

#[test]
fn a_spaced_ae_inside_a_word_is_joined() {
    let cases = [
        ("سه رۆك كۆمار", "سەرۆک کۆمار"),
        ("ده كات", "دەکات"),
        ("ئه و كتێبه", "ئەو کتێبە"),
        // free words keep their space, and so does دە meaning ten
        ("له ماله وه", "لە ماڵەوە"),
        ("گه وره و بچووك", "گەورە و بچووک"),
        ("ده سال", "دە ساڵ"),
    ];
    for conv in [Convention::ArabicKeyboard, Convention::PersianKeyboard] {
        for (typed, want) in cases {
            let typed = if conv == Convention::PersianKeyboard { typed.replace('ك', "ک") } else { typed.to_string() };
            assert_eq!(restore_as(&typed, conv), want, "{conv:?} {typed}");
        }
    }
    // The explanation names the join and covers both parts and the space.
    let r = Restorer::new().restore_as("سه رۆك", Convention::ArabicKeyboard);
    assert_eq!((r.changes[0].start, r.changes[0].end), (0, "سه رۆك".len()));
    assert!(r.changes[0].reason.starts_with("join+"), "{:?}", r.changes[0]);
}

#[test]
fn a_preposition_does_not_end_a_clause() {
    // بو is بۆ "for" before its object, بوو "was" where the clause ends.
    let cases = [
        ("لێرە بو .", "لێرە بوو ."),
        ("لێرە بو", "لێرە بوو"),
        ("لێرە بو، ", "لێرە بوو، "),
        ("لێرە بو ماڵەوە", "لێرە بۆ ماڵەوە"),
        ("لێرە بو و ڕۆیشت", "لێرە بوو و ڕۆیشت"),
        ("ئەوە بو كه هات", "ئەوە بوو کە هات"),
    ];
    for (typed, want) in cases {
        assert_eq!(restore_as(typed, Convention::ArabicKeyboard), want, "arabic {typed}");
    }
    assert!(never_ends_clause("بۆ") && !never_ends_clause("بوو"));
}

#[test]
fn function_words_outrank_rare_content_words() {
    // The lexicon raises function words to their class's median count.
    for (typed, want) in [("جي", "چی"), ("جون", "چۆن")] {
        assert_eq!(restore_as(typed, Convention::ArabicKeyboard), want, "arabic {typed}");
    }
}

#[test]
fn the_writers_h_letter_is_kept() {
    assert_eq!(restore_as("ھهزار", Convention::ArabicKeyboard), "ھەزار");
    assert_eq!(restore_as("ھهرچهنده", Convention::LegacyKeyboard), "ھەرچەندە");
    let always = Restorer::with_options(RestoreOptions { mode: RestoreMode::Always, from: None });
    assert_eq!(always.restore("ھەولێر و ھەڵەبجە"), "ھەولێر و ھەڵەبجە");
}

#[test]
fn inflected_forms_the_lexicon_lacks() {
    let lexicon = Lexicon::embedded();
    // Typed without their vowels; the lexicon has the stems, not these forms.
    let cases = [("قوناخم", "قۆناخم"), ("تاقيكردنوهكانم", "تاقیکردنەوەکانم"), ("خوشهويسترينكانت", "خۆشەویسترینەکانت")];
    for (typed, want) in cases {
        assert_eq!(lexicon.frequency_exact(want), 0, "{want} is in the lexicon: pick another case");
        assert_eq!(restore_as(typed, Convention::ArabicKeyboard), want, "arabic {typed}");
    }
    // A word that reads as a known stem and suffix as typed stays as typed
    // (not بیرکارێش, with ی read as ێ).
    assert_eq!(lexicon.frequency_exact("بیرکاریش"), 0);
    assert_eq!(restore_as("بیرکاریش", Convention::PersianKeyboard), "بیرکاریش");
}

#[test]
fn standard_text_is_not_touched() {
    let r = Restorer::new();
    for text in ["ئەمڕۆ هەوا خۆشە و خەڵک دەچنە دەرەوە.", "شاه و گوناه", "hello 123", ""]
    {
        assert!(matches!(r.restore(text), Cow::Borrowed(_)), "{text:?} changed to {:?}", r.restore(text));
    }
    let always = Restorer::with_options(RestoreOptions { mode: RestoreMode::Always, from: None });
    let text = "ئەمڕۆ هەوا خۆشە و خەڵک دەچنە دەرەوە بۆ سەیران";
    assert_eq!(always.restore(text), text);
}

#[test]
fn never_mode_changes_nothing() {
    let r = Restorer::with_options(RestoreOptions { mode: RestoreMode::Never, from: None });
    assert_eq!(r.restore("ههروهها"), "ههروهها");
}

#[test]
fn explanations_point_at_the_original_bytes() {
    let text = "ئهو سهر";
    let out = Restorer::new().restore_as(text, Convention::LegacyKeyboard);
    assert!(!out.changes.is_empty());
    for ch in &out.changes {
        assert_eq!(&text[ch.start..ch.end], ch.original);
        assert!(!ch.reason.is_empty());
    }
}

#[test]
fn restorer_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Restorer>();
}

proptest::proptest! {
    #[test]
    fn never_panics_and_keeps_non_words(s in "\\PC{0,40}") {
        for conv in [Convention::LegacyKeyboard, Convention::ArabicKeyboard, Convention::PersianKeyboard, Convention::Standard] {
            let out = Restorer::new().restore_as(&s, conv);
            let non_words = |t: &str| t.chars().filter(|&c| !is_word_char(c)).collect::<String>();
            proptest::prop_assert_eq!(non_words(&s), non_words(&out.text));
        }
        let _ = detect(&s);
    }

    /// Restoring lines at once gives each line restored on its own, but
    /// for the Arabic- or Persian-keyboard lines of a legacy-keyboard
    /// document, which are read as the legacy keyboard's, those of a
    /// legacy-font document, which are read in its font (with the lines in
    /// another language whose decoding is not Arabic or Persian), and those
    /// of a mostly standard one, which are left as typed; lines in another
    /// language have no say in the legacy-keyboard and standard rules.
    #[test]
    fn restore_lines_is_restore_line_by_line(lines in proptest::collection::vec(
        proptest::sample::select(vec![
            "ئەمڕۆ کەش و هەوا خۆشە.", "ئهمڕۆ كهش و ههوا خۆشه", "امرو کش و هوا خوشه", "", "hello", "ثەصەط ثابت",
            "لە شاری هەولێر", "له شاری ههولێر", "ئهو پیاوه زور باشه",
            "أنا أعيش في بغداد منذ عشر سنوات", "ثيرةميَرد لة سليَمانى لة دايك بوو", "ئةم طوندة زؤر جوانة",
        ]),
        0..12,
    ), crlf in proptest::bool::ANY) {
        let ending = if crlf { "\r\n" } else { "\n" };
        let text = lines.join(ending);
        let r = Restorer::new();
        // (None: a line in another language, left as typed, with no vote)
        let detected: Vec<Option<Convention>> = lines.iter().map(|l| kurdish_convention(l)).collect();
        let count = |c: Convention| detected.iter().filter(|&&d| d == Some(c)).count();
        let others = count(Convention::ArabicKeyboard) + count(Convention::PersianKeyboard);
        let legacy_document = others > 0 && count(Convention::LegacyKeyboard) >= LEGACY_MAJORITY * others;
        let arabic_script = lines.iter().filter(|l| l.chars().any(crate::chars::in_arabic_block)).count();
        let foreign = detected.iter().filter(|d| d.is_none()).count();
        let non_standard = detected.len() - foreign - count(Convention::Standard);
        let ali_k = Convention::LegacyFont(Font::AliK);
        let fonts = count(ali_k);
        let font_document = !legacy_document && others + foreign > 0 && fonts >= 2 && fonts >= others + foreign;
        let standard_document = !legacy_document
            && !font_document
            && arabic_script.saturating_sub(non_standard + foreign) >= non_standard;
        let by_line: Vec<String> = lines
            .iter()
            .zip(&detected)
            .map(|(l, d)| match d {
                Some(Convention::ArabicKeyboard | Convention::PersianKeyboard) if legacy_document => {
                    r.restore_as(l, Convention::LegacyKeyboard).text.into_owned()
                }
                Some(Convention::ArabicKeyboard | Convention::PersianKeyboard) if font_document => {
                    r.restore_as(l, ali_k).text.into_owned()
                }
                None if font_document && !super::decoded_in_another_language(l, Font::AliK) => {
                    r.restore_as(l, ali_k).text.into_owned()
                }
                Some(Convention::ArabicKeyboard | Convention::PersianKeyboard) if standard_document => l.to_string(),
                _ => r.restore(l).into_owned(),
            })
            .collect();
        proptest::prop_assert_eq!(r.restore_lines(&text).into_owned(), by_line.join(ending));
        // Every change listed, on the line it is on.
        let mut explained: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        for (index, restored) in r.restore_lines_explained(&text) {
            explained[index] = restored.text.into_owned();
        }
        proptest::prop_assert_eq!(explained.join(ending), by_line.join(ending));
    }

    /// The quick path of `restore` (the best reading's outcome kept beside
    /// the word) and the explained path (every reading looked at) agree,
    /// and the changes rebuild the text.
    #[test]
    fn restore_agrees_with_its_explanation(
        s in "[ئابپتجچحخدرڕزژسشعغفڤقکگلڵمنهەوۆیێكيىةھ \u{200C}.،]{0,40}",
        conv in proptest::sample::select(vec![
            Convention::LegacyKeyboard, Convention::ArabicKeyboard, Convention::PersianKeyboard, Convention::Standard,
        ]),
        always in proptest::bool::ANY,
    ) {
        let mode = if always { RestoreMode::Always } else { RestoreMode::Auto };
        let r = Restorer::with_options(RestoreOptions { mode, from: Some(conv) });
        let quick = r.restore(&s).into_owned();
        let explained = r.restore_explained(&s);
        proptest::prop_assert_eq!(&quick, &explained.text);
        let rebuilt = splice(&s, explained.changes.iter().map(|c| (c.start, c.end, c.replacement.as_str())));
        proptest::prop_assert_eq!(&quick, &rebuilt);
    }

    #[test]
    fn arabic_script_noise_never_panics(s in "[ئابپتجچحخدرڕزژسشعغفڤقکگلڵمنهەوۆیێكيىة \u{200C}]{0,30}") {
        let r = Restorer::new();
        let _ = r.restore(&s);
        for font in Font::ALL {
            let _ = font::decode(&s, font);
        }
    }
}

/// Restoration looks a word typed with a letter outside the Sorani
/// alphabet (ك, ي, ة …) up only in its folded spellings: no lexicon word is
/// spelled otherwise.
#[test]
fn the_lexicon_spells_with_the_sorani_alphabet_only() {
    use fst::Streamer;
    let mut keys = Lexicon::embedded().as_fst().stream();
    let mut count = 0;
    while let Some((key, _)) = keys.next() {
        let word = std::str::from_utf8(key).expect("lexicon keys are UTF-8");
        assert!(word.chars().all(is_standard_letter), "{word}");
        count += 1;
    }
    assert!(count > 100_000, "{count} words");
}

/// Every thread keeps its own memo of readings: threads restoring the same
/// text at once agree with each other and with a thread that saw it first.
#[test]
fn threads_with_their_own_memos_agree() {
    let text = "ئهمڕۆ كهش و ههوا خۆشه و خهڵك دهچنه دهرهوه.";
    let first = Restorer::new().restore(text).into_owned();
    assert_ne!(first, text, "the text was restored");
    let others: Vec<String> = std::thread::scope(|s| {
        let runs: Vec<_> = (0..4).map(|_| s.spawn(|| Restorer::new().restore(text).into_owned())).collect();
        runs.into_iter().map(|r| r.join().unwrap()).collect()
    });
    assert!(others.iter().all(|o| *o == first), "{others:?}");
}

/// `is_identity` (which lets the command line skip restoring line by line)
/// holds exactly when restoring changes nothing: `never`, unless a legacy
/// font is to be decoded.
#[test]
fn identity_is_never_without_a_font() {
    let with = |mode, from| Restorer::with_options(RestoreOptions { mode, from });
    let legacy = "ئهمڕۆ كهش و ههوا خۆشه";
    assert!(with(RestoreMode::Never, None).is_identity());
    assert!(with(RestoreMode::Never, Some(Convention::LegacyKeyboard)).is_identity());
    assert_eq!(with(RestoreMode::Never, Some(Convention::LegacyKeyboard)).restore(legacy), legacy);
    assert!(!with(RestoreMode::Auto, None).is_identity());
    assert_ne!(with(RestoreMode::Auto, None).restore(legacy), legacy);
    let font = Convention::from_name("ali-k").expect("a legacy font name");
    assert!(!with(RestoreMode::Never, Some(font)).is_identity());
}

#[test]
fn suffixes_spaced_from_their_word_are_joined() {
    let cases = [
        // a word and suffixes that are no word of their own, spaced at ە
        ("زينكه كاني شار", "ژینگەکانی شار"),
        ("ماله كانمان گهوره يه", "ماڵەکانمان گەورەیە"),
        ("ئهوه ش", "ئەوەش"),
        // a suffix chain spaced at its own ە too
        ("پروژه كه م", "پڕۆژەکەم"),
        // لە / بە and the demonstrative ئەو, and function words parted after ە
        ("له و شاره", "لەو شارە"),
        ("له گهل ئهو", "لەگەڵ ئەو"),
        ("به لام", "بەڵام"),
        // suffix chains that are words as well keep their space
        ("ئهمه كهي", "ئەمە کەی"),
        ("تكايه من", "تکایە من"),
        ("بوو يان نا", "بوو یان نا"),
    ];
    for (typed, want) in cases {
        assert_eq!(restore_as(typed, Convention::ArabicKeyboard), want, "arabic {typed}");
    }
}

/// A word's readings spell different texts: the unknown word's fallback
/// (پێویسته is not in the lexicon as typed) spells what a candidate
/// already reads (پێویستە), and is one choice, not two.
#[test]
fn readings_spell_different_texts() {
    let restorer = Restorer::new();
    for typed in ["پێویسته", "بكه", "وه", "ههیه", "دهتوانیت"] {
        for channel in [Channel::Legacy, Channel::Arabic, Channel::Persian] {
            let readings = restorer.compute_readings(typed, channel);
            let mut texts: Vec<&str> = readings.iter().map(|r| r.text.as_str()).collect();
            let all = texts.len();
            texts.sort_unstable();
            texts.dedup();
            assert_eq!(texts.len(), all, "{typed} ({channel:?}): {readings:?}");
        }
    }
}

/// A line with neither ك nor ێ ۆ ڵ ڕ ڤ is as much a legacy keyboard's as a
/// Persian one's: alone it is read as the Persian keyboard's (زور is زۆر),
/// in a legacy-keyboard document as the legacy keyboard's, which types ۆ.
#[test]
fn a_legacy_document_reads_its_undecided_lines_as_legacy() {
    let undecided = "ئهو پیاوه زور باشه";
    assert_eq!(detect(undecided).convention, Convention::PersianKeyboard);
    let legacy = "ئهمڕۆ كهش و ههوا خۆشه";
    let r = Restorer::new();
    let last_line = |legacy_lines: usize| {
        let text = format!("{}{undecided}", format!("{legacy}\n").repeat(legacy_lines));
        r.restore_lines(&text).lines().last().map(str::to_string)
    };
    assert_eq!(r.restore(undecided), "ئەو پیاوە زۆر باشە");
    assert_eq!(last_line(LEGACY_MAJORITY - 1).as_deref(), Some("ئەو پیاوە زۆر باشە"));
    assert_eq!(last_line(LEGACY_MAJORITY).as_deref(), Some("ئەو پیاوە زور باشە"));
    // Forced conventions are never overruled.
    let persian =
        Restorer::with_options(RestoreOptions { from: Some(Convention::PersianKeyboard), ..Default::default() });
    let text = format!("{}{undecided}", format!("{legacy}\n").repeat(LEGACY_MAJORITY));
    assert!(persian.line_conventions(&text).iter().all(|l| l.convention == Some(Convention::PersianKeyboard)));
}

/// A line detected as Persian-keyboard for the letters it lacks is
/// restored alone, and read as standard in a text of mostly standard lines.
#[test]
fn keyboard_lines_among_standard_lines_are_read_as_standard() {
    let names = "پارتی کریستیان دیموکراتیک";
    assert_eq!(detect(names).convention, Convention::PersianKeyboard);
    let r = Restorer::new();
    assert_ne!(r.restore_lines(names), names);
    let standard = "ئەمڕۆ هەوا زۆر خۆشە\n";
    let text = format!("{standard}{names}\n");
    assert_eq!(r.restore_lines(&text), text);
    assert!(r.restore_lines_explained(&text).is_empty());
    // two such lines to one standard line: restored, as is a keyboard line
    // in a text whose other lines are mostly typed on legacy keyboards
    let text = format!("{standard}{names}\n{names}\n");
    assert_ne!(r.restore_lines(&text), text);
    // a forced convention is never overruled
    let persian =
        Restorer::with_options(RestoreOptions { from: Some(Convention::PersianKeyboard), ..Default::default() });
    let text = format!("{standard}{names}\n");
    assert!(persian.line_conventions(&text).iter().all(|l| l.convention == Some(Convention::PersianKeyboard)));
}

/// Persian and Arabic are typed on Persian and Arabic keyboards too: text
/// that the language identifier reads as one of them is not Kurdish to
/// restore, alone or among Kurdish lines, and casts no vote on how the
/// other lines were typed.
#[test]
fn text_in_another_language_is_left_as_typed() {
    let r = Restorer::new();
    let persian = "من در تهران زندگی می‌کنم و هر روز به دانشگاه می‌روم";
    let arabic = "أنا أعيش في بغداد منذ عشر سنوات وأعمل في مدرسة";
    for text in [persian, arabic] {
        assert!(matches!(detect(text).convention, Convention::PersianKeyboard | Convention::ArabicKeyboard));
        assert_eq!(r.restore(text), text);
        assert!(r.restore_explained(text).changes.is_empty());
        assert_eq!(r.restore_lines(text), text);
    }
    // Sorani typed on a Persian keyboard is still restored, a short line too
    assert_eq!(r.restore("امرو هوا خوشه"), "ئەمڕۆ هەوا خۆشە");
    // an Arabic line in a legacy-keyboard document stays as typed
    let legacy = "ئهمه دهقێكی كۆنه و ههڵه نووسراوه";
    let text = format!("{legacy}\n{arabic}\n");
    let lines: Vec<_> = r.line_conventions(&text).iter().map(|l| l.convention).collect();
    assert_eq!(lines, [Some(Convention::LegacyKeyboard), None]);
    assert_eq!(r.restore_lines(&text), format!("ئەمە دەقێکی کۆنە و هەڵە نووسراوە\n{arabic}\n"));
    // and is marked where it stands in the output, after a line that grew
    // (امرو → ئەمڕۆ)
    for text in [text, format!("امرو هوا خوشه\n{arabic}\r\n{legacy}")] {
        let (restored, foreign) = r.restore_lines_marking_foreign(&text);
        assert_eq!(restored, r.restore_lines(&text));
        assert_eq!(foreign.iter().map(|range| &restored[range.clone()]).collect::<Vec<_>>(), [arabic]);
    }
    // it does not count as a standard line: a keyboard line beside it is
    // still restored
    let keyboard = "امرو هوا خوشه";
    let text = format!("{arabic}\n{keyboard}\n");
    assert_eq!(r.restore_lines(&text), format!("{arabic}\nئەمڕۆ هەوا خۆشە\n"));
    let (restored, foreign) = r.restore_lines_marking_foreign(&text);
    assert_eq!((foreign.len(), &foreign[0]), (1, &(0..arabic.len())));
    assert_eq!(restored, r.restore_lines(&text));
    // a forced convention is never overruled
    let forced =
        Restorer::with_options(RestoreOptions { from: Some(Convention::ArabicKeyboard), ..Default::default() });
    assert_ne!(forced.restore(arabic), arabic);
}

/// Arabic has ث ذ ص ض ط ظ and tanween of its own: a line whose decoding in
/// a legacy font the lexicon happens to read better (قلیڵا for قليلًا in
/// Ali-K) is still Arabic, neither a font's text nor Kurdish to restore,
/// while Sorani in that font is decoded.
#[test]
fn arabic_read_better_in_a_font_is_still_arabic() {
    let arabic = "قليلًا ما يأتي إلينا في الصباح";
    assert!(super::font::detect_font(arabic).is_some(), "the case needs a font's decoding to read better");
    assert_eq!(detect(arabic).convention, Convention::ArabicKeyboard);
    assert_eq!(kurdish_convention(arabic), None);
    assert_eq!(Restorer::new().restore(arabic), arabic);
    let ali_k = "ثةرلةمانى كوردستان لة طوندةكان";
    assert_eq!(detect(ali_k).convention, Convention::LegacyFont(Font::AliK));
    assert_eq!(Restorer::new().restore(ali_k), "پەرلەمانی کوردستان لە گوندەکان");
}

/// Checks that `line` has one font-marked letter and too few font signs to
/// pass for a font's text by their share, and that it is detected as set in
/// `font` all the same.
fn assert_one_marked_letter_tells(line: &str, font: Font) {
    let c = super::detect::count(line);
    assert!(c.marked_letters == 1 && c.font_marks * 40 < c.letters, "{c:?}");
    assert_eq!(detect(line).convention, Convention::LegacyFont(font));
}

/// A long line in Ali-K whose only font sign is one marked letter (یَ for
/// ێ) is the font's, not an Arabic keyboard's: the keyboard reading would
/// write ی; the lexicon reads its other words as well typed as decoded.
/// Arabic vocalization and tanween are no font's signs.
#[test]
fn one_marked_letter_in_a_long_line_is_a_fonts_sign() {
    let line = "ئةوان هةموو كات لة ناو شار دةمانةوة و كارمان دةكرد بؤ ئةوةي ئاسودة بين و كةس نةمانبينيَت و هةموو شت باش بوو و دواتر هاتينةوة";
    assert_one_marked_letter_tells(line, Font::AliK);
    assert!(Restorer::new().restore(line).contains("نەمانبینێت"));
    // (the last two were taken for Ali-Web and Ali-K without those vetoes)
    for arabic in [
        "كتبَ الولدُ الدرسَ في البيتِ مساءَ أمسِ",
        "شكرًا جزيلًا وأراك قريبًا في المدينة إن شاء الله",
        "ظننتُ أنَّ الصيفَ طويلٌ جدًّا",
        "شكراً لك على هذه الهدية الجميلة",
    ] {
        assert!(!matches!(detect(arabic).convention, Convention::LegacyFont(_)), "{arabic}");
    }
    assert!(super::detect::count("ظننتُ أنَّ الصيفَ طويلٌ جدًّا").vocalized > 0);
    assert_eq!(super::detect::count("شكراً لك على هذه الهدية الجميلة").vocalized, 0, "only its tanween tells");
}

/// Zarnegar writes ە as ه (ه + ZWNJ inside a word), as a legacy keyboard
/// does, and marks ێ ۆ ڵ ڕ with dammatan and kasratan: one marked letter in
/// a long line is its sign.
#[test]
fn one_marked_letter_in_a_long_zarnegar_line_is_its_sign() {
    let line = "ئه\u{200C}وان هه\u{200C}موو کات له ناو شار ده\u{200C}مانه\u{200C}وه و کارمان ده\u{200C}کرد بوٌ ئه\u{200C}وه\u{200C}ی ئاسووده بین و که\u{200C}س نه\u{200C}یزانی و هه\u{200C}موو شت باش بوو و دواتر هاتینه\u{200C}وه ناو گوند";
    assert_one_marked_letter_tells(line, Font::Zarnegar);
    assert_eq!(
        Restorer::new().restore(line),
        "ئەوان هەموو کات لە ناو شار دەمانەوە و کارمان دەکرد بۆ ئەوەی ئاسوودە بین و کەس نەیزانی و هەموو شت باش بوو و دواتر هاتینەوە ناو گوند"
    );
}

/// In a document set in a legacy font, a line without a sign of the font
/// (detected as typed on an Arabic keyboard, or read as Arabic by the
/// language identifier) is the font's too when the lines detected as the
/// font are at least as many as the keyboard ones and its decoding is not
/// Arabic or Persian.
#[test]
fn a_fonts_document_reads_its_unmarked_lines_in_the_font() {
    let r = Restorer::new();
    let unmarked = "ئةم طوندة زؤر جوانة";
    assert_eq!(detect(unmarked).convention, Convention::ArabicKeyboard);
    assert_eq!(kurdish_convention(unmarked), None, "alone, it reads as Arabic and is left as typed");
    let keyboard_line = "ئةم طوندة زؤر جوانة و خةلكةكةي باشن";
    assert_eq!(r.restore_lines(keyboard_line), "ئەم توندە زۆر جوانە و خەڵکەکەی باشن", "alone, the keyboard's reading");
    let text = format!("ثيرةميَرد لة سليَمانى لة دايك بوو\nئةوان بؤ طوندةكة رِؤيشتن\n{unmarked}\n");
    let lines: Vec<_> = r.line_conventions(&text).iter().map(|l| l.convention).collect();
    assert_eq!(lines, [Some(Convention::LegacyFont(Font::AliK)); 3]);
    assert_eq!(
        r.restore_lines(&text),
        "پیرەمێرد لە سلێمانی لە دایک بوو\nئەوان بۆ گوندەکە ڕۆیشتن\nئەم گوندە زۆر جوانە\n"
    );
    let text = format!("ثيرةميَرد لة سليَمانى لة دايك بوو\nئةوان بؤ طوندةكة رِؤيشتن\n{keyboard_line}\n");
    assert_eq!(
        r.restore_lines(&text),
        "پیرەمێرد لە سلێمانی لە دایک بوو\nئەوان بۆ گوندەکە ڕۆیشتن\nئەم گوندە زۆر جوانە و خەلکەکەی باشن\n"
    );
    // one line in a font is no document set in it
    let text = format!("ثيرةميَرد لة سليَمانى لة دايك بوو\n{keyboard_line}\n");
    let lines: Vec<_> = r.line_conventions(&text).iter().map(|l| l.convention).collect();
    assert_eq!(lines[1], Some(Convention::ArabicKeyboard));
    // fewer font lines than keyboard ones: each is read as detected
    let text = format!(
        "ئةوان بؤ طوندةكة رِؤيشتن\nثيرةميَرد لة سليَمانى لة دايك بوو\n{keyboard_line}\nامرو هوا خوشه\nاو کوره زور باشه\n"
    );
    let lines: Vec<_> = r.line_conventions(&text).iter().map(|l| l.convention).collect();
    assert_eq!(lines[2], Some(Convention::ArabicKeyboard));
    // an Arabic line in a font's document stays as typed
    let arabic = "أنا أعيش في بغداد منذ عشر سنوات وأعمل في مدرسة";
    let text = format!("ثيرةميَرد لة سليَمانى لة دايك بوو\n{arabic}\nئةوان بؤ طوندةكة رِؤيشتن\n");
    assert_eq!(r.restore_lines(&text), format!("پیرەمێرد لە سلێمانی لە دایک بوو\n{arabic}\nئەوان بۆ گوندەکە ڕۆیشتن\n"));
}

/// In text typed with ە, a ه in a word the lexicon lacks is a real ه
/// (میهرەبان), unless the text is typed on a legacy keyboard in earnest.
#[test]
fn letter_statistics_guesses_need_a_text_typed_without_ae() {
    let r = Restorer::new();
    // a made-up word: alone on a legacy keyboard, its ه is guessed to be ە
    let guessed = r.restore_as("کۆڵهمیانی", Convention::LegacyKeyboard);
    assert_eq!(guessed.text, "کۆڵەمیانی");
    assert_eq!(guessed.changes[0].reason, "letter-statistics");
    // in a line typed with ە, where fewer than three words are read from
    // the lexicon, it is left as typed, both ways of restoring
    let line = "ئەم کتێبە کۆڵهمیانی زۆرە";
    let restored = r.restore_as(line, Convention::LegacyKeyboard);
    assert_eq!(restored.text, line, "{:?}", restored.changes);
    assert_eq!(r.restore_in(line, Convention::LegacyKeyboard), line);
    // in a passage typed on a legacy keyboard in earnest, the guess stands
    let line = "ئهم كتێبه زۆر باشه و كۆڵهمیانی تێدایه، ئەمڕۆ هەوا خۆشە";
    let want = "ئەم کتێبە زۆر باشە و کۆڵەمیانی تێدایە، ئەمڕۆ هەوا خۆشە";
    assert_eq!(r.restore_as(line, Convention::LegacyKeyboard).text, want);
    assert_eq!(r.restore_in(line, Convention::LegacyKeyboard), want);
}

/// A decoded font line lists its changes word by word, with spans into the
/// typed line, and splicing them in gives the decoded text.
#[test]
fn a_font_line_is_changed_word_by_word() {
    let typed = "ثةرلةمانى كوردستان لة طوندةكان";
    let font = Convention::LegacyFont(Font::AliK);
    let restored = Restorer::new().restore_as(typed, font);
    assert_eq!(restored.text, "پەرلەمانی کوردستان لە گوندەکان");
    let words: Vec<(&str, &str)> =
        restored.changes.iter().map(|c| (&typed[c.start..c.end], c.replacement.as_str())).collect();
    assert_eq!(words, [("ثةرلةمانى", "پەرلەمانی"), ("كوردستان", "کوردستان"), ("لة", "لە"), ("طوندةكان", "گوندەکان")]);
    assert!(restored.changes.iter().all(|c| c.reason == "font:ali-k" && c.original == typed[c.start..c.end]));
    let respliced =
        crate::splice::splice(typed, restored.changes.iter().map(|c| (c.start, c.end, c.replacement.as_str())));
    assert_eq!(respliced, restored.text);
}

#[test]
fn conventions_parse_by_name_or_font() {
    assert_eq!("legacy-keyboard".parse::<Convention>().unwrap(), Convention::LegacyKeyboard);
    assert!(matches!("ali-k".parse::<Convention>().unwrap(), Convention::LegacyFont(_)));
    let err = "wingdings".parse::<Convention>().unwrap_err();
    assert!(err.to_string().contains("ali-k"), "{err}");
}

/// The words of a URL are left as typed, in every keyboard's text and in
/// `restore_in`'s splice as in `restore_as`'s list of changes.
#[test]
fn urls_are_left_as_typed() {
    let url = "https://www.example.net/ckb/201675-بۆمبێكی-له\u{200C}-عه\u{200C}فرین";
    let r = Restorer::new();
    for (conv, typed, want) in [
        (Convention::LegacyKeyboard, "ئهم ههواڵه له {url} بڵاوكرایهوه", "ئەم هەواڵە لە {url} بڵاوکرایەوە"),
        (Convention::ArabicKeyboard, "ئهم هه واڵه له {url} بلاوكرايه وه", "ئەم هەواڵە لە {url} بڵاوکرایەوە"),
    ] {
        let typed = typed.replace("{url}", url);
        let want = want.replace("{url}", url);
        assert_eq!(r.restore_as(&typed, conv).text, want, "{conv:?}");
        assert_eq!(r.restore_in(&typed, conv), want, "{conv:?}");
    }
    assert_eq!(r.restore("ئهم ههواڵه www.ههواڵ.net/له ببینه"), "ئەم هەواڵە www.ههواڵ.net/له ببینە");
}
