"""Facts about persons' names in the data files beside the gazetteers: names of one person in
data/equivalents.txt (the Prophet by his name and by his title) and scriptures in
data/kind_names.txt, which the tagger reads as persons; with the cases that must not change."""

from __future__ import annotations

from indexer.entity_norm import compute_map
from indexer.spill import alias_person


def test_the_prophets_name_and_title_are_one_person_and_scriptures_no_one() -> None:
    per = {"Rasulullah SAW": 17, "Rasulullah": 10, "Muhammad SAW": 14, "Nabi Muhammad": 12,
           "Alquran": 35, "Al Qur’an": 1, "Muhammad Nasir": 78, "Muhammad": 19,
           "Quraish Shihab": 9}
    m = compute_map({"PER": per, "ORG": {"Al Quran": 7}, "LOC": {}}, {}, alias_person)
    one = {m.entity("PER", v) for v in ("Rasulullah SAW", "Rasulullah", "Muhammad SAW",
                                         "Nabi Muhammad")}
    assert one == {("Rasulullah SAW",)}
    for v in ("Alquran", "Al Qur’an"):
        assert m.entity("PER", v) == (), v
    assert m.entity("ORG", "Al Quran") == ()
    # must not change: other people named Muhammad, a scholar of the Quran
    for v in ("Muhammad Nasir", "Quraish Shihab"):
        assert m.entity("PER", v) == (v,), v
    assert m.entity("PER", "Muhammad") != ("Rasulullah SAW",)
