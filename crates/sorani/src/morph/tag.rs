//! Grammatical tags of morphemes as one-byte ids: a candidate analysis holds
//! a dozen of them, and with a byte each instead of a string reference it is
//! small enough to copy, sort and remember cheaply.

use super::Pos;

/// A morpheme tag (`DEF`, `PSS3P`, `V.PST` …); [`Tag::name`] gives its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tag(u8);

/// Every tag the analyzer gives (documented in `docs/morphology.md`), the
/// pseudo-tag `DERIV` of a derivational prefix, and `""` for an unused part.
const NAMES: &[&str] = &[
    "",
    "1P",
    "1S",
    "2S",
    "3P",
    "3S",
    "ADD",
    "ADJ",
    "ADP",
    "ADV",
    "ARG1P",
    "ARG1S",
    "ARG2P",
    "ARG2S",
    "ARG3P",
    "ARG3S",
    "CMPR",
    "CONJ",
    "COP",
    "COP1P",
    "COP1S",
    "COP2S",
    "COP3P",
    "COP3S",
    "DEF",
    "DEF;PL",
    "DEM",
    "DERIV",
    "DIR",
    "EP",
    "EWE",
    "EZ",
    "INDF",
    "INF",
    "INTJ",
    "LOC",
    "N",
    "NEG",
    "NOM",
    "NUM",
    "ORD",
    "PART",
    "PL",
    "PL;INDF",
    "PLUP",
    "PREP",
    "PRF",
    "PRF.3S",
    "PROG",
    "PROH",
    "PRON",
    "PROPN",
    "PSS1P",
    "PSS1S",
    "PSS2P",
    "PSS2S",
    "PSS3P",
    "PSS3S",
    "PTCP",
    "PVB",
    "SBJV",
    "SBJV;PRF",
    "SBJV;PST",
    "SPRL",
    "V",
    "V.MSDR",
    "V.PRS",
    "V.PRS;PASS",
    "V.PST",
    "V.PST;PASS",
    "X",
];

/// `Tag::of(name)` worked out at compile time (an unknown name fails the build).
macro_rules! tag {
    ($name:literal) => {
        const { $crate::morph::tag::Tag::of($name) }
    };
}
pub(crate) use tag;

impl Tag {
    /// The tag named `name`; panics (at compile time in [`tag!`]) when
    /// [`NAMES`] lacks it.
    pub(crate) const fn of(name: &str) -> Tag {
        let mut i = 0;
        while i < NAMES.len() {
            if same_bytes(NAMES[i].as_bytes(), name.as_bytes()) {
                return Tag(i as u8);
            }
            i += 1;
        }
        panic!("unknown morpheme tag")
    }

    /// The tag of a stem of part of speech `pos`.
    pub(crate) fn of_pos(pos: Pos) -> Tag {
        match pos {
            Pos::Noun => tag!("N"),
            Pos::Propn => tag!("PROPN"),
            Pos::Adj => tag!("ADJ"),
            Pos::Adv => tag!("ADV"),
            Pos::Verb => tag!("V"),
            Pos::Num => tag!("NUM"),
            Pos::Pron => tag!("PRON"),
            Pos::Adp => tag!("ADP"),
            Pos::Conj => tag!("CONJ"),
            Pos::Intj => tag!("INTJ"),
            Pos::Part => tag!("PART"),
            Pos::X => tag!("X"),
        }
    }

    /// The tag's text.
    pub(crate) fn name(self) -> &'static str {
        NAMES[self.0 as usize]
    }
}

const fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_has_its_own_id() {
        assert!(NAMES.len() <= usize::from(u8::MAX) + 1);
        for (i, name) in NAMES.iter().enumerate() {
            assert_eq!(Tag::of(name), Tag(i as u8), "{name} is listed twice");
            assert_eq!(Tag::of(name).name(), *name);
        }
    }

    #[test]
    fn parts_of_speech_have_universal_dependencies_tags() {
        let tags: Vec<&str> = [Pos::Noun, Pos::Propn, Pos::Adj, Pos::Verb, Pos::Adp, Pos::X].map(Pos::tag).to_vec();
        assert_eq!(tags, ["N", "PROPN", "ADJ", "V", "ADP", "X"]);
    }
}
