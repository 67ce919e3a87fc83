//! The search behind [`Analyzer`](super::Analyzer): every split of a word into
//! prefixes, a lexicon stem and suffixes that the affix grammar allows, as
//! small copyable candidates (no allocation per candidate).

use super::affix::{self, Cond, Suffix, SuffixTable, NOMINAL_TABLE, VERBAL_TABLE};
use super::lexicon::{Entry, Kind, LEXICON};
use super::tag::{tag, Tag};
use super::MorphemeKind;

/// Most morphemes one candidate can hold.
pub(crate) const MAX_PARTS: usize = 12;

/// One morpheme of a candidate: byte span in the word, tag and kind.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Part {
    pub start: u16,
    pub end: u16,
    pub tag: Tag,
    pub kind: MorphemeKind,
}

const EMPTY: Part = Part { start: 0, end: 0, tag: tag!(""), kind: MorphemeKind::Stem };

/// How the lemma of a candidate is built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LemmaHow {
    /// The lexicon entry's lemma.
    Entry,
    /// `word[a..b]` + the entry's lemma (preverb or nominal part of a compound verb).
    Prefixed(u16, u16),
    /// An unknown stem: `word[a..b]` itself.
    Guess(u16, u16),
    /// A known nominal + the derivational -ی/-یی (جیهانی, نێونەتەوەیی): the
    /// derived word `word[a..b]` is lemma and light stem.
    Suffixed(u16, u16),
    /// A derivational prefix `word[a..b]` (بە-, بێ-) + the entry: lemma and
    /// light stem keep the prefix (بەهێز, بێکار).
    Derived(u16, u16),
    /// A word no lexicon lists, derived by a rule from a known noun or
    /// adjective (پرسیارنامە, هاوتیم): `word[a..b]` is lemma and light stem.
    /// Known for analysis, but it does not vouch for a spelling (a
    /// misspelling can read so too: بەڕنامە for بەرنامە), but for an agent
    /// noun in -کەر (پەخشکەر).
    Unlisted(u16, u16),
}

/// One analysis candidate.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cand {
    pub parts: [Part; MAX_PARTS],
    pub n: u8,
    /// The lexicon row of the stem (`u32::MAX` for a guess, [`ATTESTED`]
    /// for a stem only the word-frequency lexicon knows).
    pub entry: u32,
    pub lemma: LemmaHow,
    /// Byte span of the stem (the verb stem, or the noun stem).
    pub stem: (u16, u16),
    pub score: i32,
}

impl Cand {
    pub(crate) fn parts(&self) -> &[Part] {
        &self.parts[..self.n as usize]
    }
    pub(crate) fn entry(&self) -> Option<&'static Entry> {
        (self.entry < ATTESTED).then(|| LEXICON.entry(self.entry))
    }
}

/// [`Cand::entry`] of a stem the stem lexicon lacks but the word-frequency
/// lexicon ([`crate::lexicon`]) attests: known, with no part of speech.
pub(crate) const ATTESTED: u32 = u32::MAX - 1;

/// The count from which the word-frequency lexicon attests a stem: two of
/// its sources list it (one source alone holds typos and run-together words).
const ATTESTED_COUNT: u64 = 20;

/// A stack of suffixes found so far while matching right to left (outermost first).
#[derive(Clone, Copy)]
struct SufStack {
    items: [(u16, u16, &'static Suffix); 8],
    n: usize,
}

const DUMMY: Suffix = Suffix {
    text: "",
    tag: "",
    id: tag!(""),
    kind: MorphemeKind::Suffix,
    slot: 0,
    cond: Cond::Any,
    reliable: false,
    last2: [0, 0],
};

impl SufStack {
    fn new() -> Self {
        SufStack { items: [(0, 0, &DUMMY); 8], n: 0 }
    }
}

/// Calls `f(stem_end, suffixes)` for every way of cutting allowed suffixes of
/// `table` off the end of `word[from..to]`, including cutting none. Suffixes
/// are pushed outermost first.
fn suffix_splits<F>(
    word: &str,
    from: usize,
    to: usize,
    table: &'static SuffixTable,
    max_slot: u8,
    stack: &mut SufStack,
    f: &mut F,
) where
    F: FnMut(usize, &SufStack),
{
    f(to, stack);
    if stack.n == stack.items.len() {
        return;
    }
    let part = &word[from..to];
    let b = part.as_bytes();
    if b.len() < 2 {
        return;
    }
    let last2 = [b[b.len() - 2], b[b.len() - 1]];
    for sfx in table.ending_in(last2) {
        if sfx.last2 != last2 || sfx.slot >= max_slot || !part.ends_with(sfx.text) {
            continue;
        }
        // The ezafe links to the next word: nothing follows it in its own
        // (ساڵیدا is ساڵ + the clitic ی + دا, not the ezafe).
        if sfx.id == EZAFE && stack.n > 0 {
            continue;
        }
        let end = to - sfx.text.len();
        // Leave at least two letters (4 bytes) of stem.
        if end < from + 2 || !sfx.cond.ok(&word[from..end]) {
            continue;
        }
        stack.items[stack.n] = (end as u16, to as u16, sfx);
        stack.n += 1;
        suffix_splits(word, from, end, table, sfx.slot, stack, f);
        stack.n -= 1;
    }
}

fn push(c: &mut Cand, start: usize, end: usize, tag: Tag, kind: MorphemeKind) -> bool {
    if (c.n as usize) < MAX_PARTS {
        c.parts[c.n as usize] = Part { start: start as u16, end: end as u16, tag, kind };
        c.n += 1;
        true
    } else {
        false
    }
}

fn new_cand() -> Cand {
    Cand { parts: [EMPTY; MAX_PARTS], n: 0, entry: u32::MAX, lemma: LemmaHow::Entry, stem: (0, 0), score: 0 }
}

/// Appends the suffixes of `stack` (outermost first) to `c` in word order.
fn push_suffixes(c: &mut Cand, stack: &SufStack) {
    for i in (0..stack.n).rev() {
        let (a, b, sfx) = stack.items[i];
        push(c, a as usize, b as usize, sfx.id, sfx.kind);
    }
}

fn stem_tag(e: &Entry) -> Tag {
    match (e.kind, e.passive) {
        (Kind::Prs, false) => tag!("V.PRS"),
        (Kind::Prs, true) => tag!("V.PRS;PASS"),
        (Kind::Pst, false) => tag!("V.PST"),
        (Kind::Pst, true) => tag!("V.PST;PASS"),
        (Kind::Inf, _) => tag!("V.MSDR"),
        (Kind::Cop, _) => tag!("COP"),
        (Kind::Fin, _) => tag!("V"),
        (Kind::Word, _) => Tag::of_pos(e.pos),
    }
}

/// Score of a candidate: known stems first, then longer stems, then fewer affixes.
fn score(stem_chars: usize, n_affixes: usize, penalty: i32) -> i32 {
    1000 + 20 * stem_chars as i32 - 15 * n_affixes as i32 - penalty
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// All candidates for `word`, unsorted, appended to `out`.
pub(crate) fn candidates(word: &str, out: &mut Vec<Cand>) {
    if word.is_empty() || word.len() > u16::MAX as usize / 2 {
        return;
    }
    nominal(word, 0, None, false, out);
    for &(p, tag) in affix::NOMINAL_PREFIXES {
        // (a one-letter rest only for ئەو/ئەم without ئ: لەو, بەم)
        if word.len() > p.len() + 1 && word.starts_with(p) {
            // بە- is both a preposition and a derivational prefix: one pass gives both.
            let also_derived = word.len() > p.len() + 3 && affix::DERIVATIONAL_PREFIXES.contains(&p);
            nominal(word, p.len(), Some(tag), also_derived, out);
        }
    }
    for p in affix::DERIVATIONAL_PREFIXES {
        if word.len() > p.len() + 3 && word.starts_with(p) && !affix::NOMINAL_PREFIXES.iter().any(|(q, _)| q == p) {
            nominal(word, p.len(), Some(DERIVED), false, out);
        }
    }
    verbal(word, out);
    if out.is_empty() {
        // Words derived from a known noun or adjective (پرسیارنامەکە,
        // هاوتیمییەکانی), compound verbs written joined (a known nominal +
        // a verb stem) and their infinitives with nominal suffixes
        // (دیاریکردنی): only here, where nothing listed explains the word.
        derived_by_prefix(word, out);
        derived_or_compound_infinitive(word, out);
        let mut stack = SufStack::new();
        let pre = NO_PREFIX;
        suffix_splits(word, 0, word.len(), &VERBAL_TABLE, u8::MAX, &mut stack, &mut |end, st| {
            compound(word, &pre, end, st, out)
        });
    }
}

/// `stem` + `ە` in `buf` (for suffixes that swallow a stem-final ە: وشە+ان = وشان).
fn with_e<'b>(stem: &str, buf: &'b mut [u8; 96]) -> Option<&'b str> {
    with_letters(stem, "ە", buf)
}

/// `stem` + `letters`, in `buf` (no allocation); `None` when too long.
fn with_letters<'b>(stem: &str, letters: &str, buf: &'b mut [u8; 96]) -> Option<&'b str> {
    let l = letters.as_bytes();
    let n = stem.len() + l.len();
    if n > buf.len() {
        return None;
    }
    buf[..stem.len()].copy_from_slice(stem.as_bytes());
    buf[stem.len()..n].copy_from_slice(l);
    std::str::from_utf8(&buf[..n]).ok()
}

/// The pseudo-tag of a derivational prefix passed to [`nominal`].
const DERIVED: Tag = tag!("DERIV");
/// The ezafe, which ends a word (see `suffix_splits`).
const EZAFE: Tag = tag!("EZ");

/// Nominal analyses of `word[from..]` (with a joined preposition `word[..from]`,
/// or a derivational prefix when `prefix` is [`DERIVED`]).
fn nominal(word: &str, from: usize, prefix: Option<Tag>, also_derived: bool, out: &mut Vec<Cand>) {
    let mut stack = SufStack::new();
    let lex = &*LEXICON;
    suffix_splits(word, from, word.len(), &NOMINAL_TABLE, u8::MAX, &mut stack, &mut |end, st| {
        let stem = &word[from..end];
        let position = lex.position(stem);
        if let Some((a, b)) = position {
            nominal_entries(word, from, end, prefix, st, a, b, 0, out);
            if also_derived {
                nominal_entries(word, from, end, Some(DERIVED), st, a, b, 0, out);
            }
        }
        // A stem-final ە swallowed by a suffix starting with ا (وشان = وشە + ان).
        if st.n > 0 && st.items[st.n - 1].2.text.starts_with('ا') && !stem.ends_with('ە') {
            let mut buf = [0u8; 96];
            if let Some((a, b)) = with_e(stem, &mut buf).and_then(|s| lex.position(s)) {
                nominal_entries(word, from, end, prefix, st, a, b, 10, out);
                if also_derived {
                    nominal_entries(word, from, end, Some(DERIVED), st, a, b, 10, out);
                }
            }
        }
        if prefix.is_none() {
            participle(word, end, st, out);
            if st.n > 0 || position.is_none() {
                nisba(word, end, st, out);
            }
        }
    });
}

#[allow(clippy::too_many_arguments)]
fn nominal_entries(
    word: &str,
    from: usize,
    end: usize,
    prefix: Option<Tag>,
    st: &SufStack,
    a: u32,
    b: u32,
    extra: i32,
    out: &mut Vec<Cand>,
) {
    let lex = &*LEXICON;
    let stem = &word[from..end];
    // A one-letter nominal is a letter's name or a stray abbreviation of a
    // word list (گ): with suffixes it is never the reading (گەشی, گگەل).
    // (After a joined preposition, و and م are ئەو and ئەم: لەوەش; and the
    // conjunction و + ە stands for وە, the older "and", which takes nothing
    // else: وانییە is no plural of و.)
    let lone_letter = chars(stem) == 1 && from == 0 && st.n > 0;
    // ە or ەوە right after a stem in وو is a nominal's (مێژووە, ڕووەوە),
    // but after a verb form in وو the word list holds (a participle or
    // pluperfect: وتوو, گرتبوو, تێکچوو) it is the perfect's, which the
    // verbal reading gives (وتووە "has said").
    let perfect_e = perfect_e_after_uu(stem, st);
    // X + demonstrative ە + ezafe/clitic (نیو + ە + ی) where Xە is a
    // nominal too (نیوە): Xە + ی is the likelier reading (UniMorph's forms
    // in -ەی are Xە + ی 19 times, never X + ە + ی).
    let demonstrative_before_ezafe = st.n >= 2 && st.items[st.n - 1].2.tag == "DEM" && st.items[st.n - 1].2.text == "ە";
    let noun_in_e_too = demonstrative_before_ezafe && {
        let mut buf = [0u8; 96];
        with_e(stem, &mut buf).is_some_and(|xe| lex.get(xe).iter().any(|x| x.pos != super::Pos::Verb))
    };
    for i in a..b {
        let e = lex.entry(i);
        if lone_letter && (e.pos != super::Pos::Conj || st.n > 1 || st.items[0].2.text != "ە") {
            continue;
        }
        if matches!(e.kind, Kind::Prs | Kind::Pst) {
            continue;
        }
        if perfect_e && (e.attested || ends_in_verb_form_uu(stem)) {
            continue;
        }
        // A whole verb form takes no nominal suffix, but the directional ە
        // and the particle ەوە (دێتە "comes into", دێتەوە "comes back").
        let fin_suffix = e.kind == Kind::Fin && st.n == 1 && matches!(st.items[0].2.text, "ە" | "ەوە");
        if matches!(e.kind, Kind::Cop | Kind::Fin) && st.n > 0 && !fin_suffix {
            continue;
        }
        if e.bound != matches!(prefix, Some(p) if p != DERIVED) && (e.bound || word.len() <= from + 3) {
            continue;
        }
        if e.bound && word.starts_with("بۆ") {
            continue;
        }
        // Degree suffixes only on adjectives, ordinals only on numerals, no
        // number or definiteness on adpositions, conjunctions, particles and
        // interjections (بۆیان is بۆ + the clitic یان, not a plural), and no
        // bare plural on adverbs (نەکات is no نەک + ات; one used as a noun
        // takes ەکان: ڕاستەوخۆکان).
        let uncountable = matches!(e.pos, super::Pos::Adp | super::Pos::Conj | super::Pos::Part | super::Pos::Intj);
        let bad = (0..st.n).any(|k| {
            let t = st.items[k].2.tag;
            if st.items[k].2.slot == 1 && t == "EWE" {
                return e.kind != Kind::Inf;
            }
            (matches!(t, "CMPR" | "SPRL") && !matches!(e.pos, super::Pos::Adj | super::Pos::Adv | super::Pos::Noun))
                || (t == "ORD" && e.pos != super::Pos::Num)
                || (uncountable && st.items[k].2.slot == 2)
                || (e.pos == super::Pos::Adv && matches!(t, "PL" | "PL;INDF"))
        });
        if bad {
            continue;
        }
        // The glide-less indefinite ەک (نیگەرانیەک) only after a listed
        // common word in ی that is no X + ezafe: سەریەک is سەر + یەک "one".
        if glide_less(st) && (e.ezafe_like || e.pos == super::Pos::Propn) {
            continue;
        }
        if prefix == Some(DERIVED) {
            if e.kind != Kind::Word || !matches!(e.pos, super::Pos::Noun | super::Pos::Adj) {
                continue;
            }
            let mut c = new_cand();
            push(&mut c, 0, end, tag!("ADJ"), MorphemeKind::Stem);
            push_suffixes(&mut c, st);
            c.entry = i;
            c.stem = (0, end as u16);
            c.lemma = LemmaHow::Derived(0, from as u16);
            // بە + noun + دا/ەوە is the preposition's circumposition (بەداخەوە).
            let circum = (0..st.n).any(|k| st.items[k].2.slot == 7);
            let penalty = extra + 30 + if circum { 80 } else { 0 } + entry_penalty(e, stem, &word[end..]);
            c.score = score(chars(stem) + 1, st.n, penalty);
            out.push(c);
            continue;
        }
        let mut c = new_cand();
        if let Some(tag) = prefix {
            push(&mut c, 0, from, tag, MorphemeKind::Clitic);
        }
        c.stem = (from as u16, end as u16);
        // An infinitive splits into its past stem and -ن when the past stem is known.
        let pst = if e.kind == Kind::Inf {
            stem.strip_suffix('ن').filter(|p| lex.get(p).iter().any(|x| x.kind == Kind::Pst))
        } else {
            None
        };
        if let Some(p) = pst {
            push(&mut c, from, from + p.len(), tag!("V.PST"), MorphemeKind::Stem);
            push(&mut c, from + p.len(), end, tag!("INF"), MorphemeKind::Suffix);
            c.stem = (from as u16, (from + p.len()) as u16);
        } else {
            push(&mut c, from, end, stem_tag(e), MorphemeKind::Stem);
        }
        if fin_suffix && st.items[0].2.text == "ە" {
            push(&mut c, end, word.len(), tag!("DIR"), MorphemeKind::Clitic);
        } else {
            push_suffixes(&mut c, st);
        }
        c.entry = i;
        // ئەو/ئەم after a preposition (لەو) is the usual spelling: no penalty,
        // and the lost ئە counts as stem letters.
        let mut penalty =
            extra + if prefix.is_some() && !e.bound { 60 } else { 0 } + entry_penalty(e, stem, &word[end..]);
        if e.bound {
            penalty -= 40;
        }
        // The bare indefinite ێ ends a word (کوڕێ); with more after it
        // (بزان + ێ + ت for بزانێت) another reading is likelier.
        if (1..st.n).any(|k| st.items[k].2.tag == "INDF" && st.items[k].2.text == "ێ") {
            penalty += 20;
        }
        if noun_in_e_too {
            penalty += 30;
        }
        // The clitic ی + a glide suffix (ماڵ + ی + یەوە) spells the same as a
        // word in ی + that suffix (خۆشی + یەوە, سیاسی + یە), the likelier
        // reading when there is one (UniMorph lemmatizes Xییە as Xی).
        if clitic_i_before_glide(st) {
            penalty += 40;
        }
        // Copula person endings on nominals (مامۆستاین) are rarer than their look-alikes.
        if (0..st.n).any(|k| matches!(st.items[k].2.tag, "COP1S" | "COP2S" | "COP1P" | "COP3P")) {
            penalty += 25;
        }
        c.score = score(chars(stem), st.n + usize::from(prefix.is_some()), penalty);
        out.push(c);
    }
}

/// Whether the suffix next to the stem is the indefinite ەک written
/// without its glide after ی (نیگەرانیەک for نیگەرانییەک).
fn glide_less(st: &SufStack) -> bool {
    st.n > 0 && st.items[st.n - 1].2.cond == Cond::LoneI
}

/// Whether the suffixes `st` hold the clitic ی followed by a suffix that
/// starts with the glide ی (the copula یە, the postposition یەوە).
fn clitic_i_before_glide(st: &SufStack) -> bool {
    (1..st.n).any(|k| {
        let (inner, outer) = (st.items[k].2, st.items[k - 1].2);
        inner.tag == "PSS3S" && outer.text.starts_with('ی') && matches!(outer.tag, "COP3S" | "EWE")
    })
}

/// Whether the suffixes `st` after `stem` begin with ە or ەوە right after
/// a final وو, where the perfect's ە stands in a verb (کردووە, کەوتووەتەوە).
fn perfect_e_after_uu(stem: &str, st: &SufStack) -> bool {
    stem.ends_with("وو") && st.n > 0 && matches!(st.items[st.n - 1].2.text, "ە" | "ەوە")
}

/// Whether `stem` is a verb form in وو: a known past stem + وو (وتوو), or
/// ends in a past stem + بوو (گرتبوو) or in a past stem in وو (تێکچوو).
fn ends_in_verb_form_uu(stem: &str) -> bool {
    let is_pst = |p: &str| LEXICON.get(p).iter().any(|x| x.kind == Kind::Pst);
    stem.strip_suffix("وو").is_some_and(|p| is_pst(p) || p.strip_suffix('ب').is_some_and(is_pst))
        || stem.char_indices().skip(1).any(|(k, _)| stem.len() - k >= "چوو".len() && is_pst(&stem[k..]))
}

/// Whether `word` is a known past stem + the participle ending: وو after a
/// consonant, و after ا or ی. The stem has three letters or more, or is دا
/// or دی (given, seen: داوە "has given" is far more frequent than داو, a
/// snare; but ناو, a name, is no participle of نان).
fn is_participle(word: &str) -> bool {
    participle_stem(word).filter(|p| !p.ends_with('و')).is_some_and(|p| {
        (p.len() >= 6 || matches!(p, "دا" | "دی")) && LEXICON.get(p).iter().any(|x| x.kind == Kind::Pst)
    })
}

/// `word` without a participle ending: وو, or و after ا or ی.
fn participle_stem(word: &str) -> Option<&str> {
    word.strip_suffix("وو").or_else(|| word.strip_suffix('و').filter(|p| p.ends_with('ا') || p.ends_with('ی')))
}

/// Adjectives derived with -ی (after a consonant) or -یی (after a vowel)
/// from a curated noun, adjective or proper noun: جیهانیی = جیهانی + ی,
/// نێونەتەوەیی. The derived word is the stem; ranked below a listed word.
fn nisba(word: &str, end: usize, st: &SufStack, out: &mut Vec<Cand>) {
    let lex = &*LEXICON;
    let derived = &word[..end];
    let Some(base) = derived.strip_suffix('ی') else { return };
    let vowel = base.ends_with('ی');
    let base = if vowel { &base[..base.len() - 'ی'.len_utf8()] } else { base };
    if base.len() < 6 || (vowel != Cond::Vowel.ok(base) && !(vowel && base.ends_with('ا'))) {
        return;
    }
    // A bare Xی after a consonant is far more often X + ezafe (جێگری); and
    // Xی + ەک is X + یەک "one" (کامیەک, سەریەک).
    if (!vowel && st.n == 0) || glide_less(st) {
        return;
    }
    let Some((a, b)) = lex.position(base) else { return };
    for i in a..b {
        let e = lex.entry(i);
        if e.kind != Kind::Word
            || (e.attested && st.n == 0)
            || e.bound
            || !matches!(e.pos, super::Pos::Noun | super::Pos::Adj | super::Pos::Propn)
        {
            continue;
        }
        let mut c = new_cand();
        push(&mut c, 0, end, tag!("ADJ"), MorphemeKind::Stem);
        push_suffixes(&mut c, st);
        c.entry = i;
        c.stem = (0, end as u16);
        c.lemma = LemmaHow::Suffixed(0, end as u16);
        c.score = score(chars(derived), st.n, 60 + entry_penalty(e, base, ""));
        out.push(c);
        break;
    }
}

/// The curated (not only attested) free word entry of `base` whose part of
/// speech `derivation` takes.
fn derivation_base(base: &str, derivation: &affix::Derivation) -> Option<u32> {
    let lex = &*LEXICON;
    let (a, b) = lex.position(base)?;
    (a..b).find(|&i| {
        let e = lex.entry(i);
        e.kind == Kind::Word && !e.bound && !e.attested && derivation.takes.contains(&e.pos)
    })
}

/// Tag of a word `derivation` makes of entry `e`.
fn derived_tag(derivation: &affix::Derivation, e: &Entry) -> Tag {
    Tag::of_pos(derivation.makes.unwrap_or(e.pos))
}

/// Readings of `word[..end]`, followed by the suffixes `st`, as a known noun
/// or adjective + a derivational suffix (and the abstract ی after one ending
/// in a consonant): پرسیارنامە|کە, خاوێنکاری|یەکە. The derived word is the
/// stem, ranked like a nisba.
fn derived_by_suffix(word: &str, end: usize, st: &SufStack, out: &mut Vec<Cand>) {
    let lex = &*LEXICON;
    let derived = &word[..end];
    // the derivational suffix, or the abstract ی after one
    let abstract_i = derived.strip_suffix('ی');
    let found = affix::DERIVATIONAL_SUFFIXES.iter().flat_map(|d| {
        let plain = derived.ends_with(d.text).then_some((d, false));
        let with_i =
            abstract_i.filter(|w| !d.text.ends_with(['ی', 'ە', 'ا']) && w.ends_with(d.text)).map(|_| (d, true));
        plain.into_iter().chain(with_i)
    });
    for (derivation, abstract_i) in found {
        let without_i = if abstract_i { &derived[..end - 'ی'.len_utf8()] } else { derived };
        let base = &without_i[..without_i.len() - derivation.text.len()];
        if chars(base) < 2 || !derivation.cond.ok(base) {
            continue;
        }
        let Some(i) = derivation_base(base, derivation) else { continue };
        // A bare abstract ی is more often the ezafe (سپیکەری "the
        // speaker of"), as after a nisba, unless the corpora list the
        // noun in ی at least twice as often as the word without it
        // (فێرکاری "teaching" 50, فێرکار 12). With suffixes after it, the
        // ی is the noun's (خاوێنکارییەکە).
        let bare_abstract = if abstract_i && st.n == 0 {
            let counts = crate::lexicon::Lexicon::embedded();
            let (with, without) = (counts.frequency(derived), counts.frequency(without_i));
            if with >= ATTESTED_COUNT && with >= 2 * without {
                0
            } else {
                50
            }
        } else {
            0
        };
        let penalty = 60 + bare_abstract + entry_penalty(lex.entry(i), base, "");
        out.push(unlisted(end, st, derivation, i, score(chars(derived), st.n, penalty)));
    }
}

/// Readings of `word[..end]`, followed by the suffixes `st`, as a known
/// noun or adjective + a present stem of two letters or more that ends in a
/// consonant: an agent or instrument noun (دەستگیر, چێژبەخش, ئازارشکێن|ی),
/// which is lemma and stem, ranked like a derived word. (A stem in a vowel
/// makes its agent with -ەر: کەر, دەر.)
fn agent_compound(word: &str, end: usize, st: &SufStack, out: &mut Vec<Cand>) {
    let lex = &*LEXICON;
    let compound = &word[..end];
    if compound.ends_with(['ا', 'و', 'ە', 'ێ', 'ۆ', 'ی']) {
        return;
    }
    // With suffixes after it, the compound must be a word the corpora
    // attest: a noun + a stem + ت or ان is more often an unknown word
    // (سیمێنت, تیرنیشان) than سیمێن + ت.
    if st.n > 0 && crate::lexicon::Lexicon::embedded().frequency(compound) < ATTESTED_COUNT {
        return;
    }
    for (k, _) in compound.char_indices().skip(2) {
        let (base, stem) = compound.split_at(k);
        if chars(stem) < 2 {
            break;
        }
        if !lex.get(stem).iter().any(|e| e.kind == Kind::Prs) {
            continue;
        }
        let Some(i) = derivation_base(base, &affix::AGENT_COMPOUND) else { continue };
        let penalty = 60 + entry_penalty(lex.entry(i), base, "");
        out.push(unlisted(end, st, &affix::AGENT_COMPOUND, i, score(chars(compound), st.n, penalty)));
    }
}

/// A derivational prefix that only words with no other known reading are
/// read with (هاوتیمییەکانی, ناسیاسی), + a known noun or adjective and
/// nominal suffixes.
fn derived_by_prefix(word: &str, out: &mut Vec<Cand>) {
    let lex = &*LEXICON;
    for derivation in affix::RARE_DERIVATIONAL_PREFIXES {
        let from = derivation.text.len();
        if !word.starts_with(derivation.text) || chars(&word[from..]) < 3 {
            continue;
        }
        let mut stack = SufStack::new();
        suffix_splits(word, from, word.len(), &NOMINAL_TABLE, u8::MAX, &mut stack, &mut |end, st| {
            let base = &word[from..end];
            let Some(i) = derivation_base(base, derivation) else { return };
            let penalty = 30 + entry_penalty(lex.entry(i), base, &word[end..]);
            out.push(unlisted(end, st, derivation, i, score(chars(base) + 1, st.n, penalty)));
        });
    }
}

/// The candidate of the unlisted derived word `word[..end]` that
/// `derivation` makes of lexicon row `i`, followed by the suffixes `st`.
fn unlisted(end: usize, st: &SufStack, derivation: &affix::Derivation, i: u32, score: i32) -> Cand {
    let mut c = new_cand();
    push(&mut c, 0, end, derived_tag(derivation, LEXICON.entry(i)), MorphemeKind::Stem);
    push_suffixes(&mut c, st);
    c.entry = i;
    c.stem = (0, end as u16);
    c.lemma = LemmaHow::Unlisted(0, end as u16);
    c.score = score;
    c
}

/// Penalty of lexicon entry `e` used as the stem `stem`, followed in the word
/// by `after` (empty: no suffix): doubtful entries and whole words that are
/// more often an inflected form of a shorter known word rank lower.
pub(crate) fn entry_penalty(e: &Entry, stem: &str, after: &str) -> i32 {
    let bare = after.is_empty();
    let lex = &*LEXICON;
    let mut penalty = 0;
    if e.attested {
        penalty += 50;
    }
    // A word that is also a past participle (ناسراو = ناسرا + و, کەوتوو =
    // کەوت + وو) is that verb form, as UniMorph lemmatizes it, with a suffix
    // too (کراوە = کرا + و + ە "has been done", far more often than the
    // adjective کراو + ە).
    if e.kind == Kind::Word && is_participle(stem) {
        penalty += 80;
    }
    // A whole word that is also a past stem + perfect/ەوە/3sg ending
    // (کردووە, کردەوە) is far more often that verb form.
    if bare && e.kind == Kind::Word {
        for end in ["ووە", "وو", "ەوە", "ە"] {
            if let Some(p) = stem.strip_suffix(end) {
                if p.len() >= 6
                    && lex.get(p).iter().any(|x| x.kind == Kind::Pst || (end == "ەوە" && x.kind == Kind::Inf))
                {
                    penalty += 80;
                    break;
                }
            }
        }
    }
    if matches!(e.pos, super::Pos::Propn | super::Pos::Intj) {
        penalty += 50;
    }
    // A particle spelled like a verb form (دەبا "let", نەکا "lest", ئەوێ
    // "there") with an ending after it is that verb (دەبات "takes", نەکات,
    // ئەوێت "wants").
    if !bare && matches!(e.pos, super::Pos::Adv | super::Pos::Intj | super::Pos::Part) && spelled_like_present(stem) {
        penalty += 40;
    }
    // A listed noun + ەک (کارەک, another dialect's indefinite) before a
    // suffix is far more often the noun + ەکە/ەکان (کارەکەی, کارەکانی).
    if !bare && e.kind == Kind::Word {
        if let Some(base) = stem.strip_suffix("ەک") {
            if base.len() >= 6 && lex.get(base).iter().any(|x| x.kind == Kind::Word && !x.attested) {
                penalty += 40;
            }
        }
    }
    // The X / Xە doubt only matters when a suffix follows (a bare word is
    // itself), and for a noun or adjective X only before ە or ا: کێشی is
    // کێش + ی, since کێشە + ی would be written کێشەی. (A function word X
    // keeps it: یانی "that is" is no conjunction یان + ی.)
    let nominal = matches!(e.pos, super::Pos::Noun | super::Pos::Adj);
    if e.weak && !bare && (!nominal || e.form.ends_with('ە') || after.starts_with(['ە', 'ا'])) {
        penalty += 45;
    }
    if e.vform {
        penalty += 100;
    }
    // A word listed whole that is more often an inflected form of a
    // known base: X+ezafe (کاتی), degree (باشترین), ordinal (سێیەم), or a
    // doubtful entry in -ە (کوڕە = کوڕ + ە).
    if e.ezafe_like {
        penalty += 40;
    }
    let doubtful = e.attested || matches!(e.pos, super::Pos::Propn | super::Pos::Intj);
    for (sfx, only_doubtful) in
        [("ترین", false), ("تر", false), ("یەم", false), ("هەم", false), ("ەم", false), ("ە", true)]
    {
        if only_doubtful && !doubtful {
            continue;
        }
        if let Some(shorter) = stem.strip_suffix(sfx) {
            if shorter.len() >= 4 && lex.get(shorter).iter().any(|x| x.kind == Kind::Word && !x.attested) {
                // Degree and ordinal words listed whole (باشتر, دووەم) lose to
                // their base + suffix, as UniMorph lemmatizes them; a doubtful
                // entry in -ە only ranks lower.
                penalty += if only_doubtful { 40 } else { 25 + 20 * chars(sfx) as i32 };
                break;
            }
        }
    }
    penalty
}

/// Whether `word` is دە-/ئە-/نا-/نە- + a present stem, or + a present stem
/// in ە written with the 3sg ا (دەبا = دە + بە + ا).
fn spelled_like_present(word: &str) -> bool {
    let is_present = |s: &str| LEXICON.get(s).iter().any(|x| x.kind == Kind::Prs);
    ["دە", "ئە", "نا", "نە"].iter().any(|p| {
        word.strip_prefix(p).is_some_and(|rest| {
            let mut buf = [0u8; 96];
            is_present(rest) || rest.strip_suffix('ا').and_then(|r| with_e(r, &mut buf)).is_some_and(is_present)
        })
    })
}

/// Past participles used as nominals: [preverb or nominal part of a compound
/// verb] [نە] past stem + وو/و + nominal suffixes (نەبینراوەکانی = نە + بینرا
/// + و + ەکان + ی; لێپرسراوی = لێ + پرسرا + و + ی; دیپۆرتکراوەکان = دیپۆرت
/// + کرا + و + ەکان, when دیپۆرتکردن is a known compound verb).
fn participle(word: &str, end: usize, st: &SufStack, out: &mut Vec<Cand>) {
    let lex = &*LEXICON;
    let body = &word[..end];
    let Some(stem_end) = participle_stem(body).map(str::len) else { return };
    // (ە or ەوە after وو is the perfect's: the verbal reading gives it)
    if perfect_e_after_uu(body, st) {
        return;
    }
    for (k, _) in word[..stem_end].char_indices() {
        let pst = &word[k..stem_end];
        if pst.len() < 4 {
            break;
        }
        let Some((a, z)) = lex.position(pst) else { continue };
        // What precedes the past stem: nothing, نە, or a preverb / nominal part with an optional نە.
        let before = &word[..k];
        let (lead, neg) = match before.strip_suffix("نە") {
            Some(l) => (l, true),
            None => (before, false),
        };
        let preverb = !lead.is_empty() && affix::PREVERBS.contains(&lead);
        let nominal_lead = !lead.is_empty()
            && !preverb
            && lex.get(lead).iter().any(|x| x.kind == Kind::Word && !x.attested && !x.bound);
        if !lead.is_empty() && !preverb && !nominal_lead {
            continue;
        }
        for i in a..z {
            let e = lex.entry(i);
            if e.kind != Kind::Pst {
                continue;
            }
            // A nominal part needs its compound verb in the lexicon (دیپۆرتکردن),
            // or one of the light verbs that make compounds freely (کردن, بوون,
            // دان, گرتن); another compound is a doubtful reading, as in
            // `verb_stem` (دەستڕۆیشتووەکان).
            let doubtful =
                nominal_lead && !matches!(e.lemma, "کردن" | "بوون" | "دان" | "گرتن") && !compound_known(lead, e.lemma);
            let mut c = new_cand();
            if !lead.is_empty() {
                if preverb {
                    push(&mut c, 0, lead.len(), tag!("PVB"), MorphemeKind::Prefix);
                } else {
                    push(&mut c, 0, lead.len(), tag!("NOM"), MorphemeKind::Stem);
                }
                c.lemma = LemmaHow::Prefixed(0, lead.len() as u16);
            }
            if neg {
                push(&mut c, lead.len(), k, tag!("NEG"), MorphemeKind::Prefix);
            }
            push(&mut c, k, stem_end, stem_tag(e), MorphemeKind::Stem);
            push(&mut c, stem_end, end, tag!("PTCP"), MorphemeKind::Suffix);
            push_suffixes(&mut c, st);
            c.entry = i;
            c.stem = (k as u16, stem_end as u16);
            // A participle + ە alone is the perfect (هێناوە), which the
            // verbal reading names as such.
            let perfect = st.n == 1 && st.items[0].2.text == "ە";
            let lead_chars = if preverb { preverb_weight(lead) } else { chars(lead) };
            let penalty = if perfect { 10 } else { 0 } + if doubtful { 40 } else { 0 };
            c.score = score(chars(pst) + 1 + lead_chars, st.n, penalty)
                - 8 * (1 + usize::from(neg) + usize::from(!lead.is_empty())) as i32;
            out.push(c);
        }
    }
}

/// Whether `lead` + `infinitive` is a compound verb of the lexicon.
fn compound_known(lead: &str, infinitive: &str) -> bool {
    let mut buf = [0u8; 128];
    let n = lead.len() + infinitive.len();
    if n > buf.len() {
        return false;
    }
    buf[..lead.len()].copy_from_slice(lead.as_bytes());
    buf[lead.len()..n].copy_from_slice(infinitive.as_bytes());
    std::str::from_utf8(&buf[..n]).is_ok_and(|w| LEXICON.get(w).iter().any(|x| x.kind == Kind::Inf))
}

/// A parsed verbal prefix chain.
#[derive(Clone, Copy)]
struct Prefixes {
    parts: [Part; 5],
    n: usize,
    end: usize,
    preverb: Option<(u16, u16)>,
    neg: Option<&'static str>,
    aspect: bool,
    mood: bool,
}

/// A fixed-capacity list of prefix chains (no heap allocation).
struct Chains {
    items: [Prefixes; 16],
    n: usize,
}

const NO_PREFIX: Prefixes =
    Prefixes { parts: [EMPTY; 5], n: 0, end: 0, preverb: None, neg: None, aspect: false, mood: false };

impl Chains {
    fn new() -> Self {
        Chains { items: [NO_PREFIX; 16], n: 0 }
    }
    fn push(&mut self, p: Prefixes) {
        if self.n < self.items.len() {
            self.items[self.n] = p;
            self.n += 1;
        }
    }
    fn as_slice(&self) -> &[Prefixes] {
        &self.items[..self.n]
    }
}

fn add(p: &Prefixes, text_len: usize, tag: Tag, kind: MorphemeKind) -> Prefixes {
    let mut q = *p;
    if q.n < q.parts.len() {
        q.parts[q.n] = Part { start: p.end as u16, end: (p.end + text_len) as u16, tag, kind };
        q.n += 1;
    }
    q.end = p.end + text_len;
    q
}

/// The chains of `p` + progressive دە-/ئە- (not after نا-/مە-) and of `p`
/// + subjunctive ب- (not after a negation) that `word` continues with.
fn aspect_and_mood(word: &str, p: &Prefixes, out: &mut Chains) {
    let rest = &word[p.end..];
    if p.neg.is_none() || p.neg == Some("نە") {
        for asp in ["دە", "ئە"] {
            if rest.starts_with(asp) {
                let mut q = add(p, asp.len(), tag!("PROG"), MorphemeKind::Prefix);
                q.aspect = true;
                out.push(q);
            }
        }
    }
    if p.neg.is_none() && rest.starts_with('ب') {
        let mut q = add(p, 'ب'.len_utf8(), tag!("SBJV"), MorphemeKind::Prefix);
        q.mood = true;
        out.push(q);
    }
}

/// Every verbal prefix chain that `word` starts with (the empty chain first):
/// [preverb] [negation] [aspect or mood], with at most one pronominal clitic
/// right after the first element.
fn prefix_chains(word: &str, out: &mut Chains) {
    out.push(NO_PREFIX);
    let start = out.n;
    let mut stage1 = [NO_PREFIX; 2];
    let mut n1 = 1;
    for &pv in affix::PREVERBS {
        if word.starts_with(pv) && n1 < 2 {
            let mut q = add(&NO_PREFIX, pv.len(), tag!("PVB"), MorphemeKind::Prefix);
            q.preverb = Some((0, pv.len() as u16));
            stage1[n1] = q;
            n1 += 1;
        }
    }
    let mut stage2 = [NO_PREFIX; 8];
    let mut n2 = 0;
    for p in &stage1[..n1] {
        stage2[n2] = *p;
        n2 += 1;
        let rest = &word[p.end..];
        for (neg, tag) in [("نە", tag!("NEG")), ("نا", tag!("NEG")), ("مە", tag!("PROH"))] {
            if rest.starts_with(neg) && n2 < stage2.len() {
                let mut q = add(p, neg.len(), tag, MorphemeKind::Prefix);
                q.neg = Some(neg);
                stage2[n2] = q;
                n2 += 1;
            }
        }
    }
    for p in &stage2[..n2] {
        if p.n > 0 {
            out.push(*p);
        }
        aspect_and_mood(word, p, out);
        // The clitic after a first element that دە- or ب- follows
        // (نەیدەتوانی, هەڵیدەگرت, هەڵیبگرە), or after a preverb that the
        // negation follows (هەڵینەگرت, ڕاینەگەیاند, هەڵینەدەگرت).
        if p.n == 1 {
            let rest = &word[p.end..];
            for &(cl, tag) in affix::PREFIX_CLITICS {
                if let Some(after) = rest.strip_prefix(cl) {
                    let q = add(p, cl.len(), tag, MorphemeKind::Clitic);
                    aspect_and_mood(word, &q, out);
                    if p.preverb.is_some() && after.starts_with("نە") {
                        let mut q = add(&q, "نە".len(), tag!("NEG"), MorphemeKind::Prefix);
                        q.neg = Some("نە");
                        out.push(q);
                        aspect_and_mood(word, &q, out);
                    }
                }
            }
        }
    }
    // A clitic right after the first element of each chain.
    let end = out.n;
    for i in start..end {
        let p = out.items[i];
        if p.parts[..p.n].iter().any(|x| x.kind == MorphemeKind::Clitic) {
            continue;
        }
        let first_end = p.parts[0].end as usize;
        let rest = &word[first_end..];
        for &(cl, tag) in affix::PREFIX_CLITICS {
            if !rest.starts_with(cl) {
                continue;
            }
            let mut q = NO_PREFIX;
            q.parts[0] = p.parts[0];
            q.n = 1;
            q.end = first_end;
            q.preverb = p.preverb;
            q.neg = p.neg;
            q.aspect = p.aspect;
            q.mood = p.mood;
            q = add(&q, cl.len(), tag, MorphemeKind::Clitic);
            let mut ok = true;
            for k in 1..p.n {
                let t = &word[p.parts[k].start as usize..p.parts[k].end as usize];
                if word[q.end..].starts_with(t) {
                    q = add(&q, t.len(), p.parts[k].tag, p.parts[k].kind);
                } else {
                    ok = false;
                    break;
                }
            }
            if ok {
                out.push(q);
            }
        }
    }
}

/// Verbal analyses of `word`.
fn verbal(word: &str, out: &mut Vec<Cand>) {
    let mut chains = Chains::new();
    prefix_chains(word, &mut chains);
    let lex = &*LEXICON;
    for pre in chains.as_slice() {
        if pre.end + 2 > word.len() {
            continue;
        }
        let mut stack = SufStack::new();
        suffix_splits(word, pre.end, word.len(), &VERBAL_TABLE, u8::MAX, &mut stack, &mut |end, st| {
            let core = &word[pre.end..end];
            verb_stem(word, pre, end, core, st, lex.get(core), None, out);
            let inner = if st.n > 0 { st.items[st.n - 1].2.text } else { "" };
            // دەکات = دە + کە + ات: a present stem's final ە before ات/ا.
            if inner.starts_with('ا') && !core.is_empty() {
                verb_stem_restored(word, pre, end, core, "ە", st, out);
            }
            // بوایە = بوو + ایە: a past stem's وو written once before the
            // conditional's ا (بووایە is written too)
            if inner == "ایە" && core.ends_with('و') && !core.ends_with("وو") {
                verb_stem_restored(word, pre, end, core, "و", st, out);
            }
            // بۆتە = بوو + ۆ + ت + ە: the contracted perfect swallows a
            // past stem's وو
            if inner == "ۆ" {
                verb_stem_restored(word, pre, end, core, "وو", st, out);
            }
        });
    }
}

/// Like [`verb_stem`] for a stem `core` + `letters` whose last letters the
/// ending swallowed (ە before ات, the second و of وو before ایە, وو before
/// the contracted perfect ۆ).
fn verb_stem_restored(
    word: &str,
    pre: &Prefixes,
    end: usize,
    core: &str,
    letters: &str,
    st: &SufStack,
    out: &mut Vec<Cand>,
) {
    let mut buf = [0u8; 96];
    let Some(full) = with_letters(core, letters, &mut buf) else { return };
    let before = out.len();
    verb_stem(word, pre, end, full, st, LEXICON.get(full), None, out);
    for c in &mut out[before..] {
        c.score -= 5;
    }
}

#[allow(clippy::too_many_arguments)]
fn verb_stem(
    word: &str,
    pre: &Prefixes,
    end: usize,
    core: &str,
    st: &SufStack,
    entries: &[Entry],
    nominal_part: Option<(usize, usize)>,
    out: &mut Vec<Cand>,
) {
    if entries.is_empty() {
        return;
    }
    let lex = &*LEXICON;
    let Some((first, _)) = lex.position(core) else { return };
    let stem_len = end.saturating_sub(pre.end);
    let has_prf = (0..st.n).any(|k| matches!(st.items[k].2.slot, 1));
    let perfect = (0..st.n).any(|k| st.items[k].2.tag == "PRF");
    let person_suffix = (0..st.n).find(|&k| st.items[k].2.slot == 2).map(|k| st.items[k].2);
    let person = person_suffix.map(|x| x.tag);
    // The person ending ە, the agent clitic یەتی and the ە after an agent
    // clitic belong to the perfect only (کردووە, کردوویەتی, کردوومە).
    let perfect_only = (0..st.n).any(|k| {
        let x = st.items[k].2;
        (x.slot == 2 && x.text == "ە") || x.text == "یەتی" || x.tag == "PRF.3S"
    });
    // (ە is also the imperative ending after ب-/مە-: بخوێنە, مەهێڵە)
    let imperative = pre.mood || pre.neg == Some("مە");
    let perfect_3s_uu = core.ends_with("وو") && person == Some("3S");
    if perfect_only && !(perfect || perfect_3s_uu || imperative) {
        return;
    }
    // The perfect's ە after a clitic, or after a person ending before the
    // epenthetic ت, needs a perfect (کردوومە, کەوتوونەتە; بچێتە is ب + چ +
    // ێت + ە, not ب + چ + ێ + ت + ە).
    let has_ep = (0..st.n).any(|k| st.items[k].2.tag == "EP");
    let after_person = person.is_some() && has_ep;
    if (0..st.n).any(|k| st.items[k].2.tag == "PRF.3S")
        && (!((0..st.n).any(|k| st.items[k].2.slot == 3) || after_person) || !(perfect || core.ends_with("وو")))
    {
        return;
    }
    // A clitic stands before the perfect's ە (کردوومە), never after it.
    if person_suffix.is_some_and(|x| x.text == "ە") && (0..st.n).any(|k| st.items[k].2.slot == 3) {
        return;
    }
    // The epenthetic ت stands between the perfect's ە (or the contracted
    // perfect ۆ) and -ەوە or the directional -ە (کردووەتەوە, کردۆتەوە),
    // nowhere else (items are outermost first); and ۆ only stands before it.
    let stray_ep = (0..st.n).any(|k| {
        st.items[k].2.tag == "EP" && (k == 0 || k + 1 == st.n || !matches!(st.items[k + 1].2.text, "ە" | "ۆ"))
    });
    let stray_contraction = (0..st.n).any(|k| st.items[k].2.text == "ۆ" && (k == 0 || st.items[k - 1].2.tag != "EP"));
    if stray_ep || stray_contraction {
        return;
    }
    let directional = (0..st.n).any(|k| st.items[k].2.tag == "DIR");
    // the past conditional (بکردایە, بکردبا): a past stem, ب- allowed
    let conditional = (0..st.n).any(|k| st.items[k].2.tag == "SBJV;PST");
    let conditional_aye = (0..st.n).any(|k| st.items[k].2.tag == "SBJV;PST" && st.items[k].2.slot == 4);
    // The spoken directional ێ follows present forms only (دەیدەنێ); after a
    // past stem + ن it is another dialect's ezafe on an infinitive (پاراستنێ).
    let spoken_dir = (0..st.n).any(|k| st.items[k].2.tag == "DIR" && st.items[k].2.text == "ێ");
    // وە right after a stem in ا is the perfect و + ە (کراوە "has been
    // done"); the particle there is written یەوە (کرایەوە).
    let ewe_after_a = st.n > 0 && st.items[st.n - 1].2.text == "وە" && core.ends_with('ا');
    let prefix_clitic = pre.parts[..pre.n].iter().any(|p| affix::PREFIX_CLITICS.iter().any(|&(_, tag)| tag == p.tag));
    // The 3sg ات/ا follows a present stem in a vowel (دەخوات, دەڕوات; دەکات
    // = دە + کە + ات): after a consonant it is ێت/ێ (دەبات is بردن's بە +
    // ات, never بوون's ب + ات).
    let ending_after_vowel_only =
        person_suffix.is_some_and(|x| matches!(x.text, "ات" | "ا")) && !core.ends_with(['و', 'ە', 'ا', 'ۆ', 'ێ', 'ی']);
    for (off, e) in entries.iter().enumerate() {
        // A one-letter present stem with no ending (داب = دا + ب) is not a verb form.
        if e.kind == Kind::Prs && person.is_none() && core.chars().nth(1).is_none() && nominal_part.is_none() {
            continue;
        }
        let ok = match e.kind {
            Kind::Prs => {
                !has_prf
                    && !ending_after_vowel_only
                    && !conditional_aye
                    && (pre.aspect || pre.mood || pre.neg.is_some() || pre.preverb.is_some() || nominal_part.is_some())
                    && (person.is_some_and(affix::present_person)
                        || (person.is_none()
                            && (pre.mood
                                || pre.neg == Some("مە")
                                || pre.preverb.is_some()
                                // A compound's imperative may go without ب-
                                // when its stem ends in ە (سەیرکە); a bare
                                // stem in another letter after a noun is an
                                // agent or instrument noun (دەستگیر, وێنەگر,
                                // چێژبەخش), not a verb.
                                || (nominal_part.is_some() && core.ends_with('ە'))
                                // a stem in ێ/ا swallows the 3sg ending (ئەڵێ, دەچێ)
                                || (pre.aspect && (core.ends_with('ێ') || core.ends_with('ا'))))))
            }
            // The 3sg ending of a past stem is nothing (هات); ێت ات ا ت are
            // present endings (دەدات is دە + د + ات, not دە + دا + ت).
            Kind::Pst => {
                !spoken_dir
                    && (!pre.mood || conditional)
                    && pre.neg != Some("نا")
                    && pre.neg != Some("مە")
                    && !person_suffix.is_some_and(|x| x.tag == "3S" && x.text != "ە")
            }
            _ => false,
        };
        if !ok {
            continue;
        }
        let mut c = new_cand();
        let mut penalty = 0;
        if let Some((a, b)) = nominal_part {
            push(&mut c, a, b, tag!("NOM"), MorphemeKind::Stem);
            c.lemma = LemmaHow::Prefixed(a as u16, b as u16);
            penalty += 40;
        }
        for p in &pre.parts[..pre.n] {
            push(&mut c, p.start as usize, p.end as usize, p.tag, p.kind);
        }
        if let Some((a, b)) = pre.preverb {
            c.lemma = LemmaHow::Prefixed(a, b);
            // A preverb makes a verb of its own (هەڵگرتن, ڕاکردن): one the
            // lexicon lacks (ڕۆ + ژیان for ڕۆژی) is a doubtful reading.
            if !compound_known(&word[a as usize..b as usize], e.lemma) {
                penalty += 40;
            }
        }
        push(&mut c, pre.end, pre.end + stem_len.min(core.len()), stem_tag(e), MorphemeKind::Stem);
        push_suffixes(&mut c, st);
        c.entry = first + off as u32;
        if e.kind == Kind::Prs && person.is_none() && pre.mood {
            penalty += 30;
        }
        // A clitic before a present stem is its object (دەیگۆڕێت "changes
        // it"): the transitive stem of a pair (گۆڕین beside گۆڕان) reads it.
        if e.kind == Kind::Prs && !e.transitive && pre.preverb.is_none() && prefix_clitic {
            penalty += 30;
        }
        // The directional -ە (گەیشتە) ranks below a nominal copula
        // (پێویستە), unless the perfect's ت stands before it (خراوەتە).
        if directional && !has_ep {
            penalty += 15;
        }
        if ewe_after_a {
            penalty += 20;
        }
        // A bare past stem + ەوە (کردەوە) before a nominal past stem + ە
        // + وە that is far more often the verb (کردە "act").
        if e.kind == Kind::Pst && pre.n == 0 && st.n == 1 && st.items[0].2.text == "ەوە" && nominal_part.is_none() {
            let noun = word.get(pre.end..end + 'ە'.len_utf8()).unwrap_or("");
            if lex.get(noun).iter().any(|x| x.kind == Kind::Word && x.verbal) {
                penalty -= 20;
            }
        }
        // A bare past stem in -ی whose base is a noun (ماڵی) is more often
        // noun + ezafe, unless the base is far more often the verb (زانی).
        if e.kind == Kind::Pst && st.n == 0 && pre.n == 0 && nominal_part.is_none() {
            if let Some(base) = core.strip_suffix('ی') {
                if lex.get(base).iter().any(|x| x.kind == Kind::Word && !x.attested && !x.verbal) {
                    penalty += 60;
                }
            }
        }
        // After دە- a past stem takes its agent clitic before it (دەمکرد):
        // one at the end reads the present (دەدات is دە + د + ات, not
        // دە + دا + ت "you were giving").
        if e.kind == Kind::Pst && pre.aspect && (0..st.n).any(|k| st.items[k].2.slot == 3) {
            penalty += 30;
        }
        if e.kind == Kind::Pst && pre.n == 0 && nominal_part.is_none() {
            // Word-initial نا is the negation far more often than the past
            // stem of نان (put), which lives in compounds (دانا); alone, it
            // is the word "no".
            if core == "نا" {
                penalty += if st.n == 0 { 60 } else { 40 };
            }
            // A bare transitive past stem that is also a listed noun, numeral
            // or adjective (شت "thing", بیست "twenty") is that word more
            // often than the verb without its agent (an intransitive one is
            // a whole 3sg verb: وەستا "stopped", گیرا "was caught").
            if st.n == 0
                && e.transitive
                && lex.get(core).iter().any(|x| {
                    x.kind == Kind::Word
                        && !x.attested
                        && matches!(x.pos, super::Pos::Noun | super::Pos::Num | super::Pos::Adj)
                })
            {
                penalty += 10;
            }
            // A past stem that is also a noun (دوا, مرد) + ی alone is more
            // often the noun + ezafe (دوای "after") than a 2sg or 3sg-agent verb.
            if st.n == 1
                && st.items[0].2.text == "ی"
                && lex.get(core).iter().any(|x| x.kind == Kind::Word && x.pos == super::Pos::Noun && !x.attested)
            {
                penalty += 20;
            }
        }
        // The agent of a transitive past verb is a clitic (گوتی "he said",
        // گوتم "I said"); its person endings mark the object, and more rarely.
        if e.kind == Kind::Pst
            && e.transitive
            && person_suffix.is_some_and(|x| x.text != "ە")
            && !(0..st.n).any(|k| st.items[k].2.slot == 1 || st.items[k].2.slot == 3)
        {
            penalty += 3;
        }
        // Two verbs sharing a stem (نووس: نووسین, نووسان): the transitive first.
        if e.transitive {
            penalty -= 2;
        }
        c.stem = (pre.end as u16, end as u16);
        if e.attested {
            penalty += 120;
        }
        let stem_chars = chars(core)
            + nominal_part.map_or(0, |(a, b)| chars(&word[a..b]))
            + pre.preverb.map_or(0, |(a, b)| preverb_weight(&word[a as usize..b as usize]));
        // Verbal affixes are strong evidence: they cost less than nominal ones.
        c.score = score(stem_chars, 0, penalty) - 8 * (st.n + pre.n) as i32 + 5;
        out.push(c);
    }
}

/// How many stem letters a preverb counts as in the ranking: half its
/// letters (rounded up). Counted whole, a preverb + a short verb stem beat
/// the noun spelled the same (ڕادە + ی read ڕا + دە + ی, داهات + ی read
/// دا + هات + ی).
fn preverb_weight(preverb: &str) -> usize {
    chars(preverb).div_ceil(2)
}

/// Whether `e` is a word that may begin a compound verb: a noun, adjective
/// or adverb (دیاری in دیاریکردن, بەرەوپێش in بەرەوپێشبردن).
fn leads_a_compound(e: &Entry) -> bool {
    e.kind == Kind::Word && matches!(e.pos, super::Pos::Noun | super::Pos::Adj | super::Pos::Adv)
}

/// Compound verbs written as one word: `word[..k]` a known non-verb word,
/// `word[k..end]` a verb stem, possibly with verbal prefixes between them.
fn compound(word: &str, _pre: &Prefixes, end: usize, st: &SufStack, out: &mut Vec<Cand>) {
    let lex = &*LEXICON;
    for (k, _) in word[..end].char_indices().skip(2) {
        let left = &word[..k];
        if !lex.get(left).iter().any(leads_a_compound) {
            continue;
        }
        let mut chains = Chains::new();
        prefix_chains(&word[k..end], &mut chains);
        for p in chains.as_slice() {
            let mut pre = *p;
            if pre.preverb.is_some() {
                continue;
            }
            for part in &mut pre.parts[..pre.n] {
                part.start += k as u16;
                part.end += k as u16;
            }
            pre.end += k;
            let core = &word[pre.end..end];
            if core.len() >= 4 {
                verb_stem(word, &pre, end, core, st, lex.get(core), Some((0, k)), out);
            }
            // the contracted perfect after a stem in وو (بڵاوبۆتەوە)
            if st.n > 0 && st.items[st.n - 1].2.text == "ۆ" {
                let mut buf = [0u8; 96];
                if let Some(full) = with_letters(core, "وو", &mut buf) {
                    verb_stem(word, &pre, end, full, st, lex.get(full), Some((0, k)), out);
                }
            }
        }
    }
}

/// The infinitive of a compound verb written joined, with nominal suffixes:
/// `word[..k]` a known non-verb word, then a past stem + ن (دیاری + کرد +
/// ن + ی). Ranked above reading the same letters as a finite verb (کرد +
/// ن "they did" + ی), which an ezafe after an infinitive far outnumbers.
///
/// One pass over the nominal suffixes gives these and the words derived by
/// a suffix ([`derived_by_suffix`]).
fn derived_or_compound_infinitive(word: &str, out: &mut Vec<Cand>) {
    let lex = &*LEXICON;
    let mut stack = SufStack::new();
    suffix_splits(word, 0, word.len(), &NOMINAL_TABLE, u8::MAX, &mut stack, &mut |end, st| {
        derived_by_suffix(word, end, st, out);
        agent_compound(word, end, st, out);
        let Some(body) = word[..end].strip_suffix('ن') else { return };
        for (k, _) in body.char_indices().skip(2) {
            let (left, pst) = (&body[..k], &body[k..]);
            if pst.len() < 4 {
                break;
            }
            if !lex.get(left).iter().any(|e| leads_a_compound(e) && !e.attested) {
                continue;
            }
            let Some((a, z)) = lex.position(pst) else { continue };
            let Some(i) = (a..z).find(|&i| lex.entry(i).kind == Kind::Pst) else { continue };
            let mut c = new_cand();
            push(&mut c, 0, k, tag!("NOM"), MorphemeKind::Stem);
            push(&mut c, k, body.len(), stem_tag(lex.entry(i)), MorphemeKind::Stem);
            push(&mut c, body.len(), end, tag!("INF"), MorphemeKind::Suffix);
            push_suffixes(&mut c, st);
            c.entry = i;
            c.stem = (k as u16, body.len() as u16);
            c.lemma = LemmaHow::Prefixed(0, k as u16);
            c.score = score(chars(&word[..end]), st.n, 40);
            out.push(c);
        }
    });
}

/// Guesses for a word none of whose splits reach a known stem of the stem
/// lexicon. A stem the word-frequency lexicon attests comes first (the word
/// itself, or what is left under nominal suffixes; more suffixes first, as a
/// corpus lists inflected forms too); then reliable nominal suffixes cut off
/// an unknown stem of at least three letters.
pub(crate) fn guess(word: &str, out: &mut Vec<Cand>) {
    if word.is_empty() || word.len() > u16::MAX as usize / 2 {
        return;
    }
    let attested_ends = crate::lexicon::Lexicon::embedded().prefixes_counted(word, ATTESTED_COUNT);
    let attested = |end: usize| end < 128 && attested_ends & (1 << end) != 0;
    let mut stack = SufStack::new();
    let mut best: Option<Cand> = None;
    let mut best_attested: Option<Cand> = None;
    suffix_splits(word, 0, word.len(), &NOMINAL_TABLE, u8::MAX, &mut stack, &mut |end, st| {
        let stem = &word[..end];
        let n = chars(stem);
        if n < 2 || st.n == 0 || (perfect_e_after_uu(stem, st) && ends_in_verb_form_uu(stem)) {
            return;
        }
        // (the glide-less ەک only after a listed word: see `nominal_entries`)
        if glide_less(st) {
            return;
        }
        let mut c = new_cand();
        push(&mut c, 0, end, tag!("X"), MorphemeKind::Stem);
        push_suffixes(&mut c, st);
        c.lemma = LemmaHow::Guess(0, end as u16);
        c.stem = (0, end as u16);
        if attested(end) {
            c.entry = ATTESTED;
            c.score = 200 + 10 * st.n as i32 - n as i32;
            if best_attested.as_ref().is_none_or(|b| c.score > b.score) {
                best_attested = Some(c);
            }
            return;
        }
        // The suffix next to the stem must be reliable (ەکە, ەکان, ێک …).
        let inner = st.items[st.n - 1].2;
        // ی after a stem in ی (تواناسازیی) is the ezafe or a clitic: reliable
        // too; and so is a lone ezafe after an unknown stem of four letters
        // or more (میکونوسی, میداڵی): of the UniMorph forms in -ی, base +
        // ezafe outnumbers a derived -ی word about three to one (unseen
        // lemmas, cross-validated with bench/morph-folds.sh: dev 91.0 ->
        // 92.6%, 90.1 -> 90.7%, the other two folds unchanged).
        let lone_ezafe = n >= 4 && st.n == 1 && inner.tag == "EZ";
        let ezafe_after_i = inner.text == "ی" && (stem.ends_with('ی') || lone_ezafe);
        if n < 3 || !(inner.reliable || ezafe_after_i) {
            return;
        }
        c.score = 100 + 10 * st.n as i32 - n as i32;
        if best.as_ref().is_none_or(|b| c.score > b.score) {
            best = Some(c);
        }
    });
    let mut whole = new_cand();
    push(&mut whole, 0, word.len(), tag!("X"), MorphemeKind::Stem);
    whole.lemma = LemmaHow::Guess(0, word.len() as u16);
    whole.stem = (0, word.len() as u16);
    whole.score = 50;
    if attested(word.len()) {
        whole.entry = ATTESTED;
        whole.score = 200;
    }
    out.extend(best_attested);
    out.extend(best);
    out.push(whole);
}
