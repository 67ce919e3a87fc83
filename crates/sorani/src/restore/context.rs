//! The context model: counts of words and adjacent word pairs in standard
//! running text (an fst map whose keys are `"word"` and `"word1 word2"`),
//! and a letter-context table learned from the lexicon for words the lexicon
//! does not know.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::lexicon::Lexicon;

static CONTEXT_FST: &[u8] = include_bytes!("../../data/restore/context.fst");

static CONTEXT_TOTAL: &str = include_str!("../../data/restore/context.total");
static LETTERS_TSV: &str = include_str!("../../data/restore/letters.tsv");

static EMBEDDED: LazyLock<Context> = LazyLock::new(|| Context {
    // Read in place (no copy): pages are loaded as look-ups reach them.
    map: fst::Map::new(CONTEXT_FST).expect("the embedded context model is a valid fst map"),
    words: CONTEXT_TOTAL.trim().parse::<u64>().expect("context.total holds a number").max(1),
});

/// Word and word-pair counts.
pub(crate) struct Context {
    map: fst::Map<&'static [u8]>,
    /// Total of the single-word counts.
    words: u64,
}

impl Context {
    pub(crate) fn embedded() -> &'static Context {
        &EMBEDDED
    }

    /// The count of a word or pair (tests check the walks against it).
    #[cfg(test)]
    fn count(&self, key: &str) -> u64 {
        self.map.get(key).unwrap_or(0)
    }

    /// The count of `word`, and where the pairs `"word …"` continue in the
    /// map (`None` for a word never counted or that starts no pair), in one
    /// walk. Found once per word, the place spares walking `word` again for
    /// every word that may follow it.
    pub(crate) fn word(&self, word: &str) -> (u64, Option<PairStart>) {
        let root = PairStart { node: self.map.as_fst().root().addr(), out: fst::raw::Output::zero() };
        let Some(end) = self.walk(root, word.as_bytes()) else { return (0, None) };
        let node = self.map.as_fst().node(end.node);
        if !node.is_final() {
            return (0, None);
        }
        let count = end.out.cat(node.final_output()).value();
        (count, if count > 0 { self.walk(end, [&b' ']) } else { None })
    }

    /// The count of the pair whose first word led to `start`, and `b`.
    pub(crate) fn pair_count(&self, start: PairStart, b: &str) -> u64 {
        let Some(end) = self.walk(start, b.as_bytes()) else { return 0 };
        let node = self.map.as_fst().node(end.node);
        if node.is_final() {
            end.out.cat(node.final_output()).value()
        } else {
            0
        }
    }

    /// How much more often the pair from `start` (a word counted `ca`) and
    /// `b` (counted `cb`) occurs than chance, as a log-ratio bonus (0 when
    /// there is no positive evidence).
    pub(crate) fn pair_bonus(&self, start: PairStart, ca: u64, b: &str, cb: u64) -> f32 {
        let pair = self.pair_count(start, b);
        if pair == 0 {
            return 0.0;
        }
        let expected = ca as f64 * cb as f64 / self.words as f64;
        (((pair as f64 + 0.5) / (expected + 0.5)).ln().max(0.0)) as f32
    }

    /// Follows `bytes` from `from`; `None` when the map has no such path.
    fn walk<'b>(&self, from: PairStart, bytes: impl IntoIterator<Item = &'b u8>) -> Option<PairStart> {
        let fst = self.map.as_fst();
        let (mut node, mut out) = (fst.node(from.node), from.out);
        for &b in bytes {
            let t = node.transition(node.find_input(b)?);
            out = out.cat(t.out);
            node = fst.node(t.addr);
        }
        Some(PairStart { node: node.addr(), out })
    }
}

/// A place in the context map: a node and the output gathered to reach it
/// ([`Context::word`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PairStart {
    node: fst::raw::CompiledAddr,
    out: fst::raw::Output,
}

/// The standard letter that a keyboard without it writes instead.
pub(crate) fn base_letter(c: char) -> Option<char> {
    Some(match c {
        'ە' => 'ه',
        'ێ' => 'ی',
        'ۆ' => 'و',
        'ڵ' => 'ل',
        'ڕ' => 'ر',
        _ => return None,
    })
}

/// For a base letter (ه ی و ل ر) between two neighbours, how many lexicon
/// words have the base letter there and how many the Kurdish letter.
pub(crate) struct LetterTable {
    counts: HashMap<(char, char, char), [u32; 2]>,
}

static LETTERS: LazyLock<LetterTable> = LazyLock::new(|| LetterTable::parse(LETTERS_TSV));

impl LetterTable {
    pub(crate) fn embedded() -> &'static LetterTable {
        &LETTERS
    }

    fn parse(tsv: &str) -> LetterTable {
        let mut counts = HashMap::new();
        let edge = |s: &str| if s == "^" { '\0' } else { s.chars().next().unwrap_or('\0') };
        for line in tsv.lines().filter(|l| !l.starts_with('#')) {
            let f: Vec<&str> = line.split('\t').collect();
            if let [base, prev, next, b, k] = f[..] {
                if let (Ok(b), Ok(k)) = (b.parse(), k.parse()) {
                    counts.insert((edge(base), edge(prev), edge(next)), [b, k]);
                }
            }
        }
        LetterTable { counts }
    }

    /// The table as TSV (`base prev next count_base count_kurdish`, `^` for
    /// a word edge), as `cargo xtask lexicon` writes it.
    pub(crate) fn to_tsv(&self) -> String {
        let mut rows: Vec<_> = self.counts.iter().collect();
        rows.sort();
        let edge = |c: char| if c == '\0' { "^".to_string() } else { c.to_string() };
        let mut out = String::from("# generated by `cargo xtask lexicon`; do not edit\n");
        for ((base, p, n), [b, k]) in rows {
            out.push_str(&format!("{}\t{}\t{}\t{b}\t{k}\n", edge(*base), edge(*p), edge(*n)));
        }
        out
    }

    pub(crate) fn build(lex: &Lexicon) -> LetterTable {
        let mut counts: HashMap<(char, char, char), [u32; 2]> = HashMap::new();
        let mut stream = lex.as_fst().stream();
        let mut chars = Vec::with_capacity(32);
        while let Some((k, _)) = fst::Streamer::next(&mut stream) {
            let Ok(word) = std::str::from_utf8(k) else { continue };
            chars.clear();
            chars.extend(word.chars());
            for i in 0..chars.len() {
                let c = chars[i];
                let (base, idx) = match base_letter(c) {
                    Some(b) => (b, 1),
                    None if matches!(c, 'ه' | 'ی' | 'و' | 'ل' | 'ر') => (c, 0),
                    None => continue,
                };
                let prev = if i > 0 { chars[i - 1] } else { '\0' };
                let next = chars.get(i + 1).copied().unwrap_or('\0');
                counts.entry((base, prev, next)).or_default()[idx] += 1;
            }
        }
        LetterTable { counts }
    }

    /// Whether `base` between `prev` and `next` ('\0' at a word edge) is more
    /// likely the Kurdish letter, by at least `ratio` to one. With `blind`,
    /// the neighbours may themselves stand for ە ێ ۆ ڵ ڕ (a keyboard that
    /// lacks those letters).
    pub(crate) fn prefers_kurdish(&self, base: char, prev: char, next: char, ratio: u32, blind: bool) -> bool {
        let mut b = 0u32;
        let mut k = 0u32;
        let variants = |c: char| -> [char; 2] {
            match (blind, kurdish_letter(c)) {
                (true, Some(kc)) => [c, kc],
                _ => [c, c],
            }
        };
        let ps = variants(prev);
        let ns = variants(next);
        for (pi, p) in ps.iter().enumerate() {
            if pi == 1 && ps[1] == ps[0] {
                continue;
            }
            for (ni, n) in ns.iter().enumerate() {
                if ni == 1 && ns[1] == ns[0] {
                    continue;
                }
                let [cb, ck] = self.counts.get(&(base, *p, *n)).copied().unwrap_or([0, 0]);
                b += cb;
                k += ck;
            }
        }
        k >= 3 && k > b.saturating_mul(ratio)
    }
}

/// The Kurdish letter a keyboard without it writes as `c`.
fn kurdish_letter(c: char) -> Option<char> {
    Some(match c {
        'ه' => 'ە',
        'ی' => 'ێ',
        'و' => 'ۆ',
        'ل' => 'ڵ',
        'ر' => 'ڕ',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_walked_from_the_first_word_are_the_pairs_looked_up_whole() {
        let ctx = Context::embedded();
        // Pairs of the map itself, and pairs it does not hold.
        let held: Vec<(String, u64)> = {
            use fst::Streamer;
            let mut stream = ctx.map.stream();
            let mut held = Vec::new();
            while let Some((key, count)) = stream.next() {
                let key = String::from_utf8(key.to_vec()).expect("UTF-8 keys");
                if key.contains(' ') && held.len() < 200 {
                    held.push((key, count));
                }
            }
            held
        };
        assert!(held.len() >= 100, "the context model holds pairs");
        for (pair, count) in &held {
            let (a, b) = pair.split_once(' ').expect("a pair");
            let (count_a, start) = ctx.word(a);
            assert_eq!(count_a, ctx.count(a), "{a}");
            let start = start.expect("a word that starts a pair");
            assert_eq!(ctx.pair_count(start, b), *count, "{pair}");
            assert_eq!(ctx.pair_count(start, &format!("{b}ێکی")), ctx.count(&format!("{a} {b}ێکی")), "{pair}");
            assert_eq!(ctx.pair_count(start, &b[..b.len() - b.chars().last().map_or(0, char::len_utf8)]), {
                let shorter = &pair[..pair.len() - pair.chars().last().map_or(0, char::len_utf8)];
                ctx.count(shorter)
            });
        }
        assert_eq!(ctx.word("ئەمەوشەیەکینییە"), (0, None));
    }
}
