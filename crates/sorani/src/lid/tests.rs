//! Unit tests of the identifier.
