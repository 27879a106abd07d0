"""Two capitals the map joins to an organisation's name by its initials, written alone more often
than beside it, name no organisation where an article writes them alone
(:mod:`indexer.lone_letters`): the counts, the rule, and through
:func:`~indexer.map_apply.apply_map` and the stored map."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import orjson
import tantivy
from corpora import prepared_article

from indexer import schema as S
from indexer import store
from indexer.document import load_payload
from indexer.entity_map import EntityMap
from indexer.entity_norm import CorpusCounts
from indexer.lone_letters import alone_in_article, count_letters, lone_letters, two_letters
from indexer.map_apply import apply_map

DEMOKRAT = "Partai Demokrat"
YG = "YG Entertainment"
_INTO = {"PD": (DEMOKRAT,), "Demokrat": (DEMOKRAT,), "YG": (YG,)}


def _entity(v: str) -> tuple[str, ...]:
    return _INTO.get(v, (v,))


def test_two_letters_and_their_counts() -> None:
    assert two_letters("PD") and not two_letters("Pd") and not two_letters("PDI")
    pairs: Counter[tuple[str, str]] = Counter()
    count_letters(pairs, ["PD", DEMOKRAT, "DPR", "PD"])
    count_letters(pairs, ["PD", "PPJ"])
    assert pairs == {("PD", DEMOKRAT): 1, ("PD", "DPR"): 1, ("PD", "PPJ"): 1}
    c = CorpusCounts()
    c.add({"ORG": ["PD", "Bhayangkari"]}, "Travel")
    assert c.letters == {("PD", "Bhayangkari"): 1}


def test_values_written_alone_more_often_than_beside_their_name() -> None:
    # as the 22k corpus counts them: "PD" alone in 11 articles, beside the party in 4; "YG"
    # alone in 7, beside YG Entertainment in 11
    pairs = {("PD", DEMOKRAT): 3, ("PD", "Demokrat"): 1, ("PD", "PPJ"): 1, ("YG", YG): 11}
    counts = {"PD": 15, "YG": 18, DEMOKRAT: 146, YG: 65, "UE": 2}
    assert lone_letters(pairs, counts, _entity) == {"PD"}
    # must not: two capitals that are the value itself, or the map joins to nothing longer
    assert lone_letters({}, {"TV": 9, "PD": 2}, _entity) == set()


def test_in_one_article() -> None:
    lone = frozenset({"PD"})
    assert alone_in_article(["PD", "PPJ"], lone, _entity) == {"PD"}
    # must not change: the party written otherwise too; a value not of them
    assert alone_in_article(["PD", "Demokrat"], lone, _entity) == set()
    assert alone_in_article(["YG", "SM"], lone, _entity) == set()


def test_through_the_map_and_the_stored_map(tmp_path: Path) -> None:
    # real sentences of the 22k corpus
    company = prepared_article(
        tmp_path, "Pasar Jaya Bangun Pusat Kuliner", "Sementara itu, Direktur Utama PD PPJ "
        "Muzakkir menuturkan, jumlah pedagang yang menempati pusat kuliner bertambah.")
    party = prepared_article(
        tmp_path, "SBY Buka Pertemuan Fraksi", "SBY membuka acara pertemuan dengan seluruh "
        "fraksi Partai Demokrat. Ia datang terlambat ke acara Pertemuan Nasional Fraksi PD DPR RI.")
    before = load_payload(company.fields[S.PAYLOAD]).entities["ORG"]
    assert "PD" in before
    m = EntityMap({"ORG": {"PD": (DEMOKRAT,)}},
                  {"ORG": {**dict.fromkeys(before, 3), "PD": 15, DEMOKRAT: 146}},
                  lone_letters=frozenset({"PD"}))
    after = load_payload(apply_map(company, m).fields[S.PAYLOAD])
    assert DEMOKRAT not in after.entities.get("ORG", ())
    assert all(x.name != DEMOKRAT for x in after.mentions)
    again = EntityMap.from_json(orjson.loads(orjson.dumps(m.to_json())))
    assert again.lone_letters == m.lone_letters
    assert load_payload(apply_map(company, again).fields[S.PAYLOAD]).entities == after.entities
    # must not change: the party's own story
    assert DEMOKRAT in load_payload(apply_map(party, m).fields[S.PAYLOAD]).entities["ORG"]


def test_no_organisation_by_lone_letters_on_the_real_index(full_index_dir: Path) -> None:
    """Brute force over every article of the real index: an organisation the stored map's lone
    letters stand for is no value of an article that writes it only as those letters."""
    emap = store.load_entity_map(full_index_dir)
    assert "PD" in emap.lone_letters and emap.entity("ORG", "PD") == (DEMOKRAT,)
    searcher = store.open_index(full_index_dir).searcher()
    kept = 0
    for _, addr in searcher.search(tantivy.Query.all_query(), 100_000).hits:
        art = load_payload(searcher.doc(addr)[S.PAYLOAD][0])
        written = {(art.title if m.field == "title" else art.body)[m.start:m.end]
                   for m in art.mentions if m.type == "ORG" and m.name == DEMOKRAT}
        assert not written or written - emap.lone_letters, (art.title, written)
        kept += bool(written)
    assert kept >= 130
