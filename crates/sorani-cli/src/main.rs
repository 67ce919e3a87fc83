//! `sorani`: Central Kurdish (Sorani) text tools over files and standard input.
//!
//! Every subcommand lives in its own module under `cmd/`; the shared line
//! streaming (files or `-`, `-o`, `--in-place`, `--lossy`, parallel ordered
//! chunks, progress) lives in `lines.rs`.

mod cmd;
mod lines;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

// Indexing and serving allocate many small strings from several threads:
// mimalloc's per-thread heaps do that at a fraction of glibc's cost.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Central Kurdish (Sorani) text toolkit.
///
/// Reads UTF-8 text from FILEs or standard input (`-` or no FILE) and writes to
/// standard output. Line-oriented subcommands write exactly one output line per
/// input line, so their output can be pasted beside the input.
///
/// Exit status: 0 success, 1 findings (spell) or nothing found (search),
/// 2 error (bad arguments, unreadable or invalid input).
#[derive(Debug, Parser)]
#[command(name = "sorani", version, about, long_about, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Bring text to standard Unicode Sorani (one output line per input line).
    Normalize(cmd::normalize::Args),
    /// Cut text into tokens (one output line per input line, or JSONL).
    Tokenize(cmd::tokenize::Args),
    /// Split text into sentences (one sentence per output line).
    Sentences(cmd::sentences::Args),
    /// Tell how text was typed: standard, legacy keyboard, Arabic or Persian keyboard, legacy font.
    Detect(cmd::detect::Args),
    /// Transliterate between Arabic script and Kurdish Latin, or to IPA or syllables.
    Translit(cmd::translit::Args),
    /// Morphological analysis of every word (JSONL).
    Analyze(cmd::analyze::Args),
    /// Replace every word by its lemma (one output line per input line).
    Lemma(cmd::lemma::Args),
    /// Replace every word by its light stem for search (one output line per input line).
    Stem(cmd::stem::Args),
    /// Check spelling: findings as JSONL, or fix, or suggest.
    Spell(cmd::spell::Args),
    /// Read numbers, dates, times and symbols out as Sorani words.
    Verbalize(cmd::verbalize::Args),
    /// Convert numbers between digits and Sorani words.
    Numbers(cmd::numbers::Args),
    /// Identify the language and script of each line.
    Lid(cmd::lid::Args),
    /// Build or update a search index from text files, folders and JSONL.
    Index(cmd::index::Args),
    /// Search an index (text or JSONL results with highlighted snippets).
    Search(cmd::search::Args),
    /// Serve the search API and the right-to-left web page (the sample collection without --index).
    Serve(cmd::serve::Args),
    /// Export pre-analyzed documents as OpenSearch/Elasticsearch bulk NDJSON.
    Export(cmd::export::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Normalize(args) => cmd::normalize::run(args),
        Command::Tokenize(args) => cmd::tokenize::run(args),
        Command::Sentences(args) => cmd::sentences::run(args),
        Command::Detect(args) => cmd::detect::run(args),
        Command::Translit(args) => cmd::translit::run(args),
        Command::Analyze(args) => cmd::analyze::run(args),
        Command::Lemma(args) => cmd::lemma::run(args),
        Command::Stem(args) => cmd::stem::run(args),
        Command::Spell(args) => cmd::spell::run(args),
        Command::Verbalize(args) => cmd::verbalize::run(args),
        Command::Numbers(args) => cmd::numbers::run(args),
        Command::Lid(args) => cmd::lid::run(args),
        Command::Index(args) => cmd::index::run(args),
        Command::Search(args) => cmd::search::run(args),
        Command::Serve(args) => cmd::serve::run(args),
        Command::Export(args) => cmd::export::run(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => lines::report_error(&err),
    }
}
