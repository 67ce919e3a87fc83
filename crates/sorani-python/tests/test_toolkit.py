"""Restoration, transliteration, morphology, spelling, numbers and language
identification through Python: each returns what the core documents."""

from __future__ import annotations

import subprocess

import pytest

import sorani

LEGACY = "ههروهها سهرۆكی حكومهت"


def test_restore_legacy_keyboard_text():
    assert sorani.restore(LEGACY) == "هەروەها سەرۆکی حکومەت"
    assert sorani.restore_batch([LEGACY, "ئەمڕۆ"]) == [sorani.restore(LEGACY), "ئەمڕۆ"]


def test_restore_never_changes_standard_text():
    text = "ئەمڕۆ هەوا خۆشە"
    assert sorani.restore(text, mode="always") == text


def test_restore_explained_spans_are_code_points():
    result = sorani.restore_explained(LEGACY)
    assert result["convention"] == "legacy-keyboard"
    assert result["text"] == sorani.restore(LEGACY)
    for change in result["changes"]:
        assert LEGACY[change["start"]:change["end"]] == change["original"]
        assert change["reason"]


def test_restore_rejects_unknown_mode():
    with pytest.raises(ValueError, match="restore mode"):
        sorani.restore(LEGACY, mode="sometimes")


def test_detect_names_the_convention():
    assert sorani.detect(LEGACY)["convention"] == "legacy-keyboard"
    standard = sorani.detect("ئەمڕۆ هەوا خۆشە")
    assert standard["convention"] == "standard"
    assert 0.0 <= standard["confidence"] <= 1.0


def test_transliterate_every_direction():
    assert sorani.transliterate("کوردستان") == "Kurdistan"
    assert sorani.transliterate("Kurdistan", to="arabic") == "کوردستان"
    assert "." in sorani.transliterate("کوردستان", to="ipa")
    assert sorani.transliterate("کوردستان", to="syllables").count("·") == 2
    assert sorani.transliterate_batch(["کوردستان"], to="latin") == ["Kurdistan"]
    with pytest.raises(ValueError, match="latin"):
        sorani.transliterate("x", to="klingon")
    with pytest.raises(ValueError):
        sorani.transliterate_batch(["x"], to="klingon")


def test_analyze_gives_morphemes_that_rebuild_the_word():
    word = "وڵاتەکەیان"
    best = sorani.analyze(word)[0]
    assert best["lemma"] == "وڵات"
    assert "".join(m["text"] for m in best["morphemes"]) == word
    assert sorani.morphemes(word) == ["وڵات", "ەکە", "یان"]


def test_stem_conflates_noun_forms_and_lemma_gives_infinitive():
    forms = ["ماڵ", "ماڵەکە", "ماڵەکەی", "ماڵەکانمان"]
    assert {sorani.stem(form) for form in forms} == {"ماڵ"}
    assert sorani.stem_batch(forms) == [sorani.stem(form) for form in forms]
    assert sorani.lemma("دەیخوێنینەوە") == "خوێندن"
    assert sorani.lemma_batch(["وڵاتەکەیان"]) == ["وڵات"]


def test_text_level_morphology():
    text = "وڵاتەکەیان، لە ماڵەکانمان دەیخوێنینەوە."
    assert sorani.lemmatize_text(text) == "وڵات ، لە ماڵ خوێندن ."
    tokens = ["وڵاتەکەیان", "،", "لە", "ماڵەکانمان", "دەیخوێنینەوە", "."]
    assert sorani.stem_text(text) == " ".join(t if t in "،." else sorani.stem(t) for t in tokens)
    assert sorani.index_terms(text) == [sorani.stem(word) for word in ["وڵاتەکەیان", "ماڵەکانمان", "دەیخوێنینەوە"]]
    assert sorani.lemmatize_text_batch([text, ""]) == [sorani.lemmatize_text(text), ""]
    assert sorani.stem_text_batch([text]) == [sorani.stem_text(text)]
    # text typed on an Arabic keyboard (KAF, HEH + ZWNJ for ە) gives standard words
    typed = "كتێبه\u200cكان و ماڵهكانمان"
    assert sorani.lemmatize_text(typed) == "کتێب و ماڵ"
    assert sorani.lemmatize_text_batch([typed], restore="never") == [sorani.lemmatize_text(typed, restore="never")]
    assert sorani.stem_text(typed, restore="always") == sorani.stem_text(sorani.normalize(typed, restore="always"))
    assert sorani.index_terms(typed) == sorani.index_terms(sorani.normalize(typed)) == ["کتێب", "ماڵ"]
    with pytest.raises(ValueError):
        sorani.stem_text(text, restore="sometimes")


def test_stopwords():
    assert sorani.is_stopword("لە")
    assert not sorani.is_stopword("کتێب")
    assert "لە" in sorani.stopwords()


def test_spelling():
    assert sorani.spell_is_correct("کتێبەکانمان")
    assert sorani.spell_check_entry("کتێب") is None
    entry = sorani.spell_check_entry("حكومهت")
    assert entry and entry[0]["word"] == "حکومەت"
    suggestions = sorani.spell_suggest("کتيب")
    assert suggestions[0]["word"] == "کتێب"
    assert all(0.0 <= s["score"] <= 1.0 for s in suggestions)
    text = "ئەم کتێبە زۆر باشە"
    assert sorani.spell_check(text) == []
    assert sorani.spell_fix(text) == text


def test_spelling_of_legacy_typed_text_as_restored(sorani_bin):
    # our own sentence typed on a legacy keyboard (ە as ه, ک as ك)
    legacy = "ئهم كتێبه زۆر باشه و ههموو كهسێك دهیخوێنێتهوه"
    findings = sorani.spell_check(legacy)
    assert {f["kind"] for f in findings} == {"typing"}
    first = findings[0]
    assert (first["word"], first["start"], first["end"]) == ("ئهم", 0, 3)
    assert first["suggestions"][0]["word"] == "ئەم"
    assert all(legacy[f["start"] : f["end"]] == f["word"] for f in findings)
    assert sorani.spell_fix(legacy) == "ئەم کتێبە زۆر باشە و هەموو کەسێک دەیخوێنێتەوە"
    # (`sorani spell --fix` exits 1 when it changed something)
    cli = subprocess.run([str(sorani_bin), "spell", "--fix"], input=legacy.encode(), capture_output=True)
    assert cli.returncode == 1 and cli.stdout.decode() == sorani.spell_fix(legacy)
    # judged as written, as `--restore never`
    as_written = sorani.spell_check(legacy, restore="never")
    assert {f["kind"] for f in as_written} == {"spelling"}
    explained = sorani.spell_fix_explained(legacy, restore="never")
    assert [c["word"] for c in explained] == [f["word"] for f in as_written]
    with pytest.raises(ValueError, match="never"):
        sorani.spell_fix(legacy, restore="sometimes")


def test_numbers_read_aloud_and_back():
    assert sorani.number_to_words(21) == "بیست و یەک"
    # past 64 bits, as the library reads it (named scales up to quintillions)
    assert sorani.number_to_words(2**63).startswith("نۆ کوینتلیۆن")
    assert sorani.number_to_words(-(2**100)).startswith("سالب ")
    with pytest.raises(OverflowError, match="128 bits"):
        sorani.number_to_words(2**130)
    assert sorani.verbalize("لە 1950دا") == "لە هەزار و نۆسەد و پەنجادا"
    assert sorani.verbalize_batch(["3ەم"]) == ["سێیەم"]
    assert sorani.words_to_digits("بیست و یەک") in {"21", "٢١"}


def test_language_identification():
    result = sorani.identify("ئەمڕۆ هەوا زۆر خۆشە و خەڵک لە دەرەوەن")
    assert result["label"] == "ckb-Arab"
    assert result["language"] == "ckb"
    assert sorani.identify_batch(["ئەمڕۆ هەوا زۆر خۆشە و خەڵک لە دەرەوەن"]) == ["ckb-Arab"]
    text = "ئەمڕۆ هەوا زۆر خۆشە. Today the weather is very nice."
    segments = sorani.language_segments(text)
    assert [s["label"] for s in segments] == ["ckb-Arab", "eng-Latn"]
    assert text[segments[1]["start"]:segments[1]["end"]].startswith("Today")
    # the options of `sorani lid`: --threshold and --only
    assert sorani.identify("ئەمڕۆ", threshold=1.0)["label"] == "und"
    kurdish = sorani.identify("ئەمڕۆ هەوا زۆر خۆشە", only=["kmr", "sdh-Arab"])
    assert kurdish["label"] in {"kmr-Arab", "sdh-Arab"}
    # (as `sorani lid --only ckb`: Latin text is then Central Kurdish in Latin)
    assert sorani.identify_batch(["Today the weather is nice."], only=["ckb"]) == ["ckb-Latn"]
    assert [s["label"] for s in sorani.language_segments(text, only=["ckb"])] == ["ckb-Arab", "ckb-Latn"]
    with pytest.raises(ValueError, match="unknown language"):
        sorani.identify("ئەمڕۆ", only=["xx"])
    with pytest.raises(ValueError, match="between 0 and 1"):
        sorani.identify_batch(["ئەمڕۆ"], threshold=2.0)
