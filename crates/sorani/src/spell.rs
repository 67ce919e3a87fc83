//! Spell checking and ranked suggestions (spelling issue).
