//! `sorani export`: pre-analyzed OpenSearch/Elasticsearch bulk NDJSON.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use sorani_search::export::{self, Exporter};

/// Arguments of `sorani export`.
///
/// Writes bulk NDJSON (an action line and a source line per document) whose
/// `title_terms`, `body_terms` and `keys` fields hold the Sorani analyzer's
/// output joined by spaces, for an OpenSearch/Elasticsearch index created with
/// `--mapping` (whitespace analyzer on those fields). Documents come from an
/// index (`--index`) or straight from inputs (files, folders, JSONL, `-`), so
/// a collection too large for one machine can be analyzed in parallel shards.
/// See docs/search.md.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  sorani export --mapping > mapping.json\n  sorani export --index news.idx -o bulk.ndjson\n  sorani export --query 'وڵاتەکەیان'\n  curl -XPUT localhost:9200/sorani -H 'content-type: application/json' -d @mapping.json\n  curl -XPOST localhost:9200/_bulk -H 'content-type: application/x-ndjson' --data-binary @bulk.ndjson"
)]
pub struct Args {
    /// Export the documents of this index.
    #[arg(long, value_name = "DIR", conflicts_with = "inputs")]
    index: Option<PathBuf>,

    /// Files, folders or `-` (JSONL) to export without building an index.
    #[arg(value_name = "INPUT")]
    inputs: Vec<PathBuf>,

    /// Name of the target index in the bulk actions.
    #[arg(long, default_value = "sorani")]
    index_name: String,

    /// Print the index settings and mapping (JSON) instead of documents.
    #[arg(long)]
    mapping: bool,

    /// Print the search request body for QUERY, analyzed like the documents.
    #[arg(long, value_name = "QUERY")]
    query: Option<String>,

    /// Write to FILE instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
}

/// Runs `sorani export`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut out: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let mut ex = Exporter::new(&args.index_name);
    if args.mapping {
        serde_json::to_writer_pretty(&mut out, &export::mapping())?;
        out.write_all(b"\n")?;
    } else if let Some(q) = &args.query {
        serde_json::to_writer(&mut out, &export::query_body(&mut ex, q))?;
        out.write_all(b"\n")?;
    } else if let Some(dir) = &args.index {
        let engine = sorani_search::Engine::open(dir)?;
        engine.for_each_doc(|d| Ok(ex.write_doc(&d.into(), &mut out)?))?;
    } else {
        if args.inputs.is_empty() {
            anyhow::bail!("give --index DIR, INPUT files, --mapping or --query (see --help)");
        }
        let files = sorani_search::indexer::expand_inputs(&args.inputs)?;
        let mut errors = 0u64;
        for f in &files {
            sorani_search::indexer::read_file(f, false, &mut |doc, loc, _| {
                match doc {
                    Ok(d) => ex.write_doc(&d, &mut out)?,
                    Err(e) => {
                        errors += 1;
                        eprintln!("sorani export: {loc}: {e:#} (skipped)");
                    }
                }
                Ok(())
            })?;
        }
        out.flush()?;
        if errors > 0 {
            return Ok(ExitCode::from(2));
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
