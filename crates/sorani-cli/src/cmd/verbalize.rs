//! `sorani verbalize`: read out numbers, dates, times, amounts and phone
//! numbers as Sorani words, one output line per input line.

use std::process::ExitCode;

use sorani::number::{self, MonthNames, Options, OrdinalStyle};

use crate::lines::{map_lines, Format, InputArgs, Terminator};

/// Month names for dates.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Months {
    /// Gregorian months as named in Kurdistan news (کانوونی دووەم, شوبات, ئازار …).
    #[default]
    Gregorian,
    /// Convert dates to the Kurdish solar calendar (خاکەلێوە, گوڵان …; year + 1321 over the Iranian solar year).
    Kurdish,
}

/// Ordinal style where the text does not show one (a number after سەدەی).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Ordinal {
    /// سێیەم
    #[default]
    Plain,
    /// سێیەمین
    Attributive,
}

const AFTER_HELP: &str = "\
Every number written with digits (ASCII, Arabic-Indic ٠-٩ or Persian ۰-۹) or symbols is read out
the way a Sorani newsreader says it: cardinals, ordinals (3ەم → سێیەم), decimals, fractions,
percentages, dates (٢١ - ٠٢ - ٢٠٢٢ → بیست و یەکی شوباتی دوو هەزار و بیست و دوو), times (١٠:٣٠ پ.ن),
ranges, currencies, units and phone numbers. Suffixes written on the digits stay on the words
(1950دا → هەزار و نۆسەد و پەنجادا). Everything else, URLs included, is kept byte for byte, and
there is exactly one output line per input line.

Examples:
  echo 'لە ١٦ -- ٠٣ - ٢٠٢٢ ١٣ کەس' | sorani verbalize
  sorani verbalize --months kurdish news.txt -o spoken.txt
  sorani verbalize --format jsonl notes.txt";

/// Arguments of `sorani verbalize`.
///
/// Every number written with digits (ASCII, Arabic-Indic ٠-٩ or Persian ۰-۹)
/// or symbols is read out the way a Sorani newsreader says it: cardinals,
/// ordinals (3ەم → سێیەم), decimals, fractions, percentages, dates
/// (٢١ - ٠٢ - ٢٠٢٢ → بیست و یەکی شوباتی دوو هەزار و بیست و دوو), times, ranges,
/// currencies, units and phone numbers. Suffixes written on the digits stay
/// on the words (1950دا → هەزار و نۆسەد و پەنجادا). Everything else is kept
/// byte for byte.
///
/// Examples:
///   echo 'لە ١٦ -- ٠٣ - ٢٠٢٢ ١٣ کەس' | sorani verbalize
///   sorani verbalize --months kurdish news.txt -o spoken.txt
#[derive(Debug, clap::Args)]
#[command(after_long_help = AFTER_HELP)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,

    /// Month names used when reading dates.
    #[arg(long, value_enum, default_value_t = Months::Gregorian)]
    months: Months,

    /// Ordinal style where the text does not mark one.
    #[arg(long, value_enum, default_value_t = Ordinal::Plain)]
    ordinal: Ordinal,

    /// Output format: text, or JSONL with {"line", "text", "changed"} per line.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

impl Args {
    fn options(&self) -> Options {
        Options {
            months: match self.months {
                Months::Gregorian => MonthNames::Gregorian,
                Months::Kurdish => MonthNames::KurdishSolar,
            },
            ordinal: match self.ordinal {
                Ordinal::Plain => OrdinalStyle::Plain,
                Ordinal::Attributive => OrdinalStyle::Attributive,
            },
            ..Options::default()
        }
    }
}

/// Runs `sorani verbalize`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let opts = args.options();
    run_mapped(&args.input, args.format, move |text| number::verbalize_with(text, &opts))
}

/// Maps every line through `f`, as text or JSONL.
pub(crate) fn run_mapped<F>(input: &InputArgs, format: Format, f: F) -> anyhow::Result<ExitCode>
where
    F: for<'a> Fn(&'a str) -> std::borrow::Cow<'a, str> + Sync,
{
    match format {
        Format::Text => map_lines(input, Terminator::Preserve, |line, out| out.push_str(&f(line.text))),
        Format::Jsonl => map_lines(input, Terminator::Mapper, |line, out| {
            let mapped = f(line.text);
            let changed = matches!(mapped, std::borrow::Cow::Owned(ref s) if s != line.text);
            let record = serde_json::json!({ "line": line.number, "text": mapped.as_ref(), "changed": changed });
            out.push_str(&record.to_string());
            out.push('\n');
        }),
    }
}
