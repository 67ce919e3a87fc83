//! The context model: counts of words and adjacent word pairs in standard
//! running text (an fst map whose keys are `"word"` and `"word1 word2"`),
//! and a letter-context table learned from the lexicon for words the lexicon
//! does not know.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::lexicon::Lexicon;

static CONTEXT_FST: &[u8] = include_bytes!("../../data/restore/context.fst");

static EMBEDDED: LazyLock<Context> =
    LazyLock::new(|| Context::from_bytes(CONTEXT_FST.to_vec()).expect("the embedded context model is a valid fst map"));

/// Word and word-pair counts.
pub(crate) struct Context {
    map: fst::Map<Vec<u8>>,
    /// Total of the single-word counts.
    words: u64,
}

impl Context {
    pub(crate) fn embedded() -> &'static Context {
        &EMBEDDED
    }

    pub(crate) fn from_bytes(bytes: Vec<u8>) -> Result<Context, fst::Error> {
        let map = fst::Map::new(bytes)?;
        let mut words = 0u64;
        let mut stream = map.stream();
        while let Some((k, v)) = fst::Streamer::next(&mut stream) {
            if !k.contains(&b' ') {
                words += v;
            }
        }
        Ok(Context { map, words: words.max(1) })
    }

    pub(crate) fn count(&self, key: &str) -> u64 {
        self.map.get(key).unwrap_or(0)
    }

    /// How much more often `a b` occurs than chance, as a log-ratio bonus
    /// (0 when there is no positive evidence).
    pub(crate) fn pair_bonus(&self, a: &str, b: &str, buf: &mut String) -> f32 {
        buf.clear();
        buf.push_str(a);
        buf.push(' ');
        buf.push_str(b);
        let pair = self.count(buf);
        if pair == 0 {
            return 0.0;
        }
        let ca = self.count(a) as f64;
        let cb = self.count(b) as f64;
        let expected = ca * cb / self.words as f64;
        (((pair as f64 + 0.5) / (expected + 0.5)).ln().max(0.0)) as f32
    }
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

static LETTERS: LazyLock<LetterTable> = LazyLock::new(|| LetterTable::build(Lexicon::embedded()));

impl LetterTable {
    pub(crate) fn embedded() -> &'static LetterTable {
        &LETTERS
    }

    fn build(lex: &Lexicon) -> LetterTable {
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
