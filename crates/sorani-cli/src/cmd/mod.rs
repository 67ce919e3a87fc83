//! One module per subcommand: its arguments (`Args`) and its `run`.

pub mod analyze;
pub mod detect;
pub mod export;
pub mod index;
pub mod lemma;
pub mod lid;
pub mod morphemes;
pub mod normalize;
pub mod numbers;
pub mod restore_args;
pub mod search;
pub mod sentences;
pub mod serve;
pub mod spell;
pub mod standard;
pub mod stem;
pub mod tokenize;
pub mod translit;
pub mod verbalize;
