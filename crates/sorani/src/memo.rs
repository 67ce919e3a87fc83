//! A bounded memo of values per word, for running text, which repeats its
//! words: the analyzer's stem, lemma and candidate memos, and the command
//! line's memo of written output, are each one of these.

use rustc_hash::FxHashMap;

/// A memo in two generations: words are added to `recent`; when it holds
/// its capacity it becomes `older` and the previous `older` is dropped, and a word found in `older`
/// moves back to `recent`. Frequent words therefore stay while the long tail
/// passes through, and memory stays bounded. (Emptying one map when full
/// made every frequent word a miss again each time: on 20 MB of awta text,
/// 94k distinct words, two generations took Python's `stem_arrow` from 65
/// to 75 MB/s. Indexing 1 GB, whose 100 MB slices hold some 210k distinct
/// words, took 59 s with 2^18 words per generation against 71 s with 2^16,
/// which recomputed the tail of the vocabulary; the search indexer has
/// since got a memo of its own in front of this one.)
pub struct Generations<V> {
    recent: FxHashMap<Box<str>, V>,
    older: FxHashMap<Box<str>, V>,
}

impl<V> Default for Generations<V> {
    fn default() -> Self {
        Generations { recent: Default::default(), older: Default::default() }
    }
}

impl<V> Generations<V> {
    /// `read` of the value of `word`, which moves back to `recent` when it
    /// was in `older`.
    pub fn read<R>(&mut self, word: &str, capacity: usize, read: impl FnOnce(&V) -> R) -> Option<R> {
        if let Some(v) = self.recent.get(word) {
            return Some(read(v));
        }
        let (key, v) = self.older.remove_entry(word)?;
        let out = read(&v);
        self.insert(key, v, capacity);
        Some(out)
    }

    /// Remembers `v` for `key`, starting a new generation when `recent`
    /// holds `capacity` words.
    pub fn insert(&mut self, key: Box<str>, v: V, capacity: usize) {
        if self.recent.len() >= capacity {
            self.older = std::mem::take(&mut self.recent);
        }
        self.recent.insert(key, v);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memo_keeps_the_words_read_again_and_forgets_the_rest() {
        let mut memo: Generations<u32> = Generations::default();
        for (i, w) in ["a", "b", "c"].into_iter().enumerate() {
            memo.insert(w.into(), i as u32, 2);
        }
        // "c" started a new generation; reading "a" brings it back into it.
        assert_eq!(memo.read("a", 2, |v| *v), Some(0));
        // The next full generation pushes out "b", which was not read again.
        memo.insert("d".into(), 3, 2);
        assert_eq!(memo.read("b", 2, |v| *v), None);
        assert_eq!(memo.read("a", 2, |v| *v), Some(0));
        assert!(memo.recent.len() <= 2 && memo.older.len() <= 2);
    }
}
