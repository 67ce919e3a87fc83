use sorani::lexicon::Lexicon;
fn main() {
    let lex = Lexicon::embedded();
    let sp = sorani::spell::Speller::embedded();
    for w in std::env::args().skip(1) {
        let a = sorani::morph::Analyzer::embedded();
        println!("{w}\tcount={}\tknown_stem={}\tcorrect={}\tanalyses={:?}", lex.frequency_exact(&w), a.has_known_stem(&w), sp.is_correct(&w),
          a.analyze(&w).iter().take(2).map(|x| format!("{:?}", x)).collect::<Vec<_>>());
    }
}
