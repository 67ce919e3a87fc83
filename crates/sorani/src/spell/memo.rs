//! Remembered results, shared across threads: per lexicon word in a flag
//! array, and on words outside the lexicon in a bounded map.
//!
//! Judging such a word, or finding its corrections, takes microseconds to
//! tens of microseconds, and running text repeats its words, so results are
//! kept in a map split into shards (threads rarely wait on one another),
//! each emptied when full so that memory stays bounded on endless input.

use std::hash::BuildHasher;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Mutex, OnceLock};

use rustc_hash::{FxBuildHasher, FxHashMap};

const SHARDS: usize = 16;

/// Values remembered per word outside the lexicon, at most `capacity` words
/// per shard.
pub(crate) struct Memo<V> {
    shards: [Mutex<FxHashMap<Box<str>, V>>; SHARDS],
    capacity: usize,
}

impl<V: Clone> Memo<V> {
    pub fn new(capacity: usize) -> Self {
        Memo { shards: Default::default(), capacity }
    }

    fn shard(&self, word: &str) -> &Mutex<FxHashMap<Box<str>, V>> {
        &self.shards[(FxBuildHasher.hash_one(word) >> 32) as usize % SHARDS]
    }

    pub fn get(&self, word: &str) -> Option<V> {
        self.shard(word).lock().ok()?.get(word).cloned()
    }

    pub fn clear(&self) {
        for shard in &self.shards {
            if let Ok(mut map) = shard.lock() {
                map.clear();
            }
        }
    }

    pub fn insert(&self, word: &str, value: V) {
        if let Ok(mut map) = self.shard(word).lock() {
            if map.len() >= self.capacity {
                map.clear();
            }
            map.insert(word.into(), value);
        }
    }
}

/// One remembered yes or no per lexicon word, the array made on first use.
#[derive(Default)]
pub(crate) struct WordFlags(OnceLock<Box<[AtomicU8]>>);

impl WordFlags {
    /// Flags known ahead of time, one per word (for a lexicon whose flags
    /// are already set, this does nothing).
    pub fn fill(&self, flags: &[bool]) {
        let _ = self.0.set(flags.iter().map(|&f| AtomicU8::new(if f { 1 } else { 2 })).collect());
    }

    /// The flag of word `id`, if already known.
    pub fn peek(&self, id: u32) -> Option<bool> {
        match self.0.get()?[id as usize].load(Ordering::Relaxed) {
            1 => Some(true),
            2 => Some(false),
            _ => None,
        }
    }

    /// The flag of word `id` of a lexicon of `words` words, worked out by
    /// `compute` the first time it is asked for.
    pub fn get_or(&self, words: usize, id: u32, compute: impl FnOnce() -> bool) -> bool {
        // 0: not asked yet, 1: yes, 2: no
        let flags = self.0.get_or_init(|| (0..words).map(|_| AtomicU8::new(0)).collect());
        match flags[id as usize].load(Ordering::Relaxed) {
            1 => true,
            2 => false,
            _ => {
                let flag = compute();
                flags[id as usize].store(if flag { 1 } else { 2 }, Ordering::Relaxed);
                flag
            }
        }
    }
}
