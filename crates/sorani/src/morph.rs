//! Morphological analysis, lemmatization, light stemming, stopwords (morphology issue).
