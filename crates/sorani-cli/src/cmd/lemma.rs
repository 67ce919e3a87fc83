//! `sorani lemma`: every word replaced by its lemma (one output line per input line).

use std::process::ExitCode;

use sorani::morph::Analyzer;

use crate::lines::{map_lines, InputArgs, Terminator};

/// Arguments of `sorani lemma`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  echo 'وڵاتەکەیان دەیخوێنینەوە' | sorani lemma\n  وڵات خوێندن\n\n\
Verbs become their infinitive (without ەوە), nouns their bare singular; unknown words stay as\n\
they are. Output tokens are separated by single spaces; punctuation is kept as its own token.\n\
Input should be normalized (`sorani normalize`).")]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
}

/// Runs `sorani lemma`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let analyzer = Analyzer::embedded();
    map_lines(&args.input, Terminator::Preserve, |line, out| {
        sorani::morph::map_words(line.text, out, |w, out| out.push_str(&analyzer.lemma(w)));
    })
}
