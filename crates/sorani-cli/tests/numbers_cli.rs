//! CLI tests of `sorani verbalize` and `sorani numbers`, running the real binary.

use assert_cmd::Command;
use predicates::prelude::*;

fn sorani() -> Command {
    Command::cargo_bin("sorani").expect("the sorani binary is built")
}

#[test]
fn verbalize_reads_stdin_line_by_line() {
    let input = "لە ١٦ -- ٠٣ - ٢٠٢٢ ١٣ کەس\nهیچ ژمارە نییە\r\n3ەم و 1950دا";
    let expected =
        "لە شازدەی ئازاری دوو هەزار و بیست و دوو سێزدە کەس\nهیچ ژمارە نییە\r\nسێیەم و هەزار و نۆسەد و پەنجادا";
    sorani().arg("verbalize").write_stdin(input).assert().success().stdout(expected);
}

#[test]
fn verbalize_keeps_one_output_line_per_input_line() {
    let input = "١\n\n٢\n٣/٤\n";
    let out = sorani().arg("verbalize").write_stdin(input).assert().success().get_output().stdout.clone();
    let text = String::from_utf8(out).expect("UTF-8 output");
    assert_eq!(text, "یەک\n\nدوو\nسێ لەسەر چوار\n");
    assert_eq!(text.lines().count(), input.lines().count());
}

#[test]
fn verbalize_kurdish_months() {
    sorani()
        .args(["verbalize", "--months", "kurdish"])
        .write_stdin("21/03/2022\n")
        .assert()
        .success()
        .stdout("یەکی خاکەلێوەی دوو هەزار و حەوتسەد و بیست و دوو\n");
}

#[test]
fn verbalize_attributive_ordinals_in_context() {
    sorani()
        .args(["verbalize", "--ordinal", "attributive"])
        .write_stdin("سەدەی ٢١\n")
        .assert()
        .success()
        .stdout("سەدەی بیست و یەکەمین\n");
}

#[test]
fn verbalize_jsonl() {
    let out = sorani()
        .args(["verbalize", "--format", "jsonl"])
        .write_stdin("٥ کم\nسڵاو\n")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).expect("UTF-8 output");
    let rows: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).expect("valid JSON")).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["line"], 1);
    assert_eq!(rows[0]["text"], "پێنج کیلۆمەتر");
    assert_eq!(rows[0]["changed"], true);
    assert_eq!(rows[1]["changed"], false);
}

#[test]
fn verbalize_files_and_output_file() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    let out = dir.path().join("out.txt");
    std::fs::write(&a, "25%\n").expect("write");
    std::fs::write(&b, "$100\n").expect("write");
    sorani().arg("verbalize").arg(&a).arg(&b).arg("-o").arg(&out).assert().success().stdout("");
    assert_eq!(std::fs::read_to_string(&out).expect("read"), "لەسەدا بیست و پێنج\nسەد دۆلار\n");
}

#[test]
fn verbalize_in_place() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let a = dir.path().join("a.txt");
    std::fs::write(&a, "کاتژمێر ١٠:٣٠ پ.ن\n").expect("write");
    sorani().arg("verbalize").arg("--in-place").arg(&a).assert().success();
    assert_eq!(std::fs::read_to_string(&a).expect("read"), "کاتژمێر دە و سی خولەکی پێش نیوەڕۆ\n");
}

#[test]
fn numbers_to_digits_default_arabic_indic() {
    sorani()
        .args(["numbers", "--to", "digits"])
        .write_stdin("دوو هەزار و بیست و دوو\nسێیەم\nشازدەی ئازاری دوو هەزار و بیست و دوو\n")
        .assert()
        .success()
        .stdout("٢٠٢٢\n٣یەم\n١٦/٠٣/٢٠٢٢\n");
}

#[test]
fn numbers_to_digits_ascii_and_persian() {
    sorani()
        .args(["numbers", "--to", "digits", "--digits", "ascii"])
        .write_stdin("سەد و پێنج کەس\n")
        .assert()
        .success()
        .stdout("105 کەس\n");
    sorani()
        .args(["numbers", "--to", "digits", "--digits", "persian"])
        .write_stdin("سێ پۆینت پێنج\n")
        .assert()
        .success()
        .stdout("۳٫۵\n");
}

#[test]
fn numbers_to_words_matches_verbalize() {
    sorani()
        .args(["numbers", "--to", "words"])
        .write_stdin("١٩٩٠کان\n")
        .assert()
        .success()
        .stdout("هەزار و نۆسەد و نەوەدەکان\n");
}

#[test]
fn numbers_requires_a_direction() {
    sorani().arg("numbers").write_stdin("١").assert().code(2).stderr(predicate::str::contains("--to"));
}

#[test]
fn invalid_utf8_is_an_error_unless_lossy() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let a = dir.path().join("bad.txt");
    std::fs::write(&a, b"\xff 12\n").expect("write");
    sorani().arg("verbalize").arg(&a).assert().code(2).stderr(predicate::str::contains("invalid UTF-8"));
    sorani().arg("verbalize").arg("--lossy").arg(&a).assert().success().stdout("\u{FFFD} دوازدە\n");
}

#[test]
fn missing_file_is_an_error() {
    sorani()
        .args(["verbalize", "/nonexistent/file.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot open"));
}

#[test]
fn help_teaches_with_examples() {
    sorani().args(["verbalize", "--help"]).assert().success().stdout(predicate::str::contains("Examples"));
    sorani().args(["numbers", "--help"]).assert().success().stdout(predicate::str::contains("--digits"));
}
