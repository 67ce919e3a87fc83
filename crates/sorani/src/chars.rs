//! Letter classes of the Sorani alphabet shared by every module.
//! (Owned by the foundation work; other modules add what they need here.)
