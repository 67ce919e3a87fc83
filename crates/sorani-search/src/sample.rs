//! The sample collection embedded in the binary: a few dozen short Sorani
//! documents written for this project (see `sample/README.md`), some typed
//! with legacy-keyboard spellings, so that `sorani serve` without an index
//! opens a working search page.

use std::path::Path;

use crate::indexer::{IndexOptions, IndexStats, Indexer};
use crate::schema::Doc;

/// The sample collection as JSON Lines.
pub const SAMPLE_JSONL: &str = include_str!("../sample/sample.jsonl");

/// The sample documents.
pub fn docs() -> Vec<Doc> {
    SAMPLE_JSONL
        .lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, l)| {
            let v: serde_json::Value = serde_json::from_str(l).expect("sample.jsonl is valid JSON (checked by tests)");
            Doc::from_json(v, &format!("sample:{}", i + 1)).expect("sample.jsonl documents are valid")
        })
        .collect()
}

/// Indexes the sample collection into `dir`.
pub fn build_index(dir: &Path) -> anyhow::Result<IndexStats> {
    let mut ix = Indexer::open(dir, IndexOptions { memory_mb: 32, threads: 1, ..IndexOptions::default() })?;
    for d in docs() {
        ix.add(d)?;
    }
    ix.finish()
}
