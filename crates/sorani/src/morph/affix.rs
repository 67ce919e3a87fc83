//! Affix tables of Central Kurdish inflection (hand-written linguistic facts,
//! documented in `docs/morphology.md`).
//!
//! Suffixes are matched right to left. Each suffix belongs to a *slot*; in a
//! word the slots of the suffixes strictly increase from the stem outwards, so
//! `وڵات|ەکان|ی|ش|دا` is slots 2, 5, 6, 7. A condition on the last letter of
//! what precedes a suffix encodes its allomorphy (`ەکە` after a consonant,
//! `کە` after `ا`/`ە`/`ۆ`/`ێ`, `یەکە` after `ی`/`ێ`).

use std::sync::LazyLock;

use super::tag::{tag, Tag};
use super::{MorphemeKind, Pos};

/// What the text before an affix must end with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cond {
    /// Anything.
    Any,
    /// A consonant (including a single و), not ا ی ێ ە ۆ وو.
    Cons,
    /// A consonant or وو (ەکە/ەکان after a participle: دواکەوتووەکان; ە and
    /// ەوە after a stem in وو: مێژووە, ڕووەوە), or ی (یاساییەکان, ئاساییە,
    /// دڵنیاییەوە; سیاسیەکان as often written for سیاسییەکان).
    ConsUu,
    /// A ی after a vowel, which is read /j/: the clitic ی before ەوە
    /// (ماڵەکەی + ەوە "from his house", خۆی + ەوە), which ConsUu leaves out.
    VowelI,
    /// A consonant, وو or یی (هەمووان, یاساییان), not a single ی: after one
    /// the ی + ان of پێویستیان is the clitic یان, not a plural.
    ConsUuYii,
    /// ا, ە, ێ, ۆ or وو (after ێ both هاوڕێکان and دێیەکان are written).
    AE,
    /// ی or ێ.
    IY,
    /// A vowel: ا ی ێ ە ۆ or وو.
    Vowel,
    /// The vowel ی after a consonant, not a glide nor یی (نیگەرانی, where
    /// standard spelling writes the glide before a suffix in ە).
    LoneI,
}

impl Cond {
    #[inline]
    pub(crate) fn ok(self, before: &str) -> bool {
        let Some(c) = before.chars().next_back() else { return false };
        match self {
            Cond::Any => true,
            Cond::Cons => !matches!(c, 'ا' | 'ی' | 'ێ' | 'ە' | 'ۆ') && !before.ends_with("وو"),
            // After the vowel ی too: standard after a stem in -یی, whose ی is
            // the glide as well (یاسایی + ەکان); after a single ی a common
            // spelling that the analyzer reads but does not vouch for
            // (سیاسیەکان for سیاسییەکان; see `vouches_for_spelling`). Not
            // after a glide ی (ڕوویەکە is ڕوو + یەکە).
            Cond::ConsUu => match c {
                'ا' | 'ێ' | 'ە' | 'ۆ' => false,
                'ی' => !before[..before.len() - 'ی'.len_utf8()].ends_with(['ا', 'ە', 'ێ', 'ۆ', 'و']),
                _ => true,
            },
            Cond::VowelI => c == 'ی' && !Cond::ConsUu.ok(before),
            Cond::ConsUuYii => match c {
                'ی' => before.ends_with("یی"),
                _ => Cond::ConsUu.ok(before),
            },
            Cond::AE => matches!(c, 'ا' | 'ە' | 'ێ' | 'ۆ') || before.ends_with("وو"),
            Cond::IY => matches!(c, 'ی' | 'ێ'),
            Cond::Vowel => matches!(c, 'ا' | 'ی' | 'ێ' | 'ە' | 'ۆ') || before.ends_with("وو"),
            // ConsUu's single vowel ی, not the one of یی
            Cond::LoneI => c == 'ی' && Cond::ConsUu.ok(before) && !before.ends_with("یی"),
        }
    }
}

/// One suffix of a table.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Suffix {
    pub text: &'static str,
    pub tag: &'static str,
    /// `tag` as a [`Tag`] (what a candidate analysis keeps).
    pub id: Tag,
    pub kind: MorphemeKind,
    pub slot: u8,
    pub cond: Cond,
    /// Reliable enough to split off an unknown stem.
    pub reliable: bool,
    /// The last two bytes of `text` (a quick filter before comparing it whole).
    pub last2: [u8; 2],
}

const fn s(text: &'static str, tag: &'static str, kind: MorphemeKind, slot: u8, cond: Cond, reliable: bool) -> Suffix {
    let b = text.as_bytes();
    let last2 = if b.len() >= 2 { [b[b.len() - 2], b[b.len() - 1]] } else { [0, b[0]] };
    Suffix { text, tag, id: Tag::of(tag), kind, slot, cond, reliable, last2 }
}

use Cond::*;
use MorphemeKind::{Clitic as C, Suffix as S};

/// Nominal suffixes (nouns, adjectives, proper nouns, numerals, infinitives).
pub(crate) const NOMINAL: &[Suffix] = &[
    // slot 1: degree and ordinal; the particle ەوە of an infinitive (کردنەوەکە)
    s("ەوە", "EWE", S, 1, Cons, false),
    s("ترین", "SPRL", S, 1, Any, false),
    s("تر", "CMPR", S, 1, Any, false),
    s("یەمین", "ORD", S, 1, Vowel, false),
    s("ەمین", "ORD", S, 1, Any, false),
    s("یەم", "ORD", S, 1, Vowel, false),
    s("ەم", "ORD", S, 1, Any, false),
    // (هەم after a vowel as often written: دووهەم, سێهەم; see VARIANT_SUFFIXES)
    s("هەمین", "ORD", S, 1, Vowel, false),
    s("هەم", "ORD", S, 1, Vowel, false),
    // slot 2: number and definiteness
    s("ەکان", "DEF;PL", S, 2, ConsUu, true),
    s("کان", "DEF;PL", S, 2, AE, true),
    s("یەکان", "DEF;PL", S, 2, IY, true),
    s("ەکە", "DEF", S, 2, ConsUu, true),
    s("کە", "DEF", S, 2, AE, true),
    s("یەکە", "DEF", S, 2, IY, true),
    s("ێک", "INDF", S, 2, Cons, true),
    s("انێک", "PL;INDF", S, 2, Cons, true),
    // (the plural گەل takes the indefinite too: شێوازگەلێک "a set of methods")
    s("گەلێک", "PL;INDF", S, 2, Any, true),
    s("یەک", "INDF", S, 2, Vowel, true),
    // (after the vowel ی as often written without the glide: نیگەرانیەک
    // for نیگەرانییەک; read, not vouched for, as سیاسیەکان)
    s("ەک", "INDF", S, 2, LoneI, false),
    s("ێ", "INDF", S, 2, Cons, false),
    s("ان", "PL", S, 2, ConsUuYii, false),
    s("یان", "PL", S, 2, Vowel, false),
    s("گەل", "PL", S, 2, Any, false),
    s("ات", "PL", S, 2, Cons, false),
    // slot 3: demonstrative -ە closing ئەو/ئەم … (ئەو کتێبانەی)
    s("ە", "DEM", C, 3, ConsUu, false),
    s("یە", "DEM", C, 3, Vowel, false),
    // slot 4: additive before a pronominal clitic (ماڵەکەشم)
    s("یش", "ADD", C, 4, Cons, false),
    s("ش", "ADD", C, 4, Vowel, false),
    // slot 5: ezafe and pronominal clitics
    s("ی", "EZ", S, 5, Any, false),
    s("ی", "PSS3S", C, 5, Any, false),
    s("م", "PSS1S", C, 5, Any, false),
    s("ت", "PSS2S", C, 5, Any, false),
    s("مان", "PSS1P", C, 5, Any, true),
    s("تان", "PSS2P", C, 5, Any, true),
    s("یان", "PSS3P", C, 5, Any, true),
    // slot 6: additive
    s("یش", "ADD", C, 6, Cons, false),
    s("ش", "ADD", C, 6, Vowel, false),
    // slot 7: postpositions written joined
    s("دا", "LOC", C, 7, Any, true),
    s("ەوە", "EWE", C, 7, ConsUu, true),
    // after the clitic ی of a vowel-final word (ماڵەکەی|ەوە, not the
    // demonstrative ماڵەکە|یە|وە); not cut from an unknown stem, whose ی
    // after a vowel is more often its own (دەتوایەوە)
    s("ەوە", "EWE", C, 7, VowelI, false),
    // after ی or ێ with the glide ی (زەوییەوە, دێیەوە)
    s("یەوە", "EWE", C, 7, IY, false),
    s("وە", "EWE", C, 7, Vowel, false),
    // slot 8: copula 3sg / demonstrative -ە
    s("ە", "COP3S", C, 8, ConsUu, false),
    s("یە", "COP3S", C, 8, Vowel, false),
    s("م", "COP1S", C, 8, Any, false),
    s("یت", "COP2S", C, 8, Any, false),
    s("ین", "COP1P", C, 8, Any, false),
    s("ن", "COP3P", C, 8, Any, false),
];

/// Suffixes of the tables that news writes but the standard spelling does
/// not (the ordinal هەم for یەم / ەم, the indefinite ەک without its glide):
/// read, but neither vouched for by the spell checker nor written by
/// restoration.
pub(crate) const VARIANT_SUFFIXES: &[&str] = &["هەم", "هەمین", "ەک"];

/// Verbal suffixes after a present or past stem.
pub(crate) const VERBAL: &[Suffix] = &[
    // slot 1: aspect and mood after a past stem
    s("وو", "PRF", S, 1, Cons, true),
    s("و", "PRF", S, 1, Vowel, false),
    // the spoken perfect ووە contracted before the epenthetic ت (کردۆتەوە,
    // بۆتە for بووەتە; see `verb_stem`)
    s("ۆ", "PRF", S, 1, Cons, false),
    s("بوو", "PLUP", S, 1, Any, true),
    s("با", "SBJV;PST", S, 1, Any, false),
    s("بێت", "SBJV;PRF", S, 1, Any, true),
    s("بێ", "SBJV;PRF", S, 1, Any, false),
    // slot 2: person endings (ە only after the perfect: کردووە; see `verb_stem`)
    s("م", "1S", S, 2, Any, false),
    s("یت", "2S", S, 2, Any, false),
    s("ی", "2S", S, 2, Any, false),
    s("ێت", "3S", S, 2, Cons, false),
    s("ێ", "3S", S, 2, Cons, false),
    s("ات", "3S", S, 2, Cons, false),
    s("ا", "3S", S, 2, Cons, false),
    s("ت", "3S", S, 2, Vowel, false),
    s("ین", "1P", S, 2, Any, false),
    s("ن", "3P", S, 2, Any, false),
    s("ە", "3S", S, 2, Any, false),
    // slot 3: pronominal clitics (agent of a past transitive, object of a present);
    // یەتی is the 3sg agent of a perfect (کردوویەتی)
    s("م", "ARG1S", C, 3, Any, false),
    s("ت", "ARG2S", C, 3, Any, false),
    s("ی", "ARG3S", C, 3, Any, false),
    s("مان", "ARG1P", C, 3, Any, false),
    s("تان", "ARG2P", C, 3, Any, false),
    s("یان", "ARG3P", C, 3, Any, false),
    s("یەتی", "ARG3S", C, 3, Vowel, true),
    // slot 4: the perfect's ە after an agent clitic (کردوومە, کردوویانە);
    // or the past conditional's ایە after a past stem or its person ending
    // (بکردایە, دەبووایە, بهاتمایە, بمتوانیایە), یە after ا (بدرایە)
    s("ە", "PRF.3S", S, 4, Cons, false),
    s("ایە", "SBJV;PST", S, 4, ConsUu, true),
    s("ایە", "SBJV;PST", S, 4, IY, false),
    s("یە", "SBJV;PST", S, 4, AE, false),
    // slot 5: epenthetic t before -ەوە and the directional -ە (کردووەتەوە, گەیشتووەتە)
    s("ت", "EP", S, 5, Vowel, false),
    // slot 6: the particle -ەوە (again, back), or the directional -ە (گەیشتە, دەبێتە)
    s("ەوە", "EWE", S, 6, Any, true),
    // after a vowel the 3sg past takes it with a glide (کرایەوە, گەڕایەوە)
    s("یەوە", "EWE", S, 6, Vowel, false),
    s("وە", "EWE", S, 6, Vowel, false),
    s("ە", "DIR", C, 6, Cons, false),
    // the spoken directional ێ after a person ending (دەیدەنێ "they give it to him")
    s("ێ", "DIR", C, 6, Cons, false),
];

/// A suffix table with its suffixes grouped by their last letter, so that
/// matching a word's end looks only at the suffixes that end as it does (the
/// analyzer matches at every cut of every reading, and most suffixes do not
/// fit there). Within a group the table's order is kept, so matches come in
/// the same order as a scan of the whole table.
pub(crate) struct SuffixTable {
    pub all: &'static [Suffix],
    /// `group[starts[g]..starts[g + 1]]`: positions in `all` of group `g`.
    starts: [u16; GROUPS + 1],
    group: Vec<u8>,
}

/// Groups: one per last byte pair `D8 xx`–`DB xx` (every Arabic-script
/// letter), and one for any other ending.
const GROUPS: usize = 257;

fn group_of(last2: [u8; 2]) -> usize {
    match last2 {
        [lead @ 0xD8..=0xDB, trail] => ((lead - 0xD8) as usize) << 6 | (trail & 0x3F) as usize,
        _ => GROUPS - 1,
    }
}

impl SuffixTable {
    fn new(all: &'static [Suffix]) -> SuffixTable {
        assert!(all.len() <= u8::MAX as usize + 1, "suffix positions fit a byte");
        let mut starts = [0u16; GROUPS + 1];
        let mut group = Vec::with_capacity(all.len());
        for (g, start) in starts.iter_mut().take(GROUPS).enumerate() {
            *start = group.len() as u16;
            group.extend((0..all.len()).filter(|&i| group_of(all[i].last2) == g).map(|i| i as u8));
        }
        starts[GROUPS] = group.len() as u16;
        SuffixTable { all, starts, group }
    }

    /// The suffixes that may end a text whose last two bytes are `last2`,
    /// in table order (those of the catch-all group still need their
    /// `last2` compared).
    #[inline]
    pub fn ending_in(&self, last2: [u8; 2]) -> impl Iterator<Item = &'static Suffix> + '_ {
        let g = group_of(last2);
        let all = self.all;
        self.group[self.starts[g] as usize..self.starts[g + 1] as usize].iter().map(move |&i| &all[i as usize])
    }
}

/// [`NOMINAL`], grouped by last letter.
pub(crate) static NOMINAL_TABLE: LazyLock<SuffixTable> = LazyLock::new(|| SuffixTable::new(NOMINAL));
/// [`VERBAL`], grouped by last letter.
pub(crate) static VERBAL_TABLE: LazyLock<SuffixTable> = LazyLock::new(|| SuffixTable::new(VERBAL));

/// Tags of person endings that a present stem takes.
pub(crate) fn present_person(tag: &str) -> bool {
    matches!(tag, "1S" | "2S" | "3S" | "1P" | "3P")
}

/// Prepositions written joined to a noun (بەداخەوە, لەماڵدا).
pub(crate) const NOMINAL_PREFIXES: &[(&str, Tag)] = &[("لە", tag!("PREP")), ("بە", tag!("PREP")), ("بۆ", tag!("PREP"))];

/// Derivational prefixes that make adjectives of nouns (بەهێز, بێکار): the
/// light stem keeps them.
pub(crate) const DERIVATIONAL_PREFIXES: &[&str] = &["بە", "بێ"];

/// A derivational affix that makes a new word of a known noun or adjective
/// (`پرسیار` + `نامە` = پرسیارنامە "questionnaire", `هاو` + `تیم` =
/// هاوتیم "team-mate"): the derived word is lemma and light stem.
pub(crate) struct Derivation {
    pub text: &'static str,
    /// Parts of speech of the word it attaches to.
    pub takes: &'static [Pos],
    /// Part of speech of the derived word (`None`: that of its base).
    pub makes: Option<Pos>,
    /// What the base must end with (the allomorphs ایەتی / یەتی).
    pub cond: Cond,
}

const fn d(text: &'static str, takes: &'static [Pos], makes: Option<Pos>, cond: Cond) -> Derivation {
    Derivation { text, takes, makes, cond }
}

const N: &[Pos] = &[Pos::Noun];
const A: &[Pos] = &[Pos::Adj];
const NA: &[Pos] = &[Pos::Noun, Pos::Adj];

/// Derivational suffixes. A suffix that ends in a consonant also takes the
/// abstract-noun ی after it (خاوێنکار "cleaner", خاوێنکاری "cleaning").
pub(crate) const DERIVATIONAL_SUFFIXES: &[Derivation] = &[
    d("کەرەوە", NA, Some(Pos::Noun), Any),
    d("کەر", NA, Some(Pos::Noun), Any),
    d("کار", NA, Some(Pos::Noun), Any),
    d("گەر", NA, Some(Pos::Noun), Any),
    d("ناس", NA, Some(Pos::Noun), Any),
    d("دار", N, Some(Pos::Adj), Any),
    d("مەند", N, Some(Pos::Adj), Any),
    d("پەروەر", N, Some(Pos::Adj), Any),
    d("نامە", N, Some(Pos::Noun), Any),
    d("خانە", N, Some(Pos::Noun), Any),
    d("چی", N, Some(Pos::Noun), Cons),
    d("ایەتی", NA, Some(Pos::Noun), Cons),
    d("یەتی", NA, Some(Pos::Noun), Vowel),
];

/// A known noun or adjective + a present stem: an agent or instrument noun
/// (دەستگیر, چێژبەخش, دڵگر); the stem is found in the lexicon, not listed here.
pub(crate) const AGENT_COMPOUND: Derivation = d("", NA, Some(Pos::Noun), Any);

/// Derivational prefixes read only in words that have no other known reading
/// (نا- and هاو- also begin verb forms and listed words: ناکات, هاوکار).
pub(crate) const RARE_DERIVATIONAL_PREFIXES: &[Derivation] = &[
    d("هاو", N, None, Any),
    d("نا", A, None, Any),
    d("فرە", NA, Some(Pos::Adj), Any),
    d("دژە", N, Some(Pos::Adj), Any),
    d("نیمچە", NA, None, Any),
];

/// Preverbs of verbs such as هەڵگرتن, داخستن, ڕاکردن, وەرگرتن, دەرچوون.
pub(crate) const PREVERBS: &[&str] = &["هەڵ", "دا", "ڕا", "وەر", "دەر", "ڕۆ", "پێ", "تێ", "لێ"];

/// Pronominal clitics that can stand inside the verbal prefix chain.
pub(crate) const PREFIX_CLITICS: &[(&str, Tag)] = &[
    ("مان", tag!("ARG1P")),
    ("تان", tag!("ARG2P")),
    ("یان", tag!("ARG3P")),
    ("م", tag!("ARG1S")),
    ("ت", tag!("ARG2S")),
    ("ی", tag!("ARG3S")),
];
