//! `sorani tokenize`: tokens of each line, separated by single spaces (one
//! output line per input line), or one JSON object per token.

use std::fmt::Write as _;
use std::process::ExitCode;

use sorani::tokenize::{tokenize, TokenKind};

use super::morphemes::{self, Respelled, Word};
use super::restore_args::RestoreArg;
use super::standard::Standardizer;
use crate::lines::{line_and_terminator, map_line_runs, map_lines_in_pieces, Format, InputArgs, Terminator};

/// Arguments of `sorani tokenize`.
#[derive(Debug, clap::Args)]
#[command(after_long_help = "Output:
  text   the tokens of each input line separated by single spaces, one output
         line per input line (an empty line for a line without tokens).
  jsonl  one object per token: {\"text\":\"...\",\"kind\":\"word\",\"start\":0,\"end\":8,\"line\":1}
         start and end are byte offsets within the line (end exclusive), line
         is 1-based; kind is one of word, number, punctuation, url, email,
         hashtag, mention, emoji, latin, other.

Examples:
  sorani tokenize news.txt
  sorani tokenize --format jsonl --kinds word,number news.txt")]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Only write tokens of these kinds (comma-separated), e.g. `word,latin`.
    #[arg(long, value_delimiter = ',', value_parser = parse_kind)]
    pub kinds: Vec<TokenKind>,

    /// Split words into morphemes (stem, affixes, clitics: وڵاتەکەیان → وڵات ەکە یان);
    /// in JSONL each morpheme is one object with its span in the line, plus
    /// "tag" and "morpheme" (stem, prefix, suffix, clitic). A word not in
    /// standard spelling (typed on another keyboard, legacy spelling) is cut
    /// as `sorani normalize` would write it (each line read in the light of
    /// the lines around it, as there): the morphemes are in that
    /// spelling, and in JSONL their spans are those of the letters as
    /// written, given as "written" where they differ.
    #[arg(long)]
    pub morphemes: bool,

    /// With --morphemes: restore words typed without a Kurdish keyboard
    /// before cutting them (ە as ه, ك, ي, missing ێ ۆ ڵ ڕ): auto (the lines
    /// detection flags), always, never. Words are normalized in any case.
    #[arg(long, value_enum, default_value_t = RestoreArg::Auto, value_name = "WHEN", requires = "morphemes")]
    pub restore: RestoreArg,
}

fn parse_kind(s: &str) -> Result<TokenKind, String> {
    use TokenKind::*;
    [Word, Number, Punctuation, Url, Email, Hashtag, Mention, Emoji, Latin, Other]
        .into_iter()
        .find(|k| k.as_str() == s)
        .ok_or_else(|| {
            format!("unknown kind `{s}` (word, number, punctuation, url, email, hashtag, mention, emoji, latin, other)")
        })
}

/// Appends `s` as a JSON string.
pub fn push_json_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Runs `sorani tokenize`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let wanted = |kind: TokenKind| args.kinds.is_empty() || args.kinds.contains(&kind);
    if args.morphemes {
        return run_morphemes(&args, &wanted);
    }
    match args.format {
        Format::Text => map_lines_in_pieces(&args.input, Terminator::Preserve, |line, out| {
            // A later piece of a long line continues its token list.
            push_text_line(line.text, line.column == 0, None, &wanted, out)
        }),
        Format::Jsonl => map_lines_in_pieces(&args.input, Terminator::Mapper, |line, out| {
            push_jsonl_line(line.text, line.column, line.number, None, &wanted, out)
        }),
    }
}

/// `sorani tokenize --morphemes`: words are respelled as `sorani normalize`
/// writes them, each line restored in the light of the lines around it (a
/// batch at a time, as there), so lines come whole.
fn run_morphemes(args: &Args, wanted: &(dyn Fn(TokenKind) -> bool + Sync)) -> anyhow::Result<ExitCode> {
    let standard = Standardizer::new(args.restore);
    map_line_runs(&args.input, Terminator::Mapper, &|run, first, out| {
        let changes = standard.changes_of_lines(run);
        for ((index, raw), changes) in run.split_inclusive('\n').enumerate().zip(changes) {
            let (line, terminator) = line_and_terminator(raw);
            let respelled = Respelled::from_changes(line, changes, &standard);
            match args.format {
                Format::Text => {
                    push_text_line(line, true, Some(respelled), wanted, out);
                    out.push_str(terminator);
                }
                Format::Jsonl => push_jsonl_line(line, 0, first + index as u64, Some(respelled), wanted, out),
            }
        }
    })
}

/// Appends the wanted tokens of `text` (a line, or a piece of one that
/// starts it when `starts_line`) separated by single spaces, words cut into
/// morphemes when `respelled` says how they are spelt.
fn push_text_line(
    text: &str,
    starts_line: bool,
    mut respelled: Option<Respelled>,
    wanted: &dyn Fn(TokenKind) -> bool,
    out: &mut String,
) {
    let mut first = starts_line;
    for token in tokenize(text).filter(|t| wanted(t.kind)) {
        let word = match (&mut respelled, token.kind) {
            (Some(r), TokenKind::Word) => Some(r.word(token.start, token.end)),
            _ => None,
        };
        if matches!(word, Some(Word::Joined)) {
            continue;
        }
        if !first {
            out.push(' ');
        }
        first = false;
        match word {
            Some(Word::AsWritten) => morphemes::push_text(token.text, token.text, out),
            Some(Word::Respelled { start, end, standard }) => morphemes::push_text(&text[start..end], standard, out),
            _ => out.push_str(token.text),
        }
    }
}

/// Appends one JSON line per wanted token of `text`, which starts at byte
/// `column` of line `number` (per morpheme of a word when `respelled` says
/// how words are spelt).
fn push_jsonl_line(
    text: &str,
    column: usize,
    number: u64,
    mut respelled: Option<Respelled>,
    wanted: &dyn Fn(TokenKind) -> bool,
    out: &mut String,
) {
    for token in tokenize(text).filter(|t| wanted(t.kind)) {
        let (start, end) = (column + token.start, column + token.end);
        let word = match (&mut respelled, token.kind) {
            (Some(r), TokenKind::Word) => Some(r.word(token.start, token.end)),
            _ => None,
        };
        match word {
            Some(Word::Joined) => continue,
            Some(Word::AsWritten) => {
                morphemes::push_jsonl(token.text, token.text, start, number, out);
                continue;
            }
            Some(Word::Respelled { start: s, end: e, standard }) => {
                morphemes::push_jsonl(&text[s..e], standard, column + s, number, out);
                continue;
            }
            None => {}
        }
        out.push_str("{\"text\":");
        push_json_str(out, token.text);
        let _ = writeln!(
            out,
            ",\"kind\":\"{}\",\"start\":{},\"end\":{},\"line\":{}}}",
            token.kind.as_str(),
            start,
            end,
            number
        );
    }
}
