//! `sorani stem`: every word replaced by its light stem for search (one output
//! line per input line).

use std::process::ExitCode;

use sorani::morph::{map_words, Analyzer};

use crate::lines::{map_lines, InputArgs, Terminator};

/// Arguments of `sorani stem`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  echo 'ماڵەکانمان لە ماڵەکەدا' | sorani stem\n  ماڵ لە ماڵ\n\n\
The light stem strips inflection and clitics but keeps derivation: every form of a noun gets\n\
the bare noun, every form of a verb its infinitive; a word is never cut down to a non-word.\n\
Output tokens are separated by single spaces; punctuation is kept as its own token.\n\
Input should be normalized (`sorani normalize`).")]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,

    /// Leave out stopwords (function words such as لە, و, کە) and punctuation:
    /// what a search index keeps.
    #[arg(long)]
    index_terms: bool,
}

/// Runs `sorani stem`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let analyzer = Analyzer::embedded();
    map_lines(&args.input, Terminator::Preserve, |line, out| {
        if args.index_terms {
            for (i, term) in analyzer.index_terms(line.text).iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                out.push_str(term);
            }
        } else {
            map_words(line.text, out, |w, out| out.push_str(&analyzer.stem(w)));
        }
    })
}
