//! CLI tests of restoration: `sorani detect`, `sorani normalize --restore`,
//! `--explain` and `--from`, on sentences written for these tests.

use assert_cmd::Command;
use predicates::prelude::*;

fn sorani() -> Command {
    Command::cargo_bin("sorani").expect("the sorani binary is built")
}

/// Legacy keyboard (ە as ه, ک as ك), standard, Ali-K font, Arabic keyboard.
const MIXED: &str = "ئهمڕۆ ههوا زۆر خۆشه و خهڵك دهچنه دهرهوه\nئەمڕۆ هەوا زۆر خۆشە و خەڵک دەچنە دەرەوە\nثةرلةمانى كوردستان لة طوندةكان\nامرو هةوا خوشة\n";

#[test]
fn detect_prints_one_decision_per_line() {
    let out = sorani().arg("detect").write_stdin(MIXED).output().expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let conventions: Vec<&str> = text.lines().map(|l| l.split('\t').next().unwrap()).collect();
    assert_eq!(conventions, ["legacy-keyboard", "standard", "legacy-font:ali-k", "arabic-keyboard"], "{text}");
    for line in text.lines() {
        let conf: f32 = line.split('\t').nth(1).expect("a confidence column").parse().expect("a number");
        assert!((0.0..=1.0).contains(&conf), "{line}");
    }
}

#[test]
fn detect_jsonl_and_document() {
    let out = sorani().args(["detect", "--format", "jsonl"]).write_stdin(MIXED).output().expect("runs");
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).expect("valid JSON")).collect();
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[2]["convention"], "legacy-font");
    assert_eq!(rows[2]["font"], "ali-k");
    assert_eq!(rows[0]["line"], 1);
    sorani()
        .args(["detect", "--document"])
        .write_stdin("ههروهها سهرۆكی حكومهت و ئهندامانی پهرلهمان\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("legacy-keyboard"));
}

#[test]
fn normalize_restores_flagged_lines_and_keeps_the_line_count() {
    let out = sorani().arg("normalize").write_stdin(MIXED).output().expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    assert_eq!(lines[0], "ئەمڕۆ هەوا زۆر خۆشە و خەڵک دەچنە دەرەوە");
    assert_eq!(lines[1], "ئەمڕۆ هەوا زۆر خۆشە و خەڵک دەچنە دەرەوە");
    assert_eq!(lines[2], "پەرلەمانی کوردستان لە گوندەکان");
    assert_eq!(lines[3], "ئەمڕۆ هەوا خۆشە");
}

#[test]
fn restore_never_only_normalizes() {
    sorani()
        .args(["normalize", "--restore", "never"])
        .write_stdin("ههروهها سهرۆكی\n")
        .assert()
        .success()
        .stdout("ههروهها سهرۆکی\n");
}

#[test]
fn standard_text_is_unchanged_even_with_restore_always() {
    let text = "ئەمڕۆ هەوا زۆر خۆشە و خەڵک دەچنە دەرەوە بۆ سەیرانی شاخ\nشاه و گوناه\n";
    sorani().args(["normalize", "--restore", "always"]).write_stdin(text).assert().success().stdout(text);
}

#[test]
fn explain_lists_changes_with_spans() {
    let input = "ئهو سهر\n";
    let out = sorani().args(["normalize", "--explain"]).write_stdin(input).output().expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).expect("valid JSON")).collect();
    assert_eq!(rows.len(), 2, "{text}");
    for row in &rows {
        let (s, e) = (row["start"].as_u64().unwrap() as usize, row["end"].as_u64().unwrap() as usize);
        assert_eq!(&input[s..e], row["original"].as_str().unwrap());
        assert!(row["reason"].as_str().unwrap().contains("ه→ە"), "{row}");
        assert_eq!(row["line"], 1);
        // The score has two decimals, not an f32's binary expansion.
        let score = row["score"].to_string();
        assert!(score.split('.').nth(1).is_none_or(|d| d.len() <= 2), "{row}");
    }
    assert_eq!(rows[1]["replacement"], "سەر");
}

#[test]
fn from_forces_a_font_or_convention() {
    sorani().args(["normalize", "--from", "Ali_K_Samik"]).write_stdin("طوند\n").assert().success().stdout("گوند\n");
    sorani().args(["normalize", "--from", "legacy-keyboard"]).write_stdin("سهر\n").assert().success().stdout("سەر\n");
    sorani()
        .args(["normalize", "--from", "comic-sans"])
        .write_stdin("x\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown convention or font"));
}

#[test]
fn bad_input_is_an_error_not_a_panic() {
    sorani()
        .args(["detect"])
        .write_stdin(&b"\xff\xfe ok\n"[..])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid UTF-8"));
    sorani().args(["normalize", "--restore", "always"]).write_stdin("\0\u{200C}\u{200C}ه\u{200C}\n").assert().success();
}

#[test]
fn h_letter_keep_survives_restoration() {
    // ھ for /h/ typed on an Arabic keyboard: restoration restores ە and
    // leaves the /h/ letter to --h-letter.
    sorani()
        .args(["normalize", "--from", "arabic-keyboard", "--h-letter", "keep"])
        .write_stdin("ھهزار ساڵ\n")
        .assert()
        .success()
        .stdout("ھەزار ساڵ\n");
    sorani()
        .args(["normalize", "--from", "arabic-keyboard"])
        .write_stdin("ھهزار ساڵ\n")
        .assert()
        .success()
        .stdout("هەزار ساڵ\n");
}
