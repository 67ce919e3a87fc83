//! Verb forms built from the lexicon's own verb stems, for `eval-morph`: a
//! check that the analyzer reads each regular inflection of every listed
//! verb as a verb. It found dictionary nouns that are verb forms (وتم,
//! بزانم, نەگوت) and a passive without its active verb (نێران). The
//! generator (`cargo xtask morph`) also counts these forms in the word
//! frequencies to weigh how common each verb is (the lexicon's `wN`).
//!
//! The forms are built by plain rules of Sorani conjugation (facts of the
//! grammar, written for this project): present دە-/نا-/ب- + stem + person
//! ending, past stem + ending, نە-/دە- + past stem, the perfect and
//! pluperfect (and the spoken contracted perfect کردۆتەوە), object and
//! agent clitics, ەوە, the imperative and prohibitive, forms with a preverb
//! (هەڵدەگرم), and the infinitive with ezafe, definite and -دا. A form
//! counts as read when its lemma is the verb or another verb one of whose
//! stems the form contains (دەگرین is گرتن and گریان alike); causatives
//! also count under the verb they are the causative of, the lemma UniMorph
//! gives them. Passive stems, compound verbs written with a space and
//! present stems of one letter are left out.
//! Shapes that are just as often nouns (دەشت, نەوت, ماوە) stay misses: the
//! figure is a floor and a list to read, not an accuracy.

use std::collections::{BTreeMap, HashMap};

use sorani::lexicon::Lexicon;
use sorani::morph::Analyzer;

/// One verb of the lexicon: present stems, past stems, transitive.
#[derive(Default)]
pub struct Verb {
    present: Vec<String>,
    past: Vec<String>,
    transitive: bool,
}

impl Verb {
    /// Takes in a lexicon row of this verb with features `feats`: a present
    /// or past stem, and whether it is transitive.
    pub fn add_row(&mut self, form: &str, feats: &[&str]) {
        self.transitive |= feats.contains(&"tr");
        if feats.contains(&"prs") {
            self.present.push(form.to_string());
        }
        if feats.contains(&"pst") {
            self.past.push(form.to_string());
        }
    }
}

/// Whether a lexicon row (part of speech, lemma, features) belongs to the
/// verbs whose forms are built: active rows of one-word verbs (passive
/// stems, and compounds written with a space or a hyphen, are left out).
pub fn builds_forms(pos: &str, lemma: &str, feats: &[&str]) -> bool {
    pos == "verb" && !lemma.contains(['-', ' ']) && !feats.contains(&"pass")
}

/// Preverbs that stand before دە-, نا-, ب-, نە- (هەڵدەگرم, دانەنیشت).
const PREVERBS: [&str; 9] = ["هەڵ", "دا", "ڕا", "وەر", "دەر", "تێ", "پێ", "لێ", "ڕۆ"];
/// Stems beginning like a preverb or a verbal prefix get no prefix of their own.
const PREFIX_LIKE: [&str; 14] = ["هەڵ", "ڕا", "را", "دا", "وەر", "دەر", "تێ", "پێ", "لێ", "ڕێ", "دە", "نە", "نا", "ب"];

fn ends_in_vowel(stem: &str) -> bool {
    stem.ends_with(['ا', 'ە', 'ۆ', 'ێ', 'ی', 'و'])
}

/// The regular forms of one verb, each with the name of its pattern.
pub fn forms(infinitive: &str, verb: &Verb) -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    let mut add = |form: String, kind: &'static str| out.push((form, kind));
    for p in &verb.present {
        for pv in PREVERBS {
            let Some(rest) = p.strip_prefix(pv).filter(|r| r.chars().count() >= 2) else { continue };
            add(format!("{pv}دە{rest}م"), "preverb دە-");
            add(format!("{pv}نا{rest}ین"), "preverb نا-");
            add(format!("{pv}ب{rest}ن"), "preverb ب-");
        }
        if PREFIX_LIKE.iter().any(|x| p.starts_with(x)) || p.chars().count() < 2 {
            continue;
        }
        for e in ["م", "ین", "ن", "یت"] {
            add(format!("دە{p}{e}"), "دە- present");
            add(format!("نا{p}{e}"), "نا- present");
            add(format!("ب{p}{e}"), "ب- subjunctive");
        }
        add(format!("دە{p}مەوە"), "present ەوە");
        if verb.transitive {
            add(format!("دەی{p}م"), "object clitic");
            add(format!("نای{p}م"), "object clitic");
        }
        // (after a vowel the third person is irregular: دەکات, دەخوات)
        if !ends_in_vowel(p) {
            add(format!("دە{p}ێت"), "دە- present");
            add(format!("ب{p}ێت"), "ب- subjunctive");
            add(format!("ب{p}ە"), "imperative");
            add(format!("مە{p}ە"), "prohibitive");
        }
    }
    for s in &verb.past {
        for pv in PREVERBS {
            let Some(rest) = s.strip_prefix(pv).filter(|r| r.chars().count() >= 2) else { continue };
            add(format!("{pv}نە{rest}"), "preverb نە-");
            add(format!("{pv}دە{rest}"), "preverb دە-");
        }
        if PREFIX_LIKE.iter().any(|x| s.starts_with(x)) || s.chars().count() < 2 {
            continue;
        }
        add(s.clone(), "past");
        add(format!("{s}م"), "past");
        add(format!("{s}ین"), "past");
        add(format!("نە{s}"), "نە- past");
        add(format!("دە{s}"), "دە- past");
        add(format!("دە{s}م"), "دە- past");
        add(format!("{s}بوو"), "pluperfect");
        add(format!("{s}ەوە"), "past ەوە");
        if verb.transitive {
            add(format!("نەم{s}"), "agent clitic");
            add(format!("دەیان{s}"), "agent clitic");
            add(format!("{s}مان"), "agent clitic");
        } else {
            add(format!("نە{s}م"), "نە- past");
        }
        if s.ends_with('ا') || s.ends_with('ی') || s.ends_with("وو") {
            add(format!("{s}وە"), "perfect");
        } else {
            add(format!("{s}ووە"), "perfect");
            add(format!("{s}ووم"), "perfect");
        }
        // the spoken contraction of ووەتە / ووەتەوە (کردۆتەوە, بۆتە)
        if let Some(root) = s.strip_suffix("وو") {
            add(format!("{root}ۆتە"), "contracted perfect");
            add(format!("{root}ۆتەوە"), "contracted perfect");
        } else if !(s.ends_with('ا') || s.ends_with('ی')) {
            add(format!("{s}ۆتە"), "contracted perfect");
            add(format!("{s}ۆتەوە"), "contracted perfect");
        }
    }
    add(format!("{infinitive}ی"), "infinitive + suffix");
    add(format!("{infinitive}ەکە"), "infinitive + suffix");
    add(format!("{infinitive}دا"), "infinitive + suffix");
    out
}

/// Scores the analyzer on the verb forms of the lexicon at `lexicon_tsv`
/// (rows marked `skip` left out) and prints the figures; with `misses`, the
/// misses of common verbs by pattern.
pub fn report(lexicon_tsv: &str, skip: &str, misses: bool) {
    let mut verbs: BTreeMap<String, Verb> = BTreeMap::new();
    let mut causative_of: HashMap<String, String> = HashMap::new();
    for line in lexicon_tsv.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 4 {
            continue;
        }
        let feats: Vec<&str> = f[3].split(',').collect();
        if !builds_forms(f[1], f[2], &feats) || feats.contains(&skip) {
            continue;
        }
        if let Some(base) = f.get(4).filter(|b| !b.is_empty()) {
            causative_of.insert(f[2].to_string(), base.to_string());
        }
        verbs.entry(f[2].to_string()).or_default().add_row(f[0], &feats);
    }
    let (lexicon, analyzer) = (Lexicon::embedded(), Analyzer::embedded());
    let read_as_verb = |form: &str, infinitive: &str, lemma: &str| {
        lemma == infinitive
            || causative_of.get(infinitive).is_some_and(|b| b == lemma)
            || verbs.get(lemma).is_some_and(|v| v.present.iter().chain(&v.past).any(|s| form.contains(s.as_str())))
    };
    let (mut total, mut read, mut common_total, mut common_read) = (0usize, 0usize, 0usize, 0usize);
    let mut missed: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for (infinitive, verb) in &verbs {
        // A common verb: its infinitive or a past stem is frequent in the word list.
        let common = lexicon.frequency(infinitive) >= 20 || verb.past.iter().any(|s| lexicon.frequency(s) >= 50);
        for (form, kind) in forms(infinitive, verb) {
            let lemma = analyzer.lemma(&form);
            let ok = read_as_verb(&form, infinitive, &lemma);
            total += 1;
            read += ok as usize;
            if common {
                common_total += 1;
                common_read += ok as usize;
                if !ok {
                    missed.entry(kind).or_default().push(format!("{form}\t{infinitive}\tgot {lemma}"));
                }
            }
        }
    }
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!(
        "all verbs: {read}/{total} forms read as a verb ({:.1}%); common verbs: {common_read}/{common_total} ({:.1}%)",
        pct(read, total),
        pct(common_read, common_total)
    );
    if misses {
        for (kind, list) in &missed {
            for m in list {
                println!("  miss\t{kind}\t{m}");
            }
        }
    }
}
