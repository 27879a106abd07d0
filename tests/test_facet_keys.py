"""Entity facets counted by number (:mod:`search_api.facet_keys`): a snapshot's table names every
value of the real index, and is refused wherever the numbered columns would not count as the
text ones do; the facets counted by number equal those counted by text, and both equal a
brute-force oracle (``tests/test_facet_probe.py`` runs its oracle over both ways)."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path
from typing import Any

import tantivy
from facet_requests import REQUESTS, prepared

from indexer import schema as S
from indexer.analysis import Analyzer
from indexer.build import tantivy_document
from indexer.document import entity_keys, text_key
from indexer.stories import story_id
from search_api import facet_keys as FK
from search_api import facets as F
from search_api import selection
from search_api.params import SearchRequest, parse_search_params
from search_api.snapshot import SearcherHolder, Snapshot


def _snapshot(index: tantivy.Index) -> Snapshot:
    index.reload()
    return Snapshot(index, index.searcher(), Analyzer(), index.schema, 0)


def _write(index: tantivy.Index, docs: list[dict[str, Any]]) -> None:
    writer = index.writer(50_000_000, 1)
    for fields in docs:
        writer.add_document(tantivy.Document.from_dict(fields, index.schema))
    writer.commit()
    writer.wait_merging_threads()


def test_the_table_names_every_value_of_the_real_index(index_dir: Path) -> None:
    snap = SearcherHolder(index_dir).snapshot()
    keyed = FK.build_tables(snap)
    assert set(keyed) == set(S.ENTITY_FACETS)
    for name in S.ENTITY_FACETS:
        values = [v for v, _ in selection.all_values(snap, name)]
        assert len(values) > 20
        assert sorted(keyed[name].values()) == sorted(values)


def test_a_field_whose_numbers_do_not_count_as_its_text_is_counted_by_text() -> None:
    full = {S.PERSON: ["Ani", "Budi"], S.ORG: ["KPK"], S.PLACE: ["Bogor"]}
    index = tantivy.Index(S.build_schema())
    # the second document as a writer without the numbered columns would write it
    _write(index, [{**full, **entity_keys(full)},
                   {S.PERSON: ["Ani"], **entity_keys({S.ORG: ["KPK"]}), S.ORG: ["KPK"]}])
    keyed = FK.build_tables(_snapshot(index))
    assert set(keyed) == {S.ORG, S.PLACE}
    assert keyed[S.ORG] == {text_key("KPK"): "KPK"}
    assert keyed[S.PLACE] == {text_key("Bogor"): "Bogor"}


def test_an_index_without_the_numbered_columns_is_counted_by_text() -> None:
    builder = tantivy.SchemaBuilder()
    for name in S.KEYWORD_FACETS:
        builder.add_text_field(name, stored=False, fast=True, tokenizer_name="raw",
                               index_option="basic")
    index = tantivy.Index(builder.build())
    _write(index, [{S.PERSON: ["Ani"], S.ORG: ["KPK"], S.PLACE: ["Bogor"]}])
    assert FK.build_tables(_snapshot(index)) == {}


def test_facets_counted_by_number_equal_those_counted_by_text(index_dir: Path) -> None:
    by_text, by_number = (SearcherHolder(index_dir).snapshot() for _ in range(2))
    by_text.cache["facet_keys"] = {}
    by_number.cache["facet_keys"] = FK.build_tables(by_number)
    keyed = by_number.cache["facet_keys"]
    assert by_number.searcher.num_segments == 1 and set(keyed) == set(S.ENTITY_FACETS)
    probe = by_number.searcher.aggregate(tantivy.Query.all_query(), {
        S.PERSON: FK.probe_agg(keyed, S.PERSON, 10, 1)})[S.PERSON]["buckets"]
    assert probe and all(isinstance(b["key"], int) for b in probe)  # counted by number
    for params in REQUESTS:
        for size in (1, 3, 10, 11, 25):
            request = parse_search_params([*params, ("facet_size", str(size))])
            got = [prepared(snap, request).facets(snap) for snap in (by_text, by_number)]
            assert got[0] == got[1], (params, size)


def _keeps(doc: dict[str, list[str]], request: SearchRequest, skip: str | None) -> bool:
    """Whether ``doc`` has what ``request`` filters on, but facet ``skip``'s filter."""
    return all((all if f in request.all_of else any)(v in doc.get(f, ()) for v in values)
               for f, values in request.filters.items() if values and f != skip)


def test_facets_counted_by_number_over_several_segments_equal_brute_force_counts() -> None:
    # Over several segments every value of each is a candidate, so the counts are exact
    # (by text they are capped per segment); checked against counts of the documents themselves.
    rng = random.Random(16)
    pools = {S.PERSON: [f"P{i}" for i in range(40)], S.ORG: [f"O{i}" for i in range(20)],
             S.PLACE: [f"L{i}" for i in range(20)]}
    docs: list[dict[str, list[str]]] = []
    index = tantivy.Index(S.build_schema())
    for _segment in range(4):
        batch = []
        for _ in range(100):
            doc = {name: sorted(set(rng.choices(pool, weights=range(len(pool), 0, -1),
                                                k=rng.randint(0, 4))))
                   for name, pool in pools.items()}
            doc = {name: values for name, values in doc.items() if values}
            doc_id = f"d{len(docs)}"
            docs.append(doc)
            batch.append(tantivy_document({S.ID: doc_id, **doc}, doc_id, story_id(doc_id),
                                          index.schema))
        writer = index.writer(50_000_000, 1)
        for d in batch:
            writer.add_document(d)
        writer.commit()
        writer.wait_merging_threads()
    snap = _snapshot(index)
    assert snap.searcher.num_segments > 1
    snap.cache["facet_keys"] = keyed = FK.build_tables(snap)
    assert set(keyed) == set(S.ENTITY_FACETS)
    assert FK.probe_agg(keyed, S.PERSON, 3, 4)["terms"]["field"] == S.ENTITY_KEYS[S.PERSON]
    requests = [[], [(S.PERSON, "P0")], [(S.PERSON, "P3"), (S.ORG, "O1")],
                [(S.PERSON, "P1"), (S.PERSON, "P30")],
                [(S.PERSON, "P1"), (S.PERSON, "P2"), ("person_op", "and")],
                [(S.PLACE, "L19")], [(S.ORG, "O0"), (S.PLACE, "L2"), (S.PERSON, "P39")]]
    for params in requests:
        for size in (1, 2, 3, 5, 10):
            request = parse_search_params([*params, ("facet_size", str(size))])
            ready = prepared(snap, request)
            indexed = ready.request
            facets, _ = ready.facets(snap)
            for name in S.ENTITY_FACETS:
                own = name if name not in indexed.all_of else None
                counts = Counter(v for doc in docs if _keeps(doc, indexed, own)
                                 for v in doc.get(name, ()))
                selected = indexed.selected(name)
                expected = F.terms_facet(list(counts.items()), selected, size,
                                         {v: counts.get(v, 0) for v in selected})
                assert facets.terms(name) == expected, (params, size, name)


def test_every_value_agg_asks_for_every_value_in_each_segment() -> None:
    assert F.every_value_agg("org") == {
        "terms": {"field": "org", "size": 65_000, "segment_size": 65_000}}
