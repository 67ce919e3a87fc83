//! `sorani normalize`: one output line per input line, each normalized.

use std::process::ExitCode;

use sorani::normalize::{Digits, HLetter, NormalizeOptions, Normalizer};

use crate::lines::{map_line_runs, InputArgs, MapRun, Terminator};

/// Arguments of `sorani normalize`.
#[derive(Debug, clap::Args)]
#[command(after_long_help = "Examples:
  sorani normalize old.txt -o new.txt
  sorani normalize --preset search --in-place corpus/*.txt
  echo 'كوردستان ٢٠٢٤' | sorani normalize --digits latin

URLs (http://, https:// or www. to the next space) are left as typed with `standard`, so a
link whose path has Arabic letters still works; `search` folds them like any other word.
So are lines in Arabic or Persian (the language identifier sure of it): an Arabic quotation
keeps its ة ي ك (with `--restore never` every line is normalized, none identified).
The rules, with their code points, are listed in docs/normalize.md.")]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,

    /// Rule set: `standard` never changes meaning (letters, spaces, invisible
    /// controls; URLs stay as typed); `search` also folds digits to ASCII,
    /// removes every ZWNJ and lowercases, for matching.
    #[arg(long, value_enum, default_value_t = Preset::Standard)]
    pub preset: Preset,

    /// Write digits as `latin` (0-9), `arabic` (٠-٩), `persian` (۰-۹), or
    /// `keep` them as written (default for `standard`; `search` uses latin).
    #[arg(long, value_enum)]
    pub digits: Option<DigitsArg>,

    /// Letter for the consonant /h/: `heh` (ه U+0647, default),
    /// `doachashmee` (ھ U+06BE; only on text whose ە is already U+06D5), or `keep`.
    #[arg(long, value_enum, default_value_t = HArg::Heh)]
    pub h_letter: HArg,

    /// Keep harakat (Arabic diacritics) instead of removing them.
    #[arg(long)]
    pub keep_harakat: bool,

    #[command(flatten)]
    pub restore: super::restore_args::RestoreArgs,
}

/// `--preset` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Preset {
    /// Changes a careful editor accepts; never changes meaning.
    Standard,
    /// `standard` plus folding for matching.
    Search,
}

/// `--digits` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DigitsArg {
    /// As written.
    Keep,
    /// ASCII 0-9.
    Latin,
    /// Arabic-Indic ٠-٩.
    Arabic,
    /// Extended Arabic-Indic (Persian) ۰-۹.
    Persian,
}

/// `--h-letter` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum HArg {
    /// ه U+0647.
    Heh,
    /// ھ U+06BE.
    Doachashmee,
    /// As written.
    Keep,
}

impl Args {
    /// The normalizer options these arguments ask for.
    pub fn options(&self) -> NormalizeOptions {
        let mut options = match self.preset {
            Preset::Standard => NormalizeOptions::standard(),
            Preset::Search => NormalizeOptions::search(),
        };
        if let Some(digits) = self.digits {
            options = options.digits(match digits {
                DigitsArg::Keep => Digits::Keep,
                DigitsArg::Latin => Digits::Latin,
                DigitsArg::Arabic => Digits::Arabic,
                DigitsArg::Persian => Digits::Persian,
            });
        }
        options
            .h_letter(match self.h_letter {
                HArg::Heh => HLetter::Heh,
                HArg::Doachashmee => HLetter::Doachashmee,
                HArg::Keep => HLetter::Keep,
            })
            .keep_harakat(self.keep_harakat)
    }
}

/// Runs `sorani normalize`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let normalizer = Normalizer::new(args.options());
    if args.restore.explain {
        return args.restore.run_explain(&args.input);
    }
    let restorer = args.restore.restorer();
    // A line in another language, which restoration leaves as typed, keeps
    // its letters with `standard` too (an Arabic quotation keeps its ة);
    // `search` folds it like the rest, as it folds a query.
    let keep_foreign = args.preset == Preset::Standard;
    // Restoration decides line by line, in the light of the batch around
    // (its undecided lines read as legacy in a legacy-keyboard document);
    // normalizing is line-local (a test in the library checks it), so a
    // whole batch goes through both at once.
    let normalize: &MapRun<'_> = &|text, _, out| {
        if restorer.is_identity() {
            normalizer.normalize_into(text, out);
        } else if keep_foreign {
            let (restored, foreign) = restorer.restore_lines_marking_foreign(text);
            normalizer.normalize_into_except(&restored, &foreign, out);
        } else {
            normalizer.normalize_into(&restorer.restore_lines(text), out);
        }
    };
    map_line_runs(&args.input, Terminator::Preserve, normalize)
}
