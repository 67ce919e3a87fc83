//! Spelling variants through the index's vocabulary: every stem indexed in
//! a title or body, listed under its phonetic key ([`phonetic_key`]) and
//! under the key of each word as written that stemmed to it.
//!
//! A query word spelled another way (`پووتین` for `پوتین`, a legacy or
//! Persian-keyboard spelling the restorer left) has the same key as the
//! indexed spelling; the key names the indexed stems to search as well.
//!
//! The list is an fst of `key \0 stem` entries in a file beside the index
//! ([`FILE`]): one or two entries per distinct word, where a `key` field
//! posted one or two keys for every word of every document (about a third
//! of the indexing time). The indexer collects the entries as its analyzer
//! stems ([`TermCollector`]) and writes the file before each tantivy commit,
//! so whatever a commit publishes is listed (an interrupted run may leave
//! entries of uncommitted documents: they match nothing).

use std::path::Path;
use std::sync::{Arc, Mutex, RwLock, Weak};

use anyhow::Context;
use compact_str::CompactString;
use rustc_hash::FxHashSet;
use tantivy::directory::error::OpenReadError;
use tantivy::tokenizer::{TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer};
use tantivy::Directory;

use crate::analysis::{analyzer_builder, is_stopword, normalize_word, phonetic_key, stem_word, AnalyzerOptions};

/// The file of the key list in the index folder. Its name starts with a dot
/// so that tantivy's garbage collection leaves it alone.
pub const FILE: &str = ".sorani-keys.fst";

/// At most this many indexed terms are added for one key (short keys can
/// gather many unrelated words).
pub const MAX_TERMS_PER_KEY: usize = 32;

/// Indexed terms listed under their phonetic keys.
#[derive(Default)]
pub struct KeyMap {
    set: Option<fst::Set<Vec<u8>>>,
}

impl KeyMap {
    /// The list stored in `dir`; empty when there is none (an empty index).
    pub fn load(dir: &dyn Directory) -> anyhow::Result<KeyMap> {
        match dir.atomic_read(Path::new(FILE)) {
            Ok(bytes) => {
                let set = fst::Set::new(bytes).with_context(|| format!("{FILE} is damaged: re-create the index"))?;
                Ok(KeyMap { set: Some(set) })
            }
            Err(OpenReadError::FileDoesNotExist(_)) => Ok(KeyMap::default()),
            Err(e) => Err(e).with_context(|| format!("cannot read {FILE}")),
        }
    }

    /// Number of (key, term) entries.
    pub fn len(&self) -> usize {
        self.set.as_ref().map_or(0, |s| s.len())
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The indexed terms whose key is `key` (at most [`MAX_TERMS_PER_KEY`]).
    pub fn terms(&self, key: &str) -> Vec<String> {
        use fst::{IntoStreamer, Streamer};
        let Some(set) = &self.set else { return Vec::new() };
        let (from, to) = (entry(key, ""), [key.as_bytes(), b"\x01"].concat());
        let mut stream = set.range().ge(&from).lt(&to).into_stream();
        let mut out = Vec::new();
        while let Some(e) = stream.next() {
            if out.len() == MAX_TERMS_PER_KEY {
                break;
            }
            if let Ok(term) = std::str::from_utf8(&e[from.len()..]) {
                out.push(term.to_string());
            }
        }
        out
    }

    /// This list with `entries` added (from a [`TermCollector`]), written to
    /// `dir` (atomically: a reader sees the old list or the new one); `None`
    /// when it already had them all.
    pub fn add_and_write(&self, mut entries: Vec<Vec<u8>>, dir: &dyn Directory) -> anyhow::Result<Option<KeyMap>> {
        entries.retain(|e| !self.set.as_ref().is_some_and(|s| s.contains(e)));
        if entries.is_empty() {
            return Ok(None);
        }
        entries.sort_unstable();
        entries.dedup();
        let added = fst::Set::from_iter(entries)?;
        let bytes = match &self.set {
            None => added.into_fst().into_inner(),
            Some(old) => {
                let mut b = fst::SetBuilder::memory();
                b.extend_stream(old.op().add(&added).union())?;
                b.into_inner()?
            }
        };
        dir.atomic_write(Path::new(FILE), &bytes).with_context(|| format!("cannot write {FILE}"))?;
        Ok(Some(KeyMap { set: Some(fst::Set::new(bytes)?) }))
    }
}

/// `key \0 term`: keys never hold a NUL, so a key's entries are one range.
fn entry(key: &str, term: &str) -> Vec<u8> {
    let mut e = Vec::with_capacity(key.len() + 1 + term.len());
    e.extend_from_slice(key.as_bytes());
    e.push(0);
    e.extend_from_slice(term.as_bytes());
    e
}

/// The key-list entries of the words indexed since the last commit,
/// gathered from tantivy's indexing threads.
#[derive(Default)]
pub struct TermCollector {
    shared: Arc<Shared>,
}

/// What the indexing threads hand over.
#[derive(Default)]
struct Shared {
    /// Entries not yet written to the key list.
    entries: Mutex<Vec<Vec<u8>>>,
    /// Every word listed in this run, so that a segment does not list again
    /// what an earlier one did (a memo may have been cleared, and re-listing
    /// the vocabulary cost millions of allocations per run).
    words: RwLock<FxHashSet<String>>,
    /// Memos of finished segments, for the next ones: tantivy starts each
    /// segment with a fresh analyzer (and each commit with fresh threads),
    /// and analyzing its vocabulary again cost a quarter of indexing. First
    /// in, first out: a segment drops its fields' analyzers in field order
    /// and the next one clones them in the same order, so the body's memo
    /// goes on to the body.
    spare_memos: Mutex<std::collections::VecDeque<Memo>>,
}

impl TermCollector {
    /// A token filter that does the word stages of the `ckb_stem` analyzer
    /// (normalize, drop stopwords, stem) and lists each stem under the key
    /// of the stem and under the key of the word as written: a stemmer may
    /// cut a variant spelling differently (`پووتین` → `پووت`, `پوتین` →
    /// `پوتین`), and the key of the whole word still joins them. Each
    /// indexing thread hands its new entries over when tantivy drops the
    /// thread's analyzer (at the end of a segment, so before a commit
    /// completes); once the collector is gone, the filter only analyzes.
    pub fn word_filter(&self) -> AnalyzeAndCollect {
        AnalyzeAndCollect { shared: Arc::downgrade(&self.shared), memo_capacity: INDEXING_MEMO_CAPACITY }
    }

    /// The `ckb_stem` analyzer with its word stages done by
    /// [`Self::word_filter`]: the same terms, and the key-list entries.
    pub fn ckb_stem_analyzer(&self) -> TextAnalyzer {
        ckb_stem_with(self.word_filter())
    }

    /// Takes the entries collected since the last call.
    pub fn take(&self) -> Vec<Vec<u8>> {
        std::mem::take(&mut *self.shared.entries.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

/// The `ckb_stem` analyzer with a memo of its word stages and no key list,
/// remembering up to `memo_capacity` words (for analyzing many texts on one
/// thread: the server's highlighting).
pub fn memo_analyzer(memo_capacity: usize) -> TextAnalyzer {
    ckb_stem_with(AnalyzeAndCollect { shared: Weak::new(), memo_capacity })
}

fn ckb_stem_with(word_filter: AnalyzeAndCollect) -> TextAnalyzer {
    let tokenizer_only =
        AnalyzerOptions { normalize: false, stopwords: false, stem: false, key: false, ..AnalyzerOptions::CKB_STEM };
    analyzer_builder(tokenizer_only).filter_dynamic(word_filter).build()
}

/// The token filter of [`TermCollector::word_filter`].
#[derive(Clone)]
pub struct AnalyzeAndCollect {
    shared: Weak<Shared>,
    memo_capacity: usize,
}

impl TokenFilter for AnalyzeAndCollect {
    type Tokenizer<T: Tokenizer> = Collecting<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> Collecting<T> {
        let state = State { capacity: self.memo_capacity, ..State::default() };
        Collecting { inner, shared: self.shared, state }
    }
}

/// The tokenizer of [`AnalyzeAndCollect`]: each clone (one per segment)
/// takes a memo a finished segment left, or starts with an empty one.
pub struct Collecting<T> {
    inner: T,
    shared: Weak<Shared>,
    state: State,
}

/// What one word becomes.
enum Term {
    /// Itself.
    Same,
    /// Nothing: a stopword (or a word the stages empty).
    Dropped,
    /// Another text.
    Other(CompactString),
}

/// Each word met, as the tokenizer gave it, and what it becomes: one
/// lookup replaces the three stages. Words and terms of up to 24 bytes
/// (12 Arabic-script letters) are stored in the table itself: a lookup in a
/// table of a whole vocabulary costs its cache misses, and a string on the
/// heap is one more.
#[derive(Default)]
struct Memo {
    table: hashbrown::HashTable<(CompactString, Term)>,
}

impl Memo {
    fn hash(word: &str) -> u64 {
        use std::hash::BuildHasher;
        rustc_hash::FxBuildHasher.hash_one(word)
    }

    fn len(&self) -> usize {
        self.table.len()
    }

    fn is_empty(&self) -> bool {
        self.table.is_empty()
    }

    fn clear(&mut self) {
        self.table.clear();
    }

    /// What `word` becomes, from `make` the first time.
    fn get_or_insert_with(&mut self, word: &str, make: impl FnOnce() -> Term) -> &Term {
        let hash = Self::hash(word);
        let entry = self.table.entry(hash, |(w, _)| w.as_str() == word, |(w, _)| Self::hash(w.as_str()));
        &entry.or_insert_with(|| (CompactString::from(word), make())).into_mut().1
    }
}

/// An indexing thread's memo is cleared when it holds this many words
/// (bounded memory on an unbounded vocabulary: some 100 bytes a word at most).
const INDEXING_MEMO_CAPACITY: usize = 1 << 20;

/// What one [`Collecting`] has met.
#[derive(Default)]
struct State {
    memo: Memo,
    /// The memo is cleared when it holds this many words.
    capacity: usize,
    /// Entries of the words this segment listed first, and those words.
    entries: Vec<Vec<u8>>,
    words: Vec<String>,
}

impl State {
    /// What `word` becomes, listing it when it is new to the run.
    fn analyze(&mut self, word: &str, shared: &Weak<Shared>) -> &Term {
        if self.memo.len() >= self.capacity {
            self.memo.clear();
        }
        let State { memo, entries, words, .. } = self;
        memo.get_or_insert_with(word, || analyze_new(word, shared, entries, words))
    }
}

/// What a word not in the memo becomes; when the run has not listed it,
/// its key-list entries go to `entries` and the word to `words`.
fn analyze_new(word: &str, shared: &Weak<Shared>, entries: &mut Vec<Vec<u8>>, words: &mut Vec<String>) -> Term {
    let normalized = normalize_word(word);
    if normalized.is_empty() || is_stopword(&normalized) {
        return Term::Dropped;
    }
    // numbers and Latin words are their own stems and have no Sorani
    // spelling variants
    if normalized.is_ascii() {
        return same_or_other(word, &normalized);
    }
    let stem = stem_word(&normalized);
    if stem.is_empty() {
        return Term::Dropped;
    }
    let listed = shared
        .upgrade()
        .is_none_or(|shared| shared.words.read().unwrap_or_else(|e| e.into_inner()).contains(normalized.as_ref()));
    if !listed {
        let stem_key = phonetic_key(&stem);
        let word_key = phonetic_key(&normalized);
        if word_key != stem_key {
            entries.push(entry(&word_key, &stem));
        }
        entries.push(entry(&stem_key, &stem));
        words.push(normalized.to_string());
    }
    same_or_other(word, &stem)
}

fn same_or_other(word: &str, term: &str) -> Term {
    if term == word {
        Term::Same
    } else {
        Term::Other(CompactString::from(term))
    }
}

impl<T: Clone> Clone for Collecting<T> {
    fn clone(&self) -> Self {
        let memo =
            self.shared.upgrade().and_then(|shared| shared.spare_memos.lock().ok()?.pop_front()).unwrap_or_default();
        let state = State { memo, capacity: self.state.capacity, ..State::default() };
        Collecting { inner: self.inner.clone(), shared: self.shared.clone(), state }
    }
}

impl<T> Drop for Collecting<T> {
    fn drop(&mut self) {
        let Some(shared) = self.shared.upgrade() else { return };
        if !self.state.entries.is_empty() {
            shared.entries.lock().unwrap_or_else(|e| e.into_inner()).append(&mut self.state.entries);
            shared.words.write().unwrap_or_else(|e| e.into_inner()).extend(self.state.words.drain(..));
        }
        if !self.state.memo.is_empty() {
            let memo = std::mem::take(&mut self.state.memo);
            shared.spare_memos.lock().unwrap_or_else(|e| e.into_inner()).push_back(memo);
        }
    }
}

impl<T: Tokenizer> Tokenizer for Collecting<T> {
    type TokenStream<'a> = CollectingStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CollectingStream { inner: self.inner.token_stream(text), shared: &self.shared, state: &mut self.state }
    }
}

/// The token stream of [`Collecting`].
pub struct CollectingStream<'a, S> {
    inner: S,
    shared: &'a Weak<Shared>,
    state: &'a mut State,
}

impl<S: TokenStream> TokenStream for CollectingStream<'_, S> {
    fn advance(&mut self) -> bool {
        while self.inner.advance() {
            let word = &mut self.inner.token_mut().text;
            match self.state.analyze(word, self.shared) {
                Term::Same => return true,
                Term::Dropped => {}
                Term::Other(term) => {
                    word.clear();
                    word.push_str(term);
                    return true;
                }
            }
        }
        false
    }

    fn token(&self) -> &Token {
        self.inner.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.inner.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::directory::RamDirectory;

    #[test]
    fn terms_are_found_under_their_key_and_lists_merge() {
        let dir = RamDirectory::create();
        assert!(KeyMap::load(&dir).unwrap().is_empty());
        let listed = |words: &[&str]| -> Vec<Vec<u8>> { words.iter().map(|w| entry(&phonetic_key(w), w)).collect() };
        let first = KeyMap::default().add_and_write(listed(&["پوتین", "وڵات"]), &dir).unwrap().unwrap();
        let second = first.add_and_write(listed(&["ولات"]), &dir).unwrap().unwrap();
        assert!(second.add_and_write(listed(&["پوتین"]), &dir).unwrap().is_none(), "nothing new, nothing written");
        let loaded = KeyMap::load(&dir).unwrap();
        assert_eq!(loaded.len(), 3);
        assert_eq!(loaded.terms(&phonetic_key("پووتین")), vec!["پوتین"]);
        let mut both = second.terms(&phonetic_key("وڵات"));
        both.sort();
        assert_eq!(both, vec!["ولات", "وڵات"]);
        assert!(loaded.terms("ب").is_empty(), "a key is matched whole, not as a prefix");
    }

    #[test]
    fn the_collecting_analyzer_gives_the_terms_of_ckb_stem() {
        use crate::analysis::{analyze_with, build_analyzer};
        let texts = [
            "ئهردۆغان و پووتین له وڵاتهكهیاندا كۆبوونەوە، بەڵام Putin و NATO هیچیان نەگوت.",
            "لە ساڵی ٢٠٢٤دا ۱۲ کەس و 3.5% ی خەڵک #هەولێر @کوردستان سەر\u{200C}کەوتن کـورد",
            "دەستان خوش بیت، ئەو کتێبانەی کە لە کتێبخانەکە بوون",
            "ئەو کارە زۆر باش بووە و ئێمە دڵخۆش بووین",
        ];
        let collector = TermCollector::default();
        let mut reference = build_analyzer(AnalyzerOptions::CKB_STEM);
        let mut first = collector.ckb_stem_analyzer();
        for text in texts {
            assert_eq!(analyze_with(&mut first, text), analyze_with(&mut reference, text), "{text}");
        }
        // again from the memo, and in a clone that takes over the memo
        drop(first);
        let mut clone = collector.ckb_stem_analyzer().clone();
        for text in texts {
            assert_eq!(analyze_with(&mut clone, text), analyze_with(&mut reference, text), "{text}");
        }
    }

    #[test]
    fn the_filter_stems_and_lists_stems_under_both_keys() {
        use tantivy::tokenizer::TextAnalyzer;
        let collector = TermCollector::default();
        let mut analyzer = TextAnalyzer::builder(tantivy::tokenizer::WhitespaceTokenizer::default())
            .filter(collector.word_filter())
            .build();
        let mut stems = Vec::new();
        let mut stream = analyzer.token_stream("پووتین پووتین 2024");
        while stream.advance() {
            stems.push(stream.token().text.clone());
        }
        drop(stream);
        assert_eq!(stems, vec![stem_word("پووتین").to_string(), stem_word("پووتین").to_string(), "2024".into()]);
        assert!(collector.take().is_empty(), "entries are handed over when the analyzer is dropped");
        drop(analyzer);
        let mut entries = collector.take();
        entries.sort();
        let stem = stem_word("پووتین");
        let mut want = vec![entry(&phonetic_key(&stem), &stem)];
        if phonetic_key("پووتین") != phonetic_key(&stem) {
            want.push(entry(&phonetic_key("پووتین"), &stem));
        }
        want.sort();
        assert_eq!(entries, want, "one word listed once, numbers not at all");
        // the next segment's analyzer does not list the word again
        let mut next = TextAnalyzer::builder(tantivy::tokenizer::WhitespaceTokenizer::default())
            .filter(collector.word_filter())
            .build();
        let mut stream = next.token_stream("پووتین وڵات");
        while stream.advance() {}
        drop(stream);
        drop(next);
        let stem = stem_word("وڵات");
        assert_eq!(collector.take(), vec![entry(&phonetic_key(&stem), &stem)]);
    }
}
