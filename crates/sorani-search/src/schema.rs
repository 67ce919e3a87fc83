//! The index schema and the document model.

use std::path::Path;

use anyhow::Context;
use serde::{Deserialize, Serialize};
use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, JsonObjectOptions, Schema, TextFieldIndexing,
    TextOptions, FAST, STORED, STRING,
};
use tantivy::{DateTime, Index};

use crate::analysis;

/// The fields of a `sorani` index.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// Document id (raw string, unique).
    pub id: Field,
    /// Content hash of title and body (16 bytes), for deduplication.
    pub hash: Field,
    /// Title, analyzed with `ckb_stem`, stored.
    pub title: Field,
    /// Body, analyzed with `ckb_stem`, stored.
    pub body: Field,
    /// Date (day precision), indexed, stored, fast.
    pub date: Field,
    /// Source (raw string), indexed, stored, fast.
    pub source: Field,
    /// Any other fields of the input, as a JSON object (stored, text analyzed with `ckb_stem`).
    pub fields: Field,
}

/// Builds the schema.
pub fn build_schema() -> (Schema, Fields) {
    build_schema_with(analysis::CKB_STEM)
}

/// Builds the schema with another analyzer for the text fields (the
/// evaluation indexes the same documents with the baselines).
pub fn build_schema_with(text_analyzer: &str) -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = |analyzer: &str| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(analyzer)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
    };
    let id = b.add_text_field("id", STRING | STORED);
    // bytes, not hex text: a term per document, and the term dictionary
    // builds in proportion to the terms' length
    let hash = b.add_bytes_field("hash", tantivy::schema::INDEXED);
    let title = b.add_text_field("title", text(text_analyzer).set_stored());
    let body = b.add_text_field("body", text(text_analyzer).set_stored());
    let date = b.add_date_field(
        "date",
        DateOptions::from(tantivy::schema::INDEXED | STORED | FAST).set_precision(DateTimePrecision::Seconds),
    );
    let source = b.add_text_field("source", STRING | STORED | FAST);
    let fields = b.add_json_field(
        "fields",
        JsonObjectOptions::default().set_stored().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(text_analyzer)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        ),
    );
    (b.build(), Fields { id, hash, title, body, date, source, fields })
}

/// Opens the index in `dir`, creating it (and `dir`) when absent, with the
/// Sorani analyzers registered.
pub fn open_or_create(dir: &Path) -> anyhow::Result<(Index, Fields)> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create index folder {}", dir.display()))?;
    let (schema, _) = build_schema();
    let mmap = tantivy::directory::MmapDirectory::open(dir)
        .with_context(|| format!("cannot open index folder {}", dir.display()))?;
    let index = Index::builder()
        .schema(schema)
        .settings(index_settings())
        .open_or_create(mmap)
        .with_context(|| {
            format!(
                "{} holds an index with another schema (made by another version of sorani: index again into a new folder), or is not an index",
                dir.display()
            )
        })?;
    finish(index)
}

/// Opens an existing index in `dir`.
pub fn open(dir: &Path) -> anyhow::Result<(Index, Fields)> {
    if !dir.join("meta.json").exists() {
        anyhow::bail!(
            "{} is not a sorani index (no meta.json); create one with `sorani index --index {} FILE...`",
            dir.display(),
            dir.display()
        );
    }
    let index = Index::open_in_dir(dir).with_context(|| format!("cannot open index {}", dir.display()))?;
    finish(index)
}

/// Creates an index in RAM (tests, small tools).
pub fn create_in_ram() -> anyhow::Result<(Index, Fields)> {
    create_in_ram_with(analysis::CKB_STEM)
}

/// Creates an index in RAM whose text fields use `text_analyzer` (any
/// registered name).
pub fn create_in_ram_with(text_analyzer: &str) -> anyhow::Result<(Index, Fields)> {
    let (schema, _) = build_schema_with(text_analyzer);
    finish(Index::builder().schema(schema).settings(index_settings()).create_in_ram()?)
}

/// Settings of new indexes: stored documents compressed in blocks of 4 KiB
/// (tantivy's default is 16 KiB), so that showing a hit decompresses about
/// one document's worth of text rather than a dozen.
fn index_settings() -> tantivy::IndexSettings {
    tantivy::IndexSettings { docstore_blocksize: 4096, ..tantivy::IndexSettings::default() }
}

fn finish(index: Index) -> anyhow::Result<(Index, Fields)> {
    analysis::register(&index);
    let schema = index.schema();
    let f = |n: &str| schema.get_field(n).with_context(|| format!("index has no field `{n}`: not a sorani index"));
    let fields = Fields {
        id: f("id")?,
        hash: f("hash")?,
        title: f("title")?,
        body: f("body")?,
        date: f("date")?,
        source: f("source")?,
        fields: f("fields")?,
    };
    Ok((index, fields))
}

/// One document to index.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Doc {
    /// Unique id; documents with the same id replace each other.
    pub id: String,
    /// Title (may be empty).
    #[serde(default)]
    pub title: String,
    /// Body text.
    #[serde(default)]
    pub body: String,
    /// Date as written (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Source (publication, corpus, site).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Any other fields.
    #[serde(default, skip_serializing_if = "serde_json::Map::is_empty")]
    pub fields: serde_json::Map<String, serde_json::Value>,
}

impl Doc {
    /// The content hash used for deduplication: the first 128 bits of the
    /// BLAKE3 hash of title and body.
    pub fn content_hash(&self) -> [u8; 16] {
        let mut out = [0; 16];
        out.copy_from_slice(&self.blake3().as_bytes()[..16]);
        out
    }

    /// [`Self::content_hash`] in hexadecimal.
    pub fn content_hash_hex(&self) -> String {
        self.blake3().to_hex()[..32].to_string()
    }

    fn blake3(&self) -> blake3::Hash {
        let mut h = blake3::Hasher::new();
        h.update(self.title.as_bytes());
        h.update(&[0]);
        h.update(self.body.as_bytes());
        h.finalize()
    }

    /// Builds a document from one JSON object: `id`, `title`, `body` (or
    /// `text`), `date`, `source`; anything else goes to `fields`. Without an
    /// `id`, `fallback_id` is used.
    pub fn from_json(value: serde_json::Value, fallback_id: &str) -> anyhow::Result<Doc> {
        let serde_json::Value::Object(mut map) = value else {
            anyhow::bail!("expected a JSON object");
        };
        let mut take_str = |k: &str| -> anyhow::Result<Option<String>> {
            match map.remove(k) {
                None | Some(serde_json::Value::Null) => Ok(None),
                Some(serde_json::Value::String(s)) => Ok(Some(s)),
                Some(serde_json::Value::Number(n)) => Ok(Some(n.to_string())),
                Some(other) => anyhow::bail!("field `{k}` must be a string, found {other}"),
            }
        };
        let id = take_str("id")?.unwrap_or_else(|| fallback_id.to_string());
        let title = take_str("title")?.unwrap_or_default();
        let body = match take_str("body")? {
            Some(b) => b,
            None => take_str("text")?.unwrap_or_default(),
        };
        let date = take_str("date")?;
        let source = take_str("source")?;
        if title.is_empty() && body.is_empty() {
            anyhow::bail!("document has neither `title` nor `body` (or `text`)");
        }
        if let Some(d) = &date {
            parse_date(d).with_context(|| format!("bad `date` {d:?}"))?;
        }
        Ok(Doc { id, title, body, date, source, fields: map })
    }
}

/// The years a date may have: those whose every day the index's
/// timestamps (nanoseconds since 1970, an `i64`) can hold, with the year
/// after for a range's end.
pub const YEARS: std::ops::RangeInclusive<u32> = 1678..=2261;

/// Parses `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or an RFC 3339 date-time (its
/// date part is used; Arabic-Indic and Persian digits are accepted) into a
/// tantivy date at midnight UTC.
pub fn parse_date(s: &str) -> anyhow::Result<DateTime> {
    let ascii: String = s
        .trim()
        .chars()
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => (b'0' + (c as u32 - 0x0660) as u8) as char,
            '\u{06F0}'..='\u{06F9}' => (b'0' + (c as u32 - 0x06F0) as u8) as char,
            '/' => '-',
            c => c,
        })
        .collect();
    let date_part = ascii.split(['T', ' ']).next().unwrap_or("");
    let mut parts = date_part.split('-');
    let num = |p: Option<&str>, default: u32, name: &str| -> anyhow::Result<u32> {
        match p {
            None => Ok(default),
            Some(x) => x.parse::<u32>().map_err(|_| anyhow::anyhow!("{name} is not a number")),
        }
    };
    let y = num(parts.next(), 0, "year")?;
    let m = num(parts.next(), 1, "month")?;
    let d = num(parts.next(), 1, "day")?;
    if parts.next().is_some() || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        anyhow::bail!("expected YYYY, YYYY-MM, YYYY-MM-DD or an RFC 3339 date");
    }
    // the index keeps dates as nanoseconds since 1970 in an i64
    if !YEARS.contains(&y) {
        anyhow::bail!("the year must be between {} and {}", YEARS.start(), YEARS.end());
    }
    let month = tantivy::time::Month::try_from(m as u8)?;
    let date = tantivy::time::Date::from_calendar_date(y as i32, month, d as u8).map_err(|e| anyhow::anyhow!("{e}"))?;
    let secs = date.midnight().assume_utc().unix_timestamp();
    Ok(DateTime::from_timestamp_secs(secs))
}

/// Formats a stored date as `YYYY-MM-DD`.
pub fn format_date(d: DateTime) -> String {
    let t = d.into_utc();
    format!("{:04}-{:02}-{:02}", t.year(), u8::from(t.month()), t.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hex_hash_spells_the_indexed_bytes() {
        let doc = Doc { id: "a".into(), title: "سەردێڕ".into(), body: "دەق".into(), ..Doc::default() };
        let spelled: String = doc.content_hash().iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(doc.content_hash_hex(), spelled);
    }

    #[test]
    fn dates() {
        for (s, want) in [
            ("2024", "2024-01-01"),
            ("2024-03", "2024-03-01"),
            ("2024-03-09", "2024-03-09"),
            ("2024-03-09T10:00:00Z", "2024-03-09"),
            ("٢٠٢٤-٠٣-٠٩", "2024-03-09"),
            // the first and last years the index's timestamps hold
            ("1678-01-01", "1678-01-01"),
            ("2261-12-31", "2261-12-31"),
        ] {
            assert_eq!(format_date(parse_date(s).unwrap()), want, "{s}");
        }
        for bad in ["", "x", "2024-13-01", "2024-02-30", "1-2-3-4", "12", "0012-01-01", "9999"] {
            assert!(parse_date(bad).is_err(), "{bad:?} should be rejected");
        }
    }
}
