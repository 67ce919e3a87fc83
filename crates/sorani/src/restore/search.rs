//! Candidate generation: a depth-first walk of the lexicon fst driven by the
//! typed letters and the channel's confusions, so that only spellings that
//! exist in the lexicon are ever built.

use fst::raw::{Fst, Node, Output};

use super::channel::{is_standard_letter, Channel, Op};
use crate::lexicon::FstBytes;

/// A lexicon word that the typed word may stand for.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Candidate {
    /// The standard spelling.
    pub word: String,
    /// Its lexicon frequency.
    pub freq: u64,
    /// The channel cost of reading the typed word as this one.
    pub cost: f32,
    /// The confusion classes used ([`Op::bit`]s).
    pub ops: u32,
}

struct Walk<'f, 'c> {
    fst: &'f Fst<FstBytes>,
    chars: &'c [char],
    channel: Channel,
    budget: f32,
    steps: usize,
    out: Vec<Candidate>,
    buf: String,
    /// When set, the lexicon words that end before the typed word does
    /// (stems that a suffix chain may follow), with where they end.
    stems: Option<Vec<Stem>>,
    /// Reading a suffix chain: of the dropped vowels, only ە is put back
    /// (a keyboard drops ە in ەکان; the chains' ی و are typed).
    chain: bool,
}

/// At most this many fst nodes are visited per word.
const MAX_STEPS: usize = 30_000;
/// At most this many candidates are kept per word.
const MAX_CANDIDATES: usize = 64;

/// The lexicon words within the channel's budget of `chars` (typed letters,
/// marks and ZWNJ already removed), cheapest first is not guaranteed.
pub(crate) fn candidates(map: &fst::Map<FstBytes>, chars: &[char], channel: Channel, budget: f32) -> Vec<Candidate> {
    walked(map, chars, channel, budget, false).out
}

/// [`candidates`], and the lexicon count of the typed word itself (0: not
/// in the lexicon) when the walk settles it, sparing a look-up: the walk
/// reads every standard letter as itself whatever the budget, so a walk that
/// went everywhere (no limit on steps or candidates cut it short) has found
/// the typed word if the lexicon has it. `None` when it cannot tell: a letter
/// outside the Sorani alphabet, a word-initial ر (never read as itself) or
/// three و in a row (never built).
pub(crate) fn candidates_and_typed(
    map: &fst::Map<FstBytes>,
    chars: &[char],
    channel: Channel,
    budget: f32,
) -> (Vec<Candidate>, Option<u64>) {
    let walk = walked(map, chars, channel, budget, false);
    let full = walk.steps <= MAX_STEPS && walk.out.len() < MAX_CANDIDATES;
    let typed: String = chars.iter().collect();
    let as_typed_walked =
        full && chars.first() != Some(&'ر') && chars.iter().all(|&c| is_standard_letter(c)) && !typed.contains("ووو");
    let count = as_typed_walked.then(|| walk.out.iter().find(|c| c.word == typed).map_or(0, |c| c.freq));
    (walk.out, count)
}

/// The walk of `chars` through the lexicon, done (`stems`: also gathering
/// the words that end before the typed word does).
fn walked<'f, 'c>(
    map: &'f fst::Map<FstBytes>,
    chars: &'c [char],
    channel: Channel,
    budget: f32,
    stems: bool,
) -> Walk<'f, 'c> {
    let fst = map.as_fst();
    let mut walk = Walk::new(fst, chars, channel, budget, stems);
    walk.go(fst.root(), Output::zero(), 0, 0.0, 0, true);
    walk
}

/// What [`candidates`] finds when every typed letter has a single reading
/// at no cost (a standard letter the channel never changes, or a fold such
/// as ك → ک) and the channel neither drops nor doubles letters: at most the
/// one folded word, found by a single look-up instead of a walk. `None`
/// when the walk is needed.
pub(crate) fn deterministic(map: &fst::Map<FstBytes>, chars: &[char], channel: Channel) -> Option<Vec<Candidate>> {
    if !channel.inserts().is_empty() || channel.delete_cost().is_some() {
        return None;
    }
    let mut word = String::with_capacity(chars.len() * 2);
    let mut ops = 0;
    for (i, &c) in chars.iter().enumerate() {
        match (is_standard_letter(c), channel.subs(c, i == 0)) {
            (true, []) => word.push(c),
            (false, &[(s, 0.0, op)]) => {
                word.push_str(s);
                ops |= op.bit();
            }
            _ => return None,
        }
    }
    // (the walk never reads a word-initial ر as itself)
    if chars.first() == Some(&'ر') {
        return Some(Vec::new());
    }
    Some(map.get(&word).map(|freq| Candidate { word, freq, cost: 0.0, ops }).into_iter().collect())
}

/// At most this many stems are tried with suffix chains.
const MAX_STEMS: usize = 64;
/// A stem is at least this many letters.
const MIN_STEM: usize = 2;
/// The largest cost of reading a suffix chain: one dropped ە put back
/// (more made the walk slower and found nothing better).
const CHAIN_BUDGET: f32 = 1.0;

/// A stem that a suffix chain may follow: where it ends in the typed word,
/// and the stem as a candidate.
pub(crate) type Stem = (usize, Candidate);

/// As [`candidates`], and also the lexicon words that end before the typed
/// word does (the stems [`inflected`] tries).
pub(crate) fn candidates_and_stems(
    map: &fst::Map<FstBytes>,
    chars: &[char],
    channel: Channel,
    budget: f32,
) -> (Vec<Candidate>, Vec<Stem>) {
    let walk = walked(map, chars, channel, budget, true);
    (walk.out, walk.stems.unwrap_or_default())
}

/// Inflected forms the lexicon lacks: each of `stems`, then a suffix chain
/// read from the rest of `chars`, under the channel's confusions and within
/// `budget` together. A candidate's `freq` is its stem's; its cost adds
/// `chain_cost` of the chain's value.
pub(crate) fn inflected(
    chains: &fst::Map<FstBytes>,
    chars: &[char],
    channel: Channel,
    budget: f32,
    stems: Vec<Stem>,
    chain_cost: impl Fn(u64) -> f32,
    fits: impl Fn(u64, &str) -> bool,
) -> Vec<Candidate> {
    let chain_fst = chains.as_fst();
    // The chains read from each position, walked once per position.
    let mut tails: Vec<Option<Vec<Candidate>>> = vec![None; chars.len()];
    let mut out: Vec<Candidate> = Vec::new();
    for (at, stem) in stems {
        let tail = tails[at].get_or_insert_with(|| {
            let mut walk = Walk::new(chain_fst, chars, channel, budget.min(CHAIN_BUDGET), false);
            walk.chain = true;
            walk.go(chain_fst.root(), Output::zero(), at, 0.0, 0, true);
            walk.out
        });
        for chain in tail.iter() {
            if stem.cost + chain.cost > budget || !fits(chain.freq, &stem.word) {
                continue;
            }
            let cost = stem.cost + chain.cost + chain_cost(chain.freq);
            let word = format!("{}{}", stem.word, chain.word);
            let cand = Candidate { word, freq: stem.freq, cost, ops: stem.ops | chain.ops | Op::Suffix.bit() };
            // One reading per spelling: the likeliest split.
            match out.iter_mut().find(|c| c.word == cand.word) {
                Some(c) if c.cost - (c.freq as f32).ln() <= cost - (cand.freq as f32).ln() => {}
                Some(c) => *c = cand,
                None => out.push(cand),
            }
        }
    }
    out
}

/// The nodes that one node's transitions on the lead bytes of the Arabic
/// block (U+0600–U+06FF: 0xD8–0xDB) reach, each worked out once: a walk
/// tries several letters and inserted vowels at every node, and most share
/// a lead byte (ە ێ ۆ ی all start with 0xDB).
type Leads<'f> = [Option<Option<(Node<'f>, Output)>>; 4];

/// [`step`], reading the first byte of `s` through `leads`, the cache of
/// `node`'s lead-byte transitions.
fn step_from<'f>(
    fst: &'f Fst<FstBytes>,
    leads: Option<&mut Leads<'f>>,
    node: Node<'f>,
    out: Output,
    s: &str,
) -> Option<(Node<'f>, Output)> {
    let bytes = s.as_bytes();
    match (leads, bytes.first()) {
        (Some(leads), Some(&b @ 0xD8..=0xDB)) => {
            let (n, o) = (*leads[usize::from(b - 0xD8)].get_or_insert_with(|| step(fst, node, out, &[b])))?;
            step(fst, n, o, &bytes[1..])
        }
        _ => step(fst, node, out, bytes),
    }
}

fn step<'f>(fst: &'f Fst<FstBytes>, mut node: Node<'f>, mut out: Output, bytes: &[u8]) -> Option<(Node<'f>, Output)> {
    for &b in bytes {
        let i = node.find_input(b)?;
        let t = node.transition(i);
        out = out.cat(t.out);
        node = fst.node(t.addr);
    }
    Some((node, out))
}

impl<'f, 'c> Walk<'f, 'c> {
    fn new(fst: &'f Fst<FstBytes>, chars: &'c [char], channel: Channel, budget: f32, stems: bool) -> Self {
        let stems = stems.then(Vec::new);
        Walk {
            fst,
            chars,
            channel,
            budget,
            steps: 0,
            out: Vec::new(),
            buf: String::with_capacity(64),
            stems,
            chain: false,
        }
    }

    fn go(&mut self, node: Node<'f>, out: Output, pos: usize, cost: f32, ops: u32, may_insert: bool) {
        self.steps += 1;
        if self.steps > MAX_STEPS || self.out.len() >= MAX_CANDIDATES {
            return;
        }
        // (a legacy keyboard's two readings of a letter never share a lead
        // byte: there the cache costs more than it saves)
        let mut leads: Option<Leads<'f>> = (!self.channel.inserts().is_empty()).then_some([None; 4]);
        if pos == self.chars.len() {
            if node.is_final() {
                let freq = out.cat(node.final_output()).value();
                self.out.push(Candidate { word: self.buf.clone(), freq, cost, ops });
            }
        } else {
            if let Some(stems) = &mut self.stems {
                // A stem may end in a dropped ە (دەستە|یەک), not in another
                // dropped vowel: تەندروستترت is not تەندروستی|ترت.
                let dropped_other = !may_insert && !self.buf.ends_with('ە');
                if pos >= MIN_STEM && stems.len() < MAX_STEMS && !dropped_other && node.is_final() {
                    let freq = out.cat(node.final_output()).value();
                    stems.push((pos, Candidate { word: self.buf.clone(), freq, cost, ops }));
                }
            }
            let c = self.chars[pos];
            let initial = pos == 0;
            // The letter as typed.
            if is_standard_letter(c) {
                let mut tmp = [0u8; 4];
                let s: &str = c.encode_utf8(&mut tmp);
                // Word-initial ر is always ڕ in standard Sorani; its reading
                // as itself is not offered.
                if !(initial && c == 'ر') {
                    let kept = self.channel.as_typed_cost(c, pos + 1 == self.chars.len());
                    self.try_emit(leads.as_mut(), node, out, s, pos + 1, cost + kept, ops);
                }
            }
            for &(s, w, op) in self.channel.subs(c, initial) {
                if cost + w <= self.budget {
                    self.try_emit(leads.as_mut(), node, out, s, pos + 1, cost + w, ops | op.bit());
                }
            }
            // A doubled or stray letter; not و or ی, whose doubles are
            // spellings (وو for ū, یی in کوردیی, نییە): بوو is never a
            // slipped بۆ.
            if let Some(w) = self.channel.delete_cost() {
                // (and a word-initial بب: the subjunctive ب before a stem in
                // ب, ببێت, ببینە)
                let spelling = matches!(c, 'و' | 'ی') || (pos == 1 && c == 'ب');
                if !spelling && pos > 0 && self.chars[pos - 1] == c && cost + w <= self.budget {
                    self.go(node, out, pos + 1, cost + w, ops | Op::DeleteLetter.bit(), true);
                }
            }
        }
        // A dropped vowel before the next typed letter (not word-initially,
        // not twice in a row, not word-finally: these keyboards write a final
        // vowel, ە as ه or ة, and a final ی read as dropped turned the common
        // ئەوە into ئەوەی).
        if may_insert && pos > 0 && pos < self.chars.len() {
            for &(s, w, op) in self.channel.inserts() {
                if self.chain && s != "ە" {
                    continue;
                }
                if cost + w <= self.budget {
                    if let Some((n, o)) = step_from(self.fst, leads.as_mut(), node, out, s) {
                        let len = self.buf.len();
                        self.buf.push_str(s);
                        if !self.buf.ends_with("ووو") {
                            self.go(n, o, pos, cost + w, ops | op.bit(), false);
                        }
                        self.buf.truncate(len);
                    }
                }
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn try_emit(
        &mut self,
        leads: Option<&mut Leads<'f>>,
        node: Node<'f>,
        out: Output,
        s: &str,
        next: usize,
        cost: f32,
        ops: u32,
    ) {
        if let Some((n, o)) = step_from(self.fst, leads, node, out, s) {
            let len = self.buf.len();
            self.buf.push_str(s);
            // No standard word has three و in a row (corpus typos do).
            if !self.buf.ends_with("ووو") {
                self.go(n, o, next, cost, ops, true);
            }
            self.buf.truncate(len);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    fn words(typed: &str, channel: Channel) -> Vec<String> {
        let chars: Vec<char> = typed.chars().collect();
        candidates(Lexicon::embedded().as_fst(), &chars, channel, channel.budget())
            .into_iter()
            .map(|c| c.word)
            .collect()
    }

    #[test]
    fn finds_the_standard_spelling() {
        let cases = [
            ("سهر", Channel::Legacy, "سەر"),
            ("ههروهها", Channel::Legacy, "هەروەها"),
            ("دهكات", Channel::Legacy, "دەکات"),
            ("خوش", Channel::Arabic, "خۆش"),
            ("بیت", Channel::Arabic, "بێت"),
            ("دستان", Channel::Persian, "دەستان"),
            ("كةس", Channel::Arabic, "کەس"),
            ("جاو", Channel::Arabic, "چاو"),
            ("امرو", Channel::Arabic, "ئەمڕۆ"),
        ];
        for (typed, channel, want) in cases {
            let got = words(typed, channel);
            assert!(got.iter().any(|w| w == want), "{typed} ({channel:?}): {want} not among {got:?}");
        }
    }

    /// The cheapest cost of reading `typed` as `want`, if it is a candidate.
    fn cost(typed: &str, channel: Channel, want: &str) -> Option<f32> {
        let chars: Vec<char> = typed.chars().collect();
        candidates(Lexicon::embedded().as_fst(), &chars, channel, channel.budget())
            .into_iter()
            .filter(|c| c.word == want)
            .map(|c| c.cost)
            .reduce(f32::min)
    }

    #[test]
    fn letters_a_keyboard_lacks_are_read_for_free() {
        assert_eq!(cost("خوش", Channel::Persian, "خۆش"), Some(0.0));
        assert_eq!(cost("بیت", Channel::Arabic, "بێت"), Some(0.0));
        assert_eq!(cost("جاک", Channel::Arabic, "چاک"), Some(0.0));
        // A Persian keyboard has چ: reading ج as it is a real confusion.
        assert!(cost("جاک", Channel::Persian, "چاک").is_some_and(|c| c > 0.0));
        // Keeping a substitute (ی و ل ر ف ه) as typed costs a little, so of
        // two spellings counted alike the one with the Kurdish letter wins.
        let (kurdish, kept) = (cost("بريار", Channel::Arabic, "بڕیار"), cost("بريار", Channel::Arabic, "بریار"));
        assert!(kurdish.zip(kept).is_some_and(|(k, t)| k < t), "{kurdish:?} {kept:?}");
        // In standard-looking text a Kurdish letter is not free either.
        assert!(cost("خوش", Channel::Mixed, "خۆش").is_some_and(|c| c > 0.0));
    }

    #[test]
    fn doubled_waw_and_yeh_are_spellings() {
        for channel in [Channel::Arabic, Channel::Persian] {
            assert!(!words("بوو", channel).iter().any(|w| w == "بۆ"), "{channel:?}");
            assert!(!words("کوردیی", channel).iter().any(|w| w == "کوردی"), "{channel:?}");
            // a word-initial بب is the subjunctive ب before a stem in ب
            assert!(!words("ببيت", channel).iter().any(|w| w == "بێت"), "{channel:?}");
        }
        // Other doubled letters may still be slips.
        assert!(words("دهستت", Channel::Arabic).iter().any(|w| w == "دەست"));
    }

    #[test]
    fn a_single_waw_may_be_a_long_u() {
        // Persian keyboards always type ū as one و: doubling it is free.
        assert_eq!(cost("نمونه", Channel::Persian, "نموونە"), Some(0.0));
        assert!(cost("نمونه", Channel::Arabic, "نموونە").is_some_and(|c| c > 0.0));
        // Never into three و (the lexicon holds such a typo: مووواوی).
        assert!(Lexicon::embedded().frequency_exact("مووواوی") > 0);
        for channel in [Channel::Arabic, Channel::Persian] {
            let got = words("مواوی", channel);
            assert!(!got.iter().any(|w| w.contains("ووو")), "{channel:?}: {got:?}");
        }
    }

    #[test]
    fn the_deterministic_look_up_finds_what_the_walk_finds() {
        let map = Lexicon::embedded().as_fst();
        let typed = [
            "دهكات",
            "كورد",
            "كوردي",
            "ريگا",
            "رێگا",
            "خۆش",
            "بیت",
            "ئيستا",
            "زانكۆ",
            "طالب",
            "كةس",
            "أمريكا",
            "ھاوڕێ",
        ];
        let mut shortcuts = 0;
        for w in typed {
            let chars: Vec<char> = w.chars().collect();
            let budget = Channel::Legacy.budget().min(2.6);
            if let Some(found) = deterministic(map, &chars, Channel::Legacy) {
                shortcuts += 1;
                assert_eq!(found, candidates(map, &chars, Channel::Legacy, budget), "{w}");
            }
        }
        assert!(shortcuts >= 6, "{shortcuts}");
        // Keyboards that drop vowels always walk.
        assert_eq!(deterministic(map, &['ک', 'و', 'ر', 'د'], Channel::Arabic), None);
    }

    #[test]
    fn the_walk_settles_the_typed_words_count_or_says_it_cannot() {
        let lexicon = Lexicon::embedded();
        let settled = |typed: &str| {
            let chars: Vec<char> = typed.chars().collect();
            candidates_and_typed(lexicon.as_fst(), &chars, Channel::Legacy, 2.6).1
        };
        for typed in ["هات", "شاه", "ماهی", "سهر", "دهكات", "ههروهها"] {
            if typed.chars().all(is_standard_letter) {
                assert_eq!(settled(typed), Some(lexicon.frequency_exact(typed)), "{typed}");
            } else {
                assert_eq!(settled(typed), None, "{typed}");
            }
        }
        assert!(settled("هات").is_some_and(|count| count > 0));
        // never read as itself, never built: the walk cannot tell
        assert_eq!(settled("رهنگ"), None);
        assert_eq!(settled("مووواوه"), None);
    }

    #[test]
    fn no_vowel_is_put_back_at_the_end() {
        for channel in [Channel::Arabic, Channel::Persian] {
            let got = words("ئهوه", channel);
            assert!(got.iter().any(|w| w == "ئەوە"), "{channel:?}: {got:?}");
            assert!(!got.iter().any(|w| w == "ئەوەی"), "{channel:?}: {got:?}");
        }
    }
}
