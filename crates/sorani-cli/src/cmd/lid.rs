//! `sorani lid`: language and script identification of every line, a
//! filter that keeps only the lines of one language, or the segments of a
//! mixed document.

use std::io::Write;
use std::process::ExitCode;

use anyhow::bail;
use serde::Serialize;
use sorani::lid::{Identifier, Options, Prediction, DEFAULT_THRESHOLD};

use crate::lines::{self, Format, InputArgs, Terminator};

const AFTER_HELP: &str = "\
Writes one label per input line (`ckb-Arab`, `kmr-Latn`, `fas-Arab`, ...,
or `und` when no label is confident), or with `--format jsonl` one JSON
object per line: {\"label\",\"language\",\"script\",\"confidence\",\"alternatives\"}.

Labels: ckb-Arab, ckb-Latn (Central Kurdish), kmr-Arab, kmr-Latn (Northern
Kurdish), sdh-Arab (Southern Kurdish), hac-Arab (Gorani), zza-Latn
(Zazaki), fas-Arab (Persian), arb-Arab (Arabic), tur-Latn (Turkish),
eng-Latn (English, by a heuristic), urd-Arab, snd-Arab, kas-Arab, pus-Arab,
uig-Arab (Urdu, Sindhi, Kashmiri, Pashto, Uyghur: by letters of their own
alphabets, so that they are not taken for Persian or Kurdish), und
(undetermined).

`--keep LANG` turns the command into a filter for corpus cleaning: it
writes only the lines identified as LANG, unchanged, so the output has
FEWER lines than the input (the one-line-per-line rule does not hold in
this mode; every kept line ends in `\\n`).

`--segments` reads each input as one document and writes the runs of one
language it contains, with byte spans into that input.";

/// Arguments of `sorani lid` (the output is described in `AFTER_HELP`).
#[derive(Debug, clap::Args)]
#[command(after_long_help = AFTER_HELP)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,

    /// Output format (with --segments too).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,

    /// Write only the lines identified as LANG: a label (`ckb-Arab`) or a
    /// language (`ckb`, any script). Repeat or separate with commas to keep
    /// several.
    #[arg(long, value_name = "LANG", value_delimiter = ',', conflicts_with = "segments")]
    keep: Vec<String>,

    /// Split each input, read whole, into runs of one language; writes
    /// `START END LABEL CONFIDENCE` per run (byte offsets, END exclusive),
    /// or JSONL with the run's text.
    #[arg(long)]
    segments: bool,

    /// Minimum confidence (0 to 1) for a label; below it the label is `und`.
    #[arg(long, value_name = "P", default_value_t = DEFAULT_THRESHOLD)]
    threshold: f32,

    /// Let only these labels or languages compete (comma-separated), e.g.
    /// `--only ckb,kmr` when the text is known to be Kurdish.
    #[arg(long, value_name = "LANGS", value_delimiter = ',')]
    only: Vec<String>,
}

/// One line of `--segments --format jsonl`.
#[derive(Serialize)]
struct SegmentRecord<'a> {
    file: String,
    start: usize,
    end: usize,
    text: &'a str,
    #[serde(flatten)]
    prediction: &'a Prediction,
}

/// Runs `sorani lid`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let options = Options { threshold: args.threshold, only: args.only.clone(), ..Options::default() };
    options.validate()?;
    let keep_check = Options { only: args.keep.clone(), ..Options::default() };
    keep_check.validate().map_err(|err| anyhow::anyhow!("--keep: {err}"))?;
    let identifier = Identifier::embedded();
    if args.segments {
        return run_segments(&args, identifier, &options);
    }
    if !args.keep.is_empty() {
        if args.format == Format::Jsonl {
            bail!("--keep writes the kept lines themselves; it cannot be combined with --format jsonl");
        }
        let keep = &args.keep;
        return lines::map_lines(&args.input, Terminator::Mapper, |line, out| {
            let prediction = identifier.identify_with(line.text, &options);
            if keep.iter().any(|k| k == prediction.label || k == prediction.language) {
                out.push_str(line.text);
                out.push('\n');
            }
        });
    }
    let format = args.format;
    lines::map_lines(&args.input, Terminator::Preserve, |line, out| {
        let prediction = identifier.identify_with(line.text, &options);
        match format {
            Format::Text => out.push_str(prediction.label),
            Format::Jsonl => out.push_str(&serde_json::to_string(&prediction).expect("a prediction serializes")),
        }
    })
}

fn run_segments(args: &Args, identifier: &Identifier, options: &Options) -> anyhow::Result<ExitCode> {
    if args.input.in_place {
        bail!("--segments writes spans, not text: it cannot rewrite its inputs (--in-place)");
    }
    let mut sink = match &args.input.output {
        Some(target) => Some(lines::AtomicFile::beside(target)?),
        None => None,
    };
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    for path in lines::input_paths(&args.input) {
        let text = lines::read_to_string(&path, args.input.lossy)?;
        let name = if path.as_os_str() == "-" { "-".to_string() } else { path.display().to_string() };
        let mut out = String::new();
        for segment in identifier.segments_with(&text, options) {
            let p = &segment.prediction;
            match args.format {
                Format::Text => {
                    out.push_str(&format!("{}\t{}\t{}\t{:.3}\n", segment.start, segment.end, p.label, p.confidence))
                }
                Format::Jsonl => {
                    let record = SegmentRecord {
                        file: name.clone(),
                        start: segment.start,
                        end: segment.end,
                        text: &text[segment.start..segment.end],
                        prediction: p,
                    };
                    out.push_str(&serde_json::to_string(&record)?);
                    out.push('\n');
                }
            }
        }
        match &mut sink {
            Some(file) => file.writer().write_all(out.as_bytes())?,
            None => lock.write_all(out.as_bytes())?,
        }
    }
    if let (Some(file), Some(target)) = (sink, &args.input.output) {
        file.commit(target)?;
    }
    lock.flush()?;
    Ok(ExitCode::SUCCESS)
}
