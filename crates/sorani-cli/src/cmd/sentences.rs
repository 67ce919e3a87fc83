//! `sorani sentences`: one sentence per output line.

use std::fmt::Write as _;
use std::process::ExitCode;

use sorani::sentence::sentence_spans;

use crate::cmd::tokenize::push_json_str;
use crate::lines::{map_lines_in_pieces, Format, InputArgs, Terminator};

/// Arguments of `sorani sentences`.
#[derive(Debug, clap::Args)]
#[command(after_long_help = "A sentence ends after . ! ? ؟ ۔ (closing quotes and brackets stay with it)
followed by white space, and at every line break: a line never holds parts of
two sentences, and a heading on its own line stays apart. Numbers (3.5, ٣٫٥),
URLs, initials (د. ئەحمەد), common abbreviations, list numbers and ellipses do
not end a sentence. Join hard-wrapped lines before splitting.

Output:
  text   one sentence per line; blank input lines write nothing.
  jsonl  {\"text\":\"...\",\"line\":3,\"start\":0,\"end\":42} per sentence; start and
         end are byte offsets within the input line.

Examples:
  sorani sentences article.txt
  sorani normalize legacy.txt | sorani sentences --format jsonl")]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Write an empty line after each non-empty input line, so that
    /// paragraphs stay visible.
    #[arg(long)]
    pub paragraphs: bool,
}

/// Runs `sorani sentences`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let jsonl = args.format == Format::Jsonl;
    let paragraphs = args.paragraphs;
    // A long line comes in pieces cut at sentence starts.
    map_lines_in_pieces(&args.input, Terminator::Mapper, |line, out| {
        let mut any = false;
        for span in sentence_spans(line.text) {
            any = true;
            let text = &line.text[span.clone()];
            if jsonl {
                out.push_str("{\"text\":");
                push_json_str(out, text);
                let _ = writeln!(
                    out,
                    ",\"line\":{},\"start\":{},\"end\":{}}}",
                    line.number,
                    line.column + span.start,
                    line.column + span.end
                );
            } else {
                out.push_str(text);
                out.push('\n');
            }
        }
        if paragraphs && any && !jsonl && line.ends_line {
            out.push('\n');
        }
    })
}
