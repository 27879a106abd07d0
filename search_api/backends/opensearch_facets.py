"""Facets on OpenSearch, in the one search request: the text and the dates narrow everything
(``query``); the facet filters are a ``post_filter``, so each facet can be counted without its
own filter (disjunctive faceting, as :mod:`search_api.facets` describes): its terms under a
``filter`` of the other facets' filters, each selected value counted exactly whatever its rank;
the day histogram (``calendar_interval`` in the API's day zone) and the repeats of multi-member
stories (:mod:`search_api.backends.opensearch`) under all filters.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from indexer import schema as S
from search_api import facets as F
from search_api.backends import opensearch_parts as P
from search_api.params import SearchRequest

SHARD_SIZE: Final = 2_000  # terms candidates per shard (exact on one shard, see docs/scale.md)


def selected_agg(name: str, values: tuple[str, ...]) -> dict[str, Any]:
    """The exact count of each selected value (``"0"``, ``"1"``, ... in selection order)."""
    return {"filters": {"filters": {str(i): {"term": {name: v}} for i, v in enumerate(values)}}}


def terms_agg(name: str, size: int) -> dict[str, Any]:
    return {"terms": {"field": name, "size": max(size, 1), "shard_size": max(SHARD_SIZE, size),
                      "order": [{"_count": "desc"}, {"_key": "asc"}]}}


def date_facet(aggs: Mapping[str, Any]) -> tuple[F.DateBucket, ...]:
    return F.date_facet(F.day_counts(aggs.get("days")), int(aggs["doc_count"]) - P.dated(aggs))


def facet_aggs(request: SearchRequest, filters: Mapping[str, Any], multi: list[str]
               ) -> dict[str, Any]:
    """Every facet's aggregations: under all filters, or, for a disjunctive facet, under
    the other facets' filters, with its selected values counted exactly."""
    def under(names: list[str], aggs: dict[str, Any]) -> dict[str, Any]:
        clauses = [filters[n] for n in names]
        return {"filter": {"bool": {"filter": clauses}}, "aggs": aggs}

    every = list(filters)
    # Disjunctive (see facets.py) but for a facet whose values must all match: choosing one
    # more of those narrows the results, so its counts are those of the results as they are.
    disjunctive = [n for n in every if n not in request.all_of]
    all_aggs: dict[str, Any] = P.date_aggs()
    if multi:  # the repeats of each story that can repeat (exact: see the module's doc)
        all_aggs["stories"] = {"filter": {"terms": {S.STORY: multi}}, "aggs": {"s": {
            "terms": {"field": S.STORY, "size": len(multi), "shard_size": len(multi)}}}}
    for name in S.KEYWORD_FACETS:
        if name not in disjunctive:
            all_aggs[name] = terms_agg(name, request.facet_size)
            if request.selected(name):
                all_aggs[f"selected:{name}"] = selected_agg(name, request.selected(name))
    aggs = {"all": under(every, all_aggs)}
    for name in disjunctive:
        selected = request.selected(name)
        inner: dict[str, Any] = {"top": terms_agg(name, request.facet_size)}
        if selected:
            inner["selected"] = selected_agg(name, selected)
        aggs[f"without:{name}"] = under([n for n in every if n != name], inner)
    return aggs


def facets(request: SearchRequest, filters: Mapping[str, Any], aggs: Mapping[str, Any]
           ) -> F.Facets:
    """The facets of a response to :func:`facet_aggs`."""
    values: dict[str, tuple[F.FacetValue, ...]] = {}
    for name in S.KEYWORD_FACETS:
        selected = request.selected(name)
        if name in filters and name not in request.all_of:
            part, top, picked = aggs[f"without:{name}"], "top", "selected"
        else:
            part, top, picked = aggs["all"], name, f"selected:{name}"
        buckets = (part.get(picked) or {}).get("buckets") or {}
        exact = {v: int(buckets[str(i)]["doc_count"]) for i, v in enumerate(selected)
                 if str(i) in buckets}
        values[name] = F.terms_facet(
            F.term_counts(part.get(top)), selected, request.facet_size, exact)
    return F.Facets(
        person=values[S.PERSON], org=values[S.ORG], place=values[S.PLACE],
        source=values[S.SOURCE], category=values[S.CATEGORY],
        date=date_facet(aggs["all"]),
    )
