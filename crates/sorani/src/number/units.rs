//! Units, currencies and other abbreviations read after a number.
//!
//! Each entry is (written form, spoken words). A written form is recognised
//! right after a number, attached or after one space, and only when it ends at
//! a word boundary; the longest form wins. Currency symbols may also stand
//! before the number (`$100`); they are always read after it (`سەد دۆلار`),
//! and after a following scale word (`$1.5 ملیار` → `یەک پۆینت پێنج ملیار
//! دۆلار`).

/// Abbreviations and symbols read after a number.
pub(crate) const UNITS: &[(&str, &str)] = &[
    // length and area
    ("کم²", "کیلۆمەتر چوارگۆشە"),
    ("km²", "کیلۆمەتر چوارگۆشە"),
    ("م²", "مەتر چوارگۆشە"),
    ("m²", "مەتر چوارگۆشە"),
    ("م³", "مەتر سێجا"),
    ("m³", "مەتر سێجا"),
    ("کم/ک", "کیلۆمەتر لە کاتژمێرێکدا"),
    ("km/h", "کیلۆمەتر لە کاتژمێرێکدا"),
    ("کم", "کیلۆمەتر"),
    ("km", "کیلۆمەتر"),
    ("سم", "سانتیمەتر"),
    ("cm", "سانتیمەتر"),
    ("ملم", "ملیمەتر"),
    ("mm", "ملیمەتر"),
    ("م", "مەتر"),
    ("m", "مەتر"),
    // mass and volume
    ("کگ", "کیلۆگرام"),
    ("kg", "کیلۆگرام"),
    ("گم", "گرام"),
    ("g", "گرام"),
    ("ml", "ملیلیتر"),
    ("l", "لیتر"),
    // temperature
    ("°C", "پلەی سەدی"),
    ("°س", "پلەی سەدی"),
    ("°", "پلە"),
    // data and power
    ("KB", "کیلۆبایت"),
    ("MB", "مێگابایت"),
    ("GB", "گیگابایت"),
    ("TB", "تێرابایت"),
    ("kW", "کیلۆوات"),
    ("MW", "مێگاوات"),
    // currencies
    ("$", "دۆلار"),
    ("USD", "دۆلار"),
    ("€", "یۆرۆ"),
    ("EUR", "یۆرۆ"),
    ("£", "پاوەند"),
    ("GBP", "پاوەند"),
    ("IQD", "دینار"),
    ("د.ع", "دیناری عێراقی"),
    ("₺", "لیرەی تورکی"),
    ("TRY", "لیرەی تورکی"),
    // eras
    ("پ.ز", "پێش زایین"),
    ("ز", "زایینی"),
];

/// Currency symbols that may stand before a number.
pub(crate) const PREFIX_CURRENCIES: &[(char, &str)] =
    &[('$', "دۆلار"), ('€', "یۆرۆ"), ('£', "پاوەند"), ('₺', "لیرەی تورکی")];

/// Scale words that may follow a number written in digits (`١.٥ ملیار`).
pub(crate) const SCALE_WORDS: &[&str] = &["هەزار", "ملیۆن", "ملیار", "ترلیۆن"];
