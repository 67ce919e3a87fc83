//! The most frequent accepted words, in a small table that answers "is this
//! word accepted?" from one or two cache lines.
//!
//! Running text is mostly its frequent words: the 64K most frequent
//! accepted lexicon words make about 70% of the tokens of news text. The
//! lexicon's own map keeps its keys on the heap and its ids apart from the
//! counts and verdicts, so a look-up touches three or four places in some
//! tens of megabytes; this table (4 MB) keeps each key inline in a 32-byte
//! slot, and a word found there needs nothing else.

use std::hash::Hasher;

use super::index::FxHasher;

/// Longest key held (bytes): 13 Arabic-script letters.
const KEY_BYTES: usize = 27;

#[derive(Clone, Copy)]
#[repr(C, align(32))]
struct Slot {
    key: [u8; KEY_BYTES],
    /// 0 marks an empty slot.
    len: u8,
}

const EMPTY: Slot = Slot { key: [0; KEY_BYTES], len: 0 };

/// A set of short words, open addressing with linear probing, at most half full.
pub(crate) struct HotWords {
    slots: Box<[Slot]>,
    mask: usize,
}

#[inline]
fn hash(bytes: &[u8]) -> usize {
    let mut h = FxHasher::default();
    h.write(bytes);
    let x = h.finish();
    (x ^ (x >> 29)) as usize
}

impl HotWords {
    /// The set of `words` (longer ones are left out: they are looked up the
    /// ordinary way).
    pub fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> HotWords {
        let words: Vec<&[u8]> =
            words.into_iter().map(str::as_bytes).filter(|w| !w.is_empty() && w.len() <= KEY_BYTES).collect();
        let slots = (words.len() * 2).next_power_of_two().max(16);
        let mut table = HotWords { slots: vec![EMPTY; slots].into_boxed_slice(), mask: slots - 1 };
        for w in words {
            let slot = &mut table.slots[table.slot_of(w)];
            if slot.len == 0 {
                slot.key[..w.len()].copy_from_slice(w);
                slot.len = w.len() as u8;
            }
        }
        table
    }

    /// Whether `word` is in the set.
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        let w = word.as_bytes();
        !w.is_empty() && w.len() <= KEY_BYTES && self.slots[self.slot_of(w)].len != 0
    }

    /// The slot holding key `w`, or the empty slot where it would go (the
    /// table is at most half full, so the probe ends).
    #[inline]
    fn slot_of(&self, w: &[u8]) -> usize {
        let mut i = hash(w) & self.mask;
        loop {
            let slot = &self.slots[i];
            if slot.len == 0 || (usize::from(slot.len) == w.len() && &slot.key[..w.len()] == w) {
                return i;
            }
            i = (i + 1) & self.mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_its_words_and_no_other() {
        let words = ["و", "لە", "کوردستان", "ئەمڕۆ", "دەیخوێنینەوە", "سەرۆکایەتییەکەیان"];
        let hot = HotWords::new(words);
        for w in &words[..5] {
            assert!(hot.contains(w), "{w}");
        }
        // longer than a slot holds: left to the ordinary look-up
        assert!(words[5].len() > KEY_BYTES && !hot.contains(words[5]));
        for w in ["", "ل", "لەو", "کوردستا", "کوردستانی", "ئەمرۆ"] {
            assert!(!hot.contains(w), "{w}");
        }
    }

    #[test]
    fn a_full_table_still_finds_every_word() {
        let words: Vec<String> = (0..5000).map(|i| format!("w{i}")).collect();
        let hot = HotWords::new(words.iter().map(String::as_str));
        assert!(words.iter().all(|w| hot.contains(w)));
        assert!(!(5000..6000).any(|i| hot.contains(&format!("w{i}"))));
    }
}
