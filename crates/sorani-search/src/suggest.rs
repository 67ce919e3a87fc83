//! "Did you mean": a query with words the speller corrects with confidence
//! is searched again, corrected, and offered when that finds more
//! documents. Words typed on another keyboard are not corrected (the
//! analyzer reads them restored already), nor the value of a filter
//! (`source:…`, `id:…`), which names something as its owner spells it.

use serde::Serialize;
use sorani::restore::Restorer;
use sorani::spell::{FindingKind, Speller};

use crate::search::{Engine, SearchRequest, SearchResponse};

/// A corrected query, and how many documents it finds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DidYouMean {
    /// The query with its misspelt words corrected.
    pub query: String,
    /// Documents the corrected query matches (a lower bound when its search
    /// says the count is not exact).
    pub total: usize,
}

/// `q` with the corrections `sorani spell --fix` would make to its
/// misspellings, when there are any.
pub fn corrected_query(q: &str) -> Option<String> {
    let corrections = Speller::embedded().fix_explained_as_restored(q, &Restorer::new());
    let mut out = String::with_capacity(q.len() + 8);
    let mut last = 0;
    for c in corrections.iter().filter(|c| c.applied && c.finding.kind == FindingKind::Spelling) {
        let f = &c.finding;
        if f.start < last || q[..f.start].ends_with(':') {
            continue;
        }
        out.push_str(&q[last..f.start]);
        out.push_str(&f.suggestions[0].word);
        last = f.end;
    }
    (last > 0).then(|| {
        out.push_str(&q[last..]);
        out
    })
}

/// The corrected query of `req` (same filters), when it finds documents,
/// at least as many as `found`, the answer to `req` (fuzzy matching may
/// have found the same ones under the misspelling, and the user still
/// learns the spelling). Only a query that found
/// less than a page of documents is second-guessed (which also spares a
/// one-shot `sorani search` the speller's start-up, some 0.1 s, on the
/// queries that find enough). A corrected query the engine cannot run is
/// no suggestion.
pub fn did_you_mean(engine: &Engine, req: &SearchRequest, found: &SearchResponse) -> Option<DidYouMean> {
    if found.total >= req.limit.max(1) {
        return None;
    }
    let query = corrected_query(&req.q)?;
    let again = SearchRequest { q: query.clone(), limit: 1, offset: 0, snippet_chars: 0, ..req.clone() };
    let total = engine.search(&again).ok()?.total;
    (total > 0 && total >= found.total).then_some(DidYouMean { query, total })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misspellings_are_corrected_but_not_typing_nor_filter_values() {
        // our own misspelling: a dropped vowel (کتژمێر for کاتژمێر)
        assert_eq!(corrected_query("کتژمێر").as_deref(), Some("کاتژمێر"));
        assert_eq!(corrected_query("\"کتژمێر لە شار\" date:2024").as_deref(), Some("\"کاتژمێر لە شار\" date:2024"));
        // correct words, words typed on a legacy keyboard, a filter's value
        assert_eq!(corrected_query("کاتژمێر"), None);
        assert_eq!(corrected_query("ههولێر"), None);
        assert_eq!(corrected_query("source:کتژمێر"), None);
        assert_eq!(corrected_query(""), None);
    }
}
