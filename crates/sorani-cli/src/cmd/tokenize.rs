//! `sorani tokenize` (not built yet).

use std::process::ExitCode;

use crate::lines::InputArgs;

/// Arguments of `sorani tokenize`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
}

/// Runs `sorani tokenize`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let _ = args.input;
    anyhow::bail!("`sorani tokenize` is not built yet")
}
