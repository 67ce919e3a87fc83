//! `sorani lid` run as a real binary.

use assert_cmd::Command;
use predicates::prelude::*;

const GOLDEN: &str = include_str!("../../../tests/golden/lid.tsv");

fn sorani() -> Command {
    Command::cargo_bin("sorani").expect("the sorani binary is built")
}

/// (label the model gives, text) for every golden case.
fn golden() -> Vec<(String, String)> {
    GOLDEN
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            let expected = fields.get(2).and_then(|f| f.strip_prefix("miss:")).unwrap_or(fields[0]);
            (expected.to_string(), fields.get(1).copied().unwrap_or("").to_string())
        })
        .collect()
}

#[test]
fn one_label_per_input_line() {
    let cases = golden();
    let input: String = cases.iter().map(|(_, text)| format!("{text}\n")).collect();
    let output = sorani().arg("lid").write_stdin(input).assert().success().get_output().stdout.clone();
    let output = String::from_utf8(output).expect("UTF-8 output");
    let labels: Vec<&str> = output.lines().collect();
    assert_eq!(labels.len(), cases.len(), "one output line per input line");
    for ((expected, text), got) in cases.iter().zip(labels) {
        assert_eq!(got, expected, "for {text:?}");
    }
}

#[test]
fn jsonl_has_confidence_and_alternatives() {
    let output = sorani()
        .args(["lid", "--format", "jsonl"])
        .write_stdin("ئەمڕۆ هاوڕێکانم هاتنە ماڵەوە و پێکەوە نانمان خوارد\r\nDün akşam eve geç geldim\n\n")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let output = String::from_utf8(output).expect("UTF-8 output");
    let lines: Vec<&str> = output.lines().collect();
    assert_eq!(lines.len(), 3, "{output}");
    let first: serde_json::Value = serde_json::from_str(lines[0]).expect("JSON");
    assert_eq!(first["label"], "ckb-Arab");
    assert_eq!(first["language"], "ckb");
    assert_eq!(first["script"], "Arab");
    assert!(first["confidence"].as_f64().expect("a number") > 0.5);
    assert!(first["alternatives"].is_array());
    let second: serde_json::Value = serde_json::from_str(lines[1]).expect("JSON");
    assert_eq!(second["label"], "tur-Latn");
    let empty: serde_json::Value = serde_json::from_str(lines[2]).expect("JSON");
    assert_eq!(empty["label"], "und");
}

#[test]
fn keep_filters_lines_of_one_language() {
    let input = "ئەمڕۆ هاوڕێکانم هاتنە ماڵەوە و پێکەوە نانمان خوارد\n\
                 این کتاب را دیروز از کتابفروشی خریدم\n\
                 ئیمه هه‌موومان به یه‌که‌وه بو ریپیوانه‌که رویشتین\n\
                 ذهبت إلى المدرسة في الصباح الباكر\n";
    sorani()
        .args(["lid", "--keep", "ckb"])
        .write_stdin(input)
        .assert()
        .success()
        .stdout("ئەمڕۆ هاوڕێکانم هاتنە ماڵەوە و پێکەوە نانمان خوارد\nئیمه هه‌موومان به یه‌که‌وه بو ریپیوانه‌که رویشتین\n");
    sorani()
        .args(["lid", "--keep", "fas-Arab,arb"])
        .write_stdin(input)
        .assert()
        .success()
        .stdout("این کتاب را دیروز از کتابفروشی خریدم\nذهبت إلى المدرسة في الصباح الباكر\n");
}

#[test]
fn segments_give_byte_spans() {
    let ckb = "ئەمڕۆ هاوڕێکانم هاتنە ماڵەوە و پێکەوە نانمان خوارد و دواتر چووینە بازاڕ بۆ کڕینی جل و بەرگ.";
    let tur = "Dün akşam eve geç geldim ve hemen uyudum çünkü çok yorgundum.";
    let text = format!("{ckb} {tur}\n");
    let expected = format!("0\t{}\tckb-Arab\t", ckb.len());
    sorani()
        .args(["lid", "--segments"])
        .write_stdin(text.clone())
        .assert()
        .success()
        .stdout(predicate::str::starts_with(expected))
        .stdout(predicate::str::contains(format!("{}\t{}\ttur-Latn\t", ckb.len() + 1, ckb.len() + 1 + tur.len())));
    let output = sorani()
        .args(["lid", "--segments", "--format", "jsonl"])
        .write_stdin(text)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let output = String::from_utf8(output).expect("UTF-8 output");
    let records: Vec<serde_json::Value> = output.lines().map(|l| serde_json::from_str(l).expect("JSON")).collect();
    assert_eq!(records.len(), 2, "{output}");
    assert_eq!(records[0]["text"], ckb);
    assert_eq!(records[1]["label"], "tur-Latn");
    assert_eq!(records[1]["file"], "-");
}

#[test]
fn threshold_controls_und() {
    sorani().args(["lid", "--threshold", "1"]).write_stdin("و\n").assert().success().stdout("und\n");
    sorani()
        .args(["lid", "--threshold", "0"])
        .write_stdin("و\n")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("und").not());
}

#[test]
fn bad_options_are_errors() {
    sorani()
        .args(["lid", "--threshold", "2"])
        .write_stdin("x\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("threshold"));
    sorani()
        .args(["lid", "--keep", "klingon"])
        .write_stdin("x\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("klingon"));
    sorani().args(["lid", "--only", "xx"]).write_stdin("x\n").assert().code(2).stderr(predicate::str::contains("xx"));
    sorani().args(["lid", "--keep", "ckb", "--format", "jsonl"]).write_stdin("x\n").assert().code(2);
    sorani().args(["lid", "--segments", "--keep", "ckb"]).write_stdin("x\n").assert().code(2);
}

#[test]
fn invalid_utf8_is_an_error_unless_lossy() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("bad.txt");
    std::fs::write(&path, b"ok\n\xff\xfe\n").expect("written");
    sorani().arg("lid").arg(&path).assert().code(2).stderr(predicate::str::contains("invalid UTF-8"));
    sorani().args(["lid", "--lossy"]).arg(&path).assert().success();
}
