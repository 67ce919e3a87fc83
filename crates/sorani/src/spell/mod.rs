//! Spell checking, ranked suggestions and safe auto-correction for Sorani.
//!
//! A [`Speller`] is built once from a word-frequency lexicon and shared across
//! threads. [`Speller::check`] finds the words of a text that are not correct
//! Sorani, each with ranked [`Suggestion`]s; [`Speller::suggest`] ranks
//! corrections for one word; [`Speller::fix`] applies only the corrections
//! whose best suggestion is far ahead of every alternative.
//!
//! How it decides (see `docs/spell.md` for the whole story):
//! - **Acceptance** ([`Speller::is_correct`]): a frequent lexicon word or a
//!   dictionary word; a rarer lexicon word, or an inflection the analyzer
//!   reads over a known stem, only when no correction is more probable than
//!   the word itself. Numbers, Latin-script words, links and letters glued to
//!   digits are never checked.
//! - **Error model** (`model`): keyboard confusions (ی/ێ, و/ۆ, ل/ڵ, ر/ڕ,
//!   ه/ە/ھ, ك/ک, ي/ی …), letters of similar sound or shape, dropped and doubled
//!   vowels, swapped letters — each with its own cost — plus words run
//!   together (a missing space) and words split apart (an extra space).
//! - **Ranking**: a noisy-channel score, log frequency of the candidate minus
//!   the weighted edit cost, turned into a probability over the candidates and
//!   the hypothesis that the word is a correct but unknown word (a name, a rare
//!   word). That probability is each suggestion's `score`.
//!
//! ```
//! use sorani::spell::Speller;
//!
//! let speller = Speller::from_counts([("کتێب", 120u64), ("خۆش", 300), ("دەستان", 40)]);
//! assert!(speller.is_correct("کتێب"));
//! let best = &speller.suggest("خوش")[0];
//! assert_eq!(best.word, "خۆش");
//! assert_eq!(speller.fix("زۆر خوش"), "زۆر خۆش");
//! ```

mod accept;
mod hot;
mod index;
mod memo;
mod model;
mod scan;
mod shipped;
mod typed;

use std::borrow::Cow;
use std::sync::{Arc, LazyLock, OnceLock};

use crate::lexicon::Lexicon;
use crate::morph::{Analyzer, Support};
use crate::splice::splice;

pub use model::{explain, Edit};

use index::{DeleteIndex, Words};
use scan::{Kind, Piece, Scanner};

/// How sure the speller is that a word is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Unknown but plausible: probably a name, a foreign or a rare word.
    Warning,
    /// Almost certainly misspelt: a known word explains it much better.
    Error,
}

impl Severity {
    /// `"warning"` or `"error"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// What is wrong with a finding's word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FindingKind {
    /// The word is misspelt (read as restoration reads it, when the text
    /// was typed on another keyboard or in a legacy font).
    Spelling,
    /// The word is right but typed on another keyboard or in a legacy font
    /// (ە as ه, ك for ک): its one suggestion is the word as restoration
    /// writes it ([`Speller::check_as_restored`]).
    Typing,
}

impl FindingKind {
    /// `"spelling"` or `"typing"`.
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::Spelling => "spelling",
            FindingKind::Typing => "typing",
        }
    }
}

/// One suggested correction.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// The replacement text (may contain a space when the word was two words
    /// run together).
    pub word: String,
    /// Probability that this is the intended text, between 0 and 1, relative
    /// to the other suggestions and to the word being correct as written.
    pub score: f32,
    /// Weighted edit cost from the written text (0 = only invisible marks
    /// differ; a keyboard confusion costs 0.3, an arbitrary letter 1).
    pub cost: f32,
}

/// One word (or pair of words) that is not correct Sorani.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Byte offset of the first byte in the checked text.
    pub start: usize,
    /// Byte offset one past the last byte in the checked text.
    pub end: usize,
    /// The text at `start..end`.
    pub word: String,
    /// How sure the speller is.
    pub severity: Severity,
    /// A misspelling, or a word typed on another keyboard.
    pub kind: FindingKind,
    /// Corrections, best first (may be empty).
    pub suggestions: Vec<Suggestion>,
}

/// A correction applied (or declined) by [`Speller::fix_explained`].
#[derive(Debug, Clone, PartialEq)]
pub struct Correction {
    /// The finding it comes from.
    pub finding: Finding,
    /// Whether [`Speller::fix`] applies it.
    pub applied: bool,
    /// Why it was applied or left alone, in words.
    pub reason: String,
    /// The edits from the written word to the best suggestion.
    pub edits: Vec<Edit>,
}

/// Tunable weights of the speller (the defaults are what the evaluation
/// reports; see `docs/spell.md`).
#[derive(Debug, Clone, PartialEq)]
pub struct SpellOptions {
    /// Lexicon words with at least this count are accepted without question.
    pub trusted_count: u64,
    /// Lexicon words with at least this count (and below `trusted_count`)
    /// are accepted unless a much more frequent word explains them as a
    /// misspelling.
    pub min_accept_count: u64,
    /// Lexicon words with at least this count may be suggested.
    pub min_suggest_count: u64,
    /// Log-probability penalty of a rare lexicon word that the analyzer
    /// cannot analyze, when it competes with a correction.
    pub unanalyzed_penalty: f32,
    /// Log-probability units per unit of edit cost.
    pub edit_weight: f32,
    /// Edit cost of a missing space (two words run together).
    pub missing_space_cost: f32,
    /// Edit cost of an extra space (one word split in two).
    pub extra_space_cost: f32,
    /// Log-probability bonus of two neighbouring words over the product of
    /// their frequencies (neighbours are not independent: the average
    /// association of adjacent words), used when one reading has two words
    /// and the other one.
    pub pair_bonus: f32,
    /// Extra edit cost of joining an unknown word with a frequent neighbour.
    pub trusted_fragment_cost: f32,
    /// Pseudo-count of an unknown word being correct as written.
    pub unknown_count: f32,
    /// A word that starts with a free function word (لە, بە, بۆ, کە …) is
    /// read as the two run together when the rest is at least this many
    /// times as frequent as the whole.
    pub merged_ratio: f32,
    /// Stems under an ending are corrected only when no whole-word candidate
    /// costs this much or less.
    pub stem_search_above: f32,
    /// Log-probability penalty of a corrected stem with an ending put back
    /// (the lexicon does not vouch for the whole form).
    pub ending_penalty: f32,
    /// Pseudo-count of a word the lexicon lacks but the analyzer reads as an
    /// inflection of a known stem.
    pub analyzed_count: f32,
    /// Log-probability bonus of an analyzable word over its corrections
    /// (how much the analyzer's word counts for).
    pub analyzed_margin: f32,
    /// `fix` applies a correction only when its score is at least this.
    pub fix_min_score: f32,
    /// … and at least this many times the runner-up's score.
    pub fix_min_ratio: f32,
    /// Most suggestions returned.
    pub max_suggestions: usize,
}

impl Default for SpellOptions {
    fn default() -> Self {
        SpellOptions {
            trusted_count: 100,
            unanalyzed_penalty: 0.5,
            min_accept_count: 1,
            min_suggest_count: 2,
            edit_weight: 6.0,
            missing_space_cost: 0.45,
            extra_space_cost: 0.45,
            unknown_count: 0.1,
            analyzed_count: 3.0,
            merged_ratio: 2.0,
            stem_search_above: 1.0,
            ending_penalty: 4.0,
            analyzed_margin: 1.0,
            pair_bonus: 3.0,
            trusted_fragment_cost: 0.5,
            fix_min_score: 0.8,
            fix_min_ratio: 5.0,
            max_suggestions: 10,
        }
    }
}

type SupportFn = dyn Fn(&str) -> Support + Send + Sync;
type NameFn = dyn Fn(&str) -> bool + Send + Sync;

/// Builds a [`Speller`] from a lexicon, options and an optional analyzer.
#[derive(Default)]
pub struct SpellerBuilder {
    options: SpellOptions,
    analyzer: Option<Box<SupportFn>>,
    names: Option<Box<NameFn>>,
}

impl SpellerBuilder {
    /// A builder with default options.
    pub fn new() -> Self {
        Self::default()
    }

    /// Replaces the options.
    pub fn options(mut self, options: SpellOptions) -> Self {
        self.options = options;
        self
    }

    /// Takes words for which `known` returns true (a morphological
    /// analyzer's "has an analysis over a known stem") as plausible
    /// inflections: accepted unless a far more likely word explains them as
    /// a misspelling.
    pub fn analyzer(self, known: impl Fn(&str) -> bool + Send + Sync + 'static) -> Self {
        self.morphology(move |w| if known(w) { Support::Inflected } else { Support::None })
    }

    /// Like [`SpellerBuilder::analyzer`], with dictionary words told apart
    /// ([`Support::Entry`]: always accepted, never read as two words run
    /// together).
    pub fn morphology(mut self, support: impl Fn(&str) -> Support + Send + Sync + 'static) -> Self {
        self.analyzer = Some(Box::new(support));
        self
    }

    /// Tells proper names apart (`is_name`): [`Speller::fix`] leaves a word
    /// whose best suggestion is a name as it was written, since a name is
    /// spelt as its bearer spells it (دیمیتریۆ, Dmytro, is no misspelt
    /// دیمیتری). It is still found, with the same suggestions.
    pub fn names(mut self, is_name: impl Fn(&str) -> bool + Send + Sync + 'static) -> Self {
        self.names = Some(Box::new(is_name));
        self
    }

    /// Builds the speller over (word, count) pairs.
    pub fn build<I, S>(self, entries: I) -> Speller
    where
        I: IntoIterator<Item = (S, u64)>,
        S: AsRef<str>,
    {
        Speller {
            words: Words::new(entries),
            options: self.options,
            analyzer: self.analyzer,
            names: self.names,
            deletes: OnceLock::new(),
            near: OnceLock::new(),
            hot: OnceLock::new(),
            verdicts: memo::WordFlags::default(),
            junk: memo::WordFlags::default(),
            unseen: memo::Memo::new(UNSEEN_PER_SHARD),
            corrections: memo::Memo::new(CORRECTIONS_PER_SHARD),
        }
    }

    /// Builds the speller over a [`Lexicon`] (every word with its frequency).
    pub fn build_from_lexicon(self, lexicon: &Lexicon) -> Speller {
        // The words in one buffer, not a string each: the speller copies
        // them once more anyway.
        let mut text = String::new();
        let mut spans = Vec::with_capacity(lexicon.len());
        let mut stream = lexicon.as_fst().stream();
        while let Some((key, count)) = fst::Streamer::next(&mut stream) {
            if let Ok(word) = std::str::from_utf8(key) {
                spans.push((text.len(), text.len() + word.len(), count));
                text.push_str(word);
            }
        }
        self.build(spans.into_iter().map(|(a, b, count)| (&text[a..b], count)))
    }
}

/// Whether one of `a` and `b` is the other followed by an ending.
fn differs_by_an_ending(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    long.strip_prefix(short).is_some_and(accept::is_ending)
}

/// Whether `written` is `intended` with its last letter typed twice (but
/// ی: a word in ی takes the ezafe ی, کلینیکیی).
fn last_letter_doubled(written: &str, intended: &str) -> bool {
    intended.chars().last().is_some_and(|c| c != 'ی' && written.strip_suffix(c) == Some(intended))
}

/// The count of a word one corpus word list holds (see the lexicon's
/// PROVENANCE.md): what `fix` takes as a sign that a word is meant.
const LISTED_COUNT: u64 = 10;

/// Lexicon words counted this much or more are never two words run
/// together ([`Speller::merged_junk`]).
const JUNK_BELOW: u64 = 100;

/// A spell checker built once and shared across threads.
pub struct Speller {
    words: Words,
    options: SpellOptions,
    analyzer: Option<Box<SupportFn>>,
    names: Option<Box<NameFn>>,
    /// Built on first use of suggestions (a fraction of a second).
    deletes: OnceLock<DeleteIndex>,
    /// The same over the words frequent enough to outrank a word the
    /// analyzer reads (see [`Speller::near`]).
    near: OnceLock<DeleteIndex>,
    /// The most frequent words known to be accepted, for the verdict on
    /// running text's frequent words (made on first use, in milliseconds).
    hot: OnceLock<hot::HotWords>,
    /// Per lexicon word: whether it is accepted.
    verdicts: memo::WordFlags,
    /// Per lexicon word, [`Speller::merged_junk`] (asked of every close
    /// candidate of every misspelling).
    junk: memo::WordFlags,
    /// Remembered verdicts on words the lexicon lacks.
    unseen: memo::Memo<bool>,
    /// Remembered [`Speller::corrections`] of recent findings (an unknown
    /// word of running text, such as a name, recurs).
    corrections: memo::Memo<Arc<[Candidate]>>,
}

/// Words in the table of frequent accepted words.
const HOT_WORDS: usize = 1 << 16;

/// Most remembered verdicts per memo shard (16 shards).
const UNSEEN_PER_SHARD: usize = 1 << 14;
/// Most remembered correction lists per memo shard: each holds up to a few
/// dozen candidates, so fewer are kept.
const CORRECTIONS_PER_SHARD: usize = 1 << 10;

impl std::fmt::Debug for Speller {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Speller")
            .field("words", &self.words.words.len())
            .field("options", &self.options)
            .field("analyzer", &self.analyzer.is_some())
            .finish()
    }
}

/// Whether the ی at `i` of `typed` may be the vowel ی of a stem written
/// once before a suffix in ە, where standard spelling adds the glide ی
/// (قاچاخچیەکە for قاچاخچییەکە, داواکاریەکەت for داواکارییەکەت): the
/// commonest way an unlisted inflection strays from the standard. (Not
/// before ا: the ی of ژیان or کاریان, کار + یان, is no such vowel.)
fn glide_left_out(typed: &[char], i: usize) -> bool {
    i >= 2 && typed[i] == 'ی' && !model::is_vowel(typed[i - 1]) && typed.get(i + 1) == Some(&'ە')
}

/// Single words that stand alone although they are one letter long: و
/// (and) and چ (what; چ … چ, whether … or).
fn single_letter_word(s: &str) -> bool {
    matches!(s, "و" | "چ")
}

/// Morphemes that standard spelling writes joined to their word; written
/// apart they make a split-word error when the joined form is a word.
const BOUND: &[&str] =
    &["ەکە", "ەکان", "ەکەی", "ەکانی", "یەکان", "یەکە", "ەوە", "یش", "ترین", "ێک", "ێکی", "ەکەش", "ەکانیش"];

/// Free function words that standard spelling writes apart from the next word.
const FREE: &[&str] = &["لە", "بە", "و", "بۆ", "کە", "تا", "لەگەڵ", "ئەم", "ئەو", "هەر", "یان", "نە", "لەسەر", "بێ"];

/// A preposition contracted with ئەو or ئەم (لە + ئەو → لەو), written as
/// one word in standard spelling.
const CONTRACTED: &[&str] = &["لەو", "بەو", "لەم", "بەم"];

/// Whether `word` is a free function word with its own clitics (لەسەر +
/// یان, لەگەڵ + دا), or a contraction with the plural or demonstrative of
/// ئەو/ئەم (لەوان, بەمە): one word, not two run together. (Other letters
/// after a contraction are mostly a pronoun run together: بەمن is بە من.)
fn free_with_clitics(word: &str) -> bool {
    FREE.iter().any(|f| word.strip_prefix(f).is_some_and(accept::is_ending))
        || CONTRACTED
            .iter()
            .any(|f| word.strip_prefix(f).is_some_and(|rest| rest.starts_with(['ا', 'ە']) && accept::is_ending(rest)))
}

/// Whether no Sorani word can begin like `word`: with ڵ, or with a vowel
/// letter (a word-initial vowel is written after ئ). Such a piece is the
/// end of a word split apart (`بە ڵام`, `شێر اوا`). A lone vowel letter is
/// left to the other rules (ە and ێ are endings too).
fn impossible_start(word: &str) -> bool {
    let mut chars = word.chars();
    match chars.next() {
        Some('ڵ') => true,
        Some('ا' | 'ە' | 'ێ' | 'ۆ') => chars.next().is_some(),
        _ => false,
    }
}

/// Word-initial ر is always trilled, so writing it plain is a convention the
/// checker accepts: a writer who types plain ر at the start of words (and no
/// ڕ anywhere) gets suggestions in that convention, not a correction of it.
fn keep_writers_r(written: &str, suggestions: &mut Vec<Suggestion>) {
    let plain_initial = written.split(' ').any(|w| w.starts_with('ر'));
    if !plain_initial || written.contains('ڕ') {
        return;
    }
    for s in suggestions.iter_mut() {
        if s.word.split(' ').any(|w| w.starts_with('ڕ')) {
            s.word = s
                .word
                .split(' ')
                .map(|w| match w.strip_prefix('ڕ') {
                    Some(rest) => format!("ر{rest}"),
                    None => w.to_string(),
                })
                .collect::<Vec<_>>()
                .join(" ");
        }
    }
    // two suggestions may now read alike: keep the better one
    let mut seen = std::collections::HashSet::new();
    suggestions.retain(|s| seen.insert(s.word.clone()));
}

/// What a search for candidate corrections is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Search {
    /// Judging whether a word is correct: the verdict must not depend on
    /// the verdicts on other words.
    Judging,
    /// Suggesting corrections for a word found wrong.
    Suggesting,
}

/// A word whose candidate corrections are scored.
#[derive(Clone, Copy)]
struct Query<'a> {
    word: &'a str,
    /// its letters, marks left out
    typed: &'a [char],
    /// the highest edit cost a candidate may have
    limit: f32,
    search: Search,
}

/// One scored hypothesis for a span.
#[derive(Debug, Clone)]
struct Candidate {
    text: String,
    log: f32,
    cost: f32,
}

static EMBEDDED: LazyLock<Speller> = LazyLock::new(|| Speller::new(Lexicon::embedded()));

impl Speller {
    /// The speller over the embedded lexicon and morphological analyzer
    /// (built on first use, then shared).
    pub fn embedded() -> &'static Speller {
        &EMBEDDED
    }

    /// A speller over `lexicon` that also weighs the forms the embedded
    /// morphological analyzer derives from a known stem (see
    /// [`Analyzer::spelling_support`]).
    ///
    /// Over the embedded lexicon, its words' verdicts are the ones shipped
    /// with the library (worked out by `cargo xtask spell-verdicts`), so
    /// none has to be judged again.
    pub fn new(lexicon: &Lexicon) -> Speller {
        let speller = Self::new_unprimed(lexicon);
        let print = shipped::fingerprint_of(lexicon);
        if let Some(verdicts) = shipped::decode(shipped::EMBEDDED, print, speller.len()) {
            speller.verdicts.fill(&verdicts.accepted);
            speller.junk.fill(&verdicts.junk);
        }
        speller
    }

    /// [`Speller::new`] without the shipped verdicts: every word is judged
    /// when first met (what `cargo xtask spell-verdicts` starts from).
    #[doc(hidden)]
    pub fn new_unprimed(lexicon: &Lexicon) -> Speller {
        SpellerBuilder::new()
            .morphology(|w| Analyzer::embedded().spelling_support(w))
            .names(|w| Analyzer::embedded().is_proper_name(w))
            .build_from_lexicon(lexicon)
    }

    /// The verdict file of this speller's lexicon `lexicon` (the one it was
    /// built from): every word judged, on `threads` threads. Slow: several
    /// seconds of CPU for the embedded lexicon.
    #[doc(hidden)]
    pub fn lexicon_verdicts(&self, lexicon: &Lexicon, threads: usize) -> Vec<u8> {
        let n = self.len();
        let threads = threads.max(1);
        let mut accepted = vec![false; n];
        let mut junk = vec![false; n];
        std::thread::scope(|scope| {
            let parts: Vec<_> = (0..threads)
                .map(|t| {
                    scope.spawn(move || {
                        (t..n)
                            .step_by(threads)
                            .map(|id| {
                                let word = &self.words.words[id];
                                (id, self.judge(word, Some(id as u32)), self.junk_word(id as u32))
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            for part in parts {
                for (id, a, j) in part.join().expect("a judging thread") {
                    accepted[id] = a;
                    junk[id] = j;
                }
            }
        });
        let print = shipped::fingerprint_of(lexicon);
        shipped::encode(print, &shipped::Verdicts { accepted, junk })
    }

    /// A speller over (word, count) pairs with default options.
    pub fn from_counts<I, S>(entries: I) -> Speller
    where
        I: IntoIterator<Item = (S, u64)>,
        S: AsRef<str>,
    {
        SpellerBuilder::new().build(entries)
    }

    /// The options in force.
    pub fn options(&self) -> &SpellOptions {
        &self.options
    }

    /// Number of lexicon words.
    pub fn len(&self) -> usize {
        self.words.words.len()
    }

    /// Whether the lexicon is empty.
    pub fn is_empty(&self) -> bool {
        self.words.words.is_empty()
    }

    fn deletes(&self) -> &DeleteIndex {
        self.deletes.get_or_init(|| DeleteIndex::build(&self.words, self.options.min_suggest_count))
    }

    /// The lowest log-probability a correction must beat when a word the
    /// analyzer reads is judged (the `as_is` of [`Self::suspect_unseen`]).
    fn analyzed_floor(&self) -> f32 {
        self.words.log_prob_f(self.options.analyzed_count) + self.options.analyzed_margin
    }

    /// The delete index of the words likely enough to outrank a word the
    /// analyzer reads: one edit away (at least [`model::MIN_EDIT`], or
    /// [`model::MARK_EDIT`] for a word with marks), a correction must be that much
    /// more probable than [`Self::analyzed_floor`]. About one lexicon word in
    /// a hundred, so judging reads a small index.
    fn near(&self) -> &DeleteIndex {
        self.near.get_or_init(|| {
            // the least count whose log-probability exceeds `floor`, one lower
            // to be safe from rounding (an extra word only costs a look-up)
            let least = |floor: f32| (f64::from(floor).exp() * self.words.total as f64 - 0.5).floor().max(0.0) as u64;
            let weight = self.options.edit_weight;
            let plain = least(self.analyzed_floor() + weight * model::MIN_EDIT).max(self.options.min_suggest_count);
            let marked = least(self.analyzed_floor() + weight * model::MARK_EDIT).max(self.options.min_suggest_count);
            DeleteIndex::build_where(&self.words, |id| {
                let count = self.words.counts[id];
                count >= plain || (count >= marked && self.words.words[id].chars().any(model::is_mark))
            })
        })
    }

    /// Forgets the remembered corrections of findings, so that the next
    /// suggestions are worked out anew (benchmarks time a pass over the
    /// same misspellings again this way).
    #[doc(hidden)]
    pub fn forget_corrections(&self) {
        self.corrections.clear();
    }

    /// Builds the candidate indexes now instead of on first use.
    pub fn warm_up(&self) {
        let _ = self.deletes();
        let _ = self.near();
        let _ = self.hot();
    }

    /// Whether `word` (a single Arabic-script word) is correct Sorani.
    ///
    /// Words that are not Arabic-script letters (numbers, Latin) are correct
    /// by definition: the speller does not check them.
    pub fn is_correct(&self, word: &str) -> bool {
        if word.is_empty() || !word.chars().all(scan::is_word_char) {
            return true;
        }
        self.accepts(word)
    }

    #[inline]
    fn accepts(&self, word: &str) -> bool {
        self.hot().contains(word) || self.accepts_looked_up(word)
    }

    /// [`Self::accepts`] without the table of frequent words.
    #[inline]
    fn accepts_looked_up(&self, word: &str) -> bool {
        let id = self.words.id(word);
        if id.is_some_and(|id| self.trusted(word, id)) {
            return true;
        }
        self.accepts_slow(word, id)
    }

    /// Whether lexicon word `word` (row `id`) is accepted without question:
    /// counted at least the trusted count, and not a lone letter or a piece
    /// that no word begins like.
    #[inline]
    fn trusted(&self, word: &str, id: u32) -> bool {
        self.words.counts[id as usize] >= self.options.trusted_count
            && (word.len() > 2 || single_letter_word(word))
            && !impossible_start(word)
    }

    /// The [`HOT_WORDS`] most frequent words whose acceptance needs no
    /// judging: trusted words, and words whose verdict is already known
    /// (over the embedded lexicon, every word's: the shipped verdicts).
    fn hot(&self) -> &hot::HotWords {
        self.hot.get_or_init(|| {
            let counts = &self.words.counts;
            let mut ids: Vec<u32> = (0..self.words.words.len() as u32)
                .filter(|&id| self.verdicts.peek(id) == Some(true) || self.trusted(&self.words.words[id as usize], id))
                .collect();
            if ids.len() > HOT_WORDS {
                ids.select_nth_unstable_by(HOT_WORDS, |&a, &b| counts[b as usize].cmp(&counts[a as usize]));
                ids.truncate(HOT_WORDS);
            }
            hot::HotWords::new(ids.iter().map(|&id| &self.words.words[id as usize]))
        })
    }

    /// [`Self::judge`], remembered: per lexicon word (`id`, already looked
    /// up) in a flag array, for other words in a bounded map (words repeat in
    /// running text, and judging a word may rank its corrections).
    #[cold]
    fn accepts_slow(&self, word: &str, id: Option<u32>) -> bool {
        if let Some(id) = id {
            return self.verdicts.get_or(self.words.words.len(), id, || self.judge(word, Some(id)));
        }
        if let Some(verdict) = self.unseen.get(word) {
            return verdict;
        }
        let verdict = self.judge(word, None);
        self.unseen.insert(word, verdict);
        verdict
    }

    /// Whether `word` (lexicon row `id`, if any) is correct (the rules are
    /// listed in `docs/spell.md`, "Acceptance").
    fn judge(&self, word: &str, id: Option<u32>) -> bool {
        if impossible_start(word) {
            return false;
        }
        if word.chars().any(model::is_mark) {
            let bare = model::without_marks(word);
            // parts a zero-width non-joiner keeps apart are meant as written
            // apart (منداڵ‌بەخێوکردن, بێ‌کێشە, دوای‌نیوەڕۆ): each may be judged
            // alone, as if a space stood there
            return bare.is_empty()
                || self.accepts(&bare)
                || (word.contains(model::ZWNJ) && word.split(model::ZWNJ).all(|p| !p.is_empty() && self.accepts(p)));
        }
        // ھ is the other code point for the /h/ of ه (Sorani text uses both,
        // and the normalizer folds it): an encoding, not a misspelling. Only
        // where ه reads as a word: ھ for ە stays a keyboard confusion.
        if word.contains('ھ') {
            return self.accepts(&word.replace('ھ', "ه"));
        }
        // word-initial ر is always trilled: writing it plain is a convention
        if let Some(rest) = word.strip_prefix('ر') {
            let trilled = format!("ڕ{rest}");
            if self.accepts(&trilled) {
                return true;
            }
        }
        let support = match &self.analyzer {
            Some(support) if word.len() > 2 || single_letter_word(word) => support(word),
            Some(_) => Support::None,
            None if accept::known_with_affixes(&self.words, word, self.options.trusted_count) => Support::Inflected,
            None => Support::None,
        };

        let support =
            if support == Support::None && self.ezafe_after_trusted(word) { Support::Inflected } else { support };
        if support == Support::Entry {
            return true;
        }
        if self.merged_free(word, self.words.count(word)) {
            // a free word run together with the next (کەژمارەی): not accepted
            return false;
        }
        match id {
            Some(id)
                if support == Support::Inflected || self.words.counts[id as usize] >= self.options.min_accept_count =>
            {
                !self.suspect(word, support)
            }
            None if support == Support::Inflected => !self.suspect_unseen(word),
            _ => false,
        }
    }

    /// Whether a rare lexicon word is more likely a misspelling of another
    /// word than itself (the lexicon comes from corpora, which hold typos).
    fn suspect(&self, word: &str, support: Support) -> bool {
        // a corpus word the analyzer cannot analyze needs less evidence against it
        match support {
            Support::None => self.outranked(word, self.rejected_as_is(word), false),
            _ => self.outranked(word, self.as_is_log(word) + self.options.analyzed_margin, true),
        }
    }

    /// Whether a word the lexicon lacks but the analyzer reads as an
    /// inflection of a known stem is more likely a misspelling.
    fn suspect_unseen(&self, word: &str) -> bool {
        let as_is = self.words.log_prob_f(self.options.analyzed_count);
        self.outranked(word, as_is + self.options.analyzed_margin, true)
    }

    /// Whether some correction of `word` is more likely than the word
    /// itself, whose log-probability as written is `as_is`. When the
    /// analyzer reads `word` (`analysed`), a word that differs from it only
    /// by an ending at the end is another inflection of the same stem, not a
    /// correction (`بۆی` is بۆ + ی, `دەستت` دەست + ت, and `بەسوود` is not a
    /// misspelt `بەسوودە`).
    fn outranked(&self, word: &str, as_is: f32, analysed: bool) -> bool {
        let mut cands = Vec::new();
        // Only a candidate likelier than `as_is` can outrank the word, so
        // the searches skip what cannot be (most judged words are kept, and
        // proving it is the cost of checking unseen text).
        self.word_candidates(word, as_is, Search::Judging, &mut cands);
        self.split_candidates(word, as_is, &mut cands);
        if analysed {
            cands.retain(|c| !differs_by_an_ending(word, &c.text));
        }
        let (ranked, kept) = self.rank_with(&cands, as_is);
        ranked.first().is_some_and(|s| s.score > kept)
    }

    fn log_count(&self, word: &str) -> Option<f32> {
        let count = self.words.count(word);
        (count >= self.options.min_suggest_count).then(|| self.words.log_prob(count))
    }

    /// Log-probability of `word` being correct as written: its own
    /// frequency when the lexicon has it, else the unknown-word prior.
    fn as_is_log(&self, word: &str) -> f32 {
        let count = self.words.count(word);
        if count > 0 && !self.merged_free(word, count) && !impossible_start(word) {
            let bonus = if word.chars().count() == 1 && !single_letter_word(word) { -6.0 } else { 0.0 };
            return self.words.log_prob(count) + bonus;
        }
        self.unknown_log(word)
    }

    /// [`Self::as_is_log`] of a word acceptance turned down: a rare corpus
    /// word the analyzer cannot analyze needs less evidence against it.
    fn rejected_as_is(&self, word: &str) -> f32 {
        let log = self.as_is_log(word);
        if self.words.count(word) > 0 {
            log - self.options.unanalyzed_penalty
        } else {
            log
        }
    }

    /// Log-probability of an unknown word being correct as written.
    fn unknown_log(&self, word: &str) -> f32 {
        let base = ((self.options.unknown_count as f64) / self.words.total as f64).ln() as f32;
        // letters no standard Sorani word contains (Arabic/Persian keyboard forms)
        let foreign = word.chars().filter(|c| matches!(c, 'ك' | 'ي' | 'ى' | 'ة' | 'ھ' | 'ؤ' | 'إ' | 'أ')).count();
        base - self.options.edit_weight * 1.5 * foreign as f32
    }

    /// A lexicon word that is a free function word run together with a more
    /// frequent word (`ورایگەیاند`, `لەئەڵمانیا`): corpus noise, never
    /// suggested whole.
    fn merged_free(&self, word: &str, count: u64) -> bool {
        count < 100
            && !free_with_clitics(word)
            && !self.trusted_with_ending(word)
            && FREE.iter().filter(|&&f| f != "نە").any(|f| {
                word.strip_prefix(f).is_some_and(|rest| {
                    rest.chars().count() >= 2
                        && !BOUND.contains(&rest)
                        && !accept::is_ending(rest)
                        && self.words.count(rest) as f32 > (count as f32 * self.options.merged_ratio).max(20.0)
                })
            })
    }

    /// A trusted word in -ی with the ezafe ی after it (`ئینگلیزیی`,
    /// `ڕاوێژکاریی`), as standard spelling writes it. The analyzer reads
    /// such words only when their stem is in its own lexicon, and many
    /// adjectives in -ی are known from corpus counts alone.
    fn ezafe_after_trusted(&self, word: &str) -> bool {
        let Some(stem) = word.strip_suffix('ی') else { return false };
        // the stem's ی is the vowel î after a consonant (not the glide of
        // ئەوەی, nor a second ی: یاساییی)
        let mut before = stem.chars().rev().skip(1);
        stem.ends_with('ی')
            && before.next().is_some_and(|c| !matches!(c, 'ا' | 'ە' | 'ێ' | 'ۆ' | 'و' | 'ی'))
            && stem.chars().nth(3).is_some()
            && self.words.count(stem) >= self.options.trusted_count
    }

    /// A word the lexicon trusts followed by an ending (`بەهێزی` = بەهێز +
    /// ی): an inflected word, not a free word run together with the next,
    /// even when it begins like one. Left out are stems of three letters or
    /// fewer, which include the contractions بەم, لەو (بە ئەم, لە ئەو) whose
    /// ن is no ending in `بەمن` but the rest of من, and trusted stems that
    /// are themselves mostly a merge (لەهەرێم, where هەرێم alone is far more
    /// frequent).
    fn trusted_with_ending(&self, word: &str) -> bool {
        accept::endings_of(word).any(|ending| {
            let stem = &word[..word.len() - ending.len()];
            let count = self.words.count(stem);
            stem.chars().nth(3).is_some()
                && count >= self.options.trusted_count
                && !FREE.iter().any(|f| {
                    stem.strip_prefix(f)
                        .is_some_and(|rest| self.words.count(rest) as f32 > count as f32 * self.options.merged_ratio)
                })
        })
    }

    fn merged_junk(&self, word: &str, count: u64) -> bool {
        if count >= JUNK_BELOW || free_with_clitics(word) {
            return false;
        }
        if self.merged_free(word, count) {
            return true;
        }
        // two ordinary words run together, each far more frequent than the whole
        word.char_indices().skip(2).any(|(at, _)| {
            let (a, b) = word.split_at(at);
            b.chars().nth(1).is_some()
                && !accept::is_ending(b)
                && self.words.count(a) > count * 4
                && self.words.count(b) > count * 4
        })
    }

    /// [`Self::merged_junk`] of lexicon word `id`, remembered.
    fn junk_word(&self, id: u32) -> bool {
        let count = self.words.counts[id as usize];
        if count >= JUNK_BELOW {
            return false;
        }
        self.junk.get_or(self.words.words.len(), id, || self.merged_junk(&self.words.words[id as usize], count))
    }

    /// Best single-word candidates for `word`, scored, best first.
    ///
    /// Candidates whose log-probability cannot exceed `floor` may be left
    /// out (`f32::NEG_INFINITY`: none is); which ones are kept does not
    /// depend on it otherwise.
    fn word_candidates(&self, word: &str, floor: f32, search: Search, out: &mut Vec<Candidate>) {
        let typed: Vec<char> = word.chars().filter(|&c| !model::is_mark(c)).collect();
        if typed.is_empty() || typed.len() > model::MAX_CHARS {
            return;
        }
        let folded: Vec<char> = typed.iter().filter_map(|&c| model::fold_char(c)).collect();
        let n = typed.len();
        let (max_deletes, limit) = match n {
            0..=2 => (1, 0.8),
            3 => (1, 1.2),
            4..=5 => (2, 1.7),
            _ => (2, 2.3),
        };
        let query = Query { word, typed: &typed, limit, search };
        let mut ids = Vec::new();
        if floor >= self.analyzed_floor() && typed.len() == word.chars().count() {
            // Judging a word the analyzer reads: only corrections more
            // probable than it count, and the small index holds them all
            // (every one within reach of the wide search, close or not).
            // Not for a word with marks: a listed word could differ from it
            // by those alone, at no cost.
            self.near().candidates(&folded, max_deletes, &mut ids);
            self.score_ids(&query, &mut ids, floor, out);
            return;
        }
        // one delete on the query side first; two only when nothing close turned up
        self.deletes().candidates(&folded, max_deletes.min(1), &mut ids);
        // (the first search decides whether to search again by the closest
        // word it finds, so it keeps every one unless it is the last)
        let first_floor = if max_deletes > 1 { f32::NEG_INFINITY } else { floor };
        let found = self.score_ids(&query, &mut ids, first_floor, out);
        if max_deletes > 1 && found.is_none_or(|best| best > 0.6) {
            self.deletes().candidates(&folded, max_deletes, &mut ids);
            out.clear();
            self.score_ids(&query, &mut ids, floor, out);
        }
    }

    /// Every correction of an unknown `word` a suggestion draws on: listed
    /// words, undone confusions, a mended stem under an ending, splits.
    /// (Judging a word compares it with the cheaper listed words and splits
    /// only.)
    fn corrections(&self, word: &str) -> Arc<[Candidate]> {
        if let Some(cands) = self.corrections.get(word) {
            return cands;
        }
        let cands: Arc<[Candidate]> = self.find_corrections(word).into();
        self.corrections.insert(word, cands.clone());
        cands
    }

    /// [`Self::corrections`], worked out.
    fn find_corrections(&self, word: &str) -> Vec<Candidate> {
        let mut cands = Vec::new();
        self.word_candidates(word, f32::NEG_INFINITY, Search::Suggesting, &mut cands);
        self.confusion_candidates(word, &mut cands);
        self.stem_candidates(word, &mut cands);
        self.split_candidates(word, f32::NEG_INFINITY, &mut cands);
        cands
    }

    /// Corrections of the stem under an ending: the lexicon lists few of
    /// the forms of a rare stem, so `کۆرناوە` is mended as `کۆرنا` + `وە` →
    /// `کۆرۆنا` + `وە`. Tried only when no close whole-word candidate turned
    /// up, for the two longest endings.
    fn stem_candidates(&self, word: &str, out: &mut Vec<Candidate>) {
        if out.iter().any(|c| c.cost <= self.options.stem_search_above) {
            return;
        }
        let penalty = self.options.ending_penalty;
        for ending in accept::endings_of(word).take(2) {
            let stem = &word[..word.len() - ending.len()];
            let mut stems = Vec::new();
            self.word_candidates(stem, f32::NEG_INFINITY, Search::Suggesting, &mut stems);
            for c in stems {
                let text = format!("{}{ending}", c.text);
                if text == word || out.iter().any(|o| o.text == text) {
                    continue;
                }
                out.push(Candidate { text, log: c.log - penalty, cost: c.cost });
            }
        }
    }

    /// Corrections the lexicon lacks: `word` with one keyboard confusion
    /// undone (or every Arabic-keyboard letter replaced at once), kept when
    /// the analyzer reads the result as an inflection of a known stem. The
    /// lexicon cannot list every inflected form, so without these a typo in
    /// an unlisted form (`ئةنجامدەدرێت`) gets only listed neighbours.
    fn confusion_candidates(&self, word: &str, out: &mut Vec<Candidate>) {
        let Some(support) = &self.analyzer else { return };
        if out.iter().any(|c| c.cost <= 0.35) {
            return; // a listed word one confusion away already stands first
        }
        let typed: Vec<char> = word.chars().collect();
        if typed.len() < 3 || typed.len() > model::MAX_CHARS {
            return;
        }
        let mut variants: Vec<Vec<char>> = Vec::new();
        let whole: Vec<char> = typed.iter().map(|&c| model::arabic_keyboard_letter(c).unwrap_or(c)).collect();
        if whole != typed {
            variants.push(whole);
        }
        for (i, &c) in typed.iter().enumerate() {
            for &k in model::confusions_of(c) {
                let mut v = typed.clone();
                v[i] = k;
                variants.push(v);
            }
            if glide_left_out(&typed, i) {
                let mut v = typed.clone();
                v.insert(i, 'ی');
                variants.push(v);
            }
        }
        for v in variants {
            let text: String = v.iter().collect();
            if self.words.count(&text) >= self.options.min_suggest_count || out.iter().any(|c| c.text == text) {
                continue; // the lexicon search finds it
            }
            if support(&text) == Support::None || self.merged_free(&text, 0) {
                continue;
            }
            if let Some(cost) = model::cost(&typed, &v, 1.0) {
                let log = self.words.log_prob_f(self.options.analyzed_count) - self.options.edit_weight * cost;
                out.push(Candidate { text, log, cost });
            }
        }
    }

    /// Scores the candidate ids against the query, most frequent first,
    /// stopping when no remaining word can enter the best
    /// `max_suggestions` or rise above `floor`; returns the lowest edit
    /// cost seen.
    fn score_ids(&self, query: &Query<'_>, ids: &mut [u32], floor: f32, out: &mut Vec<Candidate>) -> Option<f32> {
        let Query { word, typed, limit, search } = *query;
        let counts = &self.words.counts;
        ids.sort_unstable_by(|&a, &b| counts[b as usize].cmp(&counts[a as usize]));
        let keep = self.options.max_suggestions.max(1);
        let mut best_logs: Vec<f32> = Vec::with_capacity(keep + 1);
        let mut best_cost: Option<f32> = None;
        let mut cand: Vec<char> = Vec::with_capacity(model::MAX_CHARS);
        let w_edit = self.options.edit_weight;
        for &id in ids.iter() {
            let count = counts[id as usize];
            if count < self.options.min_suggest_count {
                break;
            }
            let prior = self.words.log_prob(count);
            let kth = if best_logs.len() == keep { best_logs[keep - 1] } else { f32::NEG_INFINITY };
            let floor = kth.max(floor);
            if prior < floor {
                break;
            }
            let w = &self.words.words[id as usize];
            if *w == *word {
                continue;
            }
            cand.clear();
            cand.extend(w.chars());
            if cand.len().abs_diff(typed.len()) > 3 {
                continue;
            }
            let lim = limit.min((prior - floor) / w_edit);
            if let Some(cost) = model::cost(typed, &cand, lim) {
                // a corpus merge is no candidate, unless the checker
                // accepts it (دەبوو, پێکرد: دە + بوو and پێ + کرد are each
                // far more frequent, but the grammar reads the whole); only
                // when suggesting, so that no verdict hangs on another
                if self.junk_word(id) && !(search == Search::Suggesting && self.accepts_slow(w, Some(id))) {
                    continue;
                }
                let log = prior - w_edit * cost;
                best_cost = Some(best_cost.map_or(cost, |b: f32| b.min(cost)));
                let at = best_logs.partition_point(|&l| l >= log);
                best_logs.insert(at, log);
                best_logs.truncate(keep);
                out.push(Candidate { text: w.to_string(), log, cost });
            }
        }
        best_cost
    }

    /// The best reading of `part` as a word: itself when known, else its
    /// best folded match of the same length (letters up to confusions) —
    /// (text, log, cost).
    fn part_reading(&self, part: &str) -> Option<(String, f32, f32)> {
        self.part_reading_known(part, self.log_count(part))
    }

    /// [`Self::part_reading`] given [`Self::log_count`] of `part`.
    fn part_reading_known(&self, part: &str, known: Option<f32>) -> Option<(String, f32, f32)> {
        if let Some(log) = known {
            return Some((part.to_string(), log, 0.0));
        }
        let typed: Vec<char> = part.chars().filter(|&c| !model::is_mark(c)).collect();
        if typed.len() < 2 {
            return None;
        }
        // an inflected form the lexicon lacks (ئازاد یدا → ئازادیدا)
        if typed.len() >= 4
            && !impossible_start(part)
            && self.analyzer.as_ref().is_some_and(|support| support(part) != Support::None)
        {
            return Some((part.to_string(), self.words.log_prob_f(self.options.analyzed_count), 0.0));
        }
        let folded: Vec<char> = typed.iter().filter_map(|&c| model::fold_char(c)).collect();
        let mut ids = Vec::new();
        self.deletes().candidates(&folded, 0, &mut ids);
        let mut best: Option<(String, f32, f32)> = None;
        let mut cand: Vec<char> = Vec::new();
        for id in ids {
            let count = self.words.counts[id as usize];
            if count < self.options.min_suggest_count {
                continue;
            }
            let w = &self.words.words[id as usize];
            cand.clear();
            cand.extend(w.chars());
            // same length: the part differs only by letter confusions
            if cand.len() != typed.len() {
                continue;
            }
            if let Some(cost) = model::cost(&typed, &cand, 1.0) {
                let log = self.words.log_prob(count) - self.options.edit_weight * cost;
                if best.as_ref().is_none_or(|b| log > b.1) {
                    best = Some((w.to_string(), log, cost));
                }
            }
        }
        best
    }

    /// Readings of `word` as two words run together.
    ///
    /// Splits whose log-probability cannot exceed `floor` may be left out,
    /// as in [`Self::word_candidates`].
    fn split_candidates(&self, word: &str, floor: f32, out: &mut Vec<Candidate>) {
        let boundaries: Vec<usize> = word.char_indices().map(|(i, _)| i).skip(1).collect();
        let (bonus, missing_space) =
            (self.options.pair_bonus, self.options.edit_weight * self.options.missing_space_cost);
        // No reading of a part the lexicon lacks is likelier than an
        // inflected form the lexicon lacks, or than the most frequent word of
        // its length one edit away: the part differs from every word it can
        // be read as (by a letter, or by marks when there are marks to
        // differ by).
        let nearest = if word.chars().any(model::is_mark) {
            0.0
        } else if self.words.marked {
            model::MARK_EDIT
        } else {
            model::MIN_EDIT
        };
        let analyzed = self.words.log_prob_f(self.options.analyzed_count);
        let likeliest = |part: &str| {
            let chars = part.chars().filter(|&c| !model::is_mark(c)).count();
            let listed = self.words.max_count_by_chars.get(chars).copied().unwrap_or(0);
            (self.words.log_prob(listed) - self.options.edit_weight * nearest).max(analyzed)
        };
        let bounded = floor > f32::NEG_INFINITY;
        // A part longer than any word the corrector reads is no word: only
        // the split points that leave both parts within that length are
        // tried, which keeps a long run of letters linear.
        let chars = boundaries.len() + 1;
        for (before, at) in boundaries.into_iter().enumerate().map(|(i, at)| (i + 1, at)) {
            if before > model::MAX_CHARS || chars - before > model::MAX_CHARS {
                continue;
            }
            let (a, b) = word.split_at(at);
            if (a.chars().count() < 2 && !single_letter_word(a)) || (b.chars().count() < 2 && !single_letter_word(b)) {
                continue;
            }
            if a.ends_with(model::ZWNJ) || b.starts_with(model::ZWNJ) {
                continue;
            }
            // a part the lexicon has reads as itself, cheaply; bound the others
            let (ka, kb) = (self.log_count(a), self.log_count(b));
            if bounded
                && ka.unwrap_or_else(|| likeliest(a)) + kb.unwrap_or_else(|| likeliest(b)) + bonus - missing_space
                    <= floor
            {
                continue;
            }
            let Some((ra, la, ca)) = self.part_reading_known(a, ka) else { continue };
            let Some((rb, lb, cb)) = self.part_reading_known(b, kb) else { continue };
            let cost = ca + cb + self.options.missing_space_cost;
            let log = la + lb + bonus - missing_space;
            out.push(Candidate { text: format!("{ra} {rb}"), log, cost });
        }
    }

    /// Ranks raw candidates against the "correct as written" hypothesis and
    /// turns them into suggestions.
    fn rank(&self, cands: &[Candidate], as_is: f32) -> Vec<Suggestion> {
        self.rank_with(cands, as_is).0
    }

    /// [`Self::rank`], also giving the probability of "correct as written".
    fn rank_with(&self, cands: &[Candidate], as_is: f32) -> (Vec<Suggestion>, f32) {
        // best first; of candidates with the same text, the first listed
        let mut order: Vec<usize> = (0..cands.len()).collect();
        order.sort_by(|&a, &b| cands[b].log.total_cmp(&cands[a].log).then_with(|| cands[a].text.cmp(&cands[b].text)));
        let mut seen = rustc_hash::FxHashSet::default();
        order.retain(|&i| seen.insert(cands[i].text.as_str()));
        let top = order.first().map_or(as_is, |&i| cands[i].log.max(as_is));
        // the normalizer runs over every candidate, not only those returned
        let z: f32 = order.iter().map(|&i| (cands[i].log - top).exp()).sum::<f32>() + (as_is - top).exp();
        order.truncate(self.options.max_suggestions);
        let suggestions = order
            .into_iter()
            .map(|i| {
                let c = &cands[i];
                Suggestion { score: (c.log - top).exp() / z, word: c.text.clone(), cost: c.cost }
            })
            .collect();
        (suggestions, (as_is - top).exp() / z)
    }

    /// Suggestions for a single word, best first (empty when the word is
    /// correct or nothing comes close).
    pub fn suggest(&self, word: &str) -> Vec<Suggestion> {
        let word = word.trim();
        if word.is_empty() || !word.chars().all(scan::is_word_char) || self.accepts(word) {
            return Vec::new();
        }
        let cands = self.corrections(word);
        let mut suggestions = self.rank(&cands, self.rejected_as_is(word));
        keep_writers_r(word, &mut suggestions);
        suggestions
    }

    /// The verdict on one entry of a word list (`sorani spell --words`):
    /// `None` when it is correct, else the corrections of the whole entry,
    /// best first (possibly empty when nothing comes close).
    ///
    /// An entry is usually one word. An entry of several words is checked as
    /// text, so that a word split apart (`بە ڵام`) is found and each
    /// suggestion is the whole entry with the finding replaced.
    pub fn check_entry(&self, entry: &str) -> Option<Vec<Suggestion>> {
        let entry = entry.trim();
        if !entry.contains(char::is_whitespace) {
            return (!self.is_correct(entry)).then(|| self.suggest(entry));
        }
        let findings = self.check_with(entry, true);
        let first = findings.first()?;
        // the other findings' best corrections stay applied in every suggestion
        let mut rest = String::with_capacity(entry.len());
        let mut last = 0;
        let mut hole = 0;
        for (i, f) in findings.iter().enumerate() {
            rest.push_str(&entry[last..f.start]);
            if i == 0 {
                hole = rest.len();
            } else {
                rest.push_str(f.suggestions.first().map_or(&f.word, |s| &s.word));
            }
            last = f.end;
        }
        rest.push_str(&entry[last..]);
        Some(
            first
                .suggestions
                .iter()
                .map(|s| {
                    let mut word = rest.clone();
                    word.insert_str(hole, &s.word);
                    Suggestion { word, ..s.clone() }
                })
                .collect(),
        )
    }

    /// Severity of a finding from its ranked suggestions.
    fn severity(suggestions: &[Suggestion], as_is: f32) -> Severity {
        match suggestions.first() {
            Some(s) if s.score > as_is => Severity::Error,
            _ => Severity::Warning,
        }
    }

    /// All findings in `text`, in order, with byte spans into `text`.
    pub fn check(&self, text: &str) -> Vec<Finding> {
        self.check_with(text, false)
    }

    /// [`Self::check`]; with `one_word`, the text is meant as a single word
    /// (a word-list entry), so any two known words that join into a known
    /// word are a split, not only a bound morpheme or a fragment written
    /// apart.
    fn check_with(&self, text: &str, one_word: bool) -> Vec<Finding> {
        let mut findings: Vec<Finding> = Vec::new();
        let mut scanner = Scanner::new(text);
        let mut prev: Option<Piece<'_>> = None;
        // end of the last finding: no later finding may start before it
        let mut covered = 0usize;
        while let Some(piece) = scanner.next() {
            if piece.start < covered || piece.kind != Kind::Word {
                prev = Some(piece);
                continue;
            }
            if piece.text.chars().nth(1).is_none() && text[piece.end..].starts_with('.') {
                // a one-letter abbreviation (د. for doctor)
                prev = Some(piece);
                continue;
            }
            if accept::is_ending(piece.text) && prev.is_none_or(|p| p.kind != Kind::Word || !piece.spaced_from_prev) {
                // an ending after a number, a Latin word or a quotation
                // (`7 ی`, `"…" ی`): it has nowhere else to go
                prev = Some(piece);
                continue;
            }
            let next = scanner.clone().next().filter(|n| n.kind == Kind::Word && n.spaced_from_prev);
            if self.accepts(piece.text) {
                // split word: a bound morpheme written apart from its word
                if let Some(f) = next.and_then(|n| self.bound_split(text, &piece, &n, one_word)) {
                    covered = f.end;
                    findings.push(f);
                }
                prev = Some(piece);
                continue;
            }
            let prev_word = prev.filter(|p| p.kind == Kind::Word && piece.spaced_from_prev && p.start >= covered);
            let finding = self.unknown_finding(text, prev_word, &piece, next, one_word);
            covered = finding.end;
            findings.push(finding);
            prev = Some(piece);
        }
        for f in &mut findings {
            keep_writers_r(&f.word, &mut f.suggestions);
        }
        findings
    }

    /// Whether `word` is a short fragment (one or two letters) that is not
    /// a frequent word: a likely piece of a split word.
    #[inline]
    fn fragment(&self, word: &str) -> bool {
        word.len() <= 4 && !single_letter_word(word) && self.words.count(word) < self.options.trusted_count
    }

    /// A finding for an accepted word `a` followed by `b` when together they
    /// spell a word far more likely than the two apart: one of them is a
    /// bound morpheme, or a short or rare fragment (`هە زار`), or — in text
    /// meant as one word (`one_word`) — any two words (`بەر دەوام`).
    fn bound_split(&self, text: &str, a: &Piece<'_>, b: &Piece<'_>, one_word: bool) -> Option<Finding> {
        if !self.may_be_split(a.text, b.text, one_word) {
            return None;
        }
        let joined = format!("{}{}", a.text, b.text);
        let log = self.log_count(&joined)?;
        let count = self.words.count(&joined);
        if self.merged_junk(&joined, count) {
            return None;
        }
        // in running text a real split leaves pieces rarer than the word
        // (هە زار); a join rarer than both its words is a corpus merge of a
        // name (جۆ بایدن)
        if !one_word && count < self.words.count(a.text).min(self.words.count(b.text)) {
            return None;
        }
        let la = self.as_is_log(a.text);
        let lb = self.as_is_log(b.text);
        let join = Candidate {
            text: joined,
            log: log - self.options.edit_weight * self.options.extra_space_cost,
            cost: self.options.extra_space_cost,
        };
        // "as written" is the two words apart
        let suggestions = self.rank(&[join], la + lb + self.options.pair_bonus);
        if suggestions.first().is_none_or(|s| s.score < 0.5) {
            return None;
        }
        Some(Finding {
            start: a.start,
            end: b.end,
            word: text[a.start..b.end].to_string(),
            severity: Severity::Error,
            kind: FindingKind::Spelling,
            suggestions,
        })
    }

    /// Whether two accepted words `a b` may be one word written apart: in
    /// text meant as one word (`one_word`), any two words; in running text,
    /// when one of them is a bound morpheme, or a short or rare fragment,
    /// but never after a free function word (لە سەر "on top"), nor a
    /// fragment before one.
    fn may_be_split(&self, a: &str, b: &str, one_word: bool) -> bool {
        if one_word {
            return true;
        }
        if FREE.contains(&a) {
            return false;
        }
        BOUND.contains(&a) || BOUND.contains(&b) || (!FREE.contains(&b) && (self.fragment(a) || self.fragment(b)))
    }

    /// The finding for an unknown word, considering a join with a neighbour.
    fn unknown_finding(
        &self,
        text: &str,
        prev: Option<Piece<'_>>,
        piece: &Piece<'_>,
        next: Option<Piece<'_>>,
        one_word: bool,
    ) -> Finding {
        let word = piece.text;
        let cands = self.corrections(word);
        let as_is = self.rejected_as_is(word);
        let typed_for = if one_word { None } else { self.keyboard_correction(word).map(|c| c.text) };
        // joins with a neighbour, compared over the two slots
        let mut best_join: Option<(Candidate, &Piece<'_>, Cow<'_, str>, bool)> = None;
        for (other, after) in [(next.as_ref(), true), (prev.as_ref(), false)] {
            let Some(other) = other else { continue };
            let joined = if after { format!("{word}{}", other.text) } else { format!("{}{word}", other.text) };
            let Some((reading, log, cost)) = self.part_reading(&joined) else { continue };
            let count = self.words.count(&reading);
            if self.merged_junk(&reading, count) {
                continue;
            }
            // a listed word the grammar reads, outranked by a likelier
            // neighbour (ببە "be!", beside بە), is no half of a join rarer
            // than both its words (تۆببە, a corpus merge; as in
            // `bound_split`); an ending written apart (بیر ە) still joins
            if count < self.words.count(word).min(self.words.count(other.text))
                && !accept::is_ending(word)
                && !accept::is_ending(other.text)
                && self.listed_and_read(word)
            {
                continue;
            }
            let (other_text, other_log) = self.neighbour_slot(other.text);
            // In running text, correct words typed on a keyboard that lacks
            // letters (خستووهته سهر, به هۆی: legacy text for خستووەتە سەر,
            // بە هۆی) join only where the two correctly typed would
            // (`bound_split`). (A single slip beside a correct word, فام لی,
            // may still be a split word; and a word-list entry is meant as
            // one word.)
            let legacy = |fixed: &&str| other_text != other.text || model::lacking_letter_undone(word, fixed);
            if let Some(fixed) = typed_for.as_deref().filter(legacy) {
                let (a, b) = if after { (fixed, &*other_text) } else { (&*other_text, fixed) };
                if !self.may_be_split(a, b, false) {
                    continue;
                }
            }
            let cost = cost + self.options.extra_space_cost;
            // a frequent neighbour is rarely a fragment of a split word
            let neighbour = if self.words.count(other.text) >= self.options.trusted_count && other.text.len() > 4 {
                self.options.trusted_fragment_cost
            } else {
                0.0
            };
            let cost = cost + neighbour;
            let join_log = log
                - self.options.edit_weight * (self.options.extra_space_cost + neighbour)
                - other_log
                - self.options.pair_bonus;
            if best_join.as_ref().is_none_or(|b| join_log > b.0.log) {
                best_join = Some((Candidate { text: reading, log: join_log, cost }, other, other_text, after));
            }
        }
        let best_single = cands.iter().map(|c| c.log).fold(f32::NEG_INFINITY, f32::max);
        if let Some((join, other, other_text, after)) = best_join {
            if join.log > best_single && join.log > as_is {
                let (start, end) = if after { (piece.start, other.end) } else { (other.start, piece.end) };
                let mut all = vec![join];
                for c in cands.iter() {
                    let text =
                        if after { format!("{} {other_text}", c.text) } else { format!("{other_text} {}", c.text) };
                    all.push(Candidate { text, log: c.log, cost: c.cost });
                }
                let (suggestions, kept) = self.rank_with(&all, as_is);
                return Finding {
                    start,
                    end,
                    word: text[start..end].to_string(),
                    severity: Self::severity(&suggestions, kept),
                    kind: FindingKind::Spelling,
                    suggestions,
                };
            }
        }
        let (suggestions, kept) = self.rank_with(&cands, as_is);
        Finding {
            start: piece.start,
            end: piece.end,
            word: word.to_string(),
            severity: Self::severity(&suggestions, kept),
            kind: FindingKind::Spelling,
            suggestions,
        }
    }

    /// A neighbour's part in weighing a join with it: the neighbour as
    /// written and its log-probability, or, when it is not accepted and a
    /// correction differs from it by keyboard confusions alone (legacy text:
    /// سهر for سەر), that correction. Valued as written, a mistyped
    /// neighbour makes any join with it look likelier than the two words
    /// apart (خستووهته سهر → خستووەتەسەر).
    fn neighbour_slot<'w>(&self, other: &'w str) -> (Cow<'w, str>, f32) {
        let written = self.log_count(other).unwrap_or(self.unknown_log(other));
        if self.accepts(other) {
            return (Cow::Borrowed(other), written);
        }
        match self.keyboard_correction(other) {
            Some(c) if c.log > written => (Cow::Owned(c.text.clone()), c.log),
            _ => (Cow::Borrowed(other), written),
        }
    }

    /// The likeliest correction of an unknown `word` that undoes keyboard
    /// confusions and changes nothing else, and is itself accepted.
    fn keyboard_correction(&self, word: &str) -> Option<Candidate> {
        self.corrections(word)
            .iter()
            .filter(|c| model::keyboard_variant(word, &c.text) && self.accepts(&c.text))
            .max_by(|a, b| a.log.total_cmp(&b.log))
            .cloned()
    }

    /// Whether `word`, read without its marks, is a word a corpus lists and
    /// the grammar reads: meant as written more often than not, however
    /// much likelier a neighbour of it is.
    fn listed_and_read(&self, word: &str) -> bool {
        let bare = model::without_marks(word);
        self.words.count(&bare) >= LISTED_COUNT && self.read_by_grammar(&bare)
    }

    /// Whether the analyzer (when there is one) reads `word` over a known stem.
    fn read_by_grammar(&self, word: &str) -> bool {
        self.analyzer.as_ref().is_some_and(|support| support(word) != Support::None)
    }

    /// Whether a finding's best suggestion is far enough ahead to apply, and why.
    fn decide(&self, finding: &Finding) -> (bool, String) {
        let Some(best) = finding.suggestions.first() else {
            return (false, "no suggestion".into());
        };
        if finding.severity != Severity::Error {
            return (false, format!("unknown but plausible word (best suggestion {} at {:.2})", best.word, best.score));
        }
        let written = finding.word.as_str();
        if !written.contains(char::is_whitespace) && !best.word.contains(char::is_whitespace) {
            // Another inflection of the same stem (ڕیمۆتی for ڕیمۆت) is a
            // change of grammar, not of spelling; a last letter typed twice
            // (هێنامانن) is a slip all the same.
            if differs_by_an_ending(written, &best.word) && !last_letter_doubled(written, &best.word) {
                return (false, format!("{} differs from {written} only by an ending", best.word));
            }
            // A word a corpus lists and the grammar reads (ببە "be!",
            // بێهێز "weak") is often meant as written, however much likelier
            // its neighbour (بە, بەهێز): found, but left to the writer. (Not
            // a keyboard spelling no corpus keeps, حکومت for حکومەت, however
            // the grammar reads it; and read without its marks: بێ‌کێشە with
            // a ZWNJ is بێکێشە.)
            if self.listed_and_read(written) {
                return (
                    false,
                    format!("{written} reads as an inflection of a known stem (best suggestion {})", best.word),
                );
            }
            // Names are left as written (see `SpellerBuilder::names`).
            if self.names.as_ref().is_some_and(|is_name| is_name(&best.word)) {
                return (false, format!("{} is a name, and names are left as written", best.word));
            }
        }
        // A join that also rewrites a letter of words the grammar reads
        // (فێر ببی → فێرببێ, ببیتە هۆی → ببێتەهۆی: another person of the
        // verb) is a change of grammar too.
        if written.contains(char::is_whitespace) && !best.word.contains(char::is_whitespace) {
            let rewrites = best.word.chars().ne(written.chars().filter(|c| !c.is_whitespace()));
            if rewrites && written.split_whitespace().all(|w| self.accepts(w) || self.read_by_grammar(w)) {
                return (false, format!("{} rewrites words the grammar reads as well as joining them", best.word));
            }
        }
        let runner = finding.suggestions.get(1).map_or(0.0, |s| s.score);
        if best.score < self.options.fix_min_score {
            return (
                false,
                format!("best suggestion {} scores {:.2} < {:.2}", best.word, best.score, self.options.fix_min_score),
            );
        }
        if best.score < runner * self.options.fix_min_ratio {
            return (
                false,
                format!("best suggestion {} ({:.2}) not far ahead of {:.2}", best.word, best.score, runner),
            );
        }
        (true, format!("best suggestion {} scores {:.2}, runner-up {:.2}", best.word, best.score, runner))
    }

    /// Every finding of `text` with the decision `fix` takes on it and why.
    pub fn fix_explained(&self, text: &str) -> Vec<Correction> {
        self.check(text)
            .into_iter()
            .map(|finding| {
                let (applied, reason) = self.decide(&finding);
                let edits = finding.suggestions.first().map(|s| explain(&finding.word, &s.word)).unwrap_or_default();
                Correction { finding, applied, reason, edits }
            })
            .collect()
    }

    /// `text` with the confident corrections applied; borrowed when nothing
    /// changes. Names, numbers, Latin words and unknown-but-plausible words
    /// are never touched, nor listed words the analyzer reads, words
    /// whose correction only changes an ending, or words the analyzer reads
    /// that a join would also rewrite.
    pub fn fix<'a>(&self, text: &'a str) -> Cow<'a, str> {
        let findings = self.check(text);
        let confident = findings.iter().filter(|f| self.decide(f).0);
        splice(text, confident.map(|f| (f.start, f.end, f.suggestions[0].word.as_str())))
    }

    /// `text` with the corrections of [`Speller::fix_explained`] that are
    /// `applied` made: what [`Speller::fix`] gives, without checking again.
    pub fn apply<'a>(&self, text: &'a str, corrections: &[Correction]) -> Cow<'a, str> {
        let applied = corrections.iter().filter(|c| c.applied);
        splice(text, applied.map(|c| (c.finding.start, c.finding.end, c.finding.suggestions[0].word.as_str())))
    }
}

#[cfg(test)]
mod tests;
