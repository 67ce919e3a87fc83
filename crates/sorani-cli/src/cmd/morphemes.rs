//! Words cut into morphemes, for `sorani tokenize --morphemes`. The
//! analyzer knows standard spellings only, so a word typed on another
//! keyboard or in a legacy spelling is cut as `sorani normalize` would write
//! it; each morpheme keeps the span of the letters it was written with.

use serde::Serialize;
use sorani::morph::Analyzer;
use sorani::restore::{changed_words, written_offsets, Change};
use sorani::tokenize::{tokenize, TokenKind};

use super::standard::Standardizer;

/// The standard spelling of each word token of a line.
pub struct Respelled {
    /// `(start, end, standard)` for each word (or words joined by
    /// restoration) whose spelling changes, in order.
    changed: Vec<(usize, usize, String)>,
    next: usize,
}

/// What to write for a word token.
pub enum Word<'a> {
    /// The word as written, which is standard.
    AsWritten,
    /// The word's span (with the words restoration joined to it) and its
    /// standard spelling.
    Respelled { start: usize, end: usize, standard: &'a str },
    /// Nothing: restoration joined the word to the one before it.
    Joined,
}

impl Respelled {
    /// The respellings of the word tokens of `line` from restoration's
    /// `changes` to it (`None`: the line is standard as it stands), as
    /// [`Standardizer::changes_of_lines`] gives them.
    pub fn from_changes(line: &str, changes: Option<Vec<Change>>, standard: &Standardizer) -> Self {
        let mut changed = Vec::new();
        let Some(changes) = changes else {
            return Respelled { changed, next: 0 };
        };
        let spans: Vec<(usize, usize)> =
            tokenize(line).filter(|t| t.kind == TokenKind::Word).map(|t| (t.start, t.end)).collect();
        let spans = &spans[..];
        let mut push = |start: usize, end: usize, spelling: &str| {
            let spelling = standard.normalize(spelling);
            if spelling != line[start..end] {
                changed.push((start, end, spelling.into_owned()));
            }
        };
        for (start, end, change) in changed_words(spans, &changes) {
            let Some(change) = change else {
                push(start, end, &line[start..end]);
                continue;
            };
            // the word tokens of the change (spans are in order, apart)
            let inside = &spans[spans.partition_point(|&(s, _)| s < start)..spans.partition_point(|&(_, e)| e <= end)];
            let written: Vec<(usize, &str)> = pieces(&line[start..end]).collect();
            let replaced: Vec<(usize, &str)> = pieces(&change.replacement).collect();
            if inside.len() <= 1 || written.len() != replaced.len() {
                // one word (maybe split in two), or words joined
                push(start, end, &change.replacement);
                continue;
            }
            // a change of many words (a line in a legacy font): each word
            // its own, found in the replacement piece of its piece
            for ((at, piece), (_, replacement)) in written.into_iter().zip(replaced) {
                let (piece_start, piece_end) = (start + at, start + at + piece.len());
                let first = inside.partition_point(|&(s, _)| s < piece_start);
                // where the piece's letters stand in its replacement, worked
                // out once for all its words
                let mut offsets = None;
                for &(s, e) in inside[first..].iter().take_while(|&&(_, e)| e <= piece_end) {
                    if (s, e) == (piece_start, piece_end) {
                        push(s, e, replacement);
                    } else {
                        let offsets = offsets.get_or_insert_with(|| written_offsets(piece, replacement));
                        push(s, e, part_of(replacement, offsets, s - piece_start, e - piece_start));
                    }
                }
            }
        }
        Respelled { changed, next: 0 }
    }

    /// What to write for the word token at `start..end`; call it for each
    /// word token in order.
    pub fn word(&mut self, start: usize, end: usize) -> Word<'_> {
        while self.changed.get(self.next).is_some_and(|&(_, e, _)| e <= start) {
            self.next += 1;
        }
        match self.changed.get(self.next) {
            Some((s, e, standard)) if *s < end => {
                if *s < start {
                    Word::Joined
                } else {
                    Word::Respelled { start: *s, end: *e, standard }
                }
            }
            _ => Word::AsWritten,
        }
    }
}

/// The pieces of `text` between whitespace, with their byte offsets.
fn pieces(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace().map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

/// The part of `standard`, a respelling of `written`, that respells
/// `written[start..end]`, given where the bytes of `standard` stand in
/// `written` ([`written_offsets`], which never decrease): from its first
/// character boundary at or after `start` to its last at or before `end`.
fn part_of<'a>(standard: &'a str, offsets: &[usize], start: usize, end: usize) -> &'a str {
    let mut from = offsets.partition_point(|&o| o < start).min(standard.len());
    while !standard.is_char_boundary(from) {
        from += 1;
    }
    let mut to = offsets.partition_point(|&o| o <= end).saturating_sub(1).min(standard.len());
    while !standard.is_char_boundary(to) {
        to -= 1;
    }
    &standard[from..to.max(from)]
}

/// Appends the morphemes of `standard`, the spelling of `written`,
/// separated by single spaces; `written` when it has none (it was all
/// tatweel or marks).
pub fn push_text(written: &str, standard: &str, out: &mut String) {
    let mut first = true;
    for (_, w) in pieces(standard) {
        for m in Analyzer::embedded().segment(w) {
            if !first {
                out.push(' ');
            }
            first = false;
            out.push_str(m.text);
        }
    }
    if first {
        out.push_str(written);
    }
}

#[derive(Serialize)]
struct MorphemeRecord<'a> {
    text: &'a str,
    kind: &'static str,
    start: usize,
    end: usize,
    line: u64,
    tag: &'static str,
    morpheme: sorani::morph::MorphemeKind,
    /// The letters as written, when they differ from `text`.
    #[serde(skip_serializing_if = "Option::is_none")]
    written: Option<&'a str>,
}

/// Appends one JSON line per morpheme of `standard`, the spelling of
/// `written`, which starts at byte `start` of line `line`; spans are in the
/// line as written.
pub fn push_jsonl(written: &str, standard: &str, start: usize, line: u64, out: &mut String) {
    let offsets = (written != standard).then(|| written_offsets(written, standard));
    let place = |b: usize| offsets.as_ref().map_or(b, |o| o[b]);
    let mut any = false;
    for (at, w) in pieces(standard) {
        for m in Analyzer::embedded().segment(w) {
            let (s, e) = (place(at + m.start), place(at + m.end));
            let as_written = &written[s..e];
            let rec = MorphemeRecord {
                text: m.text,
                kind: "word",
                start: start + s,
                end: start + e,
                line,
                tag: m.tag,
                morpheme: m.kind,
                written: (as_written != m.text).then_some(as_written),
            };
            out.push_str(&serde_json::to_string(&rec).expect("morpheme serializes"));
            out.push('\n');
            any = true;
        }
    }
    if !any {
        let rec = MorphemeRecord {
            text: written,
            kind: "word",
            start,
            end: start + written.len(),
            line,
            tag: "X",
            morpheme: sorani::morph::MorphemeKind::Stem,
            written: None,
        };
        out.push_str(&serde_json::to_string(&rec).expect("morpheme serializes"));
        out.push('\n');
    }
}
