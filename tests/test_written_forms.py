"""Organisations' names equal but for a place's other name at the end, a word's older spelling
or an English noun's British spelling are one (indexer.written_forms), through the
corpus-level map; with the names that must stay apart."""

from __future__ import annotations

from indexer.entity_norm import compute_map
from indexer.spill import alias_person
from indexer.written_forms import form_key


def test_a_places_other_name_ending_an_organisations_name_is_the_place() -> None:
    # the 22k corpus's counts
    m = compute_map({"PER": {}, "LOC": {"Yogyakarta": 900, "Yogya": 40},
                     "ORG": {"PSIM Yogyakarta": 12, "PSIM Yogya": 4, "PSIM Jogja": 2,
                             "Keraton Yogyakarta": 8, "Keraton Yogya": 4, "Slavia Praha": 29,
                             "Slavia Prague": 2, "Lokomotiv Moscow": 8, "Lokomotiv Moskow": 2,
                             "Pemkot Yogyakarta": 2, "Yogya": 3}}, {}, alias_person)
    for v in ("PSIM Yogya", "PSIM Jogja"):
        assert m.entity("ORG", v) == ("PSIM Yogyakarta",), v
    assert m.entity("ORG", "Keraton Yogya") == ("Keraton Yogyakarta",)
    assert m.entity("ORG", "Slavia Prague") == ("Slavia Praha",)
    assert m.entity("ORG", "Lokomotiv Moskow") == ("Lokomotiv Moscow",)
    # must not change: another body of the place, the place's name alone
    assert m.entity("ORG", "Pemkot Yogyakarta") == ("Pemkot Yogyakarta",)
    assert form_key("Yogya") == ("yogya",)


def test_a_words_older_spelling_in_an_organisations_name_is_the_word() -> None:
    m = compute_map({"PER": {}, "LOC": {},
                     "ORG": {"Kalteng Putra": 49, "Kalteng Putera": 5, "Kalteng Putra FC": 4,
                             "Kalteng Putera FC": 1, "Barito Putera": 41, "Barito Putra": 1,
                             "Bali United": 90}}, {}, alias_person)
    for v in ("Kalteng Putera", "Kalteng Putra FC", "Kalteng Putera FC"):
        assert m.entity("ORG", v) == ("Kalteng Putra",), v
    assert m.entity("ORG", "Barito Putra") == ("Barito Putera",)
    # must not change: another club of the word
    assert m.entity("ORG", "Bali United") == ("Bali United",)
    assert form_key("Kalteng Putera") == form_key("Kalteng Putra") != form_key("Kalteng")


def test_an_english_nouns_british_spelling_in_an_organisations_name_is_the_american() -> None:
    # the 22k corpus's counts
    m = compute_map({"PER": {}, "LOC": {},
                     "ORG": {"ASEAN Federation of Engineering Organisations": 10,
                             "ASEAN Federation of Engineering Organizations": 8,
                             "Asean Federation of Engineering Organizations": 1,
                             "International Civil Aviation Organization": 2}}, {}, alias_person)
    for v in ("ASEAN Federation of Engineering Organizations",
              "Asean Federation of Engineering Organizations"):
        assert m.entity("ORG", v) == ("ASEAN Federation of Engineering Organisations",), v
    # must not change: another body of the word
    assert m.entity("ORG", "International Civil Aviation Organization") == (
        "International Civil Aviation Organization",)
    assert form_key("Organisations") == ("organizations",)
    assert form_key("Organisasi Kesehatan Dunia") == ("organisasi", "kesehatan", "dunia")
