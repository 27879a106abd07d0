"""A person's one-word short name is the person whose longer name the article writes
(indexer.short_names): the cases that must change and those that must not, and the map applied
to an article (EntityMap.entities_in) with it."""

from __future__ import annotations

from indexer.entity_map import EntityMap
from indexer.short_names import begins, short_forms, short_names

PERSONS = {"Salma": 19, "Salmafina": 10, "Salmafina Sunan": 3, "Kris": 17, "Kriss Hatta": 20,
           "Krisjiana Baharudin": 2, "Krisdayanti": 30, "Sibad": 9, "Siti Badriah": 6,
           "Ali": 40, "Alice Norin": 5, "Marc": 4, "Marco Reus": 12, "Wakasad": 3,
           "Waasops Kasad Brigjen TNI Rifki": 1, "Rodri": 5, "James Rodriguez": 9}
TOGETHER = {("Sibad", "Siti Badriah"): 1, ("Wakasad", "Waasops Kasad Brigjen TNI Rifki"): 1}


def test_what_a_short_name_may_stand_for() -> None:
    assert begins("Salma", "Salmafina Sunan") and begins("Kris", "Krisjiana Baharudin")
    # a spelling, not a short name; a later word; a name with a rank and a body's acronym
    assert not begins("Kris", "Kriss Hatta") and not begins("Marc", "Marco Reus")
    assert not begins("Rodri", "James Rodriguez")
    forms = short_forms(PERSONS, TOGETHER)
    assert forms == {"Kris": ("Krisdayanti", "Krisjiana Baharudin"),
                     "Salma": ("Salmafina", "Salmafina Sunan"), "Sibad": ("Siti Badriah",)}


def _entity(v: str) -> tuple[str, ...]:
    return {"Salmafina": ("Salmafina Sunan",)}.get(v, (v,))


def test_a_short_name_is_whom_the_article_writes_in_full() -> None:
    forms = short_forms(PERSONS, TOGETHER)
    # the headline writes the longer name the tagger did not read there
    found: dict[str, tuple[str, ...]] = {"Kris": ("Kriss Hatta",), "Sibad": ("Sibad",)}
    written = short_names(found, forms, "Siti Badriah dan Krisjiana Baharudin di Osaka\n"
                          "Sibad dan Kris mengunjungi kota Tokyo.", _entity)
    assert found == {"Kris": ("Krisjiana Baharudin",), "Sibad": ("Siti Badriah",)}
    assert written == {"Krisjiana Baharudin", "Siti Badriah"}
    # among the article's names; one that was no one
    found = {"Salma": ("Salma",), "Salmafina": ("Salmafina Sunan",), "Niki": (),
             "Nikita Mirzani": ("Nikita Mirzani",)}
    short_names(found, forms, "", _entity)
    assert found["Salma"] == ("Salmafina Sunan",) and found["Niki"] == ("Nikita Mirzani",)


def test_a_short_name_that_must_not_change() -> None:
    forms = short_forms(PERSONS, TOGETHER)
    cases: list[tuple[dict[str, tuple[str, ...]], str]] = [
        # the article writes the person the map gives the word to in full
        ({"Kris": ("Kriss Hatta",), "Kriss Hatta": ("Kriss Hatta",),
          "Krisjiana Baharudin": ("Krisjiana Baharudin",)}, ""),
        # the longer names are two persons'
        ({"Kris": ("Kriss Hatta",)}, "Krisdayanti dan Krisjiana Baharudin"),
        # written inside a longer word only; or nowhere
        ({"Kris": ("Kriss Hatta",)}, "KrisdayantiX"),
        ({"Salma": ("Salma",)}, "Happy Salma bermain dalam film Bebas."),
        # too short a word ("Ali" is not "Alice Norin"); a ticket
        ({"Ali": ("Ali",), "Alice Norin": ("Alice Norin",)}, ""),
        ({"Salma": ("Salma", "Sunan"), "Salmafina Sunan": ("Salmafina Sunan",)}, ""),
        # a title's word is no nickname of a name with a rank in it
        ({"Wakasad": ("Wakasad",)}, "Waasops Kasad Brigjen TNI Rifki"),
    ]
    for found, text in cases:
        before = dict(found)
        assert short_names(found, forms, text, _entity) == set()
        assert found == before


def test_the_map_gives_a_short_name_to_the_person_the_article_writes() -> None:
    counts = {"PER": {"Kris": 17, "Kriss Hatta": 20, "Krisjiana Baharudin": 2, "Sibad": 9}}
    emap = EntityMap({"PER": {"Kris": ("Kriss Hatta",)}}, counts,
                     short_forms=short_forms(counts["PER"], {}))
    emap = EntityMap.from_json(emap.to_json())
    assert emap.short_forms == {"Kris": ("Krisjiana Baharudin",)}
    text = "Siti Badriah dan Krisjiana Baharudin\nSibad dan Kris di Osaka"
    assert emap.entities_in("PER", ["Kris", "Sibad"], "Selebriti", text=text) == {
        "Kris": ("Krisjiana Baharudin",), "Sibad": ("Sibad",)}
    assert emap.entities_in("PER", ["Kris"], "Selebriti", text="Kris di Osaka") == {
        "Kris": ("Kriss Hatta",)}
