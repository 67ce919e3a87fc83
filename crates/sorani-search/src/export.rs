//! Export for distributed engines: pre-analyzed tokens as OpenSearch /
//! Elasticsearch bulk NDJSON (see `docs/search.md`).
//!
//! Each document becomes two lines: the bulk action and the source. The
//! source keeps the original fields (for display) and adds, per text field,
//! the analyzed terms joined by single spaces (`title_terms`, `body_terms`,
//! and the phonetic keys `keys`). The engine indexes those with its
//! `whitespace` analyzer ([`mapping`]), so the Sorani analysis happens here,
//! once, and queries are analyzed the same way (`sorani export --query`, or
//! `POST /api/analyze`).

use std::io::Write;

use serde_json::json;
use tantivy::tokenizer::TextAnalyzer;

use crate::analysis::{self, AnalyzerOptions};
use crate::schema::Doc;

/// Reusable analyzers for exporting many documents.
pub struct Exporter {
    stem: TextAnalyzer,
    key: TextAnalyzer,
    index_name: String,
}

impl Exporter {
    /// An exporter writing bulk actions for the index `index_name`.
    pub fn new(index_name: &str) -> Exporter {
        Exporter {
            stem: analysis::build_analyzer(AnalyzerOptions::CKB_STEM),
            key: analysis::build_analyzer(AnalyzerOptions::CKB_KEY),
            index_name: index_name.to_string(),
        }
    }

    /// The analyzed terms of `text` joined by spaces (what `body_terms` holds).
    pub fn terms(&mut self, text: &str) -> String {
        join(&mut self.stem, text)
    }

    /// The phonetic keys of `text` joined by spaces (what `keys` holds).
    pub fn keys(&mut self, text: &str) -> String {
        join(&mut self.key, text)
    }

    /// Writes the two bulk lines of `doc`.
    pub fn write_doc(&mut self, doc: &Doc, out: &mut dyn Write) -> std::io::Result<()> {
        let action = json!({"index": {"_index": self.index_name, "_id": doc.id}});
        let mut keys = self.keys(&doc.title);
        let body_keys = self.keys(&doc.body);
        if !keys.is_empty() && !body_keys.is_empty() {
            keys.push(' ');
        }
        keys.push_str(&body_keys);
        let mut source = json!({
            "id": doc.id,
            "title": doc.title,
            "body": doc.body,
            "title_terms": self.terms(&doc.title),
            "body_terms": self.terms(&doc.body),
            "keys": keys,
            "hash": doc.content_hash_hex(),
        });
        if let Some(d) = &doc.date {
            if let Ok(dt) = crate::schema::parse_date(d) {
                source["date"] = json!(crate::schema::format_date(dt));
            }
        }
        if let Some(s) = &doc.source {
            source["source"] = json!(s);
        }
        if !doc.fields.is_empty() {
            source["fields"] = serde_json::Value::Object(doc.fields.clone());
        }
        serde_json::to_writer(&mut *out, &action)?;
        out.write_all(b"\n")?;
        serde_json::to_writer(&mut *out, &source)?;
        out.write_all(b"\n")
    }
}

fn join(a: &mut TextAnalyzer, text: &str) -> String {
    let mut out = String::new();
    let mut s = a.token_stream(text);
    while s.advance() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&s.token().text);
    }
    out
}

/// The index settings and mapping to create before bulk-loading the export.
pub fn mapping() -> serde_json::Value {
    json!({
        "settings": {
            "analysis": {
                "analyzer": {
                    "sorani_preanalyzed": {"type": "custom", "tokenizer": "whitespace"}
                }
            }
        },
        "mappings": {
            "properties": {
                "id": {"type": "keyword"},
                "hash": {"type": "keyword"},
                "title": {"type": "text", "index": false},
                "body": {"type": "text", "index": false},
                "title_terms": {"type": "text", "analyzer": "sorani_preanalyzed"},
                "body_terms": {"type": "text", "analyzer": "sorani_preanalyzed"},
                "keys": {"type": "text", "analyzer": "sorani_preanalyzed"},
                "date": {"type": "date", "format": "yyyy-MM-dd"},
                "source": {"type": "keyword"},
                "fields": {"type": "object", "enabled": true}
            }
        }
    })
}

/// The OpenSearch/Elasticsearch query body for `query`, analyzed here: a
/// `multi_match` over the term fields, with the phonetic keys at a lower weight.
pub fn query_body(exporter: &mut Exporter, query: &str) -> serde_json::Value {
    let terms = exporter.terms(query);
    let keys = exporter.keys(query);
    json!({
        "query": {
            "bool": {
                "should": [
                    {"multi_match": {"query": terms, "fields": ["title_terms^1.5", "body_terms"]}},
                    {"match": {"keys": {"query": keys, "boost": 0.6}}}
                ]
            }
        },
        "highlight": {"fields": {"body_terms": {}}}
    })
}
