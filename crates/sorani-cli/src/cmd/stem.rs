//! `sorani stem`: every word replaced by its light stem for search (one output
//! line per input line).

use std::process::ExitCode;

use sorani::morph::{is_stopword, Analyzer};

use crate::cmd::analyze::replace_words;
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
            let mut first = true;
            for p in crate::cmd::analyze::pieces(line.text).into_iter().filter(|p| p.word) {
                let w = &line.text[p.start..p.end];
                if is_stopword(w) {
                    continue;
                }
                if !first {
                    out.push(' ');
                }
                out.push_str(&analyzer.stem(w));
                first = false;
            }
        } else {
            replace_words(line.text, out, |w, out| out.push_str(&analyzer.stem(w)));
        }
    })
}
