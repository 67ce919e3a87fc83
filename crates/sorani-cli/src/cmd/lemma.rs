//! `sorani lemma` (not built yet).

use std::process::ExitCode;

use crate::lines::InputArgs;

/// Arguments of `sorani lemma`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
}

/// Runs `sorani lemma`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let _ = args.input;
    anyhow::bail!("`sorani lemma` is not built yet")
}
