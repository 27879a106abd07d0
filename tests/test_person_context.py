"""The company a person keeps (indexer.person_context): a one-word name the map gives a person is
no one in an article naming several specific things none of which was ever named beside his
full name; with the cases that must not change, the map's JSON, and the 22k corpus index."""

from __future__ import annotations

from pathlib import Path

from indexer import schema as S
from indexer import store
from indexer.document import load_payload
from indexer.entity_map import EntityMap
from indexer.entity_norm import CorpusCounts, compute_map
from indexer.person_context import keeps_company, profiles, specific
from indexer.spill import alias_person


def _article(counts: CorpusCounts, per: list[str], org: tuple[str, ...] = (),
             loc: tuple[str, ...] = ()) -> None:
    counts.add({"PER": per, "ORG": list(org), "LOC": list(loc)}, "")


def _corpus() -> CorpusCounts:
    """A coach named in full beside his club and players; his first name alone beside them;
    and beside a prayer's imam and mosque in two articles, in one with too few other things;
    his player named by his surname too; a common place."""
    counts = CorpusCounts()
    for _ in range(5):
        _article(counts, ["Fakhri Husaini", "Bagus Kahfi"], ("Timnas U-19", "PSSI"), ("Jakarta",))
    _article(counts, ["Fakhri", "Bagus Kahfi"], ("Timnas U-19",), ("Jakarta",))
    _article(counts, ["Fakhri", "Bagus Kahfi", "David Maulana"], ("PSSI", "Garuda Muda"))
    for _ in range(2):
        _article(counts, ["Fakhri", "Jamal Abdul", "Nasir Husin"], ("Masjid Agung", "Pemkab"),
                 ("Riau",))
    _article(counts, ["Fakhri", "Jamal Abdul"], (), ("Jakarta",))
    for _ in range(2):  # his player by surname: the same company
        _article(counts, ["Kahfi", "Bagus Kahfi"], ("Timnas U-19",))
    for _ in range(2000):  # a common place tells nothing
        _article(counts, ["Anies Baswedan"], (), ("Jakarta",))
    return counts


def _map(counts: CorpusCounts) -> EntityMap:
    return compute_map(counts.entities, counts.categories, alias_person, counts.evidence,
                       None, counts.person_categories, counts.contexts, counts.articles)


def _persons(m: EntityMap, per: list[str], other: list[str]) -> dict[str, tuple[str, ...]]:
    return m.entities_in("PER", per, "", per + other)


def test_a_bare_name_away_from_the_persons_company_is_no_one() -> None:
    m = _map(_corpus())
    assert m.entity("PER", "Fakhri") == ("Fakhri Husaini",)
    assert m.profiles["Fakhri Husaini"] >= {"Bagus Kahfi", "Timnas U-19", "PSSI"}
    assert "Jakarta" not in m.profiles["Fakhri Husaini"]  # common: in 1% of articles or more
    assert _persons(m, ["Fakhri", "Jamal Abdul", "Nasir Husin"],
                    ["Masjid Agung", "Pemkab", "Riau"])["Fakhri"] == ()
    # must not change: his company named, his full name written, too few other things named
    # (a common one does not count), a map without profiles
    assert _persons(m, ["Fakhri", "Jamal Abdul", "Nasir Husin"],
                    ["Masjid Agung", "PSSI"])["Fakhri"] == ("Fakhri Husaini",)
    assert m.entity("PER", "Kahfi") == ("Bagus Kahfi",)
    assert _persons(m, ["Fakhri", "Kahfi", "Jamal Abdul", "Nasir Husin"],
                    ["Masjid Agung", "Pemkab", "Riau"])["Fakhri"] == ("Fakhri Husaini",)
    assert _persons(m, ["Fakhri", "Fakhri Husaini", "Jamal Abdul", "Nasir Husin"],
                    ["Masjid Agung", "Pemkab"])["Fakhri"] == ("Fakhri Husaini",)
    assert _persons(m, ["Fakhri", "Jamal Abdul", "Nasir Husin"],
                    ["Jakarta"])["Fakhri"] == ("Fakhri Husaini",)
    plain = EntityMap(m.values, m.counts, m.categories, m.types, m.astray)
    assert _persons(plain, ["Fakhri", "Jamal Abdul", "Nasir Husin"],
                    ["Masjid Agung", "Pemkab", "Riau"])["Fakhri"] == ("Fakhri Husaini",)


def test_profiles_need_the_full_name_in_two_articles_and_round_trip() -> None:
    counts = _corpus()
    m = _map(counts)
    assert EntityMap.from_json(m.to_json()) == m
    assert EntityMap.from_json(m.to_json()).profiles == m.profiles
    tells = specific(counts.entities, counts.articles)
    assert tells["Bagus Kahfi"] and not tells["Jakarta"] and not tells.get("Nobody", False)
    persons = {"Fakhri": ("Fakhri Husaini",)}
    assert set(profiles({"PER": persons}, counts.contexts, counts.entities, tells)) == {
        "Fakhri Husaini"}
    assert profiles({"PER": persons}, counts.contexts[:1], counts.entities, tells) == {}
    assert keeps_company("Nobody Known", ["A", "B", "C"], [], {}, {}, lambda v: (v,)) is True


def test_the_corpus_index_drops_bare_names_away_from_their_persons_company(
        full_index_dir: Path) -> None:
    """A father's "Papa" in a singer's article is not a Greek footballer; a bare surname in a
    list of a regency's village heads is not a party politician's."""
    m = store.load_entity_map(full_index_dir)
    index = store.open_index(full_index_dir)
    searcher = index.searcher()
    found: dict[str, set[str]] = {}
    for title in ("Armand Maulana Jadi Juri", "Bupati Morowali Lantik 13 Kades"):
        q = index.parse_query(f'"{title}"', [S.WORDS])
        for _, addr in searcher.search(q, 5).hits:
            art = load_payload(searcher.doc(addr)[S.PAYLOAD][0])
            if title in art.title:
                found[title] = set(art.entities.get("PER", ()))
    assert len(found) == 2, found
    assert all(p not in ps for ps in found.values()
               for p in ("Sokratis Papastathopoulos", "Adies Kadir")), found
    # must not change: persons whose bare names are kept where their company is named
    assert len(m.profiles) > 500
    assert m.counts["PER"]["Bacharuddin Jusuf Habibie"] > 600
