"""The Python face of the core: every function, bad input, threads, CLI parity."""

from __future__ import annotations

import json
import subprocess
import threading

import pytest

import sorani
from conftest import run_cli


def test_version_is_exposed():
    assert isinstance(sorani.__version__, str) and sorani.__version__


def test_normalize_maps_arabic_letters_to_kurdish():
    assert sorani.normalize("كتێب") == "کتێب"
    assert sorani.normalize("يەک") == "یەک"


def test_normalize_leaves_standard_text_alone():
    text = "ئەمڕۆ کەشوهەوا خۆشە."
    assert sorani.normalize(text) == text


def test_normalize_rejects_unknown_preset():
    with pytest.raises(ValueError, match="preset"):
        sorani.normalize("سڵاو", preset="nope")


@pytest.mark.parametrize("bad", [b"bytes", None, 42, ["list"]])
def test_functions_reject_non_str(bad):
    for function in (sorani.normalize, sorani.tokenize, sorani.sentences):
        with pytest.raises(TypeError):
            function(bad)


def test_batch_rejects_non_list_items():
    with pytest.raises(TypeError):
        sorani.normalize_batch(["ok", None])


def test_large_batches_keep_order_and_equal_one_by_one(sample_lines):
    # More strings than one chunk of the pipelined batch functions (2048),
    # each line made distinct so that a reordering would show.
    lines = [f"{line} {i}" for i, line in enumerate(sample_lines * (5000 // len(sample_lines) + 1))][:5000]
    assert sorani.transliterate_batch(lines) == [sorani.transliterate(line) for line in lines]
    assert sorani.stem_text_batch(lines) == [sorani.stem_text(line) for line in lines]
    assert sorani.lemmatize_text_batch(lines) == [sorani.lemmatize_text(line) for line in lines]
    with pytest.raises(TypeError):
        sorani.stem_text_batch(lines + [None])


def test_batch_equals_one_by_one(sample_lines):
    assert sorani.normalize_batch(sample_lines) == [sorani.normalize(line) for line in sample_lines]
    assert sorani.tokenize_batch(sample_lines) == [sorani.tokenize(line) for line in sample_lines]
    assert sorani.sentences_batch(sample_lines) == [sorani.sentences(line) for line in sample_lines]


def test_tokens_cover_the_text_with_code_point_spans(sample_lines):
    for line in sample_lines:
        tokens = sorani.tokenize(line)
        rebuilt, cursor = [], 0
        for token in tokens:
            assert line[token.start:token.end] == token.text
            assert token.start >= cursor
            rebuilt.append(line[cursor:token.start])
            rebuilt.append(token.text)
            cursor = token.end
        rebuilt.append(line[cursor:])
        assert "".join(rebuilt) == line


def test_token_kinds_are_named():
    kinds = {token.text: token.kind for token in sorani.tokenize("سڵاو ١٢٣ .")}
    assert kinds["سڵاو"] == "word"
    assert kinds["١٢٣"] == "number"
    assert kinds["."] == "punctuation"


def test_sentences_split_on_kurdish_question_mark():
    assert sorani.sentences("چۆنی؟ باشم.") == ["چۆنی؟", "باشم."]


def test_threads_share_the_module(sample_lines):
    expected = [sorani.normalize(line) for line in sample_lines]
    failures = []

    def work():
        for _ in range(50):
            if [sorani.normalize(line) for line in sample_lines] != expected:
                failures.append("mismatch")

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures


def test_normalize_matches_cli(sorani_bin, sample_lines):
    text = "\n".join(sample_lines)
    assert run_cli(sorani_bin, "normalize", stdin=text) == "\n".join(sorani.normalize(line) for line in sample_lines)


def test_normalize_restores_a_text_line_by_line_like_the_cli(sorani_bin):
    # A legacy-keyboard line amid standard ones (which make the whole text
    # look standard) is restored on its own.
    standard = "ئەمڕۆ کەش و هەوا زۆر خۆشە و خەڵکی شارەکە دەچنە دەرەوە."
    lines = [standard] * 5 + ["ههروهها سهرۆكی حكومهت", ""]
    text = "\n".join(lines)
    whole = sorani.normalize(text)
    assert whole == run_cli(sorani_bin, "normalize", stdin=text)
    assert whole == "\n".join(sorani.normalize(line) for line in lines)
    assert sorani.normalize_batch([text]) == [whole]
    assert "هەروەها سەرۆکی حکومەت" in whole
    assert sorani.restore(text) == "\n".join(sorani.restore(line) for line in lines)
    assert sorani.restore_batch([text]) == [sorani.restore(text)]


def test_tokenize_matches_cli(sorani_bin, sample_lines):
    text = "\n".join(sample_lines)
    expected = "\n".join(" ".join(token.text for token in sorani.tokenize(line)) for line in sample_lines)
    assert run_cli(sorani_bin, "tokenize", stdin=text) == expected


@pytest.mark.parametrize("command", ["lemma", "stem"])
def test_text_morphology_matches_cli(sorani_bin, sample_lines, command):
    # Both restore and normalize each line first (a legacy-keyboard line too).
    lines = sample_lines + ["ماڵهكانمان له شارهكهدا"]
    text = "\n".join(lines)
    function = sorani.lemmatize_text if command == "lemma" else sorani.stem_text
    assert run_cli(sorani_bin, command, stdin=text) == "\n".join(function(line) for line in lines)
    never = "\n".join(function(line, restore="never") for line in lines)
    assert run_cli(sorani_bin, command, "--restore", "never", stdin=text) == never
    if command == "stem":
        terms = "\n".join(" ".join(sorani.index_terms(line)) for line in lines)
        assert run_cli(sorani_bin, "stem", "--index-terms", stdin=text) == terms
    # standard text reads the same again
    standard = [sorani.normalize(line) for line in lines]
    assert [function(line) for line in standard] == [function(line) for line in lines]


@pytest.mark.parametrize("target", ["latin", "ipa", "syllables"])
def test_transliterate_matches_cli(sorani_bin, sample_lines, target):
    text = "\n".join(sample_lines + ["لهگهڵ ههموو خهڵكدا"])
    expected = "\n".join(sorani.transliterate(line, to=target) for line in text.split("\n"))
    assert run_cli(sorani_bin, "translit", "--to", target, stdin=text) == expected


@pytest.mark.parametrize(
    "options, flags",
    [
        (
            {"letters": "acute", "ain": "diaeresis", "capitalize": False},
            ["--letters", "acute", "--ain", "diaeresis", "--no-capitalize"],
        ),
        ({"letters": "plain"}, ["--letters", "plain"]),
    ],
)
def test_transliterate_options_match_the_cli_flags(sorani_bin, sample_lines, options, flags):
    text = "\n".join(sample_lines + ["عەلی لە ڕێگای هەولێر هات. ١٢ کەس"])
    expected = "\n".join(sorani.transliterate(line, **options) for line in text.split("\n"))
    assert expected != "\n".join(sorani.transliterate(line) for line in text.split("\n"))
    assert run_cli(sorani_bin, "translit", "--to", "latin", *flags, stdin=text) == expected


def test_latin_to_arabic_options_match_the_cli_flags(sorani_bin):
    text = "Ez 12 sêv dixwim. Kurdistan xweşe, gull û perr."
    for options, flags in [({}, []), ({"latin_digits": True, "strict": True}, ["--latin-digits", "--strict"])]:
        expected = sorani.transliterate(text, to="arabic", **options)
        assert run_cli(sorani_bin, "translit", "--to", "arabic", *flags, stdin=text) == expected
    assert sorani.transliterate(text, to="arabic") != sorani.transliterate(text, to="arabic", latin_digits=True)
    plain = "le silemani dejim\nxosh"
    for mode in ["auto", "always", "never"]:
        expected = sorani.transliterate(plain, to="arabic", plain_latin=mode)
        assert run_cli(sorani_bin, "translit", "--to", "arabic", "--plain-latin", mode, stdin=plain) == expected
    assert sorani.transliterate("le silemani dejim", to="arabic") == "لە سلێمانی دەژیم"
    with pytest.raises(ValueError, match="always"):
        sorani.transliterate("x", to="arabic", plain_latin="sometimes")
    with pytest.raises(ValueError, match="caron"):
        sorani.transliterate("x", letters="hacek")
    with pytest.raises(ValueError, match="diaeresis"):
        sorani.transliterate_batch(["x"], ain="none")


def test_number_options_match_the_cli_flags(sorani_bin):
    text = "لە ٢١/٠٣/٢٠٢٢ سەدەی ٢١ و ٣ەم"
    for options, flags in [
        ({}, []),
        ({"months": "kurdish", "ordinal": "attributive"}, ["--months", "kurdish", "--ordinal", "attributive"]),
    ]:
        assert run_cli(sorani_bin, "verbalize", *flags, stdin=text) == sorani.verbalize(text, **options)
        assert sorani.verbalize_batch([text], **options) == [sorani.verbalize(text, **options)]
    assert sorani.verbalize(text, months="kurdish") != sorani.verbalize(text)
    words = "دوو هەزار و بیست و دوو"
    for digits in ["arabic", "ascii", "persian"]:
        expected = run_cli(sorani_bin, "numbers", "--to", "digits", "--digits", digits, stdin=words)
        assert sorani.words_to_digits(words, digits=digits) == expected
    assert sorani.words_to_digits(words, digits="ascii") == "2022"
    with pytest.raises(ValueError, match="gregorian"):
        sorani.verbalize(text, months="julian")
    with pytest.raises(ValueError, match="ascii"):
        sorani.words_to_digits(words, digits="roman")


def test_spell_options_and_explanations_match_the_cli(sorani_bin):
    text = "ئەم کتێبە لەگڵ هاوڕێکانم خوێندمەوە، باشه و مرۆڤخوازانە بوو"
    findings = sorani.spell_check(text)
    assert {f["severity"] for f in findings} == {"error", "warning"}
    errors = sorani.spell_check(text, min_severity="error", max_suggestions=1)
    assert [f["word"] for f in errors] == [f["word"] for f in findings if f["severity"] == "error"]
    assert all(len(f["suggestions"]) <= 1 for f in errors)
    explained = sorani.spell_fix_explained(text)
    # (`sorani spell` exits 1 when it finds something)
    run = subprocess.run([str(sorani_bin), "spell", "--fix", "--explain"], input=text.encode(), capture_output=True)
    assert run.returncode == 1
    cli = [json.loads(line) for line in run.stdout.decode().splitlines()]
    assert [(c["word"], c["replacement"], c["applied"], c["reason"]) for c in explained] == [
        (c["word"], c["replacement"], c["applied"], c["reason"]) for c in cli
    ]
    assert any(c["applied"] for c in explained) and any(not c["applied"] for c in explained)
    fixed = text
    for c in sorted((c for c in explained if c["applied"]), key=lambda c: -c["start"]):
        fixed = fixed[: c["start"]] + c["replacement"] + fixed[c["end"] :]
    assert fixed == sorani.spell_fix(text)
    with pytest.raises(ValueError, match="min_severity"):
        sorani.spell_check(text, min_severity="fatal")


@pytest.mark.parametrize("convention", ["arabic-keyboard", "legacy-keyboard", "ali-k"])
def test_restore_convention_matches_normalize_from(sorani_bin, convention):
    text = "ئهم كتێبه باشه\nلە ماڵەوە"
    expected = run_cli(sorani_bin, "normalize", "--preset", "search", "--restore", "always", "--from", convention, stdin=text)
    restored = sorani.restore(text, mode="always", convention=convention)
    assert sorani.normalize(restored, preset="search", restore="never") == expected
    assert sorani.restore_batch([text], mode="always", convention=convention) == [restored]
    assert sorani.restore_explained(text, mode="always", convention=convention)["text"] == restored
    options = {"preset": "search", "restore": "always", "convention": convention}
    assert sorani.normalize(text, **options) == expected
    assert sorani.normalize_batch([text], **options) == [expected]


def test_restore_refuses_an_unknown_convention():
    with pytest.raises(ValueError, match="ali-k"):
        sorani.restore("x", convention="wingdings")


def test_arrow_arrays_keep_nulls():
    pa = pytest.importorskip("pyarrow")
    array = pa.array(["كورد", None, "يەک"])
    assert sorani.normalize_arrow(array).to_pylist() == ["کورد", None, "یەک"]


def test_arrow_functions_match_the_list_functions(sample_lines):
    pa = pytest.importorskip("pyarrow")
    lines = sample_lines + ["", "ههروهها سهرۆكی حكومهت"]
    for array_type in (pa.string(), pa.large_string()):
        array = pa.array(lines, array_type)
        normalized = sorani.normalize_arrow(array)
        assert normalized.type == array_type
        assert normalized.to_pylist() == sorani.normalize_batch(lines)
        assert sorani.normalize_arrow(array, restore="never", digits="latin").to_pylist() == sorani.normalize_batch(
            lines, restore="never", digits="latin"
        )
        legacy = {"restore": "always", "convention": "legacy-keyboard"}
        assert sorani.normalize_arrow(array, **legacy).to_pylist() == sorani.normalize_batch(lines, **legacy)
        assert sorani.tokenize_arrow(array).to_pylist() == [sorani.tokenize_text(line) for line in lines]
        assert sorani.transliterate_arrow(array, to="ipa").to_pylist() == sorani.transliterate_batch(lines, to="ipa")
        plain = sorani.transliterate_batch(lines, letters="plain", capitalize=False)
        assert sorani.transliterate_arrow(array, letters="plain", capitalize=False).to_pylist() == plain
        assert sorani.stem_arrow(array).to_pylist() == sorani.stem_text_batch(lines)
        assert sorani.lemmatize_arrow(array).to_pylist() == sorani.lemmatize_text_batch(lines)


def test_arrow_slices_chunks_and_nulls():
    pa = pytest.importorskip("pyarrow")
    values = ["كورد", None, "يەک", "", None, "ههروهها"]
    sliced = pa.array(values).slice(1, 4)
    assert sorani.normalize_arrow(sliced).to_pylist() == [None, "یەک", "", None]
    chunked = pa.chunked_array([pa.array(values[:2]), pa.array(values[2:])])
    result = sorani.normalize_arrow(chunked)
    assert isinstance(result, pa.ChunkedArray)
    assert result.to_pylist() == [None if v is None else sorani.normalize(v) for v in values]


def test_arrow_rejects_bad_input():
    pa = pytest.importorskip("pyarrow")
    with pytest.raises(TypeError, match="string"):
        sorani.normalize_arrow(pa.array([1, 2]))
    with pytest.raises(ValueError, match="to must be"):
        sorani.transliterate_arrow(pa.array(["a"]), to="greek")
    with pytest.raises(ValueError, match="restore mode"):
        sorani.transliterate_arrow(pa.array(["a"]), restore="sometimes")
    offsets = (0).to_bytes(4, "little") + (9).to_bytes(4, "little")
    with pytest.raises(ValueError, match="past the end"):
        sorani._sorani._map_arrow_buffers("tokenize", offsets, b"abc", 4)
    valid = (0).to_bytes(4, "little") + (2).to_bytes(4, "little")
    with pytest.raises(ValueError, match="UTF-8"):
        sorani._sorani._map_arrow_buffers("tokenize", valid, b"\xff\xfe", 4)
    with pytest.raises(ValueError, match="width"):
        sorani._sorani._map_arrow_buffers("tokenize", valid, b"ab", 3)


def test_normalize_keeps_the_letters_of_a_line_in_another_language(sorani_bin):
    # An Arabic quotation keeps its ة and ى with `standard`, as in the CLI;
    # `search` folds it like the rest.
    arabic = "ذهب الولد إلى المدرسة مع أصدقائه في الصباح الباكر"
    text = "ئهمه دهقێكی كۆنه\n" + arabic
    assert sorani.normalize(text) == "ئەمە دەقێکی کۆنە\n" + arabic
    assert sorani.normalize(text) == run_cli(sorani_bin, "normalize", stdin=text)
    assert "المدرسە" in sorani.normalize(text, preset="search")
    assert "المدرسە" in sorani.normalize(text, restore="never")
    batch = [arabic]
    assert sorani.normalize_batch(batch)[0] is batch[0]


def test_normalize_batch_returns_unchanged_texts_themselves():
    clean, legacy = "ئەمڕۆ هەوا خۆشە", "ههروهها"
    result = sorani.normalize_batch([clean, legacy])
    assert result[0] is clean
    assert result[1] == sorani.normalize(legacy)
    with pytest.raises(TypeError):
        sorani.normalize_batch([clean, None])


def test_normalize_restores_legacy_text_by_default_like_the_cli():
    legacy = "ههروهها سهرۆكی حكومهت"
    assert sorani.normalize(legacy) == "هەروەها سەرۆکی حکومەت"
    assert sorani.normalize(legacy, restore="never") != sorani.normalize(legacy)


def test_normalize_options():
    assert sorani.normalize("ساڵی ٢٠٢٤", digits="latin") == "ساڵی 2024"
    with pytest.raises(ValueError, match="digits"):
        sorani.normalize("x", digits="roman")
    with pytest.raises(ValueError, match="h letter"):
        sorani.normalize("x", h_letter="hh")


def test_normalize_search_preset_matches_cli(sorani_bin, sample_lines):
    text = "\n".join(sample_lines)
    expected = "\n".join(sorani.normalize(line, preset="search", digits="latin") for line in sample_lines)
    assert run_cli(sorani_bin, "normalize", "--preset", "search", "--digits", "latin", stdin=text) == expected
