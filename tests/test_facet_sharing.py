"""The page and the API share one facet computation: facets are counted at least
``facet_cache.SHARED_SIZE`` wide and cut to the size asked (:func:`search_api.facets.trimmed`).
The cut must equal counting at the asked size directly, both as pure functions over any counts
and on the real index against :func:`search_api.facet_counts.compute_facets` at that size."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from facet_requests import REQUESTS, prepared
from hypothesis import given, settings
from hypothesis import strategies as st

from search_api import facet_cache as FC
from search_api import facets as F
from search_api import i18n, service, snapshot
from search_api.params import DEFAULT_FACET_SIZE, parse_search_params
from search_api.web.state import parse_state

VALUES = st.lists(st.tuples(st.sampled_from("abcdefghijklmnop"), st.integers(1, 6)),
                  unique_by=lambda vc: vc[0], max_size=16)


def _engine(counts: list[tuple[str, int]], n: int) -> list[tuple[str, int]]:
    """What a terms aggregation of size ``n`` returns from exact counts."""
    return sorted(counts, key=lambda vc: (-vc[1], vc[0]))[:n]


def _facet(counts: list[tuple[str, int]], selected: list[str], n: int
           ) -> tuple[F.FacetValue, ...]:
    top = _engine(counts, n)
    shown = {v for v, _ in top}
    exact = dict(counts)
    missing = {v: exact.get(v, 0) for v in selected if v not in shown}
    return F.terms_facet(top, selected, n, missing)


@settings(max_examples=400, deadline=None)
@given(VALUES, st.lists(st.sampled_from("abcdefghijklmnopqrs"), unique=True, max_size=5),
       st.integers(0, FC.SHARED_SIZE), st.integers(0, 4))
def test_a_cut_equals_counting_at_that_size(counts: list[tuple[str, int]], selected: list[str],
                                            size: int, extra: int) -> None:
    wide = size + extra
    facets = F.Facets(person=_facet(counts, selected, wide), date=(F.DateBucket("undated", 1),))
    cut = F.trimmed(facets, size)
    assert cut == F.Facets(person=_facet(counts, selected, size), date=facets.date)


def test_shared_facets_equal_counting_at_the_asked_size(index_dir: Path) -> None:
    holder = snapshot.SearcherHolder(index_dir)
    snap = holder.snapshot()
    for params in REQUESTS:
        for size in (0, 3, 10, FC.SHARED_SIZE, 25):
            request = parse_search_params([*params, ("facet_size", str(size))])
            got = service.search(holder, request)
            direct = prepared(snap, request, fallback=got.matched == "some").facets(snap)
            assert (got.facets, got.stories) == direct, (params, size)


def test_the_page_and_the_api_share_one_entry(index_dir: Path) -> None:
    holder = snapshot.SearcherHolder(index_dir)
    pairs = [("q", "jakarta"), ("source", "detik.com")]
    api = service.search(holder, parse_search_params(pairs))
    _, page_request = parse_state(pairs, i18n.for_request("id", None))
    assert page_request.facet_size == FC.SHARED_SIZE
    page = service.search(holder, page_request)
    lru: FC.LRU = holder.snapshot().cache["facet_cache"]
    assert (len(lru), lru.misses, lru.hits) == (1, 1, 1)
    assert F.trimmed(page.facets, DEFAULT_FACET_SIZE) == api.facets
    assert replace(page, took_ms=0, facets=api.facets) == replace(api, took_ms=0)
