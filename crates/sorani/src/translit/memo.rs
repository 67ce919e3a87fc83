//! How recently read words read, remembered per thread.
//!
//! Running text repeats its words, and reading one (its و and ی, its
//! syllables, the unwritten /i/) costs several times a look-up. A reading
//! depends on the letters only, so one memo serves every option and mode.
//!
//! The memo is a two-way set-associative table of 64-byte slots, each
//! holding a word's bytes and its reading inline: a look-up touches one
//! pair of cache lines, and a new word takes the place of the less recently
//! used word of its pair without allocating. (A hash map of boxed words was
//! tried first: on 20 MB read once, its cache misses and allocations made
//! the whole run slower than reading every word afresh. A direct-mapped
//! table lost frequent words to rare ones: 96 against 106 MiB/s, cold.)
//! Words too long for a slot are simply not remembered.

use std::hash::Hasher;

use rustc_hash::FxHasher;

use super::phoneme::Ph;

/// Slots per thread (1 MB); the frequent words of running text fit many
/// times over, and a word pushed out is simply read again.
const SLOTS: usize = 1 << 14;
/// The longest word remembered, in bytes (15 Arabic-script letters).
const MAX_WORD: usize = 30;
/// The longest reading remembered, in phonemes.
const MAX_PHONEMES: usize = 30;

#[derive(Clone, Copy)]
#[repr(C, align(64))]
struct Slot {
    word: [u8; MAX_WORD],
    /// 0: an empty slot (no word is empty).
    word_len: u8,
    phonemes_len: u8,
    phonemes: [Ph; MAX_PHONEMES],
    /// The word's row in the exception lexicon, or [`NO_EXCEPTION`].
    exception: u16,
}

const NO_EXCEPTION: u16 = u16::MAX;

const EMPTY: Slot = Slot {
    word: [0; MAX_WORD],
    word_len: 0,
    phonemes_len: 0,
    phonemes: [Ph::A; MAX_PHONEMES],
    exception: NO_EXCEPTION,
};

/// A word's reading by the rules, and its exception lexicon row.
pub(crate) struct Remembered<'a> {
    pub rules: &'a [Ph],
    pub exception: Option<u16>,
}

pub(crate) struct Readings {
    slots: Box<[Slot]>,
}

impl Default for Readings {
    fn default() -> Self {
        Readings { slots: vec![EMPTY; SLOTS].into_boxed_slice() }
    }
}

impl Readings {
    /// The first of the two slots where `word` may be.
    fn pair(word: &str) -> usize {
        let mut h = FxHasher::default();
        h.write(word.as_bytes());
        (h.finish() >> (64 - SLOTS.trailing_zeros() + 1)) as usize * 2
    }

    fn holds(slot: &Slot, word: &str) -> bool {
        let len = usize::from(slot.word_len);
        len == word.len() && &slot.word[..len] == word.as_bytes()
    }

    /// The reading remembered for `word`.
    pub(crate) fn get(&mut self, word: &str) -> Option<Remembered<'_>> {
        let at = Self::pair(word);
        if !Self::holds(&self.slots[at], word) {
            if !Self::holds(&self.slots[at + 1], word) {
                return None;
            }
            // the most recently used word of a pair comes first
            self.slots.swap(at, at + 1);
        }
        let slot = &self.slots[at];
        let exception = (slot.exception != NO_EXCEPTION).then_some(slot.exception);
        Some(Remembered { rules: &slot.phonemes[..usize::from(slot.phonemes_len)], exception })
    }

    /// Remembers `word`'s reading in place of the less recently used word
    /// of its pair.
    pub(crate) fn put(&mut self, word: &str, rules: &[Ph], exception: Option<u16>) {
        if word.is_empty() || word.len() > MAX_WORD || rules.len() > MAX_PHONEMES || exception == Some(NO_EXCEPTION) {
            return;
        }
        let at = Self::pair(word);
        self.slots[at + 1] = self.slots[at];
        let slot = &mut self.slots[at];
        slot.word[..word.len()].copy_from_slice(word.as_bytes());
        slot.word_len = word.len() as u8;
        slot.phonemes[..rules.len()].copy_from_slice(rules);
        slot.phonemes_len = rules.len() as u8;
        slot.exception = exception.unwrap_or(NO_EXCEPTION);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_is_found_until_two_others_take_its_pair() {
        let mut memo = Readings::default();
        assert!(memo.get("کچ").is_none());
        memo.put("کچ", &[Ph::K, Ph::I, Ph::Ch], Some(3));
        let got = memo.get("کچ").expect("remembered");
        assert_eq!((got.rules, got.exception), (&[Ph::K, Ph::I, Ph::Ch][..], Some(3)));
        // A word sharing the first bytes is another word.
        assert!(memo.get("کچە").is_none());
        // Words too long for a slot are not remembered.
        let long = "ک".repeat(MAX_WORD);
        memo.put(&long, &[Ph::K], None);
        assert!(memo.get(&long).is_none());
        // Of three words of one pair, the least recently used one goes.
        let pair: Vec<String> =
            (0..).map(|i| format!("w{i}")).filter(|w| Readings::pair(w) == Readings::pair("کچ")).take(2).collect();
        memo.put(&pair[0], &[Ph::A], None);
        assert!(memo.get("کچ").is_some());
        memo.put(&pair[1], &[Ph::E], None);
        assert!(memo.get(&pair[0]).is_none());
        assert_eq!(memo.get("کچ").map(|r| r.rules.to_vec()), Some(vec![Ph::K, Ph::I, Ph::Ch]));
        assert_eq!(memo.get(&pair[1]).map(|r| r.rules.to_vec()), Some(vec![Ph::E]));
    }

    #[test]
    fn slots_are_one_cache_line() {
        assert_eq!(std::mem::size_of::<Slot>(), 64);
    }
}
