use sorani::lexicon::Lexicon;
use std::io::Read;
fn main() {
    let lex = Lexicon::embedded();
    let mut s = String::new();
    std::io::stdin().read_to_string(&mut s).unwrap();
    let (mut n, mut t, mut l, mut a) = (0u64, 0u64, 0u64, 0u64);
    let an = sorani::morph::Analyzer::embedded();
    for w in s.split(|c: char| !(('\u{0620}'..='\u{06D5}').contains(&c) || c == '\u{200C}')).filter(|w| w.chars().count() > 1) {
        n += 1;
        let c = lex.frequency_exact(w);
        if c >= 100 { t += 1 } else if c > 0 { l += 1 } else if an.has_known_stem(w) { a += 1 }
    }
    println!("tokens {n} trusted {:.3} lexicon {:.3} analyzer {:.3} none {:.3}", t as f64 / n as f64, l as f64 / n as f64, a as f64 / n as f64, (n - t - l - a) as f64 / n as f64);
}
