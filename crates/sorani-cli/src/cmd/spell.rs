//! `sorani spell`: spelling findings as JSON Lines, `--fix`, `--suggest`, `--words`.

use std::fmt::Write as _;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use serde_json::json;
use sorani::restore::{detect, Convention, RestoreOptions, Restorer};
use sorani::spell::{Correction, Finding, Severity, Speller, Suggestion};

use super::restore_args::RestoreArg;
use crate::lines::{map_line_runs, map_lines, InputArgs, Terminator};

const AFTER_HELP: &str = "\
By default every line of the input is checked and each finding is written as one JSON object
per line:

  {\"line\":3,\"start\":10,\"end\":18,\"word\":\"…\",\"severity\":\"error\",\"kind\":\"spelling\",
   \"suggestions\":[{\"word\":\"…\",\"score\":0.93}, …]}

`start`/`end` are byte offsets into the line (UTF-8), `line` is 1-based. A finding may cover two
words (a word split by a space) and a suggestion may contain a space (two words run together).
`score` is the probability the speller gives the suggestion, against the others and against the
word being correct as written. Severity `error`: almost surely misspelt; `warning`: unknown but
plausible (a name, a rare or foreign word).

A line typed on a legacy keyboard (ە as ه, ك for ک), an Arabic or Persian keyboard, or in a
legacy font is judged as restoration reads it (`sorani normalize`, `sorani detect`): a misspelt
word is found at its place as typed, with suggestions in standard letters, and every other word
restoration changed is a finding of kind `typing` whose one suggestion is the word restored.
Each finding says its `kind` (`spelling` or `typing`), so
  sorani spell legacy.txt | jq -c 'select(.kind == \"spelling\")'
keeps the misspellings alone; `--fix` writes such lines restored and corrected. An Arabic- or
Persian-keyboard line among as many standard lines is judged as written (most often it is a
standard line without ێ ۆ ڵ ڕ ە, such as a list of names). With `--restore never` every word is
judged as written.

Exit status: 0 no finding, 1 findings (or, with --words/--suggest, a word that is not correct),
2 error.

Examples:
  sorani spell article.txt
  sorani spell --fix --in-place article.txt
  sorani spell --suggest حكومهت
  sorani spell --restore never --min-severity error article.txt";

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

    /// Judge lines typed without a Kurdish keyboard or in a legacy font as
    /// restoration reads them: `auto` the lines detection flags (as
    /// `sorani normalize --restore auto`), `always` also standard-looking
    /// lines' words with a telltale sign, `never` every word as written.
    /// (`--words` and `--suggest` judge each entry as written.)
    #[arg(long, value_enum, default_value_t = RestoreArg::Auto, value_name = "WHEN", conflicts_with_all = ["suggest", "words"])]
    restore: RestoreArg,
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

/// A finding as JSON; `line`, `start` and `end` are set by the caller, which
/// knows the line.
fn finding_json(f: &Finding, max: usize) -> serde_json::Value {
    json!({
        "line": 0,
        "start": f.start,
        "end": f.end,
        "word": f.word,
        "severity": f.severity.as_str(),
        "kind": f.kind.as_str(),
        "suggestions": suggestions_json(&f.suggestions, max),
    })
}

fn correction_json(c: &Correction, max: usize) -> serde_json::Value {
    let mut v = finding_json(&c.finding, max);
    v["replacement"] = c.finding.suggestions.first().map_or(serde_json::Value::Null, |s| s.word.clone().into());
    v["applied"] = c.applied.into();
    v["reason"] = c.reason.clone().into();
    v["edits"] = c.edits.iter().map(|e| e.to_string()).collect::<Vec<_>>().into();
    v
}

/// Where each line of a run of lines starts, to give a finding its line.
struct RunLines {
    first: u64,
    starts: Vec<usize>,
}

impl RunLines {
    fn new(run: &str, first: u64) -> Self {
        let starts = std::iter::once(0).chain(memchr::memchr_iter(b'\n', run.as_bytes()).map(|i| i + 1)).collect();
        RunLines { first, starts }
    }

    /// The 1-based number of the line holding byte `at`, and where it starts.
    fn locate(&self, at: usize) -> (u64, usize) {
        let i = self.starts.partition_point(|&s| s <= at).saturating_sub(1);
        (self.first + i as u64, self.starts[i])
    }
}

/// How many lines of the input were typed on a legacy keyboard or in a
/// legacy font, under `--restore never`: judged as written, nearly every
/// word of such text is a finding, and the user is told so.
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
                 font (see `sorani detect`); with --restore never words are judged as written, so nearly \
                 every word of them is a finding. Without it, such lines are judged as restored"
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
    } else {
        let restorer = Restorer::with_options(RestoreOptions { mode: args.restore.mode(), from: None });
        // Runs of whole lines (never cut into pieces, so a word is never
        // cut): restoration reads each line in the light of the run, and
        // the mapper writes each line's own break back.
        map_line_runs(&args.input, Terminator::Mapper, &|run, first_line, out| {
            if args.restore == RestoreArg::Never {
                run.lines().for_each(|line| legacy.see(line));
            }
            if args.fix && !args.explain {
                let fixed = speller.fix_as_restored(run, &restorer);
                if fixed != run {
                    found.store(true, Ordering::Relaxed);
                }
                out.push_str(&fixed);
                return;
            }
            let lines = RunLines::new(run, first_line);
            let mut write = |finding: &Finding, json: serde_json::Value| {
                found.store(true, Ordering::Relaxed);
                let (line, line_start) = lines.locate(finding.start);
                let mut json = json;
                json["line"] = line.into();
                json["start"] = (finding.start - line_start).into();
                json["end"] = (finding.end - line_start).into();
                out.push_str(&json.to_string());
                out.push('\n');
            };
            if args.explain {
                for c in speller.fix_explained_as_restored(run, &restorer) {
                    if args.min_severity.admits(c.finding.severity) {
                        write(&c.finding, correction_json(&c, max));
                    }
                }
                return;
            }
            for f in speller.check_as_restored(run, &restorer) {
                if args.min_severity.admits(f.severity) {
                    write(&f, finding_json(&f, max));
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
