//! The noisy channel: how each typing convention turns standard Sorani
//! letters into what was typed, as a weighted confusion table read in the
//! restoring direction (typed letter → standard letters, with a cost).
//!
//! Costs are negative log-odds-like units: 0 is a certain fold (ك → ک),
//! about 0.3–1 a common keyboard substitute (ه for ە, ی for ێ), 2–3 a rare one.
//! The tables were written from the keyboard layouts (which Kurdish letters
//! each layout lacks) and the character-correspondence habits documented by
//! Ahmadi & Anastasopoulos (2023).

/// See [`Channel::as_typed_cost`].
const SUBSTITUTE_KEPT: f32 = 0.1;

/// Which confusions are active.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Channel {
    /// Legacy Kurdish keyboards: only ە ↔ ه is ambiguous (plus the
    /// deterministic ك ي ى ة folds).
    Legacy,
    /// Arabic keyboards: every Kurdish-only letter, dropped vowels.
    Arabic,
    /// Persian keyboards: as Arabic, but پ چ ژ گ ک ی exist.
    Persian,
    /// Unknown or mixed text: everything, at higher cost.
    Mixed,
}

/// A confusion class, reported in explanations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub(crate) enum Op {
    HehAe = 0,
    YehE,
    WawO,
    DoubleWaw,
    Lam,
    Reh,
    Veh,
    Peh,
    Cheh,
    Jeh,
    Gaf,
    ArabicFold,
    AlefHamza,
    InsertVowel,
    DeleteLetter,
    ArabicLetter,
    Join,
    Suffix,
}

impl Op {
    pub(crate) const ALL: [Op; 18] = [
        Op::HehAe,
        Op::YehE,
        Op::WawO,
        Op::DoubleWaw,
        Op::Lam,
        Op::Reh,
        Op::Veh,
        Op::Peh,
        Op::Cheh,
        Op::Jeh,
        Op::Gaf,
        Op::ArabicFold,
        Op::AlefHamza,
        Op::InsertVowel,
        Op::DeleteLetter,
        Op::ArabicLetter,
        Op::Join,
        Op::Suffix,
    ];

    pub(crate) fn bit(self) -> u32 {
        1 << (self as u8)
    }

    pub(crate) fn name(self) -> &'static str {
        match self {
            Op::HehAe => "ه→ە",
            Op::YehE => "ی→ێ",
            Op::WawO => "و→ۆ",
            Op::DoubleWaw => "و→وو",
            Op::Lam => "ل→ڵ",
            Op::Reh => "ر→ڕ",
            Op::Veh => "ف/و→ڤ",
            Op::Peh => "ب→پ",
            Op::Cheh => "ج→چ",
            Op::Jeh => "ز→ژ",
            Op::Gaf => "ك→گ",
            Op::ArabicFold => "arabic-letter-fold",
            Op::AlefHamza => "ا→ئ+vowel",
            Op::InsertVowel => "dropped-vowel",
            Op::DeleteLetter => "doubled-letter",
            Op::ArabicLetter => "arabic-only-letter",
            Op::Join => "split-word",
            Op::Suffix => "known-stem+suffixes",
        }
    }
}

/// Names of the ops set in `mask`, joined by `+`.
pub(crate) fn describe(mask: u32) -> String {
    let mut out = String::new();
    for op in Op::ALL {
        if mask & op.bit() != 0 {
            if !out.is_empty() {
                out.push('+');
            }
            out.push_str(op.name());
        }
    }
    if out.is_empty() {
        out.push_str("fold");
    }
    out
}

/// One way to read a typed letter: the standard letters, the cost, the class.
pub(crate) type Sub = (&'static str, f32, Op);

/// Whether `c` can stand as itself in standard Sorani.
pub(crate) fn is_standard_letter(c: char) -> bool {
    matches!(
        c,
        'ئ' | 'ا'
            | 'ب'
            | 'پ'
            | 'ت'
            | 'ج'
            | 'چ'
            | 'ح'
            | 'خ'
            | 'د'
            | 'ر'
            | 'ڕ'
            | 'ز'
            | 'ژ'
            | 'س'
            | 'ش'
            | 'ع'
            | 'غ'
            | 'ف'
            | 'ڤ'
            | 'ق'
            | 'ک'
            | 'گ'
            | 'ل'
            | 'ڵ'
            | 'م'
            | 'ن'
            | 'ه'
            | 'ە'
            | 'و'
            | 'ۆ'
            | 'ی'
            | 'ێ'
    )
}

impl Channel {
    /// The readings of typed letter `c` other than itself. `initial` is true
    /// at the start of a word.
    pub(crate) fn subs(self, c: char, initial: bool) -> &'static [Sub] {
        use Op::*;
        // Deterministic folds, shared by every channel.
        match c {
            'ي' | 'ى' => {
                return match self {
                    Channel::Legacy => &[("ی", 0.0, ArabicFold)],
                    Channel::Arabic | Channel::Persian => &[("ی", 0.0, ArabicFold), ("ێ", 0.0, YehE)],
                    Channel::Mixed => &[("ی", 0.0, ArabicFold), ("ێ", 0.2, YehE)],
                }
            }
            'ة' => return &[("ە", 0.0, ArabicFold)],
            'ؤ' => return &[("ۆ", 0.0, ArabicFold)],
            'ھ' => return &[("ه", 0.0, ArabicFold)],
            'أ' => return &[("ئە", 0.2, AlefHamza), ("ئ", 0.5, AlefHamza)],
            'إ' => return &[("ئێ", 0.2, AlefHamza), ("ئی", 0.5, AlefHamza)],
            'آ' => return &[("ئا", 0.1, AlefHamza)],
            'ط' => return &[("ت", 0.3, ArabicLetter)],
            'ص' | 'ث' => return &[("س", 0.3, ArabicLetter)],
            'ظ' | 'ض' | 'ذ' => return &[("ز", 0.3, ArabicLetter)],
            'ك' => {
                return match self {
                    Channel::Legacy | Channel::Persian => &[("ک", 0.0, ArabicFold)],
                    Channel::Arabic => &[("ک", 0.0, ArabicFold), ("گ", 0.0, Gaf)],
                    Channel::Mixed => &[("ک", 0.0, ArabicFold), ("گ", 0.5, Gaf)],
                }
            }
            _ => {}
        }
        match self {
            Channel::Legacy => match c {
                'ه' => &[("ە", 0.3, HehAe)],
                _ => &[],
            },
            Channel::Arabic | Channel::Persian | Channel::Mixed => {
                // A keyboard that lacks a letter always types its substitute,
                // so reading the substitute as that letter is free and the
                // lexicon and the context decide (not in standard-looking
                // text, Mixed); letters the keyboard has (Persian پ چ ژ گ)
                // are rarely wrong.
                let mixed = self == Channel::Mixed;
                let lacks_arabic = self == Channel::Arabic;
                match (c, initial) {
                    ('ه', _) if mixed => &[("ە", 1.0, HehAe)],
                    ('ه', _) => &[("ە", 0.0, HehAe)],
                    ('ی', _) if mixed => &[("ێ", 0.2, YehE)],
                    ('ی', _) => &[("ێ", 0.0, YehE)],
                    ('و', _) if mixed => &[("ۆ", 0.3, WawO), ("وو", 0.9, DoubleWaw), ("ڤ", 2.0, Veh)],
                    // ū typed as one و: half the time on Arabic keyboards,
                    // always on Persian ones, where a typed و stays one two
                    // times in three (the ScriptNormalization alignment
                    // matrices): ln(0.65 / 0.5) ≈ 0.3, and nothing.
                    ('و', _) if lacks_arabic => &[("ۆ", 0.0, WawO), ("وو", 0.3, DoubleWaw), ("ڤ", 2.0, Veh)],
                    ('و', _) => &[("ۆ", 0.0, WawO), ("وو", 0.0, DoubleWaw), ("ڤ", 2.0, Veh)],
                    ('ل', _) if mixed => &[("ڵ", 0.3, Lam)],
                    ('ل', _) => &[("ڵ", 0.0, Lam)],
                    ('ر', false) if mixed => &[("ڕ", 0.4, Reh)],
                    ('ر', _) => &[("ڕ", 0.0, Reh)],
                    ('ف', _) => &[("ڤ", 1.5, Veh)],
                    ('ب', _) if lacks_arabic => &[("پ", 0.0, Peh)],
                    ('ج', _) if lacks_arabic => &[("چ", 0.0, Cheh)],
                    ('ز', _) if lacks_arabic => &[("ژ", 0.0, Jeh)],
                    ('ک', _) if lacks_arabic => &[("گ", 0.0, Gaf)],
                    ('ب', _) => &[("پ", 3.0, Peh)],
                    ('ج', _) => &[("چ", 3.0, Cheh)],
                    ('ز', _) => &[("ژ", 3.5, Jeh)],
                    ('ک', _) => &[("گ", 3.0, Gaf)],
                    ('ا', true) => &[
                        ("ئا", 0.3, AlefHamza),
                        ("ئە", 0.5, AlefHamza),
                        ("ئێ", 1.0, AlefHamza),
                        ("ئۆ", 1.0, AlefHamza),
                        ("ئو", 1.2, AlefHamza),
                        ("ئی", 1.2, AlefHamza),
                    ],
                    ('ئ', false) => &[("ێ", 1.5, YehE)],
                    ('ق', _) => &[("غ", 2.5, ArabicLetter)],
                    _ => &[],
                }
            }
        }
    }

    /// The cost of reading typed letter `c` as itself (`last`: the word's
    /// last letter): on keyboards that lack ێ ۆ ڵ ڕ ڤ ە, a little for their
    /// substitutes ی و ل ر ف ه, so that of two spellings the lexicon counts
    /// alike the one with the Kurdish letter wins (بمێنێتەوە over
    /// بمینێتەوە: the lexicon holds keyboard spellings too); a real
    /// difference in counts still decides (نیو over نێو). Not a final ی,
    /// far more often the ezafe, a clitic or the adjective's -ی than ێ
    /// (ئینگلیسی, not the lexicon's ئینگلیسێ).
    pub(crate) fn as_typed_cost(self, c: char, last: bool) -> f32 {
        match (self, c) {
            (Channel::Arabic | Channel::Persian, 'ی') if last => 0.0,
            (Channel::Arabic | Channel::Persian, 'ی' | 'و' | 'ل' | 'ر' | 'ف' | 'ه') => SUBSTITUTE_KEPT,
            _ => 0.0,
        }
    }

    /// The sum of [`Channel::as_typed_cost`] over a typed word.
    pub(crate) fn all_typed_cost(self, letters: &[char]) -> f32 {
        letters.iter().enumerate().map(|(i, &c)| self.as_typed_cost(c, i + 1 == letters.len())).sum()
    }

    /// Letters that may have been dropped, with their cost.
    pub(crate) fn inserts(self) -> &'static [Sub] {
        use Op::*;
        match self {
            Channel::Legacy => &[],
            Channel::Arabic | Channel::Persian => &[
                ("ە", 1.0, InsertVowel),
                ("و", 1.6, InsertVowel),
                ("ێ", 1.8, InsertVowel),
                ("ۆ", 2.0, InsertVowel),
                ("ی", 2.0, InsertVowel),
            ],
            Channel::Mixed => {
                &[("ە", 2.0, InsertVowel), ("و", 2.5, InsertVowel), ("ێ", 2.5, InsertVowel), ("ی", 2.8, InsertVowel)]
            }
        }
    }

    /// The cost of dropping a typed letter (a doubled letter), if allowed.
    pub(crate) fn delete_cost(self) -> Option<f32> {
        match self {
            Channel::Legacy => None,
            Channel::Arabic | Channel::Persian => Some(2.5),
            Channel::Mixed => Some(3.0),
        }
    }

    /// The largest total cost a candidate may have.
    pub(crate) fn budget(self) -> f32 {
        match self {
            Channel::Legacy => 6.0,
            Channel::Arabic | Channel::Persian => 5.0,
            Channel::Mixed => 4.0,
        }
    }

    /// Whether this channel surely leaves a word of `letters` as typed: a
    /// legacy keyboard word without ه ك ي or another letter it changes.
    pub(crate) fn leaves_as_typed(self, letters: impl IntoIterator<Item = char>) -> bool {
        self == Channel::Legacy && !letters.into_iter().any(|c| self.touches(c))
    }

    /// Whether this channel could change `c` at all.
    pub(crate) fn touches(self, c: char) -> bool {
        match self {
            Channel::Legacy => legacy_touches(c),
            _ => true,
        }
    }
}

/// Whether the legacy keyboard's channel could change `c`: ه, and the
/// letters it folds or reads otherwise (ك ي ة أ ط …).
pub(crate) const fn legacy_touches(c: char) -> bool {
    matches!(c, 'ه' | 'ك' | 'ي' | 'ى' | 'ة' | 'ؤ' | 'ھ' | 'أ' | 'إ' | 'آ' | 'ط' | 'ص' | 'ث' | 'ظ' | 'ض' | 'ذ')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn substitutes_kept_as_typed_cost_a_little_but_a_final_yeh() {
        for channel in [Channel::Arabic, Channel::Persian] {
            for c in ['ی', 'و', 'ل', 'ر', 'ف', 'ه'] {
                assert!(channel.as_typed_cost(c, false) > 0.0, "{channel:?} {c}");
            }
            assert_eq!(channel.as_typed_cost('ی', true), 0.0);
            assert_eq!(channel.as_typed_cost('د', false), 0.0);
            assert_eq!(channel.all_typed_cost(&['ک', 'و', 'ر', 'د', 'ی']), 2.0 * SUBSTITUTE_KEPT);
        }
        assert_eq!(Channel::Legacy.as_typed_cost('ه', false), 0.0);
        assert_eq!(Channel::Mixed.as_typed_cost('ی', false), 0.0);
    }

    #[test]
    fn standard_letters_are_the_sorani_alphabet() {
        let alphabet = "ئابپتجچحخدرڕزژسشعغفڤقکگلڵمنهەوۆیێ";
        for c in ('\u{0600}'..='\u{06FF}').chain(['a', ' ', '\u{200C}']) {
            assert_eq!(is_standard_letter(c), alphabet.contains(c), "{c:?} (U+{:04X})", c as u32);
        }
    }
}
