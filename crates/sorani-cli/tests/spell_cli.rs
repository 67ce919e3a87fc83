//! `sorani spell` run as a real binary: findings JSONL and exit codes,
//! `--fix` line protocol, `--explain`, `--suggest`, `--words`.

use assert_cmd::Command;

fn sorani() -> Command {
    Command::cargo_bin("sorani").expect("the sorani binary is built")
}

fn jsonl(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8(stdout.to_vec())
        .expect("UTF-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON: {l}: {e}")))
        .collect()
}

// Our own sentences: the second line has a legacy-keyboard word (ه for ە, Arabic kaf).
const TEXT: &str = "ئەم کتێبە زۆر باشە\nسەرۆکی حكومهت گەیشت\n";

#[test]
fn findings_are_jsonl_with_line_and_byte_span_and_exit_1() {
    let out = sorani().args(["spell"]).write_stdin(TEXT).assert().code(1).get_output().stdout.clone();
    let findings = jsonl(&out);
    assert_eq!(findings.len(), 1, "{findings:?}");
    let f = &findings[0];
    assert_eq!(f["line"], 2);
    assert_eq!(f["word"], "حكومهت");
    let line = TEXT.lines().nth(1).unwrap();
    let (start, end) = (f["start"].as_u64().unwrap() as usize, f["end"].as_u64().unwrap() as usize);
    assert_eq!(&line[start..end], "حكومهت", "start/end are byte offsets into the line");
    assert_eq!(f["severity"], "error");
    assert_eq!(f["suggestions"][0]["word"], "حکومەت");
    let score = f["suggestions"][0]["score"].as_f64().unwrap();
    assert!(score > 0.5 && score <= 1.0, "score {score}");
}

#[test]
fn clean_text_exits_0_with_no_output() {
    sorani().args(["spell"]).write_stdin("ئەم کتێبە زۆر باشە\n2024 Kurdish\n").assert().code(0).stdout("");
}

#[test]
fn fix_keeps_one_line_per_line_and_leaves_numbers_and_latin() {
    let input = "سەرۆکی حكومهت گەیشت\n\n١٢٣ Kurdish حكومهت\r\nکۆتایی";
    let out = sorani().args(["spell", "--fix"]).write_stdin(input).assert().get_output().stdout.clone();
    let out = String::from_utf8(out).unwrap();
    assert_eq!(out, "سەرۆکی حکومەت گەیشت\n\n١٢٣ Kurdish حکومەت\r\nکۆتایی");
}

#[test]
fn fix_explain_writes_one_object_per_correction() {
    let out = sorani()
        .args(["spell", "--fix", "--explain"])
        .write_stdin("سەرۆکی حكومهت گەیشت\n")
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let rows = jsonl(&out);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["replacement"], "حکومەت");
    assert_eq!(rows[0]["applied"], true);
    let edits: Vec<&str> = rows[0]["edits"].as_array().unwrap().iter().map(|e| e.as_str().unwrap()).collect();
    assert!(edits.iter().any(|e| e.contains("keyboard")), "edits name the confusion: {edits:?}");
    assert!(!rows[0]["reason"].as_str().unwrap().is_empty());
}

#[test]
fn suggest_prints_ranked_suggestions_with_scores() {
    let out = sorani().args(["spell", "--suggest", "حكومهت"]).assert().code(1).get_output().stdout.clone();
    let out = String::from_utf8(out).unwrap();
    let first = out.lines().next().expect("at least one suggestion");
    let (word, score) = first.split_once('\t').expect("word TAB score");
    assert_eq!(word, "حکومەت");
    assert!(score.parse::<f64>().is_ok(), "{first}");
    sorani().args(["spell", "--suggest", "کتێب"]).assert().code(0).stdout("کتێب\tOK\n");
    // a word split apart is judged as a whole, as --words does
    let out = sorani().args(["spell", "--suggest", "بە ڵام"]).assert().code(1).get_output().stdout.clone();
    assert!(String::from_utf8(out).unwrap().starts_with("بەڵام\t"));
}

#[test]
fn words_mode_writes_one_line_per_word() {
    let out = sorani()
        .args(["spell", "--words"])
        .write_stdin("کتێب\nحكومهت\n\nکوردستان\n")
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = out.split('\n').collect();
    assert_eq!(lines.len(), 5, "{out:?}");
    assert_eq!(lines[0], "OK");
    assert_eq!(lines[1].split('\t').next(), Some("حکومەت"));
    assert_eq!(lines[2], "");
    assert_eq!(lines[3], "OK");
}

#[test]
fn min_severity_error_hides_warnings() {
    let out =
        sorani().args(["spell", "--min-severity", "error"]).write_stdin(TEXT).assert().get_output().stdout.clone();
    for f in jsonl(&out) {
        assert_eq!(f["severity"], "error");
    }
}

#[test]
fn invalid_utf8_is_an_error_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.txt");
    std::fs::write(&path, b"\xff\xfe").unwrap();
    sorani().args(["spell"]).arg(&path).assert().code(2);
}

#[test]
fn legacy_keyboard_lines_are_judged_as_restored() {
    // our own sentences: a standard line, then one typed on a legacy
    // keyboard (ە as ه, ک as ك) with one misspelling (ی for ێ)
    let text = "ئەم کتێبە زۆر باشە\nئهم كتێبه زۆر باشه و ههموو كهسێك دهیخوینێتهوه\n";
    let out = sorani().arg("spell").write_stdin(text).assert().code(1).stderr("").get_output().stdout.clone();
    let findings = jsonl(&out);
    let line = text.lines().nth(1).unwrap();
    for f in &findings {
        assert_eq!(f["line"], 2);
        let (start, end) = (f["start"].as_u64().unwrap() as usize, f["end"].as_u64().unwrap() as usize);
        assert_eq!(line[start..end], f["word"], "spans are the words as typed");
    }
    let kinds: Vec<(&str, &str, &str)> = findings
        .iter()
        .map(|f| {
            (f["kind"].as_str().unwrap(), f["word"].as_str().unwrap(), f["suggestions"][0]["word"].as_str().unwrap())
        })
        .collect();
    assert_eq!(kinds[0], ("typing", "ئهم", "ئەم"));
    assert_eq!(kinds.last(), Some(&("spelling", "دهیخوینێتهوه", "دەیخوێنێتەوە")));
    assert_eq!(kinds.iter().filter(|k| k.0 == "typing").count(), 5, "{kinds:?}");
    // --fix writes the line restored and corrected; the standard one as it was
    sorani()
        .args(["spell", "--fix"])
        .write_stdin(text)
        .assert()
        .code(1)
        .stdout("ئەم کتێبە زۆر باشە\nئەم کتێبە زۆر باشە و هەموو کەسێک دەیخوێنێتەوە\n");
    // --fix --explain: a typing correction says how the line was typed
    let out = sorani().args(["spell", "--fix", "--explain"]).write_stdin(text).output().unwrap();
    let rows = jsonl(&out.stdout);
    assert_eq!(rows[0]["kind"], "typing");
    assert_eq!(rows[0]["applied"], true);
    assert!(rows[0]["reason"].as_str().unwrap().contains("legacy-keyboard"), "{:?}", rows[0]);
}

#[test]
fn restore_never_judges_words_as_written_and_advises() {
    // our own sentence typed on a legacy keyboard: ە as ه, ک as ك
    let legacy = "ئهم كتێبه زۆر باشه و ههموو كهسێك دهیخوێنێتهوه\n";
    for args in [&["spell", "--restore", "never"][..], &["spell", "--fix", "--restore", "never"]] {
        let out = sorani().args(args).write_stdin(legacy).assert().code(1).get_output().clone();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(stderr.contains("1 of 1 lines") && stderr.contains("--restore never"), "{args:?}: {stderr}");
    }
    let out = sorani().args(["spell", "--restore", "never"]).write_stdin(legacy).output().unwrap();
    assert!(jsonl(&out.stdout).iter().all(|f| f["kind"] == "spelling"));
    // standard text gets no advice
    sorani().args(["spell", "--restore", "never"]).write_stdin(TEXT).assert().code(1).stderr("");
    // word lists judge each entry as written
    sorani().args(["spell", "--words", "--restore", "never"]).write_stdin("کتێب\n").assert().code(2);
}
