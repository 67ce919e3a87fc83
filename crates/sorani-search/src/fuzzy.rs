//! Edit-distance matching of rare query words, the first letter kept.
//!
//! tantivy's `FuzzyTermQuery` walks the term dictionary through every term
//! within the distance of the word. At distance 2 any two-letter start stays
//! possible, so the walk visits most of a large dictionary: one long rare
//! word cost about 9 ms on a million documents, which made the slowest
//! queries. Typing errors seldom fall on a word's first letter (and the
//! keyboard variants that do are matched through the key list); keeping it
//! walks only the terms that start with it.

use std::sync::{Arc, OnceLock};

use levenshtein_automata::{Distance, LevenshteinAutomatonBuilder, DFA, SINK_STATE};
use tantivy::query::{AutomatonWeight, EnableScoring, Query, Weight};
use tantivy::schema::Field;

/// Terms of `field` that start with the word's first letter and whose rest
/// is within `distance` edits (a transposition counts one) of the word's rest.
#[derive(Clone, Debug)]
pub struct FirstLetterFuzzyQuery {
    field: Field,
    automaton: Arc<FirstLetterAutomaton>,
}

impl FirstLetterFuzzyQuery {
    /// The query for `word` (distance 0 to 2; more is taken as 2).
    pub fn new(field: Field, word: &str, distance: u8) -> Self {
        static BUILDERS: [OnceLock<LevenshteinAutomatonBuilder>; 3] =
            [OnceLock::new(), OnceLock::new(), OnceLock::new()];
        let distance = distance.min(2);
        let builder = BUILDERS[distance as usize].get_or_init(|| LevenshteinAutomatonBuilder::new(distance, true));
        let first = word.chars().next().map_or(0, char::len_utf8);
        let automaton =
            FirstLetterAutomaton { first: word.as_bytes()[..first].to_vec(), rest: builder.build_dfa(&word[first..]) };
        FirstLetterFuzzyQuery { field, automaton: Arc::new(automaton) }
    }
}

impl Query for FirstLetterFuzzyQuery {
    fn weight(&self, _scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(AutomatonWeight::<FirstLetterAutomaton>::new(self.field, Arc::clone(&self.automaton))))
    }
}

/// The first letter's bytes, then a Levenshtein automaton of the rest.
pub struct FirstLetterAutomaton {
    first: Vec<u8>,
    rest: DFA,
}

impl std::fmt::Debug for FirstLetterAutomaton {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FirstLetterAutomaton").field("first", &String::from_utf8_lossy(&self.first)).finish()
    }
}

impl tantivy_fst::Automaton for FirstLetterAutomaton {
    /// (bytes of the first letter read, state of the rest's automaton):
    /// the second is the sink once a byte did not match.
    type State = (usize, u32);

    fn start(&self) -> Self::State {
        (0, self.rest.initial_state())
    }

    fn is_match(&self, &(read, state): &Self::State) -> bool {
        read == self.first.len() && matches!(self.rest.distance(state), Distance::Exact(_))
    }

    fn can_match(&self, &(_, state): &Self::State) -> bool {
        state != SINK_STATE
    }

    fn accept(&self, &(read, state): &Self::State, byte: u8) -> Self::State {
        match self.first.get(read) {
            Some(&want) if want == byte => (read + 1, state),
            Some(_) => (read, SINK_STATE),
            None => (read, self.rest.transition(state, byte)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy_fst::Automaton;

    fn matches(word: &str, distance: u8, term: &str) -> bool {
        let q = FirstLetterFuzzyQuery::new(Field::from_field_id(0), word, distance);
        let a = &q.automaton;
        let mut state = a.start();
        for &b in term.as_bytes() {
            if !a.can_match(&state) {
                return false;
            }
            state = a.accept(&state, b);
        }
        a.is_match(&state)
    }

    #[test]
    fn the_first_letter_is_kept_and_the_rest_within_the_distance() {
        assert!(matches("سەرگەردان", 2, "سەرگەردان"));
        assert!(matches("سەرگەردان", 2, "سەرگەردانی"), "one insertion");
        assert!(matches("سەرگەردان", 2, "سرگەردانی"), "a deletion and an insertion");
        assert!(matches("کوردستان", 1, "کوردسیان"), "one substitution");
        assert!(matches("کوردستان", 1, "کوردتسان"), "a transposition counts one");
        assert!(!matches("کوردستان", 1, "گوردستان"), "the first letter must match");
        assert!(!matches("کوردستان", 1, "کوردستانەکە"), "three insertions");
        assert!(!matches("وڵات", 1, "و"), "too short");
    }
}
