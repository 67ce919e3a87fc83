//! Reading one Arabic-script Sorani word into phonemes: letter classes, the
//! و (w/u/û) and ی (y/î) decisions, ئ at a word start, and then the unwritten
//! /i/ (bizroke) from the syllabifier.

use super::phoneme::Ph;
use super::syllable;

/// What one Arabic-script character contributes to a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum G {
    /// A consonant letter.
    Cons(Ph),
    /// A vowel letter (ا ە ێ ۆ).
    Vowel(Ph),
    /// و: w, u, or half of وو.
    Waw,
    /// وو: û (or u + w before a vowel).
    WawWaw,
    /// ی: y or î.
    Yeh,
    /// ئ.
    Hamza,
}

/// How a character inside an Arabic-script word is treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ArabicChar {
    /// A letter of the word.
    Letter(G),
    /// Part of the word but silent (harakat, tatweel, ZWNJ, hamza above).
    Silent,
}

/// Classifies `c` if it belongs inside an Arabic-script word.
#[inline]
pub(crate) fn classify(c: char) -> Option<ArabicChar> {
    let u = c as u32;
    if u >> 8 == 0x06 {
        ARABIC_BLOCK[(u & 0xFF) as usize]
    } else if c == '\u{200C}' {
        Some(ArabicChar::Silent)
    } else {
        None
    }
}

/// Classifies the Arabic-block character (U+0600–U+06FF) whose UTF-8 bytes
/// are `lead` (0xD8–0xDB) and `cont`, without decoding it.
#[inline]
pub(crate) fn classify_arabic_bytes(lead: u8, cont: u8) -> Option<ArabicChar> {
    ARABIC_BLOCK[(usize::from(lead & 0x03) << 6) | usize::from(cont & 0x3F)]
}

/// [`classify_letter`] for every character of the Arabic block, so the hot
/// loop reads one table entry instead of walking a match.
static ARABIC_BLOCK: [Option<ArabicChar>; 256] = {
    let mut table = [None; 256];
    let mut i = 0;
    while i < 256 {
        if let Some(c) = char::from_u32(0x0600 + i as u32) {
            table[i] = classify_letter(c);
        }
        i += 1;
    }
    table
};

/// The classification rules; every character they accept is in the Arabic
/// block except ZWNJ (checked by [`classify`]).
const fn classify_letter(c: char) -> Option<ArabicChar> {
    use ArabicChar::{Letter, Silent};
    use G::{Cons, Vowel};
    Some(match c {
        'ا' | 'آ' | 'أ' | 'إ' | 'ٱ' => Letter(Vowel(Ph::A)),
        'ە' | 'ة' | 'ۀ' | 'ہ' => Letter(Vowel(Ph::E)),
        'ێ' | 'ۍ' | 'ې' => Letter(Vowel(Ph::Ee)),
        'ۆ' | 'ۏ' | 'ۄ' | 'ۉ' => Letter(Vowel(Ph::O)),
        'و' | 'ؤ' | 'ۊ' | 'ۋ' | 'ۇ' => Letter(G::Waw),
        'ی' | 'ي' | 'ى' => Letter(G::Yeh),
        'ئ' | 'ء' => Letter(G::Hamza),
        'ب' => Letter(Cons(Ph::B)),
        'پ' => Letter(Cons(Ph::P)),
        'ت' | 'ط' | 'ث' => Letter(Cons(Ph::T)),
        'ج' => Letter(Cons(Ph::C)),
        'چ' => Letter(Cons(Ph::Ch)),
        'ح' => Letter(Cons(Ph::Hh)),
        'خ' => Letter(Cons(Ph::X)),
        'د' => Letter(Cons(Ph::D)),
        'ذ' | 'ظ' | 'ض' | 'ز' => Letter(Cons(Ph::Z)),
        'ر' => Letter(Cons(Ph::R)),
        'ڕ' | 'ڒ' => Letter(Cons(Ph::Rr)),
        'ژ' => Letter(Cons(Ph::J)),
        'س' | 'ص' => Letter(Cons(Ph::S)),
        'ش' => Letter(Cons(Ph::Sh)),
        'ع' => Letter(Cons(Ph::Ain)),
        'غ' => Letter(Cons(Ph::Gh)),
        'ف' => Letter(Cons(Ph::F)),
        'ڤ' => Letter(Cons(Ph::V)),
        'ق' => Letter(Cons(Ph::Q)),
        'ک' | 'ك' | 'ڪ' => Letter(Cons(Ph::K)),
        'گ' | 'ګ' => Letter(Cons(Ph::G)),
        'ل' => Letter(Cons(Ph::L)),
        'ڵ' | 'ڶ' | 'ڷ' => Letter(Cons(Ph::Ll)),
        'م' => Letter(Cons(Ph::M)),
        'ن' => Letter(Cons(Ph::N)),
        'ه' | 'ھ' => Letter(Cons(Ph::H)),
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{200C}' => Silent,
        _ => return None,
    })
}

/// Whether `c` starts an Arabic-script word (a letter, not a silent mark).
#[inline]
pub(crate) fn is_letter(c: char) -> bool {
    matches!(classify(c), Some(ArabicChar::Letter(_)))
}

/// Reads the letters `gs` of one word into phonemes, appending to `out`
/// (cleared first), with the unwritten /i/ inserted.
pub(crate) fn word_to_phonemes(gs: &[G], out: &mut Vec<Ph>, tmp: &mut Vec<Ph>) {
    out.clear();
    resolve(gs, out);
    subjunctive_after_preverb(out);
    ending_after_consonant(out);
    sonorant_before_st(out);
    syllable::insert_bizroke(out, tmp);
}

/// A nasal or liquid after a vowel and before -st- takes /i/ (`za.nist`,
/// `er.me.nis.tan`, `pe.ris.tî`), where the syllable rules alone would close
/// the syllable with it (`zans.tî`).
fn sonorant_before_st(phs: &mut Vec<Ph>) {
    if !phs.contains(&Ph::S) {
        return;
    }
    let mut i = 1;
    while i + 2 < phs.len() {
        if phs[i - 1].is_vowel()
            && matches!(phs[i], Ph::N | Ph::M | Ph::L | Ph::Ll | Ph::R | Ph::Rr)
            && phs[i + 1] == Ph::S
            && phs[i + 2] == Ph::T
        {
            phs.insert(i + 1, Ph::I);
            i += 3;
        }
        i += 1;
    }
}

/// The endings -in (infinitive), -im (I) before -ewe, and the clitics -im,
/// -it after the plural -ekan keep their /i/ after a consonant, where the
/// syllable rules alone would close the syllable before them (`bi.mê.ni.ne.we`,
/// `bi.bî.ni.me.we`, `qi.se.ka.nit`, not `bimênnewe`, `bibînmewe`, `qisekant`).
fn ending_after_consonant(phs: &mut Vec<Ph>) {
    let n = phs.len();
    let cons = |p: Option<&Ph>| p.is_some_and(|p| !p.is_vowel() && !p.is_glide());
    if n >= 7 && matches!(phs[n - 4], Ph::N | Ph::M) && phs[n - 3..] == [Ph::E, Ph::W, Ph::E] && cons(phs.get(n - 5)) {
        phs.insert(n - 4, Ph::I);
    } else if n >= 5 && phs[n - 4..n - 1] == [Ph::K, Ph::A, Ph::N] && matches!(phs[n - 1], Ph::M | Ph::T) {
        phs.insert(n - 1, Ph::I);
    }
}

/// The verb prefix بـ (subjunctive, imperative) after a preverb is always
/// /bi/: `derbixat`, `werbigîrdirê`, `hełbijardin`, `têbikoşin`. The syllable
/// rules alone would read دەربخات as `derb.xat`.
fn subjunctive_after_preverb(phs: &mut Vec<Ph>) {
    const PREVERBS: [&[Ph]; 9] = [
        &[Ph::D, Ph::E, Ph::R],
        &[Ph::W, Ph::E, Ph::R],
        &[Ph::H, Ph::E, Ph::Ll],
        &[Ph::Rr, Ph::A],
        &[Ph::R, Ph::A],
        &[Ph::D, Ph::A],
        &[Ph::T, Ph::Ee],
        &[Ph::P, Ph::Ee],
        &[Ph::L, Ph::Ee],
    ];
    for preverb in PREVERBS {
        let n = preverb.len();
        if phs.starts_with(preverb)
            && phs.get(n) == Some(&Ph::B)
            && phs.get(n + 1).is_some_and(|&p| !p.is_vowel() && !p.is_glide())
            && phs.len() > n + 2
        {
            phs.insert(n + 1, Ph::I);
            return;
        }
    }
}

/// The kind of the last phoneme written, for the و/ی decisions.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Prev {
    Start,
    Vowel,
    Cons,
}

#[inline]
fn is_vowelish(g: Option<&G>) -> bool {
    matches!(g, Some(G::Vowel(_)))
}

/// Decides every و and ی and drops a word-initial ئ, without bizroke.
fn resolve(gs: &[G], out: &mut Vec<Ph>) {
    let mut after_hamza = false;
    let mut i = 0;
    while i < gs.len() {
        let prev = match out.last() {
            None => Prev::Start,
            Some(p) if p.is_vowel() => Prev::Vowel,
            Some(_) => Prev::Cons,
        };
        let next = gs.get(i + 1);
        let g = gs[i];
        i += 1;
        let initial_hamza = std::mem::take(&mut after_hamza);
        match g {
            G::Cons(p) => out.push(p),
            G::Vowel(p) => out.push(p),
            G::Hamza => {
                if prev == Prev::Start {
                    match next {
                        Some(G::Vowel(_) | G::Waw | G::WawWaw | G::Yeh) => after_hamza = true,
                        // ئ before a consonant: a glottal onset with /i/.
                        Some(_) => out.push(Ph::I),
                        None => out.push(Ph::Glottal),
                    }
                } else {
                    out.push(Ph::Glottal);
                }
            }
            G::Waw => {
                if initial_hamza {
                    out.push(Ph::U);
                    continue;
                }
                match prev {
                    Prev::Start => out.push(if next.is_none() { Ph::Uu } else { Ph::W }),
                    Prev::Vowel => out.push(Ph::W),
                    Prev::Cons => {
                        // و ی + consonant: w î (`hełwîst`), else u (`kurd`).
                        let w_ii = next == Some(&G::Yeh) && matches!(gs.get(i + 1), Some(G::Cons(_)));
                        out.push(if is_vowelish(next) || w_ii { Ph::W } else { Ph::U })
                    }
                }
            }
            G::WawWaw => {
                if initial_hamza {
                    out.push(Ph::Uu);
                    continue;
                }
                match prev {
                    Prev::Start => out.push(Ph::Uu),
                    // The conjunction û written joined after ە or ی, before a
                    // word: پلەووپایە pileûpaye, سەرگریووبەرگری (not before a
                    // last consonant: گەوون gewun).
                    Prev::Vowel
                        if matches!(out.last(), Some(Ph::E | Ph::Ii))
                            && matches!(next, Some(G::Cons(_)))
                            && gs.get(i + 1).is_some() =>
                    {
                        out.push(Ph::Uu);
                    }
                    Prev::Vowel => {
                        // A w closing the syllable, then a single و after it.
                        out.push(Ph::W);
                        out.push(if is_vowelish(next) { Ph::W } else { Ph::U });
                    }
                    Prev::Cons => {
                        if is_vowelish(next) {
                            out.push(Ph::U);
                            out.push(Ph::W);
                        } else {
                            out.push(Ph::Uu);
                        }
                    }
                }
            }
            G::Yeh => {
                if initial_hamza {
                    out.push(Ph::Ii);
                    continue;
                }
                match prev {
                    Prev::Start => match next {
                        None => out.push(Ph::Ii),
                        Some(G::Cons(_) | G::Hamza) => out.push(Ph::Ii),
                        Some(_) => out.push(Ph::Y),
                    },
                    Prev::Vowel => out.push(Ph::Y),
                    Prev::Cons => out.push(if is_vowelish(next) { Ph::Y } else { Ph::Ii }),
                }
            }
        }
    }
}
