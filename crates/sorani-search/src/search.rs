//! Querying: the query language, spelling tolerance, ranking and snippets.
//!
//! Query syntax (tantivy's grammar, interpreted for Sorani):
//! - words: `وڵات سەرۆک` (any may match; documents matching more rank higher)
//! - `+word` must match, `-word` or `NOT word` must not; `a AND b`, `a OR b`, parentheses
//! - `"a phrase"` (words in order; `"a phrase"~2` allows slop)
//! - field filters: `title:word`, `body:word`, `source:name`, `id:x`, `fields.author:name`
//! - dates: `date:2024`, `date:2024-03`, `date:[2020-01-01 TO 2021-12-31]`, `date:>=2023`
//! - `word^2` boosts
//!
//! Every word is analyzed with `ckb_stem` (normalize, restore, stem) and also
//! matched, at a lower weight, through the indexed terms that share its
//! phonetic key ([`crate::keys`]), so keyboard and spelling variants of names
//! still match (words already in [`COMMON_DOC_FREQ`] documents or more go
//! without). Rare words (in
//! fewer than [`RARE_DOC_FREQ`] documents) also match words with the same
//! first letter within edit distance 1 of the rest (2 for long words; see
//! [`crate::fuzzy`]) unless fuzzy matching is turned off.
//!
//! A word or phrase typed in Latin letters also matches its Arabic-script
//! spelling ([`arabic_spelling`]): `kurdistan`, `hewlêr` or `hewler` find
//! documents that write کوردستان and هەولێر.

use std::borrow::Cow;
use std::collections::HashSet;
use std::ops::Bound;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use anyhow::Context;
use serde::{Deserialize, Serialize};
use tantivy::collector::TopDocs;
use tantivy::query::EnableScoring;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, EmptyQuery, Occur, PhraseQuery, Query, RangeQuery, TermQuery,
};
use tantivy::query_grammar::{self, Delimiter, UserInputAst, UserInputBound, UserInputLeaf};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DocAddress, DocSet, Index, IndexReader, ReloadPolicy, Searcher, TantivyDocument, Term, TERMINATED};

use sorani::translit::{ArabicOptions, PlainLatin, Transliterator};

use crate::analysis::{self, AnalyzerOptions};
use crate::fuzzy::FirstLetterFuzzyQuery;
use crate::keys::KeyMap;
use crate::schema::{self, Fields};

/// A word is "rare" (fuzzy matching on by default) below this document frequency.
pub const RARE_DOC_FREQ: u64 = 3;
/// A word in at least this many documents is matched without its
/// phonetic key.
pub const COMMON_DOC_FREQ: u64 = 1000;
/// Longest accepted query, in characters.
pub const MAX_QUERY_CHARS: usize = 1000;
/// Matches are counted exactly up to this many (or up to the page asked
/// for, when further); beyond it the total is a lower bound. Counting every
/// match of a common word would visit a large share of the collection on
/// every query, when the ranking itself skips most of it.
pub const EXACT_TOTAL_UP_TO: usize = 1_000;

/// Largest [`SearchRequest::offset`]: ranking keeps `offset + limit`
/// results in memory, so deeper pages are refused rather than allocated.
pub const MAX_OFFSET: usize = 1_000_000;

/// When to add edit-distance matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Fuzzy {
    /// Only for rare words (the default).
    #[default]
    Auto,
    /// For every word of 4 letters or more.
    Always,
    /// Never (exact analyzed terms and phonetic keys only).
    Off,
}

/// A search request.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchRequest {
    /// The query.
    pub q: String,
    /// Results to return.
    pub limit: usize,
    /// Results to skip (paging).
    pub offset: usize,
    /// Keep only documents from this source.
    pub source: Option<String>,
    /// Keep only documents dated on or after this date.
    pub from: Option<String>,
    /// Keep only documents dated on or before this date.
    pub to: Option<String>,
    /// Edit-distance matching.
    pub fuzzy: Fuzzy,
    /// Match through phonetic keys (spelling variants).
    pub variants: bool,
    /// Match words typed in Latin letters in Arabic script too.
    pub transliterate: bool,
    /// Snippet length in characters.
    pub snippet_chars: usize,
}

impl Default for SearchRequest {
    fn default() -> Self {
        SearchRequest {
            q: String::new(),
            limit: 10,
            offset: 0,
            source: None,
            from: None,
            to: None,
            fuzzy: Fuzzy::Auto,
            variants: true,
            transliterate: true,
            snippet_chars: 240,
        }
    }
}

/// One result.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// Document id.
    pub id: String,
    /// BM25 score.
    pub score: f32,
    /// Title as stored.
    pub title: String,
    /// Title as HTML with matches in `<mark>`.
    pub title_html: String,
    /// Best passage of the body as HTML (escaped) with matches in `<mark>`.
    pub snippet_html: String,
    /// Date (`YYYY-MM-DD`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Other fields.
    #[serde(skip_serializing_if = "serde_json::Map::is_empty")]
    pub fields: serde_json::Map<String, serde_json::Value>,
}

/// The answer to a [`SearchRequest`].
#[derive(Debug, Clone, Serialize)]
pub struct SearchResponse {
    /// The query as received.
    pub query: String,
    /// Matching documents in total: exact when `total_exact`, otherwise
    /// a lower bound (at least [`EXACT_TOTAL_UP_TO`]).
    pub total: usize,
    /// Whether `total` is the exact count.
    pub total_exact: bool,
    /// Results returned (after `offset`).
    pub hits: Vec<Hit>,
    /// The analyzed terms of the query (what was looked up).
    pub terms: Vec<String>,
    /// Time taken in milliseconds.
    pub took_ms: f64,
    /// The query corrected, when its misspelt words corrected find
    /// documents, at least as many ([`crate::suggest::did_you_mean`]; left out by
    /// [`Engine::search`] itself, set by the server and the CLI).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub did_you_mean: Option<crate::suggest::DidYouMean>,
}

/// A stored document, as returned by [`Engine::get`].
#[derive(Debug, Clone, Serialize)]
pub struct StoredDoc {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Body.
    pub body: String,
    /// Date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Other fields.
    #[serde(skip_serializing_if = "serde_json::Map::is_empty")]
    pub fields: serde_json::Map<String, serde_json::Value>,
}

impl From<StoredDoc> for crate::schema::Doc {
    fn from(d: StoredDoc) -> Self {
        crate::schema::Doc { id: d.id, title: d.title, body: d.body, date: d.date, source: d.source, fields: d.fields }
    }
}

/// Errors of the query language.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    /// The query could not be parsed.
    #[error("cannot parse the query: {0}")]
    Syntax(String),
    /// The query is too long.
    #[error("the query is longer than {MAX_QUERY_CHARS} characters")]
    TooLong,
    /// A field that does not exist.
    #[error("unknown field `{0}` (fields: title, body, source, id, date, fields.NAME)")]
    UnknownField(String),
    /// A bad date.
    #[error("bad date `{0}`: expected YYYY, YYYY-MM or YYYY-MM-DD, a year from 1678 to 2261")]
    BadDate(String),
    /// Something the engine does not support.
    #[error("unsupported query: {0}")]
    Unsupported(String),
    /// A page beyond [`MAX_OFFSET`].
    #[error("offset {0} is larger than {MAX_OFFSET}")]
    OffsetTooLarge(usize),
}

/// A searchable index (cheap to share across threads).
#[derive(Clone)]
pub struct Engine {
    index: Index,
    fields: Fields,
    reader: IndexReader,
    keys: Arc<RwLock<LoadedKeys>>,
}

/// The key list as read for one generation of searchers.
#[derive(Default)]
struct LoadedKeys {
    generation: Option<u64>,
    map: Arc<KeyMap>,
}

/// Terms collected while building a query, for highlighting.
#[derive(Default)]
struct Highlight {
    terms: HashSet<String>,
    keys: HashSet<String>,
    order: Vec<String>,
}

impl Engine {
    /// Opens the index in `dir`.
    pub fn open(dir: &std::path::Path) -> anyhow::Result<Engine> {
        let (index, fields) = schema::open(dir)?;
        Self::new(index, fields)
    }

    /// Wraps an opened index.
    pub fn new(index: Index, fields: Fields) -> anyhow::Result<Engine> {
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()
            .context("cannot open an index reader")?;
        Ok(Engine { index, fields, reader, keys: Arc::default() })
    }

    /// The key list that goes with `searcher`: read again after a commit
    /// (it is written before the commit, so it lists every committed term).
    fn keys_for(&self, searcher: &Searcher) -> anyhow::Result<Arc<KeyMap>> {
        let generation = searcher.generation().generation_id();
        {
            let loaded = self.keys.read().unwrap_or_else(|e| e.into_inner());
            if loaded.generation == Some(generation) {
                return Ok(loaded.map.clone());
            }
        }
        let map = Arc::new(KeyMap::load(self.index.directory())?);
        let mut loaded = self.keys.write().unwrap_or_else(|e| e.into_inner());
        *loaded = LoadedKeys { generation: Some(generation), map: map.clone() };
        Ok(map)
    }

    /// The index.
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// The fields.
    pub fn fields(&self) -> Fields {
        self.fields
    }

    /// Picks up the latest commit now.
    pub fn reload(&self) -> anyhow::Result<()> {
        self.reader.reload()?;
        Ok(())
    }

    /// A searcher on the latest loaded commit.
    pub fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    /// Number of documents.
    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Runs a search.
    pub fn search(&self, req: &SearchRequest) -> anyhow::Result<SearchResponse> {
        let started = Instant::now();
        if req.q.chars().count() > MAX_QUERY_CHARS {
            return Err(QueryError::TooLong.into());
        }
        if req.offset > MAX_OFFSET {
            return Err(QueryError::OffsetTooLarge(req.offset).into());
        }
        let searcher = self.reader.searcher();
        let mut hl = Highlight::default();
        let mut query = self.build_query(&searcher, &req.q, req, &mut hl)?;
        let mut filters: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if let Some(s) = req.source.as_deref().filter(|s| !s.is_empty()) {
            filters.push((
                Occur::Must,
                Box::new(TermQuery::new(Term::from_field_text(self.fields.source, s), IndexRecordOption::Basic)),
            ));
        }
        if req.from.as_deref().is_some_and(|s| !s.is_empty()) || req.to.as_deref().is_some_and(|s| !s.is_empty()) {
            let lower = match req.from.as_deref().filter(|s| !s.is_empty()) {
                Some(d) => Bound::Included(self.date_term(d, false)?),
                None => Bound::Unbounded,
            };
            let upper = match req.to.as_deref().filter(|s| !s.is_empty()) {
                Some(d) => Bound::Excluded(self.date_term(d, true)?),
                None => Bound::Unbounded,
            };
            filters.push((Occur::Must, Box::new(RangeQuery::new(lower, upper))));
        }
        if !filters.is_empty() {
            filters.insert(0, (Occur::Must, query));
            query = Box::new(BooleanQuery::new(filters));
        }
        let limit = req.limit.clamp(1, 1000);
        // Ranking alone lets tantivy skip blocks that cannot reach the top
        // (block-max WAND); a count collector beside it would score every match.
        let top = searcher.search(&query, &TopDocs::with_limit(limit).and_offset(req.offset).order_by_score())?;
        let (total, total_exact) =
            count_up_to(&searcher, query.as_ref(), EXACT_TOTAL_UP_TO.max(req.offset.saturating_add(limit)))?;
        let mut hits = Vec::with_capacity(top.len());
        for (score, addr) in top {
            let doc = self.load(&searcher, addr)?;
            let title_html = highlight_all(&doc.title, &hl);
            let snippet_html = snippet(&doc.body, &hl, req.snippet_chars.clamp(40, 2000));
            hits.push(Hit {
                id: doc.id,
                score,
                title: doc.title,
                title_html,
                snippet_html,
                date: doc.date,
                source: doc.source,
                fields: doc.fields,
            });
        }
        Ok(SearchResponse {
            query: req.q.clone(),
            total,
            hits,
            total_exact,
            terms: hl.order,
            took_ms: started.elapsed().as_secs_f64() * 1000.0,
            did_you_mean: None,
        })
    }

    /// Fetches a document by id.
    pub fn get(&self, id: &str) -> anyhow::Result<Option<StoredDoc>> {
        let searcher = self.reader.searcher();
        let q = TermQuery::new(Term::from_field_text(self.fields.id, id), IndexRecordOption::Basic);
        let top = searcher.search(&q, &TopDocs::with_limit(1).order_by_score())?;
        match top.first() {
            Some((_, addr)) => Ok(Some(self.load(&searcher, *addr)?)),
            None => Ok(None),
        }
    }

    fn load(&self, searcher: &Searcher, addr: DocAddress) -> anyhow::Result<StoredDoc> {
        let doc: TantivyDocument = searcher.doc(addr)?;
        let f = self.fields;
        let text = |field: Field| doc.get_first(field).and_then(|v| v.as_str().map(str::to_string));
        let fields = match doc.get_first(f.fields) {
            Some(v) => {
                let owned = tantivy::schema::OwnedValue::from(v);
                match serde_json::to_value(&owned)? {
                    serde_json::Value::Object(m) => m,
                    _ => serde_json::Map::new(),
                }
            }
            None => serde_json::Map::new(),
        };
        Ok(StoredDoc {
            id: text(f.id).unwrap_or_default(),
            title: text(f.title).unwrap_or_default(),
            body: text(f.body).unwrap_or_default(),
            date: doc.get_first(f.date).and_then(|v| v.as_datetime()).map(schema::format_date),
            source: text(f.source),
            fields,
        })
    }

    /// Iterates over all live documents (export).
    pub fn for_each_doc(&self, mut f: impl FnMut(StoredDoc) -> anyhow::Result<()>) -> anyhow::Result<()> {
        let searcher = self.reader.searcher();
        for (ord, segment) in searcher.segment_readers().iter().enumerate() {
            for doc_id in segment.doc_ids_alive() {
                f(self.load(&searcher, DocAddress::new(ord as u32, doc_id))?)?;
            }
        }
        Ok(())
    }

    fn date_term(&self, s: &str, end: bool) -> anyhow::Result<Term> {
        let (lo, hi) = date_span(s).ok_or_else(|| QueryError::BadDate(s.to_string()))?;
        Ok(Term::from_field_date_for_search(self.fields.date, if end { hi } else { lo }))
    }

    /// Parses and builds the query (public for tests and the CLI's `--explain`).
    fn build_query(
        &self,
        searcher: &Searcher,
        q: &str,
        req: &SearchRequest,
        hl: &mut Highlight,
    ) -> anyhow::Result<Box<dyn Query>> {
        if q.trim().is_empty() || q.trim() == "*" {
            return Ok(Box::new(AllQuery));
        }
        // `واتە: ئێران` pasted from prose is not a field filter (no field has
        // a name outside ASCII), nor `15:00`, nor a stray `[` a range.
        let q = &prose_syntax_to_spaces(q);
        let ast = query_grammar::parse_query(q).map_err(|_| {
            // fall back on a lenient parse so that stray quotes or colons in
            // pasted text do not make the search fail
            QueryError::Syntax(q.to_string())
        });
        let ast = match ast {
            Ok(a) => a,
            Err(_) => query_grammar::parse_query_lenient(q).0,
        };
        // analyze the query as the fields were analyzed (the evaluation
        // builds indexes with baseline analyzers)
        let stem = self.index.tokenizer_for_field(self.fields.body)?;
        let key = analysis::build_analyzer(AnalyzerOptions::CKB_KEY);
        let keys = self.keys_for(searcher)?;
        let mut b = Builder { engine: self, searcher, req, hl, stem, key, keys };
        Ok(b.ast(&ast)?.unwrap_or_else(|| Box::new(EmptyQuery)))
    }
}

/// Adds `q` to `clauses` under `occur`, spreading a disjunction into a
/// disjunction: the matches and the summed scores are the same, and a
/// single level of boosted terms is what tantivy ranks with block-max WAND.
fn push_clause(clauses: &mut Vec<(Occur, Box<dyn Query>)>, occur: Occur, q: Box<dyn Query>) {
    if occur == Occur::Should {
        if let Some(inner) = q.downcast_ref::<BooleanQuery>() {
            if !inner.clauses().is_empty() && inner.clauses().iter().all(|(o, _)| *o == Occur::Should) {
                for (o, sub) in inner.clauses() {
                    push_clause(clauses, *o, sub.box_clone());
                }
                return;
            }
        }
    }
    clauses.push((occur, q));
}

/// The number of documents `query` matches, counted up to `cap`, and
/// whether that count is exact (below the cap).
fn count_up_to(searcher: &Searcher, query: &dyn Query, cap: usize) -> tantivy::Result<(usize, bool)> {
    if query.is::<AllQuery>() {
        return Ok((searcher.num_docs() as usize, true));
    }
    let weight = query.weight(EnableScoring::disabled_from_searcher(searcher))?;
    let mut total = 0;
    for reader in searcher.segment_readers() {
        let mut scorer = weight.scorer(reader, 1.0)?;
        let alive = reader.alive_bitset();
        let mut doc = scorer.doc();
        while doc != TERMINATED {
            if alive.is_none_or(|a| a.is_alive(doc)) {
                if total == cap {
                    return Ok((total, false));
                }
                total += 1;
            }
            doc = scorer.advance();
        }
    }
    Ok((total, true))
}

/// The first and one-past-last instants of a date given as YYYY, YYYY-MM or YYYY-MM-DD.
fn date_span(s: &str) -> Option<(tantivy::DateTime, tantivy::DateTime)> {
    let lo = schema::parse_date(s).ok()?;
    let parts = s.trim().split(['T', ' ']).next()?.split(['-', '/']).count();
    let t = lo.into_utc();
    let hi = match parts {
        1 => t.replace_year(t.year() + 1).ok()?,
        2 => {
            let (y, m) =
                if u8::from(t.month()) == 12 { (t.year() + 1, 1) } else { (t.year(), u8::from(t.month()) + 1) };
            t.replace_year(y).ok()?.replace_month(tantivy::time::Month::try_from(m).ok()?).ok()?
        }
        _ => t + Duration::from_secs(86_400),
    };
    Some((lo, tantivy::DateTime::from_utc(hi)))
}

struct Builder<'a> {
    engine: &'a Engine,
    searcher: &'a Searcher,
    req: &'a SearchRequest,
    hl: &'a mut Highlight,
    stem: TextAnalyzer,
    key: TextAnalyzer,
    keys: Arc<KeyMap>,
}

impl Builder<'_> {
    fn ast(&mut self, ast: &UserInputAst) -> anyhow::Result<Option<Box<dyn Query>>> {
        match ast {
            UserInputAst::Clause(clauses) => {
                let mut subs: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                for (occur, sub) in clauses {
                    let occur = match occur {
                        Some(query_grammar::Occur::Must) => Occur::Must,
                        Some(query_grammar::Occur::MustNot) => Occur::MustNot,
                        Some(query_grammar::Occur::Should) => Occur::Should,
                        // filters (source:, id:, date:, ranges) restrict unless marked otherwise
                        None if is_filter(sub) => Occur::Must,
                        None => Occur::Should,
                    };
                    if let Some(q) = self.ast(sub)? {
                        push_clause(&mut subs, occur, q);
                    }
                }
                if subs.is_empty() {
                    return Ok(None);
                }
                // `word date:2024`: the filter restricts, and the words must still match
                let promoted = clauses.iter().any(|(o, sub)| o.is_none() && is_filter(sub));
                let shoulds = subs.iter().filter(|(o, _)| *o == Occur::Should).count();
                if promoted && shoulds > 0 {
                    let (should, mut rest): (Vec<_>, Vec<_>) = subs.into_iter().partition(|(o, _)| *o == Occur::Should);
                    rest.push((Occur::Must, Box::new(BooleanQuery::new(should))));
                    subs = rest;
                }
                if subs.iter().all(|(o, _)| *o == Occur::MustNot) {
                    subs.push((Occur::Must, Box::new(AllQuery)));
                }
                if subs.len() == 1 && subs[0].0 != Occur::MustNot {
                    return Ok(subs.pop().map(|(_, q)| q));
                }
                Ok(Some(Box::new(BooleanQuery::new(subs))))
            }
            UserInputAst::Boost(inner, boost) => {
                Ok(self.ast(inner)?.map(|q| Box::new(BoostQuery::new(q, boost.0 as f32)) as Box<dyn Query>))
            }
            UserInputAst::Leaf(leaf) => self.leaf(leaf),
        }
    }

    fn leaf(&mut self, leaf: &UserInputLeaf) -> anyhow::Result<Option<Box<dyn Query>>> {
        let f = self.engine.fields;
        match leaf {
            UserInputLeaf::All => Ok(Some(Box::new(AllQuery))),
            UserInputLeaf::Literal(lit) => {
                let phrase = lit.delimiter != Delimiter::None;
                match lit.field_name.as_deref() {
                    None => self.text(&lit.phrase, &[f.title, f.body], phrase, lit.slop),
                    Some("title") => self.text(&lit.phrase, &[f.title], phrase, lit.slop),
                    Some("body") => self.text(&lit.phrase, &[f.body], phrase, lit.slop),
                    Some("id") => Ok(Some(raw(f.id, &lit.phrase))),
                    Some("source") => Ok(Some(raw(f.source, &lit.phrase))),
                    Some("date") => {
                        let (lo, hi) = date_span(&lit.phrase).ok_or_else(|| QueryError::BadDate(lit.phrase.clone()))?;
                        Ok(Some(Box::new(RangeQuery::new(
                            Bound::Included(Term::from_field_date_for_search(f.date, lo)),
                            Bound::Excluded(Term::from_field_date_for_search(f.date, hi)),
                        ))))
                    }
                    Some(name) if name.starts_with("fields.") => {
                        let path = &name["fields.".len()..];
                        let terms: Vec<(usize, Term)> = analysis::analyze_with(&mut self.stem, &lit.phrase)
                            .into_iter()
                            .map(|t| {
                                let mut term = Term::from_field_json_path(f.fields, path, false);
                                term.append_type_and_str(&t.term);
                                (t.position, term)
                            })
                            .collect();
                        Ok(match terms.len() {
                            0 => None,
                            1 => Some(Box::new(TermQuery::new(terms[0].1.clone(), IndexRecordOption::WithFreqs))),
                            _ => Some(Box::new(PhraseQuery::new_with_offset_and_slop(terms, lit.slop))),
                        })
                    }
                    Some(other) => Err(QueryError::UnknownField(other.to_string()).into()),
                }
            }
            UserInputLeaf::Range { field, lower, upper } => {
                if field.as_deref() != Some("date") {
                    return Err(QueryError::Unsupported("ranges work on `date` only".into()).into());
                }
                let bound = |b: &UserInputBound, upper: bool| -> anyhow::Result<Bound<Term>> {
                    let s = match b {
                        UserInputBound::Unbounded => return Ok(Bound::Unbounded),
                        UserInputBound::Inclusive(s) | UserInputBound::Exclusive(s) => s,
                    };
                    if s == "*" {
                        return Ok(Bound::Unbounded);
                    }
                    let (lo, hi) = date_span(s).ok_or_else(|| QueryError::BadDate(s.clone()))?;
                    let inclusive = matches!(b, UserInputBound::Inclusive(_));
                    Ok(match (upper, inclusive) {
                        (false, true) => Bound::Included(Term::from_field_date_for_search(f.date, lo)),
                        (false, false) => Bound::Included(Term::from_field_date_for_search(f.date, hi)),
                        (true, true) => Bound::Excluded(Term::from_field_date_for_search(f.date, hi)),
                        (true, false) => Bound::Excluded(Term::from_field_date_for_search(f.date, lo)),
                    })
                };
                let (lower, upper) = (bound(lower, false)?, bound(upper, true)?);
                if matches!((&lower, &upper), (Bound::Unbounded, Bound::Unbounded)) {
                    // (a range open at both ends is refused by the index too)
                    return Err(QueryError::Unsupported("a `date` range needs a start or an end".into()).into());
                }
                Ok(Some(Box::new(RangeQuery::new(lower, upper))))
            }
            UserInputLeaf::Set { .. } => Err(QueryError::Unsupported("term sets `IN [...]`".into()).into()),
            UserInputLeaf::Exists { .. } => Err(QueryError::Unsupported("`field:*`".into()).into()),
            UserInputLeaf::Regex { .. } => Err(QueryError::Unsupported("regular expressions".into()).into()),
        }
    }

    /// Words or a phrase on text fields, as typed and, when typed in Latin
    /// letters, in Arabic script too.
    fn text(
        &mut self,
        text: &str,
        fields: &[Field],
        phrase: bool,
        slop: u32,
    ) -> anyhow::Result<Option<Box<dyn Query>>> {
        let as_typed = self.text_as_typed(text, fields, phrase, slop)?;
        let arabic = match self.req.transliterate.then(|| arabic_spelling(text)).flatten() {
            Some(arabic) => self.text_as_typed(&arabic, fields, phrase, slop)?,
            None => None,
        };
        Ok(match (as_typed, arabic) {
            (Some(a), Some(b)) => Some(Box::new(BooleanQuery::new(vec![(Occur::Should, a), (Occur::Should, b)]))),
            (a, b) => a.or(b),
        })
    }

    fn text_as_typed(
        &mut self,
        text: &str,
        fields: &[Field],
        phrase: bool,
        slop: u32,
    ) -> anyhow::Result<Option<Box<dyn Query>>> {
        let tokens = analysis::analyze_with(&mut self.stem, text);
        if tokens.is_empty() {
            return Ok(None);
        }
        for t in &tokens {
            let key = analysis::phonetic_key(&t.term);
            if self.hl.terms.insert(t.term.clone()) {
                self.hl.order.push(t.term.clone());
            }
            self.hl.keys.insert(key);
        }
        if phrase && tokens.len() > 1 {
            let mut subs: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            for &field in fields {
                let terms: Vec<(usize, Term)> = tokens
                    .iter()
                    .map(|t| (t.position - tokens[0].position, Term::from_field_text(field, &t.term)))
                    .collect();
                let q: Box<dyn Query> = Box::new(PhraseQuery::new_with_offset_and_slop(terms, slop));
                subs.push((
                    Occur::Should,
                    if field == self.engine.fields.title { Box::new(BoostQuery::new(q, 1.5)) } else { q },
                ));
            }
            return Ok(Some(Box::new(BooleanQuery::new(subs))));
        }
        // several words in one literal (e.g. joined by punctuation): each is a Should clause
        let mut words: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for t in &tokens {
            let q = self.word(&t.term, &t.original, fields)?;
            push_clause(&mut words, Occur::Should, q);
        }
        if words.len() == 1 {
            return Ok(words.pop().map(|(_, q)| q));
        }
        Ok(Some(Box::new(BooleanQuery::new(words))))
    }

    /// One analyzed word: exact term on each field, its phonetic key, and
    /// fuzzy matches when rare.
    fn word(&mut self, term: &str, original: &str, fields: &[Field]) -> anyhow::Result<Box<dyn Query>> {
        let f = self.engine.fields;
        let mut subs: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut df = 0;
        for &field in fields {
            let t = Term::from_field_text(field, term);
            df += self.searcher.doc_freq(&t)?;
            let q: Box<dyn Query> = Box::new(TermQuery::new(t, IndexRecordOption::WithFreqs));
            subs.push((Occur::Should, if field == f.title { Box::new(BoostQuery::new(q, 1.5)) } else { q }));
        }
        // A word found in many documents as it is needs no spelling
        // variants (and they would cost every query).
        if self.req.variants && df < COMMON_DOC_FREQ {
            let mut variants: Vec<String> = Vec::new();
            for k in analysis::analyze_with(&mut self.key, original) {
                for t in self.keys.terms(&k.term) {
                    if t != term && !variants.contains(&t) {
                        variants.push(t);
                    }
                }
                self.hl.keys.insert(k.term);
            }
            for t in &variants {
                for &field in fields {
                    let q = TermQuery::new(Term::from_field_text(field, t), IndexRecordOption::WithFreqs);
                    subs.push((Occur::Should, Box::new(BoostQuery::new(Box::new(q), 0.6))));
                }
            }
        }
        let n = term.chars().count();
        let fuzzy = match self.req.fuzzy {
            Fuzzy::Off => false,
            Fuzzy::Always => n >= 4,
            Fuzzy::Auto => n >= 4 && df < RARE_DOC_FREQ,
        };
        if fuzzy {
            let distance = if n >= 8 { 2 } else { 1 };
            for &field in fields {
                let q = FirstLetterFuzzyQuery::new(field, term, distance);
                subs.push((Occur::Should, Box::new(BoostQuery::new(Box::new(q), 0.5))));
            }
        }
        Ok(Box::new(BooleanQuery::new(subs)))
    }
}

/// The Arabic-script spelling of a query's words typed in Latin letters
/// (Kurdish Latin, also without its ê î û ş ç ł ř, as users type it:
/// `hewler` → هەولێر), or `None` when they have no Latin letter, have
/// Arabic script already, or do not read as Kurdish Latin (`straße`).
fn arabic_spelling(text: &str) -> Option<String> {
    static LATIN_QUERY: std::sync::LazyLock<Transliterator> = std::sync::LazyLock::new(|| {
        Transliterator::new().with_arabic(ArabicOptions { plain: PlainLatin::Always, ..ArabicOptions::default() })
    });
    let is_arabic = sorani::chars::in_arabic_block;
    if text.chars().any(is_arabic)
        || !text.chars().any(|c| c.is_alphabetic() && c.is_ascii() || ('À'..='ɏ').contains(&c))
    {
        return None;
    }
    let arabic = LATIN_QUERY.to_arabic(text);
    arabic.chars().any(is_arabic).then_some(arabic)
}

/// `q` with the query syntax that only pasted prose produces made spaces:
/// a `:` after a word with a letter outside ASCII or after a number (`15:00`),
/// and a `[` or `{` when the query has no ` TO ` (a range needs one).
fn prose_syntax_to_spaces(q: &str) -> Cow<'_, str> {
    let has_range = q.contains(" TO ");
    let mut out: Option<String> = None;
    let mut token_start = 0;
    for (i, c) in q.char_indices() {
        if c.is_whitespace() {
            token_start = i + c.len_utf8();
        }
        let token = &q[token_start.min(i)..i];
        let prose = match c {
            ':' => {
                token.chars().any(|t| t.is_alphanumeric() && !t.is_ascii())
                    || (!token.is_empty() && token.bytes().all(|b| b.is_ascii_digit()))
                    // `note: …` with a space after the colon is punctuation
                    // unless the word names a field.
                    || (q[i + 1..].starts_with(char::is_whitespace) && !is_field_name(token))
            }
            '[' | '{' => !has_range,
            _ => false,
        };
        if prose {
            out.get_or_insert_with(|| q[..i].to_string()).push(' ');
        } else if let Some(o) = out.as_mut() {
            o.push(c);
        }
    }
    out.map_or(Cow::Borrowed(q), Cow::Owned)
}

/// Whether `name` is a field of the query language.
fn is_field_name(name: &str) -> bool {
    matches!(name, "title" | "body" | "source" | "id" | "date") || name.starts_with("fields.")
}

/// Whether a clause is a filter (restricts rather than scores).
fn is_filter(ast: &UserInputAst) -> bool {
    match ast {
        UserInputAst::Leaf(leaf) => match leaf.as_ref() {
            UserInputLeaf::Literal(l) => matches!(l.field_name.as_deref(), Some("source" | "id" | "date")),
            UserInputLeaf::Range { .. } => true,
            _ => false,
        },
        _ => false,
    }
}

fn raw(field: Field, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(Term::from_field_text(field, value), IndexRecordOption::Basic))
}

// ---------------------------------------------------------------------------
// Highlighting
// ---------------------------------------------------------------------------

/// Words the highlighting analyzer of one worker thread remembers (some
/// 5 MB; the words of the documents shown come back from query to query).
const HIGHLIGHT_MEMO_WORDS: usize = 1 << 16;

/// Byte spans of `text` that match the query: a word matches when its
/// analyzed term or its phonetic key is one of the query's.
fn matches(text: &str, hl: &Highlight) -> Vec<(usize, usize)> {
    use tantivy::tokenizer::TokenStream;
    thread_local! {
        static ANALYZER: std::cell::RefCell<TextAnalyzer> =
            std::cell::RefCell::new(crate::keys::memo_analyzer(HIGHLIGHT_MEMO_WORDS));
    }
    if hl.terms.is_empty() && hl.keys.is_empty() {
        return Vec::new();
    }
    let limit = text.len().min(200_000);
    let cut = (0..=limit).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
    let text = &text[..cut];
    let mut spans = Vec::new();
    ANALYZER.with_borrow_mut(|analyzer| {
        let mut stream = analyzer.token_stream(text);
        while stream.advance() {
            let t = stream.token();
            let hit = hl.terms.contains(&t.text)
                || (!hl.keys.is_empty()
                    && (hl.keys.contains(&analysis::phonetic_key(&t.text))
                        || hl.keys.contains(&analysis::phonetic_key(&analysis::normalize_word(
                            &text[t.offset_from..t.offset_to],
                        )))));
            if hit {
                spans.push((t.offset_from, t.offset_to));
            }
        }
    });
    spans
}

/// Escapes text for HTML.
pub fn escape_html(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

fn render(text: &str, spans: &[(usize, usize)], from: usize, to: usize) -> String {
    let mut out = String::new();
    let mut pos = from;
    for &(s, e) in spans.iter().filter(|(s, e)| *s >= from && *e <= to) {
        escape_html(&text[pos..s], &mut out);
        out.push_str("<mark>");
        escape_html(&text[s..e], &mut out);
        out.push_str("</mark>");
        pos = e;
    }
    escape_html(&text[pos..to], &mut out);
    out
}

fn highlight_all(text: &str, hl: &Highlight) -> String {
    render(text, &matches(text, hl), 0, text.len())
}

/// The passage of about `chars` characters with the most matches, as HTML.
fn snippet(text: &str, hl: &Highlight, chars: usize) -> String {
    let spans = matches(text, hl);
    let bytes_per_char = 2; // Sorani letters are two bytes in UTF-8
    let window = chars * bytes_per_char;
    let (mut best_start, mut best_count) = (0usize, 0usize);
    for (i, &(s, _)) in spans.iter().enumerate() {
        let count = spans[i..].iter().take_while(|(_, e)| *e <= s + window).count();
        if count > best_count {
            best_count = count;
            best_start = s;
        }
    }
    // start a little before the first match, on a word boundary
    let mut from = best_start.saturating_sub(window / 5);
    while from > 0 && !text.is_char_boundary(from) {
        from -= 1;
    }
    if from > 0 {
        if let Some(sp) = text[from..best_start].find(char::is_whitespace) {
            from += sp + text[from + sp..].chars().next().map_or(1, char::len_utf8);
        }
    }
    let mut to = (from + window).min(text.len());
    while to < text.len() && !text.is_char_boundary(to) {
        to += 1;
    }
    if to < text.len() {
        if let Some(sp) = text[from..to].rfind(char::is_whitespace) {
            if sp > 0 {
                to = from + sp;
            }
        }
    }
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    out.push_str(&render(text, &spans, from, to));
    if to < text.len() {
        out.push('…');
    }
    out
}
