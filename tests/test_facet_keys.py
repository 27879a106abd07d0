"""Entity facets counted by number (:mod:`search_api.facet_keys`): a snapshot's table names every
value of the real index, and is refused wherever the numbered columns would not count as the
text ones do; the facets counted by number equal those counted by text, and both equal a
brute-force oracle (``tests/test_facet_probe.py`` runs its oracle over both ways)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import tantivy

from indexer import schema as S
from indexer.analysis import Analyzer
from indexer.document import entity_keys, text_key
from search_api import facet_counts, selection
from search_api import facet_keys as FK
from search_api.params import parse_search_params
from search_api.query import build
from search_api.snapshot import SearcherHolder, Snapshot


def _snapshot(index: tantivy.Index) -> Snapshot:
    index.reload()
    return Snapshot(index, index.searcher(), Analyzer(), index.schema, 0, 0.0)


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


QUERIES: list[list[tuple[str, str]]] = [
    [], [("q", "jakarta")], [("q", "presiden")], [("q", "banjir")], [("q", "bola")],
    [("q", "pemerintah"), ("source", "detik.com")],
    [("q", "banjir"), ("place", "Jakarta"), ("person", "Joko Widodo")],
    [("q", "indonesia"), ("person", "Joko Widodo"), ("person", "Prabowo Subianto"),
     ("person_op", "and")],
    [("q", "korupsi"), ("org", "KPK")], [("org", "KPK")], [("q", "sepak bola")],
]


def test_facets_counted_by_number_equal_those_counted_by_text(index_dir: Path) -> None:
    by_text, by_number = (SearcherHolder(index_dir).snapshot() for _ in range(2))
    by_text.cache["facet_keys"] = {}
    by_number.cache["facet_keys"] = FK.build_tables(by_number)
    keyed = by_number.cache["facet_keys"]
    assert by_number.searcher.num_segments == 1 and set(keyed) == set(S.ENTITY_FACETS)
    probe = by_number.searcher.aggregate(tantivy.Query.all_query(), {
        S.PERSON: FK.probe_agg(keyed, S.PERSON, 10, 1)})[S.PERSON]["buckets"]
    assert probe and all(isinstance(b["key"], int) for b in probe)  # counted by number
    for params in QUERIES:
        for size in (1, 3, 10, 11, 25):
            request = parse_search_params([*params, ("facet_size", str(size))])
            got = []
            for snap in (by_text, by_number):
                text = build(request.q, snap.analyzer, snap.schema).query
                filters = selection.facet_filters(snap, request)
                indexed = selection.indexed_selection(snap, request)
                dates = selection.date_filter(snap.schema, indexed.date_from, indexed.date_to)
                got.append(facet_counts.compute_facets(snap, indexed, text, filters, dates))
            assert got[0] == got[1], (params, size)
