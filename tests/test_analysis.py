"""The one analysis path: query words and their inflected forms in documents meet."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.analysis import Analyzer, analyze, load_stems, name_words, spans


def _meets(query: str, document: str) -> bool:
    """True when some alternative of every query word is a term of the document."""
    a = Analyzer()
    doc_terms = set(a.analyze(document))
    return all(set(alts) & doc_terms for alts in a.query_alternatives(query))


def test_inflections_meet_the_root_and_each_other() -> None:
    forms = ["serangan", "menyerang", "diserang", "penyerangan"]
    for form in forms:
        assert analyze(form) == analyze("serang") == ["serang"]
        assert _meets("serang", f"Pasukan itu {form} kota.")
        for other in forms:
            assert _meets(other, f"Warga kota {form} kemarin.")
    assert analyze("pembicaraan") == analyze("bicara")
    assert _meets("bicara", "Mereka mengadakan pembicaraan virtual.")


def test_reduplicated_words_stay_one_word_and_stem_like_sastrawi() -> None:
    assert analyze("berbulan-bulan") == ["bulan"]
    assert analyze("besar-besaran") == ["besar"]
    assert analyze("anak-anak") == ["anak"]
    assert analyze("non-kader") == ["non-kader"]  # not a reduplication: kept whole


def test_a_name_stays_itself() -> None:
    text = "Wisatawan datang ke Bali setiap tahun, juga ke Bekasi."
    assert "bali" in analyze(text) and "bal" not in analyze(text)
    assert "bekasi" in analyze(text) and "bekas" not in analyze(text)
    assert name_words(text) >= {"bali", "bekasi"}
    # the query "Bali" or "bali" finds it; the common word "bekas" does not meet "Bekasi".
    assert _meets("bali", text) and _meets("Bali", text)
    assert not _meets("bekas", text)


def test_with_a_corpus_a_query_name_asks_for_the_name_only() -> None:
    corpus = Analyzer()
    docs = ["Banjir melanda Bekasi dan Bali kemarin. Warga bekas kampung itu mengungsi.",
            "Jembatan di Bekasi rusak. Serangan terhadap pos di kota itu, kata warga, "
            "adalah serangan kedua."]
    for d in docs:
        corpus.analyze_document("", d)
    # "bekasi" and "bali" are never written in lower case: names; "serangan" is.
    assert corpus.query_alternatives("bekasi bali serangan") == [
        ("bekasi",), ("bali",), ("serang", "serangan")]
    assert corpus.query_alternatives("bekas") == [("bekas",)]
    # Without a corpus (no evidence) a lowercase query word may be either.
    assert Analyzer().query_alternatives("bekasi") == [("bekas", "bekasi")]


def test_a_word_written_lowercase_elsewhere_is_not_a_name() -> None:
    text = "Serangan itu terjadi malam hari. Warga takut Serangan berikutnya dan serangan lain."
    assert "serangan" not in name_words(text)
    assert analyze(text).count("serang") == 3


def test_digits_and_acronyms_are_not_stemmed() -> None:
    assert analyze("COVID-19 menyerang 2019") == ["covid-19", "serang", "2019"]
    assert analyze("kata Ketua DPR dan PKB")[-3:] == ["dpr", "dan", "pkb"]


def test_spans_map_terms_to_original_words() -> None:
    text = "Israel menyerang Rafah, kata  pejabat."
    out = spans(text)
    assert [text[s.start:s.end] for s in out] == [s.surface for s in out]
    assert [s.term for s in out if s.surface == "menyerang"] == ["serang"]


def test_stem_cache_counts_each_word_once_and_persists(tmp_path: Path) -> None:
    a = Analyzer()
    a.analyze("menyerang menyerang menyerang diserang")
    assert a.stemmed_count == 2
    a.save(tmp_path / "stems.json")
    warm = Analyzer(load_stems(tmp_path / "stems.json"))
    assert warm.analyze("menyerang diserang") == ["serang", "serang"]
    assert warm.stemmed_count == 0
    assert load_stems(tmp_path / "missing.json") == {}
    (tmp_path / "bad.json").write_text("{not json")
    assert load_stems(tmp_path / "bad.json") == {}


def test_bad_input_never_raises() -> None:
    big = ("Presiden Joko Widodo menyerang 😀 <b>x</b>\x00\x07 كتاب 北京 " * 20000)[:1_000_000]
    for text in ["", " ", "\x00", big, "a-" * 5000, "x" * 100_000, "<script>alert(1)</script>"]:
        analyze(text)
        spans(text)
        Analyzer().query_alternatives(text)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_analyses_and_spans_agree(text: str) -> None:
    a = Analyzer()
    terms = a.analyze(text)
    assert all(t and " " not in t for t in terms)
    for s in a.spans(text):
        assert text[s.start:s.end] == s.surface
