//! The error model: how Sorani words get misspelled, and what each mistake costs.
//!
//! Two views of the same knowledge:
//! - [`fold`] maps every letter to the class of letters people confuse with it
//!   (keyboard confusions such as ی/ێ, و/ۆ, ل/ڵ, ر/ڕ, ه/ە/ھ, ك/ک, ي/ی, and the
//!   letters an Arabic or Persian keyboard lacks: گ پ چ ژ ڤ) and drops
//!   invisible marks (ZWNJ, tatweel, harakat). Candidate retrieval works on
//!   folded forms, so confusions cost nothing there.
//! - [`cost`] is a weighted Damerau–Levenshtein distance whose weights follow
//!   Sorani letter similarity: a keyboard confusion costs about a third of an
//!   arbitrary substitution, a dropped or doubled vowel about half an arbitrary
//!   insertion. [`explain`] gives the cheapest edit script behind that cost.
//!
//! The weights are hand-set from the orthography (which letters share a key
//! or a sound), not fitted to any evaluation set.

/// Zero-width non-joiner, part of some Sorani spellings.
pub(crate) const ZWNJ: char = '\u{200C}';

/// The letters that spell vowels in Sorani (ئ is the vowel carrier).
pub(crate) fn is_vowel(c: char) -> bool {
    matches!(c, 'ا' | 'ە' | 'ی' | 'ێ' | 'و' | 'ۆ' | 'ي' | 'ى' | 'ه' | 'ة' | 'ھ')
}

/// Invisible or diacritic characters that carry no spelling.
pub(crate) fn is_mark(c: char) -> bool {
    matches!(c, ZWNJ | '\u{200D}' | '\u{0640}' | '\u{064B}'..='\u{065F}' | '\u{0670}')
}

/// `word` with its marks ([`is_mark`]) left out.
pub(crate) fn without_marks(word: &str) -> String {
    word.chars().filter(|&c| !is_mark(c)).collect()
}

/// The confusion class of a letter: a representative shared by every letter
/// people type for one another. Marks fold to `None` (they are dropped).
pub(crate) fn fold_char(c: char) -> Option<char> {
    Some(match c {
        'ی' | 'ێ' | 'ي' | 'ى' | 'ې' | 'ۍ' => 'ی',
        'و' | 'ۆ' | 'ؤ' | 'ۊ' | 'ۇ' => 'و',
        'ل' | 'ڵ' | 'ڶ' => 'ل',
        'ر' | 'ڕ' | 'ړ' => 'ر',
        'ه' | 'ە' | 'ھ' | 'ة' | 'ۀ' | 'ۂ' => 'ه',
        'ك' | 'ک' | 'گ' | 'ڪ' => 'ک',
        'پ' | 'ب' => 'ب',
        'چ' | 'ج' => 'ج',
        'ژ' | 'ز' => 'ز',
        'ڤ' | 'ف' => 'ف',
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ا' => 'ا',
        c if is_mark(c) => return None,
        c => c,
    })
}

/// The Sorani letter that an Arabic or Persian keyboard letter stands for
/// (ك → ک, ي ى → ی, ة → ە, ھ → ه), if `c` is one.
pub(crate) fn arabic_keyboard_letter(c: char) -> Option<char> {
    match c {
        'ك' => Some('ک'),
        'ي' | 'ى' => Some('ی'),
        'ة' => Some('ە'),
        'ھ' => Some('ه'),
        _ => None,
    }
}

/// The letters a writer who typed `c` may have meant: the other letter of
/// its keyboard pair (ی/ێ, و/ۆ, ل/ڵ, ر/ڕ, ه/ە), or the Sorani letter for an
/// Arabic-keyboard one.
pub(crate) fn confusions_of(c: char) -> &'static [char] {
    match c {
        'ی' => &['ێ'],
        'ێ' => &['ی'],
        'و' => &['ۆ'],
        'ۆ' => &['و'],
        'ل' => &['ڵ'],
        'ڵ' => &['ل'],
        'ر' => &['ڕ'],
        'ڕ' => &['ر'],
        'ه' => &['ە'],
        'ە' => &['ه'],
        'ة' => &['ە'],
        'ي' | 'ى' => &['ی', 'ێ'],
        'ك' => &['ک'],
        _ => &[],
    }
}

/// The folded form of `word`.
#[cfg(test)]
pub(crate) fn fold(word: &str) -> String {
    word.chars().filter_map(fold_char).collect()
}

/// Whether `intended` is `typed` with keyboard confusions undone and nothing
/// else changed (سهر for سەر, كراوه for کراوە): letter for letter, each pair
/// equal or a [`keyboard_pair`].
pub(crate) fn keyboard_variant(typed: &str, intended: &str) -> bool {
    typed.chars().count() == intended.chars().count()
        && typed.chars().zip(intended.chars()).all(|(a, b)| a == b || keyboard_pair(a, b))
}

/// Whether mending `typed` into `intended` puts back a letter an old or an
/// Arabic keyboard lacks: ە typed as ه, or ک ی ە ه typed as ك ي ى ة ھ. Such
/// words come whole lines at a time (legacy text), not as single slips.
pub(crate) fn lacking_letter_undone(typed: &str, intended: &str) -> bool {
    typed
        .chars()
        .zip(intended.chars())
        .any(|(a, b)| matches!((a, b), ('ه', 'ە') | ('ي' | 'ى', 'ێ')) || arabic_keyboard_letter(a) == Some(b))
}

/// Pairs typed for one another because a keyboard lacks one of them or puts
/// them on one key (typed, intended), in both directions.
fn keyboard_pair(a: char, b: char) -> bool {
    let pair = |x: char, y: char| (a == x && b == y) || (a == y && b == x);
    pair('ی', 'ێ')
        || pair('ي', 'ی')
        || pair('ي', 'ێ')
        || pair('ى', 'ی')
        || pair('ى', 'ێ')
        || pair('و', 'ۆ')
        || pair('ؤ', 'ۆ')
        || pair('ل', 'ڵ')
        || pair('ر', 'ڕ')
        || pair('ه', 'ە')
        || pair('ھ', 'ە')
        || pair('ھ', 'ه')
        || pair('ة', 'ە')
        || pair('ة', 'ه')
        || pair('ك', 'ک')
}

/// Letters with one sound or one shape written for one another.
fn similar_pair(a: char, b: char) -> bool {
    const GROUPS: &[&[char]] = &[
        &['ك', 'ک', 'گ'],
        &['ب', 'پ'],
        &['ج', 'چ'],
        &['ز', 'ژ', 'ذ', 'ض', 'ظ'],
        &['ف', 'ڤ'],
        &['س', 'ص', 'ث'],
        &['ت', 'ط'],
        &['ه', 'ح', 'ھ'],
        &['ئ', 'ع', 'ا', 'أ', 'إ', 'آ'],
        &['ق', 'غ', 'خ'],
        &['ە', 'ێ', 'ی'],
        &['ن', 'م'],
        &['د', 'ت'],
    ];
    GROUPS.iter().any(|g| g.contains(&a) && g.contains(&b))
}

/// Substitution costs between Arabic-block letters (U+0600..U+06FF), in
/// hundredths, computed once from [`sub_cost_slow`].
static SUB_TABLE: std::sync::LazyLock<Vec<u8>> = std::sync::LazyLock::new(|| {
    let mut table = vec![100u8; 256 * 256];
    for a in 0..256u32 {
        for b in 0..256u32 {
            let (ca, cb) = (char::from_u32(0x600 + a).unwrap_or(' '), char::from_u32(0x600 + b).unwrap_or(' '));
            table[(a * 256 + b) as usize] = (sub_cost_slow(ca, cb) * 100.0).round() as u8;
        }
    }
    table
});

/// Cost of typing `typed` where `intended` belongs.
#[inline]
pub(crate) fn sub_cost(typed: char, intended: char) -> f32 {
    if typed == intended {
        return 0.0;
    }
    let (a, b) = (typed as u32, intended as u32);
    if (0x600..0x700).contains(&a) && (0x600..0x700).contains(&b) {
        return f32::from(SUB_TABLE[((a - 0x600) * 256 + (b - 0x600)) as usize]) / 100.0;
    }
    sub_cost_slow(typed, intended)
}

fn sub_cost_slow(typed: char, intended: char) -> f32 {
    if typed == intended {
        0.0
    } else if keyboard_pair(typed, intended) {
        0.3
    } else if similar_pair(typed, intended) {
        0.55
    } else if is_vowel(typed) && is_vowel(intended) {
        0.75
    } else {
        1.0
    }
}

/// Cost of an invisible mark left out or added.
pub(crate) const MARK_EDIT: f32 = 0.05;

/// Cost of a character `c` the writer left out (present in the intended word,
/// absent from the typed one); `prev` is the intended letter before it.
pub(crate) fn drop_cost(c: char, prev: Option<char>) -> f32 {
    if is_mark(c) {
        MARK_EDIT
    } else if prev == Some(c) {
        // one letter of a doubled pair (وو, یی)
        0.4
    } else if c == 'ە' {
        // the short vowel Arabic and Persian spelling leaves unwritten
        0.4
    } else if matches!(c, 'ی' | 'و' | 'ێ' | 'ۆ' | 'ئ') {
        0.55
    } else if c == 'ا' {
        0.65
    } else {
        1.0
    }
}

/// Cost of a character `c` the writer typed that the intended word lacks;
/// `prev` is the typed letter before it.
pub(crate) fn add_cost(c: char, prev: Option<char>) -> f32 {
    if is_mark(c) {
        MARK_EDIT
    } else if prev == Some(c) {
        0.4
    } else if matches!(c, 'ە' | 'ی' | 'و' | 'ێ' | 'ۆ' | 'ا' | 'ه') {
        0.6
    } else {
        1.0
    }
}

/// Cost of two neighbouring letters typed in the wrong order.
pub(crate) const SWAP_COST: f32 = 0.7;

/// The cheapest edit between two words without marks (a keyboard
/// confusion): a word that differs from a typed word in letters, not only
/// in marks, costs at least this.
pub(crate) const MIN_EDIT: f32 = 0.3;

/// The longest word (in chars) the distance is computed for.
pub(crate) const MAX_CHARS: usize = 48;

/// Weighted Damerau–Levenshtein (optimal string alignment) distance of typing
/// `typed` for `intended`, or `None` when it exceeds `limit` or a word is
/// longer than [`MAX_CHARS`].
///
/// No allocation: both words are decoded into stack arrays.
pub(crate) fn cost(typed: &[char], intended: &[char], limit: f32) -> Option<f32> {
    let (n, m) = (typed.len(), intended.len());
    if n > MAX_CHARS || m > MAX_CHARS {
        return None;
    }
    const W: usize = MAX_CHARS + 1;
    let mut rows = [[0f32; W]; 3];
    // drops[j]: cost of leaving out intended[j - 1], the same on every row
    let mut drops = [0f32; W];
    // rows[i % 3][j]: cost of typed[..i] against intended[..j]
    rows[0][0] = 0.0;
    for j in 1..=m {
        drops[j] = drop_cost(intended[j - 1], j.checked_sub(2).map(|k| intended[k]));
        rows[0][j] = rows[0][j - 1] + drops[j];
    }
    // A swap reaches row i + 1 from row i - 1, so the search may stop only
    // when two rows in a row are over the limit.
    let mut prev_row_min = 0f32;
    for i in 1..=n {
        let (cur, prev, prev2) = (i % 3, (i + 2) % 3, (i + 1) % 3);
        let t = typed[i - 1];
        let add = add_cost(t, i.checked_sub(2).map(|k| typed[k]));
        rows[cur][0] = rows[prev][0] + add;
        let mut row_min = rows[cur][0];
        for j in 1..=m {
            let c = intended[j - 1];
            let mut best = rows[prev][j - 1] + sub_cost(t, c);
            best = best.min(rows[prev][j] + add);
            best = best.min(rows[cur][j - 1] + drops[j]);
            if i > 1 && j > 1 && t == intended[j - 2] && typed[i - 2] == c && t != c {
                best = best.min(rows[prev2][j - 2] + SWAP_COST);
            }
            rows[cur][j] = best;
            row_min = row_min.min(best);
        }
        if row_min > limit && prev_row_min > limit {
            return None;
        }
        prev_row_min = row_min;
    }
    let d = rows[n % 3][m];
    (d <= limit).then_some(d)
}

#[cfg(test)]
mod bound_tests {
    use super::*;

    #[test]
    fn no_edit_costs_less_than_its_bound() {
        // the candidate searches of judging rely on these lower bounds
        let letters: Vec<char> = ('\u{0600}'..='\u{06FF}').chain(['\u{200C}', '\u{200D}']).collect();
        let prevs: Vec<Option<char>> = std::iter::once(None).chain(letters.iter().copied().map(Some)).collect();
        for &a in &letters {
            let bound = if is_mark(a) { MARK_EDIT } else { MIN_EDIT };
            for &b in letters.iter().filter(|&&b| b != a && !is_mark(a) && !is_mark(b)) {
                assert!(sub_cost(a, b) >= MIN_EDIT, "{a} for {b}: {}", sub_cost(a, b));
            }
            for &prev in &prevs {
                assert!(drop_cost(a, prev) >= bound, "dropped {a} after {prev:?}");
                assert!(add_cost(a, prev) >= bound, "added {a} after {prev:?}");
            }
        }
        assert!(SWAP_COST >= MIN_EDIT && MIN_EDIT >= MARK_EDIT);
    }
}

/// One step of an edit script from the typed word to the intended one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// `typed` was written where `intended` belongs.
    Replace {
        /// The letter in the text.
        typed: char,
        /// The letter of the suggestion.
        intended: char,
        /// Why they are confused: `keyboard`, `similar`, `vowel` or `other`.
        class: &'static str,
    },
    /// A letter of the suggestion is missing from the text.
    Missing(char),
    /// The text has a letter the suggestion lacks.
    Extra(char),
    /// Two neighbouring letters are swapped.
    Swap(char, char),
}

impl std::fmt::Display for Edit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Edit::Replace { typed, intended, class } => write!(f, "{typed}→{intended} ({class})"),
            Edit::Missing(c) if is_mark(*c) => write!(f, "missing mark U+{:04X}", *c as u32),
            Edit::Missing(c) => write!(f, "missing {c}"),
            Edit::Extra(c) if is_mark(*c) => write!(f, "extra mark U+{:04X}", *c as u32),
            Edit::Extra(c) => write!(f, "extra {c}"),
            Edit::Swap(a, b) => write!(f, "swapped {a}{b}"),
        }
    }
}

fn class_of(typed: char, intended: char) -> &'static str {
    if keyboard_pair(typed, intended) {
        "keyboard"
    } else if similar_pair(typed, intended) {
        "similar"
    } else if is_vowel(typed) && is_vowel(intended) {
        "vowel"
    } else {
        "other"
    }
}

/// The cheapest edit script turning `typed` into `intended` (full matrix; used
/// for explanations only).
pub fn explain(typed: &str, intended: &str) -> Vec<Edit> {
    let t: Vec<char> = typed.chars().collect();
    let c: Vec<char> = intended.chars().collect();
    let (n, m) = (t.len(), c.len());
    let mut d = vec![vec![0f32; m + 1]; n + 1];
    for j in 1..=m {
        d[0][j] = d[0][j - 1] + drop_cost(c[j - 1], j.checked_sub(2).map(|k| c[k]));
    }
    for i in 1..=n {
        d[i][0] = d[i - 1][0] + add_cost(t[i - 1], i.checked_sub(2).map(|k| t[k]));
        for j in 1..=m {
            let mut best = d[i - 1][j - 1] + sub_cost(t[i - 1], c[j - 1]);
            best = best.min(d[i - 1][j] + add_cost(t[i - 1], i.checked_sub(2).map(|k| t[k])));
            best = best.min(d[i][j - 1] + drop_cost(c[j - 1], j.checked_sub(2).map(|k| c[k])));
            if i > 1 && j > 1 && t[i - 1] == c[j - 2] && t[i - 2] == c[j - 1] && t[i - 1] != c[j - 1] {
                best = best.min(d[i - 2][j - 2] + SWAP_COST);
            }
            d[i][j] = best;
        }
    }
    let mut edits = Vec::new();
    let (mut i, mut j) = (n, m);
    let close = |a: f32, b: f32| (a - b).abs() < 1e-4;
    while i > 0 || j > 0 {
        if i > 0 && j > 0 && close(d[i][j], d[i - 1][j - 1] + sub_cost(t[i - 1], c[j - 1])) {
            if t[i - 1] != c[j - 1] {
                edits.push(Edit::Replace { typed: t[i - 1], intended: c[j - 1], class: class_of(t[i - 1], c[j - 1]) });
            }
            i -= 1;
            j -= 1;
        } else if i > 1
            && j > 1
            && t[i - 1] == c[j - 2]
            && t[i - 2] == c[j - 1]
            && t[i - 1] != c[j - 1]
            && close(d[i][j], d[i - 2][j - 2] + SWAP_COST)
        {
            edits.push(Edit::Swap(t[i - 2], t[i - 1]));
            i -= 2;
            j -= 2;
        } else if i > 0 && close(d[i][j], d[i - 1][j] + add_cost(t[i - 1], i.checked_sub(2).map(|k| t[k]))) {
            edits.push(Edit::Extra(t[i - 1]));
            i -= 1;
        } else {
            edits.push(Edit::Missing(c[j - 1]));
            j -= 1;
        }
    }
    edits.reverse();
    edits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(typed: &str, intended: &str) -> f32 {
        let t: Vec<char> = typed.chars().collect();
        let c: Vec<char> = intended.chars().collect();
        cost(&t, &c, 10.0).unwrap_or(f32::INFINITY)
    }

    #[test]
    fn confusions_cost_less_than_arbitrary_edits() {
        let cases = [
            // (typed, intended, at most, why)
            ("بیت", "بێت", 0.31, "ی for ێ is a keyboard confusion"),
            ("خوش", "خۆش", 0.31, "و for ۆ is a keyboard confusion"),
            ("دستان", "دەستان", 0.56, "a dropped ە"),
            ("کتێب", "کتێب", 0.0, "identical"),
            ("بوون", "بون", 0.41, "a doubled و"),
            ("کتبێ", "کتێب", 0.71, "two letters swapped"),
            ("ساق", "ساغ", 0.56, "ق for غ sound alike"),
        ];
        for (typed, intended, most, why) in cases {
            let got = d(typed, intended);
            assert!(got <= most, "{typed} → {intended}: cost {got} > {most} ({why})");
        }
        assert!(d("کتاب", "کتێب") > d("کتیب", "کتێب"), "a vowel confusion beats an unrelated one");
        assert!(d("مال", "ماڵ") < d("ماس", "ماڵ"), "ل/ڵ beats س/ڵ");
    }

    #[test]
    fn limit_cuts_off() {
        let t: Vec<char> = "ئەمڕۆ".chars().collect();
        let c: Vec<char> = "دوێنێ".chars().collect();
        assert_eq!(cost(&t, &c, 1.0), None);
    }

    #[test]
    fn limit_is_never_below_the_cost_of_a_swap() {
        // The row after the swapped letters is over a tight limit on its
        // own; the swap reaches the next row from the one before it.
        let t: Vec<char> = "ئێتسا".chars().collect();
        let c: Vec<char> = "ئێستا".chars().collect();
        let full = cost(&t, &c, 10.0).expect("within any limit");
        assert_eq!(cost(&t, &c, full), Some(full));
        assert_eq!(cost(&t, &c, full - 0.01), None);
    }

    #[test]
    fn folding_joins_confusable_letters() {
        assert_eq!(fold("سهرۆكایهتیی"), fold("سەرۆکایەتیی"));
        assert_eq!(fold("ماڵ"), fold("مال"));
        assert_eq!(fold("ده\u{200C}ست"), fold("دەست"));
        assert_ne!(fold("دەست"), fold("دەشت"));
    }

    #[test]
    fn explanations_name_the_edits() {
        let edits = explain("دستان", "دەستان");
        assert_eq!(edits, vec![Edit::Missing('ە')]);
        let edits = explain("خوش", "خۆش");
        assert_eq!(edits, vec![Edit::Replace { typed: 'و', intended: 'ۆ', class: "keyboard" }]);
        let edits = explain("کتبێ", "کتێب");
        assert_eq!(edits, vec![Edit::Swap('ب', 'ێ')]);
    }
}
