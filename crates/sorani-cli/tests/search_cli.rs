//! `sorani index`, `search`, `export` and `serve` through the real binary.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::cargo::CommandCargoExt;
use predicates::prelude::*;

fn sorani() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("sorani").unwrap()
}

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../sorani-search/sample/sample.jsonl");

#[test]
fn index_search_export_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let idx = dir.path().join("idx");
    sorani()
        .args(["index", "--index"])
        .arg(&idx)
        .arg(SAMPLE)
        .args(["--json", "--quiet"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"added\":32"));
    // a second run changes nothing
    sorani()
        .args(["index", "--index"])
        .arg(&idx)
        .arg(SAMPLE)
        .args(["--json", "--quiet"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"unchanged\":32"));

    sorani()
        .args(["search", "--index"])
        .arg(&idx)
        .arg("ههولێر")
        .assert()
        .success()
        .stdout(predicate::str::contains("[هەولێر]"));
    let out = sorani()
        .args(["search", "--index"])
        .arg(&idx)
        .args(["ئهردوغان", "--format", "jsonl"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let first: serde_json::Value = serde_json::from_slice(out.split(|&b| b == b'\n').next().unwrap()).unwrap();
    assert_eq!(first["id"], "s07");
    // a misspelt query offers its correction, whether fuzzy matching finds
    // the documents under it or nothing is found
    sorani()
        .args(["search", "--index"])
        .arg(&idx)
        .arg("کتژمێر")
        .assert()
        .success()
        .stdout(predicate::str::contains("did you mean: کاتژمێر"));
    sorani()
        .args(["search", "--fuzzy", "off", "--index"])
        .arg(&idx)
        .arg("کتژمێر")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("did you mean: کاتژمێر"));
    sorani()
        .args(["search", "--fuzzy", "off", "--index"])
        .arg(&idx)
        .args(["کتژمێر", "--format", "jsonl"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("did you mean: کاتژمێر"));
    // nothing found: exit 1; bad query: exit 2 with a message
    sorani().args(["search", "--index"]).arg(&idx).arg("زززززززز").assert().code(1);
    sorani()
        .args(["search", "--index"])
        .arg(&idx)
        .arg("nope:x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown field"));
    sorani()
        .args(["search", "--index"])
        .arg(dir.path().join("missing"))
        .arg("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a sorani index"));

    let bulk = sorani().args(["export", "--index"]).arg(&idx).assert().success().get_output().stdout.clone();
    let lines: Vec<&[u8]> = bulk.split(|&b| b == b'\n').filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 64, "an action line and a source line per document");
    let action: serde_json::Value = serde_json::from_slice(lines[0]).unwrap();
    assert!(action["index"]["_id"].is_string());
    let source: serde_json::Value = serde_json::from_slice(lines[1]).unwrap();
    assert!(!source["body_terms"].as_str().unwrap().is_empty());
    sorani().args(["export", "--mapping"]).assert().success().stdout(predicate::str::contains("sorani_preanalyzed"));
    sorani().args(["export", "--query", "كتێبەکان"]).assert().success().stdout(predicate::str::contains("کتێب"));
}

#[test]
fn bad_inputs_are_reported_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    std::fs::write(&input, "{\"id\":\"1\",\"body\":\"شار\"}\n{broken\n{\"id\":\"2\"}\n{\"id\":\"3\",\"body\":\"گوند\",\"date\":\"soon\"}\n").unwrap();
    sorani()
        .args(["index", "--index"])
        .arg(dir.path().join("idx"))
        .arg(&input)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("in.jsonl:2: invalid JSON"))
        .stderr(predicate::str::contains("in.jsonl:3: document has neither"))
        .stderr(predicate::str::contains("in.jsonl:4: bad `date`"))
        .stderr(predicate::str::contains("1 added"));
}

/// Writes `n` synthetic documents made from a small vocabulary.
fn synthetic(path: &Path, n: usize) {
    let words = ["شار", "گوند", "چیا", "ڕووبار", "دار", "باران", "بەفر", "قوتابخانە", "کتێب", "نان", "ئاو", "ڕێگا"];
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for i in 0..n {
        let body: Vec<&str> = (0..40).map(|j| words[(i * 7 + j * 13 + i / 11) % words.len()]).collect();
        writeln!(f, "{{\"id\":\"d{i}\",\"title\":\"بەڵگەی {i}\",\"body\":\"{} {i}\"}}", body.join(" ")).unwrap();
    }
}

fn committed_docs(idx: &Path) -> u64 {
    let Ok(meta) = std::fs::read_to_string(idx.join("meta.json")) else { return 0 };
    let v: serde_json::Value = serde_json::from_str(&meta).unwrap();
    v["segments"].as_array().map_or(0, |s| s.iter().map(|s| s["max_doc"].as_u64().unwrap_or(0)).sum())
}

#[test]
fn killed_indexing_leaves_the_last_commit_readable() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("big.jsonl");
    synthetic(&input, 12_000);
    let idx = dir.path().join("idx");
    let mut child = Command::cargo_bin("sorani")
        .unwrap()
        .args(["index", "--quiet", "--threads", "1", "--commit-every", "500", "--index"])
        .arg(&idx)
        .arg(&input)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let mut killed = false;
    while started.elapsed() < Duration::from_secs(120) {
        if committed_docs(&idx) > 0 {
            if child.try_wait().unwrap().is_none() {
                child.kill().unwrap(); // SIGKILL: no chance to clean up
                killed = true;
            }
            break;
        }
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let _ = child.wait();
    assert!(killed, "indexing ended before the first commit could be interrupted; make the input larger");
    let committed = committed_docs(&idx);
    assert!(committed > 0 && committed < 12_000, "committed {committed}");

    // the interrupted index opens and answers
    let out = sorani()
        .args(["search", "--index"])
        .arg(&idx)
        .args(["*", "-n", "1"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with(&format!("{committed} documents match")), "{text}");

    // a rerun resumes: what was committed is skipped as unchanged, the rest added
    let out = sorani()
        .args(["index", "--quiet", "--json", "--index"])
        .arg(&idx)
        .arg(&input)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let stats: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(stats["unchanged"].as_u64().unwrap(), committed, "{stats}");
    assert_eq!(stats["total_docs"], 12_000, "{stats}");
}

#[test]
fn serve_sample_and_stop_gracefully() {
    use std::io::{BufRead, BufReader, Read};
    let mut child = Command::cargo_bin("sorani")
        .unwrap()
        .args(["serve", "--addr", "127.0.0.1:0"])
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let mut addr = String::new();
    for _ in 0..5 {
        let mut line = String::new();
        err.read_line(&mut line).unwrap();
        if let Some(rest) = line.split("http://").nth(1) {
            addr = rest.split('/').next().unwrap().to_string();
            break;
        }
    }
    assert!(!addr.is_empty(), "server did not print its address");
    let mut s = std::net::TcpStream::connect(&addr).unwrap();
    write!(s, "GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").unwrap();
    let mut resp = String::new();
    s.read_to_string(&mut resp).unwrap();
    assert!(resp.starts_with("HTTP/1.1 200") && resp.contains("\"docs\":32"), "{resp}");
    // SIGTERM: graceful shutdown, exit 0
    let st = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    assert!(st.success());
    let status = child.wait().unwrap();
    let mut rest = String::new();
    err.read_to_string(&mut rest).unwrap();
    assert!(status.success(), "exit {status:?}: {rest}");
    assert!(rest.contains("stopped"), "{rest}");
}
