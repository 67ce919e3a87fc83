//! `sorani lemma`: every word replaced by its lemma (one output line per input line).

use std::process::ExitCode;

use sorani::morph::Analyzer;

use super::restore_args::RestoreArg;
use super::standard::Standardizer;
use crate::lines::{line_and_terminator, map_line_runs, InputArgs, Terminator};

/// Arguments of `sorani lemma`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  echo 'وڵاتەکەیان دەیخوێنینەوە' | sorani lemma\n  وڵات خوێندن\n\n\
Verbs become their infinitive (without ەوە), nouns their bare singular; unknown words stay as\n\
they are. Output tokens are separated by single spaces; punctuation is kept as its own token;\n\
URLs, e-mail addresses, hashtags, mentions and numbers such as ٣.٥ stay whole.\n\
Text typed on other keyboards or with legacy spellings is read as `sorani normalize` would\n\
write it (`--restore never` only normalizes), so the words that come out are standard.")]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,

    /// Restore words typed without a Kurdish keyboard before reading them
    /// (ە as ه, ك, ي, missing ێ ۆ ڵ ڕ): auto (the lines detection flags),
    /// always, never. Text is normalized in any case.
    #[arg(long, value_enum, default_value_t = RestoreArg::Auto, value_name = "WHEN")]
    restore: RestoreArg,
}

/// Runs `sorani lemma`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let analyzer = Analyzer::embedded();
    let standard = Standardizer::new(args.restore);
    map_line_runs(&args.input, Terminator::Preserve, &|run, _, out| {
        for line in standard.standardize_lines(run).split_inclusive('\n') {
            let (line, terminator) = line_and_terminator(line);
            sorani::morph::map_words(line, out, |w, out| out.push_str(&analyzer.lemma(w)));
            out.push_str(terminator);
        }
    })
}
