//! Generators and evaluation for the lexicon and restoration data:
//! `cargo xtask lexicon` and `cargo xtask eval-restore`.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use crate::shared::{data_dir, shared_dir, stopwords_base};

/// The letters of standard Sorani (Arabic script) allowed in lexicon words.
pub const SORANI_LETTERS: &str = "ئابپتجچحخدرڕزژسشعغفڤقکگلڵمنهەوۆیێ";

/// Letters that write a vowel (or the glide that carries one).

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
    /// One word per line, counted only for words an earlier source listed.
    Confirming,
}

const LIST_SOURCES: &[ListSource] = &[
    // Word types with corpus frequency >= 10: each is worth 10.
    ListSource { path: "kurdish-hunspell/ALL_ckb_frequency_10_cleaned_sorted.txt", weight: 10, kind: ListKind::Plain },
    ListSource { path: "kurdish-hunspell/ckb-Arab.dic", weight: 3, kind: ListKind::HunspellDic },
    ListSource { path: "klpt-data/lexicon_ckb_arab.json", weight: 3, kind: ListKind::KlptJson },
    ListSource { path: "script-normalization/ckb_Pewan_corpus_wordlist.txt", weight: 10, kind: ListKind::Plain },
    ListSource { path: "script-normalization/SoraniKurdish_dictionary_wordlist.txt", weight: 2, kind: ListKind::Plain },
    // Word types of Sorani Wikipedia: a second, independent corpus, so that a
    // word both corpora attest outweighs a typo only one of them holds. It
    // holds Persian and Arabic words too, so it only confirms words the
    // sources above already list.
    ListSource {
        path: "developerstree-kurdish-resources/bot-ckb.wikipedia.org.wordlist.txt",
        weight: 10,
        kind: ListKind::Confirming,
    },
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
/// an ه that is not word-initial and has no unambiguous vowel letter
/// (ا ێ ۆ ە) beside it, or is final after anything but ا.
pub fn legacy_heh_suspect(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    (0..chars.len()).any(|i| chars[i] == 'ه' && sorani::restore::detect::legacy_heh_at(&chars, i))
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
    // Words of the curated lemma lists (hand-made dictionaries).
    let mut curated: HashSet<String> = HashSet::new();
    for src in LIST_SOURCES {
        let text = read(shared, src.path)?;
        let mut seen = HashSet::new();
        let mut add = |w: &str| {
            if let Some(s) = standard_word(w.trim()) {
                if matches!(src.kind, ListKind::Confirming) && !counts.contains_key(&s) {
                    return;
                }
                if !matches!(src.kind, ListKind::Plain | ListKind::Confirming) {
                    curated.insert(s.clone());
                }
                if seen.insert(s.clone()) {
                    *counts.entry(s).or_default() += src.weight;
                }
            }
        };
        match src.kind {
            ListKind::Plain | ListKind::Confirming => text.lines().for_each(&mut add),
            ListKind::HunspellDic => {
                text.lines().skip(1).for_each(|l| add(l.split(['/', ' ', '\t']).next().unwrap_or("")))
            }
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
    // Drop Arabic/Persian-keyboard spellings: a word never seen in the
    // running text, not in a curated list, whose reading with one Kurdish
    // letter restored (ێ ۆ ڵ ڕ ە for ی و ل ر ه), one dropped ە put back or
    // one و doubled is attested in the running text.
    let mut keyboard_dropped = 0usize;
    let attested = |v: &str| running.get(v).copied().unwrap_or(0);
    let keys: Vec<String> = out.keys().cloned().collect();
    for w in keys {
        let n = out[&w];
        let unattested = attested(&w) == 0 && !curated.contains(&w);
        let chars: Vec<char> = w.chars().collect();
        let mut noisy = false;
        for i in 0..chars.len() {
            let k = match chars[i] {
                // -یت (you) and -ێت (he, she) are both verb endings.
                'ی' if second_person_ending(&chars, i) => continue,
                'ی' => 'ێ',
                'و' => 'ۆ',
                'ل' => 'ڵ',
                'ر' => 'ڕ',
                'ه' => 'ە',
                'ب' => 'پ',
                'ج' => 'چ',
                'ز' => 'ژ',
                'ک' => 'گ',
                'ف' => 'ڤ',
                _ => continue,
            };
            let mut v = chars.clone();
            v[i] = k;
            let v: String = v.iter().collect();
            // Unattested beside an attested Kurdish-letter reading, or
            // far rarer than it.
            let m = out.get(&v).copied().unwrap_or(0);
            if (unattested && attested(&v) >= 1 && "یولره".contains(chars[i]))
                || (attested(&v) >= 2 && m >= n.saturating_mul(5))
            {
                noisy = true;
                break;
            }
        }
        if !noisy && unattested {
            for i in 1..chars.len() {
                let mut v = chars.clone();
                v.insert(i, 'ە');
                if attested(&v.iter().collect::<String>()) >= 2 {
                    noisy = true;
                    break;
                }
            }
        }
        // Nor one whose single و reads as an attested وو (ū): نمونە beside
        // نموونە.
        if !noisy && unattested {
            noisy = (1..chars.len()).any(|i| {
                let single = chars[i] == 'و' && chars[i - 1] != 'و' && chars.get(i + 1) != Some(&'و');
                let mut v = chars.clone();
                v.insert(i, 'و');
                single && attested(&v.iter().collect::<String>()) >= 1
            });
        }
        if noisy {
            out.remove(&w);
            keyboard_dropped += 1;
        }
    }
    let raised = raise_function_words(&mut out)?;
    eprintln!(
        "lexicon: {} words kept, {} legacy-looking spellings dropped, {} keyboard spellings dropped, {} function words raised",
        out.len(),
        dropped,
        keyboard_dropped,
        raised
    );
    Ok(out)
}

/// Raises every function word of the hand-written list
/// (`data/morph/stopwords-base.txt`) of two letters or more to the median
/// count of those words: function words are among the most frequent words
/// of any text, but 67K words of running text count each one too unevenly
/// to rank them against content words (چی 4 times beside جێ 15, چۆن 7
/// beside the name جۆن 12). Returns how many were raised.
fn raise_function_words(counts: &mut BTreeMap<String, u64>) -> Result<usize> {
    let words: Vec<String> =
        stopwords_base()?.iter().filter(|w| w.chars().count() >= 2).filter_map(|w| standard_word(w)).collect();
    let mut known: Vec<u64> = words.iter().filter_map(|w| counts.get(w).copied()).collect();
    known.sort_unstable();
    let Some(&median) = known.get(known.len() / 2) else { return Ok(0) };
    let mut raised = 0;
    // Only words the sources have: the list holds a colloquial چون that the
    // keyboard filter rightly drops beside چۆن and چوون.
    for w in &words {
        let Some(n) = counts.get_mut(w) else { continue };
        if *n < median {
            *n = median;
            raised += 1;
        }
    }
    Ok(raised)
}

/// Whether the ی at `i` of `word` is that of the verb ending -یت (you),
/// perhaps followed by -ەوە: its reading as ێ (-ێت, he or she) is another
/// word, not the standard spelling of this one.
fn second_person_ending(word: &[char], i: usize) -> bool {
    let rest: String = word[i + 1..].iter().collect();
    i > 0 && (rest == "ت" || rest == "تەوە")
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
    let total: u64 = counts.values().sum();
    fs::write(out.with_extension("total"), format!("{total}\n"))?;
    eprintln!("wrote {} ({} bytes)", out.display(), fs::metadata(&out)?.len());
    if flag(args, "--out").is_none() {
        let lex = sorani::lexicon::Lexicon::from_bytes(fs::read(&out)?)?;
        let letters = data_dir().join("restore").join("letters.tsv");
        fs::write(&letters, sorani::restore::letter_statistics_tsv(&lex))?;
        eprintln!("wrote {}", letters.display());
    }
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
        for (w, want) in [
            ("سهر", true),
            ("شاه", false),
            ("هات", false),
            ("ئهو", true),
            ("ده", true),
            ("هەر", false),
            ("گوناه", false),
            ("شتەکه", true),
            ("بانگهێشت", false),
            ("یهک", true),
        ] {
            assert_eq!(legacy_heh_suspect(w), want, "{w}");
        }
    }

    #[test]
    fn second_person_endings() {
        let at_last_yeh = |w: &str| {
            let chars: Vec<char> = w.chars().collect();
            let i = chars.iter().rposition(|&c| c == 'ی').expect("a ی");
            second_person_ending(&chars, i)
        };
        for (w, want) in [
            ("دەزانیت", true),
            ("بدۆزیتەوە", true),
            ("بیت", true),
            // Not the ending: ی elsewhere, or other letters after it.
            ("بیری", false),
            ("کاتیک", false),
            ("یت", false),
            ("بیتان", false),
        ] {
            assert_eq!(at_last_yeh(w), want, "{w}");
        }
    }
}

/// Counts of single words and adjacent word pairs (`"a b"`) in running text,
/// standardized; pairs across punctuation are not counted.
pub fn context_counts(texts: &[String]) -> BTreeMap<String, u64> {
    let mut counts: HashMap<String, u64> = HashMap::new();
    for text in texts {
        for line in text.lines() {
            let mut prev: Option<String> = None;
            // Tokens separated by white space; punctuation breaks a pair.
            for raw in line.split_whitespace() {
                let core = raw.trim_matches(|c: char| !is_word_char(c));
                let clean = core.chars().all(is_word_char) && !core.is_empty();
                let word = if clean { standard_word(core) } else { None };
                match word {
                    Some(w) => {
                        if !raw.starts_with(core) {
                            prev = None;
                        }
                        *counts.entry(w.clone()).or_default() += 1;
                        if let Some(p) = &prev {
                            *counts.entry(format!("{p} {w}")).or_default() += 1;
                        }
                        prev = if raw.ends_with(core) { Some(w) } else { None };
                    }
                    None => prev = None,
                }
            }
        }
    }
    counts.into_iter().collect()
}

/// `cargo xtask restore-data [--shared DIR] [--corpus FILE]... [--out FILE]`:
/// the word-pair context model. Without `--corpus`, from the redistributable
/// running text only (the embedded default, data/restore/context.fst).
pub fn restore_data(args: &[String]) -> Result<()> {
    let shared = shared_dir(args).join("data");
    let corpora: Vec<&String> =
        args.iter().enumerate().filter(|(i, _)| *i > 0 && args[i - 1] == "--corpus").map(|(_, a)| a).collect();
    let mut texts = Vec::new();
    if corpora.is_empty() {
        for rel in RUNNING_TEXT {
            texts.push(read(&shared, rel)?);
        }
    } else {
        for path in &corpora {
            texts.push(
                String::from_utf8_lossy(&fs::read(path).with_context(|| format!("reading {path}"))?).into_owned(),
            );
        }
    }
    let counts = context_counts(&texts);
    let out = flag(args, "--out").map(PathBuf::from).unwrap_or_else(|| data_dir().join("restore").join("context.fst"));
    write_fst(&out, counts.iter().map(|(k, &v)| (k.as_str(), v)))?;
    let words: u64 = counts.iter().filter(|(k, _)| !k.contains(' ')).map(|(_, v)| v).sum();
    fs::write(out.with_extension("total"), format!("{words}\n"))?;
    eprintln!("wrote {} ({} entries, {} bytes)", out.display(), counts.len(), fs::metadata(&out)?.len());
    Ok(())
}

// ---------------------------------------------------------------------------
// eval-restore

/// A small deterministic random generator (xorshift64*), so dev sets are
/// the same on every run.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next_f32(&mut self) -> f32 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        ((self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 40) as f32) / (1u64 << 24) as f32
    }
    pub fn chance(&mut self, p: f32) -> bool {
        self.next_f32() < p
    }
}

/// How a keyboard without the Kurdish letters types standard text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Noise {
    /// Legacy Kurdish keyboard: ە → ه, ک → ك.
    Legacy,
    /// Legacy Kurdish keyboard that has ک: ە → ه only.
    LegacyHeh,
    /// Arabic keyboard; `drop` = probability of dropping a vowel / hamza seat.
    Arabic { drop: f32 },
    /// Persian keyboard.
    Persian { drop: f32 },
    /// A legacy non-Unicode font (text copied out of a document set in it).
    Font(sorani::restore::Font),
}

/// Writes `c` as text set in `font` holds it: at the code points the font
/// draws it at (the tables `sorani::restore::font` decodes), or itself.
/// `next_letter`: whether a letter follows (Zarnegar writes ە as ه at a
/// word's end, ه + ZWNJ inside one).
fn push_in_font(c: char, font: sorani::restore::Font, next_letter: bool, out: &mut String) {
    use sorani::restore::Font;
    let moved = match (font, c) {
        (Font::AliK, 'ێ') => "يَ",
        (Font::AliK, 'ڵ') => "لَ",
        (Font::AliK, 'ڕ') => "رِ",
        (Font::AliWeb, 'ێ') => "ص",
        (Font::AliWeb, 'ڵ') => "پ",
        (Font::AliWeb, 'ڕ') => "أ",
        (Font::Dylan, 'ێ') => "ث",
        (Font::Dylan, 'ڵ') => "ص",
        (Font::Dylan, 'ڤ') => "ض",
        (Font::Dylan, 'ڕ') => "ذ",
        (Font::Dylan, 'پ' | 'چ' | 'ژ' | 'گ') => {
            out.push(c);
            return;
        }
        (Font::Zarnegar, 'ێ') => "یٌ",
        (Font::Zarnegar, 'ڵ') => "لٌ",
        (Font::Zarnegar, 'ڕ') => "رٍ",
        (Font::Zarnegar, 'ۆ') => "وٌ",
        (Font::Zarnegar, 'ە') => {
            out.push_str(if next_letter { "ه\u{200C}" } else { "ه" });
            return;
        }
        (Font::Zarnegar, _) => {
            out.push(c);
            return;
        }
        (_, 'ە') => "ة",
        (_, 'ۆ') => "ؤ",
        (_, 'ک') => "ك",
        (_, 'ی') => "ي",
        (_, 'پ') => "ث",
        (_, 'چ') => "ض",
        (_, 'ڤ') => "ظ",
        (_, 'ژ') => "ذ",
        (_, 'گ') => "ط",
        _ => {
            out.push(c);
            return;
        }
    };
    out.push_str(moved);
}

/// Corrupts standard text as typed with `noise`.
pub fn corrupt(text: &str, noise: Noise, rng: &mut Rng) -> String {
    corrupt_with_habits(text, noise, 0.0, 0.0, rng)
}

/// [`corrupt`], and on Arabic and Persian keyboards a ە inside a word typed
/// as ه or ة is followed by a space with probability `split` (writers space
/// it to show the vowel's final form: سه رۆك; the ScriptNormalization
/// alignment matrices give ە → "ه " as often as ە → ه); a ێ, ۆ or single
/// و inside a word is dropped with probability `vowels` (those matrices
/// drop each about a quarter of the time).
pub fn corrupt_with_habits(text: &str, noise: Noise, split: f32, vowels: f32, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    let is_letter = |c: char| matches!(c, '\u{0620}'..='\u{064A}' | '\u{0671}'..='\u{06D5}');
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let prev_letter = i > 0 && is_letter(chars[i - 1]);
        let next_letter = chars.get(i + 1).is_some_and(|&n| is_letter(n));
        let initial = !prev_letter;
        match noise {
            Noise::Legacy => out.push(match c {
                'ە' => 'ه',
                'ک' => 'ك',
                o => o,
            }),
            Noise::LegacyHeh => out.push(if c == 'ە' { 'ه' } else { c }),
            Noise::Font(font) => push_in_font(c, font, next_letter, &mut out),
            Noise::Arabic { drop } | Noise::Persian { drop } => {
                let arabic = matches!(noise, Noise::Arabic { .. });
                // ئ + vowel at the start of a word typed as a bare ا.
                if initial
                    && c == 'ئ'
                    && chars.get(i + 1).is_some_and(|&n| "ەێۆوی".contains(n))
                    && rng.chance(drop * 2.0)
                {
                    out.push('ا');
                    i += 2;
                    continue;
                }
                if c == 'و' && chars.get(i + 1) == Some(&'و') && rng.chance(drop * 2.0) {
                    out.push('و');
                    i += 2;
                    continue;
                }
                let single_waw = c == 'و' && chars.get(i + 1) != Some(&'و') && (i == 0 || chars[i - 1] != 'و');
                if vowels > 0.0
                    && !initial
                    && next_letter
                    && (matches!(c, 'ێ' | 'ۆ') || single_waw)
                    && rng.chance(vowels)
                {
                    i += 1;
                    continue;
                }
                let s: &str = match c {
                    'ە' if !initial && next_letter && rng.chance(drop) => "",
                    'ە' if !next_letter && arabic => {
                        if rng.chance(0.5) {
                            "ة"
                        } else {
                            "ه"
                        }
                    }
                    'ە' => "ه",
                    'ێ' => {
                        if arabic {
                            "ي"
                        } else {
                            "ی"
                        }
                    }
                    'ۆ' => "و",
                    'ڵ' => "ل",
                    'ڕ' => "ر",
                    'ڤ' => "ف",
                    'ی' if arabic => "ي",
                    'ک' if arabic => "ك",
                    'گ' if arabic => "ك",
                    'پ' if arabic => "ب",
                    'چ' if arabic => "ج",
                    'ژ' if arabic => "ز",
                    _ => "",
                };
                if s.is_empty() && !(c == 'ە' && !initial && next_letter) {
                    out.push(c);
                } else {
                    out.push_str(s);
                    if c == 'ە' && !s.is_empty() && next_letter && split > 0.0 && rng.chance(split) {
                        out.push(' ');
                    }
                }
            }
        }
        i += 1;
    }
    out
}

/// Words of a line for scoring: normalized, punctuation and digits folded.
pub fn score_words(line: &str) -> Vec<String> {
    let norm = sorani::normalize(line);
    norm.split(|c: char| !is_word_char(c) && !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.replace('ھ', "ه").replace('\u{200C}', ""))
        .collect()
}

/// Edit distance between two sequences.
pub fn edit_distance<T: PartialEq>(a: &[T], b: &[T]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, x) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(x != y)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Word and character error rates of `hyp` against `gold`.
#[derive(Default, Clone, Copy)]
pub struct Errors {
    pub word_errors: usize,
    pub words: usize,
    pub char_errors: usize,
    pub chars: usize,
}

impl Errors {
    pub fn add(&mut self, gold: &str, hyp: &str) {
        let g = score_words(gold);
        let h = score_words(hyp);
        self.word_errors += edit_distance(&g, &h);
        self.words += g.len();
        let gc: Vec<char> = g.join(" ").chars().collect();
        let hc: Vec<char> = h.join(" ").chars().collect();
        self.char_errors += edit_distance(&gc, &hc);
        self.chars += gc.len();
    }
    pub fn wer(&self) -> f64 {
        100.0 * self.word_errors as f64 / self.words.max(1) as f64
    }
    pub fn cer(&self) -> f64 {
        100.0 * self.char_errors as f64 / self.chars.max(1) as f64
    }
}

/// Dev sentences: clean standard lines of awta-en-ckb (never used to build
/// the shipped data), without digits or Latin, 4–40 words.
fn dev_sentences(shared: &Path, n: usize, offset: usize) -> Result<Vec<String>> {
    let text = read(shared, "awta-en-ckb/100000_samples_ku.txt")?;
    let mut out = Vec::new();
    for line in text.lines().skip(1 + offset).step_by(37) {
        let line = line.trim();
        let words = line.split_whitespace().count();
        if !(4..=40).contains(&words) || line.chars().any(|c| c.is_ascii_alphanumeric() || c.is_numeric()) {
            continue;
        }
        if sorani::restore::detect(line).convention != sorani::restore::Convention::Standard {
            continue;
        }
        out.push(line.to_string());
        if out.len() >= n {
            break;
        }
    }
    Ok(out)
}

const PEER_SCRIPT: &str = r#"
import sys
which = sys.argv[1]
if which == "asosoft":
    import asosoft
    f = asosoft.Normalize
elif which == "klpt":
    from klpt.preprocess import Preprocess
    p = Preprocess("Sorani", "Arabic", numeral="Latin")
    f = p.preprocess
elif which == "ckb-textify":
    from ckb_textify import Pipeline, NormalizationConfig
    p = Pipeline(NormalizationConfig())
    f = p.normalize
for line in sys.stdin.read().split("\n"):
    try:
        out = f(line)
    except Exception:
        out = line
    sys.stdout.write(out.replace("\n", " ") + "\n")
"#;

fn run_peer(python: &str, peer: &str, lines: &[String]) -> Option<Vec<String>> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(python)
        .args(["-c", PEER_SCRIPT, peer])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let input = lines.join("\n");
    let mut stdin = child.stdin.take()?;
    std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    let out = child.wait_with_output().ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let v: Vec<String> = text.lines().map(str::to_string).collect();
    (v.len() >= lines.len()).then(|| v[..lines.len()].to_vec())
}

/// `cargo xtask eval-restore [--shared DIR] [--n N] [--no-peers] [--python PY] [--show K]`.
pub fn eval_restore(args: &[String]) -> Result<()> {
    use sorani::restore::{Font, RestoreMode, RestoreOptions, Restorer};
    let shared = shared_dir(args).join("data");
    if !shared.join("awta-en-ckb").is_dir() {
        eprintln!("eval-restore: skipped: {} not found (give --shared DIR)", shared.join("awta-en-ckb").display());
        return Ok(());
    }
    let n: usize = flag(args, "--n").map(str::parse).transpose()?.unwrap_or(1000);
    let show: usize = flag(args, "--show").map(str::parse).transpose()?.unwrap_or(0);
    let python = if args.iter().any(|a| a == "--no-peers") {
        None
    } else {
        flag(args, "--python").map(str::to_string).or_else(|| {
            let p = "/tmp/sorani-peers-venv/bin/python";
            Path::new(p).exists().then(|| p.to_string())
        })
    };
    let sentences = dev_sentences(&shared, n, 0)?;
    let only = flag(args, "--only");
    let auto = Restorer::new();
    // Load the embedded data before timing anything.
    let _ = auto.restore_as("ههروهها سهرۆك", sorani::restore::Convention::LegacyKeyboard);
    let _ = auto.restore_as("خوش", sorani::restore::Convention::ArabicKeyboard);
    let always = Restorer::with_options(RestoreOptions { mode: RestoreMode::Always, from: None });
    println!(
        "eval-restore: {} held-out sentences from awta-en-ckb (not used to build the shipped data)",
        sentences.len()
    );
    println!("{:<34} {:>8} {:>8}   peers (WER / CER)", "set", "WER %", "CER %");
    // (name, noise, share of inner ە spaced, share of ێ ۆ و dropped)
    let sets: [(&str, Option<Noise>, f32, f32); 15] = [
        ("legacy ه/ك keyboard", Some(Noise::Legacy), 0.0, 0.0),
        ("Arabic keyboard (drop 0.1)", Some(Noise::Arabic { drop: 0.1 }), 0.0, 0.0),
        ("Persian keyboard (drop 0.1)", Some(Noise::Persian { drop: 0.1 }), 0.0, 0.0),
        ("heavy Arabic noise (drop 0.4)", Some(Noise::Arabic { drop: 0.4 }), 0.0, 0.0),
        ("heavy Persian noise (drop 0.4)", Some(Noise::Persian { drop: 0.4 }), 0.0, 0.0),
        ("already standard (auto)", None, 0.0, 0.0),
        // Last, so that the sets above keep their random seeds.
        ("legacy ه keyboard (ک kept)", Some(Noise::LegacyHeh), 0.0, 0.0),
        ("Arabic keyboard, ە spaced (0.25)", Some(Noise::Arabic { drop: 0.1 }), 0.25, 0.0),
        ("Persian keyboard, ە spaced (0.25)", Some(Noise::Persian { drop: 0.1 }), 0.25, 0.0),
        ("Arabic keyboard, ێ ۆ و dropped (0.2)", Some(Noise::Arabic { drop: 0.1 }), 0.0, 0.2),
        ("Persian keyboard, ێ ۆ و dropped (0.2)", Some(Noise::Persian { drop: 0.1 }), 0.0, 0.2),
        ("Ali-K font", Some(Noise::Font(Font::AliK)), 0.0, 0.0),
        ("Ali-Web font", Some(Noise::Font(Font::AliWeb)), 0.0, 0.0),
        ("Dylan font", Some(Noise::Font(Font::Dylan)), 0.0, 0.0),
        ("Zarnegar font", Some(Noise::Font(Font::Zarnegar)), 0.0, 0.0),
    ];
    for (si, &(name, noise, split, vowels)) in sets.iter().enumerate() {
        if only.is_some_and(|o| !name.contains(o)) {
            continue;
        }
        let mut rng = Rng::new(0x5EED + si as u64);
        let noisy: Vec<String> = match noise {
            Some(noise) => sentences.iter().map(|s| corrupt_with_habits(s, noise, split, vowels, &mut rng)).collect(),
            None => sentences.clone(),
        };
        let start = std::time::Instant::now();
        let outputs: Vec<String> = noisy.iter().map(|s| auto.restore(s).into_owned()).collect();
        let elapsed = start.elapsed();
        let mut errs = Errors::default();
        let mut shown = 0;
        for ((gold, hyp), inp) in sentences.iter().zip(&outputs).zip(&noisy) {
            let before = errs.word_errors;
            errs.add(gold, hyp);
            if errs.word_errors > before && shown < show {
                shown += 1;
                eprintln!("--- {name}\n  in:   {inp}\n  out:  {hyp}\n  gold: {gold}");
            }
        }
        let mut peer_cols = String::new();
        if noise.is_some() {
            if let Some(py) = &python {
                for peer in ["asosoft", "klpt", "ckb-textify"] {
                    if let Some(out) = run_peer(py, peer, &noisy) {
                        let mut e = Errors::default();
                        for (g, h) in sentences.iter().zip(&out) {
                            e.add(g, h);
                        }
                        peer_cols.push_str(&format!("  {peer} {:.1}/{:.1}", e.wer(), e.cer()));
                    }
                }
            }
        }
        let mb = noisy.iter().map(String::len).sum::<usize>() as f64 / 1e6;
        println!(
            "{:<34} {:>8.2} {:>8.2}   {}  [{:.1} MB/s, 1 thread, cold cache]",
            name,
            errs.wer(),
            errs.cer(),
            peer_cols,
            mb / elapsed.as_secs_f64().max(1e-9)
        );
        if let Some(Noise::Font(_)) = noise {
            // A document set in a font: its lines read together.
            let document = noisy.join("\n");
            let restored = auto.restore_lines(&document);
            let mut errs = Errors::default();
            for (gold, hyp) in sentences.iter().zip(restored.split('\n')) {
                errs.add(gold, hyp);
            }
            println!("{:<34} {:>8.2} {:>8.2}", format!("{name}, as one document"), errs.wer(), errs.cer());
        }
        if noise.is_none() {
            let mut changed = 0usize;
            let mut tokens = 0usize;
            for s in &sentences {
                let r = always.restore_explained(s);
                changed += r.changes.len();
                tokens += score_words(s).len();
            }
            println!(
                "{:<34} {:>8.3} % of tokens changed (auto: {:.3} %)",
                "already standard (always)",
                100.0 * changed as f64 / tokens.max(1) as f64,
                errs.wer()
            );
        }
    }
    if only.is_none() {
        foreign_lines_taken_for_fonts(&shared)?;
    }
    Ok(())
}

/// How many Arabic and Persian lines of kurdish-lid (each whole and as its
/// first 1–6 words) `detect` takes for a legacy font's: their own
/// ث ذ ص ض ط ظ and harakat are the code points fonts drew Kurdish letters at.
fn foreign_lines_taken_for_fonts(shared: &Path) -> Result<()> {
    use sorani::restore::{detect, Convention};
    for (language, file) in
        [("Arabic", "kurdish-lid/Arabic-arab_train.txt"), ("Persian", "kurdish-lid/Persian-arab_train.txt")]
    {
        let Ok(text) = read(shared, file) else { continue };
        let (mut texts, mut fonts) = (0usize, 0usize);
        for (i, line) in text.lines().enumerate() {
            let words: Vec<&str> = line.split_whitespace().collect();
            if words.is_empty() {
                continue;
            }
            let piece = words[..words.len().min(1 + i % 6)].join(" ");
            for t in [line, piece.as_str()] {
                texts += 1;
                fonts += usize::from(matches!(detect(t).convention, Convention::LegacyFont(_)));
            }
        }
        println!("{language} lines and pieces taken for a legacy font: {fonts} of {texts} (kurdish-lid)");
    }
    Ok(())
}

/// `cargo xtask restore-corpus --noise legacy|arabic|persian|ali-k|ali-web|dylan|zarnegar|none --mb N --out FILE`:
/// a benchmark corpus of clean awta-en-ckb text (repeated to N MB) typed
/// with the given keyboard or set in the given legacy font.
pub fn restore_corpus(args: &[String]) -> Result<()> {
    let shared = shared_dir(args).join("data");
    let noise = match flag(args, "--noise").unwrap_or("legacy") {
        "legacy" => Some(Noise::Legacy),
        "arabic" => Some(Noise::Arabic { drop: 0.1 }),
        "persian" => Some(Noise::Persian { drop: 0.1 }),
        "ali-k" => Some(Noise::Font(sorani::restore::Font::AliK)),
        "ali-web" => Some(Noise::Font(sorani::restore::Font::AliWeb)),
        "dylan" => Some(Noise::Font(sorani::restore::Font::Dylan)),
        "zarnegar" => Some(Noise::Font(sorani::restore::Font::Zarnegar)),
        "none" => None,
        other => bail!("unknown --noise `{other}` (legacy, arabic, persian, ali-k, ali-web, dylan, zarnegar, none)"),
    };
    let mb: usize = flag(args, "--mb").map(str::parse).transpose()?.unwrap_or(20);
    let out = flag(args, "--out").context("--out FILE is required")?;
    let text = read(&shared, "awta-en-ckb/100000_samples_ku.txt")?;
    let mut rng = Rng::new(7);
    let mut buf = String::with_capacity(mb << 20);
    'outer: loop {
        for line in text.lines().skip(1) {
            match noise {
                Some(n) => buf.push_str(&corrupt(line, n, &mut rng)),
                None => buf.push_str(line),
            }
            buf.push('\n');
            if buf.len() >= mb << 20 {
                break 'outer;
            }
        }
    }
    fs::write(out, &buf)?;
    eprintln!("wrote {out} ({} bytes)", buf.len());
    Ok(())
}
