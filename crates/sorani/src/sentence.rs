//! Sentence boundaries (foundation issue).
