//! Splitting a mixed document into runs of one language.
//!
//! Every whitespace-separated token is scored on its own; a Viterbi pass
//! over the model's labels then chooses one label per token, paying
//! [`Options::switch_cost`] nats for each change of label, so that a single
//! odd word does not start a new run while a sentence in another language
//! does. Each run is then identified as a whole (calibrated confidence,
//! `und` where nothing is confident) and neighbouring runs with the same
//! label are merged.

use serde::Serialize;

use super::features::Script;
use super::{script_code, Identifier, Options, Prediction, LABELS};

/// A run of text in one language.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Segment {
    /// Byte offset of the run's first byte in the input.
    pub start: usize,
    /// Byte offset just past the run's last byte (whitespace between runs
    /// belongs to no run).
    pub end: usize,
    /// The identification of the run's text.
    pub prediction: Prediction,
}

/// Per-token evidence never counts more than this many nats against a label,
/// so that one strange word cannot outweigh its neighbours.
const TOKEN_CLIP: f32 = 12.0;
/// Nats against a label whose script is not the token's.
const SCRIPT_PENALTY: f32 = 40.0;

impl Identifier {
    /// Splits `text` into runs of one language (see the module
    /// documentation), with the default options.
    pub fn segments(&self, text: &str) -> Vec<Segment> {
        self.segments_with(text, &Options::default())
    }

    /// Splits `text` into runs of one language. Runs are ordered, do not
    /// overlap, and cover every token (whitespace between them excepted).
    pub fn segments_with(&self, text: &str, options: &Options) -> Vec<Segment> {
        let tokens: Vec<(usize, usize)> = token_spans(text).collect();
        if tokens.is_empty() {
            return Vec::new();
        }
        let labels: Vec<usize> = self.model.labels.clone();
        let allowed: Vec<bool> = labels.iter().map(|&l| options.allows(l)).collect();
        let count = labels.len();
        // Emissions, one row of `count` per token.
        let mut emissions = vec![0.0f32; tokens.len() * count];
        for (t, &(start, end)) in tokens.iter().enumerate() {
            let evidence = self.evidence(&text[start..end]);
            let row = &mut emissions[t * count..(t + 1) * count];
            let Some(script) = evidence.script else { continue };
            let best = evidence.scores[..count].iter().copied().fold(f32::NEG_INFINITY, f32::max);
            for c in 0..count {
                let mut e = (evidence.scores[c] - best).max(-TOKEN_CLIP);
                if LABELS[labels[c]].script != script_code(script) || matches!(script, Script::Other(_)) {
                    e -= SCRIPT_PENALTY;
                }
                if !allowed[c] {
                    e -= 4.0 * SCRIPT_PENALTY;
                }
                row[c] = e;
            }
        }
        // Viterbi.
        let switch = options.switch_cost.max(0.0);
        let mut back = vec![0u8; tokens.len() * count];
        let mut score: Vec<f32> = emissions[..count].to_vec();
        let mut next = vec![0.0f32; count];
        for t in 1..tokens.len() {
            let (best_prev, best_score) =
                score
                    .iter()
                    .enumerate()
                    .fold((0, f32::NEG_INFINITY), |acc, (i, &s)| if s > acc.1 { (i, s) } else { acc });
            for c in 0..count {
                let (from, base) =
                    if score[c] >= best_score - switch { (c, score[c]) } else { (best_prev, best_score - switch) };
                back[t * count + c] = from as u8;
                next[c] = base + emissions[t * count + c];
            }
            std::mem::swap(&mut score, &mut next);
        }
        let mut state = score
            .iter()
            .enumerate()
            .fold((0, f32::NEG_INFINITY), |acc, (i, &s)| if s > acc.1 { (i, s) } else { acc })
            .0;
        let mut path = vec![0usize; tokens.len()];
        for t in (0..tokens.len()).rev() {
            path[t] = state;
            state = back[t * count + state] as usize;
        }
        // Runs of one state, identified as wholes, merged when equal.
        let mut segments: Vec<Segment> = Vec::new();
        let mut first = 0;
        for t in 1..=tokens.len() {
            if t < tokens.len() && path[t] == path[first] {
                continue;
            }
            let (start, end) = (tokens[first].0, tokens[t - 1].1);
            let prediction = self.identify_with(&text[start..end], options);
            match segments.last_mut() {
                Some(last) if last.prediction.label == prediction.label => {
                    last.end = end;
                    last.prediction = self.identify_with(&text[last.start..end], options);
                }
                _ => segments.push(Segment { start, end, prediction }),
            }
            first = t;
        }
        segments
    }
}

/// Byte spans of the whitespace-separated tokens of `text`.
fn token_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut rest = 0usize;
    std::iter::from_fn(move || {
        let tail = &text[rest..];
        let skip = tail.find(|c: char| !c.is_whitespace())?;
        let start = rest + skip;
        let len = text[start..].find(char::is_whitespace).unwrap_or(text.len() - start);
        rest = start + len;
        Some((start, start + len))
    })
}
