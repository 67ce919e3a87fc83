//! `cargo xtask eval-search`: robustness of the search engine to keyboard and
//! spelling variants beside two baselines (tantivy's default analyzer and
//! Lucene's Sorani analyzer rules), and known-item search on a collection
//! built from `../shared/data/`. Nothing here is shipped.
//!
//! Collection: consecutive groups of three lines of each source file
//! (awta-en-ckb, interdialect-parallel CKB side, ktc-textbooks chapters,
//! developerstree wishe pages), in that order, up to `--docs N`; the
//! known-item collection likewise up to `--known-docs N`, with
//! `--known-lines L` lines per document (default 3).
//!
//! Robustness: for `--queries N` documents (seeded), the three content words
//! of the document that are rarest in the collection form a query; the query
//! is corrupted with the restorer's confusion model (legacy keyboard, Arabic
//! keyboard, Persian keyboard in turn, vowel dropping 0.1), keeping only
//! queries that changed. Success: the document is in the top 10.
//!
//! Latin queries: the clean queries of the robustness part transliterated
//! to Kurdish Latin by `sorani translit`, and the same without ê î û ş ç ł
//! ř ḧ ẍ, searched as typed and with their Arabic-script spelling.
//!
//! Known item: for `--queries N` documents, one of its lines with at least 6
//! words is the query (its words, punctuation dropped). Success: the document
//! ranks first (also reported: first or a document containing that same line).

use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result};
use sorani_search::analysis;
use sorani_search::{Doc, Engine, Fuzzy, IndexOptions, Indexer, SearchRequest};

use crate::restore::{corrupt, flag, Noise, Rng};

fn collection(shared: &Path, max_docs: usize, lines_per_doc: usize) -> Result<Vec<Doc>> {
    let mut files: Vec<std::path::PathBuf> = vec![
        shared.join("awta-en-ckb/100000_samples_ku.txt"),
        shared.join("interdialect-parallel/CKB-KMR/CKB-KMR_ckb_no_tag.txt"),
    ];
    for dir in ["ktc-textbooks", "developerstree-kurdish-resources/wishe"] {
        let mut more: Vec<_> = walk(&shared.join(dir));
        more.sort();
        files.extend(more);
    }
    let mut docs = Vec::new();
    for f in files {
        let Ok(text) = std::fs::read_to_string(&f) else { continue };
        let name = f.strip_prefix(shared).unwrap_or(&f).display().to_string();
        let lines: Vec<&str> = text
            .lines()
            .map(|l| l.trim_start_matches('\u{FEFF}').trim())
            .filter(|l| l.split_whitespace().count() >= 3 && !l.starts_with("****"))
            .collect();
        for (i, chunk) in lines.chunks(lines_per_doc).enumerate() {
            docs.push(Doc {
                id: format!("{name}#{i}"),
                body: chunk.join("\n"),
                source: Some(name.split('/').next().unwrap_or("").to_string()),
                ..Doc::default()
            });
            if docs.len() >= max_docs {
                return Ok(docs);
            }
        }
    }
    Ok(docs)
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let Ok(rd) = std::fs::read_dir(dir) else { return out };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else if p.extension().is_some_and(|x| x == "txt") {
            out.push(p);
        }
    }
    out
}

fn build(docs: &[Doc], text: &str) -> Result<(Engine, f64)> {
    let (index, fields) = sorani_search::schema::create_in_ram_with(text)?;
    let started = Instant::now();
    let mut ix =
        Indexer::with_index(index.clone(), fields, IndexOptions { memory_mb: 512, ..IndexOptions::default() })?;
    for d in docs {
        ix.add(d.clone())?;
    }
    ix.finish()?;
    let secs = started.elapsed().as_secs_f64();
    Ok((Engine::new(index, fields)?, secs))
}

/// The words of `text` as the query language reads them (no operators).
fn plain_words(text: &str) -> Vec<String> {
    analysis::words(text).map(|(s, e)| text[s..e].to_string()).collect()
}

fn rank(engine: &Engine, q: &str, id: &str, variants: bool, fuzzy: Fuzzy) -> Result<Option<usize>> {
    let req =
        SearchRequest { q: q.to_string(), limit: 10, variants, fuzzy, snippet_chars: 40, ..SearchRequest::default() };
    let r = engine.search(&req)?;
    Ok(r.hits.iter().position(|h| h.id == id))
}

/// The clean queries typed in Latin letters: as `sorani translit --to latin`
/// writes them, and without the Kurdish letters, as many users type them.
/// Success: the document in the top 10, with and without transliteration.
fn latin_queries(engine: &Engine, queries: &[(String, String, String, usize)]) -> Result<()> {
    use sorani::translit::{LatinOptions, Transliterator};
    let to_latin = Transliterator::new().with_latin(LatinOptions { capitalize: false, ..LatinOptions::default() });
    let plain = crate::translit::without_kurdish_letters;
    let mut ok = [[0usize; 2]; 2];
    for (id, clean, _, _) in queries {
        let latin = to_latin.to_latin(clean);
        for (k, q) in [latin.clone(), plain(&latin)].iter().enumerate() {
            for (t, transliterate) in [false, true].into_iter().enumerate() {
                let req = SearchRequest {
                    q: q.clone(),
                    limit: 10,
                    snippet_chars: 40,
                    transliterate,
                    ..SearchRequest::default()
                };
                if engine.search(&req)?.hits.iter().any(|h| &h.id == id) {
                    ok[k][t] += 1;
                }
            }
        }
    }
    let pct = |a: usize| 100.0 * a as f64 / queries.len().max(1) as f64;
    println!(
        "
the same clean queries typed in Latin letters (sorani default; document in top 10):"
    );
    println!("{:<44} {:>10} {:>10}", "query", "as typed", "+ Arabic");
    println!("{:<44} {:>9.1}% {:>9.1}%", "Kurdish Latin (sorani translit --to latin)", pct(ok[0][0]), pct(ok[0][1]));
    println!("{:<44} {:>9.1}% {:>9.1}%", "without ê î û ş ç ł ř ḧ ẍ", pct(ok[1][0]), pct(ok[1][1]));
    Ok(())
}

pub fn eval_search(args: &[String]) -> Result<()> {
    let mut shared = crate::shared::shared_dir(args);
    if shared.join("data/awta-en-ckb").exists() {
        shared = shared.join("data");
    }
    if !shared.join("awta-en-ckb").exists() {
        println!("eval-search: {} has no awta-en-ckb; skipped", shared.display());
        return Ok(());
    }
    let n_docs: usize = flag(args, "--docs").map_or(Ok(20_000), str::parse).context("--docs")?;
    let n_known: usize = flag(args, "--known-docs").map_or(Ok(100_000), str::parse).context("--known-docs")?;
    let n_queries: usize = flag(args, "--queries").map_or(Ok(1000), str::parse).context("--queries")?;
    // Three lines per document give about 47k documents from the shared
    // data; one line per document gives the 100k that the issue's
    // known-item target asks for.
    let known_lines: usize = flag(args, "--known-lines").map_or(Ok(3), str::parse).context("--known-lines")?;
    anyhow::ensure!(known_lines > 0, "--known-lines must be at least 1");

    // ---------------------------------------------------------------- robustness
    let docs = collection(&shared, n_docs, 3)?;
    let bytes: usize = docs.iter().map(|d| d.body.len()).sum();
    println!("robustness collection: {} documents, {:.1} MB", docs.len(), bytes as f64 / 1e6);
    // collection frequency of surface words, to pick each document's rarest words
    let mut freq: HashMap<String, u32> = HashMap::new();
    for d in &docs {
        for w in plain_words(&d.body) {
            *freq.entry(w).or_default() += 1;
        }
    }
    let mut rng = Rng::new(0x5EA2C4);
    let noises = [Noise::Legacy, Noise::Arabic { drop: 0.1 }, Noise::Persian { drop: 0.1 }];
    let mut queries: Vec<(String, String, String, usize)> = Vec::new(); // id, clean, variant, noise
    let mut i = 0;
    while queries.len() < n_queries && i < docs.len() {
        let d = &docs[(i * 7919 + 13) % docs.len()];
        i += 1;
        let mut words: Vec<String> = plain_words(&d.body)
            .into_iter()
            .filter(|w| {
                w.chars().count() >= 4 && w.chars().all(|c| sorani::chars::in_arabic_block(c) || c == '\u{200C}')
            })
            .filter(|w| !sorani::morph::is_stopword(w))
            .collect();
        words.sort_by_key(|w| (freq.get(w).copied().unwrap_or(0), w.clone()));
        words.dedup();
        words.truncate(3);
        if words.len() < 2 {
            continue;
        }
        let clean = words.join(" ");
        let which = queries.len() % noises.len();
        let variant = corrupt(&clean, noises[which], &mut rng);
        if variant == clean {
            continue;
        }
        queries.push((d.id.clone(), clean, variant, which));
    }
    println!(
        "variant queries: {} (legacy / Arabic / Persian keyboard in turn), success = document in top 10\n",
        queries.len()
    );
    let systems: [(&str, &str, bool, Fuzzy); 4] = [
        ("tantivy default", analysis::BASELINE_DEFAULT, false, Fuzzy::Off),
        ("Lucene Sorani rules", analysis::BASELINE_LUCENE, false, Fuzzy::Off),
        ("sorani (no key, no fuzzy)", analysis::CKB_STEM, false, Fuzzy::Off),
        ("sorani (default)", analysis::CKB_STEM, true, Fuzzy::Auto),
    ];
    println!(
        "{:<28} {:>8} {:>8} {:>8} {:>8} {:>8} {:>9}",
        "system", "clean", "variant", "legacy", "arabic", "persian", "index s"
    );
    let mut built: Vec<(&str, Engine, f64)> = Vec::new();
    for (name, text, variants, fuzzy) in &systems {
        if !built.iter().any(|(k, _, _)| k == text) {
            let (e, secs) = build(&docs, text)?;
            built.push((text, e, secs));
        }
        let (_, engine, secs) = built.iter().find(|(k, _, _)| k == text).unwrap();
        let mut clean_ok = 0;
        let mut ok = [0usize; 3];
        let mut n = [0usize; 3];
        for (id, clean, variant, which) in &queries {
            if rank(engine, clean, id, *variants, *fuzzy)?.is_some() {
                clean_ok += 1;
            }
            n[*which] += 1;
            if rank(engine, variant, id, *variants, *fuzzy)?.is_some() {
                ok[*which] += 1;
            }
        }
        let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
        let total_ok: usize = ok.iter().sum();
        println!(
            "{:<28} {:>7.1}% {:>7.1}% {:>7.1}% {:>7.1}% {:>7.1}% {:>9.1}",
            name,
            pct(clean_ok, queries.len()),
            pct(total_ok, queries.len()),
            pct(ok[0], n[0]),
            pct(ok[1], n[1]),
            pct(ok[2], n[2]),
            secs
        );
    }
    latin_queries(&built.last().expect("the systems were built").1, &queries)?;
    let show: usize = flag(args, "--show").map_or(Ok(0), str::parse).context("--show")?;
    if show > 0 {
        let engine = &built.last().unwrap().1;
        println!("\nmisses (sorani default):");
        let mut shown = 0;
        for (id, clean, variant, _) in &queries {
            if rank(engine, variant, id, true, Fuzzy::Auto)?.is_none() && shown < show {
                println!("  {id}: {clean}  →  {variant}");
                shown += 1;
            }
        }
    }

    // ---------------------------------------------------------------- known item
    if n_known == 0 {
        return Ok(());
    }
    drop(built);
    let docs = collection(&shared, n_known, known_lines)?;
    let bytes: usize = docs.iter().map(|d| d.body.len()).sum();
    println!("\nknown-item collection: {} documents, {:.1} MB", docs.len(), bytes as f64 / 1e6);
    let (engine, secs) = build(&docs, analysis::CKB_STEM)?;
    println!("indexed in {secs:.1} s ({:.2} MB/s, in RAM, this machine)", bytes as f64 / 1e6 / secs);
    let mut first = 0;
    let mut first_or_same = 0;
    let mut top10 = 0;
    let mut n = 0;
    let mut lat = Vec::new();
    let step = (docs.len() / n_queries.max(1)).max(1);
    for k in 0..n_queries {
        let d = &docs[(k * step + (k * 31) % step.max(1)) % docs.len()];
        let lines: Vec<&str> = d.body.lines().filter(|l| l.split_whitespace().count() >= 6).collect();
        let Some(line) = lines.get(k % lines.len().max(1)) else { continue };
        // long lines: their first 30 words (the query limit is 1000 characters)
        let q = plain_words(line).into_iter().take(30).collect::<Vec<_>>().join(" ");
        let started = Instant::now();
        let r =
            engine.search(&SearchRequest { q: q.clone(), limit: 10, snippet_chars: 40, ..SearchRequest::default() })?;
        lat.push(started.elapsed().as_secs_f64() * 1000.0);
        n += 1;
        match r.hits.iter().position(|h| h.id == d.id) {
            Some(0) => {
                first += 1;
                first_or_same += 1;
            }
            other => {
                if let Some(top) = r.hits.first() {
                    let top_doc = engine.get(&top.id)?.map(|t| t.body).unwrap_or_default();
                    if top_doc.contains(*line) {
                        first_or_same += 1;
                    }
                }
                let _ = other;
            }
        }
        if r.hits.iter().any(|h| h.id == d.id) {
            top10 += 1;
        }
    }
    lat.sort_by(f64::total_cmp);
    let p = |q: f64| lat.get(((lat.len() as f64 - 1.0) * q) as usize).copied().unwrap_or(0.0);
    let pct = |a: usize| 100.0 * a as f64 / n.max(1) as f64;
    println!(
        "known-item queries: {n}; source document first: {:.1}%; first or a document with the same line first: {:.1}%; in top 10: {:.1}%",
        pct(first),
        pct(first_or_same),
        pct(top10)
    );
    println!("in-process latency with snippets (1 thread): p50 {:.1} ms, p99 {:.1} ms", p(0.5), p(0.99));
    Ok(())
}
