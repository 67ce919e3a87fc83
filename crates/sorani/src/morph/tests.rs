//! Table-driven unit tests, one table per morpheme class.

use super::*;

fn seg(word: &str) -> String {
    segment(word).iter().map(|m| m.text).collect::<Vec<_>>().join("|")
}

#[test]
fn debug_dump() {
    for w in std::env::var("MORPH_DEBUG").unwrap_or_default().split_whitespace() {
        for a in analyze(w) {
            let parts: Vec<String> = a.morphemes.iter().map(|m| format!("{}:{}", m.text, m.tag)).collect();
            eprintln!("{w}\t{}\t{:?}\t{}\t{}", a.lemma, a.pos, a.known, parts.join(" "));
        }
        eprintln!("{w}\tSTEM {}\tLEMMA {}\tSEG {}", stem(w), lemma(w), seg(w));
    }
}
