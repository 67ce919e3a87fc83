//! Remembered verdicts on words outside the lexicon, shared across threads.
//!
//! Judging such a word may rank its corrections (tens of microseconds), and
//! running text repeats its words, so verdicts are kept in a map split into
//! shards (threads rarely wait on one another), each emptied when full so
//! that memory stays bounded on endless input.

use std::hash::{BuildHasher, Hash, Hasher};
use std::sync::Mutex;

use rustc_hash::{FxBuildHasher, FxHashMap};

const SHARDS: usize = 16;
/// Most words kept per shard.
const SHARD_CAPACITY: usize = 1 << 14;

#[derive(Default)]
pub(crate) struct Verdicts {
    shards: [Mutex<FxHashMap<Box<str>, bool>>; SHARDS],
}

impl Verdicts {
    fn shard(&self, word: &str) -> &Mutex<FxHashMap<Box<str>, bool>> {
        let mut h = FxBuildHasher.build_hasher();
        word.hash(&mut h);
        &self.shards[(h.finish() >> 32) as usize % SHARDS]
    }

    pub fn get(&self, word: &str) -> Option<bool> {
        self.shard(word).lock().ok()?.get(word).copied()
    }

    pub fn insert(&self, word: &str, verdict: bool) {
        if let Ok(mut map) = self.shard(word).lock() {
            if map.len() >= SHARD_CAPACITY {
                map.clear();
            }
            map.insert(word.into(), verdict);
        }
    }
}
