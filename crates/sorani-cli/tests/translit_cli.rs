//! `sorani translit` run as a real binary against the golden files in
//! tests/golden/translit/ (inputs written for this project).

use std::path::PathBuf;

use assert_cmd::Command;

fn golden(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/golden/translit").join(name)
}

fn read(name: &str) -> String {
    std::fs::read_to_string(golden(name)).unwrap_or_else(|e| panic!("cannot read golden {name}: {e}"))
}

fn sorani() -> Command {
    Command::cargo_bin("sorani").expect("the sorani binary is built")
}

#[test]
fn golden_outputs() {
    let cases: &[(&[&str], &str, &str)] = &[
        (&[], "arabic.txt", "arabic.latin.txt"),
        (&["--to", "ipa"], "arabic.txt", "arabic.ipa.txt"),
        (&["--to", "syllables"], "arabic.txt", "arabic.syllables.txt"),
        (&["--letters", "acute", "--ain", "diaeresis", "--no-capitalize"], "arabic.txt", "arabic.latin-acute.txt"),
        (&["--to", "arabic"], "latin.txt", "latin.arabic.txt"),
        (&["--to", "arabic"], "latin-plain.txt", "latin-plain.arabic.txt"),
        (&["--to", "syllables"], "latin.txt", "latin.syllables.txt"),
        (&["--to", "ipa"], "latin.txt", "latin.ipa.txt"),
    ];
    for (args, input, expected) in cases {
        let out = sorani().arg("translit").args(*args).arg(golden(input)).output().expect("runs");
        assert!(
            out.status.success(),
            "sorani translit {args:?} {input} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let got = String::from_utf8(out.stdout).expect("UTF-8 output");
        let want = read(expected);
        for (n, (g, w)) in got.lines().zip(want.lines()).enumerate() {
            assert_eq!(g, w, "sorani translit {args:?} {input}: line {} differs from {expected}", n + 1);
        }
        assert_eq!(got.lines().count(), want.lines().count(), "line count of {args:?} {input} vs {expected}");
    }
}

#[test]
fn one_output_line_per_input_line() {
    let input = "کورد\r\n\nگرتن\nبوون";
    let out = sorani().args(["translit", "--no-capitalize"]).write_stdin(input).assert().success();
    let got = String::from_utf8(out.get_output().stdout.clone()).expect("UTF-8");
    assert_eq!(got, "kurd\r\n\ngirtin\nbûn");
}

#[test]
fn jsonl_records() {
    let out = sorani()
        .args(["translit", "--to", "syllables", "--format", "jsonl"])
        .write_stdin("کوردستان\nکچ\n")
        .assert()
        .success();
    let got = String::from_utf8(out.get_output().stdout.clone()).expect("UTF-8");
    let records: Vec<serde_json::Value> =
        got.lines().map(|l| serde_json::from_str(l).expect("valid JSON line")).collect();
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["line"], 1);
    assert_eq!(records[0]["input"], "کوردستان");
    assert_eq!(records[0]["output"], "kur·dis·tan");
    assert_eq!(records[1]["output"], "kiç");
}

#[test]
fn round_trip_through_the_binary() {
    let latin = "min kurdistanim xoşdewêt\n";
    let arabic = sorani().args(["translit", "--to", "arabic"]).write_stdin(latin).assert().success();
    let arabic = String::from_utf8(arabic.get_output().stdout.clone()).expect("UTF-8");
    assert_eq!(arabic, "من کوردستانم خۆشدەوێت\n");
    let back = sorani().args(["translit", "--no-capitalize"]).write_stdin(arabic).assert().success();
    assert_eq!(String::from_utf8_lossy(&back.get_output().stdout), latin);
}

#[test]
fn bad_option_is_an_error() {
    sorani().args(["translit", "--to", "cyrillic"]).write_stdin("x").assert().code(2);
}

#[test]
fn missing_file_is_an_error() {
    sorani().args(["translit", "/nonexistent/translit-input.txt"]).assert().code(2);
}

#[test]
fn legacy_keyboard_text_is_restored_before_transliteration() {
    // ە typed as ه and ک as ك: the restorer puts the vowels back first.
    let legacy = "لهگهڵ ههموو خهڵكدا\n";
    let restored = sorani().args(["translit"]).write_stdin(legacy).output().expect("runs");
    assert_eq!(String::from_utf8_lossy(&restored.stdout), "Legeł hemû xełkda\n");
    let standard = sorani().args(["translit"]).write_stdin("لەگەڵ هەموو خەڵکدا\n").output().expect("runs");
    assert_eq!(restored.stdout, standard.stdout, "legacy and standard spellings transliterate alike");
    let raw = sorani().args(["translit", "--restore", "never"]).write_stdin(legacy).output().expect("runs");
    assert_ne!(raw.stdout, restored.stdout, "--restore never leaves the legacy letters as typed");
}

#[test]
fn a_fonts_document_is_read_in_the_font_before_transliteration() {
    // Two lines in Ali-K, then one with no sign of the font: read alone, its
    // ط would be an Arabic keyboard's (تەوندە); in the document, the font's گ.
    let document = "ثيرةميَرد لة سليَمانى لة دايك بوو\nئةوان بؤ طوندةكة رِؤيشتن\nئةم طوندة زؤر جوانة و خةلكةكةي باشن\n";
    let out = sorani().args(["translit"]).write_stdin(document).output().expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.lines().count(), 3, "{text}");
    assert!(text.lines().nth(2).is_some_and(|l| l.starts_with("Em gunde ")), "{text}");
    let normalized = sorani().arg("normalize").write_stdin(document).output().expect("runs");
    let piped = sorani().args(["translit"]).write_stdin(normalized.stdout).output().expect("runs");
    assert_eq!(out.stdout, piped.stdout, "as `sorani normalize | sorani translit`");
    let jsonl = sorani().args(["translit", "--format", "jsonl"]).write_stdin(document).output().expect("runs");
    let rows: Vec<serde_json::Value> =
        String::from_utf8_lossy(&jsonl.stdout).lines().map(|l| serde_json::from_str(l).expect("JSON")).collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[2]["line"], 3);
    assert_eq!(rows[2]["input"], "ئةم طوندة زؤر جوانة و خةلكةكةي باشن");
    assert_eq!(rows[2]["output"].as_str(), text.lines().nth(2));
}
