//! The phoneme inventory shared by every direction: Arabic script and Latin
//! are both read into a sequence of [`Ph`] and written out from it.

/// One Sorani phoneme (plus the inserted /i/, which is an ordinary `I`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub(crate) enum Ph {
    // Vowels.
    A,
    E,
    Ee,
    I,
    Ii,
    O,
    U,
    Uu,
    // Consonants.
    B,
    P,
    T,
    C,
    Ch,
    Hh,
    X,
    D,
    R,
    Rr,
    Z,
    J,
    S,
    Sh,
    Ain,
    Gh,
    F,
    V,
    Q,
    K,
    G,
    L,
    Ll,
    M,
    N,
    H,
    W,
    Y,
    /// A written hamza (ئ) inside a word: a glottal stop.
    Glottal,
}

impl Ph {
    /// Every phoneme, in declaration order (`Ph::ALL[p as usize] == p`).
    #[rustfmt::skip]
    pub(crate) const ALL: [Ph; 37] = [
        Ph::A, Ph::E, Ph::Ee, Ph::I, Ph::Ii, Ph::O, Ph::U, Ph::Uu, Ph::B, Ph::P, Ph::T, Ph::C, Ph::Ch,
        Ph::Hh, Ph::X, Ph::D, Ph::R, Ph::Rr, Ph::Z, Ph::J, Ph::S, Ph::Sh, Ph::Ain, Ph::Gh, Ph::F, Ph::V,
        Ph::Q, Ph::K, Ph::G, Ph::L, Ph::Ll, Ph::M, Ph::N, Ph::H, Ph::W, Ph::Y, Ph::Glottal,
    ];

    /// Whether this phoneme is a vowel (a syllable nucleus).
    #[inline]
    pub(crate) fn is_vowel(self) -> bool {
        (self as u8) <= (Ph::Uu as u8)
    }

    /// Whether this is one of the glides /w/ /j/.
    #[inline]
    pub(crate) fn is_glide(self) -> bool {
        matches!(self, Ph::W | Ph::Y)
    }

    /// Sonority rank: stops and affricates 1, fricatives 2, nasals 3,
    /// liquids 4, glides 5, vowels 6.
    #[inline]
    pub(crate) fn sonority(self) -> u8 {
        match self {
            Ph::B | Ph::P | Ph::T | Ph::D | Ph::K | Ph::G | Ph::Q | Ph::C | Ph::Ch | Ph::Glottal | Ph::Ain => 1,
            Ph::F | Ph::V | Ph::S | Ph::Z | Ph::Sh | Ph::J | Ph::X | Ph::Gh | Ph::Hh | Ph::H => 2,
            Ph::M | Ph::N => 3,
            Ph::L | Ph::Ll | Ph::R | Ph::Rr => 4,
            Ph::W | Ph::Y => 5,
            _ => 6,
        }
    }

    /// The phoneme's IPA symbol.
    pub(crate) fn ipa(self) -> &'static str {
        match self {
            Ph::A => "ɑː",
            Ph::E => "ɛ",
            Ph::Ee => "eː",
            Ph::I => "ɪ",
            Ph::Ii => "iː",
            Ph::O => "oː",
            Ph::U => "ʊ",
            Ph::Uu => "uː",
            Ph::B => "b",
            Ph::P => "p",
            Ph::T => "t",
            Ph::C => "d͡ʒ",
            Ph::Ch => "t͡ʃ",
            Ph::Hh => "ħ",
            Ph::X => "x",
            Ph::D => "d",
            Ph::R => "ɾ",
            Ph::Rr => "r",
            Ph::Z => "z",
            Ph::J => "ʒ",
            Ph::S => "s",
            Ph::Sh => "ʃ",
            Ph::Ain => "ʕ",
            Ph::Gh => "ɣ",
            Ph::F => "f",
            Ph::V => "v",
            Ph::Q => "q",
            Ph::K => "k",
            Ph::G => "g",
            Ph::L => "l",
            Ph::Ll => "ɫ",
            Ph::M => "m",
            Ph::N => "n",
            Ph::H => "h",
            Ph::W => "w",
            Ph::Y => "j",
            Ph::Glottal => "ʔ",
        }
    }

    /// The Arabic-script spelling of this phoneme in a word's middle
    /// (the bizroke `I` is not written).
    pub(crate) const fn arabic(self) -> &'static str {
        match self {
            Ph::A => "ا",
            Ph::E => "ە",
            Ph::Ee => "ێ",
            Ph::I => "",
            Ph::Ii => "ی",
            Ph::O => "ۆ",
            Ph::U => "و",
            Ph::Uu => "وو",
            Ph::B => "ب",
            Ph::P => "پ",
            Ph::T => "ت",
            Ph::C => "ج",
            Ph::Ch => "چ",
            Ph::Hh => "ح",
            Ph::X => "خ",
            Ph::D => "د",
            Ph::R => "ر",
            Ph::Rr => "ڕ",
            Ph::Z => "ز",
            Ph::J => "ژ",
            Ph::S => "س",
            Ph::Sh => "ش",
            Ph::Ain => "ع",
            Ph::Gh => "غ",
            Ph::F => "ف",
            Ph::V => "ڤ",
            Ph::Q => "ق",
            Ph::K => "ک",
            Ph::G => "گ",
            Ph::L => "ل",
            Ph::Ll => "ڵ",
            Ph::M => "م",
            Ph::N => "ن",
            Ph::H => "ه",
            Ph::W => "و",
            Ph::Y => "ی",
            Ph::Glottal => "ئ",
        }
    }
}
