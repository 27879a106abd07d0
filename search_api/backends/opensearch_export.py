"""What exports, trends and counts read on OpenSearch: the selection of a search (what
:meth:`~search_api.backends.opensearch.OpenSearchBackend.search` counts as ``total``), every
article of it in :mod:`indexer.export`'s order, and its counts per day and outlet.

Order: ``date`` (newest or oldest first, undated last), then ``id_key``, as the tantivy export;
then ``id``, so that ``search_after`` has a key no two documents share. The pages are read in one
point in time (PIT), so an ``add``, a ``delete`` or an alias swap during a download changes none
of its rows; the PIT is closed when the walk ends or is abandoned, and lapses after
:data:`KEEP_ALIVE` without a page read anyway.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Final

from opensearchpy import NotFoundError

from indexer import export as E
from indexer import schema as S
from search_api import facets as F
from search_api import snapshot, trends
from search_api.backends import opensearch_parts as P
from search_api.backends.opensearch_dsl import Dsl, compile_dsl
from search_api.params import SearchRequest

if TYPE_CHECKING:  # the backend calls this module: no import back at run time
    from search_api.backends.opensearch import Generation, OpenSearchBackend

KEEP_ALIVE: Final = "2m"  # between two pages of an export


def selection(b: OpenSearchBackend, gen: Generation, request: SearchRequest) -> Dsl:
    """The query of ``request``'s ``total``: the text (its fallback when every word together
    finds nothing), every facet filter and the dates."""
    compiled = compile_dsl(request.q, gen.analyzer)
    narrow = [*b.facet_filters(gen, request).values(),
              *[r for r in [P.date_range(request.date_from, request.date_to)] if r]]

    def with_text(text: Dsl | None) -> Dsl:
        return {"bool": {"must": [text if text is not None else {"match_all": {}}],
                         "filter": narrow}}

    query = with_text(compiled.query)
    if compiled.fallback is not None and _total(b, gen, query) == 0:
        query = with_text(compiled.fallback)
    return query


def _total(b: OpenSearchBackend, gen: Generation, query: Dsl) -> int:
    body = {"query": query, "size": 0, "track_total_hits": True}
    return int(b.raw_search(gen, body)["hits"]["total"]["value"])


def count(b: OpenSearchBackend, request: SearchRequest) -> int:
    gen = b.generation()
    return _total(b, gen, selection(b, gen, request))


def day_counts(b: OpenSearchBackend, request: SearchRequest) -> trends.DayCounts:
    """:func:`search_api.trends.count_by_day`: one request."""
    gen = b.generation()
    aggs: dict[str, Any] = P.date_aggs()
    aggs["sources"] = {"terms": {"field": S.SOURCE, "size": trends.SOURCE_CANDIDATES}}
    resp = b.raw_search(gen, {"query": selection(b, gen, request), "size": 0,
                           "track_total_hits": True, "aggs": aggs})
    total = int(resp["hits"]["total"]["value"])
    found = resp["aggregations"]
    return trends.DayCounts(total=total, days=F.day_counts(found["days"]),
                            undated=total - P.dated(found),
                            sources=F.term_counts(found["sources"]))


def export(b: OpenSearchBackend, request: SearchRequest, page: int = E.PAGE
           ) -> Iterator[tuple[S.StoredArticle, str]]:
    """Every article of ``request``'s selection and its story id, ``page`` at a time."""
    gen = b.generation()
    query = selection(b, gen, request)
    order = "asc" if request.sort == "oldest" else "desc"
    sort = [{S.DATE: {"order": order, "missing": "_last"}}, {S.ID_KEY: "asc"}, {S.ID: "asc"}]
    try:
        pit = str(b.client.create_pit(index=gen.name, params={"keep_alive": KEEP_ALIVE})[
            "pit_id"])
    except NotFoundError as e:  # the generation was swapped out meanwhile
        raise snapshot.IndexUnavailable("the index changed; retry") from e
    try:
        after: list[Any] | None = None
        while True:
            body: dict[str, Any] = {
                "query": query, "size": page, "sort": sort, "track_total_hits": False,
                "_source": [S.PAYLOAD, S.STORY], "pit": {"id": pit, "keep_alive": KEEP_ALIVE}}
            if after is not None:
                body["search_after"] = after
            resp = b.client.search(body=body)
            pit = str(resp.get("pit_id") or pit)
            hits = resp["hits"]["hits"]
            for h in hits:
                yield P.payload(h["_source"]), str(h["_source"].get(S.STORY) or "")
            if len(hits) < page:
                return
            after = hits[-1]["sort"]
    finally:
        b.client.delete_pit(body={"pit_id": [pit]})
