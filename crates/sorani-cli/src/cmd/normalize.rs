//! `sorani normalize`: one output line per input line, each normalized.

use std::process::ExitCode;

use sorani::Normalizer;

use crate::lines::{map_lines, InputArgs, Terminator};

/// Arguments of `sorani normalize`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
}

/// Runs `sorani normalize`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let normalizer = Normalizer::default();
    map_lines(&args.input, Terminator::Preserve, |line, out| out.push_str(&normalizer.normalize(line.text)))
}
