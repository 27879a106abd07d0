"""A person's name the tagger reads as an organisation's is a person's (:mod:`indexer.org_persons`):
the names that must move and those that must not, the rule through the corpus-level map and
:func:`~indexer.map_apply.apply_map` (as ``reindex`` and ``warta add`` apply it, the map
stored and read back), then the real 22k index."""

from __future__ import annotations

from pathlib import Path

import orjson
import tantivy
from corpora import prepared_article

from indexer import schema as S
from indexer import store
from indexer.document import load_payload
from indexer.entity_map import EntityMap
from indexer.entity_norm import compute_map
from indexer.map_apply import apply_map
from indexer.org_persons import persons_as_orgs
from indexer.spill import alias_person

# Article counts as the 22k corpus has them (the tagger's types before the map).
PERSONS = {"Sukanto Tanoto": 6, "Tanoto": 5, "Sukanto": 2, "Osas Saha": 8,
           "Kevin De Bruyne": 40, "De Bruyne": 6, "Aston Martin": 3, "Crvena Zvezda": 5,
           "Perum Perhutani": 2, "Istanbul Basaksehir": 2, "Juku Eja": 10, "Marvel Studios": 9,
           "Badan Anggaran": 1, "Ridwan Kamil": 300, "Ridwan": 12}
ORGS = {"Sukanto Tanoto": 26, "Tanoto Foundation": 1, "Osas Saha": 12, "Persib": 200,
        "De Bruyne": 8, "Aston Martin": 4, "Aston Martin DBX": 1, "Crvena Zvezda": 5,
        "FK Crvena Zvezda": 1, "Perum Perhutani": 2, "Istanbul Basaksehir": 3,
        "Juku Eja": 12, "PSM Makassar": 60, "Marvel Studios": 27,
        "Komisi Pemberantasan Korupsi": 900, "Badan Anggaran": 20,
        "Ridwan Kamil Foundation": 2}
PLACES = {"Istanbul": 30, "Jakarta": 4000}


def test_persons_read_as_organisations() -> None:
    assert persons_as_orgs({"PER": PERSONS, "ORG": ORGS, "LOC": PLACES}) == {
        "Sukanto Tanoto", "Osas Saha"}


def test_what_the_rule_leaves() -> None:
    counts = {"PER": PERSONS, "ORG": ORGS, "LOC": PLACES}
    # typed a person's in fewer than a quarter of its organisation's articles
    assert persons_as_orgs({**counts, "PER": {**PERSONS, "Tanoto": 0, "Sukanto": 0,
                                               "Sukanto Tanoto": 2}}) == {"Osas Saha"}
    # never typed a person's in full: its words alone do not say it is one
    assert "Osas Saha" not in persons_as_orgs(
        {**counts, "PER": {**PERSONS, "Osas Saha": 0, "Osas": 9}})
    # a part shared with another person's name counts for neither
    assert persons_as_orgs({**counts, "PER": {**PERSONS, "Tanoto": 40, "Sukanto Tanoto": 2,
                                               "Sukanto": 0, "Gita Tanoto": 40}}) == {
        "Osas Saha"}
    # spelling variants go together, one vote for their key
    assert persons_as_orgs({**counts, "ORG": {**ORGS, "OSAS SAHA": 3, "Osas saha": 1}}) >= {
        "Osas Saha", "OSAS SAHA", "Osas saha"}
    # an acronym, a digit, five words: no person's name read so
    for name in ("Osan SAHI", "Osan Sahi 2", "Osan Sahi Putra Jaya Kusuma"):
        assert name not in persons_as_orgs(
            {**counts, "ORG": {**ORGS, name: 12}, "PER": {**PERSONS, name: 12}}), name



def test_through_the_map(tmp_path: Path) -> None:
    """The corpus's map retypes the name; applied to an article (by ``reindex``, and by
    ``warta add`` from the map stored with the index), its value is a person's."""
    emap = compute_map({"PER": PERSONS, "ORG": ORGS, "LOC": PLACES}, {}, alias_person)
    assert emap.type_of("ORG", "Osas Saha") == "PER"
    assert emap.type_of("ORG", "Persib") == "ORG"
    prep = prepared_article(tmp_path, "Persib Ditahan Imbang",
                            "Persib tertinggal pada menit ke-15 melalui eksekusi penalti Osas "
                            "Saha.", "Bola")
    before = load_payload(prep.fields[S.PAYLOAD])
    assert "Osas Saha" in before.entities["ORG"]  # the tagger's reading
    for m in (emap, EntityMap.from_json(orjson.loads(orjson.dumps(emap.to_json())))):
        after = load_payload(apply_map(prep, m).fields[S.PAYLOAD])
        assert after.entities.get("ORG") == ("Persib",)
        assert after.entities.get("PER") == ("Osas Saha",)
        assert {(x.type, x.name) for x in after.mentions} >= {("PER", "Osas Saha"),
                                                             ("ORG", "Persib")}


def test_no_person_read_as_an_organisation_on_the_real_index(full_index_dir: Path) -> None:
    """The real index: the persons' names the judges found typed as organisations are persons'
    values, in as many articles as the tagger found them in either type, and the bodies the
    corpus writes beside them stay organisations'."""
    index = store.open_index(full_index_dir)
    searcher = index.searcher()

    def count(facet: str, value: str) -> int:
        query = tantivy.Query.term_query(index.schema, facet, value)
        return int(searcher.search(query, 1, count=True).count)

    for name in ("Sukanto Tanoto", "Osas Saha", "Deontay Wilder", "Pia Zebadiah Bernadet"):
        assert count(S.ENTITY_FIELDS["ORG"], name) == 0, name
        assert count(S.ENTITY_FIELDS["PER"], name) >= 9, name
    for body in ("Persib", "Tanoto Foundation", "Komisi Pemberantasan Korupsi"):
        assert count(S.ENTITY_FIELDS["PER"], body) == 0, body
