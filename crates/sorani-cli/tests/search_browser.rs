//! Browser tests: headless Chromium driven through chromedriver (WebDriver
//! over loopback) loads the pages served by `sorani serve`. On the search
//! page it types a query with legacy-keyboard letters into the search box,
//! presses Enter, and checks that the expected document comes first with the
//! standard spelling highlighted; on the text tools page it checks that a
//! misspelt word is marked with its suggestions and the text comes back
//! corrected. A screenshot of each is saved under the target folder.
//!
//! Skips (with a message) when /usr/bin/chromium or /usr/bin/chromedriver is
//! absent; `scripts/test-all` installs them (Debian `chromium`, `chromium-driver`).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::cargo::CommandCargoExt;
use serde_json::{json, Value};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

struct Killed(Child);
impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn http(addr: &str, method: &str, path: &str, body: Option<&Value>) -> Value {
    let mut s = TcpStream::connect(addr).unwrap_or_else(|e| panic!("connect {addr}: {e}"));
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    // read the head, then exactly Content-Length bytes (chromedriver may keep
    // the connection open)
    let mut r = BufReader::new(s);
    let mut len = None;
    loop {
        let mut line = String::new();
        r.read_line(&mut line).unwrap();
        let l = line.trim_end();
        if l.is_empty() {
            break;
        }
        if let Some((k, v)) = l.split_once(':') {
            if k.eq_ignore_ascii_case("content-length") {
                len = v.trim().parse::<usize>().ok();
            }
        }
    }
    let mut raw = Vec::new();
    match len {
        Some(n) => {
            raw.resize(n, 0);
            r.read_exact(&mut raw).unwrap();
        }
        None => {
            r.read_to_end(&mut raw).unwrap();
        }
    }
    let text = String::from_utf8_lossy(&raw);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{method} {path}: not JSON ({e}): {text}"))
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn base64_decode(s: &str) -> Vec<u8> {
    let val = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => panic!("bad base64"),
    };
    let clean: Vec<u8> = s.bytes().filter(|&c| c != b'=' && !c.is_ascii_whitespace()).collect();
    let mut out = Vec::with_capacity(clean.len() * 3 / 4);
    for chunk in clean.chunks(4) {
        let v: Vec<u32> = chunk.iter().map(|&c| u32::from(val(c))).collect();
        let n = v.iter().enumerate().fold(0u32, |acc, (i, &x)| acc | (x << (18 - 6 * i)));
        out.push((n >> 16) as u8);
        if v.len() > 2 {
            out.push((n >> 8) as u8);
        }
        if v.len() > 3 {
            out.push(n as u8);
        }
    }
    out
}

fn start_server() -> (Killed, String) {
    let mut child = Command::cargo_bin("sorani")
        .unwrap()
        .args(["serve", "--addr", "127.0.0.1:0"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = BufReader::new(child.stderr.take().unwrap());
    for _ in 0..5 {
        let mut line = String::new();
        err.read_line(&mut line).unwrap();
        if let Some(rest) = line.split("http://").nth(1) {
            let addr = rest.split('/').next().unwrap().to_string();
            std::thread::spawn(move || std::io::copy(&mut err, &mut std::io::sink()));
            return (Killed(child), addr);
        }
    }
    panic!("`sorani serve` did not print its address");
}

/// A headless Chromium session on the pages of a `sorani serve` of its own.
/// Dropping it ends the session (and its browser), then stops chromedriver
/// and the server, even when an assertion failed.
struct Browser {
    wd: String,
    sid: String,
    addr: String,
    _driver: Killed,
    _server: Killed,
    _profile: tempfile::TempDir,
}

impl Drop for Browser {
    fn drop(&mut self) {
        if let Ok(mut s) = TcpStream::connect(&self.wd) {
            let _ =
                write!(s, "DELETE /session/{} HTTP/1.1\r\nHost: {}\r\nContent-Length: 0\r\n\r\n", self.sid, self.wd);
            let _ = s.set_read_timeout(Some(Duration::from_secs(10)));
            let _ = s.read(&mut [0u8; 256]);
        }
    }
}

impl Browser {
    /// A browser, or `None` (with a message) when Chromium is not installed.
    fn start(test: &str) -> Option<Browser> {
        if !Path::new(CHROMIUM).exists() || !Path::new(CHROMEDRIVER).exists() {
            eprintln!(
                "SKIPPED {test}: {CHROMIUM} or {CHROMEDRIVER} is absent (apt-get install chromium chromium-driver)"
            );
            return None;
        }
        let (server, addr) = start_server();
        let port = free_port();
        let driver = Killed(
            Command::new(CHROMEDRIVER)
                .args([format!("--port={port}"), "--allowed-ips=127.0.0.1".into()])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap(),
        );
        let wd = format!("127.0.0.1:{port}");
        let started = Instant::now();
        while TcpStream::connect(&wd).is_err() {
            assert!(started.elapsed() < Duration::from_secs(20), "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        let profile = tempfile::tempdir().unwrap();
        let args = vec![
            "--headless".to_string(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-quic".into(),
            "--no-first-run".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            "--disable-dev-shm-usage".into(),
            "--window-size=1000,900".into(),
            format!("--user-data-dir={}", profile.path().display()),
        ];
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": CHROMIUM, "args": args}
        }}});
        let session = http(&wd, "POST", "/session", Some(&caps));
        let sid = session["value"]["sessionId"].as_str().unwrap_or_else(|| panic!("no session: {session}")).to_string();
        Some(Browser { wd, sid, addr, _driver: driver, _server: server, _profile: profile })
    }

    /// A WebDriver command of this session.
    fn call(&self, method: &str, path: &str, body: Option<&Value>) -> Value {
        http(&self.wd, method, &format!("/session/{}{path}", self.sid), body)
    }

    /// Opens `path` of the server.
    fn open(&self, path: &str) {
        self.call("POST", "/url", Some(&json!({"url": format!("http://{}{path}", self.addr)})));
    }

    /// What `script` returns once it returns something other than null
    /// (null when 20 s pass first).
    fn wait_for(&self, script: &str) -> Value {
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(20) {
            let r = self.call("POST", "/execute/sync", Some(&json!({"script": script, "args": []})));
            if !r["value"].is_null() {
                return r["value"].clone();
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Value::Null
    }

    /// Saves a screenshot as `name` under the target folder and checks it is a PNG.
    fn screenshot(&self, name: &str) {
        let shot = self.call("GET", "/screenshot", None);
        let png = base64_decode(shot["value"].as_str().expect("screenshot data"));
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("search-browser");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, &png).unwrap();
        eprintln!("screenshot saved to {}", path.display());
        assert!(png.starts_with(b"\x89PNG"), "screenshot is a PNG");
    }
}

#[test]
fn search_page_finds_legacy_typed_query() {
    let Some(browser) = Browser::start("search_page_finds_legacy_typed_query") else { return };
    browser.open("/");
    let el = browser.call("POST", "/element", Some(&json!({"using": "css selector", "value": "#q"})));
    let eid = el["value"][ELEMENT].as_str().unwrap_or_else(|| panic!("no search box: {el}")).to_string();
    // legacy keyboard: ه for ە, و for ۆ; then Enter (U+E007)
    browser.call("POST", &format!("/element/{eid}/value"), Some(&json!({"text": "ئهردوغان\u{E007}"})));

    let found = browser.wait_for(
        "const li = document.querySelector('#results li.hit'); \
         return li ? {id: li.dataset.id, html: li.innerHTML, status: document.getElementById('status').textContent} : null;",
    );
    browser.screenshot("search-legacy-query.png");
    assert!(!found.is_null(), "no results appeared on the page");
    assert_eq!(found["id"], "s07", "first hit: {found}");
    let html = found["html"].as_str().unwrap();
    assert!(html.contains("<mark>ئەردۆغان</mark>"), "the standard spelling is highlighted: {html}");

    // a misspelt query (our own: کتژمێر for کاتژمێر): the page offers the
    // correction (fuzzy matching finds the documents as well); following
    // it finds them with the word marked
    browser.open("/?q=کتژمێر");
    let offered = browser
        .wait_for("const a = document.querySelector('#status .did-you-mean a'); return a ? a.textContent : null;");
    browser.screenshot("search-did-you-mean-offered.png");
    assert_eq!(offered, "کاتژمێر", "no did-you-mean link");
    browser.call(
        "POST",
        "/execute/sync",
        Some(&json!({"script": "document.querySelector('#status .did-you-mean a').click()", "args": []})),
    );
    let found = browser.wait_for(
        "const li = document.querySelector('#results li.hit'); \
         return li ? {q: document.getElementById('q').value, html: li.innerHTML} : null;",
    );
    browser.screenshot("search-did-you-mean.png");
    assert_eq!(found["q"], "کاتژمێر", "{found}");
    assert!(found["html"].as_str().unwrap().contains("<mark>"), "{found}");
}

#[test]
fn tools_page_marks_misspelt_words_and_corrects_them() {
    let Some(browser) = Browser::start("tools_page_marks_misspelt_words_and_corrects_them") else { return };
    // our own sentence; حکومت lacks its ە (the page submits a ?text= itself)
    let text = "سوپاس بۆ حکومت و گەل";
    let url: String = text.chars().map(|c| if c == ' ' { "%20".to_string() } else { c.to_string() }).collect();
    browser.open(&format!("/tools?text={url}"));
    let found = browser.wait_for(
        "const m = document.querySelector('#spelled mark'); \
         return m ? {word: m.textContent, kind: m.className, title: m.title, \
                     fixed: document.getElementById('fixed').textContent, \
                     rows: document.querySelectorAll('#spell-findings tbody tr').length, \
                     spelled: document.getElementById('spelled').textContent} : null;",
    );
    browser.call(
        "POST",
        "/execute/sync",
        Some(&json!({"script": "document.getElementById('spell-note').scrollIntoView()", "args": []})),
    );
    browser.screenshot("tools-spelling.png");
    assert!(!found.is_null(), "no spelling finding appeared on the page");
    assert_eq!(found["word"], "حکومت", "{found}");
    assert_eq!(found["kind"], "error", "{found}");
    assert!(found["title"].as_str().unwrap().starts_with("حکومەت"), "suggestions, best first: {found}");
    assert_eq!(found["spelled"], text, "marking keeps the text whole: {found}");
    assert_eq!(found["rows"], 1, "{found}");
    assert_eq!(found["fixed"], "سوپاس بۆ حکومەت و گەل", "{found}");

    // text typed on a legacy keyboard (our own sentence: ە as ه, ک as ك) is
    // checked restored: its words are marked as typed, and the page says so
    let legacy = "ئهم كتێبه زۆر باشه و ههموو كهسێك دهیخوێنێتهوه";
    let url: String = legacy.chars().map(|c| if c == ' ' { "%20".to_string() } else { c.to_string() }).collect();
    browser.open(&format!("/tools?text={url}"));
    let found = browser.wait_for(
        "const n = document.getElementById('spell-note').textContent; \
         const m = document.querySelector('#spelled mark'); \
         return n.includes('کیبۆرد') ? {note: n, spelled: document.getElementById('spelled').textContent, \
                                        word: m.textContent, kind: m.className, title: m.title, \
                                        fixed: document.getElementById('fixed').textContent} : null;",
    );
    browser.call(
        "POST",
        "/execute/sync",
        Some(&json!({"script": "document.getElementById('spell-note').scrollIntoView()", "args": []})),
    );
    browser.screenshot("tools-spelling-legacy.png");
    assert!(!found.is_null(), "legacy text was not checked restored");
    assert_eq!(found["spelled"], legacy, "the text is shown as typed: {found}");
    assert_eq!(
        (&found["word"], &found["kind"], &found["title"]),
        (&json!("ئهم"), &json!("typing"), &json!("ئەم")),
        "{found}"
    );
    assert_eq!(found["fixed"], "ئەم کتێبە زۆر باشە و هەموو کەسێک دەیخوێنێتەوە", "{found}");
}
