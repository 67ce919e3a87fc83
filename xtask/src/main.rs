//! `cargo xtask <task> [ARGS]`: rebuilds the generated data that ships in
//! `crates/sorani/data/` from `../shared/data/` (or another folder given with
//! `--shared DIR`), and runs the evaluations that score the toolkit on
//! development data. Nothing here is part of the library or the `sorani` binary.

mod foundation;
mod restore;
mod shared;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <task> [args]

data generators (write crates/sorani/data/...):
  lexicon [--out FILE]      word-frequency lexicon of standard Sorani (data/lexicon/ckb.fst)
  restore-data [--corpus FILE]... [--out FILE]
                            word-pair context model for restoration (data/restore/context.fst)

evaluations (print scores on development data from ../shared/data):
  eval-restore [--n N] [--show K] [--no-peers] [--python PY]
                            restoration WER/CER on held-out corrupted text, beside the peers
  restore-corpus --noise legacy|arabic|persian|none --mb N --out FILE
                            benchmark corpus for bench/restore.sh
  eval-normalize [FILE...] [--examples N]
                   share of tokens `sorani::normalize` changes, by rule
                   (default: awta-en-ckb, then raw ktc-textbooks)
  eval-sentences [--errors N]
                   sentence boundary P/R/F1 vs ktc-segmented (dev/test chapters)

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
        "lexicon" => restore::lexicon(rest),
        "restore-data" => restore::restore_data(rest),
        "eval-restore" => restore::eval_restore(rest),
        "restore-corpus" => restore::restore_corpus(rest),
        "eval-normalize" => foundation::eval_normalize(rest),
        "eval-sentences" => foundation::eval_sentences(rest),
        other => Err(anyhow::anyhow!("unknown task `{other}`\n\n{USAGE}")),
    };
    let _ = rest;
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("xtask: {err:#}");
            ExitCode::from(2)
        }
    }
}
