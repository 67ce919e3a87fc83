//! Restoration's changes laid over the words of the text they were made in,
//! for callers that keep each word's place in the original (a search
//! tokenizer's offsets, `sorani analyze`'s spans), a respelled word's
//! letters matched to the letters it was written with, the words of a
//! change placed on the letters they were written with ([`Placement`]),
//! and the restored text's offsets taken back to the text as typed
//! (`TypedOffsets`, for what reads restored text: numbers, spelling).

use super::{Change, Restored};
use crate::splice::splice;

/// Lays `changes` (word-level, in input order, as
/// [`Restorer::restore_explained`](super::Restorer::restore_explained) gives
/// them) over the byte spans of the words of the same text, in order:
/// `(start, end, None)` for a word no change touches, and `(start, end,
/// Some(change))` once per change, spanning every word it covers (a change
/// that joins words covers them all; one that splits a word covers that
/// word).
pub fn changed_words<'c>(spans: &[(usize, usize)], changes: &'c [Change]) -> Vec<(usize, usize, Option<&'c Change>)> {
    let mut out = Vec::with_capacity(spans.len());
    let mut changes = changes.iter().peekable();
    let mut i = 0;
    while i < spans.len() {
        let (s, e) = spans[i];
        while changes.peek().is_some_and(|c| c.end <= s) {
            changes.next();
        }
        match changes.peek() {
            Some(c) if c.start < e => {
                let (cs, ce) = (c.start.min(s), c.end.max(e));
                let mut j = i + 1;
                while j < spans.len() && spans[j].0 < ce {
                    j += 1;
                }
                out.push((cs, ce.max(spans[j - 1].1), Some(*c)));
                changes.next();
                i = j;
            }
            _ => {
                out.push((s, e, None));
                i += 1;
            }
        }
    }
    out
}

/// The most letter pairs [`written_offsets`] matches edit by edit (a table
/// of 4 bytes each): words of up to some 1,000 letters.
const MATCHED_LETTERS: usize = 1 << 20;

/// Where the bytes of `standard`, a respelling of `written` (restored,
/// normalized), stand in `written`: entry `b` is the byte offset in
/// `written` of the character boundary at byte `b` of `standard` (inside a
/// character, the boundary before it), so there are `standard.len() + 1`
/// entries, never decreasing, the last `written.len()`.
/// The letters are matched by the fewest edits (a letter for another, one
/// added or dropped), so a boundary of `standard` lands where the same
/// boundary of `written` is: `کتێب|ەکان` written `كتێب|ه\u{200C}كان`.
/// Letters dropped from `written` (a ZWNJ, a tatweel) go with the letter
/// after them. Words too long to match in little time and memory (over a
/// million letter pairs) are matched in proportion instead.
pub fn written_offsets(written: &str, standard: &str) -> Vec<usize> {
    let w: Vec<(usize, char)> = written.char_indices().collect();
    let s: Vec<(usize, char)> = standard.char_indices().collect();
    let (n, m) = (w.len(), s.len());
    if (n + 1).saturating_mul(m + 1) > MATCHED_LETTERS {
        let offset = |i: usize| if i >= n { written.len() } else { w[i].0 };
        let mut offsets = Vec::with_capacity(standard.len() + 1);
        for (k, &(_, c)) in s.iter().enumerate() {
            offsets.extend(std::iter::repeat_n(offset(k * n / m), c.len_utf8()));
        }
        offsets.push(written.len());
        return offsets;
    }
    // cost[i][j]: edits from the first i letters of `written` to the first j of `standard`
    let width = m + 1;
    let mut cost = vec![0u32; (n + 1) * width];
    for i in 0..=n {
        for j in 0..=m {
            cost[i * width + j] = match (i, j) {
                (0, j) => j as u32,
                (i, 0) => i as u32,
                (i, j) => {
                    let same = u32::from(w[i - 1].1 != s[j - 1].1);
                    (cost[(i - 1) * width + j - 1] + same)
                        .min(cost[(i - 1) * width + j] + 1)
                        .min(cost[i * width + j - 1] + 1)
                }
            };
        }
    }
    // walk back from the end, preferring a letter for a letter; the
    // boundary before standard letter j is where the walk leaves column j
    let offset = |i: usize| if i == n { written.len() } else { w[i].0 };
    let mut out = vec![0usize; m + 1];
    let (mut i, mut j) = (n, m);
    out[m] = written.len();
    while i > 0 || j > 0 {
        let here = cost[i * width + j];
        if i > 0 && j > 0 && here == cost[(i - 1) * width + j - 1] + u32::from(w[i - 1].1 != s[j - 1].1) {
            i -= 1;
            j -= 1;
        } else if i > 0 && here == cost[(i - 1) * width + j] + 1 {
            i -= 1;
        } else {
            j -= 1;
        }
        out[j] = offset(i);
    }
    let mut offsets = Vec::with_capacity(standard.len() + 1);
    for (k, &(b, c)) in s.iter().enumerate() {
        offsets.extend(std::iter::repeat_n(out[k], c.len_utf8()));
        debug_assert_eq!(offsets.len(), b + c.len_utf8());
    }
    offsets.push(written.len());
    offsets
}

/// Where the words of a restoration were written: for `replacement`, the
/// restoration of `written` (one change, which may span several words: a
/// line in a legacy font whose decoding moved spaces is one), the span of
/// `written` each part of `replacement` comes from. Pieces between spaces
/// are paired in order when there are as many on both sides; a word that
/// is a whole piece gets the whole written piece, and several words in one
/// piece are placed by matching the piece's letters ([`written_offsets`],
/// worked out once per piece). When restoration joined or split pieces, the
/// letters of the whole change are matched.
pub struct Placement<'a> {
    written: &'a str,
    /// `(written start, written piece, replacement start, replacement piece)`, in order.
    pairs: Vec<(usize, &'a str, usize, &'a str)>,
    /// [`written_offsets`] of each pair, once asked for.
    offsets: Vec<Option<Vec<usize>>>,
}

impl<'a> Placement<'a> {
    /// The placement of the parts of `replacement`, the restoration of `written`.
    pub fn new(written: &'a str, replacement: &'a str) -> Self {
        let written_pieces: Vec<(usize, &str)> = pieces(written).collect();
        let replaced_pieces: Vec<(usize, &str)> = pieces(replacement).collect();
        let pairs: Vec<(usize, &str, usize, &str)> =
            if written_pieces.len() == replaced_pieces.len() && !written_pieces.is_empty() {
                written_pieces.into_iter().zip(replaced_pieces).map(|((wa, w), (ra, r))| (wa, w, ra, r)).collect()
            } else {
                vec![(0, written, 0, replacement)]
            };
        let offsets = vec![None; pairs.len()];
        Placement { written, pairs, offsets }
    }

    /// The byte span of `written` that `replacement[start..end]` (a word,
    /// within one piece) was written with; the whole written piece when the
    /// word matches no letter of it, the whole of `written` when the span is
    /// not within a piece.
    pub fn written_span(&mut self, start: usize, end: usize) -> (usize, usize) {
        let at = self.pairs.partition_point(|&(_, _, ra, _)| ra <= start).saturating_sub(1);
        let Some(&(wa, piece, ra, replaced)) = self.pairs.get(at) else { return (0, self.written.len()) };
        if start < ra || end > ra + replaced.len() {
            return (0, self.written.len());
        }
        let (from, to) = (start - ra, end - ra);
        if (from, to) == (0, replaced.len()) {
            return (wa, wa + piece.len());
        }
        let offsets = self.offsets[at].get_or_insert_with(|| written_offsets(piece, replaced));
        if offsets[from] < offsets[to] {
            (wa + offsets[from], wa + offsets[to])
        } else {
            (wa, wa + piece.len())
        }
    }
}

/// The pieces of `text` between whitespace, with their byte offsets.
pub(crate) fn pieces(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace().map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

/// Where the restored text's byte offsets fall in the text as typed.
pub(crate) struct TypedOffsets {
    /// Per change, in order: its restored span and the typed offset of its
    /// end.
    changed: Vec<(usize, usize, usize)>,
}

impl TypedOffsets {
    /// The map, when the restored text is exactly the typed text with each
    /// change's word replaced (anything else restoration did would leave
    /// offsets unmapped: then `None`, and the text is read as typed).
    pub(crate) fn new(typed: &str, restored: &Restored<'_>) -> Option<Self> {
        let rebuilt = splice(typed, restored.changes.iter().map(|c| (c.start, c.end, c.replacement.as_str())));
        if rebuilt != restored.text {
            return None;
        }
        // restored offset = typed offset + the growth of the changes before it
        let mut growth: isize = 0;
        let changed = restored
            .changes
            .iter()
            .map(|c| {
                let start = c.start.checked_add_signed(growth).unwrap_or(0);
                growth += c.replacement.len() as isize - (c.end - c.start) as isize;
                (start, start + c.replacement.len(), c.end)
            })
            .collect();
        Some(TypedOffsets { changed })
    }

    /// The last change starting before restored offset `at`.
    fn change_before(&self, at: usize) -> Option<(usize, usize, usize)> {
        let i = self.changed.partition_point(|&(start, _, _)| start < at);
        i.checked_sub(1).map(|i| self.changed[i])
    }

    /// The typed offset of restored offset `at`; `None` inside a changed word.
    pub(crate) fn typed(&self, at: usize) -> Option<usize> {
        let Some((_, end, typed_end)) = self.change_before(at) else {
            return Some(at);
        };
        (at >= end).then(|| typed_end + (at - end))
    }

    /// The span of each change in the restored text, in order.
    pub(crate) fn restored_spans(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.changed.iter().map(|&(start, end, _)| (start, end))
    }

    /// The smallest span of the restored text that holds `start..end` and
    /// whose ends map to typed offsets: each end that falls inside a
    /// changed word moves out to that word's edge.
    pub(crate) fn widen(&self, start: usize, end: usize) -> (usize, usize) {
        // the change holding `at` strictly inside, if any
        let inside = |at: usize| self.change_before(at).filter(|&(_, e, _)| at < e);
        (inside(start).map_or(start, |(s, _, _)| s), inside(end).map_or(end, |(_, e, _)| e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(start: usize, end: usize, replacement: &str) -> Change {
        Change {
            start,
            end,
            original: String::new(),
            replacement: replacement.into(),
            reason: String::new(),
            score: 0.0,
        }
    }

    #[test]
    fn placement_puts_each_word_on_its_letters() {
        // one change for a line of several pieces, one of them two words
        let written = "لە سالَی ماله١كتێبه";
        let replacement = "لە ساڵی ماڵە١کتێبە";
        let mut placement = Placement::new(written, replacement);
        let place = |p: &mut Placement, word: &str| {
            let at = replacement.find(word).unwrap();
            let (s, e) = p.written_span(at, at + word.len());
            written[s..e].to_string()
        };
        assert_eq!(place(&mut placement, "لە"), "لە");
        assert_eq!(place(&mut placement, "ساڵی"), "سالَی");
        assert_eq!(place(&mut placement, "ماڵە"), "ماله");
        assert_eq!(place(&mut placement, "١"), "١");
        assert_eq!(place(&mut placement, "کتێبە"), "كتێبه");
        // pieces joined by restoration: the letters of the whole change are matched
        let mut joined = Placement::new("ماڵ ەکەمان", "ماڵەکەمان");
        assert_eq!(joined.written_span(0, "ماڵەکەمان".len()), (0, "ماڵ ەکەمان".len()));
    }

    #[test]
    fn each_change_spans_the_words_it_covers() {
        // words at 0..2, 3..5, 6..8, 9..11
        let spans = [(0, 2), (3, 5), (6, 8), (9, 11)];
        let changes = [change(3, 8, "joined"), change(9, 11, "one")];
        let got: Vec<_> = changed_words(&spans, &changes)
            .into_iter()
            .map(|(s, e, c)| (s, e, c.map(|c| c.replacement.as_str())))
            .collect();
        assert_eq!(got, [(0, 2, None), (3, 8, Some("joined")), (9, 11, Some("one"))]);
        assert_eq!(changed_words(&spans, &[]).len(), 4);
        assert!(changed_words(&[], &changes).is_empty());
    }

    /// The morpheme boundaries of `standard` (byte offsets) in `written`.
    fn boundaries(written: &str, standard: &str, at: &[usize]) -> Vec<usize> {
        let offsets = written_offsets(written, standard);
        assert_eq!(offsets.len(), standard.len() + 1);
        assert!(offsets.windows(2).all(|p| p[0] <= p[1]), "never decreasing");
        at.iter().map(|&b| offsets[b]).collect()
    }

    #[test]
    fn boundaries_of_a_respelling_land_where_the_written_letters_are() {
        // KAF for ک: one letter for another
        assert_eq!(boundaries("كتێبەكان", "کتێبەکان", &[0, 8, 16]), [0, 8, 16]);
        // HEH + ZWNJ for ە: the ZWNJ goes with the suffix after it
        let written = "کتێبه\u{200C}کان";
        assert_eq!(boundaries(written, "کتێبەکان", &[8, 16]), [8, written.len()]);
        // a tatweel dropped inside the stem, a restored vowel added
        assert_eq!(boundaries("کـتێب", "کتێب", &[2, 8]), [2, 10]);
        assert_eq!(boundaries("کتب", "کتێب", &[4, 6]), [4, 4]);
        // nothing to match
        assert_eq!(written_offsets("", "ab"), [0, 0, 0]);
        assert_eq!(written_offsets("ab", ""), [2]);
        // too long to match letter by letter: in proportion
        let long = "ب".repeat(2000);
        let longer = "ب".repeat(4000);
        let offsets = written_offsets(&long, &longer);
        assert_eq!((offsets[0], offsets[4000], offsets[8000]), (0, 2000, 4000));
    }

    proptest::proptest! {
        /// Any two texts: one entry per byte of the respelling, from 0 (when
        /// there is any) to the written length, never decreasing; a text matched with itself
        /// maps every byte to itself.
        #[test]
        fn offsets_run_from_start_to_end_in_order(written in "\\PC{0,12}", standard in "\\PC{0,12}") {
            let offsets = written_offsets(&written, &standard);
            proptest::prop_assert_eq!(offsets.len(), standard.len() + 1);
            proptest::prop_assert_eq!(offsets[standard.len()], written.len());
            if !standard.is_empty() {
                proptest::prop_assert_eq!(offsets[0], 0);
            }
            proptest::prop_assert!(offsets.windows(2).all(|p| p[0] <= p[1]));
            proptest::prop_assert!(offsets.iter().all(|&o| written.is_char_boundary(o)));
            let same = written_offsets(&written, &written);
            for (b, _) in written.char_indices() {
                proptest::prop_assert_eq!(same[b], b);
            }
        }
    }
}
