//! `sorani translit`: Arabic-script Sorani ↔ Kurdish Latin, IPA or syllables,
//! one output line per input line.

use std::borrow::Cow;
use std::process::ExitCode;

use sorani::restore::{RestoreOptions, Restorer};
use sorani::translit::{AinStyle, ArabicOptions, LatinLetters, LatinOptions, PlainLatin, Transliterator};

use super::restore_args::RestoreArg;

use crate::lines::{line_and_terminator, map_line_runs, Format, InputArgs, Terminator};

/// What to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Target {
    /// Kurdish Latin (Hawar-style) from Arabic script.
    Latin,
    /// Arabic script from Kurdish Latin.
    Arabic,
    /// Phonemic IPA with syllables (`.`) and stress (`ˈ`), from either script.
    Ipa,
    /// Latin syllables separated by `·`, from either script.
    Syllables,
}

/// How ڕ and ڵ are written in Latin.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Letters {
    /// ř ł
    Caron,
    /// ŕ ĺ
    Acute,
    /// r l
    Plain,
}

/// How ع is written in Latin.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Ain {
    /// ’ (U+2019)
    Apostrophe,
    /// ë
    Diaeresis,
}

/// When Latin is read as typed without the Kurdish letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PlainArg {
    /// Lines of three words or more with none of ê î û ş ç ł ř ḧ ẍ
    Auto,
    /// Every line
    Always,
    /// Never: each letter as typed
    Never,
}

const AFTER_HELP: &str = "\
Arabic script leaves the short vowel /i/ unwritten and uses و and ی for
both consonants and vowels; `--to latin` syllabifies every word to put
them back (`کوردستان` → `Kurdistan`, `گرتن` → `girtin`, `بوون` → `bûn`).
Arabic-script text typed on a legacy, Arabic or Persian keyboard is
restored first (`--restore`, as in `sorani normalize`, each line in the
light of the lines around it), so `لهگهڵ` becomes `legeł`, not `lihghił`.
Latin words, URLs and numbers inside Arabic-script text pass through;
Arabic digits and punctuation become Latin ones (and back with
`--to arabic`, which also accepts ĺ ŕ é í ú and typed ll rr, and reads
a line typed without ê î û ş ç ł ř by the lexicon: see --plain-latin).

Examples:
  echo 'ئەو کچە کوردستانی خۆشدەوێت.' | sorani translit
  sorani translit --to arabic latin.txt -o arabic.txt
  echo 'le silemani dejim' | sorani translit --to arabic
  sorani translit --to ipa --format jsonl words.txt";

/// Arguments of `sorani translit` (what it does is described in `AFTER_HELP`).
#[derive(Debug, clap::Args)]
#[command(after_long_help = AFTER_HELP)]
pub struct Args {
    /// Output script or representation.
    #[arg(long = "to", value_enum, default_value = "latin")]
    to: Target,

    /// Latin letters for ڕ and ڵ.
    #[arg(long, value_enum, default_value = "caron")]
    letters: Letters,

    /// Latin letter for ع.
    #[arg(long, value_enum, default_value = "apostrophe")]
    ain: Ain,

    /// Do not capitalize sentence starts in Latin output.
    #[arg(long)]
    no_capitalize: bool,

    /// Keep 0-9 digits in Arabic output (default: Arabic-Indic ٠-٩).
    #[arg(long)]
    latin_digits: bool,

    /// Read Latin strictly: ll and rr stay double l and r.
    #[arg(long)]
    strict: bool,

    /// Latin typed without the Kurdish letters (e for ê, i for î, u for û,
    /// s for ş, c for ç, l for ł, r for ř, sh for ş, kh for x, zh for j …):
    /// `auto` reads a line of three words or more that has none of ê î û ş
    /// ç ł ř ḧ ẍ so, each word spelt as the lexicon knows it best (le
    /// silemani dejim → لە سلێمانی دەژیم); `always` reads every line so;
    /// `never` reads each letter as typed.
    #[arg(long, value_enum, default_value = "auto", value_name = "WHEN")]
    plain_latin: PlainArg,

    /// Restore Arabic-script text typed without a Kurdish keyboard before
    /// transliterating: auto (the lines detection flags), always, never.
    #[arg(long, value_enum, default_value_t = RestoreArg::Auto, value_name = "WHEN")]
    restore: RestoreArg,

    /// Use the rules alone, without the exception lexicon.
    #[arg(long)]
    no_lexicon: bool,

    /// Leave out the exception-lexicon words that evaluations score as
    /// unseen (for bench/translit.sh; see docs/transliteration.md).
    #[arg(long, hide = true)]
    hold_out_evaluation_words: bool,

    /// Output format: text, or JSON Lines `{"line":N,"input":…,"output":…}`.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,

    #[command(flatten)]
    input: InputArgs,
}

/// Runs `sorani translit`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let latin = LatinOptions {
        letters: match args.letters {
            Letters::Caron => LatinLetters::Caron,
            Letters::Acute => LatinLetters::Acute,
            Letters::Plain => LatinLetters::Plain,
        },
        ain: match args.ain {
            Ain::Apostrophe => AinStyle::Apostrophe,
            Ain::Diaeresis => AinStyle::Diaeresis,
        },
        capitalize: !args.no_capitalize,
    };
    let plain = match args.plain_latin {
        PlainArg::Auto => PlainLatin::Auto,
        PlainArg::Always => PlainLatin::Always,
        PlainArg::Never => PlainLatin::Never,
    };
    let arabic = ArabicOptions { arabic_digits: !args.latin_digits, lenient: !args.strict, plain };
    let mut t = Transliterator::new().with_latin(latin).with_arabic(arabic).with_lexicon(!args.no_lexicon);
    if args.hold_out_evaluation_words {
        t = t.holding_out_evaluation_words();
    }
    let restorer = Restorer::with_options(RestoreOptions { mode: args.restore.mode(), from: None });
    let to = args.to;
    // Restoration reads a batch of whole lines at a time, as `sorani
    // normalize` does (a line of a legacy-keyboard or legacy-font document
    // is read in the light of the lines around it); transliteration is
    // line-local.
    let restores = to != Target::Arabic && !restorer.is_identity();
    fn restore<'a>(run: &'a str, restorer: &Restorer, restores: bool) -> Cow<'a, str> {
        if restores {
            restorer.restore_lines(run)
        } else {
            Cow::Borrowed(run)
        }
    }
    let convert = |restored: &str| match to {
        Target::Latin => t.to_latin(restored),
        Target::Arabic => t.to_arabic(restored),
        Target::Ipa => t.to_ipa(restored),
        Target::Syllables => t.syllables(restored),
    };
    match args.format {
        Format::Text => map_line_runs(&args.input, Terminator::Preserve, &|run, _, out| {
            for line in restore(run, &restorer, restores).split_inclusive('\n') {
                let (text, terminator) = line_and_terminator(line);
                out.push_str(&convert(text));
                out.push_str(terminator);
            }
        }),
        Format::Jsonl => map_line_runs(&args.input, Terminator::Mapper, &|run, first, out| {
            let restored = restore(run, &restorer, restores);
            for (number, (input, line)) in (first..).zip(run.split_inclusive('\n').zip(restored.split_inclusive('\n')))
            {
                let record = serde_json::json!({
                    "line": number,
                    "input": line_and_terminator(input).0,
                    "output": convert(line_and_terminator(line).0),
                });
                out.push_str(&record.to_string());
                out.push('\n');
            }
        }),
    }
}
