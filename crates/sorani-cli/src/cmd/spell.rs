//! `sorani spell` (not built yet).

use std::process::ExitCode;

use crate::lines::InputArgs;

/// Arguments of `sorani spell`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
}

/// Runs `sorani spell`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let _ = args.input;
    anyhow::bail!("`sorani spell` is not built yet")
}
