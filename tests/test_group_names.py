"""A group of companies written with one of its companies' names is the group, not the company
(:mod:`indexer.group_names`): on words, through the corpus-level map on counts as the 22k
corpus has them, and on the real 22k index."""

from __future__ import annotations

from pathlib import Path

from indexer import store
from indexer.entity_map import EntityMap
from indexer.entity_norm import compute_map
from indexer.group_names import company_group, short_group
from indexer.spill import alias_person

WRITTEN = {("lion", "group"): 11, ("lion", "grup"): 4, ("garuda", "group"): 2,
           ("mnc", "group"): 12}


def test_a_groups_name_with_its_companys_name_in_it() -> None:
    assert company_group(("lion", "air"), ("lion", "air", "group"), WRITTEN)
    assert company_group(("lion", "air"), ("lion", "air", "grup"), WRITTEN)
    assert short_group(("lion", "group"), ("lion", "air", "group"), WRITTEN)
    assert short_group(("lion", "grup"), ("lion", "air", "grup"), WRITTEN)
    # the group without the company's last word written once or twice: no sign
    assert not company_group(("garuda", "indonesia"), ("garuda", "indonesia", "group"), WRITTEN)
    # no group word last; a one-word company; a name two words longer
    assert not company_group(("lion", "air"), ("lion", "air", "airlines"), WRITTEN)
    assert not company_group(("gojek",), ("gojek", "group"), WRITTEN)
    assert not short_group(("mnc", "group"), ("mnc", "media", "tv", "group"), WRITTEN)
    assert not short_group(("lion", "air"), ("lion", "air", "group"), WRITTEN)


def _map(org: dict[str, int]) -> EntityMap:
    return compute_map({"PER": {}, "ORG": org, "LOC": {}}, {}, alias_person)


def test_the_group_joins_its_shorter_name_and_the_company_stays_apart() -> None:
    m = _map({"Lion Air": 69, "Lion Air Group": 45, "Lion Air Grup": 6, "Lion Group": 11,
              "Lion Grup": 4})
    for v in ("Lion Air Group", "Lion Air Grup", "Lion Group", "Lion Grup"):
        assert m.entity("ORG", v) == ("Lion Air Group",), v
    assert m.entity("ORG", "Lion Air") == ("Lion Air",)


def test_a_group_the_corpus_writes_no_shorter_name_of_joins_its_company() -> None:
    m = _map({"Garuda Indonesia": 63, "Garuda Indonesia Group": 19, "Garuda Group": 2,
              "Gojek": 44, "Gojek Group": 7, "Sriwijaya Air": 39, "Sriwijaya Air Group": 8,
              "Sriwijaya Group": 1})
    assert m.entity("ORG", "Garuda Indonesia Group") == ("Garuda Indonesia",)
    assert m.entity("ORG", "Gojek Group") == ("Gojek",)
    assert m.entity("ORG", "Sriwijaya Air Group") == ("Sriwijaya Air",)


def test_the_corpus_groups(full_index_dir: Path) -> None:
    m = store.load_entity_map(full_index_dir)
    group = m.entity("ORG", "Lion Air Group")
    assert group == m.entity("ORG", "Lion Group") == m.entity("ORG", "Lion Grup")
    assert m.entity("ORG", "Lion Air") == ("Lion Air",) != group
    assert m.entity("ORG", "PP Muhammadiyah") == ("Muhammadiyah",)
