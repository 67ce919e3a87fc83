//! `sorani analyze`: morphological analysis of every word, as JSON Lines.
//!
//! One JSON object per word, in input order:
//! `{"line":1,"start":0,"end":20,"word":"…","analyses":[{"lemma":"…","stem":"…",
//! "pos":"noun","known":true,"morphemes":[{"text":"…","start":0,"end":8,"kind":"stem","tag":"N"},…]},…]}`.
//! `start`/`end` are byte offsets of the word in its line; morpheme offsets
//! are byte offsets in the word. Analyses are ranked, best first; `known`
//! is false for guesses about unknown stems.

use std::process::ExitCode;

use serde::Serialize;
use sorani::morph::{Analysis, Analyzer};

use crate::lines::{map_lines, InputArgs, Terminator};

/// Arguments of `sorani analyze`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  echo 'وڵاتەکەیان' | sorani analyze --best\n\n\
Input should be normalized (`sorani normalize`). Each word becomes one JSON object with all\n\
its analyses (lemma, stem, part of speech, morphemes with byte spans and tags).")]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,

    /// Keep only the best analysis of each word.
    #[arg(long)]
    best: bool,
}

#[derive(Serialize)]
struct Record<'a> {
    line: u64,
    start: usize,
    end: usize,
    word: &'a str,
    analyses: Vec<Analysis<'a>>,
}

/// Appends the morphemes of `word` separated by single spaces (`sorani tokenize --morphemes`).
pub(crate) fn push_morphemes_text(word: &str, out: &mut String) {
    for (i, m) in Analyzer::embedded().segment(word).iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(m.text);
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
}

/// Appends one JSON line per morpheme of `word`, which starts at byte
/// `start` of line `line` (`sorani tokenize --morphemes --format jsonl`).
pub(crate) fn push_morphemes_jsonl(word: &str, start: usize, line: u64, out: &mut String) {
    for m in Analyzer::embedded().segment(word) {
        let rec = MorphemeRecord {
            text: m.text,
            kind: "word",
            start: start + m.start,
            end: start + m.end,
            line,
            tag: m.tag,
            morpheme: m.kind,
        };
        out.push_str(&serde_json::to_string(&rec).expect("morpheme serializes"));
        out.push('\n');
    }
}

/// Runs `sorani analyze`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let analyzer = Analyzer::embedded();
    map_lines(&args.input, Terminator::Mapper, |line, out| {
        for (start, word) in sorani::morph::words(line.text) {
            let mut analyses = analyzer.analyze(word);
            if args.best {
                analyses.truncate(1);
            }
            let rec = Record { line: line.number, start, end: start + word.len(), word, analyses };
            out.push_str(&serde_json::to_string(&rec).expect("analysis serializes"));
            out.push('\n');
        }
    })
}
