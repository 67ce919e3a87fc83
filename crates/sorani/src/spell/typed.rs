//! Text typed on a legacy, Arabic or Persian keyboard or in a legacy font,
//! judged as restoration reads it. Judged as written, nearly every word of
//! such text is a finding whose suggestions guess at each word alone;
//! restoration reads the whole line in context. So each such line is
//! restored, its restored text is checked, and the findings go back onto the
//! words as typed: a misspelling keeps its suggestions (in standard
//! letters), and every other word restoration changed becomes a
//! [`FindingKind::Typing`] finding whose one suggestion is its restored form.

use std::borrow::Cow;

use super::{model, Correction, Finding, FindingKind, Severity, Speller, Suggestion};
use crate::restore::{Change, LineConvention, Restorer, TypedOffsets};

impl Speller {
    /// The findings of `text` (any number of lines), each line judged as
    /// `restorer` reads it: a line restoration leaves alone is checked as
    /// written ([`Speller::check`]); in a line it restores, findings are
    /// those of the restored line, with spans, `word` and suggestions
    /// covering the words as typed, and a [`FindingKind::Typing`] finding
    /// for each word it changed that no misspelling corrects with `fix` (an
    /// unknown word restored, `دهبیت` → دەبیت, is both: typed on another
    /// keyboard, and perhaps misspelt). Spans are byte offsets into `text`.
    ///
    /// ```
    /// use sorani::restore::Restorer;
    /// use sorani::spell::{FindingKind, Speller};
    ///
    /// let findings = Speller::embedded().check_as_restored("ئهمڕۆ ههوا خۆشه", &Restorer::new());
    /// assert!(findings.iter().all(|f| f.kind == FindingKind::Typing));
    /// assert_eq!(findings[0].word, "ئهمڕۆ");
    /// assert_eq!(findings[0].suggestions[0].word, "ئەمڕۆ");
    /// ```
    pub fn check_as_restored(&self, text: &str, restorer: &Restorer) -> Vec<Finding> {
        self.decided_as_restored(text, restorer).into_iter().map(|c| c.finding).collect()
    }

    /// [`Speller::fix_explained`] line by line as
    /// [`Speller::check_as_restored`] judges: a typing finding is always
    /// applied (its reason names the convention and the letters restored),
    /// a misspelling when `fix` would correct its restored word. The edits
    /// go from the word as typed.
    pub fn fix_explained_as_restored(&self, text: &str, restorer: &Restorer) -> Vec<Correction> {
        let mut corrections = self.decided_as_restored(text, restorer);
        for c in &mut corrections {
            if let Some(best) = c.finding.suggestions.first() {
                c.edits = model::explain(&c.finding.word, &best.word);
            }
        }
        corrections
    }

    /// `text` with the corrections of [`Speller::fix_explained_as_restored`]
    /// made: each line restoration changes comes back restored and
    /// corrected, the others as [`Speller::fix`] writes them.
    pub fn fix_as_restored<'a>(&self, text: &'a str, restorer: &Restorer) -> Cow<'a, str> {
        self.apply(text, &self.decided_as_restored(text, restorer))
    }

    /// [`Speller::fix_explained_as_restored`] without the edits.
    fn decided_as_restored(&self, text: &str, restorer: &Restorer) -> Vec<Correction> {
        let decided = |finding: Finding| {
            let (applied, reason) = self.decide(&finding);
            Correction { finding, applied, reason, edits: Vec::new() }
        };
        let mut conventions = restorer.line_conventions(text).into_iter().peekable();
        let mut out = Vec::new();
        let mut at = 0;
        for raw in text.split_inclusive('\n') {
            let start = at;
            at += raw.len();
            let line = raw.strip_suffix('\n').map_or(raw, |l| l.strip_suffix('\r').unwrap_or(l));
            let convention = match conventions.next_if(|c| c.start == start) {
                // a line in another language: not Sorani to check
                Some(LineConvention { convention: None, .. }) => continue,
                Some(line) => line.convention,
                // a line the screen found standard
                None => None,
            };
            let restored = convention.map(|convention| restorer.restore_as(line, convention));
            let offsets = restored
                .as_ref()
                .filter(|r| !r.changes.is_empty())
                .and_then(|r| Some((r, TypedOffsets::new(line, r)?)));
            let Some((restored, offsets)) = offsets else {
                out.extend(self.check(line).into_iter().map(|mut f| {
                    f.start += start;
                    f.end += start;
                    decided(f)
                }));
                continue;
            };
            // misspellings of the restored line, widened to whole typed
            // words; those that widen into the same typed words (two slips
            // in one word a font decoded whole) become one
            let mut corrected: Vec<(usize, usize)> = Vec::new();
            let mut line_out: Vec<Correction> = Vec::new();
            let mut groups: Vec<(usize, usize, Vec<Correction>)> = Vec::new();
            for f in self.check(&restored.text) {
                let (from, to) = offsets.widen(f.start, f.end);
                let c = decided(f);
                match groups.last_mut() {
                    Some(group) if from < group.1 => {
                        group.1 = group.1.max(to);
                        group.2.push(c);
                    }
                    _ => groups.push((from, to, vec![c])),
                }
            }
            for (from, to, group) in groups {
                let (Some(typed_from), Some(typed_to)) = (offsets.typed(from), offsets.typed(to)) else {
                    continue;
                };
                let mut c = merged(&restored.text, from, to, group);
                c.finding.word = line[typed_from..typed_to].to_string();
                c.finding.start = start + typed_from;
                c.finding.end = start + typed_to;
                if c.applied {
                    corrected.push((from, to));
                }
                line_out.push(c);
            }
            // every word restoration changed that no correction rewrites
            for (change, (from, to)) in restored.changes.iter().zip(offsets.restored_spans()) {
                if corrected.iter().any(|&(s, e)| s < to && from < e) {
                    continue;
                }
                let finding = Finding {
                    start: start + change.start,
                    end: start + change.end,
                    word: change.original.clone(),
                    severity: Severity::Error,
                    kind: FindingKind::Typing,
                    suggestions: vec![typing_suggestion(change)],
                };
                let reason = format!("typed as {} text: restored ({})", restored.convention.name(), change.reason);
                line_out.push(Correction { finding, applied: true, reason, edits: Vec::new() });
            }
            // in text order; at one place, the typing finding first
            line_out.sort_by_key(|c| (c.finding.start, c.finding.kind == FindingKind::Spelling));
            out.extend(line_out);
        }
        out
    }
}

/// The corrections of `group`, findings in `restored` inside `from..to`, as
/// one over all of `from..to`: a single finding keeps its suggestions,
/// each with the rest of the span around it; several become one finding
/// whose one suggestion makes every best correction, applied when each is.
fn merged(restored: &str, from: usize, to: usize, mut group: Vec<Correction>) -> Correction {
    if let [single] = group.as_mut_slice() {
        let f = &mut single.finding;
        let (before, after) = (&restored[from..f.start], &restored[f.end..to]);
        if !before.is_empty() || !after.is_empty() {
            for s in &mut f.suggestions {
                s.word = format!("{before}{}{after}", s.word);
            }
        }
        return group.pop().expect("one correction");
    }
    let mut word = String::new();
    let (mut at, mut score, mut cost) = (from, 1.0f32, 0.0f32);
    for c in &group {
        let f = &c.finding;
        word.push_str(&restored[at..f.start]);
        match f.suggestions.first() {
            Some(best) => {
                word.push_str(&best.word);
                score = score.min(best.score);
                cost += best.cost;
            }
            None => word.push_str(&restored[f.start..f.end]),
        }
        at = f.end;
    }
    word.push_str(&restored[at..to]);
    let finding = Finding {
        start: from,
        end: to,
        word: restored[from..to].to_string(),
        severity: group.iter().map(|c| c.finding.severity).max().unwrap_or(Severity::Warning),
        kind: FindingKind::Spelling,
        suggestions: vec![Suggestion { word, score, cost }],
    };
    let applied = group.iter().all(|c| c.applied);
    let reason = group.iter().map(|c| c.reason.as_str()).collect::<Vec<_>>().join("; ");
    Correction { finding, applied, reason, edits: Vec::new() }
}

/// A restored word as a suggestion: its score is the restorer's margin over
/// the next reading as a probability against it (a font decodes one way
/// only: 1), and its cost the edit cost of typing it as it was typed.
fn typing_suggestion(change: &Change) -> Suggestion {
    let (typed, restored): (Vec<char>, Vec<char>) =
        (change.original.chars().collect(), change.replacement.chars().collect());
    let cost = model::cost(&typed, &restored, f32::MAX).unwrap_or(typed.len().max(restored.len()) as f32);
    let score = if change.reason.starts_with("font:") { 1.0 } else { 1.0 / (1.0 + (-change.score).exp()) };
    Suggestion { word: change.replacement.clone(), score, cost }
}
