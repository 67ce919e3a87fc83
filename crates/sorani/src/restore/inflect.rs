//! Inflected forms the lexicon lacks: a lexicon word followed by a chain of
//! nominal suffixes (`قۆناخ|م`, `تاقیکردنەوە|کان|م`). Long chains such as
//! these are too many to list, so a word typed without its vowels would
//! otherwise stay unrestored.
//!
//! The chains are built from the morphology's suffix table (slots strictly
//! increasing outwards, each suffix's condition on what precedes it), and
//! kept as an fst so the candidate walk can read a typed ending against them
//! under the same keyboard confusions as the stem.

use std::borrow::Cow;
use std::sync::LazyLock;

use crate::lexicon::FstBytes;
use crate::morph::affix::{Cond, NOMINAL, VARIANT_SUFFIXES};

/// At most this many suffixes in a chain.
const MAX_CHAIN: usize = 3;

/// The condition of a chain's first suffix as one bit (a chain's value holds
/// the union over the chains spelled alike, and the suffix count above
/// [`COUNT_SHIFT`]).
fn cond_bit(cond: Cond) -> u64 {
    match cond {
        Cond::Any => 1,
        Cond::Cons => 2,
        Cond::ConsUu => 4,
        Cond::AE => 8,
        Cond::IY => 16,
        Cond::Vowel => 32,
        Cond::ConsUuYii => 64,
        Cond::LoneI => 128,
        Cond::VowelI => 256,
    }
}

const CONDS: [Cond; 9] =
    [Cond::Any, Cond::Cons, Cond::ConsUu, Cond::AE, Cond::IY, Cond::Vowel, Cond::ConsUuYii, Cond::LoneI, Cond::VowelI];

/// The bits of a chain's value below the suffix count (one per [`CONDS`]).
const COUNT_SHIFT: u32 = 16;

static CHAINS: LazyLock<fst::Map<FstBytes>> = LazyLock::new(|| {
    let mut chains: Vec<(String, u64)> = Vec::new();
    fn extend(chain: &mut String, first: Option<Cond>, slot: u8, len: usize, out: &mut Vec<(String, u64)>) {
        if len == MAX_CHAIN {
            return;
        }
        // (not the variants that restoration does not write)
        for suffix in NOMINAL.iter().filter(|s| s.slot > slot && !VARIANT_SUFFIXES.contains(&s.text)) {
            if first.is_some() && !suffix.cond.ok(chain) {
                continue;
            }
            let at = chain.len();
            chain.push_str(suffix.text);
            let first = first.unwrap_or(suffix.cond);
            out.push((chain.clone(), cond_bit(first) | ((len as u64 + 1) << COUNT_SHIFT)));
            extend(chain, Some(first), suffix.slot, len + 1, out);
            chain.truncate(at);
        }
    }
    extend(&mut String::new(), None, 0, 0, &mut chains);
    chains.sort();
    // Chains spelled alike: any of their first conditions may hold, and the
    // shortest analysis counts.
    let mut merged: Vec<(String, u64)> = Vec::with_capacity(chains.len());
    for (text, value) in chains {
        match merged.last_mut() {
            Some((last, v)) if *last == text => {
                let len = (*v >> COUNT_SHIFT).min(value >> COUNT_SHIFT);
                *v = ((*v | value) & ((1 << COUNT_SHIFT) - 1)) | (len << COUNT_SHIFT);
            }
            _ => merged.push((text, value)),
        }
    }
    let bytes = fst::Map::from_iter(merged).expect("chains are sorted and unique").into_fst().into_inner();
    fst::Map::new(Cow::Owned(bytes)).expect("a freshly built fst")
});

/// The suffix chains, each valued by [`fits`]'s mask and its suffix count.
pub(crate) fn chains() -> &'static fst::Map<FstBytes> {
    &CHAINS
}

/// Whether a chain with value `value` may follow `stem`.
pub(crate) fn fits(value: u64, stem: &str) -> bool {
    CONDS.iter().any(|&c| value & cond_bit(c) != 0 && c.ok(stem))
}

/// How many suffixes the chain with value `value` has.
pub(crate) fn suffix_count(value: u64) -> u64 {
    value >> COUNT_SHIFT
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chains_follow_the_suffix_order_and_conditions() {
        let get = |s: &str| chains().get(s);
        // ەکان (slot 2) + م (slot 5); کان after a vowel.
        assert!(get("ەکانم").is_some_and(|v| fits(v, "قۆناخ") && !fits(v, "چیرۆکە")));
        assert!(get("کانم").is_some_and(|v| fits(v, "تاقیکردنەوە") && suffix_count(v) == 2));
        // دا (slot 7) never comes before ەکە (slot 2).
        assert!(get("داەکە").is_none());
        // ەکە needs a consonant before it.
        assert!(get("ەکە").is_some_and(|v| !fits(v, "ماڵا")));
    }
}
