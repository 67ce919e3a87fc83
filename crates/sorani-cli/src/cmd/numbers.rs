//! `sorani numbers`: convert numbers between digits and Sorani words, one
//! output line per input line.

use std::process::ExitCode;

use sorani::number::{self, DigitSystem, Options};

use super::verbalize::{run_mapped, Months};
use crate::lines::{Format, InputArgs};

/// Direction of the conversion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum To {
    /// Digits and symbols to words (the same reading as `sorani verbalize`).
    Words,
    /// Number words to digits: cardinals, ordinals, decimals, percentages, dates.
    Digits,
}

/// Digit systems for `--to digits`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Digits {
    /// ٠١٢٣٤٥٦٧٨٩ (Arabic-Indic, as in Sorani print).
    #[default]
    Arabic,
    /// 0123456789
    Ascii,
    /// ۰۱۲۳۴۵۶۷۸۹
    Persian,
}

const AFTER_HELP: &str = "\
--to words reads digits out as words (exactly like `sorani verbalize`).
--to digits turns spelled-out numbers back into digits, for search and analytics:
  بیست و یەک → ٢١, سێیەم → ٣یەم, لەسەدا پەنجا → ٥٠٪, سێ پۆینت پێنج → ٣٫٥,
  شازدەی ئازاری دوو هەزار و بیست و دوو → ١٦/٠٣/٢٠٢٢.
Month names such as کانوونی دووەم stay words; words that are more often plain words than numbers
stay too: lone یەک (هەر یەک لە), a small number with a clitic (یەکی, دەیان), plurals (هەزاران),
a lone ملیۆن, سی spelling the letter C. Number words typed on a legacy, Arabic or Persian keyboard
are read as `sorani normalize` restores them (سێ سهد كهس → ٣٠٠ كهس); the rest of the text stays
as typed.

Examples:
  echo 'دوو هەزار و بیست و دوو' | sorani numbers --to digits --digits ascii
  sorani numbers --to words report.txt";

/// Arguments of `sorani numbers`.
#[derive(Debug, clap::Args)]
#[command(after_long_help = AFTER_HELP)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,

    /// Direction of the conversion.
    #[arg(long, value_enum)]
    to: To,

    /// Digits written by `--to digits`.
    #[arg(long, value_enum, default_value_t = Digits::Arabic)]
    digits: Digits,

    /// Month names used by `--to words` when reading dates.
    #[arg(long, value_enum, default_value_t = Months::Gregorian)]
    months: Months,

    /// Output format: text, or JSONL with {"line", "text", "changed"} per line.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

/// Runs `sorani numbers`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let opts = Options {
        digits: match args.digits {
            Digits::Arabic => DigitSystem::ArabicIndic,
            Digits::Ascii => DigitSystem::Ascii,
            Digits::Persian => DigitSystem::Persian,
        },
        months: match args.months {
            Months::Gregorian => number::MonthNames::Gregorian,
            Months::Kurdish => number::MonthNames::KurdishSolar,
        },
        ..Options::default()
    };
    match args.to {
        To::Words => run_mapped(&args.input, args.format, move |text| number::verbalize_with(text, &opts)),
        To::Digits => run_mapped(&args.input, args.format, move |text| number::words_to_digits_with(text, &opts)),
    }
}
