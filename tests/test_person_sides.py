"""A person's name on the other side of sports news than his own, in an article naming none of
his company, is somebody else (indexer.person_sides): cases that must change and cases that
must not, and the map applied to an article with it."""

from __future__ import annotations

from indexer.entity_map import EntityMap
from indexer.person_sides import common_names, kept_company, off_side, person_homes

PERSONS = {"Jesus": ("Gabriel Jesus",), "Hendra": ("Hendra Setiawan",)}


def test_a_persons_side() -> None:
    found = {("Gabriel Jesus", "bola"): 14, ("Jesus", "selebriti"): 1,
             ("Airlangga Hartarto", "nasional"): 90, ("Airlangga Hartarto", "sport"): 3,
             ("Raffi Ahmad", "selebriti"): 6, ("Raffi Ahmad", "bola"): 2,
             ("Hendra Setiawan", "bola"): 4}
    # too few articles (4), or on both sides (6 of 8)
    assert person_homes(PERSONS, found) == {"Gabriel Jesus": True, "Airlangga Hartarto": False}


def test_a_common_full_name() -> None:
    counts = {f"Hendra {s}": 1 for s in "ABCDEFGHI"} | {f"{f} Setiawan": 1 for f in "ABCDEFGHI"}
    counts |= {"Hendra Setiawan": 30, "Airlangga Hartarto": 95, "Hendra Hartarto": 1}
    homes = {"Hendra Setiawan", "Airlangga Hartarto", "Hendra A"}
    # "Hendra A": its last word is no other name's
    assert common_names(counts, {}, homes) == frozenset({"Hendra Setiawan"})


def test_the_company_kept_in_two_articles() -> None:
    contexts = [("Hendra Setiawan", "Mohammad Ahsan", "BWF"), ("Hendra Setiawan", "BWF"),
                ("Hendra Setiawan", "PT SDS"), ("Mohammad Ahsan", "PT SDS")]
    tells = {"Mohammad Ahsan": True, "BWF": True, "PT SDS": True}
    kept = kept_company({"Hendra Setiawan"}, {}, contexts, tells, lambda v: (v,))
    assert kept == {"Hendra Setiawan": frozenset({"BWF"})}


def _off(found: dict[str, tuple[str, ...]], category: str, company: bool) -> None:
    off_side(found, category, {"Gabriel Jesus": True, "Hendra Setiawan": True,
                               "Airlangga Hartarto": False, "Wiranto": False},
             {"Hendra Setiawan"}, lambda p, own: company)


def test_a_name_off_its_side_without_company_is_no_one() -> None:
    found: dict[str, tuple[str, ...]] = {"Jesus": ("Gabriel Jesus",),
                                         "Hendra Setiawan": ("Hendra Setiawan",)}
    _off(found, "Nasional", False)
    assert found == {"Jesus": (), "Hendra Setiawan": ()}


def test_a_name_that_must_not_change() -> None:
    cases: list[tuple[dict[str, tuple[str, ...]], str, bool]] = [
        # his own side; his company; no category
        ({"Jesus": ("Gabriel Jesus",), "Hendra Setiawan": ("Hendra Setiawan",)}, "Bola", False),
        ({"Jesus": ("Gabriel Jesus",), "Hendra Setiawan": ("Hendra Setiawan",)}, "News", True),
        ({"Jesus": ("Gabriel Jesus",)}, "", False),
        # a rarer full name written in full; a person's own one name
        ({"Airlangga Hartarto": ("Airlangga Hartarto",), "Wiranto": ("Wiranto",)}, "sport",
         False),
    ]
    for found, category, company in cases:
        before = dict(found)
        _off(found, category, company)
        assert found == before, category


def test_the_map_drops_a_name_off_its_side() -> None:
    counts = {"PER": {"Gabriel Jesus": 15, "Jesus": 3, "Raheem Sterling": 20,
                      "Rooney Mara": 4}}
    emap = EntityMap({"PER": {"Jesus": ("Gabriel Jesus",)}}, counts,
                     profiles={"Gabriel Jesus": frozenset({"Raheem Sterling"})},
                     articles=100_000, homes={"Gabriel Jesus": True})
    emap = EntityMap.from_json(emap.to_json())
    assert emap.homes == {"Gabriel Jesus": True}
    film = emap.entities_in("PER", ["Jesus", "Rooney Mara"], "Selebriti",
                            context=["Jesus", "Rooney Mara"])
    assert film["Jesus"] == ()
    match = emap.entities_in("PER", ["Jesus", "Raheem Sterling"], "Selebriti",
                             context=["Jesus", "Raheem Sterling"])
    assert match["Jesus"] == ("Gabriel Jesus",)
