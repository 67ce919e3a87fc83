//! `sorani lid` (not built yet).

use std::process::ExitCode;

use crate::lines::InputArgs;

/// Arguments of `sorani lid`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
}

/// Runs `sorani lid`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let _ = args.input;
    anyhow::bail!("`sorani lid` is not built yet")
}
