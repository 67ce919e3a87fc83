//! Detection of the typing convention, context-aware restoration, legacy font decoding (restoration issue).
