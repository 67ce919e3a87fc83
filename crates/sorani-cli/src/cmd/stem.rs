//! `sorani stem`: every word replaced by its light stem for search (one output
//! line per input line).

use std::process::ExitCode;

use sorani::morph::{map_words, Analyzer};

use super::restore_args::RestoreArg;
use super::standard::Standardizer;
use crate::lines::{line_and_terminator, map_line_runs, InputArgs, Terminator};

/// Arguments of `sorani stem`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  echo 'ماڵەکانمان لە ماڵەکەدا' | sorani stem\n  ماڵ لە ماڵ\n\n\
The light stem strips inflection and clitics but keeps derivation: every form of a noun gets\n\
the bare noun, every form of a verb its infinitive; a word is never cut down to a non-word.\n\
Output tokens are separated by single spaces; punctuation is kept as its own token;\n\
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

    /// Leave out stopwords (function words such as لە, و, کە) and punctuation:
    /// what a search index keeps.
    #[arg(long)]
    index_terms: bool,
}

/// Runs `sorani stem`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let analyzer = Analyzer::embedded();
    let standard = Standardizer::new(args.restore);
    map_line_runs(&args.input, Terminator::Preserve, &|run, _, out| {
        for line in standard.standardize_lines(run).split_inclusive('\n') {
            let (line, terminator) = line_and_terminator(line);
            if args.index_terms {
                for (i, term) in analyzer.index_terms(line).iter().enumerate() {
                    if i > 0 {
                        out.push(' ');
                    }
                    out.push_str(term);
                }
            } else {
                map_words(line, out, |w, out| out.push_str(&analyzer.stem(w)));
            }
            out.push_str(terminator);
        }
    })
}
