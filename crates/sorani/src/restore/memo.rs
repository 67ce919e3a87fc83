//! The readings of the words already seen, kept per thread.
//!
//! A word's readings cost microseconds to work out (walks of the lexicon and
//! context fsts) and running text repeats its words, so each is worked out
//! once. The look-up itself is the restorer's hot loop, and its cost is
//! memory latency: the memo therefore keeps everything in a few flat arrays
//! (a table of small slots; one text arena holding each typed word with its
//! readings' texts right after it, so that comparing the key brings them
//! into the cache; the readings in one array), with no lock, no reference
//! count and no allocation per word. A slot also tells whether the best
//! reading changes the word and into what, which is all most words need.
//! Each thread has its own memo, so threads never wait for each other; a
//! thread whose memo is full starts it afresh.

use std::borrow::Cow;
use std::cell::RefCell;
use std::hash::BuildHasher;

use rustc_hash::FxBuildHasher;

use super::channel::{describe, Channel};
use super::context::PairStart;

/// Words kept per thread before the memo starts afresh: about 20 MB (an
/// 8 MB table, 56 bytes a reading and the texts). The 20 MB restoration
/// benchmark text has 94K distinct words.
const CAPACITY: usize = 120_000;

/// Why a reading differs from the typed word, for explanations.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Reason {
    /// The word as typed (never reported: it changes nothing).
    AsTyped,
    /// The confusion classes used ([`super::channel::Op::bit`]s).
    Ops(u32),
    /// Only the deterministic folds (ك → ک …).
    Fold,
    /// Letter changes that the lexicon's letter statistics insist on.
    LetterStatistics,
}

impl Reason {
    pub(super) fn describe(self) -> Cow<'static, str> {
        match self {
            Reason::AsTyped => Cow::Borrowed(""),
            Reason::Ops(mask) => Cow::Owned(describe(mask)),
            Reason::Fold => Cow::Borrowed("fold"),
            Reason::LetterStatistics => Cow::Borrowed("letter-statistics"),
        }
    }
}

/// A reading as worked out, before the memo keeps it.
#[derive(Debug, Clone)]
pub(super) struct Reading {
    pub(super) text: String,
    /// Log-probability-like score (higher is better).
    pub(super) score: f32,
    pub(super) reason: Reason,
}

/// A span of the memo's text arena.
type Span = (u32, u32);

/// A reading as the memo keeps it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Kept {
    /// The reading, in the memo's text arena.
    text: Span,
    /// The reading as written out (the typed /h/ letter kept), in the arena.
    output: Span,
    /// Whether the output is the typed word itself (nothing to change).
    pub(super) unchanged: bool,
    pub(super) score: f32,
    pub(super) reason: Reason,
    /// Its count in the context model (0: no pair bonus is possible).
    pub(super) ctx: u64,
    /// Where the context model's pairs that start with it continue.
    pub(super) pairs: Option<PairStart>,
    /// Whether `ctx` and `pairs` are worked out ([`Memo::place`]): only
    /// the words next to a choice need them.
    placed: bool,
}

/// A word's count in the context model and where its pairs continue.
pub(super) type Place = (u64, Option<PairStart>);

/// Where a word's readings are in the memo (best first), and what the best
/// one does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Entry {
    first: u32,
    count: u16,
    /// Whether the best reading leaves the typed word as it is.
    pub(super) best_unchanged: bool,
    /// The best reading as written out.
    best_output: Span,
}

impl Entry {
    /// A word that stays as typed, its one reading not looked up (yet): the
    /// restorer asks for it only when a neighbour has a choice.
    pub(super) const AS_TYPED: Entry = Entry { first: u32::MAX, count: 1, best_unchanged: true, best_output: (0, 0) };

    pub(super) fn len(self) -> usize {
        self.count as usize
    }

    /// Whether this entry is in the memo (not [`Entry::AS_TYPED`]).
    pub(super) fn is_kept(self) -> bool {
        self.first != u32::MAX
    }
}

#[derive(Debug, Clone, Copy)]
struct Slot {
    /// The low bits of the word's [`Memo::hash`] (never 0); 0 for an
    /// empty slot. (A slot of 32 bytes keeps the table of the benchmark
    /// text's 94K words at 4 MB.)
    tag: u32,
    /// The typed word, in the text arena.
    key: Span,
    channel: u8,
    entry: Entry,
}

const EMPTY: Slot = Slot { tag: 0, key: (0, 0), channel: 0, entry: Entry::AS_TYPED };

fn tag(hash: u64) -> u32 {
    hash as u32 | 1
}

/// The readings of the words a thread has seen.
#[derive(Default)]
pub(super) struct Memo {
    /// An open-addressing table (linear probing, a power of two long, at
    /// most three quarters full), its own rather than a crate's so that a line's
    /// slots can all be fetched before any is read ([`Memo::touch`]).
    slots: Vec<Slot>,
    used: usize,
    texts: String,
    readings: Vec<Kept>,
    /// A buffer that each line's word scan borrows ([`Memo::take_scratch`]).
    scratch: Vec<u64>,
}

thread_local! {
    static MEMO: RefCell<Memo> = RefCell::default();
}

/// Runs `f` with this thread's memo, started afresh first if it is full (so
/// the entries `f` is handed stay valid while it runs).
pub(super) fn with<R>(f: impl FnOnce(&mut Memo) -> R) -> R {
    MEMO.with(|memo| match memo.try_borrow_mut() {
        Ok(mut memo) => {
            if memo.used >= CAPACITY {
                *memo = Memo::default();
            }
            f(&mut memo)
        }
        // (only if `f` itself restored text: it gets a memo of its own)
        Err(_) => f(&mut Memo::default()),
    })
}

fn hash_of(channel: u8, word: &str) -> u64 {
    FxBuildHasher.hash_one((channel, word))
}

impl Memo {
    /// The hash of `word` typed in `channel`.
    pub(super) fn hash(channel: Channel, word: &str) -> u64 {
        hash_of(channel as u8, word)
    }

    /// Where the search for `hash` starts (the table's length is a power
    /// of two; the hash's high bits are its best).
    fn home(&self, hash: u64) -> usize {
        (hash >> (64 - self.slots.len().trailing_zeros())) as usize
    }

    /// Reads the slot where the search for `hash` starts and returns
    /// something of it: called for every word of a line before any is
    /// looked up, it lets the processor fetch all their slots from memory
    /// at once instead of one after another.
    pub(super) fn touch(&self, hash: u64) -> u32 {
        if self.slots.is_empty() {
            return 0;
        }
        self.slots[self.home(hash)].tag
    }

    /// The readings of `word` typed in `channel`, if they are kept (`hash`
    /// is [`Memo::hash`] of them).
    pub(super) fn get(&self, hash: u64, channel: Channel, word: &str) -> Option<Entry> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let (mut i, tag) = (self.home(hash), tag(hash));
        loop {
            let s = &self.slots[i];
            if s.tag == 0 {
                return None;
            }
            if s.tag == tag && s.channel == channel as u8 && self.span(s.key) == word {
                return Some(s.entry);
            }
            i = (i + 1) & mask;
        }
    }

    /// Puts `slot`, whose word has `hash`, in the table, which has room.
    fn put(&mut self, hash: u64, slot: Slot) {
        let mask = self.slots.len() - 1;
        let mut i = self.home(hash);
        while self.slots[i].tag != 0 {
            i = (i + 1) & mask;
        }
        self.slots[i] = Slot { tag: tag(hash), ..slot };
        self.used += 1;
    }

    /// Makes room for one more slot, keeping the table at most three
    /// quarters full.
    fn grow(&mut self) {
        if 3 * self.slots.len() >= 4 * (self.used + 1) {
            return;
        }
        let len = (self.slots.len() * 2).max(1024);
        let old = std::mem::replace(&mut self.slots, vec![EMPTY; len]);
        self.used = 0;
        for slot in old.into_iter().filter(|s| s.tag != 0) {
            self.put(hash_of(slot.channel, self.span(slot.key)), slot);
        }
    }

    /// Keeps `readings` (best first) as those of `word` typed in `channel`
    /// (`hash` is [`Memo::hash`] of them).
    pub(super) fn insert(
        &mut self,
        hash: u64,
        channel: Channel,
        word: &str,
        readings: impl IntoIterator<Item = Reading>,
    ) -> Entry {
        let key = self.push_text(word);
        let first = self.readings.len() as u32;
        for r in readings {
            let text = self.push_text(&r.text);
            // A word typed with ھ (U+06BE) keeps it: the candidates spell /h/
            // with the standard ه, and which /h/ letter the output uses is the
            // normalizer's choice (`--h-letter`), not restoration's.
            let output = if word.contains('ھ') && r.text.contains('ه') {
                self.push_text(&r.text.replace('ه', "ھ"))
            } else {
                text
            };
            let unchanged = self.span(output) == word;
            let (score, reason) = (r.score, r.reason);
            self.readings.push(Kept { text, output, unchanged, score, reason, ctx: 0, pairs: None, placed: false });
        }
        let best = self.readings.get(first as usize);
        let entry = Entry {
            first,
            count: (self.readings.len() - first as usize) as u16,
            best_unchanged: best.is_none_or(|r| r.unchanged),
            best_output: best.map_or(key, |r| r.output),
        };
        self.grow();
        self.put(hash, Slot { tag: 0, key, channel: channel as u8, entry });
        entry
    }

    /// An empty buffer, kept from line to line (a line's allocations cost
    /// as much as looking up a few of its words).
    pub(super) fn take_scratch(&mut self) -> Vec<u64> {
        let mut scratch = std::mem::take(&mut self.scratch);
        scratch.clear();
        scratch
    }

    /// Returns the buffer [`Memo::take_scratch`] lent.
    pub(super) fn give_back_scratch(&mut self, scratch: Vec<u64>) {
        self.scratch = scratch;
    }

    /// Works out where the readings of `entry` stand in the context model
    /// (`place` of each reading's text), unless that is done.
    pub(super) fn place(&mut self, entry: Entry, place: impl Fn(&str) -> Place) {
        let first = entry.first as usize;
        for i in first..first + entry.len() {
            let r = self.readings[i];
            if !r.placed {
                let (ctx, pairs) = place(self.span(r.text));
                self.readings[i] = Kept { ctx, pairs, placed: true, ..r };
            }
        }
    }

    fn push_text(&mut self, s: &str) -> Span {
        // (the memo starts afresh between lines long before this; only a
        // single line of gigabytes could get here)
        let offset = |len: usize| u32::try_from(len).expect("a memo's text arena holds less than 4 GB");
        let start = offset(self.texts.len());
        self.texts.push_str(s);
        (start, offset(self.texts.len()))
    }

    fn span(&self, (start, end): Span) -> &str {
        &self.texts[start as usize..end as usize]
    }

    /// The readings of `entry`, best first.
    pub(super) fn readings(&self, entry: Entry) -> &[Kept] {
        &self.readings[entry.first as usize..entry.first as usize + entry.len()]
    }

    /// The text of reading `r`.
    pub(super) fn text(&self, r: &Kept) -> &str {
        self.span(r.text)
    }

    /// Reading `r` as written out in place of its typed word.
    pub(super) fn output(&self, r: &Kept) -> &str {
        self.span(r.output)
    }

    /// The best reading of `entry` as written out in place of its typed word.
    pub(super) fn best_output(&self, entry: Entry) -> &str {
        self.span(entry.best_output)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    impl Memo {
        fn get_word(&self, channel: Channel, word: &str) -> Option<Entry> {
            self.get(Memo::hash(channel, word), channel, word)
        }

        fn insert_word(&mut self, channel: Channel, word: &str, readings: impl IntoIterator<Item = Reading>) -> Entry {
            self.insert(Memo::hash(channel, word), channel, word, readings)
        }
    }

    fn reading(text: &str, score: f32) -> Reading {
        Reading { text: text.into(), score, reason: Reason::Fold }
    }

    #[test]
    fn kept_readings_come_back_by_word_and_channel() {
        let mut memo = Memo::default();
        let a = memo.insert_word(Channel::Legacy, "سهر", [reading("سەر", -1.0), reading("سهر", -3.0)]);
        let b = memo.insert_word(Channel::Arabic, "سهر", [reading("سەر", -2.0)]);
        assert_eq!(memo.get_word(Channel::Legacy, "سهر"), Some(a));
        assert_eq!(memo.get_word(Channel::Arabic, "سهر"), Some(b));
        assert_eq!(memo.get_word(Channel::Persian, "سهر"), None);
        assert_eq!(memo.get_word(Channel::Legacy, "سه"), None);
        let texts: Vec<&str> = memo.readings(a).iter().map(|r| memo.text(r)).collect();
        assert_eq!(texts, ["سەر", "سهر"]);
        assert_eq!(memo.readings(a).iter().map(|r| r.unchanged).collect::<Vec<_>>(), [false, true]);
        assert!(!a.best_unchanged);
        assert_eq!(memo.best_output(a), "سەر");
    }

    #[test]
    fn places_are_worked_out_once() {
        let mut memo = Memo::default();
        let e = memo.insert_word(Channel::Legacy, "سهر", [reading("سەر", -1.0), reading("سهر", -3.0)]);
        let calls = std::cell::Cell::new(0);
        let place = |w: &str| {
            calls.set(calls.get() + 1);
            (w.len() as u64, None)
        };
        memo.place(e, place);
        memo.place(e, place);
        assert_eq!(calls.get(), 2);
        assert_eq!(memo.readings(e).iter().map(|r| r.ctx).collect::<Vec<_>>(), [6, 6]);
    }

    #[test]
    fn a_typed_heh_letter_is_kept_in_the_output() {
        let mut memo = Memo::default();
        let e = memo.insert_word(Channel::Legacy, "ھەر", [reading("هەر", 0.0)]);
        let r = memo.readings(e)[0];
        assert_eq!((memo.text(&r), memo.output(&r), r.unchanged), ("هەر", "ھەر", true));
    }

    #[test]
    fn many_words_survive_the_table_growing() {
        let mut memo = Memo::default();
        let words: Vec<String> = (0..5000).map(|i| format!("و{i}")).collect();
        let entries: Vec<Entry> =
            words.iter().map(|w| memo.insert_word(Channel::Legacy, w, [reading(&format!("{w}ە"), 0.0)])).collect();
        for (w, e) in words.iter().zip(&entries) {
            assert_eq!(memo.get_word(Channel::Legacy, w), Some(*e), "{w}");
            assert_eq!(memo.text(&memo.readings(*e)[0]), format!("{w}ە"));
        }
    }
}
