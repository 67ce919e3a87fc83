//! Generators and evaluation for the lexicon and restoration data:
//! `cargo xtask lexicon` and `cargo xtask eval-restore`.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use crate::shared::{data_dir, shared_dir};

/// The letters of standard Sorani (Arabic script) allowed in lexicon words.
pub const SORANI_LETTERS: &str = "ئابپتجچحخدرڕزژسشعغفڤقکگلڵمنهەوۆیێ";

/// Letters that write a vowel (or the glide that carries one).
const VOWELS: &str = "اوۆیێە";

/// Pseudo-counts for being listed in a word list without counts.
struct ListSource {
    path: &'static str,
    weight: u64,
    kind: ListKind,
}

#[derive(Clone, Copy)]
enum ListKind {
    /// One word per line.
    Plain,
    /// Hunspell .dic: first line is a count, then `word/FLAGS tags`.
    HunspellDic,
    /// KLPT lexicon JSON: `{"Lexicon": {word: [...]}}`.
    KlptJson,
}

const LIST_SOURCES: &[ListSource] = &[
    // Word types with corpus frequency >= 10: each is worth 10.
    ListSource { path: "kurdish-hunspell/ALL_ckb_frequency_10_cleaned_sorted.txt", weight: 10, kind: ListKind::Plain },
    ListSource { path: "kurdish-hunspell/ckb-Arab.dic", weight: 3, kind: ListKind::HunspellDic },
    ListSource { path: "klpt-data/lexicon_ckb_arab.json", weight: 3, kind: ListKind::KlptJson },
    ListSource { path: "script-normalization/ckb_Pewan_corpus_wordlist.txt", weight: 10, kind: ListKind::Plain },
    ListSource { path: "script-normalization/SoraniKurdish_dictionary_wordlist.txt", weight: 2, kind: ListKind::Plain },
];

/// Running text with real counts (redistributable: MIT).
const RUNNING_TEXT: &[&str] = &["kurdish-lid/CentralKurdish-arab_train.txt"];
/// Each occurrence in running text is worth this much.
const RUNNING_WEIGHT: u64 = 10;

/// Splits `text` into maximal runs of Arabic-script word characters (letters,
/// ZWNJ and combining marks), standardized with [`standard_word`].
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty())
}

fn is_word_char(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{064A}' | '\u{064B}'..='\u{065F}' | '\u{0670}'..='\u{06D5}' | '\u{200C}' | '\u{200D}')
}

/// The standard form of a word for the lexicon: deterministic folds of
/// [`sorani::lexicon::lookup_key`] plus word-initial ر → ڕ. `None` when the
/// word has a letter outside standard Sorani.
pub fn standard_word(word: &str) -> Option<String> {
    let key = sorani::lexicon::lookup_key(word);
    let mut s = key.into_owned();
    if s.starts_with('ر') {
        s.replace_range(0..'ر'.len_utf8(), "ڕ");
    }
    if s.is_empty() || !s.chars().all(|c| SORANI_LETTERS.contains(c)) {
        return None;
    }
    Some(s)
}

/// Whether `word` looks like a legacy spelling with Arabic ه written for ە:
/// it has no ە and an ه after ئ, or final after a consonant, or with no
/// vowel letter on either side.
pub fn legacy_heh_suspect(word: &str) -> bool {
    if word.contains('ە') {
        return false;
    }
    let chars: Vec<char> = word.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c != 'ه' {
            continue;
        }
        let prev = if i > 0 { Some(chars[i - 1]) } else { None };
        let next = chars.get(i + 1).copied();
        let is_vowel = |x: Option<char>| x.is_some_and(|x| VOWELS.contains(x));
        if prev == Some('ئ') {
            return true;
        }
        if next.is_none() && prev.is_some() && !is_vowel(prev) {
            return true;
        }
        if !is_vowel(prev) && !is_vowel(next) {
            return true;
        }
    }
    false
}

/// Variants of `word` with some non-empty subset of its ه turned into ە
/// (at most 2^8 - 1 of them).
fn heh_variants(word: &str) -> Vec<String> {
    let positions: Vec<usize> = word.char_indices().filter(|&(_, c)| c == 'ه').map(|(i, _)| i).collect();
    if positions.is_empty() || positions.len() > 8 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for mask in 1u32..(1 << positions.len()) {
        let mut s = String::with_capacity(word.len());
        let mut last = 0;
        for (bit, &p) in positions.iter().enumerate() {
            s.push_str(&word[last..p]);
            s.push(if mask & (1 << bit) != 0 { 'ە' } else { 'ه' });
            last = p + 'ه'.len_utf8();
        }
        s.push_str(&word[last..]);
        out.push(s);
    }
    out
}

fn read(shared: &Path, rel: &str) -> Result<String> {
    let path = shared.join(rel);
    let bytes = fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Counts of standard words from the redistributable sources.
pub fn lexicon_counts(shared: &Path) -> Result<BTreeMap<String, u64>> {
    let mut counts: HashMap<String, u64> = HashMap::new();
    let mut running: HashMap<String, u64> = HashMap::new();
    for src in LIST_SOURCES {
        let text = read(shared, src.path)?;
        let mut seen = HashSet::new();
        let mut add = |w: &str| {
            if let Some(s) = standard_word(w.trim()) {
                if seen.insert(s.clone()) {
                    *counts.entry(s).or_default() += src.weight;
                }
            }
        };
        match src.kind {
            ListKind::Plain => text.lines().for_each(&mut add),
            ListKind::HunspellDic => text.lines().skip(1).for_each(|l| add(l.split(['/', ' ', '\t']).next().unwrap_or(""))),
            ListKind::KlptJson => {
                let v: serde_json::Value = serde_json::from_str(&text).context("parsing the KLPT lexicon")?;
                if let Some(map) = v.get("Lexicon").and_then(|l| l.as_object()) {
                    map.keys().filter(|k| !k.contains(' ')).for_each(|k| add(k));
                }
            }
        }
    }
    for rel in RUNNING_TEXT {
        let text = read(shared, rel)?;
        for w in words(&text) {
            if let Some(s) = standard_word(w) {
                *running.entry(s).or_default() += 1;
            }
        }
    }
    for (w, n) in &running {
        *counts.entry(w.clone()).or_default() += n * RUNNING_WEIGHT;
    }
    // Drop legacy spellings: a word whose ە-variant is at least as frequent,
    // or that looks like legacy ه-for-ە and is not attested in running text.
    let mut out = BTreeMap::new();
    let mut dropped = 0usize;
    for (w, &n) in &counts {
        let suspect = legacy_heh_suspect(w);
        let better_variant = heh_variants(w).iter().any(|v| {
            let m = counts.get(v).copied().unwrap_or(0);
            m > n || (m == n && m > 0 && suspect)
        });
        let attested = running.get(w).copied().unwrap_or(0) >= 2;
        if better_variant || (suspect && !attested) {
            dropped += 1;
            continue;
        }
        out.insert(w.clone(), n);
    }
    eprintln!("lexicon: {} words kept, {} legacy-looking spellings dropped", out.len(), dropped);
    Ok(out)
}

/// `cargo xtask lexicon [--shared DIR] [--out FILE]`.
pub fn lexicon(args: &[String]) -> Result<()> {
    let shared = shared_dir(args);
    if !shared.join("data").is_dir() {
        bail!("shared data not found at {} (give --shared DIR or set SORANI_SHARED_DIR)", shared.display());
    }
    let data = shared.join("data");
    let counts = lexicon_counts(&data)?;
    let out = flag(args, "--out").map(PathBuf::from).unwrap_or_else(|| data_dir().join("lexicon").join("ckb.fst"));
    write_fst(&out, counts.iter().map(|(k, &v)| (k.as_str(), v)))?;
    eprintln!("wrote {} ({} bytes)", out.display(), fs::metadata(&out)?.len());
    Ok(())
}

/// Writes a sorted (key, value) stream as an fst map.
pub fn write_fst<'a>(path: &Path, items: impl Iterator<Item = (&'a str, u64)>) -> Result<()> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    let mut builder = fst::MapBuilder::memory();
    for (k, v) in items {
        builder.insert(k, v)?;
    }
    fs::write(path, builder.into_inner()?).with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

/// The value following `name` in `args`.
pub fn flag<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heh_suspects() {
        for (w, want) in [("سهر", true), ("شاه", false), ("هات", false), ("ئهو", true), ("ده", true), ("هەر", false), ("گوناه", false)] {
            assert_eq!(legacy_heh_suspect(w), want, "{w}");
        }
    }
}
