"""Terms facets are counted with a cheap probe (:func:`search_api.facets.probe_agg`: few
candidates) and counted again only when the probe leaves the last place undecided. The facets
must be those of the complete counts: checked as a pure property over any counts with any order
among ties, and on the real index against a brute-force oracle that counts every value."""

from __future__ import annotations

import random
from collections.abc import Mapping
from pathlib import Path

import pytest
from facet_requests import REQUESTS, prepared
from hypothesis import given, settings
from hypothesis import strategies as st
from tantivy import Query

from indexer import schema as S
from search_api import facet_keys, selection, snapshot
from search_api import facets as F
from search_api.params import SearchRequest, parse_search_params
from search_api.service import payload

COUNTS = st.lists(st.tuples(st.sampled_from("abcdefghijklmnopqrstuvwxyz"), st.integers(1, 4)),
                  unique_by=lambda vc: vc[0], max_size=26)


def _ranked(counts: list[tuple[str, int]]) -> list[tuple[str, int]]:
    return sorted(counts, key=lambda vc: (-vc[1], vc[0]))


@settings(max_examples=500, deadline=None)
@given(COUNTS, st.integers(1, 12), st.randoms(use_true_random=False))
def test_a_settled_probe_shows_the_values_of_the_complete_counts(
        counts: list[tuple[str, int]], size: int, rng: random.Random) -> None:
    # The engine's probe: the best size + PROBE_EXTRA by count, ties in any order.
    shuffled = counts[:]
    rng.shuffle(shuffled)
    probe = sorted(shuffled, key=lambda vc: -vc[1])[:size + F.PROBE_EXTRA]
    settles = F.probe_settles(probe, size)
    assert settles or len(counts) >= size + F.PROBE_EXTRA  # holding every value settles it
    assert not settles or F.terms_facet(probe, [], size) == F.terms_facet(counts, [], size)


@settings(max_examples=300, deadline=None)
@given(COUNTS, st.integers(1, 12), st.integers(0, 20), st.randoms(use_true_random=False))
def test_a_settled_probe_of_any_width_shows_the_values_of_the_complete_counts(
        counts: list[tuple[str, int]], size: int, extra: int, rng: random.Random) -> None:
    # A wider probe (facet_keys.wide_agg): the best ``width`` by count, ties in any order.
    width = size + 1 + extra
    shuffled = counts[:]
    rng.shuffle(shuffled)
    probe = sorted(shuffled, key=lambda vc: -vc[1])[:width]
    settles = F.probe_settles(probe, size, width)
    assert settles or len(counts) >= width
    assert not settles or F.terms_facet(probe, [], size) == F.terms_facet(counts, [], size)


def test_the_wider_probe_is_wider_than_the_first_whatever_the_size() -> None:
    for size in (0, 1, 10, 11, 100, facet_keys.WIDE_PROBE, 10 * facet_keys.WIDE_PROBE):
        width = facet_keys.wide_width(size)
        assert width >= facet_keys.WIDE_PROBE
        assert width > max(size, 1) + F.PROBE_EXTRA
        assert facet_keys.wide_agg(S.PERSON, size, 1)["terms"]["size"] == width


def _oracle(snap: snapshot.Snapshot, request: SearchRequest, text: Query | None,
            filters: Mapping[str, Query], dates: Query | None, size: int
            ) -> dict[str, tuple[F.FacetValue, ...]]:
    """Each terms facet from every value's count (as many candidates as documents)."""
    searcher, schema = snap.searcher, snap.schema
    every = searcher.num_docs + 1
    out = {}
    for name in S.KEYWORD_FACETS:
        own = name in filters and name not in request.all_of
        kept = [q for other, q in filters.items() if not (own and other == name)]
        query = selection.combine(schema, text, [*([dates] if dates is not None else []), *kept])
        agg = searcher.aggregate(query, {name: {"terms": {
            "field": name, "size": every, "segment_size": every}}})
        counts = F.term_counts(agg.get(name))
        selected = request.selected(name)
        shown = {v for v, _ in _ranked(counts)[:size]}
        known = dict(counts)
        missing = {v: known.get(v, 0) for v in selected if v not in shown}
        out[name] = F.terms_facet(counts, selected, size, missing)
    return out


@pytest.mark.parametrize("by_number", [False, True])
def test_probed_facets_equal_the_complete_counts_on_the_real_index(index_dir: Path,
                                                                   by_number: bool) -> None:
    holder = snapshot.SearcherHolder(index_dir)
    snap = holder.snapshot()
    # entity facets counted by text, or by number (search_api.facet_keys)
    snap.cache["facet_keys"] = facet_keys.build_tables(snap) if by_number else {}
    assert bool(snap.cache["facet_keys"]) == by_number
    assert snap.searcher.num_segments == 1  # what a full build writes: the probe is used
    unsettled = settled = lone_unshown = wide = 0
    keyed = facet_keys.tables(snap)
    for params in REQUESTS:
        for size in (1, 2, 3, 10, 25):
            request = parse_search_params([*params, ("facet_size", str(size))])
            ready = prepared(snap, request)
            indexed, text, filters, dates = ready.request, ready.text, ready.filters, ready.dates
            facets, _ = ready.facets(snap)
            expected = _oracle(snap, indexed, text, filters, dates, size)
            for name in S.KEYWORD_FACETS:
                assert facets.terms(name) == expected[name], (params, size, name)
                selected = indexed.selected(name)
                lone_unshown += (name in filters and name not in indexed.all_of
                                 and len(selected) == 1
                                 and selected[0] not in {v.value for v in expected[name][:size]})
                query = selection.combine(snap.schema, text, [
                    *([dates] if dates is not None else []), *filters.values()])
                probe = F.term_counts(snap.searcher.aggregate(
                    query, {name: F.probe_agg(name, size, 1)}).get(name))
                settles = F.probe_settles(probe, size)
                settled += settles
                unsettled += not settles
                if name in keyed:  # counted by number: settled by the first probe or a wider
                    by_key = facet_keys.term_counts(keyed, name, snap.searcher.aggregate(
                        query, {name: facet_keys.probe_agg(keyed, name, size, 1)}).get(name))
                    wide += by_key is not None and not F.probe_settles(by_key, size)
    # both ways of counting were exercised, and by number the wider probe too
    assert settled > 50 and unsettled > 5, (settled, unsettled)
    assert (wide > 5) == by_number, wide
    # a facet's one selected value outside its top, counted as the results themselves
    assert lone_unshown > 5, lone_unshown



def test_entity_facets_equal_the_complete_counts_on_the_full_index(full_index_dir: Path) -> None:
    """On the 22k corpus many results hold more than a hundred values counted once, tied at
    the last place shown: the entity facets must be those of the complete counts, ties by
    value, whichever probe or count decided them (queries: the newest titles' first words)."""
    snap = snapshot.SearcherHolder(full_index_dir).snapshot()
    snap.cache["facet_keys"] = facet_keys.build_tables(snap)
    assert snap.cache["facet_keys"]  # counted by number
    every = snap.searcher.num_docs + 1
    newest = snap.searcher.search(Query.all_query(), 150, order_by_field=S.DATE).hits
    titles = [payload(snap.searcher, addr).title.split() for _, addr in newest]
    queries = sorted({" ".join(words[:k]) for words in titles for k in (1, 2) if words})
    crowded = 0
    for q in queries:
        ready = prepared(snap, parse_search_params([("q", q), ("facet_size", "10")]))
        if ready.text is None:
            continue
        facets, _ = ready.facets(snap)
        complete = snap.searcher.aggregate(ready.text, {name: {"terms": {
            "field": name, "size": every, "segment_size": every}} for name in S.ENTITY_FACETS})
        for name in S.ENTITY_FACETS:
            counts = F.term_counts(complete.get(name))
            assert facets.terms(name) == F.terms_facet(counts, [], 10), (q, name)
            ranked = _ranked(counts)
            crowded += len(ranked) > 10 and sum(c == ranked[9][1] for _, c in counts) > 100
    assert crowded > 0  # some results held over a hundred values tied at the last place
