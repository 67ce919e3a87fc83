//! `sorani search`: query an index from the command line.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use sorani_search::{Engine, Fuzzy, SearchRequest};

use crate::lines::Format;

/// Arguments of `sorani search`.
///
/// Query syntax: words (any may match, more matches rank higher), `+word`
/// (must), `-word` / `NOT word` (must not), `AND`, `OR`, parentheses,
/// `"a phrase"`, `"a phrase"~2`, field filters `title:`, `body:`, `source:`,
/// `id:`, `fields.NAME:`, dates `date:2024`, `date:[2023-01 TO 2023-06]`,
/// boosts `word^2`. Words are normalized, restored and stemmed; spelling
/// variants (legacy, Arabic or Persian keyboards, doubled or dropped vowels)
/// match through a phonetic key, and rare words within a small edit distance.
///
/// Exit status: 0 when something was found, 1 when nothing was, 2 on error.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  sorani search --index news.idx 'وڵات'\n  sorani search --index news.idx '\"سەرۆکی تورکیا\" date:2024' --format jsonl"
)]
pub struct Args {
    /// Index folder (made by `sorani index`).
    #[arg(long, value_name = "DIR")]
    index: PathBuf,

    /// The query.
    #[arg(value_name = "QUERY")]
    query: String,

    /// Number of results.
    #[arg(short = 'n', long, default_value_t = 10)]
    limit: usize,

    /// Results to skip (paging).
    #[arg(long, default_value_t = 0)]
    offset: usize,

    /// Only documents from this source.
    #[arg(long)]
    source: Option<String>,

    /// Only documents dated on or after this date (YYYY, YYYY-MM, YYYY-MM-DD).
    #[arg(long)]
    from: Option<String>,

    /// Only documents dated on or before this date.
    #[arg(long)]
    to: Option<String>,

    /// Edit-distance matching: for rare words (auto), always, or off.
    #[arg(long, value_enum, default_value_t = Fuzzy::Auto)]
    fuzzy: Fuzzy,

    /// Do not match spelling variants through the phonetic key.
    #[arg(long)]
    no_variants: bool,

    /// Do not match words typed in Latin letters (hewler, kurdistan) in
    /// Arabic script too.
    #[arg(long)]
    no_transliterate: bool,

    /// Output: text (id, score, title, snippet with matches in [brackets]) or
    /// jsonl (one object per hit, then none; snippets as HTML with <mark>).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

/// Runs `sorani search`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let engine = Engine::open(&args.index)?;
    let req = SearchRequest {
        q: args.query,
        limit: args.limit.clamp(1, 1000),
        offset: args.offset,
        source: args.source,
        from: args.from,
        to: args.to,
        fuzzy: args.fuzzy,
        variants: !args.no_variants,
        transliterate: !args.no_transliterate,
        ..SearchRequest::default()
    };
    let mut res = engine.search(&req)?;
    res.did_you_mean = sorani_search::suggest::did_you_mean(&engine, &req, &res);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        Format::Jsonl => {
            for h in &res.hits {
                serde_json::to_writer(&mut out, h)?;
                out.write_all(b"\n")?;
            }
            if let Some(d) = &res.did_you_mean {
                eprintln!("sorani search: did you mean: {} ({} documents)", d.query, d.total);
            }
        }
        Format::Text => {
            let at_least = if res.total_exact { "" } else { "at least " };
            writeln!(out, "{at_least}{} documents match; showing {}", res.total, res.hits.len())?;
            if let Some(d) = &res.did_you_mean {
                writeln!(out, "did you mean: {} ({} documents)", d.query, d.total)?;
            }
            for (i, h) in res.hits.iter().enumerate() {
                let mut meta = vec![h.id.clone(), format!("{:.3}", h.score)];
                meta.extend(h.source.clone());
                meta.extend(h.date.clone());
                writeln!(out, "\n{}. {}", args.offset + i + 1, plain(&h.title_html))?;
                writeln!(out, "   {}", meta.join(" · "))?;
                writeln!(out, "   {}", plain(&h.snippet_html))?;
            }
        }
    }
    out.flush()?;
    Ok(if res.total == 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// The server's snippet HTML as plain text with matches in [brackets].
fn plain(html: &str) -> String {
    html.replace("<mark>", "[")
        .replace("</mark>", "]")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}
