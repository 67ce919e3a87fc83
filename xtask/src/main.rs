//! `cargo xtask <task> [ARGS]`: rebuilds the generated data that ships in
//! `crates/sorani/data/` from `../shared/data/` (or another folder given with
//! `--shared DIR`), and runs the evaluations that score the toolkit on
//! development data. Nothing here is part of the library or the `sorani` binary.

mod foundation;
mod lid;
mod morph;
mod restore;
mod search;
mod shared;
mod spell;
mod translit;
mod verb_forms;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <task> [args]

data generators (write crates/sorani/data/...):
  lexicon [--out FILE]      word-frequency lexicon of standard Sorani (data/lexicon/ckb.fst)
  restore-data [--corpus FILE]... [--out FILE]
                            word-pair context model for restoration (data/restore/context.fst)
  morph                     stem lexicon and stopwords (crates/sorani/data/morph/)
  translit-exceptions       exception lexicon of the transliterator (data/translit/)
  spell-verdicts [--threads N]
                            the speller's verdict on every lexicon word (data/spell/);
                            rerun after changing the lexicon, morphology or speller
  lid-train [--bits N] [--alpha A] [--clip NATS] [--epochs N] [--rate R]
            [--hunspell-lines N] [--stopword-share PCT] [--ckb-prior NATS] [--no-write]
                            train the language identifier from kurdish-lid (writes
                            crates/sorani/data/lid/model.bin; --no-write evaluates instead)

evaluations (print scores on development data from ../shared/data):
  eval-normalize [FILE...] [--examples N]
                   share of tokens `sorani::normalize` changes, by rule
                   (default: awta-en-ckb, then raw ktc-textbooks)
  eval-sentences [--errors N]
                   sentence boundary P/R/F1 vs ktc-segmented (dev/test chapters)
  eval-restore [--n N] [--show K] [--only SET] [--no-peers] [--python PY]
                   restoration WER/CER on held-out corrupted text, beside the peers
  restore-corpus --noise legacy|arabic|persian|ali-k|ali-web|dylan|zarnegar|none
                 --mb N --out FILE
                   benchmark corpus for bench/restore.sh
  eval-morph       lemma accuracy, stemmer conflation, segmentation F1, coverage
                   (--klpt, --misses, --categories, --unknown, --lines N, --speed,
                   --shipped: the lexicon as it ships, dev/held-out lemmas learned)
  eval-translit [--errors N] [--learned-errors] [--arabic-errors] [--rule-errors]
                   Arabic↔Latin word accuracy and round trip
  eval-spell       spell checker: detection F1, correct-first, top-5 on
                   learner-like and news-like development sets
  eval-lid         language identification: in-domain F1, keyboard robustness,
                   1-5 word inputs, segments, English heuristic
  lid-speed        single-thread throughput of identify (best of 7 passes)
  eval-search [--docs N] [--known-docs N] [--known-lines L] [--queries N] [--show K]
                   search robustness to keyboard variants beside tantivy's
                   default and Lucene's Sorani rules; known-item search

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
        "morph" => morph::generate(rest),
        "translit-exceptions" => translit::exceptions(rest),
        "lid-train" => lid::train_task(rest),
        "eval-normalize" => foundation::eval_normalize(rest),
        "eval-sentences" => foundation::eval_sentences(rest),
        "eval-restore" => restore::eval_restore(rest),
        "restore-corpus" => restore::restore_corpus(rest),
        "eval-morph" => morph::eval(rest),
        "eval-translit" => translit::eval(rest),
        "eval-spell" => spell::eval(rest),
        "spell-verdicts" => spell::verdicts(rest),
        "eval-lid" => lid::eval_task(rest),
        "lid-speed" => lid::speed_task(rest),
        "eval-search" => search::eval_search(rest),
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
