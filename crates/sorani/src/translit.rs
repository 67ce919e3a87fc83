//! Arabic-script Sorani to Kurdish Latin and back, IPA and syllables (transliteration issue).
