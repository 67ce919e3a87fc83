//! Output written for a word, remembered per thread: running text repeats
//! its words, and for some subcommands writing a word's output costs more
//! than copying it (`sorani analyze` writes some 400 bytes of JSON a word).

use rustc_hash::FxHashMap;

/// The output of recent words in two generations (as the analyzer's own
/// memos): a word is added to `recent`; when it holds `per_generation`
/// words it becomes `older` and the previous `older` is dropped, and a word
/// found in `older` moves back. Frequent words stay; memory stays bounded.
pub struct WordMemo {
    recent: FxHashMap<Box<str>, Box<str>>,
    older: FxHashMap<Box<str>, Box<str>>,
    per_generation: usize,
}

impl WordMemo {
    pub fn new(per_generation: usize) -> WordMemo {
        WordMemo { recent: FxHashMap::default(), older: FxHashMap::default(), per_generation }
    }

    /// Appends the output of `word` to `out`: the remembered one, or what
    /// `write` writes for it.
    pub fn push(&mut self, word: &str, out: &mut String, write: impl FnOnce(&str, &mut String)) {
        if let Some(text) = self.recent.get(word) {
            out.push_str(text);
            return;
        }
        let text = self.older.remove(word).unwrap_or_else(|| {
            let mut text = String::new();
            write(word, &mut text);
            text.into()
        });
        out.push_str(&text);
        if self.recent.len() >= self.per_generation {
            self.older = std::mem::take(&mut self.recent);
        }
        self.recent.insert(word.into(), text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_frequent_words_and_forgets_the_rest() {
        let mut memo = WordMemo::new(2);
        let mut writes = 0;
        let mut out = String::new();
        for word in ["a", "b", "a", "c", "a", "d", "e", "b"] {
            memo.push(word, &mut out, |w, out| {
                writes += 1;
                out.push_str(&w.to_uppercase());
            });
        }
        assert_eq!(out, "ABACADEB");
        // a: written once and kept (read again each generation); b: written
        // again after two generations without it
        assert_eq!(writes, 6);
        assert!(memo.recent.len() <= 2 && memo.older.len() <= 2);
    }
}
