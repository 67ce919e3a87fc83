//! Number words typed on a legacy, Arabic or Persian keyboard (`سێ سهد`,
//! `ههزار`, `يەكەم`): they are read in the restored text, and what replaces
//! them goes back in place of the words as typed. The rest of the text is
//! left exactly as written.

use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::restore::{Restorer, TypedOffsets};
use crate::splice::splice;

/// `convert` applied to the text as typed and to the text restored, when
/// restoration changed anything: the spans found in the restored text (byte
/// ranges and their replacements) go back at the typed words' places, and
/// where the two readings overlap, the one that reads more of the text wins
/// (`سی و چوار` on a Persian keyboard is 34 as typed, but 3 and 4 restored,
/// سێ; `سێ سهد` is 300 only restored). A span that starts or ends inside a
/// changed word is left out.
pub(crate) fn on_restored<'a, F>(text: &'a str, convert: F) -> Cow<'a, str>
where
    F: Fn(&str) -> Vec<(usize, usize, String)>,
{
    // an Arabic-keyboard letter stands for one Sorani letter wherever it is
    // (يەکەم in a standard line, which restoration leaves alone): read with
    // that letter, at the same offsets
    let as_typed = convert(&sorani_letters(text));
    let restored = Restorer::new().restore_explained(text);
    let Some(offsets) = TypedOffsets::new(text, &restored).filter(|_| !restored.changes.is_empty()) else {
        return splice(text, as_typed);
    };
    let from_restored = convert(&restored.text)
        .into_iter()
        .filter_map(|(start, end, rep)| Some((offsets.typed(start)?, offsets.typed(end)?, rep)));
    // longest first (the typed reading first among equals), each kept unless
    // it overlaps one kept already: kept spans are disjoint, so only the
    // last one starting before a span's end can overlap it
    let mut all: Vec<(usize, usize, String)> = as_typed.into_iter().chain(from_restored).collect();
    all.sort_by_key(|&(start, end, _)| std::cmp::Reverse(end - start));
    let mut kept: BTreeMap<usize, (usize, String)> = BTreeMap::new();
    for (start, end, rep) in all {
        if kept.range(..end).next_back().is_none_or(|(_, (kept_end, _))| *kept_end <= start) {
            kept.insert(start, (end, rep));
        }
    }
    splice(text, kept.into_iter().map(|(start, (end, rep))| (start, end, rep)))
}

/// `text` with each Arabic-keyboard letter (ك ي ى ة ھ) as the Sorani letter
/// it stands for: the same byte length, so offsets carry over.
fn sorani_letters(text: &str) -> Cow<'_, str> {
    let sorani = |c: char| match c {
        'ك' => 'ک',
        'ي' | 'ى' => 'ی',
        'ة' => 'ە',
        'ھ' => 'ه',
        c => c,
    };
    if !text.chars().any(|c| sorani(c) != c) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(sorani).collect())
}
