//! CLI tests of `sorani normalize`, `tokenize` and `sentences`: golden files
//! in tests/golden/foundation/ and the line protocol, bad input and atomic
//! output contracts. Regenerate the golden outputs with
//! `SORANI_BLESS=1 cargo test -p sorani-cli --test foundation_cli` and review the diff.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/golden/foundation")
}

fn sorani() -> Command {
    Command::cargo_bin("sorani").expect("the sorani binary is built")
}

fn check_golden(args: &[&str], golden: &str) {
    let input = golden_dir().join("input.txt");
    let out = sorani().args(args).arg(&input).output().expect("runs");
    assert!(out.status.success(), "sorani {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    let path = golden_dir().join(golden);
    if std::env::var_os("SORANI_BLESS").is_some() {
        std::fs::write(&path, &out.stdout).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap();
    let got = String::from_utf8(out.stdout).unwrap();
    if got != expected {
        for (i, (g, e)) in got.lines().zip(expected.lines()).enumerate() {
            assert_eq!(g, e, "sorani {args:?}: line {} differs from {golden}", i + 1);
        }
        panic!("sorani {args:?}: output and {golden} differ in length");
    }
}

#[test]
fn golden_normalize() {
    check_golden(&["normalize"], "normalize.out");
}

#[test]
fn golden_normalize_search() {
    check_golden(&["normalize", "--preset", "search"], "normalize-search.out");
}

#[test]
fn golden_tokenize() {
    check_golden(&["tokenize"], "tokenize.out");
}

#[test]
fn golden_tokenize_jsonl() {
    check_golden(&["tokenize", "--format", "jsonl"], "tokenize.jsonl");
}

#[test]
fn golden_sentences() {
    check_golden(&["sentences"], "sentences.out");
}

#[test]
fn one_output_line_per_input_line() {
    let input = "كوردي\r\n\nله\u{200C} ماڵ\n\u{200F}\nlast line without newline";
    for sub in ["normalize", "tokenize"] {
        let out = sorani().arg(sub).write_stdin(input).output().unwrap();
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        assert_eq!(text.split('\n').count(), input.split('\n').count(), "{sub}: {text:?}");
        assert_eq!(text.matches("\r\n").count(), 1, "{sub} keeps CRLF");
        assert!(!text.ends_with('\n'), "{sub} keeps a missing final newline");
    }
    sorani()
        .arg("normalize")
        .arg("-")
        .write_stdin(input)
        .assert()
        .success()
        .stdout("کوردی\r\n\nلە ماڵ\n\nlast line without newline");
}

#[test]
fn normalize_options() {
    sorani()
        .args(["normalize", "--digits", "latin"])
        .write_stdin("٢٠٢٤ ۲۰۲۴\n")
        .assert()
        .success()
        .stdout("2024 2024\n");
    sorani().args(["normalize", "--digits", "arabic"]).write_stdin("2024\n").assert().success().stdout("٢٠٢٤\n");
    sorani().args(["normalize", "--keep-harakat"]).write_stdin("کِتێب\n").assert().success().stdout("کِتێب\n");
    sorani()
        .args(["normalize", "--h-letter", "doachashmee"])
        .write_stdin("هەولێر\n")
        .assert()
        .success()
        .stdout("ھەولێر\n");
    sorani()
        .args(["normalize", "--digits", "roman"])
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("roman"));
}

#[test]
fn normalize_leaves_a_line_in_another_language_as_typed() {
    let arabic = "ذهب الولد إلى المدرسة مع أصدقائه في الصباح الباكر";
    let persian = "من در تهران زندگی می‌کنم و هر روز به دانشگاه می‌روم";
    let input = format!("ئهمه دهقێكی كۆنه\n{arabic}\n{persian}\nكورد\n");
    sorani()
        .arg("normalize")
        .write_stdin(input.clone())
        .assert()
        .success()
        .stdout(format!("ئەمە دەقێکی کۆنە\n{arabic}\n{persian}\nکورد\n"));
    // folded with the search preset, and when nothing is restored or identified
    for args in [&["normalize", "--preset", "search"][..], &["normalize", "--restore", "never"]] {
        let out = sorani().args(args).write_stdin(input.clone()).assert().success().get_output().stdout.clone();
        assert!(String::from_utf8(out).unwrap().contains("المدرسە"), "{args:?}");
    }
}

#[test]
fn tokenize_kinds_filter_and_jsonl_schema() {
    let out = sorani()
        .args(["tokenize", "--format", "jsonl", "--kinds", "word,number"])
        .write_stdin("سڵاو، ٣٫٥ hello!\n\nدووەم\n")
        .output()
        .unwrap();
    assert!(out.status.success());
    let rows: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let summary: Vec<(String, String, u64)> = rows
        .iter()
        .map(|r| (r["text"].as_str().unwrap().into(), r["kind"].as_str().unwrap().into(), r["line"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        summary,
        [("سڵاو".into(), "word".into(), 1), ("٣٫٥".into(), "number".into(), 1), ("دووەم".into(), "word".into(), 3)]
    );
    assert_eq!(rows[1]["start"], 11);
    assert_eq!(rows[1]["end"], 17);
    sorani().args(["tokenize", "--kinds", "verb"]).write_stdin("x").assert().code(2);
}

#[test]
fn sentences_jsonl_and_paragraphs() {
    sorani()
        .args(["sentences", "--paragraphs"])
        .write_stdin("یەک. دوو.\nسێ\n\n")
        .assert()
        .success()
        .stdout("یەک.\nدوو.\n\nسێ\n\n");
    let out = sorani().args(["sentences", "--format", "jsonl"]).write_stdin("\nیەک. دوو").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1]["text"], "دوو");
    assert_eq!(rows[1]["line"], 2);
    assert_eq!(rows[1]["start"], 8);
}

#[test]
fn invalid_utf8_is_an_error_with_file_and_offset_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, b"\xd9\x83\xd9\x88\n\xff rest\n").unwrap();
    let target = dir.path().join("out.txt");
    for sub in ["normalize", "tokenize", "sentences"] {
        sorani()
            .arg(sub)
            .arg(&bad)
            .arg("-o")
            .arg(&target)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains("bad.txt").and(predicate::str::contains("byte offset 5")));
        assert!(!target.exists(), "{sub}: nothing may be written");
    }
    // --in-place leaves the original untouched.
    sorani().args(["normalize", "--in-place"]).arg(&bad).assert().code(2);
    assert_eq!(std::fs::read(&bad).unwrap(), b"\xd9\x83\xd9\x88\n\xff rest\n");
    // --lossy replaces and reports the count.
    sorani()
        .args(["normalize", "--lossy"])
        .arg(&bad)
        .assert()
        .success()
        .stdout("کو\n\u{FFFD} rest\n")
        .stderr(predicate::str::contains("replaced 1 invalid"));
}

/// Files are checked in 4 MB pieces in parallel: a character across a
/// piece boundary is valid, and an error anywhere names its exact offset.
#[test]
fn invalid_utf8_offsets_across_check_pieces() {
    let piece = 4usize << 20;
    let dir = tempfile::tempdir().unwrap();
    let mut text = vec![b'a'; piece - 2];
    text.extend_from_slice("😀 کوردی\n".as_bytes());
    text.extend_from_slice(&b"b".repeat(piece));
    text.push(b'\n');
    let good = dir.path().join("good.txt");
    std::fs::write(&good, &text).unwrap();
    let out = sorani().args(["normalize", "--restore", "never"]).arg(&good).output().unwrap();
    assert!(out.status.success());
    assert_eq!(out.stdout, text);

    let at = piece + 1000;
    text[at] = 0xFF;
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, &text).unwrap();
    sorani()
        .arg("normalize")
        .arg(&bad)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(format!("byte offset {at}")));
    // To a file, the error is found while mapping (in a later batch, after
    // earlier ones were written to the temporary file): still its exact
    // offset, and no output file; with two inputs, not even the first one's.
    let target = dir.path().join("out.txt");
    for inputs in [vec![&bad], vec![&good, &bad]] {
        sorani()
            .arg("normalize")
            .args(&inputs)
            .arg("-o")
            .arg(&target)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("bad.txt").and(predicate::str::contains(format!("byte offset {at}"))));
        assert!(!target.exists(), "nothing may be written");
    }
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2, "no temporary file is left");
}

#[test]
fn invalid_utf8_on_stdin_is_an_error() {
    sorani()
        .arg("normalize")
        .write_stdin(&b"ok\n\xc3("[..])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("<stdin>"));
}

/// A named pipe (as `<(command)` gives) is read once, as it streams: a
/// check before the run must not take its data.
#[test]
fn a_named_pipe_is_read_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
    assert!(made.success());
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::write(&fifo, "ئهمه كوردي\nيهك\n").unwrap())
    };
    let run = sorani()
        .args(["normalize", "--restore", "never"])
        .arg(&fifo)
        .timeout(std::time::Duration::from_secs(30))
        .assert();
    run.success().stdout("ئهمه کوردی\nیهک\n");
    writer.join().unwrap();
}

#[test]
fn in_place_and_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("legacy.txt");
    std::fs::write(&file, "كوردي\n").unwrap();
    let out = dir.path().join("new.txt");
    sorani().arg("normalize").arg(&file).arg("-o").arg(&out).assert().success().stdout("");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "کوردی\n");
    sorani().args(["normalize", "--in-place"]).arg(&file).assert().success();
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "کوردی\n");
    sorani().args(["normalize", "--in-place"]).write_stdin("x").assert().code(2);
}

#[test]
fn empty_nul_and_binary_input() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, b"").unwrap();
    for sub in ["normalize", "tokenize", "sentences"] {
        sorani().arg(sub).arg(&empty).assert().success().stdout("");
    }
    sorani().arg("normalize").write_stdin(&b"a\0b\n\0\n"[..]).assert().success().stdout("a\0b\n\0\n");
    // Pseudo-random binary junk: an error without --lossy, a clean run with it.
    let mut junk = Vec::with_capacity(1 << 16);
    let mut x: u32 = 0x9E37_79B9;
    for _ in 0..(1 << 16) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        junk.push((x >> 24) as u8);
    }
    let path = dir.path().join("junk.bin");
    std::fs::write(&path, &junk).unwrap();
    let newlines = junk.iter().filter(|&&b| b == b'\n').count();
    for sub in ["normalize", "tokenize", "sentences"] {
        sorani().arg(sub).arg(&path).assert().code(2);
        let out = sorani().arg(sub).arg("--lossy").arg(&path).output().unwrap();
        assert!(out.status.success(), "{sub} --lossy on junk: {}", String::from_utf8_lossy(&out.stderr));
        if sub != "sentences" {
            assert_eq!(out.stdout.iter().filter(|&&b| b == b'\n').count(), newlines, "{sub} keeps lines");
        }
    }
}

#[test]
fn long_line_is_fine() {
    // 4 MB on one line (the 100 MB case runs in bench/throughput.sh).
    let line = "كوردستان له\u{200C} ".repeat(4 << 20 >> 5);
    let out = sorani().arg("normalize").write_stdin(line.clone()).output().unwrap();
    assert!(out.status.success());
    assert_eq!(out.stdout.iter().filter(|&&b| b == b'\n').count(), 0);
    assert!(String::from_utf8(out.stdout).unwrap().starts_with("کوردستان لە "));
}

/// A line longer than a batch (256 KB) is mapped in pieces cut at sentence
/// starts: every subcommand must still give what it gives for the whole
/// line, with offsets into the whole line.
#[test]
fn long_line_in_pieces_matches_the_whole_line() {
    let sentence = "ئەو كتێبه‌ی له‌ ساڵی ٢٠٢٠ نووسرا، زۆر خوێنەری هەیە. بۆچی؟ چونکە ڕاستە! ";
    let line = sentence.repeat((3 << 20) / sentence.len());
    let input = format!("{line}\nدوایین دێڕ\n");

    let normalized =
        sorani().arg("normalize").arg("--restore").arg("never").write_stdin(input.clone()).output().unwrap();
    let want = format!("{}\n{}\n", sorani::normalize(&line), sorani::normalize("دوایین دێڕ"));
    assert!(normalized.stdout == want.as_bytes(), "normalize differs on a line in pieces");

    let tokens = sorani().arg("tokenize").write_stdin(input.clone()).output().unwrap();
    let whole: Vec<&str> = sorani::tokenize::tokenize(&line).map(|t| t.text).collect();
    let got = String::from_utf8(tokens.stdout).unwrap();
    assert_eq!(got.lines().next().unwrap(), whole.join(" "), "tokenize differs on a line in pieces");

    let jsonl = sorani().args(["tokenize", "--format", "jsonl"]).write_stdin(input.clone()).output().unwrap();
    let mut count = 0;
    for record in String::from_utf8(jsonl.stdout).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(record).unwrap();
        if v["line"] != 1 {
            continue;
        }
        let (start, end) = (v["start"].as_u64().unwrap() as usize, v["end"].as_u64().unwrap() as usize);
        assert_eq!(&line[start..end], v["text"].as_str().unwrap(), "token offsets point into the whole line");
        count += 1;
    }
    assert_eq!(count, whole.len());

    let sentences = sorani().arg("sentences").write_stdin(input).output().unwrap();
    let got = String::from_utf8(sentences.stdout).unwrap();
    let want: Vec<&str> = sorani::sentence::sentence_spans(&line).map(|s| &line[s]).collect();
    assert_eq!(got.lines().count(), want.len() + 1);
    assert!(got.lines().zip(&want).all(|(g, w)| g == *w), "sentences differ on a line in pieces");
}

#[test]
fn example_text_normalizes() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/legacy-news.txt");
    let out = sorani().arg("normalize").arg(&example).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let input = std::fs::read_to_string(&example).unwrap();
    assert_eq!(text.lines().count(), input.lines().count());
    assert!(!text.contains(['ك', 'ي', '\u{200C}']), "legacy letters left: {text}");
    assert!(text.contains("ڕۆژ"));
}

#[test]
fn long_help_describes_what_each_subcommand_writes() {
    // the text after the options (clap's after_long_help), where the output
    // format, the exit status and examples are described
    for (cmd, expected) in [
        ("spell", "Exit status: 0 no finding"),
        ("spell", "is a finding of kind `typing`"),
        ("lid", "`--keep LANG` turns the command into a filter"),
        ("translit", "Examples:"),
        ("numbers", "Examples:"),
        ("detect", "Conventions:"),
    ] {
        sorani().args([cmd, "--help"]).assert().success().stdout(predicate::str::contains(expected));
    }
}
