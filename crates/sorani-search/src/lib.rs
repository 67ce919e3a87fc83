//! Search engine for Central Kurdish (Sorani) documents on tantivy.
//!
//! - [`analysis`]: the Sorani tokenizer and token filters (normalize,
//!   restore, stem, stopwords, phonetic key), registered as `ckb`,
//!   `ckb_stem` and `ckb_key`, with offsets into the original text.
//! - [`lucene`]: Lucene's Sorani analyzer rules, the evaluation's baseline.
//! - [`schema`]: fields and the document model.
//! - [`keys`]: the indexed terms listed under their phonetic keys, for
//!   spelling variants of query words.
//! - [`indexer`]: incremental, deduplicating, crash-safe indexing.
//! - [`search`]: the query language, spelling tolerance, ranking, snippets.
//! - [`fuzzy`]: edit-distance matching of rare words, the first letter kept.
//! - [`server`]: the HTTP JSON API and the right-to-left web page.
//! - [`sample`]: the embedded sample collection.
//! - [`export`]: pre-analyzed OpenSearch/Elasticsearch bulk NDJSON.
#![warn(missing_docs)]

pub mod analysis;
pub mod export;
pub mod fuzzy;
pub mod indexer;
pub mod keys;
pub mod lucene;
pub mod sample;
pub mod schema;
pub mod search;
pub mod server;
pub mod suggest;

pub use indexer::{IndexOptions, IndexStats, Indexer};
pub use schema::Doc;
pub use search::{Engine, Fuzzy, SearchRequest, SearchResponse};
