//! Sorani syllables and the unwritten /i/ (bizroke).
//!
//! The template is (C)(C)V(C)(C): every syllable has one vowel; a syllable
//! inside a word starts with one consonant (or a consonant and a glide
//! /w j/ before the vowel, as in `dwa`, `xwardin`, `syasî`); a coda has at
//! most two consonants, and two only when sonority falls (`kurd`, `dest`,
//! `erk`, but not `*hatn`, `*agr`). Across a syllable boundary the onset may
//! not be much more sonorous than the coda before it (the syllable contact
//! law: `de.ki.rê`, not `*dek.rê`; `nîş.ti.man`, not `*nîşt.man`).
//!
//! Arabic script writes every vowel but /i/, so each run of written
//! consonants gets the fewest /i/ that make the word fit the template, and
//! among those, the placement that puts /i/ earliest (`kur.dis.tan`,
//! `ba.zir.ga.nî`, `gir.tin`).

use super::phoneme::Ph;

/// How much more sonorous an onset may be than the coda consonant right
/// before it (sonority ranks from [`Ph::sonority`]).
pub(crate) const CONTACT_RISE: u8 = 1;

/// Runs longer than this get /i/ after every consonant instead of a search.
const MAX_SEARCH: usize = 12;

/// Whether `coda` (0–2 consonants) may close a syllable.
#[inline]
fn coda_ok(coda: &[Ph]) -> bool {
    match coda {
        [] | [_] => true,
        // /w/ before a nasal does not close a syllable: `da.win`, `ha.tû.win`.
        [Ph::W, Ph::M | Ph::N] => false,
        // Nor a liquid before /n/: the ending -in (`bi.kirin`), while `germ`, `şerm` keep /rm/.
        [Ph::R | Ph::Rr | Ph::L | Ph::Ll, Ph::N] => false,
        [a, b] => a.sonority() > b.sonority(),
        _ => false,
    }
}

/// Whether a coda ending in `last` may be followed by an onset starting with `first`.
#[inline]
fn contact_ok(last: Ph, first: Ph, rise: u8) -> bool {
    first.is_glide()
        || first.sonority() <= last.sonority() + rise
        // A sibilant coda before a liquid onset: `mez.rê`, `nûs.rê`, `îs.la.mî`.
        || (matches!(last, Ph::S | Ph::Z | Ph::Sh | Ph::J) && first.sonority() == 4)
}

/// Whether the consonants `seg` between two nuclei end in a stop coda and an
/// /m/ onset (`sard.man`, `deg.men`, `mit.ma.ne`; before /n/ the /i/ stays:
/// `kir.din`), not after a fricative (`nîş.ti.man`). Such a contact is only
/// allowed where it saves an /i/ (see [`choose`]).
fn stop_before_m(seg: &[Ph]) -> bool {
    match seg {
        [.., a, b, Ph::M] => b.sonority() == 1 && a.sonority() != 2,
        [b, Ph::M] => b.sonority() == 1,
        _ => false,
    }
}

/// Whether `seg`, the consonants between two nuclei, splits into a valid
/// coda and onset.
#[inline]
fn between_ok(seg: &[Ph], rise: u8, relax: bool) -> bool {
    let n = seg.len();
    if n == 0 {
        return false;
    }
    // One-consonant onset.
    let coda = &seg[..n - 1];
    if coda_ok(coda) && (coda.last().is_none_or(|&l| contact_ok(l, seg[n - 1], rise)) || (relax && stop_before_m(seg)))
    {
        return true;
    }
    // Consonant + glide onset.
    if n >= 2 && seg[n - 1].is_glide() && !seg[n - 2].is_glide() {
        let coda = &seg[..n - 2];
        return coda_ok(coda) && coda.last().is_none_or(|&l| contact_ok(l, seg[n - 2], rise));
    }
    false
}

/// Whether `seg`, the consonants before the first vowel of a word, is a valid onset.
#[inline]
fn initial_ok(seg: &[Ph]) -> bool {
    match seg {
        [_] => true,
        [a, b] => b.is_glide() && !a.is_glide(),
        _ => false,
    }
}

/// Whether the consonant run `run` with /i/ after the consonants whose
/// indices are in `pos` (ascending) fits the template. `start`: the run
/// begins the word; `end`: the run ends it.
fn run_ok(run: &[Ph], pos: &[usize], start: bool, end: bool, rise: u8, relax: bool) -> bool {
    let mut seg_start = 0;
    let mut left_is_start = start;
    for &p in pos {
        let seg = &run[seg_start..=p];
        let ok = if left_is_start { initial_ok(seg) } else { between_ok(seg, rise, relax) };
        if !ok {
            return false;
        }
        left_is_start = false;
        seg_start = p + 1;
    }
    let seg = &run[seg_start..];
    match (left_is_start, end) {
        (true, true) => false,
        (true, false) => initial_ok(seg),
        (false, true) => coda_ok(seg),
        (false, false) => between_ok(seg, rise, relax),
    }
}

/// Most /i/ searched for in one run; longer runs (abbreviations, legacy
/// text read without its vowels) take the fallback.
const MAX_INSERTS: usize = 3;

/// The fewest (then earliest) /i/ positions, at most `max`, that make `run`
/// fit, written into `pos`.
fn search(
    run: &[Ph],
    start: bool,
    end: bool,
    rise: u8,
    relax: bool,
    max: usize,
    pos: &mut [usize; MAX_SEARCH + 1],
) -> Option<usize> {
    let n = run.len();
    // Gaps: after consonant 0..n-1, plus after the last one at a word end.
    let gaps = if end { n } else { n - 1 };
    for k in 0..=gaps.min(max) {
        // Positions in lexicographic order: the first valid set is the earliest.
        for (j, p) in pos.iter_mut().enumerate().take(k) {
            *p = j;
        }
        loop {
            if run_ok(run, &pos[..k], start, end, rise, relax) {
                return Some(k);
            }
            // Next combination of k positions out of `gaps`.
            let mut advanced = false;
            let mut i = k;
            while i > 0 {
                i -= 1;
                if pos[i] < gaps - k + i {
                    pos[i] += 1;
                    for j in i + 1..k {
                        pos[j] = pos[j - 1] + 1;
                    }
                    advanced = true;
                    break;
                }
            }
            if !advanced {
                break;
            }
        }
    }
    None
}

/// The /i/ positions for one run: fewest first, then earliest. Writes them
/// into `pos` and returns how many there are. A stop before /m/ may close a
/// syllable only where that saves an /i/: placing the /i/s as the template
/// says first keeps `des.ti.man` from becoming `de.sit.man`.
fn choose(run: &[Ph], start: bool, end: bool, rise: u8, pos: &mut [usize; MAX_SEARCH + 1]) -> usize {
    let n = run.len();
    if n <= MAX_SEARCH {
        if let Some(k) = search(run, start, end, rise, false, MAX_INSERTS, pos) {
            let mut fewer = [0usize; MAX_SEARCH + 1];
            let stop_m = run.windows(2).any(|w| w[0].sonority() == 1 && w[1] == Ph::M);
            if k > 0 && stop_m {
                if let Some(j) = search(run, start, end, rise, true, k - 1, &mut fewer) {
                    pos[..j].copy_from_slice(&fewer[..j]);
                    return j;
                }
            }
            return k;
        }
    }
    // Fallback: /i/ after every consonant but the last (always valid).
    let k = (n - 1).min(MAX_SEARCH);
    for (j, p) in pos.iter_mut().enumerate().take(k) {
        *p = j;
    }
    if n - 1 > MAX_SEARCH {
        // Runs this long are not words; leave the tail unbroken.
        return k;
    }
    if start && end && n == 1 {
        pos[0] = 0;
        return 1;
    }
    k
}

/// Inserts /i/ into `phs` (a word's phonemes as written) wherever the
/// syllable template needs it. `tmp` is scratch space.
pub(crate) fn insert_bizroke(phs: &mut Vec<Ph>, tmp: &mut Vec<Ph>) {
    insert_bizroke_with(phs, tmp, CONTACT_RISE);
}

/// [`insert_bizroke`] with an explicit contact rise.
pub(crate) fn insert_bizroke_with(phs: &mut Vec<Ph>, tmp: &mut Vec<Ph>, rise: u8) {
    // A lone consonant letter is an initial or an abbreviation (`k`, `p`),
    // except the one-letter words ب چ د ژ ل (`bi`, `çi`, `di`, `ji`, `li`).
    if phs.len() == 1 && !phs[0].is_vowel() {
        if matches!(phs[0], Ph::B | Ph::Ch | Ph::D | Ph::J | Ph::L) {
            phs.push(Ph::I);
        }
        return;
    }
    // Fast check: does any run need work?
    let len = phs.len();
    let mut i = 0;
    let mut needs = false;
    while i < len {
        if phs[i].is_vowel() {
            i += 1;
            continue;
        }
        let s = i;
        while i < len && !phs[i].is_vowel() {
            i += 1;
        }
        if !run_ok(&phs[s..i], &[], s == 0, i == len, rise, true) {
            needs = true;
            break;
        }
    }
    if !needs {
        return;
    }
    tmp.clear();
    tmp.extend_from_slice(phs);
    phs.clear();
    let src = &tmp[..];
    let mut pos = [0usize; MAX_SEARCH + 1];
    let mut i = 0;
    while i < len {
        if src[i].is_vowel() {
            phs.push(src[i]);
            i += 1;
            continue;
        }
        let s = i;
        while i < len && !src[i].is_vowel() {
            i += 1;
        }
        let run = &src[s..i];
        let k = choose(run, s == 0, i == len, rise, &mut pos);
        let mut next = 0;
        for (j, &c) in run.iter().enumerate() {
            phs.push(c);
            if next < k && pos[next] == j {
                next += 1;
                phs.push(Ph::I);
            }
        }
    }
}

/// The index where each syllable of `phs` (a word with all its vowels)
/// starts, the first being 0. A word without a vowel is one syllable.
pub(crate) fn boundaries(phs: &[Ph], out: &mut Vec<usize>) {
    out.clear();
    out.push(0);
    let mut prev_nucleus: Option<usize> = None;
    for (i, p) in phs.iter().enumerate() {
        if !p.is_vowel() {
            continue;
        }
        if let Some(pn) = prev_nucleus {
            let seg = &phs[pn + 1..i];
            let n = seg.len();
            let glide_onset = n >= 2
                && seg[n - 1].is_glide()
                && !seg[n - 2].is_glide()
                && (!coda_ok(&seg[..n - 1])
                    || (seg[n - 1] == Ph::W && matches!(seg[n - 2], Ph::X | Ph::K | Ph::G | Ph::Q)));
            let onset = if glide_onset { 2 } else { n.min(1) };
            out.push(i - onset);
        }
        prev_nucleus = Some(i);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phs(s: &str) -> Vec<Ph> {
        super::super::latin::parse_word(s, &mut Vec::new())
    }

    #[test]
    fn coda_clusters_need_falling_sonority() {
        let cases =
            [("st", true), ("rd", true), ("nd", true), ("tn", false), ("gr", false), ("km", false), ("rdn", false)];
        for (c, want) in cases {
            assert_eq!(coda_ok(&phs(c)), want, "coda {c}");
        }
    }
}
