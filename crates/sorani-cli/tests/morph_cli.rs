//! `sorani analyze`, `sorani lemma` and `sorani stem` run as real binaries
//! against the golden files in `tests/golden/morph/` (one line of words per
//! morpheme class). Set `UPDATE_GOLDEN=1` to rewrite the expected outputs
//! after a deliberate change, then review the diff.

use std::path::PathBuf;

use assert_cmd::Command;
use predicates::prelude::*;

fn golden(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/golden/morph").join(name)
}

fn sorani() -> Command {
    Command::cargo_bin("sorani").expect("the sorani binary is built")
}

fn check_golden(args: &[&str], expected: &str) {
    let input = std::fs::read_to_string(golden("words.txt")).expect("golden input");
    let out = sorani().args(args).write_stdin(input).output().expect("sorani runs");
    assert!(out.status.success(), "sorani {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    let got = String::from_utf8(out.stdout).expect("UTF-8 output");
    let path = golden(expected);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &got).expect("write golden");
        return;
    }
    let want = std::fs::read_to_string(&path).expect("golden output");
    if got != want {
        let diff: Vec<String> = got
            .lines()
            .zip(want.lines())
            .enumerate()
            .filter(|(_, (g, w))| g != w)
            .map(|(i, (g, w))| format!("line {}:\n  got  {g}\n  want {w}", i + 1))
            .collect();
        panic!(
            "sorani {args:?} differs from {}:\n{}\n(line counts: got {}, want {})",
            path.display(),
            diff.join("\n"),
            got.lines().count(),
            want.lines().count()
        );
    }
}

#[test]
fn lemma_matches_golden() {
    check_golden(&["lemma"], "lemma.out");
}

#[test]
fn stem_matches_golden() {
    check_golden(&["stem"], "stem.out");
}

#[test]
fn analyze_best_matches_golden() {
    check_golden(&["analyze", "--best"], "analyze-best.jsonl");
}

#[test]
fn one_output_line_per_input_line() {
    let input = "ماڵەکان\n\nکتێبەکەم و دەرگاکە\r\nدەخوێنم";
    for cmd in ["lemma", "stem"] {
        let out = sorani().arg(cmd).write_stdin(input).output().unwrap();
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        assert_eq!(text.split('\n').count(), input.split('\n').count(), "{cmd}: {text:?}");
        assert!(text.contains("\r\n"), "{cmd} keeps CRLF: {text:?}");
    }
}

#[test]
fn stem_index_terms_drops_stopwords_and_punctuation() {
    sorani()
        .args(["stem", "--index-terms"])
        .write_stdin("ماڵەکانمان لە ماڵەکەدا و کتێبەکان!\n")
        .assert()
        .success()
        .stdout("ماڵ ماڵ کتێب\n");
}

#[test]
fn analyze_emits_one_json_object_per_word() {
    let out = sorani().arg("analyze").write_stdin("ماڵەکان و کتێبێک\n").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).expect("valid JSON")).collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0]["word"], "ماڵەکان");
    assert_eq!(rows[0]["analyses"][0]["lemma"], "ماڵ");
    assert_eq!(rows[2]["start"], "ماڵەکان و ".len());
    assert!(rows.iter().all(|r| r["analyses"].as_array().is_some_and(|a| !a.is_empty())));
}

/// A URL, an address, a tag or a number such as ٣.٥ is not cut into words:
/// `analyze` leaves it out, `stem` and `lemma` copy it whole; the same on
/// a line restored from a legacy keyboard.
#[test]
fn urls_addresses_tags_and_numbers_are_not_words() {
    for (line, words, stems) in [
        (
            "سەردانی www.rudaw.net/ckb بکە، ٣.٥ #هەواڵ info@rudaw.net\n",
            vec!["سەردانی", "بکە"],
            "سەردان www.rudaw.net/ckb کردن ، ٣.٥ #هەواڵ info@rudaw.net\n",
        ),
        ("ئهم ههواڵه له www.example.net/ههواڵ بڵاوكرایهوه\n", vec!["ئهم", "ههواڵه", "له", "بڵاوكرایهوه"], ""),
    ] {
        let out = sorani().args(["analyze", "--best"]).write_stdin(line).output().unwrap();
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        let got: Vec<String> = text
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["word"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(got, words, "{line}");
        if !stems.is_empty() {
            sorani().arg("stem").write_stdin(line).assert().success().stdout(stems);
        }
    }
}

#[test]
fn a_repeated_word_gets_the_same_analyses_at_its_own_place() {
    // the second and third time, a word's analyses are written from memory
    let out = sorani().arg("analyze").write_stdin("ماڵەکان\nو ماڵەکان ماڵەکان\n").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).expect("valid JSON")).collect();
    let places: Vec<(u64, u64, u64)> = rows
        .iter()
        .filter(|r| r["word"] == "ماڵەکان")
        .map(|r| (r["line"].as_u64().unwrap(), r["start"].as_u64().unwrap(), r["end"].as_u64().unwrap()))
        .collect();
    let (w, gap) = ("ماڵەکان".len() as u64, "و ".len() as u64);
    assert_eq!(places, [(1, 0, w), (2, gap, gap + w), (2, gap + w + 1, gap + 2 * w + 1)]);
    assert!(rows.iter().filter(|r| r["word"] == "ماڵەکان").all(|r| r["analyses"] == rows[0]["analyses"]));
    let best = sorani().args(["analyze", "--best"]).write_stdin("ماڵەکان ماڵەکان\n").output().unwrap();
    let best = String::from_utf8(best.stdout).unwrap();
    for line in best.lines() {
        let row: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(row["analyses"].as_array().map(Vec::len), Some(1), "{line}");
    }
}

#[test]
fn bad_input_is_an_error_with_exit_2() {
    sorani().args(["stem", "/nonexistent/file.txt"]).assert().code(2).stderr(predicate::str::contains("file.txt"));
    sorani().arg("lemma").write_stdin(vec![0xff, 0xfe, b'\n']).assert().code(2);
}

#[test]
fn tokenize_morphemes_splits_words_only() {
    sorani()
        .args(["tokenize", "--morphemes"])
        .write_stdin("وڵاتەکەیان، 2024\n")
        .assert()
        .success()
        .stdout("وڵات ەکە یان ، 2024\n");
    let out = sorani()
        .args(["tokenize", "--morphemes", "--format", "jsonl"])
        .write_stdin("ئێمە ماڵەکانمان\n")
        .output()
        .unwrap();
    let rows: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let texts: Vec<&str> = rows.iter().map(|r| r["text"].as_str().unwrap()).collect();
    assert_eq!(texts, ["ئێمە", "ماڵ", "ەکان", "مان"]);
    assert_eq!(rows[1]["start"], "ئێمە ".len());
    assert_eq!(rows[3]["tag"], "PSS1P");
}

#[test]
fn text_typed_on_other_keyboards_is_read_in_standard_spelling() {
    // Arabic KAF and YEH, HEH + ZWNJ for ە, tatweel, ھ for /h/
    let input = "كتێبه\u{200C}كان و يارييەكە\r\nکتـێبەکان ھاوڕێکانم\n";
    sorani().arg("lemma").write_stdin(input).assert().success().stdout("کتێب و یاری\r\nکتێب هاوڕێ\n");
    sorani().arg("stem").write_stdin(input).assert().success().stdout("کتێب و یاری\r\nکتێب هاوڕێ\n");
    // a legacy-keyboard line (ە typed as ه) is restored first, unless asked not to
    let legacy = "ماڵهكانمان له شارهكهدا\n";
    sorani().arg("stem").write_stdin(legacy).assert().success().stdout("ماڵ لە شار\n");
    let never = sorani().args(["stem", "--restore", "never"]).write_stdin(legacy).output().unwrap();
    assert_ne!(String::from_utf8(never.stdout).unwrap(), "ماڵ لە شار\n");
}

#[test]
fn tokenize_morphemes_cuts_the_standard_spelling_with_spans_as_written() {
    // Arabic KAF, HEH + ZWNJ for ە, ھ for /h/
    let line = "كتێبه\u{200C}كان ھاوڕێکانم";
    sorani()
        .args(["tokenize", "--morphemes"])
        .write_stdin(format!("{line}\n"))
        .assert()
        .success()
        .stdout("کتێب ەکان هاوڕێ کان م\n");
    let out = sorani().args(["tokenize", "--morphemes", "--format", "jsonl"]).write_stdin(line).output().unwrap();
    assert!(out.status.success());
    let rows: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let texts: Vec<&str> = rows.iter().map(|r| r["text"].as_str().unwrap()).collect();
    assert_eq!(texts, ["کتێب", "ەکان", "هاوڕێ", "کان", "م"]);
    // the spans follow each other and cover each word as written
    let spans: Vec<(usize, usize)> =
        rows.iter().map(|r| (r["start"].as_u64().unwrap() as usize, r["end"].as_u64().unwrap() as usize)).collect();
    assert_eq!(spans[0].0, 0);
    assert_eq!(spans[1].1, line.find(' ').unwrap());
    assert_eq!(spans[4].1, line.len());
    for (r, &(s, e)) in rows.iter().zip(&spans) {
        let written = r.get("written").unwrap_or(&r["text"]);
        assert_eq!(written, &line[s..e]);
    }
    assert_eq!(rows[1]["written"], "ه\u{200C}كان");
    assert!(rows[3].get("written").is_none(), "کان of هاوڕێکانم is written as it is cut");
    // a legacy-keyboard line is restored unless asked not to; --restore needs --morphemes
    let legacy = "ماڵهكانمان له شارهكهدا\n";
    sorani()
        .args(["tokenize", "--morphemes"])
        .write_stdin(legacy)
        .assert()
        .success()
        .stdout("ماڵ ەکان مان لە شار ەکە دا\n");
    let never = sorani().args(["tokenize", "--morphemes", "--restore", "never"]).write_stdin(legacy).output().unwrap();
    assert_ne!(String::from_utf8(never.stdout).unwrap(), "ماڵ ەکان مان لە شار ەکە دا\n");
    sorani().args(["tokenize", "--restore", "never"]).write_stdin(legacy).assert().code(2);
    // a line in a legacy font: its words are cut one by one, the comma in
    // its place
    let font = "لە سالَی یەک ، لەڕۆژیَکی";
    sorani()
        .args(["tokenize", "--morphemes"])
        .write_stdin(format!("{font}\n"))
        .assert()
        .success()
        .stdout("لە ساڵ ی یەک ، لە ڕۆژ ێک ی\n");
    let out = sorani().args(["tokenize", "--morphemes", "--format", "jsonl"]).write_stdin(font).output().unwrap();
    let starts: Vec<u64> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["start"].as_u64().unwrap())
        .collect();
    assert!(starts.windows(2).all(|p| p[0] < p[1]), "morphemes and the comma in order: {starts:?}");
    // a piece between spaces that holds many words (here cut by digits) is
    // aligned with its respelling once, not once per word
    let piece = "سالَی٩".repeat(5000);
    sorani()
        .args(["tokenize", "--morphemes"])
        .write_stdin(format!("{font} {piece}\n"))
        .assert()
        .success()
        .stdout(format!("لە ساڵ ی یەک ، لە ڕۆژ ێک ی{}\n", " ساڵ ی ٩".repeat(5000)));
}

#[test]
fn analyze_gives_the_standard_spelling_beside_the_word_as_written() {
    let line = "ماڵهكانمان و كتێب";
    let out = sorani().args(["analyze", "--best"]).write_stdin(format!("{line}\n")).output().unwrap();
    assert!(out.status.success());
    let rows: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), 3);
    // spans and words are those of the input; the standard spelling is what was analyzed
    for r in &rows {
        let (s, e) = (r["start"].as_u64().unwrap() as usize, r["end"].as_u64().unwrap() as usize);
        assert_eq!(r["word"], &line[s..e]);
    }
    assert_eq!(rows[0]["standard"], "ماڵەکانمان");
    assert_eq!(rows[0]["analyses"][0]["lemma"], "ماڵ");
    assert!(rows[1].get("standard").is_none(), "و is standard: {}", rows[1]);
    assert_eq!(rows[2]["standard"], "کتێب");
    assert_eq!(rows[2]["analyses"][0]["known"], true);
    // a line in a legacy font is one restoration; each word keeps its own span
    let font = "لە سالَی یەک ، لەڕۆژیَکی";
    let out = sorani().args(["analyze", "--best"]).write_stdin(format!("{font}\n")).output().unwrap();
    let words: Vec<(String, Option<String>)> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .map(|r| (r["word"].as_str().unwrap().to_string(), r["standard"].as_str().map(String::from)))
        .collect();
    let want = [("لە", None), ("سالَی", Some("ساڵی")), ("یەک", None), ("لەڕۆژیَکی", Some("لەڕۆژێکی"))];
    assert_eq!(words, want.map(|(w, s)| (w.to_string(), s.map(String::from))));
}

#[test]
fn a_fonts_document_is_read_in_the_font_by_stem_lemma_analyze_and_tokenize() {
    // Two lines in Ali-K, then one with no sign of the font: read alone, its
    // ط would be an Arabic keyboard's; in the document, the font's گ.
    let document = "ثيرةميَرد لة سليَمانى لة دايك بوو\nئةوان بؤ طوندةكة رِؤيشتن\r\nئةم طوندة زؤر جوانة و خةلكةكةي باشن\n";
    let normalized = sorani().arg("normalize").write_stdin(document).output().expect("runs");
    let normalized = String::from_utf8(normalized.stdout).unwrap();
    assert!(normalized.ends_with("ئەم گوندە زۆر جوانە و خەلکەکەی باشن\n"), "{normalized}");
    for command in ["stem", "lemma"] {
        let direct = sorani().arg(command).write_stdin(document).output().expect("runs");
        let piped =
            sorani().args([command, "--restore", "never"]).write_stdin(normalized.clone()).output().expect("runs");
        assert_eq!(direct.stdout, piped.stdout, "{command} reads the document as normalize does");
        assert!(String::from_utf8_lossy(&direct.stdout).contains("\r\n"), "{command} keeps the CRLF");
    }
    let out = sorani().args(["analyze", "--best"]).write_stdin(document).output().expect("runs");
    let rows: Vec<serde_json::Value> =
        String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).expect("JSON")).collect();
    let village = rows.iter().find(|r| r["line"] == 3 && r["word"] == "طوندة").expect("the word is analyzed");
    assert_eq!(village["standard"], "گوندە");
    assert_eq!(village["start"], "ئةم ".len());
    // tokenize --morphemes cuts the words as normalize writes them, keeping
    // the lines, their CRLF and the spans of the letters as written
    let direct = sorani().args(["tokenize", "--morphemes"]).write_stdin(document).output().expect("runs");
    let piped = sorani()
        .args(["tokenize", "--morphemes", "--restore", "never"])
        .write_stdin(normalized.clone())
        .output()
        .expect("runs");
    assert_eq!(direct.stdout, piped.stdout, "tokenize --morphemes reads the document as normalize does");
    assert_eq!(String::from_utf8_lossy(&direct.stdout).matches("\r\n").count(), 1);
    let out = sorani().args(["tokenize", "--morphemes", "--format", "jsonl"]).write_stdin(document).output().unwrap();
    let rows: Vec<serde_json::Value> =
        String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).expect("JSON")).collect();
    let village = rows.iter().find(|r| r["line"] == 3 && r["text"] == "گوند").expect("the stem is cut");
    assert_eq!((village["start"].as_u64(), village["written"].as_str()), (Some("ئةم ".len() as u64), Some("طوند")));
}
