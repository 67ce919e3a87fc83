//! `cargo xtask <task> [ARGS]`: rebuilds the generated data that ships in
//! `crates/sorani/data/` from `../shared/data/` (or another folder given with
//! `--shared DIR`), and runs the evaluations that score the toolkit on
//! development data. Nothing here is part of the library or the `sorani` binary.

mod morph;
mod restore;
mod shared;
mod spell;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <task> [args]

data generators (write crates/sorani/data/...):
  lexicon [--out FILE]      word-frequency lexicon of standard Sorani (data/lexicon/ckb.fst)
  morph         stem lexicon and stopwords (crates/sorani/data/morph/)

evaluations (print scores on development data from ../shared/data):
  eval-morph    lemma accuracy, stemmer conflation, segmentation F1, coverage
  eval-spell     spell checker: detection F1, correct-first, top-5 on
                 learner-like and news-like development sets

every task accepts --shared DIR (default: ../shared next to the repository,
or $SORANI_SHARED_DIR)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(task) = args.first() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let rest = &args[1..];
    let result: anyhow::Result<()> = match task.as_str() {
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(())
        }
        "eval-spell" => spell::eval(rest),
        "lexicon" => restore::lexicon(rest),
        "morph" => morph::generate(rest),
        "eval-morph" => morph::eval(rest),
        other => Err(anyhow::anyhow!("unknown task `{other}`\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("xtask: {err:#}");
            ExitCode::from(2)
        }
    }
}
