//! Decoding of text typed with legacy non-Unicode Kurdish fonts.
//!
//! Before Unicode had the Kurdish letters, fonts such as the Ali-K family
//! (Ali_K_Samik, Ali_K_Alwand, … and Ali_Web), Dylan and Zarnegar drew
//! Kurdish letters at the code points of Arabic letters Sorani does not use
//! (ط ث ض ظ ذ ص) or as a letter plus a diacritic (لَ for ڵ, رِ for ڕ).
//! Text copied out of such documents keeps those code points. Each font's
//! table below lists the published correspondences (facts about the fonts'
//! code pages); [`decode`] applies one, and [`detect_font`] picks the one
//! whose output the lexicon recognises best.

use std::borrow::Cow;

use crate::lexicon::Lexicon;

/// A legacy Kurdish font family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Font {
    /// The Ali-K family (Ali_K_Samik, Ali_K_Alwand, Ali_K_Sahifa …): ط گ,
    /// ث پ, ض چ, ظ ڤ, ذ ژ, ة ە, ى/ي + fatha ێ, لَ ڵ, رِ ڕ, ؤ ۆ.
    AliK,
    /// Ali_Web: as Ali-K but ص ێ, پ ڵ, أ ڕ, and ط/گ swapped.
    AliWeb,
    /// Dylan: ث ێ, ص ڵ, ض ڤ, ذ ڕ, ة ە, ؤ ۆ.
    Dylan,
    /// Zarnegar: marks with dammatan/kasratan (یٌ ێ, لٌ ڵ, رٍ ڕ, وٌ ۆ),
    /// final ه and ه + ZWNJ for ە.
    Zarnegar,
}

impl Font {
    /// Every supported font.
    pub const ALL: [Font; 4] = [Font::AliK, Font::AliWeb, Font::Dylan, Font::Zarnegar];

    /// The font's short name: `ali-k`, `ali-web`, `dylan`, `zarnegar`.
    pub fn name(self) -> &'static str {
        match self {
            Font::AliK => "ali-k",
            Font::AliWeb => "ali-web",
            Font::Dylan => "dylan",
            Font::Zarnegar => "zarnegar",
        }
    }

    /// Parses a font name, case-insensitively, ignoring `-`, `_` and spaces:
    /// `ali-k`, `Ali_K_Samik` (and other `Ali_K_*` faces), `ali-web`,
    /// `dylan`, `zarnegar`.
    pub fn from_name(name: &str) -> Option<Font> {
        let key: String =
            name.chars().filter(|c| !matches!(c, '-' | '_' | ' ')).collect::<String>().to_ascii_lowercase();
        match key.as_str() {
            "aliweb" => Some(Font::AliWeb),
            "dylan" => Some(Font::Dylan),
            "zarnegar" => Some(Font::Zarnegar),
            k if k == "alik" || k.starts_with("alik") => Some(Font::AliK),
            _ => None,
        }
    }
}

const FATHA: char = '\u{064E}';
const FATHATAN: char = '\u{064B}';
const DAMMATAN: char = '\u{064C}';
const KASRATAN: char = '\u{064D}';
const DAMMA: char = '\u{064F}';
const KASRA: char = '\u{0650}';
const SUKUN: char = '\u{0652}';
const ZWNJ: char = '\u{200C}';

fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D5}')
}

/// Decodes `text` typed in `font` to standard Unicode Sorani (borrowed when
/// nothing changes).
///
/// ```
/// use sorani::restore::{font::decode, Font};
/// assert_eq!(decode("طوند", Font::AliK), "گوند");
/// assert_eq!(decode("ثةرلةمان", Font::AliK), "پەرلەمان");
/// ```
pub fn decode(text: &str, font: Font) -> Cow<'_, str> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut i = 0;
    let at = |j: usize| chars.get(j).copied();
    while i < chars.len() {
        let c = chars[i];
        let n1 = at(i + 1);
        let n2 = at(i + 2);
        // (output, characters consumed)
        let (s, used): (&str, usize) = match font {
            Font::AliK => match (c, n1, n2) {
                ('ل', Some('ا'), Some(FATHA | FATHATAN)) => ("ڵا", 3),
                ('ل', Some('آ'), _) => ("ڵا", 2),
                ('ل', Some(FATHA | FATHATAN | 'أ'), _) => ("ڵ", 2),
                ('ى' | 'ي' | 'ی', Some(FATHA), _) => ("ێ", 2),
                ('آ', _, _) => ("ێ", 1),
                ('ر', Some(KASRA), _) => ("ڕ", 2),
                ('و', Some(FATHA), _) => ("ۆ", 2),
                ('ؤ', _, _) => ("ۆ", 1),
                ('ة', _, _) => ("ە", 1),
                ('ض', _, _) => ("چ", 1),
                ('ث', _, _) => ("پ", 1),
                ('ظ', _, _) => ("ڤ", 1),
                ('ط', _, _) => ("گ", 1),
                ('ذ', _, _) => ("ژ", 1),
                ('ك', _, _) => ("ک", 1),
                ('ي' | 'ى', _, _) => ("ی", 1),
                ('ء', _, _) => ("و", 1),
                (KASRA, _, _) => ("", 1),
                _ => ("", 0),
            },
            Font::AliWeb => match (c, n1, n2) {
                ('ل', Some('ا'), Some(FATHA | FATHATAN)) => ("ڵا", 3),
                ('ل', Some('آ'), _) => ("ڵا", 2),
                ('ل', Some(FATHA), _) => ("ڵ", 2),
                ('پ', _, _) => ("ڵ", 1),
                ('ر', Some(KASRA), _) => ("ڕ", 2),
                ('أ', _, _) => ("ڕ", 1),
                ('و', Some(FATHA), _) => ("ۆ", 2),
                ('ؤ', _, _) => ("ۆ", 1),
                ('ي' | 'ی', Some(FATHA), _) => ("ێ", 2),
                ('ص', _, _) => ("ێ", 1),
                ('ة', _, _) => ("ە", 1),
                ('ط', _, _) => ("گ", 1),
                ('گ', _, _) => ("ط", 1),
                ('ض', _, _) => ("چ", 1),
                ('ث', _, _) => ("پ", 1),
                ('ظ', _, _) => ("ڤ", 1),
                ('ذ', _, _) => ("ژ", 1),
                ('ك', _, _) => ("ک", 1),
                ('ي' | 'ى', _, _) => ("ی", 1),
                (SUKUN | DAMMA, _, _) => ("", 1),
                _ => ("", 0),
            },
            Font::Dylan => match (c, n1, n2) {
                ('ل', Some('إ' | 'أ' | 'آ'), _) => ("ڵا", 2),
                ('و', Some(FATHA), _) => ("ۆ", 2),
                ('ؤ', _, _) => ("ۆ", 1),
                ('ة', _, _) => ("ە", 1),
                ('ض', _, _) => ("ڤ", 1),
                ('ص', _, _) => ("ڵ", 1),
                ('ث', _, _) => ("ێ", 1),
                ('ذ', _, _) => ("ڕ", 1),
                ('ك', _, _) => ("ک", 1),
                ('ي' | 'ى', _, _) => ("ی", 1),
                _ => ("", 0),
            },
            Font::Zarnegar => match (c, n1, n2) {
                ('ل', Some('ا'), Some(DAMMATAN)) => ("ڵا", 3),
                ('ی' | 'ي' | 'ى', Some(DAMMATAN), _) => ("ێ", 2),
                ('ل', Some(DAMMATAN), _) => ("ڵ", 2),
                ('ر', Some(KASRATAN), _) => ("ڕ", 2),
                ('و', Some(DAMMATAN), _) => ("ۆ", 2),
                ('ه', Some(ZWNJ), _) => ("ە", 2),
                ('ه', next, _)
                    if i > 0
                        && !next.is_some_and(is_arabic_letter)
                        && chars[i - 1] != ' '
                        && is_arabic_letter(chars[i - 1]) =>
                {
                    ("ە", 1)
                }
                ('ي' | 'ى', _, _) => ("ی", 1),
                _ => ("", 0),
            },
        };
        if used == 0 {
            out.push(c);
            i += 1;
        } else {
            out.push_str(s);
            i += used;
        }
    }
    if out == text {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(out)
    }
}

/// How many Arabic-script words of `text` the lexicon knows, and how many
/// there are.
fn coverage(text: &str, lex: &Lexicon) -> (usize, usize) {
    let mut known = 0usize;
    let mut total = 0usize;
    for w in text.split(|c: char| !(is_arabic_letter(c) || c == ZWNJ || matches!(c, '\u{064B}'..='\u{0652}'))) {
        if w.is_empty() {
            continue;
        }
        total += 1;
        if lex.contains(w) {
            known += 1;
        }
    }
    (known, total)
}

/// The legacy font `text` was most likely typed in, with a confidence, or
/// `None` when no font's decoding reads better than the text as it is.
pub fn detect_font(text: &str) -> Option<(Font, f32)> {
    detect_font_counted(text, super::detect::count(text).marked_letters)
}

/// [`detect_font`] for a text whose letters with a font's mark (یَ for ێ)
/// are counted already (`marked_letters`, by [`super::detect::count`]).
pub(super) fn detect_font_counted(text: &str, marked_letters: usize) -> Option<(Font, f32)> {
    let lex = Lexicon::embedded();
    let (base, words) = coverage(text, lex);
    if words == 0 {
        return None;
    }
    let mut best: Option<(Font, usize)> = None;
    for font in Font::ALL {
        let decoded = decode(text, font);
        if matches!(decoded, Cow::Borrowed(_)) {
            continue;
        }
        let (known, _) = coverage(&decoded, lex);
        if best.is_none_or(|(_, b)| known > b) {
            best = Some((font, known));
        }
    }
    let (font, known) = best?;
    let share = |known: usize| known as f32 / words as f32;
    // A font's letters change most words; one word read better is a name or
    // an Arabic word (سامانثا سمیث → سامانپا سمیپ, which the lexicon lists).
    // A letter with a mark (یَ for ێ) is a font's sign in any number of words;
    // in text without a letter of Unicode's own Kurdish block (ە ێ ۆ ڵ ڕ ڤ)
    // it is sign enough, since the lexicon reads most words typed in a font
    // as well as decoded (its lookup folds ة ك ي), and only the font reads
    // يَ as ێ where an Arabic keyboard's would be ی.
    let only_font_letters = marked_letters > 0 && !text.contains(['ە', 'ێ', 'ۆ', 'ڵ', 'ڕ', 'ڤ']);
    let margin = if only_font_letters {
        0.0
    } else if words >= 5 {
        0.1
    } else {
        0.2
    };
    let gained = known.saturating_sub(base) >= words.min(MIN_WORDS_GAINED) || marked_letters > 0;
    (gained && share(known) >= share(base) + margin).then_some((font, share(known).clamp(0.0, 0.99)))
}

/// How many more words a text of several words must read from the lexicon
/// decoded in a font than as typed ([`detect_font`]), unless it has a
/// marked letter.
const MIN_WORDS_GAINED: usize = 2;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_each_font() {
        let cases = [
            (Font::AliK, "طوندى ثيرؤز", "گوندی پیرۆز"),
            (Font::AliK, "ضاو و ظيان", "چاو و ڤیان"),
            (Font::AliK, "كوردستان", "کوردستان"),
            (Font::AliK, "لَةوىَ", "ڵەوێ"),
            (Font::AliWeb, "صم ثيَ ط", "ێم پێ گ"),
            (Font::Dylan, "ثم ذوو صةض", "ێم ڕوو ڵەڤ"),
            (Font::Zarnegar, "ديٌ خانه", "دێ خانە"),
        ];
        for (font, input, want) in cases {
            assert_eq!(decode(input, font), want, "decode({input:?}, {font:?})");
        }
    }

    #[test]
    fn font_names_parse() {
        for (name, font) in [
            ("Ali_K_Samik", Font::AliK),
            ("ali-k", Font::AliK),
            ("Ali_Web", Font::AliWeb),
            ("DYLAN", Font::Dylan),
            ("zarnegar", Font::Zarnegar),
        ] {
            assert_eq!(Font::from_name(name), Some(font), "{name}");
        }
        assert_eq!(Font::from_name("times"), None);
    }

    #[test]
    fn detects_ali_k() {
        let text = "ثةرلةمانى كوردستان لة طوندةكان ضاوى بة خةلَكى شار كةوت";
        let (font, _) = detect_font(text).expect("an Ali-K text is recognised");
        assert_eq!(font, Font::AliK);
        assert_eq!(detect_font("پەرلەمانی کوردستان لە گوندەکان"), None);
    }
}
