//! `hold_out_evaluation_lemmas` reads the stem lexicon without the lemmas
//! `cargo xtask eval-morph` scores as unseen (its own process: the choice is
//! process-wide).

#[test]
fn held_out_lexicon_leaves_the_evaluation_lemmas_out() {
    assert!(sorani::morph::hold_out_evaluation_lemmas());
    assert!(sorani::morph::hold_out_evaluation_lemmas(), "asking again keeps the choice");
    // تەشکیلات is marked `heldout`: no known stem here.
    let analyzer = sorani::morph::Analyzer::embedded();
    assert!(analyzer.analyze("تەشکیلات").iter().all(|a| !a.known));
    // Words of the other sources stay known.
    assert_eq!(sorani::morph::lemma("ماڵەکان"), "ماڵ");
}
