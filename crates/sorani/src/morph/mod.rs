//! Morphological analysis, lemmatization, light stemming, morpheme
//! segmentation and stopwords for Central Kurdish (Sorani).
//!
//! A Sorani word is a chain: `وڵاتەکەیان` = وڵات (country) + ەکە
//! (definite) + یان (their); `دەیخوێنینەوە` = دە (progressive) + ی (it) +
//! خوێن (read, present stem) + ین (we) + ەوە (again). The [`Analyzer`] finds every split
//! of a word into prefixes, a stem from its lexicon and suffixes that the affix
//! grammar allows, and ranks them: known stems first, then longer stems, then
//! fewer affixes. Unknown words get a guess that only cuts reliable suffixes
//! (`ەکە`, `ەکان`, `ێک` …) off a stem of at least three letters.
//!
//! Input words are assumed normalized ([`crate::normalize()`]).
//!
//! ```
//! use sorani::morph;
//!
//! assert_eq!(morph::lemma("وڵاتەکەیان"), "وڵات");
//! assert_eq!(morph::stem("ماڵەکانمان"), morph::stem("ماڵ"));
//! assert_eq!(morph::lemma("دەیخوێنینەوە"), "خوێندن");
//! let parts: Vec<&str> = morph::segment("وڵاتەکەیان").iter().map(|m| m.text).collect();
//! assert_eq!(parts, ["وڵات", "ەکە", "یان"]);
//! assert!(morph::is_stopword("لەگەڵ"));
//! ```

pub(crate) mod affix;
mod analyzer;
mod lexicon;
mod stopwords;
mod tag;
mod text;

use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::LazyLock;

use serde::Serialize;

use analyzer::{Cand, LemmaHow};
use lexicon::{Kind, LEXICON};
use tag::{tag, Tag};

use crate::chars::ZWNJ;
use crate::memo::Generations;

pub use lexicon::hold_out_evaluation_lemmas;
pub use stopwords::{is_stopword, stopwords};
pub use text::{
    index_terms, lemmatize_text, map_words, stem_text, unit_spans, word_pieces, words, WordPiece, WordPieces,
};

/// Part of speech of an analysis (Universal Dependencies names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Pos {
    /// Common noun.
    Noun,
    /// Proper noun.
    Propn,
    /// Adjective.
    Adj,
    /// Adverb.
    Adv,
    /// Verb (finite forms, infinitives, copula).
    Verb,
    /// Numeral.
    Num,
    /// Pronoun.
    Pron,
    /// Adposition.
    Adp,
    /// Conjunction.
    Conj,
    /// Interjection.
    Intj,
    /// Particle.
    Part,
    /// Unknown: a stem the stem lexicon lacks (a guess, or a word the
    /// word-frequency lexicon attests).
    X,
}

impl Pos {
    pub(crate) fn from_name(name: &str) -> Pos {
        match name {
            "noun" => Pos::Noun,
            "propn" => Pos::Propn,
            "adj" => Pos::Adj,
            "adv" => Pos::Adv,
            "verb" => Pos::Verb,
            "num" => Pos::Num,
            "pron" => Pos::Pron,
            "adp" => Pos::Adp,
            "conj" => Pos::Conj,
            "intj" => Pos::Intj,
            "part" => Pos::Part,
            _ => Pos::X,
        }
    }

    /// The tag of a stem of this part of speech (`N`, `ADJ`, `PROPN` …).
    pub fn tag(self) -> &'static str {
        tag::Tag::of_pos(self).name()
    }
}

/// The role of a morpheme in its word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MorphemeKind {
    /// The stem (a lexicon entry, or the guessed stem of an unknown word).
    Stem,
    /// An inflectional prefix (دە-, ب-, نە-, a preverb …).
    Prefix,
    /// An inflectional suffix (ەکە, ان, person endings …).
    Suffix,
    /// A clitic: pronominal clitics, additive -یش, joined postpositions and prepositions, copula.
    Clitic,
}

/// One morpheme of a word: its text, byte span in the word, tag and kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Morpheme<'a> {
    /// The morpheme's text (a slice of the word).
    pub text: &'a str,
    /// Byte offset of its first byte in the word.
    pub start: usize,
    /// Byte offset just past its last byte in the word.
    pub end: usize,
    /// Its role.
    pub kind: MorphemeKind,
    /// Its grammatical tag (UniMorph-like: `DEF`, `DEF;PL`, `PSS3P`, `PROG`, `1S`, `V.PST` …;
    /// the full list is in `docs/morphology.md`).
    pub tag: &'static str,
}

/// One analysis of a word.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Analysis<'a> {
    /// The lemma: the bare singular of a noun, the infinitive of a verb.
    pub lemma: Cow<'a, str>,
    /// The stem morpheme (a noun stem, or a verb's present or past stem).
    pub stem: &'a str,
    /// Part of speech.
    pub pos: Pos,
    /// Whether the stem is in the stem lexicon or attested by the
    /// word-frequency lexicon (false: a guess).
    pub known: bool,
    /// The morphemes in word order; their texts concatenate to the word.
    pub morphemes: Vec<Morpheme<'a>>,
}

/// How far the analyzer vouches for a spelling ([`Analyzer::spelling_support`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Support {
    /// No reading over a known stem that a careful writer would produce.
    None,
    /// A plausible inflection of a known stem (or a stem known only from
    /// corpus counts).
    Inflected,
    /// A dictionary word as it stands.
    Entry,
}

/// Verbs that form compound verbs with almost any noun (`کار` + `کردن`); a
/// noun before any other verb is more often a misspelling than a compound.
const LIGHT_VERBS: &[&str] = &[
    "کردن",
    "بوون",
    "دان",
    "هێنان",
    "خستن",
    "گرتن",
    "کەوتن",
    "بردن",
    "کێشان",
    "خواردن",
    "دانان",
    "هاتن",
    "گەیاندن",
    "کرانەوە",
    "بوونەوە",
    "کردنەوە",
    "دانەوە",
];

/// Most analyses returned for one word.
const MAX_ANALYSES: usize = 8;

/// Morphological analyzer over the embedded lexicon. Build it once (or use
/// [`Analyzer::embedded`]) and share it across threads.
#[derive(Debug, Clone, Copy, Default)]
pub struct Analyzer {
    _private: (),
}

static EMBEDDED: Analyzer = Analyzer { _private: () };

thread_local! {
    static BUF: RefCell<Vec<Cand>> = RefCell::new(Vec::with_capacity(64));
    static STEM_MEMO: RefCell<Memo> = RefCell::new(Memo::default());
    static LEMMA_MEMO: RefCell<Memo> = RefCell::new(Memo::default());
    static CAND_MEMO: RefCell<Generations<std::rc::Rc<[Cand]>>> = RefCell::default();
    static SUPPORT_MEMO: RefCell<Generations<Support>> = RefCell::default();
}

/// Words whose spelling support each thread remembers per generation (a
/// speller asks again about the same variants and parts of words).
const SUPPORT_MEMO_CAPACITY: usize = 1 << 15;

/// Words whose ranked candidates each thread remembers per generation.
const CAND_MEMO_CAPACITY: usize = 1 << 14;

/// A stem or lemma result without borrowing the word it came from.
#[derive(Debug, Clone)]
enum Value {
    /// Text from the embedded lexicon.
    Static(&'static str),
    /// `word[a..b]`.
    Span(u16, u16),
    /// Built text (a preverb + an infinitive).
    Owned(Box<str>),
}

impl Value {
    fn get<'a>(&self, word: &'a str) -> Cow<'a, str> {
        match self {
            Value::Static(s) => Cow::Borrowed(s),
            Value::Span(a, b) => Cow::Borrowed(&word[*a as usize..*b as usize]),
            Value::Owned(s) => Cow::Owned(s.to_string()),
        }
    }
}

/// Words per generation of the stem and lemma memos.
const MEMO_CAPACITY: usize = 1 << 18;

/// A stem or lemma memo ([`Generations`] of [`Value`]s).
type Memo = Generations<Value>;

impl Memo {
    fn get_or<'a>(
        cell: &'static std::thread::LocalKey<RefCell<Memo>>,
        word: &'a str,
        compute: impl FnOnce() -> Value,
    ) -> Cow<'a, str> {
        if word.len() > 64 {
            return compute().get(word);
        }
        cell.with(|memo| {
            let Ok(mut memo) = memo.try_borrow_mut() else {
                return compute().get(word);
            };
            if let Some(out) = memo.read(word, MEMO_CAPACITY, |v| v.get(word)) {
                return out;
            }
            let v = compute();
            let out = v.get(word);
            memo.insert(word.into(), v, MEMO_CAPACITY);
            out
        })
    }
}

/// Light stems precomputed for the lexicon's own words are not needed: a word
/// that is itself a known non-verb entry is its own stem.
static READY: LazyLock<()> = LazyLock::new(|| {
    LazyLock::force(&LEXICON);
});

impl Analyzer {
    /// The analyzer over the embedded lexicon (loaded on first use).
    pub fn new() -> Self {
        LazyLock::force(&READY);
        Analyzer { _private: () }
    }

    /// The shared analyzer over the embedded lexicon.
    pub fn embedded() -> &'static Analyzer {
        LazyLock::force(&READY);
        &EMBEDDED
    }

    /// Number of distinct forms (stems, words) in the lexicon.
    pub fn lexicon_len(&self) -> usize {
        LEXICON.len()
    }

    /// Runs `f` over the ranked candidates of `word` (best first). Frequent
    /// words are answered from a per-thread memo of their ranked candidates.
    fn with_candidates<R>(&self, word: &str, f: impl FnOnce(&[Cand]) -> R) -> R {
        self.with_candidates_kept(word, word.len() <= 64, f)
    }

    /// [`Self::with_candidates`] for a caller that remembers its own result
    /// ([`Self::stem`], [`Self::lemma`]): keeping the candidates too would
    /// only churn the memo.
    fn with_candidates_once<R>(&self, word: &str, f: impl FnOnce(&[Cand]) -> R) -> R {
        self.with_candidates_kept(word, false, f)
    }

    fn with_candidates_kept<R>(&self, word: &str, memo_ok: bool, f: impl FnOnce(&[Cand]) -> R) -> R {
        if memo_ok {
            let hit = CAND_MEMO.with(|m| {
                let mut m = m.try_borrow_mut().ok()?;
                m.read(word, CAND_MEMO_CAPACITY, Clone::clone)
            });
            if let Some(c) = hit {
                return f(&c);
            }
        }
        BUF.with(|buf| {
            let mut buf = match buf.try_borrow_mut() {
                Ok(b) => b,
                Err(_) => return f(&rank(word, &mut Vec::new())),
            };
            let buf = &mut *buf;
            buf.clear();
            let n = rank_into(word, buf);
            if memo_ok {
                CAND_MEMO.with(|m| {
                    if let Ok(mut m) = m.try_borrow_mut() {
                        m.insert(word.into(), buf[..n].into(), CAND_MEMO_CAPACITY);
                    }
                });
            }
            f(&buf[..n])
        })
    }

    /// All plausible analyses of `word`, best first (at most eight). A word
    /// whose stem is unknown gets guesses with `known == false`; an empty word
    /// gets none.
    pub fn analyze<'a>(&self, word: &'a str) -> Vec<Analysis<'a>> {
        if let Some((lead, tail)) = self.compound_parts(word) {
            return self.analyze_compound(word, lead, tail);
        }
        self.with_candidates(word, |cands| {
            let mut out = Vec::with_capacity(cands.len());
            out.extend(cands.iter().map(|c| to_analysis(word, c)));
            out
        })
    }

    /// The lemma of the best analysis: the infinitive of a verb (without
    /// `ەوە`), the bare singular of a noun; the word itself when unknown.
    pub fn lemma<'a>(&self, word: &'a str) -> Cow<'a, str> {
        if word.is_empty() || word.len() > u16::MAX as usize / 2 {
            return Cow::Borrowed(word);
        }
        Memo::get_or(&LEMMA_MEMO, word, || {
            if let Some((lead, tail)) = self.compound_parts(word) {
                return Value::Owned(format!("{lead}{}", self.lemma(tail)).into());
            }
            self.with_candidates_once(word, |cands| match cands.first() {
                Some(c) => lemma_value(word, c),
                None => Value::Span(0, word.len() as u16),
            })
        })
    }

    /// Results of [`Analyzer::stem`] and [`Analyzer::lemma`] are remembered
    /// per thread for the recent distinct words (frequent words stay), since
    /// words repeat in running text.
    ///
    /// The light stem for search: inflection and clitics stripped, derivation
    /// kept; every form of a noun gets the bare noun, every form of a verb its
    /// infinitive. Never empty for a non-empty word, and never a non-word: a
    /// word is only cut down to a lexicon entry or, for an unknown stem, when a
    /// reliable suffix (`ەکە`, `ەکان`, `ێک` …) leaves at least three letters.
    pub fn stem<'a>(&self, word: &'a str) -> Cow<'a, str> {
        // Numbers, Latin words and ids have no Sorani affixes (the full
        // analysis leaves them whole too): kept out of the memo, where a
        // stream of unique numbers would push the frequent words out.
        if word.is_empty() || word.len() > u16::MAX as usize / 2 || word.is_ascii() {
            return Cow::Borrowed(word);
        }
        Memo::get_or(&STEM_MEMO, word, || {
            if let Some((lead, tail)) = self.compound_parts(word) {
                return Value::Owned(format!("{lead}{}", self.stem(tail)).into());
            }
            // Fast path: a lexicon word that no other reading can outrank (no
            // verb stem of the same spelling, no doubt about the entry) is its
            // own stem, as the full ranking would find.
            let entries = LEXICON.get(word);
            if !entries.is_empty() && !entries.iter().any(|e| e.kind == Kind::Pst) {
                if let Some(e) = entries
                    .iter()
                    .find(|e| !matches!(e.kind, Kind::Prs) && !e.bound && analyzer::entry_penalty(e, word, "") == 0)
                {
                    return match e.kind {
                        Kind::Inf | Kind::Cop | Kind::Fin => Value::Static(e.lemma),
                        _ => Value::Static(e.form),
                    };
                }
            }
            self.with_candidates_once(word, |cands| match cands.first() {
                Some(c) => stem_value(word, c),
                None => Value::Span(0, word.len() as u16),
            })
        })
    }

    /// The morphemes of the best analysis of `word` (the whole word as one
    /// stem when nothing splits). Their texts concatenate to `word`.
    pub fn segment<'a>(&self, word: &'a str) -> Vec<Morpheme<'a>> {
        if word.is_empty() {
            return Vec::new();
        }
        if let Some((lead, tail)) = self.compound_parts(word) {
            let mut parts = vec![lead_morpheme(lead)];
            parts.extend(self.segment(tail).into_iter().map(|m| shifted(m, lead.len())));
            return parts;
        }
        self.with_candidates(word, |cands| match cands.first() {
            Some(c) => morphemes(word, c),
            None => vec![Morpheme { text: word, start: 0, end: word.len(), kind: MorphemeKind::Stem, tag: "X" }],
        })
    }

    /// How far the analyzer vouches for `word` as correctly spelt (see
    /// [`Support`]). Stricter than [`Analyzer::has_known_stem`]: readings
    /// that the analyzer allows for robustness but that mostly explain
    /// misspellings do not count — a bare indefinite ێ (`ئازادێ` for
    /// `ئازادی`) and a noun compounded with a verb that is not a light verb
    /// (`کۆر` + `نا`).
    pub fn spelling_support(&self, word: &str) -> Support {
        let entries = LEXICON.get(word);
        if entries.iter().any(|e| !e.bound && !e.attested) {
            return Support::Entry;
        }
        if entries.iter().any(|e| !e.bound) {
            return Support::Inflected;
        }
        if tripled_letter(word) {
            return Support::None;
        }
        if word.len() > 64 {
            return support_by_candidates(word);
        }
        let remembered = SUPPORT_MEMO.with(|m| m.try_borrow_mut().ok()?.read(word, SUPPORT_MEMO_CAPACITY, |&s| s));
        if let Some(support) = remembered {
            return support;
        }
        let support = support_by_candidates(word);
        SUPPORT_MEMO.with(|m| {
            if let Ok(mut m) = m.try_borrow_mut() {
                m.insert(word.into(), support, SUPPORT_MEMO_CAPACITY);
            }
        });
        support
    }

    /// Whether `word` is a known word or an inflected form of a known stem
    /// (what a spell checker can accept): a stem of the stem lexicon, or one
    /// the word-frequency lexicon attests. Other guesses do not count.
    pub fn has_known_stem(&self, word: &str) -> bool {
        if LEXICON.get(word).iter().any(|e| !e.bound) {
            return true;
        }
        if self.compound_parts(word).is_some() {
            return true;
        }
        self.with_candidates(word, |cands| cands.first().is_some_and(|c| c.entry != u32::MAX))
    }

    /// Whether `word` is a proper name (or one inflected): every analysis
    /// over a stem of the stem lexicon is a proper noun's (هەولێر, دیمیتری,
    /// ئیزابێلەوە), so it is no common word spelt alike. The sources tag
    /// some common nouns as proper nouns too (پیشەسازی "industry", دکتۆر):
    /// a noun the corpora list with the definite article is none.
    pub fn is_proper_name(&self, word: &str) -> bool {
        self.with_candidates(word, |cands| {
            let mut known = cands.iter().filter(|c| c.entry().is_some()).peekable();
            known.peek().is_some()
                && known.all(|c| {
                    c.lemma == LemmaHow::Entry
                        && c.entry().is_some_and(|e| e.pos == Pos::Propn && !takes_the_article(e.lemma))
                })
        })
    }
}

impl Analyzer {
    /// A word written as parts joined by ZWNJ whose parts all have a known
    /// stem (see [`zwnj_parts`]); other such words are read whole, as
    /// unknown words are (پۆرتس‌داون, a name, is no form of دان).
    fn compound_parts<'w>(&self, word: &'w str) -> Option<(&'w str, &'w str)> {
        zwnj_parts(word).filter(|&(lead, tail)| self.lead_known(lead) && self.has_known_stem(tail))
    }

    /// [`Analyzer::analyze`] of a word written as known parts joined by
    /// ZWNJ: the analyses of its last part, after the parts before it kept
    /// whole.
    fn analyze_compound<'a>(&self, word: &'a str, lead: &'a str, tail: &'a str) -> Vec<Analysis<'a>> {
        self.with_candidates(tail, |cands| {
            cands
                .iter()
                .map(|c| {
                    let a = to_analysis(tail, c);
                    let mut morphemes = vec![lead_morpheme(lead)];
                    morphemes.extend(a.morphemes.into_iter().map(|m| shifted(m, lead.len())));
                    Analysis {
                        lemma: Cow::Owned(format!("{lead}{}", a.lemma)),
                        // the stem takes in the parts before it when it starts the last part
                        stem: if c.stem.0 == 0 { &word[..lead.len() + c.stem.1 as usize] } else { a.stem },
                        pos: a.pos,
                        known: a.known,
                        morphemes,
                    }
                })
                .collect()
        })
    }

    /// Whether every part of `lead` (parts joined by ZWNJ) has a known stem.
    fn lead_known(&self, lead: &str) -> bool {
        lead.split(ZWNJ).filter(|p| !p.is_empty()).all(|p| self.has_known_stem(p))
    }
}

/// A word written as parts joined by ZWNJ (منداڵ‌بەخێوکردنی, سکرین‌کردن):
/// the parts before the last one, ZWNJ included, and the last part, which
/// carries the inflection. (The normalizer keeps a ZWNJ only where it
/// parts two letters that would otherwise join.)
///
/// A last part that is an ending (تەندروستی‌یان, ئینتەرنێت‌ەکە) belongs to
/// the word before it: no compound.
fn zwnj_parts(word: &str) -> Option<(&str, &str)> {
    let k = word.rfind(ZWNJ)?;
    let (lead, tail) = word.split_at(k + ZWNJ.len_utf8());
    let ending = affix::NOMINAL.iter().chain(affix::VERBAL).any(|s| s.text == tail);
    (k > 0 && !tail.is_empty() && !ending).then_some((lead, tail))
}

/// The parts before the last of a word joined by ZWNJ, as one morpheme: the
/// nominal part of a compound.
fn lead_morpheme(lead: &str) -> Morpheme<'_> {
    Morpheme { text: lead, start: 0, end: lead.len(), kind: MorphemeKind::Stem, tag: "NOM" }
}

/// `m` with its span moved `by` bytes on.
fn shifted(m: Morpheme<'_>, by: usize) -> Morpheme<'_> {
    Morpheme { start: m.start + by, end: m.end + by, ..m }
}

/// Whether the word-frequency lexicon lists `noun` with the definite
/// article (ەکە, ەکان; کە, کان after a vowel; یەکە, یەکان after ی), as one
/// corpus word list at least: names do not take it.
fn takes_the_article(noun: &str) -> bool {
    let articles: [&str; 2] = if noun.ends_with('ی') {
        ["یەکە", "یەکان"]
    } else if affix::Cond::Vowel.ok(noun) {
        ["کە", "کان"]
    } else {
        ["ەکە", "ەکان"]
    };
    let counts = crate::lexicon::Lexicon::embedded();
    articles.iter().any(|article| counts.frequency(&format!("{noun}{article}")) >= 10)
}

/// Whether a letter stands three times in a row (تووشبووون): Sorani spells
/// no word so, not even across a morpheme boundary.
fn tripled_letter(word: &str) -> bool {
    let mut run = (None, 0);
    for c in word.chars() {
        run = if run.0 == Some(c) { (run.0, run.1 + 1) } else { (Some(c), 1) };
        if run.1 == 3 && !c.is_ascii_digit() {
            return true;
        }
    }
    false
}

/// [`Analyzer::spelling_support`] of a word that is no lexicon entry: whether
/// one of its best candidates vouches for it. Most words asked about while
/// checking spelling are misspellings and their variants, which no candidate
/// vouches for: then neither the guesses nor the ordering of the candidates
/// is needed.
fn support_by_candidates(word: &str) -> Support {
    let vouches = |c: &Cand| vouches_for_spelling(word, c);
    let plausible = BUF.with(|buf| {
        let Ok(mut buf) = buf.try_borrow_mut() else {
            return rank(word, &mut Vec::new()).iter().any(vouches);
        };
        let buf = &mut *buf;
        buf.clear();
        analyzer::candidates(word, buf);
        // as `rank_into` (no guesses: there are candidates)
        buf.iter().any(vouches) && {
            let n = order(word, buf);
            buf[..n].iter().any(vouches)
        }
    });
    if plausible {
        Support::Inflected
    } else {
        Support::None
    }
}

/// Whether analysis `c` of `word` vouches for its spelling: a known stem
/// (an unlisted derived word only when it is an agent noun in -کەر: news
/// writes پەخشکەر "broadcaster" and its kin often, misspellings seldom read
/// so), no bare indefinite ێ, no ordinal هەم (دووهەم for دووەم), no ەکە,
/// ەکان, ەک, ە, ەوە or ان after a single ی (سیاسیەکان, زانیاریە, where the
/// standard spelling writes the glide: سیاسییەکان, زانیارییە), and a noun
/// compounded only with a light verb.
fn vouches_for_spelling(word: &str, c: &Cand) -> bool {
    const AGENT: &str = "کەر";
    let Some(entry) = c.entry() else { return false };
    if let LemmaHow::Unlisted(a, b) = c.lemma {
        if !word[a as usize..b as usize].ends_with(AGENT) {
            return false;
        }
    }
    let mut compound = false;
    let mut before = "";
    for m in morphemes(word, c) {
        match m.tag {
            "INDF" if m.text == "ێ" => return false,
            // دووهەم for the standard دووەم
            "ORD" if affix::VARIANT_SUFFIXES.contains(&m.text) => return false,
            "DEF" | "DEF;PL" | "DEM" | "COP3S" | "EWE" | "PL" | "INDF"
                if m.text.starts_with(['ە', 'ا']) && before.ends_with('ی') && !before.ends_with("یی") =>
            {
                return false
            }
            "NOM" => compound = true,
            _ => {}
        }
        before = m.text;
    }
    !compound || LIGHT_VERBS.contains(&entry.lemma)
}

fn rank(word: &str, buf: &mut Vec<Cand>) -> Vec<Cand> {
    let n = rank_into(word, buf);
    buf.truncate(n);
    std::mem::take(buf)
}

/// Fills `buf` with the candidates of `word`, best first, deduplicated, and
/// returns how many to keep.
fn rank_into(word: &str, buf: &mut Vec<Cand>) -> usize {
    if word.is_empty() {
        return 0;
    }
    analyzer::candidates(word, buf);
    if buf.is_empty() {
        analyzer::guess(word, buf);
    }
    prefer_common_verbs(word, buf);
    order(word, buf)
}

/// Points a verb reading loses per unit of natural log by which its verb is
/// rarer than the commonest verb read in the same word.
const VERB_RARITY_POINTS: i32 = 10;

/// A form two verbs share (بکەنەوە: کردن + ن + ەوە "make them again", or
/// کەندن + ە + وە "dig") is the commoner verb's far more often: each verb
/// reading ranks lower by how much rarer its verb is than the commonest one
/// read with the same nominal part (بیرکەنەوە is بیرکردنەوە; دابوو: دان's
/// pluperfect is not weighed against دا + بوون). A verb with a preverb
/// (پێکەنین "laugh", پێکردن) is a word of its own whose frequency the
/// simple verb's does not tell, and nominal readings keep their scores.
fn prefer_common_verbs(word: &str, buf: &mut [Cand]) {
    let weighed = |c: &Cand| {
        if c.parts().iter().any(|p| p.tag == tag!("PVB")) {
            return None;
        }
        let e = c.entry().filter(|e| matches!(e.kind, Kind::Prs | Kind::Pst))?;
        let before = match c.lemma {
            LemmaHow::Prefixed(a, b) => &word[a as usize..b as usize],
            _ => "",
        };
        Some((before, e.lemma_weight))
    };
    for i in 0..buf.len() {
        let Some((before, w)) = weighed(&buf[i]) else { continue };
        let top = buf.iter().filter_map(weighed).filter(|&(b, _)| b == before).map(|(_, w)| w).max().unwrap_or(w);
        buf[i].score -= VERB_RARITY_POINTS * i32::from(top - w) / 10;
    }
}

/// Puts the best candidates of `word` in `buf` first, best first,
/// deduplicated, and returns how many to keep.
fn order(word: &str, buf: &mut [Cand]) -> usize {
    // Sort small keys, not the candidates (best score first, then fewer
    // morphemes, then generation order), and move only the kept ones. The
    // keys live on the stack unless a word has unusually many candidates.
    let mut on_stack = [(0i32, 0u8, 0u32); 64];
    let mut on_heap = Vec::new();
    let order: &mut [(i32, u8, u32)] = if buf.len() <= on_stack.len() {
        &mut on_stack[..buf.len()]
    } else {
        on_heap.resize(buf.len(), (0, 0, 0));
        &mut on_heap
    };
    for (key, (i, c)) in order.iter_mut().zip(buf.iter().enumerate()) {
        *key = (-c.score, c.n, i as u32);
    }
    order.sort_unstable();
    let mut kept_idx = [0usize; MAX_ANALYSES];
    let mut kept = 0;
    for &(_, _, i) in order.iter() {
        let i = i as usize;
        if !kept_idx[..kept].iter().any(|&j| same(word, &buf[j], &buf[i])) {
            kept_idx[kept] = i;
            kept += 1;
            if kept == MAX_ANALYSES {
                break;
            }
        }
    }
    for pos in 0..kept {
        let idx = kept_idx[pos];
        if idx != pos {
            buf.swap(pos, idx);
            // The candidate that was at `pos` now sits at `idx`.
            for later in &mut kept_idx[pos + 1..kept] {
                if *later == pos {
                    *later = idx;
                }
            }
        }
    }
    kept
}

fn same(word: &str, a: &Cand, b: &Cand) -> bool {
    a.n == b.n
        && a.parts().iter().zip(b.parts()).all(|(x, y)| x.start == y.start && x.end == y.end && x.tag == y.tag)
        && (a.entry == b.entry && a.lemma == b.lemma || lemma_of(word, a) == lemma_of(word, b))
}

fn lemma_of<'a>(word: &'a str, c: &Cand) -> Cow<'a, str> {
    match (c.lemma, c.entry()) {
        (LemmaHow::Guess(a, b) | LemmaHow::Suffixed(a, b) | LemmaHow::Unlisted(a, b), _) => {
            Cow::Borrowed(&word[a as usize..b as usize])
        }
        (LemmaHow::Prefixed(a, b) | LemmaHow::Derived(a, b), Some(e)) => {
            Cow::Owned(format!("{}{}", &word[a as usize..b as usize], e.lemma))
        }
        (_, Some(e)) if !e.base.is_empty() => Cow::Borrowed(e.base),
        (_, Some(e)) => Cow::Borrowed(e.lemma),
        (_, None) => Cow::Borrowed(word),
    }
}

fn lemma_value(word: &str, c: &Cand) -> Value {
    match (c.lemma, c.entry()) {
        (LemmaHow::Guess(a, b) | LemmaHow::Suffixed(a, b) | LemmaHow::Unlisted(a, b), _) => Value::Span(a, b),
        (LemmaHow::Prefixed(a, b) | LemmaHow::Derived(a, b), Some(e)) => {
            Value::Owned(format!("{}{}", &word[a as usize..b as usize], e.lemma).into())
        }
        (_, Some(e)) if !e.base.is_empty() => Value::Static(e.base),
        (_, Some(e)) => Value::Static(e.lemma),
        (_, None) => Value::Span(0, word.len() as u16),
    }
}

fn stem_value(word: &str, c: &Cand) -> Value {
    match (c.lemma, c.entry()) {
        // Verbs: the infinitive (a causative keeps its own: derivation is kept).
        (LemmaHow::Prefixed(a, b), Some(e)) if e.pos == Pos::Verb => {
            Value::Owned(format!("{}{}", &word[a as usize..b as usize], e.lemma).into())
        }
        (LemmaHow::Derived(a, b), Some(e)) => {
            Value::Owned(format!("{}{}", &word[a as usize..b as usize], e.form).into())
        }
        (LemmaHow::Suffixed(a, b) | LemmaHow::Unlisted(a, b), _) => Value::Span(a, b),
        (_, Some(e)) if e.pos == Pos::Verb => Value::Static(e.lemma),
        (_, Some(e)) if e.bound => Value::Static(e.lemma),
        (_, Some(e)) => Value::Static(e.form),
        (_, None) => Value::Span(c.stem.0, c.stem.1),
    }
}

const PLURAL_INDEFINITE: Tag = Tag::of("PL;INDF");
const PLURAL: Tag = Tag::of("PL");
const INDEFINITE: Tag = Tag::of("INDF");

fn morphemes<'a>(word: &'a str, c: &Cand) -> Vec<Morpheme<'a>> {
    let mut v: Vec<Morpheme<'a>> = Vec::with_capacity(c.parts().len() + 1);
    for p in c.parts() {
        let (start, end) = (p.start as usize, p.end as usize);
        let morpheme = Morpheme { text: &word[start..end], start, end, kind: p.kind, tag: p.tag.name() };
        // the plural + indefinite (انێک, گەلێک) fills one slot of the suffix
        // table but is two morphemes: the plural, then ێک
        let plural = if p.tag == PLURAL_INDEFINITE { morpheme.text.strip_suffix("ێک") } else { None };
        match plural.filter(|plural| !plural.is_empty()) {
            Some(plural) => {
                let cut = start + plural.len();
                v.push(Morpheme { text: plural, end: cut, tag: PLURAL.name(), ..morpheme });
                v.push(Morpheme { text: &word[cut..end], start: cut, tag: INDEFINITE.name(), ..morpheme });
            }
            None => v.push(morpheme),
        }
    }
    if !v.windows(2).all(|w| w[0].start <= w[1].start) {
        v.sort_by_key(|m| m.start);
    }
    v
}

fn to_analysis<'a>(word: &'a str, c: &Cand) -> Analysis<'a> {
    let pos = match (c.lemma, c.entry()) {
        // a derived word is an adjective unless its stem says noun (پرسیارنامە)
        (LemmaHow::Derived(..) | LemmaHow::Suffixed(..) | LemmaHow::Unlisted(..), Some(_)) => match c.parts().first() {
            Some(p) if p.tag == Tag::of_pos(Pos::Noun) => Pos::Noun,
            _ => Pos::Adj,
        },
        (_, e) => e.map_or(Pos::X, |e| e.pos),
    };
    Analysis {
        lemma: lemma_of(word, c),
        stem: &word[c.stem.0 as usize..c.stem.1 as usize],
        pos,
        known: c.entry != u32::MAX,
        morphemes: morphemes(word, c),
    }
}

/// All analyses of `word` by the embedded analyzer ([`Analyzer::analyze`]).
pub fn analyze(word: &str) -> Vec<Analysis<'_>> {
    Analyzer::embedded().analyze(word)
}

/// The lemma of `word` by the embedded analyzer ([`Analyzer::lemma`]).
pub fn lemma(word: &str) -> Cow<'_, str> {
    Analyzer::embedded().lemma(word)
}

/// The light stem of `word` by the embedded analyzer ([`Analyzer::stem`]).
pub fn stem(word: &str) -> Cow<'_, str> {
    Analyzer::embedded().stem(word)
}

/// The morphemes of `word` by the embedded analyzer ([`Analyzer::segment`]).
pub fn segment(word: &str) -> Vec<Morpheme<'_>> {
    Analyzer::embedded().segment(word)
}

/// Whether `word` is known or an inflected form of a known stem
/// ([`Analyzer::has_known_stem`]); for spell checkers.
pub fn has_known_stem(word: &str) -> bool {
    Analyzer::embedded().has_known_stem(word)
}

#[cfg(test)]
mod tests;
