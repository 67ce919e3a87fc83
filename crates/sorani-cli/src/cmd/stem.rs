//! `sorani stem` (not built yet).

use std::process::ExitCode;

use crate::lines::InputArgs;

/// Arguments of `sorani stem`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
}

/// Runs `sorani stem`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let _ = args.input;
    anyhow::bail!("`sorani stem` is not built yet")
}
