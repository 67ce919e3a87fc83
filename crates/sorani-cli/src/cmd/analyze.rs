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

/// A piece of a line: a word, or the text between words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Piece {
    pub start: usize,
    pub end: usize,
    pub word: bool,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\u{200C}' || ('\u{064B}'..='\u{065F}').contains(&c) || c == '\u{0670}'
}

/// Splits `line` into words (runs of letters, digits, marks and ZWNJ) and
/// the gaps between them; the pieces concatenate to the line.
pub(crate) fn pieces(line: &str) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    for (i, c) in line.char_indices() {
        let word = is_word_char(c);
        let end = i + c.len_utf8();
        match out.last_mut() {
            Some(p) if p.word == word => p.end = end,
            _ => out.push(Piece { start: i, end, word }),
        }
    }
    out
}

/// Maps every word of `line` through `f` and writes the results separated by
/// single spaces; punctuation and other non-space gaps stay as their own tokens.
pub(crate) fn replace_words(line: &str, out: &mut String, mut f: impl FnMut(&str, &mut String)) {
    let mut first = true;
    for p in pieces(line) {
        let text = &line[p.start..p.end];
        if p.word {
            if !first {
                out.push(' ');
            }
            f(text, out);
            first = false;
        } else {
            for tok in text.split_whitespace() {
                if !first {
                    out.push(' ');
                }
                out.push_str(tok);
                first = false;
            }
        }
    }
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
        for p in pieces(line.text).into_iter().filter(|p| p.word) {
            let word = &line.text[p.start..p.end];
            let mut analyses = analyzer.analyze(word);
            if args.best {
                analyses.truncate(1);
            }
            let rec = Record { line: line.number, start: p.start, end: p.end, word, analyses };
            out.push_str(&serde_json::to_string(&rec).expect("analysis serializes"));
            out.push('\n');
        }
    })
}
