//! Incremental, deduplicating, crash-safe indexing.
//!
//! Documents are added through an [`Indexer`]; it commits every
//! `commit_every_docs` documents or `commit_every_bytes` bytes of text and
//! at the end. A tantivy commit is atomic (the new `meta.json` replaces the
//! old one only when all segment files are written), so an interrupted run
//! leaves the last committed state readable; the next run skips what was
//! already committed.
//!
//! Deduplication: a document whose content hash (title + body) is already in
//! the index, under any id, is skipped (`unchanged` when the id matches,
//! `duplicate` otherwise); a document whose id exists with other content
//! replaces the old one (`updated`).

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use anyhow::Context;
use rustc_hash::FxHashSet;
use serde::Serialize;
use tantivy::collector::Count;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, Searcher, TantivyDocument, Term};

use crate::analysis;
use crate::keys::{KeyMap, TermCollector};
use crate::schema::{self, Doc, Fields};

/// Options of an indexing run.
#[derive(Debug, Clone)]
pub struct IndexOptions {
    /// Memory budget of the index writer in MB (bounded memory whatever the input size).
    pub memory_mb: usize,
    /// Indexing threads (0: as many as cores, at most 8).
    pub threads: usize,
    /// Commit after this many added documents.
    pub commit_every_docs: u64,
    /// Commit after this many bytes of added text.
    pub commit_every_bytes: u64,
    /// Replace invalid UTF-8 in text files with U+FFFD instead of skipping the file.
    pub lossy: bool,
    /// At the end, merge the index into one segment (slower indexing, faster
    /// queries: for a collection built once, then served).
    pub merge_into_one: bool,
}

impl Default for IndexOptions {
    fn default() -> Self {
        IndexOptions {
            memory_mb: 256,
            threads: 0,
            commit_every_docs: 200_000,
            commit_every_bytes: 256 << 20,
            lossy: false,
            merge_into_one: false,
        }
    }
}

/// What happened to one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// New id, new content: added.
    Added,
    /// Known id, new content: the old version was replaced.
    Updated,
    /// Known id, same content: skipped.
    Unchanged,
    /// Content already indexed under another id: skipped.
    Duplicate,
}

/// Counts of an indexing run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct IndexStats {
    /// Documents read from the inputs.
    pub read: u64,
    /// Documents added.
    pub added: u64,
    /// Documents replaced.
    pub updated: u64,
    /// Documents skipped because they were already indexed.
    pub unchanged: u64,
    /// Documents skipped because their content was indexed under another id.
    pub duplicates: u64,
    /// Inputs (files, lines) skipped because of errors.
    pub errors: u64,
    /// Bytes of title and body text added or updated.
    pub bytes: u64,
    /// Commits made.
    pub commits: u64,
    /// Documents in the index after the run.
    pub total_docs: u64,
}

/// Adds documents to an index with deduplication and periodic commits.
pub struct Indexer {
    index: Index,
    fields: Fields,
    writer: IndexWriter,
    reader: IndexReader,
    committed: Searcher,
    /// Whether the index held documents when this run opened it (those are
    /// asked for in the committed segments; a new index has none).
    had_docs: bool,
    /// Ids and content hashes added since the last commit.
    ids: FxHashSet<String>,
    hashes: FxHashSet<[u8; 16]>,
    /// Fingerprints of the ids and hashes this run has committed.
    committed_ids: Fingerprints,
    committed_hashes: Fingerprints,
    /// The phonetic key list, and the terms indexed since it was written.
    keys: KeyMap,
    new_terms: TermCollector,
    options: IndexOptions,
    since_commit_docs: u64,
    since_commit_bytes: u64,
    stats: IndexStats,
}

impl Indexer {
    /// Opens (or creates) the index in `dir` for writing.
    pub fn open(dir: &Path, options: IndexOptions) -> anyhow::Result<Indexer> {
        let (index, fields) = schema::open_or_create(dir)?;
        Self::with_index(index, fields, options)
    }

    /// Writes into an already opened index.
    pub fn with_index(index: Index, fields: Fields, options: IndexOptions) -> anyhow::Result<Indexer> {
        let threads = if options.threads == 0 {
            std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1).min(8)
        } else {
            options.threads
        };
        let budget = options.memory_mb.max(16 * threads) << 20;
        // before the writer: its indexing threads take the analyzer as they start
        let new_terms = TermCollector::default();
        set_text_analyzer(&index, fields, Some(&new_terms));
        let writer = index
            .writer_with_num_threads(threads, budget)
            .context("cannot lock the index for writing (is another `sorani index` running on it?)")?;
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        let committed = reader.searcher();
        let keys = KeyMap::load(index.directory())?;
        Ok(Indexer {
            index,
            fields,
            writer,
            reader,
            had_docs: committed.num_docs() > 0,
            committed,
            ids: FxHashSet::default(),
            hashes: FxHashSet::default(),
            committed_ids: Fingerprints::default(),
            committed_hashes: Fingerprints::default(),
            keys,
            new_terms,
            options,
            since_commit_docs: 0,
            since_commit_bytes: 0,
            stats: IndexStats::default(),
        })
    }

    /// The index being written.
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// Counts so far.
    pub fn stats(&self) -> &IndexStats {
        &self.stats
    }

    /// Whether an id or hash (`term`) is indexed: added since the last
    /// commit (`pending`), or in the committed segments. Looking every
    /// document up in them cost a tenth of a large run (more segments, more
    /// lookups): into a new index, only a fingerprint of this run's commits
    /// (`maybe_committed`) sends the lookup there.
    fn is_known(&self, term: impl FnOnce() -> Term, pending: bool, maybe_committed: bool) -> anyhow::Result<bool> {
        if pending {
            return Ok(true);
        }
        if self.had_docs || maybe_committed {
            return has_term(&self.committed, term());
        }
        Ok(false)
    }

    /// Adds one document (deduplicated), committing when a threshold is reached.
    pub fn add(&mut self, doc: Doc) -> anyhow::Result<Outcome> {
        self.stats.read += 1;
        let hash = doc.content_hash();
        let f = self.fields;
        // terms are built only to be looked up (most documents are not)
        let id_term = || Term::from_field_text(f.id, &doc.id);
        let hash_term = || Term::from_field_bytes(f.hash, &hash);
        let id_known = self.is_known(id_term, self.ids.contains(&doc.id), self.committed_ids.contains(&doc.id))?;
        let hash_known =
            self.is_known(hash_term, self.hashes.contains(&hash), self.committed_hashes.contains(&hash))?;
        if hash_known {
            // same content already indexed: under this id (unchanged) or another (duplicate)
            let same = id_known && self.same_id_same_hash(&doc.id, &hash, id_term(), hash_term())?;
            let outcome = if same { Outcome::Unchanged } else { Outcome::Duplicate };
            match outcome {
                Outcome::Unchanged => self.stats.unchanged += 1,
                _ => self.stats.duplicates += 1,
            }
            return Ok(outcome);
        }
        let outcome = if id_known {
            self.writer.delete_term(id_term());
            self.stats.updated += 1;
            Outcome::Updated
        } else {
            self.stats.added += 1;
            Outcome::Added
        };
        let bytes = (doc.title.len() + doc.body.len()) as u64;
        let mut td = TantivyDocument::default();
        td.add_text(f.id, &doc.id);
        td.add_bytes(f.hash, &hash);
        if !doc.title.is_empty() {
            td.add_text(f.title, &doc.title);
        }
        td.add_text(f.body, &doc.body);
        if let Some(d) = &doc.date {
            td.add_date(f.date, schema::parse_date(d)?);
        }
        if let Some(s) = &doc.source {
            td.add_text(f.source, s);
        }
        if !doc.fields.is_empty() {
            let obj: std::collections::BTreeMap<String, tantivy::schema::OwnedValue> = doc
                .fields
                .iter()
                .map(|(k, v)| Ok((k.clone(), serde_json::from_value(v.clone())?)))
                .collect::<Result<_, serde_json::Error>>()?;
            td.add_object(f.fields, obj);
        }
        self.writer.add_document(td)?;
        self.ids.insert(doc.id);
        self.hashes.insert(hash);
        self.stats.bytes += bytes;
        self.since_commit_docs += 1;
        self.since_commit_bytes += bytes;
        if self.since_commit_docs >= self.options.commit_every_docs
            || self.since_commit_bytes >= self.options.commit_every_bytes
        {
            self.commit()?;
        }
        Ok(outcome)
    }

    fn same_id_same_hash(&self, id: &str, hash: &[u8; 16], id_term: Term, hash_term: Term) -> anyhow::Result<bool> {
        // ids and hashes added in this run are not searchable yet: a known
        // hash plus a known id is treated as the same document.
        if self.ids.contains(id) && self.hashes.contains(hash) {
            return Ok(true);
        }
        use tantivy::query::{BooleanQuery, Occur, Query};
        let q = BooleanQuery::new(vec![
            (Occur::Must, Box::new(TermQuery::new(id_term, IndexRecordOption::Basic)) as Box<dyn Query>),
            (Occur::Must, Box::new(TermQuery::new(hash_term, IndexRecordOption::Basic))),
        ]);
        Ok(self.committed.search(&q, &Count)? > 0)
    }

    /// Commits what was added: after this, it survives a crash.
    pub fn commit(&mut self) -> anyhow::Result<()> {
        let prepared = self.writer.prepare_commit().context("commit failed")?;
        // the key list first: whatever a commit publishes is in it
        if let Some(keys) = self.keys.add_and_write(self.new_terms.take(), self.index.directory())? {
            self.keys = keys;
        }
        prepared.commit().context("commit failed")?;
        self.reader.reload()?;
        self.committed = self.reader.searcher();
        self.committed_ids.extend(self.ids.drain());
        self.committed_hashes.extend(self.hashes.drain());
        self.since_commit_docs = 0;
        self.since_commit_bytes = 0;
        self.stats.commits += 1;
        Ok(())
    }

    /// Commits, waits for merges, and returns the counts.
    pub fn finish(mut self) -> anyhow::Result<IndexStats> {
        self.commit()?;
        self.stats.total_docs = self.committed.num_docs();
        let stats = self.stats.clone();
        self.writer.wait_merging_threads().context("merging segments failed")?;
        set_text_analyzer(&self.index, self.fields, None);
        if self.options.merge_into_one {
            merge_into_one(&self.index)?;
        }
        Ok(stats)
    }
}

/// Merges every segment of `index` into one: a query then looks each term
/// up once, not once per segment.
fn merge_into_one(index: &Index) -> anyhow::Result<()> {
    let segments = index.searchable_segment_ids()?;
    if segments.len() < 2 {
        return Ok(());
    }
    let mut writer: IndexWriter = index.writer_with_num_threads(1, 32 << 20).context("cannot lock the index")?;
    writer.merge(&segments).wait().context("merging segments failed")?;
    writer.garbage_collect_files().wait().context("removing merged segments failed")?;
    writer.wait_merging_threads().context("merging segments failed")?;
    Ok(())
}

/// Registers the text fields' analyzer again, with its word stages done by
/// `collector`'s memo filter, which lists what it indexes, when there is one (for indexes
/// whose text fields use `ckb_stem`: the baselines of the evaluation have no
/// key list).
fn set_text_analyzer(index: &Index, fields: Fields, collector: Option<&TermCollector>) {
    let schema = index.schema();
    let tantivy::schema::FieldType::Str(options) = schema.get_field_entry(fields.body).field_type() else {
        return;
    };
    if options.get_indexing_options().map(|o| o.tokenizer()) != Some(analysis::CKB_STEM) {
        return;
    }
    let analyzer = match collector {
        Some(c) => c.ckb_stem_analyzer(),
        None => analysis::build_analyzer(analysis::AnalyzerOptions::CKB_STEM),
    };
    index.tokenizers().register(analysis::CKB_STEM, analyzer);
}

fn has_term(searcher: &Searcher, term: Term) -> anyhow::Result<bool> {
    if searcher.num_docs() == 0 {
        return Ok(false);
    }
    let q = TermQuery::new(term, IndexRecordOption::Basic);
    Ok(searcher.search(&q, &Count)? > 0)
}

/// A set of 64-bit fingerprints of ids and hashes: a run of millions of documents
/// remembers what it committed in some 20 bytes per document. A fingerprint
/// says "maybe" (collisions are possible), never a false "no".
#[derive(Default)]
struct Fingerprints {
    set: FxHashSet<u64>,
}

impl Fingerprints {
    fn fingerprint<T: std::hash::Hash + ?Sized>(value: &T) -> u64 {
        use std::hash::BuildHasher;
        // a collision only costs an exact lookup
        rustc_hash::FxBuildHasher.hash_one(value)
    }

    fn contains<T: std::hash::Hash + ?Sized>(&self, value: &T) -> bool {
        self.set.contains(&Self::fingerprint(value))
    }

    fn extend<T: std::hash::Hash>(&mut self, values: impl Iterator<Item = T>) {
        self.set.extend(values.map(|v| Self::fingerprint(&v)));
    }
}

/// Where a document came from, for error messages.
#[derive(Debug, Clone)]
pub struct Location {
    /// File (or `-`).
    pub path: String,
    /// 1-based line for JSONL inputs.
    pub line: Option<u64>,
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{l}", self.path),
            None => write!(f, "{}", self.path),
        }
    }
}

/// Kind of an input file, from its extension.
fn is_jsonl(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("jsonl" | "ndjson" | "json"))
}

fn is_text(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("txt" | "text" | "md"))
}

/// The files an input names: the file itself, or the `.txt`/`.md`/`.jsonl`
/// files under a folder (sorted, recursively). `-` is standard input (JSONL).
pub fn expand_inputs(inputs: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in inputs {
        if p.as_os_str() == "-" {
            out.push(p.clone());
        } else if p.is_dir() {
            let mut files: Vec<PathBuf> = walkdir::WalkDir::new(p)
                .follow_links(true)
                .into_iter()
                .filter_map(|e| e.ok())
                .filter(|e| e.file_type().is_file())
                .map(|e| e.into_path())
                .filter(|p| is_jsonl(p) || is_text(p))
                .collect();
            files.sort();
            out.extend(files);
        } else if p.is_file() {
            out.push(p.clone());
        } else {
            anyhow::bail!("{}: no such file or folder", p.display());
        }
    }
    Ok(out)
}

/// Total size in bytes of the files (for progress).
pub fn total_bytes(files: &[PathBuf]) -> u64 {
    files.iter().filter_map(|p| std::fs::metadata(p).ok()).map(|m| m.len()).sum()
}

/// Reads every document of `file` and hands it to `sink` with its location,
/// and the number of bytes read so far in this file. JSONL (`.jsonl`,
/// `.ndjson`, `.json`, or `-`): one object per line. Anything else: one
/// document per file, its first line (when short) the title, id the path.
pub fn read_file(
    file: &Path,
    lossy: bool,
    sink: &mut dyn FnMut(anyhow::Result<Doc>, Location, u64) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let name = file.display().to_string();
    if file.as_os_str() == "-" || is_jsonl(file) {
        let reader: Box<dyn Read> = if file.as_os_str() == "-" {
            Box::new(std::io::stdin().lock())
        } else {
            Box::new(File::open(file).with_context(|| format!("cannot open {name}"))?)
        };
        let mut reader = BufReader::with_capacity(1 << 20, reader);
        let mut buf = Vec::new();
        let mut line_no = 0u64;
        let mut read = 0u64;
        loop {
            buf.clear();
            let n = reader.read_until(b'\n', &mut buf).with_context(|| format!("cannot read {name}"))?;
            if n == 0 {
                break;
            }
            read += n as u64;
            line_no += 1;
            let loc = Location { path: name.clone(), line: Some(line_no) };
            // (SIMD validation; std only to describe an error)
            let text = match simdutf8::basic::from_utf8(&buf).map_err(|_| std::str::from_utf8(&buf).unwrap_err()) {
                Ok(t) => std::borrow::Cow::Borrowed(t),
                Err(e) if lossy => {
                    let _ = e;
                    String::from_utf8_lossy(&buf)
                }
                Err(e) => {
                    sink(Err(anyhow::anyhow!("invalid UTF-8 at byte {} of the line", e.valid_up_to())), loc, read)?;
                    continue;
                }
            };
            let t = text.trim();
            if t.is_empty() {
                continue;
            }
            let doc = serde_json::from_str::<serde_json::Value>(t)
                .map_err(|e| anyhow::anyhow!("invalid JSON: {e}"))
                .and_then(|v| Doc::from_json(v, &format!("{name}:{line_no}")));
            sink(doc, loc, read)?;
        }
        Ok(())
    } else {
        let bytes = std::fs::read(file).with_context(|| format!("cannot read {name}"))?;
        let n = bytes.len() as u64;
        let loc = Location { path: name.clone(), line: None };
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) if lossy => String::from_utf8_lossy(e.as_bytes()).into_owned(),
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                return sink(Err(anyhow::anyhow!("invalid UTF-8 at byte {at} (use --lossy to replace it)")), loc, n);
            }
        };
        sink(Ok(text_doc(&name, &text)), loc, n)
    }
}

/// A document from a plain text file: title is the first non-empty line
/// when it is at most 200 characters, body the rest (nothing is dropped).
pub fn text_doc(id: &str, text: &str) -> Doc {
    let trimmed = text.trim_start_matches(['\n', '\r', ' ', '\t', '\u{FEFF}']);
    let (first, rest) = trimmed.split_once('\n').unwrap_or((trimmed, ""));
    let (title, body) = if first.chars().count() <= 200 && !rest.trim().is_empty() {
        (first.trim().to_string(), rest.to_string())
    } else {
        (String::new(), text.to_string())
    };
    Doc { id: id.to_string(), title, body, ..Doc::default() }
}
