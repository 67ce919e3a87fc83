fn main() {
    let a = sorani::morph::Analyzer::embedded();
    let lex = sorani::lexicon::Lexicon::embedded();
    for w in std::env::args().skip(1) {
        if lex.frequency_exact(&w) > 0 || !a.has_known_stem(&w) { continue; }
        let an = a.analyze(&w);
        let x = &an[0];
        let parts: Vec<String> = x.morphemes.iter().map(|m| format!("{}:{}", m.text, m.tag)).collect();
        println!("{w}\t{:?}\t{}", x.pos, parts.join(" + "));
    }
}
