//! Times check and suggest over a file (development aid).
fn main() {
    let path = std::env::args().nth(1).expect("FILE");
    let text = std::fs::read_to_string(path).unwrap();
    let lines: Vec<&str> = text.lines().take(2000).collect();
    let sp = sorani::spell::Speller::embedded();
    let t = std::time::Instant::now();
    sp.warm_up();
    eprintln!("build+index {:?}", t.elapsed());
    for pass in 0..2 {
        let t = std::time::Instant::now();
        let mut n = 0;
        let mut f = 0;
        for l in &lines {
            n += l.split_whitespace().count();
            f += sp.check(l).len();
        }
        let e = t.elapsed().as_secs_f64();
        eprintln!("pass {pass}: {n} words {f} findings {:.0} words/s", n as f64 / e);
    }
}
