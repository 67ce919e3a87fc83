//! `sorani analyze`: morphological analysis of every word, as JSON Lines.
//!
//! One JSON object per word, in input order:
//! `{"line":1,"start":0,"end":20,"word":"…","analyses":[{"lemma":"…","stem":"…",
//! "pos":"noun","known":true,"morphemes":[{"text":"…","start":0,"end":8,"kind":"stem","tag":"N"},…]},…]}`.
//! `start`/`end` are byte offsets of the word in its line; morpheme offsets
//! are byte offsets in the word. Analyses are ranked, best first; `known`
//! is false for guesses about unknown stems. A word not written in standard
//! Sorani (typed on another keyboard, legacy spelling) also has `"standard"`,
//! the spelling that was analyzed, and its morpheme offsets are in that.

use std::cell::RefCell;
use std::fmt::Write as _;
use std::process::ExitCode;

use serde::Serialize;
use sorani::memo::Generations;
use sorani::morph::{Analysis, Analyzer};
use sorani::restore::{Change, Placement};

use super::restore_args::RestoreArg;
use super::standard::Standardizer;
use crate::lines::{line_and_terminator, map_line_runs, InputArgs, Terminator};

/// Arguments of `sorani analyze`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  echo 'وڵاتەکەیان' | sorani analyze --best\n\n\
Each word becomes one JSON object with all its analyses (lemma, stem, part of speech, morphemes\n\
with byte spans and tags). A word typed on another keyboard or in a legacy spelling is analyzed\n\
as `sorani normalize` would write it, given as \"standard\" beside the word as written; its\n\
morpheme spans are in that spelling.")]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,

    /// Keep only the best analysis of each word.
    #[arg(long)]
    best: bool,

    /// Restore words typed without a Kurdish keyboard before analyzing them
    /// (ە as ه, ك, ي, missing ێ ۆ ڵ ڕ): auto (the lines detection flags),
    /// always, never. Words are normalized in any case.
    #[arg(long, value_enum, default_value_t = RestoreArg::Auto, value_name = "WHEN")]
    restore: RestoreArg,
}

/// The part of a word's record that depends on the word alone:
/// `"word":…,"analyses":[…]}` (what follows the line and offsets).
#[derive(Serialize)]
struct WordPart<'a> {
    word: &'a str,
    /// The standard spelling analyzed, when the word is written otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    standard: Option<&'a str>,
    analyses: Vec<Analysis<'a>>,
}

thread_local! {
    /// [`WordPart`]s written recently on this thread, by word.
    static ANALYSES: RefCell<Generations<Box<str>>> = RefCell::default();
}

/// Words whose analyses each thread keeps per generation: some 15 MB a
/// thread at most. (On 100 MB of news, two threads, 8K words took 6.2 s
/// and 30 MB more than writing every word anew, which took 9.5 s; 32K words
/// took 5.5 s and 58 MB more.)
const WORDS_PER_GENERATION: usize = 1 << 13;

/// Appends the [`WordPart`] of `word` to `out`. Writing every word's
/// analyses out as JSON again took a third of the time of `sorani analyze`
/// on news text; a word met again is copied.
fn push_word_part(word: &str, best: bool, out: &mut String) {
    ANALYSES.with(|memo| {
        let mut memo = memo.borrow_mut();
        if memo.read(word, WORDS_PER_GENERATION, |json| out.push_str(json)).is_some() {
            return;
        }
        let json = word_part_json(word, None, best);
        // without the opening brace: the record's own fields come first
        let part = &json[1..];
        out.push_str(part);
        memo.insert(word.into(), part.into(), WORDS_PER_GENERATION);
    })
}

/// The [`WordPart`] of `word`, analyzed as `standard` when given, as JSON.
fn word_part_json(word: &str, standard: Option<&str>, best: bool) -> String {
    let mut analyses = Analyzer::embedded().analyze(standard.unwrap_or(word));
    if best {
        analyses.truncate(1);
    }
    serde_json::to_string(&WordPart { word, standard, analyses }).expect("analysis serializes")
}

/// The words of `line`, each as `(start, end, standard spelling)`, given
/// restoration's `changes` to the line: then normalized. Each word of a
/// change spans the letters it was written with ([`Placement`]); a change
/// that joins words gives a word the span of all it joins.
fn standard_words(line: &str, changes: &[Change], standard: &Standardizer) -> Vec<(usize, usize, String)> {
    let spans: Vec<(usize, usize)> = words(line).map(|(s, w)| (s, s + w.len())).collect();
    let mut out = Vec::with_capacity(spans.len());
    for (start, end, change) in sorani::restore::changed_words(&spans, changes) {
        match change {
            Some(c) => {
                let mut placement = Placement::new(&line[start..end], &c.replacement);
                for (at, w) in sorani::morph::words(&c.replacement) {
                    let (from, to) = placement.written_span(at, at + w.len());
                    out.push((start + from, start + to, standard.normalize(w).into_owned()));
                }
            }
            None => out.push((start, end, standard.normalize(&line[start..end]).into_owned())),
        }
    }
    out
}

/// Appends the record of the word at `start..end` of `line` (line number
/// `number`), analyzed as `standard` when that differs from how it is
/// written.
fn push_record(line: &str, number: u64, start: usize, end: usize, standard: &str, best: bool, out: &mut String) {
    let word = &line[start..end];
    // the fields that depend on where the word stands, then its own part
    let _ = write!(out, "{{\"line\":{},\"start\":{},\"end\":{},", number, start, end);
    if word == standard {
        push_word_part(word, best, out);
    } else {
        out.push_str(&word_part_json(word, Some(standard), best)[1..]);
    }
    out.push('\n');
}

/// The words of `line` with their byte offsets, less the pieces of its
/// URLs, addresses, tags and numbers such as ٣.٥ (`stem` and `lemma` copy
/// those whole: they are not words to analyze).
fn words(line: &str) -> impl Iterator<Item = (usize, &str)> {
    let units = sorani::morph::unit_spans(line);
    sorani::morph::words(line).filter(move |&(start, _)| !units.iter().any(|u| u.contains(&start)))
}

/// Runs `sorani analyze`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let standard = Standardizer::new(args.restore);
    // Runs of whole lines, restored as `sorani normalize` restores them
    // (each line in the light of the run); each line's changes place its
    // words.
    map_line_runs(&args.input, Terminator::Mapper, &|run, first, out| {
        let lines = run.split_inclusive('\n').map(|l| line_and_terminator(l).0);
        for ((number, line), changes) in (first..).zip(lines).zip(standard.changes_of_lines(run)) {
            let Some(changes) = changes else {
                for (start, word) in words(line) {
                    push_record(line, number, start, start + word.len(), word, args.best, out);
                }
                continue;
            };
            for (start, end, spelling) in standard_words(line, &changes, &standard) {
                push_record(line, number, start, end, &spelling, args.best, out);
            }
        }
    })
}
