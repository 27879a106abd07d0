"""Near names in the corpus-level map (indexer.near_names): misspelt persons' names and clubs
written without their club word; with the cases that must not change."""

from __future__ import annotations

from indexer.corpus_pass import alias_person
from indexer.entity_norm import EntityMap, compute_map


def _map(per: dict[str, int] | None = None, org: dict[str, int] | None = None) -> EntityMap:
    return compute_map({"PER": per or {}, "ORG": org or {}, "LOC": {}}, {}, alias_person)


def test_a_misspelt_name_joins_the_name_written_most() -> None:
    m = _map({"Bacharuddin Jusuf Habibie": 672, "Baharuddin Jusuf Habibie": 24,
              "Bacharudin Jusuf Habibie": 7, "Nawawi Pomolango": 100, "Nawawi Pamolango": 7,
              "Imam Nahrawi": 272, "Iman Nahrawi": 8, "Dedi Prasetyo": 82, "Dedi Prasetya": 40,
              "Joko Widodo": 1643, "Joko Wododo": 1})
    for v in ("Baharuddin Jusuf Habibie", "Bacharudin Jusuf Habibie"):
        assert m.entity("PER", v) == ("Bacharuddin Jusuf Habibie",), v
    assert m.entity("PER", "Nawawi Pamolango") == ("Nawawi Pomolango",)
    # must not change: a short word ("Iman", "Imam" are two names; "Wododo"), a name written
    # less than three times as often
    for v in ("Iman Nahrawi", "Dedi Prasetya", "Joko Wododo"):
        assert m.entity("PER", v) == (v,), v


def test_a_club_without_its_club_word_joins_the_one_club() -> None:
    m = _map(org={"Norwich": 28, "Norwich City": 44, "Dortmund": 41, "Borussia Dortmund": 71,
                  "Borrussia Dortmund": 3, "Milan": 40, "AC Milan": 31, "Inter Milan": 98,
                  "Chelsea": 121, "Barito": 14, "Barito Putera": 45, "Persib": 136,
                  "Persib Bandung": 20})
    assert m.entity("ORG", "Norwich") == ("Norwich City",)
    assert m.entity("ORG", "Dortmund") == ("Borussia Dortmund",)
    assert m.entity("ORG", "Barito") == ("Barito Putera",)
    # must not change: two clubs of one city, a club named without its word more often
    assert m.entity("ORG", "Milan") == ("Milan",)
    assert m.entity("ORG", "AC Milan") == ("AC Milan",)
    assert m.entity("ORG", "Chelsea") == ("Chelsea",)
