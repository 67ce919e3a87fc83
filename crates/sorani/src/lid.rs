//! Language and script identification (language identification issue).
