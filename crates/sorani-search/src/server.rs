//! The HTTP server: a JSON API and a right-to-left web page, both served by
//! one binary with everything embedded (no CDN, no build step).
//!
//! | route | what |
//! |---|---|
//! | `GET /` | search page |
//! | `GET /tools` | text tools page (normalization, restoration, spelling, analysis, transliteration) |
//! | `GET /api/health` | `{"status":"ok","docs":N,...}` |
//! | `GET /api/search?q=...&limit=&offset=&source=&from=&to=&fuzzy=&variants=&transliterate=` | search |
//! | `POST /api/search` | the same with a JSON body ([`SearchRequest`]) |
//! | `GET /api/doc/{id}` | one stored document |
//! | `GET /api/sources` | sources with document counts (for filters) |
//! | `POST /api/analyze` | `{"text": ..., "analyzer": "ckb_stem"}`: normalization, tokens, analysis, restoration, transliteration |
//!
//! Errors are JSON: `{"error": {"code": "...", "message": "..."}}` with a
//! matching HTTP status. Limits: request bodies, query length, result count,
//! and time per request are bounded ([`Limits`]).

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::json;

use crate::analysis;
use crate::search::{Engine, QueryError, SearchRequest, MAX_QUERY_CHARS};

/// Server limits.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Largest request body in bytes.
    pub max_body_bytes: usize,
    /// Most results per request.
    pub max_limit: usize,
    /// Largest offset (deep paging is costly).
    pub max_offset: usize,
    /// Longest text accepted by `/api/analyze`, in bytes.
    pub max_analyze_bytes: usize,
    /// Time allowed for one request.
    pub timeout: Duration,
    /// Searches and text-tool requests computed at once; the others wait
    /// their turn in arrival order (0: one per core).
    pub workers: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_body_bytes: 1 << 20,
            max_limit: 100,
            max_offset: 10_000,
            max_analyze_bytes: 100_000,
            timeout: Duration::from_secs(10),
            workers: 0,
        }
    }
}

#[derive(Clone)]
struct AppState {
    engine: Engine,
    limits: Arc<Limits>,
    label: Arc<String>,
    /// Where searches and text tools are computed.
    workers: Workers,
}

/// A fixed pool of threads computing requests in arrival order: under load
/// a request waits its turn instead of sharing the cores with every other
/// request at once (which makes each as slow as the whole queue), and the
/// threads' caches (restoration, stems) stay warm.
#[derive(Clone)]
struct Workers(Arc<rayon::ThreadPool>);

impl Workers {
    fn new(threads: usize) -> Self {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .thread_name(|i| format!("sorani-worker-{i}"))
            .build()
            .expect("cannot start the worker threads");
        Workers(Arc::new(pool))
    }

    /// Runs `work` on a worker once its turn comes; a panic becomes an
    /// internal error of this request only.
    async fn run<T: Send + 'static>(&self, work: impl FnOnce() -> T + Send + 'static) -> Result<T, ApiError> {
        let (tx, rx) = tokio::sync::oneshot::channel();
        self.0.spawn_fifo(move || {
            let _ = tx.send(std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)));
        });
        match rx.await {
            Ok(Ok(value)) => Ok(value),
            _ => Err(ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", "the request failed")),
        }
    }
}

/// An API error rendered as JSON.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    message: String,
}

impl ApiError {
    fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        ApiError { status, code, message: message.into() }
    }
    fn bad(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "bad_request", message)
    }
}

fn json_rejection(e: JsonRejection) -> ApiError {
    let status = e.status();
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::new(status, "too_large", e.body_text())
    } else {
        ApiError::new(StatusCode::BAD_REQUEST, "bad_request", e.body_text())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(json!({"error": {"code": self.code, "message": self.message}}))).into_response()
    }
}

impl From<anyhow::Error> for ApiError {
    fn from(e: anyhow::Error) -> Self {
        if let Some(q) = e.downcast_ref::<QueryError>() {
            return ApiError::new(StatusCode::BAD_REQUEST, "bad_query", q.to_string());
        }
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", format!("{e:#}"))
    }
}

/// The web page assets, embedded.
mod assets {
    pub const INDEX_HTML: &str = include_str!("../web/index.html");
    pub const TOOLS_HTML: &str = include_str!("../web/tools.html");
    pub const APP_CSS: &str = include_str!("../web/app.css");
    pub const APP_JS: &str = include_str!("../web/app.js");
    pub const TOOLS_JS: &str = include_str!("../web/tools.js");
}

/// Builds the router. `label` names the collection on the page and in `/api/health`.
pub fn router(engine: Engine, limits: Limits, label: &str) -> Router {
    let body_limit = limits.max_body_bytes;
    let workers = match limits.workers {
        0 => std::thread::available_parallelism().map_or(1, usize::from),
        n => n,
    };
    let state = AppState {
        engine,
        limits: Arc::new(limits),
        label: Arc::new(label.to_string()),
        workers: Workers::new(workers),
    };
    let asset = |ct: &'static str, body: &'static str| {
        move || async move { ([(header::CONTENT_TYPE, ct), (header::CACHE_CONTROL, "no-cache")], body) }
    };
    Router::new()
        .route("/", get(asset("text/html; charset=utf-8", assets::INDEX_HTML)))
        .route("/tools", get(asset("text/html; charset=utf-8", assets::TOOLS_HTML)))
        .route("/static/app.css", get(asset("text/css; charset=utf-8", assets::APP_CSS)))
        .route("/static/app.js", get(asset("text/javascript; charset=utf-8", assets::APP_JS)))
        .route("/static/tools.js", get(asset("text/javascript; charset=utf-8", assets::TOOLS_JS)))
        .route("/api/health", get(health))
        .route("/api/search", get(search_get).post(search_post))
        .route("/api/doc/{id}", get(doc))
        .route("/api/sources", get(sources))
        .route("/api/analyze", post(analyze))
        .route("/api/spell", post(spell))
        .fallback(|| async { ApiError::new(StatusCode::NOT_FOUND, "not_found", "no such route; see /api/health") })
        .layer(DefaultBodyLimit::max(body_limit))
        .with_state(state)
}

async fn health(State(st): State<AppState>) -> Json<serde_json::Value> {
    Json(json!({
        "status": "ok",
        "docs": st.engine.num_docs(),
        "collection": st.label.as_str(),
        "version": env!("CARGO_PKG_VERSION"),
    }))
}

#[derive(Debug, Deserialize)]
struct SearchParams {
    q: Option<String>,
    limit: Option<usize>,
    offset: Option<usize>,
    source: Option<String>,
    from: Option<String>,
    to: Option<String>,
    fuzzy: Option<crate::search::Fuzzy>,
    variants: Option<bool>,
    transliterate: Option<bool>,
}

async fn search_get(
    State(st): State<AppState>,
    params: Result<Query<SearchParams>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(p) = params.map_err(|e| ApiError::bad(e.body_text()))?;
    let d = SearchRequest::default();
    let req = SearchRequest {
        q: p.q.unwrap_or_default(),
        limit: p.limit.unwrap_or(d.limit),
        offset: p.offset.unwrap_or(0),
        source: p.source,
        from: p.from,
        to: p.to,
        fuzzy: p.fuzzy.unwrap_or_default(),
        variants: p.variants.unwrap_or(true),
        transliterate: p.transliterate.unwrap_or(true),
        snippet_chars: d.snippet_chars,
    };
    run_search(st, req).await
}

async fn search_post(
    State(st): State<AppState>,
    body: Result<Json<SearchRequest>, JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(req) = body.map_err(json_rejection)?;
    run_search(st, req).await
}

async fn run_search(st: AppState, req: SearchRequest) -> Result<Response, ApiError> {
    let l = &st.limits;
    if req.q.chars().count() > MAX_QUERY_CHARS {
        return Err(ApiError::bad(format!("`q` is longer than {MAX_QUERY_CHARS} characters")));
    }
    if req.limit == 0 || req.limit > l.max_limit {
        return Err(ApiError::bad(format!("`limit` must be between 1 and {}", l.max_limit)));
    }
    if req.offset > l.max_offset {
        return Err(ApiError::bad(format!("`offset` must be at most {}", l.max_offset)));
    }
    let engine = st.engine.clone();
    let timeout = l.timeout;
    // a query with misspelt words is searched again corrected ("did you mean")
    let answer = move || {
        let mut found = engine.search(&req)?;
        found.did_you_mean = crate::suggest::did_you_mean(&engine, &req, &found);
        anyhow::Ok(found)
    };
    match tokio::time::timeout(timeout, st.workers.run(answer)).await {
        Err(_) => Err(ApiError::new(
            StatusCode::GATEWAY_TIMEOUT,
            "timeout",
            format!("the search took longer than {timeout:?}"),
        )),
        Ok(r) => Ok(Json(r??).into_response()),
    }
}

async fn doc(State(st): State<AppState>, Path(id): Path<String>) -> Result<Response, ApiError> {
    let engine = st.engine.clone();
    let id2 = id.clone();
    let found = st.workers.run(move || engine.get(&id2)).await??;
    match found {
        Some(d) => Ok(Json(d).into_response()),
        None => Err(ApiError::new(StatusCode::NOT_FOUND, "not_found", format!("no document with id {id:?}"))),
    }
}

async fn sources(State(st): State<AppState>) -> Result<Json<serde_json::Value>, ApiError> {
    let engine = st.engine.clone();
    let list = st.workers.run(move || source_counts(&engine)).await??;
    Ok(Json(json!({ "sources": list })))
}

/// Sources and their document counts (deleted documents not yet merged away may be counted).
pub fn source_counts(engine: &Engine) -> anyhow::Result<Vec<serde_json::Value>> {
    use std::collections::BTreeMap;
    use tantivy::termdict::TermStreamer;
    let searcher = engine.searcher();
    let field = engine.fields().source;
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    for seg in searcher.segment_readers() {
        let inv = seg.inverted_index(field)?;
        let mut stream: TermStreamer = inv.terms().stream()?;
        while stream.advance() {
            let k = String::from_utf8_lossy(stream.key()).into_owned();
            *counts.entry(k).or_default() += u64::from(stream.value().doc_freq);
        }
    }
    Ok(counts.into_iter().map(|(k, v)| json!({"source": k, "docs": v})).collect())
}

#[derive(Debug, Deserialize)]
struct AnalyzeRequest {
    text: String,
    #[serde(default)]
    analyzer: Option<String>,
}

async fn analyze(
    State(st): State<AppState>,
    body: Result<Json<AnalyzeRequest>, JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(req) = body.map_err(json_rejection)?;
    text_within_limits(&req.text, &st.limits)?;
    let name = req.analyzer.unwrap_or_else(|| analysis::CKB_STEM.to_string());
    let out = st.workers.run(move || analyze_text(&req.text, &name)).await?;
    Ok(Json(out?).into_response())
}

/// The text tools take at most `max_analyze_bytes` of text.
fn text_within_limits(text: &str, limits: &Limits) -> Result<(), ApiError> {
    if text.len() > limits.max_analyze_bytes {
        return Err(ApiError::bad(format!("`text` is longer than {} bytes", limits.max_analyze_bytes)));
    }
    Ok(())
}

#[derive(Debug, Deserialize)]
struct SpellRequest {
    text: String,
    /// Also say which findings `sorani spell --fix` would correct, and the text so corrected.
    #[serde(default)]
    fix: bool,
}

/// `POST /api/spell {"text": …, "fix": false}` → `{"findings": [{start, end
/// (byte offsets), word, severity, kind, suggestions: [{word, score}]}],
/// "convention": …}`; with `fix`, each finding also has `applied` and
/// `reason`, and `fixed` is the text with the confident corrections made.
/// Lines typed on a legacy, Arabic or Persian keyboard or in a legacy font
/// are judged as restored, as `sorani spell` judges them: findings stay on
/// the words as typed, a word whose only fault is how it was typed has
/// `kind` `typing`, and `fixed` has such lines restored. `convention` is how
/// the whole text was typed (`sorani detect`'s name).
async fn spell(
    State(st): State<AppState>,
    body: Result<Json<SpellRequest>, JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(req) = body.map_err(json_rejection)?;
    text_within_limits(&req.text, &st.limits)?;
    let out = st.workers.run(move || spell_text(&req.text, req.fix)).await?;
    Ok(Json(out).into_response())
}

/// The spelling findings of `text` as the HTTP API gives them.
pub fn spell_text(text: &str, fix: bool) -> serde_json::Value {
    let speller = sorani::spell::Speller::embedded();
    let restorer = sorani::restore::Restorer::new();
    let finding = |f: &sorani::spell::Finding| {
        let suggestions: Vec<serde_json::Value> =
            f.suggestions.iter().map(|s| json!({"word": s.word, "score": s.score})).collect();
        json!({"start": f.start, "end": f.end, "word": f.word, "severity": f.severity.as_str(),
               "kind": f.kind.as_str(), "suggestions": suggestions})
    };
    let convention = sorani::restore::detect(text).convention.name();
    if !fix {
        let findings: Vec<serde_json::Value> = speller.check_as_restored(text, &restorer).iter().map(finding).collect();
        return json!({ "findings": findings, "convention": convention });
    }
    let corrections = speller.fix_explained_as_restored(text, &restorer);
    let findings: Vec<serde_json::Value> = corrections
        .iter()
        .map(|c| {
            let mut v = finding(&c.finding);
            v["applied"] = json!(c.applied);
            v["reason"] = json!(c.reason);
            v
        })
        .collect();
    json!({ "findings": findings, "fixed": speller.apply(text, &corrections), "convention": convention })
}

/// Everything the text tools page shows for `text`: the core's
/// normalization, tokens, restoration and transliteration (each `null` when
/// the core does not offer it), and the tokens of the analyzer `name`.
pub fn analyze_text(text: &str, name: &str) -> Result<serde_json::Value, ApiError> {
    let terms = analysis::analyze(name, text).ok_or_else(|| {
        ApiError::bad(format!(
            "unknown analyzer {name:?} (one of {}, {}, {}, {}, {})",
            analysis::CKB,
            analysis::CKB_STEM,
            analysis::CKB_KEY,
            analysis::BASELINE_DEFAULT,
            analysis::BASELINE_LUCENE
        ))
    })?;
    let tokens: Vec<serde_json::Value> = sorani::tokenize::tokenize(text)
        .map(|t| json!({"text": t.text, "kind": t.kind, "start": t.start, "end": t.end}))
        .collect();
    Ok(json!({
        "normalized": sorani::normalize(text),
        "search_normalized": core::search_normalized(text),
        "restored": core::restore(text),
        "translit": core::translit(text),
        "tokens": tokens,
        "analyzer": name,
        "terms": terms,
    }))
}

/// Calls into the core that depend on what it offers.
mod core {
    use crate::analysis;

    /// The text with every word folded as the search analyzer folds it
    /// (normalization only; gaps kept).
    pub fn search_normalized(text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut pos = 0;
        for (s, e) in analysis::words(text) {
            out.push_str(&text[pos..s]);
            out.push_str(&analysis::normalize_word(&text[s..e]));
            pos = e;
        }
        out.push_str(&text[pos..]);
        out
    }

    static RESTORER: std::sync::LazyLock<sorani::restore::Restorer> =
        std::sync::LazyLock::new(sorani::restore::Restorer::new);

    /// Restoration of legacy/Arabic/Persian-keyboard text and legacy fonts
    /// (the core restorer, detection per text).
    pub fn restore(text: &str) -> Option<String> {
        Some(RESTORER.restore(text).into_owned())
    }

    /// Transliteration to Kurdish Latin (the core transliterator) of the
    /// text restored, as `sorani translit` reads it: legacy-typed ە read as
    /// ه would be /h/.
    pub fn translit(text: &str) -> Option<String> {
        Some(sorani::translit::to_latin(&RESTORER.restore(text)))
    }
}

/// Serves `router` on `addr` until Ctrl-C or SIGTERM, then finishes the
/// requests in flight. `on_ready` receives the bound address (port 0 picks one).
pub async fn serve(router: Router, addr: SocketAddr, on_ready: impl FnOnce(SocketAddr)) -> anyhow::Result<()> {
    serve_until(router, addr, on_ready, shutdown_signal()).await
}

/// Like [`serve`], stopping gracefully when `shutdown` completes.
pub async fn serve_until(
    router: Router,
    addr: SocketAddr,
    on_ready: impl FnOnce(SocketAddr),
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let listener =
        tokio::net::TcpListener::bind(addr).await.map_err(|e| anyhow::anyhow!("cannot listen on {addr}: {e}"))?;
    on_ready(listener.local_addr()?);
    axum::serve(listener, router).with_graceful_shutdown(shutdown).await?;
    Ok(())
}

/// Completes on Ctrl-C or SIGTERM. The handlers are installed when this is
/// called, not when the future is first polled: a signal that arrives once
/// the address is announced must stop the server, not kill the process.
fn shutdown_signal() -> impl std::future::Future<Output = ()> + Send + 'static {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let interrupt = signal(SignalKind::interrupt()).ok();
        let terminate = signal(SignalKind::terminate()).ok();
        async move {
            let wait = |s: Option<tokio::signal::unix::Signal>| async move {
                match s {
                    Some(mut s) => {
                        s.recv().await;
                    }
                    None => std::future::pending::<()>().await,
                }
            };
            tokio::select! {
                _ = wait(interrupt) => {},
                _ = wait(terminate) => {},
            }
        }
    }
    #[cfg(not(unix))]
    async {
        let _ = tokio::signal::ctrl_c().await;
    }
}
