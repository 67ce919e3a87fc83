//! Indexing and searching on small indexes: incremental updates, deduplication,
//! the query language, spelling tolerance, snippets.

use sorani_search::indexer::Outcome;
use sorani_search::{Doc, Engine, Fuzzy, IndexOptions, Indexer, SearchRequest};

fn doc(id: &str, title: &str, body: &str, date: Option<&str>, source: Option<&str>) -> Doc {
    Doc {
        id: id.into(),
        title: title.into(),
        body: body.into(),
        date: date.map(Into::into),
        source: source.map(Into::into),
        ..Doc::default()
    }
}

fn sample_engine() -> (tempfile::TempDir, Engine) {
    let dir = tempfile::tempdir().unwrap();
    let stats = sorani_search::sample::build_index(dir.path()).unwrap();
    assert!(stats.total_docs >= 30, "sample collection has {} docs", stats.total_docs);
    let e = Engine::open(dir.path()).unwrap();
    (dir, e)
}

fn ids(e: &Engine, q: &str) -> Vec<String> {
    let r = e.search(&SearchRequest { q: q.into(), ..SearchRequest::default() }).unwrap();
    r.hits.into_iter().map(|h| h.id).collect()
}

#[test]
fn queries_on_the_sample_collection() {
    let (_d, e) = sample_engine();
    // (query, a document that must be first)
    let cases = [
        ("ئەردۆغان", "s07"),
        ("ئهردوغان", "s07"),            // legacy ه for ە, و for ۆ
        ("پووتین", "s08"),              // doubled vowel
        ("\"سەرۆکی تورکیا\"", "s07"),   // phrase
        ("ههڵبژاردن", "s26"),           // the document itself is legacy-typed
        ("هەڵبژاردنی ئەنجومەن", "s26"), // standard query, legacy document
        ("كۆنسێرت", "s21"),
        ("نیسک", "s04"),
        ("title:نەورۆز", "s05"),
        ("هەولێر date:2023", "s20"),
        ("قەڵا AND هەولێر", "s20"),
    ];
    for (q, want) in cases {
        let got = ids(&e, q);
        assert_eq!(got.first().map(String::as_str), Some(want), "query {q:?} gave {got:?}");
    }
}

#[test]
fn boolean_and_filters_restrict() {
    let (_d, e) = sample_engine();
    let with = ids(&e, "هەولێر");
    let without = ids(&e, "هەولێر -گۆڵ");
    assert!(with.contains(&"s02".to_string()) && !without.contains(&"s02".to_string()), "{with:?} / {without:?}");
    for id in ids(&e, "هەولێر source:نموونە-هەواڵ") {
        let d = e.get(&id).unwrap().unwrap();
        assert_eq!(d.source.as_deref(), Some("نموونە-هەواڵ"));
    }
    let r = e
        .search(&SearchRequest {
            q: "*".into(),
            from: Some("2024-06".into()),
            to: Some("2024-06".into()),
            limit: 50,
            ..SearchRequest::default()
        })
        .unwrap();
    assert!(r.total > 0);
    for h in r.hits {
        assert!(h.date.as_deref().unwrap().starts_with("2024-06"), "{:?}", h.date);
    }
}

#[test]
fn snippets_highlight_the_original_spelling() {
    let (_d, e) = sample_engine();
    let r = e.search(&SearchRequest { q: "ئهردوغان".into(), ..SearchRequest::default() }).unwrap();
    let h = &r.hits[0];
    assert!(h.snippet_html.contains("<mark>ئەردۆغان</mark>"), "{}", h.snippet_html);
    // legacy-typed document, standard query: the legacy characters are marked
    let r = e.search(&SearchRequest { q: "هەڵبژاردن".into(), ..SearchRequest::default() }).unwrap();
    assert!(r.hits[0].title_html.contains("<mark>ههڵبژاردنی</mark>"), "{}", r.hits[0].title_html);
}

#[test]
fn in_a_legacy_font_line_only_the_word_is_marked() {
    // the whole line is one restoration; the match is one word of it
    let dir = tempfile::tempdir().unwrap();
    let mut ix = Indexer::open(dir.path(), IndexOptions::default()).unwrap();
    ix.add(doc("1", "", "لە سالَی یەک ، لەڕۆژیَکی خۆشدا چووینە بازاڕ", None, None)).unwrap();
    ix.finish().unwrap();
    let e = Engine::open(dir.path()).unwrap();
    let r = e.search(&SearchRequest { q: "ساڵ".into(), ..SearchRequest::default() }).unwrap();
    assert_eq!(r.hits[0].snippet_html, "لە <mark>سالَی</mark> یەک ، لەڕۆژیَکی خۆشدا چووینە بازاڕ");
}

#[test]
fn escaping_in_snippets() {
    let dir = tempfile::tempdir().unwrap();
    let mut ix = Indexer::open(dir.path(), IndexOptions::default()).unwrap();
    ix.add(doc("x", "<b>نازناو</b>", "شار & <script>alert(1)</script> شار", None, None)).unwrap();
    ix.finish().unwrap();
    let e = Engine::open(dir.path()).unwrap();
    let r = e.search(&SearchRequest { q: "شار".into(), ..SearchRequest::default() }).unwrap();
    let h = &r.hits[0];
    assert!(!h.snippet_html.contains("<script>") && h.snippet_html.contains("&lt;script&gt;"), "{}", h.snippet_html);
    assert!(h.title_html.contains("&lt;b&gt;"), "{}", h.title_html);
}

#[test]
fn incremental_update_and_dedup() {
    let dir = tempfile::tempdir().unwrap();
    let mut ix = Indexer::open(dir.path(), IndexOptions::default()).unwrap();
    assert_eq!(ix.add(doc("a", "سێو", "سێوی سوور", None, None)).unwrap(), Outcome::Added);
    assert_eq!(ix.add(doc("b", "هەنار", "هەناری شیرین", None, None)).unwrap(), Outcome::Added);
    assert_eq!(ix.add(doc("c", "سێو", "سێوی سوور", None, None)).unwrap(), Outcome::Duplicate, "same content, other id");
    ix.finish().unwrap();

    let mut ix = Indexer::open(dir.path(), IndexOptions::default()).unwrap();
    assert_eq!(ix.add(doc("a", "سێو", "سێوی سوور", None, None)).unwrap(), Outcome::Unchanged);
    assert_eq!(ix.add(doc("b", "هەنار", "هەناری ترش", None, None)).unwrap(), Outcome::Updated);
    assert_eq!(ix.add(doc("d", "قەیسی", "قەیسی وشک", None, None)).unwrap(), Outcome::Added);
    let stats = ix.finish().unwrap();
    assert_eq!(stats.total_docs, 3);

    let e = Engine::open(dir.path()).unwrap();
    assert_eq!(e.num_docs(), 3);
    assert_eq!(e.get("b").unwrap().unwrap().body, "هەناری ترش");
    assert!(ids(&e, "شیرین").is_empty(), "the old version of b is gone");
    assert_eq!(ids(&e, "ترش"), vec!["b"]);
}

#[test]
fn dedup_across_the_commits_of_one_run() {
    // Documents committed earlier in the same run are found through their
    // fingerprints, not through the pending sets cleared at each commit.
    let dir = tempfile::tempdir().unwrap();
    let options = IndexOptions { commit_every_docs: 2, ..IndexOptions::default() };
    let mut ix = Indexer::open(dir.path(), options).unwrap();
    assert_eq!(ix.add(doc("a", "", "سێوی سوور", None, None)).unwrap(), Outcome::Added);
    assert_eq!(ix.add(doc("b", "", "هەناری شیرین", None, None)).unwrap(), Outcome::Added);
    assert_eq!(ix.stats().commits, 1);
    assert_eq!(ix.add(doc("a", "", "سێوی سوور", None, None)).unwrap(), Outcome::Unchanged);
    assert_eq!(ix.add(doc("c", "", "هەناری شیرین", None, None)).unwrap(), Outcome::Duplicate);
    assert_eq!(ix.add(doc("b", "", "هەناری ترش", None, None)).unwrap(), Outcome::Updated);
    assert_eq!(ix.finish().unwrap().total_docs, 2);
}

#[test]
fn content_replaced_in_this_run_is_not_a_duplicate() {
    // `a` held "X" before the run; the run replaces it, so "X" is no longer
    // indexed and a new document with it is added, not skipped.
    let dir = tempfile::tempdir().unwrap();
    let mut ix = Indexer::open(dir.path(), IndexOptions::default()).unwrap();
    ix.add(doc("a", "", "سێوی سوور", None, None)).unwrap();
    ix.finish().unwrap();
    let options = IndexOptions { commit_every_docs: 1, ..IndexOptions::default() };
    let mut ix = Indexer::open(dir.path(), options).unwrap();
    assert_eq!(ix.add(doc("a", "", "هەناری ترش", None, None)).unwrap(), Outcome::Updated);
    assert_eq!(ix.add(doc("c", "", "سێوی سوور", None, None)).unwrap(), Outcome::Added);
    assert_eq!(ix.finish().unwrap().total_docs, 2);
}

#[test]
fn spelling_variants_match_across_runs() {
    // The key list grows run by run: a variant indexed in the first run is
    // found after a second run added other documents.
    let dir = tempfile::tempdir().unwrap();
    let mut ix = Indexer::open(dir.path(), IndexOptions::default()).unwrap();
    ix.add(doc("variant", "", "پووتین گەیشت", None, None)).unwrap();
    ix.finish().unwrap();
    let mut ix = Indexer::open(dir.path(), IndexOptions::default()).unwrap();
    ix.add(doc("other", "", "باران بارى", None, None)).unwrap();
    ix.finish().unwrap();
    assert!(dir.path().join(sorani_search::keys::FILE).exists());
    let e = Engine::open(dir.path()).unwrap();
    let hits = |variants: bool| -> Vec<String> {
        let req = SearchRequest { q: "پوتین".into(), variants, fuzzy: Fuzzy::Off, ..SearchRequest::default() };
        e.search(&req).unwrap().hits.into_iter().map(|h| h.id).collect()
    };
    assert_eq!(hits(true), vec!["variant"], "through the key list");
    assert!(hits(false).is_empty(), "and only through it");
}

#[test]
fn rare_names_match_within_edit_distance() {
    let dir = tempfile::tempdir().unwrap();
    let mut ix = Indexer::open(dir.path(), IndexOptions::default()).unwrap();
    ix.add(doc("1", "", "زانا سەردانی کۆمپانیای مایکرۆسۆفت کرد", None, None)).unwrap();
    ix.add(doc("2", "", "زانا سەردانی بازاڕ کرد", None, None)).unwrap();
    ix.finish().unwrap();
    let e = Engine::open(dir.path()).unwrap();
    let q = |fuzzy| {
        e.search(&SearchRequest {
            q: "مایکرۆسۆڤت".into(), fuzzy, variants: false, ..SearchRequest::default()
        })
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect::<Vec<_>>()
    };
    assert_eq!(q(Fuzzy::Auto), vec!["1"], "fuzzy on by default for rare terms");
    assert!(q(Fuzzy::Off).is_empty(), "no fuzzy when off");
}

/// A word or phrase typed in Latin letters, with or without ê î û ş ç,
/// finds the documents that write it in Arabic script, and highlights it.
#[test]
fn latin_queries_find_arabic_script() {
    let dir = tempfile::tempdir().unwrap();
    let mut ix = Indexer::open(dir.path(), IndexOptions::default()).unwrap();
    ix.add(doc("1", "", "قەڵای هەولێر کۆنترین شوێنە", None, None)).unwrap();
    ix.add(doc("2", "", "بازاڕی سلێمانی قەرەباڵغە", None, None)).unwrap();
    ix.add(doc("3", "", "Hewler is a city", None, None)).unwrap();
    ix.finish().unwrap();
    let e = Engine::open(dir.path()).unwrap();
    let search = |q: &str, transliterate: bool| {
        let req = SearchRequest {
            q: q.into(),
            transliterate,
            fuzzy: Fuzzy::Off,
            variants: false,
            ..SearchRequest::default()
        };
        let mut ids: Vec<String> = e.search(&req).unwrap().hits.into_iter().map(|h| h.id).collect();
        ids.sort();
        ids
    };
    assert_eq!(search("hewlêr", true), ["1"]);
    assert_eq!(search("hewler", true), ["1", "3"], "as typed, and in Arabic script");
    assert_eq!(search("hewler", false), ["3"]);
    assert_eq!(search("\"qelay hewler\"", true), ["1"]);
    assert_eq!(search("silemani", true), ["2"]);
    assert_eq!(search("title:silemani OR body:silemani", true), ["2"]);
    // Arabic script is not read again, nor a word that is not Kurdish Latin
    assert_eq!(search("هەولێر", true), ["1"]);
    assert!(search("straße", true).is_empty());
    let r = e.search(&SearchRequest { q: "hewler".into(), ..SearchRequest::default() }).unwrap();
    assert!(r.terms.contains(&"هەولێر".to_string()), "{:?}", r.terms);
    let hit = r.hits.iter().find(|h| h.id == "1").unwrap();
    assert!(hit.snippet_html.contains("<mark>هەولێر</mark>"), "{}", hit.snippet_html);
}

#[test]
fn query_errors_are_clear() {
    let (_d, e) = sample_engine();
    for (q, needle) in [
        ("nope:x", "unknown field"),
        ("date:2024-99", "bad date"),
        ("title:/a.*/", "regular expressions"),
        ("date:[* TO *]", "a `date` range needs a start or an end"),
        ("ئەردۆغان TO date: [", "a `date` range needs a start or an end"),
        // years the index's nanosecond timestamps cannot hold
        ("date: ١٢", "bad date"),
        ("date:[0012 TO 2020]", "bad date"),
    ] {
        let err = e.search(&SearchRequest { q: q.into(), ..SearchRequest::default() }).unwrap_err();
        assert!(format!("{err:#}").contains(needle), "{q:?}: {err:#}");
    }
    let long = "ش".repeat(2000);
    assert!(e.search(&SearchRequest { q: long, ..SearchRequest::default() }).is_err());
    // a page so deep that ranking would have to hold it is refused, not allocated
    let deep = SearchRequest { q: "سەرۆک".into(), offset: usize::MAX / 2, ..SearchRequest::default() };
    let err = e.search(&deep).unwrap_err();
    assert!(format!("{err:#}").contains("offset"), "{err:#}");
}

#[test]
fn a_colon_after_a_word_in_prose_is_not_a_field() {
    // Pasted Kurdish text often has `word: text`; no field is named in
    // Arabic script, so both sides are words of the query.
    let (_d, e) = sample_engine();
    let got = ids(&e, "ئەردۆغان: سەرۆک");
    assert_eq!(got.first().map(String::as_str), Some("s07"), "{got:?}");
    assert_eq!(ids(&e, "سەرۆک ئەردۆغان:").first().map(String::as_str), Some("s07"));
    // A time and a stray bracket are text too; a real range still works.
    for q in ["ئەردۆغان 15:00", "[ئەردۆغان سەرۆک"] {
        assert_eq!(ids(&e, q).first().map(String::as_str), Some("s07"), "{q}");
    }
    assert!(!ids(&e, "هەولێر date:[2020-01 TO 2030-01]").is_empty());
    // `note: …` (a Latin word, then a space) is punctuation too, while a
    // field name keeps its meaning with or without the space.
    assert_eq!(ids(&e, "note: ئەردۆغان").first().map(String::as_str), Some("s07"));
    assert_eq!(ids(&e, "title: ئەردۆغان"), ids(&e, "title:ئەردۆغان"));
}

#[test]
fn jsonl_and_text_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("in");
    std::fs::create_dir_all(src.join("sub")).unwrap();
    std::fs::write(src.join("a.txt"), "سەردێڕ\nدەقی یەکەم لێرەیە\n").unwrap();
    std::fs::write(
        src.join("sub/b.jsonl"),
        "{\"id\": 7, \"text\": \"دەقی دووەم\", \"author\": \"ئاسۆ\", \"date\": \"2020-02-02\"}\n\n{\"title\": \"بێ ناسنامە\", \"body\": \"دەقی سێیەم\"}\nnot json\n",
    )
    .unwrap();
    let files = sorani_search::indexer::expand_inputs(&[src]).unwrap();
    assert_eq!(files.len(), 2);
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    for f in &files {
        sorani_search::indexer::read_file(f, false, &mut |d, loc, _| {
            match d {
                Ok(d) => docs.push(d),
                Err(e) => errors.push(format!("{loc}: {e}")),
            }
            Ok(())
        })
        .unwrap();
    }
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[0].title, "سەردێڕ");
    assert_eq!(docs[1].id, "7");
    assert_eq!(docs[1].fields.get("author").and_then(|v| v.as_str()), Some("ئاسۆ"));
    assert!(docs[2].id.ends_with("b.jsonl:3"), "{}", docs[2].id);
    assert_eq!(errors.len(), 1);
    assert!(errors[0].contains("b.jsonl:4") && errors[0].contains("invalid JSON"), "{errors:?}");

    let ixdir = dir.path().join("idx");
    let mut ix = Indexer::open(&ixdir, IndexOptions::default()).unwrap();
    for d in docs {
        ix.add(d).unwrap();
    }
    ix.finish().unwrap();
    let e = Engine::open(&ixdir).unwrap();
    assert_eq!(ids(&e, "fields.author:ئاسۆ"), vec!["7"]);
    assert_eq!(e.get("7").unwrap().unwrap().date.as_deref(), Some("2020-02-02"));
}

#[test]
fn totals_are_exact_up_to_a_bound() {
    let (index, fields) = sorani_search::schema::create_in_ram().unwrap();
    let mut indexer = Indexer::with_index(index, fields, IndexOptions::default()).unwrap();
    let n = sorani_search::search::EXACT_TOTAL_UP_TO + 5;
    for i in 0..n {
        // (numbered: the indexer drops documents whose text it has seen)
        let body =
            if i % 2 == 0 { format!("باران دەبارێت {i}") } else { format!("باران و بەفر {i}") };
        indexer.add(doc(&i.to_string(), "", &body, None, None)).unwrap();
    }
    indexer.commit().unwrap();
    let e = Engine::new(indexer.index().clone(), fields).unwrap();
    let search = |q: &str, offset: usize| {
        e.search(&SearchRequest { q: q.into(), offset, limit: 10, ..SearchRequest::default() }).unwrap()
    };
    // Half the documents: counted exactly.
    let snow = search("بەفر", 0);
    assert_eq!((snow.total, snow.total_exact), (n / 2, true));
    // Every document: the count stops at the bound and says so.
    let rain = search("باران", 0);
    assert_eq!((rain.total, rain.total_exact), (sorani_search::search::EXACT_TOTAL_UP_TO, false));
    assert_eq!(rain.hits.len(), 10);
    // A page past the bound is still served, and counted up to its end.
    let deep = search("باران", n - 3);
    assert_eq!(deep.hits.len(), 3);
    assert_eq!((deep.total, deep.total_exact), (n, true));
}

#[test]
fn common_words_match_without_their_phonetic_key() {
    // A variant spelling (پووتین for پوتین) is found through the phonetic key
    // while the word is rare, and no longer once the word as typed is in
    // COMMON_DOC_FREQ documents.
    let totals_with = |copies: usize| {
        let (index, fields) = sorani_search::schema::create_in_ram().unwrap();
        let mut indexer = Indexer::with_index(index, fields, IndexOptions::default()).unwrap();
        indexer.add(doc("variant", "", "پووتین", None, None)).unwrap();
        for i in 0..copies {
            indexer.add(doc(&i.to_string(), "", &format!("پوتین {i}"), None, None)).unwrap();
        }
        indexer.commit().unwrap();
        let e = Engine::new(indexer.index().clone(), fields).unwrap();
        let r = e.search(&SearchRequest { q: "پوتین".into(), limit: 1, ..SearchRequest::default() }).unwrap();
        (r.total, r.total_exact)
    };
    let common = sorani_search::search::COMMON_DOC_FREQ as usize;
    assert_eq!(totals_with(10), (11, true), "rare: the variant matches too");
    assert_eq!(totals_with(common), (common, true), "common: only the spelling as typed");
}

#[test]
fn merge_leaves_one_segment_with_every_document() {
    let dir = tempfile::tempdir().unwrap();
    let options = IndexOptions { commit_every_docs: 1, merge_into_one: true, ..IndexOptions::default() };
    let mut ix = Indexer::open(dir.path(), options).unwrap();
    ix.add(doc("a", "", "سێوی سوور", None, None)).unwrap();
    ix.add(doc("b", "", "هەناری شیرین", None, None)).unwrap();
    ix.add(doc("c", "", "سێوی زەرد", None, None)).unwrap();
    assert_eq!(ix.finish().unwrap().total_docs, 3);
    let index = tantivy::Index::open_in_dir(dir.path()).unwrap();
    assert_eq!(index.searchable_segment_ids().unwrap().len(), 1);
    let e = Engine::open(dir.path()).unwrap();
    let mut found = ids(&e, "سێو");
    found.sort();
    assert_eq!(found, vec!["a", "c"]);
    assert_eq!(ids(&e, "هەنار"), vec!["b"]);
}
