"""Types of entities a journalist can trust: credits and bylines are no entities, official titles
are no persons, an ordinary word that only starts a sentence is no name; in texts and end to
end in the facets of a real index."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.entities import extract_entities
from indexer.entities.facts import CREDIT_RE, DATA, TITLE_QUALIFIERS, TITLES, read_lines
from indexer.entities.names import normalise

OUTLETS = [n for n in read_lines(DATA / "outlets.txt") if not n.endswith("*")]


def _pairs(text: str) -> list[tuple[str, str]]:
    return [(e.name, e.type) for e in extract_entities(text)]


def test_credits_and_bylines_are_no_entities() -> None:
    text = ("TEMPO.CO, Jakarta - Presiden Joko Widodo meresmikan jembatan (Antara).\n\n"
            "KOMPAS.com - Gubernur Anies Baswedan, kata dia kepada Okezone. Seperti dilansir "
            "dari Self.com, Tekno Tempo.co dan TribunJakarta.com juga memberitakannya.")
    names = {name for name, _ in _pairs(text)}
    assert {"Joko Widodo", "Anies Baswedan"} <= names
    assert not names & {"TEMPO.CO", "Antara", "KOMPAS.com", "Okezone", "Self.com",
                        "Tekno Tempo.co", "TribunJakarta.com"}


def test_a_name_holding_an_outlet_or_an_uncited_address_is_not_a_credit() -> None:
    for name in ("majalah tempo", "kompas travel fair", "oka antara", "blibli.com"):
        assert CREDIT_RE.fullmatch(name) is None, name
    for name in ("tempo", "tempo.co", "tekno tempo.co", "tribun jabar", "liputan6.com"):
        assert CREDIT_RE.fullmatch(name) is not None, name


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(OUTLETS), st.sampled_from(["", ".com", ".co"]),
       st.sampled_from(["{o}, Jakarta - ", "{o} - ", "", "Jakarta, {o} - "]),
       st.sampled_from(["Menteri Sri Mulyani tiba di Bandung.", "Rapat digelar di DPR."]),
       st.sampled_from(["", " (Antara)", " kata dia kepada {o}.", " Dikutip dari {o}."]))
def test_no_mention_is_an_outlet_wherever_it_is_credited(
    outlet: str, suffix: str, head: str, body: str, tail: str
) -> None:
    o = outlet + suffix
    text = head.format(o=o) + body + tail.format(o=o)
    for e in extract_entities(text):
        assert CREDIT_RE.fullmatch(text[e.start : e.end].lower()) is None, (text, e)


def test_official_titles_are_not_persons() -> None:
    text = ("Kasat Reskrim Polres Bogor AKP Andi Sutrisno menjelaskan kasus itu. "
            "Jokowi Tunjuk Hanif Dhakiri sebagai Plt Menpora. Kasat Reskrim menambahkan.")
    people = {name for name, typ in _pairs(text) if typ == "PER"}
    assert {"Andi Sutrisno", "Joko Widodo", "Hanif Dhakiri"} <= people
    assert all(not set(p.lower().split()) <= TITLES for p in people), people
    assert normalise("Irjen Pol Argo Yuwono", "PER") == ("Argo Yuwono", "PER")
    assert normalise("Marsekal Hadi Tjahjanto", "PER") == ("Hadi Tjahjanto", "PER")
    assert normalise("Pol Espargaro", "PER") == ("Pol Espargaro", "PER")  # a name, not a title


def test_an_ordinary_word_that_only_starts_a_sentence_is_no_place() -> None:
    assert _pairs("Serang proyektil baru-baru ini menghantam kota itu.") == []
    # the text also writes it capitalised mid-sentence: a name at the sentence start too
    text = "Banjir melanda Kota Serang kemarin. Serang kini bersiap."
    assert [n for n, t in _pairs(text) if t == "LOC"] == ["Kota Serang", "Serang"]
    # a usual name at a sentence start stays whatever else the text says
    assert _pairs("Jakarta diguyur hujan deras.") == [("Jakarta", "LOC")]


def test_facets_of_the_real_index_hold_no_credit_and_no_title_only_person(
    oracle: Sequence[Any],
) -> None:
    values = [(f, v) for d in oracle for f in ("person", "org", "place") for v in d.values(f)]
    assert len(values) > 5_000
    assert [v for _, v in values if CREDIT_RE.fullmatch(v.lower())] == []
    words = TITLES | TITLE_QUALIFIERS
    assert [v for f, v in values if f == "person"
            and all(w.rstrip(".").lower() in words for w in v.split())] == []
