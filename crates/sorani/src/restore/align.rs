//! Restoration's changes laid over the words of the text they were made in,
//! for callers that keep each word's place in the original (a search
//! tokenizer's offsets, `sorani analyze`'s spans).

use super::Change;

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
}
