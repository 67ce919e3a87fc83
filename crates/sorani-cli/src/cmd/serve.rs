//! `sorani serve`: the HTTP JSON API and the right-to-left search page.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use sorani_search::server::{self, Limits};
use sorani_search::Engine;

/// Arguments of `sorani serve`.
///
/// Without `--index`, the sample collection that ships in the binary is
/// indexed into a temporary folder (removed on exit) and served, so
/// `sorani serve` alone opens a working search page.
///
/// API: GET /api/search?q=..., POST /api/search, GET /api/doc/{id},
/// GET /api/sources, POST /api/analyze, GET /api/health (see docs/search.md).
/// Stop with Ctrl-C or SIGTERM: requests in flight are finished first.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  sorani serve                      # the sample collection on http://127.0.0.1:8080\n  sorani serve --index news.idx --addr 0.0.0.0:9000"
)]
pub struct Args {
    /// Index folder (made by `sorani index`); default: the embedded sample collection.
    #[arg(long, value_name = "DIR")]
    index: Option<PathBuf>,

    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,

    /// Most results per request.
    #[arg(long, default_value_t = 100)]
    max_results: usize,

    /// Largest request body in bytes.
    #[arg(long, default_value_t = 1 << 20)]
    max_body: usize,

    /// Time allowed per request, in milliseconds.
    #[arg(long, default_value_t = 10_000)]
    timeout_ms: u64,

    /// Threads handling connections and requests' input and output (the
    /// computing is done by `--workers`; 0: one per core).
    #[arg(long, default_value_t = 0)]
    threads: usize,

    /// Searches and text-tool requests computed at once; the others wait
    /// their turn in arrival order, which keeps the slowest answers close
    /// to the typical one under load (0: one per core).
    #[arg(long, default_value_t = 0, value_name = "N")]
    workers: usize,
}

/// Runs `sorani serve`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let _tmp;
    let (engine, label) = match &args.index {
        Some(dir) => (Engine::open(dir)?, dir.display().to_string()),
        None => {
            let tmp = tempfile::Builder::new().prefix("sorani-sample-").tempdir()?;
            let stats = sorani_search::sample::build_index(tmp.path())?;
            eprintln!(
                "sorani serve: indexed the sample collection ({} documents) into {}",
                stats.total_docs,
                tmp.path().display()
            );
            let e = Engine::open(tmp.path())?;
            _tmp = tmp;
            (e, "نموونە (sample collection)".to_string())
        }
    };
    let limits = Limits {
        max_body_bytes: args.max_body,
        max_limit: args.max_results.max(1),
        timeout: Duration::from_millis(args.timeout_ms.max(1)),
        workers: args.workers,
        ..Limits::default()
    };
    let mut rt = tokio::runtime::Builder::new_multi_thread();
    rt.enable_all();
    if args.threads > 0 {
        rt.worker_threads(args.threads);
    }
    let rt = rt.build()?;
    let router = server::router(engine, limits, &label);
    rt.block_on(server::serve(router, args.addr, |addr| {
        eprintln!("sorani serve: listening on http://{addr}/ (Ctrl-C to stop)");
    }))?;
    eprintln!("sorani serve: stopped");
    Ok(ExitCode::SUCCESS)
}
