//! `sorani tokenize`: tokens of each line, separated by single spaces (one
//! output line per input line), or one JSON object per token.

use std::fmt::Write as _;
use std::process::ExitCode;

use sorani::tokenize::{tokenize, TokenKind};

use super::morphemes::{self, Respelled, Word};
use super::restore_args::RestoreArg;
use super::standard::Standardizer;
use crate::lines::{map_lines_in_pieces, Format, InputArgs, Terminator};

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
    /// as `sorani normalize` would write it: the morphemes are in that
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
    let standard = args.morphemes.then(|| Standardizer::new(args.restore));
    // each word's respelling, when cutting words
    let respelled = |text: &str| standard.as_ref().map(|standard| Respelled::of(text, standard));
    match args.format {
        Format::Text => map_lines_in_pieces(&args.input, Terminator::Preserve, |line, out| {
            // A later piece of a long line continues its token list.
            let mut first = line.column == 0;
            let mut respelled = respelled(line.text);
            for token in tokenize(line.text).filter(|t| wanted(t.kind)) {
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
                    Some(Word::Respelled { start, end, standard }) => {
                        morphemes::push_text(&line.text[start..end], standard, out)
                    }
                    _ => out.push_str(token.text),
                }
            }
        }),
        Format::Jsonl => map_lines_in_pieces(&args.input, Terminator::Mapper, |line, out| {
            let mut respelled = respelled(line.text);
            for token in tokenize(line.text).filter(|t| wanted(t.kind)) {
                let (start, end) = (line.column + token.start, line.column + token.end);
                let word = match (&mut respelled, token.kind) {
                    (Some(r), TokenKind::Word) => Some(r.word(token.start, token.end)),
                    _ => None,
                };
                match word {
                    Some(Word::Joined) => continue,
                    Some(Word::AsWritten) => {
                        morphemes::push_jsonl(token.text, token.text, start, line.number, out);
                        continue;
                    }
                    Some(Word::Respelled { start: s, end: e, standard }) => {
                        morphemes::push_jsonl(&line.text[s..e], standard, line.column + s, line.number, out);
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
                    line.number
                );
            }
        }),
    }
}
