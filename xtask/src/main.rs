//! `cargo xtask <task> [ARGS]`: rebuilds the generated data that ships in
//! `crates/sorani/data/` from `../shared/data/` (or another folder given with
//! `--shared DIR`), and runs the evaluations that score the toolkit on
//! development data. Nothing here is part of the library or the `sorani` binary.

mod lid;
mod shared;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <task> [args]

data generators (write crates/sorani/data/...):
  lid-train [--bits N] [--alpha A] [--clip NATS] [--epochs N] [--rate R]
                 [--hunspell-lines N] [--ckb-prior NATS] [--no-write]
                 train the language identifier from kurdish-lid (writes
                 crates/sorani/data/lid/model.bin; --no-write evaluates instead)

evaluations (print scores on development data from ../shared/data):
  eval-lid       language identification: in-domain F1, keyboard robustness,
                 1-5 word inputs, segments, English heuristic
  lid-speed      single-thread throughput of identify (best of 7 passes)

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
        "lid-train" => lid::train_task(rest),
        "eval-lid" => lid::eval_task(rest),
        "lid-speed" => lid::speed_task(rest),
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
