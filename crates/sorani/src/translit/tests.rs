//! Table-driven tests of the rules (lexicon off, so they test the rules alone).

use super::*;

fn rules() -> Transliterator {
    Transliterator::new().with_lexicon(false).with_latin(LatinOptions { capitalize: false, ..Default::default() })
}

#[test]
fn arabic_to_latin_words() {
    let t = rules();
    let cases = [
        ("کوردستان", "kurdistan"),
        ("گرتن", "girtin"),
        ("کچ", "kiç"),
        ("بوون", "bûn"),
        ("کردن", "kirdin"),
        ("دەکرێ", "dekirê"),
        ("ئاگر", "agir"),
        ("ئەو", "ew"),
        ("ئێمە", "ême"),
        ("ئومێد", "umêd"),
        ("ئیسلامی", "îslamî"),
        ("نییە", "nîye"),
        ("ئاسایی", "asayî"),
        ("دوا", "dwa"),
        ("خواردن", "xwardin"),
        ("کەوتووە", "kewtuwe"),
        ("دووەم", "duwem"),
        ("هەبووە", "hebuwe"),
        ("بازرگانی", "bazirganî"),
        ("سەرکردایەتی", "serkirdayetî"),
        ("دەست", "dest"),
        ("هاتن", "hatin"),
        ("یەکەم", "yekem"),
        ("و", "û"),
        ("ی", "î"),
        ("ڕۆژ", "řoj"),
        ("باڵ", "bał"),
        ("حەسەن", "ḧesen"),
        ("عەلی", "’elî"),
        ("بەئەم", "be’em"),
        ("ناردن", "nardin"),
        ("وتنەوە", "witinewe"),
    ];
    let mut failures = Vec::new();
    for (ar, want) in cases {
        let got = t.to_latin(ar);
        if got != want {
            failures.push(format!("{ar}: got {got}, want {want}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} wrong:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

#[test]
fn latin_to_arabic_words() {
    let cases = [
        ("kurdistan", "کوردستان"),
        ("Girtin", "گرتن"),
        ("bûn", "بوون"),
        ("ew", "ئەو"),
        ("ême", "ئێمە"),
        ("umêd", "ئومێد"),
        ("kewtuwe", "کەوتووە"),
        ("nîye", "نییە"),
        ("řoj", "ڕۆژ"),
        ("ŕoj", "ڕۆژ"),
        ("rroj", "ڕۆژ"),
        ("baĺ", "باڵ"),
        ("ball", "باڵ"),
        ("’elî", "عەلی"),
        ("be’em", "بەئەم"),
        ("û", "و"),
        ("ḧesen", "حەسەن"),
    ];
    for (la, want) in cases {
        assert_eq!(to_arabic(la), want, "to_arabic({la})");
    }
}

#[test]
fn text_conventions() {
    let cases = [
        ("ئەو کچە؟ بەڵێ.", "Ew kiçe? Bełê."),
        ("ساڵی ٢٠٢٤، باش", "Sałî 2024, baş"),
        ("«کورد» ١٫٥", "“Kurd” 1.5"),
        ("سەردانی https://example.com بکە", "Serdanî https://example.com bike"),
        ("ئەو Google بەکاردێنێت", "Ew Google bekardênêt"),
    ];
    for (ar, want) in cases {
        assert_eq!(to_latin(ar), want, "to_latin({ar})");
    }
    let back = [
        ("Ew kiçe? Bałê.", "ئەو کچە؟ باڵێ."),
        ("sałî 2024, baş", "ساڵی ٢٠٢٤، باش"),
        ("serdanî https://example.com bike", "سەردانی https://example.com بکە"),
        ("1,5 an 3.25", "١٬٥ ئان ٣٫٢٥"),
    ];
    for (la, want) in back {
        assert_eq!(to_arabic(la), want, "to_arabic({la})");
    }
}

#[test]
fn latin_options() {
    let t = Transliterator::new().with_latin(LatinOptions { letters: LatinLetters::Plain, ain: AinStyle::Diaeresis, capitalize: false });
    assert_eq!(t.to_latin("ڕێگای عەلی"), "rêgay ëelî");
    let t = Transliterator::new().with_latin(LatinOptions { letters: LatinLetters::Acute, ..Default::default() });
    assert_eq!(t.to_latin("ڕێگای باڵ"), "Ŕêgay baĺ");
}

#[test]
fn syllables_and_ipa() {
    let cases = [("کوردستان", "kur·dis·tan"), ("girtin", "gir·tin"), ("ئاو", "aw"), ("دەکرێ", "de·ki·rê")];
    for (w, want) in cases {
        assert_eq!(syllables(w), want, "syllables({w})");
    }
    let ipa = [("کوردستان", "kʊɾ.dɪs.ˈtɑːn"), ("ئاو", "ʔɑːw"), ("ڕەنگ", "rɛŋg")];
    for (w, want) in ipa {
        assert_eq!(to_ipa(w), want, "to_ipa({w})");
    }
}

#[test]
fn round_trip_latin_words() {
    let words = ["kurdistan", "girtin", "dekirê", "xwardin", "kewtuwe", "nîye", "asayî", "bazirganî", "serkirdayetî", "řojname", "hełbijêrin"];
    let t = rules();
    for w in words {
        let ar = to_arabic(w);
        assert_eq!(t.to_latin(&ar), w, "{w} → {ar} → back");
    }
}
