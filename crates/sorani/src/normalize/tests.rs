use super::*;
use proptest::prelude::*;

/// (input, expected under `standard`, what the rule is)
const STANDARD: &[(&str, &str, &str)] = &[
    ("کوردستان", "کوردستان", "standard text unchanged"),
    ("", "", "empty"),
    ("كتێب", "کتێب", "Arabic KAF U+0643 → U+06A9"),
    ("كوردي", "کوردی", "Arabic YEH U+064A → U+06CC"),
    ("مووسى", "مووسی", "ALEF MAKSURA U+0649 → U+06CC"),
    ("قوتابخانة", "قوتابخانە", "TEH MARBUTA U+0629 → U+06D5"),
    ("كؤڕ", "کۆڕ", "WAW WITH HAMZA U+0624 → U+06C6"),
    ("بڒوا", "بڕوا", "REH WITH SMALL V U+0692 → U+0695"),
    ("له\u{200C} ماڵ", "لە ماڵ", "HEH + ZWNJ → AE"),
    ("ده\u{200C}رگا", "دەرگا", "HEH + ZWNJ inside a word"),
    ("ھەولێر", "هەولێر", "HEH DOACHASHMEE → HEH"),
    ("رۆژ", "ڕۆژ", "word-initial REH → RREH"),
    ("(رێگا)", "(ڕێگا)", "REH after punctuation is word-initial"),
    ("بەرز", "بەرز", "REH inside a word unchanged"),
    ("کـــورد", "کورد", "tatweel removed"),
    ("\u{FEFF}سڵاو", "سڵاو", "BOM removed"),
    ("\u{200F}سڵاو\u{200E}", "سڵاو", "RLM and LRM removed"),
    ("\u{202B}سڵاو\u{202C}", "سڵاو", "embedding controls removed"),
    ("ک\u{200D}ورد", "کورد", "ZWJ removed"),
    ("سڵاو\u{00A0}دنیا", "سڵاو دنیا", "NO-BREAK SPACE → SPACE"),
    ("سڵاو\u{2009}دنیا\u{202F}!", "سڵاو دنیا !", "thin and narrow spaces → SPACE"),
    ("یەک\tدوو", "یەک\tدوو", "tab kept"),
    ("ﻛﻮﺭﺩ", "کورد", "presentation forms → base letters"),
    ("ﻻ", "لا", "lam-alef ligature → LAM ALEF"),
    ("وٚشە", "ۆشە", "WAW + small V → OE"),
    ("یٚک", "ێک", "YEH + small V → YEH WITH SMALL V"),
    ("يٚک", "ێک", "Arabic YEH + small V → YEH WITH SMALL V"),
    ("گولٚ", "گوڵ", "LAM + small V → LAM WITH SMALL V"),
    ("بەرٚز", "بەڕز", "REH + small V → RREH"),
    ("لەگەلأ", "لەگەڵ", "LAM + ALEF WITH HAMZA ABOVE ending a word (the Arabic keyboard's لأ key) → LAM WITH SMALL V"),
    ("کۆمەلأ، سالـأ.", "کۆمەڵ، ساڵ.", "… before punctuation, tatweel removed"),
    ("الأدب والأدب", "الأدب والأدب", "Arabic article + أ kept"),
    ("لأ گەلأن", "لأ گەلأن", "not a lone لأ, nor one inside a word"),
    ("کِتێب", "کتێب", "kasra removed"),
    ("مُحَمَّد", "محمد", "harakat removed"),
    ("ا\u{0653}و", "آو", "ALEF + MADDA composes (NFC) "),
    ("ي\u{0654}", "ئ", "YEH + HAMZA ABOVE composes to U+0626"),
    ("پێش\u{200C}کەوتن", "پێش\u{200C}کەوتن", "ZWNJ between two joining letters kept"),
    ("دا\u{200C}نیشتن", "دانیشتن", "ZWNJ after a right-joining letter removed"),
    ("سڵاو\u{200C} دنیا", "سڵاو دنیا", "ZWNJ before a space removed"),
    ("\u{200C}دنیا", "دنیا", "ZWNJ at the start removed"),
    ("پێش\u{200C}\u{200C}کەوتن", "پێش\u{200C}کەوتن", "ZWNJ runs collapse"),
    ("ساڵی ٢٠٢٤", "ساڵی ٢٠٢٤", "digits kept by default"),
    ("ساڵی ۲۰۲۴ و 2024", "ساڵی ۲۰۲۴ و 2024", "Persian and ASCII digits kept by default"),
    ("شاه", "شاه", "final HEH is not decided here (could be /h/)"),
    ("ئهوه", "ئهوه", "ambiguous legacy HEH left to restoration"),
    ("Hello World", "Hello World", "Latin case kept"),
    ("a\u{0301}", "á", "NFC on Latin"),
    ("🙂 #کورد", "🙂 #کورد", "emoji and hashtag unchanged"),
    ("line\u{2028}sep", "line\u{2028}sep", "line separator kept"),
    ("\0x", "\0x", "NUL kept"),
];

#[test]
fn standard_rules() {
    for &(input, expected, rule) in STANDARD {
        let got = normalize(input);
        assert_eq!(got, expected, "rule: {rule}\n input: {input:?}\n   got: {got:?}\nwanted: {expected:?}");
    }
}

#[test]
fn breve_and_caron_compose_like_small_v() {
    assert_eq!(normalize("لو\u{0306}"), "لۆ");
    assert_eq!(normalize("ل\u{030C}"), "ڵ");
}

#[test]
fn search_preset_folds() {
    let n = Normalizer::new(NormalizeOptions::search());
    let cases = [
        ("Hello ٢٠٢٤", "hello 2024", "digits to ASCII, lowercase"),
        ("پێش\u{200C}کەوتن", "پێشکەوتن", "ZWNJ removed"),
        ("له\u{200C} ماڵ", "لە ماڵ", "HEH + ZWNJ still → AE"),
        ("كوردي", "کوردی", "standard rules apply"),
        ("ÉCOLE", "école", "non-ASCII uppercase"),
        ("مُحَمَّد", "محمد", "harakat removed"),
    ];
    for (input, expected, rule) in cases {
        assert_eq!(n.normalize(input), expected, "search: {rule}: {input:?}");
    }
}

#[test]
fn options() {
    let keep = Normalizer::new(NormalizeOptions::standard().keep_harakat(true));
    assert_eq!(keep.normalize("کِتێب"), "کِتێب");
    assert_eq!(keep.normalize("يٰ"), "یٰ");
    let h = Normalizer::new(NormalizeOptions::standard().h_letter(HLetter::Doachashmee));
    assert_eq!(h.normalize("هەولێر"), "ھەولێر");
    assert_eq!(h.normalize("له\u{200C}"), "لە");
    let k = Normalizer::new(NormalizeOptions::standard().h_letter(HLetter::Keep));
    assert_eq!(k.normalize("ھه"), "ھه");
    for (digits, expected) in
        [(Digits::Latin, "2024 2024 2024"), (Digits::Arabic, "٢٠٢٤ ٢٠٢٤ ٢٠٢٤"), (Digits::Persian, "۲۰۲۴ ۲۰۲۴ ۲۰۲۴")]
    {
        let n = Normalizer::new(NormalizeOptions::standard().digits(digits));
        assert_eq!(n.normalize("2024 ٢٠٢٤ ۲۰۲۴"), expected, "{digits:?}");
    }
    assert_eq!("latin".parse::<Digits>().unwrap(), Digits::Latin);
    assert!("roman".parse::<Digits>().is_err());
    assert_eq!("doachashmee".parse::<HLetter>().unwrap(), HLetter::Doachashmee);
}

#[test]
fn unchanged_text_is_borrowed() {
    for text in ["کوردستان", "ساڵی ٢٠٢٤ لە هەولێر.", "پێش\u{200C}کەوتن", "abc", ""] {
        assert!(matches!(normalize(text), Cow::Borrowed(_)), "{text:?} should be borrowed");
    }
    // A conservative fast-scan hit that changes nothing is still borrowed.
    let keep = Normalizer::new(NormalizeOptions::standard().keep_harakat(true));
    assert!(matches!(keep.normalize("کِتێب"), Cow::Borrowed(_)));
}

#[test]
fn offsets_point_into_the_original() {
    let n = Normalizer::default();
    let input = "ـكـورد له\u{200C} ماڵ";
    let out = n.normalize_with_offsets(input);
    assert_eq!(out.text, "کورد لە ماڵ");
    let find = |word: &str| {
        let s = out.text.find(word).unwrap();
        &input[out.map.original_range(s..s + word.len())]
    };
    assert_eq!(find("کورد"), "كـورد");
    assert_eq!(find("ماڵ"), "ماڵ");
    assert_eq!(find("لە"), "له\u{200C}");
    assert_eq!(out.map.to_original(out.text.len()), input.len());
    let same = n.normalize_with_offsets("کورد");
    assert_eq!(same.map.original_range(0..4), 0..4);
}

/// A URL is left as typed, its Arabic letters too: changing one breaks
/// the link.
#[test]
fn urls_are_left_as_typed() {
    let input = "بڕوانە «https://ckb.wikipedia.org/wiki/كوردستان»، و www.example.net/هه\u{200C}واڵ/ي كتێب";
    let want = "بڕوانە «https://ckb.wikipedia.org/wiki/كوردستان»، و www.example.net/هه\u{200C}واڵ/ي کتێب";
    for n in [Normalizer::default(), Normalizer::new(NormalizeOptions::standard().digits(Digits::Latin))] {
        assert_eq!(n.normalize(input), want);
        let mut out = String::new();
        n.normalize_into(input, &mut out);
        assert_eq!(out, want);
    }
    let out = Normalizer::default().normalize_with_offsets(input);
    assert_eq!(out.text, want);
    let s = out.text.find("کتێب").unwrap();
    assert_eq!(&input[out.map.original_range(s..s + "کتێب".len())], "كتێب");
    // around it, text is normalized as ever
    assert_eq!(normalize("ـ(http://a.b/ك)، ي"), "(http://a.b/ك)، ی");
    // the search preset folds it like any other word
    let search = Normalizer::new(NormalizeOptions::search());
    assert_eq!(search.normalize("WWW.A.B/ك كورد"), "www.a.b/ک کورد");
    let standard = Normalizer::new(NormalizeOptions::standard().keep_urls(false));
    assert_eq!(standard.normalize("WWW.A.B/ك"), "WWW.A.B/ک");
}

#[test]
fn normalize_into_appends() {
    let n = Normalizer::default();
    let mut buf = String::from(">");
    assert!(n.normalize_into("كورد", &mut buf));
    assert!(!n.normalize_into(" ماڵ", &mut buf));
    assert_eq!(buf, ">کورد ماڵ");
}

#[test]
fn normalize_into_except_copies_the_kept_ranges() {
    let n = Normalizer::default();
    let text = "كورد\nالمدرسة\r\nيەک";
    let at = text.find("المدرسة").unwrap();
    let quotation = at..at + "المدرسة".len();
    let kept = std::slice::from_ref(&quotation);
    let mut buf = String::new();
    assert!(n.normalize_into_except(text, kept, &mut buf));
    assert_eq!(buf, "کورد\nالمدرسة\r\nیەک");
    // with nothing kept, the same as normalize_into
    let (mut a, mut b) = (String::new(), String::new());
    n.normalize_into_except(text, &[], &mut a);
    n.normalize_into(text, &mut b);
    assert_eq!(a, b);
    // nothing to change outside the kept range
    let mut buf = String::new();
    assert!(!n.normalize_into_except("کورد\nالمدرسة", kept, &mut buf));
}

/// A strategy for text mixing Sorani, legacy spellings, marks and controls.
fn soranish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "ک", "ك", "ه", "ھ", "ە", "ی", "ي", "ى", "ر", "ڕ", "و", "ۆ", "ؤ", "ل", "ڵ", "ا", "ب", "ة", "ڒ", " ", "\t", "\n",
        "\u{200C}", "\u{200D}", "\u{200F}", "\u{FEFF}", "\u{00A0}", "ـ", "\u{064E}", "\u{0651}", "\u{0650}",
        "\u{0654}", "\u{0653}", "\u{065A}", "\u{0306}", "\u{0301}", "ﻻ", "ﻛ", "\u{FE70}", "٣", "3", "۳", "A", "e", "İ",
        "(", ".", "🙂", "\u{0300}", "\u{0327}", "한", "\u{1161}", "\u{2126}", "أ", "لأ", "http://", "WWW.", "/",
    ]);
    prop::collection::vec(pieces, 0..24).prop_map(|v| v.concat())
}

fn presets() -> Vec<Normalizer> {
    vec![
        Normalizer::new(NormalizeOptions::standard()),
        Normalizer::new(NormalizeOptions::search()),
        Normalizer::new(NormalizeOptions::standard().keep_harakat(true)),
        Normalizer::new(NormalizeOptions::standard().h_letter(HLetter::Doachashmee).digits(Digits::Arabic)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn idempotent(text in soranish()) {
        for n in presets() {
            let once = n.normalize(&text).into_owned();
            let twice = n.normalize(&once);
            prop_assert_eq!(&twice, &once, "options {:?}", n.options());
        }
    }

    #[test]
    fn idempotent_on_any_string(text in any::<String>()) {
        for n in presets() {
            let once = n.normalize(&text).into_owned();
            prop_assert_eq!(n.normalize(&once), once.as_str());
        }
    }

    /// The fast paths (whole text skipping clean words; the one-pass path for
    /// words without marks) give what the full pipeline gives on every word.
    #[test]
    fn fast_path_matches_slow_path(text in soranish()) {
        for n in presets() {
            let fast = n.normalize(&text).into_owned();
            let mut slow = String::new();
            let mut scratch = Scratch::default();
            let mut start = 0;
            while start < text.len() {
                let end = text[start..].find([' ', '\n', '\t']).map_or(text.len(), |p| start + p + 1);
                let mut points = vec![(0, 0)];
                if n.options().keep_urls && crate::url::may_hold_url(&text.as_bytes()[start..end]) {
                    n.normalize_around_urls(&text, start..end, &mut slow, 0, &mut scratch, Some(&mut points));
                } else {
                    n.normalize_segment(&text[start..end], start, &mut slow, 0, &mut scratch, Some(&mut points));
                }
                start = end;
            }
            prop_assert_eq!(fast, slow, "options {:?}", n.options());
        }
    }

    #[test]
    fn a_url_comes_out_as_typed(
        before in soranish(),
        url in prop::sample::select(vec![
            "https://ckb.wikipedia.org/wiki/كوردستان", "www.example.net/هه\u{200C}واڵ?q=٣", "HTTP://A.B/ي_ة",
        ]),
        after in soranish(),
    ) {
        let text = format!("{before} {url} {after}");
        let out = Normalizer::default().normalize(&text);
        prop_assert!(out.contains(url), "{:?} gave {:?}", text, out);
    }

    #[test]
    fn offsets_are_monotonic_and_in_bounds(text in soranish()) {
        let out = Normalizer::default().normalize_with_offsets(&text);
        let mut last = 0;
        for (i, _) in out.text.char_indices().chain(std::iter::once((out.text.len(), ' '))) {
            let o = out.map.to_original(i);
            prop_assert!(o <= text.len());
            prop_assert!(o >= last, "offset map goes back at {}", i);
            prop_assert!(text.is_char_boundary(o));
            last = o;
        }
    }
}

/// Mostly clean Sorani, long enough for whole chunks, with now and then
/// something the common screen must send to the table scan.
fn mostly_clean() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "ک", "ە", "ی", "ر", "ڕ", "ا", "ب", "ن", "و", "ه", "ۆ", "ێ", "ڵ", "پ", "گ", "ع", " ", " ", " ", "،", "؟", "؛",
        "«", "»", ".", "a", "1", "ك", "ي", "ة", "\u{200C}", "ـ", "\u{064E}", "٣", "۳", "ھ", "ؤ", "\u{00A0}", "ث", "٪",
        "ٹ",
    ]);
    prop::collection::vec(pieces, 0..160).prop_map(|v| v.concat())
}

#[test]
fn common_screen_is_used_where_it_agrees() {
    assert!(Normalizer::new(NormalizeOptions::standard()).common_screen);
    assert!(Normalizer::new(NormalizeOptions::standard().keep_harakat(true)).common_screen);
    // Lowercasing makes ASCII dirty; a ه that becomes ھ is no longer clean.
    assert!(!Normalizer::new(NormalizeOptions::search()).common_screen);
    assert!(!Normalizer::new(NormalizeOptions::standard().h_letter(HLetter::Doachashmee)).common_screen);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    /// The screen only skips chunks the table scan finds clean.
    #[test]
    fn common_screen_changes_no_answer(text in mostly_clean()) {
        for n in presets() {
            let mut table_only = n.clone();
            table_only.common_screen = false;
            prop_assert_eq!(n.first_dirty(&text), table_only.first_dirty(&text), "{:?}", n.options());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    /// Lines are normalized independently: a text with line ends normalizes
    /// to its lines normalized one by one (what lets the command line
    /// normalize a run of lines in one call).
    #[test]
    fn lines_normalize_independently(text in soranish(), crlf in any::<bool>()) {
        let text = if crlf { text.replace('\n', "\r\n") } else { text };
        for n in presets() {
            let by_line: String = text
                .split_inclusive('\n')
                .map(|line| {
                    let body = line.strip_suffix('\n').map_or(line, |b| b.strip_suffix('\r').unwrap_or(b));
                    format!("{}{}", n.normalize(body), &line[body.len()..])
                })
                .collect();
            prop_assert_eq!(n.normalize(&text), by_line, "options {:?}", n.options());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    /// The one-pass mapping gives what the full pipeline gives, wherever it
    /// takes a segment.
    #[test]
    fn simple_pass_agrees_with_the_full_pipeline(text in soranish()) {
        for n in presets() {
            let mut simple = String::new();
            if n.simple_segment(&text, &mut simple) {
                let mut full = String::new();
                let mut points = Vec::new();
                // Offsets make the full pipeline skip the one-pass mapping.
                n.normalize_segment(&text, 0, &mut full, 0, &mut Scratch::default(), Some(&mut points));
                prop_assert_eq!(simple, full, "options {:?}", n.options());
            }
        }
    }
}
