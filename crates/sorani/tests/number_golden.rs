//! The golden suite of `sorani::number`: `tests/golden/numbers/cases.tsv`
//! (input → expected, with a kind and a comment per case; the file header
//! documents the columns). Every failing case is listed, not just the first.

use sorani::number::{verbalize_with, words_to_digits, MonthNames, Options};

struct Case {
    line: usize,
    kind: String,
    input: String,
    expected: String,
    comment: String,
}

fn cases() -> Vec<Case> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/golden/numbers/cases.tsv");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() || line.starts_with("kind\t") {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 4, "line {}: expected 4 tab-separated columns, got {}: {line:?}", i + 1, cols.len());
        out.push(Case {
            line: i + 1,
            kind: cols[0].into(),
            input: cols[1].into(),
            expected: cols[2].into(),
            comment: cols[3].into(),
        });
    }
    out
}

fn run(case: &Case) -> String {
    match case.kind.as_str() {
        "digits" => words_to_digits(&case.input).into_owned(),
        "date-kurdish" => {
            verbalize_with(&case.input, &Options { months: MonthNames::KurdishSolar, ..Options::default() })
                .into_owned()
        }
        _ => verbalize_with(&case.input, &Options::default()).into_owned(),
    }
}

#[test]
fn golden_numbers() {
    let cases = cases();
    assert!(cases.len() >= 300, "the golden suite must keep at least 300 cases, has {}", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let got = run(case);
        if got != case.expected {
            failures.push(format!(
                "line {} [{}] {}\n   input:    {}\n   expected: {}\n   got:      {}",
                case.line, case.kind, case.comment, case.input, case.expected, got
            ));
        }
    }
    assert!(failures.is_empty(), "{} of {} golden cases failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

#[test]
fn golden_round_trip_words_digits_words() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for case in cases().iter().filter(|c| c.kind == "cardinal" || c.kind == "date") {
        checked += 1;
        let digits = words_to_digits(&case.expected);
        let back = verbalize_with(&digits, &Options::default());
        if back != case.expected {
            failures.push(format!("line {}: {}\n   digits: {}\n   back:   {}", case.line, case.expected, digits, back));
        }
    }
    assert!(checked > 100, "too few cardinal and date cases: {checked}");
    assert!(failures.is_empty(), "{} round trips failed:\n{}", failures.len(), failures.join("\n"));
}
