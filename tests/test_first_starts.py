"""Persons' full names equal but for a first name written short, joined where an article writes
both (indexer.first_starts): the pairs, their articles, and the map."""

from __future__ import annotations

from indexer.entity_norm import compute_map
from indexer.first_starts import first_starts
from indexer.name_evidence import NameEvidence
from indexer.spill import alias_person

PER = {"Ansu Fati": 43, "Anssumane Fati": 6, "Dani Carvajal": 11, "Daniel Carvajal": 1,
       "Will Smith": 3, "Willow Smith": 1, "Ani Yudhoyono": 21, "Annisa Yudhoyono": 2,
       "Al Gore": 2, "Albert Gore": 2, "Lionel Messi": 100}
CONTEXTS = [("Ansu Fati", "Anssumane Fati", "Lionel Messi"), ("Anssumane Fati", "Ansu Fati"),
            ("Dani Carvajal", "Daniel Carvajal"), ("Will Smith",), ("Willow Smith",),
            ("Ani Yudhoyono", "Lionel Messi"), ("Al Gore", "Albert Gore")]


def test_the_pairs_and_the_articles_writing_both() -> None:
    # a short first name that begins the long one (read loosely: "Anssumane" is "ansumane"),
    # the same words after it; not one of fewer than three letters ("Al")
    assert first_starts(PER, CONTEXTS) == {("Ansu Fati", "Anssumane Fati"): 2,
                                           ("Dani Carvajal", "Daniel Carvajal"): 1}
    assert first_starts(PER, []) == {}


def test_a_pair_written_together_is_one_person() -> None:
    m = compute_map({"PER": PER, "ORG": {}, "LOC": {}}, {}, alias_person, NameEvidence(),
                    contexts=CONTEXTS, articles=1000)
    assert m.entity("PER", "Anssumane Fati") == ("Ansu Fati",)
    assert m.entity("PER", "Daniel Carvajal") == ("Dani Carvajal",)
    # must not change: a pair never written together (a father and his daughter, two women
    # of one family); no article at all
    for v in ("Willow Smith", "Will Smith", "Annisa Yudhoyono", "Ani Yudhoyono"):
        assert m.entity("PER", v) == (v,), v
    alone = compute_map({"PER": PER, "ORG": {}, "LOC": {}}, {}, alias_person, NameEvidence())
    assert alone.entity("PER", "Anssumane Fati") == ("Anssumane Fati",)


def test_an_officers_name_and_anothers_stay_apart() -> None:
    per = {"Agus Andrianto": 10, "Agustinus Andrianto": 12}  # never after a rank: no officer
    evidence = NameEvidence(kinds={(("PER", "Agus Andrianto"), "mark:rank"): 8})
    both = [("Agus Andrianto", "Agustinus Andrianto")]
    m = compute_map({"PER": per, "ORG": {}, "LOC": {}}, {}, alias_person, evidence,
                    contexts=both, articles=1000)
    assert m.entity("PER", "Agustinus Andrianto") == ("Agustinus Andrianto",)
