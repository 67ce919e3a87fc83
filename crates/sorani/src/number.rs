//! Numbers, dates, times and symbols to Sorani words and back (numbers issue).
