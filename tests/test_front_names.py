"""A person's group the corpus writes mostly without his first word is shown with it
(indexer.front_names): the cases that must change and those that must not, on counts as the
22k corpus has them, and on the 22k corpus index."""

from __future__ import annotations

from pathlib import Path

from indexer import store
from indexer.entity_groups import RIVAL_MIN
from indexer.entity_map import EntityMap
from indexer.entity_norm import compute_map
from indexer.front_names import FRONT_SHARE
from indexer.spill import alias_person


def _map(persons: dict[str, int], orgs: dict[str, int] | None = None) -> EntityMap:
    return compute_map({"PER": persons, "ORG": orgs or {}, "LOC": {}}, {}, alias_person,
                       articles=20_000)


def _shown(m: EntityMap, value: str) -> tuple[str, ...]:
    return m.entity("PER", value)


def test_a_surname_with_its_particle_is_shown_with_the_given_name() -> None:
    m = _map({"Van Dijk": 23, "Virgil van Dijk": 19, "Virgil Van Dijk": 5, "De Vrij": 2,
              "Stefan de Vrij": 2})
    # changed: the corpus writes the name with the given name in front as often
    assert _shown(m, "Van Dijk") == ("Virgil van Dijk",)
    assert _shown(m, "Virgil Van Dijk") == ("Virgil van Dijk",)
    assert _shown(m, "De Vrij") == ("Stefan de Vrij",)
    assert _shown(m, "Virgil van Dijk") == ("Virgil van Dijk",)


def test_a_given_name_is_shown_with_the_family_name_other_persons_begin_with() -> None:
    korean = {"Beom Jin": 2, "Yoo Beom Jin": 2, "Yoo Chan": 38, "Yoo Hyun Koo": 7}
    # changed: "Yoo" begins two other persons' names, each in RIVAL_MIN articles or more
    assert RIVAL_MIN <= 7
    assert _shown(_map(korean), "Beom Jin") == ("Yoo Beom Jin",)
    # not changed: "Yoo" begins one other person's name written so often
    fewer = {**korean, "Yoo Hyun Koo": RIVAL_MIN - 1}
    assert _shown(_map(fewer), "Beom Jin") == ("Beom Jin",)
    # ... "Kwon" begins only one other ("Hyun Bin" the actor is no Kwon Hyun Bin)
    kwon = {"Hyun Bin": 4, "Kwon Hyun Bin": 2, "Kwon Twins": 3}
    assert _shown(_map(kwon), "Hyun Bin") == ("Hyun Bin",)


def test_the_name_with_the_word_in_front_is_written_often_enough() -> None:
    muhammad = {"Muhammad Ali": 30, "Muhammad Hatta": 20}
    assert FRONT_SHARE * 21 == 7
    # changed: written in a third as many articles as the name shown
    m = _map({**muhammad, "Rafid Habibie": 21, "Muhammad Rafid Habibie": 7})
    assert _shown(m, "Rafid Habibie") == ("Muhammad Rafid Habibie",)
    # not changed: in fewer
    m = _map({**muhammad, "Rafid Habibie": 22, "Muhammad Rafid Habibie": 7})
    assert _shown(m, "Rafid Habibie") == ("Rafid Habibie",)
    # ... or in one article only, however few the name shown has
    m = _map({**muhammad, "Rafid Habibie": 1, "Muhammad Rafid Habibie": 1})
    assert _shown(m, "Rafid Habibie") == ("Rafid Habibie",)


def test_no_word_of_an_organisation_or_a_place_and_no_title_is_put_in_front() -> None:
    persons = {"Intan Wibisono": 10, "Bukalapak Intan Wibisono": 6, "Bukalapak Andi": 3,
               "Bukalapak Budi": 3, "Gatot Pramono": 10, "Kapolda Gatot Pramono": 6,
               "Kapolda Andi": 3, "Kapolda Budi": 3}
    m = _map(persons, {"Bukalapak": 50})
    assert _shown(m, "Intan Wibisono") == ("Intan Wibisono",)
    assert _shown(m, "Gatot Pramono") == ("Gatot Pramono",)
    # the same name, and no organisation of that word: a given name
    assert _shown(_map(persons), "Intan Wibisono") == ("Bukalapak Intan Wibisono",)


def test_the_corpus_shows_virgil_van_dijk(full_index_dir: Path) -> None:
    emap = store.load_entity_map(full_index_dir)
    # changed
    assert emap.entity("PER", "Van Dijk") == ("Virgil van Dijk",)
    assert emap.entity("PER", "Virgil van Dijk") == ("Virgil van Dijk",)
    # not changed: names begun in the corpus by an organisation's word, or by a given name
    # too few other persons' names begin with
    assert emap.entity("PER", "Intan Wibisono") == ("Intan Wibisono",)
    assert emap.entity("PER", "Hyun Bin") == ("Hyun Bin",)
    assert emap.entity("PER", "Joko Widodo") == ("Joko Widodo",)
    assert emap.entity("PER", "Anies Baswedan") == ("Anies Baswedan",)
