//! `sorani tokenize`: tokens of each line, separated by single spaces (one
//! output line per input line), or one JSON object per token.

use std::fmt::Write as _;
use std::process::ExitCode;

use sorani::tokenize::{tokenize, TokenKind};

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
    /// "tag" and "morpheme" (stem, prefix, suffix, clitic).
    #[arg(long)]
    pub morphemes: bool,
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
    match args.format {
        Format::Text => map_lines_in_pieces(&args.input, Terminator::Preserve, |line, out| {
            // A later piece of a long line continues its token list.
            let mut first = line.column == 0;
            for token in tokenize(line.text).filter(|t| wanted(t.kind)) {
                if !first {
                    out.push(' ');
                }
                first = false;
                if args.morphemes && token.kind == TokenKind::Word {
                    crate::cmd::analyze::push_morphemes_text(token.text, out);
                } else {
                    out.push_str(token.text);
                }
            }
        }),
        Format::Jsonl => map_lines_in_pieces(&args.input, Terminator::Mapper, |line, out| {
            for token in tokenize(line.text).filter(|t| wanted(t.kind)) {
                let (start, end) = (line.column + token.start, line.column + token.end);
                if args.morphemes && token.kind == TokenKind::Word {
                    crate::cmd::analyze::push_morphemes_jsonl(token.text, start, line.number, out);
                    continue;
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
