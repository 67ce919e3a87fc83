//! `sorani index`: build or update a search index from text files, folders and JSONL.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use sorani_search::{IndexOptions, Indexer};

/// Arguments of `sorani index`.
///
/// Inputs are `.txt`/`.md` files (one document each: id = path, title = first
/// line when short, body = the rest), JSONL files (`.jsonl`, `.ndjson`,
/// `.json`; one object per line with `id`, `title`, `body` or `text`, `date`,
/// `source`, and any other fields), folders (searched recursively for those
/// files) and `-` (JSONL on standard input).
///
/// Indexing is incremental: documents already indexed with the same content
/// are skipped, a known id with new content replaces the old version, and
/// content already indexed under another id is skipped as a duplicate. The
/// index is committed every `--commit-every` documents and at the end; if the
/// run is interrupted, the last commit stays readable and a rerun resumes.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  sorani index --index news.idx articles/ extra.jsonl\n  zcat dump.jsonl.gz | sorani index --index news.idx -"
)]
pub struct Args {
    /// Index folder (created when absent).
    #[arg(long, value_name = "DIR")]
    index: PathBuf,

    /// Files, folders, or `-` for JSONL on standard input.
    #[arg(value_name = "INPUT", required = true)]
    inputs: Vec<PathBuf>,

    /// Memory budget of the index writer in MB.
    #[arg(long, default_value_t = 256, value_name = "MB")]
    memory_mb: usize,

    /// Indexing threads (0: one per core, at most 8).
    #[arg(long, default_value_t = 0, value_name = "N")]
    threads: usize,

    /// Commit after this many new documents (a crash loses at most this many).
    #[arg(long, default_value_t = 200_000, value_name = "DOCS")]
    commit_every: u64,

    /// Replace invalid UTF-8 with U+FFFD instead of skipping the input.
    #[arg(long)]
    lossy: bool,

    /// Merge the index into one segment at the end: indexing takes longer,
    /// queries are answered faster. For a collection built once and then served.
    #[arg(long)]
    merge: bool,

    /// Print the final counts as one JSON object on standard output.
    #[arg(long)]
    json: bool,

    /// No progress bar.
    #[arg(long, short)]
    quiet: bool,
}

/// Runs `sorani index`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let files = sorani_search::indexer::expand_inputs(&args.inputs)?;
    if files.is_empty() {
        anyhow::bail!("no .txt, .md or .jsonl files found in the inputs");
    }
    let options = IndexOptions {
        memory_mb: args.memory_mb,
        threads: args.threads,
        commit_every_docs: args.commit_every.max(1),
        lossy: args.lossy,
        merge_into_one: args.merge,
        ..IndexOptions::default()
    };
    let mut ix = Indexer::open(&args.index, options)?;
    let total = sorani_search::indexer::total_bytes(&files);
    let bar = if !args.quiet && std::io::stderr().is_terminal() {
        let b = indicatif::ProgressBar::new(total);
        b.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {bar:40} {bytes}/{total_bytes} {bytes_per_sec} {msg}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        b
    } else {
        indicatif::ProgressBar::hidden()
    };
    let mut errors = 0u64;
    let mut done_before = 0u64;
    for file in &files {
        let mut last = 0u64;
        sorani_search::indexer::read_file(file, args.lossy, &mut |doc, loc, read| {
            bar.inc(read - last);
            last = read;
            match doc {
                Ok(d) => {
                    ix.add(d).with_context(|| format!("{loc}"))?;
                }
                Err(e) => {
                    errors += 1;
                    bar.suspend(|| eprintln!("sorani index: {loc}: {e:#} (skipped)"));
                }
            }
            if ix.stats().read % 1000 == 0 {
                bar.set_message(format!("{} docs", ix.stats().read));
            }
            Ok(())
        })?;
        done_before += last;
        let _ = done_before;
    }
    let mut stats = ix.finish()?;
    stats.errors = errors;
    bar.finish_and_clear();
    if args.json {
        println!("{}", serde_json::to_string(&stats)?);
    }
    if !args.quiet {
        eprintln!(
            "sorani index: {} read, {} added, {} updated, {} unchanged, {} duplicates, {} errors; {} documents in {}",
            stats.read,
            stats.added,
            stats.updated,
            stats.unchanged,
            stats.duplicates,
            stats.errors,
            stats.total_docs,
            args.index.display()
        );
    }
    Ok(if errors > 0 { ExitCode::from(2) } else { ExitCode::SUCCESS })
}
