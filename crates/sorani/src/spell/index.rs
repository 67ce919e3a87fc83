//! The word store behind the speller: exact lookup with frequencies, and a
//! symmetric-delete index over folded forms for candidate retrieval.
//!
//! Symmetric delete (as in SymSpell): every lexicon word is folded (see
//! [`super::model::fold`]) and stored under the hash of its folded form and of
//! every form with one character deleted. A query is folded and looked up
//! under its own deletes of up to two characters. Two strings meet when one
//! can be turned into the other by at most one deletion on the word's side and
//! two on the query's, which covers one or two insertions, a deletion, a
//! substitution and a transposition — and, because the forms are folded, any
//! number of keyboard confusions on top. Hash collisions only add candidates;
//! the weighted distance decides.

use std::hash::Hasher;

use super::model;

/// A small, fast, non-cryptographic hasher (the Firefox/rustc "Fx" mix) for
/// short keys; lexicon keys are not attacker-chosen.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(buf));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Hashes of a char sequence with up to two positions left out, each in
/// constant time: a polynomial hash (wrapping `u64`) over prefixes, so that
/// the hash of the sequence without positions i and j is put together from
/// three slices instead of read again (a query of n letters asks for
/// n(n-1)/2 of them).
struct DeleteHashes {
    /// `prefix[k]`: the polynomial hash of the first k chars.
    prefix: [u64; model::MAX_CHARS + 1],
    n: usize,
}

/// The polynomial's base (odd, with well-spread bits).
const BASE: u64 = 0x9e37_79b9_7f4a_7c15;

/// `POW[k]` = `BASE`^k (wrapping).
static POW: [u64; model::MAX_CHARS + 1] = {
    let mut pow = [1u64; model::MAX_CHARS + 1];
    let mut k = 1;
    while k <= model::MAX_CHARS {
        pow[k] = pow[k - 1].wrapping_mul(BASE);
        k += 1;
    }
    pow
};

impl DeleteHashes {
    /// The hashes of `chars` (at most [`model::MAX_CHARS`] long).
    #[inline]
    fn new(chars: &[char]) -> DeleteHashes {
        let n = chars.len().min(model::MAX_CHARS);
        let mut prefix = [0u64; model::MAX_CHARS + 1];
        for k in 0..n {
            prefix[k + 1] = prefix[k].wrapping_mul(BASE).wrapping_add(u64::from(chars[k] as u32) + 1);
        }
        DeleteHashes { prefix, n }
    }

    /// Polynomial hash of chars `a..b`.
    #[inline]
    fn slice(&self, a: usize, b: usize) -> u64 {
        self.prefix[b].wrapping_sub(self.prefix[a].wrapping_mul(POW[b - a]))
    }

    /// Hash of the sequence with positions `skip1` and `skip2` left out
    /// ([`NONE`] leaves out nothing; `skip1 < skip2` when both are given):
    /// equal for equal resulting sequences, whichever positions made them.
    #[inline]
    fn skipping(&self, skip1: usize, skip2: usize) -> u64 {
        let n = self.n;
        let (h, kept) = match (skip1 < n, skip2 < n) {
            (false, _) => (self.prefix[n], n),
            (true, false) => {
                (self.prefix[skip1].wrapping_mul(POW[n - skip1 - 1]).wrapping_add(self.slice(skip1 + 1, n)), n - 1)
            }
            (true, true) => (
                self.prefix[skip1]
                    .wrapping_mul(POW[n - skip1 - 2])
                    .wrapping_add(self.slice(skip1 + 1, skip2).wrapping_mul(POW[n - skip2 - 1]))
                    .wrapping_add(self.slice(skip2 + 1, n)),
                n - 2,
            ),
        };
        // finalize so that the high bits (bucket and key) depend on every char
        let x = h ^ (kept as u64).wrapping_mul(0xd6e8_feb8_6659_fd93);
        let x = (x ^ (x >> 32)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        x ^ (x >> 29)
    }
}

const NONE: usize = usize::MAX;

/// The hash of a word in [`Words`]' lookup table.
#[inline]
fn word_hash(word: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(word.as_bytes());
    h.finish()
}

/// Words in one buffer, by id: `list[id]` is a `&str`.
pub(crate) struct WordList {
    text: String,
    /// Byte range of each word in `text`.
    spans: Vec<(u32, u32)>,
}

impl WordList {
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.spans.iter().map(|&(a, b)| &self.text[a as usize..b as usize])
    }
}

impl std::ops::Index<usize> for WordList {
    type Output = str;

    #[inline]
    fn index(&self, id: usize) -> &str {
        let (a, b) = self.spans[id];
        &self.text[a as usize..b as usize]
    }
}

/// An entry of [`Words`]' lookup table: a word's byte range in the word
/// list's buffer (so that comparing keys reads the buffer directly) and its id.
#[derive(Clone, Copy)]
struct Slot {
    start: u32,
    end: u32,
    id: u32,
}

/// The lexicon as the speller sees it.
pub(crate) struct Words {
    /// Every word, by id.
    pub words: WordList,
    /// Corpus count of each word.
    pub counts: Vec<u64>,
    /// Exact lookup, hashed by the word (which `words` holds, so each word
    /// is stored once).
    exact: hashbrown::HashTable<Slot>,
    /// Sum of all counts.
    pub total: u64,
    /// The highest count among the words of each length in chars (up to
    /// [`model::MAX_CHARS`]).
    pub max_count_by_chars: Vec<u64>,
    /// Whether some word holds an invisible mark (ZWNJ, tatweel, harakat).
    pub marked: bool,
}

impl Words {
    /// Builds the store from (word, count) pairs; repeated words add up.
    pub fn new<I, S>(entries: I) -> Words
    where
        I: IntoIterator<Item = (S, u64)>,
        S: AsRef<str>,
    {
        let entries = entries.into_iter();
        // sized once (a lexicon has hundreds of thousands of words)
        let expected = entries.size_hint().0;
        let mut words = WordList { text: String::with_capacity(expected * 12), spans: Vec::with_capacity(expected) };
        let mut counts = Vec::with_capacity(expected);
        let mut exact = hashbrown::HashTable::with_capacity(expected);
        let mut total = 0u64;
        for (word, count) in entries {
            let word = word.as_ref();
            if word.is_empty()
                || word.chars().count() > model::MAX_CHARS
                || words.text.len() + word.len() > u32::MAX as usize
            {
                continue;
            }
            total += count;
            let hash = word_hash(word);
            let text = words.text.as_bytes();
            match exact.find(hash, |s: &Slot| text[s.start as usize..s.end as usize] == *word.as_bytes()) {
                Some(s) => counts[s.id as usize] += count,
                None => {
                    let slot = Slot {
                        start: words.text.len() as u32,
                        end: (words.text.len() + word.len()) as u32,
                        id: words.spans.len() as u32,
                    };
                    words.text.push_str(word);
                    words.spans.push((slot.start, slot.end));
                    counts.push(count);
                    let text = &words.text;
                    exact.insert_unique(hash, slot, |s: &Slot| word_hash(&text[s.start as usize..s.end as usize]));
                }
            }
        }
        words.text.shrink_to_fit();
        let mut max_count_by_chars = vec![0u64; model::MAX_CHARS + 1];
        for (word, &count) in words.iter().zip(&counts) {
            let slot = &mut max_count_by_chars[word.chars().count()];
            *slot = (*slot).max(count);
        }
        let marked = words.iter().any(|w| w.chars().any(model::is_mark));
        Words { words, counts, exact, total: total.max(1), max_count_by_chars, marked }
    }

    /// The id of `word`.
    #[inline]
    pub fn id(&self, word: &str) -> Option<u32> {
        let text = self.words.text.as_bytes();
        self.exact.find(word_hash(word), |s| text[s.start as usize..s.end as usize] == *word.as_bytes()).map(|s| s.id)
    }

    /// The count of `word` (0 when unknown).
    #[inline]
    pub fn count(&self, word: &str) -> u64 {
        self.id(word).map_or(0, |id| self.counts[id as usize])
    }

    /// Natural log of the relative frequency of a count, smoothed.
    #[inline]
    pub fn log_prob(&self, count: u64) -> f32 {
        ((count as f64 + 0.5) / self.total as f64).ln() as f32
    }

    /// [`Words::log_prob`] of a fractional pseudo-count.
    pub fn log_prob_f(&self, count: f32) -> f32 {
        ((count as f64 + 0.5) / self.total as f64).ln() as f32
    }
}

/// Bits of an index entry that hold the word id: words past the first
/// 16.7 million of a lexicon are not indexed (the embedded one has 280K).
const ID_BITS: u32 = 24;

/// An index entry: the high bits of `hash` above word `id`.
#[inline]
fn entry(hash: u64, id: u32) -> u64 {
    (hash >> ID_BITS << ID_BITS) | u64::from(id)
}

/// The symmetric-delete index over folded forms.
pub(crate) struct DeleteIndex {
    /// The high 40 bits of the hash of a folded form or of one of its
    /// one-char deletes, above the word id ([`entry`]): sorted, without
    /// duplicates. (One `u64` an entry instead of a padded pair halves the
    /// memory the build sorts and the look-ups read; two keys that share
    /// those bits only add a candidate, which the edit cost then judges.)
    entries: Vec<u64>,
    /// `offsets[b]..offsets[b + 1]`: the entries whose hash starts with the
    /// `bits` bits `b` (so a lookup touches one short run, not a binary
    /// search; about four entries a bucket).
    offsets: Vec<u32>,
    bits: u32,
}

/// Lexicons from this many words are indexed on several threads.
const PARALLEL_FROM: usize = 50_000;

/// Most threads that index one lexicon.
const MAX_THREADS: usize = 8;

/// The index entries of the words `ids` that pass `keep`, in no order.
fn entries_of(words: &Words, ids: std::ops::Range<usize>, keep: &impl Fn(usize) -> bool) -> Vec<u64> {
    let mut entries = Vec::with_capacity(ids.len() * 10);
    let mut folded: Vec<char> = Vec::with_capacity(model::MAX_CHARS);
    for id in ids {
        if !keep(id) {
            continue;
        }
        folded.clear();
        folded.extend(words.words[id].chars().filter_map(model::fold_char));
        if folded.is_empty() {
            continue;
        }
        let hashes = DeleteHashes::new(&folded);
        entries.push(entry(hashes.skipping(NONE, NONE), id as u32));
        if folded.len() > 1 {
            for i in 0..folded.len() {
                entries.push(entry(hashes.skipping(i, NONE), id as u32));
            }
        }
    }
    entries
}

/// Top bits of an entry that choose its part in [`sorted_unique`]: 256
/// parts of a few thousand entries each, which sort inside the cache.
const PART_BITS: u32 = 8;

/// `runs` put together, sorted and without repeats, on `threads` threads.
/// The entries are first dealt into parts by their top bits, so that the
/// parts, sorted one by one, are the whole sorted: sorting a few thousand
/// entries at a time stays in the cache, and no merge copies everything
/// again (this was most of the time the first suggestion waits for).
fn sorted_unique(runs: Vec<Vec<u64>>, threads: usize) -> Vec<u64> {
    let part = |e: u64| (e >> (64 - PART_BITS)) as usize;
    let parts = 1usize << PART_BITS;
    let mut ends = vec![0usize; parts];
    for &e in runs.iter().flatten() {
        ends[part(e)] += 1;
    }
    let mut end = 0;
    for slot in ends.iter_mut() {
        end += *slot;
        *slot = end;
    }
    // dealt from the back: each part's cursor ends at the part's start
    let mut entries = vec![0u64; end];
    let mut cursor = ends.clone();
    for run in runs {
        for e in run {
            let slot = &mut cursor[part(e)];
            *slot -= 1;
            entries[*slot] = e;
        }
    }
    let mut slices: Vec<&mut [u64]> = Vec::with_capacity(parts);
    let mut rest = entries.as_mut_slice();
    for (p, &end) in ends.iter().enumerate() {
        let start = if p == 0 { 0 } else { ends[p - 1] };
        let (slice, tail) = rest.split_at_mut(end - start);
        slices.push(slice);
        rest = tail;
    }
    let sort_all = |slices: &mut [&mut [u64]]| slices.iter_mut().for_each(|s| s.sort_unstable());
    if threads <= 1 {
        sort_all(&mut slices);
    } else {
        let share = slices.len().div_ceil(threads);
        std::thread::scope(|scope| {
            for chunk in slices.chunks_mut(share) {
                scope.spawn(move || sort_all(chunk));
            }
        });
    }
    entries.dedup();
    entries
}

/// Where each bucket of `bits` top bits starts in `entries` (sorted):
/// `offsets[b]..offsets[b + 1]`, found in one pass.
fn bucket_offsets(entries: &[u64], bits: u32) -> Vec<u32> {
    let buckets = 1usize << bits;
    let mut offsets = Vec::with_capacity(buckets + 1);
    for (at, &e) in entries.iter().enumerate() {
        let bucket = (e >> (64 - bits)) as usize;
        while offsets.len() <= bucket {
            offsets.push(at as u32);
        }
    }
    offsets.resize(buckets + 1, entries.len() as u32);
    offsets
}

impl DeleteIndex {
    /// Indexes every word whose count is at least `min_count`.
    pub fn build(words: &Words, min_count: u64) -> DeleteIndex {
        Self::build_where(words, |id| words.counts[id] >= min_count)
    }

    /// Indexes the words whose id passes `keep`. A large lexicon is
    /// indexed on several threads: each makes the entries of a share of the
    /// words, and each sorts a share of the parts they are dealt into (see
    /// [`sorted_unique`]; the first suggestion waits on this).
    pub fn build_where(words: &Words, keep: impl Fn(usize) -> bool + Sync) -> DeleteIndex {
        let threads = if words.words.len() < PARALLEL_FROM {
            1
        } else {
            std::thread::available_parallelism().map_or(1, |t| t.get()).min(MAX_THREADS)
        };
        Self::build_on(words, keep, threads)
    }

    /// [`DeleteIndex::build_where`] on `threads` threads.
    fn build_on(words: &Words, keep: impl Fn(usize) -> bool + Sync, threads: usize) -> DeleteIndex {
        let n = words.words.len().min(1 << ID_BITS);
        let threads = threads.clamp(1, n.max(1));
        let share = n.div_ceil(threads);
        let runs: Vec<Vec<u64>> = if threads == 1 {
            vec![entries_of(words, 0..n, &keep)]
        } else {
            std::thread::scope(|scope| {
                let keep = &keep;
                let handles: Vec<_> = (0..threads)
                    .map(|t| scope.spawn(move || entries_of(words, t * share..((t + 1) * share).min(n), keep)))
                    .collect();
                handles.into_iter().map(|h| h.join().expect("indexing a share of the words does not panic")).collect()
            })
        };
        let entries = sorted_unique(runs, threads);
        // about four entries a bucket: one cache line to scan per look-up,
        // and a table of offsets a quarter the size of one per entry
        let bits = (usize::BITS - (entries.len() / 4).max(2).leading_zeros()).clamp(1, 30);
        let offsets = bucket_offsets(&entries, bits);
        DeleteIndex { entries, offsets, bits }
    }

    /// Number of entries (for sizing reports).
    #[allow(dead_code)]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    #[inline]
    fn lookup(&self, hash: u64, out: &mut Vec<u32>) {
        let b = (hash >> (64 - self.bits)) as usize;
        let (start, end) = (self.offsets[b] as usize, self.offsets[b + 1] as usize);
        let key = hash >> ID_BITS;
        for &e in &self.entries[start..end] {
            if e >> ID_BITS == key {
                out.push((e & ((1 << ID_BITS) - 1)) as u32);
            }
        }
    }

    /// Ids of the words whose folded form is within the delete neighbourhood
    /// of `folded` (query deletes up to `max_deletes`), deduplicated.
    pub fn candidates(&self, folded: &[char], max_deletes: usize, out: &mut Vec<u32>) {
        out.clear();
        let n = folded.len();
        let hashes = DeleteHashes::new(folded);
        self.lookup(hashes.skipping(NONE, NONE), out);
        if max_deletes >= 1 && n > 1 {
            for i in 0..n {
                if i > 0 && folded[i] == folded[i - 1] {
                    continue; // same string as deleting i-1
                }
                self.lookup(hashes.skipping(i, NONE), out);
            }
        }
        if max_deletes >= 2 && n > 2 {
            for i in 0..n {
                for j in i + 1..n {
                    self.lookup(hashes.skipping(i, j), out);
                }
            }
        }
        out.sort_unstable();
        out.dedup();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn threads_build_the_same_index() {
        let words = Words::new((0..3000u64).map(|i| {
            let word: String = ["دە", "ست", "ەکا", "ن", "ی", "ش"]
                .iter()
                .cycle()
                .skip(i as usize % 6)
                .take(2 + i as usize % 5)
                .copied()
                .collect();
            (format!("{word}{}", char::from_u32(0x0628 + (i % 20) as u32).unwrap()), i % 7 + 1)
        }));
        let one = DeleteIndex::build_on(&words, |id| words.counts[id] >= 2, 1);
        for threads in [2, 3, 8] {
            let many = DeleteIndex::build_on(&words, |id| words.counts[id] >= 2, threads);
            assert_eq!(
                (&many.entries, &many.offsets, many.bits),
                (&one.entries, &one.offsets, one.bits),
                "{threads} threads"
            );
        }
        assert!(one.entries.windows(2).all(|w| w[0] < w[1]), "sorted, no repeats");
    }

    #[test]
    fn parts_sort_drop_repeats_and_buckets_are_found() {
        let mut x = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            x.wrapping_mul(0x2545_f491_4f6c_dd1d)
        };
        let mut runs: Vec<Vec<u64>> = (0..3).map(|_| (0..700).map(|_| next()).collect()).collect();
        // repeats within a run and across runs, and a crowded part
        let repeated = runs[0][..50].to_vec();
        runs[1].extend(&repeated);
        runs[2].extend(repeated.iter().take(10));
        runs[2].extend((0..40).map(|i| (7u64 << 58) | (i % 13)));
        runs.push(Vec::new());
        let mut expected: Vec<u64> = runs.iter().flatten().copied().collect();
        expected.sort_unstable();
        expected.dedup();
        for threads in [1, 2, 3] {
            assert_eq!(sorted_unique(runs.clone(), threads), expected, "{threads} threads");
        }
        for bits in [1, 6, 11, 12] {
            let offsets = bucket_offsets(&expected, bits);
            assert_eq!(offsets.len(), (1 << bits) + 1);
            for b in 0..1usize << bits {
                let bucket = &expected[offsets[b] as usize..offsets[b + 1] as usize];
                assert!(bucket.iter().all(|&e| (e >> (64 - bits)) as usize == b), "bucket {b} of {bits} bits");
            }
            assert_eq!(*offsets.last().unwrap() as usize, expected.len());
        }
        assert!(sorted_unique(vec![Vec::new()], 2).is_empty());
        assert_eq!(bucket_offsets(&[], 2), [0; 5]);
    }

    #[test]
    fn counts_add_up_and_lookup_is_exact() {
        let words = Words::new([("دەست", 5u64), ("دەشت", 2), ("دەست", 1)]);
        assert_eq!(words.count("دەست"), 6);
        assert_eq!(words.count("دەشت"), 2);
        assert_eq!(words.count("دەس"), 0);
        assert_eq!(words.total, 8);
    }

    #[test]
    fn a_delete_hash_is_the_hash_of_what_is_left() {
        let word: Vec<char> = "سەرۆکایەتیی".chars().collect();
        let hashes = DeleteHashes::new(&word);
        let whole = |chars: &[char]| DeleteHashes::new(chars).skipping(NONE, NONE);
        assert_eq!(hashes.skipping(NONE, NONE), whole(&word));
        let mut seen = std::collections::HashMap::new();
        for i in 0..word.len() {
            let mut left = word.clone();
            left.remove(i);
            assert_eq!(hashes.skipping(i, NONE), whole(&left), "without {i}");
            for j in i + 1..word.len() {
                let mut left = word.clone();
                left.remove(j);
                left.remove(i);
                let h = hashes.skipping(i, j);
                assert_eq!(h, whole(&left), "without {i} and {j}");
                // different sequences, different hashes (equal ones: the same)
                let prev = seen.insert(h, left.clone());
                assert!(prev.is_none_or(|p| p == left), "collision at {i}, {j}");
            }
        }
    }

    #[test]
    fn deletes_meet_across_confusions_and_edits() {
        let words = Words::new([("سەرۆکایەتی", 10u64), ("خۆش", 10), ("دەستان", 10), ("کتێب", 10)]);
        let index = DeleteIndex::build(&words, 1);
        let mut out = Vec::new();
        let cases = [
            ("سهرۆكایهتی", "سەرۆکایەتی"), // legacy ه and Arabic kaf
            ("خوش", "خۆش"),               // و for ۆ
            ("دستان", "دەستان"),          // dropped ە
            ("کتبێ", "کتێب"),             // transposition
            ("کتێبب", "کتێب"),            // doubled letter
        ];
        for (typed, want) in cases {
            let folded: Vec<char> = model::fold(typed).chars().collect();
            index.candidates(&folded, 2, &mut out);
            let got: Vec<&str> = out.iter().map(|&id| &words.words[id as usize]).collect();
            assert!(got.contains(&want), "{typed}: expected {want} among {got:?}");
        }
    }
}
