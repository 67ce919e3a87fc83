//! The HTTP API over loopback: answers, limits and JSON errors.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};

use serde_json::json;
use sorani_search::server::{self, Limits};
use sorani_search::Engine;

struct Server {
    addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
    _dir: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
        if let Some(t) = self.thread.take() {
            t.join().unwrap();
        }
    }
}

fn start() -> Server {
    let dir = tempfile::tempdir().unwrap();
    sorani_search::sample::build_index(dir.path()).unwrap();
    let engine = Engine::open(dir.path()).unwrap();
    let limits = Limits { max_body_bytes: 4096, max_limit: 20, ..Limits::default() };
    let router = server::router(engine, limits, "test");
    let (tx, rx) = std::sync::mpsc::channel();
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let thread = std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        rt.block_on(server::serve_until(router, "127.0.0.1:0".parse().unwrap(), |a| tx.send(a).unwrap(), async {
            let _ = stop_rx.await;
        }))
        .unwrap();
    });
    let addr = rx.recv().unwrap();
    Server { addr, stop: Some(stop_tx), thread: Some(thread), _dir: dir }
}

/// A minimal HTTP/1.1 client: returns (status, body).
fn request(addr: SocketAddr, method: &str, path: &str, body: Option<&str>) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    let body = body.unwrap_or("");
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8(raw).unwrap();
    let status: u16 = text[9..12].parse().unwrap();
    let (head, rest) = text.split_once("\r\n\r\n").unwrap();
    let body =
        if head.to_ascii_lowercase().contains("transfer-encoding: chunked") { dechunk(rest) } else { rest.to_string() };
    (status, body)
}

fn dechunk(mut s: &str) -> String {
    let mut out = String::new();
    loop {
        let (len, rest) = s.split_once("\r\n").unwrap();
        let n = usize::from_str_radix(len.trim(), 16).unwrap();
        if n == 0 {
            return out;
        }
        out.push_str(&rest[..n]);
        s = &rest[n + 2..];
    }
}

fn enc(s: &str) -> String {
    s.bytes().map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") }).collect()
}

fn json(body: &str) -> serde_json::Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"))
}

#[test]
fn api_answers_and_errors() {
    let srv = start();
    let a = srv.addr;

    let (st, body) = request(a, "GET", "/api/health", None);
    assert_eq!(st, 200);
    assert_eq!(json(&body)["docs"], 32);

    let (st, body) = request(a, "GET", &format!("/api/search?q={}&limit=3", enc("ئهردوغان")), None);
    assert_eq!(st, 200, "{body}");
    let v = json(&body);
    assert_eq!(v["hits"][0]["id"], "s07");
    assert!(v["hits"][0]["snippet_html"].as_str().unwrap().contains("<mark>ئەردۆغان</mark>"));

    // a word typed in Latin letters finds its Arabic-script spelling, unless told not to
    let (st, body) = request(a, "GET", "/api/search?q=hewler&limit=3", None);
    assert_eq!(st, 200, "{body}");
    assert!(json(&body)["total"].as_u64().unwrap() > 0, "{body}");
    let (_, body) = request(a, "GET", "/api/search?q=hewler&transliterate=false", None);
    assert_eq!(json(&body)["total"], 0, "{body}");

    // a misspelt word (کتژمێر for کاتژمێر) finds its documents by fuzzy
    // matching; its correction is offered all the same, and without fuzzy
    // matching it is all that finds them
    let (st, body) = request(a, "GET", &format!("/api/search?q={}", enc("کتژمێر")), None);
    assert_eq!(st, 200, "{body}");
    let v = json(&body);
    assert!(v["total"].as_u64().unwrap() > 0, "{body}");
    assert_eq!(v["did_you_mean"]["query"], "کاتژمێر", "{body}");
    assert_eq!(v["did_you_mean"]["total"], v["total"], "{body}");
    let (_, body) = request(a, "GET", &format!("/api/search?q={}&fuzzy=off", enc("کتژمێر")), None);
    let v = json(&body);
    assert_eq!(v["total"], 0, "{body}");
    assert!(v["did_you_mean"]["total"].as_u64().unwrap() > 0, "{body}");
    // a misspelt word that finds a document (ڕیگەی for ڕێگەی) is second-guessed
    // only while it finds less than a page
    let path = |limit: u32| format!("/api/search?q={}&limit={limit}", enc("ڕیگەی"));
    let (_, body) = request(a, "GET", &path(10), None);
    let v = json(&body);
    assert!(v["total"].as_u64().unwrap() > 0, "{body}");
    assert_eq!(v["did_you_mean"]["query"], "ڕێگەی", "{body}");
    let (_, body) = request(a, "GET", &path(1), None);
    assert!(json(&body).get("did_you_mean").is_none(), "a full page: {body}");
    // a word typed on a legacy keyboard is found as it is: no suggestion
    let (_, body) = request(a, "GET", &format!("/api/search?q={}", enc("ههولێر")), None);
    assert!(json(&body)["total"].as_u64().unwrap() > 0 && json(&body).get("did_you_mean").is_none(), "{body}");

    let (st, body) =
        request(a, "POST", "/api/search", Some(r#"{"q": "نەورۆز", "limit": 2, "source": "نموونە-کولتوور"}"#));
    assert_eq!(st, 200, "{body}");
    assert_eq!(json(&body)["hits"][0]["id"], "s05");

    let (st, body) = request(a, "GET", "/api/doc/s04", None);
    assert_eq!(st, 200);
    assert!(json(&body)["body"].as_str().unwrap().contains("نیسک"));

    let (st, body) = request(a, "POST", "/api/analyze", Some(r#"{"text": "كتێبەکان"}"#));
    assert_eq!(st, 200, "{body}");
    let v = json(&body);
    assert_eq!(v["terms"][0]["term"], "کتێب");
    assert_eq!(v["search_normalized"], "کتێبەکان");
    // legacy-typed text is transliterated restored (our own phrase, ە as ه)
    let (st, body) = request(a, "POST", "/api/analyze", Some(&json!({"text": "ئهم كتێبه باشه"}).to_string()));
    assert_eq!(st, 200, "{body}");
    assert_eq!(json(&body)["translit"], "Em kitêbe başe", "{body}");

    let (st, body) = request(a, "POST", "/api/spell", Some(r#"{"text": "زۆر سوپاس بۆ حکومت"}"#));
    assert_eq!(st, 200, "{body}");
    let v = json(&body);
    let findings = v["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{body}");
    assert_eq!(findings[0]["word"], "حکومت");
    assert_eq!(findings[0]["suggestions"][0]["word"], "حکومەت");
    assert_eq!(v["convention"], "standard");
    assert_eq!(findings[0]["kind"], "spelling");
    // how the text was typed comes with the findings (our own legacy-keyboard
    // sentence), which are judged as restored: each word typed so is a
    // typing finding at its place as typed
    let legacy = "ئهم كتێبه زۆر باشه و ههموو كهسێك دهیخوێنێتهوه";
    let (st, body) = request(a, "POST", "/api/spell", Some(&json!({"text": legacy, "fix": true}).to_string()));
    assert_eq!(st, 200, "{body}");
    let v = json(&body);
    assert_eq!(v["convention"], "legacy-keyboard", "{body}");
    assert_eq!(v["fixed"], "ئەم کتێبە زۆر باشە و هەموو کەسێک دەیخوێنێتەوە", "{body}");
    let first = &v["findings"][0];
    assert_eq!(
        (&first["kind"], &first["word"], &first["start"]),
        (&json!("typing"), &json!("ئهم"), &json!(0)),
        "{body}"
    );
    let (st, body) = request(a, "POST", "/api/spell", Some(r#"{"text": "سوپاس بۆ حکومت", "fix": true}"#));
    assert_eq!(st, 200, "{body}");
    assert_eq!(json(&body)["fixed"], "سوپاس بۆ حکومەت", "{body}");

    let (st, body) = request(a, "GET", "/api/sources", None);
    assert_eq!(st, 200);
    assert!(json(&body)["sources"].as_array().unwrap().len() > 3);

    // pages
    for path in ["/", "/tools", "/static/app.js", "/static/app.css", "/static/tools.js"] {
        let (st, body) = request(a, "GET", path, None);
        assert_eq!(st, 200, "{path}");
        assert!(!body.is_empty());
    }
    let (_, page) = request(a, "GET", "/", None);
    assert!(page.contains("dir=\"rtl\"") && !page.contains("https://"), "RTL page without external resources");

    // errors: status and JSON body with a code
    let long_q = enc(&"ش".repeat(1001));
    let big_body = format!(r#"{{"text": "{}"}}"#, "ا".repeat(5000));
    let cases: Vec<(&str, String, Option<&str>, u16, &str)> = vec![
        ("GET", "/api/search?q=x&limit=500".into(), None, 400, "bad_request"),
        ("GET", "/api/search?q=x&limit=abc".into(), None, 400, "bad_request"),
        ("GET", format!("/api/search?q={long_q}"), None, 400, "bad_request"),
        ("GET", "/api/search?q=nope:x".into(), None, 400, "bad_query"),
        ("POST", "/api/search".into(), Some("{not json"), 400, "bad_request"),
        ("GET", "/api/doc/missing".into(), None, 404, "not_found"),
        ("GET", "/api/nothing".into(), None, 404, "not_found"),
        ("POST", "/api/analyze".into(), Some(r#"{"text": "x", "analyzer": "nope"}"#), 400, "bad_request"),
        ("POST", "/api/analyze".into(), Some(big_body.as_str()), 413, "too_large"),
        ("POST", "/api/spell".into(), Some(big_body.as_str()), 413, "too_large"),
        ("POST", "/api/spell".into(), Some(r#"{"txt": "x"}"#), 400, "bad_request"),
    ];
    for (m, path, body, want, code) in cases {
        let (st, got) = request(a, m, &path, body);
        assert_eq!(st, want, "{m} {} -> {got}", &path[..path.len().min(60)]);
        if !code.is_empty() {
            assert_eq!(json(&got)["error"]["code"], code, "{m} {}", &path[..path.len().min(60)]);
        }
    }
}
