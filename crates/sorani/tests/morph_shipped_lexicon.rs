//! The shipped stem lexicon knows the UniMorph lemmas that `cargo xtask
//! eval-morph` holds out (its own process: the choice is process-wide).

#[test]
fn shipped_lexicon_knows_the_evaluation_lemmas() {
    // تەشکیلات is one of the rows marked `heldout`.
    assert_eq!(sorani::morph::lemma("تەشکیلاتی"), "تەشکیلات");
    // Once the lexicon is in use as shipped, it cannot be held out any more.
    assert!(!sorani::morph::hold_out_evaluation_lemmas());
    assert_eq!(sorani::morph::lemma("تەشکیلاتی"), "تەشکیلات");
}
