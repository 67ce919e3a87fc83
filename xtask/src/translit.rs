//! Transliteration data and evaluation.
//!
//! `cargo xtask translit-exceptions`: rebuilds
//! `crates/sorani/data/translit/exceptions.tsv`, the words whose Latin
//! reading the rules get wrong, from redistributable pairs: the Wergor token
//! pairs (MIT), the UniMorph ckb train rows (CC BY-SA 3.0) and KLPT's two
//! lexicons (CC BY-SA 4.0). A fifth of the Wergor and UniMorph words (chosen
//! by a hash of the Arabic form) is held out: never learned from, scored
//! separately by `cargo xtask eval-translit`.
//!
//! `cargo xtask eval-translit [--errors N] [--learned-errors] [--arabic-errors]`: word accuracy of Arabic → Latin,
//! Latin → Arabic and the Latin → Arabic → Latin round trip on those sets.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;

use anyhow::{bail, Context};
use sorani::translit::{AinStyle, ArabicOptions, LatinOptions, PlainLatin, Transliterator};

use crate::shared::{data_dir, shared_dir};

/// One gold word pair.
#[derive(Debug, Clone)]
pub struct Pair {
    pub latin: String,
    pub arabic: String,
}

/// Stable hash of the Arabic form: pairs with `held_out` true are never learned from.
pub fn held_out(arabic: &str) -> bool {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in arabic.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h % 5 == 0
}

/// The Wergor token pairs (Latin, Arabic), as tokens (with repeats).
pub fn wergor(shared: &Path) -> anyhow::Result<Vec<Pair>> {
    let path = shared.join("data/wergor-transliteration/token_pairs_latin_arabic.tsv");
    let text = std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(text
        .lines()
        .skip(1)
        .filter_map(|l| l.split_once('\t'))
        .map(|(l, a)| Pair { latin: l.trim().to_string(), arabic: a.trim().to_string() })
        .filter(|p| !p.latin.is_empty() && !p.arabic.is_empty())
        .collect())
}

/// The UniMorph ckb train rows: lemma and form of each line-aligned row in both scripts.
pub fn unimorph(shared: &Path) -> anyhow::Result<Vec<Pair>> {
    let ap = shared.join("data/unimorph-ckb/arab/ckb-arab.train");
    let lp = shared.join("data/unimorph-ckb/latn/ckb-latn.train");
    let a = std::fs::read_to_string(&ap).with_context(|| format!("cannot read {}", ap.display()))?;
    let l = std::fs::read_to_string(&lp).with_context(|| format!("cannot read {}", lp.display()))?;
    let mut out = Vec::new();
    for (al, ll) in a.lines().zip(l.lines()) {
        let af: Vec<&str> = al.split('\t').collect();
        let lf: Vec<&str> = ll.split('\t').collect();
        for k in 0..2 {
            if let (Some(ar), Some(la)) = (af.get(k), lf.get(k)) {
                // Multi-word cells and `+` joins are not single words.
                if ar.contains([' ', '+']) || la.contains([' ', '+']) {
                    continue;
                }
                out.push(Pair { latin: la.to_string(), arabic: ar.to_string() });
            }
        }
    }
    Ok(out)
}

/// Single-word entries of a KLPT lexicon (headwords and token forms).
fn klpt_words(path: &Path) -> anyhow::Result<Vec<String>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let v: serde_json::Value = serde_json::from_str(&text)?;
    let Some(lex) = v.get("Lexicon").and_then(|l| l.as_object()) else { bail!("{}: no Lexicon", path.display()) };
    let mut out = Vec::new();
    for (head, val) in lex {
        let forms = val.get("token_forms").and_then(|f| f.as_array());
        match forms {
            Some(forms) => out.extend(forms.iter().filter_map(|f| f.as_str()).map(str::to_string)),
            None => out.push(head.replace('-', "")),
        }
    }
    out.retain(|w| !w.contains(' ') && !w.is_empty());
    Ok(out)
}

/// Lowercased Latin with ë written ’ (the two ع conventions of the gold sets).
/// Whether `c` is an Arabic-script vowel letter.
fn is_vowel_letter(c: char) -> bool {
    matches!(c, 'ا' | 'ە' | 'ێ' | 'ۆ' | 'و' | 'ی')
}

/// `word` without the ئ that stand between two vowels.
fn without_medial_hamza(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut prev = '\0';
    for c in word.chars() {
        if !(c == 'ئ' && is_vowel_letter(prev)) {
            out.push(c);
        }
        prev = c;
    }
    out
}

fn canon_latin(s: &str) -> String {
    s.to_lowercase().replace(['ë', '\''], "’")
}

fn rules() -> Transliterator {
    Transliterator::new().with_lexicon(false).with_latin(LatinOptions { capitalize: false, ..Default::default() })
}

/// With the exception lexicon as shipped (it learned every development pair).
fn shipped() -> Transliterator {
    Transliterator::new().with_latin(LatinOptions { capitalize: false, ..Default::default() })
}

/// With the exception lexicon less its held-out rows: what it gives on words
/// it never learned.
fn full() -> Transliterator {
    shipped().holding_out_evaluation_words()
}

/// `--speed FILE`: one thread, line by line as the CLI does, each direction.
fn speed(path: &Path) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let t = Transliterator::new();
    let start = std::time::Instant::now();
    let mut latin = String::with_capacity(text.len());
    for line in text.lines() {
        latin.push_str(&t.to_latin(line));
        latin.push('\n');
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "to_latin:  {} bytes in {:.3} s = {:.1} MB/s (one thread, wall clock)",
        text.len(),
        secs,
        text.len() as f64 / 1e6 / secs
    );
    let start = std::time::Instant::now();
    let mut n = 0;
    for line in latin.lines() {
        n += t.to_arabic(line).len();
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "to_arabic: {} bytes in {:.3} s = {:.1} MB/s (one thread, wall clock; {} bytes out)",
        latin.len(),
        secs,
        latin.len() as f64 / 1e6 / secs,
        n
    );
    let start = std::time::Instant::now();
    for line in text.lines() {
        n += sorani::normalize(line).len();
    }
    let secs = start.elapsed().as_secs_f64();
    println!("normalize alone (included in to_latin): {:.1} MB/s", text.len() as f64 / 1e6 / secs);
    std::hint::black_box(n); // keeps the timed work from being optimized away
    Ok(())
}

/// `r` for a word-initial `ř`.
fn fold_r(s: &str) -> String {
    match s.strip_prefix('ř') {
        Some(rest) => format!("r{rest}"),
        None => s.to_string(),
    }
}

/// `cargo xtask translit-exceptions`.
pub fn exceptions(args: &[String]) -> anyhow::Result<()> {
    let shared = shared_dir(args);
    let rules = rules();
    // (arabic, latin) → count, from each source.
    let mut votes: BTreeMap<String, HashMap<String, usize>> = BTreeMap::new();
    let mut held: HashSet<String> = HashSet::new();
    let mut counts = BTreeMap::new();
    for (name, pairs) in [("wergor", wergor(&shared)?), ("unimorph", unimorph(&shared)?)] {
        let mut used = 0;
        for p in pairs {
            let ar = sorani::normalize(&p.arabic).into_owned();
            if held_out(&ar) {
                held.insert(ar.clone());
            }
            used += 1;
            let mut la = canon_latin(&p.latin);
            if ar.starts_with('ڕ') && la.starts_with('r') {
                // The source wrote ر where the normalizer writes the standard ڕ.
                la = format!("ř{}", &la[1..]);
            }
            *votes.entry(ar).or_default().entry(la).or_default() += 1;
        }
        counts.insert(name, used);
    }
    let klpt = shared.join("data/klpt-data");
    // Arabic words by their spelling without a medial ئ: Latin → Arabic
    // writes none between two vowels (beasanî → بەاسانی for بەئاسانی).
    let arabic_lex: HashMap<String, String> = klpt_words(&klpt.join("lexicon_ckb_arab.json"))?
        .into_iter()
        .map(|w| {
            let w = sorani::normalize(&w).into_owned();
            (without_medial_hamza(&w), w)
        })
        .collect();
    let mut klpt_used = 0;
    for la in klpt_words(&klpt.join("lexicon_ckb_latn.json"))? {
        let la = canon_latin(&la);
        let back = sorani::normalize(&sorani::translit::to_arabic(&la)).into_owned();
        let Some(ar) = arabic_lex.get(&without_medial_hamza(&back)).cloned() else { continue };
        klpt_used += 1;
        *votes.entry(ar).or_default().entry(la).or_default() += 1;
    }
    counts.insert("klpt", klpt_used);

    let mut out = String::new();
    out.push_str("# generated by `cargo xtask translit-exceptions`; do not edit\n");
    out.push_str("# Arabic-script word <TAB> Latin reading, where the rules read it otherwise\n");
    out.push_str("# (<TAB>held-out: a word eval-translit scores as unseen, with the row left out).\n");
    out.push_str("# Sources and licenses: crates/sorani/data/translit/PROVENANCE.md\n");
    let (mut n, mut n_held) = (0, 0);
    for (ar, latins) in &votes {
        let ruled = rules.to_latin(ar);
        if latins.contains_key(&ruled) {
            continue;
        }
        // The most frequent reading; it must spell back to this very word.
        let mut best: Vec<(&String, &usize)> = latins.iter().collect();
        best.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        // Two vowels side by side (but û, written وو) have ئ between them; a
        // reading with more such pairs than the word has ئ is a source's own
        // habit (KLPT writes نەتەوەی as neteweî, Sorani Latin netewey).
        let hiatus = |la: &str| {
            let chars: Vec<char> = la.chars().collect();
            let vowel = |c: char| "aeêiîouû".contains(c);
            chars.windows(2).filter(|w| vowel(w[0]) && vowel(w[1]) && w[1] != 'û').count()
        };
        let written_hamza = ar.chars().count() - without_medial_hamza(ar).chars().count();
        // Latin → Arabic writes no ئ between two vowels, so a word's own ئ is
        // not required back.
        let ar_key = without_medial_hamza(ar);
        // (a reading with other characters, `d.` or invisible controls, is
        // not one Latin word: the transliterator could not read it)
        let Some((la, _)) = best.into_iter().find(|(la, _)| {
            if !la.chars().all(|c| c.is_alphabetic() || c == '’') {
                return false;
            }
            let back = sorani::normalize(&sorani::translit::to_arabic(la)).into_owned();
            without_medial_hamza(&back) == ar_key && hiatus(la) <= written_hamza
        }) else {
            continue;
        };
        // The evaluation's unseen words are marked, and left out when it
        // measures the lexicon (`holding_out_evaluation_words`).
        if held_out(ar) {
            writeln!(out, "{ar}\t{la}\theld-out")?;
            n_held += 1;
        } else {
            writeln!(out, "{ar}\t{la}")?;
        }
        n += 1;
    }
    let path = data_dir().join("translit/exceptions.tsv");
    std::fs::write(&path, out)?;
    println!(
        "wrote {} exceptions to {} (pairs learned from: wergor {}, unimorph {}, klpt {}; {} of them marked held-out, of {} held-out Arabic forms)",
        n,
        path.display(),
        counts["wergor"],
        counts["unimorph"],
        counts["klpt"],
        n_held,
        held.len()
    );
    Ok(())
}

#[derive(Default)]
struct Score {
    n: usize,
    ok: usize,
}

impl Score {
    fn add(&mut self, ok: bool) {
        self.n += 1;
        self.ok += usize::from(ok);
    }
    fn pct(&self) -> String {
        if self.n == 0 {
            return "   -   ".into();
        }
        format!("{:6.2}%", 100.0 * self.ok as f64 / self.n as f64)
    }
}

/// `pairs`' Latin written without the Kurdish letters, as on a keyboard
/// that lacks them: ê î û ş ç ł ř ḧ ẍ as e i u s c l r h x.
pub(crate) fn without_kurdish_letters(latin: &str) -> String {
    latin
        .chars()
        .map(|c| match c {
            'ê' => 'e',
            'î' => 'i',
            'û' => 'u',
            'ş' => 's',
            'ç' => 'c',
            'ł' => 'l',
            'ř' => 'r',
            'ḧ' => 'h',
            'ẍ' => 'x',
            'Ê' => 'E',
            'Î' => 'I',
            'Û' => 'U',
            'Ş' => 'S',
            'Ç' => 'C',
            _ => c,
        })
        .collect()
}

/// Latin → Arabic of the pairs' Latin typed without the Kurdish letters:
/// read as typed, and read as plain Latin (`--plain-latin always`).
fn plain_latin(sets: &[(&str, Vec<Pair>)]) {
    let typed = Transliterator::new().with_arabic(ArabicOptions { plain: PlainLatin::Never, ..Default::default() });
    let plain = Transliterator::new().with_arabic(ArabicOptions { plain: PlainLatin::Always, ..Default::default() });
    println!(
        "\nLatin typed without the Kurdish letters (ê î û ş ç ł ř ḧ ẍ as e i u s c l r h x), la→ar word accuracy:"
    );
    for (name, pairs) in sets {
        let (mut as_typed, mut as_plain, mut changed) = (Score::default(), Score::default(), 0);
        for p in pairs {
            let gold = sorani::normalize(&p.arabic).into_owned();
            let latin = without_kurdish_letters(&p.latin);
            changed += usize::from(latin != p.latin);
            as_typed.add(sorani::normalize(&typed.to_arabic(&latin)) == gold.as_str());
            as_plain.add(sorani::normalize(&plain.to_arabic(&latin)) == gold.as_str());
        }
        println!(
            "{name:<10} {} words ({changed} changed by the replacement): read as typed {}, as plain Latin {}",
            as_typed.n,
            as_typed.pct(),
            as_plain.pct()
        );
    }
}

/// `cargo xtask eval-translit [--errors N] [--learned-errors] [--arabic-errors] [--rule-errors]`.
pub fn eval(args: &[String]) -> anyhow::Result<()> {
    if let Some(pos) = args.iter().position(|a| a == "--speed") {
        let path = args.get(pos + 1).context("--speed needs a FILE")?;
        return speed(Path::new(path));
    }
    let shared = shared_dir(args);
    let show: usize = args
        .iter()
        .position(|a| a == "--errors")
        .and_then(|p| args.get(p + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let sets = [("wergor", wergor(&shared)?), ("unimorph", unimorph(&shared)?)];
    let rules = rules();
    let full = full();
    let shipped = shipped();
    let wergor_shipped = Transliterator::new().with_latin(LatinOptions {
        capitalize: false,
        ain: AinStyle::Diaeresis,
        ..Default::default()
    });
    let wergor_style = wergor_shipped.holding_out_evaluation_words();
    println!("word accuracy (tokens); held-out = 1/5 of Arabic forms, left out of the exception lexicon here;");
    println!(
        "the shipped lexicon learned every pair, so its columns on held-out words are not a measure of unseen text"
    );
    println!(
        "{:<10} {:<9} {:>6}  {:>9} {:>9}  {:>9}  {:>9}  {:>9} {:>9}",
        "set", "part", "words", "ar→la", "(rules)", "la→ar", "la→ar→la", "shipped", "ship. rt"
    );
    let mut errors = Vec::new();
    for (name, pairs) in &sets {
        for fold_initial_r in [false, true] {
            if fold_initial_r && *name != "wergor" {
                continue;
            }
            for part in ["held-out", "learned", "all"] {
                let (mut a2l, mut a2l_rules, mut l2a, mut rt) =
                    (Score::default(), Score::default(), Score::default(), Score::default());
                let (mut a2l_shipped, mut rt_shipped) = (Score::default(), Score::default());
                for p in pairs {
                    let ar_norm = sorani::normalize(&p.arabic).into_owned();
                    let h = held_out(&ar_norm);
                    if (part == "held-out" && !h) || (part == "learned" && h) {
                        continue;
                    }
                    // Latin as the comparison reads it: Wergor's Arabic writes a
                    // word-initial ر, which the standard normalizer (rightly) makes
                    // ڕ; with `fold_initial_r` r and ř compare alike there.
                    let compared = |latin: &str| {
                        let latin = canon_latin(latin);
                        if fold_initial_r {
                            fold_r(&latin)
                        } else {
                            latin
                        }
                    };
                    let gold = compared(&p.latin);
                    let got = compared(&full.to_latin(&p.arabic));
                    a2l.add(got == gold);
                    a2l_shipped.add(compared(&shipped.to_latin(&p.arabic)) == gold);
                    let which = if args.iter().any(|a| a == "--learned-errors") { "learned" } else { "held-out" };
                    if got != gold && part == which && !fold_initial_r {
                        errors.push(format!("{name}\t{}\tgold {}\tgot {}", p.arabic, p.latin, got));
                    }
                    let by_rules = canon_latin(&rules.to_latin(&p.arabic));
                    if by_rules != gold && part == "all" && !fold_initial_r && args.iter().any(|a| a == "--rule-errors")
                    {
                        println!("rules error\t{name}\t{}\tgold {}\tgot {}", p.arabic, p.latin, by_rules);
                    }
                    a2l_rules.add(by_rules == gold);
                    let back = sorani::translit::to_arabic(&p.latin);
                    let l2a_ok = sorani::normalize(&back) == ar_norm.as_str();
                    l2a.add(l2a_ok);
                    if !l2a_ok && part == which && !fold_initial_r && args.iter().any(|a| a == "--arabic-errors") {
                        println!("la→ar {part} error\t{name}\t{}\tgold {}\tgot {}", p.latin, p.arabic, back);
                    }
                    let again = |t: &Transliterator| compared(&t.to_latin(&back));
                    rt.add(again(if *name == "wergor" { &wergor_style } else { &full }) == gold);
                    rt_shipped.add(again(if *name == "wergor" { &wergor_shipped } else { &shipped }) == gold);
                }
                println!(
                    "{:<10} {:<9} {:>6}  {:>9} {:>9}  {:>9}  {:>9}  {:>9} {:>9}",
                    if fold_initial_r { "wergor r≡ř" } else { name },
                    part,
                    a2l.n,
                    a2l.pct(),
                    a2l_rules.pct(),
                    l2a.pct(),
                    rt.pct(),
                    a2l_shipped.pct(),
                    rt_shipped.pct()
                );
            }
        }
    }
    plain_latin(&sets);
    if show > 0 {
        println!("\nheld-out Arabic → Latin errors (first {show}):");
        for e in errors.iter().take(show) {
            println!("{e}");
        }
    }
    Ok(())
}
