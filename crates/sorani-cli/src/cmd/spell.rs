//! `sorani spell`: spelling findings as JSON Lines, `--fix`, `--suggest`, `--words`.

use std::fmt::Write as _;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use serde_json::json;
use sorani::restore::{detect, Convention};
use sorani::spell::{Correction, Finding, Severity, Speller, Suggestion};

use crate::lines::{map_lines, InputArgs, Terminator};

const AFTER_HELP: &str = "\
By default every line of the input is checked and each finding is written as one JSON object
per line:

  {\"line\":3,\"start\":10,\"end\":18,\"word\":\"…\",\"severity\":\"error\",
   \"suggestions\":[{\"word\":\"…\",\"score\":0.93}, …]}

`start`/`end` are byte offsets into the line (UTF-8), `line` is 1-based. A finding may cover two
words (a word split by a space) and a suggestion may contain a space (two words run together).
`score` is the probability the speller gives the suggestion, against the others and against the
word being correct as written. Severity `error`: almost surely misspelt; `warning`: unknown but
plausible (a name, a rare or foreign word).

Words are judged as written. Text typed on a legacy keyboard (ە as ه) or in a legacy font has
nearly every word wrong: restore it first with `sorani normalize FILE | sorani spell`. When more
than half the lines of the input are such text, spell says so on standard error.

Exit status: 0 no finding, 1 findings (or, with --words/--suggest, a word that is not correct),
2 error.

Examples:
  sorani spell article.txt
  sorani spell --fix --in-place article.txt
  sorani spell --suggest حكومهت
  sorani normalize legacy.txt | sorani spell --min-severity error";

/// Arguments of `sorani spell` (the output is described in `AFTER_HELP`).
#[derive(Debug, clap::Args)]
#[command(after_long_help = AFTER_HELP)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,

    /// Write the text back with confident corrections applied (one output
    /// line per input line). Only corrections whose best suggestion is far
    /// ahead are made; names (a word whose best suggestion is a proper
    /// name: دیمیتریۆ, Dmytro, is no misspelt دیمیتری), numbers, Latin words
    /// and warnings are never touched, nor a listed word the analyzer reads
    /// (ببە "be!") or one whose suggestion only changes its ending (ڕیمۆتی →
    /// ڕیمۆت).
    #[arg(long, conflicts_with_all = ["suggest", "words"])]
    fix: bool,

    /// Explain: with --fix, write one JSON object per considered correction
    /// (applied or not, with the reason and the edits) instead of the text;
    /// otherwise add the edits and the --fix decision to each finding.
    #[arg(long)]
    explain: bool,

    /// Print the suggestions for WORD (one per line: word TAB score; `WORD TAB
    /// OK` when it is correct) and exit. A quoted WORD of several words is
    /// judged as `--words` judges a line.
    #[arg(long, value_name = "WORD", num_args = 1.., conflicts_with = "words")]
    suggest: Vec<String>,

    /// Read one word per line and write one line per word: `OK`, or its
    /// suggestions best first, tab-separated (an empty line when nothing
    /// comes close). A line of several words is checked as text, so a word
    /// split apart is found; each suggestion is then the whole line.
    #[arg(long)]
    words: bool,

    /// Report only findings of at least this severity.
    #[arg(long, value_enum, default_value_t = MinSeverity::Warning)]
    min_severity: MinSeverity,

    /// Most suggestions per finding.
    #[arg(long, value_name = "N", default_value_t = 5)]
    max_suggestions: usize,
}

/// The lowest severity reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum MinSeverity {
    /// Report errors and warnings.
    Warning,
    /// Report errors only.
    Error,
}

impl MinSeverity {
    fn admits(self, severity: Severity) -> bool {
        self == MinSeverity::Warning || severity == Severity::Error
    }
}

fn suggestions_json(suggestions: &[Suggestion], max: usize) -> serde_json::Value {
    suggestions.iter().take(max).map(|s| json!({"word": s.word, "score": round(s.score)})).collect::<Vec<_>>().into()
}

fn round(x: f32) -> f64 {
    (f64::from(x) * 10_000.0).round() / 10_000.0
}

fn finding_json(line: u64, f: &Finding, max: usize) -> serde_json::Value {
    json!({
        "line": line,
        "start": f.start,
        "end": f.end,
        "word": f.word,
        "severity": f.severity.as_str(),
        "suggestions": suggestions_json(&f.suggestions, max),
    })
}

fn correction_json(line: u64, c: &Correction, max: usize) -> serde_json::Value {
    let mut v = finding_json(line, &c.finding, max);
    v["replacement"] = c.finding.suggestions.first().map_or(serde_json::Value::Null, |s| s.word.clone().into());
    v["applied"] = c.applied.into();
    v["reason"] = c.reason.clone().into();
    v["edits"] = c.edits.iter().map(|e| e.to_string()).collect::<Vec<_>>().into();
    v
}

/// How many lines of the input were typed on a legacy keyboard or in a
/// legacy font. The speller judges words as written, so it flags nearly
/// every word of such text: the user is told to restore it first.
#[derive(Default)]
struct LegacyLines {
    lines: AtomicU64,
    legacy: AtomicU64,
}

impl LegacyLines {
    /// Fewest letters a line needs for its convention to count.
    const MIN_LETTERS: usize = 10;

    fn see(&self, line: &str) {
        let d = detect(line);
        if d.letters < Self::MIN_LETTERS {
            return;
        }
        self.lines.fetch_add(1, Ordering::Relaxed);
        if matches!(d.convention, Convention::LegacyKeyboard | Convention::LegacyFont(_)) {
            self.legacy.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// The advice for standard error when more than half the lines were
    /// legacy ones.
    fn advice(&self) -> Option<String> {
        let (lines, legacy) = (self.lines.load(Ordering::Relaxed), self.legacy.load(Ordering::Relaxed));
        (legacy * 2 > lines).then(|| {
            format!(
                "sorani spell: {legacy} of {lines} lines look typed on a legacy keyboard (ە as ه) or in a legacy \
                 font (see `sorani detect`); words are judged as written, so nearly every word of them is a \
                 finding. Restore such text first: sorani normalize FILE | sorani spell"
            )
        })
    }
}

/// Runs `sorani spell`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let speller = Speller::embedded();
    let max = args.max_suggestions;
    if !args.suggest.is_empty() {
        let mut any_wrong = false;
        let mut out = String::new();
        for word in &args.suggest {
            let Some(suggestions) = speller.check_entry(word) else {
                writeln!(out, "{}\tOK", word.trim())?;
                continue;
            };
            any_wrong = true;
            if suggestions.is_empty() {
                writeln!(out, "{}\t(no suggestion)", word.trim())?;
            }
            for s in suggestions.iter().take(max) {
                writeln!(out, "{}\t{:.4}", s.word, s.score)?;
            }
        }
        print_all(&out)?;
        return Ok(if any_wrong { ExitCode::from(1) } else { ExitCode::SUCCESS });
    }

    let found = AtomicBool::new(false);
    let legacy = LegacyLines::default();
    let code = if args.words {
        map_lines(&args.input, Terminator::Preserve, |line, out| {
            let entry = line.text.trim();
            if entry.is_empty() {
                return;
            }
            let Some(suggestions) = speller.check_entry(entry) else {
                out.push_str("OK");
                return;
            };
            found.store(true, Ordering::Relaxed);
            for (i, s) in suggestions.iter().take(max).enumerate() {
                if i > 0 {
                    out.push('\t');
                }
                out.push_str(&s.word);
            }
        })?
    } else if args.fix && !args.explain {
        map_lines(&args.input, Terminator::Preserve, |line, out| {
            legacy.see(line.text);
            let fixed = speller.fix(line.text);
            if fixed != line.text {
                found.store(true, Ordering::Relaxed);
            }
            out.push_str(&fixed);
        })?
    } else if args.fix {
        map_lines(&args.input, Terminator::Mapper, |line, out| {
            legacy.see(line.text);
            for c in speller.fix_explained(line.text) {
                if !args.min_severity.admits(c.finding.severity) {
                    continue;
                }
                found.store(true, Ordering::Relaxed);
                out.push_str(&correction_json(line.number, &c, max).to_string());
                out.push('\n');
            }
        })?
    } else {
        map_lines(&args.input, Terminator::Mapper, |line, out| {
            legacy.see(line.text);
            if args.explain {
                for c in speller.fix_explained(line.text) {
                    if args.min_severity.admits(c.finding.severity) {
                        found.store(true, Ordering::Relaxed);
                        out.push_str(&correction_json(line.number, &c, max).to_string());
                        out.push('\n');
                    }
                }
                return;
            }
            for f in speller.check(line.text) {
                if args.min_severity.admits(f.severity) {
                    found.store(true, Ordering::Relaxed);
                    out.push_str(&finding_json(line.number, &f, max).to_string());
                    out.push('\n');
                }
            }
        })?
    };
    if let Some(advice) = legacy.advice() {
        eprintln!("{advice}");
    }
    if code != ExitCode::SUCCESS {
        return Ok(code);
    }
    Ok(if found.load(Ordering::Relaxed) { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn print_all(text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    lock.write_all(text.as_bytes())?;
    lock.flush()?;
    Ok(())
}
