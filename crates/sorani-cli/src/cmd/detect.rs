//! `sorani detect`: how each line (or each whole file) was typed.

use std::process::ExitCode;

use sorani::restore::{detect, Convention, Detection};

use crate::lines::{input_paths, map_lines, read_to_string, Format, InputArgs, Terminator};

/// Arguments of `sorani detect`.
#[derive(Debug, clap::Args)]
#[command(after_long_help = "Conventions: standard, legacy-keyboard (ە typed as ه, ک as ك),
arabic-keyboard (no ێ ۆ ڵ ڕ ڤ ە پ چ ژ گ), persian-keyboard (no ێ ۆ ڵ ڕ ڤ ە),
legacy-font (Ali-K family, Ali-Web, Dylan, Zarnegar; the font is named).

Each line is judged from its own letters. A line with neither ك nor ێ ۆ ڵ ڕ ڤ is
as much a legacy keyboard's as an Arabic or Persian one's and is reported as the
latter; `sorani normalize` reads such a line as legacy-keyboard when four times as
many lines of its batch (about 256 KB of whole lines) are legacy-keyboard ones,
and in a legacy font when as many lines of its batch (two or more) are in that font.
A line in Arabic or Persian is reported by its letters too (arabic-keyboard,
persian-keyboard); `sorani normalize` leaves it as typed when the language identifier
is sure of its language (see `sorani lid`).

Text output: one line per input line: CONVENTION<TAB>CONFIDENCE (legacy fonts as
legacy-font:NAME). JSONL: {\"line\", \"convention\", \"font\", \"confidence\", \"letters\"}.

Examples:
  sorani detect article.txt
  sorani detect --document --format jsonl corpus/*.txt")]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// One decision per file (from all its text) instead of one per line.
    #[arg(long)]
    pub document: bool,
}

fn font_name(d: &Detection) -> Option<&'static str> {
    match d.convention {
        Convention::LegacyFont(f) => Some(f.name()),
        _ => None,
    }
}

fn render(d: &Detection, format: Format, line: Option<u64>, file: Option<&str>, out: &mut String) {
    match format {
        Format::Text => {
            if let Some(file) = file {
                out.push_str(file);
                out.push('\t');
            }
            out.push_str(&format!("{}\t{:.2}", d.convention, d.confidence));
        }
        Format::Jsonl => {
            let mut v = serde_json::json!({
                "convention": d.convention.name(),
                "font": font_name(d),
                "confidence": (d.confidence * 100.0).round() / 100.0,
                "letters": d.letters,
            });
            if let Some(n) = line {
                v["line"] = n.into();
            }
            if let Some(file) = file {
                v["file"] = file.into();
            }
            out.push_str(&v.to_string());
            out.push('\n');
        }
    }
}

/// Runs `sorani detect`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if args.input.in_place {
        anyhow::bail!("`sorani detect` writes a report; --in-place is not available");
    }
    if args.document {
        let mut out = String::new();
        for path in input_paths(&args.input) {
            let text = read_to_string(&path, args.input.lossy)?;
            let d = detect(&text);
            render(&d, args.format, None, Some(&path.display().to_string()), &mut out);
            if args.format == Format::Text {
                out.push('\n');
            }
        }
        return write_out(&args.input, &out);
    }
    let format = args.format;
    let terminator = if format == Format::Text { Terminator::Preserve } else { Terminator::Mapper };
    map_lines(&args.input, terminator, move |line, out| {
        let d = detect(line.text);
        render(&d, format, Some(line.number), None, out);
    })
}

fn write_out(input: &InputArgs, text: &str) -> anyhow::Result<ExitCode> {
    use std::io::Write;
    match &input.output {
        Some(path) => std::fs::write(path, text)?,
        None => {
            let stdout = std::io::stdout();
            let mut lock = stdout.lock();
            if let Err(e) = lock.write_all(text.as_bytes()) {
                if e.kind() != std::io::ErrorKind::BrokenPipe {
                    return Err(e.into());
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
