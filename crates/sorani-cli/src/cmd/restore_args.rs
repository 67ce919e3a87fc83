//! The restoration options shared by `sorani normalize` (and any subcommand
//! that wants them): `--restore`, `--explain`, `--from`.

use std::process::ExitCode;

use anyhow::anyhow;
use sorani::restore::{Convention, RestoreMode, RestoreOptions, Restorer};

use crate::lines::{map_line_runs, InputArgs, Terminator};

/// Restoration of text typed on legacy, Arabic or Persian keyboards or in
/// legacy fonts.
#[derive(Debug, Clone, clap::Args)]
pub struct RestoreArgs {
    /// Restore words typed without a Kurdish keyboard (ە as ه, ك, ي, missing
    /// ێ ۆ ڵ ڕ ڤ, dropped vowels) and decode legacy fonts: `auto` restores the
    /// lines that detection flags (see `sorani detect`), `always` also looks
    /// at lines that look standard (only changing words with a telltale
    /// sign), `never` leaves every word as typed. A line with neither ك nor
    /// ێ ۆ ڵ ڕ ڤ, which `detect` calls Arabic- or Persian-keyboard, is read
    /// as legacy-keyboard when four times as many lines around it (its batch
    /// of about 256 KB) are, in a legacy font when as many lines around it
    /// are in that font (two or more), and as standard when the lines
    /// around it are mostly standard (a list of names lacks ێ ۆ ڵ ڕ too).
    /// Lines that `sorani lid` surely gives to Persian, Arabic or another
    /// non-Kurdish language are left as typed (in a font's batch, only when
    /// decoding them still reads as Arabic or Persian).
    #[arg(long, value_enum, default_value_t = RestoreArg::Auto, value_name = "WHEN")]
    pub restore: RestoreArg,

    /// Instead of the text, write one JSON object per change (JSONL): line,
    /// start and end (byte offsets in the input line), original,
    /// replacement, reason, score, convention. For reviewing restorations.
    #[arg(long)]
    pub explain: bool,

    /// Read the input as typed in this convention or legacy font instead of
    /// detecting it: legacy-keyboard, arabic-keyboard, persian-keyboard,
    /// standard, or a font: ali-k (Ali_K_Samik and the other Ali_K faces),
    /// ali-web, dylan, zarnegar.
    #[arg(long, value_name = "FONT|CONVENTION", value_parser = parse_convention)]
    pub from: Option<Convention>,
}

/// `--restore` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RestoreArg {
    /// Restore what detection flags.
    Auto,
    /// Look at every line.
    Always,
    /// Never restore.
    Never,
}

fn parse_convention(s: &str) -> Result<Convention, String> {
    s.parse().map_err(|err: sorani::Error| err.to_string())
}

impl RestoreArg {
    /// The library's mode for this value.
    pub fn mode(self) -> RestoreMode {
        match self {
            RestoreArg::Auto => RestoreMode::Auto,
            RestoreArg::Always => RestoreMode::Always,
            RestoreArg::Never => RestoreMode::Never,
        }
    }
}

impl RestoreArgs {
    /// The restorer these arguments ask for.
    pub fn restorer(&self) -> Restorer {
        Restorer::with_options(RestoreOptions { mode: self.restore.mode(), from: self.from })
    }

    /// `--explain`: writes the changes of every line as JSONL.
    pub fn run_explain(&self, input: &InputArgs) -> anyhow::Result<ExitCode> {
        if input.in_place {
            return Err(anyhow!("--explain writes a list of changes; it cannot be combined with --in-place"));
        }
        let restorer = self.restorer();
        // A batch of lines at a time, as `normalize` restores them.
        map_line_runs(input, Terminator::Mapper, &|text, first_line, out| {
            for (index, restored) in restorer.restore_lines_explained(text) {
                for change in &restored.changes {
                    let record = serde_json::json!({
                        "line": first_line + index as u64,
                        "start": change.start,
                        "end": change.end,
                        "original": change.original,
                        "replacement": change.replacement,
                        "reason": change.reason,
                        "score": change.score_f64(),
                        "convention": restored.convention.to_string(),
                    });
                    out.push_str(&record.to_string());
                    out.push('\n');
                }
            }
        })
    }
}
