"""The one analysis path: query words and their inflected forms in documents meet."""

from __future__ import annotations

import gzip
import itertools
import re
from collections import Counter
from pathlib import Path

import orjson
from corpora import CORPUS
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer._text import acronyms, capitalised_in, count_lower, has_control, scan_words
from indexer.analysis import (
    CONTROL_RE,
    WORD_RE,
    Analyzer,
    analyze,
    load_stems,
    name_words,
    normalize,
    spans,
)
from indexer.words import SENTENCE_OPENERS, WORD_PATTERN


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


def test_query_names_decide_whatever_the_query_casing() -> None:
    a = Analyzer()  # the shipped lexicon: "bekasi", "kediri" are names
    for q in ("bekasi", "Bekasi", "BEKASI"):
        assert a.query_alternatives(q) == [("bekasi",)]
    assert a.query_alternatives("kediri Kediri KEDIRI") == [("kediri",)] * 3
    assert a.query_alternatives("bekas") == [("bekas",)]
    # a word outside the lexicon may be either, however the query or the corpus writes it
    assert a.query_alternatives("Lampaui") == a.query_alternatives("lampaui") == [
        ("lampau", "lampaui")]
    # an index's own query names replace the shipped ones
    assert Analyzer(query_names=()).query_alternatives("bekasi") == [("bekas", "bekasi")]


def test_the_lexicon_protects_names_at_sentence_starts_and_in_headlines() -> None:
    a = Analyzer()
    doc = a.analyze_document("Banjir Lampaui Batas di Kediri",
                             "Kediri dilanda banjir. Bekasi juga. Warga lampaui batas.")
    assert doc.title == ["banjir", "lampau", "batas", "di", "kediri"]
    assert doc.body[:5] == ["kediri", "landa", "banjir", "bekasi", "juga"]
    assert {"kediri", "bekasi"} <= doc.names and "lampaui" not in doc.names
    # protected where written as a name; a lower-case occurrence ("@kediri") is a plain word
    plain = a.analyze_document("", "Kediri ramai. Ikuti @kediri.info sendiri.")
    assert plain.body == ["kediri", "ramai", "ikut", "diri", "info", "sendiri"]
    # a hyphenated word of lexicon words is a name ("toli" alone would be "tol")
    assert a.analyze("Toli-Toli dan tol") == ["toli-toli", "dan", "tol"]
    assert a.query_alternatives("toli-toli") == [("toli-toli",)]
    # root words that are also names ("Malang", "Batu") are never changed by Sastrawi
    assert a.analyze("Malang dan Batu") == ["malang", "dan", "batu"]


def _capitalised_in_reference(words: set[str], lexicon: frozenset[str]) -> set[str]:
    return {w.lower() for w in words if w[:1].isupper() and (
        w.lower() in lexicon or all(p in lexicon for p in w.lower().split("-")))}


@settings(max_examples=300, deadline=None)
@given(st.sets(st.sampled_from(["Kediri", "kediri", "KEDIRI", "Bekasi", "bekas", "Ab", "ǅx",
                                "İstanbul", "istanbul", "x", "", "Éte", "éte", "Toli-Toli",
                                "Toli-toli", "Kediri-Bekasi", "Kediri-x-", "Kediri-Jakarta",
                                "-", "X-"]) | st.text()))
def test_capitalised_in_equals_its_reference(words: set[str]) -> None:
    lexicon = frozenset({"kediri", "bekasi", "éte", "i̇stanbul", "x", "toli", ""})
    assert capitalised_in(words, lexicon) == _capitalised_in_reference(words, lexicon)
    assert capitalised_in(words, frozenset()) == set()


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
    if normalize(text) == text:  # one word, one term: spans give the terms analyze gives
        assert [s.term for s in a.spans(text)] == terms


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Bali", "BALI", "bali", "BaLi", "Al-Azhar", "AL-AZHAR",
                                 "Al-azhar", "DIM-nya", "menyerang", "Ma'ruf", "2G", "Ini",
                                 " ", ", ", ". ", " dan "]), min_size=1).map("".join))
def test_names_are_protected_alike_in_terms_and_spans(text: str) -> None:
    a = Analyzer()
    assert [s.term for s in a.spans(text)] == a.analyze(text)


def test_a_name_is_protected_capitalised_in_capitals_or_in_title_case() -> None:
    terms = analyze("Kata warga, Bali dan BALI ramai. Di Al-Azhar, AL-AZHAR atau BaLi.")
    assert terms.count("bali") == 2 and terms.count("al-azhar") == 2
    assert "bal" in terms  # "BaLi" is none of the three ways of writing the name "bali"


# -- the compiled word scanner (indexer._text) finds what these regexes find ---------------------
# A capitalised word in the middle of a sentence: a space, then the word, where the character
# before the space is not white space, sentence punctuation, a quote or an opening bracket.
_OPENERS = re.escape("".join(sorted(SENTENCE_OPENERS)))
MIDCAP_RE = re.compile(rf" (?<=[^\s{_OPENERS}] )((?=[A-Z]){WORD_PATTERN})")


def _reference_scan(text: str) -> tuple[list[str], list[str]]:
    return WORD_RE.findall(text), MIDCAP_RE.findall(text)


def test_scanner_finds_the_words_and_mid_sentence_capitals_of_the_corpus(
        shared_dir: Path) -> None:
    texts: list[str] = []
    with gzip.open(CORPUS, "rb") as f:
        for line in itertools.islice(f, 0, None, 7):
            record = orjson.loads(line)
            texts += [str(record.get(k) or "") for k in ("title", "body", "content_raw")]
    assert len(texts) > 9000
    for text in texts:
        assert scan_words(text) == _reference_scan(text), text[:200]
    words, midcaps = scan_words("Kata Presiden Joko di Bali. Kemudian “Ia” ke Jakarta-Bogor (Mei)")
    assert words[:4] == ["Kata", "Presiden", "Joko", "di"] and "Jakarta-Bogor" in words
    assert midcaps == ["Presiden", "Joko", "Bali", "Jakarta-Bogor"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(list("aZ9_-'’ .“(\t\n\xa0Éé1٣") + ["ab", "Cd", "x-y", " B"]))
       .map("".join) | st.text())
def test_scanner_is_the_regexes_on_any_text(text: str) -> None:
    assert scan_words(text) == _reference_scan(text)



@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(
    [chr(c) for c in (*range(0x00, 0x21), *range(0x7E, 0xA1))] + ["a", "é", "’", "٣", "\u2028",
                                                                "\U0001f600", "\ufeff"]))
       .map("".join) | st.text())
def test_control_check_is_the_pattern_search(text: str) -> None:
    """The compiled check finds a control character exactly where CONTROL_RE does (texts of
    one, two and four bytes per character, every character around both ranges' edges)."""
    assert has_control(text) == (CONTROL_RE.search(text) is not None)



_CASED = st.lists(st.lists(st.sampled_from(["a", "B", "é", "É", "ǅ", "ǆ", "Ǆ", "ß", "9", "٣", "-",
                                            "ʰ", "\u0345", "ж", "Ж", "\U0001d41a", "\U0001d400",
                                            "\U0001f600", "ᾈ"]),
                           max_size=4).map("".join) | st.text(max_size=4), max_size=12)


@settings(max_examples=500, deadline=None)
@given(_CASED)
def test_word_casing_is_str_islower_and_isupper(words: list[str]) -> None:
    """The compiled casing of a text's distinct words (the lexicon's lower-case counts, the
    acronyms) is ``str.islower`` / ``str.isupper``'s: the same counts in the same key order,
    the same acronyms (title-case letters, modifier and combining letters, characters of no
    case; one, two and four bytes a character)."""
    want: Counter[str] = Counter({"a": 2})
    got = want.copy()
    for text in (set(words), set(words[::2])):
        want.update(filter(str.islower, text))
        count_lower(got, text)
        assert acronyms(text) == {w.lower() for w in filter(str.isupper, text) if len(w) > 1}
    assert got == want and list(got) == list(want)
